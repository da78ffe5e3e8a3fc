/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-people.c: administrations, participants and their attendances */

#define G_LOG_DOMAIN "fu-pg-people"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-pg-private.h"

/* ---- Administrations ----------------------------------------------------------------------- */

#define ADMINISTRATION_COLUMNS "id, name, short_name, country, member, observer"

static FuAdministration *
administration_from_row (const PGresult *res,
                         int             row)
{
  FuAdministration *admin = fu_administration_new ();

  admin->id = fu_pg_int64 (res, row, 0);
  admin->name = fu_pg_text (res, row, 1);
  admin->short_name = fu_pg_text (res, row, 2);
  admin->country = fu_pg_text (res, row, 3);
  admin->member = fu_pg_int64 (res, row, 4) != 0;
  admin->observer = fu_pg_int64 (res, row, 5) != 0;
  return admin;
}

GPtrArray *
fu_pg_list_administrations (FuStore *self,
                            GError **error)
{
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *admins;

  res = fu_pg_query (self,
                     "SELECT " ADMINISTRATION_COLUMNS " FROM administration "
                     "ORDER BY fu_nocase (name), id",
                     NULL, N_("Could not list the administrations"), error);
  if (res == NULL)
    return NULL;
  admins = g_ptr_array_new_full ((guint) PQntuples (res),
                                 (GDestroyNotify) fu_administration_free);
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (admins, administration_from_row (res, i));
  return admins;
}

gboolean
fu_pg_lookup_administration (FuStore    *self,
                             const char *name_or_short,
                             gint64     *id,
                             GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();

  /* A name wins over another administration's short name. */
  fu_pg_params_raw (params, name_or_short);
  return fu_pg_select_id (self,
                          "SELECT id FROM administration WHERE fu_nocase (name) = fu_nocase ($1) "
                          "UNION ALL "
                          "SELECT id FROM administration "
                          "WHERE fu_nocase (short_name) = fu_nocase ($1) "
                          "LIMIT 1",
                          params, N_("Could not look up an administration"), id, error);
}

FuAdministration *
fu_pg_get_administration (FuStore *self,
                          gint64   id,
                          GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, id);
  res = fu_pg_query (self,
                     "SELECT " ADMINISTRATION_COLUMNS " FROM administration WHERE id = $1",
                     params, N_("Could not read an administration"), error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no administration with id %lld"), (long long) id);
      return NULL;
    }
  return administration_from_row (res, 0);
}

/* ---- Participants -------------------------------------------------------------------------- */

#define PARTICIPANT_FIELDS "name, administration_id, email, position, gender"

static FuParticipant *
participant_from_row (const PGresult *res,
                      int             row)
{
  FuParticipant *participant = fu_participant_new ();

  participant->id = fu_pg_int64 (res, row, 0);
  participant->name = fu_pg_text (res, row, 1);
  participant->administration_id = fu_pg_int64 (res, row, 2);
  participant->email = fu_pg_text (res, row, 3);
  participant->position = fu_pg_text (res, row, 4);
  participant->gender = fu_pg_text (res, row, 5);
  return participant;
}

gboolean
fu_pg_lookup_participant (FuStore    *self,
                          const char *email,
                          const char *name,
                          gint64      administration_id,
                          gint64     *id,
                          GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();

  *id = 0;
  if (!fu_store_text_is_blank (email))
    {
      fu_pg_params_raw (params, email);
      return fu_pg_select_id (self,
                              "SELECT id FROM participant "
                              "WHERE fu_nocase (email) = fu_nocase ($1)",
                              params, N_("Could not look up a participant"), id, error);
    }
  if (fu_store_text_is_blank (name))
    return TRUE;
  fu_pg_params_raw (params, name);
  fu_pg_params_int (params, administration_id);
  return fu_pg_select_id (self,
                          "SELECT id FROM participant "
                          "WHERE fu_nocase (name) = fu_nocase ($1) AND administration_id = $2 "
                          "ORDER BY id LIMIT 1",
                          params, N_("Could not look up a participant"), id, error);
}

FuParticipant *
fu_pg_get_participant (FuStore *self,
                       gint64   id,
                       GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, id);
  res = fu_pg_query (self, "SELECT id, " PARTICIPANT_FIELDS " FROM participant WHERE id = $1",
                     params, N_("Could not read a participant"), error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no participant with id %lld"), (long long) id);
      return NULL;
    }
  return participant_from_row (res, 0);
}

/* An INSERT (id 0) or an UPDATE; a taken e-mail is refused before it would spoil the
 * transaction. */
static gboolean
write_participant (FuStore             *self,
                   const FuParticipant *participant,
                   gint64              *id,
                   GError             **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  gint64 holder = 0;

  if (!fu_store_text_is_blank (participant->email))
    {
      g_autoptr(FuPgParams) taken = fu_pg_params_new ();

      fu_pg_params_raw (taken, participant->email);
      fu_pg_params_int (taken, participant->id);
      if (!fu_pg_select_id (self,
                            "SELECT id FROM participant "
                            "WHERE fu_nocase (email) = fu_nocase ($1) AND id <> $2",
                            taken, N_("Could not look up a participant"), &holder, error))
        return FALSE;
      if (holder != 0)
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                       _("A participant with e-mail '%s' already exists"), participant->email);
          return FALSE;
        }
    }

  fu_pg_params_text (params, participant->name);
  fu_pg_params_int (params, participant->administration_id);
  fu_pg_params_text (params, fu_store_text_is_blank (participant->email) ? NULL
                                                                         : participant->email);
  fu_pg_params_text (params, participant->position);
  fu_pg_params_text (params, participant->gender);
  if (participant->id == 0)
    {
      res = fu_pg_query (self,
                         "INSERT INTO participant (" PARTICIPANT_FIELDS ") "
                         "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                         params, N_("Could not save the participant"), error);
    }
  else
    {
      fu_pg_params_int (params, participant->id);
      res = fu_pg_query (self,
                         "UPDATE participant SET name = $1, administration_id = $2, "
                         "email = $3, position = $4, gender = $5 WHERE id = $6 RETURNING id",
                         params, N_("Could not save the participant"), error);
    }
  if (res == NULL)
    {
      if (error != NULL && g_error_matches (*error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND))
        {
          g_clear_error (error);
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                       _("Participant '%s': there is no administration with id %lld"),
                       participant->name, (long long) participant->administration_id);
        }
      return FALSE;
    }
  if (PQntuples (res) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("Participant '%s' is no longer in the database"), participant->name);
      return FALSE;
    }
  *id = fu_pg_int64 (res, 0, 0);
  return TRUE;
}

gint64
fu_pg_add_participant (FuStore             *self,
                       const FuParticipant *participant,
                       GError             **error)
{
  g_autoptr(FuParticipant) copy = NULL;
  gint64 id = 0;

  if (!fu_store_validate_participant (participant, error))
    return 0;
  if (participant->id != 0)
    {
      /* An id set by the caller is ignored: adding always inserts. */
      copy = fu_participant_copy (participant);
      copy->id = 0;
      participant = copy;
    }
  if (!fu_pg_begin (self, error)
      || !fu_pg_finish (self, write_participant (self, participant, &id, error), error))
    return 0;
  return id;
}

gboolean
fu_pg_update_participant (FuStore             *self,
                          const FuParticipant *participant,
                          GError             **error)
{
  gint64 id;

  g_return_val_if_fail (participant->id > 0, FALSE);

  if (!fu_store_validate_participant (participant, error) || !fu_pg_begin (self, error))
    return FALSE;
  return fu_pg_finish (self, write_participant (self, participant, &id, error), error);
}

/* ---- Attendances ----------------------------------------------------------------------------- */

gboolean
fu_pg_lookup_attendance (FuStore *self,
                         gint64   workshop_id,
                         gint64   participant_id,
                         gint64  *id,
                         GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();

  fu_pg_params_int (params, workshop_id);
  fu_pg_params_int (params, participant_id);
  return fu_pg_select_id (self,
                          "SELECT id FROM attendance WHERE workshop_id = $1 "
                          "AND participant_id = $2",
                          params, N_("Could not look up an attendance"), id, error);
}

/* The attendance, and a surveyed workshop's follow-up with it: closed from the start when
 * the person is not to be contacted. What would be refused is told before writing. */
static gboolean
insert_attendance (FuStore *self,
                   gint64   workshop_id,
                   gint64   participant_id,
                   gint64  *id,
                   GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgParams) followup_params = fu_pg_params_new ();
  g_autoptr(FuPgResult) about = NULL;
  g_autoptr(FuPgResult) added = NULL;
  g_autoptr(FuPgResult) followup = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autoptr(FuParticipant) participant = NULL;

  fu_pg_params_int (params, workshop_id);
  fu_pg_params_int (params, participant_id);
  about = fu_pg_query (self,
                       "SELECT w.surveyed, p.no_contact_date, "
                       "  EXISTS (SELECT 1 FROM attendance a "
                       "          WHERE a.workshop_id = w.id AND a.participant_id = p.id) "
                       "FROM workshop w, participant p WHERE w.id = $1 AND p.id = $2",
                       params, N_("Could not add an attendance"), error);
  if (about == NULL)
    return FALSE;
  if (PQntuples (about) == 0 || g_str_equal (PQgetvalue (about, 0, 2), "t"))
    {
      workshop = fu_pg_get_workshop (self, workshop_id, error);
      if (workshop == NULL)
        return FALSE;
      participant = fu_pg_get_participant (self, participant_id, error);
      if (participant == NULL)
        return FALSE;
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                   _("'%s' already attends workshop '%s'"), participant->name, workshop->code);
      return FALSE;
    }

  added = fu_pg_query (self,
                       "INSERT INTO attendance (workshop_id, participant_id) VALUES ($1, $2) "
                       "RETURNING id",
                       params, N_("Could not add an attendance"), error);
  if (added == NULL)
    return FALSE;
  *id = fu_pg_int64 (added, 0, 0);
  if (fu_pg_int64 (about, 0, 0) == 0)
    return TRUE;

  fu_pg_params_int (followup_params, *id);
  fu_pg_params_day (followup_params, fu_pg_day (about, 0, 1));
  followup = fu_pg_query (self,
                          "INSERT INTO followup (attendance_id, closed_date, closed_reason) "
                          "VALUES ($1, $2, CASE WHEN $2::text IS NOT NULL "
                          "THEN 'do not contact' END)",
                          followup_params, N_("Could not create the follow-up"), error);
  return followup != NULL;
}

gint64
fu_pg_add_attendance (FuStore *self,
                      gint64   workshop_id,
                      gint64   participant_id,
                      GError **error)
{
  gint64 id = 0;

  if (!fu_pg_begin (self, error)
      || !fu_pg_finish (self, insert_attendance (self, workshop_id, participant_id, &id, error),
                        error))
    return 0;
  return id;
}

/* ---- A list's people at once (an import) ---------------------------------------------------
 * The rows go to the server with COPY and come back matched by one statement; new rows take
 * ids reserved from their sequence and go in with COPY. */

/* From how many rows a list is matched in memory, from one read of the people, rather than
 * sent to the server and joined there: sending 100,000 rows, describing them to the
 * planner and joining them took 0.5 s. */
static guint match_in_memory_from = 2000;

void
fu_pg_set_match_in_memory_from (guint n_rows)
{
  match_in_memory_from = n_rows;
}

static gboolean
match_in_memory (FuStore       *self,
                 FuPersonMatch *rows,
                 guint          n_rows,
                 GError       **error)
{
  g_autoptr(FuPgResult) people = NULL;
  g_autoptr(FuPgResult) attending = NULL;
  g_autoptr(FuPgParams) params = NULL;
  g_autofree FuKnownPerson *known = NULL;
  g_autofree guint *row_of = g_new (guint, MAX (n_rows, 1));   /* lookup -> row */
  g_autoptr(GString) workshops = g_string_new ("{");
  g_autoptr(GString) participants = g_string_new ("{");
  guint n_lookups = 0;
  int n_people;

  people = fu_pg_query (self,
                        "SELECT id, name, administration_id, email FROM participant ORDER BY id",
                        NULL, N_("Could not look up the participants"), error);
  if (people == NULL)
    return FALSE;
  n_people = PQntuples (people);
  known = g_new (FuKnownPerson, MAX (n_people, 1));
  for (int i = 0; i < n_people; i++)
    known[i] = (FuKnownPerson) {
      .id = fu_pg_int64 (people, i, 0),
      .name = PQgetvalue (people, i, 1),
      .administration_id = fu_pg_int64 (people, i, 2),
      .email = PQgetisnull (people, i, 3) ? NULL : PQgetvalue (people, i, 3),
    };
  fu_store_match_in_memory (known, (guint) n_people, rows, n_rows);

  /* The attendances of the people found, in one statement: each workshop and person as two
   * arrays, and the numbers of the pairs that attend come back. */
  for (guint i = 0; i < n_rows; i++)
    {
      gint64 id = rows[i].email_id != 0 ? rows[i].email_id : rows[i].name_id;

      if (id == 0)
        continue;
      g_string_append_printf (workshops, "%s%" G_GINT64_FORMAT, n_lookups > 0 ? "," : "",
                              rows[i].workshop_id);
      g_string_append_printf (participants, "%s%" G_GINT64_FORMAT, n_lookups > 0 ? "," : "",
                              id);
      row_of[n_lookups++] = i;
    }
  if (n_lookups == 0)
    return TRUE;
  g_string_append_c (workshops, '}');
  g_string_append_c (participants, '}');
  params = fu_pg_params_new ();
  fu_pg_params_raw (params, workshops->str);
  fu_pg_params_raw (params, participants->str);
  attending = fu_pg_query (self,
                           "SELECT l.n FROM unnest ($1::bigint[], $2::bigint[])"
                           "  WITH ORDINALITY AS l (w, p, n) "
                           "WHERE EXISTS (SELECT 1 FROM attendance a"
                           "  WHERE a.workshop_id = l.w AND a.participant_id = l.p)",
                           params, N_("Could not look up the participants"), error);
  if (attending == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (attending); i++)
    {
      gint64 n = fu_pg_int64 (attending, i, 0);
      FuPersonMatch *row;

      g_return_val_if_fail (n >= 1 && n <= n_lookups, FALSE);
      row = &rows[row_of[n - 1]];
      if (row->email_id != 0)
        row->email_attends = TRUE;
      else
        row->name_attends = TRUE;
    }
  return TRUE;
}

gboolean
fu_pg_match_people (FuStore       *self,
                    FuPersonMatch *rows,
                    guint          n_rows,
                    GError       **error)
{
  g_autoptr(FuPgParams) values = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  if (n_rows >= match_in_memory_from)
    return match_in_memory (self, rows, n_rows, error);
  if (!fu_pg_exec (self,
                   "CREATE TEMPORARY TABLE IF NOT EXISTS fu_match ("
                   "  line bigint, workshop_id bigint, name text, administration_id bigint,"
                   "  email text)",
                   error)
      || !fu_pg_exec (self, "TRUNCATE fu_match", error))
    return FALSE;
  for (guint i = 0; i < n_rows; i++)
    {
      fu_pg_params_int (values, i);
      fu_pg_params_int (values, rows[i].workshop_id);
      fu_pg_params_text (values, fu_store_text_is_blank (rows[i].name) ? NULL : rows[i].name);
      fu_pg_params_int (values, rows[i].administration_id);
      fu_pg_params_text (values, fu_store_text_is_blank (rows[i].email) ? NULL : rows[i].email);
    }
  if (!fu_pg_copy_in (self, "COPY fu_match FROM STDIN", 5, values->values,
                      N_("Could not look up the participants"), error)
      || !fu_pg_exec (self, "ANALYZE fu_match", error))
    return FALSE;

  /* Joined set by set (a hash join, not a lookup per row); only the rows that match come
   * back. */
  res = fu_pg_query (self,
                     "WITH e AS (SELECT m.line, p.id FROM fu_match m"
                     "  JOIN participant p ON fu_nocase (p.email) = fu_nocase (m.email)), "
                     "n AS (SELECT DISTINCT ON (m.line) m.line, p.id,"
                     "   p.email IS NOT NULL AS has_email"
                     "  FROM fu_match m JOIN participant p"
                     "   ON fu_nocase (p.name) = fu_nocase (m.name)"
                     "   AND p.administration_id = m.administration_id"
                     "  WHERE NOT EXISTS (SELECT 1 FROM e WHERE e.line = m.line)"
                     "  ORDER BY m.line, p.id), "
                     "found AS (SELECT m.line, m.workshop_id, e.id AS email_id,"
                     "   n.id AS name_id, n.has_email"
                     "  FROM fu_match m LEFT JOIN e ON e.line = m.line"
                     "  LEFT JOIN n ON n.line = m.line"
                     "  WHERE e.id IS NOT NULL OR n.id IS NOT NULL) "
                     "SELECT f.line, f.email_id, ae.id IS NOT NULL, f.name_id, an.id IS NOT NULL,"
                     " f.has_email "
                     "FROM found f "
                     "LEFT JOIN attendance ae"
                     " ON ae.workshop_id = f.workshop_id AND ae.participant_id = f.email_id "
                     "LEFT JOIN attendance an"
                     " ON an.workshop_id = f.workshop_id AND an.participant_id = f.name_id",
                     NULL, N_("Could not look up the participants"), error);
  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      gint64 line = fu_pg_int64 (res, i, 0);
      FuPersonMatch *row;

      g_return_val_if_fail (line >= 0 && line < n_rows, FALSE);
      row = &rows[line];
      row->email_id = fu_pg_int64 (res, i, 1);
      row->email_attends = g_str_equal (PQgetvalue (res, i, 2), "t");
      row->name_id = fu_pg_int64 (res, i, 3);
      row->name_attends = g_str_equal (PQgetvalue (res, i, 4), "t");
      row->name_has_email = g_str_equal (PQgetvalue (res, i, 5), "t");
    }
  return TRUE;
}

/* @n new ids for @table, from its sequence; NULL with an error. */
static FuPgResult *
reserve_ids (FuStore    *self,
             const char *table,
             guint       n,
             GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_raw (params, table);
  fu_pg_params_int (params, n);
  res = fu_pg_query (self,
                     /* The sequence named once, not for every id. */
                     "WITH s AS MATERIALIZED"
                     " (SELECT pg_get_serial_sequence ($1, 'id')::regclass AS seq) "
                     "SELECT nextval (s.seq) FROM s, generate_series (1, $2::integer)",
                     params, N_("Could not add the rows"), error);
  if (res != NULL && PQntuples (res) != (int) n)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED, "%s",
                   _("Could not add the rows"));
      return NULL;
    }
  return g_steal_pointer (&res);
}

static gboolean
insert_participants (FuStore   *self,
                     GPtrArray *participants,
                     GError   **error)
{
  g_autoptr(FuPgResult) ids = reserve_ids (self, "participant", participants->len, error);
  g_autoptr(FuPgParams) values = fu_pg_params_new ();

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < participants->len; i++)
    {
      const FuParticipant *participant = g_ptr_array_index (participants, i);

      fu_pg_params_raw (values, PQgetvalue (ids, (int) i, 0));
      fu_pg_params_text (values, participant->name);
      fu_pg_params_int (values, participant->administration_id);
      fu_pg_params_text (values, fu_store_text_is_blank (participant->email)
                                 ? NULL : participant->email);
      fu_pg_params_text (values, participant->position);
      fu_pg_params_text (values, participant->gender);
    }
  if (!fu_pg_copy_in (self, "COPY participant (id, " PARTICIPANT_FIELDS ") FROM STDIN", 6,
                      values->values, N_("Could not save the participants"), error))
    return FALSE;
  for (guint i = 0; i < participants->len; i++)
    ((FuParticipant *) g_ptr_array_index (participants, i))->id = fu_pg_int64 (ids, (int) i, 0);
  return TRUE;
}

gboolean
fu_pg_add_participants (FuStore   *self,
                        GPtrArray *participants,
                        GError   **error)
{
  if (!fu_pg_begin (self, error))
    return FALSE;
  return fu_pg_finish (self, insert_participants (self, participants, error), error);
}

/* Staged with COPY, then added with their follow-ups by one statement. */
static gboolean
insert_attendances (FuStore      *self,
                    const gint64 *pairs,
                    guint         n_pairs,
                    GError      **error)
{
  g_autoptr(FuPgParams) values = fu_pg_params_new ();
  g_autoptr(FuPgResult) added = NULL;

  if (!fu_pg_exec (self,
                   "CREATE TEMPORARY TABLE IF NOT EXISTS fu_pairs ("
                   "  line bigint, workshop_id bigint, participant_id bigint)",
                   error)
      || !fu_pg_exec (self, "TRUNCATE fu_pairs", error))
    return FALSE;
  for (guint i = 0; i < n_pairs; i++)
    {
      fu_pg_params_int (values, i);
      fu_pg_params_int (values, pairs[2 * i]);
      fu_pg_params_int (values, pairs[2 * i + 1]);
    }
  if (!fu_pg_copy_in (self, "COPY fu_pairs FROM STDIN", 3, values->values,
                      N_("Could not add the attendances"), error))
    return FALSE;

  added = fu_pg_query (self,
                       "WITH added AS (INSERT INTO attendance (workshop_id, participant_id) "
                       "  SELECT workshop_id, participant_id FROM fu_pairs ORDER BY line "
                       "  RETURNING id, workshop_id, participant_id) "
                       "INSERT INTO followup (attendance_id, closed_date, closed_reason) "
                       "SELECT a.id, p.no_contact_date, "
                       "  CASE WHEN p.no_contact_date IS NOT NULL THEN 'do not contact' END "
                       "FROM added a "
                       "JOIN workshop w ON w.id = a.workshop_id AND w.surveyed <> 0 "
                       "JOIN participant p ON p.id = a.participant_id ORDER BY a.id",
                       NULL, N_("Could not add the attendances"), error);
  return added != NULL;
}

gboolean
fu_pg_add_attendances (FuStore      *self,
                       const gint64 *pairs,
                       guint         n_pairs,
                       GError      **error)
{
  if (!fu_pg_begin (self, error))
    return FALSE;
  return fu_pg_finish (self, insert_attendances (self, pairs, n_pairs, error), error);
}

gboolean
fu_pg_lookup_followup (FuStore *self,
                       gint64   attendance_id,
                       gint64  *followup_id,
                       GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();

  fu_pg_params_int (params, attendance_id);
  return fu_pg_select_id (self, "SELECT id FROM followup WHERE attendance_id = $1", params,
                          N_("Could not look up a follow-up"), followup_id, error);
}

/* ---- The overview ---------------------------------------------------------------------------- */

GPtrArray *
fu_pg_list_participant_overview (FuStore  *self,
                                 GError  **error)
{
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *list;

  res = fu_pg_query (self,
                     "SELECT p.id, p.name, p.administration_id, ad.name, p.email, p.position,"
                     " (SELECT count (*) FROM attendance a WHERE a.participant_id = p.id),"
                     " (SELECT count (*) FROM attendance a"
                     "   JOIN followup f ON f.attendance_id = a.id"
                     "   JOIN reply r ON r.followup_id = f.id"
                     "   WHERE a.participant_id = p.id)"
                     " FROM participant p"
                     " JOIN administration ad ON ad.id = p.administration_id"
                     " ORDER BY fu_nocase (p.name), p.id",
                     NULL, N_("Could not list the participants"), error);
  if (res == NULL)
    return NULL;
  list = g_ptr_array_new_full ((guint) PQntuples (res),
                               (GDestroyNotify) fu_participant_overview_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuParticipantOverview *row = g_new0 (FuParticipantOverview, 1);

      row->participant_id = fu_pg_int64 (res, i, 0);
      row->name = fu_pg_text (res, i, 1);
      row->administration_id = fu_pg_int64 (res, i, 2);
      row->administration = fu_pg_text (res, i, 3);
      row->email = fu_pg_text (res, i, 4);
      row->position = fu_pg_text (res, i, 5);
      row->n_attendances = (guint) fu_pg_int64 (res, i, 6);
      row->n_replies = (guint) fu_pg_int64 (res, i, 7);
      g_ptr_array_add (list, row);
    }
  return list;
}

GPtrArray *
fu_pg_list_attendees (FuStore  *self,
                      gint64    workshop_id,
                      GError  **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *list;

  fu_pg_params_int (params, workshop_id);
  res = fu_pg_query (self,
                     "SELECT w.code, p.name, ad.name, p.email, p.position, p.gender "
                     "FROM attendance a "
                     "JOIN workshop w ON w.id = a.workshop_id "
                     "JOIN participant p ON p.id = a.participant_id "
                     "JOIN administration ad ON ad.id = p.administration_id "
                     "WHERE $1 = 0 OR a.workshop_id = $1 "
                     "ORDER BY w.start_date COLLATE \"C\", w.code COLLATE \"C\", "
                     "fu_nocase (ad.name), fu_nocase (p.name), a.id",
                     params, N_("Could not list the participants"), error);
  if (res == NULL)
    return NULL;
  list = g_ptr_array_new_full ((guint) PQntuples (res), (GDestroyNotify) fu_attendee_row_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuAttendeeRow *row = g_new0 (FuAttendeeRow, 1);

      row->workshop_code = fu_pg_text (res, i, 0);
      row->name = fu_pg_text (res, i, 1);
      row->administration = fu_pg_text (res, i, 2);
      row->email = fu_pg_text (res, i, 3);
      row->position = fu_pg_text (res, i, 4);
      row->gender = fu_pg_text (res, i, 5);
      g_ptr_array_add (list, row);
    }
  return list;
}

/* ---- Attendances with their follow-ups ------------------------------------------------------ */

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

/* $1 is the workshop or the participant, $2 the day asked about. */
#define ATTENDANCE_SQL \
  "SELECT a.id, w.id, w.code, w.title, w.start_date, w.end_date, w.surveyed," \
  " w.planned_override, p.id, p.name, p.administration_id, ad.name, p.email, p.position," \
  " f.id, f.sent_date, f.deadline, f.closed_date, r.received_date," \
  " (SELECT max (m.sent_date) FROM reminder m" \
  "   WHERE m.followup_id = f.id AND m.sent_date <= $2)," \
  " (SELECT count (*) FROM reminder m" \
  "   WHERE m.followup_id = f.id AND m.sent_date <= $2)" \
  " FROM attendance a" \
  " JOIN workshop w ON w.id = a.workshop_id" \
  " JOIN participant p ON p.id = a.participant_id" \
  " JOIN administration ad ON ad.id = p.administration_id" \
  " LEFT JOIN followup f ON f.attendance_id = a.id" \
  " LEFT JOIN reply r ON r.followup_id = f.id"

static GPtrArray *
list_attendances (FuStore     *self,
                  const char  *sql,
                  gint64       id,
                  FuDay        as_of,
                  const char  *what,
                  GError     **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *list;
  FuRules rules;

  fu_store_get_rules (self, &rules);
  fu_pg_params_int (params, id);
  fu_pg_params_day (params, as_of);
  res = fu_pg_query (self, sql, params, what, error);
  if (res == NULL)
    return NULL;
  list = g_ptr_array_new_full ((guint) PQntuples (res), (GDestroyNotify) fu_attendance_row_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuAttendanceRow *row = g_new0 (FuAttendanceRow, 1);
      FuFollowupRead read = { 0, };

      row->attendance_id = fu_pg_int64 (res, i, ACOL_ATTENDANCE_ID);
      row->workshop_id = fu_pg_int64 (res, i, ACOL_WORKSHOP_ID);
      row->workshop_code = fu_pg_text (res, i, ACOL_CODE);
      row->workshop_title = fu_pg_text (res, i, ACOL_TITLE);
      row->workshop_start = fu_pg_day (res, i, ACOL_START);
      row->workshop_end = fu_pg_day (res, i, ACOL_END);
      row->participant_id = fu_pg_int64 (res, i, ACOL_PARTICIPANT_ID);
      row->participant_name = fu_pg_text (res, i, ACOL_PARTICIPANT);
      row->administration_id = fu_pg_int64 (res, i, ACOL_ADMINISTRATION_ID);
      row->administration = fu_pg_text (res, i, ACOL_ADMINISTRATION);
      row->email = fu_pg_text (res, i, ACOL_EMAIL);
      row->position = fu_pg_text (res, i, ACOL_POSITION);
      row->followup_id = fu_pg_int64 (res, i, ACOL_FOLLOWUP_ID);
      row->surveyed = fu_pg_int64 (res, i, ACOL_SURVEYED) != 0;
      read.end = row->workshop_end;
      read.planned_override = fu_pg_day (res, i, ACOL_PLANNED_OVERRIDE);
      read.sent = fu_pg_day (res, i, ACOL_SENT);
      read.deadline = fu_pg_day (res, i, ACOL_DEADLINE);
      read.closed = fu_pg_day (res, i, ACOL_CLOSED);
      read.received = fu_pg_day (res, i, ACOL_RECEIVED);
      read.last_reminder = fu_pg_day (res, i, ACOL_LAST_REMINDER);
      read.n_reminders = (guint) fu_pg_int64 (res, i, ACOL_N_REMINDERS);
      fu_attendance_row_set_followup (row, &rules, as_of, &read);
      g_ptr_array_add (list, row);
    }
  return list;
}

GPtrArray *
fu_pg_list_participant_history (FuStore  *self,
                                gint64    participant_id,
                                FuDay     as_of,
                                GError  **error)
{
  g_autoptr(FuParticipant) participant = fu_pg_get_participant (self, participant_id, error);

  if (participant == NULL)
    return NULL;
  return list_attendances (self,
                           ATTENDANCE_SQL
                           " WHERE a.participant_id = $1"
                           " ORDER BY w.start_date COLLATE \"C\", w.code COLLATE \"C\"",
                           participant_id, as_of,
                           N_("Could not list the participant's workshops"), error);
}

GPtrArray *
fu_pg_list_workshop_attendees (FuStore  *self,
                               gint64    workshop_id,
                               FuDay     as_of,
                               GError  **error)
{
  g_autoptr(FuWorkshop) workshop = fu_pg_get_workshop (self, workshop_id, error);

  if (workshop == NULL)
    return NULL;
  return list_attendances (self,
                           ATTENDANCE_SQL
                           " WHERE a.workshop_id = $1"
                           " ORDER BY fu_nocase (ad.name), fu_nocase (p.name), a.id",
                           workshop_id, as_of,
                           N_("Could not list the workshop's attendees"), error);
}

/* People whose last workshop ended before the day, not anonymized yet. */
#define LIST_BEFORE_SQL \
  "SELECT p.id FROM participant p JOIN attendance a ON a.participant_id = p.id " \
  "JOIN workshop w ON w.id = a.workshop_id " \
  "WHERE p.email IS NOT NULL OR p.position IS NOT NULL OR p.gender IS NOT NULL " \
  "GROUP BY p.id HAVING max (w.end_date COLLATE \"C\") < $1 ORDER BY p.id"

/* The people whose last workshop ended before @before, for the retention rule. */
GArray *
fu_pg_list_participants_before (FuStore  *self,
                                FuDay     before,
                                GError  **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  GArray *ids;

  fu_pg_params_day (params, before);
  res = fu_pg_query (self, LIST_BEFORE_SQL, params, N_("Could not list the participants"),
                     error);
  if (res == NULL)
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) PQntuples (res));
  for (int i = 0; i < PQntuples (res); i++)
    {
      gint64 id = fu_pg_int64 (res, i, 0);

      g_array_append_val (ids, id);
    }
  return ids;
}

gboolean
fu_pg_set_no_contact (FuStore     *self,
                      gint64       participant_id,
                      FuDay        date,
                      const char  *reason,
                      GError     **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgParams) followups = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  g_autoptr(FuPgResult) closed = NULL;

  fu_pg_params_int (params, participant_id);
  fu_pg_params_day (params, date);
  fu_pg_params_text (params, date != FU_DAY_NONE ? reason : NULL);
  res = fu_pg_query (self,
                     "UPDATE participant SET no_contact_date = $2, no_contact_reason = $3 "
                     "WHERE id = $1",
                     params, N_("Could not save the participant"), error);
  if (res == NULL)
    return FALSE;
  if (g_str_equal (PQcmdTuples (res), "0"))
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no participant with id %lld"), (long long) participant_id);
      return FALSE;
    }

  /* Their open follow-ups close "do not contact" (a reply stays a reply); clearing the mark
   * opens them again. */
  fu_pg_params_int (followups, participant_id);
  if (date != FU_DAY_NONE)
    {
      fu_pg_params_day (followups, date);
      closed = fu_pg_query (self,
                            "UPDATE followup SET closed_date = $2, closed_reason = 'do not contact'"
                            " WHERE closed_date IS NULL"
                            " AND id NOT IN (SELECT followup_id FROM reply)"
                            " AND attendance_id IN (SELECT id FROM attendance"
                            "  WHERE participant_id = $1)",
                            followups, N_("Could not close the follow-up"), error);
    }
  else
    {
      closed = fu_pg_query (self,
                            "UPDATE followup SET closed_date = NULL, closed_reason = NULL"
                            " WHERE closed_reason = 'do not contact'"
                            " AND attendance_id IN (SELECT id FROM attendance"
                            "  WHERE participant_id = $1)",
                            followups, N_("Could not reopen a follow-up"), error);
    }
  return closed != NULL;
}

/* ---- Changing administrations, deleting people and attendances ----------------------------- */

static gboolean
name_taken (FuStore                *self,
            const FuAdministration *admin,
            GError                **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  gint64 other = 0;

  fu_pg_params_raw (params, admin->name);
  fu_pg_params_text (params, fu_store_text_is_blank (admin->short_name) ? NULL
                                                                        : admin->short_name);
  fu_pg_params_int (params, admin->id);
  if (!fu_pg_select_id (self,
                        "SELECT id FROM administration WHERE id <> $3 "
                        "AND (fu_nocase (name) = fu_nocase ($1) "
                        "     OR ($2::text IS NOT NULL AND fu_nocase (short_name) = fu_nocase ($2)))",
                        params, N_("Could not look up an administration"), &other, error))
    return TRUE;
  if (other == 0)
    return FALSE;
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
               _("Another administration is named '%s' or has the short name '%s'"),
               admin->name, admin->short_name != NULL ? admin->short_name : "");
  return TRUE;
}

static FuPgParams *
administration_params (const FuAdministration *admin)
{
  FuPgParams *params = fu_pg_params_new ();

  fu_pg_params_text (params, admin->name);
  fu_pg_params_text (params, fu_store_text_is_blank (admin->short_name) ? NULL
                                                                        : admin->short_name);
  fu_pg_params_text (params, admin->country);
  fu_pg_params_int (params, admin->member ? 1 : 0);
  fu_pg_params_int (params, admin->observer ? 1 : 0);
  return params;
}

gint64
fu_pg_add_administration (FuStore                *self,
                          const FuAdministration *admin,
                          GError                **error)
{
  g_autoptr(FuPgParams) params = NULL;
  g_autoptr(FuPgResult) res = NULL;
  FuAdministration unsaved = *admin;

  if (fu_store_text_is_blank (admin->name))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("An administration needs a name"));
      return 0;
    }
  unsaved.id = 0;
  if (name_taken (self, &unsaved, error) || !fu_pg_begin (self, error))
    return 0;
  params = administration_params (admin);
  res = fu_pg_query (self,
                     "INSERT INTO administration (name, short_name, country, member, observer) "
                     "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                     params, N_("Could not add the administration"), error);
  if (!fu_pg_finish (self, res != NULL, error))
    return 0;
  return fu_pg_int64 (res, 0, 0);
}

gboolean
fu_pg_update_administration (FuStore                *self,
                             const FuAdministration *admin,
                             GError                **error)
{
  g_autoptr(FuPgParams) params = NULL;
  g_autofree char *not_found = NULL;

  if (fu_store_text_is_blank (admin->name))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("An administration needs a name"));
      return FALSE;
    }
  if (name_taken (self, admin, error))
    return FALSE;
  params = administration_params (admin);
  fu_pg_params_int (params, admin->id);
  not_found = g_strdup_printf (_("There is no administration with id %lld"),
                               (long long) admin->id);
  return fu_pg_change_one (self,
                     "UPDATE administration SET name = $1, short_name = $2, country = $3, "
                     "member = $4, observer = $5 WHERE id = $6",
                     params, N_("Could not save the administration"), not_found, error);
}

gboolean
fu_pg_delete_administration (FuStore *self,
                             gint64   id,
                             GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgParams) used = fu_pg_params_new ();
  g_autofree char *not_found = NULL;
  gint64 user = 0;

  /* Told before the server refuses it, which would spoil the transaction. */
  fu_pg_params_int (used, id);
  if (!fu_pg_select_id (self,
                        "SELECT 1 WHERE EXISTS (SELECT 1 FROM participant "
                        "WHERE administration_id = $1) OR EXISTS (SELECT 1 FROM workshop "
                        "WHERE host_administration_id = $1)",
                        used, N_("Could not delete the administration"), &user, error))
    return FALSE;
  if (user != 0)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                           _("This administration still has participants or hosts "
                             "workshops: merge it into another instead"));
      return FALSE;
    }
  fu_pg_params_int (params, id);
  not_found = g_strdup_printf (_("There is no administration with id %lld"), (long long) id);
  return fu_pg_change_one (self, "DELETE FROM administration WHERE id = $1", params,
                     N_("Could not delete the administration"), not_found, error);
}

gboolean
fu_pg_delete_participant (FuStore *self,
                          gint64   id,
                          GError **error)
{
  g_autoptr(FuPgParams) attendances = fu_pg_params_new ();
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  g_autofree char *not_found = NULL;

  if (!fu_pg_begin (self, error))
    return FALSE;
  fu_pg_params_int (attendances, id);
  res = fu_pg_query (self, "DELETE FROM attendance WHERE participant_id = $1", attendances,
                     N_("Could not delete the participant's attendances"), error);
  if (res == NULL)
    {
      fu_pg_rollback (self);
      return FALSE;
    }
  fu_pg_params_int (params, id);
  not_found = g_strdup_printf (_("There is no participant with id %lld"), (long long) id);
  return fu_pg_finish (self,
                       fu_pg_change_one (self, "DELETE FROM participant WHERE id = $1", params,
                                         N_("Could not delete the participant"), not_found,
                                         error),
                       error);
}

gboolean
fu_pg_delete_attendance (FuStore *self,
                         gint64   id,
                         GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autofree char *not_found = NULL;

  fu_pg_params_int (params, id);
  not_found = g_strdup_printf (_("There is no attendance with id %lld"), (long long) id);
  return fu_pg_change_one (self, "DELETE FROM attendance WHERE id = $1", params,
                     N_("Could not remove the participant from the workshop"), not_found, error);
}

gboolean
fu_pg_move_administration (FuStore *self,
                           gint64   keep_id,
                           gint64   remove_id,
                           GError **error)
{
  static const char * const moves[] = {
    "UPDATE participant SET administration_id = $1 WHERE administration_id = $2",
    "UPDATE workshop SET host_administration_id = $1 WHERE host_administration_id = $2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      g_autoptr(FuPgParams) params = fu_pg_params_new ();
      g_autoptr(FuPgResult) res = NULL;

      fu_pg_params_int (params, keep_id);
      fu_pg_params_int (params, remove_id);
      res = fu_pg_query (self, moves[i], params, N_("Could not merge the administrations"),
                         error);
      if (res == NULL)
        return FALSE;
    }
  return TRUE;
}

/* ---- Merging people ----------------------------------------------------------------------- */

gboolean
fu_pg_move_attendances (FuStore *self,
                        gint64   keep_id,
                        gint64   remove_id,
                        GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, keep_id);
  fu_pg_params_int (params, remove_id);
  res = fu_pg_query (self, "UPDATE attendance SET participant_id = $1 WHERE participant_id = $2",
                     params, N_("Could not move the attendances"), error);
  return res != NULL;
}

GPtrArray *
fu_pg_list_merge_overlaps (FuStore  *self,
                           gint64    keep_id,
                           gint64    remove_id,
                           GError  **error)
{
  g_autoptr(FuPgParams) values = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *list;

  fu_pg_params_int (values, keep_id);
  fu_pg_params_int (values, remove_id);
  res = fu_pg_query_numbered (self, MERGE_OVERLAPS_SQL, values,
                              N_("Could not compare the two participants' workshops"), error);
  if (res == NULL)
    return NULL;
  list = g_ptr_array_new_full ((guint) PQntuples (res), (GDestroyNotify) fu_merge_overlap_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuMergeOverlap *overlap = g_new0 (FuMergeOverlap, 1);

      overlap->keep_attendance = fu_pg_int64 (res, i, 0);
      overlap->remove_attendance = fu_pg_int64 (res, i, 1);
      overlap->keep_followup = fu_pg_int64 (res, i, 2);
      overlap->remove_followup = fu_pg_int64 (res, i, 3);
      overlap->keep_replied = g_str_equal (PQgetvalue (res, i, 4), "t");
      overlap->remove_replied = g_str_equal (PQgetvalue (res, i, 5), "t");
      overlap->code = fu_pg_text (res, i, 6);
      g_ptr_array_add (list, overlap);
    }
  return list;
}
