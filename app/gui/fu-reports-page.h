/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fu-charts.h"
#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_REPORTS_PAGE (fu_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (FuReportsPage, fu_reports_page, FU, REPORTS_PAGE, GtkWidget)

/* The annual report of one fiscal year: figures, charts, Tables 1 to 5, export and print. */

FuContext *fu_reports_page_get_context (FuReportsPage *self);
void       fu_reports_page_set_context (FuReportsPage *self,
                                        FuContext     *context);

/* The fiscal year shown ("fiscal-year" property), 0 when there is none. Setting a year
 * without surveyed workshops returns FALSE and changes nothing. */
guint      fu_reports_page_get_fiscal_year (FuReportsPage *self);
gboolean   fu_reports_page_set_fiscal_year (FuReportsPage *self,
                                            guint          fiscal_year);
/* The table as shown: the workshops' rows, then the total row (when there are replies).
 * Columns: 0 No., 1 Workshop, 2 Administrations, 3 Participants, 4 Replies, 5 Reply Rate,
 * 6 to 11 the Q1 actions, 12 to 17 Q3 yes/no, Q4 yes/no, Q5 yes/no. */
guint      fu_reports_page_get_n_rows      (FuReportsPage *self);
char      *fu_reports_page_get_cell_text   (FuReportsPage *self,
                                            guint          row,
                                            guint          column);

/* The chart the Overview shows, FU_CHART_KIND_DIRECT_EFFECTS at first. */
FuChartKind fu_reports_page_get_chart_kind (FuReportsPage *self);
void        fu_reports_page_set_chart_kind (FuReportsPage *self,
                                            FuChartKind    kind);
/* What Export Chart does once the file is chosen: writes the chart shown, for the year shown,
 * in the format of @file's extension (.png, .svg or .pdf), 1000 pixels (or points) wide at
 * its natural height, in the print palette, as `followup-cli chart` does. */
gboolean    fu_reports_page_export_chart   (FuReportsPage *self,
                                            GFile         *file,
                                            GError       **error);

G_END_DECLS
