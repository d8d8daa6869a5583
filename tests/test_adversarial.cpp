// The safeguards tried as an insider would (issue 15): a planner, a
// commander, someone who is both, an auditor and the administrator, each
// with their own database login and hand-written SQL, outside lfrplan. The
// [postgres] cases need the test run's cluster (tests/pg/pg-cluster.sh);
// the SQLite cases run everywhere. docs/safeguards.md, "Threat model".
#include "lfrplan/errors.h"
#include "lfrplan/storage.h"
#include "lfrplan/transparency.h"

#include "safeguard_fixtures.h"
#include "tools/pg_session.h"
#include "tools/storage_fixtures.h"
#include "tools/temp_store.h"

#include <catch2/catch.hpp>

using namespace lfr;
using lfrtest::fill;
using lfrtest::kInsufficientPrivilege;
using lfrtest::Session;
using lfrtest::TempStore;

namespace {

std::string supt() { return lfrtest::officerOfRank(lfrtest::demoWeek(), Rank::Supt); }

// The authorisation row of the demo draft as SQL values, its record JSON
// given: (scenario, hotspot, date, window, status, record, updated_at, updated_by).
std::string row(const std::string &status, const std::string &record)
{
    const Scenario s = lfrtest::demoWeek();
    return "((SELECT id FROM scenarios), '" + s.hotspots[1].id + "', '" + formatDate(s.dates[3]) + "', '" +
           s.windows[0].id + "', '" + status + "', '" + record + "', 'x', 'x')";
}

std::string recordJson(const std::string &status, const std::string &plannedBy, const std::string &extra = "")
{
    const Scenario s = lfrtest::demoWeek();
    return "{\"hotspot\": \"" + s.hotspots[1].id + "\", \"date\": \"" + formatDate(s.dates[3]) + "\", \"window\": \"" +
           s.windows[0].id + "\", \"status\": \"" + status + "\", \"planned_by\": \"" + plannedBy + "\"" + extra + "}";
}

const char *kInsert = "INSERT INTO authorisations (scenario_id, hotspot, date, window_id, status, record, "
                      "updated_at, updated_by) VALUES ";

int entries(Session &admin, const std::string &where)
{
    return std::stoi(admin.column("SELECT count(*) FROM audit_log WHERE " + where).at(0));
}

} // namespace

TEST_CASE("adversary: a record's columns and its JSON cannot disagree", "[.postgres][adversarial]")
{
    // Finding 4: row-level security read the status column, lfrplan the
    // JSON; a planner stored a draft whose JSON said closed, with an
    // outcome the auditor's report counted.
    TempStore db;
    fill(db.location());
    Session planner(db.locationAs("planner_pat"));
    const std::string closed =
        recordJson("closed", "planner_pat", ", \"outcome\": {\"faces_seen\": 50000, \"arrests\": 40}");
    CHECK(planner.run(kInsert + row("draft", closed)) == "23514");
    CHECK(planner.run("UPDATE authorisations SET record = '" + closed + "'") == "23514");
    const auto auditor = openStorage(db.locationAs("auditor_ali"), OpenMode::ExistingOnly);
    for (const DeploymentRecord &r : accountedRecords(*auditor))
        CHECK(r.facesSeen != 50000);
    // A consistent draft by hand is accepted, as the planner's, and audited.
    Session admin(db.location());
    CHECK(planner.run(std::string(kInsert) + row("draft", recordJson("draft", "planner_pat"))).empty());
    CHECK(entries(admin, "action = 'authorisation.draft' AND actor = 'planner_pat'") == 1);
    // Not in someone else's name.
    CHECK(planner.run("UPDATE authorisations SET record = '" + recordJson("draft", "commander_kim") +
                      "' WHERE hotspot = '" + lfrtest::demoWeek().hotspots[1].id + "'") == kInsufficientPrivilege);
    CHECK(auditor->verifyAuditTrail().ok());
}

TEST_CASE("adversary: nobody authorises their own draft, by the app or by SQL", "[.postgres][adversarial]")
{
    // Finding 3: planned_by was a login, the authoriser a collar number:
    // they never matched, so someone both planner and commander authorised
    // their own draft.
    TempStore db;
    fill(db.location());
    const Scenario s = lfrtest::demoWeek();
    const auto admin = openStorage(db.location(), OpenMode::ExistingOnly);
    admin->unmapUser("commander_kim");
    admin->mapUser("both_bo", supt());
    const auto both = openStorage(db.locationAs("both_bo"), OpenMode::ExistingOnly);
    Authorisation own = lfrtest::storableAuthorisation(s);
    own.deployment.date = s.dates[2];
    both->saveAuthorisation(s.name, own);
    own = both->loadAuthorisations(s.name).back();
    REQUIRE(own.plannedBy == "both_bo");
    own.status = AuthorisationStatus::Authorised;
    CHECK_THROWS_WITH(both->saveAuthorisation(s.name, own), Catch::Contains("no self-authorisation"));
    // By hand: the server refuses it too, with or without authorised_by.
    Session sql(db.locationAs("both_bo"));
    const std::string where = " WHERE date = '" + formatDate(s.dates[2]) + "'";
    for (const char *by : {"", ", \"authorised_by\": \"both_bo\""})
        CHECK(sql.run("UPDATE authorisations SET status = 'authorised', record = jsonb_set(record::jsonb || '{" +
                      std::string(by).substr(by[0] ? 2 : 0) + "}'::jsonb, '{status}', '\"authorised\"')::text" +
                      where) == kInsufficientPrivilege);
    CHECK(sql.run(kInsert + row("authorised", recordJson("authorised", "both_bo",
                                                         ", \"authorising_officer\": \"" + supt() +
                                                             "\", \"authorised_by\": \"both_bo\""))) ==
          kInsufficientPrivilege);
    // A temporary users table of one's own changes nothing.
    admin->unmapUser("both_bo");
    CHECK(sql.run("CREATE TEMP TABLE users (login text, officer text)").empty());
    CHECK(sql.run("INSERT INTO users VALUES ('both_bo', '" + supt() + "')").empty());
    CHECK(sql.run("UPDATE authorisations SET status = 'authorised', record = jsonb_set(record::jsonb || "
                  "'{\"authorised_by\": \"both_bo\"}'::jsonb, '{status}', '\"authorised\"')::text WHERE "
                  "record::jsonb->>'planned_by' = 'lfrplan_admin'") == kInsufficientPrivilege);
    CHECK(sql.column("SELECT count(*) FROM public.authorisations WHERE status <> 'draft'") ==
          std::vector<std::string>{"0"});
}

TEST_CASE("adversary: the server authorises only a complete record, whoever writes the SQL", "[.postgres][adversarial]")
{
    // The items lfrplan requires before authorisation, checked by the
    // server too: a commander in psql cannot authorise a record with a
    // blank rationale or without a watchlist.
    TempStore db;
    fill(db.location()); // a complete draft by the administrator; commander_kim is the superintendent
    Session commander(db.locationAs("commander_kim"));
    const auto authorise = [&](const std::string &change) {
        return commander.run("UPDATE authorisations SET status = 'authorised', record = (record::jsonb || '{"
                             "\"status\": \"authorised\", \"authorised_by\": \"commander_kim\"" +
                             change + "}'::jsonb)::text");
    };
    CHECK(authorise(", \"rationale\": \" \"") == "23514");
    CHECK(authorise(", \"watchlist_size\": null") == "23514");
    CHECK(authorise(", \"watchlist_categories\": []") == "23514");
    CHECK(authorise(", \"signage_planned\": false") == "23514");
    // The settings ask for 80 characters (fill); this one has fewer.
    CHECK(authorise(", \"rationale\": \"Robbery is high here; LFR is proportionate.\"") == "23514");
    // Complete, by the superintendent's login: accepted.
    CHECK(authorise("").empty());
    CHECK(commander.run("UPDATE authorisations SET status = 'cancelled', record = jsonb_set(record::jsonb, "
                        "'{status}', '\"cancelled\"')::text") == "23514"); // no reason given
}

TEST_CASE("adversary: a commander's hand-written changes are in the audit trail, under their login",
          "[.postgres][adversarial]")
{
    // Findings 7 and 8 (authorisations, settings): a commander's DELETE
    // FROM authorisations left no entry.
    TempStore db;
    fill(db.location());
    Session admin(db.location());
    Session commander(db.locationAs("commander_kim"));
    CHECK(commander.run("UPDATE settings SET value = '10' WHERE key = 'minimum_rationale_length'").empty());
    CHECK(commander.run("DELETE FROM authorisations").empty());
    CHECK(entries(admin, "action = 'settings.changed' AND actor = 'commander_kim' AND subject = "
                         "'minimum_rationale_length' AND old_value = '\"80\"' AND new_value = '\"10\"'") == 1);
    CHECK(entries(admin, "action = 'authorisation.deleted' AND actor = 'commander_kim' AND old_value IS NOT NULL") ==
          1);
    CHECK(openStorage(db.location())->verifyAuditTrail().ok());
}

TEST_CASE("adversary: a planner's hand-written change to a scenario's data is refused or audited",
          "[.postgres][adversarial]")
{
    // Finding 7: a planner's UPDATE officers, UPDATE plans and UPDATE
    // scenarios SET revision = ... succeeded with no audit entry, and the
    // reset revision defeated optimistic versioning.
    TempStore db;
    fill(db.location());
    const Scenario s = lfrtest::demoWeek();
    Session planner(db.locationAs("planner_pat"));
    Session admin(db.location());
    const std::string revision = admin.column("SELECT revision FROM scenarios").at(0);
    CHECK(planner.run("UPDATE officers SET rank = 'Cmdr' WHERE id = '" + s.officers[0].id + "'") ==
          kInsufficientPrivilege);
    CHECK(planner.run("UPDATE plans SET status = 'optimal'") == kInsufficientPrivilege);
    CHECK(planner.run("DELETE FROM scenario_notes") == kInsufficientPrivilege);
    CHECK(planner.run("UPDATE scenarios SET max_days = 1") == kInsufficientPrivilege);
    CHECK(planner.run("UPDATE scenarios SET revision = 1") == kInsufficientPrivilege);
    CHECK(planner.run("UPDATE scenarios SET revision = revision + 5") == kInsufficientPrivilege);
    CHECK(admin.column("SELECT revision FROM scenarios").at(0) == revision);
    // Raising the revision first lets the change through, and the server
    // records it under the planner's login, saying it was made outside lfrplan.
    const int before = entries(admin, "true");
    CHECK(planner
              .run("BEGIN; UPDATE scenarios SET revision = revision + 1; UPDATE officers SET rank = 'Cmdr' "
                   "WHERE id = '" +
                   s.officers[0].id + "'; COMMIT")
              .empty());
    CHECK(entries(admin, "true") == before + 1);
    CHECK(entries(admin, "action = 'scenario.revised' AND actor = 'planner_pat' AND new_value LIKE "
                         "'%changed outside lfrplan%'") == 1);
    // So does a change to the published records, and a scenario deleted by hand.
    CHECK(planner.run("DELETE FROM published_records").empty());
    CHECK(entries(admin, "action = 'records.changed' AND actor = 'planner_pat' AND subject = 'published.csv'") == 1);
    // A store that read the scenario before sees the change as a conflict.
    const auto store = openStorage(db.locationAs("both_bo"), OpenMode::ExistingOnly);
    CHECK(store->loadScenario(s.name).officers[0].rank == Rank::Cmdr);
    CHECK(openStorage(db.location())->verifyAuditTrail().ok());
}

TEST_CASE("adversary: what was authorised stays with its deployment, as it was", "[.postgres][adversarial]")
{
    // Found in review: the server let a commander move a record to another
    // scenario (no entry: the JSON was unchanged), or rewrite an authorised
    // record on its way to deployed; and anyone could attach the
    // owner-run stamping function to a table of their own.
    TempStore db;
    fill(db.location());
    const Scenario s = lfrtest::demoWeek();
    {
        const auto admin = openStorage(db.location(), OpenMode::ExistingOnly);
        Scenario other = s;
        other.name = "Another week";
        admin->importScenario(other, ImportMode::FailIfExists);
        const auto commander = openStorage(db.locationAs("commander_kim"), OpenMode::ExistingOnly);
        Authorisation a = commander->loadAuthorisations(s.name).at(0);
        a.status = AuthorisationStatus::Authorised;
        commander->saveAuthorisation(s.name, a);
    }
    Session commander(db.locationAs("commander_kim"));
    CHECK(commander.run("UPDATE authorisations SET scenario_id = (SELECT id FROM scenarios WHERE name = "
                        "'Another week')") == kInsufficientPrivilege);
    CHECK(commander.run("UPDATE authorisations SET status = 'deployed', record = jsonb_set(jsonb_set(record::jsonb, "
                        "'{status}', '\"deployed\"'), '{watchlist_size}', '90000')::text") == kInsufficientPrivilege);
    CHECK(commander
              .run("UPDATE authorisations SET status = 'deployed', record = jsonb_set(record::jsonb, "
                   "'{status}', '\"deployed\"')::text")
              .empty()); // unchanged: allowed
    CHECK(commander.run("UPDATE authorisations SET status = 'closed', record = jsonb_set(jsonb_set(record::jsonb, "
                        "'{status}', '\"closed\"'), '{outcome}', '{\"faces_seen\": 100, \"arrests\": 40}')::text") ==
          "23514"); // 40 arrests from no true alert
    Session auditor(db.locationAs("auditor_ali"));
    REQUIRE(auditor
                .run("CREATE TEMP TABLE audit_log (seq bigint, at text, actor text, action text, subject text, "
                     "old_value text, new_value text, txid xid8, hash text)")
                .empty());
    CHECK(auditor.run("CREATE TRIGGER audit_log_stamp BEFORE INSERT ON pg_temp.audit_log FOR EACH ROW EXECUTE "
                      "FUNCTION public.lfrplan_stamp_audit_entry()") == kInsufficientPrivilege);
    CHECK(openStorage(db.location())->verifyAuditTrail().ok());
}

TEST_CASE("adversary: only the owner touches the numbering, the triggers, the mappings or the functions",
          "[.postgres][adversarial]")
{
    TempStore db;
    fill(db.location());
    const std::vector<std::string> attacks = {
        "ALTER TABLE authorisations DISABLE TRIGGER authorisations_audit",
        "ALTER TABLE authorisations DISABLE TRIGGER USER",
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
        "ALTER TABLE authorisations DISABLE ROW LEVEL SECURITY",
        "UPDATE audit_head SET seq = 0",
        "INSERT INTO users VALUES ('someone', 'MP000001')",
        "UPDATE users SET login = session_user",
        "SET session_replication_role = replica",
        "SET ROLE lfrplan_admin",
        "COPY audit_log TO '/tmp/lfrplan-adversary.csv'",
        "DROP FUNCTION lfrplan_entry_hash(text, bigint, text, text, text, text, text, text)",
        "CREATE OR REPLACE FUNCTION public.lfrplan_is_administrator() RETURNS boolean LANGUAGE sql AS "
        "'SELECT true'",
        "DROP TRIGGER audit_log_stamp ON audit_log",
        "CREATE TRIGGER mine BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION "
        "lfrplan_stamp_audit_entry()",
        "TRUNCATE audit_log",
    };
    for (const char *login : {"planner_pat", "commander_kim", "both_bo", "auditor_ali"}) {
        Session sql(db.locationAs(login));
        for (const std::string &attack : attacks) {
            INFO(login << ": " << attack);
            const std::string state = sql.run(attack);
            CHECK(!state.empty()); // refused (42501, or 0A000/42P01 where the command itself is not allowed)
        }
    }
    // What a planner may do by hand: add an entry, under their own login
    // only, next in the chain.
    Session planner(db.locationAs("planner_pat"));
    CHECK(planner.run("SELECT lfrplan_write_audit('note', 'by hand', NULL, NULL)").empty());
    Session admin(db.location());
    CHECK(admin.column("SELECT actor FROM audit_log WHERE action = 'note'") == std::vector<std::string>{"planner_pat"});
    const ChainCheck chain = openStorage(db.location())->verifyAuditTrail();
    CHECK(chain.ok());
    CHECK(chain.entries == std::stoll(admin.column("SELECT count(*) FROM audit_log").at(0)));
    CHECK(admin.column("SELECT seq FROM audit_head") == std::vector<std::string>{std::to_string(chain.headSeq)});
}

TEST_CASE("adversary: the owner can rewrite history, and --verify shows where", "[.postgres][adversarial]")
{
    // What the chain does not stop: the tables' owner disables the
    // append-only trigger. What it does: the first entry that no longer
    // fits is named (and a recomputed chain loses the published head).
    TempStore db;
    fill(db.location());
    const auto store = openStorage(db.location());
    const ChainCheck before = store->verifyAuditTrail();
    REQUIRE(before.ok());
    Session admin(db.location());
    REQUIRE(admin.run("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only").empty());
    REQUIRE(admin.run("UPDATE audit_log SET actor = 'nobody' WHERE seq = 3").empty());
    const ChainCheck changed = store->verifyAuditTrail();
    REQUIRE_FALSE(changed.ok());
    CHECK_THAT(changed.problems[0], Catch::StartsWith("entry 3 ("));
    REQUIRE(admin.run("DELETE FROM audit_log WHERE seq >= 3").empty());
    const ChainCheck cut = store->verifyAuditTrail(std::to_string(before.headSeq) + ":" + before.headHash);
    REQUIRE_FALSE(cut.ok());
    CHECK_THAT(cut.problems[0], Catch::Contains("the published head"));
}

TEST_CASE("adversary (SQLite): another program cannot change records, settings, mappings or the trail", "[adversarial]")
{
    // On a file, whoever may write it may do anything with enough effort
    // (docs/safeguards.md); but a plain sqlite3 session's change to what is
    // audited fails instead of going unrecorded (finding 8).
    lfrtest::TempDatabase file;
    const Scenario s = lfrtest::demoWeek();
    {
        const auto store = openStorage(file.path());
        store->importScenario(s, ImportMode::FailIfExists);
        store->saveAuthorisation(s.name, lfrtest::storableAuthorisation(s));
    }
    for (const char *sql :
         {"UPDATE authorisations SET status = 'authorised'",
          "UPDATE authorisations SET record = json_set(record, '$.planned_by', 'someone')",
          "DELETE FROM authorisations", "UPDATE settings SET value = '1'",
          "INSERT INTO settings VALUES ('minimum_rationale_length', '1')",
          "INSERT INTO users VALUES ('me', 'MP000001')",
          "INSERT INTO audit_log (at, actor, action, subject) VALUES ('x', 'x', 'x', 'x')",
          "UPDATE officers SET rank = 'Cmdr'", "UPDATE scenarios SET revision = 1", "DELETE FROM plans",
          "UPDATE scenario_notes SET notes = 'x'", "DELETE FROM published_records"}) {
        INFO(sql);
        CHECK_FALSE(lfrtest::sqliteExec(file.path(), sql).empty());
    }
    const auto store = openStorage(file.path());
    CHECK(store->loadAuthorisations(s.name).size() == 1);
    CHECK(store->loadAuthorisations(s.name)[0].status == AuthorisationStatus::Draft);
    CHECK(store->users().empty());
    CHECK(store->verifyAuditTrail().ok());
}
