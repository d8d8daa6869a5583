// The audit trail's hash chain and the identity changes are recorded under
// (issue 15; docs/safeguards.md, "Threat model").
//
// Each audit entry carries the SHA-256 of the previous entry's hash and its
// own fields, so an entry changed, removed or slipped in after the fact
// breaks the chain from there on. The database computes it as the entry is
// written (a trigger on both databases); verifyAuditChain() recomputes it.
// Publishing the chain's head (its last number and hash) lets anyone check
// later that nothing before it was rewritten, even by the database's owner.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

// One stored entry as the chain sees it: every column, NULL as nullopt.
struct ChainedEntry {
    std::int64_t seq = 0;
    std::string at;
    std::string actor;
    std::string action;
    std::string subject;
    std::optional<std::string> oldValue;
    std::optional<std::string> newValue;
    std::optional<std::string> hash; // as stored
};

// The lowercase hex SHA-256 of `bytes`.
std::string sha256Hex(std::string_view bytes);

// The hash an entry must carry after `previous` (nullopt for the first):
// SHA-256 of the fields, each written as "<bytes>:<text>" ("-" for NULL)
// and joined by "|", in the order previous, seq, at, actor, action,
// subject, old value, new value. The PostgreSQL function
// lfrplan_entry_hash and the SQLite one compute exactly this.
std::string auditEntryHash(const std::optional<std::string> &previous, std::int64_t seq, std::string_view at,
                           std::string_view actor, std::string_view action, std::string_view subject,
                           const std::optional<std::string> &oldValue, const std::optional<std::string> &newValue);

// What verifyAuditChain() found.
struct ChainCheck {
    std::int64_t entries = 0;
    std::int64_t headSeq = 0;          // the last entry's number (0: none)
    std::string headHash;              // and its hash
    std::vector<std::string> problems; // each names the entry; empty: the chain holds
    std::vector<std::string> notes;    // gaps before the chain began (older schemas)
    bool ok() const { return problems.empty(); }
};

// Checks the entries (in number order) against their hashes: the first
// entry whose hash does not fit is named, with every later one that then
// cannot be trusted left out; a number missing at or after `chainStart`
// (the first entry numbered under schema version 6) is a problem, before it
// a note. `expectHead` ("SEQ:HASH", as published) must be an entry of the
// chain.
ChainCheck verifyAuditChain(const std::vector<ChainedEntry> &entries, std::int64_t chainStart,
                            const std::optional<std::string> &expectHead = std::nullopt);

// The operating-system login of this process (its effective user, from the
// password database; never an environment variable): who changes to an
// SQLite store are recorded under.
std::string operatingSystemLogin();

} // namespace lfr
