#include "drawiocodec.h"

#include <QUrl>
#include <zlib.h>

namespace Gatehouse::DrawioCodec {

QByteArray rawDeflate(const QByteArray &data)
{
    z_stream stream {};
    // Level 6, raw (-15), default memory: fixed parameters so the same input gives the same bytes.
    if (deflateInit2(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&stream, uLong(data.size()))));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (rc != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

std::optional<QByteArray> rawInflate(const QByteArray &data, qsizetype maxBytes, QString *error)
{
    z_stream stream {};
    if (inflateInit2(&stream, -15) != Z_OK) {
        *error = QStringLiteral("cannot start the decompressor");
        return std::nullopt;
    }
    QByteArray out;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    char chunk[64 * 1024];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        rc = inflate(&stream, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            *error = rc == Z_BUF_ERROR ? QStringLiteral("the compressed data ends too early")
                                       : QStringLiteral("the compressed data is corrupt (%1)")
                                             .arg(QString::fromLatin1(stream.msg ? stream.msg : "inflate failed"));
            inflateEnd(&stream);
            return std::nullopt;
        }
        const qsizetype produced = qsizetype(sizeof chunk - stream.avail_out);
        if (out.size() + produced > maxBytes) {
            *error = QStringLiteral("the page decompresses to more than %1 MiB").arg(maxBytes / (1024 * 1024));
            inflateEnd(&stream);
            return std::nullopt;
        }
        out.append(chunk, produced);
        if (rc == Z_OK && produced == 0 && stream.avail_in == 0) {
            *error = QStringLiteral("the compressed data ends too early");
            inflateEnd(&stream);
            return std::nullopt;
        }
    }
    inflateEnd(&stream);
    return out;
}

QByteArray encodeUriComponent(const QString &text)
{
    return QUrl::toPercentEncoding(text, QByteArrayLiteral("!*'()"));
}

QString decodeUriComponent(const QByteArray &text)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(text));
}

QByteArray compressPage(const QString &xml)
{
    return rawDeflate(encodeUriComponent(xml)).toBase64();
}

std::optional<QString> decompressPage(QByteArray text, qsizetype maxBytes, QString *error)
{
    text = text.simplified();
    text.replace(' ', QByteArray());
    if (text.isEmpty()) {
        *error = QStringLiteral("the page is empty");
        return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        *error = QStringLiteral("the compressed page is not valid base64");
        return std::nullopt;
    }
    const auto inflated = rawInflate(decoded.decoded, maxBytes, error);
    if (!inflated)
        return std::nullopt;
    // draw.io URI-encodes before deflating; very old files deflated the XML itself.
    if (inflated->startsWith('<'))
        return QString::fromUtf8(*inflated);
    return decodeUriComponent(*inflated);
}

} // namespace Gatehouse::DrawioCodec
