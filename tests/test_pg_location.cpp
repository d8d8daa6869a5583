// PostgreSQL locations as people see them (issue 15, finding 11): no
// password is ever shown, however the connection string spells it, and a
// location that names two databases (or users, hosts, ports) is refused
// before anything connects. No server needed: port 1 of loopback refuses.
#include "pg_connection.h"

#include "lfrplan/errors.h"
#include "lfrplan/storage.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

std::string openError(const std::string &location)
{
    try {
        lfr::openStorage(location);
    } catch (const lfr::StorageError &e) {
        return e.what();
    }
    FAIL("opening " << lfr::sql::redactedLocation(location) << " did not fail");
    return {};
}

} // namespace

TEST_CASE("pg location: no password is shown in any spelling", "[pglocation]")
{
    const char *spellings[] = {
        "postgresql://pat:SEKRIT@127.0.0.1:1/lfr",
        "postgresql://pat@127.0.0.1:1/lfr?password=SEKRIT",
        "postgresql://pat@127.0.0.1:1/lfr?pass%77ord=SEKRIT",
        "postgresql://pat@127.0.0.1:1/lfr?%70%61%73%73%77%6f%72%64=SEKRIT&sslmode=disable",
        "postgresql://pat@127.0.0.1:1/lfr?sslmode=disable&PASSWORD=SEKRIT",
        "postgresql://pat@127.0.0.1:1/lfr?sslpassword=SEKRIT",
        "postgresql://pat@127.0.0.1:1/lfr?connect_timeout=2&xpassword=SEKRIT",
        "postgres://pat:S%45KRIT@127.0.0.1:1/lfr?password=SEKRIT&password=SEKRIT",
    };
    for (const char *location : spellings) {
        INFO(location);
        const std::string shown = lfr::sql::redactedLocation(location);
        CHECK(shown.find("SEKRIT") == std::string::npos);
        CHECK(shown.find("127.0.0.1:1/lfr") != std::string::npos);
        const std::string error = openError(location);
        CHECK(error.find("SEKRIT") == std::string::npos);
        CHECK(error.find("S%45KRIT") == std::string::npos);
    }
    // Harmless settings stay as written; unknown keys lose their values.
    CHECK(lfr::sql::redactedLocation("postgresql://pat@db.example:5432/lfr?sslmode=require&weird=VALUE") ==
          "postgresql://pat@db.example:5432/lfr?sslmode=require&weird=...");
}

TEST_CASE("pg location: two databases, users, hosts or ports in one location are refused", "[pglocation]")
{
    struct Case {
        const char *location;
        const char *names;
    };
    const Case cases[] = {
        {"postgresql://pat@127.0.0.1:1/lfr?dbname=other", "two values for dbname"},
        {"postgresql://pat@127.0.0.1:1/lfr?%64bname=other", "two values for dbname"},
        {"postgresql://pat@127.0.0.1:1/lfr?user=root", "two values for user"},
        {"postgresql://pat@127.0.0.1:1/lfr?host=10.0.0.9", "two values for host"},
        {"postgresql://pat@127.0.0.1:1/lfr?port=5432", "two values for port"},
        {"postgresql://127.0.0.1:1?dbname=a&dbname=b", "gives dbname twice"},
        {"postgresql://pat@127.0.0.1:1/l%zzfr", "malformed %-escape"},
    };
    for (const Case &c : cases) {
        INFO(c.location);
        const std::string error = openError(c.location);
        CHECK(error.find(c.names) != std::string::npos);
        CHECK(error.find("cannot connect") == std::string::npos); // refused before connecting
    }
    // The same value twice is no conflict: it connects (and here fails to).
    CHECK(openError("postgresql://pat@127.0.0.1:1/lfr?dbname=lfr").find("cannot connect") != std::string::npos);
}
