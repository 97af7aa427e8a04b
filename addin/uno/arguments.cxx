#include "arguments.hxx"

#include <com/sun/star/uno/Sequence.hxx>
#include <cppu/unotype.hxx>
#include <rtl/ustring.hxx>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <new>

using css::uno::Any;
using css::uno::Sequence;
using css::uno::TypeClass;

namespace dealerkpi::uno {
namespace {

// How one element of a range (or a lone value) reads as a cell.
bool toCell(const Any& a, Cell& out) noexcept
{
    switch (a.getValueTypeClass()) {
    case TypeClass::TypeClass_VOID:
        out = Cell::blank();
        return true;
    case TypeClass::TypeClass_DOUBLE:
        out = Cell::of(*static_cast<const double*>(a.getValue()));
        return true;
    case TypeClass::TypeClass_BOOLEAN:
        out = Cell::of(*static_cast<const sal_Bool*>(a.getValue()) ? 1.0 : 0.0);
        return true;
    case TypeClass::TypeClass_LONG:
        out = Cell::of(*static_cast<const sal_Int32*>(a.getValue()));
        return true;
    case TypeClass::TypeClass_STRING:
        // Calc hands over a blank cell inside a range as an empty string, and a
        // formula that shows nothing ("") is blank to the user as well.
        out = static_cast<const rtl::OUString*>(a.getValue())->isEmpty() ? Cell::blank() : Cell::text();
        return true;
    default:
        return false;
    }
}

template <class Row>
bool isRectangular(const Sequence<Row>& rows, std::size_t& cols) noexcept
{
    cols = rows.getLength() > 0 ? static_cast<std::size_t>(rows[0].getLength()) : 0;
    for (const Row& r : rows)
        if (static_cast<std::size_t>(r.getLength()) != cols)
            return false;
    return true;
}

// UTF-16 to UTF-8 appended to `out` (a keyword fits its inline buffer: no
// allocation). A lone surrogate becomes '?', as rtl's converter makes it.
template <class Bytes>
void appendUtf8(const rtl::OUString& text, Bytes& out)
{
    const sal_Unicode* p = text.getStr();
    const sal_Int32 n = text.getLength();
    for (sal_Int32 i = 0; i < n; ++i) {
        std::uint32_t c = p[i];
        if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (p[i + 1] - 0xDC00u);
                ++i;
            } else {
                out.push_back('?');
                continue;
            }
        }
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (c >> 12)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (c >> 18)));
            out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
}

void toUtf8(const rtl::OUString& text, std::string& out)
{
    out.clear();
    appendUtf8(text, out);
}

const Any* singleElement(const Any& value) noexcept
{
    if (auto* rows = static_cast<const Sequence<Sequence<Any>>*>(
            value.getValueType() == cppu::UnoType<Sequence<Sequence<Any>>>::get() ? value.getValue() : nullptr))
        if (rows->getLength() == 1 && (*rows)[0].getLength() == 1)
            return &(*rows)[0][0];
    return nullptr;
}

// A 1x1 range given where a single value is expected reads as that value.
const Any& singleElementOr(const Any& value) noexcept
{
    const Any* single = singleElement(value);
    return single ? *single : value;
}

std::atomic<bool> rangeAllocationFaults{false};

// The allocation of a large range's cells fails, if the test hook asks for it.
[[gnu::cold, gnu::noinline]] void maybeFailAllocation(const Sequence<Sequence<Any>>& rows, std::size_t cells)
{
    double first = 0.0;
    if (cells > 16 && rows.getLength() > 0 && rows[0].getLength() > 0 && (rows[0][0] >>= first) &&
        first == kFailRangeAllocation)
        throw std::bad_alloc();
}

} // namespace

void enableRangeAllocationFaults() noexcept { rangeAllocationFaults.store(true, std::memory_order_relaxed); }

Error CellArgument::assign(const Any& value)
{
    cells_.clear();
    rows_ = cols_ = 0;
    ranged_ = false;
    if (toCell(value, single_)) {
        rows_ = cols_ = 1;
        return Error::None;
    }
    ranged_ = true;
    const css::uno::Type& type = value.getValueType();
    if (type == cppu::UnoType<Sequence<Sequence<Any>>>::get())
        return assignRows(*static_cast<const Sequence<Sequence<Any>>*>(value.getValue()));
    if (type == cppu::UnoType<Sequence<Sequence<double>>>::get()) {
        const auto& rows = *static_cast<const Sequence<Sequence<double>>*>(value.getValue());
        std::size_t cols = 0;
        if (!isRectangular(rows, cols))
            return Error::InvalidArgument;
        cells_.reserve(static_cast<std::size_t>(rows.getLength()) * cols);
        for (const Sequence<double>& row : rows)
            for (double d : row)
                cells_.push_back(Cell::of(d));
        rows_ = static_cast<std::size_t>(rows.getLength());
        cols_ = cols;
        return Error::None;
    }
    return Error::InvalidArgument;
}

Error CellArgument::assign(const Sequence<Sequence<Any>>& rows)
{
    cells_.clear();
    rows_ = cols_ = 0;
    ranged_ = false;
    // A lone value or cell (Calc wraps it in a 1x1 array) reads as today's single value.
    if (rows.getLength() == 1 && rows[0].getLength() == 1 && toCell(rows[0][0], single_)) {
        rows_ = cols_ = 1;
        return Error::None;
    }
    ranged_ = true;
    return assignRows(rows);
}

Error CellArgument::assignRows(const Sequence<Sequence<Any>>& rows)
{
    // One pass over the rows: each inner sequence is its own heap block,
    // so a second walk (to check the shape first) would cost as much again.
    const std::size_t cols = rows.getLength() > 0 ? static_cast<std::size_t>(rows[0].getLength()) : 0;
    const std::size_t count = static_cast<std::size_t>(rows.getLength()) * cols;
    if (DEALERKPI_UNLIKELY(rangeAllocationFaults.load(std::memory_order_relaxed)))
        maybeFailAllocation(rows, count);
    cells_.resize(count);
    Cell* out = cells_.data();
    for (const Sequence<Any>& row : rows) {
        if (static_cast<std::size_t>(row.getLength()) != cols)
            return Error::InvalidArgument;  // ragged
        for (const Any& a : row)
            if (!toCell(a, *out++))
                return Error::InvalidArgument;
    }
    rows_ = static_cast<std::size_t>(rows.getLength());
    cols_ = cols;
    return Error::None;
}

Error KeywordArgument::assign(const Any& value)
{
    const Any& a = singleElementOr(value);
    switch (a.getValueTypeClass()) {
    case TypeClass::TypeClass_VOID:
        keyword_ = Keyword::omitted();
        return Error::None;
    case TypeClass::TypeClass_STRING: {
        const auto& s = *static_cast<const rtl::OUString*>(a.getValue());
        if (s.isEmpty()) {
            keyword_ = Keyword::omitted();
            return Error::None;
        }
        toUtf8(s, utf8_);
        keyword_ = Keyword::of(std::string_view(utf8_));
        return Error::None;
    }
    default:
        Cell c;
        if (!toCell(a, c) || !c.isNumber())
            return Error::InvalidArgument;
        keyword_ = Keyword::of(c.number);
        return Error::None;
    }
}

namespace {

// Where each text of a keyword list lies in its UTF-8 buffer: the views are
// made once the buffer no longer moves.
struct Span {
    std::size_t begin, end;
};
using Spans = boost::container::small_vector<Span, 16>;

// One element of a keyword list: omitted, a text (its bytes appended to `utf8`)
// or a number; false for anything else.
template <class Keywords, class Bytes>
bool addKeyword(const Any& a, Keywords& keywords, Bytes& utf8, Spans& spans)
{
    switch (a.getValueTypeClass()) {
    case TypeClass::TypeClass_VOID:
        keywords.push_back(Keyword::omitted());
        spans.push_back({0, 0});
        return true;
    case TypeClass::TypeClass_STRING: {
        const auto& s = *static_cast<const rtl::OUString*>(a.getValue());
        const std::size_t begin = utf8.size();
        appendUtf8(s, utf8);
        keywords.push_back(s.isEmpty() ? Keyword::omitted() : Keyword::of(std::string_view()));
        spans.push_back({begin, utf8.size()});
        return true;
    }
    default:
        Cell c;
        if (!toCell(a, c) || !c.isNumber())
            return false;
        keywords.push_back(Keyword::of(c.number));
        spans.push_back({0, 0});
        return true;
    }
}

} // namespace

Error KeywordListArgument::assign(const Any& value)
{
    keywords_.clear();
    utf8_.clear();
    Spans spans;
    auto add = [&](const Any& a) { return addKeyword(a, keywords_, utf8_, spans); };

    bool ok = true;
    if (value.getValueType() == cppu::UnoType<Sequence<Sequence<Any>>>::get()) {
        const auto& rows = *static_cast<const Sequence<Sequence<Any>>*>(value.getValue());
        std::size_t cols = 0;
        if (!isRectangular(rows, cols))
            return Error::InvalidArgument;
        for (const Sequence<Any>& row : rows)
            for (const Any& a : row)
                ok = ok && add(a);
    } else if (value.getValueType() == cppu::UnoType<Sequence<Sequence<double>>>::get()) {
        const auto& rows = *static_cast<const Sequence<Sequence<double>>*>(value.getValue());
        std::size_t cols = 0;
        if (!isRectangular(rows, cols))
            return Error::InvalidArgument;
        for (const Sequence<double>& row : rows)
            for (double d : row) {
                keywords_.push_back(Keyword::of(d));
                spans.push_back({0, 0});
            }
    } else {
        ok = add(value);
    }
    if (!ok) {
        keywords_.clear();
        return Error::InvalidArgument;
    }
    for (std::size_t i = 0; i < keywords_.size(); ++i)
        if (keywords_[i].kind == Keyword::Kind::Text)
            keywords_[i].text = std::string_view(utf8_.data() + spans[i].begin, spans[i].end - spans[i].begin);
    return Error::None;
}

Error optionalNumber(const Any& value, std::optional<double>& out) noexcept
{
    Cell c;
    if (!toCell(singleElementOr(value), c))
        return Error::InvalidArgument;
    if (c.isText())
        return Error::Value;
    out = c.isNumber() ? std::optional<double>(c.number) : std::nullopt;
    return Error::None;
}

Error optionalNumber(const Any& value, double fallback, double& out) noexcept
{
    std::optional<double> given;
    const Error e = optionalNumber(value, given);
    out = given.value_or(fallback);
    return e;
}

double errorValue(Error e) noexcept
{
    // Calc's FormulaError codes.
    std::uint64_t code = 519;  // #VALUE!
    switch (e) {
    case Error::None:
    case Error::Value: code = 519; break;
    case Error::InvalidArgument: code = 502; break;
    case Error::DivisionByZero: code = 532; break;
    case Error::Overflow: code = 503; break;
    }
    const std::uint64_t bits = 0x7FF8000000000000ULL | code;
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

Any toCalcArray(const std::vector<double>& values, const Grid& shape)
{
    if (values.size() == 1)
        return Any(values[0]);
    Sequence<Sequence<double>> rows(static_cast<sal_Int32>(shape.rows));
    auto* row = rows.getArray();
    const double* next = values.data();
    for (std::size_t r = 0; r < shape.rows; ++r, next += shape.cols)
        row[r] = Sequence<double>(next, static_cast<sal_Int32>(shape.cols));
    return Any(rows);
}

} // namespace dealerkpi::uno
