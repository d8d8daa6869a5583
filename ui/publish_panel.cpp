#include "publish_panel.h"

#include "plan_document.h"

#include <QFont>
#include <QLabel>
#include <QListWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
constexpr int kDeploymentRole = Qt::UserRole; // int: the line's deployment on the board
} // namespace

QStringList changeLines(const Scenario &scenario, const DeploymentChange &change)
{
    PlanChanges one;
    one.deployments.push_back(change);
    QStringList out;
    for (const std::string &line : describeChanges(scenario, one))
        out << text(line);
    return out;
}

QString publishedMark(const DeploymentChange &change, int version)
{
    return change.kind == DeploymentChange::Kind::Added ? PublishPanel::tr("new since v%1").arg(version)
                                                        : PublishPanel::tr("changed since v%1").arg(version);
}

QString versionWords(const PublishedVersion &version)
{
    // The store stamps UTC in ISO 8601: "2026-12-05T09:12:33Z" reads as
    // "2026-12-05 09:12 UTC".
    QString when = text(version.publishedAt);
    if (when.size() >= 16 && when[10] == QLatin1Char('T'))
        when = when.left(10) + QLatin1Char(' ') + when.mid(11, 5) + QStringLiteral(" UTC");
    return PublishPanel::tr("version %1, published by %2 at %3")
        .arg(version.version)
        .arg(text(version.publishedBy), when);
}

PublishPanel::PublishPanel(PlanDocument *document, QWidget *parent)
    : QWidget(parent), document_(document), summary_(new QLabel(this)), list_(new QListWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    summary_->setObjectName(QStringLiteral("publishedSummary"));
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::PlainText);
    list_->setObjectName(QStringLiteral("publishedChanges"));
    list_->setAccessibleName(tr("Changes since the last published version"));
    list_->setWordWrap(true);
    layout->addWidget(summary_);
    layout->addWidget(list_, 1);
    // Picking a line, by mouse or arrow keys, picks its card.
    connect(list_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && item->data(kDeploymentRole).isValid())
            emit deploymentActivated(item->data(kDeploymentRole).toInt());
    });
    connect(list_, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (item->data(kDeploymentRole).isValid())
            emit deploymentActivated(item->data(kDeploymentRole).toInt());
    });
    connect(document_, &PlanDocument::changed, this, &PublishPanel::refresh);
    connect(document_, &PlanDocument::publishedChanged, this, &PublishPanel::refresh);
    // Saving or undoing back to the saved plan changes what the summary says of it.
    connect(document_->undoStack(), &QUndoStack::cleanChanged, this, &PublishPanel::refresh);
    refresh();
}

QString PublishPanel::summaryText() const { return summary_->text(); }

QStringList PublishPanel::lines() const
{
    QStringList out;
    for (int i = 0; i < list_->count(); ++i)
        out << list_->item(i)->text();
    return out;
}

void PublishPanel::refresh()
{
    list_->clear();
    const auto &published = document_->published();
    if (!document_->hasStore()) {
        summary_->setText(tr("This scenario is not in a database: nothing of it is published."));
        return;
    }
    if (!document_->publishedProblem().empty()) {
        summary_->setText(tr("The published versions cannot be read, so the board marks nothing: %1")
                              .arg(text(document_->publishedProblem())));
        return;
    }
    if (!published) {
        summary_->setText(tr("No published version yet. Plan > Publish… makes the saved plan version 1."));
        return;
    }
    const PlanChanges &changes = document_->changesSincePublished();
    if (changes.empty()) {
        summary_->setText(tr("No changes since %1.").arg(versionWords(*published)));
        return;
    }
    using Kind = DeploymentChange::Kind;
    QStringList counts;
    if (const auto n = changes.count(Kind::Added))
        counts << tr("%n deployment(s) added", nullptr, static_cast<int>(n));
    if (const auto n = changes.count(Kind::Changed))
        counts << tr("%n changed", nullptr, static_cast<int>(n));
    if (const auto n = changes.count(Kind::Removed))
        counts << tr("%n removed", nullptr, static_cast<int>(n));
    QString summary =
        tr("Since %1: %2; %n crew place(s) changed.", nullptr, static_cast<int>(changes.crewPlacesChanged()))
            .arg(versionWords(*published), counts.join(QStringLiteral(", ")));
    if (!document_->undoStack()->isClean())
        summary += QLatin1Char(' ') + tr("The board as it stands, unsaved changes included.");
    summary_->setText(summary);

    // By date (comparePlans orders the changes by date, window and hotspot).
    QFont heading = list_->font();
    heading.setBold(true);
    std::optional<Date> shownDate;
    for (const DeploymentChange &change : changes.deployments) {
        const Deployment &any = change.current ? *change.current : *change.published;
        if (shownDate != any.date) {
            shownDate = any.date;
            auto *day = new QListWidgetItem(text(shortDate(any.date)), list_);
            day->setFont(heading);
            day->setFlags(Qt::ItemIsEnabled); // a heading: not selectable
        }
        const auto deployment = document_->deploymentOf(change);
        for (const QString &line : changeLines(document_->scenario(), change)) {
            auto *item = new QListWidgetItem(QStringLiteral("  ") + line, list_);
            if (deployment)
                item->setData(kDeploymentRole, static_cast<int>(*deployment));
            else
                item->setToolTip(tr("No longer on the board: removed since version %1").arg(published->version));
        }
    }
}

} // namespace lfr::ui
