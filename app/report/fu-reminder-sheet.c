/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-reminder-sheet.c: lays the reminder list out on pages and draws them. Pagination
 * happens once, with the Pango context of the surface that will be drawn on, so the pages
 * that were counted are the pages that get drawn. */
#define G_LOG_DOMAIN "fu-reminder-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "fu-day.h"
#include "fu-store.h"
#include "fu-reminder-sheet.h"

/* Sizes in points. */
#define HEADER_GAP        10.0   /* below the header's rule */
#define COLUMN_GAP         6.0   /* between table columns */
#define NAME_INDENT        6.0   /* rows sit under their administration's heading */
#define ROW_PADDING        2.0   /* above and below a row's text */
#define WORKSHOP_GAP      10.0   /* above a workshop heading that does not start the page */
#define WORKSHOP_PADDING   3.0   /* around a workshop heading's text, inside its band */
#define ADMIN_PADDING      4.0   /* above an administration's heading */
#define FOOTER_GAP         8.0   /* between the last row and the footer's rule */

/* A fixed print palette: black text, greys for what is secondary. */
#define INK_TEXT       0.00
#define INK_SECONDARY  0.35
#define INK_RULE       0.55
#define INK_BAND       0.90
#define INK_STRIPE     0.955

#define FONT_BODY       "Sans 9"
#define FONT_BODY_BOLD  "Sans Bold 9"
#define FONT_SMALL      "Sans 8"
#define FONT_SMALL_BOLD "Sans Bold 8"
#define FONT_HEADING    "Sans Bold 10"
#define FONT_TITLE      "Sans Bold 15"
#define FONT_EMPTY      "Sans Bold 12"

typedef enum {
  COLUMN_NAME,
  COLUMN_EMAIL,
  COLUMN_SENT,
  COLUMN_DEADLINE,
  COLUMN_REMINDERS,
  COLUMN_OVERDUE,
  N_COLUMNS
} Column;

typedef enum {
  ITEM_WORKSHOP,
  ITEM_ADMINISTRATION,
  ITEM_ROW,
} ItemKind;

/* Something placed on a page; @row indexes the sorted rows (for headings: their first). */
typedef struct {
  ItemKind  kind;
  guint     row;
  gboolean  continued;  /* a heading repeated at the top of a page */
  gboolean  stripe;     /* a row shaded to guide the eye across */
  double    y;
} Item;

struct _FuReminderSheet
{
  GObject        parent_instance;

  GPtrArray     *rows;      /* the caller's array, referenced */
  GPtrArray     *sorted;    /* the same rows in print order, not owned */
  char          *office;
  FuDay          as_of;

  PangoContext  *context;
  double         width;
  double         height;

  /* Measured by fu_reminder_sheet_paginate. */
  double         header_height;
  double         columns_height;
  double         footer_height;
  double         workshop_height;
  double         admin_height;
  double         row_height;
  double         column_x[N_COLUMNS];
  double         column_width[N_COLUMNS];

  GPtrArray     *pages;     /* GArray of Item per page */
};

G_DEFINE_FINAL_TYPE (FuReminderSheet, fu_reminder_sheet, G_TYPE_OBJECT)

/* ---- Helpers --------------------------------------------------------------------------- */

/* Without regard to case, as the CSV export sorts, so both lists come in the same order
 * whatever the locale. */
static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a != NULL ? a : "", -1);
  g_autofree char *fb = g_utf8_casefold (b != NULL ? b : "", -1);
  int cmp = strcmp (fa, fb);

  return cmp != 0 ? cmp : g_strcmp0 (a, b);
}

/* Workshop start, code, administration, name: the order the CSV export uses too. */
static int
compare_rows (gconstpointer pa,
              gconstpointer pb)
{
  const FuFollowupRow *a = *(const FuFollowupRow * const *) pa;
  const FuFollowupRow *b = *(const FuFollowupRow * const *) pb;
  int cmp;

  if (a->workshop_start != b->workshop_start)
    return a->workshop_start < b->workshop_start ? -1 : 1;
  if ((cmp = g_strcmp0 (a->workshop_code, b->workshop_code)) != 0)
    return cmp;
  if (a->workshop_id != b->workshop_id)
    return a->workshop_id < b->workshop_id ? -1 : 1;
  if ((cmp = compare_text (a->administration, b->administration)) != 0)
    return cmp;
  if (a->administration_id != b->administration_id)
    return a->administration_id < b->administration_id ? -1 : 1;
  if ((cmp = compare_text (a->participant_name, b->participant_name)) != 0)
    return cmp;
  if (a->followup_id != b->followup_id)
    return a->followup_id < b->followup_id ? -1 : 1;
  return 0;
}

static inline const FuFollowupRow *
sorted_row (FuReminderSheet *self,
            guint            i)
{
  return g_ptr_array_index (self->sorted, i);
}

static gboolean
same_workshop (const FuFollowupRow *a,
               const FuFollowupRow *b)
{
  return a->workshop_id == b->workshop_id && g_strcmp0 (a->workshop_code, b->workshop_code) == 0;
}

static gboolean
same_administration (const FuFollowupRow *a,
                     const FuFollowupRow *b)
{
  return same_workshop (a, b) && a->administration_id == b->administration_id
         && g_strcmp0 (a->administration, b->administration) == 0;
}

/* One line of text in @font; @width > 0 ellipsizes it to that width and aligns it in it. */
static PangoLayout *
make_layout (FuReminderSheet *self,
             const char      *font,
             const char      *text,
             double           width,
             PangoAlignment   alignment,
             gboolean         markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, alignment);
    }
  return layout;
}

static double
text_width (FuReminderSheet *self,
            const char      *font,
            const char      *text)
{
  g_autoptr(PangoLayout) layout = make_layout (self, font, text, -1, PANGO_ALIGN_LEFT, FALSE);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static double
line_height (FuReminderSheet *self,
             const char      *font)
{
  /* Accents and descenders: the tallest line a name can make. */
  g_autoptr(PangoLayout) layout = make_layout (self, font, "ÉÅgjy", -1, PANGO_ALIGN_LEFT, FALSE);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
show_text (FuReminderSheet *self,
           cairo_t         *cr,
           const char      *font,
           const char      *text,
           double           x,
           double           y,
           double           width,
           PangoAlignment   alignment,
           double           grey)
{
  g_autoptr(PangoLayout) layout = make_layout (self, font, text, width, alignment, FALSE);

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
show_markup (FuReminderSheet *self,
             cairo_t         *cr,
             const char      *font,
             const char      *markup,
             double           x,
             double           y,
             double           width,
             double           grey)
{
  g_autoptr(PangoLayout) layout = make_layout (self, font, markup, width, PANGO_ALIGN_LEFT, TRUE);

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
hrule (cairo_t *cr,
       double   x,
       double   y,
       double   width,
       double   line_width,
       double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
}

static void
format_day (FuDay day,
            char  buf[11])
{
  if (day == FU_DAY_NONE)
    g_strlcpy (buf, "–", 11);
  else
    fu_day_format_iso (day, buf);
}

static char *
workshop_dates (const FuFollowupRow *row)
{
  char start[11], end[11];

  format_day (row->workshop_start, start);
  if (row->workshop_end == FU_DAY_NONE || row->workshop_end == row->workshop_start)
    return g_strdup (start);
  format_day (row->workshop_end, end);
  /* TRANSLATORS: a workshop's first and last day */
  return g_strdup_printf (_("%s to %s"), start, end);
}

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return _("Name");
    case COLUMN_EMAIL:
      return _("E-mail");
    case COLUMN_SENT:
      return _("Sent");
    case COLUMN_DEADLINE:
      return _("Deadline");
    case COLUMN_REMINDERS:
      return _("Reminders sent");
    case COLUMN_OVERDUE:
      return _("Days overdue");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static PangoAlignment
column_alignment (Column column)
{
  return column >= COLUMN_REMINDERS ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

/* The widest word of @text: a column title may wrap between words, never inside one. */
static double
widest_word (FuReminderSheet *self,
             const char      *font,
             const char      *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, text_width (self, font, words[i]));
  return widest;
}

static PangoLayout *
column_title_layout (FuReminderSheet *self,
                     Column           column)
{
  PangoLayout *layout = make_layout (self, FONT_SMALL_BOLD, column_title (column), -1,
                                     PANGO_ALIGN_LEFT, FALSE);

  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  /* A hair wider than the widest word, so that rounding never breaks inside it. */
  pango_layout_set_width (layout, (int) ((self->column_width[column] + 0.5) * PANGO_SCALE));
  pango_layout_set_alignment (layout, column_alignment (column));
  return layout;
}

static int
compare_doubles (gconstpointer pa,
                 gconstpointer pb)
{
  double a = *(const double *) pa;
  double b = *(const double *) pb;

  return a < b ? -1 : a > b ? 1 : 0;
}

/* How many of the sorted @widths are wider than @limit. */
static guint
count_wider (GArray *widths,
             double  limit)
{
  guint lo = 0, hi = widths->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (widths, double, mid) > limit)
        hi = mid;
      else
        lo = mid + 1;
    }
  return widths->len - lo;
}

static GArray *
measure_cells (FuReminderSheet *self,
               gboolean         email)
{
  GArray *widths = g_array_sized_new (FALSE, FALSE, sizeof (double), self->sorted->len);

  for (guint i = 0; i < self->sorted->len; i++)
    {
      const FuFollowupRow *row = sorted_row (self, i);
      const char *text = email ? row->email : row->participant_name;
      double width = text != NULL && *text != '\0' ? text_width (self, FONT_BODY, text) : 0;

      g_array_append_val (widths, width);
    }
  g_array_sort (widths, compare_doubles);
  return widths;
}

/* The fixed columns take what their content or the widest word of their title needs. Name
 * and e-mail share the rest where the fewest cells get cut short (names counting double),
 * which on a narrow page is better than an even split that cuts most e-mails; each keeps at
 * least 30%. */
static void
measure_columns (FuReminderSheet *self)
{
  g_autoptr(GArray) names = measure_cells (self, FALSE);
  g_autoptr(GArray) emails = measure_cells (self, TRUE);
  double date_width = text_width (self, FONT_BODY, "0000-00-00");
  double count_width = text_width (self, FONT_BODY, "0000");
  double fixed = 0;
  double flexible, need_name, need_email, target, best;
  guint best_cut = G_MAXUINT;
  double x;

  for (Column c = COLUMN_SENT; c < N_COLUMNS; c++)
    {
      double content = c <= COLUMN_DEADLINE ? date_width : count_width;

      self->column_width[c] = MAX (content, widest_word (self, FONT_SMALL_BOLD,
                                                         column_title (c)));
      fixed += self->column_width[c] + COLUMN_GAP;
    }
  flexible = MAX (self->width - NAME_INDENT - fixed - COLUMN_GAP, 40.0);

  need_name = names->len > 0 ? g_array_index (names, double, names->len - 1) : 0;
  need_email = emails->len > 0 ? g_array_index (emails, double, emails->len - 1) : 0;
  need_name = MAX (need_name, widest_word (self, FONT_SMALL_BOLD, column_title (COLUMN_NAME)));
  need_email = MAX (need_email, widest_word (self, FONT_SMALL_BOLD,
                                             column_title (COLUMN_EMAIL)));
  if (need_name + need_email <= flexible)
    target = need_name + (flexible - need_name - need_email) / 2;
  else
    target = flexible * need_name / (need_name + need_email);
  target = CLAMP (target, flexible * 0.3, flexible * 0.7);

  best = target;
  for (double share = flexible * 0.3; share <= flexible * 0.7; share += 1.0)
    {
      /* A cut name costs more than a cut e-mail: people are looked up by name. */
      guint cut = 2 * count_wider (names, share) + count_wider (emails, flexible - share);

      if (cut < best_cut || (cut == best_cut && fabs (share - target) < fabs (best - target)))
        {
          best_cut = cut;
          best = share;
        }
    }
  self->column_width[COLUMN_NAME] = best;
  self->column_width[COLUMN_EMAIL] = flexible - best;

  x = NAME_INDENT;
  for (Column c = COLUMN_NAME; c < N_COLUMNS; c++)
    {
      self->column_x[c] = x;
      x += self->column_width[c] + COLUMN_GAP;
    }

  /* The titles' row is as tall as its tallest (wrapped) title. */
  self->columns_height = 0;
  for (Column c = COLUMN_NAME; c < N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = column_title_layout (self, c);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      self->columns_height = MAX (self->columns_height, (double) h / PANGO_SCALE);
    }
  self->columns_height += 2 + 2;
}

/* ---- Pagination ------------------------------------------------------------------------ */

typedef struct {
  FuReminderSheet *self;
  GArray          *page;
  double           y;
  double           top;
  double           bottom;
  gboolean         has_rows;  /* this page holds a row, so breaking it makes progress */
} Pager;

static void
pager_new_page (Pager *pager)
{
  pager->page = g_array_new (FALSE, TRUE, sizeof (Item));
  g_ptr_array_add (pager->self->pages, pager->page);
  pager->y = pager->top;
  pager->has_rows = FALSE;
}

/* Starts a new page unless @needed points still fit on this one. */
static gboolean
pager_ensure (Pager  *pager,
              double  needed)
{
  if (pager->y + needed <= pager->bottom || !pager->has_rows)
    return FALSE;
  pager_new_page (pager);
  return TRUE;
}

static double
workshop_gap (Pager *pager)
{
  return pager->y > pager->top ? WORKSHOP_GAP : 0;
}

static void
pager_add (Pager    *pager,
           ItemKind  kind,
           guint     row,
           gboolean  continued,
           gboolean  stripe)
{
  FuReminderSheet *self = pager->self;
  Item item = { kind, row, continued, stripe, 0 };

  switch (kind)
    {
    case ITEM_WORKSHOP:
      pager->y += workshop_gap (pager);
      item.y = pager->y;
      pager->y += self->workshop_height;
      break;
    case ITEM_ADMINISTRATION:
      item.y = pager->y;
      pager->y += self->admin_height;
      break;
    case ITEM_ROW:
    default:
      item.y = pager->y;
      pager->y += self->row_height;
      pager->has_rows = TRUE;
      break;
    }
  g_array_append_val (pager->page, item);
}

static void
paginate_rows (FuReminderSheet *self)
{
  Pager pager = { self, NULL, 0, 0, 0, FALSE };
  guint n = self->sorted->len;

  pager.top = self->header_height + self->columns_height;
  pager.bottom = self->height - self->footer_height;
  pager_new_page (&pager);

  for (guint w = 0; w < n; )
    {
      guint w_end = w + 1;

      while (w_end < n && same_workshop (sorted_row (self, w), sorted_row (self, w_end)))
        w_end++;

      /* A heading never ends a page: it goes down with its first administration and row. */
      pager_ensure (&pager, workshop_gap (&pager) + self->workshop_height
                            + self->admin_height + self->row_height);
      pager_add (&pager, ITEM_WORKSHOP, w, FALSE, FALSE);

      for (guint a = w; a < w_end; )
        {
          guint a_end = a + 1;

          while (a_end < w_end && same_administration (sorted_row (self, a),
                                                       sorted_row (self, a_end)))
            a_end++;

          if (pager_ensure (&pager, self->admin_height + self->row_height))
            pager_add (&pager, ITEM_WORKSHOP, w, TRUE, FALSE);
          pager_add (&pager, ITEM_ADMINISTRATION, a, FALSE, FALSE);

          for (guint r = a; r < a_end; r++)
            {
              if (pager_ensure (&pager, self->row_height))
                {
                  pager_add (&pager, ITEM_WORKSHOP, w, TRUE, FALSE);
                  pager_add (&pager, ITEM_ADMINISTRATION, a, TRUE, FALSE);
                }
              pager_add (&pager, ITEM_ROW, r, FALSE, (r - a) % 2 == 1);
            }
          a = a_end;
        }
      w = w_end;
    }
}

/* ---- Drawing --------------------------------------------------------------------------- */

static void
draw_header (FuReminderSheet *self,
             cairo_t         *cr)
{
  g_autofree char *as_of_text = NULL;
  g_autofree char *count = NULL;
  char as_of[11];
  double office_height = line_height (self, FONT_BODY_BOLD);
  double title_height = line_height (self, FONT_TITLE);
  double small_height = line_height (self, FONT_BODY);
  double as_of_width;
  double y = 0;

  format_day (self->as_of, as_of);
  /* TRANSLATORS: the day the reminder list is for */
  as_of_text = g_strdup_printf (_("As of %s"), as_of);
  count = g_strdup_printf (ngettext ("%u follow-up to chase", "%u follow-ups to chase",
                                     self->sorted->len),
                           self->sorted->len);

  as_of_width = MIN (text_width (self, FONT_BODY, as_of_text), self->width / 2);
  if (self->office != NULL)
    show_text (self, cr, FONT_BODY_BOLD, self->office, 0, y, self->width - as_of_width - 12,
               PANGO_ALIGN_LEFT, INK_SECONDARY);
  show_text (self, cr, FONT_BODY, as_of_text, self->width - as_of_width, y, as_of_width,
             PANGO_ALIGN_RIGHT, INK_TEXT);
  y += office_height + 1;

  show_text (self, cr, FONT_TITLE, _("Reminder list"), 0, y, self->width * 0.65,
             PANGO_ALIGN_LEFT, INK_TEXT);
  /* The count sits level with the title's foot, at the right; an empty list says so in
   * its body instead. */
  if (self->sorted->len > 0)
    show_text (self, cr, FONT_BODY, count, self->width * 0.5,
               y + title_height - small_height - 1, self->width * 0.5, PANGO_ALIGN_RIGHT,
               INK_SECONDARY);
  y += title_height + 3;

  hrule (cr, 0, y, self->width, 1.0, INK_TEXT);
}

static void
draw_column_titles (FuReminderSheet *self,
                    cairo_t         *cr)
{
  double bottom = self->header_height + self->columns_height - 2;

  /* Titles that wrap grow upwards, so that every title ends on the rule. */
  cairo_set_source_rgb (cr, INK_SECONDARY, INK_SECONDARY, INK_SECONDARY);
  for (Column c = COLUMN_NAME; c < N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = column_title_layout (self, c);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      cairo_move_to (cr, self->column_x[c], bottom - 2 - (double) h / PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);
    }
  hrule (cr, 0, bottom, self->width, 0.5, INK_RULE);
}

static void
draw_footer (FuReminderSheet *self,
             cairo_t         *cr,
             guint            page)
{
  g_autofree char *page_text = NULL;
  g_autofree char *left = NULL;
  char as_of[11];
  double rule_y = self->height - self->footer_height + FOOTER_GAP;
  double y = rule_y + 3;

  format_day (self->as_of, as_of);
  page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  /* TRANSLATORS: the footer of every page of the printed reminder list */
  left = g_strdup_printf (_("Reminder list as of %s"), as_of);

  hrule (cr, 0, rule_y, self->width, 0.5, INK_RULE);
  show_text (self, cr, FONT_SMALL, left, 0, y, self->width * 0.6, PANGO_ALIGN_LEFT,
             INK_SECONDARY);
  show_text (self, cr, FONT_SMALL, page_text, self->width * 0.6, y, self->width * 0.4,
             PANGO_ALIGN_RIGHT, INK_TEXT);
}

static void
draw_empty (FuReminderSheet *self,
            cairo_t         *cr)
{
  g_autofree char *text = NULL;
  char as_of[11];
  double y = self->header_height + 12;

  format_day (self->as_of, as_of);
  text = g_strdup_printf (_("No reminder is due and no reply is overdue as of %s."), as_of);
  show_text (self, cr, FONT_EMPTY, _("Nothing to chase"), 0, y, self->width,
             PANGO_ALIGN_LEFT, INK_TEXT);
  y += line_height (self, FONT_EMPTY) + 4;
  show_text (self, cr, FONT_BODY, text, 0, y, self->width, PANGO_ALIGN_LEFT, INK_SECONDARY);
}

static void
draw_workshop (FuReminderSheet *self,
               cairo_t         *cr,
               const Item      *item)
{
  const FuFollowupRow *row = sorted_row (self, item->row);
  g_autofree char *dates = workshop_dates (row);
  g_autofree char *right = NULL;
  g_autofree char *markup = NULL;
  double right_width;

  if (item->continued)
    /* TRANSLATORS: a workshop's dates, on a page that continues its list */
    right = g_strdup_printf (_("%s (continued)"), dates);
  else
    right = g_steal_pointer (&dates);
  right_width = MIN (text_width (self, FONT_BODY, right), self->width * 0.45);

  cairo_set_source_rgb (cr, INK_BAND, INK_BAND, INK_BAND);
  cairo_rectangle (cr, 0, item->y, self->width, self->workshop_height);
  cairo_fill (cr);

  markup = g_markup_printf_escaped ("%s  <span weight='normal'>%s</span>",
                                    row->workshop_code != NULL ? row->workshop_code : "",
                                    row->workshop_title != NULL ? row->workshop_title : "");
  show_markup (self, cr, FONT_HEADING, markup, 4, item->y + WORKSHOP_PADDING,
               self->width - right_width - 20, INK_TEXT);
  show_text (self, cr, FONT_BODY, right, self->width - right_width - 4,
             item->y + WORKSHOP_PADDING + line_height (self, FONT_HEADING)
             - line_height (self, FONT_BODY),
             right_width, PANGO_ALIGN_RIGHT, INK_SECONDARY);
}

static void
draw_administration (FuReminderSheet *self,
                     cairo_t         *cr,
                     const Item      *item)
{
  const FuFollowupRow *row = sorted_row (self, item->row);
  g_autofree char *text = NULL;

  if (item->continued)
    /* TRANSLATORS: an administration's name, on a page that continues its list */
    text = g_strdup_printf (_("%s (continued)"), row->administration);
  else
    text = g_strdup (row->administration);
  show_text (self, cr, FONT_BODY_BOLD, text, 0, item->y + ADMIN_PADDING, self->width,
             PANGO_ALIGN_LEFT, INK_TEXT);
}

static void
draw_row (FuReminderSheet *self,
          cairo_t         *cr,
          const Item      *item)
{
  const FuFollowupRow *row = sorted_row (self, item->row);
  char sent[11], deadline[11], reminders[16], overdue[16];
  const char *cells[N_COLUMNS];
  double y = item->y + ROW_PADDING;

  format_day (row->dates.sent, sent);
  format_day (row->dates.deadline, deadline);
  g_snprintf (reminders, sizeof reminders, "%u", row->n_reminders);
  /* A reminder that is due is not late yet: a dash, not a zero that reads like a count. */
  if (row->days_overdue > 0)
    g_snprintf (overdue, sizeof overdue, "%u", row->days_overdue);
  else
    g_strlcpy (overdue, "–", sizeof overdue);

  cells[COLUMN_NAME] = row->participant_name;
  cells[COLUMN_EMAIL] = row->email != NULL && *row->email != '\0' ? row->email : "–";
  cells[COLUMN_SENT] = sent;
  cells[COLUMN_DEADLINE] = deadline;
  cells[COLUMN_REMINDERS] = reminders;
  cells[COLUMN_OVERDUE] = overdue;

  if (item->stripe)
    {
      cairo_set_source_rgb (cr, INK_STRIPE, INK_STRIPE, INK_STRIPE);
      cairo_rectangle (cr, 0, item->y, self->width, self->row_height);
      cairo_fill (cr);
    }
  for (Column c = COLUMN_NAME; c < N_COLUMNS; c++)
    show_text (self, cr, FONT_BODY, cells[c], self->column_x[c], y, self->column_width[c],
               column_alignment (c), INK_TEXT);
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
fu_reminder_sheet_finalize (GObject *object)
{
  FuReminderSheet *self = (FuReminderSheet *) object;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->office, g_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fu_reminder_sheet_parent_class)->finalize (object);
}

static void
fu_reminder_sheet_class_init (FuReminderSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fu_reminder_sheet_finalize;
}

static void
fu_reminder_sheet_init (FuReminderSheet *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

/* ---- Public API ------------------------------------------------------------------------ */

FuReminderSheet *
fu_reminder_sheet_new (GPtrArray  *rows,
                       const char *office,
                       FuDay       as_of)
{
  FuReminderSheet *self;

  g_return_val_if_fail (rows != NULL, NULL);

  self = g_object_new (FU_TYPE_REMINDER_SHEET, NULL);
  self->rows = g_ptr_array_ref (rows);
  self->sorted = g_ptr_array_sized_new (rows->len);
  for (guint i = 0; i < rows->len; i++)
    if (g_ptr_array_index (rows, i) != NULL)
      g_ptr_array_add (self->sorted, g_ptr_array_index (rows, i));
  g_ptr_array_sort (self->sorted, compare_rows);
  if (office != NULL && *office != '\0')
    self->office = g_strdup (office);
  self->as_of = as_of;
  return self;
}

guint
fu_reminder_sheet_get_n_rows (FuReminderSheet *self)
{
  g_return_val_if_fail (FU_IS_REMINDER_SHEET (self), 0);

  return self->sorted->len;
}

guint
fu_reminder_sheet_paginate (FuReminderSheet *self,
                            PangoContext    *context,
                            double           width,
                            double           height)
{
  g_return_val_if_fail (FU_IS_REMINDER_SHEET (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  g_set_object (&self->context, context);
  self->width = width;
  self->height = height;
  g_ptr_array_set_size (self->pages, 0);

  self->header_height = line_height (self, FONT_BODY_BOLD) + 1 + line_height (self, FONT_TITLE)
                        + 3 + HEADER_GAP;
  self->footer_height = FOOTER_GAP + 3 + line_height (self, FONT_SMALL);
  self->workshop_height = line_height (self, FONT_HEADING) + 2 * WORKSHOP_PADDING;
  self->admin_height = ADMIN_PADDING + line_height (self, FONT_BODY_BOLD) + 1;
  self->row_height = line_height (self, FONT_BODY) + 2 * ROW_PADDING;
  measure_columns (self);

  if (self->sorted->len == 0)
    g_ptr_array_add (self->pages, g_array_new (FALSE, TRUE, sizeof (Item)));
  else
    paginate_rows (self);

  return self->pages->len;
}

guint
fu_reminder_sheet_get_n_pages (FuReminderSheet *self)
{
  g_return_val_if_fail (FU_IS_REMINDER_SHEET (self), 0);

  return self->pages->len;
}

void
fu_reminder_sheet_draw_page (FuReminderSheet *self,
                             cairo_t         *cr,
                             guint            page)
{
  GArray *items;

  g_return_if_fail (FU_IS_REMINDER_SHEET (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->context != NULL);
  g_return_if_fail (page < self->pages->len);

  items = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  draw_header (self, cr);
  if (self->sorted->len == 0)
    {
      draw_empty (self, cr);
    }
  else
    {
      draw_column_titles (self, cr);
      for (guint i = 0; i < items->len; i++)
        {
          const Item *item = &g_array_index (items, Item, i);

          switch (item->kind)
            {
            case ITEM_WORKSHOP:
              draw_workshop (self, cr, item);
              break;
            case ITEM_ADMINISTRATION:
              draw_administration (self, cr, item);
              break;
            case ITEM_ROW:
            default:
              draw_row (self, cr, item);
              break;
            }
        }
    }
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
fu_reminder_sheet_write_pdf (FuReminderSheet *self,
                             const char      *path,
                             GError         **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  PangoContext *context;
  g_autofree char *title = NULL;
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  char as_of[11];
  guint n_pages;

  g_return_val_if_fail (FU_IS_REMINDER_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Drawn into memory first: the file is written whole or not at all. */
  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes,
                                                 FU_REMINDER_SHEET_A4_WIDTH,
                                                 FU_REMINDER_SHEET_A4_HEIGHT);
  format_day (self->as_of, as_of);
  title = g_strdup_printf (_("Reminder list as of %s"), as_of);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Follow-Up");
  cr = cairo_create (surface);

  /* PDF units are points: 72 units per inch, so "Sans 9" is 9 points. Print layouts must
   * not depend on screen hinting. */
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);

  n_pages = fu_reminder_sheet_paginate (self, context,
                                        FU_REMINDER_SHEET_A4_WIDTH - 2 * FU_REMINDER_SHEET_MARGIN,
                                        FU_REMINDER_SHEET_A4_HEIGHT
                                        - 2 * FU_REMINDER_SHEET_MARGIN);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_save (cr);
      cairo_translate (cr, FU_REMINDER_SHEET_MARGIN, FU_REMINDER_SHEET_MARGIN);
      fu_reminder_sheet_draw_page (self, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the reminder list: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_file_set_contents (path, (const char *) bytes->data, bytes->len, error))
    {
      g_prefix_error (error, _("Could not save the reminder list: "));
      return FALSE;
    }
  return TRUE;
}
