// The rules and checks a violation belongs to, and a report's counts
// (validator.h). The checks themselves are in validator.cpp.
#include "lfrplan/validator.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace lfr {

Rule ruleOf(Check check)
{
    if (check <= Check::DateOutsideHorizon)
        return Rule::Counts;
    if (check <= Check::DuplicateSlot)
        return Rule::Hotspot;
    if (check <= Check::VanWindowsOverlap)
        return Rule::Van;
    if (check <= Check::MaxDuties)
        return Rule::Crew;
    if (check <= Check::MinOnDuty)
        return Rule::StaffingLimit;
    if (check <= Check::PinContention)
        return Rule::Pin;
    return Rule::UnknownReference;
}

std::string_view ruleName(Rule rule)
{
    static constexpr std::array<std::string_view, 7> kNames = {
        "counts", "hotspot", "van", "crew", "staffing limit", "pin", "unknown reference"};
    return kNames.at(static_cast<std::size_t>(rule));
}

std::size_t ValidationReport::count(Check check) const
{
    return static_cast<std::size_t>(
        std::count_if(violations.begin(), violations.end(), [check](const Violation &v) { return v.check == check; }));
}

std::size_t ValidationReport::count(Rule rule) const
{
    return static_cast<std::size_t>(
        std::count_if(violations.begin(), violations.end(), [rule](const Violation &v) { return v.rule == rule; }));
}

} // namespace lfr
