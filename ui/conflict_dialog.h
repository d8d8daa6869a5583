// What the app asks when a save is refused because someone else changed the
// scenario since it was read (issue 8; lfr::ConflictError): the message,
// the changes made underneath (when, who, what, which, from the audit
// trail), and how to go on. Nothing is lost whatever is chosen: reloading
// and re-applying merges my edits onto theirs as unsaved changes to review;
// discarding drops only my unsaved edits, by choice; cancelling keeps
// editing my version. When the scenario was renamed or deleted, my version
// can be saved as a new scenario instead.
#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace lfr {
class ConflictError;
}

namespace lfr::ui {

enum class ConflictChoice {
    ReloadAndReapply, // load theirs, re-apply my edits on top (unsaved)
    ReloadAndDiscard, // load theirs, drop my unsaved edits
    SaveAsNew,        // the scenario is gone: store mine under a new name
    Cancel,           // keep editing mine; nothing is saved
};

// What was refused: the plan (with the scenario) or the scenario's notes.
enum class ConflictSubject { Plan, Notes };

class ConflictDialog : public QDialog {
    Q_OBJECT
public:
    ConflictDialog(const ConflictError &error, ConflictSubject subject, QWidget *parent = nullptr);

    ConflictChoice choice() const { return choice_; }
    // Chooses as the button would (and closes the dialog).
    void choose(ConflictChoice choice);
    // The button of a choice; null when the dialog does not offer it.
    QPushButton *button(ConflictChoice choice) const;
    QLabel *message() const { return message_; }
    QTableWidget *changes() const { return changes_; }

    // Asks: shows the dialog and returns the choice (Cancel when closed).
    // When a hook is set (tests), it is given the dialog, not shown, and
    // its answer is the choice.
    static ConflictChoice ask(const ConflictError &error, ConflictSubject subject, QWidget *parent);
    using Hook = std::function<ConflictChoice(ConflictDialog &)>;
    static void setHook(Hook hook);

private:
    QPushButton *addChoice(ConflictChoice choice, const QString &label, const QString &explanation);

    ConflictChoice choice_ = ConflictChoice::Cancel;
    QLabel *message_;
    QTableWidget *changes_;
    QVBoxLayout *choices_;
    QPushButton *reapply_ = nullptr, *discard_ = nullptr, *saveAsNew_ = nullptr, *cancel_ = nullptr;
};

} // namespace lfr::ui
