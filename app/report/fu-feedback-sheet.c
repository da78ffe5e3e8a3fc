/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-feedback-sheet.c: one workshop's aggregated replies on a page and in CSV. Everything
 * on it is a count over all replies of the workshop; the store's per-reply data never
 * reaches this file. */
#define G_LOG_DOMAIN "fu-feedback-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-context.h"
#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-page-layout.h"
#include "fu-feedback-sheet.h"

#define FONT_WORKSHOP  "Sans Bold 14"
#define FONT_DATES     "Sans 10"
#define FONT_BODY      "Sans 9.5"
#define FONT_CAPTION   "Sans Bold 10"
#define FONT_NOTE      "Sans 8"

struct _FuFeedbackSheet
{
  GObject        parent_instance;

  FuWorkshop    *workshop;
  FuSummaryRow  *counts;
  FuRules        rules;
  char          *office;
  char          *title;
  FuDay          date;

  FuPageLayout  *layout;
};

G_DEFINE_FINAL_TYPE (FuFeedbackSheet, fu_feedback_sheet, G_TYPE_OBJECT)

/* ---- Helpers --------------------------------------------------------------------------- */

static char *
count_with_percent (guint n,
                    guint of)
{
  if (of == 0)
    return g_strdup_printf ("%u", n);
  /* TRANSLATORS: a count and its share of the replies, e.g. "9 (75%)" */
  return g_strdup_printf (_("%u (%u%%)"), n, fu_percent (n, of));
}

static char *
long_date (FuDay       day,
           const char *format)
{
  g_autoptr(GDateTime) time = NULL;
  guint year, month, mday;

  if (day == FU_DAY_NONE)
    return g_strdup ("");
  fu_day_get_ymd (day, &year, &month, &mday);
  time = g_date_time_new_utc ((int) year, (int) month, (int) mday, 0, 0, 0);
  if (time == NULL)
    return fu_day_to_iso (day);
  return g_date_time_format (time, format);
}

/* "5–9 September 2016", "28 March – 3 April 2017", or one day. */
static char *
workshop_dates (const FuWorkshop *workshop)
{
  FuDay start = workshop->start_date;
  FuDay end = workshop->end_date != FU_DAY_NONE ? workshop->end_date : start;
  g_autofree char *first = NULL;
  g_autofree char *last = long_date (end, "%-d %B %Y");

  if (end == start)
    return g_steal_pointer (&last);
  if (fu_day_get_year (start) == fu_day_get_year (end)
      && fu_day_get_month (start) == fu_day_get_month (end))
    first = long_date (start, "%-d");
  else if (fu_day_get_year (start) == fu_day_get_year (end))
    first = long_date (start, "%-d %B");
  else
    first = long_date (start, "%-d %B %Y");
  /* TRANSLATORS: a workshop's first and last day, e.g. "5–9 September 2016" */
  return g_strdup_printf (strchr (first, ' ') == NULL ? _("%s–%s") : _("%s – %s"), first, last);
}

typedef enum {
  QUESTION_DIRECT_EFFECTS,
  QUESTION_CONTRIBUTED,
  QUESTION_PROJECT,
  N_QUESTIONS
} Question;

static void
question_counts (const FuSummaryRow *row,
                 Question            question,
                 guint              *yes,
                 guint              *no,
                 guint              *unanswered)
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
    case N_QUESTIONS:
    default:
      *yes = row->project_yes;
      *no = row->project_no;
      break;
    }
  *unanswered = row->replies - MIN (row->replies, *yes + *no);
}

static const char *
question_name (Question question)
{
  switch (question)
    {
    case QUESTION_DIRECT_EFFECTS:
      return "direct_effects";
    case QUESTION_CONTRIBUTED:
      return "contributed";
    case QUESTION_PROJECT:
    case N_QUESTIONS:
    default:
      return "project";
    }
}

static const char *
question_label (Question question)
{
  switch (question)
    {
    case QUESTION_DIRECT_EFFECTS:
      return _("Q3. Direct effects observed from applying what was learned");
    case QUESTION_CONTRIBUTED:
      return _("Q4. The workshop contributed, or will contribute, to the administration's "
               "efficiency and effectiveness");
    case QUESTION_PROJECT:
    case N_QUESTIONS:
    default:
      return _("Q5. A modernization project was initiated as a result");
    }
}

static char *
withheld_text (void)
{
  return g_strdup_printf (ngettext ("This workshop has fewer than %u reply, so the answers are "
                                    "not broken down: with so few replies, each count would "
                                    "show one person's own answers. They are counted in the "
                                    "year's totals.",
                                    "This workshop has fewer than %u replies, so the answers "
                                    "are not broken down: with so few replies, each count "
                                    "would show one person's own answers. They are counted in "
                                    "the year's totals.",
                                    FU_FEEDBACK_SHEET_MIN_REPLIES),
                          FU_FEEDBACK_SHEET_MIN_REPLIES);
}

/* ---- Pages ----------------------------------------------------------------------------- */

static void
add_row (FuPageTable    *table,
         FuPageRowStyle  style,
         const char     *first,
         ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (cells, (gpointer) cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);
  fu_page_table_add_row (table, style, (const char * const *) cells->pdata);
}

static void
add_caption (FuPageLayout *layout,
             const char   *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  fu_page_layout_add_space (layout, 14);
  fu_page_layout_add_paragraph (layout, FONT_CAPTION, markup, 0, FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  fu_page_layout_add_space (layout, 4);
}

static void
add_text (FuPageLayout *layout,
          const char   *font,
          const char   *text,
          double        grey,
          double        space)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  fu_page_layout_add_space (layout, space);
  fu_page_layout_add_paragraph_full (layout, font, markup, 0, grey, FU_PAGE_BLOCK_DEFAULT);
}

static void
add_replies_table (FuFeedbackSheet *self)
{
  const FuSummaryRow *c = self->counts;
  FuPageTable *table = fu_page_table_new (2);
  g_autofree char *participants = g_strdup_printf ("%u", c->participants);
  g_autofree char *administrations = g_strdup_printf ("%u", c->administrations);
  g_autofree char *replies = g_strdup_printf ("%u", c->replies);
  g_autofree char *rate = c->participants > 0
                          /* TRANSLATORS: a percentage, "57%" */
                          ? g_strdup_printf (_("%u%%"), fu_percent (c->replies, c->participants))
                          : g_strdup ("–");

  fu_page_table_set_column (table, 0, "", 1, PANGO_ALIGN_LEFT);
  fu_page_table_set_column (table, 1, _("Count"), 0, PANGO_ALIGN_RIGHT);
  add_row (table, FU_PAGE_ROW_NORMAL, _("Participants surveyed"), participants, NULL);
  add_row (table, FU_PAGE_ROW_NORMAL, _("Participating administrations"), administrations,
           NULL);
  add_row (table, FU_PAGE_ROW_NORMAL, _("Replies received"), replies, NULL);
  add_row (table, FU_PAGE_ROW_TOTAL, _("Reply rate"), rate, NULL);
  fu_page_layout_add_table (self->layout, table, FU_PAGE_BLOCK_DEFAULT);
}

static void
add_actions_table (FuFeedbackSheet *self)
{
  const FuSummaryRow *c = self->counts;
  FuPageTable *table = fu_page_table_new (2);

  fu_page_table_set_column (table, 0, _("Follow-up action"), 1, PANGO_ALIGN_LEFT);
  fu_page_table_set_column (table, 1, _("Replies"), 0, PANGO_ALIGN_RIGHT);
  for (FuAction a = 0; a < FU_N_ACTIONS; a++)
    {
      g_autofree char *count = count_with_percent (c->actions[a], c->replies);

      add_row (table, FU_PAGE_ROW_NORMAL, fu_action_get_label (a), count, NULL);
    }
  fu_page_layout_add_table (self->layout, table, FU_PAGE_BLOCK_DEFAULT);
}

static void
add_questions_table (FuFeedbackSheet *self)
{
  FuPageTable *table = fu_page_table_new (4);

  fu_page_table_set_column (table, 0, _("Question"), 1, PANGO_ALIGN_LEFT);
  fu_page_table_set_column (table, 1, _("Yes"), 0, PANGO_ALIGN_RIGHT);
  fu_page_table_set_column (table, 2, _("No"), 0, PANGO_ALIGN_RIGHT);
  fu_page_table_set_column (table, 3, _("No answer"), 0, PANGO_ALIGN_RIGHT);
  for (Question q = 0; q < N_QUESTIONS; q++)
    {
      g_autofree char *yes_text = NULL;
      g_autofree char *no_text = NULL;
      g_autofree char *unanswered_text = NULL;
      guint yes, no, unanswered;

      question_counts (self->counts, q, &yes, &no, &unanswered);
      yes_text = count_with_percent (yes, self->counts->replies);
      no_text = count_with_percent (no, self->counts->replies);
      unanswered_text = g_strdup_printf ("%u", unanswered);
      add_row (table, FU_PAGE_ROW_NORMAL, question_label (q), yes_text, no_text,
               unanswered_text, NULL);
    }
  fu_page_layout_add_table (self->layout, table, FU_PAGE_BLOCK_DEFAULT);
}

static void
build_layout (FuFeedbackSheet *self)
{
  g_autofree char *date = long_date (self->date, "%-d %B %Y");
  g_autofree char *dates = workshop_dates (self->workshop);
  g_autofree char *title_markup = NULL;
  g_autofree char *months = NULL;
  g_autofree char *intro = NULL;

  g_clear_pointer (&self->layout, fu_page_layout_free);
  self->layout = fu_page_layout_new ();
  fu_page_layout_set_header (self->layout, self->office, _("Workshop feedback"), date,
                             self->workshop->code);
  fu_page_layout_set_footer_text (self->layout, self->title);

  title_markup = g_markup_escape_text (self->workshop->title, -1);
  fu_page_layout_add_paragraph (self->layout, FONT_WORKSHOP, title_markup, 0,
                                FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  add_text (self->layout, FONT_DATES, dates, FU_PAGE_INK_SECONDARY, 3);

  months = g_strdup_printf (ngettext ("%u month", "%u months", self->rules.followup_months),
                            self->rules.followup_months);
  intro = g_strdup_printf (_("About %s after the workshop, every participant was asked what "
                             "they did with what they learned. This sheet adds up the replies "
                             "for everyone who took part, whether they replied or not. It "
                             "counts answers only, and names no one."), months);
  add_text (self->layout, FONT_BODY, intro, FU_PAGE_INK_TEXT, 12);

  add_caption (self->layout, _("Replies to the follow-up survey"));
  add_replies_table (self);

  if (fu_feedback_sheet_shows_answers (self))
    {
      g_autofree char *learned = NULL;

      add_caption (self->layout, _("Q1. Follow-up actions taken after the workshop"));
      add_actions_table (self);
      if (self->counts->colleagues_learned > 0)
        {
          learned = g_strdup_printf (_("Colleagues who learned from the shared training "
                                       "materials (Q1bis): %u in all."),
                                     self->counts->colleagues_learned);
          add_text (self->layout, FONT_BODY, learned, FU_PAGE_INK_TEXT, 6);
        }

      add_caption (self->layout, _("Q3 to Q5. Effects of the workshop"));
      add_questions_table (self);
      add_text (self->layout, FONT_NOTE,
                _("Percentages are of the replies; a reply may name several follow-up actions "
                  "and may leave a question unanswered. The written answers (what was done, "
                  "how the lessons are used) are not printed here, so that no one's words can "
                  "be traced back to them."),
                FU_PAGE_INK_SECONDARY, 10);
    }
  else
    {
      g_autofree char *withheld = withheld_text ();

      add_caption (self->layout, _("Answers"));
      add_text (self->layout, FONT_BODY, withheld, FU_PAGE_INK_TEXT, 0);
    }
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
fu_feedback_sheet_finalize (GObject *object)
{
  FuFeedbackSheet *self = (FuFeedbackSheet *) object;

  g_clear_pointer (&self->layout, fu_page_layout_free);
  g_clear_pointer (&self->workshop, fu_workshop_free);
  g_clear_pointer (&self->counts, fu_summary_row_free);
  g_clear_pointer (&self->office, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (fu_feedback_sheet_parent_class)->finalize (object);
}

static void
fu_feedback_sheet_class_init (FuFeedbackSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fu_feedback_sheet_finalize;
}

static void
fu_feedback_sheet_init (FuFeedbackSheet *self)
{
}

/* ---- Public API ------------------------------------------------------------------------ */

FuFeedbackSheet *
fu_feedback_sheet_new (FuStore  *store,
                       gint64    workshop_id,
                       GError  **error)
{
  g_autoptr(FuFeedbackSheet) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuSummaryRow) total = NULL;
  g_autoptr(GError) clock_error = NULL;

  g_return_val_if_fail (FU_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (FU_TYPE_FEEDBACK_SHEET, NULL);
  self->workshop = fu_store_get_workshop (store, workshop_id, error);
  if (self->workshop == NULL)
    return NULL;
  if (!self->workshop->surveyed)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("Workshop %s is not surveyed, so it has no replies to feed back: mark it "
                     "as surveyed first if it should be"), self->workshop->code);
      return NULL;
    }

  /* The summary of the workshops starting that day holds this one's row. */
  rows = fu_store_summary (store, self->workshop->start_date, self->workshop->start_date,
                           &total, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      FuSummaryRow *row = g_ptr_array_index (rows, i);

      if (row->workshop_id == workshop_id)
        {
          self->counts = g_ptr_array_steal_index (rows, i);
          break;
        }
    }
  if (self->counts == NULL)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("No replies could be counted for workshop %s"), self->workshop->code);
      return NULL;
    }

  fu_store_get_rules (store, &self->rules);
  self->office = fu_store_get_office_name (store);
  /* TRANSLATORS: the feedback sheet's title, with the workshop's title */
  self->title = g_strdup_printf (_("Workshop feedback: %s"), self->workshop->title);
  if (!fu_context_today_from_environment (&self->date, &clock_error))
    {
      g_warning ("%s", clock_error->message);
      self->date = fu_day_today ();
    }
  return g_steal_pointer (&self);
}

const char *
fu_feedback_sheet_get_title (FuFeedbackSheet *self)
{
  g_return_val_if_fail (FU_IS_FEEDBACK_SHEET (self), NULL);

  return self->title;
}

guint
fu_feedback_sheet_get_replies (FuFeedbackSheet *self)
{
  g_return_val_if_fail (FU_IS_FEEDBACK_SHEET (self), 0);

  return self->counts->replies;
}

gboolean
fu_feedback_sheet_shows_answers (FuFeedbackSheet *self)
{
  g_return_val_if_fail (FU_IS_FEEDBACK_SHEET (self), FALSE);

  return self->counts->replies >= FU_FEEDBACK_SHEET_MIN_REPLIES;
}

void
fu_feedback_sheet_set_date (FuFeedbackSheet *self,
                            FuDay            date)
{
  g_return_if_fail (FU_IS_FEEDBACK_SHEET (self));

  self->date = date;
}

guint
fu_feedback_sheet_paginate (FuFeedbackSheet *self,
                            PangoContext    *context,
                            double           width,
                            double           height)
{
  g_return_val_if_fail (FU_IS_FEEDBACK_SHEET (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  build_layout (self);
  return fu_page_layout_paginate (self->layout, context, width, height);
}

guint
fu_feedback_sheet_get_n_pages (FuFeedbackSheet *self)
{
  g_return_val_if_fail (FU_IS_FEEDBACK_SHEET (self), 0);

  return self->layout != NULL ? fu_page_layout_get_n_pages (self->layout) : 0;
}

void
fu_feedback_sheet_draw_page (FuFeedbackSheet *self,
                             cairo_t         *cr,
                             guint            page)
{
  g_return_if_fail (FU_IS_FEEDBACK_SHEET (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->layout != NULL);

  fu_page_layout_draw_page (self->layout, cr, page);
}

gboolean
fu_feedback_sheet_write_pdf (FuFeedbackSheet  *self,
                             const char       *path,
                             GError          **error)
{
  g_return_val_if_fail (FU_IS_FEEDBACK_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  build_layout (self);
  if (!fu_page_layout_write_pdf (self->layout, path, self->title, error))
    {
      g_prefix_error (error, _("Could not save the feedback sheet: "));
      return FALSE;
    }
  return TRUE;
}

static void
add_count (FuCsvWriter *writer,
           const char  *item,
           gboolean     shown,
           guint        count)
{
  fu_csv_writer_add (writer, item);
  if (shown)
    fu_csv_writer_add_uint (writer, count);
  else
    fu_csv_writer_add (writer, "");
  fu_csv_writer_end_row (writer);
}

void
fu_feedback_sheet_write_csv (FuFeedbackSheet *self,
                             GString         *out,
                             gboolean         bom)
{
  g_autoptr(FuCsvWriter) writer = NULL;
  const FuSummaryRow *c;
  gboolean shown;
  g_autofree char *rate = NULL;

  g_return_if_fail (FU_IS_FEEDBACK_SHEET (self));
  g_return_if_fail (out != NULL);

  c = self->counts;
  shown = fu_feedback_sheet_shows_answers (self);
  writer = fu_csv_writer_new (out, bom);
  fu_csv_writer_add_row (writer, "item", "count", NULL);
  fu_csv_writer_add_row (writer, "workshop_code", self->workshop->code, NULL);
  fu_csv_writer_add_row (writer, "workshop", self->workshop->title, NULL);
  add_count (writer, "participants", TRUE, c->participants);
  add_count (writer, "administrations", TRUE, c->administrations);
  add_count (writer, "replies", TRUE, c->replies);
  /* One decimal, as the annual summary's reply_rate. */
  rate = c->participants > 0 ? fu_rate_format (c->replies, c->participants, FALSE)
                             : g_strdup ("");
  fu_csv_writer_add_row (writer, "reply_rate", rate, NULL);
  for (FuAction a = 0; a < FU_N_ACTIONS; a++)
    add_count (writer, fu_action_to_string (a), shown, c->actions[a]);
  add_count (writer, "colleagues_learned", shown, c->colleagues_learned);
  for (Question q = 0; q < N_QUESTIONS; q++)
    {
      g_autofree char *yes_item = g_strconcat (question_name (q), "_yes", NULL);
      g_autofree char *no_item = g_strconcat (question_name (q), "_no", NULL);
      g_autofree char *unanswered_item = g_strconcat (question_name (q), "_unanswered", NULL);
      guint yes, no, unanswered;

      question_counts (c, q, &yes, &no, &unanswered);
      add_count (writer, yes_item, shown, yes);
      add_count (writer, no_item, shown, no);
      add_count (writer, unanswered_item, shown, unanswered);
    }
  if (!shown)
    {
      g_autofree char *withheld = withheld_text ();

      fu_csv_writer_add_row (writer, "note", withheld, NULL);
    }
}
