// Changes one deployment's crew: adds an officer in a role, swaps one crew
// member for another, or takes one off. The command stores the whole crew
// before and after, so undo restores it exactly (order included).
#pragma once

#include "lfrplan/model.h"

#include <QString>
#include <QUndoCommand>

#include <vector>

namespace lfr::ui {

class PlanDocument;

class AssignOfficer : public QUndoCommand {
public:
    // Adds `officer` as `role`.
    static AssignOfficer *add(PlanDocument *document, std::size_t deployment, const std::string &officer,
                              const std::string &role);
    // Puts `officer` in place of crew member `member` (same role).
    static AssignOfficer *swap(PlanDocument *document, std::size_t deployment, std::size_t member,
                               const std::string &officer);
    // Takes crew member `member` off.
    static AssignOfficer *remove(PlanDocument *document, std::size_t deployment, std::size_t member);

    void redo() override;
    void undo() override;

private:
    AssignOfficer(PlanDocument *document, std::size_t deployment, std::vector<CrewAssignment> after,
                  const QString &text);

    PlanDocument *document_;
    std::size_t deployment_;
    std::vector<CrewAssignment> before_, after_;
};

} // namespace lfr::ui
