#include "crew_flow.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace lfr::detail {

namespace {
constexpr std::int64_t kFar = std::numeric_limits<std::int64_t>::max() / 4;
}

void FlowNetwork::reset()
{
    arcs_.clear();
    first_.clear();
}

std::size_t FlowNetwork::addVertex()
{
    first_.push_back(kNone);
    return first_.size() - 1;
}

std::size_t FlowNetwork::addEdge(std::size_t from, std::size_t to, long capacity, std::int64_t cost)
{
    const auto index = static_cast<std::uint32_t>(arcs_.size());
    arcs_.push_back({static_cast<std::uint32_t>(to), first_[from], capacity, capacity, cost});
    first_[from] = index;
    arcs_.push_back({static_cast<std::uint32_t>(from), first_[to], 0, 0, -cost});
    first_[to] = index + 1;
    return index / 2;
}

bool FlowNetwork::admissible(const Arc &arc, std::size_t from, bool tight) const
{
    return arc.residual > 0 && (!tight || arc.cost + potential_[from] - potential_[arc.to] == 0);
}

bool FlowNetwork::level(std::size_t source, std::size_t sink, bool tight)
{
    level_.assign(first_.size(), -1);
    std::deque<std::size_t> queue{source};
    level_[source] = 0;
    while (!queue.empty()) {
        if (poll())
            return false;
        const std::size_t v = queue.front();
        queue.pop_front();
        for (std::uint32_t a = first_[v]; a != kNone; a = arcs_[a].next) {
            const Arc &arc = arcs_[a];
            if (level_[arc.to] < 0 && admissible(arc, v, tight)) {
                level_[arc.to] = level_[v] + 1;
                queue.push_back(arc.to);
            }
        }
    }
    return level_[sink] >= 0;
}

// Depth-first search along rising levels with current-arc pointers; an
// explicit stack keeps deep networks off the call stack.
long FlowNetwork::push(std::size_t start, std::size_t sink, long limit, bool tight)
{
    std::vector<std::uint32_t> path; // arcs from start
    std::size_t v = start;
    long sent = 0;
    while (sent < limit && !poll()) {
        if (v == sink) {
            long bottleneck = limit - sent;
            for (const std::uint32_t a : path)
                bottleneck = std::min(bottleneck, arcs_[a].residual);
            for (const std::uint32_t a : path) {
                arcs_[a].residual -= bottleneck;
                arcs_[a ^ 1U].residual += bottleneck;
            }
            sent += bottleneck;
            // Back up to the first saturated arc.
            std::size_t keep = 0;
            while (keep < path.size() && arcs_[path[keep]].residual > 0)
                ++keep;
            path.resize(keep);
            v = path.empty() ? start : arcs_[path.back()].to;
            continue;
        }
        std::uint32_t &a = current_[v];
        while (a != kNone && !(level_[arcs_[a].to] == level_[v] + 1 && admissible(arcs_[a], v, tight)))
            a = arcs_[a].next;
        if (a != kNone) {
            path.push_back(a);
            v = arcs_[a].to;
            continue;
        }
        // Dead end: never come back here this phase.
        level_[v] = -1;
        if (path.empty())
            break;
        path.pop_back();
        v = path.empty() ? start : arcs_[path.back()].to;
        current_[v] = arcs_[current_[v]].next;
    }
    return sent;
}

long FlowNetwork::blockingFlow(std::size_t source, std::size_t sink, bool tight)
{
    long total = 0;
    while (level(source, sink, tight)) {
        current_ = first_;
        const long sent = push(source, sink, std::numeric_limits<long>::max(), tight);
        if (sent == 0)
            break;
        total += sent;
    }
    return total;
}

long FlowNetwork::maxFlow(std::size_t source, std::size_t sink)
{
    potential_.assign(first_.size(), 0);
    return blockingFlow(source, sink, false);
}

long FlowNetwork::minCostMaxFlow(std::size_t source, std::size_t sink)
{
    const std::size_t n = first_.size();
    potential_.assign(n, 0); // every cost is non-negative at the start
    std::vector<std::int64_t> dist(n);
    using Entry = std::pair<std::int64_t, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    long total = 0;
    while (true) {
        std::fill(dist.begin(), dist.end(), kFar);
        dist[source] = 0;
        heap.push({0, static_cast<std::uint32_t>(source)});
        while (!heap.empty()) {
            if (poll())
                return total;
            const auto [d, v] = heap.top();
            heap.pop();
            if (d != dist[v])
                continue;
            for (std::uint32_t a = first_[v]; a != kNone; a = arcs_[a].next) {
                const Arc &arc = arcs_[a];
                if (arc.residual <= 0)
                    continue;
                const std::int64_t next = d + arc.cost + potential_[v] - potential_[arc.to];
                if (next < dist[arc.to]) {
                    dist[arc.to] = next;
                    heap.push({next, arc.to});
                }
            }
        }
        if (dist[sink] >= kFar)
            break;
        // Capped potentials keep every residual reduced cost non-negative and
        // make the shortest paths to the sink exactly the tight arcs.
        for (std::size_t v = 0; v < n; ++v)
            potential_[v] += std::min(dist[v], dist[sink]);
        const long sent = blockingFlow(source, sink, true);
        if (sent == 0)
            break; // cannot happen with exact integer costs; guards the loop
        total += sent;
    }
    return total;
}

std::int64_t FlowNetwork::totalCost() const
{
    std::int64_t total = 0;
    for (std::size_t a = 0; a < arcs_.size(); a += 2)
        total += (arcs_[a].capacity - arcs_[a].residual) * arcs_[a].cost;
    return total;
}

std::vector<bool> FlowNetwork::residualReachable(std::size_t source) const
{
    std::vector<bool> seen(first_.size(), false);
    std::deque<std::size_t> queue{source};
    seen[source] = true;
    while (!queue.empty()) {
        const std::size_t v = queue.front();
        queue.pop_front();
        for (std::uint32_t a = first_[v]; a != kNone; a = arcs_[a].next) {
            const Arc &arc = arcs_[a];
            if (arc.residual > 0 && !seen[arc.to]) {
                seen[arc.to] = true;
                queue.push_back(arc.to);
            }
        }
    }
    return seen;
}

} // namespace lfr::detail
