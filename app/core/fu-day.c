/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-day"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fu-day.h"
#include "fu-day-private.h"

/* Four-digit years only: every day must print as "YYYY-MM-DD". */
#define FU_DAY_MIN_YEAR 1
#define FU_DAY_MAX_YEAR 9999

/* GDate warns on Julian days beyond its year range; FuDay values come from callers (and the
 * database), so check before handing them over. */
static gboolean
day_to_date (FuDay  day,
             GDate *date)
{
  g_date_clear (date, 1);
  if (day == FU_DAY_NONE || !g_date_valid_julian (day))
    return FALSE;
  g_date_set_julian (date, day);
  return g_date_valid (date);
}

FuDay
fu_day_new (guint year,
            guint month,
            guint day)
{
  GDate date;

  if (year < FU_DAY_MIN_YEAR || year > FU_DAY_MAX_YEAR)
    return FU_DAY_NONE;
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return FU_DAY_NONE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FU_DAY_NONE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

int
fu_day_parse_digits (const char *text,
                     gsize       len)
{
  int value = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

gboolean
fu_day_parse_iso (const char *text,
                  FuDay      *out_day)
{
  int year, month, mday;
  FuDay day;

  g_return_val_if_fail (text != NULL, FALSE);

  if (out_day != NULL)
    *out_day = FU_DAY_NONE;

  /* Exactly "YYYY-MM-DD": no signs, no spaces, no single-digit months. */
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  year = fu_day_parse_digits (text, 4);
  month = fu_day_parse_digits (text + 5, 2);
  mday = fu_day_parse_digits (text + 8, 2);
  if (year < 0 || month < 0 || mday < 0)
    return FALSE;

  day = fu_day_new ((guint) year, (guint) month, (guint) mday);
  if (day == FU_DAY_NONE)
    return FALSE;

  if (out_day != NULL)
    *out_day = day;
  return TRUE;
}

gboolean
fu_day_parse_typed (const char *text,
                    FuDay      *out_day)
{
  g_autofree char *copy = NULL;
  g_autoptr(GDate) date = NULL;
  gboolean full_year = FALSE;
  guint digits = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (out_day != NULL)
    *out_day = FU_DAY_NONE;
  copy = g_strstrip (g_strdup (text));
  if (fu_day_parse_iso (copy, out_day))
    return TRUE;

  /* GLib reads the locale's order (day/month or month/day) and its month names; a year of
   * two digits, or none, would be a guess. */
  for (const char *p = copy; ; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else
        {
          full_year |= digits == 4;
          digits = 0;
        }
      if (*p == '\0')
        break;
    }
  if (!full_year)
    return FALSE;
  date = g_date_new ();
  g_date_set_parse (date, copy);
  if (!g_date_valid (date))
    return FALSE;
  if (out_day != NULL)
    *out_day = fu_day_new (g_date_get_year (date), g_date_get_month (date),
                           g_date_get_day (date));
  return TRUE;
}

gboolean
fu_day_is_plausible (FuDay day)
{
  guint year;

  if (day == FU_DAY_NONE)
    return TRUE;
  year = fu_day_get_year (day);
  return year >= 1990 && year <= 2100;
}

void
fu_day_format_iso (FuDay day,
                   char  buf[11])
{
  guint year, month, mday;

  g_return_if_fail (buf != NULL);

  buf[0] = '\0';
  if (day == FU_DAY_NONE)
    return;
  fu_day_get_ymd (day, &year, &month, &mday);
  if (year < FU_DAY_MIN_YEAR || year > FU_DAY_MAX_YEAR)
    return;
  g_snprintf (buf, 11, "%04u-%02u-%02u", year, month, mday);
}

char *
fu_day_to_iso (FuDay day)
{
  char buf[11];

  if (day == FU_DAY_NONE)
    return NULL;
  fu_day_format_iso (day, buf);
  if (buf[0] == '\0')
    return NULL;
  return g_strdup (buf);
}

void
fu_day_get_ymd (FuDay  day,
                guint *year,
                guint *month,
                guint *mday)
{
  GDate date;
  guint y = 0, m = 0, d = 0;

  if (day_to_date (day, &date))
    {
      y = g_date_get_year (&date);
      m = g_date_get_month (&date);
      d = g_date_get_day (&date);
    }
  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (mday != NULL)
    *mday = d;
}

guint
fu_day_get_year (FuDay day)
{
  guint year;

  fu_day_get_ymd (day, &year, NULL, NULL);
  return year;
}

guint
fu_day_get_month (FuDay day)
{
  guint month;

  fu_day_get_ymd (day, NULL, &month, NULL);
  return month;
}

FuDay
fu_day_add_months (FuDay day,
                   int   months)
{
  guint year, month, mday, last;
  gint64 index, new_year;
  guint new_month;

  /* "No date" plus anything is still no date. */
  if (day == FU_DAY_NONE)
    return FU_DAY_NONE;

  fu_day_get_ymd (day, &year, &month, &mday);
  if (year == 0)
    return FU_DAY_NONE;

  /* Months counted from January of year 0, so that negative steps divide cleanly. */
  index = (gint64) year * 12 + (month - 1) + months;
  if (index < 0)
    return FU_DAY_NONE;
  new_year = index / 12;
  new_month = (guint) (index % 12) + 1;
  if (new_year < FU_DAY_MIN_YEAR || new_year > FU_DAY_MAX_YEAR)
    return FU_DAY_NONE;

  /* 31 August + 6 months is the end of February, not early March. */
  last = g_date_get_days_in_month ((GDateMonth) new_month, (GDateYear) new_year);
  if (mday > last)
    mday = last;

  return fu_day_new ((guint) new_year, new_month, mday);
}

FuDay
fu_day_add_days (FuDay day,
                 int   days)
{
  FuDay max_day = fu_day_new (FU_DAY_MAX_YEAR, 12, 31);
  gint64 result;

  if (day == FU_DAY_NONE)
    return FU_DAY_NONE;

  result = (gint64) day + days;
  if (result < 1 || result > (gint64) max_day)
    return FU_DAY_NONE;
  return (FuDay) result;
}

FuDay
fu_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month, mday;

  if (now == NULL)
    return FU_DAY_NONE;
  g_date_time_get_ymd (now, &year, &month, &mday);
  return fu_day_new ((guint) year, (guint) month, (guint) mday);
}

/* @format as g_date_time_format() understands it, or NULL for a day GDateTime cannot hold. */
static char *
format_day (FuDay       day,
            const char *format)
{
  g_autoptr(GDateTime) time = NULL;
  guint year, month, mday;

  fu_day_get_ymd (day, &year, &month, &mday);
  if (year == 0)
    return NULL;
  time = g_date_time_new_utc ((int) year, (int) month, (int) mday, 0, 0, 0);
  if (time == NULL)
    return NULL;
  return g_date_time_format (time, format);
}

char *
fu_day_format_display (FuDay day)
{
  char *text;

  if (day == FU_DAY_NONE)
    return NULL;
  /* TRANSLATORS: a day on screen and in printed lists, as g_date_time_format() writes it:
   * "20 Dec 2017" ("%b" is the abbreviated month in the user's locale; "%-d" the day without
   * a leading zero). Files keep 2017-12-20. xgettext:no-c-format */
  text = format_day (day, _("%-d %b %Y"));
  return text != NULL ? text : fu_day_to_iso (day);
}

char *
fu_day_format_display_range (FuDay first,
                             FuDay last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint first_year, first_month, last_year, last_month;

  if (first == FU_DAY_NONE)
    return NULL;
  if (last == FU_DAY_NONE || last == first)
    return fu_day_format_display (first);

  fu_day_get_ymd (first, &first_year, &first_month, NULL);
  fu_day_get_ymd (last, &last_year, &last_month, NULL);
  to = fu_day_format_display (last);
  if (first_year == last_year && first_month == last_month && last > first)
    {
      /* TRANSLATORS: the first day of a span within one month, "5" in "5–9 Sep 2016", as
       * g_date_time_format() writes it. xgettext:no-c-format */
      from = format_day (first, _("%-d"));
      if (from != NULL)
        /* TRANSLATORS: a span within one month: "5–9 Sep 2016"; the first %s is the first
         * day ("5"), the second the last day in full ("9 Sep 2016"). */
        return g_strdup_printf (_("%s–%s"), from, to);
    }
  else if (first_year == last_year && last > first)
    {
      /* TRANSLATORS: the first day of a span within one year, "28 Mar" in
       * "28 Mar – 3 Apr 2017", as g_date_time_format() writes it. xgettext:no-c-format */
      from = format_day (first, _("%-d %b"));
    }
  if (from == NULL)
    from = fu_day_format_display (first);
  /* TRANSLATORS: a span over two months or years: "28 Mar – 3 Apr 2017"; the first %s is the
   * first day, the second the last day in full. */
  return g_strdup_printf (_("%s – %s"), from, to);
}
