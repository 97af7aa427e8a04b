// Bugs found in use, each pinned by the case that showed it.
#include "core/dealerkpi.hpp"

#include <gtest/gtest.h>

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

} // namespace
} // namespace dealerkpi
