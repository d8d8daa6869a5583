// A small flow network on Boost.Graph for the crew subproblem
// (crew_assignment.cpp): minimum-cost maximum flow (successive shortest
// paths), maximum flow (Edmonds-Karp) and the source side of a minimum cut.
// Internal to lfrplan_core.
//
// Costs are integers (micrometres of travel). Boost's successive shortest
// path adds to the "infinite" distance of unreachable vertices, which would
// overflow a signed integer, so the costs are handed to Boost as doubles
// holding integer values: exact while every path cost stays below 2^53
// (about 9e15 micrometres, 9 million km).
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lfr::detail {

class FlowNetwork {
public:
    // A capacity no cut can afford: edges that only carry structure.
    static constexpr long kUnbounded = 1L << 40;

    // Empties the network (storage is kept where Boost allows).
    void reset();
    std::size_t addVertex();
    // A directed edge with its reverse residual edge; returns the edge's id.
    std::size_t addEdge(std::size_t from, std::size_t to, long capacity, std::int64_t cost = 0);
    std::size_t vertexCount() const { return boost::num_vertices(graph_); }

    // Sends as much flow as possible from source to sink at minimum total
    // cost; returns the flow sent.
    long minCostMaxFlow(std::size_t source, std::size_t sink);
    // Sends as much flow as possible from source to sink; returns it.
    long maxFlow(std::size_t source, std::size_t sink);

    // Flow on an edge after one of the above.
    long flow(std::size_t edge) const;
    std::size_t edgeTarget(std::size_t edge) const;
    // Vertices reachable from the source in the residual network: the source
    // side of a minimum cut after a maximum flow.
    std::vector<bool> residualReachable(std::size_t source) const;

private:
    using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
    struct EdgeData {
        long capacity = 0;
        long residual = 0;
        double weight = 0.0;
        Traits::edge_descriptor reverse;
    };
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, EdgeData>;
    using Edge = Graph::edge_descriptor;

    Edge addOneEdge(std::size_t from, std::size_t to, long capacity, double weight);

    Graph graph_;
    std::vector<Edge> edges_; // forward edges by id
};

} // namespace lfr::detail
