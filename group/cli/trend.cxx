// dealerkpi-group trend: the 集团趋势 workbook (templates.md section 8) from the
// store. The arithmetic is group/store/trend.cxx; the figures go to the service
// (writeTrend) as rows named by the template's column titles, and the service
// fills the installed template group_trend through the office.
#include "records.hxx"

#include <iostream>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <org/dealerkpi/group/TrendResult.hpp>

#include "office.hxx"
#include "trend_rows.hxx"

namespace fs = std::filesystem;
using namespace css;

namespace dealerkpi::group {

int run_trend(const Command& c)
{
    const Trend& o = c.trend;
    const fs::path out = fs::absolute(o.out);
    std::error_code ec;
    if (fs::exists(out, ec) && !o.force)
        throw Failure(kNothing, "输出文件已存在，用 --force 覆盖 / output exists (use --force to replace it): " +
                                    out.string());
    StoreOptions so = c.store;
    so.none = false;
    std::unique_ptr<store::Store> s = open_store(so);
    const std::string first = store::trend_history_from(o.from);
    const store::Trend t =
        store::trend_of(s->taken(first, o.to, store::trend_cells()), s->issued_counts(first, o.to), o.from, o.to);
    OfficeSetup setup = prepare_office(c.office);
    Office office(setup, 0);
    office.start();
    org::dealerkpi::group::TrendResult r;
    try {
        auto wf = office.workflow();
        if (!wf.is())
            throw Failure(kNothing, "无法创建集团工作流服务 / cannot create org.dealerkpi.group.Workflow: " +
                                        office.workflow_error());
        r = wf->writeTrend(from_utf8(o.from), from_utf8(o.to), trend_rows(t), file_url(out), o.force);
    } catch (const lang::IllegalArgumentException& e) {
        throw Failure(kNothing, to_utf8(e.Message));
    } catch (const uno::Exception& e) {
        throw Failure(kNothing, "写趋势表时 LibreOffice 出错 / the office failed writing " + out.string() + ": " +
                                    to_utf8(e.Message));
    }
    office.stop();
    std::cout << "dealerkpi-group: " << out.string() << " (" << r.Months << " 个月 months, " << r.DealersStrategy
              << " 个经销商 dealers, " << r.DealersWorkshop << " 个售后 workshops)\n";
    return kOk;
}

}  // namespace dealerkpi::group
