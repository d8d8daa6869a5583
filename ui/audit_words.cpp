#include "audit_words.h"

#include <QCoreApplication>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace lfr::ui {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("AuditWords", text, disambiguation, n);
}

QString field(const std::string &key)
{
    static const std::map<std::string, const char *> kWords = {
        {"max_per_horizon", "most deployments a week"},
        {"min_gap_days", "fewest days between"},
        {"repeat_decay", "value of a repeat"},
        {"max_per_date", "most a day"},
        {"max_deployments", "most deployments a week"},
        {"max_days", "most days"},
        {"max_duties", "most duties"},
        {"max_duties_per_officer", "most duties an officer"},
        {"min_on_duty", "fewest left on duty"},
        {"max_abstracted", "most taken into crews"},
        {"travel_weight", "weight of travel"},
        {"weekday_factor", "weekday factors"},
    };
    const auto it = kWords.find(key);
    if (it != kWords.end())
        return tr(it->second);
    return QString::fromStdString(key).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString scalar(const nlohmann::json &value)
{
    if (value.is_null())
        return QStringLiteral("—");
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_boolean())
        return value.get<bool>() ? tr("yes") : tr("no");
    if (value.is_array()) {
        if (value.empty())
            return tr("none");
        if (value.size() <= 4 &&
            std::all_of(value.begin(), value.end(), [](const auto &v) { return v.is_primitive(); })) {
            QStringList items;
            for (const auto &v : value)
                items << scalar(v);
            return items.join(QStringLiteral(", "));
        }
        return tr("%n item(s)", nullptr, static_cast<int>(value.size()));
    }
    if (value.is_object())
        return tr("%n field(s)", nullptr, static_cast<int>(value.size()));
    return QString::fromStdString(value.dump());
}

} // namespace

QString auditActionWords(const std::string &action)
{
    static const std::map<std::string, const char *> kWhole = {
        {"scenario.create", "Created the scenario"},
        {"scenario.inserted", "Created the scenario"},
        {"scenario.delete", "Deleted the scenario"},
        {"scenario.removed", "Deleted the scenario"},
        {"scenario.rename", "Renamed the scenario"},
        {"scenario.revised", "Saved a new revision of the scenario"},
        {"scenario.notes.changed", "Changed the notes"},
        {"scenario.policy.changed", "Changed the policy"},
        {"scenario.dates.changed", "Changed the dates"},
        {"scenario.windows.changed", "Changed the windows"},
        {"scenario.shifts.changed", "Changed the shifts"},
        {"scenario.roles.changed", "Changed the roles"},
        {"scenario.crew.changed", "Changed the crew sizes"},
        {"scenario.pinned.changed", "Changed the pins"},
        {"scenario.disruption", "Recorded a disruption and its re-plan"},
        {"plan.saved", "Saved the plan"},
        {"plan.deployment.added", "Added a deployment"},
        {"plan.deployment.changed", "Changed a deployment"},
        {"plan.deployment.removed", "Removed a deployment"},
        {"records.imported", "Imported published deployment records"},
        {"records.changed", "Changed deployment records"},
        {"authorisation.changed", "Changed an authorisation"},
        {"authorisation.deleted", "Deleted an authorisation"},
        {"settings.changed", "Changed a safeguard setting"},
        {"settings.removed", "Removed a safeguard setting"},
        {"user.mapped", "Linked a login to an officer"},
        {"user.unmapped", "Unlinked a login from its officer"},
    };
    if (const auto it = kWhole.find(action); it != kWhole.end())
        return tr(it->second);
    // scenario.<list>.<added|changed|removed>
    static const std::map<std::string, const char *> kRecords = {
        {"officers", "an officer"}, {"teams", "a team"}, {"hotspots", "a hotspot"}, {"vans", "a van"}};
    static const std::map<std::string, const char *> kVerbs = {
        {"added", "Added %1"}, {"changed", "Changed %1"}, {"removed", "Removed %1"}};
    const QStringList parts = QString::fromStdString(action).split(QLatin1Char('.'));
    if (parts.size() == 3 && parts[0] == QLatin1String("scenario")) {
        const auto record = kRecords.find(parts[1].toStdString());
        const auto verb = kVerbs.find(parts[2].toStdString());
        if (record != kRecords.end() && verb != kVerbs.end())
            return tr(verb->second).arg(tr(record->second));
        if (parts[2] == QLatin1String("changed"))
            return tr("Changed the %1").arg(field(parts[1].toStdString()));
    }
    return QString::fromStdString(action);
}

QString auditValueWords(const std::string &json)
{
    if (json.empty())
        return QStringLiteral("—");
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(json);
    } catch (const std::exception &) {
        return QString::fromStdString(json);
    }
    if (!value.is_object())
        return scalar(value);
    QStringList fields;
    for (const auto &[key, v] : value.items())
        fields << field(key) + QStringLiteral(": ") + scalar(v);
    return fields.join(QStringLiteral("; "));
}

} // namespace lfr::ui
