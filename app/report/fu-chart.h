/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-chart.h: a chart is a container that stacks drawing layers (fu-chart-layers.h) over
 * shared axes: one row or column per category (a workshop, a fiscal year) and one value
 * axis (fu-chart-axis.h) that normalizes values to 0..1. The chart lays out its title,
 * legend, category labels and axis from the sizes of their text, then lets each layer draw
 * into the plot area. The same code draws on the screen (colours from the theme), in print
 * and into PNG, SVG and PDF files (a fixed print palette). It remembers what it drew, so that
 * the screen can show a tooltip for the bar under the pointer and tests can measure bars. */
#pragma once

#include <glib-object.h>
#include <cairo.h>

#include "fu-chart-axis.h"

G_BEGIN_DECLS

#define FU_CHART_ERROR (fu_chart_error_quark ())

typedef enum {
  FU_CHART_ERROR_FORMAT,   /* a file name whose extension is not .png, .svg or .pdf */
  FU_CHART_ERROR_INVALID,  /* an unknown chart kind, a size out of range */
  FU_CHART_ERROR_FAILED,   /* cairo could not draw or write */
} FuChartError;

GQuark fu_chart_error_quark (void);

/* Same layout as GTK 4's GdkRGBA, so the screen can pass theme colours as they are. */
typedef struct {
  float red;
  float green;
  float blue;
  float alpha;
} FuChartColor;

#define FU_CHART_N_COLORS 8
/* A series coloured with the style's neutral colour ("no answer") instead of the palette. */
#define FU_CHART_COLOR_NEUTRAL (-1)

typedef struct {
  FuChartColor  foreground;   /* titles, labels, axis line */
  FuChartColor  secondary;    /* subtitle, tick labels, axis caption */
  FuChartColor  background;   /* alpha 0: transparent */
  FuChartColor  grid;
  FuChartColor  neutral;      /* "no answer" */
  FuChartColor  series[FU_CHART_N_COLORS];
  const char   *font;         /* the base font, e.g. "Sans 10"; titles are larger */
  double        resolution;   /* Pango's dots per inch: 96 on screen and in files */
} FuChartStyle;

/* The fixed print palette: black on white, and the Okabe-Ito colours that readers with any
 * common colour-vision deficiency can tell apart (blue, orange, bluish green, vermillion,
 * sky blue, reddish purple, yellow, black). */
void      fu_chart_style_init_print    (FuChartStyle *style);

typedef enum {
  FU_CHART_HORIZONTAL,   /* categories down the side, values across (bar charts) */
  FU_CHART_VERTICAL,     /* categories along the bottom, values upwards (columns, lines) */
} FuChartOrientation;

typedef enum {
  FU_CHART_FORMAT_AUTO,  /* from the file name's extension */
  FU_CHART_FORMAT_PNG,
  FU_CHART_FORMAT_SVG,
  FU_CHART_FORMAT_PDF,
} FuChartFormat;

/* A bar, segment or point the chart drew, in the units of the cairo context it drew on.
 * @series indexes the chart's series (fu_chart_get_series_name), @category its categories. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
  guint  series;
  guint  category;
  double value;
} FuChartRect;

typedef enum {
  FU_CHART_TEXT_TITLE,
  FU_CHART_TEXT_SUBTITLE,
  FU_CHART_TEXT_LEGEND,
  FU_CHART_TEXT_CATEGORY,
  FU_CHART_TEXT_TICK,
  FU_CHART_TEXT_AXIS_TITLE,
  FU_CHART_TEXT_VALUE,     /* a count in or beside a bar, a point's label */
  FU_CHART_TEXT_MESSAGE,   /* "No replies in FY2017/18" */
} FuChartTextRole;

/* The logical extents of a piece of text the chart drew. */
typedef struct {
  double          x;
  double          y;
  double          width;
  double          height;
  FuChartTextRole role;
  guint           index;   /* category, series or tick index; 0 otherwise */
} FuChartTextRect;

typedef struct _FuChartLayer FuChartLayer;

#define FU_TYPE_CHART (fu_chart_get_type ())
G_DECLARE_FINAL_TYPE (FuChart, fu_chart, FU, CHART, GObject)

/* A chart with the print style and a count axis. */
FuChart            *fu_chart_new                 (FuChartOrientation orientation);
FuChartOrientation  fu_chart_get_orientation     (FuChart *self);

const char         *fu_chart_get_title           (FuChart *self);
void                fu_chart_set_title           (FuChart *self, const char *title);
const char         *fu_chart_get_subtitle        (FuChart *self);
void                fu_chart_set_subtitle        (FuChart *self, const char *subtitle);
/* Shown instead of the plot when there is nothing to plot (no category, or
 * fu_chart_set_empty with TRUE): "No replies in FY2017/18". */
const char         *fu_chart_get_empty_message   (FuChart *self);
void                fu_chart_set_empty_message   (FuChart *self, const char *message);
void                fu_chart_set_empty           (FuChart *self, gboolean empty);
gboolean            fu_chart_is_empty            (FuChart *self);

/* Copies @style (and its font). */
void                fu_chart_set_style           (FuChart *self, const FuChartStyle *style);
const FuChartStyle *fu_chart_get_style           (FuChart *self);

FuChartAxis        *fu_chart_get_value_axis      (FuChart *self);
void                fu_chart_set_value_axis      (FuChart *self, FuChartAxis *axis);

/* Categories in drawing order (top to bottom, or left to right). @suffix, e.g. "(Sep 2016)",
 * is kept whole when a long @label is shortened with an ellipsis; it may be NULL. */
guint               fu_chart_add_category        (FuChart *self, const char *label,
                                                  const char *suffix);
guint               fu_chart_get_n_categories    (FuChart *self);
/* The label with its suffix: "Non-Intrusive Inspection (Sep 2016)". */
char               *fu_chart_dup_category_label  (FuChart *self, guint category);

/* Layers draw in the order added, later ones on top. The chart takes a reference. */
void                fu_chart_add_layer           (FuChart *self, FuChartLayer *layer);
guint               fu_chart_get_n_layers        (FuChart *self);
FuChartLayer       *fu_chart_get_layer           (FuChart *self, guint index);

/* Series across all layers, in the order of the layers and of their series: what
 * FuChartRect.series indexes and the legend lists. */
guint               fu_chart_get_n_series        (FuChart *self);
const char         *fu_chart_get_series_name     (FuChart *self, guint series);

/* The height the chart needs at @width so that every row stays legible: it grows with the
 * number of categories of a horizontal chart (let the screen scroll rather than squeeze). */
void                fu_chart_get_natural_size    (FuChart *self, double width, double *height);

/* Draws the whole chart into the rectangle (0, 0, @width, @height) of @cr, and records the
 * rectangles and text it drew (replacing the previous drawing's). Rows that do not fit
 * @height shrink their text rather than overlap. */
void                fu_chart_draw                (FuChart *self, cairo_t *cr, double width,
                                                  double height);
/* FuChartRect and FuChartTextRect arrays of the last fu_chart_draw; empty before it. */
const GArray       *fu_chart_get_drawn_rects     (FuChart *self);
const GArray       *fu_chart_get_drawn_text      (FuChart *self);
/* The drawn bar or point under (@x, @y), or NULL: for tooltips. */
const FuChartRect  *fu_chart_hit_test            (FuChart *self, double x, double y);

/* Text that states the numbers, for accessible descriptions and tooltips:
 * "96 of 148 replies (65%) saw direct effects. Non-Intrusive Inspection (Sep 2016): realized
 * 9, not realized 3, no answer 0. ..." */
char               *fu_chart_describe            (FuChart *self);
/* One bar's tooltip: "Non-Intrusive Inspection (Sep 2016)\nRealized: 9 of 12 (75%)". */
char               *fu_chart_describe_rect       (FuChart *self, const FuChartRect *rect);

/* The format a file name asks for; FALSE with FU_CHART_ERROR_FORMAT for other extensions. */
gboolean            fu_chart_format_from_path    (const char *path, FuChartFormat *format,
                                                  GError **error);
/* Writes the chart at @width × @height (pixels for PNG and SVG, points for PDF, with text at
 * 96 dpi so that all three look alike); @height <= 0 takes the natural height. Files always
 * have the print style (fu_chart_style_init_print), whatever style the screen set. The file
 * is written to a temporary file that replaces @path only when complete. */
gboolean            fu_chart_write               (FuChart *self, const char *path,
                                                  FuChartFormat format, int width, int height,
                                                  GError **error);

G_END_DECLS
