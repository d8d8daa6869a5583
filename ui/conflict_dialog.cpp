#include "conflict_dialog.h"

#include "lfrplan/storage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace lfr::ui {

namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }

ConflictDialog::Hook &hook()
{
    static ConflictDialog::Hook h;
    return h;
}

} // namespace

ConflictDialog::ConflictDialog(const ConflictError &error, ConflictSubject subject, QWidget *parent)
    : QDialog(parent), message_(new QLabel(this)), changes_(new QTableWidget(this)), choices_(new QVBoxLayout)
{
    setObjectName(QStringLiteral("conflictDialog"));
    const bool gone = error.foundRevision() == 0;
    const QString scenario = text(error.scenario());
    setWindowTitle(subject == ConflictSubject::Notes ? tr("Notes not saved: \"%1\" changed").arg(scenario)
                                                     : tr("Not saved: \"%1\" changed").arg(scenario));

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    auto *title = new QLabel(gone ? tr("Someone else renamed or deleted this scenario since you opened it.")
                                  : tr("Someone else changed this scenario since you opened it."),
                             this);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    title->setWordWrap(true);

    // The store's message up to its list of changes, which the table shows.
    const QString full = text(error.what());
    const auto &entries = error.changes();
    message_->setText(entries.empty() ? full : full.section(QLatin1Char('\n'), 0, 0));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setToolTip(full);

    const QStringList headers = {tr("When (UTC)"), tr("Who"), tr("What"), tr("Which")};
    changes_->setColumnCount(static_cast<int>(headers.size()));
    changes_->setHorizontalHeaderLabels(headers);
    changes_->setRowCount(static_cast<int>(entries.size()));
    changes_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    changes_->setSelectionBehavior(QAbstractItemView::SelectRows);
    changes_->verticalHeader()->setVisible(false);
    for (int r = 0; r < static_cast<int>(entries.size()); ++r) {
        const AuditEntry &e = entries[static_cast<std::size_t>(r)];
        const QStringList cells = {text(e.at), text(e.actor), text(e.action), text(e.subject)};
        for (int c = 0; c < static_cast<int>(cells.size()); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setToolTip(tr("old: %1\nnew: %2").arg(text(e.oldValue).left(2000), text(e.newValue).left(2000)));
            changes_->setItem(r, c, item);
        }
    }
    changes_->resizeColumnsToContents();
    changes_->horizontalHeader()->setStretchLastSection(true);
    changes_->setVisible(!entries.empty());
    auto *none = new QLabel(tr("The audit trail (Accountability > Audit trail) lists what changed."), this);
    none->setVisible(entries.empty());

    if (subject == ConflictSubject::Plan && !gone) {
        reapply_ = addChoice(ConflictChoice::ReloadAndReapply, tr("Reload and re-apply my changes"),
                             tr("Loads their version and applies your edits on top of it, as unsaved changes. "
                                "Where you both changed the same thing, yours is kept and listed. Review, then "
                                "save again."));
        discard_ = addChoice(ConflictChoice::ReloadAndDiscard, tr("Reload and discard my changes"),
                             tr("Loads their version. Your unsaved edits are dropped."));
        cancel_ = addChoice(ConflictChoice::Cancel, tr("Cancel"),
                            tr("Keeps editing your version. Nothing is saved yet; saving again asks again."));
    } else if (subject == ConflictSubject::Plan) {
        saveAsNew_ = addChoice(ConflictChoice::SaveAsNew, tr("Save my version as a new scenario…"),
                               tr("Stores your version, with its plan, under a name you choose. Theirs is left "
                                  "as it is."));
        cancel_ = addChoice(ConflictChoice::Cancel, tr("Cancel"),
                            tr("Keeps editing your version. Nothing is saved; File > Export keeps a copy."));
    } else {
        if (!gone)
            reapply_ = addChoice(ConflictChoice::ReloadAndReapply, tr("Reload, then save my notes again"),
                                 tr("Loads their version (re-applying any unsaved plan edits) and stores your notes. "
                                    "If they changed the notes too, you see both to merge first."));
        cancel_ = addChoice(ConflictChoice::Cancel, tr("Cancel"),
                            tr("Your notes are not saved; they stay in the notes editor."));
    }
    (reapply_ ? reapply_ : saveAsNew_ ? saveAsNew_ : cancel_)->setDefault(true);

    auto *head = new QHBoxLayout;
    head->addWidget(icon, 0, Qt::AlignTop);
    auto *headText = new QVBoxLayout;
    headText->addWidget(title);
    headText->addWidget(message_);
    head->addLayout(headText, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(changes_, 1);
    layout->addWidget(none);
    layout->addSpacing(6);
    layout->addLayout(choices_);
    // Tall enough for a few changes; the table scrolls beyond.
    const int rows = std::min(static_cast<int>(entries.size()), 8);
    resize(880, 300 + rows * changes_->verticalHeader()->defaultSectionSize());
}

QPushButton *ConflictDialog::addChoice(ConflictChoice choice, const QString &label, const QString &explanation)
{
    auto *button = new QPushButton(label, this);
    button->setAutoDefault(false);
    button->setMinimumWidth(260);
    auto *why = new QLabel(explanation, this);
    why->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(button, 0, Qt::AlignTop);
    row->addWidget(why, 1);
    choices_->addLayout(row);
    connect(button, &QPushButton::clicked, this, [this, choice] { choose(choice); });
    return button;
}

void ConflictDialog::choose(ConflictChoice choice)
{
    choice_ = choice;
    if (choice == ConflictChoice::Cancel)
        reject();
    else
        accept();
}

QPushButton *ConflictDialog::button(ConflictChoice choice) const
{
    switch (choice) {
    case ConflictChoice::ReloadAndReapply:
        return reapply_;
    case ConflictChoice::ReloadAndDiscard:
        return discard_;
    case ConflictChoice::SaveAsNew:
        return saveAsNew_;
    case ConflictChoice::Cancel:
        return cancel_;
    }
    return nullptr;
}

ConflictChoice ConflictDialog::ask(const ConflictError &error, ConflictSubject subject, QWidget *parent)
{
    ConflictDialog dialog(error, subject, parent);
    if (hook()) {
        const ConflictChoice choice = hook()(dialog);
        // Only what the dialog offers can be chosen.
        return dialog.button(choice) ? choice : ConflictChoice::Cancel;
    }
    dialog.exec();
    return dialog.choice();
}

void ConflictDialog::setHook(Hook h) { hook() = std::move(h); }

} // namespace lfr::ui
