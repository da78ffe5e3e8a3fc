/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-command.h: every change to the data, as a command. A command applies in one
 * transaction, is recorded in the audit log with the old and new value of every field it
 * touched, describes itself in a sentence in the user's language ("Marked 12 questionnaires
 * of 2017-VAL as sent on 3 Dec 2026"), names the records it touched (a FuChangeSet) and can
 * be reverted exactly by fu_command_new_revert(). The window's FuHistory and followup-cli
 * run every change through here. */
#pragma once

#include <glib-object.h>

#include "fu-import.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-types.h"

G_BEGIN_DECLS

/* ---- What a change touched ------------------------------------------------------------- */

typedef struct _FuChangeSet FuChangeSet;

#define FU_TYPE_CHANGE_SET (fu_change_set_get_type ())
GType        fu_change_set_get_type   (void) G_GNUC_CONST;
FuChangeSet *fu_change_set_new        (void);
/* "Everything may have changed" (a change made outside the history): reload all. */
FuChangeSet *fu_change_set_new_all    (void);
FuChangeSet *fu_change_set_ref        (FuChangeSet *self);
void         fu_change_set_unref      (FuChangeSet *self);
void         fu_change_set_add        (FuChangeSet *self, FuRecordKind record, gint64 row_id,
                                       FuChangeOp op);
void         fu_change_set_add_rows   (FuChangeSet *self, GArray *audit_rows);
gboolean     fu_change_set_is_all     (const FuChangeSet *self);
gboolean     fu_change_set_is_empty   (const FuChangeSet *self);
/* Whether any record of @record changed (always TRUE for "all"). */
gboolean     fu_change_set_touches    (const FuChangeSet *self, FuRecordKind record);
/* Whether any record of the kinds in @mask (bits 1 << FuRecordKind) changed. */
gboolean     fu_change_set_touches_any (const FuChangeSet *self, guint mask);
#define FU_RECORD_BIT(kind) (1u << (kind))
/* Every kind of record but the team settings: what a follow-up row is made of. */
#define FU_RECORD_MASK_PEOPLE_AND_FOLLOWUPS \
  (FU_RECORD_BIT (FU_RECORD_ADMINISTRATION) | FU_RECORD_BIT (FU_RECORD_WORKSHOP) \
   | FU_RECORD_BIT (FU_RECORD_PARTICIPANT) | FU_RECORD_BIT (FU_RECORD_ATTENDANCE) \
   | FU_RECORD_BIT (FU_RECORD_FOLLOWUP) | FU_RECORD_BIT (FU_RECORD_REMINDER) \
   | FU_RECORD_BIT (FU_RECORD_REPLY))
/* The ids of @record that changed, ascending, each once (gint64). Never NULL. */
GArray      *fu_change_set_get_ids    (const FuChangeSet *self, FuRecordKind record);
gboolean     fu_change_set_contains   (const FuChangeSet *self, FuRecordKind record,
                                       gint64 row_id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuChangeSet, fu_change_set_unref)

/* ---- Commands -------------------------------------------------------------------------- */

#define FU_TYPE_COMMAND (fu_command_get_type ())
G_DECLARE_FINAL_TYPE (FuCommand, fu_command, FU, COMMAND, GObject)

FuCommand *fu_command_new_add_workshop          (const FuWorkshop *workshop);
FuCommand *fu_command_new_edit_workshop         (const FuWorkshop *workshop);
FuCommand *fu_command_new_delete_workshop       (gint64 workshop_id);
/* Adds the person (or takes participant->id when it is set) and, with @workshop_id, their
 * attendance of that workshop. */
FuCommand *fu_command_new_add_participant       (const FuParticipant *participant,
                                                 gint64 workshop_id);
FuCommand *fu_command_new_edit_participant      (const FuParticipant *participant);
FuCommand *fu_command_new_delete_participant    (gint64 participant_id);
FuCommand *fu_command_new_add_attendance        (gint64 workshop_id, gint64 participant_id);
FuCommand *fu_command_new_delete_attendance     (gint64 attendance_id);
FuCommand *fu_command_new_merge_participants    (gint64 keep_id, gint64 remove_id);
FuCommand *fu_command_new_add_administration    (const FuAdministration *administration);
FuCommand *fu_command_new_edit_administration   (const FuAdministration *administration);
FuCommand *fu_command_new_delete_administration (gint64 administration_id);
/* Records that @alias means @administration_id (0 forgets it). */
FuCommand *fu_command_new_set_alias              (const char *alias,
                                                  gint64      administration_id);
FuCommand *fu_command_new_merge_administrations  (gint64 keep_id,
                                                  gint64 remove_id);
/* One file, as fu_import_file() reads it (never with FU_IMPORT_DRY_RUN). */
FuCommand *fu_command_new_import_file           (FuImportKind kind, const char *path,
                                                 FuImportFlags flags);
FuCommand *fu_command_new_import_data           (FuImportKind kind, const char *display_name,
                                                 GBytes *data, FuImportFlags flags);
/* How to read the file: its workshop, encoding, separator, sheet, header row, mapping. */
void       fu_command_set_import_options        (FuCommand *self,
                                                 const FuImportOptions *options);
FuCommand *fu_command_new_mark_sent             (gint64 workshop_id, FuDay date);
FuCommand *fu_command_new_mark_reminded         (gint64 workshop_id, FuDay date);
FuCommand *fu_command_new_mark_followups_sent   (const gint64 *followup_ids, guint n_ids,
                                                 FuDay date);
FuCommand *fu_command_new_mark_followups_reminded (const gint64 *followup_ids, guint n_ids,
                                                   FuDay date);
FuCommand *fu_command_new_close_followups       (const gint64 *followup_ids, guint n_ids,
                                                 FuDay date, const char *reason);
FuCommand *fu_command_new_reopen_followups      (const gint64 *followup_ids, guint n_ids);
/* Saves a new reply, or with @replace replaces the follow-up's reply. */
FuCommand *fu_command_new_save_reply            (const FuReply *reply, gboolean replace);
FuCommand *fu_command_new_delete_reply          (gint64 followup_id);
FuCommand *fu_command_new_set_rules             (const FuRules *rules);
FuCommand *fu_command_new_set_office_name       (const char *name);
/* Enters a year before the database; @label is the year as shown ("FY2014/15"). */
FuCommand *fu_command_new_set_earlier_year      (const FuEarlierYear *year,
                                                 const char          *label);
FuCommand *fu_command_new_load_sample           (void);
/* Takes back history entry @entry_id; reverting an undo is a redo. */
FuCommand *fu_command_new_revert                (gint64 entry_id);
/* Makes the database what the backup @backup_path holds, after backing up its present
 * state; in the history, so it can be undone. */
FuCommand *fu_command_new_restore               (const char *backup_path);
/* Marks a person "do not contact" from @date, with @reason; FU_DAY_NONE clears the mark. */
FuCommand *fu_command_new_set_no_contact        (gint64 participant_id, FuDay date,
                                                 const char *reason);
/* Anonymizes the people: see fu_store_anonymize_participant(). */
FuCommand *fu_command_new_anonymize             (const gint64 *participant_ids, guint n_ids,
                                                 gboolean remove_answers);

/* Runs the command in one transaction and records it. A command that changes nothing
 * (marking a workshop whose questionnaires are all sent) succeeds without an entry. A
 * command applies once. */
gboolean        fu_command_apply            (FuCommand *self, FuStore *store, GError **error);

/* The command's kind: "add-workshop", "import-participants", "undo"... */
const char     *fu_command_get_kind         (FuCommand *self);
/* After apply: the sentence, the history entry (0 when nothing changed), what changed. */
const char     *fu_command_get_sentence     (FuCommand *self);
gint64          fu_command_get_entry_id     (FuCommand *self);
/* For an edit: the record's version when the editor read it (fu_store_row_version). When
 * someone changed it since, applying fails with FU_STORE_ERROR_CONFLICT saying who and when,
 * and writes nothing. Without it, nothing is checked. */
void            fu_command_set_based_on     (FuCommand *self, gint64 version);
/* Applies the command on a connection of its own to the database at @location (a file or a
 * team database's address), closed after: for a thread, while other connections go on. */
gboolean        fu_command_apply_at         (FuCommand *self, const char *location,
                                             GError **error);
/* Cancelled before it commits (from another thread), the change writes nothing and fails
 * with G_IO_ERROR_CANCELLED. */
void            fu_command_set_cancellable  (FuCommand *self, GCancellable *cancellable);
FuChangeSet    *fu_command_get_changes      (FuCommand *self);
/* After apply: the id of the record it added (workshop, participant, attendance,
 * administration, reply), how many follow-ups it marked, and an import's result. */
gint64          fu_command_get_new_id       (FuCommand *self);
guint           fu_command_get_n_changed    (FuCommand *self);
FuImportResult *fu_command_get_import_result (FuCommand *self);
/* The import's result, for the caller to keep (NULL for other commands). */
FuImportResult *fu_command_steal_import_result (FuCommand *self);

/* The sentence an entry shows in the History view and `followup-cli history`. */
char           *fu_audit_entry_describe     (const FuAuditEntry *entry);
/* "Sonam Dorji (sonam) · 3 Dec 2026, 10:42": who and when, in local time. */
char           *fu_audit_entry_format_byline (const FuAuditEntry *entry);
/* The record a change touched, in words: "Workshop 2016-NII", "Reply". */
char           *fu_audit_change_describe_record (const FuAuditChange *change);
/* One field of a change in words: "Title: “Old” → “New”", "Sent: 3 Dec 2026". */
char           *fu_audit_field_describe     (const FuAuditField *field);

G_END_DECLS
