// WORKSHOP_EFFICIENCY(sold_hours; worked_hours; available_hours; [measure]).
#include "cells.hxx"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace dealerkpi {
namespace {
using namespace test;

constexpr Measure kProductivity = Measure::Productivity;
constexpr Measure kEfficiency = Measure::Efficiency;
constexpr Measure kOverall = Measure::Overall;

// --- golden: 售后部门员工目标分解 in seed 004 -----------------------------------------------

struct Trade {
    const char* name;
    double sold, worked, available;
    double productivity, efficiency, overall;  // worked by hand
    std::int64_t shownProductivity, shownEfficiency, shownOverall;  // to 4 decimals, x 10^4
};

void PrintTo(const Trade& t, std::ostream* os) { *os << t.name; }

class SeedTrade : public ::testing::TestWithParam<Trade> {};

TEST_P(SeedTrade, EachMeasure)
{
    const Trade& t = GetParam();
    const Cell s = N(t.sold), w = N(t.worked), a = N(t.available);
    const Number p = workshopEfficiency(Grid(s), Grid(w), Grid(a), kProductivity);
    const Number e = workshopEfficiency(Grid(s), Grid(w), Grid(a), kEfficiency);
    const Number o = workshopEfficiency(Grid(s), Grid(w), Grid(a), kOverall);
    ASSERT_TRUE(p.ok() && e.ok() && o.ok());
    EXPECT_DOUBLE_EQ(p.value, t.productivity);
    EXPECT_DOUBLE_EQ(e.value, t.efficiency);
    EXPECT_DOUBLE_EQ(o.value, t.overall);
    EXPECT_EQ(shown(p.value, 4), t.shownProductivity);
    EXPECT_EQ(shown(e.value, 4), t.shownEfficiency);
    EXPECT_EQ(shown(o.value, 4), t.shownOverall);
}

INSTANTIATE_TEST_SUITE_P(
    Seed004, SeedTrade,
    ::testing::Values(
        Trade{"Mechanical", 8775, 9000, 12000, 0.75, 0.975, 0.73125, 7500, 9750, 7313},
        Trade{"Bodywork", 3500, 5000, 6000, 5.0 / 6.0, 0.7, 7.0 / 12.0, 8333, 7000, 5833},
        Trade{"Paint", 3000, 5000, 8000, 0.625, 0.6, 0.375, 6250, 6000, 3750}),
    [](const ::testing::TestParamInfo<Trade>& i) { return std::string(i.param.name); });

// The three trades pooled: 15,275 / 19,000 / 26,000 hours.
const Block kSold = nums({8775, 3500, 3000});
const Block kWorked = nums({9000, 5000, 5000});
const Block kAvailable = nums({12000, 6000, 8000});

TEST(WorkshopEfficiency, PooledOverTheThreeTrades)
{
    const Number p = workshopEfficiency(kSold, kWorked, kAvailable, kProductivity);
    const Number e = workshopEfficiency(kSold, kWorked, kAvailable, kEfficiency);
    const Number o = workshopEfficiency(kSold, kWorked, kAvailable, kOverall);
    ASSERT_TRUE(p.ok() && e.ok() && o.ok());
    EXPECT_DOUBLE_EQ(p.value, 19000.0 / 26000.0);
    EXPECT_DOUBLE_EQ(e.value, 15275.0 / 19000.0);
    EXPECT_DOUBLE_EQ(o.value, 0.5875);
    EXPECT_EQ(shown(p.value, 4), 7308);
    EXPECT_EQ(shown(e.value, 4), 8039);
    EXPECT_EQ(shown(o.value, 4), 5875);
}

TEST(WorkshopEfficiency, PooledIsNotTheMeanOfTheTrades)
{
    // (0.73125 + 0.5833 + 0.375) / 3 = 0.5632, not 0.5875.
    EXPECT_NE(shown(workshopEfficiency(kSold, kWorked, kAvailable, kOverall).value, 4), 5632);
}

TEST(WorkshopEfficiency, TradesAcrossARow)
{
    const Block s = row({N(8775), N(3500), N(3000)}), w = row({N(9000), N(5000), N(5000)}),
                a = row({N(12000), N(6000), N(8000)});
    EXPECT_DOUBLE_EQ(workshopEfficiency(s, w, a, kOverall).value, 0.5875);
}

// --- only the two operands of the measure ---------------------------------------------------

TEST(WorkshopEfficiency, EveryHoursArgumentIsChecked)
{
    // The measure divides two of the three ranges; a typo, negative hours or
    // another shape in the third is still a wrong input, not ignored.
    EXPECT_EQ(workshopEfficiency(kSold, kWorked, col({T, N(1), N(1)}), kEfficiency).error, Error::Value);
    EXPECT_EQ(workshopEfficiency(col({T, N(1), N(1)}), kWorked, kAvailable, kProductivity).error, Error::Value);
    EXPECT_EQ(workshopEfficiency(kSold, col({N(1), T, N(1)}), kAvailable, kOverall).error, Error::Value);
    EXPECT_EQ(workshopEfficiency(kSold, kWorked, nums({12000, -1, 8000}), kEfficiency).error, Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(nums({-1, 3500, 3000}), kWorked, kAvailable, kProductivity).error,
              Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(kSold, nums({9000, -5000, 5000}), kAvailable, kOverall).error, Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(kSold, nums({9000, 5000}), kAvailable, kOverall).error, Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(kSold, kWorked, row({N(12000), N(6000), N(8000)}), kEfficiency).error,
              Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(nums({8775}), kWorked, kAvailable, kProductivity).error, Error::InvalidArgument);
    // Blank cells in the third range are fine.
    EXPECT_DOUBLE_EQ(workshopEfficiency(kSold, kWorked, col({B, B, B}), kEfficiency).value, 15275.0 / 19000.0);
    EXPECT_DOUBLE_EQ(workshopEfficiency(col({B, B, B}), kWorked, kAvailable, kProductivity).value, 19000.0 / 26000.0);
}

TEST(WorkshopEfficiency, ShapesMustMatch)
{
    EXPECT_EQ(workshopEfficiency(kSold, kWorked, nums({1, 2}), kOverall).error, Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(kSold, row({N(9000), N(5000), N(5000)}), kAvailable, kEfficiency).error,
              Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(kSold, nums({1, 2}), kAvailable, kProductivity).error, Error::InvalidArgument);
}

TEST(WorkshopEfficiency, EmptyOperandsAreInvalid)
{
    EXPECT_EQ(workshopEfficiency(empty(), empty(), empty(), kOverall).error, Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(kSold, empty(), empty(), kProductivity).error, Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(kSold, kWorked, empty(), kEfficiency).error, Error::InvalidArgument);
}

// --- blanks, text, signs --------------------------------------------------------------------

TEST(WorkshopEfficiency, RowsWithABlankOperandAreSkipped)
{
    // Row 2 has no sold hours: efficiency is 8,775 / 9,000; productivity keeps row 2.
    const Block w = nums({9000, 5000}), a = nums({12000, 6000});
    const Block sold = col({N(8775), B}), worked = col({N(9000), N(5000)});
    EXPECT_DOUBLE_EQ(workshopEfficiency(sold, worked, a, kEfficiency).value, 0.975);
    EXPECT_DOUBLE_EQ(workshopEfficiency(sold, worked, a, kProductivity).value, 14000.0 / 18000.0);
    EXPECT_DOUBLE_EQ(workshopEfficiency(col({N(8775), N(3500)}), w, col({N(12000), B}), kOverall).value, 0.73125);
}

TEST(WorkshopEfficiency, TextIsAValueError)
{
    EXPECT_EQ(workshopEfficiency(col({N(1), T}), col({N(1), N(1)}), col({N(1), N(1)}), kOverall).error, Error::Value);
    EXPECT_EQ(workshopEfficiency(col({N(1), N(1)}), col({N(1), T}), col({N(1), N(1)}), kEfficiency).error,
              Error::Value);
    // Even opposite a blank: a blank row is skipped, a typo is reported.
    EXPECT_EQ(workshopEfficiency(col({N(1), T}), col({N(1), N(1)}), col({N(1), B}), kOverall).error, Error::Value);
}

TEST(WorkshopEfficiency, NegativeHoursAreInvalid)
{
    EXPECT_EQ(workshopEfficiency(col({N(-1)}), col({N(1)}), col({N(1)}), kOverall).error, Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(col({N(1)}), col({N(-1)}), col({N(1)}), kProductivity).error,
              Error::InvalidArgument);
    EXPECT_EQ(workshopEfficiency(col({N(1)}), col({N(1)}), col({N(-1)}), kProductivity).error,
              Error::InvalidArgument);
}

TEST(WorkshopEfficiency, FirstOffendingRowInReadingOrderDecides)
{
    EXPECT_EQ(workshopEfficiency(col({T, N(-1)}), col({N(1), N(1)}), col({N(1), N(1)}), kOverall).error, Error::Value);
    EXPECT_EQ(workshopEfficiency(col({N(-1), T}), col({N(1), N(1)}), col({N(1), N(1)}), kOverall).error,
              Error::InvalidArgument);
}

TEST(WorkshopEfficiency, ZeroDenominatorIsDivisionByZero)
{
    EXPECT_EQ(workshopEfficiency(col({N(5)}), col({N(0)}), col({N(0)}), kEfficiency).error, Error::DivisionByZero);
    EXPECT_EQ(workshopEfficiency(col({N(0)}), col({N(0)}), col({N(0)}), kOverall).error, Error::DivisionByZero);
    EXPECT_EQ(workshopEfficiency(col({B, B}), col({B, B}), col({B, B}), kProductivity).error, Error::DivisionByZero);
}

TEST(WorkshopEfficiency, NothingSoldIsZero)
{
    const Number o = workshopEfficiency(col({N(0)}), col({N(10)}), col({N(10)}), kOverall);
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(o.value, 0.0);
}

TEST(WorkshopEfficiency, AboveOneIsAllowed)
{
    // Flat-rate jobs beaten: 12 sold hours in 8 worked.
    EXPECT_EQ(workshopEfficiency(col({N(12)}), col({N(8)}), col({N(10)}), kEfficiency).value, 1.5);
}

TEST(WorkshopEfficiency, TwoDimensionalBlocksPool)
{
    const Block s = block(2, 2, {N(1), N(2), N(3), N(4)}), a = block(2, 2, {N(4), N(4), N(4), N(8)});
    EXPECT_EQ(workshopEfficiency(s, block(2, 2, {B, B, B, B}), a, kOverall).value, 0.5);
}

// --- extreme numbers --------------------------------------------------------------------------

TEST(WorkshopEfficiency, OverflowIsNotAResult)
{
    // The sums overflow a double, the ratio does not: (1e308 + 1e308) / 2.
    EXPECT_EQ(workshopEfficiency(col({N(1e308), N(1e308)}), col({B, B}), col({N(1), N(1)}), kOverall).value, 1e308);
    EXPECT_EQ(workshopEfficiency(col({N(1e308), N(1e308)}), col({B, B}), col({N(1e308), N(1e308)}), kOverall).value,
              1.0);
    EXPECT_EQ(workshopEfficiency(col({N(1e308)}), col({B}), col({N(1e-308)}), kOverall).error, Error::Overflow);
    EXPECT_EQ(workshopEfficiency(col({N(kMax), N(kMax)}), col({B, B}), col({N(1), N(0.5)}), kOverall).error,
              Error::Overflow);
    EXPECT_EQ(workshopEfficiency(col({N(kInf)}), col({B}), col({N(1)}), kOverall).error, Error::Overflow);
    EXPECT_EQ(workshopEfficiency(col({N(kNaN)}), col({B}), col({N(1)}), kOverall).error, Error::Overflow);
}

TEST(WorkshopEfficiency, HugeAndTinyButFinite)
{
    EXPECT_EQ(workshopEfficiency(col({N(1e15)}), col({B}), col({N(4e15)}), kOverall).value, 0.25);
    EXPECT_EQ(workshopEfficiency(col({N(1e308)}), col({B}), col({N(1e308)}), kOverall).value, 1.0);
    EXPECT_EQ(workshopEfficiency(col({N(kDenormMin)}), col({B}), col({N(kDenormMin)}), kOverall).value, 1.0);
    EXPECT_EQ(workshopEfficiency(col({N(kDenormMin)}), col({B}), col({N(1e300)}), kOverall).value, 0.0);
}

// --- properties -------------------------------------------------------------------------------

// Pooled sums over the rows where both operands are numbers; whole hours keep
// the sums exact. Overall = productivity x efficiency when no row is skipped.
TEST(WorkshopEfficiencyProperty, PooledSumsAndOverallIsProductivityTimesEfficiency)
{
    std::mt19937_64 rng(15275);
    for (int iteration = 0; iteration < 2000; ++iteration) {
        const std::size_t n = 1 + rng() % 12;
        std::vector<Cell> s(n), w(n), a(n);
        double ss = 0, wa = 0, sa = 0, aa = 0;
        bool blanks = false;
        for (std::size_t i = 0; i < n; ++i) {
            const double vs = static_cast<double>(rng() % 1000), vw = static_cast<double>(1 + rng() % 1000),
                         va = static_cast<double>(1 + rng() % 1500);
            const bool blankS = rng() % 6 == 0, blankA = rng() % 6 == 0;
            blanks = blanks || blankS || blankA;
            s[i] = blankS ? B : N(vs);
            w[i] = N(vw);
            a[i] = blankA ? B : N(va);
            if (!blankS && !blankA) {
                ss += vs;
                aa += va;
            }
            if (!blankA) {
                wa += vw;
                sa += va;
            }
        }
        const Grid gs(s.data(), n, 1), gw(w.data(), n, 1), ga(a.data(), n, 1);
        const Number overall = workshopEfficiency(gs, gw, ga, kOverall);
        const Number productivity = workshopEfficiency(gs, gw, ga, kProductivity);
        if (aa == 0) {
            EXPECT_EQ(overall.error, Error::DivisionByZero);
        } else {
            ASSERT_TRUE(overall.ok());
            EXPECT_EQ(overall.value, ss / aa);
        }
        if (sa == 0) {
            EXPECT_EQ(productivity.error, Error::DivisionByZero);
        } else {
            ASSERT_TRUE(productivity.ok());
            EXPECT_EQ(productivity.value, wa / sa);
        }
        if (!blanks) {
            const Number efficiency = workshopEfficiency(gs, gw, ga, kEfficiency);
            ASSERT_TRUE(efficiency.ok());
            EXPECT_NEAR(overall.value, productivity.value * efficiency.value, 1e-15 * (1 + overall.value));
        }
    }
}

} // namespace
} // namespace dealerkpi
