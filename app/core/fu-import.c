/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-import.h"
#include "fu-import-private.h"
#include "fu-questionnaire.h"
#include "fu-rules.h"
#include "fu-store.h"

/* How many issues the GError's message lists; the result holds up to FU_IMPORT_MAX_ISSUES. */
#define MESSAGE_ISSUES 10
/* Closest administrations suggested for an unknown one. */
#define MAX_SUGGESTIONS 3

/* Every column any of the three files knows, in the order the "accepted columns" hint lists
 * them. */
typedef enum {
  COL_CODE,
  COL_TITLE,
  COL_KIND,
  COL_START_DATE,
  COL_END_DATE,
  COL_VENUE,
  COL_HOST_ADMINISTRATION,
  COL_CO_ORGANIZER,
  COL_SURVEYED,
  COL_NOTES,
  COL_WORKSHOP_CODE,
  COL_NAME,
  COL_ADMINISTRATION,
  COL_EMAIL,
  COL_POSITION,
  COL_GENDER,
  COL_RECEIVED_DATE,
  COL_ANSWERED_BY,
  COL_SHARED_MATERIALS,
  COL_SUBMITTED_REPORT,
  COL_MADE_RECOMMENDATIONS,
  COL_INHOUSE_WORKSHOP,
  COL_DEVELOPED_MANUALS,
  COL_OTHER_ACTION,
  COL_COLLEAGUES_SHARED,
  COL_OTHER_ACTION_TEXT,
  COL_COLLEAGUES_LEARNED,
  COL_LESSONS_USE,
  COL_DIRECT_EFFECTS,
  COL_DIRECT_EFFECTS_TEXT,
  COL_CONTRIBUTED,
  COL_CONTRIBUTED_TEXT,
  COL_PROJECT_INITIATED,
  COL_PROJECT_TEXT,
  N_COLS
} Column;

#define KIND_BIT(kind) (1u << (kind))
#define W KIND_BIT (FU_IMPORT_WORKSHOPS)
#define P KIND_BIT (FU_IMPORT_PARTICIPANTS)
#define R KIND_BIT (FU_IMPORT_RESPONSES)

static const struct {
  const char *name;
  guint       kinds;      /* the files that accept it */
  guint       required;   /* the files that require it */
} columns[N_COLS] = {
  [COL_CODE] = { "code", W, W },
  [COL_TITLE] = { "title", W, W },
  [COL_KIND] = { "kind", W, 0 },
  [COL_START_DATE] = { "start_date", W, W },
  [COL_END_DATE] = { "end_date", W, 0 },
  [COL_VENUE] = { "venue", W, 0 },
  [COL_HOST_ADMINISTRATION] = { "host_administration", W, 0 },
  [COL_CO_ORGANIZER] = { "co_organizer", W, 0 },
  [COL_SURVEYED] = { "surveyed", W, 0 },
  [COL_NOTES] = { "notes", W, 0 },
  [COL_WORKSHOP_CODE] = { "workshop_code", P | R, P | R },
  [COL_NAME] = { "name", P | R, P },
  [COL_ADMINISTRATION] = { "administration", P | R, P },
  [COL_EMAIL] = { "email", P | R, 0 },
  [COL_POSITION] = { "position", P, 0 },
  [COL_GENDER] = { "gender", P, 0 },
  [COL_RECEIVED_DATE] = { "received_date", R, R },
  [COL_ANSWERED_BY] = { "answered_by", R, 0 },
  [COL_SHARED_MATERIALS] = { "shared_materials", R, 0 },
  [COL_SUBMITTED_REPORT] = { "submitted_report", R, 0 },
  [COL_MADE_RECOMMENDATIONS] = { "made_recommendations", R, 0 },
  [COL_INHOUSE_WORKSHOP] = { "inhouse_workshop", R, 0 },
  [COL_DEVELOPED_MANUALS] = { "developed_manuals", R, 0 },
  [COL_OTHER_ACTION] = { "other_action", R, 0 },
  [COL_COLLEAGUES_SHARED] = { "colleagues_shared", R, 0 },
  [COL_OTHER_ACTION_TEXT] = { "other_action_text", R, 0 },
  [COL_COLLEAGUES_LEARNED] = { "colleagues_learned", R, 0 },
  [COL_LESSONS_USE] = { "lessons_use", R, 0 },
  [COL_DIRECT_EFFECTS] = { "direct_effects", R, 0 },
  [COL_DIRECT_EFFECTS_TEXT] = { "direct_effects_text", R, 0 },
  [COL_CONTRIBUTED] = { "contributed", R, 0 },
  [COL_CONTRIBUTED_TEXT] = { "contributed_text", R, 0 },
  [COL_PROJECT_INITIATED] = { "project_initiated", R, 0 },
  [COL_PROJECT_TEXT] = { "project_text", R, 0 },
};

#undef W
#undef P
#undef R

/* A workshop as the participants and responses files refer to it. id 0: no such code. */
typedef struct {
  gint64    id;
  FuDay     start_date;
  gboolean  surveyed;
} WorkshopInfo;

typedef struct {
  FuStore        *store;
  FuImportKind    kind;
  FuImportFlags   flags;
  const char     *file;          /* display name */
  FuImportResult *result;
  FuCsvReader    *reader;
  int             index[N_COLS]; /* the column's cell index in the file, or -1 */
  GArray         *unnamed;       /* guint: cell indexes of columns without a name */
  guint           line;          /* of the current record */
  gboolean        row_failed;    /* the current record has an issue */
  gboolean        row_pending;   /* the current record waits for the others (people) */

  GHashTable     *workshops;     /* code -> WorkshopInfo (participants, responses) */
  gboolean        workshops_listed;
  GPtrArray      *admins;        /* FuAdministration*, for suggestions */
  GHashTable     *admin_keys;    /* casefolded name and short name -> FuAdministration* */
  GHashTable     *admin_written; /* a name as a row wrote it -> what admin_keys gave it */
  GHashTable     *seen;          /* what this file already had -> GUINT_TO_POINTER (line) */
  GArray         *people;        /* PendingPerson: participants.csv's rows, checked */
  GStringChunk   *people_texts;  /* their texts, kept until they are written */
  const FuImportMapped *mapped;  /* the file as it came, when the text is our version of it */
  const FuImportOptions *options;
} FuImport;

static void import_column_free (FuImportColumn *column);

static void
issue_free (FuImportIssue *issue)
{
  g_free (issue->file);
  g_free (issue->column);
  g_free (issue->message);
  g_free (issue->unknown_administration);
  g_free (issue->suggestion);
  g_free (issue);
}


static void
add_issue_at (FuImport   *self,
              guint       line,
              const char *column,
              const char *message)
{
  g_assert (self != NULL);

  self->row_failed = TRUE;
  fu_import_result_add_issue (self->result, self->file, line, column, message);
}

/* The column as the file heads it: "E-mail Address" for our email. */
static const char *
column_label (FuImport *self,
              Column    column)
{
  const char *label = NULL;

  if (self->mapped != NULL)
    label = g_hash_table_lookup (self->mapped->labels, columns[column].name);
  return label != NULL ? label : columns[column].name;
}

/* The line in the file as it came of a line of our text. */
static guint
source_line (FuImport *self,
             guint     line)
{
  if (self->mapped == NULL || line >= self->mapped->lines->len)
    return line;
  return g_array_index (self->mapped->lines, guint, line);
}

void
fu_import_result_add_issue (FuImportResult *result,
                            const char     *file,
                            guint           line,
                            const char     *column,
                            const char     *message)
{
  g_return_if_fail (result != NULL);

  result->n_issues++;
  if (result->issues->len < FU_IMPORT_MAX_ISSUES)
    {
      FuImportIssue *issue = g_new0 (FuImportIssue, 1);

      issue->file = g_strdup (file);
      issue->line = line;
      issue->column = g_strdup (column);
      issue->message = g_strdup (message);
      g_ptr_array_add (result->issues, issue);
    }
}

static void add_issue (FuImport   *self,
                       Column      column,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

/* An issue on the current record, in @column (N_COLS for the whole row). */
static void
add_issue (FuImport   *self,
           Column      column,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_assert (self != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_issue_at (self, self->line, column < N_COLS ? column_label (self, column) : NULL, message);
}

/* The reader's errors read "participants.csv:3: column 2 (email): what is wrong". Take the
 * line and column out of the text so the issue lists like every other one; anything that
 * does not look like that is kept whole. */
static void
add_csv_issue (FuImport     *self,
               const GError *error)
{
  const char *message = error->message;
  g_autofree char *column = NULL;
  gsize file_len = strlen (self->file);
  guint line = 0;

  g_assert (self != NULL);

  if (strncmp (message, self->file, file_len) == 0 && message[file_len] == ':')
    {
      const char *p = message + file_len + 1;
      const char *digits = p;
      guint64 value = 0;

      while (g_ascii_isdigit (*p))
        value = value * 10 + (guint64) (*p++ - '0');
      if (p > digits && p - digits < 10 && p[0] == ':' && p[1] == ' ')
        {
          line = (guint) value;
          message = p + 2;
        }
      else if (p == digits && p[0] == ' ')
        message = p + 1;

      /* "column 2 (email): ..." */
      if (line > 0 && g_str_has_prefix (message, "column "))
        {
          const char *open = strstr (message, " (");
          const char *close = open != NULL ? strstr (open, "): ") : NULL;
          const char *colon = strstr (message, ": ");

          if (open != NULL && close != NULL && colon != NULL && colon == close + 1)
            {
              g_autofree char *name = g_strndup (open + 2, close - (open + 2));

              /* As written in the header; the issues name columns in lower case. */
              column = g_ascii_strdown (name, -1);
              message = close + 3;
            }
        }
    }

  add_issue_at (self, line, column, message);
}

/* ---- Cells ------------------------------------------------------------------------------ */

static gboolean
has_column (FuImport *self,
            Column    column)
{
  return self->index[column] >= 0;
}

/* Notes and free-text answers may hold line breaks; nothing else may hold a control
 * character. */
static gboolean
column_is_multiline (Column column)
{
  return column == COL_NOTES || column == COL_OTHER_ACTION_TEXT
         || column == COL_LESSONS_USE
         || column == COL_DIRECT_EFFECTS_TEXT || column == COL_CONTRIBUTED_TEXT
         || column == COL_PROJECT_TEXT;
}

/* The cell as written; "" when the file has no such column, and "" with an issue when it
 * holds a control character (a line break in a title). */
static const char *
raw_cell (FuImport *self,
          Column    column)
{
  const char *cell;

  g_assert (self != NULL);

  if (self->index[column] < 0)
    return "";
  cell = fu_csv_reader_get_cell (self->reader, (guint) self->index[column]);
  if (!fu_text_is_clean (cell, column_is_multiline (column)))
    {
      add_issue (self, column,
                 column_is_multiline (column)
                 ? _("the %s holds a control character: remove it")
                 : _("the %s holds a line break or a control character: write it on one line"),
                 columns[column].name);
      return "";
    }
  return cell;
}

/* A code, name, e-mail, date, number or yes/no: surrounding spaces do not count, and a
 * formula guard from an export is dropped. */
static char *
word_cell (FuImport *self,
           Column    column)
{
  const char *start = raw_cell (self, column);
  const char *end;
  char *word;

  /* One copy of what is left once trimmed, as g_strstrip() trims. */
  while (g_ascii_isspace (*start))
    start++;
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  word = g_strndup (start, (gsize) (end - start));
  if (fu_csv_unguard (word) != word)
    memmove (word, word + 1, strlen (word));
  return word;
}

/* Free text is kept as written, but for the export's formula guard; NULL when blank. */
static char *
text_cell (FuImport *self,
           Column    column)
{
  const char *text = fu_csv_unguard (raw_cell (self, column));
  const char *p;

  for (p = text; *p != '\0' && g_ascii_isspace (*p); p++)
    ;
  if (*p == '\0')
    return NULL;
  return g_strdup (text);
}

static gboolean
str_equal0 (const char *a,
            const char *b)
{
  return g_strcmp0 (a != NULL && a[0] != '\0' ? a : NULL,
                    b != NULL && b[0] != '\0' ? b : NULL) == 0;
}

static gboolean
parse_date_cell (FuImport *self,
                 Column    column,
                 FuDay    *day)
{
  g_autofree char *text = word_cell (self, column);

  *day = FU_DAY_NONE;
  if (text[0] == '\0')
    return TRUE;
  if (!fu_day_parse_iso (text, day))
    {
      add_issue (self, column, _("'%s' is not a date: write it as YYYY-MM-DD, e.g. 2017-03-21"),
                 text);
      return FALSE;
    }
  if (!fu_day_is_plausible (*day))
    {
      add_issue (self, column, _("'%s' is outside %s to %s: check the year"), text,
                 FU_DAY_FIRST_ENTERED, FU_DAY_LAST_ENTERED);
      *day = FU_DAY_NONE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_answer_cell (FuImport *self,
                   Column    column,
                   FuAnswer *answer)
{
  g_autofree char *text = word_cell (self, column);

  if (!fu_csv_parse_answer (text, answer))
    {
      add_issue (self, column, _("'%s' is not yes or no"), text);
      return FALSE;
    }
  return TRUE;
}

/* A whole number of colleagues; -1 when blank. */
static gboolean
parse_count_cell (FuImport *self,
                  Column    column,
                  gint     *count)
{
  g_autofree char *text = word_cell (self, column);
  guint64 value = 0;

  *count = -1;
  if (text[0] == '\0')
    return TRUE;
  if (!g_ascii_isdigit (text[0])
      || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    {
      add_issue (self, column, _("'%s' is not a whole number of 0 or more"), text);
      return FALSE;
    }
  *count = (gint) value;
  return TRUE;
}

/* A cell that must not be blank; NULL (and an issue) when it is. */
static char *
required_word_cell (FuImport *self,
                    Column    column)
{
  g_autofree char *text = word_cell (self, column);

  if (text[0] == '\0')
    {
      add_issue (self, column, _("the %s is missing"), columns[column].name);
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* One @ with something before it, a domain with a dot inside after it, no spaces. */
static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *domain;
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;

  domain = at + 1;
  dot = strchr (domain, '.');
  if (dot == NULL || dot == domain || domain[strlen (domain) - 1] == '.'
      || strstr (domain, "..") != NULL)
    return FALSE;

  return TRUE;
}

/* NULL when blank; an issue when it does not look like an e-mail address. */
static gboolean
parse_email_cell (FuImport  *self,
                  char     **email)
{
  g_autofree char *text = word_cell (self, COL_EMAIL);

  *email = NULL;
  if (text[0] == '\0')
    return TRUE;
  if (!looks_like_email (text))
    {
      add_issue (self, COL_EMAIL, _("'%s' is not an e-mail address"), text);
      return FALSE;
    }
  *email = g_steal_pointer (&text);
  return TRUE;
}

/* ---- Administrations -------------------------------------------------------------------- */

static char *
admin_key (const char *name)
{
  return g_utf8_casefold (name, -1);
}

static void
index_admin (FuImport         *self,
             FuAdministration *admin)
{
  g_assert (self != NULL);

  /* A name wins over another administration's short name. */
  if (admin->short_name != NULL && admin->short_name[0] != '\0')
    {
      char *key = admin_key (admin->short_name);

      if (!g_hash_table_contains (self->admin_keys, key))
        g_hash_table_insert (self->admin_keys, key, admin);
      else
        g_free (key);
    }
  if (admin->name != NULL)
    g_hash_table_replace (self->admin_keys, admin_key (admin->name), admin);
  /* A name may now stand for this one rather than the one it stood for. */
  if (self->admin_written != NULL)
    g_hash_table_remove_all (self->admin_written);
}

static gboolean
load_admins (FuImport  *self,
             GError   **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_assert (self != NULL);

  list = fu_store_list_administrations (self->store, error);
  if (list == NULL)
    return FALSE;

  self->admins = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_administration_free);
  self->admin_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->admin_written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (list->len > 0)
    {
      FuAdministration *admin = g_ptr_array_steal_index (list, 0);

      g_ptr_array_add (self->admins, admin);
      index_admin (self, admin);
    }
  return TRUE;
}

typedef struct {
  const FuAdministration *admin;
  guint                   distance;
} Suggestion;

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *sa = a;
  const Suggestion *sb = b;

  if (sa->distance != sb->distance)
    return sa->distance < sb->distance ? -1 : 1;
  return g_utf8_collate (sa->admin->name, sb->admin->name);
}

/* "did you mean Cambodia?", or "" when nothing is close; the closest in @closest. */
static char *
suggest_admins (FuImport    *self,
                const char  *typed,
                char       **closest)
{
  g_autofree char *key = admin_key (typed);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  glong len = g_utf8_strlen (key, -1);
  /* One typo in a short name, up to three in a long one. */
  guint limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
  const char *names[MAX_SUGGESTIONS] = { NULL, };
  guint n = 0;

  g_assert (self != NULL);

  for (guint i = 0; i < self->admins->len; i++)
    {
      const FuAdministration *admin = g_ptr_array_index (self->admins, i);
      g_autofree char *name_key = admin_key (admin->name);
      guint distance = fu_text_edit_distance (key, name_key);

      if (admin->short_name != NULL && admin->short_name[0] != '\0')
        {
          g_autofree char *short_key = admin_key (admin->short_name);

          distance = MIN (distance, fu_text_edit_distance (key, short_key));
        }
      /* "Hong Kong" for "Hong Kong China", "Lao" for "Lao PDR". */
      if (distance > limit && len >= 3 && g_str_has_prefix (name_key, key))
        distance = limit;

      if (distance <= limit)
        {
          Suggestion suggestion = { admin, distance };

          g_array_append_val (found, suggestion);
        }
    }

  g_array_sort (found, compare_suggestions);
  for (guint i = 0; i < found->len && n < MAX_SUGGESTIONS; i++)
    names[n++] = g_array_index (found, Suggestion, i).admin->name;
  if (closest != NULL)
    *closest = n > 0 ? g_strdup (names[0]) : NULL;

  switch (n)
    {
    case 0:
      return g_strdup ("");
    case 1:
      return g_strdup_printf (_("did you mean %s?"), names[0]);
    case 2:
      return g_strdup_printf (_("did you mean %s or %s?"), names[0], names[1]);
    default:
      return g_strdup_printf (_("did you mean %s, %s or %s?"), names[0], names[1], names[2]);
    }
}

/* The administration named (or short-named) @name; adds it when asked to and @may_add.
 * 0 with an issue in @column otherwise. */
static gint64
resolve_admin (FuImport   *self,
               Column      column,
               const char *name,
               gboolean    may_add)
{
  g_autofree char *key = NULL;
  FuAdministration *admin;
  g_autofree char *hint = NULL;
  g_autofree char *closest = NULL;
  gboolean stored;

  g_assert (self != NULL);

  /* A list writes its few administrations on every row, the same way each time. */
  admin = g_hash_table_lookup (self->admin_written, name);
  if (admin != NULL)
    return admin->id;
  key = admin_key (name);
  admin = g_hash_table_lookup (self->admin_keys, key);
  if (admin != NULL)
    {
      g_hash_table_insert (self->admin_written, g_strdup (name), admin);
      return admin->id;
    }

  if (may_add && ((self->flags & FU_IMPORT_ADD_ADMINISTRATIONS) != 0
                  || (self->options != NULL && self->options->new_administrations != NULL
                      && g_hash_table_contains (self->options->new_administrations, name))))
    {
      g_autoptr(FuAdministration) added = fu_administration_new ();
      g_autoptr(GError) error = NULL;

      added->name = g_strdup (name);
      added->member = FALSE;
      added->id = fu_store_add_administration (self->store, added, &error);
      if (added->id == 0)
        {
          add_issue (self, column, _("could not add administration '%s': %s"), name,
                     error != NULL ? error->message : "");
          return 0;
        }
      self->result->administrations_added++;
      admin = g_steal_pointer (&added);
      g_ptr_array_add (self->admins, admin);
      index_admin (self, admin);
      return admin->id;
    }

  hint = suggest_admins (self, name, &closest);
  stored = self->result->n_issues < FU_IMPORT_MAX_ISSUES;
  if (hint[0] != '\0')
    add_issue (self, column, _("unknown administration '%s': %s"), name, hint);
  else if (may_add)
    add_issue (self, column,
               _("unknown administration '%s': add it first, or import with adding "
                 "administrations (--add-administrations)"), name);
  else
    add_issue (self, column, _("unknown administration '%s'"), name);
  /* What the preview needs to offer "Use Viet Nam" or "Add as New". */
  if (stored)
    {
      FuImportIssue *issue = g_ptr_array_index (self->result->issues,
                                                self->result->issues->len - 1);

      issue->unknown_administration = g_strdup (name);
      issue->suggestion = g_steal_pointer (&closest);
    }
  return 0;
}

/* ---- Workshops as the other files refer to them ---------------------------------------- */

/* Every workshop by its code, read in one go when a row first names one: a list names many,
 * and a team database is a round trip away. FALSE with an issue when they cannot be read. */
static gboolean
list_workshops (FuImport *self)
{
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GError) error = NULL;

  self->workshops_listed = TRUE;
  workshops = fu_store_list_workshops (self->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  if (workshops == NULL)
    {
      add_issue (self, COL_WORKSHOP_CODE, "%s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < workshops->len; i++)
    {
      const FuWorkshop *workshop = g_ptr_array_index (workshops, i);
      WorkshopInfo *info = g_new0 (WorkshopInfo, 1);

      info->id = workshop->id;
      info->start_date = workshop->start_date;
      info->surveyed = workshop->surveyed;
      g_hash_table_replace (self->workshops, g_strdup (workshop->code), info);
    }
  return TRUE;
}

/* NULL with an issue in COL_WORKSHOP_CODE when there is no such workshop. */
static const WorkshopInfo *
resolve_workshop (FuImport   *self,
                  const char *code)
{
  WorkshopInfo *info;

  g_assert (self != NULL);

  if (!self->workshops_listed && !list_workshops (self))
    return NULL;
  info = g_hash_table_lookup (self->workshops, code);
  if (info == NULL)
    {
      /* Unknown codes are remembered too: a long list for a missing workshop asks once. */
      info = g_new0 (WorkshopInfo, 1);
      g_hash_table_insert (self->workshops, g_strdup (code), info);
    }

  if (info->id == 0)
    {
      add_issue (self, COL_WORKSHOP_CODE,
                 _("no workshop with code '%s': import workshops.csv first"), code);
      return NULL;
    }
  return info;
}

/* Notes an identity the file already had; an issue naming its first line if it had. */
static gboolean
note_seen (FuImport   *self,
           char       *key,
           guint      *first_line)
{
  gpointer value = NULL;

  g_assert (self != NULL);

  if (g_hash_table_lookup_extended (self->seen, key, NULL, &value))
    {
      g_free (key);
      *first_line = GPOINTER_TO_UINT (value);
      return FALSE;
    }
  g_hash_table_insert (self->seen, key, GUINT_TO_POINTER (self->line));
  return TRUE;
}

/* ---- workshops.csv ---------------------------------------------------------------------- */

/* The first column (present in the file) in which @existing differs from @wanted. */
static Column
workshop_difference (FuImport         *self,
                     const FuWorkshop *existing,
                     const FuWorkshop *wanted)
{
  g_assert (self != NULL);

  if (g_strcmp0 (existing->title, wanted->title) != 0)
    return COL_TITLE;
  if (has_column (self, COL_KIND) && existing->kind != wanted->kind)
    return COL_KIND;
  if (existing->start_date != wanted->start_date)
    return COL_START_DATE;
  if (has_column (self, COL_END_DATE) && existing->end_date != wanted->end_date)
    return COL_END_DATE;
  if (has_column (self, COL_VENUE) && !str_equal0 (existing->venue, wanted->venue))
    return COL_VENUE;
  if (has_column (self, COL_HOST_ADMINISTRATION)
      && existing->host_administration_id != wanted->host_administration_id)
    return COL_HOST_ADMINISTRATION;
  if (has_column (self, COL_CO_ORGANIZER)
      && !str_equal0 (existing->co_organizer, wanted->co_organizer))
    return COL_CO_ORGANIZER;
  if (has_column (self, COL_SURVEYED) && !existing->surveyed != !wanted->surveyed)
    return COL_SURVEYED;
  if (has_column (self, COL_NOTES) && !str_equal0 (existing->notes, wanted->notes))
    return COL_NOTES;
  return N_COLS;
}

/* "workshop 'X' already exists with other details: title 'A' in the database" */
static void
add_difference_issue (FuImport         *self,
                      Column            column,
                      const FuWorkshop *existing)
{
  g_autofree char *stored = NULL;

  switch (column)
    {
    case COL_TITLE:
      stored = g_strdup (existing->title);
      break;
    case COL_KIND:
      stored = g_strdup (fu_workshop_kind_to_string (existing->kind));
      break;
    case COL_START_DATE:
      stored = fu_day_to_iso (existing->start_date);
      break;
    case COL_END_DATE:
      stored = fu_day_to_iso (existing->end_date);
      break;
    case COL_VENUE:
      stored = g_strdup (existing->venue);
      break;
    case COL_HOST_ADMINISTRATION:
      for (guint i = 0; i < self->admins->len; i++)
        {
          const FuAdministration *admin = g_ptr_array_index (self->admins, i);

          if (admin->id == existing->host_administration_id)
            stored = g_strdup (admin->name);
        }
      break;
    case COL_CO_ORGANIZER:
      stored = g_strdup (existing->co_organizer);
      break;
    case COL_SURVEYED:
      stored = g_strdup (existing->surveyed ? "yes" : "no");
      break;
    case COL_NOTES:
      stored = g_strdup (existing->notes);
      break;
    default:
      g_assert_not_reached ();
    }

  add_issue (self, column,
             _("workshop '%s' already exists with other details: its %s is '%s' in the "
               "database"),
             existing->code, columns[column].name, stored != NULL ? stored : "");
}

static gboolean
parse_kind (const char     *text,
            FuWorkshopKind *kind)
{
  g_autofree char *name = g_ascii_strdown (text, -1);

  /* "Sub regional", "Train_the_trainer" */
  g_strdelimit (name, " _", '-');
  return fu_workshop_kind_from_string (name, kind);
}

static void
import_workshop_row (FuImport *self)
{
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *host = NULL;
  FuAnswer surveyed = FU_ANSWER_UNANSWERED;
  guint first_line = 0;
  gint64 id = 0;

  g_assert (self != NULL);

  workshop->code = required_word_cell (self, COL_CODE);
  workshop->title = text_cell (self, COL_TITLE);
  if (workshop->title == NULL)
    add_issue (self, COL_TITLE, _("the title is missing"));

  kind = word_cell (self, COL_KIND);
  if (kind[0] != '\0' && !parse_kind (kind, &workshop->kind))
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < FU_N_WORKSHOP_KINDS; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                fu_workshop_kind_to_string ((FuWorkshopKind) i));
      add_issue (self, COL_KIND, _("'%s' is not a kind of workshop: use one of %s"), kind,
                 names->str);
    }

  if (parse_date_cell (self, COL_START_DATE, &workshop->start_date)
      && workshop->start_date == FU_DAY_NONE)
    add_issue (self, COL_START_DATE, _("the start_date is missing"));
  if (parse_date_cell (self, COL_END_DATE, &workshop->end_date)
      && workshop->start_date != FU_DAY_NONE)
    {
      if (workshop->end_date == FU_DAY_NONE)
        workshop->end_date = workshop->start_date;
      else if (workshop->end_date < workshop->start_date)
        {
          char start[11], end[11];

          fu_day_format_iso (workshop->start_date, start);
          fu_day_format_iso (workshop->end_date, end);
          add_issue (self, COL_END_DATE, _("the workshop ends (%s) before it starts (%s)"),
                     end, start);
        }
    }

  workshop->venue = text_cell (self, COL_VENUE);
  workshop->co_organizer = text_cell (self, COL_CO_ORGANIZER);
  workshop->notes = text_cell (self, COL_NOTES);

  host = word_cell (self, COL_HOST_ADMINISTRATION);
  if (host[0] != '\0')
    workshop->host_administration_id = resolve_admin (self, COL_HOST_ADMINISTRATION, host,
                                                      TRUE);

  if (parse_answer_cell (self, COL_SURVEYED, &surveyed))
    workshop->surveyed = surveyed != FU_ANSWER_NO;

  if (workshop->code == NULL)
    return;

  if (!note_seen (self, g_strdup (workshop->code), &first_line))
    {
      add_issue (self, COL_CODE, _("workshop '%s' is already on line %u"), workshop->code,
                 first_line);
      return;
    }

  if (self->row_failed)
    return;

  if (!fu_store_lookup_workshop (self->store, workshop->code, &id, &error))
    {
      add_issue (self, COL_CODE, "%s", error->message);
      return;
    }

  if (id != 0)
    {
      g_autoptr(FuWorkshop) existing = fu_store_get_workshop (self->store, id, &error);
      Column differs;

      if (existing == NULL)
        {
          add_issue (self, COL_CODE, "%s", error != NULL ? error->message : "");
          return;
        }
      differs = workshop_difference (self, existing, workshop);
      if (differs != N_COLS)
        add_difference_issue (self, differs, existing);
      else
        self->result->unchanged++;
      return;
    }

  if (fu_store_add_workshop (self->store, workshop, &error) == 0)
    {
      add_issue (self, N_COLS, "%s", error != NULL ? error->message : "");
      return;
    }
  self->result->workshops_added++;
}

/* ---- participants.csv ------------------------------------------------------------------- */

/* A participants.csv row, checked, waiting to be written with the others: the whole list
 * is looked up at once, then its new people and attendances are written in one go. */
typedef struct {
  guint   line;
  guint   outcome;       /* its index in result->row_outcomes */
  gint64  workshop_id;
  char   *name;
  gint64  admin_id;
  char   *email;         /* NULL: none */
  char   *position;
  char   *gender;
} PendingPerson;

/* @text (freed) in the rows' texts, where it stays until they are written. */
static char *
keep_text (FuImport *self,
           char     *text)
{
  char *kept;

  if (text == NULL)
    return NULL;
  kept = g_string_chunk_insert (self->people_texts, text);
  g_free (text);
  return kept;
}

static void
import_participant_row (FuImport *self)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *email = NULL;
  const WorkshopInfo *workshop = NULL;
  gint64 admin_id = 0;
  PendingPerson pending = { 0 };

  g_assert (self != NULL);

  code = required_word_cell (self, COL_WORKSHOP_CODE);
  name = required_word_cell (self, COL_NAME);
  admin = required_word_cell (self, COL_ADMINISTRATION);
  parse_email_cell (self, &email);

  if (code != NULL)
    workshop = resolve_workshop (self, code);
  if (admin != NULL)
    admin_id = resolve_admin (self, COL_ADMINISTRATION, admin, TRUE);

  if (self->row_failed)
    return;

  pending.line = self->line;
  pending.outcome = self->result->row_outcomes->len;
  pending.workshop_id = workshop->id;
  pending.name = keep_text (self, g_steal_pointer (&name));
  pending.admin_id = admin_id;
  pending.email = keep_text (self, g_steal_pointer (&email));
  pending.position = keep_text (self, text_cell (self, COL_POSITION));
  pending.gender = keep_text (self, text_cell (self, COL_GENDER));
  g_array_append_val (self->people, pending);
  self->row_pending = TRUE;
}

/* A person the list names: one the database has, or one it adds. */
typedef struct {
  gint64         id;           /* in the database; 0 for one the list adds */
  FuParticipant *added;        /* the one the list adds, in @people_added */
  gboolean       has_email;
  char          *fill_email;   /* an e-mail the list gives one the database has without */
} Person;

typedef struct {
  GArray     *persons;          /* Person */
  GHashTable *by_id;            /* gint64* (database id) -> person index + 1 */
  GHashTable *by_email;         /* e-mail -> person index + 1 */
  GHashTable *by_name;          /* PendingPerson (name, administration) -> the first person
                                 * named so, index + 1 */
  GHashTable *attends;          /* the pairs of @pairs: this list's attendances */
  GArray     *added_block;      /* FuParticipant, their strings the rows' (PendingPerson):
                                 * made with room for every row, so that items stay put */
  GPtrArray  *people_added;     /* FuParticipant* into @added_block, in the list's order */
  GArray     *pairs;            /* gint64: workshop id, person index, for each attendance */
  guint       n_rows;
} People;

static void
people_clear (People *people)
{
  for (guint i = 0; people->persons != NULL && i < people->persons->len; i++)
    g_free (g_array_index (people->persons, Person, i).fill_email);
  g_clear_pointer (&people->persons, g_array_unref);
  g_clear_pointer (&people->by_id, g_hash_table_unref);
  g_clear_pointer (&people->by_email, g_hash_table_unref);
  g_clear_pointer (&people->by_name, g_hash_table_unref);
  g_clear_pointer (&people->attends, g_hash_table_unref);
  g_clear_pointer (&people->people_added, g_ptr_array_unref);
  g_clear_pointer (&people->added_block, g_array_unref);
  g_clear_pointer (&people->pairs, g_array_unref);
}

/* Keys that match as the database does: without regard to the case of ASCII letters. The
 * tables hold the rows' own strings (PendingPerson), which outlive them. PendingPerson by
 * name and administration: */
static guint
name_hash (gconstpointer key)
{
  const PendingPerson *pending = key;

  return fu_text_ascii_case_hash (pending->name, (guint) pending->admin_id * 31 + 5381);
}

static gboolean
name_equal (gconstpointer a,
            gconstpointer b)
{
  const PendingPerson *x = a;
  const PendingPerson *y = b;

  return x->admin_id == y->admin_id && g_ascii_strcasecmp (x->name, y->name) == 0;
}

/* A pair of People.pairs: workshop id, person index. */
static guint
pair_hash (gconstpointer key)
{
  const gint64 *pair = key;

  return (guint) (pair[0] * 1000003 + pair[1]);
}

static gboolean
pair_equal (gconstpointer a,
            gconstpointer b)
{
  const gint64 *x = a;
  const gint64 *y = b;

  return x[0] == y[0] && x[1] == y[1];
}

static guint
person_lookup (GHashTable    *table,
               gconstpointer  key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (table, key));   /* index + 1, 0: none */
}

/* The person the database has with @id, listed once. */
static guint
database_person (People   *people,
                 gint64    id,
                 gboolean  has_email)
{
  guint index = person_lookup (people->by_id, &id);
  Person person = { .id = id, .has_email = has_email };

  if (index != 0)
    return index - 1;
  g_array_append_val (people->persons, person);
  g_hash_table_insert (people->by_id, g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER (people->persons->len));
  return people->persons->len - 1;
}

static guint
new_person (People        *people,
            PendingPerson *pending)
{
  FuParticipant *participant;
  Person person = { .has_email = pending->email != NULL };

  /* No copy: 100,000 people would be half a million allocations. */
  g_assert (people->added_block->len < people->n_rows);
  g_array_set_size (people->added_block, people->added_block->len + 1);
  participant = &g_array_index (people->added_block, FuParticipant,
                                people->added_block->len - 1);
  participant->name = pending->name;
  participant->administration_id = pending->admin_id;
  participant->email = pending->email;
  participant->position = pending->position;
  participant->gender = pending->gender;
  person.added = participant;
  g_ptr_array_add (people->people_added, participant);
  g_array_append_val (people->persons, person);
  if (!g_hash_table_contains (people->by_name, pending))
    g_hash_table_insert (people->by_name, pending, GUINT_TO_POINTER (people->persons->len));
  return people->persons->len - 1;
}

/* Who @pending is, as fu_store_lookup_participant() would say with the rows before it
 * written: by e-mail, else by name; someone listed before without an e-mail gets this one
 * rather than being counted twice. *@attends_known and *@attends say what the database
 * knows of the person's attendance at the workshop. */
static guint
resolve_person (People              *people,
                PendingPerson       *pending,
                const FuPersonMatch *match,
                gboolean            *attends_known,
                gboolean            *attends,
                gboolean            *added)
{
  const char *key = pending->email;
  guint index;

  *attends_known = *attends = *added = FALSE;
  if (match->email_id != 0)
    {
      *attends_known = TRUE;
      *attends = match->email_attends;
      return database_person (people, match->email_id, TRUE);
    }
  if (key != NULL && (index = person_lookup (people->by_email, key)) != 0)
    return index - 1;

  if (match->name_id != 0)
    {
      index = database_person (people, match->name_id, match->name_has_email);
      *attends_known = TRUE;
      *attends = match->name_attends;
    }
  else
    {
      index = person_lookup (people->by_name, pending);
      if (index != 0)
        index--;
      else
        index = G_MAXUINT;
    }

  if (index != G_MAXUINT && key != NULL)
    {
      Person *person = &g_array_index (people->persons, Person, index);

      if (person->has_email)
        index = G_MAXUINT;   /* someone else of that name */
      else
        {
          person->has_email = TRUE;
          if (person->added != NULL)
            person->added->email = pending->email;   /* the row's, as the others */
          else
            person->fill_email = g_strdup (pending->email);
        }
    }
  if (index == G_MAXUINT)
    {
      /* New: whatever the one of that name attends, this person attends nothing yet. */
      index = new_person (people, pending);
      *attends_known = *added = TRUE;
      *attends = FALSE;
    }
  if (key != NULL)
    g_hash_table_insert (people->by_email, (gpointer) key, GUINT_TO_POINTER (index + 1));
  return index;
}

/* Sorts the list's rows into new people, attendances and what is there already, as writing
 * them one by one would. */
static gboolean
sort_people (FuImport  *self,
             People    *people,
             GError   **error)
{
  g_autofree FuPersonMatch *matches = g_new (FuPersonMatch, MAX (self->people->len, 1));

  for (guint i = 0; i < self->people->len; i++)
    {
      PendingPerson *pending = &g_array_index (self->people, PendingPerson, i);

      matches[i] = (FuPersonMatch) {
        .workshop_id = pending->workshop_id,
        .name = pending->name,
        .administration_id = pending->admin_id,
        .email = pending->email,
      };
    }
  if (!fu_store_match_people (self->store, matches, self->people->len, error))
    return FALSE;

  for (guint i = 0; i < self->people->len; i++)
    {
      PendingPerson *pending = &g_array_index (self->people, PendingPerson, i);
      FuImportRow *row = g_ptr_array_index (self->result->row_outcomes, pending->outcome);
      gboolean attends_known, attends, added;
      guint index = resolve_person (people, pending, &matches[i], &attends_known, &attends,
                                    &added);
      Person *person = &g_array_index (people->persons, Person, index);
      gint64 pair[2] = { pending->workshop_id, index };

      if (added)
        self->result->participants_added++;
      /* One the database has, reached through an e-mail this list gave: ask. */
      if (!attends_known && person->id != 0)
        {
          gint64 attendance_id = 0;

          if (!fu_store_lookup_attendance (self->store, pending->workshop_id, person->id,
                                           &attendance_id, error))
            return FALSE;
          attends = attendance_id != 0;
        }
      /* The same list twice, or a person listed twice: nobody is added twice. */
      if (attends || g_hash_table_contains (people->attends, pair))
        {
          self->result->unchanged++;
          row->outcome = FU_IMPORT_ROW_UNCHANGED;
          continue;
        }
      /* @pairs never grows past the size it was made with: its items stay where they are. */
      g_array_append_vals (people->pairs, pair, 2);
      g_hash_table_add (people->attends,
                        &g_array_index (people->pairs, gint64, people->pairs->len - 2));
      self->result->attendances_added++;
      row->outcome = added ? FU_IMPORT_ROW_NEW : FU_IMPORT_ROW_KNOWN;
    }
  return TRUE;
}

/* Writes what sort_people() found: e-mails given to people the database has, the new people,
 * then the attendances. */
static gboolean
write_people (FuImport  *self,
              People    *people,
              GError   **error)
{
  for (guint i = 0; i < people->persons->len; i++)
    {
      Person *person = &g_array_index (people->persons, Person, i);
      g_autoptr(FuParticipant) participant = NULL;

      if (person->fill_email == NULL)
        continue;
      participant = fu_store_get_participant (self->store, person->id, error);
      if (participant == NULL)
        return FALSE;
      g_free (participant->email);
      participant->email = g_strdup (person->fill_email);
      if (!fu_store_update_participant (self->store, participant, error))
        return FALSE;
    }
  if (!fu_store_add_participants (self->store, people->people_added, error))
    return FALSE;
  for (guint i = 0; i < people->pairs->len; i += 2)
    {
      gint64 *person_index = &g_array_index (people->pairs, gint64, i + 1);
      Person *person = &g_array_index (people->persons, Person, (guint) *person_index);

      *person_index = person->added != NULL ? person->added->id : person->id;
    }
  return fu_store_add_attendances (self->store, (const gint64 *) people->pairs->data,
                                   people->pairs->len / 2, error);
}

/* The participants list's rows, once every one is read: sorted, and written when the file
 * has no issue. */
static gboolean
import_people (FuImport  *self,
               gboolean   write,
               GError   **error)
{
  People people = { 0 };
  gboolean ok;

  people.persons = g_array_sized_new (FALSE, FALSE, sizeof (Person), self->people->len);
  people.by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  people.by_email = g_hash_table_new (fu_text_ascii_case_str_hash, fu_text_ascii_case_str_equal);
  people.by_name = g_hash_table_new (name_hash, name_equal);
  people.attends = g_hash_table_new (pair_hash, pair_equal);
  people.n_rows = self->people->len;
  people.added_block = g_array_sized_new (FALSE, TRUE, sizeof (FuParticipant), people.n_rows);
  people.people_added = g_ptr_array_sized_new (people.n_rows);
  people.pairs = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 2 * self->people->len);

  ok = sort_people (self, &people, error) && (!write || write_people (self, &people, error));
  people_clear (&people);
  return ok;
}

/* ---- responses.csv ---------------------------------------------------------------------- */

/* The column of our files that holds @item. */
static Column
column_of_item (const FuQuestionnaireItem *item)
{
  for (guint col = 0; col < N_COLS; col++)
    if (strcmp (columns[col].name, item->column) == 0)
      return (Column) col;
  g_return_val_if_reached (N_COLS);
}

static gboolean
replies_equal (const FuReply *a,
               const FuReply *b)
{
  if (a->received_date != b->received_date || !str_equal0 (a->answered_by, b->answered_by))
    return FALSE;
  for (guint i = 0; i < FU_N_ITEMS; i++)
    {
      const FuQuestionnaireItem *item = fu_questionnaire_get_item ((FuItemId) i);
      gpointer x = fu_questionnaire_reply_field (item, (FuReply *) a);
      gpointer y = fu_questionnaire_reply_field (item, (FuReply *) b);
      gboolean same;

      switch (item->type)
        {
        case FU_ITEM_TICK:
          same = !*(gboolean *) x == !*(gboolean *) y;
          break;
        case FU_ITEM_COUNT:
          same = *(gint *) x == *(gint *) y;
          break;
        case FU_ITEM_ANSWER:
          same = *(FuAnswer *) x == *(FuAnswer *) y;
          break;
        case FU_ITEM_TEXT:
        case FU_ITEM_DESCRIPTION:
        default:
          same = str_equal0 (*(char **) x, *(char **) y);
          break;
        }
      if (!same)
        return FALSE;
    }
  return TRUE;
}

/* The answers of the current row into @reply, item by item; issues for bad cells. */
static void
parse_reply (FuImport *self,
             FuReply  *reply)
{
  g_assert (self != NULL);

  if (parse_date_cell (self, COL_RECEIVED_DATE, &reply->received_date)
      && reply->received_date == FU_DAY_NONE)
    add_issue (self, COL_RECEIVED_DATE, _("the received_date is missing"));

  reply->answered_by = text_cell (self, COL_ANSWERED_BY);

  for (guint i = 0; i < FU_N_ITEMS; i++)
    {
      const FuQuestionnaireItem *item = fu_questionnaire_get_item ((FuItemId) i);
      Column column = column_of_item (item);
      gpointer field = fu_questionnaire_reply_field (item, reply);
      FuAnswer tick = FU_ANSWER_UNANSWERED;

      switch (item->type)
        {
        case FU_ITEM_TICK:
          if (parse_answer_cell (self, column, &tick))
            *(gboolean *) field = tick == FU_ANSWER_YES;
          break;
        case FU_ITEM_COUNT:
          parse_count_cell (self, column, field);
          break;
        case FU_ITEM_ANSWER:
          parse_answer_cell (self, column, field);
          break;
        case FU_ITEM_TEXT:
        case FU_ITEM_DESCRIPTION:
        default:
          *(char **) field = text_cell (self, column);
          break;
        }
    }
}

/* Who replied: the e-mail when there is one, else name and administration. FALSE with an
 * issue when the row does not tell. @who describes the person for messages, @column is
 * where to report that person's issues. */
static gboolean
read_who (FuImport  *self,
          char     **email,
          char     **name,
          gint64    *admin_id,
          char     **who,
          Column    *column)
{
  g_autofree char *admin = NULL;

  g_assert (self != NULL);

  if (!parse_email_cell (self, email))
    return FALSE;
  if (*email != NULL)
    {
      *who = g_strdup (*email);
      *column = COL_EMAIL;
      return TRUE;
    }

  if (!has_column (self, COL_NAME) || !has_column (self, COL_ADMINISTRATION))
    {
      add_issue (self, COL_EMAIL, _("the email is missing"));
      return FALSE;
    }

  *name = word_cell (self, COL_NAME);
  admin = word_cell (self, COL_ADMINISTRATION);
  *column = COL_NAME;
  if ((*name)[0] == '\0' || admin[0] == '\0')
    {
      add_issue (self, (*name)[0] == '\0' ? COL_NAME : COL_ADMINISTRATION,
                 _("give the participant's email, or name and administration"));
      return FALSE;
    }
  *admin_id = resolve_admin (self, COL_ADMINISTRATION, admin, FALSE);
  if (*admin_id == 0)
    return FALSE;

  *who = g_strdup_printf ("%s (%s)", *name, admin);
  return TRUE;
}

static void
import_response_row (FuImport *self)
{
  g_autoptr(FuReply) reply = fu_reply_new ();
  g_autoptr(FuReply) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *who = NULL;
  const WorkshopInfo *workshop = NULL;
  Column who_column = COL_EMAIL;
  gboolean known;
  gint64 admin_id = 0;
  gint64 participant_id = 0;
  gint64 attendance_id = 0;
  gint64 followup_id = 0;
  guint first_line = 0;

  g_assert (self != NULL);

  code = required_word_cell (self, COL_WORKSHOP_CODE);
  if (code != NULL)
    workshop = resolve_workshop (self, code);

  if (workshop != NULL && !workshop->surveyed)
    {
      add_issue (self, COL_WORKSHOP_CODE,
                 _("workshop '%s' is not surveyed: it takes no replies"), code);
      workshop = NULL;
    }

  known = read_who (self, &email, &name, &admin_id, &who, &who_column);
  parse_reply (self, reply);
  if (workshop == NULL || !known)
    return;

  if (reply->received_date != FU_DAY_NONE && reply->received_date < workshop->start_date)
    {
      char received[11], start[11];

      fu_day_format_iso (reply->received_date, received);
      fu_day_format_iso (workshop->start_date, start);
      add_issue (self, COL_RECEIVED_DATE,
                 _("the reply was received (%s) before workshop '%s' started (%s)"), received,
                 code, start);
    }

  if (!fu_store_lookup_participant (self->store, email, name, admin_id, &participant_id,
                                    &error))
    {
      add_issue (self, who_column, "%s", error->message);
      return;
    }
  if (participant_id == 0)
    {
      add_issue (self, who_column,
                 _("no participant %s: import the attendance list (participants.csv) first"),
                 who);
      return;
    }

  if (!fu_store_lookup_attendance (self->store, workshop->id, participant_id, &attendance_id,
                                   &error))
    {
      add_issue (self, who_column, "%s", error->message);
      return;
    }
  if (attendance_id == 0)
    {
      add_issue (self, who_column, _("%s did not attend workshop '%s'"), who, code);
      return;
    }

  if (!fu_store_lookup_followup (self->store, attendance_id, &followup_id, &error))
    {
      add_issue (self, who_column, "%s", error->message);
      return;
    }
  if (followup_id == 0)
    {
      add_issue (self, COL_WORKSHOP_CODE,
                 _("workshop '%s' is not surveyed: it takes no replies"), code);
      return;
    }

  /* Two replies for one attendance in one file: which one is right is anybody's guess. */
  if (!note_seen (self, g_strdup_printf ("%" G_GINT64_FORMAT, followup_id), &first_line))
    {
      add_issue (self, who_column, _("a reply from %s to workshop '%s' is already on line %u"),
                 who, code, first_line);
      return;
    }

  if (self->row_failed)
    return;

  existing = fu_store_get_reply (self->store, followup_id, &error);
  if (error != NULL)
    {
      add_issue (self, N_COLS, "%s", error->message);
      return;
    }

  reply->followup_id = followup_id;
  if (existing != NULL)
    {
      /* The same reply again (an export imported back) changes nothing. */
      if (replies_equal (existing, reply))
        {
          self->result->unchanged++;
          return;
        }
      if ((self->flags & FU_IMPORT_REPLACE) == 0)
        {
          add_issue (self, who_column,
                     _("a reply from %s to workshop '%s' is already recorded: use --replace "
                       "to replace it"), who, code);
          return;
        }
    }

  if (!fu_store_save_reply (self->store, reply, existing != NULL, &error))
    {
      add_issue (self, N_COLS, "%s", error->message);
      return;
    }
  if (existing != NULL)
    self->result->replies_replaced++;
  else
    self->result->replies_added++;
}

/* ---- The file --------------------------------------------------------------------------- */

static char *
accepted_columns (FuImportKind kind)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < N_COLS; i++)
    if ((columns[i].kinds & KIND_BIT (kind)) != 0)
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", columns[i].name);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Maps the header's names to columns. FALSE (with issues) when the header is wrong. */
static gboolean
read_header (FuImport *self)
{
  guint n = fu_csv_reader_get_n_columns (self->reader);
  guint before = self->result->n_issues;
  guint kind_bit = KIND_BIT (self->kind);

  g_assert (self != NULL);

  self->line = source_line (self, 1);
  for (guint i = 0; i < N_COLS; i++)
    self->index[i] = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_ascii_strdown (fu_csv_reader_get_column_name (self->reader, i),
                                               -1);
      guint col;

      g_strstrip (name);
      /* Spreadsheets leave empty columns at the right; they hold nothing to import. */
      if (name[0] == '\0')
        {
          g_array_append_val (self->unnamed, i);
          continue;
        }

      for (col = 0; col < N_COLS; col++)
        if ((columns[col].kinds & kind_bit) != 0 && strcmp (columns[col].name, name) == 0)
          break;

      if (col == N_COLS)
        {
          g_autofree char *accepted = accepted_columns (self->kind);

          add_issue (self, N_COLS, _("unknown column '%s': the columns of this file are %s"),
                     fu_csv_reader_get_column_name (self->reader, i), accepted);
        }
      else if (self->index[col] >= 0)
        add_issue (self, N_COLS, _("column '%s' appears twice (columns %d and %u)"),
                   columns[col].name, self->index[col] + 1, i + 1);
      else
        self->index[col] = (int) i;
    }

  for (guint col = 0; col < N_COLS; col++)
    if ((columns[col].required & kind_bit) != 0 && self->index[col] < 0)
      add_issue (self, N_COLS, _("missing required column '%s'"), columns[col].name);

  if (self->kind == FU_IMPORT_RESPONSES && !has_column (self, COL_EMAIL)
      && (!has_column (self, COL_NAME) || !has_column (self, COL_ADMINISTRATION)))
    add_issue (self, N_COLS,
               _("missing column 'email', or 'name' and 'administration', to tell who "
                 "replied"));

  return self->result->n_issues == before;
}

static gboolean
is_blank (const char *text)
{
  return text[strspn (text, " \t")] == '\0';
}

static gboolean
row_is_blank (FuImport *self)
{
  guint n_cells = fu_csv_reader_get_n_cells (self->reader);

  for (guint i = 0; i < n_cells; i++)
    if (!is_blank (fu_csv_reader_get_cell (self->reader, i)))
      return FALSE;
  return TRUE;
}

/* What became of the current row, for the preview. */
static void
note_outcome (FuImport        *self,
              FuImportOutcome  outcome)
{
  FuImportRow *row = g_new0 (FuImportRow, 1);
  Column who = self->kind == FU_IMPORT_WORKSHOPS ? COL_TITLE : COL_NAME;
  const char *name;

  row->line = self->line;
  row->outcome = outcome;
  name = has_column (self, who) ? fu_csv_reader_get_cell (self->reader, (guint) self->index[who])
                                : "";
  if (name[0] == '\0' && has_column (self, COL_EMAIL))
    name = fu_csv_reader_get_cell (self->reader, (guint) self->index[COL_EMAIL]);
  if (name[0] == '\0' && has_column (self, COL_CODE))
    name = fu_csv_reader_get_cell (self->reader, (guint) self->index[COL_CODE]);
  row->who = g_string_chunk_insert (self->result->row_texts, name);
  /* A few administrations over and over: each kept once. */
  row->administration = g_string_chunk_insert_const (
    self->result->row_texts,
    has_column (self, COL_ADMINISTRATION)
    ? fu_csv_reader_get_cell (self->reader, (guint) self->index[COL_ADMINISTRATION]) : "");
  g_ptr_array_add (self->result->row_outcomes, row);
}

static void
import_row (FuImport *self)
{
  guint n_cells = fu_csv_reader_get_n_cells (self->reader);
  guint n_columns = fu_csv_reader_get_n_columns (self->reader);
  guint before_new, before_known, before_unchanged;
  FuImportOutcome outcome;

  g_assert (self != NULL);

  /* Spreadsheets save rows of empty cells (",,,,") below the data: nothing to import. */
  if (row_is_blank (self))
    return;

  self->line = source_line (self, fu_csv_reader_get_line (self->reader));
  self->row_failed = FALSE;
  self->row_pending = FALSE;
  self->result->rows++;

  if (n_cells > n_columns)
    {
      add_issue (self, N_COLS, _("the row has %u cells but the header names only %u columns"),
                 n_cells, n_columns);
      note_outcome (self, FU_IMPORT_ROW_ERROR);
      return;
    }
  for (guint i = 0; i < self->unnamed->len; i++)
    {
      guint index = g_array_index (self->unnamed, guint, i);
      const char *cell = fu_csv_reader_get_cell (self->reader, index);

      if (!is_blank (cell))
        {
          add_issue (self, N_COLS, _("column %u has a value but no name in the header row"),
                     index + 1);
          note_outcome (self, FU_IMPORT_ROW_ERROR);
          return;
        }
    }

  before_new = self->result->participants_added + self->result->replies_added
               + self->result->workshops_added;
  before_known = self->result->attendances_added + self->result->replies_replaced;
  before_unchanged = self->result->unchanged;

  switch (self->kind)
    {
    case FU_IMPORT_WORKSHOPS:
      import_workshop_row (self);
      break;
    case FU_IMPORT_PARTICIPANTS:
      import_participant_row (self);
      break;
    case FU_IMPORT_RESPONSES:
      import_response_row (self);
      break;
    default:
      g_assert_not_reached ();
    }

  if (self->result->participants_added + self->result->replies_added
      + self->result->workshops_added > before_new)
    outcome = FU_IMPORT_ROW_NEW;
  else if (self->result->attendances_added + self->result->replies_replaced > before_known)
    outcome = FU_IMPORT_ROW_KNOWN;
  else if (self->result->unchanged > before_unchanged)
    outcome = FU_IMPORT_ROW_UNCHANGED;
  else if (self->row_pending)
    outcome = FU_IMPORT_ROW_UNCHANGED;   /* until import_people() says */
  else
    outcome = FU_IMPORT_ROW_ERROR;
  note_outcome (self, self->row_failed ? FU_IMPORT_ROW_ERROR : outcome);
}

static void propagate_fault (FuImport *self, const GError *fault, GError **error);

static void
read_rows (FuImport *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (self != NULL);

  GCancellable *cancellable = self->options != NULL ? self->options->cancellable : NULL;
  FuImportProgress *progress = self->options != NULL ? self->options->progress : NULL;
  guint n = 0;

  while (fu_csv_reader_next (self->reader, &error))
    {
      import_row (self);
      /* A full disk or a failing one: no row can be saved, and its error is the file's. */
      if (fu_store_get_fault (self->store) != NULL)
        return;
      if ((++n & 255) == 0)
        {
          if (progress != NULL)
            g_atomic_int_set (&progress->done, (gint) n);
          if (g_cancellable_is_cancelled (cancellable))
            return;
        }
    }
  if (progress != NULL)
    g_atomic_int_set (&progress->done, (gint) n);

  /* The reader cannot resynchronize after a syntax error: the rest is unread. */
  if (error != NULL)
    add_csv_issue (self, error);
}

static gboolean import_rows_flat (FuImport *self, GError **error);

/* One transaction for the whole file. Rows go on being checked after a bad one, and the
 * rollback at the end takes back whatever the good ones wrote. FALSE only when the database
 * fails; bad rows are issues. */
static gboolean
import_rows (FuImport  *self,
             GError   **error)
{
  gboolean ok;

  g_assert (self != NULL);

  /* One transaction and no savepoint per row: a row that fails is an issue, and any issue
   * rolls the whole file back. */
  fu_store_set_flat (self->store, TRUE);
  ok = import_rows_flat (self, error);
  fu_store_set_flat (self->store, FALSE);
  return ok;
}

static gboolean
import_rows_flat (FuImport  *self,
                  GError   **error)
{
  if (!load_admins (self, error) || !fu_store_begin (self->store, error))
    return FALSE;

  read_rows (self);

  if (self->options != NULL
      && g_cancellable_set_error_if_cancelled (self->options->cancellable, error))
    {
      /* Cancelled: nothing of it is kept. */
      fu_store_rollback (self->store);
      return FALSE;
    }
  if (self->people->len > 0 && fu_store_get_fault (self->store) == NULL)
    {
      g_autoptr(GError) people_error = NULL;
      gboolean write = self->result->n_issues == 0 && (self->flags & FU_IMPORT_DRY_RUN) == 0;

      if (!import_people (self, write, &people_error) && fu_store_get_fault (self->store) == NULL)
        {
          fu_store_rollback (self->store);
          g_propagate_error (error, g_steal_pointer (&people_error));
          return FALSE;
        }
    }
  if (fu_store_get_fault (self->store) != NULL)
    {
      /* The rows are not at fault: the disk is. */
      propagate_fault (self, fu_store_get_fault (self->store), error);
      g_ptr_array_set_size (self->result->issues, 0);
      self->result->n_issues = 0;
      fu_store_rollback (self->store);
      return FALSE;
    }
  if (self->result->n_issues > 0 || (self->flags & FU_IMPORT_DRY_RUN) != 0)
    fu_store_rollback (self->store);
  else
    {
      g_autoptr(GError) commit_error = NULL;

      if (!fu_store_commit (self->store, &commit_error))
        {
          fu_store_rollback (self->store);
          propagate_fault (self, commit_error, error);
          return FALSE;
        }
    }
  return TRUE;
}

/* A fault of the store (a full disk) as the import's error: it says nothing was imported. */
static void
propagate_fault (FuImport     *self,
                 const GError *fault,
                 GError      **error)
{
  if (g_error_matches (fault, FU_STORE_ERROR, FU_STORE_ERROR_DISK_FULL))
    {
      g_autofree char *base = g_path_get_basename (fu_store_get_path (self->store));

      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_DISK_FULL,
                   _("The disk holding %s is full: nothing was imported. Free some space and "
                     "try again."), base);
      return;
    }
  g_propagate_error (error, g_error_copy (fault));
}

/* FU_IMPORT_ERROR_INVALID: "participants.csv: 3 problems, nothing was imported:" and the
 * first kinds of problem. */
static void
set_invalid_error_for (FuImportResult  *result,
                       const char      *file,
                       GError         **error)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GPtrArray) groups = fu_import_result_group_issues (result);
  guint n = result->n_issues;

  g_string_append_printf (message,
                          ngettext ("%s: %u problem, nothing was imported:",
                                    "%s: %u problems, nothing was imported:", n),
                          file, n);
  for (guint i = 0; i < groups->len && i < MESSAGE_ISSUES; i++)
    {
      g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (groups, i));
    }
  if (groups->len > MESSAGE_ISSUES || n > result->issues->len)
    {
      g_string_append_c (message, '\n');
      g_string_append_printf (message, _("and more: %u problems in all"), n);
    }

  g_set_error_literal (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_INVALID, message->str);
}

static void
set_invalid_error (FuImport  *self,
                   GError   **error)
{
  set_invalid_error_for (self->result, self->file, error);
}

static void
fu_import_clear (FuImport *self)
{
  g_clear_pointer (&self->reader, fu_csv_reader_free);
  g_clear_pointer (&self->unnamed, g_array_unref);
  g_clear_pointer (&self->workshops, g_hash_table_unref);
  g_clear_pointer (&self->admin_keys, g_hash_table_unref);
  g_clear_pointer (&self->admin_written, g_hash_table_unref);
  g_clear_pointer (&self->admins, g_ptr_array_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->people_texts, g_string_chunk_free);
}

/* ---- Public API ------------------------------------------------------------------------- */

char *
fu_import_issue_to_string (const FuImportIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  if (issue->line == 0)
    return g_strdup_printf ("%s: %s", issue->file, issue->message);
  if (issue->column == NULL)
    return g_strdup_printf ("%s:%u: %s", issue->file, issue->line, issue->message);
  /* TRANSLATORS: file name, line number, column name, then what is wrong */
  return g_strdup_printf (_("%s:%u: column %s: %s"), issue->file, issue->line, issue->column,
                          issue->message);
}

FuImportResult *
fu_import_result_new (FuImportKind kind)
{
  FuImportResult *self = g_new0 (FuImportResult, 1);

  self->kind = kind;
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) import_column_free);
  self->row_outcomes = g_ptr_array_new_with_free_func (g_free);
  self->row_texts = g_string_chunk_new (16 * 1024);
  return self;
}

void
fu_import_result_free (FuImportResult *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->row_outcomes, g_ptr_array_unref);
  g_clear_pointer (&self->row_texts, g_string_chunk_free);
  g_clear_pointer (&self->sheets, g_strfreev);
  g_free (self->encoding);
  g_free (self->detected);
  g_free (self);
}

gboolean
fu_import_kind_from_string (const char   *text,
                            FuImportKind *kind)
{
  static const struct {
    const char   *name;
    FuImportKind  kind;
  } names[] = {
    { "workshops", FU_IMPORT_WORKSHOPS },
    { "participants", FU_IMPORT_PARTICIPANTS },
    { "responses", FU_IMPORT_RESPONSES },
  };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        if (kind != NULL)
          *kind = names[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* Our own CSV text into the store; @mapped says where its rows came from. Issues already in
 * @result (from reading the file) make it fail too, after every row is checked. @data
 * (g_malloc()ed, NUL after @length) is taken. */
static gboolean
import_text (FuStore               *store,
             FuImportKind           kind,
             const char            *display_name,
             char                  *data,
             gsize                  length,
             FuImportFlags          flags,
             const FuImportOptions *options,
             const FuImportMapped  *mapped,
             FuImportResult        *result,
             GError               **error)
{
  g_autoptr(GError) csv_error = NULL;
  FuImport self = { 0, };
  gboolean ok = TRUE;

  self.store = store;
  self.kind = kind;
  self.flags = flags;
  self.file = display_name;
  self.result = result;
  self.mapped = mapped;
  self.options = options;
  self.unnamed = g_array_new (FALSE, FALSE, sizeof (guint));
  self.workshops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Room for every row of the file at once: growing by doubling copies it over and over. */
  self.people = g_array_sized_new (FALSE, TRUE, sizeof (PendingPerson),
                                   mapped != NULL ? mapped->lines->len : 0);
  self.people_texts = g_string_chunk_new (64 * 1024);

  self.reader = fu_csv_reader_new_take (display_name, data, length, ',', &csv_error);
  if (self.reader == NULL)
    add_csv_issue (&self, csv_error);
  else if (read_header (&self))
    ok = import_rows (&self, error);

  if (ok && self.result->n_issues > 0)
    {
      set_invalid_error (&self, error);
      ok = FALSE;
    }

  fu_import_clear (&self);
  return ok;
}

gboolean
fu_import_text (FuStore         *store,
                FuImportKind     kind,
                const char      *display_name,
                const char      *data,
                gsize            length,
                FuImportFlags    flags,
                FuImportResult **result,
                GError         **error)
{
  g_autoptr(FuImportResult) local_result = fu_import_result_new (kind);
  gboolean ok;

  ok = import_text (store, kind, display_name, g_strndup (data != NULL ? data : "", length),
                    length, flags, NULL, NULL, local_result, error);
  if (result != NULL)
    *result = g_steal_pointer (&local_result);
  return ok;
}

gboolean
fu_import_data (FuStore         *store,
                FuImportKind     kind,
                const char      *display_name,
                const char      *data,
                gsize            length,
                FuImportFlags    flags,
                FuImportResult **result,
                GError         **error)
{
  return fu_import_data_full (store, kind, display_name, data, length, NULL, flags, result,
                              error);
}

struct _FuImportRead {
  FuImportKind           kind;
  char                  *display_name;
  const FuImportOptions *options;
  FuImportResult        *result;
  FuImportMapped         mapped;
  gboolean               invalid;   /* the file has problems: @result lists them */
};

void
fu_import_read_free (FuImportRead *read)
{
  if (read == NULL)
    return;
  g_free (read->display_name);
  g_clear_pointer (&read->result, fu_import_result_free);
  fu_import_mapped_clear (&read->mapped);
  g_free (read);
}

/* @owned, when not NULL, is @data itself (g_malloc()ed, a NUL after it), taken. */
static FuImportRead *
read_data (FuStore                *store,
           FuImportKind            kind,
           const char             *display_name,
           const char             *data,
           gsize                   length,
           char                   *owned,
           const FuImportOptions  *options,
           GError                **error)
{
  g_autoptr(FuImportRead) read = NULL;
  g_autoptr(FuTable) table = NULL;
  FuTableOptions table_options = { NULL, };
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (FU_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= FU_IMPORT_RESPONSES, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  read = g_new0 (FuImportRead, 1);
  read->kind = kind;
  read->display_name = g_strdup (display_name);
  read->options = options;
  read->result = fu_import_result_new (kind);
  if (options != NULL)
    {
      table_options.encoding = options->encoding;
      table_options.delimiter = options->delimiter;
      table_options.sheet = options->sheet;
    }

  table = owned != NULL
          ? fu_table_read_take (display_name, owned, length, &table_options, &read_error)
          : fu_table_read (display_name, data != NULL ? data : "", length, &table_options,
                           &read_error);
  if (table == NULL)
    {
      /* An empty, binary or badly quoted file is bad input like a bad row: an issue, at
       * its line and column when the reader knows them. */
      FuImport reading = { 0, };

      reading.file = display_name;
      reading.result = read->result;
      add_csv_issue (&reading, read_error);
      read->invalid = TRUE;
    }
  else if (!fu_import_map_table (store, kind, table, options, read->result, &read->mapped,
                                 error))
    return NULL;
  else if (read->mapped.csv->len == 0)
    read->invalid = TRUE;   /* a missing column */
  return g_steal_pointer (&read);
}

FuImportRead *
fu_import_read_data (FuStore                *store,
                     FuImportKind            kind,
                     const char             *display_name,
                     const char             *data,
                     gsize                   length,
                     const FuImportOptions  *options,
                     GError                **error)
{
  return read_data (store, kind, display_name, data, length, NULL, options, error);
}

FuImportRead *
fu_import_read_file (FuStore                *store,
                     FuImportKind            kind,
                     const char             *path,
                     const FuImportOptions  *options,
                     GError                **error)
{
  char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (FU_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_FAILED, _("Could not read '%s': %s"),
                   path, local_error->message);
      return NULL;
    }
  basename = g_path_get_basename (path);
  /* The file's text is read where it is, not copied. */
  return read_data (store, kind, basename, contents, length, contents, options, error);
}

gboolean
fu_import_read_check (FuImportRead  *read,
                      GError       **error)
{
  g_return_val_if_fail (read != NULL, FALSE);

  if (!read->invalid)
    return TRUE;
  set_invalid_error_for (read->result, read->display_name, error);
  return FALSE;
}

gboolean
fu_import_read_write (FuStore        *store,
                      FuImportRead   *read,
                      FuImportFlags   flags,
                      GError        **error)
{
  char *csv;
  gsize length;

  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (read != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!fu_import_read_check (read, error))
    return FALSE;
  g_return_val_if_fail (read->mapped.csv != NULL, FALSE);   /* written once only */

  /* Our rows go to the reader as they are, not copied. */
  length = read->mapped.csv->len;
  csv = g_string_free (g_steal_pointer (&read->mapped.csv), FALSE);
  return import_text (store, read->kind, read->display_name, csv, length, flags, read->options,
                      &read->mapped, read->result, error);
}

FuImportResult *
fu_import_read_steal_result (FuImportRead *read)
{
  g_return_val_if_fail (read != NULL, NULL);
  return g_steal_pointer (&read->result);
}

/* Writes what was read, and gives its result to @result; a file that could not be read
 * (@read NULL, @error set) gives an empty one. */
static gboolean
write_read (FuStore          *store,
            FuImportKind      kind,
            FuImportRead     *read,
            FuImportFlags     flags,
            FuImportResult  **result,
            GError          **error)
{
  gboolean ok = read != NULL && fu_import_read_write (store, read, flags, error);

  if (result != NULL)
    *result = read != NULL ? fu_import_read_steal_result (read) : fu_import_result_new (kind);
  return ok;
}

gboolean
fu_import_data_full (FuStore                *store,
                     FuImportKind            kind,
                     const char             *display_name,
                     const char             *data,
                     gsize                   length,
                     const FuImportOptions  *options,
                     FuImportFlags           flags,
                     FuImportResult        **result,
                     GError                **error)
{
  g_autoptr(FuImportRead) read = NULL;

  g_return_val_if_fail (result == NULL || *result == NULL, FALSE);

  read = fu_import_read_data (store, kind, display_name, data, length, options, error);
  return write_read (store, kind, read, flags, result, error);
}

gboolean
fu_import_file_full (FuStore                *store,
                     FuImportKind            kind,
                     const char             *path,
                     const FuImportOptions  *options,
                     FuImportFlags           flags,
                     FuImportResult        **result,
                     GError                **error)
{
  g_autoptr(FuImportRead) read = NULL;

  g_return_val_if_fail (result == NULL || *result == NULL, FALSE);

  read = fu_import_read_file (store, kind, path, options, error);
  return write_read (store, kind, read, flags, result, error);
}

gboolean
fu_import_file (FuStore         *store,
                FuImportKind     kind,
                const char      *path,
                FuImportFlags    flags,
                FuImportResult **result,
                GError         **error)
{
  return fu_import_file_full (store, kind, path, NULL, flags, result, error);
}

FuImportOptions *
fu_import_options_copy (const FuImportOptions *options)
{
  FuImportOptions *copy = g_new0 (FuImportOptions, 1);

  if (options == NULL)
    return copy;
  copy->workshop = g_strdup (options->workshop);
  copy->mapping = g_strdup (options->mapping);
  copy->encoding = g_strdup (options->encoding);
  copy->delimiter = options->delimiter;
  copy->sheet = g_strdup (options->sheet);
  copy->administration = g_strdup (options->administration);
  copy->header_row = options->header_row;
  copy->columns = options->columns != NULL ? g_hash_table_ref (options->columns) : NULL;
  copy->aliases = options->aliases != NULL ? g_hash_table_ref (options->aliases) : NULL;
  copy->new_administrations = options->new_administrations != NULL
                              ? g_hash_table_ref (options->new_administrations) : NULL;
  copy->cancellable = options->cancellable != NULL ? g_object_ref (options->cancellable) : NULL;
  copy->progress = options->progress;
  return copy;
}

void
fu_import_options_free (FuImportOptions *options)
{
  if (options == NULL)
    return;
  g_free ((char *) options->workshop);
  g_free ((char *) options->mapping);
  g_free ((char *) options->encoding);
  g_free ((char *) options->sheet);
  g_free ((char *) options->administration);
  g_clear_pointer (&options->columns, g_hash_table_unref);
  g_clear_pointer (&options->aliases, g_hash_table_unref);
  g_clear_pointer (&options->new_administrations, g_hash_table_unref);
  g_clear_object (&options->cancellable);
  g_free (options);
}

static void
import_column_free (FuImportColumn *column)
{
  g_free (column->header);
  g_free (column->field);
  g_free (column->sample);
  g_free (column);
}

GPtrArray *
fu_import_result_group_issues (const FuImportResult *self)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();   /* first issue of each group */
  g_autoptr(GHashTable) lines = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) g_array_unref);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL, out);

  for (guint i = 0; i < self->issues->len; i++)
    {
      FuImportIssue *issue = g_ptr_array_index (self->issues, i);
      FuImportIssue *group = NULL;
      GArray *group_lines;

      for (guint j = 0; j < groups->len && group == NULL; j++)
        {
          FuImportIssue *other = g_ptr_array_index (groups, j);

          if (g_strcmp0 (other->column, issue->column) == 0
              && g_strcmp0 (other->message, issue->message) == 0 && other->line > 0
              && issue->line > 0)
            group = other;
        }
      if (group == NULL)
        {
          g_ptr_array_add (groups, issue);
          g_hash_table_insert (lines, issue, g_array_new (FALSE, FALSE, sizeof (guint)));
          group = issue;
        }
      group_lines = g_hash_table_lookup (lines, group);
      g_array_append_val (group_lines, issue->line);
    }

  for (guint i = 0; i < groups->len; i++)
    {
      FuImportIssue *issue = g_ptr_array_index (groups, i);
      GArray *group_lines = g_hash_table_lookup (lines, issue);
      g_autoptr(GString) where = g_string_new (NULL);

      if (group_lines->len == 1)
        {
          g_ptr_array_add (out, fu_import_issue_to_string (issue));
          continue;
        }
      for (guint j = 0; j < group_lines->len; j++)
        g_string_append_printf (where, "%s%u", j > 0 ? ", " : "",
                                g_array_index (group_lines, guint, j));
      if (issue->column != NULL)
        /* TRANSLATORS: file, the lines ("4, 9, 12"), the column, what is wrong */
        g_ptr_array_add (out, g_strdup_printf (_("%s: lines %s: column %s: %s"), issue->file,
                                               where->str, issue->column, issue->message));
      else
        g_ptr_array_add (out, g_strdup_printf (_("%s: lines %s: %s"), issue->file, where->str,
                                               issue->message));
    }
  return out;
}

gboolean
fu_import_result_save_mapping (const FuImportResult  *self,
                               const char            *path,
                               GError               **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(FuCsvWriter) writer = fu_csv_writer_new (out, FALSE);

  g_return_val_if_fail (self != NULL, FALSE);

  fu_csv_writer_add_row (writer, "column", "field", NULL);
  for (guint i = 0; i < self->columns->len; i++)
    {
      const FuImportColumn *column = g_ptr_array_index (self->columns, i);

      fu_csv_writer_add_row (writer, column->header, column->field != NULL ? column->field : "",
                             NULL);
    }
  return g_file_set_contents (path, out->str, (gssize) out->len, error);
}
