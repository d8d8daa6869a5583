// PlanDocument: the disruptions applied on the board and not yet saved
// (issue 20; docs/publishing.md, "In the app"). Saving records them with
// the disrupted scenario and the re-plan (PlanDocument::store).
#include "plan_document.h"

#include <algorithm>
#include <atomic>

namespace lfr::ui {

int PlanDocument::nextDisruptionId()
{
    static std::atomic<int> next{0};
    return ++next;
}

void PlanDocument::disruptionApplied(PendingDisruption disruption)
{
    disruptionUndone(disruption.id);
    pending_.push_back(std::move(disruption));
}

void PlanDocument::disruptionUndone(int id)
{
    std::erase_if(pending_, [id](const PendingDisruption &d) { return d.id == id; });
}

void PlanDocument::forgetRecorded(const std::vector<int> &ids)
{
    std::erase_if(pending_,
                  [&](const PendingDisruption &d) { return std::find(ids.begin(), ids.end(), d.id) != ids.end(); });
}

} // namespace lfr::ui
