#include "solve_runner.h"

#include <QMetaObject>
#include <QPointer>

#include <exception>

namespace lfr::ui {

SolveRunner::SolveRunner(QObject *parent) : QObject(parent) { qRegisterMetaType<lfr::SolveResult>(); }

SolveRunner::~SolveRunner()
{
    cancel();
    join();
}

void SolveRunner::join()
{
    if (worker_.joinable())
        worker_.join();
}

void SolveRunner::cancel()
{
    if (cancel_)
        cancel_->store(true);
}

bool SolveRunner::start(const Scenario &scenario, const SolverOptions &options)
{
    if (running_)
        return false;
    join(); // the previous worker has posted its result; reap it
    running_ = true;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    QPointer<SolveRunner> self(this);
    worker_ = std::thread([self, scenario, options, cancel = cancel_] {
        // Posts to the runner's thread; dropped if the runner is gone.
        auto post = [self](auto &&f) {
            if (self)
                QMetaObject::invokeMethod(self.data(), std::forward<decltype(f)>(f), Qt::QueuedConnection);
        };
        const ProgressCallback progress = [&](const SolveProgress &p) {
            post([self, p] {
                if (SolveRunner *runner = self.data())
                    emit runner->progress(p.elapsedSeconds, p.incumbent.value_or(0.0), p.incumbent.has_value(),
                                          p.bound);
            });
            return !cancel->load();
        };
        try {
            SolveResult result = solve(scenario, options, progress);
            post([self, result = std::move(result)] {
                if (SolveRunner *runner = self.data()) {
                    runner->running_ = false;
                    emit runner->finished(result);
                }
            });
        } catch (const std::exception &e) {
            const QString message = QString::fromStdString(e.what());
            post([self, message] {
                if (SolveRunner *runner = self.data()) {
                    runner->running_ = false;
                    emit runner->failed(message);
                }
            });
        }
    });
    return true;
}

} // namespace lfr::ui
