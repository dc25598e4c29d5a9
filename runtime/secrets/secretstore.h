#pragma once

#include <QString>
#include <functional>

class QObject;

namespace Gatehouse::Runtime {

// The outcome of reading one secret. `NotFound` is not an error: the caller generates or asks.
struct SecretLookup
{
    enum class Status { Found, NotFound, Error };

    Status status = Status::NotFound;
    QString value; // only when Found
    QString error; // only when Error: a sentence for the user (never contains a secret)

    bool found() const { return status == Status::Found; }
    static SecretLookup makeFound(const QString &value) { return { Status::Found, value, {} }; }
    static SecretLookup makeNotFound() { return { Status::NotFound, {}, {} }; }
    static SecretLookup makeError(const QString &error) { return { Status::Error, {}, error }; }
};

// Where secrets live (JWT key, passwords, API keys). Keys are "<stack-id>/<area>/<name>" (see
// SecretKeys). Values never go to logs, command lines, the environment or project files.
//
// The synchronous calls may spin a local event loop (QtKeychain talks D-Bus), so call them from
// a thread with a QCoreApplication, not from inside a slot that must not re-enter. readAsync()
// calls `done` later on `context`'s thread and never re-enters the caller.
class SecretStore
{
public:
    virtual ~SecretStore();

    // Human-readable name of the backend, e.g. "OS keychain (Secret Service)" or "file <path>".
    virtual QString backendName() const = 0;

    virtual SecretLookup read(const QString &key) = 0;
    // Returns false and sets `error` (a user-facing sentence) when the secret was not stored.
    virtual bool write(const QString &key, const QString &value, QString *error) = 0;
    // Removing a key that does not exist succeeds.
    virtual bool remove(const QString &key, QString *error) = 0;

    // Default: runs read() and posts the result to `context` (queued). Backends with a native
    // asynchronous API override it.
    virtual void readAsync(const QString &key, QObject *context, std::function<void(const SecretLookup &)> done);
};

} // namespace Gatehouse::Runtime
