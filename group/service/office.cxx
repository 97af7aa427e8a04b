#include "office.hxx"

#include "../common/month.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <rtl/uri.hxx>

#include <osl/file.hxx>
#include <osl/process.h>
#include <osl/thread.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif
#include <iterator>
#include <map>

using namespace css;

namespace dealerkpi::group {

namespace {
struct Names
{
    std::vector<OUString> rolled, required;
};

// The rolled-up and required names of every template kind, once.
const std::map<OUString, Names>& namesByKind()
{
    static const std::map<OUString, Names> byKind = [] {
        std::map<OUString, Names> m;
        for (const auto& t : contract::kTemplates) {
            Names& n = m[U(t.stamp)];
            for (std::size_t i = 0; i < t.cellCount; ++i) {
                if (t.cells[i].rollup)
                    n.rolled.push_back(U(t.cells[i].name));
                if (t.cells[i].required)
                    n.required.push_back(U(t.cells[i].name));
            }
        }
        return m;
    }();
    return byKind;
}

const Names& namesOf(const OUString& kind)
{
    static const Names none;
    auto it = namesByKind().find(kind);
    return it == namesByKind().end() ? none : it->second;
}
} // namespace

const contract::Template* contractTemplate(const OUString& kind)
{
    for (const auto& t : contract::kTemplates)
        if (kind == U(t.stamp))
            return &t;
    return nullptr;
}

const contract::Cell* contractCell(const OUString& kind, const OUString& name)
{
    const contract::Template* t = contractTemplate(kind);
    for (std::size_t i = 0; t && i < t->cellCount; ++i)
        if (name == U(t->cells[i].name))
            return &t->cells[i];
    return nullptr;
}

const std::vector<OUString>& contractNames(const OUString& kind) { return namesOf(kind).rolled; }

const std::vector<OUString>& requiredNames(const OUString& kind) { return namesOf(kind).required; }

const std::vector<CellRule>& contractRules(const OUString& kind)
{
    static const std::map<OUString, std::vector<CellRule>> byKind = [] {
        std::map<OUString, std::vector<CellRule>> m;
        for (const auto& t : contract::kTemplates)
            for (std::size_t i = 0; i < t.cellCount; ++i)
                if (t.cells[i].rollup)
                    m[U(t.stamp)].push_back(
                        {U(t.cells[i].name), t.cells[i].value, t.cells[i].cells, t.cells[i].required});
        return m;
    }();
    static const std::vector<CellRule> none;
    auto it = byKind.find(kind);
    return it == byKind.end() ? none : it->second;
}

namespace {
const contract::Bounds* boundsOf(contract::Value kind)
{
    for (const auto& b : contract::kBounds)
        if (b.value == kind)
            return &b;
    return nullptr;
}

OUString num(double v) { return OUString::number(v); }
} // namespace

OUString breaksRule(const CellRule& rule, double v, bool input)
{
    const contract::Bounds* b = boundsOf(rule.kind);
    if (!b || rule.kind == contract::Value::Text || rule.kind == contract::Value::Month)
        return OUString();
    const OUString at = rule.name + U(" 的值 ") + num(v);
    if (!std::isfinite(v) || v < b->min || v > b->max)
        return at + U(" 超出范围 ") + num(b->min) + U("–") + num(b->max) + U(" / the value of ") + rule.name +
               U(" is out of range");
    if (input && b->whole && v != std::floor(v))
        return at + U(" 不是整数 / ") + rule.name + U(" must be a whole number");
    // A rate holds the fraction (0.8 for 80 %): 0, or 1 % and more.
    if (input && v != 0 && v < b->minNonzero)
        return at + U(" 不是有效的比率（须为 0 或 ") + num(b->minNonzero) + U("–") + num(b->max) + U("）/ ") + rule.name +
               U(" must be 0 or within ") + num(b->minNonzero) + U("–") + num(b->max);
    return OUString();
}

const std::vector<OUString>& trades()
{
    static const std::vector<OUString> t = [] {
        std::vector<OUString> v;
        for (const char* trade : contract::kTrades)
            v.push_back(U(trade));
        return v;
    }();
    return t;
}

beans::PropertyValue prop(const char* name, const uno::Any& value)
{
    beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

void setCell(const Reference<table::XCell>& cell, const uno::Any& value)
{
    double d;
    OUString s;
    if (value >>= d)
        cell->setValue(d);
    else if (value >>= s)
        Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->setString(s);
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

CivilDay nullDateOf(const Reference<sheet::XSpreadsheetDocument>& doc)
{
    util::Date d;
    if (!(Reference<beans::XPropertySet>(doc, uno::UNO_QUERY_THROW)->getPropertyValue(U("NullDate")) >>= d))
        throw uno::RuntimeException(U("表格文档的 NullDate（零日期）不是日期 / the document's NullDate is not a date"));
    return {d.Year, d.Month, d.Day};
}

OUString monthOfDateSerial(double serial, CivilDay nullDate)
{
    return OUString::createFromAscii(dealerkpi::group::monthOfSerial(serial, nullDate).c_str());
}

OUString normalMonth(const OUString& typed)
{
    const OString text = typed.toUtf8();
    return OUString::fromUtf8(dealerkpi::group::normalMonth(std::string_view(text.getStr(), text.getLength())).c_str());
}

double dateSerialOfMonth(const OUString& month, CivilDay nullDate)
{
    const OString ascii = month.toUtf8();
    return dealerkpi::group::serialOfMonth(std::string_view(ascii.getStr(), ascii.getLength()), nullDate).value_or(-1);
}

bool isMonth(const OUString& month) { return !month.isEmpty() && normalMonth(month) == month; }

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

OUString stemOfUrl(const OUString& url)
{
    const OUString name = fileNameOfUrl(url);
    const sal_Int32 dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.copy(0, dot);
}

OUString shownPath(const OUString& url)
{
    OUString path;
    return osl::FileBase::getSystemPathFromFileURL(url, path) == osl::FileBase::E_None ? path : url;
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

OUString storeBeside(const Reference<lang::XComponent>& doc, const OUString& url)
{
    const OUString filter = filterByEnding(url);
    std::random_device random;
    oslProcessInfo info;
    info.Size = sizeof info;
    osl_getProcessInfo(nullptr, osl_Process_IDENTIFIER, &info);
    const sal_Int32 slash = url.lastIndexOf('/') + 1;
    const OUString partUrl = url.copy(0, slash) + U(".~") + url.copy(slash) + U(".") +
                             OUString::number(static_cast<sal_Int64>(info.Ident)) + U(".") +
                             OUString::number(static_cast<sal_Int64>(random())) + U(".part");
    Reference<frame::XStorable> storable(doc, uno::UNO_QUERY_THROW);
    try {
        storable->storeToURL(partUrl, seq<beans::PropertyValue>({prop("FilterName", uno::Any(filter))}));
    } catch (...) {
        std::remove(systemPath(partUrl).c_str());
        throw;
    }
    return partUrl;
}

void renameIntoPlace(const OUString& partUrl, const OUString& url, bool force)
{
    const std::string from = systemPath(partUrl), to = systemPath(url);
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

void testStallWhileWriting([[maybe_unused]] const OUString& url)
{
#ifdef DEALERKPI_TEST_HOOKS  // a release build has no such door
    const char* stall = std::getenv("DEALERKPI_GROUP_TEST_STALL");
    if (!stall || !*stall || fileNameOfUrl(url) != OUString::fromUtf8(stall))
        return;
    if (std::FILE* f = std::fopen((systemPath(url) + ".stalled").c_str(), "w"))
        std::fclose(f);
    for (;;)
        std::this_thread::sleep_for(std::chrono::seconds(1));
#endif
}

void removePart(const OUString& partUrl)
{
    std::remove(systemPath(partUrl).c_str());
}

OUString stampKind(const Reference<uno::XInterface>& doc)
{
    Reference<document::XDocumentPropertiesSupplier> supplier(doc, uno::UNO_QUERY);
    if (!supplier.is())
        return OUString();
    Reference<beans::XPropertySet> user(supplier->getDocumentProperties()->getUserDefinedProperties(),
                                        uno::UNO_QUERY);
    OUString kind;
    if (user.is() && user->getPropertySetInfo()->hasPropertyByName(U("DealerKPI模板")))
        user->getPropertyValue(U("DealerKPI模板")) >>= kind;
    return kind.trim();
}

Reference<frame::XModel> jobModel(const Sequence<beans::NamedValue>& arguments)
{
    for (const beans::NamedValue& a : arguments) {
        Sequence<beans::NamedValue> environment;
        if (a.Name != "Environment" || !(a.Value >>= environment))
            continue;
        for (const beans::NamedValue& e : environment)
            if (e.Name == "Model")
                return Reference<frame::XModel>(e.Value, uno::UNO_QUERY);
    }
    return {};
}

bool loadedHidden(const Reference<frame::XModel>& model)
{
    for (const beans::PropertyValue& p : model->getArgs())
        if (p.Name == "Hidden") {
            bool hidden = false;
            return (p.Value >>= hidden) && hidden;
        }
    return false;
}

} // namespace dealerkpi::group
