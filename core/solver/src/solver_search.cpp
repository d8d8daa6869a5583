#include "solver_search.h"

#include "lfrplan/objective.h"
#include "solver_bound.h"

#include <algorithm>
#include <cmath>

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
    for (std::size_t j = from; j < cands_.size(); ++j) {
        const Candidate &c = cands_[j];
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
    for (std::size_t j = from; j < cands_.size(); ++j)
        if (compatible(cands_[j]))
            open.push_back(&cands_[j]);
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
    if (!out_.haveIncumbent)
        return false;
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
    if (now - lastReport_ >= std::chrono::milliseconds(200))
        report(std::max(openBound_, out_.haveIncumbent ? out_.bestObjective : openBound_));
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
    report(std::max(openBound_, objective));
    return true;
}

void SlotSearch::explore(std::size_t from, double travelPenalty)
{
    const bool atRoot = chosen_.size() == pins_.size();
    const double here = value(chosen_) - travelPenalty;
    for (std::size_t j = from; j < cands_.size(); ++j) {
        if (stopRequested())
            return;
        const Candidate &c = cands_[j];
        if (!compatible(c))
            continue;
        const double bound = here + completion(here, j);
        if (atRoot)
            openBound_ = std::max(bound, out_.bestObjective);
        if (gapClosed(bound)) {
            prunedBound_ = std::max(prunedBound_, bound);
            return; // nothing from j on can do better: the bound falls with j
        }
        push(c);
        // The child's own bound, before paying for its crews: its exact value,
        // the parent's crews plus the cheapest this slot could ever cost.
        const double childHere = value(chosen_) - travelPenalty - c.travelBound;
        const double childBound = childHere + completion(childHere, j + 1);
        if (gapClosed(childBound)) {
            prunedBound_ = std::max(prunedBound_, childBound);
            pop(c);
            continue;
        }
        ++out_.nodes;
        const Staffing staffing = staff_(chosen_);
        if (staffing.feasible) {
            consider(staffing);
            explore(j + 1, staffing.travelPenalty);
        } else if (staffing.uncertain) {
            prunedBound_ = std::max(prunedBound_, bound); // not proven empty: keep its bound
        }
        pop(c);
        if (stopped_)
            return;
    }
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
    const double rootHere = value(chosen_) - root.travelPenalty;
    openBound_ = rootHere + completion(rootHere, 0);
    report(openBound_);
    if (!stopped_)
        warmStart();
    if (!stopped_)
        explore(0, root.travelPenalty);
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
