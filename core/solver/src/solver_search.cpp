#include "solver_search.h"

#include "lfrplan/objective.h"
#include "solver_bound.h"
#include "solver_lp.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace lfr {

SlotSearch::SlotSearch(const ScenarioIndex &index, std::vector<Candidate> pins, std::vector<Candidate> candidates,
                       StaffingOracle staff, const SolverOptions &options, const ProgressCallback &progress,
                       std::chrono::steady_clock::time_point started)
    : ix_(index), sc_(index.scenario()), pins_(std::move(pins)), cands_(std::move(candidates)),
      staff_(std::move(staff)), options_(options), progress_(progress), start_(started)
{
    hotspotCount_.assign(sc_.hotspots.size(), 0);
    hotspotDates_.assign(sc_.hotspots.size(), {});
    dateCount_.assign(sc_.dates.size(), 0);
    windowCount_.assign(sc_.dates.size() * sc_.windows.size(), 0);
    dateClosed_.assign(sc_.dates.size(), 0);
    order_.resize(cands_.size());
    for (std::size_t j = 0; j < order_.size(); ++j)
        order_[j] = j;
    flow_ = std::make_unique<FlowBound>(index);
}

SlotSearch::~SlotSearch() = default;

double SlotSearch::value(const std::vector<Candidate> &slots) const
{
    // Section 4: per hotspot, v sorted descending, the k-th counted decay^(k-1) times.
    std::vector<std::vector<double>> byHotspot(sc_.hotspots.size());
    for (const Candidate &c : slots)
        byHotspot[c.hotspot].push_back(c.value);
    double total = 0.0;
    for (std::size_t h = 0; h < byHotspot.size(); ++h) {
        auto &vs = byHotspot[h];
        std::sort(vs.begin(), vs.end(), std::greater<>());
        double weight = 1.0;
        for (const double v : vs) {
            total += weight * v;
            weight *= sc_.hotspots[h].repeatDecay;
        }
    }
    return total;
}

bool SlotSearch::compatible(const Candidate &c) const
{
    const Policy &p = sc_.policy;
    if (static_cast<int>(chosen_.size()) >= p.maxDeployments)
        return false;
    if (dateClosed_[c.date] != 0)
        return false;
    const Hotspot &h = sc_.hotspots[c.hotspot];
    if (hotspotCount_[c.hotspot] >= h.maxPerHorizon)
        return false;
    for (const std::size_t d : hotspotDates_[c.hotspot])
        if (std::abs(daysBetween(sc_.dates[d], sc_.dates[c.date])) < h.minGapDays)
            return false;
    if (p.maxPerDate && dateCount_[c.date] >= *p.maxPerDate)
        return false;
    // What the date and window can hold at most (officers, teams, vans).
    if (dateCount_[c.date] >= flow_->dateCapacity(c.date) ||
        windowCount_[c.date * sc_.windows.size() + c.window] >= flow_->windowCapacity(c.date, c.window))
        return false;
    if (dateCount_[c.date] == 0 && daysUsed_ >= p.maxDays)
        return false;
    for (const Candidate &o : chosen_)
        if (o.hotspot == c.hotspot && o.date == c.date && o.window == c.window)
            return false;
    return true;
}

// An upper bound on what the candidates from `from` on can still add. Two
// facts make it valid: a hotspot's decayed value of a union is at most the
// sum of the parts' (each value only moves to a later position), so the
// slots A added at a hotspot add at most sum_k decay^k v_(k) over A sorted
// by v; and no slot's crew can travel less than its own cheapest crew. Each
// hotspot's best gains fall as more are taken, so the best R are the top R
// increments over all hotspots.
double SlotSearch::completionBound(std::size_t from) const
{
    const int room = sc_.policy.maxDeployments - static_cast<int>(chosen_.size());
    if (room <= 0)
        return 0.0;
    std::vector<std::vector<double>> values(sc_.hotspots.size());
    std::vector<std::vector<double>> travels(sc_.hotspots.size());
    for (std::size_t k = from; k < order_.size(); ++k) {
        const Candidate &c = cands_[order_[k]];
        if (!compatible(c))
            continue;
        values[c.hotspot].push_back(c.value);
        travels[c.hotspot].push_back(c.travelBound);
    }
    std::vector<double> gains;
    for (std::size_t h = 0; h < values.size(); ++h) {
        if (values[h].empty())
            continue;
        std::sort(values[h].begin(), values[h].end(), std::greater<>());
        std::sort(travels[h].begin(), travels[h].end());
        const auto take = std::min<std::size_t>(
            values[h].size(), static_cast<std::size_t>(sc_.hotspots[h].maxPerHorizon - hotspotCount_[h]));
        double weight = 1.0;
        for (std::size_t k = 0; k < take; ++k) {
            const double gain = weight * values[h][k] - travels[h][k];
            if (gain <= 0)
                break;
            gains.push_back(gain);
            weight *= sc_.hotspots[h].repeatDecay;
        }
    }
    const auto keep = std::min(gains.size(), static_cast<std::size_t>(room));
    std::partial_sort(gains.begin(), gains.begin() + static_cast<std::ptrdiff_t>(keep), gains.end(), std::greater<>());
    double total = 0.0;
    for (std::size_t k = 0; k < keep; ++k)
        total += gains[k];
    return total;
}

double SlotSearch::flowBound(std::size_t from)
{
    const int room = sc_.policy.maxDeployments - static_cast<int>(chosen_.size());
    std::vector<const Candidate *> open;
    for (std::size_t k = from; k < order_.size(); ++k)
        if (compatible(cands_[order_[k]]))
            open.push_back(&cands_[order_[k]]);
    return flow_->bound(open, room, dateCount_, windowCount_);
}

double SlotSearch::completion(double here, std::size_t from)
{
    const double cheap = completionBound(from);
    if (gapClosed(here + cheap))
        return cheap;
    return std::min(cheap, flowBound(from));
}

void SlotSearch::push(const Candidate &c)
{
    ++windowCount_[c.date * sc_.windows.size() + c.window];
    if (dateCount_[c.date]++ == 0)
        ++daysUsed_;
    ++hotspotCount_[c.hotspot];
    hotspotDates_[c.hotspot].push_back(c.date);
    chosen_.push_back(c);
}

void SlotSearch::pop(const Candidate &c)
{
    chosen_.pop_back();
    --windowCount_[c.date * sc_.windows.size() + c.window];
    hotspotDates_[c.hotspot].pop_back();
    --hotspotCount_[c.hotspot];
    if (--dateCount_[c.date] == 0)
        --daysUsed_;
}

bool SlotSearch::gapClosed(double bound) const
{
    if (!out_.haveIncumbent || std::isnan(bound))
        return false;
    if (std::isinf(bound))
        return bound < 0;
    return bound - out_.bestObjective <= options_.relativeGap * std::max(std::abs(bound), 1e-3);
}

void SlotSearch::report(double bound)
{
    lastReport_ = std::chrono::steady_clock::now();
    if (!progress_)
        return;
    SolveProgress p;
    p.elapsedSeconds = std::chrono::duration<double>(lastReport_ - start_).count();
    if (out_.haveIncumbent)
        p.incumbent = out_.bestObjective;
    p.bound = bound;
    p.nodes = out_.nodes;
    if (!progress_(p)) {
        stopped_ = true;
        out_.stop = SolveStop::Interrupted;
    }
}

// The one place limits are checked.
bool SlotSearch::stopRequested()
{
    if (stopped_)
        return true;
    const auto now = std::chrono::steady_clock::now();
    if (std::chrono::duration<double>(now - start_).count() >= options_.timeLimitSeconds) {
        stopped_ = true;
        out_.stop = SolveStop::TimeLimit;
        return true;
    }
    if (now - lastReport_ >= std::chrono::milliseconds(50)) // a cancel is heard within 50 ms
        report(std::max(openBound(), out_.haveIncumbent ? out_.bestObjective : openBound()));
    return stopped_;
}

bool SlotSearch::consider(const Staffing &staffing)
{
    const double objective = value(chosen_) - staffing.travelPenalty;
    if (out_.haveIncumbent && objective <= out_.bestObjective)
        return false;
    out_.haveIncumbent = true;
    out_.bestObjective = objective;
    out_.best = staffing.deployments;
    report(std::max(openBound(), objective));
    return true;
}

double SlotSearch::lpBound()
{
    if (!lp_)
        return std::numeric_limits<double>::infinity();
    // Slices short enough for the time limit and a cancel to be seen within
    // 100 ms; a slice that ends early still gives a valid bound, and the next
    // call goes on from its basis.
    constexpr auto kSlice = std::chrono::milliseconds(80);
    const auto limit = start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                    std::chrono::duration<double>(options_.timeLimitSeconds));
    const SlotLp::Bound b = lp_->bound(std::min(limit, std::chrono::steady_clock::now() + kSlice));
    lpComplete_ = b.complete;
    if (!b.solved)
        return std::numeric_limits<double>::infinity();
    if (b.infeasible)
        return -std::numeric_limits<double>::infinity();
    return b.value;
}

void SlotSearch::lpFix(std::size_t candidate, int state)
{
    if (lp_)
        lp_->fix(candidate, static_cast<SlotLp::Fix>(state));
}

// When the LP's answer in the region is a set of whole slots, that set is
// staffed exactly: a plan as good as the LP bound closes the region, and
// any plan is a candidate incumbent. With `round`, a fractional answer is
// rounded (x >= 0.5) and tried too, as a heuristic.
bool SlotSearch::tryLpPlan(std::size_t from, double bound, bool round)
{
    std::vector<std::size_t> add;
    bool integral = true;
    for (std::size_t k = from; k < order_.size(); ++k) {
        const std::size_t j = order_[k];
        if (lp_->fixed(j) != SlotLp::Fix::Free)
            continue;
        const double v = lp_->value(j);
        if (v > 1e-6 && v < 1.0 - 1e-6)
            integral = false;
        if (v >= 0.5)
            add.push_back(j);
    }
    if ((!integral && !round) || add.empty())
        return false;
    std::size_t pushed = 0;
    for (const std::size_t j : add) {
        if (!compatible(cands_[j]))
            break;
        push(cands_[j]);
        ++pushed;
    }
    bool closed = false;
    if (pushed == add.size()) {
        ++out_.nodes;
        const Staffing staffing = staff_(chosen_);
        if (staffing.feasible) {
            consider(staffing);
            closed = integral && gapClosed(bound) == false &&
                     bound - (value(chosen_) - staffing.travelPenalty) <=
                         options_.relativeGap * std::max(std::abs(bound), 1e-3);
        }
    }
    for (std::size_t k = pushed; k-- > 0;)
        pop(cands_[add[k]]);
    return closed;
}

void SlotSearch::explore(std::size_t from, double travelPenalty)
{
    const bool atRoot = chosen_.size() == pins_.size();
    const double here = value(chosen_) - travelPenalty;
    if (lp_) {
        const double bound = lpBound();
        if (gapClosed(bound)) {
            prunedBound_ = std::max(prunedBound_, bound);
            return;
        }
        if (std::isfinite(bound) && tryLpPlan(from, bound, atRoot))
            return; // the region's best plan is staffed: nothing in it can do better
    }
    // Each child's bound from the node's LP reduced costs (the children's
    // regions lie inside the node's).
    const std::vector<double> with = lp_ ? lp_->boundsWith() : std::vector<double>{};
    // Candidates this level leaves out of the LP; free again on the way up.
    std::vector<std::size_t> leftOut;
    const auto leaveOut = [&](std::size_t j) {
        if (lp_) {
            lpFix(j, -1);
            leftOut.push_back(j);
        }
    };
    for (std::size_t k = from; k < order_.size(); ++k) {
        const std::size_t j = order_[k];
        if (stopRequested())
            break;
        if (lp_ && lp_->fixed(j) != SlotLp::Fix::Free)
            continue; // decided by the LP branch this search runs in
        const Candidate &c = cands_[j];
        if (!compatible(c)) {
            leaveOut(j); // nor will it be below: the chosen set only grows
            continue;
        }
        double bound = here + completion(here, k);
        if (atRoot)
            openBound_ = std::max(bound, out_.bestObjective);
        if (gapClosed(bound)) {
            prunedBound_ = std::max(prunedBound_, bound);
            break; // nothing from j on can do better: the bound falls with j
        }
        if (lp_ && gapClosed(with[j])) { // the LP's reduced cost of j bounds every plan that adds it
            prunedBound_ = std::max(prunedBound_, with[j]);
            leaveOut(j);
            continue;
        }
        push(c);
        lpFix(j, 1);
        // The child's own bound, before paying for its crews: its exact value,
        // the parent's crews plus the cheapest this slot could ever cost.
        const double childHere = value(chosen_) - travelPenalty - c.travelBound;
        double childBound = childHere + completion(childHere, k + 1);
        if (!gapClosed(childBound))
            childBound = std::min(childBound, lpBound());
        if (gapClosed(childBound)) {
            prunedBound_ = std::max(prunedBound_, childBound);
            pop(c);
            leaveOut(j);
            continue;
        }
        ++out_.nodes;
        const Staffing staffing = staff_(chosen_);
        if (staffing.feasible) {
            consider(staffing);
            explore(k + 1, staffing.travelPenalty);
        } else if (staffing.uncertain) {
            prunedBound_ = std::max(prunedBound_, bound); // not proven empty: keep its bound
        }
        pop(c);
        leaveOut(j);
        if (stopped_)
            break;
    }
    for (const std::size_t j : leftOut)
        lpFix(j, 0);
}

double SlotSearch::openBound() const
{
    double bound = openBound_;
    for (const double b : pending_)
        bound = std::max(bound, b);
    return bound;
}

// A first plan by marginal gain: repeatedly add the slot whose decayed
// value, less the cheapest crew it could have, adds most, if vans and crews
// can still be found for the whole set. The static order of the search ranks
// slots by their first-visit value and so reaches plans with repeats late;
// this plan gives it an incumbent near the optimum to prune with. The state
// is the pins' again afterwards.
void SlotSearch::warmStart()
{
    constexpr int kTriesPerStep = 8; // refused slots before the greedy stops
    std::vector<Candidate> added;
    while (!stopRequested()) {
        const double base = value(chosen_);
        std::vector<std::pair<double, std::size_t>> gains;
        for (std::size_t j = 0; j < cands_.size(); ++j) {
            if (!compatible(cands_[j]))
                continue;
            chosen_.push_back(cands_[j]);
            const double gain = value(chosen_) - base - cands_[j].travelBound;
            chosen_.pop_back();
            if (gain > 0)
                gains.emplace_back(gain, j);
        }
        std::stable_sort(gains.begin(), gains.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        bool grew = false;
        for (std::size_t k = 0; k < gains.size() && k < kTriesPerStep && !stopRequested(); ++k) {
            const Candidate &c = cands_[gains[k].second];
            push(c);
            ++out_.nodes;
            const Staffing staffing = staff_(chosen_);
            if (staffing.feasible) {
                consider(staffing);
                added.push_back(c);
                grew = true;
                break;
            }
            pop(c);
        }
        if (!grew)
            break;
    }
    while (!added.empty()) {
        pop(added.back());
        added.pop_back();
    }
}

SearchOutcome SlotSearch::run()
{
    lastReport_ = std::chrono::steady_clock::now();
    for (const Candidate &p : pins_)
        push(p);
    const Staffing root = staff_(chosen_);
    ++out_.nodes;
    if (!root.feasible) {
        out_.infeasible = true;
        out_.rootReasons = root.reasons;
        return out_;
    }
    consider(root);
    if (options_.lpBound && !cands_.empty())
        lp_ = std::make_unique<SlotLp>(ix_, *flow_, pins_, cands_);
    const double rootHere = value(chosen_) - root.travelPenalty;
    rootBound_ = rootHere + completion(rootHere, 0);
    openBound_ = std::min(rootBound_, lpBound());
    // The root LP to its end, in slices that let a cancel through.
    while (lp_ && !lpComplete_ && !stopRequested())
        openBound_ = std::min(rootBound_, lpBound());
    if (!stopped_)
        warmStart();
    if (!stopped_) {
        if (lp_)
            lpBranchAndBound();
        else
            explore(0, root.travelPenalty);
    }
    if (!stopped_) {
        openBound_ = std::max(out_.bestObjective, prunedBound_);
    } else {
        // Stopped: the unexplored root children, and every subtree cut off
        // without proof of being worse (by the gap, or by the crew search's
        // node limit), may still hold better plans.
        openBound_ = std::max({openBound_, out_.bestObjective, prunedBound_});
    }
    out_.bound = openBound_;
    // The last word: the final incumbent and bound (a cancel now changes nothing).
    if (progress_) {
        SolveProgress last;
        last.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        if (out_.haveIncumbent)
            last.incumbent = out_.bestObjective;
        last.bound = out_.bound;
        last.nodes = out_.nodes;
        progress_(last);
    }
    return out_;
}

} // namespace lfr
