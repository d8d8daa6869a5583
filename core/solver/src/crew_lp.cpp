#include "crew_lp.h"

#include "lfrplan/geo.h"

#include <ClpSimplex.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <utility>

namespace lfr {

namespace {

constexpr std::size_t kMaxNodes = 20000;
constexpr double kIntegral = 1e-6;

struct Column {
    std::size_t cls = 0, deployment = 0, role = 0;
};

class ClassModel {
public:
    ClassModel(const ScenarioIndex &ix, const std::vector<Deployment> &deployments,
               const std::vector<std::vector<CrewAssignment>> *keep = nullptr)
        : ix_(ix), sc_(ix.scenario()), in_(deployments), keep_(keep)
    {
    }

    // Builds the model; nullopt when it is built, else the outcome already known.
    std::optional<CrewLpOutcome::Kind> build();
    CrewLpOutcome solve(const std::function<bool()> &stop);

private:
    struct Class {
        std::size_t team = 0;
        int dutiesLeft = 0;
        std::vector<std::size_t> officers; // scenario order
        std::vector<int> keepRole;         // per deployment: kept role + 1, or 0; empty: none
    };
    void search(const std::function<bool()> &stop);
    bool keepStage(const std::function<bool()> &stop);
    CrewLpOutcome result() const;

    const ScenarioIndex &ix_;
    const Scenario &sc_;
    const std::vector<Deployment> &in_;
    const std::vector<std::vector<CrewAssignment>> *keep_; // re-plan: the published crews
    std::size_t roles_ = 0;
    std::vector<std::size_t> date_, window_, hotspot_; // per deployment
    std::vector<int> need_;                            // deployment x role
    std::vector<Class> classes_;
    std::vector<Column> columns_;
    std::vector<double> km_, changed_;                 // per column: travel, 1 when not a kept place
    std::map<std::size_t, std::vector<int>> keepRole_; // officer -> per deployment: kept role + 1, or 0
    std::size_t pinnedChanged_ = 0;                    // pinned members not in the kept crew
    bool countStage_ = false;                          // searching the fewest changed places
    ClpSimplex lp_;
    std::size_t nodes_ = 0;
    bool gaveUp_ = false;
    bool keepWork_ = false;
    double best_ = std::numeric_limits<double>::infinity();
    std::vector<double> bestSolution_;
};

std::optional<CrewLpOutcome::Kind> ClassModel::build()
{
    using Kind = CrewLpOutcome::Kind;
    roles_ = sc_.roles.size();
    const std::size_t n = in_.size();
    need_.assign(n * roles_, 0);
    std::vector<int> pinnedDuties(sc_.officers.size(), 0);
    std::map<std::pair<std::size_t, std::size_t>, int> pinnedOnTeamDate; // (team, date) -> pinned members
    std::vector<std::vector<std::size_t>> pinnedDates(sc_.officers.size());
    for (std::size_t d = 0; d < n; ++d) {
        const auto t = ix_.date(in_[d].date);
        const auto w = ix_.window(in_[d].window);
        const auto h = ix_.hotspot(in_[d].hotspot);
        if (!t || !w || !h)
            return Kind::GaveUp;
        date_.push_back(*t);
        window_.push_back(*w);
        hotspot_.push_back(*h);
        const CrewMap &crew = ix_.effectiveCrew(*h);
        for (std::size_t r = 0; r < roles_; ++r) {
            const auto it = crew.find(sc_.roles[r].id);
            need_[d * roles_ + r] = it == crew.end() ? 0 : it->second;
        }
        for (const CrewAssignment &a : in_[d].crew) {
            const auto o = ix_.officer(a.officer);
            const auto r = ix_.role(a.role);
            const auto g = o ? ix_.teamOf(*o) : std::nullopt;
            if (!o || !r || !g)
                return Kind::GaveUp; // the flow-based assigner explains bad pins
            if (--need_[d * roles_ + *r] < 0)
                return Kind::GaveUp;
            if (keep_ && std::find((*keep_)[d].begin(), (*keep_)[d].end(), a) == (*keep_)[d].end())
                ++pinnedChanged_;
            ++pinnedDuties[*o];
            pinnedDates[*o].push_back(*t);
            ++pinnedOnTeamDate[{*g, *t}];
        }
    }
    if (keep_) {
        for (std::size_t d = 0; d < n && d < keep_->size(); ++d)
            for (const CrewAssignment &a : (*keep_)[d]) {
                const auto o = ix_.officer(a.officer);
                const auto r = ix_.role(a.role);
                if (!o || !r)
                    continue; // someone the scenario no longer has: their place is changed
                auto &roles = keepRole_[*o];
                roles.resize(n, 0);
                roles[d] = static_cast<int>(*r) + 1;
            }
    }
    // Officers into classes by (team, roles, deployments they can serve,
    // duties left and, in a re-plan, the places they keep).
    std::map<std::vector<std::uint64_t>, std::size_t> classOf;
    std::vector<std::uint64_t> key;
    const std::size_t words = (n + 63) / 64;
    for (std::size_t o = 0; o < sc_.officers.size(); ++o) {
        const auto g = ix_.teamOf(o);
        const int left = ix_.maxDuties(o) - pinnedDuties[o];
        if (!g || left <= 0)
            continue;
        std::uint64_t roleMask = 0;
        for (std::size_t r = 0; r < roles_ && r < 64; ++r)
            if (ix_.qualifies(o, r))
                roleMask |= std::uint64_t{1} << r;
        if (roleMask == 0)
            continue;
        key.assign(3 + words, 0);
        bool any = false;
        for (std::size_t d = 0; d < n; ++d) {
            if (std::find(pinnedDates[o].begin(), pinnedDates[o].end(), date_[d]) != pinnedDates[o].end())
                continue;
            if (!ix_.onDutyCovering(o, date_[d], window_[d]))
                continue;
            bool useful = false;
            for (std::size_t r = 0; r < roles_ && r < 64; ++r)
                useful = useful || ((roleMask >> r & 1U) != 0 && need_[d * roles_ + r] > 0);
            if (!useful)
                continue;
            key[3 + d / 64] |= std::uint64_t{1} << (d % 64);
            any = true;
        }
        if (!any)
            continue;
        key[0] = *g;
        key[1] = roleMask;
        key[2] = static_cast<std::uint64_t>(left);
        const auto kept = keepRole_.find(o);
        if (kept != keepRole_.end())
            for (const int r : kept->second)
                key.push_back(static_cast<std::uint64_t>(r) + 1);
        const auto [it, added] = classOf.try_emplace(key, classes_.size());
        if (added)
            classes_.push_back(Class{*g, left, {}, kept == keepRole_.end() ? std::vector<int>{} : kept->second});
        classes_[it->second].officers.push_back(o);
    }
    if (roles_ > 64)
        return Kind::GaveUp;

    // Rows: demand (d, r), then per class and date, per class, per team and date.
    std::vector<double> rowLo, rowUp;
    auto row = [&](double lo, double up) {
        rowLo.push_back(lo);
        rowUp.push_back(up);
        return static_cast<int>(rowLo.size() - 1);
    };
    std::vector<int> demand(n * roles_, -1);
    for (std::size_t k = 0; k < n * roles_; ++k)
        if (need_[k] > 0)
            demand[k] = row(need_[k], need_[k]);
    std::vector<std::vector<std::pair<int, double>>> entries;
    std::vector<double> colUp, cost;
    std::vector<double> supply(n * roles_, 0.0);
    std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> teamDateColumns;
    for (std::size_t c = 0; c < classes_.size(); ++c) {
        const Class &cls = classes_[c];
        const auto size = static_cast<double>(cls.officers.size());
        const std::size_t first = columns_.size();
        const std::size_t o = cls.officers.front();
        std::map<std::size_t, std::vector<std::size_t>> byDate;
        for (std::size_t d = 0; d < n; ++d) {
            // Same class: the first officer stands for all.
            if (std::find(pinnedDates[o].begin(), pinnedDates[o].end(), date_[d]) != pinnedDates[o].end() ||
                !ix_.onDutyCovering(o, date_[d], window_[d]))
                continue;
            const double km = haversineKm(sc_.teams[cls.team].base, sc_.hotspots[hotspot_[d]].location);
            for (std::size_t r = 0; r < roles_; ++r) {
                if (need_[d * roles_ + r] <= 0 || !ix_.qualifies(o, r))
                    continue;
                const double up = std::min(size, static_cast<double>(need_[d * roles_ + r]));
                supply[d * roles_ + r] += up;
                byDate[date_[d]].push_back(columns_.size());
                teamDateColumns[{cls.team, date_[d]}].push_back(columns_.size());
                columns_.push_back({c, d, r});
                colUp.push_back(up);
                cost.push_back(km);
                km_.push_back(km);
                changed_.push_back(!cls.keepRole.empty() && cls.keepRole[d] == static_cast<int>(r) + 1 ? 0.0 : 1.0);
                entries.push_back({{demand[d * roles_ + r], 1.0}});
            }
        }
        for (const auto &[t, list] : byDate) {
            double most = 0;
            for (const std::size_t j : list)
                most += colUp[j];
            if (list.size() >= 2 && most > size) {
                const int r = row(-COIN_DBL_MAX, size);
                for (const std::size_t j : list)
                    entries[j].emplace_back(r, 1.0);
            }
        }
        if (static_cast<std::size_t>(cls.dutiesLeft) < byDate.size()) {
            const int r = row(-COIN_DBL_MAX, size * cls.dutiesLeft);
            for (std::size_t j = first; j < columns_.size(); ++j)
                entries[j].emplace_back(r, 1.0);
        }
    }
    for (std::size_t k = 0; k < n * roles_; ++k)
        if (need_[k] > 0 && supply[k] < need_[k])
            return Kind::Infeasible;
    for (const auto &[teamDate, list] : teamDateColumns) {
        const auto pinned = pinnedOnTeamDate.find(teamDate);
        const int cap = ix_.teamReleasable(teamDate.first, teamDate.second) -
                        (pinned == pinnedOnTeamDate.end() ? 0 : pinned->second);
        double most = 0;
        for (const std::size_t j : list)
            most += colUp[j];
        if (cap < 0)
            return Kind::GaveUp; // pins alone break the limit: the flow-based assigner says so
        if (most > cap) {
            const int r = row(-COIN_DBL_MAX, cap);
            for (const std::size_t j : list)
                entries[j].emplace_back(r, 1.0);
        }
    }
    std::vector<CoinBigIndex> starts{0};
    std::vector<int> index;
    std::vector<double> value;
    for (const auto &e : entries) {
        for (const auto &[r, v] : e) {
            index.push_back(r);
            value.push_back(v);
        }
        starts.push_back(static_cast<CoinBigIndex>(index.size()));
    }
    const std::vector<double> colLo(columns_.size(), 0.0);
    lp_.setLogLevel(0);
    lp_.loadProblem(static_cast<int>(columns_.size()), static_cast<int>(rowLo.size()), starts.data(), index.data(),
                    value.data(), colLo.data(), colUp.data(), cost.data(), rowLo.data(), rowUp.data());
    return std::nullopt;
}

void ClassModel::search(const std::function<bool()> &stop)
{
    if (gaveUp_ || ++nodes_ > kMaxNodes || (stop && stop())) {
        gaveUp_ = true;
        return;
    }
    lp_.dual(0, keepWork_ ? 7 : 1);
    keepWork_ = true;
    if (lp_.status() == 1)
        return; // no crews in this branch
    if (lp_.status() != 0) {
        gaveUp_ = true;
        return;
    }
    const double objective = lp_.objectiveValue();
    if (objective >= best_ - 1e-9 * std::max(1.0, std::abs(best_)))
        return;
    if (countStage_ && std::ceil(objective - 1e-6) >= best_)
        return; // a count: no better whole answer below this node
    const double *x = lp_.primalColumnSolution();
    const int cols = lp_.numberColumns();
    int branch = -1;
    double most = kIntegral;
    for (int j = 0; j < cols; ++j) {
        const double f = std::abs(x[j] - std::round(x[j]));
        if (f > most) {
            most = f;
            branch = j;
        }
    }
    if (branch < 0) {
        best_ = objective;
        bestSolution_.assign(x, x + cols);
        return;
    }
    const double v = x[branch];
    const double lo = lp_.columnLower()[branch], up = lp_.columnUpper()[branch];
    const bool upFirst = v - std::floor(v) > 0.5;
    for (int side = 0; side < 2 && !gaveUp_; ++side) {
        if ((side == 0) == upFirst)
            lp_.setColumnBounds(branch, std::ceil(v), up);
        else
            lp_.setColumnBounds(branch, lo, std::floor(v));
        search(stop);
        lp_.setColumnBounds(branch, lo, up);
    }
}

CrewLpOutcome ClassModel::result() const
{
    CrewLpOutcome out;
    const std::size_t n = in_.size();
    // Class places per date, in deployment then role order.
    std::vector<std::vector<std::vector<std::pair<std::size_t, std::size_t>>>> places(classes_.size());
    std::vector<int> filled(n * roles_, 0);
    for (std::size_t j = 0; j < columns_.size(); ++j) {
        const long count = std::lround(bestSolution_[j]);
        if (count <= 0)
            continue;
        const Column &col = columns_[j];
        auto &byDate = places[col.cls];
        if (byDate.empty())
            byDate.resize(ix_.dateCount());
        for (long k = 0; k < count; ++k)
            byDate[date_[col.deployment]].emplace_back(col.deployment, col.role);
        filled[col.deployment * roles_ + col.role] += static_cast<int>(count);
    }
    for (std::size_t k = 0; k < n * roles_; ++k)
        if (filled[k] != need_[k])
            return out;                                                      // rounding went wrong: give up
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> chosen(n); // (role, officer)
    for (std::size_t c = 0; c < classes_.size(); ++c) {
        if (places[c].empty())
            continue;
        const Class &cls = classes_[c];
        std::vector<int> left(cls.officers.size(), cls.dutiesLeft);
        std::vector<std::size_t> order(cls.officers.size());
        for (std::size_t t = 0; t < places[c].size(); ++t) {
            auto list = places[c][t];
            if (list.empty())
                continue;
            if (list.size() > cls.officers.size())
                return out;
            std::sort(list.begin(), list.end());
            for (std::size_t i = 0; i < order.size(); ++i)
                order[i] = i;
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return left[a] > left[b]; });
            for (std::size_t k = 0; k < list.size(); ++k) {
                const std::size_t m = order[k];
                if (left[m] <= 0)
                    return out;
                --left[m];
                chosen[list[k].first].emplace_back(list[k].second, cls.officers[m]);
            }
        }
    }
    CrewResult &r = out.result;
    r.feasible = true;
    r.nodes = nodes_;
    r.crews.resize(n);
    for (std::size_t d = 0; d < n; ++d) {
        r.crews[d] = in_[d].crew;
        std::sort(chosen[d].begin(), chosen[d].end());
        for (const auto &[role, officer] : chosen[d])
            r.crews[d].push_back({sc_.officers[officer].id, sc_.roles[role].id});
        for (const CrewAssignment &a : r.crews[d]) {
            const auto o = ix_.officer(a.officer);
            const auto g = o ? ix_.teamOf(*o) : std::nullopt;
            if (g)
                r.travelKm += haversineKm(sc_.teams[*g].base, sc_.hotspots[hotspot_[d]].location);
        }
    }
    out.kind = CrewLpOutcome::Kind::Solved;
    return out;
}

// The re-plan's first search: the fewest changed places. Leaves the model
// bounded to that count, minimising travel; false when it has answered.
bool ClassModel::keepStage(const std::function<bool()> &stop)
{
    const int cols = static_cast<int>(columns_.size());
    for (int j = 0; j < cols; ++j)
        lp_.setObjectiveCoefficient(j, changed_[static_cast<std::size_t>(j)]);
    countStage_ = true;
    search(stop);
    countStage_ = false;
    if (gaveUp_ || bestSolution_.empty())
        return false;
    const double fewest = std::round(best_);
    std::vector<int> index(static_cast<std::size_t>(cols));
    for (int j = 0; j < cols; ++j)
        index[static_cast<std::size_t>(j)] = j;
    lp_.addRow(cols, index.data(), changed_.data(), -COIN_DBL_MAX, fewest + 0.5);
    for (int j = 0; j < cols; ++j)
        lp_.setObjectiveCoefficient(j, km_[static_cast<std::size_t>(j)]);
    best_ = std::numeric_limits<double>::infinity();
    bestSolution_.clear();
    keepWork_ = false;
    return true;
}

CrewLpOutcome ClassModel::solve(const std::function<bool()> &stop)
{
    CrewLpOutcome out;
    if (columns_.empty()) {
        out = result(); // nothing to choose: every place is pinned (or no crew is needed)
        out.placesChanged = pinnedChanged_;
        return out;
    }
    std::size_t fewest = 0;
    if (keep_) {
        if (!keepStage(stop)) {
            if (!gaveUp_)
                out.kind = CrewLpOutcome::Kind::Infeasible;
            return out;
        }
        fewest = static_cast<std::size_t>(std::lround(lp_.rowUpper()[lp_.numberRows() - 1] - 0.5));
    }
    search(stop);
    if (gaveUp_)
        return out;
    if (bestSolution_.empty()) {
        out.kind = keep_ ? CrewLpOutcome::Kind::GaveUp : CrewLpOutcome::Kind::Infeasible; // numerics
        return out;
    }
    out = result();
    out.placesChanged = fewest + pinnedChanged_;
    return out;
}

} // namespace

CrewLpOutcome assignCrewsByClasses(const ScenarioIndex &index, const std::vector<Deployment> &deployments,
                                   const std::function<bool()> &stop)
{
    ClassModel model(index, deployments);
    if (const auto known = model.build()) {
        CrewLpOutcome out;
        out.kind = *known;
        return out;
    }
    return model.solve(stop);
}

CrewLpOutcome assignCrewsKeeping(const ScenarioIndex &index, const std::vector<Deployment> &deployments,
                                 const std::vector<std::vector<CrewAssignment>> &keep,
                                 const std::function<bool()> &stop)
{
    ClassModel model(index, deployments, &keep);
    if (const auto known = model.build()) {
        CrewLpOutcome out;
        out.kind = *known;
        return out;
    }
    return model.solve(stop);
}

} // namespace lfr
