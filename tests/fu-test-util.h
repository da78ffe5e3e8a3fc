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

/* Adds a person of @administration (a name the database knows); returns the id. */
static inline gint64
fu_test_add_participant (FuStore    *store,
                         const char *name,
                         const char *administration,
                         const char *email)
{
  g_autoptr(FuParticipant) participant = fu_participant_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  participant->name = g_strdup (name);
  participant->administration_id = fu_test_lookup_administration (store, administration);
  participant->email = g_strdup (email);
  id = fu_store_add_participant (store, participant, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Adds the attendance and returns its follow-up (0 for a workshop not surveyed). */
static inline gint64
fu_test_attend (FuStore *store,
                gint64   workshop_id,
                gint64   participant_id)
{
  g_autoptr(GError) error = NULL;
  gint64 attendance_id;
  gint64 followup_id = -1;

  attendance_id = fu_store_add_attendance (store, workshop_id, participant_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (attendance_id, >, 0);
  g_assert_true (fu_store_lookup_followup (store, attendance_id, &followup_id, &error));
  g_assert_no_error (error);
  return followup_id;
}

/* For a backend's test of fu_store_match_people() on a large list, which reads the people
 * once and matches in memory: on the empty database @store, the same answers, field for
 * field, as the backend's statements for a small list (@set_from sets from how many rows a
 * list is large), on people alike but for the case of their names and e-mails, namesakes,
 * people without e-mails, and letters beyond ASCII (which NOCASE does not fold). */
static inline void
fu_test_check_match_in_memory (FuStore *store,
                               void   (*set_from) (guint n_rows))
{
  gint64 w1 = fu_test_add_workshop_dates (store, "W1", "2017-05-02", "2017-05-04");
  gint64 w2 = fu_test_add_workshop_dates (store, "W2", "2017-06-02", "2017-06-04");
  gint64 ana = fu_test_add_participant (store, "Ana Lima", "Fiji", "Ana.Lima@Example.org");
  gint64 ana_too = fu_test_add_participant (store, "ana lima", "Fiji", NULL);
  gint64 bo = fu_test_add_participant (store, "Bo Chen", "China", NULL);
  gint64 bo_mail = fu_test_add_participant (store, "BO CHEN", "China", "bo@example.org");
  gint64 elodie = fu_test_add_participant (store, "Élodie Dupré", "Fiji", "elodie@example.org");
  static const struct { const char *name; const char *admin; const char *email; } list[] = {
    { "Ana Lima", "Fiji", "ana.lima@EXAMPLE.ORG" },
    { "Someone Else", "Fiji", "Ana.Lima@Example.org" },
    { "ANA LIMA", "Fiji", NULL },
    { "ana lima", "Fiji", "" },
    { "Ana Lima", "China", NULL },
    { "bo chen", "China", "new@example.org" },
    { "Bo Chen", "China", "bo@example.org" },
    { "Bo  Chen", "China", NULL },
    { "ÉLODIE DUPRÉ", "Fiji", NULL },
    { "élodie dupré", "Fiji", NULL },
    { "Élodie Dupré", "Fiji", "ELODIE@example.org" },
    { "", "Fiji", NULL },
    { "Nobody Known", "Fiji", "nobody@example.org" },
  };
  guint n = G_N_ELEMENTS (list) * 2;
  g_autofree FuPersonMatch *by_sql = g_new0 (FuPersonMatch, n);
  g_autofree FuPersonMatch *in_memory = g_new0 (FuPersonMatch, n);
  g_autoptr(GError) error = NULL;

  fu_test_attend (store, w1, ana);
  fu_test_attend (store, w2, bo);
  fu_test_attend (store, w1, elodie);
  for (guint i = 0; i < n; i++)
    {
      guint k = i % G_N_ELEMENTS (list);

      by_sql[i] = (FuPersonMatch) {
        .workshop_id = i < G_N_ELEMENTS (list) ? w1 : w2,
        .name = list[k].name,
        .administration_id = fu_test_lookup_administration (store, list[k].admin),
        .email = list[k].email,
      };
      in_memory[i] = by_sql[i];
    }

  set_from (G_MAXUINT);
  g_assert_true (fu_store_match_people (store, by_sql, n, &error));
  g_assert_no_error (error);
  set_from (0);
  g_assert_true (fu_store_match_people (store, in_memory, n, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_test_message ("row %u: %s / %s", i, by_sql[i].name, by_sql[i].email);
      g_assert_cmpint (in_memory[i].email_id, ==, by_sql[i].email_id);
      g_assert_cmpint (in_memory[i].email_attends, ==, by_sql[i].email_attends);
      g_assert_cmpint (in_memory[i].name_id, ==, by_sql[i].name_id);
      g_assert_cmpint (in_memory[i].name_has_email, ==, by_sql[i].name_has_email);
      g_assert_cmpint (in_memory[i].name_attends, ==, by_sql[i].name_attends);
    }

  /* And what they say is what a person would expect. */
  g_assert_cmpint (in_memory[0].email_id, ==, ana);
  g_assert_true (in_memory[0].email_attends);
  g_assert_cmpint (in_memory[1].email_id, ==, ana);
  g_assert_cmpint (in_memory[2].name_id, ==, ana);
  g_assert_true (in_memory[2].name_has_email);
  g_assert_cmpint (in_memory[4].name_id, ==, 0);
  g_assert_cmpint (in_memory[5].name_id, ==, bo);
  g_assert_false (in_memory[5].name_has_email);
  g_assert_cmpint (in_memory[6].email_id, ==, bo_mail);
  g_assert_cmpint (in_memory[7].name_id, ==, 0);
  g_assert_cmpint (in_memory[8].name_id, ==, 0);
  g_assert_cmpint (in_memory[9].name_id, ==, 0);
  g_assert_cmpint (in_memory[10].email_id, ==, elodie);
  g_assert_cmpint (in_memory[12].email_id + in_memory[12].name_id, ==, 0);
  g_assert_cmpint (in_memory[G_N_ELEMENTS (list) + 5].name_id, ==, bo);
  g_assert_true (in_memory[G_N_ELEMENTS (list) + 5].name_attends);
  g_assert_false (in_memory[G_N_ELEMENTS (list)].email_attends);
  (void) ana_too;
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
