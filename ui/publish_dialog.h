// Plan > Publish…'s confirmation (issue 20): the version the saved plan
// will become, who publishes it (the login, never typed) and what changed
// since the last published version, in a planner's words, or that it is
// the first version. Publish or Cancel; nothing is stored until Publish.
#pragma once

#include "lfrplan/storage.h"

#include <QDialog>
#include <QStringList>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;

namespace lfr::ui {

class PublishDialog : public QDialog {
    Q_OBJECT
public:
    // `changes`: describeChanges' lines since `last` (none when it is the first).
    PublishDialog(const QString &scenario, int version, const QString &login,
                  const std::optional<PublishedVersion> &last, const QStringList &changes, QWidget *parent = nullptr);

    QString headingText() const;
    QString changesText() const; // what it says of the changes, the lines included
    QPushButton *publishButton() const { return publish_; }

private:
    QLabel *heading_;
    QLabel *since_;
    QListWidget *lines_;
    QPushButton *publish_;
};

} // namespace lfr::ui
