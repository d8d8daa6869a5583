#include "lfrplan/planner_words.h"

#include <algorithm>

namespace lfr::words {

std::string counted(std::size_t n, std::string_view noun)
{
    return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

std::string counted(int n, std::string_view noun) { return counted(static_cast<std::size_t>(std::max(0, n)), noun); }

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
        text += (i == 0 ? "" : (i + 1 == items.size() ? " and " : ", ")) + items[i];
    return text;
}

std::string numbered(std::string_view noun, const std::vector<std::size_t> &indices)
{
    std::vector<std::string> numbers;
    for (const std::size_t i : indices)
        numbers.push_back(std::to_string(i + 1));
    return std::string(noun) + (indices.size() == 1 ? " " : "s ") + joined(numbers);
}

std::string ordinal(std::size_t n)
{
    const std::size_t lastTwo = n % 100;
    const char *suffix = "th";
    if (lastTwo < 11 || lastTwo > 13) {
        switch (n % 10) {
        case 1:
            suffix = "st";
            break;
        case 2:
            suffix = "nd";
            break;
        case 3:
            suffix = "rd";
            break;
        default:
            break;
        }
    }
    return std::to_string(n) + suffix;
}

} // namespace lfr::words
