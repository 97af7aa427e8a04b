#include "trend.hxx"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "contract.hxx"

namespace dealerkpi::group::store {
namespace {

const std::string kWorkshop = "workshop_targets";

const contract::TrendDealer* dealer_measures(const std::string& kind)
{
    for (const contract::TrendDealer& d : contract::kTrendDealers)
        if (kind == d.stamp)
            return &d;
    return nullptr;
}

void add_to(std::map<std::string, double>& into, const std::map<std::string, double>& from)
{
    for (const auto& [name, v] : from)
        into[name] += v;
}

DealerFigures figures_of(const contract::TrendDealer& d, const std::map<std::string, double>& sums)
{
    DealerFigures f;
    f.sum = sums;
    if (auto it = sums.find(d.count); it != sums.end())
        f.count = it->second;
    const auto rates = trend_rates(sums);
    if (auto it = rates.find(d.rate); it != rates.end())
        f.rate = it->second;
    return f;
}

void changes(GroupMonth& m, const GroupMonth* earlier, std::map<std::string, double> GroupMonth::*into)
{
    if (!earlier || earlier->taken + earlier->workshop_taken == 0)
        return;  // blank where the earlier month is not in the store
    for (const auto& [name, v] : m.sum)
        if (auto e = earlier->sum.find(name); e != earlier->sum.end() && e->second != 0)
            (m.*into)[name] = v / e->second - 1;
    for (const auto& [name, v] : m.rate)
        if (auto e = earlier->rate.find(name); e != earlier->rate.end())
            (m.*into)[name] = v - e->second;
}

void add_dealer_month(Trend& out, const TakenMonth& t, const std::map<std::string, double>& sums)
{
    const contract::TrendDealer* d = dealer_measures(t.kind);
    if (!d)
        return;
    DealerTrend& dealer = out.dealers[t.kind][t.dealer_code];
    dealer.name = t.dealer_name;
    dealer.months[t.month] = figures_of(*d, sums);
}

void rank_dealers(Trend& out)
{
    for (auto& [kind, dealers] : out.dealers) {
        const contract::TrendDealer& d = *dealer_measures(kind);
        std::vector<DealerTrend*> order;
        for (auto& [code, dealer] : dealers) {
            std::map<std::string, double> period;
            for (const auto& [month, f] : dealer.months)
                add_to(period, f.sum);
            dealer.period = figures_of(d, period);
            order.push_back(&dealer);
        }
        std::stable_sort(order.begin(), order.end(), [](const DealerTrend* a, const DealerTrend* b) {
            return a->period.rate.value_or(-1) > b->period.rate.value_or(-1);
        });
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i]->rank = static_cast<int>(i + 1);
    }
}

void finish_month(GroupMonth& g, std::map<std::string, GroupMonth>& all)
{
    auto prev = all.find(month_add(g.month, -1)), last_year = all.find(month_add(g.month, -12));
    changes(g, prev == all.end() ? nullptr : &prev->second, &GroupMonth::mom);
    changes(g, last_year == all.end() ? nullptr : &last_year->second, &GroupMonth::yoy);
    for (std::string k = g.month.substr(0, 4) + "-01"; k <= g.month; k = month_add(k, 1))
        if (auto it = all.find(k); it != all.end())
            add_to(g.ytd, it->second.sum);
    for (const auto& [name, v] : trend_rates(g.ytd))
        g.ytd[name] = v;
}

}  // namespace

std::string month_add(const std::string& month, int n)
{
    int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2)) - 1 + n;
    y += m >= 0 ? m / 12 : -((11 - m) / 12);
    m = ((m % 12) + 12) % 12;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m + 1);
    return buf;
}

std::vector<std::string> trend_cells()
{
    std::vector<std::string> out;
    for (const contract::TrendSum& s : contract::kTrendSums)
        if (std::find(out.begin(), out.end(), s.cell) == out.end())
            out.push_back(s.cell);
    return out;
}

std::map<std::string, double> trend_sums(const std::string& kind, const std::vector<Value>& values)
{
    std::map<std::string, double> out;
    for (const contract::TrendSum& s : contract::kTrendSums) {
        if (kind != s.stamp)
            continue;
        for (const Value& v : values)
            if (v.number && v.name == s.cell && (s.perTrade || v.index == 0))
                out[s.name] += *v.number;
    }
    return out;
}

std::map<std::string, double> trend_rates(const std::map<std::string, double>& sums)
{
    std::map<std::string, double> out;
    for (const contract::TrendRate& r : contract::kTrendRates) {
        auto n = sums.find(r.actual), d = sums.find(r.base);
        if (n != sums.end() && d != sums.end() && d->second > 0)
            out[r.name] = n->second / d->second;
    }
    return out;
}

Trend trend_of(const std::vector<TakenMonth>& taken, const std::vector<IssuedCount>& issued,
               const std::string& from, const std::string& to)
{
    std::map<std::string, GroupMonth> all;  // every month from a year before `from`
    for (std::string m = trend_history_from(from); m <= to; m = month_add(m, 1))
        all[m].month = m;
    Trend out;
    for (const TakenMonth& t : taken) {
        auto it = all.find(t.month);
        if (it == all.end())
            continue;
        GroupMonth& g = it->second;
        (t.kind == kWorkshop ? g.workshop_taken : g.taken) += 1;
        const auto sums = trend_sums(t.kind, t.values);
        add_to(g.sum, sums);
        if (t.month >= from)
            add_dealer_month(out, t, sums);
    }
    for (const IssuedCount& c : issued)
        if (auto it = all.find(c.month); it != all.end())
            (c.kind == kWorkshop ? it->second.workshop_issued : it->second.issued) += c.issued;
    for (auto& [m, g] : all)
        g.rate = trend_rates(g.sum);
    for (auto& [m, g] : all)
        if (m >= from) {
            finish_month(g, all);
            out.months.push_back(g);
        }
    rank_dealers(out);
    return out;
}

}  // namespace dealerkpi::group::store
