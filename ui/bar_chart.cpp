#include "bar_chart.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QLayout>
#include <QValueAxis>
#include <QWidget>

#include <algorithm>

namespace lfr::ui {

QChartView *barChartView(const QString &title, QAbstractBarSeries *series, const QStringList &categories, double top,
                         const QString &labelFormat, Qt::Alignment legend, QWidget *parent)
{
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(title);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, std::max(1.0, top * 1.1));
    y->setLabelFormat(labelFormat);
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(legend);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    return view;
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
