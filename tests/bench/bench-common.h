/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-common.h: what the benchmarks share. The database is the one the display tests use
 * (tests/big-database.h: 6,000 workshops, 40,000 participants, 150,000 attendances, every
 * questionnaire sent, one in four replied) with, on top, the reminder an office sends to
 * everyone who has not replied a few days before the deadline. Times are medians of
 * several runs; every figure is printed next to a baseline measured in the same run, since
 * only the ratio means something on a shared, noisy machine. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "big-database.h"
#include "fu-command.h"
#include "fu-day.h"
#include "fu-files.h"
#include "fu-rules.h"
#include "fu-store.h"

/* Says what failed, as the program named, and ends it. */
static inline void
bench_die (const char *what,
           GError     *error)
{
  g_printerr ("%s: %s: %s\n", g_get_prgname () != NULL ? g_get_prgname () : "bench", what,
              error != NULL ? error->message : "failed");
  exit (1);
}

/* Runs @argv and waits for it, its output thrown away (its errors too when @quiet); ends
 * the program, saying @what, when it fails. */
static inline void
bench_run_or_die (const char * const *argv,
                  gboolean            quiet,
                  const char         *what)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | (quiet ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    bench_die (what, error);
}

/* The day the benchmarks look at the data: a year after the last workshop's follow-up, so
 * that every one of the 150,000 follow-ups is settled (replied or overdue). */
static inline FuDay
bench_today (void)
{
  return fu_day_add_days (fu_day_new (2000, 1, 3), (int) (BIG_N_WORKSHOPS * 2 + 600));
}

/* A reminder on the fifth day before each workshop's deadline, to those not replied then. */
static inline gboolean
bench_add_reminders (FuStore  *store,
                     GError  **error)
{
  g_autoptr(GPtrArray) workshops = NULL;
  FuRules rules;

  fu_store_get_rules (store, &rules);
  workshops = fu_store_list_workshops (store, FU_DAY_NONE, FU_DAY_NONE, error);
  if (workshops == NULL || !fu_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < workshops->len; i++)
    {
      const FuWorkshop *workshop = g_ptr_array_index (workshops, i);
      FuDay planned = fu_schedule_planned_date (&rules, workshop->end_date, FU_DAY_NONE);
      FuDay deadline = fu_schedule_deadline (&rules, planned, FU_DAY_NONE);

      if (!fu_store_mark_reminded (store, workshop->id, fu_day_add_days (deadline, -5), NULL,
                                   error))
        {
          fu_store_rollback (store);
          return FALSE;
        }
    }
  return fu_store_commit (store, error);
}

/* Makes a database of the big database's shape and the given size at @path unless it is
 * there already; *seconds is how long making it took, 0 when it was there. */
static inline gboolean
bench_make_database_sized (const char  *path,
                           guint        n_workshops,
                           guint        n_participants,
                           guint        n_attendances,
                           double      *seconds,
                           GError     **error)
{
  g_autoptr(FuStore) store = NULL;
  gint64 start;

  *seconds = 0;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  start = g_get_monotonic_time ();
  store = fu_store_open (path, error);
  if (store == NULL
      || !big_database_fill (store, n_workshops, n_participants, n_attendances, error)
      || !bench_add_reminders (store, error))
    {
      g_clear_object (&store);
      g_unlink (path);
      return FALSE;
    }
  *seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  return TRUE;
}

/* The database at WCO scale (build-aux/bench makes it once for all the programs). */
static inline gboolean
bench_make_database (const char  *path,
                     double      *seconds,
                     GError     **error)
{
  return bench_make_database_sized (path, BIG_N_WORKSHOPS, BIG_N_PARTICIPANTS,
                                    BIG_N_ATTENDANCES, seconds, error);
}

/* The longest the main loop went without answering a 5 ms ticker while it runs: what a
 * click or a frame would have waited. */
typedef struct {
  gint64 last;
  gint64 worst;   /* µs */
  guint  id;
} BenchStall;

static inline gboolean
bench_stall_tick_cb (gpointer user_data)
{
  BenchStall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last != 0)
    stall->worst = MAX (stall->worst, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

static inline void
bench_stall_start (BenchStall *stall)
{
  stall->last = g_get_monotonic_time ();
  stall->worst = 0;
  stall->id = g_timeout_add_full (G_PRIORITY_HIGH, 5, bench_stall_tick_cb, stall, NULL);
}

/* Stops the ticker; the worst wait in ms. */
static inline double
bench_stall_stop (BenchStall *stall)
{
  bench_stall_tick_cb (stall);
  g_clear_handle_id (&stall->id, g_source_remove);
  return stall->worst / 1000.0;
}

/* Removes a temporary directory and the files in it. */
static inline void
bench_remove_dir (const char *dir)
{
  fu_file_remove_folder (dir);
}

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @n values (sorts them). */
static inline double
bench_median (double *values,
              guint   n)
{
  g_assert (n > 0);
  qsort (values, n, sizeof (double), bench_compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static inline double
bench_ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

/* The machine, for the report: CPU model and cores. */
static inline char *
bench_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *model = NULL;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (cpuinfo, "\n", -1);

      for (guint i = 0; lines[i] != NULL && model == NULL; i++)
        if (g_str_has_prefix (lines[i], "model name"))
          {
            const char *colon = strchr (lines[i], ':');

            if (colon != NULL)
              model = g_strstrip (g_strdup (colon + 1));
          }
    }
  return g_strdup_printf ("%s, %u cores", model != NULL ? model : "unknown CPU",
                          g_get_num_processors ());
}

static inline void
bench_print_header (const char *title)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M UTC");
  g_autofree char *machine = bench_machine ();

  printf ("%s\n%s; %s\n", title, date, machine);
  printf ("Database: %u workshops, %u participants, %u attendances (1 in 4 replied, a reminder "
          "to the others)\n\n", BIG_N_WORKSHOPS, BIG_N_PARTICIPANTS, BIG_N_ATTENDANCES);
}

/* The workshops' lists an import is timed on: @n new people, 50 to a workshop of the big
 * database, in participants.csv's columns. */
#define BENCH_IMPORT_ROWS_PER_WORKSHOP 50

static inline gboolean
bench_write_new_people (FuStore     *store,
                        const char  *path,
                        guint        n,
                        GError     **error)
{
  g_autoptr(GString) csv = g_string_new ("workshop_code,name,administration,email,position,"
                                         "gender\n");
  g_autoptr(GPtrArray) admins = fu_store_list_administrations (store, error);

  if (admins == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const FuAdministration *admin = g_ptr_array_index (admins, i % admins->len);

      g_string_append_printf (csv, "W%05u,New Person %06u,%s,new%06u@customs.example,"
                              "Customs Officer,%s\n",
                              (i / BENCH_IMPORT_ROWS_PER_WORKSHOP) % BIG_N_WORKSHOPS, i,
                              admin->name, i, i % 2 == 0 ? "female" : "male");
    }
  return g_file_set_contents (path, csv->str, (gssize) csv->len, error);
}

/* The import as the app makes it: a command, recorded in the history. FALSE with an error,
 * also when it did not add every one of the @n people. */
static inline gboolean
bench_import_people (FuStore     *store,
                     const char  *csv_path,
                     guint        n,
                     GError     **error)
{
  g_autoptr(FuCommand) command = fu_command_new_import_file (FU_IMPORT_PARTICIPANTS, csv_path,
                                                             FU_IMPORT_FLAGS_NONE);

  if (!fu_command_apply (command, store, error))
    return FALSE;
  if (fu_command_get_import_result (command)->participants_added != n)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "not every row imported");
      return FALSE;
    }
  return TRUE;
}

/* tests/bench/@name (a baseline's script) written into @dir with @csv_path for its @CSV@:
 * the path written, or NULL with an error. */
static inline char *
bench_write_baseline (const char  *source_dir,
                      const char  *name,
                      const char  *dir,
                      const char  *csv_path,
                      GError     **error)
{
  g_autofree char *template_path = g_build_filename (source_dir, name, NULL);
  g_autofree char *template = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) script = NULL;

  if (!g_file_get_contents (template_path, &template, NULL, error))
    return NULL;
  script = g_string_new (template);
  g_string_replace (script, "@CSV@", csv_path, 0);
  if (!g_file_set_contents (path, script->str, (gssize) script->len, error))
    return NULL;
  return g_steal_pointer (&path);
}
