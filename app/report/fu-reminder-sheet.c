/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-reminder-sheet.c: lays the reminder list out on pages and draws them. The list is a
 * document of the shared page layout (fu-page-layout.h): the column titles, each workshop's
 * and administration's heading and each participant's row are blocks; the layout keeps a
 * heading with its first row, brings the column titles and the headings back "(continued)"
 * at the top of a page, and draws the header and "Page N of M". Pagination happens once,
 * with the Pango context of the surface that will be drawn on. */
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
#define NAME_INDENT        6.0   /* rows sit under their administration's heading */
#define ROW_PADDING        2.0   /* above and below a row's text */
#define WORKSHOP_GAP      10.0   /* above a workshop heading that does not start the page */
#define WORKSHOP_PADDING   3.0   /* around a workshop heading's text, inside its band */
#define ADMIN_PADDING      4.0   /* above an administration's heading */

/* The fixed print palette: black text, greys for what is secondary. */
#define INK_TEXT       FU_PAGE_INK_TEXT
#define INK_SECONDARY  FU_PAGE_INK_SECONDARY
#define INK_RULE       FU_PAGE_INK_RULE
#define INK_BAND       FU_PAGE_INK_BAND
#define INK_STRIPE     FU_PAGE_INK_STRIPE

#define FONT_BODY       "Sans 9"
#define FONT_BODY_BOLD  "Sans Bold 9"
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
  ITEM_COLUMNS,
  ITEM_WORKSHOP,
  ITEM_ADMINISTRATION,
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

static gboolean
same_administration (const FuFollowupRow *a,
                     const FuFollowupRow *b)
{
  return same_workshop (a, b) && a->administration_id == b->administration_id
         && g_strcmp0 (a->administration, b->administration) == 0;
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

static void
show_markup (cairo_t      *cr,
             PangoContext *context,
             const char   *font,
             const char   *markup,
             double        x,
             double        y,
             double        width,
             double        grey)
{
  g_autoptr(PangoLayout) layout = make_layout (context, font, markup, width, PANGO_ALIGN_LEFT,
                                               TRUE);

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
               PangoContext    *context,
               gboolean         email)
{
  GArray *widths = g_array_sized_new (FALSE, FALSE, sizeof (double), self->sorted->len);

  for (guint i = 0; i < self->sorted->len; i++)
    {
      const FuFollowupRow *row = sorted_row (self, i);
      const char *text = email ? row->email : row->participant_name;
      double width = text != NULL && *text != '\0' ? text_width (context, FONT_BODY, text) : 0;

      g_array_append_val (widths, width);
    }
  g_array_sort (widths, compare_doubles);
  return widths;
}

/* The fixed columns take what their content or the widest word of their title needs. Name
 * and e-mail share the rest where the fewest cells get cut short, which on a narrow page
 * is better than an even split that cuts most e-mails; each keeps at least 30%. Measured
 * once per context and width: every block of the list asks. */
static void
measure_columns (FuReminderSheet *self,
                 PangoContext    *context,
                 double           width)
{
  g_autoptr(GArray) names = NULL;
  g_autoptr(GArray) emails = NULL;
  double date_width, count_width;
  double fixed = 0;
  double flexible, need_name, need_email, target, best;
  guint best_cut = G_MAXUINT;
  double x;

  if (self->measured_context == context && self->measured_width == width)
    return;
  g_set_object (&self->measured_context, context);
  self->measured_width = width;

  names = measure_cells (self, context, FALSE);
  emails = measure_cells (self, context, TRUE);
  date_width = widest_day (context);
  count_width = text_width (context, FONT_BODY, "0000");

  for (Column c = COLUMN_SENT; c < N_COLUMNS; c++)
    {
      double content = c <= COLUMN_DEADLINE ? date_width : count_width;

      self->column_width[c] = MAX (content, fu_page_widest_word (context, FONT_SMALL_BOLD,
                                                                 column_title (c)));
      fixed += self->column_width[c] + COLUMN_GAP;
    }
  flexible = MAX (width - NAME_INDENT - fixed - COLUMN_GAP, 40.0);

  need_name = names->len > 0 ? g_array_index (names, double, names->len - 1) : 0;
  need_email = emails->len > 0 ? g_array_index (emails, double, emails->len - 1) : 0;
  need_name = MAX (need_name, fu_page_widest_word (context, FONT_SMALL_BOLD,
                                                   column_title (COLUMN_NAME)));
  need_email = MAX (need_email, fu_page_widest_word (context, FONT_SMALL_BOLD,
                                                     column_title (COLUMN_EMAIL)));
  if (need_name + need_email <= flexible)
    target = need_name + (flexible - need_name - need_email) / 2;
  else
    target = flexible * need_name / (need_name + need_email);
  target = CLAMP (target, flexible * 0.3, flexible * 0.7);

  best = target;
  for (double share = flexible * 0.3; share <= flexible * 0.7; share += 1.0)
    {
      guint cut = count_wider (names, share) + count_wider (emails, flexible - share);

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
      g_autoptr(PangoLayout) layout = column_title_layout (self, context, c);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      self->columns_height = MAX (self->columns_height, (double) h / PANGO_SCALE);
    }
  self->columns_height += 2 + 2;
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
      return fu_page_line_height (context, FONT_HEADING) + 2 * WORKSHOP_PADDING;
    case ITEM_ADMINISTRATION:
      return ADMIN_PADDING + fu_page_line_height (context, FONT_BODY_BOLD) + 1;
    case ITEM_ROW:
    default:
      return fu_page_line_height (context, FONT_BODY) + 2 * ROW_PADDING;
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
  g_autofree char *right = NULL;
  g_autofree char *markup = NULL;
  double right_width;

  if (info->repeated)
    /* TRANSLATORS: a workshop's dates, on a page that continues its list */
    right = g_strdup_printf (_("%s (continued)"), dates);
  else
    right = g_steal_pointer (&dates);
  right_width = MIN (text_width (info->context, FONT_BODY, right), info->width * 0.45);

  cairo_set_source_rgb (cr, INK_BAND, INK_BAND, INK_BAND);
  cairo_rectangle (cr, 0, 0, info->width, info->height);
  cairo_fill (cr);

  markup = g_markup_printf_escaped ("%s  <span weight='normal'>%s</span>",
                                    row->workshop_code != NULL ? row->workshop_code : "",
                                    row->workshop_title != NULL ? row->workshop_title : "");
  show_markup (cr, info->context, FONT_HEADING, markup, 4, WORKSHOP_PADDING,
               info->width - right_width - 20, INK_TEXT);
  show_text (cr, info->context, FONT_BODY, right, info->width - right_width - 4,
             WORKSHOP_PADDING + fu_page_line_height (info->context, FONT_HEADING)
             - fu_page_line_height (info->context, FONT_BODY),
             right_width, PANGO_ALIGN_RIGHT, INK_SECONDARY);
}

static void
draw_administration (FuReminderSheet       *self,
                     cairo_t               *cr,
                     const Item            *item,
                     const FuPageBlockInfo *info)
{
  const FuFollowupRow *row = sorted_row (self, item->row);
  g_autofree char *text = NULL;

  if (info->repeated)
    /* TRANSLATORS: an administration's name, on a page that continues its list */
    text = g_strdup_printf (_("%s (continued)"), row->administration);
  else
    text = g_strdup (row->administration);
  show_text (cr, info->context, FONT_BODY_BOLD, text, 0, ADMIN_PADDING, info->width,
             PANGO_ALIGN_LEFT, INK_TEXT);
}

static void
draw_row (FuReminderSheet       *self,
          cairo_t               *cr,
          const Item            *item,
          const FuPageBlockInfo *info)
{
  const FuFollowupRow *row = sorted_row (self, item->row);
  g_autofree char *sent = format_day (row->dates.sent);
  g_autofree char *deadline = format_day (row->dates.deadline);
  char reminders[16], overdue[16];
  const char *cells[N_COLUMNS];

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
      cairo_rectangle (cr, 0, 0, info->width, info->height);
      cairo_fill (cr);
    }
  for (Column c = COLUMN_NAME; c < N_COLUMNS; c++)
    show_text (cr, info->context, FONT_BODY, cells[c], self->column_x[c], ROW_PADDING,
               self->column_width[c], column_alignment (c), INK_TEXT);
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
    case ITEM_ADMINISTRATION:
      draw_administration (self, cr, item, info);
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

  item->sheet = self;
  item->kind = kind;
  item->row = row;
  item->stripe = stripe;
  return fu_page_layout_add_block (self->layout, item_measure, item_draw, item, g_free, flags);
}

/* The column titles first; then each workshop's heading, each administration's heading
 * and its rows. A heading keeps with what follows it; a page that starts inside a group
 * repeats its headings, "(continued)", under the column titles. */
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

      for (guint a = w; a < w_end; )
        {
          guint a_end = a + 1;
          guint admin;

          while (a_end < w_end && same_administration (sorted_row (self, a),
                                                       sorted_row (self, a_end)))
            a_end++;

          admin = add_item (self, ITEM_ADMINISTRATION, a, FALSE, FU_PAGE_BLOCK_KEEP_WITH_NEXT);
          fu_page_layout_set_repeat (self->layout, admin, workshop);
          for (guint r = a; r < a_end; r++)
            {
              guint row = add_item (self, ITEM_ROW, r, (r - a) % 2 == 1,
                                    FU_PAGE_BLOCK_DEFAULT);

              fu_page_layout_set_repeat (self->layout, row, admin);
            }
          a = a_end;
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
