// "Changes since published" (issue 20): what the plan on the board changed
// since its last published version, in a planner's words (describeChanges),
// by date; removed deployments too, which have no card. Selecting a line
// selects its card. It says when nothing is published yet, when nothing
// changed since (the version, who published it and when), and when the
// published versions cannot be read. Kept current with every change of the
// plan and every publish.
#pragma once

#include "lfrplan/publishing.h"

#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;

namespace lfr::ui {

class PlanDocument;

// One change in a planner's words (describeChanges), a line each.
QStringList changeLines(const Scenario &scenario, const DeploymentChange &change);
// The board's mark of a changed deployment: "new since v3", "changed since v3".
QString publishedMark(const DeploymentChange &change, int version);
// "version 3, published by pat at 2026-12-05 09:12 UTC".
QString versionWords(const PublishedVersion &version);

class PublishPanel : public QWidget {
    Q_OBJECT
public:
    explicit PublishPanel(PlanDocument *document, QWidget *parent = nullptr);

    // What it says above the list.
    QString summaryText() const;
    QListWidget *changeList() const { return list_; }
    // The lines listed (date headings included), as shown.
    QStringList lines() const;

signals:
    // A line about a deployment on the board was selected (its number in the document).
    void deploymentActivated(int deployment);

private:
    void refresh();

    PlanDocument *document_;
    QLabel *summary_;
    QListWidget *list_;
};

} // namespace lfr::ui
