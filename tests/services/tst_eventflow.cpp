// The event path every service shares, against a real PostgreSQL and the librdkafka mock
// cluster: transactional outbox → relay → Kafka → idempotent consumer, including a broker
// outage in the middle and a re-delivered event.
#include "infra/kafkamockcluster.h"
#include "infra/pgconnection.h"
#include "infra/postgrescluster.h"
#include "infra/postgresprovisioner.h"
#include "services/eventconsumer.h"
#include "services/outbox.h"
#include "services/outboxrelay.h"
#include "services/sqlsession.h"

#include <QTemporaryDir>
#include <librdkafka/rdkafka.h>
#include <QtTest>
#include <unistd.h>

using namespace Gatehouse;
using namespace Gatehouse::Runtime;

class TestEventFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir{QDir::tempPath() + "/gh-eventflow-XXXXXX"};
    std::unique_ptr<PostgresCluster> m_postgres;
    KafkaMockCluster m_kafka;
    QString m_producerDb;
    QString m_consumerDb;

    QString createServiceDatabase(const QString &name)
    {
        PgConnection admin;
        QString error;
        if (!admin.open(m_postgres->adminConninfo(), &error))
            return {};
        if (!PostgresProvisioner::ensureDatabase(admin, name, name + "_svc", "pw-" + name, &error))
            return {};
        const QString conninfo = PgConnection::conninfo(m_postgres->host(), m_postgres->port(), name, name + "_svc", "pw-" + name);
        PgConnection service;
        if (!service.open(conninfo, &error) || !service.exec(Outbox::schemaSql(), &error))
            return {};
        return conninfo;
    }

    KafkaAccess kafkaAccess() const { return KafkaAccess{m_kafka.bootstrapServers(), {}, {}, {}}; }

    static int count(const QString &conninfo, const QString &sql)
    {
        PgConnection c;
        QString error;
        QList<QStringList> rows;
        if (!c.open(conninfo, &error) || !c.query(sql, {}, &rows, &error) || rows.isEmpty())
            return -1;
        return rows.first().first().toInt();
    }

    static bool appendEvents(const QString &conninfo, int first, int n)
    {
        PgConnection c;
        QString error;
        if (!c.open(conninfo, &error) || !c.exec("BEGIN", &error))
            return false;
        SqlSession session(c, {});
        for (int i = first; i < first + n; ++i) {
            OutboundEvent e{"order.created", QString::number(i), QJsonObject{{"orderId", i}}, {}, {}};
            if (Outbox::append(session, e, &error).isEmpty())
                return false;
        }
        return c.exec("COMMIT", &error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (geteuid() == 0)
            QVERIFY(QFile::setPermissions(m_dir.path(), QFile::Permissions(0x7777))); // postgres user must enter
        PostgresClusterOptions options;
        options.dataDir = m_dir.filePath("pg");
        m_postgres = std::make_unique<PostgresCluster>(options);
        QString error;
        QVERIFY2(m_postgres->start(&error), qPrintable(error));
        m_producerDb = createServiceDatabase("orders");
        m_consumerDb = createServiceDatabase("notifications");
        QVERIFY(!m_producerDb.isEmpty() && !m_consumerDb.isEmpty());
        QVERIFY2(m_kafka.start({Topic{"order.created", 3, "orderId"}}, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_kafka.stop();
        m_postgres->stop();
    }

    void everyEventArrivesOnceThroughABrokerOutage()
    {
        // Consumer writes one row per event into its own database, in the dedup transaction.
        PgConnection setup;
        QString error;
        QVERIFY(setup.open(m_consumerDb, &error));
        QVERIFY2(setup.exec("CREATE TABLE seen (order_id int NOT NULL)", &error), qPrintable(error));
        EventConsumer consumer(m_consumerDb, kafkaAccess(), "notification-service", {"order.created"},
                               [](SqlSession &c, const ConsumedEvent &e, QString *err) {
                                   QList<QStringList> rows;
                                   return c.query("INSERT INTO seen (order_id) VALUES ($1::int)",
                                                  {QString::number(e.payload.value("orderId").toInt())}, &rows, err);
                               });
        QVERIFY2(consumer.start(&error), qPrintable(error));
        OutboxRelay relay(m_producerDb, kafkaAccess(), "order", OutboxRelay::Options{20, 500, 2000});
        QVERIFY2(relay.start(&error), qPrintable(error));

        QVERIFY(appendEvents(m_producerDb, 0, 100));
        QTRY_COMPARE_WITH_TIMEOUT(count(m_consumerDb, "SELECT count(*) FROM seen"), 100, 30000);

        // Broker down: new events stay in the outbox, unsent; nothing is lost.
        QVERIFY2(m_kafka.setBrokersDown(&error), qPrintable(error));
        QVERIFY(appendEvents(m_producerDb, 100, 50));
        QTRY_VERIFY_WITH_TIMEOUT(relay.stats().failed > 0, 30000);
        QVERIFY(count(m_producerDb, "SELECT count(*) FROM outbox WHERE sent_at IS NULL") > 0);
        QVERIFY2(m_kafka.setBrokersUp(&error), qPrintable(error));

        QTRY_COMPARE_WITH_TIMEOUT(count(m_producerDb, "SELECT count(*) FROM outbox WHERE sent_at IS NULL"), 0, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(count(m_consumerDb, "SELECT count(DISTINCT order_id) FROM seen"), 150, 60000);
        QCOMPARE(count(m_consumerDb, "SELECT count(*) FROM seen"), 150); // once in effect
        QCOMPARE(count(m_consumerDb, "SELECT count(*) FROM processed_events"), 150);
        relay.stop();
        consumer.stop();
    }

    void republishedEventIsProcessedOnce()
    {
        // Mark every row unsent again: the relay publishes all 150 a second time, as after a
        // lost delivery report. The consumer group's committed offsets are past the old copies,
        // so the new copies arrive and must be recognised as duplicates.
        QString error;
        EventConsumer consumer(m_consumerDb, kafkaAccess(), "notification-service", {"order.created"},
                               [](SqlSession &c, const ConsumedEvent &e, QString *err) {
                                   QList<QStringList> rows;
                                   return c.query("INSERT INTO seen (order_id) VALUES ($1::int)",
                                                  {QString::number(e.payload.value("orderId").toInt())}, &rows, err);
                               });
        QVERIFY2(consumer.start(&error), qPrintable(error));
        PgConnection c;
        QVERIFY(c.open(m_producerDb, &error));
        QVERIFY(c.exec("UPDATE outbox SET sent_at = NULL", &error));
        OutboxRelay relay(m_producerDb, kafkaAccess(), "order", OutboxRelay::Options{20, 500, 2000});
        QVERIFY2(relay.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(consumer.stats().duplicates, quint64(150), 60000);
        QCOMPARE(count(m_consumerDb, "SELECT count(*) FROM seen"), 150);
        QCOMPARE(consumer.stats().processed, quint64(0));
    }

    void malformedMessageIsSkippedNotLooped()
    {
        // A message that did not come through an outbox (no event id, not JSON) is counted and
        // skipped; the events behind it still flow.
        QString error;
        EventConsumer consumer(m_consumerDb, kafkaAccess(), "notification-service", {"order.created"},
                               [](SqlSession &c, const ConsumedEvent &e, QString *err) {
                                   QList<QStringList> rows;
                                   return c.query("INSERT INTO seen (order_id) VALUES ($1::int)",
                                                  {QString::number(e.payload.value("orderId").toInt())}, &rows, err);
                               });
        QVERIFY2(consumer.start(&error), qPrintable(error));

        char message[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        QCOMPARE(rd_kafka_conf_set(conf, "bootstrap.servers", m_kafka.bootstrapServers().toUtf8().constData(), message,
                                   sizeof message),
                 RD_KAFKA_CONF_OK);
        rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, message, sizeof message);
        QVERIFY2(producer, message);
        const char garbage[] = "not json at all";
        QCOMPARE(rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("order.created"), RD_KAFKA_V_PARTITION(0),
                                   RD_KAFKA_V_VALUE(const_cast<char *>(garbage), sizeof garbage - 1),
                                   RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END),
                 RD_KAFKA_RESP_ERR_NO_ERROR);
        QCOMPARE(rd_kafka_flush(producer, 10000), RD_KAFKA_RESP_ERR_NO_ERROR);
        rd_kafka_destroy(producer);

        OutboxRelay relay(m_producerDb, kafkaAccess(), "order", OutboxRelay::Options{20, 500, 2000});
        QVERIFY2(relay.start(&error), qPrintable(error));
        QVERIFY(appendEvents(m_producerDb, 1000, 1));
        QTRY_COMPARE_WITH_TIMEOUT(count(m_consumerDb, "SELECT count(*) FROM seen WHERE order_id = 1000"), 1, 30000);
        QCOMPARE(consumer.stats().failures, quint64(1));
    }

    // A producer-given event id (e.g. one payment.requested per order): a second append of it,
    // in another transaction, is a no-op that answers the same id.
    void anEventWithAGivenIdIsWrittenOnce()
    {
        const QString id = "6f9e1c52-3a59-5b0e-9d1a-2b1f8e4c7d00";
        for (int attempt = 0; attempt < 2; ++attempt) {
            PgConnection c;
            QString error;
            QVERIFY2(c.open(m_producerDb, &error) && c.exec("BEGIN", &error), qPrintable(error));
            SqlSession session(c, {});
            const OutboundEvent e{"payment.requested", "o-1", QJsonObject{{"orderId", "o-1"}, {"attempt", attempt}}, {}, id};
            QCOMPARE(Outbox::append(session, e, &error), id);
            QVERIFY2(c.exec("COMMIT", &error), qPrintable(error));
        }
        QCOMPARE(count(m_producerDb, "SELECT count(*) FROM outbox WHERE event_id = '" + id + "'"), 1);
        QCOMPARE(count(m_producerDb, "SELECT (payload->>'attempt')::int FROM outbox WHERE event_id = '" + id + "'"), 0);
    }
};

QTEST_GUILESS_MAIN(TestEventFlow)
#include "tst_eventflow.moc"
