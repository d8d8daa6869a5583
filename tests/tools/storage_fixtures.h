// Test data and temporary files for the storage tests and the crash-test
// child program. Scenarios are built by hand here (deterministically), not
// by the generator, so the storage tests depend on nothing else.
#pragma once

#include "lfrplan/model.h"

#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace lfrtest {

// Runs SQL by hand on an SQLite file, outside lfrplan: "" when it worked,
// else SQLite's message.
inline std::string sqliteExec(const std::filesystem::path &file, const std::string &sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(file.string().c_str(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return "cannot open " + file.string();
    }
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    std::string message = rc == SQLITE_OK ? "" : (error != nullptr ? error : "failed");
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
}

// The first column of every row a query gives on an SQLite file, outside
// lfrplan (nothing when it fails).
inline std::vector<std::string> sqliteColumn(const std::filesystem::path &file, const std::string &sql)
{
    std::vector<std::string> out;
    sqlite3 *db = nullptr;
    if (sqlite3_open(file.string().c_str(), &db) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK)
            while (sqlite3_step(stmt) == SQLITE_ROW) {
                const unsigned char *text = sqlite3_column_text(stmt, 0);
                out.emplace_back(text != nullptr ? reinterpret_cast<const char *>(text) : "");
            }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return out;
}

// A unique file name under the system's temp folder; the file and its
// SQLite companions (-wal, -shm, -journal) are removed on destruction.
class TempDatabase {
public:
    explicit TempDatabase(const std::string &tag = "db")
    {
        static std::uint64_t counter = 0;
        std::random_device random;
        const auto unique = (std::uint64_t{random()} << 32) ^ random() ^ ++counter;
        path_ = std::filesystem::temp_directory_path() / ("lfrplan-" + tag + "-" + std::to_string(unique) + ".sqlite");
        removeAll();
    }
    ~TempDatabase() { removeAll(); }
    TempDatabase(const TempDatabase &) = delete;
    TempDatabase &operator=(const TempDatabase &) = delete;

    const std::filesystem::path &path() const { return path_; }
    std::filesystem::path companion(const char *suffix) const
    {
        std::filesystem::path path = path_;
        path += suffix;
        return path;
    }
    bool hasCompanions() const
    {
        return std::filesystem::exists(companion("-wal")) || std::filesystem::exists(companion("-shm")) ||
               std::filesystem::exists(companion("-journal"));
    }

private:
    void removeAll() const
    {
        std::error_code ec;
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(companion(suffix), ec);
    }

    std::filesystem::path path_;
};

inline std::string readBytes(const std::filesystem::path &path)
{
    std::string bytes;
    if (std::FILE *in = std::fopen(path.string().c_str(), "rb")) {
        char chunk[65536];
        std::size_t got = 0;
        while ((got = std::fread(chunk, 1, sizeof chunk, in)) > 0)
            bytes.append(chunk, got);
        std::fclose(in);
    }
    return bytes;
}

inline void writeBytes(const std::filesystem::path &path, const std::string &bytes)
{
    std::FILE *out = std::fopen(path.string().c_str(), "wb");
    if (out == nullptr)
        throw std::runtime_error("cannot write " + path.string());
    std::fwrite(bytes.data(), 1, bytes.size(), out);
    std::fclose(out);
}

inline lfr::Date day(int year, unsigned month, unsigned d) { return lfr::dateFromCivil(year, month, d); }
inline lfr::Clock at(int hour, int minute) { return lfr::Clock{hour * 60 + minute}; }

// A deterministic pseudo-random sequence (splitmix64): the same on every
// platform, unlike the standard distributions.
class Sequence {
public:
    explicit Sequence(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t state_;
};

// A large scenario: `officers` officers in teams of 200 with a roster entry
// on each of 7 dates, 120 hotspots, 10 vans, two pins. `index` varies the
// content so that scenarios built with different indexes differ.
inline lfr::Scenario largeScenario(int index, int officers)
{
    using namespace lfr;
    Sequence random(static_cast<std::uint64_t>(index) * 7919 + 17);
    Scenario s;
    s.name = "large-" + std::to_string(index);
    for (unsigned d = 0; d < 7; ++d)
        s.dates.push_back(day(2026, 12, 7 + d));
    s.policy.maxDeployments = 12 + index % 5;
    s.policy.maxPerDate = 3;
    s.windows = {
        {"morning", at(8, 0), at(12, 0)}, {"afternoon", at(12, 0), at(16, 0)}, {"evening", at(16, 0), at(22, 0)}};
    s.shifts = {{"early", at(6, 0), at(14, 0)},
                {"late", at(14, 0), at(22, 0)},
                {"night", at(22, 0), at(6, 0)},
                {"day", at(8, 0), at(18, 0)}};
    s.roles = {{"silver", Rank::Insp, std::nullopt},
               {"operator", std::nullopt, "lfr-operator"},
               {"engagement", std::nullopt, std::nullopt}};
    s.crew = {{"engagement", 4}, {"operator", 2}, {"silver", 1}};
    const int teams = std::max(1, officers / 200);
    for (int t = 0; t < teams; ++t)
        s.teams.push_back({"team-" + std::to_string(t),
                           "Team " + std::to_string(t),
                           {51.28 + 0.4 * random.unit(), -0.51 + 0.8 * random.unit()},
                           5 + t % 10,
                           t % 3 == 0 ? std::optional<int>(8) : std::nullopt});
    for (int i = 0; i < officers; ++i) {
        Officer o;
        o.id = "MP" + std::to_string(100000 + i);
        o.name = "Officer " + std::to_string(i) + " of scenario " + std::to_string(index);
        const int r = random.below(100);
        o.rank = r < 80 ? Rank::PC : r < 93 ? Rank::PS : r < 98 ? Rank::Insp : Rank::CI;
        o.team = s.teams[static_cast<std::size_t>(i % teams)].id;
        if (random.below(4) == 0)
            o.skills.push_back("lfr-operator");
        if (random.below(6) == 0)
            o.skills.push_back("first-aid");
        for (const Date date : s.dates)
            o.roster.emplace(date, s.shifts[static_cast<std::size_t>(random.below(4))].id);
        if (i % 50 == 0)
            o.maxDuties = 1 + i % 3;
        s.officers.push_back(std::move(o));
    }
    for (int h = 0; h < 120; ++h) {
        Hotspot spot;
        spot.id = "hotspot-" + std::to_string(h);
        spot.name = "Hotspot " + std::to_string(h);
        spot.borough = "Borough " + std::to_string(h % 32);
        spot.location = {51.3 + 0.35 * random.unit(), -0.45 + 0.7 * random.unit()};
        spot.value = 10.0 + 90.0 * random.unit();
        spot.windows = {{"afternoon", 1.0}, {"evening", 0.5 + random.unit()}};
        if (h % 3 == 0)
            spot.windows.emplace("morning", 0.8);
        for (double &factor : spot.weekdayFactor)
            factor = 0.5 + random.unit();
        if (h % 17 == 0)
            spot.dates = std::vector<Date>{s.dates[5], s.dates[6]};
        if (h % 23 == 0)
            spot.crew = CrewMap{{"engagement", 6}, {"operator", 2}, {"silver", 1}};
        spot.repeatDecay = 0.25 * (h % 5);
        s.hotspots.push_back(std::move(spot));
    }
    for (int v = 0; v < 10; ++v) {
        Van van;
        van.id = "LFR-" + std::to_string(v + 1);
        if (v % 2 == 0)
            van.name = "Van " + std::to_string(v + 1);
        if (v % 4 == 1)
            van.unavailable = {s.dates[static_cast<std::size_t>(v % 7)]};
        s.vans.push_back(std::move(van));
    }
    s.pinned.push_back({"hotspot-1", s.dates[0], "evening", "LFR-1", {{"MP100003", "engagement"}}});
    s.pinned.push_back({"hotspot-2", s.dates[2], "afternoon", std::nullopt, {}});
    return s;
}

} // namespace lfrtest
