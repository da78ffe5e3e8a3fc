/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-questionnaire-sheet.h: the follow-up questionnaire of one workshop as a PDF to attach
 * to the invitation: the workshop, the day to reply by and where to, the responder's
 * details, then Q1 to Q5 from core's description of the questionnaire (fu-questionnaire.h),
 * with boxes to tick and lines to write on. */
#pragma once

#include <glib-object.h>
#include <cairo.h>
#include <pango/pango.h>

#include "fu-types.h"

G_BEGIN_DECLS

#define FU_TYPE_QUESTIONNAIRE_SHEET (fu_questionnaire_sheet_get_type ())
G_DECLARE_FINAL_TYPE (FuQuestionnaireSheet, fu_questionnaire_sheet, FU, QUESTIONNAIRE_SHEET,
                      GObject)

/* The questionnaire of workshop @workshop_id, to be returned by @deadline. */
FuQuestionnaireSheet *fu_questionnaire_sheet_new       (FuStore   *store,
                                                        gint64     workshop_id,
                                                        FuDay      deadline,
                                                        GError   **error);
/* "Follow-up questionnaire: WCO Regional Workshop on Non-Intrusive Inspection". */
const char           *fu_questionnaire_sheet_get_title (FuQuestionnaireSheet *self);
/* "questionnaire-2016-NII.pdf", the name a save dialog proposes. */
char                 *fu_questionnaire_sheet_dup_file_name (FuQuestionnaireSheet *self);

/* For GtkPrintOperation, as the other documents. */
guint                 fu_questionnaire_sheet_paginate  (FuQuestionnaireSheet *self,
                                                        PangoContext         *context,
                                                        double                width,
                                                        double                height);
void                  fu_questionnaire_sheet_draw_page (FuQuestionnaireSheet *self,
                                                        cairo_t              *cr,
                                                        guint                 page);
/* A4 portrait, written whole or not at all. */
gboolean              fu_questionnaire_sheet_write_pdf (FuQuestionnaireSheet  *self,
                                                        const char            *path,
                                                        GError               **error);

G_END_DECLS
