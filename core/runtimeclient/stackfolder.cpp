#include "stackfolder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Gatehouse {

QString stackFolderName(const QString &projectFile)
{
    const QFileInfo info(projectFile.isEmpty() ? QStringLiteral("untitled.gatehouse") : projectFile);
    QString name = info.completeBaseName().toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9_-]+")), QStringLiteral("-"));
    const QString path = projectFile.isEmpty() ? QStringLiteral("untitled") : info.absoluteFilePath();
    const QByteArray hash = QCryptographicHash::hash(QFile::encodeName(path), QCryptographicHash::Sha256).toHex().left(8);
    return name + QLatin1Char('-') + QString::fromLatin1(hash);
}

} // namespace Gatehouse
