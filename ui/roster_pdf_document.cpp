// The desktop app's roster: the open document through the shared renderer
// (roster_pdf.cpp), written by the same file rules as lfrplan's exports.
#include "plan_document.h"
#include "roster_pdf.h"

#include "lfrplan/file_io.h"

#include <cstdio>
#include <exception>

namespace lfr::ui {

QString writeRosterPdf(const PlanDocument &document, const QString &file, QStringList *warnings)
{
    const RosterPdf roster = renderRosterPdf(document.scenario(), document.deployments());
    if (!roster.error.isEmpty())
        return roster.error;
    try {
        writeFileAtomically(file.toStdString(),
                            std::string_view(roster.pdf.constData(), static_cast<std::size_t>(roster.pdf.size())));
    } catch (const std::exception &e) {
        return QString::fromStdString(e.what());
    }
    if (warnings)
        *warnings = roster.warnings;
    else
        for (const QString &warning : roster.warnings)
            std::fprintf(stderr, "warning: %s\n", warning.toUtf8().constData());
    return {};
}

} // namespace lfr::ui
