// Plain cell values and a read-only view over a rectangular block of them.
// This is the only input shape the arithmetic knows: whatever the spreadsheet
// hands over (a number, a cell, a range, an inline array) arrives as a Grid.
#pragma once

#include "outcome.hxx"

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

// A table of two columns read side by side (thresholds and rates, points and
// payouts): `n` is their used length, which must be the same and not 0. Row by
// row, text is Error::Value and a blank (a hole inside the table)
// Error::InvalidArgument; then `row(i)` says what else row i breaks, if anything.
template <class Row>
constexpr Error checkColumns(const Grid& a, const Grid& b, std::size_t& n, Row row) noexcept
{
    n = a.usedLength();
    if (n == 0 || b.usedLength() != n)
        return Error::InvalidArgument;
    for (std::size_t i = 0; i < n; ++i) {
        if (a[i].isText() || b[i].isText())
            return Error::Value;
        if (a[i].isBlank() || b[i].isBlank())
            return Error::InvalidArgument;
        if (const Error e = row(i); e != Error::None)
            return e;
    }
    return Error::None;
}

} // namespace dealerkpi
