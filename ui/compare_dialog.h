// Compare 2 to 4 scenarios of the open database side by side (issue 5): the
// figures of lfr::comparisonTable as a table, a chart of VALUE, TRAVEL and
// OBJECTIVE per scenario and one of officer-hours by team, and the
// deployments each plan has that the first does not (and the reverse). A
// scenario without a saved plan is solved first on a worker thread, with
// progress and cancel (the plan is not stored); the open scenario is
// compared as the board shows it.
#pragma once

#include "lfrplan/scenario_compare.h"

#include <QDialog>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QPlainTextEdit;

namespace lfr {
class Storage;
}

namespace lfr::ui {

class TextTableModel;

class CompareDialog : public QDialog {
    Q_OBJECT
public:
    // Throws lfr::StorageError when the database cannot be opened.
    CompareDialog(const QString &database, QWidget *parent = nullptr);
    ~CompareDialog() override;

    QListWidget *scenarioList() const { return list_; }
    // The figures side by side (an item model, text_table_model.h).
    QTableView *figuresTable() const { return table_; }
    QPlainTextEdit *differences() const { return diff_; }
    QTabWidget *tabs() const { return tabs_; } // figures, charts, differences (and notes)
    // Under the charts: which scenario each bar's short label stands for,
    // shown when the names are too long to label the bars.
    QLabel *chartKey() const { return chartKey_; }
    // The open scenario's state, used instead of its stored one; it is
    // ticked, with the one after it in the list (before it when last).
    void setOpenPlan(const Scenario &scenario, const std::vector<Deployment> &deployments);
    // Starts comparing the checked scenarios (2 to 4): compared() follows,
    // at once when every plan is saved, after solving the others if not.
    // False with a message when fewer than 2 or more than 4 are ticked.
    bool compareChecked();
    bool busy() const;
    QLabel *status() const { return status_; }
    // How long each scenario without a plan is solved for, in seconds.
    QSpinBox *timeLimit() const { return timeLimit_; }

signals:
    void compared();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void tickWith(int row);
    void fitFigureColumns();
    void solveNext();
    void showComparison();
    void showCharts(const std::vector<ComparedPlan> &compared);
    void showDifferences(const std::vector<ComparedPlan> &compared);

    std::unique_ptr<Storage> store_;
    class SolveRunner *runner_;
    QPushButton *compare_, *cancel_;
    QSpinBox *timeLimit_;
    QLabel *status_;
    QListWidget *list_;
    QTabWidget *tabs_;
    TextTableModel *figures_;
    QTableView *table_;
    QWidget *chartHolder_;
    QLabel *chartKey_;
    QPlainTextEdit *diff_;
    std::optional<Scenario> open_;
    std::vector<Deployment> openPlan_;
    std::vector<Scenario> scenarios_;
    std::vector<std::optional<std::vector<Deployment>>> plans_;
    std::vector<QString> notes_; // per scenario: how its plan was found
    std::vector<std::string> scenarioNotes_;
    std::size_t solving_ = 0;
};

} // namespace lfr::ui
