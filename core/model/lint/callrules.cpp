// Rules about synchronous service-to-service calls: cycles, timeouts, fallbacks.
#include "lintrule.h"

#include <algorithm>
#include <QCoreApplication>

namespace Gatehouse::Lint {

namespace {

bool isServiceCall(const Context &context, const Edge &edge)
{
    return edge.kind == EdgeKind::Sync && context.isKind(edge.source, NodeKind::Service)
        && context.isKind(edge.target, NodeKind::Service);
}

// Strongly connected components of the service call graph (Tarjan, iterative so that a long
// generated chain cannot overflow the stack). Returns components in discovery order.
QList<QStringList> callComponents(const Context &context)
{
    QStringList services;
    QHash<QString, QStringList> callees;
    for (const Node *service : context.topology().nodesOfKind(NodeKind::Service))
        services.append(service->id);
    for (const Edge &edge : context.topology().edges) {
        if (isServiceCall(context, edge))
            callees[edge.source].append(edge.target);
    }

    QHash<QString, int> index;
    QHash<QString, int> lowLink;
    QSet<QString> onStack;
    QStringList stack;
    QList<QStringList> components;
    int counter = 0;

    struct Frame
    {
        QString node;
        qsizetype next = 0;
    };
    for (const QString &root : services) {
        if (index.contains(root))
            continue;
        QList<Frame> frames { { root, 0 } };
        index[root] = lowLink[root] = counter++;
        stack.append(root);
        onStack.insert(root);
        while (!frames.isEmpty()) {
            Frame &frame = frames.last();
            const QStringList next = callees.value(frame.node);
            if (frame.next < next.size()) {
                const QString callee = next[frame.next++];
                if (!index.contains(callee)) {
                    index[callee] = lowLink[callee] = counter++;
                    stack.append(callee);
                    onStack.insert(callee);
                    frames.append({ callee, 0 });
                } else if (onStack.contains(callee)) {
                    lowLink[frame.node] = std::min(lowLink[frame.node], index[callee]);
                }
                continue;
            }
            const QString done = frame.node;
            frames.removeLast();
            if (!frames.isEmpty())
                lowLink[frames.last().node] = std::min(lowLink[frames.last().node], lowLink[done]);
            if (lowLink[done] != index[done])
                continue;
            QStringList component;
            QString member;
            do {
                member = stack.takeLast();
                onStack.remove(member);
                component.prepend(member);
            } while (member != done);
            components.append(component);
        }
    }
    return components;
}

// A cycle of blocking calls: a request can wait on itself (thread and connection exhaustion)
// and one slow service stalls every member of the cycle.
void syncCycle(const Context &context, Report &report)
{
    for (const QStringList &component : callComponents(context)) {
        const QSet<QString> members(component.cbegin(), component.cend());
        QStringList edgeIds;
        for (const Edge &edge : context.topology().edges) {
            if (isServiceCall(context, edge) && members.contains(edge.source) && members.contains(edge.target))
                edgeIds.append(edge.id);
        }
        if (component.size() < 2 && edgeIds.isEmpty())
            continue; // a single service without a call to itself is not a cycle
        QStringList labels;
        for (const QString &id : component)
            labels.append(context.label(id));
        report.add(component, edgeIds,
            QCoreApplication::translate("Lint", "Services %1 call each other synchronously in a cycle; a request can end up waiting "
                           "on itself.")
                .arg(labels.join(QStringLiteral(" → "))),
            QCoreApplication::translate("Lint", "Break the cycle: replace one call with an event, or move the shared logic into one "
                           "service."));
    }
}

void syncCallWithoutTimeout(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        if (!isServiceCall(context, edge) || edge.timeoutMs > 0)
            continue;
        report.add({ edge.source, edge.target }, { edge.id },
            QCoreApplication::translate("Lint", "The call from %1 to %2 has no timeout; a slow %2 holds %1's requests open.")
                .arg(context.label(edge.source), context.label(edge.target)),
            QCoreApplication::translate("Lint", "Set a timeout on the edge, shorter than the gateway's timeout for the routes that "
                           "lead here."));
    }
}

// Informational: the designer has said nothing about failure on a path users hit. A retry
// policy or a fallback counts as a decision.
void syncCallWithoutFallback(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        if (!isServiceCall(context, edge) || edge.fallback.isSet() || edge.retries > 0
            || !context.isOnUserPath(edge.source))
            continue;
        report.add({ edge.source, edge.target }, { edge.id },
            QCoreApplication::translate("Lint", "When %1 fails, %2's callers get the error: the call has neither a fallback nor a "
                           "retry, and users reach %2 through public routes.")
                .arg(context.label(edge.target), context.label(edge.source)),
            QCoreApplication::translate("Lint", "Add a fallback (a static response, or defer the work via an event) or a retry for "
                           "idempotent calls."));
    }
}

// A defer fallback means "accept now, finish later via an event": the caller must publish a
// topic the callee consumes, and a gateway cannot publish at all.
void deferWithoutEventPath(const Context &context, Report &report)
{
    for (const Edge &edge : context.topology().edges) {
        if (edge.kind != EdgeKind::Sync)
            continue;
        const bool routeDefers = std::any_of(edge.routes.cbegin(), edge.routes.cend(),
            [](const Route &route) { return route.fallback.mode == FallbackMode::Defer; });
        if (routeDefers && context.isKind(edge.source, NodeKind::Gateway)) {
            report.add({ edge.source, edge.target }, { edge.id },
                QCoreApplication::translate("Lint", "A route to %1 has a defer fallback, but the gateway cannot publish events to "
                               "finish deferred work.")
                    .arg(context.label(edge.target)),
                QCoreApplication::translate("Lint", "Use a static-response fallback on the route; defer belongs on a service's call."));
        }
        if (edge.fallback.mode != FallbackMode::Defer || !isServiceCall(context, edge))
            continue;
        QSet<QString> published;
        for (const Edge *publish : context.outgoing(edge.source, EdgeKind::Publish)) {
            for (const Topic &topic : publish->topics)
                published.insert(publish->target + QLatin1Char('/') + topic.name);
        }
        bool connected = false;
        for (const Edge *subscribe : context.incoming(edge.target, EdgeKind::Subscribe)) {
            for (const Topic &topic : subscribe->topics)
                connected = connected || published.contains(subscribe->source + QLatin1Char('/') + topic.name);
        }
        if (connected)
            continue;
        report.add({ edge.source, edge.target }, { edge.id },
            QCoreApplication::translate("Lint", "The call from %1 to %2 defers on failure, but %1 publishes no topic that %2 "
                           "consumes; deferred work is never finished.")
                .arg(context.label(edge.source), context.label(edge.target)),
            QCoreApplication::translate("Lint", "Publish a request topic from %1 (e.g. \"payment.requested\") and subscribe %2 to it.")
                .arg(context.label(edge.source), context.label(edge.target)));
    }
}

} // namespace

QList<Rule> callRules()
{
    return {
        { "sync-cycle", LintSeverity::Error, "Services calling each other synchronously in a cycle", syncCycle },
        { "sync-call-without-timeout", LintSeverity::Warning, "A service → service call with no timeout",
            syncCallWithoutTimeout },
        { "sync-call-without-fallback", LintSeverity::Info,
            "A service → service call on a user path with neither fallback nor retry", syncCallWithoutFallback },
        { "defer-without-event-path", LintSeverity::Warning,
            "A defer fallback with no event from caller to callee (or on a gateway route)", deferWithoutEventPath },
    };
}

} // namespace Gatehouse::Lint
