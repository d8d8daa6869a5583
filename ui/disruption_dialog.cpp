#include "disruption_dialog.h"

#include "lfrplan/scenario_index.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lfr::ui {

namespace {
QString text(const std::string &s) { return QString::fromStdString(s); }
} // namespace

DisruptionDialog::DisruptionDialog(Kind kind, const std::vector<std::pair<QString, QString>> &choices,
                                   const QString &chosen, const std::vector<Date> &dates, std::optional<Date> date,
                                   QWidget *parent)
    : QDialog(parent), kind_(kind), subject_(new QComboBox(this)), date_(new QComboBox(this)), dates_(dates)
{
    const bool officer = kind == Kind::OfficerOut;
    setObjectName(QStringLiteral("disruptionDialog"));
    setWindowTitle(officer ? tr("Officer unavailable") : tr("Van out of service"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(officer ? tr("Which officer cannot work, and when? The officer is taken off the roster "
                                          "that date (every date of the week for \u201cAll week\u201d).")
                                     : tr("Which van is out of service, and when?"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    subject_->setObjectName(QStringLiteral("disruptionSubject"));
    subject_->setAccessibleName(officer ? tr("Officer") : tr("Van"));
    for (const auto &[id, label] : choices)
        subject_->addItem(label, id);
    subject_->setCurrentIndex(std::max(0, subject_->findData(chosen)));
    form->addRow(officer ? tr("&Officer:") : tr("&Van:"), subject_);
    date_->setObjectName(QStringLiteral("disruptionDate"));
    date_->setAccessibleName(tr("Date"));
    date_->addItem(tr("All week"));
    int at = 0;
    for (std::size_t d = 0; d < dates_.size(); ++d) {
        date_->addItem(text(formatDay(dates_[d])));
        if (date && dates_[d] == *date)
            at = static_cast<int>(d) + 1;
    }
    date_->setCurrentIndex(at);
    form->addRow(tr("&Date:"), date_);
    layout->addLayout(form);
    auto *note = new QLabel(tr("lfrplan re-plans the week from the last published version, with the fewest changes, "
                               "and shows them before anything changes."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    replan_ = buttons->addButton(tr("&Re-plan…"), QDialogButtonBox::AcceptRole);
    replan_->setObjectName(QStringLiteral("replanButton"));
    replan_->setDefault(true);
    replan_->setEnabled(subject_->count() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

QString DisruptionDialog::chosenId() const { return subject_->currentData().toString(); }

std::optional<Date> DisruptionDialog::chosenDate() const
{
    const int at = date_->currentIndex();
    if (at <= 0 || at > static_cast<int>(dates_.size()))
        return std::nullopt;
    return dates_[static_cast<std::size_t>(at - 1)];
}

ReplanDialog::ReplanDialog(const QString &title, const QString &summary, const QStringList &body, bool applicable,
                           QWidget *parent)
    : QDialog(parent), summary_(new QLabel(this)), body_(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("replanDialog"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    summary_->setObjectName(QStringLiteral("replanSummary"));
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::PlainText);
    summary_->setText(summary);
    layout->addWidget(summary_);
    body_->setObjectName(QStringLiteral("replanLines"));
    body_->setAccessibleName(tr("What the re-plan changes"));
    body_->setReadOnly(true);
    body_->setPlainText(body.join(QLatin1Char('\n')));
    layout->addWidget(body_, 1);
    auto *note = new QLabel(applicable ? tr("Apply changes the board (undoable). Saving records the disruption with "
                                            "the re-plan; nothing is published until Plan > Publish.")
                                       : tr("Nothing was changed."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(this);
    if (applicable) {
        apply_ = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
        apply_->setObjectName(QStringLiteral("applyReplan"));
        cancel_ = buttons->addButton(QDialogButtonBox::Cancel);
    } else {
        cancel_ = buttons->addButton(QDialogButtonBox::Close);
    }
    cancel_->setDefault(true); // applying is never the accident of Enter
    cancel_->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 460);
}

QString ReplanDialog::summaryText() const { return summary_->text(); }

QString ReplanDialog::bodyText() const { return body_->toPlainText(); }

} // namespace lfr::ui
