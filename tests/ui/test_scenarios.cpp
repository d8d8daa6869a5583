// Scenarios in the desktop app (issue 5): the demo database's three
// scenarios, a what-if clone in one step, rename and delete, comparing
// (unsaved plans solved on a worker, the open one as on the board), and the
// schedule exports from the File menu.
#include "compare_dialog.h"
#include "data_files.h"
#include "document_controller.h"
#include "main_window.h"
#include "plan_document.h"
#include "solve_runner.h"
#include "ui_test_support.h"
#include "week_board_model.h"
#include "week_board_view.h"
#include "what_if_dialog.h"

#include "lfrplan/demo_database.h"
#include "lfrplan/errors.h"
#include "lfrplan/scenario_compare.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace lfr;
using namespace lfr::ui;

namespace {

// A comparison column's heading, and the row a figure is named in.
QString header(const QAbstractItemModel *table, int column)
{
    return table->headerData(column, Qt::Horizontal).toString();
}

int rowNamed(const QAbstractItemModel *table, const QString &name)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->index(r, 0).data().toString() == name)
            return r;
    return -1;
}

} // namespace

class ScenariosTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    QString solvedDemo(const QString &file) { return lfrtest::makeSolvedDemoDatabase(dir_.filePath(file)); }

    static QStringList lines(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void comparesFourOnTwoDaysWithTenOnFive()
    {
        const QString db = dir_.filePath(QStringLiteral("compare.db"));
        {
            auto store = openStorage(db.toStdString(), OpenMode::CreateIfMissing);
            Scenario tenOnFive = readScenarioFile(LFRPLAN_DATA_DIR "/demo-week.json");
            tenOnFive.name = "10 on 5 days";
            Scenario fourOnTwo = tenOnFive;
            fourOnTwo.name = "4 on 2 days";
            fourOnTwo.policy.maxDeployments = 4;
            fourOnTwo.policy.maxDays = 2;
            store->importScenario(fourOnTwo, ImportMode::FailIfExists);
            store->importScenario(tenOnFive, ImportMode::FailIfExists);
        }
        CompareDialog dialog(db);
        QCOMPARE(dialog.scenarioList()->count(), 2);
        QSignalSpy compared(&dialog, &CompareDialog::compared);
        QCOMPARE(dialog.timeLimit()->value(), 20);
        dialog.timeLimit()->setValue(45);
        QVERIFY(dialog.compareChecked());
        // Neither has a saved plan: both are solved on the worker first.
        QVERIFY(dialog.busy());
        QVERIFY(compared.wait(120000));
        QVERIFY(!dialog.busy());
        QAbstractItemModel *t = dialog.figuresTable()->model();
        QAbstractItemModelTester tester(t, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(t->columnCount(), 3);
        // Scenarios are listed by name: "10 on 5 days" comes first.
        QVERIFY(header(t, 1).startsWith(QStringLiteral("10 on 5 days\nsolved here")));
        QVERIFY(header(t, 2).startsWith(QStringLiteral("4 on 2 days\nsolved here")));
        const int deployments = rowNamed(t, QStringLiteral("deployments"));
        QVERIFY(deployments >= 0);
        QCOMPARE(t->index(deployments, 1).data().toString(), QStringLiteral("10"));
        QCOMPARE(t->index(deployments, 2).data().toString(), QStringLiteral("4"));
        QVERIFY(dialog.differences()->toPlainText().contains(QStringLiteral("− "))); // 4 fewer than 10
        QVERIFY(dialog.differences()->toPlainText().contains(
            QStringLiteral("The limit of 2 days with deployments: all are used")));
        // Fewer than two ticked: refused, nothing recomputed.
        dialog.scenarioList()->item(0)->setCheckState(Qt::Unchecked);
        QTimer::singleShot(0, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        QVERIFY(!dialog.compareChecked());
    }

    void theDemoDatabaseHoldsThreeScenarios()
    {
        const QString file = dir_.filePath(QStringLiteral("workspace.db"));
        createDemoDatabase(file);
        QVERIFY_EXCEPTION_THROWN(createDemoDatabase(file), StorageError); // never overwritten
        auto store = openStorage(file.toStdString(), OpenMode::ExistingOnly);
        const auto list = store->listScenarios();
        QCOMPARE(list.size(), std::size_t{3});
        const Scenario week = readScenarioFile(LFRPLAN_DATA_DIR "/demo-week.json");
        const Scenario baseline = store->loadScenario(baselineName(week.name));
        QCOMPARE(baseline.policy.maxDeployments, 4);
        QCOMPARE(baseline.policy.maxDays, 2);
        QCOMPARE(store->loadScenario(week.name).policy.maxDeployments, 10);
        // The carnival weekend: the event hotspot only on its two days, with a
        // larger crew, and an optimal plan that deploys there.
        const Scenario carnival = store->loadScenario("Notting Hill Carnival weekend 2026");
        const Hotspot &event = carnival.hotspots.back();
        QCOMPARE(event.id, std::string("notting-hill-carnival"));
        QVERIFY(event.dates && event.dates->size() == 2);
        QVERIFY(event.crew && event.crew->at("engagement") > week.crew.at("engagement"));
        const SolveResult r = solve(carnival);
        QCOMPARE(r.plan.status, PlanStatus::Optimal);
        QVERIFY(std::any_of(r.plan.deployments.begin(), r.plan.deployments.end(),
                            [](const Deployment &d) { return d.hotspot == "notting-hill-carnival"; }));
    }

    void clonesAWhatIfInOneStepAndOpensIt()
    {
        const QString db = solvedDemo(QStringLiteral("clone.db"));
        MainWindow window;
        QVERIFY(window.openDatabase(db, {}, true));
        const Scenario week = window.document()->scenario();
        WhatIf garage;
        garage.vanOut = week.vans[1].id;
        garage.team = "west-end";
        garage.teamLoses = 20;
        QVERIFY(window.documents()->cloneScenario(QStringLiteral("Van 2 in the garage"), garage, true));
        // The clone is open, changed, and without a plan until solved.
        const Scenario &clone = window.document()->scenario();
        QCOMPARE(clone.name, std::string("Van 2 in the garage"));
        QVERIFY(clone.vans[1].unavailable == week.dates);
        QCOMPARE(clone.officers.size(), week.officers.size() - 20);
        QVERIFY(window.document()->deployments().empty());
        QCOMPARE(window.documents()->scenarioNames().size(), 2);
        // Its notes say what it was cloned from and how it differs; they can be edited.
        QVERIFY(window.documents()->scenarioNotes().contains(QStringLiteral("loses 20 officers")));
        QVERIFY(window.documents()->setScenarioNotes(QStringLiteral("Van 2 at the garage for its MOT."), true));
        QCOMPARE(window.documents()->scenarioNotes(), QStringLiteral("Van 2 at the garage for its MOT."));
        // A name in use, or a change that cannot be made: refused, nothing added.
        QVERIFY(!window.documents()->cloneScenario(QStringLiteral("Van 2 in the garage"), {}, true));
        WhatIf unknown;
        unknown.vanOut = "LFR-9";
        QVERIFY(!window.documents()->cloneScenario(QStringLiteral("other"), unknown, true));
        QCOMPARE(window.documents()->scenarioNames().size(), 2);
        QCOMPARE(window.document()->scenario().name, std::string("Van 2 in the garage"));
    }

    void theWhatIfDialogSendsOnlyWhatChanged()
    {
        const Scenario week = readScenarioFile(LFRPLAN_DATA_DIR "/demo-week.json");
        WhatIfDialog dialog(week);
        QVERIFY(!dialog.change().changesAnything()); // starts at the scenario's own values
        QVERIFY(!dialog.name().isEmpty());
        dialog.maxDays()->setValue(2);
        dialog.maxDeployments()->setValue(4);
        dialog.maxDuties()->setValue(1);
        dialog.van()->setCurrentIndex(2);     // the second van...
        dialog.vanDate()->setCurrentIndex(3); // ...on the third date
        dialog.team()->setCurrentIndex(1);
        QVERIFY(dialog.teamLoses()->maximum() > 0);                      // as many as the team has unpinned
        dialog.teamLoses()->setValue(dialog.teamLoses()->maximum() + 5); // clamped
        const WhatIf w = dialog.change();
        QCOMPARE(w.maxDays, std::optional<int>(2));
        QCOMPARE(w.maxDeployments, std::optional<int>(4));
        QVERIFY(!w.maxPerDate);
        QCOMPARE(w.maxDutiesPerOfficer, std::optional<int>(1));
        QVERIFY(!w.travelWeight); // untouched: not part of the change
        QCOMPARE(*w.vanOut, week.vans[1].id);
        QVERIFY(w.vanOutDate == week.dates[2]);
        QCOMPARE(*w.team, week.teams[0].id);
        QCOMPARE(w.teamLoses, dialog.teamLoses()->maximum());
        Scenario changed = week;
        applyWhatIf(changed, w); // the dialog never offers a change that cannot be made
        QCOMPARE(changed.policy.maxDays, 2);
    }

    void renamesAndDeletesScenarios()
    {
        const QString db = solvedDemo(QStringLiteral("rename.db"));
        MainWindow window;
        QVERIFY(window.openDatabase(db, {}, true));
        const std::string week = window.document()->scenario().name;
        const std::size_t planned = window.document()->deployments().size();
        QVERIFY(planned > 0);
        QVERIFY(window.documents()->cloneScenario(QStringLiteral("copy"), {}, true));
        QCOMPARE(window.document()->deployments().size(), planned); // a plain clone keeps the plan
        QVERIFY(window.documents()->renameScenario(QStringLiteral("renamed copy"), true));
        QCOMPARE(window.document()->scenario().name, std::string("renamed copy"));
        QCOMPARE(window.document()->deployments().size(), planned);
        QVERIFY(!window.documents()->renameScenario(QString::fromStdString(week), true)); // taken
        QVERIFY(!window.documents()->renameScenario(QStringLiteral("   "), true));
        // Deleting the open scenario opens another; the last one is kept.
        QVERIFY(window.documents()->deleteScenario(QStringLiteral("renamed copy"), true));
        QCOMPARE(window.document()->scenario().name, week);
        QCOMPARE(window.documents()->scenarioNames(), QStringList{QString::fromStdString(week)});
        QVERIFY(!window.documents()->deleteScenario(QString::fromStdString(week), true));
        QVERIFY(!window.documents()->deleteScenario(QStringLiteral("no such"), true));
        QCOMPARE(window.documents()->scenarioNames().size(), 1);
    }

    void comparesTheOpenScenarioAsOnTheBoard()
    {
        const QString db = solvedDemo(QStringLiteral("board.db"));
        MainWindow window;
        QVERIFY(window.openDatabase(db, {}, true));
        QVERIFY(window.documents()->cloneScenario(QStringLiteral("copy"), {}, true));
        // Take one deployment off the board, unsaved.
        const std::size_t saved = window.document()->deployments().size();
        window.boardView()->setCurrentIndex(window.boardModel()->indexOf(0));
        window.removeSelected();
        QCOMPARE(window.document()->deployments().size(), saved - 1);
        CompareDialog dialog(window.document()->location());
        dialog.setOpenPlan(window.document()->scenario(), window.document()->deployments());
        QSignalSpy compared(&dialog, &CompareDialog::compared);
        QVERIFY(dialog.compareChecked());
        QCOMPARE(compared.count(), 1); // both plans at hand: no solve, no wait
        QAbstractItemModel *t = dialog.figuresTable()->model();
        const int board = header(t, 1).contains(QStringLiteral("as on the board")) ? 1 : 2;
        QVERIFY(header(t, board).startsWith(QStringLiteral("copy\n")));
        QVERIFY(header(t, 3 - board).contains(QStringLiteral("saved plan")));
        const int row = rowNamed(t, QStringLiteral("deployments"));
        QVERIFY(row >= 0);
        QCOMPARE(t->index(row, board).data().toString().toULongLong(), saved - 1);
        QCOMPARE(t->index(row, 3 - board).data().toString().toULongLong(), saved);
        const QString diff = dialog.differences()->toPlainText();
        QVERIFY(diff.contains(board == 1 ? QStringLiteral("  + ") : QStringLiteral("  − ")));
    }

    void exportsTheBoardAsCsvAndCalendars()
    {
        const QString db = solvedDemo(QStringLiteral("export.db"));
        MainWindow window;
        QVERIFY(window.openDatabase(db, {}, true));
        const PlanDocument &doc = *window.document();
        const QString schedule = dir_.filePath(QStringLiteral("schedule.csv"));
        QCOMPARE(window.documents()->exportSchedule(schedule, DocumentController::ExportKind::ScheduleCsv), QString());
        const QStringList rows = lines(schedule);
        QCOMPARE(rows.size(), static_cast<qsizetype>(doc.deployments().size() + 1));
        QVERIFY(rows[0].startsWith(QStringLiteral("deployment,date,")));
        const QString roster = dir_.filePath(QStringLiteral("roster.csv"));
        QCOMPARE(window.documents()->exportSchedule(roster, DocumentController::ExportKind::RosterCsv), QString());
        std::size_t duties = 0;
        for (const Deployment &d : doc.deployments())
            duties += d.crew.size();
        QCOMPARE(lines(roster).size(), static_cast<qsizetype>(duties + 1));
        // A team's calendar: an event per deployment its officers crew.
        const std::string team = doc.scenario().teams[0].id;
        std::size_t events = 0;
        for (const Deployment &d : doc.deployments())
            events += std::any_of(d.crew.begin(), d.crew.end(), [&](const CrewAssignment &m) {
                return doc.scenario().officers[*doc.index().officer(m.officer)].team == team;
            });
        const QString ics = dir_.filePath(QStringLiteral("team.ics"));
        QCOMPARE(window.documents()->exportSchedule(ics, DocumentController::ExportKind::TeamCalendar,
                                                    QString::fromStdString(team)),
                 QString());
        const QStringList cal = lines(ics);
        QCOMPARE(cal.first(), QStringLiteral("BEGIN:VCALENDAR"));
        QCOMPARE(cal.count(QStringLiteral("BEGIN:VEVENT")), static_cast<qsizetype>(events));
        // An unknown officer: an error naming it, and no file.
        const QString none = dir_.filePath(QStringLiteral("none.ics"));
        const QString error = window.documents()->exportSchedule(none, DocumentController::ExportKind::OfficerCalendar,
                                                                 QStringLiteral("X9"));
        QVERIFY(error.contains(QStringLiteral("X9")));
        QVERIFY(!QFileInfo::exists(none));
    }
};

QTEST_MAIN(ScenariosTest)
#include "test_scenarios.moc"
