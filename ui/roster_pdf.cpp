#include "roster_pdf.h"

#include "plan_document.h"

#include "lfrplan/dates.h"

#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
QString text(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }
} // namespace

QString writeRosterPdf(const PlanDocument &document, const QString &file)
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return out.errorString();
    const Scenario &sc = document.scenario();
    const ScenarioIndex &ix = document.index();
    {
        QPdfWriter pdf(&out);
        pdf.setTitle(QStringLiteral("LFR roster: ") + text(sc.name));
        pdf.setCreator(QStringLiteral("lfrplan"));
        pdf.setResolution(150);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                      QPageLayout::Millimeter));
        QPainter p(&pdf);
        const QRect page = p.viewport();
        QFont base(QStringLiteral("DejaVu Sans"), 9);
        QFont bold = base;
        bold.setBold(true);
        QFont title = base;
        title.setPointSize(14);
        title.setBold(true);

        // Page 1: the week board.
        p.setFont(title);
        const QFontMetrics tm(title);
        p.drawText(0, tm.ascent(), QStringLiteral("LFR roster — ") + text(sc.name));
        p.setFont(base);
        const QFontMetrics bm(base);
        const Evaluation &e = document.report().evaluation;
        // The subtitle a line's spacing and a gap below the title's
        // descenders (issue 17, finding 16: they touched).
        const int subtitle = tm.lineSpacing() + bm.height() / 2 + bm.ascent();
        p.drawText(
            0, subtitle,
            QStringLiteral("%1 deployments · VALUE %2 · TRAVEL %3 · OBJECTIVE %4%5")
                .arg(document.deployments().size())
                .arg(e.value, 0, 'f', 1)
                .arg(e.travelPenalty, 0, 'f', 1)
                .arg(e.objective, 0, 'f', 1)
                .arg(document.report().valid()
                         ? QString()
                         : QStringLiteral(" · NOT VALID: %1 problem(s)").arg(document.report().violations.size())));
        const int top = subtitle + bm.descent() + bm.height();
        const int rows = static_cast<int>(sc.vans.size() * sc.windows.size());
        const int cols = static_cast<int>(sc.dates.size());
        const int headW = page.width() / 9, headH = bm.height() * 2;
        const int cellW = (page.width() - headW) / std::max(cols, 1);
        const int cellH = std::min((page.height() - top - headH) / std::max(rows, 1), bm.height() * 6);
        p.setFont(bold);
        for (int c = 0; c < cols; ++c)
            p.drawText(QRect(headW + c * cellW, top, cellW, headH), Qt::AlignCenter,
                       text(formatDay(sc.dates[static_cast<std::size_t>(c)])));
        for (int r = 0; r < rows; ++r) {
            const Van &van = sc.vans[static_cast<std::size_t>(r) / sc.windows.size()];
            const Window &w = sc.windows[static_cast<std::size_t>(r) % sc.windows.size()];
            const QRect head(0, top + headH + r * cellH, headW, cellH);
            p.setFont(bold);
            p.drawText(head.adjusted(4, 4, -4, -4), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                       text(van.name.value_or(van.id)) + QLatin1Char('\n') + text(w.id) + QLatin1Char(' ') +
                           text(formatClock(w.start)) + QStringLiteral("–") + text(formatClock(w.end)));
            for (int c = 0; c < cols; ++c)
                p.drawRect(QRect(headW + c * cellW, head.top(), cellW, cellH));
        }
        p.setFont(base);
        for (std::size_t i = 0; i < document.deployments().size(); ++i) {
            const Deployment &d = document.deployments()[i];
            const auto van = ix.van(d.van), window = ix.window(d.window), date = ix.date(d.date);
            if (!van || !window || !date)
                continue;
            const int r = static_cast<int>(*van * sc.windows.size() + *window), c = static_cast<int>(*date);
            const auto h = ix.hotspot(d.hotspot);
            const QRect cell(headW + c * cellW, top + headH + r * cellH, cellW, cellH);
            p.drawText(
                cell.adjusted(4, 4, -4, -4), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                QStringLiteral("%1%2\ncrew %3/%4")
                    .arg(document.pinOf(d) ? QStringLiteral("[PIN] ") : QString(), text(ix.hotspotName(d.hotspot)))
                    .arg(d.crew.size())
                    .arg(h ? ix.crewSize(*h) : 0));
        }

        // Then every crew list, as many to a page as fit.
        int y = page.height(); // start a new page at once
        const int line = bm.height();
        for (const Deployment &d : document.deployments()) {
            const int needed = line * (static_cast<int>(d.crew.size()) + 3);
            if (y + needed > page.height()) {
                pdf.newPage();
                y = 0;
            }
            p.setFont(bold);
            p.drawText(0, y + bm.ascent(), text(ix.describe(d)));
            y += line + line / 2;
            p.setFont(base);
            for (const CrewAssignment &m : d.crew) {
                const auto o = ix.officer(m.officer);
                const Officer *officer = o ? &sc.officers[*o] : nullptr;
                const int x[] = {12, page.width() / 6, page.width() / 2, page.width() * 6 / 10};
                p.drawText(x[0], y + bm.ascent(), text(m.role));
                p.drawText(x[1], y + bm.ascent(), text(ix.officerName(m.officer)));
                p.drawText(x[2], y + bm.ascent(), officer ? text(rankName(officer->rank)) : QString());
                p.drawText(x[3], y + bm.ascent(), officer ? text(ix.teamName(officer->team)) : QString());
                y += line;
            }
            y += line;
        }
        if (!p.end())
            return QStringLiteral("the PDF could not be drawn");
    }
    if (!out.commit())
        return out.errorString();
    return {};
}

} // namespace lfr::ui
