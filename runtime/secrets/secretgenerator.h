#pragma once

#include <QString>

namespace Gatehouse::Runtime {

// A fresh random secret from the OS CSPRNG (QRandomGenerator::system()): `bytes` random bytes as
// unpadded base64url, safe in a libpq conninfo, a redis config line and a URL. 32 bytes = 256 bits.
QString generateSecret(int bytes = 32);

} // namespace Gatehouse::Runtime
