// libFuzzer target for the lfrplan-scenario/1 reader.
//
// Any input may be refused, but only with lfr::InputError. Anything else is a
// finding: another exception type (it escapes and aborts), a crash, a
// sanitizer report, a leak, or a scenario that does not survive
// write -> read unchanged.
#include "lfrplan/errors.h"
#include "lfrplan/model.h"
#include "lfrplan/scenario_io.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void finding(const char *what, const std::string &detail, std::string_view written)
{
    std::fprintf(stderr, "fuzz_scenario_reader: %s\n%s\n", what, detail.c_str());
    std::fprintf(stderr, "--- writeScenario output (%zu bytes) ---\n%.*s\n--- end ---\n", written.size(),
                 static_cast<int>(written.size()), written.data());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);

    lfr::Scenario scenario;
    try {
        scenario = lfr::readScenario(text);
    } catch (const lfr::InputError &) {
        return 0; // refused as bad input: the expected outcome for most inputs
    }

    // Accepted: what we write must read back as the same scenario.
    const std::string written = lfr::writeScenario(scenario);
    lfr::Scenario again;
    try {
        again = lfr::readScenario(written);
    } catch (const lfr::InputError &error) {
        finding("writeScenario produced a file that readScenario refuses", error.what(), written);
    }
    if (!(again == scenario))
        finding("scenario changed in a write -> read round trip", "", written);
    return 0;
}
