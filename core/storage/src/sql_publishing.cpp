// SqlStorage: the published versions of a scenario's plan (issue 20;
// docs/publishing.md). The database keeps them: each dialect's triggers
// number them, refuse a change or a removal and write the audit entry
// (schema_sqlite.h, schema_postgres_v7.h); this file reads and inserts.
#include "sql_read.h"
#include "sql_storage_impl.h"

#include "lfrplan/objective.h"
#include "lfrplan/plan_io.h"

#include <utility>

namespace lfr {

using sql::Statement;
using sql::Transaction;
using store::scenarioLabel;

namespace {

std::vector<PublishedVersion> readVersions(const SqlStorage::Impl &impl, std::int64_t id, std::string_view scenario,
                                           bool lastOnly)
{
    Statement stmt = impl.prepare(std::string("SELECT version, published_at, published_by, plan FROM "
                                              "published_plans WHERE scenario_id = ? ORDER BY version") +
                                  (lastOnly ? " DESC LIMIT 1" : ""));
    stmt.bind(1, id);
    std::vector<PublishedVersion> out;
    while (stmt.step()) {
        PublishedVersion v;
        v.version = static_cast<int>(stmt.int64(0));
        v.publishedAt = stmt.string(1);
        v.publishedBy = stmt.string(2);
        try {
            v.plan = readPlan(stmt.string(3));
        } catch (const std::exception &error) {
            throw StorageError(impl.where() + ": " + scenarioLabel(scenario) + ": published version " +
                               std::to_string(v.version) + " cannot be read: " + error.what());
        }
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace

PublishedVersion SqlStorage::publishPlan(std::string_view scenario, const Plan &plan)
{
    if (plan.scenario != scenario)
        throw StorageError(impl_->where() + ": the plan is for " + scenarioLabel(plan.scenario) + ", not " +
                           scenarioLabel(scenario));
    const std::string what = "publish the plan of " + scenarioLabel(scenario);
    impl_->refuseIfReadOnly(what);
    if (const Permissions may = permissions(); !may.editPlans)
        throw StorageError(impl_->where() + ": cannot " + what + ": the login " + actor() +
                           " may not save or publish plans (" + may.role + ")");
    return impl_->retrying(what, [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        const Impl::Locked locked = impl_->lockForChange(scenario);
        const std::optional<Plan> saved = sql::readPlan(impl_->db(), locked.id, scenario);
        if (!saved)
            throw StorageError(impl_->where() + ": cannot " + what + ": it has no saved plan");
        if (saved->deployments != plan.deployments)
            throw StorageError(impl_->where() + ": cannot " + what +
                               ": the saved plan is not the one given (it changed since it was read); nothing "
                               "was published");
        const auto last = readVersions(*impl_, locked.id, scenario, true);
        if (!last.empty() && last.front().plan.deployments == plan.deployments)
            throw StorageError(impl_->where() + ": cannot " + what +
                               ": its deployments and crews are those of "
                               "published version " +
                               std::to_string(last.front().version) + "; nothing was published");
        const int next = last.empty() ? 1 : last.front().version + 1;
        Statement insert = impl_->prepare("INSERT INTO published_plans (scenario_id, version, published_at, "
                                          "published_by, plan) VALUES (?, ?, " +
                                          impl_->now() + ", ?, ?)");
        insert.bind(1, locked.id);
        insert.bind(2, next);
        insert.bindText(3, impl_->actorName());
        // The version as the officers are told it: with its figures (a plan
        // saved without them, as some stores hold, gets them here) so that
        // every published version reads back as a plan file.
        Plan frozen = *saved;
        if (frozen.status != PlanStatus::Infeasible && !frozen.figures)
            frozen.figures = evaluate(sql::readScenario(impl_->db(), locked.id), frozen.deployments).figures();
        if (frozen.status == PlanStatus::Optimal && !frozen.bound)
            frozen.status = PlanStatus::Feasible;
        insert.bindCopy(4, writePlan(frozen));
        insert.run();
        // As the database stamped it (on PostgreSQL the server numbers it
        // and names the login).
        auto stored = readVersions(*impl_, locked.id, scenario, true);
        write.commit();
        return std::move(stored.front());
    });
}

void SqlStorage::saveDisruption(const Scenario &disrupted, const std::vector<std::string> &what, int fromVersion,
                                const Plan &plan)
{
    const std::string &name = disrupted.name;
    if (plan.scenario != name)
        throw StorageError(impl_->where() + ": the plan is for " + scenarioLabel(plan.scenario) + ", not " +
                           scenarioLabel(name));
    const std::string task = "record the disruption of " + scenarioLabel(name);
    impl_->refuseIfReadOnly(task);
    const auto [revision, seq] = impl_->retrying(task, [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        const Impl::Locked locked = impl_->lockForChange(name);
        const Scenario before = sql::readScenario(impl_->db(), locked.id);
        if (before.policy != disrupted.policy)
            throw StorageError(impl_->where() + ": cannot " + task +
                               ": a disruption does not change the policy; nothing was changed");
        const std::optional<Plan> planBefore = sql::readPlan(impl_->db(), locked.id, name);
        // The revision first: on PostgreSQL the server refuses a change to
        // a scenario's rows in a transaction that has not raised it.
        const std::int64_t next = impl_->bumpRevision(locked.id, locked.revision);
        impl_->audit("scenario.disruption", name, nullptr,
                     nlohmann::json{{"disruption", what}, {"replanned_from_version", fromVersion}});
        if (before != disrupted) {
            sql::deleteScenarioData(impl_->db(), locked.id);
            writeScenarioRows(impl_->db(), impl_->where() + ": " + task, locked.id, disrupted);
            impl_->auditScenarioChange(before, disrupted);
        }
        impl_->writePlan(locked.id, plan);
        impl_->auditPlanChange(name, planBefore, plan);
        const std::int64_t last = impl_->lastAuditSeq();
        write.commit();
        return std::pair{next, last};
    });
    impl_->rememberRevision(name, revision, seq);
}

std::vector<PublishedVersion> SqlStorage::publishedVersions(std::string_view scenario)
{
    Transaction read(impl_->db(), sql::TxKind::Read);
    auto out = readVersions(*impl_, impl_->requireScenario(scenario), scenario, false);
    read.commit();
    return out;
}

std::optional<PublishedVersion> SqlStorage::lastPublished(std::string_view scenario)
{
    Transaction read(impl_->db(), sql::TxKind::Read);
    auto out = readVersions(*impl_, impl_->requireScenario(scenario), scenario, true);
    read.commit();
    if (out.empty())
        return std::nullopt;
    return std::move(out.front());
}

} // namespace lfr
