/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-workshops.c: workshops */

#define G_LOG_DOMAIN "fu-sqlite-workshops"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-sqlite-private.h"

/* ---- Workshops --------------------------------------------------------------------------- */

#define WORKSHOP_FIELDS \
  "code, title, kind, start_date, end_date, venue, host_administration_id, co_organizer, " \
  "surveyed, notes, planned_override, deadline_override"

static FuWorkshop *
workshop_from_row (sqlite3_stmt *stmt)
{
  FuWorkshop *workshop = fu_workshop_new ();
  const char *kind = (const char *) sqlite3_column_text (stmt, 3);

  workshop->id = sqlite3_column_int64 (stmt, 0);
  workshop->code = fu_sqlite_column_text (stmt, 1);
  workshop->title = fu_sqlite_column_text (stmt, 2);
  if (kind == NULL || !fu_workshop_kind_from_string (kind, &workshop->kind))
    workshop->kind = FU_WORKSHOP_KIND_OTHER;
  workshop->start_date = fu_sqlite_column_day (stmt, 4);
  workshop->end_date = fu_sqlite_column_day (stmt, 5);
  workshop->venue = fu_sqlite_column_text (stmt, 6);
  workshop->host_administration_id = sqlite3_column_int64 (stmt, 7);
  workshop->co_organizer = fu_sqlite_column_text (stmt, 8);
  workshop->surveyed = sqlite3_column_int (stmt, 9) != 0;
  workshop->notes = fu_sqlite_column_text (stmt, 10);
  workshop->planned_override = fu_sqlite_column_day (stmt, 11);
  workshop->deadline_override = fu_sqlite_column_day (stmt, 12);
  return workshop;
}

static void
bind_workshop (sqlite3_stmt     *stmt,
               const FuWorkshop *workshop,
               FuDay             end_date)
{
  fu_sqlite_bind_text (stmt, 1, workshop->code);
  fu_sqlite_bind_text (stmt, 2, workshop->title);
  sqlite3_bind_text (stmt, 3, fu_workshop_kind_to_string (workshop->kind), -1, SQLITE_STATIC);
  fu_sqlite_bind_day (stmt, 4, workshop->start_date);
  fu_sqlite_bind_day (stmt, 5, end_date);
  fu_sqlite_bind_text (stmt, 6, workshop->venue);
  bind_id (stmt, 7, workshop->host_administration_id);
  fu_sqlite_bind_text (stmt, 8, workshop->co_organizer);
  sqlite3_bind_int (stmt, 9, workshop->surveyed ? 1 : 0);
  fu_sqlite_bind_text (stmt, 10, workshop->notes);
  fu_sqlite_bind_day (stmt, 11, workshop->planned_override);
  fu_sqlite_bind_day (stmt, 12, workshop->deadline_override);
}

static gboolean
workshop_write_error (FuStore          *self,
                      const FuWorkshop *workshop,
                      GError          **error)
{
  g_autofree char *what = NULL;

  switch (extended_errcode (self))
    {
    case SQLITE_CONSTRAINT_UNIQUE:
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                   _("A workshop with code '%s' already exists"), workshop->code);
      return FALSE;

    case SQLITE_CONSTRAINT_FOREIGNKEY:
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("Workshop '%s': there is no host administration with id %lld"),
                   workshop->code, (long long) workshop->host_administration_id);
      return FALSE;

    default:
      what = g_strdup_printf (_("Could not save workshop '%s'"), workshop->code);
      return fu_sqlite_set_error (self, error, what);
    }
}

gboolean
fu_sqlite_lookup_workshop (FuStore    *self,
                           const char *code,
                           gint64     *id,
                           GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *id = 0;
  if (is_blank (code))
    return TRUE;

  stmt = fu_sqlite_prepare (self, "SELECT id FROM workshop WHERE code = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  return step_id (self, stmt, id, N_("Could not look up a workshop"), error);
}

FuWorkshop *
fu_sqlite_get_workshop (FuStore *self,
                        gint64   id,
                        GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = select_one_by_id (self, "SELECT id, " WORKSHOP_FIELDS " FROM workshop WHERE id = ?1",
                           id, &found, N_("Could not read a workshop"), error);
  if (stmt == NULL)
    return NULL;
  if (!found)
    {
      workshop_not_found (id, error);
      return NULL;
    }
  return workshop_from_row (stmt);
}

GPtrArray *
fu_sqlite_list_workshops (FuStore *self,
                          FuDay    from,
                          FuDay    to,
                          GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_sqlite_prepare (self,
                           "SELECT id, " WORKSHOP_FIELDS " FROM workshop "
                           "WHERE (?1 IS NULL OR start_date >= ?1) "
                           "AND (?2 IS NULL OR start_date <= ?2) "
                           "ORDER BY start_date, code",
                           error);
  if (stmt == NULL)
    return NULL;
  fu_sqlite_bind_day (stmt, 1, from);
  fu_sqlite_bind_day (stmt, 2, to);
  return collect_rows (self, stmt, (RowFunc) workshop_from_row, (GDestroyNotify) fu_workshop_free,
                       _("Could not list the workshops"), error);
}

static gboolean
insert_workshop (FuStore          *self,
                 const FuWorkshop *workshop,
                 FuDay             end_date,
                 gint64           *id,
                 GError          **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self,
                           "INSERT INTO workshop (" WORKSHOP_FIELDS ") "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_workshop (stmt, workshop, end_date);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return workshop_write_error (self, workshop, error);
  *id = sqlite3_last_insert_rowid (FU_SQLITE (self)->db);
  return TRUE;
}

gint64
fu_sqlite_add_workshop (FuStore          *self,
                        const FuWorkshop *workshop,
                        GError          **error)
{
  FuDay end_date;
  gint64 id = 0;

  g_return_val_if_fail (FU_IS_STORE (self), 0);
  g_return_val_if_fail (workshop != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!fu_store_validate_workshop (workshop, &end_date, error))
    return 0;

  if (!fu_store_begin (self, error)
      || !fu_sqlite_finish (self, insert_workshop (self, workshop, end_date, &id, error), error))
    return 0;
  return id;
}

/* Gives every attendance of a surveyed workshop its follow-up, closed "do not contact" for
 * a person not to be contacted. */
static gboolean
create_missing_followups (FuStore *self,
                          gint64   workshop_id,
                          GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self,
                           "INSERT INTO followup (attendance_id, closed_date, closed_reason) "
                           "SELECT a.id, p.no_contact_date, "
                           "CASE WHEN p.no_contact_date IS NOT NULL THEN 'do not contact' END "
                           "FROM attendance a JOIN workshop w ON w.id = a.workshop_id "
                           "JOIN participant p ON p.id = a.participant_id "
                           "WHERE a.workshop_id = ?1 AND w.surveyed = 1 "
                           "AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.attendance_id = a.id)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  return step_done (self, stmt, N_("Could not create the follow-ups"), error);
}

/* The workshop's reply deadline changed: questionnaires already sent get the new one (the
 * override, or the sending date plus the rules' reply days when the override is removed). */
static gboolean
reschedule_deadlines (FuStore *self,
                      gint64   workshop_id,
                      FuDay    deadline_override,
                      GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) sent = g_array_new (FALSE, FALSE, sizeof (FuDay));
  g_autoptr(FuStmt) select = NULL;
  FuRules rules;
  int rc;

  fu_store_get_rules (self, &rules);

  select = fu_sqlite_prepare (self,
                             "SELECT f.id, f.sent_date FROM followup f "
                             "JOIN attendance a ON a.id = f.attendance_id "
                             "WHERE a.workshop_id = ?1 AND f.sent_date IS NOT NULL",
                             error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, workshop_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      FuDay day = fu_sqlite_column_day (select, 1);

      g_array_append_val (ids, id);
      g_array_append_val (sent, day);
    }
  if (rc != SQLITE_DONE)
    return fu_sqlite_set_error (self, error, _("Could not read the follow-ups"));
  sqlite3_reset (select);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FuStmt) update = NULL;
      FuDay deadline = fu_schedule_deadline (&rules, g_array_index (sent, FuDay, i),
                                             deadline_override);

      update = fu_sqlite_prepare (self, "UPDATE followup SET deadline = ?2 WHERE id = ?1", error);
      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, g_array_index (ids, gint64, i));
      fu_sqlite_bind_day (update, 2, deadline);
      if (!step_done (self, update, N_("Could not update a reply deadline"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
update_workshop (FuStore          *self,
                 const FuWorkshop *workshop,
                 FuDay             end_date,
                 GError          **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  FuDay old_deadline_override;
  gboolean found;

  stmt = select_one_by_id (self, "SELECT deadline_override FROM workshop WHERE id = ?1",
                           workshop->id, &found, N_("Could not read a workshop"), error);
  if (stmt == NULL)
    return FALSE;
  if (!found)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("Workshop '%s' is no longer in the database"), workshop->code);
      return FALSE;
    }
  old_deadline_override = fu_sqlite_column_day (stmt, 0);
  sqlite3_reset (stmt);

  stmt = fu_sqlite_prepare (self,
                           "UPDATE workshop SET code = ?1, title = ?2, kind = ?3, "
                           "start_date = ?4, end_date = ?5, venue = ?6, "
                           "host_administration_id = ?7, co_organizer = ?8, surveyed = ?9, "
                           "notes = ?10, planned_override = ?11, deadline_override = ?12 "
                           "WHERE id = ?13",
                           error);
  if (stmt == NULL)
    return FALSE;
  bind_workshop (stmt, workshop, end_date);
  sqlite3_bind_int64 (stmt, 13, workshop->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return workshop_write_error (self, workshop, error);
  sqlite3_reset (stmt);

  /* Not surveyed any more: the follow-ups stay, hidden from lists and summaries. */
  if (workshop->surveyed && !create_missing_followups (self, workshop->id, error))
    return FALSE;

  if (old_deadline_override != workshop->deadline_override
      && !reschedule_deadlines (self, workshop->id, workshop->deadline_override, error))
    return FALSE;

  return TRUE;
}

gboolean
fu_sqlite_update_workshop (FuStore          *self,
                           const FuWorkshop *workshop,
                           GError          **error)
{
  FuDay end_date;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (workshop != NULL, FALSE);
  g_return_val_if_fail (workshop->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_validate_workshop (workshop, &end_date, error))
    return FALSE;

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, update_workshop (self, workshop, end_date, error), error);
}

static gboolean
delete_workshop (FuStore *self,
                 gint64   id,
                 GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self, "DELETE FROM workshop WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, N_("Could not delete the workshop"), error))
    return FALSE;
  if (sqlite3_changes (FU_SQLITE (self)->db) == 0)
    return workshop_not_found (id, error);
  return TRUE;
}

gboolean
fu_sqlite_delete_workshop (FuStore *self,
                           gint64   id,
                           GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, delete_workshop (self, id, error), error);
}
