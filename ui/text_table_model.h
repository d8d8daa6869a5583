// Read-only tables of text as the reports show them (the transparency
// report, the audit trail, the comparison of scenarios): an item model for
// a QTableView, with section headings in bold, numbers aligned right and a
// tooltip per cell where the cell is cut short. A new table replaces the
// old one as a reset (it is a new report, not an edit); a filter on some
// columns (TextTableFilter) hides rows without touching the model.
#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <set>
#include <vector>

namespace lfr::ui {

class TextTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Row {
        QStringList cells;
        QStringList toolTips; // per cell; missing or empty: none
        bool heading = false; // shown in bold
    };

    using QAbstractTableModel::QAbstractTableModel;

    // `numberColumns` are aligned right.
    void setTable(QStringList headers, std::vector<Row> rows, std::set<int> numberColumns);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList headers_;
    std::vector<Row> rows_;
    std::set<int> numberColumns_;
};

// Shows the rows whose text in one of `columns` contains the filter text
// (any case).
class TextTableFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    TextTableFilter(std::set<int> columns, QObject *parent);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::set<int> columns_;
    QString text_;
};

} // namespace lfr::ui
