// Reading input files within documented limits (docs/cli.md): a file too
// large, a string too long or an array too big is refused while reading,
// with its JSON path, before it can exhaust the memory.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace lfr {

// The largest input file read (scenarios, plans, records).
inline constexpr std::size_t kMaxInputFileBytes = std::size_t{256} << 20; // 256 MiB

// Reads a whole file (InputError names the file when it cannot be read or
// is larger than kMaxInputFileBytes).
std::string readTextFile(const std::filesystem::path &path);

} // namespace lfr
