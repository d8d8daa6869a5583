// Adding and deleting officers and vans in the app (issue 17, finding 14:
// they could only be edited). A new record asks for its id (a warrant
// number, a van's registration or fleet id), refused when empty, spaced or
// taken; a record still in use (a crew, a deployment, a pin) is not
// deleted, and the message says where it is used. Each is one undoable
// step.
#pragma once

#include <QString>

#include <optional>

class QWidget;

namespace lfr::ui {

class PlanDocument;

struct RecordChange {
    std::optional<QString> error; // why nothing changed
    int row = -1;                 // the record's row in its list, once added
};

// Asks for the new officer's id (a dialog on `parent`); an empty result
// (no error, row -1) when the dialog was cancelled.
RecordChange addOfficer(PlanDocument *document, QWidget *parent);
RecordChange addVan(PlanDocument *document, QWidget *parent);
// The same with the id given (no dialog).
RecordChange addOfficer(PlanDocument *document, const QString &id);
RecordChange addVan(PlanDocument *document, const QString &id);
RecordChange deleteOfficer(PlanDocument *document, int row);
RecordChange deleteVan(PlanDocument *document, int row);

} // namespace lfr::ui
