// Publishing a plan and what changed since (issue 20; docs/publishing.md).
// A published version is the plan the officers were told; the changes of a
// plan against it are deployment by deployment, keyed by date, window and
// hotspot (the key of an authorisation record and of a calendar entry).
#pragma once

#include "lfrplan/errors.h"
#include "lfrplan/model.h"
#include "lfrplan/storage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

// One deployment's change between a published plan and another plan.
struct DeploymentChange {
    enum class Kind : std::uint8_t { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    std::optional<Deployment> published; // absent when added
    std::optional<Deployment> current;   // absent when removed
    bool vanChanged = false;
    // Crew places: (officer, role) pairs, by officer id.
    std::vector<CrewAssignment> joined; // in the current crew, not the published one
    std::vector<CrewAssignment> left;   // in the published crew, not the current one
    bool operator==(const DeploymentChange &) const = default;
};

struct PlanChanges {
    // By date, window and hotspot; unchanged deployments are left out.
    std::vector<DeploymentChange> deployments;
    bool empty() const { return deployments.empty(); }
    // Crew places changed: in a deployment kept, each officer who joined
    // (a place filled by someone else); in one added, its whole crew; in
    // one removed, none (docs/planning-problem.md, the stability objective).
    std::size_t crewPlacesChanged() const;
    std::size_t count(DeploymentChange::Kind kind) const;
};

// What changed from `published` to `current`.
PlanChanges comparePlans(const std::vector<Deployment> &published, const std::vector<Deployment> &current);

// "Sat 12 Dec" for 2026-12-12.
std::string shortDate(Date date);
// The deployment as a planner says it: "Oxford Circus, Sat 12 Dec, day"
// (the hotspot's and the window's names from the scenario, the ids when
// it has none).
std::string deploymentWords(const Scenario &scenario, const Deployment &d);
// Each change in a planner's words, one line each:
// "MP123456 replaces MP654321 in Oxford Circus, Sat 12 Dec, day",
// "added: Brixton, Mon 7 Dec, evening, van V2, crew of 8", ...
std::vector<std::string> describeChanges(const Scenario &scenario, const PlanChanges &changes);

// A saved plan that breaks a hard constraint is not published: the
// message lists every violation as validate words it.
class PublishRefused : public InputError {
public:
    PublishRefused(std::string where, const std::string &detail, std::size_t violations)
        : InputError(std::move(where), detail), violations_(violations)
    {
    }
    std::size_t violations() const noexcept { return violations_; }

private:
    std::size_t violations_;
};

// Publishes the scenario's saved plan: PublishRefused when it breaks a hard
// constraint, an InputError when there is none; otherwise
// storage.publishPlan() (its StorageErrors: unchanged since the last
// version, changed since read, not allowed).
PublishedVersion publishSavedPlan(Storage &storage, std::string_view scenario);
// The same, refused with a StorageError (nothing published) unless the
// saved plan's deployments are `expected`: what the caller showed as the
// saved plan (the desktop app publishes what its board shows, never a plan
// someone else saved since it read it).
PublishedVersion publishSavedPlan(Storage &storage, std::string_view scenario, const std::vector<Deployment> &expected);

} // namespace lfr
