// The planner's main window: the week board in the middle, the document's
// docks (DocumentView) beside and below it, solve with progress and cancel
// in the status bar (SolveController), actions enabled by role
// (PermissionsGate). The window owns the open document and arranges the
// parts; a new DocumentView is made when another document is opened.
#pragma once

#include "conflict_dialog.h"
#include "permissions_gate.h"

#include "lfrplan/model.h"
#include "lfrplan/storage.h"

#include <QMainWindow>

#include <memory>
#include <optional>

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
class DocumentView;
class MapView;
class CrewPanel;
class PlanDocument;
class SolveController;
class SolveRunner;
class StaffingModel;
class WeekBoardModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a scenario of a store: an SQLite file, or a PostgreSQL server
    // database given as a postgresql:// connection string. False (with a
    // message box unless quiet) when it cannot be read. The current document
    // is kept on failure.
    bool openDatabase(const QString &file, const QString &scenario = {}, bool quiet = false);
    // A location as recent files and settings keep it: a file's absolute
    // path; a connection string without its password.
    static QString recentLocation(const QString &location);
    void setDocument(std::unique_ptr<PlanDocument> document);
    // Creates a database at `file` holding the scenario read from
    // `scenarioFile`, and opens it; false (with a message unless quiet)
    // when either fails. An existing file is never overwritten.
    bool newDatabase(const QString &file, const QString &scenarioFile, bool quiet = false);

    PlanDocument *document() const { return document_.get(); }
    WeekBoardModel *boardModel() const { return board_; }
    QTableView *boardView() const { return boardView_; }
    StaffingModel *staffingModel() const { return staffing_; }
    DocumentView *view() const { return view_.get(); }
    ChecksPanel *checks() const;
    CrewPanel *crewPanel() const;
    AuthorisationPanel *authorisationPanel() const;
    DataEditor *officersEditor() const;
    DataEditor *hotspotsEditor() const;
    DataEditor *rostersEditor() const;
    MapView *map() const;
    // Brings a view to the front: "checks", "crew", "authorisation", "map",
    // "staffing", "data".
    void showView(const QString &name);
    SolveController *solver() const { return solver_; }
    SolveRunner *runner() const;
    QLabel *solveStatus() const;

    // --- Scenarios of the open database (false, with a message unless
    // quiet, when refused; nothing changes then) ---------------------------
    // Stores a what-if copy of the open scenario and opens it.
    bool cloneScenario(const QString &name, const lfr::WhatIf &change, bool quiet = false);
    // Renames the open scenario (its saved state; save first).
    bool renameScenario(const QString &to, bool quiet = false);
    // Deletes a scenario and its plan; when it is the open one another is
    // opened first. The only scenario of a database is kept.
    bool deleteScenario(const QString &name, bool quiet = false);
    QStringList scenarioNames() const;
    // The open scenario's notes in its database, and storing them.
    QString scenarioNotes() const;
    bool setScenarioNotes(const QString &notes, bool quiet = false);

    // Writes the board's plan (saved or not) to `file` atomically; the
    // error message, or empty. `who`: the officer or team of a calendar.
    enum class ExportKind { ScheduleCsv, RosterCsv, OfficerCalendar, TeamCalendar };
    QString exportSchedule(const QString &file, ExportKind kind, const QString &who = {});

    // Accountability > Who you are: the login changes are recorded under
    // (authenticated, never typed: issue 15), the officer it is mapped to,
    // and every mapping; what separation of duties needs on this database.
    QString identityText() const;

    // Saves the plan (File > Save plan). When someone else changed the
    // scenario meanwhile, the conflict dialog asks how to go on (see
    // resolveConflict). True when the plan was saved.
    bool save();

    // --- Conflicts (issue 8) ------------------------------------------------
    // Goes on after a save was refused as a conflict: ReloadAndReapply loads
    // the stored version and re-applies my edits on top, unsaved, to review
    // (lastReapplied() says what); ReloadAndDiscard loads the stored version;
    // SaveAsNew stores mine as the scenario `newName` (asked when empty,
    // unless quiet); Cancel keeps mine, unsaved. True only when something
    // was saved (SaveAsNew).
    bool resolveConflict(ConflictChoice choice, const QString &newName = {}, bool quiet = false);
    const QStringList &lastReapplied() const { return lastReapplied_; }
    // The same after storing the notes was refused: ReloadAndReapply reloads
    // (re-applying unsaved plan edits) and stores `notes` again, unless the
    // stored notes changed too (then both are shown to merge, or false when
    // quiet). True when the notes were stored.
    bool resolveNotesConflict(ConflictChoice choice, const QString &notes, bool quiet = false);

    // --- Roles (issue 8) ----------------------------------------------------
    // What the connected user may do: read from the store once when a
    // database is opened. Actions the role may not use are disabled, with
    // the reason as their tooltip.
    void applyPermissions(const lfr::Permissions &permissions);
    const lfr::Permissions &permissions() const { return gate_.permissions(); }
    // "user (role) @ location" in the status bar.
    QLabel *userStatus() const { return userStatus_; }

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
    void gateActions();
    // A new view of the document (on opening it, and when it replaced its
    // lists).
    void createView();
    void updateActions();
    void updateTitle();
    void addRecent(const QString &file);
    void rebuildRecentMenu();
    int selectedDeployment() const;
    bool maybeSave();
    void openDialog();
    void newDialog();
    void addDeploymentDialog(const QModelIndex &cell);
    void importDialog();
    void exportPlanDialog();
    void printRosterDialog();
    void switchScenarioDialog();
    void cloneScenarioDialog();
    void renameScenarioDialog();
    void deleteScenarioDialog();
    void notesDialog();
    void compareDialog();
    void exportDialog(ExportKind kind);
    void createAccountabilityMenu();
    void safeguardsDialog();
    void openServerDialog();
    std::unique_ptr<lfr::Storage> openStore() const;
    // The open database's location, as it was opened (a connection string
    // with its password, kept in memory only), for opening it again.
    QString databaseLocation() const;
    bool reloadDocument(bool reapplyMine, bool quiet);
    QString deniedReason(const QString &what) const { return gate_.deniedReason(what); }

    std::unique_ptr<PlanDocument> document_;
    std::unique_ptr<DocumentView> view_;
    WeekBoardModel *board_ = nullptr;
    StaffingModel *staffing_ = nullptr;
    QTableView *boardView_ = nullptr;
    SolveController *solver_ = nullptr;
    PermissionsGate gate_;
    QMenu *recentMenu_ = nullptr;
    QAction *undo_ = nullptr, *redo_ = nullptr, *solve_ = nullptr, *cancel_ = nullptr, *pin_ = nullptr,
            *remove_ = nullptr, *save_ = nullptr, *compare_ = nullptr, *exportPlan_ = nullptr, *import_ = nullptr;
    QMenu *scenarioMenu_ = nullptr, *exportMenu_ = nullptr, *accountabilityMenu_ = nullptr;
    QAction *clone_ = nullptr, *rename_ = nullptr, *delete_ = nullptr, *audit_ = nullptr, *safeguards_ = nullptr,
            *whoAmI_ = nullptr;
    QString connection_; // the location the open database was opened from
    QLabel *userStatus_ = nullptr;
    QStringList lastReapplied_;
    QString notesRead_; // the notes as the notes editor was started from
};

} // namespace lfr::ui
