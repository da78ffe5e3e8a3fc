/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fu-compose-dialog.h: the questionnaire or a reminder for the selected follow-ups, as
 * drafts for the mail program: one link under what mail programs accept (numbered "1 of 3"
 * when the recipients do not fit in one), each with Open in Mail and Copy Addresses. Nothing
 * is recorded until staff say the mail went: "Record as Sent". */
#pragma once

#include <adwaita.h>

#include "fu-context.h"
#include "fu-mailto.h"

G_BEGIN_DECLS

/* Called after "Record as Sent" with the follow-ups that had an address (gint64). */
typedef void (*FuComposeSentFunc) (GArray *followup_ids, gpointer user_data);

/* @rows: FuFollowupRow *. Shows a toast on @widget for those without an address. Returns
 * the dialog, or NULL when no row has an address. */
AdwMessageDialog *fu_compose_dialog_present (GtkWidget         *widget,
                                             FuContext         *context,
                                             GPtrArray         *rows,
                                             FuMailtoKind       kind,
                                             FuComposeSentFunc  sent,
                                             gpointer           user_data,
                                             GDestroyNotify     destroy);

G_END_DECLS
