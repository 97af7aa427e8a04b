// TIERED_BONUS: any amount, tier table, mode, cap and prior.
#include "fuzz_input.hpp"

#include <optional>

using namespace dealerkpi;
using namespace dealerkpi::fuzz;

namespace {

// Cells up to the last non-blank one.
std::size_t usedLength(const Block& b)
{
    std::size_t n = b.cells.size();
    while (n > 0 && b.cells[n - 1].isBlank())
        --n;
    return n;
}

// The tier table as the contract reads it: None if usable, else the error of
// the first offending tier.
Error tableError(const Block& thresholds, const Block& rates)
{
    const std::size_t tiers = usedLength(thresholds);
    if (tiers == 0 || usedLength(rates) != tiers)
        return Error::InvalidArgument;
    for (std::size_t i = 0; i < tiers; ++i) {
        const Cell& t = thresholds.cells[i];
        const Cell& r = rates.cells[i];
        if (t.isText() || r.isText())
            return Error::Value;
        if (t.isBlank() || r.isBlank())
            return Error::InvalidArgument;
        if (i > 0 && !(t.number > thresholds.cells[i - 1].number))
            return Error::InvalidArgument;
    }
    return Error::None;
}

BonusOptions options(BonusMode mode, double cap, std::optional<double> prior)
{
    BonusOptions o;
    o.mode = mode;
    o.cap = cap;
    o.prior = prior;
    return o;
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
    const double more = std::fabs(in.number());  // a second, larger amount: amount + more
    const Block thresholds = in.block();
    const Block rates = header & 16 ? in.block() : in.shaped(thresholds.rows, thresholds.cols);

    const BonusOptions o = options(mode, cap, prior);
    const Number b = tieredBonus(amount, thresholds, rates, o);

    const bool finiteInputs = std::isfinite(amount) && std::isfinite(prior.value_or(0.0)) && std::isfinite(cap);
    const Error table = tableError(thresholds, rates);
    if (!b.ok()) {
        if (!finiteInputs)
            check(b.error == Error::Overflow, "non-finite input is not an overflow", static_cast<double>(b.error));
        else if (cap < 0)
            check(b.error == Error::InvalidArgument, "negative cap accepted", cap);
        else if (table != Error::None)
            check(b.error == table, "wrong error class for the table", static_cast<double>(b.error),
                  static_cast<double>(table));
        else
            check(b.error == Error::Overflow, "valid input gave an error", static_cast<double>(b.error));
        return 0;
    }
    check(finiteInputs && cap >= 0 && table == Error::None, "a result for invalid input");
    check(std::isfinite(b.value), "non-finite bonus", b.value);

    // The cumulative bonus C(x) with the cap is the result without a prior.
    const BonusOptions cumulative = options(mode, cap, std::nullopt);
    if (!prior && cap > 0)
        check(b.value <= cap, "bonus above the cap", b.value, cap);

    // Year to date: the result is C(prior + amount) - C(prior), bit for bit.
    if (prior) {
        const Number total = tieredBonus(*prior + amount, thresholds, rates, cumulative);
        const Number before = tieredBonus(*prior, thresholds, rates, cumulative);
        if (total.ok() && before.ok() && std::isfinite(total.value - before.value))
            check(b.value == total.value - before.value, "prior result is not C(p + a) - C(p)", b.value,
                  total.value - before.value);
    }

    // Monotone: non-negative rates in marginal mode; in whole and fixed mode
    // when rates also rise with the tiers and the first threshold is >= 0.
    bool nonNegative = true, rising = true;
    const std::size_t tiers = usedLength(thresholds);
    for (std::size_t i = 0; i < tiers; ++i) {
        nonNegative = nonNegative && rates.cells[i].number >= 0;
        rising = rising && (i == 0 || rates.cells[i].number >= rates.cells[i - 1].number);
    }
    const bool monotone = nonNegative && (mode == BonusMode::Marginal || (rising && thresholds.cells[0].number >= 0));
    if (monotone && std::isfinite(amount + more)) {
        const Number higher = tieredBonus(amount + more, thresholds, rates, o);
        if (higher.ok())
            check(higher.value >= b.value, "more sales, less bonus", b.value, higher.value);
    }
    return 0;
}
