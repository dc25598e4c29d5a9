// Fuzzes the gateway's token check (JwtVerifier) with a real ES256 key. The first input byte
// picks how the rest becomes a token:
//   0 — the bytes are the token (what follows "Bearer ");
//   1 — "header\npayload\nsignature": each part base64url-encoded and joined with '.', so the
//       JSON of the header and the claims is reached however it looks;
//   2 — the bytes are a claims object, signed with the fixture's private key (libjwt), so the
//       claim checks (exp, nbf, iss, aud, sub, role) run behind a valid signature.
// Every outcome must be a clean answer: valid with a subject, or refused with a reason; and the
// same token asked twice (the second time possibly from the verified-token cache) gets the same
// answer.
#include "gateway/jwtverifier.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <jwt.h>

using Gatehouse::Runtime::JwtVerifier;

namespace {

// A throwaway P-256 pair made for this fuzzer: not a secret, never used anywhere else.
constexpr char PrivateKey[] = "-----BEGIN PRIVATE KEY-----\n"
                              "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzlgMsPda47UhdNm8\n"
                              "0L5IFTXpqOA7CpFeJpFHtzhK78mhRANCAASiYrqMbPf/vKt+r5AE/zMfC2FaGVky\n"
                              "pnU2bHaV98AE3rouAzmHKialVulMqNtEYQq8C+ahfCRiOyE0Nop9UYxX\n"
                              "-----END PRIVATE KEY-----\n";
constexpr char PublicKey[] = "-----BEGIN PUBLIC KEY-----\n"
                             "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEomK6jGz3/7yrfq+QBP8zHwthWhlZ\n"
                             "MqZ1Nmx2lffABN66LgM5hyompVbpTKjbRGEKvAvmoXwkYjshNDaKfVGMVw==\n"
                             "-----END PUBLIC KEY-----\n";

// The fixed "now" of every run (2026-11-29T12:00:00Z), so the seed tokens keep their meaning.
constexpr qint64 Now = 1764417600;

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray signedToken(const QByteArray &claims)
{
    jwt_t *jwt = nullptr;
    if (jwt_new(&jwt) != 0)
        return {};
    QByteArray token;
    const QByteArray json = claims + '\0'; // libjwt wants a C string
    if (jwt_add_grants_json(jwt, json.constData()) == 0
        && jwt_set_alg(jwt, JWT_ALG_ES256, reinterpret_cast<const unsigned char *>(PrivateKey),
               int(sizeof(PrivateKey) - 1))
            == 0) {
        if (char *out = jwt_encode_str(jwt)) {
            token = out;
            free(out);
        }
    }
    jwt_free(jwt);
    return token;
}

bool same(const JwtVerifier::Result &a, const JwtVerifier::Result &b)
{
    if (a.ok() != b.ok() || a.error != b.error)
        return false;
    return !a.ok() || (a.claims->subject == b.claims->subject && a.claims->role == b.claims->role);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const JwtVerifier verifier(QByteArray(PublicKey), QStringLiteral("gatehouse-auth"),
        QStringLiteral("gatehouse-api"));
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QByteArray token;
    switch (data[0] % 3) {
    case 0:
        token = rest;
        break;
    case 1: {
        const QList<QByteArray> parts = rest.split('\n');
        QByteArrayList encoded;
        for (const QByteArray &part : parts)
            encoded.append(b64(part));
        token = encoded.join('.');
        break;
    }
    default:
        token = signedToken(rest);
        if (token.isEmpty())
            return 0; // libjwt refused the claims (not an object): nothing to verify
        break;
    }

    const JwtVerifier::Result first = verifier.verify(token, Now);
    if (first.ok() == !first.error.isEmpty())
        abort(); // exactly one of: claims, a reason
    if (first.ok() && (first.claims->subject.isEmpty() || first.claims->role.isEmpty()))
        abort();
    if (!same(first, verifier.verify(token, Now)))
        abort(); // the cache must not change the answer
    return 0;
}
