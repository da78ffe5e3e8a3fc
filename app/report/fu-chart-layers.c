/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-chart-layers.c: the layers a chart stacks. They only draw: every position comes from
 * the plot (the value axis's normalization and the category's band) they are handed. */
#define G_LOG_DOMAIN "fu-chart-layers"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fu-chart-private.h"

/* Bars: the share of a band a bar (or a group of bars) fills, and the thickest a horizontal
 * bar gets, in label line heights. */
#define STACK_FILL        0.68
#define STACK_MAX         1.6
#define GROUP_FILL        0.82
#define GROUP_BAR         0.95   /* one grouped horizontal bar, at its natural size */
#define COLUMN_FILL       0.6
#define LABEL_PAD         0.35   /* around a count inside or after a bar */

/* ---- FuChartLayer ---------------------------------------------------------------------- */

typedef struct {
  char   *name;
  int     color;
  GArray *values;   /* double */
} Series;

typedef struct {
  GArray   *series;   /* Series */
  gboolean  in_legend;
} FuChartLayerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (FuChartLayer, fu_chart_layer, G_TYPE_OBJECT)

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->name, g_free);
  g_clear_pointer (&series->values, g_array_unref);
}

static double
fu_chart_layer_real_get_max_value (FuChartLayer *self)
{
  FuChartLayerPrivate *priv = fu_chart_layer_get_instance_private (self);
  double max = 0.0;

  for (guint s = 0; s < priv->series->len; s++)
    {
      const Series *series = &g_array_index (priv->series, Series, s);

      for (guint i = 0; i < series->values->len; i++)
        max = MAX (max, g_array_index (series->values, double, i));
    }
  return max;
}

static double
fu_chart_layer_real_get_band_size (FuChartLayer *self,
                                   double        line_height)
{
  return line_height * 1.3;
}

static double
fu_chart_layer_real_get_end_room (FuChartLayer      *self,
                                  const FuChartPlot *plot)
{
  return 0.0;
}

static void
fu_chart_layer_real_draw (FuChartLayer      *self,
                          const FuChartPlot *plot)
{
}

static void
fu_chart_layer_real_draw_swatch (FuChartLayer       *self,
                                 cairo_t            *cr,
                                 guint               series,
                                 double              x,
                                 double              y,
                                 double              size,
                                 const FuChartColor *color)
{
  fu_chart_set_source_color (cr, color);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
}

static char *
fu_chart_layer_real_describe_value (FuChartLayer *self,
                                    FuChartAxis  *axis,
                                    guint         series,
                                    guint         category)
{
  g_autofree char *value = fu_chart_axis_format_value (axis,
                             fu_chart_layer_get_value (self, series, category));

  /* TRANSLATORS: a series and its value in a chart's tooltip, e.g. "Replies: 12" */
  return g_strdup_printf (_("%s: %s"), fu_chart_layer_get_series_name (self, series), value);
}

static void
fu_chart_layer_finalize (GObject *object)
{
  FuChartLayer *self = FU_CHART_LAYER (object);
  FuChartLayerPrivate *priv = fu_chart_layer_get_instance_private (self);

  g_clear_pointer (&priv->series, g_array_unref);

  G_OBJECT_CLASS (fu_chart_layer_parent_class)->finalize (object);
}

static void
fu_chart_layer_class_init (FuChartLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fu_chart_layer_finalize;

  klass->get_max_value = fu_chart_layer_real_get_max_value;
  klass->get_band_size = fu_chart_layer_real_get_band_size;
  klass->get_end_room = fu_chart_layer_real_get_end_room;
  klass->draw = fu_chart_layer_real_draw;
  klass->draw_swatch = fu_chart_layer_real_draw_swatch;
  klass->describe_value = fu_chart_layer_real_describe_value;
}

static void
fu_chart_layer_init (FuChartLayer *self)
{
  FuChartLayerPrivate *priv = fu_chart_layer_get_instance_private (self);

  priv->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (priv->series, (GDestroyNotify) series_clear);
  priv->in_legend = TRUE;
}

guint
fu_chart_layer_add_series (FuChartLayer *self,
                           const char   *name,
                           int           color,
                           const double *values,
                           guint         n_values)
{
  FuChartLayerPrivate *priv = fu_chart_layer_get_instance_private (self);
  Series series = { 0 };

  g_return_val_if_fail (FU_IS_CHART_LAYER (self), 0);
  g_return_val_if_fail (values != NULL || n_values == 0, 0);

  series.name = g_strdup (name != NULL ? name : "");
  series.color = color;
  series.values = g_array_sized_new (FALSE, TRUE, sizeof (double), n_values);
  for (guint i = 0; i < n_values; i++)
    {
      /* Nothing drawn from NaN or a negative count. */
      double value = isfinite (values[i]) ? MAX (values[i], 0.0) : 0.0;

      g_array_append_val (series.values, value);
    }
  g_array_append_val (priv->series, series);
  return priv->series->len - 1;
}

guint
fu_chart_layer_get_n_series (FuChartLayer *self)
{
  FuChartLayerPrivate *priv = fu_chart_layer_get_instance_private (self);

  g_return_val_if_fail (FU_IS_CHART_LAYER (self), 0);

  return priv->series->len;
}

static const Series *
get_series (FuChartLayer *self,
            guint         series)
{
  FuChartLayerPrivate *priv = fu_chart_layer_get_instance_private (self);

  if (series >= priv->series->len)
    return NULL;
  return &g_array_index (priv->series, Series, series);
}

const char *
fu_chart_layer_get_series_name (FuChartLayer *self,
                                guint         series)
{
  const Series *s;

  g_return_val_if_fail (FU_IS_CHART_LAYER (self), NULL);

  s = get_series (self, series);
  g_return_val_if_fail (s != NULL, NULL);
  return s->name;
}

int
fu_chart_layer_get_series_color (FuChartLayer *self,
                                 guint         series)
{
  const Series *s;

  g_return_val_if_fail (FU_IS_CHART_LAYER (self), 0);

  s = get_series (self, series);
  g_return_val_if_fail (s != NULL, 0);
  return s->color;
}

guint
fu_chart_layer_get_n_values (FuChartLayer *self,
                             guint         series)
{
  const Series *s;

  g_return_val_if_fail (FU_IS_CHART_LAYER (self), 0);

  s = get_series (self, series);
  g_return_val_if_fail (s != NULL, 0);
  return s->values->len;
}

double
fu_chart_layer_get_value (FuChartLayer *self,
                          guint         series,
                          guint         category)
{
  const Series *s;

  g_return_val_if_fail (FU_IS_CHART_LAYER (self), 0.0);

  s = get_series (self, series);
  g_return_val_if_fail (s != NULL, 0.0);
  if (category >= s->values->len)
    return 0.0;
  return g_array_index (s->values, double, category);
}

gboolean
fu_chart_layer_get_in_legend (FuChartLayer *self)
{
  FuChartLayerPrivate *priv = fu_chart_layer_get_instance_private (self);

  g_return_val_if_fail (FU_IS_CHART_LAYER (self), FALSE);

  return priv->in_legend;
}

void
fu_chart_layer_set_in_legend (FuChartLayer *self,
                              gboolean      in_legend)
{
  FuChartLayerPrivate *priv = fu_chart_layer_get_instance_private (self);

  g_return_if_fail (FU_IS_CHART_LAYER (self));

  priv->in_legend = !!in_legend;
}

static double
fu_chart_layer_get_max_value (FuChartLayer *self)
{
  return FU_CHART_LAYER_GET_CLASS (self)->get_max_value (self);
}

/* The number of categories any series of the layer has a value for. */
static guint
layer_n_categories (FuChartLayer *self)
{
  guint n = 0;

  for (guint s = 0; s < fu_chart_layer_get_n_series (self); s++)
    n = MAX (n, fu_chart_layer_get_n_values (self, s));
  return n;
}

/* ---- FuChartBars ----------------------------------------------------------------------- */

struct _FuChartBars
{
  FuChartLayer     parent_instance;

  FuChartBarsMode  mode;
  GPtrArray       *annotations;   /* char *, by category; NULL for none */
};

G_DEFINE_FINAL_TYPE (FuChartBars, fu_chart_bars, FU_TYPE_CHART_LAYER)

static double
stack_total (FuChartLayer *layer,
             guint         category)
{
  double total = 0.0;

  for (guint s = 0; s < fu_chart_layer_get_n_series (layer); s++)
    total += fu_chart_layer_get_value (layer, s, category);
  return total;
}

static double
fu_chart_bars_get_max_value (FuChartLayer *layer)
{
  FuChartBars *self = FU_CHART_BARS (layer);
  guint n = layer_n_categories (layer);
  double max = 0.0;

  if (self->mode == FU_CHART_BARS_GROUPED)
    return FU_CHART_LAYER_CLASS (fu_chart_bars_parent_class)->get_max_value (layer);

  for (guint c = 0; c < n; c++)
    max = MAX (max, stack_total (layer, c));
  return max;
}

static double
fu_chart_bars_get_band_size (FuChartLayer *layer,
                             double        line_height)
{
  FuChartBars *self = FU_CHART_BARS (layer);
  guint n = MAX (fu_chart_layer_get_n_series (layer), 1);

  if (self->mode == FU_CHART_BARS_STACKED || n == 1)
    return line_height * 1.4 / STACK_FILL;
  return line_height * GROUP_BAR * n / GROUP_FILL;
}

/* The label drawn at a category's end of the bars: its annotation, or nothing. */
static const char *
bars_annotation (FuChartBars *self,
                 guint        category)
{
  const char *text;

  if (category >= self->annotations->len)
    return NULL;
  text = g_ptr_array_index (self->annotations, category);
  return text != NULL && *text != '\0' ? text : NULL;
}

static double
fu_chart_bars_get_end_room (FuChartLayer      *layer,
                            const FuChartPlot *plot)
{
  FuChartBars *self = FU_CHART_BARS (layer);
  guint n = layer_n_categories (layer);
  double room = 0.0;
  double pad = plot->line_height * LABEL_PAD;

  for (guint c = 0; c < n; c++)
    {
      const char *annotation = bars_annotation (self, c);
      g_autoptr(PangoLayout) layout = NULL;
      double w, h;

      if (annotation != NULL)
        layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_NOTE, annotation);
      else if (self->mode == FU_CHART_BARS_GROUPED)
        {
          /* Every grouped bar's value is written after it. */
          g_autofree char *text = NULL;
          double max = 0.0;

          for (guint s = 0; s < fu_chart_layer_get_n_series (layer); s++)
            max = MAX (max, fu_chart_layer_get_value (layer, s, c));
          text = fu_chart_axis_format_value (plot->axis, max);
          layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_VALUE, text);
        }
      else
        continue;

      fu_chart_layout_get_size (layout, &w, &h);
      room = MAX (room, pad + (plot->orientation == FU_CHART_HORIZONTAL ? w : h));
    }
  return ceil (room);
}

/* A rectangle from value @from to value @to along the value axis, across [@start,
 * @start + @thickness] of the category axis, in device-independent x, y, width, height. */
static void
bar_rect (const FuChartPlot *plot,
          double             from,
          double             to,
          double             start,
          double             thickness,
          double            *x,
          double            *y,
          double            *width,
          double            *height)
{
  double a = fu_chart_plot_value_position (plot, from);
  double b = fu_chart_plot_value_position (plot, to);

  if (plot->orientation == FU_CHART_HORIZONTAL)
    {
      *x = MIN (a, b);
      *width = fabs (b - a);
      *y = start;
      *height = thickness;
    }
  else
    {
      *y = MIN (a, b);
      *height = fabs (b - a);
      *x = start;
      *width = thickness;
    }
}

/* Writes @text after the end of a bar at value @value, centred on the bar's thickness. */
static void
draw_after_bar (const FuChartPlot  *plot,
                PangoLayout        *layout,
                double              value,
                double              start,
                double              thickness,
                FuChartTextRole     role,
                guint               index)
{
  double pad = plot->line_height * LABEL_PAD;
  double end = fu_chart_plot_value_position (plot, value);
  double w, h;

  fu_chart_layout_get_size (layout, &w, &h);
  /* Text thicker than the band would run into the next category's: leave it to the
   * tooltip and the description. */
  if ((plot->orientation == FU_CHART_HORIZONTAL ? h : w) > plot->band)
    return;
  if (plot->orientation == FU_CHART_HORIZONTAL)
    fu_chart_plot_show_layout (plot, layout, end + pad, start + (thickness - h) / 2,
                               &plot->style->foreground, role, index);
  else
    fu_chart_plot_show_layout (plot, layout, start + (thickness - w) / 2, end - pad - h,
                               &plot->style->foreground, role, index);
}

static void
draw_stacked (FuChartBars       *self,
              const FuChartPlot *plot)
{
  FuChartLayer *layer = FU_CHART_LAYER (self);
  cairo_t *cr = plot->cr;
  guint n = MIN (layer_n_categories (layer), plot->n_categories);
  double pad = plot->line_height * LABEL_PAD;

  for (guint c = 0; c < n; c++)
    {
      double band_start, band, thickness, start, cumulative = 0.0;
      const char *annotation = bars_annotation (self, c);

      fu_chart_plot_band (plot, c, &band_start, &band);
      if (plot->orientation == FU_CHART_HORIZONTAL)
        thickness = MIN (band * STACK_FILL, plot->line_height * STACK_MAX);
      else
        thickness = band * COLUMN_FILL;
      start = band_start + (band - thickness) / 2;

      for (guint s = 0; s < fu_chart_layer_get_n_series (layer); s++)
        {
          double value = fu_chart_layer_get_value (layer, s, c);
          const FuChartColor *fill = fu_chart_plot_color (plot,
                                       fu_chart_layer_get_series_color (layer, s));
          g_autofree char *text = NULL;
          g_autoptr(PangoLayout) layout = NULL;
          double x, y, w, h, tw, th;
          FuChartColor ink;

          if (value <= 0.0)
            continue;

          bar_rect (plot, cumulative, cumulative + value, start, thickness, &x, &y, &w, &h);
          cumulative += value;

          fu_chart_set_source_color (cr, fill);
          cairo_rectangle (cr, x, y, w, h);
          cairo_fill (cr);
          fu_chart_plot_record_rect (plot, x, y, w, h, s, c, value);

          /* The count inside its segment, when it fits there with some room. */
          text = fu_chart_axis_format_value (plot->axis, value);
          layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_VALUE, text);
          fu_chart_layout_get_size (layout, &tw, &th);
          if (tw + pad * 0.5 > w || th > h)
            continue;
          fu_chart_contrast_color (fill, &ink);
          fu_chart_plot_show_layout (plot, layout, x + (w - tw) / 2, y + (h - th) / 2, &ink,
                                     FU_CHART_TEXT_VALUE, c);
        }

      if (annotation != NULL)
        {
          g_autoptr(PangoLayout) layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_NOTE,
                                                                       annotation);

          draw_after_bar (plot, layout, cumulative, start, thickness, FU_CHART_TEXT_VALUE, c);
        }
    }
}

static void
draw_grouped (FuChartBars       *self,
              const FuChartPlot *plot)
{
  FuChartLayer *layer = FU_CHART_LAYER (self);
  cairo_t *cr = plot->cr;
  guint n = MIN (layer_n_categories (layer), plot->n_categories);
  guint n_series = fu_chart_layer_get_n_series (layer);

  if (n_series == 0)
    return;

  for (guint c = 0; c < n; c++)
    {
      const char *annotation = bars_annotation (self, c);
      double band_start, band, group, bar, max = 0.0;

      fu_chart_plot_band (plot, c, &band_start, &band);
      if (plot->orientation == FU_CHART_HORIZONTAL)
        group = n_series == 1 ? MIN (band * STACK_FILL, plot->line_height * STACK_MAX)
                              : band * GROUP_FILL;
      else
        group = n_series == 1 ? band * COLUMN_FILL : band * GROUP_FILL;
      bar = group / n_series;

      for (guint s = 0; s < n_series; s++)
        {
          double value = fu_chart_layer_get_value (layer, s, c);
          double start = band_start + (band - group) / 2 + s * bar;
          double x, y, w, h;

          max = MAX (max, value);
          if (value > 0.0)
            {
              bar_rect (plot, 0.0, value, start, bar, &x, &y, &w, &h);
              fu_chart_set_source_color (cr, fu_chart_plot_color (plot,
                                           fu_chart_layer_get_series_color (layer, s)));
              /* A hairline between neighbours keeps bars of one group apart. */
              if (n_series > 1 && plot->orientation == FU_CHART_HORIZONTAL)
                cairo_rectangle (cr, x, y, w, MAX (h - 1.0, h * 0.85));
              else if (n_series > 1)
                cairo_rectangle (cr, x, y, MAX (w - 1.0, w * 0.85), h);
              else
                cairo_rectangle (cr, x, y, w, h);
              cairo_fill (cr);
              fu_chart_plot_record_rect (plot, x, y, w, h, s, c, value);
            }

          if (annotation == NULL)
            {
              g_autofree char *text = fu_chart_axis_format_value (plot->axis, value);
              g_autoptr(PangoLayout) layout = fu_chart_plot_create_layout (plot,
                                                                           FU_CHART_FONT_VALUE,
                                                                           text);
              double tw, th;

              /* Beside the bar when the bar is as thick as the text; else the tooltip and
               * the description have the number. */
              fu_chart_layout_get_size (layout, &tw, &th);
              if ((plot->orientation == FU_CHART_HORIZONTAL ? th : tw) <= bar)
                draw_after_bar (plot, layout, value, start, bar, FU_CHART_TEXT_VALUE, c);
            }
        }

      if (annotation != NULL)
        {
          g_autoptr(PangoLayout) layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_NOTE,
                                                                       annotation);

          draw_after_bar (plot, layout, max, band_start + (band - group) / 2, group,
                          FU_CHART_TEXT_VALUE, c);
        }
    }
}

static void
fu_chart_bars_draw (FuChartLayer      *layer,
                    const FuChartPlot *plot)
{
  FuChartBars *self = FU_CHART_BARS (layer);

  if (self->mode == FU_CHART_BARS_STACKED)
    draw_stacked (self, plot);
  else
    draw_grouped (self, plot);
}

static char *
fu_chart_bars_describe_value (FuChartLayer *layer,
                              FuChartAxis  *axis,
                              guint         series,
                              guint         category)
{
  FuChartBars *self = FU_CHART_BARS (layer);
  const char *name = fu_chart_layer_get_series_name (layer, series);
  double value = fu_chart_layer_get_value (layer, series, category);
  const char *annotation = bars_annotation (self, category);

  if (self->mode == FU_CHART_BARS_STACKED &&
      fu_chart_axis_get_format (axis) == FU_CHART_VALUE_COUNT)
    {
      double total = stack_total (layer, category);

      /* "Realized: 12 of 12 (100%)" says there was no other answer. */
      if (value <= 0 && total > 0)
        return NULL;
      if (total > 0)
        /* TRANSLATORS: a part of a stacked bar: "Realized: 9 of 12 (75%)" */
        return g_strdup_printf (_("%s: %.0f of %.0f (%.0f%%)"), name, value, total,
                                round (value * 100.0 / total));
    }
  if (self->mode == FU_CHART_BARS_GROUPED && annotation != NULL &&
      fu_chart_layer_get_n_series (layer) == 1)
    return g_strdup_printf (_("%s: %s"), name, annotation);

  return FU_CHART_LAYER_CLASS (fu_chart_bars_parent_class)->describe_value (layer, axis, series,
                                                                           category);
}

static void
fu_chart_bars_finalize (GObject *object)
{
  FuChartBars *self = FU_CHART_BARS (object);

  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  G_OBJECT_CLASS (fu_chart_bars_parent_class)->finalize (object);
}

static void
fu_chart_bars_class_init (FuChartBarsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FuChartLayerClass *layer_class = FU_CHART_LAYER_CLASS (klass);

  object_class->finalize = fu_chart_bars_finalize;

  layer_class->get_max_value = fu_chart_bars_get_max_value;
  layer_class->get_band_size = fu_chart_bars_get_band_size;
  layer_class->get_end_room = fu_chart_bars_get_end_room;
  layer_class->draw = fu_chart_bars_draw;
  layer_class->describe_value = fu_chart_bars_describe_value;
}

static void
fu_chart_bars_init (FuChartBars *self)
{
  self->annotations = g_ptr_array_new_with_free_func (g_free);
}

FuChartLayer *
fu_chart_bars_new (FuChartBarsMode mode)
{
  FuChartBars *self = g_object_new (FU_TYPE_CHART_BARS, NULL);

  self->mode = mode;
  return FU_CHART_LAYER (self);
}

FuChartBarsMode
fu_chart_bars_get_mode (FuChartBars *self)
{
  g_return_val_if_fail (FU_IS_CHART_BARS (self), FU_CHART_BARS_STACKED);

  return self->mode;
}

void
fu_chart_bars_set_annotation (FuChartBars *self,
                              guint        category,
                              const char  *text)
{
  g_return_if_fail (FU_IS_CHART_BARS (self));

  if (category >= self->annotations->len)
    g_ptr_array_set_size (self->annotations, category + 1);
  g_free (g_ptr_array_index (self->annotations, category));
  g_ptr_array_index (self->annotations, category) = g_strdup (text);
}

const char *
fu_chart_bars_get_annotation (FuChartBars *self,
                              guint        category)
{
  g_return_val_if_fail (FU_IS_CHART_BARS (self), NULL);

  return bars_annotation (self, category);
}

/* ---- FuChartLine ----------------------------------------------------------------------- */

#define LINE_WIDTH      2.5
#define POINT_RADIUS    4.0
#define HIGHLIGHT_RADIUS 6.0

struct _FuChartLine
{
  FuChartLayer parent_instance;

  guint        highlight;
};

G_DEFINE_FINAL_TYPE (FuChartLine, fu_chart_line, FU_TYPE_CHART_LAYER)

static double
fu_chart_line_get_end_room (FuChartLayer      *layer,
                            const FuChartPlot *plot)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  double max = 0.0;
  double w, h;

  /* A point at the axis's end keeps its label inside the chart. */
  fu_chart_axis_get_range (plot->axis, NULL, &max);
  max = MAX (max, fu_chart_layer_get_max_value (layer));
  text = fu_chart_axis_format_value (plot->axis, max);
  layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_VALUE, text);
  fu_chart_layout_get_size (layout, &w, &h);
  if (plot->orientation == FU_CHART_HORIZONTAL)
    return ceil (w + HIGHLIGHT_RADIUS + plot->line_height * LABEL_PAD);
  return ceil (h + HIGHLIGHT_RADIUS + plot->line_height * LABEL_PAD);
}

static void
point_position (const FuChartPlot *plot,
                guint              category,
                double             value,
                double            *x,
                double            *y)
{
  double start, band;

  fu_chart_plot_band (plot, category, &start, &band);
  if (plot->orientation == FU_CHART_HORIZONTAL)
    {
      *x = fu_chart_plot_value_position (plot, value);
      *y = start + band / 2;
    }
  else
    {
      *x = start + band / 2;
      *y = fu_chart_plot_value_position (plot, value);
    }
}

static void
fu_chart_line_draw (FuChartLayer      *layer,
                    const FuChartPlot *plot)
{
  FuChartLine *self = FU_CHART_LINE (layer);
  cairo_t *cr = plot->cr;
  double pad = plot->line_height * LABEL_PAD;

  for (guint s = 0; s < fu_chart_layer_get_n_series (layer); s++)
    {
      const FuChartColor *color = fu_chart_plot_color (plot,
                                    fu_chart_layer_get_series_color (layer, s));
      guint n = MIN (fu_chart_layer_get_n_values (layer, s), plot->n_categories);

      cairo_save (cr);
      fu_chart_set_source_color (cr, color);
      cairo_set_line_width (cr, LINE_WIDTH);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint c = 0; c < n; c++)
        {
          double x, y;

          point_position (plot, c, fu_chart_layer_get_value (layer, s, c), &x, &y);
          if (c == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);

      for (guint c = 0; c < n; c++)
        {
          double value = fu_chart_layer_get_value (layer, s, c);
          double radius = c == self->highlight ? HIGHLIGHT_RADIUS : POINT_RADIUS;
          g_autofree char *text = fu_chart_axis_format_value (plot->axis, value);
          g_autoptr(PangoLayout) layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_VALUE,
                                                                       text);
          double x, y, tw, th, hit;

          point_position (plot, c, value, &x, &y);
          /* A ring of the background separates the point from the line and the grid. */
          fu_chart_set_source_color (cr, &plot->style->background);
          cairo_arc (cr, x, y, radius + 1.5, 0, 2 * G_PI);
          cairo_fill (cr);
          fu_chart_set_source_color (cr, color);
          cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
          cairo_fill (cr);
          hit = radius + 3.0;
          fu_chart_plot_record_rect (plot, x - hit, y - hit, 2 * hit, 2 * hit, s, c, value);

          fu_chart_layout_get_size (layout, &tw, &th);
          if (plot->orientation == FU_CHART_HORIZONTAL)
            fu_chart_plot_show_layout (plot, layout, x + radius + pad, y - th / 2,
                                       &plot->style->foreground, FU_CHART_TEXT_VALUE, c);
          else
            fu_chart_plot_show_layout (plot, layout, x - tw / 2, y - radius - pad - th,
                                       &plot->style->foreground, FU_CHART_TEXT_VALUE, c);
        }
      cairo_restore (cr);
    }
}

static void
fu_chart_line_draw_swatch (FuChartLayer       *layer,
                           cairo_t            *cr,
                           guint               series,
                           double              x,
                           double              y,
                           double              size,
                           const FuChartColor *color)
{
  fu_chart_set_source_color (cr, color);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_move_to (cr, x, y + size / 2);
  cairo_line_to (cr, x + size, y + size / 2);
  cairo_stroke (cr);
  cairo_arc (cr, x + size / 2, y + size / 2, size / 4, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
fu_chart_line_class_init (FuChartLineClass *klass)
{
  FuChartLayerClass *layer_class = FU_CHART_LAYER_CLASS (klass);

  layer_class->get_end_room = fu_chart_line_get_end_room;
  layer_class->draw = fu_chart_line_draw;
  layer_class->draw_swatch = fu_chart_line_draw_swatch;
}

static void
fu_chart_line_init (FuChartLine *self)
{
  self->highlight = G_MAXUINT;
}

FuChartLayer *
fu_chart_line_new (void)
{
  return g_object_new (FU_TYPE_CHART_LINE, NULL);
}

void
fu_chart_line_set_highlight (FuChartLine *self,
                             guint        category)
{
  g_return_if_fail (FU_IS_CHART_LINE (self));

  self->highlight = category;
}
