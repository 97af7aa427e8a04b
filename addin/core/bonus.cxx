#include "bonus.hxx"

#include "numeric.hxx"

#include <cmath>
#include <limits>

namespace dealerkpi {
namespace {

using numeric::Extended;

// Checks the tier table; returns the number of tiers or an error.
Error checkTiers(const Grid& thresholds, const Grid& rates, std::size_t& tiers) noexcept
{
    return checkColumns(thresholds, rates, tiers, [&](std::size_t i) {
        return i > 0 && !(thresholds[i].number > thresholds[i - 1].number) ? Error::InvalidArgument : Error::None;
    });
}

// In extended precision, whose range no product or sum of a few doubles
// leaves: a bonus is #NUM! only when it does not fit a double itself.
Extended bonusFor(const Extended& amount, const Grid& thresholds, const Grid& rates, std::size_t tiers,
                     BonusMode mode) noexcept
{
    if (mode == BonusMode::Marginal) {
        Extended bonus = 0.0;
        for (std::size_t i = 0; i < tiers; ++i) {
            const Extended lower = thresholds[i].number;
            if (amount <= lower)
                break;
            const Extended upper =
                i + 1 < tiers ? Extended(thresholds[i + 1].number) : std::numeric_limits<Extended>::infinity();
            bonus += rates[i].number * ((amount < upper ? amount : upper) - lower);
        }
        return bonus;
    }
    std::size_t reached = tiers;
    for (std::size_t i = 0; i < tiers && thresholds[i].number <= amount; ++i)
        reached = i;
    if (reached == tiers)
        return 0.0;
    return mode == BonusMode::Whole ? amount * rates[reached].number : Extended(rates[reached].number);
}

} // namespace

Number tieredBonus(double amount, const Grid& thresholds, const Grid& rates, const BonusOptions& options) noexcept
{
    const double prior = options.prior.value_or(0.0);
    if (!std::isfinite(amount) || !std::isfinite(prior) || !std::isfinite(options.cap))
        return Error::Overflow;
    if (options.cap < 0.0)
        return Error::InvalidArgument;
    std::size_t tiers = 0;
    if (Error e = checkTiers(thresholds, rates, tiers); e != Error::None)
        return e;

    const bool capped = options.cap > 0.0;
    auto cumulative = [&](const Extended& x) {
        const Extended b = bonusFor(x, thresholds, rates, tiers, options.mode);
        return capped && b > options.cap ? Extended(options.cap) : b;
    };

    Extended bonus = cumulative(Extended(prior) + amount);
    if (options.prior)
        bonus -= cumulative(prior);
    const double result = numeric::toDouble(bonus);
    if (!std::isfinite(result))
        return Error::Overflow;
    return result;
}

} // namespace dealerkpi
