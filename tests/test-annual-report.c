/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The annual Good Practice Report, read back as its readers would: the PDF's text
 * (pdftotext) holds the seed's Tables 1 to 5 row by row, every page is numbered, and no
 * quote is cut by a page break. */
#define G_LOG_DOMAIN "test-annual-report"

#include "config.h"

#include <glib.h>
#include <string.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "fu-annual-report.h"
#include "fu-day.h"
#include "fu-page-layout.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-test-util.h"

#define FY2016 2016

typedef FuTestFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fu_test_fixture_open (fixture, "test-annual-report-XXXXXX", data != NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fu_test_fixture_close (fixture);
}

/* Writes the report of @fiscal_year, issued on 15 February 2018, into the fixture's folder. */
static char *
write_report (Fixture *fixture,
              guint    fiscal_year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuAnnualReport) report = NULL;
  char *path = g_build_filename (fixture->dir, "report.pdf", NULL);

  report = fu_annual_report_new (fixture->store, fiscal_year, &error);
  g_assert_no_error (error);
  fu_annual_report_set_date (report, fu_day_new (2018, 2, 15));
  g_assert_true (fu_annual_report_save_pdf (report, path, &error));
  g_assert_no_error (error);
  return path;
}

/* The PDF's pages as text; @layout keeps the columns of tables on their lines. */
static GStrv
pdf_pages (const char *pdf,
           gboolean    layout)
{
  return fu_test_pdf_pages (pdf, layout ? "-layout" : "-raw");
}

/* Runs of white space as one space, trimmed: how a line reads. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          space = FALSE;
        }
    }
  return g_string_free (out, FALSE);
}

/* Without any white space: a quote reads the same wherever its lines break. */
static char *
unspaced (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
is_count (const char *token)
{
  gsize n = strspn (token, "0123456789");

  return n > 0 && (token[n] == '\0' || (token[n] == '%' && token[n + 1] == '\0'));
}

/* The rows of the numbered tables, in print order: for every line that starts with a
 * workshop's number "(N)", the number and the counts that end the line. */
static GPtrArray *
table_rows (GStrv pages)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) start = g_regex_new ("^\\s*\\((\\d+)\\)\\s", 0, 0, NULL);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autoptr(GMatchInfo) match = NULL;
          g_autofree char *number = NULL;
          g_autofree char *line = NULL;
          g_auto(GStrv) tokens = NULL;
          g_autoptr(GString) row = NULL;
          guint n, first;

          if (!g_regex_match (start, lines[l], 0, &match))
            continue;
          number = g_match_info_fetch (match, 1);
          line = squeeze (lines[l]);
          tokens = g_strsplit (line, " ", -1);
          n = g_strv_length (tokens);
          for (first = n; first > 1 && is_count (tokens[first - 1]); first--)
            ;
          row = g_string_new (NULL);
          g_string_append_printf (row, "(%s)", number);
          for (guint t = first; t < n; t++)
            g_string_append_printf (row, " %s", tokens[t]);
          g_ptr_array_add (rows, g_string_free (g_steal_pointer (&row), FALSE));
        }
    }
  return rows;
}

/* Lines that start "Total" and a count: the tables' total rows, squeezed. */
static GPtrArray *
total_rows (GStrv pages)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) start = g_regex_new ("^\\s*Total\\s+\\d", 0, 0, NULL);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        if (g_regex_match (start, lines[l], 0, NULL))
          g_ptr_array_add (rows, squeeze (lines[l]));
    }
  return rows;
}

/* The seed's Tables 1 to 5, row by row, as the report prints them. Table 1 adds the
 * participants (one per administration in the seed's data) and the reply rate; Table 4 a
 * "No answer" column, as one reply left Q4 unanswered; Table 5's row (10) is 10 + 4, the
 * consistent figures DOMAIN.md explains. */
static const char *const expected_rows[] = {
  /* Table 1: administrations, participants, replies, reply rate */
  "(1) 8 8 5 63%", "(2) 26 26 12 46%", "(3) 21 21 8 38%", "(4) 24 24 19 79%",
  "(5) 21 21 13 62%", "(6) 23 23 11 48%", "(7) 21 21 7 33%", "(8) 7 7 3 43%",
  "(9) 16 16 13 81%", "(10) 25 25 14 56%", "(11) 22 22 10 45%", "(12) 22 22 18 82%",
  "(13) 25 25 15 60%",
  /* Table 2: the six follow-up actions */
  "(1) 3 2 1 1 1 3", "(2) 9 10 9 4 2 1", "(3) 5 4 3 2 2 1", "(4) 15 16 13 9 4 6",
  "(5) 12 13 8 6 2 1", "(6) 7 8 7 3 4 2", "(7) 7 6 2 3 0 0", "(8) 2 3 2 1 3 0",
  "(9) 8 11 4 2 0 1", "(10) 11 13 8 2 0 8", "(11) 7 8 5 2 3 2", "(12) 11 14 12 5 4 5",
  "(13) 12 12 9 7 2 4",
  /* Table 3: replies, direct effects realized, not realized */
  "(1) 5 2 3", "(2) 12 9 3", "(3) 8 7 1", "(4) 19 13 6", "(5) 13 8 5", "(6) 11 5 6",
  "(7) 7 4 3", "(8) 3 1 2", "(9) 13 8 5", "(10) 14 10 4", "(11) 10 7 3", "(12) 18 12 6",
  "(13) 15 10 5",
  /* Table 4: replies, contributed, not contributed, no answer */
  "(1) 5 4 1 0", "(2) 12 12 0 0", "(3) 8 8 0 0", "(4) 19 19 0 0", "(5) 13 12 1 0",
  "(6) 11 10 1 0", "(7) 7 7 0 0", "(8) 3 3 0 0", "(9) 13 13 0 0", "(10) 14 13 1 0",
  "(11) 10 10 0 0", "(12) 18 17 1 0", "(13) 15 14 0 1",
  /* Table 5: replies, project initiated, not initiated */
  "(1) 5 3 2", "(2) 12 9 3", "(3) 8 6 2", "(4) 19 14 5", "(5) 13 6 7", "(6) 11 8 3",
  "(7) 7 5 2", "(8) 3 2 1", "(9) 13 11 2", "(10) 14 10 4", "(11) 10 7 3", "(12) 18 10 8",
  "(13) 15 5 10",
};

static const char *const expected_totals[] = {
  "Total 261 261 148 (57%) 57%",
  "Total 109 (74%) 120 (81%) 83 (56%) 47 (32%) 27 (18%) 34 (23%)",
  "Total 148 96 (65%) 52 (35%)",
  "Total 148 142 (96%) 5 (3%) 1 (1%)",
  "Total 148 96 (65%) 52 (35%)",
};

static void
test_tables (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) totals = NULL;

  if (!fu_test_have_pdftotext ())
    return;
  path = write_report (fixture, FY2016);
  pages = pdf_pages (path, TRUE);

  rows = table_rows (pages);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected_rows));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (g_ptr_array_index (rows, i), ==, expected_rows[i]);

  totals = total_rows (pages);
  g_assert_cmpuint (totals->len, ==, G_N_ELEMENTS (expected_totals));
  for (guint i = 0; i < totals->len; i++)
    g_assert_cmpstr (g_ptr_array_index (totals, i), ==, expected_totals[i]);
}

static gboolean
pages_contain (GStrv       pages,
               const char *text)
{
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_autofree char *page = squeeze (pages[p]);

      if (strstr (page, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *office = NULL;
  g_autofree char *first_page = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  if (!fu_test_have_pdftotext ())
    return;
  path = write_report (fixture, FY2016);
  pages = pdf_pages (path, FALSE);
  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, >, 5);

  /* Every page: the header and its own number. */
  office = fu_store_get_office_name (fixture->store);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page = squeeze (pages[p]);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (page, number));
      g_assert_nonnull (strstr (page, office));
      g_assert_nonnull (strstr (page, "Customs Good Practice Report — Follow-Up Survey "
                                      "FY2016/17"));
    }

  /* The title page names the year and its figures. */
  first_page = squeeze (pages[0]);
  g_assert_nonnull (strstr (first_page, "Follow-Up Survey FY2016/17"));
  g_assert_nonnull (strstr (first_page, "Issued on 15 February 2018"));
  g_assert_nonnull (strstr (first_page, "57%"));

  /* Against the two rounds before the database, as the seed compares. */
  g_assert_true (pages_contain (pages, "148 of them replied: a reply rate of 57% (28% in "
                                       "FY2014/15 and 47% in FY2015/16)."));
  g_assert_true (pages_contain (pages, "6 in FY2014/15 and 18 in FY2015/16"));
  g_assert_true (pages_contain (pages, "19 administrations organized at least 47 in-house "
                                       "workshops"));
  g_assert_true (pages_contain (pages, "Bhutan, Cambodia, China, Fiji, India, Indonesia, "
                                       "Malaysia, Maldives, Mongolia, Myanmar, Nepal, New "
                                       "Zealand, Pakistan, Samoa, Sri Lanka, Thailand, "
                                       "Timor-Leste, Tonga and Vanuatu."));
  g_assert_true (pages_contain (pages, "96 of the 148 replies (65%) observed direct effects"));
  /* A quote with who said it, never their name. */
  g_assert_true (pages_contain (pages, "— Maldives, Regional Workshop on Non-Intrusive "
                                       "Inspection"));
  g_assert_false (pages_contain (pages, "customs-mv.example"));
}

/* Every free-text answer of the year is quoted whole on one page. */
static void
test_quotes_not_split (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GPtrArray) flat = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  FuRules rules;
  FuDay first, last;
  guint n_texts = 0;

  if (!fu_test_have_pdftotext ())
    return;
  path = write_report (fixture, FY2016);
  pages = pdf_pages (path, FALSE);
  for (guint p = 0; pages[p] != NULL; p++)
    g_ptr_array_add (flat, unspaced (pages[p]));

  fu_store_get_rules (fixture->store, &rules);
  fu_fiscal_year_range (&rules, FY2016, &first, &last);
  replies = fu_store_list_replies (fixture->store, first, last, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < replies->len; i++)
    {
      const FuReplyRow *row = g_ptr_array_index (replies, i);
      const char *texts[] = {
        row->reply.other_action_text, row->reply.lessons_use, row->reply.direct_effects_text,
        row->reply.contributed_text, row->reply.project_text,
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autofree char *needle = NULL;
          gboolean found = FALSE;

          if (texts[t] == NULL || *texts[t] == '\0')
            continue;
          needle = unspaced (texts[t]);
          for (guint p = 0; p < flat->len && !found; p++)
            found = strstr (g_ptr_array_index (flat, p), needle) != NULL;
          if (!found)
            g_test_message ("not whole on any page: %s", texts[t]);
          g_assert_true (found);
          n_texts++;
        }
    }
  /* The sample has free text under every question. */
  g_assert_cmpuint (n_texts, >, 200);
}

/* Adds a workshop starting on @start with @n participants, @n_replied of whom replied
 * (saying yes to Q3 to Q5). */
static void
add_workshop (FuStore    *store,
              const char *code,
              const char *title,
              FuDay       start,
              guint       n,
              guint       n_replied)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(GPtrArray) admins = fu_store_list_administrations (store, &error);
  gint64 workshop_id;

  g_assert_no_error (error);
  workshop->code = g_strdup (code);
  workshop->title = g_strdup (title);
  workshop->start_date = start;
  workshop->end_date = start + 2;
  workshop_id = fu_store_add_workshop (store, workshop, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FuParticipant) participant = fu_participant_new ();
      FuAdministration *admin = g_ptr_array_index (admins, i % admins->len);
      gint64 participant_id, attendance_id, followup_id = 0;

      participant->name = g_strdup_printf ("Officer %s %u", code, i);
      participant->email = g_strdup_printf ("officer%u@%s.example", i, code);
      participant->administration_id = admin->id;
      participant_id = fu_store_add_participant (store, participant, &error);
      g_assert_no_error (error);
      attendance_id = fu_store_add_attendance (store, workshop_id, participant_id, &error);
      g_assert_no_error (error);
      g_assert_true (fu_store_lookup_followup (store, attendance_id, &followup_id, &error));
      g_assert_no_error (error);
      if (i < n_replied)
        {
          g_autoptr(FuReply) reply = fu_reply_new ();

          reply->followup_id = followup_id;
          reply->received_date = start + 200;
          reply->actions[FU_ACTION_SUBMITTED_REPORT] = TRUE;
          reply->direct_effects = FU_ANSWER_YES;
          reply->contributed = FU_ANSWER_YES;
          reply->project_initiated = FU_ANSWER_NO;
          g_assert_true (fu_store_save_reply (store, reply, FALSE, &error));
          g_assert_no_error (error);
        }
    }
}

/* The reply rate against the earlier years, as the seed says it. */
static void
test_trend (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;

  if (!fu_test_have_pdftotext ())
    return;
  /* 7 of 25 is 28%; 7 of 15 is 47%. */
  add_workshop (fixture->store, "2014-A", "WCO Regional Workshop on Risk Management",
                fu_day_new (2014, 10, 6), 25, 7);
  add_workshop (fixture->store, "2015-A", "WCO Regional Workshop on Customs Valuation",
                fu_day_new (2015, 11, 2), 15, 7);
  path = write_report (fixture, FY2016);
  pages = pdf_pages (path, FALSE);
  g_assert_true (pages_contain (pages, "148 of them replied: a reply rate of 57% (28% in "
                                       "FY2014/15 and 47% in FY2015/16)."));
  /* Earlier years' replies are not this year's quotes or tables. */
  g_assert_false (pages_contain (pages, "Risk Management (Oct. 2014)"));
}

static void
test_empty_year (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;

  if (!fu_test_have_pdftotext ())
    return;
  path = write_report (fixture, 2030);
  pages = pdf_pages (path, FALSE);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  g_assert_true (pages_contain (pages, "No surveyed workshop started in FY2030/31"));
  g_assert_true (pages_contain (pages, "Page 2 of 2"));
}

/* A year whose workshops have no reply yet: zeros, not a crash or a division by zero. */
static void
test_no_replies (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GPtrArray) totals = NULL;

  if (!fu_test_have_pdftotext ())
    return;
  add_workshop (fixture->store, "2019-A", "WCO Regional Workshop on Rules of Origin",
                fu_day_new (2019, 9, 2), 6, 0);
  path = write_report (fixture, 2019);
  pages = pdf_pages (path, TRUE);
  g_assert_true (pages_contain (pages, "0 of them replied: a reply rate of 0%."));
  totals = total_rows (pages);
  g_assert_cmpuint (totals->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (totals, 0), ==, "Total 6 6 0 (0%) 0%");
  g_assert_cmpstr (g_ptr_array_index (totals, 2), ==, "Total 0 0 0");
}

/* 40 workshops with long titles: every row is printed, on numbered pages. */
static void
test_many_workshops (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n_pages;

  if (!fu_test_have_pdftotext ())
    return;
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *code = g_strdup_printf ("2018-%02u", i + 1);
      g_autofree char *title = g_strdup_printf ("WCO Regional Workshop number %u on the "
                                                "Implementation of the Revised Kyoto "
                                                "Convention and the Trade Facilitation "
                                                "Agreement in Small Island Economies", i + 1);

      add_workshop (fixture->store, code, title, fu_day_new (2018, 7, 2) + i * 8, 4, i % 4);
    }
  path = write_report (fixture, 2018);
  pages = pdf_pages (path, TRUE);
  n_pages = g_strv_length (pages);

  rows = table_rows (pages);
  /* Tables 1 to 5, 40 rows each. */
  g_assert_cmpuint (rows->len, ==, 5 * 40);
  for (guint t = 0; t < 5; t++)
    for (guint i = 0; i < 40; i++)
      {
        g_autofree char *number = g_strdup_printf ("(%u) ", i + 1);

        g_assert_true (g_str_has_prefix (g_ptr_array_index (rows, t * 40 + i), number));
      }
  /* Table 1's row (2): 4 administrations, 4 participants, 1 reply, 25%. */
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "(2) 4 4 1 25%");
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], number));
    }
}

/* The print dialog's way: pagination on its own context at its resolution gives the
 * pages the PDF has, and every page draws. */
static void
test_print_resolution (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuAnnualReport) report = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  double scale = 300.0 / 72.0;
  guint n_pdf, n_print;

  report = fu_annual_report_new (fixture->store, FY2016, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fu_annual_report_get_title (report), ==,
                   "Customs Good Practice Report — Follow-Up Survey FY2016/17");
  g_assert_cmpuint (fu_annual_report_get_fiscal_year (report), ==, FY2016);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  context = fu_page_create_context (cr, 72.0);
  n_pdf = fu_annual_report_paginate (report, context,
                                     FU_PAGE_A4_WIDTH - 2 * FU_PAGE_MARGIN,
                                     FU_PAGE_A4_HEIGHT - 2 * FU_PAGE_MARGIN);
  g_object_unref (context);

  context = fu_page_create_context (cr, 300.0);
  n_print = fu_annual_report_paginate (report, context,
                                       (FU_PAGE_A4_WIDTH - 2 * FU_PAGE_MARGIN) * scale,
                                       (FU_PAGE_A4_HEIGHT - 2 * FU_PAGE_MARGIN) * scale);
  g_assert_cmpuint (n_print, ==, n_pdf);
  g_assert_cmpuint (fu_annual_report_get_n_pages (report), ==, n_pdf);
  for (guint page = 0; page < n_print; page++)
    fu_annual_report_draw_page (report, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_write_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "report.pdf", NULL);

  g_assert_false (fu_annual_report_write_pdf (fixture->store, FY2016, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, sample) \
  g_test_add ("/report/annual-report/" path, Fixture, (sample) ? "sample" : NULL, \
              fixture_set_up, func, fixture_tear_down)

  ADD ("tables", test_tables, TRUE);
  ADD ("text", test_text, TRUE);
  ADD ("quotes-not-split", test_quotes_not_split, TRUE);
  ADD ("trend", test_trend, TRUE);
  ADD ("empty-year", test_empty_year, TRUE);
  ADD ("no-replies", test_no_replies, FALSE);
  ADD ("many-workshops", test_many_workshops, FALSE);
  ADD ("print-resolution", test_print_resolution, TRUE);
  ADD ("write-errors", test_write_errors, TRUE);

#undef ADD

  return g_test_run ();
}
