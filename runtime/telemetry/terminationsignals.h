#pragma once

#include <csignal>

namespace Gatehouse::Runtime {

// The stop signals of a node process (`gatehouse-runtime node`): SIGTERM and SIGINT are
// blocked in the calling thread — and so in every thread it starts afterwards — and SIGPIPE
// is ignored (peers hang up), so the main thread can wait for the stop signal with wait()
// while the I/O threads never see it. Construct it in main before starting any thread.
class TerminationSignals
{
public:
    TerminationSignals();
    // Blocks until SIGTERM or SIGINT arrives; returns the signal number.
    int wait() const;

private:
    sigset_t m_signals;
};

} // namespace Gatehouse::Runtime
