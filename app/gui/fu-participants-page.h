/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-participants-page.h: everyone in one searchable, sortable table, a detail pane with
 * the selected person's history, and merging two records of the same person. Actions:
 * participants.merge, participants.search, participants.show-table. */
#pragma once

#include <adwaita.h>

#include "fu-context.h"

G_BEGIN_DECLS

#define FU_TYPE_PARTICIPANTS_PAGE (fu_participants_page_get_type ())
G_DECLARE_FINAL_TYPE (FuParticipantsPage, fu_participants_page, FU, PARTICIPANTS_PAGE, GtkWidget)

FuContext  *fu_participants_page_get_context  (FuParticipantsPage *self);
void        fu_participants_page_set_context  (FuParticipantsPage *self,
                                               FuContext          *context);
/* The table's rows as shown (searched and sorted): FuRowItems whose row is a
 * FuParticipantOverview (fu-store-people.h). */
GListModel *fu_participants_page_get_model    (FuParticipantsPage *self);
/* Selects the people with these ids (that the search shows), and nobody else. */
void        fu_participants_page_select       (FuParticipantsPage *self,
                                               const gint64       *participant_ids,
                                               guint               n_ids);
/* The person the detail shows, or 0. */
gint64      fu_participants_page_get_shown    (FuParticipantsPage *self);

G_END_DECLS
