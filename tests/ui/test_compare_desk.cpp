// Scenario > Compare scenarios on the planner's desk (issue 17, finding 9),
// with four scenarios whose names only differ at the end: the dialog starts
// with the open scenario ticked, the charts label their bars so no two read
// the same and a key gives the full names, and the figures show every
// scenario at 1366×768 without scrolling sideways.
#include "compare_dialog.h"
#include "main_window.h"
#include "plan_document.h"
#include "ui_test_support.h"

#include "lfrplan/demo_database.h"
#include "lfrplan/scenario_compare.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QChartView>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace lfr;
using namespace lfr::ui;

namespace {

const std::string week = "Demo week 2026-12-07";
const std::string newPolicy = week + ": new policy";
const std::string oneVanFewer = week + ": new policy, one van fewer";

QStringList ticked(const QListWidget *list)
{
    QStringList names;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            names << list->item(i)->data(Qt::UserRole).toString();
    return names;
}

QPushButton *button(QWidget *dialog, const QString &text)
{
    for (QPushButton *b : dialog->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

class CompareDeskTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString database_;

    // The dialog at 1366×768 with all four ticked, compared by a click.
    bool compareAllFour(CompareDialog &dialog)
    {
        dialog.resize(1366, 768);
        dialog.show();
        if (!QTest::qWaitForWindowExposed(&dialog))
            return false;
        for (int i = 0; i < dialog.scenarioList()->count(); ++i)
            dialog.scenarioList()->item(i)->setCheckState(Qt::Checked);
        QSignalSpy compared(&dialog, &CompareDialog::compared);
        QTest::mouseClick(button(&dialog, QStringLiteral("Compare")), Qt::LeftButton);
        if (compared.isEmpty() && !compared.wait(120000))
            return false;
        QCoreApplication::processEvents();
        return dialog.figuresTable()->model()->columnCount() == 5;
    }

    static void showTab(CompareDialog &dialog, int tab)
    {
        QTabBar *bar = dialog.tabs()->tabBar();
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tab).center());
        QCoreApplication::processEvents();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        // The demo week with its plan, a copy as "new policy" (the same
        // plan), one van fewer (solved and saved here) and the old baseline
        // (no plan: the dialog solves it).
        database_ = lfrtest::makeSolvedDemoDatabase(dir_.filePath(QStringLiteral("desk.db")));
        auto store = openStorage(database_.toStdString(), OpenMode::ExistingOnly);
        cloneScenario(*store, week, newPolicy);
        WhatIf vanOut;
        vanOut.vanOut = store->peekScenario(week).vans.front().id;
        cloneScenario(*store, newPolicy, oneVanFewer, vanOut);
        Plan plan;
        plan.scenario = oneVanFewer;
        SolverOptions options;
        options.timeLimitSeconds = 30;
        plan.deployments = solve(store->peekScenario(oneVanFewer), options).plan.deployments;
        store->savePlan(oneVanFewer, plan);
        Scenario baseline = store->peekScenario(week);
        baseline.name = baselineName(week);
        baseline.policy.maxDeployments = 4;
        baseline.policy.maxDays = 2;
        store->importScenario(baseline, ImportMode::FailIfExists);
        QCOMPARE(store->listScenarios().size(), std::size_t{4});
    }

    void startsWithTheOpenScenarioTicked()
    {
        // The planner has "new policy" open (third of four in the list) and
        // picks Scenario > Compare scenarios: it is ticked, with the next.
        MainWindow window;
        QVERIFY(window.openDatabase(database_, QString::fromStdString(newPolicy), true));
        QCOMPARE(window.document()->scenario().name, newPolicy);
        QAction *compare = nullptr;
        for (QAction *a : window.findChildren<QAction *>())
            if (a->text() == QStringLiteral("Co&mpare scenarios…"))
                compare = a;
        QVERIFY(compare);
        QStringList list, atStart, headers;
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<CompareDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            for (int i = 0; i < dialog->scenarioList()->count(); ++i)
                list << dialog->scenarioList()->item(i)->data(Qt::UserRole).toString();
            atStart = ticked(dialog->scenarioList());
            QSignalSpy compared(dialog, &CompareDialog::compared);
            QTest::mouseClick(button(dialog, QStringLiteral("Compare")), Qt::LeftButton);
            if (compared.isEmpty())
                compared.wait(120000);
            for (int c = 1; c < dialog->figuresTable()->model()->columnCount(); ++c)
                headers << dialog->figuresTable()->model()->headerData(c, Qt::Horizontal).toString();
            dialog->reject();
        });
        compare->trigger();
        QCOMPARE(list.size(), 4);
        QCOMPARE(list.indexOf(QString::fromStdString(newPolicy)), 2); // not among the first two
        QCOMPARE(atStart, (QStringList{QString::fromStdString(newPolicy), QString::fromStdString(oneVanFewer)}));
        QCOMPARE(headers.size(), 2);
        QVERIFY2(headers[0].startsWith(QString::fromStdString(newPolicy) + QStringLiteral("\nas on the board")),
                 qPrintable(headers[0]));

        // The last in the list is ticked with the one before it; with no
        // open plan the first two are.
        auto store = openStorage(database_.toStdString(), OpenMode::ExistingOnly);
        CompareDialog last(database_);
        QCOMPARE(ticked(last.scenarioList()), list.mid(0, 2));
        last.setOpenPlan(store->peekScenario(oneVanFewer), store->loadPlan(oneVanFewer)->deployments);
        QCOMPARE(ticked(last.scenarioList()), list.mid(2, 2));
    }

    void chartLabelsAreDistinctAndExplained()
    {
        CompareDialog dialog(database_);
        QVERIFY(compareAllFour(dialog));
        showTab(dialog, 1);
        dialog.grab().save(QDir::temp().filePath(QStringLiteral("compare-desk.png"))); // to look at
        const QList<QChartView *> views = dialog.findChildren<QChartView *>();
        QCOMPARE(views.size(), 2);
        QStringList names;
        for (int c = 1; c <= 4; ++c)
            names << dialog.figuresTable()->model()->headerData(c, Qt::Horizontal).toString().section(u'\n', 0, 0);
        for (QChartView *view : views) {
            QVERIFY(view->isVisible());
            QChart *chart = view->chart();
            const auto axes = chart->axes(Qt::Horizontal);
            QCOMPARE(axes.size(), 1);
            auto *axis = qobject_cast<QBarCategoryAxis *>(axes.front());
            QVERIFY(axis);
            const QStringList labels = axis->categories();
            QCOMPARE(labels.size(), 4);
            QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), 4); // no two read the same
            // Each label fits under its bars: nothing is cut.
            const double room = chart->plotArea().width() / 4.0;
            const QFontMetricsF metrics(axis->labelsFont());
            for (const QString &label : labels)
                QVERIFY2(metrics.horizontalAdvance(label) <= room, qPrintable(label));
            // The key says which scenario each label stands for.
            QVERIFY(dialog.chartKey()->isVisible());
            const QString key = dialog.chartKey()->text();
            for (int i = 0; i < 4; ++i)
                QVERIFY2(key.contains(QStringLiteral("<b>%1</b>: %2 ").arg(labels[i], names[i])), qPrintable(key));
            // The series' own legend (VALUE, TRAVEL, OBJECTIVE; the teams)
            // is shown, inside the chart, with a marker per series.
            QLegend *legend = chart->legend();
            QVERIFY(legend->isVisible());
            QVERIFY(!legend->markers().isEmpty());
            const QRectF inChart = legend->geometry();
            QVERIFY(inChart.width() > 20 && inChart.height() > 10);
            QVERIFY(QRectF(QPointF(0, 0), chart->size()).contains(inChart));
        }
        const QStringList sets = [&] {
            QStringList out;
            for (QLegendMarker *m : views.front()->chart()->legend()->markers())
                out << m->label();
            return out;
        }();
        QCOMPARE(sets, (QStringList{QStringLiteral("VALUE"), QStringLiteral("TRAVEL"), QStringLiteral("OBJECTIVE")}));
    }

    void figuresShowEveryScenarioAt1366()
    {
        CompareDialog dialog(database_);
        QVERIFY(compareAllFour(dialog));
        showTab(dialog, 0);
        dialog.grab().save(QDir::temp().filePath(QStringLiteral("compare-desk-figures.png")));
        QTableView *table = dialog.figuresTable();
        QAbstractItemModel *model = table->model();
        const int width = table->viewport()->width();
        // No scrolling sideways: every column ends inside the view.
        QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
        for (int c = 0; c < model->columnCount(); ++c)
            QVERIFY2(table->columnViewportPosition(c) + table->columnWidth(c) <= width,
                     qPrintable(QStringLiteral("column %1 ends at %2 of %3")
                                    .arg(c)
                                    .arg(table->columnViewportPosition(c) + table->columnWidth(c))
                                    .arg(width)));
        // Each heading (name, then how its plan was found) wraps inside its
        // column and the header is tall enough for it.
        QHeaderView *header = table->horizontalHeader();
        const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        const QFontMetrics metrics = header->fontMetrics();
        for (int c = 1; c < model->columnCount(); ++c) {
            const QString heading = model->headerData(c, Qt::Horizontal).toString();
            const int room = table->columnWidth(c) - 2 * margin;
            for (const QString &word : heading.split(QRegularExpression(QStringLiteral("\\s+"))))
                QVERIFY2(metrics.horizontalAdvance(word) <= room, qPrintable(word));
            const QRect wrapped = metrics.boundingRect(QRect(0, 0, room, 10000), Qt::TextWordWrap, heading);
            QVERIFY2(wrapped.height() <= header->height() - 2 * margin, qPrintable(heading));
        }
        // Every figure reads in full in its cell (headings across the row).
        const int padding = 2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); c += table->columnSpan(r, c)) {
                int room = 0;
                for (int s = 0; s < table->columnSpan(r, c); ++s)
                    room += table->columnWidth(c + s);
                const QModelIndex index = model->index(r, c);
                const QVariant font = index.data(Qt::FontRole);
                const QFontMetrics cells(font.isValid() ? font.value<QFont>() : table->font());
                QVERIFY2(cells.horizontalAdvance(index.data().toString()) + padding <= room,
                         qPrintable(index.data().toString()));
            }
    }
};

QTEST_MAIN(CompareDeskTest)
#include "test_compare_desk.moc"
