// The group's store at scale (docs/group-store.md): 500 dealers x 36 months x two
// templates recorded as distribute and rollup record them, then the time of
// `status` for one month and of the trend over 12 months (goal < 2 s each, SQLite).
//
//   store_bench [--dealers N] [--months N] [--keep STORE]   (default 500, 36; an existing STORE is reused)
#include "store.hxx"
#include "trend.hxx"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include <unistd.h>

using namespace dealerkpi::group::store;
namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::vector<Value> strategy(int d, int m)
{
    const double delivered = 40 + d % 60 + m % 7;
    return {{"交车数_目标", 0, 50.0 + d % 60, {}}, {"订单交车率_目标", 0, 0.8, {}},
            {"报价订单率_目标", 0, 0.4, {}},      {"进店线索报价率_目标", 0, 0.5, {}},
            {"交车数_实际", 0, delivered, {}},    {"订单数_实际", 0, delivered + 10, {}},
            {"报价数_实际", 0, 2 * delivered + 30, {}}, {"进店线索数_实际", 0, 4 * delivered + 70, {}},
            {"线索数_实际", 0, 12 * delivered + 200, {}}};
}

std::vector<Value> workshop(int d, int m)
{
    std::vector<Value> v{{"售后产值目标", 0, 5e6 + d * 1000.0, {}}};
    for (int t = 0; t < 3; ++t) {
        v.push_back({"可售工时", t, 8000.0 + d + t, {}});
        v.push_back({"生产工时", t, 6000.0 + d + m % 5, {}});
        v.push_back({"销售工时", t, 5000.0 + d + m % 3, {}});
    }
    return v;
}

void fill(Store& s, int dealers, int months)
{
    for (int m = 0; m < months; ++m) {
        const std::string month = month_add("2024-01", m);
        std::vector<Issued> issued;
        std::vector<Returned> back;
        for (const char* kind : {"strategy_table", "workshop_targets"})
            for (int d = 0; d < dealers; ++d) {
                const bool st = std::strcmp(kind, "strategy_table") == 0;
                const std::string code = "D" + std::to_string(1000 + d), name = "经销商" + std::to_string(d);
                Issued i{code, name, month, kind, code + "_" + name + "_" + month + ".ods",
                         "i" + code + month + kind, "", "", {}};
                i.values = group_set_values(kind, st ? strategy(d, m) : workshop(d, m));
                issued.push_back(i);
                Returned r;
                r.path = "/回收/" + month + "/" + i.file_name;
                r.sha256 = "r" + code + month + kind;
                r.saved_at = month + "-28T10:00:00Z";
                r.dealer_code = code, r.dealer_name = name, r.month = month, r.kind = kind;
                r.values = st ? strategy(d, m) : workshop(d, m);
                back.push_back(r);
            }
        s.record_issued(issued);
        s.record_returned(back);
    }
}

}  // namespace

int main(int argc, char** argv)
{
    int dealers = 500, months = 36;
    std::string keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--dealers"))
            dealers = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--months"))
            months = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--keep"))
            keep = argv[i + 1];
    }
    const fs::path dir = fs::temp_directory_path() / ("dealerkpi-store-bench-" + std::to_string(getpid()));
    const std::string where = keep.empty() ? (dir / "group.sqlite").string() : keep;
    auto t0 = std::chrono::steady_clock::now();
    if (!keep.empty() && fs::exists(keep)) {  // a store kept from an earlier run: timed as it is
        std::printf("- store reused: %s (%d months assumed)\n", where.c_str(), months);
    } else {
        auto s = Store::open(where);
        fill(*s, dealers, months);
        std::printf("- store filled: %d dealers x %d months x 2 templates in %.1f s (%s)\n", dealers, months,
                    seconds_since(t0), where.c_str());
    }
    auto s = Store::open(where);
    const std::string last = month_add("2024-01", months - 1), first = month_add(last, -11);
    t0 = std::chrono::steady_clock::now();
    auto lines = s->status(last);
    const double status_s = seconds_since(t0);
    const std::string from = trend_history_from(first);
    // Side by side: every value of the taken files, and only the trend's measures (what trend reads).
    t0 = std::chrono::steady_clock::now();
    Trend all = trend_of(s->taken(from, last), s->issued_counts(from, last), first, last);
    const double all_s = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    Trend t = trend_of(s->taken(from, last, trend_cells()), s->issued_counts(from, last), first, last);
    const double trend_s = seconds_since(t0);
    bool same = all.months.size() == t.months.size();
    for (std::size_t i = 0; same && i < t.months.size(); ++i)
        same = all.months[i].sum == t.months[i].sum && all.months[i].rate == t.months[i].rate &&
               all.months[i].mom == t.months[i].mom && all.months[i].yoy == t.months[i].yoy &&
               all.months[i].ytd == t.months[i].ytd;
    std::printf("- status %s (%zu lines): %.3f s (goal < 2 s)\n", last.c_str(), lines.size(), status_s);
    std::printf("- trend %s..%s (%zu months, %zu dealers), store part:\n"
                "    every value read    %.3f s\n"
                "    trend measures read %.3f s (goal < 2 s), %.1fx faster, figures %s\n",
                first.c_str(), last.c_str(), t.months.size(), t.dealers["strategy_table"].size(), all_s, trend_s,
                all_s / trend_s, same ? "identical" : "DIFFER");
    if (keep.empty())
        fs::remove_all(dir);
    return status_s < 2 && trend_s < 2 && same ? 0 : 1;
}
