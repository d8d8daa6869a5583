// The objective of docs/planning-problem.md section 4: VALUE (with the
// per-hotspot repeat decay), TRAVEL (officer-kilometres from each crew
// member's team base to the hotspot, weighted) and OBJECTIVE = VALUE - TRAVEL.
//
// evaluate() never fails: it scores any list of deployments, valid or not
// (checking is validator.h's job). What a deployment needs for a figure and
// does not have counts 0:
//  - an unknown hotspot: v(d) = 0 and no travel;
//  - a window the hotspot does not allow (or that does not exist): v(d) = 0;
//  - an unknown officer, or an officer whose team is unknown: no travel for
//    that crew member.
// Dates outside the horizon still have a weekday and score normally; vans and
// roles do not enter the objective.
#pragma once

#include "lfrplan/model.h"

#include <cstddef>
#include <vector>

namespace lfr {

class ScenarioIndex;

// Tolerance of section 4: objectives within this relative difference tie.
inline constexpr double kObjectiveRelativeTolerance = 1e-6;

// The figures of one deployment.
struct DeploymentEvaluation {
    double value = 0.0;        // raw v(d) = h.value * h.windows[w] * h.weekday_factor[weekday(t)]
    std::size_t repeat = 0;    // k: 1 for the hotspot's highest v, 2 for the next...; 0 for an unknown hotspot
    double decayedValue = 0.0; // h.repeat_decay^(k-1) * v(d): this deployment's share of VALUE
    double travelKm = 0.0;     // sum over its crew of haversine_km(team base, hotspot)
    double travel = 0.0;       // policy.travel_weight * travelKm: its share of TRAVEL
    double objective() const { return decayedValue - travel; }
};

// The plan's figures (VALUE, TRAVEL, OBJECTIVE) with what they are made of.
struct Evaluation : ObjectiveFigures {
    double travelKm = 0.0;                         // total officer-kilometres (TRAVEL / travel_weight)
    std::vector<DeploymentEvaluation> deployments; // one per deployment, in plan order
    // The figures alone, as a plan keeps them.
    ObjectiveFigures figures() const { return {value, travelPenalty, objective}; }
};

Evaluation evaluate(const Scenario &scenario, const std::vector<Deployment> &deployments);
// The same with an index built once (the solver and the UI evaluate often).
Evaluation evaluate(const ScenarioIndex &index, const std::vector<Deployment> &deployments);

// Section 4: two objectives tie when |a - b| <= 1e-6 * max(|a|, |b|, 1e-3).
bool objectivesTie(double a, double b);

} // namespace lfr
