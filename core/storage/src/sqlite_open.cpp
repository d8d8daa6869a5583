#include "sqlite_open.h"

#include "sqlite_connection.h"
#include "sqlite_functions.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <pwd.h>
#include <stdexcept>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace lfr::sqlite {

namespace {

std::string hex(std::int32_t value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(value));
    return text;
}

// A clear reason for a failure to read a database at all.
std::string describe(sqlite3 *db, int rc)
{
    const std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return "not an SQLite database (" + detail + ")";
    case SQLITE_CORRUPT:
        return "the database is damaged (" + detail + ")";
    case SQLITE_CANTOPEN:
        return "cannot open the file (" + detail + ")";
    default:
        return detail;
    }
}

// Reads one integer from a query that returns one row.
std::int64_t queryInt(sqlite3 *db, std::string_view location, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    std::int64_t value = 0;
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        rc = sqlite3_finalize(stmt);
    }
    if (rc != SQLITE_OK)
        throw StorageError(std::string(location) + ": " + describe(db, rc));
    return value;
}

std::string percentEncoded(const std::string &text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') || c == '/' ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        }
    }
    return out;
}

std::filesystem::path besides(const std::filesystem::path &file, const char *suffix)
{
    std::filesystem::path path = file;
    path += suffix;
    return path;
}

std::filesystem::path folderOf(const std::filesystem::path &file)
{
    const std::filesystem::path folder = file.parent_path();
    return folder.empty() ? std::filesystem::path(".") : folder;
}

// "file:/abs/path?mode=ro", "…&immutable=1": a URI that opens `file` for
// reading only.
std::string readOnlyUri(const std::filesystem::path &file, bool immutable)
{
    std::error_code ec;
    std::string generic = std::filesystem::absolute(file, ec).generic_string();
    if (generic.empty() || generic.front() != '/')
        generic.insert(generic.begin(), '/');
    return "file:" + percentEncoded(generic) + (immutable ? "?mode=ro&immutable=1" : "?mode=ro");
}

// Runs `read` on a read-only connection; a lock held past the wait is a BusyError.
template <typename Read> auto readWaiting(const Database &db, Read &&read) -> decltype(read())
{
    try {
        return read();
    } catch (const StorageError &) {
        if (db.busyWait() != nullptr && db.busyWait()->gaveUp() && isBusy(sqlite3_errcode(db.get())))
            throw db.busyWait()->error();
        throw;
    }
}

// Checks an existing, non-empty file through a read-only connection that
// creates nothing next to it: with no -wal file present the main file is
// the whole database and is opened "immutable" (no -shm, no locks). A
// header, schema or size that does not add up is SQLITE_CORRUPT here.
schema::Standing probe(const std::filesystem::path &file, const std::string &location, int latest,
                       std::chrono::milliseconds busyLimit)
{
    std::error_code ec;
    const bool hasWal = std::filesystem::exists(besides(file, "-wal"), ec);
    sqlite3 *raw = nullptr;
    const int rc =
        sqlite3_open_v2(readOnlyUri(file, !hasWal).c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    Database db(raw, location);
    if (rc != SQLITE_OK)
        throw StorageError(location + ": " + describe(raw, rc) + "; the file was not changed");
    if (hasWal)
        db.waitWhenBusy(std::make_unique<BusyWait>(location, busyLimit, BusyWaitNotice()));
    DatabaseHeader header;
    try {
        // Reading the schema also checks the header against the file's size.
        header = readWaiting(
            db, [&] { return readHeader([&](const char *sql) { return queryInt(db.get(), location, sql); }); });
    } catch (const BusyError &) {
        throw;
    } catch (const StorageError &error) {
        throw StorageError(std::string(error.what()) + "; the file was not changed");
    }
    const schema::Standing standing = standingOf(header, location);
    schema::upToDate(standing, latest, location); // refuses a newer, incompatible one
    return standing;
}

bool mayWrite(const std::filesystem::path &path, int &why)
{
    errno = 0;
    if (::access(path.c_str(), W_OK) == 0)
        return true;
    why = errno;
    return false;
}

// "mode 0444, owner alice": a file's mode and owner, for messages.
std::string modeAndOwner(const std::filesystem::path &file)
{
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        return "mode unknown";
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    std::string owner = std::to_string(st.st_uid);
    std::array<char, 1024> buffer{};
    struct passwd entry {};
    struct passwd *found = nullptr;
    if (::getpwuid_r(st.st_uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr)
        owner = found->pw_name;
    return std::string("mode ") + mode + ", owner " + owner;
}

// Why this process may not write `file`, which access() refused with `why`.
std::string fileRefusal(const std::filesystem::path &file, int why)
{
    if (why == EROFS)
        return "it is on a read-only file system";
    struct stat st {};
    const bool noWriteBits = ::stat(file.c_str(), &st) == 0 && (st.st_mode & 0222) == 0;
    return std::string(noWriteBits ? "the file is read-only" : "you may not write to the file") + " (" +
           modeAndOwner(file) + ")";
}

// Why this process may not create files in `folder`.
std::string folderRefusal(const std::filesystem::path &folder, int why)
{
    return "the folder " + folder.string() + " is not writable (" +
           (why == EROFS ? std::string("a read-only file system") : modeAndOwner(folder)) + ")";
}

constexpr const char *kStillReadable = "; commands that only read it (list, export, compare, report, audit) still can";

// Refuses, before anything is opened for writing, a database this process
// cannot change: a read-only file, or a folder where SQLite cannot create
// the files it needs beside the database (DB-wal, DB-shm).
void requireWritable(const std::filesystem::path &file, const std::string &location)
{
    int why = 0;
    if (!mayWrite(file, why))
        throw StorageError("cannot write to " + location + ": " + fileRefusal(file, why) + kStillReadable);
    const std::filesystem::path folder = folderOf(file);
    if (mayWrite(folder, why))
        return;
    std::error_code ec;
    for (const char *suffix : {"-wal", "-shm"})
        if (!std::filesystem::exists(besides(file, suffix), ec))
            throw StorageError("cannot write to " + location + ": " + folderRefusal(folder, why) +
                               ": SQLite needs to create " + location + suffix + " there" + kStillReadable);
}

// Creates `file` only if it does not exist yet, so a store appearing
// meanwhile is never taken for ours to remove. True when it was created.
bool createEmptyFile(const std::filesystem::path &file, std::string &why)
{
    errno = 0;
    std::FILE *created = std::fopen(file.string().c_str(), "wx");
    if (created == nullptr) { // "the folder X is not writable (mode 0555, owner alice)", or errno's words
        const int error = errno;
        why = std::generic_category().message(error);
        int folderWhy = 0;
        if ((error == EACCES || error == EROFS) && !mayWrite(folderOf(file), folderWhy))
            why = folderRefusal(folderOf(file), folderWhy);
        return false;
    }
    std::fclose(created);
    return true;
}

void removeDatabaseFiles(const std::filesystem::path &file)
{
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(besides(file, suffix), ec);
}

Database openReadWrite(const std::filesystem::path &file, const std::string &location, const std::string &login,
                       std::chrono::milliseconds busyLimit)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(file.string().c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    Database db(raw, location);
    if (rc != SQLITE_OK)
        throw StorageError(location + ": " + describe(raw, rc));
    if (sqlite3_db_readonly(raw, "main") == 1)
        throw StorageError("cannot write to " + location + ": the file is read-only (" + modeAndOwner(file) + ")" +
                           kStillReadable);
    sqlite3_extended_result_codes(raw, 1);
    db.waitWhenBusy(std::make_unique<BusyWait>(location, busyLimit, busyWaitNotice()));
    db.exec("PRAGMA foreign_keys = ON");
    registerFunctions(raw, location, login);
    return db;
}

// Whether reading failed because SQLite could not create DB-shm (or
// another file beside the database) for a WAL database.
bool cannotCreateBeside(int extendedCode)
{
    return extendedCode == SQLITE_READONLY_DIRECTORY || extendedCode == SQLITE_READONLY_CANTINIT ||
           extendedCode == SQLITE_READONLY_CANTLOCK || (extendedCode & 0xff) == SQLITE_CANTOPEN;
}

// Opens an existing lfrplan database for reading only (OpenMode::ReadOnly),
// writing nothing, beside it either when it can help it. With no DB-wal
// (no program has it open) and a file or folder this process may not
// write, it is opened immutable: SQLite would otherwise create DB-shm (read-
// only beside a read-only file, which would later stop its owner from
// writing) or fail to. Otherwise it is read as usual, waiting for a busy
// database; if SQLite cannot create DB-shm and DB-wal holds nothing, it is
// read immutable after all.
Database openReadOnly(const std::filesystem::path &file, const std::string &location, const std::string &login,
                      std::chrono::milliseconds busyLimit)
{
    const std::filesystem::path wal = besides(file, "-wal");
    std::error_code ec;
    const bool hasWal = std::filesystem::exists(wal, ec);
    const auto walSize = hasWal ? std::filesystem::file_size(wal, ec) : 0;
    const bool walEmpty = !hasWal || (!ec && walSize == 0);
    int why = 0;
    bool immutable = !hasWal && (!mayWrite(file, why) || !mayWrite(folderOf(file), why));
    for (;;) {
        sqlite3 *raw = nullptr;
        const int rc = sqlite3_open_v2(readOnlyUri(file, immutable).c_str(), &raw,
                                       SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
        Database db(raw, location);
        if (rc != SQLITE_OK)
            throw StorageError(location + ": " + describe(raw, rc) + "; the file was not changed");
        sqlite3_extended_result_codes(raw, 1);
        if (!immutable)
            db.waitWhenBusy(std::make_unique<BusyWait>(location, busyLimit, busyWaitNotice()));
        try {
            // The first read opens the file (and DB-shm).
            readWaiting(db, [&] { return queryInt(raw, location, "SELECT count(*) FROM sqlite_schema"); });
        } catch (const BusyError &) {
            throw;
        } catch (const StorageError &error) {
            if (immutable || !cannotCreateBeside(sqlite3_extended_errcode(raw)))
                throw StorageError(std::string(error.what()) + "; the file was not changed");
            if (walEmpty) {
                immutable = true;
                continue;
            }
            throw StorageError("cannot read " + location + ": it holds changes not yet merged into it (in " +
                               wal.string() + "), and SQLite cannot create " + location +
                               "-shm to read them (the folder " + folderOf(file).string() +
                               " is not writable); copy the database with its -wal file into a folder you may "
                               "write, or have its owner open it once; the file was not changed");
        }
        registerFunctions(raw, location, login);
        db.markReadOnly();
        schema::migrate(*sql::sqliteConnectionOn(raw, location, db.busyWait()), schema::ladder(), OpenMode::ReadOnly);
        return db;
    }
}

} // namespace

DatabaseHeader readHeader(const std::function<std::int64_t(const char *sql)> &queryInt)
{
    DatabaseHeader header;
    header.applicationId = static_cast<std::int32_t>(queryInt("PRAGMA application_id"));
    header.userVersion = static_cast<int>(queryInt("PRAGMA user_version"));
    header.schemaObjects = static_cast<int>(queryInt("SELECT count(*) FROM sqlite_schema"));
    if (header.applicationId == kApplicationId &&
        queryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_info'") > 0)
        header.minCompatibleVersion =
            static_cast<int>(queryInt("SELECT coalesce(max(min_compatible_version), 0) FROM schema_info"));
    return header;
}

schema::Standing standingOf(const DatabaseHeader &header, const std::string &location)
{
    if (header.applicationId == kApplicationId)
        return {false, header.userVersion, header.minCompatibleVersion};
    if (header.applicationId == 0 && header.schemaObjects == 0 && header.userVersion == 0)
        return {true, 0, 0};
    const int objects = header.schemaObjects;
    throw StorageError(location +
                       ": not an lfrplan database (an SQLite database of another application: "
                       "application_id " +
                       hex(header.applicationId) + ", " + std::to_string(objects) +
                       (objects == 1 ? " table or index" : " tables and indexes") + "); nothing was changed");
}

Database openDatabase(const std::filesystem::path &file, OpenMode mode, const std::string &login)
{
    const std::string location = file.string();
    const std::chrono::milliseconds limit = busyLimit(); // a bad LFRPLAN_BUSY_TIMEOUT, before anything else
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    bool created = false;
    if (!std::filesystem::exists(status)) {
        if (mode != OpenMode::CreateIfMissing)
            throw StorageError(location + ": no such database file");
        std::string why;
        created = createEmptyFile(file, why);
        if (!created && !std::filesystem::exists(file, ec))
            throw StorageError(location + ": cannot create the database file: " + why);
    } else if (!std::filesystem::is_regular_file(status)) {
        throw StorageError(location + ": not a regular file");
    }

    const int latest = schema::latestVersion();
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        throw StorageError(location + ": cannot read the file (" + ec.message() + ")");
    if (size == 0 && mode != OpenMode::CreateIfMissing)
        throw StorageError(location + ": an empty file, not an lfrplan database");
    if (mode == OpenMode::ReadOnly)
        return openReadOnly(file, location, login, limit);
    if (!created)
        requireWritable(file, location);
    const bool empty = size == 0 || probe(file, location, latest, limit).empty;
    if (empty && mode == OpenMode::ExistingOnly)
        throw StorageError(location + ": an empty SQLite database, not an lfrplan database; the file was not changed");

    try {
        Database db = openReadWrite(file, location, login, limit);
        // WAL: readers never block the writer and a crash mid-write leaves
        // the last commit intact; FULL syncs the WAL at every commit so a
        // saved plan survives a power cut too (docs/storage.md). A new store
        // is switched before its schema is created, so no rollback journal
        // is ever left behind; a refused upgrade leaves the mode alone.
        if (empty)
            db.exec("PRAGMA journal_mode = WAL");
        schema::migrate(*sql::sqliteConnectionOn(db.get(), location, db.busyWait()), schema::ladder(), mode);
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        return db;
    } catch (...) {
        if (created)
            removeDatabaseFiles(file);
        throw;
    }
}

} // namespace lfr::sqlite
