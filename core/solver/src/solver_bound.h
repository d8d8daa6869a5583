// A second completion bound for the slot search (solver_search.h): a
// maximum-profit flow that sees how many deployments each date and each
// (date, window) can hold at most, which the per-hotspot bound ignores.
//
//   source -> date t (what t can still hold) -> (t, window) (what the window
//   can still hold) -> hotspot h, one arc per open slot (profit: its value
//   less the cheapest crew it could have) -> sink, through arcs for the
//   1st, 2nd, ... slot added at h (cost: the repeat decay's least loss,
//   (1 - decay^(k-1)) times the smallest value of h's open slots);
//   source -> sink directly (nothing deployed).
//
// Valid: a plan's added slots are one such flow. What a date or window can
// hold is counted from the officers qualified for each role (on a shift
// covering the window, or any window that date) over the fewest of that
// role any crew needs, from what the teams may release that date over the
// smallest crew, and from the vans and the policy's max_per_date. The
// slots added at a hotspot add at most the sum of their values decayed from
// weight 1 (the bound of SlotSearch::completionBound), and the k-th largest
// of them loses at least (1 - decay^(k-1)) times the smallest. Profits are
// rounded up and losses down to whole micro-points.
#pragma once

#include "crew_flow.h"
#include "solver_search.h"

#include "lfrplan/scenario_index.h"

#include <cstddef>
#include <vector>

namespace lfr {

class FlowBound {
public:
    explicit FlowBound(const ScenarioIndex &index);

    // Deployments the date, and the (date, window), can hold at most.
    int dateCapacity(std::size_t date) const { return dateCap_[date]; }
    int windowCapacity(std::size_t date, std::size_t window) const { return windowCap_[date * windows_ + window]; }

    // An upper bound on what adding at most `room` of `open` can add to the
    // objective, given the deployments already counted on each date and
    // (date, window) and at each hotspot.
    double bound(const std::vector<const Candidate *> &open, int room, const std::vector<int> &perDate,
                 const std::vector<int> &perDateWindow);

private:
    const ScenarioIndex &ix_;
    std::size_t windows_ = 0;
    std::vector<int> dateCap_;
    std::vector<int> windowCap_; // date x window
    detail::FlowNetwork net_;
};

} // namespace lfr
