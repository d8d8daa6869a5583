// The accountability commands (issue 6) as a user runs them: import the
// published sample, report on it (CSV read back with Python's csv module,
// not the project's code), take a deployment from draft to closed, and
// export the audit trail.
#include "lfrplan/audit_chain.h"
#include "lfrplan/safeguards_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"
#include "process_runner.h"
#include "sqlite_connection.h"
#include "test_support.h"
#include "tools/storage_fixtures.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace lfr;

namespace {

const std::string kSample =
    (std::filesystem::path(LFRPLAN_DATA_DIR) / "sources" / "lfr-deployment-records-2020-2023.csv").string();

} // namespace

TEST_CASE("accountability cli: import-records reports the sample's flaw by line and stores every row", "[cli][records]")
{
    lfrtest::ScratchDir dir;
    const std::string db = (dir / "demo.db").string();
    REQUIRE(lfrtest::runProcess(LFRPLAN_CLI, {"demo", "--database", db}, dir).exitCode == 0);
    const auto run = lfrtest::runProcess(LFRPLAN_CLI, {"import-records", db, kSample}, dir);
    CHECK(run.exitCode == 1); // stored, with a problem reported
    CHECK(run.err.find(kSample + ":5: column \"Year\" \"2020\": disagrees with the Date 28/01/2022") !=
          std::string::npos);
    CHECK(run.err.find("32 of 32 rows read, 1 problem reported") != std::string::npos);
    CHECK(openStorage(db, OpenMode::ExistingOnly)->loadRecords().size() == 32);
    // A file that is not such records at all: exit 2, nothing stored.
    std::ofstream(dir / "other.csv") << "a,b\n1,2\n";
    const auto other = lfrtest::runProcess(LFRPLAN_CLI, {"import-records", db, (dir / "other.csv").string()}, dir);
    CHECK(other.exitCode == 2);
    CHECK(other.err.find("no \"date\" column") != std::string::npos);

    // The report's CSV, read by an independent reader.
    const std::string csv = (dir / "report.csv").string();
    REQUIRE(lfrtest::runProcess(LFRPLAN_CLI, {"report", db, "--csv", csv}, dir).exitCode == 0);
    std::ofstream(dir / "read.py") << "import csv, sys\n"
                                      "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n"
                                      "t = rows[-1]\n"
                                      "print(t['period'], t['deployments'], t['faces_seen'], t['alerts'],\n"
                                      "      t['true_alerts'], t['false_alerts'], t['arrests'], t['hours'])\n";
    const auto read = lfrtest::runProcess("/usr/bin/python3", {(dir / "read.py").string(), csv}, dir);
    INFO(read.err);
    CHECK(read.out == "all 32 483958 86 74 12 43 117.80\n");
}

TEST_CASE("accountability cli: a deployment from draft to closed, and the audit trail", "[cli][audit]")
{
    lfrtest::ScratchDir dir;
    const std::string db = (dir / "demo.db").string();
    REQUIRE(lfrtest::runProcess(LFRPLAN_CLI, {"demo", "--database", db}, dir).exitCode == 0);
    const Scenario s = openStorage(db, OpenMode::ExistingOnly)->loadScenario("Demo week 2026-12-07");
    const auto tpl = lfrtest::runProcess(
        LFRPLAN_CLI,
        {"authorisation", db, s.name, "template", s.hotspots[0].id, formatDate(s.dates[1]), s.windows[0].id}, dir);
    REQUIRE(tpl.exitCode == 0);
    Authorisation a = readAuthorisation(tpl.out, "template");
    const auto save = [&](const Authorisation &record, std::vector<std::string> extra = {}) {
        std::ofstream(dir / "record.json") << authorisationToJson(record).dump(2);
        std::vector<std::string> args{"authorisation", db, s.name, "save", (dir / "record.json").string()};
        args.insert(args.end(), extra.begin(), extra.end());
        return lfrtest::runProcess(LFRPLAN_CLI, args, dir);
    };
    // Issue 15, finding 1: nobody names who they are.
    const auto named = save(a, {"--user", "MP158477"});
    CHECK(named.exitCode == 2);
    CHECK_THAT(named.err, Catch::Contains("--user is not accepted"));
    const std::string me = operatingSystemLogin(); // who the CLI runs as
    REQUIRE(save(a).exitCode == 0);
    a.status = AuthorisationStatus::Authorised;
    const auto refused = save(a);
    CHECK(refused.exitCode == 2);
    for (const char *item : {"use case", "authorising officer", "rationale", "watchlist size", "watchlist categories",
                             "community impact assessment", "public notice", "signage", "start time", "end time"})
        CHECK(refused.err.find(std::string("cannot authorise: ") + item) != std::string::npos);
    CHECK_THAT(refused.err, Catch::Contains("your login " + me + " is not mapped to an officer"));
    for (const Officer &o : s.officers)
        if (o.rank >= Rank::Supt)
            a.authorisingOfficer = o.id;
    a.useCase = UseCase::CrimeHotspot;
    a.rationale = "Robbery and theft from the person here are the highest in the borough this quarter.";
    a.watchlistSize = 9800;
    a.watchlistCategories = {"wanted for serious offences"};
    a.communityImpactAssessed = a.publicNoticeGiven = a.signagePlanned = true;
    a.start = Clock{600};
    a.end = Clock{960};
    // I am the superintendent, but I planned this one.
    const auto mapped = lfrtest::runProcess(LFRPLAN_CLI, {"users", db, "--map", me, a.authorisingOfficer}, dir);
    REQUIRE(mapped.exitCode == 0);
    const auto users = lfrtest::runProcess(LFRPLAN_CLI, {"users", db}, dir);
    CHECK_THAT(users.out, Catch::Contains("you are " + me + " (officer " + a.authorisingOfficer + ")"));
    const auto own = save(a);
    CHECK(own.exitCode == 2);
    CHECK_THAT(own.err, Catch::Contains("planned this deployment and cannot authorise it"));
    // Another login drafted the next day's: I authorise that one.
    a.deployment.date = s.dates[2];
    a.status = AuthorisationStatus::Draft;
    openSqliteStorageAs(db, OpenMode::ExistingOnly, "planner.jones")->saveAuthorisation(s.name, a);
    a.plannedBy = "planner.jones";
    a.status = AuthorisationStatus::Authorised;
    REQUIRE(save(a).exitCode == 0);
    a.authorisedBy = me;
    a.status = AuthorisationStatus::Deployed;
    REQUIRE(save(a).exitCode == 0);
    a.status = AuthorisationStatus::Closed;
    a.outcome = Outcome{5000, 2, 0, 1, 0, 2, 0, 0, 360, 0.6};
    REQUIRE(save(a).exitCode == 0);
    // The closed deployment is in the report with the published records.
    const auto report = lfrtest::runProcess(LFRPLAN_CLI, {"report", db, "--csv", "-"}, dir);
    CHECK(report.out.find("\r\n2026,all boroughs,1,1,6.00,5000,3,2,1,") != std::string::npos);
    // The audit trail: who moved it through each status.
    const auto audit = lfrtest::runProcess(LFRPLAN_CLI, {"audit", db, "--csv", "-"}, dir);
    REQUIRE(audit.exitCode == 0);
    for (const std::string &line : std::vector<std::string>{
             ",planner.jones,authorisation.draft,", "," + me + ",authorisation.authorised,",
             "," + me + ",authorisation.deployed,", "," + me + ",authorisation.closed,", "," + me + ",user.mapped,"})
        CHECK_THAT(audit.out, Catch::Contains(line));
    const auto verified = lfrtest::runProcess(LFRPLAN_CLI, {"audit", db, "--verify"}, dir);
    CHECK(verified.exitCode == 0);
    CHECK_THAT(verified.out, Catch::Contains("the audit trail's chain holds"));
}

TEST_CASE("accountability cli: report names a record it cannot read, counts the rest and exits 1", "[cli][records]")
{
    lfrtest::ScratchDir dir;
    const std::string db = (dir / "lfr.db").string();
    REQUIRE(lfrtest::runProcess(LFRPLAN_CLI, {"demo", "--database", db}, dir).exitCode == 0);
    REQUIRE(lfrtest::runProcess(LFRPLAN_CLI, {"import-records", db, kSample}, dir).exitCode <= 1);
    const auto whole = lfrtest::runProcess(LFRPLAN_CLI, {"report", db, "--csv", "-"}, dir);
    REQUIRE(whole.exitCode == 0);
    REQUIRE(lfrtest::sqliteExec(db, "DROP TRIGGER published_records_through_lfrplan_INSERT; " // its owner may
                                    "INSERT INTO published_records (source, line, date, record) "
                                    "VALUES ('hand.csv', 7, '2026-12-08', '{\"borough\": 5}')")
                .empty());
    const auto run = lfrtest::runProcess(LFRPLAN_CLI, {"report", db, "--csv", "-"}, dir);
    CHECK(run.exitCode == 1);
    CHECK(run.out == whole.out); // the readable records, counted as before
    CHECK_THAT(run.err, Catch::Contains("1 stored record(s) cannot be read") &&
                            Catch::Contains("published_records: hand.csv line 7"));
}
