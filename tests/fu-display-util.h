/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-display-util.h: what the display tests share on top of fu-test-util.h: a temporary
 * database (with the sample), a context and window on it, iterating the main loop until it
 * is idle, and finding the widgets and dialogs a person would look at. */
#pragma once

#include <adwaita.h>

#include "fu-context.h"
#include "fu-test-util.h"
#include "fu-window.h"

/* Runs what is pending in the main loop, until nothing is. */
static inline void
fu_display_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A store in "followup.db" of a new temporary folder (@tmpl as for g_dir_make_tmp), with the
 * sample when @sample; *@dir is the folder, and *@path (when not NULL) the file. */
static inline FuStore *
fu_display_open_store (const char  *tmpl,
                       gboolean     sample,
                       char       **dir,
                       char       **path)
{
  g_autofree char *file = NULL;
  FuStore *store;

  *dir = fu_test_make_tmp_dir (tmpl);
  file = g_build_filename (*dir, "followup.db", NULL);
  store = fu_test_open_store (file);
  if (sample)
    fu_test_load_sample (store);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return store;
}

/* A context on @store whose "today" is @today. */
static inline FuContext *
fu_display_context_new (FuStore *store,
                        FuDay    today)
{
  FuContext *context = fu_context_new (store);

  fu_context_set_today (context, today);
  return context;
}

/* The main window on @context, shown on @page (NULL: where it opens), once idle. */
static inline FuWindow *
fu_display_open_window (FuContext  *context,
                        const char *page)
{
  FuWindow *window = fu_window_new (NULL, context);

  gtk_window_present (GTK_WINDOW (window));
  if (page != NULL)
    fu_window_show_page (window, page);
  fu_display_iterate ();
  return window;
}

/* Every window goes, as when the person quits. */
static inline void
fu_display_destroy_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  fu_display_iterate ();
}

/* The end of a test: the windows go, then the context and store, then their folder. */
static inline void
fu_display_close (FuContext **context,
                  FuStore   **store,
                  char      **dir)
{
  fu_display_destroy_windows ();
  g_clear_object (context);
  g_clear_object (store);
  fu_test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

/* The template child @name of @widget (of class @type), which must exist. */
static inline GObject *
fu_display_child (gpointer    widget,
                  GType       type,
                  const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/* The message dialog on screen, if any. */
static inline AdwMessageDialog *
fu_display_find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The button on screen below @root whose label is @label (with its mnemonic), if any. */
static inline GtkWidget *
fu_display_find_button (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fu_display_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}
