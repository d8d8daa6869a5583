#include "bar_chart.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QFontMetrics>
#include <QLayout>
#include <QValueAxis>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace lfr::ui {

double axisStep(double top, bool whole)
{
    // About five ticks, each 1, 2 or 5 times a power of ten; at least 1
    // when the labels show whole numbers, so no two labels read the same.
    const double raw = std::max(top, 1e-9) / 5.0;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power;
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw) {
            step = m * power;
            break;
        }
    return whole ? std::max(1.0, step) : step;
}

QChartView *barChartView(const QString &title, QAbstractBarSeries *series, const QStringList &categories, double top,
                         const QString &labelFormat, Qt::Alignment legend, QWidget *parent)
{
    auto *chart = new QChart;
    chart->addSeries(series);
    // Nothing to show is said, not drawn as an empty axis (issue 17,
    // finding 16: ticks 0, 1, 1, 2 and no note).
    chart->setTitle(top > 0 ? title : QObject::tr("%1: nothing to show yet").arg(title));
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(labelFormat);
    const double step = axisStep(top * 1.1, labelFormat.contains(QLatin1String(".0f")));
    y->setRange(0, std::max(1.0, std::ceil(top * 1.1 / step)) * step);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(step);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(legend);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    return view;
}

QStringList categoryLabels(const QStringList &names, const QFontMetrics &metrics, int width)
{
    QStringList distinct = names;
    bool fit = distinct.removeDuplicates() == 0;
    for (const QString &name : names)
        fit = fit && metrics.horizontalAdvance(name) <= width;
    if (fit)
        return names;
    QStringList letters;
    for (qsizetype i = 0; i < names.size(); ++i)
        letters << (i < 26 ? QString(QChar(u'A' + static_cast<char16_t>(i))) : QString::number(i + 1));
    return letters;
}

void clearLayout(QWidget *holder)
{
    QLayout *layout = holder->layout();
    while (QLayoutItem *old = layout->takeAt(0)) {
        delete old->widget();
        delete old;
    }
}

} // namespace lfr::ui
