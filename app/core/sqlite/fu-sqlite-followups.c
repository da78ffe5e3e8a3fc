/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-followups.c: follow-ups and reminders */

#define G_LOG_DOMAIN "fu-sqlite-followups.c.par"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-sqlite-private.h"

/* ---- Follow-ups -------------------------------------------------------------------------- */

gboolean
fu_sqlite_lookup_followup (FuStore *self,
                           gint64   attendance_id,
                           gint64  *followup_id,
                           GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *followup_id = 0;
  stmt = fu_sqlite_prepare (self, "SELECT id FROM followup WHERE attendance_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attendance_id);
  return step_id (self, stmt, followup_id, N_("Could not look up a follow-up"), error);
}

static void
bind_followup_query (sqlite3_stmt          *stmt,
                     const FuFollowupQuery *query)
{
  /* Parameters missing from this variant's SQL are out of range: SQLite ignores them. */
  fu_sqlite_bind_day (stmt, 1, query->as_of);
  if (query->workshop_id != 0)
    sqlite3_bind_int64 (stmt, 2, query->workshop_id);
  if (query->administration_id != 0)
    sqlite3_bind_int64 (stmt, 3, query->administration_id);
  if (query->from != FU_DAY_NONE)
    fu_sqlite_bind_day (stmt, 4, query->from);
  if (query->to != FU_DAY_NONE)
    fu_sqlite_bind_day (stmt, 5, query->to);
  if (query->replied_since != FU_DAY_NONE)
    fu_sqlite_bind_day (stmt, 6, query->replied_since);
}

/* Gives the query's rows to @walk, as they are read. */
gboolean
fu_sqlite_walk_followups (FuStore               *self,
                          const FuFollowupQuery *query,
                          gboolean               rows,
                          FuFollowupWalk        *walk,
                          GError               **error)
{
  g_autofree char *sql = fu_followup_sql (query, rows, FALSE);
  g_autoptr(FuStmt) stmt = NULL;
  int rc = SQLITE_DONE;

  stmt = fu_sqlite_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_followup_query (stmt, query);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FuFollowupRead read = { 0, };

      read.workshop_id = sqlite3_column_int64 (stmt, FCOL_WORKSHOP_ID);
      read.end = fu_sqlite_column_day (stmt, FCOL_END);
      read.planned_override = fu_sqlite_column_day (stmt, FCOL_PLANNED_OVERRIDE);
      read.sent = fu_sqlite_column_day (stmt, FCOL_SENT);
      read.deadline = fu_sqlite_column_day (stmt, FCOL_DEADLINE);
      read.closed = fu_sqlite_column_day (stmt, FCOL_CLOSED);
      read.received = fu_sqlite_column_day (stmt, FCOL_RECEIVED);
      read.last_reminder = fu_sqlite_column_day (stmt, FCOL_LAST_REMINDER);
      if (rows)
        {
          read.followup_id = sqlite3_column_int64 (stmt, FCOL_FOLLOWUP_ID);
          read.attendance_id = sqlite3_column_int64 (stmt, FCOL_ATTENDANCE_ID);
          read.participant_id = sqlite3_column_int64 (stmt, FCOL_PARTICIPANT_ID);
          read.administration_id = sqlite3_column_int64 (stmt, FCOL_ADMINISTRATION_ID);
          read.code = (const char *) sqlite3_column_text (stmt, FCOL_CODE);
          read.title = (const char *) sqlite3_column_text (stmt, FCOL_TITLE);
          read.start = fu_sqlite_column_day (stmt, FCOL_START);
          read.participant = (const char *) sqlite3_column_text (stmt, FCOL_PARTICIPANT);
          read.email = (const char *) sqlite3_column_text (stmt, FCOL_EMAIL);
          read.administration = (const char *) sqlite3_column_text (stmt, FCOL_ADMINISTRATION);
          read.n_reminders = (guint) sqlite3_column_int (stmt, FCOL_N_REMINDERS);
        }
      if (!fu_followup_walk_add (walk, &read))
        break;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return fu_sqlite_set_error (self, error, _("Could not list the follow-ups"));
  return TRUE;
}




/* The workshop's reply-deadline override and whether it is surveyed. */
static gboolean
get_workshop_schedule (FuStore  *self,
                       gint64    workshop_id,
                       FuDay    *deadline_override,
                       gboolean *surveyed,
                       GError  **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gboolean found;

  stmt = select_one_by_id (self, "SELECT deadline_override, surveyed FROM workshop WHERE id = ?1",
                           workshop_id, &found, N_("Could not read a workshop"), error);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    return workshop_not_found (workshop_id, error);
  *deadline_override = fu_sqlite_column_day (stmt, 0);
  *surveyed = sqlite3_column_int (stmt, 1) != 0;
  return TRUE;
}

/* Marks the follow-ups of a surveyed workshop; *n_changed is how many it marked. */
typedef gboolean (*MarkWorkshopFunc) (FuStore *self,
                                      gint64   workshop_id,
                                      FuDay    date,
                                      FuDay    deadline_override,
                                      guint   *n_changed,
                                      GError **error);

/* Runs @func in a transaction; a workshop that is not surveyed has nothing to mark. */
static gboolean
mark_workshop (FuStore          *self,
               MarkWorkshopFunc  func,
               gint64            workshop_id,
               FuDay             date,
               guint            *n_changed,
               GError          **error)
{
  guint changed = 0;
  FuDay deadline_override = FU_DAY_NONE;
  gboolean surveyed = FALSE;
  gboolean ok;

  if (n_changed != NULL)
    *n_changed = 0;

  if (!fu_store_begin (self, error))
    return FALSE;
  ok = get_workshop_schedule (self, workshop_id, &deadline_override, &surveyed, error);
  if (ok && surveyed)
    ok = func (self, workshop_id, date, deadline_override, &changed, error);
  if (!fu_sqlite_finish (self, ok, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;
}

static gboolean
mark_sent (FuStore *self,
           gint64   workshop_id,
           FuDay    date,
           FuDay    deadline_override,
           guint   *n_changed,
           GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  FuRules rules;

  fu_store_get_rules (self, &rules);
  stmt = fu_sqlite_prepare (self,
                           "UPDATE followup SET sent_date = ?2, deadline = ?3 "
                           "WHERE sent_date IS NULL AND closed_date IS NULL "
                           "AND attendance_id IN "
                           "(SELECT id FROM attendance WHERE workshop_id = ?1) "
                           "AND NOT EXISTS "
                           "(SELECT 1 FROM reply r WHERE r.followup_id = followup.id)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  fu_sqlite_bind_day (stmt, 2, date);
  fu_sqlite_bind_day (stmt, 3, fu_schedule_deadline (&rules, date, deadline_override));
  if (!step_done (self, stmt, N_("Could not mark the questionnaires sent"), error))
    return FALSE;
  *n_changed = (guint) sqlite3_changes (FU_SQLITE (self)->db);
  return TRUE;
}

gboolean
fu_sqlite_mark_sent (FuStore *self,
                     gint64   workshop_id,
                     FuDay    date,
                     guint   *n_changed,
                     GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mark_workshop (self, mark_sent, workshop_id, date, n_changed, error);
}

/* The condition for a reminder on ?2: sent by then, no reply received by then, not closed
 * by then, and not reminded that same day already. */
#define REMINDABLE \
  "f.sent_date <= ?2 AND (f.closed_date IS NULL OR f.closed_date > ?2) " \
  "AND NOT EXISTS (SELECT 1 FROM reply r WHERE r.followup_id = f.id AND r.received_date <= ?2) " \
  "AND NOT EXISTS (SELECT 1 FROM reminder m WHERE m.followup_id = f.id AND m.sent_date = ?2)"

static gboolean
mark_reminded (FuStore *self,
               gint64   workshop_id,
               FuDay    date,
               FuDay    deadline_override,
               guint   *n_changed,
               GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self,
                           "INSERT INTO reminder (followup_id, sent_date) "
                           "SELECT f.id, ?2 FROM followup f "
                           "JOIN attendance a ON a.id = f.attendance_id "
                           "WHERE a.workshop_id = ?1 AND " REMINDABLE,
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  fu_sqlite_bind_day (stmt, 2, date);
  if (!step_done (self, stmt, N_("Could not record the reminders"), error))
    return FALSE;
  *n_changed = (guint) sqlite3_changes (FU_SQLITE (self)->db);
  return TRUE;
}

gboolean
fu_sqlite_mark_reminded (FuStore *self,
                         gint64   workshop_id,
                         FuDay    date,
                         guint   *n_changed,
                         GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mark_workshop (self, mark_reminded, workshop_id, date, n_changed, error);
}

/* Marks one chosen follow-up; FALSE with an error when it does not exist. */
typedef gboolean (*MarkFollowupFunc) (FuStore       *self,
                                      const FuRules *rules,
                                      gint64         followup_id,
                                      FuDay          date,
                                      GError       **error);

/* Runs @func on every follow-up, in one transaction. */
static gboolean
mark_followups (FuStore          *self,
                MarkFollowupFunc  func,
                const gint64     *followup_ids,
                guint             n_ids,
                FuDay             date,
                GError          **error)
{
  FuRules rules;
  gboolean ok = TRUE;

  fu_store_get_rules (self, &rules);
  if (!fu_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_ids; i++)
    ok = func (self, &rules, followup_ids[i], date, error);
  return fu_sqlite_finish (self, ok, error);
}

/* Sends one chosen questionnaire, unless it is already sent, replied or closed. */
static gboolean
mark_one_sent (FuStore       *self,
               const FuRules *rules,
               gint64         followup_id,
               FuDay          date,
               GError       **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(FuStmt) update = NULL;
  FuDay deadline_override;
  gboolean found;

  stmt = select_one_by_id (self,
                           "SELECT w.deadline_override,"
                           " f.sent_date IS NULL AND f.closed_date IS NULL"
                           " AND NOT EXISTS (SELECT 1 FROM reply r WHERE r.followup_id = f.id)"
                           " FROM followup f JOIN attendance a ON a.id = f.attendance_id"
                           " JOIN workshop w ON w.id = a.workshop_id WHERE f.id = ?1",
                           followup_id, &found, N_("Could not read a follow-up"), error);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    return followup_not_found (followup_id, error);
  if (sqlite3_column_int (stmt, 1) == 0)
    return TRUE;
  deadline_override = fu_sqlite_column_day (stmt, 0);
  sqlite3_reset (stmt);

  update = fu_sqlite_prepare (self,
                             "UPDATE followup SET sent_date = ?2, deadline = ?3 WHERE id = ?1",
                             error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, followup_id);
  fu_sqlite_bind_day (update, 2, date);
  fu_sqlite_bind_day (update, 3, fu_schedule_deadline (rules, date, deadline_override));
  return step_done (self, update, N_("Could not mark a questionnaire sent"), error);
}

gboolean
fu_sqlite_mark_followups_sent (FuStore      *self,
                               const gint64 *followup_ids,
                               guint         n_ids,
                               FuDay         date,
                               GError      **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mark_followups (self, mark_one_sent, followup_ids, n_ids, date, error);
}

static gboolean
mark_one_reminded (FuStore       *self,
                   const FuRules *rules,
                   gint64         followup_id,
                   FuDay          date,
                   GError       **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(FuStmt) exists = NULL;
  gboolean found;

  stmt = fu_sqlite_prepare (self,
                           "INSERT INTO reminder (followup_id, sent_date) "
                           "SELECT f.id, ?2 FROM followup f WHERE f.id = ?1 AND " REMINDABLE,
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  fu_sqlite_bind_day (stmt, 2, date);
  if (!step_done (self, stmt, N_("Could not record a reminder"), error))
    return FALSE;
  if (sqlite3_changes (FU_SQLITE (self)->db) > 0)
    return TRUE;

  /* Nothing to remind: fine, unless the follow-up does not exist. */
  exists = select_one_by_id (self, "SELECT 1 FROM followup WHERE id = ?1", followup_id, &found,
                             N_("Could not read a follow-up"), error);
  if (exists == NULL)
    return FALSE;
  return found ? TRUE : followup_not_found (followup_id, error);
}

gboolean
fu_sqlite_mark_followups_reminded (FuStore      *self,
                                   const gint64 *followup_ids,
                                   guint         n_ids,
                                   FuDay         date,
                                   GError      **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (date != FU_DAY_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return mark_followups (self, mark_one_reminded, followup_ids, n_ids, date, error);
}

static gboolean
close_followup (FuStore    *self,
                gint64      followup_id,
                FuDay       date,
                const char *reason,
                GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self,
                           "UPDATE followup SET closed_date = ?2, closed_reason = ?3 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  fu_sqlite_bind_day (stmt, 2, date);
  fu_sqlite_bind_text (stmt, 3, date != FU_DAY_NONE ? reason : NULL);
  if (!step_done (self, stmt, N_("Could not close the follow-up"), error))
    return FALSE;
  if (sqlite3_changes (FU_SQLITE (self)->db) == 0)
    return followup_not_found (followup_id, error);
  return TRUE;
}

/* FU_DAY_NONE as @date reopens a closed follow-up. */
gboolean
fu_sqlite_close_followup (FuStore    *self,
                          gint64      followup_id,
                          FuDay       date,
                          const char *reason,
                          GError    **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, close_followup (self, followup_id, date, reason, error), error);
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
    fu_sqlite_set_error (self, error, what);
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

  stmt = fu_sqlite_prepare (self, "SELECT 1 FROM followup WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, followup_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    return followup_not_found (followup_id, error);
  return fu_sqlite_set_error (self, error, _("Could not read a follow-up"));
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
      stmt = fu_sqlite_prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, followup_ids[i]);
      fu_sqlite_bind_day (stmt, 2, date);
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
  return fu_sqlite_finish (self, run_for_each (self, sql, followup_ids, n_ids, date, what, error),
                          error);
}

gboolean
fu_sqlite_close_followups (FuStore      *self,
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
  return fu_sqlite_finish (self, ok, error);
}

gboolean
fu_sqlite_reopen_followups (FuStore      *self,
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
fu_sqlite_get_followup (FuStore *self,
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
  stmt = fu_sqlite_prepare (self,
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
      fu_sqlite_set_error (self, error, _("Could not read a follow-up"));
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
