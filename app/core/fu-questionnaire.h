/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-questionnaire.h: the follow-up questionnaire (DOMAIN.md, "The questionnaire"), described
 * once: its items in responses.csv order, with their CSV names, their question texts in
 * English (translatable) and French (for reading forms written in French whatever the
 * locale), and the words that recognize them in a form's export. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

typedef enum {
  FU_ITEM_TICK,         /* a Q1 choice: ticked or not */
  FU_ITEM_COUNT,        /* a whole number of colleagues */
  FU_ITEM_TEXT,         /* free text */
  FU_ITEM_ANSWER,       /* yes / no / unanswered */
  FU_ITEM_DESCRIPTION,  /* the description of the item before it */
} FuItemType;

typedef enum {
  FU_ITEM_SHARED_MATERIALS,
  FU_ITEM_COLLEAGUES_SHARED,
  FU_ITEM_SUBMITTED_REPORT,
  FU_ITEM_MADE_RECOMMENDATIONS,
  FU_ITEM_INHOUSE_WORKSHOP,
  FU_ITEM_DEVELOPED_MANUALS,
  FU_ITEM_OTHER_ACTION,
  FU_ITEM_OTHER_ACTION_TEXT,
  FU_ITEM_COLLEAGUES_LEARNED,
  FU_ITEM_LESSONS_USE,
  FU_ITEM_DIRECT_EFFECTS,
  FU_ITEM_DIRECT_EFFECTS_TEXT,
  FU_ITEM_CONTRIBUTED,
  FU_ITEM_CONTRIBUTED_TEXT,
  FU_ITEM_PROJECT_INITIATED,
  FU_ITEM_PROJECT_TEXT,
  FU_N_ITEMS
} FuItemId;

typedef struct {
  FuItemId     id;
  FuItemType   type;
  const char  *number;     /* "Q1", "Q1bis", "Q2" ... "Q5" */
  const char  *column;     /* responses.csv: "shared_materials" */
  const char  *text;       /* the question or choice as printed, English (N_) */
  const char  *text_fr;    /* the same in French, as the office's French forms print it */
  int          action;     /* FuAction of a Q1 choice, or -1 */
  const char  *keywords;   /* "|"-separated word groups that name it in a form's header:
                            * every word of one group starts a word of the header */
} FuQuestionnaireItem;

/* The Q1 question itself, which has no column of its own. */
const char                *fu_questionnaire_q1_text    (void);
const char                *fu_questionnaire_q1_text_fr (void);

const FuQuestionnaireItem *fu_questionnaire_get_item   (FuItemId id);
/* The item with CSV name @column, or NULL. */
const FuQuestionnaireItem *fu_questionnaire_find_column (const char *column);
/* The item of Q1 choice @action. */
const FuQuestionnaireItem *fu_questionnaire_get_action (FuAction action);

/* Where @reply keeps @item's answer: a gboolean* (a tick), gint* (a count, -1 for none),
 * FuAnswer* (yes/no) or char** (a text, NULL for none), as the item's type says. */
gpointer                   fu_questionnaire_reply_field (const FuQuestionnaireItem *item,
                                                         FuReply                   *reply);

G_END_DECLS
