// Field readers shared by the scenario and plan readers: each names the JSON
// path of the first fault (docs/planning-problem.md section 5).
#pragma once

#include "lfrplan/dates.h"
#include "lfrplan/errors.h"
#include "lfrplan/input_limits.h"
#include "lfrplan/json_strict.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lfr::jsonfields {

using nlohmann::json;

std::string typeName(const json &value);

// Refuses a value that is not an object, and any key outside `allowed`.
void requireObject(const json &value, const std::string &path);
void checkKeys(const json &object, const std::string &path, std::initializer_list<std::string_view> allowed);
void requireArray(const json &value, const std::string &path);

// A required member (absent -> "missing required key").
const json &member(const json &object, const std::string &path, std::string_view key);
// An optional member; nullptr when absent.
const json *optionalMember(const json &object, std::string_view key);

std::string asString(const json &value, const std::string &path);
// An id: a non-empty string of at most kMaxIdBytes bytes, no control characters.
std::string asId(const json &value, const std::string &path);
// A name (a person, a place, a team, a scenario): at most kMaxNameCharacters
// characters, no control characters; may be empty.
std::string asName(const json &value, const std::string &path);
// Free text (a rationale, a reason): at most kMaxTextCharacters characters;
// tabs and line breaks are allowed, other control characters are not.
std::string asText(const json &value, const std::string &path);
// A string as an error message may quote it: control characters shown as
// \uXXXX and at most 80 characters.
std::string quotedText(std::string_view text);
int asCount(const json &value, const std::string &path);     // JSON integer 0..INT_MAX
double asNumber(const json &value, const std::string &path); // finite number, not a boolean
Date asDate(const json &value, const std::string &path);
Date parseDateAt(std::string_view text, const std::string &path);
Clock asClock(const json &value, const std::string &path);

// Optional keys. With a default, null is a type error; without one, null
// means "not given".
int countOr(const json &object, const std::string &path, std::string_view key, int fallback);
std::optional<int> optionalCount(const json &object, const std::string &path, std::string_view key);
std::optional<std::string> optionalString(const json &object, const std::string &path, std::string_view key);
std::optional<std::string> optionalName(const json &object, const std::string &path, std::string_view key);
std::optional<std::string> optionalText(const json &object, const std::string &path, std::string_view key);

[[noreturn]] void fail(const std::string &path, const std::string &detail);

} // namespace lfr::jsonfields
