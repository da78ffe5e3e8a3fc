/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import: what reading a file as it comes (encoding, separator, header row) and mapping
 * its columns add to importing it. A 100,000-row attendance list as an office would get it
 * ("Name,Country,Position,E-mail", Windows-1252, ';') is imported for one workshop the
 * usual way; the baseline is the same rows already in participants.csv's own columns, given
 * to the importer directly. Each run imports into a fresh copy of a database that holds the
 * workshop; the runs alternate, A B A B. Prints the medians and their ratio. */

#include "config.h"

#include "bench-common.h"
#include "fu-import-private.h"

#define N_ROWS 100000
#define DEFAULT_RUNS 3

static const char * const countries[] = {
  "Vietnam", "Thailand", "Laos", "Korea (Republic of)", "Japan", "Malaysia", "Brunei",
  "Cambodge", "Hong Kong", "Philippines",
};
static const char * const members[] = {
  "Viet Nam", "Thailand", "Lao PDR", "Korea", "Japan", "Malaysia", "Brunei Darussalam",
  "Cambodia", "Hong Kong China", "Philippines",
};

/* The office's list and the same rows in our columns. */
static void
write_files (GBytes **office,
             GBytes **own)
{
  g_autoptr(GString) list = g_string_new ("Attendance list\r\n;;;\r\nName;Country;Position;E-mail\r\n");
  g_autoptr(GString) csv = g_string_new ("workshop_code,name,administration,email,position\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *latin = NULL;
  gsize length = 0;

  for (guint i = 0; i < N_ROWS; i++)
    {
      guint c = i % G_N_ELEMENTS (countries);

      g_string_append_printf (list, "Hélène Participant %06u;%s;Customs Officer;"
                              "p%06u@customs.example\r\n", i, countries[c], i);
      g_string_append_printf (csv, "BENCH,Hélène Participant %06u,%s,p%06u@customs.example,"
                              "Customs Officer\n", i, members[c], i);
    }
  latin = g_convert (list->str, (gssize) list->len, "WINDOWS-1252", "UTF-8", NULL, &length,
                     &error);
  if (latin == NULL)
    bench_die ("writing the list", error);
  *office = g_bytes_new_take (g_steal_pointer (&latin), length);
  *own = g_bytes_new (csv->str, csv->len);
}

static FuStore *
fresh_copy (const char *from,
            const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  FuStore *store;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    bench_die ("copying the database", error);
  store = fu_store_open (to, &error);
  if (store == NULL)
    bench_die ("opening the copy", error);
  return store;
}

static double
run_once (const char *path,
          const char *copy,
          GBytes     *data,
          gboolean    detect)
{
  g_autoptr(FuStore) store = fresh_copy (path, copy);
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FuImportOptions options = { NULL, };
  gsize length = 0;
  const char *text = g_bytes_get_data (data, &length);
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  options.workshop = "BENCH";
  if (detect)
    ok = fu_import_data_full (store, FU_IMPORT_PARTICIPANTS, "list.csv", text, length,
                              &options, FU_IMPORT_FLAGS_NONE, &result, &error);
  else
    ok = fu_import_text (store, FU_IMPORT_PARTICIPANTS, "participants.csv", text, length,
                         FU_IMPORT_FLAGS_NONE, &result, &error);
  if (!ok)
    bench_die (detect ? "importing the list" : "importing participants.csv", error);
  if (result->attendances_added != N_ROWS)
    bench_die ("not every row was imported", NULL);
  return bench_ms_since (start);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("fu-bench-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "base.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(FuStore) store = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(GBytes) office = NULL;
  g_autoptr(GBytes) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *machine = bench_machine ();
  double with[16], without[16];
  guint runs = DEFAULT_RUNS;
  double a, b;

  g_set_prgname ("bench-import");
  if (argc == 3 && strcmp (argv[1], "--runs") == 0)
    runs = CLAMP ((guint) atoi (argv[2]), 1, 16);

  store = fu_store_open (path, &error);
  if (store == NULL)
    bench_die ("making the database", error);
  workshop->code = g_strdup ("BENCH");
  workshop->title = g_strdup ("Benchmark Workshop");
  workshop->start_date = workshop->end_date = fu_day_new (2017, 6, 12);
  workshop->surveyed = TRUE;
  if (fu_store_add_workshop (store, workshop, &error) == 0)
    bench_die ("adding the workshop", error);
  g_clear_object (&store);
  write_files (&office, &own);

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");

    printf ("import (median of %u, runs alternating)\n%s; %s\n\n", runs, date, machine);
  }
  run_once (path, copy, own, FALSE);   /* warms the caches */
  for (guint i = 0; i < runs; i++)
    {
      with[i] = run_once (path, copy, office, TRUE);
      without[i] = run_once (path, copy, own, FALSE);
    }
  a = bench_median (with, runs);
  b = bench_median (without, runs);
  printf ("%-52s %9.0f ms\n", "100,000-row list: Windows-1252, ';', title, mapped", a);
  printf ("%-52s %9.0f ms\n", "baseline: the same rows as participants.csv, direct", b);
  printf ("%-52s %9.3f   (%+.1f%%)\n", "ratio", a / b, (a / b - 1) * 100);
  bench_remove_dir (dir);
  return 0;
}
