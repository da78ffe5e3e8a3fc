/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The follow-up board in the window: its counts are core's for the day, and its actions
 * change the database, move rows between groups and undo. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "fu-board-page.h"
#include "fu-date-popover.h"
#include "fu-context.h"
#include "fu-display-util.h"
#include "fu-day.h"
#include "fu-list-models.h"
#include "fu-mailto.h"
#include "fu-rules.h"
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
  gint64       to_send_workshop;   /* TEST-SEND: planned, not sent */
  gint64       reminder_workshop;  /* TEST-REMIND: sent, in its reminder window */
} Fixture;

static const FuFollowupStatus board_groups[] = {
  FU_STATUS_TO_SEND, FU_STATUS_REMINDER_DUE, FU_STATUS_OVERDUE, FU_STATUS_AWAITING_REPLY,
};

/* A surveyed workshop ending on @end with @n participants of Fiji, the last without an
 * e-mail address. */
static gint64
add_workshop (FuStore    *store,
              const char *code,
              FuDay       end,
              guint       n)
{
  g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
  g_autoptr(GError) error = NULL;
  gint64 administration = 0;
  gint64 id;

  workshop->code = g_strdup (code);
  workshop->title = g_strdup_printf ("Test Workshop %s", code);
  workshop->start_date = end;
  workshop->end_date = end;
  id = fu_store_add_workshop (store, workshop, &error);
  g_assert_no_error (error);

  fu_store_lookup_administration (store, "Fiji", &administration, &error);
  g_assert_no_error (error);
  g_assert_cmpint (administration, >, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FuParticipant) participant = fu_participant_new ();
      gint64 participant_id;

      participant->name = g_strdup_printf ("%s Person %u", code, i + 1);
      participant->administration_id = administration;
      if (i + 1 < n)
        participant->email = g_strdup_printf ("person%u+%s@customs-fj.example", i + 1, code);
      participant_id = fu_store_add_participant (store, participant, &error);
      g_assert_no_error (error);
      fu_store_add_attendance (store, id, participant_id, &error);
      g_assert_no_error (error);
    }
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean extra = GPOINTER_TO_INT (data);

  f->store = fu_display_open_store ("fu-board-XXXXXX", TRUE, &f->dir, NULL);

  /* The sample sends every questionnaire and reminder on time: nothing is to send or has a
   * reminder due on any day. Two workshops of our own have. */
  if (extra)
    {
      guint n_changed = 0;

      /* Ends 1 June 2017: planned 1 December 2017, still to send on the 20th. */
      f->to_send_workshop = add_workshop (f->store, "TEST-SEND", fu_day_new (2017, 6, 1), 3);
      /* Sent 25 November 2017: deadline 25 December, reminders due from the 18th. */
      f->reminder_workshop = add_workshop (f->store, "TEST-REMIND", fu_day_new (2017, 5, 1), 3);
      fu_store_mark_sent (f->store, f->reminder_workshop, fu_day_new (2017, 11, 25), &n_changed,
                          &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_changed, ==, 3);
    }

  f->today = fu_day_new (2017, 12, 20);
  f->context = fu_display_context_new (f->store, f->today);
  f->window = fu_display_open_window (f->context, "followups");
  f->board = FU_BOARD_PAGE (fu_display_child (f->window, FU_TYPE_WINDOW, "board_page"));
  g_assert_true (FU_IS_BOARD_PAGE (f->board));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fu_display_close (&f->context, &f->store, &f->dir);
}

static void
store_counts (Fixture *f,
              gint64   workshop_id,
              guint    counts[FU_N_STATUSES])
{
  g_autoptr(GError) error = NULL;
  FuFollowupQuery query = { 0, };

  query.as_of = f->today;
  query.workshop_id = workshop_id;
  fu_store_count_followups (f->store, &query, counts, &error);
  g_assert_no_error (error);
}

static GtkWidget *
board_child (Fixture    *f,
             const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->board), FU_TYPE_BOARD_PAGE,
                                                    name));
}

static const char *
visible_child (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (board_child (f, "content_stack")));
}

static const char *
count_label_name (FuFollowupStatus group)
{
  switch (group)
    {
    case FU_STATUS_TO_SEND:
      return "to_send_count";
    case FU_STATUS_REMINDER_DUE:
      return "reminder_due_count";
    case FU_STATUS_OVERDUE:
      return "overdue_count";
    case FU_STATUS_AWAITING_REPLY:
      return "awaiting_count";
    default:
      g_assert_not_reached ();
    }
}

/* The sidebar says what core counts, and each group lists that many rows. */
static void
assert_board_matches_store (Fixture *f,
                            gint64   workshop_id)
{
  guint counts[FU_N_STATUSES];
  FuFollowupStatus shown = fu_board_page_get_group (f->board);

  store_counts (f, workshop_id, counts);
  for (guint i = 0; i < G_N_ELEMENTS (board_groups); i++)
    {
      FuFollowupStatus group = board_groups[i];
      GtkLabel *label = GTK_LABEL (board_child (f, count_label_name (group)));
      g_autofree char *text = g_strdup_printf ("%u", counts[group]);
      GListModel *rows = G_LIST_MODEL (fu_board_page_get_selection (f->board));

      g_assert_cmpuint (fu_board_page_get_count (f->board, group), ==, counts[group]);
      g_assert_cmpstr (gtk_label_get_label (label), ==, text);

      fu_board_page_set_group (f->board, group);
      fu_display_iterate ();
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, counts[group]);
      for (guint j = 0; j < g_list_model_get_n_items (rows); j++)
        {
          g_autoptr(FuFollowupItem) item = g_list_model_get_item (rows, j);
          const FuFollowupRow *row = fu_followup_item_get_row (item);

          g_assert_cmpint (row->status, ==, group);
          if (workshop_id != 0)
            g_assert_cmpint (row->workshop_id, ==, workshop_id);
        }
    }
  fu_board_page_set_group (f->board, shown);
  fu_display_iterate ();
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  guint counts[FU_N_STATUSES];

  store_counts (f, 0, counts);
  /* On 20 December 2017 the sample has questionnaires overdue and awaiting a reply. */
  g_assert_cmpuint (counts[FU_STATUS_OVERDUE], >, 0);
  g_assert_cmpuint (counts[FU_STATUS_AWAITING_REPLY], >, 0);

  /* The board opens on the first group with something to do. */
  g_assert_cmpint (fu_board_page_get_group (f->board), ==, FU_STATUS_OVERDUE);
  assert_board_matches_store (f, 0);

  /* An empty group says so. */
  fu_board_page_set_group (f->board, FU_STATUS_TO_SEND);
  fu_display_iterate ();
  g_assert_cmpstr (visible_child (f), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (board_child (f, "empty_page"))),
                   ==, "Nothing to Send");
  fu_board_page_set_group (f->board, FU_STATUS_OVERDUE);
  fu_display_iterate ();
  g_assert_cmpstr (visible_child (f), ==, "list");

  /* Another day, other counts: the board follows the context's clock. */
  f->today = fu_day_new (2017, 10, 20);
  fu_context_set_today (f->context, f->today);
  fu_display_iterate ();
  assert_board_matches_store (f, 0);
}

/* The follow-ups in @status as of @today, counted from the whole list: those of them with
 * their planned day (Planned) or their reply (Recently Replied) within @days. */
static guint
count_within (Fixture          *f,
              FuFollowupStatus  status,
              int               days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  FuFollowupQuery query = { 0 };
  guint n = 0;

  query.as_of = f->today;
  query.status_mask = 1u << status;
  rows = fu_store_list_followups (f->store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (status == FU_STATUS_PLANNED ? row->dates.planned <= fu_day_add_days (f->today, days)
                                      : row->dates.received >= fu_day_add_days (f->today, -days))
        n++;
    }
  return n;
}

/* The board looks ahead (Planned: the coming eight weeks) and back (Recently Replied: the
 * last 30 days), and lists as many rows as it counts. */
static void
test_look_ahead (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *rows = G_LIST_MODEL (fu_board_page_get_selection (f->board));

  /* On 20 October 2017 the sample's FY2017/18 workshops are planned for the winter, and
   * replies to the spring's came in lately. */
  f->today = fu_day_new (2017, 10, 20);
  fu_context_set_today (f->context, f->today);
  fu_display_iterate ();
  for (FuFollowupStatus status = FU_STATUS_PLANNED; status <= FU_STATUS_REPLIED;
       status = status == FU_STATUS_PLANNED ? FU_STATUS_REPLIED : FU_N_STATUSES)
    {
      guint expected = count_within (f, status, status == FU_STATUS_PLANNED ? 56 : 30);

      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (fu_board_page_get_count (f->board, status), ==, expected);
      fu_board_page_set_group (f->board, status);
      fu_display_iterate ();
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, expected);
    }
  /* Nothing to remind there. */
  g_assert_false (gtk_widget_is_visible (board_child (f, "mark_reminded_button")));
}

/* Selects the row of the workshop @code in the workshop filter. */
static void
choose_workshop (Fixture    *f,
                 const char *code)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (board_child (f, "workshop_dropdown"));
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autofree char *prefix = g_strdup_printf ("%s ", code);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (string), prefix))
        {
          gtk_drop_down_set_selected (dropdown, i);
          fu_display_iterate ();
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkDropDown *years = GTK_DROP_DOWN (board_child (f, "year_dropdown"));
  GtkEditable *search = GTK_EDITABLE (board_child (f, "search_entry"));
  GListModel *rows = G_LIST_MODEL (fu_board_page_get_selection (f->board));
  g_autoptr(GtkStringObject) newest = NULL;
  gint64 workshop_id = 0;
  g_autoptr(GError) error = NULL;

  /* Fiscal years newest first, after "All Years". */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (years)), ==, 2);
  newest = g_list_model_get_item (gtk_drop_down_get_model (years), 1);
  g_assert_cmpstr (gtk_string_object_get_string (newest), ==, "FY2016/17");

  fu_store_lookup_workshop (f->store, "2017-SEC", &workshop_id, &error);
  g_assert_no_error (error);
  choose_workshop (f, "2017-SEC");
  assert_board_matches_store (f, workshop_id);

  /* Searching narrows the list but not the counts; a name finds its row. */
  fu_board_page_set_group (f->board, FU_STATUS_OVERDUE);
  fu_display_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 1);
  {
    g_autoptr(FuFollowupItem) item = g_list_model_get_item (rows, 0);
    const FuFollowupRow *row = fu_followup_item_get_row (item);
    g_autofree char *upper = g_utf8_strup (row->participant_name, -1);
    g_autoptr(FuFollowupItem) found = NULL;

    gtk_editable_set_text (search, upper);
    /* The search entry waits a moment before it says the text changed. */
    while (g_list_model_get_n_items (rows) > 1)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
    found = g_list_model_get_item (rows, 0);
    g_assert_cmpint (fu_followup_item_get_row (found)->followup_id, ==, row->followup_id);
  }

  gtk_editable_set_text (search, "no such participant anywhere");
  while (g_list_model_get_n_items (rows) > 0)
    g_main_context_iteration (NULL, TRUE);
  fu_display_iterate ();
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (board_child (f, "empty_page"))),
                   ==, "No Matching Follow-ups");

  /* A workshop added in a new fiscal year: once the board has read again, the filters list
   * its year and the workshop (rebuilt in a moment of their own after the rows). */
  {
    g_autoptr(FuWorkshop) workshop = fu_workshop_new ();
    g_autoptr(FuCommand) command = NULL;

    workshop->code = g_strdup ("2019-NEW");
    workshop->title = g_strdup ("A workshop of a later year");
    workshop->start_date = workshop->end_date = fu_day_new (2019, 3, 4);
    command = fu_command_new_add_workshop (workshop);
    g_assert_true (fu_context_run (f->context, command, &error));
    g_assert_no_error (error);
  }
  fu_display_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (years)), ==, 3);
  {
    g_autoptr(GtkStringObject) year = g_list_model_get_item (gtk_drop_down_get_model (years), 1);

    g_assert_cmpstr (gtk_string_object_get_string (year), ==, "FY2018/19");
  }
  choose_workshop (f, "2019-NEW");
}

/* A change made while another page is shown: the board has caught up when it is shown
 * again, sidebar and list. */
static void
test_hidden_change (Fixture       *f,
                    gconstpointer  data)
{
  GtkLabel *to_send = GTK_LABEL (board_child (f, "to_send_count"));
  GtkLabel *awaiting = GTK_LABEL (board_child (f, "awaiting_count"));
  g_autofree char *awaiting_before = g_strdup (gtk_label_get_label (awaiting));
  g_autofree char *awaiting_after = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[FU_N_STATUSES];
  guint n_changed = 0;

  g_assert_cmpstr (gtk_label_get_label (to_send), ==, "3");

  fu_window_show_page (f->window, "workshops");
  fu_display_iterate ();
  {
    g_autoptr(FuCommand) command = fu_command_new_mark_sent (f->to_send_workshop, f->today);

    g_assert_true (fu_context_run (f->context, command, &error));
    g_assert_no_error (error);
    n_changed = fu_command_get_n_changed (command);
  }
  g_assert_cmpuint (n_changed, ==, 3);
  fu_display_iterate ();

  fu_window_show_page (f->window, "followups");
  fu_display_iterate ();
  store_counts (f, 0, counts);
  awaiting_after = g_strdup_printf ("%u", counts[FU_STATUS_AWAITING_REPLY]);
  g_assert_cmpstr (gtk_label_get_label (to_send), ==, "0");
  g_assert_cmpstr (gtk_label_get_label (awaiting), ==, awaiting_after);
  g_assert_cmpstr (awaiting_after, !=, awaiting_before);
  assert_board_matches_store (f, 0);
}

static GArray *
selected_ids (Fixture *f)
{
  GtkSelectionModel *selection = fu_board_page_get_selection (f->board);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      if (gtk_selection_model_is_selected (selection, i))
        {
          g_autoptr(FuFollowupItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

          g_array_append_val (ids, fu_followup_item_get_row (item)->followup_id);
        }
    }
  return ids;
}

static FuFollowupRow *
get_followup (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  FuFollowupRow *row = fu_store_get_followup (f->store, id, f->today, &error);

  g_assert_no_error (error);
  return row;
}

/* Presses the button of the toast on screen. */
static void
press_toast_button (Fixture    *f,
                    const char *label)
{
  GtkWidget *button;

  fu_display_iterate ();
  button = fu_display_find_button (GTK_WIDGET (f->window), label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  fu_display_iterate ();
}

static void
test_mark_reminded (Fixture       *f,
                    gconstpointer  data)
{
  GtkSelectionModel *selection = fu_board_page_get_selection (f->board);
  g_autoptr(GArray) ids = NULL;
  guint before[FU_N_STATUSES];
  guint after[FU_N_STATUSES];

  store_counts (f, 0, before);
  g_assert_cmpuint (before[FU_STATUS_REMINDER_DUE], ==, 3);
  assert_board_matches_store (f, 0);

  fu_board_page_set_group (f->board, FU_STATUS_REMINDER_DUE);
  fu_display_iterate ();
  /* Nothing selected: no actions. */
  g_assert_false (gtk_action_bar_get_revealed (GTK_ACTION_BAR (board_child (f, "action_bar"))));
  g_assert_false (gtk_widget_is_sensitive (board_child (f, "mark_reminded_button")));

  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  fu_display_iterate ();
  ids = selected_ids (f);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_true (gtk_action_bar_get_revealed (GTK_ACTION_BAR (board_child (f, "action_bar"))));
  g_assert_true (gtk_widget_is_sensitive (board_child (f, "mark_reminded_button")));
  g_assert_false (gtk_widget_get_visible (board_child (f, "mark_sent_button")));

  gtk_widget_activate_action (GTK_WIDGET (f->board), "board.mark-reminded", NULL);
  fu_display_iterate ();

  /* The database has a reminder today for both, and they wait for a reply now. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FuFollowupRow) row = get_followup (f, g_array_index (ids, gint64, i));

      g_assert_cmpuint (row->n_reminders, ==, 1);
      g_assert_cmpuint (row->dates.last_reminder, ==, f->today);
      g_assert_cmpint (row->status, ==, FU_STATUS_AWAITING_REPLY);
    }
  store_counts (f, 0, after);
  g_assert_cmpuint (after[FU_STATUS_REMINDER_DUE], ==, 1);
  g_assert_cmpuint (after[FU_STATUS_AWAITING_REPLY], ==, before[FU_STATUS_AWAITING_REPLY] + 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  assert_board_matches_store (f, 0);

  /* Undo takes the reminders back. */
  press_toast_button (f, "_Undo");
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FuFollowupRow) row = get_followup (f, g_array_index (ids, gint64, i));

      g_assert_cmpuint (row->n_reminders, ==, 0);
      g_assert_cmpint (row->status, ==, FU_STATUS_REMINDER_DUE);
    }
  g_assert_cmpuint (fu_board_page_get_count (f->board, FU_STATUS_REMINDER_DUE), ==, 3);
}

static void
test_mark_sent (Fixture       *f,
                gconstpointer  data)
{
  GtkSelectionModel *selection = fu_board_page_get_selection (f->board);
  g_autoptr(GArray) ids = NULL;

  /* To Send comes first in the sidebar and has rows: the board opens on it. */
  g_assert_cmpint (fu_board_page_get_group (f->board), ==, FU_STATUS_TO_SEND);
  g_assert_cmpuint (fu_board_page_get_count (f->board, FU_STATUS_TO_SEND), ==, 3);

  gtk_selection_model_select_all (selection);
  fu_display_iterate ();
  ids = selected_ids (f);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_true (gtk_widget_get_visible (board_child (f, "mark_sent_button")));
  g_assert_false (gtk_widget_get_visible (board_child (f, "compose_button")));

  gtk_widget_activate_action (GTK_WIDGET (f->board), "board.mark-sent", NULL);
  fu_display_iterate ();

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FuFollowupRow) row = get_followup (f, g_array_index (ids, gint64, i));

      g_assert_cmpuint (row->dates.sent, ==, f->today);
      g_assert_cmpuint (row->dates.deadline, ==, fu_day_add_days (f->today, 30));
      g_assert_cmpint (row->status, ==, FU_STATUS_AWAITING_REPLY);
    }
  g_assert_cmpuint (fu_board_page_get_count (f->board, FU_STATUS_TO_SEND), ==, 0);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (board_child (f, "empty_page"))),
                   ==, "Nothing to Send");
  assert_board_matches_store (f, 0);

  press_toast_button (f, "_Undo");
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FuFollowupRow) row = get_followup (f, g_array_index (ids, gint64, i));

      g_assert_cmpuint (row->dates.sent, ==, FU_DAY_NONE);
      g_assert_cmpuint (row->dates.deadline, ==, FU_DAY_NONE);
      g_assert_cmpint (row->status, ==, FU_STATUS_TO_SEND);
    }
  g_assert_cmpuint (fu_board_page_get_count (f->board, FU_STATUS_TO_SEND), ==, 3);
}

static gboolean
is_calendar (GtkWidget  *widget,
             const char *unused)
{
  return GTK_IS_CALENDAR (widget);
}

static void
select_calendar_day (GtkWidget *popover,
                     FuDay      day)
{
  GtkWidget *calendar = fu_display_find (popover, is_calendar, NULL);
  g_autoptr(GDateTime) date_time = NULL;
  guint year, month, mday;

  g_assert_nonnull (calendar);
  fu_day_get_ymd (day, &year, &month, &mday);
  date_time = g_date_time_new_local ((int) year, (int) month, (int) mday, 12, 0, 0);
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date_time);
  fu_display_iterate ();
}

/* A batch sent last week and recorded today: Mark Sent's calendar records the day it went,
 * and the deadlines count from it. A day still to come cannot be chosen. */
static void
test_mark_sent_on_day (Fixture       *f,
                       gconstpointer  data)
{
  GtkSelectionModel *selection = fu_board_page_get_selection (f->board);
  AdwSplitButton *button = ADW_SPLIT_BUTTON (board_child (f, "mark_sent_button"));
  FuDay last_week = fu_day_add_days (f->today, -7);
  g_autoptr(GArray) ids = NULL;
  GtkWidget *popover;
  GtkWidget *confirm;

  gtk_selection_model_select_all (selection);
  fu_display_iterate ();
  ids = selected_ids (f);
  g_assert_cmpuint (ids->len, ==, 3);

  popover = GTK_WIDGET (adw_split_button_get_popover (button));
  g_assert_true (FU_IS_DATE_POPOVER (popover));
  gtk_popover_popup (GTK_POPOVER (popover));
  fu_display_iterate ();
  /* It opens on today. */
  g_assert_cmpuint (fu_date_popover_get_day (FU_DATE_POPOVER (popover)), ==, f->today);
  g_assert_nonnull (fu_display_find_button (popover, "Mark _Sent on 20 Dec 2017"));

  /* Tomorrow is refused. */
  select_calendar_day (popover, fu_day_add_days (f->today, 1));
  confirm = fu_display_find_button (popover, "Mark _Sent on 21 Dec 2017");
  g_assert_nonnull (confirm);
  g_assert_false (gtk_widget_get_sensitive (confirm));
  g_assert_false (fu_date_popover_choose (FU_DATE_POPOVER (popover)));

  /* Last week is recorded as the day sent. */
  select_calendar_day (popover, last_week);
  confirm = fu_display_find_button (popover, "Mark _Sent on 13 Dec 2017");
  g_assert_nonnull (confirm);
  g_assert_true (gtk_widget_get_sensitive (confirm));
  g_signal_emit_by_name (confirm, "clicked");
  fu_display_iterate ();
  g_assert_false (gtk_widget_get_visible (popover));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FuFollowupRow) row = get_followup (f, g_array_index (ids, gint64, i));

      g_assert_cmpuint (row->dates.sent, ==, last_week);
      g_assert_cmpuint (row->dates.deadline, ==, fu_day_add_days (last_week, 30));
      g_assert_cmpint (row->status, ==, FU_STATUS_AWAITING_REPLY);
    }
  g_assert_cmpuint (fu_board_page_get_count (f->board, FU_STATUS_TO_SEND), ==, 0);
}

/* In a 600-pixel window the board keeps who, which workshop, by when, how many reminders
 * and how late, and a search box to type in. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (board_child (f, "leaflet"));
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (board_child (f, "column_view")));
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *search = board_child (f, "search_entry");

  fu_board_page_set_group (f->board, FU_STATUS_OVERDUE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 700);
  for (guint i = 0; i < 20 && !adw_leaflet_get_folded (leaflet); i++)
    {
      fu_display_iterate ();
      g_usleep (20000);
    }
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 600);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        g_hash_table_add (shown, (gpointer) gtk_column_view_column_get_title (column));
    }
  g_assert_true (g_hash_table_contains (shown, "Participant"));
  g_assert_true (g_hash_table_contains (shown, "Deadline"));
  g_assert_true (g_hash_table_contains (shown, "Reminders"));
  g_assert_true (g_hash_table_contains (shown, "Days Overdue"));
  g_assert_false (g_hash_table_contains (shown, "Administration"));
  g_assert_cmpint (gtk_editable_get_width_chars (GTK_EDITABLE (search)), >, 0);
}

static void
test_close (Fixture       *f,
            gconstpointer  data)
{
  GtkSelectionModel *selection = fu_board_page_get_selection (f->board);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(FuFollowupRow) closed = NULL;
  g_autoptr(FuFollowupRow) reopened = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkWidget *reason;
  GtkWidget *date;
  guint overdue;

  fu_board_page_set_group (f->board, FU_STATUS_OVERDUE);
  fu_display_iterate ();
  overdue = fu_board_page_get_count (f->board, FU_STATUS_OVERDUE);
  gtk_selection_model_select_item (selection, 0, TRUE);
  fu_display_iterate ();
  ids = selected_ids (f);

  gtk_widget_activate_action (GTK_WIDGET (f->board), "board.close", NULL);
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Close Follow-up?");
  extra = adw_message_dialog_get_extra_child (dialog);
  reason = fu_display_find_row (extra, "_Reason, e.g. Left the Service");
  date = fu_display_find_row (extra, "_Closed On");
  g_assert_nonnull (reason);
  g_assert_nonnull (date);
  gtk_editable_set_text (GTK_EDITABLE (reason), "Left the service");
  /* Today by default; a day to come cannot be chosen; a day typed the locale's way can. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2017-12-20");
  gtk_editable_set_text (GTK_EDITABLE (date), "2017-12-24");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "close"));
  gtk_editable_set_text (GTK_EDITABLE (date), "18 December 2017");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "close"));
  adw_message_dialog_response (dialog, "close");
  fu_display_iterate ();

  closed = get_followup (f, g_array_index (ids, gint64, 0));
  g_assert_cmpint (closed->status, ==, FU_STATUS_CLOSED);
  g_assert_cmpuint (closed->dates.closed, ==, fu_day_new (2017, 12, 18));
  g_assert_cmpuint (fu_board_page_get_count (f->board, FU_STATUS_OVERDUE), ==, overdue - 1);

  press_toast_button (f, "_Undo");
  reopened = get_followup (f, g_array_index (ids, gint64, 0));
  g_assert_cmpint (reopened->status, ==, FU_STATUS_OVERDUE);
  g_assert_cmpuint (fu_board_page_get_count (f->board, FU_STATUS_OVERDUE), ==, overdue);
}

static gboolean
is_list_box_row (GtkWidget  *widget,
                 const char *unused)
{
  return ADW_IS_ACTION_ROW (widget);
}

/* Compose Reminder shows the drafts for the mail program; nothing is recorded until staff
 * say the mail went. The one without an address is named. */
static void
test_compose_reminder (Fixture       *f,
                       gconstpointer  data)
{
  GtkSelectionModel *selection = fu_board_page_get_selection (f->board);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *addresses = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *row;
  const char *uri;

  fu_board_page_set_group (f->board, FU_STATUS_REMINDER_DUE);
  fu_display_iterate ();
  gtk_selection_model_select_all (selection);
  fu_display_iterate ();
  ids = selected_ids (f);
  g_assert_cmpuint (ids->len, ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (f->board), "board.compose-reminder", NULL);
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reminder to 2 Participants");
  row = fu_display_find (adw_message_dialog_get_extra_child (dialog), is_list_box_row, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Draft");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "2 recipients in BCC");
  uri = g_object_get_data (G_OBJECT (row), "uri");
  g_assert_true (g_str_has_prefix (uri, "mailto:?bcc=person1%2BTEST-REMIND@customs-fj.example,"
                                        "person2%2BTEST-REMIND@customs-fj.example&subject="));
  g_assert_nonnull (strstr (uri, "Reply%20deadline%3A%2025%20December%202017"));
  addresses = fu_mailto_dup_addresses (uri);
  g_assert_cmpstr (addresses, ==, "person1+TEST-REMIND@customs-fj.example, "
                                  "person2+TEST-REMIND@customs-fj.example");
  g_assert_nonnull (fu_display_find_button (GTK_WIDGET (dialog), "_Copy Addresses"));

  /* Not sent: nothing recorded. */
  adw_message_dialog_response (dialog, "cancel");
  fu_display_iterate ();
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FuFollowupRow) followup = get_followup (f, g_array_index (ids, gint64, i));

      g_assert_cmpuint (followup->n_reminders, ==, 0);
    }

  /* Sent: the two with an address are reminded today, the third is not. */
  gtk_widget_activate_action (GTK_WIDGET (f->board), "board.compose-reminder", NULL);
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  adw_message_dialog_response (dialog, "sent");
  fu_display_iterate ();
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FuFollowupRow) followup = get_followup (f, g_array_index (ids, gint64, i));

      g_assert_cmpuint (followup->n_reminders, ==, followup->email != NULL ? 1 : 0);
    }
}

/* The sample's overdue, all at once: the drafts stay under what mail programs take, and
 * hold between them every address once. */
static void
test_compose_drafts (Fixture       *f,
                     gconstpointer  data)
{
  GtkSelectionModel *selection = fu_board_page_get_selection (f->board);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AdwMessageDialog *dialog;
  GtkWidget *list;
  guint n_drafts = 0;
  guint n_with_email = 0;

  fu_board_page_set_group (f->board, FU_STATUS_OVERDUE);
  fu_display_iterate ();
  gtk_selection_model_select_all (selection);
  fu_display_iterate ();
  {
    g_autoptr(GArray) ids = selected_ids (f);

    for (guint i = 0; i < ids->len; i++)
      {
        g_autoptr(FuFollowupRow) followup = get_followup (f, g_array_index (ids, gint64, i));

        if (followup->email != NULL && *followup->email != '\0')
          n_with_email++;
      }
  }
  g_assert_cmpuint (n_with_email, >, 60);

  gtk_widget_activate_action (GTK_WIDGET (f->board), "board.compose-reminder", NULL);
  fu_display_iterate ();
  dialog = fu_display_find_message_dialog ();
  g_assert_nonnull (dialog);
  list = adw_message_dialog_get_extra_child (dialog);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *uri = g_object_get_data (G_OBJECT (row), "uri");
      g_autofree char *addresses = fu_mailto_dup_addresses (uri);
      g_auto(GStrv) list_of = g_strsplit (addresses, ", ", -1);
      g_autofree char *title = NULL;

      n_drafts++;
      g_assert_cmpuint (strlen (uri), <, FU_MAILTO_MAX_LENGTH);
      title = g_strdup_printf ("Draft %u of", n_drafts);
      g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                       title));
      for (guint i = 0; list_of[i] != NULL; i++)
        g_assert_true (g_hash_table_add (seen, g_ascii_strdown (list_of[i], -1)));
    }
  g_assert_cmpuint (n_drafts, >, 1);
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_with_email);
  adw_message_dialog_response (dialog, "cancel");
  fu_display_iterate ();
}

/* Shown for the first time, the board draws at once with a spinner and no counts, reads in
 * a thread, then shows the rows and core's counts. */
static void
test_loads_in_thread (Fixture       *f,
                      gconstpointer  data)
{
  FuWindow *window;
  FuBoardPage *board;
  GtkStack *stack;
  GtkLabel *overdue;
  guint counts[FU_N_STATUSES];
  g_autofree char *expected = NULL;

  fu_display_destroy_windows ();
  window = fu_window_new (NULL, f->context);
  gtk_window_present (GTK_WINDOW (window));
  board = FU_BOARD_PAGE (fu_display_child (window, FU_TYPE_WINDOW, "board_page"));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (board), FU_TYPE_BOARD_PAGE,
                                                    "content_stack"));
  overdue = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (board), FU_TYPE_BOARD_PAGE,
                                                      "overdue_count"));
  g_assert_cmpuint (fu_board_page_count_loading (), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  g_assert_cmpstr (gtk_label_get_label (overdue), ==, "");

  fu_display_iterate ();
  g_assert_cmpuint (fu_board_page_count_loading (), ==, 0);
  store_counts (f, 0, counts);
  g_assert_cmpuint (counts[FU_STATUS_OVERDUE], >, 0);
  expected = g_strdup_printf ("%u", counts[FU_STATUS_OVERDUE]);
  g_assert_cmpstr (gtk_label_get_label (overdue), ==, expected);
  /* The first group with something to do is open: the sample has only overdue ones. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpint (fu_board_page_get_group (board), ==, FU_STATUS_OVERDUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fu_board_page_get_selection (board))),
                    ==, counts[FU_STATUS_OVERDUE]);
}

static gint64
first_overdue (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  FuFollowupQuery query = { .as_of = f->today, .status_mask = 1u << FU_STATUS_OVERDUE };

  rows = fu_store_list_followups (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  return ((FuFollowupRow *) g_ptr_array_index (rows, 0))->followup_id;
}

static void
close_followup (Fixture *f,
                gint64   id)
{
  g_autoptr(FuCommand) command = fu_command_new_close_followups (&id, 1, f->today, "test");
  g_autoptr(GError) error = NULL;

  g_assert_true (fu_context_run (f->context, command, &error));
  g_assert_no_error (error);
}

/* After a change, the board keeps its rows and counts while it reads the new ones in a
 * thread, then shows them; a change while the first rows are still coming starts the reading
 * again, and what shows in the end is the database as it is. */
static void
test_reload_in_thread (Fixture       *f,
                       gconstpointer  data)
{
  GtkLabel *overdue = GTK_LABEL (board_child (f, "overdue_count"));
  guint before[FU_N_STATUSES], after[FU_N_STATUSES];
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  FuWindow *window;

  store_counts (f, 0, before);
  before_text = g_strdup_printf ("%u", before[FU_STATUS_OVERDUE]);
  g_assert_cmpstr (gtk_label_get_label (overdue), ==, before_text);

  close_followup (f, first_overdue (f));
  g_assert_cmpuint (fu_board_page_count_loading (), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (overdue), ==, before_text);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (board_child (f, "content_stack"))),
                   ==, "list");
  fu_display_iterate ();
  store_counts (f, 0, after);
  g_assert_cmpuint (after[FU_STATUS_OVERDUE], ==, before[FU_STATUS_OVERDUE] - 1);
  after_text = g_strdup_printf ("%u", after[FU_STATUS_OVERDUE]);
  g_assert_cmpstr (gtk_label_get_label (overdue), ==, after_text);

  /* A new window, and a change before its rows have come. */
  fu_display_destroy_windows ();
  window = fu_window_new (NULL, f->context);
  gtk_window_present (GTK_WINDOW (window));
  f->board = FU_BOARD_PAGE (fu_display_child (window, FU_TYPE_WINDOW, "board_page"));
  overdue = GTK_LABEL (board_child (f, "overdue_count"));
  g_assert_cmpuint (fu_board_page_count_loading (), ==, 1);
  close_followup (f, first_overdue (f));
  fu_display_iterate ();
  store_counts (f, 0, after);
  g_clear_pointer (&after_text, g_free);
  after_text = g_strdup_printf ("%u", after[FU_STATUS_OVERDUE]);
  g_assert_cmpstr (gtk_label_get_label (overdue), ==, after_text);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fu_board_page_get_selection (f->board))),
                    ==, after[FU_STATUS_OVERDUE]);
}

static gboolean
slow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  /* A frame that takes long to draw, as a spinner drawn by GL on llvmpipe. */
  g_usleep (40000);
  return G_SOURCE_CONTINUE;
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop, the frames drawn, until the board's rows have all come (20 s at most). */
static void
wait_for_rows (void)
{
  gboolean gave_up = FALSE;
  guint timeout = g_timeout_add_seconds (20, flag_cb, &gave_up);

  while (fu_board_page_count_loading () > 0 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  g_source_remove (timeout);
}

/* A window that draws frame after frame, each slowly, still gets its rows. */
static void
test_loads_while_drawing (Fixture       *f,
                          gconstpointer  data)
{
  FuWindow *window;

  fu_display_destroy_windows ();
  window = fu_window_new (NULL, f->context);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), slow_tick_cb, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_rows ();
}

typedef struct {
  GListModel *shown;
  GArray     *counts;   /* the rows the list had at each frame drawn */
} Frames;

static void
count_after_paint_cb (GdkFrameClock *clock,
                      Frames        *frames)
{
  guint n = frames->shown != NULL ? g_list_model_get_n_items (frames->shown) : 0;

  g_array_append_val (frames->counts, n);
}

static void
count_realize_cb (GtkWidget *window,
                  Frames    *frames)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (count_after_paint_cb), frames);
}

/* Hundreds of rows come in steps, a frame each: a screenful first, then a step at a time
 * until the list has as many as it makes widgets for, then the rest. The window draws
 * between the steps, and in the end every row is there. */
static void
test_rows_in_steps (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Frames frames = { NULL, g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint counts[FU_N_STATUSES];
  FuWindow *window;
  FuBoardPage *board;
  guint last = 0, total;

  /* A database of one workshop of 400, all to send: one group, which the list shows. */
  fu_display_close (&f->context, &f->store, &f->dir);
  f->store = fu_display_open_store ("fu-board-XXXXXX", FALSE, &f->dir, NULL);
  g_assert_true (fu_store_begin (f->store, &error));
  add_workshop (f->store, "TEST-MANY", fu_day_new (2017, 6, 1), 400);
  g_assert_true (fu_store_commit (f->store, &error));
  g_assert_no_error (error);
  f->context = fu_display_context_new (f->store, f->today);
  store_counts (f, 0, counts);
  total = counts[FU_STATUS_TO_SEND];
  g_assert_cmpuint (total, ==, 400);

  window = fu_window_new (NULL, f->context);
  board = FU_BOARD_PAGE (fu_display_child (window, FU_TYPE_WINDOW, "board_page"));
  /* The list's own model: the page's accessor would read every row at once. */
  frames.shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (
    gtk_widget_get_template_child (GTK_WIDGET (board), FU_TYPE_BOARD_PAGE, "column_view"))));
  g_signal_connect (window, "realize", G_CALLBACK (count_realize_cb), &frames);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_rows ();
  fu_display_iterate ();

  g_assert_cmpint (fu_board_page_get_group (board), ==, FU_STATUS_TO_SEND);
  g_assert_cmpuint (g_list_model_get_n_items (frames.shown), ==, total);
  /* Frames drawn with rows: the first a screenful at most, then steps until 200. */
  for (guint i = 0; i < frames.counts->len; i++)
    {
      guint n = g_array_index (frames.counts, guint, i);

      if (n == last)
        continue;
      g_assert_cmpuint (n, >, last);
      if (last == 0)
        g_assert_cmpuint (n, <=, 30);
      else if (last < 200)
        g_assert_cmpuint (n - last, <=, 50);
      last = n;
    }
  g_assert_cmpuint (last, >=, 200);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                        &frames);
  g_array_unref (frames.counts);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/display/board/look-ahead", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_look_ahead, fixture_teardown);
  g_test_add ("/display/board/counts", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_counts, fixture_teardown);
  g_test_add ("/display/board/loads-in-thread", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_loads_in_thread, fixture_teardown);
  g_test_add ("/display/board/reload-in-thread", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_reload_in_thread, fixture_teardown);
  g_test_add ("/display/board/loads-while-drawing", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_loads_while_drawing, fixture_teardown);
  g_test_add ("/display/board/rows-in-steps", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_rows_in_steps, fixture_teardown);
  g_test_add ("/display/board/hidden-change", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_hidden_change, fixture_teardown);
  g_test_add ("/display/board/filters", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/display/board/mark-reminded", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_mark_reminded, fixture_teardown);
  g_test_add ("/display/board/mark-sent", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_mark_sent, fixture_teardown);
  g_test_add ("/display/board/mark-sent-on-day", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_mark_sent_on_day, fixture_teardown);
  g_test_add ("/display/board/narrow", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_narrow, fixture_teardown);
  g_test_add ("/display/board/close", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_close, fixture_teardown);
  g_test_add ("/display/board/compose-reminder", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_compose_reminder, fixture_teardown);
  g_test_add ("/display/board/compose-drafts", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_compose_drafts, fixture_teardown);

  return g_test_run ();
}
