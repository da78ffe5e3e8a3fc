/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-records.h"
#include "fu-rules.h"

/* "2017-03-03" as a FuDay; the tests read as dates, not Julian numbers. */
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
test_day_new (void)
{
  guint y, m, d;

  assert_day (fu_day_new (2016, 2, 29), "2016-02-29");
  assert_day (fu_day_new (2000, 2, 29), "2000-02-29");
  assert_day (fu_day_new (2017, 12, 31), "2017-12-31");
  g_assert_cmpuint (fu_day_new (2017, 2, 29), ==, FU_DAY_NONE);
  g_assert_cmpuint (fu_day_new (1900, 2, 29), ==, FU_DAY_NONE);
  g_assert_cmpuint (fu_day_new (2017, 4, 31), ==, FU_DAY_NONE);
  g_assert_cmpuint (fu_day_new (2017, 13, 1), ==, FU_DAY_NONE);
  g_assert_cmpuint (fu_day_new (2017, 0, 1), ==, FU_DAY_NONE);
  g_assert_cmpuint (fu_day_new (2017, 1, 0), ==, FU_DAY_NONE);
  g_assert_cmpuint (fu_day_new (2017, 1, 32), ==, FU_DAY_NONE);
  g_assert_cmpuint (fu_day_new (0, 1, 1), ==, FU_DAY_NONE);

  /* GDate's Julian numbering: day 1 is 1 January of year 1, and days subtract. */
  g_assert_cmpuint (fu_day_new (1, 1, 1), ==, 1);
  g_assert_cmpuint (D ("2017-03-01") - D ("2017-02-01"), ==, 28);
  g_assert_cmpuint (D ("2016-03-01") - D ("2016-02-01"), ==, 29);
  g_assert_cmpuint (D ("2017-01-01") - D ("2016-01-01"), ==, 366);

  fu_day_get_ymd (D ("2016-07-01"), &y, &m, &d);
  g_assert_cmpuint (y, ==, 2016);
  g_assert_cmpuint (m, ==, 7);
  g_assert_cmpuint (d, ==, 1);
  g_assert_cmpuint (fu_day_get_year (D ("1999-12-31")), ==, 1999);
  g_assert_cmpuint (fu_day_get_month (D ("1999-12-31")), ==, 12);

  fu_day_get_ymd (FU_DAY_NONE, &y, &m, &d);
  g_assert_cmpuint (y, ==, 0);
  g_assert_cmpuint (m, ==, 0);
  g_assert_cmpuint (d, ==, 0);
}

static void
test_day_parse (void)
{
  const char *bad[] = {
    "", "2017", "2017-02-29", "2017-13-01", "2017-00-10", "2017-01-00", "2017-04-31",
    "2017-1-5", "2017-01-5", "17-01-05", "2017-01-05 ", " 2017-01-05", "2017-01-05T00:00",
    "2017/01/05", "2017-0a-05", "+017-01-05", "2017-+1-05", "0000-01-01", "05-01-2017",
  };
  FuDay day;

  g_assert_true (fu_day_parse_iso ("2016-02-29", &day));
  assert_day (day, "2016-02-29");
  g_assert_true (fu_day_parse_iso ("0001-01-01", &day));
  g_assert_cmpuint (day, ==, 1);
  g_assert_true (fu_day_parse_iso ("9999-12-31", &day));
  assert_day (day, "9999-12-31");
  g_assert_true (fu_day_parse_iso ("2017-01-05", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      day = 42;
      if (fu_day_parse_iso (bad[i], &day))
        g_error ("'%s' parsed as a day", bad[i]);
      g_assert_cmpuint (day, ==, FU_DAY_NONE);
    }
}

/* Names of one person however written; not two people's. */
static void
test_names_alike (void)
{
  g_assert_true (fu_names_alike ("Losena Tamani", "tamani  LOSENA"));
  g_assert_true (fu_names_alike ("Nguyễn Văn An", "Nguyen Van An"));
  g_assert_true (fu_names_alike ("Mr. Kim Min-su", "Kim Min su"));
  g_assert_true (fu_names_alike ("Thongsavanh Sisavath", "Thongsavanh Sisavat"));
  g_assert_true (fu_names_alike ("Rajendran Muthu", "Rajendarn Muthu"));
  g_assert_false (fu_names_alike ("Kim Min-su", "Kim Min-ho"));
  g_assert_false (fu_names_alike ("Ana Lopez", "Ana Perez"));
  g_assert_false (fu_names_alike ("Li Na", "Li Ma"));
  g_assert_false (fu_names_alike ("", ""));
}

static void
test_day_format (void)
{
  char buf[11];
  g_autofree char *none = fu_day_to_iso (FU_DAY_NONE);

  fu_day_format_iso (fu_day_new (2017, 1, 5), buf);
  g_assert_cmpstr (buf, ==, "2017-01-05");
  fu_day_format_iso (fu_day_new (987, 6, 7), buf);
  g_assert_cmpstr (buf, ==, "0987-06-07");
  fu_day_format_iso (FU_DAY_NONE, buf);
  g_assert_cmpstr (buf, ==, "");
  g_assert_null (none);

  /* Every day of a leap year and the next one goes out and comes back unchanged. */
  for (FuDay day = D ("2016-01-01"); day <= D ("2017-12-31"); day++)
    {
      FuDay back = FU_DAY_NONE;

      fu_day_format_iso (day, buf);
      g_assert_true (fu_day_parse_iso (buf, &back));
      g_assert_cmpuint (back, ==, day);
    }
}

static void
test_day_add_months (void)
{
  /* A day the target month lacks falls back to the month's last day. */
  assert_day (fu_day_add_months (D ("2016-08-31"), 6), "2017-02-28");
  assert_day (fu_day_add_months (D ("2015-08-31"), 6), "2016-02-29");
  assert_day (fu_day_add_months (D ("2016-02-29"), 12), "2017-02-28");
  assert_day (fu_day_add_months (D ("2016-02-29"), 48), "2020-02-29");
  assert_day (fu_day_add_months (D ("2016-10-31"), 1), "2016-11-30");
  assert_day (fu_day_add_months (D ("2016-12-31"), 6), "2017-06-30");
  assert_day (fu_day_add_months (D ("2017-01-30"), 1), "2017-02-28");

  /* Ordinary days keep their day of the month, across the year's end too. */
  assert_day (fu_day_add_months (D ("2016-09-15"), 6), "2017-03-15");
  assert_day (fu_day_add_months (D ("2016-12-15"), 1), "2017-01-15");
  assert_day (fu_day_add_months (D ("2016-07-01"), 0), "2016-07-01");

  /* Backwards. */
  assert_day (fu_day_add_months (D ("2017-03-31"), -1), "2017-02-28");
  assert_day (fu_day_add_months (D ("2017-01-15"), -1), "2016-12-15");
  assert_day (fu_day_add_months (D ("2017-01-15"), -25), "2014-12-15");

  g_assert_cmpuint (fu_day_add_months (FU_DAY_NONE, 6), ==, FU_DAY_NONE);
}

static void
test_day_add_days (void)
{
  assert_day (fu_day_add_days (D ("2017-02-01"), 30), "2017-03-03");
  assert_day (fu_day_add_days (D ("2016-02-01"), 30), "2016-03-02");
  assert_day (fu_day_add_days (D ("2016-12-25"), 7), "2017-01-01");
  assert_day (fu_day_add_days (D ("2017-03-03"), -7), "2017-02-24");
  assert_day (fu_day_add_days (D ("2017-03-03"), 0), "2017-03-03");
  g_assert_cmpuint (fu_day_add_days (FU_DAY_NONE, 30), ==, FU_DAY_NONE);
  /* Before the first day there is no day to be. */
  g_assert_cmpuint (fu_day_add_days (D ("0001-01-01"), -1), ==, FU_DAY_NONE);
}

static void
test_day_today (void)
{
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  FuDay today = fu_day_today ();
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();
  g_autofree char *iso = fu_day_to_iso (today);
  g_autofree char *iso_before = g_date_time_format (before, "%Y-%m-%d");
  g_autofree char *iso_after = g_date_time_format (after, "%Y-%m-%d");

  /* Either side of midnight, today is the local calendar day. */
  g_assert_nonnull (iso);
  g_assert_true (g_str_equal (iso, iso_before) || g_str_equal (iso, iso_after));
}

static void
test_rules_defaults (void)
{
  FuRules rules;
  g_autoptr(GError) error = NULL;

  memset (&rules, 0xff, sizeof rules);
  fu_rules_init_defaults (&rules);
  g_assert_cmpuint (rules.fiscal_year_start_month, ==, 7);
  g_assert_cmpuint (rules.followup_months, ==, 6);
  g_assert_cmpuint (rules.reply_days, ==, 30);
  g_assert_cmpuint (rules.reminder_days, ==, 7);
  g_assert_true (fu_rules_validate (&rules, &error));
  g_assert_no_error (error);
}

static void
assert_invalid_rules (const FuRules *rules,
                      const char    *setting)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (fu_rules_validate (rules, &error));
  g_assert_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID);
  /* The message names the setting to fix. */
  if (strstr (error->message, setting) == NULL)
    g_error ("'%s' does not name '%s'", error->message, setting);
}

static void
test_rules_validate (void)
{
  FuRules rules;

  fu_rules_init_defaults (&rules);
  rules.fiscal_year_start_month = 0;
  assert_invalid_rules (&rules, "start month");
  rules.fiscal_year_start_month = 13;
  assert_invalid_rules (&rules, "start month");
  rules.fiscal_year_start_month = 1;
  g_assert_true (fu_rules_validate (&rules, NULL));
  rules.fiscal_year_start_month = 12;
  g_assert_true (fu_rules_validate (&rules, NULL));

  fu_rules_init_defaults (&rules);
  rules.followup_months = 0;
  assert_invalid_rules (&rules, "Follow-up months");
  rules.followup_months = 61;
  assert_invalid_rules (&rules, "Follow-up months");
  rules.followup_months = 60;
  g_assert_true (fu_rules_validate (&rules, NULL));
  rules.followup_months = 1;
  g_assert_true (fu_rules_validate (&rules, NULL));

  fu_rules_init_defaults (&rules);
  rules.reply_days = 0;
  rules.reminder_days = 0;
  assert_invalid_rules (&rules, "Reply days");
  rules.reply_days = 366;
  assert_invalid_rules (&rules, "Reply days");
  rules.reply_days = 365;
  g_assert_true (fu_rules_validate (&rules, NULL));

  /* The reminder window must start after the questionnaire goes out. */
  fu_rules_init_defaults (&rules);
  rules.reminder_days = 30;
  assert_invalid_rules (&rules, "Reminder days");
  rules.reminder_days = 31;
  assert_invalid_rules (&rules, "Reminder days");
  rules.reminder_days = 29;
  g_assert_true (fu_rules_validate (&rules, NULL));
  rules.reminder_days = 0;
  g_assert_true (fu_rules_validate (&rules, NULL));
}

static void
assert_fiscal_range (const FuRules *rules,
                     guint          fiscal_year,
                     const char    *first,
                     const char    *last)
{
  FuDay first_day, last_day;

  fu_fiscal_year_range (rules, fiscal_year, &first_day, &last_day);
  assert_day (first_day, first);
  assert_day (last_day, last);
  g_assert_cmpuint (fu_fiscal_year_of (rules, first_day), ==, fiscal_year);
  g_assert_cmpuint (fu_fiscal_year_of (rules, last_day), ==, fiscal_year);
  g_assert_cmpuint (fu_fiscal_year_of (rules, first_day - 1), ==, fiscal_year - 1);
  g_assert_cmpuint (fu_fiscal_year_of (rules, last_day + 1), ==, fiscal_year + 1);
}

static void
test_rules_fiscal_year (void)
{
  FuRules rules;

  /* July to June: FY2016/17 is 1 July 2016 to 30 June 2017. */
  fu_rules_init_defaults (&rules);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2016-06-30")), ==, 2015);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2016-07-01")), ==, 2016);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2016-12-31")), ==, 2016);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2017-01-01")), ==, 2016);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2017-06-30")), ==, 2016);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2017-07-01")), ==, 2017);
  assert_fiscal_range (&rules, 2016, "2016-07-01", "2017-06-30");
  assert_fiscal_range (&rules, 1999, "1999-07-01", "2000-06-30");

  /* The seed's workshops (10) to (13), held in April to June 2017, are FY2016/17. */
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2017-04-24")), ==, 2016);

  /* The calendar year. */
  rules.fiscal_year_start_month = 1;
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2015-12-31")), ==, 2015);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2016-01-01")), ==, 2016);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2016-06-30")), ==, 2016);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2016-07-01")), ==, 2016);
  assert_fiscal_range (&rules, 2016, "2016-01-01", "2016-12-31");

  /* April to March. */
  rules.fiscal_year_start_month = 4;
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2017-03-31")), ==, 2016);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2017-04-01")), ==, 2017);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2016-06-30")), ==, 2016);
  g_assert_cmpuint (fu_fiscal_year_of (&rules, D ("2016-07-01")), ==, 2016);
  assert_fiscal_range (&rules, 2017, "2017-04-01", "2018-03-31");

  /* A fiscal year that ends with a leap day. */
  rules.fiscal_year_start_month = 3;
  assert_fiscal_range (&rules, 2015, "2015-03-01", "2016-02-29");
  assert_fiscal_range (&rules, 2016, "2016-03-01", "2017-02-28");
}

static void
test_rules_fiscal_year_label (void)
{
  FuRules rules;
  struct {
    guint start_month;
    guint year;
    const char *label;
  } cases[] = {
    { 7, 2016, "FY2016/17" },
    { 7, 2014, "FY2014/15" },
    { 7, 1999, "FY1999/00" },
    { 7, 2009, "FY2009/10" },
    { 4, 2017, "FY2017/18" },
    { 1, 2016, "FY2016" },
    { 1, 1999, "FY1999" },
  };

  fu_rules_init_defaults (&rules);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GError) error = NULL;
      guint parsed = 0;

      rules.fiscal_year_start_month = cases[i].start_month;
      label = fu_fiscal_year_label (&rules, cases[i].year);
      g_assert_cmpstr (label, ==, cases[i].label);

      /* What we print, we read back. */
      g_assert_true (fu_fiscal_year_parse (label, &parsed, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (parsed, ==, cases[i].year);
    }
}

static void
test_rules_fiscal_year_parse (void)
{
  struct {
    const char *text;
    guint year;
  } good[] = {
    { "2016/17", 2016 },
    { "FY2016/17", 2016 },
    { "fy2016/17", 2016 },
    { "Fy2016/17", 2016 },
    { "2016-17", 2016 },
    { "2016", 2016 },
    { "FY2016", 2016 },
    { "2016/2017", 2016 },
    { "1999/00", 1999 },
    { " 2016/17 ", 2016 },
    { "1900", 1900 },
    { "9999", 9999 },
  };
  const char *bad[] = {
    "", "abc", "2016/18", "2016/16", "1999/99", "2016/2018", "FY", "16/17", "2016/7",
    "2016/017", "2016 / 17", "2016:17", "20166", "FY 2016", "2016/1a", "1899", "1899/00",
    "10000", "0000",
  };
  g_autoptr(GError) error = NULL;
  guint year;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      year = 0;
      if (!fu_fiscal_year_parse (good[i].text, &year, &error))
        g_error ("'%s' did not parse: %s", good[i].text, error->message);
      g_assert_cmpuint (year, ==, good[i].year);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) bad_error = NULL;

      year = 42;
      if (fu_fiscal_year_parse (bad[i], &year, &bad_error))
        g_error ("'%s' parsed as fiscal year %u", bad[i], year);
      g_assert_error (bad_error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID);
      g_assert_cmpuint (year, ==, 42);
      /* The message quotes what was typed. */
      g_assert_nonnull (strstr (bad_error->message, bad[i]));
    }

  /* The message shows how to write the year that was meant. */
  g_assert_false (fu_fiscal_year_parse ("2016/18", &year, &error));
  g_assert_cmpstr (error->message, ==,
                   "'2016/18' is not a fiscal year: write it as 2016/17, FY2016/17 or 2016");
}

static void
test_rules_schedule (void)
{
  FuRules rules;

  fu_rules_init_defaults (&rules);

  /* Planned: the workshop's end plus six months, clamped to the month's end. */
  assert_day (fu_schedule_planned_date (&rules, D ("2016-09-15"), FU_DAY_NONE), "2017-03-15");
  assert_day (fu_schedule_planned_date (&rules, D ("2016-08-31"), FU_DAY_NONE), "2017-02-28");
  assert_day (fu_schedule_planned_date (&rules, D ("2015-08-31"), FU_DAY_NONE), "2016-02-29");
  assert_day (fu_schedule_planned_date (&rules, D ("2016-08-31"), D ("2017-03-10")),
              "2017-03-10");
  g_assert_cmpuint (fu_schedule_planned_date (&rules, FU_DAY_NONE, FU_DAY_NONE), ==,
                    FU_DAY_NONE);

  /* Deadline: the sending date plus 30 days. */
  assert_day (fu_schedule_deadline (&rules, D ("2017-02-01"), FU_DAY_NONE), "2017-03-03");
  assert_day (fu_schedule_deadline (&rules, D ("2016-12-15"), FU_DAY_NONE), "2017-01-14");
  assert_day (fu_schedule_deadline (&rules, D ("2017-02-01"), D ("2017-02-20")), "2017-02-20");
  g_assert_cmpuint (fu_schedule_deadline (&rules, FU_DAY_NONE, FU_DAY_NONE), ==, FU_DAY_NONE);

  /* Reminders: the window opens 7 days before the deadline. */
  assert_day (fu_schedule_reminder_start (&rules, D ("2017-03-03")), "2017-02-24");
  g_assert_cmpuint (fu_schedule_reminder_start (&rules, FU_DAY_NONE), ==, FU_DAY_NONE);

  /* The team's own numbers. */
  rules.followup_months = 3;
  rules.reply_days = 14;
  rules.reminder_days = 3;
  assert_day (fu_schedule_planned_date (&rules, D ("2016-11-30"), FU_DAY_NONE), "2017-02-28");
  assert_day (fu_schedule_deadline (&rules, D ("2017-02-20"), FU_DAY_NONE), "2017-03-06");
  assert_day (fu_schedule_reminder_start (&rules, D ("2017-03-06")), "2017-03-03");
}

/* The follow-up used by the status tests: planned for 15 January 2017; when sent on
 * 1 February 2017, the deadline is 3 March and reminders are due from 24 February. */
static FuFollowupDates
make_dates (const char *sent,
            const char *last_reminder,
            const char *received,
            const char *closed)
{
  FuFollowupDates dates = {
    .planned = D ("2017-01-15"),
    .sent = sent != NULL ? D (sent) : FU_DAY_NONE,
    .deadline = FU_DAY_NONE,
    .last_reminder = last_reminder != NULL ? D (last_reminder) : FU_DAY_NONE,
    .received = received != NULL ? D (received) : FU_DAY_NONE,
    .closed = closed != NULL ? D (closed) : FU_DAY_NONE,
  };
  return dates;
}

static void
assert_status (const FuRules         *rules,
               const FuFollowupDates *dates,
               const char            *today,
               FuFollowupStatus       expected)
{
  FuFollowupStatus status = fu_followup_status (rules, dates, D (today));

  if (status != expected)
    g_error ("on %s: expected %s, got %s", today, fu_followup_status_to_string (expected),
             fu_followup_status_to_string (status));
}

static void
test_rules_status_unsent (void)
{
  FuRules rules;
  FuFollowupDates dates = make_dates (NULL, NULL, NULL, NULL);

  fu_rules_init_defaults (&rules);
  assert_status (&rules, &dates, "2016-09-01", FU_STATUS_PLANNED);
  assert_status (&rules, &dates, "2017-01-14", FU_STATUS_PLANNED);
  /* On the planned date itself it is time to send. */
  assert_status (&rules, &dates, "2017-01-15", FU_STATUS_TO_SEND);
  /* Never overdue before it is sent, however late. */
  assert_status (&rules, &dates, "2018-01-15", FU_STATUS_TO_SEND);

  /* A sending date after today has not happened yet. */
  dates = make_dates ("2017-02-01", NULL, NULL, NULL);
  assert_status (&rules, &dates, "2017-01-10", FU_STATUS_PLANNED);
  assert_status (&rules, &dates, "2017-01-31", FU_STATUS_TO_SEND);
  assert_status (&rules, &dates, "2017-02-01", FU_STATUS_AWAITING_REPLY);
}

static void
test_rules_status_sent (void)
{
  FuRules rules;
  FuFollowupDates dates = make_dates ("2017-02-01", NULL, NULL, NULL);

  fu_rules_init_defaults (&rules);
  assert_status (&rules, &dates, "2017-02-01", FU_STATUS_AWAITING_REPLY);
  assert_status (&rules, &dates, "2017-02-23", FU_STATUS_AWAITING_REPLY);
  /* First day of the reminder window (deadline 3 March - 7 days). */
  assert_status (&rules, &dates, "2017-02-24", FU_STATUS_REMINDER_DUE);
  /* The deadline day itself is not overdue; the day after is. */
  assert_status (&rules, &dates, "2017-03-03", FU_STATUS_REMINDER_DUE);
  assert_status (&rules, &dates, "2017-03-04", FU_STATUS_OVERDUE);
  assert_status (&rules, &dates, "2018-03-04", FU_STATUS_OVERDUE);
}

static void
test_rules_status_reminder (void)
{
  FuRules rules;
  FuFollowupDates dates;

  fu_rules_init_defaults (&rules);

  /* A reminder sent before the window does not count for it. */
  dates = make_dates ("2017-02-01", "2017-02-20", NULL, NULL);
  assert_status (&rules, &dates, "2017-02-23", FU_STATUS_AWAITING_REPLY);
  assert_status (&rules, &dates, "2017-02-24", FU_STATUS_REMINDER_DUE);

  /* A reminder sent in the window settles it until the deadline... */
  dates = make_dates ("2017-02-01", "2017-02-24", NULL, NULL);
  assert_status (&rules, &dates, "2017-02-24", FU_STATUS_AWAITING_REPLY);
  assert_status (&rules, &dates, "2017-03-03", FU_STATUS_AWAITING_REPLY);
  /* ...but not past it. */
  assert_status (&rules, &dates, "2017-03-04", FU_STATUS_OVERDUE);

  dates = make_dates ("2017-02-01", "2017-03-03", NULL, NULL);
  assert_status (&rules, &dates, "2017-03-03", FU_STATUS_AWAITING_REPLY);

  /* A reminder dated after today has not been sent yet. */
  dates = make_dates ("2017-02-01", "2017-02-27", NULL, NULL);
  assert_status (&rules, &dates, "2017-02-26", FU_STATUS_REMINDER_DUE);
  assert_status (&rules, &dates, "2017-02-27", FU_STATUS_AWAITING_REPLY);

  /* A team that sends no reminders never sees one due. */
  rules.reminder_days = 0;
  dates = make_dates ("2017-02-01", NULL, NULL, NULL);
  assert_status (&rules, &dates, "2017-03-02", FU_STATUS_AWAITING_REPLY);
  assert_status (&rules, &dates, "2017-03-03", FU_STATUS_AWAITING_REPLY);
  assert_status (&rules, &dates, "2017-03-04", FU_STATUS_OVERDUE);

  /* A longer window. */
  rules.reminder_days = 10;
  assert_status (&rules, &dates, "2017-02-20", FU_STATUS_AWAITING_REPLY);
  assert_status (&rules, &dates, "2017-02-21", FU_STATUS_REMINDER_DUE);
}

static void
test_rules_status_replied_closed (void)
{
  FuRules rules;
  FuFollowupDates dates;

  fu_rules_init_defaults (&rules);

  /* A reply within the deadline. */
  dates = make_dates ("2017-02-01", NULL, "2017-02-10", NULL);
  assert_status (&rules, &dates, "2017-02-09", FU_STATUS_AWAITING_REPLY);
  assert_status (&rules, &dates, "2017-02-10", FU_STATUS_REPLIED);
  assert_status (&rules, &dates, "2017-03-10", FU_STATUS_REPLIED);

  /* A late reply is still a reply; before it arrives the follow-up is overdue. */
  dates = make_dates ("2017-02-01", "2017-02-25", "2017-03-20", NULL);
  assert_status (&rules, &dates, "2017-03-19", FU_STATUS_OVERDUE);
  assert_status (&rules, &dates, "2017-03-20", FU_STATUS_REPLIED);

  /* A reply recorded without a sending date (the person answered anyway). */
  dates = make_dates (NULL, NULL, "2017-01-20", NULL);
  assert_status (&rules, &dates, "2017-01-20", FU_STATUS_REPLIED);

  /* Closed without a reply; not before the day it was closed. */
  dates = make_dates ("2017-02-01", NULL, NULL, "2017-03-10");
  assert_status (&rules, &dates, "2017-03-09", FU_STATUS_OVERDUE);
  assert_status (&rules, &dates, "2017-03-10", FU_STATUS_CLOSED);
  dates = make_dates (NULL, NULL, NULL, "2017-01-05");
  assert_status (&rules, &dates, "2017-01-05", FU_STATUS_CLOSED);

  /* A reply that came after closing wins. */
  dates = make_dates ("2017-02-01", NULL, "2017-04-01", "2017-03-10");
  assert_status (&rules, &dates, "2017-03-31", FU_STATUS_CLOSED);
  assert_status (&rules, &dates, "2017-04-01", FU_STATUS_REPLIED);
}

static void
test_rules_status_deadline_override (void)
{
  FuRules rules;
  FuFollowupDates dates = make_dates ("2017-02-01", NULL, NULL, NULL);

  fu_rules_init_defaults (&rules);
  dates.deadline = D ("2017-02-15");
  assert_status (&rules, &dates, "2017-02-07", FU_STATUS_AWAITING_REPLY);
  assert_status (&rules, &dates, "2017-02-08", FU_STATUS_REMINDER_DUE);
  assert_status (&rules, &dates, "2017-02-15", FU_STATUS_REMINDER_DUE);
  assert_status (&rules, &dates, "2017-02-16", FU_STATUS_OVERDUE);
  g_assert_cmpuint (fu_followup_days_overdue (&rules, &dates, D ("2017-02-16")), ==, 1);

  /* The team's reply days apply when the follow-up has no deadline of its own. */
  dates.deadline = FU_DAY_NONE;
  rules.reply_days = 14;
  rules.reminder_days = 3;
  assert_status (&rules, &dates, "2017-02-11", FU_STATUS_AWAITING_REPLY);
  assert_status (&rules, &dates, "2017-02-12", FU_STATUS_REMINDER_DUE);
  assert_status (&rules, &dates, "2017-02-15", FU_STATUS_REMINDER_DUE);
  assert_status (&rules, &dates, "2017-02-16", FU_STATUS_OVERDUE);
}

static void
test_rules_days_overdue (void)
{
  FuRules rules;
  FuFollowupDates dates = make_dates ("2017-02-01", NULL, NULL, NULL);
  FuFollowupDates replied = make_dates ("2017-02-01", NULL, "2017-03-20", NULL);
  FuFollowupDates unsent = make_dates (NULL, NULL, NULL, NULL);

  fu_rules_init_defaults (&rules);
  g_assert_cmpuint (fu_followup_days_overdue (&rules, &dates, D ("2017-02-20")), ==, 0);
  g_assert_cmpuint (fu_followup_days_overdue (&rules, &dates, D ("2017-03-03")), ==, 0);
  g_assert_cmpuint (fu_followup_days_overdue (&rules, &dates, D ("2017-03-04")), ==, 1);
  g_assert_cmpuint (fu_followup_days_overdue (&rules, &dates, D ("2017-03-13")), ==, 10);
  g_assert_cmpuint (fu_followup_days_overdue (&rules, &dates, D ("2017-04-02")), ==, 30);

  /* Once replied, nothing is overdue any more; before the reply arrives, it is. */
  g_assert_cmpuint (fu_followup_days_overdue (&rules, &replied, D ("2017-03-19")), ==, 16);
  g_assert_cmpuint (fu_followup_days_overdue (&rules, &replied, D ("2017-03-20")), ==, 0);
  g_assert_cmpuint (fu_followup_days_overdue (&rules, &unsent, D ("2018-01-01")), ==, 0);
}

static void
test_rules_status_strings (void)
{
  const char *names[FU_N_STATUSES] = {
    "planned", "to-send", "awaiting-reply", "reminder-due", "overdue", "replied", "closed",
  };
  const char *labels[FU_N_STATUSES] = {
    "Planned", "To send", "Awaiting reply", "Reminder due", "Overdue", "Replied", "Closed",
  };
  struct {
    const char *text;
    FuFollowupStatus status;
  } variants[] = {
    { "AWAITING_REPLY", FU_STATUS_AWAITING_REPLY },
    { "Reminder-Due", FU_STATUS_REMINDER_DUE },
    { "to_send", FU_STATUS_TO_SEND },
    { "To send", FU_STATUS_TO_SEND },
    { "OVERDUE", FU_STATUS_OVERDUE },
  };
  const char *bad[] = { "", "sent", "to-sen", "awaitingreply", "replied!" };

  for (guint i = 0; i < FU_N_STATUSES; i++)
    {
      FuFollowupStatus status = FU_N_STATUSES;
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (fu_followup_status_to_string (i), ==, names[i]);
      g_assert_cmpstr (fu_followup_status_get_label (i), ==, labels[i]);
      g_assert_true (fu_followup_status_from_string (names[i], &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, i);
    }

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      FuFollowupStatus status = FU_N_STATUSES;

      g_assert_true (fu_followup_status_from_string (variants[i].text, &status, NULL));
      g_assert_cmpint (status, ==, variants[i].status);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      FuFollowupStatus status = FU_STATUS_CLOSED;
      g_autoptr(GError) error = NULL;

      g_assert_false (fu_followup_status_from_string (bad[i], &status, &error));
      g_assert_error (error, FU_RULES_ERROR, FU_RULES_ERROR_INVALID);
      g_assert_cmpint (status, ==, FU_STATUS_CLOSED);
      /* The message lists the names that work. */
      g_assert_nonnull (strstr (error->message, "awaiting-reply"));
    }
}

static void
test_rules_kind_strings (void)
{
  const char *names[FU_N_WORKSHOP_KINDS] = {
    "regional", "sub-regional", "national", "train-the-trainer", "follow-up", "masterclass",
    "other",
  };
  struct {
    const char *text;
    FuWorkshopKind kind;
  } variants[] = {
    { "Sub regional", FU_WORKSHOP_KIND_SUB_REGIONAL },
    { "SUB_REGIONAL", FU_WORKSHOP_KIND_SUB_REGIONAL },
    { "Regional", FU_WORKSHOP_KIND_REGIONAL },
    { "Train the trainer", FU_WORKSHOP_KIND_TRAIN_THE_TRAINER },
    { "follow_up", FU_WORKSHOP_KIND_FOLLOW_UP },
    { "Follow-Up", FU_WORKSHOP_KIND_FOLLOW_UP },
    { "Masterclass", FU_WORKSHOP_KIND_MASTERCLASS },
    { " national ", FU_WORKSHOP_KIND_NATIONAL },
  };
  const char *bad[] = { "", "workshop", "subregional", "region", "nationals" };

  for (guint i = 0; i < FU_N_WORKSHOP_KINDS; i++)
    {
      FuWorkshopKind kind = FU_N_WORKSHOP_KINDS;
      const char *label = fu_workshop_kind_get_label (i);

      g_assert_cmpstr (fu_workshop_kind_to_string (i), ==, names[i]);
      g_assert_true (fu_workshop_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
      /* Untranslated labels are capitalized words a person would read. */
      g_assert_nonnull (label);
      g_assert_true (g_ascii_isupper (label[0]));
    }
  g_assert_cmpstr (fu_workshop_kind_get_label (FU_WORKSHOP_KIND_SUB_REGIONAL), ==,
                   "Sub-regional");
  g_assert_cmpstr (fu_workshop_kind_get_label (FU_WORKSHOP_KIND_TRAIN_THE_TRAINER), ==,
                   "Train the trainer");

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      FuWorkshopKind kind = FU_N_WORKSHOP_KINDS;

      if (!fu_workshop_kind_from_string (variants[i].text, &kind))
        g_error ("'%s' is not a workshop kind", variants[i].text);
      g_assert_cmpint (kind, ==, variants[i].kind);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      FuWorkshopKind kind = FU_WORKSHOP_KIND_OTHER;

      g_assert_false (fu_workshop_kind_from_string (bad[i], &kind));
      g_assert_cmpint (kind, ==, FU_WORKSHOP_KIND_OTHER);
    }
}

static void
test_rules_action_strings (void)
{
  const char *names[FU_N_ACTIONS] = {
    "shared_materials", "submitted_report", "made_recommendations", "inhouse_workshop",
    "developed_manuals", "other_action",
  };
  const char *labels[FU_N_ACTIONS] = {
    "Shared training materials", "Submitted a mission report", "Made recommendations",
    "Organized an in-house workshop", "Developed or updated manuals", "Other actions",
  };

  for (guint i = 0; i < FU_N_ACTIONS; i++)
    {
      g_assert_cmpstr (fu_action_to_string (i), ==, names[i]);
      g_assert_cmpstr (fu_action_get_label (i), ==, labels[i]);
    }
}

/* A reminder after the deadline gives a new one, its day plus the extension days: the
 * follow-up awaits a reply again, and is overdue again only after that. */
static void
test_late_reminder (void)
{
  FuRules rules;
  FuFollowupDates dates = { 0 };
  FuDay sent = fu_day_new (2017, 1, 10);

  fu_rules_init_defaults (&rules);
  g_assert_cmpuint (rules.extension_days, ==, 14);
  dates.planned = sent;
  dates.sent = sent;
  /* Sent 10 January: due 9 February, overdue on the 20th. */
  g_assert_cmpuint (fu_followup_deadline (&rules, &dates), ==, fu_day_new (2017, 2, 9));
  g_assert_cmpint (fu_followup_status (&rules, &dates, fu_day_new (2017, 2, 20)), ==,
                   FU_STATUS_OVERDUE);
  /* A reminder inside the window leaves the deadline as it is. */
  dates.last_reminder = fu_day_new (2017, 2, 5);
  g_assert_cmpuint (fu_followup_deadline (&rules, &dates), ==, fu_day_new (2017, 2, 9));
  /* Reminded on the 20th: due 6 March. */
  dates.last_reminder = fu_day_new (2017, 2, 20);
  g_assert_cmpuint (fu_followup_deadline (&rules, &dates), ==, fu_day_new (2017, 3, 6));
  g_assert_cmpint (fu_followup_status (&rules, &dates, fu_day_new (2017, 2, 21)), ==,
                   FU_STATUS_AWAITING_REPLY);
  g_assert_cmpint (fu_followup_status (&rules, &dates, fu_day_new (2017, 3, 7)), ==,
                   FU_STATUS_OVERDUE);
  g_assert_cmpuint (fu_followup_days_overdue (&rules, &dates, fu_day_new (2017, 3, 10)), ==, 4);
  /* A team that keeps its deadlines. */
  rules.extension_days = 0;
  g_assert_cmpuint (fu_followup_deadline (&rules, &dates), ==, fu_day_new (2017, 2, 9));
  rules.extension_days = 400;
  g_assert_false (fu_rules_validate (&rules, NULL));
}

/* One rounding everywhere: 13 of 16 is 81.25, which is 81.3 on screen, in CSV and in PDF. */
static void
test_figures (void)
{
  g_autofree char *rate = fu_rate_format (13, 16, FALSE);
  g_autofree char *seed = fu_rate_format (148, 261, FALSE);
  g_autofree char *none = fu_rate_format (0, 0, FALSE);

  g_assert_cmpstr (rate, ==, "81.3");
  g_assert_cmpstr (seed, ==, "56.7");
  g_assert_cmpstr (none, ==, "0.0");
  g_assert_cmpuint (fu_rate_tenths (1, 8), ==, 125);
  g_assert_cmpuint (fu_rate_tenths (1, 16), ==, 63);
  g_assert_cmpuint (fu_percent (96, 148), ==, 65);
  g_assert_cmpuint (fu_percent (1, 8), ==, 13);
  g_assert_cmpuint (fu_percent (3, 0), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/rules/figures", test_figures);
  g_test_add_func ("/core/rules/late-reminder", test_late_reminder);
  g_test_add_func ("/core/day/new", test_day_new);
  g_test_add_func ("/core/day/parse", test_day_parse);
  g_test_add_func ("/core/day/format", test_day_format);
  g_test_add_func ("/core/names/alike", test_names_alike);
  g_test_add_func ("/core/day/add-months", test_day_add_months);
  g_test_add_func ("/core/day/add-days", test_day_add_days);
  g_test_add_func ("/core/day/today", test_day_today);
  g_test_add_func ("/core/rules/defaults", test_rules_defaults);
  g_test_add_func ("/core/rules/validate", test_rules_validate);
  g_test_add_func ("/core/rules/fiscal-year", test_rules_fiscal_year);
  g_test_add_func ("/core/rules/fiscal-year-label", test_rules_fiscal_year_label);
  g_test_add_func ("/core/rules/fiscal-year-parse", test_rules_fiscal_year_parse);
  g_test_add_func ("/core/rules/schedule", test_rules_schedule);
  g_test_add_func ("/core/rules/status/unsent", test_rules_status_unsent);
  g_test_add_func ("/core/rules/status/sent", test_rules_status_sent);
  g_test_add_func ("/core/rules/status/reminder", test_rules_status_reminder);
  g_test_add_func ("/core/rules/status/replied-closed", test_rules_status_replied_closed);
  g_test_add_func ("/core/rules/status/deadline-override", test_rules_status_deadline_override);
  g_test_add_func ("/core/rules/days-overdue", test_rules_days_overdue);
  g_test_add_func ("/core/rules/status-strings", test_rules_status_strings);
  g_test_add_func ("/core/rules/kind-strings", test_rules_kind_strings);
  g_test_add_func ("/core/rules/action-strings", test_rules_action_strings);

  return g_test_run ();
}
