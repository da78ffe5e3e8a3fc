/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Participants page: everyone from the sample, search, a person's history, editing,
 * merging two records of the same person, and a database of 150,000 attendances that
 * loads and scrolls to its end. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "big-database.h"
#include "fu-context.h"
#include "fu-display-util.h"
#include "fu-csv.h"
#include "fu-error.h"
#include "fu-day.h"
#include "fu-list-models.h"
#include "fu-participant-detail.h"
#include "fu-participants-page.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-window.h"

typedef struct {
  char               *dir;
  char               *path;
  FuStore            *store;
  FuContext          *context;
  FuWindow           *window;
  FuParticipantsPage *page;
} Fixture;

static void
open_window (Fixture *f)
{
  f->context = fu_display_context_new (f->store, fu_day_new (2018, 1, 15));
  f->window = fu_display_open_window (f->context, "participants");
  f->page = FU_PARTICIPANTS_PAGE (fu_display_page (f->window, "participants"));
}

/* @data: "sample" loads the sample and opens the window; NULL leaves both to the test. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fu_display_open_store ("fu-participants-XXXXXX", data != NULL, &f->dir, &f->path);
  if (data != NULL)
    open_window (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fu_display_close (&f->context, &f->store, &f->dir);
  g_free (f->path);
}

/* ---- Helpers ----------------------------------------------------------------------------- */

static GObject *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (fu_participants_page_get_model (f->page));
}

static const FuParticipantOverview *
row_at (Fixture *f,
        guint    position)
{
  g_autoptr(GObject) item = g_list_model_get_item (fu_participants_page_get_model (f->page),
                                                   position);

  g_assert_nonnull (item);
  /* The list keeps its items (and their rows) until it is given new ones. */
  return fu_row_item_get_row (FU_ROW_ITEM (item));
}

static void
search (Fixture    *f,
        const char *text)
{
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (child (f->page, FU_TYPE_PARTICIPANTS_PAGE,
                                                   "search_entry"));

  gtk_search_entry_set_search_delay (entry, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (5000);
      fu_display_iterate ();
    }
}

/* People of the sample's attendance list as it identifies them (by e-mail, else by name and
 * administration), keeping those whose name, administration or e-mail contains @needle
 * (lower case; NULL for all). */
static guint
count_sample_people (const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("FOLLOWUP_SOURCE_ROOT"), "data",
                                            "sample", "participants.csv", NULL);
  g_autoptr(FuCsvReader) reader = fu_csv_reader_new_from_file (path, &error);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int email, name, admin;

  g_assert_no_error (error);
  email = fu_csv_reader_find_column (reader, "email");
  name = fu_csv_reader_find_column (reader, "name");
  admin = fu_csv_reader_find_column (reader, "administration");
  while (fu_csv_reader_next (reader, &error))
    {
      const char *e = fu_csv_reader_get_cell (reader, (guint) email);
      const char *n = fu_csv_reader_get_cell (reader, (guint) name);
      const char *a = fu_csv_reader_get_cell (reader, (guint) admin);
      g_autofree char *joined = g_strjoin ("\n", n, a, e, NULL);
      g_autofree char *text = g_ascii_strdown (joined, -1);

      if (needle != NULL && strstr (text, needle) == NULL)
        continue;
      g_hash_table_add (people, *e != '\0' ? g_ascii_strdown (e, -1)
                                           : g_strdup_printf ("%s\n%s", n, a));
    }
  g_assert_no_error (error);
  return g_hash_table_size (people);
}

static gint64
find_by_email (Fixture    *f,
               const char *email)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  fu_store_lookup_participant (f->store, email, NULL, 0, &id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* ---- Tests ------------------------------------------------------------------------------- */

/* Everyone once, however many workshops they attended; the search finds by name,
 * administration and e-mail, whatever the case. */
static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  guint all = count_sample_people (NULL);
  guint maldives = count_sample_people ("maldives");
  guint attendances = 0;

  /* 261 attendances of 255 people. */
  g_assert_cmpuint (all, ==, 255);
  g_assert_cmpuint (n_rows (f), ==, all);
  for (guint i = 0; i < n_rows (f); i++)
    attendances += row_at (f, i)->n_attendances;
  g_assert_cmpuint (attendances, ==, 261);

  g_assert_cmpuint (maldives, >, 1);
  search (f, "MALDIVES");
  g_assert_cmpuint (n_rows (f), ==, maldives);
  for (guint i = 0; i < n_rows (f); i++)
    g_assert_cmpstr (row_at (f, i)->administration, ==, "Maldives");

  search (f, "priya.menon@");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (row_at (f, 0)->name, ==, "Priya Menon");
  g_assert_cmpuint (row_at (f, 0)->n_attendances, ==, 2);

  search (f, "nobody by that name");
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f->page,
                                                                       FU_TYPE_PARTICIPANTS_PAGE,
                                                                       "table_stack"))),
                   ==, "empty");

  search (f, "");
  g_assert_cmpuint (n_rows (f), ==, all);
}

/* Sorting by a header: a first click on Workshops puts those with most workshops first. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (child (f->page, FU_TYPE_PARTICIPANTS_PAGE,
                                                "column_view"));
  GtkColumnViewColumn *column = GTK_COLUMN_VIEW_COLUMN (child (f->page,
                                                               FU_TYPE_PARTICIPANTS_PAGE,
                                                               "attendances_column"));
  GtkColumnViewColumn *name = GTK_COLUMN_VIEW_COLUMN (child (f->page,
                                                             FU_TYPE_PARTICIPANTS_PAGE,
                                                             "name_column"));

  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
  fu_display_iterate ();
  g_assert_cmpuint (row_at (f, 0)->n_attendances, ==, 2);
  for (guint i = 1; i < n_rows (f); i++)
    g_assert_cmpuint (row_at (f, i - 1)->n_attendances, >=, row_at (f, i)->n_attendances);

  gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  fu_display_iterate ();
  for (guint i = 1; i < n_rows (f); i++)
    {
      /* Whatever the case, as the table sorts names. */
      g_autofree char *a = g_utf8_casefold (row_at (f, i - 1)->name, -1);
      g_autofree char *b = g_utf8_casefold (row_at (f, i)->name, -1);

      g_assert_cmpint (g_utf8_collate (a, b), >=, 0);
    }
}

/* Selecting someone shows their workshops; editing saves and the table follows. */
static void
test_detail_edit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuParticipant) saved = NULL;
  FuParticipantDetail *detail = FU_PARTICIPANT_DETAIL (child (f->page,
                                                              FU_TYPE_PARTICIPANTS_PAGE,
                                                              "detail"));
  GtkWidget *position;
  gint64 id = find_by_email (f, "priya.menon@customs-in.example");

  fu_participants_page_select (f->page, &id, 1);
  fu_display_iterate ();
  g_assert_cmpint (fu_participants_page_get_shown (f->page), ==, id);
  g_assert_cmpint (fu_participant_detail_get_participant_id (detail), ==, id);
  g_assert_cmpuint (fu_participant_detail_get_n_workshops (detail), ==, 2);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (f->page,
                                                                FU_TYPE_PARTICIPANTS_PAGE,
                                                                "merge_button"))));

  position = GTK_WIDGET (child (detail, FU_TYPE_PARTICIPANT_DETAIL, "position_row"));
  gtk_editable_set_text (GTK_EDITABLE (position), "Deputy Commissioner");
  g_signal_emit_by_name (position, "entry-activated");
  fu_display_iterate ();
  saved = fu_store_get_participant (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->position, ==, "Deputy Commissioner");
  /* Still selected and shown after the reload. */
  g_assert_cmpint (fu_participants_page_get_shown (f->page), ==, id);
}

/* Two records of one person: selected together, merged into the one chosen; the table
 * has one row less and the kept record has both histories. */
static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuParticipant) duplicate = fu_participant_new ();
  g_autoptr(FuParticipant) gone = NULL;
  g_autoptr(GPtrArray) history = NULL;
  AdwMessageDialog *dialog;
  gint64 keep = find_by_email (f, "losena.tamani@customs-fj.example");
  gint64 workshop = 0;
  gint64 fiji = 0;
  gint64 ids[2];
  guint before;

  /* Losena Tamani entered again, without e-mail, at another workshop. */
  fu_store_lookup_administration (f->store, "Fiji", &fiji, &error);
  g_assert_no_error (error);
  fu_store_lookup_workshop (f->store, "2017-CV", &workshop, &error);
  g_assert_no_error (error);
  duplicate->name = g_strdup ("Losena Tamani");
  duplicate->administration_id = fiji;
  duplicate->position = g_strdup ("Principal Customs Officer");
  {
    g_autoptr(FuCommand) command = fu_command_new_add_participant (duplicate, workshop);

    g_assert_true (fu_context_run (f->context, command, &error));
    g_assert_no_error (error);
    duplicate->id = fu_command_get_new_id (command);
  }
  fu_display_iterate ();

  before = n_rows (f);
  g_assert_cmpuint (before, ==, 256);
  search (f, "losena");
  g_assert_cmpuint (n_rows (f), ==, 2);

  ids[0] = keep;
  ids[1] = duplicate->id;
  fu_participants_page_select (f->page, ids, 2);
  fu_display_iterate ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (child (f->page,
                                                               FU_TYPE_PARTICIPANTS_PAGE,
                                                               "merge_button"))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.merge", NULL));
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  /* The record with the e-mail is the one kept unless told otherwise. */
  adw_message_dialog_response (dialog, "merge");
  fu_display_iterate ();

  gone = fu_store_get_participant (f->store, duplicate->id, &error);
  g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  history = fu_store_list_participant_history (f->store, keep, fu_day_new (2018, 1, 15),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);

  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpint (row_at (f, 0)->participant_id, ==, keep);
  g_assert_cmpuint (row_at (f, 0)->n_attendances, ==, 2);
  search (f, "");
  g_assert_cmpuint (n_rows (f), ==, before - 1);
  g_assert_cmpint (fu_participants_page_get_shown (f->page), ==, keep);
}

/* 6,000 workshops, 40,000 participants, 150,000 attendances: the page lists everyone and
 * scrolls to the end. */
static void
test_big (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  gint64 start;
  guint replies = 0;
  guint attendances = 0;

  start = g_get_monotonic_time ();
  big_database_fill (f->store, BIG_N_WORKSHOPS, BIG_N_PARTICIPANTS, BIG_N_ATTENDANCES, &error);
  g_assert_no_error (error);
  g_test_message ("Made the big database in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  open_window (f);
  g_test_message ("Opened the window on it in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  g_assert_cmpuint (n_rows (f), ==, BIG_N_PARTICIPANTS);
  {
    GPtrArray *rows = NULL;
    g_autoptr(GPtrArray) overview = fu_store_list_participant_overview (f->store, &error);

    g_assert_no_error (error);
    rows = overview;
    for (guint i = 0; i < rows->len; i++)
      {
        attendances += ((FuParticipantOverview *) g_ptr_array_index (rows, i))->n_attendances;
        replies += ((FuParticipantOverview *) g_ptr_array_index (rows, i))->n_replies;
      }
  }
  g_assert_cmpuint (attendances, ==, BIG_N_ATTENDANCES);
  g_assert_cmpuint (replies, ==, BIG_N_ATTENDANCES / 4);

  scroller = GTK_SCROLLED_WINDOW (child (f->page, FU_TYPE_PARTICIPANTS_PAGE, "table_scroller"));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  start = g_get_monotonic_time ();
  for (guint step = 1; step <= 10; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, (upper - page) * step / 10);
      fu_display_iterate ();
    }
  g_test_message ("Scrolled to the end in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >,
                     gtk_adjustment_get_upper (adjustment)
                     - gtk_adjustment_get_page_size (adjustment) - 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment) * 100);

  /* A search over everyone. */
  search (f, "participant 0399");
  g_assert_cmpuint (n_rows (f), ==, 10);
  search (f, "");
  g_assert_cmpuint (n_rows (f), ==, BIG_N_PARTICIPANTS);
}

/* Someone added while another page is shown is there when the page is shown again. */
static void
test_hidden_change (Fixture       *f,
                    gconstpointer  data)
{
  GtkLabel *count = GTK_LABEL (child (f->page, FU_TYPE_PARTICIPANTS_PAGE, "count_label"));
  g_autoptr(FuParticipant) participant = fu_participant_new ();
  g_autoptr(GError) error = NULL;
  gint64 workshop_id = 0;

  g_assert_cmpstr (gtk_label_get_text (count), ==, "255 participants");

  fu_window_show_page (f->window, "followups");
  fu_display_iterate ();
  fu_store_lookup_workshop (f->store, "2017-SEC", &workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (workshop_id, >, 0);
  participant->name = g_strdup ("Ana Newcomer");
  fu_store_lookup_administration (f->store, "Fiji", &participant->administration_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(FuCommand) command = fu_command_new_add_participant (participant, workshop_id);

    g_assert_true (fu_context_run (f->context, command, &error));
    g_assert_no_error (error);
  }
  fu_display_iterate ();

  fu_window_show_page (f->window, "participants");
  fu_display_iterate ();
  g_assert_cmpstr (gtk_label_get_text (count), ==, "256 participants");
  search (f, "newcomer");
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpstr (row_at (f, 0)->name, ==, "Ana Newcomer");
  g_assert_cmpstr (row_at (f, 0)->administration, ==, "Fiji");
}

/* Shown for the first time, the page reads its people in a thread: the table is there at
 * once, saying so, and the people come after; a change while shown reads them again there,
 * the rows shown meanwhile. */
static void
test_reads_in_thread (Fixture       *f,
                      gconstpointer  data)
{
  GtkLabel *count;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  FuParticipantsPage *page;
  guint before;

  fu_test_load_sample (f->store);
  f->context = fu_display_context_new (f->store, fu_day_new (2018, 1, 15));
  f->window = fu_window_new (NULL, f->context);
  gtk_window_present (GTK_WINDOW (f->window));
  fu_window_show_page (f->window, "participants");
  page = FU_PARTICIPANTS_PAGE (fu_display_page (f->window, "participants"));
  count = GTK_LABEL (child (page, FU_TYPE_PARTICIPANTS_PAGE, "count_label"));
  g_assert_cmpuint (fu_gui_count_reads (), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "Reading the participants…");

  fu_display_iterate ();
  g_assert_cmpuint (fu_gui_count_reads (), ==, 0);
  people = fu_store_list_participant_overview (f->store, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("%u participants", people->len);
  g_assert_cmpstr (gtk_label_get_text (count), ==, expected);

  /* A new person while shown: read again in a thread, the rows kept meanwhile. */
  f->page = page;
  before = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (child (page, FU_TYPE_PARTICIPANTS_PAGE, "column_view")))));
  {
    g_autoptr(FuParticipant) person = fu_participant_new ();
    g_autoptr(FuCommand) command = NULL;
    gint64 fiji = 0;

    fu_store_lookup_administration (f->store, "Fiji", &fiji, &error);
    g_assert_no_error (error);
    person->name = g_strdup ("Newly Added");
    person->administration_id = fiji;
    command = fu_command_new_add_participant (person, 0);
    g_assert_true (fu_context_run (f->context, command, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (fu_gui_count_reads (), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (child (page, FU_TYPE_PARTICIPANTS_PAGE, "column_view"))))), ==, before);
  fu_display_iterate ();
  g_assert_cmpuint (n_rows (f), ==, before + 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/display/participants/reads-in-thread", Fixture, NULL,
              fixture_setup, test_reads_in_thread, fixture_teardown);
  g_test_add ("/display/participants/list", Fixture, "sample",
              fixture_setup, test_list, fixture_teardown);
  g_test_add ("/display/participants/sort", Fixture, "sample",
              fixture_setup, test_sort, fixture_teardown);
  g_test_add ("/display/participants/detail-edit", Fixture, "sample",
              fixture_setup, test_detail_edit, fixture_teardown);
  g_test_add ("/display/participants/merge", Fixture, "sample",
              fixture_setup, test_merge, fixture_teardown);
  g_test_add ("/display/participants/hidden-change", Fixture, "sample",
              fixture_setup, test_hidden_change, fixture_teardown);
  if (fu_test_slow_enabled ())
    g_test_add ("/display/participants/big", Fixture, NULL,
                fixture_setup, test_big, fixture_teardown);
  else
    g_test_add_func ("/display/participants/big", fu_test_skip_slow);

  return g_test_run ();
}
