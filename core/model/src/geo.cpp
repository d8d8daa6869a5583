#include "lfrplan/geo.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace lfr {

double haversineKm(const GeoPoint &a, const GeoPoint &b)
{
    constexpr double kRad = std::numbers::pi / 180.0;
    const double dLat = (b.lat - a.lat) * kRad;
    const double dLon = (b.lon - a.lon) * kRad;
    const double s = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(s)));
}

} // namespace lfr
