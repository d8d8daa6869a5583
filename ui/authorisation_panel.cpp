#include "authorisation_panel.h"

#include "plan_document.h"

#include "lfrplan/dates.h"
#include "lfrplan/errors.h"
#include "lfrplan/scenario_index.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStringListModel>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
QString text(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QSpinBox *countBox(QWidget *parent, int most = 10000000)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, most);
    return box;
}

QTime timeOf(Clock c) { return QTime(c.minutes / 60, c.minutes % 60); }
Clock clockOf(const QTime &t) { return Clock{t.hour() * 60 + t.minute()}; }
} // namespace

AuthorisationPanel::AuthorisationPanel(PlanDocument *document, QWidget *parent)
    : QWidget(parent), document_(document), title_(new QLabel(this)), policy_(new QLabel(this)),
      message_(new QLabel(this)), useCase_(new QComboBox(this)), authoriser_(new QComboBox(this)),
      rationale_(new QPlainTextEdit(this)), watchlistSize_(countBox(this)), categories_(new QLineEdit(this)),
      cancelReason_(new QLineEdit(this)), impact_(new QCheckBox(tr("Community impact assessment done"), this)),
      notice_(new QCheckBox(tr("Public notice given before the deployment"), this)),
      signage_(new QCheckBox(tr("Signage planned at the site"), this)), start_(new QTimeEdit(this)),
      end_(new QTimeEdit(this)), missingItems_(new QStringListModel(this)), missing_(new QListView(this)),
      outcome_(new QGroupBox(tr("Outcome"), this)), faces_(countBox(this)), trueConfirmed_(countBox(this)),
      trueUnconfirmed_(countBox(this)), falseConfirmed_(countBox(this)), falseUnconfirmed_(countBox(this)),
      arrests_(countBox(this)), other_(countBox(this)), noAction_(countBox(this)), duration_(countBox(this, 24 * 60)),
      threshold_(new QDoubleSpinBox(this)), saveDraft_(new QPushButton(tr("Save draft"), this)),
      authorise_(new QPushButton(tr("Authorise"), this)), withdraw_(new QPushButton(tr("Back to draft"), this)),
      deployed_(new QPushButton(tr("Deployed"), this)), close_(new QPushButton(tr("Close with outcome"), this)),
      cancel_(new QPushButton(tr("Cancel deployment"), this))
{
    title_->setWordWrap(true);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    policy_->setWordWrap(true);
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("color: #b00020"));
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    useCase_->addItem(tr("(choose a use case)"));
    for (int i = 0; i < kUseCaseCount; ++i)
        useCase_->addItem(text(useCaseLabel(static_cast<UseCase>(i))), i);
    rationale_->setPlaceholderText(tr("Necessity and proportionality, in writing"));
    rationale_->setMaximumHeight(90);
    watchlistSize_->setSpecialValueText(tr("not given"));
    categories_->setPlaceholderText(tr("e.g. wanted for serious offences, court warrants"));
    cancelReason_->setPlaceholderText(tr("Reason, when cancelling"));
    cancelReason_->setAccessibleName(tr("Reason for cancelling"));
    start_->setAccessibleName(tr("Start time"));
    end_->setAccessibleName(tr("End time"));
    start_->setDisplayFormat(QStringLiteral("HH:mm"));
    end_->setDisplayFormat(QStringLiteral("HH:mm"));
    threshold_->setRange(0.0, 1.0);
    threshold_->setDecimals(2);
    threshold_->setSingleStep(0.05);
    threshold_->setValue(0.6);
    duration_->setSuffix(tr(" min"));
    missing_->setModel(missingItems_);
    missing_->setAccessibleName(tr("What the record still lacks"));
    missing_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    missing_->setMaximumHeight(110);

    // Laid out to read whole in a dock a third of a 1366-pixel screen wide
    // (issue 17, finding 11: a horizontal scrollbar and clipped labels):
    // labels above their fields when the row is narrow, combo boxes as wide
    // as the dock rather than their longest item, ticks across the row.
    for (QComboBox *box : {useCase_, authoriser_}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Use case:"), useCase_);
    form->addRow(policy_);
    form->addRow(tr("Authorising officer:"), authoriser_);
    form->addRow(tr("Rationale:"), rationale_);
    form->addRow(tr("Watchlist size:"), watchlistSize_);
    form->addRow(tr("Watchlist categories:"), categories_);
    form->addRow(impact_);
    form->addRow(notice_);
    form->addRow(signage_);
    auto *times = new QHBoxLayout;
    times->addWidget(start_);
    times->addWidget(new QLabel(tr("to"), this));
    times->addWidget(end_);
    form->addRow(tr("Start and end:"), times);

    auto *outcomeForm = new QFormLayout(outcome_);
    outcomeForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    outcomeForm->addRow(tr("Faces seen:"), faces_);
    outcomeForm->addRow(tr("True alerts, confirmed:"), trueConfirmed_);
    outcomeForm->addRow(tr("True alerts, unconfirmed:"), trueUnconfirmed_);
    outcomeForm->addRow(tr("False alerts, confirmed:"), falseConfirmed_);
    outcomeForm->addRow(tr("False alerts, unconfirmed:"), falseUnconfirmed_);
    outcomeForm->addRow(tr("Arrests:"), arrests_);
    outcomeForm->addRow(tr("Other disposal:"), other_);
    outcomeForm->addRow(tr("No action:"), noAction_);
    outcomeForm->addRow(tr("Actual duration:"), duration_);
    outcomeForm->addRow(tr("Threshold:"), threshold_);

    auto *buttons = new QGridLayout; // two a row: four do not fit a narrow dock
    int at = 0;
    for (QPushButton *b : {saveDraft_, authorise_, withdraw_, deployed_}) {
        buttons->addWidget(b, at / 2, at % 2);
        ++at;
    }
    auto *buttons2 = new QHBoxLayout;
    buttons2->addWidget(close_);
    buttons2->addWidget(cancel_);
    buttons2->addWidget(cancelReason_, 1);

    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->addWidget(title_);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Missing before it can be authorised:"), this));
    layout->addWidget(missing_);
    layout->addLayout(buttons);
    layout->addLayout(buttons2);
    layout->addWidget(message_);
    layout->addWidget(outcome_);
    layout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the body fits the dock's width
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(saveDraft_, &QPushButton::clicked, this, [this] { saveAs(AuthorisationStatus::Draft); });
    connect(authorise_, &QPushButton::clicked, this, [this] { saveAs(AuthorisationStatus::Authorised); });
    connect(withdraw_, &QPushButton::clicked, this, [this] { saveAs(AuthorisationStatus::Draft); });
    connect(deployed_, &QPushButton::clicked, this, [this] { saveAs(AuthorisationStatus::Deployed); });
    connect(close_, &QPushButton::clicked, this, [this] { saveAs(AuthorisationStatus::Closed); });
    connect(cancel_, &QPushButton::clicked, this, [this] { saveAs(AuthorisationStatus::Cancelled); });
    // The missing items follow the form as it is typed.
    connect(useCase_, &QComboBox::currentIndexChanged, this, &AuthorisationPanel::updateMissing);
    connect(authoriser_, &QComboBox::currentIndexChanged, this, &AuthorisationPanel::updateMissing);
    connect(rationale_, &QPlainTextEdit::textChanged, this, &AuthorisationPanel::updateMissing);
    connect(watchlistSize_, &QSpinBox::valueChanged, this, &AuthorisationPanel::updateMissing);
    connect(categories_, &QLineEdit::textChanged, this, &AuthorisationPanel::updateMissing);
    for (QCheckBox *box : {impact_, notice_, signage_})
        connect(box, &QCheckBox::toggled, this, &AuthorisationPanel::updateMissing);
    connect(start_, &QTimeEdit::timeChanged, this, &AuthorisationPanel::updateMissing);
    connect(end_, &QTimeEdit::timeChanged, this, &AuthorisationPanel::updateMissing);
    connect(document_, &PlanDocument::accountabilityChanged, this, [this] {
        if (shownKey_ && deployment_)
            keepDraft(*shownKey_); // a stored change refills the form: what is typed stays (a refused save too)
        shownKey_.reset();
        refresh();
    });
    // A plan change or a new selection refills the form only for another
    // slot (refresh()); a stored change always does.
    connect(document_, &PlanDocument::changed, this, &AuthorisationPanel::refresh);
    refresh();
}

void AuthorisationPanel::showDeployment(std::optional<std::size_t> deployment)
{
    deployment_ = deployment;
    message_->clear();
    refresh();
}

void AuthorisationPanel::setPermissions(bool mayDraft, bool mayAuthorise, const QString &draftReason,
                                        const QString &authoriseReason)
{
    mayDraft_ = mayDraft;
    mayAuthorise_ = mayAuthorise;
    draftReason_ = draftReason;
    authoriseReason_ = authoriseReason;
    refresh(); // updates the buttons when a deployment is shown
}

void AuthorisationPanel::refresh()
{
    if (deployment_ && *deployment_ >= document_->deployments().size())
        deployment_.reset();
    const bool have = deployment_ && document_->store();
    setEnabled(have);
    if (!have) {
        title_->setText(document_->store() ? tr("Select a deployment on the board to see its authorisation.")
                                           : tr("Authorisations are kept in a database: open one."));
        return;
    }
    const Deployment &d = document_->deployments()[*deployment_];
    // The same slot as the form shows: keep what is typed in it.
    const bool sameSlot = shownKey_ == keyOf(d);
    if (!sameSlot && shownKey_)
        keepDraft(*shownKey_);
    shownKey_ = keyOf(d);
    const ScenarioIndex &ix = document_->index();
    const Authorisation *record = document_->authorisationOf(d);
    title_->setText(
        tr("%1, %2 %3 — %4")
            .arg(text(ix.hotspotName(d.hotspot)), text(formatDay(d.date)), text(d.window),
                 record ? tr("status: %1, planned by %2").arg(text(statusName(record->status)), text(record->plannedBy))
                        : tr("no authorisation record yet")) +
        (drafts_.count(keyOf(d)) != 0 || (sameSlot && fromDraft_) ? tr(" (your unsaved changes, kept)") : QString()));
    if (sameSlot) {
        updateMissing();
        updateButtons();
        return;
    }
    // Officers who may authorise: the minimum rank or above.
    const SafeguardSettings settings = document_->store()->safeguardSettings();
    {
        const QSignalBlocker block(authoriser_);
        authoriser_->clear();
        authoriser_->addItem(tr("(choose the authorising officer)"));
        for (const Officer &o : document_->scenario().officers)
            if (o.rank >= settings.minimumAuthorisingRank)
                authoriser_->addItem(tr("%1 %2 (%3)").arg(text(rankName(o.rank)), text(o.name), text(o.id)),
                                     text(o.id));
    }
    const auto draft = drafts_.find(keyOf(d));
    fromDraft_ = draft != drafts_.end();
    fillForm(fromDraft_ ? &draft->second : record);
    filled_ = formRecord(AuthorisationStatus::Draft);
    if (fromDraft_)
        drafts_.erase(draft); // the form holds it now
    updateButtons();
}

void AuthorisationPanel::keepDraft(const DeploymentKey &key)
{
    const Authorisation now = formRecord(AuthorisationStatus::Draft);
    if (fromDraft_ || !(now == filled_))
        drafts_[key] = now;
}

void AuthorisationPanel::fillForm(const Authorisation *r)
{
    const Deployment &d = document_->deployments()[*deployment_];
    const auto w = document_->index().window(d.window);
    const QSignalBlocker b1(useCase_), b2(authoriser_), b3(rationale_), b4(watchlistSize_), b5(categories_),
        b6(impact_), b7(notice_), b8(signage_), b9(start_), b10(end_);
    useCase_->setCurrentIndex(r && r->useCase ? static_cast<int>(*r->useCase) + 1 : 0);
    authoriser_->setCurrentIndex(std::max(0, r ? authoriser_->findData(text(r->authorisingOfficer)) : 0));
    rationale_->setPlainText(r ? text(r->rationale) : QString());
    watchlistSize_->setValue(r ? r->watchlistSize.value_or(0) : 0);
    QStringList categories;
    if (r)
        for (const std::string &c : r->watchlistCategories)
            categories << text(c);
    categories_->setText(categories.join(QStringLiteral(", ")));
    impact_->setChecked(r && r->communityImpactAssessed);
    notice_->setChecked(r && r->publicNoticeGiven);
    signage_->setChecked(r && r->signagePlanned);
    const Window &win = document_->scenario().windows[w.value_or(0)];
    start_->setTime(timeOf(r && r->start ? *r->start : win.start));
    end_->setTime(timeOf(r && r->end ? *r->end : win.end));
    cancelReason_->setText(r ? text(r->cancelReason) : QString());
    const Outcome o = r && r->outcome ? *r->outcome : Outcome{};
    faces_->setValue(o.facesSeen.value_or(0));
    trueConfirmed_->setValue(o.trueAlertsConfirmed);
    trueUnconfirmed_->setValue(o.trueAlertsUnconfirmed);
    falseConfirmed_->setValue(o.falseAlertsConfirmed);
    falseUnconfirmed_->setValue(o.falseAlertsUnconfirmed);
    arrests_->setValue(o.arrests);
    other_->setValue(o.otherDisposal);
    noAction_->setValue(o.noAction);
    int minutes = win.end.minutes - win.start.minutes;
    duration_->setValue(o.durationMinutes.value_or(minutes > 0 ? minutes : minutes + 24 * 60));
    threshold_->setValue(o.threshold.value_or(0.6));
    updateMissing();
}

Authorisation AuthorisationPanel::formRecord(AuthorisationStatus status) const
{
    const Deployment &d = document_->deployments()[deployment_.value_or(0)];
    const Authorisation *stored = document_->authorisationOf(d);
    Authorisation a;
    a.deployment = keyOf(d);
    a.status = status;
    // The store stamps who planned and who authorised (the authenticated login).
    a.plannedBy = stored ? stored->plannedBy : std::string();
    a.authorisedBy = stored ? stored->authorisedBy : std::string();
    if (useCase_->currentIndex() > 0)
        a.useCase = static_cast<UseCase>(useCase_->currentData().toInt());
    a.authorisingOfficer = authoriser_->currentIndex() > 0 ? authoriser_->currentData().toString().toStdString() : "";
    a.rationale = rationale_->toPlainText().trimmed().toStdString();
    if (watchlistSize_->value() > 0)
        a.watchlistSize = watchlistSize_->value();
    for (const QString &c : categories_->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!c.trimmed().isEmpty())
            a.watchlistCategories.push_back(c.trimmed().toStdString());
    a.communityImpactAssessed = impact_->isChecked();
    a.publicNoticeGiven = notice_->isChecked();
    a.signagePlanned = signage_->isChecked();
    a.start = clockOf(start_->time());
    a.end = clockOf(end_->time());
    a.cancelReason = cancelReason_->text().trimmed().toStdString();
    if (status == AuthorisationStatus::Closed || (stored && stored->outcome && status == AuthorisationStatus::Deployed))
        a.outcome = Outcome{faces_->value(),          trueConfirmed_->value(),    trueUnconfirmed_->value(),
                            falseConfirmed_->value(), falseUnconfirmed_->value(), arrests_->value(),
                            other_->value(),          noAction_->value(),         duration_->value(),
                            threshold_->value()};
    return a;
}

bool AuthorisationPanel::saveAs(AuthorisationStatus status)
{
    if (!deployment_)
        return false;
    try {
        document_->saveAuthorisation(formRecord(status));
        fromDraft_ = false; // stored: no draft left of it
        if (shownKey_)
            drafts_.erase(*shownKey_);
        message_->clear();
        refresh();
        return true;
    } catch (const std::exception &e) {
        // In the planner's words (issue 17, finding 10: the refusal began
        // with the database's path and named the slot "oxford-circus
        // 2026-12-08 day"): no path, the deployment as its card names it.
        QString said = text(std::string(e.what()));
        const QString location = document_->hasStore() ? document_->location() + QStringLiteral(": ") : QString();
        if (!location.isEmpty() && said.startsWith(location))
            said = said.mid(location.size());
        if (shownKey_ && deployment_ && *deployment_ < document_->deployments().size())
            said.replace(text(describeKey(*shownKey_)),
                         text(document_->index().describe(document_->deployments()[*deployment_])));
        message_->setText(said);
        return false;
    }
}

void AuthorisationPanel::updateMissing()
{
    if (!deployment_ || !document_->store()) {
        missingItems_->setStringList({});
        return;
    }
    Authorisation a = formRecord(AuthorisationStatus::Draft);
    if (a.plannedBy.empty())
        a.plannedBy = document_->store()->actor();
    auto problems = authorisationProblems(a, document_->scenario(), document_->store()->safeguardSettings());
    // Who may authorise it: the login of the officer it names, not its planner.
    if (mayAuthorise_) {
        const Deployment &d = document_->deployments()[*deployment_];
        const Authorisation *stored = document_->authorisationOf(d);
        const std::optional<Authorisation> before = stored ? std::optional(*stored) : std::nullopt;
        const std::string me = document_->store()->actor();
        if (!before || before->status == AuthorisationStatus::Draft)
            for (std::string &p :
                 identityProblems(before, stampIdentity(before, formRecord(AuthorisationStatus::Authorised), me), me,
                                  document_->store()->users()))
                problems.push_back(std::move(p));
    }
    QStringList lines;
    for (const std::string &p : problems)
        lines << text(p);
    if (problems.empty())
        lines << tr("Nothing: it may be authorised.");
    if (lines != missingItems_->stringList()) // unchanged while typing: the view keeps its place
        missingItems_->setStringList(lines);
    policy_->setText(a.useCase ? text(policyReference(*a.useCase)) : QString());
}

void AuthorisationPanel::updateButtons()
{
    using S = AuthorisationStatus;
    const Deployment &d = document_->deployments()[*deployment_];
    const Authorisation *r = document_->authorisationOf(d);
    const S status = r ? r->status : S::Draft;
    const bool editable = status == S::Draft;
    // Drafting edits the form; every status move needs the right to authorise.
    const bool draft = editable && mayDraft_;
    for (QWidget *w : std::initializer_list<QWidget *>{useCase_, authoriser_, rationale_, watchlistSize_, categories_,
                                                       impact_, notice_, signage_, start_, end_})
        w->setEnabled(editable && (mayDraft_ || mayAuthorise_));
    saveDraft_->setEnabled(draft);
    saveDraft_->setToolTip(mayDraft_ ? QString() : draftReason_);
    authorise_->setEnabled(editable && mayAuthorise_);
    withdraw_->setEnabled(status == S::Authorised && mayAuthorise_);
    deployed_->setEnabled(status == S::Authorised && mayAuthorise_);
    close_->setEnabled(status == S::Deployed && mayAuthorise_);
    cancel_->setEnabled((status == S::Draft || status == S::Authorised) && mayAuthorise_);
    for (QPushButton *b : {authorise_, withdraw_, deployed_, close_, cancel_})
        b->setToolTip(mayAuthorise_ ? QString() : authoriseReason_);
    cancelReason_->setEnabled(cancel_->isEnabled());
    outcome_->setEnabled(status == S::Deployed && mayAuthorise_);
}

} // namespace lfr::ui
