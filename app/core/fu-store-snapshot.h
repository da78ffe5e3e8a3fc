/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-store-snapshot.h: a copy of a workshop with everything deleting it takes away
 * (attendances, follow-ups, reminders, replies), so that "Undo" can put it back as it was,
 * with the same ids. */
#pragma once

#include "fu-types.h"

G_BEGIN_DECLS

typedef struct _FuWorkshopSnapshot FuWorkshopSnapshot;

/* Reads workshop @id and its attendances, follow-ups, reminders and replies. NULL with
 * FU_STORE_ERROR_NOT_FOUND when there is no such workshop. */
FuWorkshopSnapshot *fu_store_snapshot_workshop   (FuStore                  *self,
                                                  gint64                    id,
                                                  GError                  **error);
/* Writes the snapshot back in one transaction, with the ids its rows had; a row whose id
 * has been taken since gets a new one (fu_workshop_snapshot_get_id then gives the
 * workshop's). Refused, and nothing written, when a workshop with its code is there
 * (FU_STORE_ERROR_EXISTS: it was not deleted, or another took its code) or when one of
 * its participants or its host administration is gone (FU_STORE_ERROR_NOT_FOUND). */
gboolean            fu_store_restore_workshop    (FuStore                  *self,
                                                  FuWorkshopSnapshot       *snapshot,
                                                  GError                  **error);

gint64              fu_workshop_snapshot_get_id            (const FuWorkshopSnapshot *self);
const char         *fu_workshop_snapshot_get_code          (const FuWorkshopSnapshot *self);
guint               fu_workshop_snapshot_get_n_attendances (const FuWorkshopSnapshot *self);
guint               fu_workshop_snapshot_get_n_replies     (const FuWorkshopSnapshot *self);
void                fu_workshop_snapshot_free              (FuWorkshopSnapshot       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FuWorkshopSnapshot, fu_workshop_snapshot_free)

G_END_DECLS
