// What was issued, the month's status, the taken months for trend, the dump.
#include "soci_store.hxx"

#include <map>
#include <sstream>

namespace dealerkpi::group::store {

void SociStore::insert_values(const std::string& table, const std::string& key_columns,
                              const std::vector<std::string>& key, const std::vector<Value>& values)
{
    // key: the row's key columns' values, bound in order (":k0, :k1, …").
    std::string marks;
    for (std::size_t i = 0; i < key.size(); ++i)
        marks += ":k" + std::to_string(i) + ", ";
    std::string name;
    BoundValue b;
    soci::statement st(sql_);
    st.alloc();
    st.prepare("INSERT INTO " + table + " (" + key_columns + ", name, idx, number, text) VALUES (" + marks +
               ":name, :idx, :number, :text)");
    for (const std::string& k : key)
        st.exchange(soci::use(k));
    st.exchange(soci::use(name));
    st.exchange(soci::use(b.idx));
    st.exchange(soci::use(b.number, b.ni));
    st.exchange(soci::use(b.text, b.ti));
    st.define_and_bind();
    for (const Value& v : values) {
        name = v.name;
        b.set(v);
        st.execute(true);
    }
}

void SociStore::record_issued(const std::vector<Issued>& files)
{
    Write w(sql_, postgresql_);
    const std::string now = now_utc();
    for (const Issued& f : files) {
        sql_ << "DELETE FROM issued_value WHERE dealer_code = :c AND month = :m AND kind = :k",
            soci::use(f.dealer_code), soci::use(f.month), soci::use(f.kind);
        sql_ << "DELETE FROM issued WHERE dealer_code = :c AND month = :m AND kind = :k", soci::use(f.dealer_code),
            soci::use(f.month), soci::use(f.kind);
        const std::string at = f.issued_at.empty() ? now : f.issued_at;
        sql_ << "INSERT INTO issued (dealer_code, dealer_name, month, kind, file_name, sha256, issue_id, issued_at)"
                " VALUES (:c, :n, :m, :k, :f, :h, :i, :a)",
            soci::use(f.dealer_code), soci::use(f.dealer_name), soci::use(f.month), soci::use(f.kind),
            soci::use(f.file_name), soci::use(f.sha256), soci::use(f.issue_id), soci::use(at);
        insert_values("issued_value", "dealer_code, month, kind", {f.dealer_code, f.month, f.kind}, f.values);
    }
    w.commit();
}

std::vector<Value> SociStore::select_values(const std::string& query, const std::vector<std::string>& params)
{
    std::vector<Value> out;
    std::string name, text;
    int idx = 0;
    double number = 0;
    soci::indicator ni, ti;
    soci::statement st(sql_);
    st.exchange(soci::into(name));
    st.exchange(soci::into(idx));
    st.exchange(soci::into(number, ni));
    st.exchange(soci::into(text, ti));
    for (const std::string& p : params)
        st.exchange(soci::use(p));
    st.alloc();
    st.prepare(query);
    st.define_and_bind();
    st.execute();
    while (st.fetch())
        out.push_back(Value{name, idx, ni == soci::i_ok ? std::optional<double>(number) : std::nullopt,
                            ti == soci::i_ok ? std::optional<std::string>(text) : std::nullopt});
    return out;
}

std::vector<StatusLine> SociStore::status(const std::string& month, const std::string& kind)
{
    std::vector<StatusLine> lines;
    std::map<std::pair<std::string, std::string>, std::size_t> at;  // (code, kind) -> line
    {
        std::string code, name, k, file;
        soci::statement st = (sql_.prepare << "SELECT dealer_code, dealer_name, kind, file_name FROM issued"
                                              " WHERE month = :m AND (kind = :k OR :k2 = '')"
                                              " ORDER BY dealer_code, kind",
                              soci::into(code), soci::into(name), soci::into(k), soci::into(file), soci::use(month),
                              soci::use(kind), soci::use(kind));
        st.execute();
        while (st.fetch()) {
            at[{code, k}] = lines.size();
            StatusLine l;
            l.dealer_code = code, l.dealer_name = name, l.kind = k, l.issued_file = file;
            lines.push_back(l);
        }
    }
    std::string code, k, path, status, reason, saved;
    int reason_code = 0;
    soci::statement st = (sql_.prepare << "SELECT dealer_code, kind, path, status, reason_code, reason FROM submission"
                                          " WHERE month = :m ORDER BY saved_at, path",
                          soci::into(code), soci::into(k), soci::into(path), soci::into(status),
                          soci::into(reason_code), soci::into(reason), soci::use(month));
    st.execute();
    while (st.fetch()) {
        auto it = at.find({code, k});
        if (it == at.end())
            continue;
        StatusLine& l = lines[it->second];
        l.returned += 1;
        if (status == "taken") {
            l.taken = true;
            l.taken_path = path;
        } else if (status == "not_taken") {
            l.reason = static_cast<Reason>(reason_code);
            l.reason_text = reason;
        }
    }
    return lines;
}

std::vector<IssuedCount> SociStore::issued_counts(const std::string& from, const std::string& to)
{
    std::vector<IssuedCount> out;
    std::string month, kind;
    long long n = 0;
    soci::statement st = (sql_.prepare << "SELECT month, kind, count(*) FROM issued WHERE month >= :f AND month <= :t"
                                          " GROUP BY month, kind ORDER BY month, kind",
                          soci::into(month), soci::into(kind), soci::into(n), soci::use(from), soci::use(to));
    st.execute();
    while (st.fetch())
        out.push_back(IssuedCount{month, kind, static_cast<int>(n)});
    return out;
}

std::string SociStore::dump()
{
    // title, rows from, columns; a file's values by its SHA-256 and the cells' names (not
    // their numbers), so that a dump reads as the records do.
    struct Table {
        std::string title, from;
        std::vector<std::string> columns;
    };
    static const std::vector<Table> tables{
        {"schema_version", "schema_version", {"version"}},
        {"issued", "issued",
         {"dealer_code", "dealer_name", "month", "kind", "file_name", "sha256", "issue_id", "issued_at"}},
        {"issued_value", "issued_value", {"dealer_code", "month", "kind", "name", "idx", "number", "text"}},
        {"submission", "submission",
         {"sha256", "path", "saved_at", "dealer_code", "dealer_name", "month", "kind", "status", "reason_code",
          "reason", "other_path", "recorded_at", "doubts", "file_id"}},
        {"file_value",
         "file_value v JOIN submission s ON s.file_id = v.file_id JOIN cell_name c ON c.id = v.cell",
         {"s.sha256", "c.name", "v.idx", "v.number", "v.text"}}};
    std::ostringstream out;
    for (const Table& t : tables) {
        std::string row_expr;
        for (const std::string& c : t.columns)
            row_expr += (row_expr.empty() ? "" : " || '|' || ") + ("COALESCE(CAST(" + c + " AS TEXT), '<null>')");
        out << "[" << t.title << "]\n";
        std::string row;
        soci::statement st = (sql_.prepare << "SELECT " + row_expr + " FROM " + t.from + " ORDER BY 1", soci::into(row));
        st.execute();
        while (st.fetch())
            out << row << "\n";
    }
    return out.str();
}

}  // namespace dealerkpi::group::store
