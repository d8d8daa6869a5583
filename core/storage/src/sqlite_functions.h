// The SQL functions lfrplan defines on each SQLite connection it opens
// (private to core). The schema's triggers call them, so a change made
// through another program (the sqlite3 shell) that would need an audit
// entry fails with "no such function" instead of going unrecorded:
//   lfrplan_entry_hash(previous, seq, at, actor, action, subject, old, new)
//       the chain hash of an audit entry (lfr::auditEntryHash);
//   lfrplan_actor()     the operating-system login of this connection;
//   lfrplan_auditing()  1, or 0 while lfrplan copy writes a whole store
//       (the copied entries are the trail; the triggers must not add more).
#pragma once

#include "sqlite_handle.h"

#include <string>

namespace lfr::sqlite {

void registerFunctions(sqlite3 *db, const std::string &location, const std::string &login);
void setAuditing(sqlite3 *db, const std::string &location, bool on);

} // namespace lfr::sqlite
