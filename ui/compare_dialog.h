// Compare 2 to 4 scenarios of the open database side by side (issue 5): the
// figures of lfr::comparisonTable as a table, a chart of VALUE, TRAVEL and
// OBJECTIVE per scenario, and the deployments each plan has that the first
// does not (and the reverse). A scenario without a saved plan is solved
// first (the plan is not stored).
#pragma once

#include "lfrplan/scenario_compare.h"

#include <QDialog>

#include <memory>
#include <vector>

class QListWidget;
class QTabWidget;
class QTableWidget;
class QPlainTextEdit;

namespace lfr {
class Storage;
}

namespace lfr::ui {

class CompareDialog : public QDialog {
    Q_OBJECT
public:
    // Throws lfr::StorageError when the database cannot be opened.
    CompareDialog(const QString &database, QWidget *parent = nullptr);
    ~CompareDialog() override;

    QListWidget *scenarioList() const { return list_; }
    QTableWidget *figuresTable() const { return table_; }
    QPlainTextEdit *differences() const { return diff_; }
    QTabWidget *tabs() const { return tabs_; }
    // Compares the checked scenarios (2 to 4); false with a message otherwise.
    bool compareChecked();

private:
    std::unique_ptr<Storage> store_;
    QListWidget *list_;
    QTabWidget *tabs_;
    QTableWidget *table_;
    QWidget *chartHolder_;
    QPlainTextEdit *diff_;
    std::vector<Scenario> scenarios_;
};

} // namespace lfr::ui
