/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-history-window.c: the audit log as a list of expander rows, newest first: each change's
 * sentence, who made it and when; opened, the records it touched with their fields' old and
 * new values (read when first opened: an import may touch thousands of rows). */
#define G_LOG_DOMAIN "fu-history-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-history-window.h"
#include "fu-store.h"

/* How many entries the list shows; a search finds older ones. */
#define MAX_ENTRIES 500
/* How many records one entry lists when opened. */
#define MAX_CHANGES 200

struct _FuHistoryWindow
{
  AdwWindow        parent_instance;

  FuContext       *context;
  gint64           workshop_id;
  gint64           participant_id;
  GPtrArray       *entries;       /* FuAuditEntry* */
  char            *search;

  AdwStatusPage   *empty_page;
  GtkListBox      *list;
  GtkLabel        *more_label;
  GtkSearchEntry  *search_entry;
  GtkStack        *stack;
  AdwWindowTitle  *window_title;
};

G_DEFINE_FINAL_TYPE (FuHistoryWindow, fu_history_window, ADW_TYPE_WINDOW)

static void
add_change_rows (FuHistoryWindow *self,
                 AdwExpanderRow  *expander,
                 gint64           entry_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  changes = fu_store_list_audit_changes (fu_context_get_store (self->context), entry_id,
                                         &error);
  if (changes == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      adw_expander_row_add_row (expander, row);
      return;
    }

  for (guint i = 0; i < changes->len && i < MAX_CHANGES; i++)
    {
      const FuAuditChange *change = g_ptr_array_index (changes, i);
      g_autofree char *record = fu_audit_change_describe_record (change);
      g_autofree char *title = NULL;
      g_autoptr(GString) fields = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      switch (change->op)
        {
        case FU_CHANGE_INSERT:
          /* TRANSLATORS: a record that a change added, e.g. "Workshop 2016-NII" */
          title = g_strdup_printf (_("Added: %s"), record);
          break;
        case FU_CHANGE_DELETE:
          title = g_strdup_printf (_("Deleted: %s"), record);
          break;
        case FU_CHANGE_UPDATE:
        default:
          title = g_strdup_printf (_("Changed: %s"), record);
          break;
        }

      for (guint j = 0; change->fields != NULL && j < change->fields->len; j++)
        {
          g_autofree char *text = fu_audit_field_describe (g_ptr_array_index (change->fields, j));

          if (fields->len > 0)
            g_string_append_c (fields, '\n');
          g_string_append (fields, text);
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fields->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (expander, row);
    }

  if (changes->len > MAX_CHANGES)
    {
      g_autofree char *title = NULL;
      GtkWidget *row = adw_action_row_new ();

      title = g_strdup_printf (ngettext ("… and %u more record", "… and %u more records",
                                         changes->len - MAX_CHANGES),
                               changes->len - MAX_CHANGES);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_add_row (expander, row);
    }
}

static void
expanded_cb (AdwExpanderRow  *expander,
             GParamSpec      *pspec,
             FuHistoryWindow *self)
{
  gint64 entry_id;

  if (!adw_expander_row_get_expanded (expander)
      || g_object_get_data (G_OBJECT (expander), "fu-filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "fu-filled", GINT_TO_POINTER (1));
  entry_id = *(gint64 *) g_object_get_data (G_OBJECT (expander), "fu-entry-id");
  add_change_rows (self, expander, entry_id);
}

static GtkWidget *
entry_row (FuHistoryWindow    *self,
           const FuAuditEntry *entry)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *sentence = fu_audit_entry_describe (entry);
  g_autofree char *byline = fu_audit_entry_format_byline (entry);
  gint64 *id = g_new (gint64, 1);

  *id = entry->id;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sentence);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), byline);
  if (entry->undone_by != 0)
    {
      GtkWidget *tag = gtk_label_new (_("Undone"));

      gtk_widget_add_css_class (tag, "dim-label");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
    }
  g_object_set_data_full (G_OBJECT (row), "fu-entry-id", id, g_free);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
  return row;
}

static void
reload (FuHistoryWindow *self)
{
  g_autoptr(GError) error = NULL;
  FuAuditQuery query = { 0 };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  query.limit = MAX_ENTRIES + 1;
  query.workshop_id = self->workshop_id;
  query.participant_id = self->participant_id;
  query.search = self->search;
  self->entries = fu_store_list_audit_entries (fu_context_get_store (self->context), &query,
                                               &error);
  if (self->entries == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Read the History"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) fu_audit_entry_free);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->more_label), self->entries->len > MAX_ENTRIES);
  if (self->entries->len > MAX_ENTRIES)
    {
      g_ptr_array_set_size (self->entries, MAX_ENTRIES);
      gtk_label_set_label (self->more_label,
                           _("Older changes are not listed: search to find them"));
    }

  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->list, entry_row (self, g_ptr_array_index (self->entries, i)));

  if (self->entries->len == 0 && self->search != NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Changes"));
      adw_status_page_set_description (self->empty_page, _("Try another search"));
    }
  gtk_stack_set_visible_child_name (self->stack, self->entries->len > 0 ? "list" : "empty");
}

static void
search_changed_cb (FuHistoryWindow *self,
                   GtkSearchEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* The entry says so again after its delay when the text was set: nothing new. */
  if (g_strcmp0 (text != NULL && *text != '\0' ? text : NULL, self->search) == 0
      && self->entries != NULL)
    return;
  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_strdup (text);
  reload (self);
}

static void
context_changed_cb (FuHistoryWindow *self)
{
  reload (self);
}

static void
fu_history_window_dispose (GObject *object)
{
  FuHistoryWindow *self = FU_HISTORY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_HISTORY_WINDOW);
  g_clear_object (&self->context);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (fu_history_window_parent_class)->dispose (object);
}

static void
fu_history_window_class_init (FuHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_history_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FuHistoryWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FuHistoryWindow, list);
  gtk_widget_class_bind_template_child (widget_class, FuHistoryWindow, more_label);
  gtk_widget_class_bind_template_child (widget_class, FuHistoryWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FuHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FuHistoryWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fu_history_window_init (FuHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FuHistoryWindow *
fu_history_window_new (GtkWindow *parent,
                       FuContext *context,
                       gint64     workshop_id,
                       gint64     participant_id)
{
  FuHistoryWindow *self;
  FuStore *store;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FU_IS_CONTEXT (context), NULL);

  self = g_object_new (FU_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->workshop_id = workshop_id;
  self->participant_id = participant_id;
  store = fu_context_get_store (context);

  if (workshop_id > 0)
    {
      g_autoptr(FuWorkshop) workshop = fu_store_get_workshop (store, workshop_id, NULL);

      if (workshop != NULL)
        adw_window_title_set_subtitle (self->window_title, workshop->code);
    }
  else if (participant_id > 0)
    {
      g_autoptr(FuParticipant) participant = fu_store_get_participant (store, participant_id,
                                                                       NULL);

      if (participant != NULL)
        adw_window_title_set_subtitle (self->window_title, participant->name);
    }

  g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}

GPtrArray *
fu_history_window_get_entries (FuHistoryWindow *self)
{
  g_return_val_if_fail (FU_IS_HISTORY_WINDOW (self), NULL);

  return self->entries;
}

void
fu_history_window_set_search (FuHistoryWindow *self,
                              const char      *text)
{
  g_return_if_fail (FU_IS_HISTORY_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self, self->search_entry);
}
