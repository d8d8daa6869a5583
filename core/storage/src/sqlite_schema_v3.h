// The DDL of schema version 3: each scenario's notes (issue 5: "each
// scenario has its ... pins and notes"). Private to core; used by the third
// migration step. A released version is never edited.
#pragma once

namespace lfr::sqlite {

// One row per scenario that has notes. A version-2 build can still read and
// write such a file (minimum compatible version 2): it never touches the
// table, and deleting a scenario removes its notes by ON DELETE CASCADE.
inline constexpr const char *kSchemaV3 = R"sql(
CREATE TABLE scenario_notes (
    scenario_id INTEGER PRIMARY KEY REFERENCES scenarios (id) ON DELETE CASCADE,
    notes TEXT NOT NULL
) STRICT;
)sql";

} // namespace lfr::sqlite
