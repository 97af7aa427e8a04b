// The benchmark-only probe add-in (see XProbe.idl): every method does the
// least it can, so a Calc recalculation of 100k calls measures the cost of
// the call itself for that signature.
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/dealerkpi/bench/XProbe.hpp>

using css::uno::Any;
using css::uno::Sequence;

namespace {

constexpr char kServiceName[] = "org.dealerkpi.bench.Probe";
constexpr char kImplementationName[] = "org.dealerkpi.bench.ProbeImpl";

double first(const Any& a)
{
    double d = 0.0;
    a >>= d;
    return d;
}

double first(const Sequence<Sequence<double>>& m)
{
    return m.getLength() > 0 && m[0].getLength() > 0 ? m[0][0] : 0.0;
}

class Probe : public cppu::WeakImplHelper3<org::dealerkpi::bench::XProbe, css::lang::XServiceName,
                                           css::lang::XServiceInfo> {
public:
    double SAL_CALL probeNone() override { return 1.0; }
    double SAL_CALL probeD1(double a) override { return a; }
    double SAL_CALL probeD3(double a, double, double c) override { return a / c; }
    double SAL_CALL probeA1(const Any& a) override { return first(a); }
    double SAL_CALL probeA3(const Any& a, const Any&, const Any& c) override { return first(a) / first(c); }
    double SAL_CALL probeA4(const Any& a, const Any&, const Any& c, const Any&) override
    {
        return first(a) / first(c);
    }
    double SAL_CALL probeD1A5(double a, const Any&, const Any&, const Any&, const Any&, const Any&) override
    {
        return a;
    }
    double SAL_CALL probeD1S2A3(double a, const Sequence<Sequence<double>>&, const Sequence<Sequence<double>>&,
                                const Any&, const Any&, const Any&) override
    {
        return a;
    }
    double SAL_CALL probeS3(const Sequence<Sequence<double>>& a, const Sequence<Sequence<double>>&,
                            const Sequence<Sequence<double>>& c) override
    {
        return first(a) / first(c);
    }
    double SAL_CALL probeM3A1(const Sequence<Sequence<Any>>& a, const Sequence<Sequence<Any>>&,
                              const Sequence<Sequence<Any>>& c, const Any&) override
    {
        return probeM1(a) / probeM1(c);
    }
    double SAL_CALL probeD1M2A3(double a, const Sequence<Sequence<Any>>&, const Sequence<Sequence<Any>>&,
                                const Any&, const Any&, const Any&) override
    {
        return a;
    }
    double SAL_CALL probeM1(const Sequence<Sequence<Any>>& a) override
    {
        return a.getLength() > 0 && a[0].getLength() > 0 ? first(a[0][0]) : 0.0;
    }
    double SAL_CALL probeS1(const Sequence<Sequence<double>>& a) override { return first(a); }
    Any SAL_CALL probeD3Any(double a, double, double c) override { return Any(a / c); }
    Any SAL_CALL probeEchoA(const Any& a) override
    {
        // A range arrives as rows of Any: hand the same shape back as doubles.
        Sequence<Sequence<Any>> in;
        if (!(a >>= in))
            return Any(first(a));
        Sequence<Sequence<double>> out(in.getLength());
        auto* row = out.getArray();
        for (sal_Int32 r = 0; r < in.getLength(); ++r) {
            row[r].realloc(in[r].getLength());
            auto* cell = row[r].getArray();
            for (sal_Int32 c = 0; c < in[r].getLength(); ++c)
                cell[c] = first(in[r][c]);
        }
        return Any(out);
    }
    Sequence<Sequence<double>> SAL_CALL probeEchoS(const Sequence<Sequence<double>>& a) override { return a; }
    double SAL_CALL probeD1A3(double a, const Any&, const Any&, const Any&) override { return a; }
    double SAL_CALL probeA6(const Any& a, const Any&, const Any&, const Any&, const Any&, const Any&) override
    {
        return first(a);
    }

    rtl::OUString SAL_CALL getServiceName() override { return kServiceName; }
    rtl::OUString SAL_CALL getImplementationName() override { return kImplementationName; }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override { return cppu::supportsService(this, name); }
    Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        Sequence<rtl::OUString> names(2);
        names.getArray()[0] = kServiceName;
        names.getArray()[1] = "com.sun.star.sheet.AddIn";
        return names;
    }
};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_dealerkpi_bench_Probe_get_implementation(css::uno::XComponentContext*, const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new Probe);
}
