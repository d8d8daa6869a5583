#include "checks_panel.h"

#include "plan_document.h"

#include <QColor>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QUndoStack>
#include <QVBoxLayout>

namespace lfr::ui {

ChecksPanel::ChecksPanel(PlanDocument *document, QWidget *parent)
    : QWidget(parent), document_(document), figures_(new QLabel(this)), summary_(new QLabel(this)),
      list_(new QListWidget(this)), explanationTitle_(new QLabel(tr("What holds the plan back"), this)),
      explanation_(new QPlainTextEdit(this))
{
    auto *layout = new QVBoxLayout(this);
    figures_->setTextFormat(Qt::PlainText);
    figures_->setObjectName(QStringLiteral("figures"));
    summary_->setWordWrap(true);
    list_->setWordWrap(true);
    list_->setObjectName(QStringLiteral("violations"));
    list_->setAccessibleName(tr("Problems with the plan"));
    layout->addWidget(figures_);
    layout->addWidget(summary_);
    layout->addWidget(list_, 1);
    explanation_->setReadOnly(true);
    explanation_->setObjectName(QStringLiteral("explanation"));
    explanation_->setAccessibleName(tr("What holds the plan back"));
    explanation_->setPlaceholderText(tr("Solve (F5) to see what limits this week's plan."));
    explanationTitle_->setObjectName(QStringLiteral("explanationTitle"));
    explanationTitle_->setWordWrap(true); // the "outdated" note must not widen the dock and squeeze the board
    layout->addWidget(explanationTitle_);
    layout->addWidget(explanation_, 2);
    connect(list_, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QVariant d = item->data(Qt::UserRole);
        if (d.isValid())
            emit deploymentActivated(d.toInt());
    });
    connect(document_, &PlanDocument::changed, this, &ChecksPanel::refresh);
    // Undo and redo move the index after changed(): back to the solved plan,
    // the explanation holds again.
    connect(document_->undoStack(), &QUndoStack::indexChanged, this, &ChecksPanel::showWhetherOutdated);
    connect(document_, &PlanDocument::replaced, this, [this] { explainedAt_ = -1; }); // a reloaded scenario
    connect(document_, &PlanDocument::accountabilityChanged, this, &ChecksPanel::refresh);
    refresh();
}

QString ChecksPanel::figuresText() const { return figures_->text(); }

void ChecksPanel::setExplanation(const QStringList &lines, bool infeasible)
{
    infeasible_ = infeasible;
    explainedAt_ = document_->undoStack()->index(); // the solve's plan, as applied
    explanation_->setPlainText(lines.join(QLatin1Char('\n')));
    showWhetherOutdated();
}

bool ChecksPanel::explanationOutdated() const
{
    return !explanation_->toPlainText().isEmpty() && document_->undoStack()->index() != explainedAt_;
}

void ChecksPanel::showWhetherOutdated()
{
    // Issue 17, finding 8: the last solve's words stayed after moves, as if
    // they were about the plan on the board.
    const QString title = infeasible_ ? tr("Why the pins cannot all be met") : tr("What holds the plan back");
    const bool outdated = explanationOutdated();
    explanationTitle_->setText(outdated ? tr("%1 — at the last solve; the plan or data changed since (F5 solves "
                                             "again)")
                                              .arg(title)
                                        : title);
    explanation_->setEnabled(!outdated); // greyed while it is about another plan
}

QString ChecksPanel::explanationText() const { return explanation_->toPlainText(); }

void ChecksPanel::refresh()
{
    const ValidationReport &r = document_->report();
    figures_->setText(tr("VALUE %1   TRAVEL %2   OBJECTIVE %3")
                          .arg(r.evaluation.value, 0, 'f', 1)
                          .arg(r.evaluation.travelPenalty, 0, 'f', 1)
                          .arg(r.evaluation.objective, 0, 'f', 1));
    summary_->setText(r.valid() ? tr("%n deployment(s); every hard constraint is met.", nullptr,
                                     static_cast<int>(document_->deployments().size()))
                                : tr("%n problem(s) to fix before this plan can be used:", nullptr,
                                     static_cast<int>(r.violations.size())));
    showWhetherOutdated();
    list_->clear();
    for (const Violation &v : r.violations) {
        auto *item = new QListWidgetItem(QString::fromStdString(v.message), list_);
        if (v.deployment)
            item->setData(Qt::UserRole, static_cast<int>(*v.deployment));
    }
    // Accountability: authorisations left behind by a moved deployment.
    for (const std::string &warning :
         authorisationsWithoutDeployment(document_->authorisations(), document_->deployments())) {
        auto *item = new QListWidgetItem(tr("Authorisation: %1").arg(QString::fromStdString(warning)), list_);
        item->setForeground(QColor(0xa0, 0x5a, 0x00));
    }
}

} // namespace lfr::ui
