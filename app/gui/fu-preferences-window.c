/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-preferences-window.c: the team's settings, which live in the database (the fiscal
 * year, the follow-up schedule, the office's name), and which database is open. Changes
 * apply at once, as GNOME preferences do. */
#define G_LOG_DOMAIN "fu-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-application.h"
#include "fu-file-chooser.h"
#include "fu-preferences-window.h"
#include "fu-rules.h"
#include "fu-store.h"

struct _FuPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  FuContext            *context;
  gboolean              loading;   /* filling the widgets: their changes are not edits */

  /* Template widgets */
  GtkWidget            *create_row;
  GtkSpinButton        *followup_months_spin;
  AdwEntryRow          *office_name_row;
  GtkWidget            *open_row;
  AdwActionRow         *path_row;
  AdwEntryRow          *staff_name_row;
  GtkSpinButton        *reminder_days_spin;
  GtkSpinButton        *extension_days_spin;
  GtkSpinButton        *anonymize_years_spin;
  GtkSpinButton        *reply_days_spin;
  AdwComboRow          *start_month_row;
};

G_DEFINE_FINAL_TYPE (FuPreferencesWindow, fu_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static FuStore *
get_store (FuPreferencesWindow *self)
{
  return fu_context_get_store (self->context);
}

static void
add_error_toast (FuPreferencesWindow *self,
                 const char          *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
load (FuPreferencesWindow *self)
{
  g_autofree char *office_name = NULL;
  FuRules rules;

  if (self->context == NULL)
    return;

  self->loading = TRUE;

  fu_store_get_rules (get_store (self), &rules);
  adw_combo_row_set_selected (self->start_month_row, rules.fiscal_year_start_month - 1);
  gtk_spin_button_set_value (self->followup_months_spin, rules.followup_months);
  gtk_spin_button_set_value (self->reply_days_spin, rules.reply_days);
  gtk_spin_button_set_value (self->reminder_days_spin, rules.reminder_days);
  gtk_spin_button_set_value (self->extension_days_spin, rules.extension_days);
  gtk_spin_button_set_value (self->anonymize_years_spin, rules.anonymize_after_years);

  office_name = fu_store_get_office_name (get_store (self));
  gtk_editable_set_text (GTK_EDITABLE (self->office_name_row),
                         office_name != NULL ? office_name : "");

  adw_action_row_set_subtitle (self->path_row, fu_store_get_path (get_store (self)));
  gtk_editable_set_text (GTK_EDITABLE (self->staff_name_row),
                         fu_store_get_author (get_store (self)));

  self->loading = FALSE;
}

static void
update_actions (FuPreferencesWindow *self)
{
  /* Switching databases goes through the application; a window without one (a test)
   * cannot. */
  gboolean can_switch = FU_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  gtk_widget_set_sensitive (self->open_row, can_switch);
  gtk_widget_set_sensitive (self->create_row, can_switch);
}

static void
open_database (FuPreferencesWindow *self,
               const char          *path)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_return_if_fail (FU_IS_APPLICATION (application));

  /* On success the application replaces every window, this one included. */
  if (!fu_application_open_database (FU_APPLICATION (application), path, &error))
    add_error_toast (self, error->message);
}

/* ---- Callbacks --------------------------------------------------------------------------- */

static void
rules_changed_cb (FuPreferencesWindow *self)
{
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  FuRules rules;

  if (self->loading || self->context == NULL)
    return;

  rules.fiscal_year_start_month = adw_combo_row_get_selected (self->start_month_row) + 1;
  rules.followup_months = gtk_spin_button_get_value_as_int (self->followup_months_spin);
  rules.reply_days = gtk_spin_button_get_value_as_int (self->reply_days_spin);
  rules.reminder_days = gtk_spin_button_get_value_as_int (self->reminder_days_spin);
  rules.extension_days = gtk_spin_button_get_value_as_int (self->extension_days_spin);
  rules.anonymize_after_years = gtk_spin_button_get_value_as_int (self->anonymize_years_spin);

  command = fu_command_new_set_rules (&rules);
  if (!fu_rules_validate (&rules, &error) || !fu_context_run (self->context, command, &error))
    {
      add_error_toast (self, error->message);
      load (self);
    }
}

/* Who the history names for this desktop's changes: kept in the personal settings. */
static void
staff_name_apply_cb (FuPreferencesWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *name = NULL;

  if (self->loading || self->context == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->staff_name_row))));
  fu_store_set_author (get_store (self), name);
  if (FU_IS_APPLICATION (application)
      && fu_application_get_settings (FU_APPLICATION (application)) != NULL)
    g_settings_set_string (fu_application_get_settings (FU_APPLICATION (application)),
                           "staff-name", name);
  load (self);
}

static void
office_name_apply_cb (FuPreferencesWindow *self)
{
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (self->loading || self->context == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->office_name_row))));
  command = fu_command_new_set_office_name (name);
  if (!fu_context_run (self->context, command, &error))
    {
      add_error_toast (self, error->message);
      load (self);
    }
}

static void
open_chosen_cb (GFile    *file,
                gpointer  user_data)
{
  g_autoptr(FuPreferencesWindow) self = user_data;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      add_error_toast (self, _("Only databases on this computer or a mounted drive can be "
                               "opened"));
      return;
    }

  open_database (self, path);
}

static void
open_activated_cb (FuPreferencesWindow *self)
{
  fu_file_chooser_open (GTK_WINDOW (self), _("Open Database"), _("_Open"),
                        FU_FILE_KIND_DATABASE, open_chosen_cb, g_object_ref (self));
}

static void
create_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(FuPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      add_error_toast (self, _("Only databases on this computer or a mounted drive can be "
                               "created"));
      return;
    }

  if (g_file_query_exists (file, NULL))
    {
      g_autofree char *current = g_canonicalize_filename (fu_store_get_path (get_store (self)),
                                                          NULL);
      g_autofree char *chosen = g_canonicalize_filename (path, NULL);

      if (g_strcmp0 (current, chosen) == 0)
        {
          add_error_toast (self, _("That is the database you have open: choose another "
                                   "name for the new one"));
          return;
        }

      /* The file chooser asked before replacing; the trash still keeps the old file. */
      if (!g_file_trash (file, NULL, &error))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("Could not move the existing file to the trash: %s"),
                                     error->message);
          add_error_toast (self, message);
          return;
        }
    }

  open_database (self, path);
}

static void
create_activated_cb (FuPreferencesWindow *self)
{
  fu_file_chooser_save (GTK_WINDOW (self), _("Create Database"), _("C_reate"),
                        FU_FILE_KIND_DATABASE, _("followup.db"),
                        create_chosen_cb, g_object_ref (self));
}

static void
context_changed_cb (FuPreferencesWindow *self)
{
  load (self);
}

/* ---- Overrides --------------------------------------------------------------------------- */

static void
fu_preferences_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (fu_preferences_window_parent_class)->realize (widget);

  update_actions (FU_PREFERENCES_WINDOW (widget));
}

static void
fu_preferences_window_constructed (GObject *object)
{
  FuPreferencesWindow *self = FU_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (fu_preferences_window_parent_class)->constructed (object);

  if (self->context != NULL)
    g_signal_connect_object (self->context, "changed",
                             G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  load (self);
  update_actions (self);
}

static void
fu_preferences_window_dispose (GObject *object)
{
  FuPreferencesWindow *self = FU_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fu_preferences_window_parent_class)->dispose (object);
}

static void
fu_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FuPreferencesWindow *self = FU_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  FuPreferencesWindow *self = FU_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_preferences_window_class_init (FuPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fu_preferences_window_constructed;
  object_class->dispose = fu_preferences_window_dispose;
  object_class->get_property = fu_preferences_window_get_property;
  object_class->set_property = fu_preferences_window_set_property;

  widget_class->realize = fu_preferences_window_realize;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, create_row);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, followup_months_spin);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, office_name_row);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, open_row);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, path_row);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, staff_name_row);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, reminder_days_spin);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, extension_days_spin);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, anonymize_years_spin);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, reply_days_spin);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, start_month_row);
  gtk_widget_class_bind_template_callback (widget_class, create_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, office_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, staff_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, rules_changed_cb);
}

static void
fu_preferences_window_init (FuPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- Public API -------------------------------------------------------------------------- */

FuPreferencesWindow *
fu_preferences_window_new (FuContext *context)
{
  g_return_val_if_fail (FU_IS_CONTEXT (context), NULL);

  return g_object_new (FU_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       NULL);
}

FuContext *
fu_preferences_window_get_context (FuPreferencesWindow *self)
{
  g_return_val_if_fail (FU_IS_PREFERENCES_WINDOW (self), NULL);

  return self->context;
}
