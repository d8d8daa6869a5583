// Removes a deployment from the plan (its pin, if any, stays: the
// validator then reports the pin unmet).
#pragma once

#include "lfrplan/model.h"

#include <QUndoCommand>

namespace lfr::ui {

class PlanDocument;

class RemoveDeployment : public QUndoCommand {
public:
    RemoveDeployment(PlanDocument *document, std::size_t index);
    void redo() override;
    void undo() override;

private:
    PlanDocument *document_;
    std::size_t index_;
    Deployment removed_;
};

} // namespace lfr::ui
