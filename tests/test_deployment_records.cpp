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
        {2, "Date"},
        {3, "Faces seen"},
        {3, "Duration"},
        {3, "Total Alerts"},
        {5, "Min Threshold setting"}, // the row starts on line 4; this cell is on line 5, after "Two\nlines"
        {6, ""},
        {7, "Date"},
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

// ---- Issue 18, finding 17: encodings, line numbers, limits ------------------------

namespace {

const std::string kHeader = "Year,Date,Deployment,Borough,Duration\r\n";

std::string row(const std::string &date, const std::string &name, const std::string &duration = "1:00")
{
    return "2022," + date + "," + name + ",Camden," + duration + "\r\n";
}

InputError recordsError(const std::string &text)
{
    try {
        readDeploymentRecords(text, "r.csv");
    } catch (const InputError &e) {
        return e;
    }
    FAIL("expected an InputError");
    throw std::logic_error("unreachable");
}

std::string utf16(const std::string &ascii, bool bigEndian)
{
    std::string out;
    for (const char c : ascii) {
        if (bigEndian)
            out += '\0';
        out += c;
        if (!bigEndian)
            out += '\0';
    }
    return out;
}

} // namespace

TEST_CASE("records: a Latin-1 (Windows-1252) file is refused naming the line and the byte", "[records][encoding]")
{
    const std::string text = kHeader + row("28/01/2022", "Oxford Circus") + row("29/01/2022", "Regent\x92s Park") +
                             row("30/01/2022", "Zo\xEB Street");
    const InputError e = recordsError(text);
    CHECK(e.where() == "r.csv");
    CHECK_THAT(e.detail(),
               Catch::StartsWith("line 3: byte 0x92 is not UTF-8 (in Windows-1252 it is \"\xE2\x80\x99\")"));
    CHECK_THAT(e.detail(), Catch::Contains("the file looks like Latin-1 (Windows-1252)") &&
                               Catch::Contains("CSV UTF-8") && Catch::Contains("Unicode (UTF-8)"));
    // The published sample, saved as Windows-1252 by a spreadsheet.
    std::string sample =
        readTextFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "sources" / "lfr-deployment-records-2020-2023.csv");
    const auto quote = sample.find("\xE2\x80\x99"); // Regent's Park's curly quote
    REQUIRE(quote != std::string::npos);
    const auto line = std::count(sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(quote), '\n') + 1;
    sample.replace(quote, 3, "\x92");
    CHECK_THAT(recordsError(sample).detail(), Catch::StartsWith("line " + std::to_string(line) + ": byte 0x92"));
}

TEST_CASE("records: a UTF-16 file is refused by name, with a byte-order mark or without", "[records][encoding]")
{
    const std::string text = kHeader + row("28/01/2022", "Oxford Circus");
    for (const auto &[bytes, order] : std::vector<std::pair<std::string, std::string>>{
             {"\xFF\xFE" + utf16(text, false), "little-endian, with a byte-order mark"},
             {"\xFE\xFF" + utf16(text, true), "big-endian, with a byte-order mark"},
             {utf16(text, false), "little-endian; every other byte is 0"},
             {utf16(text, true), "big-endian; every other byte is 0"}}) {
        const InputError e = recordsError(bytes);
        CHECK_THAT(e.detail(), Catch::StartsWith("the file is UTF-16 (" + order + "), not UTF-8; save it as UTF-8"));
    }
    CHECK_THAT(recordsError(kHeader + std::string("2022,\0", 6)).detail(), Catch::StartsWith("line 2: byte 0x00"));
    // A UTF-8 byte-order mark is read and skipped.
    const RecordImport bom = readDeploymentRecords("\xEF\xBB\xBF" + text, "r.csv");
    CHECK(bom.records.size() == 1);
    CHECK(bom.problems.empty());
}

TEST_CASE("records: problems name the line an editor shows, whatever the line ends", "[records][lines]")
{
    // A bad cell on line 5, with CRLF, LF and lone CR line ends.
    for (const std::string eol : {"\r\n", "\n", "\r"}) {
        std::string text = "Year,Date,Deployment,Borough,Duration" + eol;
        for (const auto &[date, duration] : std::vector<std::pair<std::string, std::string>>{
                 {"1/1/2022", "1:00"}, {"2/1/2022", "1:00"}, {"3/1/2022", "1:00"}, {"4/1/2022", "soon"}})
            text += "2022," + date + ",Place,Camden," + duration + eol;
        const RecordImport in = readDeploymentRecords(text, "r.csv");
        REQUIRE(in.problems.size() == 1);
        CHECK(in.problems[0].line == 5);
    }
    // Quoted cells holding line breaks (CRLF, LF, lone CR): each break counts.
    for (const std::string inner : {"\r\n", "\n", "\r"}) {
        INFO("inner line break of " << inner.size() << " bytes");
        const std::string text = kHeader +                                                                 // line 1
                                 row("1/1/2022", "\"Two" + inner + "lines\"") +                            // lines 2-3
                                 row("2/1/2022", "\"Three" + inner + "more" + inner + "lines\"", "soon") + // 4-6
                                 row("31/02/2022", "Bad date");                                            // line 7
        const RecordImport in = readDeploymentRecords(text, "r.csv");
        REQUIRE(in.problems.size() == 2);
        CHECK(in.problems[0].line == 6); // the Duration cell, after the name's two line breaks
        CHECK(in.problems[0].column == "Duration");
        CHECK(in.problems[1].line == 7);
        REQUIRE(in.records.size() == 2);
        CHECK(in.records[1].line == 4); // a record starts where its row does
        CHECK(in.records[0].name == "Two" + inner + "lines");
    }
}

TEST_CASE("records: a cell, a row or a file past the limits is refused with its line", "[records][limits]")
{
    const std::string longCell(65537, 'x');
    const InputError cell = recordsError(kHeader + row("1/1/2022", "Place") + row("2/1/2022", longCell));
    CHECK_THAT(cell.detail(),
               Catch::StartsWith("line 3: cell 3 (column \"Deployment\") is longer than 65536 bytes, the limit"));
    CHECK(readDeploymentRecords(kHeader + row("2/1/2022", std::string(65536, 'x')), "r.csv").records.size() == 1);
    const InputError wide = recordsError(kHeader + std::string(2000, ','));
    CHECK_THAT(wide.detail(), Catch::StartsWith("line 2: more than 1000 cells in one row"));
    std::string many = kHeader;
    for (int i = 0; i < 100001; ++i)
        many += "2022,1/1/2022,P,C,\n";
    const InputError rows = recordsError(many);
    CHECK_THAT(rows.detail(), Catch::StartsWith("line 100002: more than 100000 records"));
    many.resize(many.size() - std::string("2022,1/1/2022,P,C,\n").size());
    CHECK(readDeploymentRecords(many, "r.csv").records.size() == 100000);
}

TEST_CASE("records: a cell with a control character is reported, shown escaped, and its row not read",
          "[records][limits]")
{
    const RecordImport in = readDeploymentRecords(
        kHeader + row("1/1/2022", "\x1B[2JPlace") + row("2/1/2022", "\"Tab\tand\r\nbreak\""), "r.csv");
    REQUIRE(in.problems.size() == 1);
    CHECK(in.problems[0].line == 2);
    CHECK(in.problems[0].column == "Deployment");
    CHECK(in.problems[0].cell == "\\u001B[2JPlace");
    CHECK_THAT(in.problems[0].message, Catch::StartsWith("contains U+001B (escape)"));
    CHECK(in.problems[0].rowSkipped);
    REQUIRE(in.records.size() == 1);
    CHECK(in.records[0].name == "Tab\tand\r\nbreak");
}
