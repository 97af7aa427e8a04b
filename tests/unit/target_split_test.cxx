// TARGET_SPLIT(total; weights; [decimals]; [part]).
#include "cells.hxx"

#include <boost/multiprecision/cpp_int.hpp>
#include <gtest/gtest.h>

#include <random>
#include <string>

namespace dealerkpi {
namespace {
using namespace test;

std::vector<double> split(double total, const Grid& weights, double decimals = 0)
{
    std::vector<double> parts{-1.0};  // must be replaced
    const Error e = targetSplit(total, weights, decimals, parts);
    EXPECT_EQ(e, Error::None) << "total " << total << " decimals " << decimals;
    EXPECT_EQ(parts.size(), weights.size());
    return parts;
}

void expectError(double total, const Grid& weights, double decimals, Error expected)
{
    std::vector<double> parts{-1.0};
    EXPECT_EQ(targetSplit(total, weights, decimals, parts), expected)
        << "total " << total << " decimals " << decimals;
    EXPECT_TRUE(parts.empty());
}

double pow10(int d) { return std::pow(10.0, d); }

// A part as a whole number of units of 10^-decimals.
std::int64_t unitsOf(double part, int decimals)
{
    return decimals >= 0 ? std::llround(part * pow10(decimals)) : std::llround(part / pow10(-decimals));
}

using V = std::vector<double>;

// --- golden ----------------------------------------------------------------------------

TEST(TargetSplit, AfterSalesTargetBySoldHours)
{
    // Seed 004: 售后 target 8,844,682.38 over 机修 / 钣金 / 喷漆 by 销售工时, to the cent.
    const V parts = split(8844682.38, col({N(8775), N(3500), N(3000)}), 2);
    EXPECT_EQ(parts, (V{5080987.75, 2026604.80, 1737089.83}));
    EXPECT_EQ(unitsOf(parts[0], 2) + unitsOf(parts[1], 2) + unitsOf(parts[2], 2), 884468238);
}

TEST(TargetSplit, QuarterToMonths)
{
    // 115.79 / 81.05 / 133.16: the one unit left goes to the largest remainder (.79).
    EXPECT_EQ(split(330, col({N(100), N(70), N(115)})), (V{116, 81, 133}));
}

TEST(TargetSplit, NoHistorySplitsEqually)
{
    EXPECT_EQ(split(10, col({N(0), N(0), N(0)})), (V{4, 3, 3}));
}

// --- decimals ---------------------------------------------------------------------------

struct DecimalsCase {
    int decimals;
    V parts;  // 2,000,000 split over three equal weights
};

void PrintTo(const DecimalsCase& c, std::ostream* os) { *os << "decimals " << c.decimals; }

class SplitDecimals : public ::testing::TestWithParam<DecimalsCase> {};

TEST_P(SplitDecimals, EveryPartIsAMultipleOfTheUnit)
{
    const DecimalsCase& c = GetParam();
    EXPECT_EQ(split(2000000, col({N(1), N(1), N(1)}), c.decimals), c.parts);
}

INSTANTIATE_TEST_SUITE_P(
    MinusSixToSix, SplitDecimals,
    ::testing::Values(DecimalsCase{-6, {1000000, 1000000, 0}},
                      DecimalsCase{-5, {700000, 700000, 600000}},
                      DecimalsCase{-4, {670000, 670000, 660000}},
                      DecimalsCase{-3, {667000, 667000, 666000}},
                      DecimalsCase{-2, {666700, 666700, 666600}},
                      DecimalsCase{-1, {666670, 666670, 666660}},
                      DecimalsCase{0, {666667, 666667, 666666}},
                      DecimalsCase{1, {666666.7, 666666.7, 666666.6}},
                      DecimalsCase{2, {666666.67, 666666.67, 666666.66}},
                      DecimalsCase{3, {666666.667, 666666.667, 666666.666}},
                      DecimalsCase{4, {666666.6667, 666666.6667, 666666.6666}},
                      DecimalsCase{5, {666666.66667, 666666.66667, 666666.66666}},
                      DecimalsCase{6, {666666.666667, 666666.666667, 666666.666666}}),
    [](const ::testing::TestParamInfo<DecimalsCase>& i) {
        return (i.param.decimals < 0 ? "Minus" : "Plus") + std::to_string(std::abs(i.param.decimals));
    });

TEST(TargetSplit, FractionalWeightsTieExactly)
{
    // Weights in quarter hours, 0.1 h units: 8950 units over 47.5 h. Weights
    // 6 and 1.25 both leave a remainder of exactly 10/19; the leftover unit
    // goes to the larger weight, 6 (113.1, not 113), not to 1.25.
    const V parts = split(895, col({N(4), N(7.5), N(3.25), N(1.25), N(6), N(10), N(5.25), N(1.25), N(3.75), N(5.25)}), 1);
    EXPECT_EQ(parts[4], 113.1);
    EXPECT_EQ(parts[7], 23.5);
    EXPECT_EQ(parts[3], 23.6);  // the earlier of the two equal weights 1.25 comes first
}

TEST(TargetSplit, DecimalsOutsideMinusSixToSixAreInvalid)
{
    for (double d : {7.0, -7.0, 100.0, -1e300, 0.5, -0.5, 2.000001, kNaN, kInf, -kInf})
        expectError(100, col({N(1), N(1)}), d, Error::InvalidArgument);
}

TEST(TargetSplit, DecimalsAreCheckedBeforeTheTotal)
{
    expectError(kNaN, col({N(1)}), 9, Error::InvalidArgument);
}

// --- rounding of the total ----------------------------------------------------------------

TEST(TargetSplit, TotalIsRoundedHalfAwayFromZero)
{
    EXPECT_EQ(split(2.5, col({N(1)})), (V{3}));
    EXPECT_EQ(split(-2.5, col({N(1)})), (V{-3}));
    EXPECT_EQ(split(2.4999, col({N(1)})), (V{2}));
    EXPECT_EQ(split(0.125, col({N(1)}), 2), (V{0.13}));
    EXPECT_EQ(split(-0.125, col({N(1)}), 2), (V{-0.13}));
    EXPECT_EQ(split(1250, col({N(1)}), -2), (V{1300}));
    EXPECT_EQ(split(-1249, col({N(1)}), -2), (V{-1200}));
}

TEST(TargetSplit, TotalThatIsAHalfUpToBinaryNoiseRoundsAsTheUserReadsIt)
{
    // 1.005 is 1.00499999999999989... in binary; ROUND(1.005; 2) in a sheet is 1.01.
    EXPECT_EQ(split(1.005, col({N(1)}), 2), (V{1.01}));
}

TEST(TargetSplit, TotalThatRoundsToZero)
{
    EXPECT_EQ(split(0.4, col({N(1), N(2)})), (V{0, 0}));
    const V negative = split(-0.4, col({N(1), N(2)}));
    EXPECT_EQ(negative, (V{0, 0}));
    EXPECT_FALSE(std::signbit(negative[0]));  // 0, never -0
}

// --- signs, zeros, blanks, text -----------------------------------------------------------

TEST(TargetSplit, NegativeTotalNegatesEveryPart)
{
    EXPECT_EQ(split(-330, col({N(100), N(70), N(115)})), (V{-116, -81, -133}));
    EXPECT_EQ(split(-8844682.38, col({N(8775), N(3500), N(3000)}), 2), (V{-5080987.75, -2026604.80, -1737089.83}));
}

TEST(TargetSplit, NegativeTotalKeepsZeroPartsPositive)
{
    const V parts = split(-5, col({N(0), N(1)}));
    EXPECT_EQ(parts, (V{0, -5}));
    EXPECT_FALSE(std::signbit(parts[0]));
}

TEST(TargetSplit, ZeroTotal)
{
    EXPECT_EQ(split(0, col({N(3), N(1)})), (V{0, 0}));
}

TEST(TargetSplit, ZeroWeightsGetNothing)
{
    EXPECT_EQ(split(5, col({N(0), N(1), N(0)})), (V{0, 5, 0}));
}

TEST(TargetSplit, BlankWeightCountsAsZero)
{
    // 1.5 and 1.5: the tie goes to the earlier position.
    EXPECT_EQ(split(3, col({B, N(1), N(1)})), (V{0, 2, 1}));
}

TEST(TargetSplit, AllBlankSplitsEqually)
{
    EXPECT_EQ(split(10, col({B, B, B, B})), (V{3, 3, 2, 2}));
    EXPECT_EQ(split(7, col({N(0), B})), (V{4, 3}));
    EXPECT_EQ(split(-10, col({B, B, B})), (V{-4, -3, -3}));
}

TEST(TargetSplit, TextWeightIsAValueError)
{
    expectError(10, col({N(1), T}), 0, Error::Value);
}

TEST(TargetSplit, NegativeWeightIsInvalid)
{
    expectError(10, col({N(1), N(-1)}), 0, Error::InvalidArgument);
    expectError(10, col({N(-kInf)}), 0, Error::InvalidArgument);
}

TEST(TargetSplit, FirstOffendingWeightInReadingOrderDecides)
{
    expectError(10, col({T, N(-1)}), 0, Error::Value);
    expectError(10, col({N(-1), T}), 0, Error::InvalidArgument);
    expectError(10, block(2, 2, {N(1), N(-1), T, N(1)}), 0, Error::InvalidArgument);
}

// --- ties -----------------------------------------------------------------------------------

TEST(TargetSplit, LargestRemainderBeatsLargerWeight)
{
    // 2 * 3/7 = 0.857, 2 * 4/7 = 1.143: the unit left goes to the first (.857 > .143).
    EXPECT_EQ(split(2, col({N(3), N(4)})), (V{1, 1}));
}

TEST(TargetSplit, TiedRemaindersGoToTheLargerWeight)
{
    // 0.5 and 1.5: equal remainders, the larger weight wins wherever it stands.
    EXPECT_EQ(split(2, col({N(1), N(3)})), (V{0, 2}));
    EXPECT_EQ(split(2, col({N(3), N(1)})), (V{2, 0}));
    // 0.5 and 2.5.
    EXPECT_EQ(split(3, col({N(1), N(5)})), (V{0, 3}));
}

TEST(TargetSplit, TiedRemaindersAndWeightsGoToTheEarlierPosition)
{
    EXPECT_EQ(split(2, col({N(1), N(1), N(1)})), (V{1, 1, 0}));
    // 1, 0.5, 1, 0.5: the one unit left goes to the first 0.5.
    EXPECT_EQ(split(3, col({N(2), N(1), N(2), N(1)})), (V{1, 1, 1, 0}));
    EXPECT_EQ(split(0.1, col({N(1), N(1), N(1)}), 2), (V{0.04, 0.03, 0.03}));
}

TEST(TargetSplit, ReadingOrderIsRowByRow)
{
    EXPECT_EQ(split(2, block(2, 2, {N(1), N(1), N(1), N(1)})), (V{1, 1, 0, 0}));
    EXPECT_EQ(split(6, block(2, 3, {N(1), N(2), N(3), N(0), N(0), N(0)})), (V{1, 2, 3, 0, 0, 0}));
}

// --- fractional weights (the inexact path) ------------------------------------------------

TEST(TargetSplit, FractionalWeights)
{
    EXPECT_EQ(split(100, col({N(0.5), N(0.25), N(0.25)})), (V{50, 25, 25}));
    // 0.1 + 0.2 + 0.7 is not exactly 1 in binary; the parts still are 1, 2, 7.
    EXPECT_EQ(split(10, col({N(0.1), N(0.2), N(0.7)})), (V{1, 2, 7}));
    EXPECT_EQ(split(1, col({N(0.1), N(0.1), N(0.1)})), (V{1, 0, 0}));
    // Rates as weights: 45% / 35% / 20% of 1,000.01.
    EXPECT_EQ(split(1000.01, col({N(0.45), N(0.35), N(0.2)}), 2), (V{450.01, 350, 200}));
}

// Weights with decimals (money to the cent, rates, hours to the minute) split
// as the decimals a person sees, not as their binary values: equal remainders
// tie and the tie rule decides. In binary 0.05 is a hair above 1/20 and 0.15 a
// hair below 3/20, which once gave 1, 1, 8.
TEST(TargetSplit, DecimalWeightsTieAsTheDecimalsShown)
{
    EXPECT_EQ(split(10, col({N(0.05), N(0.15), N(0.8)})), (V{0, 2, 8}));
    EXPECT_EQ(split(10, col({N(5), N(15), N(80)})), (V{0, 2, 8}));
    EXPECT_EQ(split(2, col({N(0.1), N(0.3)})), (V{0, 2}));
    EXPECT_EQ(split(2, col({N(0.3), N(0.1)})), (V{2, 0}));
    // Cents: 1,234.56 and three times it; a tie of halves at 2 decimals.
    EXPECT_EQ(split(0.02, col({N(1234.56), N(3703.68)}), 2), (V{0, 0.02}));
    // Six places, next to a whole weight.
    EXPECT_EQ(split(3, col({N(0.000001), N(1), N(0.000005), N(2)})), (V{0, 1, 0, 2}));
    EXPECT_EQ(split(1, col({N(0.000001), N(0.000001)})), (V{1, 0}));
}

// Beyond six places, or where a weight times 10^places passes 2^50, weights
// are their binary values again (binary fractions still exact): the parts
// add up and stay within a unit of their shares.
TEST(TargetSplit, DecimalWeightsBeyondSixPlacesAreTheirBinaryValues)
{
    const V seven = split(10, col({N(0.0000005), N(0.0000015), N(0.000008)}));
    EXPECT_EQ(seven[0] + seven[1] + seven[2], 10);
    EXPECT_EQ(seven[2], 8);
    const V wide = split(2, col({N(0.1), N(0.3), N(2e9)}), 6);
    EXPECT_EQ(wide[0] + wide[1] + wide[2], 2);
    EXPECT_EQ(split(2, col({N(0.5), N(1.5), N(4503599627370496.0)}), 6), (V{0, 0, 2}));
}

// --- one part ---------------------------------------------------------------------------

TEST(TargetSplit, PickOnePart)
{
    const V parts = split(330, col({N(100), N(70), N(115)}));
    EXPECT_TRUE(wantsWholeSplit(0));
    EXPECT_FALSE(wantsWholeSplit(1));
    EXPECT_EQ(pickPart(parts, 1).value, 116);
    EXPECT_EQ(pickPart(parts, 2).value, 81);
    EXPECT_EQ(pickPart(parts, 3).value, 133);
}

TEST(TargetSplit, PartOutOfRangeIsInvalid)
{
    const V parts = split(330, col({N(100), N(70), N(115)}));
    for (double p : {4.0, -1.0, 0.0, 1.5, 1e300, kNaN, kInf, -kInf})
        EXPECT_EQ(pickPart(parts, p).error, Error::InvalidArgument) << p;
}

// --- shapes and extremes ----------------------------------------------------------------------

TEST(TargetSplit, SingleWeightTakesAll)
{
    const Cell w = N(0.3);
    EXPECT_EQ(split(1234.5, Grid(w), 1), (V{1234.5}));
}

TEST(TargetSplit, NoWeightsIsInvalid)
{
    expectError(10, empty(), 0, Error::InvalidArgument);
    expectError(10, Block({}, 3, 0), 0, Error::InvalidArgument);
}

TEST(TargetSplit, HugeTotals)
{
    EXPECT_EQ(split(1e15, col({N(1), N(1), N(1)})), (V{333333333333334, 333333333333333, 333333333333333}));
    // 2^53 whole units still split exactly; beyond, units are not exact.
    EXPECT_EQ(split(9007199254740992.0, col({N(1), N(1)})), (V{4503599627370496, 4503599627370496}));
    expectError(9007199254740994.0, col({N(1)}), 0, Error::Overflow);
    expectError(1e15, col({N(1)}), 2, Error::Overflow);  // 1e17 cents
    expectError(1e308, col({N(1)}), 0, Error::Overflow);
    expectError(-1e308, col({N(1)}), 0, Error::Overflow);
    // With a negative decimals huge totals fit again: 1e20 in units of a million.
    EXPECT_EQ(split(1e20, col({N(1), N(1)}), -6), (V{5e19, 5e19}));
}

TEST(TargetSplit, NonFiniteTotalIsNotAResult)
{
    expectError(kInf, col({N(1)}), 0, Error::Overflow);
    expectError(-kInf, col({N(1)}), 0, Error::Overflow);
    expectError(kNaN, col({N(1)}), 0, Error::Overflow);
}

TEST(TargetSplit, HugeWeights)
{
    EXPECT_EQ(split(10, col({N(1e308), N(1)})), (V{10, 0}));
    EXPECT_EQ(split(10, col({N(kMax)})), (V{10}));
    // 2^53 is still a whole weight: 3 * 2^53 / (2^53 + 1) = 2.99..., 3 * 1 / (2^53 + 1) = 0.00...
    EXPECT_EQ(split(3, col({N(9007199254740992.0), N(1)})), (V{3, 0}));
    EXPECT_EQ(split(7, col({N(1e300), N(1e300)})), (V{4, 3}));
    // Weights whose sum is past the largest double still split: the proportions fit.
    EXPECT_EQ(split(10, col({N(1e308), N(1e308)})), (V{5, 5}));
    EXPECT_EQ(split(10, col({N(kMax), N(kMax / 4)})), (V{8, 2}));
    expectError(10, col({N(kInf)}), 0, Error::Overflow);
    expectError(10, col({N(kNaN)}), 0, Error::Overflow);
}

TEST(TargetSplit, TinyWeightsAndTotals)
{
    EXPECT_EQ(split(10, col({N(kDenormMin), N(kDenormMin)})), (V{5, 5}));
    EXPECT_EQ(split(4, col({N(1e-300), N(3e-300)})), (V{1, 3}));
    EXPECT_EQ(split(1e-300, col({N(1), N(1)}), 6), (V{0, 0}));
    EXPECT_EQ(split(kDenormMin, col({N(1)}), 6), (V{0}));
}

// --- properties -----------------------------------------------------------------------------

using I128 = boost::multiprecision::int128_t;

// Whole weights, exact integers: the parts sum exactly to the rounded total,
// each part is its exact share rounded down or up, and exactly the parts with
// the largest remainders (ties: larger weight, then earlier) get the extra unit.
TEST(TargetSplitProperty, WholeWeightsLargestRemainderExactly)
{
    std::mt19937_64 rng(330);
    for (int iteration = 0; iteration < 20000; ++iteration) {
        const int d = static_cast<int>(iteration % 13) - 6;
        const std::size_t rows = 1 + rng() % 5, cols = 1 + rng() % 5, n = rows * cols;
        std::vector<Cell> cells(n);
        std::vector<I128> w(n);
        const int scale = static_cast<int>(rng() % 4);
        for (std::size_t i = 0; i < n; ++i) {
            const unsigned kind = static_cast<unsigned>(rng() % 10);
            std::uint64_t v = 0;
            if (kind == 0)
                cells[i] = B;
            else if (kind == 1)
                cells[i] = N(0);
            else {
                v = scale == 0 ? rng() % 10 : scale == 1 ? rng() % 1000 : scale == 2 ? rng() % 1000000 : rng() % (1ull << 50);
                cells[i] = N(static_cast<double>(v));
            }
            w[i] = static_cast<I128>(v);
        }
        I128 sum = 0;
        for (I128 x : w)
            sum += x;
        if (sum == 0) {
            std::fill(w.begin(), w.end(), I128(1));
            sum = static_cast<I128>(n);
        }

        // A total of `units` units of 10^-d, give or take less than half a unit.
        const std::int64_t units = static_cast<std::int64_t>(rng() % (1ull << (rng() % 40)));
        const double jitter = (static_cast<double>(rng() % 81) - 40.0) / 100.0;  // -0.4 .. 0.4
        const bool negative = rng() % 4 == 0;
        const double magnitude = d >= 0 ? (static_cast<double>(units) + jitter) / pow10(d)
                                        : (static_cast<double>(units) + jitter) * pow10(-d);
        const double total = negative ? -magnitude : magnitude;

        std::vector<double> parts;
        ASSERT_EQ(targetSplit(total, Grid(cells.data(), rows, cols), d, parts), Error::None)
            << "total " << total << " decimals " << d;
        ASSERT_EQ(parts.size(), n);

        std::int64_t given = 0;
        std::vector<I128> extra(n), remainder(n);
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t signedUnits = unitsOf(parts[i], d);
            ASSERT_TRUE(signedUnits == 0 || (signedUnits < 0) == negative) << "part " << i;
            const std::int64_t u = negative ? -signedUnits : signedUnits;
            given += u;
            const I128 share = static_cast<I128>(units) * w[i];
            extra[i] = static_cast<I128>(u) - share / sum;
            remainder[i] = share % sum;
            ASSERT_TRUE(extra[i] == 0 || extra[i] == 1) << "part " << i << " is not its share rounded down or up";
            if (remainder[i] == 0) {
                ASSERT_TRUE(extra[i] == 0) << "an exact share got an extra unit";
            }
        }
        ASSERT_EQ(given, units) << "total " << total << " decimals " << d << " iteration " << iteration;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                if (extra[i] == 1 && extra[j] == 0) {
                    const bool first = remainder[i] > remainder[j] ||
                                       (remainder[i] == remainder[j] && (w[i] > w[j] || (w[i] == w[j] && i < j)));
                    ASSERT_TRUE(first) << "part " << j << " should have had the unit part " << i << " got";
                }
    }
}

// All weights zero or blank: every part is floor(total/n) or one more, the
// larger ones first.
TEST(TargetSplitProperty, AllZeroWeightsSplitEqually)
{
    std::mt19937_64 rng(10);
    for (int iteration = 0; iteration < 2000; ++iteration) {
        const std::size_t n = 1 + rng() % 40;
        std::vector<Cell> cells(n);
        for (Cell& c : cells)
            c = rng() % 2 ? B : N(0);
        const std::int64_t units = static_cast<std::int64_t>(rng() % 100000);
        std::vector<double> parts;
        ASSERT_EQ(targetSplit(static_cast<double>(units), Grid(cells.data(), n, 1), 0, parts), Error::None);
        const std::int64_t low = units / static_cast<std::int64_t>(n);
        const std::size_t high = static_cast<std::size_t>(units % static_cast<std::int64_t>(n));
        for (std::size_t i = 0; i < n; ++i)
            ASSERT_EQ(parts[i], static_cast<double>(i < high ? low + 1 : low)) << "part " << i << " of " << n;
    }
}

// Whole units up to 2^53 with decimals 0: parts are whole doubles, summed exactly.
TEST(TargetSplitProperty, SumIsExactUpToTwoToThe53)
{
    std::mt19937_64 rng(53);
    for (int iteration = 0; iteration < 5000; ++iteration) {
        const std::size_t n = 1 + rng() % 12;
        std::vector<Cell> cells(n);
        for (Cell& c : cells)
            c = N(static_cast<double>(rng() % 1000));
        const std::int64_t units = static_cast<std::int64_t>(rng() % (1ull << 53));
        std::vector<double> parts;
        ASSERT_EQ(targetSplit(static_cast<double>(units), Grid(cells.data(), n, 1), 0, parts), Error::None);
        std::int64_t sum = 0;
        for (double p : parts) {
            ASSERT_EQ(p, std::floor(p));
            sum += static_cast<std::int64_t>(p);
        }
        ASSERT_EQ(sum, units);
    }
}

// Any non-negative finite weights (fractions, tiny, huge): the parts still sum
// exactly to the rounded total, and each is within one unit of its exact share.
TEST(TargetSplitProperty, FractionalWeightsSumExactlyAndStayWithinOneUnit)
{
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int iteration = 0; iteration < 20000; ++iteration) {
        const int d = static_cast<int>(rng() % 13) - 6;
        const std::size_t n = 1 + rng() % 20;
        std::vector<Cell> cells(n);
        std::vector<long double> w(n);
        const double magnitude = std::pow(10.0, static_cast<double>(rng() % 600) - 300.0);
        long double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double v = rng() % 6 == 0 ? 0.0 : unit(rng) * magnitude;
            if (rng() % 7 == 0)
                v = std::round(v * 8.0) / 8.0;  // ties are likely among eighths
            cells[i] = N(v);
            w[i] = v;
            sum += v;
        }
        if (sum == 0) {
            std::fill(w.begin(), w.end(), 1.0L);
            sum = static_cast<long double>(n);
        }
        const std::int64_t units = static_cast<std::int64_t>(rng() % (1ull << 40));
        const double total = d >= 0 ? static_cast<double>(units) / pow10(d) : static_cast<double>(units) * pow10(-d);

        std::vector<double> parts;
        ASSERT_EQ(targetSplit(total, Grid(cells.data(), n, 1), d, parts), Error::None);
        std::int64_t given = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t u = unitsOf(parts[i], d);
            ASSERT_GE(u, 0);
            const long double exact = static_cast<long double>(units) * (w[i] / sum);
            ASSERT_LT(std::fabs(static_cast<long double>(u) - exact), 1.0L + 1e-9L * exact)
                << "part " << i << " units " << u << " exact share " << static_cast<double>(exact);
            given += u;
        }
        ASSERT_EQ(given, units) << "iteration " << iteration;
    }
}

} // namespace
} // namespace dealerkpi
