/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-board-page-actions.c: what the board does with the follow-ups selected: mark them
 * sent or reminded, close them, record a reply, compose a reminder, print the list. Every
 * change is a command of the history. */
#define G_LOG_DOMAIN "fu-board-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-board-page-private.h"
#include "fu-day.h"
#include "fu-gui-util.h"
#include "fu-mailto.h"
#include "fu-print-reminders.h"
#include "fu-reply-editor.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-window.h"

/* ---- Actions ----------------------------------------------------------------------------- */

static void
mark_sent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(FuCommand) command = NULL;
  FuDay today = fu_context_get_today (self->context);

  /* Only questionnaires not yet sent change. */
  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (row->dates.sent == FU_DAY_NONE)
        g_array_append_val (ids, row->followup_id);
    }
  if (ids->len == 0)
    return;

  command = fu_command_new_mark_followups_sent ((const gint64 *) (gpointer) ids->data,
                                                ids->len, today);
  fu_board_page_run_command (self, command);
}

/* Records a reminder on @date for the follow-ups @ids; says so when all of them had one
 * that day already. */
static void
record_reminders (FuBoardPage *self,
                  GArray      *ids,
                  FuDay        date)
{
  g_autoptr(FuCommand) command = NULL;

  command = fu_command_new_mark_followups_reminded ((const gint64 *) (gpointer) ids->data,
                                                    ids->len, date);
  if (fu_board_page_run_command (self, command) && fu_command_get_entry_id (command) == 0)
    fu_gui_show_toast (GTK_WIDGET (self),
                       adw_toast_new (_("The selected participants were already reminded today")));
}

static void
mark_reminded_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);
  g_autoptr(GArray) ids = NULL;

  if (rows->len == 0)
    return;
  ids = fu_board_page_ids_of (rows);
  record_reminders (self, ids, fu_context_get_today (self->context));
}

typedef struct {
  FuBoardPage *self;
  GArray      *ids;
  GtkEntry    *entry;
} CloseData;

static void
close_data_free (gpointer  data,
                 GClosure *closure)
{
  CloseData *close = data;

  g_object_unref (close->self);
  g_array_unref (close->ids);
  g_free (close);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CloseData        *close)
{
  FuBoardPage *self = close->self;
  g_autoptr(FuCommand) command = NULL;
  g_autofree char *reason = NULL;
  FuDay today;

  if (g_strcmp0 (response, "close") != 0 || self->context == NULL)
    return;

  today = fu_context_get_today (self->context);
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (close->entry))));

  command = fu_command_new_close_followups ((const gint64 *) (gpointer) close->ids->data,
                                            close->ids->len, today, reason);
  fu_board_page_run_command (self, command);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  CloseData *close;

  if (rows->len == 0)
    return;

  if (rows->len == 1)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, 0);

      heading = g_strdup (_("Close Follow-up?"));
      /* TRANSLATORS: a participant's name and a workshop's code */
      body = g_strdup_printf (_("%s will no longer be asked to reply on %s. Say why, for the "
                                "record."),
                              row->participant_name, row->workshop_code);
    }
  else
    {
      heading = g_strdup_printf (ngettext ("Close %u Follow-up?", "Close %u Follow-ups?",
                                           rows->len),
                                 rows->len);
      body = g_strdup (_("These participants will no longer be asked to reply. Say why, for "
                         "the record."));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "close", _("C_lose"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. left the service"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  close = g_new0 (CloseData, 1);
  close->self = g_object_ref (self);
  close->ids = fu_board_page_ids_of (rows);
  close->entry = GTK_ENTRY (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (close_response_cb), close,
                         close_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

void
fu_board_page_open_reply_editor (FuBoardPage *self,
                   gint64       followup_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  FuReplyEditor *editor;

  editor = fu_reply_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                self->context, followup_id);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
record_reply_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);

  if (rows->len != 1)
    return;
  fu_board_page_open_reply_editor (self, ((const FuFollowupRow *) g_ptr_array_index (rows, 0))->followup_id);
}

/* A reminder composed in the mail program, for its toast's button. */
typedef struct {
  GWeakRef  page;
  GArray   *ids;    /* gint64: the follow-ups with an e-mail address */
  FuDay     date;
} Composed;

static void
composed_free (gpointer  data,
               GClosure *closure)
{
  Composed *composed = data;

  g_weak_ref_clear (&composed->page);
  g_clear_pointer (&composed->ids, g_array_unref);
  g_free (composed);
}

/* After the mail program opened: record the reminder for the same people. */
static void
record_composed_cb (AdwToast *toast,
                    Composed *composed)
{
  g_autoptr(FuBoardPage) self = g_weak_ref_get (&composed->page);

  if (self != NULL && self->context != NULL)
    record_reminders (self, composed->ids, composed->date);
}

typedef struct {
  FuBoardPage *self;
  Composed    *composed;
  guint        n_recipients;
} LaunchData;

static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LaunchData *data = user_data;
  g_autoptr(FuBoardPage) self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autoptr(GError) shown = NULL;

      shown = g_error_new (error->domain, error->code,
                           _("Could not open your mail program: %s"), error->message);
      fu_board_page_show_error (self, shown);
      composed_free (data->composed, NULL);
      g_free (data);
      return;
    }

  title = g_strdup_printf (ngettext ("Reminder to %u participant opened in your mail program",
                                     "Reminder to %u participants opened in your mail program",
                                     data->n_recipients),
                           data->n_recipients);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Mark _Reminded"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (record_composed_cb),
                         data->composed, composed_free, 0);
  fu_board_page_show_toast (GTK_WIDGET (self), toast);
  g_free (data);
}

static void
compose_reminder_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) without_email = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);
  g_autoptr(GAppLaunchContext) launch_context = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *uri = NULL;
  LaunchData *data;

  uri = fu_board_page_build_reminder_uri (self, without_email);

  if (without_email->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *title = NULL;
      AdwToast *toast;

      g_ptr_array_add (without_email, NULL);
      /* TRANSLATORS: separates names in a list */
      names = g_strjoinv (_(", "), (char **) without_email->pdata);
      title = g_strdup_printf (ngettext ("No e-mail address for %s: remind them another way",
                                         "No e-mail addresses for %s: remind them another way",
                                         without_email->len - 1),
                               names);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      fu_board_page_show_toast (widget, toast);
    }
  if (uri == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (row->email != NULL && *row->email != '\0')
        g_array_append_val (ids, row->followup_id);
    }

  data = g_new0 (LaunchData, 1);
  data->self = g_object_ref (self);
  data->composed = g_new0 (Composed, 1);
  g_weak_ref_init (&data->composed->page, self);
  data->composed->ids = g_array_ref (ids);
  data->composed->date = fu_context_get_today (self->context);
  data->n_recipients = ids->len;

  launch_context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
    gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (uri, launch_context, NULL, launch_done_cb, data);
}

/* What board.print prints: the selection; without one, the reminders due and overdue that
 * the filters let through; NULL (all of them) when no filter is set. */
static GPtrArray *
rows_to_print (FuBoardPage *self)
{
  GPtrArray *rows = fu_board_page_selected_rows (self);
  GPtrArray *all;

  if (rows->len > 0)
    return rows;
  if (!fu_board_page_filters_active (self))
    {
      g_ptr_array_unref (rows);
      return NULL;
    }

  all = fu_lazy_list_get_rows (self->rows);
  for (guint i = 0; i < all->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (all, i);

      if ((row->status == FU_STATUS_REMINDER_DUE || row->status == FU_STATUS_OVERDUE)
          && fu_board_page_row_matches_filters (self, row)
          && (self->search == NULL || strstr (fu_board_page_search_key (self, i), self->search) != NULL))
        g_ptr_array_add (rows, (gpointer) row);
    }
  return rows;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) rows = rows_to_print (self);

  if (rows != NULL && rows->len == 0)
    {
      fu_board_page_show_toast (widget, adw_toast_new (_("No reminders due or overdue match the filters")));
      return;
    }

  /* The print job copies the rows: a reload while its dialog is open does no harm. */
  fu_print_reminders (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, rows);
}

void
fu_board_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.mark-sent", NULL, mark_sent_action);
  gtk_widget_class_install_action (widget_class, "board.mark-reminded", NULL,
                                   mark_reminded_action);
  gtk_widget_class_install_action (widget_class, "board.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "board.record-reply", NULL,
                                   record_reply_action);
  gtk_widget_class_install_action (widget_class, "board.compose-reminder", NULL,
                                   compose_reminder_action);
  gtk_widget_class_install_action (widget_class, "board.print", NULL, print_action);
}
