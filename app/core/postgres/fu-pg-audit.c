/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-audit.c: the audit log in PostgreSQL. The schema's triggers copy every row a command
 * updates or deletes into audit_change while the command's entry is in audit_capture, and
 * note every row it adds; audit_end() makes those notes ranges, as the SQLite backend
 * writes them. */

#define G_LOG_DOMAIN "fu-pg-audit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

/* The rows the command added, noted by the insert triggers as runs of consecutive ids (one
 * row each before version 7), table by table, parents first (undoing goes backwards, children
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
                   "SELECT coalesce (sum (row_last - row_id + 1), 0) FROM audit_change "
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

      /* The runs are found in each table through its primary key, a range at a time. */
      if (added <= FEW_ROWS)
        sql = g_strdup_printf (
          "WITH runs AS (DELETE FROM audit_change WHERE entry_id = $1 AND tbl = $2 "
          "  AND op = 1 RETURNING row_id, row_last), "
          "dropped AS (DELETE FROM audit_change c USING runs r WHERE c.entry_id = $1 "
          "  AND c.tbl = $2 AND c.op <> 1 AND c.row_id BETWEEN r.row_id AND r.row_last) "
          "INSERT INTO audit_change (entry_id, tbl, row_id, row_last, op, new) "
          "SELECT $1, $2, t.id, t.id, 1, to_jsonb (t)::text "
          "FROM runs r JOIN \"%s\" t ON t.id BETWEEN r.row_id AND r.row_last ORDER BY t.id",
          table);
      else
        sql = g_strdup_printf (
          "WITH runs AS (DELETE FROM audit_change WHERE entry_id = $1 AND tbl = $2 "
          "  AND op = 1 RETURNING row_id, row_last), "
          "dropped AS (DELETE FROM audit_change c USING runs r WHERE c.entry_id = $1 "
          "  AND c.tbl = $2 AND c.op <> 1 AND c.row_id BETWEEN r.row_id AND r.row_last), "
          "live AS (SELECT t.id, t.id - row_number () OVER (ORDER BY t.id) AS run "
          "  FROM runs r JOIN \"%s\" t ON t.id BETWEEN r.row_id AND r.row_last) "
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

/* ---- Reading the history ------------------------------------------------------------------- */

#define ENTRY_COLUMNS "e.id, e.at, e.author, e.kind, e.args, e.sentence, e.undoes, " \
                      "e.undone_by, e.n_changes"

static FuAuditEntry *
entry_from_row (const PGresult *res,
                int             row)
{
  FuAuditEntry *entry = g_new0 (FuAuditEntry, 1);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = NULL;

  entry->id = fu_pg_int64 (res, row, 0);
  if (!PQgetisnull (res, row, 1))
    at = g_date_time_new_from_iso8601 (PQgetvalue (res, row, 1), utc);
  entry->at = at != NULL ? g_date_time_to_unix (at) : 0;
  entry->author = fu_pg_text (res, row, 2);
  entry->kind = fu_pg_text (res, row, 3);
  entry->args = fu_pg_text (res, row, 4);
  entry->sentence = fu_pg_text (res, row, 5);
  entry->undoes = fu_pg_int64 (res, row, 6);
  entry->undone_by = fu_pg_int64 (res, row, 7);
  entry->n_changes = (guint) fu_pg_int64 (res, row, 8);
  return entry;
}

FuAuditEntry *
fu_pg_get_audit_entry (FuStore *self,
                       gint64   entry_id,
                       GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, entry_id);
  res = fu_pg_query (self, "SELECT " ENTRY_COLUMNS " FROM audit_entry e WHERE e.id = $1",
                     params, N_("Could not read the history"), error);
  if (res == NULL)
    return NULL;
  if (PQntuples (res) == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("There is no history entry %lld"), (long long) entry_id);
      return NULL;
    }
  return entry_from_row (res, 0);
}

/* The changes to the row of @tbl whose id is @id: its own, or a range of rows added. */
#define CHANGES_OF(tbl, id) \
  " JOIN audit_change c ON c.tbl = '" tbl "' AND (c.row_id = " id \
  " OR (c.op = 1 AND c.row_id <= " id " AND c.row_last >= " id "))"

/* The entries that concerned participant ?2: their record, their attendances (as they are,
 * or moved or deleted since), and the follow-ups, reminders and replies of their
 * attendances. */
#define PARTICIPANT_ENTRIES \
  "SELECT c.entry_id FROM (SELECT ?2::bigint AS id) p" CHANGES_OF ("participant", "p.id") \
  " UNION SELECT c.entry_id FROM audit_change c WHERE c.tbl = 'attendance' AND c.op <> 1" \
  "   AND ((c.old::jsonb ->> 'participant_id')::bigint = ?2" \
  "        OR (c.new::jsonb ->> 'participant_id')::bigint = ?2)" \
  " UNION SELECT c.entry_id FROM attendance a" CHANGES_OF ("attendance", "a.id") \
  "   WHERE a.participant_id = ?2" \
  " UNION SELECT c.entry_id FROM attendance a JOIN followup f ON f.attendance_id = a.id" \
  CHANGES_OF ("followup", "f.id") " WHERE a.participant_id = ?2" \
  " UNION SELECT c.entry_id FROM attendance a JOIN followup f ON f.attendance_id = a.id" \
  "   JOIN reply r ON r.followup_id = f.id" CHANGES_OF ("reply", "r.id") \
  "   WHERE a.participant_id = ?2" \
  " UNION SELECT c.entry_id FROM attendance a JOIN followup f ON f.attendance_id = a.id" \
  "   JOIN reminder m ON m.followup_id = f.id" CHANGES_OF ("reminder", "m.id") \
  "   WHERE a.participant_id = ?2"

GPtrArray *
fu_pg_list_audit_entries (FuStore            *self,
                          const FuAuditQuery *query,
                          GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " ENTRY_COLUMNS " FROM audit_entry e WHERE true");
  g_autoptr(FuPgParams) values = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  GPtrArray *list;

  if (query->workshop_id > 0)
    g_string_append (sql, " AND e.id IN (SELECT entry_id FROM audit_subject "
                          "WHERE kind = 'workshop' AND subject_id = ?1)");
  if (query->participant_id > 0)
    g_string_append (sql, " AND e.id IN (" PARTICIPANT_ENTRIES ")");
  if (query->after_id > 0)
    g_string_append (sql, " AND e.id > ?3");
  if (query->search != NULL && *query->search != '\0')
    g_string_append (sql, " AND (strpos (lower (e.sentence), lower (?4)) > 0 "
                          "OR strpos (lower (e.author), lower (?4)) > 0 "
                          "OR strpos (lower (e.kind), lower (?4)) > 0 "
                          "OR strpos (e.at, ?4) > 0)");
  g_string_append (sql, " ORDER BY e.id DESC");
  if (query->limit > 0)
    g_string_append (sql, " LIMIT ?5");

  fu_pg_params_int (values, query->workshop_id);
  fu_pg_params_int (values, query->participant_id);
  fu_pg_params_int (values, query->after_id);
  fu_pg_params_raw (values, query->search != NULL ? query->search : "");
  fu_pg_params_int (values, query->limit);
  res = fu_pg_query_numbered (self, sql->str, values, N_("Could not read the history"), error);
  if (res == NULL)
    return NULL;
  list = g_ptr_array_new_full ((guint) PQntuples (res), (GDestroyNotify) fu_audit_entry_free);
  for (int i = 0; i < PQntuples (res); i++)
    g_ptr_array_add (list, entry_from_row (res, i));
  return list;
}

/* The columns of @tbl in their order, as a PostgreSQL array literal; NULL for none known. */
static char *
columns_array (FuRecordKind record)
{
  const FuStoreTable *table = &fu_store_tables[record];
  GString *text = g_string_new ("{");

  for (guint i = 0; table->columns[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "," : "", table->columns[i]);
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

/* The change's label and fields, read from its two images in the table's column order. */
static gboolean
read_fields (FuStore        *self,
             FuAuditChange  *change,
             GError        **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  g_autofree char *columns = NULL;

  change->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_audit_field_free);
  if ((guint) change->record >= FU_N_RECORDS)
    return TRUE;
  columns = columns_array (change->record);
  fu_pg_params_text (params, change->old_values);
  fu_pg_params_text (params, change->new_values);
  fu_pg_params_raw (params, columns);
  res = fu_pg_query (self,
                     "SELECT k.key, $1::jsonb ->> k.key, $2::jsonb ->> k.key "
                     "FROM unnest ($3::text[]) WITH ORDINALITY AS k (key, n) "
                     "WHERE coalesce ($2::jsonb, $1::jsonb) ? k.key ORDER BY k.n",
                     params, N_("Could not read the history"), error);
  if (res == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (res); i++)
    {
      const char *name = PQgetvalue (res, i, 0);
      const char *old_value = PQgetisnull (res, i, 1) ? NULL : PQgetvalue (res, i, 1);
      const char *new_value = PQgetisnull (res, i, 2) ? NULL : PQgetvalue (res, i, 2);
      FuAuditField *field;

      if (change->label == NULL && (g_str_equal (name, "code") || g_str_equal (name, "name")
                                    || g_str_equal (name, "key")))
        change->label = g_strdup (new_value != NULL ? new_value : old_value);
      if (g_strcmp0 (old_value, new_value) == 0 || g_str_equal (name, "id"))
        continue;
      field = g_new0 (FuAuditField, 1);
      field->name = g_strdup (name);
      field->old_value = g_strdup (old_value);
      field->new_value = g_strdup (new_value);
      g_ptr_array_add (change->fields, field);
    }
  return TRUE;
}

GPtrArray *
fu_pg_list_audit_changes (FuStore *self,
                          gint64   entry_id,
                          GError **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  g_autoptr(GPtrArray) list = NULL;

  fu_pg_params_int (params, entry_id);
  res = fu_pg_query (self,
                     "SELECT id, entry_id, tbl, row_id, op, old, new, row_last "
                     "FROM audit_change WHERE entry_id = $1 ORDER BY id",
                     params, N_("Could not read the history"), error);
  if (res == NULL)
    return NULL;
  list = g_ptr_array_new_full ((guint) PQntuples (res), (GDestroyNotify) fu_audit_change_free);
  for (int i = 0; i < PQntuples (res); i++)
    {
      FuAuditChange *change = g_new0 (FuAuditChange, 1);

      change->id = fu_pg_int64 (res, i, 0);
      change->entry_id = fu_pg_int64 (res, i, 1);
      if (!fu_record_kind_from_string (PQgetvalue (res, i, 2), &change->record))
        change->record = FU_N_RECORDS;
      change->row_id = fu_pg_int64 (res, i, 3);
      change->op = (FuChangeOp) fu_pg_int64 (res, i, 4);
      change->old_values = fu_pg_text (res, i, 5);
      change->new_values = fu_pg_text (res, i, 6);
      change->row_last = PQgetisnull (res, i, 7) ? change->row_id : fu_pg_int64 (res, i, 7);
      g_ptr_array_add (list, change);
    }
  for (guint i = 0; i < list->len; i++)
    {
      FuAuditChange *change = g_ptr_array_index (list, i);

      /* One row added: the history shows it as it is now (an import's thousands of rows are
       * shown as their number). */
      if (change->op == FU_CHANGE_INSERT && change->row_last == change->row_id
          && change->new_values == NULL && (guint) change->record < FU_N_RECORDS)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT to_jsonb (t)::text FROM \"%s\" t "
                                                  "WHERE t.id = $1",
                                                  fu_store_tables[change->record].name);
          g_autoptr(FuPgParams) id = fu_pg_params_new ();
          g_autoptr(FuPgResult) image = NULL;

          fu_pg_params_int (id, change->row_id);
          image = fu_pg_query (self, sql, id, N_("Could not read the history"), error);
          if (image == NULL)
            return NULL;
          if (PQntuples (image) > 0)
            change->new_values = fu_pg_text (image, 0, 0);
        }
      if (!read_fields (self, change, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

/* The newest entry that added, changed or deleted the row. Inside a transaction the row is
 * locked first: a colleague's edit of it waits for ours, then finds the new version. */
gint64
fu_pg_row_version (FuStore      *self,
                   FuRecordKind  record,
                   gint64        row_id,
                   GError      **error)
{
  g_autoptr(FuPgParams) values = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  if (FU_PG (self)->depth > 0)
    {
      g_autofree char *lock = g_strdup_printf ("SELECT id FROM \"%s\" WHERE id = $1 FOR UPDATE",
                                               audit_tables[record]);
      g_autoptr(FuPgParams) id = fu_pg_params_new ();
      g_autoptr(FuPgResult) locked = NULL;

      fu_pg_params_int (id, row_id);
      locked = fu_pg_query (self, lock, id, N_("Could not read the history"), error);
      if (locked == NULL)
        return -1;
    }
  fu_pg_params_raw (values, audit_tables[record]);
  fu_pg_params_int (values, row_id);
  res = fu_pg_query_numbered (self, ROW_VERSION_SQL, values, N_("Could not read the history"),
                              error);
  if (res == NULL)
    return -1;
  return fu_pg_int64 (res, 0, 0);
}

/* ---- Undoing --------------------------------------------------------------------------------
 * As the SQLite backend does: the entry's updates and deletes are turned back newest first,
 * each only if its row is still as the entry left it; then the rows it added go, unless a
 * change still in force touched them since. The rows' images are JSON, read back with
 * jsonb_populate_record(). */

static const FuStoreTable *
table_of (FuRecordKind record)
{
  return &fu_store_tables[record];
}

/* The record in words, for a message: from its image's code, name or key. */
static char *
describe_image (const FuStoreTable *table,
                const char         *values)
{
  const char *label = NULL;
  g_autofree char *found = NULL;

  if (values != NULL)
    {
      /* A small JSON object: the first of the three keys it has. */
      for (const char * const *key = (const char * const[]) { "\"code\"", "\"name\"", "\"key\"",
                                                              NULL };
           *key != NULL && label == NULL; key++)
        {
          const char *at = strstr (values, *key);
          const char *start;
          const char *end;

          if (at == NULL)
            continue;
          start = strchr (at + strlen (*key), '"');
          end = start != NULL ? strchr (start + 1, '"') : NULL;
          if (start != NULL && end != NULL)
            label = found = g_strndup (start + 1, (gsize) (end - start - 1));
        }
    }
  return fu_store_describe_record (table->name, label);
}

static gboolean
conflict (const FuStoreTable *table,
          const char         *values,
          gboolean            taken,
          GError            **error)
{
  g_autofree char *what = describe_image (table, values);

  if (error != NULL)
    g_clear_error (error);
  return fu_store_set_undo_conflict (what, taken, error);
}

/* Whether the row @row_id of @table now holds what @values says (NULL: that there is none). */
static gboolean
row_is (FuStore            *self,
        const FuStoreTable *table,
        gint64              row_id,
        const char         *values,
        gboolean           *same,
        GError            **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT to_jsonb (t) @> $2::jsonb FROM \"%s\" t "
                                          "WHERE t.id = $1", table->name);
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, row_id);
  fu_pg_params_raw (params, values != NULL ? values : "{}");
  res = fu_pg_query (self, sql, params, N_("Could not read the history"), error);
  if (res == NULL)
    return FALSE;
  if (PQntuples (res) == 0)
    *same = values == NULL;
  else
    *same = values != NULL && g_str_equal (PQgetvalue (res, 0, 0), "t");
  return TRUE;
}

/* Turns the row from @from into @to: an insert when @from is NULL, a delete when @to is. */
static gboolean
apply_image (FuStore            *self,
             const FuStoreTable *table,
             gint64              row_id,
             const char         *from,
             const char         *to,
             GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;
  gboolean same = FALSE;

  if (!row_is (self, table, row_id, from, &same, error))
    return FALSE;
  if (!same)
    return conflict (table, from != NULL ? from : to, from == NULL, error);

  if (to == NULL)
    g_string_printf (sql, "DELETE FROM \"%s\" WHERE id = $2 AND $1::text IS NULL", table->name);
  else if (from == NULL)
    g_string_printf (sql, "INSERT INTO \"%s\" SELECT * FROM jsonb_populate_record "
                          "(NULL::\"%s\", $1::jsonb || jsonb_build_object ('id', $2::bigint))",
                     table->name, table->name);
  else
    {
      g_string_printf (sql, "UPDATE \"%s\" SET (", table->name);
      for (guint i = 1; table->columns[i] != NULL; i++)
        g_string_append_printf (sql, "%s\"%s\"", i > 1 ? ", " : "", table->columns[i]);
      g_string_append (sql, ") = (SELECT ");
      for (guint i = 1; table->columns[i] != NULL; i++)
        g_string_append_printf (sql, "%sr.\"%s\"", i > 1 ? ", " : "", table->columns[i]);
      g_string_append_printf (sql, " FROM jsonb_populate_record (NULL::\"%s\", $1::jsonb) r) "
                                   "WHERE id = $2", table->name);
    }
  fu_pg_params_text (params, to);
  fu_pg_params_int (params, row_id);
  res = fu_pg_query (self, sql->str, params, N_("Could not undo the change"), error);
  if (res != NULL)
    return TRUE;
  if (g_error_matches (*error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS))
    return conflict (table, to, TRUE, error);
  if (g_error_matches (*error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND))
    return conflict (table, to != NULL ? to : from, FALSE, error);
  return FALSE;
}

/* Takes back the rows @first to @last that entry @entry_id added to @table: they go, unless
 * a change still in force touched them since, or one of them is gone already. */
static gboolean
revert_range (FuStore            *self,
              const FuStoreTable *table,
              gint64              entry_id,
              gint64              first,
              gint64              last,
              const char         *values,
              GError            **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgParams) range = fu_pg_params_new ();
  g_autoptr(FuPgResult) touched = NULL;
  g_autoptr(FuPgResult) deleted = NULL;
  g_autofree char *sql = NULL;

  fu_pg_params_raw (params, table->name);
  fu_pg_params_int (params, first);
  fu_pg_params_int (params, last);
  fu_pg_params_int (params, entry_id);
  touched = fu_pg_query (self,
                         "SELECT 1 FROM audit_change c JOIN audit_entry e ON e.id = c.entry_id "
                         "WHERE c.tbl = $1 AND c.entry_id > $4 "
                         "AND e.kind <> 'undo' AND e.undone_by IS NULL "
                         "AND c.entry_id NOT IN (SELECT entry_id FROM audit_capture) "
                         "AND (c.row_id BETWEEN $2 AND $3 "
                         "     OR (c.op = 1 AND c.row_id < $2 AND c.row_last >= $2)) "
                         "LIMIT 1",
                         params, N_("Could not read the history"), error);
  if (touched == NULL)
    return FALSE;
  if (PQntuples (touched) > 0)
    return conflict (table, values, FALSE, error);

  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id BETWEEN $1 AND $2", table->name);
  fu_pg_params_int (range, first);
  fu_pg_params_int (range, last);
  deleted = fu_pg_query (self, sql, range, N_("Could not undo the change"), error);
  if (deleted == NULL)
    {
      if (g_error_matches (*error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND))
        return conflict (table, values, FALSE, error);
      return FALSE;
    }
  if (g_ascii_strtoll (PQcmdTuples (deleted), NULL, 10) != last - first + 1)
    return conflict (table, values, FALSE, error);
  return TRUE;
}

/* At most @limit changes of @entry_id with ids below @before, newest first: the inserts
 * (@inserts) or the updates and deletes. */
static FuPgResult *
changes_before (FuStore  *self,
                gint64    entry_id,
                gboolean  inserts,
                gint64    before,
                guint     limit,
                GError  **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();

  fu_pg_params_int (params, entry_id);
  fu_pg_params_int (params, before);
  fu_pg_params_int (params, limit);
  fu_pg_params_raw (params, inserts ? "t" : "f");
  return fu_pg_query (self,
                      "SELECT id, tbl, row_id, op, old, new, coalesce (row_last, row_id) "
                      "FROM audit_change WHERE entry_id = $1 AND id < $2 AND (op = 1) = $4 "
                      "ORDER BY id DESC LIMIT $3",
                      params, N_("Could not read the history"), error);
}

gboolean
fu_pg_audit_revert (FuStore *self,
                    gint64   entry_id,
                    GError **error)
{
  gint64 capture = 0;
  gint64 captured_before = 0;
  gint64 captured_after = 0;
  gint64 n_reverted = 0;

  /* Rows come back in the history's order, children possibly before their parents (a
   * cascade is recorded after the row that caused it): checked once all are back. */
  if (!fu_pg_exec (self, "SET CONSTRAINTS ALL DEFERRED", error))
    return FALSE;
  if (!read_int64 (self, "SELECT entry_id FROM audit_capture WHERE $1::bigint IS NOT NULL "
                         "LIMIT 1", 0, &capture, error)
      || !read_int64 (self, "SELECT count (*) FROM audit_change WHERE entry_id = $1", capture,
                      &captured_before, error))
    return FALSE;

  /* The updates and deletes, newest first; then the rows added go, the last added first
   * (follow-ups before their attendances, attendances before their people). */
  for (guint pass = 0; pass < 2; pass++)
    {
      gint64 before = G_MAXINT64;

      for (;;)
        {
          g_autoptr(FuPgResult) changes = changes_before (self, entry_id, pass == 1, before, 1000,
                                                          error);

          if (changes == NULL)
            return FALSE;
          if (PQntuples (changes) == 0)
            break;
          for (int i = 0; i < PQntuples (changes); i++)
            {
              FuRecordKind record;
              const FuStoreTable *table;
              gint64 row_id = fu_pg_int64 (changes, i, 2);
              gint64 row_last = fu_pg_int64 (changes, i, 6);
              FuChangeOp op = (FuChangeOp) fu_pg_int64 (changes, i, 3);
              const char *old_values = PQgetisnull (changes, i, 4) ? NULL
                                                                   : PQgetvalue (changes, i, 4);
              const char *new_values = PQgetisnull (changes, i, 5) ? NULL
                                                                   : PQgetvalue (changes, i, 5);
              gboolean ok;

              if (!fu_record_kind_from_string (PQgetvalue (changes, i, 1), &record))
                {
                  g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT,
                                       _("This change can no longer be undone: the history "
                                         "names a record this version does not know"));
                  return FALSE;
                }
              table = table_of (record);
              if (op == FU_CHANGE_INSERT && new_values != NULL)
                {
                  gboolean same = FALSE;

                  /* Recorded with its values: it must still have them. */
                  ok = row_is (self, table, row_id, new_values, &same, error);
                  if (ok && !same)
                    ok = conflict (table, new_values, FALSE, error);
                  if (ok)
                    ok = revert_range (self, table, entry_id, row_id, row_last, new_values,
                                       error);
                }
              else if (op == FU_CHANGE_INSERT)
                ok = revert_range (self, table, entry_id, row_id, row_last, NULL, error);
              else
                ok = apply_image (self, table, row_id, new_values, old_values, error);
              if (!ok)
                return FALSE;
              before = fu_pg_int64 (changes, i, 0);
              n_reverted += op == FU_CHANGE_INSERT ? row_last - row_id + 1 : 1;
            }
        }
    }

  /* Everything back: the keys are checked now. One that fails means a record the entry did
   * not make depends on one it made (someone's attendance to a person it added). */
  if (!fu_pg_exec (self, "SET CONSTRAINTS ALL IMMEDIATE", error))
    {
      g_clear_error (error);
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT,
                           _("This change can no longer be undone: other records depend on "
                             "what it added"));
      return FALSE;
    }

  /* A delete that cascaded touched more than the entry did: those rows were not this
   * change's to take back. The rows put back are noted one by one, as the others. */
  if (capture > 0)
    {
      if (!read_int64 (self, "SELECT count (*) FROM audit_change WHERE entry_id = $1", capture,
                       &captured_after, error))
        return FALSE;
      if (captured_after - captured_before != n_reverted)
        {
          g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT,
                               _("This change can no longer be undone: records were added to "
                                 "it since"));
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- Anonymizing ------------------------------------------------------------------------- */

/* $1 the person, $2 the name that replaces theirs, $3 their name, $4 their e-mail or NULL:
 * the same steps as the SQLite backend's, with jsonb for the history's images. */
static const char * const anonymize_steps[] = {
  /* The record. */
  "UPDATE participant SET name = $2, email = NULL, position = NULL, gender = NULL,"
  " no_contact_reason = NULL WHERE id = $1 AND $3::text IS NOT NULL"
  " AND ($4::text IS NULL OR true)",
  /* Who answered for them is personal too. */
  "UPDATE reply SET answered_by = NULL WHERE answered_by IS NOT NULL AND followup_id IN"
  " (SELECT f.id FROM followup f JOIN attendance a ON a.id = f.attendance_id"
  "  WHERE a.participant_id = $1) AND $2::text IS NOT NULL AND $3::text IS NOT NULL"
  " AND ($4::text IS NULL OR true)",
  /* The history keeps what was done, not the erased values: in the person's own rows... */
  "UPDATE audit_change SET"
  " old = CASE WHEN old IS NULL THEN NULL ELSE (old::jsonb || jsonb_build_object ('name', $2::text,"
  "   'email', NULL, 'position', NULL, 'gender', NULL, 'no_contact_reason', NULL))::text END,"
  " new = CASE WHEN new IS NULL THEN NULL ELSE (new::jsonb || jsonb_build_object ('name', $2::text,"
  "   'email', NULL, 'position', NULL, 'gender', NULL, 'no_contact_reason', NULL))::text END"
  " WHERE tbl = 'participant' AND (row_id = $1 OR (op = 1 AND row_id <= $1 AND row_last >= $1))"
  " AND $3::text IS NOT NULL AND ($4::text IS NULL OR true)",
  /* ...wherever else the name or the address was recorded... */
  "UPDATE audit_change SET"
  " old = replace (replace (old, to_json ($3::text)::text, to_json ($2::text)::text),"
  "                to_json (coalesce ($4::text, $3::text))::text, 'null'),"
  " new = replace (replace (new, to_json ($3::text)::text, to_json ($2::text)::text),"
  "                to_json (coalesce ($4::text, $3::text))::text, 'null')"
  " WHERE (strpos (old, $3) > 0 OR strpos (new, $3) > 0"
  "    OR ($4::text IS NOT NULL AND (strpos (old, $4) > 0 OR strpos (new, $4) > 0)))"
  " AND $1::bigint IS NOT NULL",
  /* ...and in the sentences. */
  "UPDATE audit_entry SET sentence = replace (replace (sentence, $3, $2), coalesce ($4, $3), $2),"
  " args = replace (replace (args, $3, $2), coalesce ($4, $3), $2)"
  " WHERE (strpos (sentence, $3) > 0 OR strpos (args, $3) > 0"
  "    OR ($4::text IS NOT NULL AND (strpos (sentence, $4) > 0 OR strpos (args, $4) > 0)))"
  " AND $1::bigint IS NOT NULL",
};

static const char * const anonymize_answers_steps[] = {
  "UPDATE reply SET other_action_text = NULL, lessons_use = NULL,"
  " direct_effects_text = NULL, contributed_text = NULL, project_text = NULL"
  " WHERE followup_id IN (SELECT f.id FROM followup f JOIN attendance a"
  "  ON a.id = f.attendance_id WHERE a.participant_id = $1)"
  " AND $2::text IS NOT NULL AND $3::text IS NOT NULL AND ($4::text IS NULL OR true)",
  "UPDATE audit_change SET"
  " old = CASE WHEN old IS NULL THEN NULL ELSE (old::jsonb || jsonb_build_object"
  "   ('other_action_text', NULL, 'lessons_use', NULL, 'direct_effects_text', NULL,"
  "    'contributed_text', NULL, 'project_text', NULL, 'answered_by', NULL))::text END,"
  " new = CASE WHEN new IS NULL THEN NULL ELSE (new::jsonb || jsonb_build_object"
  "   ('other_action_text', NULL, 'lessons_use', NULL, 'direct_effects_text', NULL,"
  "    'contributed_text', NULL, 'project_text', NULL, 'answered_by', NULL))::text END"
  " WHERE tbl = 'reply' AND (coalesce (new, old)::jsonb ->> 'followup_id')::bigint IN"
  "  (SELECT f.id FROM followup f JOIN attendance a ON a.id = f.attendance_id"
  "   WHERE a.participant_id = $1)"
  " AND $2::text IS NOT NULL AND $3::text IS NOT NULL AND ($4::text IS NULL OR true)",
};

static gboolean
anonymize_step (FuStore    *self,
                const char *sql,
                gint64      participant_id,
                const char *anonymous,
                const char *name,
                const char *email,
                GError    **error)
{
  g_autoptr(FuPgParams) params = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (params, participant_id);
  fu_pg_params_raw (params, anonymous);
  fu_pg_params_raw (params, name);
  fu_pg_params_text (params, email);
  res = fu_pg_query (self, sql, params, N_("Could not anonymize the participant"), error);
  return res != NULL;
}

gboolean
fu_pg_anonymize_participant (FuStore  *self,
                             gint64    participant_id,
                             gboolean  remove_answers,
                             GError  **error)
{
  g_autoptr(FuParticipant) person = fu_pg_get_participant (self, participant_id, error);
  g_autofree char *anonymous = NULL;

  if (person == NULL)
    return FALSE;
  /* Stored data, the same whatever the language of who anonymized it. */
  anonymous = g_strdup_printf ("Anonymized participant %lld", (long long) participant_id);
  for (guint i = 0; i < G_N_ELEMENTS (anonymize_steps); i++)
    if (!anonymize_step (self, anonymize_steps[i], participant_id, anonymous, person->name,
                         person->email, error))
      return FALSE;
  for (guint i = 0; remove_answers && i < G_N_ELEMENTS (anonymize_answers_steps); i++)
    if (!anonymize_step (self, anonymize_answers_steps[i], participant_id, anonymous,
                         person->name, person->email, error))
      return FALSE;
  return TRUE;
}

/* ---- A person's data ---------------------------------------------------------------------- */

/* Everything stored about the person, as one JSON document: the record, each attendance with
 * its workshop, follow-up, reminders and reply, and the history entries about them (with the
 * values each change recorded). The same document as the SQLite backend's. */
char *
fu_pg_export_person (FuStore  *self,
                     gint64    participant_id,
                     GError  **error)
{
  g_autoptr(FuPgParams) values = fu_pg_params_new ();
  g_autoptr(FuPgResult) res = NULL;

  fu_pg_params_int (values, 0);
  fu_pg_params_int (values, participant_id);
  res = fu_pg_query_numbered (self,
    "SELECT json_build_object ("
    " 'participant', (SELECT json_build_object ('id', p.id, 'name', p.name, 'email', p.email,"
    "   'position', p.position, 'gender', p.gender,"
    "   'administration', (SELECT name FROM administration WHERE id = p.administration_id),"
    "   'do_not_contact_date', p.no_contact_date, 'do_not_contact_reason', p.no_contact_reason)"
    "   FROM participant p WHERE p.id = ?2),"
    " 'attendances', (SELECT coalesce (json_agg (json_build_object ("
    "   'workshop_code', w.code, 'workshop_title', w.title, 'start_date', w.start_date,"
    "   'end_date', w.end_date, 'venue', w.venue,"
    "   'followup', (SELECT json_build_object ('sent_date', f.sent_date, 'deadline', f.deadline,"
    "     'closed_date', f.closed_date, 'closed_reason', f.closed_reason,"
    "     'reminders', (SELECT coalesce (json_agg (m.sent_date ORDER BY m.id), '[]'::json)"
    "                   FROM reminder m WHERE m.followup_id = f.id),"
    "     'reply', (SELECT to_json (r) FROM reply r WHERE r.followup_id = f.id))"
    "     FROM followup f WHERE f.attendance_id = a.id)) ORDER BY a.id), '[]'::json)"
    "   FROM attendance a JOIN workshop w ON w.id = a.workshop_id WHERE a.participant_id = ?2),"
    " 'history', (SELECT coalesce (json_agg (json_build_object ('at', e.at, 'author', e.author,"
    "   'kind', e.kind, 'sentence', e.sentence,"
    "   'changes', (SELECT coalesce (json_agg (json_build_object ('table', c.tbl,"
    "       'row', c.row_id,"
    "       'op', CASE c.op WHEN 1 THEN 'insert' WHEN 2 THEN 'update' ELSE 'delete' END,"
    "       'old', c.old::json, 'new', c.new::json) ORDER BY c.id), '[]'::json)"
    "     FROM audit_change c WHERE c.entry_id = e.id)) ORDER BY e.id), '[]'::json)"
    "   FROM audit_entry e WHERE e.id IN (" PARTICIPANT_ENTRIES ")))",
    values, N_("Could not read the person's data"), error);
  if (res == NULL)
    return NULL;
  return fu_pg_text (res, 0, 0);
}
