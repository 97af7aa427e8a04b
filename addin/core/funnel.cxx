#include "funnel.hxx"

#include "numeric.hxx"

#include <cmath>

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
    for (const Cell& r : rates) {
        const double before = need;
        need /= r.number;
        if (rounding == Rounding::Up)  // a positive need below the smallest double is still one customer
            need = need == 0.0 && before > 0.0 ? 1.0 : numeric::ceilSnapped(need);
        else if (rounding == Rounding::Nearest)
            need = numeric::roundHalfAway(need);
        if (!std::isfinite(need)) {
            needs.clear();
            return Error::Overflow;
        }
        needs.push_back(need);
    }
    return Error::None;
}

} // namespace dealerkpi
