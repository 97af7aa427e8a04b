// PAYOUT_CURVE(attainment; points; payouts; [beyond]).
#include "cells.hxx"
#include "oracle/agree.hxx"
#include "oracle/payout_curve.hxx"
#include "core/numeric.hxx"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace dealerkpi {
namespace {
using namespace test;

constexpr Beyond kExtend = Beyond::Extend;
constexpr Beyond kHold = Beyond::Hold;

// The published pay curve: 75% -> 0.5, 100% -> 1, 150% -> 3.
const Block kPoints = nums({0.75, 1, 1.5});
const Block kPayouts = nums({0.5, 1, 3});
// The accelerator/decelerator plan: a jump from 0.25 to 0.5 at 50% of quota.
const Block kPlanPoints = nums({0, 0.5, 0.5, 1, 1.3});
const Block kPlanPayouts = nums({0, 0.25, 0.5, 1, 1.45});

double curve(double x, const Grid& p, const Grid& y, Beyond b = kExtend)
{
    const Number n = payoutCurve(x, p, y, b);
    EXPECT_TRUE(n.ok()) << "attainment " << x << " error " << static_cast<int>(n.error);
    return n.value;
}

Error curveError(double x, const Grid& p, const Grid& y, Beyond b = kExtend) { return payoutCurve(x, p, y, b).error; }

// The nearest attainments that are NOT a point up to binary noise (within 1e-14
// of it relative, they count as the point): just outside that band.
double below(double x) { return x == 0 ? std::nextafter(x, -kInf) : x - std::fabs(x) * 4e-14; }
double above(double x) { return x == 0 ? std::nextafter(x, kInf) : x + std::fabs(x) * 4e-14; }

// --- golden ---------------------------------------------------------------------------------

TEST(PayoutCurve, PublishedPayCurveGolden)
{
    EXPECT_EQ(curve(0.7, kPoints, kPayouts), 0);
    EXPECT_EQ(curve(0.75, kPoints, kPayouts), 0.5);
    EXPECT_DOUBLE_EQ(curve(0.9, kPoints, kPayouts), 0.8);
    EXPECT_EQ(curve(1, kPoints, kPayouts), 1);
    EXPECT_DOUBLE_EQ(curve(1.2, kPoints, kPayouts), 1.8);
    EXPECT_EQ(curve(1.5, kPoints, kPayouts), 3);
    EXPECT_DOUBLE_EQ(curve(1.6, kPoints, kPayouts), 3.4);
    EXPECT_EQ(curve(1.6, kPoints, kPayouts, kHold), 3);
}

TEST(PayoutCurve, AcceleratorPlanGolden)
{
    EXPECT_DOUBLE_EQ(curve(0.4, kPlanPoints, kPlanPayouts), 0.2);
    EXPECT_EQ(curve(0.5, kPlanPoints, kPlanPayouts), 0.5);
    EXPECT_EQ(curve(1.3, kPlanPoints, kPlanPayouts), 1.45);
    // Times the variable pay of 100,000, as the plan states it.
    EXPECT_EQ(std::llround(100000 * curve(0.4, kPlanPoints, kPlanPayouts)), 20000);
    EXPECT_EQ(std::llround(100000 * curve(1.3, kPlanPoints, kPlanPayouts)), 145000);
}

// What a cell with two decimals shows.
TEST(PayoutCurve, GoldenAsDisplayed)
{
    EXPECT_EQ(shown(curve(0.9, kPoints, kPayouts), 2), 80);
    EXPECT_EQ(shown(curve(1.2, kPoints, kPayouts), 2), 180);
    EXPECT_EQ(shown(curve(1.6, kPoints, kPayouts), 2), 340);
}

// --- every point: just below, at, just above ---------------------------------------------------

TEST(PayoutCurve, AroundTheFirstPoint)
{
    EXPECT_EQ(curve(below(0.75), kPoints, kPayouts), 0);
    EXPECT_EQ(curve(0.75, kPoints, kPayouts), 0.5);
    const double y = curve(above(0.75), kPoints, kPayouts);
    EXPECT_GT(y, 0.5);
    EXPECT_LT(y - 0.5, 1e-12);
    EXPECT_EQ(curve(-1e9, kPoints, kPayouts), 0);
}

TEST(PayoutCurve, AroundAnInnerPoint)
{
    const double left = curve(below(1.0), kPoints, kPayouts);
    const double right = curve(above(1.0), kPoints, kPayouts);
    EXPECT_LT(left, 1);
    EXPECT_GT(right, 1);
    EXPECT_LT(1 - left, 1e-12);   // slope 2 times half an ulp of 1
    EXPECT_LT(right - 1, 1e-12);  // slope 4 times an ulp of 1
    EXPECT_EQ(curve(1.0, kPoints, kPayouts), 1);
}

TEST(PayoutCurve, AroundTheLastPoint)
{
    const double left = curve(below(1.5), kPoints, kPayouts);
    EXPECT_LT(left, 3);
    EXPECT_LT(3 - left, 1e-12);
    EXPECT_EQ(curve(1.5, kPoints, kPayouts), 3);
    EXPECT_EQ(curve(1.5, kPoints, kPayouts, kHold), 3);
    const double extended = curve(above(1.5), kPoints, kPayouts);
    EXPECT_GT(extended, 3);
    EXPECT_LT(extended - 3, 1e-12);
    EXPECT_EQ(curve(above(1.5), kPoints, kPayouts, kHold), 3);
    EXPECT_EQ(curve(1e9, kPoints, kPayouts, kHold), 3);
    // Slope 4 beyond 150%.
    EXPECT_DOUBLE_EQ(curve(2.5, kPoints, kPayouts), 7);
}

// --- binary noise --------------------------------------------------------------------------

// A consultant at exactly 100 % whose attainment arrives as 0.9999999999999999
// (a sum, a ratio saved and read back): a person sees 100 %, the cliff pays 1.2.
TEST(PayoutCurve, AnAttainmentEqualToAPointUpToNoiseIsThatPoint)
{
    const Block p = nums({0.8, 1, 1, 1.5}), y = nums({0.8, 0.8, 1.2, 1.5});
    EXPECT_EQ(curve(1, p, y), 1.2);
    EXPECT_EQ(curve(std::nextafter(1.0, 0.0), p, y), 1.2);
    EXPECT_EQ(curve(0.7 + 0.1 + 0.1 + 0.1, p, y), 1.2);
    EXPECT_EQ(curve(1 - 1e-13, p, y), 0.8);  // a real shortfall, however small, is not noise
    EXPECT_EQ(curve(std::nextafter(0.8, 0.0), p, y), 0.8);  // the threshold met up to noise
    EXPECT_EQ(curve(0.8 - 1e-13, p, y), 0);
    EXPECT_EQ(curve(std::nextafter(1.5, kInf), p, y), 1.5);  // the last point, not beyond it
    EXPECT_EQ(curve(0.1 + 0.2, nums({0, 0.3, 0.3}), nums({0, 1, 5})), 5);
    EXPECT_EQ(curve(0.3 / 0.1 / 10, nums({0, 0.3, 0.3}), nums({0, 1, 5})), 5);
}

// --- jumps -----------------------------------------------------------------------------------

TEST(PayoutCurve, AtAJumpTheSecondPayoutHolds)
{
    EXPECT_EQ(curve(0.5, kPlanPoints, kPlanPayouts), 0.5);
    // Just below the jump: the line towards the first payout, 0.25.
    const double left = curve(below(0.5), kPlanPoints, kPlanPayouts);
    EXPECT_LT(left, 0.25);
    EXPECT_GT(left, 0.25 - 1e-12);
    // Just above: the line from the second payout, 0.5, towards 1.
    const double right = curve(above(0.5), kPlanPoints, kPlanPayouts);
    EXPECT_GT(right, 0.5);
    EXPECT_LT(right - 0.5, 1e-12);
}

TEST(PayoutCurve, ACliffAtTheFirstPoint)
{
    // Nothing below 80%, then 0.6 at once; the first payout of a jump at the
    // first point is never paid.
    const Block p = nums({0.8, 0.8, 1}), y = nums({0, 0.6, 1});
    EXPECT_EQ(curve(below(0.8), p, y), 0);
    EXPECT_EQ(curve(0.8, p, y), 0.6);
    EXPECT_DOUBLE_EQ(curve(0.9, p, y), 0.8);
}

TEST(PayoutCurve, ACliffDownwards)
{
    const Block p = nums({0, 1, 1, 2}), y = nums({0, 1, 0.2, 0.4});
    EXPECT_NEAR(curve(below(1), p, y), 1, 1e-12);
    EXPECT_EQ(curve(1, p, y), 0.2);
    EXPECT_DOUBLE_EQ(curve(1.5, p, y), 0.3);
}

TEST(PayoutCurve, TwoJumps)
{
    const Block p = nums({1, 1, 2, 2}), y = nums({5, 10, 20, 40});
    EXPECT_EQ(curve(1, p, y), 10);
    EXPECT_EQ(curve(1.5, p, y), 15);
    EXPECT_EQ(curve(2, p, y), 40);
    EXPECT_EQ(curve(3, p, y), 40);  // ends in a jump: holds
}

TEST(PayoutCurve, ACurveEndingInAJumpHoldsInBothModes)
{
    const Block p = nums({0, 1, 1}), y = nums({0, 1, 2});
    for (Beyond b : {kExtend, kHold}) {
        EXPECT_EQ(curve(1, p, y, b), 2);
        EXPECT_EQ(curve(above(1), p, y, b), 2);
        EXPECT_EQ(curve(5, p, y, b), 2);
        EXPECT_DOUBLE_EQ(curve(0.5, p, y, b), 0.5);
    }
}

TEST(PayoutCurve, OnePointHoldsInBothModes)
{
    const Block p = nums({1}), y = nums({100});
    for (Beyond b : {kExtend, kHold}) {
        EXPECT_EQ(curve(below(1), p, y, b), 0);
        EXPECT_EQ(curve(1, p, y, b), 100);
        EXPECT_EQ(curve(7, p, y, b), 100);
    }
}

TEST(PayoutCurve, AJumpOfTwoPointsAlone)
{
    const Block p = nums({1, 1}), y = nums({1, 2});
    EXPECT_EQ(curve(0.5, p, y), 0);
    EXPECT_EQ(curve(1, p, y), 2);
    EXPECT_EQ(curve(2, p, y), 2);
}

// --- payouts of any sign ---------------------------------------------------------------------

TEST(PayoutCurve, NegativePayouts)
{
    // A clawback below target: -0.5 at 50%, 0 at 100%, 1 at 150%.
    const Block p = nums({0.5, 1, 1.5}), y = nums({-0.5, 0, 1});
    EXPECT_EQ(curve(0.4, p, y), 0);  // below the first point: 0, not the first payout
    EXPECT_EQ(curve(0.5, p, y), -0.5);
    EXPECT_DOUBLE_EQ(curve(0.75, p, y), -0.25);
    EXPECT_EQ(curve(1, p, y), 0);
    EXPECT_FALSE(std::signbit(curve(1, nums({0.5, 1}), nums({-0.5, -0.0}))));  // never -0
    EXPECT_DOUBLE_EQ(curve(2, p, y), 2);
    // A falling curve extends falling.
    EXPECT_DOUBLE_EQ(curve(3, nums({1, 2}), nums({1, -1})), -3);
    EXPECT_EQ(curve(3, nums({1, 2}), nums({1, -1}), kHold), -1);
}

TEST(PayoutCurve, AmountsRatherThanFactors)
{
    // 1.1 and 1.2 in binary put 1.1 a little past the middle: 2000.0000000000011
    // exactly, 2,000.00 as shown.
    EXPECT_EQ(shown(curve(1.1, nums({1, 1.2}), nums({1000, 3000})), 2), 200000);
}

// --- the table ---------------------------------------------------------------------------------

TEST(PayoutCurve, TrailingBlankRowsAreSpareRows)
{
    EXPECT_DOUBLE_EQ(curve(1.6, col({N(0.75), N(1), N(1.5), B, B}), col({N(0.5), N(1), N(3), B, B})), 3.4);
    EXPECT_DOUBLE_EQ(curve(1.6, col({N(0.75), N(1), N(1.5), B}), kPayouts), 3.4);
    EXPECT_DOUBLE_EQ(curve(1.6, kPoints, col({N(0.5), N(1), N(3), B, B, B})), 3.4);
}

TEST(PayoutCurve, TableAcrossARowOrABlock)
{
    EXPECT_DOUBLE_EQ(curve(0.9, row({N(0.75), N(1), N(1.5)}), kPayouts), 0.8);
    EXPECT_DOUBLE_EQ(curve(0.9, block(2, 2, {N(0.75), N(1), N(1.5), B}), row({N(0.5), N(1), N(3)})), 0.8);
}

TEST(PayoutCurve, AHoleIsInvalid)
{
    EXPECT_EQ(curveError(1, col({N(0.75), B, N(1.5)}), kPayouts), Error::InvalidArgument);
    EXPECT_EQ(curveError(1, kPoints, col({N(0.5), B, N(3)})), Error::InvalidArgument);
    EXPECT_EQ(curveError(1, col({B, N(1), N(1.5)}), kPayouts), Error::InvalidArgument);
    EXPECT_EQ(curveError(1, col({N(0.75), B, N(1.5), B}), col({N(0.5), N(1), N(3), B})), Error::InvalidArgument);
}

TEST(PayoutCurve, ThreeEqualPointsAreInvalid)
{
    EXPECT_EQ(curveError(1, nums({0, 1, 1, 1}), nums({0, 1, 2, 3})), Error::InvalidArgument);
    EXPECT_EQ(curveError(1, nums({1, 1, 1}), nums({1, 2, 3})), Error::InvalidArgument);
    // Two jumps at different points are fine.
    EXPECT_EQ(curveError(1, nums({1, 1, 2, 2}), nums({1, 2, 3, 4})), Error::None);
}

TEST(PayoutCurve, ADescendingPointIsInvalid)
{
    EXPECT_EQ(curveError(1, nums({0.75, 1.5, 1}), kPayouts), Error::InvalidArgument);
    EXPECT_EQ(curveError(1, nums({1, below(1)}), nums({1, 2})), Error::InvalidArgument);
    EXPECT_EQ(curveError(1, nums({2, 1}), nums({1, 2})), Error::InvalidArgument);
}

TEST(PayoutCurve, CountMismatchIsInvalid)
{
    EXPECT_EQ(curveError(1, kPoints, nums({0.5, 1})), Error::InvalidArgument);
    EXPECT_EQ(curveError(1, nums({0.75, 1}), kPayouts), Error::InvalidArgument);
}

TEST(PayoutCurve, EmptyTableIsInvalid)
{
    EXPECT_EQ(curveError(1, empty(), empty()), Error::InvalidArgument);
    EXPECT_EQ(curveError(1, col({B}), col({B})), Error::InvalidArgument);
}

TEST(PayoutCurve, TextIsAValueError)
{
    EXPECT_EQ(curveError(1, col({N(0.75), T, N(1.5)}), kPayouts), Error::Value);
    EXPECT_EQ(curveError(1, kPoints, col({N(0.5), N(1), T})), Error::Value);
}

TEST(PayoutCurve, FirstOffendingPointDecides)
{
    EXPECT_EQ(curveError(1, col({N(1), N(0), T}), nums({1, 2, 3})), Error::InvalidArgument);
    EXPECT_EQ(curveError(1, col({N(1), T, N(0)}), nums({1, 2, 3})), Error::Value);
    EXPECT_EQ(curveError(1, col({N(1), B, T}), nums({1, 2, 3})), Error::InvalidArgument);
    // A count mismatch before anything else, as in TIERED_BONUS.
    EXPECT_EQ(curveError(1, col({N(1), T, N(3)}), nums({1, 2})), Error::InvalidArgument);
}

// --- extreme numbers -------------------------------------------------------------------------

TEST(PayoutCurve, NonFiniteInputsAreNotAResult)
{
    EXPECT_EQ(curveError(kNaN, kPoints, kPayouts), Error::Overflow);
    EXPECT_EQ(curveError(kInf, kPoints, kPayouts, kHold), Error::Overflow);
    EXPECT_EQ(curveError(1, nums({0.75, 1, kInf}), kPayouts), Error::Overflow);
    EXPECT_EQ(curveError(1, nums({kNaN, 1, 1.5}), kPayouts), Error::Overflow);
    EXPECT_EQ(curveError(1, kPoints, nums({0.5, kInf, 3})), Error::Overflow);
}

TEST(PayoutCurve, ExtendingPastTheLargestDoubleIsAnOverflow)
{
    EXPECT_EQ(curveError(1e308, nums({0, 1}), nums({0, 2})), Error::Overflow);
    EXPECT_EQ(curve(1e308, nums({0, 1}), nums({0, 2}), kHold), 2);
    EXPECT_EQ(curve(kMax, nums({0, 1}), nums({0, 1})), kMax);
}

TEST(PayoutCurve, HugeTablesDoNotOverflowInBetween)
{
    // x - x0 and y1 - y0 are beyond a double here; the payout is not.
    EXPECT_EQ(curve(0, nums({-kMax, kMax}), nums({-kMax, kMax})), 0);
    EXPECT_DOUBLE_EQ(curve(kMax / 2, nums({-kMax, kMax}), nums({kMax, -kMax})), -kMax / 2);
    EXPECT_DOUBLE_EQ(curve(0.5, nums({0, 1}), nums({-kMax, kMax})), 0);
}

TEST(PayoutCurve, TinyGaps)
{
    const double gap = std::ldexp(1.0, -40);  // about 9e-13: more than noise
    const Block p = nums({1, 1 + gap}), y = nums({0, 1});
    EXPECT_EQ(curve(1, p, y), 0);
    EXPECT_EQ(curve(1 + gap, p, y), 1);
    EXPECT_EQ(curve(1 + gap / 4, p, y), 0.25);  // slope 1 per gap
    // Two points closer than noise are one attainment: the first one's payout there.
    EXPECT_EQ(curve(std::nextafter(1.0, kInf), nums({1, std::nextafter(1.0, kInf)}), nums({0, 1})), 0);
    EXPECT_EQ(curve(kDenormMin, nums({0, 2 * kDenormMin}), nums({0, 2})), 1);
    // Among subnormals 1e-14 of a value rounds up to the smallest gap there is, which is
    // more than 1e-14 of it: one step below the threshold is below it, and pays nothing.
    const double tiny = 3.4223556146700787e-310;
    EXPECT_EQ(curve(tiny, nums({std::nextafter(tiny, kInf), 1}), nums({0.5, 1})), 0);
    EXPECT_FALSE(numeric::nearlyEqual(tiny, std::nextafter(tiny, kInf)));
}

// --- properties ------------------------------------------------------------------------------

struct Curve {
    std::vector<Cell> points, payouts;
    Grid p() const { return Grid(points.data(), points.size(), 1); }
    Grid y() const { return Grid(payouts.data(), payouts.size(), 1); }
};

// Random valid curves: up to 8 points in hundredths, some jumps, payouts of
// any sign (or non-negative and non-decreasing).
Curve randomCurve(std::mt19937_64& rng, bool rising)
{
    Curve c;
    const std::size_t n = 1 + rng() % 8;
    double x = static_cast<double>(rng() % 200) / 100.0 - 0.5;
    double y = rising ? static_cast<double>(rng() % 100) / 100.0 : 0;
    bool jumped = false;
    for (std::size_t i = 0; i < n; ++i) {
        c.points.push_back(N(x));
        c.payouts.push_back(N(rising ? y : static_cast<double>(rng() % 1000) / 100.0 - 5.0));
        const bool jump = !jumped && rng() % 4 == 0;
        jumped = jump;
        if (!jump)
            x += static_cast<double>(1 + rng() % 80) / 100.0;
        y += static_cast<double>(rng() % 300) / 100.0;
    }
    return c;
}

// Between points the curve has no gap: from just below a point to the point
// (and from it to just above) it moves by no more than the slope times the
// step, up to rounding. At a jump only the left side is continuous.
TEST(PayoutCurveProperty, ContinuousBetweenPoints)
{
    std::mt19937_64 rng(75);
    for (int iteration = 0; iteration < 3000; ++iteration) {
        const Curve c = randomCurve(rng, iteration % 2 == 0);
        const std::size_t n = c.points.size();
        double steepest = 0, largest = 0;
        for (std::size_t i = 0; i + 1 < n; ++i)
            if (c.points[i + 1].number > c.points[i].number)
                steepest = std::max(steepest, std::fabs(c.payouts[i + 1].number - c.payouts[i].number) /
                                                  (c.points[i + 1].number - c.points[i].number));
        for (const Cell& y : c.payouts)
            largest = std::max(largest, std::fabs(y.number));
        for (std::size_t i = 0; i < n; ++i) {
            const double x = c.points[i].number;
            const bool jumpHere = (i + 1 < n && c.points[i + 1].number == x) || (i > 0 && c.points[i - 1].number == x);
            const double at = curve(x, c.p(), c.y());
            for (double near : {below(x), above(x)}) {
                const bool leftOfFirst = i == 0 && near < x;
                if (leftOfFirst || jumpHere)
                    continue;
                const double step = std::fabs(near - x) * steepest;
                // the step times the slope, plus a rounding of the payout (1 ulp of the largest)
                ASSERT_LE(std::fabs(curve(near, c.p(), c.y()) - at), step + 2 * oracle::ulp(largest))
                    << "iteration " << iteration << " point " << i;
            }
        }
    }
}

// Non-negative, non-decreasing payouts: the curve never falls, over many
// attainments and right around every point, in both modes.
TEST(PayoutCurveProperty, NonDecreasingForNonDecreasingPayouts)
{
    std::mt19937_64 rng(150);
    std::uniform_real_distribution<double> anywhere(-1.0, 7.0);
    for (int iteration = 0; iteration < 3000; ++iteration) {
        const Curve c = randomCurve(rng, true);
        std::vector<double> xs;
        for (int k = 0; k < 30; ++k)
            xs.push_back(anywhere(rng));
        for (const Cell& p : c.points)
            for (double x : {below(below(p.number)), below(p.number), p.number, above(p.number)})
                xs.push_back(x);
        std::sort(xs.begin(), xs.end());
        for (Beyond b : {kExtend, kHold}) {
            double previous = -kInf;
            for (double x : xs) {
                const double y = curve(x, c.p(), c.y(), b);
                ASSERT_GE(y, previous) << "iteration " << iteration << " attainment " << x;
                previous = y;
            }
        }
    }
}

// --- against the oracle ------------------------------------------------------------------------

oracle::Entry entryOf(const Cell& c)
{
    if (c.isBlank())
        return {};
    if (c.isText())
        return {oracle::Entry::Text, 0};
    return {oracle::Entry::Number, c.number};
}

std::vector<oracle::Entry> entries(const std::vector<Cell>& cells)
{
    std::vector<oracle::Entry> out;
    for (const Cell& c : cells)
        out.push_back(entryOf(c));
    return out;
}

std::uint8_t faultOf(Error e)
{
    switch (e) {
    case Error::None: return 0;
    case Error::Value: return oracle::kValue;
    case Error::InvalidArgument: return oracle::kInvalid;
    case Error::DivisionByZero: return oracle::kDivZero;
    case Error::Overflow: return oracle::kOverflow;
    }
    return 0xFF;
}

// The core computes in extended precision (64-bit significand, u = 2^-64): t has
// three roundings, the interpolation at most five more on terms no larger
// than the oracle's scale S, so the extended result is within 16 u S of the exact
// payout; the one rounding to double adds half an ulp of the result. Allowed:
// 1 ulp of the exact result + 1/64 ulp of S (2^-60 S < ulp(S) / 128).
static_assert(std::numeric_limits<numeric::Extended>::digits >= 64, "the tolerance assumes a 64-bit significand");
constexpr oracle::Tolerance kCurveTolerance{1.0, 1.0 / 64};

void expectAgrees(double x, const Curve& c, Beyond b, const char* what)
{
    const Number got = payoutCurve(x, c.p(), c.y(), b);
    const oracle::Expected want = oracle::payoutCurve(x, entries(c.points), entries(c.payouts), b == kHold);
    const std::string why = oracle::disagreement(want, faultOf(got.error), got.value, kCurveTolerance);
    ASSERT_EQ(why, "") << what << " attainment " << x;
}

TEST(PayoutCurveOracle, GoldenCases)
{
    const Curve pub{{N(0.75), N(1), N(1.5)}, {N(0.5), N(1), N(3)}};
    for (double x : {0.7, 0.75, 0.9, 1.0, 1.2, 1.5, 1.6})
        expectAgrees(x, pub, kExtend, "published");
    expectAgrees(1.6, pub, kHold, "published, hold");
    const Curve plan{{N(0), N(0.5), N(0.5), N(1), N(1.3)}, {N(0), N(0.25), N(0.5), N(1), N(1.45)}};
    for (double x : {0.4, 0.5, 1.3})
        expectAgrees(x, plan, kExtend, "plan");
}

// Valid random curves of real numbers, attainments anywhere and at the points.
TEST(PayoutCurveOracle, RandomValidCurves)
{
    std::mt19937_64 rng(2024);
    std::uniform_real_distribution<double> unit(-3.0, 3.0);
    for (int iteration = 0; iteration < 2000; ++iteration) {
        Curve c;
        const std::size_t n = 1 + rng() % 7;
        std::vector<double> xs;
        for (std::size_t i = 0; i < n; ++i)
            xs.push_back(unit(rng) * std::pow(10.0, static_cast<double>(rng() % 7) - 3));
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 0; i < n; ++i) {
            if (i > 0 && rng() % 5 == 0 && (i < 2 || xs[i - 1] != xs[i - 2]))
                xs[i] = xs[i - 1];  // a jump
            if (i > 0 && xs[i] < xs[i - 1])
                xs[i] = xs[i - 1];
        }
        for (std::size_t i = 0; i < n; ++i) {
            c.points.push_back(N(xs[i]));
            c.payouts.push_back(N(unit(rng) * std::pow(10.0, static_cast<double>(rng() % 9) - 4)));
        }
        const Beyond b = rng() % 2 ? kHold : kExtend;
        for (int k = 0; k < 6; ++k)
            expectAgrees(xs.front() - 1 + unit(rng) * (xs.back() - xs.front() + 2), c, b, "random");
        for (double x : xs)
            for (double near : {below(x), x, above(x)})
                expectAgrees(near, c, b, "near a point");
        expectAgrees(xs.back() * 1e6 + 1e6, c, b, "far beyond");
    }
}

// Any table: blanks, text, holes, disorder, NaN, huge and tiny numbers.
TEST(PayoutCurveOracle, RandomTables)
{
    std::mt19937_64 rng(7);
    const double specials[] = {0, -0.0, 1, -1, 0.5, kMax, -kMax, kDenormMin, 1e308, -1e308, 1e-300, kInf, kNaN, 1e15};
    auto value = [&]() -> double {
        switch (rng() % 4) {
        case 0: return specials[rng() % (sizeof specials / sizeof specials[0])];
        case 1: return static_cast<double>(static_cast<int>(rng() % 21) - 10);
        default: return static_cast<double>(static_cast<int>(rng() % 2001) - 1000) / 100.0;
        }
    };
    auto cell = [&]() {
        const unsigned r = rng() % 20;
        return r == 0 ? T : r == 1 ? B : N(value());
    };
    for (int iteration = 0; iteration < 10000; ++iteration) {
        Curve c;
        const std::size_t n = rng() % 7, m = rng() % 3 == 0 ? rng() % 7 : n;
        for (std::size_t i = 0; i < n; ++i)
            c.points.push_back(cell());
        if (rng() % 8 != 0) {  // mostly ascending numbers, text and blanks where they fell
            std::vector<double> numbers;
            for (const Cell& p : c.points)
                if (p.isNumber())
                    numbers.push_back(p.number);
            if (std::none_of(numbers.begin(), numbers.end(), [](double v) { return std::isnan(v); }))
                std::sort(numbers.begin(), numbers.end());
            std::size_t k = 0;
            for (Cell& p : c.points)
                if (p.isNumber())
                    p = N(numbers[k++]);
        }
        for (std::size_t i = 0; i < m; ++i)
            c.payouts.push_back(cell());
        const double x = rng() % 3 == 0 ? value() : static_cast<double>(rng() % 4001) / 1000.0 - 2.0;
        expectAgrees(x, c, rng() % 2 ? kHold : kExtend, "table");
    }
}

} // namespace
} // namespace dealerkpi
