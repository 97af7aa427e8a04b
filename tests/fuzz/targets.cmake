# One fuzz target per core entry point; each has a seed corpus in corpus/<target>/.
set(DEALERKPI_FUZZ_TARGETS
  funnel_rate
  funnel_target
  target_split
  tiered_bonus
  workshop_efficiency
  payout_curve
  kpi_score
  keywords)
