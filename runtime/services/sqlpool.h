#pragma once

#include "services/sqlsession.h"

#include <QByteArray>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Gatehouse::Runtime {

class PgConnection;

// A few threads, each with its own libpq connection to the service's database, that run SQL
// jobs handed over from the HTTP I/O threads (libpq is blocking; the I/O threads must never
// block). A job gets the connection and runs on a pool thread; it answers its HTTP request
// through the Responder it captured. The queue is bounded: submit() refuses work when it is
// full so that an overloaded service sheds load with 503 instead of growing without limit.
// Each thread's connection is a SqlSession: a job submitted with a traceparent gets every
// statement recorded as an `sql` span under that hop (SqlTracing, docs/services.md).
class SqlPool
{
public:
    using Job = std::function<void(SqlSession &session)>;

    SqlPool(QString conninfo, int threads, std::size_t maxQueued, SqlTracing tracing = {});
    ~SqlPool(); // stop()
    SqlPool(const SqlPool &) = delete;
    SqlPool &operator=(const SqlPool &) = delete;

    // Opens every connection. Returns false and sets `error` when any cannot connect.
    bool start(QString *error);
    // Finishes the queued jobs, then closes the connections and joins the threads.
    void stop();

    // False when the queue is full or the pool is stopped; the job is then not run.
    bool submit(Job job); // statements not traced (probes)
    // The job's statements are recorded as children of `traceparent` (the request's hop).
    bool submit(const QByteArray &traceparent, Job job);

    std::size_t queued() const;

private:
    struct Queued
    {
        QByteArray traceparent;
        Job job;
    };
    void run(PgConnection *connection);

    QString m_conninfo;
    SqlTracing m_tracing;
    int m_threadCount;
    std::size_t m_maxQueued;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Queued> m_jobs;
    bool m_stopping = false;
    std::vector<std::unique_ptr<PgConnection>> m_connections;
    std::vector<std::thread> m_threads;
};

} // namespace Gatehouse::Runtime
