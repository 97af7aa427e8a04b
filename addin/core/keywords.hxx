// Keyword arguments (method, rounding, mode, measure, beyond, direction).
// Each accepts a number, an English word or the Chinese term (Simplified or
// Traditional), case-insensitively, trimmed of ASCII and full-width (U+3000)
// spaces; omitted or empty means the default.
#pragma once

#include "outcome.hxx"

#include <string_view>

namespace dealerkpi {

// A keyword argument as it came in: omitted, a number, or UTF-8 text.
struct Keyword {
    enum class Kind : unsigned char { Omitted, Number, Text };
    Kind kind = Kind::Omitted;
    double number = 0.0;
    std::string_view text;

    static constexpr Keyword omitted() noexcept { return {}; }
    static constexpr Keyword of(double v) noexcept { return {Kind::Number, v, {}}; }
    static constexpr Keyword of(std::string_view t) noexcept { return {Kind::Text, 0.0, t}; }
};

enum class RateMethod { Pooled = 0, Mean = 1 };
enum class Rounding { None = 0, Up = 1, Nearest = 2 };
enum class BonusMode { Marginal = 0, Whole = 1, Fixed = 2 };
enum class Measure { Productivity = 1, Efficiency = 2, Overall = 3 };
enum class Beyond { Extend = 0, Hold = 1 };
enum class Direction { Higher = 0, Lower = 1 };

template <class E> struct Parsed {
    E value{};
    Error error = Error::None;
    constexpr bool ok() const noexcept { return error == Error::None; }
};

Parsed<RateMethod> parseRateMethod(const Keyword& k);
Parsed<Rounding> parseRounding(const Keyword& k);
Parsed<BonusMode> parseBonusMode(const Keyword& k);
Parsed<Measure> parseMeasure(const Keyword& k);
Parsed<Beyond> parseBeyond(const Keyword& k);
Parsed<Direction> parseDirection(const Keyword& k);

} // namespace dealerkpi
