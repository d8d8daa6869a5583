// DocumentController: "Officer unavailable…" and "Van out of service…"
// (issue 20; docs/publishing.md, "In the app"). The re-plan from the last
// published version (lfr::replanScenario) runs on a worker like a store
// call (it takes a second or two at 33,000 officers), then what it would
// change is shown; Apply is one undoable step (ApplyDisruption), and the
// next save records the disruption with the re-plan (Storage::saveDisruption).
#include "document_controller.h"

#include "commands/apply_disruption.h"
#include "disruption_dialog.h"
#include "plan_document.h"
#include "solve_controller.h"
#include "store_call.h"

#include "lfrplan/disruption.h"
#include "lfrplan/errors.h"
#include "lfrplan/publishing.h"

#include <QComboBox>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>

#include <memory>

namespace lfr::ui {

namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }

// An InputError's detail without the command line's spelling in front
// ("\"MP1@2026-12-09\": MP1 is not on duty…" says "MP1 is not on duty…").
QString refusal(const InputError &e)
{
    QString detail = text(e.detail());
    if (detail.startsWith(QLatin1Char('"'))) {
        const qsizetype end = detail.indexOf(QStringLiteral("\": "), 1);
        if (end > 0)
            detail = detail.mid(end + 3);
    }
    return detail;
}

} // namespace

QString DocumentController::whyNotDisrupt() const
{
    if (!document_)
        return tr("No scenario is open.");
    if (!document_->hasStore())
        return tr("This scenario is not in a database: a re-plan starts from a published version, which only a "
                  "database keeps.");
    if (call_->running())
        return tr("Not now: %1").arg(call_->what());
    if (solver_.running())
        return tr("A solve is running: wait for it, or cancel it (Esc).");
    if (!document_->publishedProblem().empty())
        return tr("The published versions cannot be read: %1").arg(text(document_->publishedProblem()));
    if (!document_->published())
        return tr("Nothing is published yet: a re-plan keeps what the officers were told, so publish the plan first "
                  "(Plan > Publish…).");
    return {};
}

void DocumentController::disruptionDialog(DisruptionKind kind, std::vector<std::pair<QString, QString>> choices,
                                          const QString &chosen, std::optional<Date> date)
{
    if (const QString why = whyNotDisrupt(); !why.isEmpty()) {
        emit notice(why, 8000);
        return;
    }
    const bool officer = kind == DisruptionKind::OfficerOut;
    auto *dialog = new DisruptionDialog(officer ? DisruptionDialog::Kind::OfficerOut : DisruptionDialog::Kind::VanOut,
                                        choices, chosen, document_->scenario().dates, date, window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    PlanDocument *doc = document_.get();
    connect(dialog, &QDialog::accepted, this, [this, doc, dialog, officer] {
        if (document_.get() != doc)
            return;
        const std::string id = dialog->chosenId().toStdString();
        const std::optional<Date> when = dialog->chosenDate();
        const QString on = when ? tr("on %1").arg(text(shortDate(*when))) : tr("all week");
        Disruption disruption;
        QString title;
        if (officer) {
            disruption.officersOut.push_back({id, when});
            title = tr("Officer %1 unavailable %2").arg(text(id), on);
        } else {
            disruption.vansOut.push_back({id, when});
            title = tr("Van %1 out of service %2").arg(dialog->subjectBox()->currentText(), on);
        }
        replanInBackground(disruption, title);
    });
    dialog->open(); // window-modal, no nested event loop
}

void DocumentController::replanInBackground(const Disruption &disruption, const QString &title)
{
    if (const QString why = whyNotDisrupt(); !why.isEmpty()) {
        replanRefused(why);
        return;
    }
    struct Work {
        PlanState base; // the board the re-plan starts from
        std::vector<Deployment> published;
        int version = 0;
        Disruption disruption;
        std::optional<ReplanOutcome> outcome;
    };
    auto work = std::make_shared<Work>();
    work->base = PlanState{document_->scenario(), document_->deployments()};
    work->published = document_->published()->plan.deployments;
    work->version = document_->published()->version;
    work->disruption = disruption;
    PlanDocument *doc = document_.get();
    const bool started = call_->start(
        tr("Re-planning from published version %1…").arg(work->version), Cancel::Allowed,
        [work] {
            work->outcome = replanScenario(work->base.scenario, work->published, work->version, work->disruption);
        },
        [this, doc, work, title](std::exception_ptr error) {
            if (document_.get() != doc)
                return;
            emit stateChanged();
            try {
                if (error)
                    std::rethrow_exception(error);
            } catch (const InputError &e) {
                replanRefused(refusal(e));
                return;
            } catch (const std::exception &e) {
                replanRefused(said(e));
                return;
            }
            const ReplanOutcome &outcome = *work->outcome;
            const Plan &plan = outcome.result.plan;
            QStringList body;
            body << tr("Disruption:");
            for (const std::string &line : outcome.what)
                body << QStringLiteral("  ") + text(line);
            QString summary;
            const bool applicable = plan.status != PlanStatus::Infeasible && plan.stability.has_value();
            if (!applicable) {
                summary = tr("No re-plan: %1").arg(text(plan.reason.value_or(std::string())));
            } else {
                const Stability &st = *plan.stability;
                summary = tr("Re-planned from published version %1: keeps %2 of %3 published deployments, %n crew "
                             "place(s) changed (%4).",
                             nullptr, static_cast<int>(st.crewPlacesChanged))
                              .arg(outcome.fromVersion)
                              .arg(st.kept)
                              .arg(st.published)
                              .arg(st.proven ? tr("proven minimal")
                                             : tr("NOT proven minimal: the time limit came "
                                                  "first"));
                const PlanChanges changes = comparePlans(outcome.published, plan.deployments);
                body << QString() << (changes.empty() ? tr("No change to any deployment.") : tr("Changes:"));
                for (const std::string &line : describeChanges(outcome.disrupted, changes))
                    body << QStringLiteral("  ") + text(line);
                if (!outcome.result.lost.empty()) {
                    body << QString() << tr("Published deployments that must go:");
                    for (const std::string &line : outcome.result.lost)
                        body << QStringLiteral("  ") + text(line);
                }
            }
            auto *dialog = new ReplanDialog(title, summary, body, applicable, window_);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, doc, work, title] {
                if (document_.get() != doc)
                    return;
                // The board must still be the one re-planned (the window is
                // modal meanwhile; this is the last word).
                if (!(PlanState{doc->scenario(), doc->deployments()} == work->base)) {
                    replanRefused(tr("the plan changed while the re-plan was shown; ask again."));
                    return;
                }
                const ReplanOutcome &replanned = *work->outcome;
                doc->undoStack()->push(
                    new ApplyDisruption(doc, title, PlanState{replanned.disrupted, replanned.result.plan.deployments},
                                        replanned.what, replanned.fromVersion));
                emit stateChanged();
                emit notice(
                    tr("%1: re-planned. Save (Ctrl+S) to record the disruption; nothing is published.").arg(title),
                    10000);
            });
            dialog->open();
        });
    if (!started)
        emit notice(tr("Not now: %1").arg(call_->what()), 5000);
    emit stateChanged();
}

void DocumentController::replanRefused(const QString &why)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Re-plan"),
                                tr("Not re-planned: %1\n\nNothing was changed.").arg(why), QMessageBox::Ok, window_);
    box->setObjectName(QStringLiteral("replanRefused"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace lfr::ui
