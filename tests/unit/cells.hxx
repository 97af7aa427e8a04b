// Small helpers to write cell blocks in tests the way they look in a sheet.
#pragma once

#include "core/dealerkpi.hxx"

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <vector>

namespace dealerkpi::test {

inline constexpr Cell B = Cell::blank();
inline constexpr Cell T = Cell::text();
inline constexpr Cell N(double v) { return Cell::of(v); }

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kMax = std::numeric_limits<double>::max();
inline constexpr double kDenormMin = std::numeric_limits<double>::denorm_min();

// An owned block of cells; grid() views it.
struct Block {
    std::vector<Cell> cells;
    std::size_t rows = 0;
    std::size_t cols = 0;

    Block() = default;
    Block(std::vector<Cell> c, std::size_t r, std::size_t k) : cells(std::move(c)), rows(r), cols(k) {}
    Grid grid() const { return Grid(cells.data(), rows, cols); }
    operator Grid() const { return grid(); }  // NOLINT: a block is passed where a range is
};

// A column of cells ({1|2|3} in a formula).
inline Block col(std::initializer_list<Cell> c) { return Block(c, c.size(), 1); }
// A row of cells ({1;2;3}).
inline Block row(std::initializer_list<Cell> c) { return Block(c, 1, c.size()); }
// A column of numbers.
inline Block nums(std::initializer_list<double> v)
{
    std::vector<Cell> c;
    for (double x : v)
        c.push_back(Cell::of(x));
    const std::size_t n = c.size();
    return Block(std::move(c), n, 1);
}
// rows x cols, row by row.
inline Block block(std::size_t rows, std::size_t cols, std::initializer_list<Cell> c)
{
    return Block(c, rows, cols);
}
inline Block empty() { return Block({}, 0, 0); }

// A value rounded half away from zero to `decimals`, as an integer: what a
// cell formatted with that many decimals displays.
inline std::int64_t shown(double v, int decimals) { return std::llround(v * std::pow(10.0, decimals)); }

} // namespace dealerkpi::test
