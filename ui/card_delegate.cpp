#include "card_delegate.h"

#include "week_board_model.h"

#include <QPainter>
#include <QPainterPath>

namespace lfr::ui {

void CardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect cell = option.rect.adjusted(3, 3, -3, -3);
    const bool selected = option.state & QStyle::State_Selected;
    if (index.data(WeekBoardModel::DeploymentsRole).toList().isEmpty()) {
        if (selected)
            painter->fillRect(option.rect, option.palette.highlight().color().lighter(180));
        painter->restore();
        return;
    }
    const int violations = index.data(WeekBoardModel::ViolationCountRole).toInt();
    const bool pinned = index.data(WeekBoardModel::PinnedRole).toBool();
    const bool changed = index.data(WeekBoardModel::ChangedRole).toBool();

    QColor fill = violations > 0 ? QColor(0xfd, 0xe8, 0xe8) : QColor(0xe8, 0xf1, 0xfb);
    if (selected)
        fill = fill.darker(112);
    QColor edge = violations > 0 ? QColor(0xc6, 0x28, 0x28)
                  : changed      ? QColor(0xe0, 0x8a, 0x00)
                                 : QColor(0x4a, 0x78, 0xb0);
    QPainterPath card;
    card.addRoundedRect(cell, 6, 6);
    painter->fillPath(card, fill);
    painter->setPen(QPen(edge, violations > 0 || changed ? 2.5 : 1.2));
    painter->drawPath(card);

    const QStringList lines = index.data(Qt::DisplayRole).toString().split(QLatin1Char('\n'));
    const QRect text = cell.adjusted(7, 4, -7, -4);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setPen(option.palette.text().color());
    painter->setFont(bold);
    const QFontMetrics boldMetrics(bold);
    // The authorisation's status, top right in small type: green once
    // authorised, grey while draft or cancelled.
    const QString status = index.data(WeekBoardModel::AuthorisationRole).toString();
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.8);
    const QFontMetrics smallMetrics(small);
    const int statusWidth = status.isEmpty() ? 0 : smallMetrics.horizontalAdvance(status) + 8;
    if (!status.isEmpty()) {
        const QRect tag(text.right() - statusWidth + 1, text.top() + 1, statusWidth, boldMetrics.height() - 2);
        const bool cleared = status != QLatin1String("draft") && status != QLatin1String("cancelled");
        painter->fillRect(tag, cleared ? QColor(0x2e, 0x7d, 0x32) : QColor(0x75, 0x75, 0x75));
        painter->setPen(Qt::white);
        painter->setFont(small);
        painter->drawText(tag, Qt::AlignCenter, status);
        painter->setFont(bold);
        painter->setPen(option.palette.text().color());
    }
    const int markWidth = statusWidth + (pinned ? boldMetrics.horizontalAdvance(QStringLiteral("PIN")) + 10 : 0);
    painter->drawText(QRect(text.left(), text.top(), text.width() - markWidth, boldMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(lines.value(0), Qt::ElideRight, text.width() - markWidth));
    if (pinned) {
        const QRect mark(text.right() - markWidth + 4, text.top(), markWidth - statusWidth - 4, boldMetrics.height());
        painter->fillRect(mark, QColor(0x2e, 0x5d, 0x2e));
        painter->setPen(Qt::white);
        painter->drawText(mark, Qt::AlignCenter, QStringLiteral("PIN"));
        painter->setPen(option.palette.text().color());
    }
    painter->setFont(option.font);
    const QFontMetrics metrics(option.font);
    int y = text.top() + boldMetrics.height() + 2;
    for (int i = 1; i < lines.size() && y + metrics.height() <= text.bottom() + 2; ++i) {
        painter->drawText(QRect(text.left(), y, text.width(), metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(lines[i], Qt::ElideRight, text.width()));
        y += metrics.height();
    }
    if (violations > 0) {
        const QString badge = tr("%n problem(s)", nullptr, violations);
        const int w = metrics.horizontalAdvance(badge) + 10;
        const QRect r(text.right() - w, text.bottom() - metrics.height(), w, metrics.height() + 2);
        painter->fillRect(r, QColor(0xc6, 0x28, 0x28));
        painter->setPen(Qt::white);
        painter->drawText(r, Qt::AlignCenter, badge);
    }
    painter->restore();
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {metrics.horizontalAdvance(QStringLiteral("Tottenham Court Rd")) + 24, metrics.height() * 5 + 12};
}

} // namespace lfr::ui
