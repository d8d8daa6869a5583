// The master search of the solver: which (hotspot, date, window) slots to
// deploy, by depth-first branch and bound, with vans and crews settled
// exactly for every set it scores. See docs/solver-design.md.
#pragma once

#include "lfrplan/scenario_index.h"
#include "lfrplan/solver.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lfr {

// One deployable slot and what it can be worth.
struct Candidate {
    std::size_t hotspot = 0;
    std::size_t date = 0;
    std::size_t window = 0;
    double value = 0.0;       // v(d), before repeat decay
    double travelBound = 0.0; // travel_weight * the cheapest crew it could ever have
    double profit() const { return value - travelBound; }
};

// A set of slots made concrete: vans and crews, or why it cannot be.
struct Staffing {
    bool feasible = false;
    std::vector<Deployment> deployments;
    double travelPenalty = 0.0;
    std::vector<std::string> reasons;
    bool uncertain = false; // not shown infeasible: the crew search hit its limit
};

// Settles vans and crews for a set of slots (pins first, in pin order);
// provided by the solver so the search stays independent of how.
using StaffingOracle = std::function<Staffing(const std::vector<Candidate> &slots)>;

struct SearchOutcome {
    SolveStop stop = SolveStop::Finished;
    bool infeasible = false; // the pins alone cannot be staffed
    std::vector<Deployment> best;
    double bestObjective = 0.0;
    bool haveIncumbent = false;
    double bound = 0.0;
    std::uint64_t nodes = 0;
    std::vector<std::string> rootReasons; // why the pins alone cannot be staffed
};

class FlowBound;
class SlotLp;

class SlotSearch {
public:
    SlotSearch(const ScenarioIndex &index, std::vector<Candidate> pins, std::vector<Candidate> candidates,
               StaffingOracle staff, const SolverOptions &options, const ProgressCallback &progress,
               std::chrono::steady_clock::time_point started);

    ~SlotSearch();
    SearchOutcome run();

private:
    struct Frame;
    double value(const std::vector<Candidate> &slots) const;
    bool compatible(const Candidate &c) const;
    double completionBound(std::size_t from) const;
    double flowBound(std::size_t from);
    // The tighter of the two completion bounds; the flow one only when the
    // per-hotspot one cannot close the gap from `here`.
    double completion(double here, std::size_t from);
    void push(const Candidate &c);
    void pop(const Candidate &c);
    void explore(std::size_t from, double travelPenalty);
    void warmStart();
    bool tryLpPlan(std::size_t from, double bound, bool round);
    // The search when the LP bound is there (solver_lp_search.cpp).
    void lpBranchAndBound();
    void searchRegion();
    void applyDecisions(const std::vector<std::pair<long, signed char>> &decisions);
    std::optional<double> staffLpSet(const std::vector<std::size_t> &set, bool all);
    double openBound() const; // the best any unsearched part may hold
    bool consider(const Staffing &staffing);
    // The LP bound of the region the search's fixings leave (+infinity
    // without an LP or when it gave no answer in time).
    double lpBound();
    void lpFix(std::size_t candidate, int state);
    bool stopRequested();
    bool gapClosed(double bound) const;
    void report(double bound);

    const ScenarioIndex &ix_;
    const Scenario &sc_;
    std::vector<Candidate> pins_;
    std::vector<Candidate> cands_;
    std::vector<std::size_t> order_; // the candidates in the order the slot search tries them
    StaffingOracle staff_;
    SolverOptions options_;
    const ProgressCallback &progress_;

    std::vector<Candidate> chosen_;                      // pins, then the branch's slots
    std::vector<int> hotspotCount_;                      // per hotspot
    std::vector<std::vector<std::size_t>> hotspotDates_; // dates chosen per hotspot
    std::vector<int> dateCount_;                         // per date
    std::vector<int> windowCount_;                       // per date x window
    std::unique_ptr<FlowBound> flow_;
    std::unique_ptr<SlotLp> lp_;
    int daysUsed_ = 0;
    std::vector<char> dateClosed_; // per date: the branch allows no deployment
    std::vector<double> pending_;  // bounds of LP branches waiting while a region is searched

    SearchOutcome out_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point lastReport_;
    double openBound_ = std::numeric_limits<double>::infinity();
    double prunedBound_ = -std::numeric_limits<double>::infinity(); // best bound cut off by the gap
    bool stopped_ = false;
    bool lpComplete_ = false;
    std::vector<std::pair<long, signed char>> applied_; // the LP branch's decisions in force
    int lpRounds_ = 16; // rounded LP plans still to try // the last LP bound was the LP's optimum
    double rootBound_ = std::numeric_limits<double>::infinity(); // the cheap completion bound at the root
};

} // namespace lfr
