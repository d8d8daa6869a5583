// The document's grids (the week board, the staffing table) follow its
// changes finely: a change reaches the views as dataChanged for the cells
// that changed only, so the selection, the current cell and the scroll
// stay (a reset loses them); only the whole scenario replaced (a reload,
// or undoing a re-apply: rows and columns may change) is a reset, begun
// when the document says it is about to replace it and ended when it has.
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QVariant>

#include <vector>

namespace lfr::ui {

class PlanDocument;

// What each cell of a model showed when last told to its views.
class CellSnapshot {
public:
    explicit CellSnapshot(QList<int> roles) : roles_(std::move(roles)) {}

    // Takes what every cell of `model` shows now.
    void take(const QAbstractItemModel &model);
    // Whether `model` still has the shape the snapshot was taken of.
    bool sameShape(const QAbstractItemModel &model) const;
    // The cells whose shown data differ from the snapshot, which then
    // holds what they show now. Only for a model of the same shape.
    std::vector<QModelIndex> changedCells(const QAbstractItemModel &model);

private:
    QVariantList cell(const QAbstractItemModel &model, int row, int column) const;

    QList<int> roles_;
    int rows_ = 0, columns_ = 0;
    std::vector<QVariantList> cells_;
};

// A table model over the document that follows it as above. A subclass
// computes what it shows in rebuild() and calls follow() at the end of its
// constructor.
class DocumentGridModel : public QAbstractTableModel {
    Q_OBJECT
protected:
    // `roles`: what a cell shows, compared to tell which cells changed.
    DocumentGridModel(PlanDocument *document, QList<int> roles, QObject *parent);
    // Builds what the model shows from the document.
    virtual void rebuild() = 0;
    // Rebuilds, takes the first snapshot and follows the document.
    void follow();
    // A record of a list (ListKind as int) changed: its header may show it.
    virtual void recordChanged(int list) { (void)list; }

    PlanDocument *document_;

private:
    void beginReplace();
    void refresh();

    CellSnapshot snapshot_;
    bool replacing_ = false;
};

} // namespace lfr::ui
