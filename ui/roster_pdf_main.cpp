// lfrplan-roster-pdf: the PDF renderer behind `lfrplan export-pdf`, which
// links no Qt (docs/architecture.md). Installed in libexec/lfrplan/, built
// beside lfrplan in the build tree.
//
// Standard input: one JSON object {"scenario": SCENARIO, "plan": PLAN} (the
// formats of docs/planning-problem.md). Standard output: the PDF's bytes.
// Standard error: "warning: ..." lines for characters that print as a box,
// or what went wrong. Exit 0 when a PDF was written (warnings or not), 2
// otherwise (nothing on standard output then).
//
// It never needs a display: it always uses Qt's offscreen platform, whatever
// QT_QPA_PLATFORM says (a desktop session's "xcb" left in the environment
// would make Qt abort over ssh or in cron), and --help touches no Qt at all.
#include "roster_pdf.h"

#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"

#include <QGuiApplication>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <string>

#include <nlohmann/json.hpp>

namespace {

constexpr const char *kName = "lfrplan-roster-pdf";

// Qt's own messages are for developers (a missing XDG_RUNTIME_DIR, the
// offscreen platform's remarks); only what stops the PDF is the planner's
// business, and that is reported below in their words.
void quietQt(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(stderr, "%s: Qt: %s\n", kName, message.toUtf8().constData());
}

int fail(const std::string &message)
{
    std::fprintf(stderr, "%s: %s\n", kName, message.c_str());
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1) {
        const std::string arg = argv[1];
        if (argc == 2 && (arg == "--help" || arg == "-h")) {
            std::printf("usage: %s < INPUT.json > ROSTER.pdf\n\n"
                        "The PDF renderer of lfrplan export-pdf (use that command instead). Reads\n"
                        "{\"scenario\": ..., \"plan\": ...} on standard input and writes the printable\n"
                        "roster as a PDF on standard output; warnings on standard error. Needs no display.\n",
                        kName);
            return 0;
        }
        return fail("unexpected argument \"" + arg + "\" (see --help)");
    }
    lfr::Scenario scenario;
    lfr::Plan plan;
    try {
        std::string input;
        char buffer[65536];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0;)
            input.append(buffer, n);
        if (std::ferror(stdin))
            return fail(std::string("cannot read standard input: ") + std::strerror(errno));
        const nlohmann::json j = nlohmann::json::parse(input);
        if (!j.is_object() || !j.contains("scenario") || !j.contains("plan"))
            return fail("standard input: expected {\"scenario\": ..., \"plan\": ...}");
        scenario = lfr::readScenario(j.at("scenario").dump());
        plan = lfr::readPlan(j.at("plan").dump());
    } catch (const std::bad_alloc &) {
        return fail("out of memory reading the scenario and plan");
    } catch (const std::exception &e) {
        return fail(std::string("standard input: ") + e.what());
    }

    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietQt);
    QGuiApplication app(argc, argv);
    const lfr::ui::RosterPdf roster = lfr::ui::renderRosterPdf(scenario, plan.deployments);
    if (!roster.error.isEmpty())
        return fail(roster.error.toStdString());
    for (const QString &warning : roster.warnings)
        std::fprintf(stderr, "warning: %s\n", warning.toUtf8().constData());
    std::fflush(stderr);
    const auto size = static_cast<std::size_t>(roster.pdf.size());
    if (std::fwrite(roster.pdf.constData(), 1, size, stdout) != size || std::fflush(stdout) != 0)
        return fail(std::string("cannot write the PDF to standard output: ") + std::strerror(errno));
    return 0;
}
