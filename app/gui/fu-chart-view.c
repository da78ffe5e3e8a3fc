/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-chart-view.c: draws a FuChart in the widget's snapshot. The chart does its own layout;
 * the view only hands it the theme's colours and font, the size GTK allocated, and asks it
 * what lies under the pointer. */
#define G_LOG_DOMAIN "fu-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "fu-chart-view.h"

/* Widths the view asks for: a chart narrower than the minimum has no room for its labels. */
#define MIN_WIDTH      280
#define NATURAL_WIDTH  720
/* A chart with columns or a line keeps the height it has at this width when it is wider,
 * so that on a wide window it fits the screen instead of growing with the width. */
#define MAX_VERTICAL_WIDTH 640

struct _FuChartView
{
  GtkWidget  parent_instance;

  FuChart   *chart;
  char      *font;      /* the theme's, for the style handed to the chart */
};

G_DEFINE_FINAL_TYPE (FuChartView, fu_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The Okabe-Ito colours of the print palette, reordered for a dark background: sky blue
 * leads, as the print palette's blue is too dark to stand out there, and the last colour is
 * light instead of black. */
static const char * const dark_palette[FU_CHART_N_COLORS] = {
  "#56B4E9", "#E69F00", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#F0E442", "#DEDDDA",
};

static void
color_from_rgba (FuChartColor  *color,
                 const GdkRGBA *rgba,
                 float          alpha)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha * alpha;
}

static void
color_from_string (FuChartColor *color,
                   const char   *spec)
{
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, spec))
    g_assert_not_reached ();
  color_from_rgba (color, &rgba, 1.0f);
}

static gboolean
is_dark (const GdkRGBA *foreground)
{
  /* Light text means a dark style, also where libadwaita was not initialized. */
  if (adw_is_initialized ())
    return adw_style_manager_get_dark (adw_style_manager_get_default ());

  return 0.2126 * foreground->red + 0.7152 * foreground->green
         + 0.0722 * foreground->blue > 0.5;
}

/* The chart in the theme's colours and font, on the widget's own background. */
static void
apply_theme (FuChartView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  FuChartStyle style;
  GdkRGBA foreground;
  double resolution;
  gboolean dark;

  g_assert (FU_IS_CHART_VIEW (self));

  if (self->chart == NULL)
    return;

  /* gtk_widget_get_color is GTK 4.10; on 4.8 the style context gives the CSS colour. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  dark = is_dark (&foreground);

  /* The print palette is the light one: start from it and put the theme's text on top. */
  fu_chart_style_init_print (&style);
  color_from_rgba (&style.foreground, &foreground, 1.0f);
  color_from_rgba (&style.secondary, &foreground, 0.7f);
  color_from_rgba (&style.grid, &foreground, 0.15f);
  style.background.alpha = 0.0f;
  /* Opaque greys from the GNOME palette: bar text picks black or white from the fill. */
  color_from_string (&style.neutral, dark ? "#5E5C64" : "#C0BFBC");
  if (dark)
    for (guint i = 0; i < FU_CHART_N_COLORS; i++)
      color_from_string (&style.series[i], dark_palette[i]);

  if (font != NULL)
    {
      g_free (self->font);
      self->font = pango_font_description_to_string (font);
      style.font = self->font;
    }
  resolution = pango_cairo_context_get_resolution (pango);
  style.resolution = resolution > 0 ? resolution : 96.0;

  fu_chart_set_style (self->chart, &style);
}

static void
update_accessible (FuChartView *self)
{
  g_autofree char *description = NULL;

  g_assert (FU_IS_CHART_VIEW (self));

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  /* A screen reader hears the numbers the bars show, not "image". */
  description = fu_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fu_chart_get_title (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* ---- Callbacks --------------------------------------------------------------------------- */

static void
dark_changed_cb (FuChartView *self)
{
  /* The palette differs, the sizes do not. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- Overrides --------------------------------------------------------------------------- */

static GtkSizeRequestMode
fu_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
fu_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  FuChartView *self = FU_CHART_VIEW (widget);
  double height = 0.0;

  if (self->chart == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }

  /* The height every row needs at this width is also the least the view takes: a
   * scrolled window then scrolls instead of squeezing forty workshops into its height. */
  if (for_size <= 0)
    for_size = NATURAL_WIDTH;
  if (fu_chart_get_orientation (self->chart) == FU_CHART_VERTICAL)
    for_size = MIN (for_size, MAX_VERTICAL_WIDTH);
  apply_theme (self);
  fu_chart_get_natural_size (self->chart, for_size, &height);
  *minimum = *natural = (int) ceil (height);
}

static void
fu_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  FuChartView *self = FU_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  /* Again at every drawing: the theme may have changed since the last one. */
  apply_theme (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  fu_chart_draw (self->chart, cr, width, height);
  cairo_destroy (cr);
}

static gboolean
fu_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  FuChartView *self = FU_CHART_VIEW (widget);
  const FuChartRect *rect;
  g_autofree char *text = NULL;
  GdkRectangle area;

  if (self->chart == NULL || keyboard_tooltip)
    return FALSE;

  rect = fu_chart_hit_test (self->chart, x, y);
  if (rect == NULL)
    return FALSE;

  text = fu_chart_describe_rect (self->chart, rect);
  gtk_tooltip_set_text (tooltip, text);
  /* The tooltip follows the pointer from bar to bar instead of sticking to the first. */
  area.x = (int) floor (rect->x);
  area.y = (int) floor (rect->y);
  area.width = MAX ((int) ceil (rect->x + rect->width) - area.x, 1);
  area.height = MAX ((int) ceil (rect->y + rect->height) - area.y, 1);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
fu_chart_view_dispose (GObject *object)
{
  FuChartView *self = FU_CHART_VIEW (object);

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (fu_chart_view_parent_class)->dispose (object);
}

static void
fu_chart_view_finalize (GObject *object)
{
  FuChartView *self = FU_CHART_VIEW (object);

  g_clear_pointer (&self->font, g_free);

  G_OBJECT_CLASS (fu_chart_view_parent_class)->finalize (object);
}

static void
fu_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FuChartView *self = FU_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FuChartView *self = FU_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      fu_chart_view_set_chart (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_chart_view_class_init (FuChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_chart_view_dispose;
  object_class->finalize = fu_chart_view_finalize;
  object_class->get_property = fu_chart_view_get_property;
  object_class->set_property = fu_chart_view_set_property;

  widget_class->get_request_mode = fu_chart_view_get_request_mode;
  widget_class->measure = fu_chart_view_measure;
  widget_class->snapshot = fu_chart_view_snapshot;
  widget_class->query_tooltip = fu_chart_view_query_tooltip;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         FU_TYPE_CHART,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fu_chart_view_init (FuChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  if (adw_is_initialized ())
    g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                             G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ---- Public API -------------------------------------------------------------------------- */

GtkWidget *
fu_chart_view_new (void)
{
  return g_object_new (FU_TYPE_CHART_VIEW, NULL);
}

FuChart *
fu_chart_view_get_chart (FuChartView *self)
{
  g_return_val_if_fail (FU_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
fu_chart_view_set_chart (FuChartView *self,
                         FuChart     *chart)
{
  g_return_if_fail (FU_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || FU_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

char *
fu_chart_view_dup_tooltip_at (FuChartView *self,
                              double       x,
                              double       y)
{
  const FuChartRect *rect;

  g_return_val_if_fail (FU_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL)
    return NULL;

  rect = fu_chart_hit_test (self->chart, x, y);
  return rect != NULL ? fu_chart_describe_rect (self->chart, rect) : NULL;
}
