/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <glib.h>
#include <string.h>

#include "fu-csv.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-export.h"
#include "fu-import.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-test-util.h"

#define BOM "\xEF\xBB\xBF"

/* ---- Building databases through the store ------------------------------------------------ */

static gint64
add_workshop (FuStore    *store,
              const char *code,
              const char *title,
              FuDay       start,
              FuDay       end)
{
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();

  workshop->code = g_strdup (code);
  workshop->title = g_strdup (title);
  workshop->start_date = start;
  workshop->end_date = end;
  return fu_test_add_workshop (store, workshop);
}

/* A participant at @workshop_id; returns the attendance's follow-up. */
static gint64
add_attendee (FuStore    *store,
              gint64      workshop_id,
              const char *name,
              const char *administration,
              const char *email)
{
  g_autoptr(FuParticipant) participant = fu_participant_new ();
  g_autoptr(GError) error = NULL;
  gint64 participant_id = 0;
  gint64 attendance_id;
  gint64 followup_id = 0;

  participant->name = g_strdup (name);
  participant->administration_id = fu_test_lookup_administration (store, administration);
  participant->email = g_strdup (email);
  g_assert_true (fu_store_lookup_participant (store, email, name,
                                              participant->administration_id,
                                              &participant_id, &error));
  g_assert_no_error (error);
  if (participant_id == 0)
    participant_id = fu_store_add_participant (store, participant, &error);
  g_assert_no_error (error);
  g_assert_cmpint (participant_id, >, 0);

  attendance_id = fu_store_add_attendance (store, workshop_id, participant_id, &error);
  g_assert_no_error (error);
  g_assert_true (fu_store_lookup_followup (store, attendance_id, &followup_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (followup_id, >, 0);
  return followup_id;
}

static void
save_reply (FuStore *store,
            FuReply *reply)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fu_store_save_reply (store, reply, FALSE, &error));
  g_assert_no_error (error);
}

/* A reply ticking the first @n_ticked of the actions, answering Q3 to Q5 with @answer. */
static void
simple_reply (FuStore  *store,
              gint64    followup_id,
              guint     n_ticked,
              FuAnswer  answer)
{
  g_autoptr(FuReply) reply = fu_reply_new ();

  reply->followup_id = followup_id;
  reply->received_date = fu_day_new (2017, 2, 15);
  for (guint i = 0; i < n_ticked && i < FU_N_ACTIONS; i++)
    reply->actions[i] = TRUE;
  reply->direct_effects = answer;
  reply->contributed = answer;
  reply->project_initiated = answer;
  save_reply (store, reply);
}

/* ---- Reading what was exported ----------------------------------------------------------- */

/* The exported rows as arrays of cells (the header first), as a spreadsheet would read them
 * but for the formula guard, which is left in. */
static GPtrArray *
read_csv (const GString *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuCsvReader) reader = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *header = g_ptr_array_new ();

  reader = fu_csv_reader_new ("export.csv", out->str, out->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < fu_csv_reader_get_n_columns (reader); i++)
    g_ptr_array_add (header, g_strdup (fu_csv_reader_get_column_name (reader, i)));
  g_ptr_array_add (header, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (header, FALSE));

  while (fu_csv_reader_next (reader, &error))
    {
      GPtrArray *cells = g_ptr_array_new ();

      /* Every row has as many cells as the header. */
      g_assert_cmpuint (fu_csv_reader_get_n_cells (reader), ==,
                        fu_csv_reader_get_n_columns (reader));
      for (guint i = 0; i < fu_csv_reader_get_n_cells (reader); i++)
        g_ptr_array_add (cells, g_strdup (fu_csv_reader_get_cell (reader, i)));
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
    }
  g_assert_no_error (error);
  return rows;
}

static const char *
cell (GPtrArray  *rows,
      guint       row,
      const char *column)
{
  char **header = g_ptr_array_index (rows, 0);
  char **cells;

  g_assert_cmpuint (row, <, rows->len);
  cells = g_ptr_array_index (rows, row);
  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], column))
      return cells[i];
  g_assert_not_reached ();
  return NULL;
}

static GString *
export_summary (FuStore       *store,
                guint          fiscal_year,
                FuExportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (fu_export_summary (store, fiscal_year, flags, out, &error));
  g_assert_no_error (error);
  return out;
}

static GString *
export_responses (FuStore *store,
                  FuDay    from,
                  FuDay    to)
{
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (fu_export_responses (store, from, to, FU_EXPORT_FLAGS_NONE, out, &error));
  g_assert_no_error (error);
  return out;
}

/* ---- Tests -------------------------------------------------------------------------------- */

static void
test_export_columns (void)
{
  /* DOMAIN.md, "Files that come in and go out": exactly these, in this order. */
  static const char * const summary[] = {
    "workshop_code", "workshop", "start_date", "end_date", "administrations",
    "participants", "replies", "reply_rate", "shared_materials", "submitted_report",
    "made_recommendations", "inhouse_workshop", "developed_manuals", "other_action",
    "direct_effects_yes", "direct_effects_no", "contributed_yes", "contributed_no",
    "project_yes", "project_no", "colleagues_learned", NULL
  };
  static const char * const responses[] = {
    "workshop_code", "name", "administration", "email", "received_date", "answered_by",
    "shared_materials", "colleagues_shared", "submitted_report", "made_recommendations",
    "inhouse_workshop", "developed_manuals", "other_action", "other_action_text",
    "colleagues_learned", "lessons_use", "direct_effects", "direct_effects_text",
    "contributed", "contributed_text", "project_initiated", "project_text", NULL
  };
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) replies = NULL;
  g_autofree char *summary_joined = g_strjoinv (",", (char **) summary);
  g_autofree char *responses_joined = g_strjoinv (",", (char **) responses);
  g_autofree char *summary_header = NULL;
  g_autofree char *responses_header = NULL;

  g_assert_cmpstrv (fu_export_summary_columns (), summary);
  g_assert_cmpstrv (fu_export_responses_columns (), responses);

  /* The files themselves start with exactly that header. */
  summary_header = g_strconcat (summary_joined, "\r\n", NULL);
  out = export_summary (store, 2016, FU_EXPORT_FLAGS_NONE);
  g_assert_true (g_str_has_prefix (out->str, summary_header));

  responses_header = g_strconcat (responses_joined, "\r\n", NULL);
  replies = export_responses (store, FU_DAY_NONE, FU_DAY_NONE);
  g_assert_cmpstr (replies->str, ==, responses_header);
}

/* A year without workshops still has its total, all zeros. */
static void
test_export_summary_empty (void)
{
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *header = g_strjoinv (",", (char **) fu_export_summary_columns ());

  out = export_summary (store, 2016, FU_EXPORT_FLAGS_NONE);
  rows = read_csv (out);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (cell (rows, 1, "workshop_code"), ==, "TOTAL");
  expected = g_strdup_printf ("%s\r\nTOTAL,%s,,,0,0,0,0.0,0,0,0,0,0,0,0,0,0,0,0,0,0\r\n",
                              header, cell (rows, 1, "workshop"));
  g_assert_cmpstr (out->str, ==, expected);

  /* A fiscal year that names no days is an error, and nothing is written. */
  {
    g_autoptr(GString) none = g_string_new (NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (fu_export_summary (store, 0, FU_EXPORT_FLAGS_NONE, none, &error));
    g_assert_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_export_summary_rows (void)
{
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *lines[4];
  g_auto(GStrv) split = NULL;
  gint64 w1, w2, w3, other_year;
  gint64 f;

  /* 5 of 8 replied: 62.5. 2 of 3: 66.666… rounds to 66.7. Nobody listed yet: 0.0. */
  w1 = add_workshop (store, "2016-INT", "=SUM(A1:A9) Integrity",
                     fu_day_new (2016, 7, 25), fu_day_new (2016, 7, 28));
  w2 = add_workshop (store, "2016-NII", "Non-Intrusive Inspection, Phase 2",
                     fu_day_new (2016, 9, 5), fu_day_new (2016, 9, 9));
  w3 = add_workshop (store, "2017-CV", "Customs Valuation",
                     fu_day_new (2017, 6, 12), fu_day_new (2017, 6, 16));
  other_year = add_workshop (store, "2017-NEXT", "Next year",
                             fu_day_new (2017, 7, 1), fu_day_new (2017, 7, 1));
  (void) w3;

  {
    static const char * const admins[8] = {
      "Fiji", "Samoa", "Tonga", "Vanuatu", "Fiji", "Papua New Guinea", "Samoa", "Fiji"
    };

    for (guint i = 0; i < 8; i++)
      {
        g_autofree char *name = g_strdup_printf ("Officer %u", i);

        f = add_attendee (store, w1, name, admins[i], NULL);
        if (i < 5)
          simple_reply (store, f, i, i % 2 == 0 ? FU_ANSWER_YES : FU_ANSWER_UNANSWERED);
      }
  }
  f = add_attendee (store, w2, "Ana Cruz", "Philippines", "ana@customs.example.ph");
  simple_reply (store, f, 6, FU_ANSWER_NO);
  f = add_attendee (store, w2, "Budi Santoso", "Indonesia", "budi@customs.example.id");
  simple_reply (store, f, 1, FU_ANSWER_YES);
  add_attendee (store, w2, "Chai Wong", "Thailand", NULL);
  f = add_attendee (store, other_year, "Dorji", "Bhutan", NULL);
  simple_reply (store, f, 6, FU_ANSWER_YES);

  out = export_summary (store, 2016, FU_EXPORT_FLAGS_NONE);
  split = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (split), ==, 6);   /* header, 3 rows, total, "" */
  g_assert_cmpstr (split[5], ==, "");

  /* Officers 0..4 ticked 0..4 actions (the first ones); 0, 2 and 4 said yes to Q3-Q5, the
   * others left them unanswered. The title is guarded against formulas. */
  lines[0] = "2016-INT,'=SUM(A1:A9) Integrity,2016-07-25,2016-07-28,5,8,5,62.5,"
             "4,3,2,1,0,0,3,0,3,0,3,0,0";
  lines[1] = "2016-NII,\"Non-Intrusive Inspection, Phase 2\",2016-09-05,2016-09-09,3,3,2,66.7,"
             "2,1,1,1,1,1,1,1,1,1,1,1,0";
  lines[2] = "2017-CV,Customs Valuation,2017-06-12,2017-06-16,0,0,0,0.0,"
             "0,0,0,0,0,0,0,0,0,0,0,0,0";
  g_assert_cmpstr (split[1], ==, lines[0]);
  g_assert_cmpstr (split[2], ==, lines[1]);
  g_assert_cmpstr (split[3], ==, lines[2]);

  /* The total: sums, 7 of 11 replied is 63.6, no dates. */
  rows = read_csv (out);
  g_assert_cmpstr (cell (rows, 4, "workshop_code"), ==, "TOTAL");
  g_assert_cmpstr (cell (rows, 4, "start_date"), ==, "");
  g_assert_cmpstr (cell (rows, 4, "end_date"), ==, "");
  g_assert_cmpstr (cell (rows, 4, "administrations"), ==, "8");
  g_assert_cmpstr (cell (rows, 4, "participants"), ==, "11");
  g_assert_cmpstr (cell (rows, 4, "replies"), ==, "7");
  g_assert_cmpstr (cell (rows, 4, "reply_rate"), ==, "63.6");
  g_assert_cmpstr (cell (rows, 4, "shared_materials"), ==, "6");
  g_assert_cmpstr (cell (rows, 4, "other_action"), ==, "1");
  g_assert_cmpstr (cell (rows, 4, "direct_effects_yes"), ==, "4");
  g_assert_cmpstr (cell (rows, 4, "direct_effects_no"), ==, "1");
  g_assert_cmpstr (cell (rows, 4, "project_no"), ==, "1");
  g_assert_cmpstr (cell (rows, 4, "colleagues_learned"), ==, "0");
  g_assert_true (g_str_has_prefix (split[4], "TOTAL,"));
  g_assert_true (g_str_has_suffix (split[4], ",,,8,11,7,63.6,6,4,3,2,1,1,4,1,4,1,4,1,0"));
}

/* The report's own figure: 148 replies of 261 is 56.7, not 56.8 or "56,7". */
static void
test_export_reply_rate_seed (void)
{
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 w;

  w = add_workshop (store, "2016-ALL", "All of the year",
                    fu_day_new (2016, 9, 1), fu_day_new (2016, 9, 2));
  g_assert_true (fu_store_begin (store, &error));
  for (guint i = 0; i < 261; i++)
    {
      g_autofree char *name = g_strdup_printf ("Officer %03u", i);
      gint64 f = add_attendee (store, w, name, "Japan", NULL);

      if (i < 148)
        simple_reply (store, f, 1, FU_ANSWER_YES);
    }
  g_assert_true (fu_store_commit (store, &error));
  g_assert_no_error (error);

  out = export_summary (store, 2016, FU_EXPORT_FLAGS_NONE);
  rows = read_csv (out);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (cell (rows, 1, "participants"), ==, "261");
  g_assert_cmpstr (cell (rows, 1, "replies"), ==, "148");
  g_assert_cmpstr (cell (rows, 1, "reply_rate"), ==, "56.7");
  g_assert_cmpstr (cell (rows, 2, "reply_rate"), ==, "56.7");
}

static void
test_export_bom (void)
{
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");
  g_autoptr(GString) plain = NULL;
  g_autoptr(GString) with_bom = NULL;
  g_autoptr(GString) replies = g_string_new (NULL);
  g_autoptr(GString) reminders = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  plain = export_summary (store, 2016, FU_EXPORT_FLAGS_NONE);
  with_bom = export_summary (store, 2016, FU_EXPORT_BOM);
  g_assert_true (g_str_has_prefix (plain->str, "workshop_code,"));
  g_assert_true (g_str_has_prefix (with_bom->str, BOM "workshop_code,"));
  /* The mark only, nothing else changes. */
  g_assert_cmpstr (with_bom->str + strlen (BOM), ==, plain->str);

  g_assert_true (fu_export_responses (store, FU_DAY_NONE, FU_DAY_NONE, FU_EXPORT_BOM,
                                      replies, &error));
  g_assert_true (g_str_has_prefix (replies->str, BOM "workshop_code,name,"));
  g_assert_true (fu_export_reminders (store, fu_day_new (2017, 1, 1), FU_EXPORT_BOM,
                                      reminders, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (reminders->str, ==,
                   BOM "workshop_code,workshop,administration,name,email,status,sent_date,"
                   "deadline,reminders_sent,last_reminder,days_overdue\r\n");
}

/* Two databases holding the same workshops and people; replies in @a only. */
typedef struct {
  FuStore *a;
  FuStore *b;
} Pair;

static void
add_people (FuStore *store,
            gint64  *followups)
{
  gint64 w1 = add_workshop (store, "2016-PCA", "Post Clearance Audit",
                            fu_day_new (2016, 9, 26), fu_day_new (2016, 9, 30));
  gint64 w2 = add_workshop (store, "2017-SEC", "Security Program",
                            fu_day_new (2017, 4, 18), fu_day_new (2017, 4, 21));

  followups[0] = add_attendee (store, w1, "Ana Cruz", "Philippines", "ana@customs.example.ph");
  followups[1] = add_attendee (store, w1, "Tui Sela", "Fiji", NULL);
  followups[2] = add_attendee (store, w1, "Kim \"MJ\" Min-ji", "Korea", "kim@customs.example.kr");
  followups[3] = add_attendee (store, w2, "Ana Cruz", "Philippines", "ana@customs.example.ph");
  followups[4] = add_attendee (store, w2, "Nguyen Van An", "Viet Nam", NULL);
  followups[5] = add_attendee (store, w2, "Sato Aiko", "Japan", "sato@customs.example.jp");
}

static void
add_replies (FuStore      *store,
             const gint64 *followups)
{
  g_autoptr(FuReply) r0 = fu_reply_new ();
  g_autoptr(FuReply) r1 = fu_reply_new ();
  g_autoptr(FuReply) r2 = fu_reply_new ();
  g_autoptr(FuReply) r4 = fu_reply_new ();

  /* Every field, with text a spreadsheet would take for formulas. */
  r0->followup_id = followups[0];
  r0->received_date = fu_day_new (2017, 3, 30);
  r0->answered_by = g_strdup ("@deputy, on leave cover");
  r0->actions[FU_ACTION_SHARED_MATERIALS] = TRUE;
  r0->actions[FU_ACTION_OTHER] = TRUE;
  r0->colleagues_shared = 12;
  r0->other_action_text = g_strdup ("=HYPERLINK(\"http://evil.example\")");
  r0->colleagues_learned = 40;
  r0->lessons_use = g_strdup ("+ audit plans\nrewritten, \"risk\" first");
  r0->direct_effects = FU_ANSWER_YES;
  r0->direct_effects_text = g_strdup ("-15% dwell time");
  r0->contributed = FU_ANSWER_NO;
  r0->contributed_text = g_strdup ("'quoted' already");
  r0->project_initiated = FU_ANSWER_YES;
  r0->project_text = g_strdup ("\tPCA unit");
  save_reply (store, r0);

  /* Nothing ticked, nothing answered, counts not given; matched by name. */
  r1->followup_id = followups[1];
  r1->received_date = fu_day_new (2017, 4, 2);
  save_reply (store, r1);

  /* Counts of zero are not blanks. */
  r2->followup_id = followups[2];
  r2->received_date = fu_day_new (2017, 3, 29);
  r2->actions[FU_ACTION_SUBMITTED_REPORT] = TRUE;
  r2->actions[FU_ACTION_INHOUSE_WORKSHOP] = TRUE;
  r2->colleagues_shared = 0;
  r2->colleagues_learned = 0;
  r2->direct_effects = FU_ANSWER_NO;
  r2->contributed = FU_ANSWER_YES;
  r2->contributed_text = g_strdup ("Más eficiencia — 效率");
  save_reply (store, r2);

  r4->followup_id = followups[4];
  r4->received_date = fu_day_new (2017, 11, 1);
  r4->actions[FU_ACTION_MADE_RECOMMENDATIONS] = TRUE;
  r4->actions[FU_ACTION_DEVELOPED_MANUALS] = TRUE;
  r4->project_initiated = FU_ANSWER_NO;
  save_reply (store, r4);
}

static void
pair_set_up (Pair          *pair,
             gconstpointer  data)
{
  gint64 followups_a[6];
  gint64 followups_b[6];

  pair->a = fu_test_open_store (":memory:");
  pair->b = fu_test_open_store (":memory:");
  add_people (pair->a, followups_a);
  add_people (pair->b, followups_b);
  add_replies (pair->a, followups_a);
}

static void
pair_tear_down (Pair          *pair,
                gconstpointer  data)
{
  g_clear_object (&pair->a);
  g_clear_object (&pair->b);
}

static void
test_export_responses_content (Pair          *pair,
                               gconstpointer  data)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  out = export_responses (pair->a, FU_DAY_NONE, FU_DAY_NONE);

  /* Guarded cells start with an apostrophe in the file. */
  g_assert_nonnull (strstr (out->str, ",\"'@deputy, on leave cover\","));
  g_assert_nonnull (strstr (out->str, ",\"'=HYPERLINK(\"\"http://evil.example\"\")\","));
  g_assert_nonnull (strstr (out->str, ",\"'+ audit plans\n"));
  g_assert_nonnull (strstr (out->str, ",'-15% dwell time,"));
  g_assert_nonnull (strstr (out->str, ",''quoted' already,"));
  g_assert_null (strstr (out->str, ",=HYPERLINK"));

  rows = read_csv (out);
  /* By workshop start, then administration: Fiji, Korea, Philippines; Viet Nam. */
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (cell (rows, 1, "name"), ==, "Tui Sela");
  g_assert_cmpstr (cell (rows, 2, "name"), ==, "Kim \"MJ\" Min-ji");
  g_assert_cmpstr (cell (rows, 3, "name"), ==, "Ana Cruz");
  g_assert_cmpstr (cell (rows, 4, "name"), ==, "Nguyen Van An");

  g_assert_cmpstr (cell (rows, 3, "workshop_code"), ==, "2016-PCA");
  g_assert_cmpstr (cell (rows, 3, "administration"), ==, "Philippines");
  g_assert_cmpstr (cell (rows, 3, "email"), ==, "ana@customs.example.ph");
  g_assert_cmpstr (cell (rows, 3, "received_date"), ==, "2017-03-30");
  g_assert_cmpstr (fu_csv_unguard (cell (rows, 3, "answered_by")), ==,
                   "@deputy, on leave cover");
  g_assert_cmpstr (cell (rows, 3, "shared_materials"), ==, "yes");
  g_assert_cmpstr (cell (rows, 3, "colleagues_shared"), ==, "12");
  g_assert_cmpstr (cell (rows, 3, "submitted_report"), ==, "no");
  g_assert_cmpstr (cell (rows, 3, "other_action"), ==, "yes");
  g_assert_cmpstr (fu_csv_unguard (cell (rows, 3, "other_action_text")), ==,
                   "=HYPERLINK(\"http://evil.example\")");
  g_assert_cmpstr (cell (rows, 3, "colleagues_learned"), ==, "40");
  g_assert_cmpstr (fu_csv_unguard (cell (rows, 3, "lessons_use")), ==,
                   "+ audit plans\nrewritten, \"risk\" first");
  g_assert_cmpstr (cell (rows, 3, "direct_effects"), ==, "yes");
  g_assert_cmpstr (cell (rows, 3, "contributed"), ==, "no");
  g_assert_cmpstr (fu_csv_unguard (cell (rows, 3, "contributed_text")), ==,
                   "'quoted' already");
  g_assert_cmpstr (cell (rows, 3, "project_initiated"), ==, "yes");
  g_assert_cmpstr (fu_csv_unguard (cell (rows, 3, "project_text")), ==, "\tPCA unit");

  /* Unanswered questions and counts not given are blank; ticks are never blank. */
  g_assert_cmpstr (cell (rows, 1, "email"), ==, "");
  g_assert_cmpstr (cell (rows, 1, "answered_by"), ==, "");
  g_assert_cmpstr (cell (rows, 1, "shared_materials"), ==, "no");
  g_assert_cmpstr (cell (rows, 1, "other_action"), ==, "no");
  g_assert_cmpstr (cell (rows, 1, "colleagues_shared"), ==, "");
  g_assert_cmpstr (cell (rows, 1, "colleagues_learned"), ==, "");
  g_assert_cmpstr (cell (rows, 1, "direct_effects"), ==, "");
  g_assert_cmpstr (cell (rows, 1, "contributed"), ==, "");
  g_assert_cmpstr (cell (rows, 1, "project_initiated"), ==, "");
  g_assert_cmpstr (cell (rows, 2, "colleagues_shared"), ==, "0");
  g_assert_cmpstr (cell (rows, 2, "colleagues_learned"), ==, "0");
  g_assert_cmpstr (cell (rows, 2, "direct_effects"), ==, "no");
  g_assert_cmpstr (cell (rows, 2, "contributed_text"), ==, "Más eficiencia — 效率");

  /* The range bounds the workshops' start dates. */
  {
    g_autoptr(GString) first_only = export_responses (pair->a, FU_DAY_NONE,
                                                      fu_day_new (2017, 4, 17));
    g_autoptr(GString) second_only = export_responses (pair->a, fu_day_new (2017, 4, 18),
                                                       FU_DAY_NONE);
    g_autoptr(GPtrArray) first_rows = read_csv (first_only);
    g_autoptr(GPtrArray) second_rows = read_csv (second_only);

    g_assert_cmpuint (first_rows->len, ==, 4);
    g_assert_cmpuint (second_rows->len, ==, 2);
    g_assert_cmpstr (cell (second_rows, 1, "workshop_code"), ==, "2017-SEC");
  }
}

/* What one database exports, another imports unchanged: the same bytes come out again. */
static void
test_export_responses_round_trip (Pair          *pair,
                                  gconstpointer  data)
{
  g_autoptr(GString) first = NULL;
  g_autoptr(GString) second = NULL;
  g_autoptr(GString) third = NULL;
  g_autoptr(FuImportResult) result = NULL;
  g_autoptr(FuImportResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FuReply) reply = NULL;
  gint64 ana = 0;
  gint64 workshop = 0;
  gint64 attendance = 0;
  gint64 followup = 0;

  first = export_responses (pair->a, FU_DAY_NONE, FU_DAY_NONE);
  g_assert_true (fu_import_data (pair->b, FU_IMPORT_RESPONSES, "responses.csv",
                                 first->str, first->len, FU_IMPORT_FLAGS_NONE, &result,
                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->rows, ==, 4);
  g_assert_cmpuint (result->replies_added, ==, 4);
  g_assert_cmpuint (result->n_issues, ==, 0);

  second = export_responses (pair->b, FU_DAY_NONE, FU_DAY_NONE);
  g_assert_cmpstr (second->str, ==, first->str);
  g_assert_cmpuint (second->len, ==, first->len);

  /* The text came back as the participant wrote it, not as the guard shows it. */
  g_assert_true (fu_store_lookup_participant (pair->b, "ana@customs.example.ph", NULL, 0,
                                              &ana, &error));
  g_assert_true (fu_store_lookup_workshop (pair->b, "2016-PCA", &workshop, &error));
  g_assert_true (fu_store_lookup_attendance (pair->b, workshop, ana, &attendance, &error));
  g_assert_true (fu_store_lookup_followup (pair->b, attendance, &followup, &error));
  reply = fu_store_get_reply (pair->b, followup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_assert_cmpstr (reply->answered_by, ==, "@deputy, on leave cover");
  g_assert_cmpstr (reply->other_action_text, ==, "=HYPERLINK(\"http://evil.example\")");
  g_assert_cmpstr (reply->direct_effects_text, ==, "-15% dwell time");
  g_assert_cmpstr (reply->contributed_text, ==, "'quoted' already");
  g_assert_cmpstr (reply->project_text, ==, "\tPCA unit");
  g_assert_cmpint (reply->colleagues_shared, ==, 12);
  g_assert_cmpint (reply->colleagues_learned, ==, 40);

  /* Importing the same file again changes nothing. */
  g_assert_true (fu_import_data (pair->b, FU_IMPORT_RESPONSES, "responses.csv",
                                 first->str, first->len, FU_IMPORT_FLAGS_NONE, &again,
                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->replies_added, ==, 0);
  g_assert_cmpuint (again->unchanged, ==, 4);
  third = export_responses (pair->b, FU_DAY_NONE, FU_DAY_NONE);
  g_assert_cmpstr (third->str, ==, first->str);
}

/* The summary of the database that imported the replies is the same as the original's. */
static void
test_export_summary_after_import (Pair          *pair,
                                  gconstpointer  data)
{
  g_autoptr(GString) replies = NULL;
  g_autoptr(GString) summary_a = NULL;
  g_autoptr(GString) summary_b = NULL;
  g_autoptr(GError) error = NULL;

  replies = export_responses (pair->a, FU_DAY_NONE, FU_DAY_NONE);
  g_assert_true (fu_import_data (pair->b, FU_IMPORT_RESPONSES, "responses.csv",
                                 replies->str, replies->len, FU_IMPORT_FLAGS_NONE, NULL,
                                 &error));
  g_assert_no_error (error);

  summary_a = export_summary (pair->a, 2016, FU_EXPORT_FLAGS_NONE);
  summary_b = export_summary (pair->b, 2016, FU_EXPORT_FLAGS_NONE);
  g_assert_cmpstr (summary_b->str, ==, summary_a->str);
  /* 2016-PCA: Philippines, Fiji, Korea; 3 of 3 replied. 2017-SEC: 1 of 3. */
  g_assert_nonnull (strstr (summary_a->str, "\r\n2016-PCA,Post Clearance Audit,2016-09-26,"
                            "2016-09-30,3,3,3,100.0,1,1,0,1,0,1,1,1,1,1,1,0,40\r\n"));
  g_assert_nonnull (strstr (summary_a->str, "\r\n2017-SEC,Security Program,2017-04-18,"
                            "2017-04-21,3,3,1,33.3,0,0,1,0,1,0,0,0,0,0,0,1,0\r\n"));
}

static void
test_export_reminders (void)
{
  g_autoptr(FuStore) store = fu_test_open_store (":memory:");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) later = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 early, late, unsent;
  gint64 f_ana, f_tui, f_kim, f_rao, f_sato, f_lee, f_bo;
  guint n = 0;

  /* Sent 1 December 2016: deadline 31 December, overdue by 28 January. */
  early = add_workshop (store, "2016-INT", "=Integrity",
                        fu_day_new (2016, 5, 20), fu_day_new (2016, 6, 1));
  f_tui = add_attendee (store, early, "Tui Sela", "Fiji", NULL);
  f_ana = add_attendee (store, early, "Ana Cruz", "Philippines", "ana@customs.example.ph");
  f_kim = add_attendee (store, early, "Kim Min", "Korea", "kim@customs.example.kr");
  g_assert_true (fu_store_mark_sent (store, early, fu_day_new (2016, 12, 1), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (fu_store_mark_followups_reminded (store, &f_ana, 1, fu_day_new (2016, 12, 25),
                                                   &error));
  g_assert_no_error (error);
  /* Kim left the service: closed, not chased. */
  g_assert_true (fu_store_close_followup (store, f_kim, fu_day_new (2017, 1, 5),
                                          "Left the service", &error));
  g_assert_no_error (error);

  /* Sent 3 January 2017: deadline 2 February, reminders due from 26 January. */
  late = add_workshop (store, "2016-PCA", "Post Clearance Audit",
                       fu_day_new (2016, 7, 1), fu_day_new (2016, 7, 3));
  f_sato = add_attendee (store, late, "Sato Aiko", "Japan", "sato@customs.example.jp");
  f_rao = add_attendee (store, late, "Rao Devi", "India", NULL);
  f_lee = add_attendee (store, late, "Lee Wan", "Singapore", NULL);
  f_bo = add_attendee (store, late, "Bo Bo", "Myanmar", NULL);
  g_assert_true (fu_store_mark_sent (store, late, fu_day_new (2017, 1, 3), &n, &error));
  g_assert_no_error (error);
  {
    g_autoptr(FuReply) reply = fu_reply_new ();

    /* Replied before the day asked about: not chased. */
    reply->followup_id = f_lee;
    reply->received_date = fu_day_new (2017, 1, 20);
    save_reply (store, reply);
  }
  /* Reminded within the window: nothing more to do yet. */
  g_assert_true (fu_store_mark_followups_reminded (store, &f_bo, 1, fu_day_new (2017, 1, 27),
                                                   &error));
  g_assert_no_error (error);

  /* Not sent yet: nothing to chase. */
  unsent = add_workshop (store, "2016-SEC", "Security",
                         fu_day_new (2016, 8, 1), fu_day_new (2016, 8, 4));
  add_attendee (store, unsent, "Dorji", "Bhutan", NULL);

  g_assert_true (fu_export_reminders (store, fu_day_new (2017, 1, 28), FU_EXPORT_FLAGS_NONE,
                                      out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out->str, ==,
                   "workshop_code,workshop,administration,name,email,status,sent_date,"
                   "deadline,reminders_sent,last_reminder,days_overdue\r\n"
                   "2016-INT,'=Integrity,Fiji,Tui Sela,,overdue,2016-12-01,2016-12-31,0,,28\r\n"
                   "2016-INT,'=Integrity,Philippines,Ana Cruz,ana@customs.example.ph,overdue,"
                   "2016-12-01,2016-12-31,1,2016-12-25,28\r\n"
                   "2016-PCA,Post Clearance Audit,India,Rao Devi,,reminder-due,2017-01-03,"
                   "2017-02-02,0,,0\r\n"
                   "2016-PCA,Post Clearance Audit,Japan,Sato Aiko,sato@customs.example.jp,"
                   "reminder-due,2017-01-03,2017-02-02,0,,0\r\n");
  (void) f_tui;
  (void) f_rao;
  (void) f_sato;

  /* A week later everyone left in 2016-PCA is overdue, Bo Bo too, despite the reminder. */
  g_assert_true (fu_export_reminders (store, fu_day_new (2017, 2, 4), FU_EXPORT_FLAGS_NONE,
                                      later, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (later->str, "\r\n2016-PCA,Post Clearance Audit,Myanmar,Bo Bo,,"
                            "overdue,2017-01-03,2017-02-02,1,2017-01-27,2\r\n"));
  g_assert_null (strstr (later->str, "Lee Wan"));
  g_assert_null (strstr (later->str, "Kim Min"));
  g_assert_null (strstr (later->str, "Dorji"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (fu_test_skip_without_team_server ())
    return 0;

  g_test_add_func ("/core/export/columns", test_export_columns);
  g_test_add_func ("/core/export/summary-empty", test_export_summary_empty);
  g_test_add_func ("/core/export/summary-rows", test_export_summary_rows);
  g_test_add_func ("/core/export/reply-rate-seed", test_export_reply_rate_seed);
  g_test_add_func ("/core/export/bom", test_export_bom);
  g_test_add ("/core/export/responses", Pair, NULL, pair_set_up,
              test_export_responses_content, pair_tear_down);
  g_test_add ("/core/export/round-trip", Pair, NULL, pair_set_up,
              test_export_responses_round_trip, pair_tear_down);
  g_test_add ("/core/export/summary-after-import", Pair, NULL, pair_set_up,
              test_export_summary_after_import, pair_tear_down);
  g_test_add_func ("/core/export/reminders", test_export_reminders);

  return g_test_run ();
}
