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
// by entry. Throws StorageError naming the problem: a failure while
// copying leaves the destination without any of it (one transaction); a
// difference found by the check afterwards is named, and the copy is left
// in place for inspection, not to be used.
CopyReport copyStore(const std::string &source, const std::string &destination);

} // namespace lfr
