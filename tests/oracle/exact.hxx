// Exact arithmetic for the oracles: rationals, the value a double holds, the
// decimal a user typed, and distances in units of the last place.
//
// The oracles are the function contract (spec/functions.md) written a second
// time, plainly, in exact arithmetic. They share no code with addin/core: a
// bug in the core's arithmetic cannot hide in the oracle as well.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace dealerkpi::oracle {

// Without expression templates: every intermediate is a plain number.
using Integer = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<>, boost::multiprecision::et_off>;
using Rational = boost::multiprecision::number<boost::multiprecision::cpp_rational_backend, boost::multiprecision::et_off>;
using boost::multiprecision::abs;

// What a cell holds, as the spec speaks of it.
struct Cell {
    enum Kind : unsigned char { Blank, Number, Text };
    Kind kind = Blank;
    double number = 0.0;
    bool isBlank() const { return kind == Blank; }
    bool isNumber() const { return kind == Number; }
    bool isText() const { return kind == Text; }
};

// A range: cells row by row.
struct Range {
    std::vector<Cell> cells;
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::size_t size() const { return cells.size(); }
    bool sameShape(const Range& o) const { return rows == o.rows && cols == o.cols; }
};

// The error classes of the contract, as a set: where the spec allows more
// than one (text and a negative number in the same call), any of them is
// right.
enum Fault : unsigned { kValue = 1, kInvalid = 2, kDivZero = 4, kOverflow = 8 };

inline Integer pow10(unsigned n) { return boost::multiprecision::pow(Integer(10), n); }
inline Integer pow2(unsigned n) { return Integer(1) << n; }

// The value a double holds, exactly.
inline Rational exact(double x)
{
    if (x == 0.0)
        return 0;
    int e = 0;
    const double m = std::frexp(x, &e);  // x = m * 2^e, 0.5 <= |m| < 1
    const auto mantissa = static_cast<long long>(std::ldexp(m, 53));
    e -= 53;
    Rational r = mantissa;
    if (e > 0)
        r *= pow2(static_cast<unsigned>(e));
    else
        r /= pow2(static_cast<unsigned>(-e));
    return r;
}

// The number a user typed to get x: the shortest decimal that reads back as
// x, which is also what Calc shows with enough decimals. 0.3 is 3/10 here,
// not the double just below it.
inline Rational typed(double x)
{
    // A subnormal number carries too few bits for its shortest decimal to be
    // near it (5e-324 for 4.94e-324): nobody types one, so it is the value
    // it holds.
    if (std::fabs(x) < std::numeric_limits<double>::min())
        return exact(x);
    char text[64];
    const auto end = std::to_chars(text, text + sizeof text, x).ptr;  // shortest round trip
    const std::string s(text, end);
    bool negative = false;
    std::size_t i = 0;
    if (s[i] == '-') {
        negative = true;
        ++i;
    }
    Integer digits = 0;
    int exponent = 0;
    bool fraction = false;
    for (; i < s.size() && s[i] != 'e'; ++i) {
        if (s[i] == '.') {
            fraction = true;
            continue;
        }
        digits = digits * 10 + (s[i] - '0');
        if (fraction)
            --exponent;
    }
    if (i < s.size())
        exponent += std::atoi(s.c_str() + i + 1);
    Rational r = digits;
    if (exponent > 0)
        r *= pow10(static_cast<unsigned>(exponent));
    else if (exponent < 0)
        r /= pow10(static_cast<unsigned>(-exponent));
    return negative ? Rational(-r) : r;
}

inline Integer floorOf(const Rational& q)  // round toward minus infinity
{
    Integer n = boost::multiprecision::numerator(q), d = boost::multiprecision::denominator(q);
    Integer f = n / d;  // truncates toward zero
    if (f * d != n && n < 0)
        f -= 1;
    return f;
}

inline Integer ceilOf(const Rational& q) { return -floorOf(Rational(-q)); }

// Half away from zero: 2.5 -> 3, -2.5 -> -3.
inline Integer roundHalfAwayOf(const Rational& q)
{
    const Rational a = abs(q);
    const Integer r = floorOf(Rational(a + Rational(1, 2)));
    return q < 0 ? Integer(-r) : r;
}

inline bool isWhole(const Rational& q) { return boost::multiprecision::denominator(q) == 1; }

// A double holds every number of magnitude below 2^1024 - 2^970 as a finite
// value (round to nearest); from there on it holds infinity.
inline bool fitsDouble(const Rational& q)
{
    static const Rational limit = Rational(pow2(1024) - pow2(970));
    return abs(q) < limit;
}

// The unit in the last place of the double x (at 0: the smallest denormal).
inline Rational ulpOf(double x)
{
    const double a = std::fabs(x);
    if (a == std::numeric_limits<double>::max())
        return exact(a - std::nextafter(a, 0.0));
    return exact(std::nextafter(a, std::numeric_limits<double>::infinity()) - a);
}

// The unit in the last place of a number of magnitude m as a computation
// holds it: a double's within the range of doubles; past the largest double
// (terms a computation in extended precision holds, as the spec's "does not
// fit a double" applies to results only) the unit of a 64-bit significand.
inline Rational ulpOfMagnitude(const Rational& m)
{
    const double d = static_cast<double>(m);
    if (std::isfinite(d) && d < std::numeric_limits<double>::max())
        return ulpOf(d);
    const Integer whole = numerator(m) / denominator(m);
    return pow2(static_cast<unsigned>(boost::multiprecision::msb(whole) - 63));
}

// How many units in the last place of `got` it lies from the exact `want`.
inline Rational ulpsOff(double got, const Rational& want) { return abs(exact(got) - want) / ulpOf(got); }

// A number within the last bits a double carries of a whole number cannot be
// told from it: 100/0.8 held in doubles comes out a hair off 125, and
// 1.005*100 a hair off 100.5. The spec does not rule inside that band, where a
// rounding may go either way. 2^-46 of the value (64 units in the last place)
// is wider than a few double operations drift. `q` is compared with the whole
// numbers shifted by `offset` (1/2 for the halves where rounding to nearest
// turns).
inline bool nearButNotOn(const Rational& q, const Rational& offset = 0)
{
    const Rational shifted = q - offset;
    if (isWhole(shifted))
        return false;
    const Rational nearest = Rational(roundHalfAwayOf(shifted));
    return abs(shifted - nearest) <= abs(q) / Rational(pow2(46));
}

// The spec's answer for a function with one number as result: the errors it
// allows, or the exact value and how far a double computation may lie from it.
struct Scalar {
    unsigned faults = 0;            // a set of Fault: the error results the spec allows
    std::optional<Rational> value;  // the exact result, when the spec gives one
    Rational ulps = 0;              // allowed distance in units of the last place of the result
    Rational absolute = 0;          // and absolutely (cancellation, the subnormal range)
    bool unspecified = false;       // NaN or infinity in the input: no sheet holds them; only
                                    // "no crash, no NaN or infinite result" applies

    bool accepts(double got) const
    {
        if (!std::isfinite(got) || !value)
            return false;
        return abs(exact(got) - *value) <= ulps * ulpOf(got) + absolute;
    }
    bool allows(unsigned fault) const { return (faults & fault) != 0; }
};

inline const Rational kSubnormalStep = exact(std::numeric_limits<double>::denorm_min());

// A value that does not fit a double is #NUM!; one that fits only just (the
// computed result may round past the largest double) may be either.
inline void overflowWhereItMust(Scalar& s)
{
    if (!s.value)
        return;
    const Rational slack = s.ulps * ulpOf(std::numeric_limits<double>::max()) + s.absolute;
    if (!fitsDouble(abs(*s.value) + slack))
        s.faults |= kOverflow;
    if (!fitsDouble(abs(*s.value) - slack))
        s.value.reset();
}

} // namespace dealerkpi::oracle
