#include "office.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <rtl/uri.hxx>

#include <osl/file.hxx>
#include <osl/thread.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif
#include <map>
#include <mutex>

using namespace css;

namespace dealerkpi::group {

const std::vector<CellRule>& contractRules(const OUString& kind)
{
    using K = CellKind;
    static const std::vector<CellRule> strategy{
        {U("经销商"), K::Text, 1, true},          {U("月份"), K::Month, 1, true},
        {U("交车数_目标"), K::Count, 1, true},     {U("订单交车率_目标"), K::Rate, 1, true},
        {U("报价订单率_目标"), K::Rate, 1, true},  {U("进店线索报价率_目标"), K::Rate, 1, true},
        {U("订单数_预计"), K::Count, 1, false},    {U("报价数_预计"), K::Count, 1, false},
        {U("进店线索数_预计"), K::Count, 1, false}, {U("线索数_预计"), K::Count, 1, false},
        {U("交车数_实际"), K::Count, 1, true},     {U("订单数_实际"), K::Count, 1, true},
        {U("报价数_实际"), K::Count, 1, true},     {U("进店线索数_实际"), K::Count, 1, true},
        {U("线索数_实际"), K::Count, 1, true}};
    static const std::vector<CellRule> workshop{
        {U("经销商"), K::Text, 1, true},     {U("月份"), K::Month, 1, true},    {U("售后产值目标"), K::Money, 1, true},
        {U("可售工时"), K::Hours, 3, true},  {U("生产工时"), K::Hours, 3, true}, {U("销售工时"), K::Hours, 3, true},
        {U("总效率_合计"), K::Rate, 1, false}, {U("目标营业额"), K::Money, 3, false}};
    static const std::vector<CellRule> none;
    if (kind.equalsAscii(kStrategy))
        return strategy;
    if (kind.equalsAscii(kWorkshop))
        return workshop;
    return none;
}

namespace {
struct Bounds
{
    double low, high;
};

// The largest figure a dealer's month can plausibly hold, per kind: far above any
// real dealer, far below what would overflow a group total (1e308 + 1e308).
Bounds boundsOf(CellKind kind)
{
    switch (kind) {
    case CellKind::Count: return {0, 1e7};
    case CellKind::Rate: return {0, 10};
    case CellKind::Money: return {0, 1e12};
    case CellKind::Hours: return {0, 1e6};
    default: return {-1e300, 1e300};
    }
}

OUString num(double v) { return OUString::number(v); }
} // namespace

OUString breaksRule(const CellRule& rule, double v, bool input)
{
    if (rule.kind == CellKind::Text || rule.kind == CellKind::Month)
        return OUString();
    const Bounds b = boundsOf(rule.kind);
    const OUString at = rule.name + U(" 的值 ") + num(v);
    if (!std::isfinite(v) || v < b.low || v > b.high)
        return at + U(" 超出范围 ") + num(b.low) + U("–") + num(b.high) + U(" / the value of ") + rule.name +
               U(" is out of range");
    if (rule.kind == CellKind::Count && input && v != std::floor(v))
        return at + U(" 不是整数 / ") + rule.name + U(" must be a whole number");
    // A rate holds the fraction (0.8 for 80 %): a figure from 0 % to 1 % other than 0
    // is a percentage typed as a fraction's hundredth, or a slip.
    if (rule.kind == CellKind::Rate && input && v != 0 && v < 0.01)
        return at + U(" 不是有效的比率（须为 0 或 1%–1000%）/ ") + rule.name +
               U(" is not a valid rate (0, or 1 % to 1000 %)");
    return OUString();
}

const std::vector<OUString>& contractNames(const OUString& kind)
{
    static std::map<OUString, std::vector<OUString>> cache;
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(kind);
    if (it == cache.end()) {
        std::vector<OUString> names;
        for (const auto& r : contractRules(kind))
            names.push_back(r.name);
        it = cache.emplace(kind, std::move(names)).first;
    }
    return it->second;
}

const std::vector<OUString>& requiredNames(const OUString& kind)
{
    static std::map<OUString, std::vector<OUString>> cache;
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(kind);
    if (it == cache.end()) {
        std::vector<OUString> names;
        for (const auto& r : contractRules(kind))
            if (r.required)
                names.push_back(r.name);
        it = cache.emplace(kind, std::move(names)).first;
    }
    return it->second;
}

const std::vector<OUString>& trades()
{
    static const std::vector<OUString> t{U("机修"), U("钣金"), U("喷漆")};
    return t;
}

beans::PropertyValue prop(const char* name, const uno::Any& value)
{
    beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

void closeDocument(const Reference<lang::XComponent>& doc) noexcept
{
    if (!doc.is())
        return;
    try {
        Reference<util::XCloseable> closeable(doc, uno::UNO_QUERY);
        if (closeable.is())
            closeable->close(true);
        else
            doc->dispose();
    } catch (const uno::Exception&) {
        try {
            doc->dispose();
        } catch (const uno::Exception&) {
        }
    }
}

OUString templateUrl(const Reference<uno::XComponentContext>& ctx, const OUString& file)
{
    auto info = deployment::PackageInformationProvider::get(ctx);
    OUString root = info->getPackageLocation(U("org.dealerkpi.calc"));
    if (root.isEmpty())
        throw lang::IllegalArgumentException(U("找不到已安装的 DealerKPI 扩展（org.dealerkpi.calc）。"), {}, 0);
    return root + "/templates/DealerKPI/" + file;
}

Reference<lang::XComponent> newFromTemplate(const Reference<uno::XComponentContext>& ctx, const OUString& file)
{
    OUString url = templateUrl(ctx, file);
    if (!fileExists(ctx, url))
        throw lang::IllegalArgumentException(U("找不到模板 ") + file + U("：") + url, {}, 0);
    auto desktop = frame::Desktop::create(ctx);
    auto args = seq<beans::PropertyValue>({prop("AsTemplate", uno::Any(true)), prop("Hidden", uno::Any(true))});
    auto doc = desktop->loadComponentFromURL(url, U("_blank"), 0, args);
    if (!doc.is())
        throw lang::IllegalArgumentException(U("无法打开模板 ") + file, {}, 0);
    return doc;
}

std::vector<Reference<table::XCell>> namedCells(const Reference<sheet::XSpreadsheetDocument>& doc,
                                                const OUString& name)
{
    std::vector<Reference<table::XCell>> out;
    Reference<beans::XPropertySet> props(doc, uno::UNO_QUERY_THROW);
    Reference<container::XNameAccess> names(props->getPropertyValue(U("NamedRanges")), uno::UNO_QUERY_THROW);
    if (!names->hasByName(name))
        return out;
    Reference<sheet::XCellRangeReferrer> ref(names->getByName(name), uno::UNO_QUERY);
    if (!ref.is())
        return out;
    Reference<table::XCellRange> range = ref->getReferredCells();
    if (!range.is())
        return out;
    Reference<sheet::XCellRangeAddressable> addressable(range, uno::UNO_QUERY_THROW);
    table::CellRangeAddress a = addressable->getRangeAddress();
    for (sal_Int32 r = 0; r <= a.EndRow - a.StartRow; ++r)
        for (sal_Int32 c = 0; c <= a.EndColumn - a.StartColumn; ++c)
            out.push_back(range->getCellByPosition(c, r));
    return out;
}

namespace {
// Days from 1899-12-30 to y-m-d (proleptic Gregorian).
long daysFromCivil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468 + 25569;  // 25569: 1899-12-30 to 1970-01-01
}
} // namespace

OUString monthOfSerial(double serial)
{
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465)
        return OUString();
    long z = static_cast<long>(std::floor(serial)) - 25569 + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04ld-%02u", y, m);
    return OUString::createFromAscii(buf);
}

double serialOfMonth(const OUString& month)
{
    if (month.getLength() != 7 || month[4] != '-')
        return -1;
    for (sal_Int32 i : {0, 1, 2, 3, 5, 6})
        if (month[i] < '0' || month[i] > '9')
            return -1;
    long y = month.copy(0, 4).toInt32();
    unsigned m = static_cast<unsigned>(month.copy(5, 2).toInt32());
    if (y < 1900 || m < 1 || m > 12)
        return -1;
    return static_cast<double>(daysFromCivil(y, m, 1));
}

OUString errorText(sal_Int32 code)
{
    switch (code) {
    case 532: return U("#DIV/0!");
    case 519: return U("#VALUE!");
    case 525: return U("#NAME?");
    case 503: return U("#NUM!");
    case 524: return U("#REF!");
    case 32767: return U("#N/A");
    default: return "Err:" + OUString::number(code);
    }
}

bool chineseUi(const Reference<uno::XComponentContext>& ctx)
{
    try {
        auto provider = configuration::theDefaultProvider::get(ctx);
        auto args = seq<uno::Any>({uno::Any(prop("nodepath", uno::Any(U("/org.openoffice.Setup/L10N"))))});
        Reference<container::XNameAccess> node(
            provider->createInstanceWithArguments(U("com.sun.star.configuration.ConfigurationAccess"), args),
            uno::UNO_QUERY_THROW);
        OUString locale;
        node->getByName(U("ooLocale")) >>= locale;
        return locale.isEmpty() || locale.startsWith("zh");
    } catch (const uno::Exception&) {
        return true;
    }
}

OUString fileNameOfUrl(const OUString& url)
{
    sal_Int32 slash = url.lastIndexOf('/');
    OUString last = slash >= 0 ? url.copy(slash + 1) : url;
    return rtl::Uri::decode(last, rtl_UriDecodeWithCharset, RTL_TEXTENCODING_UTF8);
}

bool fileExists(const Reference<uno::XComponentContext>& ctx, const OUString& url)
{
    try {
        return ucb::SimpleFileAccess::create(ctx)->exists(url);
    } catch (const uno::Exception&) {
        return false;
    }
}

namespace {
OUString filterByEnding(const OUString& url)
{
    OUString lower = url.toAsciiLowerCase();
    if (lower.endsWith(".ods"))
        return U("calc8");
    if (lower.endsWith(".xlsx"))
        return U("Calc Office Open XML");
    throw lang::IllegalArgumentException(U("输出文件须以 .ods 或 .xlsx 结尾 / the output must end in .ods or .xlsx"), {}, 0);
}

std::string systemPath(const OUString& url)
{
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        throw lang::IllegalArgumentException(U("不是本地文件 / not a local file: ") + url, {}, 0);
    OString s = OUStringToOString(path, osl_getThreadTextEncoding());
    return std::string(s.getStr(), static_cast<size_t>(s.getLength()));
}

/** rename(2) that never replaces: renameat2 RENAME_NOREPLACE, or link+unlink
    where the file system has no such rename. 0, or the errno. */
int renameNoReplace(const std::string& from, const std::string& to)
{
#ifdef _WIN32
    return MoveFileExA(from.c_str(), to.c_str(), 0) ? 0 : EEXIST;
#else
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
    if (::link(from.c_str(), to.c_str()) != 0)
        return errno;
    ::unlink(from.c_str());
    return 0;
#endif
}
} // namespace

void storeSafely(const Reference<lang::XComponent>& doc, const OUString& url, bool force)
{
    const OUString filter = filterByEnding(url);
    std::random_device random;
    const sal_Int32 slash = url.lastIndexOf('/') + 1;
    const OUString tmpUrl = url.copy(0, slash) + U(".~") + url.copy(slash) + U(".") +
                            OUString::number(static_cast<sal_Int64>(random())) + U(".part");
    Reference<frame::XStorable> storable(doc, uno::UNO_QUERY_THROW);
    storable->storeToURL(tmpUrl, seq<beans::PropertyValue>({prop("FilterName", uno::Any(filter))}));
    const std::string from = systemPath(tmpUrl), to = systemPath(url);
    int err = force ? (std::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno) : renameNoReplace(from, to);
    if (err == 0)
        return;
    std::remove(from.c_str());
    if (err == EEXIST)
        throw lang::IllegalArgumentException(
            U("输出文件已存在（要覆盖请加 force）/ the output exists (force replaces it): ") + fileNameOfUrl(url), {}, 2);
    throw lang::IllegalArgumentException(U("无法写入输出文件 / cannot write the output: ") + fileNameOfUrl(url) + U(": ") +
                                             OUString::createFromAscii(std::strerror(err)),
                                         {}, 2);
}

void storeByEnding(const Reference<lang::XComponent>& doc, const OUString& url)
{
    OUString lower = url.toAsciiLowerCase();
    OUString filter;
    if (lower.endsWith(".ods"))
        filter = U("calc8");
    else if (lower.endsWith(".xlsx"))
        filter = U("Calc Office Open XML");
    else
        throw lang::IllegalArgumentException(U("输出文件须以 .ods 或 .xlsx 结尾。"), {}, 0);
    Reference<frame::XStorable> storable(doc, uno::UNO_QUERY_THROW);
    auto args = seq<beans::PropertyValue>({prop("FilterName", uno::Any(filter)), prop("Overwrite", uno::Any(true))});
    storable->storeToURL(url, args);
}

} // namespace dealerkpi::group
