// The week board's view: cards drawn by CardDelegate, dragged to move,
// and every board action reachable by keyboard and right-click (issue 17,
// finding 13): Enter opens a card's crew or adds a deployment to an empty
// cell, Alt+arrow keys move the current card a day or a row, and the
// context menu offers what the Plan menu offers for the cell under the
// mouse. A moved card stays selected where it went.
#pragma once

#include <QList>
#include <QTableView>

class QAction;

namespace lfr::ui {

class WeekBoardModel;

class WeekBoardView : public QTableView {
    Q_OBJECT
public:
    explicit WeekBoardView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    WeekBoardModel *board() const;

    // The right-click menu's actions on a card, and on an empty cell (a
    // null action is a separator).
    void setCardActions(QList<QAction *> actions) { cardActions_ = std::move(actions); }
    void setCellActions(QList<QAction *> actions) { cellActions_ = std::move(actions); }
    const QList<QAction *> &cardActions() const { return cardActions_; }

    // Moves the current card `days` columns and `rows` rows through the
    // undo stack; false (and nothing changes) when there is no card there
    // or the move leaves the board.
    bool moveCurrent(int days, int rows);
    // Zoom of the cards' text, in steps of 10% from 60% to 200% (View
    // menu: Ctrl++, Ctrl+-, Ctrl+0).
    void zoomBy(int steps);
    void resetZoom() { zoomBy(-zoomSteps_); }
    int zoomPercent() const { return 100 + 10 * zoomSteps_; }
    // The current cell's deployment (its number in the document), or -1.
    int currentDeployment() const;

signals:
    // Enter on a cell, or a double-click: a card's crew, or adding to an
    // empty cell.
    void cellOpened(const QModelIndex &cell);
    // A notice for the status bar (a moved card's pin moved with it).
    void notice(const QString &message, int ms);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QList<QAction *> cardActions_, cellActions_;
    int zoomSteps_ = 0;
    qreal basePointSize_ = 0;
};

} // namespace lfr::ui
