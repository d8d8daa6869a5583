// export-pdf: a plan's printable roster as a PDF, without a display.
//
// lfrplan links no Qt (docs/architecture.md), so the drawing is done by a
// small Qt Gui program, lfrplan-roster-pdf (ui/roster_pdf_main.cpp): this
// command loads and checks the scenario and plan as every export does,
// checks that the output can be written, then hands both to the renderer as
// JSON on its standard input and takes the PDF from its standard output.
// The renderer's warnings (characters no installed font has) come through
// on standard error. The file is written only when the renderer succeeded.
#include "args.h"
#include "commands.h"

#include "lfrplan/file_io.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

extern char **environ;

namespace lfrcli {

namespace {

namespace fs = std::filesystem;

constexpr const char *kRenderer = "lfrplan-roster-pdf";

// Where the renderer is: $LFRPLAN_PDF_RENDERER when set; else beside this
// program (the build tree), else ../libexec/lfrplan/ from it (installed).
fs::path findRenderer()
{
    if (const char *env = std::getenv("LFRPLAN_PDF_RENDERER"); env && *env) {
        if (::access(env, X_OK) != 0)
            throw std::runtime_error(std::string("the PDF renderer named by LFRPLAN_PDF_RENDERER, ") + env +
                                     ", cannot be run: " + std::strerror(errno) + " (nothing was written)");
        return env;
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> looked;
    if (!ec) {
        const fs::path bin = exe.parent_path();
        looked = {bin / kRenderer, bin.parent_path() / "libexec" / "lfrplan" / kRenderer};
        for (const fs::path &candidate : looked)
            if (::access(candidate.c_str(), X_OK) == 0)
                return candidate;
    }
    std::string where;
    for (const fs::path &p : looked)
        where += (where.empty() ? "" : " and ") + p.string();
    throw std::runtime_error(
        "the PDF renderer (" + std::string(kRenderer) + ") is not installed or not part of this build" +
        (where.empty() ? std::string() : ": looked for " + where) +
        ". It is built with the desktop app (cmake -DLFRPLAN_BUILD_UI=ON); set LFRPLAN_PDF_RENDERER to its "
        "path if it is elsewhere. Nothing was written");
}

class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return fd_; }
    void reset()
    {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_ = -1;
};

struct Pipe {
    Fd read, write;
};

Pipe makePipe()
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("cannot start the PDF renderer: ") + std::strerror(errno));
    return Pipe{Fd(fds[0]), Fd(fds[1])};
}

// A write to a renderer that has gone must fail with EPIPE, not kill us.
class IgnoreSigpipe {
public:
    IgnoreSigpipe() { ::sigaction(SIGPIPE, &ignore(), &old_); }
    ~IgnoreSigpipe() { ::sigaction(SIGPIPE, &old_, nullptr); }
    IgnoreSigpipe(const IgnoreSigpipe &) = delete;
    IgnoreSigpipe &operator=(const IgnoreSigpipe &) = delete;

private:
    static const struct sigaction &ignore()
    {
        static struct sigaction action = [] {
            struct sigaction a {};
            a.sa_handler = SIG_IGN;
            sigemptyset(&a.sa_mask);
            return a;
        }();
        return action;
    }
    struct sigaction old_ {};
};

// Passes the renderer's standard error on, a line at a time, in our name.
class ErrorLines {
public:
    void add(const char *data, std::size_t n)
    {
        pending_.append(data, n);
        std::size_t end;
        while ((end = pending_.find('\n')) != std::string::npos) {
            std::cerr << "lfrplan export-pdf: " << pending_.substr(0, end) << "\n";
            pending_.erase(0, end + 1);
        }
    }
    void finish()
    {
        if (!pending_.empty())
            add("\n", 1);
    }

private:
    std::string pending_;
};

struct Rendered {
    int status = 0; // waitpid's
    std::string pdf;
};

// Runs the renderer with `input` on its standard input; reads its output
// and error while writing, so neither side waits on a full pipe.
Rendered runRenderer(const fs::path &renderer, const std::string &input)
{
    Pipe in = makePipe(), out = makePipe(), err = makePipe();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read.get(), 0);
    posix_spawn_file_actions_adddup2(&actions, out.write.get(), 1);
    posix_spawn_file_actions_adddup2(&actions, err.write.get(), 2);
    std::string program = renderer.string();
    char *childArgs[] = {program.data(), nullptr};
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, childArgs, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        throw std::runtime_error("cannot run the PDF renderer " + program + ": " + std::strerror(spawned) +
                                 " (nothing was written)");
    in.read.reset();
    out.write.reset();
    err.write.reset();
    ::fcntl(in.write.get(), F_SETFL, O_NONBLOCK);

    const IgnoreSigpipe sigpipe;
    Rendered result;
    ErrorLines errors;
    std::size_t sent = 0;
    if (input.empty())
        in.write.reset();
    char buffer[65536];
    while (out.read.get() >= 0 || err.read.get() >= 0) {
        pollfd fds[3] = {{in.write.get(), POLLOUT, 0}, {out.read.get(), POLLIN, 0}, {err.read.get(), POLLIN, 0}};
        if (::poll(fds, 3, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[0].revents != 0) {
            const ssize_t n =
                ::write(in.write.get(), input.data() + sent, std::min<std::size_t>(input.size() - sent, 65536));
            if (n > 0)
                sent += static_cast<std::size_t>(n);
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || sent == input.size())
                in.write.reset(); // all sent, or the renderer stopped reading (it says why)
        }
        Fd *readers[2] = {&out.read, &err.read};
        for (int i = 0; i < 2; ++i) {
            if (fds[i + 1].revents == 0)
                continue;
            const ssize_t n = ::read(readers[i]->get(), buffer, sizeof buffer);
            if (n > 0 && i == 0)
                result.pdf.append(buffer, static_cast<std::size_t>(n));
            else if (n > 0)
                errors.add(buffer, static_cast<std::size_t>(n));
            else if (n == 0 || (errno != EAGAIN && errno != EINTR))
                readers[i]->reset();
        }
    }
    in.write.reset();
    errors.finish();
    while (::waitpid(pid, &result.status, 0) < 0 && errno == EINTR) {
    }
    return result;
}

std::string describeFailure(int status)
{
    if (WIFSIGNALED(status))
        return "stopped by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
    return "exit code " + std::to_string(WEXITSTATUS(status));
}

} // namespace

int cmdExportPdf(const Argv &argv)
{
    const char *usage = "lfrplan export-pdf SCENARIO.json PLAN.json -o FILE.pdf\n"
                        "       lfrplan export-pdf DB NAME -o FILE.pdf";
    if (printHelpIfAsked(argv, usage,
                         "Writes the plan's printable roster as a PDF (A4 landscape): the week board (dates\n"
                         "across, vans and windows down, each deployment's hotspot and crew fill), then every\n"
                         "deployment's crew list (role, warrant number, name, rank, team). Needs no display.\n"
                         "The file is written atomically, like every export: a failure leaves no partial file.\n"
                         "A plan that breaks a hard constraint is refused (exit 1) unless --allow-invalid.\n"
                         "Names print in DejaVu Sans, with WenQuanYi Micro Hei for Chinese, Japanese and Korean\n"
                         "and Symbola for emoji when installed, then any font fontconfig offers; a character no\n"
                         "installed font has is left out (a gap or a box), with a warning naming whose name it\n"
                         "is in (the PDF is still written, exit 0). Emoji print, but a PDF reader's search does\n"
                         "not find them.\n"
                         "The drawing is done by lfrplan-roster-pdf, installed with the desktop app (found\n"
                         "beside lfrplan, in ../libexec/lfrplan/, or at $LFRPLAN_PDF_RENDERER).\n"
                         "Options:\n"
                         "  -o, --output FILE   where to write (- for standard output, not a terminal)\n"
                         "  --allow-invalid     print a plan that breaks a hard constraint, with a warning\n"
                         "  --db DB --scenario NAME   the same as DB NAME\n"))
        return kExitOk;
    const Args args("export-pdf", argv, withExportOptions({{"output", true, 'o'}}));
    const auto output = args.value("output");
    if (!output)
        throw UsageError("give -o FILE.pdf (or -o - for standard output)\nusage: " + std::string(usage));
    if (*output == "-" && ::isatty(STDOUT_FILENO))
        throw UsageError("standard output is a terminal: give -o FILE.pdf, or send it to a file or a program");
    const ScenarioAndPlan data = loadScenarioAndPlan(args, usage);
    if (!planMayBeExported(data, args, args.command()))
        return kExitInvalid;
    if (*output != "-")
        lfr::checkOutputWritable(*output);
    const fs::path renderer = findRenderer();

    const nlohmann::json input = {{"scenario", lfr::scenarioToJson(data.scenario)},
                                  {"plan", lfr::planToJson(data.plan)}};
    const Rendered rendered = runRenderer(renderer, input.dump());
    const bool exited = WIFEXITED(rendered.status) && WEXITSTATUS(rendered.status) == 0;
    if (!exited || !rendered.pdf.starts_with("%PDF-"))
        throw std::runtime_error("the PDF renderer " + renderer.string() + " failed (" +
                                 (exited ? std::string("it wrote no PDF") : describeFailure(rendered.status)) +
                                 "): nothing was written");
    writeOutput(*output, rendered.pdf, "roster");
    return kExitOk;
}

} // namespace lfrcli
