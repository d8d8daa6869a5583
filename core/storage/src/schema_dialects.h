// How each database keeps lfrplan's schema version, behind one interface
// (private to core): the only dialect differences migrate() sees. The
// words each dialect spells differently (renderDdl) are in the same file,
// schema_dialects.cpp.
#pragma once

#include "schema.h"

#include <functional>
#include <memory>
#include <string>

namespace lfr::schema {

class Catalog {
public:
    virtual ~Catalog() = default;

    // Where the database stands. Refuses (StorageError naming the
    // location, nothing changed) a database of another application or one
    // the user may not read.
    virtual Standing inspect() = 0;

    // Made before the upgrade's transaction begins and kept until after it
    // ends: SQLite turns foreign keys off (table rebuilds need that; they
    // are checked as a whole in checkUpgraded()) and back as they were.
    class Upgrade {
    public:
        Upgrade() = default;
        explicit Upgrade(std::function<void()> undo) : undo_(std::move(undo)) {}
        ~Upgrade()
        {
            if (undo_)
                undo_();
        }
        Upgrade(Upgrade &&) = default;
        Upgrade(const Upgrade &) = delete;
        Upgrade &operator=(const Upgrade &) = delete;
        Upgrade &operator=(Upgrade &&) = delete;

    private:
        std::function<void()> undo_;
    };
    virtual Upgrade beginUpgrade() { return {}; }
    // Inside the transaction: one opener upgrades, any other waits.
    virtual void lockForUpgrade() {}
    // Records the version the steps reached, and the database's mark.
    virtual void record(int version, int minCompatibleVersion) = 0;
    // Whole-database checks before the commit.
    virtual void checkUpgraded() {}
    // Added to a failed upgrade's message: who can do it instead.
    virtual std::string whoMayUpgrade(int /*from*/) const { return {}; }
};

std::unique_ptr<Catalog> catalogFor(sql::Connection &db);

} // namespace lfr::schema
