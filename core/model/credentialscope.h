#pragma once

#include <QString>

namespace Gatehouse {

// The keychain scope of the credentials a user enters for one project's external
// infrastructure ("<scope>/external/postgres/password", …): "project-" + the first 16 hex
// digits of SHA-256 of the project file's absolute path, "project-untitled" before the first
// save. The app's Settings dialog writes under it and the runtime reads under it, so both
// must use this one function.
QString projectCredentialScope(const QString &projectFile);

} // namespace Gatehouse
