// Adds a deployment at a hotspot in a van, window and date, with no crew
// yet (the validator reports the missing officers until they are added).
#pragma once

#include "lfrplan/model.h"

#include <QUndoCommand>

namespace lfr::ui {

class PlanDocument;

class AddDeployment : public QUndoCommand {
public:
    AddDeployment(PlanDocument *document, Deployment deployment);
    void redo() override;
    void undo() override;

private:
    PlanDocument *document_;
    Deployment deployment_;
    std::size_t at_;
};

} // namespace lfr::ui
