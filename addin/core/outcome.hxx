// Domain errors of the arithmetic. The core never throws for bad input: each
// entry point returns a value or one of these; only the UNO adapter turns them
// into spreadsheet error values.
#pragma once

namespace dealerkpi {

enum class Error : unsigned char {
    None,
    Value,            // text where a number is required
    InvalidArgument,  // negative count, unsorted tiers, unknown keyword, shape mismatch, ...
    DivisionByZero,   // a denominator that sums to zero
    Overflow,         // the result (or an intermediate) is not a finite number
};

struct Number {
    double value = 0.0;
    Error error = Error::None;

    constexpr Number() noexcept = default;
    constexpr Number(double v) noexcept : value(v) {}  // NOLINT: a value is a success
    constexpr Number(Error e) noexcept : error(e) {}   // NOLINT: an error is a failure
    constexpr bool ok() const noexcept { return error == Error::None; }
};

} // namespace dealerkpi
