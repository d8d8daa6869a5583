#include "lfrplan/safeguards_io.h"

#include "json_fields.h"
#include "lfrplan/json_strict.h"

namespace lfr {

using nlohmann::json;
using namespace jsonfields;

namespace {

template <class T> json orNull(const std::optional<T> &v) { return v ? json(*v) : json(nullptr); }

std::optional<int> countAt(const json &o, const std::string &path, std::string_view key)
{
    return optionalCount(o, path, key);
}

bool flag(const json &o, const std::string &path, std::string_view key)
{
    const json *v = optionalMember(o, key);
    if (!v)
        return false;
    if (!v->is_boolean())
        fail(jsonPathKey(path, key), "expected true or false, got " + typeName(*v));
    return v->get<bool>();
}

std::optional<double> numberAt(const json &o, const std::string &path, std::string_view key)
{
    const json *v = optionalMember(o, key);
    if (!v || v->is_null())
        return std::nullopt;
    return asNumber(*v, jsonPathKey(path, key));
}

std::optional<Clock> clockAt(const json &o, const std::string &path, std::string_view key)
{
    const json *v = optionalMember(o, key);
    if (!v || v->is_null())
        return std::nullopt;
    return asClock(*v, jsonPathKey(path, key));
}

std::string stringOr(const json &o, const std::string &path, std::string_view key)
{
    return optionalString(o, path, key).value_or("");
}

std::string nameOr(const json &o, const std::string &path, std::string_view key)
{
    return optionalName(o, path, key).value_or("");
}

std::string textOr(const json &o, const std::string &path, std::string_view key)
{
    return optionalText(o, path, key).value_or("");
}

json outcomeToJson(const Outcome &o)
{
    return {{"faces_seen", orNull(o.facesSeen)},
            {"true_alerts_confirmed", o.trueAlertsConfirmed},
            {"true_alerts_unconfirmed", o.trueAlertsUnconfirmed},
            {"false_alerts_confirmed", o.falseAlertsConfirmed},
            {"false_alerts_unconfirmed", o.falseAlertsUnconfirmed},
            {"arrests", o.arrests},
            {"other_disposal", o.otherDisposal},
            {"no_action", o.noAction},
            {"duration_minutes", orNull(o.durationMinutes)},
            {"threshold", orNull(o.threshold)}};
}

Outcome outcomeFromJson(const json &o, const std::string &path)
{
    requireObject(o, path);
    checkKeys(o, path,
              {"faces_seen", "true_alerts_confirmed", "true_alerts_unconfirmed", "false_alerts_confirmed",
               "false_alerts_unconfirmed", "arrests", "other_disposal", "no_action", "duration_minutes", "threshold"});
    Outcome out;
    out.facesSeen = countAt(o, path, "faces_seen");
    out.trueAlertsConfirmed = countOr(o, path, "true_alerts_confirmed", 0);
    out.trueAlertsUnconfirmed = countOr(o, path, "true_alerts_unconfirmed", 0);
    out.falseAlertsConfirmed = countOr(o, path, "false_alerts_confirmed", 0);
    out.falseAlertsUnconfirmed = countOr(o, path, "false_alerts_unconfirmed", 0);
    out.arrests = countOr(o, path, "arrests", 0);
    out.otherDisposal = countOr(o, path, "other_disposal", 0);
    out.noAction = countOr(o, path, "no_action", 0);
    out.durationMinutes = countAt(o, path, "duration_minutes");
    out.threshold = numberAt(o, path, "threshold");
    return out;
}

} // namespace

json authorisationToJson(const Authorisation &a)
{
    json out = {{"hotspot", a.deployment.hotspot},
                {"date", formatDate(a.deployment.date)},
                {"window", a.deployment.window},
                {"status", std::string(statusName(a.status))},
                {"use_case", a.useCase ? json(std::string(useCaseName(*a.useCase))) : json(nullptr)},
                {"planned_by", a.plannedBy},
                {"authorising_officer", a.authorisingOfficer},
                {"authorised_by", a.authorisedBy},
                {"rationale", a.rationale},
                {"watchlist_size", orNull(a.watchlistSize)},
                {"watchlist_categories", a.watchlistCategories},
                {"community_impact_assessed", a.communityImpactAssessed},
                {"public_notice_given", a.publicNoticeGiven},
                {"signage_planned", a.signagePlanned},
                {"start", a.start ? json(formatClock(*a.start)) : json(nullptr)},
                {"end", a.end ? json(formatClock(*a.end)) : json(nullptr)},
                {"cancel_reason", a.cancelReason},
                {"outcome", a.outcome ? outcomeToJson(*a.outcome) : json(nullptr)}};
    return out;
}

Authorisation authorisationFromJson(const json &o, const std::string &path)
{
    requireObject(o, path);
    checkKeys(o, path,
              {"hotspot", "date", "window", "status", "use_case", "planned_by", "authorising_officer", "authorised_by",
               "rationale", "watchlist_size", "watchlist_categories", "community_impact_assessed",
               "public_notice_given", "signage_planned", "start", "end", "cancel_reason", "outcome"});
    Authorisation a;
    a.deployment.hotspot = asId(member(o, path, "hotspot"), jsonPathKey(path, "hotspot"));
    a.deployment.date = asDate(member(o, path, "date"), jsonPathKey(path, "date"));
    a.deployment.window = asId(member(o, path, "window"), jsonPathKey(path, "window"));
    if (const auto s = optionalString(o, path, "status")) {
        const auto status = parseAuthorisationStatus(*s);
        if (!status)
            fail(jsonPathKey(path, "status"),
                 quotedText(*s) + " is not draft, authorised, deployed, closed or cancelled");
        a.status = *status;
    }
    if (const json *u = optionalMember(o, "use_case"); u && !u->is_null()) {
        const std::string name = asString(*u, jsonPathKey(path, "use_case"));
        a.useCase = parseUseCase(name);
        if (!a.useCase)
            fail(jsonPathKey(path, "use_case"),
                 quotedText(name) +
                     " is not a use case (crime-hotspot, missing-person-hotspot, critical-infrastructure, "
                     "event-protection, sought-persons)");
    }
    a.plannedBy = nameOr(o, path, "planned_by");
    a.authorisingOfficer = nameOr(o, path, "authorising_officer");
    a.authorisedBy = nameOr(o, path, "authorised_by");
    a.rationale = textOr(o, path, "rationale");
    a.watchlistSize = countAt(o, path, "watchlist_size");
    if (const json *c = optionalMember(o, "watchlist_categories")) {
        const std::string at = jsonPathKey(path, "watchlist_categories");
        requireArray(*c, at);
        for (std::size_t i = 0; i < c->size(); ++i)
            a.watchlistCategories.push_back(asName((*c)[i], jsonPathIndex(at, i)));
    }
    a.communityImpactAssessed = flag(o, path, "community_impact_assessed");
    a.publicNoticeGiven = flag(o, path, "public_notice_given");
    a.signagePlanned = flag(o, path, "signage_planned");
    a.start = clockAt(o, path, "start");
    a.end = clockAt(o, path, "end");
    a.cancelReason = textOr(o, path, "cancel_reason");
    if (const json *out = optionalMember(o, "outcome"); out && !out->is_null())
        a.outcome = outcomeFromJson(*out, jsonPathKey(path, "outcome"));
    return a;
}

Authorisation readAuthorisation(std::string_view text, const std::string &source)
{
    try {
        json root = parseJsonStrict(text);
        const JsonReleaser release(root);
        return authorisationFromJson(root);
    } catch (const InputError &e) {
        throw InputError(source, e.what());
    }
}

json recordToJson(const DeploymentRecord &r)
{
    return {{"source", r.source},
            {"line", r.line},
            {"date", formatDate(r.date)},
            {"year", orNull(r.year)},
            {"name", r.name},
            {"borough", r.borough},
            {"use_case", r.useCase},
            {"watchlist_size", orNull(r.watchlistSize)},
            {"faces_seen", orNull(r.facesSeen)},
            {"total_alerts", orNull(r.totalAlerts)},
            {"true_alerts_confirmed", orNull(r.trueAlertsConfirmed)},
            {"true_alerts_unconfirmed", orNull(r.trueAlertsUnconfirmed)},
            {"false_alerts_confirmed", orNull(r.falseAlertsConfirmed)},
            {"false_alerts_unconfirmed", orNull(r.falseAlertsUnconfirmed)},
            {"arrests", orNull(r.arrests)},
            {"other_disposal", orNull(r.otherDisposal)},
            {"no_action", orNull(r.noAction)},
            {"duration_minutes", orNull(r.durationMinutes)},
            {"threshold", orNull(r.threshold)},
            {"postcode", r.postcode},
            {"ward", r.ward},
            {"ward_code", r.wardCode}};
}

DeploymentRecord recordFromJson(const json &o, const std::string &path)
{
    requireObject(o, path);
    DeploymentRecord r;
    r.source = stringOr(o, path, "source");
    r.line = countOr(o, path, "line", 0);
    r.date = asDate(member(o, path, "date"), jsonPathKey(path, "date"));
    r.year = countAt(o, path, "year");
    r.name = stringOr(o, path, "name");
    r.borough = stringOr(o, path, "borough");
    r.useCase = stringOr(o, path, "use_case");
    r.watchlistSize = countAt(o, path, "watchlist_size");
    r.facesSeen = countAt(o, path, "faces_seen");
    r.totalAlerts = countAt(o, path, "total_alerts");
    r.trueAlertsConfirmed = countAt(o, path, "true_alerts_confirmed");
    r.trueAlertsUnconfirmed = countAt(o, path, "true_alerts_unconfirmed");
    r.falseAlertsConfirmed = countAt(o, path, "false_alerts_confirmed");
    r.falseAlertsUnconfirmed = countAt(o, path, "false_alerts_unconfirmed");
    r.arrests = countAt(o, path, "arrests");
    r.otherDisposal = countAt(o, path, "other_disposal");
    r.noAction = countAt(o, path, "no_action");
    r.durationMinutes = countAt(o, path, "duration_minutes");
    r.threshold = numberAt(o, path, "threshold");
    r.postcode = stringOr(o, path, "postcode");
    r.ward = stringOr(o, path, "ward");
    r.wardCode = stringOr(o, path, "ward_code");
    return r;
}

} // namespace lfr
