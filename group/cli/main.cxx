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
#include <map>
#include <memory>
#include <thread>
#include <vector>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <osl/file.hxx>

#include "distribute.hxx"
#include "office.hxx"
#include "options.hxx"
#include "progress.hxx"
#include "records.hxx"

namespace fs = std::filesystem;
using namespace css;
using css::uno::Reference;
using org::dealerkpi::group::DealerFile;
using org::dealerkpi::group::Problem;
using org::dealerkpi::group::RollupResult;
using org::dealerkpi::group::XGroupWorkflow;

namespace dealerkpi::group {
namespace {

Reference<XGroupWorkflow> workflow_of(const Office& office) {
    Reference<XGroupWorkflow> wf = office.workflow();
    if (!wf.is())
        throw Failure(kNothing, "无法创建集团工作流服务 / cannot create org.dealerkpi.group.Workflow: " +
                                    office.workflow_error());
    return wf;
}

// A file the command line could not have read: one problem, its code and texts.
uno::Sequence<Problem> one_problem(const char* code, const std::string& zh, const std::string& en) {
    Problem p(rtl::OUString::createFromAscii(code), rtl::OUString(), from_utf8(zh), from_utf8(en));
    return uno::Sequence<Problem>(&p, 1);
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

Cause cause_of(Office& office, bool timed_out) {
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

// For 问题清单: the problem's code and its sentence in both languages (the limits say what to change).
Problem problem_of(Cause c, const OfficeSetup& s, const std::string& failure, bool retried) {
    const std::string seconds = std::to_string(static_cast<long long>(s.timeout_seconds));
    std::string code, zh, en;
    switch (c) {
    case Cause::kTimeout:
        code = "read_timeout";
        zh = "读取超时（超过 --timeout " + seconds + " 秒）";
        en = "reading took longer than --timeout " + seconds + " s";
        break;
    case Cause::kMemory:
        code = "read_memory";
        zh = "读取所需内存超出上限（--memory " + size_text(s.memory_bytes) + "）";
        en = "reading needs more memory than --memory " + size_text(s.memory_bytes);
        break;
    case Cause::kCrash:
        code = "read_crashed";
        zh = "读取时 LibreOffice 崩溃";
        en = "the office crashed reading it";
        break;
    case Cause::kError:
        code = "read_failed";
        zh = "读取时出错：" + failure;
        en = "reading failed: " + failure;
        break;
    }
    if (retried) {
        zh += "（已重试一次）";
        en += " (retried once)";
    }
    return Problem(rtl::OUString::createFromAscii(code.c_str()), rtl::OUString(), from_utf8(zh), from_utf8(en));
}

// Threads that stop offices, joined however the scope is left.
struct Stopping {
    std::vector<std::thread> threads;
    ~Stopping() {
        for (std::thread& t : threads)
            t.join();
    }
};

long long now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The roll-up's month: given, or the one most readable files have (a tie: the later).
std::string month_of(const std::vector<DealerFile>& files, const std::string& given) {
    if (!given.empty())
        return given;
    std::map<std::string, int> count;
    for (const DealerFile& f : files)
        if (!f.Problems.hasElements() && !f.Month.isEmpty())
            ++count[to_utf8(f.Month)];
    std::string month;
    int best = 0;
    for (const auto& [m, k] : count)
        if (k >= best)
            best = k, month = m;
    return month;
}

// The group workbook, by the office that still runs; an office lost while writing
// is replaced once (what was read is kept). The files the roll-up itself did not
// take (month, duplicates) are counted and printed.
RollupResult write_rollup(Worker& writer, const std::vector<DealerFile>& all, const Rollup& r, Progress& progress) {
    uno::Sequence<DealerFile> files(all.data(), static_cast<sal_Int32>(all.size()));
    RollupResult summary;
    for (int attempt = 1;; ++attempt) {
        try {
            summary = workflow_of(*writer.office)->writeRollup(files, from_utf8(r.month), file_url(r.out), r.force);
            break;
        } catch (const lang::IllegalArgumentException& e) {
            throw Failure(kNothing, to_utf8(e.Message));
        } catch (const uno::RuntimeException& e) {
            if (attempt == 2) {
                writer.office->stop();
                remove_orphan_parts(fs::absolute(r.out).parent_path(), r.out.filename().string());
                throw Failure(kNothing, "写汇总时 LibreOffice 出错 / the office failed writing the group workbook: " +
                                            to_utf8(e.Message));
            }
            progress.say("  LibreOffice: 写汇总时退出，重启并重试 / died writing the group workbook; restarting, retrying once");
            writer.office->restart();
            remove_orphan_parts(fs::absolute(r.out).parent_path(), r.out.filename().string());  // what the lost office was writing
        }
    }
    for (const DealerFile& f : summary.Refused) {
        rtl::OUString path;
        osl::FileBase::getSystemPathFromFileURL(f.Url, path);
        for (const Problem& p : f.Problems)
            progress.refuse(to_utf8(path), to_utf8(p.TextZh) + " / " + to_utf8(p.TextEn));
    }
    return summary;
}

// The roll-up's inputs: the files to read, and those set aside unread (each with its problem).
struct Inputs {
    std::vector<fs::path> files;
    std::vector<DealerFile> skipped;
    std::vector<std::string> skipped_names;
};

Inputs sort_inputs(const Rollup& r) {
    Inputs in;
    for (const FoundFile& f : collect_inputs(r)) {
        if (f.skip == Skip::None) {
            in.files.push_back(f.path);
            continue;
        }
        DealerFile d;
        d.Url = file_url(f.path);
        const std::string both = skipText(f.skip);
        const std::size_t at = both.find(" / ");
        d.Problems = one_problem("not_read", both.substr(0, at), both.substr(at + 3));
        in.skipped.push_back(d);
        in.skipped_names.push_back(f.path.string());
    }
    return in;
}

// True when the office did not open the file and asked nothing that says why (a
// password, another format): damaged, or a load given up on.
bool not_opened(const DealerFile& f) {
    for (const Problem& p : f.Problems)
        if (p.Code == "cannot_open" || p.Code == "broken_file")
            return true;
    return false;
}

// The problems of a file, for its progress line (Chinese).
std::string reasons_zh(const DealerFile& f) {
    std::string reason;
    for (const Problem& p : f.Problems)
        reason += (reason.empty() ? "" : "；") + to_utf8(p.TextZh);
    return reason;
}

// Reads the files with one office per job, each in a thread of its own, under a
// watchdog; a file an office fails on is listed with the cause.
struct Reading {
    const std::vector<fs::path>& files;
    const OfficeSetup& setup;
    std::vector<DealerFile> results;
    std::vector<char> finished;
    std::atomic<std::size_t> next{0};
    std::vector<std::unique_ptr<Worker>> workers;
    Progress progress;  // declared last: finished before the offices stop

    Reading(const std::vector<fs::path>& f, const OfficeSetup& s)
        : files(f), setup(s), results(f.size()), finished(f.size(), 0), progress("汇总 rollup", f.size()) {}

    void list(std::size_t i, const Problem& why);
    void read_one(Worker& w, std::size_t i);
    void read_all(Worker& w);
    void start(int jobs);
    void watch();
    Worker& writer();
    void list_unread();
};

void Reading::list(std::size_t i, const Problem& why) {
    DealerFile f;
    f.Url = file_url(files[i]);
    f.Problems = uno::Sequence<Problem>(&why, 1);
    results[i] = f;
}

void Reading::read_one(Worker& w, std::size_t i) {
    for (int attempt = 1;; ++attempt) {
        std::string failure;
        bool over_memory = false;
        try {
            Reference<XGroupWorkflow> wf = workflow_of(*w.office);
            w.timed_out = false;
            const double mark = w.office->address_space_mark();
            w.busy_since = now_ms();
            results[i] = wf->readDealerFile(file_url(files[i]));
            w.busy_since = 0;
            // The office ran into --memory and got over it (what it read is not to be
            // trusted), or gave up the load on an allocation that failed.
            over_memory = w.office->hit_memory_limit() || (not_opened(results[i]) && w.office->grew_toward_limit(mark));
            if (!over_memory)
                return;
        } catch (const uno::Exception& e) {
            w.busy_since = 0;
            failure = to_utf8(e.Message);
        }
        Cause cause = over_memory ? Cause::kMemory : cause_of(*w.office, w.timed_out);
        progress.say("  LibreOffice " + std::to_string(w.office->index() + 1) + ": " + cause_text(cause, setup) +
                     " / " + files[i].string() + "; 重启 / restarting");
        w.office->restart();  // throws Failure when it cannot start again
        if (cause == Cause::kCrash && attempt == 1)
            continue;  // once more on a fresh office: a crash may be the office's, not the file's
        list(i, problem_of(cause, setup, failure, attempt > 1));
        return;
    }
}

// A worker's thread: starts its office, then reads the next file not yet taken until none is left.
void Reading::read_all(Worker& w) {
    try {
        w.office->start();
        workflow_of(*w.office);
        for (std::size_t i; (i = next++) < files.size();) {
            read_one(w, i);
            finished[i] = 1;
            progress.done(files[i].filename().string(), results[i].Problems.hasElements(), reasons_zh(results[i]));
        }
    } catch (const Failure& e) {
        w.error = e.what();
    } catch (const std::exception& e) {
        w.error = e.what();
    }
    w.alive = false;
}

void Reading::start(int jobs) {
    for (int j = 0; j < jobs; ++j) {
        workers.push_back(std::make_unique<Worker>());
        Worker& w = *workers.back();
        w.office = std::make_unique<Office>(setup, j);
        w.thread = std::thread([this, &w] { read_all(w); });
    }
}

// The watchdog, until every worker is done: an office that takes longer than
// --timeout on one file is killed (its worker lists the file and restarts it: one
// timeout per file); the offices' memory is sampled for the reason a file is listed with.
void Reading::watch() {
    const long long timeout_ms = static_cast<long long>(setup.timeout_seconds * 1000);
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
}

// The group workbook is written by an office that still runs; none left:
// nothing can be written.
Worker& Reading::writer() {
    for (auto& w : workers)
        if (w->error.empty() && w->office->running())
            return *w;
    throw Failure(kNothing, workers.front()->error.empty() ? "LibreOffice 不可用 / no office left"
                                                           : workers.front()->error);
}

// Only when an office could not start again: its file and the rest.
void Reading::list_unread() {
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (finished[i])
            continue;
        DealerFile f;
        f.Url = file_url(files[i]);
        f.Problems = one_problem("office_failed", "LibreOffice 无法启动，未读取", "the office could not start; not read");
        results[i] = f;
    }
}

void print_summary(const RollupResult& summary, const Rollup& r, std::size_t files, double elapsed) {
    std::cout << "月份 " << to_utf8(summary.Month) << "：已汇总 " << summary.TakenStrategy + summary.TakenWorkshop
              << " 个文件（策略表 " << summary.TakenStrategy << " 个，售后表 " << summary.TakenWorkshop << " 个），未采用 "
              << summary.NotTaken << " 个。 / month " << to_utf8(summary.Month) << ": "
              << summary.TakenStrategy + summary.TakenWorkshop << " files rolled up (" << summary.TakenStrategy
              << " strategy, " << summary.TakenWorkshop << " workshop), " << summary.NotTaken << " not taken.\n";
    std::cout << "dealerkpi-group: " << printable(r.out.string()) << " (" << files << " 个文件 files, "
              << clock_text(elapsed) << ")\n";
}

int run_rollup(const Command& c) {
    const Rollup& r = c.rollup;
    check_rollup_output(r);
    const Inputs in = sort_inputs(r);
    std::unique_ptr<store::Store> recorded = open_store(c.store);
    OfficeSetup setup = prepare_office(c.office);
    // Ctrl-C while the workbook is being written: the killed office's part goes too.
    set_interrupt_hook([dir = fs::absolute(r.out).parent_path(), name = r.out.filename().string()] {
        remove_orphan_parts(dir, name);
    });

    Reading reading(in.files, setup);
    for (std::size_t i = 0; i < in.skipped.size(); ++i)
        reading.progress.refuse(in.skipped_names[i], to_utf8(in.skipped[i].Problems[0].TextZh) + " / " +
                                                         to_utf8(in.skipped[i].Problems[0].TextEn));
    reading.start(static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(r.jobs), in.files.size())));
    reading.watch();
    Worker& writer = reading.writer();
    reading.list_unread();
    // The other offices stop while the writer writes (a stop waits up to 20 s for
    // the office to close: not time the workbook should wait for).
    Stopping stopping;
    for (auto& w : reading.workers)
        if (w.get() != &writer)
            stopping.threads.emplace_back([office = w->office.get()] { office->stop(); });

    std::vector<DealerFile>& results = reading.results;
    if (recorded) {
        std::vector<DealerFile> missing = record_rollup(*recorded, results, in.files, month_of(results, r.month), c.store);
        results.insert(results.end(), missing.begin(), missing.end());
    }
    std::vector<DealerFile> all(results);
    all.insert(all.end(), in.skipped.begin(), in.skipped.end());
    RollupResult summary = write_rollup(writer, all, r, reading.progress);
    writer.office->stop();
    reading.progress.finish();
    print_summary(summary, r, all.size(), reading.progress.elapsed());
    if (reading.progress.not_taken() >= all.size()) {
        std::cerr << "dealerkpi-group: 没有文件被采用，原因见 问题清单 / no file was taken (问题清单 says why)\n";
        return kNoneTaken;
    }
    return kOk;
}

}  // namespace
}  // namespace dealerkpi::group

int main(int argc, char** argv) {
    using namespace dealerkpi::group;
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
        case Command::kStatus:
            return run_status(c);
        case Command::kTrend:
            return run_trend(c);
        }
    } catch (const Failure& f) {
        std::cerr << "dealerkpi-group: " << printable(f.what()) << "\n";
        return f.code;
    } catch (const css::uno::Exception& e) {
        std::cerr << "dealerkpi-group: LibreOffice: " << printable(to_utf8(e.Message)) << "\n";
        return kNothing;
    } catch (const std::exception& e) {
        std::cerr << "dealerkpi-group: " << e.what() << "\n";
        return kNothing;
    }
    return kNothing;
}
