// The window's models follow the document finely (issue 16): a change
// reaches the views as dataChanged for the cells it changed, so the
// current cell, the selection and the scroll stay; only the whole scenario
// replaced is a reset. Every model is watched by QAbstractItemModelTester.
#include "commands/assign_officer.h"
#include "commands/toggle_pin.h"
#include "main_window.h"
#include "plan_document.h"
#include "solve_runner.h"
#include "staffing_model.h"
#include "ui_test_support.h"
#include "week_board_model.h"
#include "week_board_view.h"

#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

using namespace lfr;
using namespace lfr::ui;

namespace {

// The cells a dataChanged spy saw, each range checked to be one cell.
std::set<std::pair<int, int>> cellsOf(const QSignalSpy &spy, bool &singleCells)
{
    std::set<std::pair<int, int>> cells;
    singleCells = true;
    for (const QList<QVariant> &signal : spy) {
        const auto from = signal.at(0).value<QModelIndex>();
        const auto to = signal.at(1).value<QModelIndex>();
        singleCells = singleCells && from == to;
        cells.insert({from.row(), from.column()});
    }
    return cells;
}

} // namespace

class ModelsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString database_;

    std::unique_ptr<MainWindow> openSolved()
    {
        auto window = std::make_unique<MainWindow>();
        if (!window->openDatabase(database_, {}, true))
            return nullptr;
        window->resize(1366, 768);
        window->show();
        QSignalSpy finished(window->runner(), &SolveRunner::finished);
        window->solve();
        if (!finished.wait(60000))
            return nullptr;
        return window;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        database_ = lfrtest::makeDemoDatabase(dir_.filePath(QStringLiteral("demo.db")));
    }

    void aPinRepaintsItsCardAndKeepsTheSelection()
    {
        auto window = openSolved();
        QVERIFY(window);
        PlanDocument *doc = window->document();
        QVERIFY(doc->deployments().size() >= 2);
        WeekBoardModel *board = window->boardModel();
        QAbstractItemModelTester tester(board, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QModelIndex mine = board->indexOf(0);
        const QModelIndex other = board->indexOf(1);
        QVERIFY(mine != other);
        window->boardView()->setCurrentIndex(mine);
        QSignalSpy resets(board, &QAbstractItemModel::modelReset);
        QSignalSpy changes(board, &QAbstractItemModel::dataChanged);

        doc->undoStack()->push(new TogglePin(doc, 1)); // another card than the selected one

        QCOMPARE(resets.count(), 0); // was a reset on every change: the selection was lost
        bool singleCells = false;
        const auto cells = cellsOf(changes, singleCells);
        QVERIFY(singleCells);
        QVERIFY(cells.count({other.row(), other.column()}) == 1);
        QVERIFY(cells.count({mine.row(), mine.column()}) == 0);
        QVERIFY(other.data(WeekBoardModel::PinnedRole).toBool());
        QCOMPARE(window->boardView()->currentIndex(), mine);
        QVERIFY(window->boardView()->selectionModel()->isSelected(mine));

        changes.clear();
        doc->undoStack()->undo();
        QCOMPARE(resets.count(), 0);
        QVERIFY(!other.data(WeekBoardModel::PinnedRole).toBool());
        QVERIFY(cellsOf(changes, singleCells).count({other.row(), other.column()}) == 1);
        QCOMPARE(window->boardView()->currentIndex(), mine);
    }

    void aCrewChangeRepaintsOnlyTheStaffingCellsItMoves()
    {
        auto window = openSolved();
        QVERIFY(window);
        PlanDocument *doc = window->document();
        StaffingModel *staffing = window->staffingModel();
        QAbstractItemModelTester tester(staffing, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Deployment &d = doc->deployments().at(0);
        const ScenarioIndex &ix = doc->index();
        // An officer of another team, on duty that day and in no crew, takes
        // the first place of deployment 0.
        const auto date = *ix.date(d.date);
        const auto leaving = *ix.officer(d.crew.at(0).officer);
        std::set<std::string> busy;
        for (const Deployment &e : doc->deployments())
            if (e.date == d.date)
                for (const CrewAssignment &c : e.crew)
                    busy.insert(c.officer);
        std::optional<std::size_t> joining;
        for (std::size_t o = 0; o < doc->scenario().officers.size() && !joining; ++o)
            if (ix.teamOf(o) != ix.teamOf(leaving) && !busy.count(doc->scenario().officers[o].id) &&
                ix.onDutyCovering(o, date, *ix.window(d.window)))
                joining = o;
        QVERIFY(joining);
        QSignalSpy resets(staffing, &QAbstractItemModel::modelReset);
        QSignalSpy changes(staffing, &QAbstractItemModel::dataChanged);

        doc->undoStack()->push(AssignOfficer::swap(doc, 0, 0, doc->scenario().officers[*joining].id));

        QCOMPARE(resets.count(), 0);
        bool singleCells = false;
        const auto cells = cellsOf(changes, singleCells);
        QVERIFY(singleCells);
        // The joining officer's team gives one more that day; the leaving
        // one's one fewer (unless they serve in another crew that day).
        const int column = static_cast<int>(date);
        QVERIFY(cells.count({static_cast<int>(*ix.teamOf(*joining)), column}) == 1);
        for (const auto &[row, col] : cells)
            QVERIFY(col == column &&
                    (row == static_cast<int>(*ix.teamOf(*joining)) || row == static_cast<int>(*ix.teamOf(leaving))));
    }

    void aRenamedVanRetitlesItsRows()
    {
        auto window = openSolved();
        QVERIFY(window);
        PlanDocument *doc = window->document();
        WeekBoardModel *board = window->boardModel();
        QSignalSpy headers(board, &QAbstractItemModel::headerDataChanged);
        Van van = doc->scenario().vans.at(0);
        van.name = "Renamed van";
        doc->replaceRecord<Van>(0, van);
        QVERIFY(headers.count() >= 1);
        QVERIFY(board->headerData(0, Qt::Vertical).toString().contains(QStringLiteral("Renamed van")));
    }

    void aReloadIsOneResetOfEachModel()
    {
        auto window = openSolved();
        QVERIFY(window);
        QVERIFY(window->document()->undoStack()->count() > 0);
        QAbstractItemModelTester board(window->boardModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester staffing(window->staffingModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy aboutToReset(window->boardModel(), &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy resets(window->boardModel(), &QAbstractItemModel::modelReset);
        window->document()->reload(PlanDocument::Reload::DiscardMine); // the stored week: no plan
        QCOMPARE(aboutToReset.count(), 1);
        QCOMPARE(resets.count(), 1);
        QVERIFY(window->document()->deployments().empty());
        for (int r = 0; r < window->boardModel()->rowCount(); ++r)
            for (int c = 0; c < window->boardModel()->columnCount(); ++c)
                QVERIFY(window->boardModel()->index(r, c).data(WeekBoardModel::DeploymentsRole).toList().isEmpty());
    }
};

QTEST_MAIN(ModelsTest)
#include "test_models.moc"
