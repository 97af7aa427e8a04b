#include "serial_date.hxx"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace dealerkpi::group;

namespace {
constexpr CivilDay kNullDate1904{1904, 1, 1};
}

TEST(SerialDate, MonthOfASerialInThe1899System) {
    EXPECT_EQ(monthOfSerial(46327, kNullDate1899), "2026-11");       // 2026-11-01
    EXPECT_EQ(monthOfSerial(46356.99, kNullDate1899), "2026-11");    // 2026-11-30, late evening
    EXPECT_EQ(monthOfSerial(46357, kNullDate1899), "2026-12");
    EXPECT_EQ(monthOfSerial(45351, kNullDate1899), "2024-02");       // 2024-02-29
    EXPECT_EQ(monthOfSerial(2, kNullDate1899), "1900-01");
    EXPECT_EQ(monthOfSerial(2958465, kNullDate1899), "9999-12");
}

TEST(SerialDate, MonthOfASerialInThe1904System) {
    // the same day is 1462 days fewer from 1904-01-01
    EXPECT_EQ(monthOfSerial(44865, kNullDate1904), "2026-11");
    EXPECT_EQ(monthOfSerial(44894, kNullDate1904), "2026-11");
    EXPECT_EQ(monthOfSerial(44895, kNullDate1904), "2026-12");
    EXPECT_EQ(monthOfSerial(44865, kNullDate1899), "2022-10");  // what reading it as 1899 gives
}

TEST(SerialDate, NoMonthForImplausibleSerials) {
    for (double s : {0.0, 0.5, -1.0, 2958466.0, 1e300, std::numeric_limits<double>::quiet_NaN(),
                     std::numeric_limits<double>::infinity()})
        EXPECT_EQ(monthOfSerial(s, kNullDate1899), "") << s;
    EXPECT_EQ(monthOfSerial(2957003, kNullDate1904), "9999-12");
    EXPECT_EQ(monthOfSerial(2957003 + 1, kNullDate1904), "");
}

TEST(SerialDate, SerialOfAMonthInEitherSystem) {
    EXPECT_EQ(serialOfMonth("2026-11", kNullDate1899), 46327.0);
    EXPECT_EQ(serialOfMonth("2026-11", kNullDate1904), 44865.0);
    EXPECT_EQ(serialOfMonth("1900-01", kNullDate1899), 2.0);
    EXPECT_EQ(serialOfMonth("2024-03", kNullDate1899), 45351.0 + 1);
}

TEST(SerialDate, SerialOfAMonthRoundTrips) {
    for (const CivilDay null : {kNullDate1899, kNullDate1904})
        for (int y : {1905, 2000, 2026, 2099, 9999})
            for (int m = 1; m <= 12; ++m) {
                char month[8];
                std::snprintf(month, sizeof month, "%04d-%02d", y, m);
                const auto serial = serialOfMonth(month, null);
                ASSERT_TRUE(serial) << month;
                EXPECT_EQ(monthOfSerial(*serial, null), month);
                EXPECT_NE(monthOfSerial(*serial - 1, null), month);  // the day before: the month before
            }
}

TEST(SerialDate, NoSerialForWhatIsNoMonth) {
    for (const char* month : {"", "2026-1", "2026-13", "2026-00", "1899-12", "2026/11", "202611", "2026-1a",
                              "2026-11-01", " 2026-11"})
        EXPECT_FALSE(serialOfMonth(month, kNullDate1899)) << month;
}

TEST(SerialDate, SavedTimeAsDaysSince1899) {
    EXPECT_EQ(daysSince1899({2026, 12, 1}, 12, 0, 0, 0), 46357.5);
    EXPECT_DOUBLE_EQ(*daysSince1899({2026, 12, 1}, 10, 5, 7, 250000000), 46357 + (10 * 3600 + 5 * 60 + 7.25) / 86400);
    EXPECT_EQ(daysSince1899({1899, 12, 30}, 0, 0, 0, 0), 0.0);
    EXPECT_FALSE(daysSince1899({0, 0, 0}, 0, 0, 0, 0));   // the office's "unknown"
    EXPECT_FALSE(daysSince1899({2026, 2, 29}, 0, 0, 0, 0));
    EXPECT_FALSE(daysSince1899({2026, 13, 1}, 0, 0, 0, 0));
}

TEST(SerialDate, MomentText) {
    EXPECT_EQ(momentText(46357.5), "2026-12-01T12:00:00.000");
    EXPECT_EQ(momentText(46357 + (10 * 3600 + 5 * 60 + 7.25) / 86400), "2026-12-01T10:05:07.250");
    EXPECT_EQ(momentText(*daysSince1899({2024, 2, 29}, 23, 59, 59, 999000000)), "2024-02-29T23:59:59.999");
    EXPECT_EQ(momentText(25569), "1970-01-01T00:00:00.000");
    EXPECT_EQ(momentText(2958465.5), "9999-12-31T12:00:00.000");
    for (double d : {0.0, -1.0, 2958466.0, std::numeric_limits<double>::quiet_NaN()})
        EXPECT_EQ(momentText(d), "") << d;
}
