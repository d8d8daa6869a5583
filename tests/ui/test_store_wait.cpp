// Store calls run off the GUI thread (issue 16): a database that makes
// the app wait (here: another program holding its write lock) never
// freezes the window; an open under way can be dropped; a write cannot,
// and its error comes back to the GUI thread as the error it was.
#include "document_controller.h"
#include "main_window.h"
#include "plan_document.h"
#include "store_call.h"
#include "ui_test_support.h"
#include "week_board_model.h"
#include "week_board_view.h"

#include "commands/add_deployment.h"

#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

using namespace lfr;
using namespace lfr::ui;

class StoreWaitTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString database_;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        database_ = lfrtest::makeDemoDatabase(dir_.filePath(QStringLiteral("demo.db")));
    }

    void opensInTheBackground()
    {
        MainWindow window;
        window.show();
        window.documents()->openInBackground(database_);
        QVERIFY(window.documents()->storeCall()->running()); // returned at once
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("storeStatus"))->text().contains(QStringLiteral("Opening")));
        QTRY_VERIFY_WITH_TIMEOUT(window.document() != nullptr, 10000);
        QVERIFY(!window.documents()->storeCall()->running());
        QVERIFY(window.boardModel()->rowCount() > 0);
    }

    void aSaveThatWaitsForTheDatabaseKeepsTheWindowAlive()
    {
        MainWindow window;
        QVERIFY(window.openDatabase(database_, {}, true));
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PlanDocument *doc = window.document();
        const Scenario &sc = doc->scenario();
        Deployment added;
        added.hotspot = sc.hotspots.at(0).id;
        added.date = sc.dates.at(2);
        added.window = sc.windows.at(0).id;
        added.van = sc.vans.at(0).id;
        doc->undoStack()->push(new AddDeployment(doc, added)); // something to save
        QVERIFY(!doc->undoStack()->isClean());

        // Another program holds the write lock for 1.5 s, released by a
        // timer of this (GUI) thread: only a GUI thread left running can
        // release it. On the GUI thread the save waited the store's whole
        // busy timeout, with the window frozen, and then failed.
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open(database_.toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
        QTimer::singleShot(1500, [other] { sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr); });
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, [&ticks] { ++ticks; });
        tick.start(50);
        // A refusal would say so in a message box: closed so the test ends.
        QTimer closer;
        connect(&closer, &QTimer::timeout, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->close();
        });
        closer.start(200);
        QElapsedTimer clock;
        clock.start();

        QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier); // File > Save plan

        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed()))); // the key returned at once
        QVERIFY(window.documents()->storeCall()->running());
        QVERIFY(!window.boardView()->isEnabled()); // the plan may not change meanwhile
        QTRY_VERIFY_WITH_TIMEOUT(!window.documents()->storeCall()->running(), 15000);
        const qint64 took = clock.elapsed();
        sqlite3_close(other);
        QVERIFY2(took >= 1400, qPrintable(QString::number(took)));
        QVERIFY2(ticks >= 15, qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(took)));
        QVERIFY(doc->undoStack()->isClean());
        QVERIFY(window.boardView()->isEnabled());
        const auto stored = openStorage(database_.toStdString(), OpenMode::ExistingOnly)->loadPlan(sc.name);
        QVERIFY(stored);
        QCOMPARE(stored->deployments.size(), doc->deployments().size());
    }

    void closesAfterAskingAndDropsAnOpenUnderWay()
    {
        MainWindow window;
        QVERIFY(window.openDatabase(database_, {}, true));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.documents()->openInBackground(database_); // under way when the window closes
        QVERIFY(window.documents()->storeCall()->running());
        window.close(); // nothing unsaved: closes without asking, once this close has returned
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 5000);
        QVERIFY(!window.documents()->storeCall()->running());
    }

    void anOpenUnderWayIsDropped()
    {
        StoreCall call;
        auto finished = std::make_shared<std::atomic<bool>>(false);
        bool answered = false;
        QVERIFY(call.start(
            QStringLiteral("Opening slow.db…"), Cancel::Allowed,
            [finished] {
                std::this_thread::sleep_for(std::chrono::milliseconds(800));
                finished->store(true);
            },
            [&answered](std::exception_ptr) { answered = true; }));
        QVERIFY(call.cancellable());
        QVERIFY(!call.start(
            QStringLiteral("another"), Cancel::Allowed, [] {}, [](std::exception_ptr) {}));
        QVERIFY(call.cancel());
        QVERIFY(!call.running());
        QTRY_VERIFY_WITH_TIMEOUT(finished->load(), 5000); // it ran to its end on its own
        QTest::qWait(100);
        QVERIFY(!answered); // and its answer went nowhere
    }

    void aWriteCannotBeDroppedAndItsErrorComesBack()
    {
        StoreCall call;
        QString error;
        QVERIFY(call.start(
            QStringLiteral("Saving…"), Cancel::NotAllowed,
            [] {
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                throw StorageError("demo.db: the disk is full");
            },
            [&error](std::exception_ptr e) {
                try {
                    std::rethrow_exception(e);
                } catch (const StorageError &s) {
                    error = QString::fromUtf8(s.what());
                }
            }));
        QVERIFY(!call.cancellable());
        QVERIFY(!call.cancel());
        QVERIFY(call.running());
        QTRY_VERIFY_WITH_TIMEOUT(!call.running(), 5000);
        QVERIFY(error.contains(QStringLiteral("the disk is full")));
    }
};

QTEST_MAIN(StoreWaitTest)
#include "test_store_wait.moc"
