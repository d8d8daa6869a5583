// DocumentController and the shared database (issue 8): what to do when a
// save is refused because someone else changed the scenario (reload and
// re-apply, reload and discard, save mine as a new scenario, cancel).
#include "document_controller.h"

#include "data_editors.h"
#include "plan_document.h"
#include "solve_controller.h"
#include "solve_runner.h"
#include "store_call.h"

#include "lfrplan/errors.h"
#include "lfrplan/storage.h"

#include <QAction>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>

#include <exception>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

QString DocumentController::recentLocation(const QString &location)
{
    if (!isServerLocation(location.toStdString()))
        return QFileInfo(location).absoluteFilePath();
    // postgresql://user:password@host/db -> postgresql://user@host/db
    QString out = location;
    const auto start = out.indexOf(QStringLiteral("://")) + 3;
    const auto at = out.indexOf(QLatin1Char('@'), start);
    const auto slash = out.indexOf(QLatin1Char('/'), start);
    if (at >= 0 && (slash < 0 || at < slash)) {
        const auto colon = out.indexOf(QLatin1Char(':'), start);
        if (colon >= 0 && colon < at)
            out.remove(colon, at - colon);
    }
    // ...?password=secret&sslmode=require -> ...?sslmode=require
    static const QRegularExpression password(QStringLiteral("(?<=[?&])password=[^&]*(&|$)"));
    out.remove(password);
    while (out.endsWith(QLatin1Char('&')) || out.endsWith(QLatin1Char('?')))
        out.chop(1);
    return out;
}

QString DocumentController::databaseLocation() const
{
    if (!document_ || !document_->hasStore())
        return {};
    const QString location = document_->location();
    return !connection_.isEmpty() && recentLocation(connection_) == recentLocation(location) ? connection_ : location;
}

QString DocumentController::said(const std::exception &error) const
{
    QString message = text(error.what());
    if (document_ && document_->hasStore())
        for (const QString &location : {document_->location(), databaseLocation()})
            if (!location.isEmpty() && message.startsWith(location + QStringLiteral(": ")))
                return message.mid(location.size() + 2);
    return message;
}

bool DocumentController::reloadDocument(bool reapplyMine, bool quiet)
{
    if (!document_ || !document_->hasStore())
        return false;
    if (solver_.running()) {
        // Its plan would land on the reloaded version: finish or cancel first.
        if (!quiet)
            QMessageBox::information(window_, tr("Reload"),
                                     tr("A solve is running. Let it finish or cancel it (Esc), then save again: "
                                        "nothing is lost meanwhile."));
        return false;
    }
    PlanDocument::Stored theirs;
    try {
        theirs = PlanDocument::read(*document_->store(), document_->scenario().name);
    } catch (const std::exception &e) {
        return reloadFailed(e, quiet);
    }
    return applyReload(std::move(theirs), reapplyMine, quiet);
}

bool DocumentController::reloadFailed(const std::exception &e, bool quiet)
{
    if (!quiet)
        QMessageBox::warning(window_, tr("Reload"),
                             tr("Could not reload; your version is kept as it was, unsaved:\n%1").arg(said(e)));
    return false;
}

void DocumentController::reloadInBackground(bool reapplyMine)
{
    if (!document_ || !document_->hasStore())
        return;
    if (solver_.running()) {
        reloadDocument(reapplyMine, false); // says why not
        return;
    }
    // Read on a worker (a server may be slow) through the document's own
    // connection, which keeps the revision it expects: no Cancel, as the
    // connection is the document's (kept until the call ends).
    auto theirs = std::make_shared<PlanDocument::Stored>();
    PlanDocument *doc = document_.get();
    const bool started = call_->start(
        tr("Reading %1 again…").arg(text(doc->scenario().name)), Cancel::NotAllowed,
        [theirs, store = doc->store(), name = doc->scenario().name] { *theirs = PlanDocument::read(*store, name); },
        [this, theirs, doc, reapplyMine](std::exception_ptr error) {
            retired_.reset();
            if (document_.get() != doc)
                return;
            try {
                if (error)
                    std::rethrow_exception(error);
                applyReload(std::move(*theirs), reapplyMine, false);
            } catch (const std::exception &e) {
                reloadFailed(e, false);
            }
        });
    if (!started)
        emit notice(tr("Not now: %1").arg(call_->what()), 5000);
}

bool DocumentController::applyReload(PlanDocument::Stored theirs, bool reapplyMine, bool quiet)
{
    try {
        const MergeResult merged = document_->reload(
            std::move(theirs), reapplyMine ? PlanDocument::Reload::ReapplyMine : PlanDocument::Reload::DiscardMine);
        lastReapplied_.clear();
        for (const std::string &line : merged.lines)
            lastReapplied_ << text(line);
        emit stateChanged();
        const QString name = text(document_->scenario().name);
        if (!reapplyMine) {
            emit notice(tr("Reloaded \"%1\" as it is stored now; your unsaved edits were dropped").arg(name), 8000);
            return true;
        }
        const QString summary =
            lastReapplied_.isEmpty()
                ? tr("Reloaded \"%1\" as it is stored now. None of your edits differ from it: nothing to re-apply.")
                      .arg(name)
                : tr("Reloaded \"%1\" as it is stored now and re-applied %n change(s) of yours, unsaved.", nullptr,
                     static_cast<int>(lastReapplied_.size()))
                          .arg(name) +
                      (merged.overlaps ? tr(" %n of them were changed by both sides: yours are kept.", nullptr,
                                            static_cast<int>(merged.overlaps))
                                       : QString()) +
                      tr(" Review the board and the checks, then save (Ctrl+S). Edit > Undo shows their version.");
        emit notice(summary, 15000);
        if (!quiet && !lastReapplied_.isEmpty()) {
            // Not modal: the planner reviews the board with it open.
            auto *box =
                new QMessageBox(QMessageBox::Information, tr("Changes re-applied"), summary, QMessageBox::Ok, window_);
            box->setObjectName(QStringLiteral("reappliedReport"));
            box->setInformativeText(
                lastReapplied_.mid(0, 15).join(QLatin1Char('\n')) +
                (lastReapplied_.size() > 15 ? tr("\n… (all of them under Show Details)") : QString()));
            if (lastReapplied_.size() > 15)
                box->setDetailedText(lastReapplied_.join(QLatin1Char('\n')));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setModal(false);
            box->show();
        }
        return true;
    } catch (const std::exception &e) {
        return reloadFailed(e, quiet);
    }
}

bool DocumentController::resolveConflict(ConflictChoice choice, const QString &newName, bool quiet)
{
    if (!document_ || !document_->hasStore())
        return false;
    switch (choice) {
    case ConflictChoice::Cancel:
        emit notice(tr("Not saved: your changes are kept, unsaved"), 8000);
        return false;
    case ConflictChoice::ReloadAndReapply:
        reloadDocument(true, quiet);
        return false; // reviewed, then saved again
    case ConflictChoice::ReloadAndDiscard:
        reloadDocument(false, quiet);
        return false;
    case ConflictChoice::SaveAsNew:
        break;
    }
    QString name = newName.trimmed();
    if (name.isEmpty() && !quiet) {
        bool ok = false;
        name = QInputDialog::getText(window_, tr("Save as a new scenario"),
                                     tr("Name of the new scenario for your version:"), QLineEdit::Normal,
                                     tr("%1 (mine)").arg(text(document_->scenario().name)), &ok)
                   .trimmed();
        if (!ok)
            return false;
    }
    if (name.isEmpty())
        return false;
    try {
        document_->saveAsNew(name.toStdString());
        QSettings().setValue(QStringLiteral("lastScenario/") + recentLocation(databaseLocation()), name);
        emit stateChanged();
        emit notice(tr("Your version was saved as the scenario \"%1\"").arg(name), 8000);
        return true;
    } catch (const std::exception &e) {
        emit stateChanged();
        if (!quiet)
            QMessageBox::warning(
                window_, tr("Save as a new scenario"),
                tr("Your version was not saved as \"%1\"; it is kept, unsaved:\n%2").arg(name, said(e)));
        return false;
    }
}

bool DocumentController::resolveNotesConflict(ConflictChoice choice, const QString &notes, bool quiet)
{
    if (choice != ConflictChoice::ReloadAndReapply || !reloadDocument(true, quiet))
        return false;
    QString stored;
    try {
        stored = text(document_->notes());
    } catch (const std::exception &e) {
        if (!quiet)
            QMessageBox::warning(window_, tr("Scenario notes"), said(e));
        return false;
    }
    if (stored != notesRead_ && stored != notes) {
        // They changed the notes too: both are shown, to keep what stays.
        notesRead_ = stored;
        if (quiet)
            return false;
        bool ok = false;
        const QString merged = QInputDialog::getMultiLineText(
            window_, tr("Scenario notes"),
            tr("Someone else changed these notes meanwhile. Yours come first, theirs below the line; keep what "
               "should stay and save:"),
            notes + tr("\n\n--- their notes, as stored now ---\n") + stored, &ok);
        return ok && setScenarioNotes(merged, quiet);
    }
    return setScenarioNotes(notes, quiet);
}

} // namespace lfr::ui
