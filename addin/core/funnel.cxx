#include "funnel.hxx"

#include "numeric.hxx"

#include <boost/multiprecision/cpp_int.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>

namespace dealerkpi {

namespace {

// One pass over the pairs. Every cell is checked, also opposite a blank: a
// typo or a negative count is reported wherever it stands. The per-period
// rates (a division each) are only summed when the mean is asked for. Sums
// run in extended precision, whose range no sum of doubles leaves, so a rate
// is #NUM! only when the rate itself does not fit a double.
template <bool kMean>
Number rateOf(const Grid& converted, const Grid& entered) noexcept
{
    using numeric::Extended;
    Extended sumConverted = 0.0;
    Extended sumEntered = 0.0;
    Extended sumRates = 0.0;
    std::size_t periods = 0;

    for (std::size_t i = 0, n = converted.size(); i < n; ++i) {
        const Cell& c = converted[i];
        const Cell& e = entered[i];
        if (c.isText() || e.isText())
            return Error::Value;  // a typo, even opposite a blank
        if ((c.isNumber() && c.number < 0.0) || (e.isNumber() && e.number < 0.0))
            return Error::InvalidArgument;
        if (c.isBlank() || e.isBlank())
            continue;             // a period without data
        sumConverted += c.number;
        sumEntered += e.number;
        if (kMean && e.number > 0.0) {
            sumRates += Extended(c.number) / e.number;
            ++periods;
        }
    }

    double result;
    if (kMean) {
        if (periods == 0)
            return Error::DivisionByZero;
        result = numeric::toDouble(sumRates / Extended(periods));
    } else {
        if (sumEntered == 0.0)
            return Error::DivisionByZero;
        result = numeric::pooledRatio(sumConverted, sumEntered);
    }
    if (!std::isfinite(result))
        return Error::Overflow;
    return result;
}

using boost::multiprecision::uint256_t;

// A number as the decimal digits * 10^exponent.
struct Decimal {
    uint256_t digits = 0;
    int exponent = 0;
};

// The decimal a user typed to get x (finite, > 0, not subnormal): the shortest
// form that reads back as x, which is also what Calc shows: up to 17
// significant digits, or a whole number's digits in full where they are
// shorter than its scientific form (2^66 is 73786976294838206464: 20 digits,
// more than 64 bits hold).
Decimal typedDecimal(double x) noexcept
{
    char text[32];
    const char* const end = std::to_chars(text, text + sizeof text, x).ptr;
    Decimal d;
    bool fraction = false;
    const char* p = text;
    for (; p != end && *p != 'e'; ++p) {
        if (*p == '.') {
            fraction = true;
            continue;
        }
        d.digits = d.digits * 10 + static_cast<unsigned>(*p - '0');
        d.exponent -= fraction ? 1 : 0;
    }
    if (p != end)
        d.exponent += std::atoi(p + 1);  // "e+16", "e-05"
    return d;
}

// From 2^45 up a quotient of doubles no longer tells a whole number (or a
// half) from its neighbours: the rate as a double is up to 2^-53 off the
// decimal typed, a quarter unit of the need at 2^51 and more than the half
// that decides a rounding at 2^52, where no double holds a half at all.
constexpr double kExactFrom = 35184372088832.0;  // 2^45
constexpr double kExactBelow = 18014398509481984.0;  // 2^54

// before / rate rounded up or to nearest (half up) exactly, from the decimals
// typed, where the double quotient q lies from 2^45 to 2^54: `before` is the
// target as typed (first stage) or the whole need of the stage before.
// Nothing elsewhere, or where an input is subnormal or a need before passes
// 2^64 (no such need is typed).
std::optional<double> roundedExactly(double before, bool typed, double rate, double q, Rounding rounding) noexcept
{
    constexpr double kMin = std::numeric_limits<double>::min();
    if (!(q >= kExactFrom && q < kExactBelow) || before < kMin || rate < kMin || !(typed || before < 0x1p64))
        return std::nullopt;
    const Decimal b = typed ? typedDecimal(before) : Decimal{static_cast<std::uint64_t>(before), 0};
    const Decimal r = typedDecimal(rate);
    // q = b.digits / r.digits * 10^shift, both digits below 10^24 (24 characters
    // at most): with q in range the shift is a few dozen at most.
    const int shift = b.exponent - r.exponent;
    if (std::abs(shift) > 40)
        return std::nullopt;
    uint256_t numerator = b.digits;
    uint256_t denominator = r.digits;
    (shift >= 0 ? numerator : denominator) *= boost::multiprecision::pow(uint256_t(10), static_cast<unsigned>(std::abs(shift)));
    const uint256_t whole = rounding == Rounding::Up ? (numerator + denominator - 1) / denominator
                                                     : (2 * numerator + denominator) / (2 * denominator);
    return static_cast<double>(static_cast<std::uint64_t>(whole));  // below 2^55
}

// The customers needed before a step with this rate, given `before` after it
// (`typed`: the target, as typed).
double nextNeed(double before, bool typed, double rate, Rounding rounding) noexcept
{
    const double need = before / rate;
    if (rounding == Rounding::None)
        return need;
    if (const std::optional<double> exact = roundedExactly(before, typed, rate, need, rounding))
        return *exact;
    if (rounding == Rounding::Up)  // a positive need below the smallest double is still one customer
        return need == 0.0 && before > 0.0 ? 1.0 : numeric::ceilSnapped(need);
    return numeric::roundHalfAway(need);
}

} // namespace

Number funnelRate(const Grid& converted, const Grid& entered, RateMethod method) noexcept
{
    if (!converted.sameShape(entered) || converted.empty())
        return Error::InvalidArgument;
    return method == RateMethod::Mean ? rateOf<true>(converted, entered) : rateOf<false>(converted, entered);
}

Error funnelTarget(double target, const Grid& rates, Rounding rounding, std::vector<double>& needs)
{
    needs.clear();
    if (!std::isfinite(target))
        return Error::Overflow;
    if (target < 0.0 || rates.empty())
        return Error::InvalidArgument;
    for (const Cell& r : rates) {
        if (r.isText())
            return Error::Value;
        if (!r.isNumber() || !(r.number > 0.0))
            return Error::InvalidArgument;
    }

    needs.reserve(rates.size());
    double need = target;
    bool first = true;  // the first stage divides the target as typed
    for (const Cell& r : rates) {
        need = nextNeed(need, first, r.number, rounding);
        if (!std::isfinite(need)) {
            needs.clear();
            return Error::Overflow;
        }
        needs.push_back(need);
        first = false;
    }
    return Error::None;
}

} // namespace dealerkpi
