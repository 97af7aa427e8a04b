#include "month.hxx"

#include <gtest/gtest.h>

using dealerkpi::group::normalMonth;

TEST(NormalMonth, EverySpellingTheTemplatesAccept) {
    for (const char* typed : {"2026-11", "2026/11", "2026.11", "2026年11月", " 2026-11 "})
        EXPECT_EQ(normalMonth(typed), "2026-11") << typed;
    for (const char* typed : {"2026-1", "2026-01", "2026/1", "2026年1月", "2026年01月"})
        EXPECT_EQ(normalMonth(typed), "2026-01") << typed;
}

TEST(NormalMonth, TheYearsOfTheTemplatesMonthRule) {
    EXPECT_EQ(normalMonth("2000-01"), "2000-01");
    EXPECT_EQ(normalMonth("2099-12"), "2099-12");
    EXPECT_EQ(normalMonth("1999-12"), "");
    EXPECT_EQ(normalMonth("1899-12"), "");
    EXPECT_EQ(normalMonth("2100-01"), "");
}

TEST(NormalMonth, AnythingElseIsNoMonth) {
    for (const char* typed : {"", "  ", "2026-11 这是假的", "2026-13", "2026-00", "202611", "2026-111", "26-11",
                              "2026年11", "11月", "2026-11-01", "2026--11", "+2026-11", "2026-1a", "２０２６-11",
                              "2026年11月份", "2026-11月"})
        EXPECT_EQ(normalMonth(typed), "") << typed;
}
