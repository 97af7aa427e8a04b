#include "bonus.hpp"

#include <cmath>
#include <limits>

namespace dealerkpi {
namespace {

// Number of cells up to the last non-blank one.
std::size_t usedLength(const Grid& g) noexcept
{
    std::size_t n = g.size();
    while (n > 0 && g[n - 1].isBlank())
        --n;
    return n;
}

// Checks the tier table; returns the number of tiers or an error.
Error checkTiers(const Grid& thresholds, const Grid& rates, std::size_t& tiers) noexcept
{
    tiers = usedLength(thresholds);
    if (tiers == 0 || usedLength(rates) != tiers)
        return Error::InvalidArgument;
    for (std::size_t i = 0; i < tiers; ++i) {
        const Cell& t = thresholds[i];
        const Cell& r = rates[i];
        if (t.isText() || r.isText())
            return Error::Value;
        if (t.isBlank() || r.isBlank())  // a hole inside the table
            return Error::InvalidArgument;
        if (i > 0 && !(t.number > thresholds[i - 1].number))
            return Error::InvalidArgument;
    }
    return Error::None;
}

double bonusFor(double amount, const Grid& thresholds, const Grid& rates, std::size_t tiers, BonusMode mode) noexcept
{
    if (mode == BonusMode::Marginal) {
        double bonus = 0.0;
        for (std::size_t i = 0; i < tiers; ++i) {
            const double lower = thresholds[i].number;
            if (amount <= lower)
                break;
            const double upper = i + 1 < tiers ? thresholds[i + 1].number : std::numeric_limits<double>::infinity();
            bonus += rates[i].number * ((amount < upper ? amount : upper) - lower);
        }
        return bonus;
    }
    std::size_t reached = tiers;
    for (std::size_t i = 0; i < tiers && thresholds[i].number <= amount; ++i)
        reached = i;
    if (reached == tiers)
        return 0.0;
    return mode == BonusMode::Whole ? amount * rates[reached].number : rates[reached].number;
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
    auto cumulative = [&](double x) {
        const double b = bonusFor(x, thresholds, rates, tiers, options.mode);
        return capped && b > options.cap ? options.cap : b;
    };

    double result = cumulative(prior + amount);
    if (options.prior)
        result -= cumulative(prior);
    if (!std::isfinite(result))
        return Error::Overflow;
    return result;
}

} // namespace dealerkpi
