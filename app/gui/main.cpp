// The desktop app, lfrplan-gui: see ui/desktop_app.h for its command line.
#include "desktop_app.h"

#include <QApplication>

int main(int argc, char **argv)
{
    if (const auto answered = lfr::ui::answerWithoutWindow(argc, argv))
        return *answered;
    QApplication app(argc, argv);
    return lfr::ui::runDesktopApp(app);
}
