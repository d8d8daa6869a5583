// A PostgreSQL connection string as shown to people (pg_connection.h).
#include "pg_connection.h"

#include "lfrplan/errors.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <vector>

namespace lfr::sql {

namespace {

// Query keys whose values are shown as written. Any other key (a
// password in any spelling, a key libpq does not know) is shown without
// its value.
constexpr std::array<std::string_view, 14> kShownKeys = {"host",
                                                         "hostaddr",
                                                         "port",
                                                         "dbname",
                                                         "user",
                                                         "connect_timeout",
                                                         "application_name",
                                                         "sslmode",
                                                         "gssencmode",
                                                         "target_session_attrs",
                                                         "keepalives",
                                                         "client_encoding",
                                                         "options",
                                                         "sslrootcert"};

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decoding as libpq does it; nullopt for a malformed escape.
std::optional<std::string> decoded(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        const int hi = i + 1 < text.size() ? hexValue(text[i + 1]) : -1;
        const int lo = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

struct Parsed {
    std::string scheme;                                     // "postgresql://"
    std::string user;                                       // decoded, may be empty
    std::string userText;                                   // as written
    std::string hosts;                                      // host[:port][,host[:port]...] as written
    std::string hostOnly;                                   // decoded host part of the first host, may be empty
    std::string port;                                       // of the first host, may be empty
    std::string dbname;                                     // decoded, may be empty
    std::string dbText;                                     // as written
    std::vector<std::pair<std::string, std::string>> query; // decoded key, value as written
};

[[noreturn]] void refuse(const std::string &shown, const std::string &why) { throw StorageError(shown + ": " + why); }

Parsed parse(std::string_view uri)
{
    Parsed p;
    const auto schemeEnd = uri.find("://");
    p.scheme = std::string(uri.substr(0, schemeEnd == std::string_view::npos ? 0 : schemeEnd + 3));
    std::string_view rest = uri.substr(p.scheme.size());
    const auto queryStart = rest.find('?');
    const std::string_view query = queryStart == std::string_view::npos ? "" : rest.substr(queryStart + 1);
    rest = rest.substr(0, queryStart);
    const auto slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    if (slash != std::string_view::npos)
        p.dbText = std::string(rest.substr(slash + 1));
    // userinfo is everything before the last '@' of the authority; its
    // password (after the first ':') is never kept.
    const auto at = authority.rfind('@');
    if (at != std::string_view::npos) {
        const std::string_view userinfo = authority.substr(0, at);
        p.userText = std::string(userinfo.substr(0, userinfo.find(':')));
        authority = authority.substr(at + 1);
    }
    p.hosts = std::string(authority);
    std::string_view first = authority.substr(0, authority.find(','));
    std::string_view host = first;
    if (first.starts_with('[')) { // [IPv6]:port
        const auto close = first.find(']');
        host = first.substr(0, close == std::string_view::npos ? first.size() : close + 1);
    } else {
        host = first.substr(0, first.find(':'));
    }
    if (host.size() < first.size() && first[host.size()] == ':')
        p.port = std::string(first.substr(host.size() + 1));
    const std::string shownStart = p.scheme + (p.userText.empty() ? "" : p.userText + "@") + p.hosts;
    const auto decodeOrRefuse = [&](std::string_view text, const char *what) {
        auto d = decoded(text);
        if (!d)
            refuse(shownStart, std::string("the connection string's ") + what + " has a malformed %-escape");
        return *d;
    };
    p.user = decodeOrRefuse(p.userText, "user name");
    p.hostOnly = decodeOrRefuse(host, "host");
    p.dbname = decodeOrRefuse(p.dbText, "database name");
    std::size_t start = 0;
    while (start < query.size()) {
        const auto end = std::min(query.find('&', start), query.size());
        const std::string_view item = query.substr(start, end - start);
        start = end + 1;
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        const std::string key = decodeOrRefuse(item.substr(0, eq), "parameter name");
        p.query.emplace_back(key, eq == std::string_view::npos ? "" : std::string(item.substr(eq + 1)));
    }
    return p;
}

// The location as shown: no password, no value of an unknown key.
std::string shown(const Parsed &p)
{
    std::string out = p.scheme + (p.userText.empty() ? "" : p.userText + "@") + p.hosts;
    if (!p.dbText.empty())
        out += "/" + p.dbText;
    char sep = '?';
    for (const auto &[key, value] : p.query) {
        const bool shown = std::find(kShownKeys.begin(), kShownKeys.end(), key) != kShownKeys.end();
        // A secret, however its key is spelled, is left out altogether.
        std::string lower = key;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (lower.find("pass") != std::string::npos)
            continue;
        out += sep;
        out += key + "=" + (shown ? value : std::string("..."));
        sep = '&';
    }
    return out;
}

} // namespace

std::string redactedLocation(std::string_view uri) { return shown(parse(uri)); }

void checkServerLocation(std::string_view uri)
{
    const Parsed p = parse(uri);
    const std::string where = shown(p);
    // A setting given twice with two values connects to something other
    // than what the location seems to name: refused.
    const std::array<std::pair<const char *, std::string>, 4> inPath = {
        {{"dbname", p.dbname}, {"user", p.user}, {"host", p.hostOnly}, {"port", p.port}}};
    for (const auto &[key, value] : p.query) {
        for (const auto &[name, pathValue] : inPath) {
            if (key != name)
                continue;
            const auto queryValue = decoded(value);
            if (!queryValue)
                refuse(where, "the connection string's " + key + " has a malformed %-escape");
            if (!pathValue.empty() && *queryValue != pathValue)
                refuse(where, "the connection string names two values for " + key + " (\"" + pathValue + "\" and \"" +
                                  *queryValue + "\"): give one");
        }
    }
    // The same key twice in the query: libpq takes the last one.
    for (std::size_t i = 0; i < p.query.size(); ++i)
        for (std::size_t j = i + 1; j < p.query.size(); ++j)
            if (p.query[i].first == p.query[j].first && p.query[i].second != p.query[j].second)
                refuse(where, "the connection string gives " + p.query[i].first + " twice: give it once");
}

} // namespace lfr::sql
