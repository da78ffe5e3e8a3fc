/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-team: the team database (PostgreSQL, on a local socket) against the embedded one on
 * the same WCO-scale data, and a team import against psql's own \copy. Not a test: it prints
 * a table and passes whatever the times (build-aux/bench starts a server for it).
 *
 *   bench-team --server URI [--database PATH] [--runs N]
 *
 * URI is a role that may create databases (its database is not touched). The WCO database
 * (PATH, made when missing) is copied once into a new team database, which is also the
 * template each import run starts from; they are dropped at the end. Each figure is a pair,
 * A B A B: the team database, then its baseline. */
#define G_LOG_DOMAIN "bench-team"

#include "config.h"

#include <libpq-fe.h>

#include "bench-pairs.h"
#include "fu-command.h"
#include "fu-import.h"
#include "fu-store.h"

#define N_IMPORT_ROWS 100000
/* What the board asks for (fu-board-page-private.h): every status but closed, 56 days ahead
 * and 30 back; its first page is a screenful. */
#define BOARD_STATUSES ((1u << FU_STATUS_TO_SEND) | (1u << FU_STATUS_REMINDER_DUE) \
                        | (1u << FU_STATUS_OVERDUE) | (1u << FU_STATUS_AWAITING_REPLY) \
                        | (1u << FU_STATUS_PLANNED) | (1u << FU_STATUS_REPLIED))
#define BOARD_FIRST_PAGE 30

struct _Bench {
  char      *dir;
  char      *server;       /* the role's own address */
  char      *base;         /* the team copy of the WCO database, a template */
  char      *run_name;     /* the database of an import run */
  char      *run_uri;
  char      *csv_path;     /* N_IMPORT_ROWS new people */
  char      *baseline_path;/* import-baseline-pg.sql with the file's path */
  char      *psql;
  guint      runs;
  FuStore   *file;         /* the WCO database */
  FuStore   *team;         /* its team copy */
  FuStore   *run_store;    /* an import run's */
  FuDay      today;
  FuDay      year_first;
  FuDay      year_last;
};

/* ---- The server --------------------------------------------------------------------------- */

static void
ignore_notice (void       *user_data,
               const char *message)
{
}

/* @sql run on the server as the role, in its own database. */
static void
server_exec (Bench      *b,
             const char *sql)
{
  PGconn *conn = PQconnectdb (b->server);
  PGresult *res;

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_printerr ("bench-team: %s\n", PQerrorMessage (conn));
      exit (1);
    }
  PQsetNoticeProcessor (conn, ignore_notice, NULL);   /* "does not exist, skipping" */
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      g_printerr ("bench-team: %s: %s\n", sql, PQerrorMessage (conn));
      exit (1);
    }
  PQclear (res);
  PQfinish (conn);
}

/* The server's address with another database. */
static char *
database_address (Bench      *b,
                  const char *name)
{
  PQconninfoOption *options = PQconninfoParse (b->server, NULL);
  g_autoptr(GString) address = g_string_new (NULL);

  if (options == NULL)
    bench_die ("--server is not a PostgreSQL address", NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && !g_str_equal (o->keyword, "dbname"))
      g_string_append_printf (address, "%s='%s' ", o->keyword, o->val);
  g_string_append_printf (address, "dbname='%s'", name);
  PQconninfoFree (options);
  return g_string_free (g_steal_pointer (&address), FALSE);
}

static FuStore *
open_store (const char *location)
{
  g_autoptr(GError) error = NULL;
  FuStore *store = fu_store_open (location, &error);

  if (store == NULL)
    bench_die (location, error);
  return store;
}

/* ---- The steps ------------------------------------------------------------------------------ */

static void
run_summary (Bench         *b,
             gconstpointer  data)
{
  FuStore *store = (FuStore *) data;
  g_autoptr(FuSummaryRow) total = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = fu_store_summary (store, b->year_first, b->year_last, &total, &error);
  if (rows == NULL || rows->len == 0)
    bench_die ("fu_store_summary", error);
}

static void
run_all_years (Bench         *b,
               gconstpointer  data)
{
  FuStore *store = (FuStore *) data;
  g_autoptr(FuSummaryRow) total = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = fu_store_summary (store, FU_DAY_NONE, FU_DAY_NONE, &total, &error);
  if (rows == NULL)
    bench_die ("fu_store_summary", error);
}

typedef struct {
  guint  n;
  gint64 at;     /* when they came */
} FirstPage;

static gboolean
first_page_cb (GPtrArray *page,
               gpointer   user_data)
{
  FirstPage *first = user_data;

  first->at = g_get_monotonic_time ();
  first->n = page->len;
  g_ptr_array_unref (page);
  return FALSE;   /* the first rows are what the window waits for */
}

static void
run_board_first_rows (Bench         *b,
                      gconstpointer  data)
{
  FuStore *store = (FuStore *) data;
  FuFollowupQuery query = {
    .as_of = b->today,
    .status_mask = BOARD_STATUSES,
    .planned_until = fu_day_add_days (b->today, 56),
    .replied_since = fu_day_add_days (b->today, -30),
  };
  g_autoptr(GError) error = NULL;
  FirstPage first = { 0 };

  if (!fu_store_list_followups_paged (store, &query, BOARD_FIRST_PAGE, 5000, first_page_cb,
                                      &first, &error))
    bench_die ("fu_store_list_followups_paged", error);
  if (first.n == 0)
    bench_die ("the board's first page is empty", NULL);
  /* The window has its rows then; what comes after (ending the read) is not waited for. */
  bench_step_ms = (double) (first.at - bench_step_started) / 1000.0;
}

static void
run_followups (Bench         *b,
               gconstpointer  data)
{
  FuFollowupQuery query = { .as_of = b->today };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = fu_store_list_followups ((FuStore *) data, &query, &error);
  if (rows == NULL || rows->len != BIG_N_ATTENDANCES)
    bench_die ("fu_store_list_followups", error);
}

/* An import run's database: a fresh copy of the team WCO database. */
static void
make_run_database (Bench         *b,
                   gconstpointer  data)
{
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", b->run_name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", b->run_name,
                                             b->base);

  server_exec (b, drop);
  server_exec (b, create);
}

static void
open_run_store (Bench         *b,
                gconstpointer  data)
{
  make_run_database (b, data);
  b->run_store = open_store (b->run_uri);
}

static void
close_run_store (Bench         *b,
                 gconstpointer  data)
{
  g_clear_object (&b->run_store);
}

/* The import as the app makes it: a command, recorded in the history. */
static void
run_import (Bench         *b,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!bench_import_people (b->run_store, b->csv_path, N_IMPORT_ROWS, &error))
    bench_die ("importing through a command", error);
}

/* The baseline: psql's \copy into a temporary table, then one INSERT … SELECT into a table
 * with the constraints and indexes of the rows the import fills. */
static void
run_psql_copy (Bench         *b,
               gconstpointer  data)
{
  const char *argv[] = {
    b->psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", b->run_uri, "-f", b->baseline_path,
    NULL
  };

  bench_run_or_die (argv, FALSE, "psql");
}

/* ---- The report --------------------------------------------------------------------------- */

static void
run_benchmarks (Bench *b)
{
  printf ("%-38s %9s   %-34s %8s   %6s\n", "team database (median)", "ms",
          "baseline", "ms", "ratio");
  bench_measure_pairs (b, b->runs, "Tables 1-5, one fiscal year", NULL, run_summary, NULL,
                       b->team, "the same, embedded database", NULL, run_summary, NULL,
                       b->file);
  bench_measure_pairs (b, b->runs, "Tables 1-5, all years", NULL, run_all_years, NULL,
                       b->team, "the same, embedded database", NULL, run_all_years, NULL,
                       b->file);
  bench_measure_pairs (b, b->runs, "the board's first 30 rows, as they come", NULL, run_board_first_rows,
                       NULL, b->team, "the same, embedded database", NULL,
                       run_board_first_rows, NULL, b->file);
  bench_measure_pairs (b, b->runs, "(extra) all 150,000 follow-ups", NULL, run_followups, NULL,
                       b->team, "the same, embedded database", NULL, run_followups, NULL,
                       b->file);
  /* Each import starts from a copy of the team database: nobody may be on it then. */
  g_clear_object (&b->team);
  bench_measure_pairs (b, b->runs, "import 100,000 rows", open_run_store, run_import,
                       close_run_store, NULL, "psql \\copy, constrained table",
                       make_run_database, run_psql_copy, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *base_uri = NULL;
  g_autofree char *drop = NULL;
  Bench b = { 0, };
  int runs = 5;
  double made_seconds;
  gint64 start;
  FuRules rules;
  GOptionEntry entries[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, &b.server,
      "A PostgreSQL role that may create databases", "URI" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "The WCO-scale database (made there when missing)", "PATH" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Timed pairs of each (median)", "N" },
    { NULL }
  };

  options = g_option_context_new ("- time the team database against the embedded one");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    bench_die ("options", error);
  if (b.server == NULL)
    bench_die ("--server is needed", NULL);
  b.runs = (guint) CLAMP (runs, 1, BENCH_MAX_RUNS);
  b.psql = g_find_program_in_path ("psql");
  if (b.psql == NULL)
    bench_die ("the psql program is not installed (apt-get install postgresql-client)", NULL);

  b.dir = g_dir_make_tmp ("fu-bench-team-XXXXXX", &error);
  if (b.dir == NULL)
    bench_die ("making a temporary directory", error);
  if (database == NULL)
    database = g_build_filename (b.dir, "big.db", NULL);
  b.csv_path = g_build_filename (b.dir, "participants.csv", NULL);
  b.base = g_strdup_printf ("fu_bench_base_%d", (int) getpid ());
  b.run_name = g_strdup_printf ("fu_bench_run_%d", (int) getpid ());
  b.run_uri = database_address (&b, b.run_name);
  base_uri = database_address (&b, b.base);

  bench_print_header ("bench-team: PostgreSQL on a local socket against SQLite, same data");
  if (!bench_make_database (database, &made_seconds, &error))
    bench_die ("making the database", error);
  b.file = open_store (database);
  fu_store_get_rules (b.file, &rules);
  b.today = bench_today ();
  fu_fiscal_year_range (&rules, 2015, &b.year_first, &b.year_last);
  if (!bench_write_new_people (b.file, b.csv_path, N_IMPORT_ROWS, &error))
    bench_die ("writing the file to import", error);
  b.baseline_path = bench_write_baseline (BENCH_SOURCE_DIR, "import-baseline-pg.sql", b.dir,
                                          b.csv_path, &error);
  if (b.baseline_path == NULL)
    bench_die ("writing the baseline script", error);

  drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", b.base);
  server_exec (&b, drop);
  {
    g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", b.base);

    server_exec (&b, create);
  }
  start = g_get_monotonic_time ();
  b.team = open_store (base_uri);
  if (!fu_store_copy (b.file, b.team, NULL, NULL, &error))
    bench_die ("copying the database to the server", error);
  printf ("(WCO database copied to the server in %.1f s)\n\n", bench_ms_since (start) / 1000);

  run_benchmarks (&b);

  g_clear_object (&b.team);
  g_clear_object (&b.file);
  server_exec (&b, drop);
  {
    g_autofree char *drop_run = g_strdup_printf ("DROP DATABASE IF EXISTS %s", b.run_name);

    server_exec (&b, drop_run);
  }
  bench_remove_dir (b.dir);
  g_free (b.dir);
  g_free (b.server);
  g_free (b.base);
  g_free (b.run_name);
  g_free (b.run_uri);
  g_free (b.csv_path);
  g_free (b.baseline_path);
  g_free (b.psql);
  return 0;
}
