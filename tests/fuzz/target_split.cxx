// TARGET_SPLIT: any total, any block of weights, any decimals, any part,
// against the oracle (tests/oracle/target_split.hxx): the total rounded half
// away from zero as typed, the parts exactly the largest-remainder split of it.
#include "fuzz_input.hxx"
#include "oracle/core_glue.hxx"
#include "oracle/target_split.hxx"

using namespace dealerkpi;
using namespace dealerkpi::fuzz;
namespace o = dealerkpi::oracle;

namespace {

// Whether `parts` (doubles) are the split of `units`; `why` says what is not.
// For whole weights and decimals (as read) the shares are exact and so must
// the split be. Otherwise
// the core computes each share in x87 extended precision (64 bits): a product,
// a quotient and a sum of the weights that may drift by one unit of 2^-64 per
// weight, so two remainders closer than (n + 2) * 2^-63 of the total may
// come out in either order; ties that are exact still follow the tie rule.
bool isSplitOf(const std::vector<double>& parts, const o::Split& split, const o::Integer& units, bool wholeWeights,
               std::string& why)
{
    const o::Apportioned a = o::apportion(units, split.weights);
    const std::size_t n = parts.size();
    std::vector<bool> extra(n);
    o::Integer given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        // Each part is the double nearest its multiple of 10^-decimals.
        const o::Integer b = a.base[i];
        if (o::ulpsOff(parts[i], split.value(b)) <= o::Rational(1, 2))
            extra[i] = false;
        else if (o::ulpsOff(parts[i], split.value(o::Integer(b + 1))) <= o::Rational(1, 2))
            extra[i] = true;
        else {
            why = "part " + std::to_string(i + 1) + " " + o::show(parts[i]) + " is not its share " +
                  o::show(split.value(a.parts[i]));
            return false;
        }
        if (parts[i] == 0 && std::signbit(parts[i])) {
            why = "a part of -0";
            return false;
        }
        given += b + (extra[i] ? 1 : 0);
    }
    if (given != units) {
        why = "the parts do not add up to the rounded total";
        return false;
    }
    const o::Rational band = wholeWeights ? o::Rational(0) : o::Rational(units) * (n + 2) / o::pow2(63);
    // Every part given a leftover unit against one that is not, though the
    // exact order puts the other first: allowed only within the band, never
    // across an exact tie. (Three remainders a hair apart may come out in any
    // order, so each pair is checked, not only the edge of those given.)
    std::vector<std::size_t> rank(n);
    for (std::size_t k = 0; k < n; ++k)
        rank[a.order[k]] = k;
    for (std::size_t i = 0; i < n; ++i) {
        if (!extra[i])
            continue;
        for (std::size_t j = 0; j < n; ++j) {
            if (extra[j] || rank[j] > rank[i])
                continue;
            const o::Rational gap = a.remainder[j] - a.remainder[i];
            if (gap == 0 || gap > band) {
                why = "leftover unit given to part " + std::to_string(i + 1) + " before part " +
                      std::to_string(j + 1) + ", against the largest-remainder order";
                return false;
            }
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    const std::uint8_t dByte = in.byte();
    const double decimals = dByte & 0x80 ? in.number() : static_cast<double>(dByte % 16) - 8.0;  // -8..7
    const double total = in.number();
    const Block weights = in.block();
    const std::uint8_t pByte = in.byte();
    const double part = pByte % 8 == 7 ? in.number() : static_cast<double>(pByte % 8);

    std::vector<double> parts{-1.0};
    const Error e = targetSplit(total, weights, decimals, parts);
    const o::Split want = o::targetSplit(total, o::rangeOf(weights), decimals);

    if (want.unspecified) {
        for (double p : parts)
            check(std::isfinite(p), "a NaN or infinite part", p);
        return 0;
    }
    if (e != Error::None) {
        check(parts.empty(), "parts left behind with an error");
        if (!want.allows(o::faultOf(e)))
            fail(("error " + o::faultNames(o::faultOf(e)) + "where the spec says " + o::faultNames(want.faults)).c_str());
        check(pickPart(parts, 1).error == Error::InvalidArgument, "a part of nothing");
        return 0;
    }
    check(!want.totals.empty(), "parts where the spec says an error", want.faults);
    check(parts.size() == weights.cells.size(), "one part per weight");

    // Weights read as decimals of at most 6 places split exactly, as whole ones do.
    bool whole = true;
    for (const o::Rational& w : want.weights)
        whole = whole && o::isWhole(w * o::pow10(6));
    std::string why;
    bool matched = false;
    for (const o::Integer& units : want.totals)  // two where the typed total is a hair off a half
        matched = matched || isSplitOf(parts, want, units, whole, why);
    if (!matched)
        fail(why.c_str());

    const Number picked = pickPart(parts, part);
    if (part != 0 && o::validPart(part, parts.size()))
        check(picked.ok() && picked.value == parts[static_cast<std::size_t>(part) - 1], "wrong part picked", part);
    else if (part != 0)
        check(picked.error == Error::InvalidArgument, "part out of range accepted", part);
    return 0;
}
