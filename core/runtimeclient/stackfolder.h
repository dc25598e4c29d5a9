#pragma once

#include <QString>

namespace Gatehouse {

// The name of a project's stack folder, "<file name>-<8 hex of SHA-256 of its absolute path>"
// ("shop-1a2b3c4d"): `gatehouse-runtime up FILE` keeps the stack there by default and the app
// finds the same stack by it. An empty file name is the untitled diagram ("untitled-…").
QString stackFolderName(const QString &projectFile);

} // namespace Gatehouse
