// writeRollup: the group workbook (集团汇总) from the records readDealerFile
// made, in any order: 汇总 (strategy tables), 售后汇总 (workshop tables) and
// 问题清单 (every file not taken, and every note). The same records in any
// order give the same workbook: everything is sorted before it is written.
#include "workflow.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XActionLockable.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <osl/file.hxx>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

using namespace css;

namespace dealerkpi::group {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Issue
{
    OUString file, dealer, month, reason, action;
    bool operator<(const Issue& o) const
    {
        return std::tie(file, action, reason) < std::tie(o.file, o.action, o.reason);
    }
};

OUString pathOf(const OUString& url)
{
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) == osl::FileBase::E_None)
        return path;
    return url;
}

const uno::Any* valueOf(const DealerFile& f, const OUString& name)
{
    for (const auto& nv : f.Values)
        if (nv.Name == name)
            return &nv.Value;
    return nullptr;
}

double number(const DealerFile& f, const OUString& name)
{
    const uno::Any* v = valueOf(f, name);
    double d;
    return v && (*v >>= d) ? d : kNaN;
}

std::vector<double> numbers(const DealerFile& f, const OUString& name, size_t n)
{
    std::vector<double> out(n, kNaN);
    const uno::Any* v = valueOf(f, name);
    Sequence<double> seq;
    if (v && (*v >>= seq))
        for (sal_Int32 i = 0; i < seq.getLength() && static_cast<size_t>(i) < n; ++i)
            out[i] = seq[i];
    return out;
}

OUString column(sal_Int32 c)
{
    OUString s;
    for (++c; c > 0; c = (c - 1) / 26)
        { sal_Unicode ch = static_cast<sal_Unicode>(0x41 + (c - 1) % 26); s = OUString(&ch, 1) + s; }
    return s;
}

OUString ref(sal_Int32 c, sal_Int32 row)  // row 0-based
{
    return column(c) + OUString::number(row + 1);
}

OUString span(sal_Int32 c1, sal_Int32 c2, sal_Int32 r1, sal_Int32 r2)
{
    return ref(c1, r1) + ":" + ref(c2, r2);
}

class SheetWriter
{
public:
    SheetWriter(const Reference<sheet::XSpreadsheet>& sheet, const OUString& sheetName) : sheet_(sheet)
    {
        Reference<util::XProtectable> prot(sheet, uno::UNO_QUERY);
        if (prot.is() && prot->isProtected())
            prot->unprotect(OUString());
        // The header row: the row whose first cells hold 经销商 or 文件.
        for (sal_Int32 r = 0; r < 12 && header_ < 0; ++r)
            for (sal_Int32 c = 0; c < 3; ++c) {
                OUString t = text(c, r);
                if (t == U("经销商") || t == U("文件")) {
                    header_ = r;
                    break;
                }
            }
        if (header_ < 0)
            throw lang::IllegalArgumentException(U("模板 集团汇总 的工作表 ") + sheetName + U(" 没有表头行。"), {}, 0);
        for (sal_Int32 c = 0; c < 200; ++c) {
            OUString t = text(c, header_);
            if (t.isEmpty())
                break;
            columns_[t] = c;
        }
    }

    sal_Int32 col(const OUString& title) const
    {
        auto it = columns_.find(title);
        if (it == columns_.end())
            throw lang::IllegalArgumentException(U("模板 集团汇总 缺少列 ") + title + U("。"), {}, 0);
        return it->second;
    }
    bool has(const OUString& title) const { return columns_.count(title) != 0; }
    sal_Int32 first() const { return header_ + 1; }

    void put(sal_Int32 c, sal_Int32 r, double v)
    {
        if (std::isfinite(v))
            sheet_->getCellByPosition(c, r)->setValue(v);
    }
    void put(sal_Int32 c, sal_Int32 r, const OUString& s)
    {
        Reference<text::XText> t(sheet_->getCellByPosition(c, r), uno::UNO_QUERY_THROW);
        t->setString(s);
    }
    void formula(sal_Int32 c, sal_Int32 r, const OUString& f) { sheet_->getCellByPosition(c, r)->setFormula(f); }
    void style(sal_Int32 r, sal_Int32 lastCol, const OUString& styleName)
    {
        Reference<beans::XPropertySet> p(sheet_->getCellRangeByPosition(0, r, lastCol, r), uno::UNO_QUERY_THROW);
        p->setPropertyValue(U("CellStyle"), uno::Any(styleName));
    }
    sal_Int32 lastCol() const
    {
        sal_Int32 m = 0;
        for (const auto& kv : columns_)
            m = std::max(m, kv.second);
        return m;
    }

private:
    OUString text(sal_Int32 c, sal_Int32 r)
    {
        Reference<text::XText> t(sheet_->getCellByPosition(c, r), uno::UNO_QUERY);
        return t.is() ? t->getString().trim() : OUString();
    }

    Reference<sheet::XSpreadsheet> sheet_;
    sal_Int32 header_ = -1;
    std::map<OUString, sal_Int32> columns_;
};

bool hasStyle(const Reference<lang::XComponent>& doc, const OUString& name)
{
    Reference<style::XStyleFamiliesSupplier> sup(doc, uno::UNO_QUERY);
    Reference<container::XNameAccess> cells(sup->getStyleFamilies()->getByName(U("CellStyles")),
                                            uno::UNO_QUERY);
    return cells.is() && cells->hasByName(name);
}

// The 达成率 columns of a template kind (contract.toml): (title, actual, base).
std::vector<std::tuple<OUString, OUString, OUString>> achievements(const char* kind)
{
    std::vector<std::tuple<OUString, OUString, OUString>> out;
    if (const contract::Template* t = contractTemplate(OUString::createFromAscii(kind)))
        for (std::size_t i = 0; i < t->achievementCount; ++i)
            out.emplace_back(U(t->achievements[i].name), U(t->achievements[i].actual), U(t->achievements[i].base));
    return out;
}

const contract::Cell& cellOf(const char* kind, const OUString& name)
{
    const contract::Cell* c = contractCell(OUString::createFromAscii(kind), name);
    if (!c)
        throw lang::IllegalArgumentException(U("命名单元格约定中没有 ") + name + U("。"), {}, 0);
    return *c;
}

double ratio(double a, double b)
{
    return std::isfinite(a) && std::isfinite(b) && b > 0 ? a / b : kNaN;
}

void writeStrategy(SheetWriter& w, std::vector<const DealerFile*> rows, double monthSerial)
{
    // Ranked by the contract's rank_by achievement (交车数), best first; blanks last; then by dealer and file.
    OUString rankActual, rankBase;
    const OUString rankBy = U(contractTemplate(OUString::createFromAscii(kStrategy))->rankBy);
    for (const auto& [title, actual, base] : achievements(kStrategy))
        if (title == rankBy)
            rankActual = actual, rankBase = base;
    auto key = [&](const DealerFile* f) { return ratio(number(*f, rankActual), number(*f, rankBase)); };
    std::stable_sort(rows.begin(), rows.end(), [&](const DealerFile* a, const DealerFile* b) {
        double ka = key(a), kb = key(b);
        bool na = std::isnan(ka), nb = std::isnan(kb);
        if (na != nb)
            return nb;
        if (!na && ka != kb)
            return ka > kb;
        return std::tie(a->Dealer, a->Month, a->Url) < std::tie(b->Dealer, b->Month, b->Url);
    });
    const auto& names = contractNames(OUString::createFromAscii(kStrategy));
    sal_Int32 r = w.first();
    const bool rank = w.has(U("排名")), file = w.has(U("文件"));
    for (size_t i = 0; i < rows.size(); ++i, ++r) {
        const DealerFile& f = *rows[i];
        if (rank)
            w.put(w.col(U("排名")), r, static_cast<double>(i + 1));
        w.put(w.col(U("经销商")), r, f.Dealer);
        w.put(w.col(U("月份")), r, serialOfMonth(f.Month));
        for (size_t n = 2; n < names.size(); ++n)
            w.put(w.col(names[n]), r, number(f, names[n]));
        for (const auto& [title, actual, base] : achievements(kStrategy)) {
            OUString a = ref(w.col(actual), r), b = ref(w.col(base), r);
            w.formula(w.col(title), r,
                      "=IF(AND(ISNUMBER(" + a + ");ISNUMBER(" + b + ");N(" + b + ")>0);" + a + "/" + b + ";\"\")");
        }
        if (file)
            w.put(w.col(U("文件")), r, pathOf(f.Url));
    }
    if (rows.empty())
        return;
    const sal_Int32 top = w.first(), bottom = r - 1;
    auto colRange = [&](const OUString& name) { return span(w.col(name), w.col(name), top, bottom); };
    w.put(w.col(U("经销商")), r, U("集团合计"));
    w.put(w.col(U("月份")), r, monthSerial);
    auto pooled = [&](const OUString& converted, const OUString& entered) {
        OUString c = colRange(converted), e = colRange(entered);
        return "=IF(SUMPRODUCT(ISNUMBER(" + c + ");ISNUMBER(" + e + ");" + e + ">0)=0;\"\";FUNNEL_RATE(" + c +
               ";" + e + "))";
    };
    for (size_t n = 2; n < names.size(); ++n) {
        const contract::Cell& cell = cellOf(kStrategy, names[n]);
        OUString range = colRange(names[n]);
        if (cell.pool == contract::Pool::Sum)
            w.formula(w.col(names[n]), r, "=IF(COUNT(" + range + ")=0;\"\";SUM(" + range + "))");
        else if (cell.pool == contract::Pool::FunnelRate)
            w.formula(w.col(names[n]), r, pooled(U(cell.of[0]), U(cell.of[1])));
    }
    for (const auto& [title, actual, base] : achievements(kStrategy))
        w.formula(w.col(title), r, pooled(actual, base));
    if (file)
        w.put(w.col(U("文件")), r, OUString::number(static_cast<sal_Int64>(rows.size())) + U(" 个文件"));
}

OUString tradeTitle(const OUString& name, size_t trade)
{
    return name + "_" + trades()[trade];
}

// The workshop table's cells the roll-up writes after 经销商 and 月份, in contract order.
std::vector<const contract::Cell*> workshopCells()
{
    std::vector<const contract::Cell*> out;
    for (const auto& name : contractNames(OUString::createFromAscii(kWorkshop)))
        if (name != U("经销商") && name != U("月份"))
            out.push_back(&cellOf(kWorkshop, name));
    return out;
}

// The pooled workshop efficiency (总效率_合计) and its hours: sold, worked, available.
const contract::Cell& efficiencyCell()
{
    for (const contract::Cell* c : workshopCells())
        if (c->pool == contract::Pool::WorkshopEfficiency)
            return *c;
    throw lang::IllegalArgumentException(U("命名单元格约定中没有按 WORKSHOP_EFFICIENCY 合并的单元格。"), {}, 0);
}

// The file's overall efficiency: as the file shows it, else sold / available hours.
double overallEfficiency(const DealerFile& f)
{
    const contract::Cell& e = efficiencyCell();
    double v = number(f, U(e.name));
    if (std::isfinite(v))
        return v;
    auto sold = numbers(f, U(e.of[0]), trades().size()), avail = numbers(f, U(e.of[2]), trades().size());
    double s = 0, a = 0;
    for (size_t i = 0; i < sold.size(); ++i)
        if (std::isfinite(sold[i]) && std::isfinite(avail[i]))
            s += sold[i], a += avail[i];
    return ratio(s, a);
}

void writeWorkshopRow(SheetWriter& w, const DealerFile& f, sal_Int32 r)
{
    w.put(w.col(U("经销商")), r, f.Dealer);
    w.put(w.col(U("月份")), r, serialOfMonth(f.Month));
    for (const contract::Cell* c : workshopCells()) {
        const OUString name = U(c->name);
        if (c->pool == contract::Pool::WorkshopEfficiency) {
            w.put(w.col(name), r, overallEfficiency(f));
        } else if (c->perTrade) {
            auto v = numbers(f, name, trades().size());
            for (size_t t = 0; t < v.size(); ++t)
                w.put(w.col(tradeTitle(name, t)), r, v[t]);
        } else {
            w.put(w.col(name), r, number(f, name));
        }
    }
    if (w.has(U("文件")))
        w.put(w.col(U("文件")), r, pathOf(f.Url));
}

void writeWorkshopTotal(SheetWriter& w, sal_Int32 top, sal_Int32 r, double monthSerial, size_t files)
{
    const sal_Int32 bottom = r - 1;
    w.put(w.col(U("经销商")), r, U("集团合计"));
    w.put(w.col(U("月份")), r, monthSerial);
    auto sum = [&](sal_Int32 c) {
        OUString range = span(c, c, top, bottom);
        w.formula(c, r, "=IF(COUNT(" + range + ")=0;\"\";SUM(" + range + "))");
    };
    auto block = [&](const char* h) {
        return span(w.col(tradeTitle(U(h), 0)), w.col(tradeTitle(U(h), trades().size() - 1)), top, bottom);
    };
    for (const contract::Cell* c : workshopCells()) {
        if (c->pool == contract::Pool::Sum && c->perTrade)
            for (size_t t = 0; t < trades().size(); ++t)
                sum(w.col(tradeTitle(U(c->name), t)));
        else if (c->pool == contract::Pool::Sum)
            sum(w.col(U(c->name)));
        else if (c->pool == contract::Pool::WorkshopEfficiency) {
            OUString sold = block(c->of[0]), worked = block(c->of[1]), avail = block(c->of[2]);
            w.formula(w.col(U(c->name)), r,
                      "=IF(SUMPRODUCT(ISNUMBER(" + sold + ");ISNUMBER(" + avail + ");" + avail +
                          ">0)=0;\"\";WORKSHOP_EFFICIENCY(" + sold + ";" + worked + ";" + avail + U(";\"总效率\"))"));
        }
    }
    if (w.has(U("文件")))
        w.put(w.col(U("文件")), r, OUString::number(static_cast<sal_Int64>(files)) + U(" 个文件"));
}

void writeWorkshop(SheetWriter& w, std::vector<const DealerFile*> rows, double monthSerial)
{
    std::stable_sort(rows.begin(), rows.end(), [&](const DealerFile* a, const DealerFile* b) {
        double ka = overallEfficiency(*a), kb = overallEfficiency(*b);
        bool na = std::isnan(ka), nb = std::isnan(kb);
        if (na != nb)
            return nb;
        if (!na && ka != kb)
            return ka > kb;
        return std::tie(a->Dealer, a->Month, a->Url) < std::tie(b->Dealer, b->Month, b->Url);
    });
    sal_Int32 r = w.first();
    for (size_t i = 0; i < rows.size(); ++i, ++r) {
        if (w.has(U("排名")))
            w.put(w.col(U("排名")), r, static_cast<double>(i + 1));
        writeWorkshopRow(w, *rows[i], r);
    }
    if (!rows.empty())
        writeWorkshopTotal(w, w.first(), r, monthSerial, rows.size());
}

} // namespace

RollupResult Workflow::writeRollup(const Sequence<DealerFile>& files, const OUString& monthArg, const OUString& outUrl,
                               sal_Bool force)
{
    if (!monthArg.isEmpty() && serialOfMonth(monthArg) < 0)
        throw lang::IllegalArgumentException(U("月份须写成 YYYY-MM，如 2026-11：") + monthArg, {}, 1);
    if (files.getLength() == 0)
        throw lang::IllegalArgumentException(U("没有输入文件，未生成集团汇总。"), {}, 0);
    if (!force && fileExists(ctx_, outUrl))
        throw lang::IllegalArgumentException(U("输出文件已存在（要覆盖请加 force）：") + pathOf(outUrl), {}, 2);
    OUString lower = outUrl.toAsciiLowerCase();
    if (!lower.endsWith(".ods") && !lower.endsWith(".xlsx"))
        throw lang::IllegalArgumentException(U("输出文件须以 .ods 或 .xlsx 结尾。"), {}, 2);

    // Deterministic order: by file, then by what the file holds.
    std::vector<const DealerFile*> all;
    for (const auto& f : files)
        all.push_back(&f);
    std::sort(all.begin(), all.end(), [](const DealerFile* a, const DealerFile* b) {
        return std::tie(a->Url, a->Kind, a->Dealer, a->Month) < std::tie(b->Url, b->Kind, b->Dealer, b->Month);
    });

    std::vector<Issue> issues;
    std::vector<const DealerFile*> usable;
    for (const DealerFile* f : all) {
        if (f->Problems.getLength() > 0) {
            for (const auto& p : f->Problems)
                issues.push_back({pathOf(f->Url), f->Dealer, f->Month, p.TextZh, U("未采用")});
        } else {
            usable.push_back(f);
        }
    }
    // The month: given, or the one most files have (a tie: the later month).
    OUString month = monthArg;
    if (month.isEmpty()) {
        std::map<OUString, int> count;
        for (const DealerFile* f : usable)
            ++count[f->Month];
        int best = 0;
        for (const auto& [m, n] : count)
            if (n >= best)
                best = n, month = m;
    }
    std::map<std::pair<OUString, OUString>, const DealerFile*> taken;  // (kind, dealer) of the month
    std::vector<const DealerFile*> strategy, workshop;
    for (const DealerFile* f : usable) {
        if (f->Month != month) {
            issues.push_back({pathOf(f->Url), f->Dealer, f->Month,
                              U("月份为 ") + f->Month + U("，不是本次汇总的月份 ") + month + U("。"),
                              U("未采用")});
            continue;
        }
        auto [it, inserted] = taken.emplace(std::make_pair(f->Kind, f->Dealer), f);
        if (!inserted) {
            issues.push_back({pathOf(f->Url), f->Dealer, f->Month,
                              U("与 ") + pathOf(it->second->Url) + U(" 重复（同一经销商、同一月份、同一模板），已采用 ") +
                                  pathOf(it->second->Url) + U("。"),
                              U("未采用")});
            continue;
        }
        (f->Kind.equalsAscii(kStrategy) ? strategy : workshop).push_back(f);
        for (const auto& n : f->Notes)
            issues.push_back({pathOf(f->Url), f->Dealer, f->Month, n.TextZh, U("已汇总")});
    }
    std::stable_sort(issues.begin(), issues.end());

    Reference<lang::XComponent> doc = newFromTemplate(ctx_, U("group_summary.ots"));
    try {
        Reference<document::XActionLockable> lockable(doc, uno::UNO_QUERY);
        if (lockable.is())
            lockable->addActionLock();
        Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY_THROW);
        Reference<container::XNameAccess> sheets(sdoc->getSheets(), uno::UNO_QUERY_THROW);
        auto sheetNamed = [&](const OUString& name) {
            if (!sheets->hasByName(name))
                throw lang::IllegalArgumentException(U("模板 集团汇总 缺少工作表 ") + name + U("。"), {}, 0);
            return Reference<sheet::XSpreadsheet>(sheets->getByName(name), uno::UNO_QUERY_THROW);
        };
        const double monthSerial = serialOfMonth(month);
        const bool totalStyle = hasStyle(doc, U("合计"));

        SheetWriter s(sheetNamed(U("汇总")), U("汇总"));
        writeStrategy(s, strategy, monthSerial);
        if (totalStyle && !strategy.empty())
            s.style(s.first() + static_cast<sal_Int32>(strategy.size()), s.lastCol(), U("合计"));

        SheetWriter ws(sheetNamed(U("售后汇总")), U("售后汇总"));
        writeWorkshop(ws, workshop, monthSerial);
        if (totalStyle && !workshop.empty())
            ws.style(ws.first() + static_cast<sal_Int32>(workshop.size()), ws.lastCol(), U("合计"));

        SheetWriter is(sheetNamed(U("问题清单")), U("问题清单"));
        sal_Int32 r = is.first();
        for (const Issue& i : issues) {
            is.put(is.col(U("文件")), r, i.file);
            is.put(is.col(U("经销商")), r, i.dealer);
            if (serialOfMonth(i.month) > 0)
                is.put(is.col(U("月份")), r, serialOfMonth(i.month));
            is.put(is.col(U("原因")), r, i.reason);
            if (is.has(U("处理")))
                is.put(is.col(U("处理")), r, i.action);
            ++r;
        }

        size_t notTaken = 0, notes = 0;
        {
            std::map<OUString, int> seen;
            for (const Issue& i : issues) {
                if (i.action == U("未采用") && seen[i.file]++ == 0)
                    ++notTaken;
                notes += i.action != U("未采用");
            }
        }
        OUString summary = U("月份 ") + month + U("：已汇总 ") +
                           OUString::number(static_cast<sal_Int64>(strategy.size() + workshop.size())) +
                           U(" 个文件（策略表 ") + OUString::number(static_cast<sal_Int64>(strategy.size())) +
                           U(" 个，售后表 ") + OUString::number(static_cast<sal_Int64>(workshop.size())) + U(" 个），未采用 ") +
                           OUString::number(static_cast<sal_Int64>(notTaken)) + U(" 个。");
        for (const auto& [name, value] : std::vector<std::pair<OUString, uno::Any>>{
                 {U("汇总月份"), uno::Any(monthSerial)}, {U("汇总说明"), uno::Any(summary)}}) {
            for (const auto& cell : namedCells(sdoc, name)) {
                double d;
                OUString t;
                if (value >>= d)
                    cell->setValue(d);
                else if (value >>= t)
                    Reference<text::XText>(cell, uno::UNO_QUERY_THROW)->setString(t);
                break;
            }
        }
        if (lockable.is())
            lockable->removeActionLock();
        Reference<sheet::XCalculatable>(doc, uno::UNO_QUERY_THROW)->calculateAll();
        storeByEnding(doc, outUrl);
        closeDocument(doc);
        return RollupResult(outUrl, month, static_cast<sal_Int32>(strategy.size()),
                            static_cast<sal_Int32>(workshop.size()), static_cast<sal_Int32>(notTaken),
                            static_cast<sal_Int32>(notes));
    } catch (...) {
        closeDocument(doc);
        throw;
    }
}

} // namespace dealerkpi::group
