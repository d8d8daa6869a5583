#include "solve_controller.h"

#include "commands/apply_solved_plan.h"
#include "plan_document.h"
#include "solve_runner.h"

#include "lfrplan/solver.h"

#include <QLabel>
#include <QProgressBar>
#include <QUndoStack>

#include <algorithm>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

SolveController::SolveController(QWidget *statusParent)
    : QObject(statusParent), runner_(new SolveRunner(this)), progress_(new QProgressBar(statusParent)),
      status_(new QLabel(statusParent))
{
    progress_->setMaximumWidth(160);
    progress_->setRange(0, 1000);
    progress_->setVisible(false);
    status_->setObjectName(QStringLiteral("solveStatus"));
    connect(runner_, &SolveRunner::progress, this, [this](double elapsed, double incumbent, bool has, double bound) {
        const double gap = has && bound > 0 ? std::max(0.0, (bound - incumbent) / bound) : 1.0;
        progress_->setValue(static_cast<int>(1000 * (1.0 - std::min(1.0, gap))));
        status_->setText(has ? tr("%1 s · best %2 · bound %3")
                                   .arg(elapsed, 0, 'f', 1)
                                   .arg(incumbent, 0, 'f', 1)
                                   .arg(bound, 0, 'f', 1)
                             : tr("%1 s · searching…").arg(elapsed, 0, 'f', 1));
    });
    connect(runner_, &SolveRunner::finished, this, &SolveController::finished);
    connect(runner_, &SolveRunner::failed, this, [this](const QString &message) {
        progress_->setVisible(false);
        solving_.reset();
        emit runningChanged();
        emit failed(message);
    });
}

SolveController::~SolveController() { runner_->cancel(); }

void SolveController::setDocument(PlanDocument *document)
{
    runner_->cancel();
    document_ = document;
    // The last solve was about another document (issue 17, finding 8: the
    // status bar kept the previous scenario's "optimal: objective ...").
    status_->clear();
    result_.clear();
    solvedAt_ = -1;
    progress_->setVisible(false);
    disconnect(following_);
    if (document_)
        following_ = connect(document_->undoStack(), &QUndoStack::indexChanged, this, &SolveController::showResult);
}

void SolveController::showResult()
{
    if (result_.isEmpty() || runner_->running())
        return;
    const bool current = document_ && document_->undoStack()->index() == solvedAt_;
    status_->setText(current ? result_ : tr("last solve: %1; the plan has changed since").arg(result_));
    status_->setEnabled(current);
}

bool SolveController::running() const { return runner_->running(); }

void SolveController::solve()
{
    if (document_ == nullptr || runner_->running())
        return;
    SolverOptions options;
    options.timeLimitSeconds = 60;
    if (!runner_->start(document_->scenario(), options))
        return;
    solving_ = document_->scenario();
    progress_->setValue(0);
    progress_->setVisible(true);
    status_->setText(tr("Solving…"));
    emit runningChanged();
}

void SolveController::cancel() { runner_->cancel(); }

void SolveController::finished(const lfr::SolveResult &result)
{
    progress_->setVisible(false);
    const Plan &plan = result.plan;
    QString status = text(std::string(planStatusName(plan.status)));
    if (result.stop != SolveStop::Finished)
        status = tr("%1 (%2)").arg(status, text(std::string(solveStopName(result.stop))));
    if (plan.status == PlanStatus::Infeasible)
        status_->setText(status);
    else
        status_->setText(tr("%1: objective %2, bound %3")
                             .arg(status)
                             .arg(plan.figures.value_or(ObjectiveFigures{}).objective, 0, 'f', 2)
                             .arg(plan.bound.value_or(0.0), 0, 'f', 2));
    // Edits are locked during a solve; should one have slipped through, a
    // plan found for other data is not laid over them.
    if (document_ != nullptr && solving_ && !(document_->scenario() == *solving_)) {
        status_->setText(tr("%1 — not applied: the data changed during the solve; solve again (F5)").arg(status));
        solving_.reset();
        emit runningChanged();
        return;
    }
    if (document_ != nullptr && plan.status != PlanStatus::Infeasible) {
        document_->undoStack()->push(new ApplySolvedPlan(document_, result.plan.deployments));
        if (solving_)
            document_->recordProof(*solving_, result.plan); // saved as proven (issue 16)
    }
    result_ = status_->text();
    solvedAt_ = document_ ? document_->undoStack()->index() : -1;
    status_->setEnabled(true);
    solving_.reset();
    emit runningChanged();
    QStringList lines;
    for (const std::string &line : result.explanation)
        lines << text(line);
    emit explained(lines, plan.status == PlanStatus::Infeasible);
}

} // namespace lfr::ui
