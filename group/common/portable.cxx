// A formula's add-in calls replaced by their native twins. The text is read
// with a small argument parser: strings "..", quoted sheet names '..', inline
// arrays {..} and nested parentheses are kept whole; ';' at the top level of
// a call separates its arguments.
#include "portable.hxx"

#include "twins.hxx"

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/algorithm/string/erase.hpp>
#include <boost/algorithm/string/predicate.hpp>
#include <boost/algorithm/string/trim.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

namespace dealerkpi::group::portable {
namespace {

using Bindings = std::map<std::string, std::string>;

const std::string kSheet = R"x((\$?('([^']|'')*'|[^-'.:;()"$ ,+*/<>=&^{}|]+)\.)?)x";
const std::string kRef = kSheet + R"(\$?[A-Za-z]{1,3}\$?[0-9]+)";
const std::regex kCell("^" + kRef + "$");
const std::regex kRange("^" + kRef + ":" + kRef + "$");
// A range's parts: sheet, $, column, $, row of its first cell; sheet, column, row of its last.
const std::regex kRangeParts("^" + kSheet + R"((\$?)([A-Za-z]{1,3})(\$?)([0-9]+):)" + kSheet +
                             R"(\$?([A-Za-z]{1,3})\$?([0-9]+)$)");
constexpr long kMostCells = 30;  // a range written out cell by cell has at most this many
const std::regex kPlain(R"(^([0-9.]+|"([^"]|"")*")$)");

/** Where the quoted text or inline array starting at `i` ends (one past it). */
size_t skipQuoted(std::string_view s, size_t i)
{
    const char close = s[i] == '{' ? '}' : s[i];
    for (size_t j = i + 1; j < s.size(); ++j) {
        if (s[j] != close)
            continue;
        if (close != '}' && j + 1 < s.size() && s[j + 1] == close) {
            ++j;  // a doubled quote inside
            continue;
        }
        return j + 1;
    }
    return s.size();
}

/** The arguments of the call whose '(' is at `open`, and one past its ')'. */
std::vector<std::string_view> arguments(std::string_view s, size_t open, size_t& end)
{
    std::vector<std::string_view> out;
    int depth = 0;
    size_t start = open + 1;
    for (size_t i = open + 1; i < s.size();) {
        const char c = s[i];
        if (c == '"' || c == '\'' || c == '{') {
            i = skipQuoted(s, i);
            continue;
        }
        if (c == '(')
            ++depth;
        else if (c == ')' && depth-- == 0) {
            out.push_back(s.substr(start, i - start));
            end = i + 1;
            return out;
        } else if (c == ';' && depth == 0) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
        ++i;
    }
    end = s.size();
    out.push_back(s.substr(start));
    return out;
}

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

/** The twin table's name of `name` (FUNNEL_RATE for ORG.DEALERKPI.CALC.FUNCTIONS.FUNNELRATE). */
std::string canonical(std::string name)
{
    boost::to_upper(name);
    if (!boost::starts_with(name, twins::kStoredPrefix))
        return name;
    const std::string bare = name.substr(std::string(twins::kStoredPrefix).size());
    for (const char* f : twins::kAddin)
        if (boost::erase_all_copy(std::string(f), "_") == bare)
            return f;
    return name;
}

bool isAddin(const std::string& name)
{
    for (const char* f : twins::kAddin)
        if (name == f)
            return true;
    return false;
}

long columnNumber(const std::string& letters)
{
    long n = 0;
    for (char c : letters)
        n = n * 26 + (std::toupper(static_cast<unsigned char>(c)) - 'A' + 1);
    return n;
}


/** A range's first and last cell, as numbers, with the sheet and $ of its first cell. */
struct Corners {
    std::string sheet, columnDollar, rowDollar;
    long c1, r1, c2, r2;
    long cells() const { return (c2 - c1 + 1) * (r2 - r1 + 1); }
};

/** The corners of the range `text`, or nothing when it is not a range (or is one backwards). */
std::optional<Corners> cornersOf(const std::string& text)
{
    std::smatch m;
    if (!std::regex_match(text, m, kRangeParts))
        return std::nullopt;
    Corners k{m.str(1), m.str(4), m.str(6), columnNumber(m[5]), std::stol(m[7]), columnNumber(m[11]),
              std::stol(m[12])};
    if (k.c2 < k.c1 || k.r2 < k.r1)
        return std::nullopt;
    return k;
}

/** The cells of the range `text` in reading order (its sheet and $ kept); empty when
    it is not a range or has more than kMostCells cells. */
std::vector<std::string> cellsOf(const std::string& text)
{
    const std::optional<Corners> k = cornersOf(text);
    if (!k || k->cells() > kMostCells)
        return {};
    std::vector<std::string> out;
    for (long r = k->r1; r <= k->r2; ++r)
        for (long c = k->c1; c <= k->c2; ++c)
            out.push_back(k->sheet + k->columnDollar + columnLetters(c) + k->rowDollar + std::to_string(r));
    return out;
}

/** The positions 1, 2, ... of the cells of the range `text` in reading order, as an inline
    array of its shape ({1|2|3} for a column, {1;2;3} for a row), or nothing when it is not a range. */
std::optional<std::string> positions(const std::string& text)
{
    const std::optional<Corners> k = cornersOf(text);
    if (!k)
        return std::nullopt;
    std::string out = "{";
    long n = 0;
    for (long r = k->r1; r <= k->r2; ++r)
        for (long c = k->c1; c <= k->c2; ++c) {
            if (n > 0)
                out += c == k->c1 ? '|' : ';';
            out += std::to_string(++n);
        }
    return out + "}";
}

bool hasShape(const std::string& value, std::string_view shape)
{
    if (shape == "cell")
        return std::regex_match(value, kCell);
    const std::optional<Corners> k = cornersOf(value);
    if (!k || k->cells() > kMostCells)
        return false;
    if (shape == "row")
        return k->r1 == k->r2;
    if (shape == "column")
        return k->c1 == k->c2;
    return true;
}

size_t placeholders(std::string_view pattern)
{
    size_t n = 0;
    for (size_t i = pattern.find('{'); i != std::string_view::npos; i = pattern.find('{', i + 1))
        ++n;
    return n;
}

bool matchArgument(std::string_view pattern, std::string arg, Bindings& b);

/** A pattern with several placeholders is a call, NAME(pattern; ...): `arg` must be a
    call of the same name (an add-in's by either of its names) whose arguments match the
    pattern's one by one. */
bool matchCall(std::string_view pattern, const std::string& arg, Bindings& b)
{
    const size_t open = pattern.find('('), argOpen = arg.find('(');
    if (open == std::string_view::npos || pattern.back() != ')' || argOpen == std::string::npos ||
        canonical(arg.substr(0, argOpen)) != canonical(std::string(pattern.substr(0, open))))
        return false;
    size_t patternEnd = 0, argEnd = 0;
    const std::vector<std::string_view> want = arguments(pattern, open, patternEnd);
    const std::vector<std::string_view> got = arguments(arg, argOpen, argEnd);
    if (patternEnd != pattern.size() || argEnd != arg.size() || want.size() != got.size())
        return false;
    for (size_t i = 0; i < want.size(); ++i)
        if (!matchArgument(want[i], std::string(got[i]), b))
            return false;
    return true;
}

/** Binds the placeholders of `pattern` to `arg`, or says it does not match. */
bool matchArgument(std::string_view pattern, std::string arg, Bindings& b)
{
    boost::trim(arg);
    const size_t open = pattern.find('{');
    if (open == std::string_view::npos)
        return arg == pattern;
    if (placeholders(pattern) > 1)
        return matchCall(pattern, arg, b);
    const size_t close = pattern.find('}', open);
    const std::string_view prefix = pattern.substr(0, open), suffix = pattern.substr(close + 1);
    std::string_view spec = pattern.substr(open + 1, close - open - 1);
    if (arg.size() < prefix.size() + suffix.size() || !boost::iequals(arg.substr(0, prefix.size()), prefix) ||
        !boost::iequals(arg.substr(arg.size() - suffix.size()), suffix))
        return false;
    std::string value = boost::trim_copy(arg.substr(prefix.size(), arg.size() - prefix.size() - suffix.size()));
    const size_t colon = spec.find(':');
    const std::string name(spec.substr(0, colon));
    if (colon != std::string_view::npos) {
        if (!hasShape(value, spec.substr(colon + 1)))
            return false;
    }
    auto [at, fresh] = b.emplace(name, value);
    return fresh || at->second == value;
}

/** `text` with each {name} that `value` knows (a std::optional<std::string>) replaced. */
template <class Value>
std::string fillIn(std::string_view text, Value value)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const size_t close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
        const std::optional<std::string> v =
            close == std::string_view::npos ? std::nullopt : value(std::string(text.substr(i + 1, close - i - 1)));
        if (!v) {
            out += text[i];
            continue;
        }
        out += *v;
        i = close;
    }
    return out;
}

/** `native` with its placeholders bound: an expression in parentheses, a reference,
    number or string as it is; {w!} the positions of the cells of the range bound to w. */
std::string substitute(std::string_view native, const Bindings& b)
{
    return fillIn(native, [&](const std::string& name) -> std::optional<std::string> {
        if (!name.empty() && name.back() == '!') {
            auto range = b.find(name.substr(0, name.size() - 1));
            return range == b.end() ? std::nullopt : positions(range->second);
        }
        auto found = b.find(name);
        if (found == b.end())
            return std::nullopt;
        const std::string& v = found->second;
        const bool bare = std::regex_match(v, kCell) || std::regex_match(v, kRange) || std::regex_match(v, kPlain);
        return bare ? v : "(" + v + ")";
    });
}

/** `native` with every [[w:text]] written out for each cell of the range bound to w,
    joined by "+": in the text, {w@} is the cell's position (reading order) and, for w
    and every other range bound, {v#} its cell at that position, {v-} the one before
    and {v+} the one after ("" before the first and after the last). No text when a
    range used so has another number of cells than w. */
std::optional<std::string> expand(std::string_view native, const Bindings& b)
{
    std::string out;
    size_t at = 0;
    for (size_t open; (open = native.find("[[", at)) != std::string_view::npos;) {
        const size_t colon = native.find(':', open), close = native.find("]]", open);
        const std::string name(native.substr(open + 2, colon - open - 2));
        const std::string_view body = native.substr(colon + 1, close - colon - 1);
        const size_t count = cellsOf(b.at(name)).size();
        std::map<std::string, std::vector<std::string>> ranges;
        for (const auto& [key, value] : b)
            if (std::vector<std::string> cells = cellsOf(value); !cells.empty())
                ranges.emplace(key, std::move(cells));
        bool sameCount = true;
        out.append(native.substr(at, open - at));
        for (size_t j = 0; j < count; ++j) {
            const std::string one = fillIn(body, [&](const std::string& key) -> std::optional<std::string> {
                if (key == name + "@")
                    return std::to_string(j + 1);
                auto range = key.empty() ? ranges.end() : ranges.find(key.substr(0, key.size() - 1));
                if (range == ranges.end())
                    return std::nullopt;
                const std::vector<std::string>& cells = range->second;
                sameCount = sameCount && cells.size() == count;
                switch (key.back()) {
                case '#': return cells.at(std::min(j, cells.size() - 1));
                case '-': return j > 0 ? cells.at(std::min(j - 1, cells.size() - 1)) : "\"\"";
                case '+': return j + 1 < cells.size() ? cells[j + 1] : "\"\"";
                default: return std::nullopt;
                }
            });
            out += (j ? "+" : "") + one;
        }
        if (!sameCount)
            return std::nullopt;
        at = close + 2;
    }
    out.append(native.substr(at));
    return out;
}

/** The twin of a call, in parentheses, and whether it must be entered as an array formula. */
std::optional<std::pair<std::string, bool>> twinOf(const std::string& function, const std::vector<std::string>& args)
{
    for (const twins::Twin& t : twins::kTwins) {
        if (function != t.function || args.size() != t.args.size())
            continue;
        Bindings b;
        size_t i = 0;
        bool all = true;
        for (const char* pattern : t.args)
            all = all && matchArgument(pattern, args[i++], b);
        if (!all)
            continue;
        if (const std::optional<std::string> expanded = expand(t.native, b))
            return std::make_pair("(" + substitute(*expanded, b) + ")", t.array);
    }
    return std::nullopt;
}

void convertInto(std::string_view s, Converted& out, std::string& text);

/** The call at `nameStart` ('(' at `open`), converted; returns one past its ')'. */
size_t convertCall(std::string_view s, size_t nameStart, size_t open, Converted& out, std::string& text)
{
    size_t end = 0;
    std::vector<std::string> args;
    const size_t missingBefore = out.missing.size();
    for (std::string_view a : arguments(s, open, end)) {
        std::string converted;
        convertInto(a, out, converted);
        args.push_back(converted);
    }
    const std::string name(s.substr(nameStart, open - nameStart));
    const std::string function = canonical(name);
    if (auto twin = twinOf(function, args)) {
        // an add-in call inside the arguments may have been taken into the twin
        // (INDEX(FUNNEL_TARGET(...); 2)): what is missing is what the twin still calls
        out.missing.resize(missingBefore);
        Converted left;
        std::string unused;
        convertInto(twin->first, left, unused);
        out.missing.insert(out.missing.end(), left.missing.begin(), left.missing.end());
        text += twin->first;
        out.array = out.array || twin->second;
        ++out.replaced;
        return end;
    }
    std::string call = name + "(";
    for (size_t i = 0; i < args.size(); ++i)
        call += (i ? ";" : "") + args[i];
    call += ")";
    if (isAddin(function))
        out.missing.push_back(function + call.substr(name.size()));  // the name the user knows
    text += call;
    return end;
}

void convertInto(std::string_view s, Converted& out, std::string& text)
{
    for (size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '"' || c == '\'' || c == '{') {
            const size_t j = skipQuoted(s, i);
            text.append(s.substr(i, j - i));
            i = j;
            continue;
        }
        if (!isNameChar(c) || (i > 0 && isNameChar(s[i - 1]))) {
            text += c;
            ++i;
            continue;
        }
        size_t j = i;
        while (j < s.size() && isNameChar(s[j]))
            ++j;
        if (j < s.size() && s[j] == '(') {
            i = convertCall(s, i, j, out, text);
            continue;
        }
        text.append(s.substr(i, j - i));
        i = j;
    }
}

} // namespace

Converted convert(std::string_view formula)
{
    Converted out;
    convertInto(formula, out, out.formula);
    return out;
}

std::string columnLetters(long n)
{
    std::string out;
    for (; n > 0; n = (n - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

} // namespace dealerkpi::group::portable
