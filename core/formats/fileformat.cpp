#include "fileformat.h"

#include <QFile>
#include <QSaveFile>

namespace Gatehouse {

QString ImportNote::toString() const
{
    QString prefix;
    switch (kind) {
    case Kind::Recognised:
        prefix = QStringLiteral("recognised");
        break;
    case Kind::Guessed:
        prefix = QStringLiteral("guessed");
        break;
    case Kind::Kept:
        prefix = QStringLiteral("kept");
        break;
    case Kind::Dropped:
        prefix = QStringLiteral("dropped");
        break;
    }
    if (cell.isEmpty())
        return QStringLiteral("%1: %2").arg(prefix, message);
    return QStringLiteral("%1: cell %2: %3").arg(prefix, cell, message);
}

FileFormat::~FileFormat() = default;

ReadResult FileFormat::read(const QByteArray &, const ReadOptions &) const
{
    ReadResult result;
    result.error = QStringLiteral("Gatehouse cannot read %1 files.").arg(displayName());
    return result;
}

WriteResult FileFormat::write(const Topology &, const WriteOptions &) const
{
    WriteResult result;
    result.error = QStringLiteral("Gatehouse cannot write %1 files.").arg(displayName());
    return result;
}

ReadResult FileFormat::readFile(const QString &fileName, const ReadOptions &options) const
{
    ReadResult result;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("Cannot open %1: %2.").arg(fileName, file.errorString());
        return result;
    }
    if (file.size() > maxReadSize()) {
        result.error = QStringLiteral("%1 is larger than %2 MiB; Gatehouse does not open %3 files this large.")
                           .arg(fileName)
                           .arg(maxReadSize() / (1024 * 1024))
                           .arg(displayName());
        return result;
    }
    const QByteArray data = file.read(maxReadSize() + 1);
    if (data.size() > maxReadSize()) {
        result.error = QStringLiteral("%1 is too large.").arg(fileName);
        return result;
    }
    result = read(data, options);
    if (!result.ok() && !result.error.isEmpty())
        result.error = QStringLiteral("%1: %2").arg(fileName, result.error);
    return result;
}

std::optional<QString> FileFormat::writeFile(
    const QString &fileName, const Topology &topology, const WriteOptions &options) const
{
    const WriteResult result = write(topology, options);
    if (!result.ok())
        return result.error;
    return saveFileAtomically(fileName, result.bytes);
}

std::optional<QString> saveFileAtomically(const QString &fileName, const QByteArray &bytes)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("Cannot write %1: %2.").arg(fileName, file.errorString());
    if (file.write(bytes) != bytes.size())
        return QStringLiteral("Cannot write %1: %2.").arg(fileName, file.errorString());
    if (!file.commit())
        return QStringLiteral("Cannot save %1: %2.").arg(fileName, file.errorString());
    return std::nullopt;
}

} // namespace Gatehouse
