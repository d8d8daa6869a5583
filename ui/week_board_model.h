// The week board as a table: dates across, one row per van and window
// (windows within a day), each cell the deployments of that van in that
// window on that date (one, unless the plan breaks a van rule). Dragging a
// cell's deployment onto another cell moves it (a MoveDeployment command).
// A change of the plan repaints the cells it changed (grid_model.h).
#pragma once

#include "grid_model.h"

#include <vector>

namespace lfr::ui {

class PlanDocument;

class WeekBoardModel : public DocumentGridModel {
    Q_OBJECT
public:
    enum Role {
        DeploymentsRole = Qt::UserRole + 1, // QVariantList of plan indices (int)
        ViolationCountRole,                 // int: violations naming them
        PinnedRole,                         // bool: the first is pinned
        ChangedRole,                        // bool: the first differs from the last solved plan
        CrewFillRole,                       // QString "9/9"
        ValueRole,                          // double: the first's decayed value
        AuthorisationRole,                  // QString: the first's authorisation status; empty: none
        // QString: "new since v3" or "changed since v3" when a deployment
        // of the cell differs from the last published version; else empty.
        PublishedChangeRole,
    };
    static constexpr const char *kMimeType = "application/x-lfrplan-deployment";

    explicit WeekBoardModel(PlanDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }

    // The cell showing a deployment (invalid when its van or date is unknown).
    QModelIndex indexOf(std::size_t deployment) const;
    // Moves a deployment to a cell through the undo stack; false when the
    // cell is not on the board or is where it is. moved() follows.
    bool moveTo(std::size_t deployment, const QModelIndex &cell);
    // What a cell holds, in words (a screen reader's text): hotspot, day,
    // window, van, crew, pin and problems; or the empty cell's day, window
    // and van.
    QString describeCell(const QModelIndex &cell) const;

signals:
    // A deployment was moved (dragged or moved by key): the board selects
    // it again; `notice` says what else moved with it (its pin), or empty.
    void moved(int deployment, const QString &notice);

private:
    void rebuild() override;
    void recordChanged(int list) override;
    std::size_t windows() const;

    std::vector<std::vector<int>> cells_; // row * columns + column -> plan indices
};

} // namespace lfr::ui
