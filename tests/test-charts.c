/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The charts, checked as a reader would: the files open at the size asked, bars are as long
 * as their counts say, text never sits on other text, and an empty year says so. */
#define G_LOG_DOMAIN "test-charts"

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "fu-chart.h"
#include "fu-chart-axis.h"
#include "fu-chart-layers.h"
#include "fu-chart-private.h"
#include "fu-charts.h"
#include "fu-day.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-test-util.h"

#define FY2016 2016

/* The sample, loaded once: the charts only read it. */
static FuStore *sample_store;

/* Table 3 of the seed, direct effects realized and not, row by row. */
static const guint table3_yes[] = { 2, 9, 7, 13, 8, 5, 4, 1, 8, 10, 7, 12, 10 };
static const guint table3_no[] = { 3, 3, 1, 6, 5, 6, 3, 2, 5, 4, 3, 6, 5 };

static char *
make_tmp_dir (void)
{
  return fu_test_make_tmp_dir ("test-charts-XXXXXX");
}

static FuChart *
build_sample (FuChartKind kind)
{
  g_autoptr(GError) error = NULL;
  FuChart *chart = fu_charts_build (sample_store, kind, FY2016, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

/* Draws @chart on an image surface of @width × @height (@height 0: its natural height). */
static double
draw_chart (FuChart *chart,
            int      width,
            int      height)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (height <= 0)
    {
      double natural;

      fu_chart_get_natural_size (chart, width, &natural);
      height = (int) ceil (natural);
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  fu_chart_draw (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

static gboolean
text_overlaps (const FuChartTextRect *a,
               const FuChartTextRect *b)
{
  /* Half a unit of slack: neighbouring text may touch, not cover. */
  const double slack = 0.5;

  return a->x + slack < b->x + b->width && b->x + slack < a->x + a->width &&
         a->y + slack < b->y + b->height && b->y + slack < a->y + a->height;
}

static const char *
role_name (FuChartTextRole role)
{
  static const char * const names[] = {
    "title", "subtitle", "legend", "category", "tick", "axis-title", "value", "message",
  };

  return names[role];
}

/* No drawn text covers other text, and all of it lies within the chart. */
static void
assert_text_apart (FuChart *chart,
                   double   width,
                   double   height)
{
  const GArray *texts = fu_chart_get_drawn_text (chart);

  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      const FuChartTextRect *a = &g_array_index (texts, FuChartTextRect, i);

      if (a->x < -0.5 || a->y < -0.5 || a->x + a->width > width + 0.5 ||
          a->y + a->height > height + 0.5)
        {
          g_test_fail_printf ("%s %u at %.1f,%.1f %.1fx%.1f is outside the %.0fx%.0f chart",
                              role_name (a->role), a->index, a->x, a->y, a->width, a->height,
                              width, height);
          return;
        }

      for (guint j = i + 1; j < texts->len; j++)
        {
          const FuChartTextRect *b = &g_array_index (texts, FuChartTextRect, j);

          if (text_overlaps (a, b))
            {
              g_test_fail_printf ("%s %u (%.1f,%.1f %.1fx%.1f) overlaps %s %u "
                                  "(%.1f,%.1f %.1fx%.1f)",
                                  role_name (a->role), a->index, a->x, a->y, a->width, a->height,
                                  role_name (b->role), b->index, b->x, b->y, b->width,
                                  b->height);
              return;
            }
        }
    }
}

static guint
count_text (FuChart         *chart,
            FuChartTextRole  role)
{
  const GArray *texts = fu_chart_get_drawn_text (chart);
  guint n = 0;

  for (guint i = 0; i < texts->len; i++)
    if (g_array_index (texts, FuChartTextRect, i).role == role)
      n++;
  return n;
}

/* The distinct categories that got a label. */
static guint
count_labelled_categories (FuChart *chart)
{
  const GArray *texts = fu_chart_get_drawn_text (chart);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < texts->len; i++)
    {
      const FuChartTextRect *t = &g_array_index (texts, FuChartTextRect, i);

      if (t->role == FU_CHART_TEXT_CATEGORY)
        g_hash_table_add (seen, GUINT_TO_POINTER (t->index + 1));
    }
  return g_hash_table_size (seen);
}

/* The drawn bar of @series for @category, or NULL. */
static const FuChartRect *
lookup_rect (FuChart *chart,
             guint    series,
             guint    category)
{
  const GArray *rects = fu_chart_get_drawn_rects (chart);

  for (guint i = 0; i < rects->len; i++)
    {
      const FuChartRect *r = &g_array_index (rects, FuChartRect, i);

      if (r->series == series && r->category == category)
        return r;
    }
  return NULL;
}

/* The same, for a bar that must be there. */
static const FuChartRect *
find_rect (FuChart *chart,
           guint    series,
           guint    category)
{
  const FuChartRect *r = lookup_rect (chart, series, category);

  if (r == NULL)
    g_error ("no bar drawn for series %u of category %u", series, category);
  return r;
}

/* Whether @data (binary, with NUL bytes) holds @text. */
static gboolean
has_bytes (const char *data,
           gsize       len,
           const char *text)
{
  gsize n = strlen (text);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, text, n) == 0)
      return TRUE;
  return FALSE;
}

/* ---- Pure functions -------------------------------------------------------------------- */

static void
test_charts_short_title (void)
{
  static const struct {
    const char *title;
    const char *expected;
  } cases[] = {
    { "WCO Regional Workshop on Non-Intrusive Inspection", "Non-Intrusive Inspection" },
    { "WCO Sub-regional Workshop on Integrity for the Pacific", "Integrity for the Pacific" },
    /* The seed's Table 1 leaves "Workshop" out of this one. */
    { "WCO Sub-regional Integrity for the Pacific", "Integrity for the Pacific" },
    { "WCO Regional Workshop on Post Clearance Audit", "Post Clearance Audit" },
    { "WCO Train-the-trainer Workshop for the WCO Joint Enforcement Action against "
      "Counterfeiting and Piracy in the Asia/Pacific Region",
      "Train-the-trainer: Joint Enforcement Action against Counterfeiting and Piracy" },
    { "WCO Follow-Up Workshop for the WCO Joint Enforcement Action against Counterfeiting "
      "and Piracy in the Asia/Pacific Region",
      "Follow-Up: Joint Enforcement Action against Counterfeiting and Piracy" },
    { "WCO-UNESCAP 3rd UNNExt Masterclass: Digital Customs and Single Window in the Context "
      "of WTO TFA",
      "3rd UNNExt Masterclass: Digital Customs and Single Window in the Context of WTO TFA" },
    { "WCO-UPU Regional Workshop on Postal Items", "Postal Items" },
    { "WCO Sub-regional Workshop on Advance Ruling and Origin Certification for ASEAN Member "
      "Customs Administrations",
      "Advance Ruling and Origin Certification for ASEAN Member Customs Administrations" },
    { "National Workshop on the Revised Kyoto Convention", "Revised Kyoto Convention" },
    { "Regional Seminar on AEO", "AEO" },
    { "  Risk management  ", "Risk management" },
    { "Workshop on risk", "Risk" },
    /* Nothing would be left: the title stays as it is. */
    { "WCO", "WCO" },
    { "Regional Workshop", "Regional Workshop" },
    { "Séminaire régional sur l'origine", "Séminaire régional sur l'origine" },
    /* "WCOMP" is not the organizer. */
    { "WCOMP Review", "WCOMP Review" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = fu_workshop_short_title (cases[i].title);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_charts_month_label (void)
{
  g_autofree char *sep = fu_workshop_month_label (fu_day_new (2016, 9, 5));
  g_autofree char *jun = fu_workshop_month_label (fu_day_new (2017, 6, 30));
  g_autofree char *none = fu_workshop_month_label (FU_DAY_NONE);

  g_assert_cmpstr (sep, ==, "Sep 2016");
  g_assert_cmpstr (jun, ==, "Jun 2017");
  g_assert_cmpstr (none, ==, "");
}

static void
test_charts_kind_names (void)
{
  g_autoptr(GError) error = NULL;
  FuChartKind kind;

  for (guint k = 0; k < FU_N_CHART_KINDS; k++)
    {
      g_assert_true (fu_chart_kind_from_string (fu_chart_kind_to_string (k), &kind, NULL));
      g_assert_cmpint (kind, ==, k);
      g_assert_nonnull (fu_chart_kind_get_label (k));
    }
  g_assert_true (fu_chart_kind_from_string ("Direct-Effects", &kind, NULL));
  g_assert_cmpint (kind, ==, FU_CHART_KIND_DIRECT_EFFECTS);
  g_assert_cmpstr (fu_chart_kind_to_string (FU_CHART_KIND_REPLY_RATE), ==, "reply-rate");

  g_assert_false (fu_chart_kind_from_string ("pie", &kind, &error));
  g_assert_error (error, FU_CHART_ERROR, FU_CHART_ERROR_INVALID);
  /* The message offers the names to use. */
  g_assert_nonnull (strstr (error->message, "'pie'"));
  g_assert_nonnull (strstr (error->message, "direct-effects"));
  g_assert_nonnull (strstr (error->message, "reply-rate"));
}

static void
test_charts_axis (void)
{
  g_autoptr(FuChartAxis) counts = fu_chart_axis_new (FU_CHART_VALUE_COUNT);
  g_autoptr(FuChartAxis) percent = fu_chart_axis_new (FU_CHART_VALUE_PERCENT);
  g_autoptr(GArray) ticks = NULL;
  g_autofree char *twelve = NULL;
  g_autofree char *rate = NULL;
  double min, max;

  g_assert_cmpfloat (fu_chart_nice_step (0.7), ==, 1.0);
  g_assert_cmpfloat (fu_chart_nice_step (1.0), ==, 1.0);
  g_assert_cmpfloat (fu_chart_nice_step (1.4), ==, 2.0);
  g_assert_cmpfloat (fu_chart_nice_step (3.2), ==, 5.0);
  g_assert_cmpfloat (fu_chart_nice_step (7.0), ==, 10.0);
  g_assert_cmpfloat (fu_chart_nice_step (24.0), ==, 50.0);
  g_assert_cmpfloat_with_epsilon (fu_chart_nice_step (0.03), 0.05, 1e-12);

  /* 19 replies at most, room for 6 ticks: 0 to 20 by 5. */
  fu_chart_axis_fit (counts, 19, 6);
  fu_chart_axis_get_range (counts, &min, &max);
  g_assert_cmpfloat (min, ==, 0.0);
  g_assert_cmpfloat (max, ==, 20.0);
  g_assert_cmpfloat (fu_chart_axis_get_step (counts), ==, 5.0);
  ticks = fu_chart_axis_get_ticks (counts);
  g_assert_cmpuint (ticks->len, ==, 5);
  g_assert_cmpfloat (g_array_index (ticks, double, 4), ==, 20.0);
  g_assert_cmpfloat (fu_chart_axis_normalize (counts, 0), ==, 0.0);
  g_assert_cmpfloat (fu_chart_axis_normalize (counts, 5), ==, 0.25);
  g_assert_cmpfloat (fu_chart_axis_normalize (counts, 20), ==, 1.0);

  /* Counts never step by halves; an all-zero chart still has a range. */
  fu_chart_axis_fit (counts, 2, 10);
  g_assert_cmpfloat (fu_chart_axis_get_step (counts), ==, 1.0);
  fu_chart_axis_fit (counts, 0, 5);
  fu_chart_axis_get_range (counts, &min, &max);
  g_assert_cmpfloat (max, >, min);
  twelve = fu_chart_axis_format_value (counts, 12);
  g_assert_cmpstr (twelve, ==, "12");

  /* A percentage axis is 0 to 100 whatever the data. */
  g_assert_true (fu_chart_axis_has_fixed_range (percent));
  fu_chart_axis_fit (percent, 57, 5);
  fu_chart_axis_get_range (percent, &min, &max);
  g_assert_cmpfloat (max, ==, 100.0);
  g_assert_cmpfloat (fu_chart_axis_get_step (percent), ==, 20.0);
  g_assert_cmpfloat (fu_chart_axis_normalize (percent, 57), ==, 0.57);
  rate = fu_chart_axis_format_value (percent, 56.7);
  g_assert_cmpstr (rate, ==, "57%");
}

static void
test_charts_contrast (void)
{
  FuChartStyle style;
  FuChartColor ink;

  fu_chart_style_init_print (&style);
  /* White on the palette's blue, black on its orange and on the neutral grey. */
  fu_chart_contrast_color (&style.series[0], &ink);
  g_assert_cmpfloat (ink.red, ==, 1.0f);
  fu_chart_contrast_color (&style.series[1], &ink);
  g_assert_cmpfloat (ink.red, ==, 0.0f);
  fu_chart_contrast_color (&style.neutral, &ink);
  g_assert_cmpfloat (ink.red, ==, 0.0f);
  /* Every palette colour differs from the others. */
  for (guint i = 0; i < FU_CHART_N_COLORS; i++)
    for (guint j = i + 1; j < FU_CHART_N_COLORS; j++)
      g_assert_true (memcmp (&style.series[i], &style.series[j], sizeof (FuChartColor)) != 0);
}

/* ---- The sample's charts --------------------------------------------------------------- */

static void
test_charts_files (void)
{
  g_autofree char *dir = make_tmp_dir ();

  for (guint k = 0; k < FU_N_CHART_KINDS; k++)
    {
      g_autoptr(FuChart) chart = build_sample (k);
      const char *name = fu_chart_kind_to_string (k);
      g_autofree char *png = g_strdup_printf ("%s/%s.png", dir, name);
      g_autofree char *natural_png = g_strdup_printf ("%s/%s-natural.PNG", dir, name);
      g_autofree char *svg = g_strdup_printf ("%s/%s.svg", dir, name);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, name);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      cairo_surface_t *image;
      double natural;
      gsize len;

      g_test_message ("chart %s", name);
      g_assert_false (fu_chart_is_empty (chart));

      g_assert_true (fu_chart_write (chart, png, FU_CHART_FORMAT_AUTO, 640, 480, &error));
      g_assert_no_error (error);
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 480);
      cairo_surface_destroy (image);

      /* Without a height, the chart is as tall as it needs. */
      fu_chart_get_natural_size (chart, 900, &natural);
      g_assert_true (fu_chart_write (chart, natural_png, FU_CHART_FORMAT_AUTO, 900, 0, &error));
      g_assert_no_error (error);
      image = cairo_image_surface_create_from_png (natural_png);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 900);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (natural));
      cairo_surface_destroy (image);

      g_assert_true (fu_chart_write (chart, svg, FU_CHART_FORMAT_AUTO, 640, 480, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (svg, &contents, &len, NULL));
      g_assert_true (g_str_has_prefix (contents, "<?xml"));
      g_assert_nonnull (strstr (contents, "<svg"));
      g_assert_nonnull (strstr (contents, "width=\"640"));
      g_assert_nonnull (strstr (contents, "height=\"480"));
      g_clear_pointer (&contents, g_free);

      g_assert_true (fu_chart_write (chart, pdf, FU_CHART_FORMAT_AUTO, 640, 480, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 1000);
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      /* The page is the size asked, in points. */
      g_assert_true (has_bytes (contents, len, "/MediaBox [ 0 0 640 480 ]"));
      g_clear_pointer (&contents, g_free);
    }

  fu_test_remove_tree (dir);
}

static void
test_charts_write_errors (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *gif = g_build_filename (dir, "chart.gif", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(FuChart) chart = build_sample (FU_CHART_KIND_DIRECT_EFFECTS);
  g_autoptr(GError) error = NULL;
  FuChartFormat format;

  g_assert_false (fu_chart_write (chart, gif, FU_CHART_FORMAT_AUTO, 640, 480, &error));
  g_assert_error (error, FU_CHART_ERROR, FU_CHART_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "chart.gif"));
  g_assert_false (g_file_test (gif, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (fu_chart_format_from_path ("a/Chart.SVG", &format, NULL));
  g_assert_cmpint (format, ==, FU_CHART_FORMAT_SVG);
  g_assert_true (fu_chart_format_from_path ("x.pdf", &format, NULL));
  g_assert_cmpint (format, ==, FU_CHART_FORMAT_PDF);

  /* A size out of range leaves an existing file as it was. */
  g_assert_true (g_file_set_contents (png, "old", -1, NULL));
  g_assert_false (fu_chart_write (chart, png, FU_CHART_FORMAT_AUTO, 10, 480, &error));
  g_assert_error (error, FU_CHART_ERROR, FU_CHART_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_assert_false (fu_chart_write (chart, missing, FU_CHART_FORMAT_PNG, 640, 480, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  fu_test_remove_tree (dir);
}

/* Bars are as long as their counts: the seed's Table 3, measured in pixels. */
static void
test_charts_proportional (void)
{
  g_autoptr(FuChart) chart = build_sample (FU_CHART_KIND_DIRECT_EFFECTS);
  const FuChartRect *longest;
  double per_reply;

  g_assert_cmpuint (fu_chart_get_n_categories (chart), ==, G_N_ELEMENTS (table3_yes));
  /* No reply left Q3 blank: no "No answer" series. */
  g_assert_cmpuint (fu_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (fu_chart_get_series_name (chart, 0), ==, "Realized");
  g_assert_cmpstr (fu_chart_get_series_name (chart, 1), ==, "Not realized");

  draw_chart (chart, 800, 0);

  /* Post Clearance Audit's 13 realized is the longest realized part. */
  longest = find_rect (chart, 0, 3);
  g_assert_nonnull (longest);
  g_assert_cmpfloat (longest->value, ==, 13);
  per_reply = longest->width / longest->value;
  g_assert_cmpfloat (per_reply, >, 5.0);

  for (guint c = 0; c < G_N_ELEMENTS (table3_yes); c++)
    {
      const FuChartRect *yes = find_rect (chart, 0, c);
      const FuChartRect *no = find_rect (chart, 1, c);

      g_assert_nonnull (yes);
      g_assert_nonnull (no);
      g_assert_cmpfloat (yes->value, ==, table3_yes[c]);
      g_assert_cmpfloat (no->value, ==, table3_no[c]);
      g_assert_cmpfloat_with_epsilon (yes->width, table3_yes[c] * per_reply, 0.5);
      g_assert_cmpfloat_with_epsilon (no->width, table3_no[c] * per_reply, 0.5);
      /* Stacked: "not realized" starts where "realized" ends, on the same row. */
      g_assert_cmpfloat_with_epsilon (no->x, yes->x + yes->width, 0.01);
      g_assert_cmpfloat (no->y, ==, yes->y);
      g_assert_cmpfloat (no->height, ==, yes->height);
      /* Rows go down in the table's order, all starting at zero. */
      g_assert_cmpfloat_with_epsilon (yes->x, longest->x, 0.01);
      if (c > 0)
        g_assert_cmpfloat (yes->y, >, find_rect (chart, 0, c - 1)->y + yes->height);
    }

  /* The same at another size. */
  draw_chart (chart, 1400, 500);
  longest = find_rect (chart, 0, 3);
  per_reply = longest->width / 13;
  for (guint c = 0; c < G_N_ELEMENTS (table3_yes); c++)
    g_assert_cmpfloat_with_epsilon (find_rect (chart, 0, c)->width, table3_yes[c] * per_reply,
                                    0.5);
}

/* Columns of the year's actions are as tall as Table 2's total row. */
static void
test_charts_proportional_columns (void)
{
  static const guint totals[FU_N_ACTIONS] = { 109, 120, 83, 47, 27, 34 };
  g_autoptr(FuChart) chart = build_sample (FU_CHART_KIND_ACTIONS_YEAR);
  double per_reply;
  double baseline;

  draw_chart (chart, 800, 500);
  per_reply = find_rect (chart, 0, 1)->height / 120;
  baseline = find_rect (chart, 0, 0)->y + find_rect (chart, 0, 0)->height;
  for (guint a = 0; a < FU_N_ACTIONS; a++)
    {
      const FuChartRect *r = find_rect (chart, 0, a);

      g_assert_nonnull (r);
      g_assert_cmpfloat (r->value, ==, totals[a]);
      g_assert_cmpfloat_with_epsilon (r->height, totals[a] * per_reply, 0.5);
      g_assert_cmpfloat_with_epsilon (r->y + r->height, baseline, 0.01);
      if (a > 0)
        g_assert_cmpfloat (r->x, >, find_rect (chart, 0, a - 1)->x);
    }
}

static void
test_charts_no_overlap (void)
{
  static const int sizes[][2] = { { 800, 0 }, { 640, 480 }, { 480, 320 }, { 1600, 900 } };

  for (guint k = 0; k < FU_N_CHART_KINDS; k++)
    {
      g_autoptr(FuChart) chart = build_sample (k);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          double height;

          g_test_message ("chart %s at %d × %d", fu_chart_kind_to_string (k), sizes[s][0],
                          sizes[s][1]);
          height = draw_chart (chart, sizes[s][0], sizes[s][1]);
          assert_text_apart (chart, sizes[s][0], height);
          g_assert_cmpuint (count_text (chart, FU_CHART_TEXT_TITLE), ==, 1);
        }

      /* At its natural size every category has its label. */
      draw_chart (chart, 800, 0);
      g_assert_cmpuint (count_labelled_categories (chart), ==,
                        fu_chart_get_n_categories (chart));
    }
}

static void
test_charts_describe (void)
{
  g_autoptr(FuChart) effects = build_sample (FU_CHART_KIND_DIRECT_EFFECTS);
  g_autoptr(FuChart) contribution = build_sample (FU_CHART_KIND_CONTRIBUTION);
  g_autoptr(FuChart) projects = build_sample (FU_CHART_KIND_PROJECTS);
  g_autoptr(FuChart) rate = build_sample (FU_CHART_KIND_REPLY_RATE);
  g_autoptr(FuChart) admins = build_sample (FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS);
  g_autoptr(FuChart) actions = build_sample (FU_CHART_KIND_ACTIONS);
  g_autofree char *text = fu_chart_describe (effects);
  g_autofree char *text4 = fu_chart_describe (contribution);
  g_autofree char *text5 = fu_chart_describe (projects);
  g_autofree char *rate_text = fu_chart_describe (rate);
  g_autofree char *admin_text = fu_chart_describe (admins);
  g_autofree char *actions_text = fu_chart_describe (actions);
  g_autofree char *tooltip = NULL;
  const FuChartRect *rect;

  /* The seed's totals, as its tables write them. */
  g_assert_cmpstr (fu_chart_get_title (effects), ==, "96 of 148 replies (65%) saw direct effects");
  g_assert_true (g_str_has_prefix (text, "96 of 148 replies (65%) saw direct effects."));
  g_assert_nonnull (strstr (text, "Non-Intrusive Inspection (Sep 2016): Realized: 9 of 12 (75%); "
                                  "Not realized: 3 of 12 (25%)."));
  g_assert_nonnull (strstr (text, "Customs Valuation (Jun 2017)"));
  g_assert_nonnull (strstr (text4, "142 of 148 replies (96%)"));
  /* Table 4's last row: 14 yes, 0 no, one blank. */
  g_assert_nonnull (strstr (text4, "Customs Valuation (Jun 2017): Contributed: 14 of 15 (93%); "
                                   "No answer: 1 of 15 (7%)."));
  g_assert_nonnull (strstr (text4, "Non-Intrusive Inspection (Sep 2016): Contributed: 12 of 12 "
                                   "(100%). "));
  g_assert_nonnull (strstr (text5, "96 of 148 replies (65%)"));
  g_assert_nonnull (strstr (rate_text, "Reply rate 57% in FY2016/17 (148 of 261 participants)"));
  g_assert_true (g_str_has_suffix (rate_text, "FY2016/17: Reply rate: 57%."));
  g_assert_nonnull (strstr (admin_text, "148 of 261 participants replied (57%)"));
  g_assert_nonnull (strstr (actions_text, "Post Clearance Audit (Sep 2016): Shared training "
                                          "materials: 15; Submitted a mission report: 16;"));

  /* The tooltip of the bar under the pointer. */
  draw_chart (effects, 800, 0);
  rect = find_rect (effects, 0, 1);
  g_assert_nonnull (rect);
  g_assert_true (fu_chart_hit_test (effects, rect->x + rect->width / 2,
                                    rect->y + rect->height / 2) == rect);
  g_assert_null (fu_chart_hit_test (effects, 1, 1));
  tooltip = fu_chart_describe_rect (effects, rect);
  g_assert_cmpstr (tooltip, ==, "Non-Intrusive Inspection (Sep 2016)\nRealized: 9 of 12 (75%)");
}

static void
test_charts_reply_rate_administrations (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(FuChart) chart = build_sample (FU_CHART_KIND_REPLY_RATE_ADMINISTRATIONS);
  guint participants = 0, replies = 0;
  double previous = G_MAXDOUBLE;
  FuDay from = fu_day_new (2016, 7, 1);
  FuDay to = fu_day_new (2017, 6, 30);

  rates = fu_store_reply_rate_by_administration (sample_store, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, >, 20);
  for (guint i = 0; i < rates->len; i++)
    {
      const FuAdministrationRate *rate = g_ptr_array_index (rates, i);

      g_assert_cmpuint (rate->replies, <=, rate->participants);
      participants += rate->participants;
      replies += rate->replies;
      if (i > 0)
        {
          const FuAdministrationRate *before = g_ptr_array_index (rates, i - 1);

          g_assert_cmpint (g_utf8_collate (before->name, rate->name), <, 0);
        }
    }
  /* Table 1's total: 148 replies of 261. */
  g_assert_cmpuint (participants, ==, 261);
  g_assert_cmpuint (replies, ==, 148);

  /* The chart: one bar per administration, highest rate first. */
  g_assert_cmpuint (fu_chart_get_n_categories (chart), ==, rates->len);
  draw_chart (chart, 800, 0);
  for (guint c = 0; c < rates->len; c++)
    {
      const FuChartRect *r = lookup_rect (chart, 0, c);

      if (r == NULL)   /* a rate of 0 draws no bar */
        continue;
      g_assert_cmpfloat (r->value, <=, previous);
      previous = r->value;
    }

  /* Another year has none. */
  g_clear_pointer (&rates, g_ptr_array_unref);
  rates = fu_store_reply_rate_by_administration (sample_store, fu_day_new (2019, 7, 1),
                                                 fu_day_new (2020, 6, 30), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rates->len, ==, 0);
}

/* ---- Other data ------------------------------------------------------------------------ */

/* A surveyed workshop with @n_participants from Fiji, the first @n_replies of whom replied
 * yes to Q3 when their number is even. */
static void
add_workshop (FuStore    *store,
              const char *code,
              const char *title,
              FuDay       start,
              guint       n_participants,
              guint       n_replies)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  gint64 workshop_id, admin_id;

  workshop->code = g_strdup (code);
  workshop->title = g_strdup (title);
  workshop->start_date = start;
  workshop->end_date = start;
  workshop_id = fu_store_add_workshop (store, workshop, &error);
  g_assert_no_error (error);
  g_assert_true (fu_store_lookup_administration (store, "Fiji", &admin_id, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_participants; i++)
    {
      g_autoptr(FuParticipant) participant = fu_participant_new ();
      gint64 participant_id, attendance_id, followup_id;

      participant->name = g_strdup_printf ("%s participant %u", code, i);
      participant->administration_id = admin_id;
      participant_id = fu_store_add_participant (store, participant, &error);
      g_assert_no_error (error);
      attendance_id = fu_store_add_attendance (store, workshop_id, participant_id, &error);
      g_assert_no_error (error);
      g_assert_true (fu_store_lookup_followup (store, attendance_id, &followup_id, &error));
      g_assert_no_error (error);

      if (i < n_replies)
        {
          g_autoptr(FuReply) reply = fu_reply_new ();

          reply->followup_id = followup_id;
          reply->received_date = fu_day_add_months (start, 7);
          reply->actions[FU_ACTION_SHARED_MATERIALS] = TRUE;
          reply->direct_effects = i % 2 == 0 ? FU_ANSWER_YES : FU_ANSWER_NO;
          reply->contributed = FU_ANSWER_YES;
          reply->project_initiated = i % 3 == 0 ? FU_ANSWER_UNANSWERED : FU_ANSWER_NO;
          g_assert_true (fu_store_save_reply (store, reply, FALSE, &error));
          g_assert_no_error (error);
        }
    }
}

static void
test_charts_empty_year (void)
{
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");
  g_autofree char *dir = make_tmp_dir ();

  /* A year with a workshop nobody has answered for yet, and a year with nothing. */
  add_workshop (store, "2018-A", "WCO Regional Workshop on Nothing Yet", fu_day_new (2018, 9, 3),
                3, 0);

  for (guint k = 0; k < FU_N_CHART_KINDS; k++)
    {
      const guint years[] = { 2018, 2019 };

      for (guint y = 0; y < G_N_ELEMENTS (years); y++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(FuChart) chart = fu_charts_build (store, k, years[y], &error);
          g_autofree char *text = NULL;
          g_autofree char *png = g_strdup_printf ("%s/%s-%u.png", dir,
                                                  fu_chart_kind_to_string (k), years[y]);
          cairo_surface_t *image;

          g_assert_no_error (error);
          g_assert_nonnull (chart);
          text = fu_chart_describe (chart);

          if (k == FU_CHART_KIND_REPLY_RATE)
            {
              /* FY2018/19 has a point (0%); nothing before it. */
              continue;
            }

          g_test_message ("%s for %u: %s", fu_chart_kind_to_string (k), years[y], text);
          g_assert_true (fu_chart_is_empty (chart));
          if (years[y] == 2018)
            g_assert_nonnull (strstr (text, "No replies in FY2018/19 yet."));
          else
            g_assert_nonnull (strstr (text, "No replies in FY2019/20"));

          draw_chart (chart, 600, 400);
          g_assert_cmpuint (fu_chart_get_drawn_rects (chart)->len, ==, 0);
          g_assert_cmpuint (count_text (chart, FU_CHART_TEXT_MESSAGE), ==, 1);
          assert_text_apart (chart, 600, 400);

          g_assert_true (fu_chart_write (chart, png, FU_CHART_FORMAT_AUTO, 600, 0, &error));
          g_assert_no_error (error);
          image = cairo_image_surface_create_from_png (png);
          g_assert_cmpint (cairo_image_surface_get_width (image), ==, 600);
          g_assert_cmpint (cairo_image_surface_get_height (image), >, 100);
          cairo_surface_destroy (image);
        }
    }

  /* The trend of an empty database is empty too. */
  {
    g_autoptr(FuStore) empty = fu_test_open_store (":memory:");
    g_autoptr(FuChart) chart = fu_charts_build (empty, FU_CHART_KIND_REPLY_RATE, 0, NULL);

    double height;

    g_assert_true (fu_chart_is_empty (chart));
    height = draw_chart (chart, 600, 0);
    assert_text_apart (chart, 600, height);
  }

  fu_test_remove_tree (dir);
}

static void
test_charts_one_workshop (void)
{
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");

  add_workshop (store, "2018-A", "WCO Regional Workshop on Customs Valuation",
                fu_day_new (2018, 9, 3), 5, 4);

  for (guint k = 0; k < FU_N_CHART_KINDS; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FuChart) chart = fu_charts_build (store, k, 2018, &error);
      double height;

      g_assert_no_error (error);
      g_assert_false (fu_chart_is_empty (chart));
      height = draw_chart (chart, 700, 0);
      assert_text_apart (chart, 700, height);
      g_assert_cmpuint (count_labelled_categories (chart), ==, fu_chart_get_n_categories (chart));
      g_assert_cmpuint (fu_chart_get_drawn_rects (chart)->len, >, 0);
    }

  {
    g_autoptr(FuChart) chart = fu_charts_build (store, FU_CHART_KIND_DIRECT_EFFECTS, 2018, NULL);
    g_autoptr(FuChart) projects = fu_charts_build (store, FU_CHART_KIND_PROJECTS, 2018, NULL);

    /* 4 replies: numbers 0 and 2 saw effects. */
    g_assert_cmpstr (fu_chart_get_title (chart), ==, "2 of 4 replies (50%) saw direct effects");
    g_assert_cmpuint (fu_chart_get_n_categories (chart), ==, 1);
    /* Q5: two left blank (numbers 0 and 3), so a "No answer" part. */
    g_assert_cmpuint (fu_chart_get_n_series (projects), ==, 3);
    g_assert_cmpstr (fu_chart_get_series_name (projects, 2), ==, "No answer");
    draw_chart (projects, 700, 0);
    g_assert_cmpfloat (find_rect (projects, 2, 0)->value, ==, 2);
  }
}

static void
test_charts_many_workshops (void)
{
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");
  g_autoptr(FuChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  double natural, natural_13;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *png = g_build_filename (dir, "many.png", NULL);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("2018-%02u", i);
      g_autofree char *title = g_strdup_printf ("WCO Regional Workshop on the Very Long and "
                                                "Detailed Subject Number %u of the Programme for "
                                                "Customs Modernization in the Asia/Pacific Region",
                                                i);

      guint month = 7 + i % 12;

      /* July 2018 to June 2019: all in FY2018/19. */
      add_workshop (store, code, title,
                    fu_day_new (month > 12 ? 2019 : 2018, (month - 1) % 12 + 1, 1 + i % 28),
                    1 + i % 7, i % 7);
    }

  chart = fu_charts_build (store, FU_CHART_KIND_DIRECT_EFFECTS, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fu_chart_get_n_categories (chart), ==, 40);

  /* The chart grows with its rows: 40 rows need about three times the height of 13. */
  fu_chart_get_natural_size (chart, 800, &natural);
  {
    g_autoptr(FuChart) sample = build_sample (FU_CHART_KIND_DIRECT_EFFECTS);

    fu_chart_get_natural_size (sample, 800, &natural_13);
  }
  g_assert_cmpfloat (natural, >, natural_13 * 2);

  /* At its natural size: every row labelled, its title shortened, nothing overlapping. */
  draw_chart (chart, 800, 0);
  assert_text_apart (chart, 800, natural);
  g_assert_cmpuint (count_labelled_categories (chart), ==, 40);
  for (guint i = 0; i < fu_chart_get_drawn_text (chart)->len; i++)
    {
      const FuChartTextRect *t = &g_array_index (fu_chart_get_drawn_text (chart),
                                                 FuChartTextRect, i);

      /* Rows are at least as tall as their text. */
      if (t->role == FU_CHART_TEXT_CATEGORY)
        g_assert_cmpfloat (t->height, >=, 12.0);
    }

  /* Squeezed into a small picture: text shrinks or thins out, never overlaps. */
  draw_chart (chart, 800, 400);
  assert_text_apart (chart, 800, 400);
  g_assert_cmpuint (count_labelled_categories (chart), >, 10);
  draw_chart (chart, 300, 200);
  assert_text_apart (chart, 300, 200);

  /* The other charts of that year too. */
  for (guint k = 0; k < FU_N_CHART_KINDS; k++)
    {
      g_autoptr(FuChart) other = fu_charts_build (store, k, 2018, &error);
      double height;

      g_assert_no_error (error);
      height = draw_chart (other, 800, 0);
      assert_text_apart (other, 800, height);
    }

  g_assert_true (fu_chart_write (chart, png, FU_CHART_FORMAT_AUTO, 800, 0, &error));
  g_assert_no_error (error);
  fu_test_remove_tree (dir);
}

/* The screen passes its theme's colours and font: dark, larger text. */
static void
test_charts_theme_style (void)
{
  g_autoptr(FuChart) chart = build_sample (FU_CHART_KIND_DIRECT_EFFECTS);
  FuChartStyle style;
  double print_height, themed_height;

  fu_chart_get_natural_size (chart, 800, &print_height);

  fu_chart_style_init_print (&style);
  style.foreground = (FuChartColor) { 1, 1, 1, 1 };
  style.secondary = (FuChartColor) { 0.8f, 0.8f, 0.8f, 1 };
  style.background = (FuChartColor) { 0.14f, 0.14f, 0.14f, 1 };
  style.grid = (FuChartColor) { 0.3f, 0.3f, 0.3f, 1 };
  style.font = "Cantarell 13";
  fu_chart_set_style (chart, &style);
  g_assert_cmpstr (fu_chart_get_style (chart)->font, ==, "Cantarell 13");

  /* Larger text, taller rows. */
  fu_chart_get_natural_size (chart, 800, &themed_height);
  g_assert_cmpfloat (themed_height, >, print_height);
  draw_chart (chart, 800, 0);
  assert_text_apart (chart, 800, themed_height);

  /* A file has the print palette: white paper, whatever the screen's theme. */
  {
    g_autofree char *dir = make_tmp_dir ();
    g_autofree char *png = g_build_filename (dir, "themed.png", NULL);
    g_autoptr(GError) error = NULL;
    cairo_surface_t *image;
    const guint32 *pixels;

    g_assert_true (fu_chart_write (chart, png, FU_CHART_FORMAT_PNG, 400, 300, &error));
    g_assert_no_error (error);
    image = cairo_image_surface_create_from_png (png);
    cairo_surface_flush (image);
    pixels = (const guint32 *) cairo_image_surface_get_data (image);
    g_assert_cmphex (pixels[0], ==, 0xffffffff);
    cairo_surface_destroy (image);
    fu_test_remove_tree (dir);
  }
  /* ... and the screen keeps its own. */
  g_assert_cmpstr (fu_chart_get_style (chart)->font, ==, "Cantarell 13");
  g_assert_cmpfloat (fu_chart_get_style (chart)->background.red, ==, 0.14f);
}

/* A file is measured as it is drawn, with the print style: a chart the screen styled with a
 * larger font and another resolution gets the same natural height as a print-styled one. */
static void
test_charts_file_natural_height (void)
{
  g_autoptr(FuChart) printed = build_sample (FU_CHART_KIND_DIRECT_EFFECTS);
  g_autoptr(FuChart) themed = build_sample (FU_CHART_KIND_DIRECT_EFFECTS);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *printed_png = g_build_filename (dir, "printed.png", NULL);
  g_autofree char *themed_png = g_build_filename (dir, "themed.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  FuChartStyle style;
  double print_height, themed_height;
  int printed_png_height, themed_png_height;

  fu_chart_style_init_print (&style);
  style.font = "Sans 14";
  style.resolution = 120.0;
  fu_chart_set_style (themed, &style);
  fu_chart_get_natural_size (printed, 700, &print_height);
  fu_chart_get_natural_size (themed, 700, &themed_height);
  /* The screen's style does make the chart taller on screen. */
  g_assert_cmpfloat (themed_height, >, print_height + 1);

  g_assert_true (fu_chart_write (printed, printed_png, FU_CHART_FORMAT_PNG, 700, 0, &error));
  g_assert_no_error (error);
  g_assert_true (fu_chart_write (themed, themed_png, FU_CHART_FORMAT_PNG, 700, 0, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (printed_png);
  printed_png_height = cairo_image_surface_get_height (image);
  cairo_surface_destroy (image);
  image = cairo_image_surface_create_from_png (themed_png);
  themed_png_height = cairo_image_surface_get_height (image);
  cairo_surface_destroy (image);
  g_assert_cmpint (printed_png_height, ==, (int) ceil (print_height));
  g_assert_cmpint (themed_png_height, ==, printed_png_height);

  /* The screen keeps its own style. */
  g_assert_cmpstr (fu_chart_get_style (themed)->font, ==, "Sans 14");
  g_assert_cmpfloat (fu_chart_get_style (themed)->resolution, ==, 120.0);
  fu_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sample_store = fu_test_open_store (":memory:");
  fu_test_load_sample (sample_store);

  g_test_add_func ("/report/charts/short-title", test_charts_short_title);
  g_test_add_func ("/report/charts/month-label", test_charts_month_label);
  g_test_add_func ("/report/charts/kind-names", test_charts_kind_names);
  g_test_add_func ("/report/charts/axis", test_charts_axis);
  g_test_add_func ("/report/charts/contrast", test_charts_contrast);
  g_test_add_func ("/report/charts/files", test_charts_files);
  g_test_add_func ("/report/charts/write-errors", test_charts_write_errors);
  g_test_add_func ("/report/charts/proportional", test_charts_proportional);
  g_test_add_func ("/report/charts/proportional-columns", test_charts_proportional_columns);
  g_test_add_func ("/report/charts/no-overlap", test_charts_no_overlap);
  g_test_add_func ("/report/charts/describe", test_charts_describe);
  g_test_add_func ("/report/charts/reply-rate-administrations",
                   test_charts_reply_rate_administrations);
  g_test_add_func ("/report/charts/empty-year", test_charts_empty_year);
  g_test_add_func ("/report/charts/one-workshop", test_charts_one_workshop);
  g_test_add_func ("/report/charts/many-workshops", test_charts_many_workshops);
  g_test_add_func ("/report/charts/theme-style", test_charts_theme_style);
  g_test_add_func ("/report/charts/file-natural-height", test_charts_file_natural_height);

  status = g_test_run ();
  g_clear_object (&sample_store);
  return status;
}
