/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-sample"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-import.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-sample-resources.h"
#include "fu-store.h"

/* The CSV files of data/sample/, compiled in (build-aux/make-sample.py writes them). */
#define SAMPLE_PREFIX "/org/rocbap/FollowUp/sample/"

static GBytes *
lookup_file (const char  *name,
             GError     **error)
{
  g_autofree char *path = g_strconcat (SAMPLE_PREFIX, name, NULL);

  return g_resource_lookup_data (fu_sample_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/* The workshop codes of workshops.csv, in file order. The file is the one source of what
 * the sample holds, so nothing here repeats it. */
static GPtrArray *
read_codes (GBytes  *workshops,
            GError **error)
{
  g_autoptr(FuCsvReader) reader = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (workshops, &length);
  int column;

  reader = fu_csv_reader_new ("workshops.csv", data, length, error);
  if (reader == NULL)
    return NULL;
  column = fu_csv_reader_find_column (reader, "code");
  if (column < 0)
    {
      g_set_error_literal (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_FAILED,
                           _("workshops.csv of the sample data set has no column 'code'"));
      return NULL;
    }

  while (fu_csv_reader_next (reader, &local_error))
    g_ptr_array_add (codes, g_strstrip (g_strdup (fu_csv_reader_get_cell (reader, column))));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&codes);
}

/* The sample adds workshops; it never mixes with ones already there. */
static gboolean
check_absent (FuStore    *store,
              GPtrArray  *codes,
              GError    **error)
{
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      gint64 id = 0;

      if (!fu_store_lookup_workshop (store, code, &id, error))
        return FALSE;
      if (id != 0)
        {
          g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS,
                       _("The sample data set is already loaded: workshop '%s' is in the "
                         "database. Load it into a new, empty database instead."),
                       code);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
import_file (FuStore       *store,
             FuImportKind   kind,
             const char    *name,
             GError       **error)
{
  g_autoptr(GBytes) bytes = lookup_file (name, error);
  gsize length = 0;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);

  return fu_import_data (store, kind, name, data, length, FU_IMPORT_FLAGS_NONE, NULL, error);
}

/* The workshop's schedule under the database's rules: sending date and reply deadline. */
static FuWorkshop *
get_schedule (FuStore        *store,
              const FuRules  *rules,
              const char     *code,
              FuDay          *sent,
              FuDay          *deadline,
              GError        **error)
{
  g_autoptr(FuWorkshop) workshop = NULL;
  gint64 id = 0;

  if (!fu_store_lookup_workshop (store, code, &id, error))
    return NULL;
  if (id == 0)
    {
      g_set_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND,
                   _("Workshop '%s' of the sample data set was not imported"), code);
      return NULL;
    }
  workshop = fu_store_get_workshop (store, id, error);
  if (workshop == NULL)
    return NULL;

  *sent = fu_schedule_planned_date (rules, workshop->end_date, workshop->planned_override);
  *deadline = fu_schedule_deadline (rules, *sent, workshop->deadline_override);

  return g_steal_pointer (&workshop);
}

typedef enum {
  MARK_SENT,
  MARK_REMINDED,
} Mark;

/* Marks every sample workshop's questionnaires sent on their planned date, or reminded on
 * the day the reminder window opened. */
static gboolean
mark_workshops (FuStore        *store,
                const FuRules  *rules,
                GPtrArray      *codes,
                Mark            mark,
                GError        **error)
{
  for (guint i = 0; i < codes->len; i++)
    {
      g_autoptr(FuWorkshop) workshop = NULL;
      FuDay sent, deadline;
      gboolean ok;

      workshop = get_schedule (store, rules, g_ptr_array_index (codes, i), &sent, &deadline,
                               error);
      if (workshop == NULL)
        return FALSE;
      if (mark == MARK_SENT)
        ok = fu_store_mark_sent (store, workshop->id, sent, NULL, error);
      else
        ok = fu_store_mark_reminded (store, workshop->id,
                                     fu_schedule_reminder_start (rules, deadline), NULL, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static const FuEarlierYear earlier_years[] = {
  { .fiscal_year = 2014, .rate_tenths = 280, .inhouse = 6 },
  { .fiscal_year = 2015, .rate_tenths = 470, .inhouse = 18 },
};

static gboolean
load (FuStore    *store,
      GPtrArray  *codes,
      GError    **error)
{
  FuRules rules;

  fu_store_get_rules (store, &rules);

  if (!import_file (store, FU_IMPORT_WORKSHOPS, "workshops.csv", error) ||
      !import_file (store, FU_IMPORT_PARTICIPANTS, "participants.csv", error))
    return FALSE;

  /* Every questionnaire went out on its planned date: before the replies, which came
   * after it. */
  if (!mark_workshops (store, &rules, codes, MARK_SENT, error))
    return FALSE;

  if (!import_file (store, FU_IMPORT_RESPONSES, "responses.csv", error))
    return FALSE;

  /* The reminders went out when the reminder window opened, to those who had not replied
   * by then; the store knows who that was from the replies' dates. */
  if (!mark_workshops (store, &rules, codes, MARK_REMINDED, error))
    return FALSE;

  /* The two rounds before, as the report gives them: their reply rates and how many
   * administrations organized in-house workshops. */
  for (guint i = 0; i < G_N_ELEMENTS (earlier_years); i++)
    if (!fu_store_set_earlier_year (store, &earlier_years[i], error))
      return FALSE;
  return TRUE;
}

gboolean
fu_sample_load (FuStore  *store,
                GError  **error)
{
  g_autoptr(GBytes) workshops = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  workshops = lookup_file ("workshops.csv", error);
  if (workshops == NULL)
    return FALSE;
  codes = read_codes (workshops, error);
  if (codes == NULL)
    return FALSE;

  if (!fu_store_begin (store, error))
    return FALSE;
  if (!check_absent (store, codes, error))
    {
      fu_store_rollback (store);
      return FALSE;
    }
  if (!load (store, codes, error) || !fu_store_commit (store, error))
    {
      fu_store_rollback (store);
      g_prefix_error (error, _("Could not load the sample data set: "));
      return FALSE;
    }

  g_debug ("Loaded the sample data set: %u workshops", codes->len);
  return TRUE;
}
