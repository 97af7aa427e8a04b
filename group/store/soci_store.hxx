// The store over SOCI: one class for SQLite and PostgreSQL. Internal to
// group/store (store.hxx is the interface).
#pragma once

#include "store.hxx"

#include <soci/soci.h>

#include <unordered_map>

namespace dealerkpi::group::store {

/** One write transaction: BEGIN IMMEDIATE on SQLite (the writer's lock taken at
    once, so two writers queue on the busy timeout instead of failing), BEGIN and
    a transaction-scoped advisory lock on PostgreSQL (writers one after another).
    Rolled back unless committed. */
class Write {
public:
    Write(soci::session& sql, bool postgresql);
    ~Write();
    void commit();
    Write(const Write&) = delete;
    Write& operator=(const Write&) = delete;

private:
    soci::session& sql_;
    bool open_ = true;
};

/** A read of several statements from one snapshot (a roll-up committing meanwhile
    is seen wholly or not at all): a deferred transaction on SQLite (WAL), REPEATABLE
    READ on PostgreSQL. Nothing is written; ended by a rollback. */
class Read {
public:
    Read(soci::session& sql, bool postgresql);
    ~Read();
    Read(const Read&) = delete;
    Read& operator=(const Read&) = delete;

private:
    soci::session& sql_;
};

/** The named cells' numbers (table cell_name) within one write transaction: read
    once at its start, a new name given the next number (the writer holds the write
    lock, so no other writer numbers meanwhile). */
class CellIds {
public:
    explicit CellIds(soci::session& sql);
    int id(const std::string& name);

private:
    soci::session& sql_;
    std::unordered_map<std::string, int> ids_;
    int next_ = 1;
};

/** A value's index, number and text as bound to an insert: set() before each execute. */
struct BoundValue {
    int idx = 0;
    double number = 0;
    std::string text;
    soci::indicator ni = soci::i_null, ti = soci::i_null;
    void set(const Value& v)
    {
        idx = v.index;
        number = v.number.value_or(0);
        ni = v.number ? soci::i_ok : soci::i_null;
        text = v.text.value_or("");
        ti = v.text ? soci::i_ok : soci::i_null;
    }
};

class SociStore : public Store {
public:
    SociStore(const std::string& where, int up_to);

    int schema_version() override;
    bool is_postgresql() const override { return postgresql_; }
    void record_issued(const std::vector<Issued>& files) override;
    std::vector<Outcome> record_returned(const std::vector<Returned>& files, const Plausibility& rule) override;
    std::vector<StatusLine> status(const std::string& month, const std::string& kind) override;
    std::vector<TakenMonth> taken(const std::string& from, const std::string& to) override;
    std::vector<TakenMonth> taken(const std::string& from, const std::string& to,
                                  const std::vector<std::string>& names) override;
    std::vector<IssuedCount> issued_counts(const std::string& from, const std::string& to) override;
    std::string dump() override;

private:
    void migrate(int up_to);
    int version_in_store();
    void insert_values(const std::string& table, const std::string& key_columns,
                       const std::vector<std::string>& key, const std::vector<Value>& values);
    // The rows (name, idx, number, text) `query` selects, its parameters bound in order.
    std::vector<Value> select_values(const std::string& query, const std::vector<std::string>& params);
    std::vector<Value> values_of(const std::string& sha256);
    int next_file_id();
    void insert_file_values(int file_id, const std::string& month, const std::vector<Value>& values,
                            CellIds& cells);
    bool decide_known(const Returned& f, Outcome& o);
    bool twoInOneRun(const Returned& f, const std::string& sha, const std::string& path, Outcome& o,
                     std::vector<Outcome>& batch);
    void decide_new(const Returned& f, Outcome& o, const Plausibility& rule,
                    std::vector<Outcome>& batch);
    std::vector<TargetChange> target_changes(const Returned& f);
    std::vector<Doubt> doubts(const Returned& f, const Plausibility& rule);
    void insert_submission(const Returned& f, const Outcome& o, int months, CellIds& cells);

    soci::session sql_;
    bool postgresql_ = false;
};

/** Now, ISO 8601 UTC (2026-12-06T07:01:02Z). */
std::string now_utc();

/** The figures the plausibility rule looks at: counts (names ending 数_实际, the
    sums of the workshop's hours) and rates (the funnel's conversions from the
    counts, 总效率_合计). */
struct Figure {
    std::string name;
    bool rate = false;
    double value = 0;
};
/** The figures of a file the plausibility rule checks (the contract's trend measures). */
std::vector<Figure> figures_of(const std::string& kind, const std::vector<Value>& values);

}  // namespace dealerkpi::group::store
