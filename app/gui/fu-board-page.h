/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-board-page.h: the Follow-ups page: everything that needs action as of today, by status
 * (to send, reminder due, overdue, awaiting reply), with filters and the actions "board.*"
 * (mark-sent, mark-reminded, close, record-reply, compose-reminder, print, search). */
#pragma once

#include <gtk/gtk.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_BOARD_PAGE (fu_board_page_get_type ())
G_DECLARE_FINAL_TYPE (FuBoardPage, fu_board_page, FU, BOARD_PAGE, GtkWidget)

FuContext         *fu_board_page_get_context  (FuBoardPage      *self);
void               fu_board_page_set_context  (FuBoardPage      *self,
                                               FuContext        *context);

/* The group shown: FU_STATUS_TO_SEND, FU_STATUS_REMINDER_DUE, FU_STATUS_OVERDUE,
 * FU_STATUS_AWAITING_REPLY, FU_STATUS_PLANNED (the coming eight weeks) or FU_STATUS_REPLIED
 * (the last 30 days). */
FuFollowupStatus   fu_board_page_get_group    (FuBoardPage      *self);
void               fu_board_page_set_group    (FuBoardPage      *self,
                                               FuFollowupStatus  group);
/* The count the sidebar shows for @group (the follow-ups in that status as of today under
 * the fiscal year, workshop and administration filters). */
guint              fu_board_page_get_count    (FuBoardPage      *self,
                                               FuFollowupStatus  group);
/* The rows shown (FuFollowupItem) with their selection. */
GtkSelectionModel *fu_board_page_get_selection (FuBoardPage     *self);
/* How many boards are reading their rows in a thread (tests wait for none). */
guint              fu_board_page_count_loading (void);

G_END_DECLS
