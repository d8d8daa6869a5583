// Solving the open document, as the window offers it: starts the runner on
// the document's scenario, shows progress and the result in the status bar
// (a progress bar and a label it owns), applies a found plan as one undoable
// command and records what the solver proved about it (issue 16: saved as
// proven). The window places the widgets and enables its actions by
// running(); the explanation goes to whoever shows it.
#pragma once

#include "lfrplan/model.h"

#include <QObject>
#include <QStringList>

#include <optional>

class QLabel;
class QProgressBar;
class QWidget;

namespace lfr {
struct SolveResult;
}

namespace lfr::ui {

class PlanDocument;
class SolveRunner;

class SolveController : public QObject {
    Q_OBJECT
public:
    // The widgets are children of `statusParent`, for the window to place.
    explicit SolveController(QWidget *statusParent);
    ~SolveController() override;

    // The document solves apply to (none: nothing to solve). Setting
    // another cancels a running solve: its plan is about the old one.
    void setDocument(PlanDocument *document);
    void solve();
    void cancel();
    bool running() const;

    SolveRunner *runner() const { return runner_; }
    QLabel *status() const { return status_; }
    QProgressBar *progress() const { return progress_; }

signals:
    // A solve started or ended (the window re-enables its actions).
    void runningChanged();
    // What holds the plan back, after each solve.
    void explained(const QStringList &lines, bool infeasible);
    // The solver refused the scenario or options.
    void failed(const QString &message);

private:
    void finished(const lfr::SolveResult &result);

    SolveRunner *runner_;
    QProgressBar *progress_;
    QLabel *status_;
    PlanDocument *document_ = nullptr;
    // The scenario as the running solve was given it (what its proof is about).
    std::optional<lfr::Scenario> solving_;
    // The last solve's result and the undo index its plan was applied at:
    // once the plan moves off it, the status says it was the last solve's
    // (a plan's status and bound are shown only for the plan they are of).
    QString result_;
    int solvedAt_ = -1;
    QMetaObject::Connection following_;
    void showResult();
};

} // namespace lfr::ui
