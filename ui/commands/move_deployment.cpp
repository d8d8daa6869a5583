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
    const ScenarioIndex &ix = document->index();
    const QString where = QCoreApplication::translate("MoveDeployment", "%1 %2, %3")
                              .arg(QString::fromStdString(formatDay(date)), QString::fromStdString(after_.window),
                                   QString::fromStdString(ix.vanLabel(after_.van)));
    const QString hotspot = QString::fromStdString(ix.hotspotName(before_.hotspot));
    if (const auto pin = document->pinOf(before_)) {
        carriesPin_ = true;
        pinsBefore_ = document->scenario().pinned;
        pinsAfter_ = pinsBefore_;
        Pin &moved = pinsAfter_[*pin];
        moved.date = after_.date;
        moved.window = after_.window;
        if (moved.van)
            moved.van = after_.van;
        setText(QCoreApplication::translate("MoveDeployment", "Move pinned %1 to %2 (the pin moves with it)")
                    .arg(hotspot, where));
    } else {
        setText(QCoreApplication::translate("MoveDeployment", "Move %1 to %2").arg(hotspot, where));
    }
}

void MoveDeployment::redo()
{
    if (carriesPin_)
        document_->setPins(pinsAfter_);
    document_->replaceDeployment(index_, after_);
}

void MoveDeployment::undo()
{
    if (carriesPin_)
        document_->setPins(pinsBefore_);
    document_->replaceDeployment(index_, before_);
}

} // namespace lfr::ui
