/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-records.c: making, copying and freeing the store's records. */

#define G_LOG_DOMAIN "fu-records"

#include "config.h"

#include <string.h>

#include "fu-records.h"

FuAdministration *
fu_administration_new (void)
{
  return g_new0 (FuAdministration, 1);
}

void
fu_administration_free (FuAdministration *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->short_name);
  g_free (self->country);
  g_free (self);
}

FuWorkshop *
fu_workshop_new (void)
{
  FuWorkshop *self = g_new0 (FuWorkshop, 1);

  self->kind = FU_WORKSHOP_KIND_REGIONAL;
  self->surveyed = TRUE;
  return self;
}

FuWorkshop *
fu_workshop_copy (const FuWorkshop *self)
{
  FuWorkshop *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->code = g_strdup (self->code);
  copy->title = g_strdup (self->title);
  copy->venue = g_strdup (self->venue);
  copy->co_organizer = g_strdup (self->co_organizer);
  copy->notes = g_strdup (self->notes);
  return copy;
}

void
fu_workshop_free (FuWorkshop *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->title);
  g_free (self->venue);
  g_free (self->co_organizer);
  g_free (self->notes);
  g_free (self);
}

FuParticipant *
fu_participant_new (void)
{
  return g_new0 (FuParticipant, 1);
}

void
fu_participant_free (FuParticipant *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->email);
  g_free (self->position);
  g_free (self->gender);
  g_free (self);
}

static void
reply_init (FuReply *self)
{
  memset (self, 0, sizeof *self);
  self->colleagues_shared = -1;
  self->colleagues_learned = -1;
  self->direct_effects = FU_ANSWER_UNANSWERED;
  self->contributed = FU_ANSWER_UNANSWERED;
  self->project_initiated = FU_ANSWER_UNANSWERED;
}

static void
reply_clear (FuReply *self)
{
  g_clear_pointer (&self->answered_by, g_free);
  g_clear_pointer (&self->other_action_text, g_free);
  g_clear_pointer (&self->lessons_use, g_free);
  g_clear_pointer (&self->direct_effects_text, g_free);
  g_clear_pointer (&self->contributed_text, g_free);
  g_clear_pointer (&self->project_text, g_free);
}

FuReply *
fu_reply_new (void)
{
  FuReply *self = g_new (FuReply, 1);

  reply_init (self);
  return self;
}

FuReply *
fu_reply_copy (const FuReply *self)
{
  FuReply *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->answered_by = g_strdup (self->answered_by);
  copy->other_action_text = g_strdup (self->other_action_text);
  copy->lessons_use = g_strdup (self->lessons_use);
  copy->direct_effects_text = g_strdup (self->direct_effects_text);
  copy->contributed_text = g_strdup (self->contributed_text);
  copy->project_text = g_strdup (self->project_text);
  return copy;
}

void
fu_reply_free (FuReply *self)
{
  if (self == NULL)
    return;
  reply_clear (self);
  g_free (self);
}

/* Copies @text (may be NULL) to *@end, moving it on. */
static char *
pack_string (const char  *text,
             char       **end)
{
  char *copy;
  size_t size;

  if (text == NULL)
    return NULL;
  size = strlen (text) + 1;
  copy = memcpy (*end, text, size);
  *end += size;
  return copy;
}

FuFollowupRow *
fu_followup_row_new_packed (const char *workshop_code,
                            const char *workshop_title,
                            const char *participant_name,
                            const char *email,
                            const char *administration)
{
  const char *texts[] = { workshop_code, workshop_title, participant_name, email,
                          administration };
  size_t size = sizeof (FuFollowupRow);
  FuFollowupRow *row;
  char *end;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      size += strlen (texts[i]) + 1;
  row = g_malloc0 (size);
  end = (char *) (row + 1);
  row->workshop_code = pack_string (workshop_code, &end);
  row->workshop_title = pack_string (workshop_title, &end);
  row->participant_name = pack_string (participant_name, &end);
  row->email = pack_string (email, &end);
  row->administration = pack_string (administration, &end);
  row->packed = TRUE;
  return row;
}

void
fu_followup_row_free (FuFollowupRow *self)
{
  if (self == NULL)
    return;
  if (self->packed)
    {
      g_free (self);
      return;
    }
  g_free (self->workshop_code);
  g_free (self->workshop_title);
  g_free (self->participant_name);
  g_free (self->email);
  g_free (self->administration);
  g_free (self);
}

void
fu_summary_row_free (FuSummaryRow *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->title);
  g_free (self);
}

void
fu_reply_row_free (FuReplyRow *self)
{
  if (self == NULL)
    return;
  reply_clear (&self->reply);
  g_free (self->workshop_code);
  g_free (self->participant_name);
  g_free (self->email);
  g_free (self->administration);
  g_free (self);
}

void
fu_inhouse_row_free (FuInhouseRow *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self);
}

void
fu_participant_overview_free (FuParticipantOverview *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->administration);
  g_free (self->email);
  g_free (self->position);
  g_free (self);
}

void
fu_attendance_row_free (FuAttendanceRow *self)
{
  if (self == NULL)
    return;
  g_free (self->workshop_code);
  g_free (self->workshop_title);
  g_free (self->participant_name);
  g_free (self->administration);
  g_free (self->email);
  g_free (self->position);
  g_free (self);
}

void
fu_attendee_row_free (FuAttendeeRow *self)
{
  if (self == NULL)
    return;
  g_free (self->workshop_code);
  g_free (self->name);
  g_free (self->administration);
  g_free (self->email);
  g_free (self->position);
  g_free (self->gender);
  g_free (self);
}

void
fu_administration_rate_free (FuAdministrationRate *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->short_name);
  g_free (self);
}

void
fu_audit_entry_free (FuAuditEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->author);
  g_free (self->kind);
  g_free (self->args);
  g_free (self->sentence);
  g_free (self);
}

void
fu_audit_change_free (FuAuditChange *self)
{
  if (self == NULL)
    return;
  g_free (self->old_values);
  g_free (self->new_values);
  g_free (self->label);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self);
}

void
fu_audit_field_free (FuAuditField *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self);
}

static const char * const record_kind_names[FU_N_RECORDS] = {
  "administration", "workshop", "participant", "attendance", "followup", "reminder", "reply",
  "settings",
};

const char *
fu_record_kind_to_string (FuRecordKind kind)
{
  if ((guint) kind >= FU_N_RECORDS)
    return NULL;
  return record_kind_names[kind];
}

gboolean
fu_record_kind_from_string (const char   *text,
                            FuRecordKind *kind)
{
  for (guint i = 0; i < FU_N_RECORDS; i++)
    if (g_strcmp0 (text, record_kind_names[i]) == 0)
      {
        *kind = (FuRecordKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
fu_followup_row_equal (gconstpointer a,
                       gconstpointer b)
{
  const FuFollowupRow *x = a;
  const FuFollowupRow *y = b;

  if (x == y)
    return TRUE;
  return x->followup_id == y->followup_id
         && x->attendance_id == y->attendance_id
         && x->workshop_id == y->workshop_id
         && x->participant_id == y->participant_id
         && x->administration_id == y->administration_id
         && x->workshop_start == y->workshop_start
         && x->workshop_end == y->workshop_end
         && memcmp (&x->dates, &y->dates, sizeof x->dates) == 0
         && x->n_reminders == y->n_reminders
         && x->status == y->status
         && x->days_overdue == y->days_overdue
         && g_strcmp0 (x->workshop_code, y->workshop_code) == 0
         && g_strcmp0 (x->workshop_title, y->workshop_title) == 0
         && g_strcmp0 (x->participant_name, y->participant_name) == 0
         && g_strcmp0 (x->email, y->email) == 0
         && g_strcmp0 (x->administration, y->administration) == 0;
}

gboolean
fu_participant_overview_equal (gconstpointer a,
                               gconstpointer b)
{
  const FuParticipantOverview *x = a;
  const FuParticipantOverview *y = b;

  return x->participant_id == y->participant_id
         && x->administration_id == y->administration_id
         && x->n_attendances == y->n_attendances
         && x->n_replies == y->n_replies
         && g_strcmp0 (x->name, y->name) == 0
         && g_strcmp0 (x->administration, y->administration) == 0
         && g_strcmp0 (x->email, y->email) == 0
         && g_strcmp0 (x->position, y->position) == 0;
}

FuParticipant *
fu_participant_copy (const FuParticipant *self)
{
  FuParticipant *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = fu_participant_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->administration_id = self->administration_id;
  copy->email = g_strdup (self->email);
  copy->position = g_strdup (self->position);
  copy->gender = g_strdup (self->gender);
  return copy;
}

FuAdministration *
fu_administration_copy (const FuAdministration *self)
{
  FuAdministration *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = fu_administration_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->short_name = g_strdup (self->short_name);
  copy->country = g_strdup (self->country);
  copy->member = self->member;
  copy->observer = self->observer;
  return copy;
}

gboolean
fu_text_is_clean (const char *text,
                  gboolean    multiline)
{
  if (text == NULL)
    return TRUE;
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    if ((*p < 0x20 || *p == 0x7f)
        && !(multiline && (*p == '\n' || *p == '\r' || *p == '\t')))
      return FALSE;
  return TRUE;
}

guint64
fu_trend_point_rate_tenths (const FuTrendPoint *point)
{
  g_return_val_if_fail (point != NULL, 0);

  if (point->participants > 0)
    return fu_rate_tenths (point->replies, point->participants);
  return point->rate_tenths;
}

void
fu_alias_free (FuAlias *alias)
{
  if (alias == NULL)
    return;
  g_free (alias->alias);
  g_free (alias);
}

guint
fu_text_ascii_case_hash (const char *text,
                         guint       hash)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    hash = hash * 33 + g_ascii_tolower (*p);
  return hash;
}

guint
fu_text_ascii_case_str_hash (gconstpointer text)
{
  return fu_text_ascii_case_hash (text, 5381);
}

gboolean
fu_text_ascii_case_str_equal (gconstpointer a,
                              gconstpointer b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}

/* Optimal string alignment distance (Levenshtein with swapped neighbours) on characters. */
guint
fu_text_edit_distance (const char *a_text,
                       const char *b_text)
{
  glong a_len = 0;
  glong b_len = 0;
  g_autofree gunichar *a = g_utf8_to_ucs4_fast (a_text, -1, &a_len);
  g_autofree gunichar *b = g_utf8_to_ucs4_fast (b_text, -1, &b_len);
  g_autofree guint *rows = g_new0 (guint, 3 * (b_len + 1));
  guint *two_back = rows;
  guint *previous = rows + (b_len + 1);
  guint *current = rows + 2 * (b_len + 1);

  for (glong j = 0; j <= b_len; j++)
    previous[j] = (guint) j;

  for (glong i = 1; i <= a_len; i++)
    {
      guint *swap;

      current[0] = (guint) i;
      for (glong j = 1; j <= b_len; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (previous[j] + 1, current[j - 1] + 1);

          best = MIN (best, previous[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, two_back[j - 2] + 1);
          current[j] = best;
        }

      swap = two_back;
      two_back = previous;
      previous = current;
      current = swap;
    }

  return previous[b_len];
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "tran van a": without accents, case, titles of address or the order of the words. */
static char *
name_key (const char *name)
{
  static const char * const titles[] = { "mr", "mrs", "ms", "miss", "dr", "prof", NULL };
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  g_strcanon (lower, "abcdefghijklmnopqrstuvwxyz0123456789", ' ');
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !g_strv_contains (titles, words[i]))
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_sort (kept, compare_words);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" ", (char **) kept->pdata);
}

gboolean
fu_names_alike (const char *a,
                const char *b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  gsize shorter;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  key_a = name_key (a);
  key_b = name_key (b);
  if (*key_a == '\0' || *key_b == '\0')
    return FALSE;
  if (g_str_equal (key_a, key_b))
    return TRUE;
  /* A typing slip: one letter in a name of eight or more, two in one of twelve or more;
   * short names differ by a letter between people ("Li Na", "Li Ma"). */
  shorter = MIN (strlen (key_a), strlen (key_b));
  if (shorter < 8)
    return FALSE;
  return fu_text_edit_distance (key_a, key_b) <= (shorter >= 12 ? 2u : 1u);
}
