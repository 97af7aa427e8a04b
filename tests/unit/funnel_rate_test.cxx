// FUNNEL_RATE(converted; entered; [method]).
#include "cells.hxx"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace dealerkpi {
namespace {
using namespace test;

// --- golden: the KPI conversion report in seed 004 ---------------------------------------

struct SeedRow {
    const char* name;
    double converted[3];  // months N-3, N-2, N-1
    double entered[3];
    double sumConverted;  // worked by hand
    double sumEntered;
    std::int64_t shown4;  // the pooled rate to 4 decimals, x 10^4, as the spec lists it
};

void PrintTo(const SeedRow& r, std::ostream* os) { *os << r.name; }

class SeedFunnel : public ::testing::TestWithParam<SeedRow> {};

TEST_P(SeedFunnel, PooledIsSumOverSumAndShowsAsTheSeed)
{
    const SeedRow& r = GetParam();
    const Block c = row({N(r.converted[0]), N(r.converted[1]), N(r.converted[2])});
    const Block e = row({N(r.entered[0]), N(r.entered[1]), N(r.entered[2])});
    const Number rate = funnelRate(c, e, RateMethod::Pooled);
    ASSERT_TRUE(rate.ok());
    EXPECT_DOUBLE_EQ(rate.value, r.sumConverted / r.sumEntered);
    EXPECT_EQ(shown(rate.value, 4), r.shown4);
}

TEST_P(SeedFunnel, MonthsDownAColumnGiveTheSameRate)
{
    const SeedRow& r = GetParam();
    const Block c = col({N(r.converted[0]), N(r.converted[1]), N(r.converted[2])});
    const Block e = col({N(r.entered[0]), N(r.entered[1]), N(r.entered[2])});
    const Number rate = funnelRate(c, e, RateMethod::Pooled);
    ASSERT_TRUE(rate.ok());
    EXPECT_EQ(shown(rate.value, 4), r.shown4);
}

INSTANTIATE_TEST_SUITE_P(
    Seed004, SeedFunnel,
    ::testing::Values(
        SeedRow{"LeadsToShowroom", {708, 877, 1003}, {4146, 3846, 4476}, 2588, 12468, 2076},
        SeedRow{"WalkInsRegistered", {330, 600, 650}, {350, 660, 700}, 1580, 1710, 9240},
        SeedRow{"ActiveProspecting", {5, 2, 2}, {30, 10, 20}, 9, 60, 1500},
        SeedRow{"Referrals", {15, 6, 10}, {24, 12, 18}, 31, 54, 5741},
        SeedRow{"RepeatBuyers", {8, 3, 6}, {12, 4, 8}, 17, 24, 7083},
        SeedRow{"InboundCalls", {20, 6, 15}, {300, 210, 250}, 41, 760, 539},
        SeedRow{"OnlineLeads", {70, 40, 60}, {900, 700, 850}, 170, 2450, 694},
        SeedRow{"ActiveLeadsBack", {200, 150, 180}, {850, 660, 880}, 530, 2390, 2218},
        SeedRow{"DormantLeadsBack", {60, 70, 80}, {1700, 1650, 1800}, 210, 5150, 408},
        SeedRow{"ShowroomToQuote", {580, 330, 450}, {708, 877, 1003}, 1360, 2588, 5255},
        SeedRow{"QuoteToOrder", {150, 70, 115}, {580, 330, 450}, 335, 1360, 2463},
        SeedRow{"OrderToDelivery", {120, 60, 90}, {150, 70, 115}, 270, 335, 8060}),
    [](const ::testing::TestParamInfo<SeedRow>& i) { return std::string(i.param.name); });

TEST(FunnelRate, WalkInsRegisteredMeanOfMonthlyRates)
{
    // (330/350 + 600/660 + 650/700) / 3 = 0.926840 (the seed's 0.9268).
    const Number rate = funnelRate(row({N(330), N(600), N(650)}), row({N(350), N(660), N(700)}), RateMethod::Mean);
    ASSERT_TRUE(rate.ok());
    EXPECT_NEAR(rate.value, 0.92683982683982683, 1e-15);
    EXPECT_EQ(shown(rate.value, 4), 9268);
}

// --- blanks, text, signs -------------------------------------------------------------------

TEST(FunnelRate, PairsWithABlankSideAreSkipped)
{
    // Month 2 has no converted count, month 3 no entered count: only month 1 counts.
    const Block c = col({N(5), B, N(3)});
    const Block e = col({N(10), N(7), B});
    EXPECT_EQ(funnelRate(c, e, RateMethod::Pooled).value, 0.5);
    EXPECT_EQ(funnelRate(c, e, RateMethod::Mean).value, 0.5);
}

TEST(FunnelRate, TextOppositeABlankIsAValueError)
{
    // A typo is reported wherever it stands, as in WORKSHOP_EFFICIENCY.
    EXPECT_EQ(funnelRate(col({N(5), B}), col({N(10), T}), RateMethod::Pooled).error, Error::Value);
    EXPECT_EQ(funnelRate(col({N(5), T}), col({N(10), B}), RateMethod::Pooled).error, Error::Value);
}

TEST(FunnelRate, TextInAKeptPairIsAValueError)
{
    EXPECT_EQ(funnelRate(col({N(1), T}), col({N(2), N(3)}), RateMethod::Pooled).error, Error::Value);
    EXPECT_EQ(funnelRate(col({N(1), N(2)}), col({N(2), T}), RateMethod::Mean).error, Error::Value);
}

TEST(FunnelRate, NegativeCountIsInvalid)
{
    EXPECT_EQ(funnelRate(col({N(-1)}), col({N(2)}), RateMethod::Pooled).error, Error::InvalidArgument);
    EXPECT_EQ(funnelRate(col({N(1)}), col({N(-2)}), RateMethod::Pooled).error, Error::InvalidArgument);
    EXPECT_EQ(funnelRate(col({N(1), N(3)}), col({N(2), N(-0.5)}), RateMethod::Mean).error, Error::InvalidArgument);
}

TEST(FunnelRate, NegativeCountOppositeABlankIsInvalid)
{
    // A skipped period is still read: a negative count is wrong wherever it stands.
    EXPECT_EQ(funnelRate(col({N(5), B}), col({N(10), N(-1)}), RateMethod::Pooled).error, Error::InvalidArgument);
    EXPECT_EQ(funnelRate(col({N(5), N(-1)}), col({N(10), B}), RateMethod::Mean).error, Error::InvalidArgument);
}

TEST(FunnelRate, FirstOffendingPairInReadingOrderDecides)
{
    EXPECT_EQ(funnelRate(row({T, N(-1)}), row({N(1), N(1)}), RateMethod::Pooled).error, Error::Value);
    EXPECT_EQ(funnelRate(row({N(-1), T}), row({N(1), N(1)}), RateMethod::Pooled).error, Error::InvalidArgument);
    // Row by row: (0,1) comes before (1,0).
    EXPECT_EQ(funnelRate(block(2, 2, {N(1), N(-1), T, N(1)}), block(2, 2, {N(1), N(1), N(1), N(1)}),
                         RateMethod::Pooled).error,
              Error::InvalidArgument);
    EXPECT_EQ(funnelRate(block(2, 2, {N(1), T, N(-1), N(1)}), block(2, 2, {N(1), N(1), N(1), N(1)}),
                         RateMethod::Pooled).error,
              Error::Value);
}

TEST(FunnelRate, ZeroEnteredSumIsDivisionByZero)
{
    EXPECT_EQ(funnelRate(col({N(0), N(0)}), col({N(0), N(0)}), RateMethod::Pooled).error, Error::DivisionByZero);
    EXPECT_EQ(funnelRate(col({N(3)}), col({N(0)}), RateMethod::Pooled).error, Error::DivisionByZero);
    EXPECT_EQ(funnelRate(col({N(3)}), col({N(0)}), RateMethod::Mean).error, Error::DivisionByZero);
    // Nothing left after skipping blanks.
    EXPECT_EQ(funnelRate(col({B, N(4)}), col({N(5), B}), RateMethod::Pooled).error, Error::DivisionByZero);
    EXPECT_EQ(funnelRate(col({B, B}), col({B, B}), RateMethod::Mean).error, Error::DivisionByZero);
}

TEST(FunnelRate, MeanSkipsPeriodsWithNothingEntered)
{
    // Pooled: (3 + 5) / (0 + 10) = 0.8; mean: only 5/10 has a rate.
    EXPECT_EQ(funnelRate(col({N(3), N(5)}), col({N(0), N(10)}), RateMethod::Pooled).value, 0.8);
    EXPECT_EQ(funnelRate(col({N(3), N(5)}), col({N(0), N(10)}), RateMethod::Mean).value, 0.5);
}

TEST(FunnelRate, PooledAndMeanDiffer)
{
    // Pooled (1 + 9) / (2 + 10) = 0.8333; mean (0.5 + 0.9) / 2 = 0.7.
    EXPECT_DOUBLE_EQ(funnelRate(col({N(1), N(9)}), col({N(2), N(10)}), RateMethod::Pooled).value, 10.0 / 12.0);
    EXPECT_DOUBLE_EQ(funnelRate(col({N(1), N(9)}), col({N(2), N(10)}), RateMethod::Mean).value, 0.7);
}

TEST(FunnelRate, RatesAboveOneAreAllowed)
{
    EXPECT_EQ(funnelRate(col({N(12)}), col({N(10)}), RateMethod::Pooled).value, 1.2);
}

TEST(FunnelRate, ZeroConvertedIsARateOfZero)
{
    const Number r = funnelRate(col({N(0), N(0)}), col({N(10), N(5)}), RateMethod::Pooled);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value, 0.0);
}

TEST(FunnelRate, SingleValues)
{
    const Cell c = N(3), e = N(4);
    EXPECT_EQ(funnelRate(Grid(c), Grid(e), RateMethod::Pooled).value, 0.75);
}

TEST(FunnelRate, TwoDimensionalBlocksPool)
{
    // Two consultants (rows) by three months (columns): 21 / 60.
    const Block c = block(2, 3, {N(1), N(2), N(3), N(4), N(5), N(6)});
    const Block e = block(2, 3, {N(10), N(10), N(10), N(10), N(10), N(10)});
    EXPECT_DOUBLE_EQ(funnelRate(c, e, RateMethod::Pooled).value, 0.35);
}

// --- shapes -----------------------------------------------------------------------------

TEST(FunnelRate, ShapesMustMatch)
{
    EXPECT_EQ(funnelRate(row({N(1), N(2), N(3)}), col({N(1), N(2), N(3)}), RateMethod::Pooled).error,
              Error::InvalidArgument);
    EXPECT_EQ(funnelRate(col({N(1), N(2), N(3)}), col({N(1), N(2)}), RateMethod::Pooled).error,
              Error::InvalidArgument);
    // Shape is checked before content: text in a mismatched block is still a shape error.
    EXPECT_EQ(funnelRate(col({T}), col({N(1), N(2)}), RateMethod::Pooled).error, Error::InvalidArgument);
}

TEST(FunnelRate, EmptyBlocksAreInvalid)
{
    EXPECT_EQ(funnelRate(empty(), empty(), RateMethod::Pooled).error, Error::InvalidArgument);
    EXPECT_EQ(funnelRate(Block({}, 0, 3), Block({}, 0, 3), RateMethod::Mean).error, Error::InvalidArgument);
}

// --- extreme numbers ----------------------------------------------------------------------

TEST(FunnelRate, HugeCountsThatStayFinite)
{
    EXPECT_EQ(funnelRate(col({N(1e15)}), col({N(4e15)}), RateMethod::Pooled).value, 0.25);
    EXPECT_EQ(funnelRate(col({N(1e308)}), col({N(1e308)}), RateMethod::Pooled).value, 1.0);
}

TEST(FunnelRate, OverflowIsNotAResult)
{
    // The sums overflow a double, the rate does not: #NUM! only for a rate
    // that does not fit.
    EXPECT_EQ(funnelRate(col({N(1e308), N(1e308)}), col({N(1e308), N(1e308)}), RateMethod::Pooled).value, 1.0);
    EXPECT_EQ(funnelRate(col({N(1e308), N(1e308)}), col({N(1), N(1)}), RateMethod::Pooled).value, 1e308);
    EXPECT_EQ(funnelRate(col({N(kMax), N(kMax)}), col({N(1), N(0.5)}), RateMethod::Pooled).error, Error::Overflow);
    EXPECT_EQ(funnelRate(col({N(1e308), N(1e308)}), col({N(1e-308), N(1e-308)}), RateMethod::Mean).error,
              Error::Overflow);
    // One monthly rate overflows.
    EXPECT_EQ(funnelRate(col({N(1e308)}), col({N(1e-308)}), RateMethod::Mean).error, Error::Overflow);
    EXPECT_EQ(funnelRate(col({N(kMax)}), col({N(kDenormMin)}), RateMethod::Pooled).error, Error::Overflow);
}

TEST(FunnelRate, NonFiniteCountsAreNotAResult)
{
    // Calc never passes these (an error cell stops the call), but the core must not return them.
    EXPECT_EQ(funnelRate(col({N(kInf)}), col({N(1)}), RateMethod::Pooled).error, Error::Overflow);
    EXPECT_EQ(funnelRate(col({N(kNaN)}), col({N(1)}), RateMethod::Pooled).error, Error::Overflow);
    EXPECT_FALSE(funnelRate(col({N(1)}), col({N(kNaN)}), RateMethod::Mean).ok());
    EXPECT_FALSE(funnelRate(col({N(1)}), col({N(kNaN)}), RateMethod::Pooled).ok());
    EXPECT_EQ(funnelRate(col({N(-kInf)}), col({N(1)}), RateMethod::Pooled).error, Error::InvalidArgument);
}

TEST(FunnelRate, TinyCounts)
{
    EXPECT_EQ(funnelRate(col({N(kDenormMin)}), col({N(kDenormMin)}), RateMethod::Pooled).value, 1.0);
    EXPECT_DOUBLE_EQ(funnelRate(col({N(1e-300)}), col({N(4e-300)}), RateMethod::Mean).value, 0.25);
    // Underflows to 0, which is a rate.
    EXPECT_EQ(funnelRate(col({N(kDenormMin)}), col({N(1e300)}), RateMethod::Pooled).value, 0.0);
}

// --- properties -------------------------------------------------------------------------

// Pooled is sum(converted) / sum(entered) over the pairs without a blank, for
// any shape and any pattern of blanks. Counts are whole numbers, so the sums
// computed here are exact.
TEST(FunnelRateProperty, PooledIsSumOverSum)
{
    std::mt19937_64 rng(20261126);
    for (int iteration = 0; iteration < 2000; ++iteration) {
        const std::size_t rows = 1 + rng() % 6, cols = 1 + rng() % 6, n = rows * cols;
        std::vector<Cell> c(n), e(n);
        double sc = 0, se = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const bool blankC = rng() % 5 == 0, blankE = rng() % 5 == 0;
            const double vc = static_cast<double>(rng() % 1000), ve = static_cast<double>(rng() % 5000);
            c[i] = blankC ? B : N(vc);
            e[i] = blankE ? B : N(ve);
            if (!blankC && !blankE) {
                sc += vc;
                se += ve;
            }
        }
        const Number pooled = funnelRate(Grid(c.data(), rows, cols), Grid(e.data(), rows, cols), RateMethod::Pooled);
        if (se == 0) {
            EXPECT_EQ(pooled.error, Error::DivisionByZero);
        } else {
            ASSERT_TRUE(pooled.ok()) << "iteration " << iteration;
            EXPECT_EQ(pooled.value, sc / se) << "iteration " << iteration;
        }
    }
}

// The mean of per-period rates is the mean of exact fractions (here chosen so
// that every rate is a multiple of 1/8 and the arithmetic is exact).
TEST(FunnelRateProperty, MeanOfDyadicRates)
{
    std::mt19937_64 rng(7);
    for (int iteration = 0; iteration < 1000; ++iteration) {
        const std::size_t n = 1 + rng() % 16;
        std::vector<Cell> c(n), e(n);
        double eighths = 0;
        std::size_t periods = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double k = static_cast<double>(rng() % 17);  // rate k/8, up to 2
            const double entered = 8.0 * static_cast<double>(rng() % 4);
            c[i] = N(entered * k / 8.0);
            e[i] = N(entered);
            if (entered > 0) {
                eighths += k;
                ++periods;
            }
        }
        const Number mean = funnelRate(Grid(c.data(), n, 1), Grid(e.data(), n, 1), RateMethod::Mean);
        if (periods == 0) {
            EXPECT_EQ(mean.error, Error::DivisionByZero);
        } else {
            ASSERT_TRUE(mean.ok());
            EXPECT_DOUBLE_EQ(mean.value, eighths / 8.0 / static_cast<double>(periods));
        }
    }
}

} // namespace
} // namespace dealerkpi
