// distribute: one new dealer file per row of the dealers table, from the
// installed template, with 经销商, 月份 and the row's group-set cells filled.
// A row is checked against the template's own validity rules before anything
// is written for it.
#include "workflow.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/util/CellProtection.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <osl/file.hxx>
#include <rtl/math.hxx>
#include <rtl/uri.hxx>
#include <rtl/ustrbuf.hxx>

#include <cmath>
#include <map>
#include <optional>

using namespace css;

namespace dealerkpi::group {
namespace {

struct Input
{
    Reference<table::XCell> cell;
};

/** A table cell's content as text (numbers without a needless ".0"). */
OUString asText(const uno::Any& v)
{
    OUString s;
    double d;
    if (v >>= s)
        return s.trim();
    if (v >>= d)
        return rtl::math::doubleToUString(d, rtl_math_StringFormat_Automatic, rtl_math_DecimalPlaces_Max, '.', true);
    return OUString();
}

/** A number as a user writes it in a table: "0.8", "80%", "1,234". */
std::optional<double> asNumber(const uno::Any& v)
{
    double d;
    if (v >>= d)
        return d;
    OUString s = asText(v).replaceAll(",", "");
    if (s.isEmpty())
        return std::nullopt;
    double scale = 1;
    if (s.endsWith("%")) {
        s = s.copy(0, s.getLength() - 1).trim();
        scale = 0.01;
    }
    rtl_math_ConversionStatus status;
    sal_Int32 end = 0;
    double x = rtl::math::stringToDouble(s, '.', 0, &status, &end);
    if (status != rtl_math_ConversionStatus_Ok || end != s.getLength())
        return std::nullopt;
    return x * scale;
}

std::optional<double> formulaNumber(const OUString& f)
{
    OUString s = f.trim();
    if (s.startsWith("="))
        s = s.copy(1);
    if (s.isEmpty())
        return std::nullopt;
    return asNumber(uno::Any(s));
}

/** Why `value` breaks the validity rule of `cell` (empty: it does not), and
    the value to write. */
OUString checkValidity(const Reference<table::XCell>& cell, const uno::Any& raw, uno::Any& write)
{
    Reference<beans::XPropertySet> props(cell, uno::UNO_QUERY_THROW);
    Reference<beans::XPropertySet> validation(props->getPropertyValue(U("Validation")), uno::UNO_QUERY_THROW);
    sheet::ValidationType type = sheet::ValidationType_ANY;
    validation->getPropertyValue(U("Type")) >>= type;
    OUString message;
    validation->getPropertyValue(U("ErrorMessage")) >>= message;
    auto fail = [&](const OUString& what) {
        return what + (message.isEmpty() ? OUString() : U("（") + message + U("）"));
    };
    if (type == sheet::ValidationType_ANY || type == sheet::ValidationType_LIST ||
        type == sheet::ValidationType_CUSTOM || type == sheet::ValidationType_TEXT_LEN) {
        std::optional<double> n = asNumber(raw);
        if (n && !raw.has<OUString>())
            write <<= *n;
        else
            write <<= asText(raw);
        return OUString();
    }
    std::optional<double> n = asNumber(raw);
    if (!n)
        return fail(U("须填数字"));
    if (type == sheet::ValidationType_WHOLE && *n != std::floor(*n))
        return fail(U("须填整数"));
    Reference<sheet::XSheetCondition> cond(validation, uno::UNO_QUERY_THROW);
    std::optional<double> f1 = formulaNumber(cond->getFormula1()), f2 = formulaNumber(cond->getFormula2());
    const double x = *n;
    bool ok = true;
    switch (cond->getOperator()) {
    case sheet::ConditionOperator_EQUAL: ok = !f1 || x == *f1; break;
    case sheet::ConditionOperator_NOT_EQUAL: ok = !f1 || x != *f1; break;
    case sheet::ConditionOperator_GREATER: ok = !f1 || x > *f1; break;
    case sheet::ConditionOperator_GREATER_EQUAL: ok = !f1 || x >= *f1; break;
    case sheet::ConditionOperator_LESS: ok = !f1 || x < *f1; break;
    case sheet::ConditionOperator_LESS_EQUAL: ok = !f1 || x <= *f1; break;
    case sheet::ConditionOperator_BETWEEN: ok = (!f1 || x >= *f1) && (!f2 || x <= *f2); break;
    case sheet::ConditionOperator_NOT_BETWEEN: ok = !(f1 && f2 && x >= *f1 && x <= *f2); break;
    default: break;
    }
    if (!ok)
        return fail(U("超出允许范围"));
    write <<= x;
    return OUString();
}

OUString safeName(const OUString& s)
{
    OUStringBuffer b;
    for (sal_Int32 i = 0; i < s.getLength(); ++i) {
        sal_Unicode c = s[i];
        b.append(OUString("/\\:*?\"<>|").indexOf(c) >= 0 || c < 32 ? sal_Unicode('_') : c);
    }
    return b.makeStringAndClear().trim();
}

/** The dealers table's first sheet as rows of cells. */
Sequence<Sequence<uno::Any>> readTable(const Reference<uno::XComponentContext>& ctx, const OUString& url)
{
    auto desktop = frame::Desktop::create(ctx);
    std::vector<beans::PropertyValue> args{prop("Hidden", uno::Any(true)), prop("ReadOnly", uno::Any(true))};
    if (url.toAsciiLowerCase().endsWith(".csv")) {
        // UTF-8, comma, every column as text (dealer codes keep their leading zeros).
        OUStringBuffer formats;
        for (int c = 1; c <= 200; ++c)
            formats.append(OUString::createFromAscii(c > 1 ? "/" : "") + OUString::number(c) + "/2");
        args.push_back(prop("FilterName", uno::Any(U("Text - txt - csv (StarCalc)"))));
        args.push_back(prop("FilterOptions", uno::Any("44,34,76,1," + formats.makeStringAndClear())));
    }
    Reference<lang::XComponent> doc;
    try {
        doc = desktop->loadComponentFromURL(url, U("_blank"), 0,
                                            Sequence<beans::PropertyValue>(args.data(), args.size()));
    } catch (const uno::Exception&) {
    }
    Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY);
    if (!sdoc.is()) {
        closeDocument(doc);
        throw lang::IllegalArgumentException(U("无法打开经销商名单：") + url, {}, 1);
    }
    Sequence<Sequence<uno::Any>> data;
    try {
        Reference<container::XIndexAccess> sheets(sdoc->getSheets(), uno::UNO_QUERY_THROW);
        Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(0), uno::UNO_QUERY_THROW);
        Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
        Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
        used->gotoStartOfUsedArea(false);
        used->gotoEndOfUsedArea(true);
        Reference<sheet::XCellRangeAddressable> addr(cursor, uno::UNO_QUERY_THROW);
        table::CellRangeAddress a = addr->getRangeAddress();
        Reference<sheet::XCellRangeData> range(
            sheet->getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow), uno::UNO_QUERY_THROW);
        data = range->getDataArray();
    } catch (...) {
        closeDocument(doc);
        throw;
    }
    closeDocument(doc);
    return data;
}

/** {column title: cell} of the template's group-settable cells (unlocked,
    not computed); three-cell names as name_trade. */
std::map<OUString, Reference<table::XCell>> inputCells(const Reference<sheet::XSpreadsheetDocument>& doc,
                                                       const OUString& kind)
{
    std::map<OUString, Reference<table::XCell>> out;
    for (const auto& name : contractNames(kind)) {
        if (name == U("经销商") || name == U("月份"))
            continue;
        auto cells = namedCells(doc, name);
        for (size_t i = 0; i < cells.size(); ++i) {
            Reference<beans::XPropertySet> p(cells[i], uno::UNO_QUERY_THROW);
            util::CellProtection protection;
            p->getPropertyValue(U("CellProtection")) >>= protection;
            if (protection.IsLocked || cells[i]->getType() == table::CellContentType_FORMULA)
                continue;
            OUString title = cells.size() == 1 ? name : name + "_" + (i < trades().size() ? trades()[i] : OUString::number(i));
            out[title] = cells[i];
        }
    }
    return out;
}

OUString systemPath(const OUString& url)
{
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) == osl::FileBase::E_None)
        return path;
    return url;
}

} // namespace

Sequence<DistributedRow> Workflow::distribute(const OUString& templateKind, const OUString& dealersUrl, const OUString& month,
                                        const OUString& outDirUrl, sal_Bool lock, sal_Bool force,
                                        const Reference<task::XStatusIndicator>& progress)
{
    if (contractNames(templateKind).empty())
        throw lang::IllegalArgumentException(U("未知的模板：") + templateKind + U("（可用 strategy_table 或 workshop_targets）"), {}, 0);
    const double serial = serialOfMonth(month);
    if (serial < 0)
        throw lang::IllegalArgumentException(U("月份须写成 YYYY-MM，如 2026-11：") + month, {}, 2);
    auto files = ucb::SimpleFileAccess::create(ctx_);
    if (!files->exists(outDirUrl))
        files->createFolder(outDirUrl);
    if (!files->isFolder(outDirUrl) || files->isReadOnly(outDirUrl))
        throw lang::IllegalArgumentException(U("输出文件夹不可写：") + systemPath(outDirUrl), {}, 3);

    Sequence<Sequence<uno::Any>> table = readTable(ctx_, dealersUrl);
    if (table.getLength() < 1)
        throw lang::IllegalArgumentException(U("经销商名单是空的：") + systemPath(dealersUrl), {}, 1);
    std::vector<OUString> header;
    for (const auto& v : table[0])
        header.push_back(asText(v));
    auto find = [&](const OUString& t) {
        for (size_t i = 0; i < header.size(); ++i)
            if (header[i] == t)
                return static_cast<sal_Int32>(i);
        return sal_Int32(-1);
    };
    const sal_Int32 codeCol = find(U("经销商代码")), dealerCol = find(U("经销商"));
    if (codeCol < 0 || dealerCol < 0)
        throw lang::IllegalArgumentException(U("经销商名单的表头须有 经销商代码 和 经销商 两列。"), {}, 1);

    const OUString templateFile = templateKind + ".ots";
    std::vector<DistributedRow> done;
    std::map<OUString, sal_Int32> codes;  // dealer code -> row of its first occurrence
    const sal_Int32 rows = table.getLength() - 1;
    if (progress.is())
        progress->start(chineseUi(ctx_) ? U("下发模板") : U("Distributing templates"), rows);
    for (sal_Int32 r = 1; r < table.getLength(); ++r) {
        if (progress.is())
            progress->setValue(r - 1);
        const auto& row = table[r];
        const sal_Int32 rowNumber = r + 1;
        auto cellAt = [&](sal_Int32 c) { return c < row.getLength() ? row[c] : uno::Any(); };
        bool empty = true;
        for (const auto& v : row)
            empty &= asText(v).isEmpty();
        if (empty)
            continue;
        const OUString code = asText(cellAt(codeCol)), dealer = asText(cellAt(dealerCol));
        DistributedRow result(rowNumber, code, dealer, OUString(), false, Problem());
        auto refuse = [&](const char* why, const OUString& cell, const OUString& zh, const OUString& en) {
            result.Reason = problem(why, cell, zh + U("，未生成文件。"), en + ", no file written.");
            done.push_back(result);
        };
        if (code.isEmpty() || dealer.isEmpty()) {
            refuse("blank_dealer", U(code.isEmpty() ? "经销商代码" : "经销商"), U("经销商代码或经销商为空"),
                   "The dealer code or the dealer name is blank");
            continue;
        }
        auto [it, fresh] = codes.emplace(code, rowNumber);
        if (!fresh) {
            refuse("duplicate_code", U("经销商代码"),
                   U("经销商代码 ") + code + U(" 与第 ") + OUString::number(it->second) + U(" 行重复"),
                   "The dealer code " + code + " repeats row " + OUString::number(it->second));
            continue;
        }
        const OUString url = outDirUrl + OUString::createFromAscii(outDirUrl.endsWith("/") ? "" : "/") +
                             rtl::Uri::encode(safeName(code) + "_" + safeName(dealer) + "_" + month + ".ods",
                                              rtl_UriCharClassPchar, rtl_UriEncodeIgnoreEscapes, RTL_TEXTENCODING_UTF8);
        result.Url = url;
        if (!force && files->exists(url)) {
            refuse("file_exists", OUString(), U("文件已存在，未覆盖（要覆盖请加 force）：") + systemPath(url),
                   "The file exists and was not replaced (force replaces it): " + systemPath(url));
            continue;
        }
        Reference<lang::XComponent> doc = newFromTemplate(ctx_, templateFile);
        try {
            Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY_THROW);
            auto inputs = inputCells(sdoc, templateKind);
            std::vector<std::pair<Reference<table::XCell>, uno::Any>> writes;
            Problem refused;
            for (sal_Int32 c = 0; c < static_cast<sal_Int32>(header.size()) && refused.Code.isEmpty(); ++c) {
                if (c == codeCol || c == dealerCol || header[c].isEmpty())
                    continue;
                uno::Any raw = cellAt(c);
                if (asText(raw).isEmpty())
                    continue;
                auto in = inputs.find(header[c]);
                if (in == inputs.end()) {
                    refused = problem("unknown_column", header[c],
                                      U("列 ") + header[c] + U(" 不是模板 ") + templateKind + U(" 的输入单元格名称"),
                                      "The column " + header[c] + " is not an input cell of the template " + templateKind);
                    break;
                }
                uno::Any value;
                OUString why = checkValidity(in->second, raw, value);
                if (!why.isEmpty())
                    refused = problem("invalid_value", header[c],
                                      header[c] + U(" 的值 ") + asText(raw) + U(" 不符合单元格的有效性规则：") + why,
                                      "The value " + asText(raw) + " of " + header[c] +
                                          " breaks the cell's validity rule: " + why);
                else
                    writes.emplace_back(in->second, value);
            }
            if (!refused.Code.isEmpty()) {
                closeDocument(doc);
                refuse(OUStringToOString(refused.Code, RTL_TEXTENCODING_ASCII_US).getStr(), refused.Cell,
                       refused.TextZh, refused.TextEn);
                continue;
            }
            for (const auto& cell : namedCells(sdoc, U("经销商")))
                Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->setString(dealer);
            for (const auto& cell : namedCells(sdoc, U("月份")))
                cell->setValue(serial);
            for (const auto& [cell, value] : writes) {
                double d;
                OUString s;
                if (value >>= d)
                    cell->setValue(d);
                else if (value >>= s)
                    Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->setString(s);
                if (lock) {
                    Reference<beans::XPropertySet> p(cell, uno::UNO_QUERY_THROW);
                    p->setPropertyValue(U("CellStyle"), uno::Any(U("自动计算")));
                    util::CellProtection protection;
                    p->getPropertyValue(U("CellProtection")) >>= protection;
                    protection.IsLocked = true;
                    p->setPropertyValue(U("CellProtection"), uno::Any(protection));
                }
            }
            Reference<sheet::XCalculatable>(doc, uno::UNO_QUERY_THROW)->calculateAll();
            storeByEnding(doc, url);
            closeDocument(doc);
            result.Written = true;
            done.push_back(result);
        } catch (const uno::Exception& e) {
            closeDocument(doc);
            refuse("write_failed", OUString(), U("写入失败：") + e.Message, "Writing failed: " + e.Message);
        }
    }
    if (progress.is())
        progress->end();
    return Sequence<DistributedRow>(done.data(), static_cast<sal_Int32>(done.size()));
}

} // namespace dealerkpi::group
