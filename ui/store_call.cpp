#include "store_call.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <cstdint>

#include <thread>

namespace lfr::ui {

StoreCall::StoreCall(QObject *parent) : QObject(parent), self_(std::make_shared<StoreCall *>(this)) {}

StoreCall::~StoreCall() = default;

bool StoreCall::start(const QString &what, Cancel cancel, std::function<void()> work,
                      std::function<void(std::exception_ptr)> done)
{
    if (running_)
        return false;
    const std::uint64_t call = ++call_;
    running_ = true;
    cancel_ = cancel;
    what_ = what;
    done_ = std::move(done);
    // The answer goes through the application object, which outlives every
    // window; on the GUI thread it finds this object again, if it still is.
    std::weak_ptr<StoreCall *> self = self_;
    std::thread([self, call, work = std::move(work)]() mutable {
        std::exception_ptr error;
        try {
            work();
        } catch (...) {
            error = std::current_exception();
        }
        work = nullptr; // what it owns goes with the worker, on the worker
        QCoreApplication *app = QCoreApplication::instance();
        if (app == nullptr) // the program is ending
            return;
        QMetaObject::invokeMethod(
            app,
            [self, call, error] {
                if (const auto alive = self.lock())
                    (*alive)->finish(call, error);
            },
            Qt::QueuedConnection);
    }).detach();
    emit runningChanged();
    return true;
}

bool StoreCall::cancel()
{
    if (!cancellable())
        return false;
    ++call_; // its answer will find another number
    running_ = false;
    done_ = nullptr;
    emit runningChanged();
    return true;
}

void StoreCall::finish(std::uint64_t call, std::exception_ptr error)
{
    if (call != call_ || !running_)
        return;
    running_ = false;
    auto done = std::move(done_);
    done_ = nullptr;
    emit runningChanged();
    if (done)
        done(error);
}

} // namespace lfr::ui
