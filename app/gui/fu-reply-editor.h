/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-reply-editor.h: the modal window that records a questionnaire's answers (Q1 to Q5 and
 * the date received) for one follow-up, new or already recorded. Ctrl+Enter saves; Escape
 * asks before discarding changes. Saving says so in a toast on the parent FuWindow, with
 * Undo. */
#pragma once

#include <adwaita.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_REPLY_EDITOR (fu_reply_editor_get_type ())
G_DECLARE_FINAL_TYPE (FuReplyEditor, fu_reply_editor, FU, REPLY_EDITOR, AdwWindow)

/* A modal window over @parent (may be NULL) for @followup_id's reply, filled with the
 * recorded reply if there is one; call gtk_window_present(). */
FuReplyEditor *fu_reply_editor_new          (GtkWindow     *parent,
                                             FuContext     *context,
                                             gint64         followup_id);
gint64         fu_reply_editor_get_followup_id (FuReplyEditor *self);
/* TRUE when what the widgets say differs from what was loaded. */
gboolean       fu_reply_editor_has_changes  (FuReplyEditor *self);
/* TRUE when every field is valid (Save is sensitive). */
gboolean       fu_reply_editor_is_valid     (FuReplyEditor *self);
/* Saves what the widgets say (what Save does, without closing the window): the store, then
 * fu_context_changed() and the toast. FALSE with an error when a value is invalid or the
 * store refuses. */
gboolean       fu_reply_editor_save         (FuReplyEditor *self,
                                             GError       **error);
/* Tests: the template child @name ("received_entry", "shared_materials_check",
 * "colleagues_shared_spin", "direct_effects_yes", "lessons_use_view", ... see
 * ui/fu-reply-editor.ui), or NULL. */
GtkWidget     *fu_reply_editor_get_widget   (FuReplyEditor *self,
                                             const char    *name);

G_END_DECLS
