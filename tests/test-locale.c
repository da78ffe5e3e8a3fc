/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tests/test-locale.c: days on screen follow the user's locale; files keep ISO 8601.
 *
 * The French cases need the fr_FR.UTF-8 locale, which build-aux/dev generates: without it
 * they fail (saying so) rather than skip, so that a machine that cannot show French dates is
 * noticed. */
#define G_LOG_DOMAIN "test-locale"

#include "config.h"

#include <locale.h>

#include <glib.h>

#include "fu-day.h"

#define FRENCH "fr_FR.UTF-8"

static FuDay
D (const char *iso)
{
  FuDay day = FU_DAY_NONE;

  g_assert_true (fu_day_parse_iso (iso, &day));
  return day;
}

/* Switches the whole locale (dates, numbers) for one test; FALSE, with the test failed,
 * when the locale is not generated. */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_test_message ("The %s locale is missing: build-aux/dev generates it, or as root run "
                      "`localedef -i fr_FR -f UTF-8 fr_FR.UTF-8`", name);
      g_test_fail ();
      return FALSE;
    }
  return TRUE;
}

static void
restore_locale (void)
{
  setlocale (LC_ALL, "C.UTF-8");
}

static void
assert_display (const char *iso,
                const char *expected)
{
  g_autofree char *text = fu_day_format_display (D (iso));

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_range (const char *first,
              const char *last,
              const char *expected)
{
  g_autofree char *text = fu_day_format_display_range (D (first),
                                                       last != NULL ? D (last) : FU_DAY_NONE);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_display_english (void)
{
  restore_locale ();
  assert_display ("2017-12-20", "20 Dec 2017");
  /* No leading zero, no leading space. */
  assert_display ("2018-01-05", "5 Jan 2018");
  assert_display ("0987-06-07", "7 Jun 987");
  g_assert_null (fu_day_format_display (FU_DAY_NONE));
}

static void
test_display_french (void)
{
  if (!use_locale (FRENCH))
    return;
  assert_display ("2017-12-20", "20 déc. 2017");
  assert_display ("2018-01-05", "5 janv. 2018");
  assert_display ("2017-05-01", "1 mai 2017");
  restore_locale ();
}

static void
test_range_english (void)
{
  restore_locale ();
  assert_range ("2016-09-05", "2016-09-09", "5–9 Sep 2016");
  assert_range ("2017-03-28", "2017-04-03", "28 Mar – 3 Apr 2017");
  assert_range ("2016-12-28", "2017-01-03", "28 Dec 2016 – 3 Jan 2017");
  /* One day, or no last day: the day alone. */
  assert_range ("2016-09-05", "2016-09-05", "5 Sep 2016");
  assert_range ("2016-09-05", NULL, "5 Sep 2016");
  /* A span the wrong way round is shown as it is, in full, rather than as "9–5 Sep". */
  assert_range ("2016-09-09", "2016-09-05", "9 Sep 2016 – 5 Sep 2016");
  g_assert_null (fu_day_format_display_range (FU_DAY_NONE, D ("2016-09-05")));
}

static void
test_range_french (void)
{
  if (!use_locale (FRENCH))
    return;
  assert_range ("2016-09-05", "2016-09-09", "5–9 sept. 2016");
  assert_range ("2017-03-28", "2017-04-03", "28 mars – 3 avril 2017");
  restore_locale ();
}

/* What goes into files does not change with the locale. */
static void
test_iso_in_any_locale (void)
{
  char buf[11];

  if (!use_locale (FRENCH))
    return;
  fu_day_format_iso (D ("2017-12-20"), buf);
  g_assert_cmpstr (buf, ==, "2017-12-20");
  g_assert_true (fu_day_parse_iso ("2017-12-20", NULL));
  restore_locale ();
}

/* Dates as people type them: ISO anywhere, and the locale's own order and month names, with
 * the year in full. */
static void
test_typed_dates (void)
{
  const char *refused[] = { "", "5/9", "5/9/16", "5 September", "someday", "31/02/2017",
                            "2017-02-30" };
  FuDay day;

  g_assert_true (fu_day_parse_typed (" 2016-09-05 ", &day));
  g_assert_cmpuint (day, ==, D ("2016-09-05"));
  g_assert_true (fu_day_parse_typed ("5 September 2016", &day));
  g_assert_cmpuint (day, ==, D ("2016-09-05"));
  g_assert_true (fu_day_parse_typed ("18 Dec 2017", &day));
  g_assert_cmpuint (day, ==, D ("2017-12-18"));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    if (fu_day_parse_typed (refused[i], &day))
      g_error ("'%s' read as a day", refused[i]);

  if (!use_locale (FRENCH))
    return;
  /* Day first, as French writes it. */
  g_assert_true (fu_day_parse_typed ("05/09/2016", &day));
  g_assert_cmpuint (day, ==, D ("2016-09-05"));
  g_assert_true (fu_day_parse_typed ("18 décembre 2017", &day));
  g_assert_cmpuint (day, ==, D ("2017-12-18"));
  restore_locale ();
  if (setlocale (LC_ALL, "en_US.UTF-8") != NULL)
    {
      /* Month first in the United States. */
      g_assert_true (fu_day_parse_typed ("09/05/2016", &day));
      g_assert_cmpuint (day, ==, D ("2016-09-05"));
    }
  restore_locale ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/locale/display/english", test_display_english);
  g_test_add_func ("/core/locale/display/french", test_display_french);
  g_test_add_func ("/core/locale/range/english", test_range_english);
  g_test_add_func ("/core/locale/range/french", test_range_french);
  g_test_add_func ("/core/locale/iso-in-any-locale", test_iso_in_any_locale);
  g_test_add_func ("/core/locale/typed-dates", test_typed_dates);

  return g_test_run ();
}
