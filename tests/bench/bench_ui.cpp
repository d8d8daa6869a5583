// The desktop app at the 33,000-officer size (issue 4): how long a database
// takes to open into the main window, how the officers table filters,
// sorts and scrolls, and how long one card added and undone takes to reach
// the board and the staffing table (issue 16: validation, then dataChanged
// for the cells that changed). Runs on the offscreen platform; best of 3 each.
//
//   QT_QPA_PLATFORM=offscreen ./build/tests/bench/bench_ui [--officers N]
#include "commands/add_deployment.h"
#include "data_editors.h"
#include "main_window.h"
#include "plan_document.h"
#include "staffing_model.h"
#include "week_board_model.h"

#include "lfrplan/generator.h"
#include "lfrplan/storage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>

namespace {

double bestOf3(const std::function<void()> &f)
{
    double best = 1e300;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    int officers = 33000;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--officers") == 0)
            officers = std::atoi(argv[i + 1]);

    lfr::GeneratorOptions o;
    o.officers = officers;
    o.teams = 120;
    o.hotspots = 120;
    o.vans = 10;
    o.dates = 7;
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("big.db"));
    const lfr::Scenario scenario = lfr::generateScenario(o);
    lfr::openStorage(db.toStdString())->importScenario(scenario, lfr::ImportMode::FailIfExists);
    std::printf("%d officers, %zu teams, %zu hotspots, %zu dates\n", officers, scenario.teams.size(),
                scenario.hotspots.size(), scenario.dates.size());

    lfr::ui::MainWindow window;
    window.resize(1366, 768);
    window.show();
    const double open = bestOf3([&] {
        window.openDatabase(db, QString::fromStdString(scenario.name), true);
        QApplication::processEvents();
    });
    std::printf("open the database into the main window: %.0f ms\n", open);

    lfr::ui::DataEditor *editor = window.officersEditor();
    window.showView(QStringLiteral("data"));
    QApplication::processEvents();
    int shown = 0;
    // A prefix of an officer id: matches a slice of the table.
    const QString needle = QString::fromStdString(scenario.officers[scenario.officers.size() / 2].id).left(5);
    const double filter = bestOf3([&] {
        editor->filter()->setText(needle);
        shown = editor->proxy()->rowCount();
        QApplication::processEvents();
        editor->filter()->clear();
        QApplication::processEvents();
    });
    std::printf("filter the officers table (\"%s\": %d rows) and clear it: %.0f ms\n", qPrintable(needle), shown,
                filter);
    const double sort = bestOf3([&] {
        editor->view()->sortByColumn(1, Qt::AscendingOrder);
        QApplication::processEvents();
        editor->view()->sortByColumn(0, Qt::AscendingOrder);
        QApplication::processEvents();
    });
    std::printf("sort the officers table by name and back by id: %.0f ms\n", sort);
    const double scroll = bestOf3([&] {
        QScrollBar *bar = editor->view()->verticalScrollBar();
        for (int step = 0; step <= 20; ++step) {
            bar->setValue(bar->maximum() * step / 20);
            editor->view()->viewport()->repaint();
        }
    });
    std::printf("scroll the officers table top to bottom in 20 repainted steps: %.1f ms (%.1f ms a step)\n", scroll,
                scroll / 21);

    lfr::ui::PlanDocument *doc = window.document();
    lfr::Deployment card;
    card.hotspot = scenario.hotspots.front().id;
    card.date = scenario.dates.front();
    card.window = scenario.windows.front().id;
    card.van = scenario.vans.front().id;
    long long boardCells = 0, staffingCells = 0;
    QObject::connect(window.boardModel(), &QAbstractItemModel::dataChanged, [&boardCells] { ++boardCells; });
    QObject::connect(window.staffingModel(), &QAbstractItemModel::dataChanged, [&staffingCells] { ++staffingCells; });
    const double edit = bestOf3([&] {
        doc->undoStack()->push(new lfr::ui::AddDeployment(doc, card));
        QApplication::processEvents();
        doc->undoStack()->undo();
        QApplication::processEvents();
    });
    std::printf("add a card and undo it, to the board (%d x %d cells) and staffing (%d x %d): %.1f ms "
                "(%.1f ms each way; cells repainted: %lld board, %lld staffing, over 6 changes)\n",
                window.boardModel()->rowCount(), window.boardModel()->columnCount(), window.staffingModel()->rowCount(),
                window.staffingModel()->columnCount(), edit, edit / 2, boardCells, staffingCells);
    return 0;
}
