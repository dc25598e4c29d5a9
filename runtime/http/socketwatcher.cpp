#include "http/socketwatcher.h"

#include "http/detail/eventloopprivate.h"
#include "http/eventloop.h"

#include <boost/asio/posix/stream_descriptor.hpp>

namespace Gatehouse::Runtime::Http {

class SocketWatcher::Private
{
public:
    Private(boost::asio::io_context &context, int fd, int index)
        : descriptor(context, fd)
        , index(index)
    {
    }
    ~Private()
    {
        // release() deregisters without closing: the descriptor belongs to the library.
        descriptor.release();
    }

    void wait(boost::asio::posix::stream_descriptor::wait_type type, std::function<void(bool)> callback)
    {
        descriptor.async_wait(type, [callback = std::move(callback)](const boost::system::error_code &ec) {
            if (ec == boost::asio::error::operation_aborted)
                return;
            callback(!ec);
        });
    }

    boost::asio::posix::stream_descriptor descriptor;
    int index;
};

SocketWatcher::SocketWatcher(EventLoop &loop, int fd, int threadIndex)
{
    auto &impl = loop.impl();
    const int index = threadIndex >= 0 ? threadIndex : std::max(0, impl.currentIndex());
    m_d = std::make_unique<Private>(impl.context(index), fd, index);
}

SocketWatcher::~SocketWatcher() = default;

void SocketWatcher::waitReadable(std::function<void(bool)> callback)
{
    m_d->wait(boost::asio::posix::stream_descriptor::wait_read, std::move(callback));
}

void SocketWatcher::waitWritable(std::function<void(bool)> callback)
{
    m_d->wait(boost::asio::posix::stream_descriptor::wait_write, std::move(callback));
}

void SocketWatcher::cancel()
{
    boost::system::error_code ignored;
    m_d->descriptor.cancel(ignored);
}

int SocketWatcher::threadIndex() const
{
    return m_d->index;
}

} // namespace Gatehouse::Runtime::Http
