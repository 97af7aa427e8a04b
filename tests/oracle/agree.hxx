// Whether a function's outcome is one the oracle allows, with a tolerance in
// units of the last place (ulp) that each caller states and justifies.
#pragma once

#include "outcome.hxx"

#include <cfloat>
#include <cmath>
#include <sstream>
#include <string>

namespace dealerkpi::oracle {

// The gap between |x| and the next double up (the last one below infinity
// for the largest).
inline double ulp(double x)
{
    x = std::fabs(x);
    if (!(x < DBL_MAX))
        return DBL_MAX - std::nextafter(DBL_MAX, 0.0);
    return std::nextafter(x, INFINITY) - x;
}

inline double toDouble(const Rational& r)
{
    const double d = r.convert_to<double>();
    return std::isfinite(d) ? d : (r < 0 ? -DBL_MAX : DBL_MAX);
}

struct Tolerance {
    double ofResult = 0;  // ulps of the exact result
    double ofScale = 0;   // ulps of the oracle's scale
};

// The allowed distance from the exact value.
inline Rational allowance(const Expected& e, Tolerance tol)
{
    return Rational(tol.ofResult) * Rational(ulp(toDouble(e.value))) +
           Rational(tol.ofScale) * Rational(ulp(toDouble(e.scale)));
}

// fault: 0 for a value, else the Fault of the error the function gave.
// Returns "" when they agree, else what differs.
inline std::string disagreement(const Expected& e, std::uint8_t fault, double value, Tolerance tol)
{
    std::ostringstream why;
    why.precision(17);
    const Rational allowed = allowance(e, tol);
    const Rational limit(DBL_MAX);
    if (fault != 0) {
        if (e.allows(fault))
            return {};
        // An overflow for an exact result within the tolerance of the largest double.
        if (fault == kOverflow && !e.isError() && magnitude(e.value) + allowed > limit)
            return {};
        why << "error " << int(fault) << " where the oracle allows errors " << int(e.faults);
        if (!e.isError())
            why << " (none: the value is " << toDouble(e.value) << ")";
        return why.str();
    }
    if (!std::isfinite(value))
        return "a non-finite result";
    if (e.isError()) {
        if (e.faults == kOverflow && magnitude(e.value) != 0 && magnitude(e.value) - allowed <= limit)
            return {};
        why << "value " << value << " where the oracle wants errors " << int(e.faults);
        return why.str();
    }
    if (value == 0 && e.zeroToo)
        return {};
    const Rational gap = magnitude(Rational(value) - e.value);
    if (gap <= allowed)
        return {};
    why << "value " << value << " exact " << toDouble(e.value) << " off by " << toDouble(gap) << " > allowed "
        << toDouble(allowed);
    return why.str();
}

} // namespace dealerkpi::oracle
