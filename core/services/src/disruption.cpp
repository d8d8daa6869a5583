// Disruptions and the re-plan on a store (disruption.h).
#include "lfrplan/disruption.h"

#include "lfrplan/errors.h"
#include "lfrplan/objective.h"
#include "lfrplan/publishing.h"
#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <set>
#include <tuple>

namespace lfr {

namespace {

std::string inQuotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// "ID" or "ID@YYYY-MM-DD".
std::pair<std::string, std::optional<Date>> splitAt(std::string_view text, std::string_view option, bool dateRequired)
{
    const auto at = text.rfind('@');
    const std::string id(text.substr(0, at));
    if (id.empty())
        throw InputError(std::string(option), inQuotes(text) + ": no id before the date");
    if (at == std::string_view::npos) {
        if (dateRequired)
            throw InputError(std::string(option), inQuotes(text) + ": give the date as ID@YYYY-MM-DD");
        return {id, std::nullopt};
    }
    const auto date = parseDate(text.substr(at + 1));
    if (!date)
        throw InputError(std::string(option),
                         inQuotes(text) + ": " + inQuotes(text.substr(at + 1)) + " is not a date (YYYY-MM-DD)");
    return {id, *date};
}

class Applier {
public:
    Applier(const Scenario &scenario, const std::vector<Deployment> &published) : out_(scenario), published_(published)
    {
    }

    void officerOut(const Disruption::OfficerOut &o);
    void vanOut(const Disruption::VanOut &v);
    void teamLoses(const Disruption::TeamLoses &t);
    void hotspotDate(const Disruption::HotspotDate &h);

    Scenario out_;
    std::vector<std::string> what_;
    std::vector<Disruption::HotspotDate> required_;

private:
    void checkDate(const std::optional<Date> &date, const std::string &option, const std::string &text) const;
    std::vector<Date> datesOf(const std::optional<Date> &date) const
    {
        return date ? std::vector<Date>{*date} : out_.dates;
    }
    std::string label(const std::optional<Date> &date) const { return date ? "on " + formatDate(*date) : "all week"; }
    bool inPublishedCrew(const std::string &officer, Date date) const;
    void takeOff(Officer &officer, Date date);

    const std::vector<Deployment> &published_;
};

void Applier::checkDate(const std::optional<Date> &date, const std::string &option, const std::string &text) const
{
    if (date && std::find(out_.dates.begin(), out_.dates.end(), *date) == out_.dates.end())
        throw InputError(option, inQuotes(text) + ": " + formatDate(*date) + " is not a date of the scenario (" +
                                     formatDate(out_.dates.front()) + " to " + formatDate(out_.dates.back()) + ")");
}

bool Applier::inPublishedCrew(const std::string &officer, Date date) const
{
    for (const Deployment &d : published_)
        if (d.date == date)
            for (const CrewAssignment &a : d.crew)
                if (a.officer == officer)
                    return true;
    return false;
}

// Off the roster that date; no pin names them that date any more.
void Applier::takeOff(Officer &officer, Date date)
{
    officer.roster.erase(date);
    for (Pin &pin : out_.pinned) {
        if (pin.date != date)
            continue;
        const auto before = pin.crew.size();
        std::erase_if(pin.crew, [&](const CrewAssignment &a) { return a.officer == officer.id; });
        if (pin.crew.size() != before)
            what_.push_back("the pin at " + pin.hotspot + ", " + formatDate(date) + ", " + pin.window +
                            " no longer names " + officer.id);
    }
}

void Applier::officerOut(const Disruption::OfficerOut &o)
{
    const std::string option = "--officer-out";
    const std::string text = o.officer + (o.date ? "@" + formatDate(*o.date) : "");
    checkDate(o.date, option, text);
    const auto it =
        std::find_if(out_.officers.begin(), out_.officers.end(), [&](const Officer &x) { return x.id == o.officer; });
    if (it == out_.officers.end())
        throw InputError(option, inQuotes(text) + ": the scenario has no officer " + inQuotes(o.officer));
    std::vector<Date> off;
    for (const Date d : datesOf(o.date))
        if (it->roster.count(d))
            off.push_back(d);
    if (off.empty())
        throw InputError(option, inQuotes(text) + ": " + o.officer + " is not on duty " + label(o.date) +
                                     ": nothing to change");
    for (const Date d : off)
        takeOff(*it, d);
    what_.push_back("officer " + o.officer + (it->name.empty() ? "" : " (" + it->name + ")") + " unavailable " +
                    label(o.date));
}

void Applier::vanOut(const Disruption::VanOut &v)
{
    const std::string option = "--van-out";
    const std::string text = v.van + (v.date ? "@" + formatDate(*v.date) : "");
    checkDate(v.date, option, text);
    const auto it = std::find_if(out_.vans.begin(), out_.vans.end(), [&](const Van &x) { return x.id == v.van; });
    if (it == out_.vans.end())
        throw InputError(option, inQuotes(text) + ": the scenario has no van " + inQuotes(v.van));
    bool changed = false;
    for (const Date d : datesOf(v.date)) {
        if (std::find(it->unavailable.begin(), it->unavailable.end(), d) != it->unavailable.end())
            continue;
        it->unavailable.push_back(d);
        changed = true;
        for (Pin &pin : out_.pinned)
            if (pin.date == d && pin.van == v.van) {
                pin.van.reset();
                what_.push_back("the pin at " + pin.hotspot + ", " + formatDate(d) + ", " + pin.window +
                                " no longer names van " + v.van);
            }
    }
    if (!changed)
        throw InputError(option, inQuotes(text) + ": van " + v.van + " is already out of service " + label(v.date));
    std::sort(it->unavailable.begin(), it->unavailable.end());
    what_.push_back("van " + v.van + " out of service " + label(v.date));
}

void Applier::teamLoses(const Disruption::TeamLoses &t)
{
    const std::string option = "--team-loses";
    const std::string text = t.team + ":" + std::to_string(t.count) + (t.date ? "@" + formatDate(*t.date) : "");
    checkDate(t.date, option, text);
    if (std::none_of(out_.teams.begin(), out_.teams.end(), [&](const Team &x) { return x.id == t.team; }))
        throw InputError(option, inQuotes(text) + ": the scenario has no team " + inQuotes(t.team));
    const ScenarioIndex ix(out_);
    std::vector<std::string> taken;
    for (const Date d : datesOf(t.date)) {
        // (in a published crew that date, roles qualified for, id, officer index)
        std::vector<std::tuple<bool, std::size_t, std::string, std::size_t>> onDuty;
        for (std::size_t o = 0; o < out_.officers.size(); ++o) {
            const Officer &officer = out_.officers[o];
            if (officer.team != t.team || !officer.roster.count(d))
                continue;
            std::size_t roles = 0;
            for (std::size_t r = 0; r < out_.roles.size(); ++r)
                roles += ix.qualifies(o, r) ? 1U : 0U;
            onDuty.emplace_back(inPublishedCrew(officer.id, d), roles, officer.id, o);
        }
        if (onDuty.size() < static_cast<std::size_t>(t.count))
            throw InputError(option, inQuotes(text) + ": team " + t.team + " has " + std::to_string(onDuty.size()) +
                                         " officers on duty on " + formatDate(d) + ", fewer than " +
                                         std::to_string(t.count));
        std::sort(onDuty.begin(), onDuty.end());
        for (int k = 0; k < t.count; ++k) {
            Officer &officer = out_.officers[std::get<3>(onDuty[static_cast<std::size_t>(k)])];
            takeOff(officer, d);
            taken.push_back(officer.id + "@" + formatDate(d));
        }
    }
    // Named in full up to a dozen (the audit trail's scenario entry keeps
    // every roster change).
    std::string list;
    for (std::size_t k = 0; k < taken.size() && k < 12; ++k)
        list += (list.empty() ? "" : ", ") + taken[k];
    if (taken.size() > 12)
        list += " and " + std::to_string(taken.size() - 12) + " more";
    what_.push_back("team " + t.team + " loses " + std::to_string(t.count) + " officer" + (t.count == 1 ? "" : "s") +
                    " " + label(t.date) + " (off the roster: " + list + ")");
}

void Applier::hotspotDate(const Disruption::HotspotDate &h)
{
    const std::string option = "--add-hotspot-date";
    const std::string text = h.hotspot + "@" + formatDate(h.date);
    checkDate(h.date, option, text);
    const auto it =
        std::find_if(out_.hotspots.begin(), out_.hotspots.end(), [&](const Hotspot &x) { return x.id == h.hotspot; });
    if (it == out_.hotspots.end())
        throw InputError(option, inQuotes(text) + ": the scenario has no hotspot " + inQuotes(h.hotspot));
    for (const Deployment &d : published_)
        if (d.hotspot == h.hotspot && d.date == h.date)
            throw InputError(option, inQuotes(text) + ": the published version already deploys there that date");
    for (const Pin &p : out_.pinned)
        if (p.hotspot == h.hotspot && p.date == h.date)
            throw InputError(option, inQuotes(text) + ": a pin already asks for a deployment there that date");
    for (const auto &r : required_)
        if (r.hotspot == h.hotspot && r.date == h.date)
            throw InputError(option, inQuotes(text) + ": given twice");
    if (it->windows.empty())
        throw InputError(option, inQuotes(text) + ": the hotspot allows no window");
    if (it->dates && std::find(it->dates->begin(), it->dates->end(), h.date) == it->dates->end()) {
        it->dates->push_back(h.date);
        std::sort(it->dates->begin(), it->dates->end());
    }
    required_.push_back(h);
    what_.push_back("hotspot " + h.hotspot + " must be deployed on " + formatDate(h.date));
}

bool betterOutcome(const ReplanResult &a, const ReplanResult &b)
{
    const bool fa = a.plan.status != PlanStatus::Infeasible, fb = b.plan.status != PlanStatus::Infeasible;
    if (fa != fb)
        return fa;
    if (!fa)
        return false;
    const Stability &x = *a.plan.stability, &y = *b.plan.stability;
    if (x.kept != y.kept)
        return x.kept > y.kept;
    if (x.crewPlacesChanged != y.crewPlacesChanged)
        return x.crewPlacesChanged < y.crewPlacesChanged;
    const double oa = a.plan.figures->objective, ob = b.plan.figures->objective;
    return !objectivesTie(oa, ob) && oa > ob;
}

} // namespace

Disruption::OfficerOut parseOfficerOut(std::string_view text, std::string_view option)
{
    auto [id, date] = splitAt(text, option, false);
    return {std::move(id), date};
}

Disruption::VanOut parseVanOut(std::string_view text, std::string_view option)
{
    auto [id, date] = splitAt(text, option, false);
    return {std::move(id), date};
}

Disruption::TeamLoses parseTeamLoses(std::string_view text, std::string_view option)
{
    auto [teamCount, date] = splitAt(text, option, false);
    const auto colon = teamCount.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw InputError(std::string(option), inQuotes(text) + ": give it as TEAM:N or TEAM:N@YYYY-MM-DD");
    const std::string number = teamCount.substr(colon + 1);
    int n = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), n);
    if (ec != std::errc() || end != number.data() + number.size() || n < 1)
        throw InputError(std::string(option), inQuotes(text) + ": " + inQuotes(number) + " is not a whole number >= 1");
    return {teamCount.substr(0, colon), n, date};
}

Disruption::HotspotDate parseHotspotDate(std::string_view text, std::string_view option)
{
    auto [id, date] = splitAt(text, option, true);
    return {std::move(id), *date};
}

ReplanOutcome replanScenario(const Scenario &scenario, const std::vector<Deployment> &published, int fromVersion,
                             const Disruption &disruption, const ReplanOptions &options)
{
    if (disruption.empty())
        throw InputError("replan", "no disruption given (--officer-out, --van-out, --team-loses or "
                                   "--add-hotspot-date)");
    Applier apply(scenario, published);
    for (const auto &o : disruption.officersOut)
        apply.officerOut(o);
    for (const auto &v : disruption.vansOut)
        apply.vanOut(v);
    for (const auto &t : disruption.teamsLose)
        apply.teamLoses(t);
    for (const auto &h : disruption.hotspotDates)
        apply.hotspotDate(h);

    // Each added date in each of its hotspot's windows: the best re-plan
    // over every choice (the windows are the pins' only freedom).
    std::vector<std::vector<std::string>> windows;
    std::size_t combinations = 1;
    for (const auto &r : apply.required_) {
        const auto it = std::find_if(apply.out_.hotspots.begin(), apply.out_.hotspots.end(),
                                     [&](const Hotspot &x) { return x.id == r.hotspot; });
        std::vector<std::string> ids;
        for (const Window &w : apply.out_.windows) // the scenario's window order
            if (it->windows.count(w.id))
                ids.push_back(w.id);
        combinations *= ids.size();
        windows.push_back(std::move(ids));
    }
    if (combinations > 256)
        throw InputError("--add-hotspot-date", "too many hotspot dates at once (" + std::to_string(combinations) +
                                                   " choices of windows; at most 256)");
    const auto start = std::chrono::steady_clock::now();
    ReplanOutcome out;
    out.what = apply.what_;
    out.fromVersion = fromVersion;
    out.published = published;
    bool proven = true;
    std::string unproven;
    for (std::size_t c = 0; c < combinations; ++c) {
        Scenario trial = apply.out_;
        std::size_t rest = c;
        for (std::size_t k = 0; k < apply.required_.size(); ++k) {
            const auto &ids = windows[k];
            trial.pinned.push_back(
                {apply.required_[k].hotspot, apply.required_[k].date, ids[rest % ids.size()], std::nullopt, {}});
            rest /= ids.size();
        }
        ReplanOptions left = options;
        const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        left.timeLimitSeconds = std::max(0.05, options.timeLimitSeconds - spent);
        ReplanResult result = replan(trial, published, left);
        if (result.plan.status != PlanStatus::Infeasible && !result.plan.stability->proven) {
            proven = false;
            unproven = result.unproven;
        }
        if (c == 0 || betterOutcome(result, out.result)) {
            out.result = std::move(result);
            out.disrupted = std::move(trial);
        }
    }
    if (out.result.plan.status != PlanStatus::Infeasible) {
        out.result.plan.stability->fromVersion = fromVersion;
        out.result.plan.stability->proven = proven && out.result.plan.stability->proven;
        if (!out.result.plan.stability->proven && out.result.unproven.empty())
            out.result.unproven = unproven;
        for (std::size_t k = 0; k < apply.required_.size(); ++k) {
            const Pin &pin = out.disrupted.pinned[out.disrupted.pinned.size() - apply.required_.size() + k];
            out.what.push_back("pinned: " + pin.hotspot + ", " + formatDate(pin.date) + ", " + pin.window);
        }
    }
    return out;
}

ReplanOutcome replanStored(Storage &storage, std::string_view scenario, const Disruption &disruption,
                           const ReplanOptions &options, bool save)
{
    const Scenario current = storage.loadScenario(scenario);
    const std::optional<PublishedVersion> last = storage.lastPublished(scenario);
    if (!last)
        throw InputError(std::string(scenario), "it has no published version: a re-plan starts from the plan the "
                                                "officers were told (lfrplan publish)");
    ReplanOutcome out = replanScenario(current, last->plan.deployments, last->version, disruption, options);
    if (save && out.result.plan.status != PlanStatus::Infeasible) {
        storage.saveDisruption(out.disrupted, out.what, last->version, out.result.plan);
        out.saved = true;
    }
    return out;
}

} // namespace lfr
