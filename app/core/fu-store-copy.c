/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-copy.c: a whole database copied into another, whatever their backends: a file to
 * a team database and back, or a team database's backup into a file. Every table, the
 * history included, row by row with the same ids, read from one consistent snapshot and
 * written in one transaction. */

#define G_LOG_DOMAIN "fu-store"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-error.h"
#include "fu-store-backend.h"

const char * const fu_administration_columns[] = {
  "id", "name", "short_name", "country", "member", "observer", NULL
};
const char * const fu_workshop_columns[] = {
  "id", "code", "title", "kind", "start_date", "end_date", "venue", "host_administration_id",
  "co_organizer", "surveyed", "notes", "planned_override", "deadline_override", NULL
};
const char * const fu_participant_columns[] = {
  "id", "name", "administration_id", "email", "position", "gender", "no_contact_date",
  "no_contact_reason", NULL
};
const char * const fu_attendance_columns[] = {
  "id", "workshop_id", "participant_id", NULL
};
const char * const fu_followup_columns[] = {
  "id", "attendance_id", "sent_date", "deadline", "closed_date", "closed_reason", NULL
};
const char * const fu_reminder_columns[] = {
  "id", "followup_id", "sent_date", NULL
};
const char * const fu_reply_columns[] = {
  "id", "followup_id", "received_date", "answered_by", "shared_materials", "submitted_report",
  "made_recommendations", "inhouse_workshop", "developed_manuals", "other_action",
  "colleagues_shared", "other_action_text", "colleagues_learned", "lessons_use",
  "direct_effects", "direct_effects_text", "contributed", "contributed_text",
  "project_initiated", "project_text", NULL
};
/* SQLite names a setting's row by its rowid, which the history's changes refer to. */
static const char * const settings_columns[] = {
  "id", "key", "value", NULL
};
static const char * const audit_entry_columns[] = {
  "id", "at", "author", "kind", "args", "sentence", "undoes", "undone_by", "n_changes", NULL
};
static const char * const audit_change_columns[] = {
  "id", "entry_id", "tbl", "row_id", "op", "row_last", "old", "new", NULL
};
static const char * const audit_subject_columns[] = {
  "kind", "subject_id", "entry_id", NULL
};

/* Parents first. */
const FuStoreTable fu_store_tables[] = {
  { "administration", fu_administration_columns },
  { "workshop", fu_workshop_columns },
  { "participant", fu_participant_columns },
  { "attendance", fu_attendance_columns },
  { "followup", fu_followup_columns },
  { "reminder", fu_reminder_columns },
  { "reply", fu_reply_columns },
  { "settings", settings_columns },
  { "audit_entry", audit_entry_columns },
  { "audit_change", audit_change_columns },
  { "audit_subject", audit_subject_columns },
  { NULL, NULL }
};

gboolean
fu_store_keep_row (const char * const *values,
                   guint               n_values,
                   gpointer            user_data)
{
  GPtrArray *rows = user_data;

  for (guint i = 0; i < n_values; i++)
    g_ptr_array_add (rows, g_strdup (values[i]));
  return TRUE;
}

static gboolean
copy_tables (FuStore           *from,
             FuStore           *to,
             FuStoreCopyFunc    progress,
             gpointer           user_data,
             GError           **error)
{
  for (guint t = 0; fu_store_tables[t].name != NULL; t++)
    {
      const FuStoreTable *table = &fu_store_tables[t];
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      if (progress != NULL)
        progress (table->name, user_data);
      if (!FU_STORE_GET_CLASS (from)->read_rows (from, table, fu_store_keep_row, values, error)
          || !FU_STORE_GET_CLASS (to)->write_rows (to, table, values, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
fu_store_copy (FuStore          *from,
               FuStore          *to,
               FuStoreCopyFunc   progress,
               gpointer          user_data,
               GError          **error)
{
  gint64 last_entry;
  gboolean ok;

  g_return_val_if_fail (FU_IS_STORE (from), FALSE);
  g_return_val_if_fail (FU_IS_STORE (to), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (FU_STORE_GET_CLASS (from)->read_rows == NULL || FU_STORE_GET_CLASS (to)->write_rows == NULL)
    {
      fu_store_set_cannot_error (FU_STORE_GET_CLASS (from)->read_rows == NULL ? from : to,
                                 "copy", error);
      return FALSE;
    }
  if (fu_store_get_version (from) != fu_store_get_version (to))
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_TOO_NEW,
                   _("'%s' and '%s' are at different schema versions (%u and %u): open each "
                     "with this version of Follow-Up first"),
                   fu_store_get_path (from), fu_store_get_path (to),
                   fu_store_get_version (from), fu_store_get_version (to));
      return FALSE;
    }
  /* Into a new database only: nothing of what it holds is lost. */
  last_entry = fu_store_audit_last_id (to, error);
  if (error != NULL && *error != NULL)
    return FALSE;
  if (!fu_store_is_empty (to) || last_entry != 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                   _("'%s' already holds workshops, participants or history: copy into a new, "
                     "empty database"),
                   fu_store_get_path (to));
      return FALSE;
    }

  /* What is read is one moment of the source, whatever colleagues do meanwhile. */
  if (FU_STORE_GET_CLASS (from)->snapshot != NULL
      && !FU_STORE_GET_CLASS (from)->snapshot (from, TRUE, error))
    return FALSE;
  ok = fu_store_begin (to, error);
  if (ok)
    {
      ok = copy_tables (from, to, progress, user_data, error);
      if (ok)
        ok = fu_store_commit (to, error);
      if (!ok)
        fu_store_rollback (to);
    }
  if (FU_STORE_GET_CLASS (from)->snapshot != NULL)
    FU_STORE_GET_CLASS (from)->snapshot (from, FALSE, NULL);
  return ok;
}
