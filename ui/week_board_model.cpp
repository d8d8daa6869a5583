#include "week_board_model.h"

#include "commands/move_deployment.h"
#include "plan_document.h"
#include "publish_panel.h"

#include "lfrplan/dates.h"

#include <QMimeData>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

WeekBoardModel::WeekBoardModel(PlanDocument *document, QObject *parent)
    : DocumentGridModel(document,
                        {Qt::DisplayRole, Qt::ToolTipRole, DeploymentsRole, ViolationCountRole, PinnedRole, ChangedRole,
                         CrewFillRole, ValueRole, AuthorisationRole, PublishedChangeRole, Qt::AccessibleTextRole},
                        parent)
{
    follow();
}

void WeekBoardModel::recordChanged(int list)
{
    if (list == static_cast<int>(ListKind::Vans) && rowCount() > 0) // a van's name heads its rows
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
}

std::size_t WeekBoardModel::windows() const { return document_->scenario().windows.size(); }

void WeekBoardModel::rebuild()
{
    const Scenario &sc = document_->scenario();
    cells_.assign(sc.vans.size() * windows() * sc.dates.size(), {});
    for (std::size_t i = 0; i < document_->deployments().size(); ++i) {
        const QModelIndex cell = indexOf(i);
        if (cell.isValid())
            cells_[static_cast<std::size_t>(cell.row()) * sc.dates.size() + static_cast<std::size_t>(cell.column())]
                .push_back(static_cast<int>(i));
    }
}

int WeekBoardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(document_->scenario().vans.size() * windows());
}

int WeekBoardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(document_->scenario().dates.size());
}

QModelIndex WeekBoardModel::indexOf(std::size_t deployment) const
{
    const Deployment &d = document_->deployments().at(deployment);
    const ScenarioIndex &ix = document_->index();
    const auto van = ix.van(d.van);
    const auto window = ix.window(d.window);
    const auto date = ix.date(d.date);
    if (!van || !window || !date)
        return {};
    return createIndex(static_cast<int>(*van * windows() + *window), static_cast<int>(*date));
}

QVariant WeekBoardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto &cell = cells_[static_cast<std::size_t>(index.row()) * document_->scenario().dates.size() +
                              static_cast<std::size_t>(index.column())];
    if (role == DeploymentsRole) {
        QVariantList out;
        for (const int i : cell)
            out.push_back(i);
        return out;
    }
    if (role == Qt::AccessibleTextRole)
        return describeCell(index);
    if (cell.empty())
        return role == Qt::DisplayRole ? QVariant(QString()) : QVariant();
    const auto first = static_cast<std::size_t>(cell.front());
    const Deployment &d = document_->deployments()[first];
    const ScenarioIndex &ix = document_->index();
    const auto &evaluation = document_->report().evaluation.deployments;
    const double value = first < evaluation.size() ? evaluation[first].decayedValue : 0.0;
    const auto hotspot = ix.hotspot(d.hotspot);
    const QString fill = QStringLiteral("%1/%2").arg(d.crew.size()).arg(hotspot ? ix.crewSize(*hotspot) : 0);
    int violations = 0;
    for (const int i : cell)
        violations += static_cast<int>(document_->violationsOf(static_cast<std::size_t>(i)).size());
    switch (role) {
    case Qt::DisplayRole: {
        // The window's times head the row; the card keeps its room for the
        // hotspot's whole name.
        QString s = text(ix.hotspotName(d.hotspot));
        s += tr("\ncrew %1\nvalue %2").arg(fill).arg(value, 0, 'f', 1);
        if (cell.size() > 1)
            s += tr("\n+%n more here", nullptr, static_cast<int>(cell.size() - 1));
        return s;
    }
    case Qt::ToolTipRole: {
        QStringList lines{text(ix.describe(d))};
        if (const Authorisation *a = document_->authorisationOf(d))
            lines << tr("Authorisation: %1").arg(text(std::string(statusName(a->status))));
        for (const int i : cell)
            for (const Violation *v : document_->violationsOf(static_cast<std::size_t>(i)))
                lines << QStringLiteral("• ") + text(v->message);
        for (const int i : cell)
            if (const DeploymentChange *change = document_->publishedChangeOf(static_cast<std::size_t>(i))) {
                lines << tr("Since published version %1:").arg(document_->published()->version);
                for (const QString &line : changeLines(document_->scenario(), *change))
                    lines << QStringLiteral("• ") + line;
            }
        return lines.join(QLatin1Char('\n'));
    }
    case ViolationCountRole:
        return violations;
    case PinnedRole:
        return document_->pinOf(d).has_value();
    case ChangedRole:
        return document_->changedSinceSolve(d);
    case CrewFillRole:
        return fill;
    case ValueRole:
        return value;
    case AuthorisationRole: {
        const Authorisation *a = document_->authorisationOf(d);
        return a ? text(std::string(statusName(a->status))) : QString();
    }
    case PublishedChangeRole:
        for (const int i : cell)
            if (const DeploymentChange *change = document_->publishedChangeOf(static_cast<std::size_t>(i)))
                return publishedMark(*change, document_->published()->version);
        return QString();
    default:
        return {};
    }
}

QVariant WeekBoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    const Scenario &sc = document_->scenario();
    if (orientation == Qt::Horizontal) {
        if (static_cast<std::size_t>(section) >= sc.dates.size())
            return {};
        return text(formatDay(sc.dates[static_cast<std::size_t>(section)]));
    }
    const auto row = static_cast<std::size_t>(section);
    if (row >= sc.vans.size() * windows())
        return {};
    const Van &van = sc.vans[row / windows()];
    const Window &window = sc.windows[row % windows()];
    return QStringLiteral("%1\n%2\n%3–%4")
        .arg(text(van.name.value_or(van.id)), text(window.id), text(formatClock(window.start)),
             text(formatClock(window.end)));
}

Qt::ItemFlags WeekBoardModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
    if (!data(index, DeploymentsRole).toList().isEmpty())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList WeekBoardModel::mimeTypes() const { return {QString::fromLatin1(kMimeType)}; }

QMimeData *WeekBoardModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes) {
        const QVariantList list = data(index, DeploymentsRole).toList();
        if (list.isEmpty())
            continue;
        auto *mime = new QMimeData;
        mime->setData(QString::fromLatin1(kMimeType), QByteArray::number(list.front().toInt()));
        return mime;
    }
    return nullptr;
}

bool WeekBoardModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    return data && data->hasFormat(QString::fromLatin1(kMimeType)) && parent.isValid();
}

bool WeekBoardModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                  const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    bool ok = false;
    const int deployment = data->data(QString::fromLatin1(kMimeType)).toInt(&ok);
    if (!ok || deployment < 0 || static_cast<std::size_t>(deployment) >= document_->deployments().size())
        return false;
    return moveTo(static_cast<std::size_t>(deployment), parent);
}

bool WeekBoardModel::moveTo(std::size_t deployment, const QModelIndex &cell)
{
    if (!checkIndex(cell, CheckIndexOption::IndexIsValid) || deployment >= document_->deployments().size())
        return false;
    const Scenario &sc = document_->scenario();
    const auto row = static_cast<std::size_t>(cell.row());
    const Date date = sc.dates[static_cast<std::size_t>(cell.column())];
    const std::string &van = sc.vans[row / windows()].id;
    const std::string &window = sc.windows[row % windows()].id;
    const Deployment &d = document_->deployments()[deployment];
    if (d.date == date && d.van == van && d.window == window)
        return false; // dropped where it was
    auto *move = new MoveDeployment(document_, deployment, date, van, window);
    const bool pin = move->carriesPin();
    document_->undoStack()->push(move);
    emit moved(static_cast<int>(deployment),
               pin ? tr("%1 is pinned: its pin moved with it, so a solve keeps it there. Ctrl+Shift+P unpins it.")
                         .arg(text(document_->index().hotspotName(document_->deployments()[deployment].hotspot)))
                   : QString());
    return true;
}

QString WeekBoardModel::describeCell(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Scenario &sc = document_->scenario();
    const auto row = static_cast<std::size_t>(index.row());
    const Van &van = sc.vans[row / windows()];
    const Window &window = sc.windows[row % windows()];
    const QString where =
        tr("%1, %2 %3–%4, %5")
            .arg(text(formatDay(sc.dates[static_cast<std::size_t>(index.column())])), text(window.id),
                 text(formatClock(window.start)), text(formatClock(window.end)), text(van.name.value_or(van.id)));
    const auto &cell = cells_[row * sc.dates.size() + static_cast<std::size_t>(index.column())];
    if (cell.empty())
        return tr("Empty: %1").arg(where);
    QStringList parts;
    for (const int i : cell) {
        const Deployment &d = document_->deployments()[static_cast<std::size_t>(i)];
        const auto hotspot = document_->index().hotspot(d.hotspot);
        QString part = tr("%1, %2, crew %3 of %4")
                           .arg(text(document_->index().hotspotName(d.hotspot)), where)
                           .arg(d.crew.size())
                           .arg(hotspot ? document_->index().crewSize(*hotspot) : 0);
        if (document_->pinOf(d))
            part += tr(", pinned");
        if (const Authorisation *a = document_->authorisationOf(d))
            part += tr(", authorisation %1").arg(text(std::string(statusName(a->status))));
        const auto problems = document_->violationsOf(static_cast<std::size_t>(i)).size();
        if (problems > 0)
            part += tr(", %n problem(s)", nullptr, static_cast<int>(problems));
        if (const DeploymentChange *change = document_->publishedChangeOf(static_cast<std::size_t>(i)))
            part += tr(", %1: %2")
                        .arg(publishedMark(*change, document_->published()->version),
                             changeLines(document_->scenario(), *change).join(QStringLiteral("; ")));
        parts << part;
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace lfr::ui
