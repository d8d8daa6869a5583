#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <array>

namespace lfr {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

// The end of a shift in minutes after the start of its own date: the next
// day when end <= start (end == start: 24 hours).
int shiftEndMinutes(const Shift &shift)
{
    return shift.end > shift.start ? shift.end.minutes : shift.end.minutes + kMinutesPerDay;
}

std::uint8_t flag(bool value) { return value ? std::uint8_t{1} : std::uint8_t{0}; }

std::string quoted(std::string_view id) { return "\"" + std::string(id) + "\""; }

constexpr std::array<std::string_view, 7> kDayNames = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

} // namespace

std::string formatDay(Date date)
{
    return std::string(kDayNames[static_cast<std::size_t>(weekdayIndex(date))]) + " " + formatDate(date);
}

template <typename Item> ScenarioIndex::IdMap ScenarioIndex::mapIds(const std::vector<Item> &items)
{
    IdMap map;
    map.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        map.emplace(items[i].id, i);
    return map;
}

std::optional<std::size_t> ScenarioIndex::find(const IdMap &map, std::string_view id)
{
    const auto it = map.find(id);
    if (it == map.end())
        return std::nullopt;
    return it->second;
}

ScenarioIndex::ScenarioIndex(const Scenario &scenario)
    : scenario_(&scenario), dateCount_(scenario.dates.size()), windowCount_(scenario.windows.size()),
      roleCount_(scenario.roles.size()), windows_(mapIds(scenario.windows)), shifts_(mapIds(scenario.shifts)),
      roles_(mapIds(scenario.roles)), teams_(mapIds(scenario.teams)), officers_(mapIds(scenario.officers)),
      hotspots_(mapIds(scenario.hotspots)), vans_(mapIds(scenario.vans))
{
    dates_.reserve(dateCount_);
    for (std::size_t i = 0; i < dateCount_; ++i)
        dates_.emplace(scenario.dates[i].days, i);

    shiftCovers_.assign(scenario.shifts.size() * windowCount_, 0);
    for (std::size_t s = 0; s < scenario.shifts.size(); ++s) {
        const Shift &shift = scenario.shifts[s];
        const int end = shiftEndMinutes(shift);
        for (std::size_t w = 0; w < windowCount_; ++w) {
            const Window &window = scenario.windows[w];
            shiftCovers_[s * windowCount_ + w] = flag(shift.start <= window.start && window.end.minutes <= end);
        }
    }

    indexOfficers();
    indexHotspotsAndVans();
}

void ScenarioIndex::indexOfficers()
{
    const Scenario &sc = *scenario_;
    const std::size_t officerCount = sc.officers.size();
    officerTeam_.assign(officerCount, -1);
    teamOfficers_.assign(sc.teams.size(), {});
    rosterShift_.assign(officerCount * dateCount_, kOffDuty);
    qualifies_.assign(officerCount * roleCount_, 0);
    teamOnDuty_.assign(sc.teams.size() * dateCount_, 0);

    for (std::size_t o = 0; o < officerCount; ++o) {
        const Officer &officer = sc.officers[o];
        const std::optional<std::size_t> t = team(officer.team);
        if (t) {
            officerTeam_[o] = static_cast<std::int32_t>(*t);
            teamOfficers_[*t].push_back(o);
        }
        for (const auto &[day, shiftId] : officer.roster) {
            const std::optional<std::size_t> d = date(day);
            if (!d)
                continue;
            const std::optional<std::size_t> s = shift(shiftId);
            rosterShift_[o * dateCount_ + *d] = s ? static_cast<std::int32_t>(*s) : kUnknownShift;
            if (t)
                ++teamOnDuty_[*t * dateCount_ + *d];
        }
        for (std::size_t r = 0; r < roleCount_; ++r)
            qualifies_[o * roleCount_ + r] = flag(rankSuffices(o, r) && holdsSkill(o, r));
    }
}

void ScenarioIndex::indexHotspotsAndVans()
{
    const Scenario &sc = *scenario_;
    const std::size_t hotspotCount = sc.hotspots.size();
    crewSize_.assign(hotspotCount, 0);
    multiplier_.assign(hotspotCount * windowCount_, std::nullopt);
    hotspotDates_.assign(hotspotCount * dateCount_, 1);
    for (std::size_t h = 0; h < hotspotCount; ++h) {
        const Hotspot &hotspot = sc.hotspots[h];
        for (const auto &[roleId, count] : effectiveCrew(h))
            crewSize_[h] += std::max(0, count);
        for (const auto &[windowId, factor] : hotspot.windows)
            if (const std::optional<std::size_t> w = window(windowId))
                multiplier_[h * windowCount_ + *w] = factor;
        if (hotspot.dates) {
            std::fill_n(hotspotDates_.begin() + static_cast<std::ptrdiff_t>(h * dateCount_), dateCount_, 0);
            for (const Date day : *hotspot.dates)
                if (const std::optional<std::size_t> d = date(day))
                    hotspotDates_[h * dateCount_ + *d] = 1;
        }
    }

    vanDates_.assign(sc.vans.size() * dateCount_, 1);
    for (std::size_t v = 0; v < sc.vans.size(); ++v)
        for (const Date day : sc.vans[v].unavailable)
            if (const std::optional<std::size_t> d = date(day))
                vanDates_[v * dateCount_ + *d] = 0;
}

std::optional<std::size_t> ScenarioIndex::date(Date day) const
{
    const auto it = dates_.find(day.days);
    if (it == dates_.end())
        return std::nullopt;
    return it->second;
}

std::optional<std::size_t> ScenarioIndex::teamOf(std::size_t officer) const
{
    const std::int32_t t = officerTeam_[officer];
    if (t < 0)
        return std::nullopt;
    return static_cast<std::size_t>(t);
}

bool ScenarioIndex::rostered(std::size_t officer, std::size_t date) const
{
    return rosterShift_[officer * dateCount_ + date] != kOffDuty;
}

std::optional<std::size_t> ScenarioIndex::rosterShift(std::size_t officer, std::size_t date) const
{
    const std::int32_t s = rosterShift_[officer * dateCount_ + date];
    if (s < 0)
        return std::nullopt;
    return static_cast<std::size_t>(s);
}

bool ScenarioIndex::onDutyCovering(std::size_t officer, std::size_t date, std::size_t window) const
{
    const std::int32_t s = rosterShift_[officer * dateCount_ + date];
    return s >= 0 && shiftCovers_[static_cast<std::size_t>(s) * windowCount_ + window] != 0;
}

int ScenarioIndex::maxDuties(std::size_t officer) const
{
    return scenario_->officers[officer].maxDuties.value_or(scenario_->policy.maxDutiesPerOfficer);
}

bool ScenarioIndex::rankSuffices(std::size_t officer, std::size_t role) const
{
    const Role &r = scenario_->roles[role];
    return !r.minRank || scenario_->officers[officer].rank >= *r.minRank;
}

bool ScenarioIndex::holdsSkill(std::size_t officer, std::size_t role) const
{
    const Role &r = scenario_->roles[role];
    if (!r.skill)
        return true;
    const std::vector<std::string> &skills = scenario_->officers[officer].skills;
    return std::find(skills.begin(), skills.end(), *r.skill) != skills.end();
}

const CrewMap &ScenarioIndex::effectiveCrew(std::size_t hotspot) const
{
    const Hotspot &h = scenario_->hotspots[hotspot];
    return h.crew ? *h.crew : scenario_->crew;
}

std::optional<double> ScenarioIndex::windowMultiplier(std::size_t hotspot, std::size_t window) const
{
    return multiplier_[hotspot * windowCount_ + window];
}

bool ScenarioIndex::windowsOverlap(std::size_t a, std::size_t b) const
{
    const Window &x = scenario_->windows[a];
    const Window &y = scenario_->windows[b];
    return x.start < y.end && y.start < x.end;
}

int ScenarioIndex::teamReleasable(std::size_t team, std::size_t date) const
{
    const Team &t = scenario_->teams[team];
    const int releasable = std::max(0, teamOnDuty(team, date) - t.minOnDuty);
    return t.maxAbstracted ? std::min(*t.maxAbstracted, releasable) : releasable;
}

std::string ScenarioIndex::hotspotName(std::string_view id) const
{
    const std::optional<std::size_t> h = hotspot(id);
    if (!h)
        return quoted(id);
    const Hotspot &spot = scenario_->hotspots[*h];
    return spot.name.empty() ? spot.id : spot.name;
}

std::string ScenarioIndex::teamName(std::string_view id) const
{
    const std::optional<std::size_t> t = team(id);
    if (!t)
        return quoted(id);
    const Team &unit = scenario_->teams[*t];
    return unit.name.empty() ? unit.id : unit.name;
}

std::string ScenarioIndex::officerName(std::string_view id) const
{
    const std::optional<std::size_t> o = officer(id);
    if (!o)
        return quoted(id);
    const Officer &person = scenario_->officers[*o];
    return person.id + " (" + std::string(rankName(person.rank)) + " " + person.name + ")";
}

std::string ScenarioIndex::vanLabel(std::string_view id) const
{
    const std::optional<std::size_t> v = van(id);
    return v && scenario_->vans[*v].name ? *scenario_->vans[*v].name : "van " + std::string(id);
}

std::string ScenarioIndex::describe(const Deployment &deployment) const
{
    return hotspotName(deployment.hotspot) + ", " + formatDay(deployment.date) + " " + deployment.window + ", " +
           vanLabel(deployment.van);
}

std::string ScenarioIndex::describe(const Pin &pin) const
{
    return hotspotName(pin.hotspot) + " on " + formatDay(pin.date) + " " + pin.window +
           (pin.van ? ", " + vanLabel(*pin.van) : std::string());
}

} // namespace lfr
