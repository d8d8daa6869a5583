// Issue 18 tests (being written).
#include <catch2/catch.hpp>
