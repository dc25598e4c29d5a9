#include "gateway/observedbody.h"

namespace Gatehouse::Runtime {

void ObservedBody::Progress::end(End how, const std::string &error)
{
    if (ended.exchange(true))
        return;
    OnEnd call = std::move(onEnd);
    onEnd = nullptr;
    if (call)
        call(how, bytes.load(), error);
}

ObservedBody::ObservedBody(std::shared_ptr<Http::BodySource> inner, OnEnd onEnd)
    : m_inner(std::move(inner))
    , m_progress(std::make_shared<Progress>())
{
    m_progress->onEnd = std::move(onEnd);
}

ObservedBody::~ObservedBody()
{
    m_progress->end(End::Abandoned, "the client went away before the end of the body");
}

std::uint64_t ObservedBody::transferred() const
{
    return m_progress->bytes.load();
}

void ObservedBody::read(Callback callback)
{
    m_inner->read([progress = m_progress, callback = std::move(callback)](Http::BodyPiece piece) {
        progress->bytes.fetch_add(piece.data.size());
        // Reported before the piece moves on: the consumer may drop this body as soon as it
        // has the last piece, and that must not count as abandoned.
        if (piece.failed)
            progress->end(End::Failed, piece.error);
        else if (piece.last)
            progress->end(End::Complete, {});
        callback(std::move(piece));
    });
}

} // namespace Gatehouse::Runtime
