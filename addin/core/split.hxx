// Splitting a target over months, departments or people in proportion to
// weights, so that the parts add up exactly to the (rounded) total.
#pragma once

#include "grid.hxx"
#include "outcome.hxx"

#include <vector>

namespace dealerkpi {

// TARGET_SPLIT. The total is rounded half away from zero to `decimals`
// (a whole number in -6..6); every part is a multiple of 10^-decimals. Parts
// start as total*w/sum(w) rounded down; the units left over go one each to the
// largest remainders (ties: larger weight, then earlier position). A blank
// weight is 0; all weights 0 split equally; a negative total splits its
// magnitude and negates the parts. Fills `parts` in reading order.
Error targetSplit(double total, const Grid& weights, double decimals, std::vector<double>& parts);

// The optional `part` argument: 0 means the whole array, 1..n one part.
bool wantsWholeSplit(double part) noexcept;
Number pickPart(const std::vector<double>& parts, double part) noexcept;

} // namespace dealerkpi
