#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace Gatehouse::Protocol {

// The control protocol of `gatehouse-runtime up` (docs/runtime-protocol.md): newline-delimited
// compact JSON objects over a local socket, each with a "type". Version negotiation: the client
// sends `hello` with the versions it speaks, the server answers `welcome` with the one it chose
// or `error` (code "unsupported-version") and closes.
inline constexpr int Version = 1;
inline constexpr int MinVersion = 1;
// A line longer than this is a protocol error (the connection is closed after the error reply).
inline constexpr int MaxLineBytes = 1 << 20;

namespace Type {
// client → server
inline constexpr char Hello[] = "hello";
inline constexpr char Command[] = "command";
// server → client
inline constexpr char Welcome[] = "welcome";
inline constexpr char Snapshot[] = "snapshot";
inline constexpr char Status[] = "status";
inline constexpr char EdgeFaults[] = "edgeFaults"; // the injected edge faults, whenever they change
inline constexpr char Log[] = "log";
inline constexpr char Spans[] = "spans";
inline constexpr char Metrics[] = "metrics";
inline constexpr char Topics[] = "topics";
inline constexpr char Result[] = "result";
inline constexpr char Dropped[] = "dropped";
inline constexpr char Error[] = "error";
inline constexpr char Bye[] = "bye";
} // namespace Type

// Error codes of `error` messages and failed `result`s.
namespace ErrorCode {
inline constexpr char Malformed[] = "malformed";             // not JSON, not an object, no type
inline constexpr char UnsupportedVersion[] = "unsupported-version";
inline constexpr char NotNegotiated[] = "hello-required";    // a message before hello
inline constexpr char UnknownType[] = "unknown-type";
inline constexpr char UnknownCommand[] = "unknown-command";
inline constexpr char UnknownNode[] = "unknown-node";
inline constexpr char UnknownEdge[] = "unknown-edge";
inline constexpr char InvalidArgument[] = "invalid-argument";
inline constexpr char NotPossible[] = "not-possible";        // e.g. resume a node that is not paused
inline constexpr char Unsupported[] = "unsupported";         // not in this build
} // namespace ErrorCode

// One message as one line: compact JSON followed by '\n'.
QByteArray encode(const QJsonObject &message);

// Parses one line (without its '\n'). Returns nullopt and sets `error` when the line is not a
// JSON object with a string "type".
std::optional<QJsonObject> decode(const QByteArray &line, QString *error);

QJsonObject makeError(const QString &code, const QString &message, const QJsonValue &inReplyTo = {});

} // namespace Gatehouse::Protocol
