// Accountability in the database (issue 6): the storage refuses what the
// safeguard rules refuse, every change lands in the audit trail with who,
// when, what and the old and new values, and the trail cannot be changed
// through SQL.
#include "lfrplan/audit_chain.h"
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

// A complete record, without planned_by: the store fills in the login.
Authorisation complete(const Scenario &s) { return lfrtest::storableAuthorisation(s); }

} // namespace

TEST_CASE("audit: the storage refuses an authorisation the rules refuse, and keeps the old record",
          "[audit][safeguards][both]")
{
    lfrtest::TempStore file;
    const Scenario s = demo();
    const std::string supt = officerOfRank(s, Rank::Supt);
    {
        auto admin = openStorage(file.location());
        admin->importScenario(s, ImportMode::FailIfExists);
        admin->mapUser("commander_kim", supt);
    }
    auto planner = file.openAs("planner_pat");
    auto commander = file.openAs("commander_kim");
    Authorisation draft = complete(s);
    draft.signagePlanned = false;
    planner->saveAuthorisation(s.name, draft); // a draft may be incomplete
    const auto stored = commander->loadAuthorisations(s.name);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].plannedBy == "planner_pat"); // the login that saved it planned it
    Authorisation authorised = stored[0];
    authorised.status = AuthorisationStatus::Authorised;
    CHECK_THROWS_WITH(commander->saveAuthorisation(s.name, authorised),
                      Catch::Contains("cannot authorise: signage: not planned"));
    CHECK(commander->loadAuthorisations(s.name) == stored);
    // The minimum rank is a stored setting.
    SafeguardSettings settings = commander->safeguardSettings();
    CHECK(settings.minimumAuthorisingRank == Rank::Supt);
    settings.minimumAuthorisingRank = Rank::CS;
    commander->setSafeguardSettings(settings);
    authorised.signagePlanned = true;
    CHECK_THROWS_WITH(commander->saveAuthorisation(s.name, authorised), Catch::Contains("rank of CS or above"));
    settings.minimumAuthorisingRank = Rank::Supt;
    commander->setSafeguardSettings(settings);
    commander->saveAuthorisation(s.name, authorised);
    const Authorisation done = commander->loadAuthorisations(s.name).front();
    CHECK(done.status == AuthorisationStatus::Authorised);
    CHECK(done.plannedBy == "planner_pat");
    CHECK(done.authorisedBy == "commander_kim"); // stamped by the store
    // planned_by and authorised_by cannot be rewritten, and the slot must be the scenario's.
    Authorisation rewritten = done;
    rewritten.status = AuthorisationStatus::Deployed;
    rewritten.plannedBy = "someone else";
    CHECK_THROWS_WITH(commander->saveAuthorisation(s.name, rewritten), Catch::Contains("planned by: \"someone else\""));
    rewritten.plannedBy = done.plannedBy;
    rewritten.authorisedBy = "the chief constable";
    CHECK_THROWS_WITH(commander->saveAuthorisation(s.name, rewritten),
                      Catch::Contains("authorised by: \"the chief constable\""));
    Authorisation nowhere = complete(s);
    nowhere.deployment.hotspot = "atlantis";
    CHECK_THROWS_WITH(planner->saveAuthorisation(s.name, nowhere), Catch::Contains("no such hotspot"));
}

TEST_CASE("audit: only the login mapped to the authorising officer authorises, never the planner's",
          "[audit][safeguards][identity][both]")
{
    // Issue 15, findings 1 to 3: a typed name decided who authorised; a
    // record's planned_by came from the client; on PostgreSQL the planner
    // (a login) was never equal to the authoriser (a collar number).
    lfrtest::TempStore file;
    const Scenario s = demo();
    const std::string supt = officerOfRank(s, Rank::Supt);
    auto admin = openStorage(file.location());
    admin->importScenario(s, ImportMode::FailIfExists);
    auto both = file.openAs("both_bo"); // a planner and a commander
    // A record naming another planner is refused: the store records who planned.
    Authorisation claimed = complete(s);
    claimed.plannedBy = "PC Somebody Else";
    CHECK_THROWS_WITH(both->saveAuthorisation(s.name, claimed),
                      Catch::Contains("planned by: \"PC Somebody Else\" was given") && Catch::Contains("both_bo"));
    both->saveAuthorisation(s.name, complete(s));
    Authorisation own = both->loadAuthorisations(s.name).front();
    CHECK(own.plannedBy == "both_bo");
    own.status = AuthorisationStatus::Authorised;
    // Not mapped to an officer: cannot authorise, whatever the record names.
    CHECK_THROWS_WITH(both->saveAuthorisation(s.name, own), Catch::Contains("is not mapped to an officer"));
    // Mapped to the superintendent the record names, but the planner of it.
    admin->mapUser("both_bo", supt);
    CHECK(both->actorOfficer() == supt);
    CHECK_THROWS_WITH(both->saveAuthorisation(s.name, own), Catch::Contains("no self-authorisation"));
    // Another commander, mapped to another officer than the one named.
    auto commander = file.openAs("commander_kim");
    admin->mapUser("commander_kim", s.officers[0].id == supt ? s.officers[1].id : s.officers[0].id);
    CHECK_THROWS_WITH(commander->saveAuthorisation(s.name, own),
                      Catch::Contains("not " + supt + " whom the record names"));
    // The officer named changes login: the planner's login is still theirs... no: re-mapped, the
    // superintendent is now commander_kim, who did not plan it.
    admin->unmapUser("both_bo");
    admin->mapUser("commander_kim", supt);
    commander->loadAuthorisations(s.name);
    CHECK_NOTHROW(commander->saveAuthorisation(s.name, own));
    const Authorisation stored = admin->loadAuthorisations(s.name).front();
    CHECK(stored.authorisedBy == "commander_kim");
    CHECK(stored.plannedBy == "both_bo");
    // Every mapping change is in the audit trail, under the administrator's login.
    int mappings = 0;
    for (const AuditEntry &e : admin->auditTrail())
        if (e.action == "user.mapped" || e.action == "user.unmapped") {
            ++mappings;
            CHECK(e.actor == admin->actor());
        }
    CHECK(mappings == 4);
    // An officer has one login.
    CHECK_THROWS_WITH(admin->mapUser("planner_pat", supt), Catch::Contains("already the login commander_kim"));
}

TEST_CASE("audit: every change is recorded with who, when, what, old and new", "[audit][both]")
{
    lfrtest::TempStore file;
    openStorage(file.location()); // the administrator creates the schema
    auto store = file.openAs("planner_pat");
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
    CHECK(edit[0].actor == "planner_pat");
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
    store = file.openAs("both_bo");
    store->savePlan(s.name, plan);
    plan.deployments.pop_back();
    const std::int64_t planned = store->auditTrail().back().seq;
    store->savePlan(s.name, plan);
    const auto removed = store->auditTrail(planned);
    REQUIRE(removed.size() == 2);
    CHECK(removed[0].action == "plan.deployment.removed");
    CHECK(removed[0].actor == "both_bo");
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
    // Through another program (the sqlite3 shell): every change is refused,
    // appending included (the chain needs a function only lfrplan defines).
    for (const char *sql :
         {"UPDATE audit_log SET actor = 'nobody'", "DELETE FROM audit_log WHERE seq = 1", "DELETE FROM audit_log",
          "INSERT OR REPLACE INTO audit_log (seq, at, actor, action, subject) "
          "VALUES (1, 'x', 'x', 'x', 'x')",
          "REPLACE INTO audit_log (seq, at, actor, action, subject) VALUES (2, 'x', 'x', 'x', 'x')",
          "UPDATE OR REPLACE audit_log SET seq = 1 WHERE seq = 2",
          "INSERT INTO audit_log (at, actor, action, subject) VALUES ('x', 'dba', 'note', '')",
          "UPDATE audit_log SET hash = NULL"}) {
        INFO(sql);
        CHECK_FALSE(lfrtest::sqliteExec(file.path(), sql).empty());
    }
    CHECK(openStorage(file.path())->auditTrail() == before);
    CHECK(openStorage(file.path())->verifyAuditTrail().ok());
}

TEST_CASE("audit: --verify names the first entry a forger changed, removed or slipped in", "[audit][chain]")
{
    // Issue 15: the file's owner can drop every trigger and rewrite the
    // trail; the chain shows where, unless they recompute every later hash
    // (which a published head then shows).
    const Scenario s = demo();
    const auto forged = [&](const std::string &sql) {
        TempDatabase file;
        auto store = openStorage(file.path());
        store->importScenario(s, ImportMode::FailIfExists);
        for (int i = 1; i <= 3; ++i)
            store->saveNotes(s.name, "note " + std::to_string(i));
        const ChainCheck clean = store->verifyAuditTrail();
        REQUIRE(clean.ok());
        REQUIRE(clean.entries == 4);
        const std::string head = std::to_string(clean.headSeq) + ":" + clean.headHash;
        CHECK(store->verifyAuditTrail(head).ok());
        REQUIRE(lfrtest::sqliteExec(file.path(), "DROP TRIGGER audit_log_append_only_update; "
                                                 "DROP TRIGGER audit_log_append_only_delete; "
                                                 "DROP TRIGGER audit_log_append_only_insert; "
                                                 "DROP TRIGGER audit_log_chain; DROP TRIGGER audit_log_no_gaps; " +
                                                     sql)
                    .empty());
        return openStorage(file.path())->verifyAuditTrail(head);
    };
    const ChainCheck changed = forged("UPDATE audit_log SET actor = 'somebody else' WHERE seq = 2");
    REQUIRE_FALSE(changed.ok());
    CHECK_THAT(changed.problems[0], Catch::Contains("entry 2 (") && Catch::Contains("does not fit the chain"));
    const ChainCheck removed = forged("DELETE FROM audit_log WHERE seq = 3");
    REQUIRE_FALSE(removed.ok());
    CHECK_THAT(removed.problems[0], Catch::Contains("numbers 3 to 3 are missing"));
    const ChainCheck inserted = forged("INSERT INTO audit_log (seq, at, actor, action, subject, hash) "
                                       "VALUES (5, '2026-12-01T00:00:00Z', 'x', 'forged', '', 'abc')");
    REQUIRE_FALSE(inserted.ok());
    CHECK_THAT(inserted.problems[0], Catch::Contains("entry 5 (") && Catch::Contains("does not fit"));
    const ChainCheck unhashed = forged("INSERT INTO audit_log (seq, at, actor, action, subject) "
                                       "VALUES (5, '2026-12-01T00:00:00Z', 'x', 'forged', '')");
    REQUIRE_FALSE(unhashed.ok());
    CHECK_THAT(unhashed.problems[0], Catch::Contains("entry 5 (") && Catch::Contains("has no hash"));
    // A forger who recomputes the whole chain after a change: the chain
    // holds, but the head published before is no longer in it.
    TempDatabase file;
    auto store = openStorage(file.path());
    store->importScenario(s, ImportMode::FailIfExists);
    store->saveNotes(s.name, "note");
    const ChainCheck clean = store->verifyAuditTrail();
    const std::string head = std::to_string(clean.headSeq) + ":" + clean.headHash;
    std::string rewrite = "DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET actor = 'x'";
    const auto trail = store->auditTrail();
    std::optional<std::string> previous;
    for (const AuditEntry &e : trail) {
        const std::string hash = auditEntryHash(previous, e.seq, e.at, "x", e.action, e.subject,
                                                e.oldValue == "null" ? std::nullopt : std::optional(e.oldValue),
                                                e.newValue == "null" ? std::nullopt : std::optional(e.newValue));
        rewrite += "; UPDATE audit_log SET hash = '" + hash + "' WHERE seq = " + std::to_string(e.seq);
        previous = hash;
    }
    REQUIRE(lfrtest::sqliteExec(file.path(), rewrite).empty());
    CHECK(store->verifyAuditTrail().ok());
    const ChainCheck published = store->verifyAuditTrail(head);
    REQUIRE_FALSE(published.ok());
    CHECK_THAT(published.problems[0], Catch::Contains("the published head " + head + " is not in the chain"));
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
        CHECK_FALSE(lfrtest::sqliteExec(
                        file.path(), std::string("INSERT INTO audit_log (seq, at, actor, action, subject) VALUES (") +
                                         seq + ", 'x', 'x', 'forged', '')")
                        .empty());
    const auto store = openStorage(file.path());
    CHECK_NOTHROW(store->saveNotes(s.name, "written after the attempt"));
    // A file that has such an entry anyway (its owner dropped the triggers):
    // still written to, the entry shown, and --verify names it.
    REQUIRE(lfrtest::sqliteExec(file.path(), "DROP TRIGGER audit_log_numbered_from_one; DROP TRIGGER audit_log_chain; "
                                             "DROP TRIGGER audit_log_no_gaps; "
                                             "INSERT INTO audit_log (seq, at, actor, action, subject) "
                                             "VALUES (-1, 'x', 'x', 'forged', '')")
                .empty());
    CHECK_NOTHROW(store->saveNotes(s.name, "written after the entry"));
    const auto trail = openStorage(file.path())->auditTrail();
    REQUIRE(trail.size() >= 4);
    CHECK(trail.front().seq == -1);
    CHECK(trail.front().action == "forged");
    CHECK(trail.back().action == "scenario.notes.changed");
    const ChainCheck check = store->verifyAuditTrail();
    REQUIRE_FALSE(check.ok());
    CHECK_THAT(check.problems[0], Catch::Contains("entry -1 (") && Catch::Contains("has no hash"));
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
    // The columns stay the record's (one truth); the rest is damaged. On
    // SQLite its owner drops the trigger that would audit it first.
    if (!db.onServer())
        REQUIRE(db.rawSql("DROP TRIGGER authorisations_audit_update").empty());
    REQUIRE(db.rawSql(std::string("UPDATE authorisations SET record = ") +
                      (db.onServer() ? "json_build_object" : "json_object") +
                      "('hotspot', hotspot, 'date', date, 'window', window_id, 'status', status, 'use_case', 7)" +
                      (db.onServer() ? "::text" : ""))
                .empty());
    if (!db.onServer())
        REQUIRE(db.rawSql("DROP TRIGGER published_records_through_lfrplan_INSERT").empty());
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
    CHECK_THAT(bad[0].reason, Catch::Contains("use_case"));
    CHECK(bad[1].table == "published_records");
    CHECK(bad[1].row == "hand.csv line 7");
}

TEST_CASE("audit: a stale authorisation save is a conflict naming the change", "[audit][versioning][both]")
{
    // Issue 15, finding 10: a planner's stale draft save reverted a
    // commander's authorisation to draft (the last writer won).
    lfrtest::TempStore file;
    const Scenario s = demo();
    {
        auto admin = openStorage(file.location());
        admin->importScenario(s, ImportMode::FailIfExists);
        admin->mapUser("commander_kim", officerOfRank(s, Rank::Supt));
    }
    auto planner = file.openAs("planner_pat");
    planner->saveAuthorisation(s.name, complete(s));
    Authorisation mine = planner->loadAuthorisations(s.name).front(); // the planner reads...
    auto commander = file.openAs("commander_kim");
    Authorisation theirs = commander->loadAuthorisations(s.name).front();
    theirs.status = AuthorisationStatus::Authorised;
    commander->saveAuthorisation(s.name, theirs); // ...the commander authorises...
    mine.rationale += " Checked again.";
    try {
        planner->saveAuthorisation(s.name, mine); // ...and the planner's stale draft is refused
        FAIL("a stale save must be refused");
    } catch (const ConflictError &conflict) {
        CHECK_THAT(std::string(conflict.what()), Catch::Contains("was changed since you read it") &&
                                                     Catch::Contains("commander_kim: authorisation.authorised"));
        REQUIRE(conflict.changes().size() == 1);
        CHECK(conflict.changes()[0].actor == "commander_kim");
    }
    CHECK(commander->loadAuthorisations(s.name).front().status == AuthorisationStatus::Authorised);
    // Read again, the planner's store is up to date: no conflict.
    mine = planner->loadAuthorisations(s.name).front();
    CHECK_NOTHROW(planner->saveAuthorisation(s.name, mine));
    CHECK(commander->loadAuthorisations(s.name).front() == mine);
}
