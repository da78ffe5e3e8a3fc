/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-preferences-window.c: the team's settings, which live in the database (the fiscal
 * year, the follow-up schedule, the office's name), and which database is open. Changes
 * apply at once, as GNOME preferences do. */
#define G_LOG_DOMAIN "fu-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-application.h"
#include "fu-file-chooser.h"
#include "fu-gui-util.h"
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
  GtkWidget            *team_row;
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
  AdwPreferencesGroup  *earlier_group;
  GtkWidget            *add_earlier_row;
  AdwPreferencesGroup  *admin_group;
  GtkWidget            *add_admin_row;
  GPtrArray            *admin_rows;     /* one per administration, rebuilt on load */
  GPtrArray            *earlier_rows;   /* the rows of the entered years, rebuilt on load */
};

/* The form of one earlier year, in a message dialog. */
typedef struct {
  FuPreferencesWindow *self;
  GtkSpinButton       *year_spin;
  AdwActionRow        *year_row;
  GtkSwitch           *rate_only_switch;
  GtkWidget           *participants_row;
  GtkSpinButton       *participants_spin;
  GtkWidget           *replies_row;
  GtkSpinButton       *replies_spin;
  GtkWidget           *rate_row;
  GtkSpinButton       *rate_spin;
  AdwExpanderRow      *inhouse_row;
  GtkSpinButton       *inhouse_spin;
} EarlierForm;

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

static void load_earlier_years (FuPreferencesWindow *self);
static void load_administrations (FuPreferencesWindow *self);

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

  /* A file by its path; a team database by its name, without a password. */
  if (g_strcmp0 (fu_store_get_backend_name (get_store (self)), "sqlite") == 0)
    adw_action_row_set_subtitle (self->path_row, fu_store_get_path (get_store (self)));
  else
    {
      g_autofree char *name = fu_store_describe (get_store (self));

      adw_action_row_set_subtitle (self->path_row, name);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->staff_name_row),
                         fu_store_get_author (get_store (self)));
  load_earlier_years (self);
  load_administrations (self);

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
  gtk_widget_set_sensitive (self->team_row, can_switch);
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

/* ---- Administrations ---------------------------------------------------------------------- */

typedef enum {
  STATUS_MEMBER,
  STATUS_OBSERVER,
  STATUS_OTHER,
} AdminStatus;

/* The form of one administration, in a message dialog. */
typedef struct {
  FuPreferencesWindow *self;
  FuAdministration    *admin;      /* NULL for a new one */
  GPtrArray           *admins;     /* the others, for Merge Into */
  char                *aliases;    /* as loaded: "a; b" */
  AdwEntryRow         *name_row;
  AdwEntryRow         *short_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *aliases_row;
  AdwComboRow         *merge_row;
} AdminForm;

static void
admin_form_free (AdminForm *form)
{
  g_clear_pointer (&form->admin, fu_administration_free);
  g_clear_pointer (&form->admins, g_ptr_array_unref);
  g_free (form->aliases);
  g_free (form);
}

static AdminStatus
admin_status (const FuAdministration *admin)
{
  return admin->member ? STATUS_MEMBER : admin->observer ? STATUS_OBSERVER : STATUS_OTHER;
}

/* The other names of @administration_id, "a; b", or "". */
static char *
admin_aliases (GPtrArray *aliases,
               gint64     administration_id)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; aliases != NULL && i < aliases->len; i++)
    {
      const FuAlias *alias = g_ptr_array_index (aliases, i);

      if (alias->administration_id == administration_id)
        g_ptr_array_add (names, alias->alias);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **) names->pdata);
}

static gboolean
run_admin_command (FuPreferencesWindow *self,
                   FuCommand           *command)
{
  g_autoptr(GError) error = NULL;

  if (fu_context_run (self->context, command, &error))
    return TRUE;
  add_error_toast (self, error->message);
  return FALSE;
}

/* Each name in @now and not in @before becomes an alias of @id; each one gone is forgotten. */
static void
save_aliases (FuPreferencesWindow *self,
              const char          *before,
              const char          *now,
              gint64               id)
{
  g_auto(GStrv) old_names = g_strsplit (before != NULL ? before : "", ";", -1);
  g_auto(GStrv) new_names = g_strsplit (now != NULL ? now : "", ";", -1);

  for (guint i = 0; old_names[i] != NULL; i++)
    g_strstrip (old_names[i]);
  for (guint i = 0; new_names[i] != NULL; i++)
    g_strstrip (new_names[i]);
  for (guint i = 0; old_names[i] != NULL; i++)
    if (*old_names[i] != '\0' && !g_strv_contains ((const char * const *) new_names,
                                                   old_names[i]))
      {
        g_autoptr(FuCommand) command = fu_command_new_set_alias (old_names[i], 0);

        run_admin_command (self, command);
      }
  for (guint i = 0; new_names[i] != NULL; i++)
    if (*new_names[i] != '\0' && !g_strv_contains ((const char * const *) old_names,
                                                   new_names[i]))
      {
        g_autoptr(FuCommand) command = fu_command_new_set_alias (new_names[i], id);

        run_admin_command (self, command);
      }
}

static void
admin_form_changed_cb (AdwMessageDialog *dialog)
{
  AdminForm *form = g_object_get_data (G_OBJECT (dialog), "fu-form");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (form->name_row))));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
}

static void
admin_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  AdminForm *form = g_object_get_data (G_OBJECT (dialog), "fu-form");
  FuPreferencesWindow *self = form->self;
  g_autoptr(FuAdministration) admin = NULL;
  g_autoptr(FuCommand) command = NULL;
  g_autofree char *short_name = NULL;
  AdminStatus status;
  guint merge;
  gint64 id;

  if (g_strcmp0 (response, "save") != 0 || self->context == NULL)
    return;

  admin = form->admin != NULL ? fu_administration_copy (form->admin) : fu_administration_new ();
  g_free (admin->name);
  admin->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name_row))));
  short_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->short_row))));
  g_free (admin->short_name);
  admin->short_name = *short_name != '\0' ? g_steal_pointer (&short_name) : NULL;
  status = (AdminStatus) adw_combo_row_get_selected (form->status_row);
  admin->member = status == STATUS_MEMBER;
  admin->observer = status == STATUS_OBSERVER;

  if (form->admin == NULL)
    command = fu_command_new_add_administration (admin);
  else if (g_strcmp0 (admin->name, form->admin->name) != 0
           || g_strcmp0 (admin->short_name, form->admin->short_name) != 0
           || admin_status (admin) != admin_status (form->admin))
    command = fu_command_new_edit_administration (admin);
  if (command != NULL && !run_admin_command (self, command))
    return;
  id = form->admin != NULL ? form->admin->id : fu_command_get_new_id (command);
  save_aliases (self, form->aliases,
                gtk_editable_get_text (GTK_EDITABLE (form->aliases_row)), id);

  /* Merging comes last: its names become the other's. */
  merge = form->merge_row != NULL ? adw_combo_row_get_selected (form->merge_row) : 0;
  if (merge > 0 && merge <= form->admins->len)
    {
      const FuAdministration *into = g_ptr_array_index (form->admins, merge - 1);
      g_autoptr(FuCommand) merging = fu_command_new_merge_administrations (into->id, id);

      run_admin_command (self, merging);
    }
}

static AdwEntryRow *
admin_entry_row (GtkWidget  *list,
                 const char *title,
                 const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  fu_gui_entry_row_activates_default (ADW_ENTRY_ROW (row));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
admin_combo_row (GtkWidget   *list,
                 const char  *title,
                 GtkStringList *choices)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_COMBO_ROW (row);
}

/* The form for a new administration (@admin NULL) or to change one. */
static void
present_admin_form (FuPreferencesWindow    *self,
                    const FuAdministration *admin)
{
  g_autoptr(GPtrArray) aliases = fu_store_list_aliases (get_store (self), NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  AdminForm *form = g_new0 (AdminForm, 1);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *dialog;

  form->self = self;
  form->admin = admin != NULL ? fu_administration_copy (admin) : NULL;
  form->aliases = admin != NULL ? admin_aliases (aliases, admin->id) : g_strdup ("");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  form->name_row = admin_entry_row (list, _("_Name"), admin != NULL ? admin->name : NULL);
  form->short_row = admin_entry_row (list, _("_Short Name, e.g. VNM"),
                                     admin != NULL ? admin->short_name : NULL);
  gtk_string_list_append (statuses, _("Member"));
  gtk_string_list_append (statuses, _("Observer"));
  gtk_string_list_append (statuses, _("Not a Member"));
  form->status_row = admin_combo_row (list, _("S_tatus"), statuses);
  adw_combo_row_set_selected (form->status_row,
                              admin != NULL ? admin_status (admin) : STATUS_OTHER);
  form->aliases_row = admin_entry_row (list, _("Other Names, Separated by _Semicolons"),
                                       form->aliases);
  if (admin != NULL)
    {
      g_autoptr(GtkStringList) others = gtk_string_list_new (NULL);
      g_autoptr(GPtrArray) admins = fu_store_list_administrations (get_store (self), NULL);

      form->admins = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_administration_free);
      gtk_string_list_append (others, _("Keep Separate"));
      for (guint i = 0; admins != NULL && i < admins->len; i++)
        {
          FuAdministration *other = g_ptr_array_index (admins, i);

          if (other->id == admin->id)
            continue;
          gtk_string_list_append (others, other->name);
          g_ptr_array_add (form->admins, fu_administration_copy (other));
        }
      form->merge_row = admin_combo_row (list, _("_Merge Into"), others);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (form->merge_row),
                                   _("For a duplicate: its participants and workshops move, "
                                     "and its names become the other's"));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   admin != NULL ? admin->name : _("New Administration"),
                                   NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", admin != NULL ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fu-form", form, (GDestroyNotify) admin_form_free);
  g_signal_connect_swapped (form->name_row, "changed", G_CALLBACK (admin_form_changed_cb),
                            dialog);
  admin_form_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (admin_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_admin_activated_cb (FuPreferencesWindow *self)
{
  present_admin_form (self, NULL);
}

static void
admin_row_activated_cb (AdwActionRow        *row,
                        FuPreferencesWindow *self)
{
  present_admin_form (self, g_object_get_data (G_OBJECT (row), "fu-administration"));
}

static void
load_administrations (FuPreferencesWindow *self)
{
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->admin_rows->len; i++)
    adw_preferences_group_remove (self->admin_group, g_ptr_array_index (self->admin_rows, i));
  g_ptr_array_set_size (self->admin_rows, 0);

  admins = fu_store_list_administrations (get_store (self), &error);
  if (admins == NULL || (aliases = fu_store_list_aliases (get_store (self), &error)) == NULL)
    {
      add_error_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < admins->len; i++)
    {
      const FuAdministration *admin = g_ptr_array_index (admins, i);
      g_autofree char *names = admin_aliases (aliases, admin->id);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      const char *status = admin->member ? _("Member") : admin->observer ? _("Observer")
                                                                          : _("Not a member");
      GtkWidget *row = adw_action_row_new ();

      /* TRANSLATORS: an administration and its short name, "Viet Nam (VNM)" */
      title = admin->short_name != NULL ? g_strdup_printf (_("%s (%s)"), admin->name,
                                                           admin->short_name)
                                        : g_strdup (admin->name);
      /* TRANSLATORS: its status, then its other names: "Member · also Vietnam Customs" */
      subtitle = *names != '\0' ? g_strdup_printf (_("%s · also %s"), status, names)
                                : g_strdup (status);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "fu-administration",
                              fu_administration_copy (admin),
                              (GDestroyNotify) fu_administration_free);
      g_signal_connect (row, "activated", G_CALLBACK (admin_row_activated_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_group_add (self->admin_group, row);
      g_ptr_array_add (self->admin_rows, row);
    }
}

/* ---- Years before the database ------------------------------------------------------------ */

static char *
earlier_year_label (FuPreferencesWindow *self,
                    guint                fiscal_year)
{
  return fu_fiscal_year_label (fu_context_get_rules (self->context), fiscal_year);
}

/* "30 of 120 participants replied (25%) · 4 administrations with in-house workshops" */
static char *
earlier_year_summary (const FuEarlierYear *year)
{
  g_autofree char *rate = NULL;
  g_autofree char *replies = NULL;

  if (year->participants > 0)
    {
      rate = fu_rate_format (year->replies, year->participants, TRUE);
      replies = g_strdup_printf (ngettext ("%u of %u participant replied (%s%%)",
                                           "%u of %u participants replied (%s%%)",
                                           year->participants),
                                 year->replies, year->participants, rate);
    }
  else
    {
      rate = fu_rate_format_tenths (year->rate_tenths, TRUE);
      /* TRANSLATORS: a year known only by its rate: "Reply rate 28.0%" */
      replies = g_strdup_printf (_("Reply rate %s%%"), rate);
    }
  if (year->inhouse < 0)
    return g_steal_pointer (&replies);
  /* TRANSLATORS: the reply figures, then how many administrations: "Reply rate 28.0% · 6
   * administrations with in-house workshops" */
  return g_strdup_printf (ngettext ("%s · %d administration with in-house workshops",
                                    "%s · %d administrations with in-house workshops",
                                    year->inhouse),
                          replies, year->inhouse);
}

static void
run_earlier_year (FuPreferencesWindow *self,
                  const FuEarlierYear *year)
{
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = earlier_year_label (self, year->fiscal_year);

  command = fu_command_new_set_earlier_year (year, label);
  if (!fu_context_run (self->context, command, &error))
    add_error_toast (self, error->message);
}

static void
earlier_form_update (EarlierForm *form)
{
  gboolean rate_only = gtk_switch_get_active (form->rate_only_switch);
  g_autofree char *label = NULL;

  label = earlier_year_label (form->self, gtk_spin_button_get_value_as_int (form->year_spin));
  adw_action_row_set_subtitle (form->year_row, label);
  gtk_widget_set_visible (form->participants_row, !rate_only);
  gtk_widget_set_visible (form->replies_row, !rate_only);
  gtk_widget_set_visible (form->rate_row, rate_only);
  /* No more replies than participants. */
  gtk_spin_button_set_range (form->replies_spin, 0,
                             gtk_spin_button_get_value (form->participants_spin));
}

static GtkSpinButton *
add_spin_row (GtkWidget   *list,
              const char  *title,
              double       lower,
              double       upper,
              guint        digits,
              GtkWidget  **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, digits > 0 ? 0.1 : 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_append (GTK_LIST_BOX (list), row);
  else
    adw_expander_row_add_row (ADW_EXPANDER_ROW (list), row);
  if (row_out != NULL)
    *row_out = row;
  return GTK_SPIN_BUTTON (spin);
}

static void
earlier_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     EarlierForm      *form)
{
  FuEarlierYear year = { 0, 0, 0, 0, -1 };

  if (g_strcmp0 (response, "save") != 0)
    return;
  year.fiscal_year = gtk_spin_button_get_value_as_int (form->year_spin);
  if (gtk_switch_get_active (form->rate_only_switch))
    year.rate_tenths = (guint) (gtk_spin_button_get_value (form->rate_spin) * 10.0 + 0.5);
  else
    {
      year.participants = gtk_spin_button_get_value_as_int (form->participants_spin);
      year.replies = gtk_spin_button_get_value_as_int (form->replies_spin);
    }
  if (adw_expander_row_get_enable_expansion (form->inhouse_row))
    year.inhouse = gtk_spin_button_get_value_as_int (form->inhouse_spin);
  run_earlier_year (form->self, &year);
}

/* The form for a new year (@year NULL) or to change an entered one. */
static void
present_earlier_form (FuPreferencesWindow *self,
                      const FuEarlierYear *year)
{
  EarlierForm *form = g_new0 (EarlierForm, 1);
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row;
  GtkWidget *switch_row = adw_action_row_new ();
  GtkWidget *inhouse = adw_expander_row_new ();
  guint fiscal_year;

  form->self = self;
  if (year != NULL)
    fiscal_year = year->fiscal_year;
  else
    {
      g_autoptr(GArray) trend = fu_store_reply_rate_trend (get_store (self), NULL);

      /* The year before the oldest one known. */
      fiscal_year = fu_fiscal_year_of (fu_context_get_rules (self->context),
                                       fu_context_get_today (self->context));
      if (trend != NULL && trend->len > 0)
        fiscal_year = g_array_index (trend, FuTrendPoint, 0).fiscal_year;
      fiscal_year--;
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  form->year_spin = add_spin_row (list, _("_Fiscal Year Starting In"), 1990, 2100, 0, &row);
  form->year_row = ADW_ACTION_ROW (row);
  gtk_widget_set_sensitive (GTK_WIDGET (form->year_spin), year == NULL);

  form->rate_only_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (form->rate_only_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (switch_row),
                                 _("_Only the Reply Rate Is Known"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (switch_row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (switch_row), GTK_WIDGET (form->rate_only_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (switch_row),
                                         GTK_WIDGET (form->rate_only_switch));
  gtk_list_box_append (GTK_LIST_BOX (list), switch_row);

  form->participants_spin = add_spin_row (list, _("_Participants Surveyed"), 1, 100000, 0,
                                          &form->participants_row);
  form->replies_spin = add_spin_row (list, _("_Replies"), 0, 100000, 0, &form->replies_row);
  form->rate_spin = add_spin_row (list, _("Reply _Rate (%)"), 0.1, 100, 1, &form->rate_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (inhouse),
                                 _("_In-House Workshops Known"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (inhouse), TRUE);
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (inhouse), TRUE);
  form->inhouse_row = ADW_EXPANDER_ROW (inhouse);
  form->inhouse_spin = add_spin_row (inhouse, _("Administrations That _Organized Them"), 0, 500,
                                     0, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), inhouse);

  gtk_spin_button_set_value (form->year_spin, fiscal_year);
  gtk_spin_button_set_value (form->participants_spin,
                             year != NULL && year->participants > 0 ? year->participants : 100);
  gtk_spin_button_set_value (form->rate_spin,
                             year != NULL && year->rate_tenths > 0 ? year->rate_tenths / 10.0 : 50);
  gtk_switch_set_active (form->rate_only_switch, year != NULL && year->participants == 0);
  earlier_form_update (form);
  gtk_spin_button_set_value (form->replies_spin, year != NULL ? year->replies : 0);
  adw_expander_row_set_enable_expansion (form->inhouse_row, year != NULL && year->inhouse >= 0);
  gtk_spin_button_set_value (form->inhouse_spin, year != NULL ? MAX (year->inhouse, 0) : 0);

  g_signal_connect_swapped (form->year_spin, "value-changed",
                            G_CALLBACK (earlier_form_update), form);
  g_signal_connect_swapped (form->participants_spin, "value-changed",
                            G_CALLBACK (earlier_form_update), form);
  g_signal_connect_swapped (form->rate_only_switch, "notify::active",
                            G_CALLBACK (earlier_form_update), form);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   year != NULL ? _("Change an Earlier Year")
                                                : _("Add a Year Before the Database"),
                                   _("Give the year's participants and replies from its report, "
                                     "or just its reply rate."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", year != NULL ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (earlier_response_cb), form,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_earlier_activated_cb (FuPreferencesWindow *self)
{
  present_earlier_form (self, NULL);
}

static void
earlier_row_activated_cb (AdwActionRow        *row,
                          FuPreferencesWindow *self)
{
  present_earlier_form (self, g_object_get_data (G_OBJECT (row), "earlier-year"));
}

static void
earlier_remove_clicked_cb (GtkButton           *button,
                           FuPreferencesWindow *self)
{
  const FuEarlierYear *entered = g_object_get_data (G_OBJECT (button), "earlier-year");
  FuEarlierYear year = { entered->fiscal_year, 0, 0, 0, -1 };

  run_earlier_year (self, &year);
}

static void
load_earlier_years (FuPreferencesWindow *self)
{
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->earlier_rows->len; i++)
    adw_preferences_group_remove (self->earlier_group, g_ptr_array_index (self->earlier_rows, i));
  g_ptr_array_set_size (self->earlier_rows, 0);

  years = fu_store_list_earlier_years (get_store (self), &error);
  if (years == NULL)
    {
      add_error_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < years->len; i++)
    {
      FuEarlierYear *year = g_memdup2 (&g_array_index (years, FuEarlierYear, i),
                                       sizeof (FuEarlierYear));
      g_autofree char *label = earlier_year_label (self, year->fiscal_year);
      g_autofree char *summary = earlier_year_summary (year);
      g_autofree char *remove_name = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "earlier-year", year, g_free);
      g_signal_connect (row, "activated", G_CALLBACK (earlier_row_activated_cb), self);

      /* TRANSLATORS: a button's accessible name: "Remove FY2014/15" */
      remove_name = g_strdup_printf (_("Remove %s"), label);
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "earlier-year", year);
      g_signal_connect (remove, "clicked", G_CALLBACK (earlier_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->earlier_group, row);
      g_ptr_array_add (self->earlier_rows, row);
    }
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

/* ---- A team database --------------------------------------------------------------------- */

typedef struct {
  FuPreferencesWindow *self;
  AdwEntryRow         *host;
  AdwEntryRow         *port;
  AdwEntryRow         *dbname;
  AdwEntryRow         *user;
  AdwEntryRow         *password;
  GtkSwitch           *require_tls;
} TeamForm;

static void
team_form_free (TeamForm *form)
{
  g_object_unref (form->self);
  g_free (form);
}

/* A value for libpq's key=value pairs: quoted, its quotes and backslashes escaped. */
static void
append_conninfo (GString    *conninfo,
                 const char *key,
                 const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (conninfo, "%s%s='", conninfo->len > 0 ? " " : "", key);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (conninfo, '\\');
      g_string_append_c (conninfo, *p);
    }
  g_string_append_c (conninfo, '\'');
}

static char *
team_conninfo (TeamForm *form)
{
  GString *conninfo = g_string_new (NULL);
  g_autofree char *host = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->host))));
  g_autofree char *port = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->port))));
  g_autofree char *dbname = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->dbname))));
  g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->user))));

  append_conninfo (conninfo, "host", host);
  append_conninfo (conninfo, "port", port);
  append_conninfo (conninfo, "dbname", dbname);
  append_conninfo (conninfo, "user", user);
  /* Encrypted when the server offers it; refused unless encrypted when asked. */
  append_conninfo (conninfo, "sslmode",
                   gtk_switch_get_active (form->require_tls) ? "require" : "prefer");
  return g_string_free (conninfo, FALSE);
}

static void
team_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  TeamForm         *form)
{
  g_autofree char *conninfo = NULL;
  const char *password;

  if (!g_str_equal (response, "connect"))
    {
      team_form_free (form);
      return;
    }
  conninfo = team_conninfo (form);
  password = gtk_editable_get_text (GTK_EDITABLE (form->password));
  /* The password goes to the keyring, never to the settings with the address. */
  if (*password != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (!fu_store_remember_password (conninfo, password, &error))
        add_error_toast (form->self, error->message);
    }
  open_database (form->self, conninfo);
  team_form_free (form);
}

static AdwEntryRow *
team_entry (GtkWidget  *list,
            GType       type,
            const char *title,
            const char *text)
{
  GtkWidget *row = g_object_new (type, "title", title, "use-underline", TRUE, NULL);

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_ENTRY_ROW (row);
}

static void
team_activated_cb (FuPreferencesWindow *self)
{
  TeamForm *form = g_new0 (TeamForm, 1);
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *tls_row = adw_action_row_new ();

  form->self = g_object_ref (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Connect to a Team Database"),
                                   _("The database on the team's PostgreSQL server. The "
                                     "password is kept in your keyring."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  form->host = team_entry (list, ADW_TYPE_ENTRY_ROW, _("_Server"), "localhost");
  form->port = team_entry (list, ADW_TYPE_ENTRY_ROW, _("_Port"), "5432");
  form->dbname = team_entry (list, ADW_TYPE_ENTRY_ROW, _("_Database"), "followup");
  form->user = team_entry (list, ADW_TYPE_ENTRY_ROW, _("_User"), g_get_user_name ());
  form->password = team_entry (list, ADW_TYPE_PASSWORD_ENTRY_ROW, _("Pass_word"), NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tls_row), _("_Require Encryption"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (tls_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (tls_row),
                               _("Otherwise encrypted when the server offers it (TLS)"));
  form->require_tls = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (form->require_tls), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (tls_row), GTK_WIDGET (form->require_tls));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (tls_row),
                                         GTK_WIDGET (form->require_tls));
  gtk_list_box_append (GTK_LIST_BOX (list), tls_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "connect", _("C_onnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "connect",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (team_response_cb), form);
  gtk_window_present (GTK_WINDOW (dialog));
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
  g_clear_pointer (&self->earlier_rows, g_ptr_array_unref);
  g_clear_pointer (&self->admin_rows, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, team_row);
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
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, earlier_group);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, add_earlier_row);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, admin_group);
  gtk_widget_class_bind_template_child (widget_class, FuPreferencesWindow, add_admin_row);
  gtk_widget_class_bind_template_callback (widget_class, add_admin_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_earlier_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, office_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, staff_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, team_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, rules_changed_cb);
}

static void
fu_preferences_window_init (FuPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->earlier_rows = g_ptr_array_new ();
  self->admin_rows = g_ptr_array_new ();
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
