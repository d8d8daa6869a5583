// The bar charts of the compare and transparency dialogs: one place that
// lays out a bar series over categories with a value axis from zero.
#pragma once

#include <QAbstractBarSeries>
#include <QChartView>
#include <QString>
#include <QStringList>

class QFontMetrics;
class QWidget;

namespace lfr::ui {

// A chart view of `series` (bars or stacked bars) over `categories`, its
// value axis from 0 to a little above `top` in round numbers, labelled with
// `labelFormat` (printf style, e.g. "%.0f h"); the legend where asked.
QChartView *barChartView(const QString &title, QAbstractBarSeries *series, const QStringList &categories, double top,
                         const QString &labelFormat, Qt::Alignment legend, QWidget *parent);

// The value axis's tick step for values up to `top`: 1, 2 or 5 times a
// power of ten, about five ticks; at least 1 when `whole` (labels without
// decimals).
double axisStep(double top, bool whole);

// The bars' category labels for plans named `names`: the names themselves
// when each is at most `width` pixels wide in `metrics` and no two are the
// same, else "A", "B", "C"... in order, for a key beside the chart to
// spell out (issue 17, finding 9: "Demo week 2026-12-0…" twice, no key).
QStringList categoryLabels(const QStringList &names, const QFontMetrics &metrics, int width);

// Deletes every widget in the holder's layout (before new charts go in).
void clearLayout(QWidget *holder);

} // namespace lfr::ui
