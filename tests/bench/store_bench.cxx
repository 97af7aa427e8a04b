// The group's store at scale (docs/group-store.md): 500 dealers x 36 months x two
// templates recorded as distribute and rollup record them, then the time of
// `status` for one month and of the trend over 12 months (goal < 2 s each, SQLite).
// The trend's read is timed side by side with the read of schema version 2 (value
// rows keyed by the file's SHA-256 and the cell's name as text, every value of the
// taken files fetched and the trend's cells kept in C++), over a copy of the same
// values in that shape in the same file, in alternating rounds (the machine's load
// hits both alike); both trends and the one worked out from what was typed must be
// identical.
//
//   store_bench [--dealers N] [--months N] [--keep STORE] [--all-cells] [--times FILE]
//   (default 500, 36; an existing STORE is reused; --all-cells: a returned file holds a
//   value for every named cell of its template, as a roll-up records them, not only the
//   trend's; STORE may be a postgresql:// URL of an empty database, then filled and timed
//   the same way, without version 2's read, which is SQLite's only; --times: the seconds
//   measured, one "name value" a line, for scripts/bench.sh to print beside other reads)
#include "store.hxx"
#include "trend.hxx"

#include "contract.hxx"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

using namespace dealerkpi::group::store;
namespace fs = std::filesystem;
namespace contract = dealerkpi::group::contract;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

/** This process's CPU seconds so far: on a loaded machine the wall time is mostly waiting for a core. */
double cpu_seconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/** The wall and CPU seconds of one call. */
template <class F> std::pair<double, double> timed(F&& f)
{
    const auto t0 = Clock::now();
    const double c0 = cpu_seconds();
    f();
    return {seconds_since(t0), cpu_seconds() - c0};
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

/** What the bench types into a file (with every other named cell of the template: `all`). */
std::vector<Value> typed(const std::string& kind, int d, int m, bool all)
{
    std::vector<Value> v = kind == "strategy_table" ? strategy(d, m) : workshop(d, m);
    if (!all)
        return v;
    for (const contract::Template& t : contract::kTemplates)
        for (std::size_t c = 0; kind == t.stamp && c < t.cellCount; ++c) {
            const std::string name = t.cells[c].name;
            if (std::none_of(v.begin(), v.end(), [&](const Value& x) { return x.name == name; }))
                for (int i = 0; i < t.cells[c].cells; ++i)
                    v.push_back({name, i, d + m + i + 0.5, {}});
        }
    return v;
}

/** A SHA-256's shape (64 hex digits), unique per key. */
std::string sha_like(const std::string& key)
{
    std::string out;
    char buf[17];
    for (int i = 0; i < 4; ++i) {
        std::snprintf(buf, sizeof buf, "%016zx", std::hash<std::string>{}(key + char('a' + i)));
        out += buf;
    }
    return out;
}

const char* const kKinds[] = {"strategy_table", "workshop_targets"};

void fill(Store& s, int dealers, int months, bool all)
{
    for (int m = 0; m < months; ++m) {
        const std::string month = month_add("2024-01", m);
        std::vector<Issued> issued;
        std::vector<Returned> back;
        for (const std::string kind : kKinds)
            for (int d = 0; d < dealers; ++d) {
                const std::string code = "D" + std::to_string(1000 + d), name = "经销商" + std::to_string(d);
                Issued i{code, name, month, kind, code + "_" + name + "_" + month + ".ods",
                         sha_like("i" + code + month + kind), "", "", {}};
                i.values = group_set_values(kind, typed(kind, d, m, false));
                issued.push_back(i);
                Returned r;
                r.path = "/回收/" + month + "/" + i.file_name;
                r.sha256 = sha_like("r" + code + month + kind);
                r.saved_at = month + "-28T10:00:00Z";
                r.dealer_code = code, r.dealer_name = name, r.month = month, r.kind = kind;
                r.values = typed(kind, d, m, all);
                back.push_back(r);
            }
        s.record_issued(issued);
        s.record_returned(back);
    }
}

/** The taken dealer-months from..to as typed (the trend's reference). */
std::vector<TakenMonth> typed_months(int dealers, const std::string& from, const std::string& to)
{
    std::vector<TakenMonth> out;
    for (int m = 0; month_add("2024-01", m) <= to; ++m)
        for (const std::string kind : kKinds)
            for (int d = 0; d < dealers && month_add("2024-01", m) >= from; ++d)
                out.push_back({month_add("2024-01", m), kind, "D" + std::to_string(1000 + d),
                               "经销商" + std::to_string(d), typed(kind, d, m, false)});
    return out;
}

// Schema version 2's value rows (its table submission_value), copied from the store's.
void make_v2_copy(soci::session& sql)
{
    sql << "CREATE TABLE IF NOT EXISTS v2_value (sha256 TEXT NOT NULL, name TEXT NOT NULL, idx INTEGER NOT NULL,"
           " number DOUBLE PRECISION, text TEXT, PRIMARY KEY (sha256, name, idx))";
    long long rows = 0;
    sql << "SELECT count(*) FROM v2_value", soci::into(rows);
    if (rows == 0)  // a kept store has its copy from the first run
        sql << "INSERT INTO v2_value SELECT s.sha256, c.name, v.idx, v.number, v.text FROM file_value v"
               " JOIN submission s ON s.file_id = v.file_id JOIN cell_name c ON c.id = v.cell";
}

/** Schema version 2's read of the taken files' values (group/store/records.cxx before version 3). */
std::vector<TakenMonth> v2_taken(soci::session& sql, const std::string& from, const std::string& to,
                                 const std::vector<std::string>& names)
{
    std::vector<TakenMonth> out;
    std::unordered_map<std::string, std::size_t> at;
    soci::rowset<soci::row> files = (sql.prepare << "SELECT sha256, month, kind, dealer_code, dealer_name"
                                                    " FROM submission WHERE status = 'taken' AND month >= :f"
                                                    " AND month <= :t ORDER BY month, kind, dealer_code",
                                     soci::use(from), soci::use(to));
    for (const soci::row& r : files) {
        at.emplace(r.get<std::string>(0), out.size());
        out.push_back({r.get<std::string>(1), r.get<std::string>(2), r.get<std::string>(3), r.get<std::string>(4), {}});
    }
    const std::unordered_set<std::string> wanted(names.begin(), names.end());
    constexpr std::size_t kBatch = 4096;
    std::vector<std::string> sha, name, text;
    std::vector<int> idx;
    std::vector<double> number;
    std::vector<soci::indicator> ni, ti;
    auto reset = [&] {
        sha.resize(kBatch), name.resize(kBatch), text.resize(kBatch), idx.resize(kBatch);
        number.resize(kBatch), ni.resize(kBatch), ti.resize(kBatch);
    };
    reset();
    soci::statement st = (sql.prepare << "SELECT v.sha256, v.name, v.idx, v.number, v.text FROM submission s"
                                         " JOIN v2_value v ON v.sha256 = s.sha256"
                                         " WHERE s.month >= :f AND s.month <= :t AND s.status = 'taken'",
                          soci::into(sha), soci::into(name), soci::into(idx), soci::into(number, ni),
                          soci::into(text, ti), soci::use(from), soci::use(to));
    st.execute(false);
    for (; st.fetch(); reset())
        for (std::size_t r = 0; r < sha.size(); ++r)
            if (wanted.count(name[r]))
                out[at.at(sha[r])].values.push_back(
                    Value{name[r], idx[r], ni[r] == soci::i_ok ? std::optional<double>(number[r]) : std::nullopt,
                          ti[r] == soci::i_ok ? std::optional<std::string>(text[r]) : std::nullopt});
    return out;
}

bool same(const Trend& a, const Trend& b)
{
    if (a.months.size() != b.months.size() || a.dealers.size() != b.dealers.size())
        return false;
    for (std::size_t i = 0; i < a.months.size(); ++i) {
        const GroupMonth &x = a.months[i], &y = b.months[i];
        if (x.month != y.month || x.taken != y.taken || x.workshop_taken != y.workshop_taken || x.sum != y.sum ||
            x.rate != y.rate || x.mom != y.mom || x.yoy != y.yoy || x.ytd != y.ytd)
            return false;
    }
    for (const auto& [kind, dealers] : a.dealers) {
        auto other = b.dealers.find(kind);
        if (other == b.dealers.end() || other->second.size() != dealers.size())
            return false;
        for (const auto& [code, d] : dealers) {
            auto o = other->second.find(code);
            if (o == other->second.end() || o->second.rank != d.rank || o->second.period.sum != d.period.sum ||
                o->second.period.rate != d.period.rate || o->second.months.size() != d.months.size())
                return false;
        }
    }
    return true;
}

struct Options {
    int dealers = 500, months = 36, rounds = 3;
    bool all_cells = false;
    std::string keep, times;
};

Options options(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const bool value = i + 1 < argc;
        if (!std::strcmp(argv[i], "--all-cells"))
            o.all_cells = true;
        else if (!std::strcmp(argv[i], "--dealers") && value)
            o.dealers = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--months") && value)
            o.months = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--rounds") && value)
            o.rounds = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--keep") && value)
            o.keep = argv[++i];
        else if (!std::strcmp(argv[i], "--times") && value)
            o.times = argv[++i];
    }
    return o;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

bool is_postgresql(const std::string& where)
{
    return where.rfind("postgresql://", 0) == 0 || where.rfind("postgres://", 0) == 0;
}

/** The timed trend reads of all rounds: version 2's (SQLite only) and the store's own. */
struct Rounds {
    std::vector<double> v2_s, v3_s, v2_cpu, v3_cpu;
    bool same_v2 = true, same_v3 = true;
};

void print_trend(const Rounds& r, const std::string& first, const std::string& last, std::size_t months,
                 const Options& o, const char* backend)
{
    std::printf("- trend %s..%s (%zu months, %d dealers x 2 templates), store read and sums, median of %d rounds"
                " (wall, CPU; %s):\n",
                first.c_str(), last.c_str(), months, o.dealers, o.rounds, backend);
    if (!r.v2_s.empty())
        std::printf("    version 2 (text keys, every value fetched)   %.3f s, CPU %.3f s, figures %s\n",
                    median(r.v2_s), median(r.v2_cpu), r.same_v2 ? "identical to the typed" : "DIFFER");
    std::printf("    version 3 (integer keys, the trend's cells)  %.3f s, CPU %.3f s (goal < 2 s), figures %s\n",
                median(r.v3_s), median(r.v3_cpu), r.same_v3 ? "identical to the typed" : "DIFFER");
    if (!r.v2_s.empty())
        std::printf("    %.1fx less wall time, %.1fx less CPU\n", median(r.v2_s) / median(r.v3_s),
                    median(r.v2_cpu) / median(r.v3_cpu));
}

/** The seconds measured, "name value" a line, for scripts/bench.sh, and the group's monthly
    figures of the store's trend ("figure sum|rate|mom|ytd month name value"), so that the
    same figures read another way can be checked against them. */
void write_times(const std::string& path, double status_s, const Rounds& r, const Options& o, const Trend& t)
{
    std::FILE* f = path.empty() ? nullptr : std::fopen(path.c_str(), "w");
    if (!f)
        return;
    std::fprintf(f, "status %.6f\ntrend %.6f\ntrend_cpu %.6f\nsame %d\ndealers %d\nmonths %d\nserver_cpu_apart %d\n",
                 status_s, median(r.v3_s), median(r.v3_cpu), r.same_v3 ? 1 : 0, o.dealers, o.months,
                 is_postgresql(o.keep) ? 1 : 0);
    const std::pair<const char*, std::map<std::string, double> GroupMonth::*> parts[] = {
        {"sum", &GroupMonth::sum}, {"rate", &GroupMonth::rate}, {"mom", &GroupMonth::mom}, {"ytd", &GroupMonth::ytd}};
    for (const GroupMonth& m : t.months)
        for (const auto& [part, member] : parts)
            for (const auto& [name, v] : m.*member)
                std::fprintf(f, "figure %s %s %s %.17g\n", part, m.month.c_str(), name.c_str(), v);
    std::fclose(f);
}

}  // namespace

int main(int argc, char** argv)
{
    const Options o = options(argc, argv);
    const bool pg = is_postgresql(o.keep);
    const char* backend = pg ? "PostgreSQL" : "SQLite";
    const fs::path dir = fs::temp_directory_path() / ("dealerkpi-store-bench-" + std::to_string(getpid()));
    const std::string where = o.keep.empty() ? (dir / "group.sqlite").string() : o.keep;
    auto t0 = Clock::now();
    if (!pg && !o.keep.empty() && fs::exists(o.keep)) {  // a store kept from an earlier run: timed as it is
        std::printf("- store reused: %s (%d dealers, %d months assumed)\n", where.c_str(), o.dealers, o.months);
    } else {
        fill(*Store::open(where), o.dealers, o.months, o.all_cells);
        std::printf("- store filled: %d dealers x %d months x 2 templates (%s) in %.1f s (%s)\n", o.dealers,
                    o.months, o.all_cells ? "every named cell" : "the trend's cells", seconds_since(t0), backend);
    }
    auto s = Store::open(where);
    std::unique_ptr<soci::session> raw;  // version 2's copy: SQLite only
    if (!pg) {
        raw = std::make_unique<soci::session>(soci::sqlite3, "db=\"" + where + "\" timeout=60");
        t0 = Clock::now();
        make_v2_copy(*raw);
        long long rows = 0;
        *raw << "SELECT count(*) FROM file_value", soci::into(rows);
        std::printf("- %lld value rows; version 2's copy of them ready in %.1f s\n", rows, seconds_since(t0));
    }
    const std::string last = month_add("2024-01", o.months - 1), first = month_add(last, -11);
    t0 = Clock::now();
    auto lines = s->status(last);
    const double status_s = seconds_since(t0);
    const std::string from = trend_history_from(first);
    const auto issued = s->issued_counts(from, last);
    const Trend want = trend_of(typed_months(o.dealers, from, last), issued, first, last);
    Rounds r;
    Trend store_trend;
    for (int i = 0; i < o.rounds; ++i) {  // alternating, so that the load falls on both alike
        Trend old, now;
        if (raw) {
            auto [w2, c2] = timed([&] { old = trend_of(v2_taken(*raw, from, last, trend_cells()), issued, first, last); });
            r.v2_s.push_back(w2), r.v2_cpu.push_back(c2), r.same_v2 = r.same_v2 && same(old, want);
        }
        auto [w3, c3] = timed([&] { now = trend_of(s->taken(from, last, trend_cells()), s->issued_counts(from, last), first, last); });
        r.v3_s.push_back(w3), r.v3_cpu.push_back(c3), r.same_v3 = r.same_v3 && same(now, want);
        store_trend = std::move(now);
    }
    std::printf("- status %s (%zu lines): %.3f s (goal < 2 s; %s)\n", last.c_str(), lines.size(), status_s, backend);
    print_trend(r, first, last, want.months.size(), o, backend);
    write_times(o.times, status_s, r, o, store_trend);
    if (o.keep.empty())
        fs::remove_all(dir);
    return status_s < 2 && median(r.v3_s) < 2 && r.same_v2 && r.same_v3 ? 0 : 1;
}
