/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-reminder-sheet.c: lays the reminder list out on pages and draws them. The list is a
 * document of the shared page layout (fu-page-layout.h): the column titles, each workshop's
 * heading and each participant's row are blocks; the layout keeps a heading with its first
 * row, brings the column titles and the heading back "(continued)" at the top of a page, and
 * draws the header and "Page N of M". Paper cannot hover: nothing is cut short, a long name
 * or e-mail wraps in its cell; the administration is a column, and a blank Notes column is
 * left for the pen. Pagination happens once, with the Pango context of the surface that
 * will be drawn on. */
#define G_LOG_DOMAIN "fu-reminder-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fu-day.h"
#include "fu-store.h"
#include "fu-page-layout.h"
#include "fu-reminder-sheet.h"

/* Sizes in points. */
#define COLUMN_GAP         6.0   /* between table columns */
#define NAME_INDENT        0.0
#define NOTES_SHARE        0.10  /* of the width: the blank column for handwritten notes */
#define ROW_PADDING        1.0   /* above and below a row's text */
#define WORKSHOP_GAP       6.0   /* above a workshop heading that does not start the page */
#define WORKSHOP_PADDING   2.0   /* around a workshop heading's text, inside its band */

/* The fixed print palette: black text, greys for what is secondary. */
#define INK_TEXT       FU_PAGE_INK_TEXT
#define INK_SECONDARY  FU_PAGE_INK_SECONDARY
#define INK_RULE       FU_PAGE_INK_RULE
#define INK_BAND       FU_PAGE_INK_BAND
#define INK_STRIPE     FU_PAGE_INK_STRIPE

#define FONT_BODY       "Sans 8"
#define FONT_EMAIL      "Sans 7.5"
#define FONT_BODY_BOLD  "Sans Bold 9"
#define FONT_SMALL_BOLD "Sans Bold 8"
#define FONT_HEADING    "Sans Bold 9"
#define FONT_TITLE      "Sans Bold 15"
#define FONT_EMPTY      "Sans Bold 12"

typedef enum {
  COLUMN_NAME,             /* the name, and the e-mail under it */
  COLUMN_ADMINISTRATION,
  COLUMN_DEADLINE,
  COLUMN_REMINDERS,
  COLUMN_OVERDUE,
  COLUMN_NOTES,
  N_COLUMNS
} Column;


typedef enum {
  ITEM_COLUMNS,
  ITEM_WORKSHOP,
  ITEM_ROW,
} ItemKind;

/* A block of the list; @row indexes the sorted rows (for headings: their first). */
typedef struct {
  FuReminderSheet *sheet;     /* not owned: the sheet owns the layout that owns the item */
  ItemKind         kind;
  guint            row;
  gboolean         stripe;    /* a row shaded to guide the eye across */
} Item;

struct _FuReminderSheet
{
  GObject        parent_instance;

  GPtrArray     *rows;      /* the caller's array, referenced */
  GPtrArray     *sorted;    /* the same rows in print order, not owned */
  char          *office;
  FuDay          as_of;

  FuPageLayout  *layout;

  /* Column geometry, in points, for the context and width it was measured with. */
  PangoContext  *measured_context;
  double         measured_width;
  double         columns_height;
  double         column_x[N_COLUMNS];
  double         column_width[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (FuReminderSheet, fu_reminder_sheet, G_TYPE_OBJECT)

/* ---- Helpers --------------------------------------------------------------------------- */

static int
compare_text (const char *a,
              const char *b)
{
  return g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");
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

/* One line of text in @font; @width > 0 ellipsizes it to that width and aligns it in it. */
static PangoLayout *
make_layout (PangoContext   *context,
             const char     *font,
             const char     *text,
             double          width,
             PangoAlignment  alignment,
             gboolean        markup)
{
  PangoLayout *layout = pango_layout_new (context);
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
text_width (PangoContext *context,
            const char   *font,
            const char   *text)
{
  g_autoptr(PangoLayout) layout = make_layout (context, font, text, -1, PANGO_ALIGN_LEFT, FALSE);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static void
show_text (cairo_t        *cr,
           PangoContext   *context,
           const char     *font,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  alignment,
           double          grey)
{
  g_autoptr(PangoLayout) layout = make_layout (context, font, text, width, alignment, FALSE);

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A printed page is for people: days as the user's locale writes them ("20 Dec 2017",
 * "20 déc. 2017"), not ISO as files keep them. */
static char *
format_day (FuDay day)
{
  char *text = fu_day_format_display (day);

  return text != NULL ? text : g_strdup ("–");
}

static char *
workshop_dates (const FuFollowupRow *row)
{
  g_autofree char *start = format_day (row->workshop_start);
  g_autofree char *end = NULL;

  if (row->workshop_end == FU_DAY_NONE || row->workshop_end == row->workshop_start)
    return g_steal_pointer (&start);
  end = format_day (row->workshop_end);
  /* TRANSLATORS: a workshop's first and last day */
  return g_strdup_printf (_("%s to %s"), start, end);
}

/* The widest day the table can show: every month's name, with two-digit days. */
static double
widest_day (PangoContext *context)
{
  double widest = text_width (context, FONT_BODY, "–");

  for (guint month = 1; month <= 12; month++)
    {
      g_autofree char *text = fu_day_format_display (fu_day_new (2000, month, 28));

      if (text != NULL)
        widest = MAX (widest, text_width (context, FONT_BODY, text));
    }
  return widest;
}

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return _("Name and e-mail");
    case COLUMN_ADMINISTRATION:
      return _("Administration");
    case COLUMN_NOTES:
      return _("Notes");
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
  return column == COLUMN_REMINDERS || column == COLUMN_OVERDUE ? PANGO_ALIGN_RIGHT
                                                                : PANGO_ALIGN_LEFT;
}

/* A cell's text wrapped to its column: words first, an e-mail anywhere it must. */
static PangoLayout *
cell_layout (PangoContext *context,
             const char   *text,
             double        width,
             gboolean      email)
{
  PangoLayout *layout = make_layout (context, FONT_BODY, text, -1, PANGO_ALIGN_LEFT, FALSE);

  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, email ? PANGO_WRAP_CHAR : PANGO_WRAP_WORD_CHAR);
  /* A hyphen where an address breaks would be read as part of it. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static const char *
cell_text (const FuFollowupRow *row,
           Column               column)
{
  if (column == COLUMN_ADMINISTRATION)
    return row->administration != NULL ? row->administration : "";
  return row->participant_name != NULL ? row->participant_name : "";
}

static const char *
email_text (const FuFollowupRow *row)
{
  return row->email != NULL && *row->email != '\0' ? row->email : "–";
}

static PangoLayout *
column_title_layout (FuReminderSheet *self,
                     PangoContext    *context,
                     Column           column)
{
  PangoLayout *layout = make_layout (context, FONT_SMALL_BOLD, column_title (column), -1,
                                     PANGO_ALIGN_LEFT, FALSE);

  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  /* A hair wider than the widest word, so that rounding never breaks inside it. */
  pango_layout_set_width (layout, (int) ((self->column_width[column] + 0.5) * PANGO_SCALE));
  pango_layout_set_alignment (layout, column_alignment (column));
  return layout;
}

/* The widest word of @column's cells. */
static double
widest_word (FuReminderSheet *self,
             PangoContext    *context,
             Column           column)
{
  double widest = 0;

  for (guint i = 0; i < self->sorted->len; i++)
    widest = MAX (widest, fu_page_widest_word (context, FONT_BODY,
                                               cell_text (sorted_row (self, i), column)));
  return widest;
}

/* The widest cell of @column, unwrapped. */
static double
widest_cell (FuReminderSheet *self,
             PangoContext    *context,
             Column           column)
{
  double widest = 0;

  for (guint i = 0; i < self->sorted->len; i++)
    {
      const FuFollowupRow *row = sorted_row (self, i);

      widest = MAX (widest, text_width (context, FONT_BODY, cell_text (row, column)));
      if (column == COLUMN_NAME)
        widest = MAX (widest, text_width (context, FONT_EMAIL, email_text (row)));
    }
  return widest;
}

/* The fixed columns take what their content or the widest word of their title needs, Notes
 * a share of the page; name, administration and e-mail share the rest in proportion to
 * their widest cells (each at least a fifth of it), and wrap where that is not enough.
 * Measured once per context and width: every block of the list asks. */
static void
measure_columns (FuReminderSheet *self,
                 PangoContext    *context,
                 double           width)
{
  double date_width, count_width;
  double fixed = 0;
  double flexible, need[2], least[2], total_need = 0, total_least = 0;
  double x;

  if (self->measured_context == context && self->measured_width == width)
    return;
  g_set_object (&self->measured_context, context);
  self->measured_width = width;

  date_width = widest_day (context);
  count_width = text_width (context, FONT_BODY, "0000");
  for (Column c = COLUMN_DEADLINE; c < N_COLUMNS; c++)
    {
      double content = c == COLUMN_DEADLINE ? date_width
                       : c == COLUMN_NOTES ? width * NOTES_SHARE : count_width;

      self->column_width[c] = MAX (content, fu_page_widest_word (context, FONT_SMALL_BOLD,
                                                                 column_title (c)));
      fixed += self->column_width[c] + COLUMN_GAP;
    }
  flexible = MAX (width - NAME_INDENT - fixed - COLUMN_GAP, 60.0);
  for (Column c = COLUMN_NAME; c <= COLUMN_ADMINISTRATION; c++)
    {
      /* At least the title's widest word and the cells' widest word. */
      least[c] = MAX (fu_page_widest_word (context, FONT_SMALL_BOLD, column_title (c)),
                      widest_word (self, context, c));
      least[c] = MAX (least[c], flexible * 0.2);
      need[c] = MAX (widest_cell (self, context, c), least[c]);
      total_least += least[c];
      total_need += need[c];
    }
  if (total_need <= flexible)
    {
      /* Room to spare: the administrations' column keeps its need, the names the rest. */
      self->column_width[COLUMN_ADMINISTRATION] = need[COLUMN_ADMINISTRATION];
      self->column_width[COLUMN_NAME] = flexible - need[COLUMN_ADMINISTRATION];
    }
  else if (total_least >= flexible)
    for (Column c = COLUMN_NAME; c <= COLUMN_ADMINISTRATION; c++)
      self->column_width[c] = flexible * least[c] / total_least;
  else
    {
      /* The names and e-mails first (an address broken over lines is the hardest to copy
       * from paper), then the administrations, which wrap between words. */
      double more = MIN (flexible - total_least, need[COLUMN_NAME] - least[COLUMN_NAME]);

      self->column_width[COLUMN_NAME] = least[COLUMN_NAME] + more;
      self->column_width[COLUMN_ADMINISTRATION] = flexible - self->column_width[COLUMN_NAME];
    }

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
      g_autoptr(PangoLayout) layout = column_title_layout (self, context, c);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      self->columns_height = MAX (self->columns_height, (double) h / PANGO_SCALE);
    }
  self->columns_height += 2 + 2;
}

/* The workshop's code and title, wrapped beside its dates (never cut short); "(continued)"
 * after them on a page that goes on with the workshop. */
static PangoLayout *
workshop_layout (PangoContext        *context,
                 const FuFollowupRow *row,
                 double               width,
                 gboolean             repeated)
{
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  PangoLayout *layout;

  if (repeated)
    /* TRANSLATORS: a workshop's title, on a page that continues its list */
    title = g_strdup_printf (_("%s (continued)"),
                             row->workshop_title != NULL ? row->workshop_title : "");
  else
    title = g_strdup (row->workshop_title != NULL ? row->workshop_title : "");
  markup = g_markup_printf_escaped ("%s  <span weight='normal'>%s</span>",
                                    row->workshop_code != NULL ? row->workshop_code : "",
                                    title);
  layout = make_layout (context, FONT_HEADING, markup, -1, PANGO_ALIGN_LEFT, TRUE);
  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_width (layout, (int) (MAX (width, 40.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
workshop_dates_width (PangoContext        *context,
                      const FuFollowupRow *row,
                      double               width)
{
  g_autofree char *dates = workshop_dates (row);

  return MIN (text_width (context, FONT_BODY, dates), width * 0.4);
}

static double
workshop_height (PangoContext        *context,
                 const FuFollowupRow *row,
                 double               width)
{
  double dates_width = workshop_dates_width (context, row, width);
  g_autoptr(PangoLayout) layout = workshop_layout (context, row, width - dates_width - 16,
                                                   TRUE);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE + 2 * WORKSHOP_PADDING;
}

/* How tall a row's cell is: the name with its e-mail under it, or the administration. */
static double
cell_height (FuReminderSheet     *self,
             PangoContext        *context,
             const FuFollowupRow *row,
             Column               column)
{
  g_autoptr(PangoLayout) layout = cell_layout (context, cell_text (row, column),
                                               self->column_width[column], FALSE);
  int w, h;
  double height;

  pango_layout_get_size (layout, &w, &h);
  height = (double) h / PANGO_SCALE;
  if (column == COLUMN_NAME)
    {
      g_autoptr(PangoLayout) email = cell_layout (context, email_text (row),
                                                  self->column_width[column], TRUE);

      pango_layout_get_size (email, &w, &h);
      height += (double) h / PANGO_SCALE;
    }
  return height;
}

/* ---- Blocks ---------------------------------------------------------------------------- */

static double
item_measure (gpointer      data,
              PangoContext *context,
              double        width,
              double        page_height)
{
  Item *item = data;
  FuReminderSheet *self = item->sheet;

  measure_columns (self, context, width);
  switch (item->kind)
    {
    case ITEM_COLUMNS:
      return self->columns_height;
    case ITEM_WORKSHOP:
      return workshop_height (context, sorted_row (self, item->row), width);
    case ITEM_ROW:
    default:
      {
        const FuFollowupRow *row = sorted_row (self, item->row);
        double height = fu_page_line_height (context, FONT_BODY);

        height = MAX (height, cell_height (self, context, row, COLUMN_NAME));
        height = MAX (height, cell_height (self, context, row, COLUMN_ADMINISTRATION));
        return height + 2 * ROW_PADDING;
      }
    }
}

static void
draw_column_titles (FuReminderSheet       *self,
                    cairo_t               *cr,
                    const FuPageBlockInfo *info)
{
  double bottom = info->height - 2;

  /* Titles that wrap grow upwards, so that every title ends on the rule. */
  cairo_set_source_rgb (cr, INK_SECONDARY, INK_SECONDARY, INK_SECONDARY);
  for (Column c = COLUMN_NAME; c < N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = column_title_layout (self, info->context, c);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      cairo_move_to (cr, self->column_x[c], bottom - 2 - (double) h / PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);
    }
  fu_page_draw_rule (cr, 0, bottom, info->width, 0.5, INK_RULE);
}

static void
draw_workshop (FuReminderSheet       *self,
               cairo_t               *cr,
               const Item            *item,
               const FuPageBlockInfo *info)
{
  const FuFollowupRow *row = sorted_row (self, item->row);
  g_autofree char *dates = workshop_dates (row);
  double dates_width = workshop_dates_width (info->context, row, info->width);
  g_autoptr(PangoLayout) layout = workshop_layout (info->context, row,
                                                   info->width - dates_width - 16,
                                                   info->repeated);

  cairo_set_source_rgb (cr, INK_BAND, INK_BAND, INK_BAND);
  cairo_rectangle (cr, 0, 0, info->width, info->height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, INK_TEXT, INK_TEXT, INK_TEXT);
  cairo_move_to (cr, 4, WORKSHOP_PADDING);
  pango_cairo_show_layout (cr, layout);
  show_text (cr, info->context, FONT_BODY, dates, info->width - dates_width - 4,
             WORKSHOP_PADDING + fu_page_line_height (info->context, FONT_HEADING)
             - fu_page_line_height (info->context, FONT_BODY),
             dates_width, PANGO_ALIGN_RIGHT, INK_SECONDARY);
}

static void
draw_row (FuReminderSheet       *self,
          cairo_t               *cr,
          const Item            *item,
          const FuPageBlockInfo *info)
{
  const FuFollowupRow *row = sorted_row (self, item->row);
  g_autofree char *deadline = format_day (row->dates.deadline);
  char reminders[16], overdue[16];

  g_snprintf (reminders, sizeof reminders, "%u", row->n_reminders);
  /* A reminder that is due is not late yet: a dash, not a zero that reads like a count. */
  if (row->days_overdue > 0)
    g_snprintf (overdue, sizeof overdue, "%u", row->days_overdue);
  else
    g_strlcpy (overdue, "–", sizeof overdue);

  if (item->stripe)
    {
      cairo_set_source_rgb (cr, INK_STRIPE, INK_STRIPE, INK_STRIPE);
      cairo_rectangle (cr, 0, 0, info->width, info->height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, INK_TEXT, INK_TEXT, INK_TEXT);
  {
    g_autoptr(PangoLayout) name = cell_layout (info->context, cell_text (row, COLUMN_NAME),
                                               self->column_width[COLUMN_NAME], FALSE);
    g_autoptr(PangoLayout) email = cell_layout (info->context, email_text (row),
                                                self->column_width[COLUMN_NAME], TRUE);
    g_autoptr(PangoLayout) admin = cell_layout (info->context,
                                                cell_text (row, COLUMN_ADMINISTRATION),
                                                self->column_width[COLUMN_ADMINISTRATION],
                                                FALSE);
    int w, h;

    cairo_move_to (cr, self->column_x[COLUMN_NAME], ROW_PADDING);
    pango_cairo_show_layout (cr, name);
    pango_layout_get_size (name, &w, &h);
    cairo_set_source_rgb (cr, INK_SECONDARY, INK_SECONDARY, INK_SECONDARY);
    cairo_move_to (cr, self->column_x[COLUMN_NAME], ROW_PADDING + (double) h / PANGO_SCALE);
    pango_cairo_show_layout (cr, email);
    cairo_set_source_rgb (cr, INK_TEXT, INK_TEXT, INK_TEXT);
    cairo_move_to (cr, self->column_x[COLUMN_ADMINISTRATION], ROW_PADDING);
    pango_cairo_show_layout (cr, admin);
  }
  show_text (cr, info->context, FONT_BODY, deadline, self->column_x[COLUMN_DEADLINE],
             ROW_PADDING, self->column_width[COLUMN_DEADLINE], PANGO_ALIGN_LEFT, INK_TEXT);
  show_text (cr, info->context, FONT_BODY, reminders, self->column_x[COLUMN_REMINDERS],
             ROW_PADDING, self->column_width[COLUMN_REMINDERS], PANGO_ALIGN_RIGHT, INK_TEXT);
  show_text (cr, info->context, FONT_BODY, overdue, self->column_x[COLUMN_OVERDUE],
             ROW_PADDING, self->column_width[COLUMN_OVERDUE], PANGO_ALIGN_RIGHT, INK_TEXT);
  /* The Notes column: a line to write on. */
  fu_page_draw_rule (cr, self->column_x[COLUMN_NOTES], info->height - 1.5,
                     self->column_width[COLUMN_NOTES], 0.3, INK_RULE);
}

static void
item_draw (gpointer               data,
           cairo_t               *cr,
           const FuPageBlockInfo *info)
{
  Item *item = data;
  FuReminderSheet *self = item->sheet;

  measure_columns (self, info->context, info->width);
  switch (item->kind)
    {
    case ITEM_COLUMNS:
      draw_column_titles (self, cr, info);
      break;
    case ITEM_WORKSHOP:
      draw_workshop (self, cr, item, info);
      break;
    case ITEM_ROW:
    default:
      draw_row (self, cr, item, info);
      break;
    }
}

static guint
add_item (FuReminderSheet  *self,
          ItemKind          kind,
          guint             row,
          gboolean          stripe,
          FuPageBlockFlags  flags)
{
  Item *item = g_new0 (Item, 1);
  guint index;

  item->sheet = self;
  item->kind = kind;
  item->row = row;
  item->stripe = stripe;
  index = fu_page_layout_add_block (self->layout, item_measure, item_draw, item, g_free, flags);
  /* In a tagged PDF: a workshop's heading, then a paragraph per person. */
  fu_page_layout_set_tag (self->layout, index, kind == ITEM_WORKSHOP ? "H2" : "P", NULL);
  return index;
}

/* The column titles first; then each workshop's heading and its rows, by administration and
 * name. A heading keeps with what follows it; a page that starts inside a workshop repeats
 * its heading, "(continued)", under the column titles. */
static void
build_layout (FuReminderSheet *self)
{
  g_autofree char *as_of_text = NULL;
  g_autofree char *count = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *as_of = NULL;
  guint columns;
  guint n = self->sorted->len;

  g_clear_pointer (&self->layout, fu_page_layout_free);
  self->layout = fu_page_layout_new ();
  g_clear_object (&self->measured_context);

  as_of = format_day (self->as_of);
  /* TRANSLATORS: the day the reminder list is for */
  as_of_text = g_strdup_printf (_("As of %s"), as_of);
  count = g_strdup_printf (ngettext ("%u follow-up to chase", "%u follow-ups to chase", n), n);
  /* TRANSLATORS: the footer of every page of the printed reminder list */
  footer = g_strdup_printf (_("Reminder list as of %s"), as_of);
  fu_page_layout_set_header (self->layout, self->office, _("Reminder list"), as_of_text, count);
  fu_page_layout_set_title_font (self->layout, FONT_TITLE);
  fu_page_layout_set_footer_text (self->layout, footer);

  if (n == 0)
    {
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      text = g_strdup_printf (_("No reminder is due and no reply is overdue as of %s."), as_of);
      markup = g_markup_escape_text (text, -1);
      fu_page_layout_add_paragraph (self->layout, FONT_EMPTY, _("Nothing to chase"), 0,
                                    FU_PAGE_BLOCK_KEEP_WITH_NEXT);
      fu_page_layout_add_space (self->layout, 4);
      fu_page_layout_add_paragraph_full (self->layout, FONT_BODY, markup, 0, INK_SECONDARY,
                                         FU_PAGE_BLOCK_DEFAULT);
      return;
    }

  columns = add_item (self, ITEM_COLUMNS, 0, FALSE, FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  for (guint w = 0; w < n; )
    {
      guint w_end = w + 1;
      guint workshop;

      while (w_end < n && same_workshop (sorted_row (self, w), sorted_row (self, w_end)))
        w_end++;

      fu_page_layout_add_space (self->layout, WORKSHOP_GAP);
      workshop = add_item (self, ITEM_WORKSHOP, w, FALSE, FU_PAGE_BLOCK_KEEP_WITH_NEXT);
      fu_page_layout_set_repeat (self->layout, workshop, columns);

      for (guint r = w; r < w_end; r++)
        {
          guint row = add_item (self, ITEM_ROW, r, (r - w) % 2 == 1, FU_PAGE_BLOCK_DEFAULT);

          fu_page_layout_set_repeat (self->layout, row, workshop);
        }
      w = w_end;
    }
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
fu_reminder_sheet_finalize (GObject *object)
{
  FuReminderSheet *self = (FuReminderSheet *) object;

  g_clear_pointer (&self->layout, fu_page_layout_free);
  g_clear_object (&self->measured_context);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->office, g_free);

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

  build_layout (self);
  return fu_page_layout_paginate (self->layout, context, width, height);
}

guint
fu_reminder_sheet_get_n_pages (FuReminderSheet *self)
{
  g_return_val_if_fail (FU_IS_REMINDER_SHEET (self), 0);

  return self->layout != NULL ? fu_page_layout_get_n_pages (self->layout) : 0;
}

void
fu_reminder_sheet_draw_page (FuReminderSheet *self,
                             cairo_t         *cr,
                             guint            page)
{
  g_return_if_fail (FU_IS_REMINDER_SHEET (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->layout != NULL);
  g_return_if_fail (page < fu_page_layout_get_n_pages (self->layout));

  fu_page_layout_draw_page (self->layout, cr, page);
}

gboolean
fu_reminder_sheet_write_pdf (FuReminderSheet *self,
                             const char      *path,
                             GError         **error)
{
  g_autofree char *title = NULL;
  g_autofree char *as_of = NULL;

  g_return_val_if_fail (FU_IS_REMINDER_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  as_of = format_day (self->as_of);
  title = g_strdup_printf (_("Reminder list as of %s"), as_of);
  build_layout (self);
  if (!fu_page_layout_write_pdf (self->layout, path, title, error))
    {
      g_prefix_error (error, _("Could not save the reminder list: "));
      return FALSE;
    }
  return TRUE;
}
