#include "servicerouter.h"

#include <algorithm>

namespace Gatehouse::Runtime {

namespace {

QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

bool isParam(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

// Literal segments rank before parameters, so "/orders/pending" beats "/orders/{id}".
int literalCount(const QStringList &segments)
{
    return static_cast<int>(std::count_if(segments.cbegin(), segments.cend(), [](const QString &s) { return !isParam(s); }));
}

} // namespace

void ServiceRouter::add(const QString &method, const QString &pattern, Handler handler)
{
    m_entries.push_back({method, pattern, splitPath(pattern), std::move(handler)});
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        return literalCount(a.segments) > literalCount(b.segments);
    });
}

bool ServiceRouter::match(const Entry &entry, const QStringList &path, QHash<QString, QString> *params)
{
    if (entry.segments.size() != path.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QString &want = entry.segments.at(i);
        if (isParam(want))
            found.insert(want.mid(1, want.size() - 2), path.at(i));
        else if (want != path.at(i))
            return false;
    }
    *params = found;
    return true;
}

bool ServiceRouter::dispatch(ServiceCall &call, QStringList *allowedMethods) const
{
    const QStringList path = splitPath(QString::fromStdString(call.request.path));
    const QString method = QString::fromStdString(call.request.method);
    for (const Entry &entry : m_entries) {
        QHash<QString, QString> params;
        if (!match(entry, path, &params))
            continue;
        if (entry.method != method && entry.method != QLatin1String("*")) {
            if (allowedMethods && !allowedMethods->contains(entry.method))
                allowedMethods->append(entry.method);
            continue;
        }
        call.params = params;
        entry.handler(std::move(call));
        return true;
    }
    return false;
}

QStringList ServiceRouter::patterns() const
{
    QStringList result;
    for (const Entry &entry : m_entries)
        result.append(entry.method + QLatin1Char(' ') + entry.pattern);
    return result;
}

} // namespace Gatehouse::Runtime
