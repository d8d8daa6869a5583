// Paints a week-board cell as a deployment card: hotspot, window times,
// crew fill and value, a PIN tag, the authorisation's status, a red edge
// and a "⚠ n" problems badge when the validator names it, an amber edge
// when it differs from the last solved plan.
//
// Every piece has its own place (layout()): the hotspot's name takes the
// whole first line and wraps to a second rather than be cut; the tags sit
// at the right of the short lines below it, never over text (issue 17,
// findings 11 and 16: names shrank to "T…" beside the tags, and the
// problems badge covered the value).
#pragma once

#include <QFont>
#include <QList>
#include <QRect>
#include <QString>
#include <QStyledItemDelegate>

namespace lfr::ui {

class CardDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    struct Piece {
        QRect rect;
        QString text; // drawn elided to the rect when it does not fit
        QFont font;
        bool fits() const; // the text fits its rect whole
    };
    struct Tag {
        QRect rect;
        QString text;
        QColor fill;
    };
    struct Layout {
        QRect card;
        QList<Piece> text; // the title's line(s), then times, crew, value, "+n more"
        QList<Tag> tags;   // PIN, status, problems: none overlaps any text
    };
    static Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index);

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace lfr::ui
