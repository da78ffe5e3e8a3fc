/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store.h: the interface to the follow-up database. FuStore is abstract: fu_store_open()
 * picks a backend from the location (a file path opens the embedded SQLite database), and
 * callers never learn which one they hold. They speak in records (fu-records.h) and FuDays;
 * nothing outside a backend's folder (app/core/sqlite/) runs SQL. Every change should go
 * through the command layer (fu-command.h), which records it in the audit log. */
#pragma once

#include <glib-object.h>

#include "fu-records.h"
#include "fu-rules.h"
#include "fu-types.h"

G_BEGIN_DECLS

/* What may be done with an open database. */
typedef enum {
  FU_STORE_ACCESS_READ_WRITE,
  FU_STORE_ACCESS_READ_ONLY,   /* a read-only file or folder: it can be read, not changed */
  FU_STORE_ACCESS_DAMAGED,     /* the file failed its check: read-only too, restore a backup */
} FuStoreAccess;

/* How fu_store_open_full() opens. */
typedef enum {
  FU_STORE_OPEN_NONE = 0,
  /* The window's start: when the file needs nothing written to it to open (no migration),
   * the check for damage runs in a thread of its own and the open returns at once. A write
   * before the check has ended waits for it. If the file is damaged, the store becomes
   * FU_STORE_ACCESS_DAMAGED and emits "access-changed" in the main context of the open. */
  FU_STORE_OPEN_CHECK_LATER = 1 << 0,
  /* A command that only reads (an export, a report): when the file needs nothing written to
   * it to open, it is not checked for damage as a whole, so that opening costs the same at
   * any size. SQLite still finds damage in every page it reads. A write after all runs the
   * check first, and a damaged file refuses it. */
  FU_STORE_OPEN_READING = 1 << 1,
} FuStoreOpenFlags;

/* What a backup file holds. */
typedef struct {
  guint  version;
  gint64 n_workshops;
  gint64 n_participants;
  gint64 n_replies;
} FuBackupInfo;

/* A row of a participants list, for fu_store_match_people(): who the database already has
 * for it. The match is the one fu_store_lookup_participant() makes, by e-mail and by name. */
typedef struct {
  gint64      workshop_id;
  const char *name;
  gint64      administration_id;
  const char *email;           /* NULL or blank: none, and no match by e-mail is made */
  gint64      email_id;        /* out: the participant with @email, or 0 */
  gboolean    email_attends;   /* out: @email_id attends @workshop_id */
  gint64      name_id;         /* out: the first participant with @name at the administration,
                                * or 0; looked up only when @email_id is 0 */
  gboolean    name_has_email;  /* out: @name_id has an e-mail */
  gboolean    name_attends;    /* out: @name_id attends @workshop_id */
} FuPersonMatch;

/* ---- The store ------------------------------------------------------------------------- */

#define FU_TYPE_STORE (fu_store_get_type ())
G_DECLARE_DERIVABLE_TYPE (FuStore, fu_store, FU, STORE, GObject)

/* What a backend implements: one function for each fu_store_*() below that is not about
 * opening; they are called with the arguments checked. */
/* A page of fu_store_list_followups_paged(): @page (FuFollowupRow) is the callee's to keep
 * or free; FALSE stops the listing (it then returns TRUE). */
typedef gboolean (*FuFollowupPageFunc) (GPtrArray *page, gpointer user_data);
/* What a backend's walk_followups feeds (fu-store-backend.h). */
typedef struct _FuFollowupWalk FuFollowupWalk;
/* A table and its columns, for copies (fu-store-backend.h). */
typedef struct {
  const char         *name;
  const char * const *columns;   /* NULL-terminated */
} FuStoreTable;
/* A row of a table's columns as text (NULL for NULL); FALSE stops the reading. */
typedef gboolean (*FuStoreRowFunc) (const char * const *values, guint n_values,
                                    gpointer user_data);

struct _FuStoreClass
{
  GObjectClass parent_class;

  guint (*get_version) (FuStore *self);
  FuStore *(*open_reader) (FuStore *self, GError **error);
  gboolean (*begin) (FuStore *self, GError **error);
  gboolean (*commit) (FuStore *self, GError **error);
  void (*rollback) (FuStore *self);
  void (*set_flat) (FuStore *self, gboolean flat);
  void (*set_bulk) (FuStore *self, gboolean bulk);
  const GError *(*get_fault) (FuStore *self);
  FuStoreAccess (*get_access) (FuStore *self);
  FuStoreAccess (*settle_access) (FuStore *self);
  gboolean (*backup_to) (FuStore *self, const char *dest, GError **error);
  gboolean (*restore_from) (FuStore *self, FuStore *backup, GError **error);
  gboolean (*set_no_contact) (FuStore *self, gint64 participant_id, FuDay date,
                              const char *reason, GError **error);
  char *(*export_person) (FuStore *self, gint64 participant_id, GError **error);
  gboolean (*anonymize_participant) (FuStore *self, gint64 participant_id,
                                     gboolean remove_answers, GError **error);
  GArray *(*list_participants_before) (FuStore *self, FuDay before, GError **error);
  gboolean (*is_empty) (FuStore *self);
  char *(*dump) (FuStore *self, const char * const *tables, GError **error);
  /* One value of the team's settings (the rules, the office's name): NULL when not set. */
  char *(*get_setting) (FuStore *self, const char *key);
  /* NULL @value takes the setting out. */
  gboolean (*set_setting) (FuStore *self, const char *key, const char *value, GError **error);
  /* The settings whose keys start with @prefix: key, value, key, value... in key order. */
  GPtrArray *(*list_settings) (FuStore *self, const char *prefix, GError **error);
  /* An administration's participants and hosted workshops to another (for a merge). */
  gboolean (*move_administration) (FuStore *self, gint64 keep_id, gint64 remove_id,
                                   GError **error);
  GPtrArray *(*list_administrations) (FuStore *self, GError **error);
  /* By its own name or short name: other names (aliases) are looked up above. */
  gboolean (*lookup_administration) (FuStore *self, const char *name_or_short, gint64 *id,
                                     GError **error);
  FuAdministration *(*get_administration) (FuStore *self, gint64 id, GError **error);
  gint64 (*add_administration) (FuStore *self, const FuAdministration *admin, GError **error);
  gboolean (*update_administration) (FuStore *self, const FuAdministration *admin, GError **error);
  gboolean (*delete_administration) (FuStore *self, gint64 id, GError **error);
  gboolean (*lookup_workshop) (FuStore *self, const char *code, gint64 *id, GError **error);
  FuWorkshop *(*get_workshop) (FuStore *self, gint64 id, GError **error);
  GPtrArray *(*list_workshops) (FuStore *self, FuDay from, FuDay to, GError **error);
  gint64 (*add_workshop) (FuStore *self, const FuWorkshop *workshop, GError **error);
  gboolean (*update_workshop) (FuStore *self, const FuWorkshop *workshop, GError **error);
  gboolean (*delete_workshop) (FuStore *self, gint64 id, GError **error);
  gboolean (*lookup_participant) (FuStore *self, const char *email, const char *name,
                                  gint64 administration_id, gint64 *id, GError **error);
  FuParticipant *(*get_participant) (FuStore *self, gint64 id, GError **error);
  gint64 (*add_participant) (FuStore *self, const FuParticipant *participant, GError **error);
  gboolean (*update_participant) (FuStore *self, const FuParticipant *participant, GError **error);
  gboolean (*delete_participant) (FuStore *self, gint64 id, GError **error);
  gboolean (*lookup_attendance) (FuStore *self, gint64 workshop_id, gint64 participant_id,
                                 gint64 *id, GError **error);
  gint64 (*add_attendance) (FuStore *self, gint64 workshop_id, gint64 participant_id,
                            GError **error);
  gboolean (*delete_attendance) (FuStore *self, gint64 id, GError **error);
  gboolean (*match_people) (FuStore *self, FuPersonMatch *rows, guint n_rows, GError **error);
  gboolean (*add_participants) (FuStore *self, GPtrArray *participants, GError **error);
  gboolean (*add_attendances) (FuStore *self, const gint64 *pairs, guint n_pairs,
                               GError **error);
  gboolean (*lookup_followup) (FuStore *self, gint64 attendance_id, gint64 *followup_id,
                               GError **error);
  /* Gives each row of fu_followup_sql (@query, @rows) to @walk (fu-store-backend.h), until it
   * says to stop; the lists and counts are made above. */
  gboolean (*walk_followups) (FuStore *self, const FuFollowupQuery *query, gboolean rows,
                              FuFollowupWalk *walk, GError **error);
  /* Every row of @table, ordered by its id, as text. */
  gboolean (*read_rows) (FuStore *self, const FuStoreTable *table, FuStoreRowFunc func,
                         gpointer user_data, GError **error);
  /* Makes @table hold exactly @values (the columns of each row in turn, text or NULL), with
   * their ids, inside the open transaction. */
  gboolean (*write_rows) (FuStore *self, const FuStoreTable *table, GPtrArray *values,
                          GError **error);
  gint64 (*row_version) (FuStore *self, FuRecordKind record, gint64 row_id, GError **error);
  /* A database on a server: whether its connection is up (NULL: always). */
  gboolean (*is_connected) (FuStore *self);
  /* Who the history names when no staff name is set: NULL for the computer's user. */
  char *(*default_author) (FuStore *self);
  /* Which database this is, for people: no password in it. */
  char *(*describe) (FuStore *self);
  /* Starts (or ends) reading from one consistent moment of the database. */
  gboolean (*snapshot) (FuStore *self, gboolean start, GError **error);
  gboolean (*mark_sent) (FuStore *self, gint64 workshop_id, FuDay date, guint *n_changed,
                         GError **error);
  gboolean (*mark_reminded) (FuStore *self, gint64 workshop_id, FuDay date, guint *n_changed,
                             GError **error);
  gboolean (*mark_followups_sent) (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                   FuDay date, GError **error);
  gboolean (*mark_followups_reminded) (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                       FuDay date, GError **error);
  gboolean (*close_followup) (FuStore *self, gint64 followup_id, FuDay date, const char *reason,
                              GError **error);
  FuReply *(*get_reply) (FuStore *self, gint64 followup_id, GError **error);
  gboolean (*save_reply) (FuStore *self, FuReply *reply, gboolean replace, GError **error);
  gboolean (*delete_reply) (FuStore *self, gint64 followup_id, GError **error);
  GPtrArray *(*list_replies) (FuStore *self, FuDay from, FuDay to, GError **error);
  GPtrArray *(*summary) (FuStore *self, FuDay from, FuDay to, FuSummaryRow **total, GError **error);
  GArray *(*reply_rate_trend) (FuStore *self, guint first_year, guint last_year,
                               GError **error);
  GPtrArray *(*inhouse_administrations) (FuStore *self, FuDay from, FuDay to, GError **error);
  GPtrArray *(*list_participant_overview) (FuStore *self, GError **error);
  GPtrArray *(*list_participant_history) (FuStore *self, gint64 participant_id, FuDay as_of,
                                          GError **error);
  GPtrArray *(*list_workshop_attendees) (FuStore *self, gint64 workshop_id, FuDay as_of,
                                         GError **error);
  GPtrArray *(*list_attendees) (FuStore *self, gint64 workshop_id, GError **error);
  /* For a merge of two people: the workshops both attended (FuMergeOverlap), and moving the
   * one's attendances to the other. */
  GPtrArray *(*list_merge_overlaps) (FuStore *self, gint64 keep_id, gint64 remove_id,
                                     GError **error);
  gboolean (*move_attendances) (FuStore *self, gint64 keep_id, gint64 remove_id, GError **error);
  gboolean (*close_followups) (FuStore *self, const gint64 *followup_ids, guint n_ids, FuDay date,
                               const char *reason, GError **error);
  gboolean (*reopen_followups) (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                GError **error);
  FuFollowupRow *(*get_followup) (FuStore *self, gint64 followup_id, FuDay as_of, GError **error);
  GPtrArray *(*reply_rate_by_administration) (FuStore *self, FuDay from, FuDay to, GError **error);
  gint64 (*audit_begin) (FuStore *self, const char *kind, gint64 undoes, GError **error);
  gboolean (*audit_end) (FuStore *self, gint64 entry_id, const char *sentence, const char *args,
                         guint *n_changes, GError **error);
  gboolean (*audit_revert) (FuStore *self, gint64 entry_id, GError **error);
  gboolean (*audit_set_sentence) (FuStore *self, gint64 entry_id, const char *sentence,
                                  const char *args, GError **error);
  FuAuditEntry *(*get_audit_entry) (FuStore *self, gint64 entry_id, GError **error);
  GPtrArray *(*list_audit_entries) (FuStore *self, const FuAuditQuery *query, GError **error);
  GPtrArray *(*list_audit_changes) (FuStore *self, gint64 entry_id, GError **error);
  GArray *(*list_audit_rows) (FuStore *self, gint64 first_entry, gint64 last_entry, GError **error);
  gboolean (*changed_elsewhere) (FuStore *self);
  gint64 (*audit_last_undoable) (FuStore *self, GError **error);
  gint64 (*audit_last_id) (FuStore *self, GError **error);
};


/* $FOLLOWUP_DATABASE if set, else $XDG_DATA_HOME/followup/followup.db. */
char       *fu_store_default_path          (void);
/* Opens (creating the file and its folder, and the 33 member administrations, on first use)
 * and migrates the schema, copying the file to PATH.bak-vN before a migration touches an
 * existing database. ":memory:" opens a private in-memory database. A file that is not a
 * database, or is from a newer version: an error, and the file is left as it was. */
FuStore    *fu_store_open                  (const char *path, GError **error);
FuStore    *fu_store_open_full             (const char *path, FuStoreOpenFlags flags,
                                            GError **error);
/* Another connection to the same database, to read from another thread (a page loading
 * while the window is drawn): it never writes, and sees each commit once done. An error
 * where the backend has none to give (a private in-memory database). */
FuStore    *fu_store_open_reader           (FuStore *self, GError **error);
const char *fu_store_get_path              (FuStore *self);
/* For fu_store_copy(): the table about to be copied. */
typedef void (*FuStoreCopyFunc) (const char *table, gpointer user_data);
/* Copies every table of @from, the history included, into @to, which must be new (no
 * workshop, participant or history): with the same ids, from one consistent moment of
 * @from, in one transaction of @to. Any two backends. */
gboolean    fu_store_copy                  (FuStore *from, FuStore *to,
                                            FuStoreCopyFunc progress, gpointer user_data,
                                            GError **error);
/* The version of a record: the newest history entry that added, changed or deleted it (0 when
 * none did), or -1 with an error. Inside a transaction the record stays as it is for it, so
 * that an edit checked against it cannot cross a colleague's. */
gint64      fu_store_row_version           (FuStore *self, FuRecordKind record, gint64 row_id,
                                            GError **error);
/* Whether a database on a server can be reached now: FALSE from when its connection is
 * lost until the store has reconnected by itself (it tries whenever it is asked about others'
 * changes, fu_store_changed_elsewhere). Meanwhile writes are refused, saying so. A file is
 * always connected. "connection-changed" says when this changes. */
gboolean    fu_store_is_connected          (FuStore *self);
/* Which database is open, for the window's title: a file's name, or a team database as
 * "user@host/database" (never a password). */
char       *fu_store_describe              (FuStore *self);
/* Which backend holds the store: "sqlite" (a file, or ":memory:") or "postgres" (a team
 * database on a server). */
const char *fu_store_get_backend_name      (FuStore *self);
/* Keeps @password for the team database at @location in the keyring, where opening it finds
 * it when the server asks for one; NULL or "" forgets it. Never in a file. */
gboolean    fu_store_remember_password     (const char *location, const char *password,
                                            GError **error);
/* The same for a location not yet opened: a path is "sqlite", a postgresql:// URI or libpq's
 * key=value pairs "postgres". */
const char *fu_store_backend_for_location  (const char *location);
/* The schema version this build writes (PRAGMA user_version). */
guint       fu_store_get_latest_version    (void);
guint       fu_store_get_version           (FuStore *self);

/* Transactions nest (savepoints inside). Every write function below makes its own
 * transaction when none is open; an import wraps its whole file in one. A failed write
 * leaves the caller's transaction as it was before the call. When commit fails, the level
 * stays open: call fu_store_rollback(). */
gboolean    fu_store_begin                 (FuStore *self, GError **error);
/* For a bulk write that is all or nothing (an import): with @flat, the next level begun is
 * the only one that saves anything; the writes inside it take no savepoint of their own,
 * and when one of them rolls back, that outer level cannot commit (it fails, and rolls
 * back). Without, levels nest again. */
void        fu_store_set_flat              (FuStore *self, gboolean flat);
/* Around a bulk write (an import) made outside any transaction, before anything else of the
 * program opens the database: with @bulk, a file no other connection has open is written in
 * place with a rollback journal, as sqlite3's own .import writes, rather than through the
 * write-ahead log and then copied into the file; without, the log comes back. A file that
 * another connection has open keeps its log: nothing changes then. */
void        fu_store_set_bulk              (FuStore *self, gboolean bulk);
gboolean    fu_store_commit                (FuStore *self, GError **error);
void        fu_store_rollback              (FuStore *self);
/* The fault that ended the open transaction (a full disk, an I/O error, a damaged file), or
 * NULL: after one, every write of the transaction fails with it, commit too, and the
 * caller rolls back. */
const GError *fu_store_get_fault           (FuStore *self);
/* Whether the database can be changed; every write of a read-only or damaged one fails with
 * FU_STORE_ERROR_READ_ONLY or FU_STORE_ERROR_DAMAGED, naming the file. */
FuStoreAccess fu_store_get_access          (FuStore *self);
/* The same, once the check for damage that an open with FU_STORE_OPEN_CHECK_LATER left
 * running has ended (waiting for it): before a change is backed up. */
FuStoreAccess fu_store_settle_access       (FuStore *self);

/* A copy of the whole database written to @dest, outside any transaction: whole and checked
 * or not at all (nothing is left at @dest on failure), 0600. */
gboolean    fu_store_backup_to             (FuStore *self, const char *dest, GError **error);
/* What the backup @path holds, without changing it. */
gboolean    fu_store_describe_backup       (FuStore *self, const char *path, FuBackupInfo *info,
                                            GError **error);
/* Inside a transaction under the audit: makes every row what it is in @backup (a file opened
 * with fu_backups_open_copy(), whatever the backend of @self), through the triggers, so the
 * restore is in the history and can be undone. */
gboolean    fu_store_restore_from          (FuStore *self, FuStore *backup, GError **error);

/* ---- Personal data ----------------------------------------------------------------------- */

/* Marks the person "do not contact" from @date with @reason (FU_DAY_NONE clears the mark):
 * their open follow-ups without a reply close as "do not contact", and so does any they get
 * later; clearing reopens them. */
gboolean    fu_store_set_no_contact        (FuStore *self, gint64 participant_id, FuDay date,
                                            const char *reason, GError **error);
/* Everything stored about the person as a JSON document: record, attendances, follow-ups,
 * reminders, replies and history entries. */
char       *fu_store_export_person         (FuStore *self, gint64 participant_id, GError **error);
/* Inside a transaction: the name becomes "Anonymized participant N"; e-mail, position and
 * gender go; the free-text answers too when @remove_answers. The history keeps the changes
 * but loses the erased values, in this entry and the person's earlier ones. */
gboolean    fu_store_anonymize_participant (FuStore *self, gint64 participant_id,
                                            gboolean remove_answers, GError **error);
/* The ids (gint64) of people not anonymized yet whose last workshop ended before @before. */
GArray     *fu_store_list_participants_before (FuStore *self, FuDay before, GError **error);

/* True when nothing but the built-in administrations and settings is stored. */
gboolean    fu_store_is_empty              (FuStore *self);

/* Every row of @tables (NULL-terminated; NULL: every table of the data, without the audit
 * log) as text, a "[table]" line then one line per row in id order, values joined by "|"
 * and NULL as "<null>": two dumps are equal when the data is. For tests and checks. */
char       *fu_store_dump                  (FuStore *self, const char * const *tables,
                                            GError **error);

/* Settings the whole team shares. */
void        fu_store_get_rules             (FuStore *self, FuRules *rules);
gboolean    fu_store_set_rules             (FuStore *self, const FuRules *rules, GError **error);
char       *fu_store_get_office_name       (FuStore *self);
gboolean    fu_store_set_office_name       (FuStore *self, const char *name, GError **error);
/* The years before the database, oldest first (FuEarlierYear), and entering one (a year the
 * database has workshops for keeps its own figures in the trend). A year with neither
 * participants nor a rate is taken out. */
GArray     *fu_store_list_earlier_years    (FuStore *self, GError **error);
gboolean    fu_store_set_earlier_year      (FuStore *self, const FuEarlierYear *year,
                                            GError **error);

/* Administrations. Lookups return TRUE with *id = 0 when nothing matches; FALSE only with an
 * error. Names and short names match without regard to case. */
GPtrArray  *fu_store_list_administrations  (FuStore *self, GError **error);
gboolean    fu_store_lookup_administration (FuStore *self, const char *name_or_short,
                                            gint64 *id, GError **error);
FuAdministration *fu_store_get_administration (FuStore *self, gint64 id, GError **error);
gint64      fu_store_add_administration    (FuStore *self, const FuAdministration *admin,
                                            GError **error);
gboolean    fu_store_update_administration (FuStore *self, const FuAdministration *admin,
                                            GError **error);
/* The aliases (FuAlias), by alias. An alias is one per spelling, without regard to case; it
 * cannot be an administration's own name. @administration_id 0 forgets @alias. */
GPtrArray  *fu_store_list_aliases          (FuStore *self, GError **error);
gboolean    fu_store_set_alias             (FuStore *self, const char *alias,
                                            gint64 administration_id, GError **error);
/* Moves the participants, hosted workshops and aliases of @remove_id to @keep_id, keeps
 * @remove_id's name and short name as aliases of @keep_id, and deletes @remove_id. */
gboolean    fu_store_merge_administrations (FuStore *self, gint64 keep_id, gint64 remove_id,
                                            GError **error);
/* Refused (FU_STORE_ERROR_EXISTS) while participants or workshops refer to it. */
gboolean    fu_store_delete_administration (FuStore *self, gint64 id, GError **error);

/* Workshops. add returns the new id (0 with an error); a taken code is
 * FU_STORE_ERROR_EXISTS; end before start is FU_STORE_ERROR_INVALID. Listing is by start
 * date then code; @from and @to bound the start date (FU_DAY_NONE = open). */
gboolean    fu_store_lookup_workshop       (FuStore *self, const char *code, gint64 *id,
                                            GError **error);
FuWorkshop *fu_store_get_workshop          (FuStore *self, gint64 id, GError **error);
GPtrArray  *fu_store_list_workshops        (FuStore *self, FuDay from, FuDay to,
                                            GError **error);
gint64      fu_store_add_workshop          (FuStore *self, const FuWorkshop *workshop,
                                            GError **error);
gboolean    fu_store_update_workshop       (FuStore *self, const FuWorkshop *workshop,
                                            GError **error);
/* Deletes the workshop with its attendances, follow-ups, reminders and replies. */
gboolean    fu_store_delete_workshop       (FuStore *self, gint64 id, GError **error);

/* Participants: by e-mail when @email is non-empty (without regard to case), else by name
 * (without regard to case) and administration. */
gboolean    fu_store_lookup_participant    (FuStore *self, const char *email, const char *name,
                                            gint64 administration_id, gint64 *id,
                                            GError **error);
FuParticipant *fu_store_get_participant    (FuStore *self, gint64 id, GError **error);
gint64      fu_store_add_participant       (FuStore *self, const FuParticipant *participant,
                                            GError **error);
gboolean    fu_store_update_participant    (FuStore *self, const FuParticipant *participant,
                                            GError **error);
/* Deletes the participant with their attendances, follow-ups, reminders and replies. */
gboolean    fu_store_delete_participant    (FuStore *self, gint64 id, GError **error);

/* Attendances. Adding one to a surveyed workshop creates its follow-up. */
gboolean    fu_store_lookup_attendance     (FuStore *self, gint64 workshop_id,
                                            gint64 participant_id, gint64 *id, GError **error);
gint64      fu_store_add_attendance        (FuStore *self, gint64 workshop_id,
                                            gint64 participant_id, GError **error);
/* Removes a participant from a workshop, with the follow-up, reminders and reply. */
gboolean    fu_store_delete_attendance     (FuStore *self, gint64 id, GError **error);

/* A list's people at once (an import): what fu_store_lookup_participant() and
 * fu_store_lookup_attendance() would say of each row, read in one go. */
gboolean    fu_store_match_people          (FuStore *self, FuPersonMatch *rows, guint n_rows,
                                            GError **error);
/* Adds @participants (FuParticipant*, checked already, ids 0) in one go and sets their ids. */
gboolean    fu_store_add_participants      (FuStore *self, GPtrArray *participants,
                                            GError **error);
/* Adds the attendances @pairs (workshop id, participant id, in turn; none there already) in
 * one go, with the follow-ups fu_store_add_attendance() makes. */
gboolean    fu_store_add_attendances       (FuStore *self, const gint64 *pairs, guint n_pairs,
                                            GError **error);

/* Follow-ups. */
gboolean    fu_store_lookup_followup       (FuStore *self, gint64 attendance_id,
                                            gint64 *followup_id, GError **error);
GPtrArray  *fu_store_list_followups        (FuStore *self, const FuFollowupQuery *query,
                                            GError **error);
/* The same rows in the same order, given to @func in pages as they are read: the first of
 * @first_size rows (a screenful, soon), the others of @page_size, the last one shorter
 * (empty when the rows filled the one before). */
gboolean    fu_store_list_followups_paged  (FuStore *self, const FuFollowupQuery *query,
                                            guint first_size, guint page_size,
                                            FuFollowupPageFunc func, gpointer user_data,
                                            GError **error);
/* Counts per status (an array of FU_N_STATUSES) for the same query, without building rows. */
gboolean    fu_store_count_followups       (FuStore *self, const FuFollowupQuery *query,
                                            guint counts[FU_N_STATUSES], GError **error);
/* Questionnaires sent on @date for the workshop's follow-ups not yet sent, replied or
 * closed; their deadline is set from the rules (or the workshop's override). */
gboolean    fu_store_mark_sent             (FuStore *self, gint64 workshop_id, FuDay date,
                                            guint *n_changed, GError **error);
/* A reminder sent on @date to the workshop's follow-ups sent, not replied and not closed
 * as of @date. */
gboolean    fu_store_mark_reminded         (FuStore *self, gint64 workshop_id, FuDay date,
                                            guint *n_changed, GError **error);
/* The same for chosen follow-ups (the board's multi-selection). */
gboolean    fu_store_mark_followups_sent   (FuStore *self, const gint64 *followup_ids,
                                            guint n_ids, FuDay date, GError **error);
gboolean    fu_store_mark_followups_reminded (FuStore *self, const gint64 *followup_ids,
                                            guint n_ids, FuDay date, GError **error);
gboolean    fu_store_close_followup        (FuStore *self, gint64 followup_id, FuDay date,
                                            const char *reason, GError **error);

/* Replies. get returns NULL without an error when there is none. save inserts, or replaces
 * when @replace; a second reply without @replace is FU_STORE_ERROR_EXISTS. */
FuReply    *fu_store_get_reply             (FuStore *self, gint64 followup_id, GError **error);
gboolean    fu_store_save_reply            (FuStore *self, FuReply *reply, gboolean replace,
                                            GError **error);
gboolean    fu_store_delete_reply          (FuStore *self, gint64 followup_id, GError **error);
/* Replies to workshops starting in [@from, @to] (FU_DAY_NONE = open), by workshop start,
 * workshop code, administration and participant name. */
GPtrArray  *fu_store_list_replies          (FuStore *self, FuDay from, FuDay to,
                                            GError **error);

/* ---- Summaries (fu-store-summary.c), computed in SQL ----------------------------------- */

/* Tables 1 to 5 for the surveyed workshops starting in [@from, @to], in date order; the
 * total row (code "TOTAL", sums of the rows) into @total. */
GPtrArray  *fu_store_summary               (FuStore *self, FuDay from, FuDay to,
                                            FuSummaryRow **total, GError **error);
/* One point per fiscal year that has surveyed workshops, oldest first. */
GArray     *fu_store_reply_rate_trend      (FuStore *self, GError **error);
/* The same for the fiscal years @first_year to @last_year only: it reads those years'
 * workshops (the start-date index), so it grows with the years asked for, not the database. */
GArray     *fu_store_reply_rate_trend_between (FuStore *self, guint first_year,
                                               guint last_year, GError **error);
/* Administrations whose participants organized in-house workshops, by name. */
GPtrArray  *fu_store_inhouse_administrations (FuStore *self, FuDay from, FuDay to,
                                              GError **error);

/* ---- People ------------------------------------------------------------------------------ */

/* Everyone, by name then id, with their counts: one query, whatever the number of people.
 * FuParticipantOverview* elements. */
/* The people of @administration_id whose names are alike @name (fu_names_alike), as
 * FuParticipantOverview: who a new participant may already be. */
GPtrArray *fu_store_find_people_alike (FuStore     *self,
                                       const char  *name,
                                       gint64       administration_id,
                                       GError     **error);
GPtrArray *fu_store_list_participant_overview (FuStore  *self,
                                               GError  **error);
/* Every attendance of participant @participant_id, oldest workshop first, with the status
 * of its follow-up as of @as_of (what fu_store_list_followups says for the same day, and
 * the attendances of workshops not surveyed too). FuAttendanceRow* elements; an empty
 * array for a participant without attendances, FU_STORE_ERROR_NOT_FOUND for no such
 * participant. */
GPtrArray *fu_store_list_participant_history  (FuStore  *self,
                                               gint64    participant_id,
                                               FuDay     as_of,
                                               GError  **error);
/* The attendees of workshop @workshop_id by administration then name, the same way.
 * FU_STORE_ERROR_NOT_FOUND for no such workshop. */
GPtrArray *fu_store_list_workshop_attendees   (FuStore  *self,
                                               gint64    workshop_id,
                                               FuDay     as_of,
                                               GError  **error);
/* The attendances of workshop @workshop_id (0: of every workshop), by workshop start and
 * code, administration, name and id: FuAttendeeRow* elements. */
GPtrArray *fu_store_list_attendees            (FuStore  *self,
                                               gint64    workshop_id,
                                               GError  **error);
/* Two records of the same person become @keep_id: @remove_id's attendances (with their
 * follow-ups, reminders and replies) move to it, its e-mail, position and gender fill
 * those @keep_id lacks, and @remove_id is deleted. Where both attended the same workshop,
 * the attendance with the reply stays; both with a reply is FU_STORE_ERROR_EXISTS (which
 * one is right is for a person to decide), unless the two replies say the same. All or
 * nothing. */
gboolean   fu_store_merge_participants        (FuStore  *self,
                                               gint64    keep_id,
                                               gint64    remove_id,
                                               GError  **error);

/* ---- Follow-ups, more ------------------------------------------------------------------------ */

/* fu_store_close_followup() for each id, all or nothing. */
gboolean       fu_store_close_followups       (FuStore      *self,
                                               const gint64 *followup_ids,
                                               guint         n_ids,
                                               FuDay         date,
                                               const char   *reason,
                                               GError      **error);
/* Undoes fu_store_close_followup(): the follow-ups are open again, without a closing date
 * or reason. An unknown id is FU_STORE_ERROR_NOT_FOUND; all or nothing. */
gboolean       fu_store_reopen_followups      (FuStore      *self,
                                               const gint64 *followup_ids,
                                               guint         n_ids,
                                               GError      **error);
/* The follow-up's row as of @as_of (as fu_store_list_followups() gives it), or NULL with
 * FU_STORE_ERROR_NOT_FOUND. Follow-ups of workshops that are not surveyed are not found. */
FuFollowupRow *fu_store_get_followup          (FuStore      *self,
                                               gint64        followup_id,
                                               FuDay         as_of,
                                               GError      **error);

/* ---- Years and reports -------------------------------------------------------------------- */

/* The fiscal years (guint, as fu_fiscal_year_of names them under @rules) that have at
 * least one workshop, or with @surveyed_only one surveyed workshop; oldest first, each
 * once. An empty array for an empty database; NULL only with an error. */
GArray *fu_store_list_fiscal_years (FuStore        *self,
                                    const FuRules  *rules,
                                    gboolean        surveyed_only,
                                    GError        **error);

/* The administrations with at least one follow-up for a surveyed workshop starting in
 * [@from, @to] (FU_DAY_NONE = open), by name, each with its follow-ups and replies.
 * An empty array when there are none; NULL only with an error. */
GPtrArray  *fu_store_reply_rate_by_administration (FuStore *self, FuDay from, FuDay to,
                                                   GError **error);

/* ---- The audit log (fu-command.h runs it) ---------------------------------------------------- */

/* Who the entries name as the author: the staff name when one is given, else the account's
 * real name and login ("Ana Staff (ana)"). */
char         *fu_audit_default_author      (void);
void          fu_store_set_author          (FuStore *self, const char *author);
const char   *fu_store_get_author          (FuStore *self);

/* Starts recording a command of @kind inside the caller's open transaction: the new
 * entry's id, or 0 with an error. @undoes names the entry an "undo" or "redo" reverts. */
gint64        fu_store_audit_begin         (FuStore *self, const char *kind, gint64 undoes,
                                            GError **error);
/* Stops recording and, with a @sentence, writes it and the arguments; *n_changes (may be
 * NULL) is how many rows it touched. For an entry that undoes another, marks that one
 * undone. */
gboolean      fu_store_audit_end           (FuStore *self, gint64 entry_id,
                                            const char *sentence, const char *args,
                                            guint *n_changes, GError **error);
/* Applies the inverse of entry @entry_id's changes, newest first, inside the caller's
 * transaction (and recording, so that the undo has its own entry). A record that changed
 * since, an id taken since, or a change that would reach other records is
 * FU_STORE_ERROR_CONFLICT, naming the record; the caller then rolls back. */
gboolean      fu_store_audit_revert        (FuStore *self, gint64 entry_id, GError **error);

/* Writes (or rewrites) the sentence and arguments of entry @entry_id. */
gboolean      fu_store_audit_set_sentence  (FuStore *self, gint64 entry_id,
                                            const char *sentence, const char *args,
                                            GError **error);
FuAuditEntry *fu_store_get_audit_entry     (FuStore *self, gint64 entry_id, GError **error);
/* FuAuditEntry* elements, newest first. */
GPtrArray    *fu_store_list_audit_entries  (FuStore *self, const FuAuditQuery *query,
                                            GError **error);
/* FuAuditChange* elements of one entry, in the order they were made. */
GPtrArray    *fu_store_list_audit_changes  (FuStore *self, gint64 entry_id, GError **error);
/* What entries @first_entry to @last_entry touched, in order: FuAuditRow elements. */
GArray       *fu_store_list_audit_rows     (FuStore *self, gint64 first_entry,
                                            gint64 last_entry, GError **error);
/* Whether another connection (another window, followup-cli) has written to the database
 * since the last call; the first call only takes note. */
gboolean      fu_store_changed_elsewhere   (FuStore *self);
/* The newest entry that is not an undo and has not been undone: what "undo" undoes. 0 when
 * there is none. */
gint64        fu_store_audit_last_undoable (FuStore *self, GError **error);
/* The newest entry's id, 0 for none. */
gint64        fu_store_audit_last_id       (FuStore *self, GError **error);

G_END_DECLS
