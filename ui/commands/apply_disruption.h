// Applies a disruption and its re-plan (issue 20): the document's scenario
// and plan become the disrupted scenario and the re-plan, as one undoable
// step ("Officer MP123456 unavailable on Wed 9 Dec"); undo restores both
// exactly. While applied, the disruption is pending in the document, so
// saving records it (Storage::saveDisruption); undone, it is not.
#pragma once

#include "lfrplan/scenario_merge.h"

#include <QString>
#include <QUndoCommand>

#include <string>
#include <vector>

namespace lfr::ui {

class PlanDocument;

class ApplyDisruption : public QUndoCommand {
public:
    ApplyDisruption(PlanDocument *document, const QString &text, PlanState after, std::vector<std::string> what,
                    int fromVersion);
    void redo() override;
    void undo() override;

private:
    PlanDocument *document_;
    int id_;
    PlanState before_, after_;
    std::vector<std::string> what_;
    int fromVersion_;
};

} // namespace lfr::ui
