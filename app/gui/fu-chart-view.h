/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-chart-view.h: a FuChart on screen. The view draws the chart in the theme's colours and
 * font, asks for the height the chart needs at its width (so that in a GtkScrolledWindow a
 * chart of forty workshops grows and scrolls rather than squeezing), gives each bar's exact
 * counts in a tooltip, and states the chart's numbers in its accessible description. */
#pragma once

#include <gtk/gtk.h>

#include "fu-chart.h"

G_BEGIN_DECLS

#define FU_TYPE_CHART_VIEW (fu_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (FuChartView, fu_chart_view, FU, CHART_VIEW, GtkWidget)

GtkWidget *fu_chart_view_new       (void);
/* The chart shown ("chart" property), or NULL. The view takes a reference and sets the
 * chart's style to the theme's whenever it draws. */
FuChart   *fu_chart_view_get_chart (FuChartView *self);
void       fu_chart_view_set_chart (FuChartView *self,
                                    FuChart     *chart);
/* The tooltip the view gives at (@x, @y) in its coordinates, as of its last drawing: the
 * bar's or point's exact counts, or NULL where there is none. */
char      *fu_chart_view_dup_tooltip_at (FuChartView *self,
                                         double       x,
                                         double       y);

G_END_DECLS
