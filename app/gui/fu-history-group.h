/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-history-group.h: a record's own latest changes, in its detail view, with a button to the
 * History window narrowed to that record. */
#pragma once

#include <adwaita.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_HISTORY_GROUP (fu_history_group_get_type ())
G_DECLARE_FINAL_TYPE (FuHistoryGroup, fu_history_group, FU, HISTORY_GROUP, AdwPreferencesGroup)

/* Shows the latest changes of workshop @workshop_id or participant @participant_id (the
 * other 0); a NULL @context empties the group. */
void   fu_history_group_load       (FuHistoryGroup *self,
                                    FuContext      *context,
                                    gint64          workshop_id,
                                    gint64          participant_id);
/* How many entries the group lists. */
guint  fu_history_group_get_n_rows (FuHistoryGroup *self);

G_END_DECLS
