// WORKSHOP_EFFICIENCY: any three blocks of hours, each measure.
#include "fuzz_input.hpp"

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    const std::uint8_t header = in.byte();
    const Measure measure = static_cast<Measure>(1 + (header & 3u) % 3);
    const Block sold = in.block();
    const Block worked = header & 4 ? in.block() : in.shaped(sold.rows, sold.cols);
    const Block available = header & 8 ? in.block() : in.shaped(sold.rows, sold.cols);

    const Number r = workshopEfficiency(sold, worked, available, measure);

    const Block& top = measure == Measure::Productivity ? worked : sold;
    const Block& bottom = measure == Measure::Efficiency ? worked : available;
    Error want = Error::None;
    double sumTop = 0, sumBottom = 0;
    if (!top.grid().sameShape(bottom) || top.cells.empty())
        want = Error::InvalidArgument;
    for (std::size_t i = 0; want == Error::None && i < top.cells.size(); ++i) {
        const Cell& a = top.cells[i];
        const Cell& b = bottom.cells[i];
        if (a.isText() || b.isText())
            want = Error::Value;
        else if (a.isBlank() || b.isBlank())
            continue;
        else if (a.number < 0 || b.number < 0)
            want = Error::InvalidArgument;
        else {
            sumTop += a.number;
            sumBottom += b.number;
        }
    }

    if (!r.ok()) {
        if (want == Error::Value || want == Error::InvalidArgument)
            check(r.error == want, "wrong error class", static_cast<double>(r.error), static_cast<double>(want));
        else
            check(r.error == Error::DivisionByZero || r.error == Error::Overflow, "unexpected error",
                  static_cast<double>(r.error));
        return 0;
    }
    check(want == Error::None, "a result where the contract wants an error", static_cast<double>(want));
    check(std::isfinite(r.value), "non-finite ratio", r.value);
    check(r.value >= 0, "negative ratio", r.value);
    check(r.value == sumTop / sumBottom, "not the pooled ratio", r.value, sumTop / sumBottom);
    return 0;
}
