#include "lfrplan/audit_chain.h"

#include "sqlite_functions.h"

#include <openssl/evp.h>

#include <array>
#include <pwd.h>
#include <unistd.h>

namespace lfr {

std::string sha256Hex(std::string_view bytes)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 is not available from the crypto library");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * size);
    for (unsigned int i = 0; i < size; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0xF];
    }
    return out;
}

namespace {

void field(std::string &out, std::optional<std::string_view> value)
{
    if (!out.empty())
        out += '|';
    if (!value) {
        out += '-';
        return;
    }
    out += std::to_string(value->size());
    out += ':';
    out += *value;
}

std::optional<std::string_view> view(const std::optional<std::string> &s)
{
    return s ? std::optional<std::string_view>(*s) : std::nullopt;
}

} // namespace

std::string auditEntryHash(const std::optional<std::string> &previous, std::int64_t seq, std::string_view at,
                           std::string_view actor, std::string_view action, std::string_view subject,
                           const std::optional<std::string> &oldValue, const std::optional<std::string> &newValue)
{
    std::string canonical;
    field(canonical, view(previous));
    const std::string number = std::to_string(seq);
    for (std::string_view f : {std::string_view(number), at, actor, action, subject})
        field(canonical, f);
    field(canonical, view(oldValue));
    field(canonical, view(newValue));
    return sha256Hex(canonical);
}

ChainCheck verifyAuditChain(const std::vector<ChainedEntry> &entries, std::int64_t chainStart,
                            const std::optional<std::string> &expectHead)
{
    ChainCheck check;
    check.entries = static_cast<std::int64_t>(entries.size());
    std::optional<std::string> previous;
    std::optional<std::int64_t> previousSeq;
    bool headFound = false;
    for (const ChainedEntry &e : entries) {
        const std::string label =
            "entry " + std::to_string(e.seq) + " (" + e.at + ", " + e.actor + ", " + e.action + ")";
        if (previousSeq && e.seq != *previousSeq + 1) {
            const std::string gap = "numbers " + std::to_string(*previousSeq + 1) + " to " + std::to_string(e.seq - 1) +
                                    " are missing before " + label;
            if (e.seq > chainStart)
                check.problems.push_back(gap + ": an entry was removed, or numbers were skipped");
            else
                check.notes.push_back(gap + " (numbered before the chain began; older versions skipped numbers)");
        }
        const std::string expected =
            auditEntryHash(previous, e.seq, e.at, e.actor, e.action, e.subject, e.oldValue, e.newValue);
        if (!e.hash) {
            check.problems.push_back(label + " has no hash: it was written outside the database's chain");
            break;
        }
        if (*e.hash != expected) {
            check.problems.push_back(label +
                                     " does not fit the chain: it, or an entry before it, was changed, removed or "
                                     "inserted after it was written; the entries from here on cannot be trusted");
            break;
        }
        if (expectHead && *expectHead == std::to_string(e.seq) + ":" + *e.hash)
            headFound = true;
        previous = e.hash;
        previousSeq = e.seq;
        check.headSeq = e.seq;
        check.headHash = *e.hash;
    }
    if (expectHead && !headFound && check.problems.empty())
        check.problems.push_back("the published head " + *expectHead +
                                 " is not in the chain: the trail was rewritten since it was published");
    return check;
}

std::string operatingSystemLogin()
{
    const uid_t uid = geteuid();
    std::array<char, 4096> buffer{};
    passwd entry{};
    passwd *found = nullptr;
    if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr &&
        found->pw_name != nullptr && *found->pw_name != '\0')
        return found->pw_name;
    return "uid " + std::to_string(uid);
}

} // namespace lfr

namespace lfr::sqlite {

namespace {

std::optional<std::string> argText(sqlite3_value *v)
{
    if (sqlite3_value_type(v) == SQLITE_NULL)
        return std::nullopt;
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(v));
    return std::string(text != nullptr ? text : "", static_cast<std::size_t>(sqlite3_value_bytes(v)));
}

void entryHash(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    if (argc != 8 || sqlite3_value_type(argv[1]) != SQLITE_INTEGER) {
        sqlite3_result_error(context, "lfrplan_entry_hash: needs (previous, seq, at, actor, action, subject, old, new)",
                             -1);
        return;
    }
    try {
        const std::string hash =
            auditEntryHash(argText(argv[0]), sqlite3_value_int64(argv[1]), argText(argv[2]).value_or(""),
                           argText(argv[3]).value_or(""), argText(argv[4]).value_or(""), argText(argv[5]).value_or(""),
                           argText(argv[6]), argText(argv[7]));
        sqlite3_result_text(context, hash.c_str(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
    } catch (const std::exception &e) {
        sqlite3_result_error(context, e.what(), -1);
    }
}

void actor(sqlite3_context *context, int, sqlite3_value **)
{
    const auto *login = static_cast<const std::string *>(sqlite3_user_data(context));
    sqlite3_result_text(context, login->c_str(), static_cast<int>(login->size()), SQLITE_STATIC);
}

void deleteLogin(void *p) { delete static_cast<std::string *>(p); }

} // namespace

void registerFunctions(sqlite3 *db, const std::string &location, const std::string &login)
{
    if (sqlite3_create_function_v2(db, "lfrplan_entry_hash", 8, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, entryHash,
                                   nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(db, location, "cannot define lfrplan_entry_hash");
    auto *copy = new std::string(login);
    if (sqlite3_create_function_v2(db, "lfrplan_actor", 0, SQLITE_UTF8, copy, actor, nullptr, nullptr, deleteLogin) !=
        SQLITE_OK)
        fail(db, location, "cannot define lfrplan_actor"); // SQLite has called deleteLogin
    setAuditing(db, location, true);
}

void setAuditing(sqlite3 *db, const std::string &location, bool on)
{
    const auto constant = on ? +[](sqlite3_context *c, int, sqlite3_value **) { sqlite3_result_int(c, 1); }
                             : +[](sqlite3_context *c, int, sqlite3_value **) { sqlite3_result_int(c, 0); };
    if (sqlite3_create_function_v2(db, "lfrplan_auditing", 0, SQLITE_UTF8, nullptr, constant, nullptr, nullptr,
                                   nullptr) != SQLITE_OK)
        fail(db, location, "cannot define lfrplan_auditing");
}

} // namespace lfr::sqlite
