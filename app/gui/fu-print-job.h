/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-print-job.h: a GtkPrintOperation around any paged document of app/report (the reminder
 * list, the annual report): the document lays itself out in begin-print, on the print
 * context's own Pango context and printable area, and draws each page in draw-page; GTK
 * brings the dialog, the preview and printing to a file. Shared by Print Reminder List and
 * Print Report so that both remember the printer and keep the same margins. */
#pragma once

#include <gtk/gtk.h>

#include "fu-page-layout.h"

G_BEGIN_DECLS

#define FU_TYPE_PRINT_JOB (fu_print_job_get_type ())
G_DECLARE_FINAL_TYPE (FuPrintJob, fu_print_job, FU, PRINT_JOB, GtkPrintOperation)

/* The toast once a print job is done: "Printed the report (12 pages)" when it went to a
 * printer (@file_name NULL), "Saved the report to report-FY2016-17.pdf (12 pages)" when
 * Print to File saved it as @file_name (a display name, no folder). */
typedef char *(*FuPrintJobDoneFunc) (guint n_pages, const char *file_name);

/* An operation that prints @document (a GObject: the operation keeps a reference) on the
 * locale's paper (A4 or Letter) in portrait with FU_PAGE_MARGIN on every side, unless the
 * printer or the dialog's page setup says otherwise. */
GtkPrintOperation *fu_print_job_new    (gpointer             document,
                                        FuPaginateFunc       paginate,
                                        FuDrawPageFunc       draw_page,
                                        const char          *job_name);
/* The number of pages of the last begin-print: 0 before it. */
guint              fu_print_job_get_n_pages (GtkPrintOperation *operation);

/* Opens the print dialog and returns at once. Print to File suggests @output_basename (no
 * extension). Once printed, @done_func's text is shown as a toast on @parent (a FuWindow);
 * a failure is shown in a dialog titled @error_heading. */
void               fu_print_job_run    (GtkPrintOperation   *operation,
                                        GtkWindow           *parent,
                                        const char          *output_basename,
                                        const char          *error_heading,
                                        FuPrintJobDoneFunc   done_func);

/* The name of the file @settings print to ("reminder-list-2018-03-01.pdf", for display,
 * without its folder), or NULL when they print on a printer: Print to File sets the output
 * URI, or at least names its printer. */
char              *fu_print_job_get_output_name (GtkPrintSettings *settings);
/* The settings a job starts from: the last job's (printer, paper, folder), with the file
 * named after @output_basename, never after the last job's document. */
GtkPrintSettings  *fu_print_job_settings_for (GtkPrintSettings *last,
                                              const char       *output_basename);

/* Says why a document could not be printed: in a dialog titled @heading on @parent, or as
 * a warning when there is no window. */
void               fu_print_job_show_error (GtkWindow       *parent,
                                            const char      *heading,
                                            const GError    *error);

/* Runs @operation exported straight to @pdf_path, without a dialog (tests, and scripts that
 * drive the app). The file is written whole or not at all; an error starts with
 * @error_prefix ("Could not save the report as “report.pdf”"). */
gboolean           fu_print_job_export (GtkPrintOperation   *operation,
                                        const char          *pdf_path,
                                        const char          *error_prefix,
                                        GError             **error);

G_END_DECLS
