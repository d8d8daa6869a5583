#include "solver_bound.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lfr {

namespace {

constexpr double kScale = 1e6; // micro-points

} // namespace

FlowBound::FlowBound(const ScenarioIndex &index) : ix_(index)
{
    const Scenario &sc = index.scenario();
    windows_ = sc.windows.size();
    const std::size_t dates = index.dateCount();
    const std::size_t roles = sc.roles.size();
    // The fewest officers of each role, and in all, any crew needs.
    std::vector<int> minRole(roles, std::numeric_limits<int>::max());
    int minCrew = std::numeric_limits<int>::max();
    for (std::size_t h = 0; h < sc.hotspots.size(); ++h) {
        const CrewMap &crew = index.effectiveCrew(h);
        for (std::size_t r = 0; r < roles; ++r) {
            const auto it = crew.find(sc.roles[r].id);
            minRole[r] = std::min(minRole[r], it == crew.end() ? 0 : it->second);
        }
        minCrew = std::min(minCrew, index.crewSize(h));
    }
    constexpr int kMany = 1 << 20;
    dateCap_.assign(dates, kMany);
    windowCap_.assign(dates * windows_, kMany);
    std::vector<int> onDate(roles), inWindow(windows_ * roles);
    for (std::size_t t = 0; t < dates; ++t) {
        std::fill(onDate.begin(), onDate.end(), 0);
        std::fill(inWindow.begin(), inWindow.end(), 0);
        for (std::size_t o = 0; o < sc.officers.size(); ++o) {
            const auto shift = index.rosterShift(o, t);
            if (!shift || index.maxDuties(o) <= 0)
                continue;
            bool anyWindow = false;
            for (std::size_t w = 0; w < windows_; ++w) {
                if (!index.shiftCovers(*shift, w))
                    continue;
                anyWindow = true;
                for (std::size_t r = 0; r < roles; ++r)
                    inWindow[w * roles + r] += index.qualifies(o, r) ? 1 : 0;
            }
            if (anyWindow)
                for (std::size_t r = 0; r < roles; ++r)
                    onDate[r] += index.qualifies(o, r) ? 1 : 0;
        }
        int &date = dateCap_[t];
        for (std::size_t r = 0; r < roles; ++r)
            if (minRole[r] > 0)
                date = std::min(date, onDate[r] / minRole[r]);
        if (minCrew > 0) {
            long releasable = 0;
            for (std::size_t team = 0; team < sc.teams.size(); ++team)
                releasable += index.teamReleasable(team, t);
            date = static_cast<int>(std::min<long>(date, releasable / minCrew));
        }
        int vans = 0, vanDeployments = 0;
        for (std::size_t v = 0; v < sc.vans.size(); ++v)
            if (index.vanAvailable(v, t) && sc.vans[v].maxPerDate > 0) {
                ++vans;
                vanDeployments += sc.vans[v].maxPerDate;
            }
        date = std::min(date, vanDeployments);
        if (sc.policy.maxPerDate)
            date = std::min(date, *sc.policy.maxPerDate);
        for (std::size_t w = 0; w < windows_; ++w) {
            int &window = windowCap_[t * windows_ + w];
            window = std::min(date, vans); // a van serves one deployment a window
            for (std::size_t r = 0; r < roles; ++r)
                if (minRole[r] > 0)
                    window = std::min(window, inWindow[w * roles + r] / minRole[r]);
        }
    }
}

double FlowBound::bound(const std::vector<const Candidate *> &open, int room, const std::vector<int> &perDate,
                        const std::vector<int> &perDateWindow)
{
    if (room <= 0 || open.empty())
        return 0.0;
    const Scenario &sc = ix_.scenario();
    const std::size_t dates = ix_.dateCount();
    std::int64_t top = 0; // the largest profit: costs are top - profit >= 0
    std::vector<double> minValue(sc.hotspots.size(), std::numeric_limits<double>::infinity());
    std::vector<int> openAt(sc.hotspots.size(), 0);
    for (const Candidate *c : open) {
        top = std::max(top, static_cast<std::int64_t>(std::ceil(c->profit() * kScale)));
        minValue[c->hotspot] = std::min(minValue[c->hotspot], c->value);
        ++openAt[c->hotspot];
    }
    net_.reset();
    const std::size_t source = net_.addVertex(), start = net_.addVertex(), sink = net_.addVertex();
    net_.addEdge(source, start, room);
    net_.addEdge(start, sink, room, top); // nothing deployed
    std::vector<std::size_t> dateVertex(dates, 0), windowVertex(dates * windows_, 0),
        hotspotVertex(sc.hotspots.size(), 0);
    for (const Candidate *c : open) {
        const std::size_t t = c->date, tw = t * windows_ + c->window;
        if (dateVertex[t] == 0) {
            dateVertex[t] = net_.addVertex() + 1;
            net_.addEdge(start, dateVertex[t] - 1, std::max(0, dateCap_[t] - perDate[t]));
        }
        if (windowVertex[tw] == 0) {
            windowVertex[tw] = net_.addVertex() + 1;
            net_.addEdge(dateVertex[t] - 1, windowVertex[tw] - 1, std::max(0, windowCap_[tw] - perDateWindow[tw]));
        }
        std::size_t &hv = hotspotVertex[c->hotspot];
        if (hv == 0) {
            hv = net_.addVertex() + 1;
            const Hotspot &h = sc.hotspots[c->hotspot];
            double weight = 1.0;
            const int visits = std::min(openAt[c->hotspot], room);
            for (int k = 0; k < visits; ++k) {
                const double loss = (1.0 - weight) * minValue[c->hotspot];
                net_.addEdge(hv - 1, sink, 1, static_cast<std::int64_t>(std::floor(std::max(0.0, loss) * kScale)));
                weight *= h.repeatDecay;
            }
        }
        const auto profit = static_cast<std::int64_t>(std::ceil(c->profit() * kScale));
        net_.addEdge(windowVertex[tw] - 1, hv - 1, 1, top - profit);
    }
    net_.minCostMaxFlow(source, sink);
    // Each unit paid top less its profit plus its hotspot's loss; the total is
    // room * top less the flow's profit.
    return std::max(0.0, static_cast<double>(static_cast<std::int64_t>(room) * top - net_.totalCost()) / kScale);
}

} // namespace lfr
