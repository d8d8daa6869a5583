#include "lfrplan/transparency.h"

#include "lfrplan/csv_export.h"
#include "lfrplan/storage.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <tuple>

namespace lfr {

namespace {

std::string periodOf(Date date, ReportPeriod period)
{
    int y = 0;
    unsigned m = 0, d = 0;
    civilFromDate(date, y, m, d);
    char text[16];
    if (period == ReportPeriod::Year)
        std::snprintf(text, sizeof text, "%04d", y);
    else
        std::snprintf(text, sizeof text, "%04d-%02u", y, m);
    return text;
}

void add(ReportRow &row, const DeploymentRecord &r)
{
    ++row.deployments;
    if (r.durationMinutes) {
        ++row.deploymentsWithDuration;
        row.hours += *r.durationMinutes / 60.0;
    }
    row.facesSeen += r.facesSeen.value_or(0);
    row.alerts += r.alerts().value_or(0);
    row.trueAlerts += r.trueAlerts().value_or(0);
    row.falseAlerts += r.falseAlerts().value_or(0);
    row.arrests += r.arrests.value_or(0);
}

std::string fixed(double v, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

std::string rate(const std::optional<double> &v)
{
    if (!v)
        return {};
    char text[64];
    std::snprintf(text, sizeof text, "%.6g", *v);
    return text;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

std::optional<double> ReportRow::falseAlertRatePerFace() const
{
    if (facesSeen == 0)
        return std::nullopt;
    return static_cast<double>(falseAlerts) / static_cast<double>(facesSeen);
}

std::optional<double> ReportRow::falseAlertRatePerAlert() const
{
    if (alerts == 0)
        return std::nullopt;
    return static_cast<double>(falseAlerts) / alerts;
}

std::vector<ReportRow> transparencyReport(const std::vector<DeploymentRecord> &records, ReportPeriod period,
                                          bool byBorough)
{
    std::map<std::pair<std::string, std::string>, ReportRow> groups;
    ReportRow total;
    total.period = "all";
    total.borough = "all boroughs";
    for (const DeploymentRecord &r : records) {
        const std::string p = periodOf(r.date, period);
        const std::string b = byBorough ? (r.borough.empty() ? "(no borough)" : r.borough) : "all boroughs";
        ReportRow &row = groups[{p, b}];
        row.period = p;
        row.borough = b;
        add(row, r);
        add(total, r);
    }
    std::vector<ReportRow> out;
    for (auto &[key, row] : groups)
        out.push_back(row);
    out.push_back(total);
    return out;
}

std::string reportCsv(const std::vector<ReportRow> &rows)
{
    std::string out = "period,borough,deployments,deployments_with_duration,hours,faces_seen,alerts,true_alerts,"
                      "false_alerts,false_alert_rate_per_face,false_alert_rate_per_alert,arrests\r\n";
    for (const ReportRow &r : rows)
        out += r.period + "," + csvTextField(r.borough) + "," + std::to_string(r.deployments) + "," +
               std::to_string(r.deploymentsWithDuration) + "," + fixed(r.hours, 2) + "," + std::to_string(r.facesSeen) +
               "," + std::to_string(r.alerts) + "," + std::to_string(r.trueAlerts) + "," +
               std::to_string(r.falseAlerts) + "," + rate(r.falseAlertRatePerFace()) + "," +
               rate(r.falseAlertRatePerAlert()) + "," + std::to_string(r.arrests) + "\r\n";
    return out;
}

std::string reportTable(const std::vector<ReportRow> &rows)
{
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%-8s %-22s %5s %8s %9s %6s %5s %5s %14s %12s %7s\n", "period", "borough", "depl.",
                  "hours", "faces", "alerts", "true", "false", "false/face", "false/alert", "arrests");
    out += line;
    for (const ReportRow &r : rows) {
        const auto pct = [](const std::optional<double> &v, double scale) {
            return v ? fixed(*v * scale, 4) : std::string("-");
        };
        std::snprintf(line, sizeof line, "%-8s %-22.22s %5d %8.1f %9lld %6d %5d %5d %14s %12s %7d\n", r.period.c_str(),
                      r.borough.c_str(), r.deployments, r.hours, r.facesSeen, r.alerts, r.trueAlerts, r.falseAlerts,
                      pct(r.falseAlertRatePerFace(), 1000.0).c_str(), pct(r.falseAlertRatePerAlert(), 1.0).c_str(),
                      r.arrests);
        out += line;
    }
    out += "false/1k faces: false alerts per 1,000 faces seen; hours cover only deployments whose duration was\n"
           "published or recorded\n";
    return out;
}

DeploymentRecord recordOf(const Authorisation &a, const Scenario &scenario)
{
    DeploymentRecord r;
    r.source = "lfrplan: " + scenario.name;
    r.date = a.deployment.date;
    r.name = a.deployment.hotspot;
    for (const Hotspot &h : scenario.hotspots)
        if (h.id == a.deployment.hotspot) {
            r.name = h.name;
            r.borough = h.borough;
        }
    if (a.useCase)
        r.useCase = std::string(useCaseLabel(*a.useCase));
    r.watchlistSize = a.watchlistSize;
    if (const auto &o = a.outcome) {
        r.facesSeen = o->facesSeen;
        r.totalAlerts = o->alerts();
        r.trueAlertsConfirmed = o->trueAlertsConfirmed;
        r.trueAlertsUnconfirmed = o->trueAlertsUnconfirmed;
        r.falseAlertsConfirmed = o->falseAlertsConfirmed;
        r.falseAlertsUnconfirmed = o->falseAlertsUnconfirmed;
        r.arrests = o->arrests;
        r.otherDisposal = o->otherDisposal;
        r.noAction = o->noAction;
        r.durationMinutes = o->durationMinutes;
        r.threshold = o->threshold;
    }
    return r;
}

std::string auditCsv(const std::vector<AuditEntry> &entries)
{
    std::string out = "seq,at,actor,action,subject,old_value,new_value\r\n";
    for (const AuditEntry &e : entries)
        out += std::to_string(e.seq) + "," + e.at + "," + csvTextField(e.actor) + "," + csvTextField(e.action) + "," +
               csvTextField(e.subject) + "," + csvTextField(e.oldValue) + "," + csvTextField(e.newValue) + "\r\n";
    return out;
}

namespace {

// Every scenario's closed deployments, a deployment closed in two scenarios
// (a clone) once.
std::vector<DeploymentRecord> closedRecords(Storage &store)
{
    std::vector<DeploymentRecord> out;
    std::set<std::tuple<std::string, Date, std::string>> seen; // hotspot, date, window
    for (const ScenarioSummary &summary : store.listScenarios()) {
        std::optional<Scenario> scenario;
        for (const Authorisation &a : store.loadAuthorisations(summary.name)) {
            if (a.status != AuthorisationStatus::Closed ||
                !seen.emplace(a.deployment.hotspot, a.deployment.date, a.deployment.window).second)
                continue;
            if (!scenario)
                scenario = store.peekScenario(summary.name);
            out.push_back(recordOf(a, *scenario));
        }
    }
    return out;
}

} // namespace

std::vector<DeploymentRecord> accountedRecords(Storage &store)
{
    std::vector<DeploymentRecord> out = store.loadRecords();
    for (DeploymentRecord &r : closedRecords(store))
        out.push_back(std::move(r));
    return out;
}

RecordsForPublication recordsForPublication(Storage &store, std::optional<Date> from, std::optional<Date> to)
{
    const auto within = [&](const DeploymentRecord &r) { return (!from || r.date >= *from) && (!to || r.date <= *to); };
    RecordsForPublication out;
    for (DeploymentRecord &r : store.loadRecords())
        if (within(r)) {
            out.records.push_back(std::move(r));
            ++out.imported;
        }
    for (DeploymentRecord &r : closedRecords(store))
        if (within(r)) {
            int y = 0;
            unsigned m = 0, d = 0;
            civilFromDate(r.date, y, m, d);
            r.year = y; // the published layout's Year: the year of the Date
            out.records.push_back(std::move(r));
            ++out.closed;
        }
    std::stable_sort(out.records.begin(), out.records.end(),
                     [](const DeploymentRecord &a, const DeploymentRecord &b) { return a.date < b.date; });
    return out;
}

std::map<std::string, HistoryValue> historyValues(const Scenario &scenario,
                                                  const std::vector<DeploymentRecord> &records)
{
    // Only records with a duration give a rate per hour.
    double allHours = 0.0;
    int allArrests = 0;
    for (const DeploymentRecord &r : records)
        if (r.durationMinutes && *r.durationMinutes > 0) {
            allHours += *r.durationMinutes / 60.0;
            allArrests += r.arrests.value_or(0);
        }
    std::map<std::string, HistoryValue> out;
    if (allHours <= 0.0 || scenario.hotspots.empty())
        return out;
    double meanValue = 0.0;
    for (const Hotspot &h : scenario.hotspots)
        meanValue += h.value;
    meanValue /= static_cast<double>(scenario.hotspots.size());
    const double forceRate = allArrests / allHours;
    for (const Hotspot &h : scenario.hotspots) {
        HistoryValue site{"site", 0, 0.0, 0, 0.0, 0.0}, borough{"borough", 0, 0.0, 0, 0.0, 0.0};
        for (const DeploymentRecord &r : records) {
            if (!r.durationMinutes || *r.durationMinutes <= 0 || lower(r.borough) != lower(h.borough))
                continue;
            const bool atSite = lower(r.name).rfind(lower(h.name), 0) == 0;
            for (HistoryValue *v : {&borough, atSite ? &site : nullptr})
                if (v) {
                    ++v->deployments;
                    v->hours += *r.durationMinutes / 60.0;
                    v->arrests += r.arrests.value_or(0);
                }
        }
        HistoryValue v = site.deployments > 0 ? site : borough;
        if (v.deployments == 0)
            continue;
        v.arrestsPerHour = v.arrests / v.hours;
        v.suggestedValue = forceRate > 0 ? meanValue * v.arrestsPerHour / forceRate : 0.0;
        out.emplace(h.id, v);
    }
    return out;
}

} // namespace lfr
