/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-followups.c: follow-ups and reminders */

#define G_LOG_DOMAIN "fu-pg-followups"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-pg-private.h"
#include "fu-rules.h"

static const char *
value_or_null (const PGresult *res,
               int             row,
               int             col)
{
  return PQgetisnull (res, row, col) ? NULL : PQgetvalue (res, row, col);
}

typedef struct {
  FuFollowupWalk *walk;
  gboolean        rows;
} Walking;

/* Row @i of @res to the walk; FALSE when it has enough. */
static gboolean
walk_row_at (const PGresult *res,
             int             i,
             Walking        *walking)
{
  FuFollowupRead read = { 0, };

  read.workshop_id = fu_pg_int64 (res, i, FCOL_WORKSHOP_ID);
  read.end = fu_pg_day (res, i, FCOL_END);
  read.planned_override = fu_pg_day (res, i, FCOL_PLANNED_OVERRIDE);
  read.sent = fu_pg_day (res, i, FCOL_SENT);
  read.deadline = fu_pg_day (res, i, FCOL_DEADLINE);
  read.closed = fu_pg_day (res, i, FCOL_CLOSED);
  read.received = fu_pg_day (res, i, FCOL_RECEIVED);
  read.last_reminder = fu_pg_day (res, i, FCOL_LAST_REMINDER);
  if (walking->rows)
    {
      read.followup_id = fu_pg_int64 (res, i, FCOL_FOLLOWUP_ID);
      read.attendance_id = fu_pg_int64 (res, i, FCOL_ATTENDANCE_ID);
      read.participant_id = fu_pg_int64 (res, i, FCOL_PARTICIPANT_ID);
      read.administration_id = fu_pg_int64 (res, i, FCOL_ADMINISTRATION_ID);
      read.code = value_or_null (res, i, FCOL_CODE);
      read.title = value_or_null (res, i, FCOL_TITLE);
      read.start = fu_pg_day (res, i, FCOL_START);
      read.participant = value_or_null (res, i, FCOL_PARTICIPANT);
      read.email = value_or_null (res, i, FCOL_EMAIL);
      read.administration = value_or_null (res, i, FCOL_ADMINISTRATION);
      read.n_reminders = (guint) fu_pg_int64 (res, i, FCOL_N_REMINDERS);
    }
  return fu_followup_walk_add (walking->walk, &read);
}

static gboolean
walk_row (const PGresult *res,
          int             row,
          gpointer        user_data)
{
  return walk_row_at (res, row, user_data);
}

/* Gives the query's rows to @walk. */
gboolean
fu_pg_walk_followups (FuStore               *self,
                      const FuFollowupQuery *query,
                      gboolean               rows,
                      FuFollowupWalk        *walk,
                      GError               **error)
{
  g_autofree char *sql = fu_followup_sql (query, rows, TRUE);
  g_autoptr(FuPgParams) values = fu_pg_params_new ();
  Walking walking = { walk, rows };

  /* ?1 to ?6, as fu_followup_sql() numbers them. */
  fu_pg_params_day (values, query->as_of);
  fu_pg_params_id (values, query->workshop_id);
  fu_pg_params_id (values, query->administration_id);
  fu_pg_params_day (values, query->from);
  fu_pg_params_day (values, query->to);
  fu_pg_params_day (values, query->replied_since);
  /* Pages (the board) as the server sends the rows, the first at once; a whole list or a
   * count in one result, which is quicker for all of them. */
  if (fu_followup_walk_get_first_page (walk) > 0)
    return fu_pg_query_rows (self, sql, values, fu_followup_walk_get_first_page (walk),
                             walk_row, &walking,
                             N_("Could not list the follow-ups"), error);
  {
    g_autoptr(FuPgResult) res = fu_pg_query_numbered (self, sql, values,
                                                      N_("Could not list the follow-ups"), error);

    if (res == NULL)
      return FALSE;
    for (int i = 0; i < PQntuples (res) && walk_row_at (res, i, &walking); i++)
      ;
    return TRUE;
  }
}

/* ---- Marking ------------------------------------------------------------------------------ */

static gboolean
followup_not_found (gint64   followup_id,
                    GError **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
               _("There is no follow-up with id %lld"), (long long) followup_id);
  return FALSE;
}

/* Runs @sql with ?1 = @id, ?2 = @date and ?3 = @day (SQLite's numbering); *n_changed is how
 * many rows it changed. */
static gboolean
run_marking (FuStore    *self,
             const char *sql,
             gint64      id,
             FuDay       date,
             FuDay       day,
             const char *what,
             guint      *n_changed,
             GError    **error)
{
  g_autoptr(FuPgParams) values = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (values, id);
  fu_pg_params_day (values, date);
  fu_pg_params_day (values, day);
  res = fu_pg_query_numbered (self, sql, values, what, error);
  if (res == NULL)
    return FALSE;
  if (n_changed != NULL)
    *n_changed = (guint) g_ascii_strtoull (PQcmdTuples (res), NULL, 10);
  return TRUE;
}

/* The workshop's reply-deadline override, if it is surveyed (else nothing is marked). */
static gboolean
workshop_schedule (FuStore  *self,
                   gint64    workshop_id,
                   FuDay    *deadline_override,
                   gboolean *surveyed,
                   GError  **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, workshop_id);
  res = fu_pg_query (self, "SELECT deadline_override, surveyed FROM workshop WHERE id = $1",
                     params, N_("Could not read a workshop"), error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no workshop with id %lld"), (long long) workshop_id);
      return FALSE;
    }
  *deadline_override = fu_pg_day (res, 0, 0);
  *surveyed = fu_pg_int64 (res, 0, 1) != 0;
  return TRUE;
}

/* Concurrent marking of the same follow-ups: the second UPDATE waits for the first and
 * finds them sent; the second reminder of a day is refused by the table's key. */
#define MARK_SENT \
  "UPDATE followup SET sent_date = ?2, deadline = ?3 " \
  "WHERE sent_date IS NULL AND closed_date IS NULL " \
  "AND attendance_id IN (SELECT id FROM attendance WHERE workshop_id = ?1) " \
  "AND NOT EXISTS (SELECT 1 FROM reply r WHERE r.followup_id = followup.id)"

/* The condition for a reminder on ?2: sent by then, no reply received by then, not closed
 * by then, and not reminded that same day already. */
#define REMINDABLE \
  "f.sent_date <= ?2 AND (f.closed_date IS NULL OR f.closed_date > ?2) " \
  "AND NOT EXISTS (SELECT 1 FROM reply r WHERE r.followup_id = f.id AND r.received_date <= ?2) " \
  "AND NOT EXISTS (SELECT 1 FROM reminder m WHERE m.followup_id = f.id AND m.sent_date = ?2)"

#define MARK_REMINDED \
  "INSERT INTO reminder (followup_id, sent_date) SELECT f.id, ?2 FROM followup f " \
  "JOIN attendance a ON a.id = f.attendance_id WHERE a.workshop_id = ?1 AND " REMINDABLE \
  " ORDER BY f.id ON CONFLICT DO NOTHING"

static gboolean
mark_workshop (FuStore    *self,
               gboolean    sent,
               gint64      workshop_id,
               FuDay       date,
               guint      *n_changed,
               GError    **error)
{
  FuDay deadline_override = FU_DAY_NONE;
  gboolean surveyed = FALSE;
  guint changed = 0;
  FuRules rules;
  gboolean ok;

  if (n_changed != NULL)
    *n_changed = 0;
  fu_store_get_rules (self, &rules);
  if (!fu_pg_begin (self, error))
    return FALSE;
  ok = workshop_schedule (self, workshop_id, &deadline_override, &surveyed, error);
  if (ok && surveyed)
    ok = sent ? run_marking (self, MARK_SENT, workshop_id, date,
                             fu_schedule_deadline (&rules, date, deadline_override),
                             N_("Could not mark the questionnaires sent"), &changed, error)
              : run_marking (self, MARK_REMINDED, workshop_id, date, FU_DAY_NONE,
                             N_("Could not record the reminders"), &changed, error);
  if (!fu_pg_finish (self, ok, error))
    return FALSE;
  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;
}

gboolean
fu_pg_mark_sent (FuStore *self,
                 gint64   workshop_id,
                 FuDay    date,
                 guint   *n_changed,
                 GError **error)
{
  return mark_workshop (self, TRUE, workshop_id, date, n_changed, error);
}

gboolean
fu_pg_mark_reminded (FuStore *self,
                     gint64   workshop_id,
                     FuDay    date,
                     guint   *n_changed,
                     GError **error)
{
  return mark_workshop (self, FALSE, workshop_id, date, n_changed, error);
}

/* Sends one chosen questionnaire, unless it is already sent, replied or closed. */
static gboolean
mark_one_sent (FuStore       *self,
               const FuRules *rules,
               gint64         followup_id,
               FuDay          date,
               GError       **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, followup_id);
  res = fu_pg_query (self,
                     "SELECT w.deadline_override FROM followup f "
                     "JOIN attendance a ON a.id = f.attendance_id "
                     "JOIN workshop w ON w.id = a.workshop_id WHERE f.id = $1",
                     params, N_("Could not read a follow-up"), error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    return followup_not_found (followup_id, error);
  return run_marking (self,
                      "UPDATE followup SET sent_date = ?2, deadline = ?3 WHERE id = ?1 "
                      "AND sent_date IS NULL AND closed_date IS NULL "
                      "AND NOT EXISTS (SELECT 1 FROM reply r WHERE r.followup_id = followup.id)",
                      followup_id, date, fu_schedule_deadline (rules, date, fu_pg_day (res, 0, 0)),
                      N_("Could not mark a questionnaire sent"), NULL, error);
}

static gboolean
mark_one_reminded (FuStore       *self,
                   const FuRules *rules,
                   gint64         followup_id,
                   FuDay          date,
                   GError       **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  gint64 exists = 0;

  fu_pg_params_int (params, followup_id);
  if (!fu_pg_select_id (self, "SELECT id FROM followup WHERE id = $1", params,
                        N_("Could not read a follow-up"), &exists, error))
    return FALSE;
  if (exists == 0)
    return followup_not_found (followup_id, error);
  return run_marking (self,
                      "INSERT INTO reminder (followup_id, sent_date) "
                      "SELECT f.id, ?2 FROM followup f WHERE f.id = ?1 AND " REMINDABLE
                      " ON CONFLICT DO NOTHING",
                      followup_id, date, FU_DAY_NONE, N_("Could not record a reminder"), NULL,
                      error);
}

typedef gboolean (*MarkFollowupFunc) (FuStore *self, const FuRules *rules, gint64 followup_id,
                                      FuDay date, GError **error);

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
  if (!fu_pg_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < n_ids; i++)
    ok = func (self, &rules, followup_ids[i], date, error);
  return fu_pg_finish (self, ok, error);
}

gboolean
fu_pg_mark_followups_sent (FuStore      *self,
                           const gint64 *followup_ids,
                           guint         n_ids,
                           FuDay         date,
                           GError      **error)
{
  return mark_followups (self, mark_one_sent, followup_ids, n_ids, date, error);
}

gboolean
fu_pg_mark_followups_reminded (FuStore      *self,
                               const gint64 *followup_ids,
                               guint         n_ids,
                               FuDay         date,
                               GError      **error)
{
  return mark_followups (self, mark_one_reminded, followup_ids, n_ids, date, error);
}

/* FU_DAY_NONE as @date reopens a closed follow-up. */
gboolean
fu_pg_close_followup (FuStore    *self,
                      gint64      followup_id,
                      FuDay       date,
                      const char *reason,
                      GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autofree char *not_found = g_strdup_printf (_("There is no follow-up with id %lld"),
                                                (long long) followup_id);

  fu_pg_params_int (params, followup_id);
  fu_pg_params_day (params, date);
  fu_pg_params_text (params, date != FU_DAY_NONE ? reason : NULL);
  return fu_pg_change_one (self,
                           "UPDATE followup SET closed_date = $2, closed_reason = $3 WHERE id = $1",
                           params, N_("Could not close the follow-up"), not_found, error);
}

gboolean
fu_pg_close_followups (FuStore      *self,
                       const gint64 *followup_ids,
                       guint         n_ids,
                       FuDay         date,
                       const char   *reason,
                       GError      **error)
{
  gboolean ok = TRUE;

  if (!fu_pg_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_ids && ok; i++)
    ok = fu_pg_close_followup (self, followup_ids[i], date, reason, error);
  return fu_pg_finish (self, ok, error);
}

gboolean
fu_pg_reopen_followups (FuStore      *self,
                        const gint64 *followup_ids,
                        guint         n_ids,
                        GError      **error)
{
  gboolean ok = TRUE;

  if (!fu_pg_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_ids && ok; i++)
    ok = fu_pg_close_followup (self, followup_ids[i], FU_DAY_NONE, NULL, error);
  return fu_pg_finish (self, ok, error);
}

FuFollowupRow *
fu_pg_get_followup (FuStore *self,
                    gint64   followup_id,
                    FuDay    as_of,
                    GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(GPtrArray) rows = NULL;
  FuFollowupQuery query = { 0, };

  /* The workshop narrows the list to its attendances; the row itself then comes from the
   * same code that fills the board, so that both agree on dates and status. */
  fu_pg_params_int (params, followup_id);
  if (!fu_pg_select_id (self,
                        "SELECT a.workshop_id FROM followup f "
                        "JOIN attendance a ON a.id = f.attendance_id WHERE f.id = $1",
                        params, N_("Could not read a follow-up"), &query.workshop_id, error))
    return NULL;
  if (query.workshop_id == 0)
    {
      followup_not_found (followup_id, error);
      return NULL;
    }
  query.as_of = as_of;
  rows = fu_store_list_followups (self, &query, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    if (((FuFollowupRow *) g_ptr_array_index (rows, i))->followup_id == followup_id)
      return g_ptr_array_steal_index_fast (rows, i);
  followup_not_found (followup_id, error);
  return NULL;
}
