// The three-way re-apply of scenario_merge.h.
#include "lfrplan/scenario_merge.h"

#include "lfrplan/safeguards.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace lfr {

namespace {

// A list keyed by (key, occurrence): a duplicated key (a malformed list)
// still pairs its n-th occurrence in one version with the n-th in another.
template <class Key, class Value> using Keyed = std::vector<std::pair<std::pair<Key, int>, Value>>;

template <class Key, class Value, class KeyOf> Keyed<Key, Value> keyed(const std::vector<Value> &list, KeyOf keyOf)
{
    Keyed<Key, Value> out;
    std::map<Key, int> seen;
    for (const Value &v : list) {
        Key k = keyOf(v);
        const int n = seen[k]++;
        out.emplace_back(std::pair<Key, int>{std::move(k), n}, v);
    }
    return out;
}

struct Lines {
    MergeResult &result;
    void add(const std::string &what, const std::string &how) { result.lines.push_back(what + ": " + how); }
    void overlap(const std::string &what, const std::string &how)
    {
        add(what, how);
        ++result.overlaps;
    }
};

// Applies my additions, removals and changes against base onto `merged`
// (theirs). An addition goes after the item before it in mine that is kept
// (or first). `describe` names an item for the lines; `detail` says what my
// change was, or nothing. Lookups go through maps: 33,000 officers merge in
// n log n.
template <class Key, class Value>
void mergeKeyed(const Keyed<Key, Value> &base, const Keyed<Key, Value> &mine, Keyed<Key, Value> &merged,
                const std::function<std::string(const Key &)> &describe,
                const std::function<std::string(const Value &, const Value &)> &detail, Lines &lines)
{
    using K = std::pair<Key, int>;
    const auto indexOf = [](const Keyed<Key, Value> &list) {
        std::map<K, std::size_t> out;
        for (std::size_t i = 0; i < list.size(); ++i)
            out.emplace(list[i].first, i);
        return out;
    };
    const auto inBase = indexOf(base), inMine = indexOf(mine), inTheirs = indexOf(merged);
    const auto lookup = [](const std::map<K, std::size_t> &in, const Keyed<Key, Value> &list,
                           const K &key) -> const Value * {
        const auto it = in.find(key);
        return it == in.end() ? nullptr : &list[it->second].second;
    };
    std::map<K, const Value *> replaced;                        // theirs' item -> mine
    std::set<K> removed;                                        // theirs' items I removed
    std::map<std::optional<K>, std::vector<std::size_t>> after; // anchor -> my additions (mine's indices)
    std::optional<K> last;                                      // the last item of mine that is kept
    for (std::size_t i = 0; i < mine.size(); ++i) {
        const auto &[key, m] = mine[i];
        const Value *b = lookup(inBase, base, key);
        const Value *t = lookup(inTheirs, merged, key);
        const std::string what = describe(key.first);
        if (t)
            last = key;
        if ((b && *b == m) || (t && *t == m))
            continue; // not my change, or they made the same one: theirs stands
        if (t) {
            replaced.emplace(key, &m);
            if (!b)
                lines.overlap(what, "added by both, differently; yours kept");
            else if (*t == *b)
                lines.add(what, "your change re-applied" + detail(*b, m));
            else
                lines.overlap(what, "changed by both; yours kept");
            continue;
        }
        after[last].push_back(i);
        last = key;
        if (b)
            lines.overlap(what, "you changed it, they removed it; yours kept");
        else
            lines.add(what, "added (yours)");
    }
    // Removed by me, in base order.
    for (const auto &[key, b] : base) {
        if (inMine.count(key))
            continue;
        const Value *t = lookup(inTheirs, merged, key);
        if (!t)
            continue; // they removed it too
        removed.insert(key);
        if (*t == b)
            lines.add(describe(key.first), "removed (yours)");
        else
            lines.overlap(describe(key.first), "you removed it, they changed it; removed (yours kept)");
    }

    Keyed<Key, Value> out;
    out.reserve(merged.size() + mine.size());
    // Appends the additions anchored at `anchor`, and theirs, depth first
    // (iteratively: a run of additions anchors each on the one before).
    const auto emitAfter = [&](const std::optional<K> &anchor) {
        std::vector<std::pair<const std::vector<std::size_t> *, std::size_t>> stack;
        const auto push = [&](const std::optional<K> &a) {
            if (const auto it = after.find(a); it != after.end())
                stack.emplace_back(&it->second, 0);
        };
        push(anchor);
        while (!stack.empty()) {
            auto &[list, next] = stack.back();
            if (next == list->size()) {
                stack.pop_back();
                continue;
            }
            const auto &item = mine[(*list)[next++]];
            out.push_back(item);
            push(item.first);
        }
    };
    emitAfter(std::nullopt);
    for (auto &[key, value] : merged) {
        if (removed.count(key))
            continue;
        const auto mineValue = replaced.find(key);
        out.emplace_back(key, mineValue == replaced.end() ? value : *mineValue->second);
        emitAfter(key);
    }
    merged = std::move(out);
}

template <class Value> std::vector<Value> values(Keyed<std::string, Value> &&list)
{
    std::vector<Value> out;
    out.reserve(list.size());
    for (auto &[key, value] : list)
        out.push_back(std::move(value));
    return out;
}

// Officers, teams, hotspots or vans by id.
template <class Record>
void mergeRecords(const char *kind, const std::vector<Record> &base, const std::vector<Record> &mine,
                  std::vector<Record> &merged, Lines &lines)
{
    const auto id = [](const Record &r) { return r.id; };
    auto into = keyed<std::string>(merged, id);
    mergeKeyed<std::string, Record>(
        keyed<std::string>(base, id), keyed<std::string>(mine, id), into,
        [kind](const std::string &key) { return std::string(kind) + " " + key; },
        [](const Record &, const Record &) { return std::string(); }, lines);
    merged = values(std::move(into));
}

// A part of the scenario taken as a whole.
template <class T> void mergeWhole(const char *what, const T &base, const T &mine, T &merged, Lines &lines)
{
    if (mine == base || merged == mine)
        return;
    const bool theirsChanged = !(merged == base);
    merged = mine;
    if (theirsChanged)
        lines.overlap(what, "changed by both; yours kept");
    else
        lines.add(what, "your change re-applied");
}

// What my change to a deployment was, for its line.
std::string deploymentChange(const Deployment &before, const Deployment &after)
{
    std::string out;
    if (before.van != after.van)
        out += "moved to van " + after.van;
    if (before.crew != after.crew)
        out += std::string(out.empty() ? "" : ", ") + "crew changed";
    return out.empty() ? out : " (" + out + ")";
}

} // namespace

MergeResult reapplyChanges(const PlanState &base, const PlanState &mine, const PlanState &theirs)
{
    MergeResult result;
    result.merged.scenario = theirs.scenario;
    Lines lines{result};
    const Scenario &b = base.scenario;
    const Scenario &m = mine.scenario;
    Scenario &out = result.merged.scenario;
    mergeWhole("policy", b.policy, m.policy, out.policy, lines);
    mergeWhole("dates", b.dates, m.dates, out.dates, lines);
    mergeWhole("windows", b.windows, m.windows, out.windows, lines);
    mergeWhole("shifts", b.shifts, m.shifts, out.shifts, lines);
    mergeWhole("roles", b.roles, m.roles, out.roles, lines);
    mergeWhole("default crew", b.crew, m.crew, out.crew, lines);
    mergeRecords("team", b.teams, m.teams, out.teams, lines);
    mergeRecords("officer", b.officers, m.officers, out.officers, lines);
    mergeRecords("hotspot", b.hotspots, m.hotspots, out.hotspots, lines);
    mergeRecords("van", b.vans, m.vans, out.vans, lines);
    mergeWhole("pins", b.pinned, m.pinned, out.pinned, lines);

    auto deployments = keyed<DeploymentKey>(theirs.deployments, keyOf);
    mergeKeyed<DeploymentKey, Deployment>(
        keyed<DeploymentKey>(base.deployments, keyOf), keyed<DeploymentKey>(mine.deployments, keyOf), deployments,
        [](const DeploymentKey &key) { return "deployment " + describeKey(key); }, deploymentChange, lines);
    for (auto &[key, d] : deployments)
        result.merged.deployments.push_back(std::move(d));
    return result;
}

} // namespace lfr
