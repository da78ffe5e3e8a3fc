/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-audit.c: the audit log in SQLite. The schema's triggers (migration 3) copy every
 * row a command touches into audit_change while the command's entry id is in
 * audit_capture; reverting an entry applies those row images backwards. */

#define G_LOG_DOMAIN "fu-sqlite-audit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-error.h"
#include "fu-sqlite-private.h"

/* The audited tables and their columns, as the triggers of migration 3 write them. */
typedef struct {
  const char         *name;
  const char         *rowid;     /* the column the audit's row_id is */
  const char * const *columns;
} AuditTable;

static const char * const settings_columns[] = {
  "key", "value", NULL
};

/* Indexed by FuRecordKind. */
static const AuditTable audit_tables[FU_N_RECORDS] = {
  { "administration", "id", fu_administration_columns },
  { "workshop", "id", fu_workshop_columns },
  { "participant", "id", fu_participant_columns },
  { "attendance", "id", fu_attendance_columns },
  { "followup", "id", fu_followup_columns },
  { "reminder", "id", fu_reminder_columns },
  { "reply", "id", fu_reply_columns },
  { "settings", "rowid", settings_columns },
};






/* ---- Statements ------------------------------------------------------------------------ */

/* Steps a statement that returns no row and resets it. */
static gboolean
run (FuStore      *self,
     sqlite3_stmt *stmt,
     GError      **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    fu_sqlite_set_error (self, error, _("Could not record the change in the history"));
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
run_sql (FuStore    *self,
         const char *sql,
         GError    **error)
{
  sqlite3_stmt *stmt = fu_sqlite_prepare (self, sql, error);

  return stmt != NULL && run (self, stmt, error);
}

static gboolean
read_int64 (FuStore    *self,
            const char *sql,
            gint64      arg,
            gint64     *value,
            GError    **error)
{
  sqlite3_stmt *stmt = fu_sqlite_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return fu_sqlite_set_error (self, error, _("Could not read the history"));
  return TRUE;
}

static char *
format_utc (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static gint64
parse_utc (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL)
    return 0;
  time = g_date_time_new_from_iso8601 (text, utc);
  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/* ---- Recording --------------------------------------------------------------------------- */

gint64
fu_sqlite_audit_begin (FuStore    *self,
                       const char *kind,
                       gint64      undoes,
                       GError    **error)
{
  g_autofree char *at = format_utc (g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_stmt *stmt;
  gint64 entry_id;

  g_return_val_if_fail (FU_IS_STORE (self), 0);
  g_return_val_if_fail (kind != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stmt = fu_sqlite_prepare (self,
                            "INSERT INTO audit_entry (at, author, kind, sentence, undoes) "
                            "VALUES (?1, ?2, ?3, '', ?4)",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, fu_store_get_author (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_TRANSIENT);
  if (undoes > 0)
    sqlite3_bind_int64 (stmt, 4, undoes);
  if (!run (self, stmt, error))
    return 0;
  entry_id = sqlite3_last_insert_rowid (fu_sqlite_get_db (self));

  if (!run_sql (self, "DELETE FROM audit_capture", error))
    return 0;

  /* The rows above each table's largest id are the ones the command adds: found at its
   * end, not copied by a trigger for each (an import adds a hundred thousand). */
  g_array_set_size (FU_SQLITE (self)->audit_explicit, 0);
  for (guint i = 0; i < FU_N_RECORDS; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (\"%s\"), 0) FROM \"%s\" "
                                              "WHERE ?1 IS NOT NULL",
                                              audit_tables[i].rowid, audit_tables[i].name);

      if (!read_int64 (self, sql, 0, &FU_SQLITE (self)->audit_max[i], error))
        return 0;
    }
  stmt = fu_sqlite_prepare (self, "INSERT INTO audit_capture (entry_id) VALUES (?1)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (!run (self, stmt, error))
    return 0;
  return entry_id;
}

/* A command that adds at most this many rows has each of them recorded with its values; more
 * (an import) are recorded as ranges of ids. */
#define FEW_ROWS 1000

static char *json_expr (const AuditTable *table);
static gboolean count_range (FuStore *self, guint table, gint64 first, gint64 last,
                             gpointer data, GError **error);

typedef struct {
  gint64    entry_id;
  gboolean  with_values;
} RangeWrite;

static gboolean
write_range (FuStore   *self,
             guint      table,
             gint64     first,
             gint64     last,
             gpointer   data,
             GError   **error)
{
  const RangeWrite *write = data;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  if (write->with_values)
    {
      g_autofree char *json = json_expr (&audit_tables[table]);

      sql = g_strdup_printf ("INSERT INTO audit_change (entry_id, tbl, row_id, row_last, op, new) "
                             "SELECT ?1, ?2, \"%s\", \"%s\", 1, %s FROM \"%s\" "
                             "WHERE \"%s\" BETWEEN ?3 AND ?4 ORDER BY \"%s\"",
                             audit_tables[table].rowid, audit_tables[table].rowid, json,
                             audit_tables[table].name, audit_tables[table].rowid,
                             audit_tables[table].rowid);
    }
  else
    {
      sql = g_strdup ("INSERT INTO audit_change (entry_id, tbl, row_id, row_last, op) "
                      "VALUES (?1, ?2, ?3, ?4, 1)");
    }
  stmt = fu_sqlite_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, write->entry_id);
  sqlite3_bind_text (stmt, 2, audit_tables[table].name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, first);
  sqlite3_bind_int64 (stmt, 4, last);
  return run (self, stmt, error);
}

/* Calls @func for each run of consecutive ids that @table has above its largest id at the
 * start of the command. */
typedef gboolean (*RangeFunc) (FuStore *self, guint table, gint64 first, gint64 last,
                               gpointer data, GError **error);

static gboolean
for_each_new_range (FuStore    *self,
                    guint       table,
                    RangeFunc   func,
                    gpointer    data,
                    GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE \"%s\" > ?1 "
                                          "ORDER BY 1",
                                          audit_tables[table].rowid, audit_tables[table].name,
                                          audit_tables[table].rowid);
  sqlite3_stmt *stmt = fu_sqlite_prepare (self, sql, error);
  gint64 first = 0, last = 0;
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, FU_SQLITE (self)->audit_max[table]);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (first != 0 && id == last + 1)
        {
          last = id;
          continue;
        }
      if (first != 0)
        ok = func (self, table, first, last, data, error);
      first = last = id;
    }
  sqlite3_reset (stmt);
  if (ok && rc != SQLITE_DONE)
    ok = fu_sqlite_set_error (self, error, _("Could not record the change in the history"));
  if (ok && first != 0)
    ok = func (self, table, first, last, data, error);
  return ok;
}

/* The rows the command added, as ranges of consecutive ids, parents' tables first (so that
 * undoing, which goes backwards, takes children first): those above each table's largest id
 * at its start, and those an undo put back with their old ids. The changes it recorded for
 * rows it added itself say nothing more: taking the rows back takes them. */
static gboolean
write_insert_ranges (FuStore  *self,
                     gint64    entry_id,
                     GError  **error)
{
  GArray *explicit = FU_SQLITE (self)->audit_explicit;
  RangeWrite write = { entry_id, FALSE };
  gint64 added = explicit->len;

  /* A few rows (a workshop, a person, a reply) keep their values as they were added. */
  for (guint t = 0; t < FU_N_RECORDS; t++)
    if (!for_each_new_range (self, t, count_range, &added, error))
      return FALSE;
  write.with_values = added <= FEW_ROWS;

  for (guint t = 0; t < FU_N_RECORDS; t++)
    {
      sqlite3_stmt *stmt;

      for (guint i = 0; i < explicit->len; i++)
        {
          const FuAuditRow *row = &g_array_index (explicit, FuAuditRow, i);

          if ((guint) row->record == t
              && !write_range (self, t, row->row_id, row->row_id, &write, error))
            return FALSE;
        }
      if (!for_each_new_range (self, t, write_range, &write, error))
        return FALSE;

      stmt = fu_sqlite_prepare (self,
                                "DELETE FROM audit_change WHERE entry_id = ?1 AND tbl = ?2 "
                                "AND op <> 1 AND row_id > ?3",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry_id);
      sqlite3_bind_text (stmt, 2, audit_tables[t].name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, FU_SQLITE (self)->audit_max[t]);
      if (!run (self, stmt, error))
        return FALSE;
    }
  g_array_set_size (explicit, 0);
  return TRUE;
}

/* The workshops an entry concerned, for their own histories: those of the rows it touched,
 * as they were before or after. */
#define WORKSHOP_SUBJECTS \
  "INSERT OR IGNORE INTO audit_subject (kind, subject_id, entry_id) " \
  "SELECT 'workshop', s, ?1 FROM (" \
  "SELECT row_id AS s FROM audit_change WHERE entry_id = ?1 AND tbl = 'workshop' AND op <> 1 " \
  "UNION SELECT w.id FROM audit_change c JOIN workshop w ON w.id BETWEEN c.row_id AND c.row_last " \
  "  WHERE c.entry_id = ?1 AND c.tbl = 'workshop' AND c.op = 1 " \
  "UNION SELECT json_extract (new, '$.workshop_id') FROM audit_change " \
  "  WHERE entry_id = ?1 AND tbl = 'attendance' AND op <> 1 " \
  "UNION SELECT json_extract (old, '$.workshop_id') FROM audit_change " \
  "  WHERE entry_id = ?1 AND tbl = 'attendance' AND op <> 1 " \
  "UNION SELECT DISTINCT a.workshop_id FROM audit_change c " \
  "  JOIN attendance a ON a.id BETWEEN c.row_id AND c.row_last " \
  "  WHERE c.entry_id = ?1 AND c.tbl = 'attendance' AND c.op = 1 " \
  "UNION SELECT DISTINCT a.workshop_id FROM audit_change c " \
  "  JOIN followup f ON f.id BETWEEN c.row_id AND coalesce (c.row_last, c.row_id) " \
  "  JOIN attendance a ON a.id = f.attendance_id WHERE c.entry_id = ?1 AND c.tbl = 'followup' " \
  "UNION SELECT DISTINCT a.workshop_id FROM audit_change c JOIN reminder m " \
  "  ON m.id BETWEEN c.row_id AND coalesce (c.row_last, c.row_id) " \
  "  JOIN followup f ON f.id = m.followup_id JOIN attendance a ON a.id = f.attendance_id " \
  "  WHERE c.entry_id = ?1 AND c.tbl = 'reminder' " \
  "UNION SELECT DISTINCT a.workshop_id FROM audit_change c JOIN reply r " \
  "  ON r.id BETWEEN c.row_id AND coalesce (c.row_last, c.row_id) " \
  "  JOIN followup f ON f.id = r.followup_id JOIN attendance a ON a.id = f.attendance_id " \
  "  WHERE c.entry_id = ?1 AND c.tbl = 'reply' " \
  "UNION SELECT DISTINCT a.workshop_id FROM audit_change c " \
  "  JOIN followup f ON f.id = json_extract (coalesce (c.new, c.old), '$.followup_id') " \
  "  JOIN attendance a ON a.id = f.attendance_id " \
  "  WHERE c.entry_id = ?1 AND c.tbl IN ('reminder', 'reply') AND c.op <> 1 " \
  ") WHERE s IS NOT NULL"

/* Rows an entry touched: a range of inserts counts each of its rows. */
#define COUNT_ROWS \
  "SELECT coalesce (sum (CASE WHEN op = 1 THEN row_last - row_id + 1 ELSE 1 END), 0) " \
  "FROM audit_change WHERE entry_id = ?1"

gboolean
fu_sqlite_audit_end (FuStore    *self,
                     gint64      entry_id,
                     const char *sentence,
                     const char *args,
                     guint      *n_changes,
                     GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 count = 0;
  gint64 undoes = 0;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!run_sql (self, "DELETE FROM audit_capture", error)
      || !write_insert_ranges (self, entry_id, error))
    return FALSE;

  if (!read_int64 (self, COUNT_ROWS, entry_id, &count, error)
      || !read_int64 (self, "SELECT undoes FROM audit_entry WHERE id = ?1", entry_id, &undoes,
                      error))
    return FALSE;

  stmt = fu_sqlite_prepare (self, "UPDATE audit_entry SET n_changes = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_int64 (stmt, 2, count);
  if (!run (self, stmt, error)
      || (sentence != NULL
          && !fu_sqlite_audit_set_sentence (self, entry_id, sentence, args, error)))
    return FALSE;

  stmt = fu_sqlite_prepare (self, WORKSHOP_SUBJECTS, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (!run (self, stmt, error))
    return FALSE;

  if (undoes > 0)
    {
      stmt = fu_sqlite_prepare (self, "UPDATE audit_entry SET undone_by = ?1 WHERE id = ?2",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry_id);
      sqlite3_bind_int64 (stmt, 2, undoes);
      if (!run (self, stmt, error))
        return FALSE;
    }

  if (n_changes != NULL)
    *n_changes = (guint) MIN (count, G_MAXUINT);
  return TRUE;
}

gboolean
fu_sqlite_audit_set_sentence (FuStore    *self,
                              gint64      entry_id,
                              const char *sentence,
                              const char *args,
                              GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = fu_sqlite_prepare (self, "UPDATE audit_entry SET sentence = ?2, args = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_text (stmt, 2, sentence != NULL ? sentence : "", -1, SQLITE_TRANSIENT);
  fu_sqlite_bind_text (stmt, 3, args);
  return run (self, stmt, error);
}

/* ---- Reverting --------------------------------------------------------------------------- */

/* json_object ('c1', c1, ...) over the table's columns: the row as the triggers write it. */
static char *
json_expr (const AuditTable *table)
{
  GString *sql = g_string_new ("json_object (");

  for (guint i = 0; table->columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s'%s', \"%s\"", i > 0 ? ", " : "", table->columns[i],
                            table->columns[i]);
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

static char *
image_sql (const AuditTable *table)
{
  g_autofree char *json = json_expr (table);

  return g_strdup_printf ("SELECT %s FROM \"%s\" WHERE \"%s\" = ?1", json, table->name,
                          table->rowid);
}

static char *
insert_sql (const AuditTable *table)
{
  GString *sql = g_string_new (NULL);
  gboolean own_rowid = g_str_equal (table->rowid, "rowid");

  g_string_append_printf (sql, "INSERT INTO \"%s\" (%s", table->name, own_rowid ? "rowid, " : "");
  for (guint i = 0; table->columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", table->columns[i]);
  g_string_append_printf (sql, ") SELECT %s", own_rowid ? "?2, " : "");
  for (guint i = 0; table->columns[i] != NULL; i++)
    g_string_append_printf (sql, "%sjson_extract (?1, '$.%s')", i > 0 ? ", " : "",
                            table->columns[i]);
  return g_string_free (sql, FALSE);
}

static char *
update_sql (const AuditTable *table)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "UPDATE \"%s\" SET ", table->name);
  for (guint i = 0; table->columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s\"%s\" = json_extract (?1, '$.%s')", i > 0 ? ", " : "",
                            table->columns[i], table->columns[i]);
  g_string_append_printf (sql, " WHERE \"%s\" = ?2", table->rowid);
  return g_string_free (sql, FALSE);
}

/* The record in words, for a message: "workshop 2017-VAL", "participant Ana Lopez". */
static char *
describe_record (FuStore          *self,
                 const AuditTable *table,
                 const char       *values)
{
  sqlite3_stmt *stmt;
  g_autofree char *label = NULL;

  stmt = fu_sqlite_prepare (self,
                           "SELECT coalesce (json_extract (?1, '$.code'), "
                           "json_extract (?1, '$.name'), json_extract (?1, '$.key'))",
                           NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, values != NULL ? values : "{}", -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        label = fu_sqlite_column_text (stmt, 0);
      sqlite3_reset (stmt);
    }

  return fu_store_describe_record (table->name, label);
}

static gboolean
conflict (FuStore          *self,
          const AuditTable *table,
          const char       *values,
          gboolean          taken,
          GError          **error)
{
  g_autofree char *what = describe_record (self, table, values);

  return fu_store_set_undo_conflict (what, taken, error);
}

/* Whether the row @row_id of @table is now exactly @values (NULL: that there is no such
 * row). */
static gboolean
row_is (FuStore          *self,
        const AuditTable *table,
        gint64            row_id,
        const char       *values,
        gboolean         *same,
        GError          **error)
{
  g_autofree char *sql = image_sql (table);
  sqlite3_stmt *stmt = fu_sqlite_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *same = values != NULL && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), values) == 0;
  else if (rc == SQLITE_DONE)
    *same = values == NULL;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return fu_sqlite_set_error (self, error, _("Could not read the history"));
  return TRUE;
}

/* Turns the row from @from into @to: an insert when @from is NULL, a delete when @to is. */
static gboolean
apply_image (FuStore          *self,
             const AuditTable *table,
             gint64            row_id,
             const char       *from,
             const char       *to,
             GError          **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean same = FALSE;
  int rc;

  if (!row_is (self, table, row_id, from, &same, error))
    return FALSE;
  if (!same)
    return conflict (self, table, from != NULL ? from : to, from == NULL, error);

  if (to == NULL)
    sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE \"%s\" = ?2", table->name, table->rowid);
  else if (from == NULL)
    sql = insert_sql (table);
  else
    sql = update_sql (table);

  stmt = fu_sqlite_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (to != NULL)
    sqlite3_bind_text (stmt, 1, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      /* A row put back with its old id, below the largest: recorded as added. */
      if (from == NULL && row_id <= FU_SQLITE (self)->audit_max[table - audit_tables])
        {
          FuAuditRow row = { 0, (FuRecordKind) (table - audit_tables), row_id, row_id,
                             FU_CHANGE_INSERT };

          g_array_append_val (FU_SQLITE (self)->audit_explicit, row);
        }
      return TRUE;
    }

  switch (sqlite3_extended_errcode (fu_sqlite_get_db (self)))
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return conflict (self, table, to, TRUE, error);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_CONSTRAINT_TRIGGER:
      return conflict (self, table, to != NULL ? to : from, FALSE, error);
    default:
      return fu_sqlite_set_error (self, error, _("Could not undo the change"));
    }
}

static FuAuditChange *
change_from_row (sqlite3_stmt *stmt)
{
  FuAuditChange *change = g_new0 (FuAuditChange, 1);

  change->id = sqlite3_column_int64 (stmt, 0);
  change->entry_id = sqlite3_column_int64 (stmt, 1);
  if (!fu_record_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &change->record))
    change->record = FU_N_RECORDS;
  change->row_id = sqlite3_column_int64 (stmt, 3);
  change->op = (FuChangeOp) sqlite3_column_int (stmt, 4);
  change->old_values = fu_sqlite_column_text (stmt, 5);
  change->new_values = fu_sqlite_column_text (stmt, 6);
  change->row_last = sqlite3_column_type (stmt, 7) != SQLITE_NULL
                     ? sqlite3_column_int64 (stmt, 7) : change->row_id;
  return change;
}

#define CHANGE_COLUMNS "id, entry_id, tbl, row_id, op, old, new, row_last"

/* At most @limit changes of @entry_id with ids below @before, newest first: the inserts
 * (@inserts) or the updates and deletes. */
static GPtrArray *
changes_before (FuStore  *self,
                gint64    entry_id,
                gboolean  inserts,
                gint64    before,
                guint     limit,
                GError  **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;

  stmt = fu_sqlite_prepare (self,
                            "SELECT " CHANGE_COLUMNS " FROM audit_change "
                            "WHERE entry_id = ?1 AND id < ?2 AND (op = 1) = ?4 "
                            "ORDER BY id DESC LIMIT ?3",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_int64 (stmt, 2, before);
  sqlite3_bind_int (stmt, 3, (int) limit);
  sqlite3_bind_int (stmt, 4, inserts ? 1 : 0);
  list = collect_rows (self, stmt, (RowFunc) change_from_row, (GDestroyNotify) fu_audit_change_free,
                       _("Could not read the history"), error);
  sqlite3_reset (stmt);
  if (list == NULL)
    return NULL;
  return g_steal_pointer (&list);
}

/* Takes back the rows @first to @last that entry @entry_id added to @table: they go, unless
 * a change still in force touched them since, or one of them is gone already. */
static gboolean
revert_range (FuStore          *self,
              const AuditTable *table,
              gint64            entry_id,
              gint64            first,
              gint64            last,
              GError          **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *values = NULL;
  sqlite3_stmt *stmt;
  gint64 changed = 0;
  int rc;

  /* The record, in words, for a message: the first row as it is now. */
  if (first == last)
    {
      g_autofree char *image = image_sql (table);

      stmt = fu_sqlite_prepare (self, image, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, first);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        values = fu_sqlite_column_text (stmt, 0);
      sqlite3_reset (stmt);
    }

  stmt = fu_sqlite_prepare (self,
                            "SELECT 1 FROM audit_change c JOIN audit_entry e ON e.id = c.entry_id "
                            "WHERE c.tbl = ?1 AND c.entry_id > ?4 "
                            "AND e.kind <> 'undo' AND e.undone_by IS NULL "
                            "AND c.entry_id NOT IN (SELECT entry_id FROM audit_capture) "
                            "AND (c.row_id BETWEEN ?2 AND ?3 "
                            "     OR (c.op = 1 AND c.row_id < ?2 AND c.row_last >= ?2)) "
                            "LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, last);
  sqlite3_bind_int64 (stmt, 4, entry_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return conflict (self, table, values, FALSE, error);
  if (rc != SQLITE_DONE)
    return fu_sqlite_set_error (self, error, _("Could not read the history"));

  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE \"%s\" BETWEEN ?1 AND ?2", table->name,
                         table->rowid);
  stmt = fu_sqlite_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((sqlite3_extended_errcode (fu_sqlite_get_db (self)) & 0xff) == SQLITE_CONSTRAINT)
        return conflict (self, table, values, FALSE, error);
      return fu_sqlite_set_error (self, error, _("Could not undo the change"));
    }
  changed = sqlite3_changes64 (fu_sqlite_get_db (self));
  if (changed != last - first + 1)
    return conflict (self, table, values, FALSE, error);
  return TRUE;
}

static gboolean
count_range (FuStore  *self,
             guint     table,
             gint64    first,
             gint64    last,
             gpointer  data,
             GError  **error)
{
  *(gint64 *) data += last - first + 1;
  return TRUE;
}

/* The rows the entry being recorded has touched so far: changes, and rows added. */
static gboolean
count_captured (FuStore  *self,
                gint64    capture,
                gint64   *count,
                GError  **error)
{
  gint64 changes = 0;
  gint64 added = 0;

  if (!read_int64 (self, "SELECT count (*) FROM audit_change WHERE entry_id = ?1", capture,
                   &changes, error))
    return FALSE;
  for (guint t = 0; t < FU_N_RECORDS; t++)
    if (!for_each_new_range (self, t, count_range, &added, error))
      return FALSE;
  *count = changes + added + FU_SQLITE (self)->audit_explicit->len;
  return TRUE;
}

gboolean
fu_sqlite_audit_revert (FuStore *self,
                        gint64   entry_id,
                        GError **error)
{
  gint64 capture = 0;
  gint64 captured_before = 0;
  gint64 captured_after = 0;
  guint64 n_reverted = 0;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_int64 (self, "SELECT entry_id FROM audit_capture WHERE ?1 IS NOT NULL LIMIT 1", 0,
                   &capture, error)
      || !count_captured (self, capture, &captured_before, error))
    return FALSE;

  /* The updates and deletes, newest first; then the rows added go, the last added first
   * (follow-ups before their attendances, attendances before their people). */
  for (guint pass = 0; pass < 2; pass++)
    {
      gint64 before = G_MAXINT64;

      for (;;)
        {
          g_autoptr(GPtrArray) changes = changes_before (self, entry_id, pass == 1, before, 1000,
                                                         error);

          if (changes == NULL)
            return FALSE;
          if (changes->len == 0)
            break;

          for (guint i = 0; i < changes->len; i++)
            {
              FuAuditChange *change = g_ptr_array_index (changes, i);
              const AuditTable *table = (guint) change->record < FU_N_RECORDS
                                        ? &audit_tables[change->record] : NULL;
              gboolean ok;

              if (table == NULL)
                {
                  g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT,
                                       _("This change can no longer be undone: the history "
                                         "names a record this version does not know"));
                  return FALSE;
                }
              if (change->op == FU_CHANGE_INSERT && change->new_values != NULL)
                {
                  gboolean same = FALSE;

                  /* Recorded with its values: it must still have them. */
                  ok = row_is (self, table, change->row_id, change->new_values, &same, error);
                  if (ok && !same)
                    ok = conflict (self, table, change->new_values, FALSE, error);
                  if (ok)
                    ok = revert_range (self, table, entry_id, change->row_id, change->row_last,
                                       error);
                }
              else if (change->op == FU_CHANGE_INSERT)
                ok = revert_range (self, table, entry_id, change->row_id, change->row_last,
                                   error);
              else
                ok = apply_image (self, table, change->row_id, change->new_values,
                                  change->old_values, error);
              if (!ok)
                return FALSE;
              before = change->id;
              n_reverted += change->op == FU_CHANGE_INSERT
                            ? (guint64) (change->row_last - change->row_id + 1) : 1;
            }
        }
    }

  /* A delete that cascaded, or a trigger planted in the file, touched more than the entry
   * did: those rows were not this change's to take back. */
  if (capture > 0)
    {
      if (!count_captured (self, capture, &captured_after, error))
        return FALSE;
      if ((guint64) (captured_after - captured_before) != n_reverted)
        {
          g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT,
                               _("This change can no longer be undone: records were added to "
                                 "it since"));
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- Reading ----------------------------------------------------------------------------- */

#define ENTRY_COLUMNS "e.id, e.at, e.author, e.kind, e.args, e.sentence, e.undoes, " \
                      "e.undone_by, e.n_changes"

static FuAuditEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  FuAuditEntry *entry = g_new0 (FuAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = parse_utc ((const char *) sqlite3_column_text (stmt, 1));
  entry->author = fu_sqlite_column_text (stmt, 2);
  entry->kind = fu_sqlite_column_text (stmt, 3);
  entry->args = fu_sqlite_column_text (stmt, 4);
  entry->sentence = fu_sqlite_column_text (stmt, 5);
  entry->undoes = sqlite3_column_int64 (stmt, 6);
  entry->undone_by = sqlite3_column_int64 (stmt, 7);
  entry->n_changes = (guint) sqlite3_column_int64 (stmt, 8);
  return entry;
}

FuAuditEntry *
fu_sqlite_get_audit_entry (FuStore *self,
                           gint64   entry_id,
                           GError **error)
{
  sqlite3_stmt *stmt;
  FuAuditEntry *entry = NULL;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_sqlite_prepare (self, "SELECT " ENTRY_COLUMNS " FROM audit_entry e WHERE e.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                 _("There is no history entry %lld"), (long long) entry_id);
  else if (rc != SQLITE_ROW)
    fu_sqlite_set_error (self, error, _("Could not read the history"));
  return entry;
}

/* The changes to the row of @tbl whose id is @id: its own, or a range of rows added. */
#define CHANGES_OF(tbl, id) \
  " JOIN audit_change c ON c.tbl = '" tbl "' AND (c.row_id = " id \
  " OR (c.op = 1 AND c.row_id <= " id " AND c.row_last >= " id "))"

/* The entries that concerned participant ?2: their record, their attendances (as they are,
 * or moved or deleted since), and the follow-ups, reminders and replies of their
 * attendances. */
#define PARTICIPANT_ENTRIES \
  "SELECT c.entry_id FROM (SELECT ?2 AS id) p" CHANGES_OF ("participant", "p.id") \
  " UNION SELECT c.entry_id FROM audit_change c WHERE c.tbl = 'attendance' AND c.op <> 1" \
  "   AND (json_extract (c.old, '$.participant_id') = ?2" \
  "        OR json_extract (c.new, '$.participant_id') = ?2)" \
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
fu_sqlite_list_audit_entries (FuStore            *self,
                              const FuAuditQuery *query,
                              GError            **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT " ENTRY_COLUMNS " FROM audit_entry e WHERE 1");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (query->workshop_id > 0)
    g_string_append (sql, " AND e.id IN (SELECT entry_id FROM audit_subject "
                          "WHERE kind = 'workshop' AND subject_id = ?1)");
  if (query->participant_id > 0)
    g_string_append (sql, " AND e.id IN (" PARTICIPANT_ENTRIES ")");
  if (query->after_id > 0)
    g_string_append (sql, " AND e.id > ?3");
  if (query->search != NULL && *query->search != '\0')
    g_string_append (sql, " AND (instr (lower (e.sentence), lower (?4)) > 0 "
                          "OR instr (lower (e.author), lower (?4)) > 0 "
                          "OR instr (lower (e.kind), lower (?4)) > 0 "
                          "OR instr (e.at, ?4) > 0)");
  g_string_append (sql, " ORDER BY e.id DESC");
  if (query->limit > 0)
    g_string_append (sql, " LIMIT ?5");

  stmt = fu_sqlite_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (query->workshop_id > 0)
    sqlite3_bind_int64 (stmt, 1, query->workshop_id);
  if (query->participant_id > 0)
    sqlite3_bind_int64 (stmt, 2, query->participant_id);
  if (query->after_id > 0)
    sqlite3_bind_int64 (stmt, 3, query->after_id);
  if (query->search != NULL && *query->search != '\0')
    sqlite3_bind_text (stmt, 4, query->search, -1, SQLITE_TRANSIENT);
  if (query->limit > 0)
    sqlite3_bind_int64 (stmt, 5, query->limit);

  list = collect_rows (self, stmt, (RowFunc) entry_from_row, (GDestroyNotify) fu_audit_entry_free,
                       _("Could not read the history"), error);
  sqlite3_reset (stmt);
  if (list == NULL)
    return NULL;
  return g_steal_pointer (&list);
}

/* The change's label and fields, read from its two images with SQLite's JSON functions. */
static gboolean
read_fields (FuStore        *self,
             FuAuditChange  *change,
             GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = fu_sqlite_prepare (self,
                            "SELECT key, json_extract (?1, '$.' || key), "
                            "json_extract (?2, '$.' || key) "
                            "FROM json_each (coalesce (?2, ?1)) ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;
  fu_sqlite_bind_text (stmt, 1, change->old_values);
  fu_sqlite_bind_text (stmt, 2, change->new_values);
  change->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_audit_field_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *old_value = (const char *) sqlite3_column_text (stmt, 1);
      const char *new_value = (const char *) sqlite3_column_text (stmt, 2);
      FuAuditField *field;

      if (change->label == NULL && (g_strcmp0 (name, "code") == 0 || g_strcmp0 (name, "name") == 0
                                    || g_strcmp0 (name, "key") == 0))
        change->label = g_strdup (new_value != NULL ? new_value : old_value);
      if (g_strcmp0 (old_value, new_value) == 0 || g_strcmp0 (name, "id") == 0)
        continue;
      field = g_new0 (FuAuditField, 1);
      field->name = g_strdup (name);
      field->old_value = g_strdup (old_value);
      field->new_value = g_strdup (new_value);
      g_ptr_array_add (change->fields, field);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return fu_sqlite_set_error (self, error, _("Could not read the history"));
  return TRUE;
}

GPtrArray *
fu_sqlite_list_audit_changes (FuStore *self,
                              gint64   entry_id,
                              GError **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;

  stmt = fu_sqlite_prepare (self,
                            "SELECT " CHANGE_COLUMNS " FROM audit_change WHERE entry_id = ?1 "
                            "ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  list = collect_rows (self, stmt, (RowFunc) change_from_row, (GDestroyNotify) fu_audit_change_free,
                       _("Could not read the history"), error);
  sqlite3_reset (stmt);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      FuAuditChange *change = g_ptr_array_index (list, i);

      /* One row added: the history shows it as it is now (an import's thousands of rows are
       * shown as their number). */
      if (change->op == FU_CHANGE_INSERT && change->row_last == change->row_id
          && change->new_values == NULL && (guint) change->record < FU_N_RECORDS)
        {
          g_autofree char *image = image_sql (&audit_tables[change->record]);

          stmt = fu_sqlite_prepare (self, image, error);
          if (stmt == NULL)
            return NULL;
          sqlite3_bind_int64 (stmt, 1, change->row_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            change->new_values = fu_sqlite_column_text (stmt, 0);
          sqlite3_reset (stmt);
        }
      if (!read_fields (self, change, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
fu_sqlite_audit_last_undoable (FuStore *self,
                               GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (FU_IS_STORE (self), 0);

  read_int64 (self,
              "SELECT id FROM audit_entry WHERE kind <> 'undo' AND undone_by IS NULL "
              "AND ?1 IS NOT NULL ORDER BY id DESC LIMIT 1",
              0, &id, error);
  return id;
}

gint64
fu_sqlite_audit_last_id (FuStore *self,
                         GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (FU_IS_STORE (self), 0);

  read_int64 (self, "SELECT coalesce (max (id), 0) FROM audit_entry WHERE ?1 IS NOT NULL", 0,
              &id, error);
  return id;
}

GArray *
fu_sqlite_list_audit_rows (FuStore *self,
                           gint64   first_entry,
                           gint64   last_entry,
                           GError **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (FuAuditRow));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = fu_sqlite_prepare (self,
                           "SELECT entry_id, tbl, row_id, op, coalesce (row_last, row_id) "
                           "FROM audit_change WHERE entry_id BETWEEN ?1 AND ?2 ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, first_entry);
  sqlite3_bind_int64 (stmt, 2, last_entry);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FuAuditRow row;

      row.entry_id = sqlite3_column_int64 (stmt, 0);
      if (!fu_record_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &row.record))
        continue;
      row.row_id = sqlite3_column_int64 (stmt, 2);
      row.op = (FuChangeOp) sqlite3_column_int (stmt, 3);
      row.row_last = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not read the history"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ---- json_object for triggers ---------------------------------------------------------- */

/* SQLite 3.40's json_object() is not marked innocuous, so with trusted_schema off (a planted
 * trigger must not run anything with side effects) our own audit triggers could not call it.
 * This one builds the same text from plain values and is innocuous: it only reads its
 * arguments. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_object_function (sqlite3_context *context,
                      int              argc,
                      sqlite3_value  **argv)
{
  g_autoptr(GString) out = NULL;

  if (argc % 2 != 0)
    {
      sqlite3_result_error (context, "json_object() requires an even number of arguments", -1);
      return;
    }
  out = g_string_new ("{");
  for (int i = 0; i < argc; i += 2)
    {
      sqlite3_value *value = argv[i + 1];

      if (sqlite3_value_type (argv[i]) != SQLITE_TEXT)
        {
          sqlite3_result_error (context, "json_object() labels must be TEXT", -1);
          return;
        }
      if (i > 0)
        g_string_append_c (out, ',');
      append_json_string (out, (const char *) sqlite3_value_text (argv[i]));
      g_string_append_c (out, ':');
      switch (sqlite3_value_type (value))
        {
        case SQLITE_NULL:
          g_string_append (out, "null");
          break;
        case SQLITE_INTEGER:
          g_string_append_printf (out, "%" G_GINT64_FORMAT,
                                  (gint64) sqlite3_value_int64 (value));
          break;
        case SQLITE_FLOAT:
          {
            char *number = sqlite3_mprintf ("%!.15g", sqlite3_value_double (value));

            g_string_append (out, number);
            sqlite3_free (number);
          }
          break;
        case SQLITE_TEXT:
          /* A value another JSON function made goes in as JSON, not as a string. */
          if (sqlite3_value_subtype (value) == 'J')
            g_string_append (out, (const char *) sqlite3_value_text (value));
          else
            append_json_string (out, (const char *) sqlite3_value_text (value));
          break;
        default:
          sqlite3_result_error (context, "JSON cannot hold BLOB values", -1);
          return;
        }
    }
  g_string_append_c (out, '}');
  sqlite3_result_text (context, out->str, (int) out->len, SQLITE_TRANSIENT);
  sqlite3_result_subtype (context, 'J');
}

void
fu_sqlite_register_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "json_object", -1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, json_object_function, NULL, NULL);
}

/* ---- Restoring a backup ---------------------------------------------------------------- */

/* Every row of @table in @db, as id → the JSON image our triggers record. */
static GHashTable *
read_images (FuStore          *self,
             sqlite3          *db,
             const AuditTable *table,
             GError          **error)
{
  g_autofree char *json = json_expr (table);
  g_autofree char *sql = g_strdup_printf ("SELECT \"%s\", %s FROM \"%s\"", table->rowid, json,
                                          table->name);
  g_autoptr(GHashTable) images = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("Could not read the backup: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (images, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                            sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      if (db == fu_sqlite_get_db (self))
        return fu_sqlite_set_error (self, error, FU_SQLITE (self)->path), NULL;
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("Could not read the backup: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&images);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The ids of @images, in order. */
static GArray *
sorted_ids (GHashTable *images)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (images));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, images);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  g_array_sort (ids, compare_ids);
  return ids;
}

static gboolean restore_images (FuStore *self, GHashTable **now, GHashTable **then,
                                GError **error);

gboolean
fu_sqlite_restore_rows (FuStore  *self,
                        FuStore  *backup,
                        GError  **error)
{
  GHashTable *now[FU_N_RECORDS] = { NULL };
  GHashTable *then[FU_N_RECORDS] = { NULL };
  gboolean ok = TRUE;

  for (guint t = 0; ok && t < FU_N_RECORDS; t++)
    {
      now[t] = read_images (self, fu_sqlite_get_db (self), &audit_tables[t], error);
      then[t] = now[t] == NULL ? NULL
                : read_images (self, fu_sqlite_get_db (backup), &audit_tables[t], error);
      ok = now[t] != NULL && then[t] != NULL;
    }
  ok = ok && restore_images (self, now, then, error);
  for (guint t = 0; t < FU_N_RECORDS; t++)
    {
      g_clear_pointer (&now[t], g_hash_table_unref);
      g_clear_pointer (&then[t], g_hash_table_unref);
    }
  return ok;
}

static gboolean
restore_images (FuStore     *self,
                GHashTable **now,
                GHashTable **then,
                GError     **error)
{

  /* Rows the backup has not, children first; then the others, parents first. Each goes
   * through the triggers: the restore is a change in the history, and can be undone. */
  for (guint t = FU_N_RECORDS; t-- > 0;)
    {
      g_autoptr(GArray) ids = sorted_ids (now[t]);

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);

          if (!g_hash_table_contains (then[t], &id)
              && !apply_image (self, &audit_tables[t], id, g_hash_table_lookup (now[t], &id),
                               NULL, error))
            return FALSE;
        }
    }
  for (guint t = 0; t < FU_N_RECORDS; t++)
    {
      g_autoptr(GArray) ids = sorted_ids (then[t]);

      for (guint i = 0; i < ids->len; i++)
        {
          gint64 id = g_array_index (ids, gint64, i);
          const char *was = g_hash_table_lookup (now[t], &id);
          const char *to = g_hash_table_lookup (then[t], &id);

          if (g_strcmp0 (was, to) != 0
              && !apply_image (self, &audit_tables[t], id, was, to, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---- Personal data ----------------------------------------------------------------------- */

char *
fu_sqlite_export_person (FuStore  *self,
                         gint64    participant_id,
                         GError  **error)
{
  g_autofree char *reply_json = json_expr (&audit_tables[FU_RECORD_REPLY]);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *json = NULL;
  int rc;

  /* Everything stored about the person, as one JSON document: the record, each attendance
   * with its workshop, follow-up, reminders and reply, and the history entries about them
   * (with the values each change recorded). */
  sql = g_strdup_printf (
    "SELECT json_object ("
    " 'participant', (SELECT json_object ('id', p.id, 'name', p.name, 'email', p.email,"
    "   'position', p.position, 'gender', p.gender,"
    "   'administration', (SELECT name FROM administration WHERE id = p.administration_id),"
    "   'do_not_contact_date', p.no_contact_date, 'do_not_contact_reason', p.no_contact_reason)"
    "   FROM participant p WHERE p.id = ?2),"
    " 'attendances', (SELECT json_group_array (json_object ("
    "   'workshop_code', w.code, 'workshop_title', w.title, 'start_date', w.start_date,"
    "   'end_date', w.end_date, 'venue', w.venue,"
    "   'followup', (SELECT json_object ('sent_date', f.sent_date, 'deadline', f.deadline,"
    "     'closed_date', f.closed_date, 'closed_reason', f.closed_reason,"
    "     'reminders', (SELECT json_group_array (m.sent_date) FROM reminder m"
    "                   WHERE m.followup_id = f.id),"
    "     'reply', (SELECT %s FROM reply WHERE followup_id = f.id))"
    "     FROM followup f WHERE f.attendance_id = a.id)))"
    "   FROM attendance a JOIN workshop w ON w.id = a.workshop_id WHERE a.participant_id = ?2),"
    " 'history', (SELECT json_group_array (json_object ('at', e.at, 'author', e.author,"
    "   'kind', e.kind, 'sentence', e.sentence,"
    "   'changes', (SELECT json_group_array (json_object ('table', c.tbl, 'row', c.row_id,"
    "       'op', CASE c.op WHEN 1 THEN 'insert' WHEN 2 THEN 'update' ELSE 'delete' END,"
    "       'old', json (c.old), 'new', json (c.new)))"
    "     FROM audit_change c WHERE c.entry_id = e.id)))"
    "   FROM audit_entry e WHERE e.id IN (" PARTICIPANT_ENTRIES ")))",
    reply_json);

  stmt = fu_sqlite_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return fu_sqlite_set_error (self, error, _("Could not read the person's data")), NULL;
  return json;
}

/* Runs @sql with ?1 the participant's id, ?2 the new name, ?3 the old name, ?4 the old
 * e-mail address. */
static gboolean
scrub (FuStore    *self,
       const char *sql,
       gint64      participant_id,
       const char *anonymous,
       const char *name,
       const char *email,
       GError    **error)
{
  sqlite3_stmt *stmt = fu_sqlite_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  fu_sqlite_bind_text (stmt, 2, anonymous);
  fu_sqlite_bind_text (stmt, 3, name);
  fu_sqlite_bind_text (stmt, 4, email);
  return run (self, stmt, error);
}

gboolean
fu_sqlite_anonymize_participant (FuStore  *self,
                                 gint64    participant_id,
                                 gboolean  remove_answers,
                                 GError  **error)
{
  static const char * const steps[] = {
    /* The record. */
    "UPDATE participant SET name = ?2, email = NULL, position = NULL, gender = NULL,"
    " no_contact_reason = NULL WHERE id = ?1",
    /* Who answered for them is personal too. */
    "UPDATE reply SET answered_by = NULL WHERE answered_by IS NOT NULL AND followup_id IN"
    " (SELECT f.id FROM followup f JOIN attendance a ON a.id = f.attendance_id"
    "  WHERE a.participant_id = ?1)",
    /* The history keeps what was done, not the erased values: in the person's own rows... */
    "UPDATE audit_change SET"
    " old = CASE WHEN old IS NULL THEN NULL ELSE json_set (old, '$.name', ?2, '$.email', NULL,"
    "   '$.position', NULL, '$.gender', NULL, '$.no_contact_reason', NULL) END,"
    " new = CASE WHEN new IS NULL THEN NULL ELSE json_set (new, '$.name', ?2, '$.email', NULL,"
    "   '$.position', NULL, '$.gender', NULL, '$.no_contact_reason', NULL) END"
    " WHERE tbl = 'participant' AND (row_id = ?1 OR (op = 1 AND row_id <= ?1 AND row_last >= ?1))",
    /* ...wherever else the name or the address was recorded... */
    "UPDATE audit_change SET"
    " old = replace (replace (old, json_quote (?3), json_quote (?2)),"
    "                json_quote (coalesce (?4, ?3)), 'null'),"
    " new = replace (replace (new, json_quote (?3), json_quote (?2)),"
    "                json_quote (coalesce (?4, ?3)), 'null')"
    " WHERE instr (old, ?3) > 0 OR instr (new, ?3) > 0"
    "    OR (?4 IS NOT NULL AND (instr (old, ?4) > 0 OR instr (new, ?4) > 0))",
    /* ...and in the sentences. */
    "UPDATE audit_entry SET sentence = replace (replace (sentence, ?3, ?2), coalesce (?4, ?3), ?2),"
    " args = replace (replace (args, ?3, ?2), coalesce (?4, ?3), ?2)"
    " WHERE instr (sentence, ?3) > 0 OR instr (args, ?3) > 0"
    "    OR (?4 IS NOT NULL AND (instr (sentence, ?4) > 0 OR instr (args, ?4) > 0))",
  };
  static const char *remove_answers_sql =
    "UPDATE reply SET other_action_text = NULL, lessons_use = NULL,"
    " direct_effects_text = NULL, contributed_text = NULL, project_text = NULL"
    " WHERE followup_id IN (SELECT f.id FROM followup f JOIN attendance a"
    "  ON a.id = f.attendance_id WHERE a.participant_id = ?1)";
  static const char *scrub_answers_sql =
    "UPDATE audit_change SET"
    " old = CASE WHEN old IS NULL THEN NULL ELSE json_set (old, '$.other_action_text', NULL,"
    "   '$.lessons_use', NULL, '$.direct_effects_text', NULL,"
    "   '$.contributed_text', NULL, '$.project_text', NULL, '$.answered_by', NULL) END,"
    " new = CASE WHEN new IS NULL THEN NULL ELSE json_set (new, '$.other_action_text', NULL,"
    "   '$.lessons_use', NULL, '$.direct_effects_text', NULL,"
    "   '$.contributed_text', NULL, '$.project_text', NULL, '$.answered_by', NULL) END"
    " WHERE tbl = 'reply' AND json_extract (coalesce (new, old), '$.followup_id') IN"
    "  (SELECT f.id FROM followup f JOIN attendance a ON a.id = f.attendance_id"
    "   WHERE a.participant_id = ?1)";
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *anonymous = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = fu_sqlite_prepare (self, "SELECT name, email FROM participant WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      name = fu_sqlite_column_text (stmt, 0);
      email = fu_sqlite_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return participant_not_found (participant_id, error);
  if (rc != SQLITE_ROW)
    return fu_sqlite_set_error (self, error, FU_SQLITE (self)->path);

  /* Stored data, the same whatever the language of who anonymized it. */
  anonymous = g_strdup_printf ("Anonymized participant %lld", (long long) participant_id);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!scrub (self, steps[i], participant_id, anonymous, name, email, error))
      return FALSE;
  if (remove_answers
      && (!scrub (self, remove_answers_sql, participant_id, anonymous, name, email, error)
          || !scrub (self, scrub_answers_sql, participant_id, anonymous, name, email, error)))
    return FALSE;
  return TRUE;
}

GArray *
fu_sqlite_list_participants_before (FuStore  *self,
                                    FuDay     before,
                                    GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  /* People whose last workshop ended before the day, not anonymized yet. */
  stmt = fu_sqlite_prepare (self,
                            "SELECT p.id FROM participant p JOIN attendance a"
                            " ON a.participant_id = p.id JOIN workshop w ON w.id = a.workshop_id"
                            " WHERE p.email IS NOT NULL OR p.position IS NOT NULL"
                            "    OR p.gender IS NOT NULL"
                            " GROUP BY p.id HAVING max (w.end_date) < ?1 ORDER BY p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  fu_sqlite_bind_day (stmt, 1, before);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return fu_sqlite_set_error (self, error, FU_SQLITE (self)->path), NULL;
  return g_steal_pointer (&ids);
}

gboolean
fu_sqlite_set_no_contact (FuStore     *self,
                          gint64       participant_id,
                          FuDay        date,
                          const char  *reason,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = fu_sqlite_prepare (self,
                            "UPDATE participant SET no_contact_date = ?2, no_contact_reason = ?3"
                            " WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  fu_sqlite_bind_day (stmt, 2, date);
  fu_sqlite_bind_text (stmt, 3, date != FU_DAY_NONE ? reason : NULL);
  if (!run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (fu_sqlite_get_db (self)) == 0)
    return participant_not_found (participant_id, error);

  /* Their open follow-ups close "do not contact" (a reply stays a reply); clearing the mark
   * opens them again. */
  stmt = fu_sqlite_prepare (self,
                            date != FU_DAY_NONE
                            ? "UPDATE followup SET closed_date = ?2, closed_reason = 'do not contact'"
                              " WHERE closed_date IS NULL"
                              " AND id NOT IN (SELECT followup_id FROM reply)"
                              " AND attendance_id IN (SELECT id FROM attendance"
                              "  WHERE participant_id = ?1)"
                            : "UPDATE followup SET closed_date = NULL, closed_reason = NULL"
                              " WHERE closed_reason = 'do not contact' AND ?2 IS NULL"
                              " AND attendance_id IN (SELECT id FROM attendance"
                              "  WHERE participant_id = ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  fu_sqlite_bind_day (stmt, 2, date);
  return run (self, stmt, error);
}

/* The newest entry that added, changed or deleted the row. In a write transaction SQLite
 * holds the database: nobody changes the row before the transaction ends. */
gint64
fu_sqlite_row_version (FuStore      *self,
                       FuRecordKind  record,
                       gint64        row_id,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 version = 0;
  int rc;

  stmt = fu_sqlite_prepare (self, ROW_VERSION_SQL, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, audit_tables[record].name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, row_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      fu_sqlite_set_error (self, error, _("Could not read the history"));
      return -1;
    }
  return version;
}
