// The arithmetic of the DealerKPI functions, free of any spreadsheet API.
#pragma once

#include "bonus.hxx"
#include "funnel.hxx"
#include "grid.hxx"
#include "keywords.hxx"
#include "kpi_score.hxx"
#include "outcome.hxx"
#include "payout_curve.hxx"
#include "split.hxx"
#include "workshop.hxx"
