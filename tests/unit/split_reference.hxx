// The straightforward TARGET_SPLIT (the first implementation, kept as it was):
// whole shares, then a partial sort of all remainders. The core's optimised
// split must give exactly these parts for every input; see
// split_equivalence_test.cxx.
#pragma once

#include "core/grid.hxx"
#include "core/numeric.hxx"
#include "core/outcome.hxx"

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

namespace dealerkpi::reference {

namespace detail {

constexpr double kMaxExact = 9007199254740992.0;  // 2^53: beyond it units are not exact
constexpr double kPow10[] = {1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6};

using Units = std::int64_t;

// Splits `total` units in proportion to `weights` (all >= 0, not all 0).
// Remainder is an exact type (unsigned __int128 numerators over the common
// denominator) when every weight is a whole number, extended precision otherwise.
template <class Remainder, class Share>
void apportion(Units total, const std::vector<double>& weights, Share share, std::vector<Units>& units)
{
    const std::size_t n = weights.size();
    std::vector<Remainder> remainder(n);
    Units given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        auto [whole, rest] = share(weights[i]);
        units[i] = whole;
        remainder[i] = rest;
        given += whole;
    }

    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    auto before = [&](std::uint32_t a, std::uint32_t b) {
        if (remainder[a] != remainder[b])
            return remainder[a] > remainder[b];
        if (weights[a] != weights[b])
            return weights[a] > weights[b];
        return a < b;
    };

    Units left = total - given;
    if (left > 0) {
        // Exact shares leave fewer than n units; inexact ones may leave a few more.
        const auto take = static_cast<std::size_t>(std::min<Units>(left, static_cast<Units>(n)));
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(take), order.end(), before);
        for (std::size_t k = 0; left > 0; k = (k + 1) % take, --left)
            ++units[order[k]];
    } else if (left < 0) {
        // Rounding in the inexact path over-gave: take back from the smallest remainders.
        std::sort(order.begin(), order.end(), before);
        for (std::size_t k = n; left < 0; k = (k == 0 ? n : k) - 1) {
            if (k < n && units[order[k]] > 0) {
                --units[order[k]];
                ++left;
            }
        }
    }
}

} // namespace detail
using namespace detail;

inline Error targetSplit(double total, const Grid& weights, double decimals, std::vector<double>& parts)
{
    parts.clear();
    if (!numeric::isWhole(decimals) || decimals < -6.0 || decimals > 6.0 || weights.empty())
        return Error::InvalidArgument;
    if (!std::isfinite(total))
        return Error::Overflow;

    const std::size_t n = weights.size();
    if (n > UINT32_MAX)
        return Error::InvalidArgument;

    std::vector<double> w(n);
    bool wholeWeights = true;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& c = weights[i];
        if (c.isText())
            return Error::Value;
        const double v = c.isNumber() ? c.number : 0.0;
        if (v < 0.0)
            return Error::InvalidArgument;
        if (!std::isfinite(v))
            return Error::Overflow;
        w[i] = v;
        wholeWeights = wholeWeights && v <= kMaxExact && std::floor(v) == v;
        sum += v;
    }
    if (sum == 0.0) {  // no history: split equally (a sum past the largest double is not 0)
        std::fill(w.begin(), w.end(), 1.0);
        wholeWeights = true;
    }
    // Decimals of at most 6 places (0.05, cents): scaled by the power of ten
    // that makes them all whole, at most 2^50 each, they split as the decimals.
    for (int k = 0; !wholeWeights && k <= 6; ++k) {
        bool decimal = true;
        for (double v : w) {
            const double r = std::round(v * kPow10[k]);
            decimal = decimal && r <= 1125899906842624.0 && r / kPow10[k] == v;
        }
        if (decimal) {
            for (double& v : w)
                v = std::round(v * kPow10[k]);
            wholeWeights = true;
        }
    }
    // Binary fractions spanning at most 62 places: scaled by a power of two
    // they are whole and split exactly (equal remainders tie).
    if (!wholeWeights) {
        int lowest = 100000, highest = -100000;
        for (double v : w) {
            if (v == 0.0)
                continue;
            int e = 0;
            const auto mantissa = static_cast<std::uint64_t>(std::ldexp(std::frexp(v, &e), 53));
            lowest = std::min(lowest, e - 53 + __builtin_ctzll(mantissa));
            highest = std::max(highest, e);
        }
        if (highest - lowest <= 62) {
            for (double& v : w)
                v = std::ldexp(v, -lowest);
            wholeWeights = true;
        }
    }

    const int d = static_cast<int>(decimals);
    const double scaled = d >= 0 ? std::fabs(total) * kPow10[d] : std::fabs(total) / kPow10[-d];
    const double rounded = numeric::roundHalfAway(scaled);
    if (!(rounded <= kMaxExact))
        return Error::Overflow;
    const auto total_units = static_cast<Units>(rounded);

    std::vector<Units> units(n);
    if (wholeWeights) {
        using U128 = boost::multiprecision::uint128_t;
        U128 denominator = 0;
        for (double v : w)
            denominator += static_cast<U128>(v);
        apportion<U128>(total_units, w,
            [&](double v) {
                const U128 numerator = static_cast<U128>(total_units) * static_cast<U128>(v);
                return std::pair<Units, U128>(static_cast<Units>(static_cast<std::uint64_t>(numerator / denominator)),
                                              numerator % denominator);
            },
            units);
    } else {
        using numeric::Extended;
        Extended denominator = 0.0;
        for (double v : w)
            denominator += v;
        apportion<Extended>(total_units, w,
            [&](double v) {
                const Extended exact = Extended(total_units) * v / denominator;
                const Extended whole = floor(exact);
                return std::pair<Units, Extended>(static_cast<Units>(numeric::toDouble(whole)), exact - whole);
            },
            units);
    }

    const bool negative = total < 0.0;
    parts.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto u = static_cast<double>(units[i]);
        double v = d >= 0 ? u / kPow10[d] : u * kPow10[-d];
        parts[i] = (negative && v != 0.0) ? -v : v;
    }
    return Error::None;
}

} // namespace dealerkpi::reference
