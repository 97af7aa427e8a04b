// FUNNEL_TARGET(target; rates; [rounding]).
#include "cells.hxx"

#include <gtest/gtest.h>

#include <random>

namespace dealerkpi {
namespace {
using namespace test;

std::vector<double> needs(double target, const Grid& rates, Rounding rounding, Error expected = Error::None)
{
    std::vector<double> out{-1.0};  // must be replaced or cleared
    EXPECT_EQ(funnelTarget(target, rates, rounding, out), expected);
    if (expected != Error::None) {
        EXPECT_TRUE(out.empty());
    }
    return out;
}

void expectError(double target, const Grid& rates, Error expected)
{
    for (Rounding r : {Rounding::None, Rounding::Up, Rounding::Nearest})
        needs(target, rates, r, expected);
}

// --- golden: 月度销售跨部门策略表 in seed 004 ------------------------------------------------

TEST(FunnelTarget, StrategyTableExactValues)
{
    // 100 deliveries / 订单交车率 0.8 / 报价订单率 0.33 / 进店线索报价率 0.30.
    const std::vector<double> v = needs(100, col({N(0.8), N(0.33), N(0.30)}), Rounding::None);
    ASSERT_EQ(v.size(), 3u);
    EXPECT_DOUBLE_EQ(v[0], 125.0);
    EXPECT_DOUBLE_EQ(v[1], 378.78787878787878);   // 125 / 0.33
    EXPECT_DOUBLE_EQ(v[2], 1262.6262626262626);   // 125 / 0.33 / 0.3
    // Shown with 0 decimals: 125, 379, 1263.
    EXPECT_EQ(shown(v[0], 0), 125);
    EXPECT_EQ(shown(v[1], 0), 379);
    EXPECT_EQ(shown(v[2], 0), 1263);
}

TEST(FunnelTarget, StrategyTableRoundedUp)
{
    // Every stage is a whole customer before the next division: 379 / 0.3 = 1263.33 -> 1264.
    EXPECT_EQ(needs(100, col({N(0.8), N(0.33), N(0.30)}), Rounding::Up), (std::vector<double>{125, 379, 1264}));
}

TEST(FunnelTarget, StrategyTableRoundedToNearest)
{
    EXPECT_EQ(needs(100, col({N(0.8), N(0.33), N(0.30)}), Rounding::Nearest), (std::vector<double>{125, 379, 1263}));
}

// --- rounding --------------------------------------------------------------------------------

TEST(FunnelTarget, RoundingUpIgnoresTheLastBitsOfBinaryFloatingPoint)
{
    // 21 / 0.7 is 30.000000000000004 in binary floating point; the user means 30.
    EXPECT_EQ(needs(21, col({N(0.7)}), Rounding::Up), (std::vector<double>{30}));
    EXPECT_EQ(needs(161, col({N(0.7)}), Rounding::Up), (std::vector<double>{230}));
    // A real fraction still rounds up.
    EXPECT_EQ(needs(22, col({N(0.7)}), Rounding::Up), (std::vector<double>{32}));  // 31.43
}

TEST(FunnelTarget, RoundingHappensAtEveryStage)
{
    // 10 / 0.3 = 33.3 -> 34; 34 / 0.3 = 113.3 -> 114 (not ceil(111.1) = 112).
    EXPECT_EQ(needs(10, col({N(0.3), N(0.3)}), Rounding::Up), (std::vector<double>{34, 114}));
    // Nearest: 33.3 -> 33; 33 / 0.3 = 110.
    EXPECT_EQ(needs(10, col({N(0.3), N(0.3)}), Rounding::Nearest), (std::vector<double>{33, 110}));
}

TEST(FunnelTarget, NearestRoundsHalfUp)
{
    EXPECT_EQ(needs(5, col({N(2)}), Rounding::Nearest), (std::vector<double>{3}));   // 2.5
    EXPECT_EQ(needs(1, col({N(0.4)}), Rounding::Nearest), (std::vector<double>{3})); // 2.5
    EXPECT_EQ(needs(7, col({N(4)}), Rounding::Nearest), (std::vector<double>{2}));   // 1.75
    EXPECT_EQ(needs(9, col({N(4)}), Rounding::Nearest), (std::vector<double>{2}));   // 2.25
}

TEST(FunnelTarget, NoRoundingKeepsFractions)
{
    EXPECT_EQ(needs(2.5, col({N(0.5)}), Rounding::None), (std::vector<double>{5}));
    EXPECT_EQ(needs(1, col({N(0.5), N(0.25)}), Rounding::None), (std::vector<double>{2, 8}));
    EXPECT_EQ(needs(3, col({N(4)}), Rounding::None), (std::vector<double>{0.75}));
}

// --- shapes ----------------------------------------------------------------------------

TEST(FunnelTarget, OneNeedPerRateInReadingOrder)
{
    EXPECT_EQ(needs(1, block(2, 2, {N(0.5), N(0.25), N(0.5), N(0.125)}), Rounding::None),
              (std::vector<double>{2, 8, 16, 128}));
    EXPECT_EQ(needs(1, row({N(0.5), N(0.5), N(0.5)}), Rounding::None), (std::vector<double>{2, 4, 8}));
}

TEST(FunnelTarget, SingleRateIsOneNumber)
{
    const Cell rate = N(0.8);
    EXPECT_EQ(needs(100, Grid(rate), Rounding::Up), (std::vector<double>{125}));
}

TEST(FunnelTarget, RatesAboveOneShrinkTheNeed)
{
    EXPECT_EQ(needs(100, col({N(1.25)}), Rounding::None), (std::vector<double>{80}));
}

TEST(FunnelTarget, ZeroTargetNeedsNobody)
{
    EXPECT_EQ(needs(0, col({N(0.5), N(0.1)}), Rounding::Up), (std::vector<double>{0, 0}));
}

// --- invalid input ----------------------------------------------------------------------

TEST(FunnelTarget, RateMustBePositive)
{
    expectError(100, col({N(0.8), N(0)}), Error::InvalidArgument);
    expectError(100, col({N(-0.5)}), Error::InvalidArgument);
    expectError(100, col({N(-0.0)}), Error::InvalidArgument);
}

TEST(FunnelTarget, BlankRateIsInvalid)
{
    expectError(100, col({N(0.8), B}), Error::InvalidArgument);
    expectError(100, col({B}), Error::InvalidArgument);
}

TEST(FunnelTarget, TextRateIsAValueError)
{
    expectError(100, col({N(0.8), T}), Error::Value);
}

TEST(FunnelTarget, FirstOffendingRateInReadingOrderDecides)
{
    expectError(100, col({B, T}), Error::InvalidArgument);
    expectError(100, col({T, N(0)}), Error::Value);
    expectError(100, block(2, 2, {N(0.5), N(0), T, N(0.5)}), Error::InvalidArgument);
}

TEST(FunnelTarget, NegativeTargetIsInvalid)
{
    expectError(-1, col({N(0.5)}), Error::InvalidArgument);
}

TEST(FunnelTarget, NoRatesIsInvalid)
{
    expectError(100, empty(), Error::InvalidArgument);
}

// --- extreme numbers --------------------------------------------------------------------

TEST(FunnelTarget, NonFiniteTargetIsNotAResult)
{
    expectError(kInf, col({N(0.5)}), Error::Overflow);
    expectError(kNaN, col({N(0.5)}), Error::Overflow);
}

TEST(FunnelTarget, NaNRateIsInvalid)
{
    expectError(100, col({N(kNaN)}), Error::InvalidArgument);
}

TEST(FunnelTarget, OverflowIsNotAResult)
{
    expectError(1e308, col({N(0.5)}), Error::Overflow);
    expectError(1, col({N(kDenormMin)}), Error::Overflow);
    // Overflow at a later stage also discards the earlier needs.
    expectError(1e300, col({N(1e-5), N(1e-5), N(1e-5)}), Error::Overflow);
}

TEST(FunnelTarget, HugeButFinite)
{
    EXPECT_EQ(needs(1e15, col({N(0.5)}), Rounding::Up), (std::vector<double>{2e15}));
    EXPECT_EQ(needs(1e307, col({N(0.5)}), Rounding::Up), (std::vector<double>{2e307}));
}

TEST(FunnelTarget, HugeNeedsStillRoundTheDecimalsTyped)
{
    // Above 2^51 the rate as a double (0.8 is 0.8000000000000000444) moves a
    // quotient by more than the quarter unit that tells a half from its
    // neighbours, and above 2^52 no double holds a half at all: the rounding
    // must come from the decimals, not from the double quotient.
    // 6000000000000002 / 0.8 = 7500000000000002.5 exactly, half up: ...003.
    EXPECT_EQ(needs(6000000000000002, col({N(0.8)}), Rounding::Nearest), (std::vector<double>{7500000000000003}));
    // 6299999999999993 / 0.7 = 8999999999999990 exactly (the double quotient is ...991).
    EXPECT_EQ(needs(6299999999999993, col({N(0.7)}), Rounding::Up), (std::vector<double>{8999999999999990}));
    // A whole target is the decimal typed too: 2^80 is typed 1.2089258196146292E+24 (its
    // shortest decimal, 25,293,824 above the double); / 134400000 that is 8994983776894562.5
    // exactly, half up ...563 (from the double's value it would be ...562).
    EXPECT_EQ(needs(1208925819614629174706176.0, col({N(134400000)}), Rounding::Nearest),
              (std::vector<double>{8994983776894563}));
    // A whole target from 2^64 up whose shortest form is its digits in full (2^66 is
    // 73786976294838206464): 20 digits, more than 64 bits hold.
    EXPECT_EQ(needs(73786976294838206464.0, col({N(10000)}), Rounding::Nearest), (std::vector<double>{7378697629483821}));
    EXPECT_EQ(needs(73786976294838206464.0, col({N(10000)}), Rounding::Up), (std::vector<double>{7378697629483821}));
    // The target as typed: 4503599627370495.5 / 0.8 / 0.8 (found by fuzz.funnel_target).
    EXPECT_EQ(needs(4503599627370495.5, col({N(0.8), N(0.8)}), Rounding::Nearest),
              (std::vector<double>{5629499534213119, 7036874417766399}));
}

TEST(FunnelTarget, TinyTargets)
{
    // 1e-300 customers still round up to one whole customer.
    EXPECT_EQ(needs(1e-300, col({N(0.5)}), Rounding::Up), (std::vector<double>{1}));
    EXPECT_EQ(needs(1e-300, col({N(0.5)}), Rounding::Nearest), (std::vector<double>{0}));
    EXPECT_EQ(needs(kDenormMin, col({N(2)}), Rounding::None), (std::vector<double>{0}));
    // Even a need too small for a double (1e-350) is a positive need: one customer.
    EXPECT_EQ(needs(1e-300, col({N(1e50)}), Rounding::Up), (std::vector<double>{1}));
    EXPECT_EQ(needs(kDenormMin, col({N(2)}), Rounding::Up), (std::vector<double>{1}));
}

// --- properties --------------------------------------------------------------------------

// With rates of whole percents k/100, "round up" is the least whole n with
// n * k >= previous * 100, and "nearest" is floor((200 * previous + k) / (2k)):
// integer arithmetic, free of binary rounding.
TEST(FunnelTargetProperty, RoundedNeedsMatchIntegerArithmetic)
{
    std::mt19937_64 rng(42);
    for (int iteration = 0; iteration < 5000; ++iteration) {
        const std::int64_t target = static_cast<std::int64_t>(rng() % 5000);
        const std::size_t n = 1 + rng() % 4;
        std::vector<Cell> rates(n);
        std::vector<std::int64_t> percent(n);
        for (std::size_t i = 0; i < n; ++i) {
            percent[i] = 1 + static_cast<std::int64_t>(rng() % 150);
            rates[i] = N(static_cast<double>(percent[i]) / 100.0);
        }
        std::vector<double> up, nearest;
        ASSERT_EQ(funnelTarget(static_cast<double>(target), Grid(rates.data(), n, 1), Rounding::Up, up), Error::None);
        ASSERT_EQ(funnelTarget(static_cast<double>(target), Grid(rates.data(), n, 1), Rounding::Nearest, nearest),
                  Error::None);
        std::int64_t prevUp = target, prevNearest = target;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t k = percent[i];
            const std::int64_t wantUp = (prevUp * 100 + k - 1) / k;
            const std::int64_t wantNearest = (200 * prevNearest + k) / (2 * k);
            ASSERT_EQ(up[i], static_cast<double>(wantUp)) << "target " << target << " stage " << i << " rate " << k;
            ASSERT_EQ(nearest[i], static_cast<double>(wantNearest))
                << "target " << target << " stage " << i << " rate " << k;
            prevUp = wantUp;
            prevNearest = wantNearest;
        }
    }
}

// The same from 2^45 up, where a double quotient no longer tells a whole
// number or a half from its neighbours: 128-bit integer arithmetic.
TEST(FunnelTargetProperty, HugeRoundedNeedsMatchIntegerArithmetic)
{
    using I = __int128;
    std::mt19937_64 rng(7);
    for (int iteration = 0; iteration < 20000; ++iteration) {
        const std::int64_t k = 60 + static_cast<std::int64_t>(rng() % 90);  // 60 % .. 149 %
        // Targets from 2^46 to 2^52: needs from 2^45 to 2^53.
        const auto target = static_cast<std::int64_t>((std::uint64_t{1} << 46) + rng() % ((std::uint64_t{1} << 52) - (std::uint64_t{1} << 46)));
        const Cell rate = N(static_cast<double>(k) / 100.0);
        std::vector<double> up, nearest;
        ASSERT_EQ(funnelTarget(static_cast<double>(target), Grid(&rate, 1, 1), Rounding::Up, up), Error::None);
        ASSERT_EQ(funnelTarget(static_cast<double>(target), Grid(&rate, 1, 1), Rounding::Nearest, nearest), Error::None);
        const I wantUp = (I(target) * 100 + k - 1) / k;
        const I wantNearest = (I(target) * 200 + k) / (2 * k);
        ASSERT_EQ(up[0], static_cast<double>(wantUp)) << "target " << target << " rate " << k;
        ASSERT_EQ(nearest[0], static_cast<double>(wantNearest)) << "target " << target << " rate " << k;
    }
}

} // namespace
} // namespace dealerkpi
