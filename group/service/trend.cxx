// 集团趋势 (template group_trend, templates.md section 8): the group store's
// figures written into the template's tables, each found by its named range
// and its columns by the titles of the header row above it; the template pools
// the rates itself (FUNNEL_RATE, WORKSHOP_EFFICIENCY), so its formula columns
// are never written.
#include "workflow.hxx"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XActionLockable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "contract.hxx"

using namespace css;

namespace dealerkpi::group {
namespace {

constexpr char kFile[] = "group_trend.ots";

lang::IllegalArgumentException refusal(const OUString& zh, const OUString& en)
{
    return lang::IllegalArgumentException(zh + U(" / ") + en, {}, 0);
}

/** A table of the template: the cells of a named range, with its column titles
    in the row above. */
class Table
{
public:
    Table(const Reference<sheet::XSpreadsheetDocument>& doc, const OUString& name)
    {
        Reference<container::XNameAccess> names(
            Reference<beans::XPropertySet>(doc, uno::UNO_QUERY_THROW)->getPropertyValue(U("NamedRanges")),
            uno::UNO_QUERY_THROW);
        Reference<sheet::XCellRangeReferrer> named(names->getByName(name), uno::UNO_QUERY_THROW);
        Reference<sheet::XCellRangeAddressable> cells(named->getReferredCells(), uno::UNO_QUERY_THROW);
        at_ = cells->getRangeAddress();
        Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
        sheet_.set(sheets->getByIndex(at_.Sheet), uno::UNO_QUERY_THROW);
        const sal_Int32 head = at_.StartRow - 1;
        auto titles = Reference<sheet::XCellRangeData>(
                          sheet_->getCellRangeByPosition(at_.StartColumn, head, at_.EndColumn, head), uno::UNO_QUERY_THROW)
                          ->getDataArray()[0];
        auto formulas = Reference<sheet::XCellRangeFormula>(sheet_->getCellRangeByPosition(at_.StartColumn, at_.StartRow,
                                                                                          at_.EndColumn, at_.StartRow),
                                                            uno::UNO_QUERY_THROW)
                            ->getFormulaArray()[0];
        for (sal_Int32 c = 0; c < titles.getLength(); ++c) {
            OUString t;
            titles[c] >>= t;
            if (!t.isEmpty() && !columns_.count(t))
                columns_[t] = {c, formulas[c].startsWith("=")};
        }
    }

    sal_Int32 rows() const { return at_.EndRow - at_.StartRow + 1; }
    sal_Int32 width() const { return at_.EndColumn - at_.StartColumn + 1; }
    /** The column of `title` that the service writes; -1 when none (or the template computes it). */
    sal_Int32 column(const OUString& title) const
    {
        auto it = columns_.find(title);
        return it == columns_.end() || it->second.second ? -1 : it->second.first;
    }
    void put(sal_Int32 row, sal_Int32 col, const uno::Any& v)
    {
        auto cell = sheet_->getCellByPosition(at_.StartColumn + col, at_.StartRow + row);
        double d = 0;
        OUString t;
        if (v >>= d)
            cell->setValue(d);
        else if (v >>= t)
            Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->setString(t);
    }
    /** Prints the sheet from A1 to the table's first `rows` rows and `cols` columns (at
        least its header), so that a printout has no empty months or dealers. */
    void printTo(sal_Int32 rows, sal_Int32 cols)
    {
        table::CellRangeAddress area = at_;
        area.StartColumn = 0;
        area.StartRow = 0;
        area.EndColumn = at_.StartColumn + std::max<sal_Int32>(1, std::min(cols, width())) - 1;
        area.EndRow = at_.StartRow + std::max<sal_Int32>(1, std::min(rows, this->rows())) - 1;
        Reference<sheet::XPrintAreas>(sheet_, uno::UNO_QUERY_THROW)->setPrintAreas(Sequence<table::CellRangeAddress>(&area, 1));
    }
    void putAll(const Sequence<Sequence<uno::Any>>& data)
    {
        Reference<sheet::XCellRangeData>(sheet_->getCellRangeByPosition(at_.StartColumn, at_.StartRow, at_.EndColumn,
                                                                        at_.StartRow + data.getLength() - 1),
                                         uno::UNO_QUERY_THROW)
            ->setDataArray(data);
    }

private:
    Reference<sheet::XSpreadsheet> sheet_;
    table::CellRangeAddress at_;
    std::map<OUString, std::pair<sal_Int32, bool>> columns_;  // title -> (column, computed by the template)
};

/** "YYYY-MM" `n` months after `from`. */
OUString monthAdd(const OUString& from, sal_Int32 n)
{
    const sal_Int32 m = from.copy(0, 4).toInt32() * 12 + from.copy(5, 2).toInt32() - 1 + n;
    const sal_Int32 month = m % 12 + 1;
    return OUString::number(m / 12) + (month < 10 ? U("-0") : U("-")) + OUString::number(month);
}

/** Months from `from` to `month` (0 for the same month); -1 for a bad month. */
sal_Int32 monthIndex(const OUString& from, const OUString& month)
{
    if (!isMonth(from) || !isMonth(month))
        return -1;
    auto number = [](const OUString& m) { return m.copy(0, 4).toInt32() * 12 + m.copy(5, 2).toInt32(); };
    return number(month) - number(from);
}

void writeMonths(Table& t, const std::vector<const TrendRow*>& months, const OUString& from)
{
    const sal_Int32 monthCol = t.column(U("月份"));
    for (const TrendRow* r : months) {
        const sal_Int32 row = monthIndex(from, r->Month);
        if (monthCol >= 0)
            t.put(row, monthCol, uno::Any(r->Month));
        for (const beans::NamedValue& v : r->Values)
            if (const sal_Int32 col = t.column(v.Name); col >= 0)
                t.put(row, col, v.Value);
    }
}

/** One kind's dealers: a row each, its period's figures, then a pair of columns per
    month (the month written over the pair, in `labels`). */
void writeDealers(Table& t, Table& labels, const std::vector<const TrendRow*>& rows, const OUString& from,
                  sal_Int32 months, const contract::TrendDealer& d)
{
    std::map<OUString, std::vector<const TrendRow*>> byDealer;
    for (const TrendRow* r : rows)
        byDealer[r->DealerCode].push_back(r);
    if (static_cast<sal_Int32>(byDealer.size()) > t.rows())
        throw refusal(U("经销商多于模板的 ") + OUString::number(t.rows()) + U(" 行"),
                      U("more dealers than the template's ") + OUString::number(t.rows()) + U(" rows"));
    const sal_Int32 pair = t.column(OUString::fromUtf8(d.count));  // the first month's pair of columns
    for (sal_Int32 i = 0; i < months; ++i)
        labels.put(0, 2 * i, uno::Any(monthAdd(from, i)));
    Sequence<Sequence<uno::Any>> data(static_cast<sal_Int32>(byDealer.size()));
    sal_Int32 row = 0;
    for (const auto& [code, figures] : byDealer) {
        Sequence<uno::Any> line(t.width());
        line.getArray()[t.column(U("经销商代码"))] <<= code;
        line.getArray()[t.column(U("经销商"))] <<= figures.front()->Dealer;
        for (const TrendRow* r : figures) {
            const sal_Int32 shift = r->Month.isEmpty() ? 0 : 2 * monthIndex(from, r->Month);
            for (const beans::NamedValue& v : r->Values) {
                const sal_Int32 col = t.column(v.Name);
                if (col >= 0 && col + shift < t.width() && (r->Month.isEmpty() || (pair >= 0 && col >= pair)))
                    line.getArray()[col + shift] = v.Value;
            }
        }
        data.getArray()[row++] = line;
    }
    if (data.hasElements())
        t.putAll(data);
    t.printTo(data.getLength(), pair < 0 ? t.width() : pair + 2 * months);
}

void setProtected(const Reference<sheet::XSpreadsheetDocument>& doc, bool on)
{
    Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        Reference<util::XProtectable> p(sheets->getByIndex(i), uno::UNO_QUERY_THROW);
        if (on)
            p->protect(OUString());
        else if (p->isProtected())
            p->unprotect(OUString());
    }
}

void setText(const Reference<sheet::XSpreadsheetDocument>& doc, const char* name, const OUString& text)
{
    for (const auto& cell : namedCells(doc, U(name)))
        Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->setString(text);
}

/** The best-ranked dealer of the strategy tables (the one the dealer chart shows first). */
OUString firstRanked(const std::vector<const TrendRow*>& rows)
{
    for (const TrendRow* r : rows)
        for (const beans::NamedValue& v : r->Values)
            if (r->Month.isEmpty() && v.Name == U("排名") && v.Value == uno::Any(1.0))
                return r->DealerCode;
    return rows.empty() ? OUString() : rows.front()->DealerCode;
}

TrendResult fill(const Reference<sheet::XSpreadsheetDocument>& doc, const OUString& from, const OUString& to,
                 const Sequence<TrendRow>& rows)
{
    const sal_Int32 months = monthIndex(from, to) + 1;
    Table monthly(doc, U("月度表"));
    if (months > monthly.rows())
        throw refusal(U("月份多于模板的 ") + OUString::number(monthly.rows()) + U(" 个月"),
                      U("more months than the template's ") + OUString::number(monthly.rows()));
    std::vector<const TrendRow*> group;
    std::map<OUString, std::vector<const TrendRow*>> dealers;  // kind -> rows
    for (const TrendRow& r : rows)
        if (!r.Month.isEmpty() && (monthIndex(from, r.Month) < 0 || monthIndex(from, r.Month) >= months))
            continue;  // outside from..to
        else if (r.Kind.isEmpty())
            group.push_back(&r);
        else
            dealers[r.Kind].push_back(&r);
    writeMonths(monthly, group, from);
    monthly.printTo(months, monthly.width());
    TrendResult result;
    for (const contract::TrendDealer& d : contract::kTrendDealers) {
        const OUString sheet = OUString::fromUtf8(d.sheet);
        Table table(doc, sheet + U("表")), labels(doc, sheet + U("表_月份"));
        const auto& mine = dealers[OUString::fromUtf8(d.stamp)];
        writeDealers(table, labels, mine, from, months, d);
        std::set<OUString> codes;
        for (const TrendRow* r : mine)
            codes.insert(r->DealerCode);
        (OUString::fromUtf8(d.stamp) == U(kWorkshop) ? result.DealersWorkshop : result.DealersStrategy) =
            static_cast<sal_Int32>(codes.size());
    }
    setText(doc, "趋势期间", from == to ? from : from + U(" 至 ") + to);
    setText(doc, "图表_经销商代码", firstRanked(dealers[U(kStrategy)]));
    result.Months = months;
    return result;
}

} // namespace

TrendResult Workflow::writeTrend(const OUString& fromMonth, const OUString& toMonth, const Sequence<TrendRow>& rows,
                                 const OUString& outUrl, sal_Bool force)
{
    if (monthIndex(fromMonth, toMonth) < 0)
        throw refusal(U("月份须写成 YYYY-MM，起始月不晚于截止月"),
                      U("the months must be YYYY-MM, the first not after the last: ") + fromMonth + U(" ") + toMonth);
    if (!force && fileExists(ctx_, outUrl))
        throw refusal(U("输出文件已存在（要覆盖请加 force）"), U("the output exists (force replaces it)"));
    Reference<lang::XComponent> doc = newFromTemplate(ctx_, U(kFile));
    TrendResult result;
    try {
        Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY_THROW);
        Reference<document::XActionLockable> lockable(doc, uno::UNO_QUERY_THROW);
        setProtected(sdoc, false);
        lockable->addActionLock();
        result = fill(sdoc, fromMonth, toMonth, rows);
        lockable->removeActionLock();
        setProtected(sdoc, true);
        Reference<sheet::XCalculatable>(doc, uno::UNO_QUERY_THROW)->calculateAll();
        renameIntoPlace(storeBeside(doc, outUrl), outUrl, force);
    } catch (...) {
        closeDocument(doc);
        throw;
    }
    closeDocument(doc);
    result.Url = outUrl;
    return result;
}

} // namespace dealerkpi::group
