/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-import-detect"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-csv.h"
#include "fu-import-detect.h"

/* Columns only responses.csv has. */
static const char * const response_columns[] = {
  "received_date", "shared_materials", "submitted_report", "made_recommendations",
  "inhouse_workshop", "developed_manuals", "other_action", "colleagues_shared",
  "colleagues_learned", "lessons_use", "direct_effects", "contributed", "project_initiated",
};

static gboolean
has_column (FuCsvReader *reader,
            const char  *name)
{
  return fu_csv_reader_find_column (reader, name) >= 0;
}

gboolean
fu_import_detect_kind (const char   *data,
                       gsize         length,
                       FuImportKind *kind)
{
  g_autoptr(FuCsvReader) reader = NULL;
  gboolean responses = FALSE;
  gboolean participants;
  gboolean workshops;
  guint n_kinds;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  reader = fu_csv_reader_new ("", data, length, NULL);
  if (reader == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (response_columns); i++)
    responses |= has_column (reader, response_columns[i]);
  participants = !responses && has_column (reader, "workshop_code")
                 && has_column (reader, "name");
  workshops = has_column (reader, "code")
              && (has_column (reader, "title") || has_column (reader, "start_date"));

  n_kinds = (responses ? 1 : 0) + (participants ? 1 : 0) + (workshops ? 1 : 0);
  if (n_kinds != 1)
    return FALSE;

  if (responses)
    *kind = FU_IMPORT_RESPONSES;
  else if (participants)
    *kind = FU_IMPORT_PARTICIPANTS;
  else
    *kind = FU_IMPORT_WORKSHOPS;

  return TRUE;
}

char *
fu_import_detect_workshop (const char *data,
                           gsize       length)
{
  g_autoptr(FuCsvReader) reader = NULL;
  g_autofree char *code = NULL;
  int column;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  reader = fu_csv_reader_new ("", data, length, NULL);
  if (reader == NULL)
    return NULL;

  column = fu_csv_reader_find_column (reader, "workshop_code");
  if (column < 0)
    return NULL;

  while (fu_csv_reader_next (reader, NULL))
    {
      g_autofree char *cell = g_strstrip (g_strdup (fu_csv_reader_get_cell (reader, column)));

      if (code == NULL)
        code = g_steal_pointer (&cell);
      else if (g_ascii_strcasecmp (code, cell) != 0)
        return NULL;
    }

  if (code == NULL || *code == '\0')
    return NULL;

  return g_steal_pointer (&code);
}
