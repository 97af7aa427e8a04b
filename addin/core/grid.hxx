// Plain cell values and a read-only view over a rectangular block of them.
// This is the only input shape the arithmetic knows: whatever the spreadsheet
// hands over (a number, a cell, a range, an inline array) arrives as a Grid.
#pragma once

#include <cstddef>

namespace dealerkpi {

enum class CellKind : unsigned char { Blank, Number, Text };

struct Cell {
    CellKind kind = CellKind::Blank;
    double number = 0.0;

    static constexpr Cell blank() noexcept { return {}; }
    static constexpr Cell of(double v) noexcept { return {CellKind::Number, v}; }
    static constexpr Cell text() noexcept { return {CellKind::Text, 0.0}; }

    constexpr bool isBlank() const noexcept { return kind == CellKind::Blank; }
    constexpr bool isNumber() const noexcept { return kind == CellKind::Number; }
    constexpr bool isText() const noexcept { return kind == CellKind::Text; }
};

// Row-major view; does not own its cells.
struct Grid {
    const Cell* cells = nullptr;
    std::size_t rows = 0;
    std::size_t cols = 0;

    constexpr Grid() noexcept = default;
    constexpr Grid(const Cell* c, std::size_t r, std::size_t k) noexcept : cells(c), rows(r), cols(k) {}
    // A single value seen as a 1x1 block.
    constexpr explicit Grid(const Cell& one) noexcept : cells(&one), rows(1), cols(1) {}

    constexpr std::size_t size() const noexcept { return rows * cols; }
    constexpr bool empty() const noexcept { return size() == 0; }
    constexpr const Cell& operator[](std::size_t i) const noexcept { return cells[i]; }
    constexpr const Cell* begin() const noexcept { return cells; }
    constexpr const Cell* end() const noexcept { return cells + size(); }
    constexpr bool sameShape(const Grid& o) const noexcept { return rows == o.rows && cols == o.cols; }
    // Number of cells up to the last non-blank one (a table's spare rows at the end).
    constexpr std::size_t usedLength() const noexcept
    {
        std::size_t n = size();
        while (n > 0 && cells[n - 1].isBlank())
            --n;
        return n;
    }
};

} // namespace dealerkpi
