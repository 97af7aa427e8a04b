// FUNNEL_TARGET: any target, any block of rates, each rounding, against the
// oracle (tests/oracle/funnel_target.hxx), stage by stage: each need is
// checked against the exact next stage of the need the core gave before it,
// so a check never depends on how far earlier stages drifted.
#include "fuzz_input.hxx"
#include "oracle/core_glue.hxx"
#include "oracle/funnel_target.hxx"

using namespace dealerkpi;
using namespace dealerkpi::fuzz;
namespace o = dealerkpi::oracle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    const Rounding rounding = static_cast<Rounding>(in.byte() % 3);
    const double target = in.number();
    const Block rates = in.block();

    std::vector<double> needs{-1.0};
    const Error e = funnelTarget(target, rates, rounding, needs);
    const auto how = static_cast<o::Rounding>(static_cast<int>(rounding));
    const o::Needs want = o::funnelTarget(target, o::rangeOf(rates), how);

    if (want.unspecified) {
        for (double n : needs)
            check(std::isfinite(n), "a NaN or infinite need", n);
        return 0;
    }
    // Near the largest double the drift of the stages before may or may not
    // carry a need past it: #NUM! is then right too.
    bool nearLimit = false;
    for (std::size_t i = 0; i < want.needs.size(); ++i)
        nearLimit = nearLimit || !o::fitsDouble(want.needs[i] * (1 + o::Rational(2 * i + 4, o::pow2(52))));
    if (e != Error::None) {
        check(needs.empty(), "needs left behind with an error");
        if (!(want.faults & o::faultOf(e)) && !(e == Error::Overflow && nearLimit) && !want.undecided)
            fail(("error " + o::faultNames(o::faultOf(e)) + "where the spec says " + o::faultNames(want.faults)).c_str());
        return 0;
    }
    check(want.faults == 0 || (want.faults == o::kOverflow && nearLimit) || want.undecided,
          "needs where the spec says an error", want.faults);
    check(needs.size() == rates.cells.size(), "one need per rate");

    // Rounded stages start from the target as typed; unrounded ones from the
    // double the core holds. Each rate is the decimal typed.
    for (std::size_t i = 0; i < needs.size(); ++i) {
        const double got = needs[i];
        check(std::isfinite(got) && got >= 0, "a need that is not a count", got);
        const o::Rational before = i == 0 ? (how == o::Rounding::None ? o::exact(target) : o::typed(target))
                                          : o::exact(needs[i - 1]);
        bool undecided = false;
        const o::Rational exact = o::nextNeed(before, o::typed(rates.cells[i].number), how, undecided);
        const o::Rational off = abs(o::exact(got) - exact);
        if (how == o::Rounding::None) {
            // One division rounds (half a unit), and the rate is held half a
            // unit off the decimal typed: within 2 units in the last place, or
            // one step in the subnormal range.
            check(off <= 2 * o::ulpOf(got) + o::kSubnormalStep, "unrounded need off", got, static_cast<double>(exact));
        } else if (undecided) {
            // A hair off the whole number (or half) where the rounding turns
            // (from 2^45 on every quotient is): either side, a whole number,
            // and from 2^53 on the nearest double to it (3 units as below).
            check(std::floor(got) == got && off <= 1 + 3 * o::ulpOf(got), "rounded need off", got,
                  static_cast<double>(exact));
        } else if (exact <= o::Rational(o::pow2(53))) {
            check(off == 0, "rounded need is not the exact one", got, static_cast<double>(exact));
        } else {
            // Above 2^53 not every whole number is a double: the nearest one
            // to a quotient of the rate as a double (half a unit of the rate,
            // relative) and rounded once more (half a unit of the need). Near
            // the top of the need's binade a relative half unit is almost a
            // whole unit of the need, so the two make just over 2 units: 3.
            check(off <= 3 * o::ulpOf(got), "rounded need off", got, static_cast<double>(exact));
        }
    }
    return 0;
}
