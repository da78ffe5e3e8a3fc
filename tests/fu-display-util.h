/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-display-util.h: what the display tests share on top of fu-test-util.h: a temporary
 * database (with the sample), a context and window on it, iterating the main loop until it
 * is idle, and finding the widgets and dialogs a person would look at. */
#pragma once

#include <adwaita.h>

#include "fu-backups-dialog.h"
#include "fu-board-page.h"
#include "fu-context.h"
#include "fu-gui-util.h"
#include "fu-import-dialog.h"
#include "fu-test-util.h"
#include "fu-window.h"

/* Runs what is pending in the main loop, until nothing is. */
static inline void
fu_display_iterate (void)
{
  for (;;)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      /* An import checks and writes in a thread, and the board reads there when first
       * shown: their ends come back through the loop. */
      if (fu_import_dialog_count_running () == 0 && fu_board_page_count_loading () == 0
          && fu_gui_count_reads () == 0 && fu_backups_dialog_count_restoring () == 0)
        return;
      g_main_context_iteration (NULL, TRUE);
    }
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

/* The window's page called @name ("workshops"...), made if it was not yet. */
static inline gpointer
fu_display_page (FuWindow   *window,
                 const char *name)
{
  GtkWidget *page = fu_window_get_page_widget (window, name);

  g_assert_nonnull (page);
  return page;
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

typedef gboolean (*FuDisplayMatch) (GtkWidget *widget, const char *text);

/* The first widget below @root (itself included) that @match accepts with @text, if any. */
static inline GtkWidget *
fu_display_find (GtkWidget      *root,
                 FuDisplayMatch  match,
                 const char     *text)
{
  if (match (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = fu_display_find (child, match, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gboolean
fu_display_is_button_labelled (GtkWidget  *widget,
                               const char *label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static inline gboolean
fu_display_is_button_tipped (GtkWidget  *widget,
                             const char *tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static inline gboolean
fu_display_is_row_titled (GtkWidget  *widget,
                          const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The button on screen below @root whose label is @label (with its mnemonic), if any. */
static inline GtkWidget *
fu_display_find_button (GtkWidget  *root,
                        const char *label)
{
  return fu_display_find (root, fu_display_is_button_labelled, label);
}

/* The row (AdwPreferencesRow) titled @title below @root, if any. */
static inline GtkWidget *
fu_display_find_row (GtkWidget  *root,
                     const char *title)
{
  return fu_display_find (root, fu_display_is_row_titled, title);
}

/* ---- Keys -------------------------------------------------------------------------------- */

/* Whether a shortcut controller of @widget in @phase holds @keyval + @modifiers; if so, runs
 * its action as a key press would. */
static inline gboolean
fu_display_activate_in (GtkWidget           *widget,
                        GtkPropagationPhase  phase,
                        guint                keyval,
                        GdkModifierType      modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *text = gtk_shortcut_trigger_to_string (trigger);
          g_autofree char *wanted = gtk_accelerator_name (keyval, modifiers);

          /* "<Control>Return|<Control>KP_Enter" and the like: any of the alternatives. */
          if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
            {
              g_autofree char *first = gtk_shortcut_trigger_to_string (
                gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)));

              g_free (text);
              text = g_steal_pointer (&first);
            }
          if (g_strcmp0 (text, wanted) == 0
              && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                               gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

/* Presses @accel ("<Control>f") in @window: the shortcuts of the widgets from the window
 * down to the focus in the capture phase, then from the focus up in the bubble phase, as
 * GTK delivers a key. No X events: the widgets' own bindings and controllers are run. */
static inline gboolean
fu_display_press (GtkWindow  *window,
                  const char *accel)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GdkModifierType modifiers;
  guint keyval;
  gboolean done = FALSE;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &modifiers));
  for (GtkWidget *w = focus != NULL ? focus : GTK_WIDGET (window); w != NULL;
       w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);

  for (guint i = chain->len; i > 0 && !done; i--)
    done = fu_display_activate_in (g_ptr_array_index (chain, i - 1), GTK_PHASE_CAPTURE, keyval,
                                   modifiers);
  for (guint i = 0; i < chain->len && !done; i++)
    done = fu_display_activate_in (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, keyval,
                                   modifiers);
  fu_display_iterate ();

  return done;
}
