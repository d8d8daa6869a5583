// Writing output files (see lfrplan/file_io.h for the promises).
//
// A regular file is written to a temporary `.NAME.tmp-XXXXXX` beside its
// final target and renamed over it. The writer holds an flock on its
// temporary until it is renamed or removed, so a temporary of our pattern,
// owned by us and not locked, was left by a writer that died (kill -9, power
// cut): the next write into that folder removes it.
#include "lfrplan/file_io.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <stdexcept>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace lfr {

namespace fs = std::filesystem;

namespace {

constexpr const char *kTempInfix = ".tmp-";
constexpr std::size_t kTempSuffixLength = 6; // mkstemp's XXXXXX

enum class Kind { Missing, Regular, Direct };

// What writing to a path means once links are followed.
struct Target {
    fs::path file; // the final target (the path itself when no link)
    Kind kind = Kind::Missing;
    struct stat st {}; // when it exists
};

[[noreturn]] void fail(const std::string &message) { throw std::runtime_error(message); }

std::string mode4(mode_t mode)
{
    std::array<char, 8> buf{};
    std::snprintf(buf.data(), buf.size(), "%04o", static_cast<unsigned>(mode & 07777));
    return buf.data();
}

// How the path is named in messages: as given, plus where a link leads.
std::string describe(const fs::path &given, const fs::path &target)
{
    if (given == target)
        return given.string();
    return given.string() + " (a link to " + target.string() + ")";
}

fs::path folderOf(const fs::path &file) { return file.has_parent_path() ? file.parent_path() : fs::path("."); }

// The folder as a planner can find it: "." becomes the current folder.
std::string folderName(const fs::path &folder)
{
    if (folder == ".") {
        std::error_code ec;
        const fs::path cwd = fs::current_path(ec);
        return ec ? std::string("the current folder") : cwd.string();
    }
    return folder.string();
}

// Why a file could not be created in a folder, in the folder's name.
[[noreturn]] void folderFailure(const std::string &who, const fs::path &folder, int err)
{
    const std::string name = folderName(folder);
    switch (err) {
    case EACCES:
    case EPERM:
        fail(who + ": cannot write in the folder " + name + " (permission denied)");
    case ENOENT:
        fail(who + ": the folder " + name + " does not exist");
    case ENOTDIR:
        fail(who + ": " + name + " is not a folder");
    case EROFS:
        fail(who + ": cannot write in the folder " + name + " (a read-only file system)");
    case ENOSPC:
    case EDQUOT:
        fail(who + ": cannot write in the folder " + name + " (the disk is full)");
    default:
        fail(who + ": cannot write in the folder " + name + ": " + std::strerror(err));
    }
}

// Follows a chain of symbolic links to the file that gets written. A link
// is resolved relative to its own folder, exactly as the kernel does.
Target resolve(const fs::path &path)
{
    if (path.empty())
        fail("no output file name given");
    Target t;
    t.file = path;
    for (int hops = 0;; ++hops) {
        if (::lstat(t.file.c_str(), &t.st) != 0) {
            const int err = errno;
            if (err == ENOENT) {
                t.kind = Kind::Missing;
                return t;
            }
            if (err == ENOTDIR)
                fail(describe(path, t.file) + ": " + folderName(folderOf(t.file)) + " is not a folder");
            if (err == EACCES)
                fail(describe(path, t.file) + ": cannot reach the folder " + folderName(folderOf(t.file)) +
                     " (permission denied)");
            fail(describe(path, t.file) + ": " + std::strerror(err));
        }
        if (!S_ISLNK(t.st.st_mode))
            break;
        if (hops >= 40)
            fail(path.string() + ": too many symbolic links (a loop of links?)");
        std::string buf(static_cast<std::size_t>(t.st.st_size > 0 ? t.st.st_size : 255) + 1, '\0');
        const ssize_t n = ::readlink(t.file.c_str(), buf.data(), buf.size());
        if (n < 0)
            fail(describe(path, t.file) + ": cannot read the link: " + std::strerror(errno));
        buf.resize(static_cast<std::size_t>(n));
        const fs::path next = buf;
        t.file = next.is_absolute() ? next : folderOf(t.file) / next;
    }
    const mode_t m = t.st.st_mode;
    if (S_ISREG(m)) {
        t.kind = Kind::Regular;
    } else if (S_ISCHR(m) || S_ISFIFO(m)) {
        t.kind = Kind::Direct;
    } else if (S_ISDIR(m)) {
        fail(describe(path, t.file) + " is a folder; give a file name to write to");
    } else if (S_ISSOCK(m)) {
        fail(describe(path, t.file) + " is a socket; lfrplan writes only to files, devices and pipes");
    } else if (S_ISBLK(m)) {
        fail(describe(path, t.file) + " is a block device (a disk); lfrplan will not write to it");
    } else {
        fail(describe(path, t.file) + " is not a regular file; lfrplan will not write to it");
    }
    return t;
}

// The process's umask, read without changing it (Linux 4.7+ shows it in
// /proc/self/status); setting and restoring it is the fallback.
mode_t currentUmask()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0) {
            try {
                return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8) & 0777);
            } catch (const std::exception &) {
                break;
            }
        }
    }
    const mode_t old = ::umask(077);
    ::umask(old);
    return old;
}

bool isOurTemporaryName(const std::string &name)
{
    const std::size_t infix = std::strlen(kTempInfix);
    if (name.size() < 2 + infix + kTempSuffixLength || name[0] != '.')
        return false;
    const std::size_t at = name.size() - kTempSuffixLength - infix;
    if (name.compare(at, infix, kTempInfix) != 0)
        return false;
    for (std::size_t i = name.size() - kTempSuffixLength; i < name.size(); ++i) {
        const char c = name[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

// Removes the temporaries of our pattern in the folder that a writer left
// behind when it died: regular files owned by us that no living writer holds
// locked. Anything else is left alone; a failure here never fails a write.
void removeStaleTemporaries(const fs::path &folder)
{
    const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0)
        return;
    const int listFd = ::dup(dirFd);
    DIR *dir = listFd >= 0 ? ::fdopendir(listFd) : nullptr;
    if (!dir) {
        if (listFd >= 0)
            ::close(listFd);
        ::close(dirFd);
        return;
    }
    const uid_t me = ::geteuid();
    while (const dirent *entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (!isOurTemporaryName(name))
            continue;
        struct stat before {};
        if (::fstatat(dirFd, name.c_str(), &before, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(before.st_mode) ||
            before.st_uid != me)
            continue;
        const int fd = ::openat(dirFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0)
            continue;
        struct stat opened {};
        struct stat now {};
        // Locked: a living writer. Unlock happens on close; the name is
        // checked again under the lock, so it is still the same file.
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::fstat(fd, &opened) == 0 &&
            ::fstatat(dirFd, name.c_str(), &now, AT_SYMLINK_NOFOLLOW) == 0 && now.st_dev == opened.st_dev &&
            now.st_ino == opened.st_ino && S_ISREG(now.st_mode) && now.st_uid == me)
            ::unlinkat(dirFd, name.c_str(), 0);
        ::close(fd);
    }
    ::closedir(dir);
    ::close(dirFd);
}

bool writeAll(int fd, std::string_view text, int &err)
{
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

// Writes to a pipe or device with SIGPIPE held back, so a reader that went
// away is an error message, not a silent death of the whole program.
bool writeAllNoSigpipe(int fd, std::string_view text, int &err)
{
    sigset_t pipeSet;
    sigset_t oldMask;
    sigemptyset(&pipeSet);
    sigaddset(&pipeSet, SIGPIPE);
    sigset_t pending;
    sigemptyset(&pending);
    ::sigpending(&pending);
    const bool wasPending = sigismember(&pending, SIGPIPE) == 1;
    ::pthread_sigmask(SIG_BLOCK, &pipeSet, &oldMask);
    const bool ok = writeAll(fd, text, err);
    if (!ok && err == EPIPE && !wasPending) {
        const timespec zero{0, 0};
        while (::sigtimedwait(&pipeSet, nullptr, &zero) < 0 && errno == EINTR) {
        }
    }
    ::pthread_sigmask(SIG_SETMASK, &oldMask, nullptr);
    return ok;
}

// Opens a device or pipe for writing. A FIFO nobody reads from fails at
// once instead of waiting forever.
int openDirect(const std::string &who, const Target &t)
{
    const int fd = ::open(t.file.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        if (err == ENXIO && S_ISFIFO(t.st.st_mode))
            fail(who + ": no program is reading from the pipe; start the reader first");
        if (err == EACCES || err == EPERM)
            fail(who + ": cannot write to it (permission denied)");
        fail(who + ": cannot open it for writing: " + std::strerror(err));
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}

// An existing file must be writable by us: one made read-only is kept.
void checkExistingWritable(const std::string &who, const Target &t)
{
    if (::faccessat(AT_FDCWD, t.file.c_str(), W_OK, AT_EACCESS) != 0 && (errno == EACCES || errno == EPERM))
        fail(who + ": the file is read-only (mode " + mode4(t.st.st_mode) +
             "); make it writable or choose another name");
}

// The folder must let us create the temporary and, for an existing file,
// rename over it: in a sticky folder (/tmp) only the file's or the folder's
// owner may.
void checkFolderWritable(const std::string &who, const Target &t)
{
    const fs::path folder = folderOf(t.file);
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0)
        folderFailure(who, folder, errno);
    if (!S_ISDIR(st.st_mode))
        folderFailure(who, folder, ENOTDIR);
    if (::faccessat(AT_FDCWD, folder.c_str(), W_OK | X_OK, AT_EACCESS) != 0)
        folderFailure(who, folder, errno);
    const uid_t me = ::geteuid();
    if (t.kind == Kind::Regular && (st.st_mode & S_ISVTX) != 0 && me != 0 && t.st.st_uid != me && st.st_uid != me)
        fail(who + ": cannot replace another user's file in the folder " + folderName(folder) +
             " (only a file's owner may replace it there)");
}

// Creates the locked temporary beside the target. The name is checked
// again once locked: a cleaner that took it in the instant between creating
// and locking removed it, so we make another.
int createLockedTemporary(const std::string &who, const fs::path &target, fs::path &temp)
{
    const fs::path folder = folderOf(target);
    for (int attempt = 0; attempt < 10; ++attempt) {
        std::string tmpl = (folder / ("." + target.filename().string() + kTempInfix + "XXXXXX")).string();
        const int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
        if (fd < 0)
            folderFailure(who, folder, errno);
        while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
        }
        struct stat mine {};
        struct stat named {};
        if (::fstat(fd, &mine) == 0 && ::lstat(tmpl.c_str(), &named) == 0 && mine.st_dev == named.st_dev &&
            mine.st_ino == named.st_ino) {
            temp = tmpl;
            return fd;
        }
        ::close(fd);
    }
    fail(who + ": cannot create a temporary file in " + folderName(folder));
}

// Gives the temporary the final file's owner and mode. An owner we cannot
// set (we are not root) becomes ours, which is what writing the file means;
// a group we cannot keep loses its permission bits rather than passing them
// to our group, so the file never reaches people the old one did not.
void applyOwnerAndMode(const Target &t, int fd, const std::string &who, const fs::path &temp)
{
    mode_t mode = 0666 & ~currentUmask();
    if (t.kind == Kind::Regular) {
        mode = t.st.st_mode & 07777;
        struct stat mine {};
        ::fstat(fd, &mine);
        bool ownerKept = mine.st_uid == t.st.st_uid;
        bool groupKept = mine.st_gid == t.st.st_gid;
        if (!ownerKept || !groupKept) {
            if (::fchown(fd, t.st.st_uid, t.st.st_gid) == 0) {
                ownerKept = groupKept = true;
            } else if (!groupKept && ::fchown(fd, static_cast<uid_t>(-1), t.st.st_gid) == 0) {
                groupKept = true;
            }
        }
        if (!groupKept)
            mode &= ~static_cast<mode_t>(S_IRWXG | S_ISGID);
        if (!ownerKept)
            mode &= ~static_cast<mode_t>(S_ISUID);
    }
    if (::fchmod(fd, mode) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        fail(who + ": cannot set the permissions of the new file: " + std::strerror(err));
    }
}

} // namespace

PendingFile::PendingFile(const fs::path &path, std::string_view text) : path_(path)
{
    const Target t = resolve(path);
    target_ = t.file;
    const std::string who = describe(path_, target_);
    if (t.kind == Kind::Direct) {
        isDirect_ = true;
        direct_ = std::string(text);
        fd_ = openDirect(who, t);
        return;
    }
    const fs::path folder = folderOf(target_);
    if (t.kind == Kind::Regular)
        checkExistingWritable(who, t);
    checkFolderWritable(who, t);
    removeStaleTemporaries(folder);
    const int fd = createLockedTemporary(who, target_, temp_);
    auto abandon = [&](const std::string &what, int err) {
        ::close(fd);
        ::unlink(temp_.c_str());
        temp_.clear();
        if (err == ENOSPC || err == EDQUOT)
            fail(who + ": " + what + ": the disk is full");
        fail(who + ": " + what + ": " + std::strerror(err));
    };
    int err = 0;
    if (!writeAll(fd, text, err))
        abandon("cannot write", err);
    applyOwnerAndMode(t, fd, who, temp_);
    if (::fsync(fd) != 0)
        abandon("cannot flush to disk", errno);
    fd_ = fd;
}

PendingFile::~PendingFile()
{
    if (!temp_.empty())
        ::unlink(temp_.c_str());
    if (fd_ >= 0)
        ::close(fd_);
}

PendingFile::PendingFile(PendingFile &&other) noexcept
    : path_(std::move(other.path_)), target_(std::move(other.target_)), temp_(std::exchange(other.temp_, {})),
      direct_(std::move(other.direct_)), isDirect_(std::exchange(other.isDirect_, false)),
      fd_(std::exchange(other.fd_, -1))
{
}

void PendingFile::commit()
{
    if (fd_ < 0)
        return; // already committed (or moved from)
    const std::string who = describe(path_, target_);
    if (isDirect_) {
        int err = 0;
        const bool ok = writeAllNoSigpipe(fd_, direct_, err);
        ::close(fd_);
        fd_ = -1;
        direct_.clear();
        if (!ok) {
            if (err == EPIPE)
                fail(who + ": the program reading from the pipe stopped before everything was written");
            fail(who + ": cannot write: " + std::strerror(err));
        }
        return;
    }
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp_.c_str());
        temp_.clear();
        ::close(fd_);
        fd_ = -1;
        if (err == EPERM || err == EACCES)
            fail(who + ": cannot replace it: the folder " + folderName(folderOf(target_)) +
                 " lets only a file's owner replace it (permission denied)");
        fail(who + ": cannot replace it: " + std::strerror(err));
    }
    temp_.clear();
    // The lock on the renamed file goes with the close: nothing looks for
    // locks on files that are not temporaries.
    ::close(fd_);
    fd_ = -1;
    const int dirFd = ::open(folderOf(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

void writeFileAtomically(const fs::path &path, std::string_view text)
{
    PendingFile file(path, text);
    file.commit();
}

void checkOutputWritable(const fs::path &path)
{
    const Target t = resolve(path);
    const std::string who = describe(path, t.file);
    if (t.kind == Kind::Direct) {
        // Opening a pipe to test it would hand its reader an end of file,
        // so a device or pipe is checked by its permissions only.
        if (::faccessat(AT_FDCWD, t.file.c_str(), W_OK, AT_EACCESS) != 0)
            fail(who + ": cannot write to it (permission denied)");
        return;
    }
    if (t.kind == Kind::Regular)
        checkExistingWritable(who, t);
    checkFolderWritable(who, t);
}

} // namespace lfr
