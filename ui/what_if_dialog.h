// "Clone scenario" as one step (issue 5): a new name and the what-if
// changes a commander asks for — the policy's counts ("4 a week on 2
// days"), a van in the garage (all week or one date), a team losing
// officers. The fields start at the scenario's own values; only what the
// user changes becomes part of the lfr::WhatIf.
#pragma once

#include "lfrplan/model.h"
#include "lfrplan/scenario_compare.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QDoubleSpinBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace lfr::ui {

class WhatIfDialog : public QDialog {
    Q_OBJECT
public:
    WhatIfDialog(const Scenario &scenario, QWidget *parent = nullptr);

    QString name() const;
    lfr::WhatIf change() const;

    // What "Clone" does: the error to show, or empty when it is done. The
    // dialog stays open on an error, with everything as the user set it
    // (issue 17, finding 5: it closed, and the settings were lost).
    // Without an attempt, Clone accepts the dialog.
    using Attempt = std::function<QString(const QString &name, const lfr::WhatIf &change)>;
    void setAttempt(Attempt attempt) { attempt_ = std::move(attempt); }
    QLabel *error() const { return error_; }

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
    void tryClone();

    Attempt attempt_;
    QLabel *error_;

    const Scenario &scenario_;
    QLineEdit *name_;
    QSpinBox *maxDeployments_, *maxDays_, *maxPerDate_, *maxDuties_;
    QDoubleSpinBox *travelWeight_;
    QCheckBox *perDateLimited_;
    QComboBox *van_, *vanDate_, *team_;
    QSpinBox *teamLoses_;
};

} // namespace lfr::ui
