#include "move_deployment.h"

#include "plan_document.h"

#include "lfrplan/dates.h"

#include <QCoreApplication>

namespace lfr::ui {

MoveDeployment::MoveDeployment(PlanDocument *document, std::size_t index, Date date, std::string van,
                               std::string window)
    : document_(document), index_(index), before_(document->deployments().at(index)), after_(before_)
{
    after_.date = date;
    after_.van = std::move(van);
    after_.window = std::move(window);
    setText(QCoreApplication::translate("MoveDeployment", "Move %1 to %2 %3 (%4)")
                .arg(QString::fromStdString(document->index().hotspotName(before_.hotspot)),
                     QString::fromStdString(formatDay(date)), QString::fromStdString(after_.window),
                     QString::fromStdString(after_.van)));
}

void MoveDeployment::redo() { document_->replaceDeployment(index_, after_); }

void MoveDeployment::undo() { document_->replaceDeployment(index_, before_); }

} // namespace lfr::ui
