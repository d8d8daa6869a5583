// Building the LP of solver_lp.h: its rows, the x, d and p columns, and the
// first crew columns.
#include "solver_lp_model.h"

#include "lfrplan/dates.h"
#include "lfrplan/geo.h"
#include "solver_bound.h"

#include <CoinPackedMatrix.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>

namespace lfr {

using lp_detail::ColumnDraft;
using lp_detail::kInf;

namespace {

constexpr std::size_t kMaxPairsEnumerated = 10; // (window, role) pairs whose subsets are all tried
constexpr std::size_t kMaxHallRows = 160;       // Hall rows per team and date

} // namespace

ColumnDraft SlotLp::Model::crewColumn(const Potential &p) const
{
    const Candidate &s = slots[p.slot];
    ColumnDraft col;
    col.objective = cost(p);
    col.upper = crew[s.hotspot][p.role];
    col.entries.emplace_back(demandRow[p.slot * roles + p.role], 1.0);
    const std::size_t td = p.team * ix.dateCount() + s.date;
    if (capRow[td] >= 0)
        col.entries.emplace_back(capRow[td], 1.0);
    const std::uint64_t bit = std::uint64_t{1} << pair(s.window, p.role);
    for (const HallRow &h : hall[td])
        if ((h.pairs & bit) != 0)
            col.entries.emplace_back(h.row, 1.0);
    for (const DutyRow &d : duty[p.team])
        if ((d.roles >> p.role & 1U) != 0)
            col.entries.emplace_back(d.row, 1.0);
    return col;
}

void SlotLp::Model::addColumns(const std::vector<ColumnDraft> &drafts)
{
    std::vector<double> lower, upper, objective, elements;
    std::vector<int> rows;
    std::vector<CoinBigIndex> starts{0};
    for (const ColumnDraft &c : drafts) {
        lower.push_back(c.lower);
        upper.push_back(c.upper);
        objective.push_back(c.objective);
        for (const auto &[row, coef] : c.entries) {
            rows.push_back(row);
            elements.push_back(coef);
        }
        starts.push_back(static_cast<CoinBigIndex>(rows.size()));
    }
    lp.addColumns(static_cast<int>(drafts.size()), lower.data(), upper.data(), objective.data(), starts.data(),
                  rows.data(), elements.data());
}

void SlotLp::Model::build(const FlowBound &caps)
{
    const Policy &policy = sc.policy;
    const std::size_t dates = ix.dateCount();
    const std::size_t hotspots = sc.hotspots.size();
    roles = sc.roles.size();
    windows = sc.windows.size();
    teams = sc.teams.size();
    crew.assign(hotspots, std::vector<int>(roles, 0));
    for (std::size_t h = 0; h < hotspots; ++h)
        for (std::size_t r = 0; r < roles; ++r) {
            const CrewMap &map = ix.effectiveCrew(h);
            const auto it = map.find(sc.roles[r].id);
            crew[h][r] = it == map.end() ? 0 : it->second;
        }
    km.assign(teams * hotspots, 0.0);
    for (std::size_t g = 0; g < teams; ++g)
        for (std::size_t h = 0; h < hotspots; ++h)
            km[g * hotspots + h] = haversineKm(sc.teams[g].base, sc.hotspots[h].location);

    std::vector<double> lo, up;
    auto row = [&](double lower, double upper) {
        lo.push_back(lower);
        up.push_back(upper);
        return static_cast<int>(lo.size() - 1);
    };
    std::vector<ColumnDraft> cols;
    const std::size_t n = slots.size();
    dayCol.assign(dates, -1);
    dayFixes.assign(dates, Fix::Free);
    xCol.resize(n);
    for (std::size_t s = 0; s < n; ++s) {
        ColumnDraft c;
        c.lower = s < pinCount ? 1.0 : 0.0;
        xCol[s] = static_cast<int>(cols.size());
        cols.push_back(c);
    }
    auto addX = [&](std::size_t s, int r, double coef) {
        cols[static_cast<std::size_t>(xCol[s])].entries.emplace_back(r, coef);
    };

    // Counting limits.
    if (static_cast<std::size_t>(policy.maxDeployments) < n) {
        const int r = row(-kInf, policy.maxDeployments);
        for (std::size_t s = 0; s < n; ++s)
            addX(s, r, 1.0);
    }
    std::vector<std::vector<std::size_t>> onDate(dates);
    for (std::size_t s = 0; s < n; ++s)
        onDate[slots[s].date].push_back(s);
    std::size_t datesWithSlots = 0;
    for (const auto &list : onDate)
        datesWithSlots += list.empty() ? 0U : 1U;
    if (static_cast<std::size_t>(policy.maxDays) < datesWithSlots) {
        const int daysRow = row(-kInf, policy.maxDays);
        for (std::size_t t = 0; t < dates; ++t) {
            if (onDate[t].empty())
                continue;
            ColumnDraft d;
            d.entries.emplace_back(daysRow, 1.0);
            for (const std::size_t s : onDate[t]) {
                const int r = row(-kInf, 0.0); // x_s <= d_t
                addX(s, r, 1.0);
                d.entries.emplace_back(r, -1.0);
            }
            const int used = row(0.0, kInf); // d_t <= sum of x_s on t: the date is used
            for (const std::size_t s : onDate[t])
                addX(s, used, 1.0);
            d.entries.emplace_back(used, -1.0);
            dayCol[t] = static_cast<int>(cols.size());
            cols.push_back(std::move(d));
        }
    }
    for (std::size_t t = 0; t < dates; ++t) {
        if (onDate[t].size() < 2)
            continue;
        int cap = caps.dateCapacity(t);
        if (policy.maxPerDate)
            cap = std::min(cap, *policy.maxPerDate);
        if (static_cast<std::size_t>(cap) < onDate[t].size()) {
            const int r = row(-kInf, cap);
            for (const std::size_t s : onDate[t])
                addX(s, r, 1.0);
        }
        int vans = 0;
        for (std::size_t v = 0; v < sc.vans.size(); ++v)
            vans += ix.vanAvailable(v, t) && sc.vans[v].maxPerDate > 0 ? 1 : 0;
        // Vans in use at the start of each window: a van serves one
        // deployment at a time; the window's own capacity row covers one window.
        for (std::size_t w = 0; w < windows; ++w) {
            std::vector<std::size_t> at;
            bool several = false;
            for (const std::size_t s : onDate[t]) {
                const Window &win = sc.windows[slots[s].window];
                if (win.start <= sc.windows[w].start && sc.windows[w].start < win.end) {
                    at.push_back(s);
                    several = several || slots[s].window != w;
                }
            }
            const int windowCap = std::min(caps.windowCapacity(t, w), vans);
            const int atOnce = several ? vans : windowCap;
            if (static_cast<std::size_t>(atOnce) < at.size()) {
                const int r = row(-kInf, atOnce);
                for (const std::size_t s : at)
                    addX(s, r, 1.0);
            }
        }
    }

    // Hotspots: max_per_horizon, min_gap_days, the repeat decay.
    std::vector<std::vector<std::size_t>> atHotspot(hotspots);
    for (std::size_t s = 0; s < n; ++s)
        atHotspot[slots[s].hotspot].push_back(s);
    std::vector<bool> positional(n, false);
    for (std::size_t h = 0; h < hotspots; ++h) {
        const auto &list = atHotspot[h];
        if (list.empty())
            continue;
        const Hotspot &hs = sc.hotspots[h];
        if (static_cast<std::size_t>(hs.maxPerHorizon) < list.size()) {
            const int r = row(-kInf, hs.maxPerHorizon);
            for (const std::size_t s : list)
                addX(s, r, 1.0);
        }
        const int gap = std::max(hs.minGapDays, 1);
        for (std::size_t t = 0; t < dates; ++t) {
            std::vector<std::size_t> clique;
            for (const std::size_t s : list) {
                const int days = daysBetween(sc.dates[t], sc.dates[slots[s].date]);
                if (days >= 0 && days < gap)
                    clique.push_back(s);
            }
            bool starts = false; // only cliques with a slot on date t (the others are inside a later one)
            for (const std::size_t s : clique)
                starts = starts || slots[s].date == t;
            if (clique.size() >= 2 && starts) {
                const int r = row(-kInf, 1.0);
                for (const std::size_t s : clique)
                    addX(s, r, 1.0);
            }
        }
        const std::size_t positions =
            std::min<std::size_t>({static_cast<std::size_t>(std::max(hs.maxPerHorizon, 0)), list.size(),
                                   static_cast<std::size_t>(std::max(policy.maxDeployments, 0))});
        if (hs.repeatDecay < 1.0 && positions >= 2) {
            std::vector<int> positionRows;
            for (std::size_t k = 0; k < positions; ++k)
                positionRows.push_back(row(-kInf, 1.0));
            double weight = 1.0;
            std::vector<double> weights;
            for (std::size_t k = 0; k < positions; ++k, weight *= hs.repeatDecay)
                weights.push_back(weight);
            for (const std::size_t s : list) {
                positional[s] = true;
                const int link = row(0.0, 0.0); // sum_k p_sk - x_s = 0
                addX(s, link, -1.0);
                for (std::size_t k = 0; k < positions; ++k) {
                    ColumnDraft p;
                    p.objective = -weights[k] * slots[s].value;
                    p.entries = {{link, 1.0}, {positionRows[k], 1.0}};
                    cols.push_back(std::move(p));
                }
            }
        }
    }
    for (std::size_t s = 0; s < n; ++s)
        if (!positional[s])
            cols[static_cast<std::size_t>(xCol[s])].objective = -slots[s].value;

    // Crews: demand rows.
    demandRow.assign(n * roles, -1);
    std::vector<std::uint64_t> usedPairs(dates, 0); // pairs some slot of the date needs
    for (std::size_t s = 0; s < n; ++s)
        for (std::size_t r = 0; r < roles; ++r)
            if (crew[slots[s].hotspot][r] > 0) {
                const int d = row(0.0, 0.0);
                demandRow[s * roles + r] = d;
                addX(s, d, -crew[slots[s].hotspot][r]);
                usedPairs[slots[s].date] |= std::uint64_t{1} << pair(slots[s].window, r);
            }

    // Per team and date: officers by the pairs they can serve.
    capRow.assign(teams * dates, -1);
    hall.assign(teams * dates, {});
    usable.assign(teams * dates, 0);
    duty.assign(teams, {});
    std::vector<std::vector<std::uint64_t>> officerMasks(sc.officers.size());
    std::vector<std::map<std::uint64_t, int>> counts(teams * dates);
    for (std::size_t o = 0; o < sc.officers.size(); ++o) {
        const auto team = ix.teamOf(o);
        if (!team || ix.maxDuties(o) <= 0)
            continue;
        officerMasks[o].assign(dates, 0);
        for (std::size_t t = 0; t < dates; ++t) {
            const auto shift = ix.rosterShift(o, t);
            if (!shift || usedPairs[t] == 0)
                continue;
            std::uint64_t mask = 0;
            for (std::size_t w = 0; w < windows; ++w)
                if (ix.shiftCovers(*shift, w))
                    for (std::size_t r = 0; r < roles; ++r)
                        if (ix.qualifies(o, r))
                            mask |= std::uint64_t{1} << pair(w, r);
            mask &= usedPairs[t];
            officerMasks[o][t] = mask;
            if (mask != 0)
                ++counts[*team * dates + t][mask];
        }
    }
    for (std::size_t g = 0; g < teams; ++g) {
        for (std::size_t t = 0; t < dates; ++t) {
            const auto &cnt = counts[g * dates + t];
            if (cnt.empty())
                continue;
            std::uint64_t active = 0;
            for (const auto &[mask, k] : cnt)
                active |= mask;
            usable[g * dates + t] = active;
            auto served = [&](std::uint64_t q) {
                int total = 0;
                for (const auto &[mask, k] : cnt)
                    total += (mask & q) != 0 ? k : 0;
                return total;
            };
            std::vector<std::size_t> bits;
            for (std::size_t b = 0; b < 64; ++b)
                if ((active >> b & 1U) != 0)
                    bits.push_back(b);
            std::vector<std::uint64_t> sets;
            if (bits.size() <= kMaxPairsEnumerated) {
                const std::uint64_t subsets = std::uint64_t{1} << bits.size();
                for (std::uint64_t m = 1; m < subsets; ++m) {
                    std::uint64_t q = 0;
                    for (std::size_t i = 0; i < bits.size(); ++i)
                        if ((m >> i & 1U) != 0)
                            q |= std::uint64_t{1} << bits[i];
                    sets.push_back(q);
                }
            } else {
                for (const std::size_t b : bits)
                    sets.push_back(std::uint64_t{1} << b);
                for (std::size_t w = 0; w < windows; ++w) {
                    std::uint64_t q = 0;
                    for (std::size_t r = 0; r < roles; ++r)
                        q |= std::uint64_t{1} << pair(w, r);
                    sets.push_back(q & active);
                }
                for (std::size_t r = 0; r < roles; ++r) {
                    std::uint64_t q = 0;
                    for (std::size_t w = 0; w < windows; ++w)
                        q |= std::uint64_t{1} << pair(w, r);
                    sets.push_back(q & active);
                }
                sets.push_back(active);
            }
            std::stable_sort(sets.begin(), sets.end(),
                             [](std::uint64_t a, std::uint64_t b) { return std::popcount(a) < std::popcount(b); });
            // A set whose row is the sum of two others' is left out: for
            // every pair p of Q, N(Q) < N(Q \ p) + N(p).
            std::vector<HallRow> rows;
            for (const std::uint64_t q : sets) {
                if (q == 0)
                    continue;
                const int nq = served(q);
                bool needed = true;
                if ((q & (q - 1)) != 0)
                    for (const std::size_t b : bits) {
                        const std::uint64_t bit = std::uint64_t{1} << b;
                        if ((q & bit) != 0 && nq >= served(q & ~bit) + served(bit)) {
                            needed = false;
                            break;
                        }
                    }
                if (needed && rows.size() < kMaxHallRows)
                    rows.push_back({row(-kInf, nq), q});
            }
            hall[g * dates + t] = std::move(rows);
            const int releasable = ix.teamReleasable(g, t);
            if (releasable < served(active))
                capRow[g * dates + t] = row(-kInf, releasable);
        }
        // Duties over the horizon, per set of roles.
        if (roles <= 8) {
            for (std::uint32_t rs = 1; rs < (1U << roles); ++rs) {
                std::uint64_t pairs = 0;
                for (std::size_t w = 0; w < windows; ++w)
                    for (std::size_t r = 0; r < roles; ++r)
                        if ((rs >> r & 1U) != 0)
                            pairs |= std::uint64_t{1} << pair(w, r);
                long left = 0, perDate = 0;
                for (const std::size_t o : ix.teamOfficers(g)) {
                    if (officerMasks[o].empty())
                        continue;
                    int days = 0;
                    for (std::size_t t = 0; t < dates; ++t)
                        days += (officerMasks[o][t] & pairs) != 0 ? 1 : 0;
                    left += std::min(days, ix.maxDuties(o));
                    perDate += days;
                }
                if (left < perDate && left >= 0)
                    duty[g].push_back({row(-kInf, static_cast<double>(left)), rs});
            }
        }
    }

    // Crew columns: the nearest teams of each slot and role go in at once,
    // the others are priced.
    std::vector<std::size_t> order(teams);
    for (std::size_t s = 0; s < n; ++s) {
        const Candidate &slot = slots[s];
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return km[a * hotspots + slot.hotspot] < km[b * hotspots + slot.hotspot];
        });
        for (std::size_t r = 0; r < roles; ++r) {
            const int need = crew[slot.hotspot][r];
            if (need <= 0)
                continue;
            const std::uint64_t bit = std::uint64_t{1} << pair(slot.window, r);
            int covered = 0;
            std::size_t taken = 0;
            for (const std::size_t g : order) {
                if ((usable[g * dates + slot.date] & bit) == 0)
                    continue;
                Potential p{static_cast<std::uint32_t>(s), static_cast<std::uint16_t>(g), static_cast<std::uint8_t>(r),
                            0};
                if (covered < 2 * need + 2 || taken < 2) {
                    p.inModel = 1;
                    cols.push_back(crewColumn(p));
                    int officers = 0;
                    for (const HallRow &hr : hall[g * dates + slot.date])
                        if (hr.pairs == bit)
                            officers = static_cast<int>(up[static_cast<std::size_t>(hr.row)]);
                    covered += officers;
                    ++taken;
                }
                potential.push_back(p);
            }
        }
    }

    rowLower = lo;
    rowUpper = up;
    std::vector<double> colLower, colUpper, objective, elements;
    std::vector<int> rowIndex;
    std::vector<CoinBigIndex> starts{0};
    for (const ColumnDraft &c : cols) {
        colLower.push_back(c.lower);
        colUpper.push_back(c.upper);
        objective.push_back(c.objective);
        for (const auto &[r, coef] : c.entries) {
            rowIndex.push_back(r);
            elements.push_back(coef);
        }
        starts.push_back(static_cast<CoinBigIndex>(rowIndex.size()));
    }
    lp.setLogLevel(0);
    lp.loadProblem(static_cast<int>(cols.size()), static_cast<int>(lo.size()), starts.data(), rowIndex.data(),
                   elements.data(), colLower.data(), colUpper.data(), objective.data(), lo.data(), up.data());
}

} // namespace lfr
