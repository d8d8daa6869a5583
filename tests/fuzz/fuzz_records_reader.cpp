// libFuzzer target for the published deployment records reader (issue 6).
//
// Any input may be refused as a whole, but only with lfr::InputError; any
// other exception, crash or sanitizer report is a finding. Whatever is read
// must be consistent: every record dated, every problem on a line of the
// input, and the report over the records must add up.
#include "lfrplan/deployment_records.h"
#include "lfrplan/errors.h"
#include "lfrplan/transparency.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    lfr::RecordImport in;
    try {
        in = lfr::readDeploymentRecords(text, "fuzz");
    } catch (const lfr::InputError &) {
        return 0;
    }
    int lines = 1;
    for (const char c : text)
        lines += c == '\n' || c == '\r';
    const auto fail = [](const char *what) {
        std::fprintf(stderr, "fuzz_records_reader: %s\n", what);
        std::abort();
    };
    if (static_cast<int>(in.records.size()) > in.rows)
        fail("more records than rows");
    for (const lfr::RecordProblem &p : in.problems)
        if (p.line < 1 || p.line > lines)
            fail("a problem on a line the input does not have");
    const auto rows = lfr::transparencyReport(in.records, lfr::ReportPeriod::Month, true);
    if (rows.empty() || rows.back().deployments != static_cast<int>(in.records.size()))
        fail("the report's total does not count every record");
    (void)lfr::recordsCsv(in.records);
    (void)lfr::reportCsv(rows);
    return 0;
}
