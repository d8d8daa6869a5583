// The minimum-change re-plan (replan.h).
#include "lfrplan/replan.h"

#include "crew_lp.h"
#include "solver_vans.h"

#include "lfrplan/dates.h"
#include "lfrplan/objective.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/stability.h"
#include "lfrplan/validator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>

namespace lfr {

namespace {

using Clock = std::chrono::steady_clock;

// Deployments that can be moved to another van or dropped, at most, for
// every choice of them to be tried (2^12 candidates); beyond, a greedy
// pass and the re-plan is not proven minimal.
constexpr std::size_t kEveryMoveUpTo = 12;

enum class Choice : std::uint8_t { Drop, Keep, Move }; // an addition is included as Move

struct Item {
    std::optional<std::size_t> published; // index into the published deployments; none: a pin's addition
    std::size_t hotspot = 0, date = 0, window = 0;
    std::optional<std::size_t> pin;          // the pin asking for it
    std::optional<std::size_t> publishedVan; // its published van, when the scenario still has it
    bool canKeep = false;                    // with its published van
    bool canMove = false;                    // with another van (an addition: with any van)
    std::string why;                         // why it can be neither, when it cannot
    std::string whyNotKept;                  // why not with its published van, when it cannot be
};

struct Candidate {
    enum class Fails : std::uint8_t { No, Counts, Vans, Crews, Uncertain };
    Fails fails = Fails::No;
    bool feasible = false;
    bool uncertain = false; // the crews were not settled (time, numerics)
    std::size_t kept = 0;
    std::size_t changed = 0;
    double objective = 0.0;
    std::vector<Deployment> deployments;
    std::vector<Choice> choices;
};

// a better than b: section 6's order (kept is equal within a level).
bool better(const Candidate &a, const Candidate &b)
{
    if (!b.feasible)
        return a.feasible;
    if (!a.feasible)
        return false;
    if (a.kept != b.kept)
        return a.kept > b.kept;
    if (a.changed != b.changed)
        return a.changed < b.changed;
    return !objectivesTie(a.objective, b.objective) && a.objective > b.objective;
}

class Replanner {
public:
    Replanner(const Scenario &scenario, const std::vector<Deployment> &published, const ReplanOptions &options)
        : sc_(scenario), ix_(scenario), published_(published),
          deadline_(start_ + std::chrono::duration_cast<Clock::duration>(
                                 std::chrono::duration<double>(options.timeLimitSeconds)))
    {
    }

    ReplanResult run();

private:
    void buildItems();
    bool staticallyPossible(const Item &item, const std::optional<std::size_t> &van, bool otherThanPublished,
                            std::string &why) const;
    Candidate evaluate(const std::vector<Choice> &choices);
    bool countsHold(const std::vector<std::size_t> &included) const;
    void searchLevel(const std::vector<std::size_t> &keep, Candidate &best);
    std::vector<std::string> lostReasons(const Candidate &best);
    bool late() const { return !finalTry_ && Clock::now() >= deadline_; }

    const Scenario &sc_;
    ScenarioIndex ix_;
    const std::vector<Deployment> &published_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point deadline_;
    std::vector<Item> items_;
    std::vector<std::string> unusable_; // why a pin can never be met (infeasible)
    bool uncertain_ = false;
    bool timedOut_ = false;
    bool greedy_ = false;   // too many moves to try each: not proven
    bool finalTry_ = false; // out of time with no plan: the smallest set, without a deadline
    std::size_t candidates_ = 0;
};

bool Replanner::staticallyPossible(const Item &item, const std::optional<std::size_t> &van, bool otherThanPublished,
                                   std::string &why) const
{
    if (!ix_.windowMultiplier(item.hotspot, item.window)) {
        why = "the hotspot no longer allows that window";
        return false;
    }
    if (!ix_.hotspotAllowsDate(item.hotspot, item.date)) {
        why = "the hotspot no longer allows that date";
        return false;
    }
    for (std::size_t v = 0; v < sc_.vans.size(); ++v) {
        if (van && v != *van)
            continue;
        if (otherThanPublished && item.publishedVan == v)
            continue;
        if (ix_.vanAvailable(v, item.date) && sc_.vans[v].maxPerDate > 0)
            return true;
    }
    if (van)
        why = "van " + ix_.vanLabel(sc_.vans[*van].id) + " is out of service that date";
    else
        why = "no other van is free that date";
    return false;
}

void Replanner::buildItems()
{
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::size_t> byKey; // (date, window, hotspot)
    std::vector<std::optional<std::size_t>> pinOf(sc_.pinned.size());
    for (std::size_t i = 0; i < published_.size(); ++i) {
        const Deployment &p = published_[i];
        const auto t = ix_.date(p.date);
        const auto w = ix_.window(p.window);
        const auto h = ix_.hotspot(p.hotspot);
        Item item;
        item.published = i;
        if (!t || !w || !h) {
            item.why = "the scenario no longer has its date, window or hotspot";
            items_.push_back(std::move(item));
            continue;
        }
        item.date = *t;
        item.window = *w;
        item.hotspot = *h;
        item.publishedVan = ix_.van(p.van);
        if (!byKey.emplace(std::tuple{*t, *w, *h}, items_.size()).second) {
            item.why = "the published version has it twice";
            items_.push_back(std::move(item));
            continue;
        }
        items_.push_back(std::move(item));
    }
    for (std::size_t k = 0; k < sc_.pinned.size(); ++k) {
        const Pin &pin = sc_.pinned[k];
        const auto t = ix_.date(pin.date);
        const auto w = ix_.window(pin.window);
        const auto h = ix_.hotspot(pin.hotspot);
        if (!t || !w || !h) {
            unusable_.push_back(ix_.describe(pin) + ": unknown date, window or hotspot");
            continue;
        }
        const auto [it, added] = byKey.emplace(std::tuple{*t, *w, *h}, items_.size());
        if (added) {
            Item item;
            item.date = *t;
            item.window = *w;
            item.hotspot = *h;
            items_.push_back(std::move(item));
        } else if (items_[it->second].pin) {
            unusable_.push_back(ix_.describe(pin) + ": another pin asks for the same hotspot, date and window");
            continue;
        }
        items_[it->second].pin = k;
    }
    for (Item &item : items_) {
        if (!item.why.empty())
            continue;
        std::optional<std::size_t> pinVan;
        if (item.pin && sc_.pinned[*item.pin].van) {
            pinVan = ix_.van(*sc_.pinned[*item.pin].van);
            if (!pinVan) {
                unusable_.push_back(ix_.describe(sc_.pinned[*item.pin]) + ": unknown van");
                continue;
            }
        }
        std::string whyKeep, whyMove;
        if (item.published) {
            item.canKeep = item.publishedVan && (!pinVan || pinVan == item.publishedVan) &&
                           staticallyPossible(item, item.publishedVan, false, whyKeep);
            if (!item.publishedVan)
                whyKeep = "the scenario no longer has van " + published_[*item.published].van;
            else if (pinVan && pinVan != item.publishedVan)
                whyKeep = "a pin asks for another van";
            item.canMove = staticallyPossible(item, pinVan, true, whyMove);
            item.whyNotKept = whyKeep;
            if (!item.canKeep && !item.canMove)
                item.why = whyKeep.empty() ? whyMove : whyKeep + (whyMove.empty() ? "" : " and " + whyMove);
        } else {
            item.canMove = staticallyPossible(item, pinVan, false, whyMove);
            if (!item.canMove)
                unusable_.push_back(ix_.describe(sc_.pinned[*item.pin]) + ": " + whyMove);
        }
        if (item.published && item.pin && !item.canKeep && !item.canMove)
            unusable_.push_back(ix_.describe(sc_.pinned[*item.pin]) + ": " + item.why);
    }
}

bool Replanner::countsHold(const std::vector<std::size_t> &included) const
{
    const Policy &policy = sc_.policy;
    if (static_cast<int>(included.size()) > policy.maxDeployments)
        return false;
    std::map<std::size_t, int> perDate, perHotspot;
    for (const std::size_t i : included) {
        ++perDate[items_[i].date];
        ++perHotspot[items_[i].hotspot];
    }
    if (static_cast<int>(perDate.size()) > policy.maxDays)
        return false;
    if (policy.maxPerDate)
        for (const auto &[date, n] : perDate)
            if (n > *policy.maxPerDate)
                return false;
    for (const auto &[h, n] : perHotspot)
        if (n > sc_.hotspots[h].maxPerHorizon)
            return false;
    for (std::size_t a = 0; a < included.size(); ++a)
        for (std::size_t b = a + 1; b < included.size(); ++b) {
            const Item &x = items_[included[a]];
            const Item &y = items_[included[b]];
            if (x.hotspot != y.hotspot)
                continue;
            const int gap = std::abs(daysBetween(sc_.dates[x.date], sc_.dates[y.date]));
            if (gap < sc_.hotspots[x.hotspot].minGapDays)
                return false;
        }
    return true;
}

Candidate Replanner::evaluate(const std::vector<Choice> &choices)
{
    Candidate out;
    out.choices = choices;
    std::vector<std::size_t> included;
    for (std::size_t i = 0; i < items_.size(); ++i)
        if (choices[i] != Choice::Drop)
            included.push_back(i);
    out.fails = Candidate::Fails::Counts;
    if (!countsHold(included))
        return out;
    out.fails = Candidate::Fails::Vans;
    // Vans, date by date.
    std::map<std::size_t, std::vector<std::size_t>> byDate;
    for (const std::size_t i : included)
        byDate[items_[i].date].push_back(i);
    std::vector<std::size_t> vanOf(items_.size(), 0);
    for (const auto &[date, list] : byDate) {
        std::vector<VanRequest> requests;
        for (const std::size_t i : list) {
            const Item &item = items_[i];
            VanRequest r{item.window, std::nullopt, std::nullopt};
            if (item.pin && sc_.pinned[*item.pin].van)
                r.pinnedVan = ix_.van(*sc_.pinned[*item.pin].van);
            if (choices[i] == Choice::Keep)
                r.pinnedVan = item.publishedVan;
            else if (item.published)
                r.otherThan = item.publishedVan;
            requests.push_back(r);
        }
        const auto vans = assignVans(ix_, date, requests);
        if (!vans)
            return out;
        for (std::size_t k = 0; k < list.size(); ++k)
            vanOf[list[k]] = (*vans)[k];
    }
    std::vector<Deployment> deployments;
    std::vector<std::vector<CrewAssignment>> keep;
    for (const std::size_t i : included) {
        const Item &item = items_[i];
        Deployment d;
        d.date = sc_.dates[item.date];
        d.window = sc_.windows[item.window].id;
        d.hotspot = sc_.hotspots[item.hotspot].id;
        d.van = sc_.vans[vanOf[i]].id;
        if (item.pin)
            d.crew = sc_.pinned[*item.pin].crew;
        deployments.push_back(std::move(d));
        keep.push_back(item.published ? published_[*item.published].crew : std::vector<CrewAssignment>{});
    }
    ++candidates_;
    out.fails = Candidate::Fails::Crews;
    const CrewLpOutcome crews = assignCrewsKeeping(ix_, deployments, keep, [this] { return late(); });
    if (crews.kind == CrewLpOutcome::Kind::GaveUp) {
        out.fails = Candidate::Fails::Uncertain;
        out.uncertain = true;
        return out;
    }
    if (crews.kind == CrewLpOutcome::Kind::Infeasible)
        return out;
    for (std::size_t k = 0; k < deployments.size(); ++k)
        deployments[k].crew = crews.result.crews[k];
    out.fails = Candidate::Fails::No;
    out.feasible = true;
    out.kept = static_cast<std::size_t>(std::count(choices.begin(), choices.end(), Choice::Keep));
    out.changed = crews.placesChanged;
    out.objective = lfr::evaluate(ix_, deployments).objective;
    out.deployments = std::move(deployments);
    return out;
}

// Every candidate that keeps exactly the items `keep` (with their vans):
// each other item moved to another van or dropped, those a pin asks for
// always included.
void Replanner::searchLevel(const std::vector<std::size_t> &keep, Candidate &best)
{
    std::vector<Choice> base(items_.size(), Choice::Drop);
    for (const std::size_t i : keep)
        base[i] = Choice::Keep;
    std::vector<std::size_t> optional;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        if (base[i] == Choice::Keep)
            continue;
        const Item &item = items_[i];
        if (item.pin) {
            if (!item.canMove)
                return; // the pin needs this item kept
            base[i] = Choice::Move;
        } else if (item.canMove) {
            optional.push_back(i);
        }
    }
    const auto tryChoices = [&](const std::vector<Choice> &choices) {
        if (late()) {
            timedOut_ = true;
            return false;
        }
        Candidate c = evaluate(choices);
        uncertain_ = uncertain_ || c.uncertain;
        if (better(c, best))
            best = std::move(c);
        return true;
    };
    if (optional.size() > kEveryMoveUpTo) {
        // Too many to try every choice: every one moved, then each one
        // dropped from the best so far, then none; the answer is then not
        // proven minimal.
        greedy_ = true;
        std::vector<Choice> all = base;
        for (const std::size_t i : optional)
            all[i] = Choice::Move;
        if (!tryChoices(all))
            return;
        for (const std::size_t i : optional) {
            std::vector<Choice> without = best.feasible ? best.choices : all;
            without[i] = Choice::Drop;
            if (!tryChoices(without))
                return;
        }
        tryChoices(base);
        return;
    }
    const std::size_t masks = std::size_t{1} << optional.size();
    // Most moves first: a moved deployment with its crew costs no place.
    for (std::size_t m = masks; m-- > 0;) {
        std::vector<Choice> choices = base;
        for (std::size_t k = 0; k < optional.size(); ++k)
            if ((m >> k & 1U) != 0)
                choices[optional[k]] = Choice::Move;
        if (!tryChoices(choices))
            return;
    }
}

std::vector<std::string> Replanner::lostReasons(const Candidate &best)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const Item &item = items_[i];
        if (!item.published || (best.feasible && best.choices[i] != Choice::Drop))
            continue;
        std::string why = item.why;
        const auto alone = explainUnstaffable(ix_, item.hotspot, item.date, item.window);
        if (why.empty() && !alone.empty())
            why = "it cannot be staffed: " + alone.front();
        if (why.empty()) {
            // What keeping it (or moving it) beside the rest of the re-plan runs into.
            std::vector<Choice> with = best.choices;
            with[i] = item.canKeep ? Choice::Keep : Choice::Move;
            finalTry_ = true; // reasons are worth their time
            const Candidate c = evaluate(with);
            std::string tried = item.canKeep ? "" : item.whyNotKept + "; on another van ";
            switch (c.fails) {
            case Candidate::Fails::Counts:
                why = tried + "it would break a counting limit (deployments, days, per date, or the hotspot's)";
                break;
            case Candidate::Fails::Vans:
                why = tried + (item.canKeep ? "its van is taken" : "no van is free beside the deployments kept");
                break;
            case Candidate::Fails::Crews:
                why = tried + "it cannot be staffed beside the deployments kept (officers, duties or team limits)";
                break;
            case Candidate::Fails::Uncertain:
                why = tried + "staffing it beside the rest was not settled in time";
                break;
            case Candidate::Fails::No:
                why = tried + (c.changed > best.changed
                                   ? "it would change " + std::to_string(c.changed) + " crew places, against " +
                                         std::to_string(best.changed) + " without it"
                                   : "its crews' travel would cost more than it is worth");
                break;
            }
        }
        out.push_back(ix_.describe(published_[*item.published]) + ": " + why);
    }
    return out;
}

ReplanResult Replanner::run()
{
    buildItems();
    ReplanResult result;
    result.plan.scenario = sc_.name;
    Candidate best;
    if (unusable_.empty()) {
        std::vector<std::size_t> keepable;
        for (std::size_t i = 0; i < items_.size(); ++i)
            if (items_[i].canKeep)
                keepable.push_back(i);
        // Sets of kept items from the largest down; the first size with a
        // valid candidate holds the optimum.
        for (std::size_t k = keepable.size() + 1; k-- > 0 && !best.feasible && !timedOut_;) {
            std::vector<bool> pick(keepable.size(), false);
            std::fill(pick.begin(), pick.begin() + static_cast<std::ptrdiff_t>(k), true);
            do {
                std::vector<std::size_t> keep;
                for (std::size_t j = 0; j < keepable.size(); ++j)
                    if (pick[j])
                        keep.push_back(keepable[j]);
                searchLevel(keep, best);
            } while (!timedOut_ && std::prev_permutation(pick.begin(), pick.end()));
        }
        if (!best.feasible && timedOut_) {
            finalTry_ = true; // a plan at all: nothing kept, each item moved or dropped
            searchLevel({}, best);
        }
    }
    result.elapsedSeconds = std::chrono::duration<double>(Clock::now() - start_).count();
    result.candidates = candidates_;
    result.stop = timedOut_ ? SolveStop::TimeLimit : SolveStop::Finished;
    if (!best.feasible) {
        result.plan.status = PlanStatus::Infeasible;
        std::string reason = "No re-plan meets every pin";
        for (const std::string &u : unusable_)
            reason += "; " + u;
        for (const Item &item : items_) {
            if (!unusable_.empty() || !item.pin)
                continue;
            for (const std::string &why : explainUnstaffable(ix_, item.hotspot, item.date, item.window))
                reason += "; " + ix_.describe(sc_.pinned[*item.pin]) + ": " + why;
        }
        if (unusable_.empty())
            reason += timedOut_ ? " within the time limit" : "; the pins cannot be staffed together";
        reason += " (a pin the disruption makes impossible must be changed or removed first)";
        result.plan.reason = reason;
        return result;
    }
    std::vector<std::size_t> order(best.deployments.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Deployment &x = best.deployments[a];
        const Deployment &y = best.deployments[b];
        return std::tuple{x.date, *ix_.window(x.window), *ix_.hotspot(x.hotspot)} <
               std::tuple{y.date, *ix_.window(y.window), *ix_.hotspot(y.hotspot)};
    });
    for (const std::size_t k : order)
        result.plan.deployments.push_back(best.deployments[k]);
    const ValidationReport check = validatePlan(ix_, result.plan.deployments);
    if (!check.valid())
        throw std::logic_error("replan: the re-plan breaks a hard constraint: " + check.violations.front().message);
    result.plan.status = PlanStatus::Feasible;
    result.plan.figures = check.evaluation.figures();
    Stability st = measureStability(published_, result.plan.deployments);
    st.proven = !timedOut_ && !uncertain_ && !greedy_;
    if (timedOut_)
        result.unproven = "the time limit came first";
    else if (greedy_)
        result.unproven = "more than " + std::to_string(kEveryMoveUpTo) +
                          " deployments could move to another van: not every choice was tried";
    else if (uncertain_)
        result.unproven = "some crews were not settled (numerics or the crew search's node limit)";
    result.plan.stability = st;
    result.lost = lostReasons(best);
    return result;
}

} // namespace

ReplanResult replan(const Scenario &scenario, const std::vector<Deployment> &published, const ReplanOptions &options)
{
    if (!(options.timeLimitSeconds > 0.0) || !std::isfinite(options.timeLimitSeconds))
        throw std::invalid_argument("replan: the time limit must be a positive number of seconds");
    Replanner planner(scenario, published, options);
    return planner.run();
}

} // namespace lfr
