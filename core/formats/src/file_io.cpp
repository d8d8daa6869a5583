#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace lfr {

namespace {

[[noreturn]] void ioFailure(const std::filesystem::path &path, const char *what, int err)
{
    throw std::runtime_error(path.string() + ": " + what + ": " + std::strerror(err));
}

} // namespace

void writeFileAtomically(const std::filesystem::path &path, std::string_view text)
{
    const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        ioFailure(path, "cannot create a temporary file beside it", errno);
    const std::filesystem::path tmp = tmpl;
    auto cleanup = [&](const char *what, int err) {
        ::close(fd);
        ::unlink(tmp.c_str());
        ioFailure(path, what, err);
    };
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            cleanup("cannot write", errno);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0)
        cleanup("cannot set permissions", errno);
    if (::fsync(fd) != 0)
        cleanup("cannot flush to disk", errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        ioFailure(path, "cannot close", err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        ioFailure(path, "cannot replace", err);
    }
    const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

} // namespace lfr
