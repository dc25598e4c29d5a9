// The node-side telemetry sender and the access log writer: line formats, bounded buffers,
// rotation. The intake is a real TCP server in the test.
#include "gateway/accesslog.h"
#include "gateway/jsonline.h"
#include "gatewaytestsupport.h"
#include "telemetry/telemetrysender.h"
#include "telemetry/tracecontext.h"

#include <QtTest>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

namespace {

Span span(int i)
{
    Span s;
    s.traceId = TraceContext::newTraceId().toString();
    s.spanId = TraceContext::newSpanId().toString();
    s.nodeId = "gw";
    s.name = QString("GET /x/%1").arg(i);
    s.kind = SpanKind::HttpServer;
    s.startUs = 1'700'000'000'000'000 + i;
    s.durationUs = 1500;
    s.httpStatus = 200;
    return s;
}

} // namespace

class TestTelemetry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void traceParent_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("valid");
        QTest::newRow("valid") << QByteArray("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") << true;
        QTest::newRow("future version, extra field")
            << QByteArray("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x") << true;
        QTest::newRow("version ff") << QByteArray("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01") << false;
        QTest::newRow("v00 with extra") << QByteArray("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x")
                                        << false;
        QTest::newRow("upper case") << QByteArray("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01") << false;
        QTest::newRow("zero trace") << QByteArray("00-00000000000000000000000000000000-00f067aa0ba902b7-01") << false;
        QTest::newRow("zero parent") << QByteArray("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01") << false;
        QTest::newRow("short") << QByteArray("00-4bf92f-01") << false;
        QTest::newRow("spaces around") << QByteArray(" 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00\t") << true;
        QTest::newRow("bad separator") << QByteArray("00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01") << false;
        QTest::newRow("bad flags") << QByteArray("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g") << false;
        QTest::newRow("short trace id") << QByteArray("00-4bf92f3577b34da6a3ce929d0e0e473-x00f067aa0ba902b7-01") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }

    void traceParent()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, valid);
        const auto parsed = TraceContext::parseTraceParent(header);
        QCOMPARE(parsed.has_value(), valid);
        const TraceContext ctx = TraceContext::forIncoming(header, "k=v");
        QCOMPARE(ctx.traceId.size(), 32);
        QCOMPARE(ctx.spanId.size(), 16);
        QCOMPARE(ctx.traceParent().size(), 55);
        const QByteArray flags = valid ? header.trimmed().mid(53, 2) : QByteArray("01");
        QCOMPARE(ctx.traceParent(), QByteArray("00-" + ctx.traceId.toByteArray() + "-" + ctx.spanId.toByteArray() + "-" + flags));
        QCOMPARE(QByteArray(ctx.traceParentText().view().data(), 55), ctx.traceParent());
        if (valid) {
            QCOMPARE(ctx.traceId.toByteArray(), header.trimmed().mid(3, 32));
            QCOMPARE(ctx.parentSpanId.toByteArray(), header.trimmed().mid(36, 16));
            QVERIFY(ctx.spanId != ctx.parentSpanId);
            QCOMPARE(ctx.traceState, QByteArray("k=v"));
        } else {
            QVERIFY(ctx.parentSpanId.isEmpty());
            QVERIFY(ctx.traceState.isEmpty());
        }
        const TraceContext child = ctx.child();
        QVERIFY(child.traceId == ctx.traceId);
        QVERIFY(child.parentSpanId == ctx.spanId);
        QVERIFY(child.spanId != ctx.spanId);
    }

    // New ids are lower-case hex of the right length, not all zero (they parse as incoming ids
    // would), use every digit, and do not repeat.
    void newIdsAreValidAndDistinct()
    {
        QSet<QByteArray> seen;
        QSet<char> digits;
        for (int i = 0; i < 2000; ++i) {
            const TraceId trace = TraceContext::newTraceId();
            const SpanId span = TraceContext::newSpanId();
            QVERIFY(TraceId::parse(trace.toByteArray()) == trace);
            QVERIFY(SpanId::parse(span.toByteArray()) == span);
            QVERIFY(!seen.contains(trace.toByteArray()) && !seen.contains(span.toByteArray()));
            seen.insert(trace.toByteArray());
            seen.insert(span.toByteArray());
            for (char c : trace.view())
                digits.insert(c);
        }
        QCOMPARE(digits.size(), 16);
        QVERIFY(!TraceId::parse("0123456789abcdef0123456789abcdeF"));
        QVERIFY(!TraceId::parse("0123456789abcdef0123456789abcde"));
        QVERIFY(!SpanId::parse("0000000000000000"));
    }

    void sendsSpanBatchesAndLogs()
    {
        GatewayTest::TelemetrySink sink;
        TelemetrySender sender("gw", Endpoint { "127.0.0.1", sink.port() });
        for (int i = 0; i < 3; ++i)
            QVERIFY(sender.record(span(i)));
        QVERIFY(sender.log("warning", "redis down", QJsonObject { { "redis", "127.0.0.1:1" } }));
        QTRY_COMPARE_WITH_TIMEOUT(sink.spans().size(), 3, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(sender.sentSpans(), quint64(3), 5000);
        QJsonObject log, spans;
        for (const QJsonObject &line : sink.lines) {
            if (line["type"] == "log")
                log = line;
            if (line["type"] == "spans")
                spans = line;
        }
        QCOMPARE(spans["nodeId"].toString(), QString("gw"));
        const auto first = Span::fromJson(sink.spans().at(0));
        QVERIFY(first.has_value());
        QCOMPARE(first->name, QString("GET /x/0"));
        QCOMPARE(first->durationUs, qint64(1500));
        QCOMPARE(sink.spans().at(2)["name"].toString(), QString("GET /x/2"));
        QCOMPARE(log["nodeId"].toString(), QString("gw"));
        QCOMPARE(log["level"].toString(), QString("warning"));
        QCOMPARE(log["message"].toString(), QString("redis down"));
        QCOMPARE(log["fields"].toObject()["redis"].toString(), QString("127.0.0.1:1"));
        QVERIFY(!log["time"].toString().isEmpty());
        QCOMPARE(sender.droppedSpans(), quint64(0));
    }

    void fullBufferDropsAndCounts()
    {
        GatewayTest::TelemetrySink sink;
        TelemetrySender::Options options;
        options.capacity = 4;
        options.batchMax = 100;
        options.flushInterval = std::chrono::milliseconds(60000); // nothing leaves before the test checks
        TelemetrySender sender("gw", Endpoint { "127.0.0.1", sink.port() }, options);
        for (int i = 0; i < 4; ++i)
            QVERIFY(sender.record(span(i)));
        QVERIFY(!sender.record(span(4)));
        QVERIFY(!sender.record(span(5)));
        QCOMPARE(sender.droppedSpans(), quint64(2));
    }

    void unreachableIntakeNeverBlocks()
    {
        const int port = GatewayTest::freePort(); // nothing listens there
        TelemetrySender::Options options;
        options.flushInterval = std::chrono::milliseconds(5);
        TelemetrySender sender("gw", Endpoint { "127.0.0.1", port }, options);
        for (int i = 0; i < 1000; ++i)
            sender.record(span(i));
        QTRY_COMPARE_WITH_TIMEOUT(sender.droppedSpans(), quint64(1000), 5000);
        QVERIFY(!sender.isConnected());
    }

    // Clean runs are skipped eight bytes at a time; every ASCII byte at every position of a
    // string (before, inside and after whole words) must still come back as it went in.
    void jsonLineEscapesEveryByteAtEveryPosition()
    {
        for (int length = 1; length <= 19; ++length) {
            for (int at = 0; at < length; ++at) {
                for (int byte = 0; byte < 0x80; ++byte) {
                    std::string value(static_cast<size_t>(length), 'a');
                    value[static_cast<size_t>(at)] = static_cast<char>(byte);
                    const QByteArray text = JsonLine().add("s", std::string_view(value)).text();
                    QJsonParseError error;
                    const QJsonObject o = QJsonDocument::fromJson(text, &error).object();
                    if (error.error != QJsonParseError::NoError || o["s"].toString() != QString::fromStdString(value))
                        QFAIL(qPrintable(QStringLiteral("byte 0x%1 at %2 of %3: %4")
                                             .arg(byte, 2, 16, QLatin1Char('0')).arg(at).arg(length)
                                             .arg(QString::fromUtf8(text))));
                }
            }
        }
    }

    void jsonLineEscapes()
    {
        const QString tricky = QString::fromUtf8("a\"b\\c\n\td\x01 é ✓ /x?y=1");
        const QByteArray text
            = JsonLine().add("s", tricky).add("n", qint64(-42)).add("d", 1.5).add("t", true).add("e", QString()).text();
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(text, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o["s"].toString(), tricky);
        QCOMPARE(o["n"].toInt(), -42);
        QCOMPARE(o["d"].toDouble(), 1.5);
        QCOMPARE(o["t"].toBool(), true);
        QCOMPARE(o["e"].toString(), QString());
        QCOMPARE(JsonLine::isoTime(1'700'000'000'123'456), QByteArray("2023-11-14T22:13:20.123Z"));
    }

    // Numbers and times are written in place (no QByteArray::number): exact text, the way the
    // access log's readers (the Traffic dock, jq users) see it.
    void jsonLineNumbersAndTimes()
    {
        const QByteArray text = JsonLine()
                                    .add("i", qint64(-9'223'372'036'854'775'807) - 1)
                                    .add("z", 0)
                                    .add("ms", 12.3456)
                                    .add("small", 0.0004)
                                    .add("neg", -1.5)
                                    .addTime("time", 1'700'000'000'123'456)
                                    .addTime("epoch", 999)
                                    .text();
        QCOMPARE(text,
            QByteArray("{\"i\":-9223372036854775808,\"z\":0,\"ms\":12.346,\"small\":0.000,\"neg\":-1.500,"
                       "\"time\":\"2023-11-14T22:13:20.123Z\",\"epoch\":\"1970-01-01T00:00:00.000Z\"}"));
        JsonLine line;
        line.add("a", 1);
        QCOMPARE(std::move(line).take(), QByteArray("{\"a\":1}"));

        // A line longer than the initial buffer grows it, nothing lost.
        const QString longPath = QString(3000, QLatin1Char('p')) + QStringLiteral("\"end");
        JsonLine grown;
        grown.add("path", longPath).add("n", 7);
        const QJsonObject o = QJsonDocument::fromJson(std::move(grown).take()).object();
        QCOMPARE(o["path"].toString(), longPath);
        QCOMPARE(o["n"].toInt(), 7);
    }

    void accessLogRotates()
    {
        QTemporaryDir dir;
        AccessLog::Options options;
        options.toStdout = false;
        options.filePath = dir.filePath("access.log");
        options.maxFileBytes = 300;
        options.keepFiles = 2;
        options.recentCapacity = 5;
        AccessLog log(options);
        for (int i = 0; i < 40; ++i)
            log.request(QJsonObject { { "n", i }, { "pad", QString(40, 'x') } });
        log.flush();
        QVERIFY(QFile::exists(dir.filePath("access.log")));
        QVERIFY(QFile::exists(dir.filePath("access.log.1")));
        QVERIFY(QFile::exists(dir.filePath("access.log.2")));
        QVERIFY(!QFile::exists(dir.filePath("access.log.3")));
        for (const char *name : { "access.log", "access.log.1", "access.log.2" })
            QVERIFY(QFileInfo(dir.filePath(name)).size() <= 300);
        QFile current(dir.filePath("access.log"));
        QVERIFY(current.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = current.readAll().trimmed().split('\n');
        QCOMPARE(QJsonDocument::fromJson(lines.last()).object()["n"].toInt(), 39);
        const QJsonArray recent = log.recent(100);
        QCOMPARE(recent.size(), 5);
        QCOMPARE(recent.last().toObject()["n"].toInt(), 39);
        QCOMPARE(recent.first().toObject()["n"].toInt(), 35);
    }
};

QTEST_GUILESS_MAIN(TestTelemetry)
#include "tst_telemetry.moc"
