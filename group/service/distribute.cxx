// distribute: one new dealer file per row of the dealers table, from the
// installed template, with 经销商代码, 经销商, 月份 and the row's group-set cells
// filled. A row is checked (its identity, then every value against the
// template's own validity rule and the rate rule) before anything is written
// for it. The template is loaded once per call: each file is filled, stored,
// and the cells put back as the template had them.
#include "dealers.hxx"
#include "workflow.hxx"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/embed/ElementModes.hpp>
#include <com/sun/star/embed/StorageFactory.hpp>
#include <com/sun/star/embed/XStorage.hpp>
#include <com/sun/star/embed/XTransactedObject.hpp>
#include <com/sun/star/io/XStream.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/ucb/SimpleFileAccess.hpp>
#include <com/sun/star/util/CellProtection.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <osl/file.hxx>
#include <rtl/uri.hxx>
#include <rtl/uuid.h>

#include <cmath>
#include <map>
#include <optional>

using namespace css;

namespace dealerkpi::group {
namespace {

const char kStampCode[] = "DealerKPI经销商代码";
const char kStampMonth[] = "DealerKPI月份";
const char kStampIssue[] = "DealerKPI下发";

std::optional<double> formulaNumber(const OUString& f)
{
    OUString s = f.trim();
    if (s.startsWith("="))
        s = s.copy(1);
    return s.isEmpty() ? std::nullopt : numberOf(uno::Any(s));
}

bool withinCondition(const Reference<sheet::XSheetCondition>& cond, double x)
{
    std::optional<double> f1 = formulaNumber(cond->getFormula1()), f2 = formulaNumber(cond->getFormula2());
    switch (cond->getOperator()) {
    case sheet::ConditionOperator_EQUAL: return !f1 || x == *f1;
    case sheet::ConditionOperator_NOT_EQUAL: return !f1 || x != *f1;
    case sheet::ConditionOperator_GREATER: return !f1 || x > *f1;
    case sheet::ConditionOperator_GREATER_EQUAL: return !f1 || x >= *f1;
    case sheet::ConditionOperator_LESS: return !f1 || x < *f1;
    case sheet::ConditionOperator_LESS_EQUAL: return !f1 || x <= *f1;
    case sheet::ConditionOperator_BETWEEN: return (!f1 || x >= *f1) && (!f2 || x <= *f2);
    case sheet::ConditionOperator_NOT_BETWEEN: return !(f1 && f2 && x >= *f1 && x <= *f2);
    default: return true;
    }
}

/** Why `raw` breaks the validity rule of `cell` (nothing: it does not), and
    the value to write. */
std::optional<RowProblem> checkValidity(const Reference<table::XCell>& cell, const OUString& column,
                                        const uno::Any& raw, uno::Any& write)
{
    Reference<beans::XPropertySet> props(cell, uno::UNO_QUERY_THROW);
    Reference<beans::XPropertySet> validation(props->getPropertyValue(U("Validation")), uno::UNO_QUERY_THROW);
    sheet::ValidationType type = sheet::ValidationType_ANY;
    validation->getPropertyValue(U("Type")) >>= type;
    OUString message;
    validation->getPropertyValue(U("ErrorMessage")) >>= message;
    std::optional<double> n = numberOf(raw);
    if (type == sheet::ValidationType_ANY || type == sheet::ValidationType_LIST ||
        type == sheet::ValidationType_CUSTOM || type == sheet::ValidationType_TEXT_LEN) {
        write = n && !raw.has<OUString>() ? uno::Any(*n) : uno::Any(cellText(raw));
        return std::nullopt;
    }
    const OUString head = column + U(" 的值 ") + cellText(raw) + U(" 不符合单元格的有效性规则：");
    const OUString headEn = "The value " + cellText(raw) + " of " + column + " breaks the cell's validity rule: ";
    const OUString why = message.isEmpty() ? OUString() : U("（") + message + U("）");
    if (!n)
        return rowProblem("invalid_value", column, head + U("须填数字") + why, headEn + "a number is required");
    if (type == sheet::ValidationType_WHOLE && *n != std::floor(*n))
        return rowProblem("invalid_value", column, head + U("须填整数") + why, headEn + "a whole number is required");
    if (!withinCondition(Reference<sheet::XSheetCondition>(validation, uno::UNO_QUERY_THROW), *n))
        return rowProblem("invalid_value", column, head + U("超出允许范围") + why, headEn + "out of the allowed range");
    write <<= *n;
    return std::nullopt;
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

OUString newIssueId()
{
    sal_uInt8 id[16];
    rtl_createUuid(id, nullptr, true);
    OUStringBuffer b;
    for (sal_uInt8 x : id)
        b.append(OUString::number(x + 0x100, 16).copy(1));
    return b.makeStringAndClear();
}

/** True when `url` exists as a symbolic link (never written through). */
bool isLink(const OUString& url)
{
    osl::DirectoryItem item;
    if (osl::DirectoryItem::get(url, item) != osl::FileBase::E_None)
        return false;
    osl::FileStatus status(osl_FileStatus_Mask_Type);
    return item.getFileStatus(status) == osl::FileBase::E_None && status.getFileType() == osl::FileStatus::Link;
}

/** A cell as the template had it, to be put back after each dealer's file. */
struct SavedCell
{
    Reference<table::XCell> cell;
    table::CellContentType type = table::CellContentType_EMPTY;
    double value = 0;
    OUString text;
    uno::Any style, protection, format, validation;
};

SavedCell save(const Reference<table::XCell>& cell)
{
    SavedCell s;
    s.cell = cell;
    s.type = cell->getType();
    s.value = cell->getValue();
    s.text = s.type == table::CellContentType_FORMULA ? cell->getFormula()
                                                       : Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->getString();
    Reference<beans::XPropertySet> p(cell, uno::UNO_QUERY_THROW);
    s.style = p->getPropertyValue(U("CellStyle"));
    s.protection = p->getPropertyValue(U("CellProtection"));
    s.format = p->getPropertyValue(U("NumberFormat"));
    s.validation = p->getPropertyValue(U("Validation"));
    return s;
}

/** `change` made with the cell's sheet unprotected: a protected sheet refuses a new
    validation for any of its cells, locked or not, without a word (the input help of a
    locked group target stayed on). The template's sheets are protected without a password. */
template <class Change>
void onUnprotectedSheet(const Reference<table::XCell>& cell, Change change)
{
    Reference<util::XProtectable> sheet(Reference<sheet::XSheetCellRange>(cell, uno::UNO_QUERY_THROW)->getSpreadsheet(),
                                        uno::UNO_QUERY_THROW);
    const bool wasProtected = sheet->isProtected();
    if (wasProtected)
        sheet->unprotect(OUString());
    try {
        change();
    } catch (...) {
        if (wasProtected)
            sheet->protect(OUString());
        throw;
    }
    if (wasProtected)
        sheet->protect(OUString());
}

void restore(const SavedCell& s)
{
    switch (s.type) {
    case table::CellContentType_VALUE: s.cell->setValue(s.value); break;
    case table::CellContentType_TEXT: Reference<text::XText>(s.cell, uno::UNO_QUERY_THROW)->setString(s.text); break;
    case table::CellContentType_FORMULA: s.cell->setFormula(s.text); break;
    default: s.cell->setFormula(OUString()); break;
    }
    Reference<beans::XPropertySet> p(s.cell, uno::UNO_QUERY_THROW);
    p->setPropertyValue(U("CellStyle"), s.style);
    p->setPropertyValue(U("CellProtection"), s.protection);
    p->setPropertyValue(U("NumberFormat"), s.format);
    onUnprotectedSheet(s.cell, [&] { p->setPropertyValue(U("Validation"), s.validation); });
}

/** Locked like a computed cell, its number format kept, no input help. */
void lockCell(const Reference<table::XCell>& cell)
{
    Reference<beans::XPropertySet> p(cell, uno::UNO_QUERY_THROW);
    uno::Any format = p->getPropertyValue(U("NumberFormat"));
    p->setPropertyValue(U("CellStyle"), uno::Any(U("自动计算")));
    p->setPropertyValue(U("NumberFormat"), format);
    util::CellProtection protection;
    p->getPropertyValue(U("CellProtection")) >>= protection;
    protection.IsLocked = true;
    p->setPropertyValue(U("CellProtection"), uno::Any(protection));
    Reference<beans::XPropertySet> validation(p->getPropertyValue(U("Validation")), uno::UNO_QUERY_THROW);
    validation->setPropertyValue(U("ShowInputMessage"), uno::Any(false));
    onUnprotectedSheet(cell, [&] { p->setPropertyValue(U("Validation"), uno::Any(validation)); });
}

/** The ODF package at `url` as a storage (`mode`: embed::ElementModes). The
    storage factory offers only XSingleServiceFactory, whose
    createInstanceWithArguments the SDK headers mark deprecated; storages are
    made no other way (comphelper::OStorageHelper calls it too). */
Reference<embed::XStorage> storageOf(const Reference<uno::XComponentContext>& ctx, const OUString& url, sal_Int32 mode)
{
    auto factory = embed::StorageFactory::create(ctx);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    auto storage = factory->createInstanceWithArguments(seq<uno::Any>({uno::Any(url), uno::Any(mode)}));
#pragma GCC diagnostic pop
    return Reference<embed::XStorage>(storage, uno::UNO_QUERY_THROW);
}

/** The template's settings.xml: its view (frozen panes, each sheet's cursor,
    the active sheet). A document stored from a hidden window has no view to
    write them from, so they are copied into every file written. */
Sequence<sal_Int8> readSettings(const Reference<uno::XComponentContext>& ctx, const OUString& url)
{
    auto storage = storageOf(ctx, url, embed::ElementModes::READ);
    Reference<io::XInputStream> in = storage->openStreamElement(U("settings.xml"), embed::ElementModes::READ)->getInputStream();
    Sequence<sal_Int8> all, chunk;
    while (in->readBytes(chunk, 65536) > 0) {
        const sal_Int32 had = all.getLength();
        all.realloc(had + chunk.getLength());
        std::copy(chunk.begin(), chunk.end(), all.getArray() + had);
    }
    in->closeInput();
    Reference<lang::XComponent>(storage, uno::UNO_QUERY_THROW)->dispose();
    return all;
}

void writeSettings(const Reference<uno::XComponentContext>& ctx, const OUString& url, const Sequence<sal_Int8>& settings)
{
    auto storage = storageOf(ctx, url, embed::ElementModes::READWRITE);
    Reference<io::XStream> stream =
        storage->openStreamElement(U("settings.xml"), embed::ElementModes::READWRITE | embed::ElementModes::TRUNCATE);
    Reference<io::XOutputStream> out = stream->getOutputStream();
    out->writeBytes(settings);
    out->closeOutput();
    Reference<embed::XTransactedObject>(storage, uno::UNO_QUERY_THROW)->commit();
    Reference<lang::XComponent>(storage, uno::UNO_QUERY_THROW)->dispose();
}

/** One row's values, checked, for the cells they go to. */
using Writes = std::vector<std::pair<Reference<table::XCell>, uno::Any>>;

/** The template, loaded once, that every dealer's file is made from. */
class Issuer
{
public:
    Issuer(const Reference<uno::XComponentContext>& ctx, const OUString& kind, const OUString& month,
           const OUString& issue, bool lock, bool portable);
    ~Issuer() { closeDocument(doc_); }
    Issuer(const Issuer&) = delete;
    Issuer& operator=(const Issuer&) = delete;

    /** The row's values for the template's cells, or why not. */
    std::optional<RowProblem> collect(const DealersTable& t, const Sequence<uno::Any>& row, Writes& writes) const;
    /** Fills the template for one dealer, stores it at `url` (replacing a file only with
        `force`), puts the template back. */
    void write(const OUString& code, const OUString& dealer, const Writes& writes, const OUString& url, bool force);

private:
    bool isRate(const OUString& column, const Reference<table::XCell>& cell) const;
    void fill(const OUString& code, const OUString& dealer, const Writes& writes);

    Reference<uno::XComponentContext> ctx_;
    OUString kind_, month_, issue_;
    bool lock_;
    Reference<lang::XComponent> doc_;
    Reference<sheet::XSpreadsheetDocument> sdoc_;
    Sequence<sal_Int8> settings_;
    std::map<OUString, Reference<table::XCell>> inputs_;  // column title -> cell
    std::vector<SavedCell> saved_;
};

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

Issuer::Issuer(const Reference<uno::XComponentContext>& ctx, const OUString& kind, const OUString& month,
               const OUString& issue, bool lock, bool portable)
    : ctx_(ctx), kind_(kind), month_(month), issue_(issue), lock_(lock)
{
    doc_ = newFromTemplate(ctx, kind + ".ots");
    try {
        settings_ = readSettings(ctx, templateUrl(ctx, kind + ".ots"));
        sdoc_.set(doc_, uno::UNO_QUERY_THROW);
        Reference<document::XUndoManagerSupplier>(doc_, uno::UNO_QUERY_THROW)->getUndoManager()->lock();
        inputs_ = inputCells(sdoc_, kind);
        for (const char* name : {"经销商代码", "经销商", "月份"})
            for (const auto& cell : namedCells(sdoc_, U(name)))
                saved_.push_back(save(cell));
        for (const auto& [title, cell] : inputs_)
            saved_.push_back(save(cell));
        if (portable)
            makePortable(doc_);  // once: the cells put back after each file are inputs, never formulas
    } catch (...) {
        closeDocument(doc_);
        throw;
    }
}

bool Issuer::isRate(const OUString& column, const Reference<table::XCell>& cell) const
{
    if (const contract::Cell* c = contractCell(kind_, column))
        return c->value == contract::Value::Rate;
    sal_Int32 key = 0;
    Reference<beans::XPropertySet>(cell, uno::UNO_QUERY_THROW)->getPropertyValue(U("NumberFormat")) >>= key;
    auto formats = Reference<util::XNumberFormatsSupplier>(doc_, uno::UNO_QUERY_THROW)->getNumberFormats();
    OUString code;
    formats->getByKey(key)->getPropertyValue(U("FormatString")) >>= code;
    return code.indexOf('%') >= 0;
}

std::optional<RowProblem> Issuer::collect(const DealersTable& t, const Sequence<uno::Any>& row, Writes& writes) const
{
    for (sal_Int32 c = 0; c < static_cast<sal_Int32>(t.header.size()); ++c) {
        const OUString& title = t.header[c];
        uno::Any raw = c < row.getLength() ? row[c] : uno::Any();
        if (c == t.codeCol || c == t.dealerCol || title.isEmpty() || cellText(raw).isEmpty())
            continue;
        auto in = inputs_.find(title);
        if (in == inputs_.end())
            return rowProblem("unknown_column", title, U("列 ") + title + U(" 不是模板 ") + kind_ + U(" 的输入单元格名称"),
                              "The column " + title + " is not an input cell of the template " + kind_);
        if (isRate(title, in->second)) {
            double x = 0;
            if (auto p = rateOf(raw, title, x))
                return p;
            raw <<= x;
        }
        uno::Any value;
        if (auto p = checkValidity(in->second, title, raw, value))
            return p;
        writes.emplace_back(in->second, value);
    }
    return std::nullopt;
}

void Issuer::fill(const OUString& code, const OUString& dealer, const Writes& writes)
{
    for (const auto& cell : namedCells(sdoc_, U("经销商代码")))
        Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->setString(code);
    for (const auto& cell : namedCells(sdoc_, U("经销商")))
        Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->setString(dealer);
    for (const auto& cell : namedCells(sdoc_, U("月份")))
        cell->setValue(dateSerialOfMonth(month_, nullDateOf(sdoc_)));
    for (const char* name : {"经销商代码", "经销商", "月份"})
        for (const auto& cell : namedCells(sdoc_, U(name)))
            lockCell(cell);
    for (const auto& [cell, value] : writes) {
        setCell(cell, value);
        if (lock_)
            lockCell(cell);
    }
    setUserProperty(doc_, kStampCode, code);
    setUserProperty(doc_, kStampMonth, month_);
    setUserProperty(doc_, kStampIssue, issue_);
}

void Issuer::write(const OUString& code, const OUString& dealer, const Writes& writes, const OUString& url, bool force)
{
    try {
        fill(code, dealer, writes);
        Reference<sheet::XCalculatable>(doc_, uno::UNO_QUERY_THROW)->calculateAll();
        // Written beside and renamed into place: a file being replaced (force) is either
        // the old one or the new one whole, never half of either, whenever the write stops.
        const OUString part = storeBeside(doc_, url);
        try {
            writeSettings(ctx_, part, settings_);
            testStallWhileWriting(url);
            renameIntoPlace(part, url, force);
        } catch (...) {
            removePart(part);
            throw;
        }
    } catch (...) {
        for (const auto& s : saved_)
            restore(s);
        throw;
    }
    for (const auto& s : saved_)
        restore(s);
}

struct Share
{
    OUString kind, month, outDir, issue;
    bool lock = false, force = false;
    sal_Int32 part = 0, parts = 1;
    bool portable = false;
};

OUString outputUrl(const Share& s, const OUString& code, const OUString& dealer)
{
    return s.outDir + OUString::createFromAscii(s.outDir.endsWith("/") ? "" : "/") +
           rtl::Uri::encode(code + "_" + safeName(dealer) + "_" + s.month + ".ods", rtl_UriCharClassPchar,
                            rtl_UriEncodeIgnoreEscapes, RTL_TEXTENCODING_UTF8);
}

/** The row refused: its texts say that no file was written. */
DistributedRow refusedRow(DistributedRow row, const RowProblem& p)
{
    row.Reason = p;
    row.Reason.TextZh += U("，未生成文件。");
    row.Reason.TextEn += ", no file written.";
    return row;
}

/** One row that passed the identity checks: its file, or why not. */
DistributedRow issueRow(Issuer& issuer, const DealersTable& t, const Share& s, sal_Int32 r,
                        const Reference<ucb::XSimpleFileAccess3>& files)
{
    const auto& row = t.rows[r - 2];
    const OUString code = cellText(row[t.codeCol]), dealer = cellText(row[t.dealerCol]);
    const OUString url = outputUrl(s, code, dealer), path = shownPath(url);
    const DistributedRow result(r, code, dealer, url, false, RowProblem());
    if (isLink(url))
        return refusedRow(result, rowProblem("output_symlink", OUString(), U("输出位置是符号链接，不写入：") + path,
                                             "The output is a symbolic link and is never written through: " + path));
    if (!s.force && files->exists(url))
        return refusedRow(result, rowProblem("file_exists", OUString(), U("文件已存在，未覆盖（要覆盖请加 force）：") + path,
                                             "The file exists and was not replaced (force replaces it): " + path));
    Writes writes;
    if (auto p = issuer.collect(t, row, writes))
        return refusedRow(result, *p);
    try {
        issuer.write(code, dealer, writes, url, s.force);
    } catch (const uno::Exception& e) {
        const OUString why = e.Message.copy(0, std::min<sal_Int32>(e.Message.getLength(), 300));
        return refusedRow(result, rowProblem("write_failed", OUString(), U("写入失败：") + why, "Writing failed: " + why));
    }
    DistributedRow written = result;
    written.Written = true;
    return written;
}

/** The row as one line for a progress indicator (the command line's Ctrl-C report). */
OUString lineOf(const DistributedRow& row)
{
    if (row.Written)
        return rowLine(row.Row, {U("已生成 ") + shownPath(row.Url), "written: " + shownPath(row.Url)});
    return rowLine(row.Row, {row.Reason.TextZh, row.Reason.TextEn});
}

} // namespace

void setUserProperty(const Reference<lang::XComponent>& doc, const char* name, const OUString& value)
{
    Reference<document::XDocumentPropertiesSupplier> supplier(doc, uno::UNO_QUERY_THROW);
    Reference<beans::XPropertyContainer> user = supplier->getDocumentProperties()->getUserDefinedProperties();
    Reference<beans::XPropertySet> set(user, uno::UNO_QUERY_THROW);
    if (set->getPropertySetInfo()->hasPropertyByName(U(name)))
        set->setPropertyValue(U(name), uno::Any(value));
    else
        user->addProperty(U(name), beans::PropertyAttribute::REMOVABLE, uno::Any(value));
}

Sequence<DistributedRow> Workflow::distribute(const OUString& templateKind, const OUString& dealersUrl, const OUString& month,
                                        const OUString& outDirUrl, sal_Bool lock, sal_Bool force,
                                        const Reference<task::XStatusIndicator>& progress)
{
    return distributeShare(templateKind, dealersUrl, month, outDirUrl, lock, force, OUString(), 0, 1, progress);
}

namespace {

void checkArguments(const Reference<uno::XComponentContext>& ctx, const Share& s)
{
    if (contractNames(s.kind).empty())
        throw lang::IllegalArgumentException(U("未知的模板：") + s.kind + U("（可用 strategy_table 或 workshop_targets）") +
                                                 " / unknown template: " + s.kind + " (strategy_table or workshop_targets)",
                                             {}, 0);
    if (!isMonth(s.month))
        throw lang::IllegalArgumentException(U("月份须写成 2026-11 或 2026年11月：") + s.month +
                                                 " / the month must be written as 2026-11: " + s.month, {}, 2);
    if (s.parts < 1 || s.part < 0 || s.part >= s.parts)
        throw lang::IllegalArgumentException(U("part/parts 无效 / bad part/parts"), {}, 7);
    auto files = ucb::SimpleFileAccess::create(ctx);
    if (!files->exists(s.outDir))
        files->createFolder(s.outDir);
    if (!files->isFolder(s.outDir) || files->isReadOnly(s.outDir))
        throw lang::IllegalArgumentException(U("输出文件夹不可写：") + shownPath(s.outDir) +
                                                 " / the output folder is not writable: " + shownPath(s.outDir), {}, 3);
}

} // namespace

Sequence<DistributedRow> Workflow::distributeShare(const OUString& templateKind, const OUString& dealersUrl,
                                             const OUString& month, const OUString& outDirUrl, sal_Bool lock,
                                             sal_Bool force, const OUString& issue, sal_Int32 part, sal_Int32 parts,
                                             const Reference<task::XStatusIndicator>& progress)
{
    return distributeShareWith(templateKind, dealersUrl, month, outDirUrl, lock, force, issue, part, parts, false,
                               progress);
}

Sequence<DistributedRow> Workflow::distributeShareWith(const OUString& templateKind, const OUString& dealersUrl,
                                                 const OUString& month, const OUString& outDirUrl, sal_Bool lock,
                                                 sal_Bool force, const OUString& issue, sal_Int32 part,
                                                 sal_Int32 parts, sal_Bool portable,
                                                 const Reference<task::XStatusIndicator>& progress)
{
    const OUString normal = normalMonth(month);  // 2026年11月 as 2026-11; the check below refuses a non-month
    const Share s{templateKind, normal.isEmpty() ? month : normal, outDirUrl, issue.isEmpty() ? newIssueId() : issue,
                  bool(lock), bool(force), part, parts, bool(portable)};
    checkArguments(ctx_, s);
    const DealersTable table = readDealersTable(ctx_, dealersUrl, s.month, s.kind);
    std::vector<sal_Int32> rows;
    const std::map<sal_Int32, RowProblem> problems = screenRows(table, rows);
    std::vector<sal_Int32> mine;
    for (sal_Int32 r : rows)
        if (r % s.parts == s.part)
            mine.push_back(r);
    auto files = ucb::SimpleFileAccess::create(ctx_);
    std::optional<Issuer> issuer;  // loaded at the first row that needs it
    std::vector<DistributedRow> done;
    if (progress.is())
        progress->start(chineseUi(ctx_) ? U("下发模板") : U("Distributing templates"), static_cast<sal_Int32>(mine.size()));
    for (sal_Int32 r : mine) {
        auto p = problems.find(r);
        if (p == problems.end() && !issuer)
            issuer.emplace(ctx_, s.kind, s.month, s.issue, s.lock, s.portable);
        if (p != problems.end()) {
            const auto& row = table.rows[r - 2];
            auto at = [&](sal_Int32 c) { return c < row.getLength() ? cellText(row[c]) : OUString(); };
            done.push_back(refusedRow(DistributedRow(r, at(table.codeCol), at(table.dealerCol), OUString(), false,
                                                     RowProblem()), p->second));
        } else {
            done.push_back(issueRow(*issuer, table, s, r, files));
        }
        if (progress.is()) {
            progress->setText(lineOf(done.back()));
            progress->setValue(static_cast<sal_Int32>(done.size()));
        }
    }
    if (progress.is())
        progress->end();
    return Sequence<DistributedRow>(done.data(), static_cast<sal_Int32>(done.size()));
}

} // namespace dealerkpi::group
