/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-store.c: the SQLite backend of FuStore: the connection, its statement cache and
 * transactions. Each entity's queries live in a file of its own beside this one. */

#define G_LOG_DOMAIN "fu-sqlite-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-sqlite-private.h"

/* ---- The class ---------------------------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (FuSqliteStore, fu_sqlite_store, FU_TYPE_STORE)

static void
fu_stmt_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
fu_sqlite_store_finalize (GObject *object)
{
  FuSqliteStore *self = FU_SQLITE_STORE (object);

  if (self->depth > 0 && self->db != NULL)
    {
      g_warning ("Closing the database with a transaction open; rolling it back");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  /* A check left for a write (FU_STORE_OPEN_READING) is not run now. */
  if (self->check_thread != NULL)
    g_thread_join (g_steal_pointer (&self->check_thread));
  /* Statements first: the connection closes (and checkpoints its WAL) only without them. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->audit_explicit, g_array_unref);
  g_clear_error (&self->fault);

  G_OBJECT_CLASS (fu_sqlite_store_parent_class)->finalize (object);
}

static void
fu_sqlite_store_class_init (FuSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  FuStoreClass *store_class = FU_STORE_CLASS (klass);

  object_class->finalize = fu_sqlite_store_finalize;

  /* Before any connection: SQLite's memory statistics take a global lock on every
   * allocation, and nothing reads them. Too late (SQLITE_MISUSE) when something else in
   * the process opened a database first, which is harmless. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  store_class->get_version = fu_sqlite_get_version;
  store_class->open_reader = fu_sqlite_open_reader;
  store_class->begin = fu_sqlite_begin;
  store_class->commit = fu_sqlite_commit;
  store_class->rollback = fu_sqlite_rollback;
  store_class->set_flat = fu_sqlite_set_flat;
  store_class->set_bulk = fu_sqlite_set_bulk;
  store_class->get_fault = fu_sqlite_get_fault;
  store_class->get_access = fu_sqlite_get_access;
  store_class->settle_access = fu_sqlite_settle_access;
  store_class->backup_to = fu_sqlite_backup_to;
  store_class->restore_from = fu_sqlite_restore_rows;
  store_class->set_no_contact = fu_sqlite_set_no_contact;
  store_class->export_person = fu_sqlite_export_person;
  store_class->anonymize_participant = fu_sqlite_anonymize_participant;
  store_class->list_participants_before = fu_sqlite_list_participants_before;
  store_class->is_empty = fu_sqlite_is_empty;
  store_class->dump = fu_sqlite_dump;
  store_class->get_setting = fu_sqlite_get_setting;
  store_class->set_setting = fu_sqlite_set_setting;
  store_class->list_settings = fu_sqlite_list_settings;
  store_class->move_administration = fu_sqlite_move_administration;
  store_class->list_administrations = fu_sqlite_list_administrations;
  store_class->lookup_administration = fu_sqlite_lookup_administration;
  store_class->get_administration = fu_sqlite_get_administration;
  store_class->add_administration = fu_sqlite_add_administration;
  store_class->update_administration = fu_sqlite_update_administration;
  store_class->delete_administration = fu_sqlite_delete_administration;
  store_class->lookup_workshop = fu_sqlite_lookup_workshop;
  store_class->get_workshop = fu_sqlite_get_workshop;
  store_class->list_workshops = fu_sqlite_list_workshops;
  store_class->add_workshop = fu_sqlite_add_workshop;
  store_class->update_workshop = fu_sqlite_update_workshop;
  store_class->delete_workshop = fu_sqlite_delete_workshop;
  store_class->lookup_participant = fu_sqlite_lookup_participant;
  store_class->get_participant = fu_sqlite_get_participant;
  store_class->add_participant = fu_sqlite_add_participant;
  store_class->update_participant = fu_sqlite_update_participant;
  store_class->delete_participant = fu_sqlite_delete_participant;
  store_class->lookup_attendance = fu_sqlite_lookup_attendance;
  store_class->add_attendance = fu_sqlite_add_attendance;
  store_class->match_people = fu_sqlite_match_people;
  store_class->add_participants = fu_sqlite_add_participants;
  store_class->add_attendances = fu_sqlite_add_attendances;
  store_class->delete_attendance = fu_sqlite_delete_attendance;
  store_class->lookup_followup = fu_sqlite_lookup_followup;
  store_class->walk_followups = fu_sqlite_walk_followups;
  store_class->read_rows = fu_sqlite_read_rows;
  store_class->write_rows = fu_sqlite_write_rows;
  store_class->snapshot = fu_sqlite_snapshot;
  store_class->row_version = fu_sqlite_row_version;
  store_class->mark_sent = fu_sqlite_mark_sent;
  store_class->mark_reminded = fu_sqlite_mark_reminded;
  store_class->mark_followups_sent = fu_sqlite_mark_followups_sent;
  store_class->mark_followups_reminded = fu_sqlite_mark_followups_reminded;
  store_class->close_followup = fu_sqlite_close_followup;
  store_class->get_reply = fu_sqlite_get_reply;
  store_class->save_reply = fu_sqlite_save_reply;
  store_class->delete_reply = fu_sqlite_delete_reply;
  store_class->list_replies = fu_sqlite_list_replies;
  store_class->summary = fu_sqlite_summary;
  store_class->reply_rate_trend = fu_sqlite_reply_rate_trend;
  store_class->inhouse_administrations = fu_sqlite_inhouse_administrations;
  store_class->list_participant_overview = fu_sqlite_list_participant_overview;
  store_class->list_participant_history = fu_sqlite_list_participant_history;
  store_class->list_workshop_attendees = fu_sqlite_list_workshop_attendees;
  store_class->list_attendees = fu_sqlite_list_attendees;
  store_class->move_attendances = fu_sqlite_move_attendances;
  store_class->list_merge_overlaps = fu_sqlite_list_merge_overlaps;
  store_class->close_followups = fu_sqlite_close_followups;
  store_class->reopen_followups = fu_sqlite_reopen_followups;
  store_class->get_followup = fu_sqlite_get_followup;
  store_class->reply_rate_by_administration = fu_sqlite_reply_rate_by_administration;
  store_class->audit_begin = fu_sqlite_audit_begin;
  store_class->audit_end = fu_sqlite_audit_end;
  store_class->audit_revert = fu_sqlite_audit_revert;
  store_class->audit_set_sentence = fu_sqlite_audit_set_sentence;
  store_class->get_audit_entry = fu_sqlite_get_audit_entry;
  store_class->list_audit_entries = fu_sqlite_list_audit_entries;
  store_class->list_audit_changes = fu_sqlite_list_audit_changes;
  store_class->list_audit_rows = fu_sqlite_list_audit_rows;
  store_class->changed_elsewhere = fu_sqlite_changed_elsewhere;
  store_class->audit_last_undoable = fu_sqlite_audit_last_undoable;
  store_class->audit_last_id = fu_sqlite_audit_last_id;
}

static void
fu_sqlite_store_init (FuSqliteStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, fu_stmt_finalize);
  self->data_version = -1;
  self->audit_explicit = g_array_new (FALSE, FALSE, sizeof (FuAuditRow));
}

/* A file path, or anything that is not another backend's location. */
static gboolean
sqlite_handles (const char *location)
{
  return strstr (location, "://") == NULL;
}

const FuStoreBackend fu_sqlite_backend = {
  "sqlite",
  sqlite_handles,
  fu_sqlite_store_open,
  NULL,
  fu_sqlite_describe_backup,
};

/* ---- Private API ------------------------------------------------------------------------- */

sqlite3 *
fu_sqlite_get_db (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  return FU_SQLITE (self)->db;
}

sqlite3_stmt *
fu_sqlite_prepare (FuStore    *self,
                   const char *sql,
                   GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (FU_SQLITE (self)->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (FU_SQLITE (self)->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL)
      != SQLITE_OK)
    {
      g_debug ("Could not prepare %s", sql);
      fu_sqlite_set_error (self, error, _("Could not prepare a database query"));
      return NULL;
    }

  g_hash_table_insert (FU_SQLITE (self)->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
fu_sqlite_set_error (FuStore    *self,
                     GError    **error,
                     const char *what)
{
  FuStoreError code;
  int rc;
  const char *message;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  rc = sqlite3_extended_errcode (FU_SQLITE (self)->db);
  message = sqlite3_errmsg (FU_SQLITE (self)->db);

  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      code = FU_STORE_ERROR_EXISTS;
      break;

    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      code = FU_STORE_ERROR_INVALID;
      break;

    default:
      switch (rc & 0xff)
        {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
          code = FU_STORE_ERROR_BUSY;
          message = _("the database is in use by another program; try again in a moment");
          break;

        case SQLITE_NOTADB:
          code = FU_STORE_ERROR_NOT_DATABASE;
          break;

        default:
          code = FU_STORE_ERROR_FAILED;
          break;
        }
      break;
    }

  /* Faults of the disk or the file: the message names them and the database, not the
   * record being written, and the transaction cannot go on. */
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      {
        g_autofree char *base = g_path_get_basename (FU_SQLITE (self)->path);

        g_clear_error (&FU_SQLITE (self)->fault);
        g_set_error (&FU_SQLITE (self)->fault, FU_STORE_ERROR, FU_STORE_ERROR_DISK_FULL,
                     _("The disk holding %s is full: nothing was saved. Free some space and "
                       "try again."),
                     base);
      }
      break;

    case SQLITE_IOERR:
      if (FU_SQLITE (self)->fault == NULL)
        g_set_error (&FU_SQLITE (self)->fault, FU_STORE_ERROR, FU_STORE_ERROR_IO,
                     _("Could not write to %s (%s): nothing was saved. Check the disk and try "
                       "again."),
                     FU_SQLITE (self)->path, message);
      break;

    case SQLITE_CORRUPT:
      /* Met outside a write too: a read opened without the whole file's check. */
      if (FU_SQLITE (self)->fault == NULL && FU_SQLITE (self)->depth == 0)
        g_set_error (&FU_SQLITE (self)->fault, FU_STORE_ERROR, FU_STORE_ERROR_DAMAGED,
                     _("%s is damaged: what was asked could not be read. Restore a backup."),
                     FU_SQLITE (self)->path);
      else if (FU_SQLITE (self)->fault == NULL)
        g_set_error (&FU_SQLITE (self)->fault, FU_STORE_ERROR, FU_STORE_ERROR_DAMAGED,
                     _("%s is damaged: nothing was saved. Restore a backup."),
                     FU_SQLITE (self)->path);
      break;

    case SQLITE_READONLY:
      if (FU_SQLITE (self)->fault == NULL)
        g_set_error (&FU_SQLITE (self)->fault, FU_STORE_ERROR, FU_STORE_ERROR_READ_ONLY,
                     _("read-only database %s: nothing was saved"), FU_SQLITE (self)->path);
      break;

    case SQLITE_NOMEM:
      if (FU_SQLITE (self)->fault == NULL)
        g_set_error_literal (&FU_SQLITE (self)->fault, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                             _("Out of memory: nothing was saved"));
      break;

    default:
      break;
    }
  if (FU_SQLITE (self)->fault != NULL && (rc & 0xff) != SQLITE_BUSY
      && (rc & 0xff) != SQLITE_CONSTRAINT)
    {
      g_propagate_error (error, g_error_copy (FU_SQLITE (self)->fault));
      return FALSE;
    }

  if (what != NULL)
    g_set_error (error, FU_STORE_ERROR, code, "%s: %s", what, message);
  else
    g_set_error_literal (error, FU_STORE_ERROR, code, message);
  return FALSE;
}

/* Whether the open transaction has met a fault that ends it; its error then. */
static gboolean
transaction_lost (FuStore  *self,
                  GError  **error)
{
  sqlite3 *db = FU_SQLITE (self)->db;

  if (FU_SQLITE (self)->fault == NULL && FU_SQLITE (self)->depth > 0
      && sqlite3_get_autocommit (db))
    g_set_error_literal (&FU_SQLITE (self)->fault, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                         _("The database rolled the change back by itself: nothing was "
                           "saved"));
  if (FU_SQLITE (self)->fault == NULL)
    return FALSE;
  if (error != NULL)
    g_propagate_error (error, g_error_copy (FU_SQLITE (self)->fault));
  return TRUE;
}

FuStoreAccess
fu_sqlite_get_access (FuStore *self)
{
  return FU_SQLITE (self)->access;
}

FuStoreAccess
fu_sqlite_settle_access (FuStore *self)
{
  if (fu_sqlite_settle_check (self))
    fu_store_emit_access_changed (self);
  return FU_SQLITE (self)->access;
}

/* FALSE with the error every write of a read-only or damaged database gets. */
static gboolean
check_writable (FuStore  *self,
                GError  **error)
{
  /* A write waits for the check of the file that is still running. */
  switch (fu_sqlite_settle_access (self))
    {
    case FU_STORE_ACCESS_READ_ONLY:
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_READ_ONLY,
                   _("read-only database %s: it can be read, not changed"),
                   FU_SQLITE (self)->path);
      return FALSE;

    case FU_STORE_ACCESS_DAMAGED:
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_DAMAGED,
                   _("%s is damaged: it can be read, not changed. Restore a backup."),
                   FU_SQLITE (self)->path);
      return FALSE;

    case FU_STORE_ACCESS_READ_WRITE:
    default:
      return TRUE;
    }
}

const GError *
fu_sqlite_get_fault (FuStore *self)
{
  transaction_lost (self, NULL);
  return FU_SQLITE (self)->fault;
}

void
fu_sqlite_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
fu_sqlite_bind_day (sqlite3_stmt *stmt,
                    int           index,
                    FuDay         day)
{
  char buf[11];

  if (day == FU_DAY_NONE)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  fu_day_format_iso (day, buf);
  sqlite3_bind_text (stmt, index, buf, -1, SQLITE_TRANSIENT);
}

char *
fu_sqlite_column_text (sqlite3_stmt *stmt,
                       int           index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

FuDay
fu_sqlite_column_day (sqlite3_stmt *stmt,
                      int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);
  FuDay day;

  if (text == NULL || !fu_day_parse_iso (text, &day))
    return FU_DAY_NONE;
  return day;
}

/* ---- Transactions ------------------------------------------------------------------------ */

static gboolean
exec_cached (FuStore    *self,
             const char *sql,
             GError    **error)
{
  g_autoptr(FuStmt) stmt = fu_sqlite_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  return step_done (self, stmt, N_("Could not save the changes"), error);
}

gboolean
fu_sqlite_begin (FuStore *self,
                 GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A transaction that met a fault (a full disk: SQLite may have rolled it back by itself)
   * goes no further: a savepoint now would start a new transaction that its release commits,
   * and half of the work would be saved. */
  if (!check_writable (self, error))
    return FALSE;
  if (FU_SQLITE (self)->depth == 0)
    g_clear_error (&FU_SQLITE (self)->fault);
  else if (transaction_lost (self, error))
    return FALSE;

  /* Inside a flat level: no savepoint per write. */
  if (FU_SQLITE (self)->flat_base != 0 && FU_SQLITE (self)->depth >= FU_SQLITE (self)->flat_base)
    {
      FU_SQLITE (self)->depth++;
      return TRUE;
    }
  if (FU_SQLITE (self)->flat_base != 0 && FU_SQLITE (self)->depth + 1 == FU_SQLITE (self)->flat_base)
    FU_SQLITE (self)->flat_failed = FALSE;

  /* Savepoints of one name nest: RELEASE and ROLLBACK TO act on the innermost. */
  if (!exec_cached (self, FU_SQLITE (self)->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT fu_level",
                   error))
    return FALSE;
  FU_SQLITE (self)->depth++;
  return TRUE;
}

/* The default page cache again, once no transaction holds the bulk write's pages. */
static void
release_big_cache (FuStore *self)
{
  if (!FU_SQLITE (self)->big_cache || FU_SQLITE (self)->db == NULL)
    return;
  sqlite3_exec (FU_SQLITE (self)->db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
  FU_SQLITE (self)->big_cache = FALSE;
}

void
fu_sqlite_set_flat (FuStore  *self,
                    gboolean  flat)
{
  FU_SQLITE (self)->flat_base = flat ? FU_SQLITE (self)->depth + 1 : 0;
  FU_SQLITE (self)->flat_failed = FALSE;
  /* A bulk write keeps the pages it changes in memory until its commit: with SQLite's
   * default 2 MB cache, an import of 100,000 rows wrote its pages out to the log over and
   * over while it ran (1.8 million pwrite() calls). Up to 256 MB while the transaction
   * lasts: shrunk in the middle of it, the cache would write every page it holds to the log,
   * and read some back for what follows (the history's entry). The default comes back when
   * the transaction ends, which lets the pages go. */
  if (flat && FU_SQLITE (self)->db != NULL && !FU_SQLITE (self)->big_cache)
    {
      sqlite3_exec (FU_SQLITE (self)->db, "PRAGMA cache_size = -262144", NULL, NULL, NULL);
      FU_SQLITE (self)->big_cache = TRUE;
    }
  else if (!flat && FU_SQLITE (self)->depth == 0)
    release_big_cache (self);
}

/* Sets the file's journal mode, and the syncing that goes with it: TRUE when it took. */
static gboolean
set_journal_mode (FuStore    *self,
                  const char *mode,
                  const char *synchronous)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  g_autofree char *sync_sql = g_strdup_printf ("PRAGMA synchronous = %s", synchronous);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  /* SQLite answers with the mode the file has: the old one when it could not change it. */
  ok = sqlite3_prepare_v2 (FU_SQLITE (self)->db, sql, -1, &stmt, NULL) == SQLITE_OK
       && sqlite3_step (stmt) == SQLITE_ROW
       && g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), mode) == 0;
  sqlite3_finalize (stmt);
  if (ok)
    sqlite3_exec (FU_SQLITE (self)->db, sync_sql, NULL, NULL, NULL);
  return ok;
}

void
fu_sqlite_set_bulk (FuStore  *self,
                    gboolean  bulk)
{
  if (FU_SQLITE (self)->db == NULL || FU_SQLITE (self)->depth > 0
      || FU_SQLITE (self)->access != FU_STORE_ACCESS_READ_WRITE
      || g_strcmp0 (FU_SQLITE (self)->path, ":memory:") == 0)
    return;
  /* SQLite leaves the log only when no other connection has the file open. Then every
   * page goes to the file once, with the old ones it changes in the journal, synced as
   * sqlite3 syncs by default (FULL); through the log, each went to the log and then, at
   * the commit, into the file: 0.2 s of a 100,000-row import at WCO size, now 0.1. */
  if (bulk && !FU_SQLITE (self)->bulk)
    {
      FU_SQLITE (self)->bulk = set_journal_mode (self, "DELETE", "FULL");
      /* Nothing is written to the file before the commit: the backup reading it meanwhile
       * (a thread, on a connection of its own) would otherwise wait for this connection's
       * lock while the commit waits for the backup. */
      if (FU_SQLITE (self)->bulk)
        sqlite3_exec (FU_SQLITE (self)->db, "PRAGMA cache_spill = OFF", NULL, NULL, NULL);
    }
  else if (!bulk && FU_SQLITE (self)->bulk)
    {
      /* Back to the log. Should a program have opened the file meanwhile, its own open
       * set the log already, or sets it when this connection closes. */
      sqlite3_exec (FU_SQLITE (self)->db, "PRAGMA cache_spill = ON", NULL, NULL, NULL);
      set_journal_mode (self, "WAL", "NORMAL");
      FU_SQLITE (self)->bulk = FALSE;
    }
}

/* Whether the innermost level is one inside a flat level (it took no savepoint). */
static gboolean
inside_flat (FuStore *self)
{
  return FU_SQLITE (self)->flat_base != 0 && FU_SQLITE (self)->depth > FU_SQLITE (self)->flat_base;
}

/* Ends the innermost level. When it fails (the disk is full, another program holds a lock
 * too long), the level stays open and the caller rolls it back. */
gboolean
fu_sqlite_commit (FuStore *self,
                  GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (FU_SQLITE (self)->depth > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (inside_flat (self))
    {
      FU_SQLITE (self)->depth--;
      return TRUE;
    }
  /* A write inside it failed and left what it had done: this level keeps nothing. */
  if (FU_SQLITE (self)->flat_base != 0 && FU_SQLITE (self)->depth == FU_SQLITE (self)->flat_base
      && FU_SQLITE (self)->flat_failed)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
                           _("A write of this change failed: nothing of it was saved"));
      return FALSE;
    }
  if (transaction_lost (self, error)
      || !exec_cached (self, FU_SQLITE (self)->depth > 1 ? "RELEASE fu_level" : "COMMIT", error))
    return FALSE;
  FU_SQLITE (self)->depth--;
  if (FU_SQLITE (self)->depth == 0 && FU_SQLITE (self)->flat_base == 0)
    release_big_cache (self);
  return TRUE;
}

void
fu_sqlite_rollback (FuStore *self)
{
  g_return_if_fail (FU_IS_STORE (self));
  g_return_if_fail (FU_SQLITE (self)->depth > 0);

  if (inside_flat (self))
    {
      FU_SQLITE (self)->depth--;
      FU_SQLITE (self)->flat_failed = TRUE;
      return;
    }
  FU_SQLITE (self)->depth--;

  /* SQLite may already have rolled the whole transaction back (an I/O error, a full disk):
   * the outer levels then end without SQL, as their callers roll back or fail to commit. */
  if (!sqlite3_get_autocommit (FU_SQLITE (self)->db) && FU_SQLITE (self)->depth > 0)
    {
      if (!exec_cached (self, "ROLLBACK TO fu_level", NULL))
        g_warning ("Could not roll back to a savepoint: %s",
                   sqlite3_errmsg (FU_SQLITE (self)->db));
      exec_cached (self, "RELEASE fu_level", NULL);
    }
  else if (!sqlite3_get_autocommit (FU_SQLITE (self)->db)
           && !exec_cached (self, "ROLLBACK", NULL))
    {
      g_warning ("Could not roll back: %s", sqlite3_errmsg (FU_SQLITE (self)->db));
    }
  if (FU_SQLITE (self)->depth == 0 && FU_SQLITE (self)->flat_base == 0)
    release_big_cache (self);
}

/* The end of every write function. @ok is the work's result: when it failed its error
 * stands and the level is rolled back; otherwise commit, or roll back when that fails. */
gboolean
fu_sqlite_finish (FuStore  *self,
                  gboolean  ok,
                  GError  **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (FU_SQLITE (self)->depth > 0, FALSE);

  if (ok && fu_store_commit (self, error))
    return TRUE;
  fu_store_rollback (self);
  return FALSE;
}

gboolean
fu_sqlite_is_empty (FuStore *self)
{
  g_autoptr(FuStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  stmt = fu_sqlite_prepare (self,
                           "SELECT NOT EXISTS (SELECT 1 FROM workshop) "
                           "AND NOT EXISTS (SELECT 1 FROM participant)",
                           &error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("Could not tell whether the database is empty: %s",
                 error != NULL ? error->message : sqlite3_errmsg (FU_SQLITE (self)->db));
      return FALSE;
    }
  return sqlite3_column_int (stmt, 0) != 0;
}

gboolean
fu_sqlite_changed_elsewhere (FuStore *self)
{
  gint64 version = 0;
  gboolean changed;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  /* data_version moves only for commits of other connections, and only outside a
   * transaction of ours does it say something new. */
  if (FU_SQLITE (self)->depth > 0)
    return FALSE;
  {
    g_autoptr(FuStmt) stmt = fu_sqlite_prepare (self, "PRAGMA data_version", NULL);

    if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
      return FALSE;
    version = sqlite3_column_int64 (stmt, 0);
  }
  changed = FU_SQLITE (self)->data_version >= 0 && version != FU_SQLITE (self)->data_version;
  FU_SQLITE (self)->data_version = version;
  return changed;
}

/* The tables a dump may name: the data, then the audit log. */
static const char * const dump_tables[] = {
  "administration", "workshop", "participant", "attendance", "followup", "reminder", "reply",
  "settings", "audit_entry", "audit_change", "audit_subject", NULL
};

char *
fu_sqlite_dump (FuStore             *self,
                const char * const  *tables,
                GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (tables == NULL)
    tables = dump_tables;
  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;
      int rc;

      if (tables == dump_tables && g_str_has_prefix (tables[t], "audit_"))
        break;
      if (!g_strv_contains (dump_tables, tables[t]))
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                       _("There is no table '%s' to dump"), tables[t]);
          return NULL;
        }
      sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY %s", tables[t],
                             g_str_equal (tables[t], "audit_subject") ? "1, 2, 3" : "rowid");
      stmt = fu_sqlite_prepare (self, sql, error);
      if (stmt == NULL)
        return NULL;
      g_string_append_printf (out, "[%s]\n", tables[t]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, i);

              g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", text ? text : "<null>");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fu_sqlite_set_error (self, error, _("Could not read the database"));
          return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
