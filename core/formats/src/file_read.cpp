// Reading whole input files (scenarios, plans, records) within the limits
// of input_limits.h, and the checks of text every reader shares: its
// encoding, control characters, lengths.
#include "lfrplan/errors.h"
#include "lfrplan/input_limits.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <new>
#include <sys/stat.h>
#include <unistd.h>

namespace lfr {

namespace {

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

std::string tooLarge()
{
    return "larger than " + mib(kMaxInputFileBytes) + ", the limit of an input file (see docs/cli.md)";
}

// Closes the descriptor however reading ends.
struct Fd {
    int fd;
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

} // namespace

std::string readTextFile(const std::filesystem::path &path)
{
    // "-" is standard input, read like a pipe and left open.
    const bool standardInput = path == "-";
    const std::string name = standardInput ? std::string("standard input") : path.string();
    Fd in{standardInput ? ::dup(STDIN_FILENO) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (in.fd < 0)
        throw InputError(name, std::string("cannot open file: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(in.fd, &st) != 0)
        throw InputError(name, std::string("cannot read file: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode))
        throw InputError(name, "is a folder, not a file");
    // A regular file is refused by its size before a byte is read; a pipe or
    // a device is read until it ends or passes the limit.
    const bool regular = S_ISREG(st.st_mode);
    if (regular && static_cast<unsigned long long>(st.st_size) > kMaxInputFileBytes)
        throw InputError(name, "the file has " + std::to_string(st.st_size) + " bytes: " + tooLarge());
    std::string text;
    try {
        if (regular)
            text.reserve(static_cast<std::size_t>(st.st_size));
        std::array<char, 1 << 16> chunk{};
        for (;;) {
            const ssize_t n = ::read(in.fd, chunk.data(), chunk.size());
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                throw InputError(name, std::string("cannot read file: ") + std::strerror(errno));
            }
            if (n == 0)
                break;
            if (text.size() + static_cast<std::size_t>(n) > kMaxInputFileBytes)
                throw InputError(name, "more than " + mib(kMaxInputFileBytes) + " were read: " + tooLarge());
            text.append(chunk.data(), static_cast<std::size_t>(n));
        }
    } catch (const std::bad_alloc &) {
        std::string().swap(text);
        throw InputError(name, "out of memory while reading the file: it is too large for this machine's memory");
    }
    return text;
}

// ---- Encoding -------------------------------------------------------------

namespace {

// Windows-1252's characters for the bytes 0x80-0x9F (0 where it has none);
// 0xA0-0xFF are U+00A0-U+00FF, as in Latin-1.
constexpr std::array<char32_t, 32> kCp1252High = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string utf8Of(char32_t c)
{
    std::string out;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

std::string hexByte(unsigned char b)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
    return buf;
}

// The length of the valid UTF-8 sequence at text[i], or 0 when it is not one
// (overlong forms, surrogates and code points past U+10FFFF are not UTF-8).
std::size_t utf8SequenceAt(std::string_view text, std::size_t i)
{
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = at(i);
    if (b < 0x80)
        return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF; // the range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        if (b == 0xE0)
            lo = 0xA0;
        if (b == 0xED)
            hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        if (b == 0xF0)
            lo = 0x90;
        if (b == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > text.size() || at(i + 1) < lo || at(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (at(i + k) < 0x80 || at(i + k) > 0xBF)
            return 0;
    return n;
}

// UTF-16 without a byte-order mark: most of the bytes at odd (little-endian)
// or even (big-endian) offsets of the first ones are NUL.
std::optional<std::string> utf16Guess(std::string_view text)
{
    const std::size_t n = std::min<std::size_t>(text.size(), 4096) & ~std::size_t{1};
    if (n < 2)
        return std::nullopt;
    std::size_t evenNul = 0, oddNul = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (text[i] == '\0')
            ++(i % 2 == 0 ? evenNul : oddNul);
    const std::size_t pairs = n / 2;
    if (oddNul * 10 >= pairs * 7 && evenNul * 10 < pairs * 3)
        return std::string("little-endian");
    if (evenNul * 10 >= pairs * 7 && oddNul * 10 < pairs * 3)
        return std::string("big-endian");
    return std::nullopt;
}

} // namespace

std::size_t lineOfOffset(std::string_view text, std::size_t offset)
{
    std::size_t line = 1;
    const std::size_t end = std::min(offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n')
            ++line;
        else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))
            ++line; // a lone carriage return ends a line too
    }
    return line;
}

std::optional<EncodingProblem> findEncodingProblem(std::string_view text)
{
    const auto starts = [&](std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; };
    using namespace std::string_view_literals;
    if (starts("\xFF\xFE\0\0"sv) || starts("\0\0\xFE\xFF"sv))
        return EncodingProblem{0, "the file is UTF-32 (it starts with a UTF-32 byte-order mark), not UTF-8", true};
    if (starts("\xFF\xFE"sv))
        return EncodingProblem{0, "the file is UTF-16 (little-endian, with a byte-order mark), not UTF-8", true};
    if (starts("\xFE\xFF"sv))
        return EncodingProblem{0, "the file is UTF-16 (big-endian, with a byte-order mark), not UTF-8", true};
    if (const auto order = utf16Guess(text))
        return EncodingProblem{0, "the file is UTF-16 (" + *order + "; every other byte is 0), not UTF-8", true};
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b == 0)
            return EncodingProblem{i, "byte 0x00 (NUL): this is not a text file", false};
        const std::size_t n = utf8SequenceAt(text, i);
        if (n == 0) {
            std::string detail = "byte " + hexByte(b) + " is not UTF-8";
            char32_t asCp1252 = 0;
            if (b >= 0xA0)
                asCp1252 = b;
            else if (b >= 0x80)
                asCp1252 = kCp1252High[b - 0x80];
            if (asCp1252 != 0)
                detail += " (in Windows-1252 it is \"" + utf8Of(asCp1252) +
                          "\"); the file looks like Latin-1 (Windows-1252), not UTF-8";
            else
                detail += "; the file is in some other encoding than UTF-8";
            return EncodingProblem{i, detail, false};
        }
        i += n;
    }
    return std::nullopt;
}

// ---- Characters -------------------------------------------------------------

namespace {

// The code point at text[i] (valid UTF-8 assumed; a stray byte reads as itself).
char32_t codePointAt(std::string_view text, std::size_t i, std::size_t &length)
{
    length = utf8SequenceAt(text, i);
    const auto b = static_cast<unsigned char>(text[i]);
    if (length <= 1) {
        length = 1;
        return b;
    }
    char32_t c = b & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k)
        c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    return c;
}

bool isControl(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

} // namespace

std::string describeCodePoint(char32_t c)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    std::string out = buf;
    const char *name = nullptr;
    switch (c) {
    case 0x00:
        name = "NUL, the null character";
        break;
    case 0x07:
        name = "bell";
        break;
    case 0x08:
        name = "backspace";
        break;
    case 0x09:
        name = "tab";
        break;
    case 0x0A:
        name = "line feed";
        break;
    case 0x0B:
        name = "vertical tab";
        break;
    case 0x0C:
        name = "form feed";
        break;
    case 0x0D:
        name = "carriage return";
        break;
    case 0x1B:
        name = "escape";
        break;
    case 0x7F:
        name = "delete";
        break;
    case 0x85:
        name = "next line";
        break;
    case 0x9B:
        name = "control sequence introducer";
        break;
    default:
        name = "a control character";
        break;
    }
    return out + " (" + name + ")";
}

std::optional<std::string> findControlCharacter(std::string_view text, bool allowLineBreaks)
{
    for (std::size_t i = 0, n = 0; i < text.size(); i += n) {
        const char32_t c = codePointAt(text, i, n);
        if (!isControl(c))
            continue;
        if (allowLineBreaks && (c == '\t' || c == '\n' || c == '\r'))
            continue;
        return describeCodePoint(c);
    }
    return std::nullopt;
}

std::size_t countCharacters(std::string_view text)
{
    std::size_t count = 0;
    for (const char ch : text)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80)
            ++count;
    return count;
}

std::string printableExcerpt(std::string_view text, std::size_t maxCharacters)
{
    std::string out;
    std::size_t shown = 0;
    for (std::size_t i = 0, n = 0; i < text.size(); i += n) {
        if (shown == maxCharacters) {
            out += "\xE2\x80\xA6 (" + std::to_string(countCharacters(text)) + " characters)";
            break;
        }
        const char32_t c = codePointAt(text, i, n);
        if (isControl(c)) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
            out += buf;
        } else if (n == 1 && c >= 0x80) {
            out += "\\x" + hexByte(static_cast<unsigned char>(c)).substr(2); // not UTF-8
        } else {
            out.append(text.substr(i, n));
        }
        ++shown;
    }
    return out;
}

} // namespace lfr
