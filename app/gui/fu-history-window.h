/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-history-window.h: the audit log, newest first and searchable: what changed, who changed
 * it and when, with the old and new value of every field. Everything, or what one workshop
 * or one participant went through. */
#pragma once

#include <adwaita.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_HISTORY_WINDOW (fu_history_window_get_type ())
G_DECLARE_FINAL_TYPE (FuHistoryWindow, fu_history_window, FU, HISTORY_WINDOW, AdwWindow)

/* @workshop_id or @participant_id (0: none) narrows the list to that record's entries. */
FuHistoryWindow *fu_history_window_new        (GtkWindow       *parent,
                                               FuContext       *context,
                                               gint64           workshop_id,
                                               gint64           participant_id);
/* The entries listed, newest first (FuAuditEntry*; owned by the window). */
GPtrArray       *fu_history_window_get_entries (FuHistoryWindow *self);
void             fu_history_window_set_search  (FuHistoryWindow *self,
                                                const char      *text);

G_END_DECLS
