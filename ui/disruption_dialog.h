// The dialogs of a mid-week disruption (issue 20; docs/publishing.md, "In
// the app"). DisruptionDialog asks who or what is out and when (a date of
// the week, or all week); ReplanDialog shows what the re-plan from the last
// published version would change before anything changes: the disruption,
// how much of the published plan it keeps, each change and each published
// deployment that must go with why. Apply or Cancel (Cancel the default).
#pragma once

#include "lfrplan/dates.h"

#include <QDialog>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace lfr::ui {

class DisruptionDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { OfficerOut, VanOut };
    // `choices`: (id, what the planner reads) of the officers or vans that
    // may be picked, `chosen` preselected; `dates` the week's, `date`
    // preselected (none: all week).
    DisruptionDialog(Kind kind, const std::vector<std::pair<QString, QString>> &choices, const QString &chosen,
                     const std::vector<Date> &dates, std::optional<Date> date, QWidget *parent = nullptr);

    Kind kind() const { return kind_; }
    QString chosenId() const;
    std::optional<Date> chosenDate() const; // none: all week
    QComboBox *subjectBox() const { return subject_; }
    QComboBox *dateBox() const { return date_; }
    QPushButton *replanButton() const { return replan_; }

private:
    Kind kind_;
    QComboBox *subject_;
    QComboBox *date_;
    std::vector<Date> dates_;
    QPushButton *replan_;
};

class ReplanDialog : public QDialog {
    Q_OBJECT
public:
    // `title`: "Officer MP123456 unavailable on Wed 9 Dec"; `body`: the
    // lines shown (the disruption, the figures, the changes, what must go);
    // `applicable`: false when there is no re-plan to apply (then only Close).
    ReplanDialog(const QString &title, const QString &summary, const QStringList &body, bool applicable,
                 QWidget *parent = nullptr);

    QString summaryText() const;
    QString bodyText() const;
    QPushButton *applyButton() const { return apply_; }
    QPushButton *cancelButton() const { return cancel_; }

private:
    QLabel *summary_;
    QPlainTextEdit *body_;
    QPushButton *apply_ = nullptr;
    QPushButton *cancel_ = nullptr;
};

} // namespace lfr::ui
