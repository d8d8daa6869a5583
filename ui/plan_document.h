// The document a planner works on: one scenario of a store and its plan,
// validated by the core validator after every change. Changes come only
// through QUndoCommands (ui/commands/), pushed on the document's undo stack;
// the mutators below are for those commands.
#pragma once

#include "lfrplan/indexed_scenario.h"
#include "lfrplan/model.h"
#include "lfrplan/publishing.h"
#include "lfrplan/safeguards.h"
#include "lfrplan/scenario_merge.h"
#include "lfrplan/storage.h"
#include "lfrplan/transparency.h"
#include "lfrplan/validator.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace lfr::ui {

// The scenario lists the data editors change.
enum class ListKind { Officers, Teams, Hotspots, Vans };
template <class Record> struct RecordList;
template <> struct RecordList<Officer> {
    static constexpr ListKind kList = ListKind::Officers;
};
template <> struct RecordList<Team> {
    static constexpr ListKind kList = ListKind::Teams;
};
template <> struct RecordList<Hotspot> {
    static constexpr ListKind kList = ListKind::Hotspots;
};
template <> struct RecordList<Van> {
    static constexpr ListKind kList = ListKind::Vans;
};

// The scenario list of each record kind.
template <class Record> std::vector<Record> &recordsOf(Scenario &scenario);
template <> inline std::vector<Officer> &recordsOf<Officer>(Scenario &s) { return s.officers; }
template <> inline std::vector<Team> &recordsOf<Team>(Scenario &s) { return s.teams; }
template <> inline std::vector<Hotspot> &recordsOf<Hotspot>(Scenario &s) { return s.hotspots; }
template <> inline std::vector<Van> &recordsOf<Van>(Scenario &s) { return s.vans; }
template <class Record> const std::vector<Record> &recordsOf(const Scenario &scenario)
{
    return recordsOf<Record>(const_cast<Scenario &>(scenario));
}

class PlanDocument : public QObject {
    Q_OBJECT
public:
    // What a document reads of its scenario in the store: on any thread
    // (the app reads on a worker, store_call.h), nothing shown changes.
    struct Stored {
        Scenario scenario;
        std::optional<Plan> plan;
        std::optional<std::int64_t> revision; // the store's, of what was read
        std::vector<Authorisation> authorisations;
        std::vector<DeploymentRecord> records;
        // The last published version (issue 20), or why it cannot be read.
        std::optional<PublishedVersion> published;
        std::string publishedProblem;
    };
    // Throws lfr::StorageError.
    static Stored read(Storage &store, const std::string &name);
    struct Opened {
        std::unique_ptr<Storage> store;
        Stored stored;
    };

    // A document over an in-memory scenario (no store: save() is refused).
    explicit PlanDocument(Scenario scenario, std::vector<Deployment> deployments = {}, QObject *parent = nullptr);
    // The scenario `name` of the store, with its saved plan when it has one.
    // Throws lfr::StorageError.
    PlanDocument(std::unique_ptr<Storage> store, const std::string &name, QObject *parent = nullptr);
    // A scenario already read from its store.
    explicit PlanDocument(Opened opened, QObject *parent = nullptr);
    ~PlanDocument() override;

    const Scenario &scenario() const { return data_.scenario(); }
    const ScenarioIndex &index() const { return data_.index(); }
    const std::vector<Deployment> &deployments() const { return deployments_; }
    const ValidationReport &report() const { return report_; }
    // Violations that name the deployment (0-based).
    std::vector<const Violation *> violationsOf(std::size_t deployment) const;
    // The pin met by this deployment's hotspot, date and window, if any.
    std::optional<std::size_t> pinOf(const Deployment &deployment) const;
    // The deployments of the last solved plan, to show what changed since.
    const std::vector<Deployment> &lastSolved() const { return lastSolved_; }
    bool changedSinceSolve(const Deployment &deployment) const;

    QUndoStack *undoStack() { return &undo_; }
    bool hasStore() const { return store_ != nullptr; }
    QString location() const;
    // Stores the plan with the scenario (and the pins with the scenario).
    // Throws lfr::StorageError; lfr::ConflictError when someone changed the
    // scenario since the document read it (nothing is written then).
    // save() is saveJob(), then store() (the store's part, which the app
    // runs on a worker), then saved().
    void save();
    struct SaveJob {
        Storage *store = nullptr; // the document's: it outlives the job
        Scenario scenario;
        Plan plan;
        std::optional<std::int64_t> revision;
        int undoIndex = 0;
        // Disruptions applied since the last save (pendingDisruptions()):
        // when any, the scenario and plan are stored as one recorded
        // disruption (Storage::saveDisruption), else as usual.
        std::vector<std::string> disruption;
        int fromVersion = 0;
        std::vector<int> disruptionIds;
    };
    struct SaveOutcome {
        std::optional<std::int64_t> scenarioRevision; // set once the scenario is stored
        std::optional<std::int64_t> planRevision;     // set once the plan is stored too
        std::exception_ptr error;
    };
    SaveJob saveJob() const;
    static SaveOutcome store(const SaveJob &job); // never throws: the error is in the outcome
    // Takes in what was stored (the document may have changed meanwhile:
    // then it is not clean), and rethrows the error, if any.
    void saved(const SaveJob &job, const SaveOutcome &outcome);

    // --- Optimistic versioning (issue 8) ------------------------------------
    // The scenario and plan as last read from or saved to the store: what a
    // re-apply merges my edits from.
    const PlanState &base() const { return base_; }
    // Reads the scenario and its plan as stored now; the document then
    // expects that revision. ReapplyMine: the stored version becomes the
    // base and my edits since the old base are re-applied on top of it
    // (scenario_merge.h) as one undoable, unsaved step; the result says what
    // was re-applied and what overlapped. DiscardMine: the document becomes
    // the stored version, saved, with no undo history. Throws
    // lfr::StorageError, and then the document keeps what it had (a save
    // after a failed reload is refused as a conflict: reload again).
    enum class Reload { ReapplyMine, DiscardMine };
    MergeResult reload(Reload mode);
    // The same with the stored version already read (read(*store(), name)).
    MergeResult reload(Stored theirs, Reload mode);
    // Stores my version (scenario and plan) as a new scenario `name` and
    // makes it the document's scenario: for when mine was renamed or deleted
    // by someone else. Throws lfr::StorageError (nothing is stored when the
    // name is taken).
    void saveAsNew(const std::string &name);
    // The scenario's notes, read and stored through the document's store,
    // so that storing them is checked against the revision it read.
    std::string notes() const;
    void saveNotes(const std::string &notes);

    // --- Accountability (issue 6) ------------------------------------------
    // Authorisation records and outcomes are stored at once (each change is
    // audited by the store), not through the undo stack. Empty without a store.
    Storage *store() const { return store_.get(); }
    const std::vector<Authorisation> &authorisations() const { return authorisations_; }
    // The record of the deployment's hotspot, date and window, if any.
    const Authorisation *authorisationOf(const Deployment &deployment) const;
    // Stores a record; throws lfr::InputError (listing every problem) or
    // lfr::StorageError when refused, and nothing changes then.
    void saveAuthorisation(const Authorisation &record);
    // The published records and closed deployments the store holds.
    const std::vector<DeploymentRecord> &records() const { return records_; }
    // Re-reads authorisations and records (after an import, say).
    void reloadAccountability();
    // What past outcomes suggest each hotspot is worth (transparency.h).
    const std::map<std::string, HistoryValue> &history() const { return history_; }

    // --- Published versions (issue 20; plan_document_published.cpp) ----------
    // Whether the store holds a plan of the scenario (as last read or saved).
    bool hasSavedPlan() const { return hasSavedPlan_; }
    // The last published version, as read on opening or reloading and after
    // a publish; none before the first (or when it cannot be read:
    // publishedProblem() says why).
    const std::optional<PublishedVersion> &published() const { return published_; }
    const std::string &publishedProblem() const { return publishedProblem_; }
    // What the plan on the board changed since the last published version
    // (comparePlans), kept current with every change; empty when none is
    // published. The change of a deployment (0-based), if it has one.
    const PlanChanges &changesSincePublished() const { return sincePublished_; }
    const DeploymentChange *publishedChangeOf(std::size_t deployment) const;
    // The deployment a change is about on the board, if it is on it.
    std::optional<std::size_t> deploymentOf(const DeploymentChange &change) const;
    // The last published version as now known (publishedChanged()).
    void setPublished(std::optional<PublishedVersion> version, std::string problem = {});
    // Publishing the saved plan: publishJob() on the GUI thread (refused,
    // an lfr::InputError, unless the plan on the board is the saved one),
    // publish() on a worker: a ConflictError when someone changed the
    // scenario since the document read it, a StorageError when the saved
    // plan is not the board's, or the store's refusals (publishSavedPlan).
    struct PublishJob {
        Storage *store = nullptr; // the document's: it outlives the job
        std::string scenario;
        std::vector<Deployment> saved;
        std::optional<std::int64_t> revision;
    };
    PublishJob publishJob() const;
    static PublishedVersion publish(const PublishJob &job);

    // --- Disruptions (issue 20; plan_document_disruption.cpp) -----------------
    // A disruption applied on the board (ApplyDisruption) and not yet saved:
    // its lines and the published version it was re-planned from. Undoing it
    // drops it; saving records those still applied.
    struct PendingDisruption {
        int id = 0;
        std::vector<std::string> what;
        int fromVersion = 0;
    };
    const std::vector<PendingDisruption> &pendingDisruptions() const { return pending_; }
    // For ApplyDisruption only: a number of its own, and its redo and undo.
    static int nextDisruptionId();
    void disruptionApplied(PendingDisruption disruption);
    void disruptionUndone(int id);

    // What the solver proved of `plan` (its status and bound) for the
    // scenario `solved`: saved with the plan while both are unchanged, and
    // dropped from what is saved as soon as either differs.
    void recordProof(const Scenario &solved, const Plan &plan);
    // The plan record as it stands (what saving stores under `name`): the
    // deployments with their figures; infeasible, with the first violation
    // as its reason, when they break a hard constraint; the proven status
    // and bound while the deployments and the scenario are the ones proved,
    // else feasible without a bound.
    Plan plan(const std::string &name) const;
    Plan plan() const { return plan(scenario().name); }

    // --- For undo commands only ------------------------------------------------
    void replaceDeployment(std::size_t at, const Deployment &deployment);
    void insertDeployment(std::size_t at, const Deployment &deployment);
    void removeDeployment(std::size_t at);
    void setDeployments(std::vector<Deployment> deployments);
    void setPins(std::vector<Pin> pins);
    void setLastSolved(std::vector<Deployment> deployments);
    // The whole scenario and plan replaced (a reload, or undoing or redoing a
    // re-apply): replaced() then changed() are emitted.
    void replaceAll(const PlanState &state);
    // An officer, team, hotspot or van replaced (a data editor's edit).
    template <class Record> void replaceRecord(std::size_t row, const Record &record)
    {
        data_.edit([&](Scenario &s) { recordsOf<Record>(s).at(row) = record; });
        recordsEdited(RecordList<Record>::kList, row);
    }
    // An officer or van added at `row` or removed (the data editors' Add and
    // Delete): the list's models reset around it.
    template <class Record> void insertRecord(std::size_t row, const Record &record)
    {
        emit recordsAboutToResize(static_cast<int>(RecordList<Record>::kList));
        data_.edit([&](Scenario &s) {
            auto &list = recordsOf<Record>(s);
            list.insert(list.begin() + static_cast<std::ptrdiff_t>(row), record);
        });
        emit recordsResized(static_cast<int>(RecordList<Record>::kList));
        recordsEdited(RecordList<Record>::kList, row);
    }
    template <class Record> void removeRecord(std::size_t row)
    {
        emit recordsAboutToResize(static_cast<int>(RecordList<Record>::kList));
        data_.edit([&](Scenario &s) {
            auto &list = recordsOf<Record>(s);
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(row));
        });
        emit recordsResized(static_cast<int>(RecordList<Record>::kList));
        recordsEdited(RecordList<Record>::kList, row);
    }

signals:
    // After any change: the deployments, the pins or the validation.
    void changed();
    // A record of a list (ListKind as int) changed (then changed() follows).
    void recordChanged(int list, int row);
    // A list is about to get a record more or fewer, and has (then
    // recordChanged() and changed() follow).
    void recordsAboutToResize(int list);
    void recordsResized(int list);
    // Authorisations, outcomes or records changed.
    void accountabilityChanged();
    // The last published version is another (changesSincePublished() too).
    void publishedChanged();
    // The whole scenario is about to be replaced (a reload, or undoing or
    // redoing a re-apply): models of it begin a reset, which ends at the
    // changed() that follows replaced().
    void aboutToReplace();
    // The whole scenario was replaced (its lists may have other lengths):
    // views of it rebuild. changed() follows.
    void replaced();

private:
    void revalidate();
    // changesSincePublished() for the deployments and the version now.
    void compareWithPublished();
    // Saved: these disruptions are recorded (those undone meanwhile were not pending).
    void forgetRecorded(const std::vector<int> &ids);
    void recordsEdited(ListKind list, std::size_t row);
    // Refuses a write (ConflictError) when the store expects another
    // revision than `revision` (the one the document's base was read at: a
    // read elsewhere moved it on), or the scenario is gone.
    static void checkRevision(Storage &store, const std::string &name, std::optional<std::int64_t> revision);
    void checkRevision() const { checkRevision(*store_, scenario().name, revision_); }
    void takeAccountability(std::vector<Authorisation> authorisations, std::vector<DeploymentRecord> records);

    std::unique_ptr<Storage> store_;
    IndexedScenario data_; // the scenario and its index
    std::vector<Deployment> deployments_;
    std::vector<Deployment> lastSolved_;
    // The last proof (a solve, or a loaded plan's status and bound).
    struct Proof {
        Scenario scenario; // as solved
        Plan plan;         // as proved
    };
    std::optional<Proof> proof_;
    ValidationReport report_;
    QUndoStack undo_;
    std::vector<Authorisation> authorisations_;
    std::vector<DeploymentRecord> records_;
    std::map<std::string, HistoryValue> history_;
    PlanState base_;
    std::optional<std::int64_t> revision_; // the store's revision of base_
    bool hasSavedPlan_ = false;
    std::optional<PublishedVersion> published_;
    std::string publishedProblem_;
    PlanChanges sincePublished_;
    std::vector<int> changeOf_; // per deployment: its change in sincePublished_, or -1
    std::vector<PendingDisruption> pending_;
};

} // namespace lfr::ui
