// The sales funnel: conversion rate of one step, and the top-down back-solve of
// how many customers each earlier step needs.
#pragma once

#include "grid.hxx"
#include "keywords.hxx"
#include "outcome.hxx"

#include <vector>

namespace dealerkpi {

// FUNNEL_RATE. converted and entered have the same shape; pairs with a blank on
// either side are skipped. Pooled: sum(converted)/sum(entered). Mean: mean of
// the per-period rates over the pairs with entered > 0.
Number funnelRate(const Grid& converted, const Grid& entered, RateMethod method) noexcept;

// FUNNEL_TARGET. needs[i] = needs[i-1] / rates[i] (needs[-1] = target), every
// rate > 0, in reading order. Fills `needs` (one entry per rate).
Error funnelTarget(double target, const Grid& rates, Rounding rounding, std::vector<double>& needs);

} // namespace dealerkpi
