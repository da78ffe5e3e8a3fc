/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-print-report.h: Print Report and Print Feedback Sheet through GTK's own print dialog
 * (printers, preview, print to a PDF file). The pages are FuAnnualReport's and
 * FuFeedbackSheet's, the same as `followup-cli report` and `followup-cli feedback`. */
#pragma once

#include <gtk/gtk.h>

#include "fu-context.h"

G_BEGIN_DECLS

/* Opens the print dialog for the annual report of @fiscal_year, dated the context's today.
 * Returns at once; a failure is shown in a dialog on @parent. */
void     fu_print_report        (GtkWindow   *parent,
                                 FuContext   *context,
                                 guint        fiscal_year);

/* The same print operation exported straight to @pdf_path, without a dialog (tests, and
 * scripts that drive the app). The file is written whole or not at all. */
gboolean fu_print_report_export (FuContext   *context,
                                 guint        fiscal_year,
                                 const char  *pdf_path,
                                 GError     **error);

/* Opens the print dialog for the feedback sheet of the workshop @workshop_id (the counts of
 * its replies, for all its participants). Returns at once; a failure (a workshop that is not
 * surveyed) is shown in a dialog on @parent. */
void     fu_print_feedback        (GtkWindow   *parent,
                                   FuContext   *context,
                                   gint64       workshop_id);
/* As fu_print_report_export, for the feedback sheet. */
gboolean fu_print_feedback_export (FuContext   *context,
                                   gint64       workshop_id,
                                   const char  *pdf_path,
                                   GError     **error);

/* The toast once the report is printed ("Printed the report (12 pages)") or saved by Print
 * to File as @file_name ("Saved the report to report-FY2016-17.pdf (12 pages)"); a
 * FuPrintJobDoneFunc. */
char    *fu_print_report_describe_done (guint        n_pages,
                                        const char  *file_name);

G_END_DECLS
