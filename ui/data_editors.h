// The data editors: officers, teams, hotspots and vans as sortable,
// filterable tables (a RecordTableModel behind a QSortFilterProxyModel).
// A cell edit is checked at once; a refused value is shown under the table
// with what is wrong, and nothing changes. Every change is undoable.
#pragma once

#include "record_table_model.h"

#include "record_changes.h"

#include <QAbstractItemView>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace lfr::ui {

RecordTableModel<Officer> *makeOfficersModel(PlanDocument *document, QObject *parent);
RecordTableModel<Team> *makeTeamsModel(PlanDocument *document, QObject *parent);
RecordTableModel<Hotspot> *makeHotspotsModel(PlanDocument *document, QObject *parent);
RecordTableModel<Van> *makeVansModel(PlanDocument *document, QObject *parent);
// Officers x dates: each cell the shift the officer works that date (empty:
// off duty); an edit takes a shift id of the scenario, or empty.
RecordTableModel<Officer> *makeRostersModel(PlanDocument *document, QObject *parent);

class DataEditor : public QWidget {
    Q_OBJECT
public:
    DataEditor(RecordTableBase *model, const QString &filterHint, QWidget *parent = nullptr);
    RecordTableBase *model() const { return model_; }
    QSortFilterProxyModel *proxy() const { return proxy_; }
    QTableView *view() const { return view_; }
    QLineEdit *filter() const { return filter_; }
    QLabel *message() const { return message_; }
    // Whether cells can be edited; when not, `reason` is the table's tooltip
    // (the table stays readable: filter, sort, scroll).
    void setEditable(bool editable, const QString &reason = {});
    bool isEditable() const { return editable_; }
    // Add and Delete buttons under the table (officers, vans): `add` makes a
    // record (the new row is picked), `remove` deletes the picked one (its
    // row in the model); a refusal is shown under the table.
    void offerAddAndDelete(const QString &addText, const QString &deleteText, std::function<RecordChange()> add,
                           std::function<RecordChange(int)> remove);
    QPushButton *addButton() const { return add_; }
    // The right-click (or menu key) menu of a row: the row under the
    // pointer becomes current, then these actions are offered (issue 20:
    // "Officer unavailable…", "Van out of service…"). Null: a separator.
    void setRowActions(QList<QAction *> actions);
    // The current row in the model (the scenario's list), or -1.
    int currentRow() const;
    QPushButton *deleteButton() const { return delete_; }

private:
    RecordTableBase *model_;
    QSortFilterProxyModel *proxy_;
    QLineEdit *filter_;
    QTableView *view_;
    QLabel *message_;
    QPushButton *add_ = nullptr, *delete_ = nullptr;
    bool editable_ = true;
    QList<QAction *> rowActions_;
    QAbstractItemView::EditTriggers triggers_; // the view's own, while editable
};

} // namespace lfr::ui
