#include "editorresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initGatehouseQrc()
{
    Q_INIT_RESOURCE(gatehouse);
}

namespace Gatehouse {

void initEditorResources()
{
    static const bool done = [] {
        initGatehouseQrc();
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace Gatehouse
