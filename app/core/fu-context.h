/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-context.h: what every page and command is handed instead of reaching for globals:
 * the store, the clock ("today", overridable in tests), the history that every change goes
 * through, and a "changed" signal that tells views what changed (a FuChangeSet). */
#pragma once

#include <glib-object.h>

#include "fu-command.h"
#include "fu-history.h"
#include "fu-rules.h"
#include "fu-types.h"

G_BEGIN_DECLS

#define FU_TYPE_CONTEXT (fu_context_get_type ())
G_DECLARE_FINAL_TYPE (FuContext, fu_context, FU, CONTEXT, GObject)

/* Today from $FOLLOWUP_TODAY (YYYY-MM-DD) when set, else the local date. A malformed
 * variable is an error naming it. */
gboolean    fu_context_today_from_environment (FuDay *today, GError **error);

/* Takes a reference on @store. "Today" starts as fu_context_today_from_environment gives
 * (a malformed variable falls back to the real date, with a warning). */
FuContext  *fu_context_new            (FuStore *store);
FuStore    *fu_context_get_store      (FuContext *self);
FuDay       fu_context_get_today      (FuContext *self);
/* Fixes "today" (tests, screenshots); FU_DAY_NONE goes back to the clock. */
void        fu_context_set_today      (FuContext *self, FuDay today);
/* The team's rules as last read from the store; a change to the settings re-reads them. */
const FuRules *fu_context_get_rules   (FuContext *self);
/* The window's undo and redo, over the audit log. */
FuHistory  *fu_context_get_history    (FuContext *self);
/* Applies @command through the history, which announces what it changed ("changed"). */
gboolean    fu_context_run            (FuContext *self, FuCommand *command, GError **error);
/* A command applied in another thread with fu_command_apply() on this context's store:
 * recorded for undo and announced, as fu_context_run() does. */
void       fu_context_add_applied (FuContext *self, FuCommand *command);

G_END_DECLS
