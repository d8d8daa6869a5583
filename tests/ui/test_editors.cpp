// The force data editors (issue 17, finding 14), driven with real clicks and
// keys: rank and team are picked from lists; officers and vans are added
// and deleted in the app, one undoable step each, and one still in use is
// kept with a message saying where.
#include "data_editors.h"
#include "document_view.h"
#include "main_window.h"
#include "plan_document.h"
#include "ui_window_support.h"
#include "week_board_model.h"

#include "lfrplan/scenario_io.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

using namespace lfr;
using namespace lfr::ui;

class EditorsTest : public QObject {
    Q_OBJECT

private:
    lfrtest::SolvedDemoWeek demo_;

    std::unique_ptr<MainWindow> open()
    {
        auto window = demo_.open();
        if (!window)
            return nullptr;
        window->showView(QStringLiteral("data"));
        return window;
    }

    // Answers the next input dialog with `text` (and OK) once it is up.
    void answerNextDialog(const QString &text, bool *answered)
    {
        QTimer::singleShot(150, this, [text, answered] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *line = dialog->findChild<QLineEdit *>();
            line->selectAll();
            QTest::keyClicks(line, text);
            QTest::keyClick(line, Qt::Key_Return);
            *answered = true;
        });
    }

    static QModelIndex cellOf(DataEditor *editor, const QString &id, int column)
    {
        QAbstractItemModel *proxy = editor->view()->model();
        for (int r = 0; r < proxy->rowCount(); ++r)
            if (proxy->index(r, 0).data().toString() == id)
                return proxy->index(r, column);
        return {};
    }

private slots:
    void initTestCase() { QVERIFY(demo_.make()); }

    void rankAndTeamArePickedFromLists()
    {
        auto window = open();
        QVERIFY(window);
        DataEditor *officers = window->officersEditor();
        QTableView *view = officers->view();
        const Officer &first = window->document()->scenario().officers.front();
        const QString id = QString::fromStdString(first.id);
        const QModelIndex rank = cellOf(officers, id, 2);
        QVERIFY(rank.isValid());
        view->scrollTo(rank);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(rank).center());
        QTest::keyClick(view, Qt::Key_F2);
        QComboBox *box = nullptr;
        QTRY_VERIFY((box = view->findChild<QComboBox *>(QStringLiteral("choiceEditor"))) && box->isVisible());
        QCOMPARE(box->count(), 7); // PC to Cmdr
        QCOMPARE(box->currentText(), QString::fromStdString(std::string(rankName(first.rank))));
        QTest::keyClick(box, Qt::Key_End); // Cmdr
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_COMPARE(window->document()->scenario().officers.front().rank, Rank::Cmdr);

        const QModelIndex team = cellOf(officers, id, 3);
        view->scrollTo(team);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(team).center());
        QTest::keyClick(view, Qt::Key_F2);
        QTRY_VERIFY((box = view->findChild<QComboBox *>(QStringLiteral("choiceEditor"))) && box->isVisible());
        QCOMPARE(box->count(), static_cast<int>(window->document()->scenario().teams.size()));
        QVERIFY(box->itemText(0).contains(QString::fromStdString(window->document()->scenario().teams[0].name)));
        QTest::keyClick(box, Qt::Key_End);
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_COMPARE(window->document()->scenario().officers.front().team,
                     window->document()->scenario().teams.back().id);
    }

    void addsAndDeletesOfficers()
    {
        auto window = open();
        QVERIFY(window);
        PlanDocument *doc = window->document();
        DataEditor *officers = window->officersEditor();
        const std::size_t before = doc->scenario().officers.size();
        bool answered = false;
        answerNextDialog(QStringLiteral("MP900001"), &answered);
        QTest::mouseClick(officers->addButton(), Qt::LeftButton);
        QVERIFY(answered);
        QCOMPARE(doc->scenario().officers.size(), before + 1);
        QCOMPARE(doc->scenario().officers.back().id, std::string("MP900001"));
        QCOMPARE(officers->view()->model()->rowCount(), static_cast<int>(before + 1));
        QCOMPARE(officers->view()->currentIndex().siblingAtColumn(0).data().toString(), QStringLiteral("MP900001"));
        // A taken id is refused, and nothing is added.
        answered = false;
        answerNextDialog(QStringLiteral("MP900001"), &answered);
        QTest::mouseClick(officers->addButton(), Qt::LeftButton);
        QVERIFY(answered);
        QCOMPARE(doc->scenario().officers.size(), before + 1);
        QVERIFY2(officers->message()->text().contains(QStringLiteral("taken")),
                 qPrintable(officers->message()->text()));
        // The new one deleted (it is picked), then the delete undone.
        QTest::mouseClick(officers->deleteButton(), Qt::LeftButton);
        QCOMPARE(doc->scenario().officers.size(), before);
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().officers.size(), before + 1);
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().officers.size(), before);

        // An officer in a crew is kept, with where they are.
        const std::string crewed = doc->deployments().front().crew.front().officer;
        const QModelIndex cell = cellOf(officers, QString::fromStdString(crewed), 1);
        officers->view()->setCurrentIndex(cell);
        QTest::mouseClick(officers->deleteButton(), Qt::LeftButton);
        QCOMPARE(doc->scenario().officers.size(), before);
        QVERIFY2(officers->message()->text().contains(QStringLiteral("in the crew of")),
                 qPrintable(officers->message()->text()));
    }

    void addsAndDeletesVans()
    {
        auto window = open();
        QVERIFY(window);
        PlanDocument *doc = window->document();
        DataEditor *vans = window->view()->vansEditor();
        const std::size_t before = doc->scenario().vans.size();
        const int rows = window->boardModel()->rowCount();
        bool answered = false;
        answerNextDialog(QStringLiteral("LFR-9"), &answered);
        QTest::mouseClick(vans->addButton(), Qt::LeftButton);
        QVERIFY(answered);
        QCOMPARE(doc->scenario().vans.size(), before + 1);
        // The board has the new van's rows.
        QCOMPARE(window->boardModel()->rowCount(), rows + static_cast<int>(doc->scenario().windows.size()));
        QVERIFY(window->boardModel()->headerData(rows, Qt::Vertical).toString().contains(QStringLiteral("LFR-9")));
        QTest::mouseClick(vans->deleteButton(), Qt::LeftButton); // the new one, picked
        QCOMPARE(doc->scenario().vans.size(), before);
        QCOMPARE(window->boardModel()->rowCount(), rows);
        // A van with deployments is kept.
        const QModelIndex used = cellOf(vans, QString::fromStdString(doc->deployments().front().van), 1);
        vans->view()->setCurrentIndex(used);
        QTest::mouseClick(vans->deleteButton(), Qt::LeftButton);
        QCOMPARE(doc->scenario().vans.size(), before);
        QVERIFY2(vans->message()->text().contains(QStringLiteral("is used by")), qPrintable(vans->message()->text()));
    }
};

QTEST_MAIN(EditorsTest)
#include "test_editors.moc"
