// Moves a deployment to another date, van or window (a drag on the week
// board, or Alt+arrow keys), keeping its hotspot and crew. A pinned
// deployment carries its pin: the pin moves to the new date and window
// (and van, where the pin names one), in the same undo step, so the
// solver keeps it where the planner put it (issue 17, finding 1: the pin
// stayed behind, and the next solve moved the card back).
#pragma once

#include "lfrplan/model.h"

#include <QUndoCommand>

#include <vector>

namespace lfr::ui {

class PlanDocument;

class MoveDeployment : public QUndoCommand {
public:
    MoveDeployment(PlanDocument *document, std::size_t index, Date date, std::string van, std::string window);
    void redo() override;
    void undo() override;
    // Whether the move carries a pin.
    bool carriesPin() const { return carriesPin_; }

private:
    PlanDocument *document_;
    std::size_t index_;
    Deployment before_, after_;
    bool carriesPin_ = false;
    std::vector<Pin> pinsBefore_, pinsAfter_;
};

} // namespace lfr::ui
