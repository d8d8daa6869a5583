// Issue 18, findings 14-16: input is read within documented limits
// (input_limits.h, docs/cli.md), checked while reading; ids and names have
// lengths and no control characters; numbers that underflow are refused;
// running out of memory is a clear error with exit 2, never an abort.
// (Finding 17, records files, is in test_deployment_records.cpp; its
// command-line test is at the end of this file.)
#include "lfrplan/errors.h"
#include "lfrplan/json_strict.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/safeguards_io.h"
#include "lfrplan/scenario_io.h"
#include "process_runner.h"
#include "test_support.h"
#include "tools/storage_fixtures.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>

using namespace lfr;
using nlohmann::json;

namespace {

InputError errorOf(const std::function<void()> &read)
{
    try {
        read();
    } catch (const InputError &e) {
        return e;
    }
    FAIL("expected an InputError");
    throw std::logic_error("unreachable");
}

InputError scenarioError(const json &doc)
{
    const std::string text = doc.dump();
    return errorOf([&] { readScenario(text); });
}

json smallWith(const std::function<void(json &)> &change)
{
    json doc = lfrtest::smallScenarioJson();
    change(doc);
    return doc;
}

void writeFile(const std::filesystem::path &path, const std::string &text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

} // namespace

// ---- Finding 14: limits checked while reading ----------------------------------

TEST_CASE("limits: a file over 256 MiB is refused by its size before it is read", "[limits]")
{
    lfrtest::ScratchDir dir;
    const auto big = dir / "big.json";
    writeFile(big, "");
    std::filesystem::resize_file(big, (std::uintmax_t{256} << 20) + 1); // sparse: no disk, no time
    const InputError e = errorOf([&] { readScenarioFile(big); });
    CHECK(e.where() == big.string());
    CHECK_THAT(e.detail(), Catch::Contains("268435457 bytes") && Catch::Contains("256 MiB"));
}

TEST_CASE("limits: a device that never ends is read no further than 256 MiB", "[limits][endless]")
{
    const InputError e = errorOf([] { readTextFile("/dev/zero"); });
    CHECK(e.where() == "/dev/zero");
    CHECK_THAT(e.detail(), Catch::Contains("256 MiB"));
    CHECK_THAT(errorOf([] { readTextFile("/"); }).detail(), Catch::Contains("folder"));
}

TEST_CASE("limits: a text longer than 1 MiB is refused while parsing, with its path", "[limits]")
{
    const std::string longText(std::size_t{2} << 20, 'x');
    const InputError value = errorOf([&] { parseJsonStrict(R"({"a": [{"b": ")" + longText + R"("}]})"); });
    CHECK(value.where() == "a[0].b");
    CHECK_THAT(value.detail(), Catch::Contains("longer than 1 MiB"));
    const InputError key = errorOf([&] { parseJsonStrict(R"({"a": {")" + longText + R"(": 1}})"); });
    CHECK(key.where() == "a");
    CHECK_THAT(key.detail(), Catch::Contains("a key longer than 1 MiB"));
    // Escapes count as written; a text just under the limit is read.
    const std::string escaped = std::string(R"({"t": ")") + std::string((1 << 20) - 2, 'y') + R"(\n"})";
    CHECK(parseJsonStrict(escaped)["t"].get<std::string>().size() == (1u << 20) - 1);
}

TEST_CASE("limits: a list of more than 1,000,000 items is refused with its path", "[limits]")
{
    std::string text = R"({"format": "lfrplan-scenario/1", "officers": [)";
    for (int i = 0; i < 1000001; ++i)
        text += i ? ",0" : "0";
    text += "]}";
    const InputError e = errorOf([&] { parseJsonStrict(text); });
    CHECK(e.where() == "officers");
    CHECK_THAT(e.detail(), Catch::Contains("more than 1000000 items"));
    text.erase(text.find(",0]}"), 2); // exactly 1,000,000 items are read
    CHECK(parseJsonStrict(text)["officers"].size() == 1000000);
}

TEST_CASE("limits: more than 10,000,000 values in one file are refused", "[limits]")
{
    std::string list = "[0";
    for (int i = 1; i < 999999; ++i)
        list += ",0";
    list += "]";
    std::string text = "[" + list;
    for (int i = 1; i < 11; ++i)
        text += "," + list;
    text += "]";
    const InputError e = errorOf([&] { parseJsonStrict(text); });
    CHECK(e.where() == "[9][999998]"); // the outer list, then 1,000,000 values a list
    CHECK_THAT(e.detail(), Catch::Contains("more than 10000000 values"));
}

TEST_CASE("limits: a number written with more than 1000 characters is refused with its path", "[limits]")
{
    const std::string zeros(2000, '0');
    const InputError e = errorOf([&] { parseJsonStrict(R"({"policy": {"travel_weight": 0.)" + zeros + "1}}"); });
    CHECK(e.where() == "policy.travel_weight");
    CHECK_THAT(e.detail(), Catch::Contains("more than 1000 characters"));
    CHECK_THAT(errorOf([&] { parseJsonStrict("1" + zeros); }).detail(), Catch::Contains("more than 1000 characters"));
}

#if defined(__SANITIZE_ADDRESS__)
#define LFRPLAN_TEST_MEMORY_LIMITS 0 // AddressSanitizer reserves terabytes of address space
#else
#define LFRPLAN_TEST_MEMORY_LIMITS 1
#endif

TEST_CASE("limits: a 200 MB JSON list under a 600 MB memory limit is refused by the list limit, exit 2",
          "[limits][cli]")
{
    if (!LFRPLAN_TEST_MEMORY_LIMITS || !std::filesystem::exists("/usr/bin/prlimit"))
        return;
    lfrtest::ScratchDir dir;
    const auto huge = dir / "huge.json";
    {
        std::ofstream out(huge, std::ios::binary);
        const std::string chunk = [] {
            std::string c;
            for (int i = 0; i < 500000; ++i)
                c += "0,";
            return c;
        }();
        out << "[";
        for (int i = 0; i < 100; ++i) // 100 x 1 MB
            out << chunk;
        out << "0]";
    }
    const auto run = lfrtest::runProcess("/usr/bin/prlimit", {"--as=600000000", LFRPLAN_CLI, "validate", huge}, dir);
    CHECK(run.exitCode == 2);
    CHECK_THAT(run.err, Catch::Contains(huge.string() + ": (top level): more than 1000000 items in one list"));
}

TEST_CASE("limits: running out of memory while reading is an error naming the file, exit 2, never an abort",
          "[limits][cli]")
{
    if (!LFRPLAN_TEST_MEMORY_LIMITS || !std::filesystem::exists("/usr/bin/prlimit"))
        return;
    lfrtest::ScratchDir dir;
    const auto file = dir / "objects.json";
    {
        // 9 lists of 999,999 empty objects: within every limit (27 MB,
        // 9 million values), but about 600 MB once parsed.
        std::string list = "[{}";
        for (int i = 1; i < 999999; ++i)
            list += ",{}";
        list += "]";
        std::ofstream out(file, std::ios::binary);
        out << "{\"a\": [" << list;
        for (int i = 1; i < 9; ++i)
            out << "," << list;
        out << "]}";
    }
    for (const char *limit : {"--as=300000000", "--as=150000000"}) {
        INFO(limit);
        const auto run = lfrtest::runProcess("/usr/bin/prlimit", {limit, LFRPLAN_CLI, "validate", file}, dir);
        CHECK(run.exitCode == 2); // runProcess fails the test on a crash (SIGABRT)
        CHECK_THAT(run.err, Catch::Contains(file.string() + ": a[") && Catch::Contains("out of memory while reading"));
    }
}

// ---- Finding 15: ids and names have sensible lengths ------------------------------

TEST_CASE("limits: a 20 MB officer name is refused with its path", "[limits]")
{
    const json doc = smallWith([](json &d) { d["officers"][3]["name"] = std::string(20'000'000, 'n'); });
    const InputError e = scenarioError(doc);
    CHECK(e.where() == "officers[3].name");
    CHECK_THAT(e.detail(), Catch::Contains("the limit"));
}

TEST_CASE("limits: names are at most 200 characters, ids at most 100 bytes", "[limits]")
{
    std::string twoHundred;
    for (int i = 0; i < 200; ++i)
        twoHundred += "\xC3\xA9"; // é: 200 characters, 400 bytes
    CHECK_NOTHROW(readScenario(smallWith([&](json &d) { d["officers"][3]["name"] = twoHundred; }).dump()));
    const InputError name = scenarioError(smallWith([&](json &d) { d["officers"][3]["name"] = twoHundred + "e"; }));
    CHECK(name.where() == "officers[3].name");
    CHECK_THAT(name.detail(), Catch::StartsWith("201 characters, the limit of a name is 200"));
    CHECK(scenarioError(smallWith([](json &d) { d["name"] = std::string(201, 's'); })).where() == "name");
    CHECK(scenarioError(smallWith([](json &d) { d["hotspots"][0]["borough"] = std::string(201, 'b'); })).where() ==
          "hotspots[0].borough");

    const std::string id100(100, 'i');
    const json renamed = smallWith([&](json &d) {
        const std::string old = d["teams"][0]["id"];
        d["teams"][0]["id"] = id100;
        for (json &o : d["officers"])
            if (o["team"] == old)
                o["team"] = id100;
    });
    CHECK_NOTHROW(readScenario(renamed.dump()));
    const InputError id = scenarioError(smallWith([&](json &d) { d["teams"][0]["id"] = id100 + "i"; }));
    CHECK(id.where() == "teams[0].id");
    CHECK_THAT(id.detail(), Catch::StartsWith("101 bytes, the limit of an id is 100"));
    const InputError reference = scenarioError(smallWith([&](json &d) { d["officers"][0]["team"] = id100 + "i"; }));
    CHECK(reference.where() == "officers[0].team");

    const std::string plan = R"({"format": "lfrplan-plan/1", "scenario": "s", "status": "feasible", "objective": 1,
        "value": 1, "travel_penalty": 0, "bound": null, "deployments": [{"date": "2026-12-07", "window": "day",
        "hotspot": "h", "van": ")" +
                             id100 + R"(x", "crew": []}]})";
    const InputError van = errorOf([&] { readPlan(plan); });
    CHECK(van.where() == "deployments[0].van");
    CHECK_THAT(van.detail(), Catch::Contains("the limit of an id is 100"));
}

TEST_CASE("limits: import refuses a 20 MB name with its path and stores nothing", "[limits][cli]")
{
    lfrtest::ScratchDir dir;
    const auto file = dir / "big-name.json";
    writeFile(file, smallWith([](json &d) { d["officers"][3]["name"] = std::string(20'000'000, 'n'); }).dump());
    const std::string db = (dir / "plans.db").string();
    const auto run = lfrtest::runProcess(LFRPLAN_CLI, {"import", db, file}, dir);
    CHECK(run.exitCode == 2);
    CHECK_THAT(run.err, Catch::Contains(file.string() + ": officers[3].name:"));
    CHECK(run.err.size() < 1000); // the name is not printed back
}

// ---- Finding 16: control characters and numbers out of range ---------------------

TEST_CASE("limits: control characters in ids and names are refused with their path and the character", "[limits]")
{
    struct Case {
        std::function<void(json &)> change;
        std::string where;
        std::string character;
    };
    const std::vector<Case> cases = {
        {[](json &d) { d["officers"][1]["name"] = "Bad\x1B[31mName"; }, "officers[1].name", "U+001B (escape)"},
        {[](json &d) { d["officers"][1]["name"] = "Ring\x07"; }, "officers[1].name", "U+0007 (bell)"},
        {[](json &d) { d["teams"][0]["id"] = std::string("a\0b", 3); }, "teams[0].id", "U+0000"},
        {[](json &d) { d["hotspots"][0]["name"] = "x\xC2\x9By"; }, "hotspots[0].name", "U+009B"},
        {[](json &d) { d["hotspots"][0]["borough"] = "Tab\tbed"; }, "hotspots[0].borough", "U+0009 (tab)"},
        {[](json &d) { d["officers"][0]["skills"][0] = "del\x7F"; }, "officers[0].skills[0]", "U+007F (delete)"},
        {[](json &d) { d["name"] = "line\nbreak"; }, "name", "U+000A (line feed)"},
        {[](json &d) { d["vans"][0]["name"] = "van\r"; }, "vans[0].name", "U+000D (carriage return)"},
    };
    for (const Case &c : cases) {
        const InputError e = scenarioError(smallWith(c.change));
        CHECK(e.where() == c.where);
        CHECK_THAT(e.detail(), Catch::Contains("contains " + c.character));
        CHECK(std::string(e.what()).find('\x1B') == std::string::npos);
    }
    // A key with a control character is refused where it stands.
    const InputError key = errorOf([] { parseJsonStrict(R"({"policy": {"a\u001bb": 1}})"); });
    CHECK(key.where() == "policy");
    CHECK_THAT(key.detail(), Catch::Contains("U+001B (escape)"));
    // Values quoted back in a message show control characters as \uXXXX.
    const InputError rank = scenarioError(smallWith([](json &d) { d["officers"][0]["rank"] = "\x1B[2J"; }));
    CHECK_THAT(rank.detail(), Catch::Contains("\"\\u001B[2J\""));
    CHECK(std::string(rank.what()).find('\x1B') == std::string::npos);
}

TEST_CASE("limits: free text may hold line breaks and tabs, not other control characters", "[limits]")
{
    const json ok = {
        {"hotspot", "h"}, {"date", "2026-12-07"}, {"window", "day"}, {"rationale", "First line.\r\n\tSecond line."}};
    CHECK(readAuthorisation(ok.dump(), "a.json").rationale == "First line.\r\n\tSecond line.");
    json bad = ok;
    bad["rationale"] = "Hidden\x1B]0;title\x07";
    const InputError e = errorOf([&] { readAuthorisation(bad.dump(), "a.json"); });
    CHECK_THAT(e.what(), Catch::Contains("rationale: contains U+001B (escape)"));
    bad = ok;
    bad["authorised_by"] = "Supt\nSmith";
    CHECK_THAT(errorOf([&] { readAuthorisation(bad.dump(), "a.json"); }).what(),
               Catch::Contains("authorised_by: contains U+000A (line feed)"));
}

TEST_CASE("limits: numbers that underflow to 0 or overflow are refused with their path", "[limits]")
{
    const auto withWeight = [](const std::string &number) {
        std::string text = lfrtest::smallScenarioText();
        const auto at = text.find("\"travel_weight\"");
        REQUIRE(at != std::string::npos);
        const auto start = text.find(':', at) + 1;
        const auto end = text.find_first_of(",}", start);
        return text.replace(start, end - start, " " + number);
    };
    for (const char *tiny : {"1e-400", "-2.5e-330", "4.9e-324", "0.0000000001e-320"}) {
        INFO(tiny);
        const InputError e = errorOf([&] { readScenario(withWeight(tiny)); });
        CHECK(e.where() == "policy.travel_weight");
        CHECK_THAT(e.detail(), Catch::Contains("underflow"));
    }
    const InputError big = errorOf([&] { readScenario(withWeight("1e400")); });
    CHECK(big.where() == "policy.travel_weight");
    CHECK_THAT(big.detail(), Catch::Contains("out of range"));
    // Zero written any way, and small normal numbers, are read.
    for (const char *fine : {"0", "0.0", "0e400", "0.000e-999", "1e-300", "2.2250738585072014e-308"})
        CHECK_NOTHROW(readScenario(withWeight(fine)));
}

TEST_CASE("limits: import refuses an escape sequence in a name and prints none", "[limits][cli]")
{
    lfrtest::ScratchDir dir;
    const auto file = dir / "escape.json";
    writeFile(file, smallWith([](json &d) { d["officers"][1]["name"] = "\x1B[2J\x1B[31mPwned\x07"; }).dump());
    const std::string db = (dir / "plans.db").string();
    const auto run = lfrtest::runProcess(LFRPLAN_CLI, {"import", db, file}, dir);
    CHECK(run.exitCode == 2);
    CHECK_THAT(run.err, Catch::Contains("officers[1].name: contains U+001B (escape)"));
    CHECK(run.err.find('\x1B') == std::string::npos);
    CHECK(run.err.find('\x07') == std::string::npos);
}

TEST_CASE("limits: list shows a stored name's control characters escaped, never raw", "[limits][cli]")
{
    // A name written into the database by another program: someone with the
    // file and sqlite3 can drop the triggers that send changes through lfrplan.
    lfrtest::ScratchDir dir;
    const auto file = dir / "small.json";
    writeFile(file, smallWith([](json &) {}).dump());
    const std::string db = (dir / "plans.db").string();
    REQUIRE(lfrtest::runProcess(LFRPLAN_CLI, {"import", db, file}, dir).exitCode == 0);
    REQUIRE(lfrtest::sqliteExec(db, "DROP TRIGGER scenarios_through_lfrplan_UPDATE; "
                                    "UPDATE scenarios SET name = char(27) || '[2J' || char(7) || 'Pwned'")
                .empty());
    const auto run = lfrtest::runProcess(LFRPLAN_CLI, {"list", db}, dir);
    CHECK(run.exitCode == 0);
    CHECK(run.out.find('\x1B') == std::string::npos);
    CHECK(run.out.find('\x07') == std::string::npos);
    CHECK_THAT(run.out, Catch::Contains("\\u001B[2J\\u0007Pwned"));
}

// ---- Finding 17 on the command line: records files in another encoding -------------

TEST_CASE("limits: import-records refuses a Latin-1 or UTF-16 file by name, exit 2", "[limits][cli][records]")
{
    lfrtest::ScratchDir dir;
    const std::string header = "Year,Date,Deployment,Borough\r\n";
    const auto latin1 = dir / "latin1.csv";
    writeFile(latin1, header + "2022,28/01/2022,Oxford Circus,Westminster\r\n2022,29/01/2022,Zo\xEB Street,Camden\r\n");
    const std::string db = (dir / "records.db").string();
    REQUIRE(lfrtest::runProcess(LFRPLAN_CLI, {"init", db}, dir).exitCode == 0);
    const auto run = lfrtest::runProcess(LFRPLAN_CLI, {"import-records", db, latin1}, dir);
    CHECK(run.exitCode == 2);
    CHECK_THAT(run.err, Catch::Contains(latin1.string() + ": line 3: byte 0xEB is not UTF-8") &&
                            Catch::Contains("Latin-1 (Windows-1252)") && Catch::Contains("CSV UTF-8"));
    CHECK(run.err.find("rows read") == std::string::npos); // refused before reading rows

    const auto utf16 = dir / "utf16.csv";
    std::string wide = "\xFF\xFE";
    for (const char c : header + "2022,28/01/2022,Oxford Circus,Westminster\r\n") {
        wide += c;
        wide += '\0';
    }
    writeFile(utf16, wide);
    const auto run16 = lfrtest::runProcess(LFRPLAN_CLI, {"import-records", db, utf16}, dir);
    CHECK(run16.exitCode == 2);
    CHECK_THAT(run16.err, Catch::Contains("the file is UTF-16") && Catch::Contains("save it as UTF-8"));
    CHECK(run16.err.find("no \"date\" column") == std::string::npos);
}
