// Shared by the UI test programs that drive the demo week in a window.
#pragma once

#include "main_window.h"
#include "ui_test_support.h"

#include "lfrplan/scenario_io.h"

#include <QApplication>
#include <QSize>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace lfrtest {

// The demo week with its solved plan, in a database of its own.
class SolvedDemoWeek {
public:
    // Makes the database (test-mode settings and data paths); false when
    // there is no temporary folder.
    bool make()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!dir_.isValid())
            return false;
        database_ = makeSolvedDemoDatabase(dir_.filePath(QStringLiteral("demo.db")));
        week_ = QString::fromStdString(lfr::readScenarioFile(LFRPLAN_DATA_DIR "/demo-week.json").name);
        return true;
    }
    const QString &database() const { return database_; }
    const QString &week() const { return week_; } // its name: some tests add scenarios beside it

    // A window on it at `size`, shown, exposed and active; null when it
    // could not be opened or shown.
    std::unique_ptr<lfr::ui::MainWindow> open(QSize size = {1366, 768}) const
    {
        auto window = std::make_unique<lfr::ui::MainWindow>();
        if (!window->openDatabase(database_, week_, true))
            return nullptr;
        window->resize(size);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        QApplication::setActiveWindow(window.get());
        return window;
    }

private:
    QTemporaryDir dir_;
    QString database_, week_;
};

} // namespace lfrtest
