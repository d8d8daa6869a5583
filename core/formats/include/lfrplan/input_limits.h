// Reading input files within documented limits (docs/cli.md): a file too
// large, a string too long or an array too big is refused while reading,
// with its JSON path (or its CSV line), before it can exhaust the memory.
//
// The limits are generous for real use: the largest scenario the project's
// benchmarks generate (33,000 officers in 120 teams, 120 hotspots, 10 vans,
// 28 dates: 25 MB of JSON, 0.9 million values) is a tenth of the file and
// value limits (they allow about 33,000 officers over 300 dates), and a
// published records file holds a few hundred rows of 20 columns.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace lfr {

// ---- Files ------------------------------------------------------------------

// The largest input file read (scenarios, plans, authorisations, records):
// 256 MiB. A regular file is refused by its size before it is read; a pipe
// or a device is refused as soon as more than this has been read.
inline constexpr std::size_t kMaxInputFileBytes = std::size_t{256} << 20;

// ---- JSON (scenario, plan and authorisation files), checked while parsing ----

// Objects and arrays nested deeper than this are refused.
inline constexpr std::size_t kMaxJsonDepth = 64;
// The longest string (as written in the file, escapes included): 1 MiB.
// Refused as soon as the parser has read this much of it.
inline constexpr std::size_t kMaxJsonStringBytes = std::size_t{1} << 20;
// The longest number as written (a double needs at most 17 digits; this
// leaves room for zeros).
inline constexpr std::size_t kMaxJsonNumberChars = 1000;
// The most items in one array, and the most keys in one object.
inline constexpr std::size_t kMaxJsonItems = 1'000'000;
// The most values (numbers, strings, objects, arrays...) in one file.
inline constexpr std::size_t kMaxJsonValues = 10'000'000;

// ---- Fields -----------------------------------------------------------------

// An id (of a window, shift, role, team, officer, hotspot or van, and every
// reference to one; also every object key): at most 100 bytes, no control
// characters.
inline constexpr std::size_t kMaxIdBytes = 100;
// A name (of the scenario, a team, an officer, a hotspot, a borough, a van, a
// skill; the people of an authorisation; a watch-list category): at most
// 200 characters (Unicode code points), no control characters.
inline constexpr std::size_t kMaxNameCharacters = 200;
// Free text (an authorisation's rationale or cancel reason, a plan's
// reason): at most 100,000 characters; tabs and line breaks are allowed,
// other control characters are not.
inline constexpr std::size_t kMaxTextCharacters = 100'000;

// ---- Published deployment records (CSV, import-records) ----------------------

// The longest cell: 64 KiB.
inline constexpr std::size_t kMaxCsvCellBytes = std::size_t{64} << 10;
// The most cells in one row.
inline constexpr std::size_t kMaxCsvColumns = 1000;
// The most records (rows after the header) in one file.
inline constexpr std::size_t kMaxRecordRows = 100'000;

// ---- Reading ----------------------------------------------------------------

// Reads a whole file, or standard input for "-" (InputError names the file
// when it cannot be read, is a folder, is larger than kMaxInputFileBytes,
// or does not fit in memory).
std::string readTextFile(const std::filesystem::path &path);

// Why text is not UTF-8: a UTF-16 or UTF-32 file (by its byte-order mark or
// its NUL bytes), a NUL byte, or the first byte that is not UTF-8 (naming
// Latin-1 / Windows-1252 when it looks like it). `offset` is the byte's.
struct EncodingProblem {
    std::size_t offset = 0;
    std::string detail;
    bool wholeFile = false; // the file's encoding, not one byte
};
std::optional<EncodingProblem> findEncodingProblem(std::string_view text);

// The line (from 1) of a byte offset: LF, CRLF and a lone CR end a line.
std::size_t lineOfOffset(std::string_view text, std::size_t offset);

// The first control character (U+0000-U+001F, U+007F, U+0080-U+009F) of
// UTF-8 text, described as "U+001B (escape)"; tab, line feed and carriage
// return are allowed when `allowLineBreaks`.
std::optional<std::string> findControlCharacter(std::string_view text, bool allowLineBreaks);
std::string describeCodePoint(char32_t c);

// Characters (code points) of UTF-8 text.
std::size_t countCharacters(std::string_view text);

// Text safe to print in a message: control characters as \uXXXX, bytes
// that are not UTF-8 as \xNN, at most `maxCharacters` characters.
std::string printableExcerpt(std::string_view text, std::size_t maxCharacters);

} // namespace lfr
