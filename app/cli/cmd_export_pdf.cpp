// export-pdf: a plan's printable roster as a PDF, without a display.
#include "args.h"
#include "commands.h"

namespace lfrcli {

int cmdExportPdf(const Argv &) { throw UsageError("export-pdf is being built (issue 18, finding 13)"); }

} // namespace lfrcli
