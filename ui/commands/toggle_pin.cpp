#include "toggle_pin.h"

#include "plan_document.h"

#include <QCoreApplication>

namespace lfr::ui {

TogglePin::TogglePin(PlanDocument *document, std::size_t index)
    : document_(document), before_(document->scenario().pinned), after_(before_)
{
    const Deployment &deployment = document->deployments().at(index);
    const QString what = QString::fromStdString(document->index().describe(deployment));
    if (const auto pin = document->pinOf(deployment)) {
        after_.erase(after_.begin() + static_cast<std::ptrdiff_t>(*pin));
        setText(QCoreApplication::translate("TogglePin", "Unpin %1").arg(what));
    } else {
        after_.push_back(Pin{deployment.hotspot, deployment.date, deployment.window, deployment.van, deployment.crew});
        setText(QCoreApplication::translate("TogglePin", "Pin %1").arg(what));
    }
}

void TogglePin::redo() { document_->setPins(after_); }

void TogglePin::undo() { document_->setPins(before_); }

} // namespace lfr::ui
