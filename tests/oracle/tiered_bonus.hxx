// TIERED_BONUS(amount; thresholds; rates; [mode]; [cap]; [prior]), from spec/functions.md.
#pragma once

#include "exact.hxx"

namespace dealerkpi::oracle {

enum class BonusMode { Marginal, Whole, Fixed };

struct TierTable {
    std::vector<Rational> thresholds;  // strictly ascending
    std::vector<Rational> rates;       // one per threshold
};

// The bonus on a cumulative amount x, without cap, and the sum of the
// magnitudes of the terms it adds (what double arithmetic may lose a few
// units of).
inline Rational uncapped(const Rational& x, const TierTable& t, BonusMode mode, Rational& magnitude)
{
    const std::size_t n = t.thresholds.size();
    if (mode == BonusMode::Marginal) {
        // Every slice of x between two thresholds earns that tier's rate; the
        // last tier is open above.
        Rational bonus = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const Rational& lower = t.thresholds[i];
            if (x <= lower)
                continue;
            const Rational upper = i + 1 < n && t.thresholds[i + 1] < x ? t.thresholds[i + 1] : x;
            const Rational slice = upper - lower;
            bonus += t.rates[i] * slice;
            magnitude += abs(t.rates[i]) * (abs(upper) + abs(lower));
        }
        return bonus;
    }
    // The highest tier reached: the last threshold <= x. Below the first: 0.
    std::size_t reached = n;
    for (std::size_t i = 0; i < n; ++i)
        if (t.thresholds[i] <= x)
            reached = i;
    if (reached == n)
        return 0;
    const Rational bonus = mode == BonusMode::Whole ? x * t.rates[reached] : t.rates[reached];
    magnitude += abs(bonus);
    return bonus;
}

// The number of cells up to the last non-blank one: spare blank rows at the
// end of a tier table are not tiers.
inline std::size_t usedLength(const Range& r)
{
    std::size_t n = r.size();
    while (n > 0 && r.cells[n - 1].isBlank())
        --n;
    return n;
}

// - thresholds strictly ascending, one rate per threshold (counts without
//   the blank cells at the end); text #VALUE!; a hole, a count mismatch,
//   unsorted or duplicate thresholds, no tier at all: invalid.
// - cap: none (blank) or >= 0 (negative: invalid); the bonus never exceeds it.
// - prior: the result is min(B(prior + amount), cap) - min(B(prior), cap).
// - x is the exact prior + amount; a result that does not fit a double: #NUM!.
inline Scalar tieredBonus(const Rational& amount, const Range& thresholds, const Range& rates, BonusMode mode,
                          std::optional<double> cap, std::optional<Rational> prior)
{
    Scalar out;
    if (cap && !std::isfinite(*cap))
        out.unspecified = true;
    else if (cap && *cap < 0)
        out.faults |= kInvalid;
    const std::size_t tiers = usedLength(thresholds);
    if (tiers == 0 || usedLength(rates) != tiers)
        out.faults |= kInvalid;
    TierTable table;
    for (const Range* r : {&thresholds, &rates})
        for (std::size_t i = 0; i < r->size(); ++i) {
            const Cell& c = r->cells[i];
            if (c.isText())
                out.faults |= kValue;
            else if (c.isNumber() && !std::isfinite(c.number))
                out.unspecified = true;
            else if (c.isBlank() && i < tiers)
                out.faults |= kInvalid;  // a hole inside the table
        }
    // Unsorted or duplicate thresholds are invalid whatever else is wrong.
    for (std::size_t i = 1; i < tiers && i < thresholds.size(); ++i) {
        const Cell& lower = thresholds.cells[i - 1];
        const Cell& upper = thresholds.cells[i];
        if (lower.isNumber() && upper.isNumber() && !(upper.number > lower.number))
            out.faults |= kInvalid;
    }
    if (out.faults != 0 || out.unspecified)
        return out;
    for (std::size_t i = 0; i < tiers; ++i) {
        table.thresholds.push_back(exact(thresholds.cells[i].number));
        table.rates.push_back(exact(rates.cells[i].number));
    }

    Rational magnitude = 0;
    auto cumulative = [&](const Rational& x) {
        const Rational b = uncapped(x, table, mode, magnitude);
        return cap && *cap > 0 && b > exact(*cap) ? exact(*cap) : b;
    };
    const Rational p = prior.value_or(0);
    Rational result = cumulative(p + amount);
    if (prior)
        result -= cumulative(p);
    out.value = result;
    // Each slice is one subtraction and one product, the slices one sum of at
    // most `tiers` terms, the two cumulative bonuses one more subtraction: at
    // most tiers + 3 roundings, each of at most 2^-53 of the magnitudes of
    // the terms involved, and 2^-53 of a number is below one unit in its last
    // place. With negative rates (or a prior) the result can be far smaller
    // than its terms, so the tolerance is absolute, in units of the last
    // place of the sum of the magnitudes. Past the largest double those units
    // are the extended precision's, 2^11 times finer than a double's: the
    // result's own rounding to a double (half a unit of its last place) is
    // then added, or a correctly rounded bonus near 1.36e308 of two terms
    // near 1.36e308 and 2e11 was refused.
    magnitude += abs(result);
    out.absolute = Rational(tiers + 3) * ulpOfMagnitude(magnitude) + ulpOfMagnitude(abs(result)) / 2 +
                   kSubnormalStep * Rational(tiers + 3);
    overflowWhereItMust(out);
    return out;
}

} // namespace dealerkpi::oracle
