#include "main_window.h"

#include "authorisation_panel.h"
#include "card_delegate.h"
#include "checks_panel.h"
#include "commands/add_deployment.h"
#include "commands/apply_solved_plan.h"
#include "commands/remove_deployment.h"
#include "commands/toggle_pin.h"
#include "compare_dialog.h"
#include "crew_panel.h"
#include "data_editors.h"
#include "data_files.h"
#include "map_view.h"
#include "plan_document.h"
#include "solve_runner.h"
#include "staffing_model.h"
#include "week_board_model.h"

#include "lfrplan/errors.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace lfr::ui {

namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), runner_(new SolveRunner(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    boardView_ = new QTableView(this);
    boardView_->setObjectName(QStringLiteral("weekBoard"));
    boardView_->setItemDelegate(new CardDelegate(boardView_));
    boardView_->setSelectionMode(QAbstractItemView::SingleSelection);
    boardView_->setDragEnabled(true);
    boardView_->setAcceptDrops(true);
    boardView_->setDropIndicatorShown(true);
    boardView_->setDragDropMode(QAbstractItemView::DragDrop);
    boardView_->setDefaultDropAction(Qt::MoveAction);
    boardView_->setShowGrid(true);
    boardView_->setWordWrap(true);
    boardView_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    boardView_->horizontalHeader()->setMinimumSectionSize(104);
    boardView_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    connect(boardView_, &QTableView::doubleClicked, this, [this](const QModelIndex &cell) {
        if (cell.data(WeekBoardModel::DeploymentsRole).toList().isEmpty())
            addDeploymentDialog(cell);
        else
            crewDock_->raise();
    });
    boardView_->verticalHeader()->setDefaultSectionSize(boardView_->fontMetrics().height() * 5 + 12);
    setCentralWidget(boardView_);

    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(160);
    progress_->setRange(0, 1000);
    progress_->setVisible(false);
    solveStatus_ = new QLabel(this);
    userStatus_ = new QLabel(this);
    userStatus_->setObjectName(QStringLiteral("userStatus"));
    statusBar()->addPermanentWidget(userStatus_);
    statusBar()->addPermanentWidget(solveStatus_);
    statusBar()->addPermanentWidget(progress_);

    createActions();
    connect(runner_, &SolveRunner::progress, this, [this](double elapsed, double incumbent, bool has, double bound) {
        const double gap = has && bound > 0 ? std::max(0.0, (bound - incumbent) / bound) : 1.0;
        progress_->setValue(static_cast<int>(1000 * (1.0 - std::min(1.0, gap))));
        solveStatus_->setText(has ? tr("%1 s · best %2 · bound %3")
                                        .arg(elapsed, 0, 'f', 1)
                                        .arg(incumbent, 0, 'f', 1)
                                        .arg(bound, 0, 'f', 1)
                                  : tr("%1 s · searching…").arg(elapsed, 0, 'f', 1));
    });
    connect(runner_, &SolveRunner::finished, this, &MainWindow::solveFinished);
    connect(runner_, &SolveRunner::failed, this, [this](const QString &message) {
        progress_->setVisible(false);
        updateActions();
        QMessageBox::warning(this, tr("Solve"), message);
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    updateActions();
}

MainWindow::~MainWindow()
{
    // Views and models go before the document they show.
    runner_->cancel();
    boardView_->setModel(nullptr);
    delete checksDock_;
    delete staffingDock_;
    delete crewDock_;
    delete authorisationDock_;
    delete dataDock_;
    delete mapDock_;
    delete board_;
    delete staffing_;
    document_.reset();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New database…"), QKeySequence::New, this, &MainWindow::newDialog);
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, &MainWindow::openDialog);
    file->addAction(tr("Open &server database…"), this, &MainWindow::openServerDialog);
    recentMenu_ = file->addMenu(tr("Open &recent"));
    import_ = file->addAction(tr("&Import scenario…"), this, &MainWindow::importDialog);
    save_ = file->addAction(tr("&Save plan"), QKeySequence::Save, this, [this] { save(); });
    exportMenu_ = file->addMenu(tr("&Export"));
    exportPlan_ = exportMenu_->addAction(tr("Plan (&JSON)…"), this, &MainWindow::exportPlanDialog);
    exportMenu_->addAction(tr("&Schedule (CSV, a row per deployment)…"), this,
                           [this] { exportDialog(ExportKind::ScheduleCsv); });
    exportMenu_->addAction(tr("&Roster (CSV, a row per officer on duty)…"), this,
                           [this] { exportDialog(ExportKind::RosterCsv); });
    exportMenu_->addAction(tr("&Calendar of a team or an officer (iCalendar)…"), this,
                           [this] { exportDialog(ExportKind::TeamCalendar); });
    file->addAction(tr("&Printable roster (PDF)…"), QKeySequence::Print, this, &MainWindow::printRosterDialog);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    rebuildRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    undo_ = edit->addAction(tr("&Undo"));
    undo_->setShortcut(QKeySequence::Undo);
    redo_ = edit->addAction(tr("&Redo"));
    redo_->setShortcut(QKeySequence::Redo);
    connect(undo_, &QAction::triggered, this, [this] {
        if (document_)
            document_->undoStack()->undo();
    });
    connect(redo_, &QAction::triggered, this, [this] {
        if (document_)
            document_->undoStack()->redo();
    });

    QMenu *plan = menuBar()->addMenu(tr("&Plan"));
    solve_ = plan->addAction(tr("&Solve"), QKeySequence(Qt::Key_F5), this, &MainWindow::solve);
    cancel_ = plan->addAction(tr("&Cancel solve"), QKeySequence(Qt::Key_Escape), this, &MainWindow::cancelSolve);
    plan->addSeparator();
    pin_ = plan->addAction(tr("&Pin or unpin deployment"), QKeySequence(Qt::CTRL | Qt::Key_P), this,
                           &MainWindow::togglePinSelected);
    remove_ = plan->addAction(tr("&Remove deployment"), QKeySequence::Delete, this, &MainWindow::removeSelected);

    scenarioMenu_ = menuBar()->addMenu(tr("S&cenario"));
    scenarioMenu_->addAction(tr("S&witch to…"), this, &MainWindow::switchScenarioDialog);
    clone_ = scenarioMenu_->addAction(tr("&Clone as a what-if…"), this, &MainWindow::cloneScenarioDialog);
    rename_ = scenarioMenu_->addAction(tr("&Rename…"), this, &MainWindow::renameScenarioDialog);
    delete_ = scenarioMenu_->addAction(tr("&Delete…"), this, &MainWindow::deleteScenarioDialog);
    scenarioMenu_->addAction(tr("&Notes…"), this, &MainWindow::notesDialog);
    scenarioMenu_->addSeparator();
    compare_ = scenarioMenu_->addAction(tr("Co&mpare scenarios…"), this, &MainWindow::compareDialog);
    createAccountabilityMenu();
    // Disabled actions say why in their tooltip (the role may not...).
    for (QMenu *menu : menuBar()->findChildren<QMenu *>())
        menu->setToolTipsVisible(true);

    QToolBar *bar = addToolBar(tr("Plan"));
    bar->setObjectName(QStringLiteral("planToolBar"));
    bar->addAction(solve_);
    bar->addAction(cancel_);
    bar->addSeparator();
    bar->addAction(pin_);
    bar->addAction(remove_);
    bar->addSeparator();
    bar->addAction(undo_);
    bar->addAction(redo_);
}

void MainWindow::createDocks()
{
    delete checksDock_;
    delete staffingDock_;
    delete crewDock_;
    delete authorisationDock_;
    delete dataDock_;
    delete mapDock_;
    checksDock_ = new QDockWidget(tr("Checks"), this);
    checksDock_->setObjectName(QStringLiteral("checksDock"));
    checks_ = new ChecksPanel(document_.get(), checksDock_);
    checksDock_->setWidget(checks_);
    addDockWidget(Qt::RightDockWidgetArea, checksDock_);
    connect(checks_, &ChecksPanel::deploymentActivated, this,
            [this](int d) { boardView_->setCurrentIndex(board_->indexOf(static_cast<std::size_t>(d))); });

    crewDock_ = new QDockWidget(tr("Crew"), this);
    crewDock_->setObjectName(QStringLiteral("crewDock"));
    crew_ = new CrewPanel(document_.get(), crewDock_);
    crewDock_->setWidget(crew_);
    addDockWidget(Qt::RightDockWidgetArea, crewDock_);
    tabifyDockWidget(checksDock_, crewDock_);

    authorisationDock_ = new QDockWidget(tr("Authorisation"), this);
    authorisationDock_->setObjectName(QStringLiteral("authorisationDock"));
    authorisation_ = new AuthorisationPanel(document_.get(), authorisationDock_);
    authorisationDock_->setWidget(authorisation_);
    addDockWidget(Qt::RightDockWidgetArea, authorisationDock_);
    tabifyDockWidget(checksDock_, authorisationDock_);

    mapDock_ = new QDockWidget(tr("Map"), this);
    mapDock_->setObjectName(QStringLiteral("mapDock"));
    auto *mapPane = new QWidget(mapDock_);
    auto *mapLayout = new QVBoxLayout(mapPane);
    mapLayout->setContentsMargins(2, 2, 2, 2);
    auto *colouring = new QComboBox(mapPane);
    colouring->addItems({tr("Deployments by day"), tr("Hotspots by value")});
    mapLayout->addWidget(colouring);
    std::vector<Borough> boroughs;
    const QString geojson = bundledDataFile(QStringLiteral("london-boroughs.geojson"));
    try {
        if (!geojson.isEmpty())
            boroughs = readBoroughs(geojson);
    } catch (const std::exception &e) {
        statusBar()->showMessage(tr("Map without borough outlines: %1").arg(text(e.what())), 10000);
    }
    map_ = new MapView(document_.get(), std::move(boroughs), mapPane);
    mapLayout->addWidget(map_, 1);
    connect(colouring, &QComboBox::currentIndexChanged, map_,
            [this](int i) { map_->setColouring(i == 0 ? MapView::Colouring::ByDay : MapView::Colouring::ByValue); });
    mapDock_->setWidget(mapPane);
    addDockWidget(Qt::RightDockWidgetArea, mapDock_);
    tabifyDockWidget(checksDock_, mapDock_);
    checksDock_->raise();

    staffingDock_ = new QDockWidget(tr("Staffing"), this);
    staffingDock_->setObjectName(QStringLiteral("staffingDock"));
    staffingView_ = new QTableView(staffingDock_);
    staffingView_->setObjectName(QStringLiteral("staffing"));
    staffingView_->setModel(staffing_);
    staffingView_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    staffingView_->verticalHeader()->setDefaultSectionSize(staffingView_->fontMetrics().height() + 6);
    staffingDock_->setWidget(staffingView_);
    addDockWidget(Qt::BottomDockWidgetArea, staffingDock_);

    dataDock_ = new QDockWidget(tr("Force data"), this);
    dataDock_->setObjectName(QStringLiteral("dataDock"));
    auto *tabs = new QTabWidget(dataDock_);
    officersEditor_ = new DataEditor(makeOfficersModel(document_.get(), tabs),
                                     tr("Filter officers: name, id, rank, team, skill…"), tabs);
    teamsEditor_ = new DataEditor(makeTeamsModel(document_.get(), tabs), tr("Filter teams…"), tabs);
    hotspotsEditor_ = new DataEditor(makeHotspotsModel(document_.get(), tabs), tr("Filter hotspots…"), tabs);
    vansEditor_ = new DataEditor(makeVansModel(document_.get(), tabs), tr("Filter vans…"), tabs);
    rostersEditor_ =
        new DataEditor(makeRostersModel(document_.get(), tabs), tr("Filter rosters: officer, team, shift…"), tabs);
    tabs->addTab(officersEditor_, tr("Officers"));
    tabs->addTab(teamsEditor_, tr("Teams"));
    tabs->addTab(hotspotsEditor_, tr("Hotspots"));
    tabs->addTab(vansEditor_, tr("Vans"));
    tabs->addTab(rostersEditor_, tr("Rosters"));
    dataDock_->setWidget(tabs);
    addDockWidget(Qt::BottomDockWidgetArea, dataDock_);
    tabifyDockWidget(staffingDock_, dataDock_);
    staffingDock_->raise();
    resizeDocks({checksDock_}, {380}, Qt::Horizontal);
    resizeDocks({staffingDock_}, {200}, Qt::Vertical);
    restoreState(QSettings().value(QStringLiteral("window/state")).toByteArray());
    applyPermissionsToViews();
}

void MainWindow::setDocument(std::unique_ptr<PlanDocument> document)
{
    runner_->cancel();
    boardView_->setModel(nullptr);
    delete board_;
    delete staffing_;
    document_ = std::move(document);
    // What the role may do, read once per opened store (issue 8).
    Permissions permissions{"file owner", true, true, true, true, true, true, true};
    if (document_->store()) {
        try {
            permissions = document_->store()->permissions();
        } catch (const std::exception &e) {
            // The server still refuses what the role may not do.
            permissions.role = "role unknown: " + std::string(e.what());
        }
    }
    permissions_ = permissions;
    board_ = new WeekBoardModel(document_.get(), this);
    staffing_ = new StaffingModel(document_.get(), this);
    boardView_->setModel(board_);
    createDocks();
    connect(document_.get(), &PlanDocument::changed, this, &MainWindow::updateActions);
    // A reload (or undoing a re-apply) may change every list: views rebuild.
    connect(document_.get(), &PlanDocument::replaced, this, &MainWindow::createDocks);
    connect(document_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(boardView_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        const int d = selectedDeployment();
        const auto shown = d >= 0 ? std::optional<std::size_t>(static_cast<std::size_t>(d)) : std::nullopt;
        crew_->showDeployment(shown);
        authorisation_->showDeployment(shown);
        updateActions();
    });
    applyPermissions(permissions_);
    updateTitle();
}

bool MainWindow::openDatabase(const QString &file, const QString &scenario, bool quiet)
{
    try {
        auto store = openStorage(file.toStdString(), OpenMode::ExistingOnly);
        const auto list = store->listScenarios();
        if (list.empty())
            throw StorageError(store->location() + ": the database holds no scenario; import one first");
        // No name: the scenario last open in this database, else its first.
        const QString key = QStringLiteral("lastScenario/") + recentLocation(file);
        QString name = scenario.isEmpty() ? QSettings().value(key).toString() : scenario;
        if (std::none_of(list.begin(), list.end(), [&](const ScenarioSummary &s) { return text(s.name) == name; })) {
            if (!scenario.isEmpty())
                throw StorageError(store->location() + ": no scenario named \"" + scenario.toStdString() + "\"");
            name = text(list.front().name);
        }
        auto document = std::make_unique<PlanDocument>(std::move(store), name.toStdString());
        connection_ = file; // before setDocument: views may open the database again
        setDocument(std::move(document));
        QSettings().setValue(key, name);
        addRecent(file);
        return true;
    } catch (const std::exception &e) {
        if (!quiet)
            QMessageBox::warning(this, tr("Open database"),
                                 tr("Could not open %1:\n%2").arg(recentLocation(file), text(e.what())));
        return false;
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    runner_->cancel();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

int MainWindow::selectedDeployment() const
{
    const QVariantList list = boardView_->currentIndex().data(WeekBoardModel::DeploymentsRole).toList();
    return list.isEmpty() ? -1 : list.front().toInt();
}

void MainWindow::updateActions()
{
    const bool haveDoc = document_ != nullptr;
    const bool running = runner_->running();
    solve_->setEnabled(haveDoc && !running);
    cancel_->setEnabled(running);
    const bool selected = haveDoc && selectedDeployment() >= 0;
    pin_->setEnabled(selected && !running);
    remove_->setEnabled(selected && !running);
    undo_->setEnabled(haveDoc && document_->undoStack()->canUndo() && !running);
    redo_->setEnabled(haveDoc && document_->undoStack()->canRedo() && !running);
    save_->setEnabled(haveDoc && document_->hasStore());
    compare_->setEnabled(haveDoc && document_->hasStore() && !running);
    import_->setEnabled(haveDoc && document_->hasStore());
    exportPlan_->setEnabled(haveDoc);
    // Switching, cloning or deleting under a running solve would lose it.
    scenarioMenu_->setEnabled(haveDoc && document_->hasStore() && !running);
    exportMenu_->setEnabled(haveDoc);
    accountabilityMenu_->setEnabled(haveDoc && document_->hasStore());
    boardView_->setEnabled(!running);
    gateActions();
}

void MainWindow::updateTitle()
{
    if (!document_) {
        setWindowTitle(tr("lfrplan"));
        return;
    }
    setWindowTitle(tr("%1%2 — lfrplan")
                       .arg(text(document_->scenario().name),
                            document_->undoStack()->isClean() ? QString() : QStringLiteral(" *")));
}

void MainWindow::solve()
{
    if (!document_ || runner_->running())
        return;
    SolverOptions options;
    options.timeLimitSeconds = 60;
    if (!runner_->start(document_->scenario(), options))
        return;
    solving_ = document_->scenario();
    progress_->setValue(0);
    progress_->setVisible(true);
    solveStatus_->setText(tr("Solving…"));
    updateActions();
}

void MainWindow::cancelSolve() { runner_->cancel(); }

void MainWindow::solveFinished(const lfr::SolveResult &result)
{
    progress_->setVisible(false);
    const Plan &plan = result.plan;
    QString status = text(std::string(planStatusName(plan.status)));
    if (result.stop != SolveStop::Finished)
        status = tr("%1 (%2)").arg(status, text(std::string(solveStopName(result.stop))));
    if (plan.status == PlanStatus::Infeasible)
        solveStatus_->setText(status);
    else
        solveStatus_->setText(tr("%1: objective %2, bound %3")
                                  .arg(status)
                                  .arg(plan.figures.value_or(ObjectiveFigures{}).objective, 0, 'f', 2)
                                  .arg(plan.bound.value_or(0.0), 0, 'f', 2));
    if (document_ && plan.status != PlanStatus::Infeasible) {
        document_->undoStack()->push(new ApplySolvedPlan(document_.get(), result.plan.deployments));
        if (solving_)
            document_->recordProof(*solving_, result.plan); // saved as proven (issue 16)
    }
    solving_.reset();
    updateActions();
    QStringList lines;
    for (const std::string &line : result.explanation)
        lines << text(line);
    if (checks_)
        checks_->setExplanation(lines, plan.status == PlanStatus::Infeasible);
}

void MainWindow::showView(const QString &name)
{
    if (name == QLatin1String("crew") || name == QLatin1String("authorisation")) {
        if (boardView_->model() && document_ && !document_->deployments().empty())
            boardView_->setCurrentIndex(board_->indexOf(0));
        (name == QLatin1String("crew") ? crewDock_ : authorisationDock_)->raise();
    } else if (name == QLatin1String("map")) {
        mapDock_->raise();
    } else if (name == QLatin1String("data")) {
        dataDock_->raise();
        resizeDocks({dataDock_}, {height() / 2}, Qt::Vertical);
    } else if (name == QLatin1String("staffing")) {
        staffingDock_->raise();
    } else {
        checksDock_->raise();
    }
}

void MainWindow::addDeploymentDialog(const QModelIndex &cell)
{
    if (!document_ || runner_->running() || !permissions_.editPlans)
        return;
    const Scenario &sc = document_->scenario();
    const auto row = static_cast<std::size_t>(cell.row());
    const std::size_t window = row % sc.windows.size();
    QStringList names;
    std::vector<std::string> ids;
    for (std::size_t h = 0; h < sc.hotspots.size(); ++h)
        if (document_->index().windowMultiplier(h, window) &&
            document_->index().hotspotAllowsDate(h, static_cast<std::size_t>(cell.column()))) {
            names << text(sc.hotspots[h].name);
            ids.push_back(sc.hotspots[h].id);
        }
    if (ids.empty())
        return;
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Add deployment"), tr("Hotspot:"), names, 0, false, &ok);
    if (ok)
        addDeploymentAt(cell, ids[static_cast<std::size_t>(names.indexOf(chosen))]);
}

void MainWindow::addDeploymentAt(const QModelIndex &cell, const std::string &hotspot)
{
    const Scenario &sc = document_->scenario();
    const auto row = static_cast<std::size_t>(cell.row());
    Deployment d;
    d.date = sc.dates.at(static_cast<std::size_t>(cell.column()));
    d.van = sc.vans.at(row / sc.windows.size()).id;
    d.window = sc.windows[row % sc.windows.size()].id;
    d.hotspot = hotspot;
    document_->undoStack()->push(new AddDeployment(document_.get(), d));
}

void MainWindow::togglePinSelected()
{
    const int d = selectedDeployment();
    if (d >= 0)
        document_->undoStack()->push(new TogglePin(document_.get(), static_cast<std::size_t>(d)));
}

void MainWindow::removeSelected()
{
    const int d = selectedDeployment();
    if (d >= 0)
        document_->undoStack()->push(new RemoveDeployment(document_.get(), static_cast<std::size_t>(d)));
}

} // namespace lfr::ui
