// DocumentController: Plan > Publish… (issue 20; docs/publishing.md). The
// saved plan is published through lfr::publishSavedPlan on a worker (a
// server may be slow), as saving is; the store stamps the login and the
// time. What may be published is decided here, in a planner's words.
#include "document_controller.h"

#include "plan_document.h"
#include "publish_dialog.h"
#include "solve_controller.h"
#include "store_call.h"

#include "lfrplan/errors.h"
#include "lfrplan/publishing.h"

#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>

#include <memory>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

QString DocumentController::whyNotPublish() const
{
    if (!document_)
        return tr("No scenario is open.");
    if (!document_->hasStore())
        return tr("This scenario is not in a database: only a stored plan can be published.");
    if (call_->running())
        return tr("Not now: %1").arg(call_->what());
    if (solver_.running())
        return tr("A solve is running: wait for it, or cancel it (Esc).");
    if (!document_->undoStack()->isClean())
        return tr("The plan has unsaved changes. Publishing publishes the saved plan: save first (Ctrl+S), or undo "
                  "the changes.");
    if (!document_->hasSavedPlan())
        return tr("There is no saved plan to publish: solve (F5) and save (Ctrl+S) first.");
    if (const auto n = document_->report().violations.size(); n > 0)
        return tr("The plan breaks %n hard constraint(s) (the Checks panel lists them): fix, save, then publish.",
                  nullptr, static_cast<int>(n));
    if (!document_->publishedProblem().empty())
        return tr("The published versions cannot be read: %1").arg(text(document_->publishedProblem()));
    if (document_->published() && document_->changesSincePublished().empty())
        return tr("Nothing to publish: the saved plan is version %1 as published.")
            .arg(document_->published()->version);
    return {};
}

int DocumentController::nextVersion() const
{
    return document_ && document_->published() ? document_->published()->version + 1 : 1;
}

void DocumentController::publishDialog()
{
    if (const QString why = whyNotPublish(); !why.isEmpty()) {
        emit notice(why, 8000);
        return;
    }
    QString login;
    try {
        login = text(document_->store()->actor());
    } catch (const std::exception &) {
        login = tr("(login unknown)");
    }
    // The board is the saved plan (nothing unsaved): its changes are the saved plan's.
    QStringList lines;
    for (const std::string &line : describeChanges(document_->scenario(), document_->changesSincePublished()))
        lines << text(line);
    const int version = nextVersion();
    auto *dialog =
        new PublishDialog(text(document_->scenario().name), version, login, document_->published(), lines, window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    PlanDocument *doc = document_.get();
    connect(dialog, &QDialog::accepted, this, [this, doc, version] {
        if (document_.get() == doc) // still the scenario the planner was asked about
            publishInBackground(version);
    });
    dialog->open(); // window-modal, no nested event loop
}

void DocumentController::publishInBackground(int version)
{
    if (const QString why = whyNotPublish(); !why.isEmpty()) {
        publishRefused(why);
        return;
    }
    std::optional<PlanDocument::PublishJob> job;
    try {
        job = document_->publishJob();
    } catch (const std::exception &e) {
        publishRefused(said(e));
        return;
    }
    auto result = std::make_shared<PublishedVersion>();
    PlanDocument *doc = document_.get();
    const bool started = call_->start(
        tr("Publishing the plan of %1…").arg(text(job->scenario)), Cancel::NotAllowed,
        [job = *job, result] { *result = PlanDocument::publish(job); },
        [this, doc, result, version](std::exception_ptr error) {
            retired_.reset();
            if (document_.get() != doc)
                return;
            try {
                if (error)
                    std::rethrow_exception(error);
            } catch (const ConflictError &) {
                publishRefused(tr("someone changed \u201c%1\u201d since you opened it, so what you would publish "
                                  "is not what is stored. Open the scenario again (Scenario > Switch to…) to see "
                                  "their change, then publish.")
                                   .arg(text(doc->scenario().name)));
                return;
            } catch (const std::exception &e) {
                publishRefused(said(e));
                return;
            }
            publishRefusal_.clear();
            doc->setPublished(*result);
            emit stateChanged();
            emit notice(result->version == version
                            ? tr("Published as version %1").arg(result->version)
                            : tr("Published as version %1 (not %2: someone published version %3 meanwhile)")
                                  .arg(result->version)
                                  .arg(version)
                                  .arg(result->version - 1),
                        15000);
        });
    if (!started)
        emit notice(tr("Not now: %1").arg(call_->what()), 5000);
}

void DocumentController::publishRefused(const QString &why)
{
    publishRefusal_ = why;
    emit stateChanged();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Publish"),
                                tr("Not published: %1\n\nNothing was published, and nothing of yours is lost: the "
                                   "plan on the board is as it was.")
                                    .arg(why),
                                QMessageBox::Ok, window_);
    box->setObjectName(QStringLiteral("publishRefused"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    // The last published version may have moved on (someone published): read it
    // again, so the board marks what differs from the version that is last now.
    reloadPublishedInBackground();
}

void DocumentController::reloadPublishedInBackground()
{
    if (!document_ || !document_->hasStore())
        return;
    struct Read {
        std::optional<PublishedVersion> version;
        std::string problem;
    };
    auto read = std::make_shared<Read>();
    PlanDocument *doc = document_.get();
    call_->start(
        tr("Reading the published versions…"), Cancel::NotAllowed,
        [read, store = doc->store(), name = doc->scenario().name] {
            try {
                read->version = store->lastPublished(name);
            } catch (const std::exception &e) {
                read->problem = e.what();
            }
        },
        [this, doc, read](std::exception_ptr) {
            retired_.reset();
            if (document_.get() == doc)
                doc->setPublished(std::move(read->version), std::move(read->problem));
            emit stateChanged();
        });
}

} // namespace lfr::ui
