#include "lfrplan/errors.h"
#include "lfrplan/json_strict.h"

#include <catch2/catch.hpp>

using namespace lfr;

namespace {

InputError parseError(const std::string &text)
{
    try {
        parseJsonStrict(text);
    } catch (const InputError &e) {
        return e;
    }
    FAIL("expected an InputError for: " << text.substr(0, 80));
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("strict JSON accepts ordinary documents and a byte-order mark", "[json]")
{
    CHECK(parseJsonStrict(R"({"a": [1, 2.5, "x", null, true]})")["a"].size() == 5);
    CHECK(parseJsonStrict("\xEF\xBB\xBF{\"a\": 1}")["a"] == 1);
}

TEST_CASE("duplicate keys are refused with their path", "[json]")
{
    const auto e = parseError(R"({"teams": [{"id": "a", "id": "b"}]})");
    CHECK(e.where() == "teams[0].id");
    CHECK_THAT(e.detail(), Catch::Contains("duplicate key"));
}

TEST_CASE("NaN, Infinity and out-of-range numbers are refused", "[json]")
{
    CHECK_THAT(parseError(R"({"v": NaN})").detail(), Catch::Contains("not valid JSON"));
    CHECK_THAT(parseError(R"({"v": Infinity})").detail(), Catch::Contains("not valid JSON"));
    CHECK_THAT(parseError(R"({"v": -Infinity})").detail(), Catch::Contains("not valid JSON"));
    const auto big = parseError(R"({"h": [{"value": 1e400}]})");
    CHECK(big.where() == "h[0].value");
    CHECK_THAT(big.detail(), Catch::Contains("out of range"));
}

TEST_CASE("syntax errors name line and column", "[json]")
{
    const auto truncated = parseError("{\n  \"a\": [1,\n  2");
    CHECK_THAT(truncated.where(), Catch::StartsWith("line 3, column"));
    const auto trailing = parseError("{\"a\": 1} x");
    CHECK_THAT(trailing.where(), Catch::StartsWith("line 1, column 10"));
    const auto empty = parseError("");
    CHECK_THAT(empty.where(), Catch::StartsWith("line 1, column 1"));
    const auto badUtf8 = parseError("{\"name\": \"\xC3\x28\"}");
    CHECK_THAT(badUtf8.detail(), Catch::Contains("UTF-8"));
}

TEST_CASE("nesting deeper than 64 levels is refused, even 100,000 deep", "[json]")
{
    std::string ok(64, '[');
    ok += std::string(64, ']');
    CHECK_NOTHROW(parseJsonStrict(ok));
    std::string deep65(65, '[');
    deep65 += std::string(65, ']');
    CHECK_THAT(parseError(deep65).detail(), Catch::Contains("nesting deeper than 64"));
    std::string hostile(100000, '[');
    hostile += std::string(100000, ']');
    const auto e = parseError(hostile);
    CHECK_THAT(e.detail(), Catch::Contains("nesting deeper than 64"));
    std::string objects;
    for (int i = 0; i < 100000; ++i)
        objects += "{\"a\":";
    CHECK_THAT(parseError(objects).detail(), Catch::Contains("nesting deeper than 64"));
}

TEST_CASE("paths join keys with dots and count from 0", "[json]")
{
    CHECK(jsonPathKey("", "officers") == "officers");
    CHECK(jsonPathIndex("officers", 12) == "officers[12]");
    CHECK(jsonPathKey("officers[12]", "roster") == "officers[12].roster");
    CHECK(describeOffset("ab\ncd", 4) == "line 2, column 2");
}

TEST_CASE("strict JSON names the encoding of a file that is not UTF-8 (issue 18)", "[json]")
{
    std::string wide = "\xFF\xFE";
    for (const char c : std::string(R"({"a": 1})")) {
        wide += c;
        wide += '\0';
    }
    CHECK_THAT(parseError(wide).detail(), Catch::Contains("the file is UTF-16"));
    const auto latin1 = parseError("{\n\"name\": \"Zo\xEB\"}");
    CHECK_THAT(latin1.where(), Catch::StartsWith("line 2, column 12"));
    CHECK_THAT(latin1.detail(), Catch::Contains("byte 0xEB is not UTF-8") && Catch::Contains("Latin-1"));
}

TEST_CASE("strict JSON refuses numbers that underflow, with their path (issue 18)", "[json]")
{
    const auto tiny = parseError(R"({"h": [{"value": 1e-400}]})");
    CHECK(tiny.where() == "h[0].value");
    CHECK_THAT(tiny.detail(), Catch::Contains("number 1e-400 is too close to 0") && Catch::Contains("underflow"));
    CHECK(parseJsonStrict(R"({"v": 0e-400})")["v"] == 0.0);
}

TEST_CASE("strict JSON shortens what it quotes from the text (issue 18)", "[json]")
{
    // A syntax error in a long string does not print the whole string back.
    const auto e = parseError(R"({"a": ")" + std::string(500000, 'x'));
    CHECK(std::string(e.what()).size() < 400);
}
