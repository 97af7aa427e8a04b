// The group's annual plan (集团年度目标分解, stamp group_annual) read as a month's
// dealers table, so `distribute --dealers plan.ods --month YYYY-MM` sends each
// dealer that month's targets straight from the plan.
#include "office.hxx"
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/text/XText.hpp>

namespace dealerkpi::group {

using namespace css;

namespace {

constexpr char kAnnualPlan[] = "group_annual";

bool isAnnualPlan(const Reference<sheet::XSpreadsheetDocument>& doc)
{
    return stampKind(doc) == OUString::createFromAscii(kAnnualPlan);
}

/** A computed cell as the table reader gives it: its text for a code or name,
    its number for a target, nothing while it shows blank. */
uno::Any cellValue(const Reference<table::XCell>& cell, bool text)
{
    const OUString shown = Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->getString();
    if (shown.isEmpty())
        return uno::Any();
    return text ? uno::Any(shown) : uno::Any(cell->getValue());
}

// The plan names its dealer columns after the dealers table's titles plus "_表" (经销商代码_表,
// a rate target's <name>_表) and each target's dealers x months block <name>_月度.
const char kColumn[] = "_表";
const char kMonths[] = "_月度";

/** The plan's columns a template kind takes, one per group-set cell of the kind (contract):
    (title, cells of the month, one per dealer row). */
std::vector<std::pair<OUString, std::vector<Reference<table::XCell>>>>
monthColumns(const Reference<sheet::XSpreadsheetDocument>& doc, sal_Int32 month, const OUString& kind)
{
    std::vector<std::pair<OUString, std::vector<Reference<table::XCell>>>> out;
    const contract::Template* t = contractTemplate(kind);
    for (std::size_t c = 0; t && c < t->cellCount; ++c) {
        if (!t->cells[c].groupSet)
            continue;
        const OUString name = U(t->cells[c].name);
        auto months = namedCells(doc, name + U(kMonths));
        std::vector<Reference<table::XCell>> column;
        for (size_t i = static_cast<size_t>(month - 1); i < months.size(); i += 12)
            column.push_back(months[i]);
        if (column.empty())
            column = namedCells(doc, name + U(kColumn));
        if (!column.empty())
            out.emplace_back(name, column);
    }
    return out;
}

} // namespace

std::optional<Sequence<Sequence<uno::Any>>> annualPlanTable(const Reference<sheet::XSpreadsheetDocument>& doc,
                                                            const OUString& month, const OUString& kind)
{
    if (!isAnnualPlan(doc))
        return std::nullopt;
    auto first = namedCells(doc, U("月份_首日"));
    const OUString planMonth = first.empty() ? OUString() : monthOfDateSerial(first[0]->getValue(), nullDateOf(doc));
    if (planMonth.isEmpty())
        throw lang::IllegalArgumentException(U("集团年度目标分解没有填写计划年度的月份（集团目标 E2）。"), {}, 1);
    if (planMonth.copy(0, 4) != month.copy(0, 4))
        throw lang::IllegalArgumentException(U("集团年度目标分解是 ") + planMonth.copy(0, 4) + U(" 年的计划，不能下发 ") +
                                                 month + U("。"), {}, 2);
    const auto codes = namedCells(doc, U("经销商代码") + U(kColumn)), names = namedCells(doc, U("经销商") + U(kColumn));
    const auto columns = monthColumns(doc, month.copy(5, 2).toInt32(), kind);
    std::vector<Sequence<uno::Any>> rows;
    std::vector<uno::Any> header{uno::Any(U("经销商代码")), uno::Any(U("经销商"))};
    for (const auto& column : columns)
        header.emplace_back(column.first);
    rows.emplace_back(header.data(), static_cast<sal_Int32>(header.size()));
    for (size_t r = 0; r < codes.size() && r < names.size(); ++r) {
        std::vector<uno::Any> row{cellValue(codes[r], true), cellValue(names[r], true)};
        for (const auto& column : columns)
            row.push_back(r < column.second.size() ? cellValue(column.second[r], false) : uno::Any());
        rows.emplace_back(row.data(), static_cast<sal_Int32>(row.size()));
    }
    return Sequence<Sequence<uno::Any>>(rows.data(), static_cast<sal_Int32>(rows.size()));
}

} // namespace dealerkpi::group
