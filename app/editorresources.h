#pragma once

namespace Gatehouse {

// Registers the editor's Qt resources (icons, built-in examples). The resources live in a
// static library, whose static initialiser the linker may drop; call this once before using
// ":/icons" or ":/examples" (MainWindow does). Safe to call more than once.
void initEditorResources();

} // namespace Gatehouse
