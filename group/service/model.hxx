// The installed template of a kind, held open while the service lives: where
// its named cells are and what they hold (an input or the template's formula),
// and a fresh document to recompute a file's computed names from its inputs.
#pragma once

#include "office.hxx"

#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

#include <map>

namespace dealerkpi::group {

/** A named cell of the template: its sheet, its range and, per cell in reading
    order, the template's formula (empty for an input cell) and the two forms
    of it a file may hold, worked out once with the template. */
struct TemplateName
{
    OUString sheet;
    css::table::CellRangeAddress range;
    std::vector<OUString> formulas;
    bool input() const;
    sal_Int32 size() const;
    /** Whether `formula`, read from a file through the API, is the template's
        formula of cell `i`: as the template has it or as a portable file does
        (docs/portable.md), add-in functions by any of their names. */
    bool isTemplateFormula(std::size_t i, const OUString& formula) const;

private:
    friend class TemplateModel;
    std::vector<OUString> normal_, portable_;  // per cell: the two accepted forms, normalised
};

/** A cell by sheet name and position. */
struct SheetCell
{
    OUString sheet;
    sal_Int32 column, row;
};

/** The cell range a name of `doc` refers to; false when there is none (or it is
    not one range of cells). Never builds the cells. */
bool rangeOfName(const Reference<css::sheet::XSpreadsheetDocument>& doc, const OUString& name,
                 css::table::CellRangeAddress& range);

/** The name of sheet `index` of `doc`. */
OUString sheetName(const Reference<css::sheet::XSpreadsheetDocument>& doc, sal_Int16 index);

/** The cell at `column`, `row` of `sheet` (by name); null when there is no such sheet. */
Reference<css::table::XCell> cellAt(const Reference<css::sheet::XSpreadsheetDocument>& doc, const OUString& sheet,
                                    sal_Int32 column, sal_Int32 row);

class TemplateModel
{
public:
    TemplateModel(const Reference<css::uno::XComponentContext>& ctx, const OUString& kind);
    ~TemplateModel();
    TemplateModel(const TemplateModel&) = delete;
    TemplateModel& operator=(const TemplateModel&) = delete;

    /** The template's named cell `name`; null when the template has none. */
    const TemplateName* name(const OUString& name) const;

    /** Puts the input cells the computed names read (and only those) from
        `file` into the template's document, at the same places, and
        recalculates, under the file's null date (its dates stay the same days). Cells
        of a sheet the file lacks are left blank. */
    void takeInputs(const Reference<css::sheet::XSpreadsheetDocument>& file);

    /** The template's document (after takeInputs: the file's inputs, the template's formulas). */
    const Reference<css::sheet::XSpreadsheetDocument>& document() const { return doc_; }

private:
    void learnNames(const std::vector<OUString>& names);
    void learnInputs(const std::vector<OUString>& computed);

    Reference<css::lang::XComponent> component_;
    Reference<css::sheet::XSpreadsheetDocument> doc_;
    std::map<OUString, TemplateName> names_;
    std::vector<SheetCell> inputs_;
};

} // namespace dealerkpi::group
