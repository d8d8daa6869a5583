#include "lfrplan/deployment_records.h"

#include "lfrplan/csv_export.h"
#include "lfrplan/errors.h"
#include "lfrplan/input_limits.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>

namespace lfr {

namespace {

// Spaces, tabs, line breaks and leading no-break spaces (U+00A0, as a
// whole: its first byte alone also starts "£" or "©").
std::string trim(std::string_view s)
{
    while (!s.empty()) {
        if (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')
            s.remove_prefix(1);
        else if (s.substr(0, 2) == "\xC2\xA0")
            s.remove_prefix(2);
        else
            break;
    }
    const auto e = s.find_last_not_of(" \t\r\n");
    if (e == std::string_view::npos)
        return {};
    return std::string(s.substr(0, e + 1));
}

// A text cell without the apostrophe that keeps a spreadsheet from taking it
// for a formula: removed when it comes before = + - @, a tab, a CR or
// another apostrophe, as publishedRecordsCsv() writes it and as a
// spreadsheet shows it.
std::string unguarded(std::string s)
{
    if (s.size() >= 2 && s[0] == '\'' && std::string_view("=+-@\t\r'").find(s[1]) != std::string_view::npos)
        s.erase(0, 1);
    return s;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// RFC 4180 records with the line each starts on; a UTF-8 BOM is skipped.
// A line ends at LF, CRLF or a lone CR, inside quotes as outside, so that
// every problem names the line an editor shows. An unterminated quote is
// reported through `unterminatedLine`; a cell, a row or a file past the
// limits of input_limits.h is refused while reading.
struct CsvRow {
    int line = 0; // where the row starts
    std::vector<std::string> cells;
    std::vector<int> cellLines; // where each cell starts (a quoted cell may hold line breaks)
};

class CsvReader {
public:
    CsvReader(std::string_view text, const std::string &source) : text_(text), source_(source) {}

    std::vector<CsvRow> read(int &unterminatedLine)
    {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF")
            text_.remove_prefix(3);
        bool inQuotes = false, any = false;
        int quoteStart = 0;
        unterminatedLine = 0;
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const char c = text_[i];
            const bool lineBreak = c == '\n' || c == '\r';
            if (lineBreak && c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') {
                if (inQuotes)
                    add(c);
                ++i; // CRLF is one line break
            }
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text_.size() && text_[i + 1] == '"') {
                        add('"');
                        ++i;
                    } else {
                        inQuotes = false;
                    }
                    continue;
                }
                add(text_[i]);
                if (lineBreak)
                    ++line_;
                continue;
            }
            if (c == '"' && cell_.find_first_not_of(" \t") == std::string::npos) {
                cell_.clear();
                inQuotes = any = true;
                quoteStart = line_;
                cellLine_ = line_;
            } else if (c == ',') {
                endCell();
                any = true;
            } else if (lineBreak) {
                if (any || !cell_.empty())
                    endRow();
                row_ = CsvRow{++line_, {}, {}};
                cellLine_ = line_;
                any = false;
            } else {
                add(c);
                any = true;
            }
        }
        if (inQuotes)
            unterminatedLine = quoteStart;
        if (any || !cell_.empty())
            endRow();
        return std::move(rows_);
    }

private:
    void add(char c)
    {
        if (cell_.size() >= kMaxCsvCellBytes)
            refuse(cellLine_, "cell " + std::to_string(row_.cells.size() + 1) + columnName() + " is longer than " +
                                  std::to_string(kMaxCsvCellBytes) + " bytes, the limit of a cell");
        cell_ += c;
    }

    void endCell()
    {
        if (row_.cells.size() >= kMaxCsvColumns)
            refuse(row_.line, "more than " + std::to_string(kMaxCsvColumns) + " cells in one row, the limit of a row");
        row_.cells.push_back(std::move(cell_));
        row_.cellLines.push_back(cellLine_);
        cell_.clear();
        cellLine_ = line_;
    }

    void endRow()
    {
        endCell();
        if (rows_.size() > kMaxRecordRows) // the header and kMaxRecordRows records
            refuse(row_.line, "more than " + std::to_string(kMaxRecordRows) + " records, the limit of a file");
        rows_.push_back(std::move(row_));
    }

    // " (column \"Deployment\")" once the header is read.
    std::string columnName() const
    {
        const std::size_t index = row_.cells.size();
        if (rows_.empty() || index >= rows_.front().cells.size())
            return {};
        return " (column \"" + printableExcerpt(rows_.front().cells[index], 40) + "\")";
    }

    [[noreturn]] void refuse(int line, const std::string &detail) const
    {
        throw InputError(source_, "line " + std::to_string(line) + ": " + detail +
                                      ": not a file of deployment records (see docs/cli.md)");
    }

    std::string_view text_;
    const std::string &source_;
    std::vector<CsvRow> rows_;
    CsvRow row_{1, {}, {}};
    std::string cell_;
    int line_ = 1;
    int cellLine_ = 1;
};

// A whole number, with thousands separators allowed where they belong
// ("12,120"; not "1,21").
std::optional<long long> wholeNumber(std::string_view s)
{
    std::string digits;
    if (s.find(',') != std::string_view::npos) {
        const auto first = s.find(',');
        if (first == 0 || first > 3)
            return std::nullopt;
        for (std::size_t i = first; i < s.size(); ++i)
            if (((i - first) % 4 == 0) != (s[i] == ','))
                return std::nullopt;
        if ((s.size() - first) % 4 != 0) // the last group has 3 digits
            return std::nullopt;
        for (const char c : s)
            if (c != ',')
                digits += c;
    } else {
        digits = s;
    }
    long long v = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty())
        return std::nullopt;
    return v;
}

constexpr std::array<const char *, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                  "jul", "aug", "sep", "oct", "nov", "dec"};

bool validDay(int y, int m, int d)
{
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
        return false;
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[static_cast<std::size_t>(m - 1)] + (m == 2 && leap ? 1 : 0);
}

std::optional<Date> civil(int y, int m, int d)
{
    if (!validDay(y, m, d))
        return std::nullopt;
    return dateFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

} // namespace

std::optional<Date> parseRecordDate(std::string_view raw)
{
    const std::string s = trim(raw);
    int a = 0, b = 0, c = 0, n = 0;
    char sep1 = 0, sep2 = 0;
    n = -1;
    if (std::sscanf(s.c_str(), "%d%c%d%c%d%n", &a, &sep1, &b, &sep2, &c, &n) == 5 &&
        static_cast<std::size_t>(n) == s.size() && sep1 == sep2 && (sep1 == '/' || sep1 == '-' || sep1 == '.')) {
        if (sep1 == '-' && s.find('-') == 4) // yyyy-mm-dd
            return civil(a, b, c);
        const std::size_t yearDigits = s.size() - s.rfind(sep2) - 1;
        if (yearDigits == 2)
            c += 2000; // dd/mm/yy: these records start in 2016
        else if (yearDigits != 4)
            return std::nullopt;
        return civil(c, b, a); // day first, as published in the UK
    }
    char month[16] = {};
    n = -1;
    if (std::sscanf(s.c_str(), "%d %15[A-Za-z] %d%n", &a, month, &c, &n) == 3 &&
        static_cast<std::size_t>(n) == s.size()) {
        const std::string m = lower(month);
        for (std::size_t i = 0; i < kMonths.size(); ++i)
            if (m.size() >= 3 && std::string(kMonths[i]).compare(0, 3, m, 0, 3) == 0 &&
                (m.size() == 3 || std::string("january february march april may june july august september "
                                              "october november december")
                                          .find(m) != std::string::npos))
                return civil(c, static_cast<int>(i) + 1, a);
    }
    return std::nullopt;
}

std::optional<int> parseDurationMinutes(std::string_view raw)
{
    const std::string s = lower(trim(raw));
    int h = 0, m = 0, sec = 0, n = 0;
    n = -1;
    if (std::sscanf(s.c_str(), "%d:%d:%d%n", &h, &m, &sec, &n) == 3 && static_cast<std::size_t>(n) == s.size() &&
        h >= 0 && m >= 0 && m < 60 && sec >= 0 && sec < 60)
        return h * 60 + m + (sec >= 30 ? 1 : 0);
    n = -1;
    if (std::sscanf(s.c_str(), "%d:%d%n", &h, &m, &n) == 2 && static_cast<std::size_t>(n) == s.size() && h >= 0 &&
        m >= 0 && m < 60 && s.find(':') + 3 == s.size())
        return h * 60 + m;
    n = -1;
    if (std::sscanf(s.c_str(), "%dh %dm%n", &h, &m, &n) == 2 && static_cast<std::size_t>(n) == s.size() && h >= 0 &&
        m >= 0 && m < 60)
        return h * 60 + m;
    n = -1;
    if (std::sscanf(s.c_str(), "%dh%n", &h, &n) == 1 && static_cast<std::size_t>(n) == s.size() && h >= 0)
        return h * 60;
    char unit[8] = {};
    n = -1;
    if (std::sscanf(s.c_str(), "%d %7[a-z]%n", &m, unit, &n) == 2 && static_cast<std::size_t>(n) == s.size() &&
        m >= 0 && (std::string(unit) == "min" || std::string(unit) == "mins"))
        return m;
    return std::nullopt;
}

namespace {
std::optional<int> sum(std::initializer_list<std::optional<int>> parts)
{
    int total = 0;
    bool any = false;
    for (const auto &p : parts)
        if (p) {
            total += *p;
            any = true;
        }
    return any ? std::optional<int>(total) : std::nullopt;
}
} // namespace

std::optional<int> DeploymentRecord::alerts() const
{
    if (totalAlerts)
        return totalAlerts;
    return sum({trueAlertsConfirmed, trueAlertsUnconfirmed, falseAlertsConfirmed, falseAlertsUnconfirmed});
}
std::optional<int> DeploymentRecord::trueAlerts() const { return sum({trueAlertsConfirmed, trueAlertsUnconfirmed}); }
std::optional<int> DeploymentRecord::falseAlerts() const { return sum({falseAlertsConfirmed, falseAlertsUnconfirmed}); }

namespace {

// How a spreadsheet user saves a file as UTF-8.
constexpr const char *kSaveAsUtf8 =
    "save it as UTF-8 (in Excel: Save As \"CSV UTF-8 (Comma delimited)\"; in LibreOffice: Save As \"Text CSV\" "
    "with Character set \"Unicode (UTF-8)\")";

// Refuses, by name, a file that is not UTF-8 (UTF-16, Latin-1...).
void checkEncoding(std::string_view text, const std::string &source)
{
    const auto problem = findEncodingProblem(text);
    if (!problem)
        return;
    const std::string where =
        problem->wholeFile ? std::string() : "line " + std::to_string(lineOfOffset(text, problem->offset)) + ": ";
    throw InputError(source, where + problem->detail + "; " + kSaveAsUtf8);
}

RecordImport readRecords(std::string_view text, const std::string &source)
{
    checkEncoding(text, source);
    int unterminated = 0;
    const std::vector<CsvRow> rows = CsvReader(text, source).read(unterminated);
    if (rows.empty())
        throw InputError(source, "no header row: not a file of deployment records");
    // Columns by their published names, case and spacing aside.
    std::map<std::string, std::size_t> column;
    const std::vector<std::string> &header = rows.front().cells;
    for (std::size_t i = 0; i < header.size(); ++i)
        column.emplace(lower(trim(header[i])), i);
    for (const char *required : {"date", "deployment", "borough"})
        if (!column.count(required))
            throw InputError(source, std::string("line 1: no \"") + required +
                                         "\" column: not a file of deployment records in the published format");
    RecordImport out;
    if (unterminated)
        out.problems.push_back(
            {unterminated, {}, {}, "a quoted cell is never closed; the rest of the file is in it", true});
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow &row = rows[r];
        ++out.rows;
        // A cell's problem names the line the cell is on; a row's, its first.
        const auto problem = [&](const std::string &col, const std::string &cell, const std::string &message,
                                 bool skipped = false) {
            int line = row.line;
            for (std::size_t c = 0; !col.empty() && c < header.size() && c < row.cellLines.size(); ++c)
                if (header[c] == col) {
                    line = row.cellLines[c];
                    break;
                }
            out.problems.push_back({line, printableExcerpt(col, 80), printableExcerpt(cell, 80), message, skipped});
        };
        if (row.cells.size() != header.size()) {
            problem({}, {},
                    "has " + std::to_string(row.cells.size()) + " cells; the header has " +
                        std::to_string(header.size()) + " (row not read: its cells cannot be matched to columns)",
                    true);
            continue;
        }
        const auto cellOf = [&](const char *name) -> std::pair<std::string, std::string> {
            const auto it = column.find(name);
            if (it == column.end())
                return {};
            return {header[it->second], trim(row.cells[it->second])};
        };
        // Tabs and line breaks may be in a quoted cell; no other control
        // character may (it would be printed to a terminal as a command).
        const auto control = [&]() -> bool {
            for (std::size_t c = 0; c < row.cells.size(); ++c)
                if (const auto what = findControlCharacter(row.cells[c], true)) {
                    problem(header[c], row.cells[c],
                            "contains " + *what + "; a cell must not contain control characters (row not read)", true);
                    return true;
                }
            return false;
        };
        if (control())
            continue;
        DeploymentRecord rec;
        rec.source = source;
        rec.line = row.line;
        const auto [dateCol, dateText] = cellOf("date");
        const auto date = parseRecordDate(dateText);
        if (!date) {
            problem(dateCol, dateText,
                    dateText.empty() ? "no date (row not read)" : "not a date in any known form (row not read)", true);
            continue;
        }
        rec.date = *date;
        const auto cellText = [&](const char *name) { return unguarded(cellOf(name).second); };
        rec.name = cellText("deployment");
        rec.borough = cellText("borough");
        rec.useCase = cellText("lfr use case");
        rec.postcode = cellText("post code (approx)");
        rec.ward = cellText("ward (approx)");
        rec.wardCode = cellText("ward code");
        // A count: "-" is none (0); "n/a" and blank are not available.
        const auto count = [&](const char *name, std::optional<int> &into) {
            const auto [col, cell] = cellOf(name);
            const std::string l = lower(cell);
            if (cell.empty() || l == "n/a" || l == "na")
                return;
            if (cell == "-" || cell == "\xE2\x80\x93") { // hyphen or en dash
                into = 0;
                return;
            }
            const auto v = wholeNumber(cell);
            if (!v || *v < 0 || *v > 100000000)
                problem(col, cell, "not a count (left empty)");
            else
                into = static_cast<int>(*v);
        };
        count("watchlist size", rec.watchlistSize);
        count("faces seen", rec.facesSeen);
        count("total alerts", rec.totalAlerts);
        count("true alerts confirmed", rec.trueAlertsConfirmed);
        count("true alerts unconfirmed", rec.trueAlertsUnconfirmed);
        count("false alerts confirmed", rec.falseAlertsConfirmed);
        count("false alerts unconfirmed", rec.falseAlertsUnconfirmed);
        count("arrests", rec.arrests);
        count("other disposal", rec.otherDisposal);
        count("no action", rec.noAction);
        if (const auto [col, cell] = cellOf("duration"); !cell.empty() && cell != "-" && lower(cell) != "n/a") {
            rec.durationMinutes = parseDurationMinutes(cell);
            if (!rec.durationMinutes)
                problem(col, cell, "not a duration (h:mm expected; left empty)");
        }
        if (const auto [col, cell] = cellOf("min threshold setting");
            !cell.empty() && cell != "-" && lower(cell) != "n/a") {
            double v = -1;
            const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), v);
            if (ec != std::errc() || end != cell.data() + cell.size() || v < 0 || v > 1)
                problem(col, cell, "not a threshold between 0 and 1 (left empty)");
            else
                rec.threshold = v;
        }
        if (const auto [col, cell] = cellOf("year"); !cell.empty()) {
            const auto y = wholeNumber(cell);
            int yy = 0;
            unsigned mm = 0, dd = 0;
            civilFromDate(rec.date, yy, mm, dd);
            if (!y)
                problem(col, cell, "not a year (the record is dated by its Date column)");
            else if (*y != yy)
                problem(col, cell,
                        "disagrees with the Date " + dateText + " (" + std::to_string(yy) +
                            "); the record is dated by its Date");
            if (y)
                rec.year = static_cast<int>(*y);
        }
        // The row against itself: the alert kinds add up to Total Alerts.
        const auto parts = sum(
            {rec.trueAlertsConfirmed, rec.trueAlertsUnconfirmed, rec.falseAlertsConfirmed, rec.falseAlertsUnconfirmed});
        if (rec.totalAlerts && parts && *parts != *rec.totalAlerts)
            problem(cellOf("total alerts").first, std::to_string(*rec.totalAlerts),
                    "Total Alerts is " + std::to_string(*rec.totalAlerts) + " but the four kinds add up to " +
                        std::to_string(*parts));
        out.records.push_back(std::move(rec));
    }
    return out;
}

} // namespace

RecordImport readDeploymentRecords(std::string_view text, const std::string &source)
{
    try {
        return readRecords(text, source);
    } catch (const std::bad_alloc &) {
        throw InputError(source, "out of memory while reading the records: the file is too large for this machine's "
                                 "memory");
    }
}

std::string recordsCsv(const std::vector<DeploymentRecord> &records)
{
    std::string out = "date,deployment,borough,use_case,watchlist_size,faces_seen,total_alerts,true_alerts_confirmed,"
                      "true_alerts_unconfirmed,false_alerts_confirmed,false_alerts_unconfirmed,arrests,"
                      "other_disposal,no_action,duration_minutes,threshold,postcode,ward,ward_code,source,line\r\n";
    const auto n = [](const std::optional<int> &v) { return v ? std::to_string(*v) : std::string(); };
    for (const DeploymentRecord &r : records) {
        char threshold[32] = {};
        if (r.threshold)
            std::snprintf(threshold, sizeof threshold, "%g", *r.threshold);
        const std::vector<std::string> cells = {formatDate(r.date),
                                                csvTextField(r.name),
                                                csvTextField(r.borough),
                                                csvTextField(r.useCase),
                                                n(r.watchlistSize),
                                                n(r.facesSeen),
                                                n(r.totalAlerts),
                                                n(r.trueAlertsConfirmed),
                                                n(r.trueAlertsUnconfirmed),
                                                n(r.falseAlertsConfirmed),
                                                n(r.falseAlertsUnconfirmed),
                                                n(r.arrests),
                                                n(r.otherDisposal),
                                                n(r.noAction),
                                                n(r.durationMinutes),
                                                threshold,
                                                csvTextField(r.postcode),
                                                csvTextField(r.ward),
                                                csvTextField(r.wardCode),
                                                csvTextField(r.source),
                                                std::to_string(r.line)};
        for (std::size_t i = 0; i < cells.size(); ++i)
            out += (i ? "," : "") + cells[i];
        out += "\r\n";
    }
    return out;
}

} // namespace lfr
