// FUNNEL_TARGET(target; rates; [rounding]), from spec/functions.md.
#pragma once

#include "exact.hxx"

namespace dealerkpi::oracle {

enum class Rounding { None, Up, Nearest };

// One stage of the back-solve: the customers needed before a step with this
// rate, given those needed after it. `undecided` is set where the quotient is
// a hair off the whole number (or half) where the rounding turns: there a
// double computation cannot tell which side it is on, and the spec does not
// rule.
inline Rational nextNeed(const Rational& after, const Rational& rate, Rounding rounding, bool& undecided)
{
    const Rational need = after / rate;
    if (rounding == Rounding::Up) {
        undecided = undecided || nearButNotOn(need);
        return Rational(ceilOf(need));
    }
    if (rounding == Rounding::Nearest) {  // half up (the needs are never negative)
        undecided = undecided || nearButNotOn(need, Rational(1, 2));
        return Rational(roundHalfAwayOf(need));
    }
    return need;
}

struct Needs {
    unsigned faults = 0;          // the error results the spec allows
    std::vector<Rational> needs;  // one per rate, in reading order (none for an invalid input)
    bool undecided = false;       // some rounding lies in the band nobody rules on
    bool unspecified = false;     // NaN or infinity in the input
};

// - target >= 0; rates: every cell a number > 0 (text: #VALUE!; blank, 0 or
//   negative: invalid); at least one rate.
// - need1 = target / rate1, need2 = need1 / rate2, ...; rounding up or to
//   nearest (half up) at every stage before the next division.
// - numbers are the decimals the user typed (typed()): 30 / 0.3 is 100.
// - a need that does not fit a double: #NUM!.
inline Needs funnelTarget(double target, const Range& rates, Rounding rounding)
{
    Needs out;
    if (!std::isfinite(target))
        out.unspecified = true;
    else if (target < 0)
        out.faults |= kInvalid;
    if (rates.size() == 0)
        out.faults |= kInvalid;
    for (const Cell& r : rates.cells) {
        if (r.isText())
            out.faults |= kValue;
        else if (r.isNumber() && !std::isfinite(r.number))
            out.unspecified = true;
        else if (!r.isNumber() || !(r.number > 0))
            out.faults |= kInvalid;
    }
    if (out.faults != 0 || out.unspecified)
        return out;

    Rational need = typed(target);
    for (const Cell& r : rates.cells) {
        need = nextNeed(need, typed(r.number), rounding, out.undecided);
        if (!fitsDouble(need))
            out.faults |= kOverflow;
        out.needs.push_back(need);
    }
    return out;  // with #NUM! the needs are still there, to see how far past the limit they are
}

// How far the core's need at stage k (1-based) may lie from the exact one.
// Rounded stages are whole numbers: below 2^53 each is held exactly, and the
// quotient before it is off by far less than the band of `undecided`, so it
// is exact (0). Unrounded: each stage's division rounds once and each rate is
// held a half unit off the decimal typed: 2 units of 2^-53 per stage, which
// is at most 2 units in the last place each, and the target itself one
// more.
inline Rational needUlps(Rounding rounding, std::size_t stage, const Rational& need)
{
    if (rounding != Rounding::None && need <= Rational(pow2(53)))
        return 0;
    return Rational(2 * stage + 1);
}

} // namespace dealerkpi::oracle
