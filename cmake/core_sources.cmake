# The core's sources (addin/core, plain C++), relative to the project root:
# one list for the main build and the cross builds of tests/cross.
set(DEALERKPI_CORE_SOURCES
  addin/core/bonus.cpp
  addin/core/funnel.cpp
  addin/core/keywords.cpp
  addin/core/kpi_score.cpp
  addin/core/payout_curve.cpp
  addin/core/split.cpp
  addin/core/workshop.cpp)
