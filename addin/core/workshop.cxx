#include "workshop.hxx"

#include "numeric.hxx"

#include <cmath>

namespace dealerkpi {

// Every hours argument is checked whatever the measure: text, a negative
// number or another shape in an argument the measure does not divide is as
// wrong as in one it does.
Number workshopEfficiency(const Grid& sold, const Grid& worked, const Grid& available, Measure measure) noexcept
{
    if (!sold.sameShape(worked) || !sold.sameShape(available) || sold.empty())
        return Error::InvalidArgument;

    const Grid& numerator = measure == Measure::Productivity ? worked : sold;
    const Grid& denominator = measure == Measure::Efficiency ? worked : available;
    numeric::Extended top = 0.0;
    numeric::Extended bottom = 0.0;
    // One pass: each row is checked whole (text first, then a negative
    // number), then its two operands are added if both are numbers.
    for (std::size_t i = 0, n = sold.size(); i < n; ++i) {
        const Cell& s = sold[i];
        const Cell& w = worked[i];
        const Cell& v = available[i];
        if (s.isText() || w.isText() || v.isText())
            return Error::Value;
        if (s.number < 0.0 || w.number < 0.0 || v.number < 0.0)  // blank and text hold 0
            return Error::InvalidArgument;
        const Cell& a = numerator[i];
        const Cell& b = denominator[i];
        if (a.isBlank() || b.isBlank())
            continue;
        top += a.number;
        bottom += b.number;
    }
    if (bottom == 0.0)
        return Error::DivisionByZero;
    const double ratio = numeric::pooledRatio(top, bottom);
    if (!std::isfinite(ratio))
        return Error::Overflow;
    return ratio;
}

} // namespace dealerkpi
