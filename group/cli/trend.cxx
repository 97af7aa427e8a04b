// dealerkpi-group trend: the 集团趋势 workbook (templates.md section 8) from the
// store: the arithmetic is group/store/trend.cxx; here the sheets are written
// through the office into a new spreadsheet, stored under a temporary name in the
// output folder and renamed into place.
#include "records.hxx"

#include <cstdio>
#include <iostream>

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

#include "office.hxx"
#include "trend.hxx"

namespace fs = std::filesystem;
using namespace css;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;

namespace dealerkpi::group {
namespace {

using Row = std::vector<Any>;
struct Sheet {
    std::string name;
    std::vector<std::string> header;
    std::vector<Row> rows;
    std::vector<bool> percent;  // per column
};

Any num(double v) { return Any(v); }
Any opt(const std::map<std::string, double>& m, const std::string& k)
{
    auto it = m.find(k);
    return it == m.end() ? Any() : Any(it->second);
}
Any str(const std::string& s) { return Any(from_utf8(s)); }

beans::PropertyValue prop(const char* name, const Any& value)
{
    beans::PropertyValue p;
    p.Name = rtl::OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

const std::vector<std::string> kCounts{"交车数_目标", "交车数_实际", "订单数_实际", "报价数_实际", "进店线索数_实际",
                                       "线索数_实际"};
const std::vector<std::string> kRates{"订单交车率", "报价订单率", "进店线索报价率", "交车数_达成率"};

Sheet monthly(const store::Trend& t)
{
    Sheet s{"月度", {"月份", "下发经销商数", "采用经销商数", "未交经销商数"}, {}, {}};
    for (const auto& c : kCounts)
        s.header.push_back(c);
    for (const auto& r : kRates)
        s.header.push_back(r);
    for (const auto& k : {"交车数_实际", "交车数_达成率", "订单交车率"}) {
        s.header.push_back(std::string(k) + "_环比");
        s.header.push_back(std::string(k) + "_同比");
    }
    for (const auto& k : {"交车数_目标", "交车数_实际", "交车数_达成率"})
        s.header.push_back(std::string(k) + "_年累计");
    for (const store::GroupMonth& m : t.months) {
        Row r{str(m.month), num(m.issued), num(m.taken), num(std::max(0, m.issued - m.taken))};
        for (const auto& c : kCounts)
            r.push_back(opt(m.sum, c));
        for (const auto& k : kRates)
            r.push_back(opt(m.rate, k));
        for (const auto& k : {"交车数_实际", "交车数_达成率", "订单交车率"})
            r.push_back(opt(m.mom, k)), r.push_back(opt(m.yoy, k));
        for (const auto& k : {"交车数_目标", "交车数_实际", "交车数_达成率"})
            r.push_back(opt(m.ytd, k));
        s.rows.push_back(r);
    }
    for (const std::string& h : s.header)
        s.percent.push_back(h.find("率") != std::string::npos || h.find("环比") != std::string::npos ||
                            h.find("同比") != std::string::npos);
    return s;
}

Sheet dealers(const store::Trend& t)
{
    Sheet s{"经销商", {"经销商代码", "经销商"}, {}, {false, false}};
    for (const store::GroupMonth& m : t.months) {
        s.header.push_back(m.month + " 交车数_实际"), s.percent.push_back(false);
        s.header.push_back(m.month + " 交车数_达成率"), s.percent.push_back(true);
    }
    s.header.insert(s.header.end(), {"交车数_实际_合计", "交车数_达成率_合计", "排名"});
    s.percent.insert(s.percent.end(), {false, true, false});
    std::vector<std::pair<double, std::size_t>> rank;
    for (const auto& [code, dealer] : t.dealers) {
        Row r{str(code), str(dealer.first)};
        double delivered = 0, target = 0;
        for (const store::GroupMonth& m : t.months) {
            auto it = dealer.second.find(m.month);
            r.push_back(it == dealer.second.end() ? Any() : num(it->second.delivered));
            r.push_back(it == dealer.second.end() || !it->second.achievement ? Any() : num(*it->second.achievement));
            if (it != dealer.second.end())
                delivered += it->second.delivered, target += it->second.target;
        }
        r.push_back(num(delivered));
        r.push_back(target > 0 ? num(delivered / target) : Any());
        rank.push_back({target > 0 ? delivered / target : -1, s.rows.size()});
        s.rows.push_back(r);
    }
    std::stable_sort(rank.begin(), rank.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < rank.size(); ++i)
        s.rows[rank[i].second].push_back(num(static_cast<double>(i + 1)));
    return s;
}

Sheet workshop(const store::Trend& t)
{
    Sheet s{"售后",
            {"月份", "下发经销商数", "采用经销商数", "售后产值目标", "可售工时_合计", "生产工时_合计", "销售工时_合计",
             "总效率_合计", "总效率_合计_环比", "总效率_合计_同比"},
            {},
            {false, false, false, false, false, false, false, true, true, true}};
    for (const store::GroupMonth& m : t.months)
        s.rows.push_back(Row{str(m.month), num(m.workshop_issued), num(m.workshop_taken), opt(m.sum, "售后产值目标"),
                             opt(m.sum, "可售工时_合计"), opt(m.sum, "生产工时_合计"), opt(m.sum, "销售工时_合计"),
                             opt(m.rate, "总效率_合计"), opt(m.mom, "总效率_合计"), opt(m.yoy, "总效率_合计")});
    return s;
}

void write_sheet(const Reference<sheet::XSpreadsheet>& sh, const Sheet& s, sal_Int32 percent_key)
{
    const sal_Int32 cols = static_cast<sal_Int32>(s.header.size());
    Sequence<Sequence<Any>> data(static_cast<sal_Int32>(s.rows.size()) + 1);
    Sequence<Any> head(cols);
    for (sal_Int32 c = 0; c < cols; ++c)
        head.getArray()[c] = str(s.header[c]);
    data.getArray()[0] = head;
    for (std::size_t r = 0; r < s.rows.size(); ++r)
        data.getArray()[r + 1] = Sequence<Any>(s.rows[r].data(), cols);
    Reference<sheet::XCellRangeData> range(sh->getCellRangeByPosition(0, 0, cols - 1, data.getLength() - 1),
                                           uno::UNO_QUERY_THROW);
    range->setDataArray(data);
    for (sal_Int32 c = 0; c < cols && data.getLength() > 1; ++c)
        if (s.percent[c])
            Reference<beans::XPropertySet>(sh->getCellRangeByPosition(c, 1, c, data.getLength() - 1),
                                           uno::UNO_QUERY_THROW)
                ->setPropertyValue("NumberFormat", Any(percent_key));
}

void write_book(const Reference<uno::XComponentContext>& ctx, const std::vector<Sheet>& sheets, const fs::path& out)
{
    Reference<frame::XDesktop2> desktop = frame::Desktop::create(ctx);
    Sequence<beans::PropertyValue> hidden(1);
    hidden.getArray()[0] = prop("Hidden", Any(true));
    Reference<lang::XComponent> doc = desktop->loadComponentFromURL("private:factory/scalc", "_blank", 0, hidden);
    Reference<sheet::XSpreadsheetDocument> sdoc(doc, uno::UNO_QUERY_THROW);
    auto formats = Reference<util::XNumberFormatsSupplier>(doc, uno::UNO_QUERY_THROW)->getNumberFormats();
    sal_Int32 percent = formats->queryKey("0.0%", lang::Locale(), false);
    if (percent < 0)
        percent = formats->addNew("0.0%", lang::Locale());
    auto all = sdoc->getSheets();
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        rtl::OUString name = from_utf8(sheets[i].name);
        if (i == 0)
            Reference<container::XNamed>(all->getByName(all->getElementNames()[0]), uno::UNO_QUERY_THROW)->setName(name);
        else
            all->insertNewByName(name, static_cast<sal_Int16>(i));
        write_sheet(Reference<sheet::XSpreadsheet>(all->getByName(name), uno::UNO_QUERY_THROW), sheets[i], percent);
    }
    auto props = Reference<document::XDocumentPropertiesSupplier>(doc, uno::UNO_QUERY_THROW)->getDocumentProperties();
    Reference<beans::XPropertyContainer>(props->getUserDefinedProperties(), uno::UNO_QUERY_THROW)
        ->addProperty(from_utf8("DealerKPI模板"), beans::PropertyAttribute::REMOVABLE, Any(from_utf8("group_trend")));
    const bool xlsx = out.extension() == ".xlsx";
    fs::path tmp = out.parent_path() / (".~" + out.filename().string() + ".tmp");
    Sequence<beans::PropertyValue> args(2);
    args.getArray()[0] = prop("FilterName", Any(rtl::OUString::createFromAscii(xlsx ? "Calc MS Excel 2007 XML" : "calc8")));
    args.getArray()[1] = prop("Overwrite", Any(true));
    Reference<frame::XStorable>(doc, uno::UNO_QUERY_THROW)->storeToURL(file_url(tmp), args);
    Reference<util::XCloseable>(doc, uno::UNO_QUERY_THROW)->close(true);
    fs::rename(tmp, out);
}

}  // namespace

int run_trend(const Command& c)
{
    const Trend& o = c.trend;
    fs::path out = fs::absolute(o.out);
    std::error_code ec;
    if (fs::exists(out, ec) && !o.force)
        throw Failure(kNothing, "输出文件已存在，用 --force 覆盖 / output exists (use --force to replace it): " +
                                    out.string());
    if (fs::is_symlink(out, ec))
        throw Failure(kNothing, "输出是符号链接，不写入 / the output is a symbolic link: " + out.string());
    StoreOptions so = c.store;
    so.none = false;
    std::unique_ptr<store::Store> s = open_store(so);
    const std::string first = store::trend_history_from(o.from);
    store::Trend t = store::trend_of(s->taken(first, o.to), s->issued_counts(first, o.to), o.from, o.to);
    OfficeSetup setup = prepare_office(c.office);
    Office office(setup, 0);
    office.start();
    try {
        write_book(office.context(), {monthly(t), dealers(t), workshop(t)}, out);
    } catch (const uno::Exception& e) {
        throw Failure(kNothing, "写趋势表时 LibreOffice 出错 / the office failed writing " + out.string() + ": " +
                                    to_utf8(e.Message));
    }
    office.stop();
    std::cout << "dealerkpi-group: " << out.string() << " (" << t.months.size() << " 个月 months, " << t.dealers.size()
              << " 个经销商 dealers)\n";
    return kOk;
}

}  // namespace dealerkpi::group
