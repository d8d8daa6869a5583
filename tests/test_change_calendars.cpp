// Issue 20, part 3: the calendars of lfrplan changes --ics-dir update, in
// place, a calendar that imported the published version (export-ics
// --published): same UIDs, a higher SEQUENCE, a METHOD:CANCEL per duty
// removed. Read with Python's icalendar (python3-icalendar) and applied as
// a calendar program applies them; the result must be the saved plan's
// calendar exactly. And bad input writes nothing.
#include "lfrplan/file_io.h"

#include "change_notice_fixtures.h"
#include "process_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <sys/stat.h>

using namespace lfrtest;
namespace fs = std::filesystem;

namespace {

// For each officer's published calendar in PUB: applies the notices of
// NOTICES (OFFICER.ics: add, or replace when SEQUENCE is higher;
// OFFICER-cancel-*.ics: METHOD:CANCEL, drop when SEQUENCE is higher), and
// compares the result with the officer's calendar of the saved plan in NEW.
const char *kApplyNotices = R"(import glob, json, os, sys
from icalendar import Calendar
pub_dir, notice_dir, new_dir = sys.argv[1:4]
def read(path):
    cal = Calendar.from_ical(open(path, 'rb').read())
    return str(cal.get('METHOD')), list(cal.walk('VEVENT'))
def seq(e):
    return int(e.get('SEQUENCE', 0))
def view(e):
    return {'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'description': str(e['DESCRIPTION']),
            'location': str(e.get('LOCATION')), 'start': e.decoded('DTSTART').isoformat(),
            'end': e.decoded('DTEND').isoformat()}
out = {'officers': {}, 'problems': []}
used = set()
for pub in sorted(glob.glob(os.path.join(pub_dir, '*.ics'))):
    officer = os.path.basename(pub)[:-4]
    method, events = read(pub)
    store = {str(e['UID']): e for e in events}
    me = {'published_uids': sorted(store), 'published_seq': sorted({seq(e) for e in events}),
          'published': sorted((view(e) for e in events), key=lambda v: v['uid']),
          'added': [], 'updated': [], 'cancelled': [], 'notice_seq': []}
    update = os.path.join(notice_dir, officer + '.ics')
    files = ([update] if os.path.exists(update) else []) + sorted(
        glob.glob(os.path.join(notice_dir, officer + '-cancel-*.ics')))
    for f in files:
        used.add(os.path.basename(f))
        method, events = read(f)
        cancel = f != update
        if method != ('CANCEL' if cancel else 'PUBLISH'):
            out['problems'].append(f + ': METHOD ' + method)
        if cancel and len(events) != 1:
            out['problems'].append(f + ': a CANCEL with %d events' % len(events))
        for e in events:
            uid = str(e['UID'])
            me['notice_seq'].append(seq(e))
            if cancel:
                if str(e.get('STATUS')) != 'CANCELLED':
                    out['problems'].append(f + ': STATUS ' + str(e.get('STATUS')))
                if uid not in store:
                    out['problems'].append(f + ': cancels an event the calendar does not hold: ' + uid)
                elif seq(e) <= seq(store[uid]):
                    out['problems'].append(f + ': SEQUENCE not higher for ' + uid)
                else:
                    del store[uid]
                    me['cancelled'].append(uid)
            elif uid in store:
                if seq(e) <= seq(store[uid]):
                    out['problems'].append(f + ': SEQUENCE not higher for ' + uid)
                else:
                    store[uid] = e
                    me['updated'].append(uid)
            else:
                store[uid] = e
                me['added'].append(uid)
    me['applied'] = sorted((view(e) for e in store.values()), key=lambda v: v['uid'])
    me['fresh'] = sorted((view(e) for e in read(os.path.join(new_dir, officer + '.ics'))[1]), key=lambda v: v['uid'])
    out['officers'][officer] = me
for f in sorted(os.listdir(notice_dir)):
    if f not in used:
        out['problems'].append('a notice for nobody: ' + f)
json.dump(out, sys.stdout)
)";

std::string uid(const std::string &date, const std::string &hotspot, const std::string &officer)
{
    return "lfrplan/" + date + "/day/" + hotspot + "/" + officer + "@lfrplan";
}

std::vector<std::string> strings(const nlohmann::json &array) { return array.get<std::vector<std::string>>(); }

std::vector<std::string> listFolder(const fs::path &dir)
{
    std::vector<std::string> names;
    for (const auto &entry : fs::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("changes: the notices update the published calendars in place to exactly the saved plan's duties",
          "[changes][ics]")
{
    lfrtest::ScratchDir dir;
    const std::string db = storedNoticeWeek(dir);
    const auto cli = [&](const std::vector<std::string> &args) {
        const auto run = lfrtest::runProcess(LFRPLAN_CLI, args, dir);
        INFO(run.err);
        REQUIRE(run.exitCode == 0);
        return run;
    };
    for (const char *folder : {"pub", "notices", "new"})
        fs::create_directory(dir / folder);
    // What each officer imported: the published version's calendar; and
    // what they should hold after the update: the saved plan's.
    for (const lfr::Officer &o : noticeWeek().officers) {
        cli({"export-ics", db, "Notice week", "--published", "--officer", o.id, "-o",
             (dir / "pub" / (o.id + ".ics")).string()});
        cli({"export-ics", db, "Notice week", "--officer", o.id, "-o", (dir / "new" / (o.id + ".ics")).string()});
    }
    cli({"changes", db, "Notice week", "--ics-dir", (dir / "notices").string()});
    CHECK(listFolder(dir / "notices") ==
          std::vector<std::string>{"S1.ics", "S2.ics", "S4-cancel-2026-12-09-day-camden.ics",
                                   "W2-cancel-2026-12-07-day-oxford.ics", "W3-cancel-2026-12-07-day-brixton.ics",
                                   "W4-cancel-2026-12-07-day-brixton.ics", "W4.ics", "W5.ics"});

    lfr::writeFileAtomically(dir / "apply.py", kApplyNotices);
    const auto run = lfrtest::runProcess(
        "/usr/bin/python3",
        {(dir / "apply.py").string(), (dir / "pub").string(), (dir / "notices").string(), (dir / "new").string()}, dir);
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    const auto result = nlohmann::json::parse(run.out);
    CHECK(result["problems"] == nlohmann::json::array());
    const auto &officers = result["officers"];
    REQUIRE(officers.size() == 12);
    for (const auto &[officer, me] : officers.items()) {
        INFO(officer);
        CHECK(me["applied"] == me["fresh"]); // the update gives exactly the saved plan's duties
        for (const auto &s : me["published_seq"])
            CHECK(s == 2); // version 1's calendar: SEQUENCE 2
        for (const auto &s : me["notice_seq"])
            CHECK(s == 3); // a notice against version 1: SEQUENCE 3
    }
    // The published calendar's UIDs are the ones updated and cancelled.
    CHECK(strings(officers["S1"]["published_uids"]) == std::vector<std::string>{uid("2026-12-08", "soho", "S1")});
    CHECK(strings(officers["S1"]["updated"]) == std::vector<std::string>{uid("2026-12-08", "soho", "S1")});
    CHECK(strings(officers["W4"]["cancelled"]) == std::vector<std::string>{uid("2026-12-07", "brixton", "W4")});
    CHECK(strings(officers["W4"]["added"]) == std::vector<std::string>{uid("2026-12-09", "camden", "W4")});
    CHECK(strings(officers["W2"]["cancelled"]) == std::vector<std::string>{uid("2026-12-07", "oxford", "W2")});
    CHECK(strings(officers["W3"]["cancelled"]) == std::vector<std::string>{uid("2026-12-07", "brixton", "W3")});
    CHECK(strings(officers["S4"]["cancelled"]) == std::vector<std::string>{uid("2026-12-09", "camden", "S4")});
    CHECK(strings(officers["W5"]["added"]) == std::vector<std::string>{uid("2026-12-07", "oxford", "W5")});
    CHECK(officers["W1"]["notice_seq"].empty()); // unaffected: no notice
    // Without the notices, exactly the officers affected would hold the wrong duties.
    std::set<std::string> differ;
    for (const auto &[officer, me] : officers.items())
        if (me["published"] != me["fresh"])
            differ.insert(officer);
    CHECK(differ == std::set<std::string>{"S1", "S2", "S4", "W2", "W3", "W4", "W5"});
}

TEST_CASE("changes: the CSV file, and export-ics of a published version by number", "[changes][ics][cli]")
{
    lfrtest::ScratchDir dir;
    const std::string db = storedNoticeWeek(dir);
    auto run = lfrtest::runProcess(LFRPLAN_CLI, {"changes", db, "Notice week", "--csv", "-"}, dir);
    INFO(run.err);
    CHECK(run.exitCode == 0);
    CHECK(run.out == dutyChangesCsv(noticeWeek(), dutyChanges(comparePlans(publishedWeek(), savedWeek())), 1));
    CHECK(contains(run.err, "changes since published version 1")); // the report moves to standard error
    run = lfrtest::runProcess(LFRPLAN_CLI, {"changes", db, "Notice week", "--csv", (dir / "c.csv").string()}, dir);
    CHECK(run.exitCode == 0);
    CHECK(lfr::readTextFile(dir / "c.csv") ==
          dutyChangesCsv(noticeWeek(), dutyChanges(comparePlans(publishedWeek(), savedWeek())), 1));

    run =
        lfrtest::runProcess(LFRPLAN_CLI, {"export-ics", db, "Notice week", "--published", "1", "--team", "west"}, dir);
    CHECK(run.exitCode == 0);
    CHECK(contains(run.out, "SEQUENCE:2\r\n"));
    CHECK(contains(run.out, "UID:lfrplan/2026-12-07/day/brixton/west@lfrplan")); // published, not saved
    run = lfrtest::runProcess(LFRPLAN_CLI, {"export-ics", db, "Notice week", "--team", "west"}, dir);
    CHECK_FALSE(contains(run.out, "SEQUENCE:"));
    CHECK_FALSE(contains(run.out, "/brixton/west@lfrplan"));
    run = lfrtest::runProcess(LFRPLAN_CLI, {"export-ics", db, "Notice week", "--published=2", "--officer", "W1"}, dir);
    CHECK(run.exitCode == 2);
    CHECK(contains(run.err, "scenario \"Notice week\" has no published version 2"));
}

TEST_CASE("cli: changes refuses bad input by name and writes nothing", "[changes][cli]")
{
    lfrtest::ScratchDir dir;
    const std::string db = storedNoticeWeek(dir);
    const std::string csv = (dir / "c.csv").string();
    fs::create_directory(dir / "notices");
    const auto refused = [&](const std::vector<std::string> &args, const std::string &message) {
        const auto run = lfrtest::runProcess(LFRPLAN_CLI, args, dir);
        INFO(run.out << run.err);
        CHECK(run.exitCode == 2);
        CHECK(contains(run.err, message));
        CHECK_FALSE(fs::exists(csv));
        CHECK(listFolder(dir / "notices").empty());
    };
    refused({"changes", db, "No such week", "--csv", csv}, "no scenario \"No such week\"");
    lfr::writeFileAtomically(dir / "file", "x");
    refused({"changes", db, "Notice week", "--csv", csv, "--ics-dir", (dir / "file").string()}, "not a folder");
    refused({"changes", db, "Notice week", "--csv", csv, "--ics-dir", (dir / "missing").string()}, "no such folder");
    refused(
        {"changes", db, "Notice week", "--csv", (dir / "notices").string(), "--ics-dir", (dir / "notices").string()},
        "notices");
    {
        const auto store = lfr::openStorage(db);
        lfr::Scenario other = noticeWeek();
        other.name = "Unpublished week";
        store->importScenario(other, lfr::ImportMode::FailIfExists);
    }
    refused({"changes", db, "Unpublished week", "--csv", csv, "--ics-dir", (dir / "notices").string()},
            "scenario \"Unpublished week\" has no published version");
    // A saved plan that breaks a hard constraint: exit 1, nothing written.
    {
        const auto store = lfr::openStorage(db);
        std::vector<lfr::Deployment> bad = savedWeek();
        bad[0].crew[1].officer = "W1"; // W1 twice in a crew
        store->savePlan("Notice week", noticePlan(bad));
    }
    const auto run = lfrtest::runProcess(
        LFRPLAN_CLI, {"changes", db, "Notice week", "--csv", csv, "--ics-dir", (dir / "notices").string()}, dir);
    CHECK(run.exitCode == 1);
    CHECK_FALSE(fs::exists(csv));
    CHECK(listFolder(dir / "notices").empty());
}

TEST_CASE("cli: changes into a folder it may not write writes nothing", "[.][nonroot][changes-nonroot]")
{
    lfrtest::ScratchDir dir;
    const std::string db = storedNoticeWeek(dir);
    fs::create_directory(dir / "locked");
    ::chmod((dir / "locked").c_str(), 0555);
    const auto run = lfrtest::runProcess(
        LFRPLAN_CLI,
        {"changes", db, "Notice week", "--csv", (dir / "c.csv").string(), "--ics-dir", (dir / "locked").string()}, dir);
    ::chmod((dir / "locked").c_str(), 0755);
    CHECK(run.exitCode == 2);
    CHECK(contains(run.err, "locked"));
    CHECK_FALSE(fs::exists(dir / "c.csv"));
    CHECK(listFolder(dir / "locked").empty());
}
