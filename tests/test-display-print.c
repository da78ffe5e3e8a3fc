/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Print Reminder List through GtkPrintOperation, exported to PDF as the print dialog's
 * "Print to File" would, then read back with pdftotext. */
#define G_LOG_DOMAIN "test-display-print"

#include "config.h"

#include <gtk/gtk.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fu-context.h"
#include "fu-day.h"
#include "fu-print-job.h"
#include "fu-print-reminders.h"
#include "fu-print-report.h"
#include "fu-reminder-sheet.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-test-util.h"

#define REMIND_MASK ((1u << FU_STATUS_REMINDER_DUE) | (1u << FU_STATUS_OVERDUE))

typedef struct {
  char      *dir;
  FuStore   *store;
  FuContext *context;
  FuDay      today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("test-display-print-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "office.db", NULL);
  fixture->store = fu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (fu_sample_load (fixture->store, &error));
  g_assert_no_error (error);

  fixture->today = fu_day_new (2018, 3, 1);
  fixture->context = fu_context_new (fixture->store);
  fu_context_set_today (fixture->context, fixture->today);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}


/* The PDF's text, page by page (pdftotext ends each page with a form feed). */
static GStrv
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_auto(GStrv) parts = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  parts = g_strsplit (out, "\f", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i + 1] != NULL || *g_strstrip (parts[i]) != '\0')
      g_ptr_array_add (pages, g_strdup (parts[i]));
  g_ptr_array_add (pages, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&pages), FALSE);
}

static GPtrArray *
list_to_chase (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  FuFollowupQuery query = { 0 };
  GPtrArray *rows;

  query.as_of = fixture->today;
  query.status_mask = REMIND_MASK;
  rows = fu_store_list_followups (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
assert_numbered_pages (GStrv       pages,
                       const char *office)
{
  guint n_pages = g_strv_length (pages);

  g_assert_cmpuint (n_pages, >=, 1);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_text = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      g_autofree char *as_of_display = fu_day_format_display (fu_day_new (2018, 3, 1));
      g_autofree char *as_of_text = g_strdup_printf ("As of %s", as_of_display);

      g_assert_nonnull (strstr (pages[i], page_text));
      g_assert_nonnull (strstr (pages[i], office));
      /* A page is for people: the day as the locale writes it, not ISO. */
      g_assert_nonnull (strstr (pages[i], as_of_text));
      g_assert_null (strstr (pages[i], "2018-03-01"));
    }
}

/* With no rows given, the list is everyone to chase as of the context's today, as core
 * computes it; the pages match the command line's PDF. */
static void
test_export_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autofree char *office = fu_store_get_office_name (fixture->store);
  g_autofree char *pdf = g_build_filename (fixture->dir, "reminders.pdf", NULL);
  g_autofree char *cli_pdf = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *all = NULL;
  g_auto(GStrv) pages = NULL;
  g_auto(GStrv) cli_pages = NULL;

  if (!fu_test_have_pdftotext ())
    return;

  rows = list_to_chase (fixture);
  g_assert_cmpuint (rows->len, >, 0);

  g_assert_true (fu_print_reminders_export (fixture->context, NULL, pdf, &error));
  g_assert_no_error (error);

  pages = pdf_pages (pdf);
  assert_numbered_pages (pages, office);
  all = g_strjoinv ("\n", pages);
  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (strstr (all, row->participant_name) == NULL)
        g_error ("%s (%s) is not on the printed list", row->participant_name,
                 row->workshop_code);
    }

  /* The same pages as followup-cli export reminders --format pdf. */
  sheet = fu_reminder_sheet_new (rows, office, fixture->today);
  g_assert_true (fu_reminder_sheet_write_pdf (sheet, cli_pdf, &error));
  g_assert_no_error (error);
  cli_pages = pdf_pages (cli_pdf);
  g_assert_cmpuint (g_strv_length (pages), ==, g_strv_length (cli_pages));
}

/* The board's selection: only the rows given are printed. */
static void
test_export_selection (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GHashTable) chosen_people = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *office = fu_store_get_office_name (fixture->store);
  g_autofree char *pdf = g_build_filename (fixture->dir, "chosen.pdf", NULL);
  g_autofree char *all = NULL;
  g_autofree char *count = NULL;
  g_auto(GStrv) pages = NULL;
  const FuFollowupRow *first;
  guint n_left_out = 0;

  if (!fu_test_have_pdftotext ())
    return;

  rows = list_to_chase (fixture);
  first = g_ptr_array_index (rows, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (row->workshop_id == first->workshop_id)
        {
          g_ptr_array_add (chosen, row);
          g_hash_table_add (chosen_people, &row->participant_id);
        }
    }
  g_assert_cmpuint (chosen->len, >, 0);
  g_assert_cmpuint (chosen->len, <, rows->len);

  g_assert_true (fu_print_reminders_export (fixture->context, chosen, pdf, &error));
  g_assert_no_error (error);

  pages = pdf_pages (pdf);
  assert_numbered_pages (pages, office);
  all = g_strjoinv ("\n", pages);
  count = g_strdup_printf ("%u follow-up", chosen->len);
  g_assert_nonnull (strstr (all, count));
  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (row->workshop_id == first->workshop_id)
        {
          g_assert_nonnull (strstr (all, row->participant_name));
        }
      else if (!g_hash_table_contains (chosen_people, &row->participant_id))
        {
          g_assert_null (strstr (all, row->participant_name));
          n_left_out++;
        }
    }
  g_assert_cmpuint (n_left_out, >, 0);
}

/* A folder that does not exist: an error that names the file, and no file. */
static void
test_export_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "missing", "reminders.pdf", NULL);

  g_assert_false (fu_print_reminders_export (fixture->context, NULL, pdf, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "reminders.pdf"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* The toast says where Print to File saved the document, and "Printed" only for a printer. */
static void
test_done_message (void)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *printed = NULL;
  g_autofree char *saved_one = NULL;
  g_autofree char *saved_two = NULL;
  g_autofree char *report = NULL;
  g_autofree char *name = NULL;

  /* A printer: no file. */
  g_assert_null (fu_print_job_get_output_name (settings));
  gtk_print_settings_set_printer (settings, "Office LaserJet");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, "reminder-list");
  g_assert_null (fu_print_job_get_output_name (settings));

  /* Print to File names its printer, even before it sets the URI. */
  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME,
                          "reminder-list-2018-03-01");
  name = fu_print_job_get_output_name (settings);
  g_assert_cmpstr (name, ==, "reminder-list-2018-03-01.pdf");
  g_clear_pointer (&name, g_free);

  /* The URI it saved to wins, shown as people read it. */
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI,
                          "file:///home/ana/Documents/March%20reminders.pdf");
  name = fu_print_job_get_output_name (settings);
  g_assert_cmpstr (name, ==, "March reminders.pdf");
  g_clear_pointer (&name, g_free);
  gtk_print_settings_set_printer (settings, "Some other name");
  name = fu_print_job_get_output_name (settings);
  g_assert_cmpstr (name, ==, "March reminders.pdf");

  printed = fu_print_reminders_describe_done (1, NULL);
  g_assert_cmpstr (printed, ==, "Printed the reminder list (1 page)");
  saved_one = fu_print_reminders_describe_done (1, name);
  g_assert_cmpstr (saved_one, ==, "Saved the reminder list to March reminders.pdf (1 page)");
  saved_two = fu_print_reminders_describe_done (2, "reminder-list-2018-03-01.pdf");
  g_assert_cmpstr (saved_two, ==,
                   "Saved the reminder list to reminder-list-2018-03-01.pdf (2 pages)");
  report = fu_print_report_describe_done (12, "report-FY2016-17.pdf");
  g_assert_cmpstr (report, ==, "Saved the report to report-FY2016-17.pdf (12 pages)");
}

/* After printing the reminder list to a file, the report proposes its own name in the same
 * folder, never the reminder list's. */
static void
test_own_file_name (void)
{
  g_autoptr(GtkPrintSettings) last = gtk_print_settings_new ();
  g_autoptr(GtkPrintSettings) next = NULL;
  g_autoptr(GtkPrintSettings) fresh = NULL;

  gtk_print_settings_set_printer (last, "Print to File");
  gtk_print_settings_set (last, GTK_PRINT_SETTINGS_OUTPUT_URI,
                          "file:///home/ana/Documents/reminders-2018-01-15.pdf");
  gtk_print_settings_set (last, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, "reminders-2018-01-15");
  next = fu_print_job_settings_for (last, "report-FY2016-17");
  g_assert_cmpstr (gtk_print_settings_get (next, GTK_PRINT_SETTINGS_OUTPUT_URI), ==,
                   "file:///home/ana/Documents/report-FY2016-17.pdf");
  g_assert_cmpstr (gtk_print_settings_get_printer (next), ==, "Print to File");
  /* The last job's settings themselves are left alone. */
  g_assert_cmpstr (gtk_print_settings_get (last, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   "reminders-2018-01-15");

  fresh = fu_print_job_settings_for (NULL, "feedback-2017-VAL");
  g_assert_null (gtk_print_settings_get (fresh, GTK_PRINT_SETTINGS_OUTPUT_URI));
  g_assert_cmpstr (gtk_print_settings_get (fresh, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   "feedback-2017-VAL");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/display/print/export-all", Fixture, NULL,
              fixture_set_up, test_export_all, fixture_tear_down);
  g_test_add ("/display/print/export-selection", Fixture, NULL,
              fixture_set_up, test_export_selection, fixture_tear_down);
  g_test_add ("/display/print/export-error", Fixture, NULL,
              fixture_set_up, test_export_error, fixture_tear_down);

  g_test_add_func ("/display/print/done-message", test_done_message);
  g_test_add_func ("/display/print/own-file-name", test_own_file_name);

  return g_test_run ();
}
