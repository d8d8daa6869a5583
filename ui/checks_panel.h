// The live checks: VALUE, TRAVEL and OBJECTIVE of the plan as it stands,
// and every violation the core validator finds, in a planner's words.
// Activating a violation selects its deployment on the board.
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace lfr::ui {

class PlanDocument;

class ChecksPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChecksPanel(PlanDocument *document, QWidget *parent = nullptr);
    QListWidget *violationList() const { return list_; }
    QString figuresText() const;
    // The last solve's explanation: what holds the plan back.
    // It is marked outdated (and greyed) once the plan or data differ from
    // what was solved, until undo brings them back.
    void setExplanation(const QStringList &lines, bool infeasible);
    QString explanationText() const;
    bool explanationOutdated() const;
    QLabel *explanationTitle() const { return explanationTitle_; }

signals:
    void deploymentActivated(int deployment);

private:
    void refresh();
    void showWhetherOutdated();

    PlanDocument *document_;
    QLabel *figures_;
    QLabel *summary_;
    QListWidget *list_;
    QLabel *explanationTitle_;
    int explainedAt_ = -1; // the undo index the explanation is about
    bool infeasible_ = false;
    QPlainTextEdit *explanation_;
};

} // namespace lfr::ui
