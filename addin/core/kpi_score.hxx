// A weighted scorecard (综合绩效得分): the achievement of every measure
// against its target, capped, gated, weighted and normalised.
#pragma once

#include "grid.hxx"
#include "keywords.hxx"
#include "outcome.hxx"

namespace dealerkpi {

// Keywords of a range argument, in reading order; does not own them.
struct KeywordList {
    const Keyword* items = nullptr;
    std::size_t size = 0;

    constexpr KeywordList() noexcept = default;
    constexpr KeywordList(const Keyword* k, std::size_t n) noexcept : items(k), size(n) {}
    constexpr explicit KeywordList(const Keyword& one) noexcept : items(&one), size(1) {}
    constexpr const Keyword& operator[](std::size_t i) const noexcept { return items[i]; }
};

struct KpiInputs {
    Grid actuals, targets, weights;  // one cell per measure, the same shape
    Grid caps, gates;                // one cell for all measures or one per measure
    KeywordList directions;          // one for all measures or one per measure
};

// KPI_SCORE. A measure whose weight is blank is ignored. achievement =
// actual / target, or target / actual for a lower-is-better measure; a blank
// actual is 0 achievement. The score is sum(weight x min(achievement, cap)) /
// sum(weight), or 0 when any kept measure's achievement before its cap is
// below its gate (equal up to the last bits of binary fractions counts as
// met, as Calc compares). A cap or gate that is blank or 0 is none (Calc
// passes a lone blank cell as 0). A lower-is-better measure with actual 0
// scores its cap.
//
// Errors, the first offending measure in reading order deciding (within it:
// weight, actual, target, cap, gate, direction): text Value; shapes or counts
// that do not match, a negative weight or cap, a target <= 0 or blank, a
// negative actual on a lower-is-better measure, an unknown direction
// InvalidArgument; a lower-is-better actual of 0 without a cap
// DivisionByZero; then kept weights summing to 0 (none kept included)
// DivisionByZero; a non-finite input or a result beyond a double Overflow.
Number kpiScore(const KpiInputs& in) noexcept;

} // namespace dealerkpi
