// Issue 18, finding 13: `lfrplan export-pdf`, the printable roster without a
// display, by the same rules as the other exports. The CLI links no Qt: it
// runs lfrplan-roster-pdf, built with the desktop app beside lfrplan. When
// the UI is built, tests/ui/CMakeLists.txt defines LFRPLAN_PDF_RENDERER (its
// path) for these tests; without it, export-pdf must say that the renderer
// is not part of the build.
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "process_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using lfrtest::ProcessRun;
using lfrtest::ScratchDir;

// Runs `program` as runProcess does, with no display in the environment
// (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM removed) and `extra` set.
ProcessRun runHeadless(const std::string &program, const std::vector<std::string> &args, const ScratchDir &dir,
                       const std::map<std::string, std::string> &extra = {})
{
    std::vector<std::string> env;
    for (const std::string &entry : lfrtest::currentEnvironment()) {
        const std::string name = entry.substr(0, entry.find('='));
        if (name != "DISPLAY" && name != "WAYLAND_DISPLAY" && name != "QT_QPA_PLATFORM" &&
            name != "LFRPLAN_PDF_RENDERER" && !extra.count(name))
            env.push_back(entry);
    }
    for (const auto &[name, value] : extra)
        env.push_back(name + "=" + value);
    return lfrtest::runProcessWithEnvironment(program, args, dir, std::move(env));
}

ProcessRun cli(const std::vector<std::string> &args, const ScratchDir &dir,
               const std::map<std::string, std::string> &extra = {})
{
    return runHeadless(LFRPLAN_CLI, args, dir, extra);
}

std::string write(const ScratchDir &dir, const std::string &name, const std::string &text)
{
    lfr::writeFileAtomically(dir / name, text);
    return (dir / name).string();
}

std::string makeExecutable(const ScratchDir &dir, const std::string &name, const std::string &script)
{
    const std::string path = write(dir, name, script);
    fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
    return path;
}

} // namespace

TEST_CASE("export-pdf: --help needs no display and no renderer", "[cli][pdf]")
{
    ScratchDir dir;
    const ProcessRun help = cli({"export-pdf", "--help"}, dir, {{"LFRPLAN_PDF_RENDERER", "/nonexistent/renderer"}});
    CHECK(help.exitCode == 0);
    CHECK_THAT(help.out, Catch::StartsWith("usage: lfrplan export-pdf") && Catch::Contains("-o, --output FILE"));
    CHECK(help.err.empty());
}

TEST_CASE("export-pdf refuses what every export refuses, before rendering and writing nothing", "[cli][pdf]")
{
    ScratchDir dir;
    const std::string db = (dir / "demo.db").string();
    REQUIRE(cli({"demo", "--database", db}, dir).exitCode == 0);
    const std::string pdf = (dir / "roster.pdf").string();

    const ProcessRun unknown = cli({"export-pdf", db, "No such week", "-o", pdf}, dir);
    CHECK(unknown.exitCode == 2);
    CHECK_THAT(unknown.err, Catch::Contains("no scenario named \"No such week\""));
    // A stored scenario that was never solved prints no empty roster.
    const std::string week = lfr::readScenarioFile(fs::path(LFRPLAN_DATA_DIR) / "demo-week.json").name;
    const ProcessRun unsolved = cli({"export-pdf", db, week, "-o", pdf}, dir);
    CHECK(unsolved.exitCode == 2);
    CHECK_THAT(unsolved.err, Catch::Contains("no saved plan"));
    CHECK_FALSE(fs::exists(pdf));

    // A plan that breaks a hard constraint: exit 1, nothing written.
    const std::string scenario = lfrtest::testData("small-scenario.json").string();
    nlohmann::json twice = lfrtest::smallPlanJson();
    twice["deployments"][0]["crew"][3]["officer"] = "MP2001"; // one officer twice in the crew
    const std::string bad = write(dir, "bad-plan.json", twice.dump());
    const ProcessRun invalid = cli({"export-pdf", scenario, bad, "-o", pdf}, dir);
    CHECK(invalid.exitCode == 1);
    CHECK_THAT(invalid.err, Catch::Contains("hard constraint") && Catch::Contains("nothing was written"));
    CHECK_FALSE(fs::exists(pdf));

    const std::string plan = write(dir, "plan.json", lfrtest::smallPlanJson().dump());
    const ProcessRun noOutput = cli({"export-pdf", scenario, plan}, dir);
    CHECK(noOutput.exitCode == 2);
    CHECK_THAT(noOutput.err, Catch::Contains("give -o FILE.pdf"));

    // The output is checked before the renderer is looked for or run: with
    // a renderer that does not exist, the error is the output's.
    const std::map<std::string, std::string> noRenderer = {{"LFRPLAN_PDF_RENDERER", "/nonexistent/renderer"}};
    const std::string nowhere = (dir / "missing-folder" / "roster.pdf").string();
    const ProcessRun unwritable = cli({"export-pdf", scenario, plan, "-o", nowhere}, dir, noRenderer);
    CHECK(unwritable.exitCode == 2);
    CHECK_THAT(unwritable.err, Catch::Contains("missing-folder"));
    CHECK_THAT(unwritable.err, !Catch::Contains("renderer"));
    const ProcessRun folder = cli({"export-pdf", scenario, plan, "-o", dir.path().string()}, dir, noRenderer);
    CHECK(folder.exitCode == 2);
    CHECK_THAT(folder.err, !Catch::Contains("renderer"));
    // And a renderer that cannot be run is named.
    const ProcessRun missing = cli({"export-pdf", scenario, plan, "-o", pdf}, dir, noRenderer);
    CHECK(missing.exitCode == 2);
    CHECK_THAT(missing.err, Catch::Contains("/nonexistent/renderer") && Catch::Contains("nothing was written"));
    CHECK_FALSE(fs::exists(pdf));
}

TEST_CASE("export-pdf writes what a failing renderer made nowhere, and streams large input and output", "[cli][pdf]")
{
    ScratchDir dir;
    const std::string scenario = lfrtest::testData("small-scenario.json").string();
    const std::string plan = write(dir, "plan.json", lfrtest::smallPlanJson().dump());
    const std::string pdf = (dir / "roster.pdf").string();
    const auto with = [](const std::string &renderer) {
        return std::map<std::string, std::string>{{"LFRPLAN_PDF_RENDERER", renderer}};
    };

    const std::string failing = makeExecutable(
        dir, "failing.sh", "#!/bin/sh\ncat >/dev/null\nprintf '%%PDF-half'\necho 'it broke' >&2\nexit 2\n");
    const ProcessRun failed = cli({"export-pdf", scenario, plan, "-o", pdf}, dir, with(failing));
    CHECK(failed.exitCode == 2);
    CHECK_THAT(failed.err, Catch::Contains("lfrplan export-pdf: it broke") && Catch::Contains("exit code 2") &&
                               Catch::Contains("nothing was written"));
    CHECK_FALSE(fs::exists(pdf));
    const std::string noPdf = makeExecutable(dir, "no-pdf.sh", "#!/bin/sh\ncat >/dev/null\necho hello\n");
    const ProcessRun empty = cli({"export-pdf", scenario, plan, "-o", pdf}, dir, with(noPdf));
    CHECK(empty.exitCode == 2);
    CHECK_THAT(empty.err, Catch::Contains("it wrote no PDF"));
    CHECK_FALSE(fs::exists(pdf));

    // A renderer that echoes its input while reading it, and writes much to
    // standard error: the demo week (far more than a pipe holds) goes through
    // without either side waiting on the other.
    const std::string echo =
        makeExecutable(dir, "echo.sh",
                       "#!/bin/sh\nprintf '%%PDF-'\ncat\ni=0\nwhile [ $i -lt 3000 ]; do echo \"note $i\" >&2; "
                       "i=$((i+1)); done\n");
    const std::string demo = (fs::path(LFRPLAN_DATA_DIR) / "demo-week.json").string();
    nlohmann::json demoPlan = lfrtest::smallPlanJson();
    demoPlan["scenario"] = lfr::readScenarioFile(demo).name;
    demoPlan["deployments"] = nlohmann::json::array();
    const std::string demoPlanFile = write(dir, "demo-plan.json", demoPlan.dump());
    const ProcessRun echoed = cli({"export-pdf", demo, demoPlanFile, "-o", pdf}, dir, with(echo));
    REQUIRE(echoed.exitCode == 0);
    const std::string bytes = lfr::readTextFile(pdf);
    CHECK(bytes.size() > 150000); // more than twice what a pipe holds (64 KiB)
    const nlohmann::json sent = nlohmann::json::parse(bytes.substr(5));
    CHECK(sent.at("scenario").at("officers").size() == lfr::readScenarioFile(demo).officers.size());
    CHECK_THAT(echoed.err, Catch::Contains("lfrplan export-pdf: note 2999"));
}

#ifdef LFRPLAN_PDF_RENDERER

namespace {

// The small scenario with its crew renamed: `names` maps an officer id to
// a name.
std::string smallScenarioNamed(const ScratchDir &dir, const std::map<std::string, std::string> &names)
{
    nlohmann::json sc = lfrtest::smallScenarioJson();
    for (auto &officer : sc["officers"])
        if (const auto it = names.find(officer["id"].get<std::string>()); it != names.end())
            officer["name"] = it->second;
    return write(dir, "scenario.json", sc.dump(2));
}

bool isPdf(const fs::path &file) { return fs::exists(file) && lfr::readTextFile(file).starts_with("%PDF-"); }

// The PDF's text as pdftotext (poppler-utils) reads it, lines kept.
std::string pdfText(const fs::path &pdf, const ScratchDir &dir)
{
    const std::string pdftotext = "/usr/bin/pdftotext";
    INFO("pdftotext is in poppler-utils: packaging/bootstrap-deps.sh test installs it");
    REQUIRE(fs::exists(pdftotext));
    const ProcessRun run = lfrtest::runProcess(pdftotext, {"-layout", "-enc", "UTF-8", pdf.string(), "-"}, dir);
    REQUIRE(run.exitCode == 0);
    return run.out;
}

// A line's words, brackets and commas taken for spaces.
std::vector<std::string> words(std::string line)
{
    std::replace_if(
        line.begin(), line.end(), [](char c) { return c == '(' || c == ')' || c == ','; }, ' ');
    std::istringstream in(line);
    std::vector<std::string> all;
    for (std::string w; in >> w;)
        all.push_back(w);
    return all;
}

} // namespace

TEST_CASE("export-pdf prints the demo week without a display: Kofi is found and each rank printed once", "[cli][pdf]")
{
    INFO("the renderer: " LFRPLAN_PDF_RENDERER);
    REQUIRE(fs::exists(LFRPLAN_PDF_RENDERER)); // built beside lfrplan; never skipped
    ScratchDir dir;
    const std::string demo = (fs::path(LFRPLAN_DATA_DIR) / "demo-week.json").string();
    const std::string plan = (dir / "plan.json").string();
    REQUIRE(cli({"solve", demo, "-o", plan, "--time-limit", "120"}, dir).exitCode == 0);
    const std::string pdf = (dir / "roster.pdf").string();
    const ProcessRun run = cli({"export-pdf", demo, plan, "-o", pdf}, dir);
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK_THAT(run.err, Catch::Contains("wrote the roster to " + pdf));
    CHECK_THAT(run.err, !Catch::Contains("warning"));
    REQUIRE(isPdf(pdf));
    const std::string text = pdfText(pdf, dir);

    // Every crew member's line: warrant number, name and rank once (the
    // rank was printed in the name too); "Kofi" is found (an "fi" ligature
    // made it "Ko?" to a search).
    const lfr::Scenario scenario = lfr::readScenarioFile(demo);
    const lfr::Plan solved = lfr::readPlanFile(plan);
    std::map<std::string, const lfr::Officer *> officers;
    for (const lfr::Officer &o : scenario.officers)
        officers[o.id] = &o;
    std::istringstream lines(text);
    std::size_t crewLines = 0, kofis = 0;
    for (std::string line; std::getline(lines, line);) {
        const std::vector<std::string> w = words(line);
        if (w.size() < 2 || !officers.count(w[1]))
            continue;
        const lfr::Officer &o = *officers.at(w[1]);
        INFO(line);
        CHECK_THAT(line, Catch::Contains(o.name));
        CHECK(std::count(w.begin(), w.end(), std::string(lfr::rankName(o.rank))) == 1);
        ++crewLines;
        if (o.name.starts_with("Kofi "))
            ++kofis;
    }
    std::size_t crew = 0;
    for (const lfr::Deployment &d : solved.deployments)
        crew += d.crew.size();
    CHECK(crewLines == crew);
    CHECK(kofis > 0);
    CHECK_THAT(text, Catch::Contains("Kofi "));

    // The same to standard output, with a desktop session's platform left
    // in the environment and no display: the renderer never needs one.
    const ProcessRun piped = cli({"export-pdf", demo, plan, "-o", "-"}, dir, {{"QT_QPA_PLATFORM", "xcb"}});
    CHECK(piped.exitCode == 0);
    CHECK(piped.out.starts_with("%PDF-"));
}

TEST_CASE("export-pdf prints CJK and emoji names, and names the characters no installed font has", "[cli][pdf]")
{
    REQUIRE(fs::exists(LFRPLAN_PDF_RENDERER));
    ScratchDir dir;
    const std::string scenario = smallScenarioNamed(dir, {{"MP1001", "王小明"},
                                                          {"MP1002", "김민준 Kofi"},
                                                          {"MP2001", "Zoë 🦊 Ward"},
                                                          {"MP2002", "Ama \u0378 Owusu"}});
    const std::string plan = write(dir, "plan.json", lfrtest::smallPlanJson().dump());
    const std::string pdf = (dir / "roster.pdf").string();
    const ProcessRun run = cli({"export-pdf", scenario, plan, "-o", pdf}, dir);
    INFO(run.err);
    REQUIRE(run.exitCode == 0); // a box is a warning, not a failure
    REQUIRE(isPdf(pdf));
    const std::string text = pdfText(pdf, dir);
    INFO(text);
    // Chinese and Korean: WenQuanYi Micro Hei (fonts-wqy-microhei, in the
    // set-up's build list).
    CHECK_THAT(text, Catch::Contains("王小明"));
    CHECK_THAT(text, Catch::Contains("김민준 Kofi"));
    // The emoji: drawn in black and white with Symbola (fonts-symbola, in
    // the set-up's build list), embedded since DejaVu Sans lacks U+1F98A.
    // (Qt's PDF writer maps only characters of the Basic Multilingual Plane
    // back to text, so pdftotext cannot give the fox back.)
    CHECK_THAT(run.err, !Catch::Contains("U+1F98A"));
    const ProcessRun fonts = lfrtest::runProcess("/usr/bin/pdffonts", {pdf}, dir);
    CHECK_THAT(fonts.out, Catch::Contains("WenQuanYiMicroHei") && Catch::Contains("Symbola"));
    CHECK_THAT(text, Catch::Contains("Zoë") && Catch::Contains("Ward"));
    // A character no font has (U+0378 is unassigned): a box and a warning
    // that names the officer.
    CHECK_THAT(run.err,
               Catch::Contains(
                   "lfrplan export-pdf: warning: cannot print U+0378 in the name of officer "
                   "MP2002 (Ama \u0378 Owusu): no installed font has it, so the PDF shows a gap or a box instead"));
    CHECK_THAT(run.err, !Catch::Contains("王小明"));

    // Where only DejaVu Sans is installed (as before issue 18 on a machine
    // set up by packaging/bootstrap-deps.sh), the CJK names get warnings.
    const std::string fontsConf = write(dir, "fonts.conf",
                                        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                                        "<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>" +
                                            (dir / "fc-cache").string() + "</cachedir></fontconfig>\n");
    const ProcessRun dejaVuOnly = cli({"export-pdf", scenario, plan, "-o", pdf}, dir, {{"FONTCONFIG_FILE", fontsConf}});
    CHECK(dejaVuOnly.exitCode == 0);
    CHECK_THAT(dejaVuOnly.err,
               Catch::Contains("warning: cannot print U+738B, U+5C0F, U+660E in the name of officer "
                               "MP1001 (王小明): no installed font has them, so the PDF shows a gap or a box instead"));
    CHECK_THAT(dejaVuOnly.err, Catch::Contains("in the name of officer MP1002 (김민준 Kofi)"));
    CHECK(isPdf(pdf));
}

TEST_CASE("export-pdf finds its renderer where it is installed, and says where it looked", "[cli][pdf]")
{
    ScratchDir dir;
    fs::create_directories(dir / "usr" / "bin");
    const fs::path cliCopy = dir / "usr" / "bin" / "lfrplan";
    fs::copy_file(LFRPLAN_CLI, cliCopy);
    const std::string scenario = lfrtest::testData("small-scenario.json").string();
    const std::string plan = write(dir, "plan.json", lfrtest::smallPlanJson().dump());
    const std::string pdf = (dir / "roster.pdf").string();

    const ProcessRun missing = runHeadless(cliCopy.string(), {"export-pdf", scenario, plan, "-o", pdf}, dir);
    CHECK(missing.exitCode == 2);
    CHECK_THAT(missing.err, Catch::Contains((dir / "usr/bin/lfrplan-roster-pdf").string()) &&
                                Catch::Contains((dir / "usr/libexec/lfrplan/lfrplan-roster-pdf").string()) &&
                                Catch::Contains("LFRPLAN_BUILD_UI=ON"));
    CHECK_FALSE(fs::exists(pdf));

    fs::create_directories(dir / "usr" / "libexec" / "lfrplan");
    fs::copy_file(LFRPLAN_PDF_RENDERER, dir / "usr" / "libexec" / "lfrplan" / "lfrplan-roster-pdf");
    const ProcessRun installed = runHeadless(cliCopy.string(), {"export-pdf", scenario, plan, "-o", pdf}, dir);
    INFO(installed.err);
    CHECK(installed.exitCode == 0);
    CHECK(isPdf(pdf));
}

#else

TEST_CASE("export-pdf says the PDF renderer is not part of a build without the UI", "[cli][pdf]")
{
    ScratchDir dir;
    const std::string scenario = lfrtest::testData("small-scenario.json").string();
    const std::string plan = write(dir, "plan.json", lfrtest::smallPlanJson().dump());
    const std::string pdf = (dir / "roster.pdf").string();
    const ProcessRun run = cli({"export-pdf", scenario, plan, "-o", pdf}, dir);
    CHECK(run.exitCode == 2);
    CHECK_THAT(run.err, Catch::Contains("not part of this build") && Catch::Contains("LFRPLAN_BUILD_UI=ON"));
    CHECK_FALSE(fs::exists(pdf));
}

#endif
