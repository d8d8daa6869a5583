// "Officer unavailable…" and "Van out of service…" (issue 20, part 2 in the
// app), driven with real mouse and key events on the real widgets: a
// right-click on a card or an editor row, the menu, the dialog that asks
// who and when, the re-plan shown before anything changes; Apply as one
// undoable step, marked on the board against the published version; the
// save that records the disruption in the store's audit trail; refusals
// and the reasons the actions are greyed.
#include "data_editors.h"
#include "demo_desk.h"
#include "disruption_dialog.h"
#include "document_controller.h"
#include "main_window.h"
#include "plan_document.h"
#include "store_call.h"
#include "ui_test_support.h"
#include "week_board_model.h"
#include "week_board_view.h"

#include "lfrplan/publishing.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace lfr;
using namespace lfr::ui;

namespace {

using Desk = lfrtest::DemoDesk;
using lfrtest::idle;

template <class Dialog> Dialog *modal()
{
    Dialog *dialog = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
            return dialog != nullptr;
        },
        10000);
    return dialog;
}

QMenu *popup()
{
    QMenu *menu = nullptr;
    (void)QTest::qWaitFor([&] {
        menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        return menu != nullptr;
    });
    return menu;
}

QAction *item(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions())
        if (a->text() == text)
            return a;
    return nullptr;
}

// A right-click at `at` in `widget`, sent to the window as the platform's
// are (so it becomes a context menu event).
void rightClick(MainWindow &window, QWidget *widget, QPoint at)
{
    QTest::mouseClick(window.windowHandle(), Qt::RightButton, {}, widget->mapTo(&window, at));
}

void rightClickCard(MainWindow &window, std::size_t d)
{
    WeekBoardView *board = window.boardView();
    const QModelIndex cell = window.boardModel()->indexOf(d);
    board->scrollTo(cell);
    rightClick(window, board->viewport(), board->visualRect(cell).center());
}

// Picks `text` in the menu up now, with the mouse.
bool chooseInPopup(const QString &text)
{
    QMenu *menu = popup();
    if (!menu)
        return false;
    QAction *a = item(menu, text);
    if (!a || !a->isEnabled())
        return false;
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(a).center());
    return true;
}

// The deployment at the same date, window and hotspot, if the plan has it.
std::optional<std::size_t> sameSlot(const PlanDocument &doc, const Deployment &d)
{
    for (std::size_t i = 0; i < doc.deployments().size(); ++i) {
        const Deployment &x = doc.deployments()[i];
        if (x.date == d.date && x.window == d.window && x.hotspot == d.hotspot)
            return i;
    }
    return std::nullopt;
}

const Officer &officerOf(const Scenario &sc, const std::string &id)
{
    return *std::find_if(sc.officers.begin(), sc.officers.end(), [&](const Officer &o) { return o.id == id; });
}

bool audited(Storage &store, const std::string &action)
{
    for (const AuditEntry &e : store.auditTrail())
        if (e.action == action)
            return true;
    return false;
}

// Puts the editor's row `row` (the scenario's list) on screen and right-clicks it.
void rightClickRow(MainWindow &window, DataEditor *editor, int row)
{
    QTableView *view = editor->view();
    const QModelIndex at = editor->proxy()->mapFromSource(editor->model()->index(row, 0));
    view->scrollTo(at);
    rightClick(window, view->viewport(), view->visualRect(at).center());
}

void showTab(DataEditor *editor)
{
    for (QWidget *w = editor->parentWidget(); w; w = w->parentWidget())
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            tabs->setCurrentWidget(editor);
            return;
        }
}

} // namespace

class DisruptionTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void officerUnavailableFromTheBoard()
    {
        Desk desk;
        QVERIFY(desk.open(Desk::Start::Published));
        MainWindow &w = *desk.window;
        PlanDocument *doc = desk.doc();
        QVERIFY(doc->published());
        const Scenario before = doc->scenario();
        const std::vector<Deployment> planBefore = doc->deployments();
        const Deployment card = planBefore.at(0);
        const std::string out = card.crew.at(0).officer; // the dialog picks the card's first crew member
        QVERIFY(officerOf(before, out).roster.count(card.date));
        const int depth = doc->undoStack()->index();

        rightClickCard(w, 0);
        QVERIFY(chooseInPopup(QStringLiteral("&Officer unavailable…")));
        auto *ask = modal<DisruptionDialog>();
        QVERIFY(ask);
        QCOMPARE(ask->chosenId(), QString::fromStdString(out));
        QVERIFY(ask->chosenDate() && *ask->chosenDate() == card.date); // the card's date
        QCOMPARE(ask->subjectBox()->count(), static_cast<int>(card.crew.size()));
        QTest::mouseClick(ask->replanButton(), Qt::LeftButton);

        auto *shown = modal<ReplanDialog>();
        QVERIFY(shown);
        QVERIFY2(shown->summaryText().contains(QStringLiteral("keeps %1 of %1 published deployments, 1 crew place(s) "
                                                              "changed (proven minimal)")
                                                   .arg(planBefore.size())),
                 qPrintable(shown->summaryText()));
        QVERIFY2(shown->bodyText().contains(QStringLiteral(" replaces ")) &&
                     shown->bodyText().contains(QString::fromStdString(out)),
                 qPrintable(shown->bodyText()));
        QVERIFY(shown->cancelButton()->isDefault()); // Enter never applies by accident
        // Nothing changed yet.
        QCOMPARE(doc->scenario(), before);
        QCOMPARE(doc->undoStack()->index(), depth);
        QTest::mouseClick(shown->applyButton(), Qt::LeftButton);
        QTRY_VERIFY(!QApplication::activeModalWidget());

        // One undoable step, named; the card marked against version 1.
        QCOMPARE(doc->undoStack()->index(), depth + 1);
        QVERIFY2(doc->undoStack()->undoText().startsWith(
                     QStringLiteral("Officer %1 unavailable on ").arg(QString::fromStdString(out))),
                 qPrintable(doc->undoStack()->undoText()));
        QVERIFY(!doc->undoStack()->isClean());
        QVERIFY(!officerOf(doc->scenario(), out).roster.count(card.date));
        const auto at = sameSlot(*doc, card);
        QVERIFY(at);
        QCOMPARE(w.boardModel()->indexOf(*at).data(WeekBoardModel::PublishedChangeRole).toString(),
                 QStringLiteral("changed since v1"));
        QCOMPARE(doc->pendingDisruptions().size(), std::size_t{1});
        QTRY_COMPARE(w.boardView()->currentDeployment(), static_cast<int>(*at)); // the card stays picked

        // Undo: the roster and the plan exactly as they were, no mark, nothing pending.
        QApplication::setActiveWindow(&w);
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->scenario(), before);
        QCOMPARE(doc->deployments(), planBefore);
        QVERIFY(w.boardModel()->indexOf(0).data(WeekBoardModel::PublishedChangeRole).toString().isEmpty());
        QVERIFY(doc->pendingDisruptions().empty());

        // Redo and save: the store has the disrupted scenario, the re-plan, and the audit entry.
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!officerOf(doc->scenario(), out).roster.count(card.date));
        const std::vector<Deployment> replan = doc->deployments();
        QVERIFY(!audited(*desk.store(), "scenario.disruption"));
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(idle(w) && doc->undoStack()->isClean(), 10000);
        auto store = desk.store();
        const Scenario stored = store->loadScenario(desk.week);
        QVERIFY(!officerOf(stored, out).roster.count(card.date));
        QCOMPARE(store->loadPlan(desk.week)->deployments, replan);
        bool found = false;
        for (const AuditEntry &e : store->auditTrail())
            if (e.action == "scenario.disruption") {
                found = true;
                QVERIFY2(e.newValue.find(out) != std::string::npos &&
                             e.newValue.find("replanned_from_version") != std::string::npos,
                         e.newValue.c_str());
            }
        QVERIFY(found);
        QVERIFY(doc->pendingDisruptions().empty());
        QCOMPARE(store->publishedVersions(desk.week).size(), std::size_t{1}); // nothing published
    }

    void anUndoneDisruptionIsNotRecorded()
    {
        Desk desk;
        QVERIFY(desk.open(Desk::Start::Published));
        MainWindow &w = *desk.window;
        PlanDocument *doc = desk.doc();
        const Deployment card = doc->deployments().at(0);
        rightClickCard(w, 0);
        QVERIFY(chooseInPopup(QStringLiteral("&Officer unavailable…")));
        auto *ask = modal<DisruptionDialog>();
        QVERIFY(ask);
        QTest::keyClick(ask, Qt::Key_Return); // Re-plan… is the default there
        auto *shown = modal<ReplanDialog>();
        QVERIFY(shown);
        QTest::mouseClick(shown->applyButton(), Qt::LeftButton);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QVERIFY(!doc->pendingDisruptions().empty());
        QApplication::setActiveWindow(&w);
        QTest::keyClick(&w, Qt::Key_Z, Qt::ControlModifier);
        // Another edit, then save: stored the usual way, no disruption recorded.
        doc->undoStack()->push(new QUndoCommand(QStringLiteral("nothing"))); // an edit that changes nothing
        QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(idle(w) && doc->undoStack()->isClean(), 10000);
        auto store = desk.store();
        QVERIFY(!audited(*store, "scenario.disruption"));
        QVERIFY(officerOf(store->loadScenario(desk.week), card.crew.at(0).officer).roster.count(card.date));
    }

    void vanOutOfServiceFromTheVansEditor()
    {
        Desk desk;
        QVERIFY(desk.open(Desk::Start::Published));
        MainWindow &w = *desk.window;
        PlanDocument *doc = desk.doc();
        const Scenario before = doc->scenario();
        const Deployment card = doc->deployments().at(0);
        const auto van = static_cast<int>(*doc->index().van(card.van));
        const auto day = static_cast<int>(*doc->index().date(card.date));

        w.showView(QStringLiteral("data"));
        DataEditor *vans = w.vansEditor();
        showTab(vans);
        QTRY_VERIFY(vans->view()->isVisible());
        rightClickRow(w, vans, van);
        QVERIFY(chooseInPopup(QStringLiteral("&Van out of service…")));
        auto *ask = modal<DisruptionDialog>();
        QVERIFY(ask);
        QCOMPARE(ask->chosenId(), QString::fromStdString(card.van)); // the row's van
        QVERIFY(!ask->chosenDate());                                 // all week until a date is picked
        ask->dateBox()->setFocus();
        for (int i = 0; i <= day; ++i)
            QTest::keyClick(ask->dateBox(), Qt::Key_Down);
        QVERIFY(ask->chosenDate() && *ask->chosenDate() == card.date);
        QTest::mouseClick(ask->replanButton(), Qt::LeftButton);
        auto *shown = modal<ReplanDialog>();
        QVERIFY(shown);
        QVERIFY2(shown->bodyText().contains(QStringLiteral("out of service")), qPrintable(shown->bodyText()));
        QVERIFY2(shown->summaryText().startsWith(QStringLiteral("Re-planned from published version 1: keeps ")),
                 qPrintable(shown->summaryText()));
        QTest::mouseClick(shown->applyButton(), Qt::LeftButton);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        const Van &after = doc->scenario().vans.at(static_cast<std::size_t>(van));
        QVERIFY(std::count(after.unavailable.begin(), after.unavailable.end(), card.date) == 1);
        for (const Deployment &d : doc->deployments())
            QVERIFY(!(d.van == card.van && d.date == card.date)); // nothing on the van that date
        QVERIFY2(doc->undoStack()->undoText().startsWith(QStringLiteral("Van ")) &&
                     doc->undoStack()->undoText().contains(QStringLiteral("out of service on ")),
                 qPrintable(doc->undoStack()->undoText()));
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario(), before);
    }

    void aRefusedDisruptionChangesNothing()
    {
        Desk desk;
        QVERIFY(desk.open(Desk::Start::Published));
        MainWindow &w = *desk.window;
        PlanDocument *doc = desk.doc();
        const Scenario &sc = doc->scenario();
        // An officer off duty on some date of the week.
        int row = -1, day = -1;
        for (std::size_t o = 0; o < sc.officers.size() && row < 0; ++o)
            for (std::size_t d = 0; d < sc.dates.size(); ++d)
                if (!sc.officers[o].roster.count(sc.dates[d])) {
                    row = static_cast<int>(o);
                    day = static_cast<int>(d);
                    break;
                }
        QVERIFY(row >= 0);
        const Scenario before = sc;
        const int depth = doc->undoStack()->index();
        w.showView(QStringLiteral("data"));
        DataEditor *officers = w.officersEditor();
        showTab(officers);
        QTRY_VERIFY(officers->view()->isVisible());
        rightClickRow(w, officers, row);
        QVERIFY(chooseInPopup(QStringLiteral("&Officer unavailable…")));
        auto *ask = modal<DisruptionDialog>();
        QVERIFY(ask);
        QCOMPARE(ask->chosenId(), QString::fromStdString(sc.officers[static_cast<std::size_t>(row)].id));
        ask->dateBox()->setFocus();
        for (int i = 0; i <= day; ++i)
            QTest::keyClick(ask->dateBox(), Qt::Key_Down);
        QTest::mouseClick(ask->replanButton(), Qt::LeftButton);
        auto *box = modal<QMessageBox>();
        QVERIFY(box);
        QCOMPARE(box->objectName(), QStringLiteral("replanRefused"));
        QVERIFY2(box->text().contains(QStringLiteral("is not on duty")) &&
                     box->text().contains(QStringLiteral("Nothing was changed")) && !box->text().contains("--officer"),
                 qPrintable(box->text()));
        QTest::keyClick(box, Qt::Key_Return);
        QCOMPARE(doc->scenario(), before);
        QCOMPARE(doc->undoStack()->index(), depth);
    }

    void greyedWithTheReason()
    {
        Desk bare;
        QVERIFY(bare.open(Desk::Start::Solved));
        MainWindow &w = *bare.window;
        for (QAction *a : {w.officerOutAction(), w.vanOutAction(), w.officerOutRowAction(), w.vanOutRowAction()}) {
            QVERIFY(!a->isEnabled());
            QVERIFY2(a->toolTip().contains(QStringLiteral("Nothing is published yet")), qPrintable(a->toolTip()));
        }
        // The card's menu offers them, greyed.
        rightClickCard(w, 0);
        QMenu *menu = popup();
        QVERIFY(menu);
        QAction *officer = item(menu, QStringLiteral("&Officer unavailable…"));
        QVERIFY(officer && !officer->isEnabled());
        QTest::keyClick(menu, Qt::Key_Escape);
        QTRY_VERIFY(!QApplication::activePopupWidget());

        Desk desk;
        QVERIFY(desk.open(Desk::Start::Published));
        MainWindow &v = *desk.window;
        QVERIFY(v.officerOutAction()->isEnabled());
        QVERIFY(v.vanOutRowAction()->isEnabled());
        // A role that may not change plans.
        v.applyPermissions(Permissions{"commander", false, false, true, true, true, true});
        QVERIFY(!v.officerOutAction()->isEnabled());
        QVERIFY2(v.officerOutAction()->toolTip().contains(QStringLiteral("(commander) may not change plans")),
                 qPrintable(v.officerOutAction()->toolTip()));
    }
};

QTEST_MAIN(DisruptionTest)
#include "test_disruption.moc"
