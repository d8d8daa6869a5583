// Team x date: officers on duty, officers the plan abstracts into crews,
// and what the team may release (section 3 rule 5), coloured as the limit
// is approached (amber at three quarters) and reached or broken (red).
#pragma once

#include "grid_model.h"

#include <vector>

namespace lfr::ui {

class PlanDocument;

class StaffingModel : public DocumentGridModel {
    Q_OBJECT
public:
    enum Role {
        AbstractedRole = Qt::UserRole + 1, // int
        LimitRole,                         // int: what the team may release
        OnDutyRole,                        // int
    };
    explicit StaffingModel(PlanDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild() override;
    void recordChanged(int list) override;

    std::vector<int> abstracted_; // team x date
};

} // namespace lfr::ui
