#include "add_deployment.h"

#include "plan_document.h"

#include <QCoreApplication>

namespace lfr::ui {

AddDeployment::AddDeployment(PlanDocument *document, Deployment deployment)
    : document_(document), deployment_(std::move(deployment)), at_(document->deployments().size())
{
    setText(QCoreApplication::translate("AddDeployment", "Add %1")
                .arg(QString::fromStdString(document->index().describe(deployment_))));
}

void AddDeployment::redo() { document_->insertDeployment(at_, deployment_); }

void AddDeployment::undo() { document_->removeDeployment(at_); }

} // namespace lfr::ui
