// Rule 6 of the spec: each pin must be met by its own distinct deployment.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace lfr {

// A maximum matching of pins to deployments. edges[p] lists the deployments
// (indices below `deployments`) that would meet pin p. Returns, per
// deployment, the pin it is matched to. Pins are taken in order and a
// matched pin stays matched, so when pins compete for one deployment the
// earlier pin keeps it.
std::vector<std::optional<std::size_t>> matchPins(const std::vector<std::vector<std::size_t>> &edges,
                                                  std::size_t deployments);

} // namespace lfr
