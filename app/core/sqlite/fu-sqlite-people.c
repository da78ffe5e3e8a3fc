/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-people.c: administrations, participants and their attendances */

#define G_LOG_DOMAIN "fu-sqlite-people.c.par"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-sqlite-private.h"

/* ---- Administrations --------------------------------------------------------------------- */

#define ADMINISTRATION_COLUMNS "id, name, short_name, country, member, observer"

static FuAdministration *
administration_from_row (sqlite3_stmt *stmt)
{
  FuAdministration *admin = fu_administration_new ();

  admin->id = sqlite3_column_int64 (stmt, 0);
  admin->name = fu_sqlite_column_text (stmt, 1);
  admin->short_name = fu_sqlite_column_text (stmt, 2);
  admin->country = fu_sqlite_column_text (stmt, 3);
  admin->member = sqlite3_column_int (stmt, 4) != 0;
  admin->observer = sqlite3_column_int (stmt, 5) != 0;
  return admin;
}

GPtrArray *
fu_sqlite_list_administrations (FuStore *self,
                                GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_sqlite_prepare (self,
                           "SELECT " ADMINISTRATION_COLUMNS " FROM administration ORDER BY name",
                           error);
  if (stmt == NULL)
    return NULL;
  return collect_rows (self, stmt, (RowFunc) administration_from_row,
                       (GDestroyNotify) fu_administration_free,
                       _("Could not list the administrations"), error);
}

gboolean
fu_sqlite_lookup_administration (FuStore    *self,
                                 const char *name_or_short,
                                 gint64     *id,
                                 GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  *id = 0;
  /* A name wins over another administration's short name. */
  stmt = fu_sqlite_prepare (self,
                           "SELECT id FROM administration WHERE name = ?1 "
                           "UNION ALL "
                           "SELECT id FROM administration WHERE short_name = ?1 "
                           "LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name_or_short, -1, SQLITE_TRANSIENT);
  return step_id (self, stmt, id, N_("Could not look up an administration"), error);
}

FuAdministration *
fu_sqlite_get_administration (FuStore *self,
                              gint64   id,
                              GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = select_one_by_id (self,
                           "SELECT " ADMINISTRATION_COLUMNS " FROM administration WHERE id = ?1",
                           id, &found, N_("Could not read an administration"), error);
  if (stmt == NULL)
    return NULL;
  if (!found)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no administration with id %lld"), (long long) id);
      return NULL;
    }
  return administration_from_row (stmt);
}

static gboolean
insert_administration (FuStore                *self,
                       const FuAdministration *admin,
                       gint64                 *id,
                       GError                **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self,
                           "INSERT INTO administration (name, short_name, country, member, "
                           "observer) VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;
  fu_sqlite_bind_text (stmt, 1, admin->name);
  fu_sqlite_bind_text (stmt, 2, is_blank (admin->short_name) ? NULL : admin->short_name);
  fu_sqlite_bind_text (stmt, 3, admin->country);
  sqlite3_bind_int (stmt, 4, admin->member ? 1 : 0);
  sqlite3_bind_int (stmt, 5, admin->observer ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (extended_errcode (self) == SQLITE_CONSTRAINT_UNIQUE)
        {
          const char *msg = sqlite3_errmsg (FU_SQLITE (self)->db);

          if (strstr (msg, "short_name") != NULL)
            g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                         _("An administration with the short name '%s' already exists"),
                         admin->short_name);
          else
            g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                         _("An administration named '%s' already exists"), admin->name);
          return FALSE;
        }
      return fu_sqlite_set_error (self, error, _("Could not add the administration"));
    }
  *id = sqlite3_last_insert_rowid (FU_SQLITE (self)->db);
  return TRUE;
}

gint64
fu_sqlite_add_administration (FuStore                *self,
                              const FuAdministration *admin,
                              GError                **error)
{
  gint64 id = 0;

  g_return_val_if_fail (FU_IS_STORE (self), 0);
  g_return_val_if_fail (admin != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (is_blank (admin->name))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("An administration needs a name"));
      return 0;
    }

  if (!fu_store_begin (self, error)
      || !fu_sqlite_finish (self, insert_administration (self, admin, &id, error), error))
    return 0;
  return id;
}

/* ---- Participants ------------------------------------------------------------------------ */

#define PARTICIPANT_FIELDS "name, administration_id, email, position, gender"

static FuParticipant *
participant_from_row (sqlite3_stmt *stmt)
{
  FuParticipant *participant = fu_participant_new ();

  participant->id = sqlite3_column_int64 (stmt, 0);
  participant->name = fu_sqlite_column_text (stmt, 1);
  participant->administration_id = sqlite3_column_int64 (stmt, 2);
  participant->email = fu_sqlite_column_text (stmt, 3);
  participant->position = fu_sqlite_column_text (stmt, 4);
  participant->gender = fu_sqlite_column_text (stmt, 5);
  return participant;
}

/* Writes with an INSERT (id 0) or an UPDATE. */
static gboolean
write_participant (FuStore             *self,
                   const FuParticipant *participant,
                   gint64              *id,
                   GError             **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autofree char *what = NULL;

  if (participant->id == 0)
    stmt = fu_sqlite_prepare (self,
                             "INSERT INTO participant (" PARTICIPANT_FIELDS ") "
                             "VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  else
    stmt = fu_sqlite_prepare (self,
                             "UPDATE participant SET name = ?1, administration_id = ?2, "
                             "email = ?3, position = ?4, gender = ?5 WHERE id = ?6",
                             error);
  if (stmt == NULL)
    return FALSE;

  fu_sqlite_bind_text (stmt, 1, participant->name);
  sqlite3_bind_int64 (stmt, 2, participant->administration_id);
  fu_sqlite_bind_text (stmt, 3, is_blank (participant->email) ? NULL : participant->email);
  fu_sqlite_bind_text (stmt, 4, participant->position);
  fu_sqlite_bind_text (stmt, 5, participant->gender);
  if (participant->id != 0)
    sqlite3_bind_int64 (stmt, 6, participant->id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      switch (extended_errcode (self))
        {
        case SQLITE_CONSTRAINT_UNIQUE:
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                       _("A participant with e-mail '%s' already exists"), participant->email);
          return FALSE;

        case SQLITE_CONSTRAINT_FOREIGNKEY:
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                       _("Participant '%s': there is no administration with id %lld"),
                       participant->name, (long long) participant->administration_id);
          return FALSE;

        default:
          what = g_strdup_printf (_("Could not save participant '%s'"), participant->name);
          return fu_sqlite_set_error (self, error, what);
        }
    }

  if (participant->id == 0)
    {
      *id = sqlite3_last_insert_rowid (FU_SQLITE (self)->db);
    }
  else
    {
      if (sqlite3_changes (FU_SQLITE (self)->db) == 0)
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                       _("Participant '%s' is no longer in the database"), participant->name);
          return FALSE;
        }
      *id = participant->id;
    }
  return TRUE;
}

gboolean
fu_sqlite_lookup_participant (FuStore    *self,
                              const char *email,
                              const char *name,
                              gint64      administration_id,
                              gint64     *id,
                              GError    **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *id = 0;
  if (!is_blank (email))
    {
      stmt = fu_sqlite_prepare (self, "SELECT id FROM participant WHERE email = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
    }
  else if (!is_blank (name))
    {
      stmt = fu_sqlite_prepare (self,
                               "SELECT id FROM participant "
                               "WHERE name = ?1 AND administration_id = ?2 "
                               "ORDER BY id LIMIT 1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, administration_id);
    }
  else
    {
      return TRUE;
    }

  return step_id (self, stmt, id, N_("Could not look up a participant"), error);
}

FuParticipant *
fu_sqlite_get_participant (FuStore *self,
                           gint64   id,
                           GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = select_one_by_id (self,
                           "SELECT id, " PARTICIPANT_FIELDS " FROM participant WHERE id = ?1",
                           id, &found, N_("Could not read a participant"), error);
  if (stmt == NULL)
    return NULL;
  if (!found)
    {
      participant_not_found (id, error);
      return NULL;
    }
  return participant_from_row (stmt);
}

gint64
fu_sqlite_add_participant (FuStore             *self,
                           const FuParticipant *participant,
                           GError             **error)
{
  g_autoptr(FuParticipant) copy = NULL;
  gint64 id = 0;

  g_return_val_if_fail (FU_IS_STORE (self), 0);
  g_return_val_if_fail (participant != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!fu_store_validate_participant (participant, error))
    return 0;

  if (participant->id != 0)
    {
      /* An id set by the caller is ignored: adding always inserts. */
      copy = fu_participant_new ();
      copy->name = g_strdup (participant->name);
      copy->administration_id = participant->administration_id;
      copy->email = g_strdup (participant->email);
      copy->position = g_strdup (participant->position);
      copy->gender = g_strdup (participant->gender);
      participant = copy;
    }
  if (!fu_store_begin (self, error)
      || !fu_sqlite_finish (self, write_participant (self, participant, &id, error), error))
    return 0;
  return id;
}

gboolean
fu_sqlite_update_participant (FuStore             *self,
                              const FuParticipant *participant,
                              GError             **error)
{
  gint64 id;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (participant != NULL, FALSE);
  g_return_val_if_fail (participant->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_validate_participant (participant, error))
    return FALSE;

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, write_participant (self, participant, &id, error), error);
}

/* ---- Attendances ------------------------------------------------------------------------- */

gboolean
fu_sqlite_lookup_attendance (FuStore *self,
                             gint64   workshop_id,
                             gint64   participant_id,
                             gint64  *id,
                             GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *id = 0;
  stmt = fu_sqlite_prepare (self,
                           "SELECT id FROM attendance "
                           "WHERE workshop_id = ?1 AND participant_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  return step_id (self, stmt, id, N_("Could not look up an attendance"), error);
}

/* On the error path only: say which of the two is missing, or who already attends. */
static gboolean
attendance_error (FuStore *self,
                  int      rc,
                  gint64   workshop_id,
                  gint64   participant_id,
                  GError **error)
{
  g_autoptr(FuWorkshop) workshop = fu_store_get_workshop (self, workshop_id, NULL);
  g_autoptr(FuParticipant) participant = fu_store_get_participant (self, participant_id, NULL);

  if (workshop == NULL)
    return workshop_not_found (workshop_id, error);
  if (participant == NULL)
    return participant_not_found (participant_id, error);
  if (rc == SQLITE_CONSTRAINT_UNIQUE)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                   _("'%s' already attends workshop '%s'"), participant->name, workshop->code);
      return FALSE;
    }
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
               _("Could not add '%s' to workshop '%s'"), participant->name, workshop->code);
  return FALSE;
}

static gboolean
insert_attendance (FuStore *self,
                   gint64   workshop_id,
                   gint64   participant_id,
                   gint64  *id,
                   GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(FuStmt) about = NULL;
  g_autoptr(FuStmt) followup = NULL;

  stmt = fu_sqlite_prepare (self,
                           "INSERT INTO attendance (workshop_id, participant_id) VALUES (?1, ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, workshop_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      int rc = extended_errcode (self);

      if (rc != SQLITE_CONSTRAINT_UNIQUE && rc != SQLITE_CONSTRAINT_FOREIGNKEY)
        return fu_sqlite_set_error (self, error, _("Could not add an attendance"));
      sqlite3_reset (stmt);
      return attendance_error (self, rc, workshop_id, participant_id, error);
    }
  *id = sqlite3_last_insert_rowid (FU_SQLITE (self)->db);

  /* A surveyed workshop's attendance gets its follow-up, closed from the start when the
   * person is not to be contacted. Read first, then one row inserted by value: an insert
   * that selects (or fires a trigger) would write a statement journal for every row of an
   * import. */
  about = fu_sqlite_prepare (self,
                            "SELECT w.surveyed, p.no_contact_date "
                            "FROM workshop w, participant p WHERE w.id = ?1 AND p.id = ?2",
                            error);
  if (about == NULL)
    return FALSE;
  sqlite3_bind_int64 (about, 1, workshop_id);
  sqlite3_bind_int64 (about, 2, participant_id);
  switch (sqlite3_step (about))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      return TRUE;
    default:
      return fu_sqlite_set_error (self, error, _("Could not create the follow-up"));
    }
  if (sqlite3_column_int (about, 0) == 0)
    return TRUE;

  followup = fu_sqlite_prepare (self,
                               "INSERT INTO followup (attendance_id, closed_date, closed_reason) "
                               "VALUES (?1, ?2, CASE WHEN ?2 IS NOT NULL THEN 'do not contact' END)",
                               error);
  if (followup == NULL)
    return FALSE;
  sqlite3_bind_int64 (followup, 1, *id);
  sqlite3_bind_value (followup, 2, sqlite3_column_value (about, 1));
  return step_done (self, followup, N_("Could not create the follow-up"), error);
}

gint64
fu_sqlite_add_attendance (FuStore *self,
                          gint64   workshop_id,
                          gint64   participant_id,
                          GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (FU_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!fu_store_begin (self, error)
      || !fu_sqlite_finish (self, insert_attendance (self, workshop_id, participant_id, &id, error),
                           error))
    return 0;
  return id;
}

/* ---- A list's people at once (an import) ------------------------------------------------ */

/* Steps a match by e-mail or by name (at most one row), keeps what it found in @row and
 * resets it. */
static gboolean
match_step (FuStore       *self,
            sqlite3_stmt  *stmt,
            FuPersonMatch *row,
            gboolean       by_email,
            GError       **error)
{
  gboolean found;

  if (!step_row (self, stmt, &found, N_("Could not look up a participant"), error))
    return FALSE;
  if (found && by_email)
    {
      row->email_id = sqlite3_column_int64 (stmt, 0);
      row->email_attends = sqlite3_column_int (stmt, 1) != 0;
    }
  else if (found)
    {
      row->name_id = sqlite3_column_int64 (stmt, 0);
      row->name_attends = sqlite3_column_int (stmt, 1) != 0;
      row->name_has_email = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* From how many rows a list is matched in memory, from one read of the people, rather than
 * by two statements a row: 200,000 statements took 0.1 s of a 100,000-row import. */
static guint match_in_memory_from = 256;

void
fu_sqlite_set_match_in_memory_from (guint n_rows)
{
  match_in_memory_from = n_rows;
}

/* Whether @participant_id attends @workshop_id. */
static gboolean
attends (FuStore  *self,
         gint64    workshop_id,
         gint64    participant_id,
         gboolean *found,
         GError  **error)
{
  gint64 id = 0;

  if (!fu_sqlite_lookup_attendance (self, workshop_id, participant_id, &id, error))
    return FALSE;
  *found = id != 0;
  return TRUE;
}

static gboolean
match_in_memory (FuStore       *self,
                 FuPersonMatch *rows,
                 guint          n_rows,
                 GError       **error)
{
  g_autoptr(FuStmt) stmt = fu_sqlite_prepare (self,
                                              "SELECT id, name, administration_id, email "
                                              "FROM participant ORDER BY id",
                                              error);
  g_autoptr(GStringChunk) texts = g_string_chunk_new (64 * 1024);
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (FuKnownPerson));
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *email = (const char *) sqlite3_column_text (stmt, 3);
      FuKnownPerson person = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = g_string_chunk_insert (texts, (const char *) sqlite3_column_text (stmt, 1)),
        .administration_id = sqlite3_column_int64 (stmt, 2),
        .email = email != NULL ? g_string_chunk_insert (texts, email) : NULL,
      };

      g_array_append_val (people, person);
    }
  if (rc != SQLITE_DONE)
    return fu_sqlite_set_error (self, error, _("Could not look up a participant"));

  fu_store_match_in_memory ((const FuKnownPerson *) (gpointer) people->data, people->len, rows,
                            n_rows);
  /* The attendance only of the people found, by the index. */
  for (guint i = 0; i < n_rows; i++)
    {
      FuPersonMatch *row = &rows[i];

      if (row->email_id != 0
          && !attends (self, row->workshop_id, row->email_id, &row->email_attends, error))
        return FALSE;
      if (row->name_id != 0
          && !attends (self, row->workshop_id, row->name_id, &row->name_attends, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
fu_sqlite_match_people (FuStore       *self,
                        FuPersonMatch *rows,
                        guint          n_rows,
                        GError       **error)
{
  g_autoptr(FuStmt) by_email = NULL;
  g_autoptr(FuStmt) by_name = NULL;

  if (n_rows >= match_in_memory_from)
    return match_in_memory (self, rows, n_rows, error);

  by_email = fu_sqlite_prepare (self,
                                "SELECT p.id, EXISTS (SELECT 1 FROM attendance a "
                                "  WHERE a.workshop_id = ?2 AND a.participant_id = p.id) "
                                "FROM participant p WHERE p.email = ?1",
                                error);
  if (by_email == NULL)
    return FALSE;
  by_name = fu_sqlite_prepare (self,
                               "SELECT p.id, EXISTS (SELECT 1 FROM attendance a "
                               "  WHERE a.workshop_id = ?3 AND a.participant_id = p.id), "
                               "  p.email IS NOT NULL "
                               "FROM participant p WHERE p.name = ?1 AND p.administration_id = ?2 "
                               "ORDER BY p.id LIMIT 1",
                               error);
  if (by_name == NULL)
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    {
      FuPersonMatch *row = &rows[i];

      if (!is_blank (row->email))
        {
          sqlite3_bind_text (by_email, 1, row->email, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (by_email, 2, row->workshop_id);
          if (!match_step (self, by_email, row, TRUE, error))
            return FALSE;
          if (row->email_id != 0)
            continue;
        }
      if (is_blank (row->name))
        continue;
      sqlite3_bind_text (by_name, 1, row->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (by_name, 2, row->administration_id);
      sqlite3_bind_int64 (by_name, 3, row->workshop_id);
      if (!match_step (self, by_name, row, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

/* One statement stepped for every person, its text bound without a copy. */
static gboolean
insert_participants (FuStore   *self,
                     GPtrArray *participants,
                     GError   **error)
{
  g_autoptr(FuStmt) stmt = fu_sqlite_prepare (self,
                                              "INSERT INTO participant (" PARTICIPANT_FIELDS ") "
                                              "VALUES (?1, ?2, ?3, ?4, ?5)",
                                              error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < participants->len; i++)
    {
      FuParticipant *participant = g_ptr_array_index (participants, i);

      g_return_val_if_fail (participant->id == 0, FALSE);
      sqlite3_bind_text (stmt, 1, participant->name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, participant->administration_id);
      if (is_blank (participant->email))
        sqlite3_bind_null (stmt, 3);
      else
        sqlite3_bind_text (stmt, 3, participant->email, -1, SQLITE_STATIC);
      fu_sqlite_bind_text (stmt, 4, participant->position);
      fu_sqlite_bind_text (stmt, 5, participant->gender);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          /* Said as adding that one person would say it. */
          return write_participant (self, participant, &participant->id, error);
        }
      participant->id = sqlite3_last_insert_rowid (FU_SQLITE (self)->db);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

gboolean
fu_sqlite_add_participants (FuStore   *self,
                            GPtrArray *participants,
                            GError   **error)
{
  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, insert_participants (self, participants, error), error);
}

/* Each attendance by value, then their follow-ups in one statement: a statement per row
 * that selects would write a statement journal for every row. */
static gboolean
insert_attendances (FuStore      *self,
                    const gint64 *pairs,
                    guint         n_pairs,
                    GError      **error)
{
  g_autoptr(FuStmt) last = NULL;
  g_autoptr(FuStmt) insert = NULL;
  g_autoptr(FuStmt) followups = NULL;
  gint64 before = 0;

  last = fu_sqlite_prepare (self, "SELECT coalesce (max (id), 0) FROM attendance", error);
  if (last == NULL || !step_id (self, last, &before, N_("Could not add an attendance"), error))
    return FALSE;

  insert = fu_sqlite_prepare (self,
                              "INSERT INTO attendance (workshop_id, participant_id) VALUES (?1, ?2)",
                              error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < n_pairs; i++)
    {
      sqlite3_bind_int64 (insert, 1, pairs[2 * i]);
      sqlite3_bind_int64 (insert, 2, pairs[2 * i + 1]);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          int rc = extended_errcode (self);

          if (rc != SQLITE_CONSTRAINT_UNIQUE && rc != SQLITE_CONSTRAINT_FOREIGNKEY)
            return fu_sqlite_set_error (self, error, _("Could not add an attendance"));
          sqlite3_reset (insert);
          return attendance_error (self, rc, pairs[2 * i], pairs[2 * i + 1], error);
        }
      sqlite3_reset (insert);
    }

  followups = fu_sqlite_prepare (self,
                                 "INSERT INTO followup (attendance_id, closed_date, closed_reason) "
                                 "SELECT a.id, p.no_contact_date, "
                                 "  CASE WHEN p.no_contact_date IS NOT NULL "
                                 "  THEN 'do not contact' END "
                                 "FROM attendance a "
                                 "JOIN workshop w ON w.id = a.workshop_id AND w.surveyed "
                                 "JOIN participant p ON p.id = a.participant_id "
                                 "WHERE a.id > ?1 ORDER BY a.id",
                                 error);
  if (followups == NULL)
    return FALSE;
  sqlite3_bind_int64 (followups, 1, before);
  return step_done (self, followups, N_("Could not create the follow-up"), error);
}

gboolean
fu_sqlite_add_attendances (FuStore      *self,
                           const gint64 *pairs,
                           guint         n_pairs,
                           GError      **error)
{
  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, insert_attendances (self, pairs, n_pairs, error), error);
}

/* ---- Deleting people and attendances, editing administrations ------------------------- */

static gboolean
delete_by_id (FuStore    *self,
              const char *sql,
              gint64      id,
              const char *what,
              GError    **error)
{
  g_autoptr(FuStmt) stmt = fu_sqlite_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, what, error);
}

static gboolean
delete_participant (FuStore *self,
                    gint64   id,
                    GError **error)
{
  if (!delete_by_id (self, "DELETE FROM attendance WHERE participant_id = ?1", id,
                     N_("Could not delete the participant's attendances"), error)
      || !delete_by_id (self, "DELETE FROM participant WHERE id = ?1", id,
                        N_("Could not delete the participant"), error))
    return FALSE;
  if (sqlite3_changes (FU_SQLITE (self)->db) == 0)
    return participant_not_found (id, error);
  return TRUE;
}

gboolean
fu_sqlite_delete_participant (FuStore *self,
                              gint64   id,
                              GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, delete_participant (self, id, error), error);
}

static gboolean
delete_attendance (FuStore *self,
                   gint64   id,
                   GError **error)
{
  if (!delete_by_id (self, "DELETE FROM attendance WHERE id = ?1", id,
                     N_("Could not remove the participant from the workshop"), error))
    return FALSE;
  if (sqlite3_changes (FU_SQLITE (self)->db) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no attendance with id %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_sqlite_delete_attendance (FuStore *self,
                             gint64   id,
                             GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, delete_attendance (self, id, error), error);
}

static gboolean
update_administration (FuStore                *self,
                       const FuAdministration *admin,
                       GError                **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self,
                           "UPDATE administration SET name = ?1, short_name = ?2, country = ?3, "
                           "member = ?4, observer = ?6 WHERE id = ?5",
                           error);
  if (stmt == NULL)
    return FALSE;
  fu_sqlite_bind_text (stmt, 1, admin->name);
  fu_sqlite_bind_text (stmt, 2, is_blank (admin->short_name) ? NULL : admin->short_name);
  fu_sqlite_bind_text (stmt, 3, admin->country);
  sqlite3_bind_int (stmt, 4, admin->member ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, admin->id);
  sqlite3_bind_int (stmt, 6, admin->observer ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (extended_errcode (self) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                       _("Another administration is named '%s' or has the short name '%s'"),
                       admin->name, admin->short_name != NULL ? admin->short_name : "");
          return FALSE;
        }
      return fu_sqlite_set_error (self, error, _("Could not save the administration"));
    }
  if (sqlite3_changes (FU_SQLITE (self)->db) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no administration with id %lld"), (long long) admin->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_sqlite_update_administration (FuStore                *self,
                                 const FuAdministration *admin,
                                 GError                **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (admin != NULL && admin->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (admin->name))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("An administration needs a name"));
      return FALSE;
    }
  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, update_administration (self, admin, error), error);
}

static gboolean
delete_administration (FuStore *self,
                       gint64   id,
                       GError **error)
{
  g_autoptr(FuStmt) stmt = NULL;

  stmt = fu_sqlite_prepare (self, "DELETE FROM administration WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (extended_errcode (self) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                               _("This administration still has participants or hosts "
                                 "workshops: merge it into another instead"));
          return FALSE;
        }
      return fu_sqlite_set_error (self, error, _("Could not delete the administration"));
    }
  if (sqlite3_changes (FU_SQLITE (self)->db) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no administration with id %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_sqlite_delete_administration (FuStore *self,
                                 gint64   id,
                                 GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_store_begin (self, error))
    return FALSE;
  return fu_sqlite_finish (self, delete_administration (self, id, error), error);
}

typedef sqlite3_stmt FuPeopleStmt;

static void
fu_people_stmt_release (FuPeopleStmt *stmt)
{
  sqlite3_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuPeopleStmt, fu_people_stmt_release)



/* ---- The overview ------------------------------------------------------------------------ */

GPtrArray *
fu_sqlite_list_participant_overview (FuStore  *self,
                                     GError  **error)
{
  g_autoptr(FuPeopleStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_sqlite_prepare (self,
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
      row->name = fu_sqlite_column_text (stmt, 1);
      row->administration_id = sqlite3_column_int64 (stmt, 2);
      row->administration = fu_sqlite_column_text (stmt, 3);
      row->email = fu_sqlite_column_text (stmt, 4);
      row->position = fu_sqlite_column_text (stmt, 5);
      row->n_attendances = (guint) sqlite3_column_int (stmt, 6);
      row->n_replies = (guint) sqlite3_column_int (stmt, 7);
      g_ptr_array_add (list, row);
    }
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not list the participants"));
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
  FuFollowupRead read = { 0, };

  row->attendance_id = sqlite3_column_int64 (stmt, ACOL_ATTENDANCE_ID);
  row->workshop_id = sqlite3_column_int64 (stmt, ACOL_WORKSHOP_ID);
  row->workshop_code = fu_sqlite_column_text (stmt, ACOL_CODE);
  row->workshop_title = fu_sqlite_column_text (stmt, ACOL_TITLE);
  row->workshop_start = fu_sqlite_column_day (stmt, ACOL_START);
  row->workshop_end = fu_sqlite_column_day (stmt, ACOL_END);
  row->participant_id = sqlite3_column_int64 (stmt, ACOL_PARTICIPANT_ID);
  row->participant_name = fu_sqlite_column_text (stmt, ACOL_PARTICIPANT);
  row->administration_id = sqlite3_column_int64 (stmt, ACOL_ADMINISTRATION_ID);
  row->administration = fu_sqlite_column_text (stmt, ACOL_ADMINISTRATION);
  row->email = fu_sqlite_column_text (stmt, ACOL_EMAIL);
  row->position = fu_sqlite_column_text (stmt, ACOL_POSITION);
  row->followup_id = sqlite3_column_int64 (stmt, ACOL_FOLLOWUP_ID);
  row->surveyed = sqlite3_column_int (stmt, ACOL_SURVEYED) != 0;

  read.end = row->workshop_end;
  read.planned_override = fu_sqlite_column_day (stmt, ACOL_PLANNED_OVERRIDE);
  read.sent = fu_sqlite_column_day (stmt, ACOL_SENT);
  read.deadline = fu_sqlite_column_day (stmt, ACOL_DEADLINE);
  read.last_reminder = fu_sqlite_column_day (stmt, ACOL_LAST_REMINDER);
  read.received = fu_sqlite_column_day (stmt, ACOL_RECEIVED);
  read.closed = fu_sqlite_column_day (stmt, ACOL_CLOSED);
  read.n_reminders = (guint) sqlite3_column_int (stmt, ACOL_N_REMINDERS);
  fu_attendance_row_set_followup (row, rules, as_of, &read);
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

  stmt = fu_sqlite_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  fu_sqlite_bind_day (stmt, 2, as_of);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_attendance_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, attendance_row_new (stmt, &rules, as_of));
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, what);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
fu_sqlite_list_participant_history (FuStore  *self,
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
fu_sqlite_list_workshop_attendees (FuStore  *self,
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

gboolean
fu_sqlite_move_attendances (FuStore *self,
                            gint64   keep_id,
                            gint64   remove_id,
                            GError **error)
{
  g_autoptr(FuPeopleStmt) stmt = fu_sqlite_prepare (self,
                                                    "UPDATE attendance SET participant_id = ?1 "
                                                    "WHERE participant_id = ?2",
                                                    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, keep_id);
  sqlite3_bind_int64 (stmt, 2, remove_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fu_sqlite_set_error (self, error, _("Could not move the attendances"));
  return TRUE;
}

GPtrArray *
fu_sqlite_list_merge_overlaps (FuStore  *self,
                               gint64    keep_id,
                               gint64    remove_id,
                               GError  **error)
{
  g_autoptr(FuPeopleStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  stmt = fu_sqlite_prepare (self, MERGE_OVERLAPS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, keep_id);
  sqlite3_bind_int64 (stmt, 2, remove_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_merge_overlap_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FuMergeOverlap *overlap = g_new0 (FuMergeOverlap, 1);

      overlap->keep_attendance = sqlite3_column_int64 (stmt, 0);
      overlap->remove_attendance = sqlite3_column_int64 (stmt, 1);
      overlap->keep_followup = sqlite3_column_int64 (stmt, 2);
      overlap->remove_followup = sqlite3_column_int64 (stmt, 3);
      overlap->keep_replied = sqlite3_column_int (stmt, 4) != 0;
      overlap->remove_replied = sqlite3_column_int (stmt, 5) != 0;
      overlap->code = fu_sqlite_column_text (stmt, 6);
      g_ptr_array_add (list, overlap);
    }
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not compare the two participants' workshops"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Attendees as participants.csv lists them ---------------------------------------- */


GPtrArray *
fu_sqlite_list_attendees (FuStore  *self,
                          gint64    workshop_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_sqlite_prepare (self,
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

      row->workshop_code = fu_sqlite_column_text (stmt, 0);
      row->name = fu_sqlite_column_text (stmt, 1);
      row->administration = fu_sqlite_column_text (stmt, 2);
      row->email = fu_sqlite_column_text (stmt, 3);
      row->position = fu_sqlite_column_text (stmt, 4);
      row->gender = fu_sqlite_column_text (stmt, 5);
      g_ptr_array_add (list, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not list the participants"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- Merging administrations -------------------------------------------------------------- */

gboolean
fu_sqlite_move_administration (FuStore *self,
                               gint64   keep_id,
                               gint64   remove_id,
                               GError **error)
{
  static const char * const moves[] = {
    "UPDATE participant SET administration_id = ?1 WHERE administration_id = ?2",
    "UPDATE workshop SET host_administration_id = ?1 WHERE host_administration_id = ?2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      g_autoptr(FuStmt) stmt = fu_sqlite_prepare (self, moves[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, keep_id);
      sqlite3_bind_int64 (stmt, 2, remove_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return fu_sqlite_set_error (self, error, _("Could not merge the administrations"));
    }
  return TRUE;
}
