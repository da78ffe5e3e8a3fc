/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-replies.c: replies to the questionnaire */

#define G_LOG_DOMAIN "fu-sqlite-replies"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-sqlite-private.h"

/* ---- Replies ----------------------------------------------------------------------------- */


/* Fills @reply from "id, REPLY_FIELDS" at the row's start. */
static void
reply_from_row (sqlite3_stmt *stmt,
                FuReply      *reply)
{
  reply->id = sqlite3_column_int64 (stmt, 0);
  reply->followup_id = sqlite3_column_int64 (stmt, 1);
  reply->received_date = fu_sqlite_column_day (stmt, 2);
  reply->answered_by = fu_sqlite_column_text (stmt, 3);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    reply->actions[i] = sqlite3_column_int (stmt, 4 + i) != 0;
  reply->colleagues_shared = column_count (stmt, 10);
  reply->other_action_text = fu_sqlite_column_text (stmt, 11);
  reply->colleagues_learned = column_count (stmt, 12);
  reply->lessons_use = fu_sqlite_column_text (stmt, 13);
  reply->direct_effects = column_count (stmt, 14);
  reply->direct_effects_text = fu_sqlite_column_text (stmt, 15);
  reply->contributed = column_count (stmt, 16);
  reply->contributed_text = fu_sqlite_column_text (stmt, 17);
  reply->project_initiated = column_count (stmt, 18);
  reply->project_text = fu_sqlite_column_text (stmt, 19);
}

static void
bind_reply (sqlite3_stmt  *stmt,
            const FuReply *reply)
{
  sqlite3_bind_int64 (stmt, 1, reply->followup_id);
  fu_sqlite_bind_day (stmt, 2, reply->received_date);
  fu_sqlite_bind_text (stmt, 3, reply->answered_by);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    sqlite3_bind_int (stmt, 4 + i, reply->actions[i] ? 1 : 0);
  bind_count (stmt, 10, reply->colleagues_shared);
  fu_sqlite_bind_text (stmt, 11, reply->other_action_text);
  bind_count (stmt, 12, reply->colleagues_learned);
  fu_sqlite_bind_text (stmt, 13, reply->lessons_use);
  bind_count (stmt, 14, reply->direct_effects);
  fu_sqlite_bind_text (stmt, 15, reply->direct_effects_text);
  bind_count (stmt, 16, reply->contributed);
  fu_sqlite_bind_text (stmt, 17, reply->contributed_text);
  bind_count (stmt, 18, reply->project_initiated);
  fu_sqlite_bind_text (stmt, 19, reply->project_text);
}

/* Who replied to what, for messages. */
static char *
describe_followup (FuStore *self,
                   gint64   followup_id)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self,
                           "SELECT p.name, w.code FROM followup f "
                           "JOIN attendance a ON a.id = f.attendance_id "
                           "JOIN workshop w ON w.id = a.workshop_id "
                           "JOIN participant p ON p.id = a.participant_id WHERE f.id = ?1",
                           NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  /* TRANSLATORS: a participant's name and a workshop's code */
  return g_strdup_printf (_("'%s' at workshop '%s'"),
                          (const char *) sqlite3_column_text (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1));
}

static gboolean
save_reply (FuStore *self,
            FuReply *reply,
            gboolean replace,
            GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gint64 existing = 0;
  FuDay existing_received = FU_DAY_NONE;
  gboolean found;

  stmt = select_one_by_id (self,
                           "SELECT f.id, r.id, r.received_date FROM followup f "
                           "LEFT JOIN reply r ON r.followup_id = f.id WHERE f.id = ?1",
                           reply->followup_id, &found, N_("Could not read a follow-up"), error);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    return followup_not_found (reply->followup_id, error);
  existing = sqlite3_column_int64 (stmt, 1);
  existing_received = fu_sqlite_column_day (stmt, 2);
  sqlite3_reset (stmt);

  if (existing != 0 && !replace)
    {
      g_autofree char *who = describe_followup (self, reply->followup_id);
      char buf[11];

      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                   _("The reply of %s (received %s) is already recorded; replace it to "
                     "change it"),
                   who != NULL ? who : "?", day_iso (existing_received, buf));
      return FALSE;
    }

  if (existing != 0)
    stmt = fu_sqlite_prepare (self,
                             "UPDATE reply SET (" REPLY_FIELDS ") = "
                             "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                             "?16, ?17, ?18, ?19) WHERE id = ?20",
                             error);
  else
    stmt = fu_sqlite_prepare (self,
                             "INSERT INTO reply (" REPLY_FIELDS ") VALUES "
                             "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                             "?16, ?17, ?18, ?19)",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_reply (stmt, reply);
  if (existing != 0)
    sqlite3_bind_int64 (stmt, REPLY_N_FIELDS + 1, existing);
  if (!step_done (self, stmt, N_("Could not save the reply"), error))
    return FALSE;

  reply->id = existing != 0 ? existing : sqlite3_last_insert_rowid (FU_SQLITE (self)->db);
  return TRUE;
}

gboolean
fu_sqlite_save_reply (FuStore *self,
                      FuReply *reply,
                      gboolean replace,
                      GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (reply != NULL, FALSE);
  g_return_val_if_fail (reply->followup_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_validate_reply (reply, error))
    return FALSE;

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, save_reply (self, reply, replace, error), error);
}

FuReply *
fu_sqlite_get_reply (FuStore *self,
                     gint64   followup_id,
                     GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  FuReply *reply;
  gboolean found;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = select_one_by_id (self, "SELECT id, " REPLY_FIELDS " FROM reply WHERE followup_id = ?1",
                           followup_id, &found, N_("Could not read a reply"), error);
  if (stmt == NULL || !found)
    return NULL;

  reply = fu_reply_new ();
  reply_from_row (stmt, reply);
  return reply;
}

static gboolean
delete_reply (FuStore *self,
              gint64   followup_id,
              GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self, "DELETE FROM reply WHERE followup_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  if (!step_done (self, stmt, N_("Could not delete the reply"), error))
    return FALSE;
  if (sqlite3_changes (FU_SQLITE (self)->db) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("Follow-up %lld has no reply to delete"), (long long) followup_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_sqlite_delete_reply (FuStore *self,
                        gint64   followup_id,
                        GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, delete_reply (self, followup_id, error), error);
}

/* A reply of "r.id, R_REPLY_FIELDS, w.code, p.name, p.email, ad.name". */
static FuReplyRow *
reply_row_from_row (sqlite3_stmt *stmt)
{
  FuReplyRow *row = g_new0 (FuReplyRow, 1);

  reply_from_row (stmt, &row->reply);
  row->workshop_code = fu_sqlite_column_text (stmt, REPLY_N_FIELDS + 1);
  row->participant_name = fu_sqlite_column_text (stmt, REPLY_N_FIELDS + 2);
  row->email = fu_sqlite_column_text (stmt, REPLY_N_FIELDS + 3);
  row->administration = fu_sqlite_column_text (stmt, REPLY_N_FIELDS + 4);
  return row;
}

GPtrArray *
fu_sqlite_list_replies (FuStore *self,
                        FuDay    from,
                        FuDay    to,
                        GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_sqlite_prepare (self,
                           "SELECT r.id, " R_REPLY_FIELDS ", w.code, p.name, p.email, ad.name "
                           "FROM reply r "
                           "JOIN followup f ON f.id = r.followup_id "
                           "JOIN attendance a ON a.id = f.attendance_id "
                           "JOIN workshop w ON w.id = a.workshop_id "
                           "JOIN participant p ON p.id = a.participant_id "
                           "JOIN administration ad ON ad.id = p.administration_id "
                           "WHERE w.surveyed = 1 "
                           "AND (?1 IS NULL OR w.start_date >= ?1) "
                           "AND (?2 IS NULL OR w.start_date <= ?2) "
                           "ORDER BY w.start_date, w.code, ad.name, p.name, r.id",
                           error);
  if (stmt == NULL)
    return NULL;
  fu_sqlite_bind_day (stmt, 1, from);
  fu_sqlite_bind_day (stmt, 2, to);
  return collect_rows (self, stmt, (RowFunc) reply_row_from_row,
                       (GDestroyNotify) fu_reply_row_free, _("Could not list the replies"), error);
}
