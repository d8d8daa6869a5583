// Internal to the LP bound (solver_lp.h): the model behind SlotLp, shared
// by its builder (solver_lp_build.cpp) and its solver (solver_lp.cpp).
#pragma once

#include "solver_lp.h"

#include <ClpSimplex.hpp>

#include <cstdint>
#include <utility>
#include <vector>

namespace lfr {

namespace lp_detail {

inline const double kInf = COIN_DBL_MAX;

// A column to be: objective, bounds and its rows with their coefficients.
struct ColumnDraft {
    double objective = 0.0, lower = 0.0, upper = 1.0;
    std::vector<std::pair<int, double>> entries;
};

} // namespace lp_detail

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
    lp_detail::ColumnDraft crewColumn(const Potential &p) const;
    void addColumns(const std::vector<lp_detail::ColumnDraft> &drafts);
    double dualBound(std::vector<std::size_t> *improving, std::vector<double> &reducedOut);
    Bound solve(std::chrono::steady_clock::time_point deadline);
};

} // namespace lfr
