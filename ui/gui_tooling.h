// The desktop app's tooling, for documentation and for looking at the app
// without a display (lfrplan-gui --screenshot, --roster-pdf): each runs
// the window's event loop until its file is written and returns the exit
// code (0 written, 1 not), saying on stderr what it wrote.
#pragma once

#include <QString>

namespace lfr::ui {

class MainWindow;

// Writes the printable roster of the open document to `pdf` (with solve:
// after solving it).
int runRosterPdf(MainWindow &window, const QString &pdf, bool solve);

// Renders the window at 1366x768 to `png` (with solve: after solving),
// with `view` in front: checks, crew, authorisation, map, staffing, data;
// or a dialog instead: compare (and its charts beside, *-chart.png),
// transparency, audit.
int runScreenshot(MainWindow &window, const QString &png, const QString &view, bool solve);

} // namespace lfr::ui
