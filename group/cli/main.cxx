// dealerkpi-group: the DealerKPI group workflow on a command line.
//
//   dealerkpi-group distribute --template strategy_table --dealers D.csv --month 2026-12 --out DIR
//   dealerkpi-group rollup --out GROUP.ods [--jobs N] INPUT...
//
// Starts headless offices (office.cxx), calls org.dealerkpi.group.Workflow
// (group/XGroupWorkflow.idl), reports progress (progress.cxx).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <cppuhelper/implbase1.hxx>
#include <osl/file.hxx>

#include "office.hpp"
#include "options.hpp"
#include "progress.hpp"

namespace fs = std::filesystem;
using namespace css;
using css::uno::Reference;
using org::dealerkpi::group::DealerFile;
using org::dealerkpi::group::XGroupWorkflow;

namespace dkgroup {
namespace {

Reference<XGroupWorkflow> workflow_of(const Office& office) {
    Reference<XGroupWorkflow> wf = office.workflow();
    if (!wf.is())
        throw Failure(kNothing, "扩展包中没有集团工作流服务 / the extension has no org.dealerkpi.group.Workflow "
                                "(an older dealerkpi.oxt?)");
    return wf;
}

uno::Sequence<rtl::OUString> one_line(const rtl::OUString& s) { return uno::Sequence<rtl::OUString>(&s, 1); }

// distribute's progress, as the service reports it.
class Indicator : public cppu::WeakImplHelper1<task::XStatusIndicator> {
public:
    explicit Indicator(Progress& p) : progress_(p) {}
    void SAL_CALL start(const rtl::OUString&, sal_Int32 range) override {
        range_ = range > 0 ? range : 0;
        progress_.set(0, range_);
    }
    void SAL_CALL end() override { progress_.set(range_, range_); }
    void SAL_CALL setText(const rtl::OUString&) override {}
    void SAL_CALL setValue(sal_Int32 value) override {
        progress_.set(static_cast<std::size_t>(std::max<sal_Int32>(0, value)), range_);
    }
    void SAL_CALL reset() override { progress_.set(0, range_); }

private:
    Progress& progress_;
    std::size_t range_ = 0;
};

int run_distribute(const Command& c) {
    const Distribute& d = c.distribute;
    check_distribute(d);
    OfficeSetup setup = prepare_office(c.office, nullptr);
    Office office(setup, 0);
    office.start();
    Reference<XGroupWorkflow> wf = workflow_of(office);
    uno::Sequence<rtl::OUString> lines;
    {
        Progress progress("下发 distribute", 0, false);
        Reference<task::XStatusIndicator> indicator(new Indicator(progress));
        try {
            lines = wf->distribute(from_utf8(d.template_kind), file_url(d.dealers), from_utf8(d.month),
                                   file_url(d.out_dir), d.lock, d.force, indicator);
        } catch (const lang::IllegalArgumentException& e) {
            throw Failure(kNothing, to_utf8(e.Message));
        } catch (const uno::RuntimeException& e) {
            throw Failure(kNothing, "LibreOffice 出错 / the office failed: " + to_utf8(e.Message));
        }
        progress.finish();
    }
    office.stop();
    // One line per row: the file written, or the row and why not.
    std::size_t written = 0, refused = 0;
    for (const rtl::OUString& l : lines) {
        // "第 N 行：已生成 PATH" for a file written; anything else says why not.
        std::string line = to_utf8(l);
        const std::string mark = "已生成 ";
        std::size_t at = line.find(mark);
        std::error_code ec;
        bool is_file = at != std::string::npos && fs::is_regular_file(line.substr(at + mark.size()), ec);
        (is_file ? written : refused) += 1;
        (is_file ? std::cout : std::cerr) << line << "\n";
    }
    std::cout << "dealerkpi-group: " << written << " 个文件已写入 / files written to " << d.out_dir.string();
    if (refused)
        std::cout << "; " << refused << " 行未生成 / rows without a file (listed above)";
    std::cout << "\n";
    if (written == 0 && refused > 0)
        return kNothing;
    return refused ? kSomeRows : kOk;
}

struct Worker {
    std::unique_ptr<Office> office;
    std::thread thread;
    std::atomic<long long> busy_since{0};  // steady-clock ms of the call under way, 0 when idle
    std::atomic<bool> timed_out{false};
    std::atomic<bool> alive{true};
    std::string error;
};

// Why a read ended without a result, in the order the causes are told apart.
enum class Cause { kTimeout, kMemory, kCrash, kError };

Cause cause_of(Office& office, bool timed_out, const std::string& failure) {
    if (office.hit_memory_limit())
        return Cause::kMemory;  // also when the watchdog stopped an office stuck at its limit
    if (timed_out)
        return Cause::kTimeout;
    // A bridge that went down with its office: give the process a moment to be gone.
    for (int k = 0; k < 20 && office.running(); ++k)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!office.running())
        return office.hit_memory_limit() ? Cause::kMemory : Cause::kCrash;
    return Cause::kError;
}

std::string size_text(double bytes) {
    return std::to_string(static_cast<long long>(bytes / (1024.0 * 1024))) + " MiB";
}

// For the progress line (both languages).
std::string cause_text(Cause c, const OfficeSetup& s) {
    switch (c) {
    case Cause::kTimeout:
        return "超时 / timed out after " + std::to_string(static_cast<long long>(s.timeout_seconds)) + " s";
    case Cause::kMemory:
        return "超出内存上限 / over the memory limit of " + size_text(s.memory_bytes);
    case Cause::kCrash:
        return "退出 / died";
    case Cause::kError:
        break;
    }
    return "出错 / failed";
}

// For 问题清单 (the group workbook speaks Chinese; the limits say what to change).
std::string reason_text(Cause c, const OfficeSetup& s, const std::string& failure) {
    switch (c) {
    case Cause::kTimeout:
        return "读取超时（超过 --timeout " + std::to_string(static_cast<long long>(s.timeout_seconds)) + " 秒）";
    case Cause::kMemory:
        return "读取所需内存超出上限（--memory " + size_text(s.memory_bytes) + "）";
    case Cause::kCrash:
        return "读取时 LibreOffice 崩溃";
    case Cause::kError:
        break;
    }
    return "读取时出错：" + failure;
}

long long now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

int run_rollup(const Command& c) {
    const Rollup& r = c.rollup;
    check_rollup_output(r);
    std::vector<fs::path> files = collect_inputs(r);
    OfficeSetup setup = prepare_office(c.office, nullptr);

    const std::size_t n = files.size();
    const int jobs = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(r.jobs), n));
    std::vector<DealerFile> results(n);
    std::vector<char> finished(n, 0);
    std::atomic<std::size_t> next{0};
    std::vector<std::unique_ptr<Worker>> workers;
    Progress progress("汇总 rollup", n);
    const long long timeout_ms = static_cast<long long>(setup.timeout_seconds * 1000);

    auto listed = [&](std::size_t i, const std::string& why) {
        DealerFile f;
        f.Url = file_url(files[i]);
        f.Problems = one_line(from_utf8(why));
        results[i] = f;
    };
    auto read_one = [&](Worker& w, std::size_t i) {
        for (int attempt = 1;; ++attempt) {
            std::string failure;
            try {
                Reference<XGroupWorkflow> wf = workflow_of(*w.office);
                w.timed_out = false;
                w.busy_since = now_ms();
                results[i] = wf->readDealerFile(file_url(files[i]));
                w.busy_since = 0;
                if (!w.office->hit_memory_limit())
                    return;
                // The office ran into --memory and got over it: what it read is not to be trusted.
            } catch (const uno::Exception& e) {
                w.busy_since = 0;
                failure = to_utf8(e.Message);
            }
            Cause cause = cause_of(*w.office, w.timed_out, failure);
            progress.say("  LibreOffice " + std::to_string(w.office->index() + 1) + ": " + cause_text(cause, setup) +
                         " / " + files[i].string() + "; 重启 / restarting");
            w.office->restart();  // throws Failure when it cannot start again
            if (cause == Cause::kCrash && attempt == 1)
                continue;  // once more on a fresh office: a crash may be the office's, not the file's
            listed(i, reason_text(cause, setup, failure) + (attempt > 1 ? "（已重试一次）" : ""));
            return;
        }
    };

    for (int j = 0; j < jobs; ++j) {
        workers.push_back(std::make_unique<Worker>());
        Worker& w = *workers.back();
        w.office = std::make_unique<Office>(setup, j);
        w.thread = std::thread([&, j] {
            (void)j;
            try {
                w.office->start();
                workflow_of(*w.office);
                for (std::size_t i; (i = next++) < n;) {
                    read_one(w, i);
                    finished[i] = 1;
                    const DealerFile& f = results[i];
                    std::string reason;
                    for (const rtl::OUString& p : f.Problems)
                        reason += (reason.empty() ? "" : "；") + to_utf8(p);
                    progress.done(files[i].filename().string(), f.Problems.hasElements(), reason);
                }
            } catch (const Failure& e) {
                w.error = e.what();
            } catch (const std::exception& e) {
                w.error = e.what();
            }
            w.alive = false;
        });
    }
    // The watchdog: an office that takes longer than --timeout on one file is killed
    // (its worker lists the file and restarts it: one timeout per file); the offices'
    // memory is sampled for the reason a file is listed with.
    for (;;) {
        bool any = false;
        for (auto& w : workers) {
            if (!w->alive)
                continue;
            any = true;
            w->office->sample_memory();
            long long since = w->busy_since;
            // An office at its address-space limit only fails or thrashes from there: stopped at once.
            bool at_limit = w->office->at_memory_limit();
            if (since && (now_ms() - since > timeout_ms || at_limit) && !w->timed_out) {
                w->timed_out = true;
                w->office->kill();
            }
        }
        if (!any)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (auto& w : workers)
        w->thread.join();

    // The group workbook is written by an office that still runs; none left:
    // nothing can be written.
    Worker* writer = nullptr;
    for (auto& w : workers)
        if (w->error.empty() && w->office->running()) {
            writer = w.get();
            break;
        }
    if (!writer)
        throw Failure(kNothing, workers.front()->error.empty() ? "LibreOffice 不可用 / no office left"
                                                               : workers.front()->error);
    for (std::size_t i = 0; i < n; ++i) {
        if (finished[i])
            continue;
        // Only when an office could not start again: its file and the rest.
        DealerFile f;
        f.Url = file_url(files[i]);
        f.Problems = one_line(from_utf8("LibreOffice 无法启动，未读取"));
        results[i] = f;
    }
    progress.finish();
    for (auto& w : workers)
        if (w.get() != writer)
            w->office->stop();

    uno::Sequence<DealerFile> all(static_cast<sal_Int32>(n));
    for (std::size_t i = 0; i < n; ++i)
        all.getArray()[i] = results[i];
    rtl::OUString summary;
    bool force = r.force;
    for (int attempt = 1;; ++attempt) {
        try {
            summary = workflow_of(*writer->office)->writeRollup(all, from_utf8(r.month), file_url(r.out), force);
            break;
        } catch (const lang::IllegalArgumentException& e) {
            throw Failure(kNothing, to_utf8(e.Message));
        } catch (const uno::RuntimeException& e) {
            if (attempt == 2 || writer->office->running())
                throw Failure(kNothing, "写汇总时 LibreOffice 出错 / the office failed writing the group workbook: " +
                                            to_utf8(e.Message));
            // The office died: once more on a new one. Without --force the output did
            // not exist before this run, so what the dead office left of it is replaced.
            writer->office->restart();
            force = true;
        }
    }
    writer->office->stop();
    std::cout << to_utf8(summary) << "\n";
    std::cout << "dealerkpi-group: " << r.out.string() << " (" << n << " 个文件 files, "
              << clock_text(progress.elapsed()) << ")\n";
    return kOk;
}

}  // namespace
}  // namespace dkgroup

int main(int argc, char** argv) {
    using namespace dkgroup;
    install_interrupt_handler();
    try {
        Command c = parse_command_line(argc, argv);
        switch (c.kind) {
        case Command::kHelp:
            std::cout << c.help_text;
            return kOk;
        case Command::kVersion:
            std::cout << "dealerkpi-group " << DEALERKPI_VERSION << "\n";
            return kOk;
        case Command::kDistribute:
            return run_distribute(c);
        case Command::kRollup:
            return run_rollup(c);
        }
    } catch (const Failure& f) {
        std::cerr << "dealerkpi-group: " << f.what() << "\n";
        return f.code;
    } catch (const css::uno::Exception& e) {
        std::cerr << "dealerkpi-group: LibreOffice: " << to_utf8(e.Message) << "\n";
        return kNothing;
    } catch (const std::exception& e) {
        std::cerr << "dealerkpi-group: " << e.what() << "\n";
        return kNothing;
    }
    return kNothing;
}
