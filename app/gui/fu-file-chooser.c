/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-file-chooser.h"

typedef struct {
  FuFileChooserCallback callback;
  gpointer              user_data;
} ChooserData;

static void
add_filters (GtkFileChooser *chooser,
             FuFileKind      kind)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  switch (kind)
    {
    case FU_FILE_KIND_CSV:
      gtk_file_filter_set_name (filter, _("CSV Files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
      break;

    case FU_FILE_KIND_TABLE:
      gtk_file_filter_set_name (filter, _("Lists and Spreadsheets"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_mime_type (filter,
                                     "application/vnd.openxmlformats-officedocument."
                                     "spreadsheetml.sheet");
      gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.spreadsheet");
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "tsv");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "xlsx");
      gtk_file_filter_add_suffix (filter, "ods");
      break;

    case FU_FILE_KIND_WORKBOOK:
      gtk_file_filter_set_name (filter, _("Excel Workbooks"));
      gtk_file_filter_add_mime_type (filter,
                                     "application/vnd.openxmlformats-officedocument."
                                     "spreadsheetml.sheet");
      gtk_file_filter_add_suffix (filter, "xlsx");
      break;

    case FU_FILE_KIND_DATABASE:
      gtk_file_filter_set_name (filter, _("Follow-Up Databases"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
      gtk_file_filter_add_mime_type (filter, "application/x-sqlite3");
      gtk_file_filter_add_suffix (filter, "db");
      gtk_file_filter_add_suffix (filter, "sqlite");
      break;

    case FU_FILE_KIND_JSON:
      gtk_file_filter_set_name (filter, _("JSON Files"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "json");
      break;

    case FU_FILE_KIND_PDF:
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
      break;

    case FU_FILE_KIND_CHART:
      gtk_file_filter_set_name (filter, _("PNG, SVG or PDF Files"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "png");
      gtk_file_filter_add_suffix (filter, "svg");
      gtk_file_filter_add_suffix (filter, "pdf");
      break;

    case FU_FILE_KIND_FEEDBACK:
      gtk_file_filter_set_name (filter, _("PDF or CSV Files"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "pdf");
      gtk_file_filter_add_suffix (filter, "csv");
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  gtk_file_chooser_add_filter (chooser, filter);
  if (kind == FU_FILE_KIND_CHART)
    {
      /* One per format too: the file's extension says which format is written. */
      static const struct {
        const char *name;
        const char *mime_type;
        const char *suffix;
      } formats[] = {
        { N_("PNG Images"), "image/png", "png" },
        { N_("SVG Images"), "image/svg+xml", "svg" },
        { N_("PDF Documents"), "application/pdf", "pdf" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          g_autoptr(GtkFileFilter) format = gtk_file_filter_new ();

          gtk_file_filter_set_name (format, _(formats[i].name));
          gtk_file_filter_add_mime_type (format, formats[i].mime_type);
          gtk_file_filter_add_suffix (format, formats[i].suffix);
          gtk_file_chooser_add_filter (chooser, format);
        }
    }
  if (kind == FU_FILE_KIND_FEEDBACK)
    {
      /* The extension says which is written: .csv for a spreadsheet, else PDF. */
      g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

      gtk_file_filter_set_name (pdf, _("PDF Documents"));
      gtk_file_filter_add_mime_type (pdf, "application/pdf");
      gtk_file_filter_add_suffix (pdf, "pdf");
      gtk_file_chooser_add_filter (chooser, pdf);
      gtk_file_filter_set_name (csv, _("CSV Files"));
      gtk_file_filter_add_mime_type (csv, "text/csv");
      gtk_file_filter_add_suffix (csv, "csv");
      gtk_file_chooser_add_filter (chooser, csv);
    }
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, filter);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  ChooserData *data = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  data->callback (file, data->user_data);

  g_free (data);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
run (GtkFileChooserNative  *native,
     FuFileKind             kind,
     FuFileChooserCallback  callback,
     gpointer               user_data)
{
  ChooserData *data = g_new0 (ChooserData, 1);

  data->callback = callback;
  data->user_data = user_data;

  add_filters (GTK_FILE_CHOOSER (native), kind);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* The dialog keeps itself alive until it answers; chooser_response_cb drops the ref. */
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
fu_file_chooser_open (GtkWindow             *parent,
                      const char            *title,
                      const char            *accept_label,
                      FuFileKind             kind,
                      FuFileChooserCallback  callback,
                      gpointer               user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (callback != NULL);

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept_label, NULL);
  run (native, kind, callback, user_data);
}

void
fu_file_chooser_save (GtkWindow             *parent,
                      const char            *title,
                      const char            *accept_label,
                      FuFileKind             kind,
                      const char            *suggested_name,
                      FuFileChooserCallback  callback,
                      gpointer               user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);
  g_return_if_fail (callback != NULL);

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        accept_label, NULL);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  run (native, kind, callback, user_data);
}
