// Where the program's bundled data is: the installed share/lfrplan/ next to
// the program, else the source tree's data/ (a build-tree run).
#pragma once

#include <QString>

namespace lfr::ui {

// The bundled file `name` (e.g. "demo-week.json", "london-boroughs.geojson");
// empty when it is in neither place.
QString bundledDataFile(const QString &name);

} // namespace lfr::ui
