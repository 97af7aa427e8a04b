#include "workshop.hpp"

#include <cmath>

namespace dealerkpi {

Number workshopEfficiency(const Grid& sold, const Grid& worked, const Grid& available, Measure measure) noexcept
{
    const Grid* numerator = &sold;
    const Grid* denominator = &available;
    if (measure == Measure::Productivity)
        numerator = &worked;
    else if (measure == Measure::Efficiency)
        denominator = &worked;

    if (!numerator->sameShape(*denominator) || numerator->empty())
        return Error::InvalidArgument;

    double top = 0.0;
    double bottom = 0.0;
    for (std::size_t i = 0, n = numerator->size(); i < n; ++i) {
        const Cell& a = (*numerator)[i];
        const Cell& b = (*denominator)[i];
        if (a.isText() || b.isText())
            return Error::Value;
        if (a.isBlank() || b.isBlank())
            continue;
        if (a.number < 0.0 || b.number < 0.0)
            return Error::InvalidArgument;
        top += a.number;
        bottom += b.number;
    }
    if (bottom == 0.0)
        return Error::DivisionByZero;
    const double ratio = top / bottom;
    if (!std::isfinite(ratio))
        return Error::Overflow;
    return ratio;
}

} // namespace dealerkpi
