/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-application.c: one instance per session. It opens the database (--database, else the
 * last one used, else the default path), wraps it in a FuContext and shows a FuWindow; a
 * database that does not open is explained in a dialog that offers another. */
#define G_LOG_DOMAIN "fu-application"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-application.h"
#include "fu-context.h"
#include "fu-file-chooser.h"
#include "fu-preferences-window.h"
#include "fu-store.h"
#include "fu-window.h"

struct _FuApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *database_option;   /* --database, made absolute */
};

G_DEFINE_FINAL_TYPE (FuApplication, fu_application, ADW_TYPE_APPLICATION)

static void show_open_error (FuApplication *self,
                             const char    *path,
                             const GError  *error);

static char *
absolute_path (const char *path)
{
  /* A team database's address is not a file's path. */
  if (g_strcmp0 (path, ":memory:") == 0
      || g_strcmp0 (fu_store_backend_for_location (path), "sqlite") != 0)
    return g_strdup (path);

  return g_canonicalize_filename (path, NULL);
}

/* ---- Window size ------------------------------------------------------------------------- */

static gboolean
window_close_request_cb (GtkWindow     *window,
                         FuApplication *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return FALSE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return FALSE;
}

static void
restore_window_size (FuApplication *self,
                     GtkWindow     *window)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (window,
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (window);
}

/* ---- Opening a database ------------------------------------------------------------------ */

static void
open_chosen (FuApplication *self,
             GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Cancelled: nothing is open, so there is nothing left to do. */
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only databases on this computer or a mounted drive can be "
                             "opened"));
      show_open_error (self, uri, error);
      return;
    }

  if (!fu_application_open_database (self, path, &error))
    show_open_error (self, path, error);
}

static void
open_chosen_cb (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(FuApplication) self = user_data;

  open_chosen (self, file);
  /* Taken in open_error_response_cb; the new window or dialog keeps us running now. */
  g_application_release (G_APPLICATION (self));
}

static void
open_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        FuApplication    *self)
{
  if (g_strcmp0 (response, "choose") != 0)
    return;

  /* The dialog closes now and the chooser is no window of ours: without a hold the
   * application would quit before the person has chosen. */
  g_application_hold (G_APPLICATION (self));
  fu_file_chooser_open (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                        _("Open Database"), _("_Open"), FU_FILE_KIND_DATABASE,
                        open_chosen_cb, g_object_ref (self));
}

static void
show_open_error (FuApplication *self,
                 const char    *path,
                 const GError  *error)
{
  g_autofree char *heading = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), basename);
  dialog = adw_message_dialog_new (parent, heading, error->message);
  /* Without a window the dialog alone keeps the application running. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "quit", parent != NULL ? _("_Close") : _("_Quit"),
                                    "choose", _("_Choose Another Database…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
initial_database_path (FuApplication *self)
{
  if (self->database_option != NULL)
    return g_strdup (self->database_option);

  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-database");

      if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&last);
    }

  return fu_store_default_path ();
}

/* ---- Actions ----------------------------------------------------------------------------- */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  FuApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close the windows as the close button would, so that their size is remembered. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (FU_IS_WINDOW (l->data))
      window_close_request_cb (l->data, self);

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FuApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  FuPreferencesWindow *preferences;

  if (!FU_IS_WINDOW (window))
    return;

  preferences = fu_preferences_window_new (fu_window_get_context (FU_WINDOW (window)));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  /* Belonging to the application, it closes with the window when another database opens. */
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  FuApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-icon", APP_ID,
                        "application-name", _("Follow-Up"),
                        "developer-name", _("WCO ROCB A/P"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Follow up on training workshops: send the "
                                      "questionnaires on time, remind those who have not "
                                      "replied, and report what the participants did with "
                                      "what they learned."),
                        "copyright", _("© 2026 WCO Regional Office for Capacity Building "
                                       "for Asia/Pacific"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line:
                         * "Ana Lopez <ana@example.org>" */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

/* ---- Overrides --------------------------------------------------------------------------- */

static int
fu_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  FuApplication *self = FU_APPLICATION (application);
  const char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database) && *database != '\0')
    {
      g_free (self->database_option);
      self->database_option = absolute_path (database);
    }

  /* Go on: register, then activate here or in the running instance. */
  return -1;
}

static void
fu_application_startup (GApplication *application)
{
  FuApplication *self = FU_APPLICATION (application);
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *import_accels[] = { "<Control>o", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *add_workshop_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (fu_application_parent_class)->startup (application);

  /* Uninstalled and without GSETTINGS_SCHEMA_DIR, g_settings_new() would abort. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
  else
    g_message ("The GSettings schema %s is not installed: window size and last database "
               "are not remembered", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export-summary",
                                         export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.add-workshop",
                                         add_workshop_accels);
}

static void
fu_application_activate (GApplication *application)
{
  FuApplication *self = FU_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = initial_database_path (self);
  if (!fu_application_open_database (self, path, &error))
    show_open_error (self, path, error);
}

static void
fu_application_dispose (GObject *object)
{
  FuApplication *self = FU_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fu_application_parent_class)->dispose (object);
}

static void
fu_application_finalize (GObject *object)
{
  FuApplication *self = FU_APPLICATION (object);

  g_clear_pointer (&self->database_option, g_free);

  G_OBJECT_CLASS (fu_application_parent_class)->finalize (object);
}

static void
fu_application_class_init (FuApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = fu_application_dispose;
  object_class->finalize = fu_application_finalize;

  application_class->handle_local_options = fu_application_handle_local_options;
  application_class->startup = fu_application_startup;
  application_class->activate = fu_application_activate;
}

static void
fu_application_init (FuApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("The database to open instead of the last one"), N_("PATH") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Follow up on training workshops."));
}

/* ---- Public API -------------------------------------------------------------------------- */

FuApplication *
fu_application_new (void)
{
  return g_object_new (FU_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/rocbap/FollowUp",
                       NULL);
}

static gboolean open_database (FuApplication *self, const char *path, FuStoreOpenFlags flags,
                               GError **error);

/* The file was checked after the window showed, and is damaged: the window opens it again,
 * read-only, with the damaged file's bar. After the signal, not inside it: it may come from
 * a write that waited for the check. */
static gboolean
reopen_damaged_cb (gpointer user_data)
{
  g_autoptr(FuStore) store = user_data;
  FuApplication *self = FU_APPLICATION (g_application_get_default ());
  g_autoptr(GError) error = NULL;

  if (self != NULL && !open_database (self, fu_store_get_path (store), FU_STORE_OPEN_NONE,
                                      &error))
    show_open_error (self, fu_store_get_path (store), error);
  return G_SOURCE_REMOVE;
}

static void
store_access_changed_cb (FuStore *store,
                         gpointer user_data)
{
  g_idle_add (reopen_damaged_cb, g_object_ref (store));
}

gboolean
fu_application_open_database (FuApplication  *self,
                              const char     *path,
                              GError        **error)
{
  /* The window shows while the file is checked for damage. */
  return open_database (self, path, FU_STORE_OPEN_CHECK_LATER, error);
}

static gboolean
open_database (FuApplication     *self,
               const char        *path,
               FuStoreOpenFlags   flags,
               GError           **error)
{
  g_autoptr(FuStore) store = NULL;
  g_autoptr(FuContext) context = NULL;
  g_autoptr(GList) old_windows = NULL;
  g_autofree char *absolute = NULL;
  FuWindow *window;

  g_return_val_if_fail (FU_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  absolute = absolute_path (path);
  store = fu_store_open_full (absolute, flags, error);
  if (store == NULL)
    return FALSE;
  g_signal_connect (store, "access-changed", G_CALLBACK (store_access_changed_cb), NULL);
  /* The name the history records for this desktop's changes. */
  {
    const char *env = g_getenv ("FOLLOWUP_STAFF_NAME");
    g_autofree char *name = NULL;

    if (env != NULL && *env != '\0')
      name = g_strdup (env);
    else if (self->settings != NULL)
      name = g_settings_get_string (self->settings, "staff-name");
    fu_store_set_author (store, name);
  }

  context = fu_context_new (store);
  old_windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* The new window first, so that the application never runs out of windows. */
  window = fu_window_new (GTK_APPLICATION (self), context);
  restore_window_size (self, GTK_WINDOW (window));
  g_signal_connect_object (window, "close-request",
                           G_CALLBACK (window_close_request_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));

  for (GList *l = old_windows; l != NULL; l = l->next)
    {
      if (FU_IS_WINDOW (l->data))
        window_close_request_cb (l->data, self);
      gtk_window_destroy (l->data);
    }

  if (self->settings != NULL && g_strcmp0 (absolute, ":memory:") != 0)
    g_settings_set_string (self->settings, "last-database", absolute);

  return TRUE;
}

GSettings *
fu_application_get_settings (FuApplication *self)
{
  g_return_val_if_fail (FU_IS_APPLICATION (self), NULL);

  return self->settings;
}
