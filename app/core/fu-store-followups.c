/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-store-followups"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-error.h"
#include "fu-store-followups.h"
#include "fu-store-private.h"

static gboolean
followup_not_found (gint64   followup_id,
                    GError **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
               _("There is no follow-up with id %lld"), (long long) followup_id);
  return FALSE;
}

/* Steps a write statement and resets it, so that the store's cache can hand it out again. */
static gboolean
run (FuStore      *self,
     sqlite3_stmt *stmt,
     const char   *what,
     GError      **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    fu_store_set_error (self, error, what);
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
followup_exists (FuStore *self,
                 gint64   followup_id,
                 GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = fu_store_prepare (self, "SELECT 1 FROM followup WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return followup_not_found (followup_id, error);
  return fu_store_set_error (self, error, _("Could not read a follow-up"));
}

/* Runs @sql with (?1 = id, ?2 = @date) for every id; each id must be a follow-up. */
static gboolean
run_for_each (FuStore      *self,
              const char   *sql,
              const gint64 *followup_ids,
              guint         n_ids,
              FuDay         date,
              const char   *what,
              GError      **error)
{
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_stmt *stmt;

      if (!followup_exists (self, followup_ids[i], error))
        return FALSE;
      stmt = fu_store_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, followup_ids[i]);
      fu_store_bind_day (stmt, 2, date);
      if (!run (self, stmt, what, error))
        return FALSE;
    }
  return TRUE;
}

/* run_for_each() in one transaction: all or nothing. */
static gboolean
for_each_followup (FuStore      *self,
                   const char   *sql,
                   const gint64 *followup_ids,
                   guint         n_ids,
                   FuDay         date,
                   const char   *what,
                   GError      **error)
{
  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_store_finish (self, run_for_each (self, sql, followup_ids, n_ids, date, what, error),
                          error);
}

gboolean
fu_store_unmark_followups_sent (FuStore      *self,
                                const gint64 *followup_ids,
                                guint         n_ids,
                                FuDay         date,
                                GError      **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return for_each_followup (self,
                            "UPDATE followup SET sent_date = NULL, deadline = NULL "
                            "WHERE id = ?1 AND sent_date = ?2",
                            followup_ids, n_ids, date,
                            _("Could not undo sending a questionnaire"), error);
}

gboolean
fu_store_delete_reminders_on (FuStore      *self,
                              const gint64 *followup_ids,
                              guint         n_ids,
                              FuDay         date,
                              GError      **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return for_each_followup (self,
                            "DELETE FROM reminder WHERE followup_id = ?1 AND sent_date = ?2",
                            followup_ids, n_ids, date,
                            _("Could not delete a reminder"), error);
}

gboolean
fu_store_close_followups (FuStore      *self,
                          const gint64 *followup_ids,
                          guint         n_ids,
                          FuDay         date,
                          const char   *reason,
                          GError      **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_ids && ok; i++)
    ok = fu_store_close_followup (self, followup_ids[i], date, reason, error);
  return fu_store_finish (self, ok, error);
}

gboolean
fu_store_reopen_followups (FuStore      *self,
                           const gint64 *followup_ids,
                           guint         n_ids,
                           GError      **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The statement has no ?2: binding the date is ignored. */
  return for_each_followup (self,
                            "UPDATE followup SET closed_date = NULL, closed_reason = NULL "
                            "WHERE id = ?1",
                            followup_ids, n_ids, FU_DAY_NONE,
                            _("Could not reopen a follow-up"), error);
}

FuFollowupRow *
fu_store_get_followup (FuStore *self,
                       gint64   followup_id,
                       FuDay    as_of,
                       GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  FuFollowupQuery query = { 0, };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != FU_DAY_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The workshop narrows the list to its attendances; the row itself then comes from the
   * same code that fills the board, so that both agree on dates and status. */
  stmt = fu_store_prepare (self,
                           "SELECT a.workshop_id FROM followup f "
                           "JOIN attendance a ON a.id = f.attendance_id WHERE f.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    query.workshop_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      followup_not_found (followup_id, error);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      fu_store_set_error (self, error, _("Could not read a follow-up"));
      return NULL;
    }

  query.as_of = as_of;
  rows = fu_store_list_followups (self, &query, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (row->followup_id == followup_id)
        return g_ptr_array_steal_index_fast (rows, i);
    }

  followup_not_found (followup_id, error);
  return NULL;
}
