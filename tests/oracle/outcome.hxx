// What a function's contract allows as the outcome of one call: a set of
// error kinds (any one of them is right when several inputs are wrong at
// once: the contract does not rank them), or an exact value.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>

namespace dealerkpi::oracle {

using Rational = boost::multiprecision::cpp_rational;

// Error kinds as Calc shows them.
enum Fault : std::uint8_t {
    kValue = 1,     // #VALUE!: text where a number is required
    kInvalid = 2,   // Err:502: invalid argument
    kDivZero = 4,   // #DIV/0!
    kOverflow = 8,  // Err:503: not a finite number (a non-finite input, or a result beyond a double)
};

struct Expected {
    std::uint8_t faults = 0;  // the errors allowed; none: a value is expected
    Rational value;           // the exact result, when no error is expected
    // The magnitude of the terms the result is made of (>= |value|): where
    // terms cancel, a rounding error is relative to this, not to the result.
    Rational scale;
    // Two answers are right (a gate met or missed within binary noise of it):
    // then `value` is the score, and 0 is right too.
    bool zeroToo = false;

    bool isError() const { return faults != 0; }
    bool allows(std::uint8_t fault) const { return (faults & fault) != 0; }
};

inline Rational magnitude(const Rational& r) { return r < 0 ? Rational(-r) : r; }

// An input cell as the contract describes it.
struct Entry {
    enum Kind : std::uint8_t { Blank, Number, Text } kind = Blank;
    double number = 0.0;
};

} // namespace dealerkpi::oracle
