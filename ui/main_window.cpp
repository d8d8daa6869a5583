#include "main_window.h"

#include "authorisation_panel.h"
#include "card_delegate.h"
#include "checks_panel.h"
#include "commands/add_deployment.h"
#include "commands/remove_deployment.h"
#include "commands/toggle_pin.h"
#include "compare_dialog.h"
#include "crew_panel.h"
#include "document_controller.h"
#include "document_view.h"
#include "plan_document.h"
#include "solve_controller.h"
#include "staffing_model.h"
#include "store_call.h"
#include "week_board_model.h"
#include "week_board_view.h"
#include "wheel_guard.h"

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

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), solver_(new SolveController(this)), documents_(new DocumentController(this, gate_, *solver_))
{
    setObjectName(QStringLiteral("MainWindow"));
    WheelGuard::install(); // spin and combo boxes take the wheel only with the focus
    boardView_ = new WeekBoardView(this);
    connect(boardView_, &WeekBoardView::cellOpened, this, [this](const QModelIndex &cell) {
        if (cell.data(WeekBoardModel::DeploymentsRole).toList().isEmpty())
            addDeploymentDialog(cell);
        else if (view_)
            view_->raise(QStringLiteral("crew"));
    });
    connect(boardView_, &WeekBoardView::notice, statusBar(), &QStatusBar::showMessage);
    setCentralWidget(boardView_);

    userStatus_ = new QLabel(this);
    userStatus_->setObjectName(QStringLiteral("userStatus"));
    statusBar()->addPermanentWidget(userStatus_);
    statusBar()->addPermanentWidget(solver_->status());
    statusBar()->addPermanentWidget(solver_->progress());
    storeStatus_ = new QLabel(this);
    storeStatus_->setObjectName(QStringLiteral("storeStatus"));
    statusBar()->addPermanentWidget(storeStatus_);
    publishedStatus_ = new QLabel(this);
    publishedStatus_->setObjectName(QStringLiteral("publishedStatus"));
    statusBar()->addPermanentWidget(publishedStatus_);

    createActions();
    connect(documents_, &DocumentController::documentAboutToChange, this, &MainWindow::dropDocument);
    connect(documents_, &DocumentController::documentChanged, this, &MainWindow::showDocument);
    connect(documents_, &DocumentController::stateChanged, this, [this] {
        updateTitle();
        updateActions();
        const StoreCall *call = documents_->storeCall();
        storeStatus_->setText(call->running() ? call->what() + (call->cancellable() ? tr(" (Esc cancels)") : QString())
                                              : QString());
    });
    connect(documents_, &DocumentController::notice, this,
            [this](const QString &message, int ms) { statusBar()->showMessage(message, ms); });
    connect(solver_, &SolveController::runningChanged, this, &MainWindow::updateActions);
    connect(solver_, &SolveController::explained, this, [this](const QStringList &lines, bool infeasible) {
        if (view_)
            view_->checks()->setExplanation(lines, infeasible);
    });
    connect(solver_, &SolveController::failed, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("Solve"), message); });

    restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
    updateActions();
}

MainWindow::~MainWindow()
{
    // Views and models go before the document they show.
    dropDocument();
    delete documents_; // the document after everything that shows it
}

bool MainWindow::openDatabase(const QString &file, const QString &scenario, bool quiet)
{
    return documents_->openDatabase(file, scenario, quiet);
}

PlanDocument *MainWindow::document() const { return documents_->document(); }

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
    file->addAction(tr("&New database…"), QKeySequence::New, documents_, &DocumentController::newDialog);
    file->addAction(tr("&Open database…"), QKeySequence::Open, documents_, &DocumentController::openDialog);
    file->addAction(tr("Open &server database…"), documents_, &DocumentController::openServerDialog);
    documents_->setRecentMenu(file->addMenu(tr("Open &recent")));
    import_ = file->addAction(tr("&Import scenario…"), documents_, &DocumentController::importDialog);
    save_ =
        file->addAction(tr("&Save plan"), QKeySequence::Save, documents_, [this] { documents_->saveInBackground(); });
    exportMenu_ = file->addMenu(tr("&Export"));
    exportPlan_ = exportMenu_->addAction(tr("Plan (&JSON)…"), documents_, &DocumentController::exportPlanDialog);
    exportMenu_->addAction(tr("&Schedule (CSV, a row per deployment)…"), documents_,
                           [this] { documents_->exportDialog(DocumentController::ExportKind::ScheduleCsv); });
    exportMenu_->addAction(tr("&Roster (CSV, a row per officer on duty)…"), documents_,
                           [this] { documents_->exportDialog(DocumentController::ExportKind::RosterCsv); });
    exportMenu_->addAction(tr("&Calendar of a team or an officer (iCalendar)…"), documents_,
                           [this] { documents_->exportDialog(DocumentController::ExportKind::TeamCalendar); });
    file->addAction(tr("&Printable roster (PDF)…"), QKeySequence::Print, documents_,
                    &DocumentController::printRosterDialog);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    undo_ = edit->addAction(tr("&Undo"));
    undo_->setShortcuts(QKeySequence::Undo);
    redo_ = edit->addAction(tr("&Redo"));
    redo_->setShortcuts(QKeySequence::Redo); // Ctrl+Shift+Z and Ctrl+Y
    connect(undo_, &QAction::triggered, this, [this] {
        if (document())
            document()->undoStack()->undo();
    });
    connect(redo_, &QAction::triggered, this, [this] {
        if (document())
            document()->undoStack()->redo();
    });

    QMenu *plan = menuBar()->addMenu(tr("&Plan"));
    solve_ = plan->addAction(tr("&Solve"), QKeySequence(Qt::Key_F5), this, &MainWindow::solve);
    cancel_ = plan->addAction(tr("&Cancel solve"), QKeySequence(Qt::Key_Escape), this, &MainWindow::cancelSolve);
    plan->addSeparator();
    // Ctrl+P is the printable roster's (QKeySequence::Print): one action a shortcut.
    pin_ = plan->addAction(tr("&Pin or unpin deployment"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this,
                           &MainWindow::togglePinSelected);
    remove_ = plan->addAction(tr("&Remove deployment"), QKeySequence::Delete, this, &MainWindow::removeSelected);
    createBoardActions(plan);
    createPublishAction(plan);
    createDisruptionActions(plan);

    scenarioMenu_ = menuBar()->addMenu(tr("S&cenario"));
    scenarioMenu_->addAction(tr("S&witch to…"), documents_, &DocumentController::switchScenarioDialog);
    clone_ = scenarioMenu_->addAction(tr("&Clone as a what-if…"), documents_, &DocumentController::cloneScenarioDialog);
    rename_ = scenarioMenu_->addAction(tr("&Rename…"), documents_, &DocumentController::renameScenarioDialog);
    delete_ = scenarioMenu_->addAction(tr("&Delete…"), documents_, &DocumentController::deleteScenarioDialog);
    scenarioMenu_->addAction(tr("&Notes…"), documents_, &DocumentController::notesDialog);
    scenarioMenu_->addSeparator();
    compare_ = scenarioMenu_->addAction(tr("Co&mpare scenarios…"), documents_, &DocumentController::compareDialog);
    createAccountabilityMenu();
    createViewMenu();
    createHelpMenu();
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
    bar->addSeparator();
    bar->addAction(publish_);
}

void MainWindow::createBoardActions(QMenu *plan)
{
    // Keys that mean something else in text fields act on the board only
    // while it has the focus.
    const auto onBoard = [this](QAction *action) {
        action->setShortcutContext(Qt::WidgetShortcut);
        boardView_->addAction(action);
        return action;
    };
    addHere_ = onBoard(plan->addAction(tr("&Add deployment here…"), QKeySequence(Qt::Key_Insert), this,
                                       [this] { addDeploymentDialog(boardView_->currentIndex()); }));
    plan->addSeparator();
    const struct {
        QString text;
        int key, days, rows;
    } moves[] = {{tr("Move a day &earlier"), Qt::Key_Left, -1, 0},
                 {tr("Move a day &later"), Qt::Key_Right, 1, 0},
                 {tr("Move a row &up"), Qt::Key_Up, 0, -1},
                 {tr("Move a row &down"), Qt::Key_Down, 0, 1}};
    for (const auto &m : moves) {
        QAction *action = onBoard(plan->addAction(m.text, QKeySequence(Qt::ALT | m.key), this, [this, m] {
            if (!boardView_->moveCurrent(m.days, m.rows))
                statusBar()->showMessage(tr("Not moved: there is no cell there"), 4000);
        }));
        gate_.narrow(
            action, [](const Permissions &p) { return p.editPlans; }, tr("change plans"));
        moves_ << action;
    }
    gate_.narrow(
        addHere_, [](const Permissions &p) { return p.editPlans; }, tr("change plans"));
    QAction *crew = new QAction(tr("Show c&rew"), this);
    connect(crew, &QAction::triggered, this, [this] {
        if (view_)
            view_->raise(QStringLiteral("crew"));
    });
    QAction *authorise = new QAction(tr("Show &authorisation"), this);
    connect(authorise, &QAction::triggered, this, [this] {
        if (view_)
            view_->raise(QStringLiteral("authorisation"));
    });
    boardView_->setCardActions(
        {crew, authorise, nullptr, pin_, remove_, nullptr, moves_[0], moves_[1], moves_[2], moves_[3]});
    boardView_->setCellActions({addHere_});
}

void MainWindow::createView()
{
    view_.reset(); // its docks first: the new view restores the layout
    view_ = std::make_unique<DocumentView>(this, document(), staffing_);
    connect(view_.get(), &DocumentView::deploymentActivated, this,
            [this](int d) { boardView_->setCurrentIndex(board_->indexOf(static_cast<std::size_t>(d))); });
    if (!view_->mapProblem().isEmpty())
        statusBar()->showMessage(view_->mapProblem(), 10000);
    viewLocked_ = false;
    view_->applyPermissions(gate_);
    installRowActions();
}

void MainWindow::dropDocument()
{
    solver_->setDocument(nullptr);
    boardView_->setModel(nullptr);
    view_.reset();
    delete board_;
    board_ = nullptr;
    delete staffing_;
    staffing_ = nullptr;
}

void MainWindow::showDocument()
{
    PlanDocument *doc = document();
    solver_->setDocument(doc);
    // What the role may do, read once per opened store (issue 8).
    Permissions permissions{"file owner", true, true, true, true, true, true, true};
    if (doc->store()) {
        try {
            permissions = doc->store()->permissions();
        } catch (const std::exception &e) {
            // The server still refuses what the role may not do.
            permissions.role = "role unknown: " + std::string(e.what());
        }
    }
    gate_.setPermissions(permissions);
    board_ = new WeekBoardModel(doc, this);
    staffing_ = new StaffingModel(doc, this);
    boardView_->setModel(board_);
    createView();
    connect(doc, &PlanDocument::changed, this, &MainWindow::updateActions);
    connect(doc, &PlanDocument::publishedChanged, this, &MainWindow::updateActions);
    connect(doc->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateActions); // saved: publishable
    // A reload (or undoing a re-apply) may change every list: views rebuild.
    connect(doc, &PlanDocument::replaced, this, &MainWindow::createView);
    keepCardAcrossReplace(doc);
    connect(doc->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    // Undo and Redo follow the stack once its index has moved (the
    // document's changed() comes from inside undo(), before it moves).
    connect(doc->undoStack(), &QUndoStack::indexChanged, this, &MainWindow::updateActions);
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!closing_) {
        // Asked first (and saved in the background if so chosen); the
        // window closes once that is done. An open under way is dropped; a
        // close during a save is refused (the status bar says why): close
        // again once it is saved.
        event->ignore();
        documents_->storeCall()->cancel();
        documents_->maybeSaveThen([this] {
            closing_ = true;
            QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection); // not inside this close
        });
        return;
    }
    solver_->cancel();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

int MainWindow::selectedDeployment() const { return boardView_->currentDeployment(); }

void MainWindow::updateActions()
{
    const bool haveDoc = document() != nullptr;
    // A solve, or a store call (an open, a save, a reload) under way: the
    // plan may not change meanwhile.
    const bool running = solver_->running() || documents_->storeCall()->running();
    solve_->setEnabled(haveDoc && !running);
    cancel_->setEnabled(solver_->running() || documents_->storeCall()->cancellable());
    const bool selected = haveDoc && selectedDeployment() >= 0;
    pin_->setEnabled(selected && !running);
    remove_->setEnabled(selected && !running);
    for (QAction *move : moves_)
        move->setEnabled(selected && !running);
    addHere_->setEnabled(haveDoc && !running && boardView_->currentIndex().isValid() && !selected);
    undo_->setEnabled(haveDoc && document()->undoStack()->canUndo() && !running);
    redo_->setEnabled(haveDoc && document()->undoStack()->canRedo() && !running);
    save_->setEnabled(haveDoc && document()->hasStore() && !running);
    compare_->setEnabled(haveDoc && document()->hasStore() && !running);
    import_->setEnabled(haveDoc && document()->hasStore() && !running);
    exportPlan_->setEnabled(haveDoc);
    // Switching, cloning or deleting under a running solve would lose it.
    scenarioMenu_->setEnabled(haveDoc && document()->hasStore() && !running);
    exportMenu_->setEnabled(haveDoc);
    accountabilityMenu_->setEnabled(haveDoc && document()->hasStore());
    boardView_->setEnabled(!running);
    if (view_ && running != viewLocked_) { // the editors too, while the plan may not change
        viewLocked_ = running;
        view_->applyPermissions(gate_, running ? tr("A solve or a store call is running: wait for it, or cancel it "
                                                    "(Esc).")
                                               : QString());
    }
    gate_.apply(); // what the role may not do, whatever the document allows
    updatePublish();
    updateDisruption();
    whoAmI_->setEnabled(haveDoc && document()->hasStore());
}

void MainWindow::updateTitle()
{
    if (!document()) {
        setWindowTitle(tr("lfrplan"));
        return;
    }
    setWindowTitle(tr("%1%2 — lfrplan")
                       .arg(text(document()->scenario().name),
                            document()->undoStack()->isClean() ? QString() : QStringLiteral(" *")));
}

void MainWindow::solve() { solver_->solve(); }

void MainWindow::cancelSolve()
{
    if (!documents_->storeCall()->cancel())
        solver_->cancel();
}

void MainWindow::showView(const QString &name)
{
    if (!view_)
        return;
    if ((name == QLatin1String("crew") || name == QLatin1String("authorisation")) && !document()->deployments().empty())
        boardView_->setCurrentIndex(board_->indexOf(0));
    view_->raise(name);
}

void MainWindow::addDeploymentDialog(const QModelIndex &cell)
{
    if (!document() || solver_->running() || !gate_.permissions().editPlans)
        return;
    const Scenario &sc = document()->scenario();
    const auto row = static_cast<std::size_t>(cell.row());
    const std::size_t window = row % sc.windows.size();
    QStringList names;
    std::vector<std::string> ids;
    for (std::size_t h = 0; h < sc.hotspots.size(); ++h)
        if (document()->index().windowMultiplier(h, window) &&
            document()->index().hotspotAllowsDate(h, static_cast<std::size_t>(cell.column()))) {
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
    const Scenario &sc = document()->scenario();
    const auto row = static_cast<std::size_t>(cell.row());
    Deployment d;
    d.date = sc.dates.at(static_cast<std::size_t>(cell.column()));
    d.van = sc.vans.at(row / sc.windows.size()).id;
    d.window = sc.windows[row % sc.windows.size()].id;
    d.hotspot = hotspot;
    document()->undoStack()->push(new AddDeployment(document(), d));
}

void MainWindow::togglePinSelected()
{
    const int d = selectedDeployment();
    if (d >= 0)
        document()->undoStack()->push(new TogglePin(document(), static_cast<std::size_t>(d)));
}

void MainWindow::removeSelected()
{
    const int d = selectedDeployment();
    if (d >= 0)
        document()->undoStack()->push(new RemoveDeployment(document(), static_cast<std::size_t>(d)));
}

} // namespace lfr::ui
