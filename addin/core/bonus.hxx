// Tiered commission: marginal (like tax brackets), whole-amount, or a fixed
// lump sum per tier, with an optional cap and year-to-date crediting.
#pragma once

#include "grid.hxx"
#include "keywords.hxx"
#include "outcome.hxx"

#include <optional>

namespace dealerkpi {

struct BonusOptions {
    BonusMode mode = BonusMode::Marginal;
    double cap = 0.0;    // 0: no cap; negative: invalid
    std::optional<double> prior;  // amount credited earlier in the period, if any
};

// TIERED_BONUS. thresholds: lower bounds, strictly ascending; blank cells at
// the end of the tier table are ignored (in both thresholds and rates).
// rates: one per threshold. With a prior p (0 included) the result is
// min(B(p + amount), cap) - min(B(p), cap), so monthly increments add up to
// the bonus of the year-to-date total.
Number tieredBonus(double amount, const Grid& thresholds, const Grid& rates, const BonusOptions& options) noexcept;

} // namespace dealerkpi
