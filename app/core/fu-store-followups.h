/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-followups.h: what the follow-up board and the reply editor need beyond
 * fu-store.h: undoing the board's changes, and one follow-up by its id. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

/* Undoes fu_store_mark_followups_sent() of @date: the questionnaires of these follow-ups
 * that were sent on @date are unsent again (no sending date, no deadline). Others are left
 * alone. An unknown id is FU_STORE_ERROR_NOT_FOUND; all or nothing. */
gboolean       fu_store_unmark_followups_sent (FuStore      *self,
                                               const gint64 *followup_ids,
                                               guint         n_ids,
                                               FuDay         date,
                                               GError      **error);
/* Undoes fu_store_mark_followups_reminded() of @date: deletes these follow-ups' reminders
 * sent on @date. All or nothing. */
gboolean       fu_store_delete_reminders_on   (FuStore      *self,
                                               const gint64 *followup_ids,
                                               guint         n_ids,
                                               FuDay         date,
                                               GError      **error);
/* fu_store_close_followup() for each id, all or nothing. */
gboolean       fu_store_close_followups       (FuStore      *self,
                                               const gint64 *followup_ids,
                                               guint         n_ids,
                                               FuDay         date,
                                               const char   *reason,
                                               GError      **error);
/* Undoes fu_store_close_followup(): the follow-ups are open again, without a closing date
 * or reason. An unknown id is FU_STORE_ERROR_NOT_FOUND; all or nothing. */
gboolean       fu_store_reopen_followups      (FuStore      *self,
                                               const gint64 *followup_ids,
                                               guint         n_ids,
                                               GError      **error);
/* The follow-up's row as of @as_of (as fu_store_list_followups() gives it), or NULL with
 * FU_STORE_ERROR_NOT_FOUND. Follow-ups of workshops that are not surveyed are not found. */
FuFollowupRow *fu_store_get_followup          (FuStore      *self,
                                               gint64        followup_id,
                                               FuDay         as_of,
                                               GError      **error);

G_END_DECLS
