// lfrplan export-records as a user runs it (issue 20, part 4): published
// records imported, exported and imported into a fresh database give the
// same records and the same transparency report, with deployments closed in
// lfrplan too; bad dates, databases and outputs are refused by name with
// nothing written.
#include "lfrplan/deployment_records.h"
#include "lfrplan/safeguards.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"
#include "lfrplan/transparency.h"
#include "process_runner.h"
#include "safeguard_fixtures.h"
#include "sqlite_connection.h"
#include "test_support.h"
#include "tools/storage_fixtures.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

using namespace lfr;
using lfrtest::runProcess;

namespace {

const std::string kDemoWeek = "Demo week 2026-12-07";

// A slice of the published sample: its header and the rows on `lines`
// (1 is the header), CRLF as published.
std::string sampleSlice(const std::vector<int> &lines)
{
    const std::string text =
        readTextFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "sources" / "lfr-deployment-records-2020-2023.csv");
    std::vector<std::string> all;
    for (std::size_t at = 0; at < text.size();) {
        const auto end = text.find("\r\n", at);
        all.push_back(text.substr(at, end - at));
        at = end == std::string::npos ? text.size() : end + 2;
    }
    std::string out = all[0] + "\r\n";
    for (const int line : lines)
        out += all[static_cast<std::size_t>(line - 1)] + "\r\n";
    return out;
}

// The slice the round trips use: the "n/a" row (3), the row whose Year
// disagrees with its Date (5), quoted names (15-17), a blank count (28).
const std::vector<int> kSliceLines = {2, 3, 4, 5, 6, 12, 15, 16, 17, 22, 28, 29};

std::string write(const lfrtest::ScratchDir &dir, const std::string &name, const std::string &text)
{
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
}

// Every form of the transparency report of `db`.
std::vector<std::string> reports(const lfrtest::ScratchDir &dir, const std::string &db)
{
    std::vector<std::string> out;
    for (const std::vector<std::string> &form : {std::vector<std::string>{},
                                                 {"--by", "month", "--by-borough"},
                                                 {"--by-borough", "--csv", "-"},
                                                 {"--by", "month", "--csv", "-"}}) {
        std::vector<std::string> args = {"report", db};
        args.insert(args.end(), form.begin(), form.end());
        const auto run = runProcess(LFRPLAN_CLI, args, dir);
        REQUIRE(run.exitCode == 0);
        out.push_back(run.out);
    }
    return out;
}

void checkSameRecords(const std::vector<DeploymentRecord> &a, const std::vector<DeploymentRecord> &b)
{
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO(i << ": " << a[i].source << " line " << a[i].line << " \"" << a[i].name << "\"");
        CHECK(publishedDifference(a[i], b[i]).empty());
    }
}

// Takes a deployment of the demo week in `db` from draft to closed with
// `outcome`: drafted by planner_pat, authorised, deployed and closed by
// commander_kim, whom the administrator maps to the superintendent the
// record names.
void closeDeployment(const std::string &db, Authorisation a, const Outcome &outcome)
{
    const std::string supt = a.authorisingOfficer;
    openStorage(db, OpenMode::ExistingOnly)->mapUser("commander_kim", supt);
    openSqliteStorageAs(db, OpenMode::ExistingOnly, "planner_pat")->saveAuthorisation(kDemoWeek, a);
    auto commander = openSqliteStorageAs(db, OpenMode::ExistingOnly, "commander_kim");
    for (const AuthorisationStatus status :
         {AuthorisationStatus::Authorised, AuthorisationStatus::Deployed, AuthorisationStatus::Closed}) {
        for (const Authorisation &stored : commander->loadAuthorisations(kDemoWeek))
            if (stored.deployment == a.deployment)
                a = stored;
        a.status = status;
        if (status == AuthorisationStatus::Closed)
            a.outcome = outcome;
        commander->saveAuthorisation(kDemoWeek, a);
    }
}

} // namespace

TEST_CASE("records export cli: published records imported, exported and imported again are the same records "
          "with the same report",
          "[records-export][cli]")
{
    lfrtest::ScratchDir dir;
    const std::string first = (dir / "first.db").string(), second = (dir / "second.db").string();
    REQUIRE(runProcess(LFRPLAN_CLI, {"init", first}, dir).exitCode == 0);
    REQUIRE(runProcess(LFRPLAN_CLI, {"init", second}, dir).exitCode == 0);
    const std::string slice = write(dir, "slice.csv", sampleSlice(kSliceLines));
    REQUIRE(runProcess(LFRPLAN_CLI, {"import-records", first, slice}, dir).exitCode == 1); // line 5's Year
    const std::string exported = (dir / "published.csv").string();
    const auto run = runProcess(LFRPLAN_CLI, {"export-records", first, "--csv", exported}, dir);
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK_THAT(run.err, Catch::Contains("12 records: 12 published records imported, 0 deployments closed in lfrplan"));
    const std::string text = readTextFile(exported);
    CHECK(text.substr(0, text.find("\r\n")) == kPublishedRecordsHeader);
    // Standard output without --csv: the same text.
    const auto out = runProcess(LFRPLAN_CLI, {"export-records", first}, dir);
    REQUIRE(out.exitCode == 0);
    CHECK(out.out == text);
    // Into a fresh database: the same problem reported, on the line the
    // record now has, and the same records and reports.
    const auto again = runProcess(LFRPLAN_CLI, {"import-records", second, exported}, dir);
    CHECK(again.exitCode == 1);
    CHECK_THAT(again.err, Catch::Contains("column \"Year\" \"2020\": disagrees with the Date 28/01/2022") &&
                              Catch::Contains("12 of 12 rows read, 1 problem reported"));
    checkSameRecords(openStorage(first, OpenMode::ReadOnly)->loadRecords(),
                     openStorage(second, OpenMode::ReadOnly)->loadRecords());
    CHECK(reports(dir, first) == reports(dir, second));
    // Exported again, byte for byte the same file.
    CHECK(runProcess(LFRPLAN_CLI, {"export-records", second}, dir).out == text);
}

TEST_CASE("records export cli: deployments closed in lfrplan and their outcomes go out with the published "
          "records and come back in the same report",
          "[records-export][cli]")
{
    lfrtest::ScratchDir dir;
    const std::string db = (dir / "demo.db").string(), fresh = (dir / "fresh.db").string();
    REQUIRE(runProcess(LFRPLAN_CLI, {"demo", "--database", db}, dir).exitCode == 0);
    REQUIRE(runProcess(LFRPLAN_CLI, {"init", fresh}, dir).exitCode == 0);
    REQUIRE(runProcess(LFRPLAN_CLI, {"import-records", db, write(dir, "slice.csv", sampleSlice(kSliceLines))}, dir)
                .exitCode == 1);
    const Scenario s = openStorage(db, OpenMode::ReadOnly)->loadScenario(kDemoWeek);
    Authorisation a = lfrtest::storableAuthorisation(s);
    closeDeployment(db, a, Outcome{5000, 2, 0, 1, 0, 2, 0, 0, 360, 0.6});
    a.deployment.date = s.dates[3];
    closeDeployment(db, a, Outcome{std::nullopt, 0, 1, 0, 0, 1, 0, 0, std::nullopt, 0.64});
    const std::string exported = (dir / "published.csv").string();
    const auto run = runProcess(LFRPLAN_CLI, {"export-records", db, "--csv", exported}, dir);
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK_THAT(run.err, Catch::Contains("14 records: 12 published records imported, 2 deployments closed in lfrplan"));
    const std::string text = readTextFile(exported);
    // The closed deployments, last (the latest dates), column for column.
    const Hotspot &h = s.hotspots[0];
    const std::string place = h.name + "," + h.borough + "," + std::string(useCaseLabel(UseCase::CrimeHotspot));
    CHECK_THAT(text, Catch::EndsWith("2026," + formatDate(s.dates[1]).substr(8, 2) + "/12/2026," + place +
                                     ",9800,5000,3,2,-,1,-,2,-,-,6:00,0.6,,,\r\n"
                                     "2026," +
                                     formatDate(s.dates[3]).substr(8, 2) + "/12/2026," + place +
                                     ",9800,,1,-,1,-,-,1,-,-,,0.64,,,\r\n"));
    const auto imported = runProcess(LFRPLAN_CLI, {"import-records", fresh, exported}, dir);
    CHECK_THAT(imported.err, Catch::Contains("14 of 14 rows read, 1 problem reported"));
    CHECK(reports(dir, db) == reports(dir, fresh));
    auto original = openStorage(db, OpenMode::ReadOnly);
    checkSameRecords(recordsForPublication(*original, std::nullopt, std::nullopt).records,
                     openStorage(fresh, OpenMode::ReadOnly)->loadRecords());
    CHECK(runProcess(LFRPLAN_CLI, {"export-records", fresh}, dir).out == text);
    // Only the week: the two closed deployments.
    const auto week = runProcess(
        LFRPLAN_CLI, {"export-records", db, "--from", formatDate(s.dates[0]), "--to", formatDate(s.dates[3])}, dir);
    REQUIRE(week.exitCode == 0);
    CHECK_THAT(week.err, Catch::Contains("2 records: 0 published records imported, 2 deployments closed in lfrplan"));
    CHECK(week.out == std::string(kPublishedRecordsHeader) + "\r\n" + text.substr(text.find("\r\n2026,") + 2));
    // The dates are inclusive: a day before the second one leaves it out.
    const auto first =
        runProcess(LFRPLAN_CLI,
                   {"export-records", db, "--from", "2026-01-01", "--to", formatDate(Date{s.dates[3].days - 1})}, dir);
    CHECK_THAT(first.err, Catch::Contains("1 record: 0 published records imported, 1 deployment closed in lfrplan"));
}

TEST_CASE("records export cli: bad dates, databases and outputs are refused by name, and nothing is written",
          "[records-export][cli]")
{
    lfrtest::ScratchDir dir;
    const std::string db = (dir / "lfr.db").string();
    REQUIRE(runProcess(LFRPLAN_CLI, {"init", db}, dir).exitCode == 0);
    REQUIRE(
        runProcess(LFRPLAN_CLI, {"import-records", db, write(dir, "slice.csv", sampleSlice({2, 4}))}, dir).exitCode ==
        0);
    const std::string kept = write(dir, "kept.csv", "the file published last month\n");
    const auto refused = [&](const std::vector<std::string> &extra, const std::string &message,
                             const std::string &database = {}) {
        std::vector<std::string> args = {"export-records", database.empty() ? db : database, "--csv", kept};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto run = runProcess(LFRPLAN_CLI, args, dir);
        INFO(run.err);
        CHECK(run.exitCode == 2);
        CHECK_THAT(run.err, Catch::Contains(message));
        CHECK(run.out.empty());
        CHECK(readTextFile(kept) == "the file published last month\n");
    };
    refused({"--from", "2023-13-01"}, "--from \"2023-13-01\": not a date; give YYYY-MM-DD");
    refused({"--to", "05/06/2023"}, "--to \"05/06/2023\": not a date; give YYYY-MM-DD");
    refused({"--from", "2023-02-29"}, "--from \"2023-02-29\": not a date");
    refused({"--from", ""}, "--from \"\": not a date");
    refused({"--from", "2023-07-01", "--to", "2023-06-30"}, "--from 2023-07-01 is after --to 2023-06-30");
    refused({"--since", "2023-07-01"}, "--since");
    refused({}, "no-such.db", (dir / "no-such.db").string());
    refused({}, "kept.csv", kept); // a CSV file given as the database
    // An output in a folder that does not exist: nothing is created.
    const auto missing = runProcess(LFRPLAN_CLI, {"export-records", db, "--csv", (dir / "no/x.csv").string()}, dir);
    CHECK(missing.exitCode == 2);
    CHECK_THAT(missing.err, Catch::Contains((dir / "no").string()));
    CHECK_FALSE(std::filesystem::exists(dir / "no"));
    // A folder as the output.
    const auto folder = runProcess(LFRPLAN_CLI, {"export-records", db, "--csv", dir.path().string()}, dir);
    CHECK(folder.exitCode == 2);
    // A stored record that cannot be read: refused, naming it.
    REQUIRE(lfrtest::sqliteExec(db, "DROP TRIGGER published_records_through_lfrplan_INSERT; "
                                    "INSERT INTO published_records (source, line, date, record) "
                                    "VALUES ('hand.csv', 7, '2026-12-08', '{\"borough\": 5}')")
                .empty());
    refused({}, "1 stored record(s) cannot be read");
    refused({}, "published_records: hand.csv line 7");
    openStorage(db, OpenMode::ExistingOnly)->importRecords("hand.csv", {}); // removes it
    // A record that would not read back as it is: refused, naming it.
    openStorage(db, OpenMode::ExistingOnly)->importRecords("spaced.csv", [] {
        DeploymentRecord r;
        r.source = "spaced.csv";
        r.line = 2;
        r.date = *parseDate("2023-06-05");
        r.name = "Oxford Circus ";
        return std::vector<DeploymentRecord>{r};
    }());
    refused({}, "spaced.csv line 2 (2023-06-05, \"Oxford Circus \"): cannot be written in the published layout without "
                "being altered: column \"Deployment\"");
    // The database is only read: an export leaves it byte for byte as it was.
    openStorage(db, OpenMode::ExistingOnly)->importRecords("spaced.csv", {});
    const auto bytes = [&] {
        std::string all;
        if (std::FILE *f = std::fopen(db.c_str(), "rb")) {
            char buffer[4096];
            for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;)
                all.append(buffer, n);
            std::fclose(f);
        }
        return all;
    };
    const auto files = [&] {
        std::set<std::string> names;
        for (const auto &entry : std::filesystem::directory_iterator(dir.path()))
            if (const std::string name = entry.path().filename().string();
                !name.ends_with("-wal") && !name.ends_with("-shm")) // SQLite's, as report's read leaves them
                names.insert(name);
        return names;
    };
    const std::string before = bytes();
    const auto filesBefore = files();
    const auto ok = runProcess(LFRPLAN_CLI, {"export-records", db, "--csv", kept}, dir);
    REQUIRE(ok.exitCode == 0);
    CHECK(bytes() == before);
    CHECK(files() == filesBefore); // no temporary left beside the output
    CHECK(readDeploymentRecords(readTextFile(kept), "kept.csv").records.size() == 2);
}
