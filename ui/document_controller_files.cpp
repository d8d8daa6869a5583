// DocumentController: the open document, and the File menu's work: new,
// open, import, save, export, recent files.
#include "document_controller.h"

#include "data_files.h"
#include "permissions_gate.h"
#include "plan_document.h"
#include "roster_pdf.h"
#include "solve_controller.h"
#include "store_call.h"

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
#include <optional>

namespace lfr::ui {

namespace {
constexpr int kMaxRecent = 8;
QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

DocumentController::DocumentController(QWidget *window, const PermissionsGate &gate, SolveController &solver)
    : QObject(window), window_(window), gate_(gate), solver_(solver), call_(new StoreCall(this))
{
    connect(call_, &StoreCall::runningChanged, this, &DocumentController::stateChanged);
}

DocumentController::~DocumentController() = default;

void DocumentController::setDocument(std::unique_ptr<PlanDocument> document)
{
    call_->cancel();              // an open under way (a write cannot be dropped: its document is kept until it ends)
    emit documentAboutToChange(); // what shows the open one goes first
    if (call_->running())
        retired_ = std::move(document_);
    document_ = std::move(document);
    emit documentChanged();
}

void DocumentController::setRecentMenu(QMenu *menu)
{
    recentMenu_ = menu;
    rebuildRecentMenu();
}

namespace {

// What opening reads, on any thread: the store, its scenarios, and the
// scenario wanted (or the one last open, else the first).
PlanDocument::Opened readForOpening(const std::string &location, const std::string &wanted,
                                    const std::string &remembered)
{
    auto store = openStorage(location, OpenMode::ExistingOnly);
    const auto list = store->listScenarios();
    if (list.empty())
        throw StorageError(store->location() + ": the database holds no scenario; import one first");
    const std::string &name = wanted.empty() ? remembered : wanted;
    const bool listed = std::any_of(list.begin(), list.end(), [&](const ScenarioSummary &s) { return s.name == name; });
    if (!listed && !wanted.empty())
        throw StorageError(store->location() + ": no scenario named \"" + wanted + "\"");
    PlanDocument::Opened opened;
    opened.stored = PlanDocument::read(*store, listed ? name : list.front().name);
    opened.store = std::move(store);
    return opened;
}

QString lastScenarioKey(const QString &file)
{
    return QStringLiteral("lastScenario/") + DocumentController::recentLocation(file);
}

} // namespace

bool DocumentController::openDatabase(const QString &file, const QString &scenario, bool quiet)
{
    try {
        finishOpening(file, readForOpening(file.toStdString(), scenario.toStdString(),
                                           QSettings().value(lastScenarioKey(file)).toString().toStdString()));
        return true;
    } catch (const std::exception &e) {
        if (!quiet)
            QMessageBox::warning(window_, tr("Open database"),
                                 tr("Could not open %1:\n%2").arg(recentLocation(file), text(e.what())));
        return false;
    }
}

void DocumentController::openInBackground(const QString &file, const QString &scenario, std::function<void(bool)> then)
{
    // The work owns its store and copies: a cancelled open leaves nothing.
    auto opened = std::make_shared<PlanDocument::Opened>();
    const bool started = call_->start(
        tr("Opening %1…").arg(recentLocation(file)), Cancel::Allowed,
        [opened, location = file.toStdString(), wanted = scenario.toStdString(),
         remembered = QSettings().value(lastScenarioKey(file)).toString().toStdString()] {
            *opened = readForOpening(location, wanted, remembered);
        },
        [this, opened, file, then](std::exception_ptr error) {
            bool ok = false;
            try {
                if (error)
                    std::rethrow_exception(error);
                finishOpening(file, std::move(*opened));
                ok = true;
            } catch (const std::exception &e) {
                QMessageBox::warning(window_, tr("Open database"),
                                     tr("Could not open %1:\n%2").arg(recentLocation(file), text(e.what())));
            }
            if (then)
                then(ok);
        });
    if (!started)
        emit notice(tr("Not now: %1").arg(call_->what()), 5000);
}

void DocumentController::finishOpening(const QString &file, PlanDocument::Opened opened)
{
    const QString name = text(opened.stored.scenario.name);
    auto document = std::make_unique<PlanDocument>(std::move(opened));
    connection_ = file; // before setDocument: views may open the database again
    setDocument(std::move(document));
    QSettings().setValue(lastScenarioKey(file), name);
    addRecent(file);
}

bool DocumentController::newDatabase(const QString &file, const QString &scenarioFile, bool quiet)
{
    try {
        if (QFileInfo::exists(file))
            throw StorageError(file.toStdString() + " already exists; choose a new file name");
        const Scenario scenario = readScenarioFile(scenarioFile.toStdString());
        openStorage(file.toStdString(), OpenMode::CreateIfMissing)->importScenario(scenario, ImportMode::FailIfExists);
        return openDatabase(file, text(scenario.name), quiet);
    } catch (const std::exception &e) {
        if (!quiet)
            QMessageBox::warning(window_, tr("New database"), tr("No database was made:\n%1").arg(text(e.what())));
        return false;
    }
}

void DocumentController::newDialog()
{
    maybeSaveThen([this] { newDatabaseDialog(); });
}

void DocumentController::newDatabaseDialog()
{
    const QStringList sources = {tr("The bundled demo week"), tr("A scenario file…")};
    bool ok = false;
    const QString source =
        QInputDialog::getItem(window_, tr("New database"), tr("Start the new database with:"), sources, 0, false, &ok);
    if (!ok)
        return;
    QString scenarioFile = bundledDataFile(QStringLiteral("demo-week.json"));
    if (source == sources[1]) {
        scenarioFile =
            QFileDialog::getOpenFileName(window_, tr("Scenario for the new database"), {}, tr("Scenarios (*.json)"));
        if (scenarioFile.isEmpty())
            return;
    }
    const QString file =
        QFileDialog::getSaveFileName(window_, tr("New database"), QStringLiteral("lfrplan.db"),
                                     tr("lfrplan databases (*.db)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty())
        newDatabase(file, scenarioFile);
}

void DocumentController::openDialog()
{
    maybeSaveThen([this] {
        const QString file = QFileDialog::getOpenFileName(window_, tr("Open database"), {},
                                                          tr("lfrplan databases (*.db *.sqlite);;All files (*)"));
        if (!file.isEmpty())
            openInBackground(file);
    });
}

void DocumentController::openServerDialog()
{
    maybeSaveThen([this] { openServerLocationDialog(); });
}

void DocumentController::openServerLocationDialog()
{
    // Offer the most recent server database again (without its password).
    QString last;
    for (const QString &recent : QSettings().value(QStringLiteral("recentFiles")).toStringList())
        if (isServerLocation(recent.toStdString())) {
            last = recent;
            break;
        }
    bool ok = false;
    const QString location =
        QInputDialog::getText(window_, tr("Open server database"),
                              tr("PostgreSQL connection string, e.g. postgresql://pat@db.example:5432/lfrplan\n"
                                 "(a password is best kept in ~/.pgpass; one typed here is used for this session "
                                 "only and never stored):"),
                              QLineEdit::Normal, last.isEmpty() ? QStringLiteral("postgresql://") : last, &ok)
            .trimmed();
    if (!ok || location.isEmpty())
        return;
    if (!isServerLocation(location.toStdString())) {
        QMessageBox::warning(window_, tr("Open server database"),
                             tr("\"%1\" is not a connection string: it starts with postgresql:// (File > Open "
                                "database… opens a file).")
                                 .arg(recentLocation(location)));
        return;
    }
    openInBackground(location);
}

void DocumentController::importDialog()
{
    if (!document_ || !document_->hasStore() || !gate_.permissions().editData)
        return;
    const QString file = QFileDialog::getOpenFileName(window_, tr("Import scenario"), {}, tr("Scenarios (*.json)"));
    if (file.isEmpty())
        return;
    try {
        const Scenario scenario = readScenarioFile(file.toStdString());
        const QString db = databaseLocation();
        {
            auto store = openStorage(db.toStdString(), OpenMode::ExistingOnly);
            if (store->hasScenario(scenario.name) &&
                QMessageBox::question(
                    window_, tr("Import scenario"),
                    tr("A scenario named \"%1\" exists. Replace it and its plan?").arg(text(scenario.name))) !=
                    QMessageBox::Yes)
                return;
            store->importScenario(scenario, ImportMode::Replace);
        }
        maybeSaveThen([this, db, name = text(scenario.name)] { openInBackground(db, name); });
    } catch (const std::exception &e) {
        QMessageBox::warning(window_, tr("Import scenario"),
                             tr("%1 was not imported; nothing changed:\n%2").arg(file, text(e.what())));
    }
}

void DocumentController::exportPlanDialog()
{
    if (!document_)
        return;
    // The plan file of the contract: a plan that breaks a hard constraint
    // has no status there (an infeasible plan file has no deployments), so
    // it is not written; the database keeps it as it is.
    const Plan plan = document_->plan();
    if (plan.status == PlanStatus::Infeasible) {
        QMessageBox::warning(window_, tr("Export plan"),
                             tr("The plan breaks %n hard constraint(s), so it cannot be written as a plan file. "
                                "The first: %1\nFix it (the checks panel lists them all), or save the plan to "
                                "the database, which keeps it as it is.",
                                nullptr, static_cast<int>(document_->report().violations.size()))
                                 .arg(text(plan.reason.value_or(std::string()))));
        return;
    }
    const QString file = QFileDialog::getSaveFileName(
        window_, tr("Export plan"), suggestedFileName(text(document_->scenario().name), QStringLiteral("-plan.json")),
        tr("Plans (*.json)"));
    if (file.isEmpty())
        return;
    try {
        writeFileAtomically(file.toStdString(), writePlan(plan));
        emit notice(tr("Plan written to %1").arg(file), 5000);
    } catch (const std::exception &e) {
        QMessageBox::warning(window_, tr("Export plan"), tr("Could not write %1:\n%2").arg(file, text(e.what())));
    }
}

bool DocumentController::save()
{
    if (!document_)
        return true;
    std::optional<PlanDocument::SaveJob> job;
    try {
        job = document_->saveJob();
    } catch (const std::exception &e) {
        return saveFailed(e);
    }
    return finishSaving(*job, PlanDocument::store(*job), false);
}

void DocumentController::saveInBackground(std::function<void()> then)
{
    if (!document_) {
        if (then)
            then();
        return;
    }
    std::optional<PlanDocument::SaveJob> job;
    try {
        job = document_->saveJob();
    } catch (const std::exception &e) {
        saveFailed(e);
        return;
    }
    // Stored on a worker (a server may be slow); a write cannot be called
    // back once sent, so it has no Cancel, and the document (whose store it
    // uses) is kept until it ends.
    auto outcome = std::make_shared<PlanDocument::SaveOutcome>();
    PlanDocument *doc = document_.get();
    const bool started = call_->start(
        tr("Saving the plan of %1…").arg(text(job->scenario.name)), Cancel::NotAllowed,
        [job = *job, outcome] { *outcome = PlanDocument::store(job); },
        [this, job = *job, outcome, doc, then](std::exception_ptr) {
            retired_.reset();
            if (document_.get() == doc && finishSaving(job, *outcome, true) && then)
                then();
        });
    if (!started)
        emit notice(tr("Not now: %1").arg(call_->what()), 5000);
}

bool DocumentController::finishSaving(const PlanDocument::SaveJob &job, const PlanDocument::SaveOutcome &outcome,
                                      bool background)
{
    try {
        document_->saved(job, outcome);
        emit stateChanged();
        emit notice(tr("Plan saved"), 3000);
        return true;
    } catch (const ConflictError &e) {
        emit stateChanged();
        // Someone else changed the scenario: nothing was written (issue 8).
        const ConflictChoice choice = ConflictDialog::ask(e, ConflictSubject::Plan, window_);
        if (background && (choice == ConflictChoice::ReloadAndReapply || choice == ConflictChoice::ReloadAndDiscard)) {
            reloadInBackground(choice == ConflictChoice::ReloadAndReapply); // reviewed, then saved again
            return false;
        }
        return resolveConflict(choice);
    } catch (const std::exception &e) {
        emit stateChanged();
        return saveFailed(e);
    }
}

bool DocumentController::saveFailed(const std::exception &e)
{
    QMessageBox::warning(window_, tr("Save plan"),
                         tr("The plan was not saved; the database is unchanged:\n%1").arg(said(e)));
    return false;
}

void DocumentController::maybeSaveThen(std::function<void()> then)
{
    if (call_->running()) {
        emit notice(tr("Not now: %1").arg(call_->what()), 5000);
        return;
    }
    if (!document_ || document_->undoStack()->isClean() || !document_->hasStore())
        return then();
    const auto answer = QMessageBox::question(window_, tr("Unsaved changes"), tr("Save the plan before closing it?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        saveInBackground(std::move(then));
    else if (answer == QMessageBox::Discard)
        then();
}

void DocumentController::addRecent(const QString &file)
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

void DocumentController::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &file : recent)
        recentMenu_->addAction(file, this, [this, file] { maybeSaveThen([this, file] { openInBackground(file); }); });
    recentMenu_->setEnabled(!recent.isEmpty());
}

void DocumentController::printRosterDialog()
{
    if (!document_)
        return;
    const QString file = QFileDialog::getSaveFileName(
        window_, tr("Printable roster"),
        suggestedFileName(text(document_->scenario().name), QStringLiteral("-roster.pdf")), tr("PDF (*.pdf)"));
    if (file.isEmpty())
        return;
    const QString error = writeRosterPdf(*document_, file);
    if (error.isEmpty())
        emit notice(tr("Roster written to %1").arg(file), 5000);
    else
        QMessageBox::warning(window_, tr("Printable roster"), tr("Could not write %1:\n%2").arg(file, error));
}

} // namespace lfr::ui
