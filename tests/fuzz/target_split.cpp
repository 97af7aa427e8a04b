// TARGET_SPLIT: any total, any block of weights, any decimals, any part.
#include "fuzz_input.hpp"

#include "core/numeric.hpp"

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

namespace {

using I128 = __int128;
constexpr double kPow10[] = {1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6};
constexpr double kMaxExact = 9007199254740992.0;  // 2^53
constexpr double kExactRecovery = 1125899906842624.0;  // 2^50: units recovered from a part exactly below it

double unitsOf(double part, int d) { return d >= 0 ? part * kPow10[d] : part / kPow10[-d]; }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    const std::uint8_t dByte = in.byte();
    const double decimals = dByte & 0x80 ? in.number() : static_cast<double>(dByte % 16) - 8.0;  // -8..7
    const double total = in.number();
    const Block weights = in.block();
    const std::uint8_t pByte = in.byte();
    const double part = pByte % 8 == 7 ? in.number() : static_cast<double>(pByte % 8);

    std::vector<double> parts{-1.0};
    const Error e = targetSplit(total, weights, decimals, parts);

    // The contract, step by step.
    const std::size_t n = weights.cells.size();
    const bool decimalsOk = numeric::isWhole(decimals) && decimals >= -6 && decimals <= 6;
    Error want = Error::None;
    bool mayOverflow = false;  // a sum of weights past the double range
    if (!decimalsOk || n == 0) {
        want = Error::InvalidArgument;
    } else if (!std::isfinite(total)) {
        want = Error::Overflow;
    } else {
        double sum = 0;
        for (const Cell& c : weights.cells) {
            if (c.isText()) {
                want = Error::Value;
                break;
            }
            const double v = c.isNumber() ? c.number : 0.0;
            if (v < 0) {
                want = Error::InvalidArgument;
                break;
            }
            if (!std::isfinite(v)) {
                want = Error::Overflow;
                break;
            }
            sum += v;
        }
        if (want == Error::None && !std::isfinite(sum))
            mayOverflow = true;
    }

    int d = 0;
    double roundedUnits = 0;
    if (want == Error::None) {
        d = static_cast<int>(decimals);
        const double scaled = d >= 0 ? std::fabs(total) * kPow10[d] : std::fabs(total) / kPow10[-d];
        roundedUnits = numeric::roundHalfAway(scaled);
        // Whatever the rounding forgives as binary noise, it never moves a
        // whole number, nor anything by more than half a unit plus a quarter.
        if (std::isfinite(scaled)) {
            check(std::floor(roundedUnits) == roundedUnits, "rounded total is not whole", roundedUnits);
            if (std::floor(scaled) == scaled)
                check(roundedUnits == scaled, "a whole total was rounded", scaled, roundedUnits);
            check(std::fabs(roundedUnits - scaled) < 0.75, "total rounded by more than a half", scaled, roundedUnits);
        }
        if (!(roundedUnits <= kMaxExact))
            want = Error::Overflow;
    }

    if (e != Error::None) {
        check(parts.empty(), "parts left behind with an error");
        if (want == Error::None)
            check(mayOverflow && e == Error::Overflow, "valid input gave an error", static_cast<double>(e));
        else if (std::isfinite(total) || want == Error::InvalidArgument)
            check(e == want, "wrong error class", static_cast<double>(e), static_cast<double>(want));
        check(pickPart(parts, 1).error == Error::InvalidArgument, "a part of nothing");
        return 0;
    }
    check(want == Error::None, "a result where the contract wants an error", static_cast<double>(want));
    check(parts.size() == n, "one part per weight");

    // Weights as the split sees them.
    std::vector<long double> w(n);
    long double sum = 0;
    bool whole = true;
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& c = weights.cells[i];
        const double v = c.isNumber() ? c.number : 0.0;
        w[i] = v;
        sum += v;
        whole = whole && v <= kMaxExact && std::floor(v) == v;
    }
    if (sum == 0) {
        std::fill(w.begin(), w.end(), 1.0L);
        sum = static_cast<long double>(n);
    }

    const bool negative = total < 0;
    const bool exactRecovery = roundedUnits < kExactRecovery;
    std::vector<I128> units(n);
    I128 given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double p = parts[i];
        check(std::isfinite(p), "non-finite part", p);
        check(p == 0 || (p < 0) == negative, "part with the wrong sign", p, total);
        check(!std::signbit(p) || p != 0, "negative zero part");
        const double u = std::fabs(unitsOf(p, d));
        const double r = std::nearbyint(u);
        // u = part * 10^d carries the rounding of part / 10^d and of the product:
        // within 2 u eps of a whole number, which is below half a unit under 2^50.
        check(std::fabs(u - r) <= (exactRecovery ? 2 * u * std::numeric_limits<double>::epsilon() : 2.5),
              "part is not a whole number of units", p, u);
        units[i] = static_cast<I128>(r);
        given += units[i];
        const long double share = static_cast<long double>(roundedUnits) * (w[i] / sum);
        check(std::fabs(static_cast<long double>(r) - share) < 1.0L + 1e-9L * share + (exactRecovery ? 0 : 2),
              "part is not within one unit of its share", r, static_cast<double>(share));
    }
    if (exactRecovery)
        check(given == static_cast<I128>(roundedUnits), "parts do not sum to the rounded total",
              static_cast<double>(given), roundedUnits);
    else
        check(std::fabs(static_cast<double>(given) - roundedUnits) <= 2.5 * static_cast<double>(n),
              "parts do not sum to the rounded total", static_cast<double>(given), roundedUnits);

    // Whole weights: exactly the largest remainders (ties: larger weight, then
    // earlier) got the extra unit. Checked in exact integer arithmetic.
    if (whole && exactRecovery) {
        I128 s = 0;
        for (long double x : w)
            s += static_cast<I128>(x);
        const I128 t = static_cast<I128>(roundedUnits);
        std::vector<I128> rem(n);
        std::vector<bool> extra(n);
        for (std::size_t i = 0; i < n; ++i) {
            const I128 wi = static_cast<I128>(w[i]);
            const I128 floorShare = t * wi / s;
            rem[i] = t * wi % s;
            check(units[i] == floorShare || units[i] == floorShare + 1, "not the share rounded down or up",
                  static_cast<double>(units[i]), static_cast<double>(floorShare));
            extra[i] = units[i] != floorShare;
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (!extra[i])
                continue;
            for (std::size_t j = 0; j < n; ++j) {
                if (extra[j])
                    continue;
                const bool before = rem[i] > rem[j] || (rem[i] == rem[j] && (w[i] > w[j] || (w[i] == w[j] && i < j)));
                check(before, "extra unit not given by largest remainder", static_cast<double>(i), static_cast<double>(j));
            }
        }
    }

    // One part.
    const Number picked = pickPart(parts, part);
    if (numeric::isWhole(part) && part >= 1 && part <= static_cast<double>(n))
        check(picked.ok() && picked.value == parts[static_cast<std::size_t>(part) - 1], "wrong part picked", part);
    else
        check(picked.error == Error::InvalidArgument, "part out of range accepted", part);
    return 0;
}
