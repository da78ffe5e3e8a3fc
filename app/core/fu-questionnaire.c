/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-questionnaire"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fu-questionnaire.h"
#include "fu-records.h"

static const FuQuestionnaireItem items[FU_N_ITEMS] = {
  { FU_ITEM_SHARED_MATERIALS, FU_ITEM_TICK, "Q1", "shared_materials",
    N_("Shared training materials with colleagues"),
    "Partage des supports de formation avec des collègues",
    FU_ACTION_SHARED_MATERIALS, "shared material|share material|shared training|partag support|=shared|=share|"
                                  "=sharing|=materials" },
  { FU_ITEM_COLLEAGUES_SHARED, FU_ITEM_COUNT, "Q1", "colleagues_shared",
    N_("With how many colleagues?"), "Avec combien de collègues ?",
    -1, "how many share|how many colleague|number colleague share|colleagues shared|"
        "combien partag|combien collegue|nombre partag" },
  { FU_ITEM_SUBMITTED_REPORT, FU_ITEM_TICK, "Q1", "submitted_report",
    N_("Submitted a mission report to superiors"),
    "Remise d’un rapport de mission aux supérieurs",
    FU_ACTION_SUBMITTED_REPORT, "submitted report|mission report|report|rapport|=submitted" },
  { FU_ITEM_MADE_RECOMMENDATIONS, FU_ITEM_TICK, "Q1", "made_recommendations",
    N_("Made recommendations to management"),
    "Recommandations formulées à la direction",
    FU_ACTION_MADE_RECOMMENDATIONS, "recommend" },
  { FU_ITEM_INHOUSE_WORKSHOP, FU_ITEM_TICK, "Q1", "inhouse_workshop",
    N_("Organized an in-house workshop"), "Organisation d’un atelier interne",
    FU_ACTION_INHOUSE_WORKSHOP, "inhouse|in house|atelier interne|interne|=workshop|=training" },
  { FU_ITEM_DEVELOPED_MANUALS, FU_ITEM_TICK, "Q1", "developed_manuals",
    N_("Developed/updated operational manuals"),
    "Élaboration ou mise à jour de manuels opérationnels",
    FU_ACTION_DEVELOPED_MANUALS, "manual|manuel|=sop|=sops" },
  { FU_ITEM_OTHER_ACTION, FU_ITEM_TICK, "Q1", "other_action",
    N_("Others"), "Autres",
    FU_ACTION_OTHER, "other action|other|others|autre|autres" },
  { FU_ITEM_OTHER_ACTION_TEXT, FU_ITEM_DESCRIPTION, "Q1", "other_action_text",
    N_("Other follow-up actions"), "Autres actions de suivi",
    -1, "other action text|other specify|other describe|other please|other text|"
        "other comment|autre precis|autres precis|=other|=others|=autre|=autres" },
  { FU_ITEM_COLLEAGUES_LEARNED, FU_ITEM_COUNT, "Q1bis", "colleagues_learned",
    N_("If you shared the materials, how many of your colleagues have learned from them?"),
    "Si vous avez partagé les supports, combien de vos collègues en ont tiré des "
    "enseignements ?",
    -1, "colleague learn|many learn|colleagues learned|combien enseignement|"
        "collegue appris|combien appris|collegues formes" },
  { FU_ITEM_LESSONS_USE, FU_ITEM_TEXT, "Q2", "lessons_use",
    N_("How are the lessons learned being used in your administration?"),
    "Comment les acquis sont-ils mis à profit dans votre administration ?",
    -1, "lesson|lecon|acquis|lessons use" },
  { FU_ITEM_DIRECT_EFFECTS, FU_ITEM_ANSWER, "Q3", "direct_effects",
    N_("Have you observed direct effects from applying what was learned (e.g. change of "
       "management approach, seizures at the border)?"),
    "Avez-vous constaté des effets directs de la mise en pratique des acquis (p. ex. "
    "changement d’approche de gestion, saisies à la frontière) ?",
    -1, "direct effect|effet direct|effets directs" },
  { FU_ITEM_DIRECT_EFFECTS_TEXT, FU_ITEM_DESCRIPTION, "Q3", "direct_effects_text",
    N_("Direct effects observed"), "Effets directs constatés", -1, "direct effects text" },
  { FU_ITEM_CONTRIBUTED, FU_ITEM_ANSWER, "Q4", "contributed",
    N_("Has the workshop contributed, or will it contribute, to the efficiency or "
       "effectiveness of your administration?"),
    "L’atelier a-t-il contribué, ou contribuera-t-il, à l’efficience ou à l’efficacité de "
    "votre administration ?",
    -1, "contribut|contribu" },
  { FU_ITEM_CONTRIBUTED_TEXT, FU_ITEM_DESCRIPTION, "Q4", "contributed_text",
    N_("How the workshop contributed"), "Contribution de l’atelier", -1, "contributed text" },
  { FU_ITEM_PROJECT_INITIATED, FU_ITEM_ANSWER, "Q5", "project_initiated",
    N_("Has a new modernization project been initiated as a result?"),
    "Un nouveau projet de modernisation a-t-il été lancé en conséquence ?",
    -1, "modernization project|modernisation project|project initiat|new project|projet|"
        "project" },
  { FU_ITEM_PROJECT_TEXT, FU_ITEM_DESCRIPTION, "Q5", "project_text",
    N_("The modernization project"), "Le projet de modernisation", -1, "project text" },
};

const char *
fu_questionnaire_q1_text (void)
{
  return _("After you came back from the workshop, what follow-up actions have you taken?");
}

const char *
fu_questionnaire_q1_text_fr (void)
{
  return "Après votre retour de l’atelier, quelles actions de suivi avez-vous entreprises ?";
}

const FuQuestionnaireItem *
fu_questionnaire_get_item (FuItemId id)
{
  g_return_val_if_fail (id < FU_N_ITEMS, NULL);
  return &items[id];
}

const FuQuestionnaireItem *
fu_questionnaire_find_column (const char *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  for (guint i = 0; i < FU_N_ITEMS; i++)
    if (strcmp (items[i].column, column) == 0)
      return &items[i];
  return NULL;
}

const FuQuestionnaireItem *
fu_questionnaire_get_action (FuAction action)
{
  g_return_val_if_fail (action < FU_N_ACTIONS, NULL);

  for (guint i = 0; i < FU_N_ITEMS; i++)
    if (items[i].action == (int) action)
      return &items[i];
  g_return_val_if_reached (NULL);
}

gpointer
fu_questionnaire_reply_field (const FuQuestionnaireItem *item,
                              FuReply                   *reply)
{
  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (reply != NULL, NULL);

  switch (item->id)
    {
    case FU_ITEM_SHARED_MATERIALS:
    case FU_ITEM_SUBMITTED_REPORT:
    case FU_ITEM_MADE_RECOMMENDATIONS:
    case FU_ITEM_INHOUSE_WORKSHOP:
    case FU_ITEM_DEVELOPED_MANUALS:
    case FU_ITEM_OTHER_ACTION:
      return &reply->actions[item->action];
    case FU_ITEM_COLLEAGUES_SHARED:
      return &reply->colleagues_shared;
    case FU_ITEM_OTHER_ACTION_TEXT:
      return &reply->other_action_text;
    case FU_ITEM_COLLEAGUES_LEARNED:
      return &reply->colleagues_learned;
    case FU_ITEM_LESSONS_USE:
      return &reply->lessons_use;
    case FU_ITEM_DIRECT_EFFECTS:
      return &reply->direct_effects;
    case FU_ITEM_DIRECT_EFFECTS_TEXT:
      return &reply->direct_effects_text;
    case FU_ITEM_CONTRIBUTED:
      return &reply->contributed;
    case FU_ITEM_CONTRIBUTED_TEXT:
      return &reply->contributed_text;
    case FU_ITEM_PROJECT_INITIATED:
      return &reply->project_initiated;
    case FU_ITEM_PROJECT_TEXT:
      return &reply->project_text;
    case FU_N_ITEMS:
    default:
      g_return_val_if_reached (NULL);
    }
}
