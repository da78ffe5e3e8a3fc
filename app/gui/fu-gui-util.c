/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-gui-util"

#include "config.h"
#include <glib/gi18n.h>
#include "fu-date-popover.h"
#include "fu-day.h"
#include "fu-gui-util.h"
#include "fu-window.h"

/* Through the window's overlay; a widget outside a FuWindow (a test) drops the toast. */
void
fu_gui_show_toast (GtkWidget *widget,
                   AdwToast  *toast)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (FU_IS_WINDOW (root))
    fu_window_add_toast (FU_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

/* An error stays longer than a plain toast and comes before waiting ones. */
void
fu_gui_show_error_toast (GtkWidget  *widget,
                         const char *message)
{
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 8);
  fu_gui_show_toast (widget, toast);
}

/* The window a dialog is transient for, or NULL while the widget is not in one. */
GtkWindow *
fu_gui_parent_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
fu_gui_mark_error (GtkWidget *widget,
                   gboolean   bad)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (bad)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

void
fu_gui_set_entry_text (AdwEntryRow *row,
                       const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (text == NULL)
    text = "";
  /* Only when it differs, so that the cursor of a field being edited stays put. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* For an editable's "changed": typing again takes the error mark away. */
void
fu_gui_clear_error_cb (GtkEditable *editable,
                       gpointer     user_data)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

/* For a label's "query-tooltip" (with has-tooltip set): its whole text, which may be cut
 * short. Made when asked for: setting the tooltip on each bind would ask the X server where
 * the pointer is (GTK 4.8). */
gboolean
fu_gui_label_query_tooltip_cb (GtkWidget  *label,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip,
                               gpointer    user_data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Points *slot at context and follows its "changed" signal (changed_cb, swapped, on
 * instance) instead of the previous context's. FALSE when context was there already. */
gboolean
fu_gui_swap_context (FuContext **slot,
                     gulong     *changed_id,
                     FuContext  *context,
                     GCallback   changed_cb,
                     gpointer    instance)
{
  g_return_val_if_fail (slot != NULL && changed_id != NULL, FALSE);
  g_return_val_if_fail (context == NULL || FU_IS_CONTEXT (context), FALSE);

  if (*slot == context)
    return FALSE;
  if (*slot != NULL)
    g_clear_signal_handler (changed_id, *slot);
  g_set_object (slot, context);
  if (context != NULL)
    *changed_id = g_signal_connect_object (context, "changed", changed_cb, instance,
                                           G_CONNECT_SWAPPED);
  return TRUE;
}

gboolean
fu_gui_run_command (GtkWidget   *widget,
                    FuContext   *context,
                    FuCommand   *command,
                    const char  *title,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (FU_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (FU_IS_COMMAND (command), FALSE);

  if (!fu_context_run (context, command, &local_error))
    {
      if (error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        fu_gui_show_error_toast (widget, local_error->message);
      return FALSE;
    }

  /* A change that changed nothing (all already sent, say): the caller says so its way. */
  root = gtk_widget_get_root (widget);
  if (FU_IS_WINDOW (root) && fu_command_get_entry_id (command) != 0)
    fu_window_show_change (FU_WINDOW (root), title != NULL ? title
                                                           : fu_command_get_sentence (command),
                           fu_command_get_entry_id (command));
  return TRUE;
}

/* ---- Dates ------------------------------------------------------------------------------- */

static void
date_picker_show_cb (FuDatePopover *popover,
                     AdwEntryRow   *row)
{
  FuDay day = FU_DAY_NONE;

  fu_day_parse_typed (gtk_editable_get_text (GTK_EDITABLE (row)), &day);
  fu_date_popover_set_day (popover, day != FU_DAY_NONE ? day : fu_day_today ());
}

static void
date_picker_chosen_cb (FuDatePopover *popover,
                       guint          day,
                       AdwEntryRow   *row)
{
  g_autofree char *text = fu_day_to_iso ((FuDay) day);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "fu-date-commit")))
    g_signal_emit_by_name (row, "entry-activated");
}

void
fu_gui_add_date_picker (AdwEntryRow *row,
                        gboolean     commit)
{
  GtkWidget *button = gtk_menu_button_new ();
  FuDatePopover *popover = fu_date_popover_new (NULL);

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Day"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (popover));
  g_object_set_data (G_OBJECT (row), "fu-date-commit", GINT_TO_POINTER (commit));
  g_signal_connect_object (popover, "show", G_CALLBACK (date_picker_show_cb), row, 0);
  g_signal_connect_object (popover, "day-chosen", G_CALLBACK (date_picker_chosen_cb), row, 0);
  adw_entry_row_add_suffix (row, button);
}

static void
activate_default_cb (AdwEntryRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "default.activate", NULL);
}

void
fu_gui_entry_row_activates_default (AdwEntryRow *row)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  g_signal_connect (row, "entry-activated", G_CALLBACK (activate_default_cb), NULL);
}

void
fu_gui_drop_down_set_strings (GtkDropDown   *drop_down,
                              GtkStringList *strings)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  if (gtk_drop_down_get_expression (drop_down) == NULL)
    {
      GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                               "string");

      gtk_drop_down_set_expression (drop_down, expression);
      gtk_expression_unref (expression);
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (strings));
}

/* ---- Reading in a thread ----------------------------------------------------------------- */

static guint n_reads;

typedef struct {
  FuStore             *reader;
  FuGuiReadFunc        read;
  GDestroyNotify       result_free;
  GAsyncReadyCallback  done;
  gpointer             user_data;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_clear_object (&job->reader);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  ReadJob *job = data;
  GError *error = NULL;
  gpointer result = job->read (job->reader, job->user_data, &error);

  /* The connection closes in the thread that used it. */
  g_clear_object (&job->reader);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadJob *job = g_task_get_task_data (G_TASK (result));

  n_reads--;
  job->done (source, result, job->user_data);
}

gboolean
fu_gui_read_in_thread (gpointer             source,
                       FuStore             *store,
                       FuGuiReadFunc        read,
                       GDestroyNotify       result_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  done,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FuStore *reader;
  ReadJob *job;

  g_return_val_if_fail (FU_IS_STORE (store), FALSE);
  g_return_val_if_fail (read != NULL && done != NULL, FALSE);

  reader = fu_store_open_reader (store, NULL);
  if (reader == NULL)
    return FALSE;

  job = g_new0 (ReadJob, 1);
  job->reader = reader;
  job->read = read;
  job->result_free = result_free;
  job->done = done;
  job->user_data = user_data;
  task = g_task_new (source, cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, fu_gui_read_in_thread);
  g_task_set_task_data (task, job, read_job_free);
  n_reads++;
  g_task_run_in_thread (task, read_thread);
  return TRUE;
}

gpointer
fu_gui_read_finish (GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
fu_gui_count_reads (void)
{
  return n_reads;
}

/* ---- A colleague's change ------------------------------------------------------------- */

typedef struct {
  FuGuiConflictFunc func;
  gpointer          user_data;
} ConflictAnswer;

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ConflictAnswer   *answer)
{
  answer->func (g_str_equal (response, "overwrite"), answer->user_data);
  g_free (answer);
}

void
fu_gui_ask_conflict (GtkWidget         *widget,
                     const GError      *error,
                     FuGuiConflictFunc  func,
                     gpointer           user_data)
{
  ConflictAnswer *answer = g_new0 (ConflictAnswer, 1);
  GtkWidget *dialog;

  answer->func = func;
  answer->user_data = user_data;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Changed by a Colleague"), error->message);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "theirs", _("_Show Their Version"),
                                    "overwrite", _("_Overwrite With Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  g_signal_connect (dialog, "response", G_CALLBACK (conflict_response_cb), answer);
  gtk_window_present (GTK_WINDOW (dialog));
}
