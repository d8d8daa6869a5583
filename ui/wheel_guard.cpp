#include "wheel_guard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>

namespace lfr::ui {

void WheelGuard::install()
{
    static WheelGuard *guard = nullptr;
    if (guard != nullptr || qApp == nullptr)
        return;
    guard = new WheelGuard(qApp);
    qApp->installEventFilter(guard);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    const bool wheel = event->type() == QEvent::Wheel;
    if (!wheel && event->type() != QEvent::Polish)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    const bool takesWheel = qobject_cast<QAbstractSpinBox *>(watched) || qobject_cast<QComboBox *>(watched);
    if (widget == nullptr || !takesWheel)
        return false;
    if (!wheel) {
        // A real wheel would give it the focus first (Qt::WheelFocus), and
        // with it the wheel: a click or Tab does.
        if ((widget->focusPolicy() & Qt::WheelFocus) == Qt::WheelFocus)
            widget->setFocusPolicy(Qt::StrongFocus);
        return false;
    }
    if (widget->hasFocus())
        return false;
    // Not for this one: unaccepted, the wheel goes on to what holds it.
    event->ignore();
    return true;
}

} // namespace lfr::ui
