// The slot search driven by the LP bound (solver_lp.h): best-first branch
// and bound on the LP's fractional date and slot variables, with plunging
// (the branch the LP leans to is searched at once). A node whose LP answer
// is whole slots is staffed exactly; when that plan meets the node's bound
// the node is closed, else the search branches on its slots. See
// docs/solver-design.md, "The search".
#include "solver_lp.h"
#include "solver_search.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <queue>

namespace lfr {

namespace {

// A branching decision: candidate j (key j + 1) or date t (key -(t + 1)), in or out.
struct Decision {
    long key = 0;
    SlotLp::Fix state = SlotLp::Fix::Free;
};

struct Node {
    double bound = 0.0;    // the parent's LP bound: nothing in the node can do better
    std::uint64_t seq = 0; // ties: older first, for determinism
    std::vector<Decision> decisions;
};

struct Worse {
    bool operator()(const Node &a, const Node &b) const
    {
        return a.bound != b.bound ? a.bound < b.bound : a.seq > b.seq;
    }
};

} // namespace

void SlotSearch::applyDecisions(const std::vector<std::pair<long, signed char>> &decisions)
{
    for (const auto &[key, state] : applied_) {
        if (key > 0)
            lp_->fix(static_cast<std::size_t>(key - 1), SlotLp::Fix::Free);
        else
            lp_->fixDay(static_cast<std::size_t>(-key - 1), SlotLp::Fix::Free);
    }
    applied_ = decisions;
    for (const auto &[key, state] : applied_) {
        if (key > 0)
            lp_->fix(static_cast<std::size_t>(key - 1), static_cast<SlotLp::Fix>(state));
        else
            lp_->fixDay(static_cast<std::size_t>(-key - 1), static_cast<SlotLp::Fix>(state));
    }
}

// Staffs the pins and the given candidates (those the LP puts at 1, or
// rounds to 1) that keep every counting rule, in the given order; returns
// the plan's objective, or nullopt when a candidate breaks a rule (`all`)
// or they cannot be staffed.
std::optional<double> SlotSearch::staffLpSet(const std::vector<std::size_t> &set, bool all)
{
    std::vector<std::size_t> pushed;
    bool kept = true;
    for (const std::size_t j : set) {
        if (!compatible(cands_[j])) {
            kept = false;
            continue;
        }
        push(cands_[j]);
        pushed.push_back(j);
    }
    std::optional<double> objective;
    if (kept || !all) {
        ++out_.nodes;
        const Staffing staffing = staff_(chosen_);
        if (staffing.feasible) {
            objective = value(chosen_) - staffing.travelPenalty;
            consider(staffing);
        }
    }
    for (auto it = pushed.rbegin(); it != pushed.rend(); ++it)
        pop(cands_[*it]);
    return objective;
}

// The depth-first slot search over the region the LP decisions leave: the
// candidates fixed in are pushed and staffed, those fixed out skipped.
void SlotSearch::searchRegion()
{
    std::vector<std::size_t> in;
    bool kept = true;
    for (std::size_t j = 0; j < cands_.size() && kept; ++j) {
        if (lp_->fixed(j) != SlotLp::Fix::In)
            continue;
        kept = compatible(cands_[j]);
        if (kept) {
            push(cands_[j]);
            in.push_back(j);
        }
    }
    for (std::size_t t = 0; t < sc_.dates.size(); ++t)
        dateClosed_[t] = lp_->hasDay(t) && lp_->dayFixed(t) == SlotLp::Fix::Out ? 1 : 0;
    if (kept) {
        ++out_.nodes;
        const Staffing staffing = staff_(chosen_);
        if (staffing.feasible) {
            consider(staffing);
            explore(0, staffing.travelPenalty);
        } else if (staffing.uncertain) {
            prunedBound_ = std::max(prunedBound_, openBound_);
        }
    }
    std::fill(dateClosed_.begin(), dateClosed_.end(), 0);
    for (auto it = in.rbegin(); it != in.rend(); ++it)
        pop(cands_[*it]);
}

void SlotSearch::lpBranchAndBound()
{
    std::priority_queue<Node, std::vector<Node>, Worse> open;
    std::uint64_t seq = 0;
    std::optional<Node> next = Node{lpBound(), seq++, {}};
    const auto pendingBound = [&] {
        return open.empty() ? -std::numeric_limits<double>::infinity() : open.top().bound;
    };
    while (!stopRequested()) {
        if (!next) {
            if (open.empty())
                break;
            next = open.top();
            open.pop();
        }
        Node node = std::move(*next);
        next.reset();
        openBound_ = std::max(node.bound, pendingBound());
        if (gapClosed(node.bound)) {
            prunedBound_ = std::max(prunedBound_, node.bound);
            continue;
        }
        std::vector<std::pair<long, signed char>> decisions;
        for (const Decision &d : node.decisions)
            decisions.emplace_back(d.key, static_cast<signed char>(d.state));
        applyDecisions(decisions);
        double bound = std::min(node.bound, lpBound());
        while (!lpComplete_ && !stopRequested()) // the LP to its end, in slices a cancel gets through
            bound = std::min(node.bound, lpBound());
        if (stopped_) {
            prunedBound_ = std::max(prunedBound_, bound); // not searched
            break;
        }
        openBound_ = std::max(bound, pendingBound());
        if (gapClosed(bound)) {
            prunedBound_ = std::max(prunedBound_, bound);
            continue;
        }
        pending_.assign(1, pendingBound()); // for progress reports from inside the region's search
        // What the LP says: the most fractional date, else slot; or whole slots.
        std::optional<long> branch;
        double most = 1e-6;
        for (std::size_t t = 0; t < sc_.dates.size(); ++t) {
            if (!lp_->hasDay(t) || lp_->dayFixed(t) != SlotLp::Fix::Free)
                continue;
            const double v = lp_->dayValue(t);
            if (std::min(v, 1.0 - v) > most) {
                most = std::min(v, 1.0 - v);
                branch = -static_cast<long>(t) - 1;
            }
        }
        std::vector<std::size_t> ones;
        bool whole = true;
        for (std::size_t j = 0; j < cands_.size(); ++j) {
            const double v = lp_->value(j);
            if (v >= 0.5)
                ones.push_back(j);
            if (lp_->fixed(j) != SlotLp::Fix::Free || v <= 1e-6 || v >= 1.0 - 1e-6)
                continue;
            whole = false;
            if (!branch || (*branch > 0 && std::min(v, 1.0 - v) > most)) {
                most = std::min(v, 1.0 - v);
                branch = static_cast<long>(j) + 1;
            }
        }
        if (whole) {
            // A set of whole slots: staffed exactly, it may close the node.
            const std::optional<double> objective = staffLpSet(ones, true);
            if (objective && !gapClosed(bound) &&
                bound - *objective <= options_.relativeGap * std::max(std::abs(bound), 1e-3))
                continue;
            if (gapClosed(bound))
                continue;
            // Not closed: the crews (or vans) cost more than the LP thinks.
            // The slot search, which staffs every set it scores, finishes
            // the node's region.
            searchRegion();
            continue;
        } else if (lpRounds_ > 0) {
            --lpRounds_; // a rounded plan now and then, for an incumbent early
            staffLpSet(ones, false);
        }
        Node up{bound, seq++, node.decisions};
        up.decisions.push_back({*branch, SlotLp::Fix::In});
        Node down{bound, seq++, std::move(node.decisions)};
        down.decisions.push_back({*branch, SlotLp::Fix::Out});
        next = std::move(up);
        open.push(std::move(down));
    }
    if (stopped_) {
        if (next)
            prunedBound_ = std::max(prunedBound_, next->bound);
        prunedBound_ = std::max(prunedBound_, pendingBound());
    }
    pending_.clear();
    applyDecisions({});
}

} // namespace lfr
