// readDealerFile: one dealer file, opened read-only in this office, read at
// its named cells, closed. Never throws for a bad file: what is wrong goes to
// Problems (the file is not taken), what must only be said goes to Notes.
#include "workflow.hxx"
#include "model.hxx"
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/util/DateTime.hpp>

#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/document/BrokenPackageRequest.hpp>
#include <com/sun/star/document/NoSuchFilterRequest.hpp>
#include <com/sun/star/task/PasswordRequest.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XEmbeddedScripts.hpp>
#include <com/sun/star/document/XEventsSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/script/XLibraryContainer.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/task/XInteractionRequest.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <cppuhelper/implbase1.hxx>

#include <algorithm>
#include <cmath>
#include <rtl/ref.hxx>
#include <cstdlib>
#include <limits>

using namespace css;

namespace dealerkpi::group {
namespace {

/** Records what the office asked while loading (a password, a repair) and
    answers every question with abort: the file is not opened. */
class RecordingHandler : public cppu::WeakImplHelper1<task::XInteractionHandler>
{
public:
    std::vector<uno::Any> asked;

    void SAL_CALL handle(const Reference<task::XInteractionRequest>& request) override
    {
        asked.push_back(request->getRequest());
        for (const auto& c : request->getContinuations()) {
            Reference<task::XInteractionAbort> abort(c, uno::UNO_QUERY);
            if (abort.is()) {
                abort->select();
                return;
            }
        }
    }
};

/** For the command line's tests of a crashing office: abort on the file named. */
void testCrashHook([[maybe_unused]] const OUString& url)
{
#ifdef DEALERKPI_TEST_HOOKS  // the tests crash the office on one file; a release build has no such door
    if (const char* crash = std::getenv("DEALERKPI_GROUP_TEST_CRASH")) {
        if (*crash && fileNameOfUrl(url) == OUString::fromUtf8(crash))
            std::abort();
    }
#endif
}

/** True when the office asked a request of type T (or of a type derived from it). */
template <class T> bool askedFor(const std::vector<uno::Any>& asked)
{
    for (const auto& request : asked)
        if (request.isExtractableTo(cppu::UnoType<T>::get()))
            return true;
    return false;
}

/** Why the office did not open the file, from what it asked while loading. */
Problem problemOfRequests(const std::vector<uno::Any>& asked)
{
    if (askedFor<task::PasswordRequest>(asked))
        return problem("password", {}, U("文件有密码保护，无法打开。"), "The file is password-protected and cannot be opened.");
    if (askedFor<document::BrokenPackageRequest>(asked))
        return problem("broken_file", {}, U("文件已损坏（压缩包不完整或格式错误），无法打开。"),
                       "The file is damaged (an incomplete or malformed package) and cannot be opened.");
    if (askedFor<document::NoSuchFilterRequest>(asked))
        return problem("not_spreadsheet", {},
                       U("不是电子表格文件：内容与扩展名不符（如文本文件、文字处理文档），无法打开。"),
                       "Not a spreadsheet: the content does not match the file name's ending.");
    if (!asked.empty())
        return problem("cannot_open", {}, U("文件无法打开（打开时需要回答问题：") + asked.front().getValueTypeName() + U("）。"),
                       "The file cannot be opened (the office asked: " + asked.front().getValueTypeName() + ").");
    return problem("cannot_open", {}, U("文件无法打开：已损坏或不是电子表格文件。"),
                   "The file cannot be opened: damaged or not a spreadsheet.");
}

OUString userProperty(const Reference<lang::XComponent>& doc, const OUString& name, bool& present,
                      double& number)
{
    present = false;
    number = 0;
    Reference<document::XDocumentPropertiesSupplier> sup(doc, uno::UNO_QUERY);
    if (!sup.is())
        return OUString();
    Reference<beans::XPropertySet> udp(sup->getDocumentProperties()->getUserDefinedProperties(), uno::UNO_QUERY);
    if (!udp.is() || !udp->getPropertySetInfo()->hasPropertyByName(name))
        return OUString();
    present = true;
    uno::Any v = udp->getPropertyValue(name);
    OUString s;
    if (v >>= s) {
        number = s.trim().toDouble();
        return s.trim();
    }
    if (v >>= number)
        return OUString::number(number);
    return OUString();
}

/** Reads the template stamp (kind, layout version) into `out`; the problem when the
    roll-up cannot read a file so stamped (Code empty when it can). */
Problem stampProblem(const Reference<lang::XComponent>& doc, DealerFile& out)
{
    bool present = false, hasVersion = false;
    double number = 0;
    out.Kind = userProperty(doc, U("DealerKPI模板"), present, number);
    userProperty(doc, U("DealerKPI版本"), hasVersion, number);
    out.Version = hasVersion ? static_cast<sal_Int32>(number) : 0;
    if (!present)
        return problem("not_dealerkpi", {}, U("不是 DealerKPI 模板文件（没有模板标记 DealerKPI模板）。"),
                       U("Not a DealerKPI template file (no DealerKPI模板 stamp)."));
    if (contractNames(out.Kind).empty())
        return problem("not_rolled_up", {}, U("不是可汇总的 DealerKPI 模板（模板标记为 ") + out.Kind + U("）。"),
                       "A DealerKPI template the roll-up does not read (" + out.Kind + ").");
    if (!hasVersion || out.Version != kLayoutVersion || number != std::floor(number))
        return problem("unknown_version", {},
                       U("未知的模板版本 ") + OUString::number(number) + U("（本扩展读取版本 ") +
                           OUString::number(kLayoutVersion) + U("），请使用新下发的模板。"),
                       "Unknown layout version " + OUString::number(number) + " (this extension reads version " +
                           OUString::number(kLayoutVersion) + "); use a newly issued template.");
    return Problem();
}

/** True when the document carries macros (none is run); `failure` says why it could not be told. */
bool carriesMacros(const Reference<lang::XComponent>& doc, OUString& failure)
{
    try {
        Reference<document::XEmbeddedScripts> scripts(doc, uno::UNO_QUERY);
        if (scripts.is()) {
            for (const auto& container : {scripts->getBasicLibraries(), scripts->getDialogLibraries()}) {
                Reference<script::XLibraryContainer> libs(container, uno::UNO_QUERY);
                if (!libs.is())
                    continue;
                for (const auto& name : libs->getElementNames()) {
                    if (!libs->isLibraryLoaded(name))
                        libs->loadLibrary(name);  // reads the modules' text; runs nothing
                    Reference<container::XNameAccess> lib(libs->getByName(name), uno::UNO_QUERY);
                    if (lib.is() && lib->hasElements())
                        return true;
                }
            }
        }
        Reference<document::XEventsSupplier> events(doc, uno::UNO_QUERY);
        if (events.is()) {
            auto access = events->getEvents();
            for (const auto& name : access->getElementNames()) {
                Sequence<beans::PropertyValue> binding;
                if (!(access->getByName(name) >>= binding))
                    continue;
                for (const auto& p : binding) {
                    OUString s;
                    if ((p.Name == "Script" || p.Name == "MacroName") && (p.Value >>= s) && !s.isEmpty())
                        return true;
                }
            }
        }
    } catch (const uno::Exception& e) {
        failure = e.Message.isEmpty() ? U("（无说明 / no message）") : e.Message;
    }
    return false;
}

struct CellValue
{
    enum Kind { Blank, Number, Text, Error } kind = Blank;
    double number = 0;
    OUString text;
    sal_Int32 error = 0;
};

CellValue valueOf(const Reference<table::XCell>& cell)
{
    CellValue v;
    switch (cell->getType()) {
    case table::CellContentType_EMPTY:
        return v;
    case table::CellContentType_VALUE:
        v.kind = CellValue::Number;
        v.number = cell->getValue();
        return v;
    case table::CellContentType_TEXT: {
        Reference<text::XText> t(cell, uno::UNO_QUERY);
        v.text = t.is() ? t->getString() : OUString();
        v.kind = v.text.trim().isEmpty() ? CellValue::Blank : CellValue::Text;
        return v;
    }
    default:
        break;
    }
    if (sal_Int32 err = cell->getError()) {
        v.kind = CellValue::Error;
        v.error = err;
        return v;
    }
    Reference<beans::XPropertySet> p(cell, uno::UNO_QUERY);
    sal_Int32 result = sheet::FormulaResult::VALUE;
    if (p.is())
        p->getPropertyValue(U("FormulaResultType2")) >>= result;
    if (result == sheet::FormulaResult::STRING) {
        Reference<text::XText> t(cell, uno::UNO_QUERY);
        v.text = t.is() ? t->getString() : OUString();
        v.kind = v.text.trim().isEmpty() ? CellValue::Blank : CellValue::Text;
    } else {
        v.kind = CellValue::Number;
        v.number = cell->getValue();
    }
    return v;
}


/** A problem from its text "Chinese / English". */
Problem said(const char* code, const OUString& cell, const OUString& both)
{
    const sal_Int32 at = both.indexOf(U(" / "));
    return problem(code, cell, at < 0 ? both : both.copy(0, at), at < 0 ? both : both.copy(at + 3));
}

template <class T> Sequence<T> toSeq(const std::vector<T>& v)
{
    return Sequence<T>(v.data(), static_cast<sal_Int32>(v.size()));
}

/** What one file's reading found: problems stop the file, notes are only said. */
struct Findings
{
    std::vector<Problem> problems, notes;
};

OUString rangeText(const OUString& sheet, const table::CellRangeAddress& a)
{
    OUString s = sheet + U(".") + OUString::number(a.StartColumn + 1) + U(":") + OUString::number(a.StartRow + 1);
    if (a.EndColumn != a.StartColumn || a.EndRow != a.StartRow)
        s += U("–") + OUString::number(a.EndColumn + 1) + U(":") + OUString::number(a.EndRow + 1);
    return s;
}

/** The file's name `name` must sit where the template's does, with the
    template's formulas in its computed cells and none in its inputs. */
bool checkName(const Reference<sheet::XSpreadsheetDocument>& doc, const CellRule& rule, const TemplateName& tpl,
               Findings& f)
{
    table::CellRangeAddress a;
    if (!rangeOfName(doc, rule.name, a)) {
        if (rule.required)
            f.problems.push_back(said("name_missing", rule.name, U("缺少命名单元格 ") + rule.name + U(" / the named cell ") + rule.name + U(" is missing")));
        return false;
    }
    const sal_Int32 size = (a.EndColumn - a.StartColumn + 1) * (a.EndRow - a.StartRow + 1);
    if (size != tpl.size()) {
        f.problems.push_back(said("name_size", rule.name, U("命名单元格 ") + rule.name + U(" 指向 ") + OUString::number(size) + U(" 个单元格，模板为 ") +
                             OUString::number(tpl.size()) + U(" 个 / the name ") + rule.name + U(" spans ") +
                             OUString::number(size) + U(" cells, the template's ") + OUString::number(tpl.size())));
        return false;
    }
    const OUString sheet = sheetName(doc, a.Sheet);
    if (sheet != tpl.sheet || a.StartColumn != tpl.range.StartColumn || a.StartRow != tpl.range.StartRow) {
        f.problems.push_back(said("name_moved", rule.name, U("命名单元格 ") + rule.name + U(" 被改指到 ") + rangeText(sheet, a) + U("（模板为 ") +
                             rangeText(tpl.sheet, tpl.range) + U("） / the name ") + rule.name +
                             U(" was moved to another cell than the template's")));
        return false;
    }
    for (sal_Int32 i = 0; i < size; ++i) {
        auto cell = cellAt(doc, sheet, a.StartColumn + i % (a.EndColumn - a.StartColumn + 1),
                           a.StartRow + i / (a.EndColumn - a.StartColumn + 1));
        const bool formula = cell->getType() == table::CellContentType_FORMULA;
        const OUString& want = tpl.formulas[static_cast<size_t>(i)];
        if (want.isEmpty() && formula) {
            f.problems.push_back(said("formula_in_input", rule.name, U("单元格 ") + rule.name + U(" 应填写数值，文件中却是公式 ") + cell->getFormula() +
                                 U(" / ") + rule.name + U(" is an input but holds a formula")));
            return false;
        }
        if (!want.isEmpty() && (!formula || !tpl.isTemplateFormula(static_cast<size_t>(i), cell->getFormula()))) {
            f.problems.push_back(said("formula_changed", rule.name, U("计算单元格 ") + rule.name + U(" 的公式被改动（模板为 ") + want + U("） / the formula of ") +
                                 rule.name + U(" is not the template's")));
            return false;
        }
    }
    return true;
}

/** A number from a cell as the rule of its name allows it; adds the reason when not. */
bool numberOf(const CellRule& rule, const CellValue& v, bool input, double& out, Findings& f)
{
    if (v.kind == CellValue::Blank) {
        if (rule.required)
            f.problems.push_back(said("required_blank", rule.name, U("必填单元格 ") + rule.name + U(" 未填写 / required cell ") + rule.name + U(" is blank")));
        return false;
    }
    if (v.kind == CellValue::Error) {
        (rule.required ? f.problems : f.notes)
            .push_back(said("error_value", rule.name, U("单元格 ") + rule.name + U(" 显示错误值 ") + errorText(v.error) + U(" / ") + rule.name +
                       U(" shows ") + errorText(v.error)));
        return false;
    }
    if (v.kind == CellValue::Text) {
        f.problems.push_back(said("not_number", rule.name, U("单元格 ") + rule.name + U(" 须填数字，填的是文字 / ") + rule.name +
                             U(" must hold a number, not text")));
        return false;
    }
    OUString why = breaksRule(rule, v.number, input);
    if (!why.isEmpty()) {
        f.problems.push_back(said("out_of_range", rule.name, why));
        return false;
    }
    out = v.number;
    return true;
}

/** The value of a named cell read from `doc` at the template's place. */
uno::Any valueAt(const Reference<sheet::XSpreadsheetDocument>& doc, const CellRule& rule, const TemplateName& tpl,
                 Findings& f)
{
    std::vector<double> numbers;
    const sal_Int32 width = tpl.range.EndColumn - tpl.range.StartColumn + 1;
    for (sal_Int32 i = 0; i < tpl.size(); ++i) {
        CellValue v = valueOf(cellAt(doc, tpl.sheet, tpl.range.StartColumn + i % width, tpl.range.StartRow + i / width));
        if (rule.kind == contract::Value::Text || rule.kind == contract::Value::Month) {
            if (v.kind == CellValue::Blank && rule.required)
                f.problems.push_back(said("required_blank", rule.name, U("必填单元格 ") + rule.name + U(" 未填写 / required cell ") + rule.name +
                                     U(" is blank")));
            return v.kind == CellValue::Number ? uno::Any(v.number)
                   : v.kind == CellValue::Text ? uno::Any(v.text.trim())
                                               : uno::Any();
        }
        double d;
        if (!numberOf(rule, v, tpl.input(), d, f))
            return uno::Any();
        numbers.push_back(d);
    }
    if (numbers.size() == 1)
        return uno::Any(numbers.front());
    return uno::Any(Sequence<double>(numbers.data(), static_cast<sal_Int32>(numbers.size())));
}

/** "YYYY-MM" of a month as a dealer types it: a date, or the text 2026-11,
    2026/11, 2026.11 or 2026年11月 (nothing else, nothing more); empty otherwise. */
OUString monthOfTyped(const uno::Any& typed, CivilDay nullDate)
{
    double serial;
    if (typed >>= serial)
        return monthOfDateSerial(serial, nullDate);
    OUString t;
    if (!(typed >>= t))
        return OUString();
    return normalMonth(t);
}

/** The month from what was typed in a document whose null date is `nullDate`; the
    template's reading (月份_首日 of the recomputed document) must agree where it has one. */
void readMonth(const TemplateModel& model, const uno::Any& typed, CivilDay nullDate, DealerFile& out, Findings& f)
{
    out.Month = monthOfTyped(typed, nullDate);
    const TemplateName* first = model.name(U("月份_首日"));
    if (!out.Month.isEmpty() && first) {
        CellValue v = valueOf(cellAt(model.document(), first->sheet, first->range.StartColumn, first->range.StartRow));
        if (v.kind != CellValue::Number || monthOfDateSerial(v.number, nullDateOf(model.document())) != out.Month)
            out.Month.clear();
    }
    if (out.Month.isEmpty() && typed.hasValue())
        f.problems.push_back(said("bad_month", OUString(), U("月份 不是有效的月份 / 月份 is not a month")));
}

/** The file's stamp of identity (distribute's): dealer code, month, issue; the
    locked cells 经销商代码 and 月份 must agree with it. */
void readIdentity(const Reference<lang::XComponent>& doc, DealerFile& out, Findings& f)
{
    bool hasCode = false, hasMonth = false, hasIssue = false;
    double n;
    out.Code = userProperty(doc, U("DealerKPI经销商代码"), hasCode, n);
    const OUString month = userProperty(doc, U("DealerKPI月份"), hasMonth, n);
    out.Issue = userProperty(doc, U("DealerKPI下发"), hasIssue, n);
    if (!hasCode || out.Code.isEmpty()) {
        out.Code.clear();
        f.notes.push_back(said("no_code_stamp", OUString(), U("文件没有经销商代码标记，按 经销商 和 月份 识别 / no dealer-code stamp: identified by "
                            "经销商 and 月份")));
        return;
    }
    Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY_THROW);
    auto cells = namedCells(sdoc, U("经销商代码"));
    if (cells.size() == 1) {
        CellValue v = valueOf(cells.front());
        OUString shown = v.kind == CellValue::Number ? OUString::number(v.number) : v.text.trim();
        if (shown != out.Code)
            f.problems.push_back(said("code_mismatch", OUString(), U("单元格 经销商代码 (") + shown + U(") 与文件的代码标记 ") + out.Code +
                                 U(" 不符 / the cell 经销商代码 differs from the file's stamp")));
    }
    if (hasMonth && !out.Month.isEmpty() && month != out.Month)
        f.problems.push_back(said("month_mismatch", OUString(), U("月份 ") + out.Month + U(" 与下发时的月份 ") + month +
                             U(" 不符 / 月份 differs from the month the file was issued for")));
}

/** When the document was last saved (days since 1899-12-30; 0 when unknown). */
double savedAt(const Reference<lang::XComponent>& doc)
{
    Reference<document::XDocumentPropertiesSupplier> sup(doc, uno::UNO_QUERY);
    if (!sup.is())
        return 0;
    const util::DateTime t = sup->getDocumentProperties()->getModificationDate();
    return daysSince1899({t.Year, t.Month, t.Day}, t.Hours, t.Minutes, t.Seconds, static_cast<long>(t.NanoSeconds))
        .value_or(0);
}

} // namespace

TemplateModel& Workflow::modelOf(const OUString& kind)
{
    auto& slot = models_[kind];
    if (!slot)
        slot = std::make_unique<TemplateModel>(ctx_, kind);
    return *slot;
}

/** The named cells: structure against the template, inputs checked by their
    rules, computed names recomputed by the template from the file's inputs. */
void Workflow::readNames(const Reference<sheet::XSpreadsheetDocument>& doc, DealerFile& out,
                         std::vector<Problem>& problems, std::vector<Problem>& notes)
{
    Findings f;
    TemplateModel& model = modelOf(out.Kind);
    bool sound = true;
    for (const CellRule& rule : contractRules(out.Kind)) {
        const TemplateName* tpl = model.name(rule.name);
        if (!tpl)
            throw lang::IllegalArgumentException(U("已安装的模板缺少命名单元格 ") + rule.name, {}, 0);
        sound &= checkName(doc, rule, *tpl, f);
    }
    std::vector<beans::NamedValue> values;
    if (sound) {
        model.takeInputs(doc);
        for (const CellRule& rule : contractRules(out.Kind)) {
            const TemplateName& tpl = *model.name(rule.name);
            values.push_back({rule.name, valueAt(tpl.input() ? doc : model.document(), rule, tpl, f)});
            if (rule.name == U("经销商"))
                values.back().Value >>= out.Dealer;
            if (rule.name == U("月份"))
                readMonth(model, values.back().Value, nullDateOf(doc), out, f);
        }
    }
    out.Values = toSeq(values);
    problems.insert(problems.end(), f.problems.begin(), f.problems.end());
    notes.insert(notes.end(), f.notes.begin(), f.notes.end());
}

namespace {

Reference<lang::XComponent> openReadOnly(const Reference<uno::XComponentContext>& ctx, const OUString& url,
                                         std::vector<Problem>& problems)
{
    rtl::Reference<RecordingHandler> handler(new RecordingHandler);
    Reference<lang::XComponent> doc;
    try {
        auto args = seq<beans::PropertyValue>({
            prop("Hidden", uno::Any(true)),
            prop("ReadOnly", uno::Any(true)),
            prop("MacroExecutionMode", uno::Any(document::MacroExecMode::NEVER_EXECUTE)),
            prop("UpdateDocMode", uno::Any(document::UpdateDocMode::NO_UPDATE)),
            prop("InteractionHandler", uno::Any(Reference<task::XInteractionHandler>(handler.get()))),
            prop("Silent", uno::Any(true)),
        });
        // No setting of the office is changed to read a file: the command line's offices are
        // set never to recalculate on load (their throw-away profile), the menu keeps the user's;
        // the computed names are recomputed by the template, not here.
        doc = frame::Desktop::create(ctx)->loadComponentFromURL(url, U("_blank"), 0, args);
    } catch (const uno::Exception&) {
        doc.clear();
    }
    if (!doc.is())
        problems.push_back(problemOfRequests(handler->asked));
    return doc;
}

/** A spreadsheet as its name says (not a text file through the text import). */
bool isSpreadsheet(const Reference<lang::XComponent>& doc, std::vector<Problem>& problems)
{
    Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY);
    if (!sdoc.is()) {
        problems.push_back(said("not_spreadsheet", OUString(), U("不是电子表格文件（用其他程序的格式保存，扩展名却是表格的扩展名） / not a spreadsheet")));
        return false;
    }
    Reference<frame::XModel> model(doc, uno::UNO_QUERY);
    OUString filter;
    for (const auto& a : model->getArgs())
        if (a.Name == "FilterName")
            a.Value >>= filter;
    if (filter.indexOf("Text") >= 0 || filter.indexOf("CSV") >= 0 || filter.indexOf("HTML") >= 0) {
        problems.push_back(said("text_file", OUString(), U("文件内容是文本，不是电子表格（扩展名与内容不符） / the file is text, not a spreadsheet")));
        return false;
    }
    return true;
}

/** The template stamp: kind and layout version. */
bool readStamp(const Reference<lang::XComponent>& doc, DealerFile& out, std::vector<Problem>& problems)
{
    const Problem p = stampProblem(doc, out);
    if (p.Code.isEmpty())
        return true;
    problems.push_back(p);
    return false;
}

} // namespace

void Workflow::readOpened(const Reference<lang::XComponent>& doc, DealerFile& out, std::vector<Problem>& problems,
                          std::vector<Problem>& notes)
{
    if (!isSpreadsheet(doc, problems) || !readStamp(doc, out, problems))
        return;
    OUString macroFailure;
    if (carriesMacros(doc, macroFailure))
        notes.push_back(said("macros", OUString(), U("文件带有宏：宏未运行，只读取了数据 / the file carries macros: none ran, only data was read")));
    else if (!macroFailure.isEmpty())
        notes.push_back(problem("macros_unchecked", {}, U("无法检查文件是否带有宏（宏不会运行）：") + macroFailure,
                                U("Could not tell whether the file carries macros (none is run): ") + macroFailure));
    readNames(Reference<sheet::XSpreadsheetDocument>(doc, uno::UNO_QUERY_THROW), out, problems, notes);
    Findings f;
    readIdentity(doc, out, f);
    problems.insert(problems.end(), f.problems.begin(), f.problems.end());
    notes.insert(notes.end(), f.notes.begin(), f.notes.end());
    out.Saved = savedAt(doc);
}

DealerFile Workflow::readDealerFile(const OUString& url)
{
    DealerFile out;
    out.Url = url;
    out.Version = 0;
    out.Saved = 0;
    std::vector<Problem> problems, notes;
    testCrashHook(url);
    Reference<lang::XComponent> doc = openReadOnly(ctx_, url, problems);
    if (doc.is()) {
        try {
            readOpened(doc, out, problems, notes);
        } catch (const uno::Exception& e) {
            problems.push_back(said("read_failed", OUString(), U("读取文件时出错 / reading failed: ") + e.Message));
        }
        closeDocument(doc);
    }
    out.Problems = toSeq(problems);
    out.Notes = toSeq(notes);
    return out;
}

} // namespace dealerkpi::group
