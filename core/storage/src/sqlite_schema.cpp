#include "sqlite_schema.h"

#include "lfrplan/audit_chain.h"
#include "sqlite_functions.h"
#include "sqlite_schema_v1.h"
#include "sqlite_schema_v2.h"
#include "sqlite_schema_v3.h"
#include "sqlite_schema_v4.h"
#include "sqlite_schema_v5.h"
#include "sqlite_schema_v6.h"

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

// What a header means for this build, or a StorageError naming the problem.
enum class Verdict : std::uint8_t { Empty, Current, Older, NewerCompatible };

Verdict judge(const DatabaseHeader &header, int latest, std::string_view location)
{
    const std::string where(location);
    if (header.applicationId == kApplicationId) {
        if (header.userVersion < latest)
            return Verdict::Older;
        if (header.userVersion == latest)
            return Verdict::Current;
        if (header.minCompatibleVersion >= 1 && header.minCompatibleVersion <= latest)
            return Verdict::NewerCompatible;
        throw StorageError(where + ": written by a newer lfrplan (schema version " +
                           std::to_string(header.userVersion) + "; this build reads versions up to " +
                           std::to_string(latest) + "); the file was not changed");
    }
    if (header.applicationId == 0 && header.schemaObjects == 0 && header.userVersion == 0)
        return Verdict::Empty;
    const int objects = header.schemaObjects;
    throw StorageError(where + ": not an lfrplan database (an SQLite database of another application: application_id " +
                       hex(header.applicationId) + ", " + std::to_string(objects) +
                       (objects == 1 ? " table or index" : " tables and indexes") + "); the file was not changed");
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

void requireContiguous(const std::vector<MigrationStep> &steps)
{
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].version != static_cast<int>(i) + 1 || steps[i].minCompatibleVersion < 1 ||
            steps[i].minCompatibleVersion > steps[i].version || !steps[i].apply)
            throw std::logic_error(
                "migration steps must be numbered 1, 2, ... with a compatible version in 1..version");
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
Verdict probe(const std::filesystem::path &file, const std::string &location, int latest)
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
        header = readHeader(db.get(), location);
    } catch (const StorageError &error) {
        throw StorageError(std::string(error.what()) + "; the file was not changed");
    }
    return judge(header, latest, location);
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

namespace {

// Version 6's generated triggers. A change to a scenario's data, plan or notes, or to the
// published records, made by another program than lfrplan (which audits
// each) fails: the trigger calls lfrplan_actor(), which only lfrplan's
// connections define. (Authorisations, settings and user mappings are
// audited by their own triggers, which call it too.)
void refuseOtherPrograms(sqlite3 *db)
{
    static constexpr std::array kTables = {"scenarios",
                                           "scenario_dates",
                                           "windows",
                                           "shifts",
                                           "roles",
                                           "default_crew",
                                           "teams",
                                           "officers",
                                           "officer_skills",
                                           "roster_entries",
                                           "hotspots",
                                           "hotspot_windows",
                                           "hotspot_weekday_factors",
                                           "hotspot_dates",
                                           "hotspot_crew",
                                           "vans",
                                           "van_unavailable_dates",
                                           "pins",
                                           "pin_crew",
                                           "plans",
                                           "plan_deployments",
                                           "plan_crew",
                                           "scenario_notes",
                                           "published_records"};
    std::string sql;
    for (const char *table : kTables)
        for (const char *op : {"INSERT", "UPDATE", "DELETE"})
            sql += std::string("CREATE TRIGGER ") + table + "_through_lfrplan_" + op + " BEFORE " + op + " ON " +
                   table + " WHEN lfrplan_actor() IS NULL BEGIN SELECT RAISE(ABORT, 'a change to " + table +
                   " goes through lfrplan, which audits it'); END;\n";
    // One truth: an authorisation record's columns are its JSON's.
    for (const char *op : {"insert", "update"})
        sql += std::string("CREATE TRIGGER authorisations_one_truth_") + op + " BEFORE " + op +
               " ON authorisations WHEN json_extract(NEW.record, '$.status') IS NOT NEW.status "
               "OR json_extract(NEW.record, '$.hotspot') IS NOT NEW.hotspot "
               "OR json_extract(NEW.record, '$.date') IS NOT NEW.date "
               "OR json_extract(NEW.record, '$.window') IS NOT NEW.window_id BEGIN SELECT RAISE(ABORT, "
               "'authorisations: the status, hotspot, date and window columns must be those of the record'); END;\n";
    sql += "CREATE TRIGGER scenarios_revision_up_by_one BEFORE UPDATE OF revision ON scenarios "
           "WHEN NEW.revision IS NOT OLD.revision AND NEW.revision IS NOT OLD.revision + 1 "
           "BEGIN SELECT RAISE(ABORT, 'scenarios: a revision only goes up by one'); END;\n";
    exec(db, {}, sql.c_str());
}

// Version 6's chain over the entries written before it, oldest first (the
// update trigger accepts exactly this one filling-in of each hash).
void chainExistingEntries(sqlite3 *db)
{
    std::vector<std::int64_t> numbers;
    {
        Statement all(db, {}, "SELECT seq FROM audit_log WHERE hash IS NULL ORDER BY seq");
        while (all.step())
            numbers.push_back(all.int64(0));
    }
    Statement fill(db, {},
                   "UPDATE audit_log SET hash = lfrplan_entry_hash((SELECT a.hash FROM audit_log a "
                   "WHERE a.seq < audit_log.seq ORDER BY a.seq DESC LIMIT 1), seq, at, actor, action, subject, "
                   "old_value, new_value) WHERE seq = ?");
    for (const std::int64_t seq : numbers) {
        fill.bind(1, seq);
        while (fill.step()) {
        }
        fill.reset();
    }
}

} // namespace

const std::vector<MigrationStep> &migrationSteps()
{
    static const std::vector<MigrationStep> steps = {
        {1, 1, "create the schema", [](sqlite3 *db) { exec(db, {}, kSchemaV1); }},
        {2, 2, "add authorisations, published records, settings and the append-only audit trail",
         [](sqlite3 *db) { exec(db, {}, kSchemaV2); }},
        {3, 2, "add each scenario's notes", [](sqlite3 *db) { exec(db, {}, kSchemaV3); }},
        {4, 4, "add each scenario's revision", [](sqlite3 *db) { exec(db, {}, kSchemaV4); }},
        {5, 4, "number audit entries from 1 (on PostgreSQL: harden the server functions)",
         [](sqlite3 *db) { exec(db, {}, kSchemaV5); }},
        {6, 6, "add the user mappings, one truth per authorisation record and the chained audit trail",
         [](sqlite3 *db) {
             exec(db, {}, kSchemaV6);
             refuseOtherPrograms(db);
             chainExistingEntries(db);
         }},
    };
    return steps;
}

int latestSchemaVersion() { return migrationSteps().back().version; }

DatabaseHeader readHeader(sqlite3 *db, std::string_view location)
{
    DatabaseHeader header;
    header.applicationId = static_cast<std::int32_t>(queryInt(db, location, "PRAGMA application_id"));
    header.userVersion = static_cast<int>(queryInt(db, location, "PRAGMA user_version"));
    header.schemaObjects = static_cast<int>(queryInt(db, location, "SELECT count(*) FROM sqlite_schema"));
    if (header.applicationId == kApplicationId &&
        queryInt(db, location, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_info'") > 0)
        header.minCompatibleVersion = static_cast<int>(
            queryInt(db, location, "SELECT coalesce(max(min_compatible_version), 0) FROM schema_info"));
    return header;
}

int migrate(sqlite3 *db, const std::vector<MigrationStep> &steps, std::string_view location)
{
    requireContiguous(steps);
    const int latest = steps.empty() ? 0 : steps.back().version;
    // The usual case, a current database, needs no write lock: opening never
    // waits for another process's long import.
    if (const DatabaseHeader header = readHeader(db, location);
        judge(header, latest, location) != Verdict::Older && header.userVersion > 0)
        return header.userVersion;
    // Table rebuilds need foreign keys off; they are checked as a whole
    // before the commit instead (PRAGMA foreign_key_check).
    const bool foreignKeys = queryInt(db, location, "PRAGMA foreign_keys") != 0;
    exec(db, location, "PRAGMA foreign_keys = OFF");
    struct RestoreForeignKeys {
        sqlite3 *db;
        bool on;
        ~RestoreForeignKeys()
        {
            sqlite3_exec(db, on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF", nullptr, nullptr, nullptr);
        }
    } restore{db, foreignKeys};

    Transaction transaction(db, location, Transaction::Kind::Immediate);
    const DatabaseHeader header = readHeader(db, location);
    const Verdict verdict = judge(header, latest, location);
    if (verdict == Verdict::Current || verdict == Verdict::NewerCompatible) {
        transaction.commit();
        return header.userVersion;
    }
    const int from = header.userVersion;
    const MigrationStep *current = nullptr;
    try {
        for (const MigrationStep &step : steps) {
            if (step.version <= from)
                continue;
            current = &step;
            step.apply(db);
        }
        current = nullptr;
        const std::string bookkeeping =
            "PRAGMA application_id = " + std::to_string(kApplicationId) +
            "; PRAGMA user_version = " + std::to_string(latest) +
            "; INSERT OR REPLACE INTO schema_info (singleton, min_compatible_version) VALUES (1, " +
            std::to_string(steps.back().minCompatibleVersion) + ");";
        exec(db, {}, bookkeeping.c_str());
        if (queryInt(db, location, "SELECT count(*) FROM pragma_foreign_key_check") != 0)
            throw StorageError("the migrated data breaks a foreign key");
        transaction.commit();
    } catch (const std::exception &error) {
        std::string message = std::string(location) + ": upgrading the schema from version " + std::to_string(from) +
                              " to " + std::to_string(latest) + " failed";
        if (current != nullptr)
            message += " at step " + std::to_string(current->version) + " (" + current->description + ")";
        throw StorageError(message + ": " + error.what() + "; rolled back, the database is still at version " +
                           std::to_string(from));
    }
    return latest;
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

    const int latest = latestSchemaVersion();
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        throw StorageError(location + ": cannot read the file (" + ec.message() + ")");
    if (size == 0 && mode == OpenMode::ExistingOnly)
        throw StorageError(location + ": an empty file, not an lfrplan database");
    const bool empty = size == 0 || probe(file, location, latest) == Verdict::Empty;
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
        migrate(db.get(), migrationSteps(), location);
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
