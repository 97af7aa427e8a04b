// A roll-up's files into the store: taken, not taken or superseded, and why.
#include "soci_store.hxx"
#include "trend.hxx"

#include "contract.hxx"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace dealerkpi::group::store {
namespace {

const char* status_word(Status s)
{
    return s == Status::Taken ? "taken" : s == Status::Superseded ? "superseded" : "not_taken";
}

Status status_of(const std::string& word)
{
    return word == "taken" ? Status::Taken : word == "superseded" ? Status::Superseded : Status::NotTaken;
}

bool same_number(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a)); }

const Value* find_value(const std::vector<Value>& values, const std::string& name, int index)
{
    for (const Value& v : values)
        if (v.name == name && v.index == index)
            return &v;
    return nullptr;
}

std::string doubts_text(const std::vector<Doubt>& doubts, int months)
{
    std::string out;
    for (const Doubt& d : doubts)
        out += (out.empty() ? "" : "\n") + doubt_text(d, months);
    return out;
}

}  // namespace

std::vector<Figure> figures_of(const std::string& kind, const std::vector<Value>& values)
{
    // The contract's trend measures that the plausibility rule checks: sums as counts,
    // pooled rates (the rate the dealer's own sums make) by points.
    std::vector<Figure> out;
    const auto sums = trend_sums(kind, values);
    for (const contract::TrendSum& s : contract::kTrendSums)
        if (auto it = sums.find(s.name); s.doubt && it != sums.end())
            out.push_back(Figure{s.name, false, it->second});
    const auto rates = trend_rates(sums);
    for (const contract::TrendRate& r : contract::kTrendRates)
        if (auto it = rates.find(r.name); r.doubt && it != rates.end())
            out.push_back(Figure{r.name, true, it->second});
    return out;
}

std::vector<TargetChange> SociStore::target_changes(const Returned& f)
{
    std::vector<TargetChange> out;
    const std::vector<Value> issued =
        select_values("SELECT name, idx, number, text FROM issued_value WHERE dealer_code = :c"
                      " AND month = :m AND kind = :k ORDER BY name, idx",
                      {f.dealer_code, f.month, f.kind});
    for (const Value& set : issued) {
        if (!set.number)
            continue;  // a text the group set (none today) is not a target
        const Value* v = find_value(f.values, set.name, set.index);
        if (!v || !v->number)
            out.push_back(TargetChange{set.name, set.index, *set.number, std::nullopt});
        else if (!same_number(*v->number, *set.number))
            out.push_back(TargetChange{set.name, set.index, *set.number, *v->number});
    }
    return out;
}

std::vector<Doubt> SociStore::doubts(const Returned& f, const Plausibility& rule)
{
    std::vector<std::string> earlier;
    {
        std::string sha;
        int limit = rule.months;
        soci::statement st = (sql_.prepare << "SELECT sha256 FROM submission WHERE dealer_code = :c AND kind = :k"
                                              " AND status = 'taken' AND month < :m ORDER BY month DESC LIMIT :n",
                              soci::into(sha), soci::use(f.dealer_code), soci::use(f.kind), soci::use(f.month),
                              soci::use(limit));
        st.execute();
        while (st.fetch())
            earlier.push_back(sha);
    }
    if (earlier.empty())
        return {};
    std::map<std::string, std::pair<double, int>> usual;  // name -> (sum, months)
    for (const std::string& sha : earlier)
        for (const Figure& g : figures_of(f.kind, values_of(sha)))
            usual[g.name].first += g.value, usual[g.name].second += 1;
    std::vector<Doubt> out;
    for (const Figure& g : figures_of(f.kind, f.values)) {
        auto it = usual.find(g.name);
        if (it == usual.end())
            continue;
        const double mean = it->second.first / it->second.second;
        const bool far = g.rate ? std::fabs(g.value - mean) > rule.rate_points + 1e-12
                                : mean > 0 && (g.value > rule.count_factor * mean || g.value * rule.count_factor < mean);
        if (far)
            out.push_back(Doubt{g.name, g.rate, g.value, mean});
    }
    return out;
}

bool SociStore::decide_known(const Returned& f, Outcome& o)
{
    std::string status, reason, other, doubts;
    int code = 0;
    soci::indicator ind = soci::i_null;
    sql_ << "SELECT status, reason_code, reason, other_path, doubts FROM submission WHERE sha256 = :h",
        soci::into(status, ind), soci::into(code), soci::into(reason), soci::into(other), soci::into(doubts),
        soci::use(f.sha256);
    if (ind == soci::i_null || !sql_.got_data())
        return false;
    o.already_recorded = true;
    o.status = status_of(status);
    o.reason = static_cast<Reason>(code);
    o.other_path = other;
    o.recorded_reason = reason;
    o.recorded_doubts = doubts;
    return true;
}

// Two files of one dealer-month in one run are the roll-up's own rule (group/service):
// only later saves of one issued file replace each other; any other pair takes neither.
bool SociStore::twoInOneRun(const Returned& f, const std::string& sha, const std::string& path, Outcome& o,
                            std::vector<Outcome>& batch)
{
    auto earlier = std::find_if(batch.begin(), batch.end(),
                                [&](const Outcome& b) { return b.sha256 == sha && b.status == Status::Taken; });
    if (earlier == batch.end() || (!f.issue.empty() && earlier->issue == f.issue))
        return false;
    o.reason = Reason::TwoInOneRun;
    o.other_path = path;
    earlier->status = Status::NotTaken;
    earlier->reason = Reason::TwoInOneRun;
    earlier->other_path = f.path;
    earlier->doubts.clear();
    std::string text = reason_text(*earlier), word = status_word(earlier->status);
    int code = static_cast<int>(earlier->reason);
    sql_ << "UPDATE submission SET status = :s, reason_code = :c, reason = :r, other_path = :o WHERE sha256 = :h",
        soci::use(word), soci::use(code), soci::use(text), soci::use(f.path), soci::use(sha);
    return true;
}

void SociStore::decide_new(const Returned& f, Outcome& o, const Plausibility& rule, std::vector<Outcome>& batch)
{
    if (!f.problems.empty()) {
        o.reason = Reason::Unreadable;
        o.problems = f.problems;
        return;
    }
    o.changes = target_changes(f);
    if (!o.changes.empty()) {
        o.reason = Reason::TargetChanged;
        return;
    }
    std::string sha, path, saved;
    soci::indicator ind = soci::i_null;
    sql_ << "SELECT sha256, path, saved_at FROM submission WHERE dealer_code = :c AND month = :m AND kind = :k"
            " AND status = 'taken'",
        soci::into(sha, ind), soci::into(path), soci::into(saved), soci::use(f.dealer_code), soci::use(f.month),
        soci::use(f.kind);
    const bool current = sql_.got_data() && ind == soci::i_ok;
    if (current && twoInOneRun(f, sha, path, o, batch))
        return;
    if (current && saved > f.saved_at) {
        o.status = Status::Superseded;
        o.reason = Reason::LaterAlreadyTaken;
        o.other_path = path;
        return;
    }
    if (current && saved == f.saved_at) {
        o.reason = Reason::SameSavedTime;
        o.other_path = path;
        return;
    }
    if (current) {
        Outcome earlier;
        earlier.status = Status::Superseded;
        earlier.reason = Reason::SupersededByLater;
        earlier.other_path = f.path;
        std::string text = reason_text(earlier), word = status_word(earlier.status);
        int code = static_cast<int>(earlier.reason);
        sql_ << "UPDATE submission SET status = :s, reason_code = :c, reason = :r, other_path = :o WHERE sha256 = :h",
            soci::use(word), soci::use(code), soci::use(text), soci::use(f.path), soci::use(sha);
        for (Outcome& b : batch)
            if (b.sha256 == sha)
                b.status = earlier.status, b.reason = earlier.reason, b.other_path = f.path;
    }
    o.status = Status::Taken;
    o.doubts = doubts(f, rule);
}

void SociStore::insert_submission(const Returned& f, const Outcome& o, int months, CellIds& cells)
{
    std::string word = status_word(o.status), text = reason_text(o), now = now_utc();
    std::string doubts = doubts_text(o.doubts, months);
    int code = static_cast<int>(o.reason), file_id = next_file_id();
    sql_ << "INSERT INTO submission (sha256, path, saved_at, dealer_code, dealer_name, month, kind, status,"
            " reason_code, reason, other_path, recorded_at, doubts, file_id)"
            " VALUES (:h, :p, :s, :c, :n, :m, :k, :st, :rc, :r, :o, :at, :d, :id)",
        soci::use(f.sha256), soci::use(f.path), soci::use(f.saved_at), soci::use(f.dealer_code),
        soci::use(f.dealer_name), soci::use(f.month), soci::use(f.kind), soci::use(word), soci::use(code),
        soci::use(text), soci::use(o.other_path), soci::use(now), soci::use(doubts), soci::use(file_id);
    insert_file_values(file_id, f.month, f.values, cells);
}

std::vector<Outcome> SociStore::record_returned(const std::vector<Returned>& files, const Plausibility& rule)
{
    // Earlier saves first, so that of one dealer-month the later save is taken.
    std::vector<std::size_t> order(files.size());
    for (std::size_t i = 0; i < files.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return files[a].saved_at < files[b].saved_at; });
    Write w(sql_, postgresql_);
    CellIds cells(sql_);
    std::vector<Outcome> batch;
    std::map<std::string, std::size_t> seen;  // sha256 -> outcome (the same content twice in one run)
    for (std::size_t i : order) {
        const Returned* f = &files[i];
        Outcome o;
        o.path = f->path, o.sha256 = f->sha256, o.dealer_code = f->dealer_code, o.month = f->month, o.kind = f->kind;
        o.issue = f->issue;
        if (auto it = seen.find(f->sha256); it != seen.end()) {
            o = batch[it->second];
            o.path = f->path;
            o.already_recorded = true;
        } else if (!decide_known(*f, o)) {
            decide_new(*f, o, rule, batch);
            insert_submission(*f, o, rule.months, cells);
        }
        seen.emplace(f->sha256, batch.size());
        batch.push_back(o);
    }
    w.commit();
    // In the callers' order.
    std::vector<Outcome> out(files.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        out[order[k]] = batch[k];
    return out;
}

}  // namespace dealerkpi::group::store
