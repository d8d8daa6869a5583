// Reading cbc's solution of the LP model back as a plan (lp_export.h).
#include "lfrplan/lp_export.h"

#include "lfrplan/objective.h"
#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>
#include <system_error>
#include <tuple>
#include <unordered_map>

namespace lfr {

namespace {

using Kind = LpVariable::Kind;

// Values this close to an integer count as that integer.
constexpr double kIntegrality = 1e-6;

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::vector<std::string_view> splitWords(std::string_view line)
{
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            ++i;
        if (i > start)
            words.push_back(line.substr(start, i - start));
    }
    return words;
}

std::optional<double> parseNumber(std::string_view text)
{
    double value = 0.0;
    const char *end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (result.ec != std::errc() || result.ptr != end)
        return std::nullopt;
    return value;
}

CbcStatus statusOf(std::string_view line)
{
    if (startsWith(line, "Optimal"))
        return CbcStatus::Optimal;
    if (startsWith(line, "Infeasible") || startsWith(line, "Integer infeasible"))
        return CbcStatus::Infeasible;
    if (startsWith(line, "Stopped"))
        return CbcStatus::Stopped;
    if (startsWith(line, "Unbounded") || startsWith(line, "Integer unbounded"))
        return CbcStatus::Unbounded;
    return CbcStatus::Unknown;
}

// Why the model has no solution, in a planner's words where the model knows
// (pins it could not even express), else in cbc's.
std::string infeasibleReason(const Scenario &scenario, const LpModel &model, const CbcSolution &solution)
{
    const ScenarioIndex index(scenario);
    std::string pins;
    for (std::size_t p = 0; p < scenario.pinned.size(); ++p) {
        const std::string row = "pin" + std::to_string(p + 1) + "_unmet";
        if (std::any_of(model.rows.begin(), model.rows.end(), [&row](const LpRow &r) { return r.name == row; }))
            pins += (pins.empty() ? "" : "; ") +
                    ("pin " + std::to_string(p + 1) + " (" + index.describe(scenario.pinned[p]) + ")");
    }
    std::string reason = "cbc proved that no plan keeps every hard constraint (\"" + solution.statusLine + "\")";
    if (!pins.empty())
        reason += "; no deployment can meet " + pins +
                  " (window, date or van not available, an officer not qualified or not on a covering shift, or "
                  "a slot pinned twice)";
    else if (!scenario.pinned.empty())
        reason += "; the " + std::to_string(scenario.pinned.size()) + " pins cannot all be kept together";
    return reason;
}

} // namespace

CbcSolution parseCbcSolution(std::string_view text)
{
    CbcSolution solution;
    std::size_t pos = 0;
    bool first = true;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (first) {
            first = false;
            solution.statusLine = std::string(line);
            solution.status = statusOf(line);
            const std::size_t at = line.find("objective value");
            if (solution.status == CbcStatus::Unknown && at == std::string_view::npos)
                throw std::runtime_error("not a cbc solution file: the first line is \"" + std::string(line) + "\"");
            if (at != std::string_view::npos) {
                const std::vector<std::string_view> words = splitWords(line.substr(at + 15));
                if (!words.empty())
                    solution.objective = parseNumber(words.front());
            }
            continue;
        }
        std::vector<std::string_view> words = splitWords(line);
        if (words.empty())
            continue;
        if (words.front() == "**") // cbc marks values outside their bounds
            words.erase(words.begin());
        if (words.size() < 3)
            throw std::runtime_error("not a cbc solution line: \"" + std::string(line) + "\"");
        const std::optional<double> value = parseNumber(words[2]);
        if (!value)
            throw std::runtime_error("not a number in cbc solution line: \"" + std::string(line) + "\"");
        solution.values.emplace_back(std::string(words[1]), *value);
    }
    if (first)
        throw std::runtime_error("not a cbc solution file: it is empty");
    return solution;
}

Plan planFromLpSolution(const Scenario &scenario, std::string_view cbcSolutionText)
{
    const CbcSolution solution = parseCbcSolution(cbcSolutionText);
    const LpModel model = buildLpModel(scenario);
    Plan plan;
    plan.scenario = scenario.name;
    if (solution.status == CbcStatus::Infeasible) {
        plan.status = PlanStatus::Infeasible;
        plan.reason = infeasibleReason(scenario, model, solution);
        return plan;
    }
    const bool noIncumbent = !solution.objective || std::abs(*solution.objective) >= 1e49;
    if (solution.status == CbcStatus::Unbounded || solution.status == CbcStatus::Unknown ||
        (solution.status == CbcStatus::Stopped && solution.values.empty() && noIncumbent))
        throw std::runtime_error("cbc found no plan: \"" + solution.statusLine + "\"");

    std::unordered_map<std::string_view, std::size_t> byName;
    for (std::size_t i = 0; i < model.variables.size(); ++i)
        byName.emplace(model.variables[i].name, i);

    using SlotKey = std::tuple<std::size_t, std::size_t, std::size_t>; // date, window, hotspot
    struct Chosen {
        bool deployed = false;
        std::vector<std::size_t> vans;
        std::vector<std::pair<std::string, std::size_t>> crew; // role id, officer
    };
    std::map<SlotKey, Chosen> chosen;
    for (const auto &[name, value] : solution.values) {
        const auto it = byName.find(name);
        if (it == byName.end())
            throw std::runtime_error("cbc's solution names \"" + name + "\", which is not a variable of the model");
        const LpVariable &v = model.variables[it->second];
        if (v.binary && std::abs(value - std::round(value)) > kIntegrality)
            throw std::runtime_error("cbc's solution gives the binary " + name + " the value " + std::to_string(value));
        if (!v.binary || value < 0.5)
            continue;
        const SlotKey key{v.date, v.window, v.hotspot};
        switch (v.kind) {
        case Kind::Slot:
            chosen[key].deployed = true;
            break;
        case Kind::Van:
            chosen[key].vans.push_back(v.van);
            break;
        case Kind::Crew:
            chosen[key].crew.emplace_back(scenario.roles[v.role].id, v.officer);
            break;
        case Kind::DayUsed:
        case Kind::Position:
        case Kind::Never:
            break;
        }
    }

    for (auto &[key, slot] : chosen) {
        const auto [d, w, h] = key;
        const std::string where =
            scenario.hotspots[h].id + " " + formatDate(scenario.dates[d]) + " " + scenario.windows[w].id;
        if (!slot.deployed && slot.vans.empty() && slot.crew.empty())
            continue;
        if (!slot.deployed || slot.vans.size() != 1)
            throw std::runtime_error("cbc's solution does not choose exactly one van for " + where);
        Deployment deployment;
        deployment.date = scenario.dates[d];
        deployment.window = scenario.windows[w].id;
        deployment.hotspot = scenario.hotspots[h].id;
        deployment.van = scenario.vans[slot.vans.front()].id;
        std::sort(slot.crew.begin(), slot.crew.end());
        for (const auto &[role, officer] : slot.crew)
            deployment.crew.push_back(CrewAssignment{scenario.officers[officer].id, role});
        plan.deployments.push_back(std::move(deployment));
    }

    const Evaluation evaluation = evaluate(scenario, plan.deployments);
    plan.figures = evaluation.figures();
    plan.status = PlanStatus::Feasible;
    if (solution.status == CbcStatus::Optimal && solution.objective &&
        objectivesTie(*solution.objective, evaluation.objective)) {
        plan.status = PlanStatus::Optimal;
        plan.bound = std::max(*solution.objective, evaluation.objective);
    }
    return plan;
}

} // namespace lfr
