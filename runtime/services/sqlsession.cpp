#include "sqlsession.h"

#include "infra/pgconnection.h"
#include "model/telemetry.h"
#include "telemetry/telemetrysender.h"
#include "telemetry/tracecontext.h"

#include <chrono>

namespace Gatehouse::Runtime {

namespace {

constexpr qsizetype MaxCachedLabels = 256;

qint64 nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.');
}

// The words of a statement outside string literals and quoted identifiers, each with the paren
// depth it stands at. Enough to find the verb and the first table; not a SQL parser.
struct Word
{
    QString text;
    int depth = 0;
};

QList<Word> wordsOf(const QString &sql)
{
    QList<Word> words;
    int depth = 0;
    for (qsizetype i = 0; i < sql.size();) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            const qsizetype end = sql.indexOf(c, i + 1);
            i = end < 0 ? sql.size() : end + 1;
        } else if (c == QLatin1Char('(')) {
            ++depth;
            ++i;
        } else if (c == QLatin1Char(')')) {
            --depth;
            ++i;
        } else if (c.isLetter() || c == QLatin1Char('_')) {
            qsizetype end = i;
            while (end < sql.size() && isWordChar(sql.at(end)))
                ++end;
            words.append(Word { sql.mid(i, end - i), depth });
            i = end;
        } else {
            ++i;
        }
    }
    return words;
}

bool is(const Word &word, const char *keyword)
{
    return word.text.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
}

} // namespace

SqlSession::SqlSession(PgConnection &connection, SqlTracing tracing)
    : m_connection(connection)
    , m_tracing(std::move(tracing))
{
}

bool SqlSession::exec(const QString &sql, QString *error)
{
    const qint64 start = isTraced() ? nowUs() : 0;
    const bool ok = m_connection.exec(sql, error);
    if (isTraced())
        record(sql, start, ok);
    return ok;
}

bool SqlSession::query(const QString &sql, const QStringList &params, QList<QStringList> *rows, QString *error)
{
    const qint64 start = isTraced() ? nowUs() : 0;
    const bool ok = m_connection.query(sql, params, rows, error);
    if (isTraced())
        record(sql, start, ok);
    return ok;
}

void SqlSession::setParent(const QByteArray &traceparent)
{
    m_traceId.clear();
    m_parentSpanId.clear();
    if (!m_tracing.telemetry || traceparent.isEmpty())
        return;
    const std::optional<TraceContext> parent = TraceContext::parseTraceParent(traceparent);
    if (!parent)
        return;
    // parseTraceParent() reads the header's span id as the parent of a new hop: that header span
    // (the request's or the consume's) is the parent of our statements.
    m_traceId = parent->traceId.toString();
    m_parentSpanId = parent->parentSpanId.toString();
}

void SqlSession::record(const QString &sql, qint64 startUs, bool ok)
{
    auto label = m_labels.constFind(sql);
    if (label == m_labels.constEnd()) {
        if (m_labels.size() >= MaxCachedLabels)
            m_labels.clear(); // a service that builds statements dynamically: start over, stay bounded
        label = m_labels.insert(sql, statementLabel(sql));
    }
    Span span;
    span.traceId = m_traceId;
    span.spanId = TraceContext::newSpanId().toString();
    span.parentSpanId = m_parentSpanId;
    span.nodeId = m_tracing.nodeId;
    span.edgeId = m_tracing.edgeId;
    span.name = *label;
    span.kind = SpanKind::Sql;
    span.outcome = ok ? SpanOutcome::Ok : SpanOutcome::ServerError;
    span.startUs = startUs;
    span.durationUs = nowUs() - startUs;
    m_tracing.telemetry->record(std::move(span));
}

QString SqlSession::statementLabel(const QString &sql)
{
    const QList<Word> words = wordsOf(sql);
    if (words.isEmpty())
        return QStringLiteral("SQL");
    qsizetype verb = 0;
    if (is(words.first(), "WITH")) {
        // The data-changing statement of a CTE is what the statement does; else its main SELECT.
        verb = -1;
        for (qsizetype i = 1; i < words.size() && verb < 0; ++i) {
            if (is(words.at(i), "INSERT") || is(words.at(i), "UPDATE") || is(words.at(i), "DELETE"))
                verb = i;
        }
        for (qsizetype i = 1; i < words.size() && verb < 0; ++i) {
            if (is(words.at(i), "SELECT") && words.at(i).depth == 0)
                verb = i;
        }
        if (verb < 0)
            return QStringLiteral("WITH");
    }
    const QString name = words.at(verb).text.toUpper();
    auto tableAfter = [&](const char *keyword) -> QString {
        for (qsizetype i = verb + 1; i + 1 < words.size(); ++i) {
            if (is(words.at(i), keyword) && words.at(i).depth == words.at(verb).depth)
                return words.at(i + 1).text;
        }
        return {};
    };
    QString table;
    if (name == QLatin1String("INSERT"))
        table = tableAfter("INTO");
    else if (name == QLatin1String("DELETE") || name == QLatin1String("SELECT"))
        table = tableAfter("FROM");
    else if (name == QLatin1String("UPDATE") && verb + 1 < words.size())
        table = is(words.at(verb + 1), "ONLY") && verb + 2 < words.size() ? words.at(verb + 2).text : words.at(verb + 1).text;
    return table.isEmpty() ? name : name + QLatin1Char(' ') + table;
}

} // namespace Gatehouse::Runtime
