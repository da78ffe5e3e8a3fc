/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-chart.c: the chart container. It measures its text, lays out the title, legend, axis
 * and category labels around the plot area, and lets its layers draw inside that area.
 * Layout is done for every drawing with the cairo context drawn on, so that what is
 * measured is what is drawn, on screen and in files alike. */
#define G_LOG_DOMAIN "fu-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <math.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "fu-chart-private.h"
#include "fu-files.h"

/* Sizes in units of the label text's line height, so the chart scales with its font. */
#define MARGIN            0.9    /* around the whole chart */
#define HEADER_GAP        0.7    /* between the header (title, legend) and the plot */
#define LABEL_GAP         0.6    /* between category labels and the plot */
#define TICK_GAP          0.3    /* between the plot and its tick labels */
#define MIN_BAND          1.3    /* a horizontal chart's row, at the least */
#define MIN_SCALE         0.6    /* text shrinks no further when rows are squeezed */
#define MAX_LABEL_SHARE   0.42   /* of the width, for a horizontal chart's category labels */
#define COLUMN_LABEL_SHARE 0.94  /* of a band, for a vertical chart's category labels */
#define COLUMN_MIN_SCALE  0.8    /* below it, a long word breaks (with a hyphen) instead */
#define COLUMN_LINES      3      /* a vertical chart's category label wraps to at most */

/* Files: bounds that keep an image surface within memory. */
#define MIN_FILE_SIZE     64
#define MAX_FILE_SIZE     10000

G_DEFINE_QUARK (fu-chart-error-quark, fu_chart_error)

typedef struct {
  char *label;
  char *suffix;
} Category;

struct _FuChart
{
  GObject             parent_instance;

  FuChartOrientation  orientation;
  char               *title;
  char               *subtitle;
  char               *empty_message;
  gboolean            empty;

  FuChartStyle        style;
  char               *font;           /* style.font points here */

  FuChartAxis        *axis;
  GArray             *categories;     /* Category */
  GPtrArray          *layers;         /* FuChartLayer */

  GArray             *rects;          /* FuChartRect */
  GArray             *texts;          /* FuChartTextRect */
};

G_DEFINE_FINAL_TYPE (FuChart, fu_chart, G_TYPE_OBJECT)

/* What one drawing (or measurement) lays out. */
typedef struct {
  FuChartPlot  plot;
  double       width;
  double       height;
  double       margin;
  double       header_bottom;
  double       label_width;   /* horizontal: the category label column */
  double       tick_size;     /* horizontal: tick labels' height; vertical: their width */
  double       caption_size;  /* the axis caption's height */
  double       category_size; /* vertical: the category labels' height */
  double       end_room;
  double       base_line_height;  /* before rows were squeezed */
} Layout;

/* ---- Colours and text ---------------------------------------------------------------- */

static void
color_parse (FuChartColor *color,
             const char   *hex)
{
  guint value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  color->red = ((value >> 16) & 0xff) / 255.0f;
  color->green = ((value >> 8) & 0xff) / 255.0f;
  color->blue = (value & 0xff) / 255.0f;
  color->alpha = 1.0f;
}

void
fu_chart_style_init_print (FuChartStyle *style)
{
  /* Okabe and Ito, "Color Universal Design" (2002): distinct under the common forms of
   * colour blindness, and in this order the first two contrast most. */
  static const char * const palette[FU_CHART_N_COLORS] = {
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000",
  };

  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  color_parse (&style->foreground, "#1a1a1a");
  color_parse (&style->secondary, "#555555");
  color_parse (&style->background, "#ffffff");
  color_parse (&style->grid, "#d9d9d9");
  color_parse (&style->neutral, "#b3b3b3");
  for (guint i = 0; i < FU_CHART_N_COLORS; i++)
    color_parse (&style->series[i], palette[i]);
  style->font = "Sans 10";
  style->resolution = 96.0;
}

void
fu_chart_set_source_color (cairo_t            *cr,
                           const FuChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
fu_chart_contrast_color (const FuChartColor *fill,
                         FuChartColor       *out)
{
  /* Relative luminance (WCAG 2): white on dark fills, black on light ones, whichever has
   * the larger contrast ratio. */
  double c[3] = { fill->red, fill->green, fill->blue };
  double luminance;

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  luminance = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];

  out->alpha = 1.0f;
  if ((1.05) / (luminance + 0.05) > (luminance + 0.05) / 0.05)
    out->red = out->green = out->blue = 1.0f;
  else
    out->red = out->green = out->blue = 0.0f;
}

const FuChartColor *
fu_chart_plot_color (const FuChartPlot *plot,
                     int                color)
{
  if (color < 0)
    return &plot->style->neutral;
  return &plot->style->series[color % FU_CHART_N_COLORS];
}

/* The layout's logical extents, except that a shortened layout ends where its ellipsis
 * does: Pango reports the whole width it was given, which would leave a gap before text
 * placed after it. */
static void
visible_extents (PangoLayout    *layout,
                 PangoRectangle *rect)
{
  PangoRectangle ink;

  pango_layout_get_extents (layout, &ink, rect);
  if (pango_layout_is_ellipsized (layout))
    {
      int left = CLAMP (ink.x, rect->x, rect->x + rect->width);
      int right = CLAMP (ink.x + ink.width, left, rect->x + rect->width);

      rect->x = left;
      rect->width = right - left;
    }
}

void
fu_chart_layout_get_size (PangoLayout *layout,
                          double      *width,
                          double      *height)
{
  PangoRectangle rect;

  visible_extents (layout, &rect);
  /* From the layout's origin, so that right-aligned text ends where it should. */
  if (width != NULL)
    *width = (double) (rect.x + rect.width) / PANGO_SCALE;
  if (height != NULL)
    *height = (double) rect.height / PANGO_SCALE;
}

PangoLayout *
fu_chart_plot_create_layout (const FuChartPlot *plot,
                             FuChartFont        font,
                             const char        *text)
{
  g_autoptr(PangoFontDescription) desc = NULL;
  PangoLayout *layout;
  double size;
  double scale = 1.0;

  desc = pango_font_description_from_string (plot->style->font != NULL ? plot->style->font
                                                                       : "Sans 10");
  size = pango_font_description_get_size (desc);
  if (size <= 0)
    size = 10 * PANGO_SCALE;

  switch (font)
    {
    case FU_CHART_FONT_TITLE:
      scale = 1.35;
      pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      break;
    case FU_CHART_FONT_SUBTITLE:
      scale = 1.0;
      break;
    case FU_CHART_FONT_LABEL:
      scale = plot->text_scale;
      break;
    case FU_CHART_FONT_SMALL:
      scale = 0.9;
      break;
    case FU_CHART_FONT_VALUE:
      scale = 0.9 * plot->text_scale;
      pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      break;
    case FU_CHART_FONT_NOTE:
      scale = 0.9 * plot->text_scale;
      break;
    case FU_CHART_FONT_MESSAGE:
      scale = 1.2;
      break;
    case FU_CHART_N_FONTS:
    default:
      g_assert_not_reached ();
    }

  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * scale);
  else
    pango_font_description_set_size (desc, (int) round (size * scale));

  layout = pango_layout_new (plot->pango);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
record_text (FuChart         *self,
             PangoLayout     *layout,
             double           x,
             double           y,
             FuChartTextRole  role,
             guint            index)
{
  PangoRectangle logical;
  FuChartTextRect rect;

  visible_extents (layout, &logical);
  rect.x = x + (double) logical.x / PANGO_SCALE;
  rect.y = y + (double) logical.y / PANGO_SCALE;
  rect.width = (double) logical.width / PANGO_SCALE;
  rect.height = (double) logical.height / PANGO_SCALE;
  rect.role = role;
  rect.index = index;
  g_array_append_val (self->texts, rect);
}

void
fu_chart_plot_show_layout (const FuChartPlot  *plot,
                           PangoLayout        *layout,
                           double              x,
                           double              y,
                           const FuChartColor *color,
                           FuChartTextRole     role,
                           guint               index)
{
  cairo_t *cr = plot->cr;

  cairo_save (cr);
  fu_chart_set_source_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  record_text (plot->chart, layout, x, y, role, index);
}

void
fu_chart_plot_record_rect (const FuChartPlot *plot,
                           double             x,
                           double             y,
                           double             width,
                           double             height,
                           guint              series,
                           guint              category,
                           double             value)
{
  FuChartRect rect = { x, y, width, height, plot->first_series + series, category, value };

  g_array_append_val (plot->chart->rects, rect);
}

double
fu_chart_plot_value_position (const FuChartPlot *plot,
                              double             value)
{
  double t = fu_chart_axis_normalize (plot->axis, value);

  if (plot->orientation == FU_CHART_HORIZONTAL)
    return plot->x + t * plot->width;
  return plot->y + plot->height - t * plot->height;
}

void
fu_chart_plot_band (const FuChartPlot *plot,
                    guint              category,
                    double            *start,
                    double            *size)
{
  double origin = plot->orientation == FU_CHART_HORIZONTAL ? plot->y : plot->x;

  if (start != NULL)
    *start = origin + category * plot->band;
  if (size != NULL)
    *size = plot->band;
}

/* ---- Series ---------------------------------------------------------------------------- */

static gboolean
lookup_series (FuChart       *self,
               guint          series,
               FuChartLayer **out_layer,
               guint         *out_local)
{
  for (guint i = 0; i < self->layers->len; i++)
    {
      FuChartLayer *layer = g_ptr_array_index (self->layers, i);
      guint n = fu_chart_layer_get_n_series (layer);

      if (series < n)
        {
          *out_layer = layer;
          *out_local = series;
          return TRUE;
        }
      series -= n;
    }
  return FALSE;
}

/* ---- Object ---------------------------------------------------------------------------- */

static void
category_clear (Category *category)
{
  g_clear_pointer (&category->label, g_free);
  g_clear_pointer (&category->suffix, g_free);
}

static void
fu_chart_dispose (GObject *object)
{
  FuChart *self = FU_CHART (object);

  g_clear_object (&self->axis);
  if (self->layers != NULL)
    g_ptr_array_set_size (self->layers, 0);

  G_OBJECT_CLASS (fu_chart_parent_class)->dispose (object);
}

static void
fu_chart_finalize (GObject *object)
{
  FuChart *self = FU_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->empty_message, g_free);
  g_clear_pointer (&self->font, g_free);
  g_clear_pointer (&self->categories, g_array_unref);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->rects, g_array_unref);
  g_clear_pointer (&self->texts, g_array_unref);

  G_OBJECT_CLASS (fu_chart_parent_class)->finalize (object);
}

static void
fu_chart_class_init (FuChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fu_chart_dispose;
  object_class->finalize = fu_chart_finalize;
}

static void
fu_chart_init (FuChart *self)
{
  FuChartStyle style;

  self->categories = g_array_new (FALSE, TRUE, sizeof (Category));
  g_array_set_clear_func (self->categories, (GDestroyNotify) category_clear);
  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
  self->rects = g_array_new (FALSE, TRUE, sizeof (FuChartRect));
  self->texts = g_array_new (FALSE, TRUE, sizeof (FuChartTextRect));
  self->axis = fu_chart_axis_new (FU_CHART_VALUE_COUNT);

  fu_chart_style_init_print (&style);
  fu_chart_set_style (self, &style);
}

/* ---- Public API: content --------------------------------------------------------------- */

FuChart *
fu_chart_new (FuChartOrientation orientation)
{
  FuChart *self = g_object_new (FU_TYPE_CHART, NULL);

  self->orientation = orientation;
  return self;
}

FuChartOrientation
fu_chart_get_orientation (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), FU_CHART_HORIZONTAL);

  return self->orientation;
}

const char *
fu_chart_get_title (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), NULL);

  return self->title;
}

void
fu_chart_set_title (FuChart    *self,
                    const char *title)
{
  g_return_if_fail (FU_IS_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
fu_chart_get_subtitle (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), NULL);

  return self->subtitle;
}

void
fu_chart_set_subtitle (FuChart    *self,
                       const char *subtitle)
{
  g_return_if_fail (FU_IS_CHART (self));

  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

const char *
fu_chart_get_empty_message (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), NULL);

  return self->empty_message;
}

void
fu_chart_set_empty_message (FuChart    *self,
                            const char *message)
{
  g_return_if_fail (FU_IS_CHART (self));

  g_free (self->empty_message);
  self->empty_message = g_strdup (message);
}

void
fu_chart_set_empty (FuChart  *self,
                    gboolean  empty)
{
  g_return_if_fail (FU_IS_CHART (self));

  self->empty = !!empty;
}

gboolean
fu_chart_is_empty (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), TRUE);

  return self->empty || self->categories->len == 0 || self->layers->len == 0;
}

void
fu_chart_set_style (FuChart            *self,
                    const FuChartStyle *style)
{
  g_return_if_fail (FU_IS_CHART (self));
  g_return_if_fail (style != NULL);

  g_free (self->font);
  self->font = g_strdup (style->font != NULL && *style->font != '\0' ? style->font : "Sans 10");
  self->style = *style;
  self->style.font = self->font;
  if (!(self->style.resolution > 0))
    self->style.resolution = 96.0;
}

const FuChartStyle *
fu_chart_get_style (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), NULL);

  return &self->style;
}

FuChartAxis *
fu_chart_get_value_axis (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), NULL);

  return self->axis;
}

void
fu_chart_set_value_axis (FuChart     *self,
                         FuChartAxis *axis)
{
  g_return_if_fail (FU_IS_CHART (self));
  g_return_if_fail (FU_IS_CHART_AXIS (axis));

  g_set_object (&self->axis, axis);
}

guint
fu_chart_add_category (FuChart    *self,
                       const char *label,
                       const char *suffix)
{
  Category category = { 0 };

  g_return_val_if_fail (FU_IS_CHART (self), 0);

  category.label = g_strdup (label != NULL ? label : "");
  category.suffix = suffix != NULL && *suffix != '\0' ? g_strdup (suffix) : NULL;
  g_array_append_val (self->categories, category);
  return self->categories->len - 1;
}

guint
fu_chart_get_n_categories (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), 0);

  return self->categories->len;
}

char *
fu_chart_dup_category_label (FuChart *self,
                             guint    category)
{
  const Category *c;

  g_return_val_if_fail (FU_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  c = &g_array_index (self->categories, Category, category);
  if (c->suffix == NULL)
    return g_strdup (c->label);
  return g_strdup_printf ("%s %s", c->label, c->suffix);
}

void
fu_chart_add_layer (FuChart      *self,
                    FuChartLayer *layer)
{
  g_return_if_fail (FU_IS_CHART (self));
  g_return_if_fail (FU_IS_CHART_LAYER (layer));

  g_ptr_array_add (self->layers, g_object_ref (layer));
}

guint
fu_chart_get_n_layers (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), 0);

  return self->layers->len;
}

FuChartLayer *
fu_chart_get_layer (FuChart *self,
                    guint    index)
{
  g_return_val_if_fail (FU_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->layers->len, NULL);

  return g_ptr_array_index (self->layers, index);
}

guint
fu_chart_get_n_series (FuChart *self)
{
  guint n = 0;

  g_return_val_if_fail (FU_IS_CHART (self), 0);

  for (guint i = 0; i < self->layers->len; i++)
    n += fu_chart_layer_get_n_series (g_ptr_array_index (self->layers, i));
  return n;
}

const char *
fu_chart_get_series_name (FuChart *self,
                          guint    series)
{
  FuChartLayer *layer;
  guint local;

  g_return_val_if_fail (FU_IS_CHART (self), NULL);

  if (!lookup_series (self, series, &layer, &local))
    g_return_val_if_reached (NULL);
  return fu_chart_layer_get_series_name (layer, local);
}

/* ---- Layout ---------------------------------------------------------------------------- */

static void
set_font_options (PangoContext *pango)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: text measures the same on an image, an SVG and a PDF surface. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango, options);
  cairo_font_options_destroy (options);
}

static PangoContext *
create_pango_context (FuChart *self,
                      cairo_t *cr)
{
  PangoContext *pango = pango_cairo_create_context (cr);

  pango_cairo_context_set_resolution (pango, self->style.resolution);
  set_font_options (pango);
  return pango;
}

/* A title or subtitle: wrapped at words, at most two lines, the rest shortened. */
static PangoLayout *
create_header_layout (const FuChartPlot *plot,
                      FuChartFont        font,
                      const char        *text,
                      double             width)
{
  PangoLayout *layout = fu_chart_plot_create_layout (plot, font, text);

  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -2);
  return layout;
}

static gboolean
has_legend (FuChart *self)
{
  guint n = 0;

  for (guint i = 0; i < self->layers->len; i++)
    {
      FuChartLayer *layer = g_ptr_array_index (self->layers, i);

      if (fu_chart_layer_get_in_legend (layer))
        n += fu_chart_layer_get_n_series (layer);
    }
  /* One series needs no key: the title says what the bars are. */
  return n > 1;
}

/* Lays the legend's entries out in lines within @width; draws them at @y when @draw.
 * Returns the legend's height. */
static double
legend_flow (FuChart     *self,
             FuChartPlot *plot,
             double       x0,
             double       y0,
             double       width,
             gboolean     draw)
{
  double lh = plot->line_height;
  double swatch = lh * 0.7;
  double x = x0;
  double y = y0;
  guint series = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < self->layers->len; i++)
    {
      FuChartLayer *layer = g_ptr_array_index (self->layers, i);
      FuChartLayerClass *klass = FU_CHART_LAYER_GET_CLASS (layer);
      guint n = fu_chart_layer_get_n_series (layer);

      if (!fu_chart_layer_get_in_legend (layer))
        {
          series += n;
          continue;
        }

      for (guint s = 0; s < n; s++, series++)
        {
          g_autoptr(PangoLayout) text = NULL;
          double text_width, text_height, entry;

          text = fu_chart_plot_create_layout (plot, FU_CHART_FONT_LABEL,
                                              fu_chart_layer_get_series_name (layer, s));
          pango_layout_set_width (text, (int) (MAX (width - swatch - lh * 0.4, 1.0) * PANGO_SCALE));
          pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
          fu_chart_layout_get_size (text, &text_width, &text_height);
          entry = swatch + lh * 0.4 + text_width;

          if (any && x + entry > x0 + width)
            {
              x = x0;
              y += lh * 1.15;
            }
          if (draw)
            {
              const FuChartColor *color = fu_chart_plot_color (plot,
                                            fu_chart_layer_get_series_color (layer, s));

              klass->draw_swatch (layer, plot->cr, s, x, y + (text_height - swatch) / 2,
                                  swatch, color);
              fu_chart_plot_show_layout (plot, text, x + swatch + lh * 0.4, y,
                                         &plot->style->foreground, FU_CHART_TEXT_LEGEND,
                                         series);
            }
          x += entry + lh * 1.2;
          any = TRUE;
        }
    }
  return any ? y - y0 + lh : 0.0;
}

/* The title, subtitle, legend and (vertical charts) the axis caption, from the top; draws
 * them when @draw. Returns the y below them. */
static double
layout_header (FuChart     *self,
               Layout      *lay,
               gboolean     draw)
{
  /* The header keeps its size when squeezed rows shrink their text. */
  FuChartPlot header = lay->plot;
  FuChartPlot *plot = &header;
  double lh = lay->base_line_height;
  double x = lay->margin;
  double width = lay->width - 2 * lay->margin;
  double y = lay->margin;

  header.text_scale = 1.0;
  header.line_height = lh;

  if (self->title != NULL && *self->title != '\0')
    {
      g_autoptr(PangoLayout) layout = create_header_layout (plot, FU_CHART_FONT_TITLE,
                                                            self->title, width);
      double h;

      fu_chart_layout_get_size (layout, NULL, &h);
      if (draw)
        fu_chart_plot_show_layout (plot, layout, x, y, &plot->style->foreground,
                                   FU_CHART_TEXT_TITLE, 0);
      y += h + lh * 0.15;
    }
  if (self->subtitle != NULL && *self->subtitle != '\0')
    {
      g_autoptr(PangoLayout) layout = create_header_layout (plot, FU_CHART_FONT_SUBTITLE,
                                                            self->subtitle, width);
      double h;

      fu_chart_layout_get_size (layout, NULL, &h);
      if (draw)
        fu_chart_plot_show_layout (plot, layout, x, y, &plot->style->secondary,
                                   FU_CHART_TEXT_SUBTITLE, 0);
      y += h;
    }
  if (!fu_chart_is_empty (self) && has_legend (self))
    {
      y += lh * 0.6;
      y += legend_flow (self, plot, x, y, width, draw);
    }
  return y;
}

static double
max_layer_value (FuChart *self)
{
  double max = 0.0;

  for (guint i = 0; i < self->layers->len; i++)
    {
      FuChartLayer *layer = g_ptr_array_index (self->layers, i);

      max = MAX (max, FU_CHART_LAYER_GET_CLASS (layer)->get_max_value (layer));
    }
  return max;
}

static double
natural_band (FuChart *self,
              double   line_height)
{
  double band = line_height * MIN_BAND;

  for (guint i = 0; i < self->layers->len; i++)
    {
      FuChartLayer *layer = g_ptr_array_index (self->layers, i);

      band = MAX (band, FU_CHART_LAYER_GET_CLASS (layer)->get_band_size (layer, line_height));
    }
  return band;
}

static double
layers_end_room (FuChart     *self,
                 FuChartPlot *plot)
{
  double room = 0.0;

  for (guint i = 0; i < self->layers->len; i++)
    {
      FuChartLayer *layer = g_ptr_array_index (self->layers, i);

      room = MAX (room, FU_CHART_LAYER_GET_CLASS (layer)->get_end_room (layer, plot));
    }
  return room;
}

static double
text_width (FuChartPlot *plot,
            FuChartFont  font,
            const char  *text)
{
  g_autoptr(PangoLayout) layout = fu_chart_plot_create_layout (plot, font, text);
  double width;

  fu_chart_layout_get_size (layout, &width, NULL);
  return width;
}

static double
text_height (FuChartPlot *plot,
             FuChartFont  font)
{
  g_autoptr(PangoLayout) layout = fu_chart_plot_create_layout (plot, font, "Ag");
  double height;

  fu_chart_layout_get_size (layout, NULL, &height);
  return height;
}

/* The widest tick label of the axis as it is now fitted. */
static double
widest_tick (FuChartPlot *plot)
{
  g_autoptr(GArray) ticks = fu_chart_axis_get_ticks (plot->axis);
  double widest = 0.0;

  for (guint i = 0; i < ticks->len; i++)
    {
      g_autofree char *text = fu_chart_axis_format_value (plot->axis,
                                                          g_array_index (ticks, double, i));

      widest = MAX (widest, text_width (plot, FU_CHART_FONT_SMALL, text));
    }
  return widest;
}

/* How many tick intervals fit along @length when each label needs @spacing. */
static guint
max_ticks_for (double length,
               double spacing)
{
  if (spacing <= 0)
    return 5;
  return (guint) CLAMP (floor (length / spacing), 1, 10);
}

/* The widest category label (with its suffix) at the current text scale. */
static double
widest_category (FuChart     *self,
                 FuChartPlot *plot)
{
  double widest = 0.0;
  double space = text_width (plot, FU_CHART_FONT_LABEL, " ");

  for (guint i = 0; i < self->categories->len; i++)
    {
      const Category *c = &g_array_index (self->categories, Category, i);
      double w = text_width (plot, FU_CHART_FONT_LABEL, c->label);

      if (c->suffix != NULL)
        w += space + text_width (plot, FU_CHART_FONT_LABEL, c->suffix);
      widest = MAX (widest, w);
    }
  return widest;
}

/* The widest single word of the category labels at the current text scale. */
static double
widest_word (FuChart     *self,
             FuChartPlot *plot)
{
  double widest = 0.0;

  for (guint i = 0; i < self->categories->len; i++)
    {
      const Category *c = &g_array_index (self->categories, Category, i);
      g_auto(GStrv) words = g_strsplit (c->label, " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          widest = MAX (widest, text_width (plot, FU_CHART_FONT_LABEL, words[w]));
    }
  return widest;
}

/* A vertical chart's category label: the label on at most COLUMN_LINES lines within the band. */
static PangoLayout *
create_column_label (FuChartPlot *plot,
                     const char  *text,
                     double       width)
{
  PangoLayout *layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_LABEL, text);

  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -COLUMN_LINES);
  return layout;
}

static double
column_labels_height (FuChart     *self,
                      FuChartPlot *plot,
                      double       band)
{
  double tallest = 0.0;

  for (guint i = 0; i < self->categories->len; i++)
    {
      const Category *c = &g_array_index (self->categories, Category, i);
      g_autoptr(PangoLayout) layout = create_column_label (plot, c->label,
                                                           band * COLUMN_LABEL_SHARE);
      double h;

      fu_chart_layout_get_size (layout, NULL, &h);
      if (c->suffix != NULL)
        h += plot->line_height;
      tallest = MAX (tallest, h);
    }
  return tallest;
}

/* Fills @lay for a drawing of @width × @height (@height <= 0: as tall as the chart needs,
 * which sets lay->height). */
static void
compute_layout (FuChart      *self,
                cairo_t      *cr,
                PangoContext *pango,
                double        width,
                double        height,
                Layout       *lay)
{
  FuChartPlot *plot = &lay->plot;
  double lh, caption_h, tick_h, data_max;
  gboolean natural = height <= 0;

  memset (lay, 0, sizeof *lay);
  plot->chart = self;
  plot->cr = cr;
  plot->pango = pango;
  plot->style = &self->style;
  plot->axis = self->axis;
  plot->orientation = self->orientation;
  plot->n_categories = self->categories->len;
  plot->text_scale = 1.0;
  lay->width = width;
  lay->height = height;

  lh = plot->line_height = text_height (plot, FU_CHART_FONT_LABEL);
  lay->base_line_height = lh;
  lay->margin = round (lh * MARGIN);
  lay->header_bottom = layout_header (self, lay, FALSE);

  if (fu_chart_is_empty (self))
    {
      if (natural)
        lay->height = lay->header_bottom + lh * 6 + lay->margin;
      return;
    }

  data_max = max_layer_value (self);
  caption_h = 0.0;
  if (fu_chart_axis_get_title (self->axis) != NULL)
    caption_h = text_height (plot, FU_CHART_FONT_SMALL);
  tick_h = text_height (plot, FU_CHART_FONT_SMALL);
  lay->caption_size = caption_h;

  if (self->orientation == FU_CHART_HORIZONTAL)
    {
      double inner = width - 2 * lay->margin;
      double bottom = tick_h + lh * TICK_GAP + (caption_h > 0 ? caption_h + lh * TICK_GAP : 0);
      double label_w, spacing, half_tick;
      double n = MAX (plot->n_categories, 1);

      lay->tick_size = tick_h;
      plot->y = lay->header_bottom + lh * HEADER_GAP;

      if (natural)
        {
          plot->band = natural_band (self, lh);
          plot->height = plot->band * n;
          lay->height = plot->y + plot->height + bottom + lay->margin;
        }
      else
        {
          plot->height = MAX (height - lay->margin - bottom - plot->y, lh);
          plot->band = plot->height / n;
          /* Rows thinner than a line of text: shrink the text, never overlap it. */
          if (plot->band < lh * 1.1)
            {
              plot->text_scale = MAX (plot->band / (lh * 1.1), MIN_SCALE);
              plot->line_height = text_height (plot, FU_CHART_FONT_LABEL);
            }
        }

      label_w = MIN (widest_category (self, plot), inner * MAX_LABEL_SHARE);
      lay->label_width = ceil (label_w);
      plot->x = lay->margin + lay->label_width + lh * LABEL_GAP;
      lay->end_room = layers_end_room (self, plot);
      plot->width = MAX (width - lay->margin - lay->end_room - plot->x, lh * 2);

      /* Tick labels sit centred on their ticks: the last one must fit past the end. */
      fu_chart_axis_fit (self->axis, data_max, 6);
      spacing = widest_tick (plot) + lh * 2.0;
      fu_chart_axis_fit (self->axis, data_max, max_ticks_for (plot->width, spacing));
      half_tick = widest_tick (plot) / 2;
      if (half_tick > lay->end_room)
        {
          lay->end_room = half_tick;
          plot->width = MAX (width - lay->margin - lay->end_room - plot->x, lh * 2);
          fu_chart_axis_fit (self->axis, data_max, max_ticks_for (plot->width, spacing));
        }
    }
  else
    {
      double tick_w, label_h, spacing;

      lay->end_room = layers_end_room (self, plot);
      plot->y = lay->header_bottom + lh * HEADER_GAP + (caption_h > 0 ? caption_h + lh * 0.3 : 0)
                + lay->end_room;

      /* The width first (labels' wrapping depends on it), with provisional ticks. */
      fu_chart_axis_fit (self->axis, data_max, 5);
      tick_w = widest_tick (plot);
      plot->x = lay->margin + tick_w + lh * LABEL_GAP;
      plot->width = MAX (width - lay->margin - plot->x, lh * 2);
      plot->band = plot->width / MAX (plot->n_categories, 1);
      /* A word wider than its column would be broken: shrink the labels to fit it. */
      {
        double widest = widest_word (self, plot);

        if (widest > plot->band * COLUMN_LABEL_SHARE)
          {
            plot->text_scale = MAX (plot->band * COLUMN_LABEL_SHARE / widest, COLUMN_MIN_SCALE);
            plot->line_height = text_height (plot, FU_CHART_FONT_LABEL);
          }
      }
      label_h = column_labels_height (self, plot, plot->band);
      lay->category_size = label_h;

      if (natural)
        {
          double h = MAX (width * 0.6, plot->y + lh * 12 + label_h + lh * TICK_GAP
                                       + lay->margin);

          lay->height = h;
        }
      plot->height = MAX (lay->height - lay->margin - label_h - lh * TICK_GAP - plot->y, lh);
      spacing = tick_h * 2.5;
      fu_chart_axis_fit (self->axis, data_max, max_ticks_for (plot->height, spacing));
      lay->tick_size = widest_tick (plot);
      plot->x = lay->margin + lay->tick_size + lh * LABEL_GAP;
      plot->width = MAX (width - lay->margin - plot->x, lh * 2);
      plot->band = plot->width / MAX (plot->n_categories, 1);
    }
}

/* ---- Drawing --------------------------------------------------------------------------- */

/* Lines one unit wide land on whole pixels when drawn at half-unit positions. */
static double
crisp (double v)
{
  return floor (v) + 0.5;
}

static void
draw_grid (FuChart *self,
           Layout  *lay)
{
  FuChartPlot *plot = &lay->plot;
  cairo_t *cr = plot->cr;
  g_autoptr(GArray) ticks = fu_chart_axis_get_ticks (self->axis);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  fu_chart_set_source_color (cr, &plot->style->grid);
  for (guint i = 0; i < ticks->len; i++)
    {
      double pos = fu_chart_plot_value_position (plot, g_array_index (ticks, double, i));

      if (self->orientation == FU_CHART_HORIZONTAL)
        {
          cairo_move_to (cr, crisp (pos), plot->y);
          cairo_line_to (cr, crisp (pos), plot->y + plot->height);
        }
      else
        {
          cairo_move_to (cr, plot->x, crisp (pos));
          cairo_line_to (cr, plot->x + plot->width, crisp (pos));
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_baseline (FuChart *self,
               Layout  *lay)
{
  FuChartPlot *plot = &lay->plot;
  cairo_t *cr = plot->cr;
  double min;
  double pos;

  fu_chart_axis_get_range (self->axis, &min, NULL);
  pos = fu_chart_plot_value_position (plot, min);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  fu_chart_set_source_color (cr, &plot->style->foreground);
  if (self->orientation == FU_CHART_HORIZONTAL)
    {
      cairo_move_to (cr, crisp (pos), plot->y);
      cairo_line_to (cr, crisp (pos), plot->y + plot->height);
    }
  else
    {
      cairo_move_to (cr, plot->x, crisp (pos));
      cairo_line_to (cr, plot->x + plot->width, crisp (pos));
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_ticks (FuChart *self,
            Layout  *lay)
{
  FuChartPlot *plot = &lay->plot;
  g_autoptr(GArray) ticks = fu_chart_axis_get_ticks (self->axis);
  double lh = plot->line_height;
  const char *caption = fu_chart_axis_get_title (self->axis);

  for (guint i = 0; i < ticks->len; i++)
    {
      double value = g_array_index (ticks, double, i);
      double pos = fu_chart_plot_value_position (plot, value);
      g_autofree char *text = fu_chart_axis_format_value (self->axis, value);
      g_autoptr(PangoLayout) layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_SMALL,
                                                                   text);
      double w, h;

      fu_chart_layout_get_size (layout, &w, &h);
      if (self->orientation == FU_CHART_HORIZONTAL)
        fu_chart_plot_show_layout (plot, layout, pos - w / 2,
                                   plot->y + plot->height + lh * TICK_GAP,
                                   &plot->style->secondary, FU_CHART_TEXT_TICK, i);
      else
        fu_chart_plot_show_layout (plot, layout, plot->x - lh * LABEL_GAP - w, pos - h / 2,
                                   &plot->style->secondary, FU_CHART_TEXT_TICK, i);
    }

  if (caption != NULL)
    {
      g_autoptr(PangoLayout) layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_SMALL,
                                                                   caption);
      double w, h;

      if (self->orientation == FU_CHART_HORIZONTAL)
        {
          pango_layout_set_width (layout, (int) (plot->width * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          fu_chart_layout_get_size (layout, &w, &h);
          fu_chart_plot_show_layout (plot, layout, plot->x + (plot->width - w) / 2,
                                     plot->y + plot->height + lh * TICK_GAP * 2 + lay->tick_size,
                                     &plot->style->secondary, FU_CHART_TEXT_AXIS_TITLE, 0);
        }
      else
        {
          /* Above the value axis, reading across: no rotated text to tilt one's head for. */
          pango_layout_set_width (layout, (int) ((lay->width - 2 * lay->margin) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          fu_chart_layout_get_size (layout, &w, &h);
          fu_chart_plot_show_layout (plot, layout, lay->margin,
                                     lay->header_bottom + lh * HEADER_GAP,
                                     &plot->style->secondary, FU_CHART_TEXT_AXIS_TITLE, 0);
        }
    }
}

static void
draw_row_labels (FuChart *self,
                 Layout  *lay)
{
  FuChartPlot *plot = &lay->plot;
  double right = lay->margin + lay->label_width;
  double space = text_width (plot, FU_CHART_FONT_LABEL, " ");
  double last_bottom = -G_MAXDOUBLE;

  for (guint i = 0; i < self->categories->len; i++)
    {
      const Category *c = &g_array_index (self->categories, Category, i);
      g_autoptr(PangoLayout) label = fu_chart_plot_create_layout (plot, FU_CHART_FONT_LABEL,
                                                                  c->label);
      g_autoptr(PangoLayout) suffix = NULL;
      double start, band, label_w, label_h, suffix_w = 0.0, top, avail;

      fu_chart_plot_band (plot, i, &start, &band);
      if (c->suffix != NULL)
        {
          suffix = fu_chart_plot_create_layout (plot, FU_CHART_FONT_LABEL, c->suffix);
          fu_chart_layout_get_size (suffix, &suffix_w, NULL);
          /* In a very narrow column the month goes before the title does. */
          if (suffix_w + space > lay->label_width * 0.6)
            {
              g_clear_object (&suffix);
              suffix_w = 0.0;
            }
        }
      avail = lay->label_width - (suffix != NULL ? suffix_w + space : 0.0);
      pango_layout_set_width (label, (int) (MAX (avail, 1.0) * PANGO_SCALE));
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      fu_chart_layout_get_size (label, &label_w, &label_h);

      top = start + (band - label_h) / 2;
      /* Rows squeezed below the smallest text: label as many as fit without overlap. */
      if (top < last_bottom)
        continue;
      last_bottom = top + label_h;

      if (suffix != NULL)
        {
          double x = right - suffix_w - space - label_w;

          fu_chart_plot_show_layout (plot, label, x, top, &plot->style->foreground,
                                     FU_CHART_TEXT_CATEGORY, i);
          fu_chart_plot_show_layout (plot, suffix, right - suffix_w, top,
                                     &plot->style->secondary, FU_CHART_TEXT_CATEGORY, i);
        }
      else
        {
          fu_chart_plot_show_layout (plot, label, right - label_w, top,
                                     &plot->style->foreground, FU_CHART_TEXT_CATEGORY, i);
        }
    }
}

static void
draw_column_labels (FuChart *self,
                    Layout  *lay)
{
  FuChartPlot *plot = &lay->plot;
  double lh = plot->line_height;
  double top = plot->y + plot->height + lh * TICK_GAP;

  for (guint i = 0; i < self->categories->len; i++)
    {
      const Category *c = &g_array_index (self->categories, Category, i);
      double start, band, w, h;
      g_autoptr(PangoLayout) label = NULL;

      fu_chart_plot_band (plot, i, &start, &band);
      label = create_column_label (plot, c->label, band * COLUMN_LABEL_SHARE);
      fu_chart_layout_get_size (label, &w, &h);
      /* The layout is centred within its own width, which is centred on the band. */
      fu_chart_plot_show_layout (plot, label, start + band * (1 - COLUMN_LABEL_SHARE) / 2, top,
                                 &plot->style->foreground, FU_CHART_TEXT_CATEGORY, i);
      if (c->suffix != NULL)
        {
          g_autoptr(PangoLayout) suffix = create_column_label (plot, c->suffix,
                                                               band * COLUMN_LABEL_SHARE);

          pango_layout_set_height (suffix, -1);
          fu_chart_plot_show_layout (plot, suffix, start + band * (1 - COLUMN_LABEL_SHARE) / 2,
                                     top + h,
                                     &plot->style->secondary, FU_CHART_TEXT_CATEGORY, i);
        }
    }
}

static void
draw_empty (FuChart *self,
            Layout  *lay)
{
  FuChartPlot *plot = &lay->plot;
  const char *message = self->empty_message != NULL ? self->empty_message : _("Nothing to show");
  g_autoptr(PangoLayout) layout = fu_chart_plot_create_layout (plot, FU_CHART_FONT_MESSAGE,
                                                               message);
  double inner = lay->width - 2 * lay->margin;
  double top = lay->header_bottom + plot->line_height * HEADER_GAP;
  double avail = lay->height - lay->margin - top;
  double w, h;

  pango_layout_set_width (layout, (int) (MAX (inner, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  fu_chart_layout_get_size (layout, &w, &h);
  fu_chart_plot_show_layout (plot, layout, lay->margin, top + MAX ((avail - h) / 2, 0.0),
                             &plot->style->secondary, FU_CHART_TEXT_MESSAGE, 0);
}

void
fu_chart_draw (FuChart *self,
               cairo_t *cr,
               double   width,
               double   height)
{
  PangoContext *pango;
  Layout lay;
  guint series = 0;

  g_return_if_fail (FU_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  g_array_set_size (self->rects, 0);
  g_array_set_size (self->texts, 0);
  if (!(width > 0) || !(height > 0))
    return;

  cairo_save (cr);
  pango = create_pango_context (self, cr);
  compute_layout (self, cr, pango, width, height, &lay);

  if (self->style.background.alpha > 0)
    {
      fu_chart_set_source_color (cr, &self->style.background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  layout_header (self, &lay, TRUE);

  if (fu_chart_is_empty (self))
    {
      draw_empty (self, &lay);
      cairo_restore (cr);
      g_object_unref (pango);
      return;
    }

  draw_grid (self, &lay);
  for (guint i = 0; i < self->layers->len; i++)
    {
      FuChartLayer *layer = g_ptr_array_index (self->layers, i);
      FuChartPlot plot = lay.plot;

      plot.first_series = series;
      cairo_save (cr);
      FU_CHART_LAYER_GET_CLASS (layer)->draw (layer, &plot);
      cairo_restore (cr);
      series += fu_chart_layer_get_n_series (layer);
    }
  draw_baseline (self, &lay);
  draw_ticks (self, &lay);
  if (self->orientation == FU_CHART_HORIZONTAL)
    draw_row_labels (self, &lay);
  else
    draw_column_labels (self, &lay);

  cairo_restore (cr);
  g_object_unref (pango);
}

void
fu_chart_get_natural_size (FuChart *self,
                           double   width,
                           double  *height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *pango;
  Layout lay;

  g_return_if_fail (FU_IS_CHART (self));
  g_return_if_fail (height != NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  pango = create_pango_context (self, cr);
  compute_layout (self, cr, pango, MAX (width, 1.0), 0, &lay);
  *height = ceil (lay.height);
  g_object_unref (pango);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

const GArray *
fu_chart_get_drawn_rects (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), NULL);

  return self->rects;
}

const GArray *
fu_chart_get_drawn_text (FuChart *self)
{
  g_return_val_if_fail (FU_IS_CHART (self), NULL);

  return self->texts;
}

const FuChartRect *
fu_chart_hit_test (FuChart *self,
                   double   x,
                   double   y)
{
  g_return_val_if_fail (FU_IS_CHART (self), NULL);

  /* The last drawn is on top. */
  for (guint i = self->rects->len; i > 0; i--)
    {
      const FuChartRect *rect = &g_array_index (self->rects, FuChartRect, i - 1);

      if (x >= rect->x && x < rect->x + rect->width &&
          y >= rect->y && y < rect->y + rect->height)
        return rect;
    }
  return NULL;
}

/* ---- Text ------------------------------------------------------------------------------ */

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  gsize len;

  if (sentence == NULL || *sentence == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
  len = strlen (sentence);
  if (strchr (".!?:", sentence[len - 1]) == NULL)
    g_string_append_c (text, '.');
}

char *
fu_chart_describe (FuChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (FU_IS_CHART (self), NULL);

  append_sentence (text, self->title);
  append_sentence (text, self->subtitle);
  if (fu_chart_is_empty (self))
    {
      append_sentence (text, self->empty_message);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint c = 0; c < self->categories->len; c++)
    {
      g_autofree char *label = fu_chart_dup_category_label (self, c);
      g_autoptr(GString) line = g_string_new (label);
      gboolean first = TRUE;

      g_string_append (line, ": ");
      for (guint i = 0; i < self->layers->len; i++)
        {
          FuChartLayer *layer = g_ptr_array_index (self->layers, i);
          FuChartLayerClass *klass = FU_CHART_LAYER_GET_CLASS (layer);

          for (guint s = 0; s < fu_chart_layer_get_n_series (layer); s++)
            {
              g_autofree char *value = klass->describe_value (layer, self->axis, s, c);

              if (value == NULL)
                continue;
              if (!first)
                g_string_append (line, "; ");
              g_string_append (line, value);
              first = FALSE;
            }
        }
      append_sentence (text, line->str);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
fu_chart_describe_rect (FuChart           *self,
                        const FuChartRect *rect)
{
  FuChartLayer *layer;
  guint local;
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (FU_IS_CHART (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  if (rect->category >= self->categories->len ||
      !lookup_series (self, rect->series, &layer, &local))
    return NULL;
  label = fu_chart_dup_category_label (self, rect->category);
  value = FU_CHART_LAYER_GET_CLASS (layer)->describe_value (layer, self->axis, local,
                                                            rect->category);
  return g_strdup_printf ("%s\n%s", label, value);
}

/* ---- Files ----------------------------------------------------------------------------- */

gboolean
fu_chart_format_from_path (const char    *path,
                           FuChartFormat *format,
                           GError       **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = FU_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = FU_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = FU_CHART_FORMAT_PDF;
  else
    {
      g_autofree char *base = g_path_get_basename (path);

      g_set_error (error, FU_CHART_ERROR, FU_CHART_ERROR_FORMAT,
                   _("%s: name the file .png, .svg or .pdf to choose the chart's format"),
                   base);
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
write_cb (void                *user_data,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (user_data, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* fu_chart_write once the chart has the print style: the natural height too is measured
 * with the print font and resolution, so it fits what is drawn. */
static gboolean
write_file (FuChart        *self,
            const char     *path,
            FuChartFormat   format,
            int             width,
            int             height,
            GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *base = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  cairo_t *cr;

  if (width < MIN_FILE_SIZE || width > MAX_FILE_SIZE)
    {
      g_set_error (error, FU_CHART_ERROR, FU_CHART_ERROR_INVALID,
                   _("A chart %d wide is out of range: give a width from %d to %d"),
                   width, MIN_FILE_SIZE, MAX_FILE_SIZE);
      return FALSE;
    }
  if (height <= 0)
    {
      double natural;

      fu_chart_get_natural_size (self, width, &natural);
      height = (int) CLAMP (ceil (natural), (double) MIN_FILE_SIZE, (double) MAX_FILE_SIZE);
    }
  if (height < MIN_FILE_SIZE || height > MAX_FILE_SIZE)
    {
      g_set_error (error, FU_CHART_ERROR, FU_CHART_ERROR_INVALID,
                   _("A chart %d high is out of range: give a height from %d to %d"),
                   height, MIN_FILE_SIZE, MAX_FILE_SIZE);
      return FALSE;
    }

  base = g_path_get_basename (path);

  switch (format)
    {
    case FU_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    case FU_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_cb, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case FU_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, width, height);
      if (self->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Follow-Up");
      break;
    case FU_CHART_FORMAT_AUTO:
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  fu_chart_draw (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (format == FU_CHART_FORMAT_PNG)
        status = cairo_surface_write_to_png_stream (surface, write_cb, bytes);
      else
        {
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FU_CHART_ERROR, FU_CHART_ERROR_FAILED,
                   _("Could not draw the chart into %s: %s"), base,
                   cairo_status_to_string (status));
      return FALSE;
    }
  /* Drawn in memory, written whole: @path stays as it was when anything fails. */
  return fu_file_write_private (path, bytes->data, bytes->len, error);
}

gboolean
fu_chart_write (FuChart        *self,
                const char     *path,
                FuChartFormat   format,
                int             width,
                int             height,
                GError        **error)
{
  g_autofree char *saved_font = NULL;
  FuChartStyle saved_style;
  FuChartStyle print_style;
  gboolean ok;

  g_return_val_if_fail (FU_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == FU_CHART_FORMAT_AUTO && !fu_chart_format_from_path (path, &format, error))
    return FALSE;

  /* Files get the fixed print palette and font whatever the screen's theme is, from the
   * natural height on; the screen's style comes back afterwards. */
  saved_font = g_strdup (self->font);
  saved_style = self->style;
  saved_style.font = saved_font;
  fu_chart_style_init_print (&print_style);
  fu_chart_set_style (self, &print_style);
  ok = write_file (self, path, format, width, height, error);
  fu_chart_set_style (self, &saved_style);
  return ok;
}
