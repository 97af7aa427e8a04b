// Spreadsheet date serials: a day counted from the document's null date (Calc's
// default 1899-12-30; 1904-01-01 in the 1904 date system, Excel's Mac option),
// the fraction being the time of day. Plain C++ over Boost.Date_Time, for the
// service and the store alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dealerkpi::group {

/** A civil day (proleptic Gregorian), as a document's null date is given. */
struct CivilDay
{
    int year, month, day;
};

/** Calc's default null date, and the origin of the saved time the service reports. */
constexpr CivilDay kNullDate1899{1899, 12, 30};

/** "YYYY-MM" of the day `serial` counts from `nullDate`; empty when it is no
    plausible date (not finite, below 1, or past 9999-12-31). */
std::string monthOfSerial(double serial, CivilDay nullDate);  // nullDate: a valid day (else std::out_of_range)

/** The serial, counted from `nullDate`, of the first day of `month` ("YYYY-MM",
    a year from 1900 to 9999); nullopt when `month` is not of that form. */
std::optional<double> serialOfMonth(std::string_view month, CivilDay nullDate);

/** A moment as days since 1899-12-30, the fraction the time of day (the service's
    saved time); nullopt when `day` is no date. */
std::optional<double> daysSince1899(CivilDay day, int hours, int minutes, int seconds, long nanoseconds);

/** Days since 1899-12-30 as sortable text "YYYY-MM-DDTHH:MM:SS.mmm" (rounded to the
    millisecond); empty when not a positive finite number or past 9999-12-31. */
std::string momentText(double daysSince1899);

}  // namespace dealerkpi::group
