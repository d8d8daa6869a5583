// Store calls (opening a database, saving, reading it again) run on a
// worker thread, so that a slow server never freezes the window: it keeps
// painting and its timers and solves keep running. The caller waits in a
// nested event loop that takes no input until, after a moment, a progress
// dialog (modal to the window) says what is being waited for; a read may
// be cancelled there. The work must own everything it touches (its store,
// copies of the data): after a cancel it finishes, or fails, on its own and
// its result is dropped. No other code may use the same store meanwhile:
// the window takes no input while the dialog is not shown, and none but
// the dialog's while it is.
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace lfr::ui {

enum class Cancel { Allowed, NotAllowed };

// Runs `work` off the GUI thread and waits for it as above. True when it
// ran to its end (an exception it threw is rethrown here, on the GUI
// thread); false when the user cancelled the wait. `what`: "Opening
// demo.db…". NotAllowed: for writes, which cannot be called back once sent.
bool runOffGuiThread(QWidget *parent, const QString &what, Cancel cancel, std::function<void()> work);

// How long the wait goes without a dialog, in milliseconds.
inline constexpr int kQuietWaitMs = 400;

} // namespace lfr::ui
