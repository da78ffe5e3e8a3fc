/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-audit.h: the audit log under the command layer (fu-command.h). A command runs
 * between fu_store_audit_begin() and fu_store_audit_end() inside one transaction; the store
 * records every row the command adds, changes or deletes, with the old and new value of
 * each field, so that the command can be undone exactly (fu_store_audit_revert) and the
 * History view can say who changed what, and when. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

/* The kinds of record a change can touch: the tables of the database. */
typedef enum {
  FU_RECORD_ADMINISTRATION,
  FU_RECORD_WORKSHOP,
  FU_RECORD_PARTICIPANT,
  FU_RECORD_ATTENDANCE,
  FU_RECORD_FOLLOWUP,
  FU_RECORD_REMINDER,
  FU_RECORD_REPLY,
  FU_RECORD_SETTINGS,
  FU_N_RECORDS
} FuRecordKind;

typedef enum {
  FU_CHANGE_INSERT = 1,
  FU_CHANGE_UPDATE = 2,
  FU_CHANGE_DELETE = 3,
} FuChangeOp;

/* "workshop", "participant"... as in the database; NULL for a kind out of range. */
const char *fu_record_kind_to_string   (FuRecordKind kind);
gboolean    fu_record_kind_from_string (const char *text, FuRecordKind *kind);

typedef struct {
  gint64  id;
  gint64  at;           /* seconds since 1970 (UTC) */
  char   *author;       /* "Ana Staff (ana)" */
  char   *kind;         /* the command's kind, e.g. "mark-sent", or "undo" and "redo" */
  char   *args;         /* the command's arguments, as GVariant text; may be NULL */
  char   *sentence;     /* as written in the author's language when it was recorded */
  gint64  undoes;       /* for "undo" and "redo": the entry it reverts; else 0 */
  gint64  undone_by;    /* the entry that undid this one, or 0 */
  guint   n_changes;    /* rows added, changed or deleted */
} FuAuditEntry;

typedef struct {
  gint64        id;
  gint64        entry_id;
  FuRecordKind  record;
  gint64        row_id;
  FuChangeOp    op;
  char         *old_values;   /* JSON object of the row before; NULL for an insert */
  char         *new_values;   /* JSON object of the row after; NULL for a delete */
} FuAuditChange;

/* Which entries to list: newest first. Zero fields mean "any". */
typedef struct {
  guint       limit;            /* 0 = all */
  gint64      workshop_id;      /* entries that touched this workshop or its attendances */
  gint64      participant_id;   /* entries that touched this person or their attendances */
  gint64      after_id;         /* entries with a greater id only */
  const char *search;           /* words in the sentence, the author or the kind */
} FuAuditQuery;

void fu_audit_entry_free  (FuAuditEntry *self);
void fu_audit_change_free (FuAuditChange *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuAuditEntry, fu_audit_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuAuditChange, fu_audit_change_free)

/* Who the entries name as the author: the staff name when one is given, else the account's
 * real name and login ("Ana Staff (ana)"). */
char         *fu_audit_default_author      (void);
void          fu_store_set_author          (FuStore *self, const char *author);
const char   *fu_store_get_author          (FuStore *self);

/* Starts recording a command of @kind inside the caller's open transaction: the new
 * entry's id, or 0 with an error. @undoes names the entry an "undo" or "redo" reverts. */
gint64        fu_store_audit_begin         (FuStore *self, const char *kind, gint64 undoes,
                                            GError **error);
/* Stops recording and writes the entry's sentence and arguments; *n_changes (may be NULL)
 * is how many rows it touched. For an entry that undoes another, marks that one undone. */
gboolean      fu_store_audit_end           (FuStore *self, gint64 entry_id,
                                            const char *sentence, const char *args,
                                            guint *n_changes, GError **error);
/* Applies the inverse of entry @entry_id's changes, newest first, inside the caller's
 * transaction (and recording, so that the undo has its own entry). A record that changed
 * since, an id taken since, or a change that would reach other records is
 * FU_STORE_ERROR_CONFLICT, naming the record; the caller then rolls back. */
gboolean      fu_store_audit_revert        (FuStore *self, gint64 entry_id, GError **error);

FuAuditEntry *fu_store_get_audit_entry     (FuStore *self, gint64 entry_id, GError **error);
/* FuAuditEntry* elements, newest first. */
GPtrArray    *fu_store_list_audit_entries  (FuStore *self, const FuAuditQuery *query,
                                            GError **error);
/* FuAuditChange* elements of one entry, in the order they were made. */
GPtrArray    *fu_store_list_audit_changes  (FuStore *self, gint64 entry_id, GError **error);
/* What entries @first_entry to @last_entry touched, in order: FuAuditRow elements. */
typedef struct {
  gint64        entry_id;
  FuRecordKind  record;
  gint64        row_id;
  FuChangeOp    op;
} FuAuditRow;

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
