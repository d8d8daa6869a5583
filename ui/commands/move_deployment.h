// Moves a deployment to another date, van or window (a drag on the week
// board), keeping its hotspot and crew.
#pragma once

#include "lfrplan/model.h"

#include <QUndoCommand>

namespace lfr::ui {

class PlanDocument;

class MoveDeployment : public QUndoCommand {
public:
    MoveDeployment(PlanDocument *document, std::size_t index, Date date, std::string van, std::string window);
    void redo() override;
    void undo() override;

private:
    PlanDocument *document_;
    std::size_t index_;
    Deployment before_, after_;
};

} // namespace lfr::ui
