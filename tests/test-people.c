/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-people"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-test-util.h"

typedef FuTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fu_test_fixture_open (fixture, "test-people-XXXXXX", user_data != NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  fu_test_fixture_close (fixture);
}

static char *
dump (Fixture *fixture)
{
  static const char * const tables[] = {
    "participant", "attendance", "followup", "reminder", "reply", NULL,
  };

  return fu_test_dump_tables (fixture->path, tables);
}

/* The sample's attendance list, read from the file that was loaded. */
static GPtrArray *
read_sample_participants (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("FOLLOWUP_SOURCE_ROOT"), "data",
                                            "sample", "participants.csv", NULL);
  g_autoptr(FuCsvReader) reader = fu_csv_reader_new_from_file (path, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int email, name, admin;

  g_assert_no_error (error);
  email = fu_csv_reader_find_column (reader, "email");
  name = fu_csv_reader_find_column (reader, "name");
  admin = fu_csv_reader_find_column (reader, "administration");
  g_assert_cmpint (email, >=, 0);
  while (fu_csv_reader_next (reader, &error))
    {
      char **row = g_new0 (char *, 4);

      row[0] = g_utf8_strdown (fu_csv_reader_get_cell (reader, (guint) email), -1);
      row[1] = g_strdup (fu_csv_reader_get_cell (reader, (guint) name));
      row[2] = g_strdup (fu_csv_reader_get_cell (reader, (guint) admin));
      g_ptr_array_add (rows, row);
    }
  g_assert_no_error (error);
  return rows;
}

static FuParticipantOverview *
find_by_email (GPtrArray  *overview,
               const char *email)
{
  for (guint i = 0; i < overview->len; i++)
    {
      FuParticipantOverview *row = g_ptr_array_index (overview, i);

      if (g_strcmp0 (row->email, email) == 0)
        return row;
    }
  return NULL;
}

/* One row per person as the sample's list identifies people (by e-mail, else by name and
 * administration), each with the number of workshops they are listed at. */
static void
test_overview (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sample = read_sample_participants ();
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) overview = NULL;
  guint attendances = 0;
  guint replies = 0;

  for (guint i = 0; i < sample->len; i++)
    {
      char **row = g_ptr_array_index (sample, i);
      char *key = row[0][0] != '\0' ? g_strdup (row[0])
                                    : g_strdup_printf ("%s\n%s", row[1], row[2]);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (people, key));

      g_hash_table_replace (people, key, GUINT_TO_POINTER (n + 1));
    }

  overview = fu_store_list_participant_overview (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overview->len, ==, g_hash_table_size (people));
  g_assert_cmpuint (overview->len, ==, 255);

  for (guint i = 0; i < overview->len; i++)
    {
      FuParticipantOverview *row = g_ptr_array_index (overview, i);

      attendances += row->n_attendances;
      replies += row->n_replies;
      g_assert_nonnull (row->administration);
      if (i > 0)
        {
          FuParticipantOverview *previous = g_ptr_array_index (overview, i - 1);

          g_assert_cmpint (g_ascii_strcasecmp (previous->name, row->name), <=, 0);
        }
      if (row->email != NULL)
        {
          g_autofree char *key = g_utf8_strdown (row->email, -1);

          g_assert_cmpuint (row->n_attendances, ==,
                            GPOINTER_TO_UINT (g_hash_table_lookup (people, key)));
        }
    }
  g_assert_cmpuint (attendances, ==, sample->len);
  /* The report's 148 replies, all from people of the list. */
  g_assert_cmpuint (replies, ==, 148);

  /* Priya Menon is listed at two workshops. */
  {
    FuParticipantOverview *priya = find_by_email (overview, "priya.menon@customs-in.example");

    g_assert (priya != NULL);
    g_assert_cmpstr (priya->name, ==, "Priya Menon");
    g_assert_cmpstr (priya->administration, ==, "India");
    g_assert_cmpuint (priya->n_attendances, ==, 2);
  }
}

/* A person's history agrees with the follow-up list for the same day, attendance by
 * attendance. */
static void
test_history (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overview = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  FuFollowupQuery query = { 0 };
  FuParticipantOverview *priya;
  guint checked = 0;

  overview = fu_store_list_participant_overview (fixture->store, &error);
  g_assert_no_error (error);
  priya = find_by_email (overview, "priya.menon@customs-in.example");
  g_assert (priya != NULL);

  query.as_of = fu_day_new (2017, 9, 1);
  followups = fu_store_list_followups (fixture->store, &query, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < overview->len; i++)
    {
      FuParticipantOverview *person = g_ptr_array_index (overview, i);
      g_autoptr(GPtrArray) history = NULL;

      history = fu_store_list_participant_history (fixture->store, person->participant_id,
                                                   query.as_of, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (history->len, ==, person->n_attendances);

      for (guint j = 0; j < history->len; j++)
        {
          FuAttendanceRow *row = g_ptr_array_index (history, j);
          gboolean found = FALSE;

          if (j > 0)
            {
              FuAttendanceRow *previous = g_ptr_array_index (history, j - 1);

              g_assert_cmpuint (previous->workshop_start, <=, row->workshop_start);
            }
          g_assert_true (row->surveyed);
          for (guint k = 0; k < followups->len && !found; k++)
            {
              FuFollowupRow *followup = g_ptr_array_index (followups, k);

              if (followup->followup_id != row->followup_id)
                continue;
              found = TRUE;
              g_assert_cmpint (followup->participant_id, ==, person->participant_id);
              g_assert_cmpstr (followup->workshop_code, ==, row->workshop_code);
              g_assert_cmpint (followup->status, ==, row->status);
              g_assert_cmpuint (followup->dates.received, ==, row->dates.received);
              g_assert_cmpuint (followup->dates.sent, ==, row->dates.sent);
              g_assert_cmpuint (followup->dates.deadline, ==, row->dates.deadline);
              g_assert_cmpuint (followup->n_reminders, ==, row->n_reminders);
              checked++;
            }
          g_assert_true (found);
        }
    }
  g_assert_cmpuint (checked, ==, followups->len);

  /* Before any questionnaire went out, everything is planned or to send. */
  {
    g_autoptr(GPtrArray) history = NULL;

    history = fu_store_list_participant_history (fixture->store, priya->participant_id,
                                                 fu_day_new (2016, 7, 1), &error);
    g_assert_no_error (error);
    for (guint j = 0; j < history->len; j++)
      {
        FuAttendanceRow *row = g_ptr_array_index (history, j);

        g_assert_cmpint (row->status, ==, FU_STATUS_PLANNED);
        g_assert_cmpuint (row->dates.received, ==, FU_DAY_NONE);
      }
  }

  g_assert_null (fu_store_list_participant_history (fixture->store, 99999, query.as_of,
                                                    &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
}

/* A workshop's attendees are its follow-ups as the board lists them for the same day, by
 * administration and name; a workshop not surveyed still lists who came. */
static void
test_attendees (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(FuWorkshop) workshop = NULL;
  FuDay today = fu_day_new (2017, 9, 1);
  guint total = 0;

  workshops = fu_store_list_workshops (fixture->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workshops->len, ==, 13);

  for (guint i = 0; i < workshops->len; i++)
    {
      FuWorkshop *w = g_ptr_array_index (workshops, i);
      FuFollowupQuery query = { .as_of = today, .workshop_id = w->id };
      g_autoptr(GPtrArray) followups = NULL;
      g_autoptr(GPtrArray) list = NULL;

      followups = fu_store_list_followups (fixture->store, &query, &error);
      g_assert_no_error (error);
      list = fu_store_list_workshop_attendees (fixture->store, w->id, today, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, followups->len);
      g_assert_cmpuint (list->len, >, 0);
      total += list->len;

      for (guint j = 0; j < list->len; j++)
        {
          FuAttendanceRow *row = g_ptr_array_index (list, j);
          gboolean found = FALSE;

          g_assert_cmpint (row->workshop_id, ==, w->id);
          g_assert_true (row->surveyed);
          if (j > 0)
            {
              FuAttendanceRow *previous = g_ptr_array_index (list, j - 1);
              int order = g_ascii_strcasecmp (previous->administration, row->administration);

              g_assert_cmpint (order, <=, 0);
              if (order == 0)
                g_assert_cmpint (g_ascii_strcasecmp (previous->participant_name,
                                                     row->participant_name), <=, 0);
            }
          for (guint k = 0; k < followups->len; k++)
            {
              FuFollowupRow *followup = g_ptr_array_index (followups, k);

              if (followup->followup_id != row->followup_id)
                continue;
              found = TRUE;
              g_assert_cmpstr (followup->participant_name, ==, row->participant_name);
              g_assert_cmpstr (followup->administration, ==, row->administration);
              g_assert_cmpstr (followup->email, ==, row->email);
              g_assert_cmpint (followup->status, ==, row->status);
              g_assert_cmpuint (followup->dates.received, ==, row->dates.received);
            }
          g_assert_true (found);
        }
    }
  g_assert_cmpuint (total, ==, 261);

  /* Not surveyed any more: the attendees stay, without a follow-up. */
  workshop = fu_workshop_copy (g_ptr_array_index (workshops, 0));
  workshop->surveyed = FALSE;
  fu_store_update_workshop (fixture->store, workshop, &error);
  g_assert_no_error (error);
  attendees = fu_store_list_workshop_attendees (fixture->store, workshop->id, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, >, 0);
  for (guint j = 0; j < attendees->len; j++)
    {
      FuAttendanceRow *row = g_ptr_array_index (attendees, j);

      g_assert_false (row->surveyed);
      g_assert_cmpint (row->followup_id, ==, 0);
    }

  g_assert_null (fu_store_list_workshop_attendees (fixture->store, 99999, today, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
}

/* ---- Merging ----------------------------------------------------------------------------- */

static gint64
add_workshop (FuStore    *store,
              const char *code,
              gboolean    surveyed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  gint64 id;

  workshop->code = g_strdup (code);
  workshop->title = g_strdup ("Workshop");
  workshop->start_date = fu_day_new (2016, 9, 5);
  workshop->end_date = fu_day_new (2016, 9, 9);
  workshop->surveyed = surveyed;
  id = fu_store_add_workshop (store, workshop, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_person (FuStore    *store,
            const char *name,
            const char *email,
            const char *position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuParticipant) participant = fu_participant_new ();
  gint64 admin = 0;
  gint64 id;

  fu_store_lookup_administration (store, "Fiji", &admin, &error);
  g_assert_no_error (error);
  participant->name = g_strdup (name);
  participant->administration_id = admin;
  participant->email = g_strdup (email);
  participant->position = g_strdup (position);
  id = fu_store_add_participant (store, participant, &error);
  g_assert_no_error (error);
  return id;
}

/* Attends @workshop_id; with @q3 other than -2 a reply (received 1 April 2017) answers Q3
 * so. Returns the follow-up's id. */
static gint64
attend (FuStore  *store,
        gint64    workshop_id,
        gint64    participant_id,
        int       q3)
{
  g_autoptr(GError) error = NULL;
  gint64 attendance;
  gint64 followup = 0;

  attendance = fu_store_add_attendance (store, workshop_id, participant_id, &error);
  g_assert_no_error (error);
  fu_store_lookup_followup (store, attendance, &followup, &error);
  g_assert_no_error (error);
  if (followup != 0 && q3 != -2)
    {
      g_autoptr(FuReply) reply = fu_reply_new ();

      reply->followup_id = followup;
      reply->received_date = fu_day_new (2017, 4, 1);
      reply->direct_effects = (FuAnswer) q3;
      fu_store_save_reply (store, reply, FALSE, &error);
      g_assert_no_error (error);
    }
  return followup;
}

static guint
n_attendances (FuStore *store,
               gint64   participant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;

  history = fu_store_list_participant_history (store, participant_id, fu_day_new (2018, 1, 1),
                                               &error);
  g_assert_no_error (error);
  return history->len;
}

/* "Ana Tuilagi" was entered twice: once with her e-mail, once with her position. Merging
 * gives one record with both, every workshop she attended, and each reply once. */
static void
test_merge (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuParticipant) kept = NULL;
  g_autoptr(FuParticipant) gone = NULL;
  g_autoptr(GPtrArray) history = NULL;
  FuStore *store = fixture->store;
  gint64 w1 = add_workshop (store, "W1", TRUE);
  gint64 w2 = add_workshop (store, "W2", TRUE);
  gint64 w3 = add_workshop (store, "W3", FALSE);
  gint64 w4 = add_workshop (store, "W4", TRUE);
  gint64 keep = add_person (store, "Ana Tuilagi", "ana.tuilagi@customs-fj.example", NULL);
  gint64 remove = add_person (store, "Ana  Tuilagi", NULL, "Customs Officer");
  gint64 other = add_person (store, "Someone Else", "else@customs-fj.example", NULL);
  gint64 w1_reply;
  gint64 w4_reply;

  attend (store, w1, keep, -2);               /* W1: both; only the duplicate replied */
  w1_reply = attend (store, w1, remove, FU_ANSWER_YES);
  attend (store, w2, remove, FU_ANSWER_NO);   /* W2: the duplicate only */
  attend (store, w3, remove, -2);             /* W3: not surveyed */
  w4_reply = attend (store, w4, keep, FU_ANSWER_YES);   /* W4: both, the same reply */
  attend (store, w4, remove, FU_ANSWER_YES);
  attend (store, w1, other, FU_ANSWER_NO);

  fu_store_merge_participants (store, keep, remove, &error);
  g_assert_no_error (error);

  gone = fu_store_get_participant (store, remove, &error);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  kept = fu_store_get_participant (store, keep, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept->name, ==, "Ana Tuilagi");
  g_assert_cmpstr (kept->email, ==, "ana.tuilagi@customs-fj.example");
  g_assert_cmpstr (kept->position, ==, "Customs Officer");

  history = fu_store_list_participant_history (store, keep, fu_day_new (2018, 1, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  for (guint i = 0; i < history->len; i++)
    {
      FuAttendanceRow *row = g_ptr_array_index (history, i);

      if (g_str_equal (row->workshop_code, "W3"))
        {
          g_assert_false (row->surveyed);
          continue;
        }
      g_assert_true (row->surveyed);
      g_assert_cmpint (row->status, ==, FU_STATUS_REPLIED);
      if (g_str_equal (row->workshop_code, "W1"))
        g_assert_cmpint (row->followup_id, ==, w1_reply);
      if (g_str_equal (row->workshop_code, "W4"))
        g_assert_cmpint (row->followup_id, ==, w4_reply);
    }

  /* The other attendee of W1 is untouched. */
  g_assert_cmpuint (n_attendances (store, other), ==, 1);
}

/* Both records answered the same workshop's questionnaire, differently: refused, and
 * nothing changes. */
static void
test_merge_conflict (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  FuStore *store = fixture->store;
  gint64 w1 = add_workshop (store, "W1", TRUE);
  gint64 w2 = add_workshop (store, "W2", TRUE);
  gint64 keep = add_person (store, "Ana Tuilagi", "ana.tuilagi@customs-fj.example", NULL);
  gint64 remove = add_person (store, "Ana Tuilagi", "ana@customs-fj.example", NULL);

  attend (store, w2, remove, FU_ANSWER_NO);
  attend (store, w1, keep, FU_ANSWER_YES);
  attend (store, w1, remove, FU_ANSWER_NO);

  before = dump (fixture);
  g_assert_false (fu_store_merge_participants (store, keep, remove, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "W1"));
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_attendances (store, keep), ==, 1);
  g_assert_cmpuint (n_attendances (store, remove), ==, 2);
  g_clear_error (&error);

  g_assert_false (fu_store_merge_participants (store, keep, keep, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (fu_store_merge_participants (store, keep, 99999, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
}

/* The e-mail of the record that goes is the kept one's when it had none: the e-mail is
 * unique, so this only works once the other is gone. */
static void
test_merge_email (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuParticipant) kept = NULL;
  FuStore *store = fixture->store;
  gint64 w1 = add_workshop (store, "W1", TRUE);
  gint64 keep = add_person (store, "Ana Tuilagi", NULL, "Customs Officer");
  gint64 remove = add_person (store, "A. Tuilagi", "ana.tuilagi@customs-fj.example",
                              "Officer");

  attend (store, w1, remove, FU_ANSWER_YES);
  fu_store_merge_participants (store, keep, remove, &error);
  g_assert_no_error (error);

  kept = fu_store_get_participant (store, keep, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept->name, ==, "Ana Tuilagi");
  g_assert_cmpstr (kept->email, ==, "ana.tuilagi@customs-fj.example");
  g_assert_cmpstr (kept->position, ==, "Customs Officer");
  g_assert_cmpuint (n_attendances (store, keep), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (fu_test_skip_without_team_server ())
    return 0;

  g_test_add ("/core/people/overview", Fixture, "sample",
              fixture_set_up, test_overview, fixture_tear_down);
  g_test_add ("/core/people/history", Fixture, "sample",
              fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/core/people/attendees", Fixture, "sample",
              fixture_set_up, test_attendees, fixture_tear_down);
  g_test_add ("/core/people/merge", Fixture, NULL,
              fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/core/people/merge-conflict", Fixture, NULL,
              fixture_set_up, test_merge_conflict, fixture_tear_down);
  g_test_add ("/core/people/merge-email", Fixture, NULL,
              fixture_set_up, test_merge_email, fixture_tear_down);

  return g_test_run ();
}
