/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reply editor: a reply entered through its widgets reaches the database and the
 * board; bad values block saving where they are; Escape asks before discarding. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fu-board-page.h"
#include "fu-context.h"
#include "fu-display-util.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-list-models.h"
#include "fu-reply-editor.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-window.h"

typedef struct {
  char        *dir;
  FuStore     *store;
  FuContext   *context;
  FuWindow    *window;
  FuBoardPage *board;
  FuDay        today;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = fu_display_open_store ("fu-reply-XXXXXX", TRUE, &f->dir, NULL);
  f->today = fu_day_new (2017, 12, 20);
  f->context = fu_display_context_new (f->store, f->today);
  f->window = fu_display_open_window (f->context, "followups");
  f->board = FU_BOARD_PAGE (fu_display_child (f->window, FU_TYPE_WINDOW, "board_page"));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fu_display_close (&f->context, &f->store, &f->dir);
}

/* The first follow-up the board lists in @group that has no reply at all (the sample's
 * replies that arrive after "today" are recorded already). */
static gint64
first_in_group (Fixture          *f,
                FuFollowupStatus  group,
                char            **name)
{
  GListModel *rows = G_LIST_MODEL (fu_board_page_get_selection (f->board));

  fu_board_page_set_group (f->board, group);
  fu_display_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(FuFollowupItem) item = g_list_model_get_item (rows, i);
      const FuFollowupRow *row = fu_followup_item_get_row (item);
      g_autoptr(FuReply) reply = NULL;
      g_autoptr(GError) error = NULL;

      reply = fu_store_get_reply (f->store, row->followup_id, &error);
      g_assert_no_error (error);
      if (reply != NULL)
        continue;
      if (name != NULL)
        *name = g_strdup (row->participant_name);
      return row->followup_id;
    }
  g_assert_not_reached ();
}

/* An editor opened from the board, as Record Reply does. */
static FuReplyEditor *
open_editor (Fixture *f,
             gint64   followup_id)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkSelectionModel *selection = fu_board_page_get_selection (f->board);
  GListModel *rows = G_LIST_MODEL (selection);
  g_autoptr(GList) toplevels = NULL;
  FuReplyEditor *editor = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(FuFollowupItem) item = g_list_model_get_item (rows, i);

      if (fu_followup_item_get_row (item)->followup_id == followup_id)
        gtk_selection_model_select_item (selection, i, TRUE);
    }
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->board), "board.record-reply", NULL);
  fu_display_iterate ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (FU_IS_REPLY_EDITOR (l->data))
      editor = l->data;
  g_assert_nonnull (editor);
  g_assert_cmpint (fu_reply_editor_get_followup_id (editor), ==, followup_id);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  return editor;
}

static GtkWidget *
widget (FuReplyEditor *editor,
        const char    *name)
{
  GtkWidget *child = fu_reply_editor_get_widget (editor, name);

  g_assert_nonnull (child);
  return child;
}

static void
set_text (FuReplyEditor *editor,
          const char    *name,
          const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget (editor, name)), text);
  fu_display_iterate ();
}

static void
set_view_text (FuReplyEditor *editor,
               const char    *name,
               const char    *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget (editor, name))),
                            text, -1);
  fu_display_iterate ();
}

static void
check (FuReplyEditor *editor,
       const char    *name)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget (editor, name)), TRUE);
  fu_display_iterate ();
}

static void
toggle (FuReplyEditor *editor,
        const char    *name)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widget (editor, name)), TRUE);
  fu_display_iterate ();
}

static gboolean
editor_is_open (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (FU_IS_REPLY_EDITOR (l->data))
      return TRUE;
  return FALSE;
}

static void
test_record (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(FuReply) reply = NULL;
  g_autoptr(FuFollowupRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  FuReplyEditor *editor;
  AdwWindowTitle *title;
  GtkWidget *undo;
  guint overdue;
  gint64 id;

  id = first_in_group (f, FU_STATUS_OVERDUE, &name);
  overdue = fu_board_page_get_count (f->board, FU_STATUS_OVERDUE);
  editor = open_editor (f, id);

  /* Each Q1 line is one Tab stop, its check box, named once (by its row). */
  {
    const char *checks[] = { "shared_materials_check", "submitted_report_check",
                             "made_recommendations_check", "inhouse_workshop_check",
                             "developed_manuals_check", "other_action_check" };

    for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
      {
        GtkWidget *check = widget (editor, checks[i]);
        GtkWidget *line = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

        g_assert_nonnull (line);
        g_assert_true (gtk_widget_get_focusable (check));
        g_assert_false (gtk_widget_get_focusable (line));
        g_assert_null (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)));
      }
  }

  /* A new reply starts as received today, with nothing answered: no changes yet. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (editor, "received_entry"))),
                   ==, "2017-12-20");
  title = ADW_WINDOW_TITLE (widget (editor, "window_title"));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, name);
  g_assert_false (fu_reply_editor_has_changes (editor));
  g_assert_true (fu_reply_editor_is_valid (editor));

  set_text (editor, "received_entry", "2017-12-18");
  check (editor, "shared_materials_check");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget (editor, "colleagues_shared_spin")), 12);
  check (editor, "inhouse_workshop_check");
  check (editor, "other_action_check");
  set_text (editor, "other_action_entry", "Briefed the border police");
  set_text (editor, "colleagues_learned_spin", "7");
  set_view_text (editor, "lessons_use_view", "Risk profiles now use the new indicators.");
  toggle (editor, "direct_effects_yes");
  set_view_text (editor, "direct_effects_view", "Two seizures in November.");
  toggle (editor, "contributed_no");
  g_assert_true (fu_reply_editor_has_changes (editor));
  g_assert_true (fu_reply_editor_is_valid (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "reply.save", NULL);
  fu_display_iterate ();
  g_assert_false (editor_is_open ());

  reply = fu_store_get_reply (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  g_assert_cmpuint (reply->received_date, ==, fu_day_new (2017, 12, 18));
  g_assert_true (reply->actions[FU_ACTION_SHARED_MATERIALS]);
  g_assert_false (reply->actions[FU_ACTION_SUBMITTED_REPORT]);
  g_assert_false (reply->actions[FU_ACTION_MADE_RECOMMENDATIONS]);
  g_assert_true (reply->actions[FU_ACTION_INHOUSE_WORKSHOP]);
  g_assert_false (reply->actions[FU_ACTION_DEVELOPED_MANUALS]);
  g_assert_true (reply->actions[FU_ACTION_OTHER]);
  g_assert_cmpint (reply->colleagues_shared, ==, 12);
  g_assert_cmpstr (reply->other_action_text, ==, "Briefed the border police");
  g_assert_cmpint (reply->colleagues_learned, ==, 7);
  g_assert_cmpstr (reply->lessons_use, ==, "Risk profiles now use the new indicators.");
  g_assert_cmpint (reply->direct_effects, ==, FU_ANSWER_YES);
  g_assert_cmpstr (reply->direct_effects_text, ==, "Two seizures in November.");
  g_assert_cmpint (reply->contributed, ==, FU_ANSWER_NO);
  g_assert_null (reply->contributed_text);
  g_assert_cmpint (reply->project_initiated, ==, FU_ANSWER_UNANSWERED);
  g_assert_null (reply->answered_by);

  /* The board moved it out of Overdue. */
  row = fu_store_get_followup (f->store, id, f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (row->status, ==, FU_STATUS_REPLIED);
  g_assert_cmpuint (fu_board_page_get_count (f->board, FU_STATUS_OVERDUE), ==, overdue - 1);

  /* Undo on the window's toast takes the new reply away again. */
  undo = fu_display_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  fu_display_iterate ();
  g_clear_pointer (&reply, fu_reply_free);
  reply = fu_store_get_reply (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_null (reply);
  g_assert_cmpuint (fu_board_page_get_count (f->board, FU_STATUS_OVERDUE), ==, overdue);
}

static void
test_edit_existing (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(FuReply) before = NULL;
  g_autoptr(FuReply) after = NULL;
  g_autoptr(FuReply) restored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  FuFollowupQuery query = { 0, };
  FuReplyEditor *editor;
  GtkCheckButton *shared;
  GtkSpinButton *colleagues;
  GtkWidget *undo;
  gint64 id = 0;
  g_autofree char *date = NULL;

  /* A reply of the sample with colleagues counted. */
  query.as_of = f->today;
  query.status_mask = 1u << FU_STATUS_REPLIED;
  rows = fu_store_list_followups (f->store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len && before == NULL; i++)
    {
      FuFollowupRow *row = g_ptr_array_index (rows, i);
      FuReply *reply = fu_store_get_reply (f->store, row->followup_id, &error);

      g_assert_no_error (error);
      if (reply->colleagues_shared > 0 && reply->actions[FU_ACTION_SHARED_MATERIALS])
        {
          before = reply;
          id = row->followup_id;
        }
      else
        fu_reply_free (reply);
    }
  g_assert_nonnull (before);

  /* Replied follow-ups are not on the board: open the editor directly, as other pages do. */
  editor = fu_reply_editor_new (GTK_WINDOW (f->window), f->context, id);
  gtk_window_present (GTK_WINDOW (editor));
  fu_display_iterate ();

  date = fu_day_to_iso (before->received_date);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget (editor, "received_entry"))),
                   ==, date);
  shared = GTK_CHECK_BUTTON (widget (editor, "shared_materials_check"));
  colleagues = GTK_SPIN_BUTTON (widget (editor, "colleagues_shared_spin"));
  g_assert_true (gtk_check_button_get_active (shared));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (colleagues), ==, before->colleagues_shared);
  g_assert_false (fu_reply_editor_has_changes (editor));

  /* Q1bis emptied means "not given". */
  set_text (editor, "colleagues_learned_spin", "");
  toggle (editor, "project_yes");
  g_assert_true (fu_reply_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  fu_display_iterate ();

  after = fu_store_get_reply (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->id, ==, before->id);
  g_assert_cmpint (after->colleagues_learned, ==, -1);
  g_assert_cmpint (after->project_initiated, ==, FU_ANSWER_YES);
  g_assert_cmpint (after->colleagues_shared, ==, before->colleagues_shared);
  g_assert_cmpstr (after->lessons_use, ==, before->lessons_use);

  undo = fu_display_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  fu_display_iterate ();
  restored = fu_store_get_reply (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (restored->colleagues_learned, ==, before->colleagues_learned);
  g_assert_cmpint (restored->project_initiated, ==, before->project_initiated);
}

static void
test_invalid_date (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuReply) reply = NULL;
  FuReplyEditor *editor;
  AdwActionRow *row;
  GtkWidget *entry;
  GtkWidget *save;
  gint64 id;

  id = first_in_group (f, FU_STATUS_AWAITING_REPLY, NULL);
  editor = open_editor (f, id);
  row = ADW_ACTION_ROW (widget (editor, "received_row"));
  entry = widget (editor, "received_entry");
  save = widget (editor, "save_button");
  g_assert_true (gtk_widget_is_sensitive (save));

  const char *bad[] = { "2017-13-01", "20/12/2017", "", "2017-12-21" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      set_text (editor, "received_entry", bad[i]);
      /* Marked where it is, with a message, and Save refuses. */
      g_assert_true (gtk_widget_has_css_class (entry, "error"));
      g_assert_cmpstr (adw_action_row_get_subtitle (row), !=, "");
      g_assert_false (fu_reply_editor_is_valid (editor));
      g_assert_false (gtk_widget_is_sensitive (save));
      gtk_widget_activate_action (GTK_WIDGET (editor), "reply.save", NULL);
      fu_display_iterate ();
      g_assert_true (editor_is_open ());
      g_assert_false (fu_reply_editor_save (editor, &error));
      g_assert_error (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  reply = fu_store_get_reply (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_null (reply);

  set_text (editor, "received_entry", "2017-12-19");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (fu_reply_editor_is_valid (editor));
  g_assert_true (gtk_widget_is_sensitive (save));
}

static void
test_escape (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FuReply) reply = NULL;
  AdwMessageDialog *dialog;
  FuReplyEditor *editor;
  gint64 id;

  id = first_in_group (f, FU_STATUS_OVERDUE, NULL);

  /* Nothing changed: Escape (reply.cancel) just closes. */
  editor = open_editor (f, id);
  gtk_widget_activate_action (GTK_WIDGET (editor), "reply.cancel", NULL);
  fu_display_iterate ();
  g_assert_false (editor_is_open ());
  g_assert_null (fu_display_find_message_dialog ());

  /* A change: Escape asks; keeping on editing keeps the window and the change. */
  editor = open_editor (f, id);
  check (editor, "submitted_report_check");
  gtk_widget_activate_action (GTK_WIDGET (editor), "reply.cancel", NULL);
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
  adw_message_dialog_response (dialog, "cancel");
  fu_display_iterate ();
  g_assert_true (editor_is_open ());
  g_assert_true (fu_reply_editor_has_changes (editor));

  /* Undoing the change by hand: nothing to ask about any more. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (widget (editor, "submitted_report_check")),
                               FALSE);
  g_assert_false (fu_reply_editor_has_changes (editor));
  check (editor, "submitted_report_check");

  /* Discarding closes without writing. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "reply.cancel", NULL);
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  fu_display_iterate ();
  g_assert_false (editor_is_open ());

  reply = fu_store_get_reply (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_null (reply);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/display/reply-editor/record", Fixture, NULL,
              fixture_setup, test_record, fixture_teardown);
  g_test_add ("/display/reply-editor/edit-existing", Fixture, NULL,
              fixture_setup, test_edit_existing, fixture_teardown);
  g_test_add ("/display/reply-editor/invalid-date", Fixture, NULL,
              fixture_setup, test_invalid_date, fixture_teardown);
  g_test_add ("/display/reply-editor/escape", Fixture, NULL,
              fixture_setup, test_escape, fixture_teardown);

  return g_test_run ();
}
