#include "credentialscope.h"

#include <QCryptographicHash>
#include <QFileInfo>

namespace Gatehouse {

QString projectCredentialScope(const QString &projectFile)
{
    if (projectFile.isEmpty())
        return QStringLiteral("project-untitled");
    const QByteArray path = QFileInfo(projectFile).absoluteFilePath().toUtf8();
    return QStringLiteral("project-")
        + QString::fromLatin1(QCryptographicHash::hash(path, QCryptographicHash::Sha256).toHex().left(16));
}

} // namespace Gatehouse
