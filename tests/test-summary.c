/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-summary"

#include "config.h"

#include <glib.h>
#include <string.h>

#include "fu-day.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-test-util.h"

/* A small office history, built through the store like the application would:
 *
 *   2016-A    FY2015/16  starts 30 June 2016 (the fiscal year's last day)
 *                        China (Chen): replied, in-house workshop
 *   2016-B    FY2016/17  starts 1 July 2016 (the fiscal year's first day)
 *                        Japan (Aoki, Baba), Korea (Kim), Fiji (Tui): four replies
 *   2016-ACC  FY2016/17  accreditation workshop, not surveyed; Korea (Kim) attends
 *   2017-AA   FY2016/17  starts 10 March 2017, surveyed but nobody recorded yet
 *   2017-C    FY2016/17  starts 10 March 2017; Japan (Aoki again), India (Rao): one reply
 *   2017-E    FY2017/18  starts 1 July 2017; Japan (Baba), no reply
 */
typedef struct {
  FuStore *store;
  gint64   japan;
  gint64   korea;
  gint64   fiji;
  gint64   india;
  gint64   china;
  gint64   ws_a;
  gint64   ws_b;
  gint64   ws_acc;
  gint64   ws_aa;
  gint64   ws_c;
  gint64   ws_e;
} Fixture;

static gint64
add_workshop (FuStore    *store,
              const char *code,
              const char *title,
              FuDay       start,
              FuDay       end,
              gboolean    surveyed)
{
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();

  workshop->code = g_strdup (code);
  workshop->title = g_strdup (title);
  workshop->start_date = start;
  workshop->end_date = end;
  workshop->surveyed = surveyed;
  return fu_test_add_workshop (store, workshop);
}

static gint64
add_participant (FuStore    *store,
                 const char *name,
                 gint64      administration_id,
                 const char *email)
{
  g_autoptr(FuParticipant) participant = fu_participant_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  participant->name = g_strdup (name);
  participant->administration_id = administration_id;
  participant->email = g_strdup (email);
  id = fu_store_add_participant (store, participant, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

#define attend fu_test_attend

/* A reply: @ticks is a string of action letters (s, r, m, i, d, o in the questionnaire's
 * order), @learned the Q1bis count (-1 = not given), then Q3 to Q5. */
static void
reply (FuStore    *store,
       gint64      followup_id,
       FuDay       received,
       const char *ticks,
       gint        learned,
       FuAnswer    direct_effects,
       FuAnswer    contributed,
       FuAnswer    project)
{
  static const char letters[FU_N_ACTIONS] = { 's', 'r', 'm', 'i', 'd', 'o' };
  g_autoptr(FuReply) r = fu_reply_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (followup_id, >, 0);
  r->followup_id = followup_id;
  r->received_date = received;
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    r->actions[i] = (strchr (ticks, letters[i]) != NULL);
  if (r->actions[FU_ACTION_OTHER])
    r->other_action_text = g_strdup ("Briefed the port teams");
  r->colleagues_learned = learned;
  r->direct_effects = direct_effects;
  r->contributed = contributed;
  r->project_initiated = project;
  g_assert_true (fu_store_save_reply (store, r, FALSE, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FuStore *store;
  gint64 chen, aoki, baba, kim, tui, rao;
  gint64 f;
  FuDay received = fu_day_new (2017, 2, 1);

  fx->store = store = fu_test_open_store (":memory:");

  fx->japan = fu_test_lookup_administration (store, "Japan");
  fx->korea = fu_test_lookup_administration (store, "Korea");
  fx->fiji = fu_test_lookup_administration (store, "Fiji");
  fx->india = fu_test_lookup_administration (store, "India");
  fx->china = fu_test_lookup_administration (store, "China");

  fx->ws_a = add_workshop (store, "2016-A", "Risk Management",
                           fu_day_new (2016, 6, 30), fu_day_new (2016, 7, 1), TRUE);
  fx->ws_b = add_workshop (store, "2016-B", "Post Clearance Audit",
                           fu_day_new (2016, 7, 1), fu_day_new (2016, 7, 3), TRUE);
  fx->ws_acc = add_workshop (store, "2016-ACC", "Accreditation of Experts",
                             fu_day_new (2016, 9, 1), fu_day_new (2016, 9, 5), FALSE);
  fx->ws_c = add_workshop (store, "2017-C", "Coordinated Border Management",
                           fu_day_new (2017, 3, 10), fu_day_new (2017, 3, 12), TRUE);
  /* Added after 2017-C but same start: the code orders them. */
  fx->ws_aa = add_workshop (store, "2017-AA", "Authorized Economic Operators",
                            fu_day_new (2017, 3, 10), fu_day_new (2017, 3, 11), TRUE);
  fx->ws_e = add_workshop (store, "2017-E", "Data Analysis",
                           fu_day_new (2017, 7, 1), fu_day_new (2017, 7, 2), TRUE);

  chen = add_participant (store, "Chen Li", fx->china, "chen@customs.example.cn");
  aoki = add_participant (store, "Aoki Ken", fx->japan, "aoki@customs.example.jp");
  baba = add_participant (store, "Baba Yui", fx->japan, NULL);
  kim = add_participant (store, "Kim Min", fx->korea, "kim@customs.example.kr");
  tui = add_participant (store, "Tui Sela", fx->fiji, NULL);
  rao = add_participant (store, "Rao Devi", fx->india, "rao@customs.example.in");

  f = attend (store, fx->ws_a, chen);
  reply (store, f, fu_day_new (2017, 1, 10), "i", 3,
         FU_ANSWER_YES, FU_ANSWER_YES, FU_ANSWER_YES);

  f = attend (store, fx->ws_b, aoki);
  reply (store, f, received, "si", 10, FU_ANSWER_YES, FU_ANSWER_YES, FU_ANSWER_NO);
  f = attend (store, fx->ws_b, baba);
  reply (store, f, received, "i", -1,
         FU_ANSWER_UNANSWERED, FU_ANSWER_UNANSWERED, FU_ANSWER_UNANSWERED);
  f = attend (store, fx->ws_b, kim);
  reply (store, f, received, "rm", -1, FU_ANSWER_NO, FU_ANSWER_UNANSWERED, FU_ANSWER_YES);
  f = attend (store, fx->ws_b, tui);
  reply (store, f, received, "io", 5,
         FU_ANSWER_UNANSWERED, FU_ANSWER_YES, FU_ANSWER_UNANSWERED);

  /* Not surveyed: no follow-up, and nothing of it is counted. */
  f = attend (store, fx->ws_acc, kim);
  g_assert_cmpint (f, ==, 0);

  f = attend (store, fx->ws_c, aoki);
  f = attend (store, fx->ws_c, rao);
  reply (store, f, fu_day_new (2017, 10, 2), "di", 0,
         FU_ANSWER_YES, FU_ANSWER_NO, FU_ANSWER_NO);

  f = attend (store, fx->ws_e, baba);
  g_assert_cmpint (f, >, 0);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
}

static GPtrArray *
summary_of_year (FuStore       *store,
                 guint          fiscal_year,
                 FuSummaryRow **total)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  FuRules rules;
  FuDay first, last;

  fu_store_get_rules (store, &rules);
  fu_fiscal_year_range (&rules, fiscal_year, &first, &last);
  rows = fu_store_summary (store, first, last, total, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_nonnull (*total);
  return rows;
}

static void
assert_counts (const FuSummaryRow *row,
               guint               administrations,
               guint               participants,
               guint               replies,
               const guint         actions[FU_N_ACTIONS],
               guint               direct_effects_yes,
               guint               direct_effects_no,
               guint               contributed_yes,
               guint               contributed_no,
               guint               project_yes,
               guint               project_no,
               guint               colleagues_learned)
{
  g_assert_cmpuint (row->administrations, ==, administrations);
  g_assert_cmpuint (row->participants, ==, participants);
  g_assert_cmpuint (row->replies, ==, replies);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    g_assert_cmpuint (row->actions[i], ==, actions[i]);
  g_assert_cmpuint (row->direct_effects_yes, ==, direct_effects_yes);
  g_assert_cmpuint (row->direct_effects_no, ==, direct_effects_no);
  g_assert_cmpuint (row->contributed_yes, ==, contributed_yes);
  g_assert_cmpuint (row->contributed_no, ==, contributed_no);
  g_assert_cmpuint (row->project_yes, ==, project_yes);
  g_assert_cmpuint (row->project_no, ==, project_no);
  g_assert_cmpuint (row->colleagues_learned, ==, colleagues_learned);
}

static void
test_summary_rows (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuSummaryRow) total = NULL;
  const FuSummaryRow *row;

  rows = summary_of_year (fx->store, 2016, &total);

  /* Surveyed workshops of FY2016/17 by start date, then code; the accreditation workshop
   * and the neighbouring years' workshops are left out. */
  g_assert_cmpuint (rows->len, ==, 3);

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->workshop_id, ==, fx->ws_b);
  g_assert_cmpstr (row->code, ==, "2016-B");
  g_assert_cmpstr (row->title, ==, "Post Clearance Audit");
  g_assert_cmpuint (row->start_date, ==, fu_day_new (2016, 7, 1));
  g_assert_cmpuint (row->end_date, ==, fu_day_new (2016, 7, 3));
  /* Japan twice, Korea, Fiji; Aoki shared, Kim reported and recommended, Aoki, Baba and
   * Tui organized in-house workshops, Tui something else. Q3: Aoki yes, Kim no, two left
   * unanswered; Q4: Aoki and Tui yes; Q5: Kim yes, Aoki no. Q1bis 10 + 5, Baba and Kim
   * gave none. */
  assert_counts (row, 3, 4, 4, (const guint[]) { 1, 1, 1, 3, 0, 1 },
                 1, 1, 2, 0, 1, 1, 15);

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->workshop_id, ==, fx->ws_aa);
  g_assert_cmpstr (row->code, ==, "2017-AA");
  assert_counts (row, 0, 0, 0, (const guint[]) { 0, 0, 0, 0, 0, 0 },
                 0, 0, 0, 0, 0, 0, 0);

  row = g_ptr_array_index (rows, 2);
  g_assert_cmpint (row->workshop_id, ==, fx->ws_c);
  g_assert_cmpstr (row->code, ==, "2017-C");
  g_assert_cmpstr (row->title, ==, "Coordinated Border Management");
  /* Aoki has not replied; Rao replied with a Q1bis of 0, which counts as 0. */
  assert_counts (row, 2, 2, 1, (const guint[]) { 0, 0, 0, 1, 1, 0 },
                 1, 0, 0, 1, 0, 1, 0);

  g_assert_cmpint (total->workshop_id, ==, 0);
  g_assert_cmpstr (total->code, ==, "TOTAL");
  g_assert_nonnull (total->title);
  g_assert_cmpuint (total->start_date, ==, FU_DAY_NONE);
  g_assert_cmpuint (total->end_date, ==, FU_DAY_NONE);
  /* The total of administrations is the sum of the rows (Japan counts in both), as the
   * report's 261 is. */
  assert_counts (total, 5, 6, 5, (const guint[]) { 1, 1, 1, 4, 1, 1 },
                 2, 1, 2, 1, 1, 2, 15);
}

static void
test_summary_fiscal_year_bounds (Fixture       *fx,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) day = NULL;
  g_autoptr(FuSummaryRow) total_before = NULL;
  g_autoptr(FuSummaryRow) total_after = NULL;
  g_autoptr(FuSummaryRow) total_day = NULL;
  g_autoptr(GError) error = NULL;
  const FuSummaryRow *row;

  /* 30 June 2016 closes FY2015/16. */
  before = summary_of_year (fx->store, 2015, &total_before);
  g_assert_cmpuint (before->len, ==, 1);
  row = g_ptr_array_index (before, 0);
  g_assert_cmpstr (row->code, ==, "2016-A");
  g_assert_cmpuint (total_before->participants, ==, 1);
  g_assert_cmpuint (total_before->replies, ==, 1);
  g_assert_cmpuint (total_before->colleagues_learned, ==, 3);

  /* 1 July 2017 opens FY2017/18. */
  after = summary_of_year (fx->store, 2017, &total_after);
  g_assert_cmpuint (after->len, ==, 1);
  row = g_ptr_array_index (after, 0);
  g_assert_cmpstr (row->code, ==, "2017-E");
  g_assert_cmpuint (row->participants, ==, 1);
  g_assert_cmpuint (row->replies, ==, 0);

  /* Both ends of the range are included. */
  day = fu_store_summary (fx->store, fu_day_new (2016, 6, 30), fu_day_new (2016, 7, 1),
                          &total_day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 2);
  g_assert_cmpstr (((FuSummaryRow *) g_ptr_array_index (day, 0))->code, ==, "2016-A");
  g_assert_cmpstr (((FuSummaryRow *) g_ptr_array_index (day, 1))->code, ==, "2016-B");
  g_assert_cmpuint (total_day->participants, ==, 5);
  g_assert_cmpuint (total_day->replies, ==, 5);
}

static void
test_summary_open_range (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuSummaryRow) total = NULL;
  g_autoptr(GError) error = NULL;

  rows = fu_store_summary (fx->store, FU_DAY_NONE, FU_DAY_NONE, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (((FuSummaryRow *) g_ptr_array_index (rows, 0))->code, ==, "2016-A");
  g_assert_cmpstr (((FuSummaryRow *) g_ptr_array_index (rows, 4))->code, ==, "2017-E");
  g_assert_cmpuint (total->administrations, ==, 1 + 3 + 0 + 2 + 1);
  g_assert_cmpuint (total->participants, ==, 8);
  g_assert_cmpuint (total->replies, ==, 6);
  g_assert_cmpuint (total->actions[FU_ACTION_INHOUSE_WORKSHOP], ==, 5);
}

static void
test_summary_empty_year (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuSummaryRow) total = NULL;

  rows = summary_of_year (fx->store, 2010, &total);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpstr (total->code, ==, "TOTAL");
  assert_counts (total, 0, 0, 0, (const guint[]) { 0, 0, 0, 0, 0, 0 },
                 0, 0, 0, 0, 0, 0, 0);
}

static void
assert_trend_point (GArray *trend,
                    guint   index,
                    guint   fiscal_year,
                    guint   workshops,
                    guint   participants,
                    guint   replies)
{
  const FuTrendPoint *point = &g_array_index (trend, FuTrendPoint, index);

  g_assert_cmpuint (point->fiscal_year, ==, fiscal_year);
  g_assert_cmpuint (point->workshops, ==, workshops);
  g_assert_cmpuint (point->participants, ==, participants);
  g_assert_cmpuint (point->replies, ==, replies);
}

static void
test_summary_trend (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GError) error = NULL;

  trend = fu_store_reply_rate_trend (fx->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trend);
  g_assert_cmpuint (trend->len, ==, 3);
  assert_trend_point (trend, 0, 2015, 1, 1, 1);
  assert_trend_point (trend, 1, 2016, 3, 6, 5);
  assert_trend_point (trend, 2, 2017, 1, 1, 0);
}

static void
test_summary_trend_calendar_years (Fixture       *fx,
                                   gconstpointer  data)
{
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GError) error = NULL;
  FuRules rules;

  /* An office whose fiscal year is the calendar year. */
  fu_store_get_rules (fx->store, &rules);
  rules.fiscal_year_start_month = 1;
  g_assert_true (fu_store_set_rules (fx->store, &rules, &error));
  g_assert_no_error (error);

  trend = fu_store_reply_rate_trend (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 2);
  /* 2016: 2016-A and 2016-B; 2017: 2017-AA, 2017-C and 2017-E. */
  assert_trend_point (trend, 0, 2016, 2, 5, 5);
  assert_trend_point (trend, 1, 2017, 3, 3, 1);
}

static void
test_summary_trend_empty (void)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GArray) trend = NULL;
  g_autoptr(GError) error = NULL;

  store = fu_test_open_store (":memory:");
  trend = fu_store_reply_rate_trend (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trend);
  g_assert_cmpuint (trend->len, ==, 0);
}

static void
test_summary_inhouse (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  const FuInhouseRow *row;
  FuRules rules;
  FuDay first, last;

  fu_store_get_rules (fx->store, &rules);
  fu_fiscal_year_range (&rules, 2016, &first, &last);
  rows = fu_store_inhouse_administrations (fx->store, first, last, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  /* By name: Fiji (Tui), India (Rao), Japan (Aoki and Baba). Korea ticked no in-house
   * workshop; China's was in FY2015/16. */
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->administration_id, ==, fx->fiji);
  g_assert_cmpstr (row->name, ==, "Fiji");
  g_assert_cmpuint (row->inhouse_workshops, ==, 1);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->administration_id, ==, fx->india);
  g_assert_cmpstr (row->name, ==, "India");
  g_assert_cmpuint (row->inhouse_workshops, ==, 1);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpint (row->administration_id, ==, fx->japan);
  g_assert_cmpstr (row->name, ==, "Japan");
  g_assert_cmpuint (row->inhouse_workshops, ==, 2);

  all = fu_store_inhouse_administrations (fx->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  row = g_ptr_array_index (all, 0);
  g_assert_cmpstr (row->name, ==, "China");
  g_assert_cmpuint (row->inhouse_workshops, ==, 1);
}

/* A deleted reply stops counting everywhere. */
static void
test_summary_reply_deleted (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuSummaryRow) total = NULL;
  g_autoptr(GPtrArray) inhouse = NULL;
  g_autoptr(GError) error = NULL;
  gint64 followup_id = 0;
  gint64 attendance_id = 0;
  gint64 rao = 0;

  g_assert_true (fu_store_lookup_participant (fx->store, "rao@customs.example.in", NULL, 0,
                                              &rao, &error));
  g_assert_cmpint (rao, >, 0);
  g_assert_true (fu_store_lookup_attendance (fx->store, fx->ws_c, rao, &attendance_id,
                                             &error));
  g_assert_true (fu_store_lookup_followup (fx->store, attendance_id, &followup_id, &error));
  g_assert_true (fu_store_delete_reply (fx->store, followup_id, &error));
  g_assert_no_error (error);

  rows = summary_of_year (fx->store, 2016, &total);
  g_assert_cmpuint (((FuSummaryRow *) g_ptr_array_index (rows, 2))->participants, ==, 2);
  g_assert_cmpuint (((FuSummaryRow *) g_ptr_array_index (rows, 2))->replies, ==, 0);
  g_assert_cmpuint (total->replies, ==, 4);
  g_assert_cmpuint (total->actions[FU_ACTION_DEVELOPED_MANUALS], ==, 0);
  g_assert_cmpuint (total->direct_effects_yes, ==, 1);

  inhouse = fu_store_inhouse_administrations (fx->store, fu_day_new (2016, 7, 1),
                                              fu_day_new (2017, 6, 30), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inhouse->len, ==, 2);
}

/* Many workshops: every attendance is counted once, whatever the joins multiply. */
static void
test_summary_many (void)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuSummaryRow) total = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_workshops = 120;
  const guint n_attendees = 25;
  FuDay start = fu_day_new (2016, 7, 1);

  store = fu_test_open_store (":memory:");
  admins = fu_store_list_administrations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (admins->len, >=, 33);

  g_assert_true (fu_store_begin (store, &error));
  for (guint w = 0; w < n_workshops; w++)
    {
      g_autofree char *code = g_strdup_printf ("W%04u", w);
      gint64 ws = add_workshop (store, code, "Workshop", start + w, start + w + 2, TRUE);

      for (guint p = 0; p < n_attendees; p++)
        {
          const FuAdministration *admin = g_ptr_array_index (admins, p % 20);
          g_autofree char *name = g_strdup_printf ("Officer %u-%u", w, p);
          gint64 participant = add_participant (store, name, admin->id, NULL);
          gint64 f = attend (store, ws, participant);

          /* Every other attendee replies, ticking the report and learning 2. */
          if (p % 2 == 0)
            reply (store, f, start + 200, "r", 2,
                   FU_ANSWER_YES, FU_ANSWER_UNANSWERED, FU_ANSWER_NO);
        }
    }
  g_assert_true (fu_store_commit (store, &error));
  g_assert_no_error (error);

  rows = fu_store_summary (store, start, start + 365, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, n_workshops);
  for (guint i = 0; i < rows->len; i++)
    {
      const FuSummaryRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->start_date, ==, start + i);
      g_assert_cmpuint (row->administrations, ==, 20);
      g_assert_cmpuint (row->participants, ==, 25);
      g_assert_cmpuint (row->replies, ==, 13);
      g_assert_cmpuint (row->actions[FU_ACTION_SUBMITTED_REPORT], ==, 13);
      g_assert_cmpuint (row->colleagues_learned, ==, 26);
    }
  g_assert_cmpuint (total->administrations, ==, 20 * n_workshops);
  g_assert_cmpuint (total->participants, ==, 25 * n_workshops);
  g_assert_cmpuint (total->replies, ==, 13 * n_workshops);
  g_assert_cmpuint (total->direct_effects_yes, ==, 13 * n_workshops);
  g_assert_cmpuint (total->contributed_yes + total->contributed_no, ==, 0);
  g_assert_cmpuint (total->project_no, ==, 13 * n_workshops);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (fu_test_skip_without_team_server ())
    return 0;

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

  ADD ("/core/summary/rows", test_summary_rows);
  ADD ("/core/summary/fiscal-year-bounds", test_summary_fiscal_year_bounds);
  ADD ("/core/summary/open-range", test_summary_open_range);
  ADD ("/core/summary/empty-year", test_summary_empty_year);
  ADD ("/core/summary/reply-deleted", test_summary_reply_deleted);
  ADD ("/core/summary/trend", test_summary_trend);
  ADD ("/core/summary/trend-calendar-years", test_summary_trend_calendar_years);
  ADD ("/core/summary/inhouse", test_summary_inhouse);
#undef ADD
  g_test_add_func ("/core/summary/trend-empty", test_summary_trend_empty);
  g_test_add_func ("/core/summary/many", test_summary_many);

  return g_test_run ();
}
