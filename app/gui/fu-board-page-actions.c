/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-board-page-actions.c: what the board does with the follow-ups selected: mark them
 * sent or reminded, close them, record a reply, compose a reminder, print the list. Every
 * change is a command of the history. */
#define G_LOG_DOMAIN "fu-board-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-board-page-private.h"
#include "fu-compose-dialog.h"
#include "fu-date-popover.h"
#include "fu-file-chooser.h"
#include "fu-questionnaire-sheet.h"
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
record_sent (FuBoardPage *self,
             GArray      *ids,
             FuDay        day)
{
  g_autoptr(FuCommand) command = NULL;

  command = fu_command_new_mark_followups_sent ((const gint64 *) (gpointer) ids->data,
                                                ids->len, day);
  fu_board_page_run_command (self, command);
}

/* Records the selected questionnaires not yet sent as sent on @day. */
static void
mark_sent (FuBoardPage *self,
           FuDay        day)
{
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Only questionnaires not yet sent change. */
  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (row->dates.sent == FU_DAY_NONE)
        g_array_append_val (ids, row->followup_id);
    }
  if (ids->len > 0)
    record_sent (self, ids, day);
}

static void
mark_sent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);

  mark_sent (self, fu_context_get_today (self->context));
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
                       adw_toast_new (_("The selected participants were already reminded that "
                                        "day")));
}

static void
mark_reminded (FuBoardPage *self,
               FuDay        day)
{
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);
  g_autoptr(GArray) ids = NULL;

  if (rows->len == 0)
    return;
  ids = fu_board_page_ids_of (rows);
  record_reminders (self, ids, day);
}

static void
mark_reminded_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);

  mark_reminded (self, fu_context_get_today (self->context));
}

static void
sent_day_chosen_cb (FuDatePopover *popover,
                    guint          day,
                    FuBoardPage   *self)
{
  mark_sent (self, (FuDay) day);
}

static void
reminded_day_chosen_cb (FuDatePopover *popover,
                        guint          day,
                        FuBoardPage   *self)
{
  mark_reminded (self, (FuDay) day);
}

/* Each calendar opens on today and stops there: nothing is sent tomorrow. */
static void
date_popover_show_cb (FuDatePopover *popover,
                      FuBoardPage   *self)
{
  if (self->context == NULL)
    return;
  fu_date_popover_set_latest (popover, fu_context_get_today (self->context));
  fu_date_popover_set_day (popover, fu_context_get_today (self->context));
}

void
fu_board_page_add_date_popovers (FuBoardPage *self)
{
  /* TRANSLATORS: %s is a day, "20 Dec 2017" */
  FuDatePopover *sent = fu_date_popover_new (_("Mark _Sent on %s"));
  /* TRANSLATORS: %s is a day, "20 Dec 2017" */
  FuDatePopover *reminded = fu_date_popover_new (_("Mark Re_minded on %s"));

  /* Before the popover's own handler, which selects the day. */
  g_signal_connect_object (sent, "show", G_CALLBACK (date_popover_show_cb), self,
                           G_CONNECT_DEFAULT);
  g_signal_connect_object (reminded, "show", G_CALLBACK (date_popover_show_cb), self,
                           G_CONNECT_DEFAULT);
  g_signal_connect_object (sent, "day-chosen", G_CALLBACK (sent_day_chosen_cb), self,
                           G_CONNECT_DEFAULT);
  g_signal_connect_object (reminded, "day-chosen", G_CALLBACK (reminded_day_chosen_cb), self,
                           G_CONNECT_DEFAULT);
  adw_split_button_set_popover (self->mark_sent_button, GTK_POPOVER (sent));
  adw_split_button_set_popover (self->mark_reminded_button, GTK_POPOVER (reminded));
}

typedef struct {
  FuBoardPage *self;
  GArray      *ids;
  AdwEntryRow *reason;
  AdwEntryRow *date;
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
  FuDay day;

  if (g_strcmp0 (response, "close") != 0 || self->context == NULL)
    return;

  today = fu_context_get_today (self->context);
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (close->reason))));
  if (!fu_day_parse_typed (gtk_editable_get_text (GTK_EDITABLE (close->date)), &day)
      || day > today)
    return;

  command = fu_command_new_close_followups ((const gint64 *) (gpointer) close->ids->data,
                                            close->ids->len, day, reason);
  fu_board_page_run_command (self, command);
}

/* A day that is not one, or still to come, cannot close anything. */
static void
close_date_changed_cb (GtkEditable      *date,
                       AdwMessageDialog *dialog)
{
  FuBoardPage *self = FU_BOARD_PAGE (g_object_get_data (G_OBJECT (dialog), "fu-board"));
  FuDay day = FU_DAY_NONE;
  gboolean ok = fu_day_parse_typed (gtk_editable_get_text (date), &day)
                && (self == NULL || self->context == NULL
                    || day <= fu_context_get_today (self->context));

  fu_gui_mark_error (GTK_WIDGET (date), !ok);
  adw_message_dialog_set_response_enabled (dialog, "close", ok);
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
  g_autofree char *today_text = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *reason;
  GtkWidget *date;
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

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  reason = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason),
                                 _("_Reason, e.g. Left the Service"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (reason), TRUE);
  fu_gui_entry_row_activates_default (ADW_ENTRY_ROW (reason));
  gtk_list_box_append (GTK_LIST_BOX (list), reason);
  date = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date), _("_Closed On"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (date), TRUE);
  today_text = fu_day_to_iso (fu_context_get_today (self->context));
  gtk_editable_set_text (GTK_EDITABLE (date), today_text);
  fu_gui_add_date_picker (ADW_ENTRY_ROW (date), FALSE);
  fu_gui_entry_row_activates_default (ADW_ENTRY_ROW (date));
  gtk_list_box_append (GTK_LIST_BOX (list), date);
  adw_message_dialog_set_extra_child (dialog, list);

  close = g_new0 (CloseData, 1);
  close->self = g_object_ref (self);
  close->ids = fu_board_page_ids_of (rows);
  close->reason = ADW_ENTRY_ROW (reason);
  close->date = ADW_ENTRY_ROW (date);
  g_signal_connect_data (dialog, "response", G_CALLBACK (close_response_cb), close,
                         close_data_free, 0);
  g_object_set_data (G_OBJECT (dialog), "fu-board", self);
  g_signal_connect_object (date, "changed", G_CALLBACK (close_date_changed_cb), dialog, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (reason);
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

static void
reminders_sent_cb (GArray   *ids,
                   gpointer  user_data)
{
  FuBoardPage *self = user_data;

  if (self->context != NULL)
    record_reminders (self, ids, fu_context_get_today (self->context));
}

static void
compose_reminder_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);

  if (rows->len == 0 || self->context == NULL)
    return;
  fu_compose_dialog_present (widget, self->context, rows, FU_MAILTO_REMINDER,
                             reminders_sent_cb, g_object_ref (self), g_object_unref);
}

static void
questionnaires_sent_cb (GArray   *ids,
                        gpointer  user_data)
{
  FuBoardPage *self = user_data;

  if (self->context != NULL)
    record_sent (self, ids, fu_context_get_today (self->context));
}

static void
compose_questionnaire_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);
  g_autoptr(GPtrArray) unsent = g_ptr_array_new ();

  /* The questionnaire goes to those who have not had it. */
  for (guint i = 0; i < rows->len; i++)
    if (((const FuFollowupRow *) g_ptr_array_index (rows, i))->dates.sent == FU_DAY_NONE)
      g_ptr_array_add (unsent, g_ptr_array_index (rows, i));
  if (unsent->len == 0 || self->context == NULL)
    return;
  fu_compose_dialog_present (widget, self->context, unsent, FU_MAILTO_QUESTIONNAIRE,
                             questionnaires_sent_cb, g_object_ref (self), g_object_unref);
}

/* ---- Save Questionnaire ------------------------------------------------------------------ */

typedef struct {
  GWeakRef              page;
  FuQuestionnaireSheet *sheet;
} SaveQuestionnaire;

static void
questionnaire_chosen_cb (GFile    *file,
                         gpointer  user_data)
{
  SaveQuestionnaire *save = user_data;
  g_autoptr(FuBoardPage) self = g_weak_ref_get (&save->page);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (self != NULL && file != NULL)
    {
      if (path == NULL)
        fu_board_page_show_toast (GTK_WIDGET (self),
                                  adw_toast_new (_("Only files on this computer or a mounted "
                                                   "drive can be written")));
      else if (!fu_questionnaire_sheet_write_pdf (save->sheet, path, &error))
        fu_board_page_show_error (self, error);
      else
        {
          g_autofree char *base = g_file_get_basename (file);
          /* TRANSLATORS: %s is a file name */
          g_autofree char *title = g_strdup_printf (_("Saved the questionnaire as %s"), base);

          fu_board_page_show_toast (GTK_WIDGET (self), adw_toast_new (title));
        }
    }
  g_weak_ref_clear (&save->page);
  g_object_unref (save->sheet);
  g_free (save);
}

/* The questionnaire of the selection's workshop as a PDF to attach, due as the selection is:
 * its deadline once sent, else today plus the days to reply. */
static void
save_questionnaire_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  FuBoardPage *self = FU_BOARD_PAGE (widget);
  g_autoptr(GPtrArray) rows = fu_board_page_selected_rows (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const FuFollowupRow *first;
  SaveQuestionnaire *save;
  FuDay deadline;

  if (rows->len == 0 || self->context == NULL)
    return;
  first = g_ptr_array_index (rows, 0);
  for (guint i = 1; i < rows->len; i++)
    if (((const FuFollowupRow *) g_ptr_array_index (rows, i))->workshop_id != first->workshop_id)
      {
        fu_board_page_show_toast (widget, adw_toast_new (_("Select the follow-ups of one "
                                                           "workshop to save its "
                                                           "questionnaire")));
        return;
      }
  deadline = first->dates.deadline;
  if (deadline == FU_DAY_NONE)
    deadline = fu_day_add_days (fu_context_get_today (self->context),
                                (int) fu_context_get_rules (self->context)->reply_days);

  save = g_new0 (SaveQuestionnaire, 1);
  save->sheet = fu_questionnaire_sheet_new (fu_context_get_store (self->context),
                                            first->workshop_id, deadline, &error);
  if (save->sheet == NULL)
    {
      fu_board_page_show_error (self, error);
      g_free (save);
      return;
    }
  g_weak_ref_init (&save->page, self);
  name = fu_questionnaire_sheet_dup_file_name (save->sheet);
  fu_file_chooser_save (GTK_WINDOW (gtk_widget_get_root (widget)), _("Save Questionnaire"),
                        _("_Save"), FU_FILE_KIND_PDF, name, questionnaire_chosen_cb, save);
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
  gtk_widget_class_install_action (widget_class, "board.compose-questionnaire", NULL,
                                   compose_questionnaire_action);
  gtk_widget_class_install_action (widget_class, "board.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "board.save-questionnaire", NULL,
                                   save_questionnaire_action);
}
