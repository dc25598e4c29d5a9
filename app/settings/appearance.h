#pragma once

#include "settings/appsettings.h"

namespace Gatehouse {

// Applies the chosen appearance to the running QApplication: System leaves the platform's own
// (light or dark) palette alone; Light and Dark switch to the Fusion style with a matching
// palette. Call once at startup, before windows are created.
void applyAppearance(AppSettings::Appearance appearance);

} // namespace Gatehouse
