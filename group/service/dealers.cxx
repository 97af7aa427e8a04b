#include "dealers.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <osl/file.hxx>
#include <rtl/math.hxx>
#include <rtl/textcvt.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace css;

namespace dealerkpi::group {
namespace {

[[noreturn]] void refuse(const OUString& zh, const OUString& en)
{
    throw lang::IllegalArgumentException(zh + " / " + en, {}, 1);
}

/** The file's bytes (a dealers table is small: at most 64 MiB are read). */
std::vector<char> fileBytes(const OUString& url)
{
    osl::File f(url);
    if (f.open(osl_File_OpenFlag_Read) != osl::FileBase::E_None)
        refuse(U("无法打开经销商名单：") + shownPath(url), U("cannot open the dealers table: ") + shownPath(url));
    std::vector<char> out;
    char buf[65536];
    sal_uInt64 got = 0;
    while (f.read(buf, sizeof buf, got) == osl::FileBase::E_None && got > 0 && out.size() < (64u << 20))
        out.insert(out.end(), buf, buf + got);
    f.close();
    return out;
}

bool decodes(const std::vector<char>& bytes, size_t from, rtl_TextEncoding enc)
{
    rtl_uString* s = nullptr;
    const sal_uInt32 flags = RTL_TEXTTOUNICODE_FLAGS_UNDEFINED_ERROR | RTL_TEXTTOUNICODE_FLAGS_MBUNDEFINED_ERROR |
                             RTL_TEXTTOUNICODE_FLAGS_INVALID_ERROR;
    bool ok = rtl_convertStringToUString(&s, bytes.data() + from, static_cast<sal_Int32>(bytes.size() - from), enc,
                                         flags);
    if (s)
        rtl_uString_release(s);
    return ok;
}

/** The encoding of a CSV file: UTF-8 (with or without BOM) or GB18030, what
    Excel writes on Chinese Windows; anything else is refused by name. */
std::pair<rtl_TextEncoding, OUString> csvEncoding(const OUString& url)
{
    const std::vector<char> b = fileBytes(url);
    auto starts = [&](std::initializer_list<unsigned char> bom) {
        return b.size() >= bom.size() && std::equal(bom.begin(), bom.end(), b.begin(),
                                                    [](unsigned char x, char y) { return x == static_cast<unsigned char>(y); });
    };
    if (starts({0xEF, 0xBB, 0xBF}))
        return {RTL_TEXTENCODING_UTF8, U("UTF-8")};
    if (starts({0xFF, 0xFE}) || starts({0xFE, 0xFF}))
        refuse(U("经销商名单是 UTF-16 编码，不受支持：请另存为 CSV UTF-8 或 GB18030（Excel 的“CSV（逗号分隔）”）。"),
               U("the dealers table is encoded in UTF-16, which is not supported: save it as CSV UTF-8 or GB18030 "
                 "(Excel's \"CSV (Comma delimited)\")."));
    if (decodes(b, 0, RTL_TEXTENCODING_UTF8))
        return {RTL_TEXTENCODING_UTF8, U("UTF-8")};
    if (decodes(b, 0, RTL_TEXTENCODING_GB_18030))
        return {RTL_TEXTENCODING_GB_18030, U("GB18030")};
    refuse(U("经销商名单的编码既不是 UTF-8 也不是 GB18030，无法读取：请另存为 CSV UTF-8。"),
           U("the dealers table is encoded neither in UTF-8 nor in GB18030 and cannot be read: save it as CSV UTF-8."));
}

std::vector<beans::PropertyValue> loadArgs(const OUString& url, OUString& encoding)
{
    std::vector<beans::PropertyValue> args{prop("Hidden", uno::Any(true)), prop("ReadOnly", uno::Any(true))};
    if (!url.toAsciiLowerCase().endsWith(".csv"))
        return args;
    auto [enc, name] = csvEncoding(url);
    encoding = name;
    // comma, quote ", every column as text (dealer codes keep their leading zeros)
    OUStringBuffer formats;
    for (int c = 1; c <= 200; ++c)
        formats.append(OUString::createFromAscii(c > 1 ? "/" : "") + OUString::number(c) + "/2");
    args.push_back(prop("FilterName", uno::Any(U("Text - txt - csv (StarCalc)"))));
    args.push_back(prop("FilterOptions", uno::Any("44,34," + OUString::number(enc) + ",1," +
                                                  formats.makeStringAndClear())));
    return args;
}

Sequence<Sequence<uno::Any>> usedArea(const Reference<sheet::XSpreadsheetDocument>& sdoc)
{
    Reference<container::XIndexAccess> sheets(sdoc->getSheets(), uno::UNO_QUERY_THROW);
    Reference<sheet::XSpreadsheet> sheet(sheets->getByIndex(0), uno::UNO_QUERY_THROW);
    Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
    used->gotoStartOfUsedArea(false);
    used->gotoEndOfUsedArea(true);
    table::CellRangeAddress a = Reference<sheet::XCellRangeAddressable>(cursor, uno::UNO_QUERY_THROW)->getRangeAddress();
    Reference<sheet::XCellRangeData> range(sheet->getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow),
                                           uno::UNO_QUERY_THROW);
    return range->getDataArray();
}

Sequence<Sequence<uno::Any>> loadTable(const Reference<uno::XComponentContext>& ctx, const OUString& url,
                                       OUString& encoding, const OUString& month, const OUString& kind)
{
    std::vector<beans::PropertyValue> args = loadArgs(url, encoding);
    Reference<lang::XComponent> doc;
    OUString why;
    try {
        doc = frame::Desktop::create(ctx)->loadComponentFromURL(
            url, U("_blank"), 0, Sequence<beans::PropertyValue>(args.data(), static_cast<sal_Int32>(args.size())));
    } catch (const uno::Exception& e) {
        why = e.Message;
    }
    Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY);
    if (!sdoc.is()) {
        closeDocument(doc);
        refuse(U("无法打开经销商名单：") + shownPath(url) + (why.isEmpty() ? OUString() : U("（") + why + U("）")),
               U("cannot open the dealers table: ") + shownPath(url));
    }
    try {
        // A group's annual plan (集团年度目标分解) gives the rows of `month` for `kind`.
        auto plan = annualPlanTable(sdoc, month, kind);
        auto data = plan ? *plan : usedArea(sdoc);
        closeDocument(doc);
        return data;
    } catch (...) {
        closeDocument(doc);
        throw;
    }
}

sal_Int32 columnOf(const std::vector<OUString>& header, const char* title)
{
    for (size_t i = 0; i < header.size(); ++i)
        if (header[i] == U(title))
            return static_cast<sal_Int32>(i);
    return -1;
}

} // namespace

OUString cellText(const uno::Any& v)
{
    OUString s;
    double d;
    if (v >>= s)
        return s.trim();
    if (v >>= d)
        return rtl::math::doubleToUString(d, rtl_math_StringFormat_Automatic, rtl_math_DecimalPlaces_Max, '.', true);
    return OUString();
}

OUString rowLine(sal_Int32 row, const Said& said)
{
    return U("第 ") + OUString::number(row) + U(" 行：") + said.zh + " / row " + OUString::number(row) + ": " + said.en;
}

DealersTable readDealersTable(const Reference<uno::XComponentContext>& ctx, const OUString& url,
                              const OUString& month, const OUString& kind)
{
    DealersTable t;
    Sequence<Sequence<uno::Any>> data = loadTable(ctx, url, t.encoding, month, kind);
    if (data.getLength() < 1)
        refuse(U("经销商名单是空的：") + shownPath(url), U("the dealers table is empty: ") + shownPath(url));
    for (const auto& v : data[0])
        t.header.push_back(cellText(v));
    t.codeCol = columnOf(t.header, "经销商代码");
    t.dealerCol = columnOf(t.header, "经销商");
    if (t.codeCol < 0 || t.dealerCol < 0) {
        OUString enc = t.encoding.isEmpty() ? OUString() : U("（按 ") + t.encoding + U(" 编码读取）");
        OUString encEn = t.encoding.isEmpty() ? OUString() : " (read as " + t.encoding + ")";
        refuse(U("经销商名单的第一行须有 经销商代码 和 经销商 两列") + enc + U("。"),
               U("the dealers table's first row must have the columns 经销商代码 (dealer code) and 经销商 (dealer)") +
                   encEn + ".");
    }
    for (sal_Int32 r = 1; r < data.getLength(); ++r)
        t.rows.push_back(data[r]);
    return t;
}

bool portableCode(const OUString& code)
{
    if (code.isEmpty() || code.getLength() > kMaxCodeLength)
        return false;
    for (sal_Int32 i = 0; i < code.getLength(); ++i) {
        sal_Unicode c = code[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

namespace {

std::optional<RowProblem> identityProblem(const OUString& code, const OUString& dealer)
{
    if (code.isEmpty() || dealer.isEmpty())
        return rowProblem("blank_dealer", U(code.isEmpty() ? "经销商代码" : "经销商"), U("经销商代码或经销商为空"),
                          "The dealer code or the dealer name is blank");
    if (!portableCode(code))
        return rowProblem("bad_code", U("经销商代码"),
                          U("经销商代码 “") + code + U("” 只能由字母、数字、- 和 _ 组成（最多 ") +
                              OUString::number(kMaxCodeLength) + U(" 个）"),
                          "The dealer code \"" + code + "\" may only hold letters, digits, - and _ (at most " +
                              OUString::number(kMaxCodeLength) + ")");
    for (sal_Int32 i = 0; i < dealer.getLength(); ++i)
        if (dealer[i] < 32 || dealer[i] == 0x7F)
            return rowProblem("bad_name", U("经销商"), U("经销商名称含有控制字符"), "The dealer's name holds control characters");
    if (dealer.getLength() > kMaxNameLength)
        return rowProblem("long_name", U("经销商"),
                          U("经销商名称太长（") + OUString::number(dealer.getLength()) + U(" 个字符，最多 ") +
                              OUString::number(kMaxNameLength) + U(" 个）"),
                          "The dealer's name is too long (" + OUString::number(dealer.getLength()) +
                              " characters, at most " + OUString::number(kMaxNameLength) + ")");
    return std::nullopt;
}

} // namespace

std::map<sal_Int32, RowProblem> screenRows(const DealersTable& t, std::vector<sal_Int32>& rows)
{
    std::map<sal_Int32, RowProblem> out;
    std::map<OUString, sal_Int32> codes;                  // code -> first row
    std::map<OUString, std::vector<sal_Int32>> names;     // name -> rows with a good code
    auto at = [&](const Sequence<uno::Any>& row, sal_Int32 c) { return c < row.getLength() ? cellText(row[c]) : OUString(); };
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const sal_Int32 r = static_cast<sal_Int32>(i) + 2;
        bool blank = true;
        for (const auto& v : t.rows[i])
            blank &= cellText(v).isEmpty();
        if (blank)
            continue;
        rows.push_back(r);
        const OUString code = at(t.rows[i], t.codeCol), dealer = at(t.rows[i], t.dealerCol);
        if (auto p = identityProblem(code, dealer)) {
            out[r] = *p;
            continue;
        }
        auto [it, fresh] = codes.emplace(code, r);
        if (!fresh)
            out[r] = rowProblem("duplicate_code", U("经销商代码"),
                                U("经销商代码 ") + code + U(" 与第 ") + OUString::number(it->second) + U(" 行重复"),
                                "The dealer code " + code + " repeats row " + OUString::number(it->second));
        else
            names[dealer].push_back(r);
    }
    for (const auto& [dealer, where] : names) {
        if (where.size() < 2)
            continue;
        OUStringBuffer list;
        for (sal_Int32 r : where)
            list.append((list.isEmpty() ? OUString() : OUString(", ")) + OUString::number(r));
        const OUString rowsText = list.makeStringAndClear();
        for (sal_Int32 r : where)
            out[r] = rowProblem("duplicate_name", U("经销商"),
                                U("经销商 ") + dealer + U(" 在第 ") + rowsText + U(" 行有不同的经销商代码（一个经销商只能有一个代码）"),
                                "The dealer " + dealer + " has different dealer codes in rows " + rowsText +
                                    " (one dealer, one code)");
    }
    return out;
}

std::optional<double> numberOf(const uno::Any& v)
{
    double d;
    if (v >>= d)
        return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
    OUString s = cellText(v).replaceAll(",", "");
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
    if (s.isEmpty() || status != rtl_math_ConversionStatus_Ok || end != s.getLength() || !std::isfinite(x))
        return std::nullopt;
    return x * scale;
}

std::optional<RowProblem> rateOf(const uno::Any& raw, const OUString& column, double& out)
{
    const OUString shown = cellText(raw);
    const Said how{U("比率写成 80% 或 0.8（0 或 1%–1000%）"), U("write a rate as 80% or 0.8 (0 or 1 %–1000 %)")};
    std::optional<double> x = numberOf(raw);
    if (!x)
        return rowProblem("invalid_value", column, column + U(" 的值 ") + shown + U(" 不是比率：") + how.zh,
                          "The value " + shown + " of " + column + " is not a rate: " + how.en);
    const bool percentText = shown.endsWith("%");
    const OUString asPercent = rtl::math::doubleToUString(*x * 100, rtl_math_StringFormat_Automatic,
                                                          rtl_math_DecimalPlaces_Max, '.', true) + "%";
    const OUString seen = percentText || !raw.has<double>() ? shown : shown + U("（即 ") + asPercent + U("）");
    const OUString seenEn = percentText || !raw.has<double>() ? shown : shown + " (that is " + asPercent + ")";
    if (*x != 0 && (*x < kRateMin || *x > kRateMax))
        return rowProblem("invalid_value", column, column + U(" 的值 ") + seen + U(" 超出 1%–1000%：") + how.zh,
                          "The value " + seenEn + " of " + column + " is outside 1 %–1000 %: " + how.en);
    out = *x;
    return std::nullopt;
}

} // namespace dealerkpi::group
