# The core's sources (addin/core, plain C++), relative to the project root:
# one list for the main build and the cross builds of tests/cross.
set(DEALERKPI_CORE_SOURCES
  addin/core/bonus.cxx
  addin/core/funnel.cxx
  addin/core/keywords.cxx
  addin/core/kpi_score.cxx
  addin/core/payout_curve.cxx
  addin/core/split.cxx
  addin/core/workshop.cxx)
