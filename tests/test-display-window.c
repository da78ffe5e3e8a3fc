/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window shell: every template builds, the empty state and the sample data, importing
 * through the window, exporting the summary, the reports page and the preferences. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fu-application.h"
#include "fu-board-page.h"
#include "fu-context.h"
#include "fu-day.h"
#include "fu-export.h"
#include "fu-import-detect.h"
#include "fu-participants-page.h"
#include "fu-preferences-window.h"
#include "fu-reports-page.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-window.h"
#include "fu-workshops-page.h"

typedef struct {
  char      *dir;
  FuStore   *store;
  FuContext *context;
  FuWindow  *window;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean sample = GPOINTER_TO_INT (data);

  f->dir = g_dir_make_tmp ("fu-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "followup.db", NULL);
  f->store = fu_store_open (path, &error);
  g_assert_no_error (error);
  if (sample)
    {
      fu_sample_load (f->store, &error);
      g_assert_no_error (error);
    }

  f->context = fu_context_new (f->store);
  fu_context_set_today (f->context, fu_day_new (2018, 1, 15));
}

static void
fixture_open_window (Fixture *f)
{
  f->window = fu_window_new (NULL, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
destroy_toplevels (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  destroy_toplevels ();
  g_clear_object (&f->context);
  g_clear_object (&f->store);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static const char *
main_stack_child (FuWindow *window)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                              FU_TYPE_WINDOW, "main_stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static FuReportsPage *
reports_page (FuWindow *window)
{
  return FU_REPORTS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), FU_TYPE_WINDOW,
                                                         "reports_page"));
}

/* The message dialogs the window opened, newest last. */
static guint
count_message_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      n++;

  return n;
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* ---- Tests ------------------------------------------------------------------------------- */

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  /* Each widget class with a template, and the children its code relies on. */
  static const struct {
    GType      (*get_type) (void);
    const char  *children[6];
  } classes[] = {
    { fu_board_page_get_type, { NULL } },
    { fu_workshops_page_get_type, { NULL } },
    { fu_participants_page_get_type, { NULL } },
    { fu_reports_page_get_type, { "column_view", "year_drop_down", "summary_label", NULL } },
    { fu_preferences_window_get_type, { "start_month_row", "reply_days_spin",
                                        "office_name_row", "path_row", NULL } },
    { fu_window_get_type, { "view_stack", "toast_overlay", "main_stack", "switcher_bar",
                            "reports_page", NULL } },
  };
  g_autoptr(GtkBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      GType type = classes[i].get_type ();
      GtkWidget *widget = g_object_new (type, "context", f->context, NULL);

      g_object_ref_sink (widget);
      g_assert_true (GTK_IS_WIDGET (widget));
      for (guint j = 0; classes[i].children[j] != NULL; j++)
        {
          GObject *child = gtk_widget_get_template_child (widget, type, classes[i].children[j]);

          if (child == NULL)
            g_error ("%s has no template child %s", g_type_name (type), classes[i].children[j]);
        }

      if (GTK_IS_WINDOW (widget))
        gtk_window_destroy (GTK_WINDOW (widget));
      g_object_unref (widget);
    }

  /* The shortcuts window that GtkApplication shows for win.show-help-overlay. */
  builder = gtk_builder_new_from_resource ("/org/rocbap/FollowUp/gtk/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  /* Every .ui in the bundle is well-formed XML (templates of other classes included). */
  names = g_resources_enumerate_children ("/org/rocbap/FollowUp/", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/org/rocbap/FollowUp/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GMarkupParseContext) parser = NULL;
      static const GMarkupParser nothing = { NULL };
      const char *text;
      gsize length;

      if (!g_str_has_suffix (names[i], ".ui"))
        continue;

      bytes = g_resources_lookup_data (path, 0, &error);
      g_assert_no_error (error);
      text = g_bytes_get_data (bytes, &length);
      parser = g_markup_parse_context_new (&nothing, 0, NULL, NULL);
      if (!g_markup_parse_context_parse (parser, text, length, &error)
          || !g_markup_parse_context_end_parse (parser, &error))
        g_error ("%s: %s", names[i], error->message);
    }

  iterate ();
}

static void
test_empty_then_sample (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GError) error = NULL;

  fixture_open_window (f);

  /* A new database shows the empty state, and no page. */
  g_assert_cmpstr (main_stack_child (f->window), ==, "empty");
  g_assert_null (fu_window_get_page (f->window));

  /* "Load Sample Data" fills the database and shows the board. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-sample", NULL));
  iterate ();

  g_assert_false (fu_store_is_empty (f->store));
  workshops = fu_store_list_workshops (f->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workshops->len, ==, 13);
  g_assert_cmpstr (main_stack_child (f->window), ==, "content");
  g_assert_cmpstr (fu_window_get_page (f->window), ==, "followups");
}

static void
test_add_workshop_leaves_empty_state (Fixture       *f,
                                      gconstpointer  data)
{
  fixture_open_window (f);
  g_assert_cmpstr (main_stack_child (f->window), ==, "empty");

  /* "Add Workshop" goes to the workshops page even though nothing is stored yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-workshop", NULL));
  iterate ();
  g_assert_cmpstr (fu_window_get_page (f->window), ==, "workshops");
  destroy_toplevels ();
}

static void
test_sample_window (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuSummaryRow) total = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *replies = NULL;
  g_autofree char *title = NULL;
  g_autofree char *expected = NULL;
  FuReportsPage *page;
  FuDay first;
  FuDay last;
  guint n;

  fixture_open_window (f);
  g_assert_cmpstr (main_stack_child (f->window), ==, "content");
  g_assert_cmpstr (fu_window_get_page (f->window), ==, "followups");

  /* Alt+4's action shows the reports page, on the latest fiscal year with workshops. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s",
                                             "reports"));
  iterate ();
  g_assert_cmpstr (fu_window_get_page (f->window), ==, "reports");

  page = reports_page (f->window);
  g_assert_cmpuint (fu_reports_page_get_fiscal_year (page), ==, 2016);
  g_assert_cmpuint (fu_window_get_fiscal_year (f->window), ==, 2016);

  /* The table is core's summary of FY2016/17: a row per workshop, then the total. */
  fu_fiscal_year_range (fu_context_get_rules (f->context), 2016, &first, &last);
  rows = fu_store_summary (f->store, first, last, &total, &error);
  g_assert_no_error (error);
  n = fu_reports_page_get_n_rows (page);
  g_assert_cmpuint (n, ==, rows->len + 1);

  title = fu_reports_page_get_cell_text (page, 0, 1);
  g_assert_cmpstr (title, ==, ((FuSummaryRow *) g_ptr_array_index (rows, 0))->title);
  replies = fu_reports_page_get_cell_text (page, n - 1, 4);
  expected = g_strdup_printf ("%u", total->replies);
  g_assert_cmpstr (replies, ==, expected);
  /* The seed report's Table 1 total: 148 replies. */
  g_assert_cmpuint (total->replies, ==, 148);
}

static void
test_reports_no_replies (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  FuReportsPage *page;
  GtkStack *table_stack;

  /* A FY2019/20 workshop without replies. */
  workshop->code = g_strdup ("2019-TEST");
  workshop->title = g_strdup ("Test Workshop");
  workshop->start_date = fu_day_new (2019, 9, 2);
  workshop->end_date = fu_day_new (2019, 9, 6);
  fu_store_add_workshop (f->store, workshop, &error);
  g_assert_no_error (error);

  fixture_open_window (f);
  page = reports_page (f->window);
  fu_window_show_page (f->window, "reports");
  iterate ();

  g_assert_cmpuint (fu_reports_page_get_fiscal_year (page), ==, 2019);
  table_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                          FU_TYPE_REPORTS_PAGE, "table_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (table_stack), ==, "no-replies");

  /* Back to FY2016/17, which has replies. */
  g_assert_true (fu_reports_page_set_fiscal_year (page, 2016));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (table_stack), ==, "table");
  g_assert_false (fu_reports_page_set_fiscal_year (page, 2030));
  g_assert_cmpuint (fu_reports_page_get_fiscal_year (page), ==, 2016);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) workshops = NULL;
  g_autoptr(GFile) attendees = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GError) error = NULL;
  gint64 workshop_id = 0;
  gint64 participant_id = 0;
  guint counts[FU_N_STATUSES] = { 0 };
  FuFollowupQuery query = { 0 };

  fixture_open_window (f);

  /* The kind of file comes from its header: no question asked. */
  workshops = write_file (f, "workshops.csv",
                          "code,title,kind,start_date,end_date\n"
                          "2017-TST,Test Workshop,regional,2017-08-07,2017-08-10\n");
  fu_window_import_file (f->window, workshops);
  iterate ();
  g_assert_cmpuint (count_message_dialogs (), ==, 0);
  fu_store_lookup_workshop (f->store, "2017-TST", &workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (workshop_id, >, 0);
  g_assert_cmpstr (main_stack_child (f->window), ==, "content");

  attendees = write_file (f, "attendees.csv",
                          "workshop_code,name,administration,email\n"
                          "2017-TST,Ana Lopez,Japan,ana@example.org\n"
                          "2017-TST,Ben Kim,Korea,ben@example.org\n");
  fu_window_import_file (f->window, attendees);
  iterate ();
  g_assert_cmpuint (count_message_dialogs (), ==, 0);
  query.as_of = fu_day_new (2018, 1, 15);
  query.workshop_id = workshop_id;
  fu_store_count_followups (f->store, &query, counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts[FU_STATUS_PLANNED] + counts[FU_STATUS_TO_SEND], ==, 2);

  /* A bad row: refused, explained in a dialog, and nothing is written. */
  bad = write_file (f, "bad.csv",
                    "workshop_code,name,administration,email\n"
                    "2017-TST,Carla Diaz,Japan,carla@example.org\n"
                    "2017-TST,Dan Lee,Japan,dan@\n");
  fu_window_import_file (f->window, bad);
  iterate ();
  g_assert_cmpuint (count_message_dialogs (), ==, 1);
  fu_store_lookup_participant (f->store, "carla@example.org", NULL, 0, &participant_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (participant_id, ==, 0);
}

static void
test_import_detect (void)
{
  static const struct {
    const char *text;
    gboolean    known;
    FuImportKind kind;
  } cases[] = {
    { "code,title,start_date\n", TRUE, FU_IMPORT_WORKSHOPS },
    { "\xEF\xBB\xBF" "code,start_date,title,venue\r\n", TRUE, FU_IMPORT_WORKSHOPS },
    { "workshop_code,name,administration,email\n", TRUE, FU_IMPORT_PARTICIPANTS },
    { "workshop_code,email,received_date,shared_materials\n", TRUE, FU_IMPORT_RESPONSES },
    { "workshop_code,name,administration,direct_effects\n", TRUE, FU_IMPORT_RESPONSES },
    { "name,email\n", FALSE, 0 },
    { "", FALSE, 0 },
    /* Both a workshop and a reply: ask. */
    { "code,title,received_date\n", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FuImportKind kind = 99;
      gboolean known = fu_import_detect_kind (cases[i].text, strlen (cases[i].text), &kind);

      g_assert_cmpint (known, ==, cases[i].known);
      if (known)
        g_assert_cmpint (kind, ==, cases[i].kind);
    }
}

static void
test_import_detect_workshop (void)
{
  const char *one = "workshop_code,name\n2016-NII,Ana\n2016-nii,Ben\n";
  const char *two = "workshop_code,name\n2016-NII,Ana\n2016-PCA,Ben\n";
  const char *none = "code,title\n2016-NII,Test\n";
  g_autofree char *code = fu_import_detect_workshop (one, strlen (one));

  g_assert_cmpstr (code, ==, "2016-NII");
  g_assert_null (fu_import_detect_workshop (two, strlen (two)));
  g_assert_null (fu_import_detect_workshop (none, strlen (none)));
}

static void
test_export_summary (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "summary-FY2016-17.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  fixture_open_window (f);
  g_assert_true (fu_window_export_summary (f->window, 2016, file));

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  fu_export_summary (f->store, 2016, FU_EXPORT_BOM, expected, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, expected->str, expected->len);
  g_assert_nonnull (strstr (contents, "\r\nTOTAL,"));
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  FuPreferencesWindow *prefs = fu_preferences_window_new (f->context);
  GtkWidget *widget = GTK_WIDGET (prefs);
  g_autofree char *office = NULL;
  guint changed = 0;
  FuRules rules;

  g_signal_connect_swapped (f->context, "changed", G_CALLBACK (count_cb), &changed);
  gtk_window_present (GTK_WINDOW (prefs));
  iterate ();

  /* It shows what the database holds. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (
      gtk_widget_get_template_child (widget, FU_TYPE_PREFERENCES_WINDOW, "start_month_row"))),
      ==, FU_RULES_DEFAULT_START_MONTH - 1);

  /* Edits go to the database at once and every view hears of them. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (
      widget, FU_TYPE_PREFERENCES_WINDOW, "reply_days_spin")), 45);
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (
      widget, FU_TYPE_PREFERENCES_WINDOW, "start_month_row")), 0);
  iterate ();

  fu_store_get_rules (f->store, &rules);
  g_assert_cmpuint (rules.reply_days, ==, 45);
  g_assert_cmpuint (rules.fiscal_year_start_month, ==, 1);
  g_assert_cmpuint (fu_context_get_rules (f->context)->reply_days, ==, 45);
  g_assert_cmpuint (changed, ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (
      widget, FU_TYPE_PREFERENCES_WINDOW, "office_name_row")), "  ROCB A/P Bangkok ");
  g_signal_emit_by_name (gtk_widget_get_template_child (widget, FU_TYPE_PREFERENCES_WINDOW,
                                                        "office_name_row"), "apply");
  office = fu_store_get_office_name (f->store);
  g_assert_cmpstr (office, ==, "ROCB A/P Bangkok");

  /* Without the application, switching databases is not offered. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (
      widget, FU_TYPE_PREFERENCES_WINDOW, "open_row"))));
}

static FuWindow *
only_window (GtkApplication *application)
{
  GList *windows = gtk_application_get_windows (application);

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (FU_IS_WINDOW (windows->data));

  return windows->data;
}

static void
test_application_open_database (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(FuApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = g_build_filename (f->dir, "first.db", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.db", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "junk.db", NULL);
  g_autofree char *last = NULL;
  g_autofree char *junk_after = NULL;
  FuWindow *window;
  GSettings *settings;

  /* Not unique: no session bus is needed to register. */
  application = g_object_new (FU_TYPE_APPLICATION,
                              "application-id", "org.rocbap.FollowUp.Test",
                              "flags", G_APPLICATION_NON_UNIQUE,
                              NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  settings = fu_application_get_settings (application);
  g_assert_nonnull (settings);

  /* A new file becomes a new database, shown in a window and remembered. */
  g_assert_true (fu_application_open_database (application, first, &error));
  g_assert_no_error (error);
  window = only_window (GTK_APPLICATION (application));
  g_assert_cmpstr (fu_store_get_path (fu_context_get_store (fu_window_get_context (window))),
                   ==, first);
  iterate ();

  /* Another one replaces the window. */
  g_assert_true (fu_application_open_database (application, second, &error));
  g_assert_no_error (error);
  iterate ();
  window = only_window (GTK_APPLICATION (application));
  g_assert_cmpstr (fu_store_get_path (fu_context_get_store (fu_window_get_context (window))),
                   ==, second);
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, second);

  /* A file that is no database: an error, the file untouched, the open window kept. */
  g_file_set_contents (junk, "not a database\n", -1, &error);
  g_assert_no_error (error);
  g_assert_false (fu_application_open_database (application, junk, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (only_window (GTK_APPLICATION (application)) == window);
  g_file_get_contents (junk, &junk_after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (junk_after, ==, "not a database\n");
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, second);

  destroy_toplevels ();
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/templates", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_templates, fixture_teardown);
  g_test_add ("/window/empty-then-sample", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_empty_then_sample, fixture_teardown);
  g_test_add ("/window/add-workshop", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_add_workshop_leaves_empty_state, fixture_teardown);
  g_test_add ("/window/sample", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_sample_window, fixture_teardown);
  g_test_add ("/window/reports/no-replies", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_reports_no_replies, fixture_teardown);
  g_test_add ("/window/import", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_import, fixture_teardown);
  g_test_add_func ("/window/import-detect/kind", test_import_detect);
  g_test_add_func ("/window/import-detect/workshop", test_import_detect_workshop);
  g_test_add ("/window/export-summary", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_export_summary, fixture_teardown);
  g_test_add ("/window/preferences", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_preferences, fixture_teardown);

  g_test_add ("/window/application/open-database", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_application_open_database, fixture_teardown);

  return g_test_run ();
}
