// Replaces the plan's deployments by a solver's plan (one undoable step),
// remembering it as the last solved plan so the board can show what a
// planner changed since.
#pragma once

#include "lfrplan/model.h"

#include <QUndoCommand>

#include <vector>

namespace lfr::ui {

class PlanDocument;

class ApplySolvedPlan : public QUndoCommand {
public:
    ApplySolvedPlan(PlanDocument *document, std::vector<Deployment> solved);
    void redo() override;
    void undo() override;

private:
    PlanDocument *document_;
    std::vector<Deployment> before_, beforeSolved_, after_;
};

} // namespace lfr::ui
