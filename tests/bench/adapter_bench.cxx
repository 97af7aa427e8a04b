// Benchmarks of the add-in's own share of a call from Calc: the component's
// methods called directly (a C++ virtual call, no UNO bridge, no Calc) with
// arguments shaped exactly as Calc hands them over: a double for a number or
// a single cell, a void Any for an omitted argument, a Sequence<Sequence<Any>>
// for a range, an OUString for a keyword. Whatever these take is what the
// add-in adds to Calc's own cost of a call (about 2 us, see calc_bench.py).
//
// "allocs" counts heap allocations per call (operator new and malloc alike):
// the scalar paths must show 0.
#include "alloc_counter.hxx"

#include <benchmark/benchmark.h>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <org/dealerkpi/calc/XDealerKpi.hpp>
#include <rtl/ustring.hxx>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using org::dealerkpi::calc::XDealerKpi;

extern "C" css::uno::XInterface*
org_dealerkpi_calc_Functions_get_implementation(css::uno::XComponentContext*, const css::uno::Sequence<css::uno::Any>&);

namespace {

Reference<XDealerKpi> component()
{
    static const Reference<XDealerKpi> functions = [] {
        css::uno::XInterface* raw = org_dealerkpi_calc_Functions_get_implementation(nullptr, {});
        Reference<XDealerKpi> r(raw, css::uno::UNO_QUERY_THROW);
        raw->release();  // the factory returned it acquired
        return r;
    }();
    return functions;
}

using CellRange = Sequence<Sequence<Any>>;

// A column range as Calc passes it to a sequence<sequence<any>> parameter: one
// row of one Any per cell.
CellRange columnRange(const std::vector<double>& values)
{
    Sequence<Sequence<Any>> rows(static_cast<sal_Int32>(values.size()));
    auto* row = rows.getArray();
    for (std::size_t i = 0; i < values.size(); ++i)
        {
        const Any cell(values[i]);
        row[i] = Sequence<Any>(&cell, 1);
    }
    return rows;
}

// A value or a single cell given to a sequence<sequence<any>> parameter: Calc wraps it 1x1.
CellRange single(double value) { return columnRange({value}); }

std::vector<double> randomColumn(std::size_t n, double lo, double hi, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> d(lo, hi);
    std::vector<double> v(n);
    for (double& x : v)
        x = std::round(d(rng));
    return v;
}

const Any kOmitted;

rtl::OUString utf16(const char* utf8) { return rtl::OUString(utf8, static_cast<sal_Int32>(std::strlen(utf8)), RTL_TEXTENCODING_UTF8); }

template <class F>
void run(benchmark::State& state, F call, double elements = 0)
{
    call();  // first call outside the loop: lazily built statics
    const auto before = bench::allocations();
    for (auto _ : state)
        benchmark::DoNotOptimize(call());
    bench::reportAllocations(state, before);
    if (elements > 0)
        bench::reportPerElement(state, elements);
}

// The floor case of calc_bench.py: =WORKSHOP_EFFICIENCY(1;1;1).
void BM_Adapter_WorkshopEfficiency_Constants(benchmark::State& s)
{
    auto f = component();
    const CellRange one = single(1.0);
    run(s, [&] { return f->workshopEfficiency(one, one, one, kOmitted); });
}
BENCHMARK(BM_Adapter_WorkshopEfficiency_Constants);

// =WORKSHOP_EFFICIENCY(A2;B2;C2;"生产率"): a keyword given in Chinese.
void BM_Adapter_WorkshopEfficiency_Keyword(benchmark::State& s)
{
    auto f = component();
    const CellRange sold = single(8775.0), worked = single(9000.0), available = single(12000.0);
    const Any measure(utf16("生产率"));
    run(s, [&] { return f->workshopEfficiency(sold, worked, available, measure); });
}
BENCHMARK(BM_Adapter_WorkshopEfficiency_Keyword);

// =FUNNEL_RATE(A2;B2)
void BM_Adapter_FunnelRate_Row(benchmark::State& s)
{
    auto f = component();
    const CellRange converted = single(708.0), entered = single(4146.0);
    run(s, [&] { return f->funnelRate(converted, entered, kOmitted); });
}
BENCHMARK(BM_Adapter_FunnelRate_Row);

// =FUNNEL_RATE(A2:C2;D2:F2;"mean"): three months per row, keyword in English.
void BM_Adapter_FunnelRate_Row3Mean(benchmark::State& s)
{
    auto f = component();
    const CellRange converted = columnRange({708, 877, 1003}), entered = columnRange({4146, 3846, 4476});
    const Any method(rtl::OUString("mean"));
    run(s, [&] { return f->funnelRate(converted, entered, method); });
}
BENCHMARK(BM_Adapter_FunnelRate_Row3Mean);

// =TIERED_BONUS(A2;$E$1:$E$3;$F$1:$F$3): the seed's plan, one call per consultant.
void BM_Adapter_TieredBonus_Row(benchmark::State& s)
{
    auto f = component();
    const CellRange t = columnRange({0, 100000, 120000}), r = columnRange({0.02, 0.03, 0.04});
    run(s, [&] { return f->tieredBonus(150000.0, t, r, kOmitted, kOmitted, kOmitted); });
}
BENCHMARK(BM_Adapter_TieredBonus_Row);

// The same with every option given: "超额累进", a cap and a prior.
void BM_Adapter_TieredBonus_RowAllOptions(benchmark::State& s)
{
    auto f = component();
    const CellRange t = columnRange({0, 100000, 120000}), r = columnRange({0.02, 0.03, 0.04});
    const Any mode(utf16("超额累进")), cap(5000.0), prior(100000.0);
    run(s, [&] { return f->tieredBonus(50000.0, t, r, mode, cap, prior); });
}
BENCHMARK(BM_Adapter_TieredBonus_RowAllOptions);

// =FUNNEL_TARGET(C1;B2): one rate, a plain number back (chained down a column).
void BM_Adapter_FunnelTarget_Chained(benchmark::State& s)
{
    auto f = component();
    const CellRange rate = single(0.8);
    run(s, [&] { return f->funnelTarget(100.0, rate, kOmitted); });
}
BENCHMARK(BM_Adapter_FunnelTarget_Chained);

// =TARGET_SPLIT($B$1;$C$2:$C$4;0;ROW()-1): one part per row.
void BM_Adapter_TargetSplit_Part(benchmark::State& s)
{
    auto f = component();
    const CellRange w = columnRange({100, 70, 115});
    const Any zero(0.0), part(2.0);
    run(s, [&] { return f->targetSplit(330.0, w, zero, part); });
}
BENCHMARK(BM_Adapter_TargetSplit_Part);

// One call over a 10k-row range: conversion of the range included.
void BM_Adapter_FunnelRate_Range10k(benchmark::State& s)
{
    auto f = component();
    const auto e = randomColumn(10000, 100, 5000, 7);
    std::vector<double> c(e.size());
    for (std::size_t i = 0; i < e.size(); ++i)
        c[i] = std::round(e[i] * 0.2);
    const CellRange converted = columnRange(c), entered = columnRange(e);
    run(s, [&] { return f->funnelRate(converted, entered, kOmitted); }, 10000);
}
BENCHMARK(BM_Adapter_FunnelRate_Range10k);

// {=TARGET_SPLIT(1234567;C1:C10000)}: the whole array back.
void BM_Adapter_TargetSplit_Array10k(benchmark::State& s)
{
    auto f = component();
    const CellRange w = columnRange(randomColumn(10000, 0, 1000, 3));
    run(s, [&] { return f->targetSplit(1234567.0, w, kOmitted, kOmitted); }, 10000);
}
BENCHMARK(BM_Adapter_TargetSplit_Array10k);

// =PAYOUT_CURVE(A2;$E$1:$E$3;$F$1:$F$3): the published curve, one call per row.
void BM_Adapter_PayoutCurve_Row(benchmark::State& s)
{
    auto f = component();
    const CellRange p = columnRange({0.75, 1, 1.5}), y = columnRange({0.5, 1, 3});
    run(s, [&] { return f->payoutCurve(1.2, p, y, kOmitted); });
}
BENCHMARK(BM_Adapter_PayoutCurve_Row);

// The same held: "封顶".
void BM_Adapter_PayoutCurve_RowHold(benchmark::State& s)
{
    auto f = component();
    const CellRange p = columnRange({0.75, 1, 1.5}), y = columnRange({0.5, 1, 3});
    const Any hold(utf16("封顶"));
    run(s, [&] { return f->payoutCurve(1.6, p, y, hold); });
}
BENCHMARK(BM_Adapter_PayoutCurve_RowHold);

// =KPI_SCORE(A2:C2;D2:F2;$K$1:$M$1;1.2;;$K$2:$M$2): three measures per row.
void BM_Adapter_KpiScore_Row(benchmark::State& s)
{
    auto f = component();
    const CellRange a = columnRange({110, 0.95, 25}), t = columnRange({100, 0.9, 30}), w = columnRange({50, 30, 20});
    const Any cap(1.2), d(columnRange({0, 0, 1}));
    run(s, [&] { return f->kpiScore(a, t, w, cap, kOmitted, d); });
}
BENCHMARK(BM_Adapter_KpiScore_Row);

// The same with the directions as words: "越高越好", "越高越好", "越低越好".
void BM_Adapter_KpiScore_RowWords(benchmark::State& s)
{
    auto f = component();
    const CellRange a = columnRange({110, 0.95, 25}), t = columnRange({100, 0.9, 30}), w = columnRange({50, 30, 20});
    const Any cap(1.2);
    Sequence<Sequence<Any>> rows(3);
    const char* words[] = {"越高越好", "越高越好", "越低越好"};
    for (int i = 0; i < 3; ++i) {
        const Any cell(utf16(words[i]));
        rows.getArray()[i] = Sequence<Any>(&cell, 1);
    }
    const Any d(rows);
    run(s, [&] { return f->kpiScore(a, t, w, cap, kOmitted, d); });
}
BENCHMARK(BM_Adapter_KpiScore_RowWords);

} // namespace

BENCHMARK_MAIN();
