/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-sqlite-private.h: the SQLite backend's own header, for the files of app/core/sqlite/
 * and the tests of this backend only. */
#pragma once

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "fu-day.h"
#include "fu-error.h"

#include "fu-store-backend.h"
#include "fu-store.h"

G_BEGIN_DECLS

#define FU_TYPE_SQLITE_STORE (fu_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (FuSqliteStore, fu_sqlite_store, FU, SQLITE_STORE, FuStore)

struct _FuSqliteStore
{
  FuStore     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL text -> sqlite3_stmt, finalized with the store */
  guint       depth;        /* open transaction levels: 1 = BEGIN, more = savepoints */
  /* fu_store_set_flat: levels deeper than flat_base take no savepoint; flat_failed says
   * one of them was rolled back, so that flat_base cannot commit half of its work. */
  guint       flat_base;
  gboolean    flat_failed;
  /* The bulk write's large page cache, to give back when the transaction ends. */
  gboolean    big_cache;
  /* fu_store_set_bulk: the file is in rollback-journal mode for the bulk write. */
  gboolean    bulk;
  guint       version;      /* PRAGMA user_version once open */
  gint64      data_version; /* PRAGMA data_version when last asked; -1 = never */

  /* While a command is recorded (fu-sqlite-audit.c): each table's largest id when it
   * began (the rows above are the ones it adds), and the rows an undo put back with their
   * old ids (FuAuditRow). */
  gint64      audit_max[FU_N_RECORDS];
  GArray     *audit_explicit;

  /* The first fault of the open transaction (a full disk, an I/O error): after it SQLite
   * may have rolled everything back by itself, and nothing of the transaction may go on. */
  GError     *fault;

  FuStoreAccess access;

  /* FU_STORE_OPEN_CHECK_LATER: the thread checking the file, and its verdict once it has
   * ended (CHECK_*), read with g_atomic_int_get(); FU_STORE_OPEN_READING: CHECK_BEFORE_WRITE
   * until a write asks for the check. */
  GThread    *check_thread;
  gint        check_state;
};

enum { CHECK_AT_OPEN, CHECK_RUNNING, CHECK_PASSED, CHECK_FAILED, CHECK_BEFORE_WRITE };

/* The backend's fields of a FuStore known to be one (no type check: hot paths). */
#define FU_SQLITE(store) ((FuSqliteStore *) (store))

/* "FUup": marks the file as ours in the SQLite header (PRAGMA application_id). */
#define FU_APPLICATION_ID 0x46557570

extern const FuStoreBackend fu_sqlite_backend;

/* Opens (creating the file and its folder on first use) and migrates to the latest schema,
 * or with fu_sqlite_store_open_at_version (tests only) to @version. */
FuStore      *fu_sqlite_store_open            (const char *path, FuStoreOpenFlags flags,
                                               GError **error);
FuStore      *fu_sqlite_open_reader           (FuStore *self, GError **error);
/* Waits for a check of FU_STORE_OPEN_CHECK_LATER to end, or runs the one FU_STORE_OPEN_READING
 * left for a write, and takes its verdict: a damaged file makes the store
 * FU_STORE_ACCESS_DAMAGED (TRUE then: the access changed). */
gboolean      fu_sqlite_settle_check          (FuStore *self);
FuStore      *fu_sqlite_store_open_at_version (const char *path, guint version, GError **error);

/* A cached statement borrowed from fu_sqlite_prepare(): resetting it when it goes out of
 * scope ends its read snapshot, so that no half-stepped SELECT keeps a transaction open. */
typedef sqlite3_stmt FuStmt;

static inline void
fu_stmt_release (FuStmt *stmt)
{
  sqlite3_reset (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuStmt, fu_stmt_release)

/* A cached prepared statement for @sql (reset and with its bindings cleared), or NULL with
 * an error. The store owns it: do not finalize. */
sqlite3_stmt *fu_sqlite_prepare       (FuStore *self, const char *sql, GError **error);
/* Sets @error from the connection's last error, prefixed by @what. Returns FALSE. */
gboolean      fu_sqlite_set_error     (FuStore *self, GError **error, const char *what);
sqlite3      *fu_sqlite_get_db        (FuStore *self);
/* Ends the level fu_store_begin() opened: with @ok FALSE (the work failed and set @error)
 * it rolls back; otherwise it commits, and rolls back when committing fails. So a write is
 *   if (!fu_store_begin (self, error))
 *     return FALSE;
 *   return fu_sqlite_finish (self, do_the_work (self, ..., error), error); */
gboolean      fu_sqlite_finish        (FuStore *self, gboolean ok, GError **error);

/* Binding and reading helpers: NULL/empty text and FU_DAY_NONE bind as SQL NULL. */
void          fu_sqlite_bind_text     (sqlite3_stmt *stmt, int index, const char *text);
void          fu_sqlite_bind_day      (sqlite3_stmt *stmt, int index, FuDay day);
char         *fu_sqlite_column_text   (sqlite3_stmt *stmt, int index);   /* NULL for NULL */
FuDay         fu_sqlite_column_day    (sqlite3_stmt *stmt, int index);   /* ISO text column */

/* ---- Shared by the backend's files ------------------------------------------------------ */

static inline gboolean
is_blank (const char *text)
{
  return fu_store_text_is_blank (text);
}

static inline void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* -1 (not given, unanswered) is stored as NULL. */
static inline void
bind_count (sqlite3_stmt *stmt,
            int           index,
            int           value)
{
  if (value >= 0)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static inline int
column_count (sqlite3_stmt *stmt,
              int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int (stmt, index);
}

static inline const char *
day_iso (FuDay day,
         char  buf[11])
{
  fu_day_format_iso (day, buf);
  return buf;
}

/* The step_ helpers below take @what untranslated (N_()) and translate it only when there is
 * an error to tell: an import steps them for every row. */

/* Runs a statement that returns no rows; FALSE with the mapped error. */
static inline gboolean
step_done (FuStore      *self,
           sqlite3_stmt *stmt,
           const char   *what,
           GError      **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  return fu_sqlite_set_error (self, error, _(what));
}

/* Steps a statement that returns at most one row: TRUE with *found set, or FALSE with an
 * error. */
static inline gboolean
step_row (FuStore      *self,
          sqlite3_stmt *stmt,
          gboolean     *found,
          const char   *what,
          GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *found = rc == SQLITE_ROW;
      return TRUE;
    }
  *found = FALSE;
  return fu_sqlite_set_error (self, error, _(what));
}

/* Steps a statement that selects at most one id: *id is it, or 0 when there is no row. */
static inline gboolean
step_id (FuStore      *self,
         sqlite3_stmt *stmt,
         gint64       *id,
         const char   *what,
         GError      **error)
{
  gboolean found;

  if (!step_row (self, stmt, &found, what, error))
    return FALSE;
  *id = found ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Prepares @sql, binds @id as ?1 and steps it once: the statement, on its row when *found,
 * or NULL with an error. */
static inline sqlite3_stmt *
select_one_by_id (FuStore    *self,
                  const char *sql,
                  gint64      id,
                  gboolean   *found,
                  const char *what,
                  GError    **error)
{
  sqlite3_stmt *stmt = fu_sqlite_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, found, what, error))
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  return stmt;
}

/* Makes a record from the statement's current row. */
typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* Every row of @stmt made into a record, or NULL with an error saying @what failed. */
static inline GPtrArray *
collect_rows (FuStore        *self,
              sqlite3_stmt   *stmt,
              RowFunc         from_row,
              GDestroyNotify  free_func,
              const char     *what,
              GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      fu_sqlite_set_error (self, error, what);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* FU_STORE_ERROR_NOT_FOUND for an id the caller gave; these return FALSE. */
static inline gboolean
workshop_not_found (gint64   workshop_id,
                    GError **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
               _("There is no workshop with id %lld"), (long long) workshop_id);
  return FALSE;
}

static inline gboolean
participant_not_found (gint64   participant_id,
                       GError **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
               _("There is no participant with id %lld"), (long long) participant_id);
  return FALSE;
}

static inline gboolean
followup_not_found (gint64   followup_id,
                    GError **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
               _("There is no follow-up with id %lld"), (long long) followup_id);
  return FALSE;
}

static inline int
extended_errcode (FuStore *self)
{
  return sqlite3_extended_errcode (FU_SQLITE (self)->db);
}


/* ---- The store's functions, one file per entity ------------------------------------------ */

/* Our innocuous json_object(), for triggers under trusted_schema off. */
void fu_sqlite_register_functions (sqlite3 *db);

gboolean fu_sqlite_backup_to (FuStore *self, const char *dest, GError **error);
gboolean fu_sqlite_describe_backup (const char *path, FuBackupInfo *info, GError **error);
/* Every row of @self made what it is in @backup, through the audit triggers. */
gboolean fu_sqlite_restore_rows (FuStore *self, FuStore *backup, GError **error);

gboolean fu_sqlite_set_no_contact (FuStore *self, gint64 participant_id, FuDay date,
                                   const char *reason, GError **error);
char *fu_sqlite_export_person (FuStore *self, gint64 participant_id, GError **error);
gboolean fu_sqlite_anonymize_participant (FuStore *self, gint64 participant_id,
                                          gboolean remove_answers, GError **error);
GArray *fu_sqlite_list_participants_before (FuStore *self, FuDay before, GError **error);

guint fu_sqlite_get_version (FuStore *self);
gboolean fu_sqlite_begin (FuStore *self, GError **error);
gboolean fu_sqlite_commit (FuStore *self, GError **error);
void fu_sqlite_rollback (FuStore *self);
const GError *fu_sqlite_get_fault (FuStore *self);
FuStoreAccess fu_sqlite_get_access (FuStore *self);
FuStoreAccess fu_sqlite_settle_access (FuStore *self);
gboolean fu_sqlite_is_empty (FuStore *self);
char *fu_sqlite_dump (FuStore *self, const char * const *tables, GError **error);
char *fu_sqlite_get_setting (FuStore *self, const char *key);
gboolean fu_sqlite_set_setting (FuStore *self, const char *key, const char *value,
                                GError **error);
GPtrArray *fu_sqlite_list_settings (FuStore *self, const char *prefix, GError **error);
void     fu_sqlite_set_flat (FuStore *self, gboolean flat);
void     fu_sqlite_set_bulk (FuStore *self, gboolean bulk);
/* Tests: from how many rows fu_store_match_people() reads the people once (default 256). */
void     fu_sqlite_set_match_in_memory_from (guint n_rows);
gboolean fu_sqlite_move_administration (FuStore *self, gint64 keep_id, gint64 remove_id,
                                        GError **error);
GPtrArray *fu_sqlite_list_administrations (FuStore *self, GError **error);
gboolean fu_sqlite_lookup_administration (FuStore *self, const char *name_or_short, gint64 *id,
                                          GError **error);
FuAdministration *fu_sqlite_get_administration (FuStore *self, gint64 id, GError **error);
gint64 fu_sqlite_add_administration (FuStore *self, const FuAdministration *admin, GError **error);
gboolean fu_sqlite_update_administration (FuStore *self, const FuAdministration *admin,
                                          GError **error);
gboolean fu_sqlite_delete_administration (FuStore *self, gint64 id, GError **error);
gboolean fu_sqlite_lookup_workshop (FuStore *self, const char *code, gint64 *id, GError **error);
FuWorkshop *fu_sqlite_get_workshop (FuStore *self, gint64 id, GError **error);
GPtrArray *fu_sqlite_list_workshops (FuStore *self, FuDay from, FuDay to, GError **error);
gint64 fu_sqlite_add_workshop (FuStore *self, const FuWorkshop *workshop, GError **error);
gboolean fu_sqlite_update_workshop (FuStore *self, const FuWorkshop *workshop, GError **error);
gboolean fu_sqlite_delete_workshop (FuStore *self, gint64 id, GError **error);
gboolean fu_sqlite_lookup_participant (FuStore *self, const char *email, const char *name,
                                       gint64 administration_id, gint64 *id, GError **error);
FuParticipant *fu_sqlite_get_participant (FuStore *self, gint64 id, GError **error);
gint64 fu_sqlite_add_participant (FuStore *self, const FuParticipant *participant, GError **error);
gboolean fu_sqlite_update_participant (FuStore *self, const FuParticipant *participant,
                                       GError **error);
gboolean fu_sqlite_delete_participant (FuStore *self, gint64 id, GError **error);
gboolean fu_sqlite_lookup_attendance (FuStore *self, gint64 workshop_id, gint64 participant_id,
                                      gint64 *id, GError **error);
gint64 fu_sqlite_add_attendance (FuStore *self, gint64 workshop_id, gint64 participant_id,
                                 GError **error);
gboolean fu_sqlite_match_people (FuStore *self, FuPersonMatch *rows, guint n_rows,
                                 GError **error);
gboolean fu_sqlite_add_participants (FuStore *self, GPtrArray *participants, GError **error);
gboolean fu_sqlite_add_attendances (FuStore *self, const gint64 *pairs, guint n_pairs,
                                    GError **error);
gboolean fu_sqlite_delete_attendance (FuStore *self, gint64 id, GError **error);
gboolean fu_sqlite_lookup_followup (FuStore *self, gint64 attendance_id, gint64 *followup_id,
                                    GError **error);
gboolean fu_sqlite_mark_sent (FuStore *self, gint64 workshop_id, FuDay date, guint *n_changed,
                              GError **error);
gboolean fu_sqlite_mark_reminded (FuStore *self, gint64 workshop_id, FuDay date, guint *n_changed,
                                  GError **error);
gboolean fu_sqlite_mark_followups_sent (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                        FuDay date, GError **error);
gboolean fu_sqlite_mark_followups_reminded (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                            FuDay date, GError **error);
gboolean fu_sqlite_close_followup (FuStore *self, gint64 followup_id, FuDay date,
                                   const char *reason,
                                   GError **error);
FuReply *fu_sqlite_get_reply (FuStore *self, gint64 followup_id, GError **error);
gboolean fu_sqlite_save_reply (FuStore *self, FuReply *reply, gboolean replace, GError **error);
gboolean fu_sqlite_delete_reply (FuStore *self, gint64 followup_id, GError **error);
GPtrArray *fu_sqlite_list_replies (FuStore *self, FuDay from, FuDay to, GError **error);
GPtrArray *fu_sqlite_summary (FuStore *self, FuDay from, FuDay to, FuSummaryRow **total,
                              GError **error);
GArray *fu_sqlite_reply_rate_trend (FuStore *self, guint first_year, guint last_year,
                                    GError **error);
GPtrArray *fu_sqlite_inhouse_administrations (FuStore *self, FuDay from, FuDay to, GError **error);
GPtrArray *fu_sqlite_list_participant_overview (FuStore *self, GError **error);
GPtrArray *fu_sqlite_list_participant_history (FuStore *self, gint64 participant_id, FuDay as_of,
                                               GError **error);
GPtrArray *fu_sqlite_list_workshop_attendees (FuStore *self, gint64 workshop_id, FuDay as_of,
                                              GError **error);
GPtrArray *fu_sqlite_list_attendees (FuStore *self, gint64 workshop_id, GError **error);
gboolean fu_sqlite_move_attendances (FuStore *self, gint64 keep_id, gint64 remove_id,
                                     GError **error);
GPtrArray *fu_sqlite_list_merge_overlaps (FuStore *self, gint64 keep_id, gint64 remove_id,
                                          GError **error);
gboolean fu_sqlite_close_followups (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                    FuDay date, const char *reason, GError **error);
gboolean fu_sqlite_reopen_followups (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                     GError **error);
FuFollowupRow *fu_sqlite_get_followup (FuStore *self, gint64 followup_id, FuDay as_of,
                                       GError **error);
GPtrArray *fu_sqlite_reply_rate_by_administration (FuStore *self, FuDay from, FuDay to,
                                                   GError **error);
gint64 fu_sqlite_audit_begin (FuStore *self, const char *kind, gint64 undoes, GError **error);
gboolean fu_sqlite_audit_end (FuStore *self, gint64 entry_id, const char *sentence,
                              const char *args,
                              guint *n_changes, GError **error);
gboolean fu_sqlite_audit_revert (FuStore *self, gint64 entry_id, GError **error);
gboolean fu_sqlite_audit_set_sentence (FuStore *self, gint64 entry_id, const char *sentence,
                                       const char *args, GError **error);
FuAuditEntry *fu_sqlite_get_audit_entry (FuStore *self, gint64 entry_id, GError **error);
GPtrArray *fu_sqlite_list_audit_entries (FuStore *self, const FuAuditQuery *query, GError **error);
GPtrArray *fu_sqlite_list_audit_changes (FuStore *self, gint64 entry_id, GError **error);
GArray *fu_sqlite_list_audit_rows (FuStore *self, gint64 first_entry, gint64 last_entry,
                                   GError **error);
gboolean fu_sqlite_changed_elsewhere (FuStore *self);
gint64 fu_sqlite_audit_last_undoable (FuStore *self, GError **error);
gint64 fu_sqlite_audit_last_id (FuStore *self, GError **error);

gboolean fu_sqlite_walk_followups (FuStore *self, const FuFollowupQuery *query, gboolean rows,
                                   FuFollowupWalk *walk, GError **error);

gboolean fu_sqlite_read_rows (FuStore *self, const FuStoreTable *table, FuStoreRowFunc func,
                              gpointer user_data, GError **error);
gboolean fu_sqlite_write_rows (FuStore *self, const FuStoreTable *table, GPtrArray *values,
                               GError **error);
gboolean fu_sqlite_snapshot (FuStore *self, gboolean start, GError **error);

gint64 fu_sqlite_row_version (FuStore *self, FuRecordKind record, gint64 row_id, GError **error);

G_END_DECLS
