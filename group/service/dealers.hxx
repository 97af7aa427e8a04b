// The dealers table of `distribute`: read (the encoding of a .csv detected),
// its header found, every row's identity checked (dealer code, dealer name)
// and its values turned into what the template's cells take (rates as
// fractions). Texts for people are made here in both languages; the rest of
// distribute carries codes.
#pragma once

#include "office.hxx"

#include <com/sun/star/uno/Any.hxx>
#include <org/dealerkpi/group/Problem.hpp>

#include <map>
#include <optional>
#include <vector>

namespace dealerkpi::group {

/** A message for people, in both languages. */
struct Said
{
    OUString zh, en;
};

/** Why a row gets no file: a stable code for programs (e.g. "bad_code",
    "duplicate_name", "invalid_value"), the column, the texts. */
using RowProblem = org::dealerkpi::group::Problem;

inline RowProblem rowProblem(const char* code, const OUString& cell, const OUString& zh, const OUString& en)
{
    return RowProblem(OUString::createFromAscii(code), cell, zh, en);
}

/** The rate bounds of the contract (templates/contract.toml): a rate cell
    holds the fraction (0.8 = 80 %), and takes 0 or 1 %..1000 %. */
inline constexpr const contract::Bounds& kRateBounds = contract::kBounds[static_cast<int>(contract::Value::Rate)];
constexpr double kRateMin = kRateBounds.minNonzero;
constexpr double kRateMax = kRateBounds.max;
static_assert(kRateBounds.value == contract::Value::Rate, "kBounds is in the order of contract::Value");
/** The longest dealer name and code a file name is made from. */
constexpr sal_Int32 kMaxNameLength = 60;
constexpr sal_Int32 kMaxCodeLength = 32;

struct DealersTable
{
    std::vector<OUString> header;
    std::vector<Sequence<css::uno::Any>> rows;  // rows[i] is the table's row i + 2
    sal_Int32 codeCol = -1, dealerCol = -1;
    OUString encoding;  // of a .csv: "UTF-8", "GB18030"; empty for .ods/.xlsx
};

/** Reads the first sheet of the dealers table at `url` (.ods, .xlsx, .csv) and
    finds its header. Throws IllegalArgumentException (both languages) when it
    cannot be read, is empty, is in an encoding other than UTF-8 or GB18030,
    or has no 经销商代码 and 经销商 columns. */
DealersTable readDealersTable(const Reference<css::uno::XComponentContext>& ctx, const OUString& url,
                              const OUString& month, const OUString& kind);

/** A table cell's content as text (numbers without a needless ".0"). */
OUString cellText(const css::uno::Any& v);

/** Identity problems of every row, by row number (2 = the first after the
    header): an empty code or name, a code that is not a portable file name,
    a name too long for one, a code used twice (the later rows), a name
    under two codes (every such row). Blank rows are left out of `rows`. */
std::map<sal_Int32, RowProblem> screenRows(const DealersTable& t, std::vector<sal_Int32>& rows);

/** True when `code` is 1..kMaxCodeLength of A-Z a-z 0-9 - _. */
bool portableCode(const OUString& code);

/** The fraction a dealers-table rate cell means ("80%" text: 0.8; a number or
    "0.8": itself), or the problem (outside 0 and 1 %..1000 %, not a number).
    `column` names the column in the message. */
std::optional<RowProblem> rateOf(const css::uno::Any& raw, const OUString& column, double& out);

/** A number as written in a table: "0.8", "1,234", "80%" (0.8). */
std::optional<double> numberOf(const css::uno::Any& v);

/** "第 N 行：zh / row N: en" */
OUString rowLine(sal_Int32 row, const Said& said);

} // namespace dealerkpi::group
