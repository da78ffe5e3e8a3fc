/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: libFuzzer target for the CSV reader and writer. Any bytes are read to the end
 * or to an error that says where; the cells read are then written with FuCsvWriter and read
 * back, and must come back equal (after fu_csv_unguard). */
#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fu-csv.h"

/* Enough to reach every state of the reader, small enough to stay fast. */
#define MAX_RECORDS 200

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_error (const GError *error)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0')
    abort ();
  /* Every message starts with the display name. */
  if (!g_str_has_prefix (error->message, "fuzz.csv"))
    abort ();
}

/* The records written then read back: a blank record (one empty cell) is a blank line,
 * which the reader skips, so it is not written. */
static void
round_trip (GPtrArray *records,
            gboolean   bom)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(FuCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(FuCsvWriter) writer = fu_csv_writer_new (out, bom);

    fu_csv_writer_add_row (writer, "header", NULL);
    for (guint i = 0; i < records->len; i++)
      {
        GStrv cells = g_ptr_array_index (records, i);

        if (g_strv_length (cells) == 1 && cells[0][0] == '\0')
          continue;
        for (guint j = 0; cells[j] != NULL; j++)
          fu_csv_writer_add (writer, cells[j]);
        fu_csv_writer_end_row (writer);
      }
  }

  reader = fu_csv_reader_new ("fuzz.csv", out->str, out->len, &error);
  if (reader == NULL || fu_csv_reader_get_n_columns (reader) != 1 ||
      strcmp (fu_csv_reader_get_column_name (reader, 0), "header") != 0)
    abort ();

  for (guint i = 0; i < records->len; i++)
    {
      GStrv cells = g_ptr_array_index (records, i);
      guint n = g_strv_length (cells);

      if (n == 1 && cells[0][0] == '\0')
        continue;
      if (!fu_csv_reader_next (reader, &error))
        abort ();
      if (fu_csv_reader_get_n_cells (reader) != n)
        abort ();
      for (guint j = 0; j < n; j++)
        if (strcmp (fu_csv_unguard (fu_csv_reader_get_cell (reader, j)), cells[j]) != 0)
          abort ();
    }
  if (fu_csv_reader_next (reader, &error) || error != NULL)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(FuCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint last_line = 1;

  reader = fu_csv_reader_new ("fuzz.csv", (const char *) data, size, &error);
  if (reader == NULL)
    {
      check_error (error);
      return 0;
    }
  if (error != NULL)
    abort ();

  for (guint i = 0; i < fu_csv_reader_get_n_columns (reader); i++)
    {
      const char *name = fu_csv_reader_get_column_name (reader, i);

      if (name == NULL || !g_utf8_validate (name, -1, NULL))
        abort ();
      if (fu_csv_reader_find_column (reader, name) < 0)
        abort ();
    }

  while (fu_csv_reader_next (reader, &error))
    {
      guint n = fu_csv_reader_get_n_cells (reader);
      guint line = fu_csv_reader_get_line (reader);
      GStrv cells = g_new0 (char *, n + 1);

      if (line <= last_line)
        abort ();
      last_line = line;
      for (guint i = 0; i < n; i++)
        {
          const char *cell = fu_csv_reader_get_cell (reader, i);

          if (cell == NULL || !g_utf8_validate (cell, -1, NULL))
            abort ();
          cells[i] = g_strdup (cell);
        }
      /* Past the end of a short record: "". */
      if (strcmp (fu_csv_reader_get_cell (reader, n), "") != 0)
        abort ();
      if (records->len < MAX_RECORDS)
        g_ptr_array_add (records, cells);
      else
        g_strfreev (cells);
    }
  if (error != NULL)
    check_error (error);

  round_trip (records, size > 0 && (data[0] & 1));
  return 0;
}
