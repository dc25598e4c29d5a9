#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <deque>

namespace Gatehouse {

// One log line of the Logs dock (the control protocol's `log` message).
struct LogLine
{
    enum class Level { Debug, Info, Warning, Error };
    qint64 timeMs = 0;
    QString nodeId;
    QString stream; // stdout, stderr, telemetry
    Level level = Level::Info;
    QString message; // without one (access logs): "POST /orders → 201 key=value …" from the fields
    QJsonObject fields;

    static LogLine fromJson(const QJsonObject &message);
    static Level levelFromString(const QString &text); // unknown → Info
};

// The Logs dock's lines of every node, merged in arrival order: a bounded ring (20,000 lines
// by default), filled in batches like the TrafficModel (append() buffers, a 150 ms timer or
// flush() inserts with one beginInsertRows and evicts the oldest with one beginRemoveRows).
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, NodeColumn, LevelColumn, MessageColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1, NodeRole, SearchTextRole };

    explicit LogModel(QObject *parent = nullptr);

    void append(const QJsonObject &line);
    void flush();
    void clear();
    void setCapacity(int lines);
    int capacity() const { return m_capacity; }
    int pendingCount() const { return int(m_pending.size()); }
    const LogLine &line(int row) const { return m_lines.at(std::size_t(row)); }
    QStringList nodeIds() const; // every node seen since clear(), sorted

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString levelName(LogLine::Level level); // translated

Q_SIGNALS:
    void nodeSeen(const QString &nodeId); // the first line of a node since clear()

private:
    std::deque<LogLine> m_lines;
    std::deque<LogLine> m_pending;
    QSet<QString> m_nodes;
    QTimer m_timer;
    int m_capacity = 20000;
};

} // namespace Gatehouse
