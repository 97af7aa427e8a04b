// KPI_SCORE: any scorecard, caps, gates and directions, checked against the
// exact-arithmetic oracle of the contract (tests/oracle/kpi_score.hxx).
#include "fuzz_input.hxx"
#include "core/numeric.hxx"
#include "oracle/agree.hxx"
#include "oracle/kpi_score.hxx"

#include <limits>

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

namespace {

oracle::Entry entryOf(const Cell& c)
{
    return c.isBlank() ? oracle::Entry{}
           : c.isText() ? oracle::Entry{oracle::Entry::Text, 0}
                        : oracle::Entry{oracle::Entry::Number, c.number};
}

oracle::Sheet sheetOf(const Block& b)
{
    oracle::Sheet s;
    for (const Cell& c : b.cells)
        s.cells.push_back(entryOf(c));
    s.rows = b.rows;
    s.cols = b.cols;
    return s;
}

std::uint8_t faultOf(Error e)
{
    switch (e) {
    case Error::None: return 0;
    case Error::Value: return oracle::kValue;
    case Error::InvalidArgument: return oracle::kInvalid;
    case Error::DivisionByZero: return oracle::kDivZero;
    case Error::Overflow: return oracle::kOverflow;
    }
    return 0xFF;
}

// Direction spellings and what the contract says each means.
struct Spelling {
    Keyword keyword;
    oracle::Way way;
};
const Spelling kSpellings[] = {
    {Keyword::omitted(), oracle::Way::Higher},
    {Keyword::of(0.0), oracle::Way::Higher},
    {Keyword::of(1.0), oracle::Way::Lower},
    {Keyword::of(2.0), oracle::Way::Unknown},
    {Keyword::of(0.5), oracle::Way::Unknown},
    {Keyword::of(-1.0), oracle::Way::Unknown},
    {Keyword::of(std::string_view("higher")), oracle::Way::Higher},
    {Keyword::of(std::string_view("lower")), oracle::Way::Lower},
    {Keyword::of(std::string_view("LOWER")), oracle::Way::Lower},
    {Keyword::of(std::string_view("越高越好")), oracle::Way::Higher},
    {Keyword::of(std::string_view("越低越好")), oracle::Way::Lower},
    {Keyword::of(std::string_view("\u3000越低越好 ")), oracle::Way::Lower},
    {Keyword::of(std::string_view(" 1 ")), oracle::Way::Lower},
    {Keyword::of(std::string_view("")), oracle::Way::Higher},
    {Keyword::of(std::string_view("low")), oracle::Way::Unknown},
    {Keyword::of(std::string_view("越低")), oracle::Way::Unknown},
};

// Takes the magnitude of every number in a block (targets > 0 more often,
// so that the arithmetic is reached).
void positive(Block& b)
{
    for (Cell& c : b.cells)
        if (c.isNumber())
            c = Cell::of(std::fabs(c.number));
}

// A caps or gates argument: omitted (one blank), one cell, or one per measure.
Block oneOrEach(Input& in, unsigned how, const Block& shape)
{
    switch (how % 4) {
    case 0: return Block{{Cell::blank()}, 1, 1};
    case 1: return in.shaped(1, 1);
    case 2: return in.shaped(shape.rows, shape.cols);
    default: return in.block();
    }
}

// The core sums in extended precision (u = 2^-64): one rounding per achievement,
// per product, per addition to either sum, and the quotient, on terms of the
// size of the oracle's scale S (the weighted mean of |achievement|): within
// (n + 3) u S of the exact score (n <= 225 cells: under 2^-56 S), then half
// an ulp of the result for the rounding to double. Allowed: 1 ulp of the
// exact score + 1/8 ulp of S (2^-56 S is under ulp(S) / 8).
static_assert(std::numeric_limits<numeric::Extended>::digits >= 64, "the tolerance assumes a 64-bit significand");
constexpr oracle::Tolerance kTolerance{1.0, 1.0 / 8};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    // header: bits 0-1 caps, 2-3 gates, 4-5 directions (omitted, one, each,
    // any count), bit 6 targets and weights their own blocks (else the
    // actuals' shape), bit 7 targets and weights positive.
    const std::uint8_t header = in.byte();
    const Block actuals = in.block();
    Block targets = header & 64 ? in.block() : in.shaped(actuals.rows, actuals.cols);
    Block weights = header & 64 ? in.block() : in.shaped(actuals.rows, actuals.cols);
    if (header & 128) {
        positive(targets);
        positive(weights);
    }
    const Block caps = oneOrEach(in, header, actuals);
    const Block gates = oneOrEach(in, header >> 2, actuals);
    std::size_t count = 1;
    switch ((header >> 4) % 4) {
    case 2: count = actuals.cells.size(); break;
    case 3: count = in.byte() % 16; break;
    default: break;
    }
    std::vector<Keyword> keywords;
    std::vector<oracle::Way> ways;
    for (std::size_t i = 0; i < count; ++i) {
        const Spelling& s = (header >> 4) % 4 == 0 ? kSpellings[0]
                                                   : kSpellings[in.byte() % (sizeof kSpellings / sizeof kSpellings[0])];
        keywords.push_back(s.keyword);
        ways.push_back(s.way);
    }

    KpiInputs inputs;
    inputs.actuals = actuals;
    inputs.targets = targets;
    inputs.weights = weights;
    inputs.caps = caps;
    inputs.gates = gates;
    inputs.directions = KeywordList(keywords.data(), keywords.size());
    const Number got = kpiScore(inputs);
    if (got.ok()) {
        check(std::isfinite(got.value), "non-finite score", got.value);
        check(!(got.value == 0 && std::signbit(got.value)), "a score of -0");
    }

    oracle::KpiCase c;
    c.actuals = sheetOf(actuals);
    c.targets = sheetOf(targets);
    c.weights = sheetOf(weights);
    c.caps = sheetOf(caps).cells;
    c.gates = sheetOf(gates).cells;
    c.directions = ways;
    const oracle::Expected want = oracle::kpiScore(c);
    // #DIV/0! exactly when the oracle says so: kept weights that sum to 0, or
    // a lower-is-better actual of 0 without a cap.
    if (got.error == Error::DivisionByZero)
        check(want.allows(oracle::kDivZero), "#DIV/0! where the oracle has none");
    const std::string why = oracle::disagreement(want, faultOf(got.error), got.value, kTolerance);
    if (!why.empty()) {
        std::fprintf(stderr, "KPI_SCORE disagrees with the oracle: %s\n", why.c_str());
        fail("kpi score", got.value);
    }
    return 0;
}
