// Opening a store: the connection, the schema's versions and their migrations,
// the write transaction.
#include "soci_store.hxx"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace fs = std::filesystem;

namespace dealerkpi::group::store {
namespace {

bool is_postgresql_url(const std::string& where)
{
    return where.rfind("postgresql://", 0) == 0 || where.rfind("postgres://", 0) == 0;
}

/** SOCI's SQLite connection string: db="…" with the path quoted (spaces). */
std::string sqlite_connect(const std::string& path)
{
    std::string quoted;
    for (char c : path) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return "db=\"" + quoted + "\" timeout=60";
}

/** One migration: its version and its statements per back end. */
struct Migration {
    int version;
    std::vector<std::string> sqlite, postgresql;
};

const std::vector<Migration>& migrations()
{
    // The tables of version 1. Keys are the data's own (a file by its content's
    // SHA-256, an issue by dealer-month-template); no generated ids.
    static const std::vector<std::string> v1{
        "CREATE TABLE schema_version (version INTEGER NOT NULL)",
        "CREATE TABLE issued (dealer_code TEXT NOT NULL, dealer_name TEXT NOT NULL, month TEXT NOT NULL,"
        " kind TEXT NOT NULL, file_name TEXT NOT NULL, sha256 TEXT NOT NULL, issue_id TEXT NOT NULL,"
        " issued_at TEXT NOT NULL, PRIMARY KEY (dealer_code, month, kind))",
        "CREATE TABLE issued_value (dealer_code TEXT NOT NULL, month TEXT NOT NULL, kind TEXT NOT NULL,"
        " name TEXT NOT NULL, idx INTEGER NOT NULL, number DOUBLE PRECISION, text TEXT,"
        " PRIMARY KEY (dealer_code, month, kind, name, idx))",
        "CREATE TABLE submission (sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, saved_at TEXT NOT NULL,"
        " dealer_code TEXT NOT NULL, dealer_name TEXT NOT NULL, month TEXT NOT NULL, kind TEXT NOT NULL,"
        " status TEXT NOT NULL, reason_code INTEGER NOT NULL, reason TEXT NOT NULL, other_path TEXT NOT NULL,"
        " recorded_at TEXT NOT NULL)",
        "CREATE TABLE submission_value (sha256 TEXT NOT NULL, name TEXT NOT NULL, idx INTEGER NOT NULL,"
        " number DOUBLE PRECISION, text TEXT, PRIMARY KEY (sha256, name, idx))",
        "INSERT INTO schema_version (version) VALUES (0)"};
    // Version 2: the doubts (请核实) of a taken file, and the index status, trend
    // and the plausibility rule read by.
    static const std::vector<std::string> v2{
        "ALTER TABLE submission ADD COLUMN doubts TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX submission_dealer_month ON submission (dealer_code, kind, month, status)",
        "CREATE INDEX submission_month ON submission (month, status)"};
    // Version 3: a file's values keyed by integers — the file's number (submission.file_id,
    // given in turn by the writer, who holds the write lock) and the named cell's number
    // (cell_name) — instead of the SHA-256 and the name as text in every row, and kept in
    // the order trend reads them: by cell and month (a file's month never changes), so
    // that the asked cells of a span of months are one range of rows each. The existing
    // rows are copied with every figure, numbered in the order of their keys.
    static const std::vector<std::string> v3_common{
        "ALTER TABLE submission ADD COLUMN file_id INTEGER NOT NULL DEFAULT 0",
        "UPDATE submission SET file_id = n.id FROM (SELECT sha256, row_number() OVER (ORDER BY sha256) AS id"
        " FROM submission) n WHERE n.sha256 = submission.sha256",
        "CREATE UNIQUE INDEX submission_file ON submission (file_id)",
        "CREATE INDEX submission_taken ON submission (status, month, file_id)",
        "CREATE INDEX issued_month ON issued (month, kind)",
        "CREATE TABLE cell_name (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        "INSERT INTO cell_name (id, name) SELECT row_number() OVER (ORDER BY name), name"
        " FROM (SELECT DISTINCT name FROM submission_value) n"};
    static const std::string v3_values =
        "CREATE TABLE file_value (cell INTEGER NOT NULL, month TEXT NOT NULL, file_id INTEGER NOT NULL,"
        " idx INTEGER NOT NULL, number DOUBLE PRECISION, text TEXT, PRIMARY KEY (cell, month, file_id, idx))";
    static const std::vector<std::string> v3_copy{
        "CREATE INDEX file_value_file ON file_value (file_id)",
        "INSERT INTO file_value (cell, month, file_id, idx, number, text)"
        " SELECT c.id, s.month, s.file_id, v.idx, v.number, v.text FROM submission_value v"
        " JOIN submission s ON s.sha256 = v.sha256 JOIN cell_name c ON c.name = v.name",
        "DROP TABLE submission_value"};
    auto v3 = [&](const std::string& values) {
        std::vector<std::string> all = v3_common;
        all.push_back(values);
        all.insert(all.end(), v3_copy.begin(), v3_copy.end());
        return all;
    };
    // SQLite keeps the value rows in the primary key's order itself (no rowid).
    static const std::vector<Migration> all{
        {1, v1, v1}, {2, v2, v2}, {3, v3(v3_values + " WITHOUT ROWID"), v3(v3_values)}};
    return all;
}

}  // namespace

std::string now_utc()
{
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Write::Write(soci::session& sql, bool postgresql) : sql_(sql)
{
    if (postgresql) {
        sql_ << "BEGIN";
        sql_ << "SELECT pg_advisory_xact_lock(2026120601)";
    } else {
        sql_ << "BEGIN IMMEDIATE";
    }
}

Write::~Write()
{
    if (open_) {
        try {
            sql_ << "ROLLBACK";
        } catch (...) {  // the connection is gone: nothing was committed
        }
    }
}

void Write::commit()
{
    sql_ << "COMMIT";
    open_ = false;
}

Read::Read(soci::session& sql, bool postgresql) : sql_(sql)
{
    sql_ << (postgresql ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN");
}

Read::~Read()
{
    try {
        sql_ << "ROLLBACK";
    } catch (...) {  // the connection is gone: nothing was written
    }
}

std::string Store::default_location()
{
    if (const char* s = std::getenv("DEALERKPI_STORE"); s && *s)
        return s;
    fs::path base;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x)
        base = x;
    else if (const char* h = std::getenv("HOME"); h && *h)
        base = fs::path(h) / ".local" / "share";
    else
        base = fs::temp_directory_path();
    return (base / "dealerkpi" / "group.sqlite").string();
}

std::unique_ptr<Store> Store::open(const std::string& where, int up_to)
{
    try {
        return std::make_unique<SociStore>(where, up_to);
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& e) {
        throw StoreError(StoreError::Open, "无法打开数据库 / cannot open the store " + where + ": " + e.what());
    }
}

SociStore::SociStore(const std::string& where, int up_to) : postgresql_(is_postgresql_url(where))
{
    if (postgresql_) {
        sql_.open(soci::postgresql, where);
    } else {
        fs::path p(where);
        if (p.has_parent_path())
            fs::create_directories(p.parent_path());
        sql_.open(soci::sqlite3, sqlite_connect(where));
    }
    // Nothing is written before the version is known: a newer store stays as it is.
    int found = version_in_store();
    if (found > kSchemaVersion)
        throw StoreError(StoreError::TooNew,
                         "数据库来自较新的版本（架构版本 " + std::to_string(found) + "，本程序支持 " +
                             std::to_string(kSchemaVersion) + "），未作任何改动，请升级 DealerKPI / the store " +
                             where + " has schema version " + std::to_string(found) + ", newer than this program's " +
                             std::to_string(kSchemaVersion) + "; it was left untouched: upgrade DealerKPI");
    if (!postgresql_) {
        std::string mode;
        sql_ << "PRAGMA journal_mode=WAL", soci::into(mode);
        sql_ << "PRAGMA synchronous=NORMAL";  // with WAL: durable at checkpoints, never corrupt
    }
    if (found < up_to)
        migrate(up_to);
}

int SociStore::version_in_store()
{
    long long tables = 0;
    if (postgresql_)
        sql_ << "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                " AND table_name = 'schema_version'",
            soci::into(tables);
    else
        sql_ << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
            soci::into(tables);
    if (tables == 0)
        return 0;
    int version = 0;
    soci::indicator ind = soci::i_ok;
    sql_ << "SELECT max(version) FROM schema_version", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
}

int SociStore::schema_version() { return version_in_store(); }

void SociStore::migrate(int up_to)
{
    Write w(sql_, postgresql_);
    // Another process may have migrated while this one waited for the lock.
    const int found = version_in_store();
    for (const Migration& m : migrations()) {
        if (m.version <= found || m.version > up_to)
            continue;
        for (const std::string& s : postgresql_ ? m.postgresql : m.sqlite)
            sql_ << s;
        int v = m.version;
        sql_ << "UPDATE schema_version SET version = :v", soci::use(v);
    }
    w.commit();
}

}  // namespace dealerkpi::group::store
