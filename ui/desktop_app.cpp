#include "desktop_app.h"

#include "data_files.h"
#include "document_controller.h"
#include "gui_tooling.h"
#include "main_window.h"

#include "lfrplan/storage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>
#include <cstring>

namespace lfr::ui {

namespace {

// The command line, described once for both the display-less answer to
// --help/--version and the real run.
struct GuiOptions {
    QCommandLineOption database{QStringLiteral("database"), QStringLiteral("Open this database."),
                                QStringLiteral("FILE")};
    QCommandLineOption scenario{QStringLiteral("scenario"), QStringLiteral("Open this scenario of it."),
                                QStringLiteral("NAME")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("Render the window to PNG and exit (needs no display)."),
                                  QStringLiteral("PNG")};
    QCommandLineOption solve{QStringLiteral("solve"), QStringLiteral("With --screenshot: solve first.")};
    QCommandLineOption show{QStringLiteral("show"), QStringLiteral("With --screenshot: the view in front."),
                            QStringLiteral("VIEW")};
    QCommandLineOption rosterPdf{
        QStringLiteral("roster-pdf"),
        QStringLiteral("Write the printable roster to PDF and exit (with --solve: solve first; needs no display)."),
        QStringLiteral("PDF")};

    void describe(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(QStringLiteral("Plans live facial recognition deployments."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({database, scenario, screenshot, solve, show, rosterPdf});
        parser.addPositionalArgument(QStringLiteral("DATABASE"),
                                     QStringLiteral("A database to open (as --database; the desktop entry's %f)."),
                                     QStringLiteral("[DATABASE]"));
    }
};

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("lfrplan"));
    QCoreApplication::setApplicationName(QStringLiteral("lfrplan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LFRPLAN_VERSION));
}

// Whether argv (before a "--") holds one of names, alone or as "NAME=VALUE".
bool hasArgument(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc && std::strcmp(argv[i], "--") != 0; ++i)
        for (const char *name : names) {
            const std::size_t n = std::strlen(name);
            if (std::strncmp(argv[i], name, n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '='))
                return true;
        }
    return false;
}

// Whether Qt has somewhere to open a window: a display, or a platform the
// user chose.
bool hasDisplay(int argc, char **argv)
{
    for (const char *variable : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        if (!qEnvironmentVariableIsEmpty(variable))
            return true;
    return hasArgument(argc, argv, {"-platform", "--platform"});
}

void explainNoDisplay()
{
    std::fputs("lfrplan-gui: there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
               "Start it from a desktop session, or without one:\n"
               "  xvfb-run -a lfrplan-gui                      the app on a virtual X server (package xvfb)\n"
               "  lfrplan-gui --screenshot app.png [--solve]   a picture of the window, no display needed\n"
               "  lfrplan-gui --roster-pdf roster.pdf --solve  the printable roster, no display needed\n"
               "  QT_QPA_PLATFORM=offscreen lfrplan-gui ...    Qt's offscreen platform: nothing to see or click\n"
               "The command-line tool, lfrplan, needs no display at all. See lfrplan-gui --help.\n",
               stderr);
}

// The user's workspace database, made on first use as the demo database:
// the demo week under the new and the old policy, and the carnival weekend.
QString workspaceDatabase()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    const QString file = dir + QStringLiteral("/lfrplan.db");
    if (!QFileInfo::exists(file))
        createDemoDatabase(file);
    return file;
}

} // namespace

std::optional<int> answerWithoutWindow(int argc, char **argv)
{
    const GuiOptions options;
    // Help and version need no window: answered before a platform loads.
    if (hasArgument(argc, argv, {"-h", "--help", "-?", "--help-all", "-v", "--version"})) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        options.describe(parser);
        parser.process(app); // prints and exits
        return 0;
    }
    if (!hasDisplay(argc, argv)) {
        if (!hasArgument(argc, argv, {"--screenshot", "-screenshot", "--roster-pdf", "-roster-pdf"})) {
            explainNoDisplay();
            return 1;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a picture or a PDF needs no display
    }
    return std::nullopt;
}

int runDesktopApp(QApplication &app)
{
    const GuiOptions options;
    setIdentity();
    QCommandLineParser parser;
    options.describe(parser);
    const auto &[database, scenario, screenshot, solve, show, rosterPdf] = options;
    parser.process(app);
    if (parser.positionalArguments().size() > 1 ||
        (!parser.positionalArguments().isEmpty() && parser.isSet(database))) {
        std::fprintf(stderr, "lfrplan-gui: give one database, either as --database FILE or as FILE\n");
        return 2;
    }

    MainWindow window;
    QString file =
        parser.positionalArguments().isEmpty() ? parser.value(database) : parser.positionalArguments().front();
    try {
        if (file.isEmpty()) {
            const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
            // A server database comes back too (its password, if any, from
            // ~/.pgpass or PGPASSWORD: recent files never keep one).
            const bool usable = !recent.isEmpty() && (lfr::isServerLocation(recent.front().toStdString()) ||
                                                      QFileInfo::exists(recent.front()));
            file = usable ? recent.front() : workspaceDatabase();
        }
    } catch (const std::exception &e) {
        QMessageBox::critical(
            nullptr, QStringLiteral("lfrplan"),
            QStringLiteral("Could not set up the demo database:\n%1").arg(QString::fromStdString(e.what())));
        return 1;
    }
    if (parser.isSet(screenshot) || parser.isSet(rosterPdf)) { // tooling: the file first, then the picture
        if (!window.openDatabase(file, parser.value(scenario), true)) {
            std::fprintf(stderr, "lfrplan-gui: could not open %s\n", qPrintable(file));
            return 1;
        }
        if (parser.isSet(rosterPdf))
            return runRosterPdf(window, parser.value(rosterPdf), parser.isSet(solve));
        return runScreenshot(window, parser.value(screenshot), parser.value(show), parser.isSet(solve));
    }
    // The window shows at once and opens the database in the background.
    window.showAsLeft();
    window.documents()->openInBackground(file, parser.value(scenario), [&window, file](bool opened) {
        if (opened || file == workspaceDatabase())
            return;
        // A broken recent file (said in a message): fall back to the workspace.
        window.documents()->openInBackground(workspaceDatabase());
    });
    return QApplication::exec();
}

} // namespace lfr::ui
