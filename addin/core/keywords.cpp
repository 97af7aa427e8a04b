#include "keywords.hpp"

#include <boost/algorithm/string/predicate.hpp>
#include <boost/algorithm/string/trim.hpp>
#include <boost/lexical_cast/try_lexical_convert.hpp>

#include <cmath>
#include <initializer_list>
#include <string>

namespace dealerkpi {
namespace {

struct Spelling {
    int code;
    std::initializer_list<std::string_view> words;  // English first, then Chinese
};

// Looks a keyword up in a table of spellings. Numbers must be one of the codes
// exactly; text is trimmed and compared case-insensitively (ASCII folding leaves
// the UTF-8 bytes of Chinese terms untouched, so those compare exactly).
template <class E>
Parsed<E> lookUp(const Keyword& k, E fallback, std::initializer_list<Spelling> table)
{
    double number = k.number;
    switch (k.kind) {
    case Keyword::Kind::Omitted:
        return {fallback};
    case Keyword::Kind::Text: {
        const std::string word = boost::algorithm::trim_copy(std::string(k.text));
        if (word.empty())
            return {fallback};
        for (const Spelling& s : table)
            for (std::string_view w : s.words)
                if (boost::algorithm::iequals(word, w))
                    return {static_cast<E>(s.code)};
        if (!boost::conversion::try_lexical_convert(word, number))
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
                  {{0, {"pooled", "合并", "加总"}}, {1, {"mean", "平均"}}});
}

Parsed<Rounding> parseRounding(const Keyword& k)
{
    return lookUp(k, Rounding::None,
                  {{0, {"none", "不取整", "无"}}, {1, {"up", "向上", "向上取整"}},
                   {2, {"nearest", "四舍五入"}}});
}

Parsed<BonusMode> parseBonusMode(const Keyword& k)
{
    return lookUp(k, BonusMode::Marginal,
                  {{0, {"marginal", "超额累进"}}, {1, {"whole", "全额累进"}}, {2, {"fixed", "定额"}}});
}

Parsed<Measure> parseMeasure(const Keyword& k)
{
    return lookUp(k, Measure::Overall,
                  {{1, {"productivity", "生产率"}}, {2, {"efficiency", "工时效率"}},
                   {3, {"overall", "总效率"}}});
}

} // namespace dealerkpi
