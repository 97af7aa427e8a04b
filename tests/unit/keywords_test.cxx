// Keyword arguments: FUNNEL_RATE method, FUNNEL_TARGET rounding,
// TIERED_BONUS mode, WORKSHOP_EFFICIENCY measure, PAYOUT_CURVE beyond,
// KPI_SCORE directions.
#include "cells.hxx"

#include <gtest/gtest.h>

#include <string>

namespace dealerkpi {
namespace {
using namespace test;

Keyword K(double v) { return Keyword::of(v); }
Keyword K(const char* t) { return Keyword::of(std::string_view(t)); }
const Keyword kOmitted = Keyword::omitted();

template <class E> void expectParsed(Parsed<E> p, E want, const std::string& what)
{
    EXPECT_TRUE(p.ok()) << what;
    EXPECT_EQ(p.value, want) << what;
}

template <class E> void expectInvalid(Parsed<E> p, const std::string& what)
{
    EXPECT_EQ(p.error, Error::InvalidArgument) << what;
}

// --- FUNNEL_RATE method ------------------------------------------------------------------------

TEST(Keywords, RateMethod)
{
    expectParsed(parseRateMethod(kOmitted), RateMethod::Pooled, "omitted");
    expectParsed(parseRateMethod(K(0.0)), RateMethod::Pooled, "0");
    expectParsed(parseRateMethod(K(1)), RateMethod::Mean, "1");
    expectParsed(parseRateMethod(K("pooled")), RateMethod::Pooled, "pooled");
    expectParsed(parseRateMethod(K("mean")), RateMethod::Mean, "mean");
    expectParsed(parseRateMethod(K("合并")), RateMethod::Pooled, "合并");
    expectParsed(parseRateMethod(K("加总")), RateMethod::Pooled, "加总");
    expectParsed(parseRateMethod(K("平均")), RateMethod::Mean, "平均");
    expectInvalid(parseRateMethod(K(2)), "2");
    expectInvalid(parseRateMethod(K("average")), "average");
}

// --- FUNNEL_TARGET rounding --------------------------------------------------------------------

TEST(Keywords, Rounding)
{
    expectParsed(parseRounding(kOmitted), Rounding::None, "omitted");
    expectParsed(parseRounding(K(0.0)), Rounding::None, "0");
    expectParsed(parseRounding(K(1)), Rounding::Up, "1");
    expectParsed(parseRounding(K(2)), Rounding::Nearest, "2");
    expectParsed(parseRounding(K("none")), Rounding::None, "none");
    expectParsed(parseRounding(K("up")), Rounding::Up, "up");
    expectParsed(parseRounding(K("nearest")), Rounding::Nearest, "nearest");
    expectParsed(parseRounding(K("不取整")), Rounding::None, "不取整");
    expectParsed(parseRounding(K("无")), Rounding::None, "无");
    expectParsed(parseRounding(K("向上")), Rounding::Up, "向上");
    expectParsed(parseRounding(K("向上取整")), Rounding::Up, "向上取整");
    expectParsed(parseRounding(K("四舍五入")), Rounding::Nearest, "四舍五入");
    expectInvalid(parseRounding(K(3)), "3");
    expectInvalid(parseRounding(K("down")), "down");
    expectInvalid(parseRounding(K("向下")), "向下");
}

// --- TIERED_BONUS mode -------------------------------------------------------------------------

TEST(Keywords, BonusMode)
{
    expectParsed(parseBonusMode(kOmitted), BonusMode::Marginal, "omitted");
    expectParsed(parseBonusMode(K(0.0)), BonusMode::Marginal, "0");
    expectParsed(parseBonusMode(K(1)), BonusMode::Whole, "1");
    expectParsed(parseBonusMode(K(2)), BonusMode::Fixed, "2");
    expectParsed(parseBonusMode(K("marginal")), BonusMode::Marginal, "marginal");
    expectParsed(parseBonusMode(K("whole")), BonusMode::Whole, "whole");
    expectParsed(parseBonusMode(K("fixed")), BonusMode::Fixed, "fixed");
    expectParsed(parseBonusMode(K("超额累进")), BonusMode::Marginal, "超额累进");
    expectParsed(parseBonusMode(K("全额累进")), BonusMode::Whole, "全额累进");
    expectParsed(parseBonusMode(K("定额")), BonusMode::Fixed, "定额");
    expectInvalid(parseBonusMode(K(3)), "3");
    expectInvalid(parseBonusMode(K("累进")), "累进");
}

// --- WORKSHOP_EFFICIENCY measure ---------------------------------------------------------------

TEST(Keywords, Measure)
{
    expectParsed(parseMeasure(kOmitted), Measure::Overall, "omitted");
    expectParsed(parseMeasure(K(1)), Measure::Productivity, "1");
    expectParsed(parseMeasure(K(2)), Measure::Efficiency, "2");
    expectParsed(parseMeasure(K(3)), Measure::Overall, "3");
    expectParsed(parseMeasure(K("productivity")), Measure::Productivity, "productivity");
    expectParsed(parseMeasure(K("efficiency")), Measure::Efficiency, "efficiency");
    expectParsed(parseMeasure(K("overall")), Measure::Overall, "overall");
    expectParsed(parseMeasure(K("生产率")), Measure::Productivity, "生产率");
    expectParsed(parseMeasure(K("工时效率")), Measure::Efficiency, "工时效率");
    expectParsed(parseMeasure(K("总效率")), Measure::Overall, "总效率");
    // The codes are 1..3: 0 is not "the default".
    expectInvalid(parseMeasure(K(0.0)), "0");
    expectInvalid(parseMeasure(K(4)), "4");
    expectInvalid(parseMeasure(K("效率")), "效率");
}

// --- PAYOUT_CURVE beyond ---------------------------------------------------------------------

TEST(Keywords, Beyond)
{
    expectParsed(parseBeyond(kOmitted), Beyond::Extend, "omitted");
    expectParsed(parseBeyond(K(0.0)), Beyond::Extend, "0");
    expectParsed(parseBeyond(K(1)), Beyond::Hold, "1");
    expectParsed(parseBeyond(K("extend")), Beyond::Extend, "extend");
    expectParsed(parseBeyond(K("hold")), Beyond::Hold, "hold");
    expectParsed(parseBeyond(K("延伸")), Beyond::Extend, "延伸");
    expectParsed(parseBeyond(K("封顶")), Beyond::Hold, "封顶");
    expectParsed(parseBeyond(K("封頂")), Beyond::Hold, "封頂");
    expectParsed(parseBeyond(K("HOLD")), Beyond::Hold, "HOLD");
    expectParsed(parseBeyond(K("")), Beyond::Extend, "empty");
    expectInvalid(parseBeyond(K(2)), "2");
    expectInvalid(parseBeyond(K("cap")), "cap");
    expectInvalid(parseBeyond(K("封")), "封");
}

// --- KPI_SCORE directions ----------------------------------------------------------------------

TEST(Keywords, Direction)
{
    expectParsed(parseDirection(kOmitted), Direction::Higher, "omitted");
    expectParsed(parseDirection(K(0.0)), Direction::Higher, "0");
    expectParsed(parseDirection(K(1)), Direction::Lower, "1");
    expectParsed(parseDirection(K("higher")), Direction::Higher, "higher");
    expectParsed(parseDirection(K("lower")), Direction::Lower, "lower");
    expectParsed(parseDirection(K("Lower")), Direction::Lower, "Lower");
    expectParsed(parseDirection(K("越高越好")), Direction::Higher, "越高越好");
    expectParsed(parseDirection(K("越低越好")), Direction::Lower, "越低越好");
    expectParsed(parseDirection(K(" ")), Direction::Higher, "blank");
    expectInvalid(parseDirection(K(2)), "2");
    expectInvalid(parseDirection(K(-1)), "-1");
    expectInvalid(parseDirection(K("high")), "high");
    expectInvalid(parseDirection(K("越低")), "越低");
}

// --- Traditional Chinese -----------------------------------------------------------------------

TEST(Keywords, TraditionalChinese)
{
    expectParsed(parseRateMethod(K("合併")), RateMethod::Pooled, "合併");
    expectParsed(parseRateMethod(K("平均")), RateMethod::Mean, "平均");
    expectParsed(parseRounding(K("不取整")), Rounding::None, "不取整");
    expectParsed(parseRounding(K("向上")), Rounding::Up, "向上");
    expectParsed(parseRounding(K("四捨五入")), Rounding::Nearest, "四捨五入");
    expectParsed(parseBonusMode(K("超額累進")), BonusMode::Marginal, "超額累進");
    expectParsed(parseBonusMode(K("全額累進")), BonusMode::Whole, "全額累進");
    expectParsed(parseBonusMode(K("定額")), BonusMode::Fixed, "定額");
    expectParsed(parseMeasure(K("生產率")), Measure::Productivity, "生產率");
    expectParsed(parseMeasure(K("工時效率")), Measure::Efficiency, "工時效率");
    expectParsed(parseMeasure(K("總效率")), Measure::Overall, "總效率");
    expectParsed(parseBeyond(K("延伸")), Beyond::Extend, "延伸");
    expectParsed(parseBeyond(K("封頂")), Beyond::Hold, "封頂");
    expectParsed(parseDirection(K("越高越好")), Direction::Higher, "越高越好");
    expectParsed(parseDirection(K("越低越好")), Direction::Lower, "越低越好");
    // The Traditional form of one parser's word is unknown to another.
    expectInvalid(parseMeasure(K("合併")), "合併 as a measure");
    expectInvalid(parseRounding(K("封頂")), "封頂 as rounding");
}

TEST(Keywords, FullWidthSpacesAreTrimmed)
{
    // U+3000, what a Chinese input method types for a space, alone or mixed with ASCII ones.
    expectParsed(parseRateMethod(K("\u3000平均\u3000")), RateMethod::Mean, "full-width around 平均");
    expectParsed(parseBonusMode(K("\u3000\u3000全額累進")), BonusMode::Whole, "two before 全額累進");
    expectParsed(parseBeyond(K(" \u3000 hold\u3000 ")), Beyond::Hold, "mixed around hold");
    expectParsed(parseDirection(K("越低越好\u3000")), Direction::Lower, "after 越低越好");
    expectParsed(parseMeasure(K("\u30002\u3000")), Measure::Efficiency, "around a text number");
    expectParsed(parseRounding(K("\u3000")), Rounding::None, "full-width alone: blank");
    // Inside a word it is not trimmed; other wide blanks are not spaces.
    expectInvalid(parseBonusMode(K("全額\u3000累進")), "full-width inside");
    expectInvalid(parseDirection(K("\u00A0lower")), "no-break space");
    expectInvalid(parseDirection(K("\u2003lower")), "em space");
    // A broken sequence of U+3000's bytes is not a space.
    expectInvalid(parseBeyond(K("\xE3\x80hold")), "two bytes of it");
}

// --- spelling ------------------------------------------------------------------------------------

TEST(Keywords, CaseDoesNotMatter)
{
    expectParsed(parseRateMethod(K("MEAN")), RateMethod::Mean, "MEAN");
    expectParsed(parseRateMethod(K("Pooled")), RateMethod::Pooled, "Pooled");
    expectParsed(parseRounding(K("uP")), Rounding::Up, "uP");
    expectParsed(parseBonusMode(K("WHOLE")), BonusMode::Whole, "WHOLE");
    expectParsed(parseMeasure(K("Efficiency")), Measure::Efficiency, "Efficiency");
}

TEST(Keywords, SurroundingWhitespaceIsTrimmed)
{
    expectParsed(parseRateMethod(K(" mean ")), RateMethod::Mean, "' mean '");
    expectParsed(parseRounding(K("\tup\n")), Rounding::Up, "tab up newline");
    expectParsed(parseBonusMode(K("  定额")), BonusMode::Fixed, "'  定额'");
    expectParsed(parseMeasure(K("生产率 ")), Measure::Productivity, "'生产率 '");
}

TEST(Keywords, WhitespaceInsideIsNotIgnored)
{
    expectInvalid(parseRateMethod(K("me an")), "me an");
    expectInvalid(parseBonusMode(K("全额 累进")), "全额 累进");
}

TEST(Keywords, EmptyTextIsTheDefault)
{
    // "" from IF(...;"";...) counts as blank.
    expectParsed(parseRateMethod(K("")), RateMethod::Pooled, "empty");
    expectParsed(parseRounding(K("   ")), Rounding::None, "spaces");
    expectParsed(parseBonusMode(K("")), BonusMode::Marginal, "empty");
    expectParsed(parseMeasure(K(" ")), Measure::Overall, "space");
}

TEST(Keywords, TextNumbersCountAsNumbers)
{
    expectParsed(parseRateMethod(K("1")), RateMethod::Mean, "'1'");
    expectParsed(parseRounding(K(" 2 ")), Rounding::Nearest, "' 2 '");
    expectParsed(parseBonusMode(K("2.0")), BonusMode::Fixed, "'2.0'");
    expectParsed(parseMeasure(K("1")), Measure::Productivity, "'1'");
    expectInvalid(parseMeasure(K("0")), "'0'");
    expectInvalid(parseRounding(K("1.5")), "'1.5'");
    expectInvalid(parseRounding(K("1x")), "'1x'");
}

TEST(Keywords, UnknownWordsAreInvalid)
{
    for (const char* w : {"x", "pooledd", "poole", "mean.", "合", "平均值", "nan", "inf", "-", "+", "0x1", "１"}) {
        expectInvalid(parseRateMethod(K(w)), w);
        expectInvalid(parseMeasure(K(w)), w);
    }
}

TEST(Keywords, CodesMustBeExactWholeNumbers)
{
    for (double v : {0.5, 1.0000001, 0.9999999, -1.0, 1e300, -1e300, kInf, -kInf, kNaN, kDenormMin}) {
        expectInvalid(parseRateMethod(K(v)), std::to_string(v));
        expectInvalid(parseRounding(K(v)), std::to_string(v));
        expectInvalid(parseBonusMode(K(v)), std::to_string(v));
        expectInvalid(parseMeasure(K(v)), std::to_string(v));
        expectInvalid(parseBeyond(K(v)), std::to_string(v));
        expectInvalid(parseDirection(K(v)), std::to_string(v));
    }
    // -0 is 0.
    expectParsed(parseRateMethod(K(-0.0)), RateMethod::Pooled, "-0");
}

TEST(Keywords, EnglishWordsOfOneParserAreUnknownToAnother)
{
    expectInvalid(parseRateMethod(K("up")), "up");
    expectInvalid(parseRounding(K("mean")), "mean");
    expectInvalid(parseBonusMode(K("overall")), "overall");
    expectInvalid(parseMeasure(K("whole")), "whole");
}

} // namespace
} // namespace dealerkpi
