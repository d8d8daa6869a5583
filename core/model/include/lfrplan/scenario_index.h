// Fast lookups over a Scenario for the validator, the objective, the solver
// and the UI: id -> index maps, date -> horizon index, and the precomputed
// facts section 3 of docs/planning-problem.md keeps asking for (who is on a
// shift covering a window, who qualifies for a role, how many officers of a
// team are on duty on a date).
//
// Every index is a position in the corresponding Scenario vector
// (scenario.windows, scenario.officers, ...); a date index is a position in
// scenario.dates. Lookups by id return std::nullopt for ids the scenario does
// not have. Functions taking indices require valid ones (as returned by the
// lookups); they do not check.
//
// The index keeps a reference to the scenario: the scenario must outlive the
// index and must not change while the index is in use. Ids duplicated in a
// (malformed) scenario resolve to their first occurrence.
#pragma once

#include "lfrplan/model.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lfr {

// "Tue 2026-12-01": a date with the weekday a planner reads it by.
std::string formatDay(Date date);

class ScenarioIndex {
public:
    explicit ScenarioIndex(const Scenario &scenario);
    explicit ScenarioIndex(Scenario &&) = delete; // the index would outlive a temporary scenario

    const Scenario &scenario() const noexcept { return *scenario_; }

    // Id -> index. std::nullopt when the scenario has no such id.
    std::optional<std::size_t> window(std::string_view id) const { return find(windows_, id); }
    std::optional<std::size_t> shift(std::string_view id) const { return find(shifts_, id); }
    std::optional<std::size_t> role(std::string_view id) const { return find(roles_, id); }
    std::optional<std::size_t> team(std::string_view id) const { return find(teams_, id); }
    std::optional<std::size_t> officer(std::string_view id) const { return find(officers_, id); }
    std::optional<std::size_t> hotspot(std::string_view id) const { return find(hotspots_, id); }
    std::optional<std::size_t> van(std::string_view id) const { return find(vans_, id); }
    // Position of a date in the planning horizon; std::nullopt outside it.
    std::optional<std::size_t> date(Date day) const;

    std::size_t dateCount() const noexcept { return dateCount_; }

    // --- Officers -----------------------------------------------------------

    // The officer's team, std::nullopt when the team id is unknown.
    std::optional<std::size_t> teamOf(std::size_t officer) const;
    // Officers of a team, in scenario order.
    const std::vector<std::size_t> &teamOfficers(std::size_t team) const { return teamOfficers_[team]; }
    // The officer has a roster entry on that date (section 3 rule 5: on duty).
    bool rostered(std::size_t officer, std::size_t date) const;
    // The shift of the officer's roster entry on that date; std::nullopt when
    // off duty or when the entry names a shift the scenario does not have.
    std::optional<std::size_t> rosterShift(std::size_t officer, std::size_t date) const;
    // The shift covers the window on the shift's own date: shift.start <=
    // window.start and window.end <= shift end, the end counted on the next
    // day when end <= start (end == start: 24 hours).
    bool shiftCovers(std::size_t shift, std::size_t window) const
    {
        return shiftCovers_[shift * windowCount_ + window] != 0;
    }
    // Section 3 rule 4: the roster entry of the deployment's own date (and
    // only that one) names a shift covering the window.
    bool onDutyCovering(std::size_t officer, std::size_t date, std::size_t window) const;
    // max_duties of the officer, else the policy's max_duties_per_officer.
    int maxDuties(std::size_t officer) const;
    // rank >= the role's min_rank (when given).
    bool rankSuffices(std::size_t officer, std::size_t role) const;
    // The officer holds the role's skill (when given).
    bool holdsSkill(std::size_t officer, std::size_t role) const;
    // Both of the above: the officer may fill the role.
    bool qualifies(std::size_t officer, std::size_t role) const { return qualifies_[officer * roleCount_ + role] != 0; }

    // --- Hotspots, windows and vans -----------------------------------------

    // The hotspot's crew map when it has one, else the policy crew.
    const CrewMap &effectiveCrew(std::size_t hotspot) const;
    // Officers one deployment at the hotspot needs (sum of effectiveCrew).
    int crewSize(std::size_t hotspot) const { return crewSize_[hotspot]; }
    // The hotspot's multiplier for the window; std::nullopt when the window
    // is not allowed there.
    std::optional<double> windowMultiplier(std::size_t hotspot, std::size_t window) const;
    // The hotspot allows the date (its `dates` list, when given, names it).
    bool hotspotAllowsDate(std::size_t hotspot, std::size_t date) const
    {
        return hotspotDates_[hotspot * dateCount_ + date] != 0;
    }
    // The van is not `unavailable` on the date.
    bool vanAvailable(std::size_t van, std::size_t date) const { return vanDates_[van * dateCount_ + date] != 0; }
    // The half-open windows [start, end) share at least one minute.
    bool windowsOverlap(std::size_t a, std::size_t b) const;

    // --- Teams ----------------------------------------------------------------

    // Officers of the team with a roster entry on the date.
    int teamOnDuty(std::size_t team, std::size_t date) const { return teamOnDuty_[team * dateCount_ + date]; }
    // Section 3 rule 5: how many of the team's officers crews may take on the
    // date: min(max_abstracted when set, max(0, on_duty - min_on_duty)).
    int teamReleasable(std::size_t team, std::size_t date) const;

    // --- A planner's words (ids the scenario does not have come out quoted) ----

    // The hotspot's or team's name ("Oxford Circus"), its id when unnamed.
    std::string hotspotName(std::string_view id) const;
    std::string teamName(std::string_view id) const;
    // The van's name, or "van LFR-2" when it has none.
    std::string vanLabel(std::string_view id) const;
    // "MP1001 (PC Jane Smith)"
    std::string officerName(std::string_view id) const;
    // "Oxford Circus, Tue 2026-12-01 evening, LFR van 2" (the van's name)
    std::string describe(const Deployment &deployment) const;
    // "Brixton on Wed 2026-12-02 day", plus ", LFR van 2" when the pin names a van
    std::string describe(const Pin &pin) const;

private:
    struct IdHash {
        using is_transparent = void; // NOLINT(readability-identifier-naming): the standard library's name
        std::size_t operator()(std::string_view id) const noexcept { return std::hash<std::string_view>{}(id); }
    };
    using IdMap = std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>>;

    static std::optional<std::size_t> find(const IdMap &map, std::string_view id);
    template <typename Item> static IdMap mapIds(const std::vector<Item> &items);

    void indexOfficers();
    void indexHotspotsAndVans();

    static constexpr std::int32_t kOffDuty = -1;
    static constexpr std::int32_t kUnknownShift = -2;

    const Scenario *scenario_;
    std::size_t dateCount_ = 0;
    std::size_t windowCount_ = 0;
    std::size_t roleCount_ = 0;
    IdMap windows_, shifts_, roles_, teams_, officers_, hotspots_, vans_;
    std::unordered_map<std::int32_t, std::size_t> dates_;

    std::vector<std::uint8_t> shiftCovers_;              // shift x window
    std::vector<std::int32_t> officerTeam_;              // officer -> team, -1 unknown
    std::vector<std::vector<std::size_t>> teamOfficers_; // team -> officers
    std::vector<std::int32_t> rosterShift_;              // officer x date -> shift, kOffDuty, kUnknownShift
    std::vector<std::uint8_t> qualifies_;                // officer x role
    std::vector<int> teamOnDuty_;                        // team x date
    std::vector<int> crewSize_;                          // hotspot
    std::vector<std::optional<double>> multiplier_;      // hotspot x window
    std::vector<std::uint8_t> hotspotDates_;             // hotspot x date
    std::vector<std::uint8_t> vanDates_;                 // van x date
};

} // namespace lfr
