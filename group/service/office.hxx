// What the group workflow's two components (the service and the menu) share:
// loading and closing documents in the office, named cells, the installed
// templates, messages.
#pragma once

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustrbuf.hxx>
#include <rtl/ustring.hxx>

#include <contract.hxx>
#include "../common/serial_date.hxx"

#include <cstring>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace dealerkpi::group {

using rtl::OString;
using rtl::OUString;
using rtl::OUStringBuffer;
using css::uno::Reference;
using css::uno::Sequence;

constexpr char kStrategy[] = "strategy_table";
constexpr char kWorkshop[] = "workshop_targets";
constexpr sal_Int32 kLayoutVersion = 2;

/** A UTF-8 literal (the messages are Chinese). */
inline OUString U(const char* utf8) { return OUString(utf8, static_cast<sal_Int32>(std::strlen(utf8)), RTL_TEXTENCODING_UTF8); }

template <class T> Sequence<T> seq(std::initializer_list<T> items)
{
    return Sequence<T>(items.begin(), static_cast<sal_Int32>(items.size()));
}

/** One named cell of a template kind: its kind, how many cells it spans
    (3: one per trade) and whether a file must have it filled. Whether it is an
    input or computed is the installed template's to say (a formula there). */
struct CellRule
{
    OUString name;
    contract::Value kind;
    sal_Int32 cells;
    bool required;
};

/** The rolled-up cells of a template kind (contract.toml), in the template's
    order (the funnel's order); empty for a kind the roll-up does not read. */
const std::vector<CellRule>& contractRules(const OUString& kind);

/** Why `value` breaks its kind's rule (bilingual, one sentence), empty when it
    keeps it. `input`: typed by the dealer (a count must then be whole). */
OUString breaksRule(const CellRule& rule, double value, bool input);

/** The contract's template kind `kind` (its stamp, e.g. strategy_table); nullptr when unknown. */
const contract::Template* contractTemplate(const OUString& kind);
/** The contract's named cell `name` of template kind `kind`; nullptr when it has none. */
const contract::Cell* contractCell(const OUString& kind, const OUString& name);
/** The named cells of a template kind the group roll-up reads, in contract order (contract.toml);
    empty for a kind the roll-up does not read. */
const std::vector<OUString>& contractNames(const OUString& kind);
/** The names a file must have filled: the group-set targets and the dealer's actuals. */
const std::vector<OUString>& requiredNames(const OUString& kind);
/** The trades of the workshop table, the order of its three-cell names. */
const std::vector<OUString>& trades();

css::beans::PropertyValue prop(const char* name, const css::uno::Any& value);

/** A number or a text into a cell; any other value leaves it as it is. */
void setCell(const Reference<css::table::XCell>& cell, const css::uno::Any& value);

/** Closes a document, ignoring a veto. */
void closeDocument(const Reference<css::lang::XComponent>& doc) noexcept;

/** A new hidden document from the installed template `file` (e.g. "group_summary.ots"). */
Reference<css::lang::XComponent> newFromTemplate(const Reference<css::uno::XComponentContext>& ctx,
                                                 const OUString& file);
/** The file URL of the installed template `file`. */
OUString templateUrl(const Reference<css::uno::XComponentContext>& ctx, const OUString& file);

/** The cells a name refers to, in reading order (empty when there is no such name). */
std::vector<Reference<css::table::XCell>> namedCells(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                                     const OUString& name);

/** When `doc` is a 集团年度目标分解 workbook (stamp group_annual): the dealers table of its
    month `month` ("YYYY-MM") for the template `kind`, as the dealers table reader gives
    it (a header row 经销商代码, 经销商 and the kind's targets the plan carries, then a row
    per dealer row of the plan); nullopt for any other document. Throws
    IllegalArgumentException when the month is not in the plan's year. */
std::optional<Sequence<Sequence<css::uno::Any>>> annualPlanTable(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                                                 const OUString& month, const OUString& kind);

/** The day date serials of `doc` count from (its NullDate: 1899-12-30, or 1904-01-01 in
    the 1904 date system); every serial read from or written to `doc` goes with it. */
CivilDay nullDateOf(const Reference<css::sheet::XSpreadsheetDocument>& doc);
/** "2026-11" from a date serial of a document whose null date is `nullDate`; empty
    when not a plausible date (../common/serial_date.hxx). */
OUString monthOfDateSerial(double serial, CivilDay nullDate);
/** "YYYY-MM" of a month as people write it (2026-11, 2026/11, 2026.11, 2026年11月;
    years 2000..2099; ../common/month.hxx); empty when it is none. */
OUString normalMonth(const OUString& typed);
/** The serial, from `nullDate`, of the first day of "YYYY-MM"; -1 when `month` is not of that form. */
double dateSerialOfMonth(const OUString& month, CivilDay nullDate);
/** True when `month` is a month as the one month parser writes it ("YYYY-MM", 2000–2099). */
bool isMonth(const OUString& month);
/** A Calc error code as Calc shows it (#DIV/0!, Err:502, ...). */
OUString errorText(sal_Int32 code);

/** The template kind a document's DealerKPI模板 stamp names (e.g. commission_model); empty
    when it has no stamp. */
OUString stampKind(const Reference<css::uno::XInterface>& doc);

/** The document a document event job (Jobs.xcu) is run for, from its Environment argument. */
Reference<css::frame::XModel> jobModel(const Sequence<css::beans::NamedValue>& arguments);
/** True when `model` was loaded hidden (the roll-up's reads of dealer files, a conversion):
    not a document a person looks at. */
bool loadedHidden(const Reference<css::frame::XModel>& model);

/** True when the office's UI speaks Chinese. */
bool chineseUi(const Reference<css::uno::XComponentContext>& ctx);

/** The file name part of a URL, decoded. */
OUString fileNameOfUrl(const OUString& url);
/** The file name part of a URL without its ending ("月报" of ".../月报.ods"), decoded. */
OUString stemOfUrl(const OUString& url);
/** A file URL as people read it: its system path, or the URL itself when it has none. */
OUString shownPath(const OUString& url);

bool fileExists(const Reference<css::uno::XComponentContext>& ctx, const OUString& url);

/** An output written safely, in two steps (what is done to the file goes between
    them): storeBeside stores `doc` (as .ods or .xlsx by the ending of `url`) to a
    hidden temporary file beside `url`, named .~<name>.<office process id>.<random>.part
    (so that whoever started the office can remove it should the office die before the
    rename), and returns its URL. */
OUString storeBeside(const Reference<css::lang::XComponent>& doc, const OUString& url);
/** Renames the part into place: without `force` an existing file (or symlink) is never
    replaced, also not one made by another run meanwhile; with `force` a symlink at
    `url` is replaced itself, never followed. When that fails the part is removed and
    IllegalArgumentException says why. */
void renameIntoPlace(const OUString& partUrl, const OUString& url, bool force);
/** For the command line's tests of Ctrl-C while an output is being written (test
    builds only): on the output named by DEALERKPI_GROUP_TEST_STALL, say so (a marker
    file <output>.stalled) and never return. */
void testStallWhileWriting(const OUString& url);
/** Removes a part storeBeside made (after a failure between the two steps). */
void removePart(const OUString& partUrl);

} // namespace dealerkpi::group
