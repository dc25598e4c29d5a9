#include "secretstore.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

namespace Gatehouse::Runtime {

SecretStore::~SecretStore() = default;

void SecretStore::readAsync(const QString &key, QObject *context, std::function<void(const SecretLookup &)> done)
{
    SecretLookup result = read(key);
    QMetaObject::invokeMethod(
        context, [result, done = std::move(done)] { done(result); }, Qt::QueuedConnection);
}

} // namespace Gatehouse::Runtime
