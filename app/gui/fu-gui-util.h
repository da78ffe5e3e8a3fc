/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-gui-util.h: small pieces that several pages and editors share (toasts, error marks,
 * tooltips, following the context). */
#pragma once

#include <adwaita.h>
#include "fu-context.h"

G_BEGIN_DECLS

void       fu_gui_show_toast              (GtkWidget   *widget,
                                           AdwToast    *toast);
void       fu_gui_show_error_toast        (GtkWidget   *widget,
                                           const char  *message);
GtkWindow *fu_gui_parent_window           (GtkWidget   *widget);
void       fu_gui_mark_error              (GtkWidget   *widget,
                                           gboolean     bad);
void       fu_gui_set_entry_text          (AdwEntryRow *row,
                                           const char  *text);
void       fu_gui_clear_error_cb          (GtkEditable *editable,
                                           gpointer     user_data);
gboolean   fu_gui_label_query_tooltip_cb  (GtkWidget   *label,
                                           int          x,
                                           int          y,
                                           gboolean     keyboard_mode,
                                           GtkTooltip  *tooltip,
                                           gpointer     user_data);
/* Applies @command through the context's history. On success the window shows its
 * sentence (or @title) with Undo (unless it changed nothing), and TRUE is returned. On failure the error goes to @error,
 * or with @error NULL into an error toast. */
gboolean   fu_gui_run_command             (GtkWidget   *widget,
                                           FuContext   *context,
                                           FuCommand   *command,
                                           const char  *title,
                                           GError     **error);
/* A calendar button at the end of @row, a date field that takes typed dates too: it opens
 * on the day typed, and a click writes the day chosen. With @commit, that counts as Enter in
 * the row (a field that saves on Enter); without, it only fills the field (a form). */
void       fu_gui_add_date_picker         (AdwEntryRow *row,
                                           gboolean     commit);
/* Enter in @row presses the dialog's default button, as in a GtkEntry that activates the
 * default (AdwEntryRow has no such property before libadwaita 1.4). */
void       fu_gui_entry_row_activates_default (AdwEntryRow *row);
/* Gives @drop_down the strings of @strings, searchable by them (type to narrow the list). */
void       fu_gui_drop_down_set_strings   (GtkDropDown   *drop_down,
                                           GtkStringList *strings);
gboolean   fu_gui_swap_context            (FuContext  **slot,
                                           gulong      *changed_id,
                                           FuContext   *context,
                                           GCallback    changed_cb,
                                           gpointer     instance);

/* Reads in a thread, on a connection of its own (fu_store_open_reader()): @read runs there
 * (with @user_data, which it must only read) and returns what was read, @done gets it back
 * in the main thread through fu_gui_read_finish(), also when @cancellable was cancelled
 * (then with an error). FALSE, and nothing started, when @store has no second connection:
 * the caller reads in place. */
typedef gpointer (*FuGuiReadFunc) (FuStore *reader, gpointer user_data, GError **error);
gboolean   fu_gui_read_in_thread          (gpointer             source,
                                           FuStore             *store,
                                           FuGuiReadFunc        read,
                                           GDestroyNotify       result_free,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  done,
                                           gpointer             user_data);
gpointer   fu_gui_read_finish             (GAsyncResult        *result,
                                           GError             **error);
/* How many fu_gui_read_in_thread() reads have not come back yet (tests wait for none). */
guint      fu_gui_count_reads             (void);

/* A save refused because a colleague changed the record since it was read
 * (FU_STORE_ERROR_CONFLICT): the message, and Show Their Version or Overwrite With Mine;
 * @func gets TRUE for Overwrite. */
typedef void (*FuGuiConflictFunc) (gboolean overwrite, gpointer user_data);
void fu_gui_ask_conflict (GtkWidget *widget, const GError *error, FuGuiConflictFunc func,
                          gpointer user_data);

G_END_DECLS
