// The desktop app's start, so that the GUI's main() is two calls: answer
// what needs no window, then run the window on the database the command
// line, the recent files or the bundled demo name.
//
//   lfrplan-gui [--database FILE | FILE] [--scenario NAME]
//               [--screenshot PNG [--solve] [--show VIEW]] [--roster-pdf PDF [--solve]]
//
// --help and --version answer without any display. Without a display (no
// DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM or -platform), --screenshot and
// --roster-pdf run on Qt's offscreen platform (gui_tooling.h), and anything
// else says how to run the app instead of aborting in Qt's platform plugin.
// The first start copies the bundled demo week into a database in the
// user's data location (the bundled file is never edited) and opens it;
// later starts open the most recent database.
#pragma once

#include <optional>

class QApplication;

namespace lfr::ui {

// The exit code when the command line needs no window (--help, --version,
// or no display to open one on); nothing to go on. Before any
// QApplication: for a picture or a PDF without a display it chooses Qt's
// offscreen platform.
std::optional<int> answerWithoutWindow(int argc, char **argv);

// Reads the command line, opens the database and runs the window, or the
// screenshot or roster-PDF tooling. Returns the exit code.
int runDesktopApp(QApplication &app);

} // namespace lfr::ui
