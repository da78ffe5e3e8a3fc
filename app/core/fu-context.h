/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-context.h: what every page and command is handed instead of reaching for globals:
 * the store, the clock ("today", overridable in tests) and a "changed" signal that tells
 * views to reload after a change. */
#pragma once

#include <glib-object.h>

#include "fu-types.h"
#include "fu-rules.h"

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
/* The team's rules as last read from the store; fu_context_changed re-reads them. */
const FuRules *fu_context_get_rules   (FuContext *self);
/* Call after any change to the data: emits "changed" so that every view reloads. */
void        fu_context_changed        (FuContext *self);

G_END_DECLS
