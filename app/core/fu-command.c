/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-command.c: the command layer. Each command is a kind with its arguments; applying it
 * opens a transaction, starts an audit entry, calls the store, and writes the sentence. The
 * store's audit log holds what the command touched, which is what reverting it undoes: no
 * command needs its own undo code. */

#define G_LOG_DOMAIN "fu-command"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-backups.h"
#include "fu-files.h"
#include "fu-command.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-sample.h"
#include "fu-store.h"

/* ---- FuChangeSet ------------------------------------------------------------------------- */

struct _FuChangeSet
{
  gatomicrefcount  ref_count;
  gboolean         all;
  GArray          *ids[FU_N_RECORDS];   /* gint64, sorted and unique once read */
  gboolean         sorted[FU_N_RECORDS];
};

G_DEFINE_BOXED_TYPE (FuChangeSet, fu_change_set, fu_change_set_ref, fu_change_set_unref)

FuChangeSet *
fu_change_set_new (void)
{
  FuChangeSet *self = g_new0 (FuChangeSet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  for (guint i = 0; i < FU_N_RECORDS; i++)
    {
      self->ids[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
      self->sorted[i] = TRUE;
    }
  return self;
}

FuChangeSet *
fu_change_set_new_all (void)
{
  FuChangeSet *self = fu_change_set_new ();

  self->all = TRUE;
  return self;
}

FuChangeSet *
fu_change_set_ref (FuChangeSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
fu_change_set_unref (FuChangeSet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < FU_N_RECORDS; i++)
    g_array_unref (self->ids[i]);
  g_free (self);
}

void
fu_change_set_add (FuChangeSet  *self,
                   FuRecordKind  record,
                   gint64        row_id,
                   FuChangeOp    op)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) record < FU_N_RECORDS);

  g_array_append_val (self->ids[record], row_id);
  self->sorted[record] = FALSE;
}

void
fu_change_set_add_rows (FuChangeSet *self,
                        GArray      *audit_rows)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; audit_rows != NULL && i < audit_rows->len; i++)
    {
      const FuAuditRow *row = &g_array_index (audit_rows, FuAuditRow, i);

      for (gint64 id = row->row_id; id <= MAX (row->row_last, row->row_id); id++)
        fu_change_set_add (self, row->record, id, row->op);
    }
}

gboolean
fu_change_set_is_all (const FuChangeSet *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->all;
}

gboolean
fu_change_set_is_empty (const FuChangeSet *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  if (self->all)
    return FALSE;
  for (guint i = 0; i < FU_N_RECORDS; i++)
    if (self->ids[i]->len > 0)
      return FALSE;
  return TRUE;
}

gboolean
fu_change_set_touches (const FuChangeSet *self,
                       FuRecordKind       record)
{
  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail ((guint) record < FU_N_RECORDS, TRUE);

  return self->all || self->ids[record]->len > 0;
}

gboolean
fu_change_set_touches_any (const FuChangeSet *self,
                           guint              mask)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < FU_N_RECORDS; i++)
    if ((mask & FU_RECORD_BIT (i)) != 0 && fu_change_set_touches (self, (FuRecordKind) i))
      return TRUE;
  return FALSE;
}

static int
compare_id (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

GArray *
fu_change_set_get_ids (const FuChangeSet *self,
                       FuRecordKind       record)
{
  FuChangeSet *mutable = (FuChangeSet *) self;
  GArray *ids;
  guint n = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) record < FU_N_RECORDS, NULL);

  ids = mutable->ids[record];
  if (!mutable->sorted[record])
    {
      g_array_sort (ids, compare_id);
      for (guint i = 0; i < ids->len; i++)
        if (n == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, n - 1))
          g_array_index (ids, gint64, n++) = g_array_index (ids, gint64, i);
      g_array_set_size (ids, n);
      mutable->sorted[record] = TRUE;
    }
  return ids;
}

gboolean
fu_change_set_contains (const FuChangeSet *self,
                        FuRecordKind       record,
                        gint64             row_id)
{
  GArray *ids;
  guint low = 0;
  guint high;

  g_return_val_if_fail (self != NULL, TRUE);

  if (self->all)
    return TRUE;
  ids = fu_change_set_get_ids (self, record);
  high = ids->len;
  while (low < high)
    {
      guint mid = (low + high) / 2;
      gint64 value = g_array_index (ids, gint64, mid);

      if (value == row_id)
        return TRUE;
      if (value < row_id)
        low = mid + 1;
      else
        high = mid;
    }
  return FALSE;
}

/* ---- FuCommand --------------------------------------------------------------------------- */

typedef enum {
  ADD_WORKSHOP,
  EDIT_WORKSHOP,
  DELETE_WORKSHOP,
  ADD_PARTICIPANT,
  EDIT_PARTICIPANT,
  DELETE_PARTICIPANT,
  ADD_ATTENDANCE,
  DELETE_ATTENDANCE,
  MERGE_PARTICIPANTS,
  ADD_ADMINISTRATION,
  EDIT_ADMINISTRATION,
  DELETE_ADMINISTRATION,
  IMPORT,
  MARK_SENT,
  MARK_REMINDED,
  MARK_FOLLOWUPS_SENT,
  MARK_FOLLOWUPS_REMINDED,
  CLOSE_FOLLOWUPS,
  REOPEN_FOLLOWUPS,
  SAVE_REPLY,
  DELETE_REPLY,
  SET_RULES,
  SET_OFFICE_NAME,
  LOAD_SAMPLE,
  REVERT,
  RESTORE,
  SET_NO_CONTACT,
  SET_EARLIER_YEAR,
  SET_ALIAS,
  MERGE_ADMINISTRATIONS,
  ANONYMIZE,
} Kind;

static const char * const kind_names[] = {
  "add-workshop", "edit-workshop", "delete-workshop", "add-participant", "edit-participant",
  "delete-participant", "add-attendance", "delete-attendance", "merge-participants",
  "add-administration", "edit-administration", "delete-administration", "import",
  "mark-sent", "mark-reminded", "mark-sent", "mark-reminded", "close-followups",
  "reopen-followups", "save-reply", "delete-reply", "set-rules", "set-office-name",
  "load-sample", "undo", "restore", "do-not-contact", "set-earlier-year", "set-alias",
  "merge-administrations", "anonymize",
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == ANONYMIZE + 1);

struct _FuCommand
{
  GObject            parent_instance;

  Kind               kind;
  /* RESTORE: the backup, opened from a private copy in backup_folder. */
  FuStore           *backup;
  char              *backup_folder;
  /* Arguments. */
  FuWorkshop        *workshop;
  FuParticipant     *participant;
  FuAdministration  *administration;
  FuReply           *reply;
  FuRules            rules;
  FuEarlierYear      earlier_year;
  gint64             id;          /* the record acted on */
  gint64             other_id;    /* the second record (merge, attendance's participant) */
  GArray            *ids;         /* follow-ups */
  FuDay              date;
  char              *text;        /* a reason, a name, a file's path or display name */
  GBytes            *data;
  FuImportKind       import_kind;
  FuImportOptions   *import_options;
  FuImportFlags      flags;
  gboolean           replace;
  /* The edited record's version when it was read (fu_store_row_version), if checked. */
  gint64             based_on;
  gboolean           check_version;
  GCancellable      *cancellable;

  /* What applying it found out and did. */
  char              *kind_name;
  char              *subject;     /* names read before applying, for the sentence */
  char              *object;
  gint64             undoes;
  gboolean           applied;
  char              *sentence;
  gint64             entry_id;
  FuChangeSet       *changes;
  gint64             new_id;
  guint              n_changed;
  FuImportResult    *import_result;
  FuImportRead      *import_read;   /* the file read, until it is written */
};

G_DEFINE_FINAL_TYPE (FuCommand, fu_command, G_TYPE_OBJECT)

static void
fu_command_finalize (GObject *object)
{
  FuCommand *self = FU_COMMAND (object);

  g_clear_pointer (&self->workshop, fu_workshop_free);
  g_clear_pointer (&self->participant, fu_participant_free);
  g_clear_pointer (&self->administration, fu_administration_free);
  g_clear_pointer (&self->reply, fu_reply_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->kind_name, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->object, g_free);
  g_clear_pointer (&self->sentence, g_free);
  g_clear_pointer (&self->changes, fu_change_set_unref);
  g_clear_pointer (&self->import_result, fu_import_result_free);
  g_clear_pointer (&self->import_read, fu_import_read_free);
  g_clear_pointer (&self->import_options, fu_import_options_free);
  g_clear_object (&self->backup);
  g_clear_object (&self->cancellable);
  if (self->backup_folder != NULL)
    fu_file_remove_folder (self->backup_folder);
  g_clear_pointer (&self->backup_folder, g_free);

  G_OBJECT_CLASS (fu_command_parent_class)->finalize (object);
}

static void
fu_command_class_init (FuCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fu_command_finalize;
}

static void
fu_command_init (FuCommand *self)
{
}

static FuCommand *
command_new (Kind kind)
{
  FuCommand *self = g_object_new (FU_TYPE_COMMAND, NULL);

  self->kind = kind;
  self->kind_name = g_strdup (kind_names[kind]);
  return self;
}

static GArray *
ids_copy (const gint64 *ids,
          guint         n_ids)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

  g_array_append_vals (array, ids, n_ids);
  return array;
}

FuCommand *
fu_command_new_add_workshop (const FuWorkshop *workshop)
{
  FuCommand *self;

  g_return_val_if_fail (workshop != NULL, NULL);

  self = command_new (ADD_WORKSHOP);
  self->workshop = fu_workshop_copy (workshop);
  return self;
}

FuCommand *
fu_command_new_edit_workshop (const FuWorkshop *workshop)
{
  FuCommand *self;

  g_return_val_if_fail (workshop != NULL && workshop->id > 0, NULL);

  self = command_new (EDIT_WORKSHOP);
  self->workshop = fu_workshop_copy (workshop);
  return self;
}

FuCommand *
fu_command_new_delete_workshop (gint64 workshop_id)
{
  FuCommand *self = command_new (DELETE_WORKSHOP);

  self->id = workshop_id;
  return self;
}

FuCommand *
fu_command_new_add_participant (const FuParticipant *participant,
                                gint64               workshop_id)
{
  FuCommand *self;

  g_return_val_if_fail (participant != NULL, NULL);

  self = command_new (ADD_PARTICIPANT);
  self->participant = fu_participant_copy (participant);
  self->id = workshop_id;
  return self;
}

FuCommand *
fu_command_new_edit_participant (const FuParticipant *participant)
{
  FuCommand *self;

  g_return_val_if_fail (participant != NULL && participant->id > 0, NULL);

  self = command_new (EDIT_PARTICIPANT);
  self->participant = fu_participant_copy (participant);
  return self;
}

FuCommand *
fu_command_new_delete_participant (gint64 participant_id)
{
  FuCommand *self = command_new (DELETE_PARTICIPANT);

  self->id = participant_id;
  return self;
}

FuCommand *
fu_command_new_add_attendance (gint64 workshop_id,
                               gint64 participant_id)
{
  FuCommand *self = command_new (ADD_ATTENDANCE);

  self->id = workshop_id;
  self->other_id = participant_id;
  return self;
}

FuCommand *
fu_command_new_delete_attendance (gint64 attendance_id)
{
  FuCommand *self = command_new (DELETE_ATTENDANCE);

  self->id = attendance_id;
  return self;
}

FuCommand *
fu_command_new_merge_participants (gint64 keep_id,
                                   gint64 remove_id)
{
  FuCommand *self = command_new (MERGE_PARTICIPANTS);

  self->id = keep_id;
  self->other_id = remove_id;
  return self;
}

FuCommand *
fu_command_new_set_alias (const char *alias,
                          gint64      administration_id)
{
  FuCommand *self;

  g_return_val_if_fail (alias != NULL, NULL);

  self = command_new (SET_ALIAS);
  self->text = g_strstrip (g_strdup (alias));
  self->id = administration_id;
  return self;
}

FuCommand *
fu_command_new_merge_administrations (gint64 keep_id,
                                      gint64 remove_id)
{
  FuCommand *self = command_new (MERGE_ADMINISTRATIONS);

  self->id = keep_id;
  self->other_id = remove_id;
  return self;
}

FuCommand *
fu_command_new_add_administration (const FuAdministration *administration)
{
  FuCommand *self;

  g_return_val_if_fail (administration != NULL, NULL);

  self = command_new (ADD_ADMINISTRATION);
  self->administration = fu_administration_copy (administration);
  return self;
}

FuCommand *
fu_command_new_edit_administration (const FuAdministration *administration)
{
  FuCommand *self;

  g_return_val_if_fail (administration != NULL && administration->id > 0, NULL);

  self = command_new (EDIT_ADMINISTRATION);
  self->administration = fu_administration_copy (administration);
  return self;
}

FuCommand *
fu_command_new_delete_administration (gint64 administration_id)
{
  FuCommand *self = command_new (DELETE_ADMINISTRATION);

  self->id = administration_id;
  return self;
}

static const char *
import_kind_name (FuImportKind kind)
{
  switch (kind)
    {
    case FU_IMPORT_WORKSHOPS:
      return "import-workshops";
    case FU_IMPORT_PARTICIPANTS:
      return "import-participants";
    case FU_IMPORT_RESPONSES:
    default:
      return "import-responses";
    }
}

FuCommand *
fu_command_new_import_file (FuImportKind   kind,
                            const char    *path,
                            FuImportFlags  flags)
{
  FuCommand *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail ((flags & FU_IMPORT_DRY_RUN) == 0, NULL);

  self = command_new (IMPORT);
  g_free (self->kind_name);
  self->kind_name = g_strdup (import_kind_name (kind));
  self->import_kind = kind;
  self->text = g_strdup (path);
  self->flags = flags;
  return self;
}

FuCommand *
fu_command_new_import_data (FuImportKind   kind,
                            const char    *display_name,
                            GBytes        *data,
                            FuImportFlags  flags)
{
  FuCommand *self;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail ((flags & FU_IMPORT_DRY_RUN) == 0, NULL);

  self = fu_command_new_import_file (kind, display_name, flags);
  self->data = g_bytes_ref (data);
  return self;
}

void
fu_command_set_import_options (FuCommand             *self,
                               const FuImportOptions *options)
{
  g_return_if_fail (FU_IS_COMMAND (self));
  g_return_if_fail (self->kind == IMPORT);

  g_clear_pointer (&self->import_options, fu_import_options_free);
  if (options != NULL)
    self->import_options = fu_import_options_copy (options);
}

static FuCommand *
mark_workshop_new (Kind   kind,
                   gint64 workshop_id,
                   FuDay  date)
{
  FuCommand *self = command_new (kind);

  self->id = workshop_id;
  self->date = date;
  return self;
}

FuCommand *
fu_command_new_mark_sent (gint64 workshop_id,
                          FuDay  date)
{
  g_return_val_if_fail (date != FU_DAY_NONE, NULL);

  return mark_workshop_new (MARK_SENT, workshop_id, date);
}

FuCommand *
fu_command_new_mark_reminded (gint64 workshop_id,
                              FuDay  date)
{
  g_return_val_if_fail (date != FU_DAY_NONE, NULL);

  return mark_workshop_new (MARK_REMINDED, workshop_id, date);
}

static FuCommand *
followups_new (Kind          kind,
               const gint64 *followup_ids,
               guint         n_ids,
               FuDay         date)
{
  FuCommand *self = command_new (kind);

  self->ids = ids_copy (followup_ids, n_ids);
  self->date = date;
  return self;
}

FuCommand *
fu_command_new_mark_followups_sent (const gint64 *followup_ids,
                                    guint         n_ids,
                                    FuDay         date)
{
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (date != FU_DAY_NONE, NULL);

  return followups_new (MARK_FOLLOWUPS_SENT, followup_ids, n_ids, date);
}

FuCommand *
fu_command_new_mark_followups_reminded (const gint64 *followup_ids,
                                        guint         n_ids,
                                        FuDay         date)
{
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (date != FU_DAY_NONE, NULL);

  return followups_new (MARK_FOLLOWUPS_REMINDED, followup_ids, n_ids, date);
}

FuCommand *
fu_command_new_close_followups (const gint64 *followup_ids,
                                guint         n_ids,
                                FuDay         date,
                                const char   *reason)
{
  FuCommand *self;

  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (date != FU_DAY_NONE, NULL);

  self = followups_new (CLOSE_FOLLOWUPS, followup_ids, n_ids, date);
  self->text = g_strdup (reason);
  return self;
}

FuCommand *
fu_command_new_reopen_followups (const gint64 *followup_ids,
                                 guint         n_ids)
{
  g_return_val_if_fail (followup_ids != NULL || n_ids == 0, NULL);

  return followups_new (REOPEN_FOLLOWUPS, followup_ids, n_ids, FU_DAY_NONE);
}

FuCommand *
fu_command_new_save_reply (const FuReply *reply,
                           gboolean       replace)
{
  FuCommand *self;

  g_return_val_if_fail (reply != NULL && reply->followup_id > 0, NULL);

  self = command_new (SAVE_REPLY);
  self->reply = fu_reply_copy (reply);
  self->replace = replace;
  return self;
}

FuCommand *
fu_command_new_delete_reply (gint64 followup_id)
{
  FuCommand *self = command_new (DELETE_REPLY);

  self->id = followup_id;
  return self;
}

FuCommand *
fu_command_new_set_rules (const FuRules *rules)
{
  FuCommand *self;

  g_return_val_if_fail (rules != NULL, NULL);

  self = command_new (SET_RULES);
  self->rules = *rules;
  return self;
}

FuCommand *
fu_command_new_set_office_name (const char *name)
{
  FuCommand *self = command_new (SET_OFFICE_NAME);

  self->text = g_strdup (name);
  return self;
}

FuCommand *
fu_command_new_set_earlier_year (const FuEarlierYear *year,
                                 const char          *label)
{
  FuCommand *self;

  g_return_val_if_fail (year != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  self = command_new (SET_EARLIER_YEAR);
  self->earlier_year = *year;
  self->text = g_strdup (label);
  return self;
}

FuCommand *
fu_command_new_load_sample (void)
{
  return command_new (LOAD_SAMPLE);
}

FuCommand *
fu_command_new_restore (const char *backup_path)
{
  FuCommand *self = command_new (RESTORE);

  g_return_val_if_fail (backup_path != NULL, NULL);

  self->text = g_strdup (backup_path);
  return self;
}

FuCommand *
fu_command_new_set_no_contact (gint64      participant_id,
                               FuDay       date,
                               const char *reason)
{
  FuCommand *self = command_new (SET_NO_CONTACT);

  self->id = participant_id;
  self->date = date;
  self->text = g_strdup (reason);
  return self;
}

FuCommand *
fu_command_new_anonymize (const gint64 *participant_ids,
                          guint         n_ids,
                          gboolean      remove_answers)
{
  FuCommand *self = command_new (ANONYMIZE);

  g_return_val_if_fail (participant_ids != NULL || n_ids == 0, NULL);

  self->ids = ids_copy (participant_ids, n_ids);
  self->replace = remove_answers;
  return self;
}

FuCommand *
fu_command_new_revert (gint64 entry_id)
{
  FuCommand *self = command_new (REVERT);

  self->id = entry_id;
  return self;
}

/* ---- Before applying: the names the sentence needs ------------------------------------- */

static char *
workshop_code (FuStore *store,
               gint64   workshop_id)
{
  g_autoptr(FuWorkshop) workshop = fu_store_get_workshop (store, workshop_id, NULL);

  return workshop != NULL ? g_strdup (workshop->code) : NULL;
}

static char *
administration_name (FuStore *store,
                     gint64   administration_id)
{
  g_autoptr(FuAdministration) admin = fu_store_get_administration (store, administration_id,
                                                                   NULL);

  return admin != NULL ? g_strdup (admin->name) : NULL;
}

static char *
participant_name (FuStore *store,
                  gint64   participant_id)
{
  g_autoptr(FuParticipant) participant = fu_store_get_participant (store, participant_id, NULL);

  return participant != NULL ? g_strdup (participant->name) : NULL;
}

/* The person and workshop of a follow-up, into subject and object. */
static void
read_followup_names (FuCommand *self,
                     FuStore   *store,
                     gint64     followup_id)
{
  g_autoptr(FuFollowupRow) row = fu_store_get_followup (store, followup_id, fu_day_today (),
                                                        NULL);

  if (row == NULL)
    return;
  self->subject = g_strdup (row->participant_name);
  self->object = g_strdup (row->workshop_code);
}

/* The entry a revert takes back, followed back to the change it is about. */
static char *
root_sentence (FuStore *store,
               gint64   entry_id)
{
  for (guint depth = 0; entry_id > 0 && depth < 1000; depth++)
    {
      g_autoptr(FuAuditEntry) entry = fu_store_get_audit_entry (store, entry_id, NULL);

      if (entry == NULL)
        return NULL;
      if (g_strcmp0 (entry->kind, "undo") != 0 && g_strcmp0 (entry->kind, "redo") != 0)
        return g_steal_pointer (&entry->sentence);
      entry_id = entry->undoes;
    }
  return NULL;
}

/* Every day a command enters is one the office can mean. */
static gboolean
check_days (FuCommand *self,
            GError   **error)
{
  FuDay days[] = {
    self->date,
    self->workshop != NULL ? self->workshop->start_date : FU_DAY_NONE,
    self->workshop != NULL ? self->workshop->end_date : FU_DAY_NONE,
    self->workshop != NULL ? self->workshop->planned_override : FU_DAY_NONE,
    self->workshop != NULL ? self->workshop->deadline_override : FU_DAY_NONE,
    self->reply != NULL ? self->reply->received_date : FU_DAY_NONE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (!fu_day_is_plausible (days[i]))
      {
        g_autofree char *text = fu_day_to_iso (days[i]);

        g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                     _("%s is outside %s to %s: check the year"), text, FU_DAY_FIRST_ENTERED,
                     FU_DAY_LAST_ENTERED);
        return FALSE;
      }
  return TRUE;
}

/* No control character in any text a command enters; line breaks only in notes and
 * free-text answers. */
static gboolean
check_texts (FuCommand *self,
             GError   **error)
{
  const FuWorkshop *w = self->workshop;
  const FuParticipant *p = self->participant;
  const FuReply *r = self->reply;
  const char *single[] = {
    self->kind == SET_OFFICE_NAME || self->kind == SET_NO_CONTACT || self->kind == SET_ALIAS
    || self->kind == CLOSE_FOLLOWUPS ? self->text : NULL,
    w != NULL ? w->code : NULL, w != NULL ? w->title : NULL, w != NULL ? w->venue : NULL,
    w != NULL ? w->co_organizer : NULL,
    p != NULL ? p->name : NULL, p != NULL ? p->email : NULL, p != NULL ? p->position : NULL,
    p != NULL ? p->gender : NULL,
    self->administration != NULL ? self->administration->name : NULL,
    self->administration != NULL ? self->administration->short_name : NULL,
    r != NULL ? r->answered_by : NULL,
  };
  const char *multi[] = {
    w != NULL ? w->notes : NULL,
    r != NULL ? r->other_action_text : NULL, r != NULL ? r->lessons_use : NULL,
    r != NULL ? r->direct_effects_text : NULL, r != NULL ? r->contributed_text : NULL,
    r != NULL ? r->project_text : NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (single); i++)
    if (!fu_text_is_clean (single[i], FALSE))
      {
        g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                     _("“%s” holds a line break or a control character: write it on one line"),
                     single[i]);
        return FALSE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (multi); i++)
    if (!fu_text_is_clean (multi[i], TRUE))
      {
        g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                     _("“%s” holds a control character: remove it"), multi[i]);
        return FALSE;
      }
  return TRUE;
}

/* The file is read, checked and mapped before the transaction: a file with problems makes
 * no backup, and a database whose check still runs is not waited for meanwhile. */
static gboolean
read_import (FuCommand *self,
             FuStore   *store,
             GError   **error)
{
  if (self->data != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->text);
      gsize length = 0;
      const char *data = g_bytes_get_data (self->data, &length);

      self->import_read = fu_import_read_data (store, self->import_kind, base, data, length,
                                               self->import_options, error);
    }
  else
    self->import_read = fu_import_read_file (store, self->import_kind, self->text,
                                             self->import_options, error);
  if (self->import_read == NULL)
    return FALSE;
  return fu_import_read_check (self->import_read, error);
}

/* What became of the file read, once it is written or the command has failed. */
static void
end_import (FuCommand *self)
{
  if (self->import_read == NULL)
    return;
  g_clear_pointer (&self->import_result, fu_import_result_free);
  self->import_result = fu_import_read_steal_result (self->import_read);
  g_clear_pointer (&self->import_read, fu_import_read_free);
}

static gboolean
prepare (FuCommand *self,
         FuStore   *store,
         GError   **error)
{
  if (!check_days (self, error) || !check_texts (self, error))
    return FALSE;

  switch (self->kind)
    {
    case DELETE_WORKSHOP:
    case MARK_SENT:
    case MARK_REMINDED:
      self->subject = workshop_code (store, self->id);
      if (self->subject == NULL)
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                       _("There is no workshop with id %lld"), (long long) self->id);
          return FALSE;
        }
      return TRUE;

    case ADD_PARTICIPANT:
    case ADD_ATTENDANCE:
      if (self->id > 0)
        self->object = workshop_code (store, self->id);
      if (self->kind == ADD_ATTENDANCE)
        self->subject = participant_name (store, self->other_id);
      return TRUE;

    case DELETE_PARTICIPANT:
    case SET_NO_CONTACT:
      self->subject = participant_name (store, self->id);
      return TRUE;

    case IMPORT:
      return read_import (self, store, error);

    case RESTORE:
      /* Checked before the present state is backed up and anything changes. */
      self->backup = fu_backups_open_copy (self->text, &self->backup_folder, error);
      return self->backup != NULL;

    case MERGE_PARTICIPANTS:
      self->subject = participant_name (store, self->other_id);
      self->object = participant_name (store, self->id);
      return TRUE;

    case MERGE_ADMINISTRATIONS:
      self->subject = administration_name (store, self->other_id);
      self->object = administration_name (store, self->id);
      return TRUE;

    case SET_ALIAS:
      {
        gint64 current = 0;

        /* Forgetting names the administration the alias stood for. */
        if (self->id == 0)
          fu_store_lookup_administration (store, self->text, &current, NULL);
        self->object = administration_name (store, self->id != 0 ? self->id : current);
        return TRUE;
      }

    case DELETE_ATTENDANCE:
      {
        g_autoptr(GPtrArray) rows = NULL;
        gint64 followup_id = 0;

        /* The attendance's follow-up names the person and the workshop. */
        if (fu_store_lookup_followup (store, self->id, &followup_id, NULL) && followup_id > 0)
          read_followup_names (self, store, followup_id);
        (void) rows;
        return TRUE;
      }

    case SAVE_REPLY:
      read_followup_names (self, store, self->reply->followup_id);
      {
        g_autoptr(FuReply) existing = fu_store_get_reply (store, self->reply->followup_id, NULL);

        self->replace = self->replace && existing != NULL;
        if (existing != NULL && self->replace)
          {
            g_free (self->kind_name);
            self->kind_name = g_strdup ("replace-reply");
          }
      }
      return TRUE;

    case DELETE_REPLY:
      read_followup_names (self, store, self->id);
      return TRUE;

    case DELETE_ADMINISTRATION:
      {
        g_autoptr(FuAdministration) admin = fu_store_get_administration (store, self->id, error);

        if (admin == NULL)
          return FALSE;
        self->subject = g_strdup (admin->name);
        return TRUE;
      }

    case REVERT:
      {
        g_autoptr(FuAuditEntry) entry = fu_store_get_audit_entry (store, self->id, error);

        if (entry == NULL)
          return FALSE;
        if (entry->undone_by != 0)
          {
            g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT,
                         _("“%s” has already been undone"), entry->sentence);
            return FALSE;
          }
        self->undoes = entry->id;
        g_free (self->kind_name);
        self->kind_name = g_strdup (g_strcmp0 (entry->kind, "undo") == 0 ? "redo" : "undo");
        self->subject = root_sentence (store, entry->id);
        if (self->subject == NULL)
          self->subject = g_strdup (entry->sentence);
        return TRUE;
      }

    case ADD_WORKSHOP:
    case EDIT_WORKSHOP:
    case EDIT_PARTICIPANT:
    case ADD_ADMINISTRATION:
    case EDIT_ADMINISTRATION:
    case MARK_FOLLOWUPS_SENT:
    case MARK_FOLLOWUPS_REMINDED:
    case CLOSE_FOLLOWUPS:
    case REOPEN_FOLLOWUPS:
    case SET_RULES:
    case SET_OFFICE_NAME:
    case SET_EARLIER_YEAR:
    case LOAD_SAMPLE:
    default:
      return TRUE;
    }
}

/* ---- Applying ------------------------------------------------------------------------------ */

static gboolean
run_import (FuCommand *self,
            FuStore   *store,
            GError   **error)
{
  gboolean ok = fu_import_read_write (store, self->import_read, self->flags, error);

  end_import (self);
  return ok;
}

static gboolean
run (FuCommand *self,
     FuStore   *store,
     GError   **error)
{
  const gint64 *ids = self->ids != NULL ? (const gint64 *) self->ids->data : NULL;
  guint n_ids = self->ids != NULL ? self->ids->len : 0;

  switch (self->kind)
    {
    case ADD_WORKSHOP:
      self->new_id = fu_store_add_workshop (store, self->workshop, error);
      return self->new_id != 0;

    case EDIT_WORKSHOP:
      return fu_store_update_workshop (store, self->workshop, error);

    case DELETE_WORKSHOP:
      return fu_store_delete_workshop (store, self->id, error);

    case ADD_PARTICIPANT:
      {
        gint64 participant_id = self->participant->id;

        if (participant_id == 0)
          participant_id = fu_store_add_participant (store, self->participant, error);
        if (participant_id == 0)
          return FALSE;
        self->new_id = participant_id;
        return self->id == 0
               || fu_store_add_attendance (store, self->id, participant_id, error) != 0;
      }

    case EDIT_PARTICIPANT:
      return fu_store_update_participant (store, self->participant, error);

    case DELETE_PARTICIPANT:
      return fu_store_delete_participant (store, self->id, error);

    case ADD_ATTENDANCE:
      self->new_id = fu_store_add_attendance (store, self->id, self->other_id, error);
      return self->new_id != 0;

    case DELETE_ATTENDANCE:
      return fu_store_delete_attendance (store, self->id, error);

    case MERGE_PARTICIPANTS:
      return fu_store_merge_participants (store, self->id, self->other_id, error);

    case MERGE_ADMINISTRATIONS:
      return fu_store_merge_administrations (store, self->id, self->other_id, error);

    case SET_ALIAS:
      return fu_store_set_alias (store, self->text, self->id, error);

    case ADD_ADMINISTRATION:
      self->new_id = fu_store_add_administration (store, self->administration, error);
      return self->new_id != 0;

    case EDIT_ADMINISTRATION:
      return fu_store_update_administration (store, self->administration, error);

    case DELETE_ADMINISTRATION:
      return fu_store_delete_administration (store, self->id, error);

    case IMPORT:
      return run_import (self, store, error);

    case MARK_SENT:
      return fu_store_mark_sent (store, self->id, self->date, &self->n_changed, error);

    case MARK_REMINDED:
      return fu_store_mark_reminded (store, self->id, self->date, &self->n_changed, error);

    case MARK_FOLLOWUPS_SENT:
      return fu_store_mark_followups_sent (store, ids, n_ids, self->date, error);

    case MARK_FOLLOWUPS_REMINDED:
      return fu_store_mark_followups_reminded (store, ids, n_ids, self->date, error);

    case CLOSE_FOLLOWUPS:
      return fu_store_close_followups (store, ids, n_ids, self->date, self->text, error);

    case REOPEN_FOLLOWUPS:
      return fu_store_reopen_followups (store, ids, n_ids, error);

    case SAVE_REPLY:
      if (!fu_store_save_reply (store, self->reply, self->replace, error))
        return FALSE;
      self->new_id = self->reply->id;
      return TRUE;

    case DELETE_REPLY:
      return fu_store_delete_reply (store, self->id, error);

    case SET_RULES:
      return fu_store_set_rules (store, &self->rules, error);

    case SET_OFFICE_NAME:
      return fu_store_set_office_name (store, self->text, error);

    case SET_EARLIER_YEAR:
      return fu_store_set_earlier_year (store, &self->earlier_year, error);

    case LOAD_SAMPLE:
      return fu_sample_load (store, error);

    case REVERT:
      return fu_store_audit_revert (store, self->undoes, error);

    case RESTORE:
      return fu_store_restore_from (store, self->backup, error);

    case SET_NO_CONTACT:
      return fu_store_set_no_contact (store, self->id, self->date, self->text, error);

    case ANONYMIZE:
      for (guint i = 0; i < n_ids; i++)
        if (!fu_store_anonymize_participant (store, ids[i], self->replace, error))
          return FALSE;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* How many follow-ups of @record the entry touched (marks count their rows). */
static guint
count_rows (GArray       *rows,
            FuRecordKind  record)
{
  guint n = 0;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const FuAuditRow *row = &g_array_index (rows, FuAuditRow, i);

      if (row->record == record)
        n += (guint) (MAX (row->row_last, row->row_id) - row->row_id + 1);
    }
  return n;
}

static char *
import_sentence (FuCommand *self)
{
  const FuImportResult *result = self->import_result;
  g_autofree char *base = g_path_get_basename (self->text);
  g_autoptr(GString) parts = g_string_new (NULL);

  if (result == NULL)
    return g_strdup_printf (_("Imported %s"), base);

#define PART(count, singular, plural) \
  if ((count) > 0) \
    { \
      if (parts->len > 0) \
        g_string_append (parts, ", "); \
      g_string_append_printf (parts, ngettext (singular, plural, count), count); \
    }
  PART (result->workshops_added, "%u workshop", "%u workshops");
  PART (result->participants_added, "%u participant", "%u participants");
  PART (result->attendances_added, "%u attendance", "%u attendances");
  PART (result->replies_added, "%u reply", "%u replies");
  PART (result->replies_replaced, "%u reply replaced", "%u replies replaced");
  PART (result->administrations_added, "%u administration", "%u administrations");
#undef PART

  /* TRANSLATORS: a file's name, then what it added, e.g. "20 participants, 20 attendances" */
  return g_strdup_printf (_("Imported %s: %s"), base, parts->str);
}

static char *
describe (FuCommand *self,
          GArray    *rows)
{
  g_autofree char *date = self->date != FU_DAY_NONE ? fu_day_format_display (self->date) : NULL;
  const char *subject = self->subject != NULL ? self->subject : "?";
  const char *object = self->object != NULL ? self->object : "?";
  guint n;

  switch (self->kind)
    {
    case ADD_WORKSHOP:
      return g_strdup_printf (_("Added workshop %s"), self->workshop->code);

    case EDIT_WORKSHOP:
      return g_strdup_printf (_("Edited workshop %s"), self->workshop->code);

    case DELETE_WORKSHOP:
      n = count_rows (rows, FU_RECORD_ATTENDANCE);
      return g_strdup_printf (ngettext ("Deleted workshop %s with %u participant",
                                        "Deleted workshop %s with %u participants", n),
                              subject, n);

    case ADD_PARTICIPANT:
      if (self->id > 0)
        /* TRANSLATORS: a person's name and a workshop's code */
        return g_strdup_printf (_("Added %s to %s"), self->participant->name, object);
      return g_strdup_printf (_("Added participant %s"), self->participant->name);

    case EDIT_PARTICIPANT:
      return g_strdup_printf (_("Edited the details of %s"), self->participant->name);

    case DELETE_PARTICIPANT:
      return g_strdup_printf (_("Deleted participant %s"), subject);

    case ADD_ATTENDANCE:
      return g_strdup_printf (_("Added %s to %s"), subject, object);

    case DELETE_ATTENDANCE:
      /* TRANSLATORS: a person's name and a workshop's code */
      return g_strdup_printf (_("Removed %s from %s"), subject, object);

    case MERGE_PARTICIPANTS:
      if (g_strcmp0 (subject, object) == 0)
        return g_strdup_printf (_("Merged the two records of %s"), object);
      /* TRANSLATORS: two records of one person: the one removed, then the one kept */
      return g_strdup_printf (_("Merged %s into %s"), subject, object);

    case ADD_ADMINISTRATION:
      return g_strdup_printf (_("Added administration %s"), self->administration->name);

    case MERGE_ADMINISTRATIONS:
      /* TRANSLATORS: two administrations: the one removed, then the one kept */
      return g_strdup_printf (_("Merged administration %s into %s"), subject, object);

    case SET_ALIAS:
      if (self->id == 0)
        /* TRANSLATORS: another name of an administration, then the administration */
        return g_strdup_printf (_("Forgot that “%s” means %s"), self->text,
                                object != NULL ? object : "?");
      /* TRANSLATORS: another name of an administration, then the administration */
      return g_strdup_printf (_("Recorded that “%s” means %s"), self->text, object);

    case EDIT_ADMINISTRATION:
      return g_strdup_printf (_("Edited administration %s"), self->administration->name);

    case DELETE_ADMINISTRATION:
      return g_strdup_printf (_("Deleted administration %s"), subject);

    case IMPORT:
      return import_sentence (self);

    case MARK_SENT:
      n = count_rows (rows, FU_RECORD_FOLLOWUP);
      /* TRANSLATORS: a count, a workshop's code and a date */
      return g_strdup_printf (ngettext ("Marked %u questionnaire of %s as sent on %s",
                                        "Marked %u questionnaires of %s as sent on %s", n),
                              n, subject, date);

    case MARK_REMINDED:
      n = count_rows (rows, FU_RECORD_REMINDER);
      return g_strdup_printf (ngettext ("Recorded a reminder to %u participant of %s on %s",
                                        "Recorded a reminder to %u participants of %s on %s",
                                        n),
                              n, subject, date);

    case MARK_FOLLOWUPS_SENT:
      n = count_rows (rows, FU_RECORD_FOLLOWUP);
      return g_strdup_printf (ngettext ("Marked %u questionnaire as sent on %s",
                                        "Marked %u questionnaires as sent on %s", n),
                              n, date);

    case MARK_FOLLOWUPS_REMINDED:
      n = count_rows (rows, FU_RECORD_REMINDER);
      return g_strdup_printf (ngettext ("Recorded a reminder to %u participant on %s",
                                        "Recorded a reminder to %u participants on %s", n),
                              n, date);

    case CLOSE_FOLLOWUPS:
      n = count_rows (rows, FU_RECORD_FOLLOWUP);
      return g_strdup_printf (ngettext ("Closed %u follow-up on %s",
                                        "Closed %u follow-ups on %s", n),
                              n, date);

    case REOPEN_FOLLOWUPS:
      n = count_rows (rows, FU_RECORD_FOLLOWUP);
      return g_strdup_printf (ngettext ("Reopened %u follow-up", "Reopened %u follow-ups", n),
                              n);

    case SAVE_REPLY:
      /* TRANSLATORS: a person's name and a workshop's code */
      if (self->replace)
        return g_strdup_printf (_("Changed the reply of %s to %s"), subject, object);
      return g_strdup_printf (_("Recorded the reply of %s to %s"), subject, object);

    case DELETE_REPLY:
      return g_strdup_printf (_("Deleted the reply of %s to %s"), subject, object);

    case SET_RULES:
      return g_strdup (_("Changed the follow-up schedule"));

    case SET_OFFICE_NAME:
      return g_strdup_printf (_("Changed the office's name to %s"), self->text);

    case SET_EARLIER_YEAR:
      /* TRANSLATORS: %s is a fiscal year, "FY2014/15" */
      if (self->earlier_year.participants == 0 && self->earlier_year.rate_tenths == 0)
        return g_strdup_printf (_("Removed the entered totals of %s"), self->text);
      /* TRANSLATORS: %s is a fiscal year, "FY2014/15" */
      return g_strdup_printf (_("Entered the totals of %s"), self->text);

    case LOAD_SAMPLE:
      return g_strdup (_("Loaded the FY2016/17 sample data"));

    case SET_NO_CONTACT:
      /* TRANSLATORS: %s is a person's name */
      if (self->date == FU_DAY_NONE)
        return g_strdup_printf (_("%s may be contacted again"), subject);
      return g_strdup_printf (_("Marked %s as do not contact"), subject);

    case ANONYMIZE:
      /* Names no one: the erased values stay out of the history. */
      return g_strdup_printf (ngettext ("Anonymized %u participant", "Anonymized %u participants",
                                        self->ids->len),
                              self->ids->len);

    case RESTORE:
      {
        g_autofree char *base = g_path_get_basename (self->text);

        /* TRANSLATORS: %s is a backup's file name */
        return g_strdup_printf (_("Restored the backup %s"), base);
      }

    case REVERT:
      if (g_str_equal (self->kind_name, "redo"))
        /* TRANSLATORS: the sentence of the change done again */
        return g_strdup_printf (_("Redid: %s"), subject);
      /* TRANSLATORS: the sentence of the change taken back */
      return g_strdup_printf (_("Undid: %s"), subject);

    default:
      g_assert_not_reached ();
    }
}

/* A backup before every import and restore, and before the first change of the day; no
 * room for it is no room for the change. An import's is made in a thread, on a connection of
 * its own, while the import reads and checks its file: the import waits for it before it
 * commits, and commits nothing when the backup failed. */
typedef struct {
  GThread  *thread;
  FuStore  *reader;
  gboolean  ok;
  GError   *error;
} Backup;

static gpointer
backup_thread (gpointer data)
{
  Backup *backup = data;

  backup->ok = fu_backups_make (backup->reader, NULL, &backup->error);
  /* The connection closes in the thread that used it. */
  g_clear_object (&backup->reader);
  return NULL;
}

/* @local_error (a backup's) as the command's error: no room for the backup is no room for
 * the change. */
static gboolean
backup_failed (FuCommand *self,
               FuStore   *store,
               GError    *local_error,
               GError   **error)
{
  g_autofree char *base = NULL;

  if (!g_error_matches (local_error, FU_STORE_ERROR, FU_STORE_ERROR_DISK_FULL))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_error_free (local_error);
  base = g_path_get_basename (fu_store_get_path (store));
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_DISK_FULL,
               self->kind == IMPORT
               ? _("The disk holding %s is full: nothing was imported. Free some space and try "
                   "again.")
               : _("The disk holding %s is full: nothing was saved. Free some space and try "
                   "again."),
               base);
  return FALSE;
}

static gboolean
backup_start (FuCommand *self,
              FuStore   *store,
              Backup    *backup,
              GError   **error)
{
  GError *local_error = NULL;

  /* A database that cannot be changed (damaged, as its check may only now say) is not
   * backed up: the change's own start says why it is refused. */
  if (fu_store_settle_access (store) != FU_STORE_ACCESS_READ_WRITE
      || !fu_backups_wanted (store, self->kind == IMPORT || self->kind == RESTORE))
    return TRUE;
  if (self->kind == IMPORT)
    {
      backup->reader = fu_store_open_reader (store, NULL);
      if (backup->reader != NULL)
        {
          backup->thread = g_thread_new ("fu-backup", backup_thread, backup);
          return TRUE;
        }
    }
  if (fu_backups_make (store, NULL, &local_error))
    return TRUE;
  return backup_failed (self, store, local_error, error);
}

/* Waits for a backup in a thread: FALSE with the command's error when it failed. */
static gboolean
backup_finish (FuCommand *self,
               FuStore   *store,
               Backup    *backup,
               GError   **error)
{
  if (backup->thread == NULL)
    return TRUE;
  g_thread_join (g_steal_pointer (&backup->thread));
  if (backup->ok)
    return TRUE;
  if (error == NULL || *error != NULL)
    {
      g_clear_error (&backup->error);
      return FALSE;
    }
  return backup_failed (self, store, g_steal_pointer (&backup->error), error);
}

/* The record an edit is about, for its version: FALSE for other commands. */
static gboolean
edited_record (FuCommand    *self,
               FuRecordKind *record,
               gint64       *row_id)
{
  switch (self->kind)
    {
    case EDIT_WORKSHOP:
      *record = FU_RECORD_WORKSHOP;
      *row_id = self->workshop->id;
      return TRUE;
    case EDIT_PARTICIPANT:
      *record = FU_RECORD_PARTICIPANT;
      *row_id = self->participant->id;
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
check_based_on (FuCommand *self,
                FuStore   *store,
                GError   **error)
{
  g_autoptr(FuAuditEntry) entry = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;
  FuRecordKind record;
  gint64 row_id;
  gint64 current;

  if (!self->check_version || !edited_record (self, &record, &row_id))
    return TRUE;
  current = fu_store_row_version (store, record, row_id, error);
  if (current < 0)
    return FALSE;
  if (current == self->based_on)
    return TRUE;

  entry = fu_store_get_audit_entry (store, current, error);
  if (entry == NULL)
    return FALSE;
  at = g_date_time_new_from_unix_local (entry->at);
  now = g_date_time_new_now_local ();
  if (g_date_time_get_year (at) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (at) == g_date_time_get_day_of_year (now))
    {
      g_autofree char *time = g_date_time_format (at, "%H:%M");

      when = record == FU_RECORD_WORKSHOP
             /* TRANSLATORS: who changed a workshop one is editing, and the time today */
             ? g_strdup_printf (_("%s changed this workshop at %s"), entry->author, time)
             /* TRANSLATORS: who changed a participant one is editing, and the time today */
             : g_strdup_printf (_("%s changed this participant at %s"), entry->author, time);
    }
  else
    {
      g_autofree char *day = fu_day_format_display (fu_day_new (
        (guint) g_date_time_get_year (at), (guint) g_date_time_get_month (at),
        (guint) g_date_time_get_day_of_month (at)));
      g_autofree char *time = g_date_time_format (at, "%H:%M");

      when = record == FU_RECORD_WORKSHOP
             /* TRANSLATORS: who changed a workshop one is editing, the day and the time */
             ? g_strdup_printf (_("%s changed this workshop on %s at %s"), entry->author, day,
                                time)
             /* TRANSLATORS: who changed a participant one is editing, the day and the time */
             : g_strdup_printf (_("%s changed this participant on %s at %s"), entry->author,
                                day, time);
    }
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT,
               _("%s since you opened it (“%s”)."), when, entry->sentence);
  return FALSE;
}

void
fu_command_set_based_on (FuCommand *self,
                         gint64     version)
{
  g_return_if_fail (FU_IS_COMMAND (self));

  /* A version not read (an error: -1) checks nothing rather than refuse every edit. */
  self->based_on = version;
  self->check_version = version >= 0;
}

void
fu_command_set_cancellable (FuCommand    *self,
                            GCancellable *cancellable)
{
  g_return_if_fail (FU_IS_COMMAND (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->cancellable, cancellable);
}

static gboolean apply_backed_up (FuCommand *self, FuStore *store, Backup *backup,
                                 GError **error);

gboolean
fu_command_apply (FuCommand *self,
                  FuStore   *store,
                  GError   **error)
{
  Backup backup = { NULL };
  gboolean ok;

  g_return_val_if_fail (FU_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A backup before every import and restore, and before the first change of the day. */
  ok = prepare (self, store, error)
       && !g_cancellable_set_error_if_cancelled (self->cancellable, error);
  /* An import writes the file in place when nothing else has it open: once its check has
   * ended, before its backup opens a connection. */
  if (ok && self->kind == IMPORT
      && fu_store_settle_access (store) == FU_STORE_ACCESS_READ_WRITE)
    fu_store_set_bulk (store, TRUE);
  ok = ok && backup_start (self, store, &backup, error)
       && apply_backed_up (self, store, &backup, error);
  end_import (self);
  /* A change that failed before it waited for its backup still lets it end. */
  if (backup.thread != NULL)
    g_thread_join (g_steal_pointer (&backup.thread));
  g_clear_error (&backup.error);
  fu_store_set_bulk (store, FALSE);
  return ok;
}

gboolean
fu_command_apply_at (FuCommand   *self,
                     const char  *location,
                     GError     **error)
{
  g_autoptr(FuStore) store = NULL;

  g_return_val_if_fail (FU_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  store = fu_store_open (location, error);
  return store != NULL && fu_command_apply (self, store, error);
}

static gboolean
apply_backed_up (FuCommand *self,
                 FuStore   *store,
                 Backup    *backup,
                 GError   **error)
{
  g_autoptr(GArray) rows = NULL;
  gint64 entry_id;
  guint n_changes = 0;
  gboolean ok;

  if (!fu_store_begin (store, error))
    return FALSE;
  /* Someone changed the record since it was read: say who and when, write nothing. */
  if (!check_based_on (self, store, error))
    {
      fu_store_rollback (store);
      return FALSE;
    }

  entry_id = fu_store_audit_begin (store, self->kind_name, self->undoes, error);
  ok = entry_id != 0 && run (self, store, error)
       && fu_store_audit_end (store, entry_id, NULL, NULL, &n_changes, error);
  if (ok)
    {
      rows = fu_store_list_audit_rows (store, entry_id, entry_id, error);
      ok = rows != NULL;
    }
  if (ok)
    {
      g_free (self->sentence);
      self->sentence = describe (self, rows);
      ok = fu_store_audit_set_sentence (store, entry_id, self->sentence, NULL, error);
    }

  /* Nothing is committed before the backup of what was there is made. */
  if (ok)
    ok = backup_finish (self, store, backup, error);
  /* Cancelled meanwhile: what was written goes back. */
  if (ok)
    ok = !g_cancellable_set_error_if_cancelled (self->cancellable, error);

  if (ok && n_changes == 0)
    {
      /* Nothing changed: no entry to undo. */
      fu_store_rollback (store);
      entry_id = 0;
    }
  else if (!ok || !fu_store_commit (store, error))
    {
      fu_store_rollback (store);
      return FALSE;
    }

  self->applied = TRUE;
  self->entry_id = entry_id;
  self->changes = fu_change_set_new ();
  if (entry_id != 0)
    fu_change_set_add_rows (self->changes, rows);
  if (self->kind == MARK_FOLLOWUPS_SENT || self->kind == CLOSE_FOLLOWUPS
      || self->kind == REOPEN_FOLLOWUPS)
    self->n_changed = count_rows (rows, FU_RECORD_FOLLOWUP);
  else if (self->kind == MARK_FOLLOWUPS_REMINDED)
    self->n_changed = count_rows (rows, FU_RECORD_REMINDER);
  return TRUE;
}

const char *
fu_command_get_kind (FuCommand *self)
{
  g_return_val_if_fail (FU_IS_COMMAND (self), NULL);

  return self->kind_name;
}

const char *
fu_command_get_sentence (FuCommand *self)
{
  g_return_val_if_fail (FU_IS_COMMAND (self), NULL);

  return self->sentence;
}

gint64
fu_command_get_entry_id (FuCommand *self)
{
  g_return_val_if_fail (FU_IS_COMMAND (self), 0);

  return self->entry_id;
}

FuChangeSet *
fu_command_get_changes (FuCommand *self)
{
  g_return_val_if_fail (FU_IS_COMMAND (self), NULL);

  return self->changes;
}

gint64
fu_command_get_new_id (FuCommand *self)
{
  g_return_val_if_fail (FU_IS_COMMAND (self), 0);

  return self->new_id;
}

guint
fu_command_get_n_changed (FuCommand *self)
{
  g_return_val_if_fail (FU_IS_COMMAND (self), 0);

  return self->n_changed;
}

FuImportResult *
fu_command_get_import_result (FuCommand *self)
{
  g_return_val_if_fail (FU_IS_COMMAND (self), NULL);

  return self->import_result;
}

FuImportResult *
fu_command_steal_import_result (FuCommand *self)
{
  g_return_val_if_fail (FU_IS_COMMAND (self), NULL);

  return g_steal_pointer (&self->import_result);
}

char *
fu_audit_entry_describe (const FuAuditEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return g_strdup (entry->sentence);
}

char *
fu_audit_entry_format_byline (const FuAuditEntry *entry)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  utc = g_date_time_new_from_unix_utc (entry->at);
  local = g_date_time_to_local (utc);
  day = fu_day_format_display (fu_day_new ((guint) g_date_time_get_year (local),
                                           (guint) g_date_time_get_month (local),
                                           (guint) g_date_time_get_day_of_month (local)));
  time = g_date_time_format (local, "%H:%M");
  /* TRANSLATORS: who made a change, the day and the time */
  return g_strdup_printf (_("%s · %s, %s"), entry->author, day, time);
}

static const struct {
  FuRecordKind  record;
  const char   *label;
} record_labels[] = {
  { FU_RECORD_ADMINISTRATION, N_("Administration") },
  { FU_RECORD_WORKSHOP, N_("Workshop") },
  { FU_RECORD_PARTICIPANT, N_("Participant") },
  { FU_RECORD_ATTENDANCE, N_("Attendance") },
  { FU_RECORD_FOLLOWUP, N_("Follow-up") },
  { FU_RECORD_REMINDER, N_("Reminder") },
  { FU_RECORD_REPLY, N_("Questionnaire reply") },
  { FU_RECORD_SETTINGS, N_("Team setting") },
};

char *
fu_audit_change_describe_record (const FuAuditChange *change)
{
  const char *label = "?";

  g_return_val_if_fail (change != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (record_labels); i++)
    if (record_labels[i].record == change->record)
      label = _(record_labels[i].label);

  if (change->op == FU_CHANGE_INSERT && change->row_last > change->row_id)
    {
      guint n = (guint) (change->row_last - change->row_id + 1);

      /* TRANSLATORS: a kind of record and how many were added: "Participant, 100 records" */
      return g_strdup_printf (ngettext ("%s, %u record", "%s, %u records", n), label, n);
    }
  if (change->label == NULL)
    return g_strdup (label);
  /* TRANSLATORS: a kind of record and its code or name: "Workshop 2016-NII" */
  return g_strdup_printf (_("%s %s"), label, change->label);
}

/* The columns people read, in their words; others show their own name. */
static const struct {
  const char *column;
  const char *label;
} field_labels[] = {
  { "code", N_("Code") },
  { "title", N_("Title") },
  { "kind", N_("Kind") },
  { "start_date", N_("Start") },
  { "end_date", N_("End") },
  { "venue", N_("Venue") },
  { "host_administration_id", N_("Host") },
  { "co_organizer", N_("Co-organizer") },
  { "surveyed", N_("Surveyed") },
  { "notes", N_("Notes") },
  { "planned_override", N_("Sending date") },
  { "deadline_override", N_("Reply deadline") },
  { "name", N_("Name") },
  { "short_name", N_("Short name") },
  { "administration_id", N_("Administration") },
  { "email", N_("E-mail") },
  { "position", N_("Position") },
  { "gender", N_("Gender") },
  { "sent_date", N_("Sent") },
  { "deadline", N_("Deadline") },
  { "closed_date", N_("Closed") },
  { "closed_reason", N_("Reason") },
  { "received_date", N_("Received") },
  { "answered_by", N_("Answered by") },
  { "value", N_("Value") },
};

char *
fu_audit_field_describe (const FuAuditField *field)
{
  const char *label = field->name;

  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (field_labels[i].column, field->name) == 0)
      label = _(field_labels[i].label);

  if (field->old_value == NULL)
    /* TRANSLATORS: a field and the value it was given */
    return g_strdup_printf (_("%s: “%s”"), label, field->new_value);
  if (field->new_value == NULL)
    /* TRANSLATORS: a field and the value it lost */
    return g_strdup_printf (_("%s: “%s” removed"), label, field->old_value);
  /* TRANSLATORS: a field, its old value and its new one */
  return g_strdup_printf (_("%s: “%s” → “%s”"), label, field->old_value, field->new_value);
}
