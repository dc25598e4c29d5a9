#include "projectfile.h"

#include "projectfilereader.h"
#include "topologyjson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

namespace Gatehouse {

namespace {

// QJsonParseError gives a byte offset; users want a line and column.
QString lineAndColumn(const QByteArray &text, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QCoreApplication::translate("ProjectFile", "line %1, column %2").arg(line).arg(column);
}

LoadResult failure(const QString &message)
{
    LoadResult result;
    result.problems.append({QString(), message});
    return result;
}

} // namespace

QString LoadProblem::toString() const
{
    return path.isEmpty() ? message : path + QStringLiteral(": ") + message;
}

LoadResult ProjectFile::fromJson(const QByteArray &json)
{
    if (json.size() > MaxFileSize)
        return failure(QCoreApplication::translate("ProjectFile", "The file is larger than %1 MiB; this is not a project file Gatehouse can open.")
                           .arg(MaxFileSize / (1024 * 1024)));
    if (json.trimmed().isEmpty())
        return failure(QCoreApplication::translate("ProjectFile", "The file is empty."));

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return failure(QCoreApplication::translate("ProjectFile", "The file is not valid JSON (%1): %2.")
                           .arg(lineAndColumn(json, error.offset), error.errorString()));
    if (!document.isObject())
        return failure(QCoreApplication::translate("ProjectFile", "The file must hold one JSON object; this one holds an array or a plain value."));

    ProjectFileReader reader;
    return reader.read(document.object());
}

QByteArray ProjectFile::toJson(const Topology &topology)
{
    return QJsonDocument(TopologyJson::toJson(topology)).toJson(QJsonDocument::Indented);
}

LoadResult ProjectFile::load(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QCoreApplication::translate("ProjectFile", "Cannot open %1: %2.").arg(fileName, file.errorString()));
    if (file.size() > MaxFileSize)
        return failure(QCoreApplication::translate("ProjectFile", "%1 is larger than %2 MiB; this is not a project file Gatehouse can open.")
                           .arg(fileName).arg(MaxFileSize / (1024 * 1024)));
    return fromJson(file.read(MaxFileSize + 1));
}

std::optional<QString> ProjectFile::save(const QString &fileName, const Topology &topology)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("ProjectFile", "Cannot write %1: %2.").arg(fileName, file.errorString());
    const QByteArray bytes = toJson(topology);
    if (file.write(bytes) != bytes.size())
        return QCoreApplication::translate("ProjectFile", "Cannot write %1: %2.").arg(fileName, file.errorString());
    if (!file.commit())
        return QCoreApplication::translate("ProjectFile", "Cannot save %1: %2.").arg(fileName, file.errorString());
    return std::nullopt;
}

} // namespace Gatehouse
