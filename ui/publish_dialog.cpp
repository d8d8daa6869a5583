#include "publish_dialog.h"

#include "publish_panel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace lfr::ui {

PublishDialog::PublishDialog(const QString &scenario, int version, const QString &login,
                             const std::optional<PublishedVersion> &last, const QStringList &changes, QWidget *parent)
    : QDialog(parent), heading_(new QLabel(this)), since_(new QLabel(this)), lines_(new QListWidget(this))
{
    setObjectName(QStringLiteral("publishDialog"));
    setWindowTitle(tr("Publish the plan"));
    auto *layout = new QVBoxLayout(this);
    heading_->setObjectName(QStringLiteral("publishHeading"));
    heading_->setWordWrap(true);
    heading_->setTextFormat(Qt::PlainText);
    heading_->setText(tr("Publish the saved plan of \u201c%1\u201d as version %2?\n\n"
                         "Officers are told the published plan. A published version is never changed or "
                         "removed; it is recorded under your login, %3, with the time.")
                          .arg(scenario)
                          .arg(version)
                          .arg(login));
    layout->addWidget(heading_);
    since_->setObjectName(QStringLiteral("publishSince"));
    since_->setWordWrap(true);
    since_->setTextFormat(Qt::PlainText);
    if (!last)
        since_->setText(tr("This is the first version: nothing of this scenario is published yet."));
    else
        since_->setText(
            tr("%n change(s) since %1:", nullptr, static_cast<int>(changes.size())).arg(versionWords(*last)));
    layout->addWidget(since_);
    lines_->setObjectName(QStringLiteral("publishChanges"));
    lines_->setAccessibleName(tr("Changes since the last published version"));
    lines_->setWordWrap(true);
    lines_->addItems(changes);
    lines_->setVisible(!changes.isEmpty());
    layout->addWidget(lines_, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    publish_ = buttons->addButton(tr("Publish version %1").arg(version), QDialogButtonBox::AcceptRole);
    publish_->setObjectName(QStringLiteral("publishButton"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true); // publishing is never the accident of Enter
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(620, changes.isEmpty() ? 220 : 420);
}

QString PublishDialog::headingText() const { return heading_->text(); }

QString PublishDialog::changesText() const
{
    QStringList out{since_->text()};
    for (int i = 0; i < lines_->count(); ++i)
        out << lines_->item(i)->text();
    return out.join(QLatin1Char('\n'));
}

} // namespace lfr::ui
