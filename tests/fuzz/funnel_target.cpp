// FUNNEL_TARGET: any target, any block of rates, each rounding.
#include "fuzz_input.hpp"

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    const Rounding rounding = static_cast<Rounding>(in.byte() % 3);
    const double target = in.number();
    const Block rates = in.block();

    std::vector<double> needs{-1.0};
    const Error e = funnelTarget(target, rates, rounding, needs);

    // Inputs the contract accepts: a finite target >= 0 and every rate a number > 0.
    bool valid = std::isfinite(target) && target >= 0 && !rates.cells.empty();
    Error firstBad = Error::None;
    for (const Cell& c : rates.cells) {
        if (c.isText()) {
            firstBad = Error::Value;
            break;
        }
        if (!c.isNumber() || !(c.number > 0)) {
            firstBad = Error::InvalidArgument;
            break;
        }
    }
    valid = valid && firstBad == Error::None;

    if (e != Error::None) {
        check(needs.empty(), "needs left behind with an error");
        if (valid)
            check(e == Error::Overflow, "valid input gave an error other than overflow", static_cast<double>(e));
        else if (std::isfinite(target) && target >= 0 && firstBad != Error::None)
            check(e == firstBad, "wrong error class", static_cast<double>(e), static_cast<double>(firstBad));
        return 0;
    }
    check(valid, "a result for invalid input", target);
    check(needs.size() == rates.cells.size(), "one need per rate");
    double previous = target;
    for (std::size_t i = 0; i < needs.size(); ++i) {
        const double n = needs[i];
        const double rate = rates.cells[i].number;
        check(std::isfinite(n), "non-finite need", n);
        check(n >= 0, "negative need", n);
        if (rounding != Rounding::None)
            check(std::floor(n) == n, "rounded need is not whole", n);
        if (rounding == Rounding::None)
            check(n == previous / rate, "need is not previous / rate", n, previous / rate);
        // Dividing by a rate <= 1 never needs fewer customers (up to the noise
        // that rounding up forgives, and not for nearest).
        if (rate <= 1 && rounding == Rounding::None)
            check(n >= previous, "fewer customers needed at an earlier stage", n, previous);
        if (rate <= 1 && rounding == Rounding::Up)
            check(n >= previous * (1 - 1e-13), "rounded up below the previous stage", n, previous);
        // Rounding never moves a whole number, and otherwise only as far as the
        // rounding goes plus what counts as binary noise (1e-14 relative, less
        // than a quarter customer).
        if (rounding != Rounding::None) {
            const double exact = previous / rate;
            const double noise = std::fmin(1.01e-14 * exact, 0.25);
            if (std::floor(exact) == exact)
                check(n == exact, "a whole need was rounded", exact, n);
            if (rounding == Rounding::Up)
                check(n >= exact - noise && n <= std::ceil(exact), "not rounded up", exact, n);
            else
                check(std::fabs(n - exact) <= 0.5 + noise, "not rounded to nearest", exact, n);
        }
        previous = n;
    }
    return 0;
}
