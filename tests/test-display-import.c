/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import assistant on files as the office gets them (tests/data): a LibreOffice workbook
 * with a title above the table, imported into a workshop's list; a misspelt administration
 * fixed with one click and remembered; undo; the encoding and a column's field changed by
 * hand; replies from a form; Cancel writing nothing. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "fu-context.h"
#include "fu-display-util.h"
#include "fu-import-dialog.h"
#include "fu-store.h"
#include "fu-window.h"

typedef struct {
  char      *dir;
  char      *path;
  FuStore   *store;
  FuContext *context;
  FuWindow  *window;
} Fixture;

static gint64
add_workshop (Fixture    *f,
              const char *code,
              FuDay       start)
{
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  workshop->code = g_strdup (code);
  workshop->title = g_strdup_printf ("Workshop %s", code);
  workshop->start_date = workshop->end_date = start;
  workshop->surveyed = TRUE;
  id = fu_store_add_workshop (f->store, workshop, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fu_display_open_store ("fu-import-XXXXXX", FALSE, &f->dir, &f->path);
  add_workshop (f, "2017-PCA", fu_day_new (2017, 5, 8));
  add_workshop (f, "2017-VAL", fu_day_new (2017, 6, 12));
  f->context = fu_display_context_new (f->store, fu_day_new (2018, 1, 15));
  f->window = fu_display_open_window (f->context, "workshops");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fu_display_close (&f->context, &f->store, &f->dir);
  g_free (f->path);
}

static char *
dump (Fixture *f)
{
  return fu_test_dump_tables (f->path, NULL);
}

static guint
count_attendances (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fu_store_list_attendees (f->store, 0, &error);

  g_assert_no_error (error);
  return rows->len;
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

/* @text with one administration misspelt, as a CSV list without a title. */
static GFile *
write_list (Fixture    *f,
            const char *name,
            const char *text,
            const char *encoding)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *converted = NULL;
  gsize length = strlen (text);
  g_autoptr(GError) error = NULL;

  if (encoding != NULL)
    {
      converted = g_convert (text, -1, encoding, "UTF-8", NULL, &length, &error);
      g_assert_no_error (error);
    }
  g_file_set_contents (path, converted != NULL ? converted : text, (gssize) length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static FuImportDialog *
open_assistant (Fixture      *f,
                GFile        *file,
                FuImportKind  kind,
                const char   *workshop)
{
  FuImportDialog *dialog = fu_import_dialog_new_for (GTK_WINDOW (f->window), f->context, file,
                                                     kind, workshop);

  gtk_window_present (GTK_WINDOW (dialog));
  fu_display_iterate ();
  g_assert_false (fu_import_dialog_get_busy (dialog));
  return dialog;
}

/* The combo row titled @title below @root. */
static AdwComboRow *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  GtkWidget *row = fu_display_find_row (root, title);

  return ADW_IS_COMBO_ROW (row) ? ADW_COMBO_ROW (row) : NULL;
}

static const char *
step (FuImportDialog *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (fu_display_child (dialog,
                                                                        FU_TYPE_IMPORT_DIALOG,
                                                                        "steps")));
}

/* A workbook dropped on a workshop's page: straight to its rows, the misspelt administration
 * fixed with one click (and remembered), imported as one change, undone, imported again. */
static void
test_workbook (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) workbook = data_file ("attendance-title-above.xlsx");
  g_autoptr(GFile) list = NULL;
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;
  FuImportDialog *dialog;
  GtkWidget *use;

  /* The workbook maps by itself, title and all. */
  dialog = open_assistant (f, workbook, FU_IMPORT_PARTICIPANTS, "2017-PCA");
  g_assert_cmpstr (step (dialog), ==, "rows");
  g_assert_cmpuint (fu_import_dialog_get_n_rows (dialog), ==, 4);
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 0);
  g_assert_true (fu_import_dialog_get_can_import (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  fu_display_iterate ();
  g_assert_cmpuint (count_attendances (f), ==, 4);

  /* One change: undone in one step, nothing left of it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  fu_display_iterate ();
  after = dump (f);
  g_assert_cmpstr (after, ==, before);

  /* A list with "Camboda": one problem, and a button that fixes it. */
  list = write_list (f, "list.csv",
                     "Name;Country;E-mail\n"
                     "Chea Sophal;Camboda;sophal@customs.gov.kh\n"
                     "Lê Thị Mai;Vietnam;mai.le@customs.gov.vn\n", NULL);
  dialog = open_assistant (f, list, FU_IMPORT_PARTICIPANTS, "2017-PCA");
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 1);
  g_assert_false (fu_import_dialog_get_can_import (dialog));
  use = fu_display_find_button (GTK_WIDGET (dialog), "Use Cambodia");
  g_assert_nonnull (use);
  g_signal_emit_by_name (use, "clicked");
  fu_display_iterate ();
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 0);
  g_assert_true (fu_import_dialog_get_can_import (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  fu_display_iterate ();

  /* Remembered: the same list maps by itself the next time. */
  dialog = open_assistant (f, list, FU_IMPORT_PARTICIPANTS, "2017-PCA");
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  fu_display_iterate ();
  g_assert_cmpuint (count_attendances (f), ==, 2);
}

/* The encoding and a column's field, changed by hand, are what the next check uses. */
static void
test_choices (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) list = write_list (f, "latin.csv",
                                      "Name;Country;Position\n"
                                      "Hélène Dupré;Vanuatu;Chef de bureau\n", "WINDOWS-1252");
  FuImportDialog *dialog = open_assistant (f, list, FU_IMPORT_PARTICIPANTS, "2017-VAL");
  AdwComboRow *encoding = ADW_COMBO_ROW (fu_display_child (dialog, FU_TYPE_IMPORT_DIALOG,
                                                           "encoding_row"));
  AdwPreferencesGroup *columns = ADW_PREFERENCES_GROUP (fu_display_child (dialog,
                                                                          FU_TYPE_IMPORT_DIALOG,
                                                                          "columns_group"));
  AdwComboRow *country = NULL;

  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 0);

  /* UTF-8 is wrong for this file, and the check says so. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.back", NULL);
  g_assert_cmpstr (step (dialog), ==, "file");
  adw_combo_row_set_selected (encoding, 1);   /* Unicode (UTF-8) */
  fu_display_iterate ();
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 1);
  g_assert_false (fu_import_dialog_get_can_import (dialog));
  adw_combo_row_set_selected (encoding, 0);   /* Detected */
  fu_display_iterate ();
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 0);

  /* "Country" left out: the list has no administration any more. */
  country = find_combo_row (GTK_WIDGET (columns), "Country");
  g_assert_nonnull (country);
  g_assert_cmpuint (adw_combo_row_get_selected (country), >, 0);
  adw_combo_row_set_selected (country, 0);    /* Not imported */
  fu_display_iterate ();
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 1);
  g_assert_false (fu_import_dialog_get_can_import (dialog));
}

/* Replies from a form: by the form's own headers, into the workshop chosen. */
static void
test_replies (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) list = data_file ("attendance-excel-us-1252.csv");
  g_autoptr(GFile) form = data_file ("google-forms-responses.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  FuImportDialog *dialog;

  dialog = open_assistant (f, list, FU_IMPORT_PARTICIPANTS, "2017-VAL");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  fu_display_iterate ();
  g_assert_cmpuint (count_attendances (f), ==, 3);

  dialog = open_assistant (f, form, FU_IMPORT_RESPONSES, "2017-VAL");
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  fu_display_iterate ();
  replies = fu_store_list_replies (f->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (replies->len, ==, 2);
}

/* Cancel while the import runs, or before: nothing is written. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) workbook = data_file ("attendance-title-above.ods");
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;
  FuImportDialog *dialog = open_assistant (f, workbook, FU_IMPORT_PARTICIPANTS, "2017-PCA");

  g_assert_true (fu_import_dialog_get_can_import (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  gtk_window_close (GTK_WINDOW (dialog));
  fu_display_iterate ();
  after = dump (f);
  /* Either it was cancelled in time, or it had finished: never half of it. */
  g_assert_true (g_strcmp0 (before, after) == 0 || count_attendances (f) == 4);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/display/import/workbook", Fixture, NULL, fixture_setup, test_workbook,
              fixture_teardown);
  g_test_add ("/display/import/choices", Fixture, NULL, fixture_setup, test_choices,
              fixture_teardown);
  g_test_add ("/display/import/replies", Fixture, NULL, fixture_setup, test_replies,
              fixture_teardown);
  g_test_add ("/display/import/cancel", Fixture, NULL, fixture_setup, test_cancel,
              fixture_teardown);
  return g_test_run ();
}
