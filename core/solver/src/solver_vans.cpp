#include "solver_vans.h"

#include <algorithm>

namespace lfr {

namespace {

class VanSearch {
public:
    VanSearch(const ScenarioIndex &index, std::size_t date, const std::vector<VanRequest> &requests)
        : ix_(index), requests_(requests), assigned_(requests.size(), 0)
    {
        const auto &vans = index.scenario().vans;
        for (std::size_t v = 0; v < vans.size(); ++v)
            if (index.vanAvailable(v, date) && vans[v].maxPerDate > 0)
                vans_.push_back(v);
        load_.assign(vans.size(), {});
        // Pinned requests first, then the rest: fails fast when pins clash.
        for (std::size_t r = 0; r < requests.size(); ++r)
            order_.push_back(r);
        std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
            return requests[a].pinnedVan.has_value() && !requests[b].pinnedVan.has_value();
        });
    }

    bool run(std::size_t k)
    {
        if (k == order_.size())
            return true;
        const std::size_t r = order_[k];
        for (const std::size_t v : vans_) {
            if ((requests_[r].pinnedVan && *requests_[r].pinnedVan != v) || requests_[r].otherThan == v)
                continue;
            if (!fits(v, requests_[r].window))
                continue;
            load_[v].push_back(requests_[r].window);
            assigned_[r] = v;
            if (run(k + 1))
                return true;
            load_[v].pop_back();
        }
        return false;
    }

    const std::vector<std::size_t> &assigned() const { return assigned_; }

private:
    bool fits(std::size_t van, std::size_t window) const
    {
        const auto &held = load_[van];
        if (static_cast<int>(held.size()) >= ix_.scenario().vans[van].maxPerDate)
            return false;
        return std::none_of(held.begin(), held.end(), [&](std::size_t w) { return ix_.windowsOverlap(w, window); });
    }

    const ScenarioIndex &ix_;
    const std::vector<VanRequest> &requests_;
    std::vector<std::size_t> vans_;
    std::vector<std::vector<std::size_t>> load_;
    std::vector<std::size_t> order_;
    std::vector<std::size_t> assigned_;
};

} // namespace

std::optional<std::vector<std::size_t>> assignVans(const ScenarioIndex &index, std::size_t date,
                                                   const std::vector<VanRequest> &requests)
{
    VanSearch search(index, date, requests);
    if (!search.run(0))
        return std::nullopt;
    return search.assigned();
}

} // namespace lfr
