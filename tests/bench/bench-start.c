/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-start: how long Follow-Up takes to start, each start in its own process, against a
 * bare AdwApplicationWindow with a header bar started the same way, alternately (A B A B).
 * Both children are this program: `--child bare` shows the bare window, `--child app` runs
 * Follow-Up's own FuApplication (what `followup` runs) on --database. Each child writes the
 * monotonic clock (shared by all processes) at the moments measured; the parent took it just
 * before spawning, so start-up counts from the exec to the frame:
 *   - first frame: the end of the window's first painted frame;
 *   - usable board: the end of the first painted frame in which the board shows rows (the
 *     first of them, as they come; or none when it has read them all and has none).
 * Not a test: it prints min/median/max of each ratio over the pairs. Needs a display.
 *
 * It measures an empty database and one of an office's size (130 workshops, 1,000
 * participants, 3,000 attendances), made in a temporary directory, then each --database.
 *
 *   bench-start [--database PATH...] [--runs N]
 */
#define G_LOG_DOMAIN "bench-start"

#include "config.h"

#include <adwaita.h>

#include "bench-common.h"
#include "fu-application.h"
#include "fu-board-page.h"

#define MAX_RUNS 50
/* A child that has not drawn what it waits for by then is stopped: it reports nothing. */
#define CHILD_TIMEOUT_S 60
/* What the window does once every row is read is measured for that long. */
#define SETTLE_US (500 * 1000)

/* ---- The children ------------------------------------------------------------------------ */

typedef struct {
  GApplication *application;
  GtkWidget    *window;
  gint64        first;
  gint64        usable;
  gboolean      rows_at_paint;
  gboolean      wait_for_rows;
  /* From the first frame until every row is read, and SETTLE_US after. */
  BenchStall    stall;
  gint64        settled;
} Child;

static GtkColumnView *
board_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget) && gtk_widget_get_ancestor (widget, FU_TYPE_BOARD_PAGE))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found = board_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the board shows rows, or has read them all and has none to show, or is not shown
 * at all (the empty database's welcome shows instead). */
static gboolean
board_ready (Child *c)
{
  GtkColumnView *view = board_view (c->window);
  GtkWidget *page = view != NULL ? gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                            FU_TYPE_BOARD_PAGE) : NULL;
  GListModel *model;

  if (page == NULL || !gtk_widget_get_mapped (page))
    return TRUE;
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  return (gtk_widget_get_mapped (GTK_WIDGET (view)) && g_list_model_get_n_items (model) > 0)
         || fu_board_page_count_loading () == 0;
}

static void
child_before_paint_cb (GdkFrameClock *clock,
                       Child         *c)
{
  /* Rows in the model now are laid out and drawn in this frame. */
  c->rows_at_paint = c->wait_for_rows && board_ready (c);
}

/* The process's resident memory now, in kB (0 if unknown). */
static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;
  long kb = 0;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "VmRSS:")) != NULL)
    sscanf (line, "VmRSS: %ld", &kb);
  return kb;
}

static void
child_after_paint_cb (GdkFrameClock *clock,
                      Child         *c)
{
  gint64 now = g_get_monotonic_time ();

  if (c->first == 0)
    {
      c->first = now;
      if (c->wait_for_rows)
        bench_stall_start (&c->stall);
    }
  if (c->usable == 0 && c->rows_at_paint)
    c->usable = now;
  /* The app: until the rows are drawn and all read, and half a second more for what the
   * window does after (the frame clock runs meanwhile). */
  if (c->wait_for_rows && c->usable != 0 && fu_board_page_count_loading () == 0
      && c->settled == 0)
    c->settled = now;
  if (c->wait_for_rows && (c->settled == 0 || now - c->settled < SETTLE_US))
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      return;
    }
  g_signal_handlers_disconnect_by_data (clock, c);
  if (c->wait_for_rows)
    bench_stall_stop (&c->stall);
  /* The bare window with its first frame; Follow-Up with every row read and drawn. */
  printf ("first %" G_GINT64_FORMAT "\nrss %ld\n", c->first, resident_kb ());
  if (c->usable != 0)
    printf ("usable %" G_GINT64_FORMAT "\nstall %" G_GINT64_FORMAT "\n", c->usable,
            c->stall.worst);
  fflush (stdout);
  g_application_quit (c->application);
}

static void
child_realize_cb (GtkWidget *window,
                  Child     *c)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  int width, height;

  c->window = window;
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  printf ("size %d %d\n", width, height);
  g_signal_connect (clock, "before-paint", G_CALLBACK (child_before_paint_cb), c);
  g_signal_connect (clock, "after-paint", G_CALLBACK (child_after_paint_cb), c);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 Child          *c)
{
  if (c->window == NULL)
    g_signal_connect_after (window, "realize", G_CALLBACK (child_realize_cb), c);
}

static void
bare_activate_cb (GApplication *application,
                  int          *size)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_box_append (GTK_BOX (box), header);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), size[0], size[1]);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
child_timeout_cb (gpointer user_data)
{
  exit (2);
}

static int
run_child (const char *kind,
           const char *database,
           int         width,
           int         height)
{
  g_autoptr(GApplication) application = NULL;
  Child c = { 0, };
  int size[2] = { width, height };
  char *argv[4] = { (char *) "bench-start", NULL, NULL, NULL };
  int argc = 1;

  g_timeout_add_seconds (CHILD_TIMEOUT_S, child_timeout_cb, NULL);
  if (g_str_equal (kind, "bare"))
    {
      application = G_APPLICATION (adw_application_new ("org.rocbap.FollowUp.BenchBare",
                                                        G_APPLICATION_NON_UNIQUE));
      g_signal_connect (application, "activate", G_CALLBACK (bare_activate_cb), size);
    }
  else
    {
      application = G_APPLICATION (fu_application_new ());
      g_application_set_flags (application, G_APPLICATION_NON_UNIQUE);
      argv[argc++] = (char *) "--database";
      argv[argc++] = (char *) database;
      c.wait_for_rows = TRUE;
    }
  c.application = application;
  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), &c);
  return g_application_run (application, argc, argv);
}

/* ---- The parent -------------------------------------------------------------------------- */

typedef struct {
  gint64 first;   /* µs from the spawn to the end of the first frame */
  gint64 usable;  /* ... to the first frame with the board's rows */
  gint64 stall;   /* the longest the window did not answer while the rows came, µs */
  long   rss;     /* resident memory at the end, kB */
  int    width;
  int    height;
} Start;

static gboolean
spawn_child (const char  *self,
             const char  *kind,
             const char  *database,
             int          width,
             int          height,
             Start       *start,
             GError     **error)
{
  g_autofree char *size = g_strdup_printf ("%dx%d", width, height);
  const char *argv[] = { self, "--child", kind, "--size", size,
                         "--database", database != NULL ? database : "", NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 spawned;

  memset (start, 0, sizeof *start);
  spawned = g_get_monotonic_time ();
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, error);
  if (process == NULL
      || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, error)
      || !g_subprocess_get_successful (process))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "the %s window did not draw what was awaited", kind);
      return FALSE;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 t;

      if (sscanf (lines[i], "size %d %d", &start->width, &start->height) == 2
          || sscanf (lines[i], "rss %ld", &start->rss) == 1)
        continue;
      if (sscanf (lines[i], "first %" G_GINT64_FORMAT, &t) == 1)
        start->first = t - spawned;
      else if (sscanf (lines[i], "usable %" G_GINT64_FORMAT, &t) == 1)
        start->usable = t - spawned;
      else if (sscanf (lines[i], "stall %" G_GINT64_FORMAT, &t) == 1)
        start->stall = t;
    }
  if (start->first <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the %s window said nothing", kind);
      return FALSE;
    }
  return TRUE;
}

static void
print_ratios (const char *name,
              double     *ratios,
              double     *ms,
              double     *bare_ms,
              guint       n)
{
  double median_ms = bench_median (ms, n);
  double median_bare = bench_median (bare_ms, n);
  double median = bench_median (ratios, n);   /* sorts: min and max are at the ends */

  printf ("  %-30s %8.0f %8.0f   %5.2f× (%.2f–%.2f)\n", name, median_ms, median_bare,
          median, ratios[0], ratios[n - 1]);
}

static void
measure (const char *self,
         const char *database,
         guint       runs)
{
  double first[MAX_RUNS], usable[MAX_RUNS], bare[MAX_RUNS], bare2[MAX_RUNS];
  double first_ratio[MAX_RUNS], usable_ratio[MAX_RUNS], stall[MAX_RUNS];
  double memory[MAX_RUNS];
  g_autoptr(GError) error = NULL;
  Start warm, app, plain;
  guint n_usable = 0;

  /* An untimed start warms the caches and tells the window's size. */
  if (!spawn_child (self, "app", database, 0, 0, &warm, &error))
    {
      printf ("%s: %s\n", database, error->message);
      return;
    }
  printf ("%s (window %d×%d)\n", database, warm.width, warm.height);
  printf ("  %-30s %8s %8s   %s\n", "", "ms", "bare ms", "ratio: median (min–max)");
  for (guint i = 0; i < runs; i++)
    {
      if (!spawn_child (self, "bare", NULL, warm.width, warm.height, &plain, &error)
          || !spawn_child (self, "app", database, 0, 0, &app, &error))
        {
          printf ("  run %u: %s\n", i + 1, error->message);
          return;
        }
      bare[i] = bare2[i] = plain.first / 1000.0;
      memory[i] = (app.rss - plain.rss) / 1024.0;
      first[i] = app.first / 1000.0;
      first_ratio[i] = first[i] / bare[i];
      if (app.usable > 0)
        {
          usable[n_usable] = app.usable / 1000.0;
          usable_ratio[n_usable] = usable[n_usable] / bare[i];
          stall[n_usable] = app.stall / 1000.0;
          n_usable++;
        }
    }
  print_ratios ("first frame", first_ratio, first, bare, runs);
  if (n_usable == runs)
    {
      double median;

      print_ratios ("usable board (rows drawn)", usable_ratio, usable, bare2, runs);
      median = bench_median (stall, runs);
      printf ("  %-30s %8.0f   (longest wait of the main loop until every row is read, and"
              " 0.5 s after; max %.0f)\n", "window not answering, worst", median, stall[runs - 1]);
    }
  {
    double median = bench_median (memory, runs);

    printf ("  %-30s %8.1f   (resident, every row read, minus the bare window's; max %.1f)\n",
            "memory over the bare, MB", median, memory[runs - 1]);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) databases = NULL;
  g_autofree char *child = NULL;
  g_autofree char *size = NULL;
  g_autofree char *self = NULL;
  g_autofree char *machine = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *office = NULL;
  int runs = 5;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME_ARRAY, &databases,
      "A database to start on (repeat for several)", "PATH" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Pairs of starts (median)", "N" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child, NULL, NULL },
    { "size", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &size, NULL, NULL },
    { NULL }
  };

  options = g_option_context_new ("- time Follow-Up's start against a bare window");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("bench-start: %s\n", error->message);
      return 1;
    }

  if (child != NULL)
    {
      int width = 0, height = 0;

      if (size != NULL)
        sscanf (size, "%dx%d", &width, &height);
      return run_child (child, databases != NULL ? databases[0] : NULL, width, height);
    }

  dir = g_dir_make_tmp ("fu-bench-start-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-start: %s\n", error->message);
      return 1;
    }
  empty = g_build_filename (dir, "empty.db", NULL);
  office = g_build_filename (dir, "office.db", NULL);
  {
    g_autoptr(FuStore) store = fu_store_open (empty, &error);
    double seconds;

    if (store == NULL
        || !bench_make_database_sized (office, 130, 1000, 3000, &seconds, &error))
      {
        g_printerr ("bench-start: making the databases: %s\n", error->message);
        return 1;
      }
  }
  self = g_file_read_link ("/proc/self/exe", NULL);
  machine = bench_machine ();
  now = g_date_time_new_now_utc ();
  date = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  printf ("bench-start: Follow-Up's start against a bare AdwApplicationWindow with a header "
          "bar,\neach in its own process, alternately; medians of %d pairs\n%s; %s; "
          "GSK_RENDERER=%s\n\n", CLAMP (runs, 1, MAX_RUNS), date, machine,
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)");
  measure (self != NULL ? self : argv[0], empty, (guint) CLAMP (runs, 1, MAX_RUNS));
  measure (self != NULL ? self : argv[0], office, (guint) CLAMP (runs, 1, MAX_RUNS));
  for (guint i = 0; databases != NULL && databases[i] != NULL; i++)
    measure (self != NULL ? self : argv[0], databases[i], (guint) CLAMP (runs, 1, MAX_RUNS));
  bench_remove_dir (dir);
  return 0;
}
