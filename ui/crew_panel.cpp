#include "crew_panel.h"

#include "commands/assign_officer.h"
#include "plan_document.h"

#include "lfrplan/geo.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace lfr::ui {

namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }
QString text(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QTableWidget *makeTable(QWidget *parent, const QStringList &headers)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(static_cast<int>(headers.size()) - 1, QHeaderView::Stretch);
    table->setTextElideMode(Qt::ElideRight);
    table->setWordWrap(true); // long team names wrap onto a second line, rows grow to fit
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    return table;
}

} // namespace

std::vector<Candidate> crewCandidates(const PlanDocument &document, std::size_t deployment, std::size_t role)
{
    const ScenarioIndex &ix = document.index();
    const Scenario &sc = document.scenario();
    const Deployment &d = document.deployments().at(deployment);
    const auto date = ix.date(d.date);
    const auto window = ix.window(d.window);
    const auto hotspot = ix.hotspot(d.hotspot);
    if (!date || !window || !hotspot)
        return {};
    std::set<std::string> busy; // in a crew that date (this one included)
    for (const Deployment &other : document.deployments())
        if (other.date == d.date)
            for (const CrewAssignment &m : other.crew)
                busy.insert(m.officer);
    std::vector<Candidate> out;
    for (std::size_t o = 0; o < sc.officers.size(); ++o) {
        if (!ix.qualifies(o, role) || !ix.onDutyCovering(o, *date, *window) || busy.count(sc.officers[o].id))
            continue;
        const auto team = ix.teamOf(o);
        if (!team)
            continue;
        out.push_back({o, haversineKm(sc.teams[*team].base, sc.hotspots[*hotspot].location)});
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate &a, const Candidate &b) { return a.km < b.km; });
    return out;
}

CrewPanel::CrewPanel(PlanDocument *document, QWidget *parent)
    : QWidget(parent), document_(document), title_(new QLabel(this)),
      crew_(makeTable(this, {tr("Role"), tr("Officer"), tr("Rank"), tr("Team")})), role_(new QComboBox(this)),
      candidates_(makeTable(this, {tr("Officer"), tr("Rank"), tr("Team"), tr("km")})),
      add_(new QPushButton(tr("Add to crew"), this)), swap_(new QPushButton(tr("Swap with selected"), this)),
      remove_(new QPushButton(tr("Take off crew"), this))
{
    crew_->setObjectName(QStringLiteral("crew"));
    crew_->setAccessibleName(tr("Crew of the picked deployment"));
    candidates_->setAccessibleName(tr("Officers who could join the crew"));
    candidates_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    candidates_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    candidates_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch); // the team shares the room
    candidates_->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    candidates_->setObjectName(QStringLiteral("candidates"));
    title_->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(crew_, 2);
    layout->addWidget(remove_);
    auto *roleRow = new QHBoxLayout;
    roleRow->addWidget(new QLabel(tr("Candidates for"), this));
    roleRow->addWidget(role_, 1);
    layout->addLayout(roleRow);
    layout->addWidget(candidates_, 3);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add_);
    buttons->addWidget(swap_);
    layout->addLayout(buttons);
    for (const Role &r : document_->scenario().roles)
        role_->addItem(text(r.id));
    connect(role_, &QComboBox::currentIndexChanged, this, &CrewPanel::refreshCandidates);
    connect(crew_, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = crew_->currentRow();
        if (deployment_ && row >= 0) {
            const auto &crew = document_->deployments().at(*deployment_).crew;
            if (static_cast<std::size_t>(row) < crew.size())
                role_->setCurrentText(text(crew[static_cast<std::size_t>(row)].role));
        }
        swap_->setEnabled(editable_ && row >= 0);
        remove_->setEnabled(editable_ && row >= 0);
    });
    connect(add_, &QPushButton::clicked, this, &CrewPanel::addSelected);
    connect(swap_, &QPushButton::clicked, this, &CrewPanel::swapSelected);
    connect(remove_, &QPushButton::clicked, this, &CrewPanel::removeSelected);
    connect(document_, &PlanDocument::changed, this, &CrewPanel::refresh);
    refresh();
}

void CrewPanel::showDeployment(std::optional<std::size_t> deployment)
{
    deployment_ = deployment;
    refresh();
}

void CrewPanel::refresh()
{
    if (deployment_ && *deployment_ >= document_->deployments().size())
        deployment_.reset();
    const bool have = deployment_.has_value();
    setEnabled(have);
    crew_->setRowCount(0);
    if (!have) {
        title_->setText(tr("Select a deployment on the board to see its crew."));
        candidates_->setRowCount(0);
        return;
    }
    const ScenarioIndex &ix = document_->index();
    const Deployment &d = document_->deployments()[*deployment_];
    const auto hotspot = ix.hotspot(d.hotspot);
    title_->setText(
        tr("%1\ncrew %2 of %3").arg(text(ix.describe(d))).arg(d.crew.size()).arg(hotspot ? ix.crewSize(*hotspot) : 0));
    crew_->setRowCount(static_cast<int>(d.crew.size()));
    for (std::size_t i = 0; i < d.crew.size(); ++i) {
        const auto officer = ix.officer(d.crew[i].officer);
        const auto row = static_cast<int>(i);
        crew_->setItem(row, 0, new QTableWidgetItem(text(d.crew[i].role)));
        // The name first (issue 17, finding 11: a narrow dock showed
        // "MP1…"); the warrant number and the full texts in the tooltips.
        const QString full = text(ix.officerName(d.crew[i].officer));
        auto *name = new QTableWidgetItem(officer ? text(document_->scenario().officers[*officer].name) : full);
        name->setToolTip(full);
        crew_->setItem(row, 1, name);
        if (officer) {
            const Officer &o = document_->scenario().officers[*officer];
            crew_->setItem(row, 2, new QTableWidgetItem(text(rankName(o.rank))));
            auto *team = new QTableWidgetItem(text(ix.teamName(o.team)));
            team->setToolTip(team->text());
            crew_->setItem(row, 3, team);
        }
    }
    swap_->setEnabled(false);
    remove_->setEnabled(false);
    refreshCandidates();
}

void CrewPanel::refreshCandidates()
{
    candidates_->setRowCount(0);
    shown_.clear();
    const auto role = document_->index().role(role_->currentText().toStdString());
    if (!deployment_ || !role)
        return;
    shown_ = crewCandidates(*document_, *deployment_, *role);
    constexpr std::size_t kShown = 200; // nearest first; more is never useful on screen
    if (shown_.size() > kShown)
        shown_.resize(kShown);
    candidates_->setRowCount(static_cast<int>(shown_.size()));
    const Scenario &sc = document_->scenario();
    for (std::size_t i = 0; i < shown_.size(); ++i) {
        const Officer &o = sc.officers[shown_[i].officer];
        const auto row = static_cast<int>(i);
        auto *name = new QTableWidgetItem(text(o.name));
        name->setToolTip(text(document_->index().officerName(o.id)));
        candidates_->setItem(row, 0, name);
        candidates_->setItem(row, 1, new QTableWidgetItem(text(rankName(o.rank))));
        auto *team = new QTableWidgetItem(text(document_->index().teamName(o.team)));
        team->setToolTip(team->text());
        candidates_->setItem(row, 2, team);
        candidates_->setItem(row, 3, new QTableWidgetItem(QString::number(shown_[i].km, 'f', 1)));
    }
    add_->setEnabled(editable_ && !shown_.empty());
}

void CrewPanel::setEditable(bool editable, const QString &reason)
{
    editable_ = editable;
    for (QPushButton *button : {add_, swap_, remove_}) {
        button->setToolTip(editable ? QString() : reason);
        if (!editable)
            button->setEnabled(false);
    }
    if (editable)
        refreshCandidates();
}

void CrewPanel::addSelected()
{
    const int row = candidates_->currentRow();
    if (!deployment_ || row < 0 || static_cast<std::size_t>(row) >= shown_.size())
        return;
    const std::string &officer = document_->scenario().officers[shown_[static_cast<std::size_t>(row)].officer].id;
    document_->undoStack()->push(
        AssignOfficer::add(document_, *deployment_, officer, role_->currentText().toStdString()));
}

void CrewPanel::swapSelected()
{
    const int member = crew_->currentRow();
    const int row = candidates_->currentRow();
    if (!deployment_ || member < 0 || row < 0 || static_cast<std::size_t>(row) >= shown_.size())
        return;
    const std::string &officer = document_->scenario().officers[shown_[static_cast<std::size_t>(row)].officer].id;
    document_->undoStack()->push(
        AssignOfficer::swap(document_, *deployment_, static_cast<std::size_t>(member), officer));
}

void CrewPanel::removeSelected()
{
    const int member = crew_->currentRow();
    if (!deployment_ || member < 0)
        return;
    document_->undoStack()->push(AssignOfficer::remove(document_, *deployment_, static_cast<std::size_t>(member)));
}

} // namespace lfr::ui
