#include "lfrplan/plan_io.h"

#include "json_fields.h"
#include "lfrplan/scenario_io.h"

#include <new>

namespace lfr {

using namespace jsonfields;

namespace {

std::optional<double> nullableNumber(const json &object, const std::string &key)
{
    const json &value = member(object, "", key);
    if (value.is_null())
        return std::nullopt;
    return asNumber(value, key);
}

Deployment readDeployment(const json &value, const std::string &path)
{
    requireObject(value, path);
    Deployment d;
    d.date = asDate(member(value, path, "date"), jsonPathKey(path, "date"));
    d.window = asId(member(value, path, "window"), jsonPathKey(path, "window"));
    d.hotspot = asId(member(value, path, "hotspot"), jsonPathKey(path, "hotspot"));
    d.van = asId(member(value, path, "van"), jsonPathKey(path, "van"));
    const std::string crewPath = jsonPathKey(path, "crew");
    const json &crew = member(value, path, "crew");
    requireArray(crew, crewPath);
    for (std::size_t i = 0; i < crew.size(); ++i) {
        const std::string itemPath = jsonPathIndex(crewPath, i);
        requireObject(crew[i], itemPath);
        CrewAssignment a;
        a.officer = asId(member(crew[i], itemPath, "officer"), jsonPathKey(itemPath, "officer"));
        a.role = asId(member(crew[i], itemPath, "role"), jsonPathKey(itemPath, "role"));
        d.crew.push_back(std::move(a));
    }
    return d;
}

} // namespace

Plan readPlan(std::string_view text)
{
    json root = parseJsonStrict(text);
    const JsonReleaser release(root); // frees it without allocating, even after std::bad_alloc
    requireObject(root, "");
    Plan plan;
    const std::string format = asString(member(root, "", "format"), "format");
    if (format != kPlanFormat)
        fail("format", "must be \"" + std::string(kPlanFormat) + "\", not " + quotedText(format));
    plan.scenario = asName(member(root, "", "scenario"), "scenario");
    const std::string status = asString(member(root, "", "status"), "status");
    const auto parsedStatus = parsePlanStatus(status);
    if (!parsedStatus)
        fail("status", "unknown status " + quotedText(status) + " (optimal, feasible or infeasible)");
    plan.status = *parsedStatus;
    const auto objective = nullableNumber(root, "objective");
    const auto value = nullableNumber(root, "value");
    const auto travelPenalty = nullableNumber(root, "travel_penalty");
    plan.bound = nullableNumber(root, "bound");
    plan.reason = optionalText(root, "", "reason");
    const json &deployments = member(root, "", "deployments");
    requireArray(deployments, "deployments");
    for (std::size_t i = 0; i < deployments.size(); ++i)
        plan.deployments.push_back(readDeployment(deployments[i], jsonPathIndex("deployments", i)));

    if (plan.status == PlanStatus::Infeasible) {
        if (!plan.deployments.empty())
            fail("deployments", "an infeasible plan has no deployments");
        if (objective || value || travelPenalty)
            fail("objective", "an infeasible plan has null objective, value and travel_penalty");
        if (!plan.reason || plan.reason->empty())
            fail("reason", "an infeasible plan must say why in \"reason\"");
    } else {
        if (!objective)
            fail("objective", "must be a number for a " + status + " plan");
        if (!value)
            fail("value", "must be a number for a " + status + " plan");
        if (!travelPenalty)
            fail("travel_penalty", "must be a number for a " + status + " plan");
        plan.figures = ObjectiveFigures{*value, *travelPenalty, *objective};
    }
    if (plan.status == PlanStatus::Optimal && !plan.bound)
        fail("bound", "an optimal plan must give its proven bound");
    if (const json *stability = optionalMember(root, "stability"); stability && !stability->is_null()) {
        requireObject(*stability, "stability");
        checkKeys(*stability, "stability", {"from_version", "published", "kept", "crew_places_changed", "proven"});
        Stability st;
        st.fromVersion = asCount(member(*stability, "stability", "from_version"), "stability.from_version");
        st.published =
            static_cast<std::size_t>(asCount(member(*stability, "stability", "published"), "stability.published"));
        st.kept = static_cast<std::size_t>(asCount(member(*stability, "stability", "kept"), "stability.kept"));
        st.crewPlacesChanged = static_cast<std::size_t>(
            asCount(member(*stability, "stability", "crew_places_changed"), "stability.crew_places_changed"));
        const json &proven = member(*stability, "stability", "proven");
        if (!proven.is_boolean())
            fail("stability.proven", "must be true or false, not " + typeName(proven));
        st.proven = proven.get<bool>();
        if (st.fromVersion < 1)
            fail("stability.from_version", "published versions count from 1");
        if (st.kept > st.published)
            fail("stability.kept", "more deployments kept than were published");
        plan.stability = st;
    }
    return plan;
}

Plan readPlanFile(const std::filesystem::path &path)
{
    const std::string text = readTextFile(path);
    try {
        return readPlan(text);
    } catch (const InputError &e) {
        throw InputError(path.string() + ": " + e.where(), e.detail());
    } catch (const std::bad_alloc &) {
        throw InputError(path.string(), "out of memory while reading: the file is too large for this machine's memory");
    }
}

json planToJson(const Plan &plan)
{
    auto nullable = [](const std::optional<double> &v) { return v ? json(*v) : json(nullptr); };
    auto figure = [&](double ObjectiveFigures::*member) {
        return plan.figures ? json((*plan.figures).*member) : json(nullptr);
    };
    json deployments = json::array();
    for (const Deployment &d : plan.deployments) {
        json crew = json::array();
        for (const CrewAssignment &a : d.crew)
            crew.push_back({{"officer", a.officer}, {"role", a.role}});
        deployments.push_back({{"date", formatDate(d.date)},
                               {"window", d.window},
                               {"hotspot", d.hotspot},
                               {"van", d.van},
                               {"crew", std::move(crew)}});
    }
    json out{{"format", std::string(kPlanFormat)},
             {"scenario", plan.scenario},
             {"status", std::string(planStatusName(plan.status))},
             {"objective", figure(&ObjectiveFigures::objective)},
             {"value", figure(&ObjectiveFigures::value)},
             {"travel_penalty", figure(&ObjectiveFigures::travelPenalty)},
             {"bound", nullable(plan.bound)},
             {"deployments", std::move(deployments)}};
    if (plan.reason)
        out["reason"] = *plan.reason;
    if (plan.stability)
        out["stability"] = {{"from_version", plan.stability->fromVersion},
                            {"published", plan.stability->published},
                            {"kept", plan.stability->kept},
                            {"crew_places_changed", plan.stability->crewPlacesChanged},
                            {"proven", plan.stability->proven}};
    return out;
}

std::string writePlan(const Plan &plan) { return planToJson(plan).dump(2) + "\n"; }

} // namespace lfr
