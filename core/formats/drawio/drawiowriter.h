#pragma once

#include "model/topology.h"

#include <QByteArray>

namespace Gatehouse {

// Writes a topology as a draw.io file (docs/formats.md has the mapping):
// <mxfile compressed="false"> with one page; layers per lane (band + nodes), then layers for
// data ownership, sync calls and async events, and a legend. Every node and edge is an
// <object> wrapper carrying the model's fields as attributes, so DrawioReader reads it back
// unchanged. Deterministic: the same topology gives the same bytes.
class DrawioWriter
{
public:
    struct Options
    {
        bool compressed = false; // page content as base64(rawDeflate(encodeURIComponent(xml)))
        bool legend = true;
    };

    static QByteArray write(const Topology &topology, const Options &options);

    // Cell ids of the fixed structure (':' cannot occur in model ids, so they never collide).
    static QString layerId(Lane lane);
    static QString laneBandId(Lane lane);
    static inline const char *SyncLayerId = "layer:sync";
    static inline const char *AsyncLayerId = "layer:async";
    static inline const char *DataLayerId = "layer:data-ownership";
    static inline const char *LegendLayerId = "layer:legend";
    // The cell id of a model id: the id itself, except "0" (the root cell's id).
    static QString cellId(const QString &modelId);
    // Removes what XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/FFFF).
    static QString clean(const QString &text);
    static QString number(double value);
};

} // namespace Gatehouse
