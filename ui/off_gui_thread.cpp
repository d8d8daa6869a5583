#include "off_gui_thread.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>

#include <atomic>
#include <exception>
#include <limits>
#include <memory>
#include <thread>

namespace lfr::ui {

namespace {

// What the worker and the waiting GUI thread share; the worker keeps it
// alive after a cancel.
struct Shared {
    std::function<void()> work;
    std::exception_ptr error;
    std::atomic<bool> done{false};
};

} // namespace

bool runOffGuiThread(QWidget *parent, const QString &what, Cancel cancel, std::function<void()> work)
{
    auto shared = std::make_shared<Shared>();
    shared->work = std::move(work);
    std::thread([shared] {
        try {
            shared->work();
        } catch (...) {
            shared->error = std::current_exception();
        }
        shared->work = nullptr; // what it owns goes with the worker, on the worker
        shared->done.store(true, std::memory_order_release);
    }).detach();

    QProgressDialog dialog(what, cancel == Cancel::Allowed ? QObject::tr("Cancel") : QString(), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("storeWait"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(std::numeric_limits<int>::max()); // shown below, not by its own timer
    dialog.setAutoReset(false);
    dialog.setAutoClose(false);
    if (cancel == Cancel::NotAllowed)
        dialog.setCancelButton(nullptr);
    bool cancelled = false;
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&cancelled, cancel] {
        if (cancel == Cancel::Allowed)
            cancelled = true;
    });

    QEventLoop loop;
    QTimer tick;
    tick.setInterval(15);
    QObject::connect(&tick, &QTimer::timeout, &loop, &QEventLoop::quit);
    tick.start();
    QElapsedTimer clock;
    clock.start();
    bool shown = false;
    while (!shared->done.load(std::memory_order_acquire) && !cancelled) {
        if (!shown && clock.elapsed() >= kQuietWaitMs) {
            dialog.setRange(0, 0); // busy: a store call says nothing of its progress
            dialog.show();
            shown = true;
        }
        loop.exec(shown ? QEventLoop::AllEvents : QEventLoop::ExcludeUserInputEvents);
    }
    if (cancelled)
        return false;
    if (shared->error)
        std::rethrow_exception(shared->error);
    return true;
}

} // namespace lfr::ui
