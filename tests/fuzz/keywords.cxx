// The keyword parsers: any number, any bytes as text.
#include "fuzz_input.hxx"

#include <cctype>

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

namespace {

template <class E> bool same(const Parsed<E>& a, const Parsed<E>& b)
{
    return a.error == b.error && (!a.ok() || a.value == b.value);
}

template <class E> void checkParser(Parsed<E> (*parse)(const Keyword&), int low, int high, E fallback,
                                    const Keyword& k, const std::string& text)
{
    const Parsed<E> p = parse(k);
    check(p.error == Error::None || p.error == Error::InvalidArgument, "keyword error other than invalid");
    if (p.ok())
        check(static_cast<int>(p.value) >= low && static_cast<int>(p.value) <= high, "keyword out of range",
              static_cast<double>(p.value));
    if (k.kind == Keyword::Kind::Omitted)
        check(p.ok() && p.value == fallback, "omitted is not the default");
    if (k.kind == Keyword::Kind::Number) {
        const bool code = k.number >= low && k.number <= high && std::floor(k.number) == k.number;
        check(p.ok() == code, "number accepted iff it is a code", k.number);
        if (code)
            check(static_cast<double>(p.value) == k.number, "number parsed to another code", k.number);
    }
    if (k.kind == Keyword::Kind::Text) {
        // Surrounding whitespace and ASCII case do not matter.
        const std::string padded = " \t" + text + "\n ";
        check(same(p, parse(Keyword::of(std::string_view(padded)))), "padding changed the keyword");
        // Full-width spaces (U+3000), alone or mixed with ASCII ones.
        const std::string wide = "\xE3\x80\x80 " + text + "\xE3\x80\x80\xE3\x80\x80";
        check(same(p, parse(Keyword::of(std::string_view(wide)))), "full-width padding changed the keyword");
        std::string upper = text;
        for (char& c : upper)
            if (c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 'a' + 'A');
        check(same(p, parse(Keyword::of(std::string_view(upper)))), "case changed the keyword");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    for (int i = 0; i < 4 && !in.done(); ++i) {
        Keyword k;
        std::string text;
        switch (in.byte() % 3) {
        case 0: k = Keyword::omitted(); break;
        case 1: k = Keyword::of(in.number()); break;
        default:
            text = in.text();
            k = Keyword::of(std::string_view(text));
            break;
        }
        checkParser(parseRateMethod, 0, 1, RateMethod::Pooled, k, text);
        checkParser(parseRounding, 0, 2, Rounding::None, k, text);
        checkParser(parseBonusMode, 0, 2, BonusMode::Marginal, k, text);
        checkParser(parseMeasure, 1, 3, Measure::Overall, k, text);
        checkParser(parseBeyond, 0, 1, Beyond::Extend, k, text);
        checkParser(parseDirection, 0, 1, Direction::Higher, k, text);
    }
    return 0;
}
