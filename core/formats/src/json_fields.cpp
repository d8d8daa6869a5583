#include "json_fields.h"

#include <algorithm>
#include <climits>

namespace lfr::jsonfields {

void fail(const std::string &path, const std::string &detail)
{
    throw InputError(path.empty() ? std::string("(top level)") : path, detail);
}

std::string typeName(const json &value)
{
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return "an integer";
    case json::value_t::number_float:
        return "a number";
    case json::value_t::string:
        return "a string";
    case json::value_t::array:
        return "an array";
    case json::value_t::object:
        return "an object";
    default:
        return "an unsupported value";
    }
}

void requireObject(const json &value, const std::string &path)
{
    if (!value.is_object())
        fail(path, "must be an object, not " + typeName(value));
}

void requireArray(const json &value, const std::string &path)
{
    if (!value.is_array())
        fail(path, "must be an array, not " + typeName(value));
}

void checkKeys(const json &object, const std::string &path, std::initializer_list<std::string_view> allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), std::string_view(it.key())) == allowed.end())
            fail(jsonPathKey(path, it.key()), "unknown key \"" + it.key() + "\"");
    }
}

const json &member(const json &object, const std::string &path, std::string_view key)
{
    const auto it = object.find(key);
    if (it == object.end())
        fail(jsonPathKey(path, key), "missing required key \"" + std::string(key) + "\"");
    return *it;
}

const json *optionalMember(const json &object, std::string_view key)
{
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

std::string asString(const json &value, const std::string &path)
{
    if (!value.is_string())
        fail(path, "must be a string, not " + typeName(value));
    return value.get<std::string>();
}

std::string quotedText(std::string_view text) { return "\"" + printableExcerpt(text, 80) + "\""; }

namespace {

void refuseControls(const std::string &text, const std::string &path, bool allowLineBreaks, std::string_view what)
{
    if (const auto control = findControlCharacter(text, allowLineBreaks))
        fail(path, "contains " + *control + "; " + std::string(what) + " must not contain control characters" +
                       (allowLineBreaks ? std::string(" (tabs and line breaks are allowed)") : std::string()));
}

} // namespace

std::string asId(const json &value, const std::string &path)
{
    std::string id = asString(value, path);
    if (id.empty())
        fail(path, "must be a non-empty string");
    if (id.size() > kMaxIdBytes)
        fail(path, std::to_string(id.size()) + " bytes, the limit of an id is " + std::to_string(kMaxIdBytes) + " (" +
                       quotedText(id) + ")");
    refuseControls(id, path, false, "an id");
    return id;
}

std::string asName(const json &value, const std::string &path)
{
    std::string name = asString(value, path);
    if (const std::size_t n = countCharacters(name); n > kMaxNameCharacters)
        fail(path, std::to_string(n) + " characters, the limit of a name is " + std::to_string(kMaxNameCharacters) +
                       " (" + quotedText(name) + ")");
    refuseControls(name, path, false, "a name");
    return name;
}

std::string asText(const json &value, const std::string &path)
{
    std::string text = asString(value, path);
    if (const std::size_t n = countCharacters(text); n > kMaxTextCharacters)
        fail(path, std::to_string(n) + " characters, the limit of a text is " + std::to_string(kMaxTextCharacters));
    refuseControls(text, path, true, "a text");
    return text;
}

int asCount(const json &value, const std::string &path)
{
    if (value.is_number_unsigned()) {
        const auto v = value.get<json::number_unsigned_t>();
        if (v > static_cast<json::number_unsigned_t>(INT_MAX))
            fail(path, "integer " + value.dump() + " is out of range");
        return static_cast<int>(v);
    }
    if (value.is_number_integer()) {
        const auto v = value.get<json::number_integer_t>();
        if (v < 0)
            fail(path, "must be >= 0, not " + std::to_string(v));
        if (v > INT_MAX)
            fail(path, "integer " + std::to_string(v) + " is out of range");
        return static_cast<int>(v);
    }
    if (value.is_number_float())
        fail(path, "must be a whole JSON integer, not " + value.dump());
    fail(path, "must be an integer, not " + typeName(value));
}

double asNumber(const json &value, const std::string &path)
{
    if (!value.is_number())
        fail(path, "must be a number, not " + typeName(value));
    return value.get<double>();
}

Date parseDateAt(std::string_view text, const std::string &path)
{
    const auto date = parseDate(text);
    if (!date)
        fail(path, quotedText(text) + " is not a real calendar date in the form YYYY-MM-DD");
    return *date;
}

Date asDate(const json &value, const std::string &path) { return parseDateAt(asString(value, path), path); }

Clock asClock(const json &value, const std::string &path)
{
    const std::string text = asString(value, path);
    const auto clock = parseClock(text);
    if (!clock)
        fail(path, quotedText(text) + " is not a time in the form HH:MM between 00:00 and 23:59");
    return *clock;
}

int countOr(const json &object, const std::string &path, std::string_view key, int fallback)
{
    const json *value = optionalMember(object, key);
    return value ? asCount(*value, jsonPathKey(path, key)) : fallback;
}

std::optional<int> optionalCount(const json &object, const std::string &path, std::string_view key)
{
    const json *value = optionalMember(object, key);
    if (!value || value->is_null())
        return std::nullopt;
    return asCount(*value, jsonPathKey(path, key));
}

std::optional<std::string> optionalString(const json &object, const std::string &path, std::string_view key)
{
    const json *value = optionalMember(object, key);
    if (!value || value->is_null())
        return std::nullopt;
    return asString(*value, jsonPathKey(path, key));
}

std::optional<std::string> optionalName(const json &object, const std::string &path, std::string_view key)
{
    const json *value = optionalMember(object, key);
    if (!value || value->is_null())
        return std::nullopt;
    return asName(*value, jsonPathKey(path, key));
}

std::optional<std::string> optionalText(const json &object, const std::string &path, std::string_view key)
{
    const json *value = optionalMember(object, key);
    if (!value || value->is_null())
        return std::nullopt;
    return asText(*value, jsonPathKey(path, key));
}

} // namespace lfr::jsonfields
