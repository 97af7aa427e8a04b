// The optimised TARGET_SPLIT (radix selection of the largest remainders,
// integer shares without division) against the straightforward one it
// replaced (split_reference.hxx): the same parts, bit for bit, and the same
// errors, over many generated inputs of every kind the split has a path for:
// small and large counts, whole, decimal and fractional weights, sums beyond 2^64,
// ties, blanks, all zero, negative totals, every decimals.
#include "split_reference.hxx"

#include "core/split.hxx"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace dealerkpi {
namespace {

struct Case {
    double total;
    std::vector<Cell> weights;
    double decimals;
};

std::string describe(const Case& c)
{
    std::ostringstream s;
    s.precision(17);
    s << "total " << c.total << " decimals " << c.decimals << " n " << c.weights.size() << " weights";
    for (std::size_t i = 0; i < c.weights.size() && i < 12; ++i)
        s << ' ' << (c.weights[i].isNumber() ? c.weights[i].number : -1.0);
    return s.str();
}

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void expectSame(const Case& c)
{
    const Grid g(c.weights.data(), c.weights.size(), 1);
    std::vector<double> expected, actual{-1.0};
    const Error e = reference::targetSplit(c.total, g, c.decimals, expected);
    const Error a = targetSplit(c.total, g, c.decimals, actual);
    ASSERT_EQ(a, e) << describe(c);
    ASSERT_EQ(actual.size(), expected.size()) << describe(c);
    for (std::size_t i = 0; i < expected.size(); ++i)
        ASSERT_TRUE(sameBits(actual[i], expected[i]))
            << describe(c) << " part " << i << ": " << actual[i] << " instead of " << expected[i];
}

enum class Kind { SmallWhole, LargeWhole, Huge, OneDecimal, Tiny, FewValues, Equal, Sparse, Zero, DecimalTies };

std::vector<Cell> weightsOf(Kind kind, std::size_t n, std::mt19937_64& rng)
{
    std::uniform_int_distribution<int> small(0, 10);
    std::uniform_int_distribution<std::int64_t> large(0, 1000000);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<Cell> w(n);
    for (std::size_t i = 0; i < n; ++i) {
        double v = 0.0;
        switch (kind) {
        case Kind::SmallWhole: v = small(rng); break;
        case Kind::LargeWhole: v = static_cast<double>(large(rng)); break;
        case Kind::Huge:  // whole weights near 2^53: their sum passes 2^64 from 2048 weights on
            v = 9007199254740992.0 - static_cast<double>(small(rng));
            break;
        case Kind::OneDecimal: v = std::round(unit(rng) * 10000.0) / 10.0; break;
        case Kind::Tiny: v = unit(rng) * 1e-300; break;
        case Kind::FewValues: v = (i % 3 == 0) ? 1.5 : (i % 3 == 1 ? 2.5 : 1.5); break;
        case Kind::Equal: v = 7.0; break;
        case Kind::Sparse: v = (small(rng) == 0) ? static_cast<double>(large(rng)) : 0.0; break;
        case Kind::Zero: v = 0.0; break;
        case Kind::DecimalTies: {  // remainders equal as decimals, not in binary
            static constexpr double kTies[] = {0.05, 0.15, 0.1, 0.3, 0.8, 12.34};
            v = kTies[i % 6];
            break;
        }
        }
        w[i] = (kind != Kind::Zero && small(rng) == 10 && n > 3) ? Cell::blank() : Cell::of(v);
    }
    return w;
}

TEST(SplitEquivalence, GeneratedInputs)
{
    std::mt19937_64 rng(20261126);
    const std::size_t sizes[] = {1, 2, 3, 5, 16, 31, 32, 33, 40, 64, 100, 257, 1000, 2049, 5000};
    const Kind kinds[] = {Kind::SmallWhole, Kind::LargeWhole, Kind::Huge, Kind::OneDecimal, Kind::Tiny,
                          Kind::FewValues, Kind::Equal, Kind::Sparse, Kind::Zero, Kind::DecimalTies};
    const double totals[] = {0.0, 1.0, 10.0, 330.0, -330.0, 12345.678, 8844682.38, -0.004, 1e9 + 0.5, 4503599627370495.0,
                             123456789012.345};
    std::uniform_int_distribution<int> places(-3, 6);
    std::size_t cases = 0;
    for (std::size_t n : sizes)
        for (Kind kind : kinds)
            for (double total : totals) {
                Case c{total, weightsOf(kind, n, rng), static_cast<double>(places(rng))};
                ASSERT_NO_FATAL_FAILURE(expectSame(c));
                ++cases;
            }
    EXPECT_EQ(cases, 15u * 10u * 11u);
}

TEST(SplitEquivalence, RandomTotalsAndWeights)
{
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<std::size_t> count(1, 3000);
    std::uniform_int_distribution<int> kind(0, 9), places(-6, 6);
    std::uniform_real_distribution<double> magnitude(-3.0, 13.0);
    for (int k = 0; k < 400; ++k) {
        const double total = std::pow(10.0, magnitude(rng)) * (k % 5 == 0 ? -1.0 : 1.0);
        Case c{total, weightsOf(static_cast<Kind>(kind(rng)), count(rng), rng), static_cast<double>(places(rng))};
        ASSERT_NO_FATAL_FAILURE(expectSame(c));
    }
}

// Long double shares that leave as many units over as there are weights:
// each weight gets one, then the order of remainders decides the rest.
TEST(SplitEquivalence, MoreUnitsLeftThanWeights)
{
    ASSERT_NO_FATAL_FAILURE(expectSame(Case{6904498149229345.0, {Cell::of(6366.8142857142857), Cell::of(91994.671428571441)}, 0}));
    ASSERT_NO_FATAL_FAILURE(expectSame(Case{-69044981492293.45, {Cell::of(6366.8142857142857), Cell::of(91994.671428571441)}, 2}));
}

TEST(SplitEquivalence, ErrorsComeFirstInTheSameOrder)
{
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<std::vector<Cell>> inputs = {
        {Cell::of(1), Cell::text(), Cell::of(-1)},
        {Cell::of(1), Cell::of(-1), Cell::text()},
        {Cell::of(inf), Cell::of(1)},
        {Cell::of(1e308), Cell::of(1e308)},
        {Cell::of(std::numeric_limits<double>::quiet_NaN())},
        {},
    };
    for (const auto& w : inputs)
        for (double total : {100.0, inf, 1e300})
            for (double decimals : {0.0, 2.0, 7.0, 0.5})
                ASSERT_NO_FATAL_FAILURE(expectSame(Case{total, w, decimals}));
}

} // namespace
} // namespace dealerkpi
