/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-sqlite-private.h"
#include "fu-test-util.h"

/* ---- Helpers ----------------------------------------------------------------------------- */

static FuDay
D (const char *iso)
{
  FuDay day = FU_DAY_NONE;

  g_assert_true (fu_day_parse_iso (iso, &day));
  return day;
}

static void
assert_day (FuDay       day,
            const char *expected)
{
  g_autofree char *iso = fu_day_to_iso (day);

  g_assert_cmpstr (iso, ==, expected);
}

static void
remove_tree_free (gpointer path)
{
  fu_test_remove_tree (path);
  g_free (path);
}

/* A fresh temporary folder, removed at the end of the test. */
static char *
make_tmp_dir (void)
{
  char *dir = fu_test_make_tmp_dir ("test-store-XXXXXX");

  g_test_queue_destroy (remove_tree_free, g_strdup (dir));
  return dir;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_same_bytes (GBytes     *expected,
                   const char *path)
{
  g_autoptr(GBytes) actual = read_bytes (path);

  g_assert_true (g_bytes_equal (expected, actual));
}

static gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
side_file_exists (const char *path,
                  const char *suffix)
{
  g_autofree char *side = g_strconcat (path, suffix, NULL);

  return file_exists (side);
}

static FuStore *
open_memory (void)
{
  return fu_test_open_store (":memory:");
}

static gint64
query_int (FuStore    *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (fu_sqlite_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (FuStore    *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (fu_sqlite_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

#define add_workshop fu_test_add_workshop_dates

#define add_participant fu_test_add_participant
#define attend fu_test_attend

static GPtrArray *
list_followups (FuStore *store,
                gint64   workshop_id,
                FuDay    as_of)
{
  FuFollowupQuery query = { .as_of = as_of, .workshop_id = workshop_id };
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = fu_store_list_followups (store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* The row of one follow-up as of a day. */
static FuFollowupRow *
find_row (GPtrArray *rows,
          gint64     followup_id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (row->followup_id == followup_id)
        return row;
    }
  g_assert_not_reached ();
  return NULL;
}

static FuFollowupStatus
status_on (FuStore    *store,
           gint64      followup_id,
           const char *day)
{
  g_autoptr(GPtrArray) rows = list_followups (store, 0, D (day));

  return find_row (rows, followup_id)->status;
}

static FuWorkshop *
get_workshop (FuStore *store,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  FuWorkshop *workshop = fu_store_get_workshop (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workshop);
  return workshop;
}

static const char *expected_tables[] = {
  "administration", "workshop", "participant", "attendance", "followup", "reminder", "reply",
  "settings",
};

static gboolean
schema_has (FuStore    *store,
            const char *type,
            const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM sqlite_schema "
                                          "WHERE type = '%s' AND name = '%s'", type, name);

  return query_int (store, sql) == 1;
}

/* ---- Opening ----------------------------------------------------------------------------- */

static void
test_open_new (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "a", "b", "followup.db", NULL);
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(FuAdministration) hkc = NULL;
  g_autofree char *office = NULL;
  g_autofree char *journal = NULL;
  FuRules rules;

  /* The folder is created with the file. */
  store = fu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (file_exists (path));
  g_assert_cmpstr (fu_store_get_path (store), ==, path);
  g_assert_cmpuint (fu_store_get_version (store), ==, fu_store_get_latest_version ());
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==,
                   fu_store_get_latest_version ());
  g_assert_true (fu_store_is_empty (store));

  /* The connection's settings. */
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA busy_timeout"), ==, 5000);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 1);
  journal = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  /* The 33 members, by name. */
  admins = fu_store_list_administrations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (admins->len, ==, 33);
  g_assert_cmpstr (((FuAdministration *) admins->pdata[0])->name, ==, "Afghanistan");
  g_assert_cmpstr (((FuAdministration *) admins->pdata[32])->name, ==, "Viet Nam");
  for (guint i = 0; i < admins->len; i++)
    g_assert_true (((FuAdministration *) admins->pdata[i])->member);

  hkc = fu_store_get_administration (store, fu_test_lookup_administration (store, "HKC"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hkc->name, ==, "Hong Kong China");
  g_assert_cmpstr (hkc->short_name, ==, "HKC");
  g_assert_cmpstr (hkc->country, ==, "China");
  g_assert_cmpint (fu_test_lookup_administration (store, "Macau China"), >, 0);

  /* The default settings. */
  fu_store_get_rules (store, &rules);
  g_assert_cmpuint (rules.fiscal_year_start_month, ==, 7);
  g_assert_cmpuint (rules.followup_months, ==, 6);
  g_assert_cmpuint (rules.reply_days, ==, 30);
  g_assert_cmpuint (rules.reminder_days, ==, 7);
  office = fu_store_get_office_name (store);
  g_assert_cmpstr (office, ==,
                   "WCO Regional Office for Capacity Building for Asia/Pacific (ROCB A/P)");
}

static void
test_open_reopen (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "followup.db", NULL);
  g_autoptr(FuStore) store = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (path, ".bak-v0", NULL);
  gint64 id = 0;
  gint64 again = 0;

  /* An empty file is a new database. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = fu_store_open (path, &error);
  g_assert_no_error (error);
  id = add_workshop (store, "2016-NII", "2016-07-05", "2016-07-08");
  add_participant (store, "Ana Lim", "Philippines", "ana@example.org");
  g_assert_false (fu_store_is_empty (store));
  g_clear_object (&store);

  /* Nothing to migrate, nothing backed up; the data is there. */
  store = fu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (file_exists (backup));
  g_assert_true (fu_store_lookup_workshop (store, "2016-NII", &again, &error));
  g_assert_cmpint (again, ==, id);
  workshop = get_workshop (store, id);
  assert_day (workshop->start_date, "2016-07-05");
  assert_day (workshop->end_date, "2016-07-08");
  g_assert_false (fu_store_is_empty (store));
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM administration"), ==, 33);
}

static void
test_open_default_path (void)
{
  g_autofree char *path = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("FOLLOWUP_DATABASE"));

  g_setenv ("FOLLOWUP_DATABASE", "/tmp/elsewhere/team.db", TRUE);
  path = fu_store_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere/team.db");
  g_clear_pointer (&path, g_free);

  g_setenv ("FOLLOWUP_DATABASE", "", TRUE);
  path = fu_store_default_path ();
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "/followup/followup.db"));

  if (saved != NULL)
    g_setenv ("FOLLOWUP_DATABASE", saved, TRUE);
  else
    g_unsetenv ("FOLLOWUP_DATABASE");
}

/* A database as each earlier version left it is brought to the latest, with a byte copy of
 * the old file beside it. */
static void
test_open_migrate (void)
{
  guint latest = fu_store_get_latest_version ();

  g_assert_cmpuint (latest, >=, 2);

  for (guint k = 0; k < latest; k++)
    {
      g_autofree char *dir = make_tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "followup.db", NULL);
      g_autofree char *backup = g_strdup_printf ("%s.bak-v%u", path, k);
      g_autoptr(FuStore) store = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id = 0;

      g_test_message ("migrating from version %u", k);

      if (k > 0)
        {
          store = fu_sqlite_store_open_at_version (path, k, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (fu_store_get_version (store), ==, k);
          g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, k);
          g_assert_true (k >= 2 || !schema_has (store, "index", "reminder_followup"));
          g_assert_true (k >= 3 || !schema_has (store, "table", "audit_entry"));
          g_assert_cmpint (sqlite3_exec (fu_sqlite_get_db (store),
                                         "INSERT INTO workshop (code, title, start_date, "
                                         "end_date) VALUES ('2016-OLD', 'Old', '2016-07-05', "
                                         "'2016-07-08')",
                                         NULL, NULL, NULL), ==, SQLITE_OK);
          g_clear_object (&store);
          before = read_bytes (path);
          g_assert_nonnull (before);
        }

      store = fu_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fu_store_get_version (store), ==, latest);
      g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, latest);
      for (guint i = 0; i < G_N_ELEMENTS (expected_tables); i++)
        g_assert_true (schema_has (store, "table", expected_tables[i]));
      g_assert_true (schema_has (store, "index", "workshop_start"));
      g_assert_true (schema_has (store, "index", "reminder_followup"));
      g_assert_true (schema_has (store, "index", "participant_name"));
      g_assert_true (schema_has (store, "table", "audit_entry"));
      g_assert_true (schema_has (store, "trigger", "audit_workshop_update"));
      /* Version 6 closes a new follow-up of a person not to be contacted without it. */
      g_assert_false (schema_has (store, "trigger", "followup_no_contact"));
      g_assert_cmpint (query_int (store, "SELECT count (*) FROM administration"), ==, 33);
      g_assert_cmpint (query_int (store, "SELECT count (*) FROM settings"), ==, 5);

      if (k == 0)
        {
          /* A new file: nothing to back up. */
          g_assert_false (file_exists (backup));
          continue;
        }

      g_assert_true (fu_store_lookup_workshop (store, "2016-OLD", &id, &error));
      g_assert_cmpint (id, >, 0);
      g_assert_true (file_exists (backup));
      /* The backup holds the old version as it was, in a file of its own. */
      {
        sqlite3 *copy = NULL;
        sqlite3_stmt *stmt = NULL;

        g_assert_cmpint (sqlite3_open_v2 (backup, &copy, SQLITE_OPEN_READONLY, NULL), ==,
                         SQLITE_OK);
        g_assert_cmpint (sqlite3_prepare_v2 (copy, "SELECT (SELECT user_version FROM "
                                             "pragma_user_version), (SELECT count (*) FROM "
                                             "workshop WHERE code = '2016-OLD')",
                                             -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, k);
        g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
        sqlite3_finalize (stmt);
        sqlite3_close (copy);
        g_assert_false (side_file_exists (backup, "-wal"));
      }
      {
        GStatBuf st;

        g_assert_cmpint (g_stat (backup, &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      }

      /* Opening the migrated file again backs up nothing more. */
      g_clear_object (&store);
      g_assert_cmpint (g_remove (backup), ==, 0);
      store = fu_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_false (file_exists (backup));
    }
}

static void
test_open_not_database (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "workshops.csv", NULL);
  g_autofree char *foreign = g_build_filename (dir, "other.db", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  FuStore *store;
  sqlite3 *db = NULL;

  /* A text file. */
  g_assert_true (g_file_set_contents (path, "code,title\n2016-NII,Risk management\n", -1,
                                      NULL));
  before = read_bytes (path);
  store = fu_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_DATABASE);
  expected = g_strdup_printf ("'%s': this file is not a Follow-Up database", path);
  g_assert_cmpstr (error->message, ==, expected);
  assert_same_bytes (before, path);
  g_assert_false (side_file_exists (path, "-wal"));
  g_assert_false (side_file_exists (path, "-shm"));
  g_assert_false (side_file_exists (path, "-journal"));
  g_assert_false (side_file_exists (path, ".bak-v0"));
  g_clear_error (&error);
  g_clear_pointer (&before, g_bytes_unref);

  /* Another program's SQLite database. */
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE song (title TEXT); "
                                     "INSERT INTO song VALUES ('Yesterday')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_bytes (foreign);
  store = fu_store_open (foreign, &error);
  g_assert_null (store);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_DATABASE);
  assert_same_bytes (before, foreign);
  g_assert_false (side_file_exists (foreign, ".bak-v0"));
}

static void
test_open_too_new (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "followup.db", NULL);
  g_autofree char *bump = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  FuStore *store;
  guint newer = fu_store_get_latest_version () + 1;

  store = fu_store_open (path, &error);
  g_assert_no_error (error);
  add_workshop (store, "2016-NII", "2016-07-05", "2016-07-08");
  bump = g_strdup_printf ("PRAGMA user_version = %u", newer);
  g_assert_cmpint (sqlite3_exec (fu_sqlite_get_db (store), bump, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_object_unref (store);

  before = read_bytes (path);
  store = fu_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_TOO_NEW);
  expected = g_strdup_printf ("(schema %u, this version knows %u)", newer, newer - 1);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_nonnull (strstr (error->message, "newer version of Follow-Up"));
  assert_same_bytes (before, path);
  g_assert_false (side_file_exists (path, "-wal"));
  g_assert_false (side_file_exists (path, ".bak-v2"));
  g_assert_false (side_file_exists (path, ".bak-v3"));
}

/* ---- Integrity --------------------------------------------------------------------------- */

static void
test_foreign_keys (void)
{
  g_autoptr(FuStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FuParticipant) nobody = fu_participant_new ();
  gint64 participant = add_participant (store, "Ana Lim", "PHL", NULL);
  gint64 workshop = add_workshop (store, "2016-NII", "2016-07-05", "2016-07-08");
  gint64 id;

  /* Through the API: a clear error, and nothing written. */
  id = fu_store_add_attendance (store, workshop + 100, participant, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  id = fu_store_add_attendance (store, workshop, participant + 100, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM attendance"), ==, 0);

  nobody->name = g_strdup ("Nobody");
  nobody->administration_id = 999;
  g_assert_cmpint (fu_store_add_participant (store, nobody, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The database itself refuses it too. */
  g_assert_cmpint (sqlite3_exec (fu_sqlite_get_db (store),
                                 "INSERT INTO attendance (workshop_id, participant_id) "
                                 "VALUES (999, 1)", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT_FOREIGNKEY);
}

/* A flat level (an import): the writes inside take no savepoint; all of them are kept when
 * it commits, and none when one of them failed, even if the caller tries to commit. */
static void
test_flat (void)
{
  g_autoptr(FuStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) taken = fu_workshop_new ();
  g_autoptr(GPtrArray) workshops = NULL;

  fu_store_set_flat (store, TRUE);
  g_assert_true (fu_store_begin (store, &error));
  add_workshop (store, "2016-NII", "2016-07-05", "2016-07-08");
  add_workshop (store, "2016-HRM", "2016-08-01", "2016-08-03");
  g_assert_true (fu_store_commit (store, &error));
  fu_store_set_flat (store, FALSE);
  workshops = fu_store_list_workshops (store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_cmpuint (workshops->len, ==, 2);

  fu_store_set_flat (store, TRUE);
  g_assert_true (fu_store_begin (store, &error));
  add_workshop (store, "2017-VAL", "2017-06-01", "2017-06-02");
  taken->code = g_strdup ("2016-NII");
  taken->title = g_strdup ("Again");
  taken->start_date = D ("2017-01-01");
  g_assert_cmpint (fu_store_add_workshop (store, taken, &error), ==, 0);
  g_clear_error (&error);
  g_assert_false (fu_store_commit (store, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED);
  g_clear_error (&error);
  fu_store_rollback (store);
  fu_store_set_flat (store, FALSE);
  g_clear_pointer (&workshops, g_ptr_array_unref);
  workshops = fu_store_list_workshops (store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_cmpuint (workshops->len, ==, 2);
}

static void
test_unique (void)
{
  g_autoptr(FuStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(FuParticipant) participant = fu_participant_new ();
  g_autoptr(FuAdministration) admin = fu_administration_new ();
  gint64 w = add_workshop (store, "2016-NII", "2016-07-05", "2016-07-08");
  gint64 ana = add_participant (store, "Ana Lim", "PHL", "Ana.Lim@Example.org");
  gint64 id;

  workshop->code = g_strdup ("2016-NII");
  workshop->title = g_strdup ("Again");
  workshop->start_date = D ("2016-08-01");
  g_assert_cmpint (fu_store_add_workshop (store, workshop, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "A workshop with code '2016-NII' already exists");
  g_clear_error (&error);

  /* Renaming another workshop to a taken code is refused the same way. */
  id = add_workshop (store, "2016-HRM", "2016-08-01", "2016-08-03");
  g_clear_pointer (&workshop, fu_workshop_free);
  workshop = get_workshop (store, id);
  g_free (workshop->code);
  workshop->code = g_strdup ("2016-NII");
  g_assert_false (fu_store_update_workshop (store, workshop, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* E-mails are unique without regard to case; people without one are not. */
  participant->name = g_strdup ("Ana Lim again");
  participant->administration_id = fu_test_lookup_administration (store, "PHL");
  participant->email = g_strdup ("ana.lim@example.ORG");
  g_assert_cmpint (fu_store_add_participant (store, participant, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "ana.lim@example.ORG"));
  g_clear_error (&error);
  add_participant (store, "Bo Chen", "CHN", NULL);
  add_participant (store, "Bo Chen", "CHN", "");
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM participant WHERE email IS NULL"),
                   ==, 2);

  /* One attendance per person and workshop. */
  attend (store, w, ana);
  g_assert_cmpint (fu_store_add_attendance (store, w, ana, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "'Ana Lim' already attends workshop '2016-NII'");
  g_clear_error (&error);

  /* Administrations: names without regard to case, short names too. */
  admin->name = g_strdup ("hong kong CHINA");
  g_assert_cmpint (fu_store_add_administration (store, admin, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (admin->name);
  admin->name = g_strdup ("Universal Postal Union");
  admin->short_name = g_strdup ("hkc");
  g_assert_cmpint (fu_store_add_administration (store, admin, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (admin->short_name);
  admin->short_name = g_strdup ("UPU");
  g_assert_cmpint (fu_store_add_administration (store, admin, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM administration"), ==, 34);
}

static void
test_workshop_dates (void)
{
  g_autoptr(FuStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(FuWorkshop) stored = NULL;
  gint64 id;

  workshop->code = g_strdup ("2016-NII");
  workshop->title = g_strdup ("Risk management");
  workshop->start_date = D ("2016-07-05");
  workshop->end_date = D ("2016-07-01");
  g_assert_cmpint (fu_store_add_workshop (store, workshop, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The workshop ends (2016-07-01) before it starts (2016-07-05)");
  g_clear_error (&error);
  g_assert_true (fu_store_is_empty (store));

  /* The schema holds the rule too. */
  g_assert_cmpint (sqlite3_exec (fu_sqlite_get_db (store),
                                 "INSERT INTO workshop (code, title, start_date, end_date) "
                                 "VALUES ('X', 'X', '2016-07-05', '2016-07-01')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_CHECK);

  /* No end date: a one-day workshop. */
  workshop->end_date = FU_DAY_NONE;
  id = fu_store_add_workshop (store, workshop, &error);
  g_assert_no_error (error);
  stored = get_workshop (store, id);
  assert_day (stored->end_date, "2016-07-05");
  g_assert_cmpint (stored->kind, ==, FU_WORKSHOP_KIND_REGIONAL);
  g_assert_true (stored->surveyed);

  /* The same check on update, and the record unchanged. */
  stored->end_date = D ("2016-06-30");
  g_assert_false (fu_store_update_workshop (store, stored, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Missing code, title. */
  g_clear_pointer (&workshop->code, g_free);
  g_assert_cmpint (fu_store_add_workshop (store, workshop, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  workshop->code = g_strdup ("2016-XYZ");
  g_clear_pointer (&workshop->title, g_free);
  g_assert_cmpint (fu_store_add_workshop (store, workshop, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_workshop_round_trip (void)
{
  g_autoptr(FuStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(FuWorkshop) stored = NULL;
  g_autoptr(FuWorkshop) copy = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id;

  workshop->code = g_strdup ("2017-TTT");
  workshop->title = g_strdup ("Train the trainer");
  workshop->kind = FU_WORKSHOP_KIND_TRAIN_THE_TRAINER;
  workshop->start_date = D ("2017-04-10");
  workshop->end_date = D ("2017-04-14");
  workshop->venue = g_strdup ("Bangkok");
  workshop->host_administration_id = fu_test_lookup_administration (store, "Thailand");
  workshop->co_organizer = g_strdup ("UNESCAP");
  workshop->surveyed = FALSE;
  workshop->notes = g_strdup ("Accreditation");
  workshop->planned_override = D ("2017-09-01");
  workshop->deadline_override = D ("2017-10-15");
  id = fu_store_add_workshop (store, workshop, &error);
  g_assert_no_error (error);

  stored = get_workshop (store, id);
  g_assert_cmpint (stored->id, ==, id);
  g_assert_cmpstr (stored->code, ==, "2017-TTT");
  g_assert_cmpstr (stored->title, ==, "Train the trainer");
  g_assert_cmpint (stored->kind, ==, FU_WORKSHOP_KIND_TRAIN_THE_TRAINER);
  g_assert_cmpstr (stored->venue, ==, "Bangkok");
  g_assert_cmpint (stored->host_administration_id, ==,
                   fu_test_lookup_administration (store, "THA"));
  g_assert_cmpstr (stored->co_organizer, ==, "UNESCAP");
  g_assert_false (stored->surveyed);
  g_assert_cmpstr (stored->notes, ==, "Accreditation");
  assert_day (stored->planned_override, "2017-09-01");
  assert_day (stored->deadline_override, "2017-10-15");

  copy = fu_workshop_copy (stored);
  g_assert_cmpstr (copy->venue, ==, stored->venue);
  g_assert_true (copy->venue != stored->venue);

  /* Listing: by start date then code, bounded by start date. */
  add_workshop (store, "2016-B", "2016-09-01", "2016-09-02");
  add_workshop (store, "2016-A", "2016-09-01", "2016-09-02");
  add_workshop (store, "2015-Z", "2015-09-01", "2015-09-02");
  list = fu_store_list_workshops (store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (((FuWorkshop *) list->pdata[0])->code, ==, "2015-Z");
  g_assert_cmpstr (((FuWorkshop *) list->pdata[1])->code, ==, "2016-A");
  g_assert_cmpstr (((FuWorkshop *) list->pdata[2])->code, ==, "2016-B");
  g_assert_cmpstr (((FuWorkshop *) list->pdata[3])->code, ==, "2017-TTT");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = fu_store_list_workshops (store, D ("2016-07-01"), D ("2017-04-10"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = fu_store_list_workshops (store, D ("2016-09-02"), FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Unknown ids. */
  g_assert_null (fu_store_get_workshop (store, id + 100, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (fu_store_delete_workshop (store, id + 100, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_delete_cascade (void)
{
  g_autoptr(FuStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FuReply) reply = fu_reply_new ();
  gint64 w = add_workshop (store, "2016-NII", "2016-07-05", "2016-07-08");
  gint64 other = add_workshop (store, "2016-HRM", "2016-08-01", "2016-08-03");
  gint64 ana = add_participant (store, "Ana Lim", "PHL", "ana@example.org");
  gint64 bo = add_participant (store, "Bo Chen", "CHN", "bo@example.org");
  gint64 f1 = attend (store, w, ana);
  guint n = 0;

  attend (store, w, bo);
  attend (store, other, ana);
  g_assert_true (fu_store_mark_sent (store, w, D ("2017-01-05"), &n, &error));
  g_assert_true (fu_store_mark_reminded (store, w, D ("2017-01-30"), &n, &error));
  g_assert_cmpuint (n, ==, 2);
  reply->followup_id = f1;
  reply->received_date = D ("2017-02-01");
  g_assert_true (fu_store_save_reply (store, reply, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (fu_store_delete_workshop (store, w, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM workshop"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM attendance"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM followup"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM reminder"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM reply"), ==, 0);
  /* People stay: they may attend other workshops. */
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM participant"), ==, 2);
}

/* ---- Transactions ------------------------------------------------------------------------ */

static gboolean
has_workshop (FuStore    *store,
              const char *code)
{
  gint64 id = 0;

  g_assert_true (fu_store_lookup_workshop (store, code, &id, NULL));
  return id != 0;
}

static void
test_transactions (void)
{
  g_autoptr(FuStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) dup = fu_workshop_new ();

  /* An inner level rolled back; the outer one committed. */
  g_assert_true (fu_store_begin (store, &error));
  add_workshop (store, "A", "2016-07-05", "2016-07-05");
  g_assert_true (fu_store_begin (store, &error));
  add_workshop (store, "B", "2016-07-05", "2016-07-05");
  g_assert_true (has_workshop (store, "B"));
  fu_store_rollback (store);
  g_assert_false (has_workshop (store, "B"));
  g_assert_true (has_workshop (store, "A"));

  /* A write that fails inside a transaction leaves the transaction as it was. */
  dup->code = g_strdup ("A");
  dup->title = g_strdup ("Again");
  dup->start_date = D ("2016-07-05");
  g_assert_cmpint (fu_store_add_workshop (store, dup, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (has_workshop (store, "A"));

  g_assert_true (fu_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (has_workshop (store, "A"));
  g_assert_cmpint (sqlite3_get_autocommit (fu_sqlite_get_db (store)), !=, 0);

  /* Everything rolled back, inner committed levels included: no trace. */
  g_assert_true (fu_store_begin (store, &error));
  add_workshop (store, "C", "2016-07-05", "2016-07-05");
  g_assert_true (fu_store_begin (store, &error));
  add_participant (store, "Ana Lim", "PHL", "ana@example.org");
  g_assert_true (fu_store_begin (store, &error));
  add_workshop (store, "D", "2016-07-05", "2016-07-05");
  g_assert_true (fu_store_commit (store, &error));
  g_assert_true (fu_store_commit (store, &error));
  g_assert_true (has_workshop (store, "D"));
  fu_store_rollback (store);
  g_assert_false (has_workshop (store, "C"));
  g_assert_false (has_workshop (store, "D"));
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM participant"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM workshop"), ==, 1);
  g_assert_cmpint (sqlite3_get_autocommit (fu_sqlite_get_db (store)), !=, 0);

  /* And the store goes on working after it. */
  add_workshop (store, "E", "2016-07-05", "2016-07-05");
  g_assert_true (has_workshop (store, "E"));
}

/* Two programs on one file: readers go on while one writes; a second writer waits, then
 * gets a "busy" error it can report, and can try again later. */
static void
test_busy (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "followup.db", NULL);
  g_autoptr(FuStore) first = NULL;
  g_autoptr(FuStore) second = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  first = fu_store_open (path, &error);
  g_assert_no_error (error);
  second = fu_store_open (path, &error);
  g_assert_no_error (error);
  /* Not the five seconds a person would wait. */
  sqlite3_busy_timeout (fu_sqlite_get_db (second), 20);

  add_workshop (first, "2016-NII", "2016-07-05", "2016-07-08");
  g_assert_true (fu_store_begin (first, &error));
  add_workshop (first, "2016-HRM", "2016-08-01", "2016-08-03");

  list = fu_store_list_workshops (second, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  workshop->code = g_strdup ("2016-AEO");
  workshop->title = g_strdup ("AEO");
  workshop->start_date = D ("2016-09-01");
  g_assert_cmpint (fu_store_add_workshop (second, workshop, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);

  g_assert_true (fu_store_commit (first, &error));
  g_assert_cmpint (fu_store_add_workshop (second, workshop, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (first, "SELECT count (*) FROM workshop"), ==, 3);
}

/* ---- Settings ---------------------------------------------------------------------------- */

static void
test_settings (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "followup.db", NULL);
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autofree char *office = NULL;
  FuRules rules = { .fiscal_year_start_month = 1, .followup_months = 3, .reply_days = 21,
                    .reminder_days = 5 };
  FuRules bad = { .fiscal_year_start_month = 13, .followup_months = 6, .reply_days = 30,
                  .reminder_days = 7 };
  FuRules read;
  gint64 w, ana, f;

  store = fu_store_open (path, &error);
  g_assert_no_error (error);
  w = add_workshop (store, "2016-NII", "2016-07-05", "2016-08-31");
  ana = add_participant (store, "Ana Lim", "PHL", "ana@example.org");
  f = attend (store, w, ana);

  /* Planned six months after the end; 31 August + 6 months is the end of February. */
  rows = list_followups (store, w, D ("2016-12-01"));
  assert_day (find_row (rows, f)->dates.planned, "2017-02-28");
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_assert_true (fu_store_set_rules (store, &rules, &error));
  g_assert_no_error (error);
  g_assert_true (fu_store_set_office_name (store, "ROCB A/P, Bangkok", &error));
  g_assert_no_error (error);

  /* A bad value is refused and changes nothing. */
  g_assert_false (fu_store_set_rules (store, &bad, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (fu_store_set_office_name (store, "  ", &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The settings live in the file. */
  g_clear_object (&store);
  store = fu_store_open (path, &error);
  g_assert_no_error (error);
  fu_store_get_rules (store, &read);
  g_assert_cmpuint (read.fiscal_year_start_month, ==, 1);
  g_assert_cmpuint (read.followup_months, ==, 3);
  g_assert_cmpuint (read.reply_days, ==, 21);
  g_assert_cmpuint (read.reminder_days, ==, 5);
  office = fu_store_get_office_name (store);
  g_assert_cmpstr (office, ==, "ROCB A/P, Bangkok");

  /* The unsent follow-up is rescheduled by the new setting. */
  rows = list_followups (store, w, D ("2016-12-01"));
  assert_day (find_row (rows, f)->dates.planned, "2016-11-30");
  g_assert_cmpint (find_row (rows, f)->status, ==, FU_STATUS_TO_SEND);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The workshop's own date wins over the rules. */
  workshop = get_workshop (store, w);
  workshop->planned_override = D ("2017-03-15");
  g_assert_true (fu_store_update_workshop (store, workshop, &error));
  g_assert_no_error (error);
  rows = list_followups (store, w, D ("2016-12-01"));
  assert_day (find_row (rows, f)->dates.planned, "2017-03-15");
  g_assert_cmpint (find_row (rows, f)->status, ==, FU_STATUS_PLANNED);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Sent with the rules' deadline (21 days); a deadline override moves it. */
  g_assert_true (fu_store_mark_sent (store, w, D ("2017-03-15"), NULL, &error));
  rows = list_followups (store, w, D ("2017-03-16"));
  assert_day (find_row (rows, f)->dates.deadline, "2017-04-05");
  g_clear_pointer (&rows, g_ptr_array_unref);
  workshop->deadline_override = D ("2017-04-30");
  g_assert_true (fu_store_update_workshop (store, workshop, &error));
  rows = list_followups (store, w, D ("2017-03-16"));
  assert_day (find_row (rows, f)->dates.deadline, "2017-04-30");
  g_clear_pointer (&rows, g_ptr_array_unref);
  workshop->deadline_override = FU_DAY_NONE;
  g_assert_true (fu_store_update_workshop (store, workshop, &error));
  rows = list_followups (store, w, D ("2017-03-16"));
  assert_day (find_row (rows, f)->dates.deadline, "2017-04-05");
}

/* ---- Follow-ups -------------------------------------------------------------------------- */

typedef struct {
  FuStore *store;
  gint64   workshop;
  gint64   ana, bo, chit;     /* follow-ups: Philippines, China, Myanmar */
} Board;

static void
board_init (Board *board)
{
  gint64 ana, bo, chit;

  board->store = open_memory ();
  board->workshop = add_workshop (board->store, "2016-NII", "2016-07-05", "2016-07-08");
  ana = add_participant (board->store, "Ana Lim", "Philippines", "ana@example.org");
  bo = add_participant (board->store, "Bo Chen", "China", "bo@example.org");
  chit = add_participant (board->store, "Chit Win", "Myanmar", NULL);
  board->chit = attend (board->store, board->workshop, chit);
  board->bo = attend (board->store, board->workshop, bo);
  board->ana = attend (board->store, board->workshop, ana);
}

static void
board_clear (Board *board)
{
  g_clear_object (&board->store);
}

static void
assert_counts (FuStore    *store,
               const char *day,
               guint       planned,
               guint       to_send,
               guint       awaiting,
               guint       reminder_due,
               guint       overdue,
               guint       replied,
               guint       closed)
{
  FuFollowupQuery query = { .as_of = D (day) };
  g_autoptr(GError) error = NULL;
  guint counts[FU_N_STATUSES];

  g_assert_true (fu_store_count_followups (store, &query, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[FU_STATUS_PLANNED], ==, planned);
  g_assert_cmpuint (counts[FU_STATUS_TO_SEND], ==, to_send);
  g_assert_cmpuint (counts[FU_STATUS_AWAITING_REPLY], ==, awaiting);
  g_assert_cmpuint (counts[FU_STATUS_REMINDER_DUE], ==, reminder_due);
  g_assert_cmpuint (counts[FU_STATUS_OVERDUE], ==, overdue);
  g_assert_cmpuint (counts[FU_STATUS_REPLIED], ==, replied);
  g_assert_cmpuint (counts[FU_STATUS_CLOSED], ==, closed);
}

/* One workshop's follow-ups through every status, by the day they are looked at. */
static void
test_followup_statuses (void)
{
  Board b;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuReply) reply = fu_reply_new ();
  g_autofree char *reason = NULL;
  FuFollowupRow *row;
  guint n = 99;

  board_init (&b);

  /* Planned for 2017-01-08, six months after the end. */
  rows = list_followups (b.store, 0, D ("2016-12-01"));
  g_assert_cmpuint (rows->len, ==, 3);
  /* By administration name within the workshop. */
  g_assert_cmpint (((FuFollowupRow *) rows->pdata[0])->followup_id, ==, b.bo);
  g_assert_cmpint (((FuFollowupRow *) rows->pdata[1])->followup_id, ==, b.chit);
  g_assert_cmpint (((FuFollowupRow *) rows->pdata[2])->followup_id, ==, b.ana);
  row = find_row (rows, b.ana);
  g_assert_cmpstr (row->workshop_code, ==, "2016-NII");
  g_assert_cmpstr (row->workshop_title, ==, "Workshop 2016-NII");
  assert_day (row->workshop_start, "2016-07-05");
  assert_day (row->workshop_end, "2016-07-08");
  g_assert_cmpstr (row->participant_name, ==, "Ana Lim");
  g_assert_cmpstr (row->email, ==, "ana@example.org");
  g_assert_cmpstr (row->administration, ==, "Philippines");
  g_assert_cmpint (row->workshop_id, ==, b.workshop);
  g_assert_cmpint (row->administration_id, ==, fu_test_lookup_administration (b.store, "PHL"));
  assert_day (row->dates.planned, "2017-01-08");
  g_assert_cmpint (row->status, ==, FU_STATUS_PLANNED);
  g_clear_pointer (&rows, g_ptr_array_unref);
  assert_counts (b.store, "2016-12-01", 3, 0, 0, 0, 0, 0, 0);
  assert_counts (b.store, "2017-01-08", 0, 3, 0, 0, 0, 0, 0);

  /* Sent on 2017-01-10: deadline 2017-02-09, reminder window from 2017-02-02. */
  g_assert_true (fu_store_mark_sent (b.store, b.workshop, D ("2017-01-10"), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (status_on (b.store, b.ana, "2017-01-09"), ==, FU_STATUS_TO_SEND);
  rows = list_followups (b.store, 0, D ("2017-01-20"));
  row = find_row (rows, b.ana);
  g_assert_cmpint (row->status, ==, FU_STATUS_AWAITING_REPLY);
  assert_day (row->dates.sent, "2017-01-10");
  assert_day (row->dates.deadline, "2017-02-09");
  g_clear_pointer (&rows, g_ptr_array_unref);
  assert_counts (b.store, "2017-02-03", 0, 0, 0, 3, 0, 0, 0);

  /* Sending again changes nothing. */
  g_assert_true (fu_store_mark_sent (b.store, b.workshop, D ("2017-01-12"), &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* A reminder on 2017-02-03 settles the reminder for the days after, not before. */
  g_assert_true (fu_store_mark_reminded (b.store, b.workshop, D ("2017-02-03"), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (fu_store_mark_reminded (b.store, b.workshop, D ("2017-02-03"), &n, &error));
  g_assert_cmpuint (n, ==, 0);
  rows = list_followups (b.store, 0, D ("2017-02-04"));
  row = find_row (rows, b.bo);
  g_assert_cmpint (row->status, ==, FU_STATUS_AWAITING_REPLY);
  g_assert_cmpuint (row->n_reminders, ==, 1);
  assert_day (row->dates.last_reminder, "2017-02-03");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_followups (b.store, 0, D ("2017-02-02"));
  row = find_row (rows, b.bo);
  g_assert_cmpint (row->status, ==, FU_STATUS_REMINDER_DUE);
  g_assert_cmpuint (row->n_reminders, ==, 0);
  g_assert_cmpuint (row->dates.last_reminder, ==, FU_DAY_NONE);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Ana replies on 2017-02-05, Chit's follow-up is closed on 2017-02-06. */
  reply->followup_id = b.ana;
  reply->received_date = D ("2017-02-05");
  g_assert_true (fu_store_save_reply (b.store, reply, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (fu_store_close_followup (b.store, b.chit, D ("2017-02-06"),
                                          "Left the service", &error));
  g_assert_no_error (error);
  reason = query_text (b.store, "SELECT closed_reason FROM followup WHERE "
                                "closed_date = '2017-02-06'");
  g_assert_cmpstr (reason, ==, "Left the service");

  /* On 2017-02-12 Bo is three days overdue. */
  rows = list_followups (b.store, 0, D ("2017-02-12"));
  g_assert_cmpint (find_row (rows, b.ana)->status, ==, FU_STATUS_REPLIED);
  g_assert_cmpint (find_row (rows, b.chit)->status, ==, FU_STATUS_CLOSED);
  row = find_row (rows, b.bo);
  g_assert_cmpint (row->status, ==, FU_STATUS_OVERDUE);
  g_assert_cmpuint (row->days_overdue, ==, 3);
  g_assert_cmpuint (find_row (rows, b.ana)->days_overdue, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  assert_counts (b.store, "2017-02-12", 0, 0, 0, 0, 1, 1, 1);
  /* Looking back, the reply and the closing had not happened yet. */
  assert_counts (b.store, "2017-02-04", 0, 0, 3, 0, 0, 0, 0);
  g_assert_cmpint (status_on (b.store, b.ana, "2017-02-05"), ==, FU_STATUS_REPLIED);

  /* Reminders go only to those still waiting on the day. */
  g_assert_true (fu_store_mark_reminded (b.store, b.workshop, D ("2017-02-12"), &n, &error));
  g_assert_cmpuint (n, ==, 1);
  rows = list_followups (b.store, 0, D ("2017-02-12"));
  g_assert_cmpuint (find_row (rows, b.bo)->n_reminders, ==, 2);
  g_assert_cmpuint (find_row (rows, b.ana)->n_reminders, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Reopening a closed follow-up. */
  g_assert_true (fu_store_close_followup (b.store, b.chit, FU_DAY_NONE, NULL, &error));
  g_assert_cmpint (status_on (b.store, b.chit, "2017-02-12"), ==, FU_STATUS_OVERDUE);
  g_assert_false (fu_store_close_followup (b.store, 9999, D ("2017-02-06"), NULL, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Unknown workshop. */
  g_assert_false (fu_store_mark_sent (b.store, 9999, D ("2017-01-10"), &n, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  board_clear (&b);
}

/* A person marked "do not contact" gets no questionnaire from a workshop they attend later:
 * the follow-up is made closed, on the day they asked, whether the attendance is added to a
 * surveyed workshop or the workshop becomes surveyed afterwards. Others' are open. */
static void
test_followup_no_contact (void)
{
  g_autoptr(FuStore) store = open_memory ();
  g_autoptr(FuWorkshop) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gint64 surveyed, unsurveyed, ana, bo, f_ana, f_bo;
  g_autoptr(FuWorkshop) plain = fu_workshop_new ();

  surveyed = add_workshop (store, "2017-A", "2017-03-06", "2017-03-10");
  plain->code = g_strdup ("2017-B");
  plain->title = g_strdup ("Not surveyed");
  plain->start_date = D ("2017-04-03");
  plain->end_date = D ("2017-04-07");
  plain->surveyed = FALSE;
  unsurveyed = fu_test_add_workshop (store, plain);
  ana = add_participant (store, "Ana Lopez", "Thailand", "ana@example.org");
  bo = add_participant (store, "Bo Chan", "Thailand", "bo@example.org");
  g_assert_true (fu_store_set_no_contact (store, ana, D ("2017-02-01"), "asked", &error));
  g_assert_no_error (error);

  f_ana = attend (store, surveyed, ana);
  f_bo = attend (store, surveyed, bo);
  g_assert_cmpint (f_ana, >, 0);
  g_assert_cmpint (f_bo, >, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM followup WHERE closed_date IS NULL"),
                   ==, 1);
  reason = query_text (store, "SELECT closed_date || ' ' || closed_reason FROM followup "
                              "WHERE closed_date IS NOT NULL");
  g_assert_cmpstr (reason, ==, "2017-02-01 do not contact");
  g_clear_pointer (&reason, g_free);
  g_assert_cmpint (status_on (store, f_bo, "2017-09-11"), ==, FU_STATUS_TO_SEND);

  /* Not surveyed: no follow-up, until it is. */
  g_assert_cmpint (attend (store, unsurveyed, ana), ==, 0);
  g_assert_cmpint (attend (store, unsurveyed, bo), ==, 0);
  later = get_workshop (store, unsurveyed);
  later->surveyed = TRUE;
  g_assert_true (fu_store_update_workshop (store, later, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM followup"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM followup "
                                     "WHERE closed_reason = 'do not contact' "
                                     "AND closed_date = '2017-02-01'"), ==, 2);
}

static void
test_followup_chosen (void)
{
  Board b;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuReply) reply = fu_reply_new ();
  gint64 dee, f_dee;
  gint64 ids[4];

  board_init (&b);
  dee = add_participant (b.store, "Dee Tan", "Singapore", "dee@example.org");
  f_dee = attend (b.store, b.workshop, dee);

  /* Ana replied unasked, Chit's is closed: only Bo and Dee are sent. */
  reply->followup_id = b.ana;
  reply->received_date = D ("2017-01-03");
  g_assert_true (fu_store_save_reply (b.store, reply, FALSE, &error));
  g_assert_true (fu_store_close_followup (b.store, b.chit, D ("2017-01-04"), NULL, &error));
  ids[0] = b.ana;
  ids[1] = b.bo;
  ids[2] = b.chit;
  ids[3] = f_dee;
  g_assert_true (fu_store_mark_followups_sent (b.store, ids, 4, D ("2017-01-10"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (b.store, "SELECT count (*) FROM followup "
                                       "WHERE sent_date = '2017-01-10'"), ==, 2);

  /* Dee sent again later: already sent, kept. */
  g_assert_true (fu_store_mark_followups_sent (b.store, &f_dee, 1, D ("2017-01-20"), &error));
  rows = list_followups (b.store, 0, D ("2017-01-21"));
  assert_day (find_row (rows, f_dee)->dates.sent, "2017-01-10");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Reminders: not to the reply, the closed one, nor before sending. */
  g_assert_true (fu_store_mark_followups_reminded (b.store, ids, 4, D ("2017-02-03"), &error));
  g_assert_no_error (error);
  g_assert_true (fu_store_mark_followups_reminded (b.store, &b.bo, 1, D ("2017-01-05"),
                                                   &error));
  rows = list_followups (b.store, 0, D ("2017-02-04"));
  g_assert_cmpuint (find_row (rows, b.ana)->n_reminders, ==, 0);
  g_assert_cmpuint (find_row (rows, b.bo)->n_reminders, ==, 1);
  g_assert_cmpuint (find_row (rows, b.chit)->n_reminders, ==, 0);
  g_assert_cmpuint (find_row (rows, f_dee)->n_reminders, ==, 1);
  g_assert_cmpint (find_row (rows, f_dee)->status, ==, FU_STATUS_AWAITING_REPLY);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* An unknown id fails the whole call. */
  ids[0] = 9999;
  g_assert_false (fu_store_mark_followups_reminded (b.store, ids, 4, D ("2017-02-05"),
                                                    &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (b.store, "SELECT count (*) FROM reminder "
                                       "WHERE sent_date = '2017-02-05'"), ==, 0);

  board_clear (&b);
}

static void
test_followup_filters (void)
{
  Board b;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuWorkshop) accreditation = NULL;
  FuFollowupQuery query = { .as_of = D ("2017-06-30") };
  gint64 later, acc, eve, f_eve = 0, f_later, attendance = 0;

  board_init (&b);
  later = add_workshop (b.store, "2017-HRM", "2017-04-10", "2017-04-12");
  eve = add_participant (b.store, "Eve Ng", "Philippines", "eve@example.org");
  f_later = attend (b.store, later, eve);

  /* Not surveyed: no follow-up, not listed. */
  acc = add_workshop (b.store, "2016-ACC", "2016-10-01", "2016-10-02");
  accreditation = get_workshop (b.store, acc);
  accreditation->surveyed = FALSE;
  g_assert_true (fu_store_update_workshop (b.store, accreditation, &error));
  g_assert_cmpint (attend (b.store, acc, eve), ==, 0);

  rows = fu_store_list_followups (b.store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  /* Workshops by start date. */
  g_assert_cmpstr (((FuFollowupRow *) rows->pdata[3])->workshop_code, ==, "2017-HRM");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Surveyed after all: its follow-ups appear. */
  accreditation->surveyed = TRUE;
  g_assert_true (fu_store_update_workshop (b.store, accreditation, &error));
  g_assert_true (fu_store_lookup_attendance (b.store, acc, eve, &attendance, &error));
  g_assert_true (fu_store_lookup_followup (b.store, attendance, &f_eve, &error));
  g_assert_cmpint (f_eve, >, 0);
  rows = fu_store_list_followups (b.store, &query, &error);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpint (((FuFollowupRow *) rows->pdata[3])->followup_id, ==, f_eve);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Not surveyed again: kept, but not listed. */
  accreditation->surveyed = FALSE;
  g_assert_true (fu_store_update_workshop (b.store, accreditation, &error));
  g_assert_cmpint (query_int (b.store, "SELECT count (*) FROM followup"), ==, 5);
  rows = fu_store_list_followups (b.store, &query, &error);
  g_assert_cmpuint (rows->len, ==, 4);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* By workshop. */
  query.workshop_id = later;
  rows = fu_store_list_followups (b.store, &query, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((FuFollowupRow *) rows->pdata[0])->followup_id, ==, f_later);
  g_clear_pointer (&rows, g_ptr_array_unref);
  query.workshop_id = 0;

  /* By administration. */
  query.administration_id = fu_test_lookup_administration (b.store, "phl");
  rows = fu_store_list_followups (b.store, &query, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((FuFollowupRow *) rows->pdata[0])->followup_id, ==, b.ana);
  g_assert_cmpint (((FuFollowupRow *) rows->pdata[1])->followup_id, ==, f_later);
  g_clear_pointer (&rows, g_ptr_array_unref);
  query.administration_id = 0;

  /* By workshop start. */
  query.from = D ("2017-01-01");
  rows = fu_store_list_followups (b.store, &query, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  query.from = FU_DAY_NONE;
  query.to = D ("2016-12-31");
  rows = fu_store_list_followups (b.store, &query, &error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);
  query.to = FU_DAY_NONE;

  /* By status: on 2017-06-30 the 2016 ones are to send, the 2017 one planned. */
  query.status_mask = 1u << FU_STATUS_PLANNED;
  rows = fu_store_list_followups (b.store, &query, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((FuFollowupRow *) rows->pdata[0])->followup_id, ==, f_later);
  g_clear_pointer (&rows, g_ptr_array_unref);
  query.status_mask = (1u << FU_STATUS_PLANNED) | (1u << FU_STATUS_TO_SEND);
  rows = fu_store_list_followups (b.store, &query, &error);
  g_assert_cmpuint (rows->len, ==, 4);
  g_clear_pointer (&rows, g_ptr_array_unref);
  query.status_mask = 1u << FU_STATUS_REPLIED;
  rows = fu_store_list_followups (b.store, &query, &error);
  g_assert_cmpuint (rows->len, ==, 0);

  board_clear (&b);
}

/* ---- Replies ----------------------------------------------------------------------------- */

static void
test_reply (void)
{
  Board b;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuReply) reply = fu_reply_new ();
  g_autoptr(FuReply) stored = NULL;
  g_autoptr(FuReply) second = NULL;
  g_autoptr(FuReply) bad = NULL;
  gint64 first_id;

  board_init (&b);

  g_assert_null (fu_store_get_reply (b.store, b.ana, &error));
  g_assert_no_error (error);

  /* A new reply: nothing ticked, counts not given, questions unanswered. */
  g_assert_false (reply->actions[FU_ACTION_SHARED_MATERIALS]);
  g_assert_cmpint (reply->colleagues_shared, ==, -1);
  g_assert_cmpint (reply->direct_effects, ==, FU_ANSWER_UNANSWERED);

  reply->followup_id = b.ana;
  reply->received_date = D ("2017-02-05");
  reply->actions[FU_ACTION_SHARED_MATERIALS] = TRUE;
  reply->actions[FU_ACTION_INHOUSE_WORKSHOP] = TRUE;
  reply->colleagues_shared = 12;
  reply->lessons_use = g_strdup ("In our risk profiles");
  reply->direct_effects = FU_ANSWER_YES;
  reply->direct_effects_text = g_strdup ("Two seizures");
  reply->contributed = FU_ANSWER_NO;
  g_assert_true (fu_store_save_reply (b.store, reply, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reply->id, >, 0);
  first_id = reply->id;

  stored = fu_store_get_reply (b.store, b.ana, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->id, ==, first_id);
  g_assert_cmpint (stored->followup_id, ==, b.ana);
  assert_day (stored->received_date, "2017-02-05");
  g_assert_null (stored->answered_by);
  g_assert_true (stored->actions[FU_ACTION_SHARED_MATERIALS]);
  g_assert_false (stored->actions[FU_ACTION_SUBMITTED_REPORT]);
  g_assert_true (stored->actions[FU_ACTION_INHOUSE_WORKSHOP]);
  g_assert_cmpint (stored->colleagues_shared, ==, 12);
  g_assert_cmpint (stored->colleagues_learned, ==, -1);
  g_assert_cmpstr (stored->lessons_use, ==, "In our risk profiles");
  g_assert_cmpint (stored->direct_effects, ==, FU_ANSWER_YES);
  g_assert_cmpstr (stored->direct_effects_text, ==, "Two seizures");
  g_assert_cmpint (stored->contributed, ==, FU_ANSWER_NO);
  g_assert_cmpint (stored->project_initiated, ==, FU_ANSWER_UNANSWERED);
  /* "Not given" and "unanswered" are NULL in the database, not -1. */
  g_assert_cmpint (query_int (b.store, "SELECT count (*) FROM reply WHERE "
                                       "colleagues_learned IS NULL AND "
                                       "project_initiated IS NULL"), ==, 1);

  /* A second reply is refused unless replacing. */
  second = fu_reply_copy (reply);
  second->id = 0;
  second->received_date = D ("2017-02-20");
  second->answered_by = g_strdup ("Her supervisor");
  second->colleagues_shared = -1;
  second->contributed = FU_ANSWER_YES;
  g_assert_false (fu_store_save_reply (b.store, second, FALSE, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Ana Lim"));
  g_assert_nonnull (strstr (error->message, "2017-02-05"));
  g_clear_error (&error);

  g_assert_true (fu_store_save_reply (b.store, second, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (second->id, ==, first_id);
  g_clear_pointer (&stored, fu_reply_free);
  stored = fu_store_get_reply (b.store, b.ana, &error);
  g_assert_cmpint (stored->id, ==, first_id);
  assert_day (stored->received_date, "2017-02-20");
  g_assert_cmpstr (stored->answered_by, ==, "Her supervisor");
  g_assert_cmpint (stored->colleagues_shared, ==, -1);
  g_assert_cmpint (stored->contributed, ==, FU_ANSWER_YES);
  g_assert_cmpint (query_int (b.store, "SELECT count (*) FROM reply"), ==, 1);

  /* Values the questionnaire cannot give. */
  bad = fu_reply_new ();
  bad->followup_id = b.bo;
  g_assert_false (fu_store_save_reply (b.store, bad, FALSE, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad->received_date = D ("2017-02-05");
  bad->colleagues_learned = -2;
  g_assert_false (fu_store_save_reply (b.store, bad, FALSE, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad->colleagues_learned = 3;
  bad->project_initiated = 2;
  g_assert_false (fu_store_save_reply (b.store, bad, FALSE, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad->project_initiated = FU_ANSWER_NO;
  bad->followup_id = 9999;
  g_assert_false (fu_store_save_reply (b.store, bad, FALSE, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (b.store, "SELECT count (*) FROM reply"), ==, 1);

  /* Deleting. */
  g_assert_true (fu_store_delete_reply (b.store, b.ana, &error));
  g_assert_no_error (error);
  g_assert_null (fu_store_get_reply (b.store, b.ana, &error));
  g_assert_false (fu_store_delete_reply (b.store, b.ana, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  board_clear (&b);
}

static void
save_simple_reply (FuStore    *store,
                   gint64      followup_id,
                   const char *received)
{
  g_autoptr(FuReply) reply = fu_reply_new ();
  g_autoptr(GError) error = NULL;

  reply->followup_id = followup_id;
  reply->received_date = D (received);
  reply->actions[FU_ACTION_OTHER] = TRUE;
  reply->other_action_text = g_strdup ("=A1+1");
  g_assert_true (fu_store_save_reply (store, reply, FALSE, &error));
  g_assert_no_error (error);
}

static void
test_reply_list (void)
{
  Board b;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 earlier, acc, eve, f_early, f_acc;
  FuReplyRow *row;

  board_init (&b);
  earlier = add_workshop (b.store, "2015-RM", "2015-11-02", "2015-11-04");
  acc = add_workshop (b.store, "2016-ACC", "2016-08-01", "2016-08-02");
  eve = add_participant (b.store, "Eve Ng", "Philippines", "eve@example.org");
  f_early = attend (b.store, earlier, eve);
  f_acc = attend (b.store, acc, eve);

  save_simple_reply (b.store, b.ana, "2017-02-01");
  save_simple_reply (b.store, b.bo, "2017-02-02");
  save_simple_reply (b.store, f_early, "2016-06-01");
  save_simple_reply (b.store, f_acc, "2017-03-01");

  /* Not surveyed any more: its reply is no longer listed. */
  {
    g_autoptr(FuWorkshop) workshop = get_workshop (b.store, acc);

    workshop->surveyed = FALSE;
    g_assert_true (fu_store_update_workshop (b.store, workshop, &error));
  }

  rows = fu_store_list_replies (b.store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = rows->pdata[0];
  g_assert_cmpstr (row->workshop_code, ==, "2015-RM");
  g_assert_cmpstr (row->participant_name, ==, "Eve Ng");
  g_assert_cmpstr (row->email, ==, "eve@example.org");
  g_assert_cmpstr (row->administration, ==, "Philippines");
  assert_day (row->reply.received_date, "2016-06-01");
  g_assert_true (row->reply.actions[FU_ACTION_OTHER]);
  g_assert_cmpstr (row->reply.other_action_text, ==, "=A1+1");
  /* Then 2016-NII by administration: China before the Philippines. */
  row = rows->pdata[1];
  g_assert_cmpstr (row->participant_name, ==, "Bo Chen");
  g_assert_cmpstr (row->administration, ==, "China");
  row = rows->pdata[2];
  g_assert_cmpstr (row->participant_name, ==, "Ana Lim");
  g_assert_cmpint (row->reply.followup_id, ==, b.ana);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = fu_store_list_replies (b.store, D ("2016-07-01"), D ("2017-06-30"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = fu_store_list_replies (b.store, FU_DAY_NONE, D ("2016-06-30"), &error);
  g_assert_cmpuint (rows->len, ==, 1);

  board_clear (&b);
}

/* ---- Lookups ----------------------------------------------------------------------------- */

static void
test_lookups (void)
{
  g_autoptr(FuStore) store = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FuParticipant) participant = NULL;
  gint64 hkc = fu_test_lookup_administration (store, "Hong Kong China");
  gint64 phl = fu_test_lookup_administration (store, "PHL");
  gint64 w = add_workshop (store, "2016-NII", "2016-07-05", "2016-07-08");
  gint64 ana = add_participant (store, "Ana Lim", "Philippines", "Ana.Lim@Example.org");
  gint64 bo = add_participant (store, "Bo Chen", "Hong Kong China", NULL);
  gint64 id = -1;
  gint64 attendance;

  /* Administrations by name or short name, any case. */
  g_assert_cmpint (fu_test_lookup_administration (store, "hong kong china"), ==, hkc);
  g_assert_cmpint (fu_test_lookup_administration (store, "HKC"), ==, hkc);
  g_assert_cmpint (fu_test_lookup_administration (store, "hkc"), ==, hkc);
  g_assert_cmpint (fu_test_lookup_administration (store, "philippines"), ==, phl);
  g_assert_true (fu_store_lookup_administration (store, "Atlantis", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 0);

  /* Participants by e-mail, any case; else by name and administration. */
  g_assert_true (fu_store_lookup_participant (store, "ana.lim@EXAMPLE.ORG", NULL, 0, &id,
                                              &error));
  g_assert_cmpint (id, ==, ana);
  g_assert_true (fu_store_lookup_participant (store, "nobody@example.org", "Ana Lim", phl, &id,
                                              &error));
  g_assert_cmpint (id, ==, 0);
  g_assert_true (fu_store_lookup_participant (store, NULL, "BO CHEN", hkc, &id, &error));
  g_assert_cmpint (id, ==, bo);
  g_assert_true (fu_store_lookup_participant (store, "", "bo chen", hkc, &id, &error));
  g_assert_cmpint (id, ==, bo);
  g_assert_true (fu_store_lookup_participant (store, NULL, "Bo Chen", phl, &id, &error));
  g_assert_cmpint (id, ==, 0);
  g_assert_no_error (error);

  /* Workshops by code. */
  g_assert_true (fu_store_lookup_workshop (store, "2016-NII", &id, &error));
  g_assert_cmpint (id, ==, w);
  g_assert_true (fu_store_lookup_workshop (store, "2016-XXX", &id, &error));
  g_assert_cmpint (id, ==, 0);

  /* Attendances and follow-ups. */
  attendance = fu_store_add_attendance (store, w, ana, &error);
  g_assert_true (fu_store_lookup_attendance (store, w, ana, &id, &error));
  g_assert_cmpint (id, ==, attendance);
  g_assert_true (fu_store_lookup_attendance (store, w, bo, &id, &error));
  g_assert_cmpint (id, ==, 0);
  g_assert_true (fu_store_lookup_followup (store, attendance, &id, &error));
  g_assert_cmpint (id, >, 0);
  g_assert_no_error (error);

  /* Updating a participant. */
  participant = fu_store_get_participant (store, bo, &error);
  g_assert_no_error (error);
  g_assert_null (participant->email);
  participant->email = g_strdup ("bo@example.org");
  participant->position = g_strdup ("Inspector");
  g_assert_true (fu_store_update_participant (store, participant, &error));
  g_assert_no_error (error);
  g_assert_true (fu_store_lookup_participant (store, "BO@example.org", NULL, 0, &id, &error));
  g_assert_cmpint (id, ==, bo);
  g_clear_pointer (&participant, fu_participant_free);
  participant = fu_store_get_participant (store, bo, &error);
  g_assert_cmpstr (participant->position, ==, "Inspector");
  g_free (participant->email);
  participant->email = g_strdup ("ANA.LIM@example.org");
  g_assert_false (fu_store_update_participant (store, participant, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_clear_error (&error);
}

/* ---- Scale ------------------------------------------------------------------------------- */

#define SCALE_WORKSHOPS 6000
#define SCALE_PER_WORKSHOP 25
#define SCALE_PEOPLE 6000

static void
test_scale (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "followup.db", NULL);
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GTimer) timer = g_timer_new ();
  FuFollowupQuery query = { .as_of = D ("2030-01-01") };
  guint counts[FU_N_STATUSES];
  guint total = 0;
  FuDay first = D ("2010-01-01");
  double seconds;

  if (!fu_test_slow_enabled ())
    {
      fu_test_skip_slow ();
      return;
    }

  store = fu_store_open (path, &error);
  g_assert_no_error (error);
  admins = fu_store_list_administrations (store, &error);

  g_assert_true (fu_store_begin (store, &error));
  for (guint i = 0; i < SCALE_PEOPLE; i++)
    {
      g_autoptr(FuParticipant) participant = fu_participant_new ();
      gint64 id;

      participant->name = g_strdup_printf ("Person %u", i);
      participant->email = g_strdup_printf ("person%u@example.org", i);
      participant->administration_id =
        ((FuAdministration *) admins->pdata[i % admins->len])->id;
      id = fu_store_add_participant (store, participant, &error);
      g_assert_no_error (error);
      g_array_append_val (people, id);
    }
  for (guint w = 0; w < SCALE_WORKSHOPS; w++)
    {
      g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
      gint64 id;

      workshop->code = g_strdup_printf ("W%05u", w);
      workshop->title = g_strdup ("Scale");
      workshop->start_date = first + w % 3000;
      workshop->end_date = workshop->start_date + 2;
      id = fu_store_add_workshop (store, workshop, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < SCALE_PER_WORKSHOP; j++)
        {
          guint who = (w + j * (SCALE_PEOPLE / SCALE_PER_WORKSHOP)) % SCALE_PEOPLE;

          fu_store_add_attendance (store, id, g_array_index (people, gint64, who), &error);
          g_assert_no_error (error);
        }
    }
  g_assert_true (fu_store_commit (store, &error));
  g_test_message ("filling: %.2f s", g_timer_elapsed (timer, NULL));

  g_timer_start (timer);
  rows = fu_store_list_followups (store, &query, &error);
  seconds = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, SCALE_WORKSHOPS * SCALE_PER_WORKSHOP);
  g_test_message ("listing %u follow-ups: %.3f s", rows->len, seconds);
  /* Sorted by workshop start then code. */
  g_assert_cmpstr (((FuFollowupRow *) rows->pdata[0])->workshop_code, ==, "W00000");
  g_assert_cmpstr (((FuFollowupRow *) rows->pdata[SCALE_PER_WORKSHOP])->workshop_code, ==,
                   "W03000");

  g_timer_start (timer);
  g_assert_true (fu_store_count_followups (store, &query, counts, &error));
  seconds = g_timer_elapsed (timer, NULL);
  g_test_message ("counting: %.3f s", seconds);
  for (guint i = 0; i < FU_N_STATUSES; i++)
    total += counts[i];
  g_assert_cmpuint (total, ==, SCALE_WORKSHOPS * SCALE_PER_WORKSHOP);
  g_assert_cmpuint (counts[FU_STATUS_TO_SEND], ==, total);

  /* One workshop's list is quick too: the filter is in the SQL. */
  query.workshop_id = 1;
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = fu_store_list_followups (store, &query, &error);
  g_assert_cmpuint (rows->len, ==, SCALE_PER_WORKSHOP);
}

static void
count_signal_cb (FuStore *store,
                 guint   *count)
{
  (*count)++;
}

/* A file of 300 workshops: enough pages that damage in its middle is in one of them. */
static void
write_300_workshops (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuStore) store = fu_store_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(FuWorkshop) w = fu_workshop_new ();

      w->code = g_strdup_printf ("W%03u", i);
      w->title = g_strdup_printf ("Workshop number %u, with a long enough title", i);
      w->start_date = w->end_date = D ("2017-05-02");
      g_assert_cmpint (fu_store_add_workshop (store, w, &error), >, 0);
      g_assert_no_error (error);
    }
}

/* FU_STORE_OPEN_CHECK_LATER: a sound file opens and takes writes; a damaged one opens at
 * once, then turns damaged (announced), and a write made before the verdict waits for it
 * and is refused, the file unchanged. A file that needs a migration is checked at once. */
static void
test_check_later (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "f.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  FuStore *store;
  guint changed = 0;

  write_300_workshops (path);

  /* Sound: writes go on. */
  store = fu_store_open_full (path, FU_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "access-changed", G_CALLBACK (count_signal_cb), &changed);
  workshop->code = g_strdup ("NEW");
  workshop->title = g_strdup ("New");
  workshop->start_date = workshop->end_date = D ("2018-01-02");
  g_assert_cmpint (fu_store_add_workshop (store, workshop, &error), >, 0);
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (fu_store_get_access (store), ==, FU_STORE_ACCESS_READ_WRITE);
  g_assert_cmpuint (changed, ==, 0);
  g_object_unref (store);

  /* Damaged: open at once, the write refused, the file as it was. */
  fu_test_damage_file (path);
  before = read_bytes (path);
  store = fu_store_open_full (path, FU_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "access-changed", G_CALLBACK (count_signal_cb), &changed);
  g_clear_pointer (&workshop->code, g_free);
  workshop->code = g_strdup ("NEWER");
  g_assert_cmpint (fu_store_add_workshop (store, workshop, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_cmpint (fu_store_get_access (store), ==, FU_STORE_ACCESS_DAMAGED);
  g_assert_cmpuint (changed, ==, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changed, ==, 1);
  g_object_unref (store);
  assert_same_bytes (before, path);

  /* Damaged, nothing written: the verdict comes through the main loop. */
  changed = 0;
  store = fu_store_open_full (path, FU_STORE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "access-changed", G_CALLBACK (count_signal_cb), &changed);
  while (changed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (fu_store_get_access (store), ==, FU_STORE_ACCESS_DAMAGED);
  g_object_unref (store);
  assert_same_bytes (before, path);
}

/* Whether a library whose file name holds @name is mapped into this program. */
static gboolean
library_loaded (const char *name)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, name) != NULL;
}

/* A database file's user never loads PostgreSQL's client library (and what it brings): it is
 * loaded when a team database is first used. */
static void
test_no_libpq_for_a_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "file.db", NULL);
  g_autoptr(FuStore) store = fu_test_open_store (path);

  add_workshop (store, "W1", "2017-05-02", "2017-05-04");
  g_assert_true (fu_test_lookup_workshop (store, "W1") > 0);
  g_assert_false (library_loaded ("libpq.so"));
}

/* FU_STORE_OPEN_READING (the command line's exports and reports): the file is not checked as
 * a whole at the open, so a damaged one opens as if sound; a write runs the check first and is
 * refused, the file unchanged, and a sound file takes the write. */
static void
test_open_reading (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "f.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(GPtrArray) workshops = NULL;
  FuStore *store;

  write_300_workshops (path);

  /* Sound: it reads, and a write after all goes through. */
  store = fu_store_open_full (path, FU_STORE_OPEN_READING, &error);
  g_assert_no_error (error);
  workshops = fu_store_list_workshops (store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workshops->len, ==, 300);
  workshop->code = g_strdup ("NEW");
  workshop->title = g_strdup ("New");
  workshop->start_date = workshop->end_date = D ("2018-01-02");
  g_assert_cmpint (fu_store_add_workshop (store, workshop, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (fu_store_get_access (store), ==, FU_STORE_ACCESS_READ_WRITE);
  g_object_unref (store);

  /* Damaged: not checked at the open, so it opens as sound and closes unchanged. */
  fu_test_damage_file (path);
  before = read_bytes (path);
  store = fu_store_open_full (path, FU_STORE_OPEN_READING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fu_store_get_access (store), ==, FU_STORE_ACCESS_READ_WRITE);
  g_object_unref (store);
  assert_same_bytes (before, path);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* A write checks it first, and is refused. */
  store = fu_store_open_full (path, FU_STORE_OPEN_READING, &error);
  g_assert_no_error (error);
  g_clear_pointer (&workshop->code, g_free);
  workshop->code = g_strdup ("NEWER");
  g_assert_cmpint (fu_store_add_workshop (store, workshop, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_cmpint (fu_store_get_access (store), ==, FU_STORE_ACCESS_DAMAGED);
  g_object_unref (store);
  assert_same_bytes (before, path);
}

/* fu_store_set_bulk(): a file nothing else has open is written in place with a rollback
 * journal, synced in full, and has its log back after; one that another connection has open
 * keeps its log; inside a transaction nothing changes. */
static void
test_bulk_journal (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "b.db", NULL);
  g_autofree char *journal_path = g_strconcat (path, "-journal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FuStore) store = fu_store_open (path, &error);
  g_autoptr(FuStore) reader = NULL;
  char *mode;

  g_assert_no_error (error);
  fu_store_set_bulk (store, TRUE);
  mode = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_free (mode);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_true (fu_store_begin (store, &error));
  add_workshop (store, "BULK", "2017-05-02", "2017-05-04");
  g_assert_true (fu_store_commit (store, &error));
  g_assert_no_error (error);
  fu_store_set_bulk (store, FALSE);
  mode = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_free (mode);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 1);
  g_assert_false (g_file_test (journal_path, G_FILE_TEST_EXISTS));
  g_assert_true (has_workshop (store, "BULK"));

  /* Inside a transaction: as it was. */
  g_assert_true (fu_store_begin (store, &error));
  fu_store_set_bulk (store, TRUE);
  mode = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_free (mode);
  fu_store_rollback (store);
  fu_store_set_bulk (store, FALSE);

  /* Another connection open (the window's reader): the log stays. */
  reader = fu_store_open_reader (store, &error);
  g_assert_no_error (error);
  g_assert_true (has_workshop (reader, "BULK"));
  fu_store_set_bulk (store, TRUE);
  mode = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_free (mode);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 1);
  add_workshop (store, "LOGGED", "2017-06-02", "2017-06-04");
  g_assert_true (has_workshop (reader, "LOGGED"));
  fu_store_set_bulk (store, FALSE);
}

typedef struct {
  const char *path;
  FuStore    *store;
  GError     *error;
} LateOpen;

static gpointer
late_open_thread (gpointer data)
{
  LateOpen *late = data;

  late->store = fu_store_open_full (late->path, FU_STORE_OPEN_CHECK_LATER, &late->error);
  return NULL;
}

/* A program that opens the file while a bulk write holds it (the window started during a
 * command line's import) waits for the write to end, then opens with the log. */
static void
test_bulk_late_open (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "late.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FuStore) store = fu_store_open (path, &error);
  g_autoptr(FuStore) later = NULL;
  LateOpen late = { path, NULL, NULL };
  GThread *thread;
  char *mode;

  g_assert_no_error (error);
  fu_store_set_bulk (store, TRUE);
  g_assert_true (fu_store_begin (store, &error));
  add_workshop (store, "BULK", "2017-05-02", "2017-05-04");
  thread = g_thread_new ("late-open", late_open_thread, &late);
  g_usleep (300 * 1000);
  g_assert_true (fu_store_commit (store, &error));
  g_assert_no_error (error);
  fu_store_set_bulk (store, FALSE);
  g_thread_join (thread);
  g_assert_no_error (late.error);
  later = late.store;
  g_assert_nonnull (later);
  g_assert_cmpint (fu_store_get_access (later), ==, FU_STORE_ACCESS_READ_WRITE);
  g_assert_true (has_workshop (later, "BULK"));
  mode = query_text (later, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_free (mode);
  add_workshop (later, "AFTER", "2017-06-02", "2017-06-04");
  g_assert_true (has_workshop (store, "AFTER"));
}

/* fu_store_match_people() on a large list reads the people once and matches in memory: the
 * same answers as its two statements a row (fu-test-util.h). */
static void
test_match_in_memory (void)
{
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");

  fu_test_check_match_in_memory (store, fu_sqlite_set_match_in_memory_from);
  fu_sqlite_set_match_in_memory_from (256);
}

/* A second connection reads what the first committed, and writes nothing. */
static void
test_reader (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "r.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FuStore) store = fu_store_open (path, &error);
  g_autoptr(FuStore) reader = NULL;
  g_autoptr(FuStore) memory = fu_store_open (":memory:", &error);
  g_autoptr(FuStore) none = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(GPtrArray) seen = NULL;

  g_assert_no_error (error);
  reader = fu_store_open_reader (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fu_store_get_path (reader), ==, path);
  workshop->code = g_strdup ("R1");
  workshop->title = g_strdup ("Read elsewhere");
  workshop->start_date = workshop->end_date = D ("2018-01-02");
  g_assert_cmpint (fu_store_add_workshop (store, workshop, &error), >, 0);
  seen = fu_store_list_workshops (reader, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (((FuWorkshop *) g_ptr_array_index (seen, 0))->code, ==, "R1");
  g_clear_pointer (&workshop->code, g_free);
  workshop->code = g_strdup ("R2");
  g_assert_cmpint (fu_store_add_workshop (reader, workshop, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* An in-memory database has no second connection. */
  none = fu_store_open_reader (memory, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
}

typedef struct {
  GPtrArray *all;     /* the rows of every page, in order */
  GArray    *sizes;   /* each page's size */
  guint      stop_after;
} Pages;

static gboolean
collect_page_cb (GPtrArray *page,
                 gpointer   user_data)
{
  Pages *pages = user_data;
  guint size = page->len;

  g_array_append_val (pages->sizes, size);
  g_ptr_array_extend_and_steal (pages->all, page);
  return pages->stop_after == 0 || pages->sizes->len < pages->stop_after;
}

/* In pages, the same rows in the same order as in one list: a short first page, then full
 * ones, the last shorter; a page function that says stop ends the listing. */
static void
test_followups_paged (void)
{
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  FuFollowupQuery query = { .as_of = D ("2018-01-15") };
  Pages pages = { 0, };

  fu_test_load_sample (store);
  rows = fu_store_list_followups (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 30);

  pages.all = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_followup_row_free);
  pages.sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_assert_true (fu_store_list_followups_paged (store, &query, 5, 12, collect_page_cb, &pages,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages.all->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (fu_followup_row_equal (g_ptr_array_index (rows, i),
                                          g_ptr_array_index (pages.all, i)));
  g_assert_cmpuint (g_array_index (pages.sizes, guint, 0), ==, 5);
  for (guint i = 1; i + 1 < pages.sizes->len; i++)
    g_assert_cmpuint (g_array_index (pages.sizes, guint, i), ==, 12);
  g_assert_cmpuint (g_array_index (pages.sizes, guint, pages.sizes->len - 1), <, 12);
  g_assert_cmpuint (pages.sizes->len, ==, 1 + (rows->len - 5) / 12 + 1);

  /* Stopped after the second page: nothing more comes, and it is no error. */
  g_ptr_array_set_size (pages.all, 0);
  g_array_set_size (pages.sizes, 0);
  pages.stop_after = 2;
  g_assert_true (fu_store_list_followups_paged (store, &query, 5, 12, collect_page_cb, &pages,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages.sizes->len, ==, 2);
  g_assert_cmpuint (pages.all->len, ==, 17);

  g_ptr_array_unref (pages.all);
  g_array_unref (pages.sizes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/store/open/new", test_open_new);
  g_test_add_func ("/core/store/flat", test_flat);
  g_test_add_func ("/core/store/open/reopen", test_open_reopen);
  g_test_add_func ("/core/store/open/default-path", test_open_default_path);
  g_test_add_func ("/core/store/open/migrate", test_open_migrate);
  g_test_add_func ("/core/store/open/not-database", test_open_not_database);
  g_test_add_func ("/core/store/open/too-new", test_open_too_new);
  g_test_add_func ("/core/store/foreign-keys", test_foreign_keys);
  g_test_add_func ("/core/store/unique", test_unique);
  g_test_add_func ("/core/store/workshop/dates", test_workshop_dates);
  g_test_add_func ("/core/store/workshop/round-trip", test_workshop_round_trip);
  g_test_add_func ("/core/store/workshop/delete-cascade", test_delete_cascade);
  g_test_add_func ("/core/store/transactions", test_transactions);
  g_test_add_func ("/core/store/busy", test_busy);
  g_test_add_func ("/core/store/settings", test_settings);
  g_test_add_func ("/core/store/followup/statuses", test_followup_statuses);
  g_test_add_func ("/core/store/followup/chosen", test_followup_chosen);
  g_test_add_func ("/core/store/followup/no-contact", test_followup_no_contact);
  g_test_add_func ("/core/store/followup/filters", test_followup_filters);
  g_test_add_func ("/core/store/followup/paged", test_followups_paged);
  g_test_add_func ("/core/store/reply/save", test_reply);
  g_test_add_func ("/core/store/reply/list", test_reply_list);
  g_test_add_func ("/core/store/lookups", test_lookups);
  g_test_add_func ("/core/store/scale", test_scale);
  g_test_add_func ("/core/store/check-later", test_check_later);
  g_test_add_func ("/core/store/open-reading", test_open_reading);
  g_test_add_func ("/core/store/no-libpq", test_no_libpq_for_a_file);
  g_test_add_func ("/core/store/bulk-journal", test_bulk_journal);
  g_test_add_func ("/core/store/bulk-late-open", test_bulk_late_open);
  g_test_add_func ("/core/store/match-in-memory", test_match_in_memory);
  g_test_add_func ("/core/store/reader", test_reader);

  return g_test_run ();
}
