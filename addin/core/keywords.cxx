#include "keywords.hxx"

#include <boost/lexical_cast/try_lexical_convert.hpp>

#include <initializer_list>

namespace dealerkpi {
namespace {

struct Spelling {
    int code;
    std::initializer_list<std::string_view> words;  // English, then Simplified, then Traditional Chinese
};

// The classic locale's white space, as the trimming of the C++ library sees it.
constexpr bool isSpace(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// U+3000 IDEOGRAPHIC SPACE, what a Chinese input method types as a space.
constexpr std::string_view kFullWidthSpace = "\xE3\x80\x80";

constexpr bool startsWith(std::string_view s, std::string_view p) noexcept
{
    return s.size() >= p.size() && s.substr(0, p.size()) == p;
}

constexpr bool endsWith(std::string_view s, std::string_view p) noexcept
{
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Trims ASCII white space and full-width spaces, in any mix, at both ends.
constexpr std::string_view trimmed(std::string_view s) noexcept
{
    for (;;) {
        if (!s.empty() && isSpace(s.front()))
            s.remove_prefix(1);
        else if (startsWith(s, kFullWidthSpace))
            s.remove_prefix(kFullWidthSpace.size());
        else
            break;
    }
    for (;;) {
        if (!s.empty() && isSpace(s.back()))
            s.remove_suffix(1);
        else if (endsWith(s, kFullWidthSpace))
            s.remove_suffix(kFullWidthSpace.size());
        else
            break;
    }
    return s;
}

// ASCII case folding, as the classic locale does: the UTF-8 bytes of Chinese
// terms are left untouched and so compare exactly.
constexpr char folded(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool sameWord(std::string_view a, std::string_view b) noexcept
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (folded(a[i]) != folded(b[i]))
            return false;
    return true;
}

// Text that is a number: plain digits (the codes "0".."3" as typed) directly,
// anything else the way boost::lexical_cast reads a double.
bool readNumber(std::string_view word, double& number)
{
    if (word.size() <= 15) {
        double digits = 0.0;
        bool plain = true;
        for (char c : word) {
            if (c < '0' || c > '9') {
                plain = false;
                break;
            }
            digits = digits * 10.0 + (c - '0');  // exact: fewer than 16 digits
        }
        if (plain) {
            number = digits;
            return true;
        }
    }
    return boost::conversion::try_lexical_convert(word.data(), word.size(), number);
}

// Looks a keyword up in a table of spellings. Numbers must be one of the codes
// exactly; text is trimmed and compared case-insensitively. No allocation.
template <class E>
Parsed<E> lookUp(const Keyword& k, E fallback, std::initializer_list<Spelling> table)
{
    double number = k.number;
    switch (k.kind) {
    case Keyword::Kind::Omitted:
        return {fallback};
    case Keyword::Kind::Text: {
        const std::string_view word = trimmed(k.text);
        if (word.empty())
            return {fallback};
        for (const Spelling& s : table)
            for (std::string_view w : s.words)
                if (sameWord(word, w))
                    return {static_cast<E>(s.code)};
        if (!readNumber(word, number))
            return {fallback, Error::InvalidArgument};
        break;  // text such as "1": treat as the number
    }
    case Keyword::Kind::Number:
        break;
    }
    for (const Spelling& s : table)
        if (number == static_cast<double>(s.code))
            return {static_cast<E>(s.code)};
    return {fallback, Error::InvalidArgument};
}

} // namespace

Parsed<RateMethod> parseRateMethod(const Keyword& k)
{
    return lookUp(k, RateMethod::Pooled,
                  {{0, {"pooled", "合并", "加总", "合併", "加總"}}, {1, {"mean", "平均"}}});
}

Parsed<Rounding> parseRounding(const Keyword& k)
{
    return lookUp(k, Rounding::None,
                  {{0, {"none", "不取整", "无", "無"}}, {1, {"up", "向上", "向上取整"}},
                   {2, {"nearest", "四舍五入", "四捨五入"}}});
}

Parsed<BonusMode> parseBonusMode(const Keyword& k)
{
    return lookUp(k, BonusMode::Marginal,
                  {{0, {"marginal", "超额累进", "超額累進"}}, {1, {"whole", "全额累进", "全額累進"}},
                   {2, {"fixed", "定额", "定額"}}});
}

Parsed<Measure> parseMeasure(const Keyword& k)
{
    return lookUp(k, Measure::Overall,
                  {{1, {"productivity", "生产率", "生產率"}}, {2, {"efficiency", "工时效率", "工時效率"}},
                   {3, {"overall", "总效率", "總效率"}}});
}

Parsed<Beyond> parseBeyond(const Keyword& k)
{
    return lookUp(k, Beyond::Extend, {{0, {"extend", "延伸"}}, {1, {"hold", "封顶", "封頂"}}});
}

Parsed<Direction> parseDirection(const Keyword& k)
{
    // 越高越好 and 越低越好 are written the same in both scripts.
    return lookUp(k, Direction::Higher, {{0, {"higher", "越高越好"}}, {1, {"lower", "越低越好"}}});
}

} // namespace dealerkpi
