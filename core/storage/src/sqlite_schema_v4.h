// The DDL of schema version 4 (issue 8): each scenario's revision, for
// optimistic versioning. Private to core; used by the fourth migration
// step. A released version is never edited.
#pragma once

namespace lfr::sqlite {

// Every scenario starts at revision 1; each change to its data, plan or
// notes, and a rename, raises it by one (docs/storage.md). Minimum
// compatible version 4: a version-3 build would save without raising it,
// and another planner's stale save would then go through unnoticed.
inline constexpr const char *kSchemaV4 = R"sql(
ALTER TABLE scenarios ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
)sql";

} // namespace lfr::sqlite
