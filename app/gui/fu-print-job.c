/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-print-job.c: the one GtkPrintOperation subclass every printed document goes through:
 * it holds the document and how to lay it out and draw it, and says when it is done. */
#define G_LOG_DOMAIN "fu-print-job"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <adwaita.h>

#include "fu-print-job.h"
#include "fu-window.h"

struct _FuPrintJob
{
  GtkPrintOperation   parent_instance;

  GObject            *document;
  FuPaginateFunc      paginate;
  FuDrawPageFunc      draw_page;
  guint               n_pages;
  GtkWindow          *parent;          /* NULL when exporting */
  char               *error_heading;
  FuPrintJobDoneFunc  done_func;
};

G_DEFINE_FINAL_TYPE (FuPrintJob, fu_print_job, GTK_TYPE_PRINT_OPERATION)

/* The printer, copies and paper chosen last time, for the next print while the app runs. */
static GtkPrintSettings *last_settings;

static void
fu_print_job_begin_print (GtkPrintOperation *operation,
                          GtkPrintContext   *print_context)
{
  FuPrintJob *self = FU_PRINT_JOB (operation);
  PangoContext *pango_context = gtk_print_context_create_pango_context (print_context);

  /* The operation's unit is points and this context's resolution follows it, so the
   * document's point sizes come out right on any printer. */
  self->n_pages = self->paginate (self->document, pango_context,
                                  gtk_print_context_get_width (print_context),
                                  gtk_print_context_get_height (print_context));
  gtk_print_operation_set_n_pages (operation, (int) MAX (self->n_pages, 1));
  g_object_unref (pango_context);   /* the document keeps its own reference */
}

static void
fu_print_job_draw_page (GtkPrintOperation *operation,
                        GtkPrintContext   *print_context,
                        int                page_nr)
{
  FuPrintJob *self = FU_PRINT_JOB (operation);

  self->draw_page (self->document, gtk_print_context_get_cairo_context (print_context),
                   (guint) page_nr);
}

static void
fu_print_job_done (GtkPrintOperation       *operation,
                   GtkPrintOperationResult  result)
{
  FuPrintJob *self = FU_PRINT_JOB (operation);

  /* An export (no dialog) reports to its caller. */
  if (self->error_heading == NULL)
    return;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      {
        g_autoptr(GError) error = NULL;

        gtk_print_operation_get_error (operation, &error);
        if (error != NULL)
          fu_print_job_show_error (self->parent, self->error_heading, error);
      }
      break;

    case GTK_PRINT_OPERATION_RESULT_APPLY:
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      if (self->parent != NULL && FU_IS_WINDOW (self->parent) && self->done_func != NULL)
        {
          GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
          g_autofree char *file_name = NULL;
          g_autofree char *title = NULL;

          if (settings != NULL)
            file_name = fu_print_job_get_output_name (settings);
          title = self->done_func (self->n_pages, file_name);

          fu_window_add_toast (FU_WINDOW (self->parent), adw_toast_new (title));
        }
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }

  /* The reference fu_print_job_run took for the dialog's lifetime. */
  g_object_unref (operation);
}

static void
fu_print_job_finalize (GObject *object)
{
  FuPrintJob *self = FU_PRINT_JOB (object);

  g_clear_object (&self->document);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->error_heading, g_free);

  G_OBJECT_CLASS (fu_print_job_parent_class)->finalize (object);
}

static void
fu_print_job_class_init (FuPrintJobClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = fu_print_job_finalize;
  operation_class->begin_print = fu_print_job_begin_print;
  operation_class->draw_page = fu_print_job_draw_page;
  operation_class->done = fu_print_job_done;
}

static void
fu_print_job_init (FuPrintJob *self)
{
}

/* ---- Public API -------------------------------------------------------------------------- */

GtkPrintOperation *
fu_print_job_new (gpointer        document,
                  FuPaginateFunc  paginate,
                  FuDrawPageFunc  draw_page,
                  const char     *job_name)
{
  FuPrintJob *self;
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;

  g_return_val_if_fail (G_IS_OBJECT (document), NULL);
  g_return_val_if_fail (paginate != NULL, NULL);
  g_return_val_if_fail (draw_page != NULL, NULL);
  g_return_val_if_fail (job_name != NULL, NULL);

  self = g_object_new (FU_TYPE_PRINT_JOB, NULL);
  self->document = g_object_ref (document);
  self->paginate = paginate;
  self->draw_page = draw_page;
  operation = GTK_PRINT_OPERATION (self);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);

  /* Portrait with the command line's margins, unless the dialog's page setup says
   * otherwise. The locale's paper (A4, or Letter in the United States); the printer's own
   * once the dialog picks one. */
  page_setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (gtk_paper_size_get_default ());
  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (page_setup, FU_PAGE_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (page_setup, FU_PAGE_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (page_setup, FU_PAGE_MARGIN, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (page_setup, FU_PAGE_MARGIN, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  return operation;
}

guint
fu_print_job_get_n_pages (GtkPrintOperation *operation)
{
  g_return_val_if_fail (FU_IS_PRINT_JOB (operation), 0);

  return FU_PRINT_JOB (operation)->n_pages;
}

GtkPrintSettings *
fu_print_job_settings_for (GtkPrintSettings *last,
                           const char       *output_basename)
{
  GtkPrintSettings *settings;

  g_return_val_if_fail (last == NULL || GTK_IS_PRINT_SETTINGS (last), NULL);

  settings = last != NULL ? gtk_print_settings_copy (last) : gtk_print_settings_new ();
  if (output_basename != NULL)
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, output_basename);
  /* The last job's file is in the copied settings: keep its folder, not its name, so that
   * a document never proposes another's ("reminders-….pdf" for the report). */
  {
    const char *uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);

    if (uri != NULL && *uri != '\0')
      {
        g_autoptr(GFile) previous = g_file_new_for_uri (uri);
        g_autoptr(GFile) folder = g_file_get_parent (previous);
        const char *format = gtk_print_settings_get (settings,
                                                     GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);
        g_autofree char *name = g_strdup_printf ("%s.%s",
                                                 output_basename != NULL ? output_basename
                                                                         : "output",
                                                 format != NULL && *format != '\0'
                                                 ? format : "pdf");
        g_autoptr(GFile) next = folder != NULL ? g_file_get_child (folder, name) : NULL;
        g_autofree char *next_uri = next != NULL ? g_file_get_uri (next) : NULL;

        gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, next_uri);
      }
  }
  return settings;
}

void
fu_print_job_run (GtkPrintOperation  *operation,
                  GtkWindow          *parent,
                  const char         *output_basename,
                  const char         *error_heading,
                  FuPrintJobDoneFunc  done_func)
{
  g_autoptr(GtkPrintSettings) settings = NULL;
  FuPrintJob *self;

  g_return_if_fail (FU_IS_PRINT_JOB (operation));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (error_heading != NULL);

  self = FU_PRINT_JOB (operation);
  g_set_object (&self->parent, parent);
  g_free (self->error_heading);
  self->error_heading = g_strdup (error_heading);
  self->done_func = done_func;

  /* Print to File suggests a name that says what and when. */
  settings = fu_print_job_settings_for (last_settings, output_basename);
  gtk_print_operation_set_print_settings (operation, settings);

  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* "done" comes once the dialog and the job are over; it drops this reference. */
  g_object_ref (operation);

  /* Errors reach done_cb through gtk_print_operation_get_error. */
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}

char *
fu_print_job_get_output_name (GtkPrintSettings *settings)
{
  const char *uri;
  const char *printer;
  const char *basename;
  const char *format;
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (GTK_IS_PRINT_SETTINGS (settings), NULL);

  uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  if (uri != NULL && *uri != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autofree char *name = g_file_get_basename (file);

      if (name != NULL && *name != '\0' && strcmp (name, G_DIR_SEPARATOR_S) != 0)
        return g_filename_display_name (name);
      return NULL;
    }

  /* GTK's file printer is named in GTK's own translation domain. */
  printer = gtk_print_settings_get_printer (settings);
  if (printer == NULL || (strcmp (printer, "Print to File") != 0 &&
                          strcmp (printer, g_dgettext ("gtk40", "Print to File")) != 0))
    return NULL;
  basename = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME);
  format = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);
  if (basename == NULL || *basename == '\0')
    basename = "output";
  if (format == NULL || *format == '\0')
    format = "pdf";
  file_name = g_strdup_printf ("%s.%s", basename, format);
  return g_filename_display_name (file_name);
}

void
fu_print_job_show_error (GtkWindow    *parent,
                         const char   *heading,
                         const GError *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (error != NULL);

  if (parent == NULL)
    {
      g_warning ("%s: %s", heading, error->message);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
fu_print_job_export (GtkPrintOperation  *operation,
                     const char         *pdf_path,
                     const char         *error_prefix,
                     GError            **error)
{
  g_autofree char *partial = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkPrintOperationResult result;
  GStatBuf st;
  int saved_errno = 0;

  g_return_val_if_fail (FU_IS_PRINT_JOB (operation), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (error_prefix != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Exported beside the target and renamed over it once complete: never a partial file. */
  partial = g_strdup_printf ("%s.%08x.part", pdf_path, g_random_int ());
  gtk_print_operation_set_export_filename (operation, partial);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &local_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_remove (partial);
      /* Cairo's message alone ("error while writing to output stream") names no file. */
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", error_prefix);
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
      g_remove (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", error_prefix, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
