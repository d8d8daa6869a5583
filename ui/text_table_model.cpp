#include "text_table_model.h"

#include <QFont>

namespace lfr::ui {

void TextTableModel::setTable(QStringList headers, std::vector<Row> rows, std::set<int> numberColumns)
{
    beginResetModel();
    headers_ = std::move(headers);
    rows_ = std::move(rows);
    numberColumns_ = std::move(numberColumns);
    endResetModel();
}

int TextTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int TextTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(headers_.size());
}

QVariant TextTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows_[static_cast<std::size_t>(index.row())];
    const int c = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return c < row.cells.size() ? row.cells[c] : QString();
    case Qt::ToolTipRole:
        if (c < row.toolTips.size() && !row.toolTips[c].isEmpty())
            return row.toolTips[c];
        return {};
    case Qt::FontRole:
        if (row.heading) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (numberColumns_.count(c) != 0)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant TextTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < headers_.size())
        return headers_[section];
    return QAbstractTableModel::headerData(section, orientation, role);
}

TextTableFilter::TextTableFilter(std::set<int> columns, QObject *parent)
    : QSortFilterProxyModel(parent), columns_(std::move(columns))
{
}

void TextTableFilter::setText(const QString &text)
{
    text_ = text.trimmed();
    invalidateFilter();
}

bool TextTableFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (text_.isEmpty())
        return true;
    for (const int c : columns_)
        if (sourceModel()->index(sourceRow, c, sourceParent).data().toString().contains(text_, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace lfr::ui
