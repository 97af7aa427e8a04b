// Headless LibreOffice processes for dealerkpi-group: a throw-away profile with
// the DealerKPI extension, the process (restarted on exit 81), the C++ UNO
// bridge over a named pipe, and a clean stop (also on Ctrl-C and on errors).
#pragma once

#include <filesystem>
#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include <sys/types.h>

#include <com/sun/star/uno/XComponentContext.hpp>
#include <org/dealerkpi/group/XGroupWorkflow.hpp>

#include "options.hxx"

namespace dealerkpi::group {

// Where the parts are found: soffice, the .oxt, LibreOffice's program folder.
struct OfficeSetup {
    std::string soffice;
    std::filesystem::path program_dir;  // unopkg, fundamentalrc
    std::filesystem::path oxt;
    std::filesystem::path profile;      // the prepared profile (read-only; copied per office)
    double timeout_seconds = 300;
    double memory_bytes = 2147483648.0;  // each office's address space (prlimit --as)
    // What every office command line starts with: the network namespace of its own
    // (unshare) and the memory limit (prlimit); then soffice.bin itself.
    std::vector<std::string> confinement;
    bool network_isolated = false;  // false: unshare is missing or refused here (said on stderr)
    bool verbose = false;
};

// Finds soffice and the .oxt (throws Failure) and makes sure a profile with
// this .oxt installed exists in the cache (DEALERKPI_GROUP_CACHE, else
// $XDG_CACHE_HOME/dealerkpi-group, else ~/.cache/dealerkpi-group), keyed by the
// .oxt's content: prepared once (unopkg add, first start), then copied per office.
OfficeSetup prepare_office(const OfficeOptions& o);

// Installs the handler that, on SIGINT/SIGTERM/SIGHUP, kills every office this
// process started, removes their profiles and exits with 130.
void install_interrupt_handler();

// What the interrupt handler does after the offices are stopped and before it
// exits (say what was done, remove what was left half-made); an empty
// function: nothing.
void set_interrupt_hook(std::function<void()> hook);

// The process's own UNO runtime (the office's URE, bootstrapped once).
css::uno::Reference<css::uno::XComponentContext> local_context();

class Office {
public:
    Office(const OfficeSetup& setup, int index);
    ~Office();  // stop()
    Office(const Office&) = delete;
    Office& operator=(const Office&) = delete;

    // Copies the profile, starts soffice, connects; throws Failure(kNothing).
    void start();
    // Asks the office to terminate, waits, kills what is left, removes the profile.
    void stop();
    // stop() then start(): after a crash or a hang.
    void restart();
    // SIGKILL to the office's process group (from any thread).
    void kill();
    // Removes the socket files of the office's pipes (the office is gone).
    void remove_pipes();
    // --verbose: what the office printed (its log), line by line on standard error.
    void tell_log() const;
    // True while the soffice process runs.
    bool running();
    // Reads the office's memory now (from any thread; the watchdog does, often).
    void sample_memory();
    // The largest resident memory and address space sampled since the office started (bytes).
    double peak_resident() const { return peak_rss_; }
    double peak_address_space() const { return peak_as_; }
    // True when the sampled address space came within 64 MiB of --memory: the
    // allocation that would have crossed it failed.
    bool at_memory_limit() const { return peak_as_ > setup_.memory_bytes - 64.0 * 1024 * 1024; }
    // True when the office ran into --memory: its address space came within reach
    // of the limit, or it died of an allocation that failed.
    bool hit_memory_limit();
    // The peak address space now (sampled): what a read starts from.
    double address_space_mark();
    // True when the address space rose from `mark` more than a third of the way to
    // --memory. A load the office gave up on, silently, after such a rise failed an
    // allocation: buffers grow by doubling, so the one that failed asked for more than
    // was left (the limit less the peak) and for at most about twice what the read had
    // taken (the peak less `mark`). A damaged file is given up on before it grows.
    bool grew_toward_limit(double mark);

    css::uno::Reference<org::dealerkpi::group::XGroupWorkflow> workflow() const { return workflow_; }
    css::uno::Reference<css::uno::XComponentContext> context() const { return context_; }
    // Why workflow() is null: the office's own message.
    const std::string& workflow_error() const { return workflow_error_; }
    int index() const { return index_; }

private:
    void launch();
    // Waits until `deadline` for the office's pipe (taking the restart code) and connects; throws Failure.
    void connect(const css::uno::Reference<css::uno::XComponentContext>& local,
                 std::chrono::steady_clock::time_point deadline);
    // The group workflow service in the office, or why not (workflow_error_).
    void make_workflow();
    bool reap(int* status);
    double status_field(const char* field);
    std::atomic<double> peak_rss_{0}, peak_as_{0};

    const OfficeSetup& setup_;
    int index_;
    std::filesystem::path workdir_;
    std::string pipe_;
    std::vector<std::string> pipes_;  // every pipe name used: their files go at stop()
    std::atomic<pid_t> pid_{-1};  // also the process group
    bool reaped_ = false;
    int status_ = 0;
    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<org::dealerkpi::group::XGroupWorkflow> workflow_;
    std::string workflow_error_;
};

// Removes the temporary files an office stores beside an output before renaming
// them into place (.~<name>.<office process id>.<n>.part) whose office is gone:
// what an office that died while writing left. `name`: that output's file name,
// or empty for every output in `dir`. A part of an office still running (another
// run's) is left alone.
void remove_orphan_parts(const std::filesystem::path& dir, const std::string& name);

std::string to_utf8(const rtl::OUString& s);
rtl::OUString from_utf8(const std::string& s);
rtl::OUString file_url(const std::filesystem::path& p);

}  // namespace dealerkpi::group
