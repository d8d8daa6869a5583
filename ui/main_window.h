// The planner's main window. It arranges and does little itself: the week
// board in the middle, the document's docks (DocumentView) beside and
// below it, solving with progress and cancel in the status bar
// (SolveController), files and scenarios behind the File and Scenario
// menus (DocumentController, which owns the open document), and actions
// enabled by role (PermissionsGate). A new DocumentView is made whenever
// the controller opens another document.
#pragma once

#include "permissions_gate.h"

#include "lfrplan/model.h"
#include "lfrplan/storage.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class QTableView;

namespace lfr {
class Storage;
struct SolveResult;
struct WhatIf;
} // namespace lfr

namespace lfr::ui {

class AuthorisationPanel;
class ChecksPanel;
class DataEditor;
class DocumentController;
class DocumentView;
class MapView;
class CrewPanel;
class PlanDocument;
class PublishPanel;
class SolveController;
class SolveRunner;
class StaffingModel;
class WeekBoardModel;
class WeekBoardView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // What the window offers, each part behind its menus.
    DocumentController *documents() const { return documents_; }
    SolveController *solver() const { return solver_; }
    const PermissionsGate &gate() const { return gate_; }

    // Shows the window where it was left, or filling the screen the first
    // time (no geometry saved).
    void showAsLeft();

    // Opens a database (DocumentController::openDatabase).
    bool openDatabase(const QString &file, const QString &scenario = {}, bool quiet = false);
    PlanDocument *document() const;

    // The parts of the window, for the tests and the tooling.
    WeekBoardModel *boardModel() const { return board_; }
    WeekBoardView *boardView() const { return boardView_; }
    StaffingModel *staffingModel() const { return staffing_; }
    DocumentView *view() const { return view_.get(); }
    ChecksPanel *checks() const;
    CrewPanel *crewPanel() const;
    AuthorisationPanel *authorisationPanel() const;
    DataEditor *officersEditor() const;
    DataEditor *hotspotsEditor() const;
    DataEditor *rostersEditor() const;
    MapView *map() const;
    SolveRunner *runner() const;
    QLabel *solveStatus() const;
    // "user (role) @ location" in the status bar.
    QLabel *userStatus() const { return userStatus_; }
    // Plan > Publish… (issue 20), the changes since the published version,
    // and the status bar's "Published as version 3" or what differs.
    QAction *publishAction() const { return publish_; }
    PublishPanel *changesPanel() const;
    // "Officer unavailable…" and "Van out of service…" (issue 20), on the
    // Plan menu and the board's card menu (the current card's crew, van and
    // date), and on the Officers and Vans editors' row menus.
    QAction *officerOutAction() const { return officerOut_; }
    QAction *vanOutAction() const { return vanOut_; }
    QAction *officerOutRowAction() const { return officerOutRow_; }
    QAction *vanOutRowAction() const { return vanOutRow_; }
    DataEditor *vansEditor() const;
    QLabel *publishedStatus() const { return publishedStatus_; }
    // Brings a view to the front: "checks", "crew", "authorisation", "map",
    // "staffing", "data", "changes".
    void showView(const QString &name);

    // Accountability > Who you are: the login changes are recorded under
    // (authenticated, never typed: issue 15), the officer it is mapped to,
    // and every mapping; what separation of duties needs on this database.
    QString identityText() const;

    // --- Roles (issue 8) ----------------------------------------------------
    // What the connected user may do: read from the store once when a
    // database is opened. Actions the role may not use are disabled, with
    // the reason as their tooltip.
    void applyPermissions(const lfr::Permissions &permissions);
    const lfr::Permissions &permissions() const { return gate_.permissions(); }

    // The board's actions (Plan menu).
    void solve();
    void cancelSolve();
    void togglePinSelected();
    void removeSelected();
    // Adds a deployment at the hotspot in the board cell (van, window, date).
    void addDeploymentAt(const QModelIndex &cell, const std::string &hotspot);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createBoardActions(QMenu *plan);
    void createViewMenu();
    void fillViewMenu();
    void createHelpMenu();
    // main_window_publish.cpp
    void createPublishAction(QMenu *plan);
    void updatePublish();
    // main_window_disruption.cpp
    void createDisruptionActions(QMenu *plan);
    void updateDisruption();
    void installRowActions();
    void keepCardAcrossReplace(PlanDocument *doc);
    void officerOut(bool fromEditor);
    void vanOut(bool fromEditor);
    void gateActions();
    // Models and views for the document the controller opened, and
    // letting go of them before it opens another.
    void showDocument();
    void dropDocument();
    // A new view of the document (on opening it, and when it replaced its
    // lists).
    void createView();
    void updateActions();
    void updateTitle();
    int selectedDeployment() const;
    void addDeploymentDialog(const QModelIndex &cell);
    void createAccountabilityMenu();
    void safeguardsDialog();
    QString deniedReason(const QString &what) const { return gate_.deniedReason(what); }

    PermissionsGate gate_;
    SolveController *solver_ = nullptr;
    DocumentController *documents_ = nullptr;
    std::unique_ptr<DocumentView> view_;
    WeekBoardModel *board_ = nullptr;
    StaffingModel *staffing_ = nullptr;
    WeekBoardView *boardView_ = nullptr;
    QAction *undo_ = nullptr, *redo_ = nullptr, *solve_ = nullptr, *cancel_ = nullptr, *pin_ = nullptr,
            *remove_ = nullptr, *addHere_ = nullptr, *save_ = nullptr, *compare_ = nullptr, *exportPlan_ = nullptr,
            *import_ = nullptr, *publish_ = nullptr;
    QMenu *viewMenu_ = nullptr;
    QAction *zoomIn_ = nullptr, *zoomOut_ = nullptr, *zoomReset_ = nullptr, *mapZoomIn_ = nullptr,
            *mapZoomOut_ = nullptr, *mapReset_ = nullptr;
    QList<QAction *> moves_; // a day earlier, later, a row up, down
    QMenu *scenarioMenu_ = nullptr, *exportMenu_ = nullptr, *accountabilityMenu_ = nullptr;
    QAction *clone_ = nullptr, *rename_ = nullptr, *delete_ = nullptr, *audit_ = nullptr, *safeguards_ = nullptr,
            *whoAmI_ = nullptr;
    QLabel *userStatus_ = nullptr;
    QLabel *storeStatus_ = nullptr; // what the store is doing in the background
    QLabel *publishedStatus_ = nullptr;
    QAction *officerOut_ = nullptr, *vanOut_ = nullptr, *officerOutRow_ = nullptr, *vanOutRow_ = nullptr;
    bool closing_ = false;    // asked about unsaved changes already
    bool viewLocked_ = false; // the view's editors locked for a solve or a store call
};

} // namespace lfr::ui
