// The portable rewrite of formulas: every template form gets its twin, nesting,
// strings, quoted sheet names and inline arrays are kept, unknown forms are listed.
#include "portable.hxx"

#include <gtest/gtest.h>


using dealerkpi::group::portable::columnLetters;
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
    EXPECT_NE(c.formula.find("INDEX($F$5:$H$5;1;(ROW()-7))"), std::string::npos) << "a row's k-th weight";
    EXPECT_EQ(c.formula.find("TARGETSPLIT"), std::string::npos);
}

TEST(Portable, SplitReadsTheKthWeightByTheShapeOfItsRange)
{
    EXPECT_NE(convert("=TARGET_SPLIT(C$14;N$17:N$26;0;10)").formula.find("INDEX(N$17:N$26;10)"), std::string::npos);
    EXPECT_NE(convert("=TARGET_SPLIT(C$14;B6:M6;0;3)").formula.find("INDEX(B6:M6;1;3)"), std::string::npos);
    EXPECT_NE(convert("=TARGET_SPLIT(C$14;B6:C7;0;3)").formula.find("INDEX(B6:C7;INT((3-1)/COLUMNS(B6:C7))+1;"),
              std::string::npos);
    // 售后服务顾问目标's split over ten advisors fits in an Excel formula
    const auto c = convert("=IF(A26=\"\";\"\";IF(ISNUMBER(C26);C26;IF(AND(ISNUMBER(C$14);N(C$14)>=0;SUM(N$17:N$26)>0;"
                           "N26>0);TARGET_SPLIT(C$14;N$17:N$26;0;10);\"\")))");
    EXPECT_TRUE(c.missing.empty());
    EXPECT_LT(c.formula.size(), dealerkpi::group::portable::kMostCharacters);
}

TEST(Portable, FunnelTargetOverSeveralRatesIsTheTargetDividedStageByStage)
{
    // 年度目标体系's 集客量: new cars / 留档成交率 / 留档率, the add-in by either of its names
    for (const char* name : {"FUNNEL_TARGET", "org.dealerkpi.calc.functions.funneltarget"}) {
        const auto c = convert(std::string("=IF(AND(ISNUMBER(D11);N(B14)>0;N(B15)>0);INDEX(") + name +
                               "(D11;B14:B15);2);\"\")");
        EXPECT_TRUE(c.missing.empty()) << name;
        EXPECT_NE(c.formula.find("IF(COUNTIF(B14:B15;\">0\")<ROWS(B14:B15)*COLUMNS(B14:B15);\"比率须大于0\";"
                                 "D11/INDEX(B14:B15;1)/INDEX(B14:B15;2))"),
                  std::string::npos)
            << c.formula;
    }
    EXPECT_NE(convert("=INDEX(FUNNEL_TARGET(100;B6:D6);3)").formula.find("100/INDEX(B6:D6;1;1)/INDEX(B6:D6;1;2)/INDEX(B6:D6;1;3)"),
              std::string::npos);
    // the whole array, or a stage read by a computed index, has no twin; an add-in call left in
    // a twin's argument is still named
    EXPECT_EQ(convert("=FUNNEL_TARGET(100;B6:B8)").missing.size(), 1u);
    EXPECT_EQ(convert("=INDEX(FUNNEL_TARGET(100;B6:B8);A1)").missing.size(), 1u);
    EXPECT_EQ(convert("=INDEX(FUNNEL_TARGET(KPI_SCORE(A1:A3;B1:B3);B6:B8);2)").missing,
              std::vector<std::string>{"KPI_SCORE(A1:A3;B1:B3)"});
}

TEST(Portable, GuardNOfACellKeepsItsMeaningInGnumeric)
{
    EXPECT_EQ(convert("=IF(N(B6)+N($C$6)>0;1;2)").formula,
              "=IF((IF(ISNUMBER(B6);B6;0))+(IF(ISNUMBER($C$6);$C$6;0))>0;1;2)");
    EXPECT_EQ(convert("=N(B6:C6)").replaced, 0);
}

TEST(Portable, SplitOverABlockIsWrittenOutCellByCell)
{
    auto c = convert("=TARGET_SPLIT(E8;$'年 度'.$F$5:$G$6;0;2)");
    ASSERT_EQ(c.replaced, 1);
    EXPECT_FALSE(c.array);
    for (const char* cell : {"$'年 度'.$F$5", "$'年 度'.$G$5", "$'年 度'.$F$6", "$'年 度'.$G$6"})
        EXPECT_NE(c.formula.find(std::string("*") + cell + ")"), std::string::npos) << cell;
    EXPECT_EQ(c.formula.find("SUMPRODUCT"), std::string::npos);
    EXPECT_EQ(c.formula.find("[["), std::string::npos);
    // more cells than are written out: no twin
    EXPECT_EQ(convert("=TARGET_SPLIT(E8;A1:B16;0;2)").missing.size(), 1u);
}

// A split over a row or a column has an array formula for its twin, whose length grows with the
// weights only by the list of their positions.
TEST(Portable, SplitOverARowOrAColumnIsAnArrayFormula)
{
    const auto advisors = convert("=IF(A26=\"\";\"\";IF(ISNUMBER(C26);C26;IF(AND(ISNUMBER(C$14);N(C$14)>=0;"
                                  "SUM(N$17:N$26)>0;N26>0);TARGET_SPLIT(C$14;N$17:N$26;0;ROW()-16);\"\")))");
    EXPECT_TRUE(advisors.missing.empty());
    EXPECT_EQ(advisors.replaced, 2) << "the split and the N guard";
    EXPECT_TRUE(advisors.array);
    EXPECT_NE(advisors.formula.find("INDEX(N$17:N$26;(ROW()-16))"), std::string::npos) << "the k-th weight";
    EXPECT_NE(advisors.formula.find("*({1|2|3|4|5|6|7|8|9|10}<(ROW()-16))"), std::string::npos)
        << "the positions of a column";
    EXPECT_LT(advisors.formula.size(), 1500u);
    const auto months = convert("=TARGET_SPLIT($C9;$'售后 产值'.$T9:$AE9;2;12)");
    EXPECT_TRUE(months.array);
    EXPECT_NE(months.formula.find("INDEX($'售后 产值'.$T9:$AE9;1;12)"), std::string::npos);
    EXPECT_NE(months.formula.find("*({1;2;3;4;5;6;7;8;9;10;11;12}<12)"), std::string::npos) << "of a row";
    EXPECT_FALSE(convert("=FUNNEL_RATE(A1;B1)").array) << "only a twin that needs it";
    // more cells than a twin takes (集团年度目标分解's 500 dealers): none
    EXPECT_EQ(convert("=TARGET_SPLIT(E8;A1:A31;0;2)").missing.size(), 1u);
    EXPECT_FALSE(convert("=TARGET_SPLIT(E8;A1:A31;0;2)").array);
}

TEST(Portable, IndexOfOneRowGetsItsRow)
{
    EXPECT_EQ(convert("=INDEX($Y.$B$6:$M$6;MONTH(B$4))").formula, "=(INDEX($Y.$B$6:$M$6;1;(MONTH(B$4))))");
    EXPECT_EQ(convert("=INDEX($年度数据.$B$6:$M$6;3)").formula, "=(INDEX($年度数据.$B$6:$M$6;1;3))");
    EXPECT_EQ(convert("=INDEX(B6:M7;2)").replaced, 0);
    EXPECT_EQ(convert("=INDEX(B6:M6;1;2)").replaced, 0);
}

TEST(Portable, TieredBonusOfTheCommissionPlanIsWrittenOutTierByTier)
{
    auto c = convert(R"(=IF(OR(NOT(ISNUMBER(B20));COUNT($B$9:$B$11)=0);"";ROUND(TIERED_BONUS(B20;$B$9:$B$11;)"
                     R"(IF($B$5="定额";$D$9:$D$11;$Z$9:$Z$11);$B$5;$E$5);2)))");
    ASSERT_EQ(c.replaced, 1) << c.formula;
    EXPECT_TRUE(c.missing.empty());
    // each tier's slice at its rate, up to the next threshold; the last tier has none
    EXPECT_NE(c.formula.find("IF(ISNUMBER($B$9);$Z$9*MAX(0;MIN(B20;IF(ISNUMBER($B$10);$B$10;B20))-$B$9);0)"),
              std::string::npos) << c.formula;
    EXPECT_NE(c.formula.find(R"(IF(ISNUMBER($B$11);$Z$11*MAX(0;MIN(B20;IF(ISNUMBER("");"";B20))-$B$11);0))"),
              std::string::npos);
    EXPECT_NE(c.formula.find("$D$10"), std::string::npos) << "定额 pays the fixed amounts";
    EXPECT_NE(c.formula.find(R"("档位表有误")"), std::string::npos);
    for (const char* left : {"[[", "{", "TIERED", "TIEREDBONUS"})
        EXPECT_EQ(c.formula.find(left), std::string::npos) << left;
}

TEST(Portable, TieredBonusWithPriorTakesTheDifferenceOfTwoCumulativeBonuses)
{
    auto c = convert(R"(=ROUND(TIERED_BONUS(D30;$B$9:$B$14;IF($B$5="定额";$D$9:$D$14;$Z$9:$Z$14);$B$5;$E$5;SUM($B30:C30));2))");
    ASSERT_EQ(c.replaced, 1) << c.formula;
    EXPECT_NE(c.formula.find("MIN(((SUM($B30:C30))+D30);IF(ISNUMBER($B$10)"), std::string::npos) << c.formula;
    EXPECT_NE(c.formula.find(")-MIN(IF(AND(ISNUMBER($E$5);$E$5>0);$E$5;10^307)"), std::string::npos);
}

TEST(Portable, TableRangesOfDifferentSizesHaveNoTwin)
{
    auto c = convert(R"(=TIERED_BONUS(B20;$B$9:$B$11;IF($B$5="定额";$D$9:$D$12;$Z$9:$Z$11);$B$5;$E$5))");
    EXPECT_EQ(c.replaced, 0);
    ASSERT_EQ(c.missing.size(), 1u);
    // another function than IF around the rates is another form
    EXPECT_EQ(convert(R"(=TIERED_BONUS(B20;$B$9:$B$11;CHOOSE($B$5;$D$9:$D$11;$Z$9:$Z$11);$B$5;$E$5))").replaced, 0);
}

TEST(Portable, PayoutCurveIsWrittenOutPointByPoint)
{
    auto c = convert("=IF($'方案A'.$P$22;ORG.DEALERKPI.CALC.FUNCTIONS.PAYOUTCURVE(0.8*$'历史业绩'.C45;"
                     "$'方案A'.$P$7:$P$9;$'方案A'.$G$7:$G$9;$'方案A'.$E$16);1)");
    ASSERT_EQ(c.replaced, 1) << c.formula;
    EXPECT_NE(c.formula.find("(0.8*$'历史业绩'.C45)>=$'方案A'.$P$8*(1-10^-14)"), std::string::npos) << c.formula;
    EXPECT_NE(c.formula.find(R"($'方案A'.$E$16="封顶")"), std::string::npos);
    EXPECT_NE(c.formula.find(R"("曲线有误")"), std::string::npos);
    EXPECT_EQ(c.formula.find("PAYOUT"), std::string::npos);
    EXPECT_EQ(c.formula.find("{"), std::string::npos);
}

// Excel keeps at most 8,192 characters of a formula: the longest forms of the templates a dealer
// fills in Excel stay under it written out (销售顾问提成方案's year with a prior, 提成方案测算's award at a
// scale). 提成方案测算's eight-point curve does not (about 10,000: docs/portable.md).
TEST(Portable, TheLongestTwinsFitInAnExcelFormula)
{
    constexpr size_t kExcelMost = 8192;
    const char* longest[] = {
        "=IF(ISNUMBER($'历史业绩'.C45);ROUND(MIN($'方案A'.$P$19;(IF(AND(0.8*$'历史业绩'.C8>=0;0.8*$'历史业绩'.C8<=60;"
        "0.8*$'历史业绩'.C8=INT(0.8*$'历史业绩'.C8));INDEX($'方案A'.$AD$31:$AD$91;0.8*$'历史业绩'.C8+1);"
        "IF($'方案A'.$P$21;TIERED_BONUS(0.8*$'历史业绩'.C8;$'方案A'.$B$7:$B$14;$'方案A'.$C$7:$C$14;$'方案A'.$B$16);0))"
        "+N($'历史业绩'.C27)*$'方案A'.$P$20)*1);2);\"\")",
        "=IF(OR(NOT(ISNUMBER(M20));COUNT($B$9:$B$14)=0);\"\";ROUND(TIERED_BONUS(M20;$B$9:$B$14;"
        "IF($B$5=\"定额\";$D$9:$D$14;$Z$9:$Z$14);$B$5;$E$5;SUM($B20:L20));2))",
    };
    for (const char* formula : longest) {
        auto c = convert(formula);
        EXPECT_TRUE(c.missing.empty()) << formula;
        EXPECT_LT(c.formula.size(), kExcelMost) << formula;
    }
}

TEST(Portable, ColumnLettersAsACellAddressWritesThem)
{
    // the bijective base 26 of spreadsheets: no zero digit, Z then AA
    const std::pair<long, const char*> cases[] = {{1, "A"},   {26, "Z"},   {27, "AA"},   {52, "AZ"},
                                                  {53, "BA"}, {702, "ZZ"}, {703, "AAA"}, {16384, "XFD"}};
    for (const auto& [n, letters] : cases)
        EXPECT_EQ(columnLetters(n), letters) << n;
}
