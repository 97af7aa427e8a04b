// Rounding as a spreadsheet user expects it: a value that is an integer (or a
// half) up to the last bits of binary floating point counts as that integer
// (or half), so 100/0.8 rounds up to 125, not 126, and 1.005 rounds to 1.01.
#pragma once

#include <boost/multiprecision/cpp_bin_float.hpp>

#include <cmath>
#include <cstdint>

namespace dealerkpi::numeric {

// Relative distance under which two doubles are taken as equal (about 45 ulp).
inline constexpr double kSnap = 1e-14;

// Above about 2.5e13 that relative distance reaches a quarter unit: a gap that
// large is a real fraction, not noise (else from 5e13 up every whole number
// would count as a half).
inline constexpr double kMaxNoise = 0.25;

// From 2^52 up every double is a whole number.
inline constexpr double kAllWhole = 4503599627370496.0;

inline bool nearlyEqual(double a, double b) noexcept
{
    const double gap = std::fabs(a - b);
    // gap / kSnap, not kSnap * larger: among subnormals the product rounds up to the
    // smallest gap there is, which made two neighbours "equal" 1.4e-14 apart.
    return gap < kMaxNoise && gap / kSnap <= std::fmax(std::fabs(a), std::fabs(b));
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

// Extended precision, the same on every compiler and processor: a 64-bit
// significand and a 15-bit exponent, the x87 extended format, in software
// (a C++ long double is that format only on x86 with GCC or Clang; MSVC's is
// a double and ARM's a 128-bit quad). Every operation rounds once, to
// nearest, as x87 does; no product or sum of a few doubles leaves its range.
using Extended = boost::multiprecision::number<
    boost::multiprecision::backends::cpp_bin_float<64, boost::multiprecision::backends::digit_base_2, void,
                                                   std::int16_t, -16382, 16383>,
    boost::multiprecision::et_off>;

inline double toDouble(const Extended& x) noexcept { return x.convert_to<double>(); }

// nearlyEqual in extended precision, for a value computed in Extended against a
// cell's number: equal up to binary noise (KPI_SCORE's gate).
inline bool sameUpToNoise(const Extended& a, const Extended& b) noexcept
{
    const Extended gap = abs(a - b);
    return gap <= kSnap * fmax(abs(a), abs(b)) && gap < kMaxNoise;
}

// sum / sum of two pooled sums held in extended precision (no sum of
// doubles leaves its range): one double division when both sums are finite
// doubles (exact for whole counts below 2^53, so the ratio is the nearest
// double to the true one), else the extended quotient rounded to a double.
inline double pooledRatio(const Extended& top, const Extended& bottom) noexcept
{
    const double t = toDouble(top), b = toDouble(bottom);
    if (std::isfinite(t) && std::isfinite(b) && b != 0.0)
        return t / b;
    return toDouble(top / bottom);
}

inline bool isWhole(double x) noexcept { return std::isfinite(x) && std::floor(x) == x; }

} // namespace dealerkpi::numeric
