// The demo week and a complete authorisation record of its first hotspot,
// for the safeguard tests (rules, storage, command line).
#pragma once

#include "lfrplan/deployment_records.h"
#include "lfrplan/safeguards.h"
#include "lfrplan/scenario_io.h"

#include <filesystem>
#include <string>

namespace lfrtest {

inline lfr::Scenario demoWeek()
{
    return lfr::readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json");
}

// The first officer of that rank in the scenario; empty when none.
inline std::string officerOfRank(const lfr::Scenario &s, lfr::Rank rank)
{
    for (const lfr::Officer &o : s.officers)
        if (o.rank == rank)
            return o.id;
    return {};
}

// A draft with every item authorisation needs, planned by planner.jones,
// authorised by a superintendent, for the first hotspot on the second date.
inline lfr::Authorisation completeAuthorisation(const lfr::Scenario &s)
{
    lfr::Authorisation a;
    a.deployment = {s.hotspots[0].id, s.dates[1], s.windows[0].id};
    a.useCase = lfr::UseCase::CrimeHotspot;
    a.plannedBy = "planner.jones";
    a.authorisingOfficer = officerOfRank(s, lfr::Rank::Supt);
    a.rationale = "Robbery and theft from the person at this site are the highest in the borough; "
                  "overt LFR for six hours is the least intrusive means that can locate wanted offenders.";
    a.watchlistSize = 9800;
    a.watchlistCategories = {"wanted for serious offences", "court warrants"};
    a.communityImpactAssessed = true;
    a.publicNoticeGiven = true;
    a.signagePlanned = true;
    a.start = lfr::Clock{10 * 60};
    a.end = lfr::Clock{16 * 60};
    return a;
}

// The same, as a client sends it to the store: without planned_by, which
// the store stamps with the login that saves it.
inline lfr::Authorisation storableAuthorisation(const lfr::Scenario &s)
{
    lfr::Authorisation a = completeAuthorisation(s);
    a.plannedBy.clear();
    return a;
}

// A published record of a deployment at Brixton on the scenario's first
// date, as imported from "published.csv" line 2.
inline lfr::DeploymentRecord publishedRecord(const lfr::Scenario &s)
{
    lfr::DeploymentRecord record;
    record.source = "published.csv";
    record.line = 2;
    record.date = s.dates[0];
    record.borough = "Lambeth";
    record.name = "Brixton";
    return record;
}

} // namespace lfrtest
