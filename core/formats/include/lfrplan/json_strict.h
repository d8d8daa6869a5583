// Strict JSON parsing for the lfrplan formats (docs/planning-problem.md
// section 1 "Reading rules" and section 5): duplicate object keys, nesting
// deeper than 64 levels, NaN/Infinity, numbers beyond a double's range and
// numbers too close to 0 to read (1e-400) are refused, and so is anything
// past the limits of input_limits.h (checked while parsing: a long string is
// refused before it is built); a leading UTF-8 byte-order mark is accepted,
// UTF-16 and Latin-1 are refused by name. Faults in text that is not JSON
// name the line and column; faults in values name their JSON path. Running
// out of memory is an InputError too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "lfrplan/input_limits.h"

#include <nlohmann/json.hpp>

namespace lfr {

// Parses text into a JSON value; throws InputError on the first fault.
nlohmann::json parseJsonStrict(std::string_view text);

// Empties a value from its leaves up without allocating. nlohmann's own
// destructor allocates a stack as large as the biggest array, which aborts
// the program (std::terminate) when the memory has run out; releasing the
// value first makes its destruction allocation-free. Depth is bounded by
// kMaxJsonDepth for parsed values.
void releaseJson(nlohmann::json &value) noexcept;

// Releases a value when it goes out of scope, whether reading succeeded or
// threw (for example std::bad_alloc).
class JsonReleaser {
public:
    explicit JsonReleaser(nlohmann::json &value) : value_(value) {}
    ~JsonReleaser() { releaseJson(value_); }
    JsonReleaser(const JsonReleaser &) = delete;
    JsonReleaser &operator=(const JsonReleaser &) = delete;

private:
    nlohmann::json &value_;
};

// JSON path building: "" + "officers" -> "officers", then [12] -> "officers[12]",
// then "team" -> "officers[12].team".
std::string jsonPathKey(std::string_view base, std::string_view key);
std::string jsonPathIndex(std::string_view base, std::size_t index);

// "line L, column C" of a byte offset in text (1-based, columns count bytes).
std::string describeOffset(std::string_view text, std::size_t offset);

} // namespace lfr
