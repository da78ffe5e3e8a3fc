/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-sample"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-export.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-sample-resources.h"
#include "fu-store.h"
#include "fu-test-util.h"

/* The expectations come from the sample's own CSV files (what was meant to be loaded) and
 * from the seed report, never from what the code under test computes. */

typedef FuTestFixture Fixture;

/* One CSV file of the sample: its rows as column name -> cell. */
static GPtrArray *
read_sample (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("/org/rocbap/FollowUp/sample/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(FuCsvReader) reader = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  gsize length = 0;
  const char *data;

  bytes = g_resource_lookup_data (fu_sample_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  reader = fu_csv_reader_new (name, data, length, &error);
  g_assert_no_error (error);

  while (fu_csv_reader_next (reader, &error))
    {
      GHashTable *row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      for (guint i = 0; i < fu_csv_reader_get_n_columns (reader); i++)
        g_hash_table_insert (row, g_strdup (fu_csv_reader_get_column_name (reader, i)),
                             g_strdup (fu_csv_reader_get_cell (reader, i)));
      g_ptr_array_add (rows, row);
    }
  g_assert_no_error (error);

  return rows;
}

static const char *
cell (GHashTable *row,
      const char *column)
{
  const char *text = g_hash_table_lookup (row, column);

  g_assert_nonnull (text);
  return text;
}

static FuDay
cell_day (GHashTable *row,
          const char *column)
{
  FuDay day = FU_DAY_NONE;

  g_assert_true (fu_day_parse_iso (cell (row, column), &day));
  return day;
}

static FuDay
day (const char *iso)
{
  FuDay result = FU_DAY_NONE;

  g_assert_true (fu_day_parse_iso (iso, &result));
  return result;
}

/* DOMAIN.md's schedule with the default rules, worked out here on its own: sent six months
 * after the workshop's end (the month's last day when that day does not exist), reply
 * deadline 30 days later, reminder 7 days before the deadline. */
static FuDay
expected_sent (GHashTable *workshop)
{
  guint y, m, d;
  GDate date;

  fu_day_get_ymd (cell_day (workshop, "end_date"), &y, &m, &d);
  m += 6;
  if (m > 12)
    {
      m -= 12;
      y++;
    }
  d = MIN (d, g_date_get_days_in_month (m, y));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static FuDay
expected_deadline (GHashTable *workshop)
{
  return expected_sent (workshop) + 30;
}

static FuDay
expected_reminder (GHashTable *workshop)
{
  return expected_deadline (workshop) - 7;
}

static GHashTable *
find_workshop (GPtrArray  *workshops,
               const char *code)
{
  for (guint i = 0; i < workshops->len; i++)
    if (g_str_equal (cell (g_ptr_array_index (workshops, i), "code"), code))
      return g_ptr_array_index (workshops, i);
  g_assert_not_reached ();
}

/* "2016-NII|Fathimath Zahir|Maldives": one attendance. */
static char *
attendance_key (const char *code,
                const char *name,
                const char *administration)
{
  return g_strdup_printf ("%s|%s|%s", code, name, administration);
}

/* The reply received, by attendance. */
static GHashTable *
replies_by_attendance (GPtrArray *responses)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < responses->len; i++)
    {
      GHashTable *row = g_ptr_array_index (responses, i);

      g_hash_table_insert (table, attendance_key (cell (row, "workshop_code"),
                                                  cell (row, "name"),
                                                  cell (row, "administration")),
                           row);
    }
  return table;
}

static void
fixture_open (Fixture       *fixture,
              gconstpointer  user_data)
{
  fu_test_fixture_open (fixture, "test-sample-XXXXXX", FALSE);
}

static void
fixture_load (Fixture       *fixture,
              gconstpointer  user_data)
{
  fu_test_fixture_open (fixture, "test-sample-XXXXXX", TRUE);
}

static void
fixture_close (Fixture       *fixture,
               gconstpointer  user_data)
{
  /* The test leaves nothing behind. */
  g_assert_true (fu_test_fixture_close (fixture));
}

static GPtrArray *
list_followups (FuStore *store,
                FuDay    as_of,
                gint64   workshop_id)
{
  g_autoptr(GError) error = NULL;
  FuFollowupQuery query = { 0 };
  GPtrArray *rows;

  query.as_of = as_of;
  query.workshop_id = workshop_id;
  rows = fu_store_list_followups (store, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static guint
n_replies (FuStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) replies = fu_store_list_replies (store, FU_DAY_NONE, FU_DAY_NONE,
                                                         &error);

  g_assert_no_error (error);
  return replies->len;
}

static guint
n_workshops (FuStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) workshops = fu_store_list_workshops (store, FU_DAY_NONE, FU_DAY_NONE,
                                                             &error);

  g_assert_no_error (error);
  return workshops->len;
}

static gint64
workshop_id (FuStore    *store,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (fu_store_lookup_workshop (store, code, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

/* `sample` then `export summary --fiscal-year 2016/17`: the seed's Tables 1 to 5. */
static void
test_summary (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *golden = NULL;

  g_assert_true (fu_export_summary (fixture->store, 2016, FU_EXPORT_FLAGS_NONE, out, &error));
  g_assert_no_error (error);

  path = g_test_build_filename (G_TEST_DIST, "golden", "summary-FY2016-17.csv", NULL);
  g_assert_true (g_file_get_contents (path, &golden, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out->str, ==, golden);

  /* The fiscal year before holds nothing of it. */
  g_string_truncate (out, 0);
  g_assert_true (fu_export_summary (fixture->store, 2015, FU_EXPORT_FLAGS_NONE, out, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (out->str, "2016-NII"));
}

/* Every attendance and every reply of the files, and a person who came twice is one
 * participant. */
static void
test_counts (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) workshops = read_sample ("workshops.csv");
  g_autoptr(GPtrArray) participants = read_sample ("participants.csv");
  g_autoptr(GPtrArray) responses = read_sample ("responses.csv");
  g_autoptr(GPtrArray) rows = list_followups (fixture->store, day ("2018-03-01"), 0);
  g_autoptr(GHashTable) by_email = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_twice = 0;

  g_assert_cmpuint (workshops->len, ==, 13);
  g_assert_cmpuint (participants->len, ==, 261);
  g_assert_cmpuint (responses->len, ==, 148);

  g_assert_cmpuint (n_workshops (fixture->store), ==, workshops->len);
  g_assert_cmpuint (rows->len, ==, participants->len);
  g_assert_cmpuint (n_replies (fixture->store), ==, responses->len);

  for (guint i = 0; i < rows->len; i++)
    {
      FuFollowupRow *row = g_ptr_array_index (rows, i);
      FuFollowupRow *other;

      if (row->email == NULL || row->email[0] == '\0')
        continue;
      other = g_hash_table_lookup (by_email, row->email);
      if (other != NULL)
        {
          g_assert_cmpint (other->participant_id, ==, row->participant_id);
          g_assert_cmpint (other->workshop_id, !=, row->workshop_id);
          n_twice++;
        }
      else
        g_hash_table_insert (by_email, row->email, row);
    }
  g_assert_cmpuint (n_twice, >, 0);
}

static void
assert_text (const char *stored,
             GHashTable *row,
             const char *column)
{
  const char *expected = cell (row, column);

  if (expected[0] == '\0')
    g_assert_null (stored);
  else
    g_assert_cmpstr (stored, ==, expected);
}

static void
assert_count (gint        stored,
              GHashTable *row,
              const char *column)
{
  const char *expected = cell (row, column);

  g_assert_cmpint (stored, ==, expected[0] == '\0' ? -1 : atoi (expected));
}

static void
assert_answer (FuAnswer    stored,
               GHashTable *row,
               const char *column)
{
  FuAnswer expected;

  g_assert_true (fu_csv_parse_answer (cell (row, column), &expected));
  g_assert_cmpint (stored, ==, expected);
}

/* Each reply is stored as responses.csv has it: the report's examples come through the
 * importer unchanged, quotes, commas and line breaks included. */
static void
test_replies (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) responses = read_sample ("responses.csv");
  g_autoptr(GHashTable) expected = replies_by_attendance (responses);
  g_autoptr(GPtrArray) replies = fu_store_list_replies (fixture->store, FU_DAY_NONE,
                                                         FU_DAY_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (replies->len, ==, responses->len);

  for (guint i = 0; i < replies->len; i++)
    {
      FuReplyRow *stored = g_ptr_array_index (replies, i);
      FuReply *reply = &stored->reply;
      g_autofree char *key = attendance_key (stored->workshop_code, stored->participant_name,
                                             stored->administration);
      GHashTable *row = g_hash_table_lookup (expected, key);

      g_test_message ("reply %s", key);
      g_assert_nonnull (row);
      g_assert_true (g_hash_table_remove (expected, key));

      g_assert_cmpuint (reply->received_date, ==, cell_day (row, "received_date"));
      for (guint a = 0; a < FU_N_ACTIONS; a++)
        {
          FuAnswer ticked;

          g_assert_true (fu_csv_parse_answer (cell (row, fu_action_to_string (a)), &ticked));
          g_assert_cmpint (reply->actions[a], ==, ticked == FU_ANSWER_YES);
        }
      assert_count (reply->colleagues_shared, row, "colleagues_shared");
      assert_count (reply->colleagues_learned, row, "colleagues_learned");
      assert_text (reply->other_action_text, row, "other_action_text");
      assert_text (reply->lessons_use, row, "lessons_use");
      assert_answer (reply->direct_effects, row, "direct_effects");
      assert_text (reply->direct_effects_text, row, "direct_effects_text");
      assert_answer (reply->contributed, row, "contributed");
      assert_text (reply->contributed_text, row, "contributed_text");
      assert_answer (reply->project_initiated, row, "project_initiated");
      assert_text (reply->project_text, row, "project_text");
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
}

/* A second load is refused and changes nothing. */
static void
test_twice (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = list_followups (fixture->store, day ("2018-03-01"), 0);
  g_autoptr(GPtrArray) after = NULL;
  guint replies = n_replies (fixture->store);
  guint workshops = n_workshops (fixture->store);

  g_assert_false (fu_sample_load (fixture->store, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "2016-INT-PAC"));

  after = list_followups (fixture->store, day ("2018-03-01"), 0);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpuint (n_replies (fixture->store), ==, replies);
  g_assert_cmpuint (n_workshops (fixture->store), ==, workshops);
  for (guint i = 0; i < after->len; i++)
    {
      FuFollowupRow *a = g_ptr_array_index (before, i);
      FuFollowupRow *b = g_ptr_array_index (after, i);

      g_assert_cmpint (a->followup_id, ==, b->followup_id);
      g_assert_cmpuint (a->n_reminders, ==, b->n_reminders);
      g_assert_cmpint (a->status, ==, b->status);
    }
}

/* One workshop of the sample already there, entered by hand: the sample stays out, whole. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();

  workshop->code = g_strdup ("2017-CV");
  workshop->title = g_strdup ("Customs Valuation");
  workshop->start_date = day ("2017-06-12");
  workshop->end_date = day ("2017-06-16");
  g_assert_cmpint (fu_store_add_workshop (fixture->store, workshop, &error), !=, 0);
  g_assert_no_error (error);

  g_assert_false (fu_sample_load (fixture->store, &error));
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "2017-CV"));

  g_assert_cmpuint (n_workshops (fixture->store), ==, 1);
  g_assert_cmpuint (n_replies (fixture->store), ==, 0);
}

static void
count_statuses (FuStore *store,
                FuDay    as_of,
                guint    counts[FU_N_STATUSES])
{
  g_autoptr(GError) error = NULL;
  FuFollowupQuery query = { 0 };

  query.as_of = as_of;
  g_assert_true (fu_store_count_followups (store, &query, counts, &error));
  g_assert_no_error (error);
}

/* Early 2018, when the report was written: all sent, every reply in, the rest overdue. */
static void
test_status_report_time (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) participants = read_sample ("participants.csv");
  g_autoptr(GPtrArray) responses = read_sample ("responses.csv");
  guint counts[FU_N_STATUSES];

  count_statuses (fixture->store, day ("2018-03-01"), counts);
  g_assert_cmpuint (counts[FU_STATUS_PLANNED], ==, 0);
  g_assert_cmpuint (counts[FU_STATUS_TO_SEND], ==, 0);
  g_assert_cmpuint (counts[FU_STATUS_AWAITING_REPLY], ==, 0);
  g_assert_cmpuint (counts[FU_STATUS_REMINDER_DUE], ==, 0);
  g_assert_cmpuint (counts[FU_STATUS_CLOSED], ==, 0);
  g_assert_cmpuint (counts[FU_STATUS_REPLIED], ==, responses->len);
  g_assert_cmpuint (counts[FU_STATUS_OVERDUE], ==, participants->len - responses->len);
  g_assert_cmpuint (counts[FU_STATUS_OVERDUE], ==, 113);
}

/* Replies to @code received on or before @as_of, and its attendances. */
static void
count_workshop (GPtrArray  *participants,
                GPtrArray  *responses,
                const char *code,
                FuDay       as_of,
                guint      *n_attendances,
                guint      *n_replied)
{
  *n_attendances = 0;
  *n_replied = 0;
  for (guint i = 0; i < participants->len; i++)
    if (g_str_equal (cell (g_ptr_array_index (participants, i), "workshop_code"), code))
      (*n_attendances)++;
  for (guint i = 0; i < responses->len; i++)
    {
      GHashTable *row = g_ptr_array_index (responses, i);

      if (g_str_equal (cell (row, "workshop_code"), code) &&
          cell_day (row, "received_date") <= as_of)
        (*n_replied)++;
    }
}

/* The day after the first questionnaires went out: that workshop awaits replies, every
 * later one is still planned. */
static void
test_status_first_sending (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) workshops = read_sample ("workshops.csv");
  g_autoptr(GPtrArray) participants = read_sample ("participants.csv");
  g_autoptr(GPtrArray) responses = read_sample ("responses.csv");
  GHashTable *first = g_ptr_array_index (workshops, 0);
  FuDay as_of = expected_sent (first) + 1;
  guint counts[FU_N_STATUSES];
  guint n_attendances, n_replied;

  count_workshop (participants, responses, cell (first, "code"), as_of, &n_attendances,
                  &n_replied);
  g_assert_cmpuint (n_attendances, ==, 8);

  count_statuses (fixture->store, as_of, counts);
  g_assert_cmpuint (counts[FU_STATUS_REPLIED], ==, n_replied);
  g_assert_cmpuint (counts[FU_STATUS_AWAITING_REPLY], ==, n_attendances - n_replied);
  g_assert_cmpuint (counts[FU_STATUS_PLANNED], ==, participants->len - n_attendances);
  g_assert_cmpuint (counts[FU_STATUS_TO_SEND], ==, 0);
  g_assert_cmpuint (counts[FU_STATUS_OVERDUE], ==, 0);

  /* The day before, nothing had gone out. */
  count_statuses (fixture->store, as_of - 2, counts);
  g_assert_cmpuint (counts[FU_STATUS_PLANNED], ==, participants->len);
}

/* Each workshop's questionnaires were sent on the planned date with the deadline 30 days
 * on; on the deadline, those not replied have had their reminder (none is due); the day
 * after, they are overdue. */
static void
test_status_deadlines (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) workshops = read_sample ("workshops.csv");
  g_autoptr(GPtrArray) participants = read_sample ("participants.csv");
  g_autoptr(GPtrArray) responses = read_sample ("responses.csv");

  for (guint i = 0; i < workshops->len; i++)
    {
      GHashTable *workshop = g_ptr_array_index (workshops, i);
      const char *code = cell (workshop, "code");
      gint64 id = workshop_id (fixture->store, code);
      FuDay deadline = expected_deadline (workshop);
      g_autoptr(GPtrArray) on_deadline = list_followups (fixture->store, deadline, id);
      g_autoptr(GPtrArray) after = list_followups (fixture->store, deadline + 1, id);
      guint n_attendances, n_replied, n_awaiting = 0, n_overdue = 0;

      g_test_message ("workshop %s", code);
      count_workshop (participants, responses, code, deadline, &n_attendances, &n_replied);
      g_assert_cmpuint (on_deadline->len, ==, n_attendances);
      for (guint j = 0; j < on_deadline->len; j++)
        {
          FuFollowupRow *row = g_ptr_array_index (on_deadline, j);

          g_assert_cmpuint (row->dates.sent, ==, expected_sent (workshop));
          g_assert_cmpuint (row->dates.deadline, ==, deadline);
          g_assert_cmpint (row->status, !=, FU_STATUS_REMINDER_DUE);
          if (row->status == FU_STATUS_AWAITING_REPLY)
            n_awaiting++;
        }
      g_assert_cmpuint (n_awaiting, ==, n_attendances - n_replied);

      count_workshop (participants, responses, code, deadline + 1, &n_attendances,
                      &n_replied);
      for (guint j = 0; j < after->len; j++)
        if (((FuFollowupRow *) g_ptr_array_index (after, j))->status == FU_STATUS_OVERDUE)
          n_overdue++;
      g_assert_cmpuint (n_overdue, ==, n_attendances - n_replied);
    }
}

/* One reminder, on the day the reminder window opened, to each who had not replied by
 * then; none to those who had. Every workshop had someone to remind. */
static void
test_reminders (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) workshops = read_sample ("workshops.csv");
  g_autoptr(GPtrArray) responses = read_sample ("responses.csv");
  g_autoptr(GHashTable) replies = replies_by_attendance (responses);
  g_autoptr(GPtrArray) rows = list_followups (fixture->store, day ("2018-03-01"), 0);
  g_autoptr(GHashTable) reminded = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_reminded = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      FuFollowupRow *row = g_ptr_array_index (rows, i);
      GHashTable *workshop = find_workshop (workshops, row->workshop_code);
      g_autofree char *key = attendance_key (row->workshop_code, row->participant_name,
                                             row->administration);
      GHashTable *reply = g_hash_table_lookup (replies, key);
      FuDay reminder = expected_reminder (workshop);

      g_test_message ("follow-up %s", key);
      if (reply != NULL && cell_day (reply, "received_date") <= reminder)
        {
          g_assert_cmpuint (row->n_reminders, ==, 0);
          g_assert_cmpuint (row->dates.last_reminder, ==, FU_DAY_NONE);
        }
      else
        {
          g_assert_cmpuint (row->n_reminders, ==, 1);
          g_assert_cmpuint (row->dates.last_reminder, ==, reminder);
          g_hash_table_add (reminded, row->workshop_code);
          n_reminded++;
        }
    }
  g_assert_cmpuint (g_hash_table_size (reminded), ==, workshops->len);
  /* Some replied only after their reminder. */
  g_assert_cmpuint (n_reminded, >, 261 - 148);
}

/* The administrations that organized in-house workshops: the seed's 19, 47 in all. */
static void
test_inhouse (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const char * const seed[] = {
    "Bhutan", "Cambodia", "China", "Fiji", "India", "Indonesia", "Malaysia", "Maldives",
    "Mongolia", "Myanmar", "Nepal", "New Zealand", "Pakistan", "Samoa", "Sri Lanka",
    "Thailand", "Timor-Leste", "Tonga", "Vanuatu",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  FuRules rules;
  FuDay first, last;
  guint total = 0;

  fu_store_get_rules (fixture->store, &rules);
  fu_fiscal_year_range (&rules, 2016, &first, &last);
  rows = fu_store_inhouse_administrations (fixture->store, first, last, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (seed));
  for (guint i = 0; i < rows->len; i++)
    {
      FuInhouseRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (row->name, ==, seed[i]);
      g_assert_cmpuint (row->inhouse_workshops, >, 0);
      total += row->inhouse_workshops;
    }
  g_assert_cmpuint (total, ==, 47);
}

/* The reply-rate trend: the seed's two earlier rounds as entered rates (28% and 47%), then
 * FY2016/17 from the database, 148 of 261. */
static void
test_trend (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) trend = fu_store_reply_rate_trend (fixture->store, &error);
  g_autoptr(GArray) earlier = fu_store_list_earlier_years (fixture->store, &error);
  FuTrendPoint *point;

  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 3);
  point = &g_array_index (trend, FuTrendPoint, 0);
  g_assert_cmpuint (point->fiscal_year, ==, 2014);
  g_assert_true (point->entered);
  g_assert_cmpuint (fu_trend_point_rate_tenths (point), ==, 280);
  point = &g_array_index (trend, FuTrendPoint, 1);
  g_assert_cmpuint (point->fiscal_year, ==, 2015);
  g_assert_true (point->entered);
  g_assert_cmpuint (fu_trend_point_rate_tenths (point), ==, 470);
  point = &g_array_index (trend, FuTrendPoint, 2);
  g_assert_cmpuint (point->fiscal_year, ==, 2016);
  g_assert_false (point->entered);
  g_assert_cmpuint (point->workshops, ==, 13);
  g_assert_cmpuint (point->participants, ==, 261);
  g_assert_cmpuint (point->replies, ==, 148);
  g_assert_cmpuint (fu_trend_point_rate_tenths (point), ==, 567);

  /* Some years only: the entered ones in range, the database's own by their workshops. */
  {
    g_autoptr(GArray) two = fu_store_reply_rate_trend_between (fixture->store, 2015, 2016, &error);
    g_autoptr(GArray) one = fu_store_reply_rate_trend_between (fixture->store, 2016, 2016, &error);
    g_autoptr(GArray) none = fu_store_reply_rate_trend_between (fixture->store, 2017, 2020,
                                                                &error);

    g_assert_no_error (error);
    g_assert_cmpuint (two->len, ==, 2);
    g_assert_cmpuint (g_array_index (two, FuTrendPoint, 0).fiscal_year, ==, 2015);
    g_assert_true (g_array_index (two, FuTrendPoint, 0).entered);
    g_assert_cmpuint (g_array_index (two, FuTrendPoint, 1).replies, ==, 148);
    g_assert_cmpuint (one->len, ==, 1);
    g_assert_cmpuint (g_array_index (one, FuTrendPoint, 0).participants, ==, 261);
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* The in-house counts of those rounds: 6 and 18 administrations. */
  g_assert_cmpuint (earlier->len, ==, 2);
  g_assert_cmpint (g_array_index (earlier, FuEarlierYear, 0).inhouse, ==, 6);
  g_assert_cmpint (g_array_index (earlier, FuEarlierYear, 1).inhouse, ==, 18);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (fu_test_skip_without_team_server ())
    return 0;

#define ADD(path, func, setup) \
  g_test_add (path, Fixture, NULL, setup, func, fixture_close)

  ADD ("/core/sample/summary", test_summary, fixture_load);
  ADD ("/core/sample/counts", test_counts, fixture_load);
  ADD ("/core/sample/replies", test_replies, fixture_load);
  ADD ("/core/sample/twice", test_twice, fixture_load);
  ADD ("/core/sample/refused", test_refused, fixture_open);
  ADD ("/core/sample/status/report-time", test_status_report_time, fixture_load);
  ADD ("/core/sample/status/first-sending", test_status_first_sending, fixture_load);
  ADD ("/core/sample/status/deadlines", test_status_deadlines, fixture_load);
  ADD ("/core/sample/reminders", test_reminders, fixture_load);
  ADD ("/core/sample/inhouse", test_inhouse, fixture_load);
  ADD ("/core/sample/trend", test_trend, fixture_load);

#undef ADD

  return g_test_run ();
}
