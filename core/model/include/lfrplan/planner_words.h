// Small helpers that put numbers and lists into a planner's words, shared by
// the validator's and the solver's messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lfr::words {

// "1 officer", "3 officers".
std::string counted(std::size_t n, std::string_view noun);
std::string counted(int n, std::string_view noun); // negative counts read as 0

// "a", "a and b", "a, b and c".
std::string joined(const std::vector<std::string> &items);

// "Deployment 3", "Deployments 1 and 4", "Deployments 1, 4 and 6" (indices from 0, numbered from 1).
std::string numbered(std::string_view noun, const std::vector<std::size_t> &indices);

// "1st", "2nd", "3rd", "4th", ...
std::string ordinal(std::size_t n);

} // namespace lfr::words
