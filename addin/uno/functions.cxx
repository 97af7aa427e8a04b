// The Calc add-in component: each method parses its arguments, calls the core
// and maps the result. No arithmetic here.
#include "arguments.hxx"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/dealerkpi/calc/XDealerKpi.hpp>

#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <vector>

using css::uno::Any;
using css::uno::Sequence;

namespace dealerkpi::uno {
namespace {

// FROZEN: stored in users' files as the prefix of every function name.
constexpr char kServiceName[] = "org.dealerkpi.calc.Functions";
constexpr char kImplementationName[] = "org.dealerkpi.calc.FunctionsImpl";

// Test hook: with DEALERKPI_FAULT_INJECTION=1 in the environment of the office
// (read once, when the component is created), a call whose first argument is
// one of these sentinels throws instead of computing, so a test can prove that
// no exception ever leaves an entry point (tests/integration/
// test_fault_injection.py). Binary fractions, so that a typed number matches
// exactly.
constexpr double kThrowBadAlloc = -987654321.25;
constexpr double kThrowRuntimeError = -987654321.5;
constexpr double kThrowNonStd = -987654321.75;

bool faultInjectionRequested() noexcept
{
    const char* v = std::getenv("DEALERKPI_FAULT_INJECTION");
    return v != nullptr && std::strcmp(v, "1") == 0;
}

[[gnu::cold, gnu::noinline]] void injectFault(double first)
{
    if (first == kThrowBadAlloc)
        throw std::bad_alloc();
    if (first == kThrowRuntimeError)
        throw std::runtime_error("injected fault");
    if (first == kThrowNonStd)
        throw 42;
}

[[gnu::cold, gnu::noinline]] void injectFault(const Any& first)
{
    double d = 0.0;
    if (first >>= d)
        injectFault(d);
}

[[gnu::cold, gnu::noinline]] void injectFault(const CellRange& first)
{
    if (first.getLength() == 1 && first[0].getLength() == 1)
        injectFault(first[0][0]);
}

// Runs one call; any C++ exception (std::bad_alloc included) becomes #VALUE!,
// so nothing but a result ever reaches Calc. `faults` is the test hook above:
// false in normal use, one predictable branch.
template <class First, class F>
auto guarded(bool faults, const First& first, F&& call) noexcept -> decltype(call())
{
    try {
        if (DEALERKPI_UNLIKELY(faults))
            injectFault(first);
        return call();
    } catch (...) {
        return decltype(call())(errorValue(Error::Value));
    }
}

// The numbers of an array result, borrowed per call from a vector kept by the
// calling thread, so that a call made once per row (FUNNEL_TARGET with one
// rate, TARGET_SPLIT with a part) allocates nothing once the first call has
// sized it. A vector grown past kKeep numbers by a large range is given back.
class ScratchNumbers {
public:
    ScratchNumbers() : numbers_(perThread()) {}
    ~ScratchNumbers()
    {
        if (numbers_.capacity() > kKeep)
            std::vector<double>().swap(numbers_);
    }
    ScratchNumbers(const ScratchNumbers&) = delete;
    ScratchNumbers& operator=(const ScratchNumbers&) = delete;

    std::vector<double>& get() noexcept { return numbers_; }

private:
    static constexpr std::size_t kKeep = 4096;
    static std::vector<double>& perThread()
    {
        thread_local std::vector<double> numbers;
        return numbers;
    }
    std::vector<double>& numbers_;
};

class Functions : public cppu::WeakImplHelper3<org::dealerkpi::calc::XDealerKpi, css::lang::XServiceName,
                                               css::lang::XServiceInfo> {
public:
    Functions() : faults_(faultInjectionRequested())
    {
        if (faults_)
            enableRangeAllocationFaults();
    }

    // XDealerKpi
    double SAL_CALL funnelRate(const CellRange& converted, const CellRange& entered, const Any& method) override
    {
        return guarded(faults_, converted, [&] {
            CellArgument c, e;
            KeywordArgument m;
            if (Error err = first(c.assign(converted), e.assign(entered), m.assign(method)); err != Error::None)
                return errorValue(err);
            const auto how = parseRateMethod(m.keyword());
            if (!how.ok())
                return errorValue(how.error);
            return toCalc(dealerkpi::funnelRate(c.grid(), e.grid(), how.value));
        });
    }

    Any SAL_CALL funnelTarget(double target, const CellRange& rates, const Any& rounding) override
    {
        return guarded(faults_, target, [&] {
            CellArgument r;
            KeywordArgument k;
            if (Error err = first(r.assign(rates), k.assign(rounding)); err != Error::None)
                return Any(errorValue(err));
            const auto how = parseRounding(k.keyword());
            if (!how.ok())
                return Any(errorValue(how.error));
            ScratchNumbers scratch;
            std::vector<double>& needs = scratch.get();
            if (Error err = dealerkpi::funnelTarget(target, r.grid(), how.value, needs); err != Error::None)
                return Any(errorValue(err));
            return toCalcArray(needs, r.grid());
        });
    }

    Any SAL_CALL targetSplit(double total, const CellRange& weights, const Any& decimals, const Any& part) override
    {
        return guarded(faults_, total, [&] {
            CellArgument w;
            double places = 0.0, which = 0.0;
            if (Error err = first(w.assign(weights), optionalNumber(decimals, 0.0, places),
                                  optionalNumber(part, 0.0, which));
                err != Error::None)
                return Any(errorValue(err));
            ScratchNumbers scratch;
            std::vector<double>& parts = scratch.get();
            if (Error err = dealerkpi::targetSplit(total, w.grid(), places, parts); err != Error::None)
                return Any(errorValue(err));
            if (!wantsWholeSplit(which))
                return Any(toCalc(pickPart(parts, which)));
            return toCalcArray(parts, w.grid());
        });
    }

    double SAL_CALL tieredBonus(double amount, const CellRange& thresholds, const CellRange& rates, const Any& mode,
                                const Any& cap, const Any& prior) override
    {
        return guarded(faults_, amount, [&] {
            CellArgument t, r;
            KeywordArgument m;
            BonusOptions options;
            if (Error err = first(t.assign(thresholds), r.assign(rates), m.assign(mode),
                                  optionalNumber(cap, 0.0, options.cap), optionalNumber(prior, options.prior));
                err != Error::None)
                return errorValue(err);
            const auto how = parseBonusMode(m.keyword());
            if (!how.ok())
                return errorValue(how.error);
            options.mode = how.value;
            return toCalc(dealerkpi::tieredBonus(amount, t.grid(), r.grid(), options));
        });
    }

    double SAL_CALL workshopEfficiency(const CellRange& soldHours, const CellRange& workedHours,
                                       const CellRange& availableHours, const Any& measure) override
    {
        return guarded(faults_, soldHours, [&] {
            CellArgument s, w, a;
            KeywordArgument m;
            if (Error err = first(s.assign(soldHours), w.assign(workedHours), a.assign(availableHours),
                                  m.assign(measure));
                err != Error::None)
                return errorValue(err);
            const auto how = parseMeasure(m.keyword());
            if (!how.ok())
                return errorValue(how.error);
            return toCalc(dealerkpi::workshopEfficiency(s.grid(), w.grid(), a.grid(), how.value));
        });
    }

    double SAL_CALL payoutCurve(double attainment, const CellRange& points, const CellRange& payouts, const Any& beyond) override
    {
        return guarded(faults_, attainment, [&] {
            CellArgument p, y;
            KeywordArgument b;
            if (Error err = first(p.assign(points), y.assign(payouts), b.assign(beyond)); err != Error::None)
                return errorValue(err);
            const auto how = parseBeyond(b.keyword());
            if (!how.ok())
                return errorValue(how.error);
            return toCalc(dealerkpi::payoutCurve(attainment, p.grid(), y.grid(), how.value));
        });
    }

    double SAL_CALL kpiScore(const CellRange& actuals, const CellRange& targets, const CellRange& weights, const Any& caps,
                             const Any& gates, const Any& directions) override
    {
        return guarded(faults_, actuals, [&] {
            CellArgument a, t, w, c, g;
            KeywordListArgument d;
            if (Error err = first(a.assign(actuals), t.assign(targets), w.assign(weights), c.assign(caps),
                                  g.assign(gates), d.assign(directions));
                err != Error::None)
                return errorValue(err);
            KpiInputs in;
            in.actuals = a.grid();
            in.targets = t.grid();
            in.weights = w.grid();
            in.caps = c.grid();
            in.gates = g.grid();
            in.directions = d.keywords();
            return toCalc(dealerkpi::kpiScore(in));
        });
    }

    // XServiceName: Calc stores formulas as <this name>.<method>.
    rtl::OUString SAL_CALL getServiceName() override { return kServiceName; }

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override { return kImplementationName; }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        Sequence<rtl::OUString> names(2);
        names.getArray()[0] = kServiceName;
        names.getArray()[1] = "com.sun.star.sheet.AddIn";
        return names;
    }

private:
    const bool faults_;  // DEALERKPI_FAULT_INJECTION=1 when the component was created

    // The first error among argument conversions, in argument order.
    template <class... E>
    static Error first(E... errors) noexcept
    {
        Error result = Error::None;
        ((result = result == Error::None ? errors : result), ...);
        return result;
    }
};

} // namespace
} // namespace dealerkpi::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_dealerkpi_calc_Functions_get_implementation(css::uno::XComponentContext*, const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new dealerkpi::uno::Functions);
}
