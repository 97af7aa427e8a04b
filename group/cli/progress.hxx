// Progress on the terminal: files done / total, files not taken, elapsed and
// remaining time. One updating line on a terminal, plain lines otherwise.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

namespace dealerkpi::group {

class Progress {
public:
    // `files`: a roll-up's files (with the count not taken); otherwise rows.
    Progress(std::string title, std::size_t total, bool files = true);
    ~Progress();  // finish()

    // One file done; `not_taken` with a reason prints a line above the progress.
    void done(const std::string& name, bool not_taken, const std::string& reason);
    // Sets the count directly (distribute's indicator).
    void set(std::size_t done, std::size_t total);
    // A line of its own, above the progress line.
    void say(const std::string& line);
    // A file not taken after reading (by the roll-up: month, duplicate): counted and printed.
    void refuse(const std::string& name, const std::string& reason);
    // The last update and a newline; idempotent.
    void finish();

    std::size_t not_taken() const { return not_taken_; }
    double elapsed() const;

private:
    std::string line_locked() const;
    void draw_locked(bool force);

    std::string title_;
    std::size_t total_, done_ = 0, not_taken_ = 0;
    bool files_;
    bool tty_;
    bool finished_ = false;
    std::chrono::steady_clock::time_point start_, last_plain_;
    std::size_t last_plain_done_ = 0;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::thread ticker_;
};

std::string clock_text(double seconds);

// `s` with every control character (C0, DEL, C1, and the bidirectional
// overrides) shown as \xNN or \u{NNNN}: what a file names or holds never
// moves the cursor or erases a line.
std::string printable(const std::string& s);

}  // namespace dealerkpi::group
