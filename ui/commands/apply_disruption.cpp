#include "apply_disruption.h"

#include "plan_document.h"

namespace lfr::ui {

ApplyDisruption::ApplyDisruption(PlanDocument *document, const QString &text, PlanState after,
                                 std::vector<std::string> what, int fromVersion)
    : document_(document),
      id_(PlanDocument::nextDisruptionId()), before_{document->scenario(), document->deployments()},
      after_(std::move(after)), what_(std::move(what)), fromVersion_(fromVersion)
{
    setText(text);
}

void ApplyDisruption::redo()
{
    document_->disruptionApplied({id_, what_, fromVersion_});
    document_->replaceAll(after_);
}

void ApplyDisruption::undo()
{
    document_->disruptionUndone(id_);
    document_->replaceAll(before_);
}

} // namespace lfr::ui
