#include "lfrplan/safeguards.h"

#include <algorithm>
#include <array>

namespace lfr {

namespace {

struct UseCaseInfo {
    std::string_view name, label, reference;
};

// The use cases named in the College of Policing's APP for live facial
// recognition (2022) and the Met's published LFR policy documents. The
// references cite the documents by title and use case, not by paragraph:
// a force checks them against the edition in force (docs/safeguards.md).
constexpr std::array<UseCaseInfo, kUseCaseCount> kUseCases = {{
    {"crime-hotspot", "Crime hotspot",
     "College of Policing APP, Live facial recognition: use case 'crime hotspots'; MPS LFR Policy Document"},
    {"missing-person-hotspot", "Missing-person hotspot",
     "College of Policing APP, Live facial recognition: use case 'missing persons'; MPS LFR Policy Document"},
    {"critical-infrastructure", "Protection of critical national infrastructure",
     "College of Policing APP, Live facial recognition: use case 'protective security, critical national "
     "infrastructure'; MPS LFR Policy Document"},
    {"event-protection", "Event protection",
     "College of Policing APP, Live facial recognition: use case 'events'; MPS LFR Policy Document"},
    {"sought-persons", "Sought-persons intelligence",
     "College of Policing APP, Live facial recognition: use case 'intelligence that sought persons will be "
     "at a location'; MPS LFR Policy Document"},
}};

constexpr std::array<std::string_view, 5> kStatusNames = {"draft", "authorised", "deployed", "closed", "cancelled"};

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

} // namespace

std::string_view useCaseName(UseCase u) { return kUseCases.at(static_cast<std::size_t>(u)).name; }
std::string_view useCaseLabel(UseCase u) { return kUseCases.at(static_cast<std::size_t>(u)).label; }
std::string_view policyReference(UseCase u) { return kUseCases.at(static_cast<std::size_t>(u)).reference; }

std::optional<UseCase> parseUseCase(std::string_view name)
{
    for (std::size_t i = 0; i < kUseCases.size(); ++i)
        if (kUseCases[i].name == name)
            return static_cast<UseCase>(i);
    return std::nullopt;
}

std::string_view statusName(AuthorisationStatus s) { return kStatusNames.at(static_cast<std::size_t>(s)); }

std::optional<AuthorisationStatus> parseAuthorisationStatus(std::string_view name)
{
    for (std::size_t i = 0; i < kStatusNames.size(); ++i)
        if (kStatusNames[i] == name)
            return static_cast<AuthorisationStatus>(i);
    return std::nullopt;
}

DeploymentKey keyOf(const Deployment &d) { return {d.hotspot, d.date, d.window}; }

std::string describeKey(const DeploymentKey &key)
{
    return key.hotspot + " " + formatDate(key.date) + " " + key.window;
}

std::vector<std::string> authorisationProblems(const Authorisation &r, const Scenario &scenario,
                                               const SafeguardSettings &settings)
{
    std::vector<std::string> out;
    if (!r.useCase)
        out.push_back("use case: not chosen");
    if (blank(r.authorisingOfficer)) {
        out.push_back("authorising officer: not named");
    } else {
        const auto it = std::find_if(scenario.officers.begin(), scenario.officers.end(),
                                     [&](const Officer &o) { return o.id == r.authorisingOfficer; });
        if (it == scenario.officers.end())
            out.push_back("authorising officer: \"" + r.authorisingOfficer + "\" is not an officer of the scenario");
        else if (it->rank < settings.minimumAuthorisingRank)
            out.push_back("authorising officer: " + it->name + " is a " + std::string(rankName(it->rank)) +
                          "; authorisation needs the rank of " +
                          std::string(rankName(settings.minimumAuthorisingRank)) + " or above");
        if (!blank(r.plannedBy) && r.plannedBy == r.authorisingOfficer)
            out.push_back("authorising officer: " + r.authorisingOfficer +
                          " planned this deployment and cannot authorise it (no self-authorisation)");
    }
    if (blank(r.plannedBy))
        out.push_back("planned by: not recorded");
    if (r.rationale.size() < settings.minimumRationaleLength || blank(r.rationale))
        out.push_back("rationale: the written necessity and proportionality needs at least " +
                      std::to_string(settings.minimumRationaleLength) + " characters");
    if (!r.watchlistSize || *r.watchlistSize <= 0)
        out.push_back("watchlist size: not given");
    if (r.watchlistCategories.empty() || std::all_of(r.watchlistCategories.begin(), r.watchlistCategories.end(),
                                                     [](const std::string &c) { return blank(c); }))
        out.push_back("watchlist categories: none given");
    if (!r.communityImpactAssessed)
        out.push_back("community impact assessment: not done");
    if (!r.publicNoticeGiven)
        out.push_back("public notice: not planned");
    if (!r.signagePlanned)
        out.push_back("signage: not planned");
    if (!r.start)
        out.push_back("start time: not given");
    if (!r.end)
        out.push_back("end time: not given");
    if (r.start && r.end && *r.start == *r.end)
        out.push_back("end time: the same as the start");
    return out;
}

std::vector<std::string> transitionProblems(const std::optional<Authorisation> &before, const Authorisation &after,
                                            const Scenario &scenario, const SafeguardSettings &settings)
{
    using S = AuthorisationStatus;
    const S from = before ? before->status : S::Draft;
    const S to = after.status;
    std::vector<std::string> out;
    const auto refuse = [&](const std::string &why) { out.push_back(why); };
    const std::string move = std::string(statusName(from)) + " -> " + std::string(statusName(to));
    if (before && before->deployment != after.deployment)
        refuse("the record belongs to " + describeKey(before->deployment) + ", not " + describeKey(after.deployment));
    switch (from) {
    case S::Draft:
        if (to == S::Deployed || to == S::Closed)
            refuse(move + ": a deployment must be authorised first");
        break;
    case S::Authorised:
        if (to == S::Closed)
            refuse(move + ": it must be deployed first");
        if (to == S::Authorised && before && !(*before == after))
            refuse("an authorised record cannot be changed; return it to draft, change it, authorise it again");
        break;
    case S::Deployed:
        if (to != S::Deployed && to != S::Closed)
            refuse(move + ": a deployment that took place can only be closed with its outcome");
        break;
    case S::Closed:
    case S::Cancelled:
        if (!before || !(*before == after))
            refuse(std::string("a ") + std::string(statusName(from)) + " record is final and cannot be changed");
        break;
    }
    // Past draft, what was authorised stays: only the status, the outcome
    // and a cancellation's reason move on (the server holds the same rule).
    if (before && (from == S::Authorised || from == S::Deployed) && to != S::Draft &&
        !(from == S::Authorised && to == S::Authorised)) { // that one: below
        const auto frozen = [](Authorisation a) {
            a.status = S::Draft;
            a.outcome.reset();
            a.cancelReason.clear();
            a.authorisedBy.clear();
            return a;
        };
        if (!(frozen(*before) == frozen(after)))
            refuse(move + ": what was authorised cannot change on the way; return it to draft, change it, authorise "
                          "it again");
    }
    if (to == S::Authorised && from != S::Authorised)
        for (const std::string &p : authorisationProblems(after, scenario, settings))
            refuse("cannot authorise: " + p);
    if (to == S::Closed) {
        if (!after.outcome)
            refuse("cannot close: the outcome is not recorded");
        else
            for (const std::string &p : outcomeProblems(*after.outcome))
                refuse("cannot close: " + p);
    }
    if (to == S::Cancelled && from != S::Cancelled && blank(after.cancelReason))
        refuse("cannot cancel: give the reason");
    if (after.outcome && (to == S::Draft || to == S::Authorised || to == S::Cancelled))
        refuse("an outcome is recorded only for a deployment that took place");
    return out;
}

std::vector<std::string> authorisationsWithoutDeployment(const std::vector<Authorisation> &records,
                                                         const std::vector<Deployment> &plan)
{
    std::vector<std::string> out;
    for (const Authorisation &a : records) {
        if (a.status != AuthorisationStatus::Authorised && a.status != AuthorisationStatus::Deployed)
            continue;
        if (std::none_of(plan.begin(), plan.end(), [&](const Deployment &d) { return keyOf(d) == a.deployment; }))
            out.push_back(describeKey(a.deployment) + " is " + std::string(statusName(a.status)) +
                          " but the plan has no deployment there (moved or removed?): authorise the new slot, "
                          "and return this record to draft or cancel it");
    }
    return out;
}

std::vector<std::string> outcomeProblems(const Outcome &o)
{
    std::vector<std::string> out;
    const auto count = [&](const char *name, int v) {
        if (v < 0)
            out.push_back(std::string(name) + ": " + std::to_string(v) + " is below 0");
    };
    if (o.facesSeen)
        count("faces seen", *o.facesSeen);
    count("true alerts (confirmed)", o.trueAlertsConfirmed);
    count("true alerts (unconfirmed)", o.trueAlertsUnconfirmed);
    count("false alerts (confirmed)", o.falseAlertsConfirmed);
    count("false alerts (unconfirmed)", o.falseAlertsUnconfirmed);
    count("arrests", o.arrests);
    count("other disposal", o.otherDisposal);
    count("no action", o.noAction);
    if (o.durationMinutes && *o.durationMinutes <= 0)
        out.push_back("duration: must be more than 0 minutes");
    if (o.threshold && (*o.threshold < 0.0 || *o.threshold > 1.0))
        out.push_back("threshold: " + std::to_string(*o.threshold) + " is outside 0..1");
    const int trueAlerts = o.trueAlertsConfirmed + o.trueAlertsUnconfirmed;
    if (out.empty() && o.arrests + o.otherDisposal + o.noAction > trueAlerts)
        out.push_back("arrests, other disposals and no-action (" +
                      std::to_string(o.arrests + o.otherDisposal + o.noAction) + ") exceed the true alerts (" +
                      std::to_string(trueAlerts) + ")");
    if (o.facesSeen && out.empty() && o.alerts() > *o.facesSeen)
        out.push_back("alerts (" + std::to_string(o.alerts()) + ") exceed the faces seen (" +
                      std::to_string(*o.facesSeen) + ")");
    return out;
}

} // namespace lfr

namespace lfr {

namespace {

bool authorising(const std::optional<Authorisation> &before, const Authorisation &after)
{
    return after.status == AuthorisationStatus::Authorised &&
           (!before || before->status != AuthorisationStatus::Authorised);
}

// What authorised_by must be after this save, unless it is an authorisation.
std::string keptAuthoriser(const std::optional<Authorisation> &before, const Authorisation &after)
{
    if (after.status == AuthorisationStatus::Draft || !before)
        return {};
    return before->authorisedBy;
}

const UserMapping *mappingOf(const std::vector<UserMapping> &users, const std::string &login)
{
    const auto it = std::find_if(users.begin(), users.end(), [&](const UserMapping &u) { return u.login == login; });
    return it == users.end() ? nullptr : &*it;
}

} // namespace

Authorisation stampIdentity(const std::optional<Authorisation> &before, const Authorisation &record,
                            const std::string &actor)
{
    Authorisation out = record;
    if (blank(out.plannedBy))
        out.plannedBy = before ? before->plannedBy : actor;
    if (authorising(before, out)) {
        if (blank(out.authorisedBy))
            out.authorisedBy = actor;
    } else if (out.status == AuthorisationStatus::Draft) {
        if (before && out.authorisedBy == before->authorisedBy)
            out.authorisedBy.clear(); // withdrawn: nobody's authorisation stands
    } else if (blank(out.authorisedBy)) {
        out.authorisedBy = keptAuthoriser(before, out);
    }
    return out;
}

std::vector<std::string> identityProblems(const std::optional<Authorisation> &before, const Authorisation &after,
                                          const std::string &actor, const std::vector<UserMapping> &users)
{
    std::vector<std::string> out;
    const std::string planner = before ? before->plannedBy : actor;
    if (after.plannedBy != planner)
        out.push_back("planned by: \"" + after.plannedBy +
                      "\" was given, but the store records who planned a record: " + planner);
    if (!authorising(before, after)) {
        if (const std::string kept = keptAuthoriser(before, after); after.authorisedBy != kept)
            out.push_back("authorised by: \"" + after.authorisedBy + "\" was given, but the store records who " +
                          "authorised a record: " + (kept.empty() ? std::string("nobody yet") : kept));
        return out;
    }
    if (after.authorisedBy != actor)
        out.push_back("authorised by: \"" + after.authorisedBy + "\" was given, but you are logged in as " + actor +
                      "; the store records the login that authorises");
    const UserMapping *me = mappingOf(users, actor);
    if (me == nullptr)
        out.push_back(
            "authorising officer: your login " + actor +
            " is not mapped to an officer (lfrplan users); only the login of " +
            (blank(after.authorisingOfficer) ? std::string("the authorising officer") : after.authorisingOfficer) +
            " may authorise this record");
    else if (me->officer != after.authorisingOfficer)
        out.push_back("authorising officer: your login " + actor + " is officer " + me->officer + ", not " +
                      after.authorisingOfficer + " whom the record names; only their login may authorise it");
    if (actor == planner)
        out.push_back("authorising officer: you (" + actor +
                      ") planned this deployment and cannot authorise it (no self-authorisation)");
    else if (const UserMapping *p = mappingOf(users, planner); p != nullptr && p->officer == after.authorisingOfficer)
        out.push_back("authorising officer: " + after.authorisingOfficer + " planned this deployment (as " + planner +
                      ") and cannot authorise it (no self-authorisation)");
    return out;
}

} // namespace lfr
