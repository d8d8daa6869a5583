// Hand-written SQL on the test run's PostgreSQL cluster, as psql would
// send it, and a store with something in every table: for the tests that
// try what a user with their own login could do outside lfrplan.
#pragma once

#include "lfrplan/storage.h"

#include "../safeguard_fixtures.h"
#include "storage_fixtures.h"

#include <catch2/catch.hpp>
#include <libpq-fe.h>

#include <memory>
#include <string>
#include <vector>

namespace lfrtest {

// One hand-written SQL session as a given user, outside lfrplan.
class Session {
public:
    explicit Session(const std::string &uri) : conn_(PQconnectdb(uri.c_str()), PQfinish)
    {
        REQUIRE(PQstatus(conn_.get()) == CONNECTION_OK);
    }
    // "" when the command succeeded, else its SQLSTATE.
    std::string run(const std::string &sql)
    {
        PGresult *r = PQexec(conn_.get(), sql.c_str());
        const ExecStatusType status = PQresultStatus(r);
        std::string state;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            const char *code = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            state = code != nullptr ? code : "?";
        }
        PQclear(r);
        return state;
    }
    std::vector<std::string> column(const std::string &sql)
    {
        PGresult *r = PQexec(conn_.get(), sql.c_str());
        std::vector<std::string> out;
        for (int i = 0; i < PQntuples(r); ++i)
            out.emplace_back(PQgetvalue(r, i, 0));
        PQclear(r);
        return out;
    }

private:
    std::unique_ptr<PGconn, void (*)(PGconn *)> conn_;
};

inline constexpr const char *kInsufficientPrivilege = "42501";

// A store with the demo week, a saved plan, notes, an authorisation draft,
// a published record and settings: something in every table.
inline void fill(const std::string &location)
{
    const auto store = lfr::openStorage(location);
    const lfr::Scenario s = demoWeek();
    store->importScenario(s, lfr::ImportMode::FailIfExists);
    lfr::Plan plan;
    plan.scenario = s.name;
    plan.status = lfr::PlanStatus::Feasible;
    plan.deployments.push_back(
        {s.dates[0], s.windows[0].id, s.hotspots[0].id, s.vans[0].id, {{s.officers[0].id, s.roles[0].id}}});
    store->savePlan(s.name, plan);
    store->saveNotes(s.name, "filled for the test");
    store->saveAuthorisation(s.name, storableAuthorisation(s));
    store->mapUser("commander_kim", officerOfRank(s, lfr::Rank::Supt)); // the superintendent
    lfr::DeploymentRecord record = publishedRecord(s);
    record.facesSeen = 1234;
    record.threshold = 0.64;
    store->importRecords("published.csv", {record});
    lfr::SafeguardSettings settings;
    settings.minimumRationaleLength = 80;
    store->setSafeguardSettings(settings);
}

} // namespace lfrtest
