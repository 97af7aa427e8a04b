// A payout curve (达成率系数): the payout for one attainment, read off a table
// of breakpoints by straight-line interpolation.
#pragma once

#include "grid.hxx"
#include "keywords.hxx"
#include "outcome.hxx"

namespace dealerkpi {

// PAYOUT_CURVE. points: breakpoints, ascending; blank cells at the end of the
// table are ignored (in both points and payouts). A point may appear twice in
// a row: the curve jumps there and at the point the second payout holds.
// payouts: one per point, any sign. Below the first point the payout is 0;
// between two points it is interpolated; above the last point the last
// segment's slope goes on (Beyond::Extend) or the last payout holds
// (Beyond::Hold, and always for one point or a curve that ends in a jump).
//
// Errors, the first offending entry of the table in reading order deciding:
// text Value; a hole, a descending point, three equal points in a row, a
// count different from payouts or an empty table InvalidArgument; a
// non-finite attainment, point or payout, or a result beyond the range of a
// double, Overflow.
Number payoutCurve(double attainment, const Grid& points, const Grid& payouts, Beyond beyond) noexcept;

} // namespace dealerkpi
