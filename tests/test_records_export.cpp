// Deployment records written in the Met's published layout (issue 20, part
// 4): the published sample comes out as it was published, every record reads
// back as it was, text a spreadsheet would run is neutralised without
// breaking the round trip, a record that would not read back is refused by
// name, and what a store publishes follows its permissions.
#include "lfrplan/deployment_records.h"
#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"
#include "lfrplan/transparency.h"

#include "safeguard_fixtures.h"
#include "tools/temp_store.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace lfr;

namespace {

std::string sampleText()
{
    return readTextFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "sources" / "lfr-deployment-records-2020-2023.csv");
}

// Reads `csv` back and checks that it holds `records`, each as it was.
void checkReadsBack(const std::string &csv, const std::vector<DeploymentRecord> &records)
{
    const RecordImport back = readDeploymentRecords(csv, "export.csv");
    REQUIRE(back.records.size() == records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        INFO("record " << i << ": " << records[i].name);
        CHECK(publishedDifference(records[i], back.records[i]).empty());
    }
}

// A record of `name` on 5 June 2023 with every column filled.
DeploymentRecord fullRecord(const std::string &name)
{
    DeploymentRecord r;
    r.source = "hand.csv";
    r.line = 2;
    r.date = *parseDate("2023-06-05");
    r.year = 2023;
    r.name = name;
    r.borough = "Westminster";
    r.useCase = "Crime hotspot";
    r.watchlistSize = 10451;
    r.facesSeen = 20578;
    r.totalAlerts = 3;
    r.trueAlertsConfirmed = 2;
    r.trueAlertsUnconfirmed = 0;
    r.falseAlertsConfirmed = 1;
    r.falseAlertsUnconfirmed = 0;
    r.arrests = 1;
    r.otherDisposal = 0;
    r.noAction = 1;
    r.durationMinutes = 489;
    r.threshold = 0.6;
    r.postcode = "SW1A 2JH";
    r.ward = "St. James's";
    r.wardCode = "E05013806";
    return r;
}

InputError exportError(const std::vector<DeploymentRecord> &records)
{
    try {
        publishedRecordsCsv(records);
    } catch (const InputError &e) {
        return e;
    }
    FAIL("expected an InputError");
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("records export: the published sample comes out as it was published, but for its n/a cells",
          "[records-export]")
{
    const std::string sample = sampleText();
    const RecordImport in = readDeploymentRecords(sample, "sample");
    REQUIRE(in.records.size() == 32);
    const std::string csv = publishedRecordsCsv(in.records);
    // The sample with its one "n/a" row (line 3) written as not recorded,
    // blank, which reads back the same.
    std::string expected = sample;
    const std::string fault = "Oxford Circus (technical fault stopped deployment),Westminster,,7316,";
    const auto at = expected.find(fault);
    REQUIRE(at != std::string::npos);
    const auto naCells = expected.find(",,,W1C 1DE", at);
    REQUIRE(naCells != std::string::npos);
    const std::string published = expected.substr(at + fault.size(), naCells - at - fault.size());
    CHECK(published == "n/a,n/a,n/a,n/a,n/a,n/a,n/a,,n/a"); // 7 counts, Other Disposal, No Action
    expected.replace(at + fault.size(), published.size(), ",,,,,,,,");
    CHECK(csv == expected);
    CHECK(csv.substr(0, csv.find("\r\n")) == kPublishedRecordsHeader);
    checkReadsBack(csv, in.records);
    // The same problem as the sample's, and no other.
    const RecordImport back = readDeploymentRecords(csv, "export.csv");
    REQUIRE(back.problems.size() == 1);
    CHECK(back.problems[0].column == "Year");
    CHECK(back.problems[0].line == 5);
}

TEST_CASE("records export: none is '-', not recorded is blank, and the columns hold what they say", "[records-export]")
{
    DeploymentRecord r = fullRecord("Westminster, Bridge Street");
    CHECK(
        publishedRecordsCsv({r}) ==
        std::string(kPublishedRecordsHeader) +
            "\r\n2023,05/06/2023,\"Westminster, Bridge Street\",Westminster,Crime hotspot,10451,20578,3,2,-,1,-,1,-,1,"
            "8:09,0.6,SW1A 2JH,St. James's,E05013806\r\n");
    DeploymentRecord bare;
    bare.date = *parseDate("2026-12-08");
    bare.name = "Brixton";
    CHECK(publishedRecordsCsv({bare}) ==
          std::string(kPublishedRecordsHeader) + "\r\n,08/12/2026,Brixton,,,,,,,,,,,,,,,,,\r\n");
    checkReadsBack(publishedRecordsCsv({r, bare}), {r, bare});
    // Every column is compared: a change in any one is found, by its name.
    DeploymentRecord changed = r;
    changed.wardCode = "E05013807";
    CHECK(publishedDifference(r, changed) == "Ward Code");
    changed = r;
    changed.trueAlertsUnconfirmed = std::nullopt; // blank is not "-"
    CHECK(publishedDifference(r, changed) == "True Alerts Unconfirmed");
    changed = r;
    changed.source = "other.csv";
    changed.line = 40;
    CHECK(publishedDifference(r, changed).empty()); // not columns of the layout
    // Durations past a day, short ones, and thresholds in every digit.
    for (const int minutes : {0, 5, 59, 60, 1439, 6000}) {
        r.durationMinutes = minutes;
        for (const double threshold : {0.0, 1.0, 0.55, 0.123456789012345, 1e-7, 0.1 + 0.2}) {
            r.threshold = threshold;
            INFO(minutes << " minutes, threshold " << threshold);
            checkReadsBack(publishedRecordsCsv({r}), {r});
        }
    }
    CHECK(publishedRecordsCsv({}) == std::string(kPublishedRecordsHeader) + "\r\n");
}

TEST_CASE("records export: text a spreadsheet would run is neutralised and still reads back as it was",
          "[records-export]")
{
    const std::vector<std::string> names = {"=HYPERLINK(\"http://example.invalid\",\"x\")",
                                            "+44 Street",
                                            "-5 Road",
                                            "@SUM(A1)",
                                            "'quoted",
                                            "''",
                                            "'",
                                            "'=x",
                                            "\tTabbed",
                                            "\"Quoted\", with a comma",
                                            "Two\r\nlines",
                                            "£5 Lane",
                                            "© Place",
                                            "Zoë Łukasiewicz-Ñúñez 王",
                                            "-"};
    std::vector<DeploymentRecord> records;
    for (const std::string &name : names) {
        DeploymentRecord r = fullRecord(name);
        r.borough = name;
        r.ward = name;
        records.push_back(r);
    }
    const std::string csv = publishedRecordsCsv(records);
    checkReadsBack(csv, records);
    // No text cell starts like a formula: each such one has its apostrophe.
    for (const char *cell : {",\"'=HYPERLINK(", ",'+44 Street,", ",'-5 Road,", ",'@SUM(A1),", ",''quoted,", ",''',",
                             ",'',", ",''=x,", ",'\tTabbed,", ",'-,"})
        CHECK_THAT(csv, Catch::Contains(cell));
    CHECK_THAT(csv, !Catch::Contains(",=") && !Catch::Contains(",+") && !Catch::Contains(",@"));
    // The counts' "-" (none) is the published mark, written as it is.
    CHECK_THAT(csv, Catch::Contains(",2,-,1,-,1,-,1,"));
    // A published cell with a leading apostrophe before a formula
    // character is read as a spreadsheet shows it; any other is kept.
    const RecordImport guarded = readDeploymentRecords(
        "Date,Deployment,Borough\r\n05/06/2023,'=x,'Twas\r\n05/06/2023,''y,'-\r\n", "guarded.csv");
    REQUIRE(guarded.records.size() == 2);
    CHECK(guarded.records[0].name == "=x");
    CHECK(guarded.records[0].borough == "'Twas");
    CHECK(guarded.records[1].name == "'y");
    CHECK(guarded.records[1].borough == "-");
}

TEST_CASE("records export: a record that would not read back is refused by name, and nothing is written",
          "[records-export]")
{
    const DeploymentRecord good = fullRecord("Oxford Circus");
    const auto refused = [&](DeploymentRecord bad) {
        bad.source = "lfrplan: Demo week";
        bad.line = 0;
        return exportError({good, bad});
    };
    DeploymentRecord r = fullRecord(" Leading space");
    InputError e = refused(r);
    CHECK(e.where() == "lfrplan: Demo week (2023-06-05, \" Leading space\")");
    CHECK_THAT(e.detail(), Catch::StartsWith("cannot be written in the published layout without being altered: "
                                             "column \"Deployment\" would not read back as it is") &&
                               Catch::EndsWith("nothing written"));
    r = fullRecord("Trailing space ");
    CHECK_THAT(refused(r).detail(), Catch::Contains("column \"Deployment\""));
    r = fullRecord("Oxford Circus");
    r.postcode = "W1C\x1B[2J";
    CHECK_THAT(refused(r).detail(), Catch::Contains("column \"Post code (approx)\": contains U+001B"));
    r = fullRecord("Oxford Circus");
    r.facesSeen = 200000000; // more than the reader takes for a count
    CHECK_THAT(refused(r).detail(), Catch::Contains("column \"Faces seen\""));
    r = fullRecord("Oxford Circus");
    r.durationMinutes = -5;
    CHECK_THAT(refused(r).detail(), Catch::Contains("column \"Duration\""));
    r = fullRecord("Oxford Circus");
    r.threshold = 1.5;
    CHECK_THAT(refused(r).detail(), Catch::Contains("column \"Min Threshold setting\""));
    r = fullRecord(std::string(70000, 'x'));
    CHECK_THAT(refused(r).detail(), Catch::Contains("longer than 65536 bytes"));
    // An imported record is named by its source and line.
    r = fullRecord("Trailing space ");
    CHECK(exportError({r}).where() == "hand.csv line 2 (2023-06-05, \"Trailing space \")");
    // More records than import-records reads from one file.
    const std::vector<DeploymentRecord> many(100001, good);
    CHECK_THAT(exportError(many).detail(), Catch::StartsWith("100001 records: more than import-records reads"));
}

TEST_CASE("records export: a store publishes its records and its closed deployments, dated and in order, "
          "to whoever may read them",
          "[records-export][both]")
{
    lfrtest::TempStore file;
    Scenario s = lfrtest::demoWeek();
    const std::string supt = lfrtest::officerOfRank(s, Rank::Supt);
    auto admin = openStorage(file.location());
    admin->importScenario(s, ImportMode::FailIfExists);
    admin->mapUser("commander_kim", supt);
    auto planner = file.openAs("planner_pat");
    auto commander = file.openAs("commander_kim");
    const RecordImport sample = readDeploymentRecords(sampleText(), "sample.csv");
    planner->importRecords("sample.csv", sample.records);
    // Three deployments: one closed with its outcome, one closed without a
    // count of faces, one only deployed (not a record yet).
    const auto take = [&](Authorisation a, AuthorisationStatus to, std::optional<Outcome> outcome) {
        planner->saveAuthorisation(s.name, a);
        for (const AuthorisationStatus status :
             {AuthorisationStatus::Authorised, AuthorisationStatus::Deployed, AuthorisationStatus::Closed}) {
            if (status > to)
                break;
            for (const Authorisation &stored : commander->loadAuthorisations(s.name))
                if (stored.deployment == a.deployment)
                    a = stored;
            a.status = status;
            if (status == AuthorisationStatus::Closed)
                a.outcome = outcome;
            commander->saveAuthorisation(s.name, a);
        }
    };
    Authorisation first = lfrtest::storableAuthorisation(s);
    take(first, AuthorisationStatus::Closed, Outcome{5000, 2, 0, 1, 0, 2, 0, 0, 360, 0.6});
    Authorisation second = first;
    second.deployment.date = s.dates[2];
    take(second, AuthorisationStatus::Closed, Outcome{std::nullopt, 0, 0, 0, 0, 0, 0, 0, 95, std::nullopt});
    Authorisation third = first;
    third.deployment.date = s.dates[3];
    take(third, AuthorisationStatus::Deployed, std::nullopt);

    auto auditor = file.openAs(file.onServer() ? "auditor_ali" : "planner_pat");
    const RecordsForPublication all = recordsForPublication(*auditor, std::nullopt, std::nullopt);
    CHECK(all.imported == 32);
    CHECK(all.closed == 2);
    REQUIRE(all.records.size() == 34);
    CHECK(std::is_sorted(all.records.begin(), all.records.end(),
                         [](const DeploymentRecord &a, const DeploymentRecord &b) { return a.date < b.date; }));
    const DeploymentRecord &closed = all.records[32];
    CHECK(closed.date == s.dates[1]);
    CHECK(closed.year == 2026); // the Year column: the year of its Date
    CHECK(closed.name == s.hotspots[0].name);
    CHECK(closed.borough == s.hotspots[0].borough);
    CHECK(closed.watchlistSize == 9800);
    CHECK(closed.totalAlerts == 3);
    CHECK(closed.durationMinutes == 360);
    CHECK_FALSE(all.records[33].facesSeen);
    // Every record as accountedRecords counts it for the report.
    const auto accounted = accountedRecords(*auditor);
    CHECK(accounted.size() == 34);
    CHECK(transparencyReport(accounted, ReportPeriod::Month, true).size() ==
          transparencyReport(all.records, ReportPeriod::Month, true).size());
    checkReadsBack(publishedRecordsCsv(all.records), all.records);
    // From and to, inclusive.
    const RecordsForPublication week = recordsForPublication(*auditor, s.dates[1], s.dates[2]);
    CHECK(week.imported == 0);
    CHECK(week.closed == 2);
    const RecordsForPublication june =
        recordsForPublication(*auditor, parseDate("2023-06-05"), parseDate("2023-06-11"));
    CHECK(june.imported == 5); // 05/06 three times, 11/06 twice; not 04/06 nor 17/06
    CHECK(june.closed == 0);
    for (const DeploymentRecord &r : june.records)
        CHECK((formatDate(r.date) >= "2023-06-05" && formatDate(r.date) <= "2023-06-11"));
    if (file.onServer()) // a login with no lfrplan role reads nothing
        CHECK_THROWS_AS(recordsForPublication(*file.openAs("outsider_oz"), std::nullopt, std::nullopt), StorageError);
}
