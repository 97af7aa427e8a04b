// TIERED_BONUS(amount; thresholds; rates; [mode]; [cap]; [prior]).
#include "cells.hxx"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>

namespace dealerkpi {
namespace {
using namespace test;

BonusOptions opts(BonusMode mode = BonusMode::Marginal, double cap = 0, std::optional<double> prior = std::nullopt)
{
    BonusOptions o;
    o.mode = mode;
    o.cap = cap;
    o.prior = prior;
    return o;
}

constexpr BonusMode kMarginal = BonusMode::Marginal;
constexpr BonusMode kWhole = BonusMode::Whole;
constexpr BonusMode kFixed = BonusMode::Fixed;
constexpr BonusMode kAllModes[] = {kMarginal, kWhole, kFixed};

// The spec's tier table: 0 / 100,000 / 120,000 at 2% / 3% / 4%.
const Block kThresholds = nums({0, 100000, 120000});
const Block kRates = nums({0.02, 0.03, 0.04});

double bonus(double amount, const Grid& t, const Grid& r, const BonusOptions& o = opts())
{
    const Number n = tieredBonus(amount, t, r, o);
    EXPECT_TRUE(n.ok()) << "amount " << amount << " error " << static_cast<int>(n.error);
    return n.value;
}

Error bonusError(double amount, const Grid& t, const Grid& r, const BonusOptions& o = opts())
{
    return tieredBonus(amount, t, r, o).error;
}

// --- golden --------------------------------------------------------------------------------

TEST(TieredBonus, MarginalGolden)
{
    // 100,000 x 2% + 20,000 x 3% + 30,000 x 4% = 2,000 + 600 + 1,200.
    EXPECT_DOUBLE_EQ(bonus(150000, kThresholds, kRates), 3800);
}

TEST(TieredBonus, WholeGolden)
{
    EXPECT_DOUBLE_EQ(bonus(150000, kThresholds, kRates, opts(kWhole)), 6000);
}

TEST(TieredBonus, MarginalWithCapGolden)
{
    EXPECT_DOUBLE_EQ(bonus(150000, kThresholds, kRates, opts(kMarginal, 3000)), 3000);
}

TEST(TieredBonus, MarginalWithPriorGolden)
{
    // B(150,000) - B(100,000) = 3,800 - 2,000.
    EXPECT_DOUBLE_EQ(bonus(50000, kThresholds, kRates, opts(kMarginal, 0, 100000)), 1800);
}

TEST(TieredBonus, FixedGolden)
{
    EXPECT_EQ(bonus(150000, kThresholds, nums({500, 1000, 2000}), opts(kFixed)), 2000);
}

TEST(TieredBonus, ForumGolden)
{
    // 100,000 x 5% + 25,000 x 7.5% + 5,000 x 12.5% = 5,000 + 1,875 + 625.
    EXPECT_DOUBLE_EQ(bonus(130000, nums({0, 100000, 125000}), nums({0.05, 0.075, 0.125})), 7500);
}

// --- tier boundaries ------------------------------------------------------------------------

TEST(TieredBonus, BelowTheFirstThresholdEarnsNothing)
{
    const Block t = nums({1000, 2000}), r = nums({0.1, 0.2});
    for (BonusMode m : kAllModes) {
        EXPECT_EQ(bonus(500, t, r, opts(m)), 0) << static_cast<int>(m);
        EXPECT_EQ(bonus(-500, t, r, opts(m)), 0) << static_cast<int>(m);
    }
}

TEST(TieredBonus, AThresholdIsReachedWhenMet)
{
    EXPECT_DOUBLE_EQ(bonus(100000, kThresholds, kRates), 2000);
    EXPECT_DOUBLE_EQ(bonus(100000, kThresholds, kRates, opts(kWhole)), 3000);
    EXPECT_EQ(bonus(120000, kThresholds, nums({500, 1000, 2000}), opts(kFixed)), 2000);
    EXPECT_EQ(bonus(119999.99, kThresholds, nums({500, 1000, 2000}), opts(kFixed)), 1000);
    // Marginal: exactly at the first threshold nothing has been earned yet.
    EXPECT_EQ(bonus(1000, nums({1000, 2000}), nums({0.1, 0.2})), 0);
    // Fixed: the lump of the first tier is paid at its threshold.
    EXPECT_EQ(bonus(1000, nums({1000, 2000}), nums({300, 600}), opts(kFixed)), 300);
}

TEST(TieredBonus, OneTier)
{
    const Block t = nums({0}), r = nums({0.1});
    EXPECT_DOUBLE_EQ(bonus(1000, t, r), 100);
    EXPECT_DOUBLE_EQ(bonus(1000, t, r, opts(kWhole)), 100);
    EXPECT_DOUBLE_EQ(bonus(1000, t, r, opts(kFixed)), 0.1);
}

TEST(TieredBonus, NegativeRatesDecelerate)
{
    // 100 x 10% - 100 x 5%.
    EXPECT_DOUBLE_EQ(bonus(200, nums({0, 100}), nums({0.1, -0.05})), 5);
    EXPECT_DOUBLE_EQ(bonus(200, nums({0, 100}), nums({0.1, -0.05}), opts(kWhole)), -10);
}

TEST(TieredBonus, NegativeThresholds)
{
    // Marginal from -100: 50 x 10%.
    EXPECT_DOUBLE_EQ(bonus(-50, nums({-100, 0}), nums({0.1, 0.2})), 5);
    EXPECT_DOUBLE_EQ(bonus(-50, nums({-100, 0}), nums({0.1, 0.2}), opts(kWhole)), -5);
}

TEST(TieredBonus, TableAcrossARow)
{
    EXPECT_DOUBLE_EQ(bonus(150000, row({N(0), N(100000), N(120000)}), row({N(0.02), N(0.03), N(0.04)})), 3800);
    // Thresholds in a row, rates in a column: only the reading order counts.
    EXPECT_DOUBLE_EQ(bonus(150000, row({N(0), N(100000), N(120000)}), kRates), 3800);
}

// --- the tier table ------------------------------------------------------------------------

TEST(TieredBonus, TrailingBlankRowsAreSpareRows)
{
    EXPECT_DOUBLE_EQ(bonus(150000, col({N(0), N(100000), N(120000), B, B}), col({N(0.02), N(0.03), N(0.04), B, B})),
                     3800);
    // Spare rows in one column only.
    EXPECT_DOUBLE_EQ(bonus(150000, col({N(0), N(100000), N(120000), B}), kRates), 3800);
    EXPECT_DOUBLE_EQ(bonus(150000, kThresholds, col({N(0.02), N(0.03), N(0.04), B, B, B})), 3800);
}

TEST(TieredBonus, AHoleInsideTheTableIsInvalid)
{
    EXPECT_EQ(bonusError(150000, col({N(0), B, N(120000)}), kRates), Error::InvalidArgument);
    EXPECT_EQ(bonusError(150000, kThresholds, col({N(0.02), B, N(0.04)})), Error::InvalidArgument);
    EXPECT_EQ(bonusError(150000, col({B, N(100000), N(120000)}), kRates), Error::InvalidArgument);
    // A hole before spare rows.
    EXPECT_EQ(bonusError(150000, col({N(0), B, N(120000), B}), col({N(0.02), N(0.03), N(0.04), B})),
              Error::InvalidArgument);
}

TEST(TieredBonus, CountMismatchIsInvalid)
{
    EXPECT_EQ(bonusError(150000, kThresholds, nums({0.02, 0.03})), Error::InvalidArgument);
    EXPECT_EQ(bonusError(150000, nums({0, 100000}), kRates), Error::InvalidArgument);
}

TEST(TieredBonus, EmptyTableIsInvalid)
{
    EXPECT_EQ(bonusError(150000, empty(), empty()), Error::InvalidArgument);
    EXPECT_EQ(bonusError(150000, col({B, B}), col({B, B})), Error::InvalidArgument);
}

TEST(TieredBonus, UnsortedOrDuplicateThresholdsAreInvalid)
{
    EXPECT_EQ(bonusError(150000, nums({0, 120000, 100000}), kRates), Error::InvalidArgument);
    EXPECT_EQ(bonusError(150000, nums({0, 100000, 100000}), kRates), Error::InvalidArgument);
    EXPECT_EQ(bonusError(150000, nums({0, kNaN, 100000}), kRates), Error::InvalidArgument);
}

TEST(TieredBonus, TextInTheTableIsAValueError)
{
    EXPECT_EQ(bonusError(150000, col({N(0), T, N(120000)}), kRates), Error::Value);
    EXPECT_EQ(bonusError(150000, kThresholds, col({N(0.02), N(0.03), T})), Error::Value);
}

TEST(TieredBonus, FirstOffendingTierDecides)
{
    // Tier 2 is out of order before tier 3 is text, and the other way round.
    EXPECT_EQ(bonusError(150000, col({N(0), N(-1), T}), kRates), Error::InvalidArgument);
    EXPECT_EQ(bonusError(150000, col({N(0), T, N(-1)}), kRates), Error::Value);
    EXPECT_EQ(bonusError(150000, col({N(0), B, T}), kRates), Error::InvalidArgument);
}

// --- cap ------------------------------------------------------------------------------------

TEST(TieredBonus, CapZeroMeansNoCap)
{
    EXPECT_DOUBLE_EQ(bonus(150000, kThresholds, kRates, opts(kMarginal, 0)), 3800);
}

TEST(TieredBonus, CapAboveTheBonusChangesNothing)
{
    EXPECT_DOUBLE_EQ(bonus(150000, kThresholds, kRates, opts(kMarginal, 5000)), 3800);
    EXPECT_DOUBLE_EQ(bonus(150000, kThresholds, kRates, opts(kWhole, 5000)), 5000);
    EXPECT_EQ(bonus(150000, kThresholds, nums({500, 1000, 2000}), opts(kFixed, 1500)), 1500);
}

TEST(TieredBonus, NegativeCapIsInvalid)
{
    EXPECT_EQ(bonusError(150000, kThresholds, kRates, opts(kMarginal, -1)), Error::InvalidArgument);
    EXPECT_EQ(bonusError(150000, kThresholds, kRates, opts(kMarginal, -kDenormMin)), Error::InvalidArgument);
}

TEST(TieredBonus, CapIsCheckedBeforeTheTable)
{
    EXPECT_EQ(bonusError(150000, col({T}), col({N(1), N(2)}), opts(kMarginal, -1)), Error::InvalidArgument);
}

TEST(TieredBonus, CapDoesNotLiftANegativeBonus)
{
    EXPECT_DOUBLE_EQ(bonus(200, nums({0, 100}), nums({0.1, -0.05}), opts(kWhole, 3)), -10);
}

// --- prior (year to date) -------------------------------------------------------------------

TEST(TieredBonus, PriorAppliesTheCapToBothCumulativeBonuses)
{
    // min(B(200,000), 3,000) - min(B(100,000), 3,000) = 3,000 - 2,000; B(200,000) is 5,800.
    EXPECT_DOUBLE_EQ(bonus(100000, kThresholds, kRates, opts(kMarginal, 3000, 100000)), 1000);
    // Already over the cap: nothing more.
    EXPECT_DOUBLE_EQ(bonus(10000, kThresholds, kRates, opts(kMarginal, 3000, 150000)), 0);
}

TEST(TieredBonus, NegativeAmountWithPriorIsAClawBack)
{
    // B(100,000) - B(150,000) = 2,000 - 3,800.
    EXPECT_DOUBLE_EQ(bonus(-50000, kThresholds, kRates, opts(kMarginal, 0, 150000)), -1800);
    // Whole: a return that drops the year below 120,000 takes back the accelerator on everything.
    EXPECT_DOUBLE_EQ(bonus(-50000, kThresholds, kRates, opts(kWhole, 0, 150000)), 3000 - 6000);
}

TEST(TieredBonus, PriorWithWholeAndFixed)
{
    // Whole: B(150,000) - B(100,000) = 6,000 - 3,000.
    EXPECT_DOUBLE_EQ(bonus(50000, kThresholds, kRates, opts(kWhole, 0, 100000)), 3000);
    // Fixed: 2,000 - 1,000.
    EXPECT_EQ(bonus(50000, kThresholds, nums({500, 1000, 2000}), opts(kFixed, 0, 100000)), 1000);
}

// --- extreme numbers --------------------------------------------------------------------------

TEST(TieredBonus, NonFiniteInputsAreNotAResult)
{
    EXPECT_EQ(bonusError(kInf, kThresholds, kRates), Error::Overflow);
    EXPECT_EQ(bonusError(kNaN, kThresholds, kRates), Error::Overflow);
    EXPECT_EQ(bonusError(1, kThresholds, kRates, opts(kMarginal, 0, kInf)), Error::Overflow);
    EXPECT_EQ(bonusError(1, kThresholds, kRates, opts(kMarginal, kNaN)), Error::Overflow);
    EXPECT_EQ(bonusError(150000, kThresholds, nums({0.02, 0.03, kInf})), Error::Overflow);
    EXPECT_EQ(bonusError(1, nums({kInf}), nums({0.1}), opts(kWhole)), Error::None);  // inf is never reached: 0
}

TEST(TieredBonus, OverflowIsNotAResult)
{
    EXPECT_EQ(bonusError(1e308, nums({0}), nums({2}), opts(kWhole)), Error::Overflow);
    EXPECT_EQ(bonusError(1e308, nums({-1e308}), nums({1})), Error::Overflow);
    EXPECT_EQ(bonusError(kMax, nums({0}), nums({2}), opts(kWhole, 0, kMax)), Error::Overflow);  // 2 * 2kMax - 2 * kMax
}

TEST(TieredBonus, TermsPastTheRangeOfADoubleAreNotAResult)
{
    // A tier of -1.68E210 per unit from -2.46E260: both cumulative bonuses are about -4E470,
    // and the 4E41 between them (20,000 at 2E37 from 100,000 to 120,000) is far below what
    // such terms carry; the difference came out 0. A figure whose arithmetic cannot be
    // carried in a double's range is #NUM!, not a plausible 0.
    const Block thresholds = nums({-2.4600631144627242e+260, 5.562684646275464e-304, 120000});
    const Block rates = nums({-1.6832434884954796e+210, 1.999159222448441e+37, 2.0606856e-317});
    EXPECT_EQ(bonusError(100000, thresholds, rates, opts(kMarginal, 3000, 100000)), Error::Overflow);
    EXPECT_EQ(bonusError(100000, thresholds, rates, opts(kMarginal, 0, 100000)), Error::Overflow);
    // a first slice of 1E330 in both cumulative bonuses: 5 between them came out 0
    EXPECT_EQ(bonusError(5, nums({-1e300, 0}), nums({1e30, 1}), opts(kMarginal, 0, 10)), Error::Overflow);
}

TEST(TieredBonus, HugeButFinite)
{
    EXPECT_DOUBLE_EQ(bonus(1e15, kThresholds, kRates), 2000 + 600 + 0.04 * (1e15 - 120000));
    EXPECT_DOUBLE_EQ(bonus(1e308, kThresholds, kRates, opts(kWhole)), 4e306);
    // prior + amount is past the largest double, the bonus is not: 4% of the second 1E308.
    EXPECT_DOUBLE_EQ(bonus(1e308, kThresholds, kRates, opts(kMarginal, 0, 1e308)), 4e306);
    // Capped, the overflowing cumulative amount is harmless: cap - cap.
    EXPECT_EQ(bonus(1e308, kThresholds, kRates, opts(kMarginal, 3000, 1e308)), 0);
}

TEST(TieredBonus, TinyAmounts)
{
    EXPECT_DOUBLE_EQ(bonus(1e-300, nums({0}), nums({0.5})), 5e-301);
    EXPECT_EQ(bonus(kDenormMin, nums({0}), nums({0.5})), 0);  // underflows to 0
    EXPECT_EQ(bonus(kDenormMin, nums({0}), nums({500}), opts(kFixed)), 500);
}

// --- properties -------------------------------------------------------------------------------

struct Table {
    std::vector<Cell> thresholds, rates;
    Grid t() const { return Grid(thresholds.data(), thresholds.size(), 1); }
    Grid r() const { return Grid(rates.data(), rates.size(), 1); }
};

// Strictly ascending whole thresholds, rates in eighths (so that marginal,
// whole and fixed arithmetic on whole amounts is exact in binary).
Table randomTable(std::mt19937_64& rng, bool nonNegativeRates, bool ascendingRates, bool nonNegativeThresholds)
{
    Table tab;
    const std::size_t tiers = 1 + rng() % 6;
    double threshold = nonNegativeThresholds ? static_cast<double>(rng() % 100) : -static_cast<double>(rng() % 1000);
    std::vector<double> rates;
    for (std::size_t i = 0; i < tiers; ++i) {
        tab.thresholds.push_back(N(threshold));
        threshold += static_cast<double>(1 + rng() % 500);
        const double eighths = static_cast<double>(rng() % 24) - (nonNegativeRates ? 0.0 : 8.0);
        rates.push_back(eighths / 8.0);
    }
    if (ascendingRates)
        std::sort(rates.begin(), rates.end());
    for (double r : rates)
        tab.rates.push_back(N(r));
    return tab;
}

// Non-negative rates: marginal never pays less for more, whatever the thresholds.
// Whole and fixed only when the rates rise with the tiers (and amounts and
// thresholds are not negative): a lower rate at a higher tier is a drop by design.
TEST(TieredBonusProperty, MonotoneInAmount)
{
    std::mt19937_64 rng(150000);
    for (int iteration = 0; iteration < 3000; ++iteration) {
        const BonusMode mode = kAllModes[iteration % 3];
        const bool marginal = mode == kMarginal;
        const Table tab = randomTable(rng, true, !marginal, !marginal);
        const double cap = rng() % 3 == 0 ? static_cast<double>(rng() % 500) : 0.0;
        std::vector<double> amounts;
        for (int k = 0; k < 40; ++k)
            amounts.push_back(marginal ? static_cast<double>(rng() % 4000) - 1500.0 : static_cast<double>(rng() % 3000));
        std::sort(amounts.begin(), amounts.end());
        double previous = -kInf;
        for (double a : amounts) {
            const Number b = tieredBonus(a, tab.t(), tab.r(), opts(mode, cap));
            ASSERT_TRUE(b.ok());
            ASSERT_GE(b.value, previous) << "mode " << static_cast<int>(mode) << " amount " << a;
            if (cap > 0) {
                ASSERT_LE(b.value, cap);
            }
            previous = b.value;
        }
    }
}

// The same with random real amounts around every threshold, marginal only.
TEST(TieredBonusProperty, MarginalMonotoneAcrossThresholds)
{
    std::mt19937_64 rng(3800);
    std::uniform_real_distribution<double> near(-1.0, 1.0);
    for (int iteration = 0; iteration < 1000; ++iteration) {
        const Table tab = randomTable(rng, true, false, false);
        std::vector<double> amounts;
        for (const Cell& t : tab.thresholds)
            for (int k = 0; k < 10; ++k)
                amounts.push_back(t.number + near(rng) * std::pow(10.0, -static_cast<double>(rng() % 12)));
        std::sort(amounts.begin(), amounts.end());
        double previous = -kInf;
        for (double a : amounts) {
            const Number b = tieredBonus(a, tab.t(), tab.r(), opts());
            ASSERT_TRUE(b.ok());
            ASSERT_GE(b.value, previous) << "amount " << a;
            previous = b.value;
        }
    }
}

// Year to date: bonus(prior = p, amount = a) + bonus(prior = 0, amount = p) ==
// bonus(prior = 0, amount = p + a), in every mode, with and without a cap, any
// signs of rates and amounts. Whole amounts and rates in eighths keep it exact.
TEST(TieredBonusProperty, PriorPlusAmountIsConsistent)
{
    std::mt19937_64 rng(100000);
    for (int iteration = 0; iteration < 6000; ++iteration) {
        const BonusMode mode = kAllModes[iteration % 3];
        const Table tab = randomTable(rng, rng() % 2 == 0, false, rng() % 2 == 0);
        const double cap = iteration % 2 ? 0.0 : static_cast<double>(1 + rng() % 400);
        const double p = static_cast<double>(rng() % 4000) - 1000.0;
        const double a = static_cast<double>(rng() % 4000) - 2000.0;
        const Number withPrior = tieredBonus(a, tab.t(), tab.r(), opts(mode, cap, p));
        const Number upToPrior = tieredBonus(p, tab.t(), tab.r(), opts(mode, cap, 0.0));
        const Number upToTotal = tieredBonus(p + a, tab.t(), tab.r(), opts(mode, cap, 0.0));
        ASSERT_TRUE(withPrior.ok() && upToPrior.ok() && upToTotal.ok());
        ASSERT_EQ(withPrior.value + upToPrior.value, upToTotal.value)
            << "mode " << static_cast<int>(mode) << " cap " << cap << " prior " << p << " amount " << a;
    }
}

// A year paid month by month with a year-to-date prior adds up to the bonus
// of the year's total (the prior of January is 0).
TEST(TieredBonusProperty, MonthlyIncrementsAddUpToTheYear)
{
    std::mt19937_64 rng(12);
    for (int iteration = 0; iteration < 2000; ++iteration) {
        const BonusMode mode = kAllModes[iteration % 3];
        const Table tab = randomTable(rng, rng() % 2 == 0, false, true);
        const double cap = iteration % 2 ? 0.0 : static_cast<double>(1 + rng() % 400);
        double ytd = 0, paid = 0;
        for (int month = 0; month < 12; ++month) {
            const double sales = static_cast<double>(rng() % 300) - 50.0;  // returns too
            const Number b = tieredBonus(sales, tab.t(), tab.r(), opts(mode, cap, ytd));
            ASSERT_TRUE(b.ok());
            paid += b.value;
            ytd += sales;
        }
        // bonus(prior 0, ytd) = B(ytd) - B(0); the year's payments are that too.
        const Number year = tieredBonus(ytd, tab.t(), tab.r(), opts(mode, cap, 0.0));
        ASSERT_TRUE(year.ok());
        ASSERT_EQ(paid, year.value) << "mode " << static_cast<int>(mode);
    }
}

// Without a prior the result is B(amount); with prior 0 it is B(amount) - B(0).
TEST(TieredBonusProperty, OmittedPriorAndZeroPriorDifferByTheBonusOfZero)
{
    std::mt19937_64 rng(0);
    for (int iteration = 0; iteration < 2000; ++iteration) {
        const BonusMode mode = kAllModes[iteration % 3];
        const Table tab = randomTable(rng, rng() % 2 == 0, false, rng() % 2 == 0);
        const double a = static_cast<double>(rng() % 4000) - 1000.0;
        const Number alone = tieredBonus(a, tab.t(), tab.r(), opts(mode));
        const Number zeroPrior = tieredBonus(a, tab.t(), tab.r(), opts(mode, 0, 0.0));
        const Number ofZero = tieredBonus(0, tab.t(), tab.r(), opts(mode));
        ASSERT_TRUE(alone.ok() && zeroPrior.ok() && ofZero.ok());
        ASSERT_EQ(alone.value - ofZero.value, zeroPrior.value);
    }
}

} // namespace
} // namespace dealerkpi
