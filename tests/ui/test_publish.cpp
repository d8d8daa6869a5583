// Plan > Publish… and the board's marks of what differs from the last
// published version (issue 20), driven with real mouse and key events on
// the real widgets: the menu, the confirmation, the version stored with
// the login; a crew changed on the board is marked and listed until undone
// or published; the action says why it is disabled; the store's refusals
// are shown and lose nothing.
#include "card_delegate.h"
#include "crew_panel.h"
#include "demo_desk.h"
#include "document_controller.h"
#include "main_window.h"
#include "plan_document.h"
#include "publish_dialog.h"
#include "publish_panel.h"
#include "store_call.h"
#include "ui_test_support.h"
#include "week_board_model.h"
#include "week_board_view.h"

#include "lfrplan/audit_chain.h"
#include "lfrplan/publishing.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionViewItem>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace lfr;
using namespace lfr::ui;

namespace {

QString text(const std::string &s) { return QString::fromStdString(s); }

using Desk = lfrtest::DemoDesk;
using lfrtest::idle;

} // namespace

class PublishTest : public QObject {
    Q_OBJECT

private:
    // Opens `title` in the menu bar and clicks `item` in it, as a mouse does.
    static bool choose(MainWindow &window, const QString &title, const QString &item)
    {
        QMenuBar *bar = window.menuBar();
        QAction *menuAction = nullptr;
        for (QAction *a : bar->actions())
            if (a->text() == title)
                menuAction = a;
        if (!menuAction || !menuAction->menu())
            return false;
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(menuAction).center());
        QMenu *menu = menuAction->menu();
        if (!QTest::qWaitFor([menu] { return menu->isVisible(); }))
            return false;
        for (QAction *a : menu->actions())
            if (a->text() == item) {
                QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(a).center());
                if (menu->isVisible()) // a disabled item leaves the menu up
                    QTest::keyClick(menu, Qt::Key_Escape);
                return true;
            }
        return false;
    }

    // A key as the planner presses it: to the widget with the focus.
    static void press(MainWindow &window, Qt::Key key, Qt::KeyboardModifiers modifiers)
    {
        // The offscreen platform has no window manager to give the window
        // back its activation when a dialog closes; shortcuts need it.
        if (QApplication::activeWindow() != &window)
            QApplication::setActiveWindow(&window);
        QWidget *focus = QApplication::focusWidget();
        QTest::keyClick(focus && focus->window() == &window ? focus : &window, key, modifiers);
    }

    static PublishDialog *publishDialog()
    {
        PublishDialog *dialog = nullptr;
        (void)QTest::qWaitFor([&] {
            dialog = qobject_cast<PublishDialog *>(QApplication::activeModalWidget());
            return dialog != nullptr;
        });
        return dialog;
    }

    static void clickCard(MainWindow &window, std::size_t d)
    {
        WeekBoardView *board = window.boardView();
        const QModelIndex cell = window.boardModel()->indexOf(d);
        board->scrollTo(cell);
        QTest::mouseClick(board->viewport(), Qt::LeftButton, {}, board->visualRect(cell).center());
    }

    static void clickRow(QTableWidget *table, int row)
    {
        table->scrollToItem(table->item(row, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(table->item(row, 0)).center());
    }

    static QPushButton *button(QWidget *parent, const QString &label)
    {
        for (QPushButton *b : parent->findChildren<QPushButton *>())
            if (b->text() == label)
                return b;
        return nullptr;
    }

    // Swaps deployment `d`'s first officer for the nearest candidate that
    // keeps every hard constraint, through the crew panel's buttons.
    static bool swapFirstOfficer(MainWindow &window, std::size_t d)
    {
        window.showView(QStringLiteral("crew"));
        clickCard(window, d);
        CrewPanel *panel = window.crewPanel();
        QPushButton *swap = button(panel, QStringLiteral("Swap with selected"));
        if (!swap)
            return false;
        const auto depth = window.document()->undoStack()->index();
        for (int row = 0; row < std::min(12, panel->candidateTable()->rowCount()); ++row) {
            clickRow(panel->crewTable(), 0);
            clickRow(panel->candidateTable(), row);
            QTest::mouseClick(swap, Qt::LeftButton);
            if (window.document()->undoStack()->index() == depth)
                return false; // nothing happened
            if (window.document()->report().valid())
                return true;
            press(window, Qt::Key_Z, Qt::ControlModifier);
        }
        return false;
    }

    // Publishes from Plan > Publish…, checking the dialog names `version`.
    static bool publishFromTheMenu(MainWindow &window, int version)
    {
        if (!choose(window, QStringLiteral("&Plan"), QStringLiteral("P&ublish…")))
            return false;
        PublishDialog *dialog = publishDialog();
        if (!dialog || !dialog->headingText().contains(QStringLiteral("as version %1?").arg(version)))
            return false;
        QTest::mouseClick(dialog->publishButton(), Qt::LeftButton);
        return QTest::qWaitFor([&] { return idle(window) && window.document()->published(); }, 10000);
    }

    // What the layout paints on the card of deployment `d`.
    static CardDelegate::Layout cardLayout(MainWindow &window, std::size_t d)
    {
        const QModelIndex cell = window.boardModel()->indexOf(d);
        QStyleOptionViewItem option;
        option.initFrom(window.boardView());
        option.font = window.boardView()->font();
        option.rect = window.boardView()->visualRect(cell);
        return CardDelegate::layout(option, cell);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void publishesVersionOneFromTheMenu()
    {
        Desk desk;
        QVERIFY(desk.open(Desk::Start::Solved));
        MainWindow &w = *desk.window;
        QAction *publish = w.publishAction();
        QVERIFY(publish->isEnabled());
        QCOMPARE(publish->toolTip(), QStringLiteral("Publish the saved plan as version 1"));
        QCOMPARE(w.publishedStatus()->text(), QStringLiteral("Not published yet"));
        QVERIFY(w.changesPanel()->summaryText().startsWith(QStringLiteral("No published version yet")));

        // The confirmation: the version, the login, the first version; Cancel publishes nothing.
        QVERIFY(choose(w, QStringLiteral("&Plan"), QStringLiteral("P&ublish…")));
        PublishDialog *dialog = publishDialog();
        QVERIFY(dialog);
        QVERIFY2(dialog->headingText().contains(QStringLiteral("as version 1?")), qPrintable(dialog->headingText()));
        QVERIFY(dialog->headingText().contains(text(operatingSystemLogin())));
        QVERIFY2(dialog->changesText().contains(QStringLiteral("first version")), qPrintable(dialog->changesText()));
        QCOMPARE(dialog->publishButton()->text(), QStringLiteral("Publish version 1"));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QVERIFY(!desk.store()->lastPublished(desk.week));

        QVERIFY(publishFromTheMenu(w, 1));
        const auto stored = desk.store()->publishedVersions(desk.week);
        QCOMPARE(stored.size(), std::size_t{1});
        QCOMPARE(stored[0].version, 1);
        QCOMPARE(stored[0].publishedBy, operatingSystemLogin()); // the OS login, never typed
        QCOMPARE(stored[0].plan.deployments, desk.doc()->deployments());
        QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("Published as version 1"));
        QCOMPARE(w.publishedStatus()->text(), QStringLiteral("Published as version 1"));
        QVERIFY2(
            w.changesPanel()->summaryText().startsWith(
                QStringLiteral("No changes since version 1, published by %1 at ").arg(text(operatingSystemLogin()))),
            qPrintable(w.changesPanel()->summaryText()));
        QVERIFY(!publish->isEnabled());
        QVERIFY2(publish->toolTip().contains(QStringLiteral("Nothing to publish")), qPrintable(publish->toolTip()));
        for (std::size_t d = 0; d < desk.doc()->deployments().size(); ++d)
            QVERIFY(w.boardModel()->indexOf(d).data(WeekBoardModel::PublishedChangeRole).toString().isEmpty());
    }

    void aChangedCrewIsMarkedUntilUndone()
    {
        Desk desk;
        QVERIFY(desk.open(Desk::Start::Solved));
        MainWindow &w = *desk.window;
        QVERIFY(publishFromTheMenu(w, 1));
        const QModelIndex card = w.boardModel()->indexOf(0);
        QVERIFY(card.data(WeekBoardModel::PublishedChangeRole).toString().isEmpty());

        QVERIFY(swapFirstOfficer(w, 0));
        // The card: a mark in words, the changes in its tooltip and its text read aloud.
        QCOMPARE(card.data(WeekBoardModel::PublishedChangeRole).toString(), QStringLiteral("changed since v1"));
        const QString tip = card.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Since published version 1:")) &&
                     tip.contains(QStringLiteral(" replaces ")),
                 qPrintable(tip));
        QVERIFY(card.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("changed since v1: ")));
        // Painted as a tag (words, not a colour alone), over no text.
        const CardDelegate::Layout l = cardLayout(w, 0);
        int marks = 0;
        for (const CardDelegate::Tag &tag : l.tags) {
            if (tag.text == QLatin1String("changed since v1") || tag.text == QLatin1String("≠v1"))
                ++marks;
            for (const CardDelegate::Piece &piece : l.text)
                QVERIFY2(!tag.rect.intersects(piece.rect),
                         qPrintable(tag.text + QStringLiteral(" over ") + piece.text));
        }
        QCOMPARE(marks, 1);
        // Only that card is marked.
        for (std::size_t d = 1; d < desk.doc()->deployments().size(); ++d)
            if (w.boardModel()->indexOf(d) != card)
                QVERIFY(w.boardModel()->indexOf(d).data(WeekBoardModel::PublishedChangeRole).toString().isEmpty());

        // The changes view lists it under its date; picking the line picks the card.
        w.showView(QStringLiteral("changes"));
        PublishPanel *panel = w.changesPanel();
        QVERIFY(panel->isVisible());
        const QStringList lines = panel->lines();
        const QString day = text(shortDate(desk.doc()->deployments()[0].date));
        QVERIFY2(lines.size() == 2 && lines[0] == day && lines[1].contains(QStringLiteral(" replaces ")),
                 qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY(panel->summaryText().contains(QStringLiteral("Since version 1, published by")));
        QVERIFY(panel->summaryText().contains(QStringLiteral("unsaved changes included")));
        QCOMPARE(w.publishedStatus()->text(), QStringLiteral("1 change(s) since published version 1"));
        w.boardView()->setCurrentIndex(w.boardModel()->index(0, 0)); // elsewhere
        QListWidget *list = panel->changeList();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
        QCOMPARE(w.boardView()->currentDeployment(), 0);

        // Unsaved: not publishable, and the tooltip says why.
        QVERIFY(!w.publishAction()->isEnabled());
        QVERIFY2(w.publishAction()->toolTip().contains(QStringLiteral("unsaved changes")),
                 qPrintable(w.publishAction()->toolTip()));

        // Undo: the mark and the line go.
        press(w, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(card.data(WeekBoardModel::PublishedChangeRole).toString().isEmpty());
        QVERIFY(!card.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Since published version")));
        QVERIFY(panel->lines().isEmpty());
        QVERIFY(panel->summaryText().startsWith(QStringLiteral("No changes since version 1")));
        QCOMPARE(w.publishedStatus()->text(), QStringLiteral("Published as version 1"));
        // Redo: back again.
        press(w, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(card.data(WeekBoardModel::PublishedChangeRole).toString(), QStringLiteral("changed since v1"));
    }

    void publishingAgainClearsTheMarks()
    {
        Desk desk;
        QVERIFY(desk.open(Desk::Start::Solved));
        MainWindow &w = *desk.window;
        QVERIFY(publishFromTheMenu(w, 1));
        QVERIFY(swapFirstOfficer(w, 0));
        const QModelIndex card = w.boardModel()->indexOf(0);
        QVERIFY(!card.data(WeekBoardModel::PublishedChangeRole).toString().isEmpty());
        press(w, Qt::Key_S, Qt::ControlModifier); // File > Save plan
        QTRY_VERIFY_WITH_TIMEOUT(idle(w) && desk.doc()->undoStack()->isClean(), 10000);
        QVERIFY(w.publishAction()->isEnabled());
        QCOMPARE(w.publishAction()->toolTip(), QStringLiteral("Publish the saved plan as version 2"));
        // Saved, not yet published: still marked.
        QCOMPARE(card.data(WeekBoardModel::PublishedChangeRole).toString(), QStringLiteral("changed since v1"));

        QVERIFY(choose(w, QStringLiteral("&Plan"), QStringLiteral("P&ublish…")));
        PublishDialog *dialog = publishDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->headingText().contains(QStringLiteral("as version 2?")));
        const QString changes = dialog->changesText();
        QVERIFY2(changes.startsWith(QStringLiteral("1 change(s) since version 1, published by ")) &&
                     changes.contains(QStringLiteral(" replaces ")),
                 qPrintable(changes));
        QTest::mouseClick(dialog->publishButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(idle(w) && desk.doc()->published() && desk.doc()->published()->version == 2, 10000);

        QCOMPARE(desk.store()->publishedVersions(desk.week).size(), std::size_t{2});
        QVERIFY(card.data(WeekBoardModel::PublishedChangeRole).toString().isEmpty());
        for (const CardDelegate::Tag &tag : cardLayout(w, 0).tags)
            QVERIFY2(!tag.text.contains(QStringLiteral("v1")), qPrintable(tag.text));
        QCOMPARE(w.publishedStatus()->text(), QStringLiteral("Published as version 2"));
        QVERIFY(w.changesPanel()->lines().isEmpty());
        QVERIFY(w.changesPanel()->summaryText().startsWith(QStringLiteral("No changes since version 2")));
        // Undo now changes the board against version 2: marked again, truly.
        press(w, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(card.data(WeekBoardModel::PublishedChangeRole).toString(), QStringLiteral("changed since v2"));
    }

    void saysWhyItCannotPublish()
    {
        Desk desk;
        QVERIFY(desk.open(Desk::Start::Solved));
        MainWindow &w = *desk.window;
        QAction *publish = w.publishAction();
        QVERIFY(publish->isEnabled());
        // Unsaved and broken: a crew member taken off.
        w.showView(QStringLiteral("crew"));
        clickCard(w, 0);
        clickRow(w.crewPanel()->crewTable(), 0);
        QTest::mouseClick(button(w.crewPanel(), QStringLiteral("Take off crew")), Qt::LeftButton);
        QVERIFY(!desk.doc()->report().valid());
        QVERIFY(!publish->isEnabled());
        QVERIFY2(publish->toolTip().contains(QStringLiteral("unsaved changes")), qPrintable(publish->toolTip()));
        QVERIFY(choose(w, QStringLiteral("&Plan"), QStringLiteral("P&ublish…")));
        QTest::qWait(100);
        QVERIFY(!qobject_cast<PublishDialog *>(QApplication::activeModalWidget()));
        // Saved as it is: the plan breaks a hard constraint.
        press(w, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(idle(w) && desk.doc()->undoStack()->isClean(), 10000);
        QVERIFY(!publish->isEnabled());
        QVERIFY2(publish->toolTip().contains(QStringLiteral("breaks 1 hard constraint")),
                 qPrintable(publish->toolTip()));
        // A role that may not publish (a commander on the server).
        w.applyPermissions(Permissions{"commander", false, false, true, true, true, true});
        QVERIFY(!publish->isEnabled());
        QVERIFY2(publish->toolTip().contains(QStringLiteral("(commander) may not publish plans")),
                 qPrintable(publish->toolTip()));
        QVERIFY(!desk.store()->lastPublished(desk.week));

        // No saved plan at all.
        Desk bare;
        QVERIFY(bare.open(Desk::Start::Bare));
        QVERIFY(!bare.window->publishAction()->isEnabled());
        QVERIFY2(bare.window->publishAction()->toolTip().contains(QStringLiteral("no saved plan")),
                 qPrintable(bare.window->publishAction()->toolTip()));
    }

    void refusalsAreShownAndLoseNothing()
    {
        Desk desk;
        QVERIFY(desk.open(Desk::Start::Solved));
        MainWindow &w = *desk.window;
        const std::vector<Deployment> board = desk.doc()->deployments();
        // Published meanwhile elsewhere (lfrplan publish, the same login):
        // the app still offers version 1; the store says there is nothing new.
        publishSavedPlan(*desk.store(), desk.week);
        QVERIFY(choose(w, QStringLiteral("&Plan"), QStringLiteral("P&ublish…")));
        PublishDialog *dialog = publishDialog();
        QVERIFY(dialog);
        QTest::mouseClick(dialog->publishButton(), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) != nullptr,
                                 10000);
        QCOMPARE(box->objectName(), QStringLiteral("publishRefused"));
        QVERIFY2(box->text().contains(QStringLiteral("those of published version 1")) &&
                     box->text().contains(QStringLiteral("nothing of yours is lost")),
                 qPrintable(box->text()));
        QTest::keyClick(box, Qt::Key_Return);
        // The app read the last version again: the board is that version, unmarked.
        QTRY_VERIFY_WITH_TIMEOUT(idle(w) && desk.doc()->published(), 10000);
        QCOMPARE(w.publishedStatus()->text(), QStringLiteral("Published as version 1"));
        QCOMPARE(desk.doc()->deployments(), board);
        QCOMPARE(desk.store()->publishedVersions(desk.week).size(), std::size_t{1});
    }

    void aPlanSavedElsewhereIsNotPublished()
    {
        Desk desk;
        QVERIFY(desk.open(Desk::Start::Solved));
        MainWindow &w = *desk.window;
        const std::vector<Deployment> board = desk.doc()->deployments();
        // Someone saves another plan after the board read it: publishing
        // would publish theirs, not what the planner sees, so it is refused.
        {
            auto other = desk.store();
            Plan plan = *other->loadPlan(desk.week);
            plan.deployments.pop_back();
            other->savePlan(desk.week, plan);
        }
        QVERIFY(w.publishAction()->isEnabled()); // the app cannot know before it asks
        QVERIFY(choose(w, QStringLiteral("&Plan"), QStringLiteral("P&ublish…")));
        PublishDialog *dialog = publishDialog();
        QVERIFY(dialog);
        QTest::mouseClick(dialog->publishButton(), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) != nullptr,
                                 10000);
        QVERIFY2(box->text().contains(QStringLiteral("someone saved another since")) &&
                     box->text().contains(QStringLiteral("nothing of yours is lost")),
                 qPrintable(box->text()));
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(idle(w), 10000);
        QVERIFY(desk.store()->publishedVersions(desk.week).empty());
        QCOMPARE(desk.doc()->deployments(), board);
        QCOMPARE(w.publishedStatus()->text(), QStringLiteral("Not published yet"));
    }
};

QTEST_MAIN(PublishTest)
#include "test_publish.moc"
