// The crew of the selected deployment, officers by role, and the officers
// who could join it in the chosen role: qualified for it, on a shift
// covering the window on that date and in no other crew that day, nearest
// first. Add, swap and take-off go through AssignOfficer commands.
#pragma once

#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace lfr::ui {

class PlanDocument;

struct Candidate {
    std::size_t officer = 0;
    double km = 0.0;
};

// Officers who could fill `role` in deployment `deployment`, nearest first.
std::vector<Candidate> crewCandidates(const PlanDocument &document, std::size_t deployment, std::size_t role);

class CrewPanel : public QWidget {
    Q_OBJECT
public:
    explicit CrewPanel(PlanDocument *document, QWidget *parent = nullptr);
    // The deployment shown (none: an empty panel).
    void showDeployment(std::optional<std::size_t> deployment);
    // Whether the crew may be changed (the database role); `reason` is the
    // buttons' tooltip when not.
    void setEditable(bool editable, const QString &reason);
    QPushButton *addButton() const { return add_; }
    QTableWidget *crewTable() const { return crew_; }
    QTableWidget *candidateTable() const { return candidates_; }
    QComboBox *roleBox() const { return role_; }
    void addSelected();
    void swapSelected();
    void removeSelected();

private:
    void refresh();
    void refreshCandidates();

    PlanDocument *document_;
    std::optional<std::size_t> deployment_;
    QLabel *title_;
    QTableWidget *crew_;
    QComboBox *role_;
    QTableWidget *candidates_;
    QPushButton *add_, *swap_, *remove_;
    bool editable_ = true;
    std::vector<Candidate> shown_;
};

} // namespace lfr::ui
