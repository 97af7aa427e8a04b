#include "progress.hxx"

#include <cstdio>
#include <iostream>
#include <sstream>

#include <unistd.h>

namespace dealerkpi::group {

std::string clock_text(double seconds) {
    long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

std::string printable(const std::string& s) {
    std::string out;
    char buf[16];
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xa0) {
            std::snprintf(buf, sizeof buf, "\\u{%04x}", static_cast<unsigned char>(s[i + 1]));
            out += buf;
            ++i;
        } else if (c == 0xe2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   ((static_cast<unsigned char>(s[i + 2]) >= 0xaa && static_cast<unsigned char>(s[i + 2]) <= 0xae))) {
            std::snprintf(buf, sizeof buf, "\\u{20%02x}", static_cast<unsigned char>(s[i + 2]) - 0x80);
            out += buf;
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

Progress::Progress(std::string title, std::size_t total, bool files)
    : title_(std::move(title)), total_(total), files_(files), tty_(::isatty(2) == 1),
      start_(std::chrono::steady_clock::now()), last_plain_(start_) {
    if (tty_) {
        // The clock runs on even when no file finishes.
        ticker_ = std::thread([this] {
            std::unique_lock<std::mutex> lock(mutex_);
            while (!finished_) {
                draw_locked(false);
                wake_.wait_for(lock, std::chrono::milliseconds(500));
            }
        });
    }
}

Progress::~Progress() { finish(); }

double Progress::elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

std::string Progress::line_locked() const {
    std::ostringstream s;
    double t = elapsed();
    s << title_ << " " << done_ << "/" << total_;
    if (files_)
        s << " 文件 files · 未采用 not taken " << not_taken_;
    else
        s << " 行 rows";
    s << " · 用时 elapsed " << clock_text(t);
    if (done_ > 0 && done_ < total_)
        s << " · 剩余 left ~" << clock_text(t / done_ * (total_ - done_));
    return s.str();
}

void Progress::draw_locked(bool force) {
    if (tty_) {
        std::cerr << "\r" << line_locked() << "\x1b[K" << std::flush;
        return;
    }
    // Plain lines: every 5 % of the files or every 15 s, and the last one.
    auto now = std::chrono::steady_clock::now();
    std::size_t step = total_ / 20 > 0 ? total_ / 20 : 1;
    if (force || done_ >= last_plain_done_ + step || now - last_plain_ > std::chrono::seconds(15)) {
        std::cerr << line_locked() << "\n" << std::flush;
        last_plain_ = now;
        last_plain_done_ = done_;
    }
}

void Progress::done(const std::string& name, bool not_taken, const std::string& reason) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++done_;
    if (not_taken) {
        ++not_taken_;
        if (tty_)
            std::cerr << "\r\x1b[K";
        std::cerr << "  未采用 not taken: " << printable(name) << " — " << printable(reason) << "\n";
    }
    if (!finished_)
        draw_locked(done_ == total_);
}

void Progress::refuse(const std::string& name, const std::string& reason) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++not_taken_;
    last_plain_done_ = static_cast<std::size_t>(-1);  // the last line must show the new count
    if (tty_)
        std::cerr << "\r\x1b[K";
    std::cerr << "  未采用 not taken: " << printable(name) << " — " << printable(reason) << "\n";
}

void Progress::set(std::size_t done, std::size_t total) {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = done;
    total_ = total;
    if (!finished_)
        draw_locked(false);
}

void Progress::say(const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (tty_)
        std::cerr << "\r\x1b[K";
    std::cerr << printable(line) << "\n";
    if (tty_ && !finished_)
        draw_locked(false);
}

void Progress::finish() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (finished_)
            return;
        finished_ = true;
        if (tty_)
            std::cerr << "\r" << line_locked() << "\x1b[K\n" << std::flush;
        else if (last_plain_done_ != done_ || done_ == 0)
            std::cerr << line_locked() << "\n" << std::flush;
    }
    wake_.notify_all();
    if (ticker_.joinable())
        ticker_.join();
}

}  // namespace dealerkpi::group
