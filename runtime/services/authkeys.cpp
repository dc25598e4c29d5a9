#include "authkeys.h"

#include <QCryptographicHash>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <memory>

namespace Gatehouse::Runtime {

namespace {

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Pkey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Bn = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_clear_free>>;
using BnCtx = std::unique_ptr<BN_CTX, Deleter<BN_CTX, BN_CTX_free>>;
using Group = std::unique_ptr<EC_GROUP, Deleter<EC_GROUP, EC_GROUP_free>>;
using Point = std::unique_ptr<EC_POINT, Deleter<EC_POINT, EC_POINT_free>>;
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

Pkey derive(const QByteArray &secret)
{
    Group group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
    BnCtx ctx(BN_CTX_new());
    Bn order(BN_new());
    if (!group || !ctx || !order || !EC_GROUP_get_order(group.get(), order.get(), ctx.get()))
        return nullptr;
    QByteArray digest = QCryptographicHash::hash(QByteArrayLiteral("gatehouse-jwt-es256") + secret, QCryptographicHash::Sha256);
    Bn scalar(BN_new());
    for (int round = 0; round < 8; ++round) {
        BN_bin2bn(reinterpret_cast<const unsigned char *>(digest.constData()), static_cast<int>(digest.size()), scalar.get());
        BN_nnmod(scalar.get(), scalar.get(), order.get(), ctx.get());
        if (!BN_is_zero(scalar.get()))
            break;
        digest = QCryptographicHash::hash(digest, QCryptographicHash::Sha256);
    }
    Point point(EC_POINT_new(group.get()));
    if (!point || !EC_POINT_mul(group.get(), point.get(), scalar.get(), nullptr, nullptr, ctx.get()))
        return nullptr;
    unsigned char pub[65];
    const size_t pubLength = EC_POINT_point2oct(group.get(), point.get(), POINT_CONVERSION_UNCOMPRESSED, pub, sizeof pub, ctx.get());
    if (pubLength != sizeof pub)
        return nullptr;
    ParamBld builder(OSSL_PARAM_BLD_new());
    char groupName[] = "prime256v1";
    if (!builder || !OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, groupName, 0)
        || !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, scalar.get())
        || !OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, pub, pubLength))
        return nullptr;
    Params params(OSSL_PARAM_BLD_to_param(builder.get()));
    PkeyCtx pctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !pctx || EVP_PKEY_fromdata_init(pctx.get()) <= 0
        || EVP_PKEY_fromdata(pctx.get(), &key, EVP_PKEY_KEYPAIR, params.get()) <= 0)
        return nullptr;
    return Pkey(key);
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray bnBytes(EVP_PKEY *key, const char *name)
{
    BIGNUM *raw = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &raw))
        return {};
    Bn bn(raw);
    QByteArray out(32, '\0');
    if (BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char *>(out.data()), 32) != 32)
        return {};
    return out;
}

} // namespace

std::optional<AuthKeys> AuthKeys::fromSecret(const QByteArray &secret, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<AuthKeys> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (secret.trimmed().isEmpty())
        return fail(QStringLiteral("no jwt.signingKey secret"));
    Pkey key;
    if (secret.trimmed().startsWith("-----BEGIN")) {
        Bio in(BIO_new_mem_buf(secret.constData(), static_cast<int>(secret.size())));
        key.reset(PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr));
        char group[64] = {};
        size_t groupLength = 0;
        if (!key || !EVP_PKEY_is_a(key.get(), "EC")
            || !EVP_PKEY_get_utf8_string_param(key.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &groupLength)
            || QByteArray(group) != "prime256v1")
            return fail(QStringLiteral("jwt.signingKey is a PEM but not an EC P-256 private key"));
    } else {
        key = derive(secret);
        if (!key)
            return fail(QStringLiteral("could not derive the ES256 key"));
    }
    AuthKeys keys;
    Bio priv(BIO_new(BIO_s_mem()));
    Bio pub(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
        || !PEM_write_bio_PUBKEY(pub.get(), key.get()))
        return fail(QStringLiteral("could not encode the ES256 key"));
    keys.privatePem = bioBytes(priv.get());
    keys.publicPem = bioBytes(pub.get());
    const QByteArray x = bnBytes(key.get(), OSSL_PKEY_PARAM_EC_PUB_X);
    const QByteArray y = bnBytes(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y);
    if (x.isEmpty() || y.isEmpty())
        return fail(QStringLiteral("could not read the ES256 public key"));
    // kid: the RFC 7638 thumbprint of the public JWK.
    const QByteArray canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + base64Url(x).toLatin1() + "\",\"y\":\""
        + base64Url(y).toLatin1() + "\"}";
    keys.jwk = QJsonObject { { QStringLiteral("kty"), QStringLiteral("EC") }, { QStringLiteral("crv"), QStringLiteral("P-256") },
        { QStringLiteral("x"), base64Url(x) }, { QStringLiteral("y"), base64Url(y) },
        { QStringLiteral("alg"), QStringLiteral("ES256") }, { QStringLiteral("use"), QStringLiteral("sig") },
        { QStringLiteral("kid"), base64Url(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)) } };
    return keys;
}

} // namespace Gatehouse::Runtime
