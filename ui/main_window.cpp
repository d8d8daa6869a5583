#include "main_window.h"

#include "authorisation_panel.h"
#include "card_delegate.h"
#include "checks_panel.h"
#include "commands/add_deployment.h"
#include "commands/remove_deployment.h"
#include "commands/toggle_pin.h"
#include "compare_dialog.h"
#include "crew_panel.h"
#include "document_view.h"
#include "plan_document.h"
#include "solve_controller.h"
#include "staffing_model.h"
#include "week_board_model.h"

#include "lfrplan/errors.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>

#include <algorithm>
#include <exception>

namespace lfr::ui {

namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), solver_(new SolveController(this))
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
        else if (view_)
            view_->raise(QStringLiteral("crew"));
    });
    boardView_->verticalHeader()->setDefaultSectionSize(boardView_->fontMetrics().height() * 5 + 12);
    setCentralWidget(boardView_);

    userStatus_ = new QLabel(this);
    userStatus_->setObjectName(QStringLiteral("userStatus"));
    statusBar()->addPermanentWidget(userStatus_);
    statusBar()->addPermanentWidget(solver_->status());
    statusBar()->addPermanentWidget(solver_->progress());

    createActions();
    connect(solver_, &SolveController::runningChanged, this, &MainWindow::updateActions);
    connect(solver_, &SolveController::explained, this, [this](const QStringList &lines, bool infeasible) {
        if (view_)
            view_->checks()->setExplanation(lines, infeasible);
    });
    connect(solver_, &SolveController::failed, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("Solve"), message); });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    updateActions();
}

MainWindow::~MainWindow()
{
    // Views and models go before the document they show.
    solver_->setDocument(nullptr);
    boardView_->setModel(nullptr);
    view_.reset();
    delete board_;
    delete staffing_;
    document_.reset();
}

ChecksPanel *MainWindow::checks() const { return view_ ? view_->checks() : nullptr; }
CrewPanel *MainWindow::crewPanel() const { return view_ ? view_->crew() : nullptr; }
AuthorisationPanel *MainWindow::authorisationPanel() const { return view_ ? view_->authorisation() : nullptr; }
DataEditor *MainWindow::officersEditor() const { return view_ ? view_->officersEditor() : nullptr; }
DataEditor *MainWindow::hotspotsEditor() const { return view_ ? view_->hotspotsEditor() : nullptr; }
DataEditor *MainWindow::rostersEditor() const { return view_ ? view_->rostersEditor() : nullptr; }
MapView *MainWindow::map() const { return view_ ? view_->map() : nullptr; }
SolveRunner *MainWindow::runner() const { return solver_->runner(); }
QLabel *MainWindow::solveStatus() const { return solver_->status(); }

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
    gateActions();
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

void MainWindow::createView()
{
    view_.reset(); // its docks first: the new view restores the layout
    view_ = std::make_unique<DocumentView>(this, document_.get(), staffing_);
    connect(view_.get(), &DocumentView::deploymentActivated, this,
            [this](int d) { boardView_->setCurrentIndex(board_->indexOf(static_cast<std::size_t>(d))); });
    if (!view_->mapProblem().isEmpty())
        statusBar()->showMessage(view_->mapProblem(), 10000);
    view_->applyPermissions(gate_);
}

void MainWindow::setDocument(std::unique_ptr<PlanDocument> document)
{
    solver_->setDocument(nullptr);
    boardView_->setModel(nullptr);
    view_.reset();
    delete board_;
    delete staffing_;
    document_ = std::move(document);
    solver_->setDocument(document_.get());
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
    gate_.setPermissions(permissions);
    board_ = new WeekBoardModel(document_.get(), this);
    staffing_ = new StaffingModel(document_.get(), this);
    boardView_->setModel(board_);
    createView();
    connect(document_.get(), &PlanDocument::changed, this, &MainWindow::updateActions);
    // A reload (or undoing a re-apply) may change every list: views rebuild.
    connect(document_.get(), &PlanDocument::replaced, this, &MainWindow::createView);
    connect(document_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(boardView_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        const int d = selectedDeployment();
        const auto shown = d >= 0 ? std::optional<std::size_t>(static_cast<std::size_t>(d)) : std::nullopt;
        view_->crew()->showDeployment(shown);
        view_->authorisation()->showDeployment(shown);
        updateActions();
    });
    applyPermissions(gate_.permissions());
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
    solver_->cancel();
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
    const bool running = solver_->running();
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
    gate_.apply(); // what the role may not do, whatever the document allows
    whoAmI_->setEnabled(haveDoc && document_->hasStore());
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

void MainWindow::solve() { solver_->solve(); }

void MainWindow::cancelSolve() { solver_->cancel(); }

void MainWindow::showView(const QString &name)
{
    if (!view_)
        return;
    if ((name == QLatin1String("crew") || name == QLatin1String("authorisation")) && !document_->deployments().empty())
        boardView_->setCurrentIndex(board_->indexOf(0));
    view_->raise(name);
}

void MainWindow::addDeploymentDialog(const QModelIndex &cell)
{
    if (!document_ || solver_->running() || !gate_.permissions().editPlans)
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
