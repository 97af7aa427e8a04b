// The group's store without an office: schema versions, records, decisions,
// idempotence, two writers at once. Every test runs on SQLite; with
// DEALERKPI_TEST_PGHOST (a PostgreSQL socket folder, see with_postgresql.sh)
// the same tests run on a fresh PostgreSQL database each.
#include "store.hxx"
#include "trend.hxx"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <tuple>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace dealerkpi::group::store;

namespace {

std::string pg_host() { return std::getenv("DEALERKPI_TEST_PGHOST") ? std::getenv("DEALERKPI_TEST_PGHOST") : ""; }
std::string pg_port() { return std::getenv("DEALERKPI_TEST_PGPORT") ? std::getenv("DEALERKPI_TEST_PGPORT") : "5432"; }

std::string pg_url(const std::string& db)
{
    return "postgresql:///" + db + "?host=" + pg_host() + "&port=" + pg_port();
}

/** A fresh, empty store: an SQLite file in a new folder, or a new PostgreSQL database. */
std::string fresh_store()
{
    static std::atomic<int> n{0};
    const std::string id = std::to_string(getpid()) + "_" + std::to_string(n++);
    if (pg_host().empty()) {
        fs::path dir = fs::temp_directory_path() / ("dealerkpi_store_test_" + id);
        fs::remove_all(dir);
        return (dir / "sub folder" / "group.sqlite").string();  // a folder to make, a space in the path
    }
    soci::session admin(soci::postgresql, pg_url("postgres"));
    admin << "DROP DATABASE IF EXISTS t" + id;
    admin << "CREATE DATABASE t" + id;
    return pg_url("t" + id);
}

Value num(const std::string& name, double v, int idx = 0) { return Value{name, idx, v, std::nullopt}; }

Issued issued(const std::string& code, const std::string& name, const std::string& month, double target = 100)
{
    Issued i{code, name, month, "strategy_table", code + "_" + name + "_" + month + ".ods", "issued-" + code + month,
             "issue-1", "2026-01-01T00:00:00Z", {}};
    i.values = {num("交车数_目标", target), num("订单交车率_目标", 0.8)};
    return i;
}

Returned returned(const std::string& code, const std::string& month, double delivered, const std::string& saved,
                  double target = 100)
{
    Returned r;
    r.path = "/in/" + code + "_" + month + "_" + saved + ".ods";
    r.sha256 = "sha-" + code + month + saved + std::to_string(delivered) + std::to_string(target);
    r.saved_at = saved;
    r.dealer_code = code;
    r.dealer_name = "经销商" + code;
    r.month = month;
    r.kind = "strategy_table";
    r.values = {num("交车数_目标", target), num("订单交车率_目标", 0.8), num("交车数_实际", delivered),
                num("订单数_实际", delivered * 1.25), Value{"经销商", 0, std::nullopt, r.dealer_name}};
    return r;
}

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override { where = fresh_store(); }
    std::string where;
};

TEST_F(StoreTest, NewStoreHasTheCurrentVersion)
{
    auto s = Store::open(where);
    EXPECT_EQ(s->schema_version(), kSchemaVersion);
    EXPECT_EQ(Store::open(where)->schema_version(), kSchemaVersion);  // opened again: nothing to do
}

TEST_F(StoreTest, OlderStoreIsMigratedWithItsRecords)
{
    {
        auto old = Store::open(where, 1);
        ASSERT_EQ(old->schema_version(), 1);
        old->record_issued({issued("D01", "甲", "2026-11")});
    }
    auto s = Store::open(where);
    EXPECT_EQ(s->schema_version(), kSchemaVersion);
    auto lines = s->status("2026-11");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].dealer_name, "甲");
    auto o = s->record_returned({returned("D01", "2026-11", 10, "2026-11-30T10:00:00")});
    EXPECT_EQ(o.at(0).status, Status::Taken);  // the new column (doubts) is there
}

std::unique_ptr<soci::session> raw_session(const std::string& where)
{
    if (pg_host().empty())
        return std::make_unique<soci::session>(soci::sqlite3, "db=\"" + where + "\"");
    return std::make_unique<soci::session>(soci::postgresql, where);
}

// A store of schema version 2 as DealerKPI wrote it before value rows had integer
// keys: its tables made by the version-2 statements, its rows inserted as version 2's
// code inserted them (a value row keyed by its file's SHA-256 text and the cell's name).
struct V2File {
    std::string sha, month, kind, code, status;
    std::vector<Value> values;
};

std::vector<V2File> v2_files()
{
    std::vector<V2File> out;
    for (int m = 0; m < 14; ++m)
        for (int d = 0; d < 3; ++d) {
            const std::string month = month_add("2025-11", m), code = "D0" + std::to_string(d);
            const double delivered = 10 + 3 * d + m % 4;
            out.push_back({"s" + code + month, month, "strategy_table", code, "taken",
                           {num("交车数_目标", 12 + d), num("交车数_实际", delivered), num("订单数_实际", delivered + 2.5),
                            num("报价数_实际", 2 * delivered), Value{"经销商", 0, std::nullopt, "店" + code},
                            Value{"备注", 0, std::nullopt, std::nullopt}}});
            out.push_back({"w" + code + month, month, "workshop_targets", code, "taken",
                           {num("售后产值目标", 1e5 + d), num("销售工时", 50 + m, 0), num("销售工时", 20, 1),
                            num("销售工时", 10.5, 2), num("可售工时", 100, 0), num("可售工时", 40, 1),
                            num("可售工时", 30 + d, 2)}});
        }
    // not taken and superseded files of a month: in the store, never in the trend
    out.push_back({"x-changed", "2026-11", "strategy_table", "D00", "not_taken", {num("交车数_实际", 999)}});
    out.push_back({"x-earlier", "2026-11", "strategy_table", "D01", "superseded", {num("交车数_实际", 1)}});
    return out;
}

void write_v2_store(soci::session& raw, const std::vector<V2File>& files)
{
    for (const V2File& f : files) {
        std::string path = "/in/" + f.sha + ".ods", saved = f.month + "-28T10:00:00", name = "店" + f.code, none;
        int code = f.status == "taken" ? 0 : 2;
        raw << "INSERT INTO submission (sha256, path, saved_at, dealer_code, dealer_name, month, kind, status,"
               " reason_code, reason, other_path, recorded_at, doubts)"
               " VALUES (:h, :p, :s, :c, :n, :m, :k, :st, :rc, :r, :o, :at, :d)",
            soci::use(f.sha), soci::use(path), soci::use(saved), soci::use(f.code), soci::use(name),
            soci::use(f.month), soci::use(f.kind), soci::use(f.status), soci::use(code), soci::use(none),
            soci::use(none), soci::use(saved), soci::use(none);
        for (const Value& v : f.values) {
            double number = v.number.value_or(0);
            std::string text = v.text.value_or("");
            soci::indicator ni = v.number ? soci::i_ok : soci::i_null, ti = v.text ? soci::i_ok : soci::i_null;
            raw << "INSERT INTO submission_value (sha256, name, idx, number, text) VALUES (:h, :n, :i, :v, :t)",
                soci::use(f.sha), soci::use(v.name), soci::use(v.index), soci::use(number, ni), soci::use(text, ti);
        }
    }
}

bool same_values(std::vector<Value> a, std::vector<Value> b)
{
    auto key = [](const Value& x, const Value& y) { return std::tie(x.name, x.index) < std::tie(y.name, y.index); };
    std::sort(a.begin(), a.end(), key);
    std::sort(b.begin(), b.end(), key);
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const Value& x, const Value& y) {
               return x.name == y.name && x.index == y.index && x.number == y.number && x.text == y.text;
           });
}

std::string raw_bytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_F(StoreTest, AVersion2StoreKeepsEveryFigureAndItsTrend)
{
    const std::vector<V2File> files = v2_files();
    Store::open(where, 2);
    write_v2_store(*raw_session(where), files);
    std::vector<TakenMonth> expected;  // what was typed, taken files only
    for (const V2File& f : files)
        if (f.status == "taken")
            expected.push_back({f.month, f.kind, f.code, "店" + f.code, f.values});
    auto s = Store::open(where);
    EXPECT_EQ(s->schema_version(), kSchemaVersion);
    const auto taken = s->taken("2025-11", "2026-12");
    ASSERT_EQ(taken.size(), expected.size());
    for (const TakenMonth& t : taken) {
        auto e = std::find_if(expected.begin(), expected.end(), [&](const TakenMonth& x) {
            return x.month == t.month && x.kind == t.kind && x.dealer_code == t.dealer_code;
        });
        ASSERT_NE(e, expected.end()) << t.month << t.kind << t.dealer_code;
        EXPECT_EQ(t.dealer_name, e->dealer_name);
        EXPECT_TRUE(same_values(t.values, e->values)) << t.month << t.kind << t.dealer_code;
    }
    const Trend want = trend_of(expected, {}, "2026-01", "2026-12");
    const Trend got = trend_of(s->taken("2025-01", "2026-12", trend_cells()), {}, "2026-01", "2026-12");
    ASSERT_EQ(got.months.size(), 12u);
    for (std::size_t i = 0; i < got.months.size(); ++i) {
        EXPECT_EQ(got.months[i].sum, want.months[i].sum) << got.months[i].month;
        EXPECT_EQ(got.months[i].rate, want.months[i].rate) << got.months[i].month;
        EXPECT_EQ(got.months[i].mom, want.months[i].mom) << got.months[i].month;
        EXPECT_EQ(got.months[i].yoy, want.months[i].yoy) << got.months[i].month;
        EXPECT_EQ(got.months[i].ytd, want.months[i].ytd) << got.months[i].month;
    }
    EXPECT_FALSE(want.months.back().yoy.empty());  // a year of history: the comparison covers year-on-year
    for (const auto& [kind, dealers] : want.dealers)
        for (const auto& [code, d] : dealers) {
            const DealerTrend& g = got.dealers.at(kind).at(code);
            EXPECT_EQ(g.rank, d.rank) << kind << code;
            EXPECT_EQ(g.period.sum, d.period.sum) << kind << code;
            EXPECT_EQ(g.period.rate, d.period.rate) << kind << code;
        }
    // A migrated file is known by its content again; a new one is recorded beside the old ones.
    Returned again = returned("D00", "2025-11", 1, "2025-11-28T10:00:00");
    again.sha256 = files[0].sha;
    EXPECT_TRUE(s->record_returned({again}).at(0).already_recorded);
    auto later = s->record_returned({returned("D00", "2026-12", 11, "2026-12-29T10:00:00")});
    EXPECT_EQ(later.at(0).status, Status::Taken);  // a later save than the migrated one: it replaces it
    EXPECT_EQ(s->taken("2025-11", "2026-12").size(), expected.size());
    for (const TakenMonth& t : s->taken("2026-12", "2026-12", {"交车数_实际"}))
        if (t.kind == "strategy_table" && t.dealer_code == "D00") {
            ASSERT_EQ(t.values.size(), 1u);
            EXPECT_EQ(t.values[0].number, 11.0);
        } else {
            EXPECT_EQ(t.values.size(), t.kind == "strategy_table" ? 1u : 0u);
        }
}

TEST_F(StoreTest, NewerStoreIsRefusedAndLeftUntouched)
{
    std::string before;
    {
        auto s = Store::open(where);
        s->record_issued({issued("D01", "甲", "2026-11")});
        before = s->dump();
    }
    {
        auto raw = raw_session(where);
        *raw << "UPDATE schema_version SET version = 99";
        if (pg_host().empty())
            *raw << "PRAGMA wal_checkpoint(TRUNCATE)";
    }
    const std::string file_before = pg_host().empty() ? raw_bytes(where) : "";
    try {
        Store::open(where);
        FAIL() << "a store of version 99 was opened";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.code, StoreError::TooNew);
        EXPECT_NE(std::string(e.what()).find("99"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("未作任何改动"), std::string::npos) << e.what();
    }
    if (pg_host().empty()) {
        EXPECT_EQ(raw_bytes(where), file_before);
    }
    auto raw = raw_session(where);
    int version = 0, rows = 0;
    *raw << "SELECT version FROM schema_version", soci::into(version);
    *raw << "SELECT count(*) FROM issued_value", soci::into(rows);
    EXPECT_EQ(version, 99);
    EXPECT_EQ(rows, 2);
}

TEST_F(StoreTest, TheSameFilesAgainChangeNothing)
{
    auto s = Store::open(where);
    s->record_issued({issued("D01", "甲", "2026-11"), issued("D02", "乙", "2026-11")});
    std::vector<Returned> files{returned("D01", "2026-11", 10, "2026-11-30T10:00:00"),
                                returned("D02", "2026-11", 10, "2026-11-30T10:00:00", 90),
                                returned("D01", "2026-11", 12, "2026-11-30T11:00:00")};
    files[0].issue = files[2].issue = "I1";  // two saves of one issued file
    auto first = s->record_returned(files);
    const std::string dump = s->dump();
    auto again = s->record_returned(files);
    EXPECT_EQ(s->dump(), dump);
    ASSERT_EQ(again.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_TRUE(again[i].already_recorded);
        EXPECT_EQ(again[i].status, first[i].status) << i;
        EXPECT_EQ(reason_text(again[i]), reason_text(first[i])) << i;
    }
    EXPECT_EQ(again[0].status, Status::Superseded);
    EXPECT_EQ(again[1].status, Status::NotTaken);
}

TEST_F(StoreTest, AChangedGroupTargetIsNotTaken)
{
    auto s = Store::open(where);
    s->record_issued({issued("D01", "甲", "2026-11", 100)});
    auto o = s->record_returned({returned("D01", "2026-11", 10, "2026-11-30T10:00:00", 10)});
    ASSERT_EQ(o.size(), 1u);
    EXPECT_EQ(o[0].status, Status::NotTaken);
    EXPECT_EQ(o[0].reason, Reason::TargetChanged);
    const std::string text = reason_text(o[0]);
    EXPECT_NE(text.find("集团下发的目标被修改：交车数_目标 下发 100，文件 10"), std::string::npos) << text;
    EXPECT_NE(text.find("交车数_目标 issued 100, file 10"), std::string::npos) << text;
    auto lines = s->status("2026-11");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_FALSE(lines[0].taken);
    EXPECT_EQ(lines[0].returned, 1);
    EXPECT_EQ(lines[0].reason_text, text);
}

TEST_F(StoreTest, TheLaterSaveWinsInEitherOrderAndAcrossRuns)
{
    auto s = Store::open(where);
    auto early = returned("D01", "2026-11", 10, "2026-11-30T10:00:00");
    auto late = returned("D01", "2026-11", 11, "2026-11-30T12:00:00");
    early.issue = late.issue = "I1";  // two saves of one issued file
    auto o = s->record_returned({late, early});  // the later first: still the later wins
    EXPECT_EQ(o[0].status, Status::Taken);
    EXPECT_EQ(o[1].status, Status::Superseded);
    EXPECT_EQ(o[1].other_path, late.path);
    auto later = returned("D01", "2026-11", 12, "2026-12-01T09:00:00");
    auto o2 = s->record_returned({later});  // a correction in a run of its own
    EXPECT_EQ(o2[0].status, Status::Taken);
    auto t = s->taken("2026-11", "2026-11");
    ASSERT_EQ(t.size(), 1u);
    for (const Value& v : t[0].values)
        if (v.name == "交车数_实际") {
            EXPECT_EQ(v.number, 12.0);
        }
    auto lines = s->status("2026-11");
    EXPECT_TRUE(lines.empty());  // nothing issued: status lists issued dealers only
}

// Two files of one dealer-month in one run that are not saves of one issued file (an
// impostor beside the real one): neither is taken, whichever was saved later.
TEST_F(StoreTest, TwoFilesOfOneDealerMonthNotOfOneIssueTakeNeither)
{
    auto s = Store::open(where);
    auto real = returned("D01", "2026-11", 10, "2026-11-30T10:00:00");
    auto impostor = returned("D01", "2026-11", 0, "2026-11-30T12:00:00");
    real.issue = "I1";
    auto o = s->record_returned({real, impostor});
    EXPECT_EQ(o[0].status, Status::NotTaken);
    EXPECT_EQ(o[1].status, Status::NotTaken);
    EXPECT_EQ(o[0].reason, Reason::TwoInOneRun);
    EXPECT_EQ(o[1].reason, Reason::TwoInOneRun);
    EXPECT_TRUE(s->taken("2026-11", "2026-11").empty());
}

TEST_F(StoreTest, TakenFilesCarryTheirOwnValuesWhatEverIsAskedFor)
{
    auto s = Store::open(where);
    std::vector<Returned> files;
    for (int d = 0; d < 30; ++d)
        for (const char* month : {"2026-10", "2026-11"})
            files.push_back(returned("D" + std::to_string(10 + d), month, 10 + d, std::string(month) + "-30T10:00"));
    s->record_returned(files);
    auto all = s->taken("2026-10", "2026-11");
    auto some = s->taken("2026-10", "2026-11", {"交车数_实际", "订单数_实际"});
    ASSERT_EQ(all.size(), 60u);
    ASSERT_EQ(some.size(), 60u);
    for (std::size_t i = 0; i < some.size(); ++i) {
        EXPECT_EQ((some[i].month + some[i].dealer_code), (all[i].month + all[i].dealer_code));
        std::vector<std::string> names;
        for (const Value& v : some[i].values) {
            names.push_back(v.name);
            if (v.name == "交车数_实际") {  // each file keeps its own figure
                EXPECT_EQ(v.number, 10.0 + std::stoi(some[i].dealer_code.substr(1)) - 10);
            }
        }
        std::sort(names.begin(), names.end());
        EXPECT_EQ(names, (std::vector<std::string>{"交车数_实际", "订单数_实际"}));
        EXPECT_GT(all[i].values.size(), 2u);
    }
    EXPECT_TRUE(s->taken("2026-10", "2026-11", {"无此单元格"}).at(0).values.empty());
}

TEST_F(StoreTest, StatusListsEveryIssuedDealer)
{
    auto s = Store::open(where);
    s->record_issued({issued("D01", "甲", "2026-11"), issued("D02", "乙", "2026-11"), issued("D03", "丙", "2026-11"),
                      issued("D01", "甲", "2026-12")});
    s->record_returned({returned("D01", "2026-11", 10, "2026-11-30T10:00:00"),
                        returned("D02", "2026-11", 10, "2026-11-30T10:00:00", 50)});
    auto lines = s->status("2026-11");
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].dealer_code, "D01");
    EXPECT_TRUE(lines[0].taken);
    EXPECT_EQ(lines[1].returned, 1);
    EXPECT_FALSE(lines[1].taken);
    EXPECT_EQ(lines[1].reason, Reason::TargetChanged);
    EXPECT_EQ(lines[2].returned, 0);
    EXPECT_FALSE(lines[2].taken);
    EXPECT_EQ(s->status("2026-11", "workshop_targets").size(), 0u);
    auto counts = s->issued_counts("2026-11", "2026-12");
    ASSERT_EQ(counts.size(), 2u);
    EXPECT_EQ(counts[0].issued, 3);
    EXPECT_EQ(counts[1].issued, 1);
}

TEST_F(StoreTest, AFigureFarFromTheDealersMonthsIsTakenButDoubted)
{
    auto s = Store::open(where);
    s->record_returned({returned("D01", "2026-08", 8, "2026-08-30T10:00:00"),
                        returned("D01", "2026-09", 10, "2026-09-30T10:00:00"),
                        returned("D01", "2026-10", 12, "2026-10-30T10:00:00")});
    // The mean of the last three months is 10: 30 is not more than 3x, 31 is; 3.4 is not below a third, 3.3 is.
    auto edge = s->record_returned({returned("D02", "2026-11", 0, "x")});  // another dealer: no history, no doubt
    EXPECT_TRUE(edge[0].doubts.empty());
    auto at30 = returned("D01", "2026-11", 30, "2026-11-30T10:00:00");
    auto o = s->record_returned({at30});
    EXPECT_EQ(o[0].status, Status::Taken);
    EXPECT_TRUE(o[0].doubts.empty());
    auto at31 = returned("D01", "2026-11", 31, "2026-11-30T11:00:00");
    o = s->record_returned({at31});
    EXPECT_EQ(o[0].status, Status::Taken);
    ASSERT_EQ(o[0].doubts.size(), 2u);  // 交车数_实际 and 订单数_实际 (the rate between them is unchanged)
    EXPECT_EQ(o[0].doubts[0].name, "交车数_实际");
    EXPECT_DOUBLE_EQ(o[0].doubts[0].figure, 31);
    EXPECT_DOUBLE_EQ(o[0].doubts[0].usual, 10);
    EXPECT_NE(doubt_text(o[0].doubts[0], 3).find("请核实：交车数_实际 本月 31"), std::string::npos);
    o = s->record_returned({returned("D01", "2026-11", 3.4, "2026-11-30T12:00:00")});
    EXPECT_TRUE(o[0].doubts.empty());
    o = s->record_returned({returned("D01", "2026-11", 3.3, "2026-11-30T13:00:00")});
    EXPECT_EQ(o[0].doubts.size(), 2u);
    Plausibility loose;
    loose.count_factor = 4;
    o = s->record_returned({returned("D01", "2026-11", 31, "2026-11-30T14:00:00")}, loose);
    EXPECT_TRUE(o[0].doubts.empty());
}

TEST_F(StoreTest, ARateMovingMoreThanThirtyPointsIsDoubted)
{
    auto s = Store::open(where);
    auto r = returned("D01", "2026-10", 10, "2026-10-30T10:00:00");  // 订单交车率 0.8
    s->record_returned({r});
    auto n = returned("D01", "2026-11", 10, "2026-11-30T10:00:00");
    n.values[3] = num("订单数_实际", 10 / 0.49);  // 0.8 -> 0.49: 31 points
    auto o = s->record_returned({n});
    ASSERT_EQ(o[0].doubts.size(), 1u);
    EXPECT_EQ(o[0].doubts[0].name, "订单交车率_实际");
    EXPECT_TRUE(o[0].doubts[0].rate);
    auto m = returned("D01", "2026-11", 10, "2026-11-30T11:00:00");
    m.values[3] = num("订单数_实际", 10 / 0.51);  // 29 points
    EXPECT_TRUE(s->record_returned({m})[0].doubts.empty());
}

TEST_F(StoreTest, SqlInANameIsStoredAsText)
{
    auto s = Store::open(where);
    const std::string evil = "'); DROP TABLE issued; --";
    s->record_issued({issued("D01", evil, "2026-11")});
    auto r = returned("D01", "2026-11", 10, "2026-11-30T10:00:00");
    r.dealer_name = evil;
    r.path = "/in/" + evil + ".ods";
    s->record_returned({r});
    auto lines = s->status("2026-11");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].dealer_name, evil);
    EXPECT_EQ(lines[0].taken_path, r.path);
    EXPECT_EQ(s->taken("2026-11", "2026-11").at(0).dealer_name, evil);
}

TEST_F(StoreTest, TwoWritersAtOnceLoseNothing)
{
    Store::open(where);  // created before the writers start
    constexpr int kRuns = 15, kFiles = 10;
    auto writer = [&](const std::string& who) {
        auto s = Store::open(where);
        for (int run = 0; run < kRuns; ++run) {
            std::vector<Returned> files;
            for (int f = 0; f < kFiles; ++f) {
                auto r = returned(who + std::to_string(f), "2026-" + std::to_string(10 + run % 3), run,
                                  "2026-12-01T00:00:" + std::to_string(10 + run));
                files.push_back(r);
            }
            s->record_returned(files);
        }
    };
    pid_t pids[2];
    for (int i = 0; i < 2; ++i) {
        pids[i] = fork();
        ASSERT_GE(pids[i], 0);
        if (pids[i] == 0) {
            int rc = 0;
            try {
                writer(i == 0 ? "A" : "B");
            } catch (const std::exception& e) {
                fprintf(stderr, "writer %d: %s\n", i, e.what());
                rc = 1;
            }
            _exit(rc);
        }
    }
    for (pid_t p : pids) {
        int status = 0;
        waitpid(p, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    auto raw = raw_session(where);
    int submissions = 0, taken = 0;
    *raw << "SELECT count(*) FROM submission", soci::into(submissions);
    *raw << "SELECT count(*) FROM submission WHERE status = 'taken'", soci::into(taken);
    EXPECT_EQ(submissions, 2 * kRuns * kFiles);
    // Three months, each dealer's later runs supersede its earlier ones: one taken per dealer-month.
    EXPECT_EQ(taken, 2 * 3 * kFiles);
}

TEST(StoreLocation, DefaultFollowsTheEnvironment)
{
    ::setenv("DEALERKPI_STORE", "/x/y.sqlite", 1);
    EXPECT_EQ(Store::default_location(), "/x/y.sqlite");
    ::unsetenv("DEALERKPI_STORE");
    ::setenv("XDG_DATA_HOME", "/data", 1);
    EXPECT_EQ(Store::default_location(), "/data/dealerkpi/group.sqlite");
    ::unsetenv("XDG_DATA_HOME");
    ::setenv("HOME", "/home/u", 1);
    EXPECT_EQ(Store::default_location(), "/home/u/.local/share/dealerkpi/group.sqlite");
}

TEST(StoreFiles, Sha256OfAFile)
{
    fs::path p = fs::temp_directory_path() / ("dealerkpi_sha_" + std::to_string(getpid()));
    std::ofstream(p) << "abc";
    EXPECT_EQ(sha256_of_file(p.string()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    fs::remove(p);
    EXPECT_THROW(sha256_of_file(p.string()), StoreError);
}

}  // namespace

namespace {

TakenMonth taken_month(const std::string& month, const std::string& code, double delivered, double orders,
                       double target)
{
    return TakenMonth{month, "strategy_table", code, "店" + code,
                      {num("交车数_实际", delivered), num("订单数_实际", orders), num("交车数_目标", target),
                       num("订单交车率_目标", 0.8)}};
}

}  // namespace

TEST(Trend, MonthsAddAcrossYears)
{
    EXPECT_EQ(month_add("2026-11", -12), "2025-11");
    EXPECT_EQ(month_add("2026-01", -1), "2025-12");
    EXPECT_EQ(month_add("2026-12", 1), "2027-01");
    EXPECT_EQ(month_add("2026-03", -27), "2023-12");
}

TEST(Trend, RatesArePooledChangesAndYearToDate)
{
    // Two dealers of very different size: the group's rate is Σ交车 / Σ订单, never the mean of theirs.
    std::vector<TakenMonth> t{taken_month("2025-02", "A", 50, 100, 100),
                              taken_month("2026-01", "A", 90, 100, 100), taken_month("2026-01", "B", 1, 10, 2),
                              taken_month("2026-02", "A", 80, 100, 100), taken_month("2026-02", "B", 9, 10, 10)};
    std::vector<IssuedCount> issued{{"2026-01", "strategy_table", 3}, {"2026-02", "strategy_table", 2}};
    Trend tr = trend_of(t, issued, "2026-01", "2026-02");
    ASSERT_EQ(tr.months.size(), 2u);
    const GroupMonth& jan = tr.months[0];
    const GroupMonth& feb = tr.months[1];
    EXPECT_EQ(jan.month, "2026-01");
    EXPECT_EQ(jan.issued, 3);
    EXPECT_EQ(jan.taken, 2);
    EXPECT_DOUBLE_EQ(jan.sum.at("交车数_实际"), 91);
    EXPECT_DOUBLE_EQ(jan.rate.at("订单交车率_实际"), 91.0 / 110);  // the mean of 0.9 and 0.1 would be 0.5
    EXPECT_DOUBLE_EQ(jan.rate.at("交车数_达成率"), 91.0 / 102);
    EXPECT_TRUE(jan.mom.empty());  // December is not in the store
    EXPECT_TRUE(jan.yoy.empty());
    EXPECT_DOUBLE_EQ(feb.mom.at("交车数_实际"), 89.0 / 91 - 1);
    EXPECT_DOUBLE_EQ(feb.mom.at("订单交车率_实际"), 89.0 / 110 - 91.0 / 110);
    EXPECT_DOUBLE_EQ(feb.yoy.at("交车数_实际"), 89.0 / 50 - 1);
    EXPECT_DOUBLE_EQ(feb.yoy.at("订单交车率_实际"), 89.0 / 110 - 0.5);
    EXPECT_DOUBLE_EQ(feb.ytd.at("交车数_实际"), 180);
    EXPECT_DOUBLE_EQ(feb.ytd.at("交车数_达成率"), 180.0 / 212);
    const auto& dealers = tr.dealers.at("strategy_table");
    ASSERT_EQ(dealers.size(), 2u);
    EXPECT_DOUBLE_EQ(*dealers.at("B").months.at("2026-02").rate, 0.9);
    EXPECT_DOUBLE_EQ(*dealers.at("B").months.at("2026-02").count, 9);
    EXPECT_EQ(dealers.at("A").months.count("2025-02"), 0u);  // before `from`: history only
    // the period pooled: A 170 / 200 = 0.85, B 10 / 12 = 0.83 (the mean of B's months would be 0.7)
    EXPECT_DOUBLE_EQ(*dealers.at("A").period.rate, 170.0 / 200);
    EXPECT_DOUBLE_EQ(*dealers.at("B").period.rate, 10.0 / 12);
    EXPECT_DOUBLE_EQ(*dealers.at("A").period.count, 170);
    EXPECT_EQ(dealers.at("A").rank, 1);
    EXPECT_EQ(dealers.at("B").rank, 2);
}

TEST(Trend, TheWorkshopsHoursAreSummedOverTradesAndItsEfficiencyPooled)
{
    // The measures are the contract's: a per-trade name summed over its three cells.
    auto hours = [](const char* name, double a, double b, double c) {
        return std::vector<Value>{{name, 0, a, {}}, {name, 1, b, {}}, {name, 2, c, {}}};
    };
    std::vector<Value> big = hours("销售工时", 300, 100, 100), small = hours("销售工时", 10, 0, 0);
    for (auto v : hours("可售工时", 400, 200, 200)) big.push_back(v);
    for (auto v : hours("可售工时", 100, 0, 0)) small.push_back(v);
    big.push_back({"售后产值目标", 0, 100000.0, {}});
    std::vector<TakenMonth> t{{"2026-03", "workshop_targets", "A", "店A", big},
                              {"2026-03", "workshop_targets", "B", "店B", small}};
    Trend tr = trend_of(t, {{"2026-03", "workshop_targets", 2}}, "2026-03", "2026-03");
    const GroupMonth& m = tr.months.at(0);
    EXPECT_EQ(m.workshop_taken, 2);
    EXPECT_EQ(m.taken, 0);
    EXPECT_DOUBLE_EQ(m.sum.at("销售工时_合计"), 510);
    EXPECT_DOUBLE_EQ(m.rate.at("总效率_合计"), 510.0 / 900);  // the mean of 0.625 and 0.1 would be 0.36
    EXPECT_DOUBLE_EQ(*tr.dealers.at("workshop_targets").at("A").months.at("2026-03").count, 100000);
    EXPECT_DOUBLE_EQ(*tr.dealers.at("workshop_targets").at("B").months.at("2026-03").rate, 0.1);
    EXPECT_EQ(tr.dealers.count("strategy_table"), 0u);
}

TEST(Values, TheIssuedValuesAreTheContractsGroupSetCells)
{
    // 交车数_本季度目标 ends in 目标 but the dealer types it: it was never issued, and a
    // returned file that carries the dealer's own figure must not read as a changed target.
    std::vector<Value> read{{"经销商", 0, {}, std::string("店1")}, {"交车数_目标", 0, 100.0, {}},
                            {"订单交车率_目标", 0, 0.8, {}},          {"交车数_本季度目标", 0, 300.0, {}},
                            {"交车数_实际", 0, 90.0, {}},            {"进店线索报价率_目标", 0, 0.5, {}}};
    std::vector<std::string> names;
    for (const Value& v : group_set_values("strategy_table", read))
        names.push_back(v.name);
    EXPECT_EQ(names, (std::vector<std::string>{"交车数_目标", "订单交车率_目标", "进店线索报价率_目标"}));
    std::vector<Value> workshop{{"售后产值目标", 0, 5e5, {}}, {"配件目标", 0, 1e5, {}}, {"工时目标", 0, 1e5, {}}};
    ASSERT_EQ(group_set_values("workshop_targets", workshop).size(), 1u);
    EXPECT_EQ(group_set_values("workshop_targets", workshop)[0].name, "售后产值目标");
    EXPECT_TRUE(group_set_values("commission_plan", read).empty());
}

TEST(Values, TheSavedTimeIsTheDocumentsSortably)
{
    EXPECT_EQ(saved_time_text(46357.5), "2026-12-01T12:00:00.000");
    EXPECT_EQ(saved_time_text(46357 + (10 * 3600 + 5 * 60 + 7.25) / 86400), "2026-12-01T10:05:07.250");
    EXPECT_LT(saved_time_text(46357.4), saved_time_text(46357.41));
    EXPECT_LT(saved_time_text(46356.99), saved_time_text(46357.0));
    EXPECT_EQ(saved_time_text(0), "");  // unknown
}
