/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-replies.c: replies to the questionnaire */

#define G_LOG_DOMAIN "fu-pg-replies"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-pg-private.h"


/* -1 (not given, unanswered) is NULL. */
static int
column_count (const PGresult *res,
              int             row,
              int             col)
{
  return PQgetisnull (res, row, col) ? -1 : (int) fu_pg_int64 (res, row, col);
}

static void
params_count (FuPgParams *params,
              int         value)
{
  if (value >= 0)
    fu_pg_params_int (params, value);
  else
    fu_pg_params_text (params, NULL);
}

/* Fills @reply from "id, REPLY_FIELDS" at the row's start. */
static void
reply_from_row (const PGresult *res,
                int             row,
                FuReply        *reply)
{
  reply->id = fu_pg_int64 (res, row, 0);
  reply->followup_id = fu_pg_int64 (res, row, 1);
  reply->received_date = fu_pg_day (res, row, 2);
  reply->answered_by = fu_pg_text (res, row, 3);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    reply->actions[i] = fu_pg_int64 (res, row, 4 + (int) i) != 0;
  reply->colleagues_shared = column_count (res, row, 10);
  reply->other_action_text = fu_pg_text (res, row, 11);
  reply->colleagues_learned = column_count (res, row, 12);
  reply->lessons_use = fu_pg_text (res, row, 13);
  reply->direct_effects = column_count (res, row, 14);
  reply->direct_effects_text = fu_pg_text (res, row, 15);
  reply->contributed = column_count (res, row, 16);
  reply->contributed_text = fu_pg_text (res, row, 17);
  reply->project_initiated = column_count (res, row, 18);
  reply->project_text = fu_pg_text (res, row, 19);
}

/* $1 to $19, in REPLY_FIELDS's order. */
static FuPgParams *
reply_params (const FuReply *reply)
{
  FuPgParams *params = fu_pg_params_new ();

  fu_pg_params_int (params, reply->followup_id);
  fu_pg_params_day (params, reply->received_date);
  fu_pg_params_text (params, reply->answered_by);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    fu_pg_params_int (params, reply->actions[i] ? 1 : 0);
  params_count (params, reply->colleagues_shared);
  fu_pg_params_text (params, reply->other_action_text);
  params_count (params, reply->colleagues_learned);
  fu_pg_params_text (params, reply->lessons_use);
  params_count (params, reply->direct_effects);
  fu_pg_params_text (params, reply->direct_effects_text);
  params_count (params, reply->contributed);
  fu_pg_params_text (params, reply->contributed_text);
  params_count (params, reply->project_initiated);
  fu_pg_params_text (params, reply->project_text);
  return params;
}

static gboolean
save_reply (FuStore *self,
            FuReply *reply,
            gboolean replace,
            GError **error)
{
  g_autoptr(FuPgParams) id = fu_pg_params_new ();
  g_autoptr(FuPgParams) params = NULL;
  g_autoptr(FuPgResult) found = NULL;
  g_autoptr(FuPgResult) res = NULL;
  gint64 existing;

  /* The follow-up's row is locked: a colleague saving a reply to it waits, then finds it. */
  fu_pg_params_int (id, reply->followup_id);
  found = fu_pg_query (self,
                       "SELECT r.id, r.received_date, p.name, w.code FROM followup f "
                       "JOIN attendance a ON a.id = f.attendance_id "
                       "JOIN workshop w ON w.id = a.workshop_id "
                       "JOIN participant p ON p.id = a.participant_id "
                       "LEFT JOIN reply r ON r.followup_id = f.id WHERE f.id = $1 "
                       "FOR UPDATE OF f",
                       id, N_("Could not read a follow-up"), error);
  if (found == NULL)
    return FALSE;
  if (PQntuples (found) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no follow-up with id %lld"), (long long) reply->followup_id);
      return FALSE;
    }
  existing = fu_pg_int64 (found, 0, 0);
  if (existing != 0 && !replace)
    {
      /* TRANSLATORS: a participant's name and a workshop's code */
      g_autofree char *who = g_strdup_printf (_("'%s' at workshop '%s'"),
                                              PQgetvalue (found, 0, 2), PQgetvalue (found, 0, 3));

      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                   _("The reply of %s (received %s) is already recorded; replace it to "
                     "change it"),
                   who, PQgetvalue (found, 0, 1));
      return FALSE;
    }

  params = reply_params (reply);
  if (existing != 0)
    {
      fu_pg_params_int (params, existing);
      res = fu_pg_query (self,
                         "UPDATE reply SET (" REPLY_FIELDS ") = "
                         "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
                         "$16, $17, $18, $19) WHERE id = $20 RETURNING id",
                         params, N_("Could not save the reply"), error);
    }
  else
    {
      res = fu_pg_query (self,
                         "INSERT INTO reply (" REPLY_FIELDS ") VALUES "
                         "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
                         "$16, $17, $18, $19) RETURNING id",
                         params, N_("Could not save the reply"), error);
    }
  if (res == NULL)
    return FALSE;
  reply->id = fu_pg_int64 (res, 0, 0);
  return TRUE;
}

gboolean
fu_pg_save_reply (FuStore *self,
                  FuReply *reply,
                  gboolean replace,
                  GError **error)
{
  if (!fu_store_validate_reply (reply, error) || !fu_pg_begin (self, error))
    return FALSE;
  return fu_pg_finish (self, save_reply (self, reply, replace, error), error);
}

FuReply *
fu_pg_get_reply (FuStore *self,
                 gint64   followup_id,
                 GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  FuReply *reply;

  fu_pg_params_int (params, followup_id);
  res = fu_pg_query (self, "SELECT id, " REPLY_FIELDS " FROM reply WHERE followup_id = $1",
                     params, N_("Could not read a reply"), error);
  if (res == NULL || PQntuples (res) == 0)
    return NULL;
  reply = fu_reply_new ();
  reply_from_row (res, 0, reply);
  return reply;
}

gboolean
fu_pg_delete_reply (FuStore *self,
                    gint64   followup_id,
                    GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autofree char *not_found = g_strdup_printf (_("Follow-up %lld has no reply to delete"),
                                                (long long) followup_id);

  fu_pg_params_int (params, followup_id);
  return fu_pg_change_one (self, "DELETE FROM reply WHERE followup_id = $1", params,
                           N_("Could not delete the reply"), not_found, error);
}

GPtrArray *
fu_pg_list_replies (FuStore *self,
                    FuDay    from,
                    FuDay    to,
                    GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *list;

  fu_pg_params_day (params, from);
  fu_pg_params_day (params, to);
  res = fu_pg_query (self,
                     "SELECT r.id, " R_REPLY_FIELDS ", w.code, p.name, p.email, ad.name "
                     "FROM reply r "
                     "JOIN followup f ON f.id = r.followup_id "
                     "JOIN attendance a ON a.id = f.attendance_id "
                     "JOIN workshop w ON w.id = a.workshop_id "
                     "JOIN participant p ON p.id = a.participant_id "
                     "JOIN administration ad ON ad.id = p.administration_id "
                     "WHERE w.surveyed = 1 "
                     "AND ($1::text IS NULL OR w.start_date >= $1) "
                     "AND ($2::text IS NULL OR w.start_date <= $2) "
                     "ORDER BY w.start_date COLLATE \"C\", w.code COLLATE \"C\", "
                     "fu_nocase (ad.name), fu_nocase (p.name), r.id",
                     params, N_("Could not list the replies"), error);
  if (res == NULL)
    return NULL;
  list = g_ptr_array_new_full ((guint) PQntuples (res), (GDestroyNotify) fu_reply_row_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuReplyRow *row = g_new0 (FuReplyRow, 1);

      reply_from_row (res, i, &row->reply);
      row->workshop_code = fu_pg_text (res, i, REPLY_N_FIELDS + 1);
      row->participant_name = fu_pg_text (res, i, REPLY_N_FIELDS + 2);
      row->email = fu_pg_text (res, i, REPLY_N_FIELDS + 3);
      row->administration = fu_pg_text (res, i, REPLY_N_FIELDS + 4);
      g_ptr_array_add (list, row);
    }
  return list;
}
