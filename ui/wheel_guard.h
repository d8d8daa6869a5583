// Spin boxes and combo boxes take the mouse wheel only when they have the
// keyboard focus (issue 17, finding 3: scrolling the authorisation panel
// over a spin box changed a watchlist size, which was then stored). A wheel
// over one without focus scrolls what holds it instead. One filter on the
// application covers every window and dialog.
#pragma once

#include <QObject>

namespace lfr::ui {

class WheelGuard : public QObject {
    Q_OBJECT
public:
    // Installs the guard on the application once (later calls do nothing).
    static void install();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace lfr::ui
