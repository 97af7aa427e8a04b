// A returned file's values (table file_value, schema version 3): written under the
// named cells' numbers, the file's month and number, read back by file, and the taken
// files' values for trend — one query for the asked cells over the months (a range of
// rows per cell), fetched in batches of plain numbers.
#include "soci_store.hxx"

#include <unordered_map>

namespace dealerkpi::group::store {
namespace {

constexpr std::size_t kBatch = 4096;  // rows fetched at once

/** The named cells' numbers, both ways. */
struct CellNames {
    std::unordered_map<int, std::string> name;
    std::unordered_map<std::string, int> id;
};

CellNames cell_names(soci::session& sql)
{
    CellNames out;
    soci::rowset<soci::row> rows = sql.prepare << "SELECT id, name FROM cell_name";
    for (const soci::row& r : rows) {
        const int id = r.get<int>(0);
        const std::string name = r.get<std::string>(1);
        out.name.emplace(id, name);
        out.id.emplace(name, id);
    }
    return out;
}

/** The taken files from..to, ordered by month, kind and dealer code; `at`: file number -> file. */
std::vector<TakenMonth> taken_files(soci::session& sql, const std::string& from, const std::string& to,
                                    std::unordered_map<int, std::size_t>& at)
{
    std::vector<TakenMonth> out;
    std::vector<int> id;
    std::vector<std::string> month, kind, code, name;
    auto reset = [&] { id.resize(kBatch), month.resize(kBatch), kind.resize(kBatch), code.resize(kBatch), name.resize(kBatch); };
    reset();
    soci::statement st = (sql.prepare << "SELECT file_id, month, kind, dealer_code, dealer_name FROM submission"
                                         " WHERE status = 'taken' AND month >= :f AND month <= :t"
                                         " ORDER BY month, kind, dealer_code",
                          soci::into(id), soci::into(month), soci::into(kind), soci::into(code), soci::into(name),
                          soci::use(from), soci::use(to));
    st.execute(false);
    for (; st.fetch(); reset())
        for (std::size_t r = 0; r < id.size(); ++r) {
            at.emplace(id[r], out.size());
            out.push_back(TakenMonth{month[r], kind[r], code[r], name[r], {}});
        }
    return out;
}

/** Rows of file values fetched in batches (SOCI's vector binding). */
struct ValueRows {
    std::vector<int> file, cell, idx;
    std::vector<double> number;
    std::vector<std::string> text;
    std::vector<soci::indicator> ni, ti;
    void reset()
    {
        file.resize(kBatch), cell.resize(kBatch), idx.resize(kBatch), number.resize(kBatch);
        text.resize(kBatch), ni.resize(kBatch), ti.resize(kBatch);
    }
    Value value(std::size_t r, const CellNames& names) const
    {
        return Value{names.name.at(cell[r]), idx[r],
                     ni[r] == soci::i_ok ? std::optional<double>(number[r]) : std::nullopt,
                     ti[r] == soci::i_ok ? std::optional<std::string>(text[r]) : std::nullopt};
    }
};

/** "cell IN (:c0, :c1, …)" for the asked cells' numbers (bound, never spliced). */
std::string cells_clause(std::size_t n)
{
    std::string marks;
    for (std::size_t i = 0; i < n; ++i)
        marks += (i ? ", :c" : ":c") + std::to_string(i);
    return "cell IN (" + marks + ")";
}

}  // namespace

CellIds::CellIds(soci::session& sql) : sql_(sql)
{
    for (const auto& [id, name] : cell_names(sql).name) {
        ids_.emplace(name, id);
        next_ = std::max(next_, id + 1);
    }
}

int CellIds::id(const std::string& name)
{
    if (auto it = ids_.find(name); it != ids_.end())
        return it->second;
    int id = next_++;
    sql_ << "INSERT INTO cell_name (id, name) VALUES (:i, :n)", soci::use(id), soci::use(name);
    ids_.emplace(name, id);
    return id;
}

int SociStore::next_file_id()
{
    int last = 0;
    soci::indicator ind = soci::i_null;
    sql_ << "SELECT max(file_id) FROM submission", soci::into(last, ind);
    return ind == soci::i_ok ? last + 1 : 1;
}

void SociStore::insert_file_values(int file_id, const std::string& month, const std::vector<Value>& values,
                                   CellIds& cells)
{
    int cell = 0;
    BoundValue b;
    soci::statement st = (sql_.prepare << "INSERT INTO file_value (cell, month, file_id, idx, number, text)"
                                          " VALUES (:c, :m, :f, :i, :n, :t)",
                          soci::use(cell), soci::use(month), soci::use(file_id), soci::use(b.idx),
                          soci::use(b.number, b.ni), soci::use(b.text, b.ti));
    for (const Value& v : values) {
        cell = cells.id(v.name);
        b.set(v);
        st.execute(true);
    }
}

std::vector<Value> SociStore::values_of(const std::string& sha256)
{
    return select_values("SELECT c.name, v.idx, v.number, v.text FROM submission s"
                         " JOIN file_value v ON v.file_id = s.file_id JOIN cell_name c ON c.id = v.cell"
                         " WHERE s.sha256 = :h ORDER BY c.name, v.idx",
                         {sha256});
}

std::vector<TakenMonth> SociStore::taken(const std::string& from, const std::string& to)
{
    return taken(from, to, {});
}

std::vector<TakenMonth> SociStore::taken(const std::string& from, const std::string& to,
                                         const std::vector<std::string>& names)
{
    Read snapshot(sql_, postgresql_);  // the files and their values as of one moment
    std::unordered_map<int, std::size_t> at;  // file number -> taken file
    std::vector<TakenMonth> out = taken_files(sql_, from, to, at);
    const CellNames cells = cell_names(sql_);
    std::vector<int> wanted;  // the asked cells the store knows (none asked: every cell)
    for (const std::string& n : names)
        if (auto it = cells.id.find(n); it != cells.id.end())
            wanted.push_back(it->second);
    if (names.empty())
        for (const auto& [id, name] : cells.name)
            wanted.push_back(id);
    if (out.empty() || wanted.empty())
        return out;
    // One range of rows per cell (the primary key's order); the rows of files not taken
    // (superseded, not taken) are passed over here rather than joined away row by row.
    ValueRows rows;
    rows.reset();
    soci::statement st(sql_);
    st.exchange(soci::into(rows.file)), st.exchange(soci::into(rows.cell)), st.exchange(soci::into(rows.idx));
    st.exchange(soci::into(rows.number, rows.ni)), st.exchange(soci::into(rows.text, rows.ti));
    for (const int& c : wanted)
        st.exchange(soci::use(c));
    st.exchange(soci::use(from)), st.exchange(soci::use(to));
    st.alloc();
    st.prepare("SELECT file_id, cell, idx, number, text FROM file_value WHERE " + cells_clause(wanted.size()) +
               " AND month >= :f AND month <= :t");
    st.define_and_bind();
    st.execute(false);
    for (; st.fetch(); rows.reset())
        for (std::size_t r = 0; r < rows.file.size(); ++r)
            if (auto it = at.find(rows.file[r]); it != at.end())
                out[it->second].values.push_back(rows.value(r, cells));
    return out;
}

}  // namespace dealerkpi::group::store
