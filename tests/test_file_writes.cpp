// Issue 18, findings 1, 2 and 18: what a written file looks like (mode,
// owner), where it goes (through links; into devices and pipes, never over
// them) and what is left behind (no stale temporaries).
//
// Tests tagged [nonroot] also run as an unprivileged user (tests/as-nonroot.sh);
// the hidden ones ([.][nonroot]) only mean something there, since root
// ignores permissions.
#include "lfrplan/file_io.h"
#include "lfrplan/scenario_io.h"
#include "process_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <set>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

class UmaskGuard {
public:
    explicit UmaskGuard(mode_t mask) : old_(::umask(mask)) {}
    ~UmaskGuard() { ::umask(old_); }
    UmaskGuard(const UmaskGuard &) = delete;
    UmaskGuard &operator=(const UmaskGuard &) = delete;

private:
    mode_t old_;
};

struct stat lstatOf(const fs::path &p)
{
    struct stat st {};
    REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st;
}

mode_t modeOf(const fs::path &p) { return lstatOf(p).st_mode & 07777; }

void makeFile(const fs::path &p, const std::string &text, mode_t mode)
{
    std::FILE *f = std::fopen(p.c_str(), "w");
    REQUIRE(f);
    std::fputs(text.c_str(), f);
    std::fclose(f);
    REQUIRE(::chmod(p.c_str(), mode) == 0);
}

std::set<std::string> namesIn(const fs::path &dir)
{
    std::set<std::string> names;
    for (const auto &entry : fs::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

std::string thrown(const std::function<void()> &f)
{
    try {
        f();
    } catch (const std::exception &e) {
        return e.what();
    }
    return "(nothing thrown)";
}

// Reads a FIFO until its writer is done, from a thread.
class FifoReader {
public:
    explicit FifoReader(const fs::path &fifo)
    {
        fd_ = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
        REQUIRE(fd_ >= 0);
        thread_ = std::thread([this] {
            char buf[4096];
            for (;;) {
                const ssize_t n = ::read(fd_, buf, sizeof buf);
                if (n > 0) {
                    text_.append(buf, static_cast<std::size_t>(n));
                } else if (n == 0 && writerDone_) {
                    break;
                } else {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
            }
        });
    }
    ~FifoReader()
    {
        if (thread_.joinable()) {
            writerDone_ = true;
            thread_.join();
        }
        ::close(fd_);
    }
    FifoReader(const FifoReader &) = delete;
    FifoReader &operator=(const FifoReader &) = delete;
    std::string finish()
    {
        writerDone_ = true;
        thread_.join();
        return text_;
    }

private:
    int fd_ = -1;
    std::atomic<bool> writerDone_{false};
    std::thread thread_;
    std::string text_;
};

} // namespace

// ---- Finding 1: modes and owners ------------------------------------------

TEST_CASE("a new file gets 0666 less the umask, not 0644", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    for (const mode_t mask : {mode_t(077), mode_t(022), mode_t(027), mode_t(007)}) {
        const UmaskGuard guard(mask);
        const auto file = dir / ("new-" + std::to_string(mask) + ".csv");
        lfr::writeFileAtomically(file, "id,name\n");
        CHECK(modeOf(file) == (0666 & ~mask));
        CHECK(lfr::readTextFile(file) == "id,name\n");
    }
}

TEST_CASE("replacing a file keeps its mode", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    const UmaskGuard guard(022);
    for (const mode_t mode : {mode_t(0600), mode_t(0640), mode_t(0660), mode_t(0644), mode_t(0664), mode_t(0700)}) {
        const auto file = dir / "roster.csv";
        makeFile(file, "old", mode);
        lfr::writeFileAtomically(file, "new roster");
        CHECK(modeOf(file) == mode);
        CHECK(lfr::readTextFile(file) == "new roster");
    }
    CHECK(namesIn(dir.path()) == std::set<std::string>{"roster.csv"});
}

TEST_CASE("replacing a file keeps its owner and group (as root)", "[file-writes]")
{
    if (::geteuid() != 0) {
        SUCCEED("only root can give a file to another user");
        return;
    }
    lfrtest::ScratchDir dir;
    const auto file = dir / "roster.csv";
    makeFile(file, "old", 0640);
    REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
    lfr::writeFileAtomically(file, "new");
    const struct stat st = lstatOf(file);
    CHECK(st.st_uid == 65534);
    CHECK(st.st_gid == 65534);
    CHECK((st.st_mode & 07777) == 0640);
    CHECK(lfr::readTextFile(file) == "new");
}

TEST_CASE("the command line keeps an existing file's mode and honours the umask", "[file-writes][nonroot][cli]")
{
    lfrtest::ScratchDir dir;
    const auto existing = dir / "scenario.json";
    makeFile(existing, "{}", 0600);
    {
        const UmaskGuard guard(022);
        const auto run = lfrtest::runProcess(LFRPLAN_CLI, {"generate", "--officers", "40", "-o", existing}, dir);
        REQUIRE(run.exitCode == 0);
        CHECK(modeOf(existing) == 0600);
        CHECK(lfr::readTextFile(existing).size() > 100);
    }
    const UmaskGuard guard(077);
    const auto fresh = dir / "fresh.json";
    const auto run = lfrtest::runProcess(LFRPLAN_CLI, {"generate", "--officers", "40", "-o", fresh}, dir);
    REQUIRE(run.exitCode == 0);
    CHECK(modeOf(fresh) == 0600);
    const auto model = dir / "model.lp";
    makeFile(model, "", 0640);
    const auto lp = lfrtest::runProcess(LFRPLAN_CLI, {"export-lp", existing, "-o", model}, dir);
    REQUIRE(lp.exitCode == 0);
    CHECK(modeOf(model) == 0640);
}

TEST_CASE("a read-only file is not replaced", "[.][nonroot][file-writes]")
{
    lfrtest::ScratchDir dir;
    const auto file = dir / "archived.csv";
    makeFile(file, "archived", 0444);
    const std::string message = thrown([&] { lfr::writeFileAtomically(file, "new"); });
    CHECK_THAT(message, Catch::Contains(file.string()) && Catch::Contains("read-only"));
    CHECK(lfr::readTextFile(file) == "archived");
    CHECK_THROWS_WITH(lfr::checkOutputWritable(file), Catch::Contains("read-only"));
    CHECK(namesIn(dir.path()) == std::set<std::string>{"archived.csv"});
}

TEST_CASE("a folder we cannot write in is named as the cause", "[.][nonroot][file-writes]")
{
    lfrtest::ScratchDir dir;
    const auto folder = dir / "locked";
    fs::create_directory(folder);
    makeFile(folder / "writable.csv", "old", 0666);
    REQUIRE(::chmod(folder.c_str(), 0555) == 0);
    for (const char *name : {"new.csv", "writable.csv"}) {
        const auto file = folder / name;
        const std::string expected = "cannot write in the folder " + folder.string() + " (permission denied)";
        CHECK_THAT(thrown([&] { lfr::writeFileAtomically(file, "x"); }), Catch::Contains(expected));
        CHECK_THAT(thrown([&] { lfr::checkOutputWritable(file); }), Catch::Contains(expected));
    }
    CHECK(lfr::readTextFile(folder / "writable.csv") == "old");
    ::chmod(folder.c_str(), 0755);
}

TEST_CASE("another user's file in a sticky folder is refused before anything is written", "[file-writes]")
{
    if (::geteuid() != 0) {
        SUCCEED("needs root to make a file of another user");
        return;
    }
    lfrtest::ScratchDir dir;
    REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
    const auto shared = dir / "shared";
    fs::create_directory(shared);
    REQUIRE(::chmod(shared.c_str(), 01777) == 0);
    const auto file = shared / "roster.csv";
    makeFile(file, "root's", 0666);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) { // as nobody: checks and writes must both refuse
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(10);
        const std::string check = thrown([&] { lfr::checkOutputWritable(file); });
        const std::string write = thrown([&] { lfr::writeFileAtomically(file, "nobody's"); });
        const bool named = check.find("another user's file in the folder " + shared.string()) != std::string::npos;
        ::_exit(named && write == check ? 0 : 11);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(lfr::readTextFile(file) == "root's");
    CHECK(namesIn(shared) == std::set<std::string>{"roster.csv"});
}

TEST_CASE("the non-root run really runs without root's powers", "[.][nonroot][file-writes]")
{
    CHECK(::geteuid() != 0);
    CHECK(::getuid() != 0);
    lfrtest::ScratchDir dir;
    const auto file = dir / "ro.txt";
    makeFile(file, "x", 0444);
    CHECK(::open(file.c_str(), O_WRONLY) < 0); // permissions are enforced
    // Scratch folders are our own, out of other users' reach.
    const struct stat st = lstatOf(fs::temp_directory_path());
    CHECK(st.st_uid == ::geteuid());
}

// ---- Finding 2: links, devices, pipes, folders ----------------------------

TEST_CASE("writing to a symbolic link replaces its target and keeps the link", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    fs::create_directory(dir / "real");
    const auto target = dir / "real" / "roster.csv";
    makeFile(target, "old", 0640);
    fs::create_symlink("real/roster.csv", dir / "link.csv");
    fs::create_symlink("link.csv", dir / "link-to-link.csv");
    fs::create_directory(dir / "other");
    fs::create_symlink("../real/roster.csv", dir / "other" / "up.csv");

    lfr::writeFileAtomically(dir / "link.csv", "through the link");
    CHECK(fs::is_symlink(dir / "link.csv"));
    CHECK(fs::read_symlink(dir / "link.csv") == "real/roster.csv");
    CHECK(lfr::readTextFile(target) == "through the link");
    CHECK(modeOf(target) == 0640);

    lfr::writeFileAtomically(dir / "link-to-link.csv", "through two links");
    CHECK(fs::is_symlink(dir / "link-to-link.csv"));
    CHECK(fs::is_symlink(dir / "link.csv"));
    CHECK(lfr::readTextFile(target) == "through two links");

    lfr::writeFileAtomically(dir / "other" / "up.csv", "from another folder");
    CHECK(fs::is_symlink(dir / "other" / "up.csv"));
    CHECK(lfr::readTextFile(target) == "from another folder");
    CHECK(namesIn(dir / "real") == std::set<std::string>{"roster.csv"});
    CHECK(namesIn(dir / "other") == std::set<std::string>{"up.csv"});

    // The command line too.
    const auto run = lfrtest::runProcess(LFRPLAN_CLI, {"generate", "--officers", "40", "-o", dir / "link.csv"}, dir);
    REQUIRE(run.exitCode == 0);
    CHECK(fs::is_symlink(dir / "link.csv"));
    CHECK(lfr::readTextFile(target).size() > 100);
    CHECK(modeOf(target) == 0640);
}

TEST_CASE("a dangling link is written through to the file it names", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    const UmaskGuard guard(027);
    fs::create_symlink("later.csv", dir / "link.csv");
    lfr::writeFileAtomically(dir / "link.csv", "created");
    CHECK(fs::is_symlink(dir / "link.csv"));
    CHECK(lfr::readTextFile(dir / "later.csv") == "created");
    CHECK(modeOf(dir / "later.csv") == 0640);

    fs::create_symlink("missing-folder/x.csv", dir / "nowhere.csv");
    CHECK_THAT(thrown([&] { lfr::writeFileAtomically(dir / "nowhere.csv", "x"); }),
               Catch::Contains("nowhere.csv") && Catch::Contains("missing-folder") &&
                   Catch::Contains("does not exist"));
    CHECK(fs::is_symlink(dir / "nowhere.csv"));

    fs::create_symlink("loop-b", dir / "loop-a");
    fs::create_symlink("loop-a", dir / "loop-b");
    CHECK_THAT(thrown([&] { lfr::writeFileAtomically(dir / "loop-a", "x"); }), Catch::Contains("links"));
    CHECK(fs::is_symlink(dir / "loop-a"));
}

TEST_CASE("a FIFO with a reader receives the text and stays a FIFO", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    const auto fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string text(300000, 'x'); // more than a pipe holds: the writer waits for the reader
    FifoReader reader(fifo);
    lfr::writeFileAtomically(fifo, text);
    CHECK(reader.finish() == text);
    CHECK(S_ISFIFO(lstatOf(fifo).st_mode));
    CHECK(namesIn(dir.path()) == std::set<std::string>{"pipe"});
}

TEST_CASE("a FIFO nobody reads from is a clear error, not a hang", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    const auto fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto start = std::chrono::steady_clock::now();
    CHECK_THAT(thrown([&] { lfr::writeFileAtomically(fifo, "text"); }),
               Catch::Contains(fifo.string()) && Catch::Contains("no program is reading"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK(S_ISFIFO(lstatOf(fifo).st_mode));
    CHECK(namesIn(dir.path()) == std::set<std::string>{"pipe"});
}

TEST_CASE("a reader that leaves the pipe early is an error, not a silent death", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    const auto fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int readerFd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(readerFd >= 0);
    std::string message;
    std::thread writer([&] { message = thrown([&] { lfr::writeFileAtomically(fifo, std::string(1 << 20, 'y')); }); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ::close(readerFd); // the writer is blocked on a full pipe: now it breaks
    writer.join();
    CHECK_THAT(message, Catch::Contains("stopped"));
    sigset_t pending;
    sigemptyset(&pending);
    ::sigpending(&pending);
    CHECK(sigismember(&pending, SIGPIPE) == 0);
    CHECK(S_ISFIFO(lstatOf(fifo).st_mode));
}

TEST_CASE("/dev/null and other character devices are written to, never replaced", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    // First prove on things of our own that special files are written
    // directly: a wrong implementation must not get to replace /dev/null.
    const auto fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    {
        FifoReader reader(fifo);
        lfr::writeFileAtomically(fifo, "proof");
        REQUIRE(reader.finish() == "proof");
    }
    REQUIRE(S_ISFIFO(lstatOf(fifo).st_mode));
    std::set<std::string> made = {"pipe"};
    if (::geteuid() == 0) {
        const auto null = dir / "null";
        made.insert("null");
        REQUIRE(::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
        lfr::writeFileAtomically(null, "discarded");
        REQUIRE(S_ISCHR(lstatOf(null).st_mode));
        REQUIRE(lstatOf(null).st_rdev == makedev(1, 3));
    }
    REQUIRE(namesIn(dir.path()) == made);

    const struct stat before = lstatOf("/dev/null");
    REQUIRE(S_ISCHR(before.st_mode));
    lfr::writeFileAtomically("/dev/null", "discarded");
    lfr::checkOutputWritable("/dev/null");
    const struct stat after = lstatOf("/dev/null");
    CHECK(S_ISCHR(after.st_mode));
    CHECK(after.st_rdev == before.st_rdev);
    CHECK(after.st_ino == before.st_ino);
    CHECK((after.st_mode & 07777) == (before.st_mode & 07777));

    // Through the command line, and through a link to it.
    fs::create_symlink("/dev/null", dir / "null-link");
    const auto run = lfrtest::runProcess(LFRPLAN_CLI, {"generate", "--officers", "40", "-o", "/dev/null"}, dir);
    CHECK(run.exitCode == 0);
    lfr::writeFileAtomically(dir / "null-link", "discarded");
    CHECK(fs::is_symlink(dir / "null-link"));
    CHECK(S_ISCHR(lstatOf("/dev/null").st_mode));
    CHECK(lstatOf("/dev/null").st_ino == before.st_ino);
}

TEST_CASE("a folder, a socket or a missing folder is refused with a clear message", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    fs::create_directory(dir / "plans");
    CHECK_THAT(thrown([&] { lfr::writeFileAtomically(dir / "plans", "x"); }),
               Catch::Contains("plans") && Catch::Contains("is a folder"));
    CHECK_THAT(thrown([&] { lfr::checkOutputWritable(dir / "plans"); }), Catch::Contains("is a folder"));
    CHECK(fs::is_directory(dir / "plans"));

    const auto socketPath = dir / "sock";
    const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(s >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", socketPath.c_str());
    REQUIRE(::bind(s, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
    CHECK_THAT(thrown([&] { lfr::writeFileAtomically(socketPath, "x"); }), Catch::Contains("is a socket"));
    CHECK(S_ISSOCK(lstatOf(socketPath).st_mode));
    ::close(s);

    CHECK_THAT(thrown([&] { lfr::checkOutputWritable(dir / "no-such" / "x.csv"); }),
               Catch::Contains("the folder " + (dir / "no-such").string() + " does not exist"));
    makeFile(dir / "file", "", 0644);
    CHECK_THAT(thrown([&] { lfr::writeFileAtomically(dir / "file" / "x.csv", "x"); }),
               Catch::Contains("is not a folder"));
    CHECK(namesIn(dir.path()) == std::set<std::string>{"plans", "sock", "file"});
}

TEST_CASE("checkOutputWritable accepts what can be written and writes nothing", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    makeFile(dir / "old.csv", "old", 0600);
    fs::create_symlink("dangling.csv", dir / "link.csv");
    REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
    for (const char *name : {"old.csv", "new.csv", "link.csv", "pipe"})
        CHECK_NOTHROW(lfr::checkOutputWritable(dir / name));
    CHECK(namesIn(dir.path()) == std::set<std::string>{"old.csv", "link.csv", "pipe"});
    CHECK(lfr::readTextFile(dir / "old.csv") == "old");
}

// ---- PendingFile: all outputs prepared before any is replaced -------------

TEST_CASE("pending files replace nothing until committed", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    makeFile(dir / "schedule.csv", "old schedule", 0640);
    makeFile(dir / "roster.csv", "old roster", 0600);
    {
        lfr::PendingFile schedule(dir / "schedule.csv", "new schedule");
        lfr::PendingFile roster(dir / "roster.csv", "new roster");
        CHECK(namesIn(dir.path()).size() == 4); // two temporaries beside the files
        // Another write in the folder leaves the pending temporaries alone.
        lfr::writeFileAtomically(dir / "other.csv", "other");
        CHECK(namesIn(dir.path()).size() == 5);
    }
    CHECK(lfr::readTextFile(dir / "schedule.csv") == "old schedule");
    CHECK(lfr::readTextFile(dir / "roster.csv") == "old roster");
    CHECK(namesIn(dir.path()) == std::set<std::string>{"schedule.csv", "roster.csv", "other.csv"});

    std::vector<lfr::PendingFile> files;
    files.emplace_back(dir / "schedule.csv", "new schedule");
    files.emplace_back(dir / "roster.csv", "new roster");
    CHECK_THROWS(lfr::PendingFile(dir / "missing" / "x.csv", "x"));
    for (lfr::PendingFile &f : files)
        f.commit();
    files.front().commit(); // a second commit does nothing
    CHECK(lfr::readTextFile(dir / "schedule.csv") == "new schedule");
    CHECK(lfr::readTextFile(dir / "roster.csv") == "new roster");
    CHECK(modeOf(dir / "schedule.csv") == 0640);
    CHECK(modeOf(dir / "roster.csv") == 0600);
    files.clear();
    CHECK(namesIn(dir.path()) == std::set<std::string>{"schedule.csv", "roster.csv", "other.csv"});
}

// ---- Finding 18: stale temporaries ----------------------------------------

TEST_CASE("a write removes our own stale temporaries in its folder and nothing else", "[file-writes][nonroot]")
{
    lfrtest::ScratchDir dir;
    makeFile(dir / ".x.csv.tmp-ABC123", std::string(1000, 'x'), 0600); // left by a kill -9
    makeFile(dir / ".plan.json.tmp-z9Y8x7", "half a plan", 0644);      // another one
    makeFile(dir / ".keep.tmp-ABC12", "5 characters: not ours", 0600); // other patterns
    makeFile(dir / ".keep.tmp-ABC1234", "7 characters: not ours", 0600);
    makeFile(dir / "keep.tmp-ABC123", "no dot: not ours", 0600);
    makeFile(dir / ".keep.tmp-ABC_23", "not mkstemp's letters", 0600);
    makeFile(dir / ".tmp-ABC123", "no name: not ours", 0600);
    makeFile(dir / "target.txt", "a link's target", 0600);
    fs::create_symlink("target.txt", dir / ".link.tmp-ABC123");       // a link: not ours
    fs::create_directory(dir / ".folder.tmp-ABC123");                 // a folder: not ours
    REQUIRE(::mkfifo((dir / ".fifo.tmp-ABC123").c_str(), 0600) == 0); // a FIFO: not ours
    makeFile(dir / ".held.csv.tmp-QWE456", "a living writer's", 0600);
    const int held = ::open((dir / ".held.csv.tmp-QWE456").c_str(), O_RDONLY);
    REQUIRE(held >= 0);
    REQUIRE(::flock(held, LOCK_EX) == 0);
    bool rootCase = false;
    if (::geteuid() == 0) { // someone else's is not ours to remove
        makeFile(dir / ".theirs.csv.tmp-ABC123", "another user's", 0600);
        REQUIRE(::chown((dir / ".theirs.csv.tmp-ABC123").c_str(), 65534, 65534) == 0);
        rootCase = true;
    }

    lfr::writeFileAtomically(dir / "report.csv", "a report");

    std::set<std::string> expected = {".keep.tmp-ABC12",      ".keep.tmp-ABC1234",  "keep.tmp-ABC123",
                                      ".keep.tmp-ABC_23",     ".tmp-ABC123",        "target.txt",
                                      ".link.tmp-ABC123",     ".folder.tmp-ABC123", ".fifo.tmp-ABC123",
                                      ".held.csv.tmp-QWE456", "report.csv"};
    if (rootCase)
        expected.insert(".theirs.csv.tmp-ABC123");
    CHECK(namesIn(dir.path()) == expected);
    CHECK(lfr::readTextFile(dir / "target.txt") == "a link's target");

    // Once its writer is gone, the held one is stale too.
    ::close(held);
    lfr::writeFileAtomically(dir / "report.csv", "again");
    expected.erase(".held.csv.tmp-QWE456");
    CHECK(namesIn(dir.path()) == expected);
}

TEST_CASE("a killed writer's temporary is removed by the next command that writes there", "[file-writes][cli]")
{
    lfrtest::ScratchDir dir;
    makeFile(dir / ".scenario.json.tmp-Qw3rty", std::string(4096, 'x'), 0600);
    const auto run =
        lfrtest::runProcess(LFRPLAN_CLI, {"generate", "--officers", "40", "-o", dir / "scenario.json"}, dir);
    REQUIRE(run.exitCode == 0);
    CHECK(namesIn(dir.path()) == std::set<std::string>{"scenario.json", "stdout.txt", "stderr.txt"});
}
