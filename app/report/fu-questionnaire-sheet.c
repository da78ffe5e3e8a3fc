/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-questionnaire-sheet.c: the questionnaire to attach; see fu-questionnaire-sheet.h. */
#define G_LOG_DOMAIN "fu-questionnaire-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "fu-day.h"
#include "fu-mailto.h"
#include "fu-page-layout.h"
#include "fu-questionnaire.h"
#include "fu-questionnaire-sheet.h"
#include "fu-store.h"

#define FONT_WORKSHOP  "Sans Bold 14"
#define FONT_DATES     "Sans 10"
#define FONT_BODY      "Sans 9.5"
#define FONT_QUESTION  "Sans Bold 10"
#define FONT_NOTE      "Sans 8.5"

#define WRITING_LINE   20.0   /* between the lines to write on, in points */
#define TICK_INDENT    14.0

struct _FuQuestionnaireSheet
{
  GObject        parent_instance;

  FuWorkshop    *workshop;
  FuDay          deadline;
  char          *office;
  char          *title;
  FuPageLayout  *layout;
};

G_DEFINE_FINAL_TYPE (FuQuestionnaireSheet, fu_questionnaire_sheet, G_TYPE_OBJECT)

/* ---- Lines to write on ----------------------------------------------------------------- */

typedef struct {
  char  *label;     /* at the start of the first line ("Name:"), or NULL */
  guint  n_lines;
  double indent;
} Lines;

static void
lines_free (gpointer data)
{
  Lines *lines = data;

  g_free (lines->label);
  g_free (lines);
}

static double
lines_measure (gpointer      data,
               PangoContext *context,
               double        width,
               double        page_height)
{
  return ((Lines *) data)->n_lines * WRITING_LINE;
}

static void
lines_draw (gpointer               data,
            cairo_t               *cr,
            const FuPageBlockInfo *info)
{
  Lines *lines = data;
  double start = lines->indent;

  if (lines->label != NULL)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (info->context);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_BODY);
      int w, h;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, lines->label, -1);
      pango_layout_get_size (layout, &w, &h);
      cairo_set_source_rgb (cr, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT, FU_PAGE_INK_TEXT);
      cairo_move_to (cr, lines->indent, WRITING_LINE - 3 - (double) h / PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);
      start += (double) w / PANGO_SCALE + 6;
    }
  for (guint i = 0; i < lines->n_lines; i++)
    fu_page_draw_rule (cr, i == 0 ? start : lines->indent, (i + 1) * WRITING_LINE - 1,
                       info->width - (i == 0 ? start : lines->indent), 0.5, FU_PAGE_INK_RULE);
}

static void
add_lines (FuQuestionnaireSheet *self,
           const char           *label,
           guint                 n_lines,
           double                indent)
{
  Lines *lines = g_new0 (Lines, 1);
  guint block;

  lines->label = g_strdup (label);
  lines->n_lines = n_lines;
  lines->indent = indent;
  block = fu_page_layout_add_block (self->layout, lines_measure, lines_draw, lines, lines_free,
                                    FU_PAGE_BLOCK_DEFAULT);
  /* Only its label is text to read. */
  if (label == NULL)
    fu_page_layout_set_tag (self->layout, block, NULL, NULL);
  else
    fu_page_layout_set_tag (self->layout, block, "P", NULL);
}

/* ---- Text ------------------------------------------------------------------------------ */

static void
add_text (FuQuestionnaireSheet *self,
          const char           *font,
          const char           *text,
          double                indent,
          double                space,
          FuPageBlockFlags      flags)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  fu_page_layout_add_space (self->layout, space);
  fu_page_layout_add_paragraph (self->layout, font, markup, indent, flags);
}

/* "☐ Yes", a box to tick and its choice. */
static void
add_tick (FuQuestionnaireSheet *self,
          const char           *choice,
          double                indent)
{
  /* TRANSLATORS: a box to tick and its choice, "☐ Yes" */
  g_autofree char *text = g_strdup_printf (_("☐ %s"), choice);

  add_text (self, FONT_BODY, text, indent, 4, FU_PAGE_BLOCK_DEFAULT);
}

static void
add_question (FuQuestionnaireSheet *self,
              const char           *number,
              const char           *text)
{
  /* TRANSLATORS: a question's number and text, "Q2. How are the lessons …" */
  g_autofree char *line = g_strdup_printf (_("%s. %s"), number, text);
  g_autofree char *markup = g_markup_escape_text (line, -1);
  guint block;

  fu_page_layout_add_space (self->layout, 16);
  block = fu_page_layout_add_paragraph (self->layout, FONT_QUESTION, markup, 0,
                                        FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  fu_page_layout_set_tag (self->layout, block, "H2", NULL);
}

/* Q1 to Q5 in the order core describes them. */
static void
add_items (FuQuestionnaireSheet *self)
{
  const char *shown = NULL;   /* the question number last headed */

  for (FuItemId id = 0; id < FU_N_ITEMS; id++)
    {
      const FuQuestionnaireItem *item = fu_questionnaire_get_item (id);

      if (g_strcmp0 (shown, item->number) != 0)
        {
          /* Q1's own question has no column; its choices follow. */
          if (g_str_equal (item->number, "Q1"))
            {
              add_question (self, item->number, fu_questionnaire_q1_text ());
              add_text (self, FONT_NOTE, _("Tick all that apply."), 0, 2,
                        FU_PAGE_BLOCK_KEEP_WITH_NEXT);
            }
          else
            add_question (self, item->number, _(item->text));
          shown = item->number;
          if (!g_str_equal (item->number, "Q1"))
            {
              /* The question is its own first item. */
              switch (item->type)
                {
                case FU_ITEM_COUNT:
                  add_lines (self, _("Number:"), 1, 0);
                  break;
                case FU_ITEM_TEXT:
                  add_lines (self, NULL, 5, 0);
                  break;
                case FU_ITEM_ANSWER:
                  add_tick (self, _("Yes"), 0);
                  add_tick (self, _("No"), 0);
                  break;
                case FU_ITEM_TICK:
                case FU_ITEM_DESCRIPTION:
                default:
                  break;
                }
              continue;
            }
        }

      switch (item->type)
        {
        case FU_ITEM_TICK:
          add_tick (self, _(item->text), TICK_INDENT);
          break;
        case FU_ITEM_COUNT:
          add_lines (self, _(item->text), 1, 2 * TICK_INDENT);
          break;
        case FU_ITEM_DESCRIPTION:
          add_text (self, FONT_BODY, _("Please describe:"),
                    g_str_equal (item->number, "Q1") ? TICK_INDENT : 0, 6,
                    FU_PAGE_BLOCK_KEEP_WITH_NEXT);
          add_lines (self, NULL, 4, g_str_equal (item->number, "Q1") ? TICK_INDENT : 0);
          break;
        case FU_ITEM_TEXT:
        case FU_ITEM_ANSWER:
        default:
          break;
        }
    }
}

static void
build_layout (FuQuestionnaireSheet *self)
{
  g_autofree char *dates = fu_day_format_display_range (self->workshop->start_date,
                                                        self->workshop->end_date);
  g_autofree char *deadline = fu_mailto_format_day (self->deadline);
  g_autofree char *title_markup = g_markup_escape_text (self->workshop->title, -1);
  g_autofree char *return_by = NULL;
  guint block;

  g_clear_pointer (&self->layout, fu_page_layout_free);
  self->layout = fu_page_layout_new ();
  fu_page_layout_set_header (self->layout, self->office, _("Follow-up questionnaire"), NULL,
                             self->workshop->code);
  fu_page_layout_set_footer_text (self->layout, self->title);

  block = fu_page_layout_add_paragraph (self->layout, FONT_WORKSHOP, title_markup, 0,
                                        FU_PAGE_BLOCK_KEEP_WITH_NEXT);
  fu_page_layout_set_tag (self->layout, block, "H1", NULL);
  add_text (self, FONT_DATES, dates != NULL ? dates : "", 0, 3, FU_PAGE_BLOCK_DEFAULT);

  add_text (self, FONT_BODY,
            _("This questionnaire asks what you have done at your administration with what "
              "you learned at the workshop, from your return until today. It does not judge "
              "any report or recommendation you made: it gives a picture of what the "
              "workshop changed, so that the next ones serve you better."),
            0, 12, FU_PAGE_BLOCK_DEFAULT);
  if (self->office != NULL && *self->office != '\0')
    /* TRANSLATORS: the reply deadline and the office, "… by 15 January 2018 to ROCB A/P." */
    return_by = g_strdup_printf (_("Please return it by %s to %s."), deadline, self->office);
  else
    return_by = g_strdup_printf (_("Please return it by %s."), deadline);
  add_text (self, FONT_QUESTION, return_by, 0, 8, FU_PAGE_BLOCK_DEFAULT);

  fu_page_layout_add_space (self->layout, 10);
  add_lines (self, _("Administration:"), 1, 0);
  add_lines (self, _("Name:"), 1, 0);
  add_lines (self, _("E-mail:"), 1, 0);

  add_items (self);

  add_text (self, FONT_BODY, _("Thank you for your cooperation."), 0, 18,
            FU_PAGE_BLOCK_DEFAULT);
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
fu_questionnaire_sheet_finalize (GObject *object)
{
  FuQuestionnaireSheet *self = FU_QUESTIONNAIRE_SHEET (object);

  g_clear_pointer (&self->layout, fu_page_layout_free);
  g_clear_pointer (&self->workshop, fu_workshop_free);
  g_clear_pointer (&self->office, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (fu_questionnaire_sheet_parent_class)->finalize (object);
}

static void
fu_questionnaire_sheet_class_init (FuQuestionnaireSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fu_questionnaire_sheet_finalize;
}

static void
fu_questionnaire_sheet_init (FuQuestionnaireSheet *self)
{
}

/* ---- Public API ------------------------------------------------------------------------ */

FuQuestionnaireSheet *
fu_questionnaire_sheet_new (FuStore  *store,
                            gint64    workshop_id,
                            FuDay     deadline,
                            GError  **error)
{
  g_autoptr(FuQuestionnaireSheet) self = NULL;

  g_return_val_if_fail (FU_IS_STORE (store), NULL);
  g_return_val_if_fail (deadline != FU_DAY_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (FU_TYPE_QUESTIONNAIRE_SHEET, NULL);
  self->workshop = fu_store_get_workshop (store, workshop_id, error);
  if (self->workshop == NULL)
    return NULL;
  self->deadline = deadline;
  self->office = fu_store_get_office_name (store);
  /* TRANSLATORS: the questionnaire's title, with the workshop's title */
  self->title = g_strdup_printf (_("Follow-up questionnaire: %s"), self->workshop->title);
  return g_steal_pointer (&self);
}

const char *
fu_questionnaire_sheet_get_title (FuQuestionnaireSheet *self)
{
  g_return_val_if_fail (FU_IS_QUESTIONNAIRE_SHEET (self), NULL);

  return self->title;
}

char *
fu_questionnaire_sheet_dup_file_name (FuQuestionnaireSheet *self)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (FU_IS_QUESTIONNAIRE_SHEET (self), NULL);

  code = g_strdup (self->workshop->code);
  g_strdelimit (code, "/\\:*?\"<>| ", '-');
  return g_strdup_printf ("questionnaire-%s.pdf", code);
}

guint
fu_questionnaire_sheet_paginate (FuQuestionnaireSheet *self,
                                 PangoContext         *context,
                                 double                width,
                                 double                height)
{
  g_return_val_if_fail (FU_IS_QUESTIONNAIRE_SHEET (self), 0);

  build_layout (self);
  return fu_page_layout_paginate (self->layout, context, width, height);
}

void
fu_questionnaire_sheet_draw_page (FuQuestionnaireSheet *self,
                                  cairo_t              *cr,
                                  guint                 page)
{
  g_return_if_fail (FU_IS_QUESTIONNAIRE_SHEET (self));
  g_return_if_fail (self->layout != NULL);

  fu_page_layout_draw_page (self->layout, cr, page);
}

gboolean
fu_questionnaire_sheet_write_pdf (FuQuestionnaireSheet  *self,
                                  const char            *path,
                                  GError               **error)
{
  g_return_val_if_fail (FU_IS_QUESTIONNAIRE_SHEET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  build_layout (self);
  if (!fu_page_layout_write_pdf (self->layout, path, self->title, error))
    {
      g_prefix_error (error, _("Could not save the questionnaire: "));
      return FALSE;
    }
  return TRUE;
}
