// A scenario with its index (scenario_index.h), kept in step: the one place
// an index is rebuilt when its scenario changes. For a holder that edits a
// scenario over time (the desktop app's document); code that reads a fixed
// scenario builds a ScenarioIndex once.
#pragma once

#include "lfrplan/model.h"
#include "lfrplan/scenario_index.h"

#include <string>
#include <utility>

namespace lfr {

class IndexedScenario {
public:
    explicit IndexedScenario(Scenario scenario = {}) : scenario_(std::move(scenario)), index_(scenario_) {}
    // The index points into scenario_: copies and moves would leave it behind.
    IndexedScenario(const IndexedScenario &) = delete;
    IndexedScenario &operator=(const IndexedScenario &) = delete;
    ~IndexedScenario() = default;

    const Scenario &scenario() const noexcept { return scenario_; }
    const ScenarioIndex &index() const noexcept { return index_; }

    // The whole scenario replaced.
    void replace(Scenario scenario)
    {
        scenario_ = std::move(scenario);
        index_ = ScenarioIndex(scenario_);
    }
    // Any change to the scenario: `change(Scenario &)` runs, then the index
    // is rebuilt (also when it throws: the scenario may be half changed).
    template <class Change> void edit(Change &&change)
    {
        struct Rebuild {
            IndexedScenario *self;
            ~Rebuild() { self->index_ = ScenarioIndex(self->scenario_); }
        } rebuild{this};
        std::forward<Change>(change)(scenario_);
    }
    // The name alone: nothing the index holds depends on it.
    void rename(std::string name) { scenario_.name = std::move(name); }

private:
    Scenario scenario_;
    ScenarioIndex index_;
};

} // namespace lfr
