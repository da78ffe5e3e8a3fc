/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-copy.c: whole tables in and out, for fu_store_copy(): read ordered by id, written
 * with COPY, the ids kept and the sequences moved past them. */

#define G_LOG_DOMAIN "fu-pg-copy"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fu-pg-private.h"

static gboolean
has_id (const FuStoreTable *table)
{
  return g_str_equal (table->columns[0], "id");
}

static void
append_columns (GString            *sql,
                const FuStoreTable *table)
{
  for (guint i = 0; table->columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", table->columns[i]);
}

gboolean
fu_pg_read_rows (FuStore            *self,
                 const FuStoreTable *table,
                 FuStoreRowFunc      func,
                 gpointer            user_data,
                 GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(FuPgResult) res = NULL;
  g_autofree const char **values = NULL;
  guint n = g_strv_length ((char **) table->columns);

  append_columns (sql, table);
  g_string_append_printf (sql, " FROM \"%s\" ORDER BY %s", table->name,
                          has_id (table) ? "id" : "kind COLLATE \"C\", subject_id, entry_id");
  res = fu_pg_query (self, sql->str, NULL, N_("Could not read the database to copy it"), error);
  if (res == NULL)
    return FALSE;
  values = g_new0 (const char *, n + 1);
  for (int row = 0; row < PQntuples (res); row++)
    {
      for (guint i = 0; i < n; i++)
        values[i] = PQgetisnull (res, row, (int) i) ? NULL : PQgetvalue (res, row, (int) i);
      if (!func (values, n, user_data))
        break;
    }
  return TRUE;
}

/* @value in COPY's text format. */
static void
append_copy_value (GString    *line,
                   const char *value)
{
  if (value == NULL)
    {
      g_string_append (line, "\\N");
      return;
    }
  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (line, "\\\\"); break;
      case '\t': g_string_append (line, "\\t"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\r': g_string_append (line, "\\r"); break;
      default: g_string_append_c (line, *p);
      }
}

gboolean
fu_pg_copy_in (FuStore    *self,
               const char *copy_sql,
               guint       n_columns,
               GPtrArray  *values,
               const char *what,
               GError    **error)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(FuPgResult) started = NULL;
  g_autoptr(FuPgResult) done = NULL;
  PGconn *conn = FU_PG (self)->conn;
  const char *failure = NULL;

  started = PQexec (conn, copy_sql);
  if (PQresultStatus (started) != PGRES_COPY_IN)
    failure = PQerrorMessage (conn);
  for (guint row = 0; failure == NULL && row * n_columns < values->len; row++)
    {
      for (guint i = 0; i < n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (data, '\t');
          append_copy_value (data, g_ptr_array_index (values, row * n_columns + i));
        }
      g_string_append_c (data, '\n');
      if (data->len >= 1 << 20)
        {
          if (PQputCopyData (conn, data->str, (int) data->len) != 1)
            failure = PQerrorMessage (conn);
          g_string_truncate (data, 0);
        }
    }
  if (failure == NULL
      && ((data->len > 0 && PQputCopyData (conn, data->str, (int) data->len) != 1)
          || PQputCopyEnd (conn, NULL) != 1))
    failure = PQerrorMessage (conn);
  if (failure == NULL)
    {
      done = PQgetResult (conn);
      if (PQresultStatus (done) != PGRES_COMMAND_OK)
        failure = PQresultErrorMessage (done);
    }
  if (failure != NULL)
    g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED, "%s: %s", _(what), failure);
  /* Drain what libpq still holds of the COPY. */
  for (PGresult *more = PQgetResult (conn); more != NULL; more = PQgetResult (conn))
    PQclear (more);
  return failure == NULL;
}

gboolean
fu_pg_write_rows (FuStore            *self,
                  const FuStoreTable *table,
                  GPtrArray          *values,
                  GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_printf (sql, "DELETE FROM \"%s\"", table->name);
  if (!fu_pg_exec (self, sql->str, error))
    return FALSE;

  g_string_printf (sql, "COPY \"%s\" (", table->name);
  append_columns (sql, table);
  g_string_append (sql, ") FROM STDIN");
  if (!fu_pg_copy_in (self, sql->str, g_strv_length ((char **) table->columns), values,
                      N_("Could not write the copy"), error))
    return FALSE;

  /* The planner's statistics now, not when autovacuum next comes by: without them a fresh
   * copy's first queries are planned for empty tables. */
  g_string_printf (sql, "ANALYZE \"%s\"", table->name);
  if (!fu_pg_exec (self, sql->str, error))
    return FALSE;

  /* New rows get ids after the copied ones. */
  if (has_id (table))
    {
      g_string_printf (sql,
                       "SELECT setval (pg_get_serial_sequence ('\"%s\"', 'id'), "
                       "coalesce (max (id), 0) + 1, false) FROM \"%s\"",
                       table->name, table->name);
      if (!fu_pg_exec (self, sql->str, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
fu_pg_snapshot (FuStore  *self,
                gboolean  start,
                GError  **error)
{
  return fu_pg_exec (self, start ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "COMMIT",
                     error);
}

/* A team database's backup is a database file: the whole database, history included, read
 * from one moment (a REPEATABLE READ transaction), written beside @dest and renamed over it
 * once whole. It opens in the app like any file. */
gboolean
fu_pg_backup_to (FuStore     *self,
                 const char  *dest,
                 GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (dest);
  g_autofree char *temp = g_strconcat (dest, ".partial", NULL);
  g_autoptr(FuStore) file = NULL;
  gboolean ok;

  if (FU_PG (self)->depth > 0)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                           "a backup cannot be made during a change");
      return FALSE;
    }
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("Could not create the folder '%s': %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  g_unlink (temp);
  file = fu_store_open (temp, error);
  ok = file != NULL && fu_store_copy (self, file, NULL, NULL, error);
  g_clear_object (&file);
  if (ok && g_rename (temp, dest) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("Could not write the backup '%s': %s"), dest, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temp);
  return ok;
}

/* Every row of @tables (NULL: the data's tables), as fu_store_dump() gives them: a table's
 * name in brackets, then its rows by id, columns between bars, NULL as "<null>". */
char *
fu_pg_dump (FuStore             *self,
            const char * const  *tables,
            GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint t = 0; fu_store_tables[t].name != NULL; t++)
    {
      const FuStoreTable *table = &fu_store_tables[t];
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      g_autoptr(FuPgResult) res = NULL;
      int n;

      if (tables == NULL ? g_str_has_prefix (table->name, "audit_")
                         : !g_strv_contains (tables, table->name))
        continue;
      append_columns (sql, table);
      g_string_append_printf (sql, " FROM \"%s\" ORDER BY %s", table->name,
                              has_id (table) ? "id" : "kind COLLATE \"C\", subject_id, entry_id");
      res = fu_pg_query (self, sql->str, NULL, N_("Could not read the database"), error);
      if (res == NULL)
        return NULL;
      n = PQnfields (res);
      g_string_append_printf (out, "[%s]\n", table->name);
      for (int row = 0; row < PQntuples (res); row++)
        {
          for (int i = 0; i < n; i++)
            g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                                    PQgetisnull (res, row, i) ? "<null>"
                                                              : PQgetvalue (res, row, i));
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- Restoring a backup -------------------------------------------------------------------- */

#define N_DATA_TABLES 8   /* fu_store_tables' first: the data; the history's come after */

static void
append_assignments (GString            *sql,
                    const FuStoreTable *table,
                    const char         *prefix)
{
  for (guint i = 1; table->columns[i] != NULL; i++)
    g_string_append_printf (sql, "%s%s\"%s\"", i > 1 ? ", " : "", prefix, table->columns[i]);
}

static gboolean
restore_tables (FuStore  *self,
                FuStore  *backup,
                GError  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  if (!fu_pg_exec (self, "SET CONSTRAINTS ALL DEFERRED", error))
    return FALSE;

  /* The backup's rows, staged beside each table. */
  for (guint t = 0; t < N_DATA_TABLES; t++)
    {
      const FuStoreTable *table = &fu_store_tables[t];
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      g_assert (g_str_equal (table->columns[0], "id"));
      if (!FU_STORE_GET_CLASS (backup)->read_rows (backup, table, fu_store_keep_row, values,
                                                   error))
        return FALSE;
      g_string_printf (sql, "CREATE TEMPORARY TABLE \"fu_restore_%s\" (LIKE \"%s\") "
                       "ON COMMIT DROP", table->name, table->name);
      if (!fu_pg_exec (self, sql->str, error))
        return FALSE;
      g_string_printf (sql, "COPY \"fu_restore_%s\" (", table->name);
      append_columns (sql, table);
      g_string_append (sql, ") FROM STDIN");
      if (!fu_pg_copy_in (self, sql->str, g_strv_length ((char **) table->columns), values,
                          N_("Could not read the backup"), error))
        return FALSE;
    }

  /* What the backup has not, children first. */
  for (guint t = N_DATA_TABLES; t-- > 0;)
    {
      g_string_printf (sql, "DELETE FROM \"%s\" t WHERE NOT EXISTS "
                       "(SELECT 1 FROM \"fu_restore_%s\" r WHERE r.id = t.id)",
                       fu_store_tables[t].name, fu_store_tables[t].name);
      if (!fu_pg_exec (self, sql->str, error))
        return FALSE;
    }

  /* The rows as the backup has them, parents first; each change through the history's
   * triggers, so that the restore is one change, undone as one. */
  for (guint t = 0; t < N_DATA_TABLES; t++)
    {
      const FuStoreTable *table = &fu_store_tables[t];

      g_string_printf (sql, "UPDATE \"%s\" t SET (", table->name);
      append_assignments (sql, table, "");
      g_string_append (sql, ") = (");
      append_assignments (sql, table, "r.");
      g_string_append_printf (sql, ") FROM \"fu_restore_%s\" r WHERE r.id = t.id AND (",
                              table->name);
      append_assignments (sql, table, "t.");
      g_string_append (sql, ") IS DISTINCT FROM (");
      append_assignments (sql, table, "r.");
      g_string_append (sql, ")");
      if (!fu_pg_exec (self, sql->str, error))
        return FALSE;

      g_string_printf (sql, "INSERT INTO \"%s\" (", table->name);
      append_columns (sql, table);
      g_string_append (sql, ") SELECT ");
      append_columns (sql, table);
      g_string_append_printf (sql, " FROM \"fu_restore_%s\" r WHERE NOT EXISTS "
                              "(SELECT 1 FROM \"%s\" t WHERE t.id = r.id) ORDER BY r.id",
                              table->name, table->name);
      if (!fu_pg_exec (self, sql->str, error))
        return FALSE;

      /* New rows get ids after the restored ones. */
      g_string_printf (sql,
                       "SELECT setval (pg_get_serial_sequence ('\"%s\"', 'id'), "
                       "greatest (coalesce (max (id), 0) + 1, "
                       "nextval (pg_get_serial_sequence ('\"%s\"', 'id'))), false) FROM \"%s\"",
                       table->name, table->name, table->name);
      if (!fu_pg_exec (self, sql->str, error))
        return FALSE;
    }
  return fu_pg_exec (self, "SET CONSTRAINTS ALL IMMEDIATE", error);
}

gboolean
fu_pg_restore_from (FuStore  *self,
                    FuStore  *backup,
                    GError  **error)
{
  if (FU_STORE_GET_CLASS (backup)->read_rows == NULL)
    {
      fu_store_set_cannot_error (backup, "restore", error);
      return FALSE;
    }
  if (!fu_pg_begin (self, error))
    return FALSE;
  return fu_pg_finish (self, restore_tables (self, backup, error), error);
}
