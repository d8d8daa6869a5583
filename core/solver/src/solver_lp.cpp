#include "solver_lp.h"

#include "lfrplan/dates.h"
#include "lfrplan/geo.h"
#include "solver_bound.h"

#include <ClpSimplex.hpp>
#include <CoinPackedMatrix.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>

namespace lfr {

namespace {

const double kInf = COIN_DBL_MAX;
constexpr std::size_t kMaxPairsEnumerated = 10; // (window, role) pairs whose subsets are all tried
constexpr std::size_t kMaxHallRows = 160;       // Hall rows per team and date
constexpr int kPricingRounds = 12;              // column rounds per bound() before Farley's bound is used
constexpr std::size_t kColumnsPerRound = 20000;

// A column to be: objective, bounds and its rows (all coefficients 1 but
// the ones given).
struct ColumnDraft {
    double objective = 0.0, lower = 0.0, upper = 1.0;
    std::vector<std::pair<int, double>> entries;
};

} // namespace

struct SlotLp::Model {
    const ScenarioIndex &ix;
    const Scenario &sc;
    std::size_t pinCount = 0, candCount = 0;
    std::size_t roles = 0, windows = 0, teams = 0;
    std::vector<Candidate> slots;       // pins, then candidates
    std::vector<int> xCol;              // per slot
    std::vector<std::vector<int>> crew; // hotspot x role
    std::vector<Fix> fixes;             // per candidate
    std::vector<int> dayCol;            // per date, -1 without one
    std::vector<Fix> dayFixes;          // per date
    std::vector<double> dayValues;      // per date: d_t of the last solve
    std::vector<double> km;             // team x hotspot

    // Rows and their bounds, kept for the dual bound.
    std::vector<double> rowLower, rowUpper;
    std::vector<int> demandRow; // slot x role, -1 when the role is not needed
    // Per team and date: the release row, and the Hall rows with their pair sets.
    std::vector<int> capRow; // team x date
    struct HallRow {
        int row;
        std::uint64_t pairs;
    };
    std::vector<std::vector<HallRow>> hall; // team x date
    struct DutyRow {
        int row;
        std::uint32_t roles;
    };
    std::vector<std::vector<DutyRow>> duty; // team
    std::vector<std::uint64_t> usable;      // team x date: pairs some officer can serve

    // Crew columns not (yet) in the LP: priced at every bound.
    struct Potential {
        std::uint32_t slot;
        std::uint16_t team;
        std::uint8_t role;
        std::uint8_t inModel;
    };
    std::vector<Potential> potential;

    ClpSimplex lp;
    bool dirty = true;
    bool everSolved = false;
    bool keepWork = false; // the simplex kept its work areas from the last solve
    Bound last;
    std::vector<double> reduced; // per model column, from the last dual bound
    std::vector<double> x;       // per slot
    std::uint64_t solveCount = 0;

    Model(const ScenarioIndex &index) : ix(index), sc(index.scenario()) {}

    std::size_t pair(std::size_t w, std::size_t r) const { return w * roles + r; }
    double cost(const Potential &p) const
    {
        return sc.policy.travelWeight * km[p.team * sc.hotspots.size() + slots[p.slot].hotspot];
    }
    void build(const FlowBound &caps);
    ColumnDraft crewColumn(const Potential &p) const;
    void addColumns(const std::vector<ColumnDraft> &drafts);
    double dualBound(std::vector<std::size_t> *improving, std::vector<double> &reducedOut);
    Bound solve(std::chrono::steady_clock::time_point deadline);
};

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

// A lower bound on the minimisation LP (the negated objective) from any row
// duals: clipped to the signs each row allows, with every column at the
// bound its reduced cost prefers, the missing crew columns included. Valid
// whatever state the simplex stopped in. Fills `improving` with the missing
// columns of negative reduced cost.
double SlotLp::Model::dualBound(std::vector<std::size_t> *improving, std::vector<double> &reducedOut)
{
    const int rowsN = lp.numberRows();
    const int colsN = lp.numberColumns();
    std::vector<double> y(lp.dualRowSolution(), lp.dualRowSolution() + rowsN);
    double total = 0.0;
    for (int i = 0; i < rowsN; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const bool lower = rowLower[k] > -kInf, upper = rowUpper[k] < kInf;
        if (!lower && y[k] > 0)
            y[k] = 0;
        if (!upper && y[k] < 0)
            y[k] = 0;
        total += y[k] > 0 ? y[k] * rowLower[k] : y[k] * rowUpper[k];
    }
    std::vector<double> aty(static_cast<std::size_t>(colsN), 0.0);
    lp.matrix()->transposeTimes(y.data(), aty.data());
    reducedOut.assign(static_cast<std::size_t>(colsN), 0.0);
    const double *obj = lp.objective();
    const double *cl = lp.columnLower();
    const double *cu = lp.columnUpper();
    for (int j = 0; j < colsN; ++j) {
        const auto k = static_cast<std::size_t>(j);
        const double d = obj[j] - aty[k];
        reducedOut[k] = d;
        total += d >= 0 ? d * cl[j] : d * cu[j];
    }
    // Missing crew columns: y_sgr in [0, crew_r].
    const std::size_t dates = ix.dateCount();
    std::vector<double> pairDual(teams * dates * windows * roles, 0.0);
    for (std::size_t td = 0; td < teams * dates; ++td) {
        const double cap = capRow[td] >= 0 ? y[static_cast<std::size_t>(capRow[td])] : 0.0;
        for (std::size_t p = 0; p < windows * roles; ++p)
            pairDual[td * windows * roles + p] = cap;
        for (const HallRow &h : hall[td])
            for (std::size_t p = 0; p < windows * roles; ++p)
                if ((h.pairs >> p & 1U) != 0)
                    pairDual[td * windows * roles + p] += y[static_cast<std::size_t>(h.row)];
    }
    std::vector<double> dutyDual(teams * roles, 0.0);
    for (std::size_t g = 0; g < teams; ++g)
        for (const DutyRow &d : duty[g])
            for (std::size_t r = 0; r < roles; ++r)
                if ((d.roles >> r & 1U) != 0)
                    dutyDual[g * roles + r] += y[static_cast<std::size_t>(d.row)];
    if (improving)
        improving->clear();
    for (std::size_t i = 0; i < potential.size(); ++i) {
        const Potential &p = potential[i];
        if (p.inModel != 0)
            continue;
        const Candidate &s = slots[p.slot];
        const std::size_t td = std::size_t{p.team} * dates + s.date;
        const double d = cost(p) - y[static_cast<std::size_t>(demandRow[p.slot * roles + p.role])] -
                         pairDual[td * windows * roles + pair(s.window, p.role)] - dutyDual[p.team * roles + p.role];
        if (d < 0) {
            total += d * crew[s.hotspot][p.role];
            if (improving && d < -1e-9)
                improving->push_back(i);
        }
    }
    return total;
}

SlotLp::Bound SlotLp::Model::solve(std::chrono::steady_clock::time_point deadline)
{
    Bound out;
    auto remaining = [&] { return std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count(); };
    std::vector<std::size_t> improving;
    double lower = -kInf;
    for (int round = 0; round <= kPricingRounds; ++round) {
        if (remaining() <= 0)
            break;
        lp.setMaximumSeconds(std::max(remaining(), 0.001));
        // Between bound changes the factorisation and work areas are kept
        // (startFinishOptions 1|2|4); new columns need a fresh start.
        if (round == 0)
            lp.dual(0, keepWork ? 7 : 1);
        else
            lp.primal(1, 1);
        keepWork = round == 0;
        ++solveCount;
        everSolved = true;
        const int status = lp.status();
        if (status == 1 && round == 0) { // primal infeasible: no plan in the region
            out.solved = true;
            out.complete = true;
            out.infeasible = true;
            return out;
        }
        if (status != 0 && status != 3)
            break;
        out.complete = status == 0;
        std::vector<double> d;
        const double candidate = dualBound(&improving, d);
        if (candidate > lower) { // the bound and the reduced costs of the same duals
            lower = candidate;
            reduced = std::move(d);
        }
        if (improving.empty() || status != 0)
            break;
        out.complete = false; // columns to add: not yet the LP's optimum
        // Add the most improving columns, then re-solve.
        if (improving.size() > kColumnsPerRound)
            improving.resize(kColumnsPerRound);
        std::vector<ColumnDraft> drafts;
        for (const std::size_t i : improving) {
            potential[i].inModel = 1;
            drafts.push_back(crewColumn(potential[i]));
        }
        addColumns(drafts);
    }
    if (lower == -kInf || !std::isfinite(lower))
        return out;
    out.solved = true;
    // A margin for rounding in the dual bound's sums.
    const double bound = -lower;
    out.value = bound + 1e-9 * std::max(1.0, std::abs(bound));
    const double *sol = lp.primalColumnSolution();
    x.resize(slots.size());
    for (std::size_t s = 0; s < slots.size(); ++s)
        x[s] = sol[xCol[s]];
    dayValues.assign(dayCol.size(), 0.0);
    for (std::size_t t = 0; t < dayCol.size(); ++t)
        dayValues[t] = dayCol[t] >= 0 ? sol[dayCol[t]] : 0.0;
    return out;
}

SlotLp::SlotLp(const ScenarioIndex &index, const FlowBound &capacities, const std::vector<Candidate> &pins,
               const std::vector<Candidate> &candidates)
    : m_(std::make_unique<Model>(index))
{
    m_->pinCount = pins.size();
    m_->candCount = candidates.size();
    m_->slots = pins;
    m_->slots.insert(m_->slots.end(), candidates.begin(), candidates.end());
    m_->fixes.assign(candidates.size(), Fix::Free);
    m_->build(capacities);
}

SlotLp::~SlotLp() = default;

void SlotLp::fix(std::size_t candidate, Fix state)
{
    if (m_->fixes[candidate] == state)
        return;
    m_->fixes[candidate] = state;
    const int col = m_->xCol[m_->pinCount + candidate];
    m_->lp.setColumnBounds(col, state == Fix::In ? 1.0 : 0.0, state == Fix::Out ? 0.0 : 1.0);
    m_->dirty = true;
}

SlotLp::Fix SlotLp::fixed(std::size_t candidate) const { return m_->fixes[candidate]; }

bool SlotLp::hasDay(std::size_t date) const { return m_->dayCol[date] >= 0; }

void SlotLp::fixDay(std::size_t date, Fix state)
{
    if (m_->dayCol[date] < 0 || m_->dayFixes[date] == state)
        return;
    m_->dayFixes[date] = state;
    m_->lp.setColumnBounds(m_->dayCol[date], state == Fix::In ? 1.0 : 0.0, state == Fix::Out ? 0.0 : 1.0);
    m_->dirty = true;
}

SlotLp::Fix SlotLp::dayFixed(std::size_t date) const { return m_->dayFixes[date]; }

double SlotLp::dayValue(std::size_t date) const { return date < m_->dayValues.size() ? m_->dayValues[date] : 0.0; }

SlotLp::Bound SlotLp::bound(std::chrono::steady_clock::time_point deadline)
{
    if (!m_->dirty)
        return m_->last;
    m_->last = m_->solve(deadline);
    m_->dirty = !m_->last.complete; // an LP stopped early goes on from its basis next time
    return m_->last;
}

double SlotLp::boundWith(std::size_t candidate) const
{
    if (m_->dirty || !m_->last.solved || m_->last.infeasible)
        return std::numeric_limits<double>::infinity();
    const auto col = static_cast<std::size_t>(m_->xCol[m_->pinCount + candidate]);
    const double d = col < m_->reduced.size() ? m_->reduced[col] : 0.0;
    // Free at 0 with d > 0: forcing it to 1 raises the minimum by d.
    if (m_->fixes[candidate] != Fix::Free || d <= 0)
        return m_->last.value;
    return m_->last.value - d;
}

std::vector<double> SlotLp::boundsWith() const
{
    std::vector<double> out(m_->candCount);
    for (std::size_t j = 0; j < out.size(); ++j)
        out[j] = m_->dirty ? std::numeric_limits<double>::infinity() : boundWith(j);
    return out;
}

double SlotLp::value(std::size_t candidate) const
{
    const std::size_t s = m_->pinCount + candidate;
    return s < m_->x.size() ? m_->x[s] : 0.0;
}

std::size_t SlotLp::rows() const { return static_cast<std::size_t>(m_->lp.numberRows()); }
std::size_t SlotLp::columns() const { return static_cast<std::size_t>(m_->lp.numberColumns()); }
std::uint64_t SlotLp::solves() const { return m_->solveCount; }

} // namespace lfr
