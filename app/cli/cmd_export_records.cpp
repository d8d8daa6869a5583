// export-records: the deployment records a force publishes (issue 20, part
// 4), in the Met's published layout, which import-records reads back.
#include "args.h"
#include "commands.h"

#include "lfrplan/dates.h"
#include "lfrplan/deployment_records.h"
#include "lfrplan/errors.h"
#include "lfrplan/file_io.h"
#include "lfrplan/input_limits.h"
#include "lfrplan/storage.h"
#include "lfrplan/transparency.h"

#include <iostream>

namespace lfrcli {

namespace {

std::optional<lfr::Date> dateOption(const Args &args, const char *name)
{
    const auto text = args.value(name);
    if (!text)
        return std::nullopt;
    const auto date = lfr::parseDate(*text);
    if (!date)
        throw UsageError(std::string("--") + name + " \"" + lfr::printableExcerpt(*text, 40) +
                         "\": not a date; give YYYY-MM-DD, e.g. 2023-06-05");
    return date;
}

} // namespace

int cmdExportRecords(const Argv &argv)
{
    const char *usage = "lfrplan export-records DB [--csv FILE] [--from DATE] [--to DATE]";
    if (printHelpIfAsked(argv, usage,
                         "Writes the deployment records a force publishes: the published records imported\n"
                         "(lfrplan import-records) and every deployment closed in lfrplan with its outcome,\n"
                         "in the column layout of the Met's published records (Year, Date, Deployment,\n"
                         "Borough, ..., Ward Code), which import-records reads back as they were.\n"
                         "A count of none is '-', a cell lfrplan does not record is blank; dates dd/mm/yyyy,\n"
                         "durations h:mm. The mapping of a closed deployment: docs/safeguards.md.\n"
                         "The database is opened read-only; what you may read is the store's to decide.\n"
                         "Refused, writing nothing (exit 2), when a stored record cannot be read or a record\n"
                         "would not read back as it is.\n"
                         "Options:\n"
                         "  --csv FILE     write to FILE, atomically (- or absent: standard output)\n"
                         "  --from DATE    only records dated DATE (YYYY-MM-DD) or later\n"
                         "  --to DATE      only records dated DATE (YYYY-MM-DD) or earlier\n"))
        return kExitOk;
    const Args args("export-records", argv, {{"csv"}, {"from"}, {"to"}});
    args.expectPositional(1, 1, usage);
    const auto from = dateOption(args, "from");
    const auto to = dateOption(args, "to");
    if (from && to && *from > *to)
        throw UsageError("--from " + lfr::formatDate(*from) + " is after --to " + lfr::formatDate(*to) +
                         ": no date is in that period");
    const std::string output = args.value("csv").value_or("-");
    if (output != "-")
        lfr::checkOutputWritable(output); // before the database is read
    const std::string &db = args.positional()[0];
    auto store = readOnlyStore(db);
    // A stored record that cannot be read would be missing from the file:
    // refuse rather than publish an incomplete one.
    if (const auto unreadable = store->unreadableRows(); !unreadable.empty()) {
        std::string list;
        for (const lfr::UnreadableRow &row : unreadable)
            list += "\n  " + row.table + ": " + row.row + ": " + row.reason;
        throw lfr::InputError(db, std::to_string(unreadable.size()) +
                                      " stored record(s) cannot be read, and the records written would lack them; "
                                      "nothing written:" +
                                      list);
    }
    const lfr::RecordsForPublication records = lfr::recordsForPublication(*store, from, to);
    writeOutput(output, lfr::publishedRecordsCsv(records.records), "records");
    std::cerr << records.records.size() << " record" << (records.records.size() == 1 ? "" : "s") << ": "
              << records.imported << " published record" << (records.imported == 1 ? "" : "s") << " imported, "
              << records.closed << " deployment" << (records.closed == 1 ? "" : "s") << " closed in lfrplan\n";
    return kExitOk;
}

} // namespace lfrcli
