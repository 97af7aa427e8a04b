#include "split.hxx"

#include "numeric.hxx"

#include <boost/container/small_vector.hpp>
#include <boost/multiprecision/cpp_int.hpp>
#include <boost/multiprecision/integer.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

namespace dealerkpi {
namespace {

constexpr double kMaxExact = 9007199254740992.0;  // 2^53: beyond it units are not exact
constexpr double kPow10[] = {1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6};

using Units = std::int64_t;
// 128-bit unsigned integers on every compiler (a native type where there is one).
using U128 = boost::multiprecision::uint128_t;
using numeric::Extended;

// Leading and trailing zero bits of a 64-bit word that is not 0.
inline int leadingZeros(std::uint64_t x) noexcept { return 63 - static_cast<int>(boost::multiprecision::msb(x)); }
inline int trailingZeros(std::uint64_t x) noexcept { return static_cast<int>(boost::multiprecision::lsb(x)); }

// Scratch arrays: on the stack up to this many weights, on the heap beyond.
constexpr std::size_t kInline = 32;
template <class T>
using Scratch = boost::container::small_vector<T, kInline>;
constexpr boost::container::default_init_t kNoInit{};

// The weights as the split sees them: a blank cell is 0, and when every
// weight is 0 each counts as 1 (an equal split).
struct Weights {
    const Grid& grid;
    bool equal;
    double operator[](std::size_t i) const noexcept
    {
        if (equal)
            return 1.0;
        const Cell& c = grid[i];
        return c.isNumber() ? c.number : 0.0;
    }
};

// How one weight's share of `total` units splits into whole units and a
// remainder. Each kind also gives a 64-bit key per weight that never orders
// two remainders against their true order (r1 < r2 implies key1 <= key2), so
// that the largest remainders can be found by radix selection on the keys;
// where keys tie and the key is not exact, rest() gives the true remainder.
//
// All weights whole numbers and their sum below 2^64: the remainder is the
// exact integer (total * w) mod sum, and the key is that remainder itself
// (shifted to the top bits), so ties in the key are ties in the remainder.
struct ExactShares {
    static constexpr bool kExactKey = true;
    std::uint64_t total;
    std::uint64_t sum;
    double ratio;  // total / sum, only a first guess at each quotient
    int shift;

    ExactShares(Units t, std::uint64_t s) noexcept
        : total(static_cast<std::uint64_t>(t)), sum(s),
          ratio(static_cast<double>(t) / static_cast<double>(s)),
          shift(s > 1 ? leadingZeros(s - 1) : 0)
    {
    }

    Units share(double w, std::uint64_t& key) const noexcept
    {
        const auto weight = static_cast<std::uint64_t>(w);
        const U128 numerator = static_cast<U128>(total) * weight;
        // The floating-point quotient is within a few units of the true one;
        // exact integer arithmetic corrects it.
        auto q = static_cast<std::uint64_t>(w * ratio);
        U128 taken = static_cast<U128>(q) * sum;
        while (taken > numerator) {
            --q;
            taken -= sum;
        }
        U128 rest = numerator - taken;
        while (rest >= sum) {
            ++q;
            rest -= sum;
        }
        key = static_cast<std::uint64_t>(rest) << shift;
        return static_cast<Units>(q);
    }

    int rest(double) const noexcept { return 0; }  // never asked: the key is exact
};

// All weights whole numbers, their sum 2^64 or more: plain 128-bit division;
// the key is the top 64 bits of the remainder.
struct WideShares {
    static constexpr bool kExactKey = false;
    U128 total;
    U128 sum;
    int drop;  // low bits of the remainder left out of the key

    WideShares(Units t, U128 s) noexcept : total(static_cast<U128>(t)), sum(s)
    {
        const auto high = static_cast<std::uint64_t>(s >> 64);
        drop = high ? 64 - leadingZeros(high) : 0;
    }

    Units share(double w, std::uint64_t& key) const noexcept
    {
        const U128 numerator = total * static_cast<U128>(w);
        key = static_cast<std::uint64_t>((numerator % sum) >> drop);
        return static_cast<Units>(numerator / sum);
    }

    U128 rest(double w) const noexcept { return (total * static_cast<U128>(w)) % sum; }
};

// Some weight is not a whole number: shares in extended precision. The key
// is the remainder (in [0, 1)) rounded to double and scaled to 63 bits.
struct InexactShares {
    static constexpr bool kExactKey = false;
    Extended total;
    Extended sum;

    Extended exact(double w) const noexcept { return total * w / sum; }

    Units share(double w, std::uint64_t& key) const noexcept
    {
        const Extended x = exact(w);  // 0 <= x <= total < 2^53
        const Extended whole = floor(x);
        double r = numeric::toDouble(x - whole);
        if (!(r < 1.0))
            r = 0x1.fffffffffffffp-1;  // a remainder just below 1 that rounded up
        key = static_cast<std::uint64_t>(static_cast<std::int64_t>(r * 0x1p63));
        return static_cast<Units>(numeric::toDouble(whole));
    }

    Extended rest(double w) const noexcept
    {
        const Extended x = exact(w);
        return x - floor(x);
    }
};

// The order in which leftover units are handed out: larger remainder first,
// then larger weight, then earlier position.
template <class Shares>
struct Before {
    const Shares& shares;
    const Weights& weights;
    const std::uint64_t* keys;

    bool operator()(std::uint32_t a, std::uint32_t b) const noexcept
    {
        if (keys[a] != keys[b])
            return keys[a] > keys[b];
        if constexpr (!Shares::kExactKey) {
            const auto ra = shares.rest(weights[a]), rb = shares.rest(weights[b]);
            if (ra != rb)
                return ra > rb;
        }
        const double wa = weights[a], wb = weights[b];
        if (wa != wb)
            return wa > wb;
        return a < b;
    }
};

// Adds one unit to each of the `need` first of `candidates` (ascending
// positions) in the order `before`.
template <class Shares>
void giveToFirst(Scratch<std::uint32_t>& candidates, std::size_t need, const Before<Shares>& before,
                 const Weights& weights, double* units)
{
    if (need == 0)
        return;
    if (need < candidates.size()) {
        // Common case of ties: equal keys that are exact and equal weights
        // order by position, and the candidates already are in that order.
        bool byPosition = Shares::kExactKey;
        const std::uint32_t head = candidates.front();
        for (std::size_t k = 1; byPosition && k < candidates.size(); ++k)
            byPosition = before.keys[candidates[k]] == before.keys[head] && weights[candidates[k]] == weights[head];
        if (!byPosition)
            std::nth_element(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(need),
                             candidates.end(), before);
    }
    for (std::size_t k = 0; k < need; ++k)
        units[candidates[k]] += 1.0;
}

// Radix selection on keys in [lowest, highest], 11 bits at a time: the digits
// of key - lowest, from its highest bit that can be set (lowest < highest), down.
struct Radix {
    static constexpr int kBits = 11;
    static constexpr std::size_t kBuckets = std::size_t{1} << kBits;
    std::uint64_t lowest;
    int shift;
    std::uint32_t counts[kBuckets];

    Radix(std::uint64_t low, std::uint64_t high) : lowest(low), shift(std::max(0, 64 - kBits - leadingZeros(high - low))) {}
    std::size_t digit(std::uint64_t key) const noexcept
    {
        return static_cast<std::size_t>(((key - lowest) >> shift) & (kBuckets - 1));
    }
    // The bucket of the last of `need` units given, and how many weights lie above it.
    std::size_t pickBucket(std::size_t need, std::size_t& bucket) const noexcept
    {
        std::size_t above = 0;
        bucket = kBuckets - 1;
        while (above + counts[bucket] < need) {
            above += counts[bucket];
            --bucket;
        }
        return above;
    }
};

// Further digits over the candidates that share the last one: the weights above
// the bucket of the last unit get one each, the candidates narrow to that bucket.
void narrowDown(Radix& radix, const std::uint64_t* keys, std::size_t& need, Scratch<std::uint32_t>& candidates,
                double* units)
{
    Scratch<std::uint32_t> next;
    std::size_t bucket;
    while (need > 0 && need < candidates.size() && candidates.size() > kInline && radix.shift > 0) {
        radix.shift = std::max(0, radix.shift - Radix::kBits);
        std::fill(std::begin(radix.counts), std::end(radix.counts), 0u);
        for (std::uint32_t i : candidates)
            ++radix.counts[radix.digit(keys[i])];
        need -= radix.pickBucket(need, bucket);
        next.clear();
        for (std::uint32_t i : candidates) {
            const std::size_t d = radix.digit(keys[i]);
            if (d > bucket)
                units[i] += 1.0;
            else if (d == bucket)
                next.push_back(i);
        }
        candidates.swap(next);
    }
}

// Adds one unit to each of the `need` weights that come first in the order
// `before`, 0 < need < n; every key lies in [lowest, highest]; sameWeights:
// all weights are equal. Radix
// selection on the keys, 11 bits at a time, narrows the weights down to the
// few whose keys tie with the last one taken; those are ordered exactly.
template <class Shares>
void giveToLargest(std::size_t n, std::size_t need, std::uint64_t lowest, std::uint64_t highest, bool sameWeights,
                   const Before<Shares>& before, const Weights& weights, double* units)
{
    const std::uint64_t* keys = before.keys;

    Scratch<std::uint32_t> candidates;
    if (lowest == highest && Shares::kExactKey && sameWeights) {
        // Equal remainders and equal weights: the first positions get the units.
        for (std::size_t i = 0; i < need; ++i)
            units[i] += 1.0;
        return;
    }
    if (n <= kInline || lowest == highest) {  // few weights, or one key for all
        candidates.resize(n, kNoInit);
        std::iota(candidates.begin(), candidates.end(), 0u);
        giveToFirst(candidates, need, before, weights, units);
        return;
    }

    Radix radix(lowest, highest);
    static constexpr double kOneIf[2] = {0.0, 1.0};
    // The first digit over all weights.
    std::fill(std::begin(radix.counts), std::end(radix.counts), 0u);
    for (std::size_t i = 0; i < n; ++i)
        ++radix.counts[radix.digit(keys[i])];
    std::size_t bucket;
    need -= radix.pickBucket(need, bucket);
    candidates.reserve(radix.counts[bucket]);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t d = radix.digit(keys[i]);
        units[i] += kOneIf[d > bucket];  // no branch: half the weights, at random
        if (d == bucket)
            candidates.push_back(static_cast<std::uint32_t>(i));
    }
    narrowDown(radix, keys, need, candidates, units);
    giveToFirst(candidates, need, before, weights, units);
}

// Splits `total` units over the weights (all >= 0, not all 0) into `units`
// (whole numbers held as doubles, all below 2^53). Every weight gets its
// share rounded down; the units left over go one each to the largest
// remainders in the order of Before. Inexact shares may leave n or more
// units over (every weight then gets some in turn, starting again from the
// first in that order), or take more than the total (units are then taken
// back from the smallest remainders, skipping weights at 0, in turn).
template <class Shares>
void apportion(Units total, const Weights& weights, std::size_t n, const Shares& shares, double* units)
{
    Scratch<std::uint64_t> keys(n, kNoInit);
    Units given = 0;
    std::uint64_t lowest = ~std::uint64_t{0}, highest = 0;
    const double first = weights[0];
    bool sameWeights = true;
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t key;
        const double w = weights[i];
        sameWeights &= w == first;
        const Units whole = shares.share(w, key);
        keys[i] = key;
        lowest = std::min(lowest, key);
        highest = std::max(highest, key);
        units[i] = static_cast<double>(whole);
        given += whole;
    }
    const Before<Shares> before{shares, weights, keys.data()};

    const Units left = total - given;
    if (left > 0) {
        const auto count = static_cast<Units>(n);
        const Units each = left / count;
        const auto extra = static_cast<std::size_t>(left % count);
        if (each > 0)
            for (std::size_t i = 0; i < n; ++i)
                units[i] += static_cast<double>(each);
        if (extra > 0)
            giveToLargest(n, extra, lowest, highest, sameWeights, before, weights, units);
    } else if (left < 0) {
        Scratch<std::uint32_t> order(n, kNoInit);
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), before);
        Units owed = -left;
        for (std::size_t k = n; owed > 0; k = (k == 0 ? n : k) - 1) {
            if (k < n && units[order[k]] > 0.0) {
                units[order[k]] -= 1.0;
                --owed;
            }
        }
    }
}

// What one pass over the weights learns: whether all are whole numbers, and
// then their exact sum (below 2^85).
struct WeightSum {
    bool whole = true;
    U128 sum = 0;
};

// One pass: checks every weight; adds them up exactly while they are whole.
Error checkWeights(const Grid& weights, WeightSum& total)
{
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const Cell& c = weights[i];
        if (c.isText())
            return Error::Value;
        const double v = c.isNumber() ? c.number : 0.0;
        if (v < 0.0)
            return Error::InvalidArgument;
        if (!std::isfinite(v))
            return Error::Overflow;
        // 0 <= v <= 2^53: v is whole exactly when it survives a round trip
        // through an integer (no branch: this runs for every weight).
        const double bounded = v <= kMaxExact ? v : 0.5;
        const auto integer = static_cast<std::int64_t>(bounded);
        const bool whole = static_cast<double>(integer) == bounded;
        total.whole &= whole;
        total.sum += static_cast<std::uint64_t>(whole ? integer : 0);
    }
    return Error::None;
}

// Whole weights add up exactly, so their sum is 0 only when every weight is;
// other weights are summed in extended precision, which never overflows
// (weights of 1E308 split as well as weights of 1).
bool allZero(const Grid& weights, const WeightSum& total)
{
    if (total.whole)
        return total.sum == 0;
    Extended sum = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i)
        sum += Weights{weights, false}[i];
    return sum == 0.0;  // not reached: a weight that is not whole is not 0
}

// Weights that a person typed with decimals (money to the cent, 0.05, hours
// to the minute) are read as those decimals: when every weight w is R / 10^k
// for one k of at most 6 and whole numbers R of at most 2^50 (R / 10^k, one
// correctly rounded division, gives back w exactly, and below 2^50 no other
// decimal of k places lies as near w), the R split exactly in w's stead, so
// that 0.05 and 0.15 tie as 5 and 15 do, instead of being ordered by the
// binary rounding of their values. Then `whole` holds the R, `sum` their sum,
// and the answer is true.
bool scaleDecimals(const Grid& weights, Scratch<Cell>& whole, U128& sum)
{
    constexpr double kMaxScaled = 1125899906842624.0;  // 2^50
    constexpr int kMaxPlaces = 6;
    int places = 0;
    for (const Cell& c : weights) {
        if (!c.isNumber() || c.number == 0.0)
            continue;
        while (true) {
            const double r = std::nearbyint(c.number * kPow10[places]);
            if (r > kMaxScaled)
                return false;
            if (r / kPow10[places] == c.number)
                break;
            if (++places > kMaxPlaces)
                return false;
        }
    }
    whole.assign(weights.begin(), weights.end());
    sum = 0;
    for (Cell& c : whole) {
        if (c.isNumber()) {
            // Within a quarter of R before rounding (R <= 2^50), so exactly R.
            c.number = std::nearbyint(c.number * kPow10[places]);
            if (c.number > kMaxScaled)
                return false;
            sum += static_cast<std::uint64_t>(c.number);
        }
    }
    return true;
}

// Weights that are not whole are still binary fractions (quarter hours,
// 0.5, 7.25): one power of two makes them all whole without changing their
// proportions, and then they split exactly, so that two remainders that
// are equal tie (and the tie rule decides) instead of being ordered by
// rounding noise. Only when they span at most 62 binary places (every
// scaled weight below 2^63); 0.1 next to 1000 does not. Then `whole` holds
// the scaled weights, `sum` their sum, and the answer is true.
bool scaleToWhole(const Grid& weights, Scratch<Cell>& whole, U128& sum)
{
    int lowest = std::numeric_limits<int>::max(), highest = std::numeric_limits<int>::min();
    for (const Cell& c : weights) {
        if (!c.isNumber() || c.number == 0.0)
            continue;
        int e = 0;
        const double m = std::frexp(c.number, &e);  // c = m * 2^e, 0.5 <= m < 1
        const auto mantissa = static_cast<std::uint64_t>(std::ldexp(m, 53));
        lowest = std::min(lowest, e - 53 + trailingZeros(mantissa));
        highest = std::max(highest, e);
    }
    if (highest - lowest > 62)
        return false;
    whole.assign(weights.begin(), weights.end());
    sum = 0;
    for (Cell& c : whole) {
        if (c.isNumber()) {
            c.number = std::ldexp(c.number, -lowest);
            sum += static_cast<std::uint64_t>(c.number);
        }
    }
    return true;
}

// Splits the units with the most exact shares the weights allow.
void splitUnits(Units totalUnits, const Weights& w, std::size_t n, const WeightSum& total, double* units)
{
    if (total.whole && (total.sum >> 64) == 0) {
        apportion(totalUnits, w, n, ExactShares(totalUnits, static_cast<std::uint64_t>(total.sum)), units);
    } else if (total.whole) {
        apportion(totalUnits, w, n, WideShares(totalUnits, total.sum), units);
    } else {
        Extended sum = 0.0;
        for (std::size_t i = 0; i < n; ++i)
            sum += w[i];
        apportion(totalUnits, w, n, InexactShares{Extended(totalUnits), sum}, units);
    }
}

// Units to parts: exact for 0 decimals, one correctly rounded division or
// multiplication otherwise.
void unitsToParts(double* units, std::size_t n, int d, bool negative)
{
    if (d == 0) {
        if (negative)
            for (std::size_t i = 0; i < n; ++i)
                units[i] = units[i] != 0.0 ? -units[i] : units[i];
    } else if (d > 0) {
        const double scale = kPow10[d];
        for (std::size_t i = 0; i < n; ++i) {
            const double v = units[i] / scale;
            units[i] = (negative && v != 0.0) ? -v : v;
        }
    } else {
        const double scale = kPow10[-d];
        for (std::size_t i = 0; i < n; ++i) {
            const double v = units[i] * scale;
            units[i] = (negative && v != 0.0) ? -v : v;
        }
    }
}

} // namespace

Error targetSplit(double total, const Grid& weights, double decimals, std::vector<double>& parts)
{
    parts.clear();
    if (!numeric::isWhole(decimals) || decimals < -6.0 || decimals > 6.0 || weights.empty())
        return Error::InvalidArgument;
    if (!std::isfinite(total))
        return Error::Overflow;

    const std::size_t n = weights.size();
    if (n > UINT32_MAX)
        return Error::InvalidArgument;
    WeightSum sum;
    if (const Error e = checkWeights(weights, sum); e != Error::None)
        return e;
    const bool equal = allZero(weights, sum);
    if (equal) {  // no history: split equally
        sum.whole = true;
        sum.sum = n;
    }
    Scratch<Cell> whole;
    Grid split = weights;
    if (!sum.whole && (scaleDecimals(weights, whole, sum.sum) || scaleToWhole(weights, whole, sum.sum))) {
        split = Grid(whole.data(), weights.rows, weights.cols);
        sum.whole = true;
    }

    const int d = static_cast<int>(decimals);
    const double scaled = d >= 0 ? std::fabs(total) * kPow10[d] : std::fabs(total) / kPow10[-d];
    const double rounded = numeric::roundHalfAway(scaled);
    if (!(rounded <= kMaxExact))
        return Error::Overflow;
    const auto totalUnits = static_cast<Units>(rounded);

    parts.resize(n);
    splitUnits(totalUnits, Weights{split, equal}, n, sum, parts.data());
    unitsToParts(parts.data(), n, d, total < 0.0);
    return Error::None;
}

bool wantsWholeSplit(double part) noexcept { return part == 0.0; }

Number pickPart(const std::vector<double>& parts, double part) noexcept
{
    if (!numeric::isWhole(part) || part < 1.0 || part > static_cast<double>(parts.size()))
        return Error::InvalidArgument;
    return parts[static_cast<std::size_t>(part) - 1];
}

} // namespace dealerkpi
