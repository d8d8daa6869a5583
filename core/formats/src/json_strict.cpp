#include "lfrplan/json_strict.h"

#include "lfrplan/errors.h"
#include "lfrplan/input_limits.h"

#include <cfloat>
#include <cmath>
#include <iterator>
#include <new>
#include <unordered_set>
#include <vector>

namespace lfr {

using nlohmann::json;

std::string jsonPathKey(std::string_view base, std::string_view key)
{
    std::string out(base);
    if (!out.empty())
        out += '.';
    out += key;
    return out;
}

std::string jsonPathIndex(std::string_view base, std::size_t index)
{
    std::string out(base);
    out += '[';
    out += std::to_string(index);
    out += ']';
    return out;
}

std::string describeOffset(std::string_view text, std::size_t offset)
{
    std::size_t line = 1;
    std::size_t column = 1;
    const std::size_t end = std::min(offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

namespace {

// What the scanner below stopped at.
enum class Overrun { None, Text, Number };

// Watches the text as nlohmann's lexer reads it, byte by byte, and ends the
// input early (the lexer sees the end of the file) when one string or one
// number grows past its limit: a 200 MB string is refused after 1 MiB,
// before the lexer has built it.
struct Scan {
    const char *begin = nullptr;
    const char *at = nullptr; // the byte read last
    bool inString = false;
    bool escape = false;
    std::size_t run = 0;      // bytes of the current string or number so far
    std::size_t runStart = 0; // offset of its first byte
    Overrun overrun = Overrun::None;

    void step(const char *p)
    {
        at = p;
        const char c = *p;
        if (inString) {
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == '"') {
                inString = false;
                run = 0;
                return;
            }
            if (++run > kMaxJsonStringBytes)
                overrun = Overrun::Text;
        } else if (c == '"') {
            inString = true;
            escape = false;
            run = 0;
            runStart = static_cast<std::size_t>(p - begin);
        } else if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
            if (run++ == 0)
                runStart = static_cast<std::size_t>(p - begin);
            if (run > kMaxJsonNumberChars)
                overrun = Overrun::Number;
        } else {
            run = 0;
        }
    }
};

class ScanIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    ScanIterator(const char *p, Scan *scan) : p_(p), scan_(scan) {}
    reference operator*() const { return *p_; }
    ScanIterator &operator++()
    {
        scan_->step(p_);
        ++p_;
        return *this;
    }
    ScanIterator operator++(int)
    {
        ScanIterator old = *this;
        ++*this;
        return old;
    }
    // The end is reached at the end of the text, or as soon as a limit is passed.
    bool operator==(const ScanIterator &end) const { return p_ == end.p_ || scan_->overrun != Overrun::None; }
    bool operator!=(const ScanIterator &end) const { return !(*this == end); }

private:
    const char *p_;
    Scan *scan_;
};

std::string sizeText(std::size_t bytes)
{
    if (bytes % (std::size_t{1} << 20) == 0)
        return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

// A number as written: nonzero when a digit of its mantissa is.
bool mantissaIsNonZero(std::string_view literal)
{
    for (const char c : literal) {
        if (c == 'e' || c == 'E')
            break;
        if (c >= '1' && c <= '9')
            return true;
    }
    return false;
}

// Builds the DOM itself so that it can refuse what nlohmann::json accepts:
// duplicate keys, excessive depth, non-finite numbers and numbers that
// underflow, and the limits of input_limits.h. Returning false stops the
// parser at once.
class StrictSax {
public:
    StrictSax(json &root, const Scan &scan, std::string_view text) : root_(root), scan_(scan), text_(text) {}

    bool null() { return put(json(nullptr)); }
    bool boolean(bool v) { return put(json(v)); }
    bool number_integer(json::number_integer_t v) { return number() && put(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return number() && put(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t &literal)
    {
        if (!number())
            return false;
        if (!std::isfinite(v))
            return fail(currentPath(), "number " + excerpt(literal) + " is out of range (beyond a double)");
        if ((v == 0 && mantissaIsNonZero(literal)) || (v != 0 && std::fabs(v) < DBL_MIN))
            return fail(currentPath(), "number " + excerpt(literal) +
                                           " is too close to 0 to be read without changing its value (underflow)");
        return put(json(v));
    }
    bool string(json::string_t &v) { return put(json(std::move(v))); }
    bool binary(json::binary_t &) { return fail(currentPath(), "binary values are not JSON"); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(json::string_t &k)
    {
        Frame &frame = stack_.back();
        if (k.size() > kMaxIdBytes)
            return fail(frame.path, "a key of " + std::to_string(k.size()) + " bytes (\"" + excerpt(k) +
                                        "\"); keys are names of fields or ids, at most " + std::to_string(kMaxIdBytes) +
                                        " bytes");
        if (const auto control = findControlCharacter(k, false))
            return fail(frame.path, "the key \"" + excerpt(k) + "\" contains " + *control +
                                        "; keys must not contain control characters");
        if (frame.keys.size() >= kMaxJsonItems)
            return fail(frame.path, "more than " + std::to_string(kMaxJsonItems) +
                                        " keys in one object, the limit of the format (see docs/cli.md)");
        if (!frame.keys.insert(k).second)
            return fail(jsonPathKey(frame.path, k), "duplicate key \"" + k + "\"");
        frame.pendingKey = std::move(k);
        frame.haveKey = true;
        return true;
    }

    bool parse_error(std::size_t position, const std::string &lastToken, const nlohmann::detail::exception &ex)
    {
        if (scan_.overrun != Overrun::None)
            return overrun();
        constexpr int kNumberOverflow = 406; // nlohmann's out_of_range.406
        if (ex.id == kNumberOverflow)
            return fail(currentPath(), "number " + excerpt(lastToken) + " is out of range (beyond a double)");
        syntaxOffset_ = position == 0 ? 0 : position - 1;
        std::string what = ex.what();
        // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
        const auto col = what.find("column ");
        if (col != std::string::npos) {
            const auto colon = what.find(": ", col);
            if (colon != std::string::npos)
                what = what.substr(colon + 2);
        }
        syntaxDetail_ = printableExcerpt(what, 200); // its last token may be a whole long string
        hasSyntaxError_ = true;
        return false;
    }

    // The limit a string or number passed, with the path it was at.
    bool overrun()
    {
        const std::string at = " (it starts at " + describeOffset(text(), scan_.runStart) + ")";
        if (scan_.overrun == Overrun::Number)
            return fail(currentPath(),
                        "a number written with more than " + std::to_string(kMaxJsonNumberChars) + " characters" + at);
        const bool isKey = !stack_.empty() && stack_.back().value->is_object() && !stack_.back().haveKey;
        const std::string what = isKey ? "a key" : "a text";
        return fail(isKey ? stack_.back().path : currentPath(),
                    what + " longer than " + sizeText(kMaxJsonStringBytes) + ", the limit of any text in a file" + at);
    }

    // Forgets the values being built (they are about to be freed).
    void release() { stack_.clear(); }
    bool hasSyntaxError() const { return hasSyntaxError_; }
    std::size_t syntaxOffset() const { return syntaxOffset_; }
    const std::string &syntaxDetail() const { return syntaxDetail_; }
    bool hasValueError() const { return hasValueError_; }
    const std::string &errorPath() const { return errorPath_; }
    const std::string &errorDetail() const { return errorDetail_; }
    std::string currentPath() const
    {
        if (stack_.empty())
            return {};
        const Frame &frame = stack_.back();
        if (frame.value->is_array())
            return jsonPathIndex(frame.path, frame.value->size());
        return frame.haveKey ? jsonPathKey(frame.path, frame.pendingKey) : frame.path;
    }

private:
    struct Frame {
        json *value = nullptr;
        std::string path;
        std::string pendingKey;
        bool haveKey = false; // in an object: its next value's key was read
        std::unordered_set<std::string> keys;
    };

    std::string_view text() const { return text_; }

    static std::string excerpt(std::string_view s) { return printableExcerpt(s, 80); }

    bool number() { return scan_.overrun == Overrun::None || overrun(); }

    json *insert(json &&v)
    {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Frame &frame = stack_.back();
        if (frame.value->is_array()) {
            frame.value->push_back(std::move(v));
            return &frame.value->back();
        }
        frame.haveKey = false;
        return &((*frame.value)[frame.pendingKey] = std::move(v));
    }

    // Counts every value against the limits before storing it.
    bool admit()
    {
        if (++values_ > kMaxJsonValues)
            return fail(currentPath(), "more than " + std::to_string(kMaxJsonValues) +
                                           " values in one file, the limit of the format (see docs/cli.md)");
        if (!stack_.empty() && stack_.back().value->is_array() && stack_.back().value->size() >= kMaxJsonItems)
            return fail(stack_.back().path, "more than " + std::to_string(kMaxJsonItems) +
                                                " items in one list, the limit of the format (see docs/cli.md)");
        return true;
    }

    bool put(json &&v)
    {
        if (!admit())
            return false;
        insert(std::move(v));
        return true;
    }

    bool open(json &&container)
    {
        if (stack_.size() >= kMaxJsonDepth)
            return fail(currentPath(), "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        if (!admit())
            return false;
        std::string path = currentPath();
        json *slot = insert(std::move(container));
        stack_.push_back(Frame{slot, std::move(path), {}, false, {}});
        return true;
    }

    bool close()
    {
        stack_.pop_back();
        return true;
    }

    bool fail(std::string path, std::string detail)
    {
        hasValueError_ = true;
        errorPath_ = path.empty() ? std::string("(top level)") : std::move(path);
        errorDetail_ = std::move(detail);
        return false;
    }

    json &root_;
    const Scan &scan_;
    std::string_view text_;
    std::vector<Frame> stack_;
    std::size_t values_ = 0;
    bool hasSyntaxError_ = false;
    std::size_t syntaxOffset_ = 0;
    std::string syntaxDetail_;
    bool hasValueError_ = false;
    std::string errorPath_;
    std::string errorDetail_;
};

} // namespace

void releaseJson(json &value) noexcept
{
    if (value.is_array()) {
        auto &items = value.get_ref<json::array_t &>();
        while (!items.empty()) {
            releaseJson(items.back());
            items.pop_back();
        }
    } else if (value.is_object()) {
        auto &members = value.get_ref<json::object_t &>();
        while (!members.empty()) {
            const auto last = std::prev(members.end());
            releaseJson(last->second);
            members.erase(last);
        }
    }
}

json parseJsonStrict(std::string_view text)
{
    if (const auto problem = findEncodingProblem(text))
        throw InputError(describeOffset(text, problem->offset) + " (byte " + std::to_string(problem->offset) + ")",
                         "not valid JSON: " + problem->detail + "; save it as UTF-8");
    json root;
    JsonReleaser release(root); // on every way out but success (root is then empty)
    Scan scan;
    scan.begin = scan.at = text.data();
    StrictSax sax(root, scan, text);
    bool ok = false;
    try {
        const ScanIterator first(text.data(), &scan);
        const ScanIterator last(text.data() + text.size(), &scan);
        ok = json::sax_parse(first, last, &sax, json::input_format_t::json, true, false);
    } catch (const std::bad_alloc &) {
        std::string where;
        try {
            where = sax.currentPath();
        } catch (const std::bad_alloc &) {
        }
        sax.release();
        releaseJson(root); // gives the memory back before the message is built
        throw InputError(where.empty() ? std::string("(top level)") : where,
                         "out of memory while reading (at " +
                             describeOffset(text, static_cast<std::size_t>(scan.at - scan.begin)) +
                             "): the file is too large for this machine's memory");
    }
    if (ok && scan.overrun != Overrun::None)
        ok = sax.overrun(); // a number at the top level, cut short
    if (ok) {
        json out(std::move(root));
        return out;
    }
    if (sax.hasValueError())
        throw InputError(sax.errorPath(), sax.errorDetail());
    if (sax.hasSyntaxError())
        throw InputError(describeOffset(text, sax.syntaxOffset()) + " (byte " + std::to_string(sax.syntaxOffset()) +
                             ")",
                         "not valid JSON: " + sax.syntaxDetail());
    throw InputError("(top level)", "not valid JSON");
}

} // namespace lfr
