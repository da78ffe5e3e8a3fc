/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The feedback sheet every participant of a workshop receives: its counts, as PDF text
 * (pdftotext) and CSV, and nothing that singles anyone out. */
#define G_LOG_DOMAIN "test-feedback-sheet"

#include "config.h"

#include <glib.h>
#include <string.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-feedback-sheet.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-test-util.h"

typedef FuTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fu_test_fixture_open (fixture, "test-feedback-sheet-XXXXXX", data != NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fu_test_fixture_close (fixture);
}

static gint64
workshop_id (Fixture    *fixture,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (fu_store_lookup_workshop (fixture->store, code, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static FuFeedbackSheet *
sheet_for (Fixture    *fixture,
           const char *code)
{
  g_autoptr(GError) error = NULL;
  FuFeedbackSheet *sheet = fu_feedback_sheet_new (fixture->store, workshop_id (fixture, code),
                                                  &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  fu_feedback_sheet_set_date (sheet, fu_day_new (2017, 9, 1));
  return sheet;
}

/* The PDF's text with white space squeezed to single spaces, and its page count. */
static char *
pdf_text (FuFeedbackSheet *sheet,
          Fixture         *fixture,
          guint           *n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "feedback.pdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("[ \\t\\n]+", 0, 0, NULL);

  g_assert_true (fu_feedback_sheet_write_pdf (sheet, path, &error));
  g_assert_no_error (error);
  out = fu_test_pdftotext (path, "-layout");
  if (n_pages != NULL)
    {
      *n_pages = 0;
      for (const char *p = out; *p != '\0'; p++)
        *n_pages += *p == '\f';
    }
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* The CSV as item → count. */
static GHashTable *
csv_items (FuFeedbackSheet *sheet,
           GString        **text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuCsvReader) reader = NULL;
  GHashTable *items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  *text = g_string_new (NULL);
  fu_feedback_sheet_write_csv (sheet, *text, FALSE);
  reader = fu_csv_reader_new ("feedback.csv", (*text)->str, (*text)->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fu_csv_reader_get_n_columns (reader), ==, 2);
  g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 0), ==, "item");
  g_assert_cmpstr (fu_csv_reader_get_column_name (reader, 1), ==, "count");
  while (fu_csv_reader_next (reader, &error))
    {
      g_assert_cmpuint (fu_csv_reader_get_n_cells (reader), ==, 2);
      g_hash_table_insert (items, g_strdup (fu_csv_reader_get_cell (reader, 0)),
                           g_strdup (fu_csv_reader_get_cell (reader, 1)));
    }
  g_assert_no_error (error);
  return items;
}

/* Nothing on the sheet names a participant, their e-mail or administration, or repeats
 * what they wrote. */
static void
assert_nobody_named (Fixture    *fixture,
                     const char *code,
                     const char *title,
                     const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  FuFollowupQuery query = { 0 };

  query.as_of = fu_day_new (2030, 1, 1);
  query.workshop_id = workshop_id (fixture, code);
  followups = fu_store_list_followups (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (followups->len, >, 0);
  for (guint i = 0; i < followups->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (followups, i);

      g_assert_null (strstr (text, row->participant_name));
      if (row->email != NULL && *row->email != '\0')
        g_assert_null (strstr (text, row->email));
      /* An administration may be part of the workshop's own title. */
      if (strstr (title, row->administration) == NULL)
        g_assert_null (strstr (text, row->administration));
    }

  replies = fu_store_list_replies (fixture->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < replies->len; i++)
    {
      const FuReplyRow *row = g_ptr_array_index (replies, i);

      if (g_strcmp0 (row->workshop_code, code) != 0)
        continue;
      if (row->reply.lessons_use != NULL && strlen (row->reply.lessons_use) > 12)
        g_assert_null (strstr (text, row->reply.lessons_use));
      if (row->reply.project_text != NULL && strlen (row->reply.project_text) > 12)
        g_assert_null (strstr (text, row->reply.project_text));
    }
}

/* The Non-Intrusive Inspection workshop: 26 participants, 12 replies (Tables 1 to 5, row
 * (2)). */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(FuFeedbackSheet) sheet = NULL;
  g_autofree char *text = NULL;
  guint n_pages = 0;

  if (!fu_test_have_pdftotext ())
    return;
  sheet = sheet_for (fixture, "2016-NII");
  g_assert_true (fu_feedback_sheet_shows_answers (sheet));
  g_assert_cmpuint (fu_feedback_sheet_get_replies (sheet), ==, 12);
  g_assert_cmpstr (fu_feedback_sheet_get_title (sheet), ==,
                   "Workshop feedback: WCO Regional Workshop on Non-Intrusive Inspection");
  text = pdf_text (sheet, fixture, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);

  g_assert_nonnull (strstr (text, "WCO Regional Workshop on Non-Intrusive Inspection"));
  g_assert_nonnull (strstr (text, "5–9 September 2016"));
  g_assert_nonnull (strstr (text, "Participants surveyed 26"));
  g_assert_nonnull (strstr (text, "Replies received 12"));
  g_assert_nonnull (strstr (text, "Reply rate 46%"));
  /* Q1, Table 2's row (2): 9 10 9 4 2 1 of 12 replies. */
  g_assert_nonnull (strstr (text, "Shared training materials 9 (75%)"));
  g_assert_nonnull (strstr (text, "Submitted a mission report 10 (83%)"));
  g_assert_nonnull (strstr (text, "Made recommendations 9 (75%)"));
  g_assert_nonnull (strstr (text, "Organized an in-house workshop 4 (33%)"));
  g_assert_nonnull (strstr (text, "Developed or updated manuals 2 (17%)"));
  g_assert_nonnull (strstr (text, "Other actions 1 (8%)"));
  /* Q3 to Q5, Tables 3 to 5's row (2). */
  g_assert_nonnull (strstr (text, "learned 9 (75%) 3 (25%) 0"));
  g_assert_nonnull (strstr (text, "9 (75%) 3 (25%) 0"));
  g_assert_nonnull (strstr (text, "12 (100%) 0 (0%) 0"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));

  assert_nobody_named (fixture, "2016-NII", "WCO Regional Workshop on Non-Intrusive Inspection",
                       text);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(FuFeedbackSheet) sheet = sheet_for (fixture, "2016-PCA");
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(GString) text = NULL;
  const struct {
    const char *item;
    const char *count;
  } expected[] = {
    /* Row (4) of the seed's tables. */
    { "workshop_code", "2016-PCA" },
    { "participants", "24" }, { "administrations", "24" }, { "replies", "19" },
    { "reply_rate", "79.2" },
    { "shared_materials", "15" }, { "submitted_report", "16" },
    { "made_recommendations", "13" }, { "inhouse_workshop", "9" },
    { "developed_manuals", "4" }, { "other_action", "6" },
    { "direct_effects_yes", "13" }, { "direct_effects_no", "6" },
    { "direct_effects_unanswered", "0" },
    { "contributed_yes", "19" }, { "contributed_no", "0" }, { "contributed_unanswered", "0" },
    { "project_yes", "14" }, { "project_no", "5" }, { "project_unanswered", "0" },
  };

  items = csv_items (sheet, &text);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_hash_table_lookup (items, expected[i].item), ==, expected[i].count);
  g_assert_true (g_hash_table_contains (items, "colleagues_learned"));
  g_assert_false (g_hash_table_contains (items, "note"));
  assert_nobody_named (fixture, "2016-PCA", "WCO Regional Workshop on Post Clearance Audit",
                       text->str);
}

/* Adds a workshop with @n participants, of whom @n_replied replied. */
static void
add_workshop (FuStore    *store,
              const char *code,
              gboolean    surveyed,
              guint       n,
              guint       n_replied)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(GPtrArray) admins = fu_store_list_administrations (store, &error);
  gint64 id;

  g_assert_no_error (error);
  workshop->code = g_strdup (code);
  workshop->title = g_strdup ("WCO Regional Workshop on Rules of Origin");
  workshop->start_date = fu_day_new (2019, 3, 28);
  workshop->end_date = fu_day_new (2019, 4, 2);
  workshop->surveyed = surveyed;
  id = fu_store_add_workshop (store, workshop, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FuParticipant) participant = fu_participant_new ();
      gint64 participant_id, attendance_id, followup_id = 0;

      participant->name = g_strdup_printf ("Officer %u", i);
      participant->email = g_strdup_printf ("officer%u@%s.example", i, code);
      participant->administration_id =
        ((FuAdministration *) g_ptr_array_index (admins, i))->id;
      participant_id = fu_store_add_participant (store, participant, &error);
      g_assert_no_error (error);
      attendance_id = fu_store_add_attendance (store, id, participant_id, &error);
      g_assert_no_error (error);
      if (i < n_replied)
        {
          g_autoptr(FuReply) reply = fu_reply_new ();

          g_assert_true (fu_store_lookup_followup (store, attendance_id, &followup_id,
                                                   &error));
          reply->followup_id = followup_id;
          reply->received_date = fu_day_new (2019, 10, 1);
          reply->actions[FU_ACTION_SUBMITTED_REPORT] = TRUE;
          reply->direct_effects = FU_ANSWER_YES;
          reply->lessons_use = g_strdup ("Only I know what I wrote here.");
          g_assert_true (fu_store_save_reply (store, reply, FALSE, &error));
          g_assert_no_error (error);
        }
    }
}

/* Two replies: each count would be someone's own answer, so the sheet gives the reply
 * rate and says why it stops there. */
static void
test_few_replies (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FuFeedbackSheet) sheet = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *text = NULL;

  if (!fu_test_have_pdftotext ())
    return;
  add_workshop (fixture->store, "2019-ROO", TRUE, 6, 2);
  sheet = sheet_for (fixture, "2019-ROO");
  g_assert_false (fu_feedback_sheet_shows_answers (sheet));

  text = pdf_text (sheet, fixture, NULL);
  g_assert_nonnull (strstr (text, "Participants surveyed 6"));
  g_assert_nonnull (strstr (text, "Replies received 2"));
  g_assert_nonnull (strstr (text, "Reply rate 33%"));
  g_assert_nonnull (strstr (text, "fewer than 3 replies"));
  g_assert_null (strstr (text, "Submitted a mission report"));
  g_assert_null (strstr (text, "Q3."));
  assert_nobody_named (fixture, "2019-ROO", "WCO Regional Workshop on Rules of Origin", text);

  items = csv_items (sheet, &csv);
  g_assert_cmpstr (g_hash_table_lookup (items, "replies"), ==, "2");
  g_assert_cmpstr (g_hash_table_lookup (items, "submitted_report"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (items, "direct_effects_yes"), ==, "");
  g_assert_nonnull (strstr (g_hash_table_lookup (items, "note"), "fewer than 3 replies"));
  assert_nobody_named (fixture, "2019-ROO", "WCO Regional Workshop on Rules of Origin",
                       csv->str);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuFeedbackSheet) sheet = NULL;

  add_workshop (fixture->store, "2019-ACC", FALSE, 3, 0);
  sheet = fu_feedback_sheet_new (fixture->store, workshop_id (fixture, "2019-ACC"), &error);
  g_assert_null (sheet);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2019-ACC"));
  g_clear_error (&error);

  sheet = fu_feedback_sheet_new (fixture->store, 123456, &error);
  g_assert_null (sheet);
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/feedback-sheet/pdf", Fixture, "sample", fixture_set_up, test_pdf,
              fixture_tear_down);
  g_test_add ("/report/feedback-sheet/csv", Fixture, "sample", fixture_set_up, test_csv,
              fixture_tear_down);
  g_test_add ("/report/feedback-sheet/few-replies", Fixture, NULL, fixture_set_up,
              test_few_replies, fixture_tear_down);
  g_test_add ("/report/feedback-sheet/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);

  return g_test_run ();
}
