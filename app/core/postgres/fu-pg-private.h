/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-pg-private.h: the PostgreSQL backend's own header, for the files of app/core/postgres/
 * and the tests of this backend only. */
#pragma once

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "fu-day.h"
#include "fu-error.h"

#include "fu-store-backend.h"
#include "fu-store.h"

G_BEGIN_DECLS

/* ---- libpq, loaded when it is first needed (fu-pg-libpq.c) --------------------------------
 * Someone on a database file never loads PostgreSQL's client library and what it brings
 * (Kerberos, LDAP, TLS): 14 ms of every start of the window and of followup-cli. The
 * backend's entry points call fu_pg_load_libpq() first; the functions below then reach
 * libpq through FuLibpq, under their own names. */
#define FU_LIBPQ_FUNCTIONS(F) \
  F (PQbackendPID) F (PQclear) F (PQcmdTuples) F (PQconnectdb) F (PQconnectdbParams) \
  F (PQconnectionNeedsPassword) F (PQconninfoFree) F (PQconninfoParse) F (PQconsumeInput) \
  F (PQerrorMessage) F (PQexec) F (PQexecPrepared) F (PQfinish) F (PQfreemem) \
  F (PQgetisnull) F (PQgetResult) F (PQgetvalue) F (PQnfields) F (PQnotifies) \
  F (PQntuples) F (PQprepare) F (PQputCopyData) F (PQputCopyEnd) F (PQresetPoll) \
  F (PQresetStart) F (PQresultErrorField) F (PQresultErrorMessage) F (PQresultStatus) \
  F (PQserverVersion) F (PQstatus) F (PQuser)

typedef struct {
#define FU_LIBPQ_MEMBER(name) __typeof__ (name) *name;
  FU_LIBPQ_FUNCTIONS (FU_LIBPQ_MEMBER)
#undef FU_LIBPQ_MEMBER
} FuLibpq;

extern FuLibpq fu_libpq;

/* Loads libpq once; FALSE with an error that says what to install when it cannot. */
gboolean fu_pg_load_libpq (GError **error);

#ifndef FU_PG_LIBPQ_LOADER
#define PQbackendPID (fu_libpq.PQbackendPID)
#define PQclear (fu_libpq.PQclear)
#define PQcmdTuples (fu_libpq.PQcmdTuples)
#define PQconnectdb (fu_libpq.PQconnectdb)
#define PQconnectdbParams (fu_libpq.PQconnectdbParams)
#define PQconnectionNeedsPassword (fu_libpq.PQconnectionNeedsPassword)
#define PQconninfoFree (fu_libpq.PQconninfoFree)
#define PQconninfoParse (fu_libpq.PQconninfoParse)
#define PQconsumeInput (fu_libpq.PQconsumeInput)
#define PQerrorMessage (fu_libpq.PQerrorMessage)
#define PQexec (fu_libpq.PQexec)
#define PQexecPrepared (fu_libpq.PQexecPrepared)
#define PQfinish (fu_libpq.PQfinish)
#define PQfreemem (fu_libpq.PQfreemem)
#define PQgetisnull (fu_libpq.PQgetisnull)
#define PQgetResult (fu_libpq.PQgetResult)
#define PQgetvalue (fu_libpq.PQgetvalue)
#define PQnfields (fu_libpq.PQnfields)
#define PQnotifies (fu_libpq.PQnotifies)
#define PQntuples (fu_libpq.PQntuples)
#define PQprepare (fu_libpq.PQprepare)
#define PQputCopyData (fu_libpq.PQputCopyData)
#define PQputCopyEnd (fu_libpq.PQputCopyEnd)
#define PQresetPoll (fu_libpq.PQresetPoll)
#define PQresetStart (fu_libpq.PQresetStart)
#define PQresultErrorField (fu_libpq.PQresultErrorField)
#define PQresultErrorMessage (fu_libpq.PQresultErrorMessage)
#define PQresultStatus (fu_libpq.PQresultStatus)
#define PQserverVersion (fu_libpq.PQserverVersion)
#define PQstatus (fu_libpq.PQstatus)
#define PQuser (fu_libpq.PQuser)
#endif

#define FU_TYPE_PG_STORE (fu_pg_store_get_type ())
G_DECLARE_FINAL_TYPE (FuPgStore, fu_pg_store, FU, PG_STORE, FuStore)

struct _FuPgStore
{
  FuStore        parent_instance;

  PGconn        *conn;
  char          *conninfo;    /* what was given: a URI or key=value pairs */
  char          *display;     /* the same without a password, for messages */
  guint          depth;       /* open transaction levels: 1 = BEGIN, more = savepoints */
  /* fu_store_set_flat(), as in the SQLite backend: levels deeper than flat_base take no
   * savepoint; flat_failed says one of them was rolled back. */
  guint          flat_base;
  gboolean       flat_failed;
  guint          version;
  GError        *fault;       /* the first failure of the open transaction */
  /* SQL text -> the name of its prepared statement on this connection: parsed and planned
   * once, as the SQLite backend caches its statements. */
  GHashTable    *prepared;
  /* The connection was lost: being reset (PQresetStart) until it is back. */
  gboolean       lost;
  gboolean       resetting;
  FuStoreAccess  access;
};

#define FU_PG(store) ((FuPgStore *) (store))

extern const FuStoreBackend fu_postgres_backend;

/* The channel every change is announced on (LISTEN/NOTIFY). */
#define FU_PG_CHANNEL "followup_changes"

/* Whether @location is for PostgreSQL: a postgresql:// or postgres:// URI, or libpq's
 * key=value pairs ("host=... dbname=..."). */
gboolean  fu_pg_handles (const char *location);
FuStore  *fu_pg_store_open (const char *location, FuStoreOpenFlags flags, GError **error);

/* ---- Statements ---------------------------------------------------------------------------
 * Every statement is sent with its values apart ($1, $2...), as text; NULL is SQL NULL. */

typedef struct {
  GPtrArray *values;   /* char *, owned; NULL items are SQL NULL */
} FuPgParams;

FuPgParams *fu_pg_params_new   (void);
void        fu_pg_params_free  (FuPgParams *params);
void        fu_pg_params_text  (FuPgParams *params, const char *text);   /* "": NULL */
void        fu_pg_params_raw   (FuPgParams *params, const char *text);   /* "" stays "" */
void        fu_pg_params_int   (FuPgParams *params, gint64 value);
void        fu_pg_params_id    (FuPgParams *params, gint64 id);          /* 0: NULL */
void        fu_pg_params_day   (FuPgParams *params, FuDay day);          /* NONE: NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuPgParams, fu_pg_params_free)

typedef PGresult FuPgResult;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuPgResult, PQclear)

/* Runs @sql with @params (may be NULL): its result, or NULL with an error that says @what
 * (untranslated, marked for translation only) failed and why, mapped to FU_STORE_ERROR codes. */
FuPgResult *fu_pg_query (FuStore *self, const char *sql, FuPgParams *params, const char *what,
                         GError **error);
/* Runs @sql written with SQLite's numbered values (?1, ?2...), @values holding them in that
 * order: each becomes $k in the order of first use, and a value the statement does not use
 * is not sent. */
FuPgResult *fu_pg_query_numbered (FuStore *self, const char *sql, FuPgParams *values,
                                  const char *what, GError **error);
/* Runs @sql (a SELECT without LIMIT) as fu_pg_query_numbered() does and gives @func each row
 * (@res's row @row) batch by batch: the @first first at once, by a statement planned for them,
 * then the others through a cursor, so that the first rows are there before the last are
 * read. @func returns FALSE to stop. */
typedef gboolean (*FuPgRowFunc) (const PGresult *res, int row, gpointer user_data);
gboolean    fu_pg_query_rows (FuStore *self, const char *sql, FuPgParams *values,
                              guint first, FuPgRowFunc func, gpointer user_data, const char *what,
                              GError **error);
/* A statement that selects at most one id: *id is it, or 0 when there is no row. */
gboolean    fu_pg_select_id (FuStore *self, const char *sql, FuPgParams *params,
                             const char *what, gint64 *id, GError **error);
/* Runs @sql with @params in a write level of its own; no row changed is
 * FU_STORE_ERROR_NOT_FOUND with @not_found (a translated message). */
gboolean    fu_pg_change_one (FuStore *self, const char *sql, FuPgParams *params,
                              const char *what, const char *not_found, GError **error);
/* Sends @values (@n_columns values a row, text or NULL) to @copy_sql, a COPY … FROM STDIN;
 * FALSE with an error that says @what (untranslated) failed and why. */
gboolean    fu_pg_copy_in (FuStore *self, const char *copy_sql, guint n_columns,
                           GPtrArray *values, const char *what, GError **error);
/* A statement without values or rows. */
gboolean    fu_pg_exec  (FuStore *self, const char *sql, GError **error);
/* Several statements without values (a migration's script). */
gboolean    fu_pg_exec_script (FuStore *self, const char *script, GError **error);

char       *fu_pg_text  (const PGresult *res, int row, int col);   /* NULL for NULL */
gint64      fu_pg_int64 (const PGresult *res, int row, int col);   /* 0 for NULL */
FuDay       fu_pg_day   (const PGresult *res, int row, int col);   /* NONE for NULL */

/* Transactions, as fu-sqlite-store.c's: fu_pg_finish() ends a write function's level. */
gboolean fu_pg_begin    (FuStore *self, GError **error);
gboolean fu_pg_commit   (FuStore *self, GError **error);
void     fu_pg_rollback (FuStore *self);
gboolean fu_pg_finish   (FuStore *self, gboolean ok, GError **error);

/* fu-pg-secret.c: the keyring's password for @location's host, port, database and user, or
 * NULL; and keeping one there (an empty @password forgets it). */
char     *fu_pg_secret_lookup (const char *location);
gboolean  fu_pg_secret_store  (const char *location, const char *password, GError **error);

/* fu-pg-schema.c */
gboolean fu_pg_migrate (FuStore *self, GError **error);

/* ---- The store's functions, one file per entity -------------------------------------------- */

/* fu-pg-settings.c */
char      *fu_pg_get_setting      (FuStore *self, const char *key);
gboolean   fu_pg_set_setting      (FuStore *self, const char *key, const char *value,
                                   GError **error);
GPtrArray *fu_pg_list_settings    (FuStore *self, const char *prefix, GError **error);

/* fu-pg-people.c */
GPtrArray        *fu_pg_list_administrations  (FuStore *self, GError **error);
gboolean          fu_pg_lookup_administration (FuStore *self, const char *name_or_short,
                                               gint64 *id, GError **error);
FuAdministration *fu_pg_get_administration    (FuStore *self, gint64 id, GError **error);
gboolean          fu_pg_lookup_participant    (FuStore *self, const char *email,
                                               const char *name, gint64 administration_id,
                                               gint64 *id, GError **error);
FuParticipant    *fu_pg_get_participant       (FuStore *self, gint64 id, GError **error);
gint64            fu_pg_add_participant       (FuStore *self, const FuParticipant *participant,
                                               GError **error);
gboolean          fu_pg_update_participant    (FuStore *self, const FuParticipant *participant,
                                               GError **error);
gboolean          fu_pg_lookup_attendance     (FuStore *self, gint64 workshop_id,
                                               gint64 participant_id, gint64 *id,
                                               GError **error);
gint64            fu_pg_add_attendance        (FuStore *self, gint64 workshop_id,
                                               gint64 participant_id, GError **error);
gboolean          fu_pg_match_people          (FuStore *self, FuPersonMatch *rows,
                                               guint n_rows, GError **error);
/* For the tests: from how many rows fu_pg_match_people() matches in memory. */
void              fu_pg_set_match_in_memory_from (guint n_rows);
gboolean          fu_pg_add_participants      (FuStore *self, GPtrArray *participants,
                                               GError **error);
gboolean          fu_pg_add_attendances       (FuStore *self, const gint64 *pairs,
                                               guint n_pairs, GError **error);
gboolean          fu_pg_lookup_followup       (FuStore *self, gint64 attendance_id,
                                               gint64 *followup_id, GError **error);
GPtrArray        *fu_pg_list_participant_overview (FuStore *self, GError **error);
GPtrArray        *fu_pg_list_attendees        (FuStore *self, gint64 workshop_id,
                                               GError **error);
GPtrArray        *fu_pg_list_participant_history (FuStore *self, gint64 participant_id,
                                                  FuDay as_of, GError **error);
GPtrArray        *fu_pg_list_workshop_attendees  (FuStore *self, gint64 workshop_id,
                                                  FuDay as_of, GError **error);
GArray           *fu_pg_list_participants_before (FuStore *self, FuDay before,
                                                  GError **error);
gint64            fu_pg_add_administration    (FuStore *self, const FuAdministration *admin,
                                               GError **error);
gboolean          fu_pg_update_administration (FuStore *self, const FuAdministration *admin,
                                               GError **error);
gboolean          fu_pg_delete_administration (FuStore *self, gint64 id, GError **error);
gboolean          fu_pg_move_administration   (FuStore *self, gint64 keep_id, gint64 remove_id,
                                               GError **error);
gboolean          fu_pg_move_attendances      (FuStore *self, gint64 keep_id, gint64 remove_id,
                                               GError **error);
GPtrArray        *fu_pg_list_merge_overlaps   (FuStore *self, gint64 keep_id, gint64 remove_id,
                                               GError **error);
gboolean          fu_pg_delete_participant    (FuStore *self, gint64 id, GError **error);
gboolean          fu_pg_delete_attendance     (FuStore *self, gint64 id, GError **error);
gboolean          fu_pg_set_no_contact        (FuStore *self, gint64 participant_id,
                                               FuDay date, const char *reason,
                                               GError **error);

/* fu-pg-audit.c */
gint64   fu_pg_audit_begin         (FuStore *self, const char *kind, gint64 undoes,
                                    GError **error);
gboolean fu_pg_audit_end           (FuStore *self, gint64 entry_id, const char *sentence,
                                    const char *args, guint *n_changes, GError **error);
gboolean fu_pg_audit_set_sentence  (FuStore *self, gint64 entry_id, const char *sentence,
                                    const char *args, GError **error);
gint64   fu_pg_audit_last_undoable (FuStore *self, GError **error);
gint64   fu_pg_audit_last_id       (FuStore *self, GError **error);
GArray  *fu_pg_list_audit_rows     (FuStore *self, gint64 first_entry, gint64 last_entry,
                                    GError **error);
FuAuditEntry *fu_pg_get_audit_entry (FuStore *self, gint64 entry_id, GError **error);
GPtrArray *fu_pg_list_audit_entries (FuStore *self, const FuAuditQuery *query, GError **error);
GPtrArray *fu_pg_list_audit_changes (FuStore *self, gint64 entry_id, GError **error);
gint64    fu_pg_row_version        (FuStore *self, FuRecordKind record, gint64 row_id,
                                    GError **error);
gboolean  fu_pg_audit_revert       (FuStore *self, gint64 entry_id, GError **error);
gboolean  fu_pg_anonymize_participant (FuStore *self, gint64 participant_id,
                                       gboolean remove_answers, GError **error);
char     *fu_pg_export_person      (FuStore *self, gint64 participant_id, GError **error);

/* fu-pg-copy.c */
gboolean fu_pg_read_rows  (FuStore *self, const FuStoreTable *table, FuStoreRowFunc func,
                           gpointer user_data, GError **error);
gboolean fu_pg_write_rows (FuStore *self, const FuStoreTable *table, GPtrArray *values,
                           GError **error);
gboolean fu_pg_snapshot   (FuStore *self, gboolean start, GError **error);
gboolean fu_pg_backup_to  (FuStore *self, const char *dest, GError **error);
gboolean fu_pg_restore_from (FuStore *self, FuStore *backup, GError **error);
char    *fu_pg_dump       (FuStore *self, const char * const *tables, GError **error);

/* fu-pg-followups.c */
gboolean   fu_pg_walk_followups       (FuStore *self, const FuFollowupQuery *query,
                                       gboolean rows, FuFollowupWalk *walk, GError **error);
gboolean   fu_pg_mark_sent            (FuStore *self, gint64 workshop_id, FuDay date,
                                       guint *n_changed, GError **error);
gboolean   fu_pg_mark_reminded        (FuStore *self, gint64 workshop_id, FuDay date,
                                       guint *n_changed, GError **error);
gboolean   fu_pg_mark_followups_sent  (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                       FuDay date, GError **error);
gboolean   fu_pg_mark_followups_reminded (FuStore *self, const gint64 *followup_ids,
                                          guint n_ids, FuDay date, GError **error);
gboolean   fu_pg_close_followup       (FuStore *self, gint64 followup_id, FuDay date,
                                       const char *reason, GError **error);
gboolean   fu_pg_close_followups      (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                       FuDay date, const char *reason, GError **error);
gboolean   fu_pg_reopen_followups     (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                       GError **error);
FuFollowupRow *fu_pg_get_followup     (FuStore *self, gint64 followup_id, FuDay as_of,
                                       GError **error);

/* fu-pg-replies.c */
gboolean   fu_pg_save_reply   (FuStore *self, FuReply *reply, gboolean replace, GError **error);
FuReply   *fu_pg_get_reply    (FuStore *self, gint64 followup_id, GError **error);
gboolean   fu_pg_delete_reply (FuStore *self, gint64 followup_id, GError **error);
GPtrArray *fu_pg_list_replies (FuStore *self, FuDay from, FuDay to, GError **error);

/* fu-pg-summary.c */
GPtrArray *fu_pg_summary                      (FuStore *self, FuDay from, FuDay to,
                                               FuSummaryRow **total, GError **error);
GArray    *fu_pg_reply_rate_trend             (FuStore *self, guint first_year,
                                               guint last_year, GError **error);
GPtrArray *fu_pg_inhouse_administrations      (FuStore *self, FuDay from, FuDay to,
                                               GError **error);
GPtrArray *fu_pg_reply_rate_by_administration (FuStore *self, FuDay from, FuDay to,
                                               GError **error);

/* fu-pg-workshops.c */
gboolean    fu_pg_lookup_workshop (FuStore *self, const char *code, gint64 *id, GError **error);
FuWorkshop *fu_pg_get_workshop    (FuStore *self, gint64 id, GError **error);
GPtrArray  *fu_pg_list_workshops  (FuStore *self, FuDay from, FuDay to, GError **error);
gint64      fu_pg_add_workshop    (FuStore *self, const FuWorkshop *workshop, GError **error);
gboolean    fu_pg_update_workshop (FuStore *self, const FuWorkshop *workshop, GError **error);
gboolean    fu_pg_delete_workshop (FuStore *self, gint64 id, GError **error);

G_END_DECLS
