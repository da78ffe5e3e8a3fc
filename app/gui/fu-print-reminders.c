/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-print-reminders.c: a GtkPrintOperation around FuReminderSheet. The sheet lays the list
 * out in begin-print, on the print context's own Pango context and printable area, and
 * draws each page in draw-page; GTK brings the dialog, the preview and printing to a file. */
#define G_LOG_DOMAIN "fu-print-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <adwaita.h>

#include "fu-day.h"
#include "fu-reminder-sheet.h"
#include "fu-store.h"
#include "fu-window.h"
#include "fu-print-reminders.h"

#define SHEET_KEY  "fu-reminder-sheet"
#define PARENT_KEY "fu-print-parent"

/* The printer, copies and paper chosen last time, for the next print while the app runs. */
static GtkPrintSettings *last_settings;

/* A copy the print job owns: the caller's rows may be reloaded while the dialog is open.
 * The strings are the ones fu_followup_row_free frees. */
static FuFollowupRow *
copy_row (const FuFollowupRow *row)
{
  FuFollowupRow *copy = g_memdup2 (row, sizeof *row);

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
      query.status_mask = (1u << FU_STATUS_REMINDER_DUE) | (1u << FU_STATUS_OVERDUE);
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

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *print_context,
                FuReminderSheet   *sheet)
{
  PangoContext *pango_context = gtk_print_context_create_pango_context (print_context);
  guint n_pages;

  /* The operation's unit is points and this context's resolution follows it, so the
   * sheet's point sizes come out right on any printer. */
  n_pages = fu_reminder_sheet_paginate (sheet, pango_context,
                                        gtk_print_context_get_width (print_context),
                                        gtk_print_context_get_height (print_context));
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
  g_object_unref (pango_context);   /* the sheet keeps its own reference */
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *print_context,
              int                page_nr,
              FuReminderSheet   *sheet)
{
  fu_reminder_sheet_draw_page (sheet, gtk_print_context_get_cairo_context (print_context),
                               (guint) page_nr);
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  AdwMessageDialog *dialog;

  if (parent == NULL)
    {
      g_warning ("Could not print the reminder list: %s", error->message);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       _("Could Not Print the Reminder List"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (operation), PARENT_KEY);
  FuReminderSheet *sheet = g_object_get_data (G_OBJECT (operation), SHEET_KEY);

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      {
        g_autoptr(GError) error = NULL;

        gtk_print_operation_get_error (operation, &error);
        if (error != NULL)
          show_error (parent, error);
      }
      break;

    case GTK_PRINT_OPERATION_RESULT_APPLY:
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      if (parent != NULL && FU_IS_WINDOW (parent) && sheet != NULL)
        {
          guint n_pages = fu_reminder_sheet_get_n_pages (sheet);
          g_autofree char *title = NULL;

          title = g_strdup_printf (ngettext ("Printed the reminder list (%u page)",
                                             "Printed the reminder list (%u pages)", n_pages),
                                   n_pages);

          fu_window_add_toast (FU_WINDOW (parent), adw_toast_new (title));
        }
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }

  /* The reference fu_print_reminders took for the dialog's lifetime. */
  g_object_unref (operation);
}

/* An operation that prints @sheet; the caller adds the action's own settings. */
static GtkPrintOperation *
make_operation (FuReminderSheet *sheet,
                FuDay            as_of)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *as_of_text = fu_day_to_iso (as_of);
  g_autofree char *job_name = NULL;

  /* TRANSLATORS: the print job's name, as printer queues show it */
  job_name = g_strdup_printf (_("Reminder list as of %s"), as_of_text != NULL ? as_of_text : "");
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);

  /* A4 portrait with the CLI's margins, unless the dialog's page setup says otherwise. */
  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (page_setup, FU_REMINDER_SHEET_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (page_setup, FU_REMINDER_SHEET_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (page_setup, FU_REMINDER_SHEET_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (page_setup, FU_REMINDER_SHEET_MARGIN, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  g_object_set_data_full (G_OBJECT (operation), SHEET_KEY, g_object_ref (sheet), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), sheet);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), sheet);
  return operation;
}

void
fu_print_reminders (GtkWindow *parent,
                    FuContext *context,
                    GPtrArray *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *basename = NULL;
  FuDay today;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (FU_IS_CONTEXT (context));

  if ((sheet = make_sheet (context, rows, &error)) == NULL)
    {
      show_error (parent, error);
      return;
    }

  today = fu_context_get_today (context);
  operation = make_operation (sheet, today);

  /* Print to File suggests a name that says what and when. */
  settings = last_settings != NULL ? gtk_print_settings_copy (last_settings)
                                   : gtk_print_settings_new ();
  as_of = fu_day_to_iso (today);
  /* TRANSLATORS: the file name Print to File suggests, without its extension */
  basename = g_strdup_printf (_("reminder-list-%s"), as_of != NULL ? as_of : "");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, basename);
  gtk_print_operation_set_print_settings (operation, settings);

  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (operation), PARENT_KEY, g_object_ref (parent),
                            g_object_unref);
  /* "done" comes once the dialog and the job are over; it drops this reference. */
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), NULL);
  g_object_ref (operation);

  /* Errors reach done_cb through gtk_print_operation_get_error. */
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}

gboolean
fu_print_reminders_export (FuContext   *context,
                           GPtrArray   *rows,
                           const char  *pdf_path,
                           GError     **error)
{
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkPrintOperationResult result;
  GStatBuf st;
  int saved_errno = 0;

  g_return_val_if_fail (FU_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((sheet = make_sheet (context, rows, error)) == NULL)
    return FALSE;
  operation = make_operation (sheet, fu_context_get_today (context));

  /* Exported beside the target and renamed over it once complete: never a partial file. */
  partial = g_strdup_printf ("%s.%08x.part", pdf_path, g_random_int ());
  gtk_print_operation_set_export_filename (operation, partial);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &local_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *display = g_filename_display_name (pdf_path);

      g_remove (partial);
      /* Cairo's message alone ("error while writing to output stream") names no file. */
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not save the reminder list as “%s”: "), display);
      return FALSE;
    }

  /* GTK does not report a PDF surface that could not be created: look for the file. */
  if (g_stat (partial, &st) != 0)
    saved_errno = errno;
  else if (st.st_size == 0)
    saved_errno = EIO;
  else if (g_rename (partial, pdf_path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      g_autofree char *display = g_filename_display_name (pdf_path);

      g_remove (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save the reminder list as “%s”: %s"), display,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
