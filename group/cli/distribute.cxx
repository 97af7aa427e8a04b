#include "distribute.hxx"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <cppuhelper/implbase1.hxx>
#include <osl/file.hxx>
#include <rtl/uuid.h>

#include "office.hxx"
#include "progress.hxx"
#include "records.hxx"

namespace fs = std::filesystem;
using namespace css;
using css::uno::Reference;
using org::dealerkpi::group::DistributedRow;
using org::dealerkpi::group::XGroupWorkflow;

namespace dealerkpi::group {
namespace {

const std::string kWrittenMark = "：已生成 ";

// The rows every share has done, for the progress line and for Ctrl-C.
class Rows {
public:
    explicit Rows(Progress& p) : progress_(p) {}
    void start(int share, std::size_t range) {
        std::lock_guard<std::mutex> lock(mutex_);
        total_[share] = range;
        update_locked();
    }
    void line(int share, const std::string& text) {
        std::lock_guard<std::mutex> lock(mutex_);
        ++done_[share];
        if (text.find(kWrittenMark) != std::string::npos)
            written_.push_back(text);
        update_locked();
    }
    // The lines of the files written so far (called by the interrupt handler).
    std::vector<std::string> written() {
        std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);  // a handler must not wait forever
        return written_;
    }

private:
    void update_locked() {
        std::size_t d = 0, t = 0;
        for (auto& [s, n] : done_)
            d += n;
        for (auto& [s, n] : total_)
            t += n;
        progress_.set(d, t);
    }
    Progress& progress_;
    std::mutex mutex_;
    std::map<int, std::size_t> total_, done_;
    std::vector<std::string> written_;
};

// One share's progress, as the service reports it.
class Indicator : public cppu::WeakImplHelper1<task::XStatusIndicator> {
public:
    Indicator(Rows& rows, int share) : rows_(rows), share_(share) {}
    void SAL_CALL start(const rtl::OUString&, sal_Int32 range) override {
        rows_.start(share_, static_cast<std::size_t>(std::max<sal_Int32>(0, range)));
    }
    void SAL_CALL end() override {}
    void SAL_CALL setText(const rtl::OUString& line) override { rows_.line(share_, to_utf8(line)); }
    void SAL_CALL setValue(sal_Int32) override {}
    void SAL_CALL reset() override {}

private:
    Rows& rows_;
    int share_;
};

std::string new_issue_id() {
    sal_uInt8 id[16];
    rtl_createUuid(id, nullptr, true);
    static const char hex[] = "0123456789abcdef";
    std::string s;
    for (sal_uInt8 x : id)
        s += std::string{hex[x >> 4], hex[x & 15]};
    return s;
}

std::set<fs::path> files_in(const fs::path& dir) {
    std::set<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        out.insert(it->path());
    return out;
}

// On Ctrl-C: what was written, and nothing half-made left in the folder (a
// lock file, a file the office was writing when it was stopped).
void on_interrupt(Rows& rows, const fs::path& out_dir, const std::set<fs::path>& before) {
    std::vector<std::string> written = rows.written();
    std::set<fs::path> done;
    for (const std::string& l : written) {
        std::size_t at = l.find(kWrittenMark), end = l.find(" / row ");
        if (at != std::string::npos)
            done.insert(fs::path(l.substr(at + kWrittenMark.size(), end == std::string::npos ? end : end - at - kWrittenMark.size())));
    }
    std::error_code ec;
    for (const fs::path& p : files_in(out_dir))
        if (!before.count(p) && !done.count(p))
            fs::remove(p, ec);
    std::string text = "\ndealerkpi-group: 已中断；已写入 " + std::to_string(written.size()) + " 个文件 / interrupted; " +
                       std::to_string(written.size()) + " files written:\n";
    for (const std::string& l : written)
        text += "  " + l + "\n";
    std::cerr << text << std::flush;
}

Reference<XGroupWorkflow> workflow_of(const Office& office) {
    Reference<XGroupWorkflow> wf = office.workflow();
    if (!wf.is())
        throw Failure(kNothing, "扩展包中没有集团工作流服务 / the extension has no org.dealerkpi.group.Workflow "
                                "(an older dealerkpi.oxt?)");
    return wf;
}

struct ShareRun {
    std::unique_ptr<Office> office;
    std::thread thread;
    std::vector<DistributedRow> rows;
    std::string error;
    int error_code = kNothing;
};

void run_share(ShareRun& run, const Distribute& d, const std::string& issue, int share, Rows& rows) {
    try {
        run.office->start();
        Reference<task::XStatusIndicator> indicator(new Indicator(rows, share));
        uno::Sequence<DistributedRow> rows = workflow_of(*run.office)->distributeShareWith(
            from_utf8(d.template_kind), file_url(d.dealers), from_utf8(d.month), file_url(d.out_dir), d.lock, d.force,
            from_utf8(issue), share, d.jobs, d.portable, indicator);
        run.rows.assign(rows.begin(), rows.end());
    } catch (const lang::IllegalArgumentException& e) {
        run.error = to_utf8(e.Message);
    } catch (const uno::RuntimeException& e) {
        run.error = "LibreOffice 出错 / the office failed: " + to_utf8(e.Message);
    } catch (const Failure& e) {
        run.error = e.what();
        run.error_code = e.code;
    } catch (const std::exception& e) {
        run.error = e.what();
    }
}

std::string path_of(const rtl::OUString& url) {
    rtl::OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) == osl::FileBase::E_None)
        return to_utf8(path);
    return to_utf8(url);
}

// One line per row, in table order: the file written (stdout), or the row and why not (stderr).
int report(const std::vector<DistributedRow>& rows, const Distribute& d, double seconds) {
    std::size_t written = 0, refused = 0;
    for (const DistributedRow& row : rows) {
        const std::string at = "第 " + std::to_string(row.Row) + " 行";
        if (row.Written) {
            ++written;
            std::cout << at << kWrittenMark << path_of(row.Url) << "\n";
        } else {
            ++refused;
            std::cerr << at << "：" << to_utf8(row.Reason.TextZh) << " / row " << row.Row << ": "
                      << to_utf8(row.Reason.TextEn) << "\n";
        }
    }
    std::cout << "dealerkpi-group: " << written << " 个文件已写入 / files written to " << d.out_dir.string();
    if (refused)
        std::cout << "; " << refused << " 行未生成 / rows without a file (listed above)";
    std::cout << " (" << clock_text(seconds) << ")\n";
    if (written == 0 && refused > 0)
        return kNothing;
    return refused ? kSomeRows : kOk;
}

// Records what was written in the group's store, read back through an office
// that is still running (every share's office is).
void record_written(store::Store& s, const std::vector<std::unique_ptr<ShareRun>>& runs,
                    const std::vector<DistributedRow>& rows, const Distribute& d) {
    if (std::none_of(rows.begin(), rows.end(), [](const DistributedRow& r) { return r.Written; }))
        return;
    for (const auto& r : runs) {
        if (!r->error.empty())
            continue;
        const uno::Sequence<DistributedRow> all(rows.data(), static_cast<sal_Int32>(rows.size()));
        record_distribute(s, *workflow_of(*r->office), all, d.template_kind, d.month);
        return;
    }
}

}  // namespace

int run_distribute(const Command& c) {
    const Distribute& d = c.distribute;
    check_distribute(d);
    std::unique_ptr<store::Store> recorded = open_store(c.store);
    OfficeSetup setup = prepare_office(c.office);
    const std::string issue = new_issue_id();
    const std::set<fs::path> before = files_in(d.out_dir);
    std::vector<std::unique_ptr<ShareRun>> runs;
    std::vector<DistributedRow> rows;
    double seconds = 0;
    {
        Progress progress("下发 distribute", 0, false);
        Rows done(progress);
        set_interrupt_hook([&done, &d, &before] { on_interrupt(done, d.out_dir, before); });
        for (int j = 0; j < d.jobs; ++j) {
            runs.push_back(std::make_unique<ShareRun>());
            runs.back()->office = std::make_unique<Office>(setup, j);
        }
        for (int j = 0; j < d.jobs; ++j)
            runs[j]->thread = std::thread(run_share, std::ref(*runs[j]), std::cref(d), std::cref(issue), j, std::ref(done));
        for (auto& r : runs)
            r->thread.join();
        set_interrupt_hook(nullptr);
        for (auto& r : runs)
            if (!r->error.empty())
                r->office->stop();  // an office lost while writing: what it was writing goes too
        remove_orphan_parts(fs::absolute(d.out_dir), "");
        progress.finish();
        seconds = progress.elapsed();
    }
    const ShareRun* failed = nullptr;
    for (auto& r : runs) {
        if (!r->error.empty() && !failed)
            failed = r.get();
        rows.insert(rows.end(), r->rows.begin(), r->rows.end());
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const DistributedRow& a, const DistributedRow& b) { return a.Row < b.Row; });
    if (failed && rows.empty())
        throw Failure(failed->error_code, failed->error);
    int status = report(rows, d, seconds);
    if (recorded)
        record_written(*recorded, runs, rows, d);
    for (auto& r : runs)
        r->office.reset();  // stops the office
    if (failed)  // the other offices' files are listed above
        throw Failure(failed->error_code, failed->error);
    return status;
}

}  // namespace dealerkpi::group
