// Rules about asynchronous events: topics, producers, consumers and consumer groups.
#include "lintrule.h"

#include <algorithm>
#include <map>
#include <QCoreApplication>

namespace Gatehouse::Lint {

namespace {

// Who publishes and who consumes one topic on one bus.
struct TopicUse
{
    QString bus;
    QString topic;
    QList<std::pair<const Edge *, const Topic *>> publishers;
    QList<std::pair<const Edge *, const Topic *>> subscribers;
};

// Keyed by (bus id, topic name); std::map keeps the findings in a stable order.
std::map<std::pair<QString, QString>, TopicUse> topicUses(const Context &context)
{
    std::map<std::pair<QString, QString>, TopicUse> uses;
    for (const Edge &edge : context.topology().edges) {
        const bool publish = edge.kind == EdgeKind::Publish && context.isKind(edge.target, NodeKind::BusKafka);
        const bool subscribe = edge.kind == EdgeKind::Subscribe && context.isKind(edge.source, NodeKind::BusKafka);
        if (!publish && !subscribe)
            continue;
        const QString bus = publish ? edge.target : edge.source;
        for (const Topic &topic : edge.topics) {
            TopicUse &use = uses[{ bus, topic.name }];
            use.bus = bus;
            use.topic = topic.name;
            (publish ? use.publishers : use.subscribers).append({ &edge, &topic });
        }
    }
    return uses;
}

QStringList edgeIdsOf(const QList<std::pair<const Edge *, const Topic *>> &list)
{
    QStringList ids;
    for (const auto &[edge, topic] : list) {
        if (!ids.contains(edge->id))
            ids.append(edge->id);
    }
    return ids;
}

QStringList endsOf(const QList<std::pair<const Edge *, const Topic *>> &list, bool sources)
{
    QStringList ids;
    for (const auto &[edge, topic] : list) {
        const QString id = sources ? edge->source : edge->target;
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

void topicWithoutConsumers(const Context &context, Report &report)
{
    for (const auto &[key, use] : topicUses(context)) {
        if (use.publishers.isEmpty() || !use.subscribers.isEmpty())
            continue;
        report.add(endsOf(use.publishers, true) << use.bus, edgeIdsOf(use.publishers),
            QCoreApplication::translate("Lint", "Topic \"%1\" on %2 is published but nobody consumes it.")
                .arg(use.topic, context.label(use.bus)),
            QCoreApplication::translate("Lint", "Subscribe the service that needs these events, or stop publishing the topic."));
    }
}

void topicWithoutProducers(const Context &context, Report &report)
{
    for (const auto &[key, use] : topicUses(context)) {
        if (!use.publishers.isEmpty() || use.subscribers.isEmpty())
            continue;
        report.add(QStringList { use.bus } + endsOf(use.subscribers, false), edgeIdsOf(use.subscribers),
            QCoreApplication::translate("Lint", "Topic \"%1\" on %2 is consumed but nobody publishes it; its consumers wait forever.")
                .arg(use.topic, context.label(use.bus)),
            QCoreApplication::translate("Lint",
                "Add the topic to the producing service's publish edge, or check the topic name for a typo."));
    }
}

// The runtime creates each topic once with its partition count; publish edges that disagree
// leave it undefined which count (and so which per-key ordering) the topic gets.
void topicPartitionMismatch(const Context &context, Report &report)
{
    for (const auto &[key, use] : topicUses(context)) {
        QList<int> counts;
        for (const auto &[edge, topic] : use.publishers) {
            if (!counts.contains(topic->partitions))
                counts.append(topic->partitions);
        }
        if (counts.size() < 2)
            continue;
        std::sort(counts.begin(), counts.end());
        QStringList shown;
        for (int count : counts)
            shown.append(QString::number(count));
        report.add(endsOf(use.publishers, true) << use.bus, edgeIdsOf(use.publishers),
            QCoreApplication::translate("Lint", "Topic \"%1\" is published with different partition counts (%2).")
                .arg(use.topic, shown.join(QStringLiteral(", "))),
            QCoreApplication::translate("Lint", "Declare the same partition count on every publish edge of the topic."));
    }
}

void subscriptionWithoutConsumerGroup(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        if (edge.kind != EdgeKind::Subscribe || !edge.consumerGroup.trimmed().isEmpty())
            continue;
        report.add({ edge.source, edge.target }, { edge.id },
            QCoreApplication::translate("Lint", "The subscription of %1 has no consumer group; offsets are not committed and "
                           "instances would each get every event.")
                .arg(context.label(edge.target)),
            QCoreApplication::translate("Lint", "Set a consumer group, usually the service's name (e.g. \"%1\").").arg(edge.target));
    }
}

// Two services in one consumer group split a topic's partitions between them: each sees only
// part of the events, which is almost never what two different services want.
void sharedConsumerGroup(const Context &context, Report &report)
{
    std::map<std::pair<QString, QString>, QList<const Edge *>> byGroup;
    for (const Edge &edge : context.topology().edges) {
        if (edge.kind == EdgeKind::Subscribe && !edge.consumerGroup.trimmed().isEmpty())
            byGroup[{ edge.source, edge.consumerGroup }].append(&edge);
    }
    for (const auto &[key, edges] : byGroup) {
        QStringList services;
        QStringList edgeIds;
        for (const Edge *edge : edges) {
            if (!services.contains(edge->target))
                services.append(edge->target);
            edgeIds.append(edge->id);
        }
        if (services.size() < 2)
            continue;
        QStringList labels;
        for (const QString &service : services)
            labels.append(context.label(service));
        report.add(QStringList { key.first } + services, edgeIds,
            QCoreApplication::translate("Lint", "Services %1 share consumer group \"%2\", so each receives only part of the events.")
                .arg(labels.join(QStringLiteral(", ")), key.second),
            QCoreApplication::translate("Lint", "Give every consuming service its own consumer group."));
    }
}

void eventEdgeWithoutTopics(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        if ((edge.kind != EdgeKind::Publish && edge.kind != EdgeKind::Subscribe) || !edge.topics.isEmpty())
            continue;
        report.add({ edge.source, edge.target }, { edge.id },
            QCoreApplication::translate("Lint", "The %1 edge from %2 to %3 names no topic, so no event travels along it.")
                .arg(nameOf(edge.kind), context.label(edge.source), context.label(edge.target)),
            QCoreApplication::translate("Lint", "Add the topics to the edge, or delete it."));
    }
}

} // namespace

QList<Rule> eventRules()
{
    return {
        { "topic-without-consumers", LintSeverity::Warning, "A topic that is published but never consumed",
            topicWithoutConsumers },
        { "topic-without-producers", LintSeverity::Warning, "A topic that is consumed but never published",
            topicWithoutProducers },
        { "topic-partition-mismatch", LintSeverity::Error, "A topic published with different partition counts",
            topicPartitionMismatch },
        { "subscription-without-consumer-group", LintSeverity::Warning, "A subscribe edge with no consumer group",
            subscriptionWithoutConsumerGroup },
        { "shared-consumer-group", LintSeverity::Warning, "Two services subscribing with one consumer group",
            sharedConsumerGroup },
        { "event-edge-without-topics", LintSeverity::Warning, "A publish or subscribe edge naming no topic",
            eventEdgeWithoutTopics },
    };
}

} // namespace Gatehouse::Lint
