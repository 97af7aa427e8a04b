#include "model.hxx"
#include "portable.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XFormulaQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>

#include <algorithm>
#include <set>
#include <tuple>

using namespace css;

namespace dealerkpi::group {

bool TemplateName::input() const
{
    return std::all_of(formulas.begin(), formulas.end(), [](const OUString& f) { return f.isEmpty(); });
}

sal_Int32 TemplateName::size() const
{
    return (range.EndColumn - range.StartColumn + 1) * (range.EndRow - range.StartRow + 1);
}

bool rangeOfName(const Reference<sheet::XSpreadsheetDocument>& doc, const OUString& name,
                 table::CellRangeAddress& range)
{
    Reference<beans::XPropertySet> props(doc, uno::UNO_QUERY_THROW);
    Reference<container::XNameAccess> names(props->getPropertyValue(U("NamedRanges")), uno::UNO_QUERY_THROW);
    if (!names->hasByName(name))
        return false;
    Reference<sheet::XCellRangeReferrer> ref(names->getByName(name), uno::UNO_QUERY);
    Reference<sheet::XCellRangeAddressable> cells(ref.is() ? ref->getReferredCells() : nullptr, uno::UNO_QUERY);
    if (!cells.is())
        return false;
    range = cells->getRangeAddress();
    return true;
}

OUString sheetName(const Reference<sheet::XSpreadsheetDocument>& doc, sal_Int16 index)
{
    Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
    Reference<container::XNamed> named(sheets->getByIndex(index), uno::UNO_QUERY_THROW);
    return named->getName();
}

Reference<table::XCell> cellAt(const Reference<sheet::XSpreadsheetDocument>& doc, const OUString& sheet,
                               sal_Int32 column, sal_Int32 row)
{
    auto sheets = doc->getSheets();
    if (!sheets->hasByName(sheet))
        return {};
    Reference<sheet::XSpreadsheet> s(sheets->getByName(sheet), uno::UNO_QUERY_THROW);
    return s->getCellByPosition(column, row);
}

namespace {
/** A formula with add-in calls in one spelling: ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(,
    org.dealerkpi.calc.Functions.funnelRate( and FUNNEL_RATE( all become FUNNELRATE(. */
OUString normalFormula(const OUString& f)
{
    OUString s = f.toAsciiUpperCase();
    s = s.replaceAll(U("ORG.DEALERKPI.CALC.FUNCTIONS."), OUString());
    OUStringBuffer out;
    for (sal_Int32 i = 0; i < s.getLength(); ++i)
        if (s[i] != '_' && s[i] != ' ')
            out.append(s[i]);
    return out.makeStringAndClear();
}

/** Copies what `from` shows into `to`: a number, a text, blank, or an error. */
void copyShown(const Reference<table::XCell>& from, const Reference<table::XCell>& to)
{
    if (!from.is()) {
        to->setFormula(OUString());
        return;
    }
    switch (from->getType()) {
    case table::CellContentType_EMPTY:
        to->setFormula(OUString());
        return;
    case table::CellContentType_VALUE:
        to->setValue(from->getValue());
        return;
    case table::CellContentType_TEXT:
        Reference<text::XText>(to, uno::UNO_QUERY_THROW)->setString(
            Reference<text::XText>(from, uno::UNO_QUERY_THROW)->getString());
        return;
    default:
        break;
    }
    if (from->getError() != 0) {
        to->setFormula(U("=NA()"));
        return;
    }
    Reference<beans::XPropertySet> p(from, uno::UNO_QUERY_THROW);
    sal_Int32 result = 0;
    p->getPropertyValue(U("FormulaResultType2")) >>= result;
    if (result == 2)  // sheet::FormulaResult::STRING
        Reference<text::XText>(to, uno::UNO_QUERY_THROW)->setString(
            Reference<text::XText>(from, uno::UNO_QUERY_THROW)->getString());
    else
        to->setValue(from->getValue());
}

/** The portable form (docs/portable.md) of a template's formula, as XCell::getFormula gives it:
    in braces where it is an array formula (a split's twin). */
OUString portableFormula(const OUString& f)
{
    const portable::Converted c = portable::convert(rtl::OUStringToOString(f, RTL_TEXTENCODING_UTF8).getStr());
    const OUString formula = rtl::OStringToOUString(c.formula.c_str(), RTL_TEXTENCODING_UTF8);
    return c.array ? "{" + formula + "}" : formula;
}

} // namespace

bool TemplateName::isTemplateFormula(std::size_t i, const OUString& formula) const
{
    const OUString normal = normalFormula(formula);
    return normal == normal_.at(i) || normal == portable_.at(i);
}

TemplateModel::TemplateModel(const Reference<uno::XComponentContext>& ctx, const OUString& kind)
{
    component_ = newFromTemplate(ctx, kind + ".ots");
    doc_.set(component_, uno::UNO_QUERY_THROW);
    std::vector<OUString> names = contractNames(kind), computed;
    names.push_back(U("月份_首日"));
    learnNames(names);
    for (const auto& [name, info] : names_)
        if (!info.input())
            computed.push_back(name);
    learnInputs(computed);
}

TemplateModel::~TemplateModel() { closeDocument(component_); }

const TemplateName* TemplateModel::name(const OUString& name) const
{
    auto it = names_.find(name);
    return it == names_.end() ? nullptr : &it->second;
}

void TemplateModel::learnNames(const std::vector<OUString>& names)
{
    for (const auto& name : names) {
        TemplateName info;
        if (!rangeOfName(doc_, name, info.range))
            continue;
        info.sheet = sheetName(doc_, info.range.Sheet);
        for (sal_Int32 r = info.range.StartRow; r <= info.range.EndRow; ++r)
            for (sal_Int32 c = info.range.StartColumn; c <= info.range.EndColumn; ++c) {
                auto cell = cellAt(doc_, info.sheet, c, r);
                bool formula = cell->getType() == table::CellContentType_FORMULA;
                info.formulas.push_back(formula ? cell->getFormula() : OUString());
                info.normal_.push_back(formula ? normalFormula(info.formulas.back()) : OUString());
                info.portable_.push_back(formula ? normalFormula(portableFormula(info.formulas.back())) : OUString());
            }
        names_[name] = info;
    }
}

void TemplateModel::learnInputs(const std::vector<OUString>& computed)
{
    std::set<std::tuple<OUString, sal_Int32, sal_Int32>> seen;
    for (const auto& name : computed) {
        const TemplateName& info = names_.at(name);
        auto sheet = doc_->getSheets()->getByName(info.sheet);
        Reference<table::XCellRange> cells(sheet, uno::UNO_QUERY_THROW);
        Reference<sheet::XFormulaQuery> query(
            cells->getCellRangeByPosition(info.range.StartColumn, info.range.StartRow, info.range.EndColumn,
                                          info.range.EndRow),
            uno::UNO_QUERY_THROW);
        for (const auto& a : query->queryPrecedents(true)->getRangeAddresses()) {
            const OUString s = sheetName(doc_, a.Sheet);
            Reference<sheet::XSpreadsheet> sh(doc_->getSheets()->getByName(s), uno::UNO_QUERY_THROW);
            Reference<sheet::XUsedAreaCursor> used(sh->createCursor(), uno::UNO_QUERY_THROW);
            used->gotoEndOfUsedArea(false);
            auto end = Reference<sheet::XCellRangeAddressable>(used, uno::UNO_QUERY_THROW)->getRangeAddress();
            for (sal_Int32 r = a.StartRow; r <= std::min(a.EndRow, end.EndRow); ++r)
                for (sal_Int32 c = a.StartColumn; c <= std::min(a.EndColumn, end.EndColumn); ++c)
                    if (sh->getCellByPosition(c, r)->getType() != table::CellContentType_FORMULA &&
                        seen.emplace(s, c, r).second)
                        inputs_.push_back({s, c, r});
        }
    }
}

void TemplateModel::takeInputs(const Reference<sheet::XSpreadsheetDocument>& file)
{
    // The file's null date first: a date serial copied then stands for the same day
    // (a file in the 1904 date system counts its dates 1462 days fewer).
    Reference<beans::XPropertySet>(doc_, uno::UNO_QUERY_THROW)
        ->setPropertyValue(U("NullDate"), Reference<beans::XPropertySet>(file, uno::UNO_QUERY_THROW)
                                              ->getPropertyValue(U("NullDate")));
    for (const SheetCell& in : inputs_)
        copyShown(cellAt(file, in.sheet, in.column, in.row), cellAt(doc_, in.sheet, in.column, in.row));
    Reference<sheet::XCalculatable>(doc_, uno::UNO_QUERY_THROW)->calculateAll();
}

} // namespace dealerkpi::group
