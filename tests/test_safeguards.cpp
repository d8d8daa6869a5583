// Authorisation rules (issue 6): each required item, self-authorisation,
// the minimum rank, the status moves, and outcomes.
#include "lfrplan/safeguards.h"
#include "lfrplan/scenario_io.h"
#include "safeguard_fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

using namespace lfr;

namespace {

using lfrtest::officerOfRank;
Scenario demo() { return lfrtest::demoWeek(); }
Authorisation complete(const Scenario &s) { return lfrtest::completeAuthorisation(s); }

bool mentions(const std::vector<std::string> &problems, const std::string &what)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string &p) { return p.find(what) != std::string::npos; });
}

} // namespace

TEST_CASE("safeguards: a complete record may be authorised", "[safeguards]")
{
    const Scenario s = demo();
    REQUIRE(!officerOfRank(s, Rank::Supt).empty());
    const Authorisation a = complete(s);
    CHECK(authorisationProblems(a, s).empty());
    Authorisation authorised = a;
    authorised.status = AuthorisationStatus::Authorised;
    CHECK(transitionProblems(a, authorised, s).empty());
    CHECK(transitionProblems(std::nullopt, authorised, s).empty());
}

TEST_CASE("safeguards: a record missing any required item cannot be authorised", "[safeguards]")
{
    const Scenario s = demo();
    struct Case {
        const char *item;
        void (*remove)(Authorisation &);
    };
    const Case cases[] = {
        {"use case", [](Authorisation &a) { a.useCase.reset(); }},
        {"authorising officer", [](Authorisation &a) { a.authorisingOfficer.clear(); }},
        {"planned by", [](Authorisation &a) { a.plannedBy.clear(); }},
        {"rationale", [](Authorisation &a) { a.rationale = "needed"; }},
        {"watchlist size", [](Authorisation &a) { a.watchlistSize.reset(); }},
        {"watchlist categories", [](Authorisation &a) { a.watchlistCategories = {" "}; }},
        {"community impact assessment", [](Authorisation &a) { a.communityImpactAssessed = false; }},
        {"public notice", [](Authorisation &a) { a.publicNoticeGiven = false; }},
        {"signage", [](Authorisation &a) { a.signagePlanned = false; }},
        {"start time", [](Authorisation &a) { a.start.reset(); }},
        {"end time", [](Authorisation &a) { a.end.reset(); }},
    };
    for (const Case &c : cases) {
        INFO(c.item);
        Authorisation draft = complete(s);
        c.remove(draft);
        const auto problems = authorisationProblems(draft, s);
        CHECK(problems.size() == 1);
        CHECK(mentions(problems, c.item));
        Authorisation authorised = draft;
        authorised.status = AuthorisationStatus::Authorised;
        const auto refused = transitionProblems(draft, authorised, s);
        CHECK(mentions(refused, std::string("cannot authorise: ") + c.item));
    }
}

TEST_CASE("safeguards: self-authorisation and low rank are refused", "[safeguards]")
{
    const Scenario s = demo();
    Authorisation a = complete(s);
    a.plannedBy = a.authorisingOfficer; // the superintendent planned it too
    CHECK(mentions(authorisationProblems(a, s), "cannot authorise it (no self-authorisation)"));
    Authorisation low = complete(s);
    low.authorisingOfficer = officerOfRank(s, Rank::PC);
    CHECK(mentions(authorisationProblems(low, s), "needs the rank of Supt or above"));
    SafeguardSettings lower;
    lower.minimumAuthorisingRank = Rank::PC;
    CHECK(authorisationProblems(low, s, lower).empty()); // the minimum rank is a setting
    Authorisation stranger = complete(s);
    stranger.authorisingOfficer = "nobody";
    CHECK(mentions(authorisationProblems(stranger, s), "\"nobody\" is not an officer of the scenario"));
}

TEST_CASE("safeguards: the status moves from plan to outcome", "[safeguards]")
{
    const Scenario s = demo();
    using S = AuthorisationStatus;
    Authorisation draft = complete(s);
    auto to = [&](Authorisation from, S status) {
        Authorisation next = from;
        next.status = status;
        return std::pair{from, next};
    };
    auto [d, deployed] = to(draft, S::Deployed);
    CHECK(mentions(transitionProblems(d, deployed, s), "must be authorised first"));
    auto [d2, authorised] = to(draft, S::Authorised);
    REQUIRE(transitionProblems(d2, authorised, s).empty());
    // An authorised record is not edited in place.
    Authorisation edited = authorised;
    edited.watchlistSize = 10;
    CHECK(mentions(transitionProblems(authorised, edited, s), "cannot be changed"));
    auto [a, dep] = to(authorised, S::Deployed);
    REQUIRE(transitionProblems(a, dep, s).empty());
    // Nor changed on its way on (issue 15: the server holds the same rule).
    Authorisation rewritten = dep;
    rewritten.rationale += " And more.";
    CHECK(mentions(transitionProblems(authorised, rewritten, s), "cannot change on the way"));
    Authorisation moreDeployed = dep;
    moreDeployed.watchlistSize = 90000;
    CHECK(mentions(transitionProblems(dep, moreDeployed, s), "cannot change on the way"));
    auto [d3, closedWithout] = to(dep, S::Closed);
    CHECK(mentions(transitionProblems(d3, closedWithout, s), "the outcome is not recorded"));
    Authorisation closed = closedWithout;
    closed.outcome = Outcome{4600, 2, 0, 1, 0, 1, 0, 1, 300, 0.6};
    CHECK(transitionProblems(dep, closed, s).empty());
    Authorisation reopened = closed;
    reopened.status = S::Draft;
    CHECK(mentions(transitionProblems(closed, reopened, s), "final"));
    auto [d4, cancelled] = to(draft, S::Cancelled);
    CHECK(mentions(transitionProblems(d4, cancelled, s), "give the reason"));
    cancelled.cancelReason = "intelligence withdrawn";
    CHECK(transitionProblems(draft, cancelled, s).empty());
}

TEST_CASE("safeguards: outcomes are checked", "[safeguards]")
{
    CHECK(outcomeProblems(Outcome{}).empty());
    Outcome o{1000, 2, 1, 1, 0, 2, 0, 1, 240, 0.6};
    CHECK(outcomeProblems(o).empty());
    o.arrests = 5;
    CHECK(mentions(outcomeProblems(o), "exceed the true alerts (3)"));
    Outcome negative;
    negative.arrests = -1;
    CHECK(mentions(outcomeProblems(negative), "arrests: -1 is below 0"));
    Outcome threshold;
    threshold.threshold = 1.5;
    CHECK(mentions(outcomeProblems(threshold), "outside 0..1"));
    CHECK(parseUseCase("event-protection") == UseCase::EventProtection);
    for (int i = 0; i < kUseCaseCount; ++i)
        CHECK(!policyReference(static_cast<UseCase>(i)).empty());
}

TEST_CASE("safeguards: an authorised record whose deployment moved is reported", "[safeguards]")
{
    const Scenario s = demo();
    Authorisation a = complete(s);
    a.status = AuthorisationStatus::Authorised;
    Deployment d{a.deployment.date, a.deployment.window, a.deployment.hotspot, s.vans[0].id, {}};
    CHECK(authorisationsWithoutDeployment({a}, {d}).empty());
    Deployment moved = d;
    moved.date = s.dates[3];
    const auto found = authorisationsWithoutDeployment({a}, {moved});
    REQUIRE(found.size() == 1);
    CHECK(found[0].find(describeKey(a.deployment) + " is authorised but the plan has no deployment there") == 0);
    a.status = AuthorisationStatus::Draft; // a draft binds nothing
    CHECK(authorisationsWithoutDeployment({a}, {moved}).empty());
}
