/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Reports page on the FY2016/17 sample: the figures of the year are the seed report's,
 * the chart follows the chart chosen, a chart view grows with its workshops instead of
 * squeezing them, Export Chart writes the chart asked for, a year without replies says so,
 * and Print Report's PDF holds the tables' totals. */
#define G_LOG_DOMAIN "test-display-reports"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fu-chart-layers.h"
#include "fu-chart-view.h"
#include "fu-charts.h"
#include "fu-context.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-gui-util.h"
#include "fu-print-report.h"
#include "fu-reports-page.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-test-util.h"

typedef struct {
  char          *dir;
  FuStore       *store;
  FuContext     *context;
  FuReportsPage *page;
  GtkWindow     *window;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The page on the sample in @location (NULL: a file in a temporary folder). */
static void
set_up_on (Fixture    *f,
           const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("test-display-reports-XXXXXX", &error);
  g_assert_no_error (error);
  path = location != NULL ? g_strdup (location) : g_build_filename (f->dir, "office.db", NULL);
  f->store = fu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (fu_sample_load (f->store, &error));
  g_assert_no_error (error);

  f->context = fu_context_new (f->store);
  fu_context_set_today (f->context, fu_day_new (2018, 1, 15));
  f->page = g_object_ref_sink (g_object_new (FU_TYPE_REPORTS_PAGE,
                                             "context", f->context,
                                             NULL));
  /* On screen, as in the window: a hidden page makes its tables when it shows. */
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  iterate ();
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  set_up_on (f, NULL);
}

/* On a team database, when the tests have a server (FOLLOWUP_TEST_PG); else no store. */
static void
fixture_set_up_team (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *location = NULL;

  if (g_getenv ("FOLLOWUP_TEST_PG") == NULL || *g_getenv ("FOLLOWUP_TEST_PG") == '\0')
    return;
  location = fu_test_new_team_database ();
  set_up_on (f, location);
}

/* Until the reads in threads (a team database's) have come back. */
static void
wait_for_reads (void)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (fu_gui_count_reads () > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = f->dir != NULL ? g_dir_open (f->dir, 0, NULL) : NULL;
  const char *name;

  g_clear_pointer (&f->window, gtk_window_destroy);
  g_clear_object (&f->page);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  if (f->dir == NULL)
    return;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->page), FU_TYPE_REPORTS_PAGE,
                                                   name);

  if (object == NULL)
    g_error ("The reports page has no template child %s", name);
  return object;
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (child (f, name)));
}

static FuChart *
shown_chart (Fixture *f)
{
  return fu_chart_view_get_chart (FU_CHART_VIEW (child (f, "chart_view")));
}

/* The chart of @kind as followup-cli chart draws it, described in words. */
static char *
describe_built (Fixture     *f,
                FuChartKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuChart) chart = fu_charts_build (f->store, kind, 2016, &error);

  g_assert_no_error (error);
  return fu_chart_describe (chart);
}

static FuSummaryRow *
sample_total (Fixture *f)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  FuSummaryRow *total = NULL;
  FuDay first, last;

  fu_fiscal_year_range (fu_context_get_rules (f->context), 2016, &first, &last);
  rows = fu_store_summary (f->store, first, last, &total, &error);
  g_assert_no_error (error);
  g_assert_nonnull (total);
  return total;
}

/* ---- Tests ------------------------------------------------------------------------------- */

/* The four cards give the total row of core's summary: the seed's 148 replies of 261
 * participants, and its 96 replies with direct effects and 96 with projects. */
static void
test_cards (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(FuSummaryRow) total = sample_total (f);
  g_autofree char *replies = g_strdup_printf ("%u", total->replies);
  g_autofree char *effects = g_strdup_printf ("%u", total->direct_effects_yes);
  g_autofree char *projects = g_strdup_printf ("%u", total->project_yes);
  g_autofree char *colleagues = g_strdup_printf ("%u", total->colleagues_learned);

  g_assert_cmpuint (fu_reports_page_get_fiscal_year (f->page), ==, 2016);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "table_stack")), ==, "table");

  g_assert_cmpstr (label_text (f, "replies_value"), ==, "148");
  g_assert_cmpstr (label_text (f, "replies_value"), ==, replies);
  g_assert_cmpstr (label_text (f, "replies_caption"), ==, "Replies");
  g_assert_cmpstr (label_text (f, "replies_detail"), ==, "57% of 261 participants");

  g_assert_cmpstr (label_text (f, "effects_value"), ==, "96");
  g_assert_cmpstr (label_text (f, "effects_value"), ==, effects);
  g_assert_cmpstr (label_text (f, "effects_detail"), ==, "65% of the replies");

  g_assert_cmpstr (label_text (f, "projects_value"), ==, "96");
  g_assert_cmpstr (label_text (f, "projects_value"), ==, projects);
  g_assert_cmpstr (label_text (f, "projects_detail"), ==, "65% of the replies");

  g_assert_cmpstr (label_text (f, "colleagues_value"), ==, colleagues);
  g_assert_cmpuint (total->colleagues_learned, >, 1);
  g_assert_cmpstr (label_text (f, "colleagues_caption"), ==, "Colleagues Reached");
  g_assert_cmpstr (label_text (f, "colleagues_detail"), ==,
                   "through materials shared in 109 replies");
}

static void test_cards (Fixture *f, gconstpointer data);

/* On a team database the year's figures and chart are read in a thread: the page shows them
 * once they come, the same as from a file, and so does a chart chosen afterwards. */
static void
test_team (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *projects = NULL;
  g_autofree char *shown = NULL;

  if (f->store == NULL)
    {
      g_test_skip ("no PostgreSQL server: build-aux/dev test starts one (FOLLOWUP_TEST_PG)");
      return;
    }
  wait_for_reads ();
  test_cards (f, data);
  g_assert_nonnull (shown_chart (f));

  projects = describe_built (f, FU_CHART_KIND_PROJECTS);
  gtk_toggle_button_set_active (child (f, "projects_button"), TRUE);
  wait_for_reads ();
  shown = fu_chart_describe (shown_chart (f));
  g_assert_cmpstr (shown, ==, projects);
}

/* The chart buttons and the narrow window's drop-down choose the chart the view shows,
 * and each is the chart followup-cli draws for that kind. */
static void
test_chart_kind (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *effects = describe_built (f, FU_CHART_KIND_DIRECT_EFFECTS);
  g_autofree char *projects = describe_built (f, FU_CHART_KIND_PROJECTS);
  g_autofree char *actions_year = describe_built (f, FU_CHART_KIND_ACTIONS_YEAR);
  g_autofree char *rate_admins = describe_built (f, FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS);
  g_autofree char *shown = NULL;

  /* Direct effects first: the figure the seed report leads with. */
  g_assert_cmpint (fu_reports_page_get_chart_kind (f->page), ==, FU_CHART_KIND_DIRECT_EFFECTS);
  shown = fu_chart_describe (shown_chart (f));
  g_assert_cmpstr (shown, ==, effects);
  g_assert_nonnull (strstr (shown, "96 of 148 replies (65%)"));
  g_clear_pointer (&shown, g_free);

  /* A click on Projects. */
  gtk_toggle_button_set_active (child (f, "projects_button"), TRUE);
  iterate ();
  g_assert_cmpint (fu_reports_page_get_chart_kind (f->page), ==, FU_CHART_KIND_PROJECTS);
  g_assert_false (gtk_toggle_button_get_active (child (f, "effects_button")));
  shown = fu_chart_describe (shown_chart (f));
  g_assert_cmpstr (shown, ==, projects);
  g_assert_cmpstr (shown, !=, effects);
  g_clear_pointer (&shown, g_free);

  /* Actions, then "For the Year": a second switch appears for the breakdown. */
  g_assert_false (gtk_widget_get_visible (child (f, "actions_detail_box")));
  gtk_toggle_button_set_active (child (f, "actions_button"), TRUE);
  iterate ();
  g_assert_cmpint (fu_reports_page_get_chart_kind (f->page), ==, FU_CHART_KIND_ACTIONS);
  g_assert_true (gtk_widget_get_visible (child (f, "actions_detail_box")));
  gtk_toggle_button_set_active (child (f, "actions_year_button"), TRUE);
  iterate ();
  g_assert_cmpint (fu_reports_page_get_chart_kind (f->page), ==, FU_CHART_KIND_ACTIONS_YEAR);
  g_assert_cmpint (fu_chart_get_orientation (shown_chart (f)), ==, FU_CHART_VERTICAL);
  shown = fu_chart_describe (shown_chart (f));
  g_assert_cmpstr (shown, ==, actions_year);
  g_clear_pointer (&shown, g_free);

  /* The drop-down of a narrow window does the same, and the buttons follow it. */
  gtk_drop_down_set_selected (child (f, "chart_drop_down"),
                              FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS);
  iterate ();
  g_assert_cmpint (fu_reports_page_get_chart_kind (f->page), ==,
                   FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS);
  g_assert_true (gtk_toggle_button_get_active (child (f, "reply_rate_button")));
  g_assert_true (gtk_toggle_button_get_active (child (f, "rate_administrations_button")));
  g_assert_false (gtk_widget_get_visible (child (f, "actions_detail_box")));
  shown = fu_chart_describe (shown_chart (f));
  g_assert_cmpstr (shown, ==, rate_admins);
  g_clear_pointer (&shown, g_free);

  /* And the API, which the drop-down follows. */
  fu_reports_page_set_chart_kind (f->page, FU_CHART_KIND_DIRECT_EFFECTS);
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "chart_drop_down")), ==,
                    FU_CHART_KIND_DIRECT_EFFECTS);
  g_assert_true (gtk_toggle_button_get_active (child (f, "effects_button")));
  shown = fu_chart_describe (shown_chart (f));
  g_assert_cmpstr (shown, ==, effects);
}

/* A bar chart of @n workshops with long titles. */
static FuChart *
workshops_chart (guint n)
{
  FuChart *chart = fu_chart_new (FU_CHART_HORIZONTAL);
  g_autoptr(FuChartLayer) bars = fu_chart_bars_new (FU_CHART_BARS_STACKED);
  g_autofree double *yes = g_new0 (double, n);
  g_autofree double *no = g_new0 (double, n);

  fu_chart_set_title (chart, "Direct effects");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("Regional Workshop number %u on a subject "
                                                "with a very long title", i + 1);

      fu_chart_add_category (chart, label, "(Sep 2016)");
      yes[i] = 3 + i % 7;
      no[i] = 1 + i % 3;
    }
  fu_chart_layer_add_series (bars, "Realized", 0, yes, n);
  fu_chart_layer_add_series (bars, "Not realized", 1, no, n);
  fu_chart_add_layer (chart, bars);
  return chart;
}

static int
natural_height (FuChartView *view,
                int          width)
{
  int minimum = 0;
  int natural = 0;

  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_VERTICAL, width, &minimum, &natural,
                      NULL, NULL);
  /* Never less than it needs: a scrolled window scrolls rather than squeezing the rows. */
  g_assert_cmpint (minimum, ==, natural);
  return natural;
}

/* The view asks for the chart's natural height at its width, which grows with the number
 * of workshops; in a scrolled window forty workshops scroll, and the tooltip of a bar
 * gives its exact counts. */
static void
test_chart_view_height (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(FuChart) few = workshops_chart (3);
  g_autoptr(FuChart) many = workshops_chart (40);
  FuChartView *view = FU_CHART_VIEW (fu_chart_view_new ());
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkAdjustment *vadjustment;
  const GArray *rects;
  const FuChartRect *rect;
  g_autofree char *tooltip = NULL;
  g_autofree char *expected = NULL;
  int few_height;
  int many_height;

  g_object_ref_sink (view);
  fu_chart_view_set_chart (view, few);
  few_height = natural_height (view, 800);
  fu_chart_view_set_chart (view, many);
  many_height = natural_height (view, 800);
  g_assert_cmpint (few_height, >, 0);
  g_assert_cmpint (many_height, >, few_height);
  /* Every row keeps room for a line of text. */
  g_assert_cmpint (many_height - few_height, >=, 37 * 12);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 400);
  gtk_window_present (GTK_WINDOW (window));

  /* Wait for the first drawing: the tooltips answer from what was drawn. */
  for (guint i = 0; i < 200 && fu_chart_get_drawn_rects (many)->len == 0; i++)
    {
      iterate ();
      g_usleep (10000);
    }
  iterate ();

  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), ==,
                   natural_height (view, gtk_widget_get_width (GTK_WIDGET (view))));
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >,
                     gtk_adjustment_get_page_size (vadjustment));

  rects = fu_chart_get_drawn_rects (many);
  g_assert_cmpuint (rects->len, ==, 80);
  rect = &g_array_index (rects, FuChartRect, 0);
  tooltip = fu_chart_view_dup_tooltip_at (view, rect->x + rect->width / 2,
                                          rect->y + rect->height / 2);
  expected = fu_chart_describe_rect (many, rect);
  g_assert_cmpstr (tooltip, ==, expected);
  g_assert_nonnull (strstr (tooltip, "Regional Workshop number 1 "));
  g_assert_nonnull (strstr (tooltip, "3 of 4"));
  g_assert_null (fu_chart_view_dup_tooltip_at (view, 1, 1));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_object_unref (view);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The PNG's width and height, from its header. */
static void
png_size (GBytes *bytes,
          guint  *width,
          guint  *height)
{
  const guint8 *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  *width = GUINT32_FROM_BE (*(guint32 *) (data + 16));
  *height = GUINT32_FROM_BE (*(guint32 *) (data + 20));
}

/* Export Chart writes the chart shown, of the year shown, as followup-cli chart draws it. */
static void
test_export_chart (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "projects.png", NULL);
  g_autofree char *cli_path = g_build_filename (f->dir, "cli.png", NULL);
  g_autofree char *effects_path = g_build_filename (f->dir, "effects.png", NULL);
  g_autofree char *svg_path = g_build_filename (f->dir, "projects.svg", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "projects.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) effects_file = g_file_new_for_path (effects_path);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(FuChart) cli_chart = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) cli = NULL;
  g_autoptr(GBytes) effects = NULL;
  g_autoptr(GBytes) svg = NULL;
  guint width, height;

  g_assert_true (fu_reports_page_export_chart (f->page, effects_file, &error));
  g_assert_no_error (error);

  fu_reports_page_set_chart_kind (f->page, FU_CHART_KIND_PROJECTS);
  g_assert_true (fu_reports_page_export_chart (f->page, file, &error));
  g_assert_no_error (error);

  exported = read_bytes (path);
  png_size (exported, &width, &height);
  g_assert_cmpuint (width, ==, 1000);
  g_assert_cmpuint (height, >, 13 * 20);

  /* The projects chart, not the one shown before. */
  cli_chart = fu_charts_build (f->store, FU_CHART_KIND_PROJECTS, 2016, &error);
  g_assert_no_error (error);
  g_assert_true (fu_chart_write (cli_chart, cli_path, FU_CHART_FORMAT_PNG, 1000, 0, &error));
  g_assert_no_error (error);
  cli = read_bytes (cli_path);
  g_assert_true (g_bytes_equal (exported, cli));
  effects = read_bytes (effects_path);
  g_assert_false (g_bytes_equal (exported, effects));

  /* The extension chooses the format. */
  g_assert_true (fu_reports_page_export_chart (f->page, svg_file, &error));
  g_assert_no_error (error);
  svg = read_bytes (svg_path);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg),
                                  "<svg"));

  /* One it cannot write: an error, and no file. */
  g_assert_false (fu_reports_page_export_chart (f->page, bad_file, &error));
  g_assert_error (error, FU_CHART_ERROR, FU_CHART_ERROR_FORMAT);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

/* Tables 1 to 5 share the rows; each shows its own columns and the total "96 (65%)". */
static void
test_tables (Fixture       *f,
             gconstpointer  data)
{
  GtkColumnView *view = child (f, "column_view");
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = fu_reports_page_get_n_rows (f->page);
  g_autofree char *effects = NULL;
  g_autofree char *projects = NULL;
  g_autoptr(GtkColumnViewColumn) replies_column = NULL;
  g_autoptr(GtkColumnViewColumn) effects_column = NULL;
  g_autoptr(GtkColumnViewColumn) actions_column = NULL;

  g_assert_cmpuint (n, ==, 14);
  effects = fu_reports_page_get_cell_text (f->page, n - 1, 12);
  g_assert_cmpstr (effects, ==, "96 (65%)");
  projects = fu_reports_page_get_cell_text (f->page, n - 1, 16);
  g_assert_cmpstr (projects, ==, "96 (65%)");
  /* Workshops dated as the seed's tables date them. */
  {
    g_autofree char *first = fu_reports_page_get_cell_text (f->page, 0, 1);

    g_assert_cmpstr (first, ==, "WCO Sub-regional Workshop on Integrity for the Pacific (Jul. 2016)");
  }

  replies_column = g_list_model_get_item (columns, 4);
  actions_column = g_list_model_get_item (columns, 6);
  effects_column = g_list_model_get_item (columns, 12);
  g_assert_cmpstr (gtk_column_view_column_get_title (effects_column), ==, "Effects Realized");

  /* Table 1 first: replies, no answers. */
  g_assert_true (gtk_column_view_column_get_visible (replies_column));
  g_assert_false (gtk_column_view_column_get_visible (actions_column));
  g_assert_false (gtk_column_view_column_get_visible (effects_column));

  gtk_toggle_button_set_active (child (f, "table3_button"), TRUE);
  iterate ();
  g_assert_true (gtk_column_view_column_get_visible (replies_column));
  g_assert_false (gtk_column_view_column_get_visible (actions_column));
  g_assert_true (gtk_column_view_column_get_visible (effects_column));
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "table_drop_down")), ==, 2);

  gtk_drop_down_set_selected (child (f, "table_drop_down"), 1);
  iterate ();
  g_assert_true (gtk_column_view_column_get_visible (actions_column));
  g_assert_false (gtk_column_view_column_get_visible (effects_column));
  g_assert_true (gtk_toggle_button_get_active (child (f, "table2_button")));
}

/* A year with workshops but no replies shows a status page, not empty charts. */
static void
test_empty_year (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  AdwStatusPage *status;

  workshop->code = g_strdup ("2019-TEST");
  workshop->title = g_strdup ("WCO Regional Workshop on Testing");
  workshop->start_date = fu_day_new (2019, 9, 2);
  workshop->end_date = fu_day_new (2019, 9, 6);
  {
    g_autoptr(FuCommand) command = fu_command_new_add_workshop (workshop);

    g_assert_true (fu_context_run (f->context, command, &error));
    g_assert_no_error (error);
  }
  iterate ();

  g_assert_true (fu_reports_page_set_fiscal_year (f->page, 2019));
  iterate ();
  g_assert_cmpuint (fu_reports_page_get_fiscal_year (f->page), ==, 2019);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "table_stack")), ==,
                   "no-replies");
  status = child (f, "no_replies_page");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Replies in FY2019/20");
  g_assert_null (shown_chart (f));
  g_assert_false (gtk_widget_get_sensitive (child (f, "export_button")));
  g_assert_false (gtk_widget_get_visible (child (f, "section_squeezer")));

  /* Back to the sample year: everything again. */
  g_assert_true (fu_reports_page_set_fiscal_year (f->page, 2016));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "table_stack")), ==, "table");
  g_assert_nonnull (shown_chart (f));
  g_assert_true (gtk_widget_get_sensitive (child (f, "export_button")));
  g_assert_cmpstr (label_text (f, "replies_value"), ==, "148");
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return text;
}


/* Print Report through the print operation, exported as Print to File would: the PDF
 * holds the seed's totals as its tables write them. */
static void
test_print_report (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing", "report.pdf", NULL);
  g_autofree char *text = NULL;

  if (!fu_test_have_pdftotext ())
    return;

  g_assert_true (fu_print_report_export (f->context, 2016, pdf, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "96 (65%)"));
  g_assert_nonnull (strstr (text, "148"));
  g_assert_nonnull (strstr (text, "FY2016/17"));
  /* Dated the context's today, as the office would issue it. */
  g_assert_nonnull (strstr (text, "15 January 2018"));
  /* Several pages: headers and page numbers on each. */
  g_assert_nonnull (strstr (text, "\f"));

  /* A folder that does not exist: an error naming the file, and no file. */
  g_assert_false (fu_print_report_export (f->context, 2016, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* A workshop's feedback sheet through the same print operation: its counts, no names. */
static void
test_print_feedback (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "feedback.pdf", NULL);
  g_autofree char *text = NULL;
  gint64 workshop_id = 0;

  if (!fu_test_have_pdftotext ())
    return;

  g_assert_true (fu_store_lookup_workshop (f->store, "2016-NII", &workshop_id, &error));
  g_assert_no_error (error);
  g_assert_true (fu_print_feedback_export (f->context, workshop_id, pdf, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Non-Intrusive Inspection"));
  /* The seed's Table 1: 12 replies from 26 participants. */
  g_assert_nonnull (strstr (text, "12"));
  g_assert_nonnull (strstr (text, "26"));

  /* A workshop that does not exist: the store's error, and no file. */
  g_remove (pdf);
  g_assert_false (fu_print_feedback_export (f->context, 999999, pdf, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Nothing is made for a page that is not shown: the year's figures wait until it shows. */
static void
test_hidden (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FuReportsPage) hidden = g_object_ref_sink (g_object_new (FU_TYPE_REPORTS_PAGE,
                                                                     "context", f->context,
                                                                     NULL));
  GtkWindow *window;
  GtkLabel *replies;

  iterate ();
  replies = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (hidden), FU_TYPE_REPORTS_PAGE,
                                                      "replies_value"));
  g_assert_cmpstr (gtk_label_get_text (replies), ==, "");
  /* The fiscal years are known at once (the window's menus name them). */
  g_assert_cmpuint (fu_reports_page_get_fiscal_year (hidden), ==, 2016);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, GTK_WIDGET (hidden));
  gtk_window_present (window);
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (replies), ==, "148");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/display/reports/hidden", Fixture, NULL,
              fixture_set_up, test_hidden, fixture_tear_down);
  g_test_add ("/display/reports/team", Fixture, NULL,
              fixture_set_up_team, test_team, fixture_tear_down);
  g_test_add ("/display/reports/cards", Fixture, NULL,
              fixture_set_up, test_cards, fixture_tear_down);
  g_test_add ("/display/reports/chart-kind", Fixture, NULL,
              fixture_set_up, test_chart_kind, fixture_tear_down);
  g_test_add ("/display/reports/chart-view-height", Fixture, NULL,
              fixture_set_up, test_chart_view_height, fixture_tear_down);
  g_test_add ("/display/reports/export-chart", Fixture, NULL,
              fixture_set_up, test_export_chart, fixture_tear_down);
  g_test_add ("/display/reports/tables", Fixture, NULL,
              fixture_set_up, test_tables, fixture_tear_down);
  g_test_add ("/display/reports/empty-year", Fixture, NULL,
              fixture_set_up, test_empty_year, fixture_tear_down);
  g_test_add ("/display/reports/print-report", Fixture, NULL,
              fixture_set_up, test_print_report, fixture_tear_down);
  g_test_add ("/display/reports/print-feedback", Fixture, NULL,
              fixture_set_up, test_print_feedback, fixture_tear_down);

  return g_test_run ();
}
