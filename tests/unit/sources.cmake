# One file per function, plus the keyword parsers and pinned regressions
# (relative to tests/unit; also built by tests/cross for other platforms).
set(CORE_TEST_SOURCES
  funnel_rate_test.cxx
  funnel_target_test.cxx
  target_split_test.cxx
  tiered_bonus_test.cxx
  workshop_efficiency_test.cxx
  payout_curve_test.cxx
  kpi_score_test.cxx
  keywords_test.cxx
  regression_test.cxx
  split_equivalence_test.cxx
  oracle_test.cxx)
