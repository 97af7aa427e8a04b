#include "trend.hxx"

#include <array>
#include <cstdio>

namespace dealerkpi::group::store {
namespace {

const std::string kStrategy = "strategy_table", kWorkshop = "workshop_targets";

// Rates pooled over sums: name -> (numerator, denominator).
const std::vector<std::array<std::string, 3>>& pooled()
{
    static const std::vector<std::array<std::string, 3>> r{
        {"订单交车率", "交车数_实际", "订单数_实际"},
        {"报价订单率", "订单数_实际", "报价数_实际"},
        {"进店线索报价率", "报价数_实际", "进店线索数_实际"},
        {"交车数_达成率", "交车数_实际", "交车数_目标"},
        {"总效率_合计", "销售工时_合计", "可售工时_合计"}};
    return r;
}

void add_sums(std::map<std::string, double>& sum, const TakenMonth& t)
{
    auto ends = [](const std::string& s, const std::string& tail) {
        return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
    };
    for (const Value& v : t.values) {
        if (!v.number)
            continue;
        if (ends(v.name, "工时"))
            sum[v.name + "_合计"] += *v.number;
        else if (v.index == 0 && (ends(v.name, "数_实际") || ends(v.name, "数_目标") || ends(v.name, "数_预计") ||
                                  v.name == "售后产值目标"))
            sum[v.name] += *v.number;
    }
}

std::map<std::string, double> rates_of(const std::map<std::string, double>& sum)
{
    std::map<std::string, double> out;
    for (const auto& [rate, num, den] : pooled()) {
        auto n = sum.find(num), d = sum.find(den);
        if (n != sum.end() && d != sum.end() && d->second > 0)
            out[rate] = n->second / d->second;
    }
    return out;
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
        add_sums(g.sum, t);
        if (t.kind != kStrategy || t.month < from)
            continue;
        std::map<std::string, double> own;
        add_sums(own, t);
        auto& [name, months] = out.dealers[t.dealer_code];
        name = t.dealer_name;
        DealerMonth& d = months[t.month];
        d.delivered = own["交车数_实际"], d.target = own["交车数_目标"];
        if (d.target > 0)
            d.achievement = d.delivered / d.target;
    }
    for (const IssuedCount& c : issued)
        if (auto it = all.find(c.month); it != all.end())
            (c.kind == kWorkshop ? it->second.workshop_issued : it->second.issued) += c.issued;
    for (auto& [m, g] : all)
        g.rate = rates_of(g.sum);
    for (auto& [m, g] : all) {
        if (m < from)
            continue;
        auto prev = all.find(month_add(m, -1)), last_year = all.find(month_add(m, -12));
        changes(g, prev == all.end() ? nullptr : &prev->second, &GroupMonth::mom);
        changes(g, last_year == all.end() ? nullptr : &last_year->second, &GroupMonth::yoy);
        for (std::string k = m.substr(0, 4) + "-01"; k <= m; k = month_add(k, 1))
            for (const auto& [name, v] : all[k].sum)
                g.ytd[name] += v;
        for (const auto& [name, v] : rates_of(g.ytd))
            g.ytd[name] = v;
        out.months.push_back(g);
    }
    return out;
}

}  // namespace dealerkpi::group::store
