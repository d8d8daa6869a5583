#include "compare_dialog.h"

#include "text_table_model.h"

#include "bar_chart.h"

#include "solve_runner.h"

#include "lfrplan/scenario_index.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedBarSeries>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <map>
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
      runner_(new SolveRunner(this)), compare_(new QPushButton(tr("Compare"), this)),
      cancel_(new QPushButton(tr("Stop solving"), this)), timeLimit_(new QSpinBox(this)), status_(new QLabel(this)),
      list_(new QListWidget(this)), tabs_(new QTabWidget(this)), figures_(new TextTableModel(this)),
      table_(new QTableView(this)), chartHolder_(new QWidget(this)), chartKey_(new QLabel(this)),
      diff_(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Compare scenarios"));
    setObjectName(QStringLiteral("compareDialog"));
    for (const ScenarioSummary &s : store_->listScenarios()) {
        auto *item = new QListWidgetItem(text(s.name) + (s.hasPlan ? QString() : tr("  (no saved plan)")), list_);
        item->setData(Qt::UserRole, text(s.name));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    }
    // The first two, until setOpenPlan() says which is open.
    tickWith(0);
    // Long names wrap onto a second line rather than scroll off.
    list_->setWordWrap(true);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(compare_, &QPushButton::clicked, this, &CompareDialog::compareChecked);
    cancel_->setEnabled(false);
    cancel_->setToolTip(tr("Compare on the best plan found so far"));
    connect(cancel_, &QPushButton::clicked, runner_, &SolveRunner::cancel);
    status_->setWordWrap(true);
    connect(runner_, &SolveRunner::progress, this, [this](double elapsed, double incumbent, bool has, double) {
        status_->setText(tr("Solving \"%1\" (no saved plan): %2 s%3")
                             .arg(text(scenarios_[solving_].name))
                             .arg(elapsed, 0, 'f', 1)
                             .arg(has ? tr(", best %1").arg(incumbent, 0, 'f', 1) : QString()));
    });
    connect(runner_, &SolveRunner::finished, this, [this](const SolveResult &result) {
        plans_[solving_] = result.plan.deployments;
        notes_[solving_] = result.plan.status == PlanStatus::Optimal ? tr("solved here (optimal), not stored")
                                                                     : tr("solved here (best found), not stored");
        solveNext();
    });
    connect(runner_, &SolveRunner::failed, this, [this](const QString &message) {
        compare_->setEnabled(true);
        cancel_->setEnabled(false);
        status_->setText(tr("Could not solve \"%1\": %2").arg(text(scenarios_[solving_].name), message));
    });
    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Scenarios (2 to 4):"), this));
    left->addWidget(list_, 1);
    timeLimit_->setRange(1, 3600);
    timeLimit_->setValue(20);
    timeLimit_->setSuffix(tr(" s"));
    timeLimit_->setToolTip(tr("How long each scenario without a saved plan is solved for"));
    auto *limitRow = new QHBoxLayout;
    limitRow->addWidget(new QLabel(tr("Solve unsaved plans for at most:"), this));
    limitRow->addWidget(timeLimit_);
    left->addLayout(limitRow);
    left->addWidget(compare_);
    left->addWidget(cancel_);
    left->addWidget(status_);
    table_->setModel(figures_);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    // Scenario names wrap in their headings rather than widen the columns
    // (issue 17, finding 9: the third scenario was off-screen).
    table_->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter | Qt::Alignment(Qt::TextWordWrap));
    table_->horizontalHeader()->setTextElideMode(Qt::ElideNone);
    table_->viewport()->installEventFilter(this);
    diff_->setReadOnly(true);
    new QVBoxLayout(chartHolder_);
    chartKey_->setObjectName(QStringLiteral("chartKey"));
    chartKey_->setTextFormat(Qt::RichText);
    chartKey_->setWordWrap(true);
    chartKey_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    chartKey_->setContentsMargins(6, 0, 6, 0);
    chartKey_->hide();
    auto *charts = new QWidget(this);
    auto *chartsLayout = new QVBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(chartHolder_, 1);
    chartsLayout->addWidget(chartKey_);
    tabs_->addTab(table_, tr("Figures"));
    tabs_->addTab(charts, tr("Chart"));
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

// Ticks the scenario in `row` and the one after it (before it when last),
// nothing else.
void CompareDialog::tickWith(int row)
{
    const int other = row + 1 < list_->count() ? row + 1 : row - 1;
    for (int i = 0; i < list_->count(); ++i)
        list_->item(i)->setCheckState(i == row || i == other ? Qt::Checked : Qt::Unchecked);
}

void CompareDialog::setOpenPlan(const Scenario &scenario, const std::vector<Deployment> &deployments)
{
    open_ = scenario;
    openPlan_ = deployments;
    // The open scenario is the one to compare (issue 17, finding 9: the
    // first two were ticked, whichever was open).
    for (int i = 0; i < list_->count(); ++i)
        if (list_->item(i)->data(Qt::UserRole).toString() == text(scenario.name)) {
            list_->item(i)->setText(text(scenario.name) + tr("  (open: as on the board)"));
            tickWith(i);
        }
}

bool CompareDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == table_->viewport() && event->type() == QEvent::Resize)
        fitFigureColumns();
    return QDialog::eventFilter(watched, event);
}

// Every compared scenario in view without scrolling sideways: the names of
// the figures as wide as they need up to two fifths of the table, the
// scenarios sharing the rest, their headings wrapped onto enough lines.
void CompareDialog::fitFigureColumns()
{
    const int columns = figures_->columnCount();
    if (columns < 2)
        return;
    QHeaderView *header = table_->horizontalHeader();
    const int width = table_->viewport()->width();
    table_->resizeColumnToContents(0);
    const int names = std::min(table_->columnWidth(0), width * 2 / 5);
    table_->setColumnWidth(0, names);
    const int each = std::max(header->minimumSectionSize(), (width - names) / (columns - 1));
    const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    int lines = 0;
    for (int c = 1; c < columns; ++c) {
        const int w = c + 1 < columns ? each : std::max(each, width - names - each * (columns - 2));
        table_->setColumnWidth(c, w);
        const QString heading = figures_->headerData(c, Qt::Horizontal).toString();
        const QRect room(0, 0, w - 2 * margin, 100000);
        lines = std::max(lines, header->fontMetrics().boundingRect(room, Qt::TextWordWrap, heading).height());
    }
    header->setMinimumHeight(lines + 2 * margin + 2);
}

bool CompareDialog::busy() const { return runner_->running(); }

bool CompareDialog::compareChecked()
{
    if (busy())
        return false;
    QStringList names;
    for (int i = 0; i < list_->count(); ++i)
        if (list_->item(i)->checkState() == Qt::Checked)
            names << list_->item(i)->data(Qt::UserRole).toString();
    if (names.size() < 2 || names.size() > 4) {
        QMessageBox::information(this, windowTitle(), tr("Tick 2 to 4 scenarios to compare."));
        return false;
    }
    scenarios_.clear();
    plans_.clear();
    notes_.clear();
    scenarioNotes_.clear();
    try {
        for (const QString &name : names) {
            scenarioNotes_.push_back(store_->loadNotes(name.toStdString()));
            if (open_ && text(open_->name) == name) {
                scenarios_.push_back(*open_);
                plans_.emplace_back(openPlan_);
                notes_.push_back(tr("as on the board"));
                continue;
            }
            scenarios_.push_back(store_->peekScenario(name.toStdString()));
            const auto plan = store_->loadPlan(name.toStdString());
            plans_.push_back(plan ? std::optional(plan->deployments) : std::nullopt);
            notes_.push_back(plan ? tr("saved plan") : QString());
        }
    } catch (const std::exception &e) {
        QMessageBox::warning(this, windowTitle(), text(e.what()));
        return false;
    }
    compare_->setEnabled(false);
    solving_ = 0;
    solveNext();
    return true;
}

// Solves the next scenario without a plan, or shows the comparison.
void CompareDialog::solveNext()
{
    while (solving_ < plans_.size() && plans_[solving_])
        ++solving_;
    if (solving_ == plans_.size()) {
        cancel_->setEnabled(false);
        compare_->setEnabled(true);
        status_->clear();
        showComparison();
        return;
    }
    SolverOptions options;
    options.timeLimitSeconds = timeLimit_->value();
    cancel_->setEnabled(true);
    status_->setText(tr("Solving \"%1\" (no saved plan)…").arg(text(scenarios_[solving_].name)));
    runner_->start(scenarios_[solving_], options);
}

void CompareDialog::showComparison()
{
    std::vector<std::vector<Deployment>> plans;
    for (const auto &p : plans_)
        plans.push_back(*p);
    std::vector<ComparedPlan> compared;
    for (std::size_t i = 0; i < scenarios_.size(); ++i)
        compared.push_back(
            {scenarios_[i].name, &scenarios_[i], planFigures(scenarios_[i], plans[i]), scenarioNotes_[i]});
    // The figures, cell by cell as the command-line table has them.
    std::vector<QStringList> rows;
    for (const auto &cells : comparisonRows(compared)) {
        QStringList row;
        for (const std::string &cell : cells)
            row << text(cell);
        rows.push_back(row);
    }
    rows.erase(rows.begin()); // the header: the labels, set below
    QStringList headers{QString()};
    for (std::size_t i = 0; i < compared.size(); ++i)
        headers << text(compared[i].label) + QLatin1Char('\n') + notes_[i];
    std::vector<TextTableModel::Row> shown;
    std::vector<int> headings;
    for (QStringList &row : rows) {
        const bool heading = row.size() == 1; // a section heading
        if (heading)
            headings.push_back(static_cast<int>(shown.size()));
        shown.push_back({std::move(row), {}, heading});
    }
    std::set<int> numbers;
    for (int c = 1; c < static_cast<int>(headers.size()); ++c)
        numbers.insert(c);
    figures_->setTable(headers, std::move(shown), std::move(numbers));
    table_->clearSpans();
    for (const int r : headings) // across the table, not cut at the names' width
        table_->setSpan(r, 0, 1, static_cast<int>(headers.size()));
    fitFigureColumns();
    showCharts(compared);
    showDifferences(compared);
    emit this->compared();
}

void CompareDialog::showCharts(const std::vector<ComparedPlan> &compared)
{
    // The chart: VALUE, TRAVEL and OBJECTIVE per scenario.
    auto *series = new QBarSeries;
    auto *value = new QBarSet(tr("VALUE"));
    auto *travel = new QBarSet(tr("TRAVEL"));
    auto *objective = new QBarSet(tr("OBJECTIVE"));
    QStringList names;
    double top = 0.0;
    for (const ComparedPlan &p : compared) {
        *value << p.figures.value;
        *travel << p.figures.travelPenalty;
        *objective << p.figures.objective;
        top = std::max(top, p.figures.value);
        names << text(p.label);
    }
    // Long names label the bars "A", "B"... and the key spells them out
    // (issue 17, finding 9: two bars read "Demo week 2026-12-0…").
    const QStringList categories = categoryLabels(names, fontMetrics(), 120);
    QStringList key;
    for (qsizetype i = 0; i < names.size(); ++i)
        key << tr("<b>%1</b>: %2 <i>(%3)</i>")
                   .arg(categories[i].toHtmlEscaped(), names[i].toHtmlEscaped(),
                        notes_[static_cast<std::size_t>(i)].toHtmlEscaped());
    chartKey_->setText(key.join(QStringLiteral("<br>")));
    chartKey_->setVisible(categories != names);
    series->append(value);
    series->append(travel);
    series->append(objective);
    clearLayout(chartHolder_);
    QLayout *holder = chartHolder_->layout();
    holder->addWidget(barChartView(tr("The plans' figures"), series, categories, top, QStringLiteral("%.0f"),
                                   Qt::AlignBottom, chartHolder_));

    // Officer-hours taken from each team: a bar per scenario, stacked.
    std::set<std::string> teams;
    std::map<std::string, std::string> teamNames;
    for (const ComparedPlan &p : compared) {
        for (const auto &[team, hours] : p.figures.officerHours)
            teams.insert(team);
        for (const Team &t : p.scenario->teams)
            teamNames.emplace(t.id, t.name);
    }
    auto *stacked = new QStackedBarSeries;
    double most = 0.0;
    std::vector<double> totals(compared.size(), 0.0);
    for (const std::string &team : teams) {
        auto *set = new QBarSet(text(teamNames.count(team) ? teamNames[team] : team));
        for (std::size_t i = 0; i < compared.size(); ++i) {
            const auto &hours = compared[i].figures.officerHours;
            const auto it = hours.find(team);
            const double h = it == hours.end() ? 0.0 : it->second;
            *set << h;
            totals[i] += h;
        }
        stacked->append(set);
    }
    for (const double t : totals)
        most = std::max(most, t);
    holder->addWidget(barChartView(tr("Officer-hours taken from each team"), stacked, categories, most,
                                   QStringLiteral("%.0f h"), Qt::AlignRight, chartHolder_));
}

void CompareDialog::showDifferences(const std::vector<ComparedPlan> &compared)
{
    const auto &plans = plans_;

    // The deployment-level differences from the first plan.
    const ScenarioIndex first(scenarios_[0]);
    std::set<std::string> base;
    for (const Deployment &d : *plans[0])
        base.insert(slot(first, d));
    QStringList out;
    for (std::size_t i = 1; i < scenarios_.size(); ++i) {
        const ScenarioIndex ix(scenarios_[i]);
        std::set<std::string> other;
        for (const Deployment &d : *plans[i])
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
    for (const ComparedPlan &p : compared)
        if (!p.notes.empty())
            out << QString() << tr("Notes of %1:").arg(text(p.label)) << text(p.notes);
    diff_->setPlainText(out.join(QLatin1Char('\n')));
}

} // namespace lfr::ui
