// FUNNEL_RATE: any converted/entered blocks, either method.
#include "fuzz_input.hpp"

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    const std::uint8_t header = in.byte();
    const RateMethod method = header & 1 ? RateMethod::Mean : RateMethod::Pooled;
    const Block converted = in.block();
    // Usually the same shape (the interesting case), sometimes any shape.
    const Block entered = header & 2 ? in.block() : in.shaped(converted.rows, converted.cols);

    const Number r = funnelRate(converted, entered, method);

    // What the contract says, pair by pair in reading order.
    Error want = Error::None;
    double sumC = 0, sumE = 0, sumRates = 0;
    std::size_t periods = 0;
    if (!converted.grid().sameShape(entered) || converted.grid().empty())
        want = Error::InvalidArgument;
    for (std::size_t i = 0; want == Error::None && i < converted.cells.size(); ++i) {
        const Cell& c = converted.cells[i];
        const Cell& e = entered.cells[i];
        if (c.isText() || e.isText()) {
            want = Error::Value;  // a typo, even opposite a blank
            continue;
        }
        if (c.isBlank() || e.isBlank())
            continue;
        if (c.number < 0 || e.number < 0)
            want = Error::InvalidArgument;
        else {
            sumC += c.number;
            sumE += e.number;
            if (e.number > 0) {
                sumRates += c.number / e.number;
                ++periods;
            }
        }
    }

    if (!r.ok()) {
        check(r.error != Error::None, "an error without a code");
        if (want == Error::Value || want == Error::InvalidArgument)
            check(r.error == want, "wrong error class", static_cast<double>(r.error), static_cast<double>(want));
        else
            check(r.error == Error::DivisionByZero || r.error == Error::Overflow, "unexpected error",
                  static_cast<double>(r.error));
        return 0;
    }
    check(want == Error::None, "a result where the contract wants an error", static_cast<double>(want));
    check(std::isfinite(r.value), "non-finite rate", r.value);
    check(r.value >= 0, "negative rate", r.value);
    const double expected = method == RateMethod::Pooled ? sumC / sumE : sumRates / static_cast<double>(periods);
    check(r.value == expected, "rate is not the pooled/mean rate", r.value, expected);
    return 0;
}
