// Rounding as a spreadsheet user expects it: a value that is an integer (or a
// half) up to the last bits of binary floating point counts as that integer
// (or half), so 100/0.8 rounds up to 125, not 126, and 1.005 rounds to 1.01.
#pragma once

#include <cmath>

namespace dealerkpi::numeric {

// Relative distance under which two doubles are taken as equal (about 45 ulp).
inline constexpr double kSnap = 1e-14;

// Above about 2.5e13 that relative distance reaches a quarter unit: a gap that
// large is a real fraction, not noise (else from 5e13 up every whole number
// would count as a half).
inline constexpr double kMaxNoise = 0.25;

// From 2^52 up every double is a whole number.
inline constexpr double kAllWhole = 4503599627370496.0;

// The same comparison in long double, for a value computed in long double
// against a cell's number: equal up to binary noise (KPI_SCORE's gate,
// PAYOUT_CURVE's points).
inline bool sameUpToNoise(long double a, long double b) noexcept
{
    const long double gap = std::fabs(a - b);
    return gap <= kSnap * std::fmax(std::fabs(a), std::fabs(b)) && gap < kMaxNoise;
}

inline bool nearlyEqual(double a, double b) noexcept
{
    const double gap = std::fabs(a - b);
    return gap <= kSnap * std::fmax(std::fabs(a), std::fabs(b)) && gap < kMaxNoise;
}

inline double ceilSnapped(double x) noexcept
{
    const double r = std::nearbyint(x);
    return nearlyEqual(x, r) ? r : std::ceil(x);
}

inline double floorSnapped(double x) noexcept
{
    const double r = std::nearbyint(x);
    return nearlyEqual(x, r) ? r : std::floor(x);
}

// Round half away from zero.
inline double roundHalfAway(double x) noexcept
{
    const double a = std::fabs(x);
    if (!(a < kAllWhole))
        return x;  // whole already (or not finite); lower + 0.5 would not exist
    const double lower = std::floor(a);
    const bool up = a - lower >= 0.5 || nearlyEqual(a, lower + 0.5);
    return std::copysign(up ? lower + 1.0 : lower, x);
}

// sum / sum of two pooled sums held in extended precision (no sum of
// doubles leaves its range): one double division when both sums are finite
// doubles (exact for whole counts below 2^53, so the ratio is the nearest
// double to the true one), else the extended quotient rounded to a double.
inline double pooledRatio(long double top, long double bottom) noexcept
{
    const auto t = static_cast<double>(top), b = static_cast<double>(bottom);
    if (std::isfinite(t) && std::isfinite(b) && b != 0.0)
        return t / b;
    return static_cast<double>(top / bottom);
}

inline bool isWhole(double x) noexcept { return std::isfinite(x) && std::floor(x) == x; }

} // namespace dealerkpi::numeric
