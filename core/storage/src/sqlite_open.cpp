#include "sqlite_open.h"

#include "sqlite_connection.h"
#include "sqlite_functions.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <stdexcept>
#include <system_error>

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

// Checks an existing, non-empty file through a read-only connection that
// creates nothing next to it: with no -wal file present the main file is
// the whole database and is opened "immutable" (no -shm, no locks). A
// header, schema or size that does not add up is SQLITE_CORRUPT here.
schema::Standing probe(const std::filesystem::path &file, const std::string &location, int latest)
{
    std::filesystem::path wal = file;
    wal += "-wal";
    std::error_code ec;
    const bool hasWal = std::filesystem::exists(wal, ec);
    std::string generic = std::filesystem::absolute(file, ec).generic_string();
    if (generic.empty() || generic.front() != '/')
        generic.insert(generic.begin(), '/');
    const std::string uri = "file:" + percentEncoded(generic) + (hasWal ? "?mode=ro" : "?mode=ro&immutable=1");

    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    const Database db(raw, location);
    if (rc != SQLITE_OK)
        throw StorageError(location + ": " + describe(raw, rc) + "; the file was not changed");
    DatabaseHeader header;
    try {
        // Reading the schema also checks the header against the file's size.
        header = readHeader([&](const char *sql) { return queryInt(db.get(), location, sql); });
    } catch (const StorageError &error) {
        throw StorageError(std::string(error.what()) + "; the file was not changed");
    }
    const schema::Standing standing = standingOf(header, location);
    schema::upToDate(standing, latest, location); // refuses a newer, incompatible one
    return standing;
}

// Creates `file` only if it does not exist yet, so a store appearing
// meanwhile is never taken for ours to remove. True when it was created.
bool createEmptyFile(const std::filesystem::path &file, std::string &why)
{
    errno = 0;
    std::FILE *created = std::fopen(file.string().c_str(), "wx");
    if (created == nullptr) {
        why = std::generic_category().message(errno);
        return false;
    }
    std::fclose(created);
    return true;
}

void removeDatabaseFiles(const std::filesystem::path &file)
{
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::path path = file;
        path += suffix;
        std::filesystem::remove(path, ec);
    }
}

Database openReadWrite(const std::filesystem::path &file, const std::string &location, const std::string &login)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(file.string().c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    Database db(raw, location);
    if (rc != SQLITE_OK)
        throw StorageError(location + ": " + describe(raw, rc));
    if (sqlite3_db_readonly(raw, "main") == 1)
        throw StorageError(location + ": cannot write to the file (it is read-only)");
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    db.exec("PRAGMA foreign_keys = ON");
    registerFunctions(raw, location, login);
    return db;
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
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    bool created = false;
    if (!std::filesystem::exists(status)) {
        if (mode == OpenMode::ExistingOnly)
            throw StorageError(location + ": no such database file");
        std::string why;
        created = createEmptyFile(file, why);
        if (!created && !std::filesystem::exists(file, ec))
            throw StorageError(location + ": cannot create the database file (" + why + ")");
    } else if (!std::filesystem::is_regular_file(status)) {
        throw StorageError(location + ": not a regular file");
    }

    const int latest = schema::latestVersion();
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        throw StorageError(location + ": cannot read the file (" + ec.message() + ")");
    if (size == 0 && mode == OpenMode::ExistingOnly)
        throw StorageError(location + ": an empty file, not an lfrplan database");
    const bool empty = size == 0 || probe(file, location, latest).empty;
    if (empty && mode == OpenMode::ExistingOnly)
        throw StorageError(location + ": an empty SQLite database, not an lfrplan database; the file was not changed");

    try {
        Database db = openReadWrite(file, location, login);
        // WAL: readers never block the writer and a crash mid-write leaves
        // the last commit intact; FULL syncs the WAL at every commit so a
        // saved plan survives a power cut too (docs/storage.md). A new store
        // is switched before its schema is created, so no rollback journal
        // is ever left behind; a refused upgrade leaves the mode alone.
        if (empty)
            db.exec("PRAGMA journal_mode = WAL");
        schema::migrate(*sql::sqliteConnectionOn(db.get(), location), schema::ladder(), mode);
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
