/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The shared page layout: where blocks land, what comes back at the top of a page, and
 * that the same document gives the same pages at any resolution. Blocks here have fixed
 * heights, so that the tests can say which page each one belongs on. */
#define G_LOG_DOMAIN "test-page-layout"

#include "config.h"

#include <glib.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "fu-page-layout.h"

/* A page of 1000 points has a body of a little under 980 (the footer takes the rest, and
 * there is no header in these tests): three blocks of 300 fit, four do not. */
#define PAGE_WIDTH  500.0
#define PAGE_HEIGHT 1000.0

typedef struct {
  guint     block;
  guint     page;
  gboolean  repeated;
  double    width;
  double    height;
  double    y;        /* the block's top on the page, in the surface's units */
} DrawCall;

typedef struct {
  GArray *calls;     /* DrawCall */
  guint   next_id;
} Recorder;

typedef struct {
  Recorder *recorder;
  guint     id;
  double    height;
} Fixed;

static double
fixed_measure (gpointer      data,
               PangoContext *context,
               double        width,
               double        page_height)
{
  return ((Fixed *) data)->height;
}

static void
fixed_draw (gpointer               data,
            cairo_t               *cr,
            const FuPageBlockInfo *info)
{
  Fixed *fixed = data;
  DrawCall call = { fixed->id, info->page, info->repeated, info->width, info->height, 0 };
  double x = 0, y = 0;

  cairo_user_to_device (cr, &x, &y);
  call.y = y;
  g_array_append_val (fixed->recorder->calls, call);
}

static guint
add_fixed (FuPageLayout     *layout,
           Recorder         *recorder,
           double            height,
           FuPageBlockFlags  flags)
{
  Fixed *fixed = g_new0 (Fixed, 1);
  guint index;

  fixed->recorder = recorder;
  fixed->id = recorder->next_id++;
  fixed->height = height;
  index = fu_page_layout_add_block (layout, fixed_measure, fixed_draw, fixed, g_free, flags);
  g_assert_cmpuint (index, ==, fixed->id);
  return index;
}

/* Paginates at @resolution dpi (the page's size scaled to match) and draws every page. */
static guint
paginate_and_draw (FuPageLayout *layout,
                   Recorder     *recorder,
                   double        resolution)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = fu_page_create_context (cr, resolution);
  double scale = resolution / 72.0;
  guint n_pages;

  n_pages = fu_page_layout_paginate (layout, context, PAGE_WIDTH * scale, PAGE_HEIGHT * scale);
  g_array_set_size (recorder->calls, 0);
  for (guint page = 0; page < n_pages; page++)
    fu_page_layout_draw_page (layout, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n_pages;
}

static void
recorder_init (Recorder *recorder)
{
  recorder->calls = g_array_new (FALSE, TRUE, sizeof (DrawCall));
  recorder->next_id = 0;
}

static void
recorder_clear (Recorder *recorder)
{
  g_clear_pointer (&recorder->calls, g_array_unref);
}

static const DrawCall *
call_at (Recorder *recorder,
         guint     i)
{
  return &g_array_index (recorder->calls, DrawCall, i);
}

static void
test_fill_pages (void)
{
  g_autoptr(FuPageLayout) layout = fu_page_layout_new ();
  Recorder recorder;

  recorder_init (&recorder);
  for (guint i = 0; i < 7; i++)
    add_fixed (layout, &recorder, 300, FU_PAGE_BLOCK_DEFAULT);

  g_assert_cmpuint (paginate_and_draw (layout, &recorder, 72), ==, 3);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (fu_page_layout_get_block_page (layout, i), ==, i / 3);
  /* Each block drawn once, at its measured height, across the body's width. */
  g_assert_cmpuint (recorder.calls->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      g_assert_cmpuint (call_at (&recorder, i)->block, ==, i);
      g_assert_cmpfloat_with_epsilon (call_at (&recorder, i)->height, 300, 1e-9);
      g_assert_cmpfloat_with_epsilon (call_at (&recorder, i)->width, PAGE_WIDTH, 1e-9);
    }
  recorder_clear (&recorder);
}

/* A heading never ends a page: it moves with the block it introduces. */
static void
test_keep_with_next (void)
{
  g_autoptr(FuPageLayout) layout = fu_page_layout_new ();
  Recorder recorder;
  guint heading, body;

  recorder_init (&recorder);
  add_fixed (layout, &recorder, 300, FU_PAGE_BLOCK_DEFAULT);
  add_fixed (layout, &recorder, 300, FU_PAGE_BLOCK_DEFAULT);
  heading = add_fixed (layout, &recorder, 40, FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  body = add_fixed (layout, &recorder, 400, FU_PAGE_BLOCK_DEFAULT);

  g_assert_cmpuint (paginate_and_draw (layout, &recorder, 72), ==, 2);
  /* 600 + 40 would fit on the first page, but not with the block after it. */
  g_assert_cmpint (fu_page_layout_get_block_page (layout, heading), ==, 1);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, body), ==, 1);
  recorder_clear (&recorder);
}

/* A table's column titles come back, marked as repeated, on each page it continues on. */
static void
test_repeat (void)
{
  g_autoptr(FuPageLayout) layout = fu_page_layout_new ();
  Recorder recorder;
  guint head;
  guint n_repeated = 0;

  recorder_init (&recorder);
  head = add_fixed (layout, &recorder, 50, FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  for (guint i = 0; i < 10; i++)
    {
      guint row = add_fixed (layout, &recorder, 200, FU_PAGE_BLOCK_DEFAULT);

      fu_page_layout_set_repeat (layout, row, head);
    }

  g_assert_cmpuint (paginate_and_draw (layout, &recorder, 72), ==, 3);
  for (guint i = 0; i < recorder.calls->len; i++)
    {
      const DrawCall *call = call_at (&recorder, i);

      if (call->block == head)
        {
          /* First on every page: once as itself, then as the repeat. */
          g_assert_true (i == 0 || call_at (&recorder, i - 1)->page != call->page);
          g_assert_cmpint (call->repeated, ==, call->page > 0);
          n_repeated += call->repeated;
        }
    }
  g_assert_cmpuint (n_repeated, ==, 2);
  /* The head's own page is the first; its repeats do not move it. */
  g_assert_cmpint (fu_page_layout_get_block_page (layout, head), ==, 0);
  recorder_clear (&recorder);
}

/* A figure that does not fit lets the text after it fill the page, and waits for the next
 * one; it never drifts past a section heading. */
static void
test_float (void)
{
  g_autoptr(FuPageLayout) layout = fu_page_layout_new ();
  Recorder recorder;
  guint figure, text1, text2, section, after;
  guint figure_call = G_MAXUINT, section_call = G_MAXUINT;

  recorder_init (&recorder);
  add_fixed (layout, &recorder, 500, FU_PAGE_BLOCK_DEFAULT);
  figure = add_fixed (layout, &recorder, 600, FU_PAGE_BLOCK_FLOAT);
  text1 = add_fixed (layout, &recorder, 100, FU_PAGE_BLOCK_DEFAULT);
  text2 = add_fixed (layout, &recorder, 100, FU_PAGE_BLOCK_DEFAULT);
  section = add_fixed (layout, &recorder, 40,
                       FU_PAGE_BLOCK_KEEP_WITH_NEXT | FU_PAGE_BLOCK_SECTION);
  after = add_fixed (layout, &recorder, 100, FU_PAGE_BLOCK_DEFAULT);

  g_assert_cmpuint (paginate_and_draw (layout, &recorder, 72), ==, 2);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, text1), ==, 0);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, text2), ==, 0);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, figure), ==, 1);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, section), ==, 1);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, after), ==, 1);
  for (guint i = 0; i < recorder.calls->len; i++)
    {
      if (call_at (&recorder, i)->block == figure)
        figure_call = i;
      if (call_at (&recorder, i)->block == section)
        section_call = i;
    }
  g_assert_cmpuint (figure_call, <, section_call);
  recorder_clear (&recorder);
}

/* A title page takes its page alone; a block taller than a page gets a page of its own and
 * pagination still ends. */
static void
test_full_page_and_oversized (void)
{
  g_autoptr(FuPageLayout) layout = fu_page_layout_new ();
  Recorder recorder;

  recorder_init (&recorder);
  add_fixed (layout, &recorder, 10, FU_PAGE_BLOCK_FULL_PAGE);
  add_fixed (layout, &recorder, 100, FU_PAGE_BLOCK_DEFAULT);
  add_fixed (layout, &recorder, 5000, FU_PAGE_BLOCK_DEFAULT);
  add_fixed (layout, &recorder, 100, FU_PAGE_BLOCK_BREAK_BEFORE);

  g_assert_cmpuint (paginate_and_draw (layout, &recorder, 72), ==, 4);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, 0), ==, 0);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, 1), ==, 1);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, 2), ==, 2);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, 3), ==, 3);
  /* The full page block is given the whole body, not what it measured. */
  g_assert_cmpfloat (call_at (&recorder, 0)->height, >, 900);
  recorder_clear (&recorder);
}

/* The print dialog may draw at any resolution: the pages are the same, and blocks still
 * work in points, on a context scaled to the surface. */
static void
test_resolution (void)
{
  g_autoptr(FuPageLayout) layout = fu_page_layout_new ();
  g_autoptr(GArray) pages72 = g_array_new (FALSE, FALSE, sizeof (int));
  Recorder recorder;
  double y72 = 0;

  recorder_init (&recorder);
  fu_page_layout_set_header (layout, "An office", "A title", "1 July 2016", NULL);
  for (guint i = 0; i < 12; i++)
    add_fixed (layout, &recorder, 90 + 20 * (i % 3), i % 4 == 0 ? FU_PAGE_BLOCK_KEEP_WITH_NEXT
                                                               : FU_PAGE_BLOCK_DEFAULT);

  g_assert_cmpuint (paginate_and_draw (layout, &recorder, 72), ==, 2);
  for (guint i = 0; i < 12; i++)
    {
      int page = fu_page_layout_get_block_page (layout, i);

      g_array_append_val (pages72, page);
    }
  y72 = call_at (&recorder, 1)->y;

  g_assert_cmpuint (paginate_and_draw (layout, &recorder, 300), ==, 2);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpint (fu_page_layout_get_block_page (layout, i), ==,
                     g_array_index (pages72, int, i));
  g_assert_cmpfloat_with_epsilon (call_at (&recorder, 1)->width, PAGE_WIDTH, 1e-6);
  /* The same place on the page, in device units. */
  g_assert_cmpfloat_with_epsilon (call_at (&recorder, 1)->y, y72 * 300 / 72, 1e-3);
  recorder_clear (&recorder);
}

/* Tables: rows are whole blocks, the column titles keep with the first row. */
static void
test_table (void)
{
  g_autoptr(FuPageLayout) layout = fu_page_layout_new ();
  FuPageTable *table = fu_page_table_new (3);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = fu_page_create_context (cr, 72);
  guint head, n_pages;

  fu_page_table_set_column (table, 0, "No.", 0, PANGO_ALIGN_LEFT);
  fu_page_table_set_column (table, 1, "Workshop subject to the survey", 1, PANGO_ALIGN_LEFT);
  fu_page_table_set_column (table, 2, "Replies", 0, PANGO_ALIGN_RIGHT);
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *number = g_strdup_printf ("(%u)", i + 1);
      const char *cells[] = { number, "WCO Regional Workshop on a topic long enough to wrap "
                              "onto a second line of its cell in the table", "12" };

      fu_page_table_add_row (table, FU_PAGE_ROW_NORMAL, cells);
    }
  g_assert_cmpuint (fu_page_table_get_n_rows (table), ==, 120);
  head = fu_page_layout_add_table (layout, table, FU_PAGE_BLOCK_DEFAULT);
  g_assert_cmpuint (fu_page_layout_get_n_blocks (layout), ==, 121);

  n_pages = fu_page_layout_paginate (layout, context, 500, 800);
  g_assert_cmpuint (n_pages, >, 2);
  g_assert_cmpint (fu_page_layout_get_block_page (layout, head), ==,
                   fu_page_layout_get_block_page (layout, head + 1));
  for (guint page = 0; page < n_pages; page++)
    fu_page_layout_draw_page (layout, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/page-layout/fill-pages", test_fill_pages);
  g_test_add_func ("/report/page-layout/keep-with-next", test_keep_with_next);
  g_test_add_func ("/report/page-layout/repeat", test_repeat);
  g_test_add_func ("/report/page-layout/float", test_float);
  g_test_add_func ("/report/page-layout/full-page", test_full_page_and_oversized);
  g_test_add_func ("/report/page-layout/resolution", test_resolution);
  g_test_add_func ("/report/page-layout/table", test_table);

  return g_test_run ();
}
