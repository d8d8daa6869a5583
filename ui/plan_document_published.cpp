// PlanDocument: the last published version of its plan and what the plan
// on the board changed since (issue 20; docs/publishing.md).
#include "plan_document.h"

#include "lfrplan/errors.h"

#include <map>
#include <tuple>

namespace lfr::ui {

namespace {

using Key = std::tuple<Date, std::string, std::string>; // date, window, hotspot: as comparePlans keys them

Key changeKey(const Deployment &d) { return {d.date, d.window, d.hotspot}; }

} // namespace

void PlanDocument::compareWithPublished()
{
    changeOf_.assign(deployments_.size(), -1);
    if (!published_) {
        sincePublished_ = {};
        return;
    }
    sincePublished_ = comparePlans(published_->plan.deployments, deployments_);
    std::map<Key, int> changed;
    for (std::size_t c = 0; c < sincePublished_.deployments.size(); ++c)
        if (const auto &current = sincePublished_.deployments[c].current)
            changed[changeKey(*current)] = static_cast<int>(c);
    for (std::size_t d = 0; d < deployments_.size(); ++d)
        if (const auto it = changed.find(changeKey(deployments_[d])); it != changed.end())
            changeOf_[d] = it->second;
}

const DeploymentChange *PlanDocument::publishedChangeOf(std::size_t deployment) const
{
    if (deployment >= changeOf_.size() || changeOf_[deployment] < 0)
        return nullptr;
    return &sincePublished_.deployments[static_cast<std::size_t>(changeOf_[deployment])];
}

std::optional<std::size_t> PlanDocument::deploymentOf(const DeploymentChange &change) const
{
    if (!change.current)
        return std::nullopt;
    const Key key = changeKey(*change.current);
    for (std::size_t d = 0; d < deployments_.size(); ++d)
        if (changeKey(deployments_[d]) == key)
            return d;
    return std::nullopt;
}

void PlanDocument::setPublished(std::optional<PublishedVersion> version, std::string problem)
{
    published_ = std::move(version);
    publishedProblem_ = std::move(problem);
    compareWithPublished();
    emit publishedChanged();
}

PlanDocument::PublishJob PlanDocument::publishJob() const
{
    if (!store_)
        throw InputError({}, "this scenario is not in a database: only a stored plan is published");
    if (!undo_.isClean())
        throw InputError({}, "the plan has unsaved changes: publishing publishes the saved plan, so save first");
    if (!hasSavedPlan_)
        throw InputError({}, "the scenario has no saved plan to publish (solve it and save first)");
    return PublishJob{store_.get(), scenario().name, deployments_, revision_};
}

PublishedVersion PlanDocument::publish(const PublishJob &job)
{
    // Refused as a conflict when the scenario changed since the board read
    // it; the saved plan must still be the board's (publishSavedPlan).
    checkRevision(*job.store, job.scenario, job.revision);
    return publishSavedPlan(*job.store, job.scenario, job.saved);
}

} // namespace lfr::ui
