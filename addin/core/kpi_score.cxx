#include "kpi_score.hxx"

#include "numeric.hxx"

#include <cfloat>
#include <cmath>
#include <limits>

namespace dealerkpi {
namespace {

using numeric::Extended;

// The cell of measure i in an argument that holds one for all or one each.
const Cell& of(const Grid& g, std::size_t i) noexcept { return g[g.size() == 1 ? 0 : i]; }

// A number cell that must be finite: its error, if any.
Error numberError(const Cell& c) noexcept
{
    if (c.isText())
        return Error::Value;
    if (c.isNumber() && !std::isfinite(c.number))
        return Error::Overflow;
    return Error::None;
}

// Below the gate, unless equal to it up to binary noise: 0.3 / 0.1 meets a
// gate of 3, as it does in a Calc comparison.
bool below(const Extended& achievement, double gate) noexcept
{
    return achievement < gate && !numeric::sameUpToNoise(achievement, Extended(gate));
}

// A reported actual's achievement: actual over target when higher is better,
// target over actual otherwise (an actual of 0 then scores its cap, and has
// to have one).
Error achievementOf(double actual, double target, Direction direction, bool capped, Extended& achievement) noexcept
{
    if (direction == Direction::Higher) {
        achievement = Extended(actual) / target;
    } else if (actual < 0.0) {
        return Error::InvalidArgument;
    } else if (actual == 0.0) {
        if (!capped)
            return Error::DivisionByZero;
        achievement = std::numeric_limits<Extended>::infinity();  // scores its cap; meets any gate
    } else {
        achievement = Extended(target) / actual;
    }
    return Error::None;
}

// Measure i (its weight not blank): its cells checked in the contract's order,
// its achievement up to its cap; `vetoed` set when it is below its gate.
Error scoreMeasure(const KpiInputs& in, std::size_t i, Extended& achievement, bool& vetoed) noexcept
{
    const Cell& actual = in.actuals[i];
    const Cell& target = in.targets[i];
    const Cell& cap = of(in.caps, i);
    const Cell& gate = of(in.gates, i);
    if (Error e = numberError(actual); e != Error::None)
        return e;
    if (Error e = numberError(target); e != Error::None)
        return e;
    if (target.isBlank() || !(target.number > 0.0))
        return Error::InvalidArgument;
    if (Error e = numberError(cap); e != Error::None)
        return e;
    if (cap.isNumber() && cap.number < 0.0)
        return Error::InvalidArgument;
    if (Error e = numberError(gate); e != Error::None)
        return e;
    const Parsed<Direction> direction = parseDirection(in.directions[in.directions.size == 1 ? 0 : i]);
    if (!direction.ok())
        return direction.error;

    // Blank or 0: none. Calc hands a lone blank cell over as 0, so a cap
    // or gate cell left empty must read as none (as TIERED_BONUS's cap).
    const bool capped = cap.isNumber() && cap.number > 0.0;
    const bool gated = gate.isNumber() && gate.number != 0.0;

    achievement = 0.0;  // a blank actual: not reported, not achieved
    if (actual.isNumber()) {
        const Error e = achievementOf(actual.number, target.number, direction.value, capped, achievement);
        if (e != Error::None)
            return e;
    }
    if (gated && below(achievement, gate.number))
        vetoed = true;
    if (capped && achievement > cap.number)
        achievement = cap.number;
    return Error::None;
}

} // namespace

Number kpiScore(const KpiInputs& in) noexcept
{
    const Grid& actuals = in.actuals;
    const std::size_t n = actuals.size();
    if (n == 0 || !actuals.sameShape(in.targets) || !actuals.sameShape(in.weights))
        return Error::InvalidArgument;
    auto oneOrEach = [n](std::size_t size) { return size == 1 || size == n; };
    if (!oneOrEach(in.caps.size()) || !oneOrEach(in.gates.size()) || !oneOrEach(in.directions.size))
        return Error::InvalidArgument;

    // Extended precision: no product or sum of doubles here overflows, and
    // the score is rounded once, at the end.
    Extended weighted = 0.0;
    Extended weights = 0.0;
    bool vetoed = false;
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& w = in.weights[i];
        if (w.isBlank())
            continue;  // a spare row
        if (Error e = numberError(w); e != Error::None)
            return e;
        if (w.number < 0.0)
            return Error::InvalidArgument;
        Extended achievement;
        if (Error e = scoreMeasure(in, i, achievement, vetoed); e != Error::None)
            return e;
        weighted += w.number * achievement;
        weights += w.number;
    }
    if (weights == 0.0)
        return Error::DivisionByZero;
    if (vetoed)
        return 0.0;
    const Extended score = weighted / weights;
    if (!(abs(score) <= DBL_MAX))
        return Error::Overflow;
    return numeric::toDouble(score) + 0.0;  // never -0
}

} // namespace dealerkpi
