// The group's store: what the head office issued and what came back, month by
// month, in one database (SQLite file by default, PostgreSQL for a shared one).
// Plain C++ (no UNO): the command line records what distribute and rollup
// return, and answers status and trend from it. docs/group-store.md.
//
// One small interface over SOCI. The schema carries a version (table
// schema_version), is migrated on open, and a store of a newer version is
// refused untouched. Every write is one transaction; every value is a bound
// parameter.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dealerkpi::group::store {

/** The schema version this build writes. */
constexpr int kSchemaVersion = 3;

/** One value of a named cell; `index` orders the cells of a multi-cell name. */
struct Value {
    std::string name;
    int index = 0;
    std::optional<double> number;
    std::optional<std::string> text;  // neither: a blank cell
};

/** One file distribute wrote. */
struct Issued {
    std::string dealer_code, dealer_name, month, kind;
    std::string file_name, sha256, issue_id;
    std::string issued_at;      // ISO 8601 UTC; empty: now
    std::vector<Value> values;  // every group-set value
};

/** One input file of a roll-up, as it was read. */
struct Returned {
    std::string path, sha256;
    std::string saved_at;  // the document's saved time (saved_time_text), sortable; empty: unknown
    std::string dealer_code, dealer_name, month, kind;
    std::string issue;                  // distribute's issue stamp (DealerKPI下发); empty when none
    std::vector<Value> values;          // every named cell read
    std::vector<std::string> problems;  // why the reader could not take it (people's text)
};

enum class Status { Taken, NotTaken, Superseded };

/** Why a file is not taken (the reader's problems come as text). */
enum class Reason { None, Unreadable, TargetChanged, SupersededByLater, LaterAlreadyTaken, SameSavedTime, TwoInOneRun };

/** A group-set value the file does not carry as issued. */
struct TargetChange {
    std::string name;
    int index = 0;
    double issued = 0;
    std::optional<double> found;  // empty: blank or text in the file
};

/** A figure far from the dealer's own recent months (taken, to be checked: 请核实). */
struct Doubt {
    std::string name;
    bool rate = false;
    double figure = 0;
    double usual = 0;  // the mean of the dealer's last taken months
};

/** What the store made of one file. */
struct Outcome {
    std::string path, sha256, dealer_code, month, kind, issue;
    Status status = Status::NotTaken;
    Reason reason = Reason::None;
    std::vector<std::string> problems;  // Reason::Unreadable
    std::vector<TargetChange> changes;  // Reason::TargetChanged
    std::string other_path;             // the file that superseded it / that it lost to
    std::vector<Doubt> doubts;          // taken, 请核实
    bool already_recorded = false;      // the same content was rolled up before: nothing changed
    std::string recorded_reason, recorded_doubts;  // already_recorded: what the store says
};

/** The plausibility rule (options with these defaults). */
struct Plausibility {
    double count_factor = 3;    // a count above factor x or below 1/factor of the usual
    double rate_points = 0.30;  // a rate moving more than this (0.30 = 30 points)
    int months = 3;             // the usual: the mean of the last `months` taken months
};

/** One issued dealer of a month, for `status`. */
struct StatusLine {
    std::string dealer_code, dealer_name, kind, issued_file;
    int returned = 0;
    bool taken = false;
    std::string taken_path;
    Reason reason = Reason::None;  // of the latest file not taken
    std::string reason_text;       // the stored reason; empty and !returned: 未提交
};

/** One taken dealer-month with its values, for `trend`. */
struct TakenMonth {
    std::string month, kind, dealer_code, dealer_name;
    std::vector<Value> values;
};

/** A month's counts of issued dealers per kind, for `trend`. */
struct IssuedCount {
    std::string month, kind;
    int issued = 0;
};

/** A failure with a code and the reason for people (Chinese / English). */
struct StoreError : std::runtime_error {
    enum Code { Open, TooNew, Failed };
    StoreError(Code c, const std::string& what) : std::runtime_error(what), code(c) {}
    Code code;
};

class Store {
public:
    virtual ~Store() = default;

    /** Opens (creating an SQLite file and its folder when missing) `where`: a
        file path, or postgresql://… . Migrates an older schema; throws
        StoreError (TooNew) for a newer one without writing anything.
        `up_to` (tests): stop migrating at that version. */
    static std::unique_ptr<Store> open(const std::string& where, int up_to = kSchemaVersion);

    /** ${DEALERKPI_STORE} or ${XDG_DATA_HOME:-~/.local/share}/dealerkpi/group.sqlite */
    static std::string default_location();

    virtual int schema_version() = 0;
    virtual bool is_postgresql() const = 0;

    /** Records what distribute wrote; a dealer-month-kind issued again replaces
        the earlier issue. One transaction. */
    virtual void record_issued(const std::vector<Issued>& files) = 0;

    /** Records a roll-up's input files and decides each (one transaction):
        content already recorded changes nothing; a file whose group-set value
        differs from the issued one is not taken; of one dealer-month the later
        save is taken and the earlier stays as superseded; a taken figure far
        from the dealer's last months is listed as a doubt. */
    virtual std::vector<Outcome> record_returned(const std::vector<Returned>& files,
                                                 const Plausibility& rule = {}) = 0;

    /** Issued dealers of a month (kind empty: every kind), ordered by code. */
    virtual std::vector<StatusLine> status(const std::string& month, const std::string& kind = {}) = 0;

    /** Taken dealer-months between two months (inclusive), and issued counts. */
    virtual std::vector<TakenMonth> taken(const std::string& from, const std::string& to) = 0;
    /** The same with only the values of the named cells `names` (the trend's measures). */
    virtual std::vector<TakenMonth> taken(const std::string& from, const std::string& to,
                                          const std::vector<std::string>& names) = 0;
    virtual std::vector<IssuedCount> issued_counts(const std::string& from, const std::string& to) = 0;

    /** Every row of every table in a fixed order, as text (tests compare dumps). */
    virtual std::string dump() = 0;
};

/** The Chinese / English sentence for an outcome's reason (empty when taken). */
std::string reason_text(const Outcome& o);
/** "请核实：交车数_实际 本月 100，近 3 个月平均 10 / please check: …" */
std::string doubt_text(const Doubt& d, int months);
/** The group-set values among a file's values: the contract's group-set cells of `kind`
    (what distribute issued and a returned file must still carry). */
std::vector<Value> group_set_values(const std::string& kind, const std::vector<Value>& values);
/** A document's saved time (days since 1899-12-30, as the service reads it) as
    sortable text "YYYY-MM-DDTHH:MM:SS.mmm"; empty when unknown (0). */
std::string saved_time_text(double serial);
/** SHA-256 of a file's bytes, lower-case hex; throws StoreError when unreadable. */
std::string sha256_of_file(const std::string& path);

}  // namespace dealerkpi::group::store
