// The printable roster (issue 5): a PDF of the week board (dates across,
// vans and windows down, each deployment's hotspot, times and crew fill)
// followed by every deployment's crew list (role, officer, rank, team).
// A4 landscape; written through QSaveFile, so a failure leaves no partial
// file.
#pragma once

#include <QString>

namespace lfr::ui {

class PlanDocument;

// Writes the PDF; returns an empty string, or what went wrong.
QString writeRosterPdf(const PlanDocument &document, const QString &file);

} // namespace lfr::ui
