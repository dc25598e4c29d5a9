#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace Gatehouse::DrawioCodec {

// draw.io's compressed page text: base64(rawDeflate(encodeURIComponent(xml))), see
// ../shared/tools/drawio/FORMAT.md §3. Raw deflate (no zlib header) — not qCompress().

// The compressed form of `xml` (a compact <mxGraphModel> string). Deterministic.
QByteArray compressPage(const QString &xml);

// The page XML back from compressed text. Refuses broken base64, broken deflate data and
// output larger than `maxBytes` (a deflate bomb), with a message in `error`.
std::optional<QString> decompressPage(QByteArray text, qsizetype maxBytes, QString *error);

// Raw DEFLATE / INFLATE (windowBits -15). inflate stops with an error beyond maxBytes.
QByteArray rawDeflate(const QByteArray &data);
std::optional<QByteArray> rawInflate(const QByteArray &data, qsizetype maxBytes, QString *error);

// encodeURIComponent / decodeURIComponent of JavaScript (UTF-8 percent-encoding).
QByteArray encodeUriComponent(const QString &text);
QString decodeUriComponent(const QByteArray &text);

} // namespace Gatehouse::DrawioCodec
