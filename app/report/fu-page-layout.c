/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-page-layout.c: breaks a document's blocks into pages and draws them with a common
 * header and footer. Pagination happens once, with the Pango context of the surface that
 * will be drawn on, so the pages that were counted are the pages that get drawn. */
#define G_LOG_DOMAIN "fu-page-layout"
/* nl_langinfo's LC_PAPER items. */
#define _GNU_SOURCE

#include "config.h"

#include <langinfo.h>

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "fu-files.h"
#include "fu-page-layout.h"
#include "fu-pdf-tags.h"

/* Sizes in points. */
#define HEADER_LINE_GAP    2.0   /* between the office's line and the title */
#define HEADER_RULE_GAP    3.0   /* between the title and the header's rule */
#define HEADER_GAP        12.0   /* below the header's rule */
#define FOOTER_GAP        10.0   /* between the body and the footer's rule */
#define FOOTER_TEXT_GAP    3.0   /* between the footer's rule and its text */

#define CELL_PADDING_X     5.0
#define CELL_PADDING_Y     3.0

#define FONT_HEADER        "Sans Bold 8"
#define FONT_HEADER_DATE   "Sans 8"
#define FONT_TITLE         "Sans Bold 11"
#define FONT_NOTE          "Sans 8.5"
#define FONT_FOOTER        "Sans 8"
#define FONT_COLUMN_TITLE  "Sans Bold 8"
#define FONT_CELL          "Sans 9"
#define FONT_CELL_TOTAL    "Sans Bold 9"

typedef struct {
  FuPageMeasureFunc  measure;
  FuPageDrawFunc     draw;
  gpointer           data;
  GDestroyNotify     destroy;
  FuPageBlockFlags   flags;
  double             space_before;
  int                repeat;    /* a block index, or -1 */
  const char        *tag;       /* its structure in a tagged PDF ("P", "H1", "Figure"), or NULL */
  char              *alt;       /* a figure's alternative text */

  /* Set by pagination. */
  double             height;
  int                page;
} Block;

/* A block placed on a page; @y is from the top of the body, in points. */
typedef struct {
  guint     block;
  double    y;
  double    height;
  gboolean  repeated;
} Placement;

struct _FuPageLayout
{
  GArray        *blocks;          /* Block */
  double         pending_space;

  char          *office;
  char          *title;
  char          *date;
  char          *note;
  char          *footer;
  char          *title_font;

  /* Set by fu_page_layout_paginate. */
  PangoContext  *context;         /* our own, at 72 dpi */
  double         scale;           /* the caller's units per point */
  double         width;           /* in points */
  double         height;
  double         header_height;
  double         footer_height;
  GPtrArray     *pages;           /* GArray of Placement per page */
};

typedef struct {
  char           *title;
  double          weight;
  PangoAlignment  alignment;
} TableColumn;

typedef struct {
  FuPageRowStyle   style;
  char           **cells;
} TableRow;

struct _FuPageTable
{
  gatomicrefcount  ref_count;
  guint            n_columns;
  TableColumn     *columns;
  GPtrArray       *rows;        /* TableRow */

  /* Column geometry for the last context and width measured with. */
  PangoContext    *context;
  double           measured_width;
  double          *x;
  double          *w;
};

/* A table's block: its column titles (@row -1) or one of its rows. */
typedef struct {
  FuPageTable *table;
  int          row;
} TableBlock;

typedef struct {
  char   *font;
  char   *markup;
  double  indent;
  double  grey;
} Paragraph;

/* ---- Text helpers ---------------------------------------------------------------------- */

/* @text in @font, wrapped at @width (or on one line when @width <= 0). */
static PangoLayout *
make_layout (PangoContext   *context,
             const char     *font,
             const char     *text,
             gboolean        markup,
             double          width,
             PangoAlignment  alignment,
             gboolean        ellipsize)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  if (markup)
    pango_layout_set_markup (layout, text != NULL ? text : "", -1);
  else
    pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_alignment (layout, alignment);
      if (ellipsize)
        {
          pango_layout_set_single_paragraph_mode (layout, TRUE);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      else
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        }
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

double
fu_page_line_height (PangoContext *context,
                     const char   *font)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (font != NULL, 0);

  /* Accents and descenders: the tallest line a name can make. */
  layout = make_layout (context, font, "ÉÅgjy", FALSE, -1, PANGO_ALIGN_LEFT, FALSE);
  return layout_height (layout);
}

static double
text_width (PangoContext *context,
            const char   *font,
            const char   *text)
{
  g_autoptr(PangoLayout) layout = make_layout (context, font, text, FALSE, -1,
                                               PANGO_ALIGN_LEFT, FALSE);

  return layout_width (layout);
}

/* One line of @text in @width, ellipsized, aligned in it. */
static void
show_line (cairo_t        *cr,
           PangoContext   *context,
           const char     *font,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  alignment,
           double          grey)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0' || width <= 0)
    return;
  layout = make_layout (context, font, text, FALSE, width, alignment, TRUE);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
fu_page_draw_rule (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   line_width,
                   double   grey)
{
  g_return_if_fail (cr != NULL);

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
}

double
fu_page_widest_word (PangoContext *context,
                     const char   *font,
                     const char   *text)
{
  g_auto(GStrv) words = NULL;
  double widest = 0;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (font != NULL, 0);

  words = g_strsplit (text != NULL ? text : "", " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, text_width (context, font, words[i]));
  return widest;
}

/* ---- Blocks ---------------------------------------------------------------------------- */

static void
block_clear (gpointer data)
{
  Block *block = data;

  if (block->destroy != NULL && block->data != NULL)
    block->destroy (block->data);
  block->data = NULL;
  g_clear_pointer (&block->alt, g_free);
}

static inline Block *
get_block (FuPageLayout *self,
           guint         index)
{
  return &g_array_index (self->blocks, Block, index);
}

/* ---- Paragraphs ------------------------------------------------------------------------ */

static void
paragraph_free (gpointer data)
{
  Paragraph *paragraph = data;

  g_free (paragraph->font);
  g_free (paragraph->markup);
  g_free (paragraph);
}

static PangoLayout *
paragraph_layout (Paragraph    *paragraph,
                  PangoContext *context,
                  double        width)
{
  return make_layout (context, paragraph->font, paragraph->markup, TRUE,
                      MAX (width - paragraph->indent, 1.0), PANGO_ALIGN_LEFT, FALSE);
}

static double
paragraph_measure (gpointer      data,
                   PangoContext *context,
                   double        width,
                   double        page_height)
{
  g_autoptr(PangoLayout) layout = paragraph_layout (data, context, width);

  return layout_height (layout);
}

static void
paragraph_draw (gpointer               data,
                cairo_t               *cr,
                const FuPageBlockInfo *info)
{
  Paragraph *paragraph = data;
  g_autoptr(PangoLayout) layout = paragraph_layout (paragraph, info->context, info->width);

  cairo_set_source_rgb (cr, paragraph->grey, paragraph->grey, paragraph->grey);
  cairo_move_to (cr, paragraph->indent, 0);
  pango_cairo_show_layout (cr, layout);
}

/* ---- Tables ---------------------------------------------------------------------------- */

static FuPageTable *
table_ref (FuPageTable *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
table_unref (FuPageTable *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint c = 0; c < self->n_columns; c++)
    g_free (self->columns[c].title);
  g_free (self->columns);
  g_ptr_array_unref (self->rows);
  g_clear_object (&self->context);
  g_free (self->x);
  g_free (self->w);
  g_free (self);
}

static void
table_row_free (gpointer data)
{
  TableRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static void
table_block_free (gpointer data)
{
  TableBlock *block = data;

  table_unref (block->table);
  g_free (block);
}

static const char *
row_font (const TableRow *row)
{
  return row->style == FU_PAGE_ROW_TOTAL ? FONT_CELL_TOTAL : FONT_CELL;
}

/* Fixed columns take what their widest cell or title word needs; weighted columns share
 * the rest by weight, but never narrower than their title's widest word. When not even the
 * titles' words fit, every column shrinks alike and words break. */
static void
table_measure_columns (FuPageTable  *self,
                       PangoContext *context,
                       double        width)
{
  g_autofree double *need = NULL;
  g_autofree gboolean *settled = NULL;
  double need_all = 0, weights = 0, rest, x;
  gboolean changed = TRUE;

  if (self->context == context && self->measured_width == width)
    return;
  g_set_object (&self->context, context);
  self->measured_width = width;

  need = g_new0 (double, self->n_columns);
  settled = g_new0 (gboolean, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    {
      need[c] = fu_page_widest_word (context, FONT_COLUMN_TITLE, self->columns[c].title);
      settled[c] = self->columns[c].weight <= 0;
      if (settled[c])
        for (guint r = 0; r < self->rows->len; r++)
          {
            const TableRow *row = g_ptr_array_index (self->rows, r);

            need[c] = MAX (need[c], text_width (context, row_font (row), row->cells[c]));
          }
      else
        weights += self->columns[c].weight;
      need[c] += 2 * CELL_PADDING_X;
      need_all += need[c];
      self->w[c] = need[c];
    }

  if (need_all > width)
    {
      for (guint c = 0; c < self->n_columns; c++)
        self->w[c] = width * need[c] / need_all;
    }
  else
    {
      gboolean shared = FALSE;

      rest = width;
      for (guint c = 0; c < self->n_columns; c++)
        if (settled[c])
          rest -= need[c];
      /* A weighted column whose share is too narrow keeps its need; the others share what
       * is left, until every share is wide enough. */
      while (changed && weights > 0)
        {
          changed = FALSE;
          for (guint c = 0; c < self->n_columns; c++)
            if (!settled[c] && weights > 0
                && rest * self->columns[c].weight / weights < need[c])
              {
                settled[c] = TRUE;
                rest -= need[c];
                weights -= self->columns[c].weight;
                changed = TRUE;
              }
        }
      for (guint c = 0; c < self->n_columns; c++)
        if (!settled[c])
          {
            self->w[c] = rest * self->columns[c].weight / weights;
            shared = TRUE;
          }
      /* No column left to take the slack: the first one does. */
      if (!shared)
        self->w[0] += width - need_all;
    }

  x = 0;
  for (guint c = 0; c < self->n_columns; c++)
    {
      self->x[c] = x;
      x += self->w[c];
    }
}

static PangoLayout *
cell_layout (FuPageTable  *self,
             PangoContext *context,
             guint         column,
             const char   *font,
             const char   *text)
{
  return make_layout (context, font, text, FALSE,
                      MAX (self->w[column] - 2 * CELL_PADDING_X, 1.0),
                      self->columns[column].alignment, FALSE);
}

static double
table_block_measure (gpointer      data,
                     PangoContext *context,
                     double        width,
                     double        page_height)
{
  TableBlock *block = data;
  FuPageTable *self = block->table;
  double height = 0;

  table_measure_columns (self, context, width);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      if (block->row < 0)
        layout = cell_layout (self, context, c, FONT_COLUMN_TITLE, self->columns[c].title);
      else
        {
          const TableRow *row = g_ptr_array_index (self->rows, block->row);

          layout = cell_layout (self, context, c, row_font (row), row->cells[c]);
        }
      height = MAX (height, layout_height (layout));
    }
  return height + 2 * CELL_PADDING_Y;
}

/* A cell's text, as a TH or TD of the tagged PDF's table. */
static void
show_cell (cairo_t     *cr,
           PangoLayout *layout,
           const char  *tag,
           gboolean     untagged)
{
  if (!untagged)
    cairo_tag_begin (cr, tag, "");
  pango_cairo_show_layout (cr, layout);
  if (!untagged)
    cairo_tag_end (cr, tag);
}

static void
table_block_draw (gpointer               data,
                  cairo_t               *cr,
                  const FuPageBlockInfo *info)
{
  TableBlock *block = data;
  FuPageTable *self = block->table;
  const TableRow *row = block->row >= 0 ? g_ptr_array_index (self->rows, block->row) : NULL;

  table_measure_columns (self, info->context, info->width);

  /* A row drawn again atop a page is not read twice. */
  if (!info->repeated)
    cairo_tag_begin (cr, "TR", "");
  if (row == NULL)
    {
      /* Column titles on a grey band; titles that wrap grow upwards, so that every title
       * ends on the rule. */
      cairo_set_source_rgb (cr, FU_PAGE_INK_BAND, FU_PAGE_INK_BAND, FU_PAGE_INK_BAND);
      cairo_rectangle (cr, 0, 0, info->width, info->height);
      cairo_fill (cr);
      for (guint c = 0; c < self->n_columns; c++)
        {
          g_autoptr(PangoLayout) layout = cell_layout (self, info->context, c,
                                                       FONT_COLUMN_TITLE,
                                                       self->columns[c].title);

          cairo_set_source_rgb (cr, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT);
          cairo_move_to (cr, self->x[c] + CELL_PADDING_X,
                         info->height - CELL_PADDING_Y - layout_height (layout));
          show_cell (cr, layout, "TH", info->repeated);
        }
      fu_page_draw_rule (cr, 0, info->height, info->width, 0.8, FU_PAGE_INK_TEXT);
      if (!info->repeated)
        cairo_tag_end (cr, "TR");
      return;
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = cell_layout (self, info->context, c, row_font (row),
                                                   row->cells[c]);

      cairo_set_source_rgb (cr, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT);
      cairo_move_to (cr, self->x[c] + CELL_PADDING_X, CELL_PADDING_Y);
      show_cell (cr, layout, "TD", info->repeated);
    }
  if (!info->repeated)
    cairo_tag_end (cr, "TR");
  if (row->style == FU_PAGE_ROW_TOTAL)
    {
      fu_page_draw_rule (cr, 0, 0, info->width, 0.8, FU_PAGE_INK_TEXT);
      fu_page_draw_rule (cr, 0, info->height, info->width, 0.8, FU_PAGE_INK_TEXT);
    }
  else
    {
      fu_page_draw_rule (cr, 0, info->height, info->width, 0.4, 0.75);
    }
}

/* ---- Header and footer ----------------------------------------------------------------- */

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static double
measure_header (FuPageLayout *self)
{
  double height = 0;

  if (has_text (self->office) || has_text (self->date))
    height += fu_page_line_height (self->context, FONT_HEADER) + HEADER_LINE_GAP;
  if (has_text (self->title) || has_text (self->note))
    height += fu_page_line_height (self->context, self->title_font);
  if (height == 0)
    return 0;
  return height + HEADER_RULE_GAP + HEADER_GAP;
}

static void
draw_header (FuPageLayout *self,
             cairo_t      *cr)
{
  double y = 0;

  if (self->header_height <= 0)
    return;

  if (has_text (self->office) || has_text (self->date))
    {
      double date_width = has_text (self->date)
                          ? MIN (text_width (self->context, FONT_HEADER_DATE, self->date) + 1,
                                 self->width / 2)
                          : 0;

      show_line (cr, self->context, FONT_HEADER, self->office, 0, y,
                 self->width - date_width - 12, PANGO_ALIGN_LEFT, FU_PAGE_INK_SECONDARY);
      show_line (cr, self->context, FONT_HEADER_DATE, self->date, self->width - date_width, y,
                 date_width, PANGO_ALIGN_RIGHT, FU_PAGE_INK_TEXT);
      y += fu_page_line_height (self->context, FONT_HEADER) + HEADER_LINE_GAP;
    }

  if (has_text (self->title) || has_text (self->note))
    {
      double title_height = fu_page_line_height (self->context, self->title_font);
      double note_height = fu_page_line_height (self->context, FONT_NOTE);
      double note_width = has_text (self->note)
                          ? MIN (text_width (self->context, FONT_NOTE, self->note) + 1,
                                 self->width * 0.45)
                          : 0;

      show_line (cr, self->context, self->title_font, self->title, 0, y,
                 self->width - note_width - 12, PANGO_ALIGN_LEFT, FU_PAGE_INK_TEXT);
      /* The note sits at the title's foot, at the right. */
      show_line (cr, self->context, FONT_NOTE, self->note, self->width - note_width,
                 y + title_height - note_height, note_width, PANGO_ALIGN_RIGHT,
                 FU_PAGE_INK_SECONDARY);
      y += title_height;
    }

  fu_page_draw_rule (cr, 0, y + HEADER_RULE_GAP, self->width, 1.0, FU_PAGE_INK_TEXT);
}

static void
draw_footer (FuPageLayout *self,
             cairo_t      *cr,
             guint         page)
{
  g_autofree char *page_text = NULL;
  const char *left = self->footer != NULL ? self->footer : self->title;
  double rule_y = self->height - self->footer_height + FOOTER_GAP;
  double y = rule_y + FOOTER_TEXT_GAP;
  double page_width;

  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  page_width = MIN (text_width (self->context, FONT_FOOTER, page_text) + 1, self->width / 2);

  fu_page_draw_rule (cr, 0, rule_y, self->width, 0.5, FU_PAGE_INK_RULE);
  show_line (cr, self->context, FONT_FOOTER, left, 0, y, self->width - page_width - 12,
             PANGO_ALIGN_LEFT, FU_PAGE_INK_SECONDARY);
  show_line (cr, self->context, FONT_FOOTER, page_text, self->width - page_width, y,
             page_width, PANGO_ALIGN_RIGHT, FU_PAGE_INK_TEXT);
}

/* ---- Pagination ------------------------------------------------------------------------ */

typedef struct {
  FuPageLayout *self;
  GArray       *page;
  double        y;
  double        body;
  gboolean      has_content;
} Pager;

static void
pager_new_page (Pager *pager)
{
  pager->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  g_ptr_array_add (pager->self->pages, pager->page);
  pager->y = 0;
  pager->has_content = FALSE;
}

static void
pager_place (Pager    *pager,
             guint     index,
             gboolean  repeated)
{
  Block *block = get_block (pager->self, index);
  Placement placement = { index, 0, block->height, repeated };

  if (pager->has_content && !repeated)
    pager->y += block->space_before;
  placement.y = pager->y;
  g_array_append_val (pager->page, placement);
  pager->y += block->height;
  pager->has_content = TRUE;
  if (!repeated)
    block->page = pager->self->pages->len - 1;
}

/* Draws the blocks that introduce @index again at the top of a new page, outermost first. */
static void
pager_place_repeats (Pager *pager,
                     guint  index)
{
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));
  int repeat = get_block (pager->self, index)->repeat;

  /* A chain is short (column titles, a heading or two); the bound guards against loops. */
  while (repeat >= 0 && chain->len < 8)
    {
      guint r = (guint) repeat;

      g_array_append_val (chain, r);
      repeat = get_block (pager->self, r)->repeat;
    }
  for (guint i = chain->len; i > 0; i--)
    pager_place (pager, g_array_index (chain, guint, i - 1), TRUE);
}

/* The height of @index with the blocks it keeps with: up to the first that does not keep
 * with the next. */
static double
group_height (FuPageLayout *self,
              guint         index)
{
  double height = get_block (self, index)->height;

  for (guint i = index; i + 1 < self->blocks->len; i++)
    {
      Block *block = get_block (self, i);
      Block *next = get_block (self, i + 1);

      if (!(block->flags & FU_PAGE_BLOCK_KEEP_WITH_NEXT)
          || (next->flags & (FU_PAGE_BLOCK_BREAK_BEFORE | FU_PAGE_BLOCK_FULL_PAGE)))
        break;
      height += next->space_before + next->height;
    }
  return height;
}

/* Places the figures waiting for a page, starting a page where one does not fit. */
static void
pager_flush_floats (Pager  *pager,
                    GArray *floats)
{
  for (guint f = 0; f < floats->len; f++)
    {
      guint index = g_array_index (floats, guint, f);
      Block *block = get_block (pager->self, index);

      if (pager->has_content && pager->y + block->space_before + block->height > pager->body)
        pager_new_page (pager);
      pager_place (pager, index, FALSE);
    }
  g_array_set_size (floats, 0);
}

static void
paginate_blocks (FuPageLayout *self)
{
  Pager pager = { self, NULL, 0, self->height - self->header_height - self->footer_height,
                  FALSE };
  g_autoptr(GArray) floats = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean after_full_page = FALSE;

  pager_new_page (&pager);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = get_block (self, i);
      gboolean full = (block->flags & FU_PAGE_BLOCK_FULL_PAGE) != 0;
      gboolean break_before = full || after_full_page
                              || (block->flags & FU_PAGE_BLOCK_BREAK_BEFORE) != 0;
      gboolean fits;

      /* A figure that does not fit waits, and so do the figures after it, in order. */
      if ((block->flags & FU_PAGE_BLOCK_FLOAT) && !break_before
          && (floats->len > 0
              || (pager.has_content
                  && pager.y + block->space_before + block->height > pager.body)))
        {
          g_array_append_val (floats, i);
          continue;
        }
      if (floats->len > 0 && (break_before || (block->flags & FU_PAGE_BLOCK_SECTION)))
        {
          pager_new_page (&pager);
          pager_flush_floats (&pager, floats);
        }

      fits = pager.y + block->space_before + group_height (self, i) <= pager.body;
      if (pager.has_content && (break_before || !fits))
        {
          pager_new_page (&pager);
          /* Waiting figures go first on the new page; the block follows them, or starts
           * yet another page when they leave it too little room. */
          if (floats->len > 0 && !break_before)
            {
              pager_flush_floats (&pager, floats);
              if (pager.y + block->space_before + group_height (self, i) > pager.body)
                pager_new_page (&pager);
            }
          pager_place_repeats (&pager, i);
        }
      pager_place (&pager, i, FALSE);
      after_full_page = full;
    }
  if (floats->len > 0)
    {
      pager_new_page (&pager);
      pager_flush_floats (&pager, floats);
    }
}

/* ---- Public API: the layout ------------------------------------------------------------ */

FuPageLayout *
fu_page_layout_new (void)
{
  FuPageLayout *self = g_new0 (FuPageLayout, 1);

  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->title_font = g_strdup (FONT_TITLE);
  self->scale = 1.0;
  return self;
}

void
fu_page_layout_free (FuPageLayout *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self->office);
  g_free (self->title);
  g_free (self->date);
  g_free (self->note);
  g_free (self->footer);
  g_free (self->title_font);
  g_free (self);
}

void
fu_page_layout_set_header (FuPageLayout *self,
                           const char   *office,
                           const char   *title,
                           const char   *date,
                           const char   *note)
{
  g_return_if_fail (self != NULL);

  g_free (self->office);
  g_free (self->title);
  g_free (self->date);
  g_free (self->note);
  self->office = g_strdup (office);
  self->title = g_strdup (title);
  self->date = g_strdup (date);
  self->note = g_strdup (note);
}

void
fu_page_layout_set_title_font (FuPageLayout *self,
                               const char   *font)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (font != NULL);

  g_free (self->title_font);
  self->title_font = g_strdup (font);
}

void
fu_page_layout_set_footer_text (FuPageLayout *self,
                                const char   *text)
{
  g_return_if_fail (self != NULL);

  g_free (self->footer);
  self->footer = g_strdup (text);
}

guint
fu_page_layout_add_block (FuPageLayout      *self,
                          FuPageMeasureFunc  measure,
                          FuPageDrawFunc     draw,
                          gpointer           data,
                          GDestroyNotify     destroy,
                          FuPageBlockFlags   flags)
{
  Block block = { 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (measure != NULL, 0);
  g_return_val_if_fail (draw != NULL, 0);

  block.measure = measure;
  block.draw = draw;
  block.data = data;
  block.destroy = destroy;
  block.flags = flags;
  block.space_before = self->pending_space;
  block.repeat = -1;
  block.page = -1;
  self->pending_space = 0;
  g_array_append_val (self->blocks, block);
  return self->blocks->len - 1;
}

void
fu_page_layout_add_space (FuPageLayout *self,
                          double        points)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (points >= 0);

  self->pending_space += points;
}

void
fu_page_layout_set_repeat (FuPageLayout *self,
                           guint         block,
                           guint         repeat)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (block < self->blocks->len);
  g_return_if_fail (repeat < self->blocks->len);
  g_return_if_fail (repeat != block);

  get_block (self, block)->repeat = (int) repeat;
}

void
fu_page_layout_set_tag (FuPageLayout *self,
                        guint         block,
                        const char   *tag,
                        const char   *alt)
{
  Block *b;

  g_return_if_fail (self != NULL);
  g_return_if_fail (block < self->blocks->len);

  b = get_block (self, block);
  b->tag = g_intern_string (tag);
  g_free (b->alt);
  b->alt = g_strdup (alt);
}

guint
fu_page_layout_get_n_blocks (FuPageLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->blocks->len;
}

guint
fu_page_layout_add_paragraph_full (FuPageLayout     *self,
                                   const char       *font,
                                   const char       *markup,
                                   double            indent,
                                   double            grey,
                                   FuPageBlockFlags  flags)
{
  Paragraph *paragraph;
  guint index;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (font != NULL, 0);
  g_return_val_if_fail (markup != NULL, 0);

  paragraph = g_new0 (Paragraph, 1);
  paragraph->font = g_strdup (font);
  paragraph->markup = g_strdup (markup);
  paragraph->indent = MAX (indent, 0);
  paragraph->grey = CLAMP (grey, 0.0, 1.0);
  index = fu_page_layout_add_block (self, paragraph_measure, paragraph_draw, paragraph,
                                    paragraph_free, flags);
  get_block (self, index)->tag = "P";
  return index;
}

guint
fu_page_layout_add_paragraph (FuPageLayout     *self,
                              const char       *font,
                              const char       *markup,
                              double            indent,
                              FuPageBlockFlags  flags)
{
  return fu_page_layout_add_paragraph_full (self, font, markup, indent, FU_PAGE_INK_TEXT,
                                            flags);
}

guint
fu_page_layout_add_table (FuPageLayout     *self,
                          FuPageTable      *table,
                          FuPageBlockFlags  flags)
{
  TableBlock *head;
  guint head_index;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (table != NULL, 0);

  head = g_new0 (TableBlock, 1);
  head->table = table;   /* takes the caller's reference */
  head->row = -1;
  head_index = fu_page_layout_add_block (self, table_block_measure, table_block_draw, head,
                                         table_block_free,
                                         flags | (table->rows->len > 0
                                                  ? FU_PAGE_BLOCK_KEEP_WITH_NEXT : 0));
  for (guint r = 0; r < table->rows->len; r++)
    {
      TableBlock *row = g_new0 (TableBlock, 1);
      guint index;

      row->table = table_ref (table);
      row->row = (int) r;
      index = fu_page_layout_add_block (self, table_block_measure, table_block_draw, row,
                                        table_block_free, FU_PAGE_BLOCK_DEFAULT);
      fu_page_layout_set_repeat (self, index, head_index);
    }
  return head_index;
}

/* Our own context at 72 dpi on the caller's font map, so that blocks measure in points. */
static PangoContext *
create_point_context (PangoContext *context,
                      double       *scale)
{
  PangoFontMap *font_map = pango_context_get_font_map (context);
  PangoContext *points = pango_font_map_create_context (font_map);
  double resolution = pango_cairo_context_get_resolution (context);
  cairo_font_options_t *options;

  if (resolution <= 0 && PANGO_IS_CAIRO_FONT_MAP (font_map))
    resolution = pango_cairo_font_map_get_resolution (PANGO_CAIRO_FONT_MAP (font_map));
  if (resolution <= 0)
    resolution = 72.0;
  *scale = resolution / 72.0;

  pango_cairo_context_set_resolution (points, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (points, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (points, FALSE);
  pango_context_set_language (points, pango_context_get_language (context));
  pango_context_set_base_dir (points, pango_context_get_base_dir (context));
  return points;
}

guint
fu_page_layout_paginate (FuPageLayout *self,
                         PangoContext *context,
                         double        width,
                         double        height)
{
  double body;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  g_clear_object (&self->context);
  self->context = create_point_context (context, &self->scale);
  self->width = width / self->scale;
  self->height = height / self->scale;
  g_ptr_array_set_size (self->pages, 0);

  self->header_height = measure_header (self);
  self->footer_height = FOOTER_GAP + FOOTER_TEXT_GAP
                        + fu_page_line_height (self->context, FONT_FOOTER);
  body = MAX (self->height - self->header_height - self->footer_height, 1.0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = get_block (self, i);

      block->page = -1;
      if (block->flags & FU_PAGE_BLOCK_FULL_PAGE)
        block->height = body;
      else
        block->height = MAX (block->measure (block->data, self->context, self->width, body), 0);
    }
  paginate_blocks (self);
  return self->pages->len;
}

guint
fu_page_layout_get_n_pages (FuPageLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

int
fu_page_layout_get_block_page (FuPageLayout *self,
                               guint         block)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (block < self->blocks->len, -1);

  return get_block (self, block)->page;
}

void
fu_page_layout_draw_page (FuPageLayout *self,
                          cairo_t      *cr,
                          guint         page)
{
  GArray *placements;
  FuPageTable *open_table = NULL;
  double body;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->context != NULL);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  body = self->height - self->header_height - self->footer_height;

  cairo_save (cr);
  cairo_scale (cr, self->scale, self->scale);
  draw_header (self, cr);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);
      Block *block = get_block (self, placement->block);
      FuPageBlockInfo info = {
        self->context, self->width, placement->height, page, self->pages->len,
        placement->repeated,
      };
      FuPageTable *table = block->draw == table_block_draw
                           ? ((TableBlock *) block->data)->table : NULL;

      /* A tagged PDF's structure: the rows of one table on this page make one Table. */
      if (open_table != NULL && table != open_table)
        cairo_tag_end (cr, "Table");
      if (table != NULL && table != open_table)
        cairo_tag_begin (cr, "Table", "");
      open_table = table;
      if (block->tag != NULL && !placement->repeated)
        {
          cairo_tag_begin (cr, block->tag, "");
          if (block->alt != NULL)
            fu_pdf_add_figure_alt (cr, block->alt);
        }

      cairo_save (cr);
      cairo_translate (cr, 0, self->header_height + placement->y);
      /* Only a block taller than what is left of the body is cut, at the body's foot. */
      if (placement->y + placement->height > body)
        {
          cairo_rectangle (cr, -self->width, 0, 3 * self->width, body - placement->y);
          cairo_clip (cr);
        }
      block->draw (block->data, cr, &info);
      cairo_restore (cr);
      if (block->tag != NULL && !placement->repeated)
        cairo_tag_end (cr, block->tag);
    }
  if (open_table != NULL)
    cairo_tag_end (cr, "Table");
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/* ---- Public API: tables ---------------------------------------------------------------- */

FuPageTable *
fu_page_table_new (guint n_columns)
{
  FuPageTable *self;

  g_return_val_if_fail (n_columns > 0, NULL);

  self = g_new0 (FuPageTable, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_columns = n_columns;
  self->columns = g_new0 (TableColumn, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      self->columns[c].title = g_strdup ("");
      self->columns[c].alignment = PANGO_ALIGN_LEFT;
    }
  self->rows = g_ptr_array_new_with_free_func (table_row_free);
  self->x = g_new0 (double, n_columns);
  self->w = g_new0 (double, n_columns);
  self->measured_width = -1;
  return self;
}

void
fu_page_table_free (FuPageTable *self)
{
  if (self != NULL)
    table_unref (self);
}

void
fu_page_table_set_column (FuPageTable    *self,
                          guint           column,
                          const char     *title,
                          double          weight,
                          PangoAlignment  alignment)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->n_columns);

  g_free (self->columns[column].title);
  self->columns[column].title = g_strdup (title != NULL ? title : "");
  self->columns[column].weight = MAX (weight, 0);
  self->columns[column].alignment = alignment;
  self->measured_width = -1;
}

void
fu_page_table_add_row (FuPageTable        *self,
                       FuPageRowStyle      style,
                       const char * const *cells)
{
  TableRow *row;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cells != NULL);

  row = g_new0 (TableRow, 1);
  row->style = style;
  row->cells = g_new0 (char *, self->n_columns + 1);
  for (guint c = 0; c < self->n_columns; c++)
    row->cells[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  g_ptr_array_add (self->rows, row);
  self->measured_width = -1;
}

guint
fu_page_table_get_n_rows (FuPageTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/* ---- Public API: PDF ------------------------------------------------------------------- */

PangoContext *
fu_page_create_context (cairo_t *cr,
                        double   resolution)
{
  PangoContext *context;
  cairo_font_options_t *options;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (resolution > 0, NULL);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, resolution);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

void
fu_page_get_paper_size (double *width,
                        double *height)
{
  const char *chosen = g_getenv ("FOLLOWUP_PAPER");
  gboolean letter = FALSE;

  if (chosen != NULL && *chosen != '\0')
    letter = g_ascii_strcasecmp (chosen, "letter") == 0;
#ifdef _NL_PAPER_WIDTH
  else
    {
      /* glibc gives the locale's paper in millimetres, as a number in the pointer. */
      guint paper_width = (guint) GPOINTER_TO_UINT (nl_langinfo (_NL_PAPER_WIDTH));
      guint paper_height = (guint) GPOINTER_TO_UINT (nl_langinfo (_NL_PAPER_HEIGHT));

      letter = paper_width == 216 && paper_height == 279;
    }
#endif
  *width = letter ? FU_PAGE_LETTER_WIDTH : FU_PAGE_A4_WIDTH;
  *height = letter ? FU_PAGE_LETTER_HEIGHT : FU_PAGE_A4_HEIGHT;
}

gboolean
fu_page_write_pdf (const char      *path,
                   const char      *title,
                   FuPaginateFunc   paginate,
                   FuDrawPageFunc   draw_page,
                   gpointer         document,
                   GError         **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GPtrArray) alts = NULL;
  double paper_width, paper_height;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (paginate != NULL, FALSE);
  g_return_val_if_fail (draw_page != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_byte_array_new ();
  fu_page_get_paper_size (&paper_width, &paper_height);
  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes,
                                                 paper_width, paper_height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Follow-Up");
  cr = cairo_create (surface);

  /* PDF units are points: 72 units per inch. */
  context = fu_page_create_context (cr, 72.0);
  n_pages = paginate (document, context, paper_width - 2 * FU_PAGE_MARGIN,
                      paper_height - 2 * FU_PAGE_MARGIN);
  /* One Document holds the tagged PDF's structure, across the pages. */
  cairo_tag_begin (cr, "Document", "");
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, FU_PAGE_MARGIN, FU_PAGE_MARGIN);
      draw_page (document, cr, page);
      cairo_restore (cr);
      if (page + 1 == n_pages)
        cairo_tag_end (cr, "Document");
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  g_object_unref (context);
  cairo_destroy (cr);
  alts = fu_pdf_get_figure_alts (surface);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  /* TRANSLATORS: the language of this translation as a BCP 47 tag ("fr", "pt-BR"): printed
   * documents declare it, for screen readers */
  if (status == CAIRO_STATUS_SUCCESS && !fu_pdf_add_accessibility (bytes, C_("language", "en"),
                                                                   alts))
    g_warning ("Could not add the language and the figures' text to %s", path);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the pages: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  /* GLib's message names the file and says why; the caller says what the document was. */
  if (!fu_file_write_private (path, bytes->data, bytes->len, error))
    return FALSE;
  return TRUE;
}

static guint
layout_paginate_cb (gpointer      document,
                    PangoContext *context,
                    double        width,
                    double        height)
{
  return fu_page_layout_paginate (document, context, width, height);
}

static void
layout_draw_page_cb (gpointer  document,
                     cairo_t  *cr,
                     guint     page)
{
  fu_page_layout_draw_page (document, cr, page);
}

gboolean
fu_page_layout_write_pdf (FuPageLayout  *self,
                          const char    *path,
                          const char    *title,
                          GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return fu_page_write_pdf (path, title, layout_paginate_cb, layout_draw_page_cb, self, error);
}
