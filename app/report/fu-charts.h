/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-charts.h: the charts of the annual report, built from the store's figures: one call
 * gives a FuChart ready to draw on screen, print, or write to a file. */
#pragma once

#include "fu-types.h"
#include "fu-chart.h"

G_BEGIN_DECLS

typedef enum {
  FU_CHART_KIND_DIRECT_EFFECTS,              /* Q3 by workshop, stacked bars (Table 3) */
  FU_CHART_KIND_PROJECTS,                    /* Q5 by workshop (Table 5) */
  FU_CHART_KIND_CONTRIBUTION,                /* Q4 by workshop (Table 4) */
  FU_CHART_KIND_ACTIONS,                     /* Q1's six actions by workshop, grouped (Table 2) */
  FU_CHART_KIND_ACTIONS_YEAR,                /* Q1's six actions for the year, columns */
  FU_CHART_KIND_REPLY_RATE,                  /* reply rate by fiscal year, a line */
  FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS,  /* reply rate by administration, sorted bars */
  FU_N_CHART_KINDS
} FuChartKind;

/* "direct-effects", "projects", "contribution", "actions", "actions-year", "reply-rate",
 * "reply-rate-administrations": stable names for the command line. */
const char *fu_chart_kind_to_string   (FuChartKind kind);
/* FALSE with FU_CHART_ERROR_INVALID listing the names. */
gboolean    fu_chart_kind_from_string (const char *text, FuChartKind *kind, GError **error);
/* Translated, for people: "Direct effects". */
const char *fu_chart_kind_get_label   (FuChartKind kind);

/* The chart of @kind for @fiscal_year (as fu_fiscal_year_of names it under the store's
 * rules). The reply-rate line shows the fiscal years up to @fiscal_year, with its point
 * larger; 0 shows every year. A year without replies gives a chart that says so ("No replies
 * in FY2017/18"), not an error; NULL only when the store fails. */
FuChart    *fu_charts_build           (FuStore *store, FuChartKind kind, guint fiscal_year,
                                       GError **error);
/* The same from what the caller read already (the annual report): @trend for the reply-rate
 * line, @rows and @total (fu_store_summary of the year) for the others; each may be NULL,
 * and is then read from @store. */
FuChart    *fu_charts_build_from      (FuStore *store, FuChartKind kind, guint fiscal_year,
                                       GArray *trend, GPtrArray *rows,
                                       const FuSummaryRow *total, GError **error);

/* A workshop's title as a chart's row label: without the organizer's prefix and the generic
 * "Regional Workshop on": "WCO Regional Workshop on Non-Intrusive Inspection" is
 * "Non-Intrusive Inspection"; a distinctive kind stays in front ("Train-the-trainer: Joint
 * Enforcement Action against Counterfeiting and Piracy"). Never empty for a non-blank title. */
char       *fu_workshop_short_title   (const char *title);
/* The month a workshop started in, as the seed's tables write it: "Sep 2016". */
char       *fu_workshop_month_label   (FuDay start);

G_END_DECLS
