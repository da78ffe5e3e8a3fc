/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-feedback-sheet.h: the aggregated table of one workshop's replies that the office sends
 * every participant, replied or not: the reply rate and the counts of Q1 to Q5, as a PDF
 * page and as CSV. It holds counts only: no name, e-mail, administration or free text.
 *
 * Small numbers: with fewer than FU_FEEDBACK_SHEET_MIN_REPLIES replies, every count would
 * be one or two people's own answers, which the other participants could tell apart; the
 * sheet then gives the participants, replies and reply rate only, and says why the answers
 * are not broken down. */
#pragma once

#include <glib-object.h>
#include <cairo.h>
#include <pango/pango.h>

#include "fu-types.h"

G_BEGIN_DECLS

#define FU_FEEDBACK_SHEET_MIN_REPLIES 3

#define FU_TYPE_FEEDBACK_SHEET (fu_feedback_sheet_get_type ())
G_DECLARE_FINAL_TYPE (FuFeedbackSheet, fu_feedback_sheet, FU, FEEDBACK_SHEET, GObject)

/* Reads the workshop's counts from @store. A workshop that does not exist is
 * FU_STORE_ERROR_NOT_FOUND; one that is not surveyed (an accreditation workshop) is
 * FU_STORE_ERROR_INVALID. */
FuFeedbackSheet *fu_feedback_sheet_new           (FuStore          *store,
                                                  gint64            workshop_id,
                                                  GError          **error);
/* "Workshop feedback: WCO Regional Workshop on Non-Intrusive Inspection". */
const char      *fu_feedback_sheet_get_title     (FuFeedbackSheet  *self);
guint            fu_feedback_sheet_get_replies   (FuFeedbackSheet  *self);
/* FALSE when there are too few replies to break the answers down. */
gboolean         fu_feedback_sheet_shows_answers (FuFeedbackSheet  *self);
/* The day printed in the header: by default today ($FOLLOWUP_TODAY when set). */
void             fu_feedback_sheet_set_date      (FuFeedbackSheet  *self,
                                                  FuDay             date);

/* As fu_annual_report_paginate and fu_annual_report_draw_page: for GtkPrintOperation. */
guint            fu_feedback_sheet_paginate      (FuFeedbackSheet  *self,
                                                  PangoContext     *context,
                                                  double            width,
                                                  double            height);
guint            fu_feedback_sheet_get_n_pages   (FuFeedbackSheet  *self);
void             fu_feedback_sheet_draw_page     (FuFeedbackSheet  *self,
                                                  cairo_t          *cr,
                                                  guint             page);

/* A4 portrait, written whole or not at all. */
gboolean         fu_feedback_sheet_write_pdf     (FuFeedbackSheet  *self,
                                                  const char       *path,
                                                  GError          **error);
/* Appends the CSV to @out: a header "item,count", then one row per item with stable
 * machine names (workshop_code, workshop, participants, administrations, replies,
 * reply_rate, the Q1 actions as in responses.csv, colleagues_learned, direct_effects_yes,
 * direct_effects_no, direct_effects_unanswered, and the same for contributed and
 * project). When the answers are withheld their counts are empty and a last row "note"
 * says why. With @bom, a UTF-8 byte-order mark first (for Excel). */
void             fu_feedback_sheet_write_csv     (FuFeedbackSheet  *self,
                                                  GString          *out,
                                                  gboolean          bom);

G_END_DECLS
