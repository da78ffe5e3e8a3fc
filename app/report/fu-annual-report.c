/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-annual-report.c: the annual Good Practice Report as a list of page-layout blocks.
 * The data is read once, when the report is made; the blocks are built again for each
 * pagination, so that the issue date set after construction shows. */
#define G_LOG_DOMAIN "fu-annual-report"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "fu-context.h"
#include "fu-day.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-chart.h"
#include "fu-charts.h"
#include "fu-page-layout.h"
#include "fu-annual-report.h"

#define FONT_BODY        "Sans 9.5"
#define FONT_SECTION     "Sans Bold 13"
#define FONT_SUBSECTION  "Sans Bold 10.5"
#define FONT_CAPTION     "Sans Bold 9"
#define FONT_NOTE        "Sans 8"
#define FONT_QUOTE       "Sans 9"
#define FONT_ATTRIBUTION "Sans Italic 8"
#define FONT_TOC         "Sans 10"
#define CHART_FONT       "Sans 8"

/* Sizes in points. */
#define SECTION_SPACE     18.0
#define SUBSECTION_SPACE  10.0
#define PARAGRAPH_SPACE    6.0
#define QUOTE_SPACE        5.0
#define QUOTE_INDENT      12.0
#define QUOTE_MAX_CHARS 2000    /* a reply longer than a page is cut, with an ellipsis */

/* The print palette's one accent: Okabe-Ito blue. */
#define ACCENT_R 0.000
#define ACCENT_G 0.447
#define ACCENT_B 0.698

struct _FuAnnualReport
{
  GObject        parent_instance;

  guint          fiscal_year;
  FuRules        rules;
  FuDay          first;
  FuDay          last;
  FuDay          date;
  char          *label;       /* "FY2016/17" */
  char          *title;
  char          *office;

  GPtrArray     *rows;        /* FuSummaryRow, in date order */
  FuSummaryRow  *total;
  GArray        *trend;       /* FuTrendPoint */
  GPtrArray     *replies;     /* FuReplyRow */
  GPtrArray     *inhouse;     /* FuInhouseRow */
  GArray        *earlier;     /* FuEarlierYear: years before the database */
  GHashTable    *row_by_code; /* workshop code → 1-based row number */
  FuChart       *charts[FU_N_CHART_KINDS];  /* the ones the report shows; others NULL */

  FuPageLayout  *layout;
};

G_DEFINE_FINAL_TYPE (FuAnnualReport, fu_annual_report, G_TYPE_OBJECT)

/* ---- Formatting ------------------------------------------------------------------------ */

/* Rounded half up, of @of; 0 when @of is 0. */
/* "96 (65%)", as the seed writes totals; a bare count when there is nothing to divide by. */
static char *
count_with_percent (guint n,
                    guint of)
{
  if (of == 0)
    return g_strdup_printf ("%u", n);
  /* TRANSLATORS: a count and its share of the replies, e.g. "96 (65%)" */
  return g_strdup_printf (_("%u (%u%%)"), n, fu_percent (n, of));
}

static char *
rate_text (guint n,
           guint of)
{
  if (of == 0)
    return g_strdup ("–");
  /* TRANSLATORS: a percentage, "57%" */
  return g_strdup_printf (_("%u%%"), fu_percent (n, of));
}

/* A year's reply rate, from its totals or, for a year entered as a rate, from that rate. */
static char *
point_rate_text (const FuTrendPoint *point)
{
  if (point->participants > 0 || point->rate_tenths == 0)
    return rate_text (point->replies, point->participants);
  return g_strdup_printf (_("%u%%"), (guint) ((fu_trend_point_rate_tenths (point) + 5) / 10));
}

/* How many fiscal years the trend table and chart show, the report's own included. */
#define REPORT_TREND_YEARS 5

/* "Jul. 2016", as the seed dates its workshops. */
static char *
month_label (FuDay day)
{
  static const char *months[] = {
    N_("Jan."), N_("Feb."), N_("Mar."), N_("Apr."), N_("May"), N_("Jun."),
    N_("Jul."), N_("Aug."), N_("Sep."), N_("Oct."), N_("Nov."), N_("Dec."),
  };
  guint year, month, mday;

  if (day == FU_DAY_NONE)
    return g_strdup ("");
  fu_day_get_ymd (day, &year, &month, &mday);
  return g_strdup_printf ("%s %u", _(months[month - 1]), year);
}

/* "23 November 2026" in the user's language. */
static char *
long_date (FuDay day)
{
  g_autoptr(GDateTime) time = NULL;
  guint year, month, mday;

  if (day == FU_DAY_NONE)
    return g_strdup ("");
  fu_day_get_ymd (day, &year, &month, &mday);
  time = g_date_time_new_utc ((int) year, (int) month, (int) mday, 0, 0, 0);
  if (time == NULL)
    return fu_day_to_iso (day);
  return g_date_time_format (time, "%-d %B %Y");
}

/* "WCO Regional Workshop on NII" → "Regional Workshop on NII": the quotes' attributions
 * are long enough. */
static const char *
short_title (const char *title)
{
  if (title == NULL)
    return "";
  if (g_str_has_prefix (title, "WCO ") && title[4] != '\0')
    return title + 4;
  return title;
}

char *
fu_annual_report_workshop_label (const FuSummaryRow *row)
{
  g_autofree char *month = month_label (row->start_date);

  return g_strdup_printf ("%s (%s)", row->title != NULL ? row->title : row->code, month);
}

static char *
number_cell (guint number)
{
  return g_strdup_printf ("(%u)", number);
}

/* "A, B and C". */
static char *
join_names (GPtrArray *names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0 && i + 1 == names->len)
        g_string_append (text, _(" and "));
      else if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (names, i));
    }
  return g_string_free (text, FALSE);
}

static inline const FuSummaryRow *
summary_row (FuAnnualReport *self,
             guint           i)
{
  return g_ptr_array_index (self->rows, i);
}

/* ---- Builder --------------------------------------------------------------------------- */

typedef struct {
  char  *text;
  guint  block;
} TocEntry;

typedef struct {
  FuPageLayout *layout;   /* not owned */
  GArray       *entries;  /* TocEntry */
} Toc;

typedef struct {
  FuAnnualReport *self;
  FuPageLayout   *layout;
  Toc            *toc;
  guint           section;
} Builder;

static void
toc_entry_clear (gpointer data)
{
  TocEntry *entry = data;

  g_free (entry->text);
}

static void
toc_free (gpointer data)
{
  Toc *toc = data;

  g_array_unref (toc->entries);
  g_free (toc);
}

static double
toc_measure (gpointer      data,
             PangoContext *context,
             double        width,
             double        page_height)
{
  Toc *toc = data;
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (FONT_TOC);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "Ég", -1);
  pango_layout_get_size (layout, &w, &h);
  return toc->entries->len * ((double) h / PANGO_SCALE + 5.0);
}

/* The page numbers are known when the page is drawn: pagination has placed every heading. */
static void
toc_draw (gpointer               data,
          cairo_t               *cr,
          const FuPageBlockInfo *info)
{
  Toc *toc = data;
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (FONT_TOC);
  double y = 0;

  for (guint i = 0; i < toc->entries->len; i++)
    {
      const TocEntry *entry = &g_array_index (toc->entries, TocEntry, i);
      g_autoptr(PangoLayout) left = pango_layout_new (info->context);
      g_autoptr(PangoLayout) right = pango_layout_new (info->context);
      g_autofree char *page = NULL;
      int page_index = fu_page_layout_get_block_page (toc->layout, entry->block);
      int lw, lh, rw, rh;

      page = page_index >= 0 ? g_strdup_printf ("%d", page_index + 1) : g_strdup ("");
      pango_layout_set_font_description (right, desc);
      pango_layout_set_text (right, page, -1);
      pango_layout_get_size (right, &rw, &rh);

      pango_layout_set_font_description (left, desc);
      pango_layout_set_text (left, entry->text, -1);
      pango_layout_set_width (left, (int) ((info->width - 60) * PANGO_SCALE));
      pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
      pango_layout_get_size (left, &lw, &lh);

      cairo_set_source_rgb (cr, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT);
      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, left);
      cairo_move_to (cr, info->width - (double) rw / PANGO_SCALE, y);
      pango_cairo_show_layout (cr, right);

      /* A dotted leader from the entry to its page number. */
      cairo_set_source_rgb (cr, FU_PAGE_INK_RULE, FU_PAGE_INK_RULE, FU_PAGE_INK_RULE);
      cairo_set_line_width (cr, 0.8);
      cairo_set_dash (cr, (const double[]) { 0.8, 2.6 }, 2, 0);
      cairo_move_to (cr, (double) lw / PANGO_SCALE + 6, y + (double) lh / PANGO_SCALE * 0.75);
      cairo_line_to (cr, info->width - (double) rw / PANGO_SCALE - 6,
                     y + (double) lh / PANGO_SCALE * 0.75);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      y += (double) lh / PANGO_SCALE + 5.0;
    }
}

static void
add_paragraph_full (Builder          *b,
                    const char       *markup,
                    FuPageBlockFlags  flags)
{
  fu_page_layout_add_space (b->layout, PARAGRAPH_SPACE);
  fu_page_layout_add_paragraph (b->layout, FONT_BODY, markup, 0, flags);
}

/* Plain text, escaped for Pango: a translation may hold an ampersand. */
static void
add_text (Builder          *b,
          const char       *text,
          FuPageBlockFlags  flags)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  add_paragraph_full (b, markup, flags);
}

/* A paragraph that opens a section or a table: kept with what follows. */
static void G_GNUC_PRINTF (2, 3)
add_intro_printf (Builder    *b,
                  const char *format,
                  ...)
{
  g_autofree char *markup = NULL;
  va_list args;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  add_paragraph_full (b, markup, FU_PAGE_BLOCK_KEEP_WITH_NEXT);
}

static void G_GNUC_PRINTF (2, 3)
add_paragraph_printf (Builder    *b,
                      const char *format,
                      ...)
{
  g_autofree char *markup = NULL;
  va_list args;

  va_start (args, format);
  markup = g_markup_vprintf_escaped (format, args);
  va_end (args);
  add_paragraph_full (b, markup, FU_PAGE_BLOCK_DEFAULT);
}

static void
add_note (Builder    *b,
          const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  fu_page_layout_add_space (b->layout, 3.0);
  fu_page_layout_add_paragraph_full (b->layout, FONT_NOTE, markup, 0, FU_PAGE_INK_SECONDARY,
                                     FU_PAGE_BLOCK_DEFAULT);
}

/* A numbered section: listed in the contents, kept with what follows. */
static void
add_section (Builder    *b,
             const char *title)
{
  g_autofree char *text = g_strdup_printf ("%u. %s", ++b->section, title);
  g_autofree char *markup = g_markup_escape_text (text, -1);
  TocEntry entry;

  fu_page_layout_add_space (b->layout, SECTION_SPACE);
  entry.block = fu_page_layout_add_paragraph (b->layout, FONT_SECTION, markup, 0,
                                              FU_PAGE_BLOCK_KEEP_WITH_NEXT
                                              | FU_PAGE_BLOCK_SECTION);
  fu_page_layout_set_tag (b->layout, entry.block, "H1", NULL);
  entry.text = g_steal_pointer (&text);
  g_array_append_val (b->toc->entries, entry);
}

static void
add_subsection (Builder    *b,
                const char *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);

  guint block;

  fu_page_layout_add_space (b->layout, SUBSECTION_SPACE);
  block = fu_page_layout_add_paragraph (b->layout, FONT_SUBSECTION, markup, 0,
                                        FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  fu_page_layout_set_tag (b->layout, block, "H2", NULL);
}

static void
add_caption (Builder    *b,
             const char *caption)
{
  g_autofree char *markup = g_markup_escape_text (caption, -1);

  guint block;

  fu_page_layout_add_space (b->layout, 10.0);
  block = fu_page_layout_add_paragraph (b->layout, FONT_CAPTION, markup, 0,
                                        FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  fu_page_layout_set_tag (b->layout, block, "Caption", NULL);
  fu_page_layout_add_space (b->layout, 3.0);
}

/* ---- Quotes ---------------------------------------------------------------------------- */

typedef struct {
  char *text;
  char *attribution;
} Quote;

static void
quote_free (gpointer data)
{
  Quote *quote = data;

  g_free (quote->text);
  g_free (quote->attribution);
  g_free (quote);
}

static PangoLayout *
quote_layout (PangoContext *context,
              const char   *font,
              const char   *text,
              double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (width - QUOTE_INDENT, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
quote_measure (gpointer      data,
               PangoContext *context,
               double        width,
               double        page_height)
{
  Quote *quote = data;
  g_autoptr(PangoLayout) text = quote_layout (context, FONT_QUOTE, quote->text, width);
  g_autoptr(PangoLayout) attribution = quote_layout (context, FONT_ATTRIBUTION,
                                                     quote->attribution, width);
  int w, h1, h2;

  pango_layout_get_size (text, &w, &h1);
  pango_layout_get_size (attribution, &w, &h2);
  return (double) (h1 + h2) / PANGO_SCALE + 2.0;
}

static void
quote_draw (gpointer               data,
            cairo_t               *cr,
            const FuPageBlockInfo *info)
{
  Quote *quote = data;
  g_autoptr(PangoLayout) text = quote_layout (info->context, FONT_QUOTE, quote->text,
                                              info->width);
  g_autoptr(PangoLayout) attribution = quote_layout (info->context, FONT_ATTRIBUTION,
                                                     quote->attribution, info->width);
  int w, h;

  /* A bar down the quote's left, in the accent colour, sets it apart from the report's
   * own words. */
  cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
  cairo_rectangle (cr, 2, 1, 2, info->height - 2);
  cairo_fill (cr);

  pango_layout_get_size (text, &w, &h);
  cairo_set_source_rgb (cr, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT);
  cairo_move_to (cr, QUOTE_INDENT, 0);
  pango_cairo_show_layout (cr, text);

  cairo_set_source_rgb (cr, FU_PAGE_INK_SECONDARY, FU_PAGE_INK_SECONDARY,
                        FU_PAGE_INK_SECONDARY);
  cairo_move_to (cr, QUOTE_INDENT, (double) h / PANGO_SCALE + 2.0);
  pango_cairo_show_layout (cr, attribution);
}

typedef enum {
  FIELD_OTHER_ACTION,
  FIELD_LESSONS_USE,
  FIELD_DIRECT_EFFECTS,
  FIELD_CONTRIBUTED,
  FIELD_PROJECT,
} QuoteField;

#define ANY_ANSWER ((FuAnswer) -2)

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static const char *
reply_text (const FuReply *reply,
            QuoteField     field,
            FuAnswer      *answer)
{
  *answer = ANY_ANSWER;
  switch (field)
    {
    case FIELD_OTHER_ACTION:
      return reply->other_action_text;
    case FIELD_LESSONS_USE:
      return reply->lessons_use;
    case FIELD_DIRECT_EFFECTS:
      *answer = reply->direct_effects;
      return reply->direct_effects_text;
    case FIELD_CONTRIBUTED:
      *answer = reply->contributed;
      return reply->contributed_text;
    case FIELD_PROJECT:
    default:
      *answer = reply->project_initiated;
      return reply->project_text;
    }
}

/* The reply's text, trimmed, with its line breaks kept, cut at QUOTE_MAX_CHARS. */
static char *
quote_text (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  glong length = g_utf8_strlen (trimmed, -1);

  if (length > QUOTE_MAX_CHARS)
    {
      const char *end = g_utf8_offset_to_pointer (trimmed, QUOTE_MAX_CHARS);

      /* TRANSLATORS: a quoted answer, cut short */
      return g_strdup_printf (_("“%.*s…”"), (int) (end - trimmed), trimmed);
    }
  /* TRANSLATORS: a quoted answer */
  return g_strdup_printf (_("“%s”"), trimmed);
}

/* One text and everyone who wrote it: the same words from several replies are quoted
 * once, as the seed does ("Malaysia, Maldives and Samoa after the Workshop on NII"). */
typedef struct {
  guint       workshop;        /* index into the summary rows */
  const char *administration;  /* owned by the reply row */
} Source;

typedef struct {
  char   *text;     /* trimmed */
  GArray *sources;  /* Source */
} QuoteGroup;

static void
quote_group_free (gpointer data)
{
  QuoteGroup *group = data;

  g_free (group->text);
  g_array_unref (group->sources);
  g_free (group);
}

static void
quote_group_add (QuoteGroup *group,
                 guint       workshop,
                 const char *administration)
{
  Source source = { workshop, administration };

  for (guint i = 0; i < group->sources->len; i++)
    {
      const Source *other = &g_array_index (group->sources, Source, i);

      if (other->workshop == workshop && g_strcmp0 (other->administration, administration) == 0)
        return;
    }
  g_array_append_val (group->sources, source);
}

/* "— Mongolia and New Zealand, Regional Workshop on X; China, Regional Workshop on Y":
 * workshops in the order their replies came, administrations in each in theirs. */
static char *
quote_attribution (FuAnnualReport   *self,
                   const QuoteGroup *group)
{
  g_autoptr(GString) text = g_string_new ("— ");
  g_autoptr(GArray) workshops = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean by_number;

  for (guint i = 0; i < group->sources->len; i++)
    {
      guint workshop = g_array_index (group->sources, Source, i).workshop;
      gboolean seen = FALSE;

      for (guint j = 0; j < workshops->len && !seen; j++)
        seen = g_array_index (workshops, guint, j) == workshop;
      if (!seen)
        g_array_append_val (workshops, workshop);
    }

  /* Words that came from many workshops name them by their numbers in Table 1, or the
   * attribution would outgrow the quote. */
  by_number = workshops->len > 2;
  for (guint j = 0; j < workshops->len; j++)
    {
      guint workshop = g_array_index (workshops, guint, j);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *list = NULL;

      for (guint i = 0; i < group->sources->len; i++)
        {
          const Source *source = &g_array_index (group->sources, Source, i);

          if (source->workshop == workshop && !is_blank (source->administration))
            g_ptr_array_add (names, (gpointer) source->administration);
        }
      list = join_names (names);
      if (j > 0)
        g_string_append (text, "; ");
      if (by_number)
        /* TRANSLATORS: who said a quoted answer: administrations, workshop's number */
        g_string_append_printf (text, _("%s (%u)"), list, workshop + 1);
      else if (*list != '\0')
        /* TRANSLATORS: who said a quoted answer: administrations, workshop */
        g_string_append_printf (text, _("%s, %s"), list,
                                short_title (summary_row (self, workshop)->title));
      else
        g_string_append (text, short_title (summary_row (self, workshop)->title));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Quotes the replies' @field whose answer is @answer (ANY_ANSWER: all), under @heading when
 * there is one. Returns how many quotes there were. */
static guint
add_quotes (Builder    *b,
            const char *heading,
            QuoteField  field,
            FuAnswer    answer)
{
  FuAnnualReport *self = b->self;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (quote_group_free);
  g_autoptr(GHashTable) by_text = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->replies->len; i++)
    {
      const FuReplyRow *row = g_ptr_array_index (self->replies, i);
      g_autofree char *trimmed = NULL;
      gpointer number;
      QuoteGroup *group;
      const char *text;
      FuAnswer given;

      /* Replies to workshops outside Tables 1 to 5 (no longer surveyed) are not quoted. */
      if (!g_hash_table_lookup_extended (self->row_by_code, row->workshop_code, NULL, &number))
        continue;
      text = reply_text (&row->reply, field, &given);
      if (is_blank (text) || (answer != ANY_ANSWER && given != answer))
        continue;

      trimmed = g_strstrip (g_strdup (text));
      group = g_hash_table_lookup (by_text, trimmed);
      if (group == NULL)
        {
          group = g_new0 (QuoteGroup, 1);
          group->text = g_steal_pointer (&trimmed);
          group->sources = g_array_new (FALSE, FALSE, sizeof (Source));
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_text, group->text, group);
        }
      quote_group_add (group, GPOINTER_TO_UINT (number) - 1, row->administration);
    }

  if (groups->len > 0 && heading != NULL)
    add_subsection (b, heading);
  for (guint i = 0; i < groups->len; i++)
    {
      const QuoteGroup *group = g_ptr_array_index (groups, i);
      Quote *quote = g_new0 (Quote, 1);

      quote->text = quote_text (group->text);
      quote->attribution = quote_attribution (self, group);
      fu_page_layout_add_space (b->layout, i == 0 ? PARAGRAPH_SPACE : QUOTE_SPACE);
      fu_page_layout_set_tag (b->layout,
                              fu_page_layout_add_block (b->layout, quote_measure, quote_draw,
                                                        quote, quote_free,
                                                        FU_PAGE_BLOCK_DEFAULT),
                              "BlockQuote", NULL);
    }
  return groups->len;
}

/* ---- Title page ------------------------------------------------------------------------ */

static double
show_wrapped (cairo_t        *cr,
              PangoContext   *context,
              const char     *font,
              const char     *text,
              double          x,
              double          y,
              double          width,
              PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
title_measure (gpointer      data,
               PangoContext *context,
               double        width,
               double        page_height)
{
  return page_height;
}

/* One of the title page's key figures: a large number over what it counts. */
static void
draw_figure (cairo_t      *cr,
             PangoContext *context,
             double        x,
             double        y,
             double        width,
             double        height,
             const char   *figure,
             const char   *caption)
{
  double figure_height;

  cairo_set_source_rgb (cr, 0.94, 0.96, 0.98);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
  cairo_rectangle (cr, x, y, 3, height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
  figure_height = show_wrapped (cr, context, "Sans Bold 26", figure, x + 14, y + 10,
                                width - 24, PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT);
  show_wrapped (cr, context, "Sans 9.5", caption, x + 14, y + 10 + figure_height + 2,
                width - 24, PANGO_ALIGN_LEFT);
}

static void
title_draw (gpointer               data,
            cairo_t               *cr,
            const FuPageBlockInfo *info)
{
  FuAnnualReport *self = data;
  const FuSummaryRow *total = self->total;
  g_autofree char *first = long_date (self->first);
  g_autofree char *last = long_date (self->last);
  g_autofree char *survey = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *date = long_date (self->date);
  double width = info->width;
  double y = 40;

  cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
  cairo_rectangle (cr, 0, y, width, 5);
  cairo_fill (cr);
  y += 20;

  cairo_set_source_rgb (cr, FU_PAGE_INK_SECONDARY, FU_PAGE_INK_SECONDARY,
                        FU_PAGE_INK_SECONDARY);
  if (self->office != NULL)
    y += show_wrapped (cr, info->context, "Sans 12", self->office, 0, y, width,
                       PANGO_ALIGN_LEFT) + 24;

  cairo_set_source_rgb (cr, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT);
  y += show_wrapped (cr, info->context, "Sans Bold 26", _("Customs Good Practice Report"), 0, y,
                     width, PANGO_ALIGN_LEFT) + 6;
  /* TRANSLATORS: the report's subtitle, e.g. "Follow-Up Survey FY2016/17" */
  survey = g_strdup_printf (_("Follow-Up Survey %s"), self->label);
  cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
  y += show_wrapped (cr, info->context, "Sans Bold 18", survey, 0, y, width,
                     PANGO_ALIGN_LEFT) + 14;

  scope = g_strdup_printf (_("Follow-up actions taken after the workshops organized in %s "
                             "(%s to %s)"), self->label, first, last);
  cairo_set_source_rgb (cr, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT);
  y += show_wrapped (cr, info->context, "Sans 12", scope, 0, y, width, PANGO_ALIGN_LEFT) + 40;

  if (self->rows->len > 0)
    {
      g_autofree char *surveyed = NULL;
      g_autofree char *reply_rate = rate_text (total->replies, total->participants);
      g_autofree char *effects = rate_text (total->direct_effects_yes, total->replies);
      g_autofree char *contributed = rate_text (total->contributed_yes, total->replies);
      g_autofree char *projects = rate_text (total->project_yes, total->replies);
      g_autofree char *reply_caption = NULL;
      g_autofree char *effects_caption = NULL;
      g_autofree char *contributed_caption = NULL;
      g_autofree char *projects_caption = NULL;
      double box_width = (width - 14) / 2;
      double box_height = 92;

      surveyed = g_strdup_printf (ngettext ("%u workshop surveyed, %u participants asked",
                                            "%u workshops surveyed, %u participants asked",
                                            self->rows->len),
                                  self->rows->len, total->participants);
      cairo_set_source_rgb (cr, FU_PAGE_INK_SECONDARY, FU_PAGE_INK_SECONDARY,
                            FU_PAGE_INK_SECONDARY);
      y += show_wrapped (cr, info->context, "Sans Bold 10.5", surveyed, 0, y, width,
                         PANGO_ALIGN_LEFT) + 10;

      reply_caption = g_strdup_printf (_("replied: %u of %u participants"), total->replies,
                                       total->participants);
      effects_caption = g_strdup_printf (_("of the replies saw direct effects (%u)"),
                                         total->direct_effects_yes);
      contributed_caption = g_strdup_printf (_("say the workshop contributed to their "
                                               "administration's efficiency (%u)"),
                                             total->contributed_yes);
      projects_caption = g_strdup_printf (_("initiated a modernization project (%u)"),
                                          total->project_yes);
      draw_figure (cr, info->context, 0, y, box_width, box_height, reply_rate, reply_caption);
      draw_figure (cr, info->context, box_width + 14, y, box_width, box_height, effects,
                   effects_caption);
      y += box_height + 14;
      draw_figure (cr, info->context, 0, y, box_width, box_height, contributed,
                   contributed_caption);
      draw_figure (cr, info->context, box_width + 14, y, box_width, box_height, projects,
                   projects_caption);
    }
  else
    {
      g_autofree char *none = g_strdup_printf (_("No surveyed workshop started in %s."),
                                               self->label);

      cairo_set_source_rgb (cr, FU_PAGE_INK_SECONDARY, FU_PAGE_INK_SECONDARY,
                            FU_PAGE_INK_SECONDARY);
      show_wrapped (cr, info->context, "Sans 12", none, 0, y, width, PANGO_ALIGN_LEFT);
    }

  /* TRANSLATORS: the day the report was made, at the foot of its title page */
  issued = g_strdup_printf (_("Issued on %s"), date);
  cairo_set_source_rgb (cr, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT);
  show_wrapped (cr, info->context, "Sans 11", issued, 0, info->height - 40, width,
                PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, ACCENT_R, ACCENT_G, ACCENT_B);
  cairo_rectangle (cr, 0, info->height - 14, width, 2);
  cairo_fill (cr);
}

/* ---- Tables ---------------------------------------------------------------------------- */

static void
add_row (FuPageTable    *table,
         FuPageRowStyle  style,
         GPtrArray      *cells)
{
  g_ptr_array_add (cells, NULL);
  fu_page_table_add_row (table, style, (const char * const *) cells->pdata);
}

static void
add_trend_table (Builder *b)
{
  FuAnnualReport *self = b->self;
  FuPageTable *table = fu_page_table_new (5);

  fu_page_table_set_column (table, 0, _("Fiscal year"), 1, PANGO_ALIGN_LEFT);
  fu_page_table_set_column (table, 1, _("Workshops surveyed"), 0, PANGO_ALIGN_RIGHT);
  fu_page_table_set_column (table, 2, _("Participants"), 0, PANGO_ALIGN_RIGHT);
  fu_page_table_set_column (table, 3, _("Replies"), 0, PANGO_ALIGN_RIGHT);
  fu_page_table_set_column (table, 4, _("Reply rate"), 0, PANGO_ALIGN_RIGHT);
  gboolean any_entered = FALSE;

  for (guint i = 0; i < self->trend->len; i++)
    {
      const FuTrendPoint *point = &g_array_index (self->trend, FuTrendPoint, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *label = NULL;

      if (point->fiscal_year > self->fiscal_year)
        break;
      label = fu_fiscal_year_label (&self->rules, point->fiscal_year);
      any_entered |= point->entered;
      /* TRANSLATORS: a fiscal year whose totals were entered by hand, "FY2014/15 *" */
      g_ptr_array_add (cells, point->entered ? g_strdup_printf (_("%s *"), label)
                                             : g_steal_pointer (&label));
      g_ptr_array_add (cells, point->entered ? g_strdup ("–")
                                             : g_strdup_printf ("%u", point->workshops));
      g_ptr_array_add (cells, point->participants > 0 || !point->entered
                              ? g_strdup_printf ("%u", point->participants) : g_strdup ("–"));
      g_ptr_array_add (cells, point->participants > 0 || !point->entered
                              ? g_strdup_printf ("%u", point->replies) : g_strdup ("–"));
      g_ptr_array_add (cells, point_rate_text (point));
      add_row (table, point->fiscal_year == self->fiscal_year
                      ? FU_PAGE_ROW_TOTAL : FU_PAGE_ROW_NORMAL, cells);
    }
  fu_page_layout_add_table (b->layout, table, FU_PAGE_BLOCK_DEFAULT);
  if (any_entered)
    add_note (b, _("* Totals entered by hand for a year before the database, as earlier "
                   "reports gave them."));
}

/* Table 1: the workshops, their administrations, participants and replies. */
static void
add_table_1 (Builder *b)
{
  FuAnnualReport *self = b->self;
  const FuSummaryRow *total = self->total;
  FuPageTable *table = fu_page_table_new (6);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  fu_page_table_set_column (table, 0, _("No."), 0, PANGO_ALIGN_LEFT);
  fu_page_table_set_column (table, 1, _("Workshop subject to the survey"), 1, PANGO_ALIGN_LEFT);
  fu_page_table_set_column (table, 2, _("Participating administrations"), 0, PANGO_ALIGN_RIGHT);
  fu_page_table_set_column (table, 3, _("Participants surveyed"), 0, PANGO_ALIGN_RIGHT);
  fu_page_table_set_column (table, 4, _("Replies"), 0, PANGO_ALIGN_RIGHT);
  fu_page_table_set_column (table, 5, _("Reply rate"), 0, PANGO_ALIGN_RIGHT);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const FuSummaryRow *row = summary_row (self, i);

      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, number_cell (i + 1));
      g_ptr_array_add (cells, fu_annual_report_workshop_label (row));
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->administrations));
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->participants));
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->replies));
      g_ptr_array_add (cells, rate_text (row->replies, row->participants));
      add_row (table, FU_PAGE_ROW_NORMAL, cells);
    }
  g_ptr_array_set_size (cells, 0);
  g_ptr_array_add (cells, g_strdup (_("Total")));
  g_ptr_array_add (cells, g_strdup (""));
  g_ptr_array_add (cells, g_strdup_printf ("%u", total->administrations));
  g_ptr_array_add (cells, g_strdup_printf ("%u", total->participants));
  g_ptr_array_add (cells, count_with_percent (total->replies, total->participants));
  g_ptr_array_add (cells, rate_text (total->replies, total->participants));
  add_row (table, FU_PAGE_ROW_TOTAL, cells);
  fu_page_layout_add_table (b->layout, table, FU_PAGE_BLOCK_DEFAULT);
}

static const char *
action_column_title (FuAction action)
{
  switch (action)
    {
    case FU_ACTION_SHARED_MATERIALS:
      return _("Shared training materials");
    case FU_ACTION_SUBMITTED_REPORT:
      return _("Submitted reports");
    case FU_ACTION_MADE_RECOMMENDATIONS:
      return _("Made recommendations");
    case FU_ACTION_INHOUSE_WORKSHOP:
      return _("Organized in-house workshop");
    case FU_ACTION_DEVELOPED_MANUALS:
      return _("Developed operational manuals");
    case FU_ACTION_OTHER:
    case FU_N_ACTIONS:
    default:
      return _("Others");
    }
}

/* Table 2: the Q1 follow-up actions, workshops numbered as in Table 1. */
static void
add_table_2 (Builder *b)
{
  FuAnnualReport *self = b->self;
  FuPageTable *table = fu_page_table_new (1 + FU_N_ACTIONS);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  fu_page_table_set_column (table, 0, _("No."), 0, PANGO_ALIGN_LEFT);
  for (guint a = 0; a < FU_N_ACTIONS; a++)
    fu_page_table_set_column (table, 1 + a, action_column_title (a), 1, PANGO_ALIGN_RIGHT);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const FuSummaryRow *row = summary_row (self, i);

      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, number_cell (i + 1));
      for (guint a = 0; a < FU_N_ACTIONS; a++)
        g_ptr_array_add (cells, g_strdup_printf ("%u", row->actions[a]));
      add_row (table, FU_PAGE_ROW_NORMAL, cells);
    }
  g_ptr_array_set_size (cells, 0);
  g_ptr_array_add (cells, g_strdup (_("Total")));
  for (guint a = 0; a < FU_N_ACTIONS; a++)
    g_ptr_array_add (cells, count_with_percent (self->total->actions[a], self->total->replies));
  add_row (table, FU_PAGE_ROW_TOTAL, cells);
  fu_page_layout_add_table (b->layout, table, FU_PAGE_BLOCK_DEFAULT);
}

typedef enum {
  QUESTION_DIRECT_EFFECTS,
  QUESTION_CONTRIBUTED,
  QUESTION_PROJECT,
} Question;

static void
question_counts (const FuSummaryRow *row,
                 Question            question,
                 guint              *yes,
                 guint              *no)
{
  switch (question)
    {
    case QUESTION_DIRECT_EFFECTS:
      *yes = row->direct_effects_yes;
      *no = row->direct_effects_no;
      break;
    case QUESTION_CONTRIBUTED:
      *yes = row->contributed_yes;
      *no = row->contributed_no;
      break;
    case QUESTION_PROJECT:
    default:
      *yes = row->project_yes;
      *no = row->project_no;
      break;
    }
}

/* Tables 3 to 5: replies, yes and no per workshop; a "No answer" column only when some
 * reply left the question unanswered. */
static void
add_yes_no_table (Builder    *b,
                  Question    question,
                  const char *yes_title,
                  const char *no_title)
{
  FuAnnualReport *self = b->self;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  FuPageTable *table;
  guint yes, no;
  gboolean unanswered;

  question_counts (self->total, question, &yes, &no);
  unanswered = yes + no < self->total->replies;

  table = fu_page_table_new (unanswered ? 6 : 5);
  fu_page_table_set_column (table, 0, _("No."), 0, PANGO_ALIGN_LEFT);
  fu_page_table_set_column (table, 1, _("Workshop subject to the survey"), 1, PANGO_ALIGN_LEFT);
  fu_page_table_set_column (table, 2, _("Total replies"), 0, PANGO_ALIGN_RIGHT);
  fu_page_table_set_column (table, 3, yes_title, 0, PANGO_ALIGN_RIGHT);
  fu_page_table_set_column (table, 4, no_title, 0, PANGO_ALIGN_RIGHT);
  if (unanswered)
    fu_page_table_set_column (table, 5, _("No answer"), 0, PANGO_ALIGN_RIGHT);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const FuSummaryRow *row = summary_row (self, i);

      question_counts (row, question, &yes, &no);
      g_ptr_array_set_size (cells, 0);
      g_ptr_array_add (cells, number_cell (i + 1));
      g_ptr_array_add (cells, fu_annual_report_workshop_label (row));
      g_ptr_array_add (cells, g_strdup_printf ("%u", row->replies));
      g_ptr_array_add (cells, g_strdup_printf ("%u", yes));
      g_ptr_array_add (cells, g_strdup_printf ("%u", no));
      if (unanswered)
        g_ptr_array_add (cells, g_strdup_printf ("%u", row->replies - MIN (row->replies,
                                                                           yes + no)));
      add_row (table, FU_PAGE_ROW_NORMAL, cells);
    }

  question_counts (self->total, question, &yes, &no);
  g_ptr_array_set_size (cells, 0);
  g_ptr_array_add (cells, g_strdup (_("Total")));
  g_ptr_array_add (cells, g_strdup (""));
  g_ptr_array_add (cells, g_strdup_printf ("%u", self->total->replies));
  g_ptr_array_add (cells, count_with_percent (yes, self->total->replies));
  g_ptr_array_add (cells, count_with_percent (no, self->total->replies));
  if (unanswered)
    g_ptr_array_add (cells, count_with_percent (self->total->replies - yes - no,
                                                self->total->replies));
  add_row (table, FU_PAGE_ROW_TOTAL, cells);
  fu_page_layout_add_table (b->layout, table, FU_PAGE_BLOCK_DEFAULT);
}

/* ---- Charts ---------------------------------------------------------------------------- */

typedef struct {
  FuChart *chart;
  double   max_height;  /* 0: up to a page */
} ChartBlock;

static void
chart_block_free (gpointer data)
{
  ChartBlock *block = data;

  g_object_unref (block->chart);
  g_free (block);
}

/* As tall as the chart needs at the page's width, up to its limit or a page. */
static double
chart_measure (gpointer      data,
               PangoContext *context,
               double        width,
               double        page_height)
{
  ChartBlock *block = data;
  double height = 0;

  fu_chart_get_natural_size (block->chart, width, &height);
  if (block->max_height > 0)
    height = MIN (height, block->max_height);
  return MIN (height, page_height);
}

static void
chart_draw (gpointer               data,
            cairo_t               *cr,
            const FuPageBlockInfo *info)
{
  ChartBlock *block = data;

  fu_chart_draw (block->chart, cr, info->width, info->height);
}

/* The chart floats: when it does not fit, the text after it fills the page. */
static void
add_chart (Builder     *b,
           FuChartKind  kind,
           double       max_height)
{
  g_autofree char *alt = NULL;
  ChartBlock *block;
  guint index;

  if (b->self->charts[kind] == NULL)
    return;
  block = g_new0 (ChartBlock, 1);
  block->chart = g_object_ref (b->self->charts[kind]);
  block->max_height = max_height;
  fu_page_layout_add_space (b->layout, 16);
  index = fu_page_layout_add_block (b->layout, chart_measure, chart_draw, block,
                                    chart_block_free, FU_PAGE_BLOCK_FLOAT);
  /* A screen reader reads the chart's numbers instead of its drawing. */
  alt = fu_chart_describe (block->chart);
  fu_page_layout_set_tag (b->layout, index, "Figure", alt);
  fu_page_layout_add_space (b->layout, 6);
}

/* ---- Sections -------------------------------------------------------------------------- */

static void
add_trend_sentence (Builder *b)
{
  FuAnnualReport *self = b->self;
  const FuSummaryRow *total = self->total;
  g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *rate = rate_text (total->replies, total->participants);
  g_autofree char *months = NULL;
  g_autofree char *surveyed = NULL;
  g_autofree char *replied = NULL;
  guint first_shown;

  /* The three fiscal years before this one, at most, as the seed compares with two. */
  for (guint i = 0; i < self->trend->len; i++)
    {
      const FuTrendPoint *point = &g_array_index (self->trend, FuTrendPoint, i);
      g_autofree char *label = NULL;
      g_autofree char *point_rate = NULL;

      if (point->fiscal_year >= self->fiscal_year)
        continue;
      label = fu_fiscal_year_label (&self->rules, point->fiscal_year);
      point_rate = point_rate_text (point);
      /* TRANSLATORS: an earlier year's reply rate, e.g. "28% in FY2014/15" */
      g_ptr_array_add (earlier, g_strdup_printf (_("%s in %s"), point_rate, label));
    }
  first_shown = earlier->len > 3 ? earlier->len - 3 : 0;
  if (first_shown > 0)
    g_ptr_array_remove_range (earlier, 0, first_shown);

  months = g_strdup_printf (ngettext ("%u month", "%u months", self->rules.followup_months),
                            self->rules.followup_months);
  surveyed = g_strdup_printf (ngettext ("In %s the office surveyed %u workshop. The follow-up "
                                        "questionnaire went to its %u participants about %s "
                                        "after the workshop.",
                                        "In %s the office surveyed %u workshops. The follow-up "
                                        "questionnaire went to their %u participants about %s "
                                        "after each workshop.",
                                        self->rows->len),
                              self->label, self->rows->len, total->participants, months);
  if (earlier->len > 0)
    {
      g_autofree char *list = join_names (earlier);

      /* TRANSLATORS: "57% (28% in FY2014/15 and 47% in FY2015/16)" */
      replied = g_strdup_printf (_("%u of them replied: a reply rate of %s (%s)."),
                                 total->replies, rate, list);
    }
  else
    {
      replied = g_strdup_printf (_("%u of them replied: a reply rate of %s."), total->replies,
                                 rate);
    }
  if (total->not_contacted > 0)
    {
      g_autofree char *not_contacted = NULL;

      not_contacted = g_strdup_printf (ngettext ("%u participant asked not to be contacted and "
                                                 "was not.",
                                                 "%u participants asked not to be contacted "
                                                 "and were not.",
                                                 total->not_contacted),
                                       total->not_contacted);
      add_intro_printf (b, "%s %s %s", surveyed, replied, not_contacted);
      return;
    }
  add_intro_printf (b, "%s %s", surveyed, replied);
}

static void
add_section_responses (Builder *b)
{
  FuAnnualReport *self = b->self;

  add_section (b, _("Responses to the survey"));
  add_trend_sentence (b);
  if (self->trend->len > 0)
    {
      add_caption (b, _("Replies by fiscal year"));
      add_trend_table (b);
    }
  add_chart (b, FU_CHART_KIND_REPLY_RATE, 230);
  add_caption (b, _("Table 1. Workshops subject to the survey, and the replies"));
  add_table_1 (b);
  add_note (b, _("The workshops are numbered in date order; the other tables use the same "
                 "numbers. The reply rate divides the replies by the participants surveyed."));
}

/* What the surveys before the database found: "6 in FY2014/15 and 18 in FY2015/16". */
static void
add_earlier_inhouse (Builder *b)
{
  FuAnnualReport *self = b->self;
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  for (guint i = 0; i < self->earlier->len; i++)
    {
      const FuEarlierYear *year = &g_array_index (self->earlier, FuEarlierYear, i);
      g_autofree char *label = NULL;

      if (year->inhouse < 0 || year->fiscal_year >= self->fiscal_year)
        continue;
      label = fu_fiscal_year_label (&self->rules, year->fiscal_year);
      /* TRANSLATORS: administrations in a year: "18 in FY2015/16" */
      g_ptr_array_add (counts, g_strdup_printf (_("%d in %s"), year->inhouse, label));
    }
  if (counts->len == 0)
    return;
  list = join_names (counts);
  add_paragraph_printf (b, _("The earlier surveys found Member administrations that organized "
                             "in-house workshops: %s."), list);
}

static void
add_section_actions (Builder *b)
{
  FuAnnualReport *self = b->self;
  const FuSummaryRow *total = self->total;
  guint n_inhouse = 0;

  add_section (b, _("Follow-up actions taken by the participants (Q1)"));
  add_text (b, _("Table 2 shows how many replies said they took each follow-up action after "
                 "their workshop; a reply may name several."),
            FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  add_caption (b, _("Table 2. Follow-up actions taken after the workshops"));
  add_table_2 (b);
  add_note (b, _("Workshops numbered as in Table 1. Percentages are of all replies."));
  add_chart (b, FU_CHART_KIND_ACTIONS_YEAR, 300);

  if (total->colleagues_learned > 0)
    add_paragraph_printf (b, _("Participants who shared their training materials say that "
                               "%u colleagues learned from them."), total->colleagues_learned);

  add_subsection (b, _("In-house workshops"));
  add_earlier_inhouse (b);
  for (guint i = 0; i < self->inhouse->len; i++)
    n_inhouse += ((const FuInhouseRow *) g_ptr_array_index (self->inhouse, i))->inhouse_workshops;
  if (self->inhouse->len > 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *list = NULL;
      g_autofree char *count = NULL;

      for (guint i = 0; i < self->inhouse->len; i++)
        g_ptr_array_add (names, ((FuInhouseRow *) g_ptr_array_index (self->inhouse, i))->name);
      list = join_names (names);
      count = g_strdup_printf (ngettext ("%u administration organized",
                                         "%u administrations organized",
                                         self->inhouse->len), self->inhouse->len);
      add_paragraph_printf (b, ngettext ("%s at least %u in-house workshop to pass on what "
                                         "was learned: %s.",
                                         "%s at least %u in-house workshops to pass on what "
                                         "was learned: %s.", n_inhouse),
                            count, n_inhouse, list);
    }
  else
    {
      add_text (b, _("No reply says that an in-house workshop was organized."),
                FU_PAGE_BLOCK_DEFAULT);
    }

  add_quotes (b, _("Other follow-up actions, in the participants' words"), FIELD_OTHER_ACTION,
              ANY_ANSWER);
}

static void
add_section_lessons (Builder *b)
{
  guint n;

  add_section (b, _("Application of the lessons learned (Q2)"));
  add_text (b, _("How the lessons learned at the workshops are being used in the "
                 "administrations, in the participants' words:"),
            FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  n = add_quotes (b, NULL, FIELD_LESSONS_USE, ANY_ANSWER);
  if (n == 0)
    add_text (b, _("No reply describes how the lessons learned are used."),
              FU_PAGE_BLOCK_DEFAULT);
}

/* The section's opening: @yes_sentence, then @no_sentence and how many left the question
 * unanswered, if any did. */
static void
add_yes_no_sentences (Builder    *b,
                      Question    question,
                      const char *yes_sentence,
                      const char *no_sentence)
{
  FuAnnualReport *self = b->self;
  guint replies = self->total->replies;
  g_autofree char *unanswered = NULL;
  guint yes, no;

  question_counts (self->total, question, &yes, &no);
  if (yes + no < replies)
    unanswered = g_strdup_printf (ngettext ("%u left the question unanswered.",
                                            "%u left the question unanswered.",
                                            replies - yes - no),
                                  replies - yes - no);
  add_intro_printf (b, "%s %s%s%s", yes_sentence, no_sentence, unanswered != NULL ? " " : "",
                    unanswered != NULL ? unanswered : "");
}

/* The totals of @question with their shares of the replies. */
typedef struct {
  guint  replies;
  guint  yes;
  guint  no;
  char  *yes_rate;
  char  *no_rate;
} Totals;

static void
totals_init (Totals         *totals,
             FuAnnualReport *self,
             Question        question)
{
  totals->replies = self->total->replies;
  question_counts (self->total, question, &totals->yes, &totals->no);
  totals->yes_rate = rate_text (totals->yes, totals->replies);
  totals->no_rate = rate_text (totals->no, totals->replies);
}

static void
totals_clear (Totals *totals)
{
  g_clear_pointer (&totals->yes_rate, g_free);
  g_clear_pointer (&totals->no_rate, g_free);
}

/* The rest of a yes/no question's section (3 to 5), after its opening sentences. */
typedef struct {
  Question     question;
  QuoteField   field;
  FuChartKind  chart;
  const char  *caption;
  const char  *yes_column;
  const char  *no_column;
  const char  *yes_quotes;     /* the titles of the quotes of each answer */
  const char  *no_quotes;
  const char  *other_quotes;
} YesNoSection;

static void
add_yes_no_details (Builder            *b,
                    const YesNoSection *section)
{
  add_caption (b, section->caption);
  add_yes_no_table (b, section->question, section->yes_column, section->no_column);
  add_note (b, _("Percentages are of all replies; a reply may leave the question "
                 "unanswered."));
  add_chart (b, section->chart, 0);
  add_quotes (b, section->yes_quotes, section->field, FU_ANSWER_YES);
  add_quotes (b, section->no_quotes, section->field, FU_ANSWER_NO);
  add_quotes (b, section->other_quotes, section->field, FU_ANSWER_UNANSWERED);
}

static void
add_section_effects (Builder *b)
{
  Totals t;
  g_autofree char *yes = NULL;
  g_autofree char *no = NULL;

  add_section (b, _("Direct effects realized from the lessons learned (Q3)"));
  totals_init (&t, b->self, QUESTION_DIRECT_EFFECTS);
  yes = g_strdup_printf (_("%u of the %u replies (%s) observed direct effects from applying "
                           "what was learned, e.g. a change of management approach or seizures "
                           "at the border."), t.yes, t.replies, t.yes_rate);
  no = g_strdup_printf (_("%u (%s) observed none so far."), t.no, t.no_rate);
  totals_clear (&t);
  add_yes_no_sentences (b, QUESTION_DIRECT_EFFECTS, yes, no);
  add_yes_no_details (b, &(YesNoSection) {
    .question = QUESTION_DIRECT_EFFECTS,
    .field = FIELD_DIRECT_EFFECTS,
    .chart = FU_CHART_KIND_DIRECT_EFFECTS,
    .caption = _("Table 3. Direct effects realized"),
    .yes_column = _("Direct effects realized"),
    .no_column = _("Direct effects not realized"),
    .yes_quotes = _("Effects observed, in the participants' words"),
    .no_quotes = _("Why no effects are seen yet"),
    .other_quotes = _("Other remarks on direct effects"),
  });
}

static void
add_section_contribution (Builder *b)
{
  Totals t;
  g_autofree char *yes = NULL;
  g_autofree char *no = NULL;

  add_section (b, _("Improvement in work efficiency and effectiveness (Q4)"));
  totals_init (&t, b->self, QUESTION_CONTRIBUTED);
  yes = g_strdup_printf (_("%u of the %u replies (%s) consider that the workshop contributed, "
                           "or will contribute, to the efficiency and effectiveness of their "
                           "administration's work."), t.yes, t.replies, t.yes_rate);
  no = g_strdup_printf (_("%u (%s) do not."), t.no, t.no_rate);
  totals_clear (&t);
  add_yes_no_sentences (b, QUESTION_CONTRIBUTED, yes, no);
  add_yes_no_details (b, &(YesNoSection) {
    .question = QUESTION_CONTRIBUTED,
    .field = FIELD_CONTRIBUTED,
    .chart = FU_CHART_KIND_CONTRIBUTION,
    .caption = _("Table 4. Contribution to efficiency and effectiveness"),
    .yes_column = _("Contributed / will contribute"),
    .no_column = _("Not contributed / will not contribute"),
    .yes_quotes = _("How the workshops contributed, in the participants' words"),
    .no_quotes = _("Why they did not"),
    .other_quotes = _("Other remarks on the contribution"),
  });
}

static void
add_section_projects (Builder *b)
{
  Totals t;
  g_autofree char *yes = NULL;
  g_autofree char *no = NULL;

  add_section (b, _("Modernization projects initiated (Q5)"));
  totals_init (&t, b->self, QUESTION_PROJECT);
  yes = g_strdup_printf (_("%u of the %u replies (%s) say that the workshop and its lessons led "
                           "their administration to initiate a modernization project, or "
                           "complemented one under way."), t.yes, t.replies, t.yes_rate);
  no = g_strdup_printf (_("%u (%s) say no project was initiated."), t.no, t.no_rate);
  totals_clear (&t);
  add_yes_no_sentences (b, QUESTION_PROJECT, yes, no);
  add_yes_no_details (b, &(YesNoSection) {
    .question = QUESTION_PROJECT,
    .field = FIELD_PROJECT,
    .chart = FU_CHART_KIND_PROJECTS,
    .caption = _("Table 5. Modernization projects initiated"),
    .yes_column = _("Project initiated"),
    .no_column = _("Project not initiated"),
    .yes_quotes = _("Projects initiated, in the participants' words"),
    .no_quotes = _("Why no project was initiated"),
    .other_quotes = _("Other remarks on projects"),
  });
}

static void
add_section_about (Builder *b)
{
  add_section (b, _("About the figures"));
  add_text (b, _("The tables count the replies received for the surveyed workshops of the "
                 "fiscal year, late replies included. Percentages are of all replies and "
                 "rounded to whole numbers. Questions 3 to 5 may be left unanswered, so their "
                 "yes and no can add up to fewer than the replies."),
            FU_PAGE_BLOCK_DEFAULT);
  add_text (b, _("Quotes are the participants' own words, with their administration and "
                 "workshop; the report names no one. Words that several replies share are "
                 "quoted once; when they came from more than two workshops, the workshops are "
                 "given by their numbers in Table 1."),
            FU_PAGE_BLOCK_DEFAULT);
}

static void
build_layout (FuAnnualReport *self)
{
  g_autofree char *date = long_date (self->date);
  Builder b = { self, NULL, NULL, 0 };

  g_clear_pointer (&self->layout, fu_page_layout_free);
  self->layout = b.layout = fu_page_layout_new ();
  fu_page_layout_set_header (b.layout, self->office, self->title, date, NULL);

  fu_page_layout_set_tag (b.layout,
                          fu_page_layout_add_block (b.layout, title_measure, title_draw, self,
                                                    NULL, FU_PAGE_BLOCK_FULL_PAGE),
                          "Div", NULL);

  b.toc = g_new0 (Toc, 1);
  b.toc->layout = b.layout;
  b.toc->entries = g_array_new (FALSE, TRUE, sizeof (TocEntry));
  g_array_set_clear_func (b.toc->entries, toc_entry_clear);

  if (self->rows->len == 0)
    {
      g_autofree char *text = NULL;
      g_autofree char *heading = g_markup_escape_text (_("Nothing to report yet"), -1);

      g_clear_pointer (&b.toc, toc_free);
      fu_page_layout_add_paragraph (b.layout, FONT_SECTION, heading, 0,
                                    FU_PAGE_BLOCK_KEEP_WITH_NEXT);
      text = g_strdup_printf (_("No surveyed workshop started in %s, so there are no replies "
                                "to summarize. Add the year's workshops, their participants "
                                "and the replies, then make the report again."), self->label);
      add_paragraph_printf (&b, "%s", text);
      return;
    }

  fu_page_layout_add_paragraph (b.layout, FONT_SECTION, _("Contents"), 0,
                                FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  fu_page_layout_add_space (b.layout, 10);
  fu_page_layout_set_tag (b.layout,
                          fu_page_layout_add_block (b.layout, toc_measure, toc_draw, b.toc,
                                                    toc_free, FU_PAGE_BLOCK_DEFAULT),
                          "Div", NULL);

  add_section_responses (&b);
  add_section_actions (&b);
  add_section_lessons (&b);
  add_section_effects (&b);
  add_section_contribution (&b);
  add_section_projects (&b);
  add_section_about (&b);
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
fu_annual_report_finalize (GObject *object)
{
  FuAnnualReport *self = (FuAnnualReport *) object;

  g_clear_pointer (&self->layout, fu_page_layout_free);
  for (guint k = 0; k < FU_N_CHART_KINDS; k++)
    g_clear_object (&self->charts[k]);
  g_clear_pointer (&self->row_by_code, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->total, fu_summary_row_free);
  g_clear_pointer (&self->trend, g_array_unref);
  g_clear_pointer (&self->replies, g_ptr_array_unref);
  g_clear_pointer (&self->inhouse, g_ptr_array_unref);
  g_clear_pointer (&self->earlier, g_array_unref);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->office, g_free);

  G_OBJECT_CLASS (fu_annual_report_parent_class)->finalize (object);
}

static void
fu_annual_report_class_init (FuAnnualReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fu_annual_report_finalize;
}

static void
fu_annual_report_init (FuAnnualReport *self)
{
  self->row_by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ---- Public API ------------------------------------------------------------------------ */

FuAnnualReport *
fu_annual_report_new (FuStore  *store,
                      guint     fiscal_year,
                      GError  **error)
{
  g_autoptr(FuAnnualReport) self = NULL;
  g_autoptr(GError) clock_error = NULL;

  g_return_val_if_fail (FU_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (FU_TYPE_ANNUAL_REPORT, NULL);
  self->fiscal_year = fiscal_year;
  fu_store_get_rules (store, &self->rules);
  fu_fiscal_year_range (&self->rules, fiscal_year, &self->first, &self->last);
  self->label = fu_fiscal_year_label (&self->rules, fiscal_year);
  /* TRANSLATORS: the annual report's title, e.g. "… Follow-Up Survey FY2016/17" */
  self->title = g_strdup_printf (_("Customs Good Practice Report — Follow-Up Survey %s"),
                                 self->label);
  self->office = fu_store_get_office_name (store);
  if (!fu_context_today_from_environment (&self->date, &clock_error))
    {
      g_warning ("%s", clock_error->message);
      self->date = fu_day_today ();
    }

  self->rows = fu_store_summary (store, self->first, self->last, &self->total, error);
  if (self->rows == NULL)
    return NULL;
  /* The year and the four before it: the trend the report shows, read from those years'
   * workshops only, so that a report takes as long at twenty years of data as at one. */
  self->trend = fu_store_reply_rate_trend_between (store, fiscal_year > REPORT_TREND_YEARS
                                                          ? fiscal_year - REPORT_TREND_YEARS + 1
                                                          : 1,
                                                   fiscal_year, error);
  if (self->trend == NULL)
    return NULL;
  self->replies = fu_store_list_replies (store, self->first, self->last, error);
  if (self->replies == NULL)
    return NULL;
  self->earlier = fu_store_list_earlier_years (store, error);
  if (self->earlier == NULL)
    return NULL;
  self->inhouse = fu_store_inhouse_administrations (store, self->first, self->last, error);
  if (self->inhouse == NULL)
    return NULL;

  for (guint i = 0; i < self->rows->len; i++)
    g_hash_table_insert (self->row_by_code, g_strdup (summary_row (self, i)->code),
                         GUINT_TO_POINTER (i + 1));

  if (self->rows->len > 0)
    {
      static const FuChartKind kinds[] = {
        FU_CHART_KIND_REPLY_RATE, FU_CHART_KIND_ACTIONS_YEAR, FU_CHART_KIND_DIRECT_EFFECTS,
        FU_CHART_KIND_CONTRIBUTION, FU_CHART_KIND_PROJECTS,
      };
      guint n_years = 0;
      FuChartStyle style;

      for (guint i = 0; i < self->trend->len; i++)
        if (g_array_index (self->trend, FuTrendPoint, i).fiscal_year <= fiscal_year)
          n_years++;

      /* The print palette, with text sized in points: the page layout draws in points. */
      fu_chart_style_init_print (&style);
      style.font = CHART_FONT;
      style.resolution = 72.0;
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          FuChart *chart;

          /* A line through one year says nothing the table does not; charts of answers
           * without a reply would be empty frames. */
          if (kinds[k] == FU_CHART_KIND_REPLY_RATE ? n_years < 2 : self->total->replies == 0)
            continue;
          /* From what the report read already: one trend and one summary query each. */
          chart = fu_charts_build_from (store, kinds[k], fiscal_year, self->trend, self->rows,
                                        self->total, error);
          if (chart == NULL)
            return NULL;
          fu_chart_set_style (chart, &style);
          self->charts[kinds[k]] = chart;
        }
    }
  return g_steal_pointer (&self);
}

guint
fu_annual_report_get_fiscal_year (FuAnnualReport *self)
{
  g_return_val_if_fail (FU_IS_ANNUAL_REPORT (self), 0);

  return self->fiscal_year;
}

const char *
fu_annual_report_get_title (FuAnnualReport *self)
{
  g_return_val_if_fail (FU_IS_ANNUAL_REPORT (self), NULL);

  return self->title;
}

void
fu_annual_report_set_date (FuAnnualReport *self,
                           FuDay           date)
{
  g_return_if_fail (FU_IS_ANNUAL_REPORT (self));

  self->date = date;
}

guint
fu_annual_report_paginate (FuAnnualReport *self,
                           PangoContext   *context,
                           double          width,
                           double          height)
{
  g_return_val_if_fail (FU_IS_ANNUAL_REPORT (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  build_layout (self);
  return fu_page_layout_paginate (self->layout, context, width, height);
}

guint
fu_annual_report_get_n_pages (FuAnnualReport *self)
{
  g_return_val_if_fail (FU_IS_ANNUAL_REPORT (self), 0);

  return self->layout != NULL ? fu_page_layout_get_n_pages (self->layout) : 0;
}

void
fu_annual_report_draw_page (FuAnnualReport *self,
                            cairo_t        *cr,
                            guint           page)
{
  g_return_if_fail (FU_IS_ANNUAL_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->layout != NULL);

  fu_page_layout_draw_page (self->layout, cr, page);
}

gboolean
fu_annual_report_save_pdf (FuAnnualReport  *self,
                           const char      *path,
                           GError         **error)
{
  g_return_val_if_fail (FU_IS_ANNUAL_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  build_layout (self);
  if (!fu_page_layout_write_pdf (self->layout, path, self->title, error))
    {
      g_prefix_error (error, _("Could not save the annual report: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_annual_report_write_pdf (FuStore     *store,
                            guint        fiscal_year,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(FuAnnualReport) self = NULL;

  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = fu_annual_report_new (store, fiscal_year, error);
  if (self == NULL)
    return FALSE;
  return fu_annual_report_save_pdf (self, path, error);
}
