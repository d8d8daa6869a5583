// A store call (opening a database, saving a plan, reading a scenario
// again) on a worker thread, so that a slow server never freezes the
// window: the caller goes on at once, and `done` runs later on the GUI
// thread with the outcome. No nested event loop and no modal wait: the
// window stays usable, and its owner disables what may not run meanwhile
// (running(), runningChanged). The work must own what it touches (its
// store, or a store its owner keeps until done runs; copies of the data).
// A cancellable call (a read with a store of its own) can be dropped: its
// work then finishes, or fails, on its own and `done` never runs.
#pragma once

#include <QObject>
#include <QString>

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>

namespace lfr::ui {

enum class Cancel { Allowed, NotAllowed };

class StoreCall : public QObject {
    Q_OBJECT
public:
    explicit StoreCall(QObject *parent = nullptr);
    ~StoreCall() override; // a running call's `done` never runs

    // Starts `work` on a worker; `done(error)` runs on this object's
    // thread when it ends (error: what it threw, or null). False, starting
    // nothing, while another call runs. `what`: "Saving the plan…".
    bool start(const QString &what, Cancel cancel, std::function<void()> work,
               std::function<void(std::exception_ptr)> done);
    bool running() const { return running_; }
    const QString &what() const { return what_; }
    bool cancellable() const { return running_ && cancel_ == Cancel::Allowed; }
    // Drops a cancellable call; false (nothing changes) for a write.
    bool cancel();

signals:
    void runningChanged();

private:
    void finish(std::uint64_t call, std::exception_ptr error);

    // Outlives this object for the worker's sake; its life says whether the
    // answer still has somewhere to go.
    std::shared_ptr<StoreCall *> self_;
    std::uint64_t call_ = 0; // the running call's number: a dropped one's answer is ignored
    bool running_ = false;
    Cancel cancel_ = Cancel::NotAllowed;
    QString what_;
    std::function<void(std::exception_ptr)> done_;
};

} // namespace lfr::ui
