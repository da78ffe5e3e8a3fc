/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-page-layout.h: the page layout every printed document shares (the reminder list, the
 * annual report, the feedback sheet). A document is a list of blocks: a block knows its
 * height for a width and how to draw itself, and is never split across pages. The layout
 * breaks the blocks into pages, keeps a heading with what follows it, repeats a table's
 * column titles on the pages it continues on, and draws the same header (office, document
 * title, date) and footer ("Page N of M") on every page.
 *
 * Blocks work in points whatever the surface: the layout measures them with a Pango
 * context at 72 dpi and scales the cairo context it hands them, so the print dialog (any
 * resolution, any unit), its preview and a PDF file give the same pages. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "fu-types.h"

G_BEGIN_DECLS

/* A4 portrait in points, and the margins fu_page_write_pdf leaves on every side (15 mm). */
#define FU_PAGE_A4_WIDTH  595.276
#define FU_PAGE_A4_HEIGHT 841.890
#define FU_PAGE_MARGIN    42.520
#define FU_PAGE_LETTER_WIDTH  612.0
#define FU_PAGE_LETTER_HEIGHT 792.0

/* The paper a PDF is written on, in points: US Letter where the locale's paper is
 * (LC_PAPER, as in en_US), A4 elsewhere; FOLLOWUP_PAPER=letter or a4 decides instead. */
void          fu_page_get_paper_size         (double *width,
                                              double *height);

/* The fixed print palette for text, rules and shading: greys from black (0) to white (1),
 * so that pages read the same on any printer. */
#define FU_PAGE_INK_TEXT       0.00
#define FU_PAGE_INK_SECONDARY  0.35
#define FU_PAGE_INK_RULE       0.55
#define FU_PAGE_INK_BAND       0.90
#define FU_PAGE_INK_STRIPE     0.955

typedef struct _FuPageLayout FuPageLayout;
typedef struct _FuPageTable FuPageTable;

typedef enum {
  FU_PAGE_BLOCK_DEFAULT        = 0,
  /* Never the last block of a page: a heading stays with what follows it. */
  FU_PAGE_BLOCK_KEEP_WITH_NEXT = 1 << 0,
  /* Starts a new page (unless it would be the first block of an empty page anyway). */
  FU_PAGE_BLOCK_BREAK_BEFORE   = 1 << 1,
  /* Takes the whole body of its page, e.g. a title page: the next block starts a page. */
  FU_PAGE_BLOCK_FULL_PAGE      = 1 << 2,
  /* A figure: when it does not fit what is left of the page, the blocks after it fill the
   * page and it goes to the top of the next one, as figures do in print. */
  FU_PAGE_BLOCK_FLOAT          = 1 << 3,
  /* A section heading: figures still waiting are placed before it, on a new page, so that
   * none drifts into the next section. */
  FU_PAGE_BLOCK_SECTION        = 1 << 4,
} FuPageBlockFlags;

/* What a block's draw function is told. */
typedef struct {
  PangoContext *context;    /* for pango_layout_new: 72 dpi, so a "Sans 9" font is 9 units */
  double        width;      /* the body's width, in points */
  double        height;     /* the height measured (or, for a full-page block, the body's) */
  guint         page;       /* 0-based */
  guint         n_pages;
  gboolean      repeated;   /* drawn again at the top of a page to introduce what continues */
} FuPageBlockInfo;

/* The block's height at @width, in points. @page_height is the height of an empty page's
 * body: a block that could be taller (a chart) may shrink to it; a taller block is clipped. */
typedef double (*FuPageMeasureFunc) (gpointer      data,
                                     PangoContext *context,
                                     double        width,
                                     double        page_height);
/* Draws the block with its top left corner at @cr's origin, within info->width ×
 * info->height. */
typedef void   (*FuPageDrawFunc)    (gpointer               data,
                                     cairo_t               *cr,
                                     const FuPageBlockInfo *info);

FuPageLayout *fu_page_layout_new             (void);
void          fu_page_layout_free            (FuPageLayout *self);

/* The header on every page: @office at the top left (may be NULL), @date at the top right
 * (may be NULL), then @title (may be NULL) with @note at its right (may be NULL). The
 * footer repeats @title at the left and says "Page N of M" at the right. */
void          fu_page_layout_set_header      (FuPageLayout *self,
                                              const char   *office,
                                              const char   *title,
                                              const char   *date,
                                              const char   *note);
/* The title's font in the header, "Sans Bold 11" by default. */
void          fu_page_layout_set_title_font  (FuPageLayout *self,
                                              const char   *font);
/* The footer's left-hand text, when it should say something other than the title. */
void          fu_page_layout_set_footer_text (FuPageLayout *self,
                                              const char   *text);

/* Appends a block; returns its index (blocks are numbered from 0 in the order added).
 * @destroy frees @data when the layout is freed. */
guint         fu_page_layout_add_block       (FuPageLayout      *self,
                                              FuPageMeasureFunc  measure,
                                              FuPageDrawFunc     draw,
                                              gpointer           data,
                                              GDestroyNotify     destroy,
                                              FuPageBlockFlags   flags);
/* Space above the next block added, dropped when that block starts a page. */
void          fu_page_layout_add_space       (FuPageLayout *self,
                                              double        points);
/* When @block starts a page (other than by being the document's first block), @repeat is
 * drawn above it again, with info->repeated set; and above @repeat, @repeat's own repeat
 * block, and so on: a table's column titles, a workshop's heading "(continued)". */
void          fu_page_layout_set_repeat      (FuPageLayout *self,
                                              guint         block,
                                              guint         repeat);
/* The block's structure in a tagged PDF: a static name from the PDF's standard structure
 * types ("H1", "H2", "Caption", "Figure"; paragraphs are "P", tables "Table", other blocks
 * untagged), and a figure's alternative text (may be NULL). */
void          fu_page_layout_set_tag         (FuPageLayout *self,
                                              guint         block,
                                              const char   *tag,
                                              const char   *alt);
guint         fu_page_layout_get_n_blocks    (FuPageLayout *self);

/* Wrapped text (Pango markup) in @font, indented by @indent points on the left. */
guint         fu_page_layout_add_paragraph   (FuPageLayout     *self,
                                              const char       *font,
                                              const char       *markup,
                                              double            indent,
                                              FuPageBlockFlags  flags);
/* The same, in a grey other than black (FU_PAGE_INK_SECONDARY for notes). */
guint         fu_page_layout_add_paragraph_full (FuPageLayout     *self,
                                                 const char       *font,
                                                 const char       *markup,
                                                 double            indent,
                                                 double            grey,
                                                 FuPageBlockFlags  flags);

/* Adds the table (taking it over): its column titles as a block that keeps with the first
 * row and comes back on every page the table continues on, and each row as a block.
 * Returns the index of the column titles' block. */
guint         fu_page_layout_add_table       (FuPageLayout     *self,
                                              FuPageTable      *table,
                                              FuPageBlockFlags  flags);

/* Breaks the blocks into pages of @width × @height: the printable area, in the units of
 * the cairo context the pages are later drawn on, with @context's resolution saying how
 * many units a point is (as gtk_print_context_create_pango_context sets it). Keeps what it
 * needs of @context for fu_page_layout_draw_page. Returns the number of pages (at least 1). */
guint         fu_page_layout_paginate        (FuPageLayout *self,
                                              PangoContext *context,
                                              double        width,
                                              double        height);
guint         fu_page_layout_get_n_pages     (FuPageLayout *self);
/* Draws page @page (0-based) with its top left corner at @cr's origin. */
void          fu_page_layout_draw_page       (FuPageLayout *self,
                                              cairo_t      *cr,
                                              guint         page);
/* After pagination: the page @block was placed on (0-based), or -1 when it was not placed. */
int           fu_page_layout_get_block_page  (FuPageLayout *self,
                                              guint         block);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuPageLayout, fu_page_layout_free)

/* ---- Tables --------------------------------------------------------------------------- */

typedef enum {
  FU_PAGE_ROW_NORMAL,
  FU_PAGE_ROW_TOTAL,     /* bold, with a rule above */
} FuPageRowStyle;

FuPageTable  *fu_page_table_new              (guint n_columns);
void          fu_page_table_free             (FuPageTable *self);
/* @weight 0: the column is as wide as its widest cell (or the widest word of its title);
 * otherwise the columns share what is left in proportion to their weights, and their
 * cells wrap. */
void          fu_page_table_set_column       (FuPageTable    *self,
                                              guint           column,
                                              const char     *title,
                                              double          weight,
                                              PangoAlignment  alignment);
/* @cells: n_columns plain texts (NULL is empty). */
void          fu_page_table_add_row          (FuPageTable        *self,
                                              FuPageRowStyle      style,
                                              const char * const *cells);
guint         fu_page_table_get_n_rows       (FuPageTable *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuPageTable, fu_page_table_free)

/* ---- Drawing a document's own blocks ------------------------------------------------ */

/* The height of a line of text in @font, accents and descenders included. */
double        fu_page_line_height            (PangoContext *context,
                                              const char   *font);
/* The widest word of @text in @font: a column title may wrap between words, never inside
 * one. */
double        fu_page_widest_word            (PangoContext *context,
                                              const char   *font,
                                              const char   *text);
/* A horizontal rule @width long from (@x, @y), @line_width thick, in @grey. */
void          fu_page_draw_rule              (cairo_t      *cr,
                                              double        x,
                                              double        y,
                                              double        width,
                                              double        line_width,
                                              double        grey);

/* ---- Writing a document as PDF -------------------------------------------------------- */

/* A Pango context for measuring what will be drawn on @cr at @resolution dpi: no hinting,
 * so that the print preview, the printer and a file lay text out alike. */
PangoContext *fu_page_create_context         (cairo_t *cr,
                                              double   resolution);

typedef guint (*FuPaginateFunc) (gpointer      document,
                                 PangoContext *context,
                                 double        width,
                                 double        height);
typedef void  (*FuDrawPageFunc) (gpointer      document,
                                 cairo_t      *cr,
                                 guint         page);

/* Writes @document as a portrait PDF on fu_page_get_paper_size()'s paper with FU_PAGE_MARGIN on every side, whole or not
 * at all (drawn in memory, then saved). @title goes into the file's metadata. An error
 * names the file and what went wrong; callers prefix what the document was ("Could not
 * save the annual report: "). */
gboolean      fu_page_write_pdf              (const char      *path,
                                              const char      *title,
                                              FuPaginateFunc   paginate,
                                              FuDrawPageFunc   draw_page,
                                              gpointer         document,
                                              GError         **error);
/* fu_page_write_pdf() for a document that is one layout, built and ready to paginate. */
gboolean      fu_page_layout_write_pdf       (FuPageLayout    *self,
                                              const char      *path,
                                              const char      *title,
                                              GError         **error);

G_END_DECLS
