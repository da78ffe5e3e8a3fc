/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-backups-dialog.c: Restore from Backup. */
#define G_LOG_DOMAIN "fu-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fu-application.h"
#include "fu-backups-dialog.h"
#include "fu-backups.h"
#include "fu-command.h"
#include "fu-file-chooser.h"
#include "fu-gui-util.h"
#include "fu-window.h"

typedef struct {
  GtkWindow    *dialog;
  GtkWindow    *parent;
  FuContext    *context;
  GtkWidget    *stack;        /* the backups, or the restore under way */
  GtkWidget    *other;        /* Other File… */
  GtkWidget    *spinner;
  GCancellable *cancellable;  /* the restore under way, NULL when none */
} Restore;

static guint n_restoring;

static void
restore_free (Restore *restore)
{
  if (restore->cancellable != NULL)
    g_cancellable_cancel (restore->cancellable);
  g_clear_object (&restore->cancellable);
  g_object_unref (restore->context);
  g_free (restore);
}

/* What the backup holds, in words: "135 kB · 13 workshops · 255 participants · 148 replies". */
static char *
describe_counts (goffset             size,
                 const FuBackupInfo *info)
{
  g_autofree char *bytes = g_format_size ((guint64) size);
  g_autofree char *workshops = NULL;
  g_autofree char *participants = NULL;
  g_autofree char *replies = NULL;

  workshops = g_strdup_printf (ngettext ("%u workshop", "%u workshops",
                                         (gulong) info->n_workshops),
                               (guint) info->n_workshops);
  participants = g_strdup_printf (ngettext ("%u participant", "%u participants",
                                            (gulong) info->n_participants),
                                  (guint) info->n_participants);
  replies = g_strdup_printf (ngettext ("%u reply", "%u replies", (gulong) info->n_replies),
                             (guint) info->n_replies);
  /* TRANSLATORS: a backup's size, then its counts of workshops, participants and replies */
  return g_strdup_printf (_("%s · %s · %s · %s"), bytes, workshops, participants, replies);
}

/* ---- The restore, in a thread ------------------------------------------------------------ */

typedef struct {
  char      *database;
  FuCommand *command;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_free (job->database);
  g_object_unref (job->command);
  g_free (job);
}

/* On a connection of its own: the window goes on drawing and answering meanwhile. */
static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  RestoreJob *job = data;
  GError *error = NULL;

  if (!fu_command_apply_at (job->command, job->database, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_restoring (Restore  *restore,
               gboolean  restoring)
{
  gtk_stack_set_visible_child_name (GTK_STACK (restore->stack),
                                    restoring ? "restoring" : "backups");
  gtk_widget_set_sensitive (restore->other, !restoring);
  gtk_spinner_set_spinning (GTK_SPINNER (restore->spinner), restoring);
  /* Cancel is the way out while it runs: it writes nothing. */
  gtk_window_set_deletable (restore->dialog, !restoring);
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  /* NULL when the dialog went meanwhile (its window closed): that cancelled it. */
  Restore *restore = g_object_get_data (source, "restore");
  RestoreJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  n_restoring--;
  /* TRUE, or FALSE with the error. */
  g_task_propagate_boolean (G_TASK (result), &error);
  if (restore == NULL)
    return;
  parent = restore->parent;
  g_clear_object (&restore->cancellable);
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_window_destroy (restore->dialog);
      fu_gui_show_error_toast (GTK_WIDGET (parent),
                               _("The restore was cancelled: nothing changed"));
      return;
    }
  if (error != NULL)
    {
      set_restoring (restore, FALSE);
      fu_gui_show_error_toast (GTK_WIDGET (parent), error->message);
      return;
    }
  /* Restored: the undo stack and the pages learn of it, and the window offers Undo. */
  fu_context_add_applied (restore->context, job->command);
  gtk_window_destroy (restore->dialog);
  if (FU_IS_WINDOW (parent) && fu_command_get_entry_id (job->command) != 0)
    fu_window_show_change (FU_WINDOW (parent), fu_command_get_sentence (job->command),
                           fu_command_get_entry_id (job->command));
}

static void
start_restore (Restore    *restore,
               const char *path)
{
  g_autoptr(GTask) task = NULL;
  RestoreJob *job;

  if (restore->cancellable != NULL)
    return;
  job = g_new0 (RestoreJob, 1);
  job->database = g_strdup (fu_store_get_path (fu_context_get_store (restore->context)));
  job->command = fu_command_new_restore (path);
  restore->cancellable = g_cancellable_new ();
  fu_command_set_cancellable (job->command, restore->cancellable);
  set_restoring (restore, TRUE);
  n_restoring++;
  /* The task keeps the dialog's object until the restore has ended. */
  task = g_task_new (restore->dialog, restore->cancellable, restore_done_cb, NULL);
  g_task_set_source_tag (task, start_restore);
  g_task_set_task_data (task, job, (GDestroyNotify) restore_job_free);
  g_task_run_in_thread (task, restore_thread);
}

static void
cancel_clicked_cb (GtkButton *button,
                   Restore   *restore)
{
  if (restore->cancellable != NULL)
    g_cancellable_cancel (restore->cancellable);
}

guint
fu_backups_dialog_count_restoring (void)
{
  return n_restoring;
}

static void
do_restore (Restore    *restore,
            const char *path)
{
  FuStore *store = fu_context_get_store (restore->context);
  g_autoptr(GError) error = NULL;

  if (fu_store_get_access (store) == FU_STORE_ACCESS_DAMAGED)
    {
      g_autofree char *database = g_strdup (fu_store_get_path (store));
      g_autofree char *aside = NULL;
      GApplication *application = g_application_get_default ();

      /* A damaged file cannot take the restore as a change: the backup takes its place,
       * and the window opens it again. */
      if (!fu_backups_replace_damaged (database, path, &aside, &error)
          || !fu_application_open_database (FU_APPLICATION (application), database, &error))
        {
          fu_gui_show_error_toast (GTK_WIDGET (restore->parent), error->message);
          return;
        }
      gtk_window_destroy (restore->dialog);
      return;
    }

  start_restore (restore, path);
}

typedef struct {
  Restore *restore;
  char    *path;
} Confirm;

static void
confirm_response_cb (AdwMessageDialog *message,
                     const char       *response,
                     gpointer          user_data)
{
  Confirm *confirm = user_data;

  if (g_strcmp0 (response, "restore") == 0)
    do_restore (confirm->restore, confirm->path);
  g_free (confirm->path);
  g_free (confirm);
}

/* Asks first: restoring changes everything. */
static void
confirm_restore (Restore    *restore,
                 const char *path,
                 const char *when)
{
  FuStore *store = fu_context_get_store (restore->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *counts = NULL;
  FuBackupInfo info;
  GtkWidget *message;
  Confirm *confirm;
  GStatBuf st;

  if (!fu_store_describe_backup (store, path, &info, &error))
    {
      fu_gui_show_error_toast (GTK_WIDGET (restore->parent), error->message);
      return;
    }
  counts = describe_counts (g_stat (path, &st) == 0 ? st.st_size : 0, &info);
  if (fu_store_get_access (store) == FU_STORE_ACCESS_DAMAGED)
    /* TRANSLATORS: %s is a date and time, then what the backup holds */
    body = g_strdup_printf (_("The damaged database is put aside and the backup of %s takes "
                              "its place: %s."), when, counts);
  else
    /* TRANSLATORS: %s is a date and time, then what the backup holds */
    body = g_strdup_printf (_("The database becomes what it was on %s: %s. Its present state "
                              "is backed up first, and the restore can be undone."),
                            when, counts);

  message = adw_message_dialog_new (restore->dialog, _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");
  confirm = g_new0 (Confirm, 1);
  confirm->restore = restore;
  confirm->path = g_strdup (path);
  g_signal_connect (message, "response", G_CALLBACK (confirm_response_cb), confirm);
  gtk_window_present (GTK_WINDOW (message));
}

static void
restore_clicked_cb (GtkButton *button,
                    Restore   *restore)
{
  confirm_restore (restore, g_object_get_data (G_OBJECT (button), "path"),
                   g_object_get_data (G_OBJECT (button), "when"));
}

static void
other_file_chosen_cb (GFile    *file,
                      gpointer  user_data)
{
  Restore *restore = user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);

  if (path != NULL)
    confirm_restore (restore, path, name);
}

static void
other_file_clicked_cb (GtkButton *button,
                       Restore   *restore)
{
  fu_file_chooser_open (restore->dialog, _("Restore from a Backup File"), _("_Open"),
                        FU_FILE_KIND_DATABASE, other_file_chosen_cb, restore);
}

void
fu_backups_dialog_show (GtkWindow *parent,
                        FuContext *context)
{
  FuStore *store = fu_context_get_store (context);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = fu_backups_folder (store);
  g_autofree char *description = NULL;
  GtkWidget *dialog, *box, *header, *scrolled, *page, *group, *other;
  Restore *restore;

  backups = fu_backups_list (store, &error);
  if (backups == NULL)
    {
      fu_gui_show_error_toast (GTK_WIDGET (parent), error->message);
      return;
    }

  dialog = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (dialog), _("Restore from Backup"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 560);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  restore = g_new0 (Restore, 1);
  restore->dialog = GTK_WINDOW (dialog);
  restore->parent = parent;
  restore->context = g_object_ref (context);
  g_object_set_data_full (G_OBJECT (dialog), "restore", restore, (GDestroyNotify) restore_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  other = gtk_button_new_with_mnemonic (_("_Other File…"));
  gtk_widget_set_tooltip_text (other, _("Restore a backup kept somewhere else"));
  g_signal_connect (other, "clicked", G_CALLBACK (other_file_clicked_cb), restore);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), other);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Backups"));
  /* TRANSLATORS: %s is a folder */
  description = g_strdup_printf (_("Made before every import and restore and on the first "
                                   "change of each day, kept in %s: every backup of the last "
                                   "day, then one a day for a week, one a week for five weeks "
                                   "and one a month for a year."),
                                 folder != NULL ? folder : "-");
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Use Back Up Now in the main menu to make one"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  for (guint i = 0; i < backups->len; i++)
    {
      FuBackup *backup = backups->pdata[i];
      /* TRANSLATORS: a backup's date and time, see g_date_time_format() */
      g_autofree char *when = g_date_time_format (backup->time, _("%-d %B %Y, %H:%M:%S"));
      g_autofree char *counts = describe_counts (backup->size, &backup->info);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Restore…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), counts);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "path", g_strdup (backup->path), g_free);
      g_object_set_data_full (G_OBJECT (button), "when", g_strdup (when), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), restore);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  scrolled = GTK_WIDGET (page);
  gtk_widget_set_vexpand (scrolled, TRUE);
  restore->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (restore->stack), scrolled, "backups");
  {
    GtkWidget *status = adw_status_page_new ();
    GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
    GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

    adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Restoring the Backup…"));
    adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                     _("The present state is backed up first. Cancel "
                                       "leaves the database as it is."));
    restore->spinner = gtk_spinner_new ();
    gtk_widget_set_size_request (restore->spinner, 32, 32);
    gtk_box_append (GTK_BOX (content), restore->spinner);
    gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (cancel, "pill");
    g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), restore);
    gtk_box_append (GTK_BOX (content), cancel);
    adw_status_page_set_child (ADW_STATUS_PAGE (status), content);
    gtk_stack_add_named (GTK_STACK (restore->stack), status, "restoring");
  }
  gtk_stack_set_visible_child_name (GTK_STACK (restore->stack), "backups");
  gtk_box_append (GTK_BOX (box), restore->stack);
  restore->other = other;
  adw_window_set_content (ADW_WINDOW (dialog), box);
  gtk_window_present (GTK_WINDOW (dialog));
}
