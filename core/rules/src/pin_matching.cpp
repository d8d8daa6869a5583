#include "pin_matching.h"

#include "lfrplan/scenario_index.h"
#include "lfrplan/validator.h"

#include <algorithm>

namespace lfr {

// Maximum bipartite matching of pins to deployments by augmenting paths
// (Kuhn), iterative so that many pins cannot exhaust the stack. Pins are
// taken in order and a matched pin stays matched, so when pins compete
// for one deployment the earlier pin keeps it. Returns, per deployment,
// the pin it meets.
std::vector<std::optional<std::size_t>> matchPins(const std::vector<std::vector<std::size_t>> &edges,
                                                  std::size_t deployments)
{
    std::vector<std::optional<std::size_t>> pinOf(deployments);
    std::vector<std::size_t> visited(deployments, 0); // the last search (root + 1) that reached a deployment
    struct Frame {
        std::size_t pin;
        std::size_t next; // the next edge to try
    };
    std::vector<Frame> stack;
    std::vector<std::size_t> path; // path[i]: the deployment stack[i].pin takes if the search succeeds
    for (std::size_t root = 0; root < edges.size(); ++root) {
        stack.assign(1, Frame{root, 0});
        path.clear();
        while (!stack.empty()) {
            Frame &frame = stack.back();
            if (frame.next == edges[frame.pin].size()) {
                stack.pop_back();
                if (!path.empty())
                    path.pop_back();
                continue;
            }
            const std::size_t d = edges[frame.pin][frame.next++];
            if (visited[d] == root + 1)
                continue;
            visited[d] = root + 1;
            path.push_back(d);
            if (pinOf[d]) {
                stack.push_back(Frame{*pinOf[d], 0});
                continue;
            }
            for (std::size_t i = 0; i < stack.size(); ++i)
                pinOf[path[i]] = stack[i].pin;
            break;
        }
    }
    return pinOf;
}

namespace {

// Checks that can be judged for one pin on its own: the rest (crew counts,
// limits, combinations of pins) is the solver's to settle.
bool judgedAlone(Check check)
{
    switch (check) {
    case Check::WindowNotAllowed:
    case Check::DateNotAllowed:
    case Check::VanUnavailable:
    case Check::RankTooLow:
    case Check::MissingSkill:
    case Check::OffDuty:
    case Check::ShiftNotCovering:
    case Check::OfficerTwiceInCrew:
        return true;
    default:
        return false;
    }
}

} // namespace

std::vector<Violation> pinAloneViolations(const ScenarioIndex &index, std::size_t pin)
{
    const Scenario &scenario = index.scenario();
    const Pin &p = scenario.pinned.at(pin);
    const Deployment d{p.date, p.window, p.hotspot, p.van.value_or(scenario.vans.empty() ? "" : scenario.vans[0].id),
                       p.crew};
    std::vector<Violation> alone = validatePlan(index, {d}).violations;
    std::erase_if(alone, [&](const Violation &v) {
        return !judgedAlone(v.check) || (v.check == Check::VanUnavailable && !p.van);
    });
    for (Violation &v : alone) {
        v.pin = pin;
        v.deployment.reset();
        v.deployments.clear();
    }
    return alone;
}

} // namespace lfr
