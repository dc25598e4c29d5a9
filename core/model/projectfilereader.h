#pragma once

#include "projectfile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

namespace Gatehouse {

// Turns a parsed project JSON object into a Topology, collecting every problem with its
// JSON path instead of stopping at the first. Used by ProjectFile; not part of the public API.
class ProjectFileReader
{
public:
    LoadResult read(const QJsonObject &root);

private:
    // A field reader bound to one JSON object and its path; reports type and range errors.
    class Fields;

    void readRunSettings(const QJsonValue &value, const QString &path, RunSettings &settings);
    void readNode(const QJsonValue &value, const QString &path, Node &node);
    void readEdge(const QJsonValue &value, const QString &path, Edge &edge);
    void readRoute(const QJsonValue &value, const QString &path, Route &route);
    void readTopic(const QJsonValue &value, const QString &path, Topic &topic);
    void readFallback(const QJsonValue &value, const QString &path, Fallback &fallback);
    void readCircuitBreaker(const QJsonValue &value, const QString &path, CircuitBreakerSettings &settings);
    void readProperties(const QJsonValue &value, const QString &path, QJsonObject &properties);
    void readPoint(const QJsonValue &value, const QString &path, QPointF &point);
    void checkId(const QString &id, const QString &path);
    void checkEdgeEnds(const Topology &topology);
    void problem(const QString &path, const QString &message);

    QList<LoadProblem> m_problems;
    QSet<QString> m_ids;
};

} // namespace Gatehouse
