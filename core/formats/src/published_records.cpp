// Deployment records written in the Met's published layout (issue 20, part
// 4): the file import-records reads, so that a force can publish what
// lfrplan holds as it is. What each column holds: docs/safeguards.md.
#include "lfrplan/csv_export.h"
#include "lfrplan/deployment_records.h"
#include "lfrplan/errors.h"
#include "lfrplan/input_limits.h"

#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

namespace lfr {

const char *const kPublishedRecordsHeader =
    "Year,Date,Deployment,Borough,LFR Use Case,Watchlist size,Faces seen,Total Alerts,True Alerts Confirmed,"
    "True Alerts Unconfirmed,False Alerts Confirmed,False Alerts Unconfirmed,Arrests,Other Disposal,No Action,"
    "Duration,Min Threshold setting,Post code (approx),Ward (approx),Ward Code";

namespace {

// Text as a cell: an apostrophe first when a spreadsheet would run it as a
// formula (csvTextField) or when it starts with an apostrophe itself (so
// that the reader, which removes one, gives the text back as it was).
std::string textCell(const std::string &text)
{
    return csvTextField(!text.empty() && text.front() == '\'' ? "'" + text : text);
}

// A count: "-" for none, as published; blank when not recorded.
std::string countCell(const std::optional<int> &v)
{
    if (!v)
        return {};
    return *v == 0 ? std::string("-") : std::to_string(*v);
}

std::string dateCell(Date date)
{
    int y = 0;
    unsigned m = 0, d = 0;
    civilFromDate(date, y, m, d);
    char text[32];
    std::snprintf(text, sizeof text, "%02u/%02u/%04d", d, m, y);
    return text;
}

// h:mm; a negative duration is written as a number, which the check after
// writing refuses by name.
std::string durationCell(const std::optional<int> &minutes)
{
    if (!minutes)
        return {};
    if (*minutes < 0)
        return std::to_string(*minutes);
    char text[32];
    std::snprintf(text, sizeof text, "%d:%02d", *minutes / 60, *minutes % 60);
    return text;
}

// The shortest text that reads back as the same double.
std::string thresholdCell(const std::optional<double> &threshold)
{
    if (!threshold)
        return {};
    char text[64];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, *threshold);
    return ec == std::errc() ? std::string(text, end) : std::string("?");
}

std::string row(const DeploymentRecord &r)
{
    const std::vector<std::string> cells = {r.year ? std::to_string(*r.year) : std::string(),
                                            dateCell(r.date),
                                            textCell(r.name),
                                            textCell(r.borough),
                                            textCell(r.useCase),
                                            countCell(r.watchlistSize),
                                            countCell(r.facesSeen),
                                            countCell(r.totalAlerts),
                                            countCell(r.trueAlertsConfirmed),
                                            countCell(r.trueAlertsUnconfirmed),
                                            countCell(r.falseAlertsConfirmed),
                                            countCell(r.falseAlertsUnconfirmed),
                                            countCell(r.arrests),
                                            countCell(r.otherDisposal),
                                            countCell(r.noAction),
                                            durationCell(r.durationMinutes),
                                            thresholdCell(r.threshold),
                                            textCell(r.postcode),
                                            textCell(r.ward),
                                            textCell(r.wardCode)};
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i)
        out += (i ? "," : "") + cells[i];
    return out + "\r\n";
}

std::string describe(const DeploymentRecord &r)
{
    std::string where = r.source.empty() ? std::string("a record") : r.source;
    if (r.line > 0)
        where += " line " + std::to_string(r.line);
    return where + " (" + formatDate(r.date) + ", \"" + printableExcerpt(r.name, 80) + "\")";
}

// Why one record's row would not read back as the record; empty when it does.
std::string rowProblem(const DeploymentRecord &r)
{
    RecordImport back;
    try {
        back = readDeploymentRecords(std::string(kPublishedRecordsHeader) + "\r\n" + row(r), "the records written");
    } catch (const InputError &e) {
        return e.detail();
    }
    if (back.records.size() != 1) {
        for (const RecordProblem &p : back.problems)
            if (p.rowSkipped)
                return (p.column.empty() ? std::string() : "column \"" + p.column + "\": ") + p.message;
        return "its row would not be read";
    }
    if (const std::string column = publishedDifference(r, back.records.front()); !column.empty())
        return "column \"" + column + "\" would not read back as it is";
    return {};
}

} // namespace

std::string publishedDifference(const DeploymentRecord &a, const DeploymentRecord &b)
{
    const std::vector<std::pair<const char *, bool>> same = {
        {"Year", a.year == b.year},
        {"Date", a.date == b.date},
        {"Deployment", a.name == b.name},
        {"Borough", a.borough == b.borough},
        {"LFR Use Case", a.useCase == b.useCase},
        {"Watchlist size", a.watchlistSize == b.watchlistSize},
        {"Faces seen", a.facesSeen == b.facesSeen},
        {"Total Alerts", a.totalAlerts == b.totalAlerts},
        {"True Alerts Confirmed", a.trueAlertsConfirmed == b.trueAlertsConfirmed},
        {"True Alerts Unconfirmed", a.trueAlertsUnconfirmed == b.trueAlertsUnconfirmed},
        {"False Alerts Confirmed", a.falseAlertsConfirmed == b.falseAlertsConfirmed},
        {"False Alerts Unconfirmed", a.falseAlertsUnconfirmed == b.falseAlertsUnconfirmed},
        {"Arrests", a.arrests == b.arrests},
        {"Other Disposal", a.otherDisposal == b.otherDisposal},
        {"No Action", a.noAction == b.noAction},
        {"Duration", a.durationMinutes == b.durationMinutes},
        {"Min Threshold setting", a.threshold == b.threshold},
        {"Post code (approx)", a.postcode == b.postcode},
        {"Ward (approx)", a.ward == b.ward},
        {"Ward Code", a.wardCode == b.wardCode}};
    for (const auto &[column, equal] : same)
        if (!equal)
            return column;
    return {};
}

std::string publishedRecordsCsv(const std::vector<DeploymentRecord> &records)
{
    if (records.size() > kMaxRecordRows)
        throw InputError("the records", std::to_string(records.size()) + " records: more than import-records reads " +
                                            "from one file (" + std::to_string(kMaxRecordRows) +
                                            "); write a shorter period (--from, --to); nothing written");
    std::string out = std::string(kPublishedRecordsHeader) + "\r\n";
    for (const DeploymentRecord &r : records)
        out += row(r);
    // Read back as import-records would: every record, each as it was.
    bool whole = false;
    try {
        const RecordImport back = readDeploymentRecords(out, "the records written");
        whole = back.records.size() == records.size();
        for (std::size_t i = 0; whole && i < records.size(); ++i)
            whole = publishedDifference(records[i], back.records[i]).empty();
    } catch (const InputError &) {
        whole = false; // found below, record by record
    }
    if (whole)
        return out;
    for (const DeploymentRecord &r : records)
        if (const std::string problem = rowProblem(r); !problem.empty())
            throw InputError(describe(r), "cannot be written in the published layout without being altered: " +
                                              problem + "; nothing written");
    throw InputError("the records", "the file written would not read back as the records; nothing written");
}

} // namespace lfr
