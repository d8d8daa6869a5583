// MainWindow's View and Help menus (issue 17, finding 12: a closed dock or
// the toolbar could come back only by a right-click on the toolbar; there
// was no help and no About), and where the window opens the first time
// (finding 11: a 786×595 window on a 1366×768 screen).
#include "main_window.h"

#include "document_view.h"
#include "help_dialogs.h"
#include "map_view.h"
#include "week_board_view.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QToolBar>

namespace lfr::ui {

void MainWindow::createViewMenu()
{
    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->setObjectName(QStringLiteral("viewMenu"));
    // The docks are the open document's: listed afresh each time.
    connect(viewMenu_, &QMenu::aboutToShow, this, &MainWindow::fillViewMenu);
    zoomIn_ = new QAction(tr("Zoom &in on the board"), this);
    zoomIn_->setShortcuts(QKeySequence::ZoomIn);
    connect(zoomIn_, &QAction::triggered, this, [this] { boardView_->zoomBy(1); });
    zoomOut_ = new QAction(tr("Zoom &out of the board"), this);
    zoomOut_->setShortcuts(QKeySequence::ZoomOut);
    connect(zoomOut_, &QAction::triggered, this, [this] { boardView_->zoomBy(-1); });
    zoomReset_ = new QAction(tr("Board at &normal size"), this);
    zoomReset_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(zoomReset_, &QAction::triggered, this, [this] { boardView_->resetZoom(); });
    mapZoomIn_ = new QAction(tr("Zoom in on the &map"), this);
    connect(mapZoomIn_, &QAction::triggered, this, [this] {
        if (map()) {
            showView(QStringLiteral("map"));
            map()->zoomIn();
        }
    });
    mapZoomOut_ = new QAction(tr("Zoom out of the m&ap"), this);
    connect(mapZoomOut_, &QAction::triggered, this, [this] {
        if (map())
            map()->zoomOut();
    });
    mapReset_ = new QAction(tr("Show all of &London on the map"), this);
    connect(mapReset_, &QAction::triggered, this, [this] {
        if (map())
            map()->resetZoom();
    });
    fillViewMenu();
}

void MainWindow::fillViewMenu()
{
    viewMenu_->clear();
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        viewMenu_->addAction(dock->toggleViewAction());
    for (QToolBar *bar : findChildren<QToolBar *>(Qt::FindDirectChildrenOnly))
        viewMenu_->addAction(bar->toggleViewAction());
    viewMenu_->addSeparator();
    viewMenu_->addActions({zoomIn_, zoomOut_, zoomReset_});
    viewMenu_->addSeparator();
    viewMenu_->addActions({mapZoomIn_, mapZoomOut_, mapReset_});
    for (QAction *a : {mapZoomIn_, mapZoomOut_, mapReset_})
        a->setEnabled(map() != nullptr);
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&User guide"), QKeySequence::HelpContents, this, [this] {
        QDialog *guide = userGuideDialog(this);
        guide->show();
    });
    help->addAction(tr("&Keyboard shortcuts"), this, [this] { shortcutsDialog(this)->show(); });
    help->addSeparator();
    help->addAction(tr("&About lfrplan"), this, [this] { QMessageBox::about(this, tr("About lfrplan"), aboutText()); });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showAsLeft()
{
    if (restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray())) {
        show();
        return;
    }
    // The first start: the whole screen, so the whole week shows.
    if (const QScreen *where = screen())
        setGeometry(where->availableGeometry());
    showMaximized();
}

} // namespace lfr::ui
