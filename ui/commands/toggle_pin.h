// Pins a deployment (its hotspot, date, window, van and crew become a pin
// that every solve keeps), or unpins it.
#pragma once

#include "lfrplan/model.h"

#include <QUndoCommand>

#include <vector>

namespace lfr::ui {

class PlanDocument;

class TogglePin : public QUndoCommand {
public:
    TogglePin(PlanDocument *document, std::size_t index);
    void redo() override;
    void undo() override;

private:
    PlanDocument *document_;
    std::vector<Pin> before_, after_;
};

} // namespace lfr::ui
