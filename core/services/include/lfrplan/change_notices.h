// Change notices (issue 20, part 3; docs/publishing.md, "Telling the people
// affected"): what changed for each officer and each team between a
// published version and the saved plan, as words, as CSV, and as calendar
// files that update, in place, a calendar which imported the published
// version. Derived from comparePlans() (publishing.h): a deployment is the
// same deployment when its date, window and hotspot are.
#pragma once

#include "lfrplan/calendar_export.h"
#include "lfrplan/model.h"
#include "lfrplan/publishing.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lfr {

// One officer's duty: a deployment and the role they fill in it.
struct Duty {
    Deployment deployment;
    std::string role;
    bool operator==(const Duty &) const = default;
};

// One change of one officer's duties.
// - Added: a duty in the current plan only.
// - Removed: a duty in the published version only.
// - Moved: the officer left one deployment and joined another (a removed
//   and an added duty of the same officer, paired in date order).
// - Changed: the same deployment, but its van or the officer's role in it
//   changed under them.
struct DutyChange {
    enum class Kind : std::uint8_t { Added, Removed, Moved, Changed };
    Kind kind = Kind::Changed;
    std::string officer;
    std::optional<Duty> before; // the published duty; absent when added
    std::optional<Duty> after;  // the current duty; absent when removed
    bool vanChanged() const { return before && after && before->deployment.van != after->deployment.van; }
    bool roleChanged() const { return before && after && before->role != after->role; }
    bool operator==(const DutyChange &) const = default;
};

// "added", "removed", "moved", "changed".
const char *dutyChangeKindName(DutyChange::Kind kind);

// Every officer's duty changes, by officer id, then by date, window and
// hotspot. An officer who stays in a deployment whose crew changed around
// them has no change.
std::vector<DutyChange> dutyChanges(const PlanChanges &changes);

// The change in a planner's words, without the officer:
// "moved: from Brixton, Mon 7 Dec, day (operator) to Camden, Wed 9 Dec, day (operator)",
// "changed: Soho, Tue 8 Dec, day (lead): van V3 replaces van V1".
std::string dutyChangeWords(const Scenario &scenario, const DutyChange &change);

// A team's share of the changes: its officers affected and their changes
// by kind. Officers no longer in the scenario count under team "".
struct TeamChanges {
    std::string team; // id
    std::size_t officers = 0, added = 0, removed = 0, moved = 0, changed = 0;
};
// By team id, only teams with changes.
std::vector<TeamChanges> teamChanges(const Scenario &scenario, const std::vector<DutyChange> &changes);

// One row per duty change (docs/cli.md has the columns), RFC 4180 and the
// formula guard of csv_export.h.
std::string dutyChangesCsv(const Scenario &scenario, const std::vector<DutyChange> &changes, int publishedVersion);

// SEQUENCE of the events of published version N's calendars (export-ics
// --published N): 2N; of a change notice against version N: 2N + 1. So a
// notice always supersedes the calendar it updates, and the next version's
// calendar supersedes the notice: 2, 3, 4, 5, ...
int publishedSequence(int version);
int noticeSequence(int publishedVersion);

// A calendar file of a change notice: `fileName` (no folder) and its text.
struct NoticeFile {
    std::string officer;
    std::string fileName;
    std::string text;
};

// Per officer affected: OFFICER.ics (METHOD:PUBLISH) with each duty added,
// moved to or changed, and for each duty removed or moved from,
// OFFICER-cancel-DATE-WINDOW-HOTSPOT.ics (METHOD:CANCEL, one VEVENT each,
// RFC 5546 3.2.5). Every event has its duty's usual UID and SEQUENCE
// noticeSequence(publishedVersion). Officer ids and deployment keys are
// made safe as file names (see safeFileName). InputError when two files
// would have one name.
std::vector<NoticeFile> calendarNotices(const Scenario &scenario, const std::vector<DutyChange> &changes,
                                        int publishedVersion, const CalendarOptions &options = {});

// An id as a file name: letters, digits, '-', '_' and '.' (not first) are
// kept, anything else becomes '_'; a name changed that way, or longer than
// 60 bytes, is shortened and given a hash of the original, so that two ids
// never share one.
std::string safeFileName(const std::string &id);

} // namespace lfr
