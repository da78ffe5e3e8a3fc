/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-print-reminders.c: a print job (fu-print-job.h) around FuReminderSheet. The sheet lays
 * the list out in begin-print, on the print context's own Pango context and printable area,
 * and draws each page in draw-page; GTK brings the dialog, the preview and printing to a
 * file. */
#define G_LOG_DOMAIN "fu-print-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-day.h"
#include "fu-print-job.h"
#include "fu-print-reminders.h"
#include "fu-reminder-sheet.h"
#include "fu-store.h"

/* A copy the print job owns: the caller's rows may be reloaded while the dialog is open.
 * Its strings are its own (not packed), which fu_followup_row_free frees. */
static FuFollowupRow *
copy_row (const FuFollowupRow *row)
{
  FuFollowupRow *copy = g_memdup2 (row, sizeof *row);

  copy->packed = FALSE;
  copy->workshop_code = g_strdup (row->workshop_code);
  copy->workshop_title = g_strdup (row->workshop_title);
  copy->participant_name = g_strdup (row->participant_name);
  copy->email = g_strdup (row->email);
  copy->administration = g_strdup (row->administration);
  return copy;
}

static FuReminderSheet *
make_sheet (FuContext  *context,
            GPtrArray  *rows,
            GError    **error)
{
  FuStore *store = fu_context_get_store (context);
  FuDay today = fu_context_get_today (context);
  g_autoptr(GPtrArray) owned = NULL;
  g_autofree char *office = NULL;

  if (rows == NULL)
    {
      FuFollowupQuery query = { 0 };

      query.as_of = today;
      query.status_mask = FU_STATUS_MASK_TO_CHASE;
      owned = fu_store_list_followups (store, &query, error);
      if (owned == NULL)
        return NULL;
    }
  else
    {
      owned = g_ptr_array_new_full (rows->len, (GDestroyNotify) fu_followup_row_free);
      for (guint i = 0; i < rows->len; i++)
        g_ptr_array_add (owned, copy_row (g_ptr_array_index (rows, i)));
    }

  office = fu_store_get_office_name (store);
  return fu_reminder_sheet_new (owned, office, today);
}

static guint
paginate_cb (gpointer      document,
             PangoContext *context,
             double        width,
             double        height)
{
  return fu_reminder_sheet_paginate (document, context, width, height);
}

static void
draw_page_cb (gpointer  document,
              cairo_t  *cr,
              guint     page)
{
  fu_reminder_sheet_draw_page (document, cr, page);
}

char *
fu_print_reminders_describe_done (guint       n_pages,
                                  const char *file_name)
{
  if (file_name != NULL)
    /* TRANSLATORS: the toast once Print to File saved the document; %s is the file name */
    return g_strdup_printf (ngettext ("Saved the reminder list to %s (%u page)",
                                      "Saved the reminder list to %s (%u pages)", n_pages),
                            file_name, n_pages);
  return g_strdup_printf (ngettext ("Printed the reminder list (%u page)",
                                    "Printed the reminder list (%u pages)", n_pages),
                          n_pages);
}

/* An operation that prints @sheet; the caller adds the action's own settings. */
static GtkPrintOperation *
make_operation (FuReminderSheet *sheet,
                FuDay            as_of)
{
  g_autofree char *as_of_text = fu_day_format_display (as_of);
  g_autofree char *job_name = NULL;

  /* TRANSLATORS: the print job's name, as printer queues show it */
  job_name = g_strdup_printf (_("Reminder list as of %s"), as_of_text != NULL ? as_of_text : "");
  return fu_print_job_new (sheet, paginate_cb, draw_page_cb, job_name);
}

void
fu_print_reminders (GtkWindow *parent,
                    FuContext *context,
                    GPtrArray *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *basename = NULL;
  FuDay today;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (FU_IS_CONTEXT (context));

  if ((sheet = make_sheet (context, rows, &error)) == NULL)
    {
      fu_print_job_show_error (parent, _("Could Not Print the Reminder List"), error);
      return;
    }

  today = fu_context_get_today (context);
  operation = make_operation (sheet, today);
  as_of = fu_day_to_iso (today);
  /* TRANSLATORS: the file name Print to File suggests, without its extension */
  basename = g_strdup_printf (_("reminder-list-%s"), as_of != NULL ? as_of : "");
  fu_print_job_run (operation, parent, basename, _("Could Not Print the Reminder List"),
                    fu_print_reminders_describe_done);
}

gboolean
fu_print_reminders_export (FuContext   *context,
                           GPtrArray   *rows,
                           const char  *pdf_path,
                           GError     **error)
{
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *display = NULL;
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (FU_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((sheet = make_sheet (context, rows, error)) == NULL)
    return FALSE;
  operation = make_operation (sheet, fu_context_get_today (context));

  display = g_filename_display_name (pdf_path);
  prefix = g_strdup_printf (_("Could not save the reminder list as “%s”"), display);
  return fu_print_job_export (operation, pdf_path, prefix, error);
}
