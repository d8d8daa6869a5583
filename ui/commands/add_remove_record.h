// Adds an officer or van to its list, or deletes one (the data editors'
// Add and Delete): the record and its place are kept, so undo is exact.
#pragma once

#include "plan_document.h"

#include <QString>
#include <QUndoCommand>

namespace lfr::ui {

template <class Record> class InsertRecord : public QUndoCommand {
public:
    InsertRecord(PlanDocument *document, std::size_t row, Record record, const QString &text)
        : document_(document), row_(row), record_(std::move(record))
    {
        setText(text);
    }
    void redo() override { document_->insertRecord(row_, record_); }
    void undo() override { document_->template removeRecord<Record>(row_); }

private:
    PlanDocument *document_;
    std::size_t row_;
    Record record_;
};

template <class Record> class RemoveRecord : public QUndoCommand {
public:
    RemoveRecord(PlanDocument *document, std::size_t row, const QString &text)
        : document_(document), row_(row), record_(recordsOf<Record>(document->scenario()).at(row))
    {
        setText(text);
    }
    void redo() override { document_->template removeRecord<Record>(row_); }
    void undo() override { document_->insertRecord(row_, record_); }

private:
    PlanDocument *document_;
    std::size_t row_;
    Record record_;
};

} // namespace lfr::ui
