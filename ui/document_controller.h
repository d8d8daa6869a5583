// What the planner does with documents, databases and scenarios, apart
// from any window: opening and creating databases, saving plans, recent
// files, importing and exporting; switching, cloning, renaming and deleting
// scenarios, their notes, comparing them; and what to do when a save is
// refused because someone else changed the scenario (issue 8). It owns the
// open document; the window shows whatever document it announces
// (documentChanged) and places the dialogs it asks (on the window it was
// given). Functions taking `quiet` show no message box and ask nothing:
// for the tests and the command-line tooling.
#pragma once

#include "conflict_dialog.h"
#include "plan_document.h"

#include "lfrplan/storage.h"

#include <QObject>
#include <QStringList>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QMenu;
class QWidget;

namespace lfr {
struct WhatIf;
struct Disruption;
} // namespace lfr

namespace lfr::ui {

class PermissionsGate;
class SolveController;
class StoreCall;

class DocumentController : public QObject {
    Q_OBJECT
public:
    // `window`: where dialogs are shown; `gate`: what the role may do;
    // `solver`: a running solve blocks switching away from its document.
    DocumentController(QWidget *window, const PermissionsGate &gate, SolveController &solver);
    ~DocumentController() override;

    PlanDocument *document() const { return document_.get(); }
    // Shows `document` instead of the open one (documentChanged).
    void setDocument(std::unique_ptr<PlanDocument> document);

    // --- Files ----------------------------------------------------------------
    // Opens a scenario of a store: an SQLite file, or a PostgreSQL server
    // database given as a postgresql:// connection string. False (with a
    // message box unless quiet) when it cannot be read. The open document
    // is kept on failure.
    bool openDatabase(const QString &file, const QString &scenario = {}, bool quiet = false);
    // Creates a database at `file` holding the scenario read from
    // `scenarioFile`, and opens it; false (with a message unless quiet)
    // when either fails. An existing file is never overwritten.
    bool newDatabase(const QString &file, const QString &scenarioFile, bool quiet = false);
    // A location as recent files and settings keep it: a file's absolute
    // path; a connection string without its password.
    static QString recentLocation(const QString &location);
    // Saves the plan. When someone else changed the scenario meanwhile, the
    // conflict dialog asks how to go on (resolveConflict). True when saved.
    bool save();
    // Asks to save unsaved changes, then runs `then`: at once (nothing to
    // save, or the changes are dropped), after the save (saved), or never
    // (cancelled, or the save failed).
    void maybeSaveThen(std::function<void()> then);

    // --- The same in the background (store_call.h): what the window's
    // actions use, so a slow server never freezes it. openDatabase() and
    // save() above wait on the calling thread: for the tests and tooling.
    // `then(opened)` runs once the database is open, or failed to.
    void openInBackground(const QString &file, const QString &scenario = {}, std::function<void(bool)> then = {});
    // `then` runs once the plan is saved.
    void saveInBackground(std::function<void()> then = {});
    // What runs in the background now, if anything (cancel() drops an open).
    StoreCall *storeCall() const { return call_; }
    // Recent files go into this menu, kept up to date.
    void setRecentMenu(QMenu *menu);

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

    // --- Publishing (issue 20; document_controller_publish.cpp) ---------------
    // Why the open scenario's saved plan cannot be published now, in a
    // planner's words, or empty when it can (whether the role may publish
    // is the gate's).
    QString whyNotPublish() const;
    // The version the saved plan would become.
    int nextVersion() const;
    // Plan > Publish…: asks (publish_dialog.h), then publishBackground().
    void publishDialog();
    // Publishes the saved plan on a worker (no Cancel: a write); `version`:
    // the number the planner was told. Published: the document knows the
    // new version (its marks go) and the status bar says so. Refused: a
    // message says why, nothing is lost, and the last published version is
    // read again so the board's marks stay true.
    void publishInBackground(int version);
    // What the last publish refused said (empty once one succeeds).
    const QString &lastPublishRefusal() const { return publishRefusal_; }

    // --- Disruptions (issue 20; document_controller_disruption.cpp) ----------
    // Why "Officer unavailable…" and "Van out of service…" cannot be used
    // now, in a planner's words, or empty (whether the role may change plans
    // is the gate's).
    QString whyNotDisrupt() const;
    // Asks who or what is out and when (disruption_dialog.h), then re-plans.
    // `choices`: (id, label) to pick from, `chosen` preselected; `date`
    // preselected (none: all week).
    enum class DisruptionKind { OfficerOut, VanOut };
    void disruptionDialog(DisruptionKind kind, std::vector<std::pair<QString, QString>> choices, const QString &chosen,
                          std::optional<Date> date);
    // Re-plans from the last published version on a worker (replanScenario
    // on the board's scenario), then shows what it would change; Apply
    // pushes one undoable ApplyDisruption named `title`. A refused
    // disruption is a message; nothing changes.
    void replanInBackground(const lfr::Disruption &disruption, const QString &title);

    // --- The menus' dialogs ----------------------------------------------------
    void newDialog();
    void openDialog();
    void openServerDialog();
    void importDialog();
    void exportPlanDialog();
    void printRosterDialog();
    void exportDialog(ExportKind kind);
    void switchScenarioDialog();
    void cloneScenarioDialog();
    void renameScenarioDialog();
    void deleteScenarioDialog();
    void notesDialog();
    void compareDialog();

signals:
    // Another document is about to replace the open one: whatever shows
    // the open one lets go of it now.
    void documentAboutToChange();
    // Another document is open (the window rebuilds its views).
    void documentChanged();
    // The document's title or what may be done with it changed.
    void stateChanged();
    // Something for the status bar, shown for `ms` milliseconds.
    void notice(const QString &message, int ms);

private:
    void finishOpening(const QString &file, PlanDocument::Opened opened);
    // `background`: a conflict's reload runs in the background too.
    bool finishSaving(const PlanDocument::SaveJob &job, const PlanDocument::SaveOutcome &outcome, bool background);
    bool saveFailed(const std::exception &e);
    void reloadInBackground(bool reapplyMine);
    bool applyReload(PlanDocument::Stored theirs, bool reapplyMine, bool quiet);
    bool reloadFailed(const std::exception &e, bool quiet); // says so unless quiet; false
    void newDatabaseDialog();
    void openServerLocationDialog();
    void chooseScenarioDialog();
    std::unique_ptr<lfr::Storage> openStore() const;
    // The open database's location, as it was opened (a connection string
    // with its password, kept in memory only), for opening it again.
    QString databaseLocation() const;
    // An error from the open database in a person's words: without the
    // database's location in front (the title bar and the status bar name
    // it; issue 17, finding 10).
    QString said(const std::exception &error) const;
    bool reloadDocument(bool reapplyMine, bool quiet);
    void addRecent(const QString &file);
    void rebuildRecentMenu();
    void publishRefused(const QString &why);
    void replanRefused(const QString &why);
    void reloadPublishedInBackground();

    QWidget *window_;
    const PermissionsGate &gate_;
    SolveController &solver_;
    StoreCall *call_;
    std::unique_ptr<PlanDocument> document_;
    // A document replaced while a write through its store ran: kept until it ends.
    std::unique_ptr<PlanDocument> retired_;
    QMenu *recentMenu_ = nullptr;
    QString connection_; // the location the open database was opened from
    QStringList lastReapplied_;
    QString notesRead_; // the notes as the notes editor was started from
    QString publishRefusal_;
};

} // namespace lfr::ui
