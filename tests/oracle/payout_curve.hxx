// PAYOUT_CURVE as the contract (functions.md) states it, in exact rational
// arithmetic. Written from the text of the contract, independently of
// addin/core: it shares no code with it.
#pragma once

#include "outcome.hxx"

#include <cfloat>
#include <cmath>
#include <vector>

namespace dealerkpi::oracle {

// attainment; points and payouts in reading order; hold: beyond = 1.
inline Expected payoutCurve(double attainment, const std::vector<Entry>& points, const std::vector<Entry>& payouts,
                            bool hold)
{
    Expected out;
    if (!std::isfinite(attainment))
        out.faults |= kOverflow;

    // Spare rows: blank cells at the end of the table do not count.
    auto used = [](const std::vector<Entry>& v) {
        std::size_t n = v.size();
        while (n > 0 && v[n - 1].kind == Entry::Blank)
            --n;
        return n;
    };
    const std::size_t n = used(points), m = used(payouts);
    if (n != m || n == 0)
        out.faults |= kInvalid;  // a count different from payouts (or no curve at all)
    const std::size_t rows = n > m ? n : m;
    for (std::size_t i = 0; i < rows; ++i) {
        const Entry p = i < points.size() ? points[i] : Entry{};
        const Entry y = i < payouts.size() ? payouts[i] : Entry{};
        for (const Entry& e : {p, y}) {
            if (e.kind == Entry::Text)
                out.faults |= kValue;
            else if (e.kind == Entry::Blank && i < n && i < m)
                out.faults |= kInvalid;  // a hole
            else if (e.kind == Entry::Number && !std::isfinite(e.number))
                out.faults |= kOverflow;
        }
        if (i >= 1 && i < points.size() && p.kind == Entry::Number && points[i - 1].kind == Entry::Number) {
            const double a = points[i - 1].number, b = p.number;
            if (b < a)
                out.faults |= kInvalid;  // descending
            if (i >= 2 && points[i - 2].kind == Entry::Number && points[i - 2].number == a && a == b)
                out.faults |= kInvalid;  // three equal points
        }
    }
    if (out.isError())
        return out;

    std::vector<Rational> x, y;
    for (std::size_t i = 0; i < n; ++i) {
        x.emplace_back(points[i].number);
        y.emplace_back(payouts[i].number);
    }
    // An attainment equal to a point up to binary noise is that point: a gap of
    // at most 1e-14 of the larger of the two, and under a quarter. (A gap within
    // 2^-60 of that line is taken as noise: no double lands there but by design.)
    Rational a(attainment);
    for (std::size_t i = 0; i < n; ++i) {
        const Rational gap = magnitude(a - x[i]);
        const Rational larger = magnitude(a) > magnitude(x[i]) ? magnitude(a) : magnitude(x[i]);
        const Rational line = larger / Rational(100000000000000LL) + larger / Rational(1LL << 60);
        if (gap <= line && gap < Rational(1, 4)) {
            a = x[i];
            break;
        }
    }

    // The straight line through points i and i + 1 (which differ), at a.
    auto line = [&](std::size_t i) { return y[i] + (a - x[i]) * (y[i + 1] - y[i]) / (x[i + 1] - x[i]); };

    Rational value;
    if (a < x[0]) {
        value = 0;  // nothing is paid below the threshold
    } else if (a > x[n - 1]) {
        // One point, or a last jump: the last payout holds in both modes.
        const bool endsInJump = n >= 2 && x[n - 2] == x[n - 1];
        value = hold || n == 1 || endsInJump ? y[n - 1] : line(n - 2);
    } else {
        // At a point: its payout, the second one at a jump. Else between two.
        bool atPoint = false;
        for (std::size_t i = 0; i < n; ++i)
            if (x[i] == a) {
                value = y[i];  // the later of two equal points overwrites
                atPoint = true;
            }
        if (!atPoint)
            for (std::size_t i = 0; i + 1 < n; ++i)
                if (x[i] < a && a < x[i + 1])
                    value = line(i);
    }

    out.value = value;
    out.scale = magnitude(value);
    // Between two points, and beyond the last one, the result is
    // y[i] + t (y[i+1] - y[i]) = (1 - t) y[i] + t y[i+1]: its terms are of
    // the size max(|y[i]|, |y[i+1]|, |t (y[i+1] - y[i])|).
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const bool segment = x[i] < a && a < x[i + 1];
        const bool beyond = i + 2 == n && a > x[n - 1] && !hold && x[i] < x[i + 1];
        if (segment || beyond) {
            const Rational t = (a - x[i]) / (x[i + 1] - x[i]);
            for (const Rational& s : {magnitude(y[i]), magnitude(y[i + 1]), magnitude(t * (y[i + 1] - y[i]))})
                if (s > out.scale)
                    out.scale = s;
        }
    }
    if (magnitude(value) > Rational(DBL_MAX))
        out.faults = kOverflow;  // beyond the largest double (value kept: how far)
    return out;
}

} // namespace dealerkpi::oracle
