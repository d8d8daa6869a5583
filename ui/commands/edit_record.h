// Changes one field of an officer, team, hotspot or van (a data editor's
// cell edit): the record before and after are kept, so undo is exact. One
// class per record kind: EditOfficer, EditTeam, EditHotspot, EditVan.
#pragma once

#include "plan_document.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace lfr::ui {

template <class Record> class EditRecord : public QUndoCommand {
public:
    EditRecord(PlanDocument *document, std::size_t row, Record after, const QString &field)
        : document_(document), row_(row), before_(recordsOf<Record>(document->scenario())[row]),
          after_(std::move(after))
    {
        setText(QCoreApplication::translate("EditRecord", "Change %1 of %2")
                    .arg(field, QString::fromStdString(before_.id)));
    }
    void redo() override { document_->replaceRecord(row_, after_); }
    void undo() override { document_->replaceRecord(row_, before_); }

private:
    PlanDocument *document_;
    std::size_t row_;
    Record before_, after_;
};

using EditOfficer = EditRecord<Officer>;
using EditTeam = EditRecord<Team>;
using EditHotspot = EditRecord<Hotspot>;
using EditVan = EditRecord<Van>;

} // namespace lfr::ui
