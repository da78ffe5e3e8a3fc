/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-print-report.c: print jobs (fu-print-job.h) around FuAnnualReport and FuFeedbackSheet.
 * The document lays itself out in begin-print, on the print context's own Pango context and
 * printable area, and draws each page in draw-page. */
#define G_LOG_DOMAIN "fu-print-report"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-annual-report.h"
#include "fu-feedback-sheet.h"
#include "fu-print-job.h"
#include "fu-print-report.h"
#include "fu-rules.h"
#include "fu-store.h"

static guint
paginate_cb (gpointer      document,
             PangoContext *context,
             double        width,
             double        height)
{
  return fu_annual_report_paginate (document, context, width, height);
}

static void
draw_page_cb (gpointer  document,
              cairo_t  *cr,
              guint     page)
{
  fu_annual_report_draw_page (document, cr, page);
}

char *
fu_print_report_describe_done (guint       n_pages,
                               const char *file_name)
{
  if (file_name != NULL)
    /* TRANSLATORS: the toast once Print to File saved the document; %s is the file name */
    return g_strdup_printf (ngettext ("Saved the report to %s (%u page)",
                                      "Saved the report to %s (%u pages)", n_pages),
                            file_name, n_pages);
  return g_strdup_printf (ngettext ("Printed the report (%u page)",
                                    "Printed the report (%u pages)", n_pages),
                          n_pages);
}

/* The report as of the context's today, and an operation that prints it. */
static GtkPrintOperation *
make_operation (FuContext  *context,
                guint       fiscal_year,
                GError    **error)
{
  g_autoptr(FuAnnualReport) report = NULL;

  report = fu_annual_report_new (fu_context_get_store (context), fiscal_year, error);
  if (report == NULL)
    return NULL;
  fu_annual_report_set_date (report, fu_context_get_today (context));

  return fu_print_job_new (report, paginate_cb, draw_page_cb,
                           fu_annual_report_get_title (report));
}

void
fu_print_report (GtkWindow *parent,
                 FuContext *context,
                 guint      fiscal_year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *label = NULL;
  g_autofree char *basename = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (FU_IS_CONTEXT (context));
  g_return_if_fail (fiscal_year > 0);

  operation = make_operation (context, fiscal_year, &error);
  if (operation == NULL)
    {
      fu_print_job_show_error (parent, _("Could Not Print the Report"), error);
      return;
    }

  label = fu_fiscal_year_label (fu_context_get_rules (context), fiscal_year);
  g_strdelimit (label, "/", '-');
  /* TRANSLATORS: the file name Print to File suggests, without its extension; %s is a
   * fiscal year such as "FY2016-17" */
  basename = g_strdup_printf (_("report-%s"), label);
  fu_print_job_run (operation, parent, basename, _("Could Not Print the Report"),
                    fu_print_report_describe_done);
}

gboolean
fu_print_report_export (FuContext   *context,
                        guint        fiscal_year,
                        const char  *pdf_path,
                        GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *display = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (FU_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (fiscal_year > 0, FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = make_operation (context, fiscal_year, error);
  if (operation == NULL)
    return FALSE;

  display = g_filename_display_name (pdf_path);
  prefix = g_strdup_printf (_("Could not save the report as “%s”"), display);
  return fu_print_job_export (operation, pdf_path, prefix, error);
}

/* ---- Feedback sheets --------------------------------------------------------------------- */

static guint
paginate_feedback_cb (gpointer      document,
                      PangoContext *context,
                      double        width,
                      double        height)
{
  return fu_feedback_sheet_paginate (document, context, width, height);
}

static void
draw_feedback_page_cb (gpointer  document,
                       cairo_t  *cr,
                       guint     page)
{
  fu_feedback_sheet_draw_page (document, cr, page);
}

static char *
describe_feedback_done (guint       n_pages,
                        const char *file_name)
{
  if (file_name != NULL)
    /* TRANSLATORS: the toast once Print to File saved the document; %s is the file name */
    return g_strdup_printf (ngettext ("Saved the feedback sheet to %s (%u page)",
                                      "Saved the feedback sheet to %s (%u pages)", n_pages),
                            file_name, n_pages);
  return g_strdup_printf (ngettext ("Printed the feedback sheet (%u page)",
                                    "Printed the feedback sheet (%u pages)", n_pages),
                          n_pages);
}

static GtkPrintOperation *
make_feedback_operation (FuContext  *context,
                         gint64      workshop_id,
                         GError    **error)
{
  g_autoptr(FuFeedbackSheet) sheet = NULL;

  sheet = fu_feedback_sheet_new (fu_context_get_store (context), workshop_id, error);
  if (sheet == NULL)
    return NULL;
  fu_feedback_sheet_set_date (sheet, fu_context_get_today (context));

  return fu_print_job_new (sheet, paginate_feedback_cb, draw_feedback_page_cb,
                           fu_feedback_sheet_get_title (sheet));
}

void
fu_print_feedback (GtkWindow *parent,
                   FuContext *context,
                   gint64     workshop_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autofree char *basename = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (FU_IS_CONTEXT (context));

  operation = make_feedback_operation (context, workshop_id, &error);
  if (operation == NULL)
    {
      fu_print_job_show_error (parent, _("Could Not Print the Feedback Sheet"), error);
      return;
    }

  workshop = fu_store_get_workshop (fu_context_get_store (context), workshop_id, NULL);
  /* TRANSLATORS: the file name Print to File suggests, without its extension; %s is a
   * workshop code such as "2016-NII" */
  basename = g_strdup_printf (_("feedback-%s"), workshop != NULL ? workshop->code : "");
  fu_print_job_run (operation, parent, basename, _("Could Not Print the Feedback Sheet"),
                    describe_feedback_done);
}

gboolean
fu_print_feedback_export (FuContext   *context,
                          gint64       workshop_id,
                          const char  *pdf_path,
                          GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *display = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (FU_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = make_feedback_operation (context, workshop_id, error);
  if (operation == NULL)
    return FALSE;

  display = g_filename_display_name (pdf_path);
  prefix = g_strdup_printf (_("Could not save the feedback sheet as “%s”"), display);
  return fu_print_job_export (operation, pdf_path, prefix, error);
}
