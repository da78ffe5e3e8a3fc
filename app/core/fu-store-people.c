/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-people.c: the Participants page's queries. The overview is one statement with
 * correlated counts on the attendance-by-participant index, so that 40,000 people with
 * 150,000 attendances load in one pass; a person's history and a workshop's attendees
 * compute each follow-up's status as fu_store_list_followups does. */

#define G_LOG_DOMAIN "fu-store-people"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-error.h"
#include "fu-rules.h"
#include "fu-store-people.h"
#include "fu-store-private.h"

typedef sqlite3_stmt FuPeopleStmt;

static void
fu_people_stmt_release (FuPeopleStmt *stmt)
{
  sqlite3_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuPeopleStmt, fu_people_stmt_release)

void
fu_participant_overview_free (FuParticipantOverview *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->administration);
  g_free (self->email);
  g_free (self->position);
  g_free (self);
}

void
fu_attendance_row_free (FuAttendanceRow *self)
{
  if (self == NULL)
    return;
  g_free (self->workshop_code);
  g_free (self->workshop_title);
  g_free (self->participant_name);
  g_free (self->administration);
  g_free (self->email);
  g_free (self->position);
  g_free (self);
}

/* ---- The overview ------------------------------------------------------------------------ */

GPtrArray *
fu_store_list_participant_overview (FuStore  *self,
                                    GError  **error)
{
  g_autoptr(FuPeopleStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_store_prepare (self,
                           "SELECT p.id, p.name, p.administration_id, ad.name, p.email, "
                           " p.position,"
                           " (SELECT count (*) FROM attendance a WHERE a.participant_id = p.id),"
                           " (SELECT count (*) FROM attendance a"
                           "   JOIN followup f ON f.attendance_id = a.id"
                           "   JOIN reply r ON r.followup_id = f.id"
                           "   WHERE a.participant_id = p.id)"
                           " FROM participant p"
                           " JOIN administration ad ON ad.id = p.administration_id"
                           " ORDER BY p.name, p.id",
                           error);
  if (stmt == NULL)
    return NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_participant_overview_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FuParticipantOverview *row = g_new0 (FuParticipantOverview, 1);

      row->participant_id = sqlite3_column_int64 (stmt, 0);
      row->name = fu_store_column_text (stmt, 1);
      row->administration_id = sqlite3_column_int64 (stmt, 2);
      row->administration = fu_store_column_text (stmt, 3);
      row->email = fu_store_column_text (stmt, 4);
      row->position = fu_store_column_text (stmt, 5);
      row->n_attendances = (guint) sqlite3_column_int (stmt, 6);
      row->n_replies = (guint) sqlite3_column_int (stmt, 7);
      g_ptr_array_add (list, row);
    }
  if (rc != SQLITE_DONE)
    {
      fu_store_set_error (self, error, _("Could not list the participants"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Attendances with their follow-ups ------------------------------------------------- */

enum {
  ACOL_ATTENDANCE_ID,
  ACOL_WORKSHOP_ID,
  ACOL_CODE,
  ACOL_TITLE,
  ACOL_START,
  ACOL_END,
  ACOL_SURVEYED,
  ACOL_PLANNED_OVERRIDE,
  ACOL_PARTICIPANT_ID,
  ACOL_PARTICIPANT,
  ACOL_ADMINISTRATION_ID,
  ACOL_ADMINISTRATION,
  ACOL_EMAIL,
  ACOL_POSITION,
  ACOL_FOLLOWUP_ID,
  ACOL_SENT,
  ACOL_DEADLINE,
  ACOL_CLOSED,
  ACOL_RECEIVED,
  ACOL_LAST_REMINDER,
  ACOL_N_REMINDERS,
};

/* ?1 is the workshop or the participant, ?2 the day asked about. */
#define ATTENDANCE_SQL \
  "SELECT a.id, w.id, w.code, w.title, w.start_date, w.end_date, w.surveyed," \
  " w.planned_override, p.id, p.name, p.administration_id, ad.name, p.email, p.position," \
  " f.id, f.sent_date, f.deadline, f.closed_date, r.received_date," \
  " (SELECT max (m.sent_date) FROM reminder m" \
  "   WHERE m.followup_id = f.id AND m.sent_date <= ?2)," \
  " (SELECT count (*) FROM reminder m" \
  "   WHERE m.followup_id = f.id AND m.sent_date <= ?2)" \
  " FROM attendance a" \
  " JOIN workshop w ON w.id = a.workshop_id" \
  " JOIN participant p ON p.id = a.participant_id" \
  " JOIN administration ad ON ad.id = p.administration_id" \
  " LEFT JOIN followup f ON f.attendance_id = a.id" \
  " LEFT JOIN reply r ON r.followup_id = f.id"

static FuAttendanceRow *
attendance_row_new (sqlite3_stmt  *stmt,
                    const FuRules *rules,
                    FuDay          as_of)
{
  FuAttendanceRow *row = g_new0 (FuAttendanceRow, 1);
  FuFollowupDates *dates = &row->dates;

  row->attendance_id = sqlite3_column_int64 (stmt, ACOL_ATTENDANCE_ID);
  row->workshop_id = sqlite3_column_int64 (stmt, ACOL_WORKSHOP_ID);
  row->workshop_code = fu_store_column_text (stmt, ACOL_CODE);
  row->workshop_title = fu_store_column_text (stmt, ACOL_TITLE);
  row->workshop_start = fu_store_column_day (stmt, ACOL_START);
  row->workshop_end = fu_store_column_day (stmt, ACOL_END);
  row->participant_id = sqlite3_column_int64 (stmt, ACOL_PARTICIPANT_ID);
  row->participant_name = fu_store_column_text (stmt, ACOL_PARTICIPANT);
  row->administration_id = sqlite3_column_int64 (stmt, ACOL_ADMINISTRATION_ID);
  row->administration = fu_store_column_text (stmt, ACOL_ADMINISTRATION);
  row->email = fu_store_column_text (stmt, ACOL_EMAIL);
  row->position = fu_store_column_text (stmt, ACOL_POSITION);
  row->followup_id = sqlite3_column_int64 (stmt, ACOL_FOLLOWUP_ID);

  /* A workshop no longer surveyed keeps its follow-ups, but lists hide them. */
  row->surveyed = sqlite3_column_int (stmt, ACOL_SURVEYED) != 0 && row->followup_id != 0;
  if (!row->surveyed)
    {
      row->followup_id = 0;
      return row;
    }

  /* What had happened by the day asked about, as fu_store_list_followups sees it. */
  dates->planned = fu_schedule_planned_date (rules, row->workshop_end,
                                             fu_store_column_day (stmt, ACOL_PLANNED_OVERRIDE));
  dates->sent = fu_store_column_day (stmt, ACOL_SENT);
  dates->deadline = fu_store_column_day (stmt, ACOL_DEADLINE);
  dates->last_reminder = fu_store_column_day (stmt, ACOL_LAST_REMINDER);
  dates->received = fu_store_column_day (stmt, ACOL_RECEIVED);
  dates->closed = fu_store_column_day (stmt, ACOL_CLOSED);
  if (dates->sent > as_of)
    dates->sent = dates->deadline = dates->last_reminder = FU_DAY_NONE;
  if (dates->received > as_of)
    dates->received = FU_DAY_NONE;
  if (dates->closed > as_of)
    dates->closed = FU_DAY_NONE;

  row->n_reminders = dates->sent != FU_DAY_NONE
                     ? (guint) sqlite3_column_int (stmt, ACOL_N_REMINDERS) : 0;
  row->status = fu_followup_status (rules, dates, as_of);
  return row;
}

static GPtrArray *
list_attendances (FuStore     *self,
                  const char  *sql,
                  gint64       id,
                  FuDay        as_of,
                  const char  *what,
                  GError     **error)
{
  g_autoptr(FuPeopleStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  FuRules rules;
  int rc;

  fu_store_get_rules (self, &rules);

  stmt = fu_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  fu_store_bind_day (stmt, 2, as_of);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_attendance_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, attendance_row_new (stmt, &rules, as_of));
  if (rc != SQLITE_DONE)
    {
      fu_store_set_error (self, error, what);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
fu_store_list_participant_history (FuStore  *self,
                                   gint64    participant_id,
                                   FuDay     as_of,
                                   GError  **error)
{
  g_autoptr(FuParticipant) participant = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != FU_DAY_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  participant = fu_store_get_participant (self, participant_id, error);
  if (participant == NULL)
    return NULL;

  return list_attendances (self,
                           ATTENDANCE_SQL
                           " WHERE a.participant_id = ?1"
                           " ORDER BY w.start_date, w.code",
                           participant_id, as_of,
                           _("Could not list the participant's workshops"), error);
}

GPtrArray *
fu_store_list_workshop_attendees (FuStore  *self,
                                  gint64    workshop_id,
                                  FuDay     as_of,
                                  GError  **error)
{
  g_autoptr(FuWorkshop) workshop = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != FU_DAY_NONE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  workshop = fu_store_get_workshop (self, workshop_id, error);
  if (workshop == NULL)
    return NULL;

  return list_attendances (self,
                           ATTENDANCE_SQL
                           " WHERE a.workshop_id = ?1"
                           " ORDER BY ad.name, p.name, a.id",
                           workshop_id, as_of,
                           _("Could not list the workshop's attendees"), error);
}

/* ---- Merging ----------------------------------------------------------------------------- */

/* A workshop both records attended. */
typedef struct {
  gint64  keep_attendance;
  gint64  remove_attendance;
  gint64  keep_followup;
  gint64  remove_followup;
  gboolean keep_replied;
  gboolean remove_replied;
  char   *code;
} Overlap;

static void
overlap_free (Overlap *overlap)
{
  g_free (overlap->code);
  g_free (overlap);
}

static GPtrArray *
list_overlaps (FuStore  *self,
               gint64    keep_id,
               gint64    remove_id,
               GError  **error)
{
  g_autoptr(FuPeopleStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  stmt = fu_store_prepare (self,
                           "SELECT ak.id, ar.id, fk.id, fr.id, rk.id IS NOT NULL,"
                           " rr.id IS NOT NULL, w.code"
                           " FROM attendance ak"
                           " JOIN attendance ar ON ar.workshop_id = ak.workshop_id"
                           "  AND ar.participant_id = ?2"
                           " JOIN workshop w ON w.id = ak.workshop_id"
                           " LEFT JOIN followup fk ON fk.attendance_id = ak.id"
                           " LEFT JOIN reply rk ON rk.followup_id = fk.id"
                           " LEFT JOIN followup fr ON fr.attendance_id = ar.id"
                           " LEFT JOIN reply rr ON rr.followup_id = fr.id"
                           " WHERE ak.participant_id = ?1"
                           " ORDER BY w.start_date, w.code",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, keep_id);
  sqlite3_bind_int64 (stmt, 2, remove_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) overlap_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Overlap *overlap = g_new0 (Overlap, 1);

      overlap->keep_attendance = sqlite3_column_int64 (stmt, 0);
      overlap->remove_attendance = sqlite3_column_int64 (stmt, 1);
      overlap->keep_followup = sqlite3_column_int64 (stmt, 2);
      overlap->remove_followup = sqlite3_column_int64 (stmt, 3);
      overlap->keep_replied = sqlite3_column_int (stmt, 4) != 0;
      overlap->remove_replied = sqlite3_column_int (stmt, 5) != 0;
      overlap->code = fu_store_column_text (stmt, 6);
      g_ptr_array_add (list, overlap);
    }
  if (rc != SQLITE_DONE)
    {
      fu_store_set_error (self, error, _("Could not compare the two participants' workshops"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
same_reply (const FuReply *a,
            const FuReply *b)
{
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    if (a->actions[i] != b->actions[i])
      return FALSE;
  return a->received_date == b->received_date
         && g_strcmp0 (a->answered_by, b->answered_by) == 0
         && a->colleagues_shared == b->colleagues_shared
         && g_strcmp0 (a->other_action_text, b->other_action_text) == 0
         && a->colleagues_learned == b->colleagues_learned
         && g_strcmp0 (a->lessons_use, b->lessons_use) == 0
         && a->direct_effects == b->direct_effects
         && g_strcmp0 (a->direct_effects_text, b->direct_effects_text) == 0
         && a->contributed == b->contributed
         && g_strcmp0 (a->contributed_text, b->contributed_text) == 0
         && a->project_initiated == b->project_initiated
         && g_strcmp0 (a->project_text, b->project_text) == 0;
}

static gboolean
run_with_id (FuStore    *self,
             const char *sql,
             gint64      id1,
             gint64      id2,
             const char *what,
             GError    **error)
{
  g_autoptr(FuPeopleStmt) stmt = fu_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id1);
  if (id2 != 0)
    sqlite3_bind_int64 (stmt, 2, id2);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fu_store_set_error (self, error, what);
  return TRUE;
}

/* Keeps one attendance of a workshop both attended: the one with the reply. */
static gboolean
merge_overlap (FuStore             *self,
               const Overlap       *overlap,
               const FuParticipant *keep,
               const FuParticipant *remove,
               GError             **error)
{
  gint64 drop;

  if (overlap->keep_replied && overlap->remove_replied)
    {
      g_autoptr(FuReply) keep_reply = fu_store_get_reply (self, overlap->keep_followup, error);
      g_autoptr(FuReply) remove_reply = NULL;

      if (keep_reply == NULL)
        return FALSE;
      remove_reply = fu_store_get_reply (self, overlap->remove_followup, error);
      if (remove_reply == NULL)
        return FALSE;
      if (!same_reply (keep_reply, remove_reply))
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                       _("Could not merge '%s' into '%s': both answered the questionnaire of "
                         "workshop '%s', differently. Delete the wrong reply first."),
                       remove->name, keep->name, overlap->code);
          return FALSE;
        }
    }

  /* The attendance that goes takes its follow-up, reminders and reply with it. */
  drop = overlap->remove_replied && !overlap->keep_replied
         ? overlap->keep_attendance : overlap->remove_attendance;
  return run_with_id (self, "DELETE FROM attendance WHERE id = ?1", drop, 0,
                      _("Could not merge the attendances"), error);
}

static gboolean
merge_participants (FuStore             *self,
                    const FuParticipant *keep,
                    const FuParticipant *remove,
                    GError             **error)
{
  g_autoptr(GPtrArray) overlaps = list_overlaps (self, keep->id, remove->id, error);
  g_autoptr(FuPeopleStmt) fill = NULL;

  if (overlaps == NULL)
    return FALSE;
  for (guint i = 0; i < overlaps->len; i++)
    if (!merge_overlap (self, g_ptr_array_index (overlaps, i), keep, remove, error))
      return FALSE;

  if (!run_with_id (self, "UPDATE attendance SET participant_id = ?1 WHERE participant_id = ?2",
                    keep->id, remove->id, _("Could not move the attendances"), error))
    return FALSE;
  if (!run_with_id (self, "DELETE FROM participant WHERE id = ?1", remove->id, 0,
                    _("Could not delete the merged participant"), error))
    return FALSE;

  /* Only now, since the e-mail is unique: what the kept record lacks, the other gives. */
  fill = fu_store_prepare (self,
                           "UPDATE participant SET email = coalesce (email, ?2),"
                           " position = coalesce (position, ?3), gender = coalesce (gender, ?4)"
                           " WHERE id = ?1",
                           error);
  if (fill == NULL)
    return FALSE;
  sqlite3_bind_int64 (fill, 1, keep->id);
  fu_store_bind_text (fill, 2, remove->email);
  fu_store_bind_text (fill, 3, remove->position);
  fu_store_bind_text (fill, 4, remove->gender);
  if (sqlite3_step (fill) != SQLITE_DONE)
    return fu_store_set_error (self, error, _("Could not update the kept participant"));
  return TRUE;
}

gboolean
fu_store_merge_participants (FuStore  *self,
                             gint64    keep_id,
                             gint64    remove_id,
                             GError  **error)
{
  g_autoptr(FuParticipant) keep = NULL;
  g_autoptr(FuParticipant) remove = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (keep_id == remove_id)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("Choose two different participants to merge"));
      return FALSE;
    }
  keep = fu_store_get_participant (self, keep_id, error);
  if (keep == NULL)
    return FALSE;
  remove = fu_store_get_participant (self, remove_id, error);
  if (remove == NULL)
    return FALSE;

  if (!fu_store_begin (self, error))
    return FALSE;
  if (!merge_participants (self, keep, remove, error))
    {
      fu_store_rollback (self);
      return FALSE;
    }
  if (!fu_store_commit (self, error))
    {
      fu_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* ---- Attendees as participants.csv lists them ---------------------------------------- */

void
fu_attendee_row_free (FuAttendeeRow *self)
{
  if (self == NULL)
    return;
  g_free (self->workshop_code);
  g_free (self->name);
  g_free (self->administration);
  g_free (self->email);
  g_free (self->position);
  g_free (self->gender);
  g_free (self);
}

GPtrArray *
fu_store_list_attendees (FuStore  *self,
                         gint64    workshop_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_store_prepare (self,
                           "SELECT w.code, p.name, ad.name, p.email, p.position, p.gender "
                           "FROM attendance a "
                           "JOIN workshop w ON w.id = a.workshop_id "
                           "JOIN participant p ON p.id = a.participant_id "
                           "JOIN administration ad ON ad.id = p.administration_id "
                           "WHERE ?1 = 0 OR a.workshop_id = ?1 "
                           "ORDER BY w.start_date, w.code, ad.name, p.name, a.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, workshop_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_attendee_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FuAttendeeRow *row = g_new0 (FuAttendeeRow, 1);

      row->workshop_code = fu_store_column_text (stmt, 0);
      row->name = fu_store_column_text (stmt, 1);
      row->administration = fu_store_column_text (stmt, 2);
      row->email = fu_store_column_text (stmt, 3);
      row->position = fu_store_column_text (stmt, 4);
      row->gender = fu_store_column_text (stmt, 5);
      g_ptr_array_add (list, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fu_store_set_error (self, error, _("Could not list the participants"));
      return NULL;
    }
  return g_steal_pointer (&list);
}
