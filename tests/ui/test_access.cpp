// Accessibility and layout at 1366×768 (issue 17, "Also"): every control a
// user reaches has an accessible name in the Qt accessibility tree; the
// board's cards tell a screen reader what they are; staffing "full" has a
// mark, not only a colour; and the window and every dialog are rendered at
// 1366×768 into the build folder (ui-review/) to be looked at, with no
// label or header elided.
#include "accountability_dialogs.h"
#include "compare_dialog.h"
#include "document_controller.h"
#include "main_window.h"
#include "plan_document.h"
#include "staffing_model.h"
#include "ui_window_support.h"
#include "week_board_model.h"
#include "week_board_view.h"
#include "what_if_dialog.h"

#include "lfrplan/scenario_io.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lfr;
using namespace lfr::ui;

class AccessTest : public QObject {
    Q_OBJECT

private:
    lfrtest::SolvedDemoWeek demo_;

    std::unique_ptr<MainWindow> open() { return demo_.open(); }

    // Controls without an accessible name, walking the accessibility tree
    // from `root` (what a screen reader sees), visible ones only.
    static QStringList unnamed(QWidget *root)
    {
        QStringList out;
        QAccessibleInterface *top = QAccessible::queryAccessibleInterface(root);
        std::vector<QAccessibleInterface *> todo{top};
        while (!todo.empty()) {
            QAccessibleInterface *a = todo.back();
            todo.pop_back();
            if (!a)
                continue;
            for (int i = 0; i < a->childCount(); ++i)
                todo.push_back(a->child(i));
            auto *w = qobject_cast<QWidget *>(a->object());
            if (!w || !w->isVisible() || a->state().invisible)
                continue;
            const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                                 qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w) ||
                                 qobject_cast<QAbstractItemView *>(w) || qobject_cast<QPlainTextEdit *>(w);
            if (!control || qobject_cast<QTabBar *>(w->parentWidget()))
                continue;
            if (a->text(QAccessible::Name).trimmed().isEmpty())
                out << QStringLiteral("%1 \"%2\" in %3")
                           .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                                w->parentWidget() ? QString::fromLatin1(w->parentWidget()->metaObject()->className())
                                                  : QString());
        }
        return out;
    }

    // Labels whose text does not fit their width (elided or cut), and
    // header sections narrower than their text.
    static QStringList cut(QWidget *root)
    {
        QStringList out;
        for (QLabel *label : root->findChildren<QLabel *>()) {
            if (!label->isVisible() || label->wordWrap() || label->text().isEmpty() ||
                label->textFormat() == Qt::RichText || label->text().contains(QLatin1Char('<')))
                continue;
            const int need = label->fontMetrics().horizontalAdvance(label->text().split(QLatin1Char('\n')).first());
            if (need > label->contentsRect().width() + 1)
                out << QStringLiteral("label \"%1\" needs %2 px, has %3")
                           .arg(label->text())
                           .arg(need)
                           .arg(label->contentsRect().width());
        }
        // The cells of the tables read at a glance: staffing and the crew panel.
        for (QTableView *table : root->findChildren<QTableView *>()) {
            if (!table->isVisible() || !table->model() ||
                !QStringList{QStringLiteral("staffing"), QStringLiteral("crew"), QStringLiteral("candidates")}.contains(
                    table->objectName()))
                continue;
            QAbstractItemModel *model = table->model();
            for (int r = 0; r < std::min(model->rowCount(), 12); ++r)
                for (int c = 0; c < model->columnCount(); ++c) {
                    const QString shown = model->index(r, c).data().toString();
                    const int need = table->fontMetrics().horizontalAdvance(shown) + 6;
                    // Wrapped onto lines the row is tall enough for, it reads whole.
                    const int tall =
                        table->fontMetrics()
                            .boundingRect(QRect(0, 0, table->columnWidth(c) - 6, 10000), Qt::TextWordWrap, shown)
                            .height();
                    const bool wraps = table->wordWrap() && tall <= table->rowHeight(r);
                    if (!shown.isEmpty() && need > table->columnWidth(c) && !wraps)
                        out << QStringLiteral("%1 cell \"%2\" needs %3 px, has %4")
                                   .arg(table->objectName(), shown)
                                   .arg(need)
                                   .arg(table->columnWidth(c));
                }
        }
        for (QHeaderView *header : root->findChildren<QHeaderView *>()) {
            if (!header->isVisible() || header->orientation() != Qt::Horizontal || !header->model())
                continue;
            for (int s = 0; s < header->count(); ++s) {
                if (header->isSectionHidden(s) || header->sectionViewportPosition(s) > header->width())
                    continue;
                const QString title =
                    header->model()->headerData(s, Qt::Horizontal).toString().split(QLatin1Char('\n')).first();
                // The text's width and the style's margin each side, as QHeaderView lays it out.
                const int need = header->fontMetrics().horizontalAdvance(title) +
                                 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
                if (need > header->sectionSize(s))
                    out << QStringLiteral("header \"%1\" needs %2 px, has %3")
                               .arg(title)
                               .arg(need)
                               .arg(header->sectionSize(s));
            }
        }
        return out;
    }

    static void save(QWidget *w, const QString &name)
    {
        QDir().mkpath(QStringLiteral(LFRPLAN_REVIEW_DIR));
        w->grab().save(QStringLiteral(LFRPLAN_REVIEW_DIR "/%1.png").arg(name));
    }

private slots:
    void initTestCase() { QVERIFY(demo_.make()); }

    void everyControlHasAnAccessibleName()
    {
        auto window = open();
        QVERIFY(window);
        for (const QString &view : {QStringLiteral("checks"), QStringLiteral("crew"), QStringLiteral("authorisation"),
                                    QStringLiteral("map"), QStringLiteral("staffing"), QStringLiteral("data")}) {
            window->showView(view);
            QCoreApplication::processEvents();
            const QStringList missing = unnamed(window.get());
            QVERIFY2(missing.isEmpty(), qPrintable(view + QStringLiteral(": ") + missing.join(QStringLiteral("; "))));
        }
    }

    void theWindowAndDialogsReadAt1366x768()
    {
        auto window = open();
        QVERIFY(window);
        QStringList problems;
        for (const QString &view : {QStringLiteral("checks"), QStringLiteral("crew"), QStringLiteral("authorisation"),
                                    QStringLiteral("map"), QStringLiteral("staffing"), QStringLiteral("data")}) {
            window->showView(view);
            QCoreApplication::processEvents();
            save(window.get(), QStringLiteral("window-") + view);
            for (const QString &p : cut(window.get()))
                problems << view + QStringLiteral(": ") + p;
        }
        TransparencyDialog transparency(window->document(), window.get());
        AuditDialog audit(window->document(), window.get());
        WhatIfDialog clone(window->document()->scenario(), window.get());
        for (QDialog *dialog : std::initializer_list<QDialog *>{&transparency, &audit, &clone}) {
            dialog->resize(dialog->sizeHint().boundedTo(QSize(1366, 768)).expandedTo(QSize(800, 500)));
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            save(dialog, QString::fromLatin1(dialog->metaObject()->className()).section(QStringLiteral("::"), -1));
            for (const QString &p : cut(dialog))
                problems << QString::fromLatin1(dialog->metaObject()->className()) + QStringLiteral(": ") + p;
            dialog->hide();
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void fullStaffingHasAMarkNotOnlyAColour()
    {
        auto window = open();
        QVERIFY(window);
        StaffingModel *staffing = window->staffingModel();
        bool full = false;
        for (int r = 0; r < staffing->rowCount() && !full; ++r)
            for (int c = 0; c < staffing->columnCount() && !full; ++c) {
                const QModelIndex cell = staffing->index(r, c);
                const QString shown = cell.data().toString();
                const int taken = cell.data(StaffingModel::AbstractedRole).toInt();
                if (taken > 0 && taken == cell.data(StaffingModel::LimitRole).toInt()) { // "14 of 14"
                    full = true;
                    QVERIFY2(shown.contains(QStringLiteral("full")), qPrintable(shown));
                }
            }
        QVERIFY(full); // the demo week fills at least one team's day
    }
};

QTEST_MAIN(AccessTest)
#include "test_access.moc"
