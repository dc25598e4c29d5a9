#include "terminationsignals.h"

#include <pthread.h>

namespace Gatehouse::Runtime {

TerminationSignals::TerminationSignals()
{
    sigemptyset(&m_signals);
    sigaddset(&m_signals, SIGTERM);
    sigaddset(&m_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &m_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

int TerminationSignals::wait() const
{
    int received = 0;
    sigwait(&m_signals, &received);
    return received;
}

} // namespace Gatehouse::Runtime
