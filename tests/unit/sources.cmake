# One file per function, plus the keyword parsers and pinned regressions
# (relative to tests/unit; also built by tests/cross for other platforms).
set(CORE_TEST_SOURCES
  funnel_rate_test.cpp
  funnel_target_test.cpp
  target_split_test.cpp
  tiered_bonus_test.cpp
  workshop_efficiency_test.cpp
  payout_curve_test.cpp
  kpi_score_test.cpp
  keywords_test.cpp
  regression_test.cpp
  split_equivalence_test.cpp
  oracle_test.cpp)
