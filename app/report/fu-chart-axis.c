/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-chart-axis.c: ranges, nice ticks and the 0..1 normalization of a value axis. */
#define G_LOG_DOMAIN "fu-chart-axis"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fu-chart-axis.h"

struct _FuChartAxis
{
  GObject             parent_instance;

  FuChartValueFormat  format;
  char               *title;
  double              min;
  double              max;
  double              step;
  guint               fixed : 1;
};

G_DEFINE_FINAL_TYPE (FuChartAxis, fu_chart_axis, G_TYPE_OBJECT)

static void
fu_chart_axis_finalize (GObject *object)
{
  FuChartAxis *self = FU_CHART_AXIS (object);

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (fu_chart_axis_parent_class)->finalize (object);
}

static void
fu_chart_axis_class_init (FuChartAxisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fu_chart_axis_finalize;
}

static void
fu_chart_axis_init (FuChartAxis *self)
{
  self->min = 0.0;
  self->max = 1.0;
  self->step = 1.0;
}

FuChartAxis *
fu_chart_axis_new (FuChartValueFormat format)
{
  FuChartAxis *self = g_object_new (FU_TYPE_CHART_AXIS, NULL);

  self->format = format;
  if (format == FU_CHART_VALUE_PERCENT)
    fu_chart_axis_set_fixed_range (self, 0.0, 100.0);
  return self;
}

FuChartValueFormat
fu_chart_axis_get_format (FuChartAxis *self)
{
  g_return_val_if_fail (FU_IS_CHART_AXIS (self), FU_CHART_VALUE_COUNT);

  return self->format;
}

const char *
fu_chart_axis_get_title (FuChartAxis *self)
{
  g_return_val_if_fail (FU_IS_CHART_AXIS (self), NULL);

  return self->title;
}

void
fu_chart_axis_set_title (FuChartAxis *self,
                         const char  *title)
{
  g_return_if_fail (FU_IS_CHART_AXIS (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

void
fu_chart_axis_set_fixed_range (FuChartAxis *self,
                               double       min,
                               double       max)
{
  g_return_if_fail (FU_IS_CHART_AXIS (self));
  g_return_if_fail (max > min);

  self->min = min;
  self->max = max;
  self->fixed = TRUE;
}

gboolean
fu_chart_axis_has_fixed_range (FuChartAxis *self)
{
  g_return_val_if_fail (FU_IS_CHART_AXIS (self), FALSE);

  return self->fixed;
}

void
fu_chart_axis_get_range (FuChartAxis *self,
                         double      *min,
                         double      *max)
{
  g_return_if_fail (FU_IS_CHART_AXIS (self));

  if (min != NULL)
    *min = self->min;
  if (max != NULL)
    *max = self->max;
}

double
fu_chart_nice_step (double raw)
{
  double magnitude;
  double fraction;

  if (!(raw > 0.0) || !isfinite (raw))
    return 1.0;

  magnitude = pow (10.0, floor (log10 (raw)));
  fraction = raw / magnitude;
  /* A tiny tolerance, so that 2.0000000001 from a division is still a step of 2. */
  if (fraction <= 1.0 + 1e-9)
    return magnitude;
  if (fraction <= 2.0 + 1e-9)
    return 2.0 * magnitude;
  if (fraction <= 5.0 + 1e-9)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

void
fu_chart_axis_fit (FuChartAxis *self,
                   double       data_max,
                   guint        max_ticks)
{
  double span;

  g_return_if_fail (FU_IS_CHART_AXIS (self));

  max_ticks = MAX (max_ticks, 1);

  if (self->fixed)
    {
      self->step = fu_chart_nice_step ((self->max - self->min) / max_ticks);
      if (self->format == FU_CHART_VALUE_COUNT)
        self->step = MAX (self->step, 1.0);
      return;
    }

  self->min = 0.0;
  if (!(data_max > 0.0) || !isfinite (data_max))
    data_max = 1.0;
  span = data_max - self->min;
  self->step = fu_chart_nice_step (span / max_ticks);
  if (self->format == FU_CHART_VALUE_COUNT)
    self->step = MAX (self->step, 1.0);
  self->max = self->min + ceil (span / self->step - 1e-9) * self->step;
  if (self->max <= self->min)
    self->max = self->min + self->step;
}

double
fu_chart_axis_get_step (FuChartAxis *self)
{
  g_return_val_if_fail (FU_IS_CHART_AXIS (self), 1.0);

  return self->step;
}

GArray *
fu_chart_axis_get_ticks (FuChartAxis *self)
{
  GArray *ticks;
  guint n;

  g_return_val_if_fail (FU_IS_CHART_AXIS (self), NULL);

  ticks = g_array_new (FALSE, FALSE, sizeof (double));
  n = (guint) floor ((self->max - self->min) / self->step + 1e-9);
  for (guint i = 0; i <= n; i++)
    {
      double value = self->min + i * self->step;

      g_array_append_val (ticks, value);
    }
  return ticks;
}

double
fu_chart_axis_normalize (FuChartAxis *self,
                         double       value)
{
  g_return_val_if_fail (FU_IS_CHART_AXIS (self), 0.0);

  if (self->max <= self->min)
    return 0.0;
  return (value - self->min) / (self->max - self->min);
}

char *
fu_chart_axis_format_value (FuChartAxis *self,
                            double       value)
{
  g_return_val_if_fail (FU_IS_CHART_AXIS (self), NULL);

  if (self->format == FU_CHART_VALUE_PERCENT)
    /* TRANSLATORS: a percentage on a chart, e.g. "57%" */
    return g_strdup_printf (_("%.0f%%"), round (value));
  return g_strdup_printf ("%.0f", round (value));
}
