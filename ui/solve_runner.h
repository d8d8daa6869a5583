// Runs the core solver on a worker thread. Progress (elapsed, incumbent,
// bound) arrives as queued signals on the runner's thread; cancel() asks the
// solver to stop through its progress callback, and it then returns its best
// plan with status interrupted. Destroying the runner cancels and joins the
// worker: no solve outlives it, and no nested event loop is used.
#pragma once

#include "lfrplan/model.h"
#include "lfrplan/solver.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <thread>

namespace lfr::ui {

class SolveRunner : public QObject {
    Q_OBJECT
public:
    explicit SolveRunner(QObject *parent = nullptr);
    ~SolveRunner() override;

    // Starts a solve of a copy of the scenario; false while one runs.
    bool start(const Scenario &scenario, const SolverOptions &options);
    void cancel();
    bool running() const { return running_; }

signals:
    void progress(double elapsedSeconds, double incumbent, bool hasIncumbent, double bound);
    // The result, on the runner's thread; running() is false by then.
    void finished(const lfr::SolveResult &result);
    // The solver refused the scenario or options (a message for the planner).
    void failed(const QString &message);

private:
    void join();

    std::thread worker_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    bool running_ = false;
};

} // namespace lfr::ui

Q_DECLARE_METATYPE(lfr::SolveResult)
