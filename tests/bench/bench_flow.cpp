// Issue 19's measurements of the crew layer: how fast a crew call stops, and
// Boost.Graph's maximum flows against the hand-written Dinic
// (core/solver/src/crew_flow.cpp) on the networks the crew feasibility check
// (CrewEngine::realise) builds. Run by hand (docs/solver-design.md):
//
//   bench_flow stop  [--runs N] [--limit S] [SIZE...]
//   bench_flow flows [--runs N] [--networks K] [--seconds S] [SIZE...]
//
// SIZE is S (500 officers, the generator's defaults), M (the m-hard family,
// 5,000 officers) or L (33,000 officers, 120 teams and hotspots, 10 vans,
// 28 dates, 40 deployments on 20 days) or a generator family (s-like, event,
// m-hard); default S, M and L.
//
// stop: solves each size N times (default 5) with the time limit S (default
//   1 s) and prints, as median and maximum over the runs, how long after the
//   limit the search ended (the progress callback's last call) and solve()
//   returned (the explanation included); then the same with a cancel (the
//   callback returns false from the limit on), counted from the first false;
//   then single crew calls of 10 to 40 deployments given a deadline half-way
//   through their unstopped time: how long after it they return.
// flows: solves each size for S seconds (default 10), then makes crew calls
//   of 5, 10, ..., 40 deployments spread over the week (each stopped after S
//   seconds), and keeps K (default 200) of the networks realise() solved in
//   all that, evenly spread; then times, per
//   network and as the median of N runs (default 21), Dinic (FlowNetwork::
//   maxFlow), Boost.Graph's boykov_kolmogorov_max_flow and
//   push_relabel_max_flow on an adjacency_list and on a
//   compressed_sparse_row_graph, and edmonds_karp_max_flow, each with and
//   without building its graph from the edge list; checks every flow value
//   equals Dinic's. Prints sums over the networks (the work the crew layer
//   would do) and the median per network.
#include "crew_engine.h"
#include "crew_flow.h"

#include "lfrplan/crew_assignment.h"
#include "lfrplan/generator.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/solver.h"
#include "lfrplan/validator.h"

// GCC 12 at -O2 sees Boost.Graph's edge iterators and the Boykov-Kolmogorov
// constructor as "maybe uninitialized" (a false positive inside Boost).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/edmonds_karp_max_flow.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using Ms = std::chrono::duration<double, std::milli>;

struct Options {
    std::string mode;
    std::optional<int> runs;
    double limit = 1.0;
    std::size_t networks = 200;
    double seconds = 10.0;
    std::vector<std::string> sizes;
};

struct Size {
    std::string name;
    std::string label;
    lfr::GeneratorOptions options;
};

Size size(const std::string &name)
{
    lfr::GeneratorOptions o;
    if (name == "S")
        return {name, "S: 500 officers, 12 hotspots, 7 dates (generator defaults)", o};
    if (name == "M")
        return {name, "M: m-hard family, 5,000 officers, 40 hotspots, 7 dates", *lfr::generatorFamily("m-hard")};
    if (name == "L") {
        o.officers = 33000;
        o.teams = 120;
        o.hotspots = 120;
        o.vans = 10;
        o.dates = 28;
        o.policy.maxDeployments = 40;
        o.policy.maxDays = 20;
        return {name, "L: 33,000 officers, 120 hotspots, 28 dates, 40 deployments on 20 days", o};
    }
    if (const auto family = lfr::generatorFamily(name))
        return {name, name + " family (seed 1)", *family};
    throw std::invalid_argument("unknown size " + name + " (S, M, L or a generator family)");
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double maximum(const std::vector<double> &v) { return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()); }

// --- stop ---------------------------------------------------------------------

struct SolveTiming {
    double searchAfterMs = 0; // last progress call after the limit (or the first false)
    double returnAfterMs = 0; // solve() returned after it
    double firstCallMs = 0;   // the first progress call after the start (set-up: index, candidate slots)
    bool valid = false;
    lfr::SolveStop stop = lfr::SolveStop::Finished;
};

SolveTiming timeSolve(const lfr::Scenario &scenario, double limit, bool cancel)
{
    lfr::SolverOptions options;
    // With a cancel, the time limit is far off: only the cancel stops it.
    options.timeLimitSeconds = cancel ? 1000 * limit : limit;
    const Clock::time_point started = Clock::now();
    const Clock::time_point deadline =
        started + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limit));
    std::optional<Clock::time_point> firstFalse, firstCall;
    Clock::time_point lastCall = started;
    const lfr::SolveResult r = lfr::solve(scenario, options, [&](const lfr::SolveProgress &) {
        lastCall = Clock::now();
        if (!firstCall)
            firstCall = lastCall;
        if (!cancel || lastCall < deadline)
            return true;
        if (!firstFalse)
            firstFalse = lastCall;
        return false;
    });
    const Clock::time_point returned = Clock::now();
    const Clock::time_point from = cancel ? firstFalse.value_or(returned) : deadline;
    SolveTiming t;
    t.searchAfterMs = Ms(lastCall - from).count();
    t.returnAfterMs = Ms(returned - from).count();
    t.firstCallMs = Ms(firstCall.value_or(returned) - started).count();
    t.valid = lfr::validatePlan(scenario, r.plan.deployments).valid();
    t.stop = r.stop;
    return t;
}

// Deployments spread over the horizon, one a date at a time round the dates,
// each at the next hotspot allowing it (the shape of a solver's request).
std::vector<lfr::Deployment> spread(const lfr::ScenarioIndex &index, std::size_t count)
{
    const lfr::Scenario &sc = index.scenario();
    std::vector<lfr::Deployment> out;
    std::size_t h = 0;
    for (std::size_t t = 0; out.size() < count && t < count * sc.dates.size(); ++t) {
        const std::size_t date = t % sc.dates.size();
        for (std::size_t tries = 0; tries < sc.hotspots.size(); ++tries, h = (h + 1) % sc.hotspots.size()) {
            if (!index.hotspotAllowsDate(h, date))
                continue;
            const std::size_t window = t / sc.dates.size() % sc.windows.size();
            if (!index.windowMultiplier(h, window) || !lfr::explainUnstaffable(index, h, date, window).empty())
                continue;
            out.push_back({sc.dates[date], sc.windows[window].id, sc.hotspots[h].id, sc.vans[0].id, {}});
            h = (h + 1) % sc.hotspots.size();
            break;
        }
    }
    return out;
}

void benchStop(const Size &s, const Options &options)
{
    const int runs = options.runs.value_or(5);
    const lfr::Scenario scenario = lfr::generateScenario(s.options);
    std::cout << "\n" << s.label << "\n";
    for (const bool cancel : {false, true}) {
        std::vector<double> search, returned, firstCall;
        bool allValid = true;
        for (int i = 0; i < runs; ++i) {
            const SolveTiming t = timeSolve(scenario, options.limit, cancel);
            search.push_back(t.searchAfterMs);
            returned.push_back(t.returnAfterMs);
            firstCall.push_back(t.firstCallMs);
            allValid = allValid && t.valid;
        }
        std::printf("  solve, %s: search ended %.1f ms (max %.1f) after it, solve() returned %.1f ms (max %.1f); "
                    "first progress %.0f ms after the start; plans %s\n",
                    cancel ? "cancel at the limit" : "time limit", median(search), maximum(search), median(returned),
                    maximum(returned), median(firstCall), allValid ? "valid" : "NOT VALID");
    }
    const lfr::ScenarioIndex index(scenario);
    for (const std::size_t count : {std::size_t{10}, std::size_t{20}, std::size_t{40}}) {
        const lfr::CrewRequest request{spread(index, count), {}};
        std::vector<double> full, late;
        for (int i = 0; i < runs; ++i) {
            lfr::CrewAssigner unstopped(index);
            const Clock::time_point a = Clock::now();
            const lfr::CrewResult reference = unstopped.assign(request);
            const double fullMs = Ms(Clock::now() - a).count();
            full.push_back(fullMs);
            lfr::CrewAssigner assigner(index);
            lfr::CrewStop stop;
            const Clock::time_point b = Clock::now();
            stop.deadline = b + std::chrono::duration_cast<Clock::duration>(Ms(fullMs / 2));
            const lfr::CrewResult r = assigner.assign(request, stop);
            const Clock::time_point c = Clock::now();
            late.push_back(r.stopped ? Ms(c - *stop.deadline).count() : 0.0);
            if (!r.stopped && r.feasible != reference.feasible)
                std::printf("  DISAGREEMENT: a stopped call answered differently\n");
        }
        std::printf("  crew call of %zu deployments: %.1f ms unstopped (median); given a deadline half-way, returns "
                    "%.3f ms (max %.3f) after it\n",
                    request.deployments.size(), median(full), median(late), maximum(late));
    }
}

// --- flows --------------------------------------------------------------------

struct Edge {
    std::uint32_t from, to;
    long capacity;
};
struct Net {
    std::size_t vertices = 0;
    std::vector<Edge> edges; // source 0, sink 1
};

void capture(const lfr::detail::FlowNetwork &network, void *context)
{
    auto &nets = *static_cast<std::vector<Net> *>(context);
    Net n;
    n.vertices = network.vertexCount();
    n.edges.reserve(network.edgeCount());
    for (std::size_t e = 0; e < network.edgeCount(); ++e)
        n.edges.push_back({static_cast<std::uint32_t>(network.edgeSource(e)),
                           static_cast<std::uint32_t>(network.edgeTarget(e)), network.edgeCapacity(e)});
    nets.push_back(std::move(n));
}

long dinic(const Net &n)
{
    lfr::detail::FlowNetwork f;
    for (std::size_t v = 0; v < n.vertices; ++v)
        f.addVertex();
    for (const Edge &e : n.edges)
        f.addEdge(e.from, e.to, e.capacity);
    return f.maxFlow(0, 1);
}

// Boost.Graph's adjacency list with the residual properties its max flows need.
using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using AdjGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS,
    boost::property<
        boost::vertex_index_t, long,
        boost::property<boost::vertex_color_t, boost::default_color_type,
                        boost::property<boost::vertex_distance_t, long,
                                        boost::property<boost::vertex_predecessor_t, Traits::edge_descriptor>>>>,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;

void buildAdj(const Net &n, AdjGraph &g)
{
    auto capacity = boost::get(boost::edge_capacity, g);
    auto reverse = boost::get(boost::edge_reverse, g);
    for (const Edge &e : n.edges) {
        const auto forward = boost::add_edge(e.from, e.to, g).first;
        const auto back = boost::add_edge(e.to, e.from, g).first;
        capacity[forward] = e.capacity;
        capacity[back] = 0;
        reverse[forward] = back;
        reverse[back] = forward;
    }
}

long adjBk(AdjGraph &g) { return boost::boykov_kolmogorov_max_flow(g, 0, 1); }
long adjPushRelabel(AdjGraph &g) { return boost::push_relabel_max_flow(g, 0, 1); }
long adjEdmondsKarp(AdjGraph &g) { return boost::edmonds_karp_max_flow(g, 0, 1); }

// The compressed sparse row graph: edges sorted by source, properties in
// vectors indexed by edge index.
struct Csr {
    using Graph = boost::compressed_sparse_row_graph<boost::directedS>;
    using EdgeD = boost::graph_traits<Graph>::edge_descriptor;
    Graph g;
    std::vector<long> capacity, residual;
    std::vector<EdgeD> reverse;
    std::vector<EdgeD> predecessor;
    std::vector<boost::default_color_type> color;
    std::vector<long> distance;
};

void buildCsr(const Net &n, Csr &c)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
    std::vector<long> caps;
    std::vector<std::size_t> mate; // position of the reverse arc in input order
    arcs.reserve(2 * n.edges.size());
    for (const Edge &e : n.edges) {
        arcs.emplace_back(e.from, e.to);
        caps.push_back(e.capacity);
        arcs.emplace_back(e.to, e.from);
        caps.push_back(0);
    }
    // Sort the arcs by source ourselves, keeping where each went.
    std::vector<std::size_t> order(arcs.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&arcs](std::size_t a, std::size_t b) { return arcs[a].first < arcs[b].first; });
    std::vector<std::size_t> position(arcs.size());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> sorted(arcs.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        position[order[k]] = k;
        sorted[k] = arcs[order[k]];
    }
    c.g = Csr::Graph(boost::edges_are_sorted, sorted.begin(), sorted.end(), n.vertices);
    const std::size_t m = arcs.size();
    c.capacity.assign(m, 0);
    c.residual.assign(m, 0);
    c.reverse.resize(m);
    std::vector<Csr::EdgeD> byIndex(m);
    for (const auto e : boost::make_iterator_range(boost::edges(c.g)))
        byIndex[boost::get(boost::edge_index, c.g, e)] = e;
    for (std::size_t i = 0; i < m; ++i) {
        const std::size_t k = position[i];
        c.capacity[k] = caps[i];
        c.reverse[k] = byIndex[position[i ^ 1U]];
    }
    c.predecessor.resize(n.vertices);
    c.color.resize(n.vertices);
    c.distance.resize(n.vertices);
}

long csrBk(Csr &c)
{
    const auto ei = boost::get(boost::edge_index, c.g);
    const auto vi = boost::get(boost::vertex_index, c.g);
    return boost::boykov_kolmogorov_max_flow(c.g, boost::make_iterator_property_map(c.capacity.begin(), ei),
                                             boost::make_iterator_property_map(c.residual.begin(), ei),
                                             boost::make_iterator_property_map(c.reverse.begin(), ei),
                                             boost::make_iterator_property_map(c.predecessor.begin(), vi),
                                             boost::make_iterator_property_map(c.color.begin(), vi),
                                             boost::make_iterator_property_map(c.distance.begin(), vi), vi, 0, 1);
}

long csrPushRelabel(Csr &c)
{
    const auto ei = boost::get(boost::edge_index, c.g);
    const auto vi = boost::get(boost::vertex_index, c.g);
    return boost::push_relabel_max_flow(c.g, 0, 1, boost::make_iterator_property_map(c.capacity.begin(), ei),
                                        boost::make_iterator_property_map(c.residual.begin(), ei),
                                        boost::make_iterator_property_map(c.reverse.begin(), ei), vi);
}

struct Algorithm {
    std::string name;
    // Builds its graph and solves: the flow value. `solveOnly` gets the
    // solve's own time (building excluded).
    std::function<long(const Net &, double &solveOnly)> run;
};

template <class Fn> double timed(Fn &&fn)
{
    const Clock::time_point a = Clock::now();
    fn();
    return std::chrono::duration<double, std::micro>(Clock::now() - a).count();
}

std::vector<Algorithm> algorithms()
{
    std::vector<Algorithm> out;
    out.push_back({"Dinic (crew_flow.cpp)", [](const Net &n, double &solve) {
                       lfr::detail::FlowNetwork f;
                       for (std::size_t v = 0; v < n.vertices; ++v)
                           f.addVertex();
                       for (const Edge &e : n.edges)
                           f.addEdge(e.from, e.to, e.capacity);
                       long flow = 0;
                       solve = timed([&] { flow = f.maxFlow(0, 1); });
                       return flow;
                   }});
    const auto adj = [](long (*fn)(AdjGraph &)) {
        return [fn](const Net &n, double &solve) {
            AdjGraph g(n.vertices);
            buildAdj(n, g);
            long flow = 0;
            solve = timed([&] { flow = fn(g); });
            return flow;
        };
    };
    out.push_back({"BGL boykov_kolmogorov, adjacency_list", adj(adjBk)});
    out.push_back({"BGL push_relabel, adjacency_list", adj(adjPushRelabel)});
    out.push_back({"BGL edmonds_karp, adjacency_list", adj(adjEdmondsKarp)});
    const auto csr = [](long (*fn)(Csr &)) {
        return [fn](const Net &n, double &solve) {
            Csr c;
            buildCsr(n, c);
            long flow = 0;
            solve = timed([&] { flow = fn(c); });
            return flow;
        };
    };
    out.push_back({"BGL boykov_kolmogorov, compressed_sparse_row", csr(csrBk)});
    out.push_back({"BGL push_relabel, compressed_sparse_row", csr(csrPushRelabel)});
    return out;
}

std::vector<Net> captureNetworks(const lfr::Scenario &scenario, double seconds, std::size_t keep,
                                 std::size_t &fromSolve)
{
    std::vector<Net> all;
    lfr::detail::observeRealise(capture, &all);
    lfr::SolverOptions options;
    options.timeLimitSeconds = seconds;
    const Clock::time_point start = Clock::now();
    // A cancel at the limit too: the explanation after the search is not timed.
    lfr::solve(scenario, options, [&](const lfr::SolveProgress &) {
        return Clock::now() - start < std::chrono::duration<double>(seconds);
    });
    fromSolve = all.size();
    // The solver's calls rarely reach realise() (the class model answers
    // most): crew calls of solver-like requests of growing size do.
    const lfr::ScenarioIndex index(scenario);
    for (const std::size_t count : {5U, 10U, 15U, 20U, 25U, 30U, 35U, 40U}) {
        lfr::CrewStop stop;
        stop.deadline =
            Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
        lfr::CrewAssigner(index).assign({spread(index, count), {}}, stop);
    }
    lfr::detail::observeRealise(nullptr, nullptr);
    if (all.size() <= keep)
        return all;
    std::vector<Net> kept;
    for (std::size_t i = 0; i < keep; ++i)
        kept.push_back(std::move(all[i * all.size() / keep]));
    return kept;
}

void benchFlows(const Size &s, const Options &options)
{
    const int runs = options.runs.value_or(21);
    const lfr::Scenario scenario = lfr::generateScenario(s.options);
    std::size_t fromSolve = 0;
    const std::vector<Net> nets = captureNetworks(scenario, options.seconds, options.networks, fromSolve);
    std::cout << "\n"
              << s.label << ": " << nets.size() << " realise() networks (" << fromSolve
              << " met in a solve, the rest in crew calls of 5 to 40 deployments)";
    if (nets.empty()) {
        std::cout << " (none: max_duties never bound)\n";
        return;
    }
    std::vector<double> vertices, edges;
    for (const Net &n : nets) {
        vertices.push_back(static_cast<double>(n.vertices));
        edges.push_back(static_cast<double>(n.edges.size()));
    }
    std::printf(", median %.0f vertices and %.0f edges (max %.0f and %.0f)\n", median(vertices), median(edges),
                maximum(vertices), maximum(edges));
    std::printf("  %-46s %14s %14s %14s %14s\n", "algorithm", "sum build+run", "sum run", "median b+r", "median run");
    for (const Algorithm &a : algorithms()) {
        double sumAll = 0, sumRun = 0;
        std::vector<double> perAll, perRun;
        bool agree = true;
        for (const Net &n : nets) {
            const long expected = dinic(n);
            std::vector<double> all, run;
            for (int r = 0; r < runs; ++r) {
                double solve = 0;
                long flow = 0;
                all.push_back(timed([&] { flow = a.run(n, solve); }));
                run.push_back(solve);
                agree = agree && flow == expected;
            }
            perAll.push_back(median(all));
            perRun.push_back(median(run));
            sumAll += perAll.back();
            sumRun += perRun.back();
        }
        std::printf("  %-46s %11.0f us %11.0f us %11.1f us %11.1f us%s\n", a.name.c_str(), sumAll, sumRun,
                    median(perAll), median(perRun), agree ? "" : "  FLOW DIFFERS FROM DINIC");
    }
}

Options parse(int argc, char **argv)
{
    Options o;
    if (argc < 2)
        throw std::invalid_argument("usage: bench_flow stop|flows [--runs N] [--limit S] [--networks K] [--seconds S] "
                                    "[SIZE...]");
    o.mode = argv[1];
    if (o.mode != "stop" && o.mode != "flows")
        throw std::invalid_argument("the mode is stop or flows");
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--runs")
            o.runs = std::stoi(value());
        else if (arg == "--limit")
            o.limit = std::stod(value());
        else if (arg == "--networks")
            o.networks = static_cast<std::size_t>(std::stoul(value()));
        else if (arg == "--seconds")
            o.seconds = std::stod(value());
        else
            o.sizes.push_back(arg);
    }
    if (o.sizes.empty())
        o.sizes = {"S", "M", "L"};
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    try {
        const Options options = parse(argc, argv);
        for (const std::string &name : options.sizes) {
            const Size s = size(name);
            if (options.mode == "stop")
                benchStop(s, options);
            else
                benchFlows(s, options);
        }
    } catch (const std::exception &e) {
        std::cerr << "bench_flow: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
