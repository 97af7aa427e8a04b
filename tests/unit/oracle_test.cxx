// Every function against its oracle (tests/oracle: the spec written a second
// time in exact arithmetic) on random tables, funnels, weights and hours,
// valid and invalid. Seeds are fixed: a failure names its case and repeats.
#include "cells.hxx"
#include "oracle/core_glue.hxx"
#include "oracle/funnel_rate.hxx"
#include "oracle/funnel_target.hxx"
#include "oracle/target_split.hxx"
#include "oracle/tiered_bonus.hxx"
#include "oracle/workshop_efficiency.hxx"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

namespace dealerkpi {
namespace {

namespace o = oracle;

class Random {
public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}
    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(engine_); }
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(engine_); }
    // A decimal with `places` decimals, as a user types it.
    double decimal(double lo, double hi, int places)
    {
        const double scale = std::pow(10.0, places);
        const auto k = std::uniform_int_distribution<long long>(static_cast<long long>(std::ceil(lo * scale)),
                                                               static_cast<long long>(std::floor(hi * scale)))(engine_);
        return static_cast<double>(k) / scale;
    }
    template <class T> const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(integer(0, static_cast<int>(v.size()) - 1))]; }

private:
    std::mt19937_64 engine_;
};

std::string describe(const test::Block& b)
{
    std::ostringstream s;
    s << b.rows << "x" << b.cols << " {";
    for (std::size_t i = 0; i < b.cells.size(); ++i) {
        const Cell& c = b.cells[i];
        s << (i ? "; " : "") << (c.isBlank() ? std::string("_") : c.isText() ? std::string("\"t\"") : o::show(c.number));
    }
    return s.str() + "}";
}

// Stops a random test at the first few disagreements.
struct Failures {
    int count = 0;
    bool report(const std::string& what)
    {
        ADD_FAILURE() << what;
        return ++count < 5;
    }
};

// ---------------------------------------------------------------- TIERED_BONUS

struct BonusCase {
    double amount = 0;
    test::Block thresholds, rates;
    BonusMode mode = BonusMode::Marginal;
    double cap = 0;  // 0: none (the add-in passes a blank cap as 0)
    std::optional<double> prior;

    std::string text() const
    {
        std::ostringstream s;
        s << "TIERED_BONUS(" << o::show(amount) << "; " << describe(thresholds) << "; " << describe(rates) << "; mode "
          << static_cast<int>(mode) << "; cap " << o::show(cap) << "; prior "
          << (prior ? o::show(*prior) : std::string("none")) << ")";
        return s.str();
    }
};

// Amounts and priors are whole or quarters, so that prior + amount is held
// exactly and lands on thresholds when the case means it to.
BonusCase randomBonus(Random& r)
{
    BonusCase c;
    const int tiers = r.integer(1, 12);
    c.mode = static_cast<BonusMode>(r.integer(0, 2));
    std::vector<double> t;
    double at = r.chance(0.5) ? 0.0 : r.decimal(-50000, 50000, r.integer(0, 2));
    for (int i = 0; i < tiers; ++i) {
        t.push_back(at);
        at += r.chance(0.2) ? r.decimal(0.01, 10, 2) : r.decimal(1, 100000, r.integer(0, 2));
    }
    for (int i = 0; i < tiers; ++i) {
        const double rate = c.mode == BonusMode::Fixed ? r.decimal(-2000, 20000, r.integer(0, 2))
                                                       : r.decimal(-0.3, 0.5, r.integer(1, 4));
        c.thresholds.cells.push_back(Cell::of(t[i]));
        c.rates.cells.push_back(Cell::of(rate));
    }
    // Spare blank rows at the end of the table.
    const int spare = r.chance(0.2) ? r.integer(1, 3) : 0;
    for (int i = 0; i < spare; ++i) {
        c.thresholds.cells.push_back(Cell::blank());
        c.rates.cells.push_back(Cell::blank());
    }
    c.thresholds.rows = c.rates.rows = c.thresholds.cells.size();
    c.thresholds.cols = c.rates.cols = 1;

    const double span = at - t.front() + 1000;
    auto someAmount = [&] { return std::round(r.uniform(t.front() - span * 0.2, at + span * 0.5)) + r.integer(0, 3) / 4.0; };
    if (r.chance(0.5))
        c.prior = r.chance(0.2) ? 0.0 : someAmount();
    c.amount = someAmount() - (c.prior && r.chance(0.5) ? *c.prior : 0.0);
    if (r.chance(0.3))  // exactly on a threshold
        c.amount = t[static_cast<std::size_t>(r.integer(0, tiers - 1))] - c.prior.value_or(0.0);
    if (r.chance(0.4))
        c.cap = c.mode == BonusMode::Fixed ? r.decimal(0, 20000, 0) : r.decimal(0, span * 0.1, 2);
    return c;
}

void breakTable(Random& r, BonusCase& c)
{
    const std::size_t n = c.thresholds.cells.size();
    const auto i = static_cast<std::size_t>(r.integer(0, static_cast<int>(n) - 1));
    switch (r.integer(0, 5)) {
    case 0: c.thresholds.cells[i] = Cell::text(); break;
    case 1: c.rates.cells[i] = Cell::text(); break;
    case 2:  // unsorted or duplicate
        if (n > 1)
            c.thresholds.cells[n > 2 ? 1 : 0] = c.thresholds.cells[n > 2 ? 2 : 1];
        break;
    case 3: c.rates.cells.push_back(Cell::of(0.01)), ++c.rates.rows; break;  // one rate too many
    case 4: c.cap = -r.decimal(0.01, 100, 2); break;
    default:
        if (n > 1)
            c.rates.cells[0] = Cell::blank();  // a hole
        break;
    }
}

TEST(Oracle, TieredBonusOnRandomTables)
{
    Random r(20261201);
    Failures failures;
    int withPrior = 0, capped = 0, errors = 0;
    for (int k = 0; k < 6000; ++k) {
        BonusCase c = randomBonus(r);
        if (r.chance(0.1))
            breakTable(r, c);
        BonusOptions options;
        options.mode = c.mode;
        options.cap = c.cap;
        options.prior = c.prior;
        const Number got = tieredBonus(c.amount, c.thresholds, c.rates, options);
        const o::Scalar want = o::tieredBonus(
            o::exact(c.amount), o::rangeOf(c.thresholds), o::rangeOf(c.rates), static_cast<o::BonusMode>(c.mode),
            c.cap == 0 ? std::nullopt : std::optional<double>(c.cap),
            c.prior ? std::optional<o::Rational>(o::exact(*c.prior)) : std::nullopt);
        std::string why;
        if (!o::judge(want, got, why) && !failures.report(c.text() + ": " + why))
            return;
        withPrior += c.prior.has_value();
        capped += c.cap > 0;
        errors += !got.ok();
    }
    // The random cases reach what they are meant to.
    EXPECT_GT(withPrior, 2000);
    EXPECT_GT(capped, 1500);
    EXPECT_GT(errors, 300);
}

// ---------------------------------------------------------------- TARGET_SPLIT

test::Block randomWeights(Random& r)
{
    test::Block w;
    const bool big = r.chance(0.1);
    w.rows = static_cast<std::size_t>(big ? r.integer(33, 300) : r.integer(1, 12));
    w.cols = big ? 1 : static_cast<std::size_t>(r.integer(1, 3));
    const int kind = r.integer(0, 4);
    for (std::size_t i = 0; i < w.rows * w.cols; ++i) {
        double v = 0;
        switch (kind) {
        case 0: v = r.integer(0, 4); break;                       // few values: many ties
        case 1: v = r.integer(0, 20000); break;                   // monthly orders
        case 2: v = r.integer(0, 40) / 4.0; break;                // fractional, ties
        case 3: v = r.uniform(0, 1000); break;                    // any fraction
        default: v = r.chance(0.5) ? 0.0 : r.decimal(0, 5, 1);   // zeros and tenths
        }
        w.cells.push_back(r.chance(0.05) ? Cell::blank() : Cell::of(v));
    }
    return w;
}

// The typed total in units of 10^-decimals.
o::Rational inUnits(double total, int decimals)
{
    const o::Rational t = abs(o::typed(total));
    return decimals >= 0 ? t * o::pow10(decimals) : t / o::pow10(-decimals);
}

double randomTotal(Random& r, int decimals)
{
    const int places = std::clamp(decimals + r.integer(-1, 2), 0, 6);
    double total = r.decimal(0, r.chance(0.5) ? 1000 : 1e7, places);
    if (r.chance(0.3)) {  // exactly half a unit of the precision: (2u + 1) * 5 * 10^-(decimals + 1)
        const long long u = r.integer(0, 200000);
        total = std::stod(std::to_string((2 * u + 1) * 5) + "e" + std::to_string(-(decimals + 1)));
    }
    return r.chance(0.2) ? -total : total;
}

TEST(Oracle, TargetSplitOnRandomWeights)
{
    Random r(20261202);
    Failures failures;
    int halves = 0, ties = 0;
    for (int k = 0; k < 6000; ++k) {
        const test::Block w = randomWeights(r);
        const int decimals = r.integer(-6, 6);
        const double total = randomTotal(r, decimals);
        std::vector<double> parts;
        const Error e = targetSplit(total, w, decimals, parts);
        const o::Split want = o::targetSplit(total, o::rangeOf(w), decimals);
        const std::string name = "TARGET_SPLIT(" + o::show(total) + "; " + describe(w) + "; " + std::to_string(decimals) + ")";
        ASSERT_EQ(want.totals.size(), 1u) << name << ": a typed total is never a hair off a half";
        if (e != Error::None) {
            if (!want.allows(o::faultOf(e)) && !failures.report(name + ": error " + o::faultNames(o::faultOf(e))))
                return;
            continue;
        }
        const std::vector<o::Rational> exact = want.parts(want.totals[0]);
        bool same = exact.size() == parts.size();
        // Each part is a multiple of 10^-decimals: the double nearest to it.
        for (std::size_t i = 0; same && i < parts.size(); ++i)
            same = o::ulpsOff(parts[i], exact[i]) <= o::Rational(1, 2) && !(parts[i] == 0 && std::signbit(parts[i]));
        if (!same) {
            std::string shown;
            for (std::size_t i = 0; i < parts.size() && i < 20; ++i)
                shown += o::show(parts[i]) + " vs " + o::show(exact[i]) + "; ";
            if (!failures.report(name + ": parts " + shown))
                return;
        }
        // The part argument picks one of them.
        const double part = r.integer(0, static_cast<int>(parts.size()) + 1);
        if (!wantsWholeSplit(part)) {
            const Number one = pickPart(parts, part);
            EXPECT_EQ(one.ok(), o::validPart(part, parts.size())) << name << " part " << part;
            if (one.ok()) {
                EXPECT_EQ(one.value, parts[static_cast<std::size_t>(part) - 1]);
            }
        }
        const o::Apportioned a = o::apportion(want.totals[0], want.weights);
        halves += !o::isWhole(inUnits(total, decimals)) && o::isWhole(inUnits(total, decimals) * 2);
        for (std::size_t i = 0; i + 1 < a.order.size() && a.leftover > 0; ++i)
            if (i + 1 == a.leftover && a.remainder[a.order[i]] == a.remainder[a.order[i + 1]]) {
                ++ties;  // the last unit given decides a tie
                break;
            }
    }
    EXPECT_GT(halves, 500);
    EXPECT_GT(ties, 300);
}

// ---------------------------------------------------------------- FUNNEL_TARGET

TEST(Oracle, FunnelTargetOnRandomFunnels)
{
    Random r(20261203);
    Failures failures;
    int undecided = 0, halves = 0;
    for (int k = 0; k < 6000; ++k) {
        const auto rounding = static_cast<Rounding>(r.integer(0, 2));
        const int stages = r.integer(1, 8);
        test::Block rates;
        rates.rows = r.chance(0.5) ? 1 : static_cast<std::size_t>(stages);
        rates.cols = rates.rows == 1 ? static_cast<std::size_t>(stages) : 1;
        for (int i = 0; i < stages; ++i)
            rates.cells.push_back(Cell::of(r.chance(0.8) ? r.decimal(0.01, 1.2, 2) : r.decimal(0.001, 30, 3)));
        double target = r.chance(0.7) ? r.integer(0, 5000) : r.decimal(0, 100000, 2);
        if (r.chance(0.05))
            rates.cells[static_cast<std::size_t>(r.integer(0, stages - 1))] =
                r.chance(0.4) ? Cell::text() : r.chance(0.5) ? Cell::blank() : Cell::of(-r.decimal(0, 1, 2));
        if (r.chance(0.03))
            target = -1;
        std::vector<double> needs;
        const Error e = funnelTarget(target, rates, rounding, needs);
        const o::Needs want = o::funnelTarget(target, o::rangeOf(rates), static_cast<o::Rounding>(rounding));
        const std::string name = "FUNNEL_TARGET(" + o::show(target) + "; " + describe(rates) + "; " +
                                 std::to_string(static_cast<int>(rounding)) + ")";
        if (want.undecided) {
            ++undecided;
            continue;
        }
        if (e != Error::None || want.faults != 0) {
            if ((e == Error::None || !(want.faults & o::faultOf(e))) &&
                !failures.report(name + ": got " + o::faultNames(o::faultOf(e)) + "want " + o::faultNames(want.faults)))
                return;
            continue;
        }
        ASSERT_EQ(needs.size(), want.needs.size()) << name;
        for (std::size_t i = 0; i < needs.size(); ++i) {
            const o::Rational allowed = o::needUlps(static_cast<o::Rounding>(rounding), i + 1, want.needs[i]);
            if (o::ulpsOff(needs[i], want.needs[i]) > allowed) {
                if (!failures.report(name + ": stage " + std::to_string(i + 1) + " " + o::show(needs[i]) + " vs " +
                                     o::show(want.needs[i])))
                    return;
                break;
            }
        }
        if (rounding == Rounding::Nearest) {  // a quotient exactly on a half
            o::Rational need = o::typed(target);
            bool ignored = false;
            for (const Cell& c : rates.cells) {
                const o::Rational q = need / o::typed(c.number);
                halves += o::isWhole(q * 2) && !o::isWhole(q);
                need = o::nextNeed(need, o::typed(c.number), o::Rounding::Nearest, ignored);
            }
        }
    }
    EXPECT_EQ(undecided, 0);  // typed decimals of this size are never a hair off
    EXPECT_GT(halves, 100);
}

// ---------------------------------------------------------------- FUNNEL_RATE

test::Block randomCounts(Random& r, std::size_t rows, std::size_t cols, double high, double blanks)
{
    test::Block b;
    b.rows = rows;
    b.cols = cols;
    for (std::size_t i = 0; i < rows * cols; ++i)
        b.cells.push_back(r.chance(blanks) ? Cell::blank() : Cell::of(std::round(r.uniform(0, high))));
    return b;
}

// One cell of one of the blocks turned into text, a negative count, or the
// block into another shape.
void spoil(Random& r, test::Block& b)
{
    const auto i = static_cast<std::size_t>(r.integer(0, static_cast<int>(b.cells.size()) - 1));
    switch (r.integer(0, 2)) {
    case 0: b.cells[i] = Cell::text(); break;
    case 1: b.cells[i] = Cell::of(-r.integer(1, 50)); break;
    default: b.cells.push_back(Cell::of(1)), b.rows = b.cells.size(), b.cols = 1; break;
    }
}

TEST(Oracle, FunnelRateOnRandomFunnels)
{
    Random r(20261204);
    Failures failures;
    int above = 0, errors = 0;
    for (int k = 0; k < 8000; ++k) {
        const auto rows = static_cast<std::size_t>(r.integer(1, 15));
        const auto cols = static_cast<std::size_t>(r.integer(1, 3));
        const double blanks = r.chance(0.5) ? 0.0 : 0.3;
        test::Block entered = randomCounts(r, rows, cols, r.chance(0.2) ? 3 : 5000, blanks);
        test::Block converted = randomCounts(r, rows, cols, r.chance(0.2) ? 2e9 : r.chance(0.5) ? 5000 : 1.5e7, blanks);
        if (r.chance(0.1))
            spoil(r, r.chance(0.5) ? converted : entered);
        const auto method = static_cast<RateMethod>(r.integer(0, 1));
        const Number got = funnelRate(converted, entered, method);
        const o::Scalar want = o::funnelRate(o::rangeOf(converted), o::rangeOf(entered), static_cast<o::RateMethod>(method));
        std::string why;
        if (!o::judge(want, got, why) &&
            !failures.report("FUNNEL_RATE(" + describe(converted) + "; " + describe(entered) + "; " +
                             std::to_string(static_cast<int>(method)) + "): " + why))
            return;
        above += got.ok() && got.value > 1e6;
        errors += !got.ok();
    }
    EXPECT_GT(above, 300);
    EXPECT_GT(errors, 500);
}

// ---------------------------------------------------------------- WORKSHOP_EFFICIENCY

TEST(Oracle, WorkshopEfficiencyOnRandomHours)
{
    Random r(20261205);
    Failures failures;
    int errors = 0;
    for (int k = 0; k < 8000; ++k) {
        const auto rows = static_cast<std::size_t>(r.integer(1, 12));
        const auto cols = static_cast<std::size_t>(r.integer(1, 2));
        const double blanks = r.chance(0.5) ? 0.0 : 0.25;
        test::Block hours[3] = {randomCounts(r, rows, cols, 9000, blanks), randomCounts(r, rows, cols, 9000, blanks),
                                randomCounts(r, rows, cols, 12000, blanks)};
        for (test::Block& h : hours)  // quarter hours
            for (Cell& c : h.cells)
                if (c.isNumber() && r.chance(0.3))
                    c.number += r.integer(1, 3) / 4.0;
        if (r.chance(0.15))
            spoil(r, hours[r.integer(0, 2)]);
        const auto measure = static_cast<Measure>(r.integer(1, 3));
        const Number got = workshopEfficiency(hours[0], hours[1], hours[2], measure);
        const o::Scalar want = o::workshopEfficiency(o::rangeOf(hours[0]), o::rangeOf(hours[1]), o::rangeOf(hours[2]),
                                                     static_cast<o::Measure>(measure));
        std::string why;
        if (!o::judge(want, got, why) &&
            !failures.report("WORKSHOP_EFFICIENCY(" + describe(hours[0]) + "; " + describe(hours[1]) + "; " +
                             describe(hours[2]) + "; " + std::to_string(static_cast<int>(measure)) + "): " + why))
            return;
        errors += !got.ok();
    }
    EXPECT_GT(errors, 600);
}

} // namespace
} // namespace dealerkpi
