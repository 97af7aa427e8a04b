// The portable rewrite of formulas: every template form gets its twin, nesting,
// strings, quoted sheet names and inline arrays are kept, unknown forms are listed.
#include "portable.hxx"

#include <gtest/gtest.h>

using dealerkpi::group::portable::convert;

TEST(Portable, CellRateBecomesDivision)
{
    auto c = convert(R"(=IF(AND(ISNUMBER(B25);ISNUMBER(B15));IF(B15>0;ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE(B25;B15);"");""))");
    EXPECT_EQ(c.formula, R"(=IF(AND(ISNUMBER(B25);ISNUMBER(B15));IF(B15>0;(IF(OR(B25<0;B15<0);"计数不能为负";B25/B15));"");""))");
    EXPECT_EQ(c.replaced, 1);
    EXPECT_TRUE(c.missing.empty());
}

TEST(Portable, DisplayNameAndLowerCaseStoredNameAreFound)
{
    EXPECT_EQ(convert("=FUNNEL_TARGET(G6;F6)").formula, R"(=(IF(F6>0;G6/F6;"比率须大于0")))");
    EXPECT_EQ(convert("=org.dealerkpi.calc.functions.funneltarget(G6;F6)").replaced, 1);
}

TEST(Portable, GuardAndPooledRateWithSheetNames)
{
    auto c = convert("=IF(SUMPRODUCT(ISNUMBER($'报告 1'.G7:I7);ISNUMBER(G6:I6);G6:I6>0)=0;\"\";"
                     "ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE($'报告 1'.G7:I7;G6:I6))");
    EXPECT_EQ(c.replaced, 2);
    EXPECT_EQ(c.formula.find("SUMPRODUCT"), std::string::npos);
    EXPECT_NE(c.formula.find(R"(COUNTIFS($'报告 1'.G7:I7;">=0";G6:I6;">0"))"), std::string::npos);
    EXPECT_NE(c.formula.find(R"(SUMIFS($'报告 1'.G7:I7;$'报告 1'.G7:I7;">=0";G6:I6;">=0"))"), std::string::npos);
}

TEST(Portable, KeywordPicksTheMeasure)
{
    EXPECT_EQ(convert(R"(=WORKSHOP_EFFICIENCY(E9;D9;C9;"工时效率"))").formula,
              R"(=(IF(OR(E9<0;D9<0);"工时不能为负";E9/D9)))");
    EXPECT_EQ(convert(R"(=WORKSHOP_EFFICIENCY(E9;D9;C9;"生产率"))").formula, R"(=(IF(OR(D9<0;C9<0);"工时不能为负";D9/C9)))");
}

TEST(Portable, NestedCallsAndExpressionsAreParenthesised)
{
    auto c = convert("=FUNNEL_TARGET(FUNNEL_TARGET(A1+1;B1);C1)");
    EXPECT_EQ(c.replaced, 2);
    EXPECT_EQ(c.formula, R"(=(IF(C1>0;((IF(B1>0;(A1+1)/B1;"比率须大于0")))/C1;"比率须大于0")))");
}

TEST(Portable, StringsWithSeparatorsAndParenthesesStayWhole)
{
    auto c = convert(R"f(=IF(A1="x;(FUNNEL_RATE(A1;B1)";FUNNEL_RATE(A1;B1);"a""b"))f");
    EXPECT_EQ(c.replaced, 1);
    EXPECT_EQ(c.formula.find("\"x;(FUNNEL_RATE(A1;B1)\""), 7u);
    EXPECT_NE(c.formula.find("\"a\"\"b\""), std::string::npos);
}

TEST(Portable, FormsWithoutTwinAreListedAndKept)
{
    auto c = convert("=ORG.DEALERKPI.CALC.FUNCTIONS.TIEREDBONUS(150000;{0|100000};{0.02|0.03})+SUM(A1:A3)");
    EXPECT_EQ(c.replaced, 0);
    ASSERT_EQ(c.missing.size(), 1u);
    // named as the user knows the function (a message shows it), the formula itself kept
    EXPECT_EQ(c.missing[0], "TIERED_BONUS(150000;{0|100000};{0.02|0.03})");
    EXPECT_EQ(c.formula, "=ORG.DEALERKPI.CALC.FUNCTIONS.TIEREDBONUS(150000;{0|100000};{0.02|0.03})+SUM(A1:A3)");
    // A range where the twin takes one cell is no match either.
    EXPECT_EQ(convert("=FUNNEL_RATE(A1;B1:B3)").missing.size(), 1u);
}

TEST(Portable, SplitKeepsItsArguments)
{
    auto c = convert("=IF(AND(ISNUMBER(E8));ORG.DEALERKPI.CALC.FUNCTIONS.TARGETSPLIT(E8;$F$5:$H$5;0;ROW()-7);\"\")");
    EXPECT_EQ(c.replaced, 1);
    EXPECT_NE(c.formula.find("INDEX($F$5:$H$5;INT(((ROW()-7)-1)"), std::string::npos);
    EXPECT_EQ(c.formula.find("TARGETSPLIT"), std::string::npos);
}

TEST(Portable, GuardNOfACellKeepsItsMeaningInGnumeric)
{
    EXPECT_EQ(convert("=IF(N(B6)+N($C$6)>0;1;2)").formula,
              "=IF((IF(ISNUMBER(B6);B6;0))+(IF(ISNUMBER($C$6);$C$6;0))>0;1;2)");
    EXPECT_EQ(convert("=N(B6:C6)").replaced, 0);
}

TEST(Portable, SplitIsWrittenOutCellByCell)
{
    auto c = convert("=TARGET_SPLIT(E8;$'年 度'.$F$5:$H$5;0;2)");
    ASSERT_EQ(c.replaced, 1);
    for (const char* cell : {"$'年 度'.$F$5", "$'年 度'.$G$5", "$'年 度'.$H$5"})
        EXPECT_NE(c.formula.find(std::string("*") + cell + ")"), std::string::npos) << cell;
    EXPECT_EQ(c.formula.find("SUMPRODUCT"), std::string::npos);
    EXPECT_EQ(c.formula.find("[["), std::string::npos);
    // more cells than are written out: no twin
    EXPECT_EQ(convert("=TARGET_SPLIT(E8;A1:A31;0;2)").missing.size(), 1u);
}

TEST(Portable, IndexOfOneRowGetsItsRow)
{
    EXPECT_EQ(convert("=INDEX($Y.$B$6:$M$6;MONTH(B$4))").formula, "=(INDEX($Y.$B$6:$M$6;1;(MONTH(B$4))))");
    EXPECT_EQ(convert("=INDEX($年度数据.$B$6:$M$6;3)").formula, "=(INDEX($年度数据.$B$6:$M$6;1;3))");
    EXPECT_EQ(convert("=INDEX(B6:M7;2)").replaced, 0);
    EXPECT_EQ(convert("=INDEX(B6:M6;1;2)").replaced, 0);
}
