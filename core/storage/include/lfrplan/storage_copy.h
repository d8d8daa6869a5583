// Copying a whole store between databases (issue 8): SQLite to PostgreSQL,
// PostgreSQL to SQLite, or either to its own kind. `lfrplan copy` and
// docs/storage.md.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace lfr {

struct CopyReport {
    std::vector<std::pair<std::string, std::int64_t>> rows; // table, rows copied, in copy order
    int scenarios = 0;
    std::int64_t auditEntries = 0;
};

// Copies everything at `source` (which must exist) into `destination`
// (created when it is a missing file): every scenario with its data, plan,
// notes, revision and authorisation records, the published records, the
// settings and the audit trail, row for row, in one transaction on the
// destination. The audit trail keeps its numbers, times and actors, so the
// destination must be opened as its administrator (on PostgreSQL the owner
// of the tables or a superuser) and must hold nothing yet; both must be at
// the same schema version. Afterwards both are read back through the
// storage interface and compared, scenario by scenario, plan by plan, entry
// by entry. Column names come from this build's schema, never from the
// source, and every row (the audit chain's hashes included) is compared
// before the transaction commits: a failure or a difference leaves nothing
// (a new destination file is removed). A source whose audit chain does not
// verify is refused. Throws StorageError naming the problem.
CopyReport copyStore(const std::string &source, const std::string &destination);

// The tables the copy writes, each as "name column column ...", in copy
// order (for the test that holds them to the schema).
const std::vector<std::string> &copiedTables();

} // namespace lfr
