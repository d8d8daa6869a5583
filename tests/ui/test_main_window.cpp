// The desktop app driven through its real widgets under the offscreen
// platform: open the demo, solve, pin a card, drag a card into a violation
// and see it reported, undo it, cancel a long solve. Every model passes
// QAbstractItemModelTester.
#include "checks_panel.h"
#include "compare_dialog.h"
#include "crew_panel.h"
#include "data_editors.h"
#include "data_files.h"
#include "document_controller.h"
#include "main_window.h"
#include "map_view.h"
#include "plan_document.h"
#include "roster_pdf.h"
#include "solve_runner.h"
#include "staffing_model.h"
#include "ui_test_support.h"
#include "week_board_model.h"
#include "week_board_view.h"

#include "lfrplan/generator.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>

#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cmath>

#include "lfrplan/errors.h"

#include <memory>

using namespace lfr;
using namespace lfr::ui;

class MainWindowTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString database_;

    std::unique_ptr<MainWindow> openDemo()
    {
        auto window = std::make_unique<MainWindow>();
        if (!window->openDatabase(database_, {}, true))
            return nullptr;
        window->resize(1366, 768);
        window->show();
        return window;
    }

    static bool solveAndWait(MainWindow &window, int timeoutMs = 60000)
    {
        QSignalSpy finished(window.runner(), &SolveRunner::finished);
        window.solve();
        return finished.wait(timeoutMs);
    }

    // The board cell of a deployment other than `not`, in another van row.
    static int otherDeployment(const PlanDocument &doc, std::size_t not_)
    {
        for (std::size_t i = 0; i < doc.deployments().size(); ++i)
            if (i != not_)
                return static_cast<int>(i);
        return -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        database_ = lfrtest::makeDemoDatabase(dir_.filePath(QStringLiteral("demo.db")));
    }

    void opensTheDemoWeek()
    {
        auto window = openDemo();
        QVERIFY(window);
        const Scenario &sc = window->document()->scenario();
        QCOMPARE(window->boardModel()->columnCount(), static_cast<int>(sc.dates.size()));
        QCOMPARE(window->boardModel()->rowCount(), static_cast<int>(sc.vans.size() * sc.windows.size()));
        QCOMPARE(window->staffingModel()->rowCount(), static_cast<int>(sc.teams.size()));
        QVERIFY(window->checks()->figuresText().contains(QStringLiteral("OBJECTIVE")));
        QVERIFY(window->windowTitle().contains(QString::fromStdString(sc.name)));
    }

    void modelsPassTheModelTester()
    {
        auto window = openDemo();
        QVERIFY(window);
        QAbstractItemModelTester board(window->boardModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester staffing(window->staffingModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(solveAndWait(*window)); // resets both models
        window->document()->undoStack()->undo();
        window->document()->undoStack()->redo();
    }

    void savesWhatTheSolverProved()
    {
        // Issue 16: a plan solved to optimality in the app was saved as
        // feasible with no bound (the document never kept the proof).
        const QString db = dir_.filePath(QStringLiteral("proof.db"));
        QVERIFY(QFile::copy(database_, db));
        auto window = std::make_unique<MainWindow>();
        QVERIFY(window->openDatabase(db, {}, true));
        QVERIFY(solveAndWait(*window));
        QVERIFY(window->solveStatus()->text().startsWith(QStringLiteral("optimal")));
        QVERIFY(window->documents()->save());
        const std::string name = window->document()->scenario().name;
        auto saved = openStorage(db.toStdString(), OpenMode::ExistingOnly)->loadPlan(name);
        QVERIFY(saved);
        QCOMPARE(saved->status, PlanStatus::Optimal);
        QVERIFY(saved->bound && saved->figures);
        QVERIFY(std::abs(*saved->bound - saved->figures->objective) < 1e-6 * std::max(1.0, *saved->bound));
        // The saved record is the document's plan record, field for field.
        QCOMPARE(*saved, window->document()->plan());
        // Undone, the plan is no longer the one proven: saved as feasible, no bound.
        window->document()->undoStack()->undo();
        QVERIFY(window->documents()->save());
        saved = openStorage(db.toStdString(), OpenMode::ExistingOnly)->loadPlan(name);
        QCOMPARE(saved->status, PlanStatus::Feasible);
        QVERIFY(!saved->bound);
        // Redone, it is again: and a reopened window keeps what was loaded.
        window->document()->undoStack()->redo();
        QVERIFY(window->documents()->save());
        auto reopened = std::make_unique<MainWindow>();
        QVERIFY(reopened->openDatabase(db, {}, true));
        QVERIFY(reopened->documents()->save() || reopened->document()->undoStack()->isClean());
        QCOMPARE(openStorage(db.toStdString(), OpenMode::ExistingOnly)->loadPlan(name)->status, PlanStatus::Optimal);
    }

    void solvesTheDemoWeekToOptimality()
    {
        auto window = openDemo();
        QVERIFY(window);
        QSignalSpy progress(window->runner(), &SolveRunner::progress);
        QVERIFY(solveAndWait(*window));
        QVERIFY(progress.count() > 0);
        const PlanDocument &doc = *window->document();
        QCOMPARE(doc.deployments().size(), std::size_t{10});
        QVERIFY(doc.report().valid());
        QVERIFY(window->solveStatus()->text().startsWith(QStringLiteral("optimal")));
        QVERIFY(window->checks()->explanationText().contains(QStringLiteral("Limits the plan meets exactly")));
        // Every deployment is on the board, in its van, window and date.
        int cards = 0;
        for (int r = 0; r < window->boardModel()->rowCount(); ++r)
            for (int c = 0; c < window->boardModel()->columnCount(); ++c)
                cards += static_cast<int>(
                    window->boardModel()->index(r, c).data(WeekBoardModel::DeploymentsRole).toList().size());
        QCOMPARE(cards, 10);
    }

    void pinsACardAndUndoes()
    {
        auto window = openDemo();
        QVERIFY(window);
        QVERIFY(solveAndWait(*window));
        const QModelIndex cell = window->boardModel()->indexOf(0);
        window->boardView()->setCurrentIndex(cell);
        window->togglePinSelected();
        QCOMPARE(window->document()->scenario().pinned.size(), std::size_t{1});
        QVERIFY(window->boardModel()->indexOf(0).data(WeekBoardModel::PinnedRole).toBool());
        QVERIFY(window->document()->report().valid()); // the pin is met by the card it came from
        // A re-solve keeps the pinned deployment.
        const Deployment pinned = window->document()->deployments()[0];
        QVERIFY(solveAndWait(*window));
        const auto &after = window->document()->deployments();
        QVERIFY(std::any_of(after.begin(), after.end(), [&](const Deployment &d) { return d == pinned; }));
        window->document()->undoStack()->undo(); // the solve
        window->document()->undoStack()->undo(); // the pin
        QVERIFY(window->document()->scenario().pinned.empty());
    }

    void draggingACardIntoAViolationIsReportedAndUndone()
    {
        auto window = openDemo();
        QVERIFY(window);
        QVERIFY(solveAndWait(*window));
        WeekBoardModel *board = window->boardModel();
        PlanDocument *doc = window->document();
        const int other = otherDeployment(*doc, 0);
        QVERIFY(other >= 0);
        // Drag deployment 0 onto the cell of another one (one van, one
        // window, two deployments): the drag's data from the model, then
        // enter, move and drop events on the board's viewport, as a mouse
        // drag delivers them.
        const QModelIndex target = board->indexOf(static_cast<std::size_t>(other));
        QTableView *view = window->boardView();
        const QPoint at = view->visualRect(target).center();
        std::unique_ptr<QMimeData> mime(board->mimeData({board->indexOf(0)}));
        QVERIFY(mime);
        QDragEnterEvent enter(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &enter);
        QDragMoveEvent move(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(at, Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &drop);
        QCOMPARE(board->indexOf(0), target);
        QVERIFY(!doc->report().valid());
        QVERIFY(board->indexOf(0).data(WeekBoardModel::ViolationCountRole).toInt() > 0);
        QListWidget *list = window->checks()->violationList();
        QVERIFY(list->count() > 0);
        bool namesVan = false;
        for (int i = 0; i < list->count(); ++i)
            namesVan = namesVan || list->item(i)->text().contains(QStringLiteral("van"), Qt::CaseInsensitive);
        QVERIFY(namesVan);
        doc->undoStack()->undo();
        QVERIFY(doc->report().valid());
        QCOMPARE(list->count(), 0);
    }

    void changesACrewThroughTheCrewPanel()
    {
        auto window = openDemo();
        QVERIFY(window);
        QVERIFY(solveAndWait(*window));
        PlanDocument *doc = window->document();
        window->boardView()->setCurrentIndex(window->boardModel()->indexOf(0));
        CrewPanel *panel = window->crewPanel();
        const Deployment before = doc->deployments()[0];
        QCOMPARE(panel->crewTable()->rowCount(), static_cast<int>(before.crew.size()));
        // Take the first member off: the crew is short, and the checks say so.
        panel->crewTable()->selectRow(0);
        const QString role = QString::fromStdString(before.crew[0].role);
        QCOMPARE(panel->roleBox()->currentText(), role);
        panel->removeSelected();
        QCOMPARE(doc->deployments()[0].crew.size(), before.crew.size() - 1);
        QVERIFY(!doc->report().valid());
        // Candidates: qualified, covering, free that day, nearest first.
        const auto roleIndex = doc->index().role(role.toStdString());
        QVERIFY(roleIndex);
        const auto candidates = crewCandidates(*doc, 0, *roleIndex);
        QVERIFY(!candidates.empty());
        for (std::size_t i = 1; i < candidates.size(); ++i)
            QVERIFY(candidates[i - 1].km <= candidates[i].km);
        const auto date = *doc->index().date(before.date);
        const auto window0 = *doc->index().window(before.window);
        for (const auto &c : candidates) {
            QVERIFY(doc->index().qualifies(c.officer, *roleIndex));
            QVERIFY(doc->index().onDutyCovering(c.officer, date, window0));
            for (const Deployment &d : doc->deployments())
                if (d.date == before.date)
                    for (const CrewAssignment &m : d.crew)
                        QVERIFY(m.officer != doc->scenario().officers[c.officer].id);
        }
        // Add the nearest candidate back in that role: the crew is whole again.
        panel->candidateTable()->selectRow(0);
        panel->addSelected();
        QCOMPARE(doc->deployments()[0].crew.size(), before.crew.size());
        QCOMPARE(doc->report().count(Check::CrewCount), std::size_t{0});
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCOMPARE(doc->deployments()[0], before);
    }

    void addsADeploymentToAnEmptyCell()
    {
        auto window = openDemo();
        QVERIFY(window);
        PlanDocument *doc = window->document();
        const std::size_t count = doc->deployments().size();
        const QModelIndex cell = window->boardModel()->index(0, 0);
        QVERIFY(cell.data(WeekBoardModel::DeploymentsRole).toList().isEmpty());
        window->addDeploymentAt(cell, doc->scenario().hotspots.front().id);
        QCOMPARE(doc->deployments().size(), count + 1);
        QCOMPARE(cell.data(WeekBoardModel::DeploymentsRole).toList().size(), 1);
        QVERIFY(doc->report().count(Check::CrewCount) > 0); // no crew yet
        doc->undoStack()->undo();
        QCOMPARE(doc->deployments().size(), count);
    }

    void editsOfficersWithChecksAndUndo()
    {
        auto window = openDemo();
        QVERIFY(window);
        DataEditor *editor = window->officersEditor();
        RecordTableBase *model = editor->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(editor->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        PlanDocument *doc = window->document();
        QCOMPARE(model->rowCount(), static_cast<int>(doc->scenario().officers.size()));
        const Officer before = doc->scenario().officers[0];
        const QModelIndex rank = model->index(0, 2);
        // A bad value is refused, naming the field, the officer and the fault.
        QVERIFY(!model->setData(rank, QStringLiteral("Sergeant")));
        QVERIFY(model->editError().contains(QStringLiteral("Rank")));
        QVERIFY(model->editError().contains(QString::fromStdString(before.id)));
        QVERIFY(editor->message()->text().contains(QStringLiteral("not a rank")));
        QCOMPARE(doc->scenario().officers[0], before);
        QVERIFY(!model->setData(model->index(0, 3), QStringLiteral("no-such-team")));
        QVERIFY(!model->setData(model->index(0, 5), QStringLiteral("-1")));
        QVERIFY(!model->setData(model->index(0, 0), QStringLiteral("X1"))); // ids are read-only
        // A good value goes through the undo stack.
        QVERIFY(model->setData(rank, QStringLiteral("Cmdr")));
        QCOMPARE(doc->scenario().officers[0].rank, Rank::Cmdr);
        QCOMPARE(rank.data().toString(), QStringLiteral("Cmdr"));
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().officers[0], before);
        // The filter narrows the table to matching officers.
        editor->filter()->setText(QString::fromStdString(before.id));
        QVERIFY(editor->proxy()->rowCount() >= 1);
        QVERIFY(editor->proxy()->rowCount() < model->rowCount());
    }

    void everyDataEditorModelPassesTheTester()
    {
        auto window = openDemo();
        QVERIFY(window);
        PlanDocument *doc = window->document();
        QObject owner;
        std::vector<QAbstractItemModel *> models = {makeOfficersModel(doc, &owner), makeTeamsModel(doc, &owner),
                                                    makeHotspotsModel(doc, &owner), makeVansModel(doc, &owner),
                                                    makeRostersModel(doc, &owner)};
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (QAbstractItemModel *m : models)
            testers.push_back(
                std::make_unique<QAbstractItemModelTester>(m, QAbstractItemModelTester::FailureReportingMode::QtTest));
        // Edits through each kind of record change rows under the testers.
        QVERIFY(models[1]->setData(models[1]->index(0, 2), 1));
        QVERIFY(models[3]->setData(models[3]->index(0, 2), 2));
        QVERIFY(!models[3]->setData(models[3]->index(0, 2), QStringLiteral("two")));
        QCOMPARE(doc->scenario().teams[0].minOnDuty, 1);
        QCOMPARE(doc->scenario().vans[0].maxPerDate, 2);
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().vans[0].maxPerDate, 1);
    }

    void editingAHotspotValueChangesTheObjective()
    {
        auto window = openDemo();
        QVERIFY(window);
        QVERIFY(solveAndWait(*window));
        PlanDocument *doc = window->document();
        const double objective = doc->report().evaluation.objective;
        RecordTableBase *model = window->hotspotsEditor()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto h = *doc->index().hotspot(doc->deployments()[0].hotspot);
        const QModelIndex value = model->index(static_cast<int>(h), 3);
        QVERIFY(!model->setData(value, QStringLiteral("0")));
        QVERIFY(model->setData(value, doc->scenario().hotspots[h].value * 2));
        QVERIFY(doc->report().evaluation.objective > objective + 1.0);
        doc->undoStack()->undo();
        QCOMPARE(doc->report().evaluation.objective, objective);
    }

    void editsARosterAndTheChecksFollow()
    {
        auto window = openDemo();
        QVERIFY(window);
        QVERIFY(solveAndWait(*window));
        PlanDocument *doc = window->document();
        RecordTableBase *model = window->rostersEditor()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->columnCount(), 3 + static_cast<int>(doc->scenario().dates.size()));
        // Take a crew member off duty on the deployment's date: the plan
        // now breaks the duty rule, and the checks say so.
        const Deployment &d = doc->deployments()[0];
        const auto officer = *doc->index().officer(d.crew[0].officer);
        const auto date = *doc->index().date(d.date);
        const QModelIndex cell = model->index(static_cast<int>(officer), 3 + static_cast<int>(date));
        QVERIFY(!cell.data().toString().isEmpty());
        QVERIFY(!model->setData(cell, QStringLiteral("no-such-shift")));
        QVERIFY(model->editError().contains(QStringLiteral("no shift")));
        QVERIFY(model->setData(cell, QString()));
        QVERIFY(doc->report().count(Check::OffDuty) > 0);
        doc->undoStack()->undo();
        QVERIFY(doc->report().valid());
    }

    void makesANewDatabaseAndNeverOverwrites()
    {
        MainWindow window;
        const QString file = dir_.filePath(QStringLiteral("new.db"));
        QVERIFY(window.documents()->newDatabase(file, QStringLiteral(LFRPLAN_DATA_DIR "/demo-week.json"), true));
        QVERIFY(window.document());
        QCOMPARE(window.document()->location(), file);
        // The same name again is refused, and the first database is intact.
        QVERIFY(!window.documents()->newDatabase(file, QStringLiteral(LFRPLAN_DATA_DIR "/demo-week.json"), true));
        QCOMPARE(openStorage(file.toStdString(), OpenMode::ExistingOnly)->listScenarios().size(), std::size_t{1});
        // A scenario file that cannot be read makes no database.
        const QString other = dir_.filePath(QStringLiteral("other.db"));
        QVERIFY(!window.documents()->newDatabase(other, dir_.filePath(QStringLiteral("missing.json")), true));
        QVERIFY(!QFileInfo::exists(other));
    }

    void printsTheRosterToPdf()
    {
        auto window = openDemo();
        QVERIFY(window);
        QVERIFY(solveAndWait(*window));
        const QString file = dir_.filePath(QStringLiteral("roster.pdf"));
        QCOMPARE(writeRosterPdf(*window->document(), file), QString());
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        // The board page and at least one page of crew lists (10 crews of 9-11).
        const int pages = static_cast<int>(bytes.count("/Type /Page\n") + bytes.count("/Type /Page ") +
                                           bytes.count("/Type /Page/") + bytes.count("/Type /Page>"));
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
        // A place that cannot be written: a message, and no file.
        const QString bad = dir_.filePath(QStringLiteral("no-such-folder/roster.pdf"));
        QVERIFY(!writeRosterPdf(*window->document(), bad).isEmpty());
        QVERIFY(!QFileInfo::exists(bad));
    }

    void drawsTheMapFromTheBundledBoroughs()
    {
        const QString file = bundledDataFile(QStringLiteral("london-boroughs.geojson"));
        QVERIFY(!file.isEmpty());
        const std::vector<Borough> boroughs = readBoroughs(file);
        QCOMPARE(boroughs.size(), std::size_t{33}); // 32 boroughs and the City
        for (const Borough &b : boroughs) {
            QVERIFY(!b.name.isEmpty());
            QVERIFY(!b.rings.empty());
            for (const QPolygonF &r : b.rings)
                for (const QPointF &p : r) { // London: lon -0.6..0.4, lat 51.2..51.8
                    QVERIFY(p.x() > -0.6 && p.x() < 0.4);
                    QVERIFY(p.y() > 51.2 && p.y() < 51.8);
                }
        }
        // A file that is not GeoJSON is refused, naming it.
        const QString bad = dir_.filePath(QStringLiteral("bad.geojson"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"type\": \"FeatureCollection\"");
        f.close();
        try {
            readBoroughs(bad);
            QFAIL("a truncated file was accepted");
        } catch (const InputError &e) {
            QVERIFY(QString::fromStdString(e.what()).contains(bad));
        }
        auto window = openDemo();
        QVERIFY(window);
        window->showView(QStringLiteral("map"));
        QVERIFY(window->map()->isVisible());
        const QImage image = window->map()->grab().toImage();
        QVERIFY(!image.isNull());
        // Borough fill is drawn: some pixels are the outline grey-blue fill.
        int filled = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                filled += image.pixelColor(x, y) == QColor(0xe6, 0xea, 0xef) ? 1 : 0;
        QVERIFY(filled > 100);
    }

    void cancelsALongSolveAndKeepsItsBestPlan()
    {
        GeneratorOptions o;
        o.officers = 20000;
        o.teams = 80;
        o.hotspots = 80;
        o.vans = 8;
        o.dates = 28;
        o.policy.maxDeployments = 40;
        o.policy.maxDays = 20;
        MainWindow window;
        window.documents()->setDocument(std::make_unique<PlanDocument>(generateScenario(o)));
        window.resize(1366, 768);
        window.show();
        QSignalSpy progress(window.runner(), &SolveRunner::progress);
        QSignalSpy finished(window.runner(), &SolveRunner::finished);
        window.solve();
        QVERIFY(window.runner()->running());
        QVERIFY(progress.wait(30000)); // the event loop runs while it solves
        window.cancelSolve();
        QVERIFY(finished.wait(30000));
        const auto result = finished.takeFirst().at(0).value<lfr::SolveResult>();
        QCOMPARE(result.stop, SolveStop::Interrupted);
        QVERIFY(window.document()->report().valid());
        QVERIFY(!window.runner()->running());
    }
};

QTEST_MAIN(MainWindowTest)
#include "test_main_window.moc"
