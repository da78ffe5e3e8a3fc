/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fu-history-group"

#include "config.h"

#include <glib/gi18n.h>

#include "fu-history-group.h"
#include "fu-store.h"
#include "fu-window.h"

/* The detail lists this many; Show All lists the rest. */
#define N_SHOWN 5

struct _FuHistoryGroup
{
  AdwPreferencesGroup  parent_instance;

  FuContext           *context;
  gint64               workshop_id;
  gint64               participant_id;
  guint                n_rows;

  GtkButton           *all_button;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (FuHistoryGroup, fu_history_group, ADW_TYPE_PREFERENCES_GROUP)

static void
all_clicked_cb (FuHistoryGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (FU_IS_WINDOW (root))
    fu_window_show_history (FU_WINDOW (root), self->workshop_id, self->participant_id);
}

static void
fu_history_group_dispose (GObject *object)
{
  FuHistoryGroup *self = FU_HISTORY_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FU_TYPE_HISTORY_GROUP);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (fu_history_group_parent_class)->dispose (object);
}

static void
fu_history_group_class_init (FuHistoryGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fu_history_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/rocbap/FollowUp/fu-history-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FuHistoryGroup, all_button);
  gtk_widget_class_bind_template_child (widget_class, FuHistoryGroup, list);
  gtk_widget_class_bind_template_callback (widget_class, all_clicked_cb);
}

static void
fu_history_group_init (FuHistoryGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
fu_history_group_load (FuHistoryGroup *self,
                       FuContext      *context,
                       gint64          workshop_id,
                       gint64          participant_id)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  FuAuditQuery query = { 0 };
  GtkWidget *child;

  g_return_if_fail (FU_IS_HISTORY_GROUP (self));
  g_return_if_fail (context == NULL || FU_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  self->workshop_id = workshop_id;
  self->participant_id = participant_id;
  self->n_rows = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (context != NULL && (workshop_id > 0 || participant_id > 0))
    {
      query.limit = N_SHOWN;
      query.workshop_id = workshop_id;
      query.participant_id = participant_id;
      entries = fu_store_list_audit_entries (fu_context_get_store (context), &query, &error);
      if (entries == NULL)
        g_warning ("Could not read the history: %s", error->message);
    }

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const FuAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *sentence = fu_audit_entry_describe (entry);
      g_autofree char *byline = fu_audit_entry_format_byline (entry);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sentence);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), byline);
      gtk_list_box_append (self->list, row);
      self->n_rows++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_rows > 0);
}

guint
fu_history_group_get_n_rows (FuHistoryGroup *self)
{
  g_return_val_if_fail (FU_IS_HISTORY_GROUP (self), 0);

  return self->n_rows;
}
