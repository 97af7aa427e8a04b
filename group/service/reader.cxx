// readDealerFile: one dealer file, opened read-only in this office, read at
// its named cells, closed. Never throws for a bad file: what is wrong goes to
// Problems (the file is not taken), what must only be said goes to Notes.
#include "workflow.hxx"

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

/** Formula cells showing #NAME?: function names this office could not resolve. */
sal_Int32 unresolvedNames(const Reference<sheet::XSpreadsheetDocument>& doc)
{
    sal_Int32 count = 0;
    Reference<container::XIndexAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        Reference<sheet::XCellRangesQuery> query(sheets->getByIndex(i), uno::UNO_QUERY_THROW);
        Reference<sheet::XSheetCellRanges> errors = query->queryFormulaCells(sheet::FormulaResult::ERROR);
        Reference<container::XEnumerationAccess> cells(errors->getCells(), uno::UNO_QUERY_THROW);
        auto e = cells->createEnumeration();
        while (e->hasMoreElements()) {
            Reference<table::XCell> cell(e->nextElement(), uno::UNO_QUERY);
            if (cell.is() && cell->getError() == 525)
                ++count;
        }
    }
    return count;
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

/** The month a dealer typed as the template understood it: the templates name
    the first day of the typed month 月份_首日 (月份 itself holds what was typed,
    a date or a text such as 2026年11月 or 2026/11). False when the file has no
    such name or it shows no date. */
bool firstDayOfMonth(const Reference<sheet::XSpreadsheetDocument>& doc, double& serial)
{
    auto cells = namedCells(doc, U("月份_首日"));
    if (cells.size() != 1)
        return false;
    CellValue v = valueOf(cells.front());
    if (v.kind != CellValue::Number || v.number < 1)
        return false;
    serial = v.number;
    return true;
}

/** The rate inputs of the contract (订单交车率_目标, ...): a rate input cell of the
    layout-2 templates takes 80 as well as 0.8 for 80 % (kit.rate: up to 1 a fraction,
    above 1 percentage points), and its formulas read it that way. */
bool isTypedRate(const contract::Cell* cell)
{
    return cell && cell->value == contract::Value::Rate && cell->role == contract::Role::Input;
}
double rateAsMeant(double typed) { return typed > 1 ? typed / 100 : typed; }

/** Reads the kind's names into `out`; problems for the required ones. */
void readNames(const Reference<sheet::XSpreadsheetDocument>& doc, DealerFile& out,
               std::vector<Problem>& problems, std::vector<Problem>& notes)
{
    std::vector<beans::NamedValue> values;
    for (const auto& name : contractNames(out.Kind)) {
        const contract::Cell* contracted = contractCell(out.Kind, name);
        const bool isRequired = contracted && contracted->required;
        auto cells = namedCells(doc, name);
        beans::NamedValue nv;
        nv.Name = name;
        if (cells.empty()) {
            problems.push_back(problem("name_missing", name, U("模板缺少命名单元格 ") + name + U("。"),
                                       "The template has no named cell " + name + "."));
            values.push_back(nv);
            continue;
        }
        std::vector<CellValue> read;
        bool blank = false, error = false;
        sal_Int32 errorCode = 0;
        for (const auto& c : cells) {
            read.push_back(valueOf(c));
            blank |= read.back().kind == CellValue::Blank;
            if (read.back().kind == CellValue::Error && !error) {
                error = true;
                errorCode = read.back().error;
            }
        }
        if (error) {
            if (isRequired)
                problems.push_back(problem("error_value", name,
                                           U("必填单元格 ") + name + U(" 显示错误值 ") + errorText(errorCode) + U("。"),
                                           "The required cell " + name + " shows the error " + errorText(errorCode) + "."));
            else
                notes.push_back(problem("error_value", name,
                                        U("单元格 ") + name + U(" 显示错误值 ") + errorText(errorCode) + U("，按空白汇总。"),
                                        "The cell " + name + " shows the error " + errorText(errorCode) +
                                            "; rolled up as blank."));
        } else if (blank) {
            if (isRequired)
                problems.push_back(problem("required_blank", name, U("必填单元格 ") + name + U(" 未填写。"),
                                           "The required cell " + name + " is blank."));
        } else if (cells.size() == 1) {
            const CellValue& v = read.front();
            if (v.kind == CellValue::Number)
                nv.Value <<= v.number;
            else
                nv.Value <<= v.text;
        } else {
            Sequence<double> seq(static_cast<sal_Int32>(read.size()));
            bool allNumbers = true;
            for (size_t i = 0; i < read.size(); ++i) {
                allNumbers &= read[i].kind == CellValue::Number;
                seq.getArray()[i] = read[i].number;
            }
            if (allNumbers)
                nv.Value <<= seq;
            else if (isRequired)
                problems.push_back(problem("not_number", name, U("必填单元格 ") + name + U(" 须填数字。"),
                                           "The required cell " + name + " must hold numbers."));
        }
        if (name == U("经销商")) {
            if (nv.Value.has<OUString>())
                out.Dealer = nv.Value.get<OUString>();
            else if (nv.Value.has<double>())
                out.Dealer = OUString::number(nv.Value.get<double>());
        } else if (name == U("月份")) {
            out.Month.clear();
            double serial;
            OUString text;
            if (firstDayOfMonth(doc, serial))
                out.Month = monthOfSerial(serial);
            else if (nv.Value >>= serial)
                out.Month = monthOfSerial(serial);
            else if ((nv.Value >>= text) && serialOfMonth(text.trim().copy(0, 7)) > 0)
                out.Month = text.trim().copy(0, 7);
            if (out.Month.isEmpty() && nv.Value.hasValue())
                problems.push_back(problem("bad_month", name, U("月份 不是有效的月份。"), U("月份 is not a valid month.")));
        } else if (isTypedRate(contracted) && nv.Value.has<double>()) {
            nv.Value <<= rateAsMeant(nv.Value.get<double>());
        } else if (isRequired && nv.Value.has<OUString>()) {
            problems.push_back(problem("not_number", name, U("必填单元格 ") + name + U(" 须填数字，填的是文字。"),
                                       "The required cell " + name + " must hold a number, not text."));
        }
        values.push_back(nv);
    }
    out.Values = Sequence<beans::NamedValue>(values.data(), static_cast<sal_Int32>(values.size()));
}

template <class T> Sequence<T> toSeq(const std::vector<T>& v)
{
    return Sequence<T>(v.data(), static_cast<sal_Int32>(v.size()));
}

} // namespace

DealerFile Workflow::readDealerFile(const OUString& url)
{
    DealerFile out;
    out.Url = url;
    out.Version = 0;
    std::vector<Problem> problems, notes;

#ifdef DEALERKPI_TEST_HOOKS  // the tests crash the office on one file; a release build has no such door
    if (const char* crash = std::getenv("DEALERKPI_GROUP_TEST_CRASH")) {
        if (*crash && fileNameOfUrl(url) == OUString::fromUtf8(crash))
            std::abort();
    }
#endif

    const OUString lower = url.toAsciiLowerCase();
    Reference<lang::XComponent> doc;
    rtl::Reference<RecordingHandler> handler(new RecordingHandler);
    try {
        auto desktop = frame::Desktop::create(ctx_);
        auto args = seq<beans::PropertyValue>({
            prop("Hidden", uno::Any(true)),
            prop("ReadOnly", uno::Any(true)),
            prop("MacroExecutionMode", uno::Any(document::MacroExecMode::NEVER_EXECUTE)),
            prop("UpdateDocMode", uno::Any(document::UpdateDocMode::NO_UPDATE)),
            prop("InteractionHandler", uno::Any(Reference<task::XInteractionHandler>(handler.get()))),
            prop("Silent", uno::Any(true)),
        });
        // No setting of the office is changed to read a file: the command line's offices are
        // set never to recalculate on load (their throw-away profile), the menu keeps the user's.
        doc = desktop->loadComponentFromURL(url, U("_blank"), 0, args);
    } catch (const uno::Exception&) {
        doc.clear();
    }
    if (!doc.is()) {
        problems.push_back(problemOfRequests(handler->asked));
        out.Problems = toSeq(problems);
        return out;
    }

    try {
        Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY);
        if (!sdoc.is()) {
            problems.push_back(problem("not_spreadsheet", {},
                                       U("不是电子表格文件（用其他程序的格式保存，扩展名却是表格的扩展名）。"),
                                       "Not a spreadsheet (saved by another kind of program under a spreadsheet's ending)."));
        } else {
            // A text file named .ods opens through the text import: not the spreadsheet its name says.
            Reference<frame::XModel> model(doc, uno::UNO_QUERY);
            OUString filter;
            for (const auto& a : model->getArgs())
                if (a.Name == "FilterName")
                    a.Value >>= filter;
            if (filter.indexOf("Text") >= 0 || filter.indexOf("CSV") >= 0 || filter.indexOf("HTML") >= 0) {
                problems.push_back(problem("text_file", {}, U("文件内容是文本，不是电子表格（扩展名与内容不符）。"),
                                           "The file holds text, not a spreadsheet (its ending does not match)."));
            } else {
                const Problem stamp = stampProblem(doc, out);
                if (!stamp.Code.isEmpty()) {
                    problems.push_back(stamp);
                } else {
                    OUString macroFailure;
                    if (carriesMacros(doc, macroFailure))
                        notes.push_back(problem("macros", {}, U("文件带有宏：宏未运行，只读取了数据。"),
                                                "The file carries macros: none was run, only its data was read."));
                    else if (!macroFailure.isEmpty())
                        notes.push_back(problem("macros_unchecked", {}, U("无法检查文件是否带有宏（宏不会运行）：") + macroFailure,
                                                U("Could not tell whether the file carries macros (none is run): ") +
                                                    macroFailure));
                    // First the values the file was saved with, then recalculated here.
                    DealerFile cached = out;
                    std::vector<Problem> cachedProblems, cachedNotes;
                    readNames(sdoc, cached, cachedProblems, cachedNotes);
                    Reference<sheet::XCalculatable> calc(doc, uno::UNO_QUERY_THROW);
                    calc->calculateAll();
                    sal_Int32 unresolved = unresolvedNames(sdoc);
                    if (unresolved > 0) {
                        out = cached;
                        problems.insert(problems.end(), cachedProblems.begin(), cachedProblems.end());
                        notes.insert(notes.end(), cachedNotes.begin(), cachedNotes.end());
                        notes.push_back(problem("cached_values", {},
                                                U("文件中有 ") + OUString::number(unresolved) +
                                                    U(" 个公式的函数名本办公软件无法识别（可能由其他版本的 LibreOffice 保存），"
                                                      "已按文件中保存的计算结果读取。"),
                                                OUString::number(unresolved) +
                                                    " formulas name functions this office does not know (saved by another "
                                                    "LibreOffice version?); read from the results saved in the file."));
                    } else {
                        readNames(sdoc, out, problems, notes);
                    }
                }
            }
        }
    } catch (const uno::Exception& e) {
        problems.push_back(problem("read_failed", {}, U("读取文件时出错：") + e.Message,
                                   "Reading the file failed: " + e.Message));
    }
    closeDocument(doc);
    out.Problems = toSeq(problems);
    out.Notes = toSeq(notes);
    return out;
}

} // namespace dealerkpi::group
