// The arithmetic of the DealerKPI functions, free of any spreadsheet API.
#pragma once

#include "bonus.hpp"
#include "funnel.hpp"
#include "grid.hpp"
#include "keywords.hpp"
#include "kpi_score.hpp"
#include "outcome.hpp"
#include "payout_curve.hpp"
#include "split.hpp"
#include "workshop.hpp"
