// Where the program's bundled data is: the installed share/lfrplan/ next to
// the program, else the source tree's data/ (a build-tree run).
#pragma once

#include <QString>

#include <string>

namespace lfr::ui {

// The bundled file `name` (e.g. "demo-week.json", "london-boroughs.geojson");
// empty when it is in neither place.
QString bundledDataFile(const QString &name);

// Makes the demo database at `file` (which must not exist) with its three
// scenarios: the demo week under the new policy (10 across 5 days), the
// same week under the old baseline (4 on 2 days), and the Notting Hill
// Carnival weekend (lfr::createDemoDatabase over the bundled data). Throws
// lfr::InputError or lfr::StorageError.
void createDemoDatabase(const QString &file);

// A file name to offer for an export of the scenario `scenario`: its name
// with every run of characters file systems refuse or shells trip on
// (/ \ : * ? " < > |, control characters, spaces) made one '-', then
// `suffix` ("-plan.json"). "Demo week 2026-12-07: new policy" gives
// "Demo-week-2026-12-07-new-policy-plan.json" (issue 17, finding 16: the
// ':' was copied into the name).
QString suggestedFileName(const QString &scenario, const QString &suffix);

} // namespace lfr::ui
