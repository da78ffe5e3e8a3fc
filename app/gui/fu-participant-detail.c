/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-participant-detail.c: a person's fields, each saved when the person editing presses
 * Enter or leaves it (a toast offers Undo), and their workshops over the years from one
 * store query, each with its follow-up as of today. */

#define G_LOG_DOMAIN "fu-participant-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fu-command.h"
#include "fu-day.h"
#include "fu-file-chooser.h"
#include "fu-files.h"
#include "fu-error.h"
#include "fu-gui-util.h"
#include "fu-history-group.h"
#include "fu-participant-detail.h"
#include "fu-rules.h"
#include "fu-store.h"

typedef enum {
  FIELD_NAME,
  FIELD_EMAIL,
  FIELD_POSITION,
  FIELD_GENDER,
  N_ENTRY_FIELDS,
  FIELD_ADMINISTRATION = N_ENTRY_FIELDS,
} Field;

struct _FuParticipantDetail
{
  GtkWidget             parent_instance;

  FuContext            *context;
  gint64                participant_id;
  FuParticipant        *participant;     /* as last read or saved; NULL when none */
  gint64                version;         /* its version then (fu_store_row_version) */
  GArray               *admin_ids;       /* gint64 per administration_row position */
  FuHistoryGroup       *changes_group;
  AdwEntryRow          *entry_rows[N_ENTRY_FIELDS];
  guint                 n_workshops;
  gboolean              loading;

  /* Template widgets */
  GtkDropDown          *administration_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *gender_row;
  GtkLabel             *heading_label;
  AdwPreferencesGroup  *history_group;
  GtkListBox           *history_list;
  AdwEntryRow          *name_row;
  AdwEntryRow          *position_row;
  GtkScrolledWindow    *scrolled_window;
  GtkLabel             *summary_label;
};

G_DEFINE_FINAL_TYPE (FuParticipantDetail, fu_participant_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PARTICIPANT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers ----------------------------------------------------------------------------- */

/* ---- The history ------------------------------------------------------------------------- */

static const char *
status_class (FuFollowupStatus status)
{
  switch (status)
    {
    case FU_STATUS_REPLIED:
      return "success";
    case FU_STATUS_OVERDUE:
      return "error";
    case FU_STATUS_REMINDER_DUE:
    case FU_STATUS_TO_SEND:
      return "warning";
    case FU_STATUS_PLANNED:
    case FU_STATUS_AWAITING_REPLY:
    case FU_STATUS_CLOSED:
    case FU_N_STATUSES:
    default:
      return "dim-label";
    }
}

/* "Questionnaire sent 2017-03-09, 1 reminder, reply received 2017-04-02" */
static char *
followup_text (const FuAttendanceRow *row)
{
  const FuFollowupDates *dates = &row->dates;
  GString *text = g_string_new (NULL);
  g_autofree char *sent = NULL;
  g_autofree char *ended = NULL;

  if (!row->surveyed)
    {
      g_string_append (text, _("Not surveyed"));
      return g_string_free (text, FALSE);
    }
  if (dates->sent == FU_DAY_NONE)
    {
      sent = fu_day_format_display (dates->planned);
      g_string_append_printf (text, _("Questionnaire planned for %s"), sent);
    }
  else
    {
      sent = fu_day_format_display (dates->sent);
      g_string_append_printf (text, _("Questionnaire sent %s"), sent);
    }
  if (row->n_reminders > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u reminder", "%u reminders", row->n_reminders),
                              row->n_reminders);
    }
  if (dates->received != FU_DAY_NONE)
    {
      ended = fu_day_format_display (dates->received);
      g_string_append (text, ", ");
      g_string_append_printf (text, _("reply received %s"), ended);
    }
  else if (dates->closed != FU_DAY_NONE)
    {
      ended = fu_day_format_display (dates->closed);
      g_string_append (text, ", ");
      g_string_append_printf (text, _("closed %s"), ended);
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
history_row_new (FuParticipantDetail   *self,
                 const FuAttendanceRow *row)
{
  const FuRules *rules = fu_context_get_rules (self->context);
  g_autofree char *title = g_strdup_printf ("%s · %s", row->workshop_code, row->workshop_title);
  g_autofree char *year = fu_fiscal_year_label (rules,
                                                fu_fiscal_year_of (rules, row->workshop_start));
  g_autofree char *start = fu_day_format_display (row->workshop_start);
  g_autofree char *followup = followup_text (row);
  g_autofree char *subtitle = NULL;
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *status;

  /* TRANSLATORS: a workshop's start date, its fiscal year, then what became of its
   * questionnaire */
  subtitle = g_strdup_printf (_("%s, %s\n%s"), start, year, followup);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (action_row), 2);

  status = gtk_label_new (row->surveyed ? fu_followup_status_get_label (row->status)
                                        : _("Not surveyed"));
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "caption-heading");
  gtk_widget_add_css_class (status, row->surveyed ? status_class (row->status) : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), status);
  return action_row;
}

static void
clear_history (FuParticipantDetail *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  self->n_workshops = 0;
}

static void
load_history (FuParticipantDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *description = NULL;
  guint replies = 0;

  clear_history (self);
  fu_history_group_load (self->changes_group, self->context, 0, self->participant_id);
  history = fu_store_list_participant_history (fu_context_get_store (self->context),
                                               self->participant_id,
                                               fu_context_get_today (self->context), &error);
  if (history == NULL)
    {
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      return;
    }

  for (guint i = 0; i < history->len; i++)
    {
      const FuAttendanceRow *row = g_ptr_array_index (history, i);

      gtk_list_box_append (self->history_list, history_row_new (self, row));
      if (row->surveyed && row->dates.received != FU_DAY_NONE)
        replies++;
    }
  self->n_workshops = history->len;

  if (history->len == 0)
    description = g_strdup (_("No workshop yet."));
  else
    {
      g_autofree char *attended = g_strdup_printf (ngettext ("Attended %u workshop",
                                                             "Attended %u workshops",
                                                             history->len),
                                                   history->len);
      g_autofree char *answered = g_strdup_printf (ngettext ("answered %u questionnaire",
                                                             "answered %u questionnaires",
                                                             replies),
                                                   replies);

      /* TRANSLATORS: "Attended 2 workshops", "answered 1 questionnaire" */
      description = g_strdup_printf (_("%s, %s"), attended, answered);
    }
  adw_preferences_group_set_description (self->history_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), history->len > 0);
}

/* ---- Loading ----------------------------------------------------------------------------- */

static void
load_administrations (FuParticipantDetail *self,
                      GPtrArray           *admins)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_array_set_size (self->admin_ids, 0);
  for (guint i = 0; i < admins->len; i++)
    {
      const FuAdministration *admin = g_ptr_array_index (admins, i);

      gtk_string_list_append (names, admin->name);
      g_array_append_val (self->admin_ids, admin->id);
    }
  fu_gui_drop_down_set_strings (self->administration_row, names);
}

static void
load (FuParticipantDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) admins = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  FuParticipant *p;
  FuStore *store;
  guint position = GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->participant, fu_participant_free);
  if (self->context == NULL || self->participant_id == 0)
    {
      clear_history (self);
      return;
    }
  store = fu_context_get_store (self->context);

  self->version = fu_store_row_version (store, FU_RECORD_PARTICIPANT, self->participant_id,
                                        NULL);
  self->participant = fu_store_get_participant (store, self->participant_id, &error);
  admins = self->participant != NULL ? fu_store_list_administrations (store, &error) : NULL;
  if (admins == NULL)
    {
      g_debug ("Participant %" G_GINT64_FORMAT ": %s", self->participant_id, error->message);
      g_clear_pointer (&self->participant, fu_participant_free);
      clear_history (self);
      return;
    }
  p = self->participant;

  self->loading = TRUE;
  load_administrations (self, admins);
  for (guint i = 0; i < self->admin_ids->len; i++)
    if (g_array_index (self->admin_ids, gint64, i) == p->administration_id)
      position = i;
  gtk_drop_down_set_selected (self->administration_row, position);
  fu_gui_set_entry_text (self->name_row, p->name);
  fu_gui_set_entry_text (self->email_row, p->email);
  fu_gui_set_entry_text (self->position_row, p->position);
  fu_gui_set_entry_text (self->gender_row, p->gender);
  self->loading = FALSE;

  gtk_label_set_text (self->heading_label, p->name);
  if (position != GTK_INVALID_LIST_POSITION)
    g_string_append (summary, ((FuAdministration *) g_ptr_array_index (admins, position))->name);
  if (p->email != NULL)
    g_string_append_printf (summary, " · %s", p->email);
  if (p->position != NULL && *p->position != '\0')
    g_string_append_printf (summary, "\n%s", p->position);
  gtk_label_set_text (self->summary_label, summary->str);

  load_history (self);
}

/* ---- Personal data ----------------------------------------------------------------------- */

static void
no_contact_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        FuParticipantDetail *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "reason");
  g_autoptr(FuCommand) command = NULL;
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "mark") != 0 || self->context == NULL)
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  command = fu_command_new_set_no_contact (self->participant_id,
                                           fu_context_get_today (self->context),
                                           *reason != '\0' ? reason : NULL);
  fu_gui_run_command (GTK_WIDGET (self), self->context, command, NULL, NULL);
}

static void
no_contact_clicked_cb (FuParticipantDetail *self)
{
  GtkWidget *dialog, *entry;

  if (self->participant == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Do Not Contact?"), NULL);
  /* TRANSLATORS: %s is a person's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s gets no questionnaire and no reminder from today, and "
                                    "their open follow-ups close. They still count as "
                                    "participants of their workshops."),
                                  self->participant->name);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "reason", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "mark", _("_Do Not Contact"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mark",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mark");
  g_signal_connect_object (dialog, "response", G_CALLBACK (no_contact_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_personal_chosen_cb (GFile    *file,
                           gpointer  user_data)
{
  FuParticipantDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *base = g_file_get_basename (file);

  json = fu_store_export_person (fu_context_get_store (self->context), self->participant_id,
                                 &error);
  if (json == NULL || !fu_gfile_write_private (file, json, strlen (json), &error))
    {
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      return;
    }
  {
    /* TRANSLATORS: %s is a file name */
    g_autofree char *message = g_strdup_printf (_("Saved %s"), base);

    fu_gui_show_toast (GTK_WIDGET (self), adw_toast_new (message));
  }
}

static void
export_personal_clicked_cb (FuParticipantDetail *self)
{
  g_autofree char *name = NULL;

  if (self->participant == NULL)
    return;
  name = g_strdup_printf ("%s.json", self->participant->name);
  g_strdelimit (name, "/\\", '-');
  fu_file_chooser_save (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                        _("Export Personal Data"), _("_Save"), FU_FILE_KIND_JSON, name,
                        export_personal_chosen_cb, self);
}

static void
anonymize_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       FuParticipantDetail *self)
{
  GtkCheckButton *answers = g_object_get_data (G_OBJECT (dialog), "answers");
  g_autoptr(FuCommand) command = NULL;

  if (g_strcmp0 (response, "anonymize") != 0 || self->context == NULL)
    return;
  command = fu_command_new_anonymize (&self->participant_id, 1,
                                      gtk_check_button_get_active (answers));
  if (fu_gui_run_command (GTK_WIDGET (self), self->context, command, NULL, NULL))
    fu_participant_detail_reload (self);
}

static void
anonymize_clicked_cb (FuParticipantDetail *self)
{
  GtkWidget *dialog, *answers;

  if (self->participant == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Anonymize This Person?"), NULL);
  /* TRANSLATORS: %s is a person's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s becomes “Anonymized participant”: the name, e-mail "
                                    "address, position and gender are removed, here and in the "
                                    "history. The year's tables do not change. Backups made "
                                    "before now keep the data until they are removed, 12 "
                                    "months at most."),
                                  self->participant->name);
  answers = gtk_check_button_new_with_mnemonic (_("Also remove their _free-text answers"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), answers);
  g_object_set_data (G_OBJECT (dialog), "answers", answers);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "anonymize", _("_Anonymize"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anonymize",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (anonymize_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Saving ------------------------------------------------------------------------------ */

static void ask_conflict (FuParticipantDetail *self, FuParticipant *changed,
                          const GError *error);

/* Saves @changed, based on the person as read: when a colleague changed them since, nothing
 * is written and the conflict is explained. */
static void
save_based_on (FuParticipantDetail *self,
               FuParticipant       *changed,
               GtkWidget           *row,
               gint64               version)
{
  g_autoptr(FuCommand) command = fu_command_new_edit_participant (changed);
  g_autoptr(GError) error = NULL;

  fu_command_set_based_on (command, version);
  if (!fu_gui_run_command (GTK_WIDGET (self), self->context, command, NULL, &error))
    {
      if (g_error_matches (error, FU_STORE_ERROR, FU_STORE_ERROR_CONFLICT))
        {
          ask_conflict (self, changed, error);
          return;
        }
      if (row != NULL)
        gtk_widget_add_css_class (row, "error");
      fu_gui_show_error_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (row != NULL)
    gtk_widget_remove_css_class (row, "error");
  if (fu_command_get_entry_id (command) != 0)
    self->version = fu_command_get_entry_id (command);
  g_clear_pointer (&self->participant, fu_participant_free);
  self->participant = fu_participant_copy (changed);
}

static void
save (FuParticipantDetail *self,
      FuParticipant       *changed,
      GtkWidget           *row)
{
  save_based_on (self, changed, row, self->version);
}

typedef struct {
  FuParticipantDetail *self;
  FuParticipant       *mine;
} Conflict;

static void
conflict_answered (gboolean overwrite,
                   gpointer user_data)
{
  Conflict *conflict = user_data;
  FuParticipantDetail *self = conflict->self;

  if (overwrite)
    save_based_on (self, conflict->mine, NULL,
                   fu_store_row_version (fu_context_get_store (self->context),
                                         FU_RECORD_PARTICIPANT, conflict->mine->id, NULL));
  load (self);
  g_object_unref (conflict->self);
  fu_participant_free (conflict->mine);
  g_free (conflict);
}

static void
ask_conflict (FuParticipantDetail *self,
              FuParticipant       *changed,
              const GError        *error)
{
  Conflict *conflict = g_new0 (Conflict, 1);

  conflict->self = g_object_ref (self);
  conflict->mine = fu_participant_copy (changed);
  fu_gui_ask_conflict (GTK_WIDGET (self), error, conflict_answered, conflict);
}

static gboolean
replace_text (char       **field,
              const char  *text)
{
  if (g_strcmp0 (*field != NULL ? *field : "", text) == 0)
    return FALSE;
  g_free (*field);
  *field = *text != '\0' ? g_strdup (text) : NULL;
  return TRUE;
}

static void
commit_entry (FuParticipantDetail *self,
              Field                field)
{
  AdwEntryRow *row = self->entry_rows[field];
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(FuParticipant) changed = NULL;
  gboolean differs = FALSE;

  if (self->loading || self->participant == NULL || self->context == NULL)
    return;

  changed = fu_participant_copy (self->participant);
  switch (field)
    {
    case FIELD_NAME:
      if (*text == '\0')
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          fu_gui_show_error_toast (GTK_WIDGET (self), _("A participant needs a name"));
          return;
        }
      differs = replace_text (&changed->name, text);
      break;
    case FIELD_EMAIL:
      if (*text != '\0' && (strchr (text, '@') == NULL || strchr (text, ' ') != NULL))
        {
          g_autofree char *message = g_strdup_printf (_("'%s' is not an e-mail address"), text);

          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          fu_gui_show_error_toast (GTK_WIDGET (self), message);
          return;
        }
      differs = replace_text (&changed->email, text);
      break;
    case FIELD_POSITION:
      differs = replace_text (&changed->position, text);
      break;
    case FIELD_GENDER:
      differs = replace_text (&changed->gender, text);
      break;
    case N_ENTRY_FIELDS:
    default:
      g_assert_not_reached ();
    }

  if (!differs)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return;
    }
  save (self, changed, GTK_WIDGET (row));
}

static Field
entry_field (FuParticipantDetail *self,
             GtkWidget           *row)
{
  for (guint i = 0; i < N_ENTRY_FIELDS; i++)
    if (GTK_WIDGET (self->entry_rows[i]) == row)
      return (Field) i;
  g_assert_not_reached ();
}

/* ---- Callbacks --------------------------------------------------------------------------- */

static void
entry_activated_cb (FuParticipantDetail *self,
                    AdwEntryRow         *row)
{
  commit_entry (self, entry_field (self, GTK_WIDGET (row)));
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      FuParticipantDetail     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  commit_entry (self, entry_field (self, row));
}

static void
administration_selected_cb (FuParticipantDetail *self,
                            GParamSpec          *pspec,
                            GtkDropDown         *row)
{
  g_autoptr(FuParticipant) changed = NULL;
  guint selected = gtk_drop_down_get_selected (row);
  gint64 id;

  if (self->loading || self->participant == NULL || selected >= self->admin_ids->len)
    return;
  id = g_array_index (self->admin_ids, gint64, selected);
  if (id == self->participant->administration_id)
    return;

  changed = fu_participant_copy (self->participant);
  changed->administration_id = id;
  save (self, changed, NULL);
}

/* ---- Overrides --------------------------------------------------------------------------- */

static void
fu_participant_detail_dispose (GObject *object)
{
  FuParticipantDetail *self = FU_PARTICIPANT_DETAIL (object);

  self->loading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_PARTICIPANT_DETAIL);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fu_participant_detail_parent_class)->dispose (object);
}

static void
fu_participant_detail_finalize (GObject *object)
{
  FuParticipantDetail *self = FU_PARTICIPANT_DETAIL (object);

  g_clear_pointer (&self->participant, fu_participant_free);
  g_clear_pointer (&self->admin_ids, g_array_unref);

  G_OBJECT_CLASS (fu_participant_detail_parent_class)->finalize (object);
}

static void
fu_participant_detail_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FuParticipantDetail *self = FU_PARTICIPANT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PARTICIPANT_ID:
      g_value_set_int64 (value, self->participant_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_participant_detail_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  FuParticipantDetail *self = FU_PARTICIPANT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      fu_participant_detail_set_context (self, g_value_get_object (value));
      break;

    case PROP_PARTICIPANT_ID:
      fu_participant_detail_set_participant_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fu_participant_detail_class_init (FuParticipantDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_participant_detail_dispose;
  object_class->finalize = fu_participant_detail_finalize;
  object_class->get_property = fu_participant_detail_get_property;
  object_class->set_property = fu_participant_detail_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  properties[PROP_PARTICIPANT_ID] =
    g_param_spec_int64 ("participant-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FU_TYPE_HISTORY_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-participant-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, administration_row);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, email_row);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, gender_row);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, heading_label);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, history_group);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, changes_group);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, history_list);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, position_row);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, FuParticipantDetail, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, administration_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, no_contact_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_personal_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, anonymize_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fu_participant_detail_init (FuParticipantDetail *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->admin_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->entry_rows[FIELD_NAME] = self->name_row;
  self->entry_rows[FIELD_EMAIL] = self->email_row;
  self->entry_rows[FIELD_POSITION] = self->position_row;
  self->entry_rows[FIELD_GENDER] = self->gender_row;
  for (guint i = 0; i < N_ENTRY_FIELDS; i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self->entry_rows[i]), focus);
      g_signal_connect (self->entry_rows[i], "changed", G_CALLBACK (fu_gui_clear_error_cb), NULL);
    }
  self->loading = FALSE;
}

/* ---- Public API -------------------------------------------------------------------------- */

FuContext *
fu_participant_detail_get_context (FuParticipantDetail *self)
{
  g_return_val_if_fail (FU_IS_PARTICIPANT_DETAIL (self), NULL);

  return self->context;
}

void
fu_participant_detail_set_context (FuParticipantDetail *self,
                                   FuContext           *context)
{
  g_return_if_fail (FU_IS_PARTICIPANT_DETAIL (self));
  g_return_if_fail (context == NULL || FU_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gint64
fu_participant_detail_get_participant_id (FuParticipantDetail *self)
{
  g_return_val_if_fail (FU_IS_PARTICIPANT_DETAIL (self), 0);

  return self->participant_id;
}

void
fu_participant_detail_set_participant_id (FuParticipantDetail *self,
                                          gint64               participant_id)
{
  g_return_if_fail (FU_IS_PARTICIPANT_DETAIL (self));

  if (self->participant_id == participant_id)
    return;
  self->participant_id = participant_id;
  load (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_ID]);
}

void
fu_participant_detail_reload (FuParticipantDetail *self)
{
  g_return_if_fail (FU_IS_PARTICIPANT_DETAIL (self));

  load (self);
}

guint
fu_participant_detail_get_n_workshops (FuParticipantDetail *self)
{
  g_return_val_if_fail (FU_IS_PARTICIPANT_DETAIL (self), 0);

  return self->n_workshops;
}
