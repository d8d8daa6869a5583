#include "apply_solved_plan.h"

#include "plan_document.h"

#include <QCoreApplication>

namespace lfr::ui {

ApplySolvedPlan::ApplySolvedPlan(PlanDocument *document, std::vector<Deployment> solved)
    : document_(document), before_(document->deployments()), beforeSolved_(document->lastSolved()),
      after_(std::move(solved))
{
    setText(QCoreApplication::translate("ApplySolvedPlan", "Solve (%n deployment(s))", nullptr,
                                        static_cast<int>(after_.size())));
}

void ApplySolvedPlan::redo()
{
    document_->setLastSolved(after_);
    document_->setDeployments(after_);
}

void ApplySolvedPlan::undo()
{
    document_->setLastSolved(beforeSolved_);
    document_->setDeployments(before_);
}

} // namespace lfr::ui
