// Accountability for each deployment, from plan to outcome (issue 6): the
// authorisation record the College of Policing's authorised professional
// practice (APP) for live facial recognition asks for, its status, and the
// outcome recorded afterwards. The rules here are the only place they are
// decided: the storage refuses what they refuse, whatever the caller.
#pragma once

#include "lfrplan/dates.h"
#include "lfrplan/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

// The use cases of the APP, each with its policy reference.
enum class UseCase : std::uint8_t {
    CrimeHotspot,           // a crime hotspot
    MissingPersonHotspot,   // where missing persons at risk may be
    CriticalInfrastructure, // protection of critical national infrastructure
    EventProtection,        // a major event
    SoughtPersons,          // intelligence about persons sought at a place
};
std::string_view useCaseName(UseCase useCase);     // "crime-hotspot", ...
std::string_view useCaseLabel(UseCase useCase);    // "Crime hotspot", ...
std::string_view policyReference(UseCase useCase); // the APP section it follows
std::optional<UseCase> parseUseCase(std::string_view name);
inline constexpr int kUseCaseCount = 5;

enum class AuthorisationStatus : std::uint8_t { Draft, Authorised, Deployed, Closed, Cancelled };
std::string_view statusName(AuthorisationStatus status); // "draft", ...
std::optional<AuthorisationStatus> parseAuthorisationStatus(std::string_view name);

// Which deployment of a scenario: it survives re-planning (a saved plan is
// replaced whole) as long as the same hotspot is planned in that slot.
struct DeploymentKey {
    std::string hotspot;
    Date date;
    std::string window;
    auto operator<=>(const DeploymentKey &) const = default;
};
DeploymentKey keyOf(const Deployment &deployment);
std::string describeKey(const DeploymentKey &key); // "oxford-circus 2026-12-08 day"

struct Outcome {
    std::optional<int> facesSeen;
    int trueAlertsConfirmed = 0;
    int trueAlertsUnconfirmed = 0;
    int falseAlertsConfirmed = 0;
    int falseAlertsUnconfirmed = 0;
    int arrests = 0;
    int otherDisposal = 0;
    int noAction = 0;
    std::optional<int> durationMinutes; // as deployed
    std::optional<double> threshold;    // the match threshold set, 0..1
    int alerts() const
    {
        return trueAlertsConfirmed + trueAlertsUnconfirmed + falseAlertsConfirmed + falseAlertsUnconfirmed;
    }
    bool operator==(const Outcome &) const = default;
};

struct Authorisation {
    DeploymentKey deployment;
    AuthorisationStatus status = AuthorisationStatus::Draft;
    std::optional<UseCase> useCase;
    std::string plannedBy;          // the login that first saved it (stamped by the store)
    std::string authorisingOfficer; // an officer id of the scenario
    std::string authorisedBy;       // the login that authorised it (stamped by the store)
    std::string rationale;          // necessity and proportionality, in writing
    std::optional<int> watchlistSize;
    std::vector<std::string> watchlistCategories;
    bool communityImpactAssessed = false;
    bool publicNoticeGiven = false; // notice published before the deployment
    bool signagePlanned = false;    // signs at the site during it
    std::optional<Clock> start;     // on the deployment's date
    std::optional<Clock> end;       // before start: the next day
    std::string cancelReason;
    std::optional<Outcome> outcome;
    bool operator==(const Authorisation &) const = default;
};

struct SafeguardSettings {
    Rank minimumAuthorisingRank = Rank::Supt;
    std::size_t minimumRationaleLength = 40; // characters of written rationale
    bool operator==(const SafeguardSettings &) const = default;
};

// Everything that keeps the record from being authorised, each as a
// sentence naming the item; empty when it may be authorised. Includes
// self-authorisation and an authoriser below the minimum rank or not in
// the scenario.
std::vector<std::string> authorisationProblems(const Authorisation &record, const Scenario &scenario,
                                               const SafeguardSettings &settings = {});

// Why `from` -> `to` is refused for this record, or empty when allowed:
//   draft -> authorised (no authorisation problems) | cancelled
//   authorised -> deployed | cancelled | draft (withdrawn)
//   deployed -> closed (an outcome is recorded)
//   closed, cancelled: final.
// Staying in a status is allowed, except that an authorised record cannot
// be changed without going back to draft (its problems are re-checked).
std::vector<std::string> transitionProblems(const std::optional<Authorisation> &before, const Authorisation &after,
                                            const Scenario &scenario, const SafeguardSettings &settings = {});

// Which officer a database login is (issue 15): the administrator keeps
// the list; only the login mapped to the authorising officer named in a
// record may authorise it.
struct UserMapping {
    std::string login;   // an operating-system login (SQLite) or database user (PostgreSQL)
    std::string officer; // a collar number, as the scenarios' officer ids
    bool operator==(const UserMapping &) const = default;
};

// The record as the store keeps it when `actor` (the authenticated login)
// saves it: planned_by is the login that first saved it, authorised_by the
// login that authorised it (kept through deployed, closed and cancelled,
// cleared when it returns to draft). A blank field is filled in; a field
// given is left for identityProblems() to judge.
Authorisation stampIdentity(const std::optional<Authorisation> &before, const Authorisation &record,
                            const std::string &actor);

// Why `actor` may not save `after` (stamped) over `before`, each a
// sentence; empty when allowed. planned_by and authorised_by must be what
// the store records; authorising needs the login mapped (in `users`) to
// the authorising officer the record names, and neither the login that
// planned it nor another login of the same officer may authorise it.
std::vector<std::string> identityProblems(const std::optional<Authorisation> &before, const Authorisation &after,
                                          const std::string &actor, const std::vector<UserMapping> &users);

// Records that are authorised or deployed for a slot (hotspot, date,
// window) where the plan no longer has a deployment: the deployment was
// moved or removed after authorisation. Each a sentence for the planner.
std::vector<std::string> authorisationsWithoutDeployment(const std::vector<Authorisation> &records,
                                                         const std::vector<Deployment> &plan);

// Problems of an outcome as entered: negative counts, a threshold outside
// 0..1, more arrests and disposals than true alerts.
std::vector<std::string> outcomeProblems(const Outcome &outcome);

} // namespace lfr
