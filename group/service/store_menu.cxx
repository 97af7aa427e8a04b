// The group's store seen from the service: who has sent (经销商提交情况) and
// 集团趋势 from the store, for the DealerKPI menu (the command line reads the
// store itself and calls writeTrend).
#include "workflow.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>

#include "store.hxx"
#include "trend_rows.hxx"

using namespace css;

namespace dealerkpi::group {
namespace {

std::string utf8(const OUString& s) { return std::string(s.toUtf8().getStr()); }
OUString text(const std::string& s) { return OUString::fromUtf8(s.c_str()); }

std::unique_ptr<store::Store> openStore(const OUString& where)
{
    try {
        return store::Store::open(where.isEmpty() ? store::Store::default_location() : utf8(where));
    } catch (const std::exception& e) {  // StoreError, and SOCI's own for a store it cannot reach
        throw lang::IllegalArgumentException(text(e.what()), {}, 0);
    }
}

/** "YYYY-MM" of a month as people write it (2026-11, 2026/11, 2026年11月); throws when it is none. */
OUString checkMonth(const OUString& typed)
{
    const OUString month = normalMonth(typed);
    if (month.isEmpty())
        throw lang::IllegalArgumentException(
            U("月份须写成 2026-11、2026/11 或 2026年11月 / the month must be written as 2026-11: ") + typed, {}, 1);
    return month;
}

Problem reasonOf(const store::StatusLine& l)
{
    if (l.taken)
        return Problem();
    if (l.returned == 0)
        return problem("not_submitted", OUString(), U("未提交"), U("not submitted"));
    const OUString both = text(l.reason_text.empty() ? "未采用 / not taken" : l.reason_text);
    const sal_Int32 at = both.indexOf(U(" / "));
    return problem("not_taken", OUString(), at < 0 ? both : both.copy(0, at), at < 0 ? both : both.copy(at + 3));
}

} // namespace

Sequence<SubmissionStatus> Workflow::submissionStatus(const OUString& where, const OUString& typedMonth,
                                                      const OUString& templateKind)
{
    const OUString month = checkMonth(typedMonth);
    std::vector<SubmissionStatus> out;
    try {
        for (const store::StatusLine& l : openStore(where)->status(utf8(month), utf8(templateKind)))
            out.emplace_back(text(l.dealer_code), text(l.dealer_name), text(l.kind), text(l.issued_file), l.returned,
                             l.taken, reasonOf(l));
    } catch (const std::exception& e) {
        throw lang::IllegalArgumentException(text(e.what()), {}, 0);
    }
    return Sequence<SubmissionStatus>(out.data(), static_cast<sal_Int32>(out.size()));
}

TrendResult Workflow::writeTrendFromStore(const OUString& where, const OUString& typedFrom, const OUString& typedTo,
                                          const OUString& outUrl, sal_Bool force)
{
    const OUString fromMonth = checkMonth(typedFrom), toMonth = checkMonth(typedTo);
    Sequence<TrendRow> rows;
    try {
        auto s = openStore(where);
        const std::string from = utf8(fromMonth), to = utf8(toMonth), first = store::trend_history_from(from);
        rows = trend_rows(
            store::trend_of(s->taken(first, to, store::trend_cells()), s->issued_counts(first, to), from, to));
    } catch (const std::exception& e) {
        throw lang::IllegalArgumentException(text(e.what()), {}, 0);
    }
    return writeTrend(fromMonth, toMonth, rows, outUrl, force);
}

} // namespace dealerkpi::group
