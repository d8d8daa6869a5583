#include "grid_model.h"

#include "plan_document.h"

namespace lfr::ui {

QVariantList CellSnapshot::cell(const QAbstractItemModel &model, int row, int column) const
{
    const QModelIndex index = model.index(row, column);
    QVariantList shown;
    shown.reserve(roles_.size());
    for (const int role : roles_)
        shown.push_back(model.data(index, role));
    return shown;
}

void CellSnapshot::take(const QAbstractItemModel &model)
{
    rows_ = model.rowCount();
    columns_ = model.columnCount();
    cells_.clear();
    cells_.reserve(static_cast<std::size_t>(rows_) * static_cast<std::size_t>(columns_));
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < columns_; ++c)
            cells_.push_back(cell(model, r, c));
}

bool CellSnapshot::sameShape(const QAbstractItemModel &model) const
{
    return model.rowCount() == rows_ && model.columnCount() == columns_;
}

std::vector<QModelIndex> CellSnapshot::changedCells(const QAbstractItemModel &model)
{
    std::vector<QModelIndex> changed;
    std::size_t at = 0;
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < columns_; ++c, ++at) {
            QVariantList now = cell(model, r, c);
            if (now != cells_[at]) {
                cells_[at] = std::move(now);
                changed.push_back(model.index(r, c));
            }
        }
    return changed;
}

DocumentGridModel::DocumentGridModel(PlanDocument *document, QList<int> roles, QObject *parent)
    : QAbstractTableModel(parent), document_(document), snapshot_(std::move(roles))
{
}

void DocumentGridModel::follow()
{
    rebuild();
    snapshot_.take(*this);
    connect(document_, &PlanDocument::aboutToReplace, this, &DocumentGridModel::beginReplace);
    connect(document_, &PlanDocument::changed, this, &DocumentGridModel::refresh);
    // A status change repaints the cards it shows; the selection stays.
    connect(document_, &PlanDocument::accountabilityChanged, this, &DocumentGridModel::refresh);
    // So does another published version (the board's marks of what changed since).
    connect(document_, &PlanDocument::publishedChanged, this, &DocumentGridModel::refresh);
    connect(document_, &PlanDocument::recordChanged, this, [this](int list, int) { recordChanged(list); });
}

void DocumentGridModel::beginReplace()
{
    if (replacing_) // a reload announces it before its re-apply replaces it again
        return;
    beginResetModel();
    replacing_ = true;
}

void DocumentGridModel::refresh()
{
    rebuild();
    if (replacing_ || !snapshot_.sameShape(*this)) {
        // The shape only changes with the whole scenario, announced first;
        // anything else that changed it is a reset too, as views need.
        if (!replacing_)
            beginResetModel();
        replacing_ = false;
        endResetModel();
        snapshot_.take(*this);
        return;
    }
    for (const QModelIndex &cell : snapshot_.changedCells(*this))
        emit dataChanged(cell, cell);
}

} // namespace lfr::ui
