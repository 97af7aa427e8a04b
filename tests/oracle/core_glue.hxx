// The oracles take their own plain types; this turns the core's cell blocks
// and error codes into them (data only: no arithmetic of the core is used).
#pragma once

#include "core/grid.hxx"
#include "core/outcome.hxx"
#include "exact.hxx"

#include <cstdio>
#include <string>

namespace dealerkpi::oracle {

inline Range rangeOf(const dealerkpi::Grid& g)
{
    Range r;
    r.rows = g.rows;
    r.cols = g.cols;
    for (const dealerkpi::Cell& c : g)
        r.cells.push_back(c.isBlank()  ? Cell{Cell::Blank, 0.0}
                          : c.isText() ? Cell{Cell::Text, 0.0}
                                       : Cell{Cell::Number, c.number});
    return r;
}

inline unsigned faultOf(dealerkpi::Error e)
{
    switch (e) {
    case dealerkpi::Error::Value: return kValue;
    case dealerkpi::Error::InvalidArgument: return kInvalid;
    case dealerkpi::Error::DivisionByZero: return kDivZero;
    case dealerkpi::Error::Overflow: return kOverflow;
    case dealerkpi::Error::None: break;
    }
    return 0;
}

inline std::string faultNames(unsigned faults)
{
    std::string s;
    if (faults & kValue) s += "#VALUE! ";
    if (faults & kInvalid) s += "invalid ";
    if (faults & kDivZero) s += "#DIV/0! ";
    if (faults & kOverflow) s += "#NUM! ";
    return s.empty() ? "none" : s;
}

inline std::string show(double v)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.17g", v);
    return text;
}
inline std::string show(const Rational& q) { return show(static_cast<double>(q)); }

// Whether the core's scalar answer is one the spec allows; `why` says what
// was wrong.
inline bool judge(const Scalar& want, const dealerkpi::Number& got, std::string& why)
{
    if (want.unspecified) {
        if (got.ok() && !std::isfinite(got.value)) {
            why = "a NaN or infinite result";
            return false;
        }
        return true;
    }
    if (!got.ok()) {
        if (want.allows(faultOf(got.error)))
            return true;
        why = "error " + faultNames(faultOf(got.error)) + "where the spec says " +
              (want.value ? "a number " + show(*want.value) : faultNames(want.faults));
        return false;
    }
    if (want.accepts(got.value))
        return true;
    why = "result " + show(got.value) + " where the spec says " +
          (want.value ? show(*want.value) : faultNames(want.faults));
    return false;
}

} // namespace dealerkpi::oracle
