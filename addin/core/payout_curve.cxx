#include "payout_curve.hxx"

#include "numeric.hxx"

#include <cfloat>
#include <cmath>

namespace dealerkpi {
namespace {

using numeric::Extended;

Error checkCurve(const Grid& points, const Grid& payouts, std::size_t& n) noexcept
{
    return checkColumns(points, payouts, n, [&](std::size_t i) {
        const double p = points[i].number;
        if (!std::isfinite(p) || !std::isfinite(payouts[i].number))
            return Error::Overflow;
        if (i > 0 && p < points[i - 1].number)
            return Error::InvalidArgument;  // descending
        if (i > 1 && p == points[i - 1].number && p == points[i - 2].number)
            return Error::InvalidArgument;  // a jump has two payouts, not three
        return Error::None;
    });
}

// a + t (b - a), exact at t = 0 and t = 1 and monotone in t, so that the
// curve is continuous at every point and never falls where the payouts do not
// (the construction of C++20 std::lerp). In extended precision: no intermediate of
// doubles overflows or underflows there, and the one rounding to double at
// the end dominates the error.
Extended lerp(const Extended& a, const Extended& b, const Extended& t) noexcept
{
    if ((a <= 0 && b >= 0) || (a >= 0 && b <= 0))
        return t * b + (1 - t) * a;
    if (t == 1)
        return b;
    const Extended x = a + t * (b - a);
    return (t > 1) == (b > a) ? (b < x ? x : b) : (x < b ? x : b);
}

// The payout on the segment from point i to point i + 1 (points[i] <
// points[i + 1]) at x, which may lie past the segment's end (extension).
Extended onSegment(const Grid& points, const Grid& payouts, std::size_t i, double x) noexcept
{
    const Extended x0 = points[i].number;
    const Extended x1 = points[i + 1].number;
    const Extended t = (x - x0) / (x1 - x0);
    return lerp(payouts[i].number, payouts[i + 1].number, t);
}

// A result as Calc shows it: never -0 (a cell would read "-0").
Number result(const Extended& y) noexcept
{
    if (!(abs(y) <= DBL_MAX))
        return Error::Overflow;
    return numeric::toDouble(y) + 0.0;
}

} // namespace

Number payoutCurve(double attainment, const Grid& points, const Grid& payouts, Beyond beyond) noexcept
{
    if (!std::isfinite(attainment))
        return Error::Overflow;
    std::size_t n = 0;
    if (Error e = checkCurve(points, payouts, n); e != Error::None)
        return e;

    // An attainment equal to a point up to binary noise is that point: 40/40,
    // 0.3/0.3 and a ratio saved and read back all land on it (a cliff at 100 %
    // pays its upper payout for what a person sees as 100 %).
    for (std::size_t i = 0; i < n; ++i)
        if (numeric::nearlyEqual(attainment, points[i].number)) {
            attainment = points[i].number;
            break;
        }
    if (attainment < points[0].number)
        return 0.0;  // nothing is paid below the threshold
    // The last point at or below the attainment: at a jump, the second one.
    std::size_t j = 0;
    while (j + 1 < n && points[j + 1].number <= attainment)
        ++j;

    if (j + 1 < n) {
        // Inside a segment the payout lies between its two ends; the clamp
        // only takes back a rounding past them.
        const Extended a = payouts[j].number, b = payouts[j + 1].number;
        const Extended y = onSegment(points, payouts, j, attainment);
        return result(fmin(fmax(y, fmin(a, b)), fmax(a, b)));
    }

    // At or above the last point.
    const bool holds = beyond == Beyond::Hold || n == 1 || points[n - 2].number == points[n - 1].number;
    if (holds || attainment == points[n - 1].number)
        return result(Extended(payouts[n - 1].number));
    return result(onSegment(points, payouts, n - 2, attainment));
}

} // namespace dealerkpi
