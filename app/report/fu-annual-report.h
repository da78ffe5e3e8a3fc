/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-annual-report.h: the Customs Good Practice Report of one fiscal year, generated: a
 * title page, the reply figures against earlier years, Tables 1 to 5 with their totals,
 * the charts, the participants' own words under each question (with their administration
 * and workshop, never their names) and the administrations that organized in-house
 * workshops. The print dialog and followup-cli draw the same pages. */
#pragma once

#include <glib-object.h>
#include <cairo.h>
#include <pango/pango.h>

#include "fu-types.h"

G_BEGIN_DECLS

#define FU_TYPE_ANNUAL_REPORT (fu_annual_report_get_type ())
G_DECLARE_FINAL_TYPE (FuAnnualReport, fu_annual_report, FU, ANNUAL_REPORT, GObject)

/* Reads what the report says from @store (the report does not keep the store). A year
 * without surveyed workshops gives a short report that says so. */
FuAnnualReport *fu_annual_report_new          (FuStore         *store,
                                               guint            fiscal_year,
                                               GError         **error);
guint           fu_annual_report_get_fiscal_year (FuAnnualReport *self);
/* "Customs Good Practice Report — Follow-Up Survey FY2016/17": the print job's name too. */
const char     *fu_annual_report_get_title    (FuAnnualReport  *self);
/* A workshop as the report's tables name it, with its month as the seed writes it:
 * "WCO Regional Workshop on Non-Intrusive Inspection (Sep. 2016)". */
char           *fu_annual_report_workshop_label (const FuSummaryRow *row);
/* The day the report is issued, on its title page and in every page's header: by default
 * today ($FOLLOWUP_TODAY when set). Call before paginating. */
void            fu_annual_report_set_date     (FuAnnualReport  *self,
                                               FuDay            date);

/* Lays the report out on pages of @width × @height (the printable area, in the units of
 * the cairo context the pages are later drawn on; @context's resolution says how many
 * units a point is, as gtk_print_context_create_pango_context sets it). Returns the number
 * of pages. */
guint           fu_annual_report_paginate     (FuAnnualReport  *self,
                                               PangoContext    *context,
                                               double           width,
                                               double           height);
guint           fu_annual_report_get_n_pages  (FuAnnualReport  *self);
/* Draws page @page (0-based) with its top left corner at @cr's origin. */
void            fu_annual_report_draw_page    (FuAnnualReport  *self,
                                               cairo_t         *cr,
                                               guint            page);

/* A4 portrait, written whole or not at all. */
gboolean        fu_annual_report_save_pdf     (FuAnnualReport  *self,
                                               const char      *path,
                                               GError         **error);
/* fu_annual_report_new and fu_annual_report_save_pdf in one. */
gboolean        fu_annual_report_write_pdf    (FuStore         *store,
                                               guint            fiscal_year,
                                               const char      *path,
                                               GError         **error);

G_END_DECLS
