// The accountability of the selected deployment (issue 6): its
// authorisation record as the APP for live facial recognition asks for it,
// what is still missing before it can be authorised (live), its status
// moves, and the outcome after it took place. Every save goes to the store,
// which applies the same rules and audits the change; a refusal is shown
// with every reason and nothing is stored.
#pragma once

#include "lfrplan/safeguards.h"

#include <QWidget>

#include <map>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QStringListModel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace lfr::ui {

class PlanDocument;

class AuthorisationPanel : public QWidget {
    Q_OBJECT
public:
    explicit AuthorisationPanel(PlanDocument *document, QWidget *parent = nullptr);
    void showDeployment(std::optional<std::size_t> deployment);
    // What the user's role may do (issue 8): draft records, and move their
    // status (authorise, back to draft, deployed, close, cancel). What it
    // may not is disabled with the reason as its tooltip.
    void setPermissions(bool mayDraft, bool mayAuthorise, const QString &draftReason, const QString &authoriseReason);

    // The record as the form has it, in `status`.
    Authorisation formRecord(AuthorisationStatus status) const;
    // Saves the form in `status`; false (the reasons in message()) if refused.
    bool saveAs(AuthorisationStatus status);

    QComboBox *useCase() const { return useCase_; }
    QComboBox *authoriser() const { return authoriser_; }
    QPlainTextEdit *rationale() const { return rationale_; }
    QSpinBox *watchlistSize() const { return watchlistSize_; }
    QLineEdit *categories() const { return categories_; }
    QCheckBox *impactAssessed() const { return impact_; }
    QCheckBox *publicNotice() const { return notice_; }
    QCheckBox *signage() const { return signage_; }
    // What the record still lacks to be authorised (a list model).
    QListView *missing() const { return missing_; }
    QLabel *message() const { return message_; }
    QLabel *title() const { return title_; }
    QSpinBox *facesSeen() const { return faces_; }
    QSpinBox *arrests() const { return arrests_; }
    QSpinBox *trueConfirmed() const { return trueConfirmed_; }
    QSpinBox *durationMinutes() const { return duration_; }
    QPushButton *saveDraftButton() const { return saveDraft_; }
    QPushButton *authoriseButton() const { return authorise_; }

private:
    void refresh();
    // Keeps the form as a draft of slot `key` when it differs from what it
    // was filled with (issue 17, finding 2: typed text was dropped when
    // another card was picked, without a word).
    void keepDraft(const DeploymentKey &key);
    void fillForm(const Authorisation *record);
    void updateMissing();
    void updateButtons();

    PlanDocument *document_;
    std::optional<std::size_t> deployment_;
    std::optional<DeploymentKey> shownKey_;         // the slot the form shows (kept while nothing is selected)
    std::map<DeploymentKey, Authorisation> drafts_; // unsaved forms of other slots, shown again there
    Authorisation filled_;                          // the form as filled, to tell an edit
    bool fromDraft_ = false;                        // the form shows a kept draft
    QLabel *title_, *policy_, *message_;
    QComboBox *useCase_, *authoriser_;
    QPlainTextEdit *rationale_;
    QSpinBox *watchlistSize_;
    QLineEdit *categories_, *cancelReason_;
    QCheckBox *impact_, *notice_, *signage_;
    QTimeEdit *start_, *end_;
    QStringListModel *missingItems_;
    QListView *missing_;
    QGroupBox *outcome_;
    QSpinBox *faces_, *trueConfirmed_, *trueUnconfirmed_, *falseConfirmed_, *falseUnconfirmed_, *arrests_, *other_,
        *noAction_, *duration_;
    QDoubleSpinBox *threshold_;
    QPushButton *saveDraft_, *authorise_, *withdraw_, *deployed_, *close_, *cancel_;
    bool mayDraft_ = true, mayAuthorise_ = true;
    QString draftReason_, authoriseReason_;
};

} // namespace lfr::ui
