#include "week_board_view.h"

#include "card_delegate.h"
#include "week_board_model.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

#include <algorithm>

namespace lfr::ui {

WeekBoardView::WeekBoardView(QWidget *parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("weekBoard"));
    setAccessibleName(tr("Week board"));
    setAccessibleDescription(tr("Dates across, a row for each van and window. Enter opens a card's crew or adds a "
                                "deployment to an empty cell; Alt+arrow keys move a card; the menu key or a "
                                "right-click offers the rest."));
    setItemDelegate(new CardDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setShowGrid(true);
    setWordWrap(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    horizontalHeader()->setMinimumSectionSize(104);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 5 + 18);
    connect(this, &QAbstractItemView::doubleClicked, this, &WeekBoardView::cellOpened);
}

void WeekBoardView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid() &&
        state() != EditingState) {
        emit cellOpened(currentIndex());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void WeekBoardView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    if (auto *board = qobject_cast<WeekBoardModel *>(model))
        connect(board, &WeekBoardModel::moved, this, [this, board](int deployment, const QString &notice) {
            setCurrentIndex(board->indexOf(static_cast<std::size_t>(deployment)));
            if (!notice.isEmpty())
                emit this->notice(notice, 10000);
        });
}

void WeekBoardView::zoomBy(int steps)
{
    if (basePointSize_ <= 0)
        basePointSize_ = font().pointSizeF() > 0 ? font().pointSizeF() : 10.0;
    zoomSteps_ = std::clamp(zoomSteps_ + steps, -4, 10);
    QFont f = font();
    f.setPointSizeF(basePointSize_ * zoomPercent() / 100.0);
    setFont(f);
    const QFontMetrics metrics(f);
    verticalHeader()->setDefaultSectionSize(metrics.height() * 5 + 18);
    horizontalHeader()->setMinimumSectionSize(metrics.horizontalAdvance(QStringLiteral("Tottenham Court")) + 16);
}

WeekBoardModel *WeekBoardView::board() const { return qobject_cast<WeekBoardModel *>(model()); }

int WeekBoardView::currentDeployment() const
{
    const QVariantList list = currentIndex().data(WeekBoardModel::DeploymentsRole).toList();
    return list.isEmpty() ? -1 : list.front().toInt();
}

bool WeekBoardView::moveCurrent(int days, int rows)
{
    const int deployment = currentDeployment();
    WeekBoardModel *model = board();
    if (deployment < 0 || !model)
        return false;
    const QModelIndex to = model->index(currentIndex().row() + rows, currentIndex().column() + days);
    return to.isValid() && model->moveTo(static_cast<std::size_t>(deployment), to);
}

void WeekBoardView::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard (the menu key) the current cell; from the mouse
    // the cell under it, which becomes current.
    const QModelIndex cell = event->reason() == QContextMenuEvent::Mouse ? indexAt(event->pos()) : currentIndex();
    if (!cell.isValid())
        return;
    setCurrentIndex(cell);
    const QList<QAction *> &actions = currentDeployment() >= 0 ? cardActions_ : cellActions_;
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("boardMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    for (QAction *action : actions) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
    const QPoint at = event->reason() == QContextMenuEvent::Mouse ? event->globalPos()
                                                                  : viewport()->mapToGlobal(visualRect(cell).center());
    menu->popup(at); // not exec(): no nested event loop
    event->accept();
}

} // namespace lfr::ui
