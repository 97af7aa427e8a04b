// KPI_SCORE as the contract (functions.md) states it, in exact rational
// arithmetic. Written from the text of the contract, independently of
// addin/core: it shares no code with it.
#pragma once

#include "outcome.hxx"

#include <cfloat>
#include <cmath>
#include <vector>

namespace dealerkpi::oracle {

enum class Way : std::uint8_t { Higher, Lower, Unknown };  // a direction as the keyword reads

struct Sheet {
    std::vector<Entry> cells;
    std::size_t rows = 0, cols = 0;
};

struct KpiCase {
    Sheet actuals, targets, weights;
    std::vector<Entry> caps{Entry{}}, gates{Entry{}};  // one for all, or one per measure
    std::vector<Way> directions{Way::Higher};
};

// "Below its gate", where an achievement equal to the gate up to binary noise
// counts as meeting it: a gap of at most 1e-14 of the larger of the two (and
// under a quarter). Returns 0 not below, 1 below, 2 too close to that line
// to tell.
inline int belowGate(const Rational& achievement, double gate)
{
    const Rational g(gate);
    if (!(achievement < g))
        return 0;
    const Rational gap = g - achievement;
    const Rational larger = magnitude(achievement) > magnitude(g) ? magnitude(achievement) : magnitude(g);
    const Rational line = larger / Rational(100000000000000LL);  // 1e-14
    const Rational blur = larger / Rational(1LL << 60);           // far below a double's precision
    if (gap >= Rational(1, 4))
        return 1;
    if (gap > line + blur)
        return 1;
    if (gap < line - blur)
        return 0;
    return 2;
}

inline Expected kpiScore(const KpiCase& c)
{
    Expected out;
    const std::size_t n = c.actuals.cells.size();
    auto same = [](const Sheet& a, const Sheet& b) { return a.rows == b.rows && a.cols == b.cols; };
    if (n == 0 || !same(c.actuals, c.targets) || !same(c.actuals, c.weights))
        out.faults |= kInvalid;
    auto oneOrEach = [n](std::size_t size) { return size == 1 || size == n; };
    if (!oneOrEach(c.caps.size()) || !oneOrEach(c.gates.size()) || !oneOrEach(c.directions.size()))
        out.faults |= kInvalid;
    if (out.isError())
        return out;

    auto number = [&out](const Entry& e) {
        if (e.kind == Entry::Text)
            out.faults |= kValue;
        else if (e.kind == Entry::Number && !std::isfinite(e.number))
            out.faults |= kOverflow;
        return e.kind == Entry::Number && std::isfinite(e.number);
    };
    auto pick = [](const auto& v, std::size_t i) { return v[v.size() == 1 ? 0 : i]; };

    Rational sumWeighted = 0, sumWeights = 0, sumMagnitude = 0;
    int veto = 0;  // 0 none, 1 some measure below its gate, 2 unsure
    for (std::size_t i = 0; i < n; ++i) {
        const Entry w = c.weights.cells[i];
        if (w.kind == Entry::Blank)
            continue;  // a measure with a blank weight is ignored
        const Entry actual = c.actuals.cells[i], target = c.targets.cells[i];
        const Entry cap = pick(c.caps, i), gate = pick(c.gates, i);
        const Way way = pick(c.directions, i);

        const bool weightOk = number(w) && w.number >= 0;
        if (w.kind == Entry::Number && w.number < 0)
            out.faults |= kInvalid;
        const bool actualOk = number(actual) || actual.kind == Entry::Blank;
        const bool targetOk = number(target) && target.number > 0;
        if (target.kind == Entry::Blank || (target.kind == Entry::Number && target.number <= 0))
            out.faults |= kInvalid;
        const bool capOk = number(cap) ? cap.number >= 0 : cap.kind == Entry::Blank;
        if (cap.kind == Entry::Number && cap.number < 0)
            out.faults |= kInvalid;
        const bool gateOk = number(gate) || gate.kind == Entry::Blank;
        if (way == Way::Unknown)
            out.faults |= kInvalid;
        if (!(weightOk && actualOk && targetOk && capOk && gateOk && way != Way::Unknown))
            continue;

        // Blank or 0: no cap, no gate (a lone blank cell reaches the add-in as 0).
        const bool hasCap = cap.kind == Entry::Number && cap.number != 0;
        const bool hasGate = gate.kind == Entry::Number && gate.number != 0;
        Rational achievement = 0;  // a blank actual: 0 achievement
        bool unbounded = false;    // lower is better with actual 0
        if (actual.kind == Entry::Number) {
            if (way == Way::Higher) {
                achievement = Rational(actual.number) / Rational(target.number);
            } else if (actual.number < 0) {
                out.faults |= kInvalid;  // a negative count of days or complaints
                continue;
            } else if (actual.number == 0) {
                if (!hasCap) {
                    out.faults |= kDivZero;
                    continue;
                }
                unbounded = true;  // scores its cap
            } else {
                achievement = Rational(target.number) / Rational(actual.number);
            }
        }
        if (hasGate && !unbounded) {
            const int below = belowGate(achievement, gate.number);
            if (below > veto)
                veto = below;
        }
        if (hasCap && (unbounded || achievement > Rational(cap.number)))
            achievement = Rational(cap.number);
        sumWeighted += Rational(w.number) * achievement;
        sumMagnitude += Rational(w.number) * magnitude(achievement);
        sumWeights += Rational(w.number);
    }
    if (out.isError())
        return out;
    if (sumWeights == 0) {
        out.faults = kDivZero;
        return out;
    }
    if (veto == 1) {
        out.value = 0;
        out.scale = 0;
        return out;
    }
    out.value = sumWeighted / sumWeights;
    out.scale = sumMagnitude / sumWeights;
    out.zeroToo = veto == 2;
    if (magnitude(out.value) > Rational(DBL_MAX))
        out.faults = kOverflow;
    return out;
}

} // namespace dealerkpi::oracle
