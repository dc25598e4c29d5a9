#include "portcheck.h"

#include <QFile>
#include <QTcpServer>

namespace Gatehouse::Runtime {

bool isPortFree(int port)
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, static_cast<quint16>(port));
}

int pickFreePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool isListening(int port)
{
    // Columns: sl local_address rem_address st …; st 0A is LISTEN; ports are upper-case hex.
    const QByteArray wanted = ':' + QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const char *path : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(path));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        // /proc files report size 0: read to EOF, not line by line with atEnd().
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> columns = line.simplified().split(' ');
            if (columns.size() > 3 && columns.at(1).endsWith(wanted) && columns.at(3) == "0A")
                return true;
        }
    }
    return false;
}

} // namespace Gatehouse::Runtime
