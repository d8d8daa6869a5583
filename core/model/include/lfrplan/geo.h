#pragma once

#include "lfrplan/model.h"

namespace lfr {

inline constexpr double kEarthRadiusKm = 6371.0088;

// Great-circle distance in kilometres (haversine, spec section 4).
double haversineKm(const GeoPoint &a, const GeoPoint &b);

} // namespace lfr
