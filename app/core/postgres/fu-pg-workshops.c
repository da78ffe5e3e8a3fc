/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-workshops.c: workshops */

#define G_LOG_DOMAIN "fu-pg-workshops"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-pg-private.h"
#include "fu-rules.h"

#define WORKSHOP_FIELDS \
  "code, title, kind, start_date, end_date, venue, host_administration_id, co_organizer, " \
  "surveyed, notes, planned_override, deadline_override"

static FuWorkshop *
workshop_from_row (const PGresult *res,
                   int             row)
{
  FuWorkshop *workshop = fu_workshop_new ();
  const char *kind = PQgetvalue (res, row, 3);

  workshop->id = fu_pg_int64 (res, row, 0);
  workshop->code = fu_pg_text (res, row, 1);
  workshop->title = fu_pg_text (res, row, 2);
  if (PQgetisnull (res, row, 3) || !fu_workshop_kind_from_string (kind, &workshop->kind))
    workshop->kind = FU_WORKSHOP_KIND_OTHER;
  workshop->start_date = fu_pg_day (res, row, 4);
  workshop->end_date = fu_pg_day (res, row, 5);
  workshop->venue = fu_pg_text (res, row, 6);
  workshop->host_administration_id = fu_pg_int64 (res, row, 7);
  workshop->co_organizer = fu_pg_text (res, row, 8);
  workshop->surveyed = fu_pg_int64 (res, row, 9) != 0;
  workshop->notes = fu_pg_text (res, row, 10);
  workshop->planned_override = fu_pg_day (res, row, 11);
  workshop->deadline_override = fu_pg_day (res, row, 12);
  return workshop;
}

/* $1 to $12, in WORKSHOP_FIELDS's order. */
static FuPgParams *
workshop_params (const FuWorkshop *workshop,
                 FuDay             end_date)
{
  FuPgParams *params = fu_pg_params_new ();

  fu_pg_params_text (params, workshop->code);
  fu_pg_params_text (params, workshop->title);
  fu_pg_params_text (params, fu_workshop_kind_to_string (workshop->kind));
  fu_pg_params_day (params, workshop->start_date);
  fu_pg_params_day (params, end_date);
  fu_pg_params_text (params, workshop->venue);
  fu_pg_params_id (params, workshop->host_administration_id);
  fu_pg_params_text (params, workshop->co_organizer);
  fu_pg_params_int (params, workshop->surveyed ? 1 : 0);
  fu_pg_params_text (params, workshop->notes);
  fu_pg_params_day (params, workshop->planned_override);
  fu_pg_params_day (params, workshop->deadline_override);
  return params;
}

/* The messages of the SQLite backend for the same refusals. */
static void
workshop_write_error (const FuWorkshop *workshop,
                      GError          **error)
{
  if (error == NULL || *error == NULL)
    return;
  if (g_error_matches (*error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS))
    {
      g_clear_error (error);
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                   _("A workshop with code '%s' already exists"), workshop->code);
    }
  else if (g_error_matches (*error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND))
    {
      g_clear_error (error);
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("Workshop '%s': there is no host administration with id %lld"),
                   workshop->code, (long long) workshop->host_administration_id);
    }
}

gboolean
fu_pg_lookup_workshop (FuStore    *self,
                       const char *code,
                       gint64     *id,
                       GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();

  *id = 0;
  if (fu_store_text_is_blank (code))
    return TRUE;
  fu_pg_params_raw (params, code);
  return fu_pg_select_id (self, "SELECT id FROM workshop WHERE code = $1", params,
                          N_("Could not look up a workshop"), id, error);
}

FuWorkshop *
fu_pg_get_workshop (FuStore *self,
                    gint64   id,
                    GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, id);
  res = fu_pg_query (self, "SELECT id, " WORKSHOP_FIELDS " FROM workshop WHERE id = $1",
                     params, N_("Could not read a workshop"), error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no workshop with id %lld"), (long long) id);
      return NULL;
    }
  return workshop_from_row (res, 0);
}

GPtrArray *
fu_pg_list_workshops (FuStore *self,
                      FuDay    from,
                      FuDay    to,
                      GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *workshops;

  fu_pg_params_day (params, from);
  fu_pg_params_day (params, to);
  res = fu_pg_query (self,
                     "SELECT id, " WORKSHOP_FIELDS " FROM workshop "
                     "WHERE ($1::text IS NULL OR start_date >= $1) "
                     "AND ($2::text IS NULL OR start_date <= $2) "
                     "ORDER BY start_date COLLATE \"C\", code COLLATE \"C\"",
                     params, N_("Could not list the workshops"), error);
  if (res == NULL)
    return NULL;
  workshops = g_ptr_array_new_full ((guint) PQntuples (res), (GDestroyNotify) fu_workshop_free);
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (workshops, workshop_from_row (res, i));
  return workshops;
}

gint64
fu_pg_add_workshop (FuStore          *self,
                    const FuWorkshop *workshop,
                    GError          **error)
{
  g_autoptr(FuPgParams) params = NULL;
  g_autoptr(FuPgResult) res = NULL;
  FuDay end_date;

  if (!fu_store_validate_workshop (workshop, &end_date, error) || !fu_pg_begin (self, error))
    return 0;
  params = workshop_params (workshop, end_date);
  res = fu_pg_query (self,
                     "INSERT INTO workshop (" WORKSHOP_FIELDS ") "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                     params, N_("Could not save the workshop"), error);
  if (res == NULL)
    workshop_write_error (workshop, error);
  if (!fu_pg_finish (self, res != NULL, error))
    return 0;
  return fu_pg_int64 (res, 0, 0);
}

/* Gives every attendance of a surveyed workshop its follow-up, closed "do not contact" for
 * a person not to be contacted. */
static gboolean
create_missing_followups (FuStore *self,
                          gint64   workshop_id,
                          GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, workshop_id);
  res = fu_pg_query (self,
                     "INSERT INTO followup (attendance_id, closed_date, closed_reason) "
                     "SELECT a.id, p.no_contact_date, "
                     "CASE WHEN p.no_contact_date IS NOT NULL THEN 'do not contact' END "
                     "FROM attendance a JOIN workshop w ON w.id = a.workshop_id "
                     "JOIN participant p ON p.id = a.participant_id "
                     "WHERE a.workshop_id = $1 AND w.surveyed = 1 "
                     "AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.attendance_id = a.id) "
                     "ORDER BY a.id",
                     params, N_("Could not create the follow-ups"), error);
  return res != NULL;
}

/* The workshop's reply deadline changed: questionnaires already sent get the new one (the
 * override, or the sending date plus the rules' reply days when the override is removed). */
static gboolean
reschedule_deadlines (FuStore *self,
                      gint64   workshop_id,
                      FuDay    deadline_override,
                      GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) sent = NULL;
  FuRules rules;

  fu_store_get_rules (self, &rules);
  fu_pg_params_int (params, workshop_id);
  sent = fu_pg_query (self,
                      "SELECT f.id, f.sent_date FROM followup f "
                      "JOIN attendance a ON a.id = f.attendance_id "
                      "WHERE a.workshop_id = $1 AND f.sent_date IS NOT NULL",
                      params, N_("Could not read the follow-ups"), error);
  if (sent == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (sent); i++)
    {
      g_autoptr(FuPgParams) update = fu_pg_params_new ();
      g_autoptr(FuPgResult) res = NULL;

      fu_pg_params_int (update, fu_pg_int64 (sent, i, 0));
      fu_pg_params_day (update, fu_schedule_deadline (&rules, fu_pg_day (sent, i, 1),
                                                      deadline_override));
      res = fu_pg_query (self, "UPDATE followup SET deadline = $2 WHERE id = $1", update,
                         N_("Could not update a reply deadline"), error);
      if (res == NULL)
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
  g_autoptr(FuPgParams) id = fu_pg_params_new ();
  g_autoptr(FuPgParams) params = workshop_params (workshop, end_date);
  g_autoptr(FuPgResult) old = NULL;
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (id, workshop->id);
  old = fu_pg_query (self, "SELECT deadline_override FROM workshop WHERE id = $1 FOR UPDATE",
                     id, N_("Could not read a workshop"), error);
  if (old == NULL)
    return FALSE;
  if (PQntuples (old) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("Workshop '%s' is no longer in the database"), workshop->code);
      return FALSE;
    }

  fu_pg_params_int (params, workshop->id);
  res = fu_pg_query (self,
                     "UPDATE workshop SET code = $1, title = $2, kind = $3, "
                     "start_date = $4, end_date = $5, venue = $6, "
                     "host_administration_id = $7, co_organizer = $8, surveyed = $9, "
                     "notes = $10, planned_override = $11, deadline_override = $12 "
                     "WHERE id = $13",
                     params, N_("Could not save the workshop"), error);
  if (res == NULL)
    {
      workshop_write_error (workshop, error);
      return FALSE;
    }

  /* Not surveyed any more: the follow-ups stay, hidden from lists and summaries. */
  if (workshop->surveyed && !create_missing_followups (self, workshop->id, error))
    return FALSE;
  if (fu_pg_day (old, 0, 0) != workshop->deadline_override
      && !reschedule_deadlines (self, workshop->id, workshop->deadline_override, error))
    return FALSE;
  return TRUE;
}

gboolean
fu_pg_update_workshop (FuStore          *self,
                       const FuWorkshop *workshop,
                       GError          **error)
{
  FuDay end_date;

  g_return_val_if_fail (workshop->id > 0, FALSE);

  if (!fu_store_validate_workshop (workshop, &end_date, error) || !fu_pg_begin (self, error))
    return FALSE;
  return fu_pg_finish (self, update_workshop (self, workshop, end_date, error), error);
}

gboolean
fu_pg_delete_workshop (FuStore *self,
                       gint64   id,
                       GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autofree char *not_found = g_strdup_printf (_("There is no workshop with id %lld"),
                                                (long long) id);

  fu_pg_params_int (params, id);
  return fu_pg_change_one (self, "DELETE FROM workshop WHERE id = $1", params,
                           N_("Could not delete the workshop"), not_found, error);
}
