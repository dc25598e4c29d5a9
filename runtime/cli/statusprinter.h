#pragma once

#include "runtimeclient/nodestatus.h"

#include <QJsonObject>
#include <QList>
#include <QTextStream>

namespace Gatehouse::Runtime {

// What `up` writes to its stdout:
//   Lines  (default) one line per status change: "12:00:01 order ready :8102 pid 4242 — message"
//   Table  (--status) one line per node, redrawn in place on a terminal, reprinted otherwise
//   Json   (--json) every status change, log line and metrics sample as one protocol message per line
// Log lines of nodes are printed only with `logs` (the control socket always has them).
class StatusPrinter
{
public:
    enum class Mode { Lines, Table, Json };

    StatusPrinter(QTextStream &out, Mode mode, bool logs, bool terminal);

    void status(const NodeStatus &status, const QList<NodeStatus> &all);
    void log(const QJsonObject &line);
    void metrics(const QJsonObject &metrics);
    void message(const QString &text); // supervisor events ("stopping", "stopped")

private:
    void drawTable(const QList<NodeStatus> &all);

    QTextStream &m_out;
    Mode m_mode;
    bool m_logs;
    bool m_terminal;
    int m_tableLines = 0;
};

} // namespace Gatehouse::Runtime
