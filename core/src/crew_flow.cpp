#include "crew_flow.h"

#include <boost/graph/edmonds_karp_max_flow.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include <deque>

namespace lfr::detail {

void FlowNetwork::reset()
{
    graph_.clear();
    edges_.clear();
}

std::size_t FlowNetwork::addVertex() { return boost::add_vertex(graph_); }

FlowNetwork::Edge FlowNetwork::addOneEdge(std::size_t from, std::size_t to, long capacity, double weight)
{
    EdgeData data;
    data.capacity = capacity;
    data.residual = capacity;
    data.weight = weight;
    return boost::add_edge(from, to, data, graph_).first;
}

std::size_t FlowNetwork::addEdge(std::size_t from, std::size_t to, long capacity, std::int64_t cost)
{
    const auto weight = static_cast<double>(cost);
    const Edge forward = addOneEdge(from, to, capacity, weight);
    const Edge backward = addOneEdge(to, from, 0, -weight);
    graph_[forward].reverse = backward;
    graph_[backward].reverse = forward;
    edges_.push_back(forward);
    return edges_.size() - 1;
}

long FlowNetwork::minCostMaxFlow(std::size_t source, std::size_t sink)
{
    boost::successive_shortest_path_nonnegative_weights(
        graph_, source, sink,
        boost::capacity_map(boost::get(&EdgeData::capacity, graph_))
            .residual_capacity_map(boost::get(&EdgeData::residual, graph_))
            .reverse_edge_map(boost::get(&EdgeData::reverse, graph_))
            .weight_map(boost::get(&EdgeData::weight, graph_)));
    long total = 0;
    for (const auto e : boost::make_iterator_range(boost::out_edges(source, graph_)))
        if (graph_[e].capacity > 0)
            total += graph_[e].capacity - graph_[e].residual;
    return total;
}

long FlowNetwork::maxFlow(std::size_t source, std::size_t sink)
{
    return boost::edmonds_karp_max_flow(graph_, source, sink,
                                        boost::capacity_map(boost::get(&EdgeData::capacity, graph_))
                                            .residual_capacity_map(boost::get(&EdgeData::residual, graph_))
                                            .reverse_edge_map(boost::get(&EdgeData::reverse, graph_)));
}

long FlowNetwork::flow(std::size_t edge) const
{
    const EdgeData &data = graph_[edges_[edge]];
    return data.capacity - data.residual;
}

std::size_t FlowNetwork::edgeTarget(std::size_t edge) const { return boost::target(edges_[edge], graph_); }

std::vector<bool> FlowNetwork::residualReachable(std::size_t source) const
{
    std::vector<bool> seen(vertexCount(), false);
    std::deque<std::size_t> queue{source};
    seen[source] = true;
    while (!queue.empty()) {
        const std::size_t v = queue.front();
        queue.pop_front();
        for (const auto e : boost::make_iterator_range(boost::out_edges(v, graph_))) {
            const std::size_t w = boost::target(e, graph_);
            if (graph_[e].residual > 0 && !seen[w]) {
                seen[w] = true;
                queue.push_back(w);
            }
        }
    }
    return seen;
}

} // namespace lfr::detail
