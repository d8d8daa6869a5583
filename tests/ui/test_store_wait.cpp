// Store calls run off the GUI thread (issue 16): a database that makes
// the app wait (here: another program holding its write lock) never
// freezes the window; a slow read can be cancelled from its progress
// dialog; a failure comes back to the GUI thread as the error it was.
#include "document_controller.h"
#include "main_window.h"
#include "off_gui_thread.h"
#include "plan_document.h"
#include "week_board_model.h"

#include "commands/add_deployment.h"

#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
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
        database_ = dir_.filePath(QStringLiteral("demo.db"));
        auto store = openStorage(database_.toStdString(), OpenMode::CreateIfMissing);
        store->importScenario(readScenarioFile(LFRPLAN_DATA_DIR "/demo-week.json"), ImportMode::FailIfExists);
    }

    void aSaveThatWaitsForTheDatabaseKeepsTheWindowAlive()
    {
        MainWindow window;
        QVERIFY(window.openDatabase(database_, {}, true));
        window.resize(1366, 768);
        window.show();
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
        // A refusal would ask in a message box: closed so the test ends.
        QTimer closer;
        connect(&closer, &QTimer::timeout, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->close();
        });
        closer.start(200);
        QElapsedTimer clock;
        clock.start();

        const bool saved = window.documents()->save();

        const qint64 took = clock.elapsed();
        sqlite3_close(other);
        QVERIFY(saved);
        QVERIFY2(took >= 1400, qPrintable(QString::number(took)));
        QVERIFY2(ticks >= 15, qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(took)));
        QVERIFY(doc->undoStack()->isClean());
        const auto stored = openStorage(database_.toStdString(), OpenMode::ExistingOnly)->loadPlan(sc.name);
        QVERIFY(stored);
        QCOMPARE(stored->deployments.size(), doc->deployments().size());
    }

    void aSlowReadIsCancelledFromItsDialog()
    {
        QWidget parent;
        parent.resize(400, 300);
        parent.show();
        auto finished = std::make_shared<std::atomic<bool>>(false);
        // Click Cancel once the dialog shows (after the quiet wait).
        QTimer clicker;
        connect(&clicker, &QTimer::timeout, [&parent] {
            auto *dialog = parent.findChild<QProgressDialog *>(QStringLiteral("storeWait"));
            if (dialog == nullptr || !dialog->isVisible())
                return;
            QVERIFY(dialog->labelText().contains(QStringLiteral("Opening slow.db")));
            auto *cancel = dialog->findChild<QPushButton *>();
            QVERIFY(cancel);
            QTest::mouseClick(cancel, Qt::LeftButton);
        });
        clicker.start(50);
        QElapsedTimer clock;
        clock.start();
        const bool done = runOffGuiThread(&parent, QStringLiteral("Opening slow.db…"), Cancel::Allowed, [finished] {
            std::this_thread::sleep_for(std::chrono::seconds(3));
            finished->store(true);
        });
        QVERIFY(!done);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!finished->load()); // abandoned, still running on its own
        QTRY_VERIFY_WITH_TIMEOUT(finished->load(), 5000);
    }

    void aWriteCannotBeCancelledAndItsErrorComesBack()
    {
        QWidget parent;
        parent.show();
        bool shown = false, offeredCancel = false;
        QTimer look;
        connect(&look, &QTimer::timeout, [&parent, &shown, &offeredCancel] {
            auto *dialog = parent.findChild<QProgressDialog *>(QStringLiteral("storeWait"));
            if (dialog == nullptr || !dialog->isVisible())
                return;
            shown = true;
            offeredCancel = offeredCancel || dialog->findChild<QPushButton *>() != nullptr;
        });
        look.start(50);
        bool threw = false;
        try {
            runOffGuiThread(&parent, QStringLiteral("Saving…"), Cancel::NotAllowed, [] {
                std::this_thread::sleep_for(std::chrono::milliseconds(kQuietWaitMs + 400));
                throw StorageError("demo.db: the disk is full");
            });
        } catch (const StorageError &e) {
            threw = QString::fromUtf8(e.what()).contains(QStringLiteral("the disk is full"));
        }
        QVERIFY(threw);
        QVERIFY(shown);          // it said what it waited for
        QVERIFY(!offeredCancel); // and offered no Cancel
        QVERIFY(runOffGuiThread(&parent, QStringLiteral("quick"), Cancel::NotAllowed, [] {}));
    }
};

QTEST_MAIN(StoreWaitTest)
#include "test_store_wait.moc"
