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
// leaves; `magnitude` gathers the magnitudes of the terms added (a slice's
// rate times its bounds), which the arithmetic may lose a few units of.
Extended bonusFor(const Extended& amount, const Grid& thresholds, const Grid& rates, std::size_t tiers,
                  BonusMode mode, Extended& magnitude) noexcept
{
    if (mode == BonusMode::Marginal) {
        Extended bonus = 0.0;
        for (std::size_t i = 0; i < tiers; ++i) {
            const Extended lower = thresholds[i].number;
            if (amount <= lower)
                break;
            const Extended upper =
                i + 1 < tiers ? Extended(thresholds[i + 1].number) : std::numeric_limits<Extended>::infinity();
            const Extended top = amount < upper ? amount : upper;
            bonus += rates[i].number * (top - lower);
            magnitude += abs(Extended(rates[i].number)) * (abs(top) + abs(lower));
        }
        return bonus;
    }
    std::size_t reached = tiers;
    for (std::size_t i = 0; i < tiers && thresholds[i].number <= amount; ++i)
        reached = i;
    if (reached == tiers)
        return 0.0;
    const Extended bonus = mode == BonusMode::Whole ? amount * rates[reached].number : Extended(rates[reached].number);
    magnitude += abs(bonus);
    return bonus;
}

// True when the bonus cannot be told within a double's range: its at most
// tiers + 3 roundings, each of a unit in the last place (extended) of the
// magnitudes of its terms, may add up past the largest double. Both
// cumulative bonuses of a prior about -4E470 and 4E41 apart came out 0.
bool lostInRounding(const Extended& magnitude, std::size_t tiers) noexcept
{
    if (!(magnitude > std::numeric_limits<double>::max()))
        return false;
    int exponent = 0;
    frexp(magnitude, &exponent);  // magnitude = f * 2^exponent, 1/2 <= f < 1
    const Extended unit = ldexp(Extended(1), exponent - 1 - (std::numeric_limits<Extended>::digits - 1));
    static const Extended largest = ldexp(Extended((1ULL << 54) - 1), 970);  // 2^1024 - 2^970: rounds to infinity
    return Extended(tiers + 3) * unit >= largest;
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
    Extended magnitude = 0.0;
    auto cumulative = [&](const Extended& x) {
        const Extended b = bonusFor(x, thresholds, rates, tiers, options.mode, magnitude);
        return capped && b > options.cap ? Extended(options.cap) : b;
    };

    Extended bonus = cumulative(Extended(prior) + amount);
    if (options.prior)
        bonus -= cumulative(prior);
    const double result = numeric::toDouble(bonus);
    if (!std::isfinite(result) || lostInRounding(magnitude + abs(bonus), tiers))
        return Error::Overflow;
    return result;
}

} // namespace dealerkpi
