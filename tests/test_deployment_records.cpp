// The importer of published deployment records and the transparency report
// (issue 6), on the real sample and on a file with every kind of bad cell.
// The report's expected totals were counted by hand from the sample.
#include "lfrplan/deployment_records.h"
#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/transparency.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace lfr;

namespace {

RecordImport sample()
{
    const auto file = std::filesystem::path(LFRPLAN_DATA_DIR) / "sources" / "lfr-deployment-records-2020-2023.csv";
    return readDeploymentRecords(readTextFile(file), "sample");
}

const ReportRow &rowOf(const std::vector<ReportRow> &rows, const std::string &period, const std::string &borough)
{
    for (const ReportRow &r : rows)
        if (r.period == period && r.borough == borough)
            return r;
    FAIL("no row " << period << " / " << borough);
    return rows.front();
}

} // namespace

TEST_CASE("records: every row of the published sample is read", "[records]")
{
    const RecordImport in = sample();
    CHECK(in.rows == 32);
    REQUIRE(in.records.size() == 32);
    // Its one flaw: line 5's Year (2020) disagrees with its Date (2022).
    REQUIRE(in.problems.size() == 1);
    CHECK(in.problems[0].line == 5);
    CHECK(in.problems[0].column == "Year");
    CHECK(in.problems[0].cell == "2020");
    CHECK_FALSE(in.problems[0].rowSkipped);
    const DeploymentRecord &r = in.records[3]; // "Oxford Circus 2022 1"
    CHECK(r.line == 5);
    CHECK(formatDate(r.date) == "2022-01-28"); // dated by Date, not Year
    CHECK(r.year == 2020);
    CHECK(r.facesSeen == 12120);
    // "-" is none; "n/a" and blank are not available.
    const DeploymentRecord &fault = in.records[1];
    CHECK(fault.name == "Oxford Circus (technical fault stopped deployment)");
    CHECK_FALSE(fault.facesSeen);
    CHECK(in.records[0].arrests == 0);
    CHECK_FALSE(in.records[0].durationMinutes);
    // Quoted names with commas, h:mm durations, thresholds, curly quotes.
    const DeploymentRecord &bridge = in.records[12];
    CHECK(bridge.name == "Westminster, Bridge Street");
    CHECK(bridge.durationMinutes == 8 * 60 + 9);
    CHECK(bridge.threshold == Approx(0.6));
    CHECK(in.records[9].ward == "Regent\u2019s Park");
    CHECK_FALSE(in.records[26].trueAlertsUnconfirmed); // a blank, not a "-"
    CHECK(in.records[26].trueAlerts() == 5);
}

TEST_CASE("records: bad cells are reported with their line, and nothing is guessed", "[records]")
{
    const std::string text =
        "\xEF\xBB\xBFYear,Date,Deployment,Borough,LFR Use Case,Watchlist size,Faces seen,Total Alerts,"
        "True Alerts Confirmed,True Alerts Unconfirmed,False Alerts Confirmed,False Alerts Unconfirmed,Arrests,"
        "Other Disposal,No Action,Duration,Min Threshold setting,Post code (approx),Ward (approx),Ward Code\r\n"
        "2024,31/02/2024,Bad date,Camden,,1,1,-,-,-,-,-,-,,-,,,,,\r\n"                   // line 2
        "2024,2024-03-05,ISO date,Camden,,\"1,200\",lots,3,1,-,1,-,-,,-,4:75,0.6,,,\r\n" // line 3
        "2024,5 March 2024,\"Two\nlines\",Camden,,1,100,-,-,-,-,-,-,,-,5h 3m,2,,,\r\n"   // lines 4-5
        "2024,06.03.24,Short row,Camden\r\n"                                             // line 6
        ",,No date,Camden,,1,1,-,-,-,-,-,-,,-,,,,,\r\n"                                  // line 7
        "2024,7/3/2024,Fine,Camden,,12,1,,,,,,,,,303 min,,,,\r\n";                       // line 8
    const RecordImport in = readDeploymentRecords(text, "bad.csv");
    CHECK(in.rows == 6);
    REQUIRE(in.records.size() == 3);
    CHECK(formatDate(in.records[0].date) == "2024-03-05");
    CHECK(in.records[0].watchlistSize == 1200);
    CHECK_FALSE(in.records[0].facesSeen);
    CHECK_FALSE(in.records[0].durationMinutes);
    CHECK(in.records[1].name == "Two\nlines");
    CHECK(in.records[1].line == 4);
    CHECK(in.records[1].durationMinutes == 303);
    CHECK(formatDate(in.records[2].date) == "2024-03-07");
    CHECK(in.records[2].durationMinutes == 303);
    const std::vector<std::pair<int, std::string>> expected = {
        {2, "Date"}, {3, "Faces seen"}, {3, "Duration"}, {3, "Total Alerts"}, {4, "Min Threshold setting"},
        {6, ""},     {7, "Date"},
    };
    REQUIRE(in.problems.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO(i << ": " << in.problems[i].message);
        CHECK(in.problems[i].line == expected[i].first);
        CHECK(in.problems[i].column == expected[i].second);
    }
    CHECK(in.problems[0].rowSkipped);
    CHECK(in.problems[1].cell == "lots");
    CHECK(in.problems[3].message.find("add up to 2") != std::string::npos);
    CHECK(in.problems[5].rowSkipped);
    CHECK_THROWS_AS(readDeploymentRecords("a,b\n1,2\n", "x.csv"), InputError);
    CHECK_THROWS_AS(readDeploymentRecords("", "x.csv"), InputError);
}

TEST_CASE("records: dates and durations in the forms published", "[records]")
{
    CHECK(formatDate(*parseRecordDate("02/11/2020")) == "2020-11-02");
    CHECK(formatDate(*parseRecordDate("2/1/22")) == "2022-01-02");
    CHECK(formatDate(*parseRecordDate("28 Jan 2022")) == "2022-01-28");
    CHECK(formatDate(*parseRecordDate("28 January 2022")) == "2022-01-28");
    CHECK(formatDate(*parseRecordDate("28-01-2022")) == "2022-01-28");
    CHECK_FALSE(parseRecordDate("29/02/2023"));
    CHECK_FALSE(parseRecordDate("13/13/2023"));
    CHECK_FALSE(parseRecordDate("28 Janvier 2022"));
    CHECK_FALSE(parseRecordDate("2023"));
    CHECK(parseDurationMinutes("5:03") == 303);
    CHECK(parseDurationMinutes("0:33") == 33);
    CHECK(parseDurationMinutes("1:00:40") == 61);
    CHECK(parseDurationMinutes("6h") == 360);
    CHECK_FALSE(parseDurationMinutes("5:3"));
    CHECK_FALSE(parseDurationMinutes("five hours"));
}

TEST_CASE("report: the sample's totals equal the counts made by hand", "[records][report]")
{
    const auto rows = transparencyReport(sample().records, ReportPeriod::Year, false);
    REQUIRE(rows.size() == 4); // 2020, 2022, 2023 (no 2021 deployments), total
    const ReportRow &y2020 = rowOf(rows, "2020", "all boroughs");
    CHECK(y2020.deployments == 3);
    CHECK(y2020.facesSeen == 4600 + 8600);
    CHECK(y2020.alerts == 8);
    CHECK(y2020.trueAlerts == 1);
    CHECK(y2020.falseAlerts == 7);
    CHECK(y2020.arrests == 1);
    CHECK(y2020.hours == 0.0);
    // 2022 holds the row whose Year says 2020.
    const ReportRow &y2022 = rowOf(rows, "2022", "all boroughs");
    CHECK(y2022.deployments == 6);
    CHECK(y2022.facesSeen == 12120 + 10740 + 34286 + 34360 + 36420 + 16440);
    CHECK(y2022.alerts == 11 + 4 + 3 + 1 + 1);
    CHECK(y2022.trueAlerts == 10 + 4 + 2 + 1);
    CHECK(y2022.falseAlerts == 1 + 1 + 1);
    CHECK(y2022.arrests == 4 + 3 + 1);
    const ReportRow &total = rows.back();
    CHECK(total.period == "all");
    CHECK(total.deployments == 32);
    CHECK(total.deploymentsWithDuration == 23);
    CHECK(total.hours == Approx(7068 / 60.0));
    CHECK(total.facesSeen == 483958);
    CHECK(total.alerts == 86);
    CHECK(total.trueAlerts == 74);
    CHECK(total.falseAlerts == 12);
    CHECK(total.arrests == 43);
    CHECK(*total.falseAlertRatePerAlert() == Approx(12.0 / 86));
    CHECK(*total.falseAlertRatePerFace() == Approx(12.0 / 483958));
    // By month and borough: Croydon in December 2023 is two deployments.
    const auto monthly = transparencyReport(sample().records, ReportPeriod::Month, true);
    const ReportRow &croydon = rowOf(monthly, "2023-12", "Croydon");
    CHECK(croydon.deployments == 4); // George St, North End, two at Selhurst Park
    CHECK(croydon.arrests == 3 + 5);
    CHECK(croydon.hours == Approx((367 + 502 + 94 + 125) / 60.0));
    const std::string csv = reportCsv(rows);
    CHECK(csv.rfind("period,borough,deployments,", 0) == 0);
    CHECK(csv.find("\r\nall,all boroughs,32,23,117.80,483958,86,74,12,") != std::string::npos);
}

TEST_CASE("report: history suggests a value next to the crime-based one", "[records][report]")
{
    const Scenario s = readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json");
    const auto values = historyValues(s, sample().records);
    REQUIRE(!values.empty());
    for (const auto &[id, v] : values) {
        INFO(id);
        CHECK(v.deployments > 0);
        CHECK(v.hours > 0);
        CHECK(v.arrestsPerHour == Approx(v.arrests / v.hours));
        CHECK(v.suggestedValue >= 0);
    }
}
