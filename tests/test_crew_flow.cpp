// The crew subproblem's flow engine (core/solver/src/crew_flow.h, internal) against
// Boost.Graph's successive shortest paths and Edmonds-Karp, on random
// networks shaped like crew networks (team -> officer -> slot, many equal
// costs) and on arbitrary ones.
#include "crew_flow.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/edmonds_karp_max_flow.hpp>
#include <boost/graph/find_flow_cost.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace {

struct Spec {
    std::size_t from, to;
    long capacity;
    std::int64_t cost;
};

struct Network {
    std::size_t vertices = 0;
    std::vector<Spec> edges;
};

// Layered like a crew network: source, teams, officers, slots, sink.
Network crewShaped(std::mt19937 &rng)
{
    std::uniform_int_distribution<int> teamsD(1, 5), officersD(2, 30), slotsD(1, 6), capD(0, 6), costD(0, 4);
    Network n;
    const std::size_t teams = static_cast<std::size_t>(teamsD(rng));
    const std::size_t officers = static_cast<std::size_t>(officersD(rng));
    const std::size_t slots = static_cast<std::size_t>(slotsD(rng));
    n.vertices = 2 + teams + officers + slots;
    const std::size_t source = 0, sink = 1;
    auto team = [&](std::size_t t) { return 2 + t; };
    auto officer = [&](std::size_t o) { return 2 + teams + o; };
    auto slot = [&](std::size_t s) { return 2 + teams + officers + s; };
    for (std::size_t t = 0; t < teams; ++t)
        n.edges.push_back({source, team(t), capD(rng), 0});
    std::vector<std::int64_t> teamCost(teams * slots);
    for (auto &c : teamCost)
        c = 1000 * costD(rng); // equal costs per team: the ties crew networks have
    for (std::size_t o = 0; o < officers; ++o) {
        const std::size_t t = o % teams;
        n.edges.push_back({team(t), officer(o), 1, 0});
        for (std::size_t s = 0; s < slots; ++s)
            if (rng() % 2 == 0)
                n.edges.push_back({officer(o), slot(s), 1, teamCost[t * slots + s]});
    }
    for (std::size_t s = 0; s < slots; ++s)
        n.edges.push_back({slot(s), sink, capD(rng), 0});
    return n;
}

// Arbitrary: random arcs (parallel and anti-parallel ones included).
Network arbitrary(std::mt19937 &rng)
{
    std::uniform_int_distribution<int> vD(2, 12), capD(0, 9), costD(0, 20);
    Network n;
    n.vertices = static_cast<std::size_t>(vD(rng));
    std::uniform_int_distribution<std::size_t> pick(0, n.vertices - 1);
    const std::size_t arcs = n.vertices * 3;
    for (std::size_t k = 0; k < arcs; ++k) {
        const std::size_t a = pick(rng), b = pick(rng);
        if (a != b)
            n.edges.push_back({a, b, capD(rng), costD(rng)});
    }
    return n;
}

struct Reference {
    long flow = 0;
    std::int64_t cost = 0;
};

// The network in Boost.Graph, with reverse arcs. Weights are doubles: Boost
// adds to the "infinite" distance of unreachable vertices, which overflows
// an integer type (the costs here are small integers, exact in a double).
using BoostTraits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using BoostGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, BoostTraits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, double>>>>>;

BoostGraph boostGraph(const Network &n)
{
    BoostGraph g(n.vertices);
    auto capacity = boost::get(boost::edge_capacity, g);
    auto reverse = boost::get(boost::edge_reverse, g);
    auto weight = boost::get(boost::edge_weight, g);
    for (const Spec &e : n.edges) {
        const auto forward = boost::add_edge(e.from, e.to, g).first;
        const auto backward = boost::add_edge(e.to, e.from, g).first;
        capacity[forward] = e.capacity;
        capacity[backward] = 0;
        weight[forward] = static_cast<double>(e.cost);
        weight[backward] = -static_cast<double>(e.cost);
        reverse[forward] = backward;
        reverse[backward] = forward;
    }
    return g;
}

Reference boostMinCost(const Network &n)
{
    BoostGraph g = boostGraph(n);
    boost::successive_shortest_path_nonnegative_weights(g, 0, 1);
    Reference r;
    r.cost = static_cast<std::int64_t>(std::llround(boost::find_flow_cost(g)));
    auto capacity = boost::get(boost::edge_capacity, g);
    auto residual = boost::get(boost::edge_residual_capacity, g);
    for (const auto e : boost::make_iterator_range(boost::out_edges(0, g)))
        if (capacity[e] > 0)
            r.flow += capacity[e] - residual[e];
    return r;
}

long boostMaxFlow(const Network &n)
{
    BoostGraph g = boostGraph(n);
    return boost::edmonds_karp_max_flow(g, 0, 1);
}

lfr::detail::FlowNetwork build(const Network &n, std::vector<std::size_t> &ids)
{
    lfr::detail::FlowNetwork net;
    for (std::size_t v = 0; v < n.vertices; ++v)
        net.addVertex();
    ids.clear();
    for (const Spec &e : n.edges)
        ids.push_back(net.addEdge(e.from, e.to, e.capacity, e.cost));
    return net;
}

// Flow conservation and capacities hold, and the flow out of the source is
// what the call returned.
void checkFlow(const Network &n, const lfr::detail::FlowNetwork &net, const std::vector<std::size_t> &ids, long total)
{
    std::vector<long> balance(n.vertices, 0);
    for (std::size_t k = 0; k < n.edges.size(); ++k) {
        const long f = net.flow(ids[k]);
        REQUIRE(f >= 0);
        REQUIRE(f <= n.edges[k].capacity);
        balance[n.edges[k].from] -= f;
        balance[n.edges[k].to] += f;
    }
    for (std::size_t v = 2; v < n.vertices; ++v)
        REQUIRE(balance[v] == 0);
    REQUIRE(-balance[0] == total);
    REQUIRE(balance[1] == total);
}

} // namespace

TEST_CASE("flow engine: minimum-cost maximum flow equals Boost.Graph's on random networks", "[crew][flow]")
{
    std::mt19937 rng(20261126);
    for (int round = 0; round < 400; ++round) {
        const Network n = round % 2 == 0 ? crewShaped(rng) : arbitrary(rng);
        std::vector<std::size_t> ids;
        lfr::detail::FlowNetwork net = build(n, ids);
        const long flow = net.minCostMaxFlow(0, 1);
        checkFlow(n, net, ids, flow);
        std::int64_t cost = 0;
        for (std::size_t k = 0; k < n.edges.size(); ++k)
            cost += net.flow(ids[k]) * n.edges[k].cost;
        const Reference ref = boostMinCost(n);
        INFO("round " << round << ", " << n.vertices << " vertices, " << n.edges.size() << " edges");
        REQUIRE(flow == ref.flow);
        REQUIRE(cost == ref.cost);
    }
}

TEST_CASE("flow engine: maximum flow equals Edmonds-Karp's and the residual cut has its capacity", "[crew][flow]")
{
    std::mt19937 rng(7);
    for (int round = 0; round < 400; ++round) {
        const Network n = round % 2 == 0 ? crewShaped(rng) : arbitrary(rng);
        std::vector<std::size_t> ids;
        lfr::detail::FlowNetwork net = build(n, ids);
        const long flow = net.maxFlow(0, 1);
        checkFlow(n, net, ids, flow);
        INFO("round " << round);
        REQUIRE(flow == boostMaxFlow(n));
        const std::vector<bool> side = net.residualReachable(0);
        REQUIRE_FALSE(side[1]);
        long cut = 0;
        for (const Spec &e : n.edges)
            if (side[e.from] && !side[e.to])
                cut += e.capacity;
        REQUIRE(cut == flow);
    }
}

TEST_CASE("flow engine: a network can be reset and reused", "[crew][flow]")
{
    lfr::detail::FlowNetwork net;
    for (int pass = 0; pass < 2; ++pass) {
        net.reset();
        const std::size_t s = net.addVertex(), t = net.addVertex(), a = net.addVertex(), b = net.addVertex();
        const std::size_t sa = net.addEdge(s, a, 2, 0), sb = net.addEdge(s, b, 1, 0);
        const std::size_t at = net.addEdge(a, t, 1, 5), bt = net.addEdge(b, t, 2, 1), ab = net.addEdge(a, b, 1, 1);
        REQUIRE(net.minCostMaxFlow(s, t) == 3);
        CHECK(net.flow(sa) == 2);
        CHECK(net.flow(sb) == 1);
        CHECK(net.flow(at) == 1);
        CHECK(net.flow(bt) == 2);
        CHECK(net.flow(ab) == 1);
        CHECK(net.edgeTarget(ab) == b);
    }
}
