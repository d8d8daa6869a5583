// The transparency report and the audit trail of the open database (issue
// 6), for oversight: the report by year or month (and borough) as a table
// and a Qt Chart, with CSV export and the import of published records; the
// audit trail as a filterable table, with CSV export. Both tables are item
// models (text_table_model.h) shown in QTableViews.
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QWidget;

namespace lfr::ui {

class PlanDocument;
class TextTableFilter;
class TextTableModel;

class TransparencyDialog : public QDialog {
    Q_OBJECT
public:
    explicit TransparencyDialog(PlanDocument *document, QWidget *parent = nullptr);
    QTableView *table() const { return table_; }
    QLabel *note() const { return note_; }
    QComboBox *period() const { return period_; }
    QCheckBox *byBorough() const { return byBorough_; }
    // Reads a published records file into the store; the problems found (one
    // line each, "LINE: column: why"), or an error. Empty when all read.
    QStringList importRecords(const QString &file, QString *error);
    // Writes the report shown as CSV; the error, or empty.
    QString exportCsv(const QString &file) const;

private:
    void refresh();

    PlanDocument *document_;
    QComboBox *period_;
    QCheckBox *byBorough_;
    TextTableModel *model_;
    QTableView *table_;
    QWidget *chartHolder_;
    QLabel *note_;
};

class AuditDialog : public QDialog {
    Q_OBJECT
public:
    explicit AuditDialog(PlanDocument *document, QWidget *parent = nullptr);
    // The entries shown (filtered) over the whole trail (table()'s model's source).
    QTableView *table() const { return table_; }
    QLineEdit *filter() const { return filter_; }
    QString exportCsv(const QString &file) const;

private:
    void applyFilter();

    PlanDocument *document_;
    QLineEdit *filter_;
    TextTableModel *model_;
    TextTableFilter *filtered_;
    QTableView *table_;
};

} // namespace lfr::ui
