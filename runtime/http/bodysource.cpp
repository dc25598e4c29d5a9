#include "http/bodysource.h"

namespace Gatehouse::Runtime::Http {

namespace {

struct WholeBody : std::enable_shared_from_this<WholeBody>
{
    std::shared_ptr<BodySource> source;
    std::size_t maxBytes = 0;
    std::string body;
    std::function<void(bool, std::string, std::string)> callback;

    void next()
    {
        source->read([self = shared_from_this()](BodyPiece piece) { self->onPiece(std::move(piece)); });
    }

    void onPiece(BodyPiece piece)
    {
        if (piece.failed)
            return done(false, std::move(piece.error));
        if (body.size() + piece.data.size() > maxBytes)
            return done(false, "too large");
        body += piece.data;
        if (piece.last)
            return done(true, {});
        next();
    }

    void done(bool ok, std::string error)
    {
        auto call = std::move(callback);
        callback = nullptr;
        source.reset(); // abandons the rest when failed
        if (call)
            call(ok, ok ? std::move(body) : std::string(), std::move(error));
    }
};

} // namespace

void readWholeBody(std::shared_ptr<BodySource> source, std::size_t maxBytes,
    std::function<void(bool ok, std::string body, std::string error)> callback)
{
    auto state = std::make_shared<WholeBody>();
    state->source = std::move(source);
    state->maxBytes = maxBytes;
    state->callback = std::move(callback);
    state->next();
}

} // namespace Gatehouse::Runtime::Http
