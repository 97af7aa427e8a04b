// KPI_SCORE(actuals; targets; weights; [caps]; [gates]; [directions]).
#include "cells.hxx"
#include "oracle/agree.hxx"
#include "oracle/kpi_score.hxx"
#include "core/numeric.hxx"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace dealerkpi {
namespace {
using namespace test;

const Keyword kHigher = Keyword::omitted();

// One call: caps, gates and directions default to omitted (one blank cell).
struct Score {
    Block actuals, targets, weights;
    Block caps = col({B});
    Block gates = col({B});
    std::vector<Keyword> directions{kHigher};

    KpiInputs inputs() const
    {
        KpiInputs in;
        in.actuals = actuals;
        in.targets = targets;
        in.weights = weights;
        in.caps = caps;
        in.gates = gates;
        in.directions = KeywordList(directions.data(), directions.size());
        return in;
    }
    Number run() const { return kpiScore(inputs()); }
    double value() const
    {
        const Number n = run();
        EXPECT_TRUE(n.ok()) << "error " << static_cast<int>(n.error);
        return n.value;
    }
    Error error() const { return run().error; }
};

std::vector<Keyword> ways(std::initializer_list<double> codes)
{
    std::vector<Keyword> k;
    for (double c : codes)
        k.push_back(Keyword::of(c));
    return k;
}

// The spec's scorecard: sales 110 of 100, customer value 0.95 of 0.9, days of
// stock 25 against 30 (lower is better), weights 50/30/20, cap 1.2.
Score golden()
{
    Score s{nums({110, 0.95, 25}), nums({100, 0.9, 30}), nums({50, 30, 20})};
    s.caps = nums({1.2});
    s.directions = ways({0, 0, 1});
    return s;
}
const double kGolden = (50 * 1.1 + 30 * 0.95 / 0.9 + 20 * 1.2) / 100;

// --- golden ---------------------------------------------------------------------------------

TEST(KpiScore, Golden)
{
    EXPECT_DOUBLE_EQ(golden().value(), kGolden);
    EXPECT_EQ(shown(golden().value(), 6), 1106667);
}

TEST(KpiScore, GoldenWithGatesMet)
{
    Score s = golden();
    s.gates = nums({0, 1, 0});  // 0.95 / 0.9 >= 1
    EXPECT_DOUBLE_EQ(s.value(), kGolden);
}

TEST(KpiScore, GoldenWithAGateMissed)
{
    Score s = golden();
    s.gates = nums({0, 1, 0});
    s.actuals = nums({110, 0.85, 25});  // 0.85 / 0.9 < 1
    EXPECT_EQ(s.value(), 0);
}

// --- weights --------------------------------------------------------------------------------

TEST(KpiScore, WeightsAreNormalised)
{
    Score percent = golden(), fractions = golden();
    fractions.weights = nums({0.5, 0.3, 0.2});
    EXPECT_DOUBLE_EQ(fractions.value(), percent.value());
    EXPECT_EQ(shown(fractions.value(), 9), shown(percent.value(), 9));
}

TEST(KpiScore, BlankWeightsAreIgnored)
{
    Score s = golden();
    // A spare row whose actual and target are blank or even text.
    s.actuals = col({N(110), N(0.95), N(25), B, T});
    s.targets = col({N(100), N(0.9), N(30), B, B});
    s.weights = col({N(50), N(30), N(20), B, B});
    s.directions = ways({0, 0, 1, 0, 7});  // an unknown direction on an ignored row too
    EXPECT_DOUBLE_EQ(s.value(), kGolden);
}

TEST(KpiScore, AZeroWeightCountsForNothingButIsKept)
{
    Score s = golden();
    s.weights = nums({50, 30, 20, 0});
    s.actuals = nums({110, 0.95, 25, 5});
    s.targets = nums({100, 0.9, 30, 10});
    s.directions = ways({0, 0, 1, 0});
    EXPECT_DOUBLE_EQ(s.value(), kGolden);
    // Kept: its gate still vetoes (一票否决 with no weight of its own).
    s.gates = nums({0, 0, 0, 1});
    EXPECT_EQ(s.value(), 0);
    // And its target must still be valid.
    s.targets = nums({100, 0.9, 30, 0});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
}

TEST(KpiScore, NegativeWeightIsInvalid)
{
    Score s = golden();
    s.weights = nums({50, -30, 20});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    s.weights = nums({50, -kDenormMin, 20});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
}

TEST(KpiScore, KeptWeightsSummingToZeroAreADivisionByZero)
{
    Score s = golden();
    s.weights = nums({0, 0, 0});
    EXPECT_EQ(s.error(), Error::DivisionByZero);
    s.weights = col({B, B, B});  // nothing kept
    EXPECT_EQ(s.error(), Error::DivisionByZero);
    s.weights = col({N(0), B, N(0)});
    EXPECT_EQ(s.error(), Error::DivisionByZero);
    s.gates = nums({5});  // a veto does not hide it
    EXPECT_EQ(s.error(), Error::DivisionByZero);
}

// --- achievements ---------------------------------------------------------------------------

TEST(KpiScore, OneMeasure)
{
    EXPECT_EQ((Score{nums({90}), nums({100}), nums({1})}.value()), 0.9);
    EXPECT_EQ((Score{nums({90}), nums({100}), nums({7})}.value()), 0.9);
}

TEST(KpiScore, BlankActualIsZeroAchievement)
{
    Score s{col({N(100), B}), nums({100, 50}), nums({1, 1})};
    EXPECT_EQ(s.value(), 0.5);
    // Lower is better too: not reported is not achieved.
    s.directions = ways({0, 1});
    EXPECT_EQ(s.value(), 0.5);
    s.caps = nums({2});
    EXPECT_EQ(s.value(), 0.5);
}

TEST(KpiScore, LowerIsBetterIsTargetOverActual)
{
    Score s{nums({40}), nums({30}), nums({1})};
    s.directions = ways({1});
    EXPECT_EQ(s.value(), 0.75);
    s.actuals = nums({20});
    EXPECT_EQ(s.value(), 1.5);
}

TEST(KpiScore, LowerIsBetterWithActualZero)
{
    Score s{nums({0}), nums({5}), nums({1})};
    s.directions = ways({1});
    EXPECT_EQ(s.error(), Error::DivisionByZero);  // no complaints, no cap: no finite score
    s.caps = nums({1.5});
    EXPECT_EQ(s.value(), 1.5);  // scores its cap
    s.gates = nums({100});      // and meets any gate
    EXPECT_EQ(s.value(), 1.5);
    s.caps = nums({0});  // a cap of 0 is none, as a blank cell reaches the add-in
    EXPECT_EQ(s.error(), Error::DivisionByZero);
    EXPECT_FALSE(std::signbit((Score{nums({-0.0}), nums({5}), nums({1})}.value())));
}

TEST(KpiScore, LowerIsBetterWithNegativeActualIsInvalid)
{
    Score s{nums({-3}), nums({5}), nums({1})};
    s.directions = ways({1});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    // Higher is better: a loss is a negative achievement.
    s.directions = ways({0});
    EXPECT_DOUBLE_EQ(s.value(), -0.6);
}

TEST(KpiScore, TargetMustBePositive)
{
    for (const Block& t : {nums({100, 0, 30}), nums({100, -0.9, 30}), col({N(100), B, N(30)})}) {
        Score s = golden();
        s.targets = t;
        EXPECT_EQ(s.error(), Error::InvalidArgument);
    }
}

// --- caps -----------------------------------------------------------------------------------

TEST(KpiScore, OneCapForAllOrOnePerMeasure)
{
    Score s = golden();
    s.caps = nums({1.2, 1.2, 1.2});
    EXPECT_DOUBLE_EQ(s.value(), kGolden);
    s.caps = nums({1.05, 1.2, 1.2});  // sales capped at 1.05
    EXPECT_DOUBLE_EQ(s.value(), (50 * 1.05 + 30 * 0.95 / 0.9 + 20 * 1.2) / 100);
    s.caps = col({N(1.05), B, B});  // blank: no cap
    EXPECT_DOUBLE_EQ(s.value(), (50 * 1.05 + 30 * 0.95 / 0.9 + 20 * 1.2) / 100);
    s.caps = col({B, B, B});
    EXPECT_DOUBLE_EQ(s.value(), (50 * 1.1 + 30 * 0.95 / 0.9 + 20 * 1.2) / 100);
    s.caps = col({B});
    EXPECT_DOUBLE_EQ(s.value(), (50 * 1.1 + 30 * 0.95 / 0.9 + 20 * 1.2) / 100);
}

// Calc hands a lone blank cell over as 0: a cap or gate cell left empty must
// not cap every measure at 0 (nor veto a loss).
TEST(KpiScore, ACapOrGateOfZeroIsNone)
{
    Score s = golden();
    s.caps = nums({0});
    EXPECT_DOUBLE_EQ(s.value(), (50 * 1.1 + 30 * 0.95 / 0.9 + 20 * 1.2) / 100);  // 30 / 25 = 1.2 uncapped
    s.caps = nums({1.05, 0, 1.2});
    EXPECT_DOUBLE_EQ(s.value(), (50 * 1.05 + 30 * 0.95 / 0.9 + 20 * 1.2) / 100);
    Score loss{nums({-5}), nums({10}), nums({1})};
    loss.gates = nums({0});
    EXPECT_DOUBLE_EQ(loss.value(), -0.5);
    loss.gates = nums({-0.4});  // a real gate below 0 still vetoes
    EXPECT_EQ(loss.value(), 0);
}

TEST(KpiScore, NegativeCapIsInvalid)
{
    Score s = golden();
    s.caps = nums({-1});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    s.caps = nums({1.2, -0.1, 1.2});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
}

TEST(KpiScore, CapsOfAnotherCountAreInvalid)
{
    Score s = golden();
    s.caps = nums({1.2, 1.2});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    s.caps = nums({1.2, 1.2, 1.2, 1.2});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    // One per measure in reading order: a row of caps for a column of measures.
    s.caps = row({N(1.2), N(1.2), N(1.2)});
    EXPECT_DOUBLE_EQ(s.value(), kGolden);
}

// --- gates ----------------------------------------------------------------------------------

TEST(KpiScore, OneGateForAll)
{
    Score s = golden();
    s.gates = nums({0.95});  // every measure reaches 95% (1.1, 1.056, 1.2)
    EXPECT_DOUBLE_EQ(s.value(), kGolden);
    s.gates = nums({1.1});  // 0.95 / 0.9 does not
    EXPECT_EQ(s.value(), 0);
}

TEST(KpiScore, GatesLookAtTheAchievementBeforeItsCap)
{
    Score s = golden();
    s.gates = nums({0, 0, 1.2});  // days of stock: 30 / 25 = 1.2 before the cap of 1.2
    EXPECT_DOUBLE_EQ(s.value(), kGolden);
    s.caps = nums({1.0});
    s.gates = nums({1.05});  // all above 1.05 before capping at 1.0
    EXPECT_EQ(s.value(), 1.0);
}

TEST(KpiScore, AGateIsMetAtItsValue)
{
    EXPECT_EQ((Score{nums({90}), nums({100}), nums({1}), col({B}), nums({0.9})}.value()), 0.9);
    // 0.3 / 0.1 is 2.9999999999999996 in binary, and meets a gate of 3 as it
    // does in a Calc comparison.
    EXPECT_NEAR((Score{nums({0.3}), nums({0.1}), nums({1}), col({B}), nums({3})}.value()), 3, 1e-15);
    // A real shortfall is not noise.
    EXPECT_EQ((Score{nums({89.99999}), nums({100}), nums({1}), col({B}), nums({0.9})}.value()), 0);
    EXPECT_EQ((Score{nums({std::nextafter(0.9, 0.0) * 100 * (1 - 1e-13)}), nums({100}), nums({1}), col({B}),
                     nums({0.9})}
                   .value()),
              0);
}

TEST(KpiScore, BlankGatesAreNone)
{
    Score s = golden();
    s.gates = col({B, N(1), B});
    EXPECT_DOUBLE_EQ(s.value(), kGolden);
    s.gates = col({N(2), B, B});
    EXPECT_EQ(s.value(), 0);
}

// --- directions -----------------------------------------------------------------------------

TEST(KpiScore, OneDirectionForAll)
{
    Score s{nums({20, 40}), nums({30, 30}), nums({1, 1})};
    s.directions = ways({1});
    EXPECT_DOUBLE_EQ(s.value(), (1.5 + 0.75) / 2);
    s.directions = {Keyword::of(std::string_view("lower"))};
    EXPECT_DOUBLE_EQ(s.value(), (1.5 + 0.75) / 2);
    s.directions = {Keyword::of(std::string_view("越低越好"))};
    EXPECT_DOUBLE_EQ(s.value(), (1.5 + 0.75) / 2);
    s.directions = {Keyword::omitted()};
    EXPECT_DOUBLE_EQ(s.value(), (20.0 / 30 + 40.0 / 30) / 2);
}

TEST(KpiScore, DirectionsPerMeasure)
{
    Score s = golden();
    s.directions = {Keyword::of(std::string_view("higher")), Keyword::omitted(),
                    Keyword::of(std::string_view("越低越好"))};
    EXPECT_DOUBLE_EQ(s.value(), kGolden);
    s.directions = ways({0, 1});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    s.directions = ways({0, 0, 2});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    s.directions = {Keyword::omitted(), Keyword::omitted(), Keyword::of(std::string_view("down"))};
    EXPECT_EQ(s.error(), Error::InvalidArgument);
}

// --- shapes and errors ----------------------------------------------------------------------

TEST(KpiScore, ShapesMustMatch)
{
    Score s = golden();
    s.targets = row({N(100), N(0.9), N(30)});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    s = golden();
    s.weights = nums({50, 30});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    EXPECT_EQ((Score{empty(), empty(), empty()}.error()), Error::InvalidArgument);
    // A 2-D scorecard is fine.
    EXPECT_EQ((Score{block(2, 2, {N(1), N(2), N(3), N(4)}), block(2, 2, {N(1), N(2), N(3), N(4)}),
                     block(2, 2, {N(1), N(1), N(1), N(1)})}
                   .value()),
              1);
}

TEST(KpiScore, TextIsAValueError)
{
    for (int which = 0; which < 5; ++which) {
        Score s = golden();
        Block* arg[] = {&s.actuals, &s.targets, &s.weights, &s.caps, &s.gates};
        arg[which]->cells[0] = T;
        EXPECT_EQ(s.error(), Error::Value) << which;
    }
}

TEST(KpiScore, FirstOffendingMeasureDecides)
{
    Score s = golden();
    s.actuals = col({N(1), T, N(25)});
    s.targets = nums({100, 0.9, 0});
    EXPECT_EQ(s.error(), Error::Value);
    s.actuals = col({N(1), N(1), T});
    s.targets = nums({100, 0, 30});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    // Within a measure: weight, actual, target, cap, gate, direction.
    s = golden();
    s.weights = nums({-1, 30, 20});
    s.actuals = col({T, N(0.95), N(25)});
    EXPECT_EQ(s.error(), Error::InvalidArgument);
    s.weights = nums({50, 30, 20});
    s.targets = nums({0, 0.9, 30});
    EXPECT_EQ(s.error(), Error::Value);
    // A lower-is-better 0 without a cap before a later text.
    s = golden();
    s.caps = col({B});
    s.actuals = col({N(110), N(0.95), N(0)});
    s.directions = ways({0, 1, 1});
    s.actuals = col({N(110), N(0), T});
    EXPECT_EQ(s.error(), Error::DivisionByZero);
}

TEST(KpiScore, NonFiniteInputsAreNotAResult)
{
    for (int which = 0; which < 5; ++which) {
        for (double bad : {kNaN, kInf, -kInf}) {
            Score s = golden();
            Block* arg[] = {&s.actuals, &s.targets, &s.weights, &s.caps, &s.gates};
            arg[which]->cells[0] = N(bad);
            EXPECT_EQ(s.error(), Error::Overflow) << which << " " << bad;
        }
    }
}

TEST(KpiScore, HugeAndTinyNumbers)
{
    // Intermediates beyond a double, the score not.
    EXPECT_DOUBLE_EQ((Score{nums({kMax, kMax}), nums({1, 1}), nums({kMax, kMax})}.value()), kMax);
    EXPECT_EQ((Score{nums({kMax}), nums({0.5}), nums({1})}.error()), Error::Overflow);
    EXPECT_EQ((Score{nums({1}), nums({kDenormMin}), nums({1})}.error()), Error::Overflow);
    EXPECT_EQ((Score{nums({kDenormMin}), nums({1}), nums({kDenormMin})}.value()), kDenormMin);
    EXPECT_DOUBLE_EQ((Score{nums({1, 3}), nums({1, 1}), nums({kDenormMin, kDenormMin})}.value()), 2);
}

// --- properties -----------------------------------------------------------------------------

struct RandomCard {
    std::vector<Cell> actuals, targets, weights, caps, gates;
    std::vector<Keyword> directions;
    KpiInputs in() const
    {
        KpiInputs k;
        k.actuals = Grid(actuals.data(), actuals.size(), 1);
        k.targets = Grid(targets.data(), targets.size(), 1);
        k.weights = Grid(weights.data(), weights.size(), 1);
        k.caps = Grid(caps.data(), caps.size(), 1);
        k.gates = Grid(gates.data(), gates.size(), 1);
        k.directions = KeywordList(directions.data(), directions.size());
        return k;
    }
};

// Valid scorecards: real actuals (some blank), positive targets, weights >= 0
// (some blank), caps, gates and directions one for all or per measure.
RandomCard randomCard(std::mt19937_64& rng)
{
    std::uniform_real_distribution<double> real(0.0, 2.0);
    RandomCard c;
    const std::size_t n = 1 + rng() % 8;
    for (std::size_t i = 0; i < n; ++i) {
        c.actuals.push_back(rng() % 10 == 0 ? B : N(real(rng) * 100));
        c.targets.push_back(N(0.01 + real(rng) * 100));
        c.weights.push_back(rng() % 8 == 0 ? B : N(static_cast<double>(rng() % 60) / (rng() % 2 ? 1 : 100)));
    }
    const std::size_t each = rng() % 2 ? n : 1;
    for (std::size_t i = 0; i < each; ++i) {
        c.caps.push_back(rng() % 3 == 0 ? B : N(0.8 + real(rng)));
        c.gates.push_back(rng() % 2 == 0 ? B : N(real(rng) * 0.6));
        c.directions.push_back(Keyword::of(static_cast<double>(rng() % 2)));
    }
    if (c.caps.empty())
        c.caps.push_back(B);
    return c;
}

// 50/30/20 and 0.5/0.3/0.2 give the same score: scaling every weight by a
// power of two changes not one bit. By 100, 1/100, 7 or 1e-3 each scaled
// weight is rounded (a relative 2^-53); with achievements >= 0 (no
// cancellation) that moves the weighted mean by a relative 2^-52 at most,
// under 2 ulp, and each of the two scores is rounded by half an ulp: 3 ulp.
TEST(KpiScoreProperty, UnchangedWhenAllWeightsAreScaled)
{
    std::mt19937_64 rng(503020);
    for (int iteration = 0; iteration < 5000; ++iteration) {
        RandomCard c = randomCard(rng);
        const Number base = kpiScore(c.in());
        if (!base.ok()) {
            ASSERT_EQ(base.error, Error::DivisionByZero);  // all kept weights 0, or a lower-is-better 0
            continue;
        }
        for (double factor : {2.0, 0.5, 1024.0, 0x1p-40, 100.0, 0.01, 7.0, 1e-3}) {
            RandomCard scaled = c;
            for (Cell& w : scaled.weights)
                if (w.isNumber())
                    w = N(w.number * factor);
            const Number s = kpiScore(scaled.in());
            ASSERT_TRUE(s.ok());
            const bool exact = std::fabs(std::log2(factor) - std::round(std::log2(factor))) == 0;
            if (exact) {
                ASSERT_EQ(s.value, base.value) << "factor " << factor;
            } else {
                ASSERT_LE(std::fabs(s.value - base.value), 3 * oracle::ulp(base.value)) << "factor " << factor;
            }
        }
    }
}

// Capped at c, the score is at most c; a vetoed card scores 0 whatever the weights.
TEST(KpiScoreProperty, NeverAboveTheCapForAll)
{
    std::mt19937_64 rng(12);
    for (int iteration = 0; iteration < 3000; ++iteration) {
        RandomCard c = randomCard(rng);
        c.caps = {N(0.5 + static_cast<double>(rng() % 100) / 100)};
        const Number s = kpiScore(c.in());
        if (s.ok()) {
            ASSERT_LE(s.value, c.caps[0].number);
        }
    }
}

// --- against the oracle ---------------------------------------------------------------------

oracle::Entry entryOf(const Cell& c)
{
    if (c.isBlank())
        return {};
    if (c.isText())
        return {oracle::Entry::Text, 0};
    return {oracle::Entry::Number, c.number};
}

oracle::Sheet sheetOf(const Grid& g)
{
    oracle::Sheet s;
    for (const Cell& c : g)
        s.cells.push_back(entryOf(c));
    s.rows = g.rows;
    s.cols = g.cols;
    return s;
}

// The direction keyword as its spec reads it (the parser has its own tests).
oracle::Way wayOf(const Keyword& k)
{
    if (k.kind == Keyword::Kind::Omitted)
        return oracle::Way::Higher;
    if (k.kind == Keyword::Kind::Number)
        return k.number == 0 ? oracle::Way::Higher : k.number == 1 ? oracle::Way::Lower : oracle::Way::Unknown;
    return k.text == "higher" ? oracle::Way::Higher : k.text == "lower" ? oracle::Way::Lower : oracle::Way::Unknown;
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

// The core sums in extended precision (u = 2^-64): each achievement one rounding,
// each product one, each of the n - 1 additions of both sums one, the
// quotient one, on terms whose size is the oracle's scale S (the weighted
// mean of |achievement|): within (n + 3) u S (first order) of the exact
// score, under 2^-56 S for n <= 225; then half an ulp of the result for the
// rounding to double. Allowed: 1 ulp of the exact score + 1/8 ulp of S
// (2^-56 S < ulp(S) / 8).
static_assert(std::numeric_limits<numeric::Extended>::digits >= 64, "the tolerance assumes a 64-bit significand");
constexpr oracle::Tolerance kScoreTolerance{1.0, 1.0 / 8};

void expectAgrees(const KpiInputs& in, const char* what, int iteration)
{
    oracle::KpiCase k;
    k.actuals = sheetOf(in.actuals);
    k.targets = sheetOf(in.targets);
    k.weights = sheetOf(in.weights);
    k.caps = sheetOf(in.caps).cells;
    k.gates = sheetOf(in.gates).cells;
    k.directions.clear();
    for (std::size_t i = 0; i < in.directions.size; ++i)
        k.directions.push_back(wayOf(in.directions[i]));
    const Number got = kpiScore(in);
    const std::string why = oracle::disagreement(oracle::kpiScore(k), faultOf(got.error), got.value, kScoreTolerance);
    ASSERT_EQ(why, "") << what << " " << iteration;
}

TEST(KpiScoreOracle, GoldenCases)
{
    Score s = golden();
    expectAgrees(s.inputs(), "golden", 0);
    s.gates = nums({0, 1, 0});
    expectAgrees(s.inputs(), "golden, gates met", 0);
    s.actuals = nums({110, 0.85, 25});
    expectAgrees(s.inputs(), "golden, a gate missed", 0);
}

TEST(KpiScoreOracle, RandomValidCards)
{
    std::mt19937_64 rng(1106667);
    for (int iteration = 0; iteration < 10000; ++iteration) {
        const RandomCard c = randomCard(rng);
        expectAgrees(c.in(), "valid", iteration);
    }
}

// Anything: text, blanks, negatives, zeros, NaN, huge and tiny numbers,
// unknown directions, counts that do not match.
TEST(KpiScoreOracle, RandomCards)
{
    std::mt19937_64 rng(95);
    const double specials[] = {0, -0.0, 1, -1, 0.5, kMax, -kMax, kDenormMin, 1e308, 1e-300, kInf, kNaN, 1e15, 100};
    auto cell = [&]() -> Cell {
        switch (rng() % 12) {
        case 0: return T;
        case 1:
        case 2: return B;
        case 3: return N(specials[rng() % (sizeof specials / sizeof specials[0])]);
        default: return N(static_cast<double>(static_cast<int>(rng() % 4001) - 500) / 100.0);
        }
    };
    for (int iteration = 0; iteration < 15000; ++iteration) {
        RandomCard c;
        const std::size_t n = rng() % 6;
        auto fill = [&](std::vector<Cell>& v, std::size_t count) {
            for (std::size_t i = 0; i < count; ++i)
                v.push_back(cell());
        };
        fill(c.actuals, n);
        fill(c.targets, rng() % 10 == 0 ? rng() % 6 : n);
        fill(c.weights, rng() % 10 == 0 ? rng() % 6 : n);
        fill(c.caps, rng() % 2 ? 1 : rng() % 3 ? n : rng() % 6);
        fill(c.gates, rng() % 2 ? 1 : rng() % 3 ? n : rng() % 6);
        const std::size_t d = rng() % 2 ? 1 : rng() % 3 ? n : rng() % 6;
        for (std::size_t i = 0; i < d; ++i) {
            const unsigned r = rng() % 6;
            c.directions.push_back(r == 0   ? Keyword::omitted()
                                   : r == 1 ? Keyword::of(std::string_view("lower"))
                                   : r == 2 ? Keyword::of(std::string_view("sideways"))
                                   : r == 3 ? Keyword::of(2.0)
                                            : Keyword::of(static_cast<double>(rng() % 2)));
        }
        expectAgrees(c.in(), "any", iteration);
    }
}

} // namespace
} // namespace dealerkpi
