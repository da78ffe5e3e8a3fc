/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-gui: the real window on a database at WCO scale (tests/bench/bench-common.h): how
 * long until the follow-up board is drawn, how long the Participants page takes to appear, and
 * how long each step of scrolling their tables from top to bottom takes. Next to each, the
 * same done in the same run by a bare GtkWindow whose GtkColumnView (as many columns) shows
 * a GtkStringList of as many plain strings: the ratio is what Follow-Up adds to GTK. Not a
 * test: it prints a table and passes whatever the times. Needs a display (xvfb-run).
 *
 *   bench-gui [--database PATH] [--runs N] [--steps N]
 *
 * A scroll step sets the table's vertical adjustment and runs the main loop until the
 * frame is painted and nothing is pending. Its time is the work: setting the value plus
 * the frame clock's layout and paint (before-paint to after-paint), not the wait for the
 * next frame tick. */
#define G_LOG_DOMAIN "bench-gui"

#include "config.h"

#include <adwaita.h>

#include "bench-common.h"
#include "fu-board-page.h"
#include "fu-context.h"
#include "fu-gui-util.h"
#include "fu-participants-page.h"
#include "fu-window.h"

#define MAX_RUNS 50
/* A frame that does not come within this time means nothing was queued: go on. */
#define FRAME_TIMEOUT_MS 2000

typedef struct {
  char      *dir;
  char      *path;
  guint      runs;
  guint      steps;
  int        width;
  int        height;
} Bench;

/* ---- Frames ---------------------------------------------------------------------------- */

typedef struct {
  gint64  frame_start;
  gint64  work;      /* µs spent in before-paint .. after-paint, summed over frames */
  guint   frames;
  gboolean timed_out;
} FrameProbe;

static void
before_paint_cb (GdkFrameClock *clock,
                 FrameProbe    *probe)
{
  probe->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameProbe    *probe)
{
  if (probe->frame_start != 0)
    probe->work += g_get_monotonic_time () - probe->frame_start;
  probe->frame_start = 0;
  probe->frames++;
}

static gboolean
frame_timeout_cb (gpointer user_data)
{
  FrameProbe *probe = user_data;

  probe->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until @widget's frame clock has painted a frame and nothing is
 * pending; returns the frame work in µs. */
static gint64
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  FrameProbe probe = { 0, };
  gulong before_id, after_id;
  guint timeout_id;

  g_assert (clock != NULL);
  before_id = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &probe);
  after_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);
  timeout_id = g_timeout_add (FRAME_TIMEOUT_MS, frame_timeout_cb, &probe);

  while (probe.frames == 0 && !probe.timed_out)
    g_main_context_iteration (NULL, TRUE);
  iterate_until_idle ();

  if (!probe.timed_out)
    g_source_remove (timeout_id);
  g_signal_handler_disconnect (clock, before_id);
  g_signal_handler_disconnect (clock, after_id);
  return probe.work;
}

/* Runs the main loop until the pages have read their rows in their threads (the board, the
 * Participants page) and a frame shows them. */
static void
wait_for_board (GtkWidget *window)
{
  while (fu_board_page_count_loading () > 0 || fu_gui_count_reads () > 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_queue_draw (window);
  wait_for_frame (window);
}

/* ---- Scrolling ------------------------------------------------------------------------- */

typedef struct {
  double mean_ms;
  double worst_ms;
  double wall_ms;     /* mean wall time per step, frame tick wait included */
} ScrollTimes;

/* Scrolls @view from the top to the bottom in b->steps equal steps (each shows rows not
 * seen before). */
static ScrollTimes
scroll (Bench         *b,
        GtkColumnView *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  ScrollTimes times = { 0, };
  double total = 0;
  gint64 wall_start;

  gtk_adjustment_set_value (adjustment, 0);
  /* Already at the top, nothing would be drawn: ask for a frame anyway. */
  gtk_widget_queue_draw (GTK_WIDGET (view));
  wait_for_frame (GTK_WIDGET (view));

  wall_start = g_get_monotonic_time ();
  for (guint i = 1; i <= b->steps; i++)
    {
      /* The list view estimates its height from the rows it has seen: read it each time. */
      double range = gtk_adjustment_get_upper (adjustment)
                     - gtk_adjustment_get_page_size (adjustment);
      double value = range * i / b->steps;
      gint64 start = g_get_monotonic_time ();
      gint64 set_work;
      double ms;

      gtk_adjustment_set_value (adjustment, value);
      set_work = g_get_monotonic_time () - start;
      ms = (double) (set_work + wait_for_frame (GTK_WIDGET (view))) / 1000.0;
      total += ms;
      times.worst_ms = MAX (times.worst_ms, ms);
    }
  times.mean_ms = total / b->steps;
  times.wall_ms = bench_ms_since (wall_start) / b->steps;

  /* Really at the bottom: the last step's estimate may have grown meanwhile. */
  if (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
      < gtk_adjustment_get_upper (adjustment) - 1)
    g_printerr ("bench-gui: note: a table stopped %.0f px short of its end\n",
                gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)
                - gtk_adjustment_get_value (adjustment));
  return times;
}

/* ---- Follow-Up's window ---------------------------------------------------------------- */

typedef struct {
  FuStore       *store;
  FuContext     *context;
  FuWindow      *window;
  GtkColumnView *board_view;
  GtkColumnView *participants_view;
  double         open_ms;      /* opening the database */
  double         new_ms;       /* fu_window_new */
  double         first_ms;     /* from the start until the first frame */
  double         board_ms;     /* from the start until the board's rows are all read, drawn */
  double         stall_ms;     /* meanwhile, the longest the main loop did not answer */
  double         people_ms;    /* from showing the Participants page until it is drawn */
} RealWindow;

/* The first GtkColumnView under @widget that is inside a widget of type @page_type. */
/* What a change to every kind of record announces: every page reloads. */
static void
announce_all (FuContext *context)
{
  g_autoptr(FuChangeSet) all = fu_change_set_new_all ();

  fu_history_announce (fu_context_get_history (context), all);
}

static GtkColumnView *
find_column_view (GtkWidget *widget,
                  GType      page_type)
{
  if (GTK_IS_COLUMN_VIEW (widget) && gtk_widget_get_ancestor (widget, page_type) != NULL)
    return GTK_COLUMN_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *found = find_column_view (child, page_type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
real_window_open (Bench      *b,
                  RealWindow *w)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 lap;

  w->store = fu_store_open_full (b->path, FU_STORE_OPEN_CHECK_LATER, &error);
  if (w->store == NULL)
    bench_die ("opening the database", error);
  w->context = fu_context_new (w->store);
  fu_context_set_today (w->context, bench_today ());
  w->open_ms = bench_ms_since (start);

  lap = g_get_monotonic_time ();
  w->window = fu_window_new (NULL, w->context);
  w->new_ms = bench_ms_since (lap);
  fu_window_show_page (w->window, "followups");
  gtk_window_present (GTK_WINDOW (w->window));
  wait_for_frame (GTK_WIDGET (w->window));
  w->first_ms = bench_ms_since (start);
  {
    BenchStall stall;

    bench_stall_start (&stall);
    wait_for_board (GTK_WIDGET (w->window));
    w->stall_ms = bench_stall_stop (&stall);
  }
  w->board_ms = bench_ms_since (start);

  lap = g_get_monotonic_time ();
  fu_window_show_page (w->window, "participants");
  wait_for_board (GTK_WIDGET (w->window));
  w->people_ms = bench_ms_since (lap);

  w->board_view = find_column_view (GTK_WIDGET (w->window), FU_TYPE_BOARD_PAGE);
  w->participants_view = find_column_view (GTK_WIDGET (w->window), FU_TYPE_PARTICIPANTS_PAGE);
  if (w->board_view == NULL || w->participants_view == NULL)
    bench_die ("the board's or the Participants page's table was not found", NULL);
}

static void
real_window_close (RealWindow *w)
{
  gtk_window_destroy (GTK_WINDOW (w->window));
  iterate_until_idle ();
  g_clear_object (&w->context);
  g_clear_object (&w->store);
}

static guint
n_visible_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        n++;
    }
  return n;
}

static guint
n_rows (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* ---- The bare GTK window --------------------------------------------------------------- */

typedef struct {
  guint n_rows;
  guint n_columns;
} TableShape;

typedef struct {
  GtkWindow     *window;
  GtkStack      *stack;
  GtkColumnView *views[2];
  GtkStringList *strings[2];
  double         first_ms;   /* until the first table is drawn */
  double         second_ms;  /* from showing the second table until it is drawn */
} BareWindow;

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static GStrv
bare_strings (guint n_rows)
{
  GStrv text = g_new0 (char *, n_rows + 1);

  for (guint i = 0; i < n_rows; i++)
    text[i] = g_strdup_printf ("Row number %u of the table", i);
  return text;
}

static GtkWidget *
bare_table (const TableShape  *shape,
            GtkColumnView    **view_out,
            GtkStringList    **strings_out)
{
  GtkStringList *strings;
  GtkWidget *view;
  GtkWidget *scroller;
  g_auto(GStrv) text = bare_strings (shape->n_rows);

  strings = gtk_string_list_new ((const char * const *) text);
  *strings_out = strings;

  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_multi_selection_new (
                                G_LIST_MODEL (strings))));
  for (guint i = 0; i < shape->n_columns; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *title = g_strdup_printf ("Column %u", i + 1);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  *view_out = GTK_COLUMN_VIEW (view);
  return scroller;
}

static void
bare_window_open (Bench            *b,
                  BareWindow       *w,
                  const TableShape  shapes[2])
{
  gint64 start = g_get_monotonic_time ();
  gint64 lap;

  w->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (w->window, b->width, b->height);
  w->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (w->stack, bare_table (&shapes[0], &w->views[0], &w->strings[0]),
                       "first");
  gtk_stack_add_named (w->stack, bare_table (&shapes[1], &w->views[1], &w->strings[1]),
                       "second");
  gtk_window_set_child (w->window, GTK_WIDGET (w->stack));
  gtk_window_present (w->window);
  wait_for_frame (GTK_WIDGET (w->window));
  w->first_ms = bench_ms_since (start);

  lap = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (w->stack, "second");
  wait_for_frame (GTK_WIDGET (w->window));
  w->second_ms = bench_ms_since (lap);
  gtk_stack_set_visible_child_name (w->stack, "first");
  wait_for_frame (GTK_WIDGET (w->window));
}

static void
bare_window_close (BareWindow *w)
{
  gtk_window_destroy (w->window);
  iterate_until_idle ();
}

/* ---- The report ------------------------------------------------------------------------- */

static void
print_row (const char *name,
           double      ms,
           double      baseline_ms)
{
  printf ("%-52s %9.1f %9.1f   %6.1f\n", name, ms, baseline_ms, ms / baseline_ms);
  fflush (stdout);
}

static void
run_benchmarks (Bench *b)
{
  double real_board[MAX_RUNS], real_people[MAX_RUNS], real_first[MAX_RUNS];
  double start_stall[MAX_RUNS], reload_stall[MAX_RUNS];
  double bare_first[MAX_RUNS], bare_second[MAX_RUNS];
  double open_ms[MAX_RUNS], new_ms[MAX_RUNS];
  double real_reload[MAX_RUNS], board_show[MAX_RUNS], board_reload[MAX_RUNS];
  double bare_reload[MAX_RUNS];
  TableShape shapes[2];
  RealWindow real = { 0, };
  BareWindow bare = { 0, };
  ScrollTimes real_scroll[2], bare_scroll[2];
  g_autofree char *board_label = NULL;
  g_autofree char *people_label = NULL;

  /* A first, untimed opening warms the caches and tells the tables' shapes. */
  real_window_open (b, &real);
  gtk_window_get_default_size (GTK_WINDOW (real.window), &b->width, &b->height);
  shapes[0].n_rows = n_rows (real.board_view);
  shapes[0].n_columns = n_visible_columns (real.board_view);
  shapes[1].n_rows = n_rows (real.participants_view);
  shapes[1].n_columns = n_visible_columns (real.participants_view);
  real_window_close (&real);
  bare_window_open (b, &bare, shapes);
  bare_window_close (&bare);

  printf ("Window %d×%d; board: %u rows, %u columns; Participants: %u rows, %u columns; "
          "GSK_RENDERER=%s\n\n", b->width, b->height, shapes[0].n_rows, shapes[0].n_columns,
          shapes[1].n_rows, shapes[1].n_columns,
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)");

  /* Alternately, so that a slow moment of the machine hits both. */
  for (guint i = 0; i < b->runs; i++)
    {
      bare_window_open (b, &bare, shapes);
      bare_first[i] = bare.first_ms;
      bare_second[i] = bare.second_ms;
      bare_window_close (&bare);

      real_window_open (b, &real);
      real_first[i] = real.first_ms;
      start_stall[i] = real.stall_ms;
      real_board[i] = real.board_ms;
      real_people[i] = real.people_ms;
      open_ms[i] = real.open_ms;
      new_ms[i] = real.new_ms;
      if (i + 1 < b->runs)
        real_window_close (&real);
    }

  /* After a change to everything the pages reload; the bare window replaces all
   * the strings of both its lists instead. The last real window is still open, on the
   * Participants page; then again on the board, where most changes are made. */
  for (guint i = 0; i < b->runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      announce_all (real.context);
      wait_for_board (GTK_WIDGET (real.window));
      real_reload[i] = bench_ms_since (start);

      /* A page that was hidden during the change reads it when shown. */
      start = g_get_monotonic_time ();
      fu_window_show_page (real.window, "followups");
      wait_for_board (GTK_WIDGET (real.window));
      board_show[i] = bench_ms_since (start);
      fu_window_show_page (real.window, "participants");
      wait_for_board (GTK_WIDGET (real.window));
    }
  fu_window_show_page (real.window, "followups");
  wait_for_frame (GTK_WIDGET (real.window));
  for (guint i = 0; i < b->runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      BenchStall stall;

      bench_stall_start (&stall);
      announce_all (real.context);
      wait_for_board (GTK_WIDGET (real.window));
      board_reload[i] = bench_ms_since (start);
      reload_stall[i] = bench_stall_stop (&stall);
    }
  bare_window_open (b, &bare, shapes);
  for (guint i = 0; i < b->runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint t = 0; t < 2; t++)
        {
          g_auto(GStrv) text = bare_strings (shapes[t].n_rows);

          gtk_string_list_splice (bare.strings[t], 0, shapes[t].n_rows,
                                  (const char * const *) text);
        }
      wait_for_frame (GTK_WIDGET (bare.window));
      bare_reload[i] = bench_ms_since (start);
    }
  bare_window_close (&bare);

  /* Scrolling, still in the last real window. */
  fu_window_show_page (real.window, "followups");
  wait_for_frame (GTK_WIDGET (real.window));
  real_scroll[0] = scroll (b, real.board_view);
  fu_window_show_page (real.window, "participants");
  wait_for_frame (GTK_WIDGET (real.window));
  real_scroll[1] = scroll (b, real.participants_view);
  real_window_close (&real);

  bare_window_open (b, &bare, shapes);
  bare_scroll[0] = scroll (b, bare.views[0]);
  gtk_stack_set_visible_child_name (bare.stack, "second");
  wait_for_frame (GTK_WIDGET (bare.window));
  bare_scroll[1] = scroll (b, bare.views[1]);
  bare_window_close (&bare);

  printf ("%-52s %9s %9s   %6s\n", "GUI (median)", "ms", "bare GTK", "ratio");
  /* Kinder than bench-start's: GTK is started already, and the bare window holds its
   * strings before the clock starts. */
  print_row ("(extra, in-process) start until the first frame",
             bench_median (real_first, b->runs), bench_median (bare_first, b->runs));
  print_row ("(extra, in-process) start until all rows drawn",
             bench_median (real_board, b->runs), bench_median (bare_first, b->runs));
  print_row ("Participants page shown until drawn",
             bench_median (real_people, b->runs), bench_median (bare_second, b->runs));
  print_row ("reload after a change, Participants shown",
             bench_median (real_reload, b->runs), bench_median (bare_reload, b->runs));
  print_row ("  then showing the board", bench_median (board_show, b->runs),
             bench_median (bare_reload, b->runs));
  print_row ("reload after a change, board shown",
             bench_median (board_reload, b->runs), bench_median (bare_reload, b->runs));
  board_label = g_strdup_printf ("board scroll, %u steps: mean step", b->steps);
  print_row (board_label, real_scroll[0].mean_ms, bare_scroll[0].mean_ms);
  print_row ("board scroll: worst step", real_scroll[0].worst_ms, bare_scroll[0].worst_ms);
  people_label = g_strdup_printf ("Participants scroll, %u steps: mean step", b->steps);
  print_row (people_label, real_scroll[1].mean_ms, bare_scroll[1].mean_ms);
  print_row ("Participants scroll: worst step", real_scroll[1].worst_ms,
             bare_scroll[1].worst_ms);

  {
    /* bench_median() sorts: the largest is last after it. */
    double start_median = bench_median (start_stall, b->runs);
    double reload_median = bench_median (reload_stall, b->runs);

    printf ("\nThe window not answering (the longest the main loop waited; goal: under "
            "100 ms):\n  while the board's rows come at start-up %.0f ms (max %.0f), while it "
            "reads again after a change %.0f ms (max %.0f)\n", start_median,
            start_stall[b->runs - 1], reload_median, reload_stall[b->runs - 1]);
  }
  printf ("\n(startup parts, median: opening the database %.1f ms, fu_window_new %.1f ms;\n"
          " the board reads its rows in a thread; a page that is not shown is made and reads "
          "when it is first shown)\n",
          bench_median (open_ms, b->runs), bench_median (new_ms, b->runs));
  printf ("(wall time per scroll step, waiting for the frame tick included: board %.1f ms, "
          "bare %.1f ms; Participants %.1f ms, bare %.1f ms)\n",
          real_scroll[0].wall_ms, bare_scroll[0].wall_ms,
          real_scroll[1].wall_ms, bare_scroll[1].wall_ms);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  Bench b = { 0, };
  int runs = 3;
  int steps = 100;
  double made_seconds;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "The benchmark database (made there when missing)", "PATH" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed startups of each (median)", "N" },
    { "steps", 's', 0, G_OPTION_ARG_INT, &steps, "Scroll steps from top to bottom", "N" },
    { NULL }
  };

  options = g_option_context_new ("- time the window on a WCO-scale database");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    bench_die ("options", error);
  b.runs = (guint) CLAMP (runs, 1, MAX_RUNS);
  b.steps = (guint) CLAMP (steps, 1, 100000);

  gtk_init ();
  adw_init ();

  b.dir = g_dir_make_tmp ("fu-bench-gui-XXXXXX", &error);
  if (b.dir == NULL)
    bench_die ("making a temporary directory", error);
  b.path = database != NULL ? g_strdup (database) : g_build_filename (b.dir, "big.db", NULL);

  bench_print_header ("bench-gui: Follow-Up's window against a bare GTK window, same run");
  if (!bench_make_database (b.path, &made_seconds, &error))
    bench_die ("making the database", error);
  if (made_seconds > 0)
    printf ("(database made in %.1f s)\n", made_seconds);

  run_benchmarks (&b);

  bench_remove_dir (b.dir);
  g_free (b.dir);
  g_free (b.path);
  return 0;
}
