/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-snapshot.c: a workshop with everything deleting it takes away. */

#define G_LOG_DOMAIN "fu-sqlite-snapshot"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-error.h"
#include "fu-sqlite-private.h"
#include "fu-store-snapshot.h"

typedef sqlite3_stmt FuSnapshotStmt;

static void
fu_snapshot_stmt_release (FuSnapshotStmt *stmt)
{
  sqlite3_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuSnapshotStmt, fu_snapshot_stmt_release)

/* The tables a workshop's deletion cascades into, parents first. @parent is the index of
 * the table that @parent_column points into, -1 for none. */
enum {
  T_WORKSHOP,
  T_ATTENDANCE,
  T_FOLLOWUP,
  T_REMINDER,
  T_REPLY,
  N_TABLES
};

static const struct {
  const char *name;
  const char *select;
  const char *parent_column;
  int         parent;
} tables[N_TABLES] = {
  { "workshop", "SELECT * FROM workshop WHERE id = ?1", NULL, -1 },
  { "attendance", "SELECT * FROM attendance WHERE workshop_id = ?1 ORDER BY id",
    "workshop_id", T_WORKSHOP },
  { "followup",
    "SELECT f.* FROM followup f JOIN attendance a ON a.id = f.attendance_id "
    "WHERE a.workshop_id = ?1 ORDER BY f.id",
    "attendance_id", T_ATTENDANCE },
  { "reminder",
    "SELECT m.* FROM reminder m JOIN followup f ON f.id = m.followup_id "
    "JOIN attendance a ON a.id = f.attendance_id WHERE a.workshop_id = ?1 ORDER BY m.id",
    "followup_id", T_FOLLOWUP },
  { "reply",
    "SELECT r.* FROM reply r JOIN followup f ON f.id = r.followup_id "
    "JOIN attendance a ON a.id = f.attendance_id WHERE a.workshop_id = ?1 ORDER BY r.id",
    "followup_id", T_FOLLOWUP },
};

typedef struct {
  char       *insert_sql;     /* INSERT INTO name (columns) VALUES (?1, ...) */
  guint       n_columns;
  int         id_column;      /* index of "id" */
  int         parent_column;  /* index of the parent's id, or -1 */
  GPtrArray  *rows;           /* GPtrArray of sqlite3_value*, one per column */
} TableRows;

struct _FuWorkshopSnapshot {
  gint64     workshop_id;
  char      *code;
  TableRows  tables[N_TABLES];
};

static void
value_free (gpointer value)
{
  sqlite3_value_free (value);
}

static void
table_rows_clear (TableRows *rows)
{
  g_clear_pointer (&rows->insert_sql, g_free);
  g_clear_pointer (&rows->rows, g_ptr_array_unref);
}

/* Copies every row @stmt returns into @rows, remembering the columns to write them back. */
static gboolean
read_table (FuStore       *store,
            sqlite3_stmt  *stmt,
            guint          table,
            TableRows     *rows,
            GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  int rc;

  rows->n_columns = (guint) sqlite3_column_count (stmt);
  rows->id_column = -1;
  rows->parent_column = -1;
  rows->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_string_append_printf (sql, "INSERT INTO %s (", tables[table].name);
  for (guint i = 0; i < rows->n_columns; i++)
    {
      const char *column = sqlite3_column_name (stmt, (int) i);

      if (g_strcmp0 (column, "id") == 0)
        rows->id_column = (int) i;
      if (g_strcmp0 (column, tables[table].parent_column) == 0)
        rows->parent_column = (int) i;
      g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "", column);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < rows->n_columns; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (sql, ')');
  rows->insert_sql = g_string_free (g_steal_pointer (&sql), FALSE);

  /* The schema always has them; a database that lacks them is not ours to restore. */
  g_assert (rows->id_column >= 0);
  g_assert (tables[table].parent_column == NULL || rows->parent_column >= 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_full (rows->n_columns, value_free);

      for (guint i = 0; i < rows->n_columns; i++)
        g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, (int) i)));
      g_ptr_array_add (rows->rows, row);
    }
  if (rc != SQLITE_DONE)
    return fu_sqlite_set_error (store, error, _("Could not read the workshop to delete"));
  return TRUE;
}

static gboolean
snapshot_tables (FuStore             *store,
                 FuWorkshopSnapshot  *snapshot,
                 GError             **error)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_autoptr(FuSnapshotStmt) stmt = fu_sqlite_prepare (store, tables[t].select, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, snapshot->workshop_id);
      if (!read_table (store, stmt, t, &snapshot->tables[t], error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts one row with its own id, or a new one when that id has been taken since; the
 * parent's id is the one the parent got. */
static gboolean
restore_row (FuStore             *store,
             FuWorkshopSnapshot  *snapshot,
             guint                table,
             GPtrArray           *row,
             GHashTable         **ids,
             GError             **error)
{
  TableRows *rows = &snapshot->tables[table];
  g_autoptr(FuSnapshotStmt) stmt = fu_sqlite_prepare (store, rows->insert_sql, error);
  gint64 old_id;
  gint64 new_id;
  int rc;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < rows->n_columns; i++)
    sqlite3_bind_value (stmt, (int) i + 1, g_ptr_array_index (row, i));
  old_id = sqlite3_value_int64 (g_ptr_array_index (row, rows->id_column));

  if (rows->parent_column >= 0)
    {
      gint64 parent_id = sqlite3_value_int64 (g_ptr_array_index (row, rows->parent_column));
      gint64 *mapped = g_hash_table_lookup (ids[tables[table].parent], &parent_id);

      if (mapped != NULL)
        sqlite3_bind_int64 (stmt, rows->parent_column + 1, *mapped);
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE
      && sqlite3_extended_errcode (fu_sqlite_get_db (store)) == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      /* Someone added a row since and got this id: a new one will do. */
      sqlite3_reset (stmt);
      sqlite3_bind_null (stmt, rows->id_column + 1);
      rc = sqlite3_step (stmt);
    }

  if (rc != SQLITE_DONE)
    {
      switch (sqlite3_extended_errcode (fu_sqlite_get_db (store)))
        {
        case SQLITE_CONSTRAINT_UNIQUE:
          if (table == T_WORKSHOP)
            {
              g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                           _("Could not restore workshop '%s': a workshop with this code "
                             "already exists"),
                           snapshot->code);
              return FALSE;
            }
          break;

        case SQLITE_CONSTRAINT_FOREIGNKEY:
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                       _("Could not restore workshop '%s': one of its participants or its "
                         "host administration is no longer in the database"),
                       snapshot->code);
          return FALSE;

        default:
          break;
        }
      return fu_sqlite_set_error (store, error, _("Could not restore the workshop"));
    }

  new_id = sqlite3_last_insert_rowid (fu_sqlite_get_db (store));
  g_hash_table_insert (ids[table], g_memdup2 (&old_id, sizeof old_id),
                       g_memdup2 (&new_id, sizeof new_id));
  return TRUE;
}

static gboolean
restore_tables (FuStore             *store,
                FuWorkshopSnapshot  *snapshot,
                GHashTable         **ids,
                GError             **error)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      GPtrArray *rows = snapshot->tables[t].rows;

      for (guint i = 0; i < rows->len; i++)
        if (!restore_row (store, snapshot, t, g_ptr_array_index (rows, i), ids, error))
          return FALSE;
    }
  return TRUE;
}

/* ---- Public API ------------------------------------------------------------------------- */

FuWorkshopSnapshot *
fu_store_snapshot_workshop (FuStore *self,
                            gint64   id,
                            GError **error)
{
  g_autoptr(FuWorkshopSnapshot) snapshot = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  workshop = fu_store_get_workshop (self, id, error);
  if (workshop == NULL)
    return NULL;

  snapshot = g_new0 (FuWorkshopSnapshot, 1);
  snapshot->workshop_id = id;
  snapshot->code = g_strdup (workshop->code);

  /* One read transaction, so that the five tables agree with each other. */
  if (!fu_store_begin (self, error))
    return NULL;
  if (!snapshot_tables (self, snapshot, error))
    {
      fu_store_rollback (self);
      return NULL;
    }
  fu_store_rollback (self);

  return g_steal_pointer (&snapshot);
}

gboolean
fu_store_restore_workshop (FuStore             *self,
                           FuWorkshopSnapshot  *snapshot,
                           GError             **error)
{
  GHashTable *ids[N_TABLES];
  gboolean ok;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint t = 0; t < N_TABLES; t++)
    ids[t] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  ok = fu_store_begin (self, error);
  if (ok)
    {
      ok = restore_tables (self, snapshot, ids, error);
      if (ok)
        {
          ok = fu_store_commit (self, error);
          if (!ok)
            fu_store_rollback (self);
        }
      else
        {
          fu_store_rollback (self);
        }
    }

  if (ok)
    {
      gint64 *new_id = g_hash_table_lookup (ids[T_WORKSHOP], &snapshot->workshop_id);

      /* The id it came back with, for the caller to select. */
      if (new_id != NULL)
        snapshot->workshop_id = *new_id;
    }

  for (guint t = 0; t < N_TABLES; t++)
    g_hash_table_unref (ids[t]);
  return ok;
}

gint64
fu_workshop_snapshot_get_id (const FuWorkshopSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->workshop_id;
}

const char *
fu_workshop_snapshot_get_code (const FuWorkshopSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->code;
}

guint
fu_workshop_snapshot_get_n_attendances (const FuWorkshopSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->tables[T_ATTENDANCE].rows->len;
}

guint
fu_workshop_snapshot_get_n_replies (const FuWorkshopSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->tables[T_REPLY].rows->len;
}

void
fu_workshop_snapshot_free (FuWorkshopSnapshot *self)
{
  if (self == NULL)
    return;
  for (guint t = 0; t < N_TABLES; t++)
    table_rows_clear (&self->tables[t]);
  g_free (self->code);
  g_free (self);
}
