// Paints a week-board cell as a deployment card: hotspot, window times,
// crew fill and value, a pin mark, a red edge and count when the validator
// names it, an amber edge when it differs from the last solved plan.
#pragma once

#include <QStyledItemDelegate>

namespace lfr::ui {

class CardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace lfr::ui
