/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-chart-private.h: what the chart hands its layers when they draw. For fu-chart*.c only. */
#pragma once

#include <pango/pangocairo.h>

#include "fu-chart.h"
#include "fu-chart-layers.h"

G_BEGIN_DECLS

typedef enum {
  FU_CHART_FONT_TITLE,
  FU_CHART_FONT_SUBTITLE,
  FU_CHART_FONT_LABEL,     /* category labels, legend */
  FU_CHART_FONT_SMALL,     /* ticks, axis caption */
  FU_CHART_FONT_VALUE,     /* counts inside bars, point labels */
  FU_CHART_FONT_NOTE,      /* annotations after bars */
  FU_CHART_FONT_MESSAGE,
  FU_CHART_N_FONTS
} FuChartFont;

struct _FuChartPlot
{
  FuChart            *chart;
  cairo_t            *cr;
  PangoContext       *pango;
  const FuChartStyle *style;
  FuChartAxis        *axis;
  FuChartOrientation  orientation;
  /* The plot area: the value axis runs along its width (horizontal charts) or up its
   * height (vertical ones). */
  double              x;
  double              y;
  double              width;
  double              height;
  guint               n_categories;
  double              band;           /* one category's share of the category axis */
  double              line_height;    /* of FU_CHART_FONT_LABEL text */
  double              text_scale;     /* below 1 when rows are squeezed */
  guint               first_series;   /* the chart's index of the drawing layer's series 0 */
};

/* The coordinate of @value along the value axis: x on horizontal charts, y on vertical. */
double        fu_chart_plot_value_position (const FuChartPlot *plot, double value);
/* Where category @category's band starts along the category axis, and its thickness. */
void          fu_chart_plot_band           (const FuChartPlot *plot, guint category,
                                            double *start, double *size);
PangoLayout  *fu_chart_plot_create_layout  (const FuChartPlot *plot, FuChartFont font,
                                            const char *text);
/* Draws @layout with its top left corner at (@x, @y) and records its extents. */
void          fu_chart_plot_show_layout    (const FuChartPlot *plot, PangoLayout *layout,
                                            double x, double y, const FuChartColor *color,
                                            FuChartTextRole role, guint index);
/* Records a bar or point of the drawing layer's series @series (its own index). */
void          fu_chart_plot_record_rect    (const FuChartPlot *plot, double x, double y,
                                            double width, double height, guint series,
                                            guint category, double value);
const FuChartColor *fu_chart_plot_color    (const FuChartPlot *plot, int color);

void          fu_chart_layout_get_size     (PangoLayout *layout, double *width,
                                            double *height);
void          fu_chart_set_source_color    (cairo_t *cr, const FuChartColor *color);
/* Black or white, whichever reads better on @fill. */
void          fu_chart_contrast_color      (const FuChartColor *fill, FuChartColor *out);

G_END_DECLS
