/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-compose-dialog.c: mail drafts for the mail program; see fu-compose-dialog.h. */
#define G_LOG_DOMAIN "fu-compose-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-compose-dialog.h"
#include "fu-gui-util.h"
#include "fu-store.h"

typedef struct {
  GArray            *ids;
  FuComposeSentFunc  sent;
  gpointer           user_data;
  GDestroyNotify     destroy;
} Compose;

static void
compose_free (gpointer  data,
              GClosure *closure)
{
  Compose *compose = data;

  if (compose->destroy != NULL)
    compose->destroy (compose->user_data);
  g_array_unref (compose->ids);
  g_free (compose);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Compose          *compose)
{
  if (g_strcmp0 (response, "sent") == 0)
    compose->sent (compose->ids, compose->user_data);
}

static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWidget) row = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open your mail program: %s. "
                                                    "Copy the addresses instead."),
                                                  error->message);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
    }
}

static void
open_clicked_cb (GtkButton *button,
                 GtkWidget *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GAppLaunchContext) launch_context = NULL;

  launch_context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (
    gtk_widget_get_display (GTK_WIDGET (button))));
  g_app_info_launch_default_for_uri_async (uri, launch_context, NULL, launch_done_cb,
                                           g_object_ref (row));
  gtk_widget_add_css_class (GTK_WIDGET (button), "dim-label");
}

static void
copy_clicked_cb (GtkButton *button,
                 GtkWidget *row)
{
  g_autofree char *addresses = fu_mailto_dup_addresses (g_object_get_data (G_OBJECT (row),
                                                                           "uri"));

  if (addresses == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), addresses);
  gtk_button_set_label (button, _("Copied"));
}

static GtkWidget *
draft_row (const char *uri,
           guint       number,
           guint       n_drafts)
{
  g_autofree char *addresses = fu_mailto_dup_addresses (uri);
  g_auto(GStrv) list = g_strsplit (addresses != NULL ? addresses : "", ", ", -1);
  guint n_addresses = addresses != NULL ? g_strv_length (list) : 0;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open in Mail"));
  GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy Addresses"));

  /* TRANSLATORS: "Draft 1 of 3" */
  title = n_drafts > 1 ? g_strdup_printf (_("Draft %u of %u"), number, n_drafts)
                       : g_strdup (_("Draft"));
  subtitle = g_strdup_printf (ngettext ("%u recipient in BCC", "%u recipients in BCC",
                                        n_addresses), n_addresses);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);

  for (GtkWidget *button = open; button != NULL; button = button == open ? copy : NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  gtk_widget_add_css_class (open, "suggested-action");
  g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), row);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), row);
  return row;
}

static void
toast_without_email (GtkWidget *widget,
                     GPtrArray *without_email)
{
  g_autofree char *names = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (without_email->len == 0)
    return;
  g_ptr_array_add (without_email, NULL);
  /* TRANSLATORS: separates names in a list */
  names = g_strjoinv (_(", "), (char **) without_email->pdata);
  title = g_strdup_printf (ngettext ("No e-mail address for %s: write to them another way",
                                     "No e-mail addresses for %s: write to them another way",
                                     without_email->len - 1),
                           names);
  g_ptr_array_remove_index (without_email, without_email->len - 1);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  fu_gui_show_toast (widget, toast);
}

AdwMessageDialog *
fu_compose_dialog_present (GtkWidget         *widget,
                           FuContext         *context,
                           GPtrArray         *rows,
                           FuMailtoKind       kind,
                           FuComposeSentFunc  sent,
                           gpointer           user_data,
                           GDestroyNotify     destroy)
{
  g_autoptr(GPtrArray) without_email = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *office = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *list;
  AdwMessageDialog *dialog;
  Compose *compose;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (FU_IS_CONTEXT (context), NULL);

  office = fu_store_get_office_name (fu_context_get_store (context));
  drafts = fu_mailto_build_drafts (rows, fu_context_get_rules (context), office, kind,
                                   fu_context_get_today (context), FU_MAILTO_MAX_LENGTH,
                                   without_email);
  toast_without_email (widget, without_email);
  if (drafts->len == 0)
    {
      g_array_unref (ids);
      if (destroy != NULL)
        destroy (user_data);
      return NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const FuFollowupRow *row = g_ptr_array_index (rows, i);

      if (row->email != NULL && *row->email != '\0')
        g_array_append_val (ids, row->followup_id);
    }

  if (kind == FU_MAILTO_QUESTIONNAIRE)
    heading = g_strdup_printf (ngettext ("Questionnaire to %u Participant",
                                         "Questionnaire to %u Participants", ids->len),
                               ids->len);
  else
    heading = g_strdup_printf (ngettext ("Reminder to %u Participant",
                                         "Reminder to %u Participants", ids->len), ids->len);
  if (drafts->len > 1)
    body = g_strdup_printf (ngettext ("Mail programs take links of about 2,000 characters, so "
                                      "the mail is split into %u draft. Open each one in your "
                                      "mail program and send it, then record it as sent.",
                                      "Mail programs take links of about 2,000 characters, so "
                                      "the mail is split into %u drafts. Open each one in your "
                                      "mail program and send it, then record them as sent.",
                                      drafts->len), drafts->len);
  else
    body = g_strdup (_("Open the draft in your mail program and send it, then record it as "
                       "sent. Nothing is recorded until you do."));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < drafts->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), draft_row (g_ptr_array_index (drafts, i), i + 1,
                                                         drafts->len));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (fu_gui_parent_window (widget), heading,
                                                       body));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Not Sent"),
                                    "sent", _("_Record as Sent"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "sent", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");

  compose = g_new0 (Compose, 1);
  compose->ids = ids;
  compose->sent = sent;
  compose->user_data = user_data;
  compose->destroy = destroy;
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), compose, compose_free,
                         0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
