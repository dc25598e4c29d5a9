#include "sqlpool.h"

#include "infra/pgconnection.h"

#include <libpq-fe.h>

namespace Gatehouse::Runtime {

SqlPool::SqlPool(QString conninfo, int threads, std::size_t maxQueued, SqlTracing tracing)
    : m_conninfo(std::move(conninfo)), m_tracing(std::move(tracing)), m_threadCount(std::max(1, threads)), m_maxQueued(maxQueued)
{
}

SqlPool::~SqlPool()
{
    stop();
}

bool SqlPool::start(QString *error)
{
    for (int i = 0; i < m_threadCount; ++i) {
        auto connection = std::make_unique<PgConnection>();
        if (!connection->open(m_conninfo, error))
            return false;
        m_connections.push_back(std::move(connection));
    }
    for (const auto &connection : m_connections)
        m_threads.emplace_back([this, c = connection.get()] { run(c); });
    return true;
}

void SqlPool::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
    m_threads.clear();
    m_connections.clear();
}

bool SqlPool::submit(Job job)
{
    return submit(QByteArray(), std::move(job));
}

bool SqlPool::submit(const QByteArray &traceparent, Job job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_threads.empty() || m_jobs.size() >= m_maxQueued)
            return false;
        m_jobs.push_back(Queued { traceparent, std::move(job) });
    }
    m_wake.notify_one();
    return true;
}

std::size_t SqlPool::queued() const
{
    std::lock_guard lock(m_mutex);
    return m_jobs.size();
}

void SqlPool::run(PgConnection *connection)
{
    SqlSession session(*connection, m_tracing);
    for (;;) {
        Queued job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // stopping and drained
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        // A server restart breaks the connection; reconnect before the next job rather than
        // failing every job that lands on this thread from now on.
        if (PQstatus(connection->handle()) != CONNECTION_OK)
            PQreset(connection->handle());
        session.setParent(job.traceparent);
        job.job(session);
    }
}

} // namespace Gatehouse::Runtime
