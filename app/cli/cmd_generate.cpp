// generate: deterministic synthetic scenarios for tests and benchmarks.
#include "args.h"
#include "commands.h"

#include "lfrplan/errors.h"
#include "lfrplan/generator.h"
#include "lfrplan/scenario_io.h"

#include <charconv>
#include <cmath>
#include <iostream>
#include <limits>

namespace lfrcli {

namespace {

constexpr const char *kHelp = "Writes a synthetic lfrplan-scenario/1 scenario; the same options and seed always give\n"
                              "the same file. Options (defaults in brackets):\n"
                              "  --family NAME         start from a benchmark family: s-like, event or m-hard\n"
                              "                        (docs/benchmarks.md); the options below override it\n"
                              "  --officers N          officers, 1..100000 [500]\n"
                              "  --teams N             teams, 1..officers [12]\n"
                              "  --hotspots N          hotspots, 1..1000 [12]\n"
                              "  --vans N              vans, 1..100 [3]\n"
                              "  --dates N             consecutive dates, 1..366 [7]\n"
                              "  --start YYYY-MM-DD    first date [2026-12-07]\n"
                              "  --windows N           deployment windows a day, 1..4 [2]\n"
                              "  --window-set NAME     standard (the --windows above), mhard (10:00-14:00,\n"
                              "                        14:00-18:00, 17:00-21:00) or two4h (10:00-14:00,\n"
                              "                        17:00-21:00) [standard]\n"
                              "  --shift-kinds N       4, or 5 for a fifth shift (12:00-21:00) in every rota [4]\n"
                              "  --seed N              random seed [1]\n"
                              "  --max-deployments N   policy.max_deployments [10]\n"
                              "  --max-days N          policy.max_days [5]\n"
                              "  --max-per-date N      policy.max_per_date [none]\n"
                              "  --max-duties N        policy.max_duties_per_officer [2]\n"
                              "  --travel-weight X     policy.travel_weight, >= 0 [0.1]\n"
                              "  --hotspot-crews F     share 0..1 of the hotspots with a crew of their own\n"
                              "                        [random, about 5%]\n"
                              "  --max-per-horizon N   every hotspot's max_per_horizon, 1..366 [random 1-3]\n"
                              "  --min-gap-days N      every hotspot's min_gap_days, 0..365 [random 1-2]\n"
                              "  --repeat-decay X      every hotspot's repeat_decay, 0..1 [random]\n"
                              "  --window-multipliers LO:HI\n"
                              "                        window multipliers drawn from LO..HI, 0.01..10\n"
                              "                        [random 0.6-1.3]\n"
                              "  --van-unavailable P   chance 0..1 that a van is unavailable on a date [0.08]\n"
                              "  --event-hotspot VALUE:CREW:DATES\n"
                              "                        one more hotspot, of VALUE, with its own crew of CREW\n"
                              "                        officers, allowed on DATES (1 or 2) consecutive dates\n"
                              "  -o, --output FILE     where to write (standard output when absent or -)\n";

// A finite decimal number, the whole text.
std::optional<double> parseNumber(const std::string &text)
{
    double value = 0;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<double> number(const Args &args, const char *name)
{
    const auto text = args.value(name);
    if (!text)
        return std::nullopt;
    const auto value = parseNumber(*text);
    if (!value)
        throw UsageError("option --" + std::string(name) + " must be a number, not \"" + *text + "\"");
    return value;
}

// TEXT split at ':' into exactly `parts` pieces, else a UsageError naming
// the option and the form it takes.
std::vector<std::string> fields(const std::string &text, std::size_t parts, const std::string &option,
                                const std::string &form)
{
    std::vector<std::string> out(1);
    for (const char c : text) {
        if (c == ':')
            out.emplace_back();
        else
            out.back() += c;
    }
    if (out.size() != parts)
        throw UsageError("option --" + option + " must be " + form + ", not \"" + text + "\"");
    return out;
}

void applyHarderOptions(const Args &args, lfr::GeneratorOptions &o)
{
    constexpr long long kBig = 1'000'000'000;
    if (const auto v = args.integer("max-duties", 0, kBig))
        o.policy.maxDutiesPerOfficer = static_cast<int>(*v);
    if (const auto v = number(args, "travel-weight"))
        o.policy.travelWeight = *v;
    if (const auto v = args.integer("shift-kinds", 0, kBig))
        o.shiftKinds = static_cast<int>(*v);
    if (const auto v = number(args, "hotspot-crews"))
        o.hotspotCrewShare = *v;
    if (const auto v = args.integer("max-per-horizon", 0, kBig))
        o.maxPerHorizon = static_cast<int>(*v);
    if (const auto v = args.integer("min-gap-days", 0, kBig))
        o.minGapDays = static_cast<int>(*v);
    if (const auto v = number(args, "repeat-decay"))
        o.repeatDecay = *v;
    if (const auto v = number(args, "van-unavailable"))
        o.vanUnavailable = *v;
    if (const auto text = args.value("window-multipliers")) {
        const auto parts = fields(*text, 2, "window-multipliers", "LO:HI, e.g. 0.6:1.2");
        const auto lo = parseNumber(parts[0]);
        const auto hi = parseNumber(parts[1]);
        if (!lo || !hi)
            throw UsageError("option --window-multipliers must be LO:HI, two numbers, not \"" + *text + "\"");
        o.windowMultipliers = std::pair{*lo, *hi};
    }
    if (const auto text = args.value("event-hotspot")) {
        const std::string form = "VALUE:CREW:DATES, e.g. 400:17:2";
        const auto parts = fields(*text, 3, "event-hotspot", form);
        const auto value = parseNumber(parts[0]);
        const auto crew = parseNumber(parts[1]);
        const auto dates = parseNumber(parts[2]);
        const auto whole = [](const std::optional<double> &x) {
            return x && *x == std::floor(*x) && std::abs(*x) <= 1e9;
        };
        if (!value || !whole(crew) || !whole(dates))
            throw UsageError("option --event-hotspot must be " + form + " (CREW and DATES whole numbers), not \"" +
                             *text + "\"");
        o.eventHotspot = lfr::EventHotspot{*value, static_cast<int>(*crew), static_cast<int>(*dates)};
    }
}

} // namespace

int cmdGenerate(const Argv &argv)
{
    const char *usage = "lfrplan generate [--family NAME] [options] [-o SCENARIO.json]";
    if (printHelpIfAsked(argv, usage, kHelp))
        return kExitOk;
    const Args args("generate", argv, {{"family"},          {"officers"},      {"teams"},
                                       {"hotspots"},        {"vans"},          {"dates"},
                                       {"start"},           {"windows"},       {"window-set"},
                                       {"shift-kinds"},     {"seed"},          {"max-deployments"},
                                       {"max-days"},        {"max-per-date"},  {"max-duties"},
                                       {"travel-weight"},   {"hotspot-crews"}, {"max-per-horizon"},
                                       {"min-gap-days"},    {"repeat-decay"},  {"window-multipliers"},
                                       {"van-unavailable"}, {"event-hotspot"}, {"output", true, 'o'}});
    args.expectPositional(0, 0, usage);
    lfr::GeneratorOptions o;
    if (const auto family = args.value("family")) {
        const auto preset = lfr::generatorFamily(*family);
        if (!preset)
            throw UsageError("option --family must be s-like, event or m-hard, not \"" + *family + "\"");
        o = *preset;
    }
    constexpr long long kBig = 1'000'000'000;
    auto setInt = [&](const char *name, int &target) {
        if (const auto v = args.integer(name, 0, kBig))
            target = static_cast<int>(*v);
    };
    setInt("officers", o.officers);
    setInt("teams", o.teams);
    setInt("hotspots", o.hotspots);
    setInt("vans", o.vans);
    setInt("dates", o.dates);
    setInt("windows", o.windows);
    setInt("max-deployments", o.policy.maxDeployments);
    setInt("max-days", o.policy.maxDays);
    if (const auto v = args.integer("max-per-date", 0, kBig))
        o.policy.maxPerDate = static_cast<int>(*v);
    if (const auto v = args.integer("seed", 0, std::numeric_limits<long long>::max()))
        o.seed = static_cast<std::uint64_t>(*v);
    if (const auto start = args.value("start")) {
        const auto date = lfr::parseDate(*start);
        if (!date)
            throw UsageError("option --start must be a date YYYY-MM-DD, not \"" + *start + "\"");
        o.startDate = *date;
    }
    if (const auto name = args.value("window-set")) {
        const auto set = lfr::windowSetFromName(*name);
        if (!set)
            throw UsageError("option --window-set must be standard, mhard or two4h, not \"" + *name + "\"");
        if (*set != lfr::WindowSet::Standard && args.value("windows"))
            throw UsageError("option --windows counts the standard windows: give --windows or --window-set " + *name +
                             ", not both");
        o.windowSet = *set;
    } else if (args.value("windows")) {
        o.windowSet = lfr::WindowSet::Standard; // --windows overrides a family's window set
    }
    applyHarderOptions(args, o);
    if (const std::string problem = lfr::validateGeneratorOptions(o); !problem.empty())
        throw UsageError(problem);
    const lfr::Scenario scenario = lfr::generateScenario(o);
    const std::string text = lfr::writeScenario(scenario);
    const auto out = args.value("output");
    if (!out || *out == "-") {
        std::cout << text;
    } else {
        lfr::writeFileAtomically(*out, text);
        std::cerr << "wrote \"" << scenario.name << "\" (" << scenario.officers.size() << " officers) to " << *out
                  << "\n";
    }
    return kExitOk;
}

} // namespace lfrcli
