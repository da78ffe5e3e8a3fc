/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo, redo and the history in the window: Ctrl+Z and Ctrl+Shift+Z on the board, the
 * workshops and the participants; merging two people and taking it back; the board keeping
 * its place and selection across changes; a change made by followup-cli showing up; the
 * History window listing who did what. */
#include "config.h"

#include <adwaita.h>

#include "fu-board-page.h"
#include "fu-command.h"
#include "fu-display-util.h"
#include "fu-history-window.h"
#include "fu-list-models.h"
#include "fu-participants-page.h"
#include "fu-store.h"
#include "fu-window.h"
#include "fu-workshops-page.h"

typedef struct {
  char      *dir;
  char      *path;
  FuStore   *store;
  FuContext *context;
  FuWindow  *window;
  FuDay      today;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fu_display_open_store ("fu-history-XXXXXX", TRUE, &f->dir, &f->path);
  fu_store_set_author (f->store, "Ana Staff");
  f->today = fu_day_new (2018, 1, 15);
  f->context = fu_display_context_new (f->store, f->today);
  f->window = fu_display_open_window (f->context, "followups");
}

/* The same on a team database of its own on the test server (FOLLOWUP_TEST_PG), the sample
 * loaded by followup-cli; no store when there is no server. */
static void
fixture_setup_team (Fixture       *f,
                    gconstpointer  data)
{
  const char *server = g_getenv ("FOLLOWUP_TEST_PG");
  const char *cli = g_getenv ("FOLLOWUP_CLI");
  g_autoptr(GError) error = NULL;
  int status = 0;

  f->dir = g_dir_make_tmp ("fu-history-team-XXXXXX", NULL);
  if (server == NULL || *server == '\0' || cli == NULL)
    return;
  f->path = fu_test_new_team_database ();
  {
    const char *argv[] = { cli, "--database", f->path, "sample", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                  NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  f->store = fu_store_open (f->path, &error);
  g_assert_no_error (error);
  fu_store_set_author (f->store, "Ana Staff");
  f->today = fu_day_new (2018, 1, 15);
  f->context = fu_display_context_new (f->store, f->today);
  f->window = fu_display_open_window (f->context, "followups");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  f->window = NULL;
  g_clear_pointer (&f->path, g_free);
  fu_display_close (&f->context, &f->store, &f->dir);
}

static char *
dump (Fixture *f)
{
  return fu_test_dump_tables (f->path, NULL);
}

static gpointer
page (Fixture    *f,
      const char *name)
{
  return fu_display_page (f->window, name);
}

static gint64
workshop_id (Fixture    *f,
             const char *code)
{
  return fu_test_lookup_workshop (f->store, code);
}

/* Presses @accel with the focus in @widget, as a person working on that page would. */
static void
press_in (Fixture    *f,
          GtkWidget  *widget,
          const char *accel)
{
  gtk_widget_grab_focus (widget);
  fu_display_iterate ();
  g_assert_true (fu_display_press (GTK_WINDOW (f->window), accel));
  fu_display_iterate ();
}

/* After a change: Ctrl+Z takes it back, Ctrl+Shift+Z makes it again, with the focus in
 * @widget. */
static void
check_undo_redo (Fixture    *f,
                 GtkWidget  *widget,
                 const char *before,
                 const char *after)
{
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  press_in (f, widget, "<Control>z");
  undone = dump (f);
  g_assert_cmpstr (undone, ==, before);

  press_in (f, widget, "<Shift><Control>z");
  redone = dump (f);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_board_keys (Fixture       *f,
                 gconstpointer  data)
{
  FuBoardPage *board = page (f, "followups");
  GtkSelectionModel *selection = fu_board_page_get_selection (board);
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;

  fu_board_page_set_group (board, FU_STATUS_OVERDUE);
  fu_display_iterate ();
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  fu_display_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.mark-reminded", NULL));
  fu_display_iterate ();
  after = dump (f);
  g_assert_cmpstr (after, !=, before);

  check_undo_redo (f, GTK_WIDGET (fu_display_child (board, FU_TYPE_BOARD_PAGE, "column_view")),
                   before, after);
}

static void
test_workshops_keys (Fixture       *f,
                     gconstpointer  data)
{
  FuWorkshopsPage *workshops = page (f, "workshops");
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  fu_window_show_page (f->window, "workshops");
  fu_display_iterate ();
  g_assert_true (fu_workshops_page_select (workshops, workshop_id (f, "2016-NII")));
  fu_display_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workshops), "workshop.delete", NULL));
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  fu_display_iterate ();
  g_assert_cmpint (workshop_id (f, "2016-NII"), ==, 0);
  after = dump (f);

  check_undo_redo (f, GTK_WIDGET (fu_display_child (workshops, FU_TYPE_WORKSHOPS_PAGE,
                                                    "list_view")),
                   before, after);
  g_assert_cmpint (workshop_id (f, "2016-NII"), ==, 0);
}

/* Two records of one person merged from the Participants page, then Ctrl+Z: both come back
 * with their attendances and replies. */
static void
test_merge_undo (Fixture       *f,
                 gconstpointer  data)
{
  FuParticipantsPage *people = page (f, "participants");
  g_autoptr(FuParticipant) duplicate = fu_participant_new ();
  g_autoptr(FuCommand) add = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  gint64 ids[2] = { 0, 0 };

  g_assert_true (fu_store_lookup_participant (f->store, "losena.tamani@customs-fj.example",
                                              NULL, 0, &ids[0], &error));
  duplicate->name = g_strdup ("Losena Tamani");
  g_assert_true (fu_store_lookup_administration (f->store, "Fiji",
                                                 &duplicate->administration_id, &error));
  add = fu_command_new_add_participant (duplicate, workshop_id (f, "2017-CV"));
  g_assert_true (fu_context_run (f->context, add, &error));
  g_assert_no_error (error);
  ids[1] = fu_command_get_new_id (add);
  before = dump (f);

  fu_window_show_page (f->window, "participants");
  fu_display_iterate ();
  fu_participants_page_select (people, ids, 2);
  fu_display_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (people), "participants.merge", NULL));
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "merge");
  fu_display_iterate ();
  after = dump (f);
  g_assert_cmpstr (after, !=, before);
  {
    g_autoptr(FuParticipant) gone = fu_store_get_participant (f->store, ids[1], NULL);

    g_assert_null (gone);
  }

  check_undo_redo (f, GTK_WIDGET (fu_display_child (people, FU_TYPE_PARTICIPANTS_PAGE,
                                                    "column_view")),
                   before, after);

  /* Undone again: both records, each with its own attendance. */
  press_in (f, GTK_WIDGET (fu_display_child (people, FU_TYPE_PARTICIPANTS_PAGE, "column_view")),
            "<Control>z");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) history = fu_store_list_participant_history (f->store, ids[i],
                                                                        f->today, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (history->len, ==, 1);
    }
}

static gint64
selected_followup (GtkSelectionModel *selection,
                   guint             *position)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (selection);
  g_autoptr(FuFollowupItem) item = NULL;

  g_assert_cmpuint (gtk_bitset_get_size (set), ==, 1);
  *position = gtk_bitset_get_nth (set, 0);
  item = g_list_model_get_item (G_LIST_MODEL (selection), *position);
  return fu_followup_item_get_row (item)->followup_id;
}

/* The board keeps the row selected and the list where it was, whether the change comes from
 * another page or from an undo on the board itself. */
static void
test_board_keeps_place (Fixture       *f,
                        gconstpointer  data)
{
  FuBoardPage *board = page (f, "followups");
  GtkSelectionModel *selection = fu_board_page_get_selection (board);
  GtkWidget *view = GTK_WIDGET (fu_display_child (board, FU_TYPE_BOARD_PAGE, "column_view"));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  const FuFollowupRow *row;
  gint64 chosen, later_workshop = 0;
  guint n, position, now;
  double value;

  fu_board_page_set_group (board, FU_STATUS_OVERDUE);
  fu_display_iterate ();
  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (n, >, 60);

  /* A row in the middle, the list scrolled to it; the change is to a later workshop. */
  gtk_selection_model_select_item (selection, 40, TRUE);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 3);
  fu_display_iterate ();
  value = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (value, >, 0);
  chosen = selected_followup (selection, &position);
  {
    g_autoptr(FuFollowupItem) item = g_list_model_get_item (G_LIST_MODEL (selection), 40);
    g_autoptr(FuFollowupItem) last = g_list_model_get_item (G_LIST_MODEL (selection), n - 1);

    row = fu_followup_item_get_row (item);
    g_assert_cmpint (fu_followup_item_get_row (last)->workshop_start, >, row->workshop_start);
    later_workshop = fu_followup_item_get_row (last)->workshop_id;
  }

  /* A change made on another page. */
  fu_window_show_page (f->window, "workshops");
  fu_display_iterate ();
  command = fu_command_new_mark_reminded (later_workshop, f->today);
  g_assert_true (fu_context_run (f->context, command, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fu_command_get_entry_id (command), >, 0);
  fu_window_show_page (f->window, "followups");
  fu_display_iterate ();

  g_assert_cmpint (selected_followup (selection, &now), ==, chosen);
  g_assert_cmpuint (now, ==, position);
  /* The same rows in view: within a pixel or two of layout rounding. */
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadjustment), value, 3);

  /* And an undo on the board. */
  press_in (f, view, "<Control>z");
  g_assert_cmpint (selected_followup (selection, &now), ==, chosen);
  g_assert_cmpuint (now, ==, position);
  /* The same rows in view: within a pixel or two of layout rounding. */
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadjustment), value, 3);
}

/* The reminders the board shows for workshop @code. */
static guint
board_reminders (FuBoardPage *board,
                 const char  *code)
{
  GListModel *rows = G_LIST_MODEL (fu_board_page_get_selection (board));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(FuFollowupItem) item = g_list_model_get_item (rows, i);
      const FuFollowupRow *row = fu_followup_item_get_row (item);

      if (g_strcmp0 (row->workshop_code, code) == 0)
        n += row->n_reminders;
    }
  return n;
}

/* followup-cli writes to the same file: the open window shows it within 2 seconds. */
static void
test_other_process (Fixture       *f,
                    gconstpointer  data)
{
  FuBoardPage *board = page (f, "followups");
  const char *cli = g_getenv ("FOLLOWUP_CLI");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  guint before;
  gint64 start;
  const char *argv[] = {
    cli, "--database", f->path, "mark-reminded", "2016-NII", "--date", "2018-01-15", NULL
  };

  fu_board_page_set_group (board, FU_STATUS_OVERDUE);
  fu_display_iterate ();
  before = board_reminders (board, "2016-NII");
  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Reminded after their deadline, they have a new one: they leave the overdue list. */
  start = g_get_monotonic_time ();
  while (board_reminders (board, "2016-NII") == before
         && g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (board_reminders (board, "2016-NII"), ==, 0);
  fu_board_page_set_group (board, FU_STATUS_AWAITING_REPLY);
  fu_display_iterate ();
  g_assert_cmpuint (board_reminders (board, "2016-NII"), >, before);
}

/* followup-cli changes a team database: a window open on it shows it within 2 seconds. */
static void
test_other_process_team (Fixture       *f,
                         gconstpointer  data)
{
  if (f->store == NULL)
    {
      g_test_skip ("no PostgreSQL server: build-aux/dev test starts one (FOLLOWUP_TEST_PG)");
      return;
    }
  test_other_process (f, data);
}

/* The History window: every change, newest first, with its author; searchable. */
static void
test_history_window (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FuCommand) first = fu_command_new_mark_reminded (workshop_id (f, "2016-NII"),
                                                             f->today);
  g_autoptr(FuCommand) second = fu_command_new_set_office_name ("ROCB A/P");
  g_autoptr(GError) error = NULL;
  FuHistoryWindow *history = NULL;
  GPtrArray *entries;
  g_autoptr(GList) toplevels = NULL;

  g_assert_true (fu_context_run (f->context, first, &error));
  g_assert_true (fu_context_run (f->context, second, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-history", NULL));
  fu_display_iterate ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (FU_IS_HISTORY_WINDOW (l->data))
      history = l->data;
  g_assert_nonnull (history);

  entries = fu_history_window_get_entries (history);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((FuAuditEntry *) g_ptr_array_index (entries, 0))->sentence, ==,
                   "Changed the office's name to ROCB A/P");
  g_assert_cmpstr (((FuAuditEntry *) g_ptr_array_index (entries, 0))->author, ==, "Ana Staff");

  fu_history_window_set_search (history, "reminder");
  fu_display_iterate ();
  entries = fu_history_window_get_entries (history);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((FuAuditEntry *) g_ptr_array_index (entries, 0))->kind, ==,
                   "mark-reminded");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/display/history/board-keys", Fixture, NULL, fixture_setup, test_board_keys,
              fixture_teardown);
  g_test_add ("/display/history/workshops-keys", Fixture, NULL, fixture_setup,
              test_workshops_keys, fixture_teardown);
  g_test_add ("/display/history/merge-undo", Fixture, NULL, fixture_setup, test_merge_undo,
              fixture_teardown);
  g_test_add ("/display/history/board-keeps-place", Fixture, NULL, fixture_setup,
              test_board_keeps_place, fixture_teardown);
  g_test_add ("/display/history/other-process", Fixture, NULL, fixture_setup,
              test_other_process, fixture_teardown);
  g_test_add ("/display/history/other-process-team", Fixture, NULL, fixture_setup_team,
              test_other_process_team, fixture_teardown);
  g_test_add ("/display/history/window", Fixture, NULL, fixture_setup, test_history_window,
              fixture_teardown);

  return g_test_run ();
}
