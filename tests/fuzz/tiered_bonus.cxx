// TIERED_BONUS: any amount, tier table, mode, cap and prior, against the
// oracle (tests/oracle/tiered_bonus.hxx).
#include "fuzz_input.hxx"
#include "oracle/core_glue.hxx"
#include "oracle/tiered_bonus.hxx"
#include "core/numeric.hxx"

#include <optional>

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

namespace {

// The value the core's extended precision holds, exactly.
oracle::Rational exactExtended(const numeric::Extended& x)
{
    if (x == 0)
        return 0;
    int e = 0;
    const numeric::Extended m = frexp(x, &e);
    const auto mantissa = ldexp(m, 63).convert_to<long long>();
    e -= 63;
    oracle::Rational r = mantissa;
    if (e > 0)
        r *= oracle::pow2(static_cast<unsigned>(e));
    else
        r /= oracle::pow2(static_cast<unsigned>(-e));
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input in(data, size);
    const std::uint8_t header = in.byte();
    const BonusMode mode = static_cast<BonusMode>((header & 3u) % 3);
    const double cap = header & 4 ? in.number() : 0.0;
    const std::optional<double> prior = header & 8 ? std::optional<double>(in.number()) : std::nullopt;
    const double amount = in.number();
    in.number();  // (a second amount, read to keep the seed format)
    const Block thresholds = in.block();
    const Block rates = header & 16 ? in.block() : in.shaped(thresholds.rows, thresholds.cols);

    BonusOptions options;
    options.mode = mode;
    options.cap = cap;
    options.prior = prior;
    const Number got = tieredBonus(amount, thresholds, rates, options);

    std::string why;
    if (!std::isfinite(amount) || !std::isfinite(prior.value_or(0.0))) {
        // No sheet holds these: only "no NaN or infinite result".
        oracle::Scalar anything;
        anything.unspecified = true;
        if (!oracle::judge(anything, got, why))
            fail(why.c_str());
        return 0;
    }
    // The add-in passes a blank cap as 0: no cap.
    const std::optional<double> capOf = cap == 0.0 ? std::nullopt : std::optional<double>(cap);
    const auto oracleMode = static_cast<oracle::BonusMode>(static_cast<int>(mode));
    const std::optional<oracle::Rational> priorOf =
        prior ? std::optional<oracle::Rational>(oracle::exact(*prior)) : std::nullopt;
    const oracle::Scalar want = oracle::tieredBonus(oracle::exact(amount), oracle::rangeOf(thresholds),
                                                    oracle::rangeOf(rates), oracleMode, capOf, priorOf);
    if (oracle::judge(want, got, why))
        return 0;
    // The core holds prior + amount in extended precision: where that sum
    // rounds (prior and amount 2^64 or more apart) a threshold between the
    // exact and the held sum may go either way.
    if (prior) {
        const oracle::Rational held = exactExtended(numeric::Extended(*prior) + amount);
        if (held != oracle::exact(*prior) + oracle::exact(amount)) {
            const oracle::Scalar alternative = oracle::tieredBonus(held - oracle::exact(*prior), oracle::rangeOf(thresholds),
                                                                   oracle::rangeOf(rates), oracleMode, capOf, priorOf);
            std::string ignored;
            if (oracle::judge(alternative, got, ignored))
                return 0;
        }
    }
    fail(why.c_str());
}
