/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-chart-layers.h: what a chart stacks. A layer holds series of values, one value per
 * category of its chart, and only draws them: positions come from the chart's value axis
 * (normalized to 0..1) and the category's band. Bars are stacked (parts of a whole: realized,
 * not realized, no answer) or grouped (side by side: Q1's six actions; one series makes plain
 * bars); the chart's orientation makes them horizontal bars or vertical columns. A line joins
 * one point per category and labels each point. */
#pragma once

#include <glib-object.h>
#include <cairo.h>

#include "fu-chart.h"

G_BEGIN_DECLS

/* Where a layer draws; see fu-chart-private.h. */
typedef struct _FuChartPlot FuChartPlot;

#define FU_TYPE_CHART_LAYER (fu_chart_layer_get_type ())
G_DECLARE_DERIVABLE_TYPE (FuChartLayer, fu_chart_layer, FU, CHART_LAYER, GObject)

struct _FuChartLayerClass
{
  GObjectClass parent_class;

  /* The largest value the layer shows, for the axis's range (default: the largest value of
   * its series). */
  double  (*get_max_value)    (FuChartLayer *self);
  /* The thickness a category's band needs for the layer to stay legible, given the height
   * of a line of the chart's label text. */
  double  (*get_band_size)    (FuChartLayer *self, double line_height);
  /* Room the layer's labels need past the value axis's end (a count after a bar). */
  double  (*get_end_room)     (FuChartLayer *self, const FuChartPlot *plot);
  void    (*draw)             (FuChartLayer *self, const FuChartPlot *plot);
  /* The legend's swatch of series @series (the layer's own index). */
  void    (*draw_swatch)      (FuChartLayer *self, cairo_t *cr, guint series, double x,
                               double y, double size, const FuChartColor *color);
  /* Tooltip text for a value (the layer's own series index); NULL when there is nothing
   * worth saying (a stacked bar's empty part). */
  char   *(*describe_value)   (FuChartLayer *self, FuChartAxis *axis, guint series,
                               guint category);

  gpointer padding[8];
};

/* Adds a series of @n_values values (one per category; missing ones are 0). @color indexes
 * the style's palette, or is FU_CHART_COLOR_NEUTRAL. Returns the layer's index of it. */
guint       fu_chart_layer_add_series       (FuChartLayer *self, const char *name, int color,
                                             const double *values, guint n_values);
guint       fu_chart_layer_get_n_series     (FuChartLayer *self);
const char *fu_chart_layer_get_series_name  (FuChartLayer *self, guint series);
int         fu_chart_layer_get_series_color (FuChartLayer *self, guint series);
guint       fu_chart_layer_get_n_values     (FuChartLayer *self, guint series);
double      fu_chart_layer_get_value        (FuChartLayer *self, guint series, guint category);
/* Whether the layer's series appear in the legend (default TRUE). */
gboolean    fu_chart_layer_get_in_legend    (FuChartLayer *self);
void        fu_chart_layer_set_in_legend    (FuChartLayer *self, gboolean in_legend);

typedef enum {
  FU_CHART_BARS_STACKED,
  FU_CHART_BARS_GROUPED,
} FuChartBarsMode;

#define FU_TYPE_CHART_BARS (fu_chart_bars_get_type ())
G_DECLARE_FINAL_TYPE (FuChartBars, fu_chart_bars, FU, CHART_BARS, FuChartLayer)

/* Stacked bars write each segment's count inside it when it fits, grouped bars write each
 * bar's value after its end. */
FuChartLayer *fu_chart_bars_new             (FuChartBarsMode mode);
FuChartBarsMode fu_chart_bars_get_mode      (FuChartBars *self);
/* Text written after a category's bar (stacked) or its longest bar (grouped), e.g.
 * "65%" or "57% (4 of 7)"; NULL or "" for none. */
void          fu_chart_bars_set_annotation  (FuChartBars *self, guint category,
                                             const char *text);
const char   *fu_chart_bars_get_annotation  (FuChartBars *self, guint category);

#define FU_TYPE_CHART_LINE (fu_chart_line_get_type ())
G_DECLARE_FINAL_TYPE (FuChartLine, fu_chart_line, FU, CHART_LINE, FuChartLayer)

/* Points are labelled with their value as the axis formats it ("57%"). */
FuChartLayer *fu_chart_line_new             (void);
/* A category whose point is drawn larger (the fiscal year the report is about); G_MAXUINT
 * for none. */
void          fu_chart_line_set_highlight   (FuChartLine *self, guint category);

G_END_DECLS
