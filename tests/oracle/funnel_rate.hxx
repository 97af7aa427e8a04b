// FUNNEL_RATE(converted; entered; [method]), from spec/functions.md.
#pragma once

#include "exact.hxx"

namespace dealerkpi::oracle {

enum class RateMethod { Pooled, Mean };

// - converted, entered: counts of the same shape; a pair with a blank on
//   either side is skipped. Text anywhere: #VALUE!. A negative count
//   anywhere (also opposite a blank): invalid. Different shapes: invalid.
// - pooled: sum(converted) / sum(entered) over the kept pairs;
//   mean: the mean of converted/entered over the kept pairs with entered > 0.
// - nothing to divide by: #DIV/0!.
inline Scalar funnelRate(const Range& converted, const Range& entered, RateMethod method)
{
    Scalar out;
    if (!converted.sameShape(entered) || converted.size() == 0) {
        out.faults |= kInvalid;
        return out;
    }
    for (const Range* r : {&converted, &entered})
        for (const Cell& c : r->cells) {
            if (c.isText())
                out.faults |= kValue;
            else if (c.isNumber() && !std::isfinite(c.number))
                out.unspecified = true;
            else if (c.isNumber() && c.number < 0)
                out.faults |= kInvalid;
        }
    if (out.faults != 0 || out.unspecified)
        return out;

    Rational sumConverted = 0, sumEntered = 0, sumRates = 0;
    std::size_t kept = 0, periods = 0;
    bool wholeCounts = true;
    for (std::size_t i = 0; i < converted.size(); ++i) {
        const Cell& c = converted.cells[i];
        const Cell& e = entered.cells[i];
        if (!c.isNumber() || !e.isNumber())
            continue;
        ++kept;
        sumConverted += exact(c.number);
        sumEntered += exact(e.number);
        wholeCounts = wholeCounts && std::floor(c.number) == c.number && std::floor(e.number) == e.number;
        if (e.number > 0) {
            sumRates += exact(c.number) / exact(e.number);
            ++periods;
        }
    }

    if (method == RateMethod::Pooled) {
        if (sumEntered == 0) {
            out.faults |= kDivZero;
            return out;
        }
        out.value = sumConverted / sumEntered;
        // Whole counts whose sums stay below 2^53 add up exactly in any order:
        // only the division rounds (half a unit). Otherwise each of the two
        // sums of `kept` non-negative terms drifts by at most kept - 1 units of
        // 2^-53 of itself, the division by one more: 2 * kept units in all.
        const bool exactSums = wholeCounts && sumConverted < Rational(pow2(53)) && sumEntered < Rational(pow2(53));
        out.ulps = exactSums ? Rational(1, 2) : Rational(2 * kept);
    } else {
        if (periods == 0) {
            out.faults |= kDivZero;
            return out;
        }
        out.value = sumRates / periods;
        // Each rate rounds once, the sum of `periods` non-negative rates drifts
        // by periods - 1 units, the division by the count once more.
        out.ulps = Rational(periods + 1);
    }
    // Results in the subnormal range lose absolute, not relative, precision:
    // one step there per rounding.
    out.absolute = kSubnormalStep * Rational(2 * kept + 2);
    overflowWhereItMust(out);
    return out;
}

} // namespace dealerkpi::oracle
