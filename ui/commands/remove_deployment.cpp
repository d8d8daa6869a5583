#include "remove_deployment.h"

#include "plan_document.h"

#include <QCoreApplication>

namespace lfr::ui {

RemoveDeployment::RemoveDeployment(PlanDocument *document, std::size_t index)
    : document_(document), index_(index), removed_(document->deployments().at(index))
{
    setText(QCoreApplication::translate("RemoveDeployment", "Remove %1")
                .arg(QString::fromStdString(document->index().describe(removed_))));
}

void RemoveDeployment::redo() { document_->removeDeployment(index_); }

void RemoveDeployment::undo() { document_->insertDeployment(index_, removed_); }

} // namespace lfr::ui
