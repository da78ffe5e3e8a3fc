/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-history.h: undo and redo over the commands of one window, and the one place that
 * announces changes. Every change runs through fu_history_run(); "changed" then carries
 * what it touched, and so do undo, redo and the changes other programs make to the same
 * database (fu_history_poll). A toast's Undo is fu_history_undo_entry() of the same entry. */
#pragma once

#include <glib-object.h>

#include "fu-command.h"
#include "fu-types.h"

G_BEGIN_DECLS

#define FU_TYPE_HISTORY (fu_history_get_type ())
G_DECLARE_FINAL_TYPE (FuHistory, fu_history, FU, HISTORY, GObject)

FuHistory  *fu_history_new             (FuStore *store);
FuStore    *fu_history_get_store       (FuHistory *self);

/* Applies @command, puts it on the undo stack (clearing redo) and emits "changed". */
gboolean    fu_history_run             (FuHistory *self, FuCommand *command, GError **error);
/* The rest of fu_history_run() for a command applied elsewhere (fu_command_apply() in a
 * thread, for a long import): it goes on the undo stack and its changes are announced. */
void        fu_history_add_applied     (FuHistory *self, FuCommand *command);

gboolean    fu_history_get_can_undo    (FuHistory *self);
gboolean    fu_history_get_can_redo    (FuHistory *self);
/* The sentence of what undo or redo would take back or do again; NULL when nothing. */
const char *fu_history_get_undo_sentence (FuHistory *self);
const char *fu_history_get_redo_sentence (FuHistory *self);

/* Undoes the newest change of the undo stack; on success *sentence (may be NULL) is the
 * undo's sentence ("Undid: ..."). A change that can no longer be undone is dropped from the
 * stack, and the error (FU_STORE_ERROR_CONFLICT) says why. */
gboolean    fu_history_undo            (FuHistory *self, char **sentence, GError **error);
gboolean    fu_history_redo            (FuHistory *self, char **sentence, GError **error);
/* Undoes entry @entry_id wherever it is on the stack (a toast's Undo). */
gboolean    fu_history_undo_entry      (FuHistory *self, gint64 entry_id, char **sentence,
                                        GError **error);

/* Looks for changes made by other programs since the last look, and emits "changed" with
 * them. Returns TRUE when there were some. */
gboolean    fu_history_poll            (FuHistory *self);

/* Emits "changed" with @changes (a change made outside a command, such as opening another
 * database). */
void        fu_history_announce        (FuHistory *self, FuChangeSet *changes);

G_END_DECLS
