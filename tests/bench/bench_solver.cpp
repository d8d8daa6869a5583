// lfrplan's solver, Debian's cbc and HiGHS side by side in one run (issues 3
// and 19).
//
//   bench_solver [--time-limit S] [--cbc-seconds N] [--highs-seconds N]
//                [--highs-dir DIR] [--seeds N] [--skip-cbc] [--skip-highs]
//                [INSTANCE...]
//
// INSTANCE is S, S-like, event, M, M-hard, L, demo (default: all of them, in
// that order) or a scenario file. S-like and M-hard are families run over
// seeds 1..N (default 10 and 5; --seeds N sets both); the others run once.
//
// For each instance:
// - lfrplan solves it in a forked child process, so that its peak memory
//   (the child's VmHWM after the solve, scenario generation included) is
//   its own: status, objective, bound, wall time (for an optimal plan, the
//   time to the proof) and the first moments the incumbent was within 1% and
//   0.1% of the bound proven at that moment;
// - the same child writes the problem as a MILP (lfrplan's writeLp, the text
//   of `lfrplan export-lp`), which cbc (`cbc MODEL.lp sec N solve`) and HiGHS
//   (tests/bench/run-highs.mjs under node, the npm package `highs` installed
//   by tests/bench/setup-highs.sh) then solve with their time limits: status,
//   objective, bound, wall time.
// A family gets a line of medians over its seeds after its rows. Prints a
// Markdown table for docs/benchmarks.md, then any disagreement between
// solvers that both claim an optimum.
#include "lfrplan/generator.h"
#include "lfrplan/lp_export.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/validator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Options {
    double timeLimit = 60;
    int cbcSeconds = 300;
    int highsSeconds = 300;
    std::optional<int> seeds; // both families' seed count
    bool skipCbc = false;
    bool skipHighs = false;
    fs::path highsDir;
    std::vector<std::string> names;
};

struct Spec {
    std::string family; // "" for a single instance
    std::string label;
    std::function<lfr::Scenario()> build; // run in the child
};

lfr::GeneratorOptions sized(int officers, int teams, int hotspots, int vans, int dates, int maxDeployments, int maxDays)
{
    lfr::GeneratorOptions o;
    o.officers = officers;
    o.teams = teams;
    o.hotspots = hotspots;
    o.vans = vans;
    o.dates = dates;
    o.policy.maxDeployments = maxDeployments;
    o.policy.maxDays = maxDays;
    return o;
}

lfr::GeneratorOptions family(std::string_view name, std::uint64_t seed)
{
    lfr::GeneratorOptions o = *lfr::generatorFamily(name);
    o.seed = seed;
    return o;
}

std::function<lfr::Scenario()> generated(const lfr::GeneratorOptions &o)
{
    return [o] { return lfr::generateScenario(o); };
}

std::vector<Spec> specs(const std::string &name, const Options &options)
{
    if (name == "demo")
        return {{"", "demo week (861 officers, 18 hotspots)",
                 [] { return lfr::readScenarioFile(fs::path(LFRPLAN_DATA_DIR) / "demo-week.json"); }}};
    if (name == "S")
        return {{"", "S: 500 officers, 12 hotspots, 3 vans, 7 dates", generated(sized(500, 12, 12, 3, 7, 10, 5))}};
    if (name == "M")
        return {{"", "M: 5,000 officers, 40 hotspots, 6 vans, 7 dates", generated(sized(5000, 40, 40, 6, 7, 10, 5))}};
    if (name == "L")
        return {{"", "L: 33,000 officers, 120 hotspots, 10 vans, 28 dates, 40 on 20 days",
                 generated(sized(33000, 120, 120, 10, 28, 40, 20))}};
    if (name == "event")
        return {{"", "event week (S-like s1 + an event: value 400, crew 17, 2 dates)", generated(family("event", 1))}};
    if (name == "S-like" || name == "M-hard") {
        const int seeds = options.seeds.value_or(name == "S-like" ? 10 : 5);
        const std::string key = name == "S-like" ? "s-like" : "m-hard";
        std::vector<Spec> out;
        for (int seed = 1; seed <= seeds; ++seed)
            out.push_back(
                {name, name + " s" + std::to_string(seed), generated(family(key, static_cast<std::uint64_t>(seed)))});
        return out;
    }
    return {{"", name, [name] { return lfr::readScenarioFile(name); }}};
}

long peakRssMiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6)) / 1024;
    return -1;
}

// lfrplan's solve, as measured in the child.
struct LfrRun {
    std::string status = "crashed";
    bool optimal = false;
    double objective = kNaN;
    double bound = kNaN;
    double seconds = kNaN;
    double within1 = -1;  // -1: never
    double within01 = -1; // -1: never
    long rssMiB = -1;
    bool valid = false;
    std::string lp = "not written"; // "written", or why not
};

std::string serialize(const LfrRun &r)
{
    std::ostringstream out;
    out.precision(17);
    out << r.status << '\t' << r.optimal << '\t' << r.objective << '\t' << r.bound << '\t' << r.seconds << '\t'
        << r.within1 << '\t' << r.within01 << '\t' << r.rssMiB << '\t' << r.valid << '\t' << r.lp << '\n';
    return out.str();
}

LfrRun deserialize(const std::string &text)
{
    LfrRun r;
    std::vector<std::string> f;
    std::stringstream in(text);
    for (std::string field; std::getline(in, field, '\t');)
        f.push_back(field);
    if (f.size() != 10)
        return r;
    if (!f[9].empty() && f[9].back() == '\n')
        f[9].pop_back();
    const auto real = [](const std::string &s) { return s == "nan" ? kNaN : std::stod(s); };
    r = {f[0],       f[1] == "1", real(f[2]),      real(f[3]),  real(f[4]),
         real(f[5]), real(f[6]),  std::stol(f[7]), f[8] == "1", f[9]};
    return r;
}

// In the child: build, solve, measure, then write the LP file.
LfrRun solveHere(const Spec &spec, double timeLimit, const fs::path &lpPath)
{
    LfrRun out;
    const lfr::Scenario scenario = spec.build();
    lfr::SolverOptions options;
    options.timeLimitSeconds = timeLimit;
    const lfr::ProgressCallback progress = [&](const lfr::SolveProgress &p) {
        if (p.incumbent) {
            const double gap = (p.bound - *p.incumbent) / std::max(std::abs(p.bound), 1e-3);
            if (gap <= 0.01 && out.within1 < 0)
                out.within1 = p.elapsedSeconds;
            if (gap <= 0.001 && out.within01 < 0)
                out.within01 = p.elapsedSeconds;
        }
        return true;
    };
    const auto start = Clock::now();
    const lfr::SolveResult r = lfr::solve(scenario, options, progress);
    out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    out.rssMiB = peakRssMiB();
    out.optimal = r.plan.status == lfr::PlanStatus::Optimal;
    out.status = std::string(lfr::planStatusName(r.plan.status));
    if (r.stop != lfr::SolveStop::Finished)
        out.status += " (" + std::string(lfr::solveStopName(r.stop)) + ")";
    out.objective = r.plan.figures ? r.plan.figures->objective : kNaN;
    out.bound = r.plan.bound.value_or(kNaN);
    out.valid = lfr::validatePlan(scenario, r.plan.deployments).valid();
    if (lpPath.empty())
        return out;
    // The MILP has a crew variable per qualified on-duty officer and slot: at
    // the L size that is gigabytes of LP text, beyond what cbc can take here.
    const double cells = static_cast<double>(scenario.officers.size()) * static_cast<double>(scenario.hotspots.size()) *
                         static_cast<double>(scenario.dates.size());
    if (cells > 5e7) {
        out.lp = "skipped: the MILP would be gigabytes";
        return out;
    }
    lfr::writeFileAtomically(lpPath, lfr::writeLp(scenario));
    out.lp = "written";
    return out;
}

LfrRun solveInChild(const Spec &spec, double timeLimit, const fs::path &lpPath)
{
    int fds[2];
    if (::pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    std::fflush(stdout);
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::close(fds[0]);
        std::string line;
        try {
            line = serialize(solveHere(spec, timeLimit, lpPath));
        } catch (const std::exception &e) {
            LfrRun failed;
            failed.status = std::string("error: ") + e.what();
            std::replace(failed.status.begin(), failed.status.end(), '\t', ' ');
            std::replace(failed.status.begin(), failed.status.end(), '\n', ' ');
            line = serialize(failed);
        }
        for (std::size_t done = 0; done < line.size();) {
            const ssize_t n = ::write(fds[1], line.data() + done, line.size() - done);
            if (n <= 0)
                break;
            done += static_cast<std::size_t>(n);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        text.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int wstatus = 0;
    ::waitpid(pid, &wstatus, 0);
    LfrRun run = deserialize(text);
    if (WIFSIGNALED(wstatus))
        run.status = "crashed (signal " + std::to_string(WTERMSIG(wstatus)) + ")";
    return run;
}

// cbc's or HiGHS's run on the LP file.
struct ExternalRun {
    std::string status = "-";
    bool optimal = false;
    double objective = kNaN;
    double bound = kNaN;
    double seconds = kNaN;
};

std::string shellQuote(const std::string &text)
{
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

double timedShell(const std::string &command)
{
    const auto start = Clock::now();
    [[maybe_unused]] const int rc = std::system(command.c_str());
    return std::chrono::duration<double>(Clock::now() - start).count();
}

ExternalRun runCbc(const fs::path &model, int seconds)
{
    ExternalRun out;
    if (std::system("command -v cbc >/dev/null 2>&1") != 0) {
        out.status = "not installed";
        return out;
    }
    const fs::path solution = model.parent_path() / "cbc-solution.txt";
    const fs::path log = model.parent_path() / "cbc.log";
    fs::remove(solution);
    out.seconds = timedShell("cbc " + shellQuote(model.string()) + " sec " + std::to_string(seconds) + " solve solu " +
                             shellQuote(solution.string()) + " > " + shellQuote(log.string()) + " 2>&1");
    try {
        const lfr::CbcSolution s = lfr::parseCbcSolution(lfr::readTextFile(solution));
        out.status = s.statusLine.substr(0, s.statusLine.find(' '));
        out.optimal = s.status == lfr::CbcStatus::Optimal;
        // "Stopped on time (no integer solution - continuous used) - objective
        // value X": X is the LP relaxation's, not a plan's.
        if (s.statusLine.find("no integer solution") != std::string::npos)
            out.status += " (no solution)";
        else
            out.objective = s.objective.value_or(kNaN);
    } catch (const std::exception &e) {
        out.status = fs::exists(solution) ? std::string("unreadable solution: ") + e.what() : "no solution file";
    }
    // cbc's log ends with "Upper bound: Y" (the maximised objective's) when
    // it stopped before a proof; an optimum is its own bound.
    const std::string text = lfr::readTextFile(log);
    static const std::regex kBound(R"(Upper bound:\s+(-?[0-9.eE+-]+))");
    std::smatch m;
    if (std::regex_search(text, m, kBound))
        out.bound = std::stod(m[1].str());
    else if (out.optimal)
        out.bound = out.objective;
    return out;
}

ExternalRun runHighs(const fs::path &model, int seconds, const fs::path &highsDir)
{
    ExternalRun out;
    if (highsDir.empty() || !fs::exists(highsDir / "node_modules" / "highs")) {
        out.status = "not installed";
        return out;
    }
    const fs::path log = model.parent_path() / "highs.log";
    const fs::path runner = fs::path(LFRPLAN_BENCH_DIR) / "run-highs.mjs";
    // A hard stop a minute after HiGHS's own limit, in case it ignores it.
    out.seconds =
        timedShell("timeout --signal=KILL " + std::to_string(seconds + 60) + " node " + shellQuote(runner.string()) +
                   " --highs-dir " + shellQuote(highsDir.string()) + " --seconds " + std::to_string(seconds) + " " +
                   shellQuote(model.string()) + " > " + shellQuote(log.string()) + " 2>&1");
    const std::string text = lfr::readTextFile(log);
    static const std::regex kLine(R"(highs status=(\S+) objective=(\S+) bound=(\S+) seconds=(\S+))");
    std::smatch m;
    if (!std::regex_search(text, m, kLine)) {
        std::string first = text.substr(0, text.find('\n'));
        out.status = "failed: " + (first.empty() ? std::string("no output (killed?)") : first);
        return out;
    }
    std::string status = m[1].str();
    std::replace(status.begin(), status.end(), '_', ' ');
    std::transform(status.begin(), status.end(), status.begin(), [](unsigned char c) { return std::tolower(c); });
    out.status = status;
    out.optimal = status == "optimal";
    const auto real = [](const std::string &s) { return s == "-" ? kNaN : std::stod(s); };
    out.objective = real(m[2].str());
    out.bound = real(m[3].str());
    out.seconds = std::stod(m[4].str()); // HiGHS's own solve, without starting node and reading the file
    return out;
}

struct Row {
    Spec spec;
    LfrRun lfr;
    ExternalRun cbc;
    ExternalRun highs;
};

std::string fixed(double value, int digits)
{
    if (std::isnan(value))
        return "–";
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

std::string moment(double seconds) { return seconds < 0 ? std::string("–") : fixed(seconds, 2); }

// Another solver's time over lfrplan's: ">" when only lfrplan proved its
// optimum (the other stopped at its limit), "<" when only the other did.
std::string ratio(const ExternalRun &other, const LfrRun &lfr)
{
    if (std::isnan(other.seconds) || std::isnan(lfr.seconds) || (!other.optimal && !lfr.optimal))
        return "–";
    const std::string mark = other.optimal == lfr.optimal ? "" : other.optimal ? "<" : ">";
    return mark + fixed(other.seconds / std::max(lfr.seconds, 1e-3), 1);
}

double median(std::vector<double> values)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v) || v < 0; }),
                 values.end());
    if (values.empty())
        return kNaN;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The median of first moments, a seed that never got there counting as
// later than all: "never" when that is the median.
std::string momentMedian(std::vector<double> moments)
{
    for (double &m : moments)
        if (m < 0)
            m = std::numeric_limits<double>::infinity();
    const double m = median(moments);
    return std::isinf(m) ? std::string("never") : moment(m);
}

void printHeader()
{
    std::cout << "| instance | lfrplan status | objective | bound | time (s) | within 1% at (s) | within 0.1% at (s) "
                 "| peak RSS (MiB) | cbc status | cbc objective | cbc bound | cbc time (s) | HiGHS status | HiGHS "
                 "objective | HiGHS bound | HiGHS time (s) | cbc / lfrplan time | HiGHS / lfrplan time |\n"
              << "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
}

void printRow(const Row &r)
{
    const std::string status = r.lfr.status + (r.lfr.valid || r.lfr.status.rfind("error", 0) == 0 ? "" : " (INVALID)");
    std::printf("| %s | %s | %s | %s | %s | %s | %s | %ld | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                r.spec.label.c_str(), status.c_str(), fixed(r.lfr.objective, 3).c_str(), fixed(r.lfr.bound, 3).c_str(),
                fixed(r.lfr.seconds, 2).c_str(), moment(r.lfr.within1).c_str(), moment(r.lfr.within01).c_str(),
                r.lfr.rssMiB, r.cbc.status.c_str(), fixed(r.cbc.objective, 3).c_str(), fixed(r.cbc.bound, 3).c_str(),
                fixed(r.cbc.seconds, 1).c_str(), r.highs.status.c_str(), fixed(r.highs.objective, 3).c_str(),
                fixed(r.highs.bound, 3).c_str(), fixed(r.highs.seconds, 1).c_str(), ratio(r.cbc, r.lfr).c_str(),
                ratio(r.highs, r.lfr).c_str());
    std::fflush(stdout);
}

// The family's medians over its seeds; the statuses as counts.
void printMedians(const std::string &family, const std::vector<Row> &rows)
{
    const auto collect = [&](auto field) {
        std::vector<double> values;
        for (const Row &r : rows)
            values.push_back(field(r));
        return values;
    };
    const auto count = [&](auto proved) {
        return std::to_string(std::count_if(rows.begin(), rows.end(), proved)) + "/" + std::to_string(rows.size()) +
               " optimal";
    };
    // Over the seeds both solvers proved optimal; "(k/n)" when that is not all.
    const auto ratios = [&](auto other) {
        std::vector<double> values;
        for (const Row &r : rows)
            if (r.lfr.optimal && other(r).optimal)
                values.push_back(other(r).seconds / std::max(r.lfr.seconds, 1e-3));
        if (values.empty())
            return std::string("–");
        const std::string share = values.size() == rows.size()
                                      ? std::string()
                                      : " (" + std::to_string(values.size()) + "/" + std::to_string(rows.size()) + ")";
        return fixed(median(values), 1) + share;
    };
    std::printf("| **%s, median of %zu seeds** | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | "
                "%s | %s | %s |\n",
                family.c_str(), rows.size(), count([](const Row &r) { return r.lfr.optimal; }).c_str(),
                fixed(median(collect([](const Row &r) { return r.lfr.objective; })), 3).c_str(),
                fixed(median(collect([](const Row &r) { return r.lfr.bound; })), 3).c_str(),
                fixed(median(collect([](const Row &r) { return r.lfr.seconds; })), 2).c_str(),
                momentMedian(collect([](const Row &r) { return r.lfr.within1; })).c_str(),
                momentMedian(collect([](const Row &r) { return r.lfr.within01; })).c_str(),
                fixed(median(collect([](const Row &r) { return static_cast<double>(r.lfr.rssMiB); })), 0).c_str(),
                count([](const Row &r) { return r.cbc.optimal; }).c_str(),
                fixed(median(collect([](const Row &r) { return r.cbc.objective; })), 3).c_str(),
                fixed(median(collect([](const Row &r) { return r.cbc.bound; })), 3).c_str(),
                fixed(median(collect([](const Row &r) { return r.cbc.seconds; })), 1).c_str(),
                count([](const Row &r) { return r.highs.optimal; }).c_str(),
                fixed(median(collect([](const Row &r) { return r.highs.objective; })), 3).c_str(),
                fixed(median(collect([](const Row &r) { return r.highs.bound; })), 3).c_str(),
                fixed(median(collect([](const Row &r) { return r.highs.seconds; })), 1).c_str(),
                ratios([](const Row &r) -> const ExternalRun & { return r.cbc; }).c_str(),
                ratios([](const Row &r) -> const ExternalRun & { return r.highs; }).c_str());
    std::fflush(stdout);
}

bool tie(double a, double b) { return std::abs(a - b) <= 1e-6 * std::max({std::abs(a), std::abs(b), 1e-3}); }

Options parse(int argc, char **argv)
{
    Options o;
    const char *home = std::getenv("HOME");
    if (home && fs::exists(fs::path(home) / ".cache/lfrplan-bench/highs/node_modules/highs"))
        o.highsDir = fs::path(home) / ".cache/lfrplan-bench/highs";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--time-limit" && hasValue)
            o.timeLimit = std::atof(argv[++i]);
        else if (arg == "--cbc-seconds" && hasValue)
            o.cbcSeconds = std::atoi(argv[++i]);
        else if (arg == "--highs-seconds" && hasValue)
            o.highsSeconds = std::atoi(argv[++i]);
        else if (arg == "--highs-dir" && hasValue)
            o.highsDir = argv[++i];
        else if (arg == "--seeds" && hasValue)
            o.seeds = std::atoi(argv[++i]);
        else if (arg == "--skip-cbc")
            o.skipCbc = true;
        else if (arg == "--skip-highs")
            o.skipHighs = true;
        else if (arg.rfind("--", 0) == 0)
            throw std::invalid_argument("unknown option " + arg);
        else
            o.names.push_back(arg);
    }
    if (!(o.timeLimit > 0) || o.cbcSeconds <= 0 || o.highsSeconds <= 0 || (o.seeds && *o.seeds <= 0))
        throw std::invalid_argument("time limits and --seeds must be positive");
    if (o.names.empty())
        o.names = {"S", "S-like", "event", "M", "M-hard", "L", "demo"};
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    try {
        options = parse(argc, argv);
    } catch (const std::exception &e) {
        std::cerr << "bench_solver: " << e.what() << "\n";
        return 2;
    }
    const fs::path dir = fs::temp_directory_path() / ("lfrplan-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path lp = dir / "model.lp";
    const bool external = !options.skipCbc || !options.skipHighs;
    printHeader();
    std::vector<std::string> disagreements;
    for (const std::string &name : options.names) {
        std::vector<Row> rows;
        for (const Spec &spec : specs(name, options)) {
            fs::remove(lp);
            Row row{spec, solveInChild(spec, options.timeLimit, external ? lp : fs::path()), {}, {}};
            const bool haveLp = row.lfr.lp == "written" && fs::exists(lp);
            if (options.skipCbc)
                row.cbc.status = "skipped";
            else
                row.cbc = haveLp ? runCbc(lp, options.cbcSeconds) : ExternalRun{row.lfr.lp, false, kNaN, kNaN, kNaN};
            if (options.skipHighs)
                row.highs.status = "skipped";
            else
                row.highs = haveLp ? runHighs(lp, options.highsSeconds, options.highsDir)
                                   : ExternalRun{row.lfr.lp, false, kNaN, kNaN, kNaN};
            printRow(row);
            for (const auto &[solver, run] : {std::pair{"cbc", &row.cbc}, std::pair{"HiGHS", &row.highs}})
                if (row.lfr.optimal && run->optimal && !tie(row.lfr.objective, run->objective))
                    disagreements.push_back(spec.label + ": lfrplan " + fixed(row.lfr.objective, 6) + ", " + solver +
                                            " " + fixed(run->objective, 6));
            rows.push_back(std::move(row));
        }
        if (rows.size() > 1)
            printMedians(rows.front().spec.family.empty() ? name : rows.front().spec.family, rows);
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    std::cout << "\n"
              << (disagreements.empty() ? "Every optimum proved by two solvers agrees." : "Optima that disagree:")
              << "\n";
    for (const std::string &d : disagreements)
        std::cout << "- " << d << "\n";
    return disagreements.empty() ? 0 : 1;
}
