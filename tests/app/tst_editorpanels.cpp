// The editor's panels against a real Document: palette, property editor (node and edge forms,
// route and topic tables), Problems panel with the real linter, undo history.
#include "canvas/diagramscene.h"
#include "document/document.h"
#include "editorresources.h"
#include "model/projectfile.h"
#include "panels/circuitbreakerbox.h"
#include "panels/edgeform.h"
#include "panels/lintrunner.h"
#include "panels/nodeform.h"
#include "panels/nodepalette.h"
#include "panels/nodetemplate.h"
#include "panels/problemspanel.h"
#include "panels/propertyeditor.h"
#include "panels/routedetails.h"
#include "panels/routetablemodel.h"
#include "panels/topictablemodel.h"
#include "panels/undohistorypanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Gatehouse;

namespace {
Topology loadExample(const QString &name = "api-gateway.gatehouse")
{
    const LoadResult result = ProjectFile::load(QStringLiteral(GATEHOUSE_SOURCE_DIR "/examples/") + name);
    if (!result.ok())
        qFatal("example does not load: %s", qPrintable(result.problems.first().toString()));
    return result.topology;
}

// The first edge of `kind` from a node of `fromKind`.
QString findEdge(const Topology &topology, EdgeKind kind, NodeKind fromKind)
{
    for (const Edge &edge : topology.edges) {
        if (edge.kind == kind && topology.node(edge.source)->kind == fromKind)
            return edge.id;
    }
    return {};
}
} // namespace

class TestEditorPanels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initEditorResources(); }

    void paletteOffersEveryKindWithIcon();
    void paletteDragCarriesTemplate();
    void paletteDoubleClickEmitsTemplate();
    void templateMimeRoundTrip();

    void routeTextValidation_data();
    void routeTextValidation();
    void routeEditIsOneUndoStep();
    void routeEditRejectsDuplicate();
    void routeDetailsEditTheSelectedRoute();
    void addAndRemoveRoute();
    void topicEditing();

    void propertyEditorFollowsSelection();
    void nodeNameEditIsOneUndoStepWithText();
    void nodeRoleAndPortEdits();
    void databaseNameAndOwner();
    void edgeFormShowsFieldsPerKind();
    void serviceCallFallback();
    void circuitBreakerEdits();

    void lintRunnerDebouncesAndSkipsMoves();
    void problemsClickSelectsNamedItems();
    void undoHistoryShowsStack();
};

void TestEditorPanels::paletteOffersEveryKindWithIcon()
{
    NodePalette palette;
    QSet<NodeKind> kinds;
    int entries = 0;
    for (int g = 0; g < palette.topLevelItemCount(); ++g) {
        for (int i = 0; i < palette.topLevelItem(g)->childCount(); ++i) {
            QTreeWidgetItem *item = palette.topLevelItem(g)->child(i);
            const auto t = NodePalette::templateOf(item);
            QVERIFY(t);
            QVERIFY2(!item->icon(0).pixmap(24, 24).isNull(), qPrintable(item->text(0)));
            kinds.insert(t->kind);
            ++entries;
        }
    }
    QCOMPARE(kinds.size(), 8);
    QCOMPARE(entries, 8 + 5); // services once per role: generic + five roles
    QVERIFY(palette.itemFor({ NodeKind::Service, ServiceRole::Payment }));
}

void TestEditorPanels::paletteDragCarriesTemplate()
{
    // QAbstractItemView::startDrag asks the model (QTreeWidget::mimeData) for the drag's data.
    NodePalette palette;
    QTreeWidgetItem *item = palette.itemFor({ NodeKind::BusKafka, ServiceRole::Generic });
    QVERIFY(item);
    const QModelIndex index = palette.model()->index(palette.indexOfTopLevelItem(item->parent()), 0);
    const QModelIndex child = palette.model()->index(item->parent()->indexOfChild(item), 0, index);
    std::unique_ptr<QMimeData> data(palette.model()->mimeData({ child }));
    QVERIFY(data);
    QVERIFY(data->hasFormat(NodeTemplate::mimeType()));
    const auto t = NodeTemplate::fromMimeData(data->data(NodeTemplate::mimeType()));
    QVERIFY(t);
    QCOMPARE(t->kind, NodeKind::BusKafka);
}

void TestEditorPanels::paletteDoubleClickEmitsTemplate()
{
    NodePalette palette;
    palette.resize(300, 700);
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    QSignalSpy spy(&palette, &NodePalette::templateActivated);
    QTreeWidgetItem *item = palette.itemFor({ NodeKind::Service, ServiceRole::Order });
    palette.scrollToItem(item);
    const QRect rect = palette.visualItemRect(item);
    QVERIFY(palette.viewport()->rect().contains(rect.center()));
    // QTest's double click alone lacks the press an item view pairs it with.
    QTest::mousePress(palette.viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(palette.viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 1);
    const auto t = spy.first().first().value<NodeTemplate>();
    QCOMPARE(t.kind, NodeKind::Service);
    QCOMPARE(t.role, ServiceRole::Order);
    // A group header is not a template.
    spy.clear();
    const QPoint header = palette.visualItemRect(palette.topLevelItem(0)).center();
    QTest::mousePress(palette.viewport(), Qt::LeftButton, {}, header);
    QTest::mouseDClick(palette.viewport(), Qt::LeftButton, {}, header);
    QCOMPARE(spy.count(), 0);
    // Enter on the current entry adds it too.
    palette.setCurrentItem(palette.itemFor({ NodeKind::DbPostgres, ServiceRole::Generic }));
    QTest::keyClick(&palette, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().value<NodeTemplate>().kind, NodeKind::DbPostgres);
}

void TestEditorPanels::templateMimeRoundTrip()
{
    for (const NodeTemplate &t : NodeTemplate::all()) {
        QCOMPARE(NodeTemplate::fromMimeData(t.toMimeData()), std::optional<NodeTemplate>(t));
        QVERIFY(!t.displayName().isEmpty());
        QVERIFY(!t.toolTip().isEmpty());
    }
    // The canvas's drop format.
    QCOMPARE(NodeTemplate::mimeType(), DiagramScene::nodeKindMimeType());
    QCOMPARE(NodeTemplate({ NodeKind::Service, ServiceRole::Payment }).toMimeData(), QByteArray("service:payment"));
    QCOMPARE(NodeTemplate({ NodeKind::BusKafka, ServiceRole::Generic }).toMimeData(), QByteArray("bus.kafka"));
    QVERIFY(!NodeTemplate::fromMimeData("teapot"));
    QVERIFY(!NodeTemplate::fromMimeData("service:x"));
    QVERIFY(!NodeTemplate::fromMimeData("gateway:auth"));
}

void TestEditorPanels::routeTextValidation_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("shownAfter");
    using C = RouteTableModel::Column;
    QTest::newRow("method lower case") << int(C::Method) << "post" << true << "POST";
    QTest::newRow("method any") << int(C::Method) << "*" << true << "*";
    QTest::newRow("method bogus") << int(C::Method) << "FETCH" << false << "";
    QTest::newRow("path") << int(C::Path) << "/orders/{id}" << true << "/orders/{id}";
    QTest::newRow("path no slash") << int(C::Path) << "orders" << false << "";
    QTest::newRow("path space") << int(C::Path) << "/a b" << false << "";
    QTest::newRow("path braces") << int(C::Path) << "/a/{id" << false << "";
    QTest::newRow("visibility") << int(C::Visibility) << "internal" << true << "internal";
    QTest::newRow("visibility bogus") << int(C::Visibility) << "secret" << false << "";
    QTest::newRow("auth api key") << int(C::Auth) << "API key" << true << "API key";
    QTest::newRow("auth file name") << int(C::Auth) << "api-key" << true << "API key";
    QTest::newRow("auth bogus") << int(C::Auth) << "basic" << false << "";
    QTest::newRow("rate limit") << int(C::RateLimit) << "100/60s" << true << "100/60s";
    QTest::newRow("rate limit spaces") << int(C::RateLimit) << " 5 / 1 " << true << "5/1s";
    QTest::newRow("rate limit none") << int(C::RateLimit) << "" << true << "";
    QTest::newRow("rate limit zero") << int(C::RateLimit) << "0/60" << false << "";
    QTest::newRow("rate limit text") << int(C::RateLimit) << "lots" << false << "";
    QTest::newRow("timeout") << int(C::Timeout) << "2500" << true << "2500";
    QTest::newRow("timeout default") << int(C::Timeout) << "" << true << "";
    QTest::newRow("timeout negative") << int(C::Timeout) << "-1" << false << "";
    QTest::newRow("timeout huge") << int(C::Timeout) << "9999999" << false << "";
    QTest::newRow("retries") << int(C::Retries) << "3" << true << "3";
    QTest::newRow("retries too many") << int(C::Retries) << "11" << false << "";
    QTest::newRow("fallback static") << int(C::Fallback) << "static 503" << true << "static 503";
    QTest::newRow("fallback defer") << int(C::Fallback) << "defer" << true << "defer";
    QTest::newRow("fallback none") << int(C::Fallback) << "none" << true << "none";
    QTest::newRow("fallback bad status") << int(C::Fallback) << "static 42" << false << "";
}

void TestEditorPanels::routeTextValidation()
{
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, shownAfter);
    Route route;
    route.path = "/x";
    const Route before = route;
    const auto error = RouteTableModel::applyText(route, column, text);
    QCOMPARE(!error.has_value(), valid);
    if (valid) {
        QCOMPARE(RouteTableModel::columnText(route, column), shownAfter);
        // What is shown is accepted back unchanged.
        Route again = route;
        QVERIFY(!RouteTableModel::applyText(again, column, shownAfter));
        QCOMPARE(again, route);
    } else {
        QVERIFY(!error->isEmpty());
        QCOMPARE(route, before);
    }
}

void TestEditorPanels::routeEditIsOneUndoStep()
{
    Document document;
    document.resetTopology(loadExample());
    const QString edgeId = findEdge(document.topology(), EdgeKind::Sync, NodeKind::Gateway);
    QVERIFY(!edgeId.isEmpty());
    const Topology original = document.topology();

    RouteTableModel model(&document);
    model.setEdge(edgeId);
    QVERIFY(model.rowCount() > 0);
    const Route first = document.edge(edgeId)->routes.first();
    QSignalSpy rejected(&model, &RouteTableModel::rejected);

    QVERIFY(model.setData(model.index(0, RouteTableModel::Timeout), "4321"));
    QCOMPARE(document.edge(edgeId)->routes.first().timeoutMs, 4321);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QString("Edit route %1 %2").arg(first.method, first.path));
    QCOMPARE(model.data(model.index(0, RouteTableModel::Timeout)).toString(), "4321");

    QVERIFY(!model.setData(model.index(0, RouteTableModel::Path), "no-slash"));
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(document.undoStack()->count(), 1);

    // Setting the same value again is not a step.
    QVERIFY(model.setData(model.index(0, RouteTableModel::Timeout), "4321"));
    QCOMPARE(document.undoStack()->count(), 1);

    document.undoStack()->undo();
    QCOMPARE(document.topology(), original);
    model.reload();
    QCOMPARE(model.data(model.index(0, RouteTableModel::Timeout)).toString(),
        RouteTableModel::columnText(first, RouteTableModel::Timeout));
}

void TestEditorPanels::routeDetailsEditTheSelectedRoute()
{
    Document document;
    document.resetTopology(loadExample());
    PropertyEditor editor(&document);
    editor.resize(380, 800); // the width of the dock
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    EdgeForm *form = editor.edgeForm();
    const QString edgeId = findEdge(document.topology(), EdgeKind::Sync, NodeKind::Gateway);
    document.setSelection({ edgeId });

    // The table shows what identifies a route and fits without a horizontal scroll bar.
    QTableView *table = form->routeView();
    QVERIFY(table->isColumnHidden(RouteTableModel::Timeout));
    QVERIFY(!table->isColumnHidden(RouteTableModel::Path));
    QVERIFY(!table->horizontalScrollBar()->isVisible());

    RouteDetails *details = form->routeDetails();
    QVERIFY(!details->isEnabled()); // nothing selected yet
    table->selectRow(1);
    QVERIFY(details->isEnabled());
    const Route second = document.edge(edgeId)->routes.at(1);
    QCOMPARE(details->timeoutEdit()->text(), RouteTableModel::columnText(second, RouteTableModel::Timeout));

    details->timeoutEdit()->setFocus();
    details->timeoutEdit()->setText("4321");
    QTest::keyClick(details->timeoutEdit(), Qt::Key_Return);
    QTRY_COMPARE(document.edge(edgeId)->routes.at(1).timeoutMs, 4321); // the delegate commits queued
    QCOMPARE(document.undoStack()->undoText(), QString("Edit route %1 %2").arg(second.method, second.path));
    QCOMPARE(details->timeoutEdit()->text(), "4321"); // still the same route after the reload

    // A refused value is explained and the field shows the route's value again.
    details->rateLimitEdit()->setFocus();
    details->rateLimitEdit()->setText("lots");
    QTest::keyClick(details->rateLimitEdit(), Qt::Key_Return);
    QTRY_VERIFY(form->messageLabel()->isVisibleTo(&editor));
    QTRY_COMPARE(details->rateLimitEdit()->text(), RouteTableModel::columnText(second, RouteTableModel::RateLimit));
    QCOMPARE(document.undoStack()->count(), 1);

    // Picking a fallback applies at once.
    const int deferIndex = details->fallbackCombo()->findText("defer");
    QVERIFY(deferIndex >= 0);
    details->fallbackCombo()->setCurrentIndex(deferIndex);
    Q_EMIT details->fallbackCombo()->activated(deferIndex);
    QCOMPARE(document.edge(edgeId)->routes.at(1).fallback.mode, FallbackMode::Defer);
    QCOMPARE(document.undoStack()->count(), 2);
}

void TestEditorPanels::routeEditRejectsDuplicate()
{
    Document document;
    document.resetTopology(loadExample());
    const QString edgeId = findEdge(document.topology(), EdgeKind::Sync, NodeKind::Gateway);
    RouteTableModel model(&document);
    model.setEdge(edgeId);
    const int a = model.addRoute(); // GET /new
    const int b = model.addRoute(); // GET /new-2
    const int steps = document.undoStack()->count();
    QSignalSpy rejected(&model, &RouteTableModel::rejected);
    QVERIFY(!model.setData(model.index(b, RouteTableModel::Path), "/new"));
    QCOMPARE(rejected.count(), 1);
    QVERIFY(rejected.first().first().toString().contains("GET /new"));
    QCOMPARE(document.undoStack()->count(), steps);
    // Another method on the same path is a different route.
    QVERIFY(model.setData(model.index(a, RouteTableModel::Method), "POST"));
    QVERIFY(model.setData(model.index(b, RouteTableModel::Path), "/new"));
}

void TestEditorPanels::addAndRemoveRoute()
{
    Document document;
    document.resetTopology(loadExample());
    const QString edgeId = findEdge(document.topology(), EdgeKind::Sync, NodeKind::Gateway);
    RouteTableModel model(&document);
    model.setEdge(edgeId);
    const int before = model.rowCount();
    const int row = model.addRoute();
    QCOMPARE(row, before);
    QCOMPARE(model.rowCount(), before + 1);
    QCOMPARE(document.undoStack()->undoText(), QString("Add route GET /new"));
    const int second = model.addRoute();
    QCOMPARE(model.data(model.index(second, RouteTableModel::Path)).toString(), "/new-2");
    model.removeRoute(row);
    QCOMPARE(document.undoStack()->undoText(), QString("Remove route GET /new"));
    QCOMPARE(model.rowCount(), before + 1);
    QCOMPARE(document.undoStack()->count(), 3);
}

void TestEditorPanels::topicEditing()
{
    Document document;
    document.resetTopology(loadExample());
    const QString edgeId = findEdge(document.topology(), EdgeKind::Publish, NodeKind::Service);
    QVERIFY(!edgeId.isEmpty());
    TopicTableModel model(&document);
    model.setEdge(edgeId);
    QVERIFY(model.rowCount() > 0);
    const QString oldName = document.edge(edgeId)->topics.first().name;
    QSignalSpy rejected(&model, &TopicTableModel::rejected);

    QVERIFY(model.setData(model.index(0, TopicTableModel::Name), "orders.v2"));
    QCOMPARE(document.edge(edgeId)->topics.first().name, "orders.v2");
    QCOMPARE(document.undoStack()->undoText(), QString("Rename topic %1 to orders.v2").arg(oldName));
    QVERIFY(!model.setData(model.index(0, TopicTableModel::Name), "has space"));
    QVERIFY(!model.setData(model.index(0, TopicTableModel::Partitions), "0"));
    QCOMPARE(rejected.count(), 2);
    QVERIFY(model.setData(model.index(0, TopicTableModel::Partitions), "6"));
    QCOMPARE(document.edge(edgeId)->topics.first().partitions, 6);
    QCOMPARE(document.undoStack()->count(), 2);
    const int added = model.addTopic();
    QCOMPARE(model.data(model.index(added, TopicTableModel::Name)).toString(), "new.topic");
    QCOMPARE(document.undoStack()->undoText(), QString("Add topic new.topic"));
}

void TestEditorPanels::propertyEditorFollowsSelection()
{
    Document document;
    document.resetTopology(loadExample());
    PropertyEditor editor(&document);
    QCOMPARE(editor.currentPage(), PropertyEditor::Page::Diagram);
    QCOMPARE(editor.diagramNameEdit()->text(), document.topology().name);

    document.setSelection({ "order" });
    QCOMPARE(editor.currentPage(), PropertyEditor::Page::Node);
    QCOMPARE(editor.nodeForm()->nameEdit()->text(), document.node("order")->name);

    const QString edgeId = findEdge(document.topology(), EdgeKind::Sync, NodeKind::Gateway);
    document.setSelection({ edgeId });
    QCOMPARE(editor.currentPage(), PropertyEditor::Page::Edge);
    QCOMPARE(editor.edgeForm()->routeModel()->rowCount(), document.edge(edgeId)->routes.size());

    document.setSelection({ "order", "payment" });
    QCOMPARE(editor.currentPage(), PropertyEditor::Page::Multiple);

    // Deleting the shown node goes back to the diagram page, without touching a dangling id.
    document.setSelection({ "order" });
    document.deleteItems({ "order" });
    QCOMPARE(editor.currentPage(), PropertyEditor::Page::Diagram);
}

void TestEditorPanels::nodeNameEditIsOneUndoStepWithText()
{
    Document document;
    document.resetTopology(loadExample());
    PropertyEditor editor(&document);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    document.setSelection({ "payment" });
    const QString oldName = document.node("payment")->name;

    QLineEdit *name = editor.nodeForm()->nameEdit();
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, "Payments v2");
    QCOMPARE(document.undoStack()->count(), 0); // nothing until the edit is finished
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(document.node("payment")->name, "Payments v2");
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), QString("Rename “%1”").arg(oldName));

    // An empty name is refused and the old one shown again.
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Delete);
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(name->text(), "Payments v2");

    document.undoStack()->undo();
    QCOMPARE(name->text(), oldName); // the form follows undo
}

void TestEditorPanels::nodeRoleAndPortEdits()
{
    Document document;
    document.resetTopology(loadExample());
    PropertyEditor editor(&document);
    document.setSelection({ "inventory" });
    NodeForm *form = editor.nodeForm();
    QVERIFY(form->roleCombo()->isVisibleTo(&editor));

    const int index = form->roleCombo()->findData(int(ServiceRole::Generic));
    form->roleCombo()->setCurrentIndex(index);
    Q_EMIT form->roleCombo()->activated(index);
    QCOMPARE(document.node("inventory")->role, ServiceRole::Generic);
    QVERIFY(document.undoStack()->undoText().startsWith("Change role of"));

    form->portSpin()->setValue(18080);
    Q_EMIT form->portSpin()->editingFinished();
    QCOMPARE(document.node("inventory")->port, 18080);
    QCOMPARE(document.undoStack()->count(), 2);

    form->descriptionEdit()->setPlainText("Keeps stock");
    form->descriptionEdit()->setFocus();
    QFocusEvent focusOut(QEvent::FocusOut);
    QApplication::sendEvent(form->descriptionEdit(), &focusOut);
    QCOMPARE(document.node("inventory")->description, "Keeps stock");
    QCOMPARE(document.undoStack()->count(), 3);

    // A client has no port and no role.
    document.setSelection({ document.topology().nodesOfKind(NodeKind::ClientWeb).first()->id });
    QVERIFY(!form->roleCombo()->isVisibleTo(&editor));
    QVERIFY(!form->portSpin()->isVisibleTo(&editor));
}

void TestEditorPanels::databaseNameAndOwner()
{
    Document document;
    document.resetTopology(loadExample());
    PropertyEditor editor(&document);
    document.setSelection({ "inventory-db" });
    NodeForm *form = editor.nodeForm();
    QVERIFY(form->databaseEdit()->isVisibleTo(&editor));
    QCOMPARE(form->databaseEdit()->text(), "inventory");
    QCOMPARE(form->ownerCombo()->currentData().toString(), "inventory");

    form->databaseEdit()->setText("stock");
    Q_EMIT form->databaseEdit()->editingFinished();
    QCOMPARE(document.node("inventory-db")->databaseName(), "stock");
    QCOMPARE(document.undoStack()->undoText(), QString("Rename database of “Inventory DB” to “stock”"));

    // Re-owning moves the owns edge in one step.
    const int order = form->ownerCombo()->findData("order");
    QVERIFY(order > 0);
    form->ownerCombo()->setCurrentIndex(order);
    Q_EMIT form->ownerCombo()->activated(order);
    QCOMPARE(document.undoStack()->count(), 2);
    QCOMPARE(document.undoStack()->undoText(),
        QString("Make “%1” the owner of “Inventory DB”").arg(document.node("order")->name));
    const auto owners = document.topology().incoming("inventory-db", EdgeKind::Owns);
    QCOMPARE(owners.size(), 1);
    QCOMPARE(owners.first()->source, "order");

    // No owner removes the edge; undo brings it back.
    form->ownerCombo()->setCurrentIndex(0);
    Q_EMIT form->ownerCombo()->activated(0);
    QVERIFY(document.topology().incoming("inventory-db", EdgeKind::Owns).isEmpty());
    document.undoStack()->undo();
    QCOMPARE(document.topology().incoming("inventory-db", EdgeKind::Owns).size(), 1);
    QCOMPARE(form->ownerCombo()->currentData().toString(), "order");
}

void TestEditorPanels::edgeFormShowsFieldsPerKind()
{
    Document document;
    document.resetTopology(loadExample());
    PropertyEditor editor(&document);
    EdgeForm *form = editor.edgeForm();
    const Topology &t = document.topology();

    document.setSelection({ findEdge(t, EdgeKind::Sync, NodeKind::Gateway) });
    QVERIFY(form->routeView()->isVisibleTo(&editor));
    QVERIFY(!form->topicView()->isVisibleTo(&editor));
    QVERIFY(!form->timeoutSpin()->isVisibleTo(&editor));

    QString subscribe;
    for (const Edge &edge : t.edges) {
        if (edge.kind == EdgeKind::Subscribe)
            subscribe = edge.id;
    }
    document.setSelection({ subscribe });
    QVERIFY(!form->routeView()->isVisibleTo(&editor));
    QVERIFY(form->topicView()->isVisibleTo(&editor));
    QVERIFY(form->consumerGroupEdit()->isVisibleTo(&editor));
    QCOMPARE(form->consumerGroupEdit()->text(), document.edge(subscribe)->consumerGroup);
    form->consumerGroupEdit()->setText("billing-v2");
    Q_EMIT form->consumerGroupEdit()->editingFinished();
    QCOMPARE(document.edge(subscribe)->consumerGroup, "billing-v2");
    QVERIFY(document.undoStack()->undoText().startsWith("Edit consumer group of"));
    form->consumerGroupEdit()->setText("has space");
    Q_EMIT form->consumerGroupEdit()->editingFinished();
    QCOMPARE(document.edge(subscribe)->consumerGroup, "billing-v2");
    QVERIFY(form->messageLabel()->isVisibleTo(&editor));

    const QString cache = findEdge(t, EdgeKind::UsesCache, NodeKind::Gateway);
    QVERIFY(!cache.isEmpty());
    document.setSelection({ cache });
    QVERIFY(form->keyPrefixEdit()->isVisibleTo(&editor));
    QVERIFY(!form->consumerGroupEdit()->isVisibleTo(&editor));
}

void TestEditorPanels::serviceCallFallback()
{
    Document document;
    document.resetTopology(loadExample());
    const QString call = findEdge(document.topology(), EdgeKind::Sync, NodeKind::Service);
    QVERIFY(!call.isEmpty());
    PropertyEditor editor(&document);
    document.setSelection({ call });
    EdgeForm *form = editor.edgeForm();
    QVERIFY(form->timeoutSpin()->isVisibleTo(&editor));
    QVERIFY(!form->routeView()->isVisibleTo(&editor));

    form->timeoutSpin()->setValue(1500);
    Q_EMIT form->timeoutSpin()->editingFinished();
    QCOMPARE(document.edge(call)->timeoutMs, 1500);

    const int staticIndex = form->fallbackCombo()->findData(int(FallbackMode::StaticResponse));
    form->fallbackCombo()->setCurrentIndex(staticIndex);
    Q_EMIT form->fallbackCombo()->activated(staticIndex);
    QCOMPARE(document.edge(call)->fallback.mode, FallbackMode::StaticResponse);
    QVERIFY(document.edge(call)->fallback.status >= 200);
    QVERIFY(document.undoStack()->undoText().startsWith("Edit fallback of"));
}

void TestEditorPanels::circuitBreakerEdits()
{
    Document document;
    document.resetTopology(loadExample());
    PropertyEditor editor(&document);
    editor.resize(380, 800); // the width of the dock
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    EdgeForm *form = editor.edgeForm();
    CircuitBreakerBox *box = form->circuitBreakerBox();
    const QString edgeId = "e-gateway-inventory";
    const QString ends = "API gateway → Inventory service";
    const Topology original = document.topology();
    document.setSelection({ edgeId });

    // The defaults of today's gateway, shown in the group of a gateway → service edge.
    QVERIFY(box->isVisibleTo(&editor));
    QVERIFY(box->enabledCheck()->isChecked());
    QCOMPARE(box->failureThresholdEdit()->text(), "5");
    QCOMPARE(box->openEdit()->text(), "5000");
    QCOMPARE(box->probesEdit()->text(), "1");
    QVERIFY(!box->defaultsButton()->isEnabled());
    QVERIFY(box->minimumSizeHint().width() <= editor.width()); // fits the dock without scrolling

    // Every field is one undo step with a readable text.
    box->failureThresholdEdit()->setText("3");
    Q_EMIT box->failureThresholdEdit()->editingFinished();
    QCOMPARE(document.edge(edgeId)->circuitBreaker.failureThreshold, 3);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->undoText(), "Circuit breaker of " + ends + ": failure threshold 3");

    box->openEdit()->setText("30s");
    Q_EMIT box->openEdit()->editingFinished();
    QCOMPARE(document.edge(edgeId)->circuitBreaker.openMs, 30000);
    QCOMPARE(box->openEdit()->text(), "30000");
    QCOMPARE(document.undoStack()->count(), 2);
    QCOMPARE(document.undoStack()->undoText(), "Circuit breaker of " + ends + ": open time 30000 ms");

    box->probesEdit()->setText("2");
    Q_EMIT box->probesEdit()->editingFinished();
    QCOMPARE(document.edge(edgeId)->circuitBreaker.halfOpenProbes, 2);
    QCOMPARE(document.undoStack()->count(), 3);
    QCOMPARE(document.undoStack()->undoText(), "Circuit breaker of " + ends + ": half-open probes 2");
    QVERIFY(box->defaultsButton()->isEnabled());
    QVERIFY(!form->messageLabel()->isVisibleTo(&editor));

    // Refused values are explained, the field shows the edge's value again, no step.
    box->failureThresholdEdit()->setText("0");
    Q_EMIT box->failureThresholdEdit()->editingFinished();
    QVERIFY(form->messageLabel()->isVisibleTo(&editor));
    QVERIFY2(form->messageLabel()->text().contains("from 1 to 1000"), qPrintable(form->messageLabel()->text()));
    QCOMPARE(box->failureThresholdEdit()->text(), "3");
    box->openEdit()->setText("soon");
    Q_EMIT box->openEdit()->editingFinished();
    QVERIFY2(form->messageLabel()->text().contains("100 to 3600000 milliseconds"), qPrintable(form->messageLabel()->text()));
    QCOMPARE(box->openEdit()->text(), "30000");
    box->probesEdit()->setText("1000");
    Q_EMIT box->probesEdit()->editingFinished();
    QVERIFY2(form->messageLabel()->text().contains("from 1 to 100"), qPrintable(form->messageLabel()->text()));
    QCOMPARE(document.undoStack()->count(), 3);
    // The same value again is not a step.
    box->probesEdit()->setText("2");
    Q_EMIT box->probesEdit()->editingFinished();
    QCOMPARE(document.undoStack()->count(), 3);

    // Off: one step; the numbers stay but cannot be edited while it is off.
    box->enabledCheck()->click();
    QVERIFY(!document.edge(edgeId)->circuitBreaker.enabled);
    QCOMPARE(document.edge(edgeId)->circuitBreaker.failureThreshold, 3);
    QVERIFY(!box->failureThresholdEdit()->isEnabled());
    QCOMPARE(document.undoStack()->count(), 4);
    QCOMPARE(document.undoStack()->undoText(), "Turn off circuit breaker of " + ends);

    box->defaultsButton()->click();
    QVERIFY(document.edge(edgeId)->circuitBreaker.isDefault());
    QCOMPARE(document.undoStack()->count(), 5);
    QCOMPARE(document.undoStack()->undoText(), "Reset circuit breaker of " + ends);
    QVERIFY(box->failureThresholdEdit()->isEnabled());

    // Undo walks back through every step and ends at the original diagram.
    document.undoStack()->undo();
    QCOMPARE(box->failureThresholdEdit()->text(), "3");
    QVERIFY(!box->enabledCheck()->isChecked());
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QCOMPARE(document.topology(), original);
    QCOMPARE(box->openEdit()->text(), "5000");

    // Only gateway → service edges have a breaker.
    document.setSelection({ findEdge(document.topology(), EdgeKind::Sync, NodeKind::Service) });
    QVERIFY(!box->isVisibleTo(&editor));
    document.setSelection({ "e-gateway-cache" });
    QVERIFY(!box->isVisibleTo(&editor));
}

void TestEditorPanels::lintRunnerDebouncesAndSkipsMoves()
{
    Document document;
    document.resetTopology(loadExample("api-gateway-base.gatehouse"));
    LintRunner runner(&document);
    runner.setDelay(20);
    runner.runNow();
    const QList<LintFinding> initial = runner.findings();
    QSignalSpy spy(&runner, &LintRunner::findingsChanged);

    // Moving a node does not change what lint says and does not re-run it.
    document.moveNodesBy({ "order" }, QPointF(10, 10));
    QTest::qWait(60);
    QCOMPARE(spy.count(), 0);

    // A database owned by two services is flagged after the debounce.
    document.setNodeName("order", "Orders");
    Edge edge;
    edge.kind = EdgeKind::Owns;
    edge.source = "order";
    edge.target = "inventory-db";
    QString reason;
    QVERIFY2(!document.addEdge(edge, &reason).isEmpty(), qPrintable(reason));
    QTRY_COMPARE(spy.count(), 1); // two edits, one run
    const QList<LintFinding> findings = runner.findings();
    QVERIFY(findings.size() > initial.size());
    QVERIFY(std::any_of(
        findings.cbegin(), findings.cend(), [&](const LintFinding &f) { return f.nodeIds.contains("inventory-db"); }));
}

void TestEditorPanels::problemsClickSelectsNamedItems()
{
    Document document;
    Topology topology = loadExample("api-gateway-base.gatehouse");
    document.resetTopology(topology);
    LintRunner runner(&document);
    ProblemsPanel panel;
    QObject::connect(&runner, &LintRunner::findingsChanged, &panel, &ProblemsPanel::setFindings);
    QObject::connect(&panel, &ProblemsPanel::selectRequested, &document, &Document::setSelection);
    // A second owner for a database: lint flags it.
    Edge edge;
    edge.kind = EdgeKind::Owns;
    edge.source = "payment";
    edge.target = "order-db";
    QVERIFY(!document.addEdge(edge).isEmpty());
    runner.runNow();
    QVERIFY(!panel.findings().isEmpty());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    QTreeWidgetItem *item = panel.view()->topLevelItem(0);
    const LintFinding finding = panel.findings().first();
    QCOMPARE(item->text(0), finding.message);
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, panel.view()->visualItemRect(item).center());
    QStringList expected = finding.nodeIds + finding.edgeIds;
    QStringList selected = document.selectedIds();
    expected.sort();
    selected.sort();
    QCOMPARE(selected, expected);
}

void TestEditorPanels::undoHistoryShowsStack()
{
    Document document;
    document.resetTopology(loadExample());
    UndoHistoryPanel history(&document);
    QCOMPARE(history.stack(), document.undoStack());
    document.setNodeName("order", "Orders");
    document.setNodeName("payment", "Payments");
    QCOMPARE(history.model()->rowCount(), 3); // <opened> + two steps
    QCOMPARE(history.model()->index(1, 0).data().toString(), QString("Rename “Order service”"));
    // Clicking the first row goes back to the opened state.
    history.setCurrentIndex(history.model()->index(0, 0));
    QCOMPARE(document.undoStack()->index(), 0);
    QCOMPARE(document.node("order")->name, loadExample().node("order")->name);
}

QTEST_MAIN(TestEditorPanels)
#include "tst_editorpanels.moc"
