// The data editors' table models: one row per record of a scenario list
// (officers, teams, hotspots, vans), one column per field. Each column says
// how to show its field and, when editable, how to parse and check a new
// value; setData() never changes the record itself but pushes an EditRecord
// command, and refuses a bad value with a message naming the field, the
// record and what is wrong (editError()).
#pragma once

#include "plan_document.h"

#include <QAbstractTableModel>
#include <QString>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace lfr::ui {

template <class Record> struct RecordColumn {
    QString title;
    std::function<QVariant(const Record &)> show;
    // Applies a value to a copy of the record; returns an error, or nothing
    // when the value is good. Null: the column is read-only.
    std::function<std::optional<QString>(Record &, const QVariant &, const Scenario &)> edit;
    // The values the cell may take, as (value, label) pairs, picked from a
    // list rather than typed (issue 17, finding 14). Null: typed.
    std::function<std::vector<std::pair<QString, QString>>(const Scenario &)> choices = {};
};

// The untemplated part: signals (moc cannot process templates).
class RecordTableBase : public QAbstractTableModel {
    Q_OBJECT
public:
    // QVariantList of QStringList{value, label}: the cell's choices (empty: typed).
    static constexpr int ChoicesRole = Qt::UserRole + 50;
    using QAbstractTableModel::QAbstractTableModel;
    const QString &editError() const { return editError_; }

signals:
    // A value was refused; the message says which and why.
    void editRefused(const QString &message);

protected:
    void refuse(const QString &message)
    {
        editError_ = message;
        emit editRefused(message);
    }
    QString editError_;
};

template <class Record> class RecordTableModel : public RecordTableBase {
public:
    RecordTableModel(PlanDocument *document, std::vector<RecordColumn<Record>> columns, QString kind,
                     QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    PlanDocument *document_;
    std::vector<RecordColumn<Record>> columns_;
    QString kind_; // "officer", "team"...
};

} // namespace lfr::ui

#include "record_table_model_impl.h"
