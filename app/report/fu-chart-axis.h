/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-chart-axis.h: a chart's value axis. It knows the range of the values and turns a value
 * into a position from 0 (the axis's start) to 1 (its end), so that layers never do scale
 * arithmetic of their own; it picks round ("nice") tick values and formats them. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  FU_CHART_VALUE_COUNT,    /* whole numbers: "12" */
  FU_CHART_VALUE_PERCENT,  /* values 0 to 100: "57%" */
} FuChartValueFormat;

#define FU_TYPE_CHART_AXIS (fu_chart_axis_get_type ())
G_DECLARE_FINAL_TYPE (FuChartAxis, fu_chart_axis, FU, CHART_AXIS, GObject)

FuChartAxis        *fu_chart_axis_new           (FuChartValueFormat format);

FuChartValueFormat  fu_chart_axis_get_format    (FuChartAxis *self);
/* The axis's caption, e.g. "Replies"; NULL for none. */
const char         *fu_chart_axis_get_title     (FuChartAxis *self);
void                fu_chart_axis_set_title     (FuChartAxis *self, const char *title);

/* A fixed range (a percentage axis is 0 to 100 whatever the data). Without one, the chart
 * calls fu_chart_axis_fit() with the largest value its layers show. */
void                fu_chart_axis_set_fixed_range (FuChartAxis *self, double min, double max);
gboolean            fu_chart_axis_has_fixed_range (FuChartAxis *self);
void                fu_chart_axis_get_range     (FuChartAxis *self, double *min, double *max);

/* Chooses a step of 1, 2 or 5 times a power of ten so that no more than @max_ticks
 * intervals cover [min, @data_max], and extends the range's end to a whole step (19 replies
 * with 6 ticks: 0 to 20 by 5). Counts never step by less than 1. With a fixed range only
 * the step is chosen. */
void                fu_chart_axis_fit           (FuChartAxis *self, double data_max,
                                                 guint max_ticks);
double              fu_chart_axis_get_step      (FuChartAxis *self);
/* The tick values from min to max by the step (doubles). */
GArray             *fu_chart_axis_get_ticks     (FuChartAxis *self);

/* (@value - min) / (max - min): 0 at the axis's start, 1 at its end; not clamped. */
double              fu_chart_axis_normalize     (FuChartAxis *self, double value);
/* "12", "57%". */
char               *fu_chart_axis_format_value  (FuChartAxis *self, double value);

/* The step rule of fu_chart_axis_fit on its own: the smallest of 1, 2, 5 × 10^k not below
 * @raw (@raw > 0). */
double              fu_chart_nice_step          (double raw);

G_END_DECLS
