// Benchmarks of the core arithmetic (addin/core) on inputs shaped like a
// dealership's: the seed's 3-tier commission plan and a 10-tier one, a
// 3-month funnel and a 10k-row one, a 3-month split and a 10k-row one.
//
// Every benchmark reports "allocs" (heap allocations per evaluation, counted by
// alloc_counter.cxx) and the large ones "per_elem" (time per cell).
// Goals: 3-tier marginal bonus <= 20 ns; splits and rates <= 2 ns per element
// at 10k elements; 0 allocs on the scalar paths.
#include "alloc_counter.hxx"

#include "core/dealerkpi.hxx"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string_view>
#include <vector>

using namespace dealerkpi;

namespace {

constexpr std::size_t kBig = 10000;

std::vector<Cell> column(std::initializer_list<double> values)
{
    std::vector<Cell> out;
    for (double v : values)
        out.push_back(Cell::of(v));
    return out;
}

Grid gridOf(const std::vector<Cell>& cells) { return Grid(cells.data(), cells.size(), 1); }

// 64 amounts between 0 and 200,000 so that every tier is hit and the branch
// predictor cannot learn one path.
const std::vector<double>& amounts()
{
    static const std::vector<double> values = [] {
        std::mt19937 rng(42);
        std::uniform_real_distribution<double> d(0.0, 200000.0);
        std::vector<double> v(64);
        for (double& x : v)
            x = std::round(d(rng));
        return v;
    }();
    return values;
}

struct Tiers {
    std::vector<Cell> thresholds, rates;
};

// The seed's plan: 0 / 100,000 / 120,000 at 2% / 3% / 4%.
const Tiers& tiers3()
{
    static const Tiers t{column({0, 100000, 120000}), column({0.02, 0.03, 0.04})};
    return t;
}

// Ten tiers every 20,000 from 0, 1% to 5.5%.
const Tiers& tiers10()
{
    static const Tiers t = [] {
        Tiers x;
        for (int i = 0; i < 10; ++i) {
            x.thresholds.push_back(Cell::of(20000.0 * i));
            x.rates.push_back(Cell::of(0.01 + 0.005 * i));
        }
        return x;
    }();
    return t;
}

void runBonus(benchmark::State& state, const Tiers& tiers, BonusOptions options)
{
    const Grid t = gridOf(tiers.thresholds), r = gridOf(tiers.rates);
    const auto& xs = amounts();
    std::size_t i = 0;
    const auto before = bench::allocations();
    for (auto _ : state) {
        Number n = tieredBonus(xs[i++ & 63], t, r, options);
        benchmark::DoNotOptimize(n);
    }
    bench::reportAllocations(state, before);
}

void BM_TieredBonus_Marginal3(benchmark::State& s) { runBonus(s, tiers3(), {}); }
void BM_TieredBonus_Marginal10(benchmark::State& s) { runBonus(s, tiers10(), {}); }
void BM_TieredBonus_Whole3(benchmark::State& s) { runBonus(s, tiers3(), {BonusMode::Whole, 0.0, {}}); }
void BM_TieredBonus_Fixed3(benchmark::State& s) { runBonus(s, tiers3(), {BonusMode::Fixed, 0.0, {}}); }
void BM_TieredBonus_Marginal3CapPrior(benchmark::State& s) { runBonus(s, tiers3(), {BonusMode::Marginal, 3000.0, 100000.0}); }
void BM_TieredBonus_Marginal10CapPrior(benchmark::State& s) { runBonus(s, tiers10(), {BonusMode::Marginal, 5000.0, 60000.0}); }
BENCHMARK(BM_TieredBonus_Marginal3);
BENCHMARK(BM_TieredBonus_Marginal10);
BENCHMARK(BM_TieredBonus_Whole3);
BENCHMARK(BM_TieredBonus_Fixed3);
BENCHMARK(BM_TieredBonus_Marginal3CapPrior);
BENCHMARK(BM_TieredBonus_Marginal10CapPrior);

// --- FUNNEL_RATE ----------------------------------------------------------------
struct Funnel {
    std::vector<Cell> converted, entered;
};

// The seed's 线索进店率 over three months.
const Funnel& funnel3()
{
    static const Funnel f{column({708, 877, 1003}), column({4146, 3846, 4476})};
    return f;
}

// 10k consultant-months: 100..5000 leads, 5..40% converted; every 50th month blank.
const Funnel& funnelBig()
{
    static const Funnel f = [] {
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> leads(100, 5000);
        std::uniform_real_distribution<double> share(0.05, 0.4);
        Funnel x;
        for (std::size_t i = 0; i < kBig; ++i) {
            if (i % 50 == 49) {
                x.converted.push_back(Cell::blank());
                x.entered.push_back(Cell::blank());
                continue;
            }
            const double e = leads(rng);
            x.entered.push_back(Cell::of(e));
            x.converted.push_back(Cell::of(std::round(e * share(rng))));
        }
        return x;
    }();
    return f;
}

void runRate(benchmark::State& state, const Funnel& f, RateMethod method)
{
    const Grid c = gridOf(f.converted), e = gridOf(f.entered);
    const auto before = bench::allocations();
    for (auto _ : state) {
        Number n = funnelRate(c, e, method);
        benchmark::DoNotOptimize(n);
    }
    bench::reportAllocations(state, before);
    bench::reportPerElement(state, static_cast<double>(c.size()));
}

void BM_FunnelRate_Pooled3(benchmark::State& s) { runRate(s, funnel3(), RateMethod::Pooled); }
void BM_FunnelRate_Mean3(benchmark::State& s) { runRate(s, funnel3(), RateMethod::Mean); }
void BM_FunnelRate_Pooled10k(benchmark::State& s) { runRate(s, funnelBig(), RateMethod::Pooled); }
void BM_FunnelRate_Mean10k(benchmark::State& s) { runRate(s, funnelBig(), RateMethod::Mean); }
BENCHMARK(BM_FunnelRate_Pooled3);
BENCHMARK(BM_FunnelRate_Mean3);
BENCHMARK(BM_FunnelRate_Pooled10k);
BENCHMARK(BM_FunnelRate_Mean10k);

// One cell each side: the per-row formula =FUNNEL_RATE(A2;B2).
void BM_FunnelRate_Scalar(benchmark::State& state)
{
    const Cell c = Cell::of(708), e = Cell::of(4146);
    const auto before = bench::allocations();
    for (auto _ : state) {
        Number n = funnelRate(Grid(c), Grid(e), RateMethod::Pooled);
        benchmark::DoNotOptimize(n);
    }
    bench::reportAllocations(state, before);
}
BENCHMARK(BM_FunnelRate_Scalar);

// --- WORKSHOP_EFFICIENCY -----------------------------------------------------------
struct Workshop {
    std::vector<Cell> sold, worked, available;
};

// The seed's 机修 / 钣金 / 喷漆.
const Workshop& workshop3()
{
    static const Workshop w{column({8775, 3500, 3000}), column({9000, 5000, 5000}), column({12000, 6000, 8000})};
    return w;
}

// 10k technician-months of 120..180 available hours.
const Workshop& workshopBig()
{
    static const Workshop w = [] {
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> avail(120, 180), share(0.6, 1.0), sell(0.7, 1.3);
        Workshop x;
        for (std::size_t i = 0; i < kBig; ++i) {
            const double a = std::round(avail(rng));
            const double worked = std::round(a * share(rng) * 10) / 10;
            x.available.push_back(Cell::of(a));
            x.worked.push_back(Cell::of(worked));
            x.sold.push_back(Cell::of(std::round(worked * sell(rng) * 10) / 10));
        }
        return x;
    }();
    return w;
}

void runWorkshop(benchmark::State& state, const Workshop& w, Measure measure)
{
    const Grid s = gridOf(w.sold), k = gridOf(w.worked), a = gridOf(w.available);
    const auto before = bench::allocations();
    for (auto _ : state) {
        Number n = workshopEfficiency(s, k, a, measure);
        benchmark::DoNotOptimize(n);
    }
    bench::reportAllocations(state, before);
    bench::reportPerElement(state, static_cast<double>(s.size()));
}

void BM_WorkshopEfficiency_Scalar(benchmark::State& state)
{
    const Cell s = Cell::of(8775), w = Cell::of(9000), a = Cell::of(12000);
    const auto before = bench::allocations();
    for (auto _ : state) {
        Number n = workshopEfficiency(Grid(s), Grid(w), Grid(a), Measure::Overall);
        benchmark::DoNotOptimize(n);
    }
    bench::reportAllocations(state, before);
}
void BM_WorkshopEfficiency_Overall3(benchmark::State& s) { runWorkshop(s, workshop3(), Measure::Overall); }
void BM_WorkshopEfficiency_Overall10k(benchmark::State& s) { runWorkshop(s, workshopBig(), Measure::Overall); }
void BM_WorkshopEfficiency_Efficiency10k(benchmark::State& s) { runWorkshop(s, workshopBig(), Measure::Efficiency); }
BENCHMARK(BM_WorkshopEfficiency_Scalar);
BENCHMARK(BM_WorkshopEfficiency_Overall3);
BENCHMARK(BM_WorkshopEfficiency_Overall10k);
BENCHMARK(BM_WorkshopEfficiency_Efficiency10k);

// --- FUNNEL_TARGET ------------------------------------------------------------------
// 交车 100 back through 订单交车率 80%, 报价订单率 33%, 进店线索报价率 30%; the
// caller's vector is reused, as a per-row formula's would be in steady state.
void runTarget(benchmark::State& state, std::vector<Cell> rates, Rounding rounding)
{
    const Grid r = gridOf(rates);
    std::vector<double> needs;
    needs.reserve(rates.size());
    const auto before = bench::allocations();
    for (auto _ : state) {
        Error e = funnelTarget(100.0, r, rounding, needs);
        benchmark::DoNotOptimize(e);
        benchmark::DoNotOptimize(needs.data());
    }
    bench::reportAllocations(state, before);
}
void BM_FunnelTarget_Chain1(benchmark::State& s) { runTarget(s, column({0.8}), Rounding::None); }
void BM_FunnelTarget_Chain3(benchmark::State& s) { runTarget(s, column({0.8, 0.33, 0.3}), Rounding::None); }
void BM_FunnelTarget_Chain3Up(benchmark::State& s) { runTarget(s, column({0.8, 0.33, 0.3}), Rounding::Up); }
BENCHMARK(BM_FunnelTarget_Chain1);
BENCHMARK(BM_FunnelTarget_Chain3);
BENCHMARK(BM_FunnelTarget_Chain3Up);

// --- TARGET_SPLIT -------------------------------------------------------------------
void runSplit(benchmark::State& state, double total, const std::vector<Cell>& weights, double decimals)
{
    const Grid w = gridOf(weights);
    std::vector<double> parts;
    parts.reserve(weights.size());
    const auto before = bench::allocations();
    for (auto _ : state) {
        Error e = targetSplit(total, w, decimals, parts);
        benchmark::DoNotOptimize(e);
        benchmark::DoNotOptimize(parts.data());
    }
    bench::reportAllocations(state, before);
    bench::reportPerElement(state, static_cast<double>(w.size()));
}

std::vector<Cell> randomWeights(std::size_t n, bool whole, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> d(0.0, 1000.0);
    std::vector<Cell> out;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = d(rng);
        out.push_back(Cell::of(whole ? std::round(v) : std::round(v * 10) / 10));
    }
    return out;
}

// 季度 330 台 by last year's monthly orders.
void BM_TargetSplit_Quarter3(benchmark::State& s) { runSplit(s, 330, column({100, 70, 115}), 0); }
// 售后营业额 to the cent by sold hours.
void BM_TargetSplit_Revenue3Cents(benchmark::State& s) { runSplit(s, 8844682.38, column({8775, 3500, 3000}), 2); }
// 10k consultants by last year's orders (whole numbers): the exact path.
void BM_TargetSplit_Whole10k(benchmark::State& s)
{
    static const auto w = randomWeights(kBig, true, 3);
    runSplit(s, 1234567, w, 0);
}
// 10k technicians by sold hours with one decimal, to the cent: the inexact path.
void BM_TargetSplit_Fractional10k(benchmark::State& s)
{
    static const auto w = randomWeights(kBig, false, 5);
    runSplit(s, 8844682.38, w, 2);
}
// 10k equal weights: every remainder ties, the earliest positions get the units.
void BM_TargetSplit_Equal10k(benchmark::State& s)
{
    static const std::vector<Cell> w(kBig, Cell::of(1));
    runSplit(s, 12345, w, 0);
}
BENCHMARK(BM_TargetSplit_Quarter3);
BENCHMARK(BM_TargetSplit_Revenue3Cents);
BENCHMARK(BM_TargetSplit_Whole10k);
BENCHMARK(BM_TargetSplit_Fractional10k);
BENCHMARK(BM_TargetSplit_Equal10k);

// --- PAYOUT_CURVE -------------------------------------------------------------------
// The published curve (75% -> 0.5, 100% -> 1, 150% -> 3) at 64 attainments
// from 30% to 180%: below, between and beyond the points.
void runCurve(benchmark::State& state, const std::vector<Cell>& points, const std::vector<Cell>& payouts, Beyond b)
{
    const Grid p = gridOf(points), y = gridOf(payouts);
    std::vector<double> xs(64);
    for (std::size_t i = 0; i < xs.size(); ++i)
        xs[i] = 0.3 + 1.5 * static_cast<double>((i * 37) % 64) / 64.0;
    std::size_t i = 0;
    const auto before = bench::allocations();
    for (auto _ : state) {
        Number n = payoutCurve(xs[i++ & 63], p, y, b);
        benchmark::DoNotOptimize(n);
    }
    bench::reportAllocations(state, before);
}
void BM_PayoutCurve_Published3(benchmark::State& s)
{
    static const auto p = column({0.75, 1, 1.5}), y = column({0.5, 1, 3});
    runCurve(s, p, y, Beyond::Extend);
}
void BM_PayoutCurve_Plan5Hold(benchmark::State& s)
{
    static const auto p = column({0, 0.5, 0.5, 1, 1.3}), y = column({0, 0.25, 0.5, 1, 1.45});
    runCurve(s, p, y, Beyond::Hold);
}
BENCHMARK(BM_PayoutCurve_Published3);
BENCHMARK(BM_PayoutCurve_Plan5Hold);

// --- KPI_SCORE ----------------------------------------------------------------------
// The contract's scorecard: three measures, one cap for all, directions {0;0;1}.
void BM_KpiScore_Golden3(benchmark::State& state)
{
    static const auto a = column({110, 0.95, 25}), t = column({100, 0.9, 30}), w = column({50, 30, 20});
    static const auto cap = column({1.2}), gate = std::vector<Cell>{Cell::blank()};
    static const Keyword directions[] = {Keyword::of(0.0), Keyword::of(0.0), Keyword::of(1.0)};
    KpiInputs in;
    in.actuals = gridOf(a);
    in.targets = gridOf(t);
    in.weights = gridOf(w);
    in.caps = gridOf(cap);
    in.gates = gridOf(gate);
    in.directions = KeywordList(directions, 3);
    const auto before = bench::allocations();
    for (auto _ : state) {
        Number n = kpiScore(in);
        benchmark::DoNotOptimize(n);
    }
    bench::reportAllocations(state, before);
}
BENCHMARK(BM_KpiScore_Golden3);

// --- keywords -----------------------------------------------------------------------
void runKeyword(benchmark::State& state, Keyword k)
{
    const auto before = bench::allocations();
    for (auto _ : state) {
        auto p = parseBonusMode(k);
        benchmark::DoNotOptimize(p);
    }
    bench::reportAllocations(state, before);
}
void BM_Keyword_Omitted(benchmark::State& s) { runKeyword(s, Keyword::omitted()); }
void BM_Keyword_Number(benchmark::State& s) { runKeyword(s, Keyword::of(1.0)); }
void BM_Keyword_English(benchmark::State& s) { runKeyword(s, Keyword::of(std::string_view("Whole"))); }
void BM_Keyword_Chinese(benchmark::State& s) { runKeyword(s, Keyword::of(std::string_view("定额"))); }
void BM_Keyword_NumericText(benchmark::State& s) { runKeyword(s, Keyword::of(std::string_view(" 1 "))); }
BENCHMARK(BM_Keyword_Omitted);
BENCHMARK(BM_Keyword_Number);
BENCHMARK(BM_Keyword_English);
BENCHMARK(BM_Keyword_Chinese);
BENCHMARK(BM_Keyword_NumericText);

} // namespace

BENCHMARK_MAIN();
