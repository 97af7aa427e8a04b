// Turns fuzz bytes into what a spreadsheet can hand the core: numbers (whole,
// money, rates, huge, tiny, negative, NaN, infinity), cells (blank, number,
// text), blocks of cells and keywords. Every byte sequence decodes; missing
// bytes read as 0. make_corpus.py writes seeds in the same format:
//
//   number : tag byte, tag % 8 selects the payload (little endian)
//              0 int8   1 raw double   2 int32 / 100   3 uint8 / 100
//              4 special value[byte]    5 int16   6 int8 * 10^(byte % 48 - 16)
//              7 int32
//   cell   : byte t; t < 0x20 blank, t < 0x30 text, else a number whose tag
//            is t % 8 (payload follows t directly)
//   block  : byte d, rows = d & 15, cols = d >> 4, then rows * cols cells
//   text   : length byte (% 48), then that many raw bytes
#pragma once

#include "core/dealerkpi.hxx"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace dealerkpi::fuzz {

struct Block {
    std::vector<Cell> cells;
    std::size_t rows = 0;
    std::size_t cols = 0;
    Grid grid() const { return Grid(cells.data(), rows, cols); }
    operator Grid() const { return grid(); }  // NOLINT
};

class Input {
public:
    Input(const std::uint8_t* data, std::size_t size) : p_(data), n_(size) {}

    std::uint8_t byte()
    {
        if (n_ == 0)
            return 0;
        --n_;
        return *p_++;
    }

    bool done() const { return n_ == 0; }

    double number() { return payload(byte() % 8); }

    Cell cell()
    {
        const std::uint8_t t = byte();
        if (t < 0x20)
            return Cell::blank();
        if (t < 0x30)
            return Cell::text();
        return Cell::of(payload(t % 8));
    }

    Block block()
    {
        const std::uint8_t d = byte();
        return shaped(d & 15u, d >> 4);
    }

    Block shaped(std::size_t rows, std::size_t cols)
    {
        Block b;
        b.rows = rows;
        b.cols = cols;
        b.cells.reserve(rows * cols);
        for (std::size_t i = 0; i < rows * cols; ++i)
            b.cells.push_back(cell());
        return b;
    }

    std::string text()
    {
        const std::size_t len = byte() % 48;
        std::string s;
        for (std::size_t i = 0; i < len && n_ > 0; ++i)
            s.push_back(static_cast<char>(byte()));
        return s;
    }

private:
    template <class T> T raw()
    {
        unsigned char b[sizeof(T)] = {};
        for (unsigned char& x : b)
            x = byte();
        T v;
        std::memcpy(&v, b, sizeof v);
        return v;
    }

    double payload(unsigned tag)
    {
        static constexpr double kSpecial[] = {
            0.0, -0.0, 1.0, -1.0, 0.5,
            std::numeric_limits<double>::quiet_NaN(),
            std::numeric_limits<double>::infinity(),
            -std::numeric_limits<double>::infinity(),
            std::numeric_limits<double>::max(),
            -std::numeric_limits<double>::max(),
            std::numeric_limits<double>::min(),
            std::numeric_limits<double>::denorm_min(),
            1e15, 1e308, -1e308, 1e-300,
            9007199254740992.0,  // 2^53
            9007199254740994.0,  // 2^53 + 2
            4503599627370496.0,  // 2^52
            4503599627370495.5,
            2.5, -2.5, 1.005, 0.125,
            0.1, 0.2, 0.3, 0.7, 0.8, 0.33, 100000, 120000,
        };
        switch (tag) {
        case 0: return static_cast<double>(static_cast<std::int8_t>(byte()));
        case 1: return raw<double>();
        case 2: return static_cast<double>(raw<std::int32_t>()) / 100.0;
        case 3: return static_cast<double>(byte()) / 100.0;
        case 4: return kSpecial[byte() % (sizeof kSpecial / sizeof kSpecial[0])];
        case 5: return static_cast<double>(raw<std::int16_t>());
        case 6: {
            const double mantissa = static_cast<double>(static_cast<std::int8_t>(byte()));
            return mantissa * std::pow(10.0, static_cast<double>(byte() % 48) - 16.0);
        }
        default: return static_cast<double>(raw<std::int32_t>());
        }
    }

    const std::uint8_t* p_;
    std::size_t n_;
};

// An invariant that does not hold: report and stop (libFuzzer saves the input).
[[noreturn]] inline void fail(const char* what, double a = 0, double b = 0)
{
    std::fprintf(stderr, "invariant violated: %s (%.17g, %.17g)\n", what, a, b);
    std::abort();
}

inline void check(bool ok, const char* what, double a = 0, double b = 0)
{
    if (!ok)
        fail(what, a, b);
}

} // namespace dealerkpi::fuzz
