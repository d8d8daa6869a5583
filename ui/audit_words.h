// The audit trail in a reader's words (issue 17, finding 10: the trail
// showed "scenario.officers.changed" and raw JSON). The stored codes and
// JSON stay as they are (the CSV export and the server keep them); these
// are what the dialog shows, with the code in the tooltip.
#pragma once

#include <QString>

#include <string>

namespace lfr::ui {

// "scenario.officers.changed" -> "Changed an officer"; an unknown code as it is.
QString auditActionWords(const std::string &action);
// A stored value as a line: an object's fields "name: Jane Smith; rank: PC",
// a list as its items or their count, nothing as "—"; text that is not
// JSON as it is.
QString auditValueWords(const std::string &json);

} // namespace lfr::ui
