// 集团趋势 (templates.md section 8) worked out from the store's taken months:
// the group's sums, rates pooled over the dealers' sums (never the mean of the
// dealers' rates), month-on-month, year-on-year and year-to-date; per dealer its
// count and rate by month and over the period, ranked. The measures are the
// contract's ([trend.*] in templates/contract.toml). Plain arithmetic, no
// database, no office.
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
    std::map<std::string, double> sum;            // the contract's trend sums
    std::map<std::string, double> rate;           // pooled; absent where a denominator is 0
    std::map<std::string, double> mom, yoy;       // sums: relative change; rates: change in points (0.05)
    std::map<std::string, double> ytd;            // sums from January; rates pooled over them
};

/** One dealer's figures of a month or of the period (the trend's dealer measures). */
struct DealerFigures {
    std::map<std::string, double> sum;
    std::optional<double> count;  // the dealer measure's sum
    std::optional<double> rate;   // the dealer measure's rate, pooled over `sum`
};

/** One dealer of one template kind over the period. */
struct DealerTrend {
    std::string name;
    std::map<std::string, DealerFigures> months;  // month -> figures (taken months only)
    DealerFigures period;                         // summed over from..to, the rate pooled
    int rank = 0;                                 // by the period's rate, 1 = best; dealers without one last
};

struct Trend {
    std::vector<GroupMonth> months;  // from..to, every month (none taken: no sums, no rates)
    // template kind -> dealer code -> its figures
    std::map<std::string, std::map<std::string, DealerTrend>> dealers;
};

/** "2026-11" moved by n months ("2025-11" for -12). */
std::string month_add(const std::string& month, int n);

/** The first month trend needs from the store for from..to: a year before, for year-on-year. */
inline std::string trend_history_from(const std::string& from) { return month_add(from, -12); }

/** The named cells the trend's sums read (what Store::taken needs to fetch). */
std::vector<std::string> trend_cells();

/** The sums of one taken file by the contract's trend measures of its kind. */
std::map<std::string, double> trend_sums(const std::string& kind, const std::vector<Value>& values);

/** The contract's pooled rates over sums (absent where the base is not above 0). */
std::map<std::string, double> trend_rates(const std::map<std::string, double>& sums);

/** Works the trend out of the taken months (and issued counts) from
    trend_history_from(from) to `to`. */
Trend trend_of(const std::vector<TakenMonth>& taken, const std::vector<IssuedCount>& issued,
               const std::string& from, const std::string& to);

}  // namespace dealerkpi::group::store
