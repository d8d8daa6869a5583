// Authorisation records and deployment records as JSON: the form the
// storage keeps them in, the command line reads them from and the audit
// trail shows their old and new values in. Readers are strict and name the
// JSON path of the first fault (InputError).
#pragma once

#include "lfrplan/deployment_records.h"
#include "lfrplan/safeguards.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace lfr {

nlohmann::json authorisationToJson(const Authorisation &record);
Authorisation authorisationFromJson(const nlohmann::json &value, const std::string &path = "$");
// Parses text (strictly: no duplicate keys); errors name `source`.
Authorisation readAuthorisation(std::string_view text, const std::string &source);

nlohmann::json recordToJson(const DeploymentRecord &record);
DeploymentRecord recordFromJson(const nlohmann::json &value, const std::string &path = "$");

} // namespace lfr
