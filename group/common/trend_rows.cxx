#include "trend_rows.hxx"

#include <com/sun/star/beans/NamedValue.hpp>

#include "contract.hxx"

using namespace css;
using org::dealerkpi::group::TrendRow;

namespace dealerkpi::group {
namespace {

// The template's titles of a measure's change, year-to-date and period columns
// (templates/group_trend.py).
constexpr const char* kMonthOnMonth = "_环比";
constexpr const char* kYearOnYear = "_同比";
constexpr const char* kYearToDate = "_年累计";
constexpr const char* kPeriod = "期间_";

rtl::OUString text(const std::string& s) { return rtl::OUString::fromUtf8(s.c_str()); }

void add(std::vector<beans::NamedValue>& out, const std::string& title, double v)
{
    out.emplace_back(text(title), uno::Any(v));
}

void add_all(std::vector<beans::NamedValue>& out, const std::map<std::string, double>& values, const char* tail)
{
    for (const auto& [name, v] : values)
        add(out, name + tail, v);
}

TrendRow row(const std::string& kind, const std::string& month, const std::string& code, const std::string& name,
             const std::vector<beans::NamedValue>& values)
{
    return TrendRow(text(kind), text(month), text(code), text(name),
                    uno::Sequence<beans::NamedValue>(values.data(), static_cast<sal_Int32>(values.size())));
}

TrendRow group_month(const store::GroupMonth& m)
{
    std::vector<beans::NamedValue> v;
    add(v, "下发经销商数", m.issued);
    add(v, "采用经销商数", m.taken);
    add(v, "售后下发经销商数", m.workshop_issued);
    add(v, "售后采用经销商数", m.workshop_taken);
    add_all(v, m.sum, "");
    add_all(v, m.rate, "");
    add_all(v, m.mom, kMonthOnMonth);
    add_all(v, m.yoy, kYearOnYear);
    add_all(v, m.ytd, kYearToDate);
    return row({}, m.month, {}, {}, v);
}

void dealer_rows(std::vector<TrendRow>& out, const store::Trend& t, const contract::TrendDealer& d)
{
    auto kind = t.dealers.find(d.stamp);
    if (kind == t.dealers.end())
        return;
    auto figures = [&](const store::DealerFigures& f, const std::string& prefix) {
        std::vector<beans::NamedValue> v;
        if (f.count)
            add(v, prefix + d.count, *f.count);
        if (f.rate)
            add(v, prefix + d.rate, *f.rate);
        return v;
    };
    for (const auto& [code, dealer] : kind->second) {
        std::vector<beans::NamedValue> period = figures(dealer.period, kPeriod);
        add(period, "排名", dealer.rank);
        out.push_back(row(d.stamp, {}, code, dealer.name, period));
        for (const auto& [month, f] : dealer.months)
            out.push_back(row(d.stamp, month, code, dealer.name, figures(f, {})));
    }
}

}  // namespace

uno::Sequence<TrendRow> trend_rows(const store::Trend& t)
{
    std::vector<TrendRow> out;
    for (const store::GroupMonth& m : t.months)
        out.push_back(group_month(m));
    for (const contract::TrendDealer& d : contract::kTrendDealers)
        dealer_rows(out, t, d);
    return uno::Sequence<TrendRow>(out.data(), static_cast<sal_Int32>(out.size()));
}

}  // namespace dealerkpi::group
