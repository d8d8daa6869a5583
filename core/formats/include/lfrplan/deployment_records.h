// Published LFR deployment records (issue 6): the public compilation of the
// Met's records (data/sources/lfr-deployment-records-2020-2023.csv), read as
// published. "-" is the publishers' mark for none (0), "n/a" and a blank cell
// mean not available; dates come as dd/mm/yyyy and other forms, durations as
// h:mm. Every cell that cannot be read, and every row that contradicts
// itself, is reported with its line; nothing is guessed silently. Records
// are dated by their Date column, never by Year.
#pragma once

#include "lfrplan/dates.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

struct DeploymentRecord {
    std::string source; // where it came from (a file name, or "lfrplan")
    int line = 0;       // its first line in the source (the header is line 1)
    Date date;
    std::optional<int> year; // the Year column as published (may disagree)
    std::string name;        // "Deployment": the place as published
    std::string borough;
    std::string useCase; // as published; often blank
    std::optional<int> watchlistSize;
    std::optional<int> facesSeen;
    std::optional<int> totalAlerts;
    std::optional<int> trueAlertsConfirmed;
    std::optional<int> trueAlertsUnconfirmed;
    std::optional<int> falseAlertsConfirmed;
    std::optional<int> falseAlertsUnconfirmed;
    std::optional<int> arrests;
    std::optional<int> otherDisposal;
    std::optional<int> noAction;
    std::optional<int> durationMinutes;
    std::optional<double> threshold;
    std::string postcode, ward, wardCode;

    // Alerts: the Total Alerts column, else the sum of the four kinds.
    std::optional<int> alerts() const;
    std::optional<int> trueAlerts() const;  // confirmed + unconfirmed
    std::optional<int> falseAlerts() const; // confirmed + unconfirmed
    bool operator==(const DeploymentRecord &) const = default;
};

struct RecordProblem {
    int line = 0;       // in the source
    std::string column; // as the header names it; empty for the row
    std::string cell;   // the text as published
    std::string message;
    bool rowSkipped = false; // the row could not be read at all
    bool operator==(const RecordProblem &) const = default;
};

struct RecordImport {
    std::vector<DeploymentRecord> records;
    std::vector<RecordProblem> problems;
    int rows = 0; // data rows in the source
};

// Reads the CSV text. Throws InputError only when it is not such a file at
// all (no header, or no Date / Deployment / Borough column).
RecordImport readDeploymentRecords(std::string_view text, const std::string &source);

// Date forms accepted: dd/mm/yyyy, d/m/yy, yyyy-mm-dd, dd-mm-yyyy,
// dd.mm.yyyy, "28 Jan 2022", "28 January 2022".
std::optional<Date> parseRecordDate(std::string_view text);
// Durations: h:mm, h:mm:ss, "5h", "5h 3m", "303 min", "303 mins".
std::optional<int> parseDurationMinutes(std::string_view text);

// The records as CSV in the published column order (dates as ISO).
std::string recordsCsv(const std::vector<DeploymentRecord> &records);

// The header of the Met's published records, column for column, as
// publishedRecordsCsv() writes it (without the line end).
extern const char *const kPublishedRecordsHeader;

// The records in the exact column layout of the Met's published records
// (lfrplan export-records, issue 20), so that a force can publish the file
// as it is and readDeploymentRecords() reads it back: CRLF, Year, Date as
// dd/mm/yyyy, a count of 0 as "-" (the publishers' mark for none), a cell
// not recorded left blank, Duration as h:mm, the threshold in the fewest
// digits that read back exactly. Text a spreadsheet would take for a
// formula (= + - @, a tab or a CR first), or text starting with an
// apostrophe, gets a leading apostrophe, which the reader removes
// (docs/safeguards.md). Before returning, it reads its own text back and
// throws InputError naming the first record (its source and line, date and
// name) and the column that would not read back as it is, or the records'
// number when a file could not hold them: no record is lost or altered.
std::string publishedRecordsCsv(const std::vector<DeploymentRecord> &records);

// The first published column in which two records differ (everything but
// source and line); empty when they read back as the same record.
std::string publishedDifference(const DeploymentRecord &a, const DeploymentRecord &b);

} // namespace lfr
