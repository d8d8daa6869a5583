// The planning problem as a MILP (lp_export.h): the model and its LP text.
#include "lfrplan/lp_export.h"

#include "lfrplan/geo.h"
#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <system_error>
#include <utility>

namespace lfr {

namespace {

using Kind = LpVariable::Kind;
constexpr std::size_t kNone = LpVariable::kNone;
constexpr std::size_t kTokenLength = 24;

// An id as a name part: [A-Za-z0-9_] only, at most kTokenLength characters.
std::string sanitize(std::string_view id)
{
    std::string token;
    for (const char c : id.substr(0, kTokenLength)) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        token += plain ? c : '_';
    }
    return token;
}

// Name parts for a list of items, unique within the list: the sanitised id,
// suffixed with the item's index when it would collide with another item's.
template <typename Item> std::vector<std::string> nameParts(const std::vector<Item> &items)
{
    std::set<std::string> reserved; // ids that are name parts as they are
    for (const Item &item : items)
        if (sanitize(item.id) == item.id)
            reserved.insert(item.id);
    std::vector<std::string> parts;
    std::set<std::string> used;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string part = sanitize(items[i].id);
        const bool asIs = part == items[i].id;
        while (used.count(part) != 0 || (!asIs && reserved.count(part) != 0))
            part += "_" + std::to_string(i);
        used.insert(part);
        parts.push_back(std::move(part));
    }
    return parts;
}

std::string datePart(Date date)
{
    std::string text = formatDate(date);
    std::erase(text, '-');
    return text;
}

// A deployable hotspot/date/window and its variables.
struct Slot {
    std::size_t hotspot = 0, date = 0, window = 0;
    std::size_t y = 0;
    std::vector<std::size_t> vans; // x variables, in van order
    std::vector<std::size_t> crew; // z variables, by role then officer
    double value = 0.0;            // v(d) of section 4
    std::string name;              // "H.D.W"
};

class Builder {
public:
    explicit Builder(const Scenario &scenario) : sc_(scenario), ix_(scenario)
    {
        model_.scenario = scenario.name;
        hotspotParts_ = nameParts(sc_.hotspots);
        windowParts_ = nameParts(sc_.windows);
        vanParts_ = nameParts(sc_.vans);
        officerParts_ = nameParts(sc_.officers);
        roleParts_ = nameParts(sc_.roles);
        teamParts_ = nameParts(sc_.teams);
        for (const Date date : sc_.dates)
            dateParts_.push_back(datePart(date));
    }

    LpModel build()
    {
        makeSlots();
        makePositions();
        crewRows();
        countRows();
        hotspotRows();
        vanRows();
        officerRows();
        teamRows();
        pinRows();
        if (model_.variables.empty())
            never();
        if (model_.rows.empty())
            addRow("trivial", {{0, 1.0}}, '>', 0.0);
        return std::move(model_);
    }

private:
    std::size_t addVariable(LpVariable variable)
    {
        model_.variables.push_back(std::move(variable));
        return model_.variables.size() - 1;
    }

    void addRow(std::string name, std::vector<LpTerm> terms, char sense, double rhs)
    {
        model_.rows.push_back(LpRow{std::move(name), std::move(terms), sense, rhs});
    }

    static std::vector<LpTerm> ones(const std::vector<std::size_t> &variables)
    {
        std::vector<LpTerm> terms;
        for (const std::size_t v : variables)
            terms.push_back({v, 1.0});
        return terms;
    }

    // The continuous variable fixed at 0 that makes a row unsatisfiable.
    std::size_t never()
    {
        if (never_ == kNone) {
            LpVariable v;
            v.name = "never";
            v.kind = Kind::Never;
            v.binary = false;
            v.upper = 0.0;
            never_ = addVariable(std::move(v));
        }
        return never_;
    }

    std::size_t slotAt(std::size_t h, std::size_t d, std::size_t w) const
    {
        return slotIndex_[(h * sc_.dates.size() + d) * sc_.windows.size() + w];
    }

    // --- Slots, vans and crews --------------------------------------------------

    void makeSlots()
    {
        const std::size_t dates = sc_.dates.size();
        slotIndex_.assign(sc_.hotspots.size() * dates * sc_.windows.size(), kNone);
        officerDate_.assign(sc_.officers.size() * dates, {});
        for (std::size_t h = 0; h < sc_.hotspots.size(); ++h)
            for (std::size_t d = 0; d < dates; ++d)
                for (std::size_t w = 0; w < sc_.windows.size(); ++w)
                    makeSlot(h, d, w);
    }

    void makeSlot(std::size_t h, std::size_t d, std::size_t w)
    {
        const std::optional<double> multiplier = ix_.windowMultiplier(h, w);
        if (!multiplier || !ix_.hotspotAllowsDate(h, d))
            return;
        std::vector<std::size_t> available;
        for (std::size_t v = 0; v < sc_.vans.size(); ++v)
            if (ix_.vanAvailable(v, d))
                available.push_back(v);
        if (available.empty())
            return;
        const Hotspot &hotspot = sc_.hotspots[h];
        Slot slot;
        slot.hotspot = h;
        slot.date = d;
        slot.window = w;
        slot.name = hotspotParts_[h] + "." + dateParts_[d] + "." + windowParts_[w];
        slot.value =
            hotspot.value * *multiplier * hotspot.weekdayFactor[static_cast<std::size_t>(weekdayIndex(sc_.dates[d]))];
        LpVariable y;
        y.name = "y." + slot.name;
        y.kind = Kind::Slot;
        y.hotspot = h;
        y.date = d;
        y.window = w;
        slot.y = addVariable(y);
        for (const std::size_t v : available) {
            LpVariable x = y;
            x.name = "x." + slot.name + "." + vanParts_[v];
            x.kind = Kind::Van;
            x.van = v;
            slot.vans.push_back(addVariable(std::move(x)));
        }
        std::vector<LpTerm> vanTerms{{slot.y, 1.0}};
        for (const std::size_t x : slot.vans)
            vanTerms.push_back({x, -1.0});
        addRow("slot_van." + slot.name, std::move(vanTerms), '=', 0.0);

        for (const auto &[roleId, need] : ix_.effectiveCrew(h)) {
            if (need <= 0)
                continue;
            const std::optional<std::size_t> r = ix_.role(roleId);
            if (r)
                addCrew(slot, y, *r);
        }
        slotIndex_[(h * sc_.dates.size() + d) * sc_.windows.size() + w] = slots_.size();
        slots_.push_back(std::move(slot));
    }

    void addCrew(Slot &slot, const LpVariable &y, std::size_t r)
    {
        const GeoPoint &location = sc_.hotspots[slot.hotspot].location;
        for (std::size_t o = 0; o < sc_.officers.size(); ++o) {
            if (!ix_.qualifies(o, r) || !ix_.onDutyCovering(o, slot.date, slot.window))
                continue;
            LpVariable z = y;
            z.name = "z." + officerParts_[o] + "." + slot.name + "." + roleParts_[r];
            z.kind = Kind::Crew;
            z.officer = o;
            z.role = r;
            if (const std::optional<std::size_t> t = ix_.teamOf(o))
                z.objective = -sc_.policy.travelWeight * haversineKm(sc_.teams[*t].base, location);
            const std::size_t id = addVariable(std::move(z));
            slot.crew.push_back(id);
            officerDate_[o * sc_.dates.size() + slot.date].push_back(id);
        }
    }

    void crewRows()
    {
        for (const Slot &slot : slots_)
            for (const auto &[roleId, need] : ix_.effectiveCrew(slot.hotspot)) {
                if (need <= 0)
                    continue;
                const std::optional<std::size_t> r = ix_.role(roleId);
                std::vector<LpTerm> terms;
                for (const std::size_t z : slot.crew)
                    if (model_.variables[z].role == r)
                        terms.push_back({z, 1.0});
                terms.push_back({slot.y, -static_cast<double>(need)});
                const std::string role = r ? roleParts_[*r] : sanitize(roleId) + "_unknown";
                addRow("crew." + slot.name + "." + role, std::move(terms), '=', 0.0);
            }
    }

    // --- Value with repeat decay ------------------------------------------------

    void makePositions()
    {
        for (std::size_t h = 0; h < sc_.hotspots.size(); ++h) {
            std::vector<std::size_t> at; // slots of the hotspot
            for (std::size_t s = 0; s < slots_.size(); ++s)
                if (slots_[s].hotspot == h)
                    at.push_back(s);
            const Hotspot &hotspot = sc_.hotspots[h];
            const std::size_t positions =
                std::min(at.size(), static_cast<std::size_t>(std::max(0, hotspot.maxPerHorizon)));
            if (positions < 2 || hotspot.repeatDecay == 1.0) {
                for (const std::size_t s : at)
                    model_.variables[slots_[s].y].objective = slots_[s].value;
                continue;
            }
            std::vector<std::vector<std::size_t>> byPosition(positions);
            for (const std::size_t s : at) {
                std::vector<LpTerm> assigned{{slots_[s].y, -1.0}};
                for (std::size_t k = 1; k <= positions; ++k) {
                    LpVariable p = model_.variables[slots_[s].y];
                    p.name = "p." + slots_[s].name + ".k" + std::to_string(k);
                    p.kind = Kind::Position;
                    p.binary = false;
                    p.position = k;
                    p.objective = std::pow(hotspot.repeatDecay, static_cast<double>(k - 1)) * slots_[s].value;
                    const std::size_t id = addVariable(std::move(p));
                    assigned.push_back({id, 1.0});
                    byPosition[k - 1].push_back(id);
                }
                addRow("position_assigned." + slots_[s].name, std::move(assigned), '=', 0.0);
            }
            for (std::size_t k = 1; k <= positions; ++k)
                addRow("position_once." + hotspotParts_[h] + ".k" + std::to_string(k), ones(byPosition[k - 1]), '<',
                       1.0);
        }
    }

    // --- Rules 1 and 2: counts and hotspots -------------------------------------

    void countRows()
    {
        const Policy &policy = sc_.policy;
        std::vector<std::size_t> all;
        std::vector<std::vector<std::size_t>> byDate(sc_.dates.size());
        for (const Slot &slot : slots_) {
            all.push_back(slot.y);
            byDate[slot.date].push_back(slot.y);
        }
        if (static_cast<long long>(all.size()) > policy.maxDeployments)
            addRow("max_deployments", ones(all), '<', policy.maxDeployments);
        const auto usedDates = static_cast<long long>(
            std::count_if(byDate.begin(), byDate.end(), [](const auto &ys) { return !ys.empty(); }));
        if (usedDates > policy.maxDays) {
            std::vector<std::size_t> days;
            for (std::size_t d = 0; d < sc_.dates.size(); ++d) {
                if (byDate[d].empty())
                    continue;
                LpVariable u;
                u.name = "u." + dateParts_[d];
                u.kind = Kind::DayUsed;
                u.date = d;
                days.push_back(addVariable(std::move(u)));
                for (const Slot &slot : slots_)
                    if (slot.date == d)
                        addRow("day_used." + slot.name, {{slot.y, 1.0}, {days.back(), -1.0}}, '<', 0.0);
            }
            addRow("max_days", ones(days), '<', policy.maxDays);
        }
        for (std::size_t d = 0; d < sc_.dates.size(); ++d)
            if (policy.maxPerDate && static_cast<long long>(byDate[d].size()) > *policy.maxPerDate)
                addRow("max_per_date." + dateParts_[d], ones(byDate[d]), '<', *policy.maxPerDate);
    }

    void hotspotRows()
    {
        for (std::size_t h = 0; h < sc_.hotspots.size(); ++h) {
            const Hotspot &hotspot = sc_.hotspots[h];
            std::vector<std::size_t> at;
            for (const Slot &slot : slots_)
                if (slot.hotspot == h)
                    at.push_back(slot.y);
            if (static_cast<long long>(at.size()) > hotspot.maxPerHorizon)
                addRow("max_per_horizon." + hotspotParts_[h], ones(at), '<', std::max(0, hotspot.maxPerHorizon));
            if (hotspot.minGapDays < 1 || hotspot.maxPerHorizon <= 1)
                continue; // no gap, or at most one deployment anyway
            // Every run of min_gap_days calendar days from a horizon date holds at
            // most one deployment; a run ending where the previous one ended is a
            // subset of it and adds nothing.
            std::size_t previousLast = kNone;
            for (std::size_t first = 0; first < sc_.dates.size(); ++first) {
                std::size_t last = first;
                while (last + 1 < sc_.dates.size() &&
                       daysBetween(sc_.dates[first], sc_.dates[last + 1]) < hotspot.minGapDays)
                    ++last;
                if (last == previousLast)
                    continue;
                previousLast = last;
                std::vector<std::size_t> run;
                for (const Slot &slot : slots_)
                    if (slot.hotspot == h && slot.date >= first && slot.date <= last)
                        run.push_back(slot.y);
                if (run.size() >= 2)
                    addRow("min_gap." + hotspotParts_[h] + "." + dateParts_[first], ones(run), '<', 1.0);
            }
        }
    }

    // --- Rule 3: vans -----------------------------------------------------------

    void vanRows()
    {
        for (std::size_t v = 0; v < sc_.vans.size(); ++v)
            for (std::size_t d = 0; d < sc_.dates.size(); ++d) {
                std::vector<std::vector<std::size_t>> byWindow(sc_.windows.size());
                std::vector<std::size_t> all;
                for (const Slot &slot : slots_)
                    if (slot.date == d)
                        for (const std::size_t x : slot.vans)
                            if (model_.variables[x].van == v) {
                                byWindow[slot.window].push_back(x);
                                all.push_back(x);
                            }
                const std::string where = vanParts_[v] + "." + dateParts_[d];
                if (static_cast<long long>(all.size()) > sc_.vans[v].maxPerDate)
                    addRow("van_max_per_date." + where, ones(all), '<', std::max(0, sc_.vans[v].maxPerDate));
                overlapRows(where, byWindow);
            }
    }

    // For each window start, the windows containing that minute overlap
    // pairwise; these sets are the maximal cliques of the interval graph, so
    // "at most one from each" is exactly "no two overlapping".
    void overlapRows(const std::string &where, const std::vector<std::vector<std::size_t>> &byWindow)
    {
        std::set<std::vector<std::size_t>> seen;
        for (std::size_t w = 0; w < sc_.windows.size(); ++w) {
            if (byWindow[w].empty())
                continue;
            const Clock start = sc_.windows[w].start;
            std::vector<std::size_t> clique;
            for (std::size_t other = 0; other < sc_.windows.size(); ++other)
                if (sc_.windows[other].start <= start && start < sc_.windows[other].end)
                    clique.push_back(other);
            if (!seen.insert(clique).second)
                continue;
            std::vector<std::size_t> xs;
            for (const std::size_t other : clique)
                xs.insert(xs.end(), byWindow[other].begin(), byWindow[other].end());
            if (xs.size() >= 2)
                addRow("van_overlap." + where + "." + windowParts_[w], ones(xs), '<', 1.0);
        }
    }

    // --- Rules 4 and 5: officers and teams --------------------------------------

    void officerRows()
    {
        const std::size_t dates = sc_.dates.size();
        for (std::size_t o = 0; o < sc_.officers.size(); ++o) {
            std::vector<std::size_t> all;
            long long datesWithDuty = 0;
            for (std::size_t d = 0; d < dates; ++d) {
                const std::vector<std::size_t> &zs = officerDate_[o * dates + d];
                if (zs.size() >= 2)
                    addRow("officer_date." + officerParts_[o] + "." + dateParts_[d], ones(zs), '<', 1.0);
                datesWithDuty += zs.empty() ? 0 : 1;
                all.insert(all.end(), zs.begin(), zs.end());
            }
            const int limit = ix_.maxDuties(o);
            if (datesWithDuty > limit)
                addRow("max_duties." + officerParts_[o], ones(all), '<', std::max(0, limit));
        }
    }

    void teamRows()
    {
        const std::size_t dates = sc_.dates.size();
        for (std::size_t t = 0; t < sc_.teams.size(); ++t)
            for (std::size_t d = 0; d < dates; ++d) {
                std::vector<std::size_t> zs;
                long long officers = 0;
                for (const std::size_t o : ix_.teamOfficers(t)) {
                    const std::vector<std::size_t> &mine = officerDate_[o * dates + d];
                    zs.insert(zs.end(), mine.begin(), mine.end());
                    officers += mine.empty() ? 0 : 1;
                }
                const int releasable = ix_.teamReleasable(t, d);
                if (officers > releasable)
                    addRow("release." + teamParts_[t] + "." + dateParts_[d], ones(zs), '<', std::max(0, releasable));
            }
    }

    // --- Rule 6: pins -------------------------------------------------------------

    void pinRows()
    {
        std::set<std::size_t> pinnedSlots;
        for (std::size_t p = 0; p < sc_.pinned.size(); ++p) {
            const Pin &pin = sc_.pinned[p];
            const std::string name = "pin" + std::to_string(p + 1);
            const std::optional<std::size_t> h = ix_.hotspot(pin.hotspot);
            const std::optional<std::size_t> d = ix_.date(pin.date);
            const std::optional<std::size_t> w = ix_.window(pin.window);
            const std::size_t s = h && d && w ? slotAt(*h, *d, *w) : kNone;
            if (s == kNone || !pinnedSlots.insert(s).second) {
                addRow(name + "_unmet", {{never(), 1.0}}, '>', 1.0);
                continue;
            }
            const Slot &slot = slots_[s];
            std::vector<std::pair<std::string, std::size_t>> forced{{name + "_slot", slot.y}};
            if (pin.van) {
                const std::optional<std::size_t> v = ix_.van(*pin.van);
                const auto x = std::find_if(slot.vans.begin(), slot.vans.end(),
                                            [&](std::size_t id) { return model_.variables[id].van == v; });
                forced.emplace_back(name + "_van", x == slot.vans.end() ? kNone : *x);
            }
            for (std::size_t m = 0; m < pin.crew.size(); ++m) {
                const std::optional<std::size_t> o = ix_.officer(pin.crew[m].officer);
                const std::optional<std::size_t> r = ix_.role(pin.crew[m].role);
                const auto z = std::find_if(slot.crew.begin(), slot.crew.end(), [&](std::size_t id) {
                    return model_.variables[id].officer == o && model_.variables[id].role == r;
                });
                forced.emplace_back(name + "_crew" + std::to_string(m + 1), z == slot.crew.end() ? kNone : *z);
            }
            if (std::any_of(forced.begin(), forced.end(), [](const auto &f) { return f.second == kNone; })) {
                addRow(name + "_unmet", {{never(), 1.0}}, '>', 1.0);
                continue;
            }
            for (const auto &[rowName, variable] : forced)
                addRow(rowName, {{variable, 1.0}}, '>', 1.0);
        }
    }

    const Scenario &sc_;
    ScenarioIndex ix_;
    LpModel model_;
    std::vector<std::string> hotspotParts_, windowParts_, vanParts_, officerParts_, roleParts_, teamParts_, dateParts_;
    std::vector<Slot> slots_;
    std::vector<std::size_t> slotIndex_;                // hotspot x date x window -> slot, kNone when not deployable
    std::vector<std::vector<std::size_t>> officerDate_; // officer x date -> z variables
    std::size_t never_ = kNone;
};

// --- LP text ----------------------------------------------------------------------

std::string number(double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (result.ec != std::errc())
        throw std::runtime_error("cannot format a number for the LP file");
    return std::string(buffer, result.ptr);
}

// Appends " + 2.5 name" terms, breaking lines before 100 columns.
void appendTerms(std::string &out, const LpModel &model, const std::vector<LpTerm> &terms, std::size_t lineStart)
{
    bool first = true;
    for (const LpTerm &term : terms) {
        if (term.coefficient == 0.0)
            continue;
        std::string text = term.coefficient < 0 ? "- " : (first ? "" : "+ ");
        const double magnitude = std::abs(term.coefficient);
        if (magnitude != 1.0)
            text += number(magnitude) + " ";
        text += model.variables[term.variable].name;
        if (out.size() - lineStart + text.size() > 100) {
            out += "\n   ";
            lineStart = out.size() - 3;
        } else if (!first) {
            out += ' ';
        }
        out += text;
        first = false;
    }
    if (first) // no term with a coefficient: an explicit zero keeps the line well-formed
        out += "0 " + model.variables[terms.empty() ? 0 : terms.front().variable].name;
}

std::string commentText(std::string_view text)
{
    std::string clean;
    for (const char c : text)
        clean += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    return clean;
}

} // namespace

std::size_t LpModel::count(LpVariable::Kind kind) const
{
    return static_cast<std::size_t>(
        std::count_if(variables.begin(), variables.end(), [kind](const LpVariable &v) { return v.kind == kind; }));
}

LpModel buildLpModel(const Scenario &scenario) { return Builder(scenario).build(); }

std::string writeLp(const Scenario &scenario) { return writeLp(buildLpModel(scenario)); }

std::string writeLp(const LpModel &model)
{
    std::size_t binaries = 0;
    for (const LpVariable &v : model.variables)
        binaries += v.binary ? 1 : 0;
    std::string out = "\\ lfrplan: the weekly LFR deployment plan as a MILP (docs/planning-problem.md)\n";
    out += "\\ scenario: " + commentText(model.scenario) + "\n";
    out += "\\ " + std::to_string(model.variables.size()) + " variables (" + std::to_string(binaries) + " binary), " +
           std::to_string(model.rows.size()) + " rows\n";
    out += "Maximize\n OBJECTIVE: ";
    std::vector<LpTerm> objective;
    for (std::size_t i = 0; i < model.variables.size(); ++i)
        if (model.variables[i].objective != 0.0)
            objective.push_back({i, model.variables[i].objective});
    if (objective.empty())
        objective.push_back({0, 0.0});
    appendTerms(out, model, objective, out.rfind('\n') + 1);
    out += "\nSubject To\n";
    for (const LpRow &row : model.rows) {
        const std::size_t lineStart = out.size();
        out += " " + row.name + ": ";
        appendTerms(out, model, row.terms, lineStart);
        out += std::string(row.sense == '<' ? " <= " : row.sense == '>' ? " >= " : " = ") + number(row.rhs) + "\n";
    }
    out += "Bounds\n";
    for (const LpVariable &v : model.variables)
        if (!v.binary)
            out += " 0 <= " + v.name + " <= " + number(v.upper) + "\n";
    out += "Binaries\n";
    std::size_t lineStart = out.size();
    for (const LpVariable &v : model.variables) {
        if (!v.binary)
            continue;
        if (out.size() - lineStart + v.name.size() > 100) {
            out += "\n";
            lineStart = out.size();
        }
        out += " " + v.name;
    }
    out += "\nEnd\n";
    return out;
}

} // namespace lfr
