// "Clone scenario" as one step (issue 5): a new name and the what-if
// changes a commander asks for — the policy's counts ("4 a week on 2
// days"), a van in the garage (all week or one date), a team losing
// officers. The fields start at the scenario's own values; only what the
// user changes becomes part of the lfr::WhatIf.
#pragma once

#include "lfrplan/model.h"
#include "lfrplan/scenario_compare.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace lfr::ui {

class WhatIfDialog : public QDialog {
    Q_OBJECT
public:
    WhatIfDialog(const Scenario &scenario, QWidget *parent = nullptr);

    QString name() const;
    lfr::WhatIf change() const;

    QLineEdit *nameEdit() const { return name_; }
    QSpinBox *maxDeployments() const { return maxDeployments_; }
    QSpinBox *maxDays() const { return maxDays_; }
    QSpinBox *maxDuties() const { return maxDuties_; }
    QDoubleSpinBox *travelWeight() const { return travelWeight_; }
    QComboBox *van() const { return van_; }
    QComboBox *vanDate() const { return vanDate_; }
    QComboBox *team() const { return team_; }
    QSpinBox *teamLoses() const { return teamLoses_; }

private:
    void updateTeamLimit();

    const Scenario &scenario_;
    QLineEdit *name_;
    QSpinBox *maxDeployments_, *maxDays_, *maxPerDate_, *maxDuties_;
    QDoubleSpinBox *travelWeight_;
    QCheckBox *perDateLimited_;
    QComboBox *van_, *vanDate_, *team_;
    QSpinBox *teamLoses_;
};

} // namespace lfr::ui
