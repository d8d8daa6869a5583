// The generator's options: the window sets, the benchmark families and the
// checks of every option (generator.h). The scenario itself is made in
// generator.cpp.
#include "lfrplan/generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lfr {

namespace {

struct Limit {
    std::string_view option;
    int value;
    int lo;
    int hi;
};

// "NAME (--flag) must be between LO and HI (got X)".
std::string outside(std::string_view what, const std::string &lo, const std::string &hi, const std::string &got)
{
    return std::string(what) + " must be between " + lo + " and " + hi + " (got " + got + ")";
}

std::string number(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

// A fraction, probability or decay within [lo, hi]; NaN is outside.
bool within(double value, double lo, double hi) { return value >= lo && value <= hi; }

std::string validateFamilyOptions(const GeneratorOptions &o)
{
    const auto &names = generatorFamilyNames();
    if (!o.family.empty() && std::find(names.begin(), names.end(), o.family) == names.end())
        return "family (--family) must be s-like, event or m-hard (got \"" + o.family + "\")";
    if (o.windowSet != WindowSet::Standard && o.windowSet != WindowSet::Mhard && o.windowSet != WindowSet::Two4h)
        return "windowSet (--window-set) must be standard, mhard or two4h";
    if (o.shiftKinds != 4 && o.shiftKinds != 5)
        return "shiftKinds (--shift-kinds) must be 4 or 5 (got " + std::to_string(o.shiftKinds) + ")";
    if (o.hotspotCrewShare && !within(*o.hotspotCrewShare, 0, 1))
        return outside("hotspotCrewShare (--hotspot-crews)", "0", "1", number(*o.hotspotCrewShare));
    if (o.maxPerHorizon && (*o.maxPerHorizon < 1 || *o.maxPerHorizon > kGeneratorMaxDates))
        return outside("maxPerHorizon (--max-per-horizon)", "1", std::to_string(kGeneratorMaxDates),
                       std::to_string(*o.maxPerHorizon));
    if (o.minGapDays && (*o.minGapDays < 0 || *o.minGapDays > kGeneratorMaxDates - 1))
        return outside("minGapDays (--min-gap-days)", "0", std::to_string(kGeneratorMaxDates - 1),
                       std::to_string(*o.minGapDays));
    if (o.repeatDecay && !within(*o.repeatDecay, 0, 1))
        return outside("repeatDecay (--repeat-decay)", "0", "1", number(*o.repeatDecay));
    if (o.windowMultipliers) {
        const auto [lo, hi] = *o.windowMultipliers;
        if (!within(lo, 0.01, 10) || !within(hi, 0.01, 10) || std::lround(lo * 100) > std::lround(hi * 100))
            return "windowMultipliers (--window-multipliers) must be LO:HI with 0.01 <= LO <= HI <= 10 (got " +
                   number(lo) + ":" + number(hi) + ")";
    }
    if (o.vanUnavailable && !within(*o.vanUnavailable, 0, 1))
        return outside("vanUnavailable (--van-unavailable)", "0", "1", number(*o.vanUnavailable));
    if (o.eventHotspot) {
        const EventHotspot &e = *o.eventHotspot;
        if (!within(e.value, 0, 100000) || e.value == 0)
            return "eventHotspot.value (--event-hotspot VALUE) must be > 0 and at most 100000 (got " + number(e.value) +
                   ")";
        if (e.crew < 1 || e.crew > 1000)
            return outside("eventHotspot.crew (--event-hotspot CREW)", "1", "1000", std::to_string(e.crew));
        if (e.dates < 1 || e.dates > std::min(2, o.dates))
            return outside("eventHotspot.dates (--event-hotspot DATES)", "1", std::to_string(std::min(2, o.dates)),
                           std::to_string(e.dates));
        if (o.hotspots + 1 > kGeneratorMaxHotspots)
            return "hotspots must be at most " + std::to_string(kGeneratorMaxHotspots - 1) +
                   " with an event hotspot (got " + std::to_string(o.hotspots) + ")";
    }
    return {};
}

} // namespace

std::string_view windowSetName(WindowSet set)
{
    switch (set) {
    case WindowSet::Mhard:
        return "mhard";
    case WindowSet::Two4h:
        return "two4h";
    case WindowSet::Standard:
        break;
    }
    return "standard";
}

std::optional<WindowSet> windowSetFromName(std::string_view name)
{
    for (const WindowSet set : {WindowSet::Standard, WindowSet::Mhard, WindowSet::Two4h})
        if (name == windowSetName(set))
            return set;
    return std::nullopt;
}

const std::vector<std::string_view> &generatorFamilyNames()
{
    static const std::vector<std::string_view> names = {"s-like", "event", "m-hard"};
    return names;
}

std::optional<GeneratorOptions> generatorFamily(std::string_view name)
{
    GeneratorOptions o;
    if (name == "s-like" || name == "event") {
        o.officers = 400;
        o.teams = 8;
        o.hotspots = 12;
        o.vans = 3;
        o.dates = 7;
        o.windowSet = WindowSet::Two4h;
        o.policy.maxDeployments = 10;
        o.policy.maxDays = 5;
        o.policy.maxPerDate = 3;
        o.policy.maxDutiesPerOfficer = 2;
        if (name == "event")
            o.eventHotspot = EventHotspot{400.0, 17, 2};
    } else if (name == "m-hard") {
        o.officers = 5000;
        o.teams = 40;
        o.hotspots = 40;
        o.vans = 6;
        o.dates = 7;
        o.windowSet = WindowSet::Mhard;
        o.policy.maxDeployments = 16;
        o.policy.maxDays = 6;
        o.policy.maxPerDate = 4;
        o.policy.maxDutiesPerOfficer = 2;
        o.policy.travelWeight = 0.3;
        o.hotspotCrewShare = 0.25;
        o.maxPerHorizon = 2;
        o.minGapDays = 1;
        o.repeatDecay = 0.5;
        o.windowMultipliers = {0.6, 1.2};
        o.shiftKinds = 5;
        o.vanUnavailable = 0.15;
    } else {
        return std::nullopt;
    }
    o.family = std::string(name);
    return o;
}

std::string validateGeneratorOptions(const GeneratorOptions &o)
{
    // In this order, so that "teams" is only judged against a usable "officers".
    for (const Limit &l :
         {Limit{"officers", o.officers, 1, kGeneratorMaxOfficers}, Limit{"teams", o.teams, 1, std::max(1, o.officers)},
          Limit{"hotspots", o.hotspots, 1, kGeneratorMaxHotspots}, Limit{"vans", o.vans, 1, kGeneratorMaxVans},
          Limit{"dates", o.dates, 1, kGeneratorMaxDates}, Limit{"windows", o.windows, 1, kGeneratorMaxWindows}})
        if (l.value < l.lo || l.value > l.hi)
            return std::string(l.option) + " must be between " + std::to_string(l.lo) + " and " + std::to_string(l.hi) +
                   " (got " + std::to_string(l.value) + ")";
    if (const std::int64_t cells = std::int64_t{o.officers} * o.dates; cells > kGeneratorMaxRosterCells)
        return "officers x dates must be at most " + std::to_string(kGeneratorMaxRosterCells) + " roster cells (got " +
               std::to_string(cells) + ")";
    if (o.startDate < dateFromCivil(1, 1, 1) || o.startDate.days > dateFromCivil(9999, 12, 31).days - (o.dates - 1))
        return "startDate must leave the whole horizon within 0001-01-01..9999-12-31";
    const Policy &p = o.policy;
    const std::array<std::pair<std::string_view, int>, 4> counts = {{{"maxDeployments", p.maxDeployments},
                                                                     {"maxDays", p.maxDays},
                                                                     {"maxPerDate", p.maxPerDate.value_or(0)},
                                                                     {"maxDutiesPerOfficer", p.maxDutiesPerOfficer}}};
    for (const auto &[key, value] : counts)
        if (value < 0)
            return "policy." + std::string(key) + " must be >= 0 (got " + std::to_string(value) + ")";
    if (!std::isfinite(p.travelWeight) || p.travelWeight < 0)
        return "policy.travelWeight (--travel-weight) must be a finite number >= 0 (got " + number(p.travelWeight) +
               ")";
    return validateFamilyOptions(o);
}

} // namespace lfr
