#include "lfrplan/json_strict.h"

#include "lfrplan/errors.h"

#include <cmath>
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

// Builds the DOM itself so that it can refuse what nlohmann::json accepts:
// duplicate keys, excessive depth and non-finite numbers. Returning false
// stops the parser at once.
class StrictSax {
public:
    explicit StrictSax(json &root) : root_(root) {}

    bool null() { return put(json(nullptr)); }
    bool boolean(bool v) { return put(json(v)); }
    bool number_integer(json::number_integer_t v) { return put(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t &literal)
    {
        if (!std::isfinite(v))
            return fail(currentPath(), "number " + literal + " is out of range");
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
        if (!frame.keys.insert(k).second)
            return fail(jsonPathKey(frame.path, k), "duplicate key \"" + k + "\"");
        frame.pendingKey = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string &lastToken, const nlohmann::detail::exception &ex)
    {
        constexpr int kNumberOverflow = 406; // nlohmann's out_of_range.406
        if (ex.id == kNumberOverflow)
            return fail(currentPath(), "number " + lastToken + " is out of range (beyond a double)");
        syntaxOffset_ = position == 0 ? 0 : position - 1;
        std::string what = ex.what();
        // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
        const auto col = what.find("column ");
        if (col != std::string::npos) {
            const auto colon = what.find(": ", col);
            if (colon != std::string::npos)
                what = what.substr(colon + 2);
        }
        syntaxDetail_ = what;
        hasSyntaxError_ = true;
        return false;
    }

    bool hasSyntaxError() const { return hasSyntaxError_; }
    std::size_t syntaxOffset() const { return syntaxOffset_; }
    const std::string &syntaxDetail() const { return syntaxDetail_; }
    bool hasValueError() const { return hasValueError_; }
    const std::string &errorPath() const { return errorPath_; }
    const std::string &errorDetail() const { return errorDetail_; }

private:
    struct Frame {
        json *value = nullptr;
        std::string path;
        std::string pendingKey;
        std::unordered_set<std::string> keys;
    };

    std::string currentPath() const
    {
        if (stack_.empty())
            return {};
        const Frame &frame = stack_.back();
        if (frame.value->is_array())
            return jsonPathIndex(frame.path, frame.value->size());
        return jsonPathKey(frame.path, frame.pendingKey);
    }

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
        return &((*frame.value)[frame.pendingKey] = std::move(v));
    }

    bool put(json &&v)
    {
        insert(std::move(v));
        return true;
    }

    bool open(json &&container)
    {
        if (stack_.size() >= kMaxJsonDepth)
            return fail(currentPath(), "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        std::string path = currentPath();
        json *slot = insert(std::move(container));
        stack_.push_back(Frame{slot, std::move(path), {}, {}});
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
    std::vector<Frame> stack_;
    bool hasSyntaxError_ = false;
    std::size_t syntaxOffset_ = 0;
    std::string syntaxDetail_;
    bool hasValueError_ = false;
    std::string errorPath_;
    std::string errorDetail_;
};

} // namespace

json parseJsonStrict(std::string_view text)
{
    json root;
    StrictSax sax(root);
    const bool ok = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true, false);
    if (ok)
        return root;
    if (sax.hasValueError())
        throw InputError(sax.errorPath(), sax.errorDetail());
    if (sax.hasSyntaxError())
        throw InputError(describeOffset(text, sax.syntaxOffset()) + " (byte " + std::to_string(sax.syntaxOffset()) +
                             ")",
                         "not valid JSON: " + sax.syntaxDetail());
    throw InputError("(top level)", "not valid JSON");
}

} // namespace lfr
