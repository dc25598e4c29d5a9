#pragma once

#include "http/request.h"
#include "http/response.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace Gatehouse::Runtime {

// One request as a service handler sees it: the HTTP request, the {params} of the matched
// pattern, and the responder to answer through (now or later, from any thread).
struct ServiceCall
{
    Http::Request request;
    QHash<QString, QString> params;
    Http::Responder responder;
    QByteArray traceparent; // this hop's context, to pass on to calls and events
    // Set by ServiceNode: records this request's server span with the answered status.
    std::function<void(int status)> onAnswer;

    // Answers the request (first answer wins) and closes its server span.
    void respond(Http::Response response) const
    {
        if (onAnswer)
            onAnswer(response.status);
        responder.send(std::move(response));
    }
};

// A service's own routes: "METHOD /path/{param}" patterns matched segment by segment, literal
// segments before parameters. Unknown paths answer 404, known paths with another method 405.
class ServiceRouter
{
public:
    using Handler = std::function<void(ServiceCall call)>;

    void add(const QString &method, const QString &pattern, Handler handler);
    // Dispatches; returns false when nothing matched (the caller answers 404/405).
    bool dispatch(ServiceCall &call, QStringList *allowedMethods) const;
    QStringList patterns() const;

private:
    struct Entry
    {
        QString method;
        QString pattern;
        QStringList segments;
        Handler handler;
    };
    static bool match(const Entry &entry, const QStringList &path, QHash<QString, QString> *params);

    std::vector<Entry> m_entries;
};

} // namespace Gatehouse::Runtime
