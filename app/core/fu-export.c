/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-export.h"
#include "fu-questionnaire.h"
#include "fu-rules.h"
#include "fu-store.h"

/* The column lists are the single source of truth: the writers below emit their cells in
 * this order, and the tests and the README read them from here. */
static const char * const summary_columns[] = {
  "workshop_code",
  "workshop",
  "start_date",
  "end_date",
  "administrations",
  "participants",
  "replies",
  "reply_rate",
  "shared_materials",
  "submitted_report",
  "made_recommendations",
  "inhouse_workshop",
  "developed_manuals",
  "other_action",
  "direct_effects_yes",
  "direct_effects_no",
  "contributed_yes",
  "contributed_no",
  "project_yes",
  "project_no",
  "colleagues_learned",
  NULL
};

/* Who and when; then the questionnaire's items, in their order (fu-questionnaire.h). */
static const char * const responses_who_columns[] = {
  "workshop_code",
  "name",
  "administration",
  "email",
  "received_date",
  "answered_by",
};

static const char * const reminders_columns[] = {
  "workshop_code",
  "workshop",
  "administration",
  "name",
  "email",
  "status",
  "sent_date",
  "deadline",
  "reminders_sent",
  "last_reminder",
  "days_overdue",
  NULL
};

static const char * const participants_columns[] = {
  "workshop_code", "name", "administration", "email", "position", "gender", NULL
};

/* A writer appending to @out, with the header row of @columns written. */
static FuCsvWriter *
start_csv (GString            *out,
           FuExportFlags       flags,
           const char * const *columns)
{
  FuCsvWriter *writer = fu_csv_writer_new (out, (flags & FU_EXPORT_BOM) != 0);

  for (guint i = 0; columns[i] != NULL; i++)
    fu_csv_writer_add (writer, columns[i]);
  fu_csv_writer_end_row (writer);
  return writer;
}

static inline const char *
not_null (const char *text)
{
  return text != NULL ? text : "";
}

/* Replies / participants × 100 with one decimal (fu_rate_format), "." whatever the locale:
 * 148/261 gives 56.7. */
static void
add_reply_rate (FuCsvWriter *writer,
                guint        replies,
                guint        participants)
{
  g_autofree char *rate = fu_rate_format (replies, participants, FALSE);

  fu_csv_writer_add (writer, rate);
}

static void
add_summary_row (FuCsvWriter        *writer,
                 const FuSummaryRow *row)
{
  fu_csv_writer_add (writer, not_null (row->code));
  fu_csv_writer_add (writer, not_null (row->title));
  fu_csv_writer_add_day (writer, row->start_date);
  fu_csv_writer_add_day (writer, row->end_date);
  fu_csv_writer_add_uint (writer, row->administrations);
  fu_csv_writer_add_uint (writer, row->participants);
  fu_csv_writer_add_uint (writer, row->replies);
  add_reply_rate (writer, row->replies, row->participants);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    fu_csv_writer_add_uint (writer, row->actions[i]);
  fu_csv_writer_add_uint (writer, row->direct_effects_yes);
  fu_csv_writer_add_uint (writer, row->direct_effects_no);
  fu_csv_writer_add_uint (writer, row->contributed_yes);
  fu_csv_writer_add_uint (writer, row->contributed_no);
  fu_csv_writer_add_uint (writer, row->project_yes);
  fu_csv_writer_add_uint (writer, row->project_no);
  fu_csv_writer_add_uint (writer, row->colleagues_learned);
  fu_csv_writer_end_row (writer);
}

static inline const char *
tick_to_string (gboolean ticked)
{
  return ticked ? "yes" : "no";
}

static const char *
answer_to_string (FuAnswer answer)
{
  switch (answer)
    {
    case FU_ANSWER_YES:
      return "yes";
    case FU_ANSWER_NO:
      return "no";
    case FU_ANSWER_UNANSWERED:
    default:
      return "";
    }
}

/* A count the participant did not give stays blank, so that importing it again keeps it
 * "not given" rather than 0. */
static void
add_count (FuCsvWriter *writer,
           gint         count)
{
  if (count < 0)
    fu_csv_writer_add (writer, "");
  else
    fu_csv_writer_add_uint (writer, (guint) count);
}

static void
add_reply_row (FuCsvWriter      *writer,
               const FuReplyRow *row)
{
  const FuReply *reply = &row->reply;

  fu_csv_writer_add (writer, not_null (row->workshop_code));
  fu_csv_writer_add (writer, not_null (row->participant_name));
  fu_csv_writer_add (writer, not_null (row->administration));
  fu_csv_writer_add (writer, not_null (row->email));
  fu_csv_writer_add_day (writer, reply->received_date);
  fu_csv_writer_add (writer, not_null (reply->answered_by));
  for (guint i = 0; i < FU_N_ITEMS; i++)
    {
      const FuQuestionnaireItem *item = fu_questionnaire_get_item ((FuItemId) i);
      gpointer field = fu_questionnaire_reply_field (item, (FuReply *) reply);

      switch (item->type)
        {
        case FU_ITEM_TICK:
          fu_csv_writer_add (writer, tick_to_string (*(gboolean *) field));
          break;
        case FU_ITEM_COUNT:
          add_count (writer, *(gint *) field);
          break;
        case FU_ITEM_ANSWER:
          fu_csv_writer_add (writer, answer_to_string (*(FuAnswer *) field));
          break;
        case FU_ITEM_TEXT:
        case FU_ITEM_DESCRIPTION:
        default:
          fu_csv_writer_add (writer, not_null (*(char **) field));
          break;
        }
    }
  fu_csv_writer_end_row (writer);
}

static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *fa = g_utf8_casefold (not_null (a), -1);
  g_autofree char *fb = g_utf8_casefold (not_null (b), -1);
  int cmp = strcmp (fa, fb);

  /* Names differing only in case still get a stable order. */
  return cmp != 0 ? cmp : g_strcmp0 (a, b);
}

/* Workshop start, code, administration, name: the order people hand round on paper. */
static int
compare_followup_rows (gconstpointer pa,
                       gconstpointer pb)
{
  const FuFollowupRow *a = *(const FuFollowupRow * const *) pa;
  const FuFollowupRow *b = *(const FuFollowupRow * const *) pb;
  int cmp;

  if (a->workshop_start != b->workshop_start)
    return a->workshop_start < b->workshop_start ? -1 : 1;
  if ((cmp = g_strcmp0 (a->workshop_code, b->workshop_code)) != 0)
    return cmp;
  if ((cmp = compare_text (a->administration, b->administration)) != 0)
    return cmp;
  if ((cmp = compare_text (a->participant_name, b->participant_name)) != 0)
    return cmp;
  if (a->followup_id != b->followup_id)
    return a->followup_id < b->followup_id ? -1 : 1;
  return 0;
}

static void
add_reminder_row (FuCsvWriter         *writer,
                  const FuRules       *rules,
                  const FuFollowupRow *row)
{
  FuDay deadline = row->dates.deadline;

  /* The store may leave the deadline to be derived from the sending date and the rules. */
  if (deadline == FU_DAY_NONE && row->dates.sent != FU_DAY_NONE)
    deadline = fu_schedule_deadline (rules, row->dates.sent, FU_DAY_NONE);

  fu_csv_writer_add (writer, not_null (row->workshop_code));
  fu_csv_writer_add (writer, not_null (row->workshop_title));
  fu_csv_writer_add (writer, not_null (row->administration));
  fu_csv_writer_add (writer, not_null (row->participant_name));
  fu_csv_writer_add (writer, not_null (row->email));
  fu_csv_writer_add (writer, fu_followup_status_to_string (row->status));
  fu_csv_writer_add_day (writer, row->dates.sent);
  fu_csv_writer_add_day (writer, deadline);
  fu_csv_writer_add_uint (writer, row->n_reminders);
  fu_csv_writer_add_day (writer, row->dates.last_reminder);
  fu_csv_writer_add_uint (writer, row->days_overdue);
  fu_csv_writer_end_row (writer);
}

const char * const *
fu_export_summary_columns (void)
{
  return summary_columns;
}

const char * const *
fu_export_responses_columns (void)
{
  static const char *columns[G_N_ELEMENTS (responses_who_columns) + FU_N_ITEMS + 1];

  if (columns[0] == NULL)
    {
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (responses_who_columns); i++)
        columns[n++] = responses_who_columns[i];
      for (guint i = 0; i < FU_N_ITEMS; i++)
        columns[n++] = fu_questionnaire_get_item ((FuItemId) i)->column;
      columns[n] = NULL;
    }
  return columns;
}

gboolean
fu_export_summary (FuStore       *store,
                   guint          fiscal_year,
                   FuExportFlags  flags,
                   GString       *out,
                   GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuSummaryRow) total = NULL;
  g_autoptr(FuCsvWriter) writer = NULL;
  FuRules rules;
  FuDay first = FU_DAY_NONE;
  FuDay last = FU_DAY_NONE;

  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fu_store_get_rules (store, &rules);
  fu_fiscal_year_range (&rules, fiscal_year, &first, &last);
  if (first == FU_DAY_NONE || last == FU_DAY_NONE)
    {
      g_set_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID,
                   _("Fiscal year %u is out of range"), fiscal_year);
      return FALSE;
    }

  rows = fu_store_summary (store, first, last, &total, error);
  if (rows == NULL)
    return FALSE;

  writer = start_csv (out, flags, summary_columns);
  for (guint i = 0; i < rows->len; i++)
    add_summary_row (writer, g_ptr_array_index (rows, i));
  if (total != NULL)
    {
      /* The total row has no dates, whatever the store put there. */
      total->start_date = FU_DAY_NONE;
      total->end_date = FU_DAY_NONE;
      add_summary_row (writer, total);
    }

  return TRUE;
}

gboolean
fu_export_responses (FuStore       *store,
                     FuDay          from,
                     FuDay          to,
                     FuExportFlags  flags,
                     GString       *out,
                     GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuCsvWriter) writer = NULL;

  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rows = fu_store_list_replies (store, from, to, error);
  if (rows == NULL)
    return FALSE;

  writer = start_csv (out, flags, fu_export_responses_columns ());
  for (guint i = 0; i < rows->len; i++)
    add_reply_row (writer, g_ptr_array_index (rows, i));

  return TRUE;
}

gboolean
fu_export_reminders (FuStore       *store,
                     FuDay          as_of,
                     FuExportFlags  flags,
                     GString       *out,
                     GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuCsvWriter) writer = NULL;
  FuFollowupQuery query = { 0 };
  FuRules rules;

  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (as_of != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fu_store_get_rules (store, &rules);

  query.as_of = as_of;
  query.status_mask = FU_STATUS_MASK_TO_CHASE;
  rows = fu_store_list_followups (store, &query, error);
  if (rows == NULL)
    return FALSE;

  g_ptr_array_sort (rows, compare_followup_rows);

  writer = start_csv (out, flags, reminders_columns);
  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      /* The mask is the store's filter; checking again keeps the list right if a store
       * back end ignores it. */
      if ((FU_STATUS_MASK_TO_CHASE & (1u << row->status)) == 0)
        continue;
      add_reminder_row (writer, &rules, row);
    }

  return TRUE;
}

gboolean
fu_export_participants (FuStore       *store,
                        gint64         workshop_id,
                        FuExportFlags  flags,
                        GString       *out,
                        GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuCsvWriter) writer = NULL;

  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rows = fu_store_list_attendees (store, workshop_id, error);
  if (rows == NULL)
    return FALSE;

  writer = start_csv (out, flags, participants_columns);
  for (guint i = 0; i < rows->len; i++)
    {
      const FuAttendeeRow *row = g_ptr_array_index (rows, i);

      fu_csv_writer_add (writer, not_null (row->workshop_code));
      fu_csv_writer_add (writer, not_null (row->name));
      fu_csv_writer_add (writer, not_null (row->administration));
      fu_csv_writer_add (writer, not_null (row->email));
      fu_csv_writer_add (writer, not_null (row->position));
      fu_csv_writer_add (writer, not_null (row->gender));
      fu_csv_writer_end_row (writer);
    }
  return TRUE;
}
