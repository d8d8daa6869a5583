// Accountability in the database (issue 6): the storage refuses what the
// safeguard rules refuse, every change lands in the audit trail with who,
// when, what and the old and new values, and the trail cannot be changed
// through SQL.
#include "lfrplan/errors.h"
#include "lfrplan/safeguards_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"
#include "lfrplan/transparency.h"

#include "safeguard_fixtures.h"
#include "tools/storage_fixtures.h"
#include "tools/temp_store.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

using namespace lfr;
using lfrtest::TempDatabase;

namespace {

using lfrtest::officerOfRank;
Scenario demo() { return lfrtest::demoWeek(); }

// A complete record, without planned_by: the store fills in the actor.
Authorisation complete(const Scenario &s)
{
    Authorisation a = lfrtest::completeAuthorisation(s);
    a.plannedBy.clear();
    return a;
}

} // namespace

TEST_CASE("audit: the storage refuses an authorisation the rules refuse, and keeps the old record",
          "[audit][safeguards][both]")
{
    lfrtest::TempStore file;
    auto store = openStorage(file.location());
    const Scenario s = demo();
    store->importScenario(s, ImportMode::FailIfExists);
    store->setActor("planner.jones");
    Authorisation draft = complete(s);
    draft.signagePlanned = false;
    store->saveAuthorisation(s.name, draft); // a draft may be incomplete
    const auto stored = store->loadAuthorisations(s.name);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].plannedBy == "planner.jones"); // the actor planned it
    Authorisation authorised = stored[0];
    authorised.status = AuthorisationStatus::Authorised;
    CHECK_THROWS_WITH(store->saveAuthorisation(s.name, authorised),
                      Catch::Contains("cannot authorise: signage: not planned"));
    CHECK(store->loadAuthorisations(s.name) == stored);
    // Self-authorisation: the planner is the superintendent named.
    store->setActor(officerOfRank(s, Rank::Supt));
    Authorisation own = complete(s);
    own.deployment.date = s.dates[2];
    store->saveAuthorisation(s.name, own);
    own = store->loadAuthorisations(s.name).back();
    own.status = AuthorisationStatus::Authorised;
    CHECK_THROWS_WITH(store->saveAuthorisation(s.name, own), Catch::Contains("no self-authorisation"));
    // The minimum rank is a stored setting.
    SafeguardSettings settings = store->safeguardSettings();
    CHECK(settings.minimumAuthorisingRank == Rank::Supt);
    settings.minimumAuthorisingRank = Rank::CS;
    store->setSafeguardSettings(settings);
    authorised.signagePlanned = true;
    CHECK_THROWS_WITH(store->saveAuthorisation(s.name, authorised), Catch::Contains("rank of CS or above"));
    settings.minimumAuthorisingRank = Rank::Supt;
    store->setSafeguardSettings(settings);
    store->saveAuthorisation(s.name, authorised);
    CHECK(store->loadAuthorisations(s.name).front().status == AuthorisationStatus::Authorised);
    // planned_by cannot be rewritten, and the slot must be the scenario's.
    Authorisation rewritten = authorised;
    rewritten.plannedBy = "someone else";
    CHECK_THROWS_WITH(store->saveAuthorisation(s.name, rewritten), Catch::Contains("cannot be changed"));
    Authorisation nowhere = complete(s);
    nowhere.deployment.hotspot = "atlantis";
    CHECK_THROWS_WITH(store->saveAuthorisation(s.name, nowhere), Catch::Contains("no such hotspot"));
}

TEST_CASE("audit: every change is recorded with who, when, what, old and new", "[audit][both]")
{
    lfrtest::TempStore file;
    auto store = openStorage(file.location());
    store->setActor("planner.jones");
    Scenario s = demo();
    store->importScenario(s, ImportMode::FailIfExists);
    // A data edit: one officer promoted.
    const std::string officer = s.officers[5].id;
    const std::int64_t mark = store->auditTrail().back().seq;
    const std::string oldRank(rankName(s.officers[5].rank));
    s.officers[5].rank = s.officers[5].rank == Rank::PS ? Rank::Insp : Rank::PS;
    const std::string newRank(rankName(s.officers[5].rank));
    store->importScenario(s, ImportMode::Replace);
    const auto edit = store->auditTrail(mark);
    REQUIRE(edit.size() == 1);
    CHECK(edit[0].actor == "planner.jones");
    CHECK(edit[0].action == "scenario.officers.changed");
    CHECK(edit[0].subject == s.name + " / " + officer);
    CHECK(nlohmann::json::parse(edit[0].oldValue).at("rank") == oldRank);
    CHECK(nlohmann::json::parse(edit[0].newValue).at("rank") == newRank);
    CHECK(edit[0].at.size() == 20); // 2026-11-27T00:00:00Z
    // A plan: each deployment added, then one removed.
    Plan plan;
    plan.scenario = s.name;
    plan.deployments.push_back({s.dates[0], s.windows[0].id, s.hotspots[0].id, s.vans[0].id, {}});
    plan.deployments.push_back({s.dates[1], s.windows[0].id, s.hotspots[1].id, s.vans[0].id, {}});
    store->setActor("planner.smith");
    store->savePlan(s.name, plan);
    plan.deployments.pop_back();
    const std::int64_t planned = store->auditTrail().back().seq;
    store->savePlan(s.name, plan);
    const auto removed = store->auditTrail(planned);
    REQUIRE(removed.size() == 2);
    CHECK(removed[0].action == "plan.deployment.removed");
    CHECK(removed[0].actor == "planner.smith");
    CHECK(removed[0].newValue == "null");
    CHECK(nlohmann::json::parse(removed[0].oldValue).at("hotspot") == s.hotspots[1].id);
    CHECK(removed[1].action == "plan.saved");
    // An authorisation, records, a rename and a delete.
    store->saveAuthorisation(s.name, complete(s));
    DeploymentRecord r;
    r.line = 2;
    r.date = s.dates[0];
    store->importRecords("sample.csv", {r});
    store->renameScenario(s.name, "renamed");
    store->deleteScenario("renamed");
    std::vector<std::string> actions;
    for (const AuditEntry &e : store->auditTrail())
        actions.push_back(e.action);
    for (const char *expected :
         {"scenario.create", "authorisation.draft", "records.imported", "scenario.rename", "scenario.delete"})
        CHECK(std::count(actions.begin(), actions.end(), expected) == 1);
    // What the deleted scenario was can still be read from the trail: its
    // policy and sizes, and its saved plan.
    const AuditEntry deleted = store->auditTrail().back();
    CHECK(deleted.action == "scenario.delete");
    const auto kept = nlohmann::json::parse(deleted.oldValue);
    CHECK(kept.at("officers") == s.officers.size());
    CHECK(kept.at("policy").at("max_deployments") == s.policy.maxDeployments);
    CHECK(kept.at("plan").at("deployments").size() == 1);
}

TEST_CASE("audit: the trail cannot be changed through SQL", "[audit]")
{
    TempDatabase file;
    {
        auto store = openStorage(file.path());
        Scenario s = demo();
        store->importScenario(s, ImportMode::FailIfExists);
        s.policy.maxDays = 4;
        store->importScenario(s, ImportMode::Replace);
    }
    const auto before = openStorage(file.path())->auditTrail();
    REQUIRE(before.size() == 2);
    CHECK(lfrtest::sqliteExec(file.path(), "UPDATE audit_log SET actor = 'nobody'").find("append-only") !=
          std::string::npos);
    CHECK(lfrtest::sqliteExec(file.path(), "DELETE FROM audit_log WHERE seq = 1").find("append-only") !=
          std::string::npos);
    CHECK(lfrtest::sqliteExec(file.path(), "DELETE FROM audit_log").find("append-only") != std::string::npos);
    CHECK(lfrtest::sqliteExec(file.path(), "INSERT OR REPLACE INTO audit_log (seq, at, actor, action, subject) "
                                           "VALUES (1, 'x', 'x', 'x', 'x')")
              .find("append-only") != std::string::npos);
    CHECK(lfrtest::sqliteExec(file.path(), "REPLACE INTO audit_log (seq, at, actor, action, subject) "
                                           "VALUES (2, 'x', 'x', 'x', 'x')")
              .find("append-only") != std::string::npos);
    CHECK(
        lfrtest::sqliteExec(file.path(), "UPDATE OR REPLACE audit_log SET seq = 1 WHERE seq = 2").find("append-only") !=
        std::string::npos);
    CHECK(openStorage(file.path())->auditTrail() == before);
    // Appending stays possible, and is the only change that is.
    CHECK(lfrtest::sqliteExec(file.path(),
                              "INSERT INTO audit_log (at, actor, action, subject) VALUES ('x', 'dba', 'note', '')")
              .empty());
    CHECK(openStorage(file.path())->auditTrail().size() == before.size() + 1);
}

TEST_CASE("audit: an entry numbered below 1 is refused and never blocks a later write", "[audit]")
{
    // Issue 15, finding 8: SQLite shows a number it has yet to choose as -1
    // in a BEFORE INSERT trigger, so one entry numbered -1, written by hand,
    // made every later audited write fail; and the trail hid it.
    TempDatabase file;
    const Scenario s = demo();
    openStorage(file.path())->importScenario(s, ImportMode::FailIfExists);
    for (const char *seq : {"-1", "0"})
        CHECK(lfrtest::sqliteExec(file.path(),
                                  std::string("INSERT INTO audit_log (seq, at, actor, action, subject) VALUES (") +
                                      seq + ", 'x', 'x', 'forged', '')")
                  .find("numbered from 1") != std::string::npos);
    const auto store = openStorage(file.path());
    CHECK_NOTHROW(store->saveNotes(s.name, "written after the attempt"));
    // A file that has such an entry anyway (its owner dropped the trigger):
    // still written to, and the entry shown.
    REQUIRE(lfrtest::sqliteExec(file.path(), "DROP TRIGGER audit_log_numbered_from_one; "
                                             "INSERT INTO audit_log (seq, at, actor, action, subject) "
                                             "VALUES (-1, 'x', 'x', 'forged', '')")
                .empty());
    CHECK_NOTHROW(store->saveNotes(s.name, "written after the entry"));
    const auto trail = openStorage(file.path())->auditTrail();
    REQUIRE(trail.size() >= 4);
    CHECK(trail.front().seq == -1);
    CHECK(trail.front().action == "forged");
    CHECK(trail.back().action == "scenario.notes.changed");
}

TEST_CASE("audit: storing a scenario again unchanged adds no entry", "[audit][both]")
{
    lfrtest::TempStore file;
    auto store = openStorage(file.location());
    const Scenario s = demo();
    store->importScenario(s, ImportMode::FailIfExists);
    const auto before = store->auditTrail();
    store->importScenario(s, ImportMode::Replace);
    CHECK(store->auditTrail() == before);
}

TEST_CASE("audit: an unreadable stored record never takes a load or the report down", "[audit][both]")
{
    // Issue 15, finding 5: one malformed row written by hand made every
    // report fail ("missing required key").
    const lfrtest::TempStore db;
    const Scenario s = demo();
    {
        const auto store = openStorage(db.location());
        store->importScenario(s, ImportMode::FailIfExists);
        store->saveAuthorisation(s.name, complete(s));
        store->importRecords("published.csv", {lfrtest::publishedRecord(s)});
    }
    REQUIRE(db.rawSql("UPDATE authorisations SET record = '{\"status\": \"closed\"}'").empty());
    REQUIRE(db.rawSql("INSERT INTO published_records (source, line, date, record) "
                      "VALUES ('hand.csv', 7, '2026-12-08', '{}')")
                .empty());
    const auto store = openStorage(db.location(), OpenMode::ExistingOnly);
    CHECK(store->loadAuthorisations(s.name).empty());
    REQUIRE(store->loadRecords().size() == 1);
    CHECK(store->loadRecords()[0].name == "Brixton");
    std::vector<DeploymentRecord> accounted;
    REQUIRE_NOTHROW(accounted = accountedRecords(*store));
    CHECK(accounted.size() == 1);
    const auto bad = store->unreadableRows();
    REQUIRE(bad.size() == 2);
    CHECK(bad[0].table == "authorisations");
    CHECK_THAT(bad[0].row, Catch::Contains(s.name) && Catch::Contains(s.hotspots[0].id));
    CHECK_THAT(bad[0].reason, Catch::Contains("missing"));
    CHECK(bad[1].table == "published_records");
    CHECK(bad[1].row == "hand.csv line 7");
}
