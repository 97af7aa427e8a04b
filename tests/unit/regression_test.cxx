// Bugs found in use, each pinned by the case that showed it.
#include "core/dealerkpi.hxx"

#include <gtest/gtest.h>

#include <vector>

namespace dealerkpi {
namespace {

// A prior of 0 is a given prior, not "no prior": the result is
// bonus(0 + amount) - bonus(0). With a lump-sum tier at 0 the month after a
// year-to-date total of 0 must not pay that lump again, so that a year's
// monthly increments add up to the bonus of the year's total.
TEST(Regression, ZeroPriorIsAPrior)
{
    const Cell thresholds[] = {Cell::of(0), Cell::of(100)};
    const Cell lumps[] = {Cell::of(500), Cell::of(2000)};
    const Grid t(thresholds, 2, 1), r(lumps, 2, 1);
    BonusOptions fixedYtd;
    fixedYtd.mode = BonusMode::Fixed;
    fixedYtd.prior = 0.0;

    // Omitted prior: the bonus of the amount itself.
    BonusOptions fixedAlone;
    fixedAlone.mode = BonusMode::Fixed;
    EXPECT_EQ(tieredBonus(0, t, r, fixedAlone).value, 500);

    // Months of 0, 0, 150 credited year to date: 0 + 0 + (2000 - 500).
    EXPECT_EQ(tieredBonus(0, t, r, fixedYtd).value, 0);
    EXPECT_EQ(tieredBonus(0, t, r, fixedYtd).value, 0);
    EXPECT_EQ(tieredBonus(150, t, r, fixedYtd).value, 1500);
}

// Rounding "as the user reads it" treated anything within 1e-14 (relative) of
// a half as a half. From 5e13 units up that tolerance is half a unit or more,
// so every whole number counted as a half and rounded up: TARGET_SPLIT(1e15;
// {1;1;1}) gave parts summing to 1e15 + 1, TARGET_SPLIT(1e8; {1;1}; 6) split
// 100000000.000001. Binary noise is now never taken to be a quarter unit or
// more, and doubles from 2^52 up (all whole) are left as they are.
TEST(Regression, LargeWholeTotalsAreNotRoundedUp)
{
    const Cell ones[] = {Cell::of(1), Cell::of(1), Cell::of(1)};
    std::vector<double> parts;
    ASSERT_EQ(targetSplit(1e15, Grid(ones, 3, 1), 0, parts), Error::None);
    EXPECT_EQ(parts, (std::vector<double>{333333333333334, 333333333333333, 333333333333333}));
    ASSERT_EQ(targetSplit(1e8, Grid(ones, 2, 1), 6, parts), Error::None);
    EXPECT_EQ(parts, (std::vector<double>{50000000, 50000000}));
    ASSERT_EQ(targetSplit(4503599627370496.0, Grid(ones, 1, 1), 0, parts), Error::None);  // 2^52
    EXPECT_EQ(parts, (std::vector<double>{4503599627370496.0}));
    ASSERT_EQ(targetSplit(1e20, Grid(ones, 2, 1), -6, parts), Error::None);
    EXPECT_EQ(parts, (std::vector<double>{5e19, 5e19}));
    // A real half still rounds away from zero, and 1.005 is still 1.01.
    ASSERT_EQ(targetSplit(4503599627370495.5, Grid(ones, 1, 1), 0, parts), Error::None);  // 2^52 - 0.5
    EXPECT_EQ(parts, (std::vector<double>{4503599627370496.0}));
    ASSERT_EQ(targetSplit(1.005, Grid(ones, 1, 1), 2, parts), Error::None);
    EXPECT_EQ(parts, (std::vector<double>{1.01}));
}

// The same rounding in FUNNEL_TARGET: "nearest" added one to large whole
// needs, and "up" rounded 1e14 + 0.25 down to 1e14.
TEST(Regression, LargeNeedsRoundAsWritten)
{
    const Cell one = Cell::of(1);
    std::vector<double> needs;
    ASSERT_EQ(funnelTarget(5e13, Grid(one), Rounding::Nearest, needs), Error::None);
    EXPECT_EQ(needs, (std::vector<double>{5e13}));
    ASSERT_EQ(funnelTarget(1e15, Grid(one), Rounding::Nearest, needs), Error::None);
    EXPECT_EQ(needs, (std::vector<double>{1e15}));
    ASSERT_EQ(funnelTarget(1e14 + 0.25, Grid(one), Rounding::Up, needs), Error::None);
    EXPECT_EQ(needs, (std::vector<double>{1e14 + 1}));
    ASSERT_EQ(funnelTarget(1e14 + 0.25, Grid(one), Rounding::Nearest, needs), Error::None);
    EXPECT_EQ(needs, (std::vector<double>{1e14}));
    ASSERT_EQ(funnelTarget(1e14 + 0.5, Grid(one), Rounding::Nearest, needs), Error::None);
    EXPECT_EQ(needs, (std::vector<double>{1e14 + 1}));
    // Binary noise on an ordinary need is still ignored: 21 / 0.7 = 30.000000000000004.
    const Cell rate = Cell::of(0.7);
    ASSERT_EQ(funnelTarget(21, Grid(rate), Rounding::Up, needs), Error::None);
    EXPECT_EQ(needs, (std::vector<double>{30}));
}

} // namespace
} // namespace dealerkpi

namespace dealerkpi {
namespace {

// Text is a typo wherever it stands, even opposite a blank: FUNNEL_RATE skipped
// such a pair as "a period without data" while WORKSHOP_EFFICIENCY reported it.
// Both report it now, so a pasted "1,000" never silently drops a month.
TEST(Regression, TextOppositeABlankIsReported)
{
    const Cell converted[] = {Cell::of(708), Cell::text()};
    const Cell entered[] = {Cell::of(4146), Cell::blank()};
    EXPECT_EQ(funnelRate(Grid(converted, 2, 1), Grid(entered, 2, 1), RateMethod::Pooled).error, Error::Value);
    EXPECT_EQ(funnelRate(Grid(entered, 2, 1), Grid(converted, 2, 1), RateMethod::Mean).error, Error::Value);
}

} // namespace
} // namespace dealerkpi
