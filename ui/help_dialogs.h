// The Help menu's windows (issue 17, finding 12): the user guide (the same
// text as docs/user-guide.md, built into the program), the keyboard
// shortcuts (read from the window's own actions, so it cannot drift from
// what the keys do), and About (version, licence, the libraries and their
// licences).
#pragma once

#include <QString>

class QDialog;
class QWidget;

namespace lfr::ui {

// The user guide in a browser window (non-modal, deleted on close).
QDialog *userGuideDialog(QWidget *parent);
// Every action of `window` that has a shortcut, by menu, plus the keys of
// the board and the map that are not actions.
QDialog *shortcutsDialog(QWidget *window);
// About lfrplan, as rich text.
QString aboutText();

} // namespace lfr::ui
