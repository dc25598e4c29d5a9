#include "protocol.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Gatehouse::Protocol {

QByteArray encode(const QJsonObject &message)
{
    QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

std::optional<QJsonObject> decode(const QByteArray &line, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error)
            *error = QStringLiteral("a message must be a JSON object");
        return std::nullopt;
    }
    QJsonObject object = document.object();
    if (!object.value(QStringLiteral("type")).isString()) {
        if (error)
            *error = QStringLiteral("a message needs a string \"type\"");
        return std::nullopt;
    }
    return object;
}

QJsonObject makeError(const QString &code, const QString &message, const QJsonValue &inReplyTo)
{
    QJsonObject error{{QStringLiteral("type"), QLatin1String(Type::Error)},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("message"), message}};
    if (!inReplyTo.isUndefined() && !inReplyTo.isNull())
        error.insert(QStringLiteral("inReplyTo"), inReplyTo);
    return error;
}

} // namespace Gatehouse::Protocol
