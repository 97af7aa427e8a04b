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

#include <cstdio>
#include <cstdlib>

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
    size_t order = 0;  // the reasons of one file in the order they were found (the template's order)
    bool operator<(const Issue& o) const
    {
        return std::tie(file, action, order) < std::tie(o.file, o.action, o.order);
    }
};

const char kNotTaken[] = "未采用";
const char kTaken[] = "已汇总";
const char kSuperseded[] = "已被替代";

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
    /** `nullDate`: the workbook's, for the months it writes as dates. */
    SheetWriter(const Reference<sheet::XSpreadsheet>& sheet, const OUString& sheetName, CivilDay nullDate)
        : sheet_(sheet), nullDate_(nullDate)
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
    /** "YYYY-MM" as the date of its first day (nothing for what is no month). */
    void putMonth(sal_Int32 c, sal_Int32 r, const OUString& month)
    {
        const double serial = dateSerialOfMonth(month, nullDate_);
        if (serial >= 0)
            put(c, r, serial);
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
    CivilDay nullDate_;
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

/** Ranks the rows by `key` (a number of a file), highest first and those
    without one (NaN) last; ties and the rest by dealer, month and file. */
template <class Key>
void rank(std::vector<const DealerFile*>& rows, Key key)
{
    std::stable_sort(rows.begin(), rows.end(), [&](const DealerFile* a, const DealerFile* b) {
        double ka = key(*a), kb = key(*b);
        bool na = std::isnan(ka), nb = std::isnan(kb);
        if (na != nb)
            return nb;
        if (!na && ka != kb)
            return ka > kb;
        return std::tie(a->Dealer, a->Month, a->Url) < std::tie(b->Dealer, b->Month, b->Url);
    });
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
    rank(rows, [&](const DealerFile& f) { return ratio(number(f, rankActual), number(f, rankBase)); });
    const auto& names = contractNames(OUString::createFromAscii(kStrategy));
    sal_Int32 r = w.first();
    const bool rank = w.has(U("排名")), file = w.has(U("文件"));
    for (size_t i = 0; i < rows.size(); ++i, ++r) {
        const DealerFile& f = *rows[i];
        if (rank)
            w.put(w.col(U("排名")), r, static_cast<double>(i + 1));
        w.put(w.col(U("经销商")), r, f.Dealer);
        w.putMonth(w.col(U("月份")), r, f.Month);
        for (size_t n = 2; n < names.size(); ++n)
            w.put(w.col(names[n]), r, number(f, names[n]));
        for (const auto& [title, actual, base] : achievements(kStrategy)) {
            OUString a = ref(w.col(actual), r), b = ref(w.col(base), r);
            w.formula(w.col(title), r,
                      "=IF(AND(ISNUMBER(" + a + ");ISNUMBER(" + b + ");N(" + b + ")>0);" + a + "/" + b + ";\"\")");
        }
        if (file)
            w.put(w.col(U("文件")), r, shownPath(f.Url));
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
    w.putMonth(w.col(U("月份")), r, f.Month);
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
        w.put(w.col(U("文件")), r, shownPath(f.Url));
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
    rank(rows, overallEfficiency);
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

namespace {

/** What the roll-up takes and why not the rest. */
struct Selection
{
    OUString month;
    std::vector<Issue> issues;
    std::vector<const DealerFile*> strategy, workshop;
    std::vector<const DealerFile*> refused;  // files the roll-up itself did not take (month, duplicate)
};

void listProblems(const DealerFile& f, Selection& s)
{
    size_t order = 0;
    for (const auto& p : f.Problems)
        s.issues.push_back({shownPath(f.Url), f.Dealer, f.Month, p.TextZh + U(" / ") + p.TextEn, U(kNotTaken), order++});
}

/** The month given, or the one most files have; a tie is refused. */
OUString monthOf(const std::vector<const DealerFile*>& usable, const OUString& given)
{
    if (!given.isEmpty())
        return given;
    std::map<OUString, int> count;
    for (const DealerFile* f : usable)
        ++count[f->Month];
    int best = 0;
    OUString month, tied;
    for (const auto& [m, n] : count) {
        if (n > best)
            best = n, month = m, tied.clear();
        else if (n == best)
            tied += (tied.isEmpty() ? month : OUString()) + U("、") + m;
    }
    if (!tied.isEmpty())
        throw lang::IllegalArgumentException(U("几个月份的文件一样多（") + tied +
                                                 U("），请用 --month 指定汇总的月份 / as many files of one month as "
                                                   "of another: name the month with --month"),
                                             {}, 1);
    return month;
}

/** Who a file says it is: its dealer code, else (unstamped) its dealer's name. */
OUString claimOf(const DealerFile& f) { return f.Code.isEmpty() ? U("N:") + f.Dealer : U("C:") + f.Code; }

/** Files that claim one dealer-month of one kind: unstamped files join the
    stamped ones of the same dealer name, so that a file without a code cannot
    stand beside (or push out) the dealer's own. */
std::vector<std::vector<const DealerFile*>> claims(const std::vector<const DealerFile*>& files)
{
    std::map<std::pair<OUString, OUString>, std::vector<const DealerFile*>> byClaim;
    std::map<std::pair<OUString, OUString>, OUString> codeOfName;
    for (const DealerFile* f : files)
        if (!f->Code.isEmpty())
            codeOfName.emplace(std::make_pair(f->Kind, f->Dealer), claimOf(*f));
    for (const DealerFile* f : files) {
        OUString claim = claimOf(*f);
        auto named = codeOfName.find(std::make_pair(f->Kind, f->Dealer));
        if (f->Code.isEmpty() && named != codeOfName.end())
            claim = named->second;
        byClaim[std::make_pair(f->Kind, claim)].push_back(f);
    }
    std::vector<std::vector<const DealerFile*>> out;
    for (auto& [key, group] : byClaim)
        out.push_back(group);
    return out;
}

/** Of several files claiming one dealer-month, the later save of one issue; null when none. */
const DealerFile* laterSave(const std::vector<const DealerFile*>& group)
{
    const DealerFile* best = nullptr;
    bool tie = false;
    for (const DealerFile* f : group) {
        if (f->Code.isEmpty() || f->Issue.isEmpty() || f->Issue != group.front()->Issue || f->Saved <= 0)
            return nullptr;
        if (!best || f->Saved > best->Saved)
            best = f, tie = false;
        else if (f->Saved == best->Saved)
            tie = true;
    }
    return tie ? nullptr : best;
}

void decideClaim(const std::vector<const DealerFile*>& group, Selection& s)
{
    const DealerFile* keep = group.size() == 1 ? group.front() : laterSave(group);
    OUString names;
    for (const DealerFile* f : group)
        names += (names.isEmpty() ? OUString() : U("、")) + shownPath(f->Url);
    for (const DealerFile* f : group) {
        if (f == keep) {
            (f->Kind.equalsAscii(kStrategy) ? s.strategy : s.workshop).push_back(f);
            size_t order = 0;
            for (const auto& n : f->Notes)
                s.issues.push_back({shownPath(f->Url), f->Dealer, f->Month, n.TextZh + U(" / ") + n.TextEn, U(kTaken), order++});
            continue;
        }
        s.refused.push_back(f);
        if (keep)
            s.issues.push_back({shownPath(f->Url), f->Dealer, f->Month,
                                U("已被同一下发文件的较新保存替代：") + shownPath(keep->Url) +
                                    U(" / superseded by a later save of the same issued file"),
                                U(kSuperseded), 0});
        else
            s.issues.push_back({shownPath(f->Url), f->Dealer, f->Month,
                                U("以下文件声称同一经销商、同一月份、同一模板，均未采用：") + names +
                                    U(" / these files claim one dealer-month; none was taken"),
                                U(kNotTaken), 0});
    }
}

Selection select(const Sequence<DealerFile>& files, const OUString& monthArg)
{
    std::vector<const DealerFile*> all;
    for (const auto& f : files)
        all.push_back(&f);
    std::sort(all.begin(), all.end(), [](const DealerFile* a, const DealerFile* b) {
        return std::tie(a->Url, a->Kind, a->Dealer, a->Month) < std::tie(b->Url, b->Kind, b->Dealer, b->Month);
    });
    Selection s;
    std::vector<const DealerFile*> usable, ofMonth;
    for (const DealerFile* f : all)
        (f->Problems.hasElements() ? (listProblems(*f, s), s.refused) : usable).push_back(f);
    s.month = monthOf(usable, monthArg);
    for (const DealerFile* f : usable) {
        if (f->Month == s.month) {
            ofMonth.push_back(f);
            continue;
        }
        s.refused.push_back(f);
        s.issues.push_back({shownPath(f->Url), f->Dealer, f->Month,
                            U("月份为 ") + f->Month + U("，不是本次汇总的月份 ") + s.month + U(" / of another month"),
                            U(kNotTaken), 0});
    }
    for (const auto& group : claims(ofMonth))
        decideClaim(group, s);
    std::stable_sort(s.issues.begin(), s.issues.end());
    return s;
}

Reference<sheet::XSpreadsheet> sheetNamed(const Reference<sheet::XSpreadsheetDocument>& doc, const OUString& name)
{
    Reference<container::XNameAccess> sheets(doc->getSheets(), uno::UNO_QUERY_THROW);
    if (!sheets->hasByName(name))
        throw lang::IllegalArgumentException(U("模板 集团汇总 缺少工作表 ") + name, {}, 0);
    return Reference<sheet::XSpreadsheet>(sheets->getByName(name), uno::UNO_QUERY_THROW);
}

void writeIssues(const Reference<sheet::XSpreadsheetDocument>& doc, const std::vector<Issue>& issues)
{
    SheetWriter is(sheetNamed(doc, U("问题清单")), U("问题清单"), nullDateOf(doc));
    sal_Int32 r = is.first();
    for (const Issue& i : issues) {
        is.put(is.col(U("文件")), r, i.file);
        is.put(is.col(U("经销商")), r, i.dealer);
        is.putMonth(is.col(U("月份")), r, i.month);
        is.put(is.col(U("原因")), r, i.reason);
        if (is.has(U("处理")))
            is.put(is.col(U("处理")), r, i.action);
        ++r;
    }
}

OUString summaryOf(const Selection& s, size_t files)
{
    const size_t taken = s.strategy.size() + s.workshop.size();
    return U("月份 ") + s.month + U("：已汇总 ") + OUString::number(static_cast<sal_Int64>(taken)) + U(" 个文件（策略表 ") +
           OUString::number(static_cast<sal_Int64>(s.strategy.size())) + U(" 个，售后表 ") +
           OUString::number(static_cast<sal_Int64>(s.workshop.size())) + U(" 个），未采用 ") +
           OUString::number(static_cast<sal_Int64>(files - taken)) + U(" 个 / month ") + s.month + U(": ") +
           OUString::number(static_cast<sal_Int64>(taken)) + U(" files taken, ") +
           OUString::number(static_cast<sal_Int64>(files - taken)) + U(" not taken.");
}

void setNamed(const Reference<sheet::XSpreadsheetDocument>& doc, const OUString& name, const uno::Any& value)
{
    const auto cells = namedCells(doc, name);
    if (!cells.empty())
        setCell(cells.front(), value);
}

void fillWorkbook(const Reference<lang::XComponent>& doc, const Selection& s, const OUString& summary)
{
    Reference<document::XActionLockable> lockable(doc, uno::UNO_QUERY);
    if (lockable.is())
        lockable->addActionLock();
    Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY_THROW);
    const CivilDay nullDate = nullDateOf(sdoc);
    const double monthSerial = dateSerialOfMonth(s.month, nullDate);
    const bool totalStyle = hasStyle(doc, U("合计"));
    SheetWriter st(sheetNamed(sdoc, U("汇总")), U("汇总"), nullDate);
    writeStrategy(st, s.strategy, monthSerial);
    if (totalStyle && !s.strategy.empty())
        st.style(st.first() + static_cast<sal_Int32>(s.strategy.size()), st.lastCol(), U("合计"));
    SheetWriter ws(sheetNamed(sdoc, U("售后汇总")), U("售后汇总"), nullDate);
    writeWorkshop(ws, s.workshop, monthSerial);
    if (totalStyle && !s.workshop.empty())
        ws.style(ws.first() + static_cast<sal_Int32>(s.workshop.size()), ws.lastCol(), U("合计"));
    writeIssues(sdoc, s.issues);
    setNamed(sdoc, U("汇总月份"), uno::Any(monthSerial));
    setNamed(sdoc, U("汇总说明"), uno::Any(summary));
    if (lockable.is())
        lockable->removeActionLock();
    Reference<sheet::XCalculatable>(doc, uno::UNO_QUERY_THROW)->calculateAll();
}

/** For the command line's tests of an office lost while writing: abort once, with
    the workbook stored beside the output and not yet renamed into place (the marker
    file beside the output says it happened). */
void testCrashWhileWriting([[maybe_unused]] const OUString& outUrl)
{
#ifdef DEALERKPI_TEST_HOOKS  // a release build has no such door
    const char* crash = std::getenv("DEALERKPI_GROUP_TEST_CRASH");
    if (!crash || !*crash || fileNameOfUrl(outUrl) != OUString::fromUtf8(crash))
        return;
    OString marker = OUStringToOString(shownPath(outUrl) + ".crashed", RTL_TEXTENCODING_UTF8);
    if (std::FILE* f = std::fopen(marker.getStr(), "wx")) {
        std::fclose(f);
        std::abort();
    }
#endif
}

/** The files the roll-up itself did not take, each with its reason as its one Problem. */
Sequence<DealerFile> refusedFiles(const Selection& s)
{
    std::vector<DealerFile> out;
    for (const DealerFile* f : s.refused) {
        if (f->Problems.hasElements())
            continue;
        for (const Issue& i : s.issues)
            if (i.file == shownPath(f->Url) && i.action != U(kTaken)) {
                DealerFile d(*f);
                const sal_Int32 at = i.reason.indexOf(U(" / "));
                d.Problems = seq<Problem>({problem(i.action == U(kSuperseded) ? "superseded" : "not_taken", OUString(),
                                                   i.reason.copy(0, at < 0 ? i.reason.getLength() : at),
                                                   at < 0 ? i.reason : i.reason.copy(at + 3))});
                out.push_back(d);
                break;
            }
    }
    return Sequence<DealerFile>(out.data(), static_cast<sal_Int32>(out.size()));
}

} // namespace

RollupResult Workflow::writeRollup(const Sequence<DealerFile>& files, const OUString& monthTyped,
                                   const OUString& outUrl, sal_Bool force)
{
    const OUString monthArg = normalMonth(monthTyped);
    if (!monthTyped.trim().isEmpty() && monthArg.isEmpty())
        throw lang::IllegalArgumentException(U("月份须写成 2026-11 或 2026年11月：") + monthTyped +
                                                 " / the month must be written as 2026-11: " + monthTyped, {}, 1);
    if (files.getLength() == 0)
        throw lang::IllegalArgumentException(U("没有输入文件，未生成集团汇总 / no input files"), {}, 0);
    if (!force && fileExists(ctx_, outUrl))
        throw lang::IllegalArgumentException(
            U("输出文件已存在（要覆盖请加 force）/ the output exists (force replaces it): ") + shownPath(outUrl), {}, 2);
    const Selection s = select(files, monthArg);
    const OUString summary = summaryOf(s, static_cast<size_t>(files.getLength()));
    Reference<lang::XComponent> doc = newFromTemplate(ctx_, U("group_summary.ots"));
    try {
        fillWorkbook(doc, s, summary);
        const OUString part = storeBeside(doc, outUrl);
        testCrashWhileWriting(outUrl);
        testStallWhileWriting(outUrl);
        renameIntoPlace(part, outUrl, force);
    } catch (...) {
        closeDocument(doc);
        throw;
    }
    closeDocument(doc);
    RollupResult result;
    result.Url = outUrl;
    result.Month = s.month;
    result.TakenStrategy = static_cast<sal_Int32>(s.strategy.size());
    result.TakenWorkshop = static_cast<sal_Int32>(s.workshop.size());
    result.NotTaken = files.getLength() - result.TakenStrategy - result.TakenWorkshop;
    result.Notes = static_cast<sal_Int32>(
        std::count_if(s.issues.begin(), s.issues.end(), [](const Issue& i) { return i.action == U(kTaken); }));
    result.Refused = refusedFiles(s);
    return result;
}

} // namespace dealerkpi::group
