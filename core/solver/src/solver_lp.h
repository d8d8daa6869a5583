// The LP relaxation of the team-aggregated MILP, solved incrementally with
// COIN-OR Clp, as the slot search's strongest bound (docs/solver-design.md,
// "The LP bound").
//
// Variables: x_s in [0,1] for every slot (pins fixed at 1), d_t in [0,1] for
// every date used, p_sk >= 0 for the k-th deployment at a hotspot (the
// repeat decay: sum_k p_sk = x_s, sum_s p_sk <= 1, worth decay^(k-1) v_s),
// and y_sgr >= 0, the officers of team g in role r at slot s (travel
// weight x km from g's base).
//
// Rows: the counting limits (max_deployments, max_days through x_s <= d_t,
// max_per_date and what a date and a window can hold, vans in use at any
// moment of a date, max_per_horizon, min_gap_days as cliques of dates);
// each slot's crew (sum_g y_sgr = crew_r x_s); per team and date, what it
// may release, and Hall's condition for its officers: for a set Q of
// (window, role) pairs, the crews' demand on Q is at most the officers who
// can serve some pair of Q (one deployment a date each); per team and set
// of roles, the duties its officers have left over the horizon.
//
// Every plan is a solution with the same objective, so the LP's optimum
// bounds every plan in the region the search's fixings leave. The y columns
// are priced in: the LP starts with the nearest teams of each slot and adds
// columns of negative reduced cost; those still out are accounted for in
// the bound (Farley: sum of reduced cost x upper bound), so the bound is
// valid after any number of rounds.
#pragma once

#include "solver_search.h"

#include "lfrplan/scenario_index.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <vector>

namespace lfr {

class FlowBound;

class SlotLp {
public:
    // `slots`: the pins first (fixed in), then the search's candidates in
    // its order; candidate j is slot pinCount + j.
    SlotLp(const ScenarioIndex &index, const FlowBound &capacities, const std::vector<Candidate> &pins,
           const std::vector<Candidate> &candidates);
    ~SlotLp();
    SlotLp(const SlotLp &) = delete;
    SlotLp &operator=(const SlotLp &) = delete;

    enum class Fix : signed char { Out = -1, Free = 0, In = 1 };
    // Fixes candidate j in or out of the plan, or frees it.
    void fix(std::size_t candidate, Fix state);
    Fix fixed(std::size_t candidate) const;
    // The date's "in use" column d_t, when max_days can bind: fixing it in
    // means at least one deployment that date, out means none.
    bool hasDay(std::size_t date) const;
    void fixDay(std::size_t date, Fix state);
    Fix dayFixed(std::size_t date) const;
    double dayValue(std::size_t date) const; // after a solved bound()

    struct Bound {
        bool solved = false;     // false: Clp gave no usable answer (time, numerics): no bound
        bool infeasible = false; // no plan in the region
        bool complete = false;   // the LP was solved to the end (else: a valid bound from where it stopped)
        double value = 0.0;      // an upper bound on the objective of every plan in the region
    };
    // The LP bound of the region the fixings leave; re-solved (warm, dual
    // simplex) only when a fixing changed since the last call.
    Bound bound(std::chrono::steady_clock::time_point deadline);

    // After a solved bound(): an upper bound on every plan of the region
    // that also deploys candidate j (the bound less j's reduced cost).
    double boundWith(std::size_t candidate) const;
    // The same for every candidate at once (+infinity when nothing is
    // known): valid in every region inside the one just solved, whatever is
    // solved after.
    std::vector<double> boundsWith() const;
    // After a solved bound(): the LP's x for candidate j.
    double value(std::size_t candidate) const;

    // Size of the model, for the docs and the benchmark.
    std::size_t rows() const;
    std::size_t columns() const;
    std::uint64_t solves() const;

private:
    struct Model;
    std::unique_ptr<Model> m_;
};

} // namespace lfr
