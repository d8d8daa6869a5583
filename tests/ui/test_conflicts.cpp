// Two planners on one database in the desktop app (issue 8): a save refused
// because someone else changed the scenario meanwhile, and each way on
// (reload and re-apply, reload and discard, cancel, save mine as a new
// scenario when theirs was renamed); notes checked the same way; what a
// role may not do disabled with the reason; server locations kept without
// their password. Two Storage objects on one SQLite file stand for the two
// planners: no server is needed.
#include "authorisation_panel.h"
#include "conflict_dialog.h"
#include "crew_panel.h"
#include "data_editors.h"
#include "document_controller.h"
#include "main_window.h"
#include "plan_document.h"
#include "record_table_model.h"
#include "store_call.h"
#include "ui_test_support.h"
#include "week_board_model.h"
#include "week_board_view.h"

#include "lfrplan/errors.h"
#include "lfrplan/safeguards.h"
#include "lfrplan/storage.h"
#include "sqlite_connection.h"

#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace lfr;
using namespace lfr::ui;

namespace {

constexpr int kValueColumn = 3; // of the hotspots editor: Id, Name, Borough, Value

bool hasKey(const std::vector<Deployment> &plan, const Deployment &like)
{
    return std::any_of(plan.begin(), plan.end(), [&](const Deployment &d) { return keyOf(d) == keyOf(like); });
}

QAction *action(QWidget &window, const QString &text)
{
    for (QAction *a : window.findChildren<QAction *>())
        if (a->text() == text)
            return a;
    return nullptr;
}

} // namespace

class ConflictsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    int made_ = 0;
    QString db_;
    std::string name_;
    std::vector<Deployment> saved_; // the plan as both planners read it
    double value_ = 0;              // the first hotspot's value as read

    // A window on a fresh database of the solved demo week.
    std::unique_ptr<MainWindow> open()
    {
        db_ = lfrtest::makeSolvedDemoDatabase(dir_.filePath(QStringLiteral("conflict%1.db").arg(++made_)));
        auto window = std::make_unique<MainWindow>();
        if (!window->openDatabase(db_, {}, true))
            return nullptr;
        name_ = window->document()->scenario().name;
        saved_ = window->document()->deployments();
        value_ = window->document()->scenario().hotspots[0].value;
        return window;
    }

    // The other planner, on their own store: drops the plan's last deployment.
    void theyDropTheLastDeployment()
    {
        auto other = openSqliteStorageAs(db_.toStdString(), OpenMode::ExistingOnly, "planner.other");
        other->loadScenario(name_);
        Plan plan = *other->loadPlan(name_);
        plan.deployments.pop_back();
        other->savePlan(name_, plan);
    }

    // Mine, in the window: the first deployment taken off the board and the
    // first hotspot's value changed in the data editor.
    static void myEdits(MainWindow &window)
    {
        window.boardView()->setCurrentIndex(window.boardModel()->indexOf(0));
        window.removeSelected();
        RecordTableBase *hotspots = window.hotspotsEditor()->model();
        QVERIFY(hotspots->setData(hotspots->index(0, kValueColumn), QStringLiteral("77.5")));
    }

    std::unique_ptr<Storage> store() const { return openStorage(db_.toStdString(), OpenMode::ExistingOnly); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void cleanup() { ConflictDialog::setHook(nullptr); }

    void reapplyKeepsBothEditsAfterTheSecondSave()
    {
        auto window = open();
        QVERIFY(window);
        QVERIFY(saved_.size() >= 3);
        theyDropTheLastDeployment();
        myEdits(*window);
        int asked = 0;
        QString message, who, what;
        int rows = 0;
        bool offersDiscard = false;
        ConflictDialog::setHook([&](ConflictDialog &dialog) {
            ++asked;
            message = dialog.message()->text();
            rows = dialog.changes()->rowCount();
            who = dialog.changes()->item(0, 1)->text();
            what = dialog.changes()->item(0, 2)->text();
            offersDiscard = dialog.button(ConflictChoice::ReloadAndDiscard) != nullptr;
            if (const QByteArray png = qgetenv("LFRPLAN_CONFLICT_SCREENSHOT"); !png.isEmpty()) {
                dialog.show();
                QCoreApplication::processEvents();
                dialog.grab().save(QString::fromLocal8Bit(png));
                dialog.hide();
            }
            return ConflictChoice::ReloadAndReapply;
        });
        QVERIFY(!window->documents()->save()); // refused: reviewed, then saved again
        QCOMPARE(asked, 1);
        QVERIFY2(message.contains(QStringLiteral("was changed since you read it")), qPrintable(message));
        QVERIFY(rows >= 1);
        QCOMPARE(who, QStringLiteral("planner.other"));
        QVERIFY(what.startsWith(QStringLiteral("plan.")));
        QVERIFY(offersDiscard);

        // Theirs and mine, unsaved: both deployments gone, my value kept.
        PlanDocument *doc = window->document();
        QCOMPARE(doc->deployments().size(), saved_.size() - 2);
        QVERIFY(!hasKey(doc->deployments(), saved_.front()));
        QVERIFY(!hasKey(doc->deployments(), saved_.back()));
        QCOMPARE(doc->scenario().hotspots[0].value, 77.5);
        QVERIFY(!doc->undoStack()->isClean());
        QVERIFY(window->windowTitle().contains(QStringLiteral(" *")));
        const QStringList &lines = window->documents()->lastReapplied();
        const QString hotspotLine = QStringLiteral("hotspot %1: your change re-applied")
                                        .arg(QString::fromStdString(doc->scenario().hotspots[0].id));
        const QString removedLine = QStringLiteral("deployment %1: removed (yours)")
                                        .arg(QString::fromStdString(describeKey(keyOf(saved_.front()))));
        const QString all = lines.join(QStringLiteral(" | "));
        QVERIFY2(lines.contains(hotspotLine), qPrintable(all));
        QVERIFY2(lines.contains(removedLine), qPrintable(all));
        QCOMPARE(lines.size(), 2);
        QVERIFY(window->findChild<QMessageBox *>(QStringLiteral("reappliedReport")));
        // The views show the merged version (they were rebuilt for it).
        RecordTableBase *hotspots = window->hotspotsEditor()->model();
        QCOMPARE(hotspots->index(0, kValueColumn).data().toDouble(), 77.5);
        int cards = 0;
        for (int r = 0; r < window->boardModel()->rowCount(); ++r)
            for (int c = 0; c < window->boardModel()->columnCount(); ++c)
                cards += static_cast<int>(
                    window->boardModel()->index(r, c).data(WeekBoardModel::DeploymentsRole).toList().size());
        QCOMPARE(static_cast<std::size_t>(cards), saved_.size() - 2);
        // Undo shows theirs as stored; redo mine again.
        doc->undoStack()->undo();
        QCOMPARE(doc->deployments().size(), saved_.size() - 1);
        QCOMPARE(doc->scenario().hotspots[0].value, value_);
        QVERIFY(doc->undoStack()->isClean());
        doc->undoStack()->redo();
        QCOMPARE(doc->scenario().hotspots[0].value, 77.5);

        // The second save goes through, with both edits stored.
        QVERIFY(window->documents()->save());
        QCOMPARE(asked, 1);
        QVERIFY(doc->undoStack()->isClean());
        auto check = store();
        QCOMPARE(check->loadScenario(name_).hotspots[0].value, 77.5);
        QCOMPARE(check->loadPlan(name_)->deployments, doc->deployments());
        QCOMPARE(doc->base().deployments, doc->deployments());
    }

    void discardGivesTheirs()
    {
        auto window = open();
        QVERIFY(window);
        theyDropTheLastDeployment();
        myEdits(*window);
        int asked = 0;
        ConflictDialog::setHook([&](ConflictDialog &) {
            ++asked;
            return ConflictChoice::ReloadAndDiscard;
        });
        QVERIFY(!window->documents()->save());
        QCOMPARE(asked, 1);
        PlanDocument *doc = window->document();
        const auto theirs = store()->loadPlan(name_)->deployments;
        QCOMPARE(theirs.size(), saved_.size() - 1);
        QCOMPARE(doc->deployments(), theirs);
        QCOMPARE(doc->scenario().hotspots[0].value, value_);
        QVERIFY(doc->undoStack()->isClean());
        QVERIFY(!doc->undoStack()->canUndo());
        // Theirs is now the base: an edit on it saves without a conflict.
        myEdits(*window);
        QVERIFY(window->documents()->save());
        QCOMPARE(asked, 1);
        QCOMPARE(store()->loadPlan(name_)->deployments.size(), saved_.size() - 2);
    }

    void aConflictOnCtrlSIsReloadedInTheBackground()
    {
        // The window's save and the reload it leads to both run off the GUI
        // thread (issue 16); the outcome is the same as discardGivesTheirs.
        auto window = open();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        theyDropTheLastDeployment();
        myEdits(*window);
        int asked = 0;
        ConflictDialog::setHook([&](ConflictDialog &) {
            ++asked;
            return ConflictChoice::ReloadAndDiscard;
        });
        QTest::keyClick(window.get(), Qt::Key_S, Qt::ControlModifier);
        const auto theirs = store()->loadPlan(name_)->deployments;
        QTRY_COMPARE_WITH_TIMEOUT(window->document()->deployments(), theirs, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!window->documents()->storeCall()->running(), 10000);
        QCOMPARE(asked, 1);
        QVERIFY(window->document()->undoStack()->isClean());
        QVERIFY(window->boardView()->isEnabled());
    }

    void cancelKeepsMineUnsaved()
    {
        auto window = open();
        QVERIFY(window);
        theyDropTheLastDeployment();
        myEdits(*window);
        int asked = 0;
        ConflictDialog::setHook([&](ConflictDialog &) {
            ++asked;
            return ConflictChoice::Cancel;
        });
        QVERIFY(!window->documents()->save());
        QCOMPARE(asked, 1);
        // Mine as it was, unsaved; theirs as stored.
        PlanDocument *doc = window->document();
        QCOMPARE(doc->deployments().size(), saved_.size() - 1);
        QVERIFY(!hasKey(doc->deployments(), saved_.front()));
        QVERIFY(hasKey(doc->deployments(), saved_.back()));
        QCOMPARE(doc->scenario().hotspots[0].value, 77.5);
        QVERIFY(!doc->undoStack()->isClean());
        auto check = store();
        QVERIFY(hasKey(check->loadPlan(name_)->deployments, saved_.front()));
        QVERIFY(!hasKey(check->loadPlan(name_)->deployments, saved_.back()));
        QCOMPARE(check->loadScenario(name_).hotspots[0].value, value_);
        // Saving again asks again: the conflict stands until reloaded.
        QVERIFY(!window->documents()->save());
        QCOMPARE(asked, 2);
    }

    void aRenamedScenarioIsSavedUnderANewName()
    {
        auto window = open();
        QVERIFY(window);
        store()->renameScenario(name_, "renamed by them");
        myEdits(*window);
        bool offersReload = true, offersNew = false;
        ConflictDialog::setHook([&](ConflictDialog &dialog) {
            offersReload = dialog.button(ConflictChoice::ReloadAndReapply) != nullptr;
            offersNew = dialog.button(ConflictChoice::SaveAsNew) != nullptr;
            return ConflictChoice::Cancel;
        });
        QVERIFY(!window->documents()->save());
        QVERIFY(!offersReload);
        QVERIFY(offersNew);
        QVERIFY(
            !window->documents()->resolveConflict(ConflictChoice::SaveAsNew, QStringLiteral("renamed by them"), true));
        QVERIFY(window->documents()->resolveConflict(ConflictChoice::SaveAsNew, QStringLiteral("mine, kept"), true));
        PlanDocument *doc = window->document();
        QCOMPARE(doc->scenario().name, std::string("mine, kept"));
        QVERIFY(doc->undoStack()->isClean());
        QVERIFY(window->windowTitle().startsWith(QStringLiteral("mine, kept")));
        auto check = store();
        QCOMPARE(check->loadScenario("mine, kept").hotspots[0].value, 77.5);
        QCOMPARE(check->loadPlan("mine, kept")->deployments, doc->deployments());
        QCOMPARE(check->loadScenario("renamed by them").hotspots[0].value, value_);
        QCOMPARE(check->loadPlan("renamed by them")->deployments, saved_);
        // Saving goes on under the new name.
        window->boardView()->setCurrentIndex(window->boardModel()->indexOf(0));
        window->removeSelected();
        QVERIFY(window->documents()->save());
        QCOMPARE(store()->loadPlan("mine, kept")->deployments.size(), saved_.size() - 2);
    }

    void notesAreCheckedThroughTheDocument()
    {
        auto window = open();
        QVERIFY(window);
        QVERIFY(window->documents()->setScenarioNotes(QStringLiteral("first"), true));
        theyDropTheLastDeployment();
        // A refused note with Cancel: nothing stored.
        int asked = 0;
        ConflictSubject seen = ConflictSubject::Plan;
        ConflictDialog::setHook([&](ConflictDialog &dialog) {
            ++asked;
            seen = dialog.button(ConflictChoice::ReloadAndDiscard) ? ConflictSubject::Plan : ConflictSubject::Notes;
            return ConflictChoice::Cancel;
        });
        QVERIFY(!window->documents()->setScenarioNotes(QStringLiteral("mine"), false));
        QCOMPARE(asked, 1);
        QVERIFY(seen == ConflictSubject::Notes);
        QCOMPARE(store()->loadNotes(name_), std::string("first"));
        // Reload: my unsaved plan edit is re-applied and the notes stored.
        window->boardView()->setCurrentIndex(window->boardModel()->indexOf(0));
        window->removeSelected();
        ConflictDialog::setHook([&](ConflictDialog &) {
            ++asked;
            return ConflictChoice::ReloadAndReapply;
        });
        QVERIFY(window->documents()->setScenarioNotes(QStringLiteral("mine"), false));
        QCOMPARE(asked, 2);
        QCOMPARE(store()->loadNotes(name_), std::string("mine"));
        PlanDocument *doc = window->document();
        QCOMPARE(doc->deployments().size(), saved_.size() - 2);
        QVERIFY(!doc->undoStack()->isClean());
        // Notes changed by both: not overwritten when quiet, theirs kept.
        {
            auto other = store();
            other->loadScenario(name_);
            other->saveNotes(name_, "theirs");
        }
        QVERIFY(!window->documents()->setScenarioNotes(QStringLiteral("mine again"), true));
        QVERIFY(!window->documents()->resolveNotesConflict(ConflictChoice::ReloadAndReapply,
                                                           QStringLiteral("mine again"), true));
        QCOMPARE(store()->loadNotes(name_), std::string("theirs"));
        // Read again, the same text now stores.
        QVERIFY(window->documents()->setScenarioNotes(QStringLiteral("theirs, and mine"), true));
        QCOMPARE(store()->loadNotes(name_), std::string("theirs, and mine"));
    }

    void aReadElsewhereDoesNotHideAChange()
    {
        db_ = lfrtest::makeSolvedDemoDatabase(dir_.filePath(QStringLiteral("guard.db")));
        name_ = store()->listScenarios().front().name;
        PlanDocument doc(store(), name_);
        theyDropTheLastDeployment();
        // Something reads the scenario again through the document's store
        // (the transparency records do): the store now expects the newer
        // revision, but the document's edits are still based on the older.
        doc.store()->loadScenario(name_);
        QVERIFY_EXCEPTION_THROWN(doc.save(), ConflictError);
        QVERIFY_EXCEPTION_THROWN(doc.saveNotes("x"), ConflictError);
        QCOMPARE(store()->loadPlan(name_)->deployments.size(), doc.deployments().size() - 1);
        doc.reload(PlanDocument::Reload::ReapplyMine);
        doc.save();
        QCOMPARE(store()->loadPlan(name_)->deployments, doc.deployments());
    }

    void renameAndDeleteAreCheckedAgainstTheBoard()
    {
        auto window = open();
        QVERIFY(window);
        theyDropTheLastDeployment();
        // The board still shows the plan as read: renaming or deleting it
        // now would hide the other planner's change, so both are refused.
        QVERIFY(!window->documents()->renameScenario(QStringLiteral("renamed"), true));
        QVERIFY(!window->documents()->deleteScenario(QString::fromStdString(name_), true));
        QVERIFY(store()->hasScenario(name_));
        QVERIFY(!store()->hasScenario("renamed"));
        QCOMPARE(store()->loadPlan(name_)->deployments.size(), saved_.size() - 1);
        // After reloading, both go through.
        QVERIFY(window->openDatabase(db_, QString::fromStdString(name_), true));
        QVERIFY(window->documents()->renameScenario(QStringLiteral("renamed"), true));
        QVERIFY(store()->hasScenario("renamed"));
        Scenario another = store()->loadScenario("renamed");
        another.name = "another";
        store()->importScenario(another, ImportMode::FailIfExists); // a database keeps one scenario
        QVERIFY(window->documents()->deleteScenario(QStringLiteral("renamed"), true));
        QCOMPARE(window->document()->scenario().name, std::string("another"));
        QVERIFY(!store()->hasScenario("renamed"));
    }

    void disablesWhatTheRoleMayNotDo()
    {
        auto window = open();
        QVERIFY(window);
        MainWindow &w = *window;
        QVERIFY(w.userStatus()->text().contains(QStringLiteral("(file owner) @ ") +
                                                DocumentController::recentLocation(db_)));
        QAction *save = action(w, QStringLiteral("&Save plan"));
        QAction *solve = action(w, QStringLiteral("&Solve"));
        QAction *rename = action(w, QStringLiteral("&Rename…"));
        QAction *audit = action(w, QStringLiteral("Au&dit trail…"));
        QAction *settings = action(w, QStringLiteral("&Safeguard settings…"));
        QAction *import = action(w, QStringLiteral("&Import scenario…"));
        QVERIFY(save && solve && rename && audit && settings && import);
        QVERIFY(save->isEnabled() && solve->isEnabled() && rename->isEnabled() && import->isEnabled());
        QVERIFY(w.officersEditor()->isEditable());
        w.boardView()->setCurrentIndex(w.boardModel()->indexOf(0));
        QVERIFY(w.authorisationPanel()->authoriseButton()->isEnabled());

        // A commander: authorises and changes settings; no data, no plans.
        w.applyPermissions(Permissions{"commander", false, false, true, true, true, true});
        QVERIFY(w.userStatus()->text().contains(QStringLiteral("(commander)")));
        for (QAction *a : {save, solve, rename, import}) {
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
            QVERIFY2(a->toolTip().contains(QStringLiteral("Your database role (commander) may not")),
                     qPrintable(a->toolTip()));
        }
        QVERIFY(audit->isEnabled() && settings->isEnabled());
        QVERIFY(!w.officersEditor()->isEditable());
        QCOMPARE(w.officersEditor()->view()->editTriggers(), QAbstractItemView::NoEditTriggers);
        QVERIFY(w.officersEditor()->view()->toolTip().contains(QStringLiteral("change the force data")));
        QVERIFY(!w.boardView()->dragEnabled());
        w.crewPanel()->showDeployment(0);
        QVERIFY(!w.crewPanel()->addButton()->isEnabled());
        QVERIFY(w.crewPanel()->addButton()->toolTip().contains(QStringLiteral("change crews")));
        QVERIFY(w.authorisationPanel()->authoriseButton()->isEnabled());
        QVERIFY(w.authorisationPanel()->saveDraftButton()->isEnabled());

        // An auditor: reads, the audit trail included; changes nothing.
        w.applyPermissions(Permissions{"auditor", false, false, false, false, false, true});
        QVERIFY(!w.authorisationPanel()->authoriseButton()->isEnabled());
        QVERIFY(w.authorisationPanel()->authoriseButton()->toolTip().contains(QStringLiteral("(auditor)")));
        QVERIFY(!w.authorisationPanel()->saveDraftButton()->isEnabled());
        QVERIFY(audit->isEnabled());
        QVERIFY(!settings->isEnabled());
        QVERIFY(settings->toolTip().contains(QStringLiteral("safeguard settings")));
        // A reload rebuilds the views: they keep the role's limits.
        QVERIFY(!window->documents()->resolveConflict(ConflictChoice::ReloadAndDiscard, {},
                                                      true)); // reloads, saves nothing
        QVERIFY(!w.officersEditor()->isEditable());

        // Back to the file's owner: everything again, no reasons left.
        w.applyPermissions(Permissions{"file owner", true, true, true, true, true, true});
        QVERIFY(save->isEnabled() && solve->isEnabled() && rename->isEnabled() && settings->isEnabled());
        QVERIFY(!save->toolTip().contains(QStringLiteral("may not")));
        QVERIFY(w.officersEditor()->isEditable());
        QVERIFY(w.officersEditor()->view()->editTriggers() != QAbstractItemView::NoEditTriggers);
        QVERIFY(w.boardView()->dragEnabled());
    }

    void keepsServerLocationsWithoutTheirPassword()
    {
        QCOMPARE(DocumentController::recentLocation(
                     QStringLiteral("postgresql://pat:s3cret@db.example:5432/lfrplan?sslmode=require&password=x")),
                 QStringLiteral("postgresql://pat@db.example:5432/lfrplan?sslmode=require"));
        QCOMPARE(DocumentController::recentLocation(QStringLiteral("postgres://pat@db/lfr?password=x&sslmode=require")),
                 QStringLiteral("postgres://pat@db/lfr?sslmode=require"));
        QCOMPARE(DocumentController::recentLocation(QStringLiteral("postgresql://pat@db/lfr")),
                 QStringLiteral("postgresql://pat@db/lfr"));
        QVERIFY(QFileInfo(DocumentController::recentLocation(QStringLiteral("some.db"))).isAbsolute());
        // An unreachable server: refused, the open document kept, nothing
        // recorded (and never a password).
        auto window = open();
        QVERIFY(window);
        const QString server = QStringLiteral("postgresql://nobody:s3cret@127.0.0.1:1/none?connect_timeout=2");
        QVERIFY(!window->openDatabase(server, {}, true));
        QCOMPARE(window->document()->scenario().name, name_);
        const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
        const QString recentText = recent.join(QStringLiteral(" | "));
        QVERIFY(!recentText.contains(QStringLiteral("s3cret")));
        QVERIFY(recent.contains(DocumentController::recentLocation(db_)));
    }
};

QTEST_MAIN(ConflictsTest)
#include "test_conflicts.moc"
