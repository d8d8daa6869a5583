// MainWindow's File menu: new, open, import, save, export, recent files.
#include "main_window.h"

#include "data_files.h"
#include "plan_document.h"
#include "roster_pdf.h"

#include "lfrplan/errors.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

#include <exception>

namespace lfr::ui {

namespace {
constexpr int kMaxRecent = 8;
QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

bool MainWindow::newDatabase(const QString &file, const QString &scenarioFile, bool quiet)
{
    try {
        if (QFileInfo::exists(file))
            throw StorageError(file.toStdString() + " already exists; choose a new file name");
        const Scenario scenario = readScenarioFile(scenarioFile.toStdString());
        openStorage(file.toStdString(), OpenMode::CreateIfMissing)->importScenario(scenario, ImportMode::FailIfExists);
        return openDatabase(file, text(scenario.name), quiet);
    } catch (const std::exception &e) {
        if (!quiet)
            QMessageBox::warning(this, tr("New database"), tr("No database was made:\n%1").arg(text(e.what())));
        return false;
    }
}

void MainWindow::newDialog()
{
    if (!maybeSave())
        return;
    const QStringList sources = {tr("The bundled demo week"), tr("A scenario file…")};
    bool ok = false;
    const QString source =
        QInputDialog::getItem(this, tr("New database"), tr("Start the new database with:"), sources, 0, false, &ok);
    if (!ok)
        return;
    QString scenarioFile = bundledDataFile(QStringLiteral("demo-week.json"));
    if (source == sources[1]) {
        scenarioFile =
            QFileDialog::getOpenFileName(this, tr("Scenario for the new database"), {}, tr("Scenarios (*.json)"));
        if (scenarioFile.isEmpty())
            return;
    }
    const QString file =
        QFileDialog::getSaveFileName(this, tr("New database"), QStringLiteral("lfrplan.db"),
                                     tr("lfrplan databases (*.db)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty())
        newDatabase(file, scenarioFile);
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString file = QFileDialog::getOpenFileName(this, tr("Open database"), {},
                                                      tr("lfrplan databases (*.db *.sqlite);;All files (*)"));
    if (!file.isEmpty())
        openDatabase(file);
}

void MainWindow::openServerDialog()
{
    if (!maybeSave())
        return;
    // Offer the most recent server database again (without its password).
    QString last;
    for (const QString &recent : QSettings().value(QStringLiteral("recentFiles")).toStringList())
        if (isServerLocation(recent.toStdString())) {
            last = recent;
            break;
        }
    bool ok = false;
    const QString location =
        QInputDialog::getText(this, tr("Open server database"),
                              tr("PostgreSQL connection string, e.g. postgresql://pat@db.example:5432/lfrplan\n"
                                 "(a password is best kept in ~/.pgpass; one typed here is used for this session "
                                 "only and never stored):"),
                              QLineEdit::Normal, last.isEmpty() ? QStringLiteral("postgresql://") : last, &ok)
            .trimmed();
    if (!ok || location.isEmpty())
        return;
    if (!isServerLocation(location.toStdString())) {
        QMessageBox::warning(this, tr("Open server database"),
                             tr("\"%1\" is not a connection string: it starts with postgresql:// (File > Open "
                                "database… opens a file).")
                                 .arg(recentLocation(location)));
        return;
    }
    openDatabase(location);
}

void MainWindow::importDialog()
{
    if (!document_ || !document_->hasStore() || !gate_.permissions().editData)
        return;
    const QString file = QFileDialog::getOpenFileName(this, tr("Import scenario"), {}, tr("Scenarios (*.json)"));
    if (file.isEmpty())
        return;
    try {
        const Scenario scenario = readScenarioFile(file.toStdString());
        const QString db = databaseLocation();
        {
            auto store = openStorage(db.toStdString(), OpenMode::ExistingOnly);
            if (store->hasScenario(scenario.name) &&
                QMessageBox::question(
                    this, tr("Import scenario"),
                    tr("A scenario named \"%1\" exists. Replace it and its plan?").arg(text(scenario.name))) !=
                    QMessageBox::Yes)
                return;
            store->importScenario(scenario, ImportMode::Replace);
        }
        if (maybeSave())
            openDatabase(db, text(scenario.name));
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Import scenario"),
                             tr("%1 was not imported; nothing changed:\n%2").arg(file, text(e.what())));
    }
}

void MainWindow::exportPlanDialog()
{
    if (!document_)
        return;
    // The plan file of the contract: a plan that breaks a hard constraint
    // has no status there (an infeasible plan file has no deployments), so
    // it is not written; the database keeps it as it is.
    const Plan plan = document_->plan();
    if (plan.status == PlanStatus::Infeasible) {
        QMessageBox::warning(this, tr("Export plan"),
                             tr("The plan breaks %n hard constraint(s), so it cannot be written as a plan file. "
                                "The first: %1\nFix it (the checks panel lists them all), or save the plan to "
                                "the database, which keeps it as it is.",
                                nullptr, static_cast<int>(document_->report().violations.size()))
                                 .arg(text(plan.reason.value_or(std::string()))));
        return;
    }
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export plan"), text(document_->scenario().name) + QStringLiteral("-plan.json"), tr("Plans (*.json)"));
    if (file.isEmpty())
        return;
    try {
        writeFileAtomically(file.toStdString(), writePlan(plan));
        statusBar()->showMessage(tr("Plan written to %1").arg(file), 5000);
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Export plan"), tr("Could not write %1:\n%2").arg(file, text(e.what())));
    }
}

bool MainWindow::save()
{
    if (!document_)
        return true;
    try {
        document_->save();
        statusBar()->showMessage(tr("Plan saved"), 3000);
        return true;
    } catch (const ConflictError &e) {
        // Someone else changed the scenario: nothing was written (issue 8).
        return resolveConflict(ConflictDialog::ask(e, ConflictSubject::Plan, this));
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Save plan"),
                             tr("The plan was not saved; the database is unchanged:\n%1").arg(text(e.what())));
        return false;
    }
}

bool MainWindow::maybeSave()
{
    if (!document_ || document_->undoStack()->isClean() || !document_->hasStore())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"), tr("Save the plan before closing it?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::addRecent(const QString &file)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    const QString path = recentLocation(file); // never a password
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &file : recent)
        recentMenu_->addAction(file, this, [this, file] {
            if (maybeSave())
                openDatabase(file);
        });
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::printRosterDialog()
{
    if (!document_)
        return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Printable roster"),
                                                      text(document_->scenario().name) + QStringLiteral("-roster.pdf"),
                                                      tr("PDF (*.pdf)"));
    if (file.isEmpty())
        return;
    const QString error = writeRosterPdf(*document_, file);
    if (error.isEmpty())
        statusBar()->showMessage(tr("Roster written to %1").arg(file), 5000);
    else
        QMessageBox::warning(this, tr("Printable roster"), tr("Could not write %1:\n%2").arg(file, error));
}

} // namespace lfr::ui
