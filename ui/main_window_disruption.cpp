// MainWindow's "Officer unavailable…" and "Van out of service…" (issue 20;
// docs/publishing.md, "In the app"): on the Plan menu and the board's card
// menu, where they start from the current card (its crew to pick from, its
// van and its date), and on the Officers and Vans editors' row menus. They
// are greyed, the reason as their tooltip, without a published version,
// while a solve or a store call runs, and when the role may not change
// plans. The re-plan itself is the DocumentController's.
#include "main_window.h"

#include "data_editors.h"
#include "document_controller.h"
#include "document_view.h"
#include "plan_document.h"
#include "week_board_model.h"
#include "week_board_view.h"

#include <QAction>
#include <QMenu>

#include <memory>

namespace lfr::ui {

namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }

QString officerLabel(const Officer &o)
{
    return o.name.empty() ? text(o.id) : QStringLiteral("%1 %2").arg(text(o.id), text(o.name));
}

QString vanLabel(const Van &v) { return text(v.name.value_or(v.id)); }

std::vector<std::pair<QString, QString>> allVans(const Scenario &sc)
{
    std::vector<std::pair<QString, QString>> out;
    for (const Van &v : sc.vans)
        out.emplace_back(text(v.id), vanLabel(v));
    return out;
}

} // namespace

DataEditor *MainWindow::vansEditor() const { return view_ ? view_->vansEditor() : nullptr; }

void MainWindow::createDisruptionActions(QMenu *plan)
{
    plan->addSeparator();
    officerOut_ = plan->addAction(tr("&Officer unavailable…"), this, [this] { officerOut(false); });
    officerOut_->setObjectName(QStringLiteral("officerOutAction"));
    vanOut_ = plan->addAction(tr("&Van out of service…"), this, [this] { vanOut(false); });
    vanOut_->setObjectName(QStringLiteral("vanOutAction"));
    officerOutRow_ = new QAction(tr("&Officer unavailable…"), this);
    officerOutRow_->setObjectName(QStringLiteral("officerOutRowAction"));
    connect(officerOutRow_, &QAction::triggered, this, [this] { officerOut(true); });
    vanOutRow_ = new QAction(tr("&Van out of service…"), this);
    vanOutRow_->setObjectName(QStringLiteral("vanOutRowAction"));
    connect(vanOutRow_, &QAction::triggered, this, [this] { vanOut(true); });
    for (QAction *action : {officerOut_, vanOut_, officerOutRow_, vanOutRow_})
        gate_.narrow(
            action, [](const Permissions &p) { return p.editPlans; }, tr("change plans"));
    QList<QAction *> card = boardView_->cardActions();
    card << nullptr << officerOut_ << vanOut_;
    boardView_->setCardActions(card);
}

void MainWindow::keepCardAcrossReplace(PlanDocument *doc)
{
    // A disruption applied or undone (or a reload) replaces the whole
    // scenario and plan: the card that was current stays current when the
    // new plan has it (same date, window and hotspot).
    auto kept = std::make_shared<std::optional<Deployment>>();
    connect(doc, &PlanDocument::aboutToReplace, this, [this, doc, kept] {
        const int d = selectedDeployment();
        *kept = d >= 0 ? std::optional<Deployment>(doc->deployments().at(static_cast<std::size_t>(d))) : std::nullopt;
    });
    connect(doc, &PlanDocument::replaced, this, [this, doc, kept] {
        if (!*kept)
            return;
        const Deployment was = **kept;
        kept->reset();
        QMetaObject::invokeMethod(
            this,
            [this, doc, was] {
                if (document() != doc || !board_)
                    return;
                for (std::size_t d = 0; d < doc->deployments().size(); ++d) {
                    const Deployment &x = doc->deployments()[d];
                    if (x.date == was.date && x.window == was.window && x.hotspot == was.hotspot) {
                        boardView_->setCurrentIndex(board_->indexOf(d));
                        return;
                    }
                }
            },
            Qt::QueuedConnection); // once the models have been reset
    });
}

void MainWindow::installRowActions()
{
    if (!view_)
        return;
    view_->officersEditor()->setRowActions({officerOutRow_});
    view_->vansEditor()->setRowActions({vanOutRow_});
}

void MainWindow::updateDisruption()
{
    if (!gate_.permissions().editPlans)
        return; // the gate disabled them, saying the role may not
    const QString why = documents_->whyNotDisrupt();
    const struct {
        QAction *action;
        QString tip;
    } tips[] = {
        {officerOut_, tr("Take an officer off the roster (the current card's crew, or any officer) and re-plan "
                         "with the fewest changes")},
        {vanOut_, tr("Mark a van out of service (the current card's, or any) and re-plan with the fewest changes")},
        {officerOutRow_, tr("Take this officer off the roster and re-plan with the fewest changes")},
        {vanOutRow_, tr("Mark this van out of service and re-plan with the fewest changes")},
    };
    for (const auto &[action, tip] : tips) {
        action->setEnabled(why.isEmpty());
        action->setToolTip(why.isEmpty() ? tip : why);
        action->setStatusTip(why.isEmpty() ? tip : why);
    }
}

void MainWindow::officerOut(bool fromEditor)
{
    PlanDocument *doc = document();
    if (!doc)
        return;
    const Scenario &sc = doc->scenario();
    std::vector<std::pair<QString, QString>> choices;
    QString chosen;
    std::optional<Date> date;
    const int d = boardView_->currentDeployment();
    if (fromEditor) {
        const int row = view_ ? view_->officersEditor()->currentRow() : -1;
        if (row < 0 || row >= static_cast<int>(sc.officers.size()))
            return;
        const Officer &o = sc.officers[static_cast<std::size_t>(row)];
        choices.emplace_back(text(o.id), officerLabel(o));
        chosen = text(o.id);
    } else if (d >= 0) {
        // The card's crew, each with the role they fill.
        const Deployment &dep = doc->deployments().at(static_cast<std::size_t>(d));
        for (const CrewAssignment &c : dep.crew) {
            const auto at = doc->index().officer(c.officer);
            const QString label = at ? officerLabel(sc.officers[*at]) : text(c.officer);
            choices.emplace_back(text(c.officer), tr("%1 (%2)").arg(label, text(c.role)));
        }
        date = dep.date;
    } else {
        for (const Officer &o : sc.officers)
            choices.emplace_back(text(o.id), officerLabel(o));
    }
    documents_->disruptionDialog(DocumentController::DisruptionKind::OfficerOut, std::move(choices), chosen, date);
}

void MainWindow::vanOut(bool fromEditor)
{
    PlanDocument *doc = document();
    if (!doc)
        return;
    const Scenario &sc = doc->scenario();
    QString chosen;
    std::optional<Date> date;
    const int d = boardView_->currentDeployment();
    if (fromEditor) {
        const int row = view_ ? vansEditor()->currentRow() : -1;
        if (row < 0 || row >= static_cast<int>(sc.vans.size()))
            return;
        chosen = text(sc.vans[static_cast<std::size_t>(row)].id);
    } else if (d >= 0) {
        const Deployment &dep = doc->deployments().at(static_cast<std::size_t>(d));
        chosen = text(dep.van);
        date = dep.date;
    }
    documents_->disruptionDialog(DocumentController::DisruptionKind::VanOut, allVans(sc), chosen, date);
}

} // namespace lfr::ui
