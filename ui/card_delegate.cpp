#include "card_delegate.h"

#include "week_board_model.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>

namespace lfr::ui {

bool CardDelegate::Piece::fits() const { return QFontMetrics(font).horizontalAdvance(text) <= rect.width(); }

namespace {

// The mark of a deployment that differs from the published version: a
// colour no other tag uses, and words.
const QColor kPublishedFill(0x5e, 0x35, 0xb1);

// The title wrapped at word breaks into at most two lines of `width`.
QStringList wrapTitle(const QString &title, const QFont &font, int width)
{
    const QFontMetrics metrics(font);
    if (metrics.horizontalAdvance(title) <= width)
        return {title};
    QTextLayout text(title, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    text.setTextOption(option);
    text.beginLayout();
    QStringList lines;
    while (lines.size() < 2) {
        QTextLine line = text.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        lines << title.mid(line.textStart(), lines.size() == 1 ? -1 : line.textLength()).trimmed();
    }
    text.endLayout();
    return lines;
}

} // namespace

CardDelegate::Layout CardDelegate::layout(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    Layout out;
    out.card = option.rect.adjusted(3, 3, -3, -3);
    if (index.data(WeekBoardModel::DeploymentsRole).toList().isEmpty())
        return out;
    const QRect area = out.card.adjusted(7, 4, -7, -4);
    QFont bold = option.font;
    bold.setBold(true);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QFontMetrics boldMetrics(bold), metrics(option.font), smallMetrics(small);

    const QStringList lines = index.data(Qt::DisplayRole).toString().split(QLatin1Char('\n'));
    int y = area.top();
    for (const QString &titleLine : wrapTitle(lines.value(0), bold, area.width())) {
        out.text << Piece{QRect(area.left(), y, area.width(), boldMetrics.height()), titleLine, bold};
        y += boldMetrics.height();
    }
    y += 1;
    // The tags: the problems badge right of the crew line, PIN right of the
    // value line, the authorisation's status on a line of its own.
    const int violations = index.data(WeekBoardModel::ViolationCountRole).toInt();
    const QString status = index.data(WeekBoardModel::AuthorisationRole).toString();
    const QString mark = index.data(WeekBoardModel::PublishedChangeRole).toString();
    bool markPlaced = mark.isEmpty();
    const int titleLines = static_cast<int>(out.text.size());
    const bool cleared = !status.isEmpty() && status != QLatin1String("draft") && status != QLatin1String("cancelled");
    const auto tagWidth = [&smallMetrics](const QString &text) { return smallMetrics.horizontalAdvance(text) + 8; };
    const auto room = [&](int height) { return y + height <= area.bottom() + 2; };
    const QString rightTags[] = {violations > 0 ? QStringLiteral("⚠ %1").arg(violations) : QString(),
                                 index.data(WeekBoardModel::PinnedRole).toBool() ? QStringLiteral("PIN") : QString()};
    const QColor rightFills[] = {QColor(0xc6, 0x28, 0x28), QColor(0x2e, 0x5d, 0x2e)};
    for (int i = 1; i < lines.size() && room(metrics.height()); ++i) {
        QRect line(area.left(), y, area.width(), metrics.height());
        if (i <= 2 && !rightTags[i - 1].isEmpty()) {
            const int w = tagWidth(rightTags[i - 1]);
            const Tag tag{QRect(line.right() - w + 1, line.top() + 1, w, line.height() - 2), rightTags[i - 1],
                          rightFills[i - 1]};
            out.tags << tag;
            line.setRight(tag.rect.left() - 4);
        }
        y += metrics.height();
        if (i == 2 && !status.isEmpty() && room(metrics.height())) { // the status under the value
            out.tags << Tag{QRect(area.left(), y + 1, std::min(tagWidth(status), area.width()), metrics.height() - 2),
                            status, cleared ? QColor(0x2e, 0x7d, 0x32) : QColor(0x75, 0x75, 0x75)};
            // What differs from the published version, beside the status when both fit.
            const int left = out.tags.back().rect.right() + 5;
            if (!markPlaced && area.right() + 1 - left >= tagWidth(mark)) {
                out.tags << Tag{QRect(area.right() + 1 - tagWidth(mark), y + 1, tagWidth(mark), metrics.height() - 2),
                                mark, kPublishedFill};
                markPlaced = true;
            }
            y += metrics.height();
        }
        if (i == 2 && !markPlaced && room(metrics.height())) { // else on a line of its own
            out.tags << Tag{QRect(area.left(), y + 1, std::min(tagWidth(mark), area.width()), metrics.height() - 2),
                            mark, kPublishedFill};
            markPlaced = true;
            y += metrics.height();
        }
        out.text << Piece{line, lines[i], option.font};
    }
    if (!markPlaced && out.text.size() > titleLines) {
        // No line to spare (a name on two lines at 1366×768): the short
        // mark at the right of the crew line. The words are in the tooltip,
        // the text read aloud and the changes view.
        Piece &crew = out.text[titleLines];
        const QString shortMark = mark.startsWith(QStringLiteral("new"))
                                      ? QStringLiteral("new")
                                      : QStringLiteral("≠") + mark.section(QLatin1Char(' '), -1);
        const int w = tagWidth(shortMark);
        out.tags << Tag{QRect(crew.rect.right() - w + 1, crew.rect.top() + 1, w, crew.rect.height() - 2), shortMark,
                        kPublishedFill};
        crew.rect.setRight(crew.rect.right() - w - 4);
    }
    return out;
}

void CardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    const Layout l = layout(option, index);
    if (l.text.isEmpty()) {
        if (selected)
            painter->fillRect(option.rect, option.palette.highlight().color().lighter(180));
        painter->restore();
        return;
    }
    const int violations = index.data(WeekBoardModel::ViolationCountRole).toInt();
    const bool changed = index.data(WeekBoardModel::ChangedRole).toBool();
    QColor fill = violations > 0 ? QColor(0xfd, 0xe8, 0xe8) : QColor(0xe8, 0xf1, 0xfb);
    if (selected)
        fill = fill.darker(112);
    const QColor edge = violations > 0 ? QColor(0xc6, 0x28, 0x28)
                        : changed      ? QColor(0xe0, 0x8a, 0x00)
                                       : QColor(0x4a, 0x78, 0xb0);
    QPainterPath card;
    card.addRoundedRect(l.card, 6, 6);
    painter->fillPath(card, fill);
    painter->setPen(QPen(edge, violations > 0 || changed ? 2.5 : 1.2, selected ? Qt::DashLine : Qt::SolidLine));
    painter->drawPath(card);

    painter->setPen(option.palette.text().color());
    for (const Piece &piece : l.text) {
        painter->setFont(piece.font);
        painter->drawText(piece.rect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(piece.font).elidedText(piece.text, Qt::ElideRight, piece.rect.width()));
    }
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    painter->setFont(small);
    for (const Tag &tag : l.tags) {
        painter->fillRect(tag.rect, tag.fill);
        painter->setPen(Qt::white);
        painter->drawText(tag.rect, Qt::AlignCenter, tag.text);
    }
    painter->restore();
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {metrics.horizontalAdvance(QStringLiteral("Tottenham Court")) + 24, metrics.height() * 5 + 12};
}

} // namespace lfr::ui
