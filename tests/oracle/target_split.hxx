// TARGET_SPLIT(total; weights; [decimals]; [part]), from spec/functions.md.
#pragma once

#include "exact.hxx"

#include <algorithm>
#include <numeric>

namespace dealerkpi::oracle {

// The total in units of 10^-decimals, rounded half away from zero (as the
// user typed it: 1.005 at 2 decimals is 101 units). Two candidates where the
// typed total is a hair off a half (see nearButNotOn), else one.
inline std::vector<Integer> totalUnits(double total, int decimals)
{
    Rational scaled = abs(typed(total));
    if (decimals >= 0)
        scaled *= pow10(static_cast<unsigned>(decimals));
    else
        scaled /= pow10(static_cast<unsigned>(-decimals));
    std::vector<Integer> units{roundHalfAwayOf(scaled)};
    if (nearButNotOn(scaled, Rational(1, 2))) {
        const Integer lower = floorOf(scaled);
        units = {lower, Integer(lower + 1)};
    }
    return units;
}

// How `units` whole units split over the weights (exact values, >= 0, blank
// = 0; all 0: equal): each gets floor(units * w / sum(w)); the units left
// over go one each to the largest remainders, ties to the larger weight,
// then to the earlier position.
struct Apportioned {
    std::vector<Integer> base;        // floor of each share
    std::vector<Rational> remainder;  // share - base, in [0, 1)
    std::vector<std::size_t> order;   // positions, first to get a leftover unit first
    std::size_t leftover = 0;         // units - sum(base), below the count of weights
    std::vector<Integer> parts;       // the result, in units
};

inline Apportioned apportion(const Integer& units, const std::vector<Rational>& weights)
{
    Apportioned a;
    const std::size_t n = weights.size();
    Rational sum = 0;
    for (const Rational& w : weights)
        sum += w;
    std::vector<Rational> w = weights;
    if (sum == 0) {
        std::fill(w.begin(), w.end(), Rational(1));
        sum = Rational(n);
    }
    Integer given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Rational share = Rational(units) * w[i] / sum;
        a.base.push_back(floorOf(share));
        a.remainder.push_back(share - Rational(a.base.back()));
        given += a.base.back();
    }
    a.leftover = static_cast<std::size_t>(units - given);
    a.order.resize(n);
    std::iota(a.order.begin(), a.order.end(), std::size_t{0});
    std::stable_sort(a.order.begin(), a.order.end(), [&](std::size_t x, std::size_t y) {
        if (a.remainder[x] != a.remainder[y])
            return a.remainder[x] > a.remainder[y];
        if (w[x] != w[y])
            return w[x] > w[y];
        return x < y;
    });
    a.parts = a.base;
    for (std::size_t k = 0; k < a.leftover; ++k)
        a.parts[a.order[k]] += 1;
    return a;
}

// The weights as the split reads them (spec/functions.md): as the decimals a
// person typed when, for some k of at most 6, every typed weight times 10^k
// is a whole number of at most 2^50 (money to the cent, 0.05, 7.25 hours);
// otherwise as the values the cells hold.
inline std::vector<Rational> readWeights(const std::vector<double>& numbers)
{
    std::vector<Rational> typedWeights;
    for (double x : numbers)
        typedWeights.push_back(typed(x));
    for (unsigned k = 0; k <= 6; ++k) {
        const auto decimal = [&](const Rational& w) {
            const Rational scaled = w * pow10(k);
            return isWhole(scaled) && scaled <= Rational(pow2(50));
        };
        if (std::all_of(typedWeights.begin(), typedWeights.end(), decimal))
            return typedWeights;
    }
    std::vector<Rational> held;
    for (double x : numbers)
        held.push_back(exact(x));
    return held;
}

struct Split {
    unsigned faults = 0;
    bool unspecified = false;
    int decimals = 0;
    bool negative = false;                 // the parts are negated
    std::vector<Integer> totals;           // candidate totals in units (see totalUnits)
    std::vector<Rational> weights;         // as the split reads them (blank: 0; see readWeights)

    bool allows(unsigned fault) const { return (faults & fault) != 0; }

    // The parts, as numbers, for one candidate total.
    std::vector<Rational> parts(const Integer& units) const
    {
        std::vector<Rational> out;
        for (const Integer& p : apportion(units, weights).parts)
            out.push_back(value(p));
        return out;
    }
    Rational value(const Integer& unitsOfPart) const
    {
        Rational v = unitsOfPart;
        if (decimals >= 0)
            v /= pow10(static_cast<unsigned>(decimals));
        else
            v *= pow10(static_cast<unsigned>(-decimals));
        return negative ? Rational(-v) : v;
    }
};

// - decimals: a whole number in -6..6 (else invalid); weights: at least one
//   cell; text #VALUE!, a negative weight invalid.
// - the parts are multiples of 10^-decimals and add up to the total rounded
//   half away from zero; a negative total splits its magnitude, negated.
// - every part is a double held exactly in units only while the total in
//   units is at most 2^53: beyond that the parts cannot add up exactly in a
//   double, so the result does not fit: #NUM!.
inline Split targetSplit(double total, const Range& weights, double decimals)
{
    Split out;
    if (!(std::floor(decimals) == decimals) || decimals < -6 || decimals > 6)
        out.faults |= kInvalid;
    if (weights.size() == 0)
        out.faults |= kInvalid;
    if (!std::isfinite(total))
        out.unspecified = true;
    std::vector<double> numbers;
    for (const Cell& c : weights.cells) {
        if (c.isText())
            out.faults |= kValue;
        else if (c.isNumber() && !std::isfinite(c.number))
            out.unspecified = true;
        else if (c.isNumber() && c.number < 0)
            out.faults |= kInvalid;
        numbers.push_back(c.isNumber() && std::isfinite(c.number) ? c.number : 0.0);
    }
    out.weights = readWeights(numbers);
    if (out.faults != 0 || out.unspecified)
        return out;
    out.decimals = static_cast<int>(decimals);
    out.negative = total < 0;
    for (const Integer& units : totalUnits(total, out.decimals)) {
        if (units > pow2(53))
            out.faults |= kOverflow;
        else
            out.totals.push_back(units);
    }
    return out;
}

// The `part` argument: 0 the whole array, 1..n that part, anything else invalid.
inline bool validPart(double part, std::size_t n)
{
    return part == 0 || (std::floor(part) == part && part >= 1 && part <= static_cast<double>(n));
}

} // namespace dealerkpi::oracle
