#include "accountability_dialogs.h"

#include "audit_words.h"

#include "text_table_model.h"

#include "bar_chart.h"

#include "plan_document.h"

#include "lfrplan/csv_export.h"
#include "lfrplan/deployment_records.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/transparency.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>

#include <QVBoxLayout>
#include <set>

#include <nlohmann/json.hpp>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }

std::vector<ReportRow> reportOf(const PlanDocument &document, int period, bool byBorough)
{
    return transparencyReport(document.records(), period == 0 ? ReportPeriod::Year : ReportPeriod::Month, byBorough);
}
} // namespace

TransparencyDialog::TransparencyDialog(PlanDocument *document, QWidget *parent)
    : QDialog(parent), document_(document), period_(new QComboBox(this)),
      byBorough_(new QCheckBox(tr("By borough"), this)), model_(new TextTableModel(this)), table_(new QTableView(this)),
      chartHolder_(new QWidget(this)), note_(new QLabel(this))
{
    setWindowTitle(tr("Transparency report"));
    setObjectName(QStringLiteral("transparencyDialog"));
    period_->addItems({tr("By year"), tr("By month")});
    auto *import = new QPushButton(tr("Import published records…"), this);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(period_);
    top->addWidget(byBorough_);
    top->addStretch(1);
    top->addWidget(import);
    top->addWidget(exportButton);
    if (document_->store()) {
        try {
            const Permissions permissions = document_->store()->permissions();
            if (!permissions.editData) {
                import->setEnabled(false);
                import->setToolTip(tr("Your database role (%1) may not import published records")
                                       .arg(QString::fromStdString(permissions.role)));
            }
        } catch (const std::exception &) { // the server refuses the import itself then
        }
    }
    table_->setModel(model_);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);
    note_->setWordWrap(true);
    new QVBoxLayout(chartHolder_);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(chartHolder_);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(note_);
    layout->addWidget(buttons);
    connect(period_, &QComboBox::currentIndexChanged, this, &TransparencyDialog::refresh);
    connect(byBorough_, &QCheckBox::toggled, this, &TransparencyDialog::refresh);
    connect(import, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Import published records"), {}, tr("CSV (*.csv)"));
        if (file.isEmpty())
            return;
        QString error;
        const QStringList problems = importRecords(file, &error);
        if (!error.isEmpty())
            QMessageBox::warning(this, windowTitle(), tr("Nothing was imported:\n%1").arg(error));
        else if (!problems.isEmpty())
            QMessageBox::information(this, windowTitle(),
                                     tr("Imported, with %n problem(s) (each cell left empty or row skipped):\n\n",
                                        nullptr, static_cast<int>(problems.size())) +
                                         problems.join(QLatin1Char('\n')));
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the report"),
                                                          QStringLiteral("transparency-report.csv"), tr("CSV (*.csv)"));
        if (file.isEmpty())
            return;
        if (const QString error = exportCsv(file); !error.isEmpty())
            QMessageBox::warning(this, windowTitle(), tr("Could not write %1:\n%2").arg(file, error));
    });
    connect(document_, &PlanDocument::accountabilityChanged, this, &TransparencyDialog::refresh);
    refresh();
    resize(1200, 720);
}

QStringList TransparencyDialog::importRecords(const QString &file, QString *error)
{
    QStringList problems;
    try {
        const RecordImport in = readDeploymentRecords(readTextFile(file.toStdString()), file.toStdString());
        for (const RecordProblem &p : in.problems)
            problems << tr("line %1: %2%3")
                            .arg(p.line)
                            .arg(p.column.empty() ? QString()
                                                  : tr("column \"%1\" \"%2\": ").arg(text(p.column), text(p.cell)))
                            .arg(text(p.message));
        document_->store()->importRecords(QFileInfo(file).fileName().toStdString(), in.records);
        document_->reloadAccountability();
    } catch (const std::exception &e) {
        *error = text(e.what());
    }
    return problems;
}

QString TransparencyDialog::exportCsv(const QString &file) const
{
    try {
        writeFileAtomically(file.toStdString(),
                            reportCsv(reportOf(*document_, period_->currentIndex(), byBorough_->isChecked())));
        return {};
    } catch (const std::exception &e) {
        return text(e.what());
    }
}

void TransparencyDialog::refresh()
{
    const auto rows = reportOf(*document_, period_->currentIndex(), byBorough_->isChecked());
    const QStringList headers = {tr("Period"),          tr("Borough"),      tr("Deployments"),
                                 tr("Hours"),           tr("Faces seen"),   tr("Alerts"),
                                 tr("True alerts"),     tr("False alerts"), tr("False per 1,000 faces"),
                                 tr("False per alert"), tr("Arrests")};
    std::vector<TextTableModel::Row> shown;
    for (const ReportRow &row : rows) {
        const auto rate = [](const std::optional<double> &v, double scale) {
            return v ? QString::number(*v * scale, 'f', 3) : QStringLiteral("–");
        };
        const QStringList cells = {
            text(row.period),
            text(row.borough),
            QString::number(row.deployments),
            tr("%1 (%2 with duration)").arg(row.hours, 0, 'f', 1).arg(row.deploymentsWithDuration),
            QString::number(row.facesSeen),
            QString::number(row.alerts),
            QString::number(row.trueAlerts),
            QString::number(row.falseAlerts),
            rate(row.falseAlertRatePerFace(), 1000.0),
            rate(row.falseAlertRatePerAlert(), 1.0),
            QString::number(row.arrests)};
        shown.push_back({cells, {}, row.period == "all"});
    }
    std::set<int> numbers;
    for (int c = 2; c < static_cast<int>(headers.size()); ++c)
        numbers.insert(c);
    model_->setTable(headers, std::move(shown), std::move(numbers));
    table_->resizeColumnsToContents();

    // The chart: per period, deployments, true and false alerts, arrests.
    const auto periods = reportOf(*document_, period_->currentIndex(), false);
    auto *series = new QBarSeries;
    auto *deployments = new QBarSet(tr("Deployments"));
    auto *trueAlerts = new QBarSet(tr("True alerts"));
    auto *falseAlerts = new QBarSet(tr("False alerts"));
    auto *arrests = new QBarSet(tr("Arrests"));
    QStringList categories;
    double top = 0.0; // none: the chart says there is nothing to show
    for (const ReportRow &p : periods) {
        if (p.period == "all")
            continue;
        categories << text(p.period);
        *deployments << p.deployments;
        *trueAlerts << p.trueAlerts;
        *falseAlerts << p.falseAlerts;
        *arrests << p.arrests;
        top = std::max({top, double(p.deployments), double(p.trueAlerts), double(p.arrests)});
    }
    for (QBarSet *set : {deployments, trueAlerts, falseAlerts, arrests})
        series->append(set);
    clearLayout(chartHolder_);
    QChartView *view = barChartView(tr("Deployments and outcomes"), series, categories, top, QStringLiteral("%.0f"),
                                    Qt::AlignBottom, chartHolder_);
    view->setMinimumHeight(260);
    chartHolder_->layout()->addWidget(view);
    QString text = tr("%n record(s): the published records imported and the deployments closed in lfrplan. "
                      "Records are dated by their Date. Hours cover only deployments with a known duration; "
                      "“-” in the published data counts as none, “n/a” and blanks as not available.",
                      nullptr, static_cast<int>(document_->records().size()));
    // A stored record that cannot be read is not counted: say which.
    std::vector<UnreadableRow> unreadable;
    if (document_->store()) {
        try {
            unreadable = document_->store()->unreadableRows();
        } catch (const std::exception &e) {
            text += QLatin1Char('\n') +
                    tr("Could not check for unreadable records: %1").arg(QString::fromStdString(e.what()));
        }
    }
    if (!unreadable.empty()) {
        text += QLatin1Char('\n') +
                tr("Not counted: %n stored record(s) cannot be read:", nullptr, static_cast<int>(unreadable.size()));
        for (const UnreadableRow &row : unreadable)
            text += QStringLiteral("\n• %1: %2: %3")
                        .arg(QString::fromStdString(row.table), QString::fromStdString(row.row),
                             QString::fromStdString(row.reason));
    }
    note_->setText(text);
}

AuditDialog::AuditDialog(PlanDocument *document, QWidget *parent)
    : QDialog(parent), document_(document), filter_(new QLineEdit(this)), model_(new TextTableModel(this)),
      filtered_(new TextTableFilter({2, 3, 4}, this)), table_(new QTableView(this))
{
    setWindowTitle(tr("Audit trail"));
    setObjectName(QStringLiteral("auditDialog"));
    filter_->setPlaceholderText(tr("Filter: who, what or which (any part)"));
    filter_->setClearButtonEnabled(true);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(filter_, 1);
    top->addWidget(exportButton);
    const auto entries = document_->store()->auditTrail();
    const QStringList headers = {tr("#"),     tr("When (UTC)"), tr("Who"),      tr("What"),
                                 tr("Which"), tr("Old value"),  tr("New value")};
    std::vector<TextTableModel::Row> rows;
    rows.reserve(entries.size());
    for (const AuditEntry &e : entries) {
        TextTableModel::Row row;
        // In words; the stored code and JSON in the tooltips (issue 17, finding 10).
        const QStringList cells = {QString::number(e.seq),     text(e.at),      text(e.actor),
                                   auditActionWords(e.action), text(e.subject), auditValueWords(e.oldValue),
                                   auditValueWords(e.newValue)};
        const QStringList stored = {cells[0], cells[1],         cells[2],        text(e.action),
                                    cells[4], text(e.oldValue), text(e.newValue)};
        for (int c = 0; c < static_cast<int>(cells.size()); ++c) {
            row.cells << (c >= 5 && cells[c].size() > 80 ? cells[c].left(80) + QStringLiteral("…") : cells[c]);
            row.toolTips
                << (stored[c] == cells[c] ? cells[c] : cells[c] + QStringLiteral("\n\n") + stored[c]).left(4000);
        }
        rows.push_back(std::move(row));
    }
    model_->setTable(headers, std::move(rows), {0}); // the entry's number aligned right
    filtered_->setSourceModel(model_);
    table_->setModel(filtered_);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->setVisible(false);
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->setStretchLastSection(true);
    // The selected entry's old and new values in full, pretty-printed.
    auto *detail = new QPlainTextEdit(this);
    detail->setReadOnly(true);
    detail->setPlaceholderText(tr("Select an entry to see its old and new values in full."));
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, entries, detail](const QModelIndex &current) {
                const int row = filtered_->mapToSource(current).row();
                if (row < 0 || row >= static_cast<int>(entries.size()))
                    return detail->clear();
                const AuditEntry &e = entries[static_cast<std::size_t>(row)];
                const auto pretty = [](const std::string &json) {
                    try {
                        return text(nlohmann::json::parse(json).dump(2));
                    } catch (const std::exception &) {
                        return text(json);
                    }
                };
                detail->setPlainText(tr("#%1  %2  %3: %4 (%5)  %6\n\nBefore: %7\nAfter: %8\n\n"
                                        "As stored:\nold:\n%9\n\nnew:\n%10")
                                         .arg(e.seq)
                                         .arg(text(e.at), text(e.actor), auditActionWords(e.action), text(e.action),
                                              text(e.subject), auditValueWords(e.oldValue), auditValueWords(e.newValue),
                                              pretty(e.oldValue))
                                         .arg(pretty(e.newValue)));
            });
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *note = new QLabel(tr("Append-only: the database refuses any change to these entries."), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    connect(filter_, &QLineEdit::textChanged, this, &AuditDialog::applyFilter);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the audit trail"),
                                                          QStringLiteral("audit.csv"), tr("CSV (*.csv)"));
        if (file.isEmpty())
            return;
        if (const QString error = exportCsv(file); !error.isEmpty())
            QMessageBox::warning(this, windowTitle(), tr("Could not write %1:\n%2").arg(file, error));
    });
    resize(1200, 640);
}

void AuditDialog::applyFilter() { filtered_->setText(filter_->text()); }

QString AuditDialog::exportCsv(const QString &file) const
{
    try {
        writeFileAtomically(file.toStdString(), auditCsv(document_->store()->auditTrail()));
        return {};
    } catch (const std::exception &e) {
        return text(e.what());
    }
}

} // namespace lfr::ui
