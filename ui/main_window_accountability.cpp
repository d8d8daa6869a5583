// MainWindow's Accountability menu (issue 6): the selected deployment's
// authorisation, the transparency report, the audit trail, the safeguard
// settings, and who you are (the authenticated login, its officer); what
// the role may use of the window (the PermissionsGate's rules).
#include "main_window.h"

#include "week_board_view.h"

#include "accountability_dialogs.h"
#include "document_controller.h"
#include "document_view.h"
#include "plan_document.h"

#include "lfrplan/storage.h"

#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

QString MainWindow::identityText() const
{
    if (!document() || !document()->store())
        return tr("No database is open.");
    Storage &store = *document()->store();
    const bool server = isServerLocation(document()->location().toStdString());
    QString out;
    try {
        const auto officer = store.actorOfficer();
        out = tr("You are %1 (%2), authenticated by %3. Every change you make is recorded under this login; "
                 "nobody can choose another name.")
                  .arg(text(store.actor()),
                       officer ? tr("officer %1").arg(text(*officer)) : tr("not mapped to an officer"),
                       server ? tr("the database server") : tr("the operating system"));
        out += QStringLiteral("\n\n");
        out += tr("Only the login mapped to the authorising officer a record names may authorise it, and never "
                  "the login that planned it.");
        out += QStringLiteral("\n\n");
        if (!server)
            out += tr("This is an SQLite file: whoever may write it can change anything in it with other tools, "
                      "and separation of duties holds only between distinct operating-system logins sharing "
                      "it. For separation of duties that holds against every user, use the PostgreSQL server "
                      "(docs/safeguards.md).") +
                   QStringLiteral("\n\n");
        const auto users = store.users();
        if (users.empty())
            out += tr("No login is mapped to an officer yet: nobody can authorise.");
        else {
            out += tr("Logins mapped to officers:");
            for (const UserMapping &u : users)
                out += QStringLiteral("\n  %1 \u2192 %2").arg(text(u.login), text(u.officer));
        }
        out += QStringLiteral("\n\n") + tr("The administrator maps logins with: lfrplan users DB --map LOGIN OFFICER");
    } catch (const std::exception &e) {
        out = tr("Cannot read who you are: %1").arg(text(e.what()));
    }
    return out;
}

void MainWindow::createAccountabilityMenu()
{
    accountabilityMenu_ = menuBar()->addMenu(tr("&Accountability"));
    accountabilityMenu_->addAction(tr("&Authorisation of the selected deployment"), this,
                                   [this] { showView(QStringLiteral("authorisation")); });
    accountabilityMenu_->addAction(tr("&Transparency report…"), this, [this] {
        if (!document() || !document()->store())
            return;
        TransparencyDialog dialog(document(), this);
        dialog.exec();
    });
    audit_ = accountabilityMenu_->addAction(tr("Au&dit trail…"), this, [this] {
        if (!document() || !document()->store())
            return;
        AuditDialog dialog(document(), this);
        dialog.exec();
    });
    accountabilityMenu_->addSeparator();
    safeguards_ = accountabilityMenu_->addAction(tr("&Safeguard settings…"), this, &MainWindow::safeguardsDialog);
    whoAmI_ = accountabilityMenu_->addAction(tr("&Who you are and who may authorise…"), this, [this] {
        QMessageBox box(QMessageBox::Information, tr("Who you are"), identityText(), QMessageBox::Close, this);
        box.exec();
    });
}

void MainWindow::safeguardsDialog()
{
    if (!document() || !document()->store() || !gate_.permissions().changeSettings)
        return;
    try {
        SafeguardSettings settings = document()->store()->safeguardSettings();
        QStringList ranks;
        for (int r = 0; r <= static_cast<int>(Rank::Cmdr); ++r)
            ranks << text(std::string(rankName(static_cast<Rank>(r))));
        bool ok = false;
        const QString rank =
            QInputDialog::getItem(this, tr("Safeguard settings"), tr("Lowest rank that may authorise a deployment:"),
                                  ranks, static_cast<int>(settings.minimumAuthorisingRank), false, &ok);
        if (!ok)
            return;
        settings.minimumAuthorisingRank = *parseRank(rank.toStdString());
        document()->store()->setSafeguardSettings(settings);
        document()->reloadAccountability();
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Safeguard settings"), text(e.what()));
    }
}

void MainWindow::gateActions()
{
    using P = Permissions;
    gate_.narrow(
        save_, [](const P &p) { return p.editData && p.editPlans; }, tr("save plans"));
    gate_.narrow(
        solve_, [](const P &p) { return p.editPlans; },
        tr("change plans (Scenario > Compare scenarios solves them to read)"));
    gate_.narrow(
        pin_, [](const P &p) { return p.editPlans; }, tr("change plans"));
    gate_.narrow(
        remove_, [](const P &p) { return p.editPlans; }, tr("change plans"));
    gate_.narrow(
        import_, [](const P &p) { return p.editData; }, tr("import scenarios"));
    gate_.decide(
        clone_, [](const P &p) { return p.editData; }, tr("add scenarios"));
    gate_.decide(
        rename_, [](const P &p) { return p.editData; }, tr("rename scenarios"));
    gate_.decide(
        delete_, [](const P &p) { return p.editData; }, tr("delete scenarios"));
    gate_.decide(
        audit_, [](const P &p) { return p.readAuditTrail; }, tr("read the audit trail"));
    gate_.decide(
        safeguards_, [](const P &p) { return p.changeSettings; }, tr("change the safeguard settings"));
}

void MainWindow::applyPermissions(const Permissions &permissions)
{
    gate_.setPermissions(permissions);
    if (view_) {
        viewLocked_ = false; // applied afresh; updateActions() locks again if busy
        view_->applyPermissions(gate_);
    }
    boardView_->setDragEnabled(permissions.editPlans);
    boardView_->setAcceptDrops(permissions.editPlans);
    updateActions();
    QString who = tr("no database");
    if (document() && document()->store()) {
        QString actor;
        try {
            actor = text(document()->store()->actor());
            if (const auto officer = document()->store()->actorOfficer())
                actor += QStringLiteral(" = ") + text(*officer);
        } catch (const std::exception &) {
            actor = tr("login unknown");
        }
        who = tr("%1 (%2) @ %3")
                  .arg(actor, text(permissions.role), DocumentController::recentLocation(document()->location()));
    }
    userStatus_->setText(who);
    userStatus_->setToolTip(gate_.summary());
}

} // namespace lfr::ui
