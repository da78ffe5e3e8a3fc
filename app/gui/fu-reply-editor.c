/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-reply-editor.c: the questionnaire's answers for one follow-up. The widgets are the
 * state: collect() reads a FuReply from them, and "changed" means it differs from the one
 * read right after loading. */
#define G_LOG_DOMAIN "fu-reply-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-day.h"
#include "fu-error.h"
#include "fu-gui-util.h"
#include "fu-reply-editor.h"
#include "fu-rules.h"
#include "fu-store.h"
#include "fu-window.h"

struct _FuReplyEditor
{
  AdwWindow          parent_instance;

  FuContext         *context;
  gint64             followup_id;
  FuReply           *loaded;        /* as recorded, or NULL for a new reply */
  FuReply           *initial;       /* what the widgets said after loading */
  char              *initial_date;  /* the date entry's text after loading */
  char              *participant;   /* for messages; never NULL */
  gboolean           valid;
  gboolean           discarding;

  GtkEntry          *answered_by_entry;
  GtkCalendar       *calendar;
  GtkMenuButton     *calendar_button;
  GtkPopover        *calendar_popover;
  GtkButton         *cancel_button;
  GtkSpinButton     *colleagues_learned_spin;
  GtkSpinButton     *colleagues_shared_spin;
  GtkToggleButton   *contributed_no;
  GtkToggleButton   *contributed_unanswered;
  GtkTextView       *contributed_view;
  GtkToggleButton   *contributed_yes;
  GtkCheckButton    *developed_manuals_check;
  GtkToggleButton   *direct_effects_no;
  GtkToggleButton   *direct_effects_unanswered;
  GtkTextView       *direct_effects_view;
  GtkToggleButton   *direct_effects_yes;
  GtkCheckButton    *inhouse_workshop_check;
  GtkTextView       *lessons_use_view;
  GtkCheckButton    *made_recommendations_check;
  GtkCheckButton    *other_action_check;
  GtkEntry          *other_action_entry;
  GtkToggleButton   *project_no;
  GtkToggleButton   *project_unanswered;
  GtkTextView       *project_view;
  GtkToggleButton   *project_yes;
  AdwActionRow      *received_row;
  GtkEntry          *received_entry;
  GtkButton         *save_button;
  GtkCheckButton    *shared_materials_check;
  GtkCheckButton    *submitted_report_check;
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
};

G_DEFINE_FINAL_TYPE (FuReplyEditor, fu_reply_editor, ADW_TYPE_WINDOW)

/* ---- Reading and writing the widgets ----------------------------------------------------- */

static GtkCheckButton *
action_check (FuReplyEditor *self,
              FuAction       action)
{
  switch (action)
    {
    case FU_ACTION_SHARED_MATERIALS:
      return self->shared_materials_check;
    case FU_ACTION_SUBMITTED_REPORT:
      return self->submitted_report_check;
    case FU_ACTION_MADE_RECOMMENDATIONS:
      return self->made_recommendations_check;
    case FU_ACTION_INHOUSE_WORKSHOP:
      return self->inhouse_workshop_check;
    case FU_ACTION_DEVELOPED_MANUALS:
      return self->developed_manuals_check;
    case FU_ACTION_OTHER:
      return self->other_action_check;
    case FU_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* NULL for text that is empty or only spaces. */
static char *
text_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static char *
entry_text (GtkEntry *entry)
{
  return text_or_null (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return text_or_null (text);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/* A count spin button: empty text is "not given" (-1), else a whole number; FALSE when the
 * text is neither. */
static gboolean
parse_count (const char *text,
             gint       *count)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  guint64 value;

  if (*copy == '\0')
    {
      *count = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (copy, 10, 0, 1000000, &value, NULL))
    return FALSE;
  *count = (gint) value;
  return TRUE;
}

static gboolean
spin_count (GtkSpinButton *spin,
            gint          *count)
{
  return parse_count (gtk_editable_get_text (GTK_EDITABLE (spin)), count);
}

static FuAnswer
answer_of (GtkToggleButton *yes,
           GtkToggleButton *no)
{
  if (gtk_toggle_button_get_active (yes))
    return FU_ANSWER_YES;
  if (gtk_toggle_button_get_active (no))
    return FU_ANSWER_NO;
  return FU_ANSWER_UNANSWERED;
}

static void
set_answer (FuAnswer         answer,
            GtkToggleButton *yes,
            GtkToggleButton *no,
            GtkToggleButton *unanswered)
{
  if (answer == FU_ANSWER_YES)
    gtk_toggle_button_set_active (yes, TRUE);
  else if (answer == FU_ANSWER_NO)
    gtk_toggle_button_set_active (no, TRUE);
  else
    gtk_toggle_button_set_active (unanswered, TRUE);
}

/* What the widgets say; a date or count that does not parse reads as "none". */
static FuReply *
collect (FuReplyEditor *self)
{
  FuReply *reply = fu_reply_new ();

  reply->followup_id = self->followup_id;
  if (!fu_day_parse_typed (gtk_editable_get_text (GTK_EDITABLE (self->received_entry)),
                         &reply->received_date))
    reply->received_date = FU_DAY_NONE;
  reply->answered_by = entry_text (self->answered_by_entry);

  for (guint i = 0; i < FU_N_ACTIONS; i++)
    reply->actions[i] = gtk_check_button_get_active (action_check (self, i));
  if (!spin_count (self->colleagues_shared_spin, &reply->colleagues_shared))
    reply->colleagues_shared = -1;
  reply->other_action_text = entry_text (self->other_action_entry);
  if (!spin_count (self->colleagues_learned_spin, &reply->colleagues_learned))
    reply->colleagues_learned = -1;
  reply->lessons_use = view_text (self->lessons_use_view);
  reply->direct_effects = answer_of (self->direct_effects_yes, self->direct_effects_no);
  reply->direct_effects_text = view_text (self->direct_effects_view);
  reply->contributed = answer_of (self->contributed_yes, self->contributed_no);
  reply->contributed_text = view_text (self->contributed_view);
  reply->project_initiated = answer_of (self->project_yes, self->project_no);
  reply->project_text = view_text (self->project_view);

  return reply;
}

static void
set_count (GtkSpinButton *spin,
           gint           count)
{
  gtk_spin_button_set_value (spin, count >= 0 ? count : -1);
  /* The output handler writes "" for -1 only when the value changes: say it here too. */
  if (count < 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), "");
}

static void
show_reply (FuReplyEditor *self,
            const FuReply *reply)
{
  g_autofree char *date = fu_day_to_iso (reply->received_date);

  set_entry_text (self->received_entry, date);
  set_entry_text (self->answered_by_entry, reply->answered_by);
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    gtk_check_button_set_active (action_check (self, i), reply->actions[i]);
  set_count (self->colleagues_shared_spin, reply->colleagues_shared);
  set_entry_text (self->other_action_entry, reply->other_action_text);
  set_count (self->colleagues_learned_spin, reply->colleagues_learned);
  set_view_text (self->lessons_use_view, reply->lessons_use);
  set_answer (reply->direct_effects, self->direct_effects_yes, self->direct_effects_no,
              self->direct_effects_unanswered);
  set_view_text (self->direct_effects_view, reply->direct_effects_text);
  set_answer (reply->contributed, self->contributed_yes, self->contributed_no,
              self->contributed_unanswered);
  set_view_text (self->contributed_view, reply->contributed_text);
  set_answer (reply->project_initiated, self->project_yes, self->project_no,
              self->project_unanswered);
  set_view_text (self->project_view, reply->project_text);
}

static gboolean
reply_equal (const FuReply *a,
             const FuReply *b)
{
  if (a->received_date != b->received_date
      || a->colleagues_shared != b->colleagues_shared
      || a->colleagues_learned != b->colleagues_learned
      || a->direct_effects != b->direct_effects
      || a->contributed != b->contributed
      || a->project_initiated != b->project_initiated)
    return FALSE;
  for (guint i = 0; i < FU_N_ACTIONS; i++)
    if (a->actions[i] != b->actions[i])
      return FALSE;
  return g_strcmp0 (a->answered_by, b->answered_by) == 0
         && g_strcmp0 (a->other_action_text, b->other_action_text) == 0
         && g_strcmp0 (a->lessons_use, b->lessons_use) == 0
         && g_strcmp0 (a->direct_effects_text, b->direct_effects_text) == 0
         && g_strcmp0 (a->contributed_text, b->contributed_text) == 0
         && g_strcmp0 (a->project_text, b->project_text) == 0;
}

/* ---- Validation -------------------------------------------------------------------------- */

/* The message for the date entry, or NULL when it is fine. */
static char *
date_problem (FuReplyEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->received_entry));
  FuDay today = fu_context_get_today (self->context);
  FuDay day;
  char buf[11];

  fu_day_format_iso (today, buf);
  if (*text == '\0')
    return g_strdup_printf (_("Enter the day the reply arrived, e.g. %s"), buf);
  if (!fu_day_parse_typed (text, &day))
    return g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, e.g. %s"), text,
                            buf);
  if (day > today)
    return g_strdup_printf (_("The reply cannot arrive after today (%s)"), buf);
  return NULL;
}

static void
update_state (FuReplyEditor *self)
{
  g_autofree char *problem = NULL;
  gint count;
  gboolean shared_ok;
  gboolean learned_ok;

  if (self->context == NULL)
    return;

  problem = date_problem (self);
  fu_gui_mark_error (GTK_WIDGET (self->received_entry), problem != NULL);
  fu_gui_mark_error (GTK_WIDGET (self->received_row), problem != NULL);
  adw_action_row_set_subtitle (self->received_row, problem != NULL ? problem : "");

  shared_ok = spin_count (self->colleagues_shared_spin, &count);
  learned_ok = spin_count (self->colleagues_learned_spin, &count);
  fu_gui_mark_error (GTK_WIDGET (self->colleagues_shared_spin), !shared_ok);
  fu_gui_mark_error (GTK_WIDGET (self->colleagues_learned_spin), !learned_ok);

  self->valid = problem == NULL && shared_ok && learned_ok;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reply.save", self->valid);
}

/* ---- Saving and undo --------------------------------------------------------------------- */

/* ---- Closing ----------------------------------------------------------------------------- */

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     FuReplyEditor    *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discarding = TRUE;
  /* The dialog is ours (transient) and still answering: go once it is done. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

static void
ask_discard (FuReplyEditor *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  /* TRANSLATORS: %s is a participant's name */
  body = g_strdup_printf (_("The answers you entered for %s will be lost."), self->participant);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Callbacks --------------------------------------------------------------------------- */

static void
field_changed_cb (FuReplyEditor *self)
{
  update_state (self);
}

static int
count_input_cb (FuReplyEditor *self,
                double        *new_value,
                GtkSpinButton *spin)
{
  gint count;

  if (!parse_count (gtk_editable_get_text (GTK_EDITABLE (spin)), &count))
    return GTK_INPUT_ERROR;
  *new_value = count;
  return TRUE;
}

static gboolean
count_output_cb (FuReplyEditor *self,
                 GtkSpinButton *spin)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = NULL;

  /* -1 is "not given": an empty field. */
  text = value < 0 ? g_strdup ("") : g_strdup_printf ("%.0f", value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
calendar_popover_show_cb (FuReplyEditor *self,
                          GtkPopover    *popover)
{
  g_autoptr(GDateTime) date_time = NULL;
  FuDay day;
  guint year, month, mday;

  if (!fu_day_parse_typed (gtk_editable_get_text (GTK_EDITABLE (self->received_entry)), &day))
    day = fu_context_get_today (self->context);
  fu_day_get_ymd (day, &year, &month, &mday);
  date_time = g_date_time_new_local ((int) year, (int) month, (int) mday, 12, 0, 0);
  if (date_time != NULL)
    gtk_calendar_select_day (self->calendar, date_time);
}

static void
calendar_day_selected_cb (FuReplyEditor *self,
                          GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) date_time = gtk_calendar_get_date (calendar);
  g_autofree char *text = NULL;
  FuDay day;

  day = fu_day_new ((guint) g_date_time_get_year (date_time),
                    (guint) g_date_time_get_month (date_time),
                    (guint) g_date_time_get_day_of_month (date_time));
  text = fu_day_to_iso (day);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (self->received_entry))) != 0)
    set_entry_text (self->received_entry, text);
}

static gboolean
close_request_cb (FuReplyEditor *self)
{
  if (self->discarding || !fu_reply_editor_has_changes (self))
    return FALSE;
  ask_discard (self);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FuReplyEditor *self = FU_REPLY_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!fu_reply_editor_save (self, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  self->discarding = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ---- Overrides --------------------------------------------------------------------------- */

static void
fu_reply_editor_dispose (GObject *object)
{
  FuReplyEditor *self = FU_REPLY_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_REPLY_EDITOR);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fu_reply_editor_parent_class)->dispose (object);
}

static void
fu_reply_editor_finalize (GObject *object)
{
  FuReplyEditor *self = FU_REPLY_EDITOR (object);

  g_clear_pointer (&self->loaded, fu_reply_free);
  g_clear_pointer (&self->initial, fu_reply_free);
  g_clear_pointer (&self->initial_date, g_free);
  g_clear_pointer (&self->participant, g_free);

  G_OBJECT_CLASS (fu_reply_editor_parent_class)->finalize (object);
}

static void
fu_reply_editor_class_init (FuReplyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_reply_editor_dispose;
  object_class->finalize = fu_reply_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-reply-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, answered_by_entry);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, colleagues_learned_spin);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, colleagues_shared_spin);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, contributed_no);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, contributed_unanswered);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, contributed_view);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, contributed_yes);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, developed_manuals_check);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, direct_effects_no);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, direct_effects_unanswered);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, direct_effects_view);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, direct_effects_yes);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, inhouse_workshop_check);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, lessons_use_view);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, made_recommendations_check);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, other_action_check);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, other_action_entry);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, project_no);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, project_unanswered);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, project_view);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, project_yes);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, received_entry);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, received_row);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, shared_materials_check);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, submitted_report_check);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FuReplyEditor, window_title);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, count_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, count_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "reply.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "reply.cancel", NULL, cancel_action);

  /* Escape bubbles up, so that an open popover or dropdown closes first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reply.cancel", NULL);
}

static void
fu_reply_editor_init (FuReplyEditor *self)
{
  GtkEventController *controller;
  GtkShortcutTrigger *trigger;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Enter saves even from a text view, which would take it as a line break: catch it
   * on the way down. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return,
                                                                 GDK_CONTROL_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter,
                                                                 GDK_CONTROL_MASK));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("reply.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  for (guint i = 0; i < 4; i++)
    {
      GtkTextView *views[] = {
        self->lessons_use_view, self->direct_effects_view, self->contributed_view,
        self->project_view,
      };

      g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                               G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

/* ---- Public API -------------------------------------------------------------------------- */

static void
load (FuReplyEditor *self)
{
  FuStore *store = fu_context_get_store (self->context);
  g_autoptr(FuFollowupRow) row = NULL;
  g_autoptr(FuReply) fresh = NULL;
  g_autoptr(GError) error = NULL;

  row = fu_store_get_followup (store, self->followup_id, fu_context_get_today (self->context),
                               &error);
  if (row != NULL)
    {
      g_autofree char *subtitle = NULL;

      self->participant = g_strdup (row->participant_name);
      /* TRANSLATORS: a workshop's code and its title */
      subtitle = g_strdup_printf (_("%s — %s"), row->workshop_code, row->workshop_title);
      adw_window_title_set_title (self->window_title, row->participant_name);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    {
      g_warning ("Could not read the follow-up: %s", error->message);
      g_clear_error (&error);
      self->participant = g_strdup (_("this participant"));
    }

  self->loaded = fu_store_get_reply (store, self->followup_id, &error);
  if (self->loaded == NULL && error != NULL)
    g_warning ("Could not read the reply: %s", error->message);

  if (self->loaded != NULL)
    show_reply (self, self->loaded);
  else
    {
      fresh = fu_reply_new ();
      fresh->received_date = fu_context_get_today (self->context);
      show_reply (self, fresh);
    }

  self->initial = collect (self);
  self->initial_date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->received_entry)));
  update_state (self);
}

FuReplyEditor *
fu_reply_editor_new (GtkWindow *parent,
                     FuContext *context,
                     gint64     followup_id)
{
  FuReplyEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FU_IS_CONTEXT (context), NULL);

  self = g_object_new (FU_TYPE_REPLY_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->context = g_object_ref (context);
  self->followup_id = followup_id;
  load (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->received_entry));
  return self;
}

gint64
fu_reply_editor_get_followup_id (FuReplyEditor *self)
{
  g_return_val_if_fail (FU_IS_REPLY_EDITOR (self), 0);

  return self->followup_id;
}

gboolean
fu_reply_editor_has_changes (FuReplyEditor *self)
{
  g_autoptr(FuReply) reply = NULL;

  g_return_val_if_fail (FU_IS_REPLY_EDITOR (self), FALSE);

  if (self->initial == NULL)
    return FALSE;
  reply = collect (self);
  return !reply_equal (reply, self->initial)
         || g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->received_entry)),
                       self->initial_date) != 0;
}

gboolean
fu_reply_editor_is_valid (FuReplyEditor *self)
{
  g_return_val_if_fail (FU_IS_REPLY_EDITOR (self), FALSE);

  return self->valid;
}

gboolean
fu_reply_editor_save (FuReplyEditor *self,
                      GError       **error)
{
  FuStore *store;
  g_autoptr(FuReply) reply = NULL;
  g_autoptr(FuReply) previous = NULL;
  g_autoptr(FuCommand) command = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *title = NULL;
  GtkWindow *parent;

  g_return_val_if_fail (FU_IS_REPLY_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Text typed into a spin button counts once it is committed. */
  gtk_spin_button_update (self->colleagues_shared_spin);
  gtk_spin_button_update (self->colleagues_learned_spin);
  update_state (self);

  problem = date_problem (self);
  if (problem != NULL)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID, problem);
      return FALSE;
    }
  if (!self->valid)
    {
      g_set_error_literal (error, FU_STORE_ERROR, FU_STORE_ERROR_INVALID,
                           _("A number of colleagues must be a whole number, or left empty"));
      return FALSE;
    }

  store = fu_context_get_store (self->context);
  /* Replace when a reply is there by now (read again: it may have come since loading). */
  previous = fu_store_get_reply (store, self->followup_id, error);
  if (previous == NULL && error != NULL && *error != NULL)
    return FALSE;

  reply = collect (self);
  command = fu_command_new_save_reply (reply, previous != NULL);
  if (!fu_context_run (self->context, command, error))
    return FALSE;

  g_clear_pointer (&self->initial, fu_reply_free);
  self->initial = collect (self);
  g_free (self->initial_date);
  self->initial_date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->received_entry)));

  /* TRANSLATORS: %s is a participant's name */
  title = g_strdup_printf (previous != NULL ? _("Reply from %s changed")
                                            : _("Reply from %s recorded"),
                           self->participant);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (FU_IS_WINDOW (parent) && fu_command_get_entry_id (command) != 0)
    fu_window_show_change (FU_WINDOW (parent), title, fu_command_get_entry_id (command));
  return TRUE;
}

GtkWidget *
fu_reply_editor_get_widget (FuReplyEditor *self,
                            const char    *name)
{
  GObject *child;

  g_return_val_if_fail (FU_IS_REPLY_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  child = gtk_widget_get_template_child (GTK_WIDGET (self), FU_TYPE_REPLY_EDITOR, name);
  return GTK_IS_WIDGET (child) ? GTK_WIDGET (child) : NULL;
}
