/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-snapshot"

#include "config.h"

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-store-snapshot.h"
#include "fu-test-util.h"

/* The sample in a temporary file, read back with SQLite itself to compare whole tables. */
typedef FuTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fu_test_fixture_open (fixture, "test-snapshot-XXXXXX", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  fu_test_fixture_close (fixture);
}

/* Every row of the tables a workshop's deletion touches, as text, in id order. */
static char *
dump (Fixture *fixture)
{
  static const char * const tables[] = {
    "workshop", "participant", "attendance", "followup", "reminder", "reply", NULL,
  };

  return fu_test_dump_tables (fixture->path, tables);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gint64
workshop_id (Fixture    *fixture,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  fu_store_lookup_workshop (fixture->store, code, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Deleting 2016-NII takes its attendances, their follow-ups, reminders and replies;
 * restoring brings back exactly the rows there were, with their ids. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshopSnapshot) snapshot = NULL;
  g_autofree char *before = dump (fixture);
  g_autofree char *after = NULL;
  gint64 id = workshop_id (fixture, "2016-NII");
  gint64 attendances = count (fixture, "SELECT count (*) FROM attendance");
  gint64 replies = count (fixture, "SELECT count (*) FROM reply");
  gint64 reminders = count (fixture, "SELECT count (*) FROM reminder");
  gint64 nii_attendances = count (fixture,
                                  "SELECT count (*) FROM attendance a JOIN workshop w"
                                  " ON w.id = a.workshop_id WHERE w.code = '2016-NII'");
  gint64 nii_replies = count (fixture,
                              "SELECT count (*) FROM reply r"
                              " JOIN followup f ON f.id = r.followup_id"
                              " JOIN attendance a ON a.id = f.attendance_id"
                              " JOIN workshop w ON w.id = a.workshop_id"
                              " WHERE w.code = '2016-NII'");

  g_assert_cmpint (nii_attendances, >, 0);
  g_assert_cmpint (nii_replies, >, 0);

  snapshot = fu_store_snapshot_workshop (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_cmpint (fu_workshop_snapshot_get_id (snapshot), ==, id);
  g_assert_cmpstr (fu_workshop_snapshot_get_code (snapshot), ==, "2016-NII");
  g_assert_cmpuint (fu_workshop_snapshot_get_n_attendances (snapshot), ==, nii_attendances);
  g_assert_cmpuint (fu_workshop_snapshot_get_n_replies (snapshot), ==, nii_replies);

  /* Taking a snapshot writes nothing. */
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  fu_store_delete_workshop (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM attendance"), ==,
                   attendances - nii_attendances);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM reply"), ==, replies - nii_replies);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM reminder"), <, reminders);

  fu_store_restore_workshop (fixture->store, snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fu_workshop_snapshot_get_id (snapshot), ==, id);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* Restoring a workshop that is still there, or whose code another workshop took, is
 * refused and writes nothing. */
static void
test_code_taken (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshopSnapshot) snapshot = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = workshop_id (fixture, "2016-LAB");

  snapshot = fu_store_snapshot_workshop (fixture->store, id, &error);
  g_assert_no_error (error);

  /* Not deleted at all. */
  before = dump (fixture);
  g_assert_false (fu_store_restore_workshop (fixture->store, snapshot, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&before, g_free);

  /* Deleted, and another workshop took the code since. */
  fu_store_delete_workshop (fixture->store, id, &error);
  g_assert_no_error (error);
  workshop = fu_workshop_new ();
  workshop->code = g_strdup ("2016-LAB");
  workshop->title = g_strdup ("Another workshop");
  workshop->start_date = fu_day_new (2018, 3, 1);
  fu_store_add_workshop (fixture->store, workshop, &error);
  g_assert_no_error (error);

  before = dump (fixture);
  g_assert_false (fu_store_restore_workshop (fixture->store, snapshot, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "2016-LAB"));
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* The newest workshop is deleted and a new one with attendances takes its ids: restoring
 * gives the old workshop new ids and leaves the new one alone. */
static void
test_ids_taken (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshopSnapshot) snapshot = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  g_autoptr(FuWorkshop) restored = NULL;
  gint64 id = workshop_id (fixture, "2017-CV");
  gint64 attendances = count (fixture, "SELECT count (*) FROM attendance");
  gint64 replies = count (fixture, "SELECT count (*) FROM reply");
  gint64 cv_attendances;
  gint64 new_id;
  gint64 participant;

  g_assert_cmpint (id, ==, count (fixture, "SELECT max (id) FROM workshop"));
  cv_attendances = count (fixture,
                          "SELECT count (*) FROM attendance a JOIN workshop w"
                          " ON w.id = a.workshop_id WHERE w.code = '2017-CV'");

  snapshot = fu_store_snapshot_workshop (fixture->store, id, &error);
  g_assert_no_error (error);
  fu_store_delete_workshop (fixture->store, id, &error);
  g_assert_no_error (error);

  workshop = fu_workshop_new ();
  workshop->code = g_strdup ("2018-NEW");
  workshop->title = g_strdup ("A workshop added after the deletion");
  workshop->start_date = fu_day_new (2018, 3, 1);
  new_id = fu_store_add_workshop (fixture->store, workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, ==, id);
  participant = count (fixture, "SELECT min (id) FROM participant");
  fu_store_add_attendance (fixture->store, new_id, participant, &error);
  g_assert_no_error (error);

  fu_store_restore_workshop (fixture->store, snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fu_workshop_snapshot_get_id (snapshot), !=, id);

  restored = fu_store_get_workshop (fixture->store, fu_workshop_snapshot_get_id (snapshot),
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpstr (restored->code, ==, "2017-CV");
  g_assert_cmpint (count (fixture,
                          "SELECT count (*) FROM attendance a JOIN workshop w"
                          " ON w.id = a.workshop_id WHERE w.code = '2017-CV'"),
                   ==, cv_attendances);
  g_assert_cmpint (count (fixture,
                          "SELECT count (*) FROM attendance a JOIN workshop w"
                          " ON w.id = a.workshop_id WHERE w.code = '2018-NEW'"),
                   ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM attendance"), ==, attendances + 1);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM reply"), ==, replies);
  /* Every follow-up of the restored workshop points at one of its attendances. */
  g_assert_cmpint (count (fixture,
                          "SELECT count (*) FROM followup f JOIN attendance a"
                          " ON a.id = f.attendance_id JOIN workshop w ON w.id = a.workshop_id"
                          " WHERE w.code = '2017-CV'"),
                   ==, cv_attendances);
}

/* A participant of the deleted workshop merged away since: the restore is refused. */
static void
test_participant_gone (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshopSnapshot) snapshot = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = workshop_id (fixture, "2016-PCA");
  gint64 gone = count (fixture,
                       "SELECT min (a.participant_id) FROM attendance a JOIN workshop w"
                       " ON w.id = a.workshop_id WHERE w.code = '2016-PCA'");
  gint64 keep = count (fixture,
                       "SELECT min (a.participant_id) FROM attendance a JOIN workshop w"
                       " ON w.id = a.workshop_id WHERE w.code = '2016-NII'");

  snapshot = fu_store_snapshot_workshop (fixture->store, id, &error);
  g_assert_no_error (error);
  fu_store_delete_workshop (fixture->store, id, &error);
  g_assert_no_error (error);
  fu_store_merge_participants (fixture->store, keep, gone, &error);
  g_assert_no_error (error);

  before = dump (fixture);
  g_assert_false (fu_store_restore_workshop (fixture->store, snapshot, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshopSnapshot) snapshot = NULL;

  snapshot = fu_store_snapshot_workshop (fixture->store, 99999, &error);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_assert_null (snapshot);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/snapshot/restore", Fixture, NULL,
              fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/core/snapshot/code-taken", Fixture, NULL,
              fixture_set_up, test_code_taken, fixture_tear_down);
  g_test_add ("/core/snapshot/ids-taken", Fixture, NULL,
              fixture_set_up, test_ids_taken, fixture_tear_down);
  g_test_add ("/core/snapshot/participant-gone", Fixture, NULL,
              fixture_set_up, test_participant_gone, fixture_tear_down);
  g_test_add ("/core/snapshot/not-found", Fixture, NULL,
              fixture_set_up, test_not_found, fixture_tear_down);

  return g_test_run ();
}
