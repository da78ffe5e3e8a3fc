/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-backup.c: backups with SQLite's online backup API, and what one holds. */
#define G_LOG_DOMAIN "fu-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "fu-sqlite-private.h"

/* A message for a failed backup: a full disk says so. */
static void
set_backup_error (GError    **error,
                  const char *dest,
                  int         rc,
                  const char *message)
{
  g_autofree char *base = g_path_get_basename (dest);

  if ((rc & 0xff) == SQLITE_FULL)
    g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_DISK_FULL,
                 _("The disk holding %s is full: no backup was made. Free some space and try "
                   "again."), base);
  else
    g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_IO,
                 _("Could not back up into %s: %s"), dest, message);
}

/* The pages of @db copied into @temp (to become @dest), a single file (no write-ahead log), checked. */
static gboolean
copy_pages (sqlite3     *db,
            const char  *temp,
            const char  *dest,
            GError     **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (temp, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto out;
  backup = sqlite3_backup_init (copy, "main", db, "main");
  if (backup == NULL)
    {
      rc = sqlite3_extended_errcode (copy);
      goto out;
    }
  while ((rc = sqlite3_backup_step (backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
    sqlite3_sleep (50);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto out;
  rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto out;
  /* The pages are the checked file's own: their structure is what a copy can spoil, and
   * the quick check reads it at a fraction of the full check's time. */
  rc = sqlite3_prepare_v2 (copy, "PRAGMA quick_check (1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    goto out;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
    ok = TRUE;
  else if (rc == SQLITE_ROW)
    g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_DAMAGED,
                 _("The backup %s failed its check: %s"), dest, sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

out:
  if (!ok && error != NULL && *error == NULL)
    set_backup_error (error, dest, rc, copy != NULL ? sqlite3_errmsg (copy) : g_strerror (ENOMEM));
  if (sqlite3_close (copy) != SQLITE_OK && ok)
    {
      set_backup_error (error, dest, SQLITE_IOERR, g_strerror (errno));
      ok = FALSE;
    }
  return ok;
}

gboolean
fu_sqlite_backup_to (FuStore     *self,
                     const char  *dest,
                     GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (dest);
  g_autofree char *temp = g_strconcat (dest, ".partial-XXXXXX", NULL);
  int fd;

  if (FU_SQLITE (self)->depth > 0)
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

  /* Written beside the backup, 0600, and renamed over it once whole and checked: a failed
   * backup leaves nothing that looks like one. */
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_backup_error (error, dest, saved_errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR,
                        g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (!copy_pages (FU_SQLITE (self)->db, temp, dest, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  fd = g_open (temp, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  if (g_rename (temp, dest) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      set_backup_error (error, dest, SQLITE_IOERR, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* ---- Reading a backup ------------------------------------------------------------------ */

static gint64
count_rows_of (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

gboolean
fu_sqlite_describe_backup (const char    *path,
                           FuBackupInfo  *info,
                           GError       **error)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  sqlite3 *db = NULL;
  gint64 application_id;

  memset (info, 0, sizeof *info);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("'%s': this file is not a Follow-Up database"), path);
      return FALSE;
    }
  application_id = count_rows_of (db, "PRAGMA application_id");
  info->version = (guint) MAX (count_rows_of (db, "PRAGMA user_version"), 0);
  info->n_workshops = count_rows_of (db, "SELECT count (*) FROM workshop");
  info->n_participants = count_rows_of (db, "SELECT count (*) FROM participant");
  info->n_replies = count_rows_of (db, "SELECT count (*) FROM reply");
  sqlite3_close (db);
  if (application_id != FU_APPLICATION_ID || info->n_workshops < 0
      || info->n_participants < 0 || info->n_replies < 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                   _("'%s': this file is not a Follow-Up database"), path);
      return FALSE;
    }
  return TRUE;
}

/* ---- Copies ---------------------------------------------------------------------------------- */

/* A copy's column as SQLite names it: a setting's id is its rowid. */
static const char *
column_name (const FuStoreTable *table,
             const char         *column)
{
  if (g_str_equal (table->name, "settings") && g_str_equal (column, "id"))
    return "rowid";
  return column;
}

static gboolean
has_id (const FuStoreTable *table)
{
  return g_str_equal (table->columns[0], "id");
}

gboolean
fu_sqlite_read_rows (FuStore            *self,
                     const FuStoreTable *table,
                     FuStoreRowFunc      func,
                     gpointer            user_data,
                     GError            **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autofree const char **values = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = g_strv_length ((char **) table->columns);
  int rc;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "",
                            column_name (table, table->columns[i]));
  g_string_append_printf (sql, " FROM \"%s\" ORDER BY %s", table->name,
                          has_id (table) ? column_name (table, "id") : "1, 2, 3");
  if (sqlite3_prepare_v2 (FU_SQLITE (self)->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return fu_sqlite_set_error (self, error, _("Could not read the database to copy it"));

  values = g_new0 (const char *, n + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < n; i++)
        values[i] = (const char *) sqlite3_column_text (stmt, (int) i);
      if (!func (values, n, user_data))
        break;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, _("Could not read the database to copy it"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
fu_sqlite_write_rows (FuStore            *self,
                      const FuStoreTable *table,
                      GPtrArray          *values,
                      GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *clear = g_strdup_printf ("DELETE FROM \"%s\"", table->name);
  sqlite3 *db = FU_SQLITE (self)->db;
  sqlite3_stmt *stmt = NULL;
  guint n = g_strv_length ((char **) table->columns);
  gboolean ok = TRUE;

  /* A history entry names the later one that undid it: checked once all are in. */
  if (sqlite3_exec (db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_exec (db, clear, NULL, NULL, NULL) != SQLITE_OK)
    return fu_sqlite_set_error (self, error, _("Could not write the copy"));

  g_string_append_printf (sql, "INSERT INTO \"%s\" (", table->name);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "",
                            column_name (table, table->columns[i]));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s?", i > 0 ? ", " : "");
  g_string_append_c (sql, ')');
  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return fu_sqlite_set_error (self, error, _("Could not write the copy"));

  for (guint row = 0; ok && row * n < values->len; row++)
    {
      for (guint i = 0; i < n; i++)
        {
          const char *value = g_ptr_array_index (values, row * n + i);

          if (value == NULL)
            sqlite3_bind_null (stmt, (int) i + 1);
          else
            sqlite3_bind_text (stmt, (int) i + 1, value, -1, SQLITE_STATIC);
        }
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
    }
  if (!ok)
    fu_sqlite_set_error (self, error, _("Could not write the copy"));
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
fu_sqlite_snapshot (FuStore  *self,
                    gboolean  start,
                    GError  **error)
{
  /* In WAL mode a read transaction sees one moment, whatever others commit meanwhile. */
  if (sqlite3_exec (FU_SQLITE (self)->db, start ? "BEGIN" : "COMMIT", NULL, NULL, NULL)
      != SQLITE_OK)
    return fu_sqlite_set_error (self, error, _("Could not read the database to copy it"));
  return TRUE;
}
