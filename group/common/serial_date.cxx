#include "serial_date.hxx"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cmath>
#include <cstdio>

namespace dealerkpi::group {
namespace {

namespace bg = boost::gregorian;

constexpr long long kMsPerDay = 86400000;

bool isDay(CivilDay d)
{
    return d.year >= 1400 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= bg::gregorian_calendar::end_of_month_day(d.year, d.month);
}

bg::date dateOf(CivilDay d) { return bg::date(d.year, d.month, d.day); }

/** The day `days` after `origin`, when it is no later than 9999-12-31. */
std::optional<bg::date> dayAfter(const bg::date& origin, long long days)
{
    if (days > (bg::date(9999, 12, 31) - origin).days())
        return std::nullopt;
    return origin + bg::days(static_cast<long>(days));
}

}  // namespace

std::string monthOfSerial(double serial, CivilDay nullDate)
{
    if (!std::isfinite(serial) || serial < 1 || serial > 1e7)
        return {};
    const auto d = dayAfter(dateOf(nullDate), static_cast<long long>(std::floor(serial)));
    if (!d)
        return {};
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d", static_cast<int>(d->year()), static_cast<int>(d->month()));
    return out;
}

std::optional<double> serialOfMonth(std::string_view month, CivilDay nullDate)
{
    if (month.size() != 7 || month[4] != '-')
        return std::nullopt;
    for (std::size_t i : {0, 1, 2, 3, 5, 6})
        if (month[i] < '0' || month[i] > '9')
            return std::nullopt;
    const int y = std::stoi(std::string(month.substr(0, 4))), m = std::stoi(std::string(month.substr(5, 2)));
    if (y < 1900 || m < 1 || m > 12)
        return std::nullopt;
    return static_cast<double>((bg::date(y, m, 1) - dateOf(nullDate)).days());
}

std::optional<double> daysSince1899(CivilDay day, int hours, int minutes, int seconds, long nanoseconds)
{
    if (!isDay(day))
        return std::nullopt;
    const double time = hours * 3600.0 + minutes * 60.0 + seconds + nanoseconds / 1e9;
    return static_cast<double>((dateOf(day) - dateOf(kNullDate1899)).days()) + time / 86400;
}

std::string momentText(double daysSince1899)
{
    if (!(daysSince1899 > 0) || daysSince1899 > 1e7)
        return {};
    const long long ms = std::llround(daysSince1899 * kMsPerDay);
    const auto d = dayAfter(dateOf(kNullDate1899), ms / kMsPerDay);
    if (!d)
        return {};
    const long long t = ms % kMsPerDay;
    char out[40];
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02lld:%02lld:%02lld.%03lld", static_cast<int>(d->year()),
                  static_cast<int>(d->month()), static_cast<int>(d->day()), t / 3600000, t / 60000 % 60,
                  t / 1000 % 60, t % 1000);
    return out;
}

}  // namespace dealerkpi::group
