// A document made portable: every formula's add-in calls written as their
// native twins (group/common/portable.cxx, from templates/kit/twins.py), and
// the document property DealerKPI通用 set. Used by distribute (portable files)
// and by the menu's 另存为通用表格… (a portable copy of the document in Calc).
#include "portable.hxx"
#include "workflow.hxx"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellAddressable.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XNamedRange.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/util/XProtectable.hpp>

using namespace css;

namespace dealerkpi::group {
namespace {

/** What keeps a document from being made portable: calls without a twin, and the first
    formula whose portable form is longer than Excel takes. */
struct Refusals
{
    std::vector<std::string> missing;
    OUString tooLong;    // where, and how long
    OUString arrayName;  // a named expression whose twin would need an array formula
};

/** A formula's portable form, and whether it is entered as an array formula. */
struct PortableFormula
{
    OUString formula;
    bool array = false;
};

/** `formula` converted; its add-in calls that have no twin go to `missing`. */
std::optional<PortableFormula> portableFormula(const OUString& formula, std::vector<std::string>& missing)
{
    portable::Converted c = portable::convert(rtl::OUStringToOString(formula, RTL_TEXTENCODING_UTF8).getStr());
    missing.insert(missing.end(), c.missing.begin(), c.missing.end());
    if (c.replaced == 0)
        return std::nullopt;
    return PortableFormula{rtl::OStringToOUString(c.formula.c_str(), RTL_TEXTENCODING_UTF8), c.array};
}

/** "Sheet.B7" of a cell. */
OUString cellName(const Reference<sheet::XSpreadsheet>& sheet, const Reference<table::XCell>& cell)
{
    const table::CellAddress a = Reference<sheet::XCellAddressable>(cell, uno::UNO_QUERY_THROW)->getCellAddress();
    return Reference<container::XNamed>(sheet, uno::UNO_QUERY_THROW)->getName() + "." +
           OUString::createFromAscii(portable::columnLetters(a.Column + 1).c_str()) + OUString::number(a.Row + 1);
}

/** Notes `where` as the first formula past Excel's length, if `formula` is and none was before. */
void checkLength(const OUString& formula, const OUString& where, Refusals& refused)
{
    if (static_cast<std::size_t>(formula.getLength()) > portable::kMostCharacters && refused.tooLong.isEmpty())
        refused.tooLong = where + " (" + OUString::number(formula.getLength()) + ")";
}

/** The formulas of one sheet that change, each with its portable form. */
struct SheetChanges
{
    Reference<sheet::XSpreadsheet> sheet;
    std::vector<std::pair<Reference<table::XCell>, PortableFormula>> cells;
};

/** The portable form of every formula of `sheet` that calls the add-in; nothing is changed yet. */
SheetChanges planSheet(const Reference<sheet::XSpreadsheet>& sheet, Refusals& refused)
{
    SheetChanges out{sheet, {}};
    Reference<sheet::XCellRangesQuery> query(sheet, uno::UNO_QUERY_THROW);
    Reference<container::XEnumerationAccess> cells(query->queryContentCells(sheet::CellFlags::FORMULA)->getCells(),
                                                   uno::UNO_QUERY_THROW);
    for (auto e = cells->createEnumeration(); e->hasMoreElements();) {
        Reference<table::XCell> cell(e->nextElement(), uno::UNO_QUERY_THROW);
        if (auto f = portableFormula(cell->getFormula(), refused.missing)) {
            checkLength(f->formula, cellName(sheet, cell), refused);
            out.cells.emplace_back(cell, *f);
        }
    }
    return out;
}

void applySheet(const SheetChanges& changes)
{
    if (changes.cells.empty())
        return;
    Reference<util::XProtectable> protectable(changes.sheet, uno::UNO_QUERY_THROW);
    const bool wasProtected = protectable->isProtected();
    if (wasProtected)
        protectable->unprotect(OUString());  // the templates protect without a password
    for (const auto& [cell, portable] : changes.cells) {
        if (portable.array)  // a twin that computes element by element only so (twins.py's `array`)
            Reference<sheet::XArrayFormulaRange>(cell, uno::UNO_QUERY_THROW)->setArrayFormula(portable.formula);
        else
            cell->setFormula(portable.formula);
    }
    if (wasProtected)
        protectable->protect(OUString());
}

/** The named expressions that change, each with its portable content. */
std::vector<std::pair<Reference<sheet::XNamedRange>, OUString>> planNames(const Reference<sheet::XSpreadsheetDocument>& doc,
                                                                         Refusals& refused)
{
    std::vector<std::pair<Reference<sheet::XNamedRange>, OUString>> out;
    Reference<beans::XPropertySet> props(doc, uno::UNO_QUERY_THROW);
    Reference<container::XNameAccess> names(props->getPropertyValue(U("NamedRanges")), uno::UNO_QUERY_THROW);
    for (const OUString& name : names->getElementNames()) {
        Reference<sheet::XNamedRange> range(names->getByName(name), uno::UNO_QUERY_THROW);
        if (auto f = portableFormula(range->getContent(), refused.missing)) {
            checkLength(f->formula, name, refused);  // a name's content counts as a formula in Excel
            if (f->array && refused.arrayName.isEmpty())  // a name is no array formula: its twin would take one element
                refused.arrayName = name;
            out.emplace_back(range, f->formula);
        }
    }
    return out;
}

void throwIfRefused(const Refusals& refused)
{
    if (!refused.missing.empty()) {
        const OUString call = rtl::OStringToOUString(refused.missing.front().c_str(), RTL_TEXTENCODING_UTF8);
        throw lang::IllegalArgumentException(U("这个函数调用还没有其他软件也认识的通用公式，无法生成通用表格：") + call +
                                                 " / this call has no native twin other programs know yet, so no portable file: " + call,
                                             {}, 0);
    }
    if (!refused.arrayName.isEmpty())
        throw lang::IllegalArgumentException(
            U("名称 ") + refused.arrayName +
                U(" 的通用公式须作为数组公式计算，而名称不能是数组公式，无法生成通用表格。请把它的公式写进单元格。") +
                " / the named expression " + refused.arrayName +
                " would need an array formula, which a name cannot be, so no portable file: put its formula in a cell.",
            {}, 0);
    if (!refused.tooLong.isEmpty())
        throw lang::IllegalArgumentException(
            U("通用公式超过 Excel 每个公式 8192 个字符的上限，无法生成通用表格：") + refused.tooLong +
                " / a portable formula is longer than the 8,192 characters Excel takes, so no portable file: " +
                refused.tooLong,
            {}, 0);
}

/** Automatic calculation off while formulas are replaced one by one (each would recalculate
    its dependents), the whole document recalculated once at the end. */
class CalculationPaused
{
public:
    explicit CalculationPaused(const Reference<lang::XComponent>& doc)
        : calc_(doc, uno::UNO_QUERY_THROW), was_(calc_->isAutomaticCalculationEnabled())
    {
        calc_->enableAutomaticCalculation(false);
    }
    ~CalculationPaused()
    {
        try {
            calc_->calculateAll();
            calc_->enableAutomaticCalculation(was_);
        } catch (const uno::Exception&) {
        }
    }
    CalculationPaused(const CalculationPaused&) = delete;
    CalculationPaused& operator=(const CalculationPaused&) = delete;

private:
    Reference<sheet::XCalculatable> calc_;
    bool was_;
};

} // namespace

void makePortable(const Reference<lang::XComponent>& doc)
{
    Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY_THROW);
    Refusals refused;
    std::vector<SheetChanges> sheets;
    Reference<container::XIndexAccess> all(sdoc->getSheets(), uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < all->getCount(); ++i)
        sheets.push_back(planSheet(Reference<sheet::XSpreadsheet>(all->getByIndex(i), uno::UNO_QUERY_THROW), refused));
    const auto names = planNames(sdoc, refused);
    throwIfRefused(refused);  // before anything changes: a refused document stays as it was
    {
        CalculationPaused paused(doc);
        for (const SheetChanges& changes : sheets)
            applySheet(changes);
        for (const auto& [range, content] : names)
            range->setContent(content);
    }
    setUserProperty(doc, kStampPortable, U("1"));
}

void savePortableCopy(const Reference<uno::XComponentContext>& ctx, const Reference<lang::XComponent>& doc,
                      const OUString& url)
{
    // The document as it stands, unsaved changes too, copied beside the output; the
    // user's own document keeps its formulas, its location and its modified flag.
    // The copy is closed and its part removed however this ends.
    struct Copy
    {
        OUString source;
        Reference<lang::XComponent> doc;
        ~Copy()
        {
            closeDocument(doc);
            removePart(source);
        }
    } copy{storeBeside(doc, url.copy(0, url.lastIndexOf('.')) + ".ods"), nullptr};
    copy.doc = frame::Desktop::create(ctx)->loadComponentFromURL(
        copy.source, U("_blank"), 0,
        seq<beans::PropertyValue>({prop("Hidden", uno::Any(true)), prop("FilterName", uno::Any(U("calc8")))}));
    if (!copy.doc.is())
        throw lang::IllegalArgumentException(U("无法读取文档的副本 / cannot read the document's copy"), {}, 0);
    makePortable(copy.doc);
    renameIntoPlace(storeBeside(copy.doc, url), url, true);  // the save picker has asked about replacing
}

} // namespace dealerkpi::group
