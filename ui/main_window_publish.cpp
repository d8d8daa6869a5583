// MainWindow's Plan > Publish… (issue 20): enabled only when the saved plan
// may be published, with the reason as its tooltip when not; and the
// status bar's word on the published version, true of the board as it is.
#include "main_window.h"

#include "document_controller.h"
#include "document_view.h"
#include "plan_document.h"
#include "publish_panel.h"

#include <QAction>
#include <QLabel>
#include <QMenu>

namespace lfr::ui {

PublishPanel *MainWindow::changesPanel() const { return view_ ? view_->changes() : nullptr; }

void MainWindow::createPublishAction(QMenu *plan)
{
    plan->addSeparator();
    publish_ = plan->addAction(tr("P&ublish…"), documents_, &DocumentController::publishDialog);
    publish_->setObjectName(QStringLiteral("publishAction"));
    gate_.narrow(
        publish_, [](const Permissions &p) { return p.editPlans; }, tr("publish plans"));
}

void MainWindow::updatePublish()
{
    PlanDocument *doc = document();
    // The status bar: what the board is against the last published version.
    QString status;
    if (doc && doc->hasStore()) {
        if (!doc->publishedProblem().empty())
            status = tr("Published versions unreadable");
        else if (!doc->published())
            status = tr("Not published yet");
        else if (doc->changesSincePublished().empty())
            status = tr("Published as version %1").arg(doc->published()->version);
        else
            status = tr("%n change(s) since published version %1", nullptr,
                        static_cast<int>(doc->changesSincePublished().deployments.size()))
                         .arg(doc->published()->version);
    }
    publishedStatus_->setText(status);
    if (!gate_.permissions().editPlans)
        return; // the gate disabled it, saying the role may not
    const QString why = documents_->whyNotPublish();
    publish_->setEnabled(why.isEmpty());
    const QString tip = why.isEmpty() ? tr("Publish the saved plan as version %1").arg(documents_->nextVersion()) : why;
    publish_->setToolTip(tip);
    publish_->setStatusTip(tip);
}

} // namespace lfr::ui
