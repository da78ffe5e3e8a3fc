/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed reminder list, read back as a person would: the PDF's text (pdftotext). */
#define G_LOG_DOMAIN "test-reminder-sheet"

#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "fu-day.h"
#include "fu-reminder-sheet.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-test-util.h"

#define REMIND_MASK ((1u << FU_STATUS_REMINDER_DUE) | (1u << FU_STATUS_OVERDUE))

typedef FuTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fu_test_fixture_open (fixture, "test-reminder-sheet-XXXXXX", FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fu_test_fixture_close (fixture);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* The PDF's pages as text, in reading layout. */
static GStrv
pdf_pages (const char *pdf)
{
  return fu_test_pdf_pages (pdf, "-layout");
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Every page says "Page N of M" and names the office. */
static void
assert_page_furniture (GStrv       pages,
                       const char *office)
{
  guint n_pages = g_strv_length (pages);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_text = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_nonnull (strstr (pages[i], page_text));
      g_assert_nonnull (strstr (pages[i], office));
      g_assert_nonnull (strstr (pages[i], "Reminder list"));
    }
}

static GPtrArray *
list_to_chase (FuStore *store,
               FuDay    as_of)
{
  g_autoptr(GError) error = NULL;
  FuFollowupQuery query = { 0 };
  GPtrArray *rows;

  query.as_of = as_of;
  query.status_mask = REMIND_MASK;
  rows = fu_store_list_followups (store, &query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* ---- Tests ----------------------------------------------------------------------------- */

static void
test_sample (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autofree char *office = NULL;
  g_autofree char *pdf = fixture_path (fixture, "reminders.pdf");
  g_autofree char *all = NULL;
  g_autofree char *as_of_display = NULL;
  g_autofree char *as_of_text = NULL;
  g_auto(GStrv) pages = NULL;
  FuDay as_of = fu_day_new (2018, 3, 1);

  if (!fu_test_have_pdftotext ())
    return;

  g_assert_true (fu_sample_load (fixture->store, &error));
  g_assert_no_error (error);
  rows = list_to_chase (fixture->store, as_of);
  g_assert_cmpuint (rows->len, ==, 113);
  office = fu_store_get_office_name (fixture->store);

  sheet = fu_reminder_sheet_new (rows, office, as_of);
  g_assert_true (fu_reminder_sheet_write_pdf (sheet, pdf, &error));
  g_assert_no_error (error);

  pages = pdf_pages (pdf);
  g_assert_cmpuint (g_strv_length (pages), ==, fu_reminder_sheet_get_n_pages (sheet));
  g_assert_cmpuint (g_strv_length (pages), >, 1);
  assert_page_furniture (pages, office);
  all = g_strjoinv ("\n", pages);
  /* A page is for people: the day as the locale writes it, "1 Mar 2018". */
  as_of_display = fu_day_format_display (as_of);
  as_of_text = g_strdup_printf ("As of %s", as_of_display);
  g_assert_nonnull (strstr (all, as_of_text));
  g_assert_null (strstr (all, "2018-03-01"));
  g_assert_nonnull (strstr (all, "113 follow-ups to chase"));

  /* Everyone to chase is on the list, with the workshop and administration above them. */
  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (strstr (all, row->participant_name) == NULL)
        g_error ("%s is not on the printed list", row->participant_name);
      g_assert_nonnull (strstr (all, row->workshop_code));
      g_assert_nonnull (strstr (all, row->administration));
      if (row->email != NULL && *row->email != '\0')
        g_assert_nonnull (strstr (all, row->email));
    }
  /* Table days as the locale writes them too. */
  {
    const FuFollowupRow *row = g_ptr_array_index (rows, 0);
    g_autofree char *deadline = fu_day_format_display (row->dates.deadline);
    char iso[11];

    fu_day_format_iso (row->dates.deadline, iso);
    g_assert_nonnull (strstr (all, deadline));
    g_assert_null (strstr (all, iso));
  }
  /* The column titles (two wrap over two lines), with a blank Notes column. */
  for (const char *column = "Name and e-mail\0Administration\0Deadline\0Reminders\0overdue\0"
                            "Notes\0";
       *column != '\0'; column += strlen (column) + 1)
    g_assert_nonnull (strstr (pages[0], column));
  /* Paper cannot hover: nothing is cut short, and a page holds at least 25 people. */
  g_assert_null (strstr (all, "…"));
  for (guint i = 0; i + 1 < g_strv_length (pages); i++)
    {
      guint people = 0;

      for (guint j = 0; j < rows->len; j++)
        people += strstr (pages[i], ((const FuFollowupRow *) g_ptr_array_index (rows, j))
                                    ->participant_name) != NULL;
      g_assert_cmpuint (people, >=, 25);
    }
}

/* A participant with their own row of the same workshop: @n of them in @n_workshops
 * workshops, sent on @sent, so that they are overdue 40 days later. Names are padded to the
 * same length, so no name is part of another. */
static void
add_many (FuStore *store,
          guint    n,
          guint    n_workshops,
          FuDay    sent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) admins = fu_store_list_administrations (store, &error);
  g_autofree gint64 *workshops = g_new0 (gint64, n_workshops);

  g_assert_no_error (error);
  g_assert_cmpuint (admins->len, >=, 5);
  g_assert_true (fu_store_begin (store, &error));

  for (guint w = 0; w < n_workshops; w++)
    {
      g_autoptr(FuWorkshop) workshop = fu_workshop_new ();

      workshop->code = g_strdup_printf ("T-%02u", w + 1);
      workshop->title = g_strdup_printf ("Test Workshop Number %u on Risk Management", w + 1);
      workshop->start_date = fu_day_add_days (fu_day_new (2017, 1, 9), 7 * (int) w);
      workshop->end_date = fu_day_add_days (workshop->start_date, 4);
      workshops[w] = fu_store_add_workshop (store, workshop, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FuParticipant) participant = fu_participant_new ();
      const FuAdministration *admin = g_ptr_array_index (admins, i % 5);
      gint64 id;

      participant->name = g_strdup_printf ("Tester %03u Example", i + 1);
      participant->email = g_strdup_printf ("tester%03u@customs.example", i + 1);
      participant->administration_id = admin->id;
      id = fu_store_add_participant (store, participant, &error);
      g_assert_no_error (error);
      fu_store_add_attendance (store, workshops[i % n_workshops], id, &error);
      g_assert_no_error (error);
    }
  for (guint w = 0; w < n_workshops; w++)
    {
      fu_store_mark_sent (store, workshops[w], sent, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (fu_store_commit (store, &error));
}

/* The body's last line on a page, above the footer. */
static char *
last_body_line (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  int footer = -1;

  for (int i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "Page ") != NULL && strstr (lines[i], " of ") != NULL)
      footer = i;
  g_assert_cmpint (footer, >, 0);
  for (int i = footer - 1; i >= 0; i--)
    if (*g_strstrip (lines[i]) != '\0')
      return g_strdup (lines[i]);
  return g_strdup ("");
}

static void
test_long (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autofree char *pdf = fixture_path (fixture, "long.pdf");
  g_autofree char *all = NULL;
  g_auto(GStrv) pages = NULL;
  FuDay sent = fu_day_new (2017, 8, 1);
  guint n_pages;

  if (!fu_test_have_pdftotext ())
    return;

  add_many (fixture->store, 300, 7, sent);
  rows = list_to_chase (fixture->store, fu_day_add_days (sent, 40));
  g_assert_cmpuint (rows->len, ==, 300);

  sheet = fu_reminder_sheet_new (rows, "Regional Office for Capacity Building",
                                 fu_day_add_days (sent, 40));
  g_assert_true (fu_reminder_sheet_write_pdf (sheet, pdf, &error));
  g_assert_no_error (error);

  pages = pdf_pages (pdf);
  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, ==, fu_reminder_sheet_get_n_pages (sheet));
  g_assert_cmpuint (n_pages, >=, 5);
  assert_page_furniture (pages, "Regional Office for Capacity Building");

  /* Nobody lost or printed twice across the page breaks. */
  all = g_strjoinv ("\n", pages);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Tester %03u Example", i + 1);

      g_assert_cmpuint (count_occurrences (all, name), ==, 1);
    }

  /* A page never ends on a heading: its last lines above the footer are a participant's. */
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *line = last_body_line (pages[i]);

      /* A participant's row ends with their e-mail, under their name. */
      if (strstr (line, "Tester ") == NULL && strstr (line, "@customs.example") == NULL)
        g_error ("page %u ends with “%s”, not a participant", i + 1, line);
    }

  /* A workshop that goes on over a page break says so at the top of the next page. */
  g_assert_nonnull (strstr (all, "(continued)"));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autofree char *office = fu_store_get_office_name (fixture->store);
  g_autofree char *pdf = fixture_path (fixture, "empty.pdf");
  g_auto(GStrv) pages = NULL;
  FuDay as_of = fu_day_new (2018, 3, 1);
  g_autofree char *as_of_display = fu_day_format_display (as_of);
  g_autofree char *as_of_text = NULL;

  if (!fu_test_have_pdftotext ())
    return;

  rows = list_to_chase (fixture->store, as_of);
  g_assert_cmpuint (rows->len, ==, 0);
  sheet = fu_reminder_sheet_new (rows, office, as_of);
  g_assert_true (fu_reminder_sheet_write_pdf (sheet, pdf, &error));
  g_assert_no_error (error);

  pages = pdf_pages (pdf);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  assert_page_furniture (pages, office);
  g_assert_nonnull (strstr (pages[0], "Nothing to chase"));
  as_of_text = g_strdup_printf ("as of %s", as_of_display);
  g_assert_nonnull (strstr (pages[0], as_of_text));
  /* No table without rows. */
  g_assert_null (strstr (pages[0], "Deadline"));
}

/* Where pdftotext finds the first word starting with @prefix at or right of @from_x, on the
 * line at @y (any line when @y < 0): its left and right edge, and its top. */
static gboolean
find_word_at (const char *bbox_xml,
              const char *prefix,
              double      y,
              double      from_x,
              double     *x_min,
              double     *x_max,
              double     *y_min)
{
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"[0-9.]+\">([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, bbox_xml, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *text = g_match_info_fetch (match, 4);
      g_autofree char *min = g_match_info_fetch (match, 1);
      g_autofree char *top = g_match_info_fetch (match, 2);
      g_autofree char *max = g_match_info_fetch (match, 3);
      double left = g_ascii_strtod (min, NULL);
      double word_top = g_ascii_strtod (top, NULL);

      if (g_str_has_prefix (text, prefix) && left >= from_x && (y < 0 || fabs (word_top - y) < 2))
        {
          *x_min = left;
          *x_max = g_ascii_strtod (max, NULL);
          if (y_min != NULL)
            *y_min = word_top;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
find_word (const char *bbox_xml,
           const char *prefix,
           double     *x_min,
           double     *x_max)
{
  return find_word_at (bbox_xml, prefix, -1, 0, x_min, x_max, NULL);
}

/* Where a day is printed, as the locale writes it: from its first word's left edge to its
 * last word's right edge on the same line. */
static gboolean
find_day (const char *bbox_xml,
          FuDay       day,
          double     *x_min,
          double     *x_max)
{
  g_autofree char *text = fu_day_format_display (day);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);
  double y, last_min;

  g_assert_cmpuint (n, >=, 1);
  if (!find_word_at (bbox_xml, words[0], -1, 0, x_min, x_max, &y))
    return FALSE;
  if (n == 1)
    return TRUE;
  return find_word_at (bbox_xml, words[n - 1], y, *x_min, &last_min, x_max, NULL);
}

/* A name or e-mail too long for its column wraps inside it: printed whole (paper cannot
 * hover), never over the next column, never past the margin. */
static void
test_long_names (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autofree char *pdf = fixture_path (fixture, "long-names.pdf");
  g_autofree char *bbox = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-", NULL };
  FuFollowupRow *row = g_new0 (FuFollowupRow, 1);
  double name_min, name_max, email_min, email_max, admin_min, admin_max, deadline_min,
         deadline_max;
  double x_min, x_max;
  int status = 0;

  if (!fu_test_have_pdftotext ())
    {
      fu_followup_row_free (row);
      return;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_followup_row_free);
  row->followup_id = 1;
  row->workshop_id = 1;
  row->administration_id = 1;
  row->workshop_code = g_strdup ("2017-LONG");
  row->workshop_title = g_strdup ("A workshop");
  row->workshop_start = fu_day_new (2017, 5, 1);
  row->workshop_end = fu_day_new (2017, 5, 5);
  row->participant_name = g_strdup ("Maximilian Alexander Ferdinand von und zu "
                                    "Lichtenstein-Hohenberg Junior");
  row->email = g_strdup ("maximilian.alexander.von.und.zu.lichtenstein-hohenberg"
                         "@customs-department.example");
  row->administration = g_strdup ("Japan");
  /* Days that no other text on the page starts with. */
  row->dates.sent = fu_day_new (2017, 11, 23);
  row->dates.deadline = fu_day_new (2017, 12, 24);
  row->n_reminders = 2;
  row->status = FU_STATUS_OVERDUE;
  row->days_overdue = 90;
  g_ptr_array_add (rows, row);

  sheet = fu_reminder_sheet_new (rows, "Office", fu_day_new (2018, 3, 1));
  g_assert_true (fu_reminder_sheet_write_pdf (sheet, pdf, &error));
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &bbox, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  pages = pdf_pages (pdf);
  all = g_strjoinv ("\n", pages);
  g_assert_null (strstr (all, "…"));
  g_assert_nonnull (strstr (all, "Lichtenstein-Hohenberg Junior"));

  g_assert_true (find_word (bbox, "Maximilian", &name_min, &name_max));
  g_assert_true (find_word (bbox, "maximilian.", &email_min, &email_max));
  g_assert_true (find_word (bbox, "Japan", &admin_min, &admin_max));
  g_assert_true (find_day (bbox, row->dates.deadline, &deadline_min, &deadline_max));
  g_assert_true (find_word (bbox, "Junior", &x_min, &x_max));
  /* The name and the e-mail under it, then the administration, then the deadline, without
   * touching. */
  g_assert_cmpfloat (fabs (name_min - email_min), <, 1.0);
  g_assert_cmpfloat (x_max, <, admin_min);
  g_assert_cmpfloat (admin_max, <, deadline_min);
  /* Everything stays inside the A4 page's margins. */
  g_assert_cmpfloat (deadline_max, <, FU_REMINDER_SHEET_A4_WIDTH - FU_REMINDER_SHEET_MARGIN);
  g_assert_true (find_word (bbox, "90", &x_min, &x_max));
  g_assert_cmpfloat (x_max, <=, FU_REMINDER_SHEET_A4_WIDTH - FU_REMINDER_SHEET_MARGIN + 0.5);
}

/* A file that cannot be written is an error and leaves nothing behind; an existing file is
 * replaced whole. */
static void
test_write_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(FuReminderSheet) sheet = NULL;
  g_autofree char *missing = fixture_path (fixture, "no-such-folder/list.pdf");
  g_autofree char *existing = fixture_path (fixture, "old.pdf");
  g_autofree char *contents = NULL;
  gsize length;

  sheet = fu_reminder_sheet_new (rows, "Office", fu_day_new (2018, 3, 1));
  g_assert_false (fu_reminder_sheet_write_pdf (sheet, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "reminder list"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_true (fu_reminder_sheet_write_pdf (sheet, existing, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/reminder-sheet/sample", Fixture, NULL,
              fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/report/reminder-sheet/long", Fixture, NULL,
              fixture_set_up, test_long, fixture_tear_down);
  g_test_add ("/report/reminder-sheet/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/report/reminder-sheet/long-names", Fixture, NULL,
              fixture_set_up, test_long_names, fixture_tear_down);
  g_test_add ("/report/reminder-sheet/write-errors", Fixture, NULL,
              fixture_set_up, test_write_errors, fixture_tear_down);

  return g_test_run ();
}
