#include "staffing_model.h"

#include "plan_document.h"

#include <QBrush>
#include <QColor>

#include <set>

namespace lfr::ui {

StaffingModel::StaffingModel(PlanDocument *document, QObject *parent)
    : DocumentGridModel(document,
                        {Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole, AbstractedRole, LimitRole, OnDutyRole},
                        parent)
{
    follow();
}

void StaffingModel::recordChanged(int list)
{
    if (list == static_cast<int>(ListKind::Teams) && rowCount() > 0) // a team's name heads its row
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
}

void StaffingModel::rebuild()
{
    const Scenario &sc = document_->scenario();
    const ScenarioIndex &ix = document_->index();
    abstracted_.assign(sc.teams.size() * sc.dates.size(), 0);
    std::set<std::pair<std::size_t, std::size_t>> counted; // (officer, date): once however many crews
    for (const Deployment &d : document_->deployments()) {
        const auto date = ix.date(d.date);
        if (!date)
            continue;
        for (const CrewAssignment &member : d.crew) {
            const auto officer = ix.officer(member.officer);
            if (!officer || !counted.insert({*officer, *date}).second)
                continue;
            if (const auto team = ix.teamOf(*officer))
                ++abstracted_[*team * sc.dates.size() + *date];
        }
    }
}

int StaffingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(document_->scenario().teams.size());
}

int StaffingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(document_->scenario().dates.size());
}

QVariant StaffingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto team = static_cast<std::size_t>(index.row());
    const auto date = static_cast<std::size_t>(index.column());
    const ScenarioIndex &ix = document_->index();
    const int abstracted = abstracted_[team * document_->scenario().dates.size() + date];
    const int limit = ix.teamReleasable(team, date);
    const int onDuty = ix.teamOnDuty(team, date);
    switch (role) {
    case Qt::DisplayRole: // at the limit or past it said in words, not only in red
        if (abstracted > 0 && abstracted > limit)
            return tr("%1 of %2, over").arg(abstracted).arg(limit);
        if (abstracted > 0 && abstracted == limit)
            return tr("%1 of %2, full").arg(abstracted).arg(limit);
        return tr("%1 of %2").arg(abstracted).arg(limit);
    case Qt::ToolTipRole:
        return tr("%1 on duty; the plan takes %2; the team may release %3").arg(onDuty).arg(abstracted).arg(limit);
    case Qt::BackgroundRole:
        if (abstracted == 0)
            return {};
        if (abstracted >= limit)
            return QBrush(QColor(0xf4, 0xb4, 0xb4));
        if (abstracted * 4 >= limit * 3)
            return QBrush(QColor(0xfb, 0xdf, 0xa6));
        return QBrush(QColor(0xd4, 0xec, 0xd4));
    case Qt::TextAlignmentRole:
        return Qt::AlignCenter;
    case AbstractedRole:
        return abstracted;
    case LimitRole:
        return limit;
    case OnDutyRole:
        return onDuty;
    default:
        return {};
    }
}

QVariant StaffingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    const Scenario &sc = document_->scenario();
    const auto i = static_cast<std::size_t>(section);
    if (orientation == Qt::Horizontal)
        return i < sc.dates.size() ? QVariant(QString::fromStdString(formatDay(sc.dates[i]))) : QVariant();
    return i < sc.teams.size() ? QVariant(QString::fromStdString(document_->index().teamName(sc.teams[i].id)))
                               : QVariant();
}

} // namespace lfr::ui
