// dealerkpi-group's command line: what the user asked for, checked before any
// office starts. Pure C++ (no UNO).
#pragma once

#include <filesystem>

#include <boost/program_options/options_description.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "collect.hxx"

namespace dealerkpi::group {

// Exit codes (docs/group.md, "For a dealer group").
enum Exit : int {
    kOk = 0,            // distribute: every row written; rollup: the group workbook written
    kSomeRows = 1,      // distribute: some rows not written (listed), the others written
    kNoneTaken = 1,     // rollup: the group workbook was written, but no file was taken
    kUsage = 2,         // the command line is wrong (missing argument, unknown template, ...)
    kNothing = 3,       // nothing could be written (no input files, output not writable, ...)
    kInterrupted = 130  // Ctrl-C / SIGTERM
};

// A failure with the one-line reason the user sees and the exit code.
struct Failure : std::runtime_error {
    Failure(int code, const std::string& what) : std::runtime_error(what), code(code) {}
    int code;
};

struct OfficeOptions {
    std::string soffice;            // --office or DEALERKPI_SOFFICE; default LibreOffice's
    std::string oxt;                // --oxt or DEALERKPI_OXT; default next to the program
    double timeout_seconds = 300;   // --timeout: one file, one office start
    double memory_bytes = 2147483648.0;  // --memory: address space of each office (default 2 GiB)
    bool verbose = false;
};

struct Distribute {
    std::string template_kind;
    std::filesystem::path dealers;
    std::string month;
    std::filesystem::path out_dir;
    int jobs = 1;
    bool lock = false;
    bool force = false;
    bool portable = false;
};

struct Rollup {
    std::filesystem::path out;
    int jobs = 1;
    std::string month;  // empty: the month most files have
    bool force = false;
    std::vector<std::filesystem::path> inputs;
};

// The group's store (docs/group-store.md): --store FILE|postgresql://…, --no-store,
// and the plausibility rule's factors.
struct StoreOptions {
    std::string where;  // empty: $DEALERKPI_STORE, else the user's data folder
    bool none = false;  // --no-store: record nothing
    double count_factor = 3;
    double rate_points = 30;  // percentage points
};

struct Status {
    std::string month, kind;
    bool csv = false;
};

struct Trend {
    std::string from, to;
    std::filesystem::path out;
    bool force = false;
};

struct Command {
    enum Kind { kHelp, kVersion, kDistribute, kRollup, kStatus, kTrend } kind = kHelp;
    std::string help_text;  // for kHelp
    OfficeOptions office;
    Distribute distribute;
    Rollup rollup;
    StoreOptions store;
    Status status;
    Trend trend;
};

// The store's options, for distribute and rollup (with the plausibility rule's factors: `rule`).
void add_store_options(boost::program_options::options_description& d, StoreOptions& s, bool rule);
// status and trend: parsed and checked (throws Failure with kUsage).
Command parse_store_command(const std::string& verb, const std::vector<std::string>& args);

// Parses and checks argv (throws Failure with kUsage). Paths are not touched.
Command parse_command_line(int argc, const char* const* argv);

// "2G", "1536M", "800000K" or plain bytes; -1 when not a size.
double parse_size(const std::string& text);

// Rewrites a month as people write it (2026-11, 2026/11, 2026.11, 2026年11月;
// years 2000..2099) as YYYY-MM in place; false, and left as it is, when it is none.
bool read_month(std::string& s);

// Checks what can be checked without an office (throws Failure): the dealers
// table exists, the output folder exists or can be made and is writable, an
// existing output without --force.
void check_distribute(const Distribute& d);
void check_rollup_output(const Rollup& r);

// The input files, in a fixed order (collect.hxx: the menu's routine too):
// every file named and every file under every folder named, the ones to read
// and the others with why not. Throws Failure (kUsage) for an input that does
// not exist, (kNothing) when there is no file to read.
std::vector<dealerkpi::group::FoundFile> collect_inputs(const Rollup& r);

}  // namespace dealerkpi::group
