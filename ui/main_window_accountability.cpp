// MainWindow's Accountability menu (issue 6): the selected deployment's
// authorisation, the transparency report, the audit trail, the safeguard
// settings, and the name changes are recorded under.
#include "main_window.h"

#include "accountability_dialogs.h"
#include "plan_document.h"

#include "lfrplan/storage.h"

#include <QDockWidget>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

QString MainWindow::userName()
{
    const QString stored = QSettings().value(QStringLiteral("user")).toString().trimmed();
    return stored.isEmpty() ? text(defaultActor()) : stored;
}

bool MainWindow::setUserName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return false;
    QSettings().setValue(QStringLiteral("user"), name.trimmed());
    if (document_ && document_->store()) {
        document_->store()->setActor(name.trimmed().toStdString());
        applyPermissions(permissions_); // the status bar names the user
    }
    statusBar()->showMessage(tr("Changes are recorded under \"%1\"").arg(name.trimmed()), 5000);
    return true;
}

void MainWindow::createAccountabilityMenu()
{
    accountabilityMenu_ = menuBar()->addMenu(tr("&Accountability"));
    accountabilityMenu_->addAction(tr("&Authorisation of the selected deployment"), this,
                                   [this] { authorisationDock_->raise(); });
    accountabilityMenu_->addAction(tr("&Transparency report…"), this, [this] {
        if (!document_ || !document_->store())
            return;
        TransparencyDialog dialog(document_.get(), this);
        dialog.exec();
    });
    audit_ = accountabilityMenu_->addAction(tr("Au&dit trail…"), this, [this] {
        if (!document_ || !document_->store())
            return;
        AuditDialog dialog(document_.get(), this);
        dialog.exec();
    });
    accountabilityMenu_->addSeparator();
    safeguards_ = accountabilityMenu_->addAction(tr("&Safeguard settings…"), this, &MainWindow::safeguardsDialog);
    yourName_ = accountabilityMenu_->addAction(tr("Your &name for the audit trail…"), this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Your name"),
                                  tr("Changes are recorded in the audit trail under this name (use your collar "
                                     "number if you are an officer: it keeps you from authorising what you planned):"),
                                  QLineEdit::Normal, userName(), &ok);
        if (ok && !setUserName(name))
            QMessageBox::warning(this, tr("Your name"), tr("The name cannot be blank."));
    });
}

void MainWindow::safeguardsDialog()
{
    if (!document_ || !document_->store() || !permissions_.changeSettings)
        return;
    try {
        SafeguardSettings settings = document_->store()->safeguardSettings();
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
        document_->store()->setSafeguardSettings(settings);
        document_->reloadAccountability();
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Safeguard settings"), text(e.what()));
    }
}

} // namespace lfr::ui
