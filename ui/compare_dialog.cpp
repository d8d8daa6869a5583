#include "compare_dialog.h"

#include "lfrplan/scenario_index.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <set>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }

std::string slot(const ScenarioIndex &ix, const Deployment &d)
{
    return ix.hotspotName(d.hotspot) + ", " + formatDay(d.date) + " " + d.window;
}
} // namespace

CompareDialog::CompareDialog(const QString &database, QWidget *parent)
    : QDialog(parent), store_(openStorage(database.toStdString(), OpenMode::ExistingOnly)),
      list_(new QListWidget(this)), tabs_(new QTabWidget(this)), table_(new QTableWidget(this)),
      chartHolder_(new QWidget(this)), diff_(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Compare scenarios"));
    setObjectName(QStringLiteral("compareDialog"));
    for (const ScenarioSummary &s : store_->listScenarios()) {
        auto *item = new QListWidgetItem(text(s.name) + (s.hasPlan ? QString() : tr("  (no saved plan)")), list_);
        item->setData(Qt::UserRole, text(s.name));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(list_->count() <= 2 ? Qt::Checked : Qt::Unchecked);
    }
    auto *compare = new QPushButton(tr("Compare"), this);
    connect(compare, &QPushButton::clicked, this, &CompareDialog::compareChecked);
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Scenarios (2 to 4):"), this));
    left->addWidget(list_, 1);
    left->addWidget(compare);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    diff_->setReadOnly(true);
    new QVBoxLayout(chartHolder_);
    tabs_->addTab(table_, tr("Figures"));
    tabs_->addTab(chartHolder_, tr("Chart"));
    tabs_->addTab(diff_, tr("Differences and binding limits"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *body = new QHBoxLayout;
    body->addLayout(left, 1);
    body->addWidget(tabs_, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);
    resize(1200, 640);
}

CompareDialog::~CompareDialog() = default;

bool CompareDialog::compareChecked()
{
    QStringList names;
    for (int i = 0; i < list_->count(); ++i)
        if (list_->item(i)->checkState() == Qt::Checked)
            names << list_->item(i)->data(Qt::UserRole).toString();
    if (names.size() < 2 || names.size() > 4) {
        QMessageBox::information(this, windowTitle(), tr("Tick 2 to 4 scenarios to compare."));
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    scenarios_.clear();
    std::vector<std::vector<Deployment>> plans;
    for (const QString &name : names) {
        scenarios_.push_back(store_->loadScenario(name.toStdString()));
        if (const auto plan = store_->loadPlan(name.toStdString())) {
            plans.push_back(plan->deployments);
        } else {
            SolverOptions options;
            options.timeLimitSeconds = 20;
            plans.push_back(solve(scenarios_.back(), options).plan.deployments);
        }
    }
    QApplication::restoreOverrideCursor();

    std::vector<ComparedPlan> compared;
    for (std::size_t i = 0; i < scenarios_.size(); ++i)
        compared.push_back({scenarios_[i].name, &scenarios_[i], planFigures(scenarios_[i], plans[i])});
    // The figures, cell by cell as the command-line table has them.
    std::vector<QStringList> rows;
    for (const auto &cells : comparisonRows(compared)) {
        QStringList row;
        for (const std::string &cell : cells)
            row << text(cell);
        rows.push_back(row);
    }
    rows.erase(rows.begin()); // the header: the labels, set below
    table_->clear();
    table_->setColumnCount(static_cast<int>(compared.size()) + 1);
    table_->setRowCount(static_cast<int>(rows.size()));
    QStringList headers{QString()};
    for (const ComparedPlan &p : compared)
        headers << text(p.label);
    table_->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < static_cast<int>(rows.size()); ++r)
        for (int c = 0; c < static_cast<int>(rows[static_cast<std::size_t>(r)].size()); ++c) {
            auto *item = new QTableWidgetItem(rows[static_cast<std::size_t>(r)][c]);
            if (rows[static_cast<std::size_t>(r)].size() == 1) { // a section heading
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(r, c, item);
        }
    table_->resizeColumnsToContents();

    // The chart: VALUE, TRAVEL and OBJECTIVE per scenario.
    auto *series = new QBarSeries;
    auto *value = new QBarSet(tr("VALUE"));
    auto *travel = new QBarSet(tr("TRAVEL"));
    auto *objective = new QBarSet(tr("OBJECTIVE"));
    QStringList categories;
    double top = 0.0;
    for (const ComparedPlan &p : compared) {
        *value << p.figures.value;
        *travel << p.figures.travelPenalty;
        *objective << p.figures.objective;
        top = std::max(top, p.figures.value);
        categories << text(p.label);
    }
    series->append(value);
    series->append(travel);
    series->append(objective);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("The plans' figures"));
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, top * 1.1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QLayout *holder = chartHolder_->layout();
    while (QLayoutItem *old = holder->takeAt(0)) {
        delete old->widget();
        delete old;
    }
    auto *view = new QChartView(chart, chartHolder_);
    view->setRenderHint(QPainter::Antialiasing);
    holder->addWidget(view);

    // The deployment-level differences from the first plan.
    const ScenarioIndex first(scenarios_[0]);
    std::set<std::string> base;
    for (const Deployment &d : plans[0])
        base.insert(slot(first, d));
    QStringList out;
    for (std::size_t i = 1; i < scenarios_.size(); ++i) {
        const ScenarioIndex ix(scenarios_[i]);
        std::set<std::string> other;
        for (const Deployment &d : plans[i])
            other.insert(slot(ix, d));
        out << tr("%1 against %2:").arg(text(scenarios_[i].name), text(scenarios_[0].name));
        for (const std::string &s : other)
            if (!base.count(s))
                out << QStringLiteral("  + ") + text(s);
        for (const std::string &s : base)
            if (!other.count(s))
                out << QStringLiteral("  − ") + text(s);
        out << QString();
    }
    out << tr("What binds each plan:");
    for (const ComparedPlan &p : compared) {
        out << QString() << text(p.label) + QLatin1Char(':');
        for (const std::string &limit : p.figures.bindingLimits)
            out << QStringLiteral("  • ") + text(limit);
    }
    diff_->setPlainText(out.join(QLatin1Char('\n')));
    return true;
}

} // namespace lfr::ui
