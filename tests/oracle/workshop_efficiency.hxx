// WORKSHOP_EFFICIENCY(sold; worked; available; [measure]), from spec/functions.md.
#pragma once

#include "exact.hxx"

namespace dealerkpi::oracle {

enum class Measure { Productivity = 1, Efficiency = 2, Overall = 3 };

// - productivity = worked / available, efficiency = sold / worked,
//   overall = sold / available; pooled sums over the rows whose two operands
//   for the measure are both numbers.
// - Every hours argument is checked whatever the measure: text anywhere is
//   #VALUE!, negative hours anywhere invalid, and the three ranges must have
//   the same shape.
// - a denominator that sums to 0: #DIV/0!.
inline Scalar workshopEfficiency(const Range& sold, const Range& worked, const Range& available, Measure measure)
{
    Scalar out;
    if (!sold.sameShape(worked) || !sold.sameShape(available) || sold.size() == 0) {
        out.faults |= kInvalid;
        return out;
    }
    for (const Range* r : {&sold, &worked, &available})
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

    const Range& top = measure == Measure::Productivity ? worked : sold;
    const Range& bottom = measure == Measure::Efficiency ? worked : available;
    Rational sumTop = 0, sumBottom = 0;
    std::size_t kept = 0;
    bool whole = true;
    for (std::size_t i = 0; i < top.size(); ++i) {
        const Cell& a = top.cells[i];
        const Cell& b = bottom.cells[i];
        if (!a.isNumber() || !b.isNumber())
            continue;
        ++kept;
        sumTop += exact(a.number);
        sumBottom += exact(b.number);
        whole = whole && std::floor(a.number) == a.number && std::floor(b.number) == b.number;
    }
    if (sumBottom == 0) {
        out.faults |= kDivZero;
        return out;
    }
    out.value = sumTop / sumBottom;
    // As in FUNNEL_RATE: whole hours below 2^53 add up exactly, so only the
    // division rounds (half a unit); else two sums of `kept` non-negative terms
    // and a division: 2 * kept units of 2^-53.
    const bool exactSums = whole && sumTop < Rational(pow2(53)) && sumBottom < Rational(pow2(53));
    out.ulps = exactSums ? Rational(1, 2) : Rational(2 * kept);
    out.absolute = kSubnormalStep * Rational(2 * kept + 2);
    overflowWhereItMust(out);
    return out;
}

} // namespace dealerkpi::oracle
