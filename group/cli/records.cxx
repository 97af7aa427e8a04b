#include "records.hxx"

#include <iostream>
#include <map>
#include <set>

#include <osl/file.hxx>

#include "office.hxx"

namespace fs = std::filesystem;
using namespace css;
using org::dealerkpi::group::DealerFile;
using org::dealerkpi::group::DistributedRow;
using org::dealerkpi::group::Problem;

namespace dealerkpi::group {
namespace {

std::vector<store::Value> values_of(const DealerFile& f)
{
    std::vector<store::Value> out;
    for (const beans::NamedValue& nv : f.Values) {
        const std::string name = to_utf8(nv.Name);
        double d = 0;
        rtl::OUString text;
        uno::Sequence<double> many;
        if (nv.Value >>= d)
            out.push_back(store::Value{name, 0, d, std::nullopt});
        else if (nv.Value >>= text)
            out.push_back(store::Value{name, 0, std::nullopt, to_utf8(text)});
        else if (nv.Value >>= many)
            for (sal_Int32 i = 0; i < many.getLength(); ++i)
                out.push_back(store::Value{name, i, many[i], std::nullopt});
        else
            out.push_back(store::Value{name, 0, std::nullopt, std::nullopt});
    }
    return out;
}

std::string text_of(const std::vector<store::Value>& values, const std::string& name)
{
    for (const store::Value& v : values)
        if (v.name == name && v.text)
            return *v.text;
    return {};
}

/** Adds a problem or note: the store's sentences are "中文 / English". */
void add_line(uno::Sequence<Problem>& seq, const char* code, const std::string& cell, const std::string& text)
{
    const std::size_t bar = text.find(" / ");
    Problem p(rtl::OUString::createFromAscii(code), from_utf8(cell), from_utf8(text.substr(0, bar)),
              from_utf8(bar == std::string::npos ? text : text.substr(bar + 3)));
    seq.realloc(seq.getLength() + 1);
    seq.getArray()[seq.getLength() - 1] = p;
}

const char* code_of_reason(store::Reason r)
{
    switch (r) {
    case store::Reason::TargetChanged:
        return "target_changed";
    case store::Reason::SupersededByLater:
        return "superseded";
    case store::Reason::LaterAlreadyTaken:
        return "later_save_taken";
    case store::Reason::SameSavedTime:
        return "same_saved_time";
    case store::Reason::TwoInOneRun:
        return "duplicate";
    default:
        return "store";
    }
}

/** The roll-up's files as the store records them. A file's dealer code: its
    stamp, else the issued dealer of that name, else the name. */
std::vector<store::Returned> returned_of(store::Store& s, const std::vector<DealerFile>& files,
                                         const std::vector<fs::path>& paths, const std::string& month)
{
    std::map<std::pair<std::string, std::string>, std::string> code_of;  // (kind, name) -> code
    for (const store::StatusLine& l : s.status(month))
        code_of[{l.kind, l.dealer_name}] = l.dealer_code;
    std::vector<store::Returned> returned;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const DealerFile& f = files[i];
        store::Returned r;
        r.path = paths[i].string();
        r.sha256 = store::sha256_of_file(r.path);
        r.saved_at = store::saved_time_text(f.Saved);  // the service decides by it too
        r.dealer_name = to_utf8(f.Dealer);
        r.month = to_utf8(f.Month);
        r.kind = to_utf8(f.Kind);
        r.issue = to_utf8(f.Issue);
        r.values = values_of(f);
        r.dealer_code = text_of(r.values, "经销商代码");
        if (r.dealer_code.empty()) {
            auto it = code_of.find({r.kind, r.dealer_name});
            r.dealer_code = it != code_of.end() ? it->second : r.dealer_name;
        }
        for (const Problem& p : f.Problems)
            r.problems.push_back(to_utf8(p.TextZh) + " / " + to_utf8(p.TextEn));
        returned.push_back(r);
    }
    return returned;
}

/** The store's decision on a file, as its problem (not taken) and notes (请核实).
    `paths_in_run`: the paths of this run's files. */
void apply_outcome(DealerFile& f, const store::Outcome& out, const std::set<std::string>& paths_in_run,
                   const store::Plausibility& rule)
{
    // Two files of one dealer-month in this run: the roll-up's own rule lists them (with
    // both names), the store only records it.
    const bool listed_by_rollup = out.reason == store::Reason::TwoInOneRun ||
                                  (out.reason == store::Reason::SupersededByLater && paths_in_run.count(out.other_path));
    if (out.status != store::Status::Taken && out.reason != store::Reason::Unreadable && !listed_by_rollup)
        add_line(f.Problems, code_of_reason(out.reason),
                 out.changes.empty() ? std::string() : out.changes.front().name, store::reason_text(out));
    if (out.already_recorded && !out.recorded_doubts.empty() && out.status == store::Status::Taken) {
        std::size_t from = 0, to;
        do {  // one note per stored line
            to = out.recorded_doubts.find('\n', from);
            add_line(f.Notes, "doubt", {}, out.recorded_doubts.substr(from, to - from));
            from = to + 1;
        } while (to != std::string::npos);
    }
    for (const store::Doubt& d : out.doubts)
        add_line(f.Notes, "doubt", d.name, store::doubt_text(d, rule.months));
}

/** One file more per issued dealer of the month with no taken file and no file in
    this run (`returned`), for 问题清单 (未提交). */
std::vector<DealerFile> not_submitted(store::Store& s, const std::string& month,
                                      const std::vector<store::Returned>& returned)
{
    std::set<std::pair<std::string, std::string>> in_run;  // (kind, code) of this run's files
    for (const store::Returned& r : returned)
        in_run.insert({r.kind, r.dealer_code});
    std::vector<DealerFile> missing;
    for (const store::StatusLine& l : s.status(month)) {
        if (l.taken || in_run.count({l.kind, l.dealer_code}))
            continue;  // taken, or listed with the reason of its file
        DealerFile f;
        f.Kind = from_utf8(l.kind);
        f.Dealer = from_utf8(l.dealer_name);
        f.Month = from_utf8(month);
        const std::string text =
            l.returned == 0 ? "未提交：" + l.dealer_code + " " + l.dealer_name + " 没有交回 " + l.issued_file +
                                  " / not submitted: " + l.dealer_code + " has not returned " + l.issued_file
                            : "未提交可采用的文件：" + l.dealer_code + " " + l.dealer_name + " / no file taken yet for " +
                                  l.dealer_code + " (" + l.reason_text + ")";
        add_line(f.Problems, "not_submitted", {}, text);
        missing.push_back(f);
    }
    return missing;
}

}  // namespace

std::unique_ptr<store::Store> open_store(const StoreOptions& o)
{
    if (o.none)
        return nullptr;
    const std::string where = o.where.empty() ? store::Store::default_location() : o.where;
    try {
        return store::Store::open(where);
    } catch (const store::StoreError& e) {
        throw Failure(kNothing, e.what());
    }
}

void record_distribute(store::Store& s, org::dealerkpi::group::XGroupWorkflow& wf,
                       const uno::Sequence<DistributedRow>& rows, const std::string& kind, const std::string& month)
{
    std::vector<store::Issued> issued;
    for (const DistributedRow& row : rows) {
        if (!row.Written)
            continue;
        rtl::OUString system;
        osl::FileBase::getSystemPathFromFileURL(row.Url, system);
        const fs::path p = to_utf8(system);
        DealerFile f = wf.readDealerFile(row.Url);
        store::Issued i;
        i.dealer_code = to_utf8(row.DealerCode);
        i.dealer_name = to_utf8(row.Dealer);
        i.month = month;
        i.kind = kind;
        i.file_name = p.filename().string();
        i.sha256 = store::sha256_of_file(p.string());
        i.values = store::group_set_values(kind, values_of(f));
        issued.push_back(i);
    }
    s.record_issued(issued);
}

std::vector<DealerFile> record_rollup(store::Store& s, std::vector<DealerFile>& files,
                                      const std::vector<fs::path>& paths, const std::string& month,
                                      const StoreOptions& o)
{
    const std::vector<store::Returned> returned = returned_of(s, files, paths, month);
    store::Plausibility rule;
    rule.count_factor = o.count_factor;
    rule.rate_points = o.rate_points / 100;
    std::vector<store::Outcome> outcomes = s.record_returned(returned, rule);
    std::set<std::string> paths_in_run;
    for (const store::Returned& r : returned)
        paths_in_run.insert(r.path);
    for (std::size_t i = 0; i < files.size(); ++i)
        apply_outcome(files[i], outcomes[i], paths_in_run, rule);
    return not_submitted(s, month, returned);
}

namespace {

/** Control characters of names and reasons shown as \xNN (a file's text never drives the terminal). */
std::string shown(const std::string& s)
{
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string csv_field(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string reason_of(const store::StatusLine& l)
{
    if (l.taken)
        return {};
    if (l.returned == 0)
        return "未提交 / not submitted";
    return l.reason_text.empty() ? "未采用 / not taken" : l.reason_text;
}

}  // namespace

int run_status(const Command& c)
{
    StoreOptions o = c.store;
    o.none = false;
    std::unique_ptr<store::Store> s = open_store(o);
    std::vector<store::StatusLine> lines = s->status(c.status.month, c.status.kind);
    if (lines.empty())
        throw Failure(kNothing, "此月没有下发记录 / nothing was issued for " + c.status.month +
                                    (c.status.kind.empty() ? "" : " (" + c.status.kind + ")") + " in the store");
    std::size_t waiting = 0;
    if (c.status.csv)
        std::cout << "经销商代码,经销商,模板,下发,交回,采用,原因\n";
    for (const store::StatusLine& l : lines) {
        waiting += l.taken ? 0 : 1;
        const std::vector<std::string> row{l.dealer_code,  l.dealer_name, l.kind, l.issued_file,
                                           std::to_string(l.returned), l.taken ? "是" : "否", reason_of(l)};
        for (std::size_t i = 0; i < row.size(); ++i)
            std::cout << (i ? (c.status.csv ? "," : "\t") : "") << (c.status.csv ? csv_field(row[i]) : shown(row[i]));
        std::cout << "\n";
    }
    if (!c.status.csv)
        std::cerr << "dealerkpi-group: " << lines.size() - waiting << "/" << lines.size()
                  << " 已采用 / taken; " << waiting << " 未交或未采用 / without a taken file\n";
    return waiting == 0 ? kOk : kSomeRows;
}

}  // namespace dealerkpi::group
