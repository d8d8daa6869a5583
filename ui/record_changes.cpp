#include "record_changes.h"

#include "commands/add_remove_record.h"
#include "plan_document.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QStringList>

namespace lfr::ui {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("RecordChanges", text); }
QString text(const std::string &s) { return QString::fromStdString(s); }

template <class Record> std::optional<QString> checkNewId(const PlanDocument &document, const QString &id)
{
    if (id.trimmed().isEmpty())
        return tr("an id is needed");
    if (id.trimmed() != id || id.contains(QLatin1Char(' ')))
        return tr("\"%1\" has spaces; an id has none").arg(id);
    for (const Record &r : recordsOf<Record>(document.scenario()))
        if (text(r.id) == id)
            return tr("the id \"%1\" is taken").arg(id);
    return std::nullopt;
}

QString suggestId(const QString &prefix, const QStringList &taken)
{
    for (int n = 1;; ++n) {
        const QString id = prefix + QString::number(n);
        if (!taken.contains(id))
            return id;
    }
}

template <class Record> QStringList ids(const PlanDocument &document)
{
    QStringList out;
    for (const Record &r : recordsOf<Record>(document.scenario()))
        out << text(r.id);
    return out;
}

template <class Record> RecordChange insert(PlanDocument *document, Record record, const QString &noun)
{
    const std::size_t row = recordsOf<Record>(document->scenario()).size();
    const QString id = text(record.id);
    document->undoStack()->push(
        new InsertRecord<Record>(document, row, std::move(record), tr("Add %1 %2").arg(noun, id)));
    return {std::nullopt, static_cast<int>(row)};
}

RecordChange asked(PlanDocument *document, QWidget *parent, const QString &title, const QString &label,
                   const QString &suggestion, RecordChange (*add)(PlanDocument *, const QString &))
{
    bool ok = false;
    const QString id = QInputDialog::getText(parent, title, label, QLineEdit::Normal, suggestion, &ok);
    if (!ok)
        return {};
    return add(document, id);
}

} // namespace

RecordChange addOfficer(PlanDocument *document, const QString &id)
{
    if (const auto error = checkNewId<Officer>(*document, id))
        return {tr("No officer added: %1").arg(*error)};
    const Scenario &s = document->scenario();
    if (s.teams.empty())
        return {tr("No officer added: an officer belongs to a team, and there is none yet")};
    Officer o;
    o.id = id.toStdString();
    o.name = tr("New officer").toStdString();
    o.rank = Rank::PC;
    o.team = s.teams.front().id;
    return insert(document, std::move(o), tr("officer"));
}

RecordChange addVan(PlanDocument *document, const QString &id)
{
    if (const auto error = checkNewId<Van>(*document, id))
        return {tr("No van added: %1").arg(*error)};
    Van v;
    v.id = id.toStdString();
    v.name = tr("New van %1").arg(id).toStdString();
    return insert(document, std::move(v), tr("van"));
}

RecordChange addOfficer(PlanDocument *document, QWidget *parent)
{
    return asked(document, parent, tr("Add officer"),
                 tr("Warrant number of the new officer (their name, rank, team, skills and roster are set in "
                    "the tables):"),
                 suggestId(QStringLiteral("NEW"), ids<Officer>(*document)), &addOfficer);
}

RecordChange addVan(PlanDocument *document, QWidget *parent)
{
    return asked(document, parent, tr("Add van"), tr("Id of the new van (its fleet number or registration):"),
                 suggestId(QStringLiteral("LFR-"), ids<Van>(*document)), &addVan);
}

RecordChange deleteOfficer(PlanDocument *document, int row)
{
    const auto &officers = document->scenario().officers;
    if (row < 0 || static_cast<std::size_t>(row) >= officers.size())
        return {tr("No officer deleted: pick one first")};
    const Officer &o = officers[static_cast<std::size_t>(row)];
    const QString who = text(document->index().officerName(o.id));
    QStringList uses;
    for (const Deployment &d : document->deployments())
        for (const CrewAssignment &m : d.crew)
            if (m.officer == o.id)
                uses << tr("the crew of %1").arg(text(document->index().describe(d)));
    for (const Pin &p : document->scenario().pinned)
        for (const CrewAssignment &m : p.crew)
            if (m.officer == o.id)
                uses << tr("the pin of %1").arg(text(document->index().describe(p)));
    if (!uses.isEmpty())
        return {tr("%1 is not deleted: they are in %2. Take them off first.").arg(who, uses.join(tr("; ")))};
    document->undoStack()->push(
        new RemoveRecord<Officer>(document, static_cast<std::size_t>(row), tr("Delete officer %1").arg(who)));
    return {std::nullopt, row};
}

RecordChange deleteVan(PlanDocument *document, int row)
{
    const auto &vans = document->scenario().vans;
    if (row < 0 || static_cast<std::size_t>(row) >= vans.size())
        return {tr("No van deleted: pick one first")};
    const Van &v = vans[static_cast<std::size_t>(row)];
    const QString which = text(document->index().vanLabel(v.id));
    QStringList uses;
    for (const Deployment &d : document->deployments())
        if (d.van == v.id)
            uses << text(document->index().describe(d));
    for (const Pin &p : document->scenario().pinned)
        if (p.van && *p.van == v.id)
            uses << tr("the pin of %1").arg(text(document->index().describe(p)));
    if (!uses.isEmpty())
        return {tr("%1 is not deleted: it is used by %2. Move or remove those first.").arg(which, uses.join(tr("; ")))};
    if (vans.size() == 1)
        return {tr("%1 is not deleted: a scenario needs at least one van").arg(which)};
    document->undoStack()->push(
        new RemoveRecord<Van>(document, static_cast<std::size_t>(row), tr("Delete %1").arg(which)));
    return {std::nullopt, row};
}

} // namespace lfr::ui
