#include "lfrplan/model.h"

namespace lfr {

std::optional<Rank> parseRank(std::string_view text)
{
    for (std::size_t i = 0; i < kRankNames.size(); ++i)
        if (kRankNames[i] == text)
            return static_cast<Rank>(i);
    return std::nullopt;
}

std::string_view rankName(Rank rank) { return kRankNames.at(static_cast<std::size_t>(rank)); }

namespace {
constexpr std::array<std::string_view, 3> kStatusNames = {"optimal", "feasible", "infeasible"};
}

std::string_view planStatusName(PlanStatus status) { return kStatusNames.at(static_cast<std::size_t>(status)); }

std::optional<PlanStatus> parsePlanStatus(std::string_view text)
{
    for (std::size_t i = 0; i < kStatusNames.size(); ++i)
        if (kStatusNames[i] == text)
            return static_cast<PlanStatus>(i);
    return std::nullopt;
}

} // namespace lfr
