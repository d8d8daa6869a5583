// Writing output files: rosters, calendars, plans and reports name officers,
// so a written file never ends up wider than the user's umask or the mode
// of the file it replaces, and never replaces a link, a device or a pipe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace lfr {

// Writes text to path atomically (temporary file in the same folder, fsync,
// rename): a failure never leaves a half-written file. Throws
// std::runtime_error naming the path on failure. See PendingFile for the
// rules on modes, links and special files.
void writeFileAtomically(const std::filesystem::path &path, std::string_view text);

// Throws std::runtime_error naming the path (or its folder) when a file
// could not be written there; checks, writes nothing.
void checkOutputWritable(const std::filesystem::path &path);

// A file written in two steps, so several outputs can all be prepared
// before any of them replaces what was there: the constructor writes the
// text to a temporary file beside the target; commit() puts it in place;
// a PendingFile destroyed without commit() leaves the old file untouched.
// - an existing file keeps its mode and owner; a new one gets 0666 less
//   the umask;
// - a symbolic link is written through: its final target is replaced
//   atomically and the link stays;
// - a character device or a FIFO (/dev/null, a pipe) is written directly;
// - a folder or any other kind of file is refused.
class PendingFile {
public:
    PendingFile(const std::filesystem::path &path, std::string_view text);
    ~PendingFile();
    PendingFile(const PendingFile &) = delete;
    PendingFile &operator=(const PendingFile &) = delete;
    PendingFile(PendingFile &&other) noexcept;
    PendingFile &operator=(PendingFile &&) = delete;

    void commit();
    const std::filesystem::path &path() const { return path_; }

private:
    std::filesystem::path path_;   // as given
    std::filesystem::path target_; // what gets replaced (a link's target)
    std::filesystem::path temp_;   // empty once committed or when direct
    std::string direct_;           // the text, for devices and FIFOs
    bool isDirect_ = false;
    int fd_ = -1;
};

} // namespace lfr
