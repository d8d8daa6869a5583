#include "help_dialogs.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

// Outside any namespace, as Q_INIT_RESOURCE must be.
static void initUserGuide() { Q_INIT_RESOURCE(user_guide); }

namespace lfr::ui {

namespace {

QDialog *framed(QWidget *parent, const QString &title, const char *name, QWidget *body)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QLatin1String(name));
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    body->setParent(dialog);
    layout->addWidget(body);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(760, 600);
    return dialog;
}

QString plain(QString text) { return text.remove(QLatin1Char('&')); }

} // namespace

QDialog *userGuideDialog(QWidget *parent)
{
    auto *browser = new QTextBrowser;
    browser->setObjectName(QStringLiteral("userGuide"));
    browser->setOpenExternalLinks(false);
    initUserGuide();
    QFile guide(QStringLiteral(":/help/user-guide.md"));
    if (guide.open(QIODevice::ReadOnly | QIODevice::Text))
        browser->setMarkdown(QString::fromUtf8(guide.readAll()));
    else
        browser->setPlainText(QObject::tr("The user guide is missing from this build (%1).").arg(guide.fileName()));
    return framed(parent, QObject::tr("lfrplan user guide"), "userGuideDialog", browser);
}

QDialog *shortcutsDialog(QWidget *window)
{
    struct Row {
        QString where, command, keys;
    };
    QList<Row> rows;
    if (auto *main = qobject_cast<QMainWindow *>(window))
        for (QAction *menuAction : main->menuBar()->actions()) {
            QMenu *menu = menuAction->menu();
            if (!menu)
                continue;
            const QString where = plain(menu->title());
            const auto collect = [&](const auto &self, QMenu *m) -> void {
                for (QAction *a : m->actions()) {
                    if (a->menu())
                        self(self, a->menu());
                    else if (!a->shortcuts().isEmpty()) {
                        QStringList keys;
                        for (const QKeySequence &k : a->shortcuts())
                            keys << k.toString(QKeySequence::NativeText);
                        rows.push_back({where, plain(a->text()), keys.join(QStringLiteral(", "))});
                    }
                }
            };
            collect(collect, menu);
        }
    const QString board = QObject::tr("Week board");
    const QString map = QObject::tr("Map");
    rows.push_back(
        {board, QObject::tr("Show the card's crew, or add a deployment to an empty cell"), QObject::tr("Enter")});
    rows.push_back({board, QObject::tr("The card's or cell's menu"), QObject::tr("Menu key, Shift+F10")});
    rows.push_back({board, QObject::tr("Move between cells"), QObject::tr("Arrow keys")});
    rows.push_back({map, QObject::tr("Zoom in, out, show all"), QObject::tr("+, -, 0 (or the wheel, a double-click)")});
    rows.push_back({map, QObject::tr("Pan"), QObject::tr("Arrow keys, or drag")});

    auto *table = new QTableWidget(static_cast<int>(rows.size()), 3);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({QObject::tr("Where"), QObject::tr("Command"), QObject::tr("Keys")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    for (int r = 0; r < rows.size(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows[r].where));
        table->setItem(r, 1, new QTableWidgetItem(rows[r].command));
        table->setItem(r, 2, new QTableWidgetItem(rows[r].keys));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    return framed(window, QObject::tr("Keyboard shortcuts"), "shortcutsDialog", table);
}

QString aboutText()
{
    return QObject::tr("<h3>lfrplan %1</h3>"
                       "<p>Plans live facial recognition deployments: vans, crews and hotspots over a week, "
                       "within staffing limits, with the safeguards and records oversight needs.</p>"
                       "<p>Licensed under the Apache License, Version 2.0 (the LICENSE file shipped with it).</p>"
                       "<p>Built with: Qt %2 (LGPL 3), SQLite (public domain), nlohmann/json (MIT), "
                       "libpq (PostgreSQL licence).</p>"
                       "<p>Demo data: contains public sector information licensed under the Open Government "
                       "Licence v3.0; contains Ordnance Survey data © Crown copyright and database right "
                       "(docs/demo-data.md names each source).</p>")
        .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()));
}

} // namespace lfr::ui
