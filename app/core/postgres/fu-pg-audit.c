/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-audit.c: the audit log in PostgreSQL. The schema's triggers copy every row a command
 * updates or deletes into audit_change while the command's entry is in audit_capture, and
 * note every row it adds; audit_end() makes those notes ranges, as the SQLite backend
 * writes them. */

#define G_LOG_DOMAIN "fu-pg-audit"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-pg-private.h"

/* The audited tables, in FuRecordKind's order: parents first. */
static const char * const audit_tables[FU_N_RECORDS] = {
  "administration", "workshop", "participant", "attendance", "followup", "reminder", "reply",
  "settings",
};

/* A command that adds at most this many rows has each of them recorded with its values; more
 * (an import) are recorded as ranges of ids. As in the SQLite backend. */
#define FEW_ROWS 1000

static gboolean
run_with_id (FuStore    *self,
             const char *sql,
             gint64      id,
             GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, id);
  res = fu_pg_query (self, sql, params, N_("Could not record the change in the history"), error);
  return res != NULL;
}

static gboolean
read_int64 (FuStore    *self,
            const char *sql,
            gint64      id,
            gint64     *value,
            GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, id);
  *value = 0;
  res = fu_pg_query (self, sql, params, N_("Could not read the history"), error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) > 0)
    *value = fu_pg_int64 (res, 0, 0);
  return TRUE;
}

gint64
fu_pg_audit_begin (FuStore    *self,
                   const char *kind,
                   gint64      undoes,
                   GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  gint64 entry_id;

  fu_pg_params_text (params, at);
  fu_pg_params_text (params, fu_store_get_author (self));
  fu_pg_params_text (params, kind);
  fu_pg_params_id (params, undoes > 0 ? undoes : 0);
  res = fu_pg_query (self,
                     "INSERT INTO audit_entry (at, author, kind, sentence, undoes) "
                     "VALUES ($1, $2, $3, '', $4) RETURNING id",
                     params, N_("Could not record the change in the history"), error);
  if (res == NULL)
    return 0;
  entry_id = fu_pg_int64 (res, 0, 0);
  /* Only this transaction sees its row: others' commands record their own. */
  if (!run_with_id (self, "DELETE FROM audit_capture WHERE entry_id <> $1", entry_id, error)
      || !run_with_id (self, "INSERT INTO audit_capture (entry_id) VALUES ($1)", entry_id, error))
    return 0;
  return entry_id;
}

/* The rows the command added, table by table, parents first (undoing goes backwards, children
 * first): one change for each with its values when there are few, else one for each run of
 * consecutive ids. Rows it added and removed again are not kept, nor the changes it made to
 * rows it added itself: taking the rows back takes them. */
static gboolean
write_insert_ranges (FuStore *self,
                     gint64   entry_id,
                     GError **error)
{
  gint64 added = 0;

  if (!read_int64 (self,
                   "SELECT count (DISTINCT (tbl, row_id)) FROM audit_change "
                   "WHERE entry_id = $1 AND op = 1",
                   entry_id, &added, error))
    return FALSE;
  if (added == 0)
    return TRUE;

  for (guint t = 0; t < FU_N_RECORDS; t++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(FuPgParams) params = fu_pg_params_new ();
      g_autoptr(FuPgResult) res = NULL;
      const char *table = audit_tables[t];

      if (added <= FEW_ROWS)
        sql = g_strdup_printf (
          "WITH noted AS (DELETE FROM audit_change WHERE entry_id = $1 AND tbl = $2 "
          "  AND op = 1 RETURNING row_id), "
          "dropped AS (DELETE FROM audit_change c WHERE c.entry_id = $1 AND c.tbl = $2 "
          "  AND c.op <> 1 AND c.row_id IN (SELECT row_id FROM noted)) "
          "INSERT INTO audit_change (entry_id, tbl, row_id, row_last, op, new) "
          "SELECT $1, $2, t.id, t.id, 1, to_jsonb (t)::text FROM \"%s\" t "
          "WHERE t.id IN (SELECT row_id FROM noted) ORDER BY t.id",
          table);
      else
        sql = g_strdup_printf (
          "WITH noted AS (DELETE FROM audit_change WHERE entry_id = $1 AND tbl = $2 "
          "  AND op = 1 RETURNING row_id), "
          "dropped AS (DELETE FROM audit_change c WHERE c.entry_id = $1 AND c.tbl = $2 "
          "  AND c.op <> 1 AND c.row_id IN (SELECT row_id FROM noted)), "
          "live AS (SELECT t.id, t.id - row_number () OVER (ORDER BY t.id) AS run "
          "  FROM \"%s\" t WHERE t.id IN (SELECT row_id FROM noted)) "
          "INSERT INTO audit_change (entry_id, tbl, row_id, row_last, op) "
          "SELECT $1, $2, min (id), max (id), 1 FROM live GROUP BY run ORDER BY min (id)",
          table);
      fu_pg_params_int (params, entry_id);
      fu_pg_params_text (params, table);
      res = fu_pg_query (self, sql, params, N_("Could not record the change in the history"),
                         error);
      if (res == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The workshops an entry concerned, for their own histories: those of the rows it touched,
 * as they were before or after. */
#define WORKSHOP_SUBJECTS \
  "INSERT INTO audit_subject (kind, subject_id, entry_id) " \
  "SELECT DISTINCT 'workshop', s, $1 FROM (" \
  "SELECT row_id AS s FROM audit_change WHERE entry_id = $1 AND tbl = 'workshop' AND op <> 1 " \
  "UNION SELECT w.id FROM audit_change c JOIN workshop w ON w.id BETWEEN c.row_id AND c.row_last " \
  "  WHERE c.entry_id = $1 AND c.tbl = 'workshop' AND c.op = 1 " \
  "UNION SELECT (new::jsonb ->> 'workshop_id')::bigint FROM audit_change " \
  "  WHERE entry_id = $1 AND tbl = 'attendance' AND op <> 1 " \
  "UNION SELECT (old::jsonb ->> 'workshop_id')::bigint FROM audit_change " \
  "  WHERE entry_id = $1 AND tbl = 'attendance' AND op <> 1 " \
  "UNION SELECT a.workshop_id FROM audit_change c " \
  "  JOIN attendance a ON a.id BETWEEN c.row_id AND c.row_last " \
  "  WHERE c.entry_id = $1 AND c.tbl = 'attendance' AND c.op = 1 " \
  "UNION SELECT a.workshop_id FROM audit_change c " \
  "  JOIN followup f ON f.id BETWEEN c.row_id AND coalesce (c.row_last, c.row_id) " \
  "  JOIN attendance a ON a.id = f.attendance_id WHERE c.entry_id = $1 AND c.tbl = 'followup' " \
  "UNION SELECT a.workshop_id FROM audit_change c JOIN reminder m " \
  "  ON m.id BETWEEN c.row_id AND coalesce (c.row_last, c.row_id) " \
  "  JOIN followup f ON f.id = m.followup_id JOIN attendance a ON a.id = f.attendance_id " \
  "  WHERE c.entry_id = $1 AND c.tbl = 'reminder' " \
  "UNION SELECT a.workshop_id FROM audit_change c JOIN reply r " \
  "  ON r.id BETWEEN c.row_id AND coalesce (c.row_last, c.row_id) " \
  "  JOIN followup f ON f.id = r.followup_id JOIN attendance a ON a.id = f.attendance_id " \
  "  WHERE c.entry_id = $1 AND c.tbl = 'reply' " \
  "UNION SELECT a.workshop_id FROM audit_change c " \
  "  JOIN followup f ON f.id = (coalesce (c.new, c.old)::jsonb ->> 'followup_id')::bigint " \
  "  JOIN attendance a ON a.id = f.attendance_id " \
  "  WHERE c.entry_id = $1 AND c.tbl IN ('reminder', 'reply') AND c.op <> 1 " \
  ") subjects WHERE s IS NOT NULL ON CONFLICT DO NOTHING"

/* Rows an entry touched: a range of inserts counts each of its rows. */
#define COUNT_ROWS \
  "SELECT coalesce (sum (CASE WHEN op = 1 THEN row_last - row_id + 1 ELSE 1 END), 0) " \
  "FROM audit_change WHERE entry_id = $1"

gboolean
fu_pg_audit_end (FuStore    *self,
                 gint64      entry_id,
                 const char *sentence,
                 const char *args,
                 guint      *n_changes,
                 GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  gint64 count = 0;
  gint64 undoes = 0;

  if (!run_with_id (self, "DELETE FROM audit_capture WHERE entry_id = $1", entry_id, error)
      || !write_insert_ranges (self, entry_id, error)
      || !read_int64 (self, COUNT_ROWS, entry_id, &count, error)
      || !read_int64 (self, "SELECT undoes FROM audit_entry WHERE id = $1", entry_id, &undoes,
                      error))
    return FALSE;

  fu_pg_params_int (params, entry_id);
  fu_pg_params_int (params, count);
  res = fu_pg_query (self, "UPDATE audit_entry SET n_changes = $2 WHERE id = $1", params,
                     N_("Could not record the change in the history"), error);
  if (res == NULL
      || (sentence != NULL
          && !fu_pg_audit_set_sentence (self, entry_id, sentence, args, error))
      || !run_with_id (self, WORKSHOP_SUBJECTS, entry_id, error))
    return FALSE;

  if (undoes > 0)
    {
      g_autoptr(FuPgParams) undone = fu_pg_params_new ();
      g_autoptr(FuPgResult) marked = NULL;

      fu_pg_params_int (undone, entry_id);
      fu_pg_params_int (undone, undoes);
      marked = fu_pg_query (self, "UPDATE audit_entry SET undone_by = $1 WHERE id = $2", undone,
                            N_("Could not record the change in the history"), error);
      if (marked == NULL)
        return FALSE;
    }

  if (n_changes != NULL)
    *n_changes = (guint) MIN (count, G_MAXUINT);
  return TRUE;
}

gboolean
fu_pg_audit_set_sentence (FuStore    *self,
                          gint64      entry_id,
                          const char *sentence,
                          const char *args,
                          GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, entry_id);
  fu_pg_params_raw (params, sentence != NULL ? sentence : "");
  fu_pg_params_text (params, args);
  res = fu_pg_query (self, "UPDATE audit_entry SET sentence = $2, args = $3 WHERE id = $1",
                     params, N_("Could not record the change in the history"), error);
  return res != NULL;
}

gint64
fu_pg_audit_last_undoable (FuStore *self,
                           GError **error)
{
  gint64 id = 0;

  read_int64 (self,
              "SELECT id FROM audit_entry WHERE kind <> 'undo' AND undone_by IS NULL "
              "AND $1::bigint IS NOT NULL ORDER BY id DESC LIMIT 1",
              0, &id, error);
  return id;
}

gint64
fu_pg_audit_last_id (FuStore *self,
                     GError **error)
{
  gint64 id = 0;

  read_int64 (self, "SELECT coalesce (max (id), 0) FROM audit_entry WHERE $1::bigint IS NOT NULL",
              0, &id, error);
  return id;
}

GArray *
fu_pg_list_audit_rows (FuStore *self,
                       gint64   first_entry,
                       gint64   last_entry,
                       GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  GArray *rows;

  fu_pg_params_int (params, first_entry);
  fu_pg_params_int (params, last_entry);
  res = fu_pg_query (self,
                     "SELECT entry_id, tbl, row_id, op, coalesce (row_last, row_id) "
                     "FROM audit_change WHERE entry_id BETWEEN $1 AND $2 ORDER BY id",
                     params, N_("Could not read the history"), error);
  if (res == NULL)
    return NULL;
  rows = g_array_new (FALSE, FALSE, sizeof (FuAuditRow));
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuAuditRow row;

      row.entry_id = fu_pg_int64 (res, i, 0);
      if (!fu_record_kind_from_string (PQgetvalue (res, i, 1), &row.record))
        continue;
      row.row_id = fu_pg_int64 (res, i, 2);
      row.op = (FuChangeOp) fu_pg_int64 (res, i, 3);
      row.row_last = fu_pg_int64 (res, i, 4);
      g_array_append_val (rows, row);
    }
  return rows;
}
