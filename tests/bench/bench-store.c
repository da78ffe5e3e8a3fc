/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-store: the store's queries, the import and the export on a database at WCO scale
 * (tests/bench/bench-common.h), each next to the sqlite3 command-line program running a plain
 * query that reads the same rows from the same file. Not a test: it prints a table and
 * passes whatever the times (meson benchmark(), or build-aux/bench).
 *
 *   bench-store [--database PATH] [--runs N]
 *
 * Without --database, the database is made in a temporary directory and removed after. */
#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include <gio/gio.h>

#include "bench-pairs.h"
#include "fu-command.h"
#include "fu-export.h"
#include "fu-import.h"
#include "fu-sqlite-private.h"
#include "fu-store.h"

#define N_IMPORT_ROWS 10000
/* The import the audit log is measured on: new people, 50 to a workshop. */
#define N_AUDIT_ROWS 100000

struct _Bench {
  char      *dir;          /* temporary files */
  char      *path;         /* the big database */
  char      *copy_path;    /* a fresh copy for each import run */
  char      *csv_path;     /* participants.csv for the import */
  char      *sql_path;     /* the same rows as plain SQL for sqlite3 */
  char      *audit_csv_path; /* N_AUDIT_ROWS rows of participants.csv */
  char      *year_path;    /* the big database's fiscal year alone, for the one-year rows */
  char      *sqlite3;      /* the sqlite3 program */
  guint      runs;
  FuStore   *store;        /* on @path */
  FuStore   *copy_store;   /* on @copy_path, during an import run */
  FuDay      today;
  FuDay      year_first;   /* the fiscal year summarized */
  FuDay      year_last;
};

static double
measure (Bench         *b,
         BenchFunc      setup,
         BenchFunc      run,
         BenchFunc      teardown,
         gconstpointer  data)
{
  return bench_measure (b, b->runs, setup, run, teardown, data);
}

static void
measure_pairs (Bench         *b,
               const char    *name,
               BenchFunc      a_setup,
               BenchFunc      a_run,
               BenchFunc      a_teardown,
               gconstpointer  a_data,
               const char    *baseline,
               BenchFunc      b_setup,
               BenchFunc      b_run,
               BenchFunc      b_teardown,
               gconstpointer  b_data)
{
  bench_measure_pairs (b, b->runs, name, a_setup, a_run, a_teardown, a_data, baseline,
                       b_setup, b_run, b_teardown, b_data);
}

/* ---- The database copy that imports write to ------------------------------------------- */

static void
copy_database (Bench         *b,
               gconstpointer  data)
{
  g_autoptr(GFile) from = g_file_new_for_path (b->path);
  g_autoptr(GFile) to = g_file_new_for_path (b->copy_path);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    bench_die ("copying the database", error);
}

static void
open_copy (Bench         *b,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  copy_database (b, data);
  b->copy_store = fu_store_open (b->copy_path, &error);
  if (b->copy_store == NULL)
    bench_die ("opening the copy", error);
}

/* The copy without the audit log's triggers: what an import costs when nothing records it. */
static void
open_copy_without_audit (Bench         *b,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  open_copy (b, data);
  db = fu_sqlite_get_db (b->copy_store);
  sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                          "AND name LIKE 'audit_%'", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER \"%s\"",
                                              (char *) g_ptr_array_index (names, i));

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        bench_die ("dropping the audit triggers", NULL);
    }
  if (names->len == 0)
    bench_die ("the database has no audit triggers to drop", NULL);
}

static void
close_copy (Bench         *b,
            gconstpointer  data)
{
  g_clear_object (&b->copy_store);
}

/* ---- The sqlite3 command line ---------------------------------------------------------- */

typedef struct {
  const char *mode;      /* "-list" or "-csv" */
  const char *sql;       /* or ".read FILE" */
  gboolean    on_copy;   /* writes: run on a fresh copy */
} SqliteCase;

static void
run_sqlite3 (Bench         *b,
             gconstpointer  data)
{
  const SqliteCase *c = data;
  const char *argv[] = {
    b->sqlite3, "-batch", "-bail", c->mode, c->on_copy ? b->copy_path : b->path, c->sql, NULL
  };

  bench_run_or_die (argv, FALSE, c->sql);
}

static double
measure_sqlite3 (Bench            *b,
                 const SqliteCase *c)
{
  if (c->on_copy)
    return measure (b, copy_database, run_sqlite3, NULL, c);
  return measure (b, NULL, run_sqlite3, NULL, c);
}

/* ---- The store ------------------------------------------------------------------------- */

static void
run_list_followups (Bench         *b,
                    gconstpointer  data)
{
  FuFollowupQuery query = { .as_of = b->today };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = fu_store_list_followups (b->store, &query, &error);
  if (rows == NULL)
    bench_die ("fu_store_list_followups", error);
  if (rows->len != BIG_N_ATTENDANCES)
    bench_die ("fu_store_list_followups: not every follow-up listed", NULL);
}

static void
run_count_followups (Bench         *b,
                     gconstpointer  data)
{
  FuFollowupQuery query = { .as_of = b->today };
  guint counts[FU_N_STATUSES];
  g_autoptr(GError) error = NULL;

  if (!fu_store_count_followups (b->store, &query, counts, &error))
    bench_die ("fu_store_count_followups", error);
}

static void
run_summary (Bench         *b,
             gconstpointer  data)
{
  gboolean one_year = GPOINTER_TO_INT (data);
  g_autoptr(FuSummaryRow) total = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = fu_store_summary (b->store, one_year ? b->year_first : FU_DAY_NONE,
                           one_year ? b->year_last : FU_DAY_NONE, &total, &error);
  if (rows == NULL)
    bench_die ("fu_store_summary", error);
}

static void
run_trend (Bench         *b,
           gconstpointer  data)
{
  g_autoptr(GArray) points = NULL;
  g_autoptr(GError) error = NULL;

  points = fu_store_reply_rate_trend (b->store, &error);
  if (points == NULL)
    bench_die ("fu_store_reply_rate_trend", error);
}

static void
run_overview (Bench         *b,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = fu_store_list_participant_overview (b->store, &error);
  if (people == NULL)
    bench_die ("fu_store_list_participant_overview", error);
  if (people->len != BIG_N_PARTICIPANTS)
    bench_die ("fu_store_list_participant_overview: not everyone listed", NULL);
}

static void
run_import (Bench         *b,
            gconstpointer  data)
{
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!fu_import_file (b->copy_store, FU_IMPORT_PARTICIPANTS, b->csv_path,
                       FU_IMPORT_FLAGS_NONE, &result, &error))
    bench_die ("fu_import_file", error);
  /* Everyone but the one in five already there is new. */
  if (result->rows != N_IMPORT_ROWS
      || result->participants_added != N_IMPORT_ROWS - N_IMPORT_ROWS / 5)
    bench_die ("fu_import_file: not every row imported", NULL);
}

/* The big import as the app makes it: a command, recorded in the audit log when the copy has
 * its triggers. */
static void
run_audited_import (Bench         *b,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!bench_import_people (b->copy_store, b->audit_csv_path, N_AUDIT_ROWS, &error))
    bench_die ("importing through a command", error);
}

/* A fresh copy without the backups earlier runs left beside it: each import backs up the
 * same file first. */
static void
copy_database_alone (Bench         *b,
                     gconstpointer  data)
{
  g_autofree char *backups = g_strconcat (b->copy_path, ".backups", NULL);

  bench_remove_dir (backups);
  copy_database (b, data);
}

/* `followup-cli import participants` as its own process, as staff run it: its start, the
 * file's check, the backup first and the exit included. */
static void
run_cli_import (Bench         *b,
                gconstpointer  data)
{
  const char *argv[] = {
    BENCH_CLI, "--database", b->copy_path, "import", "participants", b->audit_csv_path, NULL
  };

  bench_run_or_die (argv, FALSE, "followup-cli import");
}

/* ---- One fiscal year at two sizes --------------------------------------------------------- */

/* @year_path: a copy of the big database holding only the summarized year's workshops, with
 * their people, follow-ups, reminders and replies, so that a one-year command on it reads
 * the same year as on the big one and nothing else. */
static void
make_year_database (Bench *b)
{
  char first[11], last[11];
  g_autofree char *sql = NULL;
  SqliteCase keep_year = { "-list", NULL, TRUE };
  char *copy_path = b->copy_path;

  fu_day_format_iso (b->year_first, first);
  fu_day_format_iso (b->year_last, last);
  sql = g_strdup_printf ("PRAGMA foreign_keys = ON;"
                         " DELETE FROM workshop WHERE start_date NOT BETWEEN '%s' AND '%s';"
                         " DELETE FROM participant WHERE id NOT IN"
                         "  (SELECT participant_id FROM attendance);"
                         " DELETE FROM audit_change; DELETE FROM audit_entry; VACUUM;",
                         first, last);
  keep_year.sql = sql;
  /* The copy that imports write to, made this once at the year's path. */
  b->year_path = g_build_filename (b->dir, "year.db", NULL);
  b->copy_path = b->year_path;
  copy_database (b, NULL);
  run_sqlite3 (b, &keep_year);
  b->copy_path = copy_path;
}

/* One of the one-year commands, on the big database or on its year alone. */
typedef struct {
  gboolean report;       /* `report`, else `export summary` */
  gboolean year_alone;   /* on @year_path, else on @path */
} OneYear;

/* `followup-cli report` or `export summary` of the summarized year, as its own process. */
static void
run_cli_one_year (Bench         *b,
                  gconstpointer  data)
{
  const OneYear *one = data;
  const char *database = one->year_alone ? b->year_path : b->path;
  g_autofree char *year = g_strdup_printf ("%u", fu_day_get_year (b->year_first));
  g_autofree char *output = g_build_filename (b->dir, one->report ? "report.pdf" : "summary.csv",
                                              NULL);
  const char *report_argv[] = {
    BENCH_CLI, "--database", database, "report", "--fiscal-year", year, "--output", output, NULL
  };
  const char *summary_argv[] = {
    BENCH_CLI, "--database", database, "export", "summary", "--fiscal-year", year,
    "--output", output, NULL
  };
  const char **argv = one->report ? report_argv : summary_argv;

  bench_run_or_die (argv, TRUE, argv[3]);
}

static void
run_export (Bench         *b,
            gconstpointer  data)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!fu_export_responses (b->store, FU_DAY_NONE, FU_DAY_NONE, FU_EXPORT_FLAGS_NONE, out,
                            &error))
    bench_die ("fu_export_responses", error);
}

/* ---- The files to import --------------------------------------------------------------- */

/* participants.csv: attendance lists of 200 recent workshops, 50 people each; one row in
 * five is someone already in the database (found by e-mail), the others are new. The same
 * rows as SQL for sqlite3: each person looked up or added, then the attendance and its
 * follow-up. */
static void
write_import_files (Bench *b)
{
  g_autoptr(GString) csv = g_string_new ("workshop_code,name,administration,email,position,"
                                         "gender\n");
  g_autoptr(GString) sql = g_string_new ("BEGIN;\n");
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GError) error = NULL;

  admins = fu_store_list_administrations (b->store, &error);
  if (admins == NULL)
    bench_die ("listing the administrations", error);

  for (guint i = 0; i < N_IMPORT_ROWS; i++)
    {
      g_autofree char *code = g_strdup_printf ("W%05u", BIG_N_WORKSHOPS
                                               - N_IMPORT_ROWS / BENCH_IMPORT_ROWS_PER_WORKSHOP
                                               + i / BENCH_IMPORT_ROWS_PER_WORKSHOP);
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      const FuAdministration *admin;

      if (i % 5 == 0)
        {
          guint p = (i * 7919) % BIG_N_PARTICIPANTS;

          name = g_strdup_printf ("Participant %05u", p);
          email = g_strdup_printf ("person%05u@customs.example", p);
          admin = g_ptr_array_index (admins, p % admins->len);
        }
      else
        {
          name = g_strdup_printf ("Imported Person %05u", i);
          email = g_strdup_printf ("imported%05u@customs.example", i);
          admin = g_ptr_array_index (admins, i % admins->len);
        }

      g_string_append_printf (csv, "%s,%s,%s,%s,Customs Officer,%s\n", code, name, admin->name,
                              email, i % 2 == 0 ? "female" : "male");
      g_string_append_printf (sql,
                              "INSERT OR IGNORE INTO participant"
                              " (name, administration_id, email, position, gender)"
                              " SELECT '%s', id, '%s', 'Customs Officer', '%s'"
                              " FROM administration WHERE name = '%s';\n"
                              "INSERT OR IGNORE INTO attendance (workshop_id, participant_id)"
                              " SELECT w.id, p.id FROM workshop w, participant p"
                              " WHERE w.code = '%s' AND p.email = '%s';\n"
                              "INSERT OR IGNORE INTO followup (attendance_id)"
                              " SELECT a.id FROM attendance a"
                              " JOIN workshop w ON w.id = a.workshop_id"
                              " JOIN participant p ON p.id = a.participant_id"
                              " WHERE w.code = '%s' AND p.email = '%s';\n",
                              name, email, i % 2 == 0 ? "female" : "male", admin->name,
                              code, email, code, email);
    }
  g_string_append (sql, "COMMIT;\n");

  if (!g_file_set_contents (b->csv_path, csv->str, (gssize) csv->len, &error)
      || !g_file_set_contents (b->sql_path, sql->str, (gssize) sql->len, &error))
    bench_die ("writing the files to import", error);

  /* The audit log's import: N_AUDIT_ROWS new people. */
  if (!bench_write_new_people (b->store, b->audit_csv_path, N_AUDIT_ROWS, &error))
    bench_die ("writing the file to import", error);
}

/* ---- The report ------------------------------------------------------------------------- */

static void
print_row (const char *name,
           double      ms,
           const char *baseline,
           double      baseline_ms)
{
  printf ("%-38s %9.1f   %-34s %8.1f   %6.1f\n", name, ms, baseline, baseline_ms,
          ms / baseline_ms);
  fflush (stdout);
}

/* The plain queries: the same rows, joined the obvious way. */
#define SQL_FOLLOWUP_JOINS \
  " FROM followup f" \
  " JOIN attendance a ON a.id = f.attendance_id" \
  " JOIN participant p ON p.id = a.participant_id" \
  " JOIN workshop w ON w.id = a.workshop_id" \
  " JOIN administration ad ON ad.id = p.administration_id" \
  " LEFT JOIN reply r ON r.followup_id = f.id"

#define SQL_SUMMARY_COLUMNS \
  "SELECT w.id, w.code, w.title, w.start_date, w.end_date," \
  " count (DISTINCT p.administration_id), count (f.id), count (r.id)," \
  " sum (r.shared_materials), sum (r.submitted_report), sum (r.made_recommendations)," \
  " sum (r.inhouse_workshop), sum (r.developed_manuals), sum (r.other_action)," \
  " sum (r.direct_effects = 1), sum (r.direct_effects = 0), sum (r.contributed = 1)," \
  " sum (r.contributed = 0), sum (r.project_initiated = 1), sum (r.project_initiated = 0)," \
  " sum (r.colleagues_learned)" \
  " FROM workshop w" \
  " LEFT JOIN attendance a ON a.workshop_id = w.id" \
  " LEFT JOIN participant p ON p.id = a.participant_id" \
  " LEFT JOIN followup f ON f.attendance_id = a.id" \
  " LEFT JOIN reply r ON r.followup_id = f.id" \
  " WHERE w.surveyed = 1"

static void
run_benchmarks (Bench *b)
{
  char today[11], first[11], last[11];
  g_autofree char *list_sql = NULL;
  g_autofree char *year_sql = NULL;
  g_autofree char *read_sql = g_strdup_printf (".read '%s'", b->sql_path);
  double count_ms, select_ms;

  fu_day_format_iso (b->today, today);
  fu_day_format_iso (b->year_first, first);
  fu_day_format_iso (b->year_last, last);

  list_sql = g_strdup_printf ("SELECT f.id, a.id, w.id, p.id, p.administration_id, w.code,"
                              " w.title, w.start_date, w.end_date, w.planned_override, p.name,"
                              " p.email, ad.name, f.sent_date, f.deadline, f.closed_date,"
                              " r.received_date,"
                              " (SELECT max (m.sent_date) FROM reminder m"
                              "   WHERE m.followup_id = f.id AND m.sent_date <= '%s'),"
                              " (SELECT count (*) FROM reminder m"
                              "   WHERE m.followup_id = f.id AND m.sent_date <= '%s')"
                              SQL_FOLLOWUP_JOINS
                              " WHERE w.surveyed = 1"
                              " ORDER BY w.start_date, w.code, ad.name, p.name, f.id",
                              today, today);
  year_sql = g_strdup_printf (SQL_SUMMARY_COLUMNS
                              " AND w.start_date BETWEEN '%s' AND '%s'"
                              " GROUP BY w.id ORDER BY w.start_date, w.code", first, last);

  printf ("%-38s %9s   %-34s %8s   %6s\n", "store (median)", "ms", "baseline: sqlite3 CLI",
          "ms", "ratio");

  {
    const SqliteCase select_case = { "-list", list_sql, FALSE };
    const SqliteCase count_case = {
      "-list", "SELECT count (*)" SQL_FOLLOWUP_JOINS " WHERE w.surveyed = 1", FALSE
    };

    select_ms = measure_sqlite3 (b, &select_case);
    count_ms = measure_sqlite3 (b, &count_case);
    print_row ("list_followups, all 150,000 as of a day",
               measure (b, NULL, run_list_followups, NULL, NULL),
               "SELECT same columns > /dev/null", select_ms);
    print_row ("count_followups, all as of a day",
               measure (b, NULL, run_count_followups, NULL, NULL),
               "SELECT count(*) of the same join", count_ms);
  }

  {
    const SqliteCase year_case = { "-list", year_sql, FALSE };
    const SqliteCase all_case = {
      "-list", SQL_SUMMARY_COLUMNS " GROUP BY w.id ORDER BY w.start_date, w.code", FALSE
    };

    print_row ("summary, one fiscal year",
               measure (b, NULL, run_summary, NULL, GINT_TO_POINTER (TRUE)),
               "GROUP BY workshop, that year", measure_sqlite3 (b, &year_case));
    print_row ("summary, all years",
               measure (b, NULL, run_summary, NULL, GINT_TO_POINTER (FALSE)),
               "GROUP BY workshop, all years", measure_sqlite3 (b, &all_case));
  }

  {
    const SqliteCase trend_case = {
      "-list",
      "SELECT substr (w.start_date, 1, 4), count (DISTINCT w.id), count (f.id), count (r.id)"
      " FROM workshop w LEFT JOIN attendance a ON a.workshop_id = w.id"
      " LEFT JOIN followup f ON f.attendance_id = a.id LEFT JOIN reply r ON r.followup_id = f.id"
      " WHERE w.surveyed = 1 GROUP BY 1 ORDER BY 1",
      FALSE
    };

    print_row ("reply_rate_trend", measure (b, NULL, run_trend, NULL, NULL),
               "GROUP BY year", measure_sqlite3 (b, &trend_case));
  }

  {
    const SqliteCase overview_case = {
      "-list",
      "SELECT p.id, p.name, p.administration_id, ad.name, p.email, p.position, count (a.id),"
      " count (r.id) FROM participant p JOIN administration ad ON ad.id = p.administration_id"
      " LEFT JOIN attendance a ON a.participant_id = p.id"
      " LEFT JOIN followup f ON f.attendance_id = a.id"
      " LEFT JOIN reply r ON r.followup_id = f.id"
      " GROUP BY p.id ORDER BY p.name, p.id",
      FALSE
    };

    print_row ("list_participant_overview, 40,000",
               measure (b, NULL, run_overview, NULL, NULL),
               "GROUP BY participant", measure_sqlite3 (b, &overview_case));
  }

  {
    const SqliteCase import_case = { "-list", read_sql, TRUE };

    print_row ("import participants.csv, 10,000 rows",
               measure (b, open_copy, run_import, close_copy, NULL),
               "the same rows as INSERTs", measure_sqlite3 (b, &import_case));
  }

  {
    double with_ms = measure (b, open_copy, run_audited_import, close_copy, NULL);
    double without_ms = measure (b, open_copy_without_audit, run_audited_import, close_copy,
                                 NULL);

    print_row ("import 100,000 rows, audit log", with_ms,
               "the same import, no audit log", without_ms);
  }

  /* The baseline: sqlite3's .import of the same file into a table with the same
   * constraints and indexes (tests/bench/import-baseline.sql). */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *script_path = bench_write_baseline (BENCH_SOURCE_DIR, "import-baseline.sql",
                                                         b->dir, b->audit_csv_path, &error);
    g_autofree char *read_baseline = NULL;
    SqliteCase dot_import = { "-list", NULL, TRUE };

    if (script_path == NULL)
      bench_die ("writing the .import script", error);
    read_baseline = g_strdup_printf (".read '%s'", script_path);
    dot_import.sql = read_baseline;
    measure_pairs (b, "import 100,000 rows (ratio min-max)", open_copy, run_audited_import,
                   close_copy, NULL, "sqlite3 .import, constrained table", copy_database,
                   run_sqlite3, NULL, &dot_import);
    /* Both as processes of their own, as the check times them. */
    measure_pairs (b, "the same, followup-cli import", copy_database_alone, run_cli_import,
                   NULL, NULL, "sqlite3 .import, constrained table", copy_database,
                   run_sqlite3, NULL, &dot_import);
  }

  /* A one-year report and summary grow with the year, not the database: the big database
   * against its summarized year alone, both through followup-cli as staff run them. */
  {
    static const OneYear big_report = { TRUE, FALSE }, year_report = { TRUE, TRUE };
    static const OneYear big_summary = { FALSE, FALSE }, year_summary = { FALSE, TRUE };

    make_year_database (b);
    measure_pairs (b, "report, one fiscal year (followup-cli)", NULL, run_cli_one_year, NULL,
                   &big_report, "the same year alone in a file", NULL, run_cli_one_year, NULL,
                   &year_report);
    measure_pairs (b, "export summary, one fiscal year (cli)", NULL, run_cli_one_year, NULL,
                   &big_summary, "the same year alone in a file", NULL, run_cli_one_year, NULL,
                   &year_summary);
  }

  {
    const SqliteCase export_case = {
      "-csv",
      "SELECT w.code, p.email, p.name, ad.name, r.received_date, r.answered_by,"
      " r.shared_materials, r.submitted_report, r.made_recommendations, r.inhouse_workshop,"
      " r.developed_manuals, r.other_action, r.colleagues_shared, r.other_action_text,"
      " r.colleagues_learned, r.lessons_use, r.direct_effects, r.direct_effects_text,"
      " r.contributed, r.contributed_text, r.project_initiated, r.project_text"
      " FROM reply r JOIN followup f ON f.id = r.followup_id"
      " JOIN attendance a ON a.id = f.attendance_id JOIN workshop w ON w.id = a.workshop_id"
      " JOIN participant p ON p.id = a.participant_id"
      " JOIN administration ad ON ad.id = p.administration_id"
      " WHERE w.surveyed = 1 ORDER BY w.start_date, w.code, ad.name, p.name, r.id",
      FALSE
    };

    print_row ("export_responses, all 37,500 replies",
               measure (b, NULL, run_export, NULL, NULL),
               "SELECT the same as CSV > /dev/null", measure_sqlite3 (b, &export_case));
  }

  {
    const SqliteCase nothing_case = { "-list", "SELECT 1", FALSE };

    printf ("\n(sqlite3 CLI start-up alone, SELECT 1: %.1f ms, included in each baseline)\n",
            measure_sqlite3 (b, &nothing_case));
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  Bench b = { 0, };
  int runs = 5;
  double made_seconds;
  FuRules rules;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "The benchmark database (made there when missing)", "PATH" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed runs of each (median)", "N" },
    { NULL }
  };

  options = g_option_context_new ("- time the store on a WCO-scale database");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    bench_die ("options", error);
  b.runs = (guint) CLAMP (runs, 1, BENCH_MAX_RUNS);

  b.sqlite3 = g_find_program_in_path ("sqlite3");
  if (b.sqlite3 == NULL)
    bench_die ("the sqlite3 program is not installed (apt-get install sqlite3)", NULL);

  b.dir = g_dir_make_tmp ("fu-bench-store-XXXXXX", &error);
  if (b.dir == NULL)
    bench_die ("making a temporary directory", error);
  b.path = database != NULL ? g_strdup (database) : g_build_filename (b.dir, "big.db", NULL);
  b.copy_path = g_build_filename (b.dir, "copy.db", NULL);
  b.csv_path = g_build_filename (b.dir, "participants.csv", NULL);
  b.sql_path = g_build_filename (b.dir, "participants.sql", NULL);
  b.audit_csv_path = g_build_filename (b.dir, "audited.csv", NULL);

  bench_print_header ("bench-store: the store against the sqlite3 command line, same file");
  if (!bench_make_database (b.path, &made_seconds, &error))
    bench_die ("making the database", error);
  if (made_seconds > 0)
    printf ("(database made in %.1f s)\n\n", made_seconds);

  b.store = fu_store_open (b.path, &error);
  if (b.store == NULL)
    bench_die ("opening the database", error);
  fu_store_get_rules (b.store, &rules);
  b.today = bench_today ();
  /* A fiscal year in the middle: about 180 workshops, 4,500 attendances. */
  fu_fiscal_year_range (&rules, 2015, &b.year_first, &b.year_last);
  write_import_files (&b);

  run_benchmarks (&b);

  g_clear_object (&b.store);
  bench_remove_dir (b.dir);
  g_free (b.dir);
  g_free (b.path);
  g_free (b.copy_path);
  g_free (b.csv_path);
  g_free (b.sql_path);
  g_free (b.audit_csv_path);
  g_free (b.year_path);
  g_free (b.sqlite3);
  return 0;
}
