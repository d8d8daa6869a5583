// Strict JSON parsing for the lfrplan formats (docs/planning-problem.md
// section 1 "Reading rules" and section 5): duplicate object keys, nesting
// deeper than 64 levels, NaN/Infinity and numbers beyond a double's range
// are refused; a leading UTF-8 byte-order mark is accepted. Faults in text
// that is not JSON name the line and column; faults in values name their
// JSON path.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lfr {

inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses text into a JSON value; throws InputError on the first fault.
nlohmann::json parseJsonStrict(std::string_view text);

// JSON path building: "" + "officers" -> "officers", then [12] -> "officers[12]",
// then "team" -> "officers[12].team".
std::string jsonPathKey(std::string_view base, std::string_view key);
std::string jsonPathIndex(std::string_view base, std::size_t index);

// "line L, column C" of a byte offset in text (1-based, columns count bytes).
std::string describeOffset(std::string_view text, std::size_t offset);

} // namespace lfr
