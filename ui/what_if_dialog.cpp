#include "what_if_dialog.h"

#include "lfrplan/scenario_index.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <set>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }

QSpinBox *countBox(int value, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, 100000);
    box->setValue(value);
    return box;
}
} // namespace

WhatIfDialog::WhatIfDialog(const Scenario &scenario, QWidget *parent)
    : QDialog(parent), error_(new QLabel(this)), scenario_(scenario), name_(new QLineEdit(this)),
      maxDeployments_(countBox(scenario.policy.maxDeployments, this)),
      maxDays_(countBox(scenario.policy.maxDays, this)),
      maxPerDate_(countBox(scenario.policy.maxPerDate.value_or(scenario.policy.maxDeployments), this)),
      maxDuties_(countBox(scenario.policy.maxDutiesPerOfficer, this)), travelWeight_(new QDoubleSpinBox(this)),
      perDateLimited_(new QCheckBox(tr("Limit deployments per date"), this)), van_(new QComboBox(this)),
      vanDate_(new QComboBox(this)), team_(new QComboBox(this)), teamLoses_(new QSpinBox(this))
{
    setWindowTitle(tr("Clone scenario"));
    setObjectName(QStringLiteral("whatIfDialog"));
    name_->setText(tr("%1 (what if)").arg(text(scenario.name)));
    name_->selectAll();

    // A clone can set or change the per-date limit, not lift it.
    perDateLimited_->setChecked(scenario.policy.maxPerDate.has_value());
    perDateLimited_->setEnabled(!scenario.policy.maxPerDate.has_value());
    maxPerDate_->setEnabled(perDateLimited_->isChecked());
    connect(perDateLimited_, &QCheckBox::toggled, maxPerDate_, &QWidget::setEnabled);
    auto *policy = new QGroupBox(tr("Policy"), this);
    auto *policyForm = new QFormLayout(policy);
    policyForm->addRow(tr("Deployments a week, at most:"), maxDeployments_);
    policyForm->addRow(tr("Days used, at most:"), maxDays_);
    policyForm->addRow(perDateLimited_, maxPerDate_);
    policyForm->addRow(tr("Duties per officer, at most:"), maxDuties_);
    travelWeight_->setRange(0.0, 1000.0);
    travelWeight_->setDecimals(3);
    travelWeight_->setSingleStep(0.05);
    travelWeight_->setValue(scenario.policy.travelWeight);
    policyForm->addRow(tr("Travel weight:"), travelWeight_);

    van_->addItem(tr("No change"));
    for (const Van &v : scenario.vans)
        van_->addItem(v.name ? tr("%1 (%2)").arg(text(*v.name), text(v.id)) : text(v.id), text(v.id));
    vanDate_->addItem(tr("All week"));
    for (const Date d : scenario.dates)
        vanDate_->addItem(text(formatDay(d)), d.days);
    vanDate_->setEnabled(false);
    connect(van_, &QComboBox::currentIndexChanged, this, [this](int i) { vanDate_->setEnabled(i > 0); });
    auto *vans = new QGroupBox(tr("A van in the garage"), this);
    auto *vanForm = new QFormLayout(vans);
    vanForm->addRow(tr("Van:"), van_);
    vanForm->addRow(tr("When:"), vanDate_);

    team_->addItem(tr("No change"));
    for (const Team &t : scenario.teams)
        team_->addItem(tr("%1 (%2)").arg(text(t.name), text(t.id)), text(t.id));
    teamLoses_->setRange(0, 0);
    teamLoses_->setSuffix(tr(" officers"));
    connect(team_, &QComboBox::currentIndexChanged, this, &WhatIfDialog::updateTeamLimit);
    auto *teams = new QGroupBox(tr("A team loses officers"), this);
    auto *teamForm = new QFormLayout(teams);
    teamForm->addRow(tr("Team:"), team_);
    teamForm->addRow(tr("Loses:"), teamLoses_);
    teamForm->addRow(new QLabel(tr("The last officers of the team that no pin names are removed."), teams));

    auto *nameForm = new QFormLayout;
    nameForm->addRow(tr("Name of the new scenario:"), name_);
    auto *note = new QLabel(tr("A clone with no change keeps the saved plan; a changed one starts without a plan "
                               "(solve it, then compare)."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Clone"));
    connect(buttons, &QDialogButtonBox::accepted, this, &WhatIfDialog::tryClone);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(name_, &QLineEdit::textChanged, this, [this, buttons](const QString &t) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.trimmed().isEmpty());
        error_->clear();
    });
    error_->setObjectName(QStringLiteral("cloneError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #b00020;"));
    error_->setAccessibleName(tr("Why the scenario was not cloned"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(nameForm);
    layout->addWidget(policy);
    layout->addWidget(vans);
    layout->addWidget(teams);
    layout->addWidget(note);
    layout->addWidget(error_);
    layout->addWidget(buttons);
}

void WhatIfDialog::tryClone()
{
    if (!attempt_)
        return accept();
    const QString error = attempt_(name(), change());
    if (error.isEmpty())
        return accept();
    error_->setText(error); // the dialog stays, as it was
    name_->setFocus();
    name_->selectAll();
}

void WhatIfDialog::updateTeamLimit()
{
    const QString id = team_->currentData().toString();
    std::set<std::string> pinned;
    for (const Pin &p : scenario_.pinned)
        for (const CrewAssignment &m : p.crew)
            pinned.insert(m.officer);
    int removable = 0;
    for (const Officer &o : scenario_.officers)
        if (text(o.team) == id && !pinned.count(o.id))
            ++removable;
    teamLoses_->setRange(0, removable);
    teamLoses_->setEnabled(team_->currentIndex() > 0);
}

QString WhatIfDialog::name() const { return name_->text().trimmed(); }

lfr::WhatIf WhatIfDialog::change() const
{
    lfr::WhatIf w;
    const Policy &p = scenario_.policy;
    if (maxDeployments_->value() != p.maxDeployments)
        w.maxDeployments = maxDeployments_->value();
    if (maxDays_->value() != p.maxDays)
        w.maxDays = maxDays_->value();
    const std::optional<int> perDate =
        perDateLimited_->isChecked() ? std::optional<int>(maxPerDate_->value()) : std::nullopt;
    if (perDate != p.maxPerDate && perDate)
        w.maxPerDate = perDate;
    if (maxDuties_->value() != p.maxDutiesPerOfficer)
        w.maxDutiesPerOfficer = maxDuties_->value();
    if (std::abs(travelWeight_->value() - p.travelWeight) > 5e-4) // beyond the box's 3 decimals
        w.travelWeight = travelWeight_->value();
    if (van_->currentIndex() > 0) {
        w.vanOut = van_->currentData().toString().toStdString();
        if (vanDate_->currentIndex() > 0)
            w.vanOutDate = Date{vanDate_->currentData().toInt()};
    }
    if (team_->currentIndex() > 0 && teamLoses_->value() > 0) {
        w.team = team_->currentData().toString().toStdString();
        w.teamLoses = teamLoses_->value();
    }
    return w;
}

} // namespace lfr::ui
