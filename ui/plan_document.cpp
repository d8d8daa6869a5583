#include "plan_document.h"

#include "lfrplan/errors.h"
#include "lfrplan/objective.h"

#include <algorithm>

namespace lfr::ui {

PlanDocument::PlanDocument(Scenario scenario, std::vector<Deployment> deployments, QObject *parent)
    : QObject(parent), scenario_(std::move(scenario)), deployments_(std::move(deployments))
{
    index_ = std::make_unique<ScenarioIndex>(scenario_);
    revalidate();
}

PlanDocument::PlanDocument(std::unique_ptr<Storage> store, const std::string &name, QObject *parent)
    : QObject(parent), store_(std::move(store))
{
    scenario_ = store_->loadScenario(name);
    if (const auto plan = store_->loadPlan(name)) {
        deployments_ = plan->deployments;
        lastSolved_ = plan->deployments;
    }
    index_ = std::make_unique<ScenarioIndex>(scenario_);
    revalidate();
    reloadAccountability();
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
    store_->saveAuthorisation(scenario_.name, record);
    reloadAccountability(); // a closed deployment joins the records and the history
}

void PlanDocument::reloadAccountability()
{
    if (!store_)
        return;
    authorisations_ = store_->loadAuthorisations(scenario_.name);
    records_ = accountedRecords(*store_);
    history_ = historyValues(scenario_, records_);
    emit accountabilityChanged();
}

QString PlanDocument::location() const { return store_ ? QString::fromStdString(store_->location()) : QString(); }

void PlanDocument::save()
{
    if (!store_)
        throw StorageError("this scenario is not in a database: use File > Save As");
    store_->importScenario(scenario_, ImportMode::Replace); // the pins are part of the scenario
    Plan plan;
    plan.scenario = scenario_.name;
    plan.deployments = deployments_;
    plan.value = report_.evaluation.value;
    plan.travelPenalty = report_.evaluation.travelPenalty;
    plan.objective = report_.evaluation.objective;
    plan.status = PlanStatus::Feasible;
    if (!report_.valid()) {
        plan.status = PlanStatus::Infeasible;
        plan.reason = report_.violations.front().message;
    }
    store_->savePlan(scenario_.name, plan);
    undo_.setClean();
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
    for (std::size_t p = 0; p < scenario_.pinned.size(); ++p) {
        const Pin &pin = scenario_.pinned[p];
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
    scenario_.pinned = std::move(pins);
    index_ = std::make_unique<ScenarioIndex>(scenario_);
    revalidate();
}

void PlanDocument::setLastSolved(std::vector<Deployment> deployments)
{
    lastSolved_ = std::move(deployments);
    emit changed();
}

void PlanDocument::recordsEdited(ListKind list, std::size_t row)
{
    index_ = std::make_unique<ScenarioIndex>(scenario_);
    if (list == ListKind::Hotspots) // the suggestions scale with the hotspots' values
        history_ = historyValues(scenario_, records_);
    emit recordChanged(static_cast<int>(list), static_cast<int>(row));
    revalidate();
}

void PlanDocument::revalidate()
{
    report_ = validatePlan(*index_, deployments_);
    emit changed();
}

} // namespace lfr::ui
