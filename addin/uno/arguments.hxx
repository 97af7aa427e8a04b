// Turns the arguments Calc passes (css::uno::Any) into core types, and core
// errors into Calc error values. Every conversion rule lives here, once.
#pragma once

// A branch that is almost never taken (fault injection): a hint where the
// compiler takes one, nothing elsewhere (MSVC).
#if defined(__GNUC__)
#define DEALERKPI_UNLIKELY(x) __builtin_expect(static_cast<bool>(x), false)
#else
#define DEALERKPI_UNLIKELY(x) static_cast<bool>(x)
#endif

#include "core/dealerkpi.hxx"

#include <boost/container/small_vector.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

#include <optional>
#include <string>
#include <vector>

namespace dealerkpi::uno {

// The cells of one range-like argument: a number, a text, an omitted
// argument (one blank cell), a cell, a range or an inline array. Up to 16
// cells are kept without touching the heap.
//
// Two parameter types carry such an argument; both take every form above and
// keep blanks and text apart:
//   any                       Calc shows the parameter as "(optional)"; a
//                             missing argument arrives as void (one blank cell);
//   sequence<sequence<any>>   a required parameter (CellRange below): Calc wraps
//                             a value or a single cell in a 1x1 array, and a
//                             missing argument never reaches the add-in (Calc
//                             gives Err:502 or Err:504 itself).
class CellArgument {
public:
    // Error::InvalidArgument for ragged or non-spreadsheet values.
    Error assign(const css::uno::Any& value);
    Error assign(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows);
    Grid grid() const noexcept { return Grid(ranged_ ? cells_.data() : &single_, rows_, cols_); }

private:
    Error assignRows(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& rows);

    Cell single_;
    bool ranged_ = false;
    boost::container::small_vector<Cell, 16> cells_;
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
};

// The IDL type of a required range-like parameter (see CellArgument).
using CellRange = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

// A keyword argument (method, rounding, mode, measure). Keeps the UTF-8 text
// alive for as long as the Keyword is used.
class KeywordArgument {
public:
    Error assign(const css::uno::Any& value);
    const Keyword& keyword() const noexcept { return keyword_; }

private:
    Keyword keyword_;
    std::string utf8_;
};

// A range of keywords (KPI_SCORE directions): one per cell in reading order;
// an omitted argument or a blank cell is an omitted keyword. The UTF-8 texts
// live in one buffer, up to 128 bytes of it without touching the heap.
class KeywordListArgument {
public:
    // Error::InvalidArgument for ragged or non-spreadsheet values.
    Error assign(const css::uno::Any& value);
    KeywordList keywords() const noexcept { return KeywordList(keywords_.data(), keywords_.size()); }

private:
    boost::container::small_vector<Keyword, 16> keywords_;
    boost::container::small_vector<char, 128> utf8_;
};

// An optional number (decimals, part, cap, prior): omitted or an empty text
// gives `fallback`; other text is Error::Value.
Error optionalNumber(const css::uno::Any& value, double fallback, double& out) noexcept;
Error optionalNumber(const css::uno::Any& value, std::optional<double>& out) noexcept;

// Test hook (DEALERKPI_FAULT_INJECTION=1, see functions.cxx): from now on a
// range of more than 16 cells whose first cell is kFailRangeAllocation fails
// to allocate its converted cells (std::bad_alloc), as when memory runs out
// in the middle of a call. Off unless switched on; one predictable branch
// per range argument when off.
inline constexpr double kFailRangeAllocation = -987654321.125;
void enableRangeAllocationFaults() noexcept;

// Calc's error value for a core error: a NaN carrying the error code.
double errorValue(Error e) noexcept;

// A double result, or the error value for a failed one.
inline double toCalc(const Number& n) noexcept { return n.ok() ? n.value : errorValue(n.error); }

// An array result shaped as `shape` (values in reading order); a single
// cell becomes a plain number.
css::uno::Any toCalcArray(const std::vector<double>& values, const Grid& shape);

} // namespace dealerkpi::uno
