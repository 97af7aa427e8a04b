// dealerkpi-group's command line: what the user asked for, checked before any
// office starts. Pure C++ (no UNO).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace dkgroup {

// Exit codes (docs/group.md, "For a dealer group").
enum Exit : int {
    kOk = 0,            // distribute: every row written; rollup: the group workbook written
    kSomeRows = 1,      // distribute: some rows not written (listed), the others written
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
    bool lock = false;
    bool force = false;
};

struct Rollup {
    std::filesystem::path out;
    int jobs = 1;
    std::string month;  // empty: the month most files have
    bool force = false;
    std::vector<std::filesystem::path> inputs;
};

struct Command {
    enum Kind { kHelp, kVersion, kDistribute, kRollup } kind = kHelp;
    std::string help_text;  // for kHelp
    OfficeOptions office;
    Distribute distribute;
    Rollup rollup;
};

// Parses and checks argv (throws Failure with kUsage). Paths are not touched.
Command parse_command_line(int argc, const char* const* argv);

// "2G", "1536M", "800000K" or plain bytes; -1 when not a size.
double parse_size(const std::string& text);

// YYYY-MM with a month 01..12.
bool is_month(const std::string& s);

// Checks what can be checked without an office (throws Failure): the dealers
// table exists, the output folder exists or can be made and is writable, an
// existing output without --force.
void check_distribute(const Distribute& d);
void check_rollup_output(const Rollup& r);

// The input files, in a fixed order: every file named, and every .ods, .xlsx,
// .xls under every folder named (recursively; lock files and hidden files
// skipped), without duplicates and without the output itself. Throws Failure
// (kUsage) for an input that does not exist, (kNothing) when no file is found.
std::vector<std::filesystem::path> collect_inputs(const Rollup& r);

}  // namespace dkgroup
