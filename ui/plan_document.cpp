#include "plan_document.h"

#include "lfrplan/errors.h"
#include "lfrplan/objective.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <algorithm>

namespace lfr::ui {

namespace {

// Re-applying my edits onto a reloaded version: one undoable step, so that
// undo shows the stored version as it was reloaded.
class ReapplyMyChanges : public QUndoCommand {
public:
    ReapplyMyChanges(PlanDocument *document, PlanState before, PlanState after, std::size_t changes)
        : document_(document), before_(std::move(before)), after_(std::move(after))
    {
        setText(QCoreApplication::translate("ReapplyMyChanges", "Re-apply my %n change(s)", nullptr,
                                            static_cast<int>(changes)));
    }
    void redo() override { document_->replaceAll(after_); }
    void undo() override { document_->replaceAll(before_); }

private:
    PlanDocument *document_;
    PlanState before_, after_;
};

} // namespace

PlanDocument::PlanDocument(Scenario initial, std::vector<Deployment> deployments, QObject *parent)
    : QObject(parent), data_(std::move(initial)), deployments_(std::move(deployments))
{
    base_ = PlanState{scenario(), deployments_};
    revalidate();
}

PlanDocument::Stored PlanDocument::read(Storage &store, const std::string &name)
{
    Stored stored;
    stored.scenario = store.loadScenario(name);
    stored.plan = store.loadPlan(name);
    // Before anything else reads the store (accountedRecords() loads
    // scenarios, which would move what it expects on).
    stored.revision = store.expectedRevision(name);
    stored.authorisations = store.loadAuthorisations(name);
    stored.records = accountedRecords(store);
    try {
        stored.published = store.lastPublished(name);
    } catch (const std::exception &e) {
        // The scenario opens; the changes view says why it has no marks.
        stored.publishedProblem = e.what();
    }
    return stored;
}

PlanDocument::PlanDocument(std::unique_ptr<Storage> store, const std::string &name, QObject *parent)
    : PlanDocument(
          [&] {
              Stored stored = read(*store, name);
              return Opened{std::move(store), std::move(stored)};
          }(),
          parent)
{
}

PlanDocument::PlanDocument(Opened opened, QObject *parent) : QObject(parent), store_(std::move(opened.store))
{
    Stored &stored = opened.stored;
    data_.replace(std::move(stored.scenario));
    if (stored.plan) {
        deployments_ = stored.plan->deployments;
        lastSolved_ = stored.plan->deployments;
        recordProof(scenario(), *stored.plan);
    }
    revision_ = stored.revision;
    base_ = PlanState{scenario(), deployments_};
    hasSavedPlan_ = stored.plan.has_value();
    published_ = std::move(stored.published);
    publishedProblem_ = std::move(stored.publishedProblem);
    revalidate();
    takeAccountability(std::move(stored.authorisations), std::move(stored.records));
}

PlanDocument::~PlanDocument() = default;

const Authorisation *PlanDocument::authorisationOf(const Deployment &deployment) const
{
    const DeploymentKey key = keyOf(deployment);
    for (const Authorisation &a : authorisations_)
        if (a.deployment == key)
            return &a;
    return nullptr;
}

void PlanDocument::saveAuthorisation(const Authorisation &record)
{
    if (!store_)
        throw StorageError("this scenario is not in a database: authorisations are kept in one");
    try {
        store_->saveAuthorisation(scenario().name, record);
    } catch (const ConflictError &) {
        reloadAccountability(); // show what is stored now; the message says what changed
        throw;
    }
    reloadAccountability(); // a closed deployment joins the records and the history
}

void PlanDocument::reloadAccountability()
{
    if (!store_)
        return;
    auto authorisations = store_->loadAuthorisations(scenario().name);
    takeAccountability(std::move(authorisations), accountedRecords(*store_));
}

void PlanDocument::takeAccountability(std::vector<Authorisation> authorisations, std::vector<DeploymentRecord> records)
{
    authorisations_ = std::move(authorisations);
    records_ = std::move(records);
    history_ = historyValues(scenario(), records_);
    emit accountabilityChanged();
}

QString PlanDocument::location() const { return store_ ? QString::fromStdString(store_->location()) : QString(); }

Plan PlanDocument::plan(const std::string &name) const
{
    Plan out;
    out.scenario = name;
    out.deployments = deployments_;
    out.figures = report_.evaluation.figures();
    out.status = PlanStatus::Feasible;
    if (!report_.valid()) {
        out.status = PlanStatus::Infeasible;
        out.reason = report_.violations.front().message;
        return out;
    }
    // What the solver proved holds only for the plan and data it solved (a
    // save under a new name changes only the name).
    if (proof_ && proof_->plan.deployments == deployments_) {
        Scenario mine = scenario();
        mine.name = proof_->scenario.name;
        if (mine == proof_->scenario) {
            out.status = proof_->plan.status;
            out.bound = proof_->plan.bound;
        }
    }
    return out;
}

void PlanDocument::recordProof(const Scenario &solved, const Plan &plan)
{
    if (plan.status == PlanStatus::Infeasible) {
        proof_.reset();
        return;
    }
    proof_ = Proof{solved, plan};
}

void PlanDocument::checkRevision(Storage &store, const std::string &name, std::optional<std::int64_t> revision)
{
    // A Replace import of a scenario renamed or deleted meanwhile would
    // store it again under the old name: refused here as the conflict it is.
    if (store.expectedRevision(name) == revision && store.hasScenario(name))
        return;
    std::int64_t found = 0;
    try {
        found = store.revision(name);
    } catch (const StorageError &) {
        found = 0; // renamed or deleted
    }
    const std::string had = std::to_string(revision.value_or(0));
    throw ConflictError(store.location() + ": scenario \"" + name + "\" was " +
                            (found == 0 ? "renamed or deleted since you read it (you had revision " + had + ")"
                                        : "changed since you read it (you had revision " + had +
                                              ", it is now at revision " + std::to_string(found) + ")") +
                            "; nothing of yours was saved. The audit trail says what changed.",
                        name, revision.value_or(0), found, {});
}

void PlanDocument::save()
{
    const SaveJob job = saveJob();
    saved(job, store(job));
}

PlanDocument::SaveJob PlanDocument::saveJob() const
{
    if (!store_)
        throw StorageError("this scenario is not in a database: use File > Save As");
    SaveJob job{store_.get(), scenario(), plan(), revision_, undo_.index(), {}, 0, {}};
    for (const PendingDisruption &d : pending_) {
        job.disruption.insert(job.disruption.end(), d.what.begin(), d.what.end());
        job.fromVersion = d.fromVersion; // the last one's: the re-plan on the board starts from it
        job.disruptionIds.push_back(d.id);
    }
    return job;
}

PlanDocument::SaveOutcome PlanDocument::store(const SaveJob &job)
{
    SaveOutcome outcome;
    try {
        const std::string &name = job.scenario.name;
        checkRevision(*job.store, name, job.revision);
        if (!job.disruption.empty()) {
            // The disrupted scenario and its re-plan in one transaction,
            // audited as "scenario.disruption" (docs/publishing.md).
            job.store->saveDisruption(job.scenario, job.disruption, job.fromVersion, job.plan);
            outcome.scenarioRevision = job.store->expectedRevision(name);
            outcome.planRevision = outcome.scenarioRevision;
            return outcome;
        }
        job.store->importScenario(job.scenario, ImportMode::Replace); // the pins are part of the scenario
        outcome.scenarioRevision = job.store->expectedRevision(name);
        job.store->savePlan(name, job.plan);
        outcome.planRevision = job.store->expectedRevision(name);
    } catch (...) {
        outcome.error = std::current_exception();
    }
    return outcome;
}

void PlanDocument::saved(const SaveJob &job, const SaveOutcome &outcome)
{
    // The scenario is stored: a refusal of the plan after it leaves it the base.
    if (outcome.scenarioRevision) {
        revision_ = outcome.scenarioRevision;
        base_.scenario = job.scenario;
    }
    if (outcome.planRevision) {
        revision_ = outcome.planRevision;
        base_.deployments = job.plan.deployments;
        hasSavedPlan_ = true;
        forgetRecorded(job.disruptionIds);
        if (undo_.index() == job.undoIndex) // else changed while it was being saved
            undo_.setClean();
    }
    if (outcome.error)
        std::rethrow_exception(outcome.error);
}

MergeResult PlanDocument::reload(Reload mode)
{
    if (!store_)
        throw StorageError("this scenario is not in a database: there is nothing to reload");
    return reload(read(*store_, scenario().name), mode);
}

MergeResult PlanDocument::reload(Stored stored, Reload mode)
{
    PlanState theirs;
    theirs.scenario = std::move(stored.scenario);
    if (stored.plan) {
        recordProof(theirs.scenario, *stored.plan);
        theirs.deployments = std::move(stored.plan->deployments);
    }
    const auto revision = stored.revision;
    // The published version first: every replace below compares with it.
    hasSavedPlan_ = stored.plan.has_value();
    published_ = std::move(stored.published);
    publishedProblem_ = std::move(stored.publishedProblem);
    MergeResult merged;
    if (mode == Reload::ReapplyMine)
        merged = reapplyChanges(base_, PlanState{scenario(), deployments_}, theirs);
    else
        merged = MergeResult{theirs, {}, 0};
    // Nothing below reads the store before the new base is taken.
    revision_ = revision;
    base_ = theirs;
    lastSolved_ = theirs.deployments;
    undo_.clear();    // its commands were made against the old version
    pending_.clear(); // their disruptions with them
    const bool mineDiffers = !(merged.merged == theirs);
    if (mineDiffers) {
        // Theirs, quietly: the command's first redo shows the merged version.
        emit aboutToReplace();
        data_.replace(theirs.scenario);
        deployments_ = theirs.deployments;
        undo_.push(new ReapplyMyChanges(this, theirs, merged.merged, merged.lines.size()));
    } else {
        replaceAll(theirs);
    }
    takeAccountability(std::move(stored.authorisations), std::move(stored.records));
    emit publishedChanged();
    return merged;
}

void PlanDocument::saveAsNew(const std::string &name)
{
    if (!store_)
        throw StorageError("this scenario is not in a database: there is nowhere to save it");
    Scenario copy = scenario();
    copy.name = name;
    store_->importScenario(copy, ImportMode::FailIfExists);
    // The scenario is stored under its new name: the document follows it
    // even if the plan is refused below (then saving again stores it).
    data_.rename(name);
    revision_ = store_->expectedRevision(name);
    base_ = PlanState{scenario(), {}};
    hasSavedPlan_ = false;
    published_.reset(); // a new scenario: nothing of it is published
    publishedProblem_.clear();
    compareWithPublished();
    emit publishedChanged();
    try {
        store_->savePlan(name, plan(name));
    } catch (...) {
        emit changed();
        throw;
    }
    revision_ = store_->expectedRevision(name);
    base_.deployments = deployments_;
    hasSavedPlan_ = true;
    pending_.clear(); // stored under the new name, as a scenario of its own: no disruption recorded
    undo_.setClean();
    reloadAccountability();
    emit changed();
}

std::string PlanDocument::notes() const
{
    if (!store_)
        return {};
    return store_->loadNotes(scenario().name);
}

void PlanDocument::saveNotes(const std::string &notes)
{
    if (!store_)
        throw StorageError("this scenario is not in a database: notes are kept in one");
    checkRevision();
    store_->saveNotes(scenario().name, notes);
    revision_ = store_->expectedRevision(scenario().name);
}

std::vector<const Violation *> PlanDocument::violationsOf(std::size_t deployment) const
{
    std::vector<const Violation *> out;
    for (const Violation &v : report_.violations)
        if (v.deployment == deployment ||
            std::find(v.deployments.begin(), v.deployments.end(), deployment) != v.deployments.end())
            out.push_back(&v);
    return out;
}

std::optional<std::size_t> PlanDocument::pinOf(const Deployment &d) const
{
    for (std::size_t p = 0; p < scenario().pinned.size(); ++p) {
        const Pin &pin = scenario().pinned[p];
        if (pin.hotspot == d.hotspot && pin.date == d.date && pin.window == d.window)
            return p;
    }
    return std::nullopt;
}

bool PlanDocument::changedSinceSolve(const Deployment &d) const
{
    if (lastSolved_.empty())
        return false;
    return std::none_of(lastSolved_.begin(), lastSolved_.end(), [&](const Deployment &s) {
        return s.hotspot == d.hotspot && s.date == d.date && s.window == d.window && s.van == d.van;
    });
}

void PlanDocument::replaceDeployment(std::size_t at, const Deployment &deployment)
{
    deployments_.at(at) = deployment;
    revalidate();
}

void PlanDocument::insertDeployment(std::size_t at, const Deployment &deployment)
{
    deployments_.insert(deployments_.begin() + static_cast<std::ptrdiff_t>(std::min(at, deployments_.size())),
                        deployment);
    revalidate();
}

void PlanDocument::removeDeployment(std::size_t at)
{
    deployments_.erase(deployments_.begin() + static_cast<std::ptrdiff_t>(at));
    revalidate();
}

void PlanDocument::setDeployments(std::vector<Deployment> deployments)
{
    deployments_ = std::move(deployments);
    revalidate();
}

void PlanDocument::setPins(std::vector<Pin> pins)
{
    data_.edit([&](Scenario &s) { s.pinned = std::move(pins); });
    revalidate();
}

void PlanDocument::setLastSolved(std::vector<Deployment> deployments)
{
    lastSolved_ = std::move(deployments);
    emit changed();
}

void PlanDocument::replaceAll(const PlanState &state)
{
    emit aboutToReplace();
    data_.replace(state.scenario);
    deployments_ = state.deployments;
    history_ = historyValues(scenario(), records_);
    report_ = validatePlan(index(), deployments_);
    compareWithPublished();
    emit replaced();
    emit changed();
}

void PlanDocument::recordsEdited(ListKind list, std::size_t row)
{
    if (list == ListKind::Hotspots) // the suggestions scale with the hotspots' values
        history_ = historyValues(scenario(), records_);
    emit recordChanged(static_cast<int>(list), static_cast<int>(row));
    revalidate();
}

void PlanDocument::revalidate()
{
    report_ = validatePlan(index(), deployments_);
    compareWithPublished();
    emit changed();
}

} // namespace lfr::ui
