#include "roster_pdf.h"

#include "lfrplan/dates.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/validator.h"

#include <QBuffer>
#include <QFontMetrics>
#include <QGlyphRun>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace lfr::ui {

namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }
QString text(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// The roster's fonts: DejaVu Sans first; for what it lacks, a CJK font and
// a black-and-white emoji font (fonts-wqy-microhei, fonts-symbola in
// packaging/bootstrap-deps.sh), ahead of fontconfig's own fallbacks (which
// may pick a colour emoji font that a PDF cannot hold). No shaping for text
// that needs none: no "fi" ligature, so "Kofi" is searchable.
QFont rosterFont(int pointSize, bool bold)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Symbola")});
    font.setPointSize(pointSize);
    font.setBold(bold);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

constexpr int kBasePoints = 9;
constexpr int kTitlePoints = 14;

// Characters that draw nothing by design: joiners, variation selectors,
// tags, the byte order mark, soft hyphens, and spaces and controls.
bool drawsNothing(char32_t c)
{
    return c < 0x21 || (c >= 0x7f && c <= 0xa0) || c == 0xad || (c >= 0x200b && c <= 0x200f) ||
           (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || c == 0xfeff ||
           (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0000 && c <= 0xe007f) || (c >= 0xe0100 && c <= 0xe01ef);
}

// Whether the roster's fonts draw `c`: laid out as the roster lays it out
// (the same font, so the same fallbacks), a glyph 0 is the missing-glyph box.
bool printable(char32_t c)
{
    static std::unordered_map<char32_t, bool> known;
    if (const auto hit = known.find(c); hit != known.end())
        return hit->second;
    const char32_t one[] = {c};
    QTextLayout layout(QString::fromUcs4(one, 1), rosterFont(kBasePoints, false));
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    bool drawn = false;
    for (const QGlyphRun &run : layout.glyphRuns()) {
        const QList<quint32> glyphs = run.glyphIndexes();
        drawn = !glyphs.isEmpty() && std::none_of(glyphs.begin(), glyphs.end(), [](quint32 g) { return g == 0; });
        if (!drawn)
            break;
    }
    known.emplace(c, drawn);
    return drawn;
}

QString codePoint(char32_t c)
{
    return QStringLiteral("U+%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')).toUpper();
}

// Collects one warning per printed thing with characters no font has.
class CoverageCheck {
public:
    void check(const QString &printed, const QString &what)
    {
        if (!checked_.insert(what).second)
            return;
        const std::vector<char32_t> missing = unprintableCharacters(printed);
        if (missing.empty())
            return;
        QStringList codes;
        for (char32_t c : missing)
            codes << codePoint(c);
        const bool one = missing.size() == 1;
        warnings_ << QStringLiteral("cannot print %1 in %2: no installed font has %3, so the PDF shows a gap or a "
                                    "box instead")
                         .arg(codes.join(QStringLiteral(", ")), what,
                              one ? QStringLiteral("it") : QStringLiteral("them"));
    }
    QStringList warnings() const { return warnings_; }

private:
    std::set<QString> checked_;
    QStringList warnings_;
};

struct Fonts {
    QFont base = rosterFont(kBasePoints, false);
    QFont bold = rosterFont(kBasePoints, true);
    QFont title = rosterFont(kTitlePoints, true);
};

class RosterPainter {
public:
    RosterPainter(QPdfWriter &pdf, const Scenario &scenario, const std::vector<Deployment> &deployments)
        : pdf_(pdf), sc_(scenario), deployments_(deployments), ix_(scenario), report_(validatePlan(ix_, deployments))
    {
    }

    bool paint()
    {
        QPainter p(&pdf_);
        page_ = p.viewport();
        board(p);
        crewLists(p);
        return p.end();
    }
    QStringList warnings() const { return coverage_.warnings(); }

private:
    std::optional<std::size_t> pinOf(const Deployment &d) const
    {
        for (std::size_t i = 0; i < sc_.pinned.size(); ++i) {
            const Pin &pin = sc_.pinned[i];
            if (pin.hotspot == d.hotspot && pin.date == d.date && pin.window == d.window)
                return i;
        }
        return std::nullopt;
    }
    QString hotspotName(const std::string &id)
    {
        const QString name = text(ix_.hotspotName(id));
        coverage_.check(name, QStringLiteral("the name of hotspot %1 (%2)").arg(text(id), name));
        return name;
    }
    QString vanName(const Van &van)
    {
        const QString name = text(van.name.value_or(van.id));
        coverage_.check(name, QStringLiteral("the name of van %1 (%2)").arg(text(van.id), name));
        return name;
    }

    // Page 1: the week board.
    void board(QPainter &p)
    {
        p.setFont(fonts_.title);
        const QFontMetrics tm(fonts_.title, &pdf_);
        const QString name = text(sc_.name);
        coverage_.check(name, QStringLiteral("the scenario's name (%1)").arg(name));
        p.drawText(0, tm.ascent(), QStringLiteral("LFR roster — ") + name);
        p.setFont(fonts_.base);
        const QFontMetrics bm(fonts_.base, &pdf_);
        const Evaluation &e = report_.evaluation;
        // The subtitle a line's spacing and a gap below the title's
        // descenders (issue 17, finding 16: they touched).
        const int subtitle = tm.lineSpacing() + bm.height() / 2 + bm.ascent();
        p.drawText(0, subtitle,
                   QStringLiteral("%1 deployments · VALUE %2 · TRAVEL %3 · OBJECTIVE %4%5")
                       .arg(deployments_.size())
                       .arg(e.value, 0, 'f', 1)
                       .arg(e.travelPenalty, 0, 'f', 1)
                       .arg(e.objective, 0, 'f', 1)
                       .arg(report_.valid()
                                ? QString()
                                : QStringLiteral(" · NOT VALID: %1 problem(s)").arg(report_.violations.size())));
        const int top = subtitle + bm.descent() + bm.height();
        const int rows = static_cast<int>(sc_.vans.size() * sc_.windows.size());
        const int cols = static_cast<int>(sc_.dates.size());
        const int headW = page_.width() / 9, headH = bm.height() * 2;
        const int cellW = (page_.width() - headW) / std::max(cols, 1);
        const int cellH = std::min((page_.height() - top - headH) / std::max(rows, 1), bm.height() * 6);
        p.setFont(fonts_.bold);
        for (int c = 0; c < cols; ++c)
            p.drawText(QRect(headW + c * cellW, top, cellW, headH), Qt::AlignCenter,
                       text(formatDay(sc_.dates[static_cast<std::size_t>(c)])));
        for (int r = 0; r < rows; ++r) {
            const Van &van = sc_.vans[static_cast<std::size_t>(r) / sc_.windows.size()];
            const Window &w = sc_.windows[static_cast<std::size_t>(r) % sc_.windows.size()];
            const QRect head(0, top + headH + r * cellH, headW, cellH);
            p.setFont(fonts_.bold);
            const QString window = text(w.id);
            coverage_.check(window, QStringLiteral("the name of window %1").arg(window));
            p.drawText(head.adjusted(4, 4, -4, -4), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                       vanName(van) + QLatin1Char('\n') + window + QLatin1Char(' ') + text(formatClock(w.start)) +
                           QStringLiteral("–") + text(formatClock(w.end)));
            for (int c = 0; c < cols; ++c)
                p.drawRect(QRect(headW + c * cellW, head.top(), cellW, cellH));
        }
        p.setFont(fonts_.base);
        for (const Deployment &d : deployments_) {
            const auto van = ix_.van(d.van), window = ix_.window(d.window), date = ix_.date(d.date);
            if (!van || !window || !date)
                continue;
            const int r = static_cast<int>(*van * sc_.windows.size() + *window), c = static_cast<int>(*date);
            const auto h = ix_.hotspot(d.hotspot);
            const QRect cell(headW + c * cellW, top + headH + r * cellH, cellW, cellH);
            p.drawText(cell.adjusted(4, 4, -4, -4), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                       QStringLiteral("%1%2\ncrew %3/%4")
                           .arg(pinOf(d) ? QStringLiteral("[PIN] ") : QString(), hotspotName(d.hotspot))
                           .arg(d.crew.size())
                           .arg(h ? ix_.crewSize(*h) : 0));
        }
    }

    // One crew member's line: role, warrant number, name, rank, team. The
    // rank is its own column only (issue 18: it was also in the name).
    void crewLine(QPainter &p, int baseline, const CrewAssignment &m)
    {
        const auto o = ix_.officer(m.officer);
        const Officer *officer = o ? &sc_.officers[*o] : nullptr;
        const int w = page_.width();
        const QString role = text(m.role);
        coverage_.check(role, QStringLiteral("the name of role %1").arg(role));
        p.drawText(12, baseline, role);
        p.drawText(w * 4 / 25, baseline, text(m.officer));
        if (!officer) { // a plan that breaks a hard constraint, printed with --allow-invalid
            p.drawText(w * 13 / 50, baseline, QStringLiteral("(not an officer of this scenario)"));
            return;
        }
        const QString name = text(officer->name);
        coverage_.check(name, QStringLiteral("the name of officer %1 (%2)").arg(text(officer->id), name));
        coverage_.check(text(officer->id), QStringLiteral("the warrant number %1").arg(text(officer->id)));
        p.drawText(w * 13 / 50, baseline, name);
        p.drawText(w * 13 / 25, baseline, text(rankName(officer->rank)));
        const QString team = text(ix_.teamName(officer->team));
        coverage_.check(team, QStringLiteral("the name of team %1 (%2)").arg(text(officer->team), team));
        p.drawText(w * 3 / 5, baseline, team);
    }

    // Then every crew list, as many to a page as fit.
    void crewLists(QPainter &p)
    {
        const QFontMetrics bm(fonts_.base, &pdf_);
        int y = page_.height(); // start a new page at once
        const int line = bm.height();
        for (const Deployment &d : deployments_) {
            const int needed = line * (static_cast<int>(d.crew.size()) + 3);
            if (y + needed > page_.height()) {
                pdf_.newPage();
                y = 0;
            }
            p.setFont(fonts_.bold);
            const QString heading = hotspotName(d.hotspot) + QStringLiteral(", ") + text(formatDay(d.date)) +
                                    QLatin1Char(' ') + text(d.window) + QStringLiteral(", ") +
                                    text(ix_.vanLabel(d.van));
            p.drawText(0, y + bm.ascent(), heading);
            y += line + line / 2;
            p.setFont(fonts_.base);
            for (const CrewAssignment &m : d.crew) {
                crewLine(p, y + bm.ascent(), m);
                y += line;
            }
            y += line;
        }
    }

    QPdfWriter &pdf_;
    const Scenario &sc_;
    const std::vector<Deployment> &deployments_;
    ScenarioIndex ix_;
    ValidationReport report_;
    Fonts fonts_;
    QRect page_;
    CoverageCheck coverage_;
};

} // namespace

std::vector<char32_t> unprintableCharacters(const QString &printed)
{
    std::vector<char32_t> missing;
    for (const char32_t c : printed.toUcs4())
        if (!drawsNothing(c) && !printable(c) && std::find(missing.begin(), missing.end(), c) == missing.end())
            missing.push_back(c);
    return missing;
}

RosterPdf renderRosterPdf(const Scenario &scenario, const std::vector<Deployment> &deployments)
{
    RosterPdf result;
    QBuffer buffer(&result.pdf);
    buffer.open(QIODevice::WriteOnly);
    bool drawn = false;
    {
        QPdfWriter pdf(&buffer);
        pdf.setTitle(QStringLiteral("LFR roster: ") + text(scenario.name));
        pdf.setCreator(QStringLiteral("lfrplan"));
        pdf.setResolution(150);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                      QPageLayout::Millimeter));
        RosterPainter painter(pdf, scenario, deployments);
        drawn = painter.paint();
        result.warnings = painter.warnings();
    }
    buffer.close();
    if (!drawn || !result.pdf.startsWith("%PDF-")) {
        result.pdf.clear();
        result.error = QStringLiteral("the PDF could not be drawn");
    }
    return result;
}

} // namespace lfr::ui
