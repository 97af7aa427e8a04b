// 集团趋势 (templates.md section 8) worked out from the store's taken months:
// the group's sums, rates pooled over the dealers' counts (never the mean of the
// dealers' rates), month-on-month, year-on-year and year-to-date; per dealer its
// deliveries and achievement by month. Plain arithmetic, no database, no office.
#pragma once

#include "store.hxx"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dealerkpi::group::store {

/** The group's figures of one month. */
struct GroupMonth {
    std::string month;
    int issued = 0, taken = 0;                    // strategy tables
    int workshop_issued = 0, workshop_taken = 0;  // workshop tables
    std::map<std::string, double> sum;            // counts, targets, hours (name_合计), 售后产值目标
    std::map<std::string, double> rate;           // pooled; absent where a denominator is 0
    std::map<std::string, double> mom, yoy;       // counts: relative change; rates: change in points (0.05)
    std::map<std::string, double> ytd;            // counts summed from January; rates pooled over them
};

/** One dealer's month. */
struct DealerMonth {
    double delivered = 0, target = 0;
    std::optional<double> achievement;  // delivered / target
};

struct Trend {
    std::vector<GroupMonth> months;  // from..to, every month (none taken: zero counts, no rates)
    // dealer code -> (name, month -> figures), strategy tables only
    std::map<std::string, std::pair<std::string, std::map<std::string, DealerMonth>>> dealers;
};

/** "2026-11" moved by n months ("2025-11" for -12). */
std::string month_add(const std::string& month, int n);

/** The first month trend needs from the store for from..to: a year before, for year-on-year. */
inline std::string trend_history_from(const std::string& from) { return month_add(from, -12); }

/** Works the trend out of the taken months (and issued counts) from
    trend_history_from(from) to `to`. */
Trend trend_of(const std::vector<TakenMonth>& taken, const std::vector<IssuedCount>& issued,
               const std::string& from, const std::string& to);

}  // namespace dealerkpi::group::store
