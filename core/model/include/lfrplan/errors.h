#pragma once

#include <stdexcept>
#include <string>

namespace lfr {

// Bad input: a file or value that breaks a format. `where` is the JSON path
// of the first fault (e.g. "officers[12].team"), or "line L, column C" for
// text that is not JSON at all. what() is the full message "where: detail".
class InputError : public std::runtime_error {
public:
    InputError(std::string where, const std::string &detail)
        : std::runtime_error(where.empty() ? detail : where + ": " + detail), where_(std::move(where)), detail_(detail)
    {
    }
    const std::string &where() const noexcept { return where_; }
    const std::string &detail() const noexcept { return detail_; }

private:
    std::string where_;
    std::string detail_;
};

// A storage failure (not an lfrplan database, corrupt, newer schema, I/O).
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The database is busy: another program held its lock for longer than we
// waited. Nothing was written; trying again later may succeed (exit code 3).
class BusyError : public StorageError {
public:
    using StorageError::StorageError;
};

} // namespace lfr
