// Mid-week disruption and the minimum-change re-plan (issue 20;
// docs/publishing.md, "When the week is disrupted"; the objective is
// docs/planning-problem.md section 6).
//
// A disruption changes the stored scenario: an officer taken off the
// roster, a van marked out of service, a team short of officers, a hotspot
// that must have a deployment on a date. The re-plan starts from the last
// published version (replan.h) and is saved with the disrupted scenario in
// one transaction, audited; nothing is published.
#pragma once

#include "lfrplan/dates.h"
#include "lfrplan/model.h"
#include "lfrplan/replan.h"
#include "lfrplan/storage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

struct Disruption {
    struct OfficerOut {
        std::string officer;
        std::optional<Date> date; // none: every date of the horizon
    };
    struct VanOut {
        std::string van;
        std::optional<Date> date; // none: every date
    };
    // The team has `count` fewer officers on duty that date (every date
    // when none): lfrplan takes off the roster those of its officers on
    // duty the published plan can best spare (in no published crew that
    // date first, then those qualified for the fewest roles, by id). Name
    // the officers with OfficerOut when the incident took particular people.
    struct TeamLoses {
        std::string team;
        int count = 0;
        std::optional<Date> date;
    };
    // The hotspot must have a deployment that date (an event): the date is
    // allowed at the hotspot and a pin asks for it, in the window the
    // re-plan finds best.
    struct HotspotDate {
        std::string hotspot;
        Date date;
    };
    std::vector<OfficerOut> officersOut;
    std::vector<VanOut> vansOut;
    std::vector<TeamLoses> teamsLose;
    std::vector<HotspotDate> hotspotDates;
    bool empty() const { return officersOut.empty() && vansOut.empty() && teamsLose.empty() && hotspotDates.empty(); }
};

// The command line's spellings; InputError naming `option` and the text.
Disruption::OfficerOut parseOfficerOut(std::string_view text, std::string_view option = "--officer-out");
Disruption::VanOut parseVanOut(std::string_view text, std::string_view option = "--van-out");
Disruption::TeamLoses parseTeamLoses(std::string_view text, std::string_view option = "--team-loses");
Disruption::HotspotDate parseHotspotDate(std::string_view text, std::string_view option = "--add-hotspot-date");

struct ReplanOutcome {
    Scenario disrupted;            // the scenario as the disruption leaves it (pins for added dates included)
    std::vector<std::string> what; // the disruption in a planner's words, one line each
    int fromVersion = 0;           // the published version re-planned from
    std::vector<Deployment> published;
    ReplanResult result; // result.plan.stability->fromVersion is fromVersion
    bool saved = false;
};

// Applies the disruption to `scenario` and re-plans from `published`
// (version `fromVersion`). InputError, naming the option and the item,
// for a disruption that does not fit the scenario (unknown officer, van,
// team or hotspot, a date outside the horizon, an officer not on duty, a
// team without that many officers on duty, a hotspot already deployed or
// pinned that date) or that changes nothing.
ReplanOutcome replanScenario(const Scenario &scenario, const std::vector<Deployment> &published, int fromVersion,
                             const Disruption &disruption, const ReplanOptions &options = {});

// The same on a store: the scenario and its last published version are
// read (InputError when it has none); when `save` and the re-plan meets
// every pin, the disrupted scenario and the re-plan are saved together
// (Storage::saveDisruption). An infeasible re-plan saves nothing.
ReplanOutcome replanStored(Storage &storage, std::string_view scenario, const Disruption &disruption,
                           const ReplanOptions &options = {}, bool save = true);

} // namespace lfr
