/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-workshop-detail.h: one workshop, every field editable in place, and its attendees. */
#pragma once

#include <adwaita.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_WORKSHOP_DETAIL (fu_workshop_detail_get_type ())
G_DECLARE_FINAL_TYPE (FuWorkshopDetail, fu_workshop_detail, FU, WORKSHOP_DETAIL, GtkWidget)

FuContext  *fu_workshop_detail_get_context      (FuWorkshopDetail *self);
void        fu_workshop_detail_set_context      (FuWorkshopDetail *self,
                                                 FuContext        *context);
/* 0 shows nothing. */
gint64      fu_workshop_detail_get_workshop_id  (FuWorkshopDetail *self);
void        fu_workshop_detail_set_workshop_id  (FuWorkshopDetail *self,
                                                 gint64            workshop_id);
/* Reads the workshop and its attendees again (after the context's "changed"). */
void        fu_workshop_detail_reload           (FuWorkshopDetail *self);
/* The attendees as the table shows them (sorted as its headers say): GObjects whose
 * fu_row_item_get_row() is a FuAttendanceRow. */
GListModel *fu_workshop_detail_get_attendees    (FuWorkshopDetail *self);

G_END_DECLS
