/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store.c: the abstract store: opening through the backend that takes the location, what
 * every backend shares (its location, the author of its changes), and the functions that
 * call the backend's. */

#define G_LOG_DOMAIN "fu-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-store-backend.h"
#include "fu-store-backends.h"
#include "fu-store.h"

typedef struct
{
  char *location;
  char *author;
} FuStorePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (FuStore, fu_store, G_TYPE_OBJECT)

/* The backends, from app/core/meson.build: the first whose handles() takes a location
 * opens it. */
static const FuStoreBackend * const backends[] = {
  FU_STORE_BACKENDS
};

static void
fu_store_finalize (GObject *object)
{
  FuStorePrivate *priv = fu_store_get_instance_private (FU_STORE (object));

  g_clear_pointer (&priv->location, g_free);
  g_clear_pointer (&priv->author, g_free);

  G_OBJECT_CLASS (fu_store_parent_class)->finalize (object);
}

static guint access_changed_signal;
static guint connection_changed_signal;

static void
fu_store_class_init (FuStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fu_store_finalize;

  /* The database turned out damaged after the open (FU_STORE_OPEN_CHECK_LATER). */
  access_changed_signal = g_signal_new ("access-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  /* A database on a server lost its connection, or has it back (fu_store_is_connected). */
  connection_changed_signal = g_signal_new ("connection-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
}

void
fu_store_emit_connection_changed (FuStore *self)
{
  g_return_if_fail (FU_IS_STORE (self));

  g_signal_emit (self, connection_changed_signal, 0);
}

gboolean
fu_store_is_connected (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  if (FU_STORE_GET_CLASS (self)->is_connected == NULL)
    return TRUE;
  return FU_STORE_GET_CLASS (self)->is_connected (self);
}

void
fu_store_emit_access_changed (FuStore *self)
{
  g_return_if_fail (FU_IS_STORE (self));

  g_signal_emit (self, access_changed_signal, 0);
}

static void
fu_store_init (FuStore *self)
{
}

/* ---- Opening ------------------------------------------------------------------------------ */

char *
fu_store_default_path (void)
{
  const char *env = g_getenv ("FOLLOWUP_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "followup", "followup.db", NULL);
}

FuStore *
fu_store_open (const char *location,
               GError    **error)
{
  return fu_store_open_full (location, FU_STORE_OPEN_NONE, error);
}

FuStore *
fu_store_open_reader (FuStore  *self,
                      GError  **error)
{
  FuStore *reader;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = FU_STORE_GET_CLASS (self)->open_reader (self, error);
  if (reader != NULL)
    fu_store_set_location (reader, fu_store_get_path (self));
  return reader;
}

FuStore *
fu_store_open_full (const char        *location,
                    FuStoreOpenFlags   flags,
                    GError           **error)
{
  g_return_val_if_fail (location != NULL && *location != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (backends); i++)
    if (backends[i]->handles (location))
      {
        FuStore *store = backends[i]->open (location, flags, error);

        if (store != NULL)
          fu_store_set_location (store, location);
        return store;
      }

  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_DATABASE,
               _("'%s' is not a database this version of Follow-Up can open"), location);
  return NULL;
}

void
fu_store_set_location (FuStore    *self,
                       const char *location)
{
  FuStorePrivate *priv = fu_store_get_instance_private (self);

  g_return_if_fail (FU_IS_STORE (self));

  g_free (priv->location);
  priv->location = g_strdup (location);
}

const char *
fu_store_get_path (FuStore *self)
{
  FuStorePrivate *priv = fu_store_get_instance_private (self);

  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  return priv->location;
}

gint64
fu_store_row_version (FuStore      *self,
                      FuRecordKind  record,
                      gint64        row_id,
                      GError      **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), -1);
  g_return_val_if_fail ((guint) record < FU_N_RECORDS, -1);

  if (FU_STORE_GET_CLASS (self)->row_version == NULL)
    {
      fu_store_set_cannot_error (self, "row_version", error);
      return -1;
    }
  return FU_STORE_GET_CLASS (self)->row_version (self, record, row_id, error);
}

char *
fu_store_describe (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  if (FU_STORE_GET_CLASS (self)->describe != NULL)
    return FU_STORE_GET_CLASS (self)->describe (self);
  return g_path_get_basename (fu_store_get_path (self));
}

gboolean
fu_store_remember_password (const char  *location,
                            const char  *password,
                            GError     **error)
{
  g_return_val_if_fail (location != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (backends); i++)
    if (backends[i]->handles (location))
      {
        if (backends[i]->remember_password == NULL)
          break;
        return backends[i]->remember_password (location, password, error);
      }
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
               _("'%s' does not take a password"), location);
  return FALSE;
}

const char *
fu_store_backend_for_location (const char *location)
{
  for (guint i = 0; location != NULL && i < G_N_ELEMENTS (backends); i++)
    if (backends[i]->handles (location))
      return backends[i]->name;
  return NULL;
}

const char *
fu_store_get_backend_name (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  return fu_store_backend_for_location (fu_store_get_path (self));
}

guint
fu_store_get_latest_version (void)
{
  return FU_STORE_SCHEMA_VERSION;
}

/* ---- For the backends ----------------------------------------------------------------------- */

gboolean
fu_store_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static guint
known_name_hash (gconstpointer key)
{
  const FuKnownPerson *person = key;

  return fu_text_ascii_case_hash (person->name, (guint) person->administration_id * 31 + 5381);
}

static gboolean
known_name_equal (gconstpointer a,
                  gconstpointer b)
{
  const FuKnownPerson *x = a;
  const FuKnownPerson *y = b;

  return x->administration_id == y->administration_id
         && g_ascii_strcasecmp (x->name, y->name) == 0;
}

void
fu_store_match_in_memory (const FuKnownPerson *people,
                          guint                n_people,
                          FuPersonMatch       *rows,
                          guint                n_rows)
{
  g_autoptr(GHashTable) by_email = g_hash_table_new (fu_text_ascii_case_str_hash,
                                                     fu_text_ascii_case_str_equal);
  g_autoptr(GHashTable) by_name = g_hash_table_new (known_name_hash, known_name_equal);

  g_return_if_fail (people != NULL || n_people == 0);
  g_return_if_fail (rows != NULL || n_rows == 0);

  /* Index + 1 by key; the first of a name in id order, as ORDER BY p.id LIMIT 1. */
  for (guint i = 0; i < n_people; i++)
    {
      const FuKnownPerson *person = &people[i];

      if (person->email != NULL)
        g_hash_table_insert (by_email, (gpointer) person->email, GUINT_TO_POINTER (i + 1));
      if (!g_hash_table_contains (by_name, person))
        g_hash_table_insert (by_name, (gpointer) person, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n_rows; i++)
    {
      FuPersonMatch *row = &rows[i];
      FuKnownPerson key = { .name = row->name, .administration_id = row->administration_id };
      guint index;

      if (!fu_store_text_is_blank (row->email)
          && (index = GPOINTER_TO_UINT (g_hash_table_lookup (by_email, row->email))) != 0)
        {
          row->email_id = people[index - 1].id;
          continue;
        }
      if (fu_store_text_is_blank (row->name))
        continue;
      index = GPOINTER_TO_UINT (g_hash_table_lookup (by_name, &key));
      if (index == 0)
        continue;
      row->name_id = people[index - 1].id;
      row->name_has_email = people[index - 1].email != NULL;
    }
}

gboolean
fu_store_validate_workshop (const FuWorkshop *workshop,
                            FuDay            *end_date,
                            GError          **error)
{
  char start_buf[11];
  char end_buf[11];

  g_return_val_if_fail (workshop != NULL, FALSE);
  g_return_val_if_fail (end_date != NULL, FALSE);

  if (fu_store_text_is_blank (workshop->code))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("A workshop needs a code"));
      return FALSE;
    }
  if (fu_store_text_is_blank (workshop->title))
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("Workshop '%s' needs a title"), workshop->code);
      return FALSE;
    }
  if ((guint) workshop->kind >= FU_N_WORKSHOP_KINDS)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("Workshop '%s' has an unknown kind"), workshop->code);
      return FALSE;
    }
  if (workshop->start_date == FU_DAY_NONE)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("Workshop '%s' needs a start date"), workshop->code);
      return FALSE;
    }

  *end_date = workshop->end_date != FU_DAY_NONE ? workshop->end_date : workshop->start_date;
  if (*end_date < workshop->start_date)
    {
      fu_day_format_iso (*end_date, end_buf);
      fu_day_format_iso (workshop->start_date, start_buf);
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("The workshop ends (%s) before it starts (%s)"), end_buf, start_buf);
      return FALSE;
    }
  return TRUE;
}

gboolean
fu_store_validate_participant (const FuParticipant *participant,
                               GError             **error)
{
  g_return_val_if_fail (participant != NULL, FALSE);

  if (fu_store_text_is_blank (participant->name))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("A participant needs a name"));
      return FALSE;
    }
  if (participant->administration_id <= 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("Participant '%s' needs an administration"), participant->name);
      return FALSE;
    }
  return TRUE;
}

/* ---- Who makes the changes ---------------------------------------------------------------- */

char *
fu_audit_default_author (void)
{
  const char *real = g_get_real_name ();
  const char *login = g_get_user_name ();

  if (real == NULL || *real == '\0' || g_str_equal (real, "Unknown")
      || g_strcmp0 (real, login) == 0)
    return g_strdup (login);
  /* TRANSLATORS: who made a change: a person's real name and their login */
  return g_strdup_printf (_("%s (%s)"), real, login);
}

void
fu_store_set_author (FuStore    *self,
                     const char *author)
{
  FuStorePrivate *priv = fu_store_get_instance_private (self);

  g_return_if_fail (FU_IS_STORE (self));

  g_free (priv->author);
  priv->author = author != NULL && *author != '\0' ? g_strdup (author) : NULL;
}

const char *
fu_store_get_author (FuStore *self)
{
  FuStorePrivate *priv = fu_store_get_instance_private (self);

  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  if (priv->author == NULL && FU_STORE_GET_CLASS (self)->default_author != NULL)
    priv->author = FU_STORE_GET_CLASS (self)->default_author (self);
  if (priv->author == NULL)
    priv->author = fu_audit_default_author ();
  return priv->author;
}

/* ---- Built on the backend's functions ------------------------------------------------------ */

GArray *
fu_store_list_fiscal_years (FuStore        *self,
                            const FuRules  *rules,
                            gboolean        surveyed_only,
                            GError        **error)
{
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GArray) years = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  workshops = fu_store_list_workshops (self, FU_DAY_NONE, FU_DAY_NONE, error);
  if (workshops == NULL)
    return NULL;

  years = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Workshops come by start date, so their fiscal years never decrease. */
  for (guint i = 0; i < workshops->len; i++)
    {
      const FuWorkshop *workshop = g_ptr_array_index (workshops, i);
      guint year;

      if (surveyed_only && !workshop->surveyed)
        continue;

      year = fu_fiscal_year_of (rules, workshop->start_date);
      if (years->len == 0 || g_array_index (years, guint, years->len - 1) != year)
        g_array_append_val (years, year);
    }

  return g_steal_pointer (&years);
}

/* ---- The backend's functions -------------------------------------------------------------- */

/* A backend that does not do @what yet (a team database while its backend is being built):
 * an error the user can read, not a crash. */
void
fu_store_set_cannot_error (FuStore    *self,
                           const char *what,
                           GError    **error)
{
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED,
               _("'%s': this version of Follow-Up cannot do this on this kind of database "
                 "yet (%s). Use a database file for it."),
               fu_store_get_path (self), what);
}

#define BACKEND_CAN(vfunc, failed) \
  G_STMT_START { \
    if (FU_STORE_GET_CLASS (self)->vfunc == NULL) \
      { \
        fu_store_set_cannot_error (self, #vfunc, error); \
        return failed; \
      } \
  } G_STMT_END

guint
fu_store_get_version (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), 0);

  return FU_STORE_GET_CLASS (self)->get_version (self);
}

gboolean
fu_store_begin (FuStore *self, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  return FU_STORE_GET_CLASS (self)->begin (self, error);
}

gboolean
fu_store_commit (FuStore *self, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  return FU_STORE_GET_CLASS (self)->commit (self, error);
}

void
fu_store_set_flat (FuStore  *self,
                   gboolean  flat)
{
  g_return_if_fail (FU_IS_STORE (self));

  if (FU_STORE_GET_CLASS (self)->set_flat != NULL)
    FU_STORE_GET_CLASS (self)->set_flat (self, flat);
}

void
fu_store_set_bulk (FuStore  *self,
                   gboolean  bulk)
{
  g_return_if_fail (FU_IS_STORE (self));

  if (FU_STORE_GET_CLASS (self)->set_bulk != NULL)
    FU_STORE_GET_CLASS (self)->set_bulk (self, bulk);
}

void
fu_store_rollback (FuStore *self)
{
  g_return_if_fail (FU_IS_STORE (self));

  FU_STORE_GET_CLASS (self)->rollback (self);
}

char *
fu_store_dump (FuStore *self, const char * const *tables, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (dump, NULL);
  return FU_STORE_GET_CLASS (self)->dump (self, tables, error);
}

gboolean
fu_store_is_empty (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  return FU_STORE_GET_CLASS (self)->is_empty (self);
}

/* ---- The team's settings, on the backend's get_setting and set_setting ----------------- */

static char *
get_setting (FuStore    *self,
             const char *key)
{
  if (FU_STORE_GET_CLASS (self)->get_setting == NULL)
    return NULL;
  return FU_STORE_GET_CLASS (self)->get_setting (self, key);
}

static gboolean
set_setting (FuStore    *self,
             const char *key,
             const char *value,
             GError    **error)
{
  BACKEND_CAN (set_setting, FALSE);
  return FU_STORE_GET_CLASS (self)->set_setting (self, key, value, error);
}

/* ---- Settings under a prefix: the years before the database, the other names -------------- */

/* The settings whose keys start with @prefix, as key, value, key, value... in key order. */
static GPtrArray *
list_settings (FuStore    *self,
               const char *prefix,
               GError    **error)
{
  BACKEND_CAN (list_settings, NULL);
  return FU_STORE_GET_CLASS (self)->list_settings (self, prefix, error);
}

/* The setting @key of @settings (list_settings()'s pairs, NULL when unread) as a number, or
 * @fallback. */
static guint
setting_uint (GPtrArray  *settings,
              const char *key,
              guint       fallback)
{
  guint64 value;

  for (guint i = 0; settings != NULL && i + 1 < settings->len; i += 2)
    if (g_str_equal (g_ptr_array_index (settings, i), key))
      {
        const char *text = g_ptr_array_index (settings, i + 1);

        if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT16, &value, NULL))
          return fallback;
        return (guint) value;
      }
  return fallback;
}

static gboolean
validate_answer (FuAnswer    answer,
                 const char *question,
                 GError    **error)
{
  if (answer == FU_ANSWER_UNANSWERED || answer == FU_ANSWER_NO || answer == FU_ANSWER_YES)
    return TRUE;
  g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
               _("%s must be answered yes or no, or left unanswered"), question);
  return FALSE;
}

gboolean
fu_store_validate_reply (const FuReply *reply,
                         GError       **error)
{
  if (reply->received_date == FU_DAY_NONE)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("A reply needs the date it was received"));
      return FALSE;
    }
  if (reply->colleagues_shared < -1)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("The number of colleagues the materials were shared with cannot be "
                     "negative (%d)"),
                   reply->colleagues_shared);
      return FALSE;
    }
  if (reply->colleagues_learned < -1)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                   _("The number of colleagues who learned from the materials cannot be "
                     "negative (%d)"),
                   reply->colleagues_learned);
      return FALSE;
    }
  return validate_answer (reply->direct_effects, _("Q3 (direct effects)"), error)
         && validate_answer (reply->contributed, _("Q4 (contributed)"), error)
         && validate_answer (reply->project_initiated, _("Q5 (project initiated)"), error);
}

/* ---- Undo's messages, for every backend --------------------------------------------------- */

char *
fu_store_describe_record (const char *table,
                          const char *label)
{
  if (g_str_equal (table, "workshop"))
    return g_strdup_printf (_("workshop %s"), label != NULL ? label : "?");
  if (g_str_equal (table, "participant"))
    return g_strdup_printf (_("participant %s"), label != NULL ? label : "?");
  if (g_str_equal (table, "administration"))
    return g_strdup_printf (_("administration %s"), label != NULL ? label : "?");
  if (g_str_equal (table, "attendance"))
    return g_strdup (_("an attendance"));
  if (g_str_equal (table, "followup"))
    return g_strdup (_("a follow-up"));
  if (g_str_equal (table, "reminder"))
    return g_strdup (_("a reminder"));
  if (g_str_equal (table, "reply"))
    return g_strdup (_("a reply"));
  return g_strdup (_("the team settings"));
}

gboolean
fu_store_set_undo_conflict (const char *what,
                            gboolean    taken,
                            GError    **error)
{
  if (taken)
    g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT,
                 _("This change can no longer be undone: %s has been added again since"),
                 what);
  else
    g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT,
                 _("This change can no longer be undone: %s has changed since"), what);
  return FALSE;
}

/* ---- Merging participants -------------------------------------------------------------- */

void
fu_merge_overlap_free (FuMergeOverlap *overlap)
{
  g_free (overlap->code);
  g_free (overlap);
}

static gboolean
same_reply (const FuReply *a,
            const FuReply *b)
{
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    if (a->actions[i] != b->actions[i])
      return FALSE;
  return a->received_date == b->received_date
         && g_strcmp0 (a->answered_by, b->answered_by) == 0
         && a->colleagues_shared == b->colleagues_shared
         && g_strcmp0 (a->other_action_text, b->other_action_text) == 0
         && a->colleagues_learned == b->colleagues_learned
         && g_strcmp0 (a->lessons_use, b->lessons_use) == 0
         && a->direct_effects == b->direct_effects
         && g_strcmp0 (a->direct_effects_text, b->direct_effects_text) == 0
         && a->contributed == b->contributed
         && g_strcmp0 (a->contributed_text, b->contributed_text) == 0
         && a->project_initiated == b->project_initiated
         && g_strcmp0 (a->project_text, b->project_text) == 0;
}

/* @field, when blank, takes @value. */
static void
fill_blank (char       **field,
            const char  *value)
{
  if (!fu_store_text_is_blank (*field))
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/* Keeps one attendance of a workshop both attended: the one with the reply. */
static gboolean
merge_overlap (FuStore              *self,
               const FuMergeOverlap *overlap,
               const FuParticipant  *keep,
               const FuParticipant  *remove,
               GError              **error)
{
  if (overlap->keep_replied && overlap->remove_replied)
    {
      g_autoptr(FuReply) keep_reply = fu_store_get_reply (self, overlap->keep_followup, error);
      g_autoptr(FuReply) remove_reply = NULL;

      if (keep_reply == NULL)
        return FALSE;
      remove_reply = fu_store_get_reply (self, overlap->remove_followup, error);
      if (remove_reply == NULL)
        return FALSE;
      if (!same_reply (keep_reply, remove_reply))
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                       _("Could not merge '%s' into '%s': both answered the questionnaire of "
                         "workshop '%s', differently. Delete the wrong reply first."),
                       remove->name, keep->name, overlap->code);
          return FALSE;
        }
    }

  /* The attendance that goes takes its follow-up, reminders and reply with it. */
  return fu_store_delete_attendance (self,
                                     overlap->remove_replied && !overlap->keep_replied
                                     ? overlap->keep_attendance : overlap->remove_attendance,
                                     error);
}

static gboolean
merge_participants (FuStore             *self,
                    const FuParticipant *keep,
                    const FuParticipant *remove,
                    GError             **error)
{
  g_autoptr(GPtrArray) overlaps = NULL;
  g_autoptr(FuParticipant) filled = NULL;
  FuStoreClass *klass = FU_STORE_GET_CLASS (self);

  BACKEND_CAN (list_merge_overlaps, FALSE);
  BACKEND_CAN (move_attendances, FALSE);
  overlaps = klass->list_merge_overlaps (self, keep->id, remove->id, error);
  if (overlaps == NULL)
    return FALSE;
  for (guint i = 0; i < overlaps->len; i++)
    if (!merge_overlap (self, g_ptr_array_index (overlaps, i), keep, remove, error))
      return FALSE;
  if (!klass->move_attendances (self, keep->id, remove->id, error)
      || !fu_store_delete_participant (self, remove->id, error))
    return FALSE;

  /* Only now, since the e-mail is unique: what the kept record lacks, the other gives. */
  filled = fu_participant_copy (keep);
  fill_blank (&filled->email, remove->email);
  fill_blank (&filled->position, remove->position);
  fill_blank (&filled->gender, remove->gender);
  return fu_store_update_participant (self, filled, error);
}

gboolean
fu_store_merge_participants (FuStore  *self,
                             gint64    keep_id,
                             gint64    remove_id,
                             GError  **error)
{
  g_autoptr(FuParticipant) keep = NULL;
  g_autoptr(FuParticipant) remove = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (keep_id == remove_id)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("Choose two different participants to merge"));
      return FALSE;
    }
  keep = fu_store_get_participant (self, keep_id, error);
  if (keep == NULL)
    return FALSE;
  remove = fu_store_get_participant (self, remove_id, error);
  if (remove == NULL || !fu_store_begin (self, error))
    return FALSE;
  if (merge_participants (self, keep, remove, error) && fu_store_commit (self, error))
    return TRUE;
  fu_store_rollback (self);
  return FALSE;
}

/* ---- Aliases of administrations, kept as settings ------------------------------------ */

#define ALIAS_PREFIX "alias:"

/* "alias:viet nam": one key per spelling, without regard to case or outer spaces. */
char *
fu_store_alias_key (const char *alias)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (alias));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  return g_strconcat (ALIAS_PREFIX, folded, NULL);
}

/* The value kept: "ID<tab>the alias as written". */
gboolean
fu_store_alias_parse (const char  *value,
                      gint64      *administration_id,
                      const char **written)
{
  const char *tab = value != NULL ? strchr (value, '\t') : NULL;

  if (tab == NULL)
    return FALSE;
  *administration_id = g_ascii_strtoll (value, NULL, 10);
  *written = tab + 1;
  return *administration_id > 0;
}

gint64
fu_store_alias_lookup (FuStore    *self,
                       const char *alias)
{
  g_autofree char *key = fu_store_alias_key (alias);
  g_autofree char *value = get_setting (self, key);
  const char *written;
  gint64 id = 0;

  if (!fu_store_alias_parse (value, &id, &written))
    return 0;
  return id;
}

#define EARLIER_PREFIX "earlier_year:"

static int
compare_earlier_years (gconstpointer a,
                       gconstpointer b)
{
  const FuEarlierYear *x = a;
  const FuEarlierYear *y = b;

  return (x->fiscal_year > y->fiscal_year) - (x->fiscal_year < y->fiscal_year);
}

GArray *
fu_store_list_earlier_years (FuStore  *self,
                             GError  **error)
{
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, TRUE, sizeof (FuEarlierYear));

  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  settings = list_settings (self, EARLIER_PREFIX, error);
  if (settings == NULL)
    return NULL;
  for (guint i = 0; i + 1 < settings->len; i += 2)
    {
      const char *year_text = (const char *) g_ptr_array_index (settings, i)
                              + strlen (EARLIER_PREFIX);
      const char *value = g_ptr_array_index (settings, i + 1);
      g_auto(GStrv) parts = g_strsplit (value != NULL ? value : "", ",", -1);
      FuEarlierYear year = { 0, 0, 0, 0, -1 };
      guint64 number = 0;

      /* "participants,replies,rate_tenths,inhouse"; a value edited into anything else is
       * left out rather than shown wrong. */
      if (g_strv_length (parts) != 4
          || !g_ascii_string_to_unsigned (year_text, 10, 1990, 2100, &number, NULL))
        continue;
      year.fiscal_year = (guint) number;
      year.participants = (guint) g_ascii_strtoull (parts[0], NULL, 10);
      year.replies = (guint) g_ascii_strtoull (parts[1], NULL, 10);
      year.rate_tenths = (guint) g_ascii_strtoull (parts[2], NULL, 10);
      year.inhouse = parts[3][0] != '\0' ? (gint) g_ascii_strtoll (parts[3], NULL, 10) : -1;
      g_array_append_val (years, year);
    }
  g_array_sort (years, compare_earlier_years);
  return g_steal_pointer (&years);
}

gboolean
fu_store_set_earlier_year (FuStore              *self,
                           const FuEarlierYear  *year,
                           GError              **error)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autofree char *inhouse = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  /* Neither totals nor a rate: the year is taken out. */
  if (year->participants == 0 && year->rate_tenths == 0 && year->fiscal_year >= 1990
      && year->fiscal_year <= 2100)
    {
      key = g_strdup_printf (EARLIER_PREFIX "%u", year->fiscal_year);
      return set_setting (self, key, NULL, error);
    }
  if (year->fiscal_year < 1990 || year->fiscal_year > 2100
      || (year->participants == 0 && year->rate_tenths > 1000)
      || year->replies > year->participants)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("An earlier year needs its participants and replies (no more "
                             "replies than participants), or a reply rate from 0.1 to 100%"));
      return FALSE;
    }
  key = g_strdup_printf (EARLIER_PREFIX "%u", year->fiscal_year);
  inhouse = year->inhouse >= 0 ? g_strdup_printf ("%d", year->inhouse) : g_strdup ("");
  value = g_strdup_printf ("%u,%u,%u,%s", year->participants, year->replies,
                           year->participants > 0 ? 0 : year->rate_tenths, inhouse);
  return set_setting (self, key, value, error);
}

GPtrArray *
fu_store_list_aliases (FuStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_alias_free);

  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  settings = list_settings (self, ALIAS_PREFIX, error);
  if (settings == NULL)
    return NULL;
  for (guint i = 0; i + 1 < settings->len; i += 2)
    {
      const char *written;
      gint64 id;
      FuAlias *alias;

      if (!fu_store_alias_parse (g_ptr_array_index (settings, i + 1), &id, &written))
        continue;
      alias = g_new0 (FuAlias, 1);
      alias->alias = g_strdup (written);
      alias->administration_id = id;
      g_ptr_array_add (aliases, alias);
    }
  return g_steal_pointer (&aliases);
}

gboolean
fu_store_set_alias_unchecked (FuStore     *self,
                              const char  *alias,
                              gint64       administration_id,
                              GError     **error)
{
  g_autofree char *key = fu_store_alias_key (alias);
  g_autofree char *trimmed = g_strstrip (g_strdup (alias));
  g_autofree char *value = NULL;

  if (administration_id != 0)
    value = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s", administration_id, trimmed);
  return set_setting (self, key, value, error);
}

gboolean
fu_store_set_alias (FuStore     *self,
                    const char  *alias,
                    gint64       administration_id,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  gint64 named = 0;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (alias));
  if (*trimmed == '\0' || strchr (trimmed, '\t') != NULL || strchr (trimmed, '\n') != NULL)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("Another name of an administration is one line of text"));
      return FALSE;
    }
  if (administration_id != 0)
    {
      g_autoptr(FuAdministration) admin = fu_store_get_administration (self, administration_id,
                                                                       error);

      if (admin == NULL)
        return FALSE;
      /* An administration's own name or short name is not another's alias. */
      BACKEND_CAN (lookup_administration, FALSE);
      if (!FU_STORE_GET_CLASS (self)->lookup_administration (self, trimmed, &named, error))
        return FALSE;
      if (named != 0)
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                       _("“%s” is already the name of an administration: merge the two "
                         "administrations instead"), trimmed);
          return FALSE;
        }
    }
  return fu_store_set_alias_unchecked (self, trimmed, administration_id, error);
}

void
fu_store_get_rules (FuStore *self,
                    FuRules *rules)
{
  g_autoptr(GPtrArray) settings = NULL;
  FuRules defaults;

  g_return_if_fail (FU_IS_STORE (self));
  g_return_if_fail (rules != NULL);

  fu_rules_init_defaults (&defaults);
  /* Read in one go: on a team database each setting would be a round trip. */
  settings = list_settings (self, "", NULL);
  rules->fiscal_year_start_month = setting_uint (settings, "fiscal_year_start_month",
                                                 defaults.fiscal_year_start_month);
  rules->followup_months = setting_uint (settings, "followup_months", defaults.followup_months);
  rules->reply_days = setting_uint (settings, "reply_days", defaults.reply_days);
  rules->reminder_days = setting_uint (settings, "reminder_days", defaults.reminder_days);
  rules->extension_days = setting_uint (settings, "extension_days", defaults.extension_days);
  rules->anonymize_after_years = setting_uint (settings, "anonymize_after_years",
                                               defaults.anonymize_after_years);

  /* A value edited by hand into something the rules reject falls back to the defaults. */
  if (!fu_rules_validate (rules, NULL))
    *rules = defaults;
}

gboolean
fu_store_set_rules (FuStore       *self,
                    const FuRules *rules,
                    GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;
  struct {
    const char *key;
    guint value;
  } values[6];

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  values[0].key = "fiscal_year_start_month";
  values[0].value = rules->fiscal_year_start_month;
  values[1].key = "followup_months";
  values[1].value = rules->followup_months;
  values[2].key = "reply_days";
  values[2].value = rules->reply_days;
  values[3].key = "reminder_days";
  values[3].value = rules->reminder_days;
  values[4].key = "anonymize_after_years";
  values[4].value = rules->anonymize_after_years;
  values[5].key = "extension_days";
  values[5].value = rules->extension_days;

  if (!fu_rules_validate (rules, &local_error))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  if (!fu_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (values); i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", values[i].value);
      ok = set_setting (self, values[i].key, text, error);
    }
  if (ok && fu_store_commit (self, error))
    return TRUE;
  fu_store_rollback (self);
  return FALSE;
}

char *
fu_store_get_office_name (FuStore *self)
{
  char *name;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  name = get_setting (self, "office_name");
  /* The built-in name reads in the user's language until the office sets its own. */
  if (fu_store_text_is_blank (name) || g_str_equal (name, DEFAULT_OFFICE_NAME))
    {
      g_free (name);
      /* TRANSLATORS: the office's name at the top of printed pages, until it is changed in
       * the preferences; the same text as DEFAULT_OFFICE_NAME */
      return g_strdup (_("WCO Regional Office for Capacity Building for Asia/Pacific (ROCB A/P)"));
    }
  return name;
}

gboolean
fu_store_set_office_name (FuStore    *self,
                          const char *name,
                          GError    **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fu_store_text_is_blank (name))
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("The office's name cannot be empty: printed lists show it"));
      return FALSE;
    }

  return set_setting (self, "office_name", name, error);
}



GPtrArray *
fu_store_list_administrations (FuStore *self, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_administrations, NULL);
  return FU_STORE_GET_CLASS (self)->list_administrations (self, error);
}

gboolean
fu_store_lookup_administration (FuStore *self, const char *name_or_short, gint64 *id,
                                GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  *id = 0;
  if (fu_store_text_is_blank (name_or_short))
    return TRUE;
  BACKEND_CAN (lookup_administration, FALSE);
  if (!FU_STORE_GET_CLASS (self)->lookup_administration (self, name_or_short, id, error))
    return FALSE;
  /* Then the other names staff gave it. */
  if (*id == 0)
    *id = fu_store_alias_lookup (self, name_or_short);
  return TRUE;
}

FuAdministration *
fu_store_get_administration (FuStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (get_administration, NULL);
  return FU_STORE_GET_CLASS (self)->get_administration (self, id, error);
}

gint64
fu_store_add_administration (FuStore *self, const FuAdministration *admin, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), 0);

  BACKEND_CAN (add_administration, 0);
  return FU_STORE_GET_CLASS (self)->add_administration (self, admin, error);
}

gboolean
fu_store_update_administration (FuStore *self, const FuAdministration *admin, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (update_administration, FALSE);
  return FU_STORE_GET_CLASS (self)->update_administration (self, admin, error);
}

gboolean
fu_store_delete_administration (FuStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (delete_administration, FALSE);
  return FU_STORE_GET_CLASS (self)->delete_administration (self, id, error);
}

gboolean
fu_store_lookup_workshop (FuStore *self, const char *code, gint64 *id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (lookup_workshop, FALSE);
  return FU_STORE_GET_CLASS (self)->lookup_workshop (self, code, id, error);
}

FuWorkshop *
fu_store_get_workshop (FuStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (get_workshop, NULL);
  return FU_STORE_GET_CLASS (self)->get_workshop (self, id, error);
}

GPtrArray *
fu_store_list_workshops (FuStore *self, FuDay from, FuDay to, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_workshops, NULL);
  return FU_STORE_GET_CLASS (self)->list_workshops (self, from, to, error);
}

gint64
fu_store_add_workshop (FuStore *self, const FuWorkshop *workshop, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), 0);

  BACKEND_CAN (add_workshop, 0);
  return FU_STORE_GET_CLASS (self)->add_workshop (self, workshop, error);
}

gboolean
fu_store_update_workshop (FuStore *self, const FuWorkshop *workshop, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (update_workshop, FALSE);
  return FU_STORE_GET_CLASS (self)->update_workshop (self, workshop, error);
}

gboolean
fu_store_delete_workshop (FuStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (delete_workshop, FALSE);
  return FU_STORE_GET_CLASS (self)->delete_workshop (self, id, error);
}

gboolean
fu_store_lookup_participant (FuStore *self, const char *email, const char *name,
                             gint64 administration_id, gint64 *id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (lookup_participant, FALSE);
  return FU_STORE_GET_CLASS (self)->lookup_participant (self, email, name, administration_id, id,
                                                        error);
}

FuParticipant *
fu_store_get_participant (FuStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (get_participant, NULL);
  return FU_STORE_GET_CLASS (self)->get_participant (self, id, error);
}

gint64
fu_store_add_participant (FuStore *self, const FuParticipant *participant, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), 0);

  BACKEND_CAN (add_participant, 0);
  return FU_STORE_GET_CLASS (self)->add_participant (self, participant, error);
}

gboolean
fu_store_update_participant (FuStore *self, const FuParticipant *participant, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (update_participant, FALSE);
  return FU_STORE_GET_CLASS (self)->update_participant (self, participant, error);
}

gboolean
fu_store_delete_participant (FuStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (delete_participant, FALSE);
  return FU_STORE_GET_CLASS (self)->delete_participant (self, id, error);
}

gboolean
fu_store_lookup_attendance (FuStore *self, gint64 workshop_id, gint64 participant_id, gint64 *id,
                            GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (lookup_attendance, FALSE);
  return FU_STORE_GET_CLASS (self)->lookup_attendance (self, workshop_id, participant_id, id,
                                                       error);
}

gint64
fu_store_add_attendance (FuStore *self, gint64 workshop_id, gint64 participant_id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), 0);

  BACKEND_CAN (add_attendance, 0);
  return FU_STORE_GET_CLASS (self)->add_attendance (self, workshop_id, participant_id, error);
}

gboolean
fu_store_delete_attendance (FuStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (delete_attendance, FALSE);
  return FU_STORE_GET_CLASS (self)->delete_attendance (self, id, error);
}

gboolean
fu_store_match_people (FuStore *self, FuPersonMatch *rows, guint n_rows, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL || n_rows == 0, FALSE);

  BACKEND_CAN (match_people, FALSE);
  for (guint i = 0; i < n_rows; i++)
    {
      rows[i].email_id = rows[i].name_id = 0;
      rows[i].email_attends = rows[i].name_has_email = rows[i].name_attends = FALSE;
    }
  return n_rows == 0 || FU_STORE_GET_CLASS (self)->match_people (self, rows, n_rows, error);
}

gboolean
fu_store_add_participants (FuStore *self, GPtrArray *participants, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (participants != NULL, FALSE);

  BACKEND_CAN (add_participants, FALSE);
  for (guint i = 0; i < participants->len; i++)
    if (!fu_store_validate_participant (g_ptr_array_index (participants, i), error))
      return FALSE;
  return participants->len == 0
         || FU_STORE_GET_CLASS (self)->add_participants (self, participants, error);
}

gboolean
fu_store_add_attendances (FuStore *self, const gint64 *pairs, guint n_pairs, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (pairs != NULL || n_pairs == 0, FALSE);

  BACKEND_CAN (add_attendances, FALSE);
  return n_pairs == 0 || FU_STORE_GET_CLASS (self)->add_attendances (self, pairs, n_pairs, error);
}

gboolean
fu_store_lookup_followup (FuStore *self, gint64 attendance_id, gint64 *followup_id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (lookup_followup, FALSE);
  return FU_STORE_GET_CLASS (self)->lookup_followup (self, attendance_id, followup_id, error);
}




gboolean
fu_store_mark_sent (FuStore *self, gint64 workshop_id, FuDay date, guint *n_changed, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (mark_sent, FALSE);
  return FU_STORE_GET_CLASS (self)->mark_sent (self, workshop_id, date, n_changed, error);
}

gboolean
fu_store_mark_reminded (FuStore *self, gint64 workshop_id, FuDay date, guint *n_changed,
                        GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (mark_reminded, FALSE);
  return FU_STORE_GET_CLASS (self)->mark_reminded (self, workshop_id, date, n_changed, error);
}

gboolean
fu_store_mark_followups_sent (FuStore *self, const gint64 *followup_ids, guint n_ids, FuDay date,
                              GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (mark_followups_sent, FALSE);
  return FU_STORE_GET_CLASS (self)->mark_followups_sent (self, followup_ids, n_ids, date, error);
}

gboolean
fu_store_mark_followups_reminded (FuStore *self, const gint64 *followup_ids, guint n_ids,
                                  FuDay date,
                                  GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (mark_followups_reminded, FALSE);
  return FU_STORE_GET_CLASS (self)->mark_followups_reminded (self, followup_ids, n_ids, date,
                                                             error);
}

gboolean
fu_store_close_followup (FuStore *self, gint64 followup_id, FuDay date, const char *reason,
                         GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (close_followup, FALSE);
  return FU_STORE_GET_CLASS (self)->close_followup (self, followup_id, date, reason, error);
}

FuReply *
fu_store_get_reply (FuStore *self, gint64 followup_id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (get_reply, NULL);
  return FU_STORE_GET_CLASS (self)->get_reply (self, followup_id, error);
}

gboolean
fu_store_save_reply (FuStore *self, FuReply *reply, gboolean replace, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (save_reply, FALSE);
  return FU_STORE_GET_CLASS (self)->save_reply (self, reply, replace, error);
}

gboolean
fu_store_delete_reply (FuStore *self, gint64 followup_id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (delete_reply, FALSE);
  return FU_STORE_GET_CLASS (self)->delete_reply (self, followup_id, error);
}

GPtrArray *
fu_store_list_replies (FuStore *self, FuDay from, FuDay to, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_replies, NULL);
  return FU_STORE_GET_CLASS (self)->list_replies (self, from, to, error);
}

GPtrArray *
fu_store_summary (FuStore *self, FuDay from, FuDay to, FuSummaryRow **total, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (summary, NULL);
  return FU_STORE_GET_CLASS (self)->summary (self, from, to, total, error);
}

GArray *
fu_store_reply_rate_trend (FuStore *self, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (reply_rate_trend, NULL);
  return FU_STORE_GET_CLASS (self)->reply_rate_trend (self, 0, 0, error);
}

GArray *
fu_store_reply_rate_trend_between (FuStore  *self,
                                   guint     first_year,
                                   guint     last_year,
                                   GError  **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (first_year > 0 && first_year <= last_year, NULL);

  BACKEND_CAN (reply_rate_trend, NULL);
  return FU_STORE_GET_CLASS (self)->reply_rate_trend (self, first_year, last_year, error);
}

GPtrArray *
fu_store_inhouse_administrations (FuStore *self, FuDay from, FuDay to, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (inhouse_administrations, NULL);
  return FU_STORE_GET_CLASS (self)->inhouse_administrations (self, from, to, error);
}

GPtrArray *
fu_store_list_participant_overview (FuStore *self, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_participant_overview, NULL);
  return FU_STORE_GET_CLASS (self)->list_participant_overview (self, error);
}

GPtrArray *
fu_store_list_participant_history (FuStore *self, gint64 participant_id, FuDay as_of,
                                   GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_participant_history, NULL);
  return FU_STORE_GET_CLASS (self)->list_participant_history (self, participant_id, as_of, error);
}

GPtrArray *
fu_store_list_workshop_attendees (FuStore *self, gint64 workshop_id, FuDay as_of, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_workshop_attendees, NULL);
  return FU_STORE_GET_CLASS (self)->list_workshop_attendees (self, workshop_id, as_of, error);
}

GPtrArray *
fu_store_list_attendees (FuStore *self, gint64 workshop_id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_attendees, NULL);
  return FU_STORE_GET_CLASS (self)->list_attendees (self, workshop_id, error);
}


gboolean
fu_store_close_followups (FuStore *self, const gint64 *followup_ids, guint n_ids, FuDay date,
                          const char *reason, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (close_followups, FALSE);
  return FU_STORE_GET_CLASS (self)->close_followups (self, followup_ids, n_ids, date, reason,
                                                     error);
}

gboolean
fu_store_reopen_followups (FuStore *self, const gint64 *followup_ids, guint n_ids, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (reopen_followups, FALSE);
  return FU_STORE_GET_CLASS (self)->reopen_followups (self, followup_ids, n_ids, error);
}

FuFollowupRow *
fu_store_get_followup (FuStore *self, gint64 followup_id, FuDay as_of, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (get_followup, NULL);
  return FU_STORE_GET_CLASS (self)->get_followup (self, followup_id, as_of, error);
}

GPtrArray *
fu_store_reply_rate_by_administration (FuStore *self, FuDay from, FuDay to, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (reply_rate_by_administration, NULL);
  return FU_STORE_GET_CLASS (self)->reply_rate_by_administration (self, from, to, error);
}

gint64
fu_store_audit_begin (FuStore *self, const char *kind, gint64 undoes, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), 0);

  BACKEND_CAN (audit_begin, 0);
  return FU_STORE_GET_CLASS (self)->audit_begin (self, kind, undoes, error);
}

gboolean
fu_store_audit_end (FuStore *self, gint64 entry_id, const char *sentence, const char *args,
                    guint *n_changes, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (audit_end, FALSE);
  return FU_STORE_GET_CLASS (self)->audit_end (self, entry_id, sentence, args, n_changes, error);
}

gboolean
fu_store_audit_revert (FuStore *self, gint64 entry_id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (audit_revert, FALSE);
  return FU_STORE_GET_CLASS (self)->audit_revert (self, entry_id, error);
}

FuAuditEntry *
fu_store_get_audit_entry (FuStore *self, gint64 entry_id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (get_audit_entry, NULL);
  return FU_STORE_GET_CLASS (self)->get_audit_entry (self, entry_id, error);
}

GPtrArray *
fu_store_list_audit_entries (FuStore *self, const FuAuditQuery *query, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_audit_entries, NULL);
  return FU_STORE_GET_CLASS (self)->list_audit_entries (self, query, error);
}

GPtrArray *
fu_store_list_audit_changes (FuStore *self, gint64 entry_id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_audit_changes, NULL);
  return FU_STORE_GET_CLASS (self)->list_audit_changes (self, entry_id, error);
}

GArray *
fu_store_list_audit_rows (FuStore *self, gint64 first_entry, gint64 last_entry, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_audit_rows, NULL);
  return FU_STORE_GET_CLASS (self)->list_audit_rows (self, first_entry, last_entry, error);
}

gboolean
fu_store_changed_elsewhere (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  return FU_STORE_GET_CLASS (self)->changed_elsewhere (self);
}

gint64
fu_store_audit_last_undoable (FuStore *self, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), 0);

  BACKEND_CAN (audit_last_undoable, 0);
  return FU_STORE_GET_CLASS (self)->audit_last_undoable (self, error);
}

gint64
fu_store_audit_last_id (FuStore *self, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), 0);

  BACKEND_CAN (audit_last_id, 0);
  return FU_STORE_GET_CLASS (self)->audit_last_id (self, error);
}

gboolean
fu_store_audit_set_sentence (FuStore    *self,
                             gint64      entry_id,
                             const char *sentence,
                             const char *args,
                             GError    **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (audit_set_sentence, FALSE);
  return FU_STORE_GET_CLASS (self)->audit_set_sentence (self, entry_id, sentence, args, error);
}

const GError *
fu_store_get_fault (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  return FU_STORE_GET_CLASS (self)->get_fault (self);
}

FuStoreAccess
fu_store_get_access (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), FU_STORE_ACCESS_READ_ONLY);

  return FU_STORE_GET_CLASS (self)->get_access (self);
}

FuStoreAccess
fu_store_settle_access (FuStore *self)
{
  g_return_val_if_fail (FU_IS_STORE (self), FU_STORE_ACCESS_READ_ONLY);

  if (FU_STORE_GET_CLASS (self)->settle_access != NULL)
    return FU_STORE_GET_CLASS (self)->settle_access (self);
  return FU_STORE_GET_CLASS (self)->get_access (self);
}

gboolean
fu_store_backup_to (FuStore *self, const char *dest, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  BACKEND_CAN (backup_to, FALSE);
  return FU_STORE_GET_CLASS (self)->backup_to (self, dest, error);
}

gboolean
fu_store_describe_backup (FuStore *self, const char *path, FuBackupInfo *info, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL && info != NULL, FALSE);

  /* A backup is a file whatever @self is (a team database's too): read by the backend of
   * files. */
  for (guint i = 0; i < G_N_ELEMENTS (backends); i++)
    if (backends[i]->describe_backup != NULL && backends[i]->handles (path))
      return backends[i]->describe_backup (path, info, error);
  fu_store_set_cannot_error (self, "describe_backup", error);
  return FALSE;
}

gboolean
fu_store_set_no_contact (FuStore *self, gint64 participant_id, FuDay date, const char *reason,
                         GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (set_no_contact, FALSE);
  return FU_STORE_GET_CLASS (self)->set_no_contact (self, participant_id, date, reason, error);
}

char *
fu_store_export_person (FuStore *self, gint64 participant_id, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (export_person, NULL);
  return FU_STORE_GET_CLASS (self)->export_person (self, participant_id, error);
}

gboolean
fu_store_anonymize_participant (FuStore *self, gint64 participant_id, gboolean remove_answers,
                                GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  BACKEND_CAN (anonymize_participant, FALSE);
  return FU_STORE_GET_CLASS (self)->anonymize_participant (self, participant_id, remove_answers,
                                                           error);
}

GArray *
fu_store_list_participants_before (FuStore *self, FuDay before, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), NULL);

  BACKEND_CAN (list_participants_before, NULL);
  return FU_STORE_GET_CLASS (self)->list_participants_before (self, before, error);
}

gboolean
fu_store_restore_from (FuStore *self, FuStore *backup, GError **error)
{
  g_return_val_if_fail (FU_IS_STORE (self), FALSE);
  /* A backup is a file: restored into a file, or into a team database. */
  g_return_val_if_fail (FU_IS_STORE (backup), FALSE);

  BACKEND_CAN (restore_from, FALSE);
  return FU_STORE_GET_CLASS (self)->restore_from (self, backup, error);
}



/* Moves the participants and hosted workshops, then the other names, of one administration to
 * another, and removes it: its name and short name become the kept one's other names. */
static gboolean
merge_administrations (FuStore *self,
                       gint64   keep_id,
                       gint64   remove_id,
                       GError **error)
{
  g_autoptr(FuAdministration) removed = NULL;
  g_autoptr(GPtrArray) aliases = NULL;

  removed = fu_store_get_administration (self, remove_id, error);
  if (removed == NULL)
    return FALSE;
  BACKEND_CAN (move_administration, FALSE);
  if (!FU_STORE_GET_CLASS (self)->move_administration (self, keep_id, remove_id, error))
    return FALSE;
  /* Its other names now name the one kept, and so do its own. */
  aliases = fu_store_list_aliases (self, error);
  if (aliases == NULL)
    return FALSE;
  for (guint i = 0; i < aliases->len; i++)
    {
      const FuAlias *alias = g_ptr_array_index (aliases, i);

      if (alias->administration_id == remove_id
          && !fu_store_set_alias_unchecked (self, alias->alias, keep_id, error))
        return FALSE;
    }
  if (!fu_store_delete_administration (self, remove_id, error)
      || !fu_store_set_alias_unchecked (self, removed->name, keep_id, error))
    return FALSE;
  if (!fu_store_text_is_blank (removed->short_name)
      && !fu_store_set_alias_unchecked (self, removed->short_name, keep_id, error))
    return FALSE;
  return TRUE;
}

gboolean
fu_store_merge_administrations (FuStore  *self,
                                gint64    keep_id,
                                gint64    remove_id,
                                GError  **error)
{
  g_autoptr(FuAdministration) kept = NULL;

  g_return_val_if_fail (FU_IS_STORE (self), FALSE);

  if (keep_id == remove_id)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("An administration cannot be merged into itself"));
      return FALSE;
    }
  kept = fu_store_get_administration (self, keep_id, error);
  if (kept == NULL || !fu_store_begin (self, error))
    return FALSE;
  if (merge_administrations (self, keep_id, remove_id, error) && fu_store_commit (self, error))
    return TRUE;
  fu_store_rollback (self);
  return FALSE;
}

GPtrArray *
fu_store_find_people_alike (FuStore     *self,
                            const char  *name,
                            gint64       administration_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) people = NULL;
  GPtrArray *alike;

  g_return_val_if_fail (FU_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  people = fu_store_list_participant_overview (self, error);
  if (people == NULL)
    return NULL;
  alike = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_participant_overview_free);
  for (guint i = people->len; i-- > 0;)
    {
      FuParticipantOverview *person = g_ptr_array_index (people, i);

      if (person->administration_id == administration_id
          && person->name != NULL && fu_names_alike (person->name, name))
        g_ptr_array_add (alike, g_ptr_array_steal_index (people, i));
    }
  return alike;
}
