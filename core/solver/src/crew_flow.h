// A small flow network for the crew subproblem (crew_assignment.cpp):
// minimum-cost maximum flow, maximum flow and the source side of a minimum
// cut. Internal to lfrplan_core.
//
// Minimum-cost flow is the primal-dual method: a Dijkstra over reduced costs
// (node potentials keep them non-negative) finds the shortest distances,
// then a blocking flow (levelled depth-first search, as in Dinic's method)
// pushes flow along every shortest path of that length at once. Crew
// networks have large ties (every officer of a team costs the same), so a
// phase typically carries many units where successive shortest paths would
// carry one. Maximum flow is Dinic's method. Costs are exact 64-bit integers
// (micrometres of travel). tests/test_crew_flow.cpp checks both against
// Boost.Graph's successive shortest paths and Edmonds-Karp on random networks.
//
// Both can be stopped (issue 19): given a StopCheck, they poll it every
// vertex they scan and return early, with a valid but partial flow, once it
// says stop; the caller must then read nothing into the result.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace lfr::detail {

// A cheap "should this computation give up?" (issue 19): a deadline and a
// cancel check, looked at once every kStride units of work (a unit is about
// one vertex scanned: some tens of nanoseconds), so that polling costs
// nothing measurable and a stop is seen within well under a millisecond.
// Once it has said stop it keeps saying so.
class StopCheck {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr long kStride = 1024;

    StopCheck() = default; // never stops
    StopCheck(std::optional<Clock::time_point> deadline, std::function<bool()> cancelled)
        : deadline_(deadline), cancelled_(std::move(cancelled)), armed_(deadline_ || cancelled_)
    {
    }
    // Counts `work` units; every kStride of them looks at the clock and the
    // cancel check. True once stopped.
    bool poll(long work = 1)
    {
        if (stopped_)
            return true;
        if (!armed_)
            return false;
        countdown_ -= work;
        return countdown_ <= 0 && checkNow();
    }
    // Looks now.
    bool checkNow()
    {
        countdown_ = kStride;
        if (!stopped_ && armed_)
            stopped_ = (deadline_ && Clock::now() >= *deadline_) || (cancelled_ && cancelled_());
        return stopped_;
    }
    bool stopped() const { return stopped_; }

private:
    std::optional<Clock::time_point> deadline_;
    std::function<bool()> cancelled_;
    bool armed_ = false;
    bool stopped_ = false;
    long countdown_ = kStride;
};

class FlowNetwork {
public:
    // A capacity no cut can afford: edges that only carry structure.
    static constexpr long kUnbounded = 1L << 40;

    // Empties the network (storage is kept).
    void reset();
    std::size_t addVertex();
    // A directed edge with its reverse residual edge; returns the edge's id.
    // Costs must be non-negative.
    std::size_t addEdge(std::size_t from, std::size_t to, long capacity, std::int64_t cost = 0);
    std::size_t vertexCount() const { return first_.size(); }
    std::size_t edgeCount() const { return arcs_.size() / 2; }
    std::size_t edgeSource(std::size_t edge) const { return arcs_[2 * edge + 1].to; }
    long edgeCapacity(std::size_t edge) const { return arcs_[2 * edge].capacity; }
    std::int64_t edgeCost(std::size_t edge) const { return arcs_[2 * edge].cost; }
    // Polled by the flows below (nullptr: never stop). Not owned.
    void setStop(StopCheck *stop) { stop_ = stop; }
    bool stopped() const { return stop_ != nullptr && stop_->stopped(); }

    // Sends as much flow as possible from source to sink at minimum total
    // cost; returns the flow sent (less, and not final, when stopped()).
    long minCostMaxFlow(std::size_t source, std::size_t sink);
    // Sends as much flow as possible from source to sink; returns it (less,
    // and not final, when stopped()).
    long maxFlow(std::size_t source, std::size_t sink);

    // Flow on an edge after one of the above.
    long flow(std::size_t edge) const { return arcs_[2 * edge].capacity - arcs_[2 * edge].residual; }
    std::size_t edgeTarget(std::size_t edge) const { return arcs_[2 * edge].to; }
    // Sum over edges of flow times cost.
    std::int64_t totalCost() const;
    // Vertices reachable from the source in the residual network: the source
    // side of a minimum cut after a maximum flow.
    std::vector<bool> residualReachable(std::size_t source) const;

private:
    struct Arc {
        std::uint32_t to = 0;
        std::uint32_t next = 0; // next arc out of the same vertex, kNone at the end
        long capacity = 0;
        long residual = 0;
        std::int64_t cost = 0;
    };
    static constexpr std::uint32_t kNone = 0xFFFFFFFFU;

    // Levels from the source over arcs with residual capacity that are
    // admissible (reduced cost 0 when `tight`); true when the sink is reached.
    bool level(std::size_t source, std::size_t sink, bool tight);
    long push(std::size_t v, std::size_t sink, long limit, bool tight);
    bool admissible(const Arc &arc, std::size_t from, bool tight) const;
    bool poll() { return stop_ != nullptr && stop_->poll(); }
    long blockingFlow(std::size_t source, std::size_t sink, bool tight);

    std::vector<Arc> arcs_;            // arc 2k is edge k, arc 2k+1 its reverse
    std::vector<std::uint32_t> first_; // per vertex: first arc out, kNone when none
    std::vector<std::int64_t> potential_;
    std::vector<int> level_;
    std::vector<std::uint32_t> current_; // per vertex: the next arc to try in a blocking flow
    StopCheck *stop_ = nullptr;
};

} // namespace lfr::detail
