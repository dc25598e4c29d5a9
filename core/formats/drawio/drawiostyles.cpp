#include "drawiostyles.h"

namespace Gatehouse::DrawioStyles {

QString nodeStyle(NodeKind kind)
{
    switch (kind) {
    case NodeKind::ClientWeb:
        return QStringLiteral("rounded=1;whiteSpace=wrap;html=1;fillColor=#dae8fc;strokeColor=#6c8ebf;");
    case NodeKind::ClientMobile:
        return QStringLiteral("rounded=1;arcSize=20;whiteSpace=wrap;html=1;fillColor=#dae8fc;strokeColor=#6c8ebf;");
    case NodeKind::ClientPartner:
        return QStringLiteral(
            "rounded=1;whiteSpace=wrap;html=1;dashed=1;fillColor=#f5f5f5;strokeColor=#666666;fontColor=#333333;");
    case NodeKind::Gateway:
        return QStringLiteral("shape=hexagon;perimeter=hexagonPerimeter2;whiteSpace=wrap;html=1;fixedSize=1;size=20;"
                              "fillColor=#e1d5e7;strokeColor=#9673a6;strokeWidth=2;");
    case NodeKind::Service:
        return QStringLiteral("rounded=1;whiteSpace=wrap;html=1;fillColor=#d5e8d4;strokeColor=#82b366;");
    case NodeKind::CacheRedis:
        return QStringLiteral("shape=cylinder3;whiteSpace=wrap;html=1;boundedLbl=1;backgroundOutline=1;size=10;"
                              "fillColor=#f8cecc;strokeColor=#b85450;");
    case NodeKind::BusKafka:
        // A horizontal cylinder with a small fixed cap: draw.io's direct_data stencil scales its
        // cap with the width, which looks odd on a bus spanning the whole diagram.
        return QStringLiteral(
            "shape=cylinder3;direction=south;whiteSpace=wrap;html=1;boundedLbl=1;backgroundOutline=1;size=12;"
            "fillColor=#fff2cc;strokeColor=#d6b656;");
    case NodeKind::DbPostgres:
        return QStringLiteral("shape=cylinder3;whiteSpace=wrap;html=1;boundedLbl=1;backgroundOutline=1;size=15;"
                              "fillColor=#dae8fc;strokeColor=#6c8ebf;");
    }
    return {};
}

QString edgeStyle(EdgeKind kind)
{
    switch (kind) {
    case EdgeKind::Sync:
        return QStringLiteral(
            "edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;endArrow=block;endFill=1;strokeColor=#333333;"
            "strokeWidth=1.5;fontSize=10;labelBackgroundColor=#ffffff;");
    case EdgeKind::Publish:
    case EdgeKind::Subscribe:
        return QStringLiteral(
            "edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;dashed=1;dashPattern=6 4;endArrow=open;endFill=0;"
            "strokeColor=#d79b00;fontColor=#d79b00;strokeWidth=1.5;fontSize=10;labelBackgroundColor=#ffffff;");
    case EdgeKind::Owns:
        return QStringLiteral(
            "edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;startArrow=diamondThin;startFill=1;startSize=12;"
            "endArrow=none;strokeColor=#6c8ebf;fontColor=#6c8ebf;strokeWidth=1.5;fontSize=10;"
            "labelBackgroundColor=#ffffff;");
    case EdgeKind::UsesCache:
        return QStringLiteral(
            "edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;dashed=1;dashPattern=1 3;endArrow=open;endFill=0;"
            "strokeColor=#b85450;fontColor=#b85450;strokeWidth=1.5;fontSize=10;labelBackgroundColor=#ffffff;");
    }
    return {};
}

QString fallbackEdgeStyle()
{
    return QStringLiteral("edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;endArrow=block;endFill=1;strokeColor=#b85450;"
                          "fontColor=#333333;strokeWidth=2;fontSize=10;labelBackgroundColor=#ffffff;");
}

QString laneStyle(Lane lane)
{
    if (lane == Lane::Gateway) {
        return QStringLiteral(
            "swimlane;horizontal=0;startSize=40;html=1;fontStyle=1;fillColor=#e1d5e7;strokeColor=#9673a6;"
            "swimlaneFillColor=#f7f2fa;collapsible=0;container=0;strokeWidth=2;");
    }
    return QStringLiteral("swimlane;horizontal=0;startSize=40;html=1;fontStyle=1;fillColor=#f5f5f5;strokeColor=#666666;"
                          "swimlaneFillColor=#fcfcfc;collapsible=0;container=0;");
}

QString layerName(Lane lane)
{
    switch (lane) {
    case Lane::Clients:
        return QStringLiteral("Clients");
    case Lane::Gateway:
        return QStringLiteral("Gateway layer");
    case Lane::Services:
        return QStringLiteral("Services");
    case Lane::Data:
        return QStringLiteral("Data");
    }
    return {};
}

Style parseStyle(const QString &style)
{
    Style result;
    const QStringList tokens = style.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        const qsizetype eq = token.indexOf(QLatin1Char('='));
        if (eq < 0)
            result.names.append(token.trimmed());
        else
            result.values.insert(token.left(eq).trimmed(), token.mid(eq + 1).trimmed());
    }
    return result;
}

} // namespace Gatehouse::DrawioStyles
