/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-test-util.h: what the core and report tests all need to set up and read back: a
 * temporary folder, a store in it (empty or with the sample), small records, and the text
 * pdftotext reads from a PDF. Static inline, so that each test program takes what it uses
 * and the build needs no extra file. Every helper asserts: a test that cannot set up fails
 * where it went wrong. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fu-day.h"
#include "fu-sample.h"
#include "fu-store.h"

/* Whether the tests that build databases at WCO scale (150,000 attendances) run: with -m slow,
 * or under build-aux/dev test (FOLLOWUP_SLOW_TESTS=1); a quick `meson test --suite core`
 * leaves them out. */
static inline gboolean
fu_test_slow_enabled (void)
{
  return g_test_slow () || g_strcmp0 (g_getenv ("FOLLOWUP_SLOW_TESTS"), "1") == 0;
}

/* For a slow test left out: says why. */
static inline void
fu_test_skip_slow (void)
{
  g_test_skip ("builds a database at WCO scale: run with -m slow, or build-aux/dev test");
}

/* A new empty folder in the temporary directory; @tmpl as for g_dir_make_tmp, e.g.
 * "test-store-XXXXXX". */
static inline char *
fu_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Removes @path and, when it is a folder, everything in it. TRUE when all of it could be
 * removed, for the tests that assert that they leave nothing behind. */
static inline gboolean
fu_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  gboolean ok = TRUE;

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          ok = fu_test_remove_tree (child) && ok;
        }
      g_dir_close (dir);
    }
  return g_remove (path) == 0 && ok;
}

/* The store at @path (":memory:" for one in memory), opened without error. */
static inline FuStore *
fu_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  FuStore *store = fu_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline void
fu_test_load_sample (FuStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fu_sample_load (store, &error));
  g_assert_no_error (error);
}

/* A store in a file of its own temporary folder, where most tests start. */
typedef struct {
  char    *dir;
  char    *path;     /* the store's file, in @dir */
  FuStore *store;
} FuTestFixture;

/* Opens an empty store in a new temporary folder (@tmpl as for fu_test_make_tmp_dir); with
 * @sample, loads the sample into it. */
/* Whether this run of the tests is on a team database (FOLLOWUP_TEST_BACKEND=postgres, the
 * tests' "-team" variants); then FOLLOWUP_TEST_PG names the server. */
static inline gboolean
fu_test_on_team (void)
{
  return g_strcmp0 (g_getenv ("FOLLOWUP_TEST_BACKEND"), "postgres") == 0;
}

/* For a test program's main(): on a team database without a server there is nothing to run
 * (TAP's skip plan); TRUE then, and main() returns 0. */
static inline gboolean
fu_test_skip_without_team_server (void)
{
  if (!fu_test_on_team () || (g_getenv ("FOLLOWUP_TEST_PG") != NULL
                              && *g_getenv ("FOLLOWUP_TEST_PG") != '\0'))
    return FALSE;
  g_print ("1..0 # SKIP no PostgreSQL server: build-aux/dev test starts one (FOLLOWUP_TEST_PG)\n");
  return TRUE;
}

/* A new, empty database on the team server: its address. */
static inline char *
fu_test_new_team_database (void)
{
  static guint counter;
  const char *server = g_getenv ("FOLLOWUP_TEST_PG");
  g_autofree char *program = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname ()
                                                                           : "test");
  g_autofree char *name = g_strdup_printf ("fu_%s_%d_%u", program, (int) getpid (), ++counter);
  g_autofree char *drop = NULL;
  g_autofree char *create = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  for (char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = '_';
  drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", name);
  create = g_strdup_printf ("CREATE DATABASE %s", name);
  {
    const char *argv[] = { "psql", "-q", server, "-c", drop, "-c", create, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  return g_strdup_printf ("postgresql:///%s%s", name, strchr (server, '?'));
}

static inline void
fu_test_fixture_open (FuTestFixture *fixture,
                      const char    *tmpl,
                      gboolean       sample)
{
  fixture->dir = fu_test_make_tmp_dir (tmpl);
  fixture->path = fu_test_on_team () ? fu_test_new_team_database ()
                                     : g_build_filename (fixture->dir, "followup.db", NULL);
  fixture->store = fu_test_open_store (fixture->path);
  if (sample)
    fu_test_load_sample (fixture->store);
}

/* Closes the store and removes its folder: TRUE when nothing was left behind. */
static inline gboolean
fu_test_fixture_close (FuTestFixture *fixture)
{
  gboolean removed;

  g_clear_object (&fixture->store);
  removed = fu_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
  return removed;
}

/* The id of the administration called @name, which must exist. */
static inline gint64
fu_test_lookup_administration (FuStore    *store,
                               const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (fu_store_lookup_administration (store, name, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* The id of the workshop with code @code, or 0. */
static inline gint64
fu_test_lookup_workshop (FuStore    *store,
                         const char *code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (fu_store_lookup_workshop (store, code, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* Adds @workshop; returns its id. */
static inline gint64
fu_test_add_workshop (FuStore    *store,
                      FuWorkshop *workshop)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = fu_store_add_workshop (store, workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Adds a workshop "Workshop CODE" from @start to @end (ISO dates); returns its id. */
static inline gint64
fu_test_add_workshop_dates (FuStore    *store,
                            const char *code,
                            const char *start,
                            const char *end)
{
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();

  workshop->code = g_strdup (code);
  workshop->title = g_strdup_printf ("Workshop %s", code);
  g_assert_true (fu_day_parse_iso (start, &workshop->start_date));
  g_assert_true (fu_day_parse_iso (end, &workshop->end_date));
  return fu_test_add_workshop (store, workshop);
}

/* Every row of @tables (NULL-terminated; NULL for every table of the data) of the database
 * at @path, as fu_store_dump() gives it: two dumps are equal when the store left those
 * tables alone. */
static inline char *
fu_test_dump_tables (const char        *path,
                     const char * const *tables)
{
  g_autoptr(FuStore) store = fu_test_open_store (path);
  g_autoptr(GError) error = NULL;
  char *dump = fu_store_dump (store, tables, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dump);
  return dump;
}

/* ---- Reading PDFs back --------------------------------------------------------------- */

/* Whether pdftotext (poppler-utils) is there; when not, the test fails: a skipped check
 * checks nothing. */
static inline gboolean
fu_test_have_pdftotext (void)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");

  if (program == NULL)
    {
      g_test_fail_printf ("pdftotext is missing: install poppler-utils (build-aux/dev does)");
      return FALSE;
    }
  return TRUE;
}

/* The text of @pdf as pdftotext reads it in UTF-8, @mode "-layout" (the columns of tables
 * stay on their lines) or "-raw" (reading order); every page ends with a form feed. */
static inline char *
fu_test_pdftotext (const char *pdf,
                   const char *mode)
{
  const char *argv[] = { "pdftotext", mode, "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (out);
  return out;
}

/* The pages of @pdf as text (see fu_test_pdftotext), one string each. */
static inline GStrv
fu_test_pdf_pages (const char *pdf,
                   const char *mode)
{
  g_autofree char *out = fu_test_pdftotext (pdf, mode);
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_auto(GStrv) parts = g_strsplit (out, "\f", -1);

  /* What follows the last form feed is not a page, unless pdftotext left one unended. */
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i + 1] != NULL || *g_strstrip (parts[i]) != '\0')
      g_ptr_array_add (pages, g_strdup (parts[i]));
  g_ptr_array_add (pages, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&pages), FALSE);
}

/* Garbage over the middle of the file at @path: a damaged database. */
static inline void
fu_test_damage_file (const char *path)
{
  FILE *file = fopen (path, "r+b");
  long size;

  g_assert_nonnull (file);
  fseek (file, 0, SEEK_END);
  size = ftell (file);
  fseek (file, size / 2, SEEK_SET);
  for (int i = 0; i < 400; i++)
    fputs ("garbage", file);
  fclose (file);
}
