// The generator's random numbers and small helpers: its own xoshiro256**
// streams (seeded through splitmix64), an unbiased integer range, shuffles
// and fixed-point numbers, so that the same seed gives the same scenario on
// every platform and compiler. Private to generator.cpp.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

namespace lfr::generator_random {

inline std::uint64_t splitmix64(std::uint64_t &state)
{
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// The independent streams of one seed. The options of the harder families
// draw from streams of their own (after Crew), so that the scenario without
// them stays what it was.
enum class Stream : std::uint64_t {
    Teams = 1,
    Officers,
    Rosters,
    Hotspots,
    Vans,
    Crew,
    HotspotCrews,
    WindowMultipliers,
    VanDays,
    Event
};

// xoshiro256** (Blackman and Vigna, 2018), seeded through splitmix64.
class Rng {
public:
    Rng(std::uint64_t seed, Stream stream)
    {
        std::uint64_t mix = seed ^ (static_cast<std::uint64_t>(stream) * 0xD1B54A32D192ED03ULL);
        for (auto &word : state_)
            word = splitmix64(mix);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = std::rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = std::rotl(state_[3], 45);
        return result;
    }

    // Uniform in [lo, hi] (lo <= hi), by rejection: no modulo bias.
    int between(int lo, int hi)
    {
        const auto range = static_cast<std::uint64_t>(std::int64_t{hi} - lo) + 1;
        const std::uint64_t reject = (std::uint64_t{0} - range) % range; // 2^64 mod range
        std::uint64_t r = next();
        while (r < reject)
            r = next();
        return static_cast<int>(lo + static_cast<std::int64_t>(r % range));
    }

    // True with probability perMille / 1000.
    bool chance(int perMille) { return between(0, 999) < perMille; }

    std::size_t index(std::size_t size) { return static_cast<std::size_t>(between(0, static_cast<int>(size) - 1)); }

private:
    std::array<std::uint64_t, 4> state_{};
};

inline void shuffle(std::vector<int> &items, Rng &rng)
{
    for (std::size_t i = items.size(); i > 1; --i)
        std::swap(items[i - 1], items[rng.index(i)]);
}

inline std::vector<int> shuffledIndices(int count, Rng &rng)
{
    std::vector<int> order(static_cast<std::size_t>(count));
    std::iota(order.begin(), order.end(), 0);
    shuffle(order, rng);
    return order;
}

// A number given in units of 1/scale (exact: one correctly rounded division).
inline double fixedPoint(int units, int scale) { return static_cast<double>(units) / static_cast<double>(scale); }

inline int positiveMod(int a, int b) { return (a % b + b) % b; }

inline int isqrt(int n)
{
    int root = 0;
    while ((root + 1) * (root + 1) <= n)
        ++root;
    return root;
}

inline int digitCount(int n) { return static_cast<int>(std::to_string(n).size()); }

inline std::string padded(int value, int width)
{
    std::string digits = std::to_string(value);
    if (static_cast<int>(digits.size()) < width)
        digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    return digits;
}

} // namespace lfr::generator_random
