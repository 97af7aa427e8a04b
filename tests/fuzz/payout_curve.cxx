// PAYOUT_CURVE: any attainment, point table and beyond, checked against the
// exact-arithmetic oracle of the contract (tests/oracle/payout_curve.hxx).
#include "fuzz_input.hxx"
#include "core/numeric.hxx"
#include "oracle/agree.hxx"
#include "oracle/payout_curve.hxx"

#include <algorithm>
#include <limits>

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

namespace {

std::vector<oracle::Entry> entries(const Block& b)
{
    std::vector<oracle::Entry> out;
    for (const Cell& c : b.cells)
        out.push_back(c.isBlank() ? oracle::Entry{}
                      : c.isText() ? oracle::Entry{oracle::Entry::Text, 0}
                                   : oracle::Entry{oracle::Entry::Number, c.number});
    return out;
}

std::uint8_t faultOf(Error e)
{
    switch (e) {
    case Error::None: return 0;
    case Error::Value: return oracle::kValue;
    case Error::InvalidArgument: return oracle::kInvalid;
    case Error::DivisionByZero: return oracle::kDivZero;
    case Error::Overflow: return oracle::kOverflow;
    }
    return 0xFF;
}

// Sorts the numbers of a block in place (text and blanks stay where they
// are), so that most inputs are curves and reach the arithmetic.
void sortNumbers(Block& b)
{
    std::vector<double> numbers;
    for (const Cell& c : b.cells)
        if (c.isNumber()) {
            if (std::isnan(c.number))
                return;
            numbers.push_back(c.number);
        }
    std::sort(numbers.begin(), numbers.end());
    std::size_t k = 0;
    for (Cell& c : b.cells)
        if (c.isNumber())
            c = Cell::of(numbers[k++]);
}

// The core interpolates in extended precision (64-bit significand, u = 2^-64): t
// has three roundings and the line at most five more, on terms no larger
// than the oracle's scale S = max(|y0|, |y1|, |t (y1 - y0)|), so it is within
// 16 u S of the exact payout; rounding to double adds half an ulp of the
// result. Allowed: 1 ulp of the exact result + 1/64 ulp of S (2^-60 S is
// under ulp(S) / 128).
static_assert(std::numeric_limits<numeric::Extended>::digits >= 64, "the tolerance assumes a 64-bit significand");
constexpr oracle::Tolerance kTolerance{1.0, 1.0 / 64};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    // header: bit 0 hold, bit 1 payouts their own block (else the points'
    // shape), bit 2 points sorted, bit 3 attainment at or next to a point.
    const std::uint8_t header = in.byte();
    const Beyond beyond = header & 1 ? Beyond::Hold : Beyond::Extend;
    double attainment = in.number();
    Block points = in.block();
    const Block payouts = header & 2 ? in.block() : in.shaped(points.rows, points.cols);
    if (header & 4)
        sortNumbers(points);
    if ((header & 8) && !points.cells.empty()) {
        const std::uint8_t pick = in.byte();
        const Cell& p = points.cells[pick % points.cells.size()];
        if (p.isNumber()) {
            const int side = (pick >> 4) % 3;
            attainment = side == 0 ? p.number : std::nextafter(p.number, side == 1 ? -INFINITY : INFINITY);
        }
    }

    const Number got = payoutCurve(attainment, points, payouts, beyond);
    if (got.ok()) {
        check(std::isfinite(got.value), "non-finite payout", got.value);
        check(!(got.value == 0 && std::signbit(got.value)), "a payout of -0");
    }
    const oracle::Expected want =
        oracle::payoutCurve(attainment, entries(points), entries(payouts), beyond == Beyond::Hold);
    const std::string why = oracle::disagreement(want, faultOf(got.error), got.value, kTolerance);
    if (!why.empty()) {
        std::fprintf(stderr, "PAYOUT_CURVE disagrees with the oracle: %s\n", why.c_str());
        fail("payout curve", attainment, got.value);
    }
    return 0;
}
