/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-postgres: the team database on a real PostgreSQL server. build-aux/dev test starts one
 * and sets FOLLOWUP_TEST_PG to a connection URI for a role that may create databases; each
 * test makes a database of its own there. Without FOLLOWUP_TEST_PG the tests are skipped and
 * say why. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "fu-command.h"
#include "fu-error.h"
#include "fu-history.h"
#include "fu-import.h"
#include "fu-pg-private.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-test-util.h"

/* ---- A database of its own for each test ---------------------------------------------------- */

static const char *
server_uri (void)
{
  return g_getenv ("FOLLOWUP_TEST_PG");
}

static gboolean
skip_without_server (void)
{
  if (server_uri () != NULL && *server_uri () != '\0')
    return FALSE;
  g_test_skip ("no PostgreSQL server: build-aux/dev test starts one (FOLLOWUP_TEST_PG)");
  return TRUE;
}

/* Runs @sql as the server's role on its first database. */
static void
admin_exec (const char *sql)
{
  PGconn *conn = PQconnectdb (server_uri ());
  PGresult *res;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (res);
  PQfinish (conn);
}

/* The value of @keyword in the server's address. */
static char *
server_option (const char *keyword)
{
  PQconninfoOption *options = PQconninfoParse (server_uri (), NULL);
  char *value = NULL;

  if (options == NULL)
    g_error ("FOLLOWUP_TEST_PG is not a PostgreSQL address: %s", server_uri ());
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, keyword) && o->val != NULL)
      value = g_strdup (o->val);
  PQconninfoFree (options);
  return value;
}

/* A new empty database: its address as a URI (@as_uri) or as key=value pairs. */
static char *
new_database (gboolean as_uri)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("fu_test_%d_%u", (int) getpid (), ++counter);
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);
  g_autofree char *host = server_option ("host");
  g_autofree char *user = server_option ("user");
  g_autofree char *port = server_option ("port");

  admin_exec (drop);
  admin_exec (create);
  if (as_uri)
    return g_strdup_printf ("postgresql:///%s?host=%s&user=%s%s%s", name, host, user,
                            port != NULL ? "&port=" : "", port != NULL ? port : "");
  return g_strdup_printf ("host=%s user=%s dbname=%s%s%s", host, user, name,
                          port != NULL ? " port=" : "", port != NULL ? port : "");
}

static FuStore *
open_store (const char *location)
{
  g_autoptr(GError) error = NULL;
  FuStore *store = fu_store_open (location, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

#define add_workshop fu_test_add_workshop_dates

/* ---- Opening ------------------------------------------------------------------------------- */

/* A new database gets the schema, the 33 members and the default rules; opening it again
 * (as a colleague would, or through key=value pairs) migrates nothing and finds the same. */
static void
test_open (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(FuStore) again = NULL;
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *office = NULL;
  FuRules rules, defaults;
  gint64 id = 0;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  store = open_store (uri);
  g_assert_cmpuint (fu_store_get_version (store), ==, fu_store_get_latest_version ());
  g_assert_cmpstr (fu_store_get_path (store), ==, uri);
  g_assert_cmpint (fu_store_get_access (store), ==, FU_STORE_ACCESS_READ_WRITE);
  g_assert_true (fu_store_is_empty (store));

  admins = fu_store_list_administrations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (admins->len, ==, 33);
  g_assert_cmpstr (((FuAdministration *) g_ptr_array_index (admins, 0))->name, ==,
                   "Afghanistan");
  g_assert_true (fu_store_lookup_administration (store, "viet nam", &id, &error));
  g_assert_cmpint (id, >, 0);
  g_assert_true (fu_store_lookup_administration (store, "tha", &id, &error));
  g_assert_cmpint (id, >, 0);

  fu_rules_init_defaults (&defaults);
  fu_store_get_rules (store, &rules);
  g_assert_cmpuint (rules.followup_months, ==, defaults.followup_months);
  g_assert_cmpuint (rules.reply_days, ==, defaults.reply_days);
  office = fu_store_get_office_name (store);
  g_assert_true (g_str_has_prefix (office, "WCO Regional Office"));

  add_workshop (store, "2016-NII", "2016-09-05", "2016-09-09");
  g_clear_object (&store);

  again = open_store (uri);
  g_assert_false (fu_store_is_empty (again));
  g_assert_true (fu_store_lookup_workshop (again, "2016-NII", &id, &error));
  g_assert_cmpint (id, >, 0);
}

static void
test_open_key_value (void)
{
  g_autofree char *pairs = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_without_server ())
    return;
  pairs = new_database (FALSE);
  store = open_store (pairs);
  admins = fu_store_list_administrations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (admins->len, ==, 33);
}

/* A server that is not there: an error that says so and what to check, not a crash. */
static void
test_open_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuStore) store = NULL;

  store = fu_store_open ("postgresql:///followup?host=/nonexistent-socket-dir&user=nobody",
                         &error);
  g_assert_null (store);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Could not connect to the team database"));
  g_assert_nonnull (strstr (error->message, "/nonexistent-socket-dir"));
}

/* ---- Records ------------------------------------------------------------------------------- */

static void
test_workshops (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(FuWorkshop) copy = NULL;
  g_autoptr(FuWorkshop) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  store = open_store (uri);
  second = add_workshop (store, "2017-AEO", "2017-02-06", "2017-02-10");
  first = add_workshop (store, "2016-NII", "2016-09-05", "2016-09-09");

  /* By start date, whatever the order they came in. */
  list = fu_store_list_workshops (store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((FuWorkshop *) g_ptr_array_index (list, 0))->id, ==, first);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = fu_store_list_workshops (store, fu_day_new (2017, 1, 1), FU_DAY_NONE, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* The same code twice is refused, as in the file database. */
  copy = fu_store_get_workshop (store, first, &error);
  g_assert_no_error (error);
  g_free (copy->code);
  copy->code = g_strdup ("2017-AEO");
  copy->id = 0;
  g_assert_cmpint (fu_store_add_workshop (store, copy, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "A workshop with code '2017-AEO' already exists");
  g_clear_error (&error);

  /* Changed and read back. */
  g_free (copy->code);
  copy->code = g_strdup ("2016-NII");
  copy->id = first;
  g_free (copy->venue);
  copy->venue = g_strdup ("Bangkok");
  g_assert_true (fu_store_update_workshop (store, copy, &error));
  g_assert_no_error (error);
  read = fu_store_get_workshop (store, first, &error);
  g_assert_cmpstr (read->venue, ==, "Bangkok");
  g_assert_cmpuint (read->end_date, ==, fu_day_new (2016, 9, 9));

  g_assert_true (fu_store_delete_workshop (store, second, &error));
  g_assert_no_error (error);
  g_assert_false (fu_store_delete_workshop (store, second, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
}

/* People are one by e-mail whatever its case; an attendance of a surveyed workshop brings its
 * follow-up, and the same person twice at one workshop is refused with a readable message. */
static void
test_people (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(FuParticipant) ana = fu_participant_new ();
  g_autoptr(FuParticipant) other = NULL;
  g_autoptr(GPtrArray) overview = NULL;
  g_autoptr(GError) error = NULL;
  gint64 workshop, person, found = 0, attendance, followup = 0;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  store = open_store (uri);
  workshop = add_workshop (store, "2016-NII", "2016-09-05", "2016-09-09");

  ana->name = g_strdup ("Ana Lopez");
  g_assert_true (fu_store_lookup_administration (store, "Philippines", &ana->administration_id,
                                                 &error));
  ana->email = g_strdup ("Ana.Lopez@customs.example");
  person = fu_store_add_participant (store, ana, &error);
  g_assert_no_error (error);
  g_assert_true (fu_store_lookup_participant (store, "ana.lopez@CUSTOMS.example", NULL, 0,
                                              &found, &error));
  g_assert_cmpint (found, ==, person);
  g_assert_true (fu_store_lookup_participant (store, NULL, "ANA LOPEZ", ana->administration_id,
                                              &found, &error));
  g_assert_cmpint (found, ==, person);

  other = fu_participant_copy (ana);
  g_free (other->email);
  other->email = g_strdup ("ana.lopez@customs.example");
  g_assert_cmpint (fu_store_add_participant (store, other, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  attendance = fu_store_add_attendance (store, workshop, person, &error);
  g_assert_no_error (error);
  g_assert_true (fu_store_lookup_followup (store, attendance, &followup, &error));
  g_assert_cmpint (followup, >, 0);
  g_assert_cmpint (fu_store_add_attendance (store, workshop, person, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_assert_cmpstr (error->message, ==, "'Ana Lopez' already attends workshop '2016-NII'");
  g_clear_error (&error);

  overview = fu_store_list_participant_overview (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overview->len, ==, 1);
  g_assert_cmpuint (((FuParticipantOverview *) g_ptr_array_index (overview, 0))->n_attendances,
                    ==, 1);
}

/* An import is one command: all its rows, its history entry and the ranges it added, in one
 * transaction. A bad file writes nothing. */
static void
test_import (void)
{
  const char *workshops =
    "code,title,start_date,end_date,venue,host_administration\n"
    "2016-NII,Non-Intrusive Inspection,2016-09-05,2016-09-09,Bangkok,Thailand\n";
  const char *participants =
    "workshop_code,name,administration,email\n"
    "2016-NII,Ana Lopez,Philippines,ana@customs.example\n"
    "2016-NII,Bo Chan,Thailand,bo@customs.example\n";
  const char *bad =
    "workshop_code,name,administration,email\n"
    "2016-NII,Chit Win,Myanmar,chit@customs.example\n"
    "2099-XXX,Nobody,Thailand,nobody@customs.example\n";
  g_autofree char *uri = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GPtrArray) overview = NULL;
  gint64 entry;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  store = open_store (uri);

  g_assert_true (fu_import_data (store, FU_IMPORT_WORKSHOPS, "workshops.csv", workshops,
                                 strlen (workshops), FU_IMPORT_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) data = g_bytes_new_static (participants, strlen (participants));
    g_autoptr(FuCommand) command = fu_command_new_import_data (FU_IMPORT_PARTICIPANTS,
                                                                "participants.csv", data,
                                                                FU_IMPORT_FLAGS_NONE);

    g_assert_true (fu_command_apply (command, store, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (fu_command_get_import_result (command)->participants_added, ==, 2);
  }
  entry = fu_store_audit_last_id (store, &error);
  g_assert_cmpint (entry, >, 0);
  rows = fu_store_list_audit_rows (store, entry, entry, &error);
  g_assert_no_error (error);
  /* Two people, two attendances, two follow-ups: parents first. */
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpint (g_array_index (rows, FuAuditRow, 0).record, ==, FU_RECORD_PARTICIPANT);
  g_assert_cmpint (g_array_index (rows, FuAuditRow, 5).record, ==, FU_RECORD_FOLLOWUP);

  g_assert_false (fu_import_data (store, FU_IMPORT_PARTICIPANTS, "bad.csv", bad, strlen (bad),
                                  FU_IMPORT_FLAGS_NONE, NULL, &error));
  g_assert_error (error, FU_IMPORT_ERROR, FU_IMPORT_ERROR_INVALID);
  overview = fu_store_list_participant_overview (store, NULL);
  g_assert_cmpuint (overview->len, ==, 2);

  /* Its backup is a file, which the team database describes as a file would (what
   * Restore a Backup… shows before it asks). */
  {
    g_autofree char *dir = g_dir_make_tmp ("fu-pg-backup-XXXXXX", NULL);
    g_autofree char *backup = g_build_filename (dir, "team.db", NULL);
    FuBackupInfo info;

    g_clear_error (&error);
    g_assert_true (fu_store_backup_to (store, backup, &error));
    g_assert_no_error (error);
    g_assert_true (fu_store_describe_backup (store, backup, &info, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (info.version, ==, fu_store_get_latest_version ());
    g_assert_cmpint (info.n_workshops, ==, 1);
    g_assert_cmpint (info.n_participants, ==, 2);
    g_unlink (backup);
    g_rmdir (dir);
  }
}

/* A number @sql reads from the database at @uri. */
static gint64
query_int (const char *uri,
           const char *sql)
{
  PGconn *conn = PQconnectdb (uri);
  PGresult *res;
  gint64 value;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  value = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  PQfinish (conn);
  return value;
}

/* A list larger than the history keeps row by row: written at once, recorded as runs of ids,
 * undone whole. Names and e-mails match without regard to the case of ASCII letters only, as
 * in SQLite. */
static void
test_large_import (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GString) workshops = g_string_new ("code,title,start_date\n");
  g_autoptr(GString) participants = g_string_new ("workshop_code,name,administration,email\n");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(FuHistory) history = NULL;
  g_autoptr(GPtrArray) overview = NULL;
  g_autoptr(GError) error = NULL;
  const FuImportResult *result;
  g_autofree char *runs = NULL;
  g_autofree char *rows = NULL;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  store = open_store (uri);

  for (guint w = 0; w < 30; w++)
    g_string_append_printf (workshops, "W%02u,Workshop %u,2016-%02u-05\n", w, w, w % 12 + 1);
  g_assert_true (fu_import_data (store, FU_IMPORT_WORKSHOPS, "workshops.csv", workshops->str,
                                 workshops->len, FU_IMPORT_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (participants, "W%02u,Person %04u,Thailand,p%04u@customs.example\n",
                            i % 30, i, i);
  g_string_append (participants,
                   "W00,\303\200na Lima,Thailand,\n"
                   "W00,\303\240NA LIMA,Thailand,\n"
                   "W01,Bo Chan,Thailand,Bo@X.org\n"
                   "W02,Bo Chan,Thailand,bo@x.ORG\n");
  data = g_bytes_new (participants->str, participants->len);
  command = fu_command_new_import_data (FU_IMPORT_PARTICIPANTS, "participants.csv", data,
                                        FU_IMPORT_FLAGS_NONE);
  g_assert_true (fu_command_apply (command, store, &error));
  g_assert_no_error (error);
  result = fu_command_get_import_result (command);
  /* À and à are not ASCII: two people. The two e-mails are one. */
  g_assert_cmpuint (result->participants_added, ==, 1503);
  g_assert_cmpuint (result->attendances_added, ==, 1504);

  runs = g_strdup_printf ("SELECT count (*) FROM audit_change WHERE entry_id = %"
                          G_GINT64_FORMAT, fu_command_get_entry_id (command));
  rows = g_strdup_printf ("SELECT sum (row_last - row_id + 1) FROM audit_change "
                          "WHERE entry_id = %" G_GINT64_FORMAT " AND op = 1",
                          fu_command_get_entry_id (command));
  /* People, attendances and follow-ups: one run each. */
  g_assert_cmpint (query_int (uri, runs), ==, 3);
  g_assert_cmpint (query_int (uri, rows), ==, 1503 + 2 * 1504);

  history = fu_history_new (store);
  g_assert_true (fu_history_undo_entry (history, fu_command_get_entry_id (command), NULL,
                                        &error));
  g_assert_no_error (error);
  overview = fu_store_list_participant_overview (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overview->len, ==, 0);
  g_assert_cmpint (query_int (uri, "SELECT count (*) FROM followup"), ==, 0);
}

/* A large list is matched from one read of the people, its attendances looked up in one
 * statement: the same answers as the server's own join (fu-test-util.h). */
static void
test_match_in_memory (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FuStore) store = NULL;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  store = open_store (uri);
  fu_test_check_match_in_memory (store, fu_pg_set_match_in_memory_from);
  fu_pg_set_match_in_memory_from (2000);
}

static gboolean
collect_page_cb (GPtrArray *page,
                 gpointer   user_data)
{
  GPtrArray *all = user_data;

  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (all, GINT_TO_POINTER ((int) ((FuFollowupRow *) g_ptr_array_index (page, i))
                                                  ->followup_id));
  g_ptr_array_unref (page);
  return TRUE;
}

/* The board's pages (the first few rows by a statement of their own, then the others through
 * a cursor) hold the same rows in the same order as the whole list. */
static void
test_paged_followups (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GString) participants = g_string_new ("workshop_code,name,administration,email\n");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) paged = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  FuFollowupQuery query = { 0 };

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  store = open_store (uri);
  add_workshop (store, "2016-NII", "2016-09-05", "2016-09-09");
  add_workshop (store, "2016-AEO", "2016-10-03", "2016-10-07");
  for (guint i = 0; i < 13; i++)
    g_string_append_printf (participants, "%s,Person %c,%s,\n", i % 2 ? "2016-AEO" : "2016-NII",
                            'M' - (int) i, i % 3 ? "Thailand" : "Fiji");
  g_assert_true (fu_import_data (store, FU_IMPORT_PARTICIPANTS, "participants.csv",
                                 participants->str, participants->len, FU_IMPORT_FLAGS_NONE,
                                 NULL, &error));
  g_assert_no_error (error);

  fu_day_parse_iso ("2017-06-01", &query.as_of);
  list = fu_store_list_followups (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 13);
  g_assert_true (fu_store_list_followups_paged (store, &query, 3, 4, collect_page_cb, paged,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (paged->len, ==, list->len);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (GPOINTER_TO_INT (g_ptr_array_index (paged, i)), ==,
                     ((FuFollowupRow *) g_ptr_array_index (list, i))->followup_id);
}

/* A role that may only read sees the database read-only, and a write says why. */
static void
test_read_only_role (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *reader_uri = NULL;
  g_autofree char *host = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *dbname = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(FuStore) reader = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  PGconn *conn;
  PGresult *res;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  store = open_store (uri);
  add_workshop (store, "2016-NII", "2016-09-05", "2016-09-09");
  g_clear_object (&store);

  admin_exec ("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
              "'fu_test_reader') THEN CREATE ROLE fu_test_reader LOGIN; END IF; END $$");
  dbname = g_strndup (uri + strlen ("postgresql:///"), strcspn (uri + strlen ("postgresql:///"),
                                                                "?"));
  conn = PQconnectdb (uri);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  grant = g_strdup_printf ("GRANT SELECT ON ALL TABLES IN SCHEMA public TO fu_test_reader; "
                           "GRANT CONNECT ON DATABASE %s TO fu_test_reader", dbname);
  res = PQexec (conn, grant);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  PQclear (res);
  PQfinish (conn);

  host = server_option ("host");
  reader_uri = g_strdup_printf ("postgresql:///%s?host=%s&user=fu_test_reader", dbname, host);
  reader = open_store (reader_uri);
  g_assert_cmpint (fu_store_get_access (reader), ==, FU_STORE_ACCESS_READ_ONLY);
  g_assert_true (fu_store_lookup_workshop (reader, "2016-NII", &id, &error));
  g_assert_cmpint (id, >, 0);

  workshop->code = g_strdup ("2017-AEO");
  workshop->title = g_strdup ("AEO");
  workshop->start_date = workshop->end_date = fu_day_new (2017, 2, 6);
  g_assert_cmpint (fu_store_add_workshop (reader, workshop, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "may read the team database"));
}

/* A colleague's change is announced: the other connection learns of it within two seconds
 * (the window polls every second), and one's own changes are not news. */
static void
test_changed_elsewhere (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FuStore) mine = NULL;
  g_autoptr(FuStore) theirs = NULL;
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  gboolean seen = FALSE;
  gint64 entry;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  mine = open_store (uri);
  theirs = open_store (uri);
  g_assert_false (fu_store_changed_elsewhere (mine));
  g_assert_false (fu_store_changed_elsewhere (theirs));

  command = fu_command_new_set_office_name ("ROCB A/P, Bangkok");
  g_assert_true (fu_command_apply (command, theirs, &error));
  g_assert_no_error (error);
  g_assert_false (fu_store_changed_elsewhere (theirs));

  for (guint i = 0; i < 40 && !seen; i++)
    {
      seen = fu_store_changed_elsewhere (mine);
      if (!seen)
        g_usleep (50 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_true (seen);
  /* Said once. */
  g_assert_false (fu_store_changed_elsewhere (mine));

  /* What changed, to reload only that. */
  entry = fu_store_audit_last_id (mine, &error);
  rows = fu_store_list_audit_rows (mine, entry, entry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (g_array_index (rows, FuAuditRow, 0).record, ==, FU_RECORD_SETTINGS);
  {
    g_autofree char *name = fu_store_get_office_name (mine);

    g_assert_cmpstr (name, ==, "ROCB A/P, Bangkok");
  }
}

/* Two colleagues edit the same workshop: the second edit, based on what was read before the
 * first, is refused with who and when, and writes nothing; based on the new version it goes
 * through. */
static void
test_edit_conflict (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FuStore) ana = NULL;
  g_autoptr(FuStore) bo = NULL;
  g_autoptr(FuWorkshop) anas = NULL;
  g_autoptr(FuWorkshop) bos = NULL;
  g_autoptr(FuWorkshop) now = NULL;
  g_autoptr(FuCommand) first = NULL;
  g_autoptr(FuCommand) second = NULL;
  g_autoptr(FuCommand) third = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, read;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  ana = open_store (uri);
  bo = open_store (uri);
  fu_store_set_author (ana, "Ana Lopez");
  fu_store_set_author (bo, "Bo Chan");
  id = add_workshop (ana, "2016-NII", "2016-09-05", "2016-09-09");

  /* Both open it. */
  read = fu_store_row_version (bo, FU_RECORD_WORKSHOP, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fu_store_row_version (ana, FU_RECORD_WORKSHOP, id, &error), ==, read);
  anas = fu_store_get_workshop (ana, id, &error);
  bos = fu_store_get_workshop (bo, id, &error);

  g_free (anas->venue);
  anas->venue = g_strdup ("Bangkok");
  first = fu_command_new_edit_workshop (anas);
  fu_command_set_based_on (first, read);
  g_assert_true (fu_command_apply (first, ana, &error));
  g_assert_no_error (error);

  g_free (bos->venue);
  bos->venue = g_strdup ("Tokyo");
  second = fu_command_new_edit_workshop (bos);
  fu_command_set_based_on (second, read);
  g_assert_false (fu_command_apply (second, bo, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ana Lopez changed this workshop at "));
  g_clear_error (&error);
  now = fu_store_get_workshop (bo, id, &error);
  g_assert_cmpstr (now->venue, ==, "Bangkok");

  /* Bo saw Ana's version and chose to overwrite it. */
  third = fu_command_new_edit_workshop (bos);
  fu_command_set_based_on (third, fu_store_row_version (bo, FU_RECORD_WORKSHOP, id, NULL));
  g_assert_true (fu_command_apply (third, bo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, fu_workshop_free);
  now = fu_store_get_workshop (ana, id, &error);
  g_assert_cmpstr (now->venue, ==, "Tokyo");
}

/* Administrations added, renamed and removed; a person and an attendance deleted, and the
 * deletion undone with the same ids: new rows then get ids after them. */
static void
test_deletions (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(FuAdministration) admin = fu_administration_new ();
  g_autoptr(FuAdministration) read = NULL;
  g_autoptr(FuParticipant) person = fu_participant_new ();
  g_autoptr(FuParticipant) back = NULL;
  g_autoptr(FuCommand) remove = NULL;
  g_autoptr(GError) error = NULL;
  gint64 admin_id, workshop, person_id, again;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  store = open_store (uri);

  admin->name = g_strdup ("Atlantis");
  admin->short_name = g_strdup ("ATL");
  admin_id = fu_store_add_administration (store, admin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fu_store_add_administration (store, admin, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  admin->id = admin_id;
  g_free (admin->name);
  admin->name = g_strdup ("Atlantis Customs");
  g_assert_true (fu_store_update_administration (store, admin, &error));
  read = fu_store_get_administration (store, admin_id, &error);
  g_assert_cmpstr (read->name, ==, "Atlantis Customs");

  workshop = add_workshop (store, "2016-NII", "2016-09-05", "2016-09-09");
  person->name = g_strdup ("Ana Lopez");
  person->administration_id = admin_id;
  person->email = g_strdup ("ana@customs.example");
  person_id = fu_store_add_participant (store, person, &error);
  g_assert_cmpint (fu_store_add_attendance (store, workshop, person_id, &error), >, 0);

  /* In use: refused before the server would. */
  g_assert_false (fu_store_delete_administration (store, admin_id, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  remove = fu_command_new_delete_participant (person_id);
  g_assert_true (fu_command_apply (remove, store, &error));
  g_assert_no_error (error);
  g_assert_null (fu_store_get_participant (store, person_id, NULL));
  {
    g_autoptr(FuHistory) history = fu_history_new (store);

    g_assert_true (fu_history_undo_entry (history, fu_command_get_entry_id (remove), NULL,
                                          &error));
    g_assert_no_error (error);
  }
  back = fu_store_get_participant (store, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->email, ==, "ana@customs.example");

  g_free (person->email);
  person->email = g_strdup ("bo@customs.example");
  person->id = 0;
  again = fu_store_add_participant (store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, >, person_id);
}

/* A workshop added without asserting, for a write expected to fail. */
static gint64
add_workshop_or_error (FuStore *store,
                       GError **error)
{
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();

  workshop->code = g_strdup ("2017-AEO");
  workshop->title = g_strdup ("AEO");
  workshop->start_date = workshop->end_date = fu_day_new (2017, 2, 6);
  return fu_store_add_workshop (store, workshop, error);
}

static void
count_signal (guint *n)
{
  (*n)++;
}

/* The server drops the session: the store says it is not connected (once), refuses writes
 * saying why, and gets the connection back by itself, a step at each poll; then writes go
 * through again, and the poll says everything may have changed. */
static void
test_connection_lost (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *kill = NULL;
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean back = FALSE;
  guint changes = 0;
  gint64 id = 0;

  if (skip_without_server ())
    return;
  uri = new_database (TRUE);
  store = open_store (uri);
  g_signal_connect_swapped (store, "connection-changed", G_CALLBACK (count_signal), &changes);
  g_assert_true (fu_store_is_connected (store));

  kill = g_strdup_printf ("SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                          "WHERE datname = '%.*s' AND pid <> pg_backend_pid ()",
                          (int) strcspn (uri + strlen ("postgresql:///"), "?"),
                          uri + strlen ("postgresql:///"));
  admin_exec (kill);
  /* The window asks every second; noticed within a few. */
  for (guint i = 0; i < 20 && fu_store_is_connected (store); i++)
    {
      g_assert_false (fu_store_changed_elsewhere (store));
      g_usleep (100 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_false (fu_store_is_connected (store));
  g_assert_cmpuint (changes, ==, 1);

  g_assert_cmpint (add_workshop_or_error (store, &error), ==, 0);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "connection to the team database"));
  g_clear_error (&error);

  for (guint i = 0; i < 100 && !back; i++)
    {
      back = fu_store_changed_elsewhere (store);
      if (!back)
        g_usleep (20 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_true (back);
  g_assert_true (fu_store_is_connected (store));
  g_assert_cmpuint (changes, ==, 2);
  add_workshop (store, "2016-NII", "2016-09-05", "2016-09-09");
  g_assert_true (fu_store_lookup_workshop (store, "2016-NII", &id, &error));
  g_assert_cmpint (id, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* This program's own calls to libpq (admin_exec) go where the backend's go. */
  g_assert_true (fu_pg_load_libpq (NULL));

  g_test_add_func ("/postgres/open", test_open);
  g_test_add_func ("/postgres/open/key-value", test_open_key_value);
  g_test_add_func ("/postgres/open/unreachable", test_open_unreachable);
  g_test_add_func ("/postgres/workshops", test_workshops);
  g_test_add_func ("/postgres/people", test_people);
  g_test_add_func ("/postgres/import", test_import);
  g_test_add_func ("/postgres/import/large", test_large_import);
  g_test_add_func ("/postgres/import/match-in-memory", test_match_in_memory);
  g_test_add_func ("/postgres/followups/paged", test_paged_followups);
  g_test_add_func ("/postgres/read-only-role", test_read_only_role);
  g_test_add_func ("/postgres/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/postgres/edit-conflict", test_edit_conflict);
  g_test_add_func ("/postgres/deletions", test_deletions);
  g_test_add_func ("/postgres/connection-lost", test_connection_lost);
  return g_test_run ();
}
