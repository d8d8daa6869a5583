// The transparency report (issue 6): deployments and their outcomes by year
// or month and borough, from published records and from the outcomes the
// force records in lfrplan; and what past outcomes suggest a hotspot is
// worth, next to its crime-based value.
#pragma once

#include "lfrplan/deployment_records.h"
#include "lfrplan/model.h"
#include "lfrplan/safeguards.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lfr {

class Storage;
struct AuditEntry;

// The audit trail as CSV: seq, at, actor, action, subject, old_value,
// new_value (RFC 4180, formula-leading text neutralised).
std::string auditCsv(const std::vector<AuditEntry> &entries);

enum class ReportPeriod { Year, Month };

struct ReportRow {
    std::string period;  // "2023" or "2023-06"; "all" for the total row
    std::string borough; // "all boroughs" when not split, and in totals
    int deployments = 0;
    int deploymentsWithDuration = 0; // hours cover only these
    double hours = 0.0;
    long long facesSeen = 0; // where recorded
    int alerts = 0;
    int trueAlerts = 0;
    int falseAlerts = 0;
    int arrests = 0;
    // false alerts / faces seen, and / alerts; nullopt when dividing by 0
    std::optional<double> falseAlertRatePerFace() const;
    std::optional<double> falseAlertRatePerAlert() const;
};

// One row per period (and borough when byBorough), in order, then a total
// row. Counts a record's missing cells as nothing (see the docs).
std::vector<ReportRow> transparencyReport(const std::vector<DeploymentRecord> &records, ReportPeriod period,
                                          bool byBorough);
std::string reportCsv(const std::vector<ReportRow> &rows);
std::string reportTable(const std::vector<ReportRow> &rows); // plain text

// A closed deployment of a scenario as a record, for the report.
DeploymentRecord recordOf(const Authorisation &closed, const Scenario &scenario);

// What the report covers in a store: its published records, then every
// scenario's closed deployments with their outcomes (source "lfrplan:
// <scenario>"). A deployment closed in two scenarios (a clone) counts once.
std::vector<DeploymentRecord> accountedRecords(Storage &store);

// What a force publishes (lfrplan export-records): the published records
// imported, as they were read, and every deployment closed in lfrplan
// (recordOf, once, as accountedRecords counts it) with its Year, the year
// of its Date; only those dated from `from` to `to` (inclusive, either
// open), in date order (records of one date in the store's order).
struct RecordsForPublication {
    std::vector<DeploymentRecord> records;
    int imported = 0; // of them, published records imported
    int closed = 0;   // and deployments closed in lfrplan
};
RecordsForPublication recordsForPublication(Storage &store, std::optional<Date> from, std::optional<Date> to);

// What history suggests a hotspot is worth: arrests per deployment-hour of
// past deployments at the place (a record in the hotspot's borough whose
// name starts with the hotspot's name, e.g. "Oxford Circus 2022 1"), else
// in its borough; scaled so that the force-wide rate maps to the mean of
// the hotspots' crime-based values.
struct HistoryValue {
    std::string basis; // "site" or "borough"
    int deployments = 0;
    double hours = 0.0;
    int arrests = 0;
    double arrestsPerHour = 0.0;
    double suggestedValue = 0.0;
};
std::map<std::string, HistoryValue> historyValues(const Scenario &scenario,
                                                  const std::vector<DeploymentRecord> &records);

} // namespace lfr
