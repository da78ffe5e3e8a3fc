/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window shell: every template builds, the empty state and the sample data, importing
 * through the window, exporting the summary, the reports page and the preferences. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fu-application.h"
#include "fu-backups.h"
#include "fu-board-page.h"
#include "fu-context.h"
#include "fu-display-util.h"
#include "fu-day.h"
#include "fu-export.h"
#include "fu-import-detect.h"
#include "fu-import-dialog.h"
#include "fu-participants-page.h"
#include "fu-preferences-window.h"
#include "fu-reply-editor.h"
#include "fu-reports-page.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-history.h"
#include "fu-table.h"
#include "fu-window.h"
#include "fu-workshops-page.h"

typedef struct {
  char      *dir;
  FuStore   *store;
  FuContext *context;
  FuWindow  *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fu_display_open_store ("fu-window-XXXXXX", GPOINTER_TO_INT (data), &f->dir, NULL);
  f->context = fu_display_context_new (f->store, fu_day_new (2018, 1, 15));
}

static void
fixture_open_window (Fixture *f)
{
  f->window = fu_display_open_window (f->context, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fu_display_close (&f->context, &f->store, &f->dir);
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
  return FU_REPORTS_PAGE (fu_display_page (window, "reports"));
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

/* The attendance-list preview the window opened, if any. */
static FuImportDialog *
find_import_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (FU_IS_IMPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gint64
count_attendances (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  FuFollowupQuery query = { 0 };
  guint counts[FU_N_STATUSES] = { 0 };
  gint64 n = 0;

  query.as_of = fu_day_new (2018, 1, 15);
  fu_store_count_followups (f->store, &query, counts, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < FU_N_STATUSES; i++)
    n += counts[i];

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


static gboolean
focus_is_in (GtkWindow *window,
             GObject   *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == GTK_WIDGET (widget)
                           || gtk_widget_is_ancestor (focus, GTK_WIDGET (widget)));
}

static GObject *
page_child (FuWindow   *window,
            const char *page,
            GType       type,
            const char *name)
{
  GObject *page_widget = G_OBJECT (fu_display_page (window, page));
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page_widget), type, name);

  g_assert_nonnull (child);
  return child;
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
                            "reports_bin", NULL } },
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
  {
    GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
    int height = 0;

    /* It fits a 768-pixel screen, with room for a panel. */
    gtk_window_present (GTK_WINDOW (overlay));
    fu_display_iterate ();
    gtk_widget_measure (overlay, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
    g_assert_cmpint (height, <=, 700);
  }
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

  fu_display_iterate ();
}

static void
test_empty_then_sample (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GError) error = NULL;
  FuBoardPage *board;

  fixture_open_window (f);

  /* A new database shows the empty state, and no page. */
  g_assert_cmpstr (main_stack_child (f->window), ==, "empty");
  g_assert_null (fu_window_get_page (f->window));

  /* "Load Sample Data" fills the database and shows the board. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-sample", NULL));
  fu_display_iterate ();

  g_assert_false (fu_store_is_empty (f->store));
  workshops = fu_store_list_workshops (f->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workshops->len, ==, 13);
  g_assert_cmpstr (main_stack_child (f->window), ==, "content");
  g_assert_cmpstr (fu_window_get_page (f->window), ==, "followups");

  /* Nothing is to send or due for a reminder on 2018-01-15: the board opens on the first
   * group with something to do, not on an empty "To Send". */
  board = FU_BOARD_PAGE (gtk_widget_get_template_child (GTK_WIDGET (f->window), FU_TYPE_WINDOW,
                                                        "board_page"));
  g_assert_cmpuint (fu_board_page_get_count (board, FU_STATUS_TO_SEND), ==, 0);
  g_assert_cmpuint (fu_board_page_get_count (board, FU_STATUS_REMINDER_DUE), ==, 0);
  g_assert_cmpuint (fu_board_page_get_count (board, FU_STATUS_OVERDUE), >, 0);
  g_assert_cmpint (fu_board_page_get_group (board), ==, FU_STATUS_OVERDUE);
}

static void
test_add_workshop_leaves_empty_state (Fixture       *f,
                                      gconstpointer  data)
{
  fixture_open_window (f);
  g_assert_cmpstr (main_stack_child (f->window), ==, "empty");

  /* "Add Workshop" goes to the workshops page even though nothing is stored yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-workshop", NULL));
  fu_display_iterate ();
  g_assert_cmpstr (fu_window_get_page (f->window), ==, "workshops");
  fu_display_destroy_windows ();
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
  fu_display_iterate ();
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
  g_assert_true (g_str_has_prefix (title, ((FuSummaryRow *) g_ptr_array_index (rows, 0))->title));
  g_assert_true (g_str_has_suffix (title, " (Jul. 2016)"));
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
  fu_display_iterate ();

  g_assert_cmpuint (fu_reports_page_get_fiscal_year (page), ==, 2019);
  table_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                          FU_TYPE_REPORTS_PAGE, "table_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (table_stack), ==, "no-replies");

  /* Back to FY2016/17, which has replies. */
  g_assert_true (fu_reports_page_set_fiscal_year (page, 2016));
  fu_display_iterate ();
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
  g_autoptr(GFile) replies = NULL;
  g_autoptr(GError) error = NULL;
  FuImportDialog *dialog;
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
  fu_display_iterate ();
  g_assert_cmpuint (count_message_dialogs (), ==, 0);
  fu_store_lookup_workshop (f->store, "2017-TST", &workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (workshop_id, >, 0);
  g_assert_cmpstr (main_stack_child (f->window), ==, "content");

  /* An attendance list opens the preview: its rows are shown and nothing is written until
   * the person imports. */
  attendees = write_file (f, "attendees.csv",
                          "workshop_code,name,administration,email\n"
                          "2017-TST,Ana Lopez,Japan,ana@example.org\n"
                          "2017-TST,Ben Kim,Korea,ben@example.org\n");
  fu_window_import_file (f->window, attendees);
  fu_display_iterate ();
  g_assert_cmpuint (count_message_dialogs (), ==, 0);
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (fu_import_dialog_get_n_rows (dialog), ==, 2);
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 0);
  g_assert_true (fu_import_dialog_get_can_import (dialog));
  g_assert_cmpint (count_attendances (f), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  fu_display_iterate ();
  g_assert_null (find_import_dialog ());
  query.as_of = fu_day_new (2018, 1, 15);
  query.workshop_id = workshop_id;
  fu_store_count_followups (f->store, &query, counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts[FU_STATUS_PLANNED] + counts[FU_STATUS_TO_SEND], ==, 2);

  /* A bad row: the preview lists the problem, Import does nothing, nothing is written. */
  bad = write_file (f, "bad.csv",
                    "workshop_code,name,administration,email\n"
                    "2017-TST,Carla Diaz,Japan,carla@example.org\n"
                    "2017-TST,Dan Lee,Japan,dan@\n");
  fu_window_import_file (f->window, bad);
  fu_display_iterate ();
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (fu_import_dialog_get_n_rows (dialog), ==, 2);
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 1);
  g_assert_false (fu_import_dialog_get_can_import (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  fu_display_iterate ();
  g_assert_cmpint (count_attendances (f), ==, 2);
  fu_store_lookup_participant (f->store, "carla@example.org", NULL, 0, &participant_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (participant_id, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  fu_display_iterate ();

  /* Replies open the same preview: a bad date is a problem there, Import does nothing,
   * and nothing is written. */
  replies = write_file (f, "replies.csv",
                        "workshop_code,email,received_date,shared_materials\n"
                        "2017-TST,ana@example.org,2017-13-40,yes\n");
  fu_window_import_file (f->window, replies);
  fu_display_iterate ();
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 1);
  g_assert_false (fu_import_dialog_get_can_import (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  fu_display_iterate ();
  g_assert_cmpint (count_attendances (f), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  fu_display_iterate ();
  memset (counts, 0, sizeof counts);
  fu_store_count_followups (f->store, &query, counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts[FU_STATUS_REPLIED], ==, 0);
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

  /* A name ending in .xlsx gets a workbook, read back with the importer's own reader. */
  {
    g_autofree char *book_path = g_build_filename (f->dir, "summary-FY2016-17.xlsx", NULL);
    g_autoptr(GFile) book = g_file_new_for_path (book_path);
    g_autofree char *book_data = NULL;
    g_autoptr(FuTable) table = NULL;
    FuTableOptions options = { .sheet = "Table 1" };
    gsize book_length = 0;

    g_assert_true (fu_window_export_summary (f->window, 2016, book));
    g_file_get_contents (book_path, &book_data, &book_length, &error);
    g_assert_no_error (error);
    table = fu_table_read ("summary.xlsx", book_data, book_length, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (fu_table_get_cell (table, 0, 7), ==, "reply_rate");
    g_assert_cmpuint (fu_table_get_n_rows (table), ==, 15);   /* header, 13 rows, total */
    g_assert_cmpstr (fu_table_get_cell (table, 14, 0), ==, "TOTAL");
    g_assert_cmpstr (fu_table_get_cell (table, 14, 5), ==, "261");
  }
}

static FuReplyEditor *
find_reply_editor (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (FU_IS_REPLY_EDITOR (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Emits "activate" on the board's first row, as Enter on it does, and returns the reply
 * editor it opened. */
static FuReplyEditor *
activate_board_row (Fixture *f)
{
  FuReplyEditor *editor;

  g_signal_emit_by_name (page_child (f->window, "followups", FU_TYPE_BOARD_PAGE, "column_view"),
                         "activate", 0);
  fu_display_iterate ();
  editor = find_reply_editor ();
  g_assert_nonnull (editor);

  return editor;
}

/* Each page's keys work wherever the focus is in the window: on the view switcher, the main
 * menu's button, or nowhere after a dialog closed. */
static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  static const struct {
    const char *accel;
    const char *page;
  } pages[] = {
    { "<Alt>2", "workshops" },
    { "<Alt>3", "participants" },
    { "<Alt>4", "reports" },
    { "<Alt>1", "followups" },
  };
  static const struct {
    const char *page;
    const char *page_child;
    GType     (*get_type) (void);
  } searches[] = {
    { "followups", "followups", fu_board_page_get_type },
    { "workshops", "workshops", fu_workshops_page_get_type },
    { "participants", "participants", fu_participants_page_get_type },
  };
  GtkWindow *window;
  AdwMessageDialog *dialog = NULL;
  g_autoptr(GList) toplevels = NULL;
  FuReplyEditor *editor;
  GObject *workshops;
  g_autoptr(GError) error = NULL;
  gint64 followup_id;

  fixture_open_window (f);
  window = GTK_WINDOW (f->window);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gtk_window_set_focus (window, NULL);
      g_assert_true (fu_display_press (window, pages[i].accel));
      g_assert_cmpstr (fu_window_get_page (f->window), ==, pages[i].page);
      /* The keyboard goes on in the page shown. */
      g_assert_true (focus_is_in (window, gtk_widget_get_template_child (
        GTK_WIDGET (f->window), FU_TYPE_WINDOW, "view_stack")));
    }

  /* Ctrl+F: the search of the page shown, from nowhere and from the main menu's button. */
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      GObject *entry = page_child (f->window, searches[i].page_child, searches[i].get_type (),
                                   "search_entry");

      fu_window_show_page (f->window, searches[i].page);
      gtk_window_set_focus (window, NULL);
      g_assert_true (fu_display_press (window, "<Control>f"));
      g_assert_true (focus_is_in (window, entry));

      gtk_widget_grab_focus (GTK_WIDGET (f->window));
      gtk_window_set_focus (window, NULL);
      g_assert_true (fu_display_press (window, "<Control>f"));
      g_assert_true (focus_is_in (window, entry));
    }
  /* The reports page has no search: the key does nothing there. */
  fu_window_show_page (f->window, "reports");
  gtk_window_set_focus (window, NULL);
  g_assert_false (fu_display_press (window, "<Control>f"));

  /* Ctrl+Delete on the workshops page asks before deleting the workshop shown. */
  fu_window_show_page (f->window, "workshops");
  gtk_window_set_focus (window, NULL);
  g_assert_true (fu_display_press (window, "<Control>Delete"));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Delete "));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  fu_display_iterate ();
  workshops = G_OBJECT (fu_display_page (f->window, "workshops"));
  g_assert_cmpint (fu_workshops_page_get_selected (FU_WORKSHOPS_PAGE (workshops)), !=, 0);
  /* Not on another page. */
  fu_window_show_page (f->window, "participants");
  gtk_window_set_focus (window, NULL);
  g_assert_false (fu_display_press (window, "<Control>Delete"));
  g_assert_cmpuint (count_message_dialogs (), ==, 0);

  /* Enter on a row of the board: GTK's list rows make it the column view's "activate",
   * which opens the reply editor for that row. */
  fu_window_show_page (f->window, "followups");
  gtk_widget_grab_focus (GTK_WIDGET (page_child (f->window, "followups", FU_TYPE_BOARD_PAGE,
                                                 "column_view")));
  editor = activate_board_row (f);
  followup_id = fu_reply_editor_get_followup_id (editor);

  /* In the editor, Ctrl+Enter saves and closes, even from a text view. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (fu_reply_editor_get_widget (
    editor, "submitted_report_check")), TRUE);
  gtk_widget_grab_focus (fu_reply_editor_get_widget (editor, "lessons_use_view"));
  g_assert_true (fu_display_press (GTK_WINDOW (editor), "<Control>Return"));
  g_assert_null (editor);
  {
    g_autoptr(FuReply) reply = fu_store_get_reply (f->store, followup_id, &error);

    g_assert_no_error (error);
    g_assert_nonnull (reply);
    g_assert_true (reply->actions[FU_ACTION_SUBMITTED_REPORT]);
  }

  /* Back on the board, the keyboard goes on in the table: Enter opens the next reply. */
  g_assert_true (focus_is_in (window, page_child (f->window, "followups", FU_TYPE_BOARD_PAGE,
                                                  "column_view")));
  g_assert_true (fu_display_press (window, "Return"));
  editor = find_reply_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpint (fu_reply_editor_get_followup_id (editor), !=, followup_id);
  gtk_window_destroy (GTK_WINDOW (editor));
  fu_display_iterate ();

  /* Escape closes an editor without changes. */
  editor = activate_board_row (f);
  g_assert_cmpint (fu_reply_editor_get_followup_id (editor), !=, followup_id);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (fu_display_press (GTK_WINDOW (editor), "Escape"));
  g_assert_null (editor);
}

/* Every key the shortcuts window lists is bound: by the application (by action name), by one
 * of the app's widgets, or by GTK's own (Escape in a search entry, Ctrl+A in a list). */
static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(FuApplication) application = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) widgets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GFile) list = NULL;
  FuFollowupQuery query = { 0 };
  GSList *objects;
  guint n_listed = 0;

  application = g_object_new (FU_TYPE_APPLICATION,
                              "application-id", "org.rocbap.FollowUp.Test",
                              "flags", G_APPLICATION_NON_UNIQUE,
                              NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  /* The widgets whose bindings the window lists. */
  g_ptr_array_add (widgets, g_object_ref_sink (fu_window_new (NULL, f->context)));
  g_ptr_array_add (widgets, g_object_ref_sink (g_object_new (FU_TYPE_BOARD_PAGE,
                                                             "context", f->context, NULL)));
  g_ptr_array_add (widgets, g_object_ref_sink (g_object_new (FU_TYPE_WORKSHOPS_PAGE,
                                                             "context", f->context, NULL)));
  g_ptr_array_add (widgets, g_object_ref_sink (g_object_new (FU_TYPE_PARTICIPANTS_PAGE,
                                                             "context", f->context, NULL)));
  g_ptr_array_add (widgets, g_object_ref_sink (g_object_new (FU_TYPE_REPORTS_PAGE,
                                                             "context", f->context, NULL)));
  query.as_of = fu_day_new (2018, 1, 15);
  rows = fu_store_list_followups (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  g_ptr_array_add (widgets, g_object_ref_sink (fu_reply_editor_new (
    NULL, f->context, ((FuFollowupRow *) g_ptr_array_index (rows, 0))->followup_id)));
  list = write_file (f, "list.csv", "workshop_code,name,administration,email\n");
  g_ptr_array_add (widgets, g_object_ref_sink (fu_import_dialog_new (NULL, f->context, list)));
  g_ptr_array_add (widgets, g_object_ref_sink (gtk_search_entry_new ()));
  g_ptr_array_add (widgets, g_object_ref_sink (gtk_list_view_new (NULL, NULL)));
  for (guint i = 0; i < widgets->len; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (
        g_ptr_array_index (widgets, i));

      for (guint j = 0; j < g_list_model_get_n_items (controllers); j++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, j);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller),
                                                                       k);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              /* Ctrl+Enter in the reply editor: Return or the keypad's Enter. */
              while (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
                {
                  g_hash_table_add (bound, gtk_shortcut_trigger_to_string (
                    gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger))));
                  trigger = gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger));
                }
              g_hash_table_add (bound, gtk_shortcut_trigger_to_string (trigger));
            }
        }
    }
  /* The board's rows open the reply editor on Enter: GTK's list rows turn it into the column
   * view's "activate" (test_shortcuts emits that signal). */
  g_hash_table_add (bound, g_strdup ("Return"));

  builder = gtk_builder_new_from_resource ("/org/rocbap/FollowUp/gtk/help-overlay.ui");
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accel = NULL;
      g_autofree char *action = NULL;
      g_autofree char *title = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accel, "action-name", &action, "title", &title,
                    NULL);
      n_listed++;
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (
            GTK_APPLICATION (application), action);

          /* GtkApplication binds Ctrl+? itself once a help overlay exists. */
          if (g_strcmp0 (action, "win.show-help-overlay") != 0 && accels[0] == NULL)
            g_error ("'%s' names %s, which has no key", title, action);
        }
      else
        {
          guint keyval;
          GdkModifierType modifiers;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (accel, &keyval, &modifiers));
          name = gtk_accelerator_name (keyval, modifiers);
          if (!g_hash_table_contains (bound, name))
            g_error ("'%s' lists %s, which nothing binds", title, accel);
        }
    }
  g_slist_free (objects);
  g_assert_cmpuint (n_listed, >=, 20);

  for (guint i = 0; i < widgets->len; i++)
    if (GTK_IS_WINDOW (g_ptr_array_index (widgets, i)))
      gtk_window_destroy (g_ptr_array_index (widgets, i));
  fu_display_iterate ();
}

static void
count_cb (guint *n)
{
  (*n)++;
}

/* A second and a bit: what the window waits for before it retires older toasts. */
static void
wait_for_toasts (void)
{
  gint64 end = g_get_monotonic_time () + 1100 * 1000;

  while (g_get_monotonic_time () < end)
    {
      fu_display_iterate ();
      g_usleep (20 * 1000);
    }
}

/* A toast that only informs is retired by the next one, so that it cannot come back once the
 * toasts that pushed it aside are gone; a toast with Undo stays. */
static void
test_toasts (Fixture       *f,
             gconstpointer  data)
{
  AdwToast *loaded = adw_toast_new ("Loaded the sample workshops");
  AdwToast *recorded = adw_toast_new ("Reply from Ana Lopez recorded");
  guint loaded_dismissed = 0;
  guint recorded_dismissed = 0;

  fixture_open_window (f);
  g_signal_connect_swapped (loaded, "dismissed", G_CALLBACK (count_cb), &loaded_dismissed);
  g_signal_connect_swapped (recorded, "dismissed", G_CALLBACK (count_cb), &recorded_dismissed);
  adw_toast_set_button_label (recorded, "_Undo");
  adw_toast_set_priority (recorded, ADW_TOAST_PRIORITY_HIGH);

  fu_window_add_toast (f->window, loaded);
  wait_for_toasts ();
  fu_window_add_toast (f->window, recorded);
  fu_display_iterate ();
  g_assert_cmpuint (loaded_dismissed, ==, 1);
  g_assert_cmpuint (recorded_dismissed, ==, 0);

  /* Toasts in quick succession wait (libadwaita 1.2 would abort on one still animating);
   * the next toast after a pause retires them. */
  fu_window_add_toast (f->window, adw_toast_new ("Removed the reply from Ana Lopez"));
  fu_window_add_toast (f->window, adw_toast_new ("Could not undo: the database is locked"));
  fu_display_iterate ();
  wait_for_toasts ();
  fu_window_add_toast (f->window, adw_toast_new ("Saved summary-FY2016-17.csv"));
  fu_display_iterate ();
  g_assert_cmpuint (loaded_dismissed, ==, 1);
  g_assert_cmpuint (recorded_dismissed, ==, 0);

  /* While the counters live: the window dismisses what is left as it goes. */
  fu_display_destroy_windows ();
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
  fu_display_iterate ();

  /* It shows what the database holds. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (
      gtk_widget_get_template_child (widget, FU_TYPE_PREFERENCES_WINDOW, "start_month_row"))),
      ==, FU_RULES_DEFAULT_START_MONTH - 1);

  /* Edits go to the database at once and every view hears of them. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (
      widget, FU_TYPE_PREFERENCES_WINDOW, "reply_days_spin")), 45);
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_template_child (
      widget, FU_TYPE_PREFERENCES_WINDOW, "start_month_row")), 0);
  fu_display_iterate ();

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

static GtkWidget *
row_widget (GtkWidget  *root,
            const char *title)
{
  GtkWidget *row = fu_display_find_row (root, title);

  g_assert_nonnull (row);
  return adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
}

/* Years before the database, entered in Preferences as the report gives them, feed the
 * trend; a row per year, which can be taken out again. */
/* Preferences › Connect to a Team Database…: a form for the server, port, database, user and
 * password, and encryption; cancelled, the window keeps its database. */
static void
test_team_form (Fixture       *f,
                gconstpointer  data)
{
  FuPreferencesWindow *prefs = fu_preferences_window_new (f->context);
  GtkWidget *row = GTK_WIDGET (fu_display_child (prefs, FU_TYPE_PREFERENCES_WINDOW, "team_row"));
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  const char *titles[] = { "_Server", "_Port", "_Database", "_User", "Pass_word",
                           "_Require Encryption" };
  GtkWidget *child;
  guint n = 0;

  gtk_window_present (GTK_WINDOW (prefs));
  fu_display_iterate ();
  /* No application to switch databases with here: the row is there, greyed out. */
  g_assert_false (gtk_widget_get_sensitive (row));
  gtk_widget_set_sensitive (row, TRUE);
  g_signal_emit_by_name (row, "activated");
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Connect to a Team Database");
  g_assert_true (adw_message_dialog_has_response (dialog, "connect"));
  extra = adw_message_dialog_get_extra_child (dialog);
  for (child = gtk_widget_get_first_child (extra); child != NULL;
       child = gtk_widget_get_next_sibling (child), n++)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (titles));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), ==, titles[n]);
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (titles));
  adw_message_dialog_response (dialog, "cancel");
  fu_display_iterate ();
  g_assert_cmpstr (fu_store_get_path (f->store), !=, NULL);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_earlier_years (Fixture       *f,
                    gconstpointer  data)
{
  FuPreferencesWindow *prefs = fu_preferences_window_new (f->context);
  GtkWidget *widget = GTK_WIDGET (prefs);
  GObject *group = fu_display_child (prefs, FU_TYPE_PREFERENCES_WINDOW, "earlier_group");
  g_autoptr(GArray) years = NULL;
  g_autoptr(GArray) trend = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (prefs));
  fu_display_iterate ();
  g_assert_null (fu_display_find_row (GTK_WIDGET (group), "FY2014/15"));

  /* FY2014/15, known by its rate only, with its in-house count. */
  g_signal_emit_by_name (fu_display_child (prefs, FU_TYPE_PREFERENCES_WINDOW, "add_earlier_row"),
                         "activated");
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  extra = adw_message_dialog_get_extra_child (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (extra, "_Fiscal Year Starting In")),
                             2014);
  gtk_switch_set_active (GTK_SWITCH (row_widget (extra, "_Only the Reply Rate Is Known")), TRUE);
  g_assert_false (gtk_widget_get_visible (fu_display_find_row (extra, "_Participants Surveyed")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (extra, "Reply _Rate (%)")), 28);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (fu_display_find_row (extra,
                                                                     "_In-House Workshops Known")),
                                         TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (extra,
                                                          "Administrations That _Organized Them")),
                             6);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save");
  adw_message_dialog_response (dialog, "save");
  fu_display_iterate ();

  /* FY2015/16 by its totals: no more replies than participants can be typed. */
  g_signal_emit_by_name (fu_display_child (prefs, FU_TYPE_PREFERENCES_WINDOW, "add_earlier_row"),
                         "activated");
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (
      row_widget (extra, "_Fiscal Year Starting In"))), ==, 2013);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (extra, "_Fiscal Year Starting In")),
                             2015);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (extra, "_Participants Surveyed")), 200);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (extra, "_Replies")), 500);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (
      row_widget (extra, "_Replies"))), ==, 200);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (extra, "_Replies")), 94);
  adw_message_dialog_response (dialog, "save");
  fu_display_iterate ();

  years = fu_store_list_earlier_years (f->store, NULL);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpuint (g_array_index (years, FuEarlierYear, 0).fiscal_year, ==, 2014);
  g_assert_cmpuint (g_array_index (years, FuEarlierYear, 0).rate_tenths, ==, 280);
  g_assert_cmpint (g_array_index (years, FuEarlierYear, 0).inhouse, ==, 6);
  g_assert_cmpuint (g_array_index (years, FuEarlierYear, 1).participants, ==, 200);
  g_assert_cmpuint (g_array_index (years, FuEarlierYear, 1).replies, ==, 94);
  g_assert_cmpint (g_array_index (years, FuEarlierYear, 1).inhouse, ==, -1);
  trend = fu_store_reply_rate_trend (f->store, NULL);
  g_assert_cmpuint (fu_trend_point_rate_tenths (&g_array_index (trend, FuTrendPoint, 0)), ==, 280);
  g_assert_cmpuint (fu_trend_point_rate_tenths (&g_array_index (trend, FuTrendPoint, 1)), ==, 470);

  /* Each year has its row, which says what was entered. */
  row = fu_display_find_row (GTK_WIDGET (group), "FY2014/15");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "28"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "6 administrations"));
  g_assert_nonnull (fu_display_find_row (GTK_WIDGET (group), "FY2015/16"));

  /* Removing one takes it out of the database and the list. */
  g_signal_emit_by_name (fu_display_find (row, fu_display_is_button_tipped, "Remove FY2014/15"),
                         "clicked");
  fu_display_iterate ();
  g_clear_pointer (&years, g_array_unref);
  years = fu_store_list_earlier_years (f->store, NULL);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_null (fu_display_find_row (GTK_WIDGET (group), "FY2014/15"));
  g_assert_true (gtk_widget_get_visible (widget));
}

static const FuAdministration *
find_administration (GPtrArray  *admins,
                     const char *name)
{
  for (guint i = 0; i < admins->len; i++)
    if (g_str_equal (((FuAdministration *) g_ptr_array_index (admins, i))->name, name))
      return g_ptr_array_index (admins, i);
  return NULL;
}

static const FuAdministration *
get_administration (GPtrArray  *admins,
                    const char *name)
{
  const FuAdministration *admin = find_administration (admins, name);

  if (admin == NULL)
    g_error ("No administration %s", name);
  return admin;
}

/* Preferences › Administrations: add an observer with its other names, which lookups (and
 * so imports) take; then merge it into a member, whose names it becomes. */
static void
test_administrations (Fixture       *f,
                      gconstpointer  data)
{
  FuPreferencesWindow *prefs = fu_preferences_window_new (f->context);
  GObject *group = fu_display_child (prefs, FU_TYPE_PREFERENCES_WINDOW, "admin_group");
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  const FuAdministration *added;
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkWidget *row;
  gint64 id = 0;
  gint64 fiji = 0;

  gtk_window_present (GTK_WINDOW (prefs));
  fu_display_iterate ();
  /* The 33 members are listed, with their status. */
  row = fu_display_find_row (GTK_WIDGET (group), "Viet Nam (VNM)");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Member");

  g_signal_emit_by_name (fu_display_child (prefs, FU_TYPE_PREFERENCES_WINDOW, "add_admin_row"),
                         "activated");
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  extra = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (fu_display_find_row (extra, "_Name")),
                         "Pacific Islands Forum Secretariat");
  gtk_editable_set_text (GTK_EDITABLE (fu_display_find_row (extra, "_Short Name, e.g. VNM")),
                         "PIFS");
  adw_combo_row_set_selected (ADW_COMBO_ROW (fu_display_find_row (extra, "S_tatus")), 1);
  gtk_editable_set_text (GTK_EDITABLE (fu_display_find_row (extra,
                                       "Other Names, Separated by _Semicolons")),
                         "Forum Secretariat; PIF Secretariat");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  fu_display_iterate ();

  admins = fu_store_list_administrations (f->store, NULL);
  added = get_administration (admins, "Pacific Islands Forum Secretariat");
  g_assert_true (added->observer);
  g_assert_false (added->member);
  g_assert_true (fu_store_lookup_administration (f->store, "forum secretariat", &id, NULL));
  g_assert_cmpint (id, ==, added->id);
  row = fu_display_find_row (GTK_WIDGET (group), "Pacific Islands Forum Secretariat (PIFS)");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Observer · also Forum Secretariat; PIF Secretariat");

  /* Merged into Fiji: gone, and its names are Fiji's. */
  g_signal_emit_by_name (row, "activated");
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  extra = adw_message_dialog_get_extra_child (dialog);
  {
    AdwComboRow *merge = ADW_COMBO_ROW (fu_display_find_row (extra, "_Merge Into"));
    GListModel *model = adw_combo_row_get_model (merge);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "Fiji"))
        adw_combo_row_set_selected (merge, i);
  }
  adw_message_dialog_response (dialog, "save");
  fu_display_iterate ();

  g_clear_pointer (&admins, g_ptr_array_unref);
  admins = fu_store_list_administrations (f->store, NULL);
  g_assert_null (find_administration (admins, "Pacific Islands Forum Secretariat"));
  g_assert_true (fu_store_lookup_administration (f->store, "Fiji", &fiji, NULL));
  g_assert_true (fu_store_lookup_administration (f->store, "PIF Secretariat", &id, NULL));
  g_assert_cmpint (id, ==, fiji);
  g_assert_true (fu_store_lookup_administration (f->store, "Pacific Islands Forum Secretariat",
                                                 &id, NULL));
  g_assert_cmpint (id, ==, fiji);
  aliases = fu_store_list_aliases (f->store, NULL);
  g_assert_cmpuint (aliases->len, ==, 4);
  g_assert_null (fu_display_find_row (GTK_WIDGET (group),
                                      "Pacific Islands Forum Secretariat (PIFS)"));
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
  fu_display_iterate ();

  /* Another one replaces the window. */
  g_assert_true (fu_application_open_database (application, second, &error));
  g_assert_no_error (error);
  fu_display_iterate ();
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

  fu_display_destroy_windows ();
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* A damaged copy opens with the banner, takes no change, and is restored from a backup in
 * its place. */
static void
test_damaged_banner (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuContext) context = NULL;
  FuStore *store = fu_display_open_store ("damaged-XXXXXX", TRUE, &dir, &path);
  GtkInfoBar *bar;
  FuWindow *window;

  backup = g_build_filename (dir, "kept.db", NULL);
  g_assert_true (fu_store_backup_to (store, backup, &error));
  g_assert_no_error (error);
  g_object_unref (store);

  fu_test_damage_file (path);
  before = read_bytes (path);

  store = fu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fu_store_get_access (store), ==, FU_STORE_ACCESS_DAMAGED);
  context = fu_display_context_new (store, fu_day_new (2018, 1, 15));
  g_object_unref (store);
  window = fu_display_open_window (context, "followups");
  bar = GTK_INFO_BAR (fu_display_child (window, FU_TYPE_WINDOW, "access_bar"));
  g_assert_true (gtk_info_bar_get_revealed (bar));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (fu_display_child (window, FU_TYPE_WINDOW,
                                                                    "access_label"))),
                   ==, "This database is damaged: it can be read but not changed.");
  /* Back Up Now is off: nothing is made. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back-up", NULL);
  fu_display_iterate ();
  {
    g_autofree char *folder = g_strconcat (path, ".backups", NULL);
    g_autoptr(GDir) backups = g_dir_open (folder, 0, NULL);
    guint n = 0;

    while (backups != NULL && g_dir_read_name (backups) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 0);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL);
  fu_display_iterate ();
  {
    g_autoptr(GBytes) after = read_bytes (path);

    g_assert_true (g_bytes_equal (before, after));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  fu_display_iterate ();
}

static gboolean
give_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The backups in @path's folder of backups. */
static guint
count_backups (const char *path)
{
  g_autofree char *folder = g_strconcat (path, ".backups", NULL);
  g_autoptr(GDir) backups = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (backups != NULL && g_dir_read_name (backups) != NULL)
    n++;
  return n;
}

/* Back Up Now works in a thread: the window says so and answers meanwhile, takes no second
 * request, and says where the backup went. */
static void
test_back_up_now (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FuContext) context = NULL;
  FuStore *store = fu_display_open_store ("back-up-XXXXXX", TRUE, &dir, &path);
  gboolean gave_up = FALSE;
  FuWindow *window;
  guint timeout;

  context = fu_display_context_new (store, fu_day_new (2018, 1, 15));
  g_object_unref (store);
  window = fu_display_open_window (context, "followups");
  g_assert_cmpuint (count_backups (path), ==, 0);

  /* Asked twice at once: one backup, made while the window goes on. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back-up", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back-up", NULL);
  timeout = g_timeout_add_seconds (20, give_up_cb, &gave_up);
  while (count_backups (path) == 0)
    {
      g_assert_false (gave_up);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
  for (guint i = 0; i < 10; i++)
    {
      fu_display_iterate ();
      g_usleep (20 * 1000);
    }
  g_assert_cmpuint (count_backups (path), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  fu_display_iterate ();
}

/* The workshops the database has now. */
static guint
count_workshops (FuStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) workshops = fu_store_list_workshops (store, FU_DAY_NONE, FU_DAY_NONE,
                                                            &error);

  g_assert_no_error (error);
  return workshops->len;
}

static void
add_a_workshop (FuContext *context)
{
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;

  workshop->code = g_strdup ("TEST-AFTER-BACKUP");
  workshop->title = g_strdup ("Added after the backup");
  workshop->start_date = workshop->end_date = fu_day_new (2018, 1, 10);
  command = fu_command_new_add_workshop (workshop);
  g_assert_true (fu_context_run (context, command, &error));
  g_assert_no_error (error);
}

/* The Restore from Backup dialog, if one is open. */
static GtkWidget *
restore_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), "Restore from Backup") == 0
        && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
restore_dialog_shown (void)
{
  return restore_dialog () != NULL;
}

/* Opens Restore from Backup and confirms the restore of the only backup: the restore then
 * runs in a thread, the dialog saying so with a Cancel button. Returns the dialog. */
static GtkWidget *
start_restore (FuWindow *window)
{
  GtkWidget *dialog;
  GtkWidget *button;
  AdwMessageDialog *confirm;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL);
  fu_display_iterate ();
  dialog = restore_dialog ();
  g_assert_nonnull (dialog);
  button = fu_display_find_button (dialog, "Restore…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  confirm = fu_display_find_message_dialog ();
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "restore");
  /* As its button would, the question goes once answered. */
  gtk_window_destroy (GTK_WINDOW (confirm));
  g_assert_cmpuint (fu_backups_dialog_count_restoring (), ==, 1);
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (dialog)));
  g_assert_nonnull (fu_display_find_button (dialog, "_Cancel"));
  return dialog;
}

/* A restore runs in a thread while the window answers; Cancel leaves the database as it
 * was, and a restore let run makes it the backup, as one change that Undo takes back. */
static void
test_restore_in_thread (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FuContext) context = NULL;
  g_autoptr(GError) error = NULL;
  FuStore *store = fu_display_open_store ("restore-XXXXXX", TRUE, &dir, &path);
  g_autofree char *added = NULL;
  FuWindow *window;
  GtkWidget *dialog;
  guint n_before;

  n_before = count_workshops (store);
  g_assert_true (fu_backups_make (store, NULL, &error));
  g_assert_no_error (error);
  context = fu_display_context_new (store, fu_day_new (2018, 1, 15));
  g_object_unref (store);
  store = fu_context_get_store (context);
  add_a_workshop (context);
  g_assert_cmpuint (count_workshops (store), ==, n_before + 1);
  window = fu_display_open_window (context, "followups");

  /* Cancelled at once: nothing changes, and nothing new is to undo. */
  added = g_strdup (fu_history_get_undo_sentence (fu_context_get_history (context)));
  dialog = start_restore (window);
  g_signal_emit_by_name (fu_display_find_button (dialog, "_Cancel"), "clicked");
  fu_display_iterate ();
  g_assert_cmpuint (count_workshops (store), ==, n_before + 1);
  g_assert_cmpstr (fu_history_get_undo_sentence (fu_context_get_history (context)), ==, added);
  g_assert_false (restore_dialog_shown ());

  /* Let run: the database is the backup, and Undo brings the workshop back. */
  start_restore (window);
  fu_display_iterate ();
  g_assert_cmpuint (count_workshops (store), ==, n_before);
  g_assert_false (restore_dialog_shown ());
  g_assert_cmpstr (fu_history_get_undo_sentence (fu_context_get_history (context)), !=, added);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  fu_display_iterate ();
  g_assert_cmpuint (count_workshops (store), ==, n_before + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  fu_display_iterate ();
}

/* The window opens a file at once and checks it for damage in a thread: a damaged one is
 * then shown again, read-only, with the damaged file's bar, and stays as it was. */
static void
test_damage_found_later (void)
{
  g_autoptr(FuApplication) application = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  FuStore *store = fu_display_open_store ("damaged-later-XXXXXX", TRUE, &dir, &path);
  gboolean gave_up = FALSE;
  guint timeout;
  FuWindow *window;

  g_object_unref (store);
  fu_test_damage_file (path);
  before = read_bytes (path);

  application = g_object_new (FU_TYPE_APPLICATION,
                              "application-id", "org.rocbap.FollowUp.Test",
                              "flags", G_APPLICATION_NON_UNIQUE,
                              NULL);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (fu_application_open_database (application, path, &error));
  g_assert_no_error (error);

  timeout = g_timeout_add_seconds (20, give_up_cb, &gave_up);
  for (;;)
    {
      window = only_window (GTK_APPLICATION (application));
      if (fu_store_get_access (fu_context_get_store (fu_window_get_context (window)))
          == FU_STORE_ACCESS_DAMAGED
          && gtk_info_bar_get_revealed (GTK_INFO_BAR (fu_display_child (window, FU_TYPE_WINDOW,
                                                                         "access_bar"))))
        break;
      g_assert_false (gave_up);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
  fu_display_iterate ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (fu_display_child (window, FU_TYPE_WINDOW,
                                                                    "access_label"))),
                   ==, "This database is damaged: it can be read but not changed.");
  fu_display_destroy_windows ();
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  fu_test_remove_tree (dir);
}

/* The team's retention rule anonymizes, on opening, those whose last workshop is older. */
static void
test_retention_on_open (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuContext) context = NULL;
  FuStore *store = fu_display_open_store ("retention-XXXXXX", TRUE, &dir, NULL);
  g_autoptr(GArray) before = NULL;
  FuWindow *window;
  FuRules rules;

  fu_store_get_rules (store, &rules);
  rules.anonymize_after_years = 5;
  g_assert_true (fu_store_set_rules (store, &rules, &error));
  g_assert_no_error (error);
  /* The sample's workshops ended in 2016 and 2017: five years on from 2023, all of them. */
  before = fu_store_list_participants_before (store, fu_day_new (2018, 12, 31), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, >, 100);

  context = fu_display_context_new (store, fu_day_new (2023, 1, 15));
  window = fu_display_open_window (context, "participants");
  g_clear_pointer (&before, g_array_unref);
  before = fu_store_list_participants_before (store, fu_day_new (2018, 12, 31), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 0);
  g_assert_true (fu_history_get_can_undo (fu_context_get_history (context)));
  gtk_window_destroy (GTK_WINDOW (window));
  fu_display_iterate ();
  g_object_unref (store);
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
  g_test_add_func ("/window/damaged", test_damaged_banner);
  g_test_add_func ("/window/back-up-now", test_back_up_now);
  g_test_add_func ("/window/restore-in-thread", test_restore_in_thread);
  g_test_add_func ("/window/damage-found-later", test_damage_found_later);
  g_test_add_func ("/window/retention", test_retention_on_open);
  g_test_add_func ("/window/import-detect/workshop", test_import_detect_workshop);
  g_test_add ("/window/export-summary", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_export_summary, fixture_teardown);
  g_test_add ("/window/preferences", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_preferences, fixture_teardown);
  g_test_add ("/window/team-form", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_team_form, fixture_teardown);
  g_test_add ("/window/administrations", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_administrations, fixture_teardown);
  g_test_add ("/window/earlier-years", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_earlier_years, fixture_teardown);
  g_test_add ("/window/toasts", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_toasts, fixture_teardown);
  g_test_add ("/window/shortcuts", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_shortcuts, fixture_teardown);
  g_test_add ("/window/shortcuts-window", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_shortcuts_window, fixture_teardown);

  g_test_add ("/window/application/open-database", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_application_open_database, fixture_teardown);

  return g_test_run ();
}
