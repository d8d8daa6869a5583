// DocumentController's scenarios (switch, clone as a what-if, rename, delete,
// compare) and the schedule exports (CSV, iCalendar) of the File menu.
#include "document_controller.h"

#include "data_files.h"

#include "compare_dialog.h"
#include "permissions_gate.h"
#include "plan_document.h"
#include "what_if_dialog.h"

#include "lfrplan/calendar_export.h"
#include "lfrplan/csv_export.h"
#include "lfrplan/errors.h"
#include "lfrplan/scenario_compare.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>
#include <QUndoStack>

#include <exception>
#include <set>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

std::unique_ptr<Storage> DocumentController::openStore() const
{
    if (!document_ || !document_->hasStore())
        throw StorageError("the open scenario is not in a database (File > New database… makes one)");
    return openStorage(databaseLocation().toStdString(), OpenMode::ExistingOnly);
}

QStringList DocumentController::scenarioNames() const
{
    QStringList names;
    for (const ScenarioSummary &s : openStore()->listScenarios())
        names << text(s.name);
    return names;
}

bool DocumentController::cloneScenario(const QString &name, const WhatIf &change, bool quiet)
{
    try {
        lfr::cloneScenario(*openStore(), document_->scenario().name, name.toStdString(), change);
        return openDatabase(databaseLocation(), name, quiet);
    } catch (const std::exception &e) {
        if (!quiet)
            QMessageBox::warning(window_, tr("Clone scenario"), tr("No scenario was added:\n%1").arg(said(e)));
        return false;
    }
}

bool DocumentController::renameScenario(const QString &to, bool quiet)
{
    try {
        const std::string target = to.trimmed().toStdString();
        if (target.empty())
            throw InputError("scenario", "the scenario needs a name");
        // Through the document's store: refused if someone changed the
        // scenario since the board read it (issue 8).
        Storage &store = *document_->store();
        if (store.hasScenario(target))
            throw InputError(store.location(), "a scenario named \"" + target + "\" already exists");
        store.renameScenario(document_->scenario().name, target);
        return openDatabase(databaseLocation(), text(target), quiet);
    } catch (const std::exception &e) {
        if (!quiet)
            QMessageBox::warning(window_, tr("Rename scenario"), tr("Nothing was renamed:\n%1").arg(said(e)));
        return false;
    }
}

bool DocumentController::deleteScenario(const QString &name, bool quiet)
{
    try {
        auto store = openStore();
        const QStringList names = scenarioNames();
        if (!names.contains(name))
            throw InputError(store->location(), "no scenario named \"" + name.toStdString() + "\"");
        if (names.size() == 1)
            throw InputError(store->location(),
                             "\"" + name.toStdString() + "\" is the database's only scenario; a database keeps one");
        const QString location = databaseLocation();
        if (name == text(document_->scenario().name)) {
            // The open scenario goes through the document's store, so the
            // delete is refused if someone changed it since the board read
            // it; then another is opened.
            document_->store()->deleteScenario(name.toStdString());
            const QString other = names.front() == name ? names[1] : names.front();
            if (!openDatabase(location, other, quiet))
                return false;
        } else {
            openStorage(location.toStdString(), OpenMode::ExistingOnly)->deleteScenario(name.toStdString());
        }
        emit notice(tr("Deleted scenario \"%1\" and its plan").arg(name), 5000);
        return true;
    } catch (const std::exception &e) {
        if (!quiet)
            QMessageBox::warning(window_, tr("Delete scenario"), tr("Nothing was deleted:\n%1").arg(said(e)));
        return false;
    }
}

// The notes go through the document's store: storing them is checked
// against the revision the document read (issue 8).
QString DocumentController::scenarioNotes() const
{
    try {
        return document_ ? text(document_->notes()) : QString();
    } catch (const std::exception &) {
        return {};
    }
}

bool DocumentController::setScenarioNotes(const QString &notes, bool quiet)
{
    if (!document_)
        return false;
    try {
        document_->saveNotes(notes.toStdString());
        notesRead_ = notes;
        emit notice(tr("Notes saved"), 3000);
        return true;
    } catch (const ConflictError &e) {
        return !quiet && resolveNotesConflict(ConflictDialog::ask(e, ConflictSubject::Notes, window_), notes, quiet);
    } catch (const std::exception &e) {
        if (!quiet)
            QMessageBox::warning(window_, tr("Scenario notes"), tr("The notes were not saved:\n%1").arg(said(e)));
        return false;
    }
}

void DocumentController::notesDialog()
{
    if (!document_ || !document_->hasStore())
        return;
    const QString name = text(document_->scenario().name);
    QString notes = scenarioNotes();
    notesRead_ = notes;
    if (!gate_.permissions().editData) {
        QMessageBox::information(
            window_, tr("Scenario notes"),
            tr("Notes of \"%1\" (%2)\n\n%3")
                .arg(name, gate_.deniedReason(tr("change them")), notes.isEmpty() ? tr("(no notes)") : notes));
        return;
    }
    // Until stored or given up: a refused save keeps the text in the editor.
    for (;;) {
        bool ok = false;
        notes = QInputDialog::getMultiLineText(
            window_, tr("Scenario notes"),
            tr("Notes of \"%1\": what it assumes, why it exists (shown when scenarios are compared):").arg(name), notes,
            &ok);
        if (!ok || setScenarioNotes(notes))
            return;
    }
}

void DocumentController::switchScenarioDialog()
{
    if (document_ && document_->hasStore())
        maybeSaveThen([this] { chooseScenarioDialog(); });
}

void DocumentController::chooseScenarioDialog()
{
    try {
        const QStringList names = scenarioNames();
        bool ok = false;
        const QString name = QInputDialog::getItem(
            window_, tr("Switch scenario"), tr("Scenario:"), names,
            std::max(0, static_cast<int>(names.indexOf(text(document_->scenario().name)))), false, &ok);
        if (ok)
            openInBackground(databaseLocation(), name);
    } catch (const std::exception &e) {
        QMessageBox::warning(window_, tr("Switch scenario"), said(e));
    }
}

void DocumentController::cloneScenarioDialog()
{
    if (!document_ || !document_->hasStore())
        return;
    maybeSaveThen([this] {
        WhatIfDialog dialog(document_->scenario(), window_);
        // A refusal (a name taken, say) is said in the dialog, which keeps
        // what was set; the clone opens once it is stored.
        dialog.setAttempt([this](const QString &name, const WhatIf &change) -> QString {
            try {
                lfr::cloneScenario(*openStore(), document_->scenario().name, name.toStdString(), change);
            } catch (const std::exception &e) {
                return tr("No scenario was added: %1").arg(said(e));
            }
            openDatabase(databaseLocation(), name); // says so itself if it cannot
            return {};
        });
        dialog.exec();
    });
}

void DocumentController::renameScenarioDialog()
{
    if (!document_ || !document_->hasStore())
        return;
    maybeSaveThen([this] {
        bool ok = false;
        const QString to = QInputDialog::getText(window_, tr("Rename scenario"), tr("New name:"), QLineEdit::Normal,
                                                 text(document_->scenario().name), &ok);
        if (ok && to != text(document_->scenario().name))
            renameScenario(to);
    });
}

void DocumentController::deleteScenarioDialog()
{
    if (!document_ || !document_->hasStore())
        return;
    try {
        bool ok = false;
        const QStringList names = scenarioNames();
        const QString name = QInputDialog::getItem(
            window_, tr("Delete scenario"), tr("Scenario to delete, with its plan:"), names,
            std::max(0, static_cast<int>(names.indexOf(text(document_->scenario().name)))), false, &ok);
        if (!ok || QMessageBox::question(window_, tr("Delete scenario"),
                                         tr("Delete \"%1\" and its saved plan? This cannot be undone.").arg(name)) !=
                       QMessageBox::Yes)
            return;
        if (name == text(document_->scenario().name) && !document_->undoStack()->isClean() &&
            QMessageBox::question(window_, tr("Delete scenario"), tr("Its unsaved changes are lost too. Go on?")) !=
                QMessageBox::Yes)
            return;
        if (name == text(document_->scenario().name))
            document_->undoStack()->setClean(); // deliberately discarded above
        deleteScenario(name);
    } catch (const std::exception &e) {
        QMessageBox::warning(window_, tr("Delete scenario"), said(e));
    }
}

void DocumentController::compareDialog()
{
    if (!document_ || !document_->hasStore())
        return;
    try {
        CompareDialog dialog(databaseLocation(), window_);
        // The open scenario is compared as the board shows it, saved or not
        // (an empty board that was never changed is a scenario to solve).
        if (!document_->undoStack()->isClean() || !document_->deployments().empty())
            dialog.setOpenPlan(document_->scenario(), document_->deployments());
        dialog.exec();
    } catch (const std::exception &e) {
        QMessageBox::warning(window_, tr("Compare scenarios"), said(e));
    }
}

QString DocumentController::exportSchedule(const QString &file, ExportKind kind, const QString &who)
{
    if (!document_)
        return tr("nothing is open");
    try {
        const Scenario &s = document_->scenario();
        const auto &plan = document_->deployments();
        std::string out;
        switch (kind) {
        case ExportKind::ScheduleCsv:
            out = scheduleCsv(s, plan);
            break;
        case ExportKind::RosterCsv:
            out = rosterCsv(s, plan);
            break;
        case ExportKind::OfficerCalendar:
            out = officerCalendar(s, plan, who.toStdString());
            break;
        case ExportKind::TeamCalendar:
            out = teamCalendar(s, plan, who.toStdString());
            break;
        }
        writeFileAtomically(file.toStdString(), out);
        return {};
    } catch (const std::exception &e) {
        return said(e);
    }
}

void DocumentController::exportDialog(ExportKind kind)
{
    if (!document_)
        return;
    const Scenario &s = document_->scenario();
    QString who;
    if (kind == ExportKind::OfficerCalendar || kind == ExportKind::TeamCalendar) {
        // A calendar for a team, or for an officer with duties in the plan.
        QStringList items, ids;
        for (const Team &t : s.teams) {
            items << tr("Team: %1").arg(text(t.name));
            ids << text(t.id);
        }
        std::set<std::string> onDuty;
        for (const Deployment &d : document_->deployments())
            for (const CrewAssignment &m : d.crew)
                onDuty.insert(m.officer);
        const std::size_t teams = s.teams.size();
        for (const Officer &o : s.officers)
            if (onDuty.count(o.id)) {
                items << tr("Officer: %1 %2 (%3)").arg(text(std::string(rankName(o.rank))), text(o.name), text(o.id));
                ids << text(o.id);
            }
        bool ok = false;
        const QString item =
            QInputDialog::getItem(window_, tr("Export calendar"), tr("Calendar of:"), items, 0, false, &ok);
        if (!ok)
            return;
        const auto at = static_cast<std::size_t>(items.indexOf(item));
        kind = at < teams ? ExportKind::TeamCalendar : ExportKind::OfficerCalendar;
        who = ids[static_cast<int>(at)];
    }
    if (!document_->report().valid() &&
        QMessageBox::question(window_, tr("Export"),
                              tr("The plan breaks %n rule(s) (see the checks). Export it anyway?", nullptr,
                                 static_cast<int>(document_->report().violations.size()))) != QMessageBox::Yes)
        return;
    const bool csv = kind == ExportKind::ScheduleCsv || kind == ExportKind::RosterCsv;
    const QString suggested = kind == ExportKind::ScheduleCsv
                                  ? suggestedFileName(text(s.name), QStringLiteral("-schedule.csv"))
                              : kind == ExportKind::RosterCsv
                                  ? suggestedFileName(text(s.name), QStringLiteral("-roster.csv"))
                                  : suggestedFileName(text(s.name) + QLatin1Char(' ') + who, QStringLiteral(".ics"));
    const QString file = QFileDialog::getSaveFileName(window_, tr("Export"), suggested,
                                                      csv ? tr("CSV (*.csv)") : tr("iCalendar (*.ics)"));
    if (file.isEmpty())
        return;
    const QString error = exportSchedule(file, kind, who);
    if (error.isEmpty())
        emit notice(tr("Written to %1").arg(file), 5000);
    else
        QMessageBox::warning(window_, tr("Export"), tr("Could not write %1:\n%2").arg(file, error));
}

} // namespace lfr::ui
