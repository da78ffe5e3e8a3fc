/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-window.c: the main window. A header bar with the view switcher and the primary menu,
 * the four pages in an AdwViewStack under a toast overlay, and an empty state for a database
 * without workshops.
 *
 * For screenshots and tests, FOLLOWUP_START_PAGE=followups|workshops|participants|reports
 * chooses the page shown first. */
#define G_LOG_DOMAIN "fu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-backups-dialog.h"
#include "fu-backups.h"
#include "fu-board-page.h"
#include "fu-day.h"
#include "fu-error.h"
#include "fu-export.h"
#include "fu-file-chooser.h"
#include "fu-files.h"
#include "fu-gui-util.h"
#include "fu-history-window.h"
#include "fu-import.h"
#include "fu-import-detect.h"
#include "fu-import-dialog.h"
#include "fu-participants-page.h"
#include "fu-reports-page.h"
#include "fu-rules.h"
#include "fu-sample.h"
#include "fu-store.h"
#include "fu-window.h"
#include "fu-workshops-page.h"

struct _FuWindow
{
  AdwApplicationWindow  parent_instance;

  FuContext            *context;
  gulong                changed_id;
  GtkInfoBar           *access_bar;
  GtkButton            *access_button;
  GtkLabel             *access_label;
  /* Set once the person asked for a page: the empty state then stays out of the way (e.g.
   * "Add Workshop" shows the workshops page although nothing is stored yet). */
  gboolean              content_requested;
  GPtrArray            *plain_toasts;    /* shown or queued toasts without a button */
  gint64                last_toast_time; /* monotonic, µs */
  AdwToast             *change_toast;    /* the last change's, with its Undo */
  guint                 poll_id;         /* looks for other programs' changes */
  AdwToast             *backing_up;      /* while Back Up Now works, in a thread */

  /* Template widgets */
  FuBoardPage          *board_page;
  GtkWidget            *load_sample_button;
  GtkStack             *main_stack;
  /* The pages other than the board are made when first shown, in their bins. */
  AdwBin               *participants_bin;
  AdwBin               *reports_bin;
  AdwBin               *workshops_bin;
  FuParticipantsPage   *participants_page;
  FuReportsPage        *reports_page;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwWindowTitle *empty_title;
  GtkWidget *team_box;
  GtkLabel *team_label;
  GtkStack             *title_stack;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  FuWorkshopsPage      *workshops_page;
};

G_DEFINE_FINAL_TYPE (FuWindow, fu_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const page_names[] = {
  "followups", "workshops", "participants", "reports", NULL
};

/* Shortcuts that mean something on one page only. Each page binds them too, but a page only
 * sees keys while the focus is inside it; the window forwards them from anywhere else (the
 * view switcher, the main menu's button, nothing focused after a dialog closed). */
static const struct {
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *page;
  const char      *action;
} page_shortcuts[] = {
  { GDK_KEY_f, GDK_CONTROL_MASK, "followups", "board.search" },
  { GDK_KEY_f, GDK_CONTROL_MASK, "workshops", "workshops.search" },
  { GDK_KEY_f, GDK_CONTROL_MASK, "participants", "participants.search" },
  { GDK_KEY_p, GDK_CONTROL_MASK, "followups", "board.print" },
  { GDK_KEY_p, GDK_CONTROL_MASK, "reports", "reports.print" },
  { GDK_KEY_Delete, GDK_CONTROL_MASK, "workshops", "workshop.delete" },
  { GDK_KEY_m, GDK_CONTROL_MASK, "participants", "participants.merge" },
};

static gboolean
is_page_name (const char *name)
{
  return name != NULL && g_strv_contains (page_names, name);
}

static gboolean
store_is_empty (FuWindow *self)
{
  return self->context == NULL || fu_store_is_empty (fu_context_get_store (self->context));
}

static FuStoreAccess
store_access (FuWindow *self)
{
  return self->context != NULL ? fu_store_get_access (fu_context_get_store (self->context))
                               : FU_STORE_ACCESS_READ_WRITE;
}

static gboolean
store_connected (FuWindow *self)
{
  return self->context == NULL || fu_store_is_connected (fu_context_get_store (self->context));
}

static void
update_actions (FuWindow *self)
{
  gboolean empty = store_is_empty (self);
  gboolean writable = store_access (self) == FU_STORE_ACCESS_READ_WRITE
                      && store_connected (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-summary", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample", empty && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-workshop", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up",
                                 writable && self->backing_up == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup",
                                 store_access (self) != FU_STORE_ACCESS_READ_ONLY);
}

/* A read-only or damaged database says so above everything, and takes no change. */
static void
update_access_bar (FuWindow *self)
{
  /* A team database out of reach: said above everything until the connection is back. */
  if (!store_connected (self))
    {
      gtk_label_set_text (self->access_label, _("Connection lost. Retrying…"));
      gtk_info_bar_set_message_type (self->access_bar, GTK_MESSAGE_WARNING);
      gtk_widget_set_visible (GTK_WIDGET (self->access_button), FALSE);
      gtk_info_bar_set_revealed (self->access_bar, TRUE);
      return;
    }
  switch (store_access (self))
    {
    case FU_STORE_ACCESS_DAMAGED:
      gtk_label_set_text (self->access_label,
                          _("This database is damaged: it can be read but not changed."));
      gtk_info_bar_set_message_type (self->access_bar, GTK_MESSAGE_ERROR);
      gtk_widget_set_visible (GTK_WIDGET (self->access_button), TRUE);
      gtk_info_bar_set_revealed (self->access_bar, TRUE);
      break;
    case FU_STORE_ACCESS_READ_ONLY:
      gtk_label_set_text (self->access_label,
                          _("This database is read-only: it can be read but not changed."));
      gtk_info_bar_set_message_type (self->access_bar, GTK_MESSAGE_INFO);
      gtk_widget_set_visible (GTK_WIDGET (self->access_button), FALSE);
      gtk_info_bar_set_revealed (self->access_bar, TRUE);
      break;
    case FU_STORE_ACCESS_READ_WRITE:
    default:
      gtk_info_bar_set_revealed (self->access_bar, FALSE);
      break;
    }
}

static void
update_switcher_bar (FuWindow *self)
{
  gboolean content = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                "content") == 0;
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  /* On a narrow window the switcher moves from the header bar to the bottom. */
  adw_view_switcher_bar_set_reveal (self->switcher_bar, content && narrow);
}

static void
update_state (FuWindow *self)
{
  const char *name = "content";

  if (!self->content_requested && store_is_empty (self))
    name = "empty";

  gtk_stack_set_visible_child_name (self->main_stack, name);
  if (g_strcmp0 (name, "empty") == 0)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      /* Enter loads the sample on a first start. */
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->main_stack)))
        gtk_widget_grab_focus (self->load_sample_button);
    }
  gtk_stack_set_visible_child_name (self->title_stack, name);
  update_switcher_bar (self);
  update_actions (self);
}

static void
toast (FuWindow   *self,
       const char *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_timeout (t, 4);
  fu_window_add_toast (self, t);
}

/* ---- Import ------------------------------------------------------------------------------ */

typedef struct {
  FuWindow *window;
  GFile    *file;
  GBytes   *bytes;
  char     *display_name;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->display_name, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
show_error (FuWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_import_issues (FuWindow             *self,
                    const char           *display_name,
                    const FuImportResult *result,
                    const GError         *error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  /* Translators: %s is a file name such as "participants.csv". */
  heading = g_strdup_printf (_("Nothing Was Imported From “%s”"), display_name);

  if (result != NULL && result->issues != NULL && result->issues->len > 0)
    {
      for (guint i = 0; i < result->issues->len; i++)
        {
          g_autofree char *line = fu_import_issue_to_string (g_ptr_array_index (result->issues, i));

          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, line);
        }

      if (result->n_issues > result->issues->len)
        {
          guint more = result->n_issues - result->issues->len;

          g_string_append_c (text, '\n');
          g_string_append_printf (text, ngettext ("… and %u more problem",
                                                  "… and %u more problems", more), more);
        }
    }
  else if (error != NULL)
    {
      g_string_append (text, error->message);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Correct these rows in the file and import it again. "
                                     "An import adds all of its rows or none."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  /* The natural height is measured unwrapped: a floor keeps wrapped lines in view. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 140);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe_import (const FuImportResult *result,
                 const char           *display_name)
{
  switch (result->kind)
    {
    case FU_IMPORT_WORKSHOPS:
      if (result->workshops_added > 0)
        return g_strdup_printf (ngettext ("Imported %u workshop", "Imported %u workshops",
                                          result->workshops_added),
                                result->workshops_added);
      break;

    case FU_IMPORT_RESPONSES:
      if (result->replies_added + result->replies_replaced > 0)
        return g_strdup_printf (ngettext ("Imported %u reply", "Imported %u replies",
                                          result->replies_added + result->replies_replaced),
                                result->replies_added + result->replies_replaced);
      break;

    default:
      break;
    }

  /* Translators: %s is a file name such as "participants.csv". */
  return g_strdup_printf (_("Nothing new in “%s”: it was imported before"), display_name);
}

static void
import_as (FuWindow     *self,
           ImportData   *data,
           FuImportKind  kind)
{
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* An attendance list is previewed first: its rows and every problem, before anything is
   * written (the preview imports, and says so, when asked to). */
  if (kind == FU_IMPORT_PARTICIPANTS || kind == FU_IMPORT_RESPONSES)
    {
      FuImportDialog *dialog = fu_import_dialog_new_for (GTK_WINDOW (self), self->context,
                                                         data->file, kind, NULL);

      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  command = fu_command_new_import_data (kind, data->display_name, data->bytes,
                                        FU_IMPORT_FLAGS_NONE);
  if (!fu_context_run (self->context, command, &error))
    {
      show_import_issues (self, data->display_name, fu_command_get_import_result (command),
                          error);
      return;
    }

  if (fu_command_get_entry_id (command) != 0)
    fu_window_show_change (self, fu_command_get_sentence (command),
                           fu_command_get_entry_id (command));
  else
    {
      message = describe_import (fu_command_get_import_result (command), data->display_name);
      toast (self, message);
    }
}

static void
import_kind_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  g_autoptr(ImportData) data = user_data;
  FuImportKind kind;

  if (!fu_import_kind_from_string (response, &kind))
    return;

  import_as (data->window, data, kind);
}

static void
ask_import_kind (FuWindow   *self,
                 ImportData *data)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("What Does This File Hold?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a file name */
                                  _("The columns of “%s” do not say whether it lists "
                                    "workshops, attendees or questionnaire replies."),
                                  data->display_name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "workshops", _("_Workshops"),
                                    "participants", _("_Attendees"),
                                    "responses", _("_Replies"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (import_kind_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(FuWindow) self = user_data;

  if (file != NULL)
    fu_window_import_file (self, file);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FuWindow      *self)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || self->context == NULL
      || !gtk_widget_is_sensitive (GTK_WIDGET (self))
      || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;
  fu_window_import_file (self, g_value_get_object (value));
  return TRUE;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FuWindow *self = FU_WINDOW (widget);

  fu_file_chooser_open (GTK_WINDOW (self), _("Import a List or Replies"), _("_Import"),
                        FU_FILE_KIND_TABLE, import_chosen_cb, g_object_ref (self));
}

/* ---- Export ------------------------------------------------------------------------------ */

typedef struct {
  FuWindow *window;
  guint     fiscal_year;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->window);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
export_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  g_autoptr(ExportData) data = user_data;

  if (file != NULL)
    fu_window_export_summary (data->window, data->fiscal_year, file);
}

static void
export_year_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  g_autoptr(ExportData) data = user_data;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  GArray *years = g_object_get_data (G_OBJECT (dialog), "years");
  GtkDropDown *drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  guint position = gtk_drop_down_get_selected (drop_down);
  GtkWindow *window;

  if (g_strcmp0 (response, "export") != 0 || position >= years->len)
    return;

  data->fiscal_year = g_array_index (years, guint, position);
  label = fu_fiscal_year_label (fu_context_get_rules (data->window->context), data->fiscal_year);
  g_strdelimit (label, "/", '-');
  /* Translators: the suggested file name; %s is a fiscal year such as "FY2016-17" */
  name = g_strdup_printf (_("summary-%s.csv"), label);

  window = GTK_WINDOW (data->window);
  fu_file_chooser_save (window, _("Export Annual Summary"), _("_Save"),
                        FU_FILE_KIND_CSV, name, export_chosen_cb, g_steal_pointer (&data));
}

static GtkWidget *
fiscal_year_drop_down (FuContext *context,
                       GArray    *years,
                       guint      selected_year)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *drop_down;
  guint selected = years->len > 0 ? years->len - 1 : 0;

  for (guint i = 0; i < years->len; i++)
    {
      guint year = g_array_index (years, guint, i);
      g_autofree char *label = fu_fiscal_year_label (fu_context_get_rules (context), year);

      gtk_string_list_append (labels, label);
      if (year == selected_year)
        selected = i;
    }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  gtk_widget_set_halign (drop_down, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fiscal year"),
                                  -1);

  return drop_down;
}

static void
export_summary_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FuWindow *self = FU_WINDOW (widget);
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;
  ExportData *data;
  GtkWidget *dialog;

  years = fu_store_list_fiscal_years (fu_context_get_store (self->context),
                                      fu_context_get_rules (self->context), TRUE, &error);
  if (years == NULL)
    {
      show_error (self, _("Could Not Read the Workshops"), error->message);
      return;
    }
  if (years->len == 0)
    {
      toast (self, _("There is nothing to summarize: no surveyed workshops yet"));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Annual Summary"),
                                   _("Tables 1 to 5 of a fiscal year as a CSV file for a "
                                     "spreadsheet: a row per surveyed workshop and the totals."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      fiscal_year_drop_down (self->context, years,
                                                             fu_window_get_fiscal_year (self)));
  g_object_set_data_full (G_OBJECT (dialog), "years", g_steal_pointer (&years),
                          (GDestroyNotify) g_array_unref);

  data = g_new0 (ExportData, 1);
  data->window = g_object_ref (self);
  g_signal_connect (dialog, "response", G_CALLBACK (export_year_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Other actions ----------------------------------------------------------------------- */

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FuWindow *self = FU_WINDOW (widget);
  g_autoptr(FuCommand) command = fu_command_new_load_sample ();
  g_autoptr(GError) error = NULL;

  if (!fu_context_run (self->context, command, &error))
    {
      show_error (self, _("Could Not Load the Sample Data"), error->message);
      return;
    }

  fu_window_show_page (self, "followups");
  fu_window_show_change (self, _("Loaded the sample workshops of fiscal year 2016/17"),
                         fu_command_get_entry_id (command));
}

/* ---- Undo, redo and the history ---------------------------------------------------------- */

static void
update_history_actions (FuWindow *self)
{
  FuHistory *history = self->context != NULL ? fu_context_get_history (self->context) : NULL;

  gboolean writable = store_access (self) == FU_STORE_ACCESS_READ_WRITE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && history != NULL && fu_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && history != NULL && fu_history_get_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", history != NULL);
}

static void
change_toast_dismissed_cb (AdwToast *toast,
                           FuWindow *self)
{
  if (self->change_toast == toast)
    g_clear_object (&self->change_toast);
}

/* The change's toast, on screen still: says @title now, with Undo for @entry_id (0: no
 * button). One toast changes its words rather than another coming: libadwaita 1.2 crashes
 * when toasts are dismissed and added in quick succession, and an older change's Undo must
 * never come back over a newer one. FALSE when there is none on screen. */
static gboolean
update_change_toast (FuWindow   *self,
                     const char *title,
                     gint64      entry_id)
{
  if (self->change_toast == NULL)
    return FALSE;
  adw_toast_set_title (self->change_toast, title);
  if (entry_id > 0)
    {
      adw_toast_set_button_label (self->change_toast, _("_Undo"));
      adw_toast_set_action_name (self->change_toast, "win.undo-entry");
      adw_toast_set_action_target_value (self->change_toast, g_variant_new_int64 (entry_id));
    }
  else
    {
      adw_toast_set_action_name (self->change_toast, NULL);
      adw_toast_set_button_label (self->change_toast, NULL);
    }
  return TRUE;
}

/* What undo or redo did, or why it could not. */
static void
reverted (FuWindow   *self,
          gboolean    ok,
          const char *sentence,
          GError     *error)
{
  AdwToast *t;

  if (!ok)
    {
      t = adw_toast_new (error->message);
      adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (t, 8);
      fu_window_add_toast (self, t);
      return;
    }
  if (!update_change_toast (self, sentence, 0))
    toast (self, sentence);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FuWindow *self = FU_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  gboolean ok;

  ok = fu_history_undo (fu_context_get_history (self->context), &sentence, &error);
  reverted (self, ok, sentence, error);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FuWindow *self = FU_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  gboolean ok;

  ok = fu_history_redo (fu_context_get_history (self->context), &sentence, &error);
  reverted (self, ok, sentence, error);
}

/* A toast's Undo: the entry it was shown for, wherever it is in the history. */
static void
undo_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FuWindow *self = FU_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  gboolean ok;

  ok = fu_history_undo_entry (fu_context_get_history (self->context),
                              g_variant_get_int64 (parameter), &sentence, &error);
  reverted (self, ok, sentence, error);
}

/* Back Up Now, in a thread on a connection of its own: a large database takes a while to
 * copy and check, and the window answers meanwhile. */
static gpointer
back_up_thread (FuStore  *reader,
                gpointer  user_data,
                GError  **error)
{
  char *path = NULL;

  if (!fu_backups_make (reader, &path, error))
    return NULL;
  return path;
}

static void
backed_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  FuWindow *self = FU_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fu_gui_read_finish (result, &error);
  g_autofree char *message = NULL;
  g_autofree char *folder = NULL;

  if (self->backing_up != NULL)
    adw_toast_dismiss (self->backing_up);
  g_clear_object (&self->backing_up);
  update_actions (self);
  if (path == NULL)
    {
      show_error (self, _("Could Not Back Up"), error->message);
      return;
    }
  folder = g_path_get_dirname (path);
  /* TRANSLATORS: %s is a folder */
  message = g_strdup_printf (_("Backed up into %s"), folder);
  fu_window_add_toast (self, adw_toast_new (message));
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FuWindow *self = FU_WINDOW (widget);

  if (self->backing_up != NULL)
    return;
  if (!fu_gui_read_in_thread (self, fu_context_get_store (self->context), back_up_thread, g_free,
                              NULL, backed_up_cb, NULL))
    {
      show_error (self, _("Could Not Back Up"), _("The database could not be opened a second "
                                                  "time to copy it."));
      return;
    }
  /* Said until the backup is made; Back Up Now waits for it. */
  self->backing_up = g_object_ref_sink (adw_toast_new (_("Backing up…")));
  adw_toast_set_timeout (self->backing_up, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->backing_up));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up", FALSE);
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FuWindow *self = FU_WINDOW (widget);

  fu_backups_dialog_show (GTK_WINDOW (self), self->context);
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FuWindow *self = FU_WINDOW (widget);

  fu_window_show_history (self, 0, 0);
}

static gboolean
poll_cb (gpointer user_data)
{
  FuWindow *self = user_data;

  if (self->context != NULL)
    fu_history_poll (fu_context_get_history (self->context));
  return G_SOURCE_CONTINUE;
}

static GtkWidget *page_widget (FuWindow *self, const char *name);

static void
add_workshop_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FuWindow *self = FU_WINDOW (widget);

  fu_window_show_page (self, "workshops");
  /* The workshops page offers "workshops.add" once it can add one. */
  if (!gtk_widget_activate_action (page_widget (self, "workshops"), "workshops.add", NULL))
    g_debug ("The workshops page has no workshops.add action");
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  fu_window_show_page (FU_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* A page made in @bin when first needed: nothing is built, read or measured for a page
 * that is not shown. */
static GtkWidget *
made_page (FuWindow  *self,
           AdwBin    *bin,
           GType      type,
           gpointer  *page)
{
  if (*page == NULL)
    {
      *page = g_object_new (type, "context", self->context, NULL);
      adw_bin_set_child (bin, GTK_WIDGET (*page));
    }
  return GTK_WIDGET (*page);
}

static GtkWidget *
page_widget (FuWindow   *self,
             const char *name)
{
  if (g_strcmp0 (name, "followups") == 0)
    return GTK_WIDGET (self->board_page);
  if (g_strcmp0 (name, "workshops") == 0)
    return made_page (self, self->workshops_bin, FU_TYPE_WORKSHOPS_PAGE,
                      (gpointer *) &self->workshops_page);
  if (g_strcmp0 (name, "participants") == 0)
    return made_page (self, self->participants_bin, FU_TYPE_PARTICIPANTS_PAGE,
                      (gpointer *) &self->participants_page);
  if (g_strcmp0 (name, "reports") == 0)
    return made_page (self, self->reports_bin, FU_TYPE_REPORTS_PAGE,
                      (gpointer *) &self->reports_page);
  return NULL;
}

/* The view switcher, a shortcut or the code shows a page: made before it is mapped. */
static void
visible_page_cb (FuWindow     *self,
                 GParamSpec   *pspec,
                 AdwViewStack *stack)
{
  page_widget (self, adw_view_stack_get_visible_child_name (stack));
}

/* A key of page_shortcuts[] that reached the window: the visible page's action, if any. */
static gboolean
page_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  FuWindow *self = FU_WINDOW (widget);
  const char *page = fu_window_get_page (self);
  guint index = g_variant_get_uint32 (args);

  for (guint i = 0; i < G_N_ELEMENTS (page_shortcuts); i++)
    {
      if (page_shortcuts[i].keyval != page_shortcuts[index].keyval
          || page_shortcuts[i].modifiers != page_shortcuts[index].modifiers
          || g_strcmp0 (page_shortcuts[i].page, page) != 0)
        continue;
      return gtk_widget_activate_action (page_widget (self, page), page_shortcuts[i].action,
                                         NULL);
    }

  return FALSE;
}

/* ---- Callbacks --------------------------------------------------------------------------- */

static void
context_changed_cb (FuWindow    *self,
                    FuChangeSet *changes)
{
  if (fu_change_set_touches (changes, FU_RECORD_WORKSHOP)
      || fu_change_set_touches (changes, FU_RECORD_PARTICIPANT))
    update_state (self);
}

static void
history_notify_cb (FuWindow *self)
{
  update_history_actions (self);
}

static void
title_visible_changed_cb (FuWindow *self)
{
  update_switcher_bar (self);
}

/* ---- Overrides --------------------------------------------------------------------------- */

/* The team's retention rule, applied when the window opens: people whose last workshop
 * ended more than the set number of years ago are anonymized, in one change. */
static void
apply_retention (FuWindow *self)
{
  FuStore *store;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(FuCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const FuRules *rules;
  FuDay before;

  if (self->context == NULL || store_access (self) != FU_STORE_ACCESS_READ_WRITE)
    return;
  rules = fu_context_get_rules (self->context);
  if (rules->anonymize_after_years == 0)
    return;
  store = fu_context_get_store (self->context);
  before = fu_day_add_months (fu_context_get_today (self->context),
                              -12 * (int) rules->anonymize_after_years);
  ids = fu_store_list_participants_before (store, before, &error);
  if (ids == NULL || ids->len == 0)
    return;
  command = fu_command_new_anonymize ((const gint64 *) ids->data, ids->len, FALSE);
  if (!fu_context_run (self->context, command, &error))
    {
      show_error (self, _("Could Not Anonymize"), error->message);
      return;
    }
  /* TRANSLATORS: the first %u is a number of people, the second of years */
  message = g_strdup_printf (ngettext ("Anonymized %u participant whose last workshop ended "
                                       "more than %u years ago",
                                       "Anonymized %u participants whose last workshop ended "
                                       "more than %u years ago", ids->len),
                             ids->len, rules->anonymize_after_years);
  fu_window_add_toast (self, adw_toast_new (message));
}

/* Which database is open: the title's subtitle (and the window list's title), and for a
 * team database a mark at the header's start that stays in sight. */
static void
show_database (FuWindow *self)
{
  FuStore *store = fu_context_get_store (self->context);
  g_autofree char *name = fu_store_describe (store);
  g_autofree char *title = NULL;
  gboolean team = g_strcmp0 (fu_store_get_backend_name (store), "sqlite") != 0;

  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  adw_window_title_set_subtitle (self->empty_title, name);
  /* TRANSLATORS: the window's title: the application, then the database open in it */
  title = g_strdup_printf (_("Follow-Up — %s"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (self->team_box, team);
  if (team)
    {
      g_autofree char *tip = NULL;

      gtk_label_set_text (self->team_label, name);
      /* TRANSLATORS: the tooltip of the team database's name in the header bar */
      tip = g_strdup_printf (_("Team database %s: colleagues' changes appear here as they "
                               "make them"), name);
      gtk_widget_set_tooltip_text (self->team_box, tip);
    }
}

static void
connection_changed_cb (FuWindow *self)
{
  update_access_bar (self);
  update_actions (self);
}

static void
fu_window_constructed (GObject *object)
{
  FuWindow *self = FU_WINDOW (object);
  const char *start_page = g_getenv ("FOLLOWUP_START_PAGE");

  G_OBJECT_CLASS (fu_window_parent_class)->constructed (object);

  if (self->context != NULL)
    {
      self->changed_id = g_signal_connect_object (self->context, "changed",
                                                  G_CALLBACK (context_changed_cb), self,
                                                  G_CONNECT_SWAPPED);
      g_object_set (self->board_page, "context", self->context, NULL);
      g_signal_connect_object (fu_context_get_history (self->context), "notify",
                               G_CALLBACK (history_notify_cb), self, G_CONNECT_SWAPPED);
      /* Another window or followup-cli on the same database: seen within a second or two. */
      self->poll_id = g_timeout_add_seconds (1, poll_cb, self);
      g_signal_connect_object (fu_context_get_store (self->context), "connection-changed",
                               G_CALLBACK (connection_changed_cb), self, G_CONNECT_SWAPPED);
      show_database (self);
    }
  update_history_actions (self);
  update_access_bar (self);
  apply_retention (self);

  if (is_page_name (start_page))
    fu_window_show_page (self, start_page);
  else if (start_page != NULL && *start_page != '\0')
    g_warning ("FOLLOWUP_START_PAGE=%s is not a page: use followups, workshops, "
               "participants or reports", start_page);

  update_state (self);
}

static void
fu_window_dispose (GObject *object)
{
  FuWindow *self = FU_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_WINDOW);
  self->workshops_page = NULL;
  self->participants_page = NULL;
  self->reports_page = NULL;
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->change_toast);
  g_clear_object (&self->backing_up);
  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, self->context);
  g_clear_object (&self->context);
  g_clear_pointer (&self->plain_toasts, g_ptr_array_unref);

  G_OBJECT_CLASS (fu_window_parent_class)->dispose (object);
}

static void
fu_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FuWindow *self = FU_WINDOW (object);

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
fu_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FuWindow *self = FU_WINDOW (object);

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
fu_window_class_init (FuWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fu_window_constructed;
  object_class->dispose = fu_window_dispose;
  object_class->get_property = fu_window_get_property;
  object_class->set_property = fu_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         FU_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FU_TYPE_BOARD_PAGE);
  g_type_ensure (FU_TYPE_PARTICIPANTS_PAGE);
  g_type_ensure (FU_TYPE_REPORTS_PAGE);
  g_type_ensure (FU_TYPE_WORKSHOPS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/rocbap/FollowUp/fu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FuWindow, access_bar);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, access_button);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, access_label);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, board_page);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, load_sample_button);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, participants_bin);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, reports_bin);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, empty_title);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, team_box);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, team_label);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FuWindow, workshops_bin);
  gtk_widget_class_bind_template_callback (widget_class, title_visible_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-summary", NULL,
                                   export_summary_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL, load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.add-workshop", NULL, add_workshop_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-entry", "x", undo_entry_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL,
                                   restore_backup_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);

  /* Ctrl+O, Ctrl+E and Ctrl+N are application accels (fu-application.c): the shortcuts
   * window finds those. ui/gtk/help-overlay.ui lists the ones below by their keys. */
  for (guint i = 0; page_names[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", page_names[i]);
  for (guint i = 0; i < G_N_ELEMENTS (page_shortcuts); i++)
    {
      gboolean bound = FALSE;

      /* One binding per key: the callback picks the visible page's entry. */
      for (guint j = 0; j < i && !bound; j++)
        bound = page_shortcuts[j].keyval == page_shortcuts[i].keyval
                && page_shortcuts[j].modifiers == page_shortcuts[i].modifiers;
      if (!bound)
        gtk_widget_class_add_binding (widget_class, page_shortcuts[i].keyval,
                                      page_shortcuts[i].modifiers, page_shortcut_cb, "u", i);
    }
}

static void
fu_window_init (FuWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->plain_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_cb), self, G_CONNECT_SWAPPED);

  /* A file dropped on the window is imported as Import… would. */
  target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/* ---- Public API -------------------------------------------------------------------------- */

FuWindow *
fu_window_new (GtkApplication *application,
               FuContext      *context)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (FU_IS_CONTEXT (context), NULL);

  return g_object_new (FU_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

FuContext *
fu_window_get_context (FuWindow *self)
{
  g_return_val_if_fail (FU_IS_WINDOW (self), NULL);

  return self->context;
}

void
fu_window_add_toast (FuWindow *self,
                     AdwToast *toast)
{
  gint64 now;

  g_return_if_fail (FU_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* News makes older news stale: a toast that only informs ("Loaded the sample…", "Saved
   * summary.csv") would otherwise come back after the toasts that pushed it aside, long
   * after the fact. Toasts with a button (Undo) stay until they time out.
   * Not within a second of the last toast: libadwaita 1.2 aborts when it shows again a
   * toast that a high-priority one pushed back while that one is still animating out. */
  now = g_get_monotonic_time ();
  if (self->plain_toasts != NULL && now - self->last_toast_time > G_USEC_PER_SEC)
    {
      for (guint i = 0; i < self->plain_toasts->len; i++)
        adw_toast_dismiss (g_ptr_array_index (self->plain_toasts, i));
      g_ptr_array_set_size (self->plain_toasts, 0);
    }
  if (self->plain_toasts != NULL && adw_toast_get_button_label (toast) == NULL)
    g_ptr_array_add (self->plain_toasts, g_object_ref (toast));
  self->last_toast_time = now;

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
fu_window_show_page (FuWindow   *self,
                     const char *name)
{
  GtkWidget *focus;
  GtkWidget *page;

  g_return_if_fail (FU_IS_WINDOW (self));
  g_return_if_fail (is_page_name (name));

  self->content_requested = TRUE;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  update_state (self);

  /* Alt+2 and the like: the keyboard goes on in the page shown, not on the hidden button of
   * the empty state or in the page left behind. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  page = page_widget (self, name);
  if (focus == NULL || !gtk_widget_is_ancestor (focus, page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

GtkWidget *
fu_window_get_page_widget (FuWindow   *self,
                           const char *name)
{
  g_return_val_if_fail (FU_IS_WINDOW (self), NULL);
  g_return_val_if_fail (is_page_name (name), NULL);

  return page_widget (self, name);
}

const char *
fu_window_get_page (FuWindow *self)
{
  g_return_val_if_fail (FU_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") != 0)
    return NULL;

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
fu_window_import_file (FuWindow *self,
                       GFile    *file)
{
  g_autoptr(ImportData) data = NULL;
  g_autoptr(GError) error = NULL;
  FuImportKind kind;
  const char *text;
  gsize length;

  g_return_if_fail (FU_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->display_name = g_file_get_basename (file);
  data->bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (data->bytes == NULL)
    {
      g_autofree char *heading = NULL;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Read “%s”"), data->display_name);
      show_error (self, heading, error->message);
      return;
    }

  text = g_bytes_get_data (data->bytes, &length);
  /* Our own files by their columns; lists and forms' exports by what their headers name. */
  if (fu_import_detect_kind (text, length, &kind) || fu_import_guess_kind (text, length, &kind))
    import_as (self, data, kind);
  else
    ask_import_kind (self, g_steal_pointer (&data));
}

guint
fu_window_get_fiscal_year (FuWindow *self)
{
  g_autoptr(GArray) years = NULL;
  guint year;

  g_return_val_if_fail (FU_IS_WINDOW (self), 0);

  year = self->reports_page != NULL ? fu_reports_page_get_fiscal_year (self->reports_page) : 0;
  if (year != 0)
    return year;

  years = fu_store_list_fiscal_years (fu_context_get_store (self->context),
                                      fu_context_get_rules (self->context), TRUE, NULL);
  if (years == NULL || years->len == 0)
    return 0;

  return g_array_index (years, guint, years->len - 1);
}

gboolean
fu_window_export_summary (FuWindow *self,
                          guint     fiscal_year,
                          GFile    *file)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (FU_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  path = g_file_get_path (file);

  /* A workbook by its name; else CSV with a byte-order mark: the summary goes to a
   * spreadsheet, and Excel needs it for UTF-8. */
  if (path != NULL && g_str_has_suffix (path, ".xlsx")
      ? !fu_export_summary_xlsx (fu_context_get_store (self->context), fiscal_year, path,
                                 &error)
      : (!fu_export_summary (fu_context_get_store (self->context), fiscal_year,
                             FU_EXPORT_BOM, out, &error)
         || !fu_gfile_write_private (file, out->str, out->len, &error)))
    {
      g_autofree char *heading = NULL;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Save “%s”"), basename);
      show_error (self, heading, error->message);
      return FALSE;
    }

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved %s"), basename);
  toast (self, message);

  return TRUE;
}

void
fu_window_show_change (FuWindow   *self,
                       const char *title,
                       gint64      entry_id)
{
  AdwToast *t;

  g_return_if_fail (FU_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  /* One change's toast at a time: an older Undo never comes back over a newer one. */
  if (update_change_toast (self, title, entry_id))
    return;
  t = adw_toast_new (title);
  if (entry_id > 0)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, "win.undo-entry");
      adw_toast_set_action_target_value (t, g_variant_new_int64 (entry_id));
      self->change_toast = g_object_ref (t);
      g_signal_connect_object (t, "dismissed", G_CALLBACK (change_toast_dismissed_cb), self, 0);
    }
  fu_window_add_toast (self, t);
}

void
fu_window_show_history (FuWindow *self,
                        gint64    workshop_id,
                        gint64    participant_id)
{
  FuHistoryWindow *window;

  g_return_if_fail (FU_IS_WINDOW (self));

  window = fu_history_window_new (GTK_WINDOW (self), self->context, workshop_id,
                                  participant_id);
  gtk_window_present (GTK_WINDOW (window));
}
