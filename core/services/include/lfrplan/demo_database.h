// The demo database: three scenarios a new user can open, plan and compare
// at once (issue 5). Shared by `lfrplan demo --database` and the desktop
// app's first start.
#pragma once

#include <filesystem>
#include <string>

namespace lfr {

// The baseline scenario's name for a week: "<week> (old baseline: 4 on 2 days)".
std::string baselineName(const std::string &week);

// Makes the demo database at `location` (an SQLite file, which must not
// exist, or an empty PostgreSQL database), from the bundled
// demo-week.json and demo-carnival.json in `dataDir`: the demo week under
// the new policy (10 across 5 days), the same week under the old baseline
// (4 on 2 days), and the Notting Hill Carnival weekend. Throws InputError
// (a missing or unreadable data file) or StorageError (the file exists or
// cannot be written; nothing is left behind then).
void createDemoDatabase(const std::string &location, const std::filesystem::path &dataDir);

} // namespace lfr
