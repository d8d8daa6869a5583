// RecordTableModel's member definitions (a template: included by its header).
#pragma once

#include "commands/edit_record.h"

namespace lfr::ui {

template <class Record>
RecordTableModel<Record>::RecordTableModel(PlanDocument *document, std::vector<RecordColumn<Record>> columns,
                                           QString kind, QObject *parent)
    : RecordTableBase(parent), document_(document), columns_(std::move(columns)), kind_(std::move(kind))
{
    // Only record edits change records, one row at a time.
    connect(document_, &PlanDocument::recordChanged, this, [this](int list, int row) {
        if (list == static_cast<int>(RecordList<Record>::kList) && row >= 0 && row < rowCount())
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    });
    // An officer or van added or deleted.
    connect(document_, &PlanDocument::recordsAboutToResize, this, [this](int list) {
        if (list == static_cast<int>(RecordList<Record>::kList))
            beginResetModel();
    });
    connect(document_, &PlanDocument::recordsResized, this, [this](int list) {
        if (list == static_cast<int>(RecordList<Record>::kList))
            endResetModel();
    });
}

template <class Record> int RecordTableModel<Record>::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(recordsOf<Record>(document_->scenario()).size());
}

template <class Record> int RecordTableModel<Record>::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

template <class Record> QVariant RecordTableModel<Record>::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto &column = columns_[static_cast<std::size_t>(index.column())];
    if (role == ChoicesRole) { // what the cell's editor offers: [value, label] pairs
        QVariantList out;
        if (column.choices)
            for (const auto &[value, label] : column.choices(document_->scenario()))
                out.push_back(QStringList{value, label});
        return out;
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const Record &r = recordsOf<Record>(document_->scenario())[static_cast<std::size_t>(index.row())];
    return column.show(r);
}

template <class Record>
QVariant RecordTableModel<Record>::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    return columns_[static_cast<std::size_t>(section)].title;
}

template <class Record> Qt::ItemFlags RecordTableModel<Record>::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (columns_[static_cast<std::size_t>(index.column())].edit)
        f |= Qt::ItemIsEditable;
    return f;
}

template <class Record>
bool RecordTableModel<Record>::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const auto &column = columns_[static_cast<std::size_t>(index.column())];
    if (!column.edit)
        return false;
    const auto row = static_cast<std::size_t>(index.row());
    Record changed = recordsOf<Record>(document_->scenario())[row];
    if (const auto error = column.edit(changed, value, document_->scenario())) {
        refuse(tr("%1 of %2 %3: %4").arg(column.title, kind_, QString::fromStdString(changed.id), *error));
        return false;
    }
    if (changed == recordsOf<Record>(document_->scenario())[row])
        return true;
    editError_.clear();
    document_->undoStack()->push(new EditRecord<Record>(document_, row, changed, column.title));
    return true;
}

} // namespace lfr::ui
