/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Workshops page on the sample: the list by fiscal year and its search, editing in
 * place, adding a workshop, the import preview that refuses a bad attendance list without
 * writing anything, and deleting a workshop then pressing Undo. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <glib/gstdio.h>
#include <string.h>

#include "big-database.h"
#include "fu-context.h"
#include "fu-display-util.h"
#include "fu-day.h"
#include "fu-import-dialog.h"
#include "fu-list-models.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-window.h"
#include "fu-workshop-detail.h"
#include "fu-workshops-page.h"

typedef struct {
  char            *dir;
  char            *path;
  FuStore         *store;
  FuContext       *context;
  FuWindow        *window;
  FuWorkshopsPage *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = fu_display_open_store ("fu-workshops-XXXXXX", data == NULL, &f->dir, &f->path);
  if (data != NULL)
    {
      big_database_fill (f->store, BIG_N_WORKSHOPS, BIG_N_PARTICIPANTS, BIG_N_ATTENDANCES,
                         &error);
      g_assert_no_error (error);
    }

  f->context = fu_display_context_new (f->store, fu_day_new (2018, 1, 15));
  f->window = fu_display_open_window (f->context, "workshops");
  f->page = FU_WORKSHOPS_PAGE (fu_display_page (f->window, "workshops"));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fu_display_close (&f->context, &f->store, &f->dir);
  g_free (f->path);
}

/* ---- Helpers ----------------------------------------------------------------------------- */

/* Every row of every table of the data: "nothing was written" means this does not change. */
static char *
dump (Fixture *f)
{
  return fu_test_dump_tables (f->path, NULL);
}

/* The attendances of the workshop @code (NULL: of every workshop) through the store. */
static gint64
count_attendances (Fixture    *f,
                   const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 id = 0;

  if (code != NULL)
    {
      g_assert_true (fu_store_lookup_workshop (f->store, code, &id, &error));
      g_assert_cmpint (id, >, 0);
    }
  rows = fu_store_list_attendees (f->store, id, &error);
  g_assert_no_error (error);
  return rows->len;
}

static gint64
count_participants (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fu_store_list_participant_overview (f->store, &error);

  g_assert_no_error (error);
  return rows->len;
}

/* The replies to the workshop @code (NULL: to every workshop). */
static gint64
count_replies (Fixture    *f,
               const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = fu_store_list_replies (f->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const FuReplyRow *row = g_ptr_array_index (rows, i);

      if (code == NULL || g_strcmp0 (row->workshop_code, code) == 0)
        n++;
    }
  return n;
}

static gint64
workshop_id (Fixture    *f,
             const char *code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  fu_store_lookup_workshop (f->store, code, &id, &error);
  g_assert_no_error (error);
  return id;
}

static const FuWorkshopsEntry *
entry_at (Fixture *f,
          guint    position)
{
  g_autoptr(GObject) item = g_list_model_get_item (fu_workshops_page_get_entries (f->page),
                                                   position);

  g_assert_nonnull (item);
  /* The list keeps its items, so the row outlives this reference. */
  return fu_row_item_get_row (FU_ROW_ITEM (item));
}

static guint
n_listed_workshops (Fixture *f)
{
  GListModel *entries = fu_workshops_page_get_entries (f->page);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    if (entry_at (f, i)->workshop != NULL)
      n++;
  return n;
}

static GObject *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static void
search (Fixture    *f,
        const char *text)
{
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (child (f->page, FU_TYPE_WORKSHOPS_PAGE,
                                                   "search_entry"));

  gtk_search_entry_set_search_delay (entry, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry reports its search from a timeout. */
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (5000);
      fu_display_iterate ();
    }
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* ---- Tests ------------------------------------------------------------------------------- */

/* The sample's 13 workshops under one heading, FY2016/17, by start date; the search
 * keeps the ones whose code, title or venue match. */
static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) workshops = NULL;
  GListModel *entries = fu_workshops_page_get_entries (f->page);
  const FuWorkshopsEntry *heading;
  guint expected = 0;

  workshops = fu_store_list_workshops (f->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workshops->len, ==, 13);

  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 14);
  heading = entry_at (f, 0);
  g_assert_null (heading->workshop);
  g_assert_cmpuint (heading->fiscal_year, ==, 2016);
  g_assert_cmpuint (heading->n_workshops, ==, 13);
  for (guint i = 0; i < workshops->len; i++)
    {
      const FuWorkshopsEntry *entry = entry_at (f, i + 1);

      g_assert_nonnull (entry->workshop);
      g_assert_cmpuint (entry->fiscal_year, ==, 2016);
      g_assert_cmpstr (entry->workshop->code, ==,
                       ((FuWorkshop *) g_ptr_array_index (workshops, i))->code);
    }

  /* With room for both, the first workshop is shown beside the list. */
  g_assert_cmpint (fu_workshops_page_get_selected (f->page), ==,
                   ((FuWorkshop *) g_ptr_array_index (workshops, 0))->id);

  /* "regional workshop on" is in several titles, "Nadi" in one venue, "2017-" in the
   * codes of the year's last six. */
  for (guint i = 0; i < workshops->len; i++)
    {
      const FuWorkshop *w = g_ptr_array_index (workshops, i);

      g_autofree char *title = g_utf8_casefold (w->title, -1);

      /* "Sub-regional Workshop on" too: the search ignores case. */
      if (strstr (title, "regional workshop on") != NULL)
        expected++;
    }
  g_assert_cmpuint (expected, >, 1);
  search (f, "regional workshop ON");
  g_assert_cmpuint (n_listed_workshops (f), ==, expected);
  g_assert_null (entry_at (f, 0)->workshop);
  g_assert_cmpuint (entry_at (f, 0)->n_workshops, ==, expected);

  search (f, "nadi");
  g_assert_cmpuint (n_listed_workshops (f), ==, 1);
  g_assert_cmpstr (entry_at (f, 1)->workshop->venue, ==, "Nadi, Fiji");
  /* The workshop shown is the one listed, never one the search hid. */
  g_assert_cmpint (fu_workshops_page_get_selected (f->page), ==, entry_at (f, 1)->workshop->id);

  search (f, "2017-");
  g_assert_cmpuint (n_listed_workshops (f), ==, 6);

  search (f, "no such workshop");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);
  g_assert_cmpint (fu_workshops_page_get_selected (f->page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f->page,
                                                                       FU_TYPE_WORKSHOPS_PAGE,
                                                                       "detail_stack"))),
                   ==, "none");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f->page,
                                                                       FU_TYPE_WORKSHOPS_PAGE,
                                                                       "list_stack"))),
                   ==, "empty");

  search (f, "");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 14);
}

/* The detail's attendees are the workshop's follow-ups as core lists them for today, and
 * the table sorts by the column asked for. */
static void
test_attendees (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  FuFollowupQuery query = { 0 };
  FuWorkshopDetail *detail = FU_WORKSHOP_DETAIL (child (f->page, FU_TYPE_WORKSHOPS_PAGE,
                                                        "detail"));
  GListModel *attendees = fu_workshop_detail_get_attendees (detail);
  GtkColumnView *view = GTK_COLUMN_VIEW (child (detail, FU_TYPE_WORKSHOP_DETAIL,
                                                "attendees_view"));
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autoptr(GtkColumnViewColumn) reply_column = NULL;
  guint n;

  g_assert_true (fu_workshops_page_select (f->page, workshop_id (f, "2016-NII")));
  fu_display_iterate ();

  query.as_of = fu_day_new (2018, 1, 15);
  query.workshop_id = workshop_id (f, "2016-NII");
  followups = fu_store_list_followups (f->store, &query, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (attendees);
  g_assert_cmpuint (n, ==, followups->len);
  g_assert_cmpuint (n, >, 5);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (attendees, i);
      const FuAttendanceRow *row = fu_row_item_get_row (FU_ROW_ITEM (item));
      gboolean found = FALSE;

      for (guint j = 0; j < followups->len && !found; j++)
        {
          const FuFollowupRow *followup = g_ptr_array_index (followups, j);

          if (followup->followup_id != row->followup_id)
            continue;
          found = TRUE;
          g_assert_cmpint (row->status, ==, followup->status);
          g_assert_cmpuint (row->dates.received, ==, followup->dates.received);
        }
      g_assert_true (found);
    }

  /* By name, then by reply date, latest first. */
  columns = gtk_column_view_get_columns (view);
  name_column = g_list_model_get_item (columns, 0);
  reply_column = g_list_model_get_item (columns, 4);
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  fu_display_iterate ();
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (attendees, i - 1);
      g_autoptr(GObject) b = g_list_model_get_item (attendees, i);

      g_assert_cmpint (g_utf8_collate (((FuAttendanceRow *) fu_row_item_get_row (
                                          FU_ROW_ITEM (a)))->participant_name,
                                       ((FuAttendanceRow *) fu_row_item_get_row (
                                          FU_ROW_ITEM (b)))->participant_name), <=, 0);
    }
  gtk_column_view_sort_by_column (view, reply_column, GTK_SORT_DESCENDING);
  fu_display_iterate ();
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (attendees, i - 1);
      g_autoptr(GObject) b = g_list_model_get_item (attendees, i);

      g_assert_cmpuint (((FuAttendanceRow *) fu_row_item_get_row (
                           FU_ROW_ITEM (a)))->dates.received, >=,
                        ((FuAttendanceRow *) fu_row_item_get_row (
                           FU_ROW_ITEM (b)))->dates.received);
    }
}

/* A field saves when the person presses Enter in it; a date that is not YYYY-MM-DD is
 * marked and not saved. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  FuWorkshopDetail *detail = FU_WORKSHOP_DETAIL (child (f->page, FU_TYPE_WORKSHOPS_PAGE,
                                                        "detail"));
  GtkWidget *venue = GTK_WIDGET (child (detail, FU_TYPE_WORKSHOP_DETAIL, "venue_row"));
  GtkWidget *start = GTK_WIDGET (child (detail, FU_TYPE_WORKSHOP_DETAIL, "start_row"));
  GtkWidget *surveyed = GTK_WIDGET (child (detail, FU_TYPE_WORKSHOP_DETAIL, "surveyed_switch"));
  gint64 id = workshop_id (f, "2016-LAB");

  g_assert_true (fu_workshops_page_select (f->page, id));
  fu_display_iterate ();
  g_assert_cmpint (fu_workshop_detail_get_workshop_id (detail), ==, id);

  gtk_editable_set_text (GTK_EDITABLE (venue), "Hong Kong, China");
  g_signal_emit_by_name (venue, "entry-activated");
  fu_display_iterate ();
  saved = fu_store_get_workshop (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->venue, ==, "Hong Kong, China");
  g_clear_pointer (&saved, fu_workshop_free);

  /* The list shows the new venue, and the search finds it. */
  search (f, "hong kong, china");
  g_assert_cmpuint (n_listed_workshops (f), ==, 1);
  search (f, "");

  before = dump (f);
  gtk_editable_set_text (GTK_EDITABLE (start), "2016-11-31");
  g_signal_emit_by_name (start, "entry-activated");
  fu_display_iterate ();
  g_assert_true (gtk_widget_has_css_class (start, "error"));
  after = dump (f);
  g_assert_cmpstr (after, ==, before);

  gtk_switch_set_active (GTK_SWITCH (surveyed), FALSE);
  fu_display_iterate ();
  saved = fu_store_get_workshop (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_false (saved->surveyed);
}

/* A colleague changed the workshop on screen (another connection) before this window heard
 * of it: saving a field there says who and when, writes nothing, and shows their version; or
 * overwrites with this one when asked. */
static void
test_edit_conflict (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuStore) other = fu_test_open_store (f->path);
  g_autoptr(FuWorkshop) theirs = NULL;
  g_autoptr(FuWorkshop) saved = NULL;
  g_autoptr(FuCommand) command = NULL;
  FuWorkshopDetail *detail = FU_WORKSHOP_DETAIL (child (f->page, FU_TYPE_WORKSHOPS_PAGE,
                                                        "detail"));
  GtkWidget *venue = GTK_WIDGET (child (detail, FU_TYPE_WORKSHOP_DETAIL, "venue_row"));
  GtkWidget *notes = GTK_WIDGET (child (detail, FU_TYPE_WORKSHOP_DETAIL, "notes_row"));
  AdwMessageDialog *dialog;
  gint64 id = workshop_id (f, "2016-LAB");

  g_assert_true (fu_workshops_page_select (f->page, id));
  fu_display_iterate ();

  fu_store_set_author (other, "Ana Lopez");
  theirs = fu_store_get_workshop (other, id, &error);
  g_free (theirs->venue);
  theirs->venue = g_strdup ("Bangkok");
  command = fu_command_new_edit_workshop (theirs);
  g_assert_true (fu_command_apply (command, other, &error));
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (notes), "Rescheduled");
  g_signal_emit_by_name (notes, "entry-activated");
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed by a Colleague");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Ana Lopez changed this workshop at "));
  saved = fu_store_get_workshop (f->store, id, &error);
  g_assert_null (saved->notes);
  g_clear_pointer (&saved, fu_workshop_free);

  /* Theirs: the fields show the colleague's venue, and nothing of mine was written. */
  adw_message_dialog_response (dialog, "theirs");
  fu_display_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (venue)), ==, "Bangkok");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (notes)), ==, "");

  /* Again, and this time mine wins. */
  g_free (theirs->venue);
  theirs->venue = g_strdup ("Tokyo");
  g_clear_object (&command);
  command = fu_command_new_edit_workshop (theirs);
  g_assert_true (fu_command_apply (command, other, &error));
  gtk_editable_set_text (GTK_EDITABLE (notes), "Rescheduled");
  g_signal_emit_by_name (notes, "entry-activated");
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "overwrite");
  fu_display_iterate ();
  saved = fu_store_get_workshop (f->store, id, &error);
  g_assert_cmpstr (saved->notes, ==, "Rescheduled");
  g_assert_cmpstr (saved->venue, ==, "Bangkok");
}

/* "Add Workshop" from the window opens the page's form; the new workshop is selected. */
static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuWorkshop) added = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *row;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-workshop", NULL));
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* Code, title, kind, start date, end date. */
  list = adw_message_dialog_get_extra_child (dialog);
  row = gtk_widget_get_first_child (list);
  gtk_editable_set_text (GTK_EDITABLE (row), "2016-NII");
  row = gtk_widget_get_next_sibling (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "WCO Regional Workshop on Risk Management");
  row = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "2018-03-05");
  /* The code is taken. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (list)), "2018-RM");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  adw_message_dialog_response (dialog, "add");
  fu_display_iterate ();

  id = workshop_id (f, "2018-RM");
  g_assert_cmpint (id, >, 0);
  added = fu_store_get_workshop (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->start_date, ==, fu_day_new (2018, 3, 5));
  g_assert_cmpuint (added->end_date, ==, added->start_date);
  g_assert_cmpint (fu_workshops_page_get_selected (f->page), ==, id);
  /* FY2017/18 comes first, with its one workshop. */
  g_assert_cmpuint (entry_at (f, 0)->fiscal_year, ==, 2017);
  g_assert_cmpuint (entry_at (f, 0)->n_workshops, ==, 1);
  g_assert_cmpint (entry_at (f, 1)->workshop->id, ==, id);
}

/* Another program holds the file for writing, until release_file(): the app's writes are
 * refused meanwhile. */
static sqlite3 *
hold_file (Fixture *f)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return other;
}

static void
release_file (sqlite3 *other)
{
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

/* Sends @dialog's form while the file is held: the same form comes back, saying why. */
static AdwMessageDialog *
send_refused (Fixture          *f,
              AdwMessageDialog *dialog)
{
  sqlite3 *other = hold_file (f);

  adw_message_dialog_response (dialog, "add");
  fu_display_iterate ();
  release_file (other);
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "What you typed is kept"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  return dialog;
}

/* A New Workshop that the database refuses (another program holds it, or a team database is
 * out of reach) comes back with what was typed, and says why; sent again, it is added. */
static void
test_add_refused (Fixture       *f,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-workshop", NULL));
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  list = adw_message_dialog_get_extra_child (dialog);
  row = gtk_widget_get_first_child (list);
  gtk_editable_set_text (GTK_EDITABLE (row), "2018-RM");
  row = gtk_widget_get_next_sibling (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "WCO Regional Workshop on Risk Management");
  row = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (row));
  gtk_editable_set_text (GTK_EDITABLE (row), "2018-03-05");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* Another program writes to the file meanwhile. */
  dialog = send_refused (f, dialog);
  g_assert_cmpint (workshop_id (f, "2018-RM"), ==, 0);
  list = adw_message_dialog_get_extra_child (dialog);
  row = gtk_widget_get_first_child (list);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2018-RM");
  row = gtk_widget_get_next_sibling (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   "WCO Regional Workshop on Risk Management");

  /* The other program is done: sent again, the workshop is added. */
  adw_message_dialog_response (dialog, "add");
  fu_display_iterate ();
  g_assert_cmpint (workshop_id (f, "2018-RM"), >, 0);
}

/* A bad attendance list: the preview lists every problem with its line and column, Import
 * is disabled, and the database is as it was; adding unknown administrations runs the
 * check again. A good list imports. */
static void
test_import_preview (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) good = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  FuImportDialog *dialog;
  GtkListBox *issues;
  guint n_issues;
  gint64 attendances;

  bad = write_file (f, "nii-attendance.csv",
                    "workshop_code,name,administration,email\n"
                    "2016-NII,Carla Diaz,Japan,carla@customs-jp.example\n"
                    "2016-NII,Dan Lee,Japan,dan@\n"
                    "2016-NII,,Korea,nobody@customs-kr.example\n"
                    "2016-NII,Erin Moss,Atlantis,erin@customs-at.example\n");
  before = dump (f);

  dialog = fu_import_dialog_new (GTK_WINDOW (f->window), f->context, bad);
  gtk_window_present (GTK_WINDOW (dialog));
  fu_display_iterate ();

  g_assert_cmpuint (fu_import_dialog_get_n_rows (dialog), ==, 4);
  n_issues = fu_import_dialog_get_n_issues (dialog);
  g_assert_cmpuint (n_issues, >=, 3);
  g_assert_false (fu_import_dialog_get_can_import (dialog));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (child (dialog, FU_TYPE_IMPORT_DIALOG,
                                                              "import_button"))));

  /* Each problem names the file, the line and the column. */
  issues = GTK_LIST_BOX (child (dialog, FU_TYPE_IMPORT_DIALOG, "issues_list"));
  {
    GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (issues));
    gboolean email_issue = FALSE;
    guint rows = 0;

    for (; row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
        const char *text = gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (box)));

        g_assert_true (g_str_has_prefix (text, "nii-attendance.csv:"));
        if (g_str_has_prefix (text, "nii-attendance.csv:3: column email:"))
          email_issue = TRUE;
        rows++;
      }
    g_assert_true (email_issue);
    g_assert_cmpuint (rows, ==, n_issues);
  }

  /* Import does nothing while there are problems. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  fu_display_iterate ();
  after = dump (f);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* Atlantis becomes acceptable; the rest stays wrong, and still nothing is written. */
  fu_import_dialog_set_add_administrations (dialog, TRUE);
  fu_display_iterate ();
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, n_issues - 1);
  g_assert_false (fu_import_dialog_get_can_import (dialog));
  after = dump (f);
  g_assert_cmpstr (after, ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  fu_display_iterate ();

  /* A good list: previewed, then imported, and the detail lists the new attendees. */
  attendances = count_attendances (f, NULL);
  good = write_file (f, "nii-late.csv",
                     "workshop_code,name,administration,email\n"
                     "2016-NII,Carla Diaz,Japan,carla@customs-jp.example\n"
                     "2016-NII,Dan Lee,Japan,dan@customs-jp.example\n");
  dialog = fu_import_dialog_new (GTK_WINDOW (f->window), f->context, good);
  gtk_window_present (GTK_WINDOW (dialog));
  fu_display_iterate ();
  g_assert_cmpuint (fu_import_dialog_get_n_issues (dialog), ==, 0);
  g_assert_true (fu_import_dialog_get_can_import (dialog));
  g_assert_cmpint (count_attendances (f, NULL), ==, attendances);

  g_assert_true (fu_workshops_page_select (f->page, workshop_id (f, "2016-NII")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  fu_display_iterate ();
  g_assert_cmpint (count_attendances (f, NULL), ==, attendances + 2);
  {
    FuWorkshopDetail *detail = FU_WORKSHOP_DETAIL (child (f->page, FU_TYPE_WORKSHOPS_PAGE,
                                                          "detail"));
    gint64 nii = count_attendances (f, "2016-NII");

    g_assert_cmpuint (g_list_model_get_n_items (fu_workshop_detail_get_attendees (detail)), ==,
                      nii);
  }
}

/* Deleting asks first; Undo brings the workshop back with its attendances, follow-ups,
 * reminders and replies, exactly as they were. */
static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  gint64 id = workshop_id (f, "2016-NII");
  gint64 attendances = count_attendances (f, NULL);
  gint64 replies = count_replies (f, NULL);
  gint64 nii_attendances = count_attendances (f, "2016-NII");
  gint64 nii_replies = count_replies (f, "2016-NII");

  g_assert_cmpint (nii_attendances, >, 0);
  g_assert_cmpint (nii_replies, >, 0);
  before = dump (f);

  g_assert_true (fu_workshops_page_select (f->page, id));
  fu_display_iterate ();

  /* Cancel: nothing happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "workshop.delete", NULL));
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  fu_display_iterate ();
  after = dump (f);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "workshop.delete", NULL));
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  fu_display_iterate ();

  g_assert_cmpint (workshop_id (f, "2016-NII"), ==, 0);
  g_assert_cmpint (count_attendances (f, NULL), ==,
                   attendances - nii_attendances);
  g_assert_cmpint (count_replies (f, NULL), ==, replies - nii_replies);
  g_assert_cmpuint (n_listed_workshops (f), ==, 12);
  g_assert_cmpint (fu_workshops_page_get_selected (f->page), !=, id);

  /* The toast's Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "workshops.undo-delete",
                                             NULL));
  fu_display_iterate ();
  g_assert_cmpint (workshop_id (f, "2016-NII"), ==, id);
  g_assert_cmpint (count_attendances (f, NULL), ==, attendances);
  g_assert_cmpint (count_replies (f, NULL), ==, replies);
  after = dump (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_listed_workshops (f), ==, 13);
  g_assert_cmpint (fu_workshops_page_get_selected (f->page), ==, id);

  /* Once only: a second Undo does nothing. */
  g_clear_pointer (&after, g_free);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "workshops.undo-delete", NULL);
  fu_display_iterate ();
  after = dump (f);
  g_assert_cmpstr (after, ==, before);
}

/* The text pdftotext reads from @path, white space squeezed to single spaces. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

/* "Feedback Sheet…" saves the selected workshop's aggregated replies: a PDF that says how
 * many replied, or CSV when the name ends in .csv; not offered for a workshop that is not
 * surveyed. */
static void
test_feedback_sheet (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "feedback-2016-NII.pdf", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "feedback-2016-NII.csv", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *replies_row = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  FuWorkshopDetail *detail = FU_WORKSHOP_DETAIL (child (f->page, FU_TYPE_WORKSHOPS_PAGE,
                                                        "detail"));
  GtkWidget *button = GTK_WIDGET (child (detail, FU_TYPE_WORKSHOP_DETAIL, "feedback_button"));
  GtkWidget *surveyed = GTK_WIDGET (child (detail, FU_TYPE_WORKSHOP_DETAIL, "surveyed_switch"));
  gint64 replies = count_replies (f, "2016-NII");

  if (pdftotext == NULL)
    {
      g_test_fail_printf ("pdftotext is missing: install poppler-utils (build-aux/dev does)");
      return;
    }
  g_assert_cmpint (replies, >, 3);

  g_assert_true (fu_workshops_page_select (f->page, workshop_id (f, "2016-NII")));
  fu_display_iterate ();
  g_assert_true (gtk_widget_is_sensitive (button));

  g_assert_true (fu_workshops_page_export_feedback (f->page, pdf_file));
  text = pdf_text (pdf);
  expected = g_strdup_printf ("Replies received %" G_GINT64_FORMAT " ", replies);
  g_assert_nonnull (strstr (text, "WCO Regional Workshop on Non-Intrusive Inspection"));
  g_assert_nonnull (strstr (text, expected));

  g_assert_true (fu_workshops_page_export_feedback (f->page, csv_file));
  g_file_get_contents (csv, &contents, NULL, &error);
  g_assert_no_error (error);
  /* With the byte-order mark a spreadsheet needs. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "item,count"));
  replies_row = g_strdup_printf ("\nreplies,%" G_GINT64_FORMAT, replies);
  g_assert_nonnull (strstr (contents, replies_row));
  g_assert_null (strstr (contents, "%PDF"));

  /* Not surveyed: no replies to add up, so no sheet. */
  gtk_switch_set_active (GTK_SWITCH (surveyed), FALSE);
  fu_display_iterate ();
  g_assert_false (gtk_widget_is_sensitive (button));
}

static gboolean
is_drop_down (GtkWidget  *widget,
              const char *unused)
{
  return GTK_IS_DROP_DOWN (widget);
}

/* Chooses @name in the form's searchable administration drop-down. */
static void
choose_administration (GtkWidget  *list,
                       const char *name)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (fu_display_find (list, is_drop_down, NULL));
  GListModel *model;

  g_assert_nonnull (drop_down);
  g_assert_true (gtk_drop_down_get_enable_search (drop_down));
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, GTK_INVALID_LIST_POSITION);
  model = gtk_drop_down_get_model (drop_down);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name))
      gtk_drop_down_set_selected (drop_down, i);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), !=, GTK_INVALID_LIST_POSITION);
  fu_display_iterate ();
}

/* Someone of the same administration whose name is alike, with another e-mail: the app
 * asks, and the known person is added rather than a second record. */
static void
test_add_participant_alike (Fixture       *f,
                            gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *name;
  GtkWidget *email;
  gint64 participants = count_participants (f);
  gint64 attendances = count_attendances (f, NULL);

  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (fu_workshops_page_select (f->page, workshop_id (f, "2017-CV")));
      fu_display_iterate ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page),
                                                 "workshop.add-participant", NULL));
      fu_display_iterate ();
      dialog = fu_display_find_message_dialog ();
      list = adw_message_dialog_get_extra_child (dialog);
      name = gtk_widget_get_first_child (list);
      email = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (name));
      /* The same person, without the accent, words swapped, a new address. */
      gtk_editable_set_text (GTK_EDITABLE (name), "tamani losena");
      gtk_editable_set_text (GTK_EDITABLE (email), round == 0 ? "l.tamani@new-fj.example"
                                                              : "other.tamani@new-fj.example");
      choose_administration (list, "Fiji");
      adw_message_dialog_response (dialog, "add");
      fu_display_iterate ();

      dialog = fu_display_find_message_dialog ();
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Is This Losena Tamani?");
      adw_message_dialog_response (dialog, round == 0 ? "existing" : "new");
      fu_display_iterate ();
    }
  /* Once as the known person, once as a new one: both attend, one record was added. */
  g_assert_cmpint (count_participants (f), ==, participants + 1);
  g_assert_cmpint (count_attendances (f, NULL), ==, attendances + 2);
}

/* Adding someone already known (by e-mail) reuses the record. */
static void
test_add_participant (Fixture       *f,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *name;
  GtkWidget *email;
  gint64 participants = count_participants (f);
  gint64 attendances = count_attendances (f, NULL);

  g_assert_true (fu_workshops_page_select (f->page, workshop_id (f, "2017-CV")));
  fu_display_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "workshop.add-participant",
                                             NULL));
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);

  /* Name, administration, e-mail, position; no administration until one is chosen. */
  list = adw_message_dialog_get_extra_child (dialog);
  name = gtk_widget_get_first_child (list);
  email = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (name));
  gtk_editable_set_text (GTK_EDITABLE (name), "Losena Tamani");
  gtk_editable_set_text (GTK_EDITABLE (email), "LOSENA.TAMANI@customs-fj.example");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  choose_administration (list, "Fiji");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  fu_display_iterate ();

  g_assert_cmpint (count_participants (f), ==, participants);
  g_assert_cmpint (count_attendances (f, NULL), ==, attendances + 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) history = NULL;
    gint64 id = 0;

    g_assert_true (fu_store_lookup_participant (f->store, "losena.tamani@customs-fj.example",
                                                NULL, 0, &id, &error));
    g_assert_cmpint (id, >, 0);
    history = fu_store_list_participant_history (f->store, id, fu_day_new (2018, 1, 15), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 2);
  }
}

/* The same for Add Participant: refused, the form comes back as it was typed. */
static void
test_add_participant_refused (Fixture       *f,
                              gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *name;
  GtkWidget *email;
  gint64 attendances = count_attendances (f, NULL);

  g_assert_true (fu_workshops_page_select (f->page, workshop_id (f, "2017-CV")));
  fu_display_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "workshop.add-participant",
                                             NULL));
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  list = adw_message_dialog_get_extra_child (dialog);
  name = gtk_widget_get_first_child (list);
  email = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (name));
  gtk_editable_set_text (GTK_EDITABLE (name), "Kim Refused");
  gtk_editable_set_text (GTK_EDITABLE (email), "kim.refused@customs-fj.example");
  choose_administration (list, "Fiji");

  /* The administration too comes back: send_refused() finds the form can be sent. */
  dialog = send_refused (f, dialog);
  g_assert_cmpint (count_attendances (f, NULL), ==, attendances);
  list = adw_message_dialog_get_extra_child (dialog);
  name = gtk_widget_get_first_child (list);
  email = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Kim Refused");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==,
                   "kim.refused@customs-fj.example");

  adw_message_dialog_response (dialog, "add");
  fu_display_iterate ();
  g_assert_cmpint (count_attendances (f, NULL), ==, attendances + 1);
}

/* 6,000 workshops over 34 fiscal years: every one listed under its year's heading, the
 * list scrolls to its end, and the search goes through them all. */
static void
test_big (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) workshops = NULL;
  g_autoptr(GHashTable) years = g_hash_table_new (NULL, NULL);
  GListModel *entries = fu_workshops_page_get_entries (f->page);
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  const FuRules *rules = fu_context_get_rules (f->context);
  guint previous_year = G_MAXUINT;
  gint64 start;

  workshops = fu_store_list_workshops (f->store, FU_DAY_NONE, FU_DAY_NONE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < workshops->len; i++)
    {
      const FuWorkshop *w = g_ptr_array_index (workshops, i);

      g_hash_table_add (years, GUINT_TO_POINTER (fu_fiscal_year_of (rules, w->start_date)));
    }
  g_assert_cmpuint (g_hash_table_size (years), ==, 34);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==,
                    BIG_N_WORKSHOPS + g_hash_table_size (years));
  g_assert_cmpuint (n_listed_workshops (f), ==, BIG_N_WORKSHOPS);

  /* Headings newest year first, each followed by its workshops. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      const FuWorkshopsEntry *entry = entry_at (f, i);

      if (entry->workshop == NULL)
        {
          g_assert_cmpuint (entry->fiscal_year, <, previous_year);
          previous_year = entry->fiscal_year;
        }
      else
        {
          g_assert_cmpuint (entry->fiscal_year, ==, previous_year);
          g_assert_cmpuint (fu_fiscal_year_of (rules, entry->workshop->start_date), ==,
                            previous_year);
        }
    }

  scroller = GTK_SCROLLED_WINDOW (child (f->page, FU_TYPE_WORKSHOPS_PAGE, "list_scroller"));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  start = g_get_monotonic_time ();
  for (guint step = 1; step <= 10; step++)
    {
      gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment)
                                             - gtk_adjustment_get_page_size (adjustment))
                                            * step / 10);
      fu_display_iterate ();
    }
  g_test_message ("Scrolled to the end in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >,
                     gtk_adjustment_get_upper (adjustment)
                     - gtk_adjustment_get_page_size (adjustment) - 1);

  start = g_get_monotonic_time ();
  search (f, "w0599");
  g_test_message ("Searched in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (n_listed_workshops (f), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/display/workshops/list", Fixture, NULL,
              fixture_setup, test_list, fixture_teardown);
  g_test_add ("/display/workshops/attendees", Fixture, NULL,
              fixture_setup, test_attendees, fixture_teardown);
  g_test_add ("/display/workshops/edit", Fixture, NULL,
              fixture_setup, test_edit, fixture_teardown);
  g_test_add ("/display/workshops/edit-conflict", Fixture, NULL,
              fixture_setup, test_edit_conflict, fixture_teardown);
  g_test_add ("/display/workshops/add", Fixture, NULL,
              fixture_setup, test_add, fixture_teardown);
  g_test_add ("/display/workshops/add-refused", Fixture, NULL,
              fixture_setup, test_add_refused, fixture_teardown);
  g_test_add ("/display/workshops/add-participant-alike", Fixture, NULL,
              fixture_setup, test_add_participant_alike, fixture_teardown);
  g_test_add ("/display/workshops/add-participant-refused", Fixture, NULL,
              fixture_setup, test_add_participant_refused, fixture_teardown);
  g_test_add ("/display/workshops/add-participant", Fixture, NULL,
              fixture_setup, test_add_participant, fixture_teardown);
  g_test_add ("/display/workshops/import-preview", Fixture, NULL,
              fixture_setup, test_import_preview, fixture_teardown);
  g_test_add ("/display/workshops/feedback-sheet", Fixture, NULL,
              fixture_setup, test_feedback_sheet, fixture_teardown);
  g_test_add ("/display/workshops/delete-undo", Fixture, NULL,
              fixture_setup, test_delete_undo, fixture_teardown);
  if (fu_test_slow_enabled ())
    g_test_add ("/display/workshops/big", Fixture, "big",
                fixture_setup, test_big, fixture_teardown);
  else
    g_test_add_func ("/display/workshops/big", fu_test_skip_slow);

  return g_test_run ();
}
