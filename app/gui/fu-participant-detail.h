/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-participant-detail.h: one person: their details, editable in place, and every
 * workshop they attended across the years with the follow-up's status and reply. */
#pragma once

#include <adwaita.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_PARTICIPANT_DETAIL (fu_participant_detail_get_type ())
G_DECLARE_FINAL_TYPE (FuParticipantDetail, fu_participant_detail, FU, PARTICIPANT_DETAIL,
                      GtkWidget)

FuContext *fu_participant_detail_get_context         (FuParticipantDetail *self);
void       fu_participant_detail_set_context         (FuParticipantDetail *self,
                                                      FuContext           *context);
/* 0 shows nothing. */
gint64     fu_participant_detail_get_participant_id  (FuParticipantDetail *self);
void       fu_participant_detail_set_participant_id  (FuParticipantDetail *self,
                                                      gint64               participant_id);
/* Reads the person and their history again (after the context's "changed"). */
void       fu_participant_detail_reload              (FuParticipantDetail *self);
/* The workshops listed (one row each). */
guint      fu_participant_detail_get_n_workshops     (FuParticipantDetail *self);

G_END_DECLS
