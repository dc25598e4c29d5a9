#pragma once

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <sys/stat.h>

// A temp dir the `postgres` user can traverse when the tests run as root (QTemporaryDir makes
// 0700 folders). Nothing secret is kept directly in it: the servers create their own 0700
// folders below.
class TestDir
{
public:
    TestDir()
        : m_dir(QDir::tempPath() + QStringLiteral("/gh-infra-XXXXXX"))
    {
        if (m_dir.isValid())
            ::chmod(QFile::encodeName(m_dir.path()).constData(), 0711);
    }
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};
