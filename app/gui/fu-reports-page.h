/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_REPORTS_PAGE (fu_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (FuReportsPage, fu_reports_page, FU, REPORTS_PAGE, GtkWidget)

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

G_END_DECLS
